// sitrep code: documents in, one sitrep.doc/1 record per document out.
#include <chrono>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/runner.h"
#include "core/record.h"
#include "text/text.h"

namespace sitrep::cli {

namespace {

DocStatus CodeOne(RawDoc&& raw, const ingest::IngestOptions& options,
                  std::string* out) {
  auto t0 = std::chrono::steady_clock::now();
  Document doc = ingest::Prepare(std::move(raw), options);
  if (doc.status == DocStatus::kOk) {
    thread_local text::TextScratch scratch;
    Status st = text::ProcessText(doc, scratch);
    if (!st.ok()) {
      doc.status = DocStatus::kRejected;
      doc.error = st.message();
    }
  }
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - t0)
                  .count();
  AppendDocRecord(doc, ms, out);
  return doc.status;
}

}  // namespace

void AddCodeCommand(CLI::App& app, int* exit_code) {
  auto* opts = new CommonOptions();  // lives for the whole process
  CLI::App* sub = app.add_subcommand(
      "code", "code documents into event records (JSONL, one line per document)");
  AddCommonOptions(sub, opts);
  sub->callback([opts, exit_code] {
    RunStats stats;
    *exit_code = RunDocuments(*opts, CodeOne, &stats);
  });
}

}  // namespace sitrep::cli
