// sitrep extract: the normalized body and metadata of each document (JSONL).
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/runner.h"
#include "core/record.h"
#include "text/text.h"

namespace sitrep::cli {

namespace {

DocStatus ExtractOne(RawDoc&& raw, const ingest::IngestOptions& options,
                     std::string* out) {
  Document doc = ingest::Prepare(std::move(raw), options);
  if (doc.status == DocStatus::kOk) {
    std::string normalized;
    text::Normalize(doc.text, &normalized, &doc.offset_map);
    doc.text = std::move(normalized);
  }
  AppendExtractRecord(doc, out);
  return doc.status;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto* opts = new CommonOptions();
  CLI::App* sub = app.add_subcommand(
      "extract",
      "write each document's normalized body and metadata as JSONL "
      "{doc_id, status, title, published, url, source, text}");
  AddCommonOptions(sub, opts);
  sub->callback([opts, exit_code] {
    RunStats stats;
    *exit_code = RunDocuments(*opts, ExtractOne, &stats);
  });
}

}  // namespace sitrep::cli
