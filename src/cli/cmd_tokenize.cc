// sitrep tokenize: tokens and sentences of each document as JSON, or with
// --stats one JSON line of counts and seconds.
#include <atomic>
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/runner.h"
#include "core/json_writer.h"
#include "text/text.h"

namespace sitrep::cli {

namespace {

struct TokenizeCounters {
  std::atomic<uint64_t> tokens{0};
  std::atomic<uint64_t> sentences{0};
  std::atomic<uint64_t> text_bytes{0};
  std::atomic<uint64_t> text_ns{0};  // normalize + tokenize + split, summed
};

void WriteTokens(const Document& doc, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("doc_id").String(doc.id);
  w.Key("status").String(DocStatusName(doc.status));
  if (doc.status == DocStatus::kRejected) w.Key("error").String(doc.error);
  w.Key("sentences").BeginArray();
  for (const Sentence& s : doc.sentences) {
    w.BeginObject();
    w.Key("start").Uint(s.begin).Key("end").Uint(s.end);
    w.Key("text").String(std::string_view(doc.text).substr(s.begin, s.end - s.begin));
    w.Key("tokens").BeginArray();
    for (uint32_t t = s.first_token; t < s.last_token; ++t) {
      const Token& tok = doc.tokens[t];
      w.BeginObject();
      w.Key("text").String(
          std::string_view(doc.text).substr(tok.begin, tok.end - tok.begin));
      w.Key("start").Uint(tok.begin).Key("end").Uint(tok.end);
      w.Key("kind").String(text::TokenKindName(tok.kind));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

}  // namespace

void AddTokenizeCommand(CLI::App& app, int* exit_code) {
  auto* opts = new CommonOptions();
  auto* stats_only = new bool(false);
  CLI::App* sub = app.add_subcommand(
      "tokenize", "show the tokens and sentences of documents (JSON)");
  AddCommonOptions(sub, opts);
  sub->add_flag("--stats", *stats_only,
                "print only one JSON line of counts and seconds");
  sub->callback([opts, stats_only, exit_code] {
    TokenizeCounters counters;
    DocWork work = [&counters, stats_only](RawDoc&& raw,
                                           const ingest::IngestOptions& o,
                                           std::string* out) {
      Document doc = ingest::Prepare(std::move(raw), o);
      if (doc.status == DocStatus::kOk) {
        auto t0 = std::chrono::steady_clock::now();
        thread_local text::TextScratch scratch;
        Status st = text::ProcessText(doc, scratch);
        if (!st.ok()) {
          doc.status = DocStatus::kRejected;
          doc.error = st.message();
        }
        counters.text_ns += static_cast<uint64_t>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::steady_clock::now() - t0)
                .count());
        counters.tokens += doc.tokens.size();
        counters.sentences += doc.sentences.size();
        counters.text_bytes += doc.text.size();
      }
      if (!*stats_only) WriteTokens(doc, out);
      return doc.status;
    };
    RunStats stats;
    *exit_code = RunDocuments(*opts, work, &stats, !*stats_only);
    if (*stats_only) {
      double text_s = static_cast<double>(counters.text_ns.load()) / 1e9;
      std::string line;
      JsonWriter w(&line);
      w.BeginObject();
      w.Key("documents").Uint(stats.docs);
      w.Key("rejected").Uint(stats.rejected);
      w.Key("empty").Uint(stats.empty);
      w.Key("input_bytes").Uint(stats.input_bytes);
      w.Key("text_bytes").Uint(counters.text_bytes.load());
      w.Key("tokens").Uint(counters.tokens.load());
      w.Key("sentences").Uint(counters.sentences.load());
      w.Key("seconds").Double(stats.seconds, 4);
      w.Key("text_seconds").Double(text_s, 4);
      w.Key("text_mb_per_s")
          .Double(text_s > 0 ? counters.text_bytes.load() / 1e6 / text_s : 0, 1);
      w.EndObject();
      std::printf("%s\n", line.c_str());
    }
  });
}

}  // namespace sitrep::cli
