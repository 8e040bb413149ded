// sitrep tag: tokens of documents with their POS tags, lemmas and entity
// labels, one token per line (CoNLL-like), blank line between sentences.
#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/runner.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

namespace {

void WriteTagged(const Document& doc, const Pipeline& p, std::string* out) {
  out->append(fmt::format("# doc_id = {}\n# status = {}\n", doc.id, DocStatusName(doc.status)));
  if (doc.status == DocStatus::kRejected) out->append(fmt::format("# error = {}\n", doc.error));
  // Entity label per token: B-kind / I-kind / O.
  std::vector<std::string> ent(doc.tokens.size(), "O");
  for (const EntityMention& e : doc.entities) {
    for (uint32_t t = e.first_token; t < e.last_token; ++t) {
      ent[t] = std::string(t == e.first_token ? "B-" : "I-") + kEntityKindNames[e.kind];
    }
  }
  const std::string_view text = doc.text;
  for (const Sentence& s : doc.sentences) {
    out->append(fmt::format("# text = {}\n", text.substr(s.begin, s.end - s.begin)));
    for (uint32_t t = s.first_token; t < s.last_token; ++t) {
      const Token& tok = doc.tokens[t];
      std::string_view word = text.substr(tok.begin, tok.end - tok.begin);
      std::string_view upos = tok.upos < kUposCount ? kUposNames[tok.upos] : "_";
      std::string_view xpos = p.pos() ? p.pos()->XposName(tok.xpos) : "_";
      std::string lemma = p.pos() ? p.pos()->Lemma(word, tok.upos) : std::string(word);
      out->append(fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}-{}\n", t - s.first_token + 1, word,
                              lemma, upos, xpos, ent[t], tok.begin, tok.end));
    }
    out->push_back('\n');
  }
}

}  // namespace

void AddTagCommand(CLI::App& app, int* exit_code) {
  auto* opts = new CommonOptions();
  auto* models_dir = new std::string();
  CLI::App* sub = app.add_subcommand(
      "tag",
      "show tokens with POS, lemma and entity labels (columns: n, token, lemma, "
      "UPOS, XPOS, entity, bytes)");
  AddCommonOptions(sub, opts);
  sub->add_option("--models", *models_dir, "models directory");
  sub->callback([opts, models_dir, exit_code] {
    PipelineOptions popts;
    popts.models_dir = *models_dir;
    auto pipeline = Pipeline::Load(popts);
    if (!pipeline.ok()) {
      std::fprintf(stderr, "sitrep tag: %s\n", pipeline.status().message().c_str());
      *exit_code = 2;
      return;
    }
    const Pipeline& p = **pipeline;
    DocWork work = [&p](RawDoc&& raw, const ingest::IngestOptions& o, std::string* out) {
      thread_local Pipeline::Scratch scratch;
      Document doc = p.Process(std::move(raw), o, scratch);
      WriteTagged(doc, p, out);
      return doc.status;
    };
    RunStats stats;
    *exit_code = RunDocuments(*opts, work, &stats);
  });
}

}  // namespace sitrep::cli
