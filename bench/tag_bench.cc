// POS tagging throughput over real news: the `text` fields of bbc-2225.jsonl
// (shared data), normalized, tokenized and split with text::ProcessText
// outside the timed loop. Reports items_per_second = tokens per second on
// one core.
//
//   sitrep_microbench --benchmark_filter=Pos
//
// Needs models/pos.bin (SITREP_POS_MODEL or models/pos.bin relative to the
// working directory or its parent) and the corpus (SITREP_BBC_JSONL, then
// ../shared/data/news/, then /work/shared/...); skips with a message when
// either is absent.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "tag/pos.h"
#include "text/text.h"

namespace {

struct Setup {
  std::vector<sitrep::Document> docs;
  size_t tokens = 0;
  std::unique_ptr<sitrep::tag::PosTagger> tagger;
  double load_ms = 0;
  std::string error;
};

const Setup& GetSetup() {
  static const Setup setup = [] {
    Setup s;
    std::vector<std::string> models;
    if (const char* env = std::getenv("SITREP_POS_MODEL")) models.push_back(env);
    models.push_back("models/pos.bin");
    models.push_back("../models/pos.bin");
    for (const std::string& m : models) {
      const auto t0 = std::chrono::steady_clock::now();
      auto t = sitrep::tag::PosTagger::Load(m);
      if (t.ok()) {
        s.load_ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - t0)
                        .count();
        s.tagger = std::move(t).value();
        break;
      }
    }
    if (!s.tagger) {
      s.error = "models/pos.bin not found: run `sitrep train pos`";
      return s;
    }
    std::vector<std::string> paths;
    if (const char* env = std::getenv("SITREP_BBC_JSONL")) paths.push_back(env);
    paths.push_back("../shared/data/news/bbc-2225.jsonl");
    paths.push_back("../../shared/data/news/bbc-2225.jsonl");
    paths.push_back("/work/shared/data/news/bbc-2225.jsonl");
    simdjson::padded_string json;
    bool loaded = false;
    for (const std::string& path : paths) {
      if (simdjson::padded_string::load(path).get(json) == simdjson::SUCCESS) {
        loaded = true;
        break;
      }
    }
    if (!loaded) {
      s.error = "bbc-2225.jsonl not found (set SITREP_BBC_JSONL)";
      return s;
    }
    simdjson::dom::parser parser;
    simdjson::dom::document_stream stream;
    if (parser.parse_many(json).get(stream) != simdjson::SUCCESS) {
      s.error = "cannot parse bbc-2225.jsonl";
      return s;
    }
    for (auto doc : stream) {
      std::string_view text;
      if (doc["text"].get_string().get(text) != simdjson::SUCCESS) continue;
      sitrep::Document d;
      d.text = std::string(text);
      if (!sitrep::text::ProcessText(d).ok()) continue;
      s.tokens += d.tokens.size();
      s.docs.push_back(std::move(d));
    }
    return s;
  }();
  return setup;
}

void BM_PosTag(benchmark::State& state) {
  const Setup& s = GetSetup();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  std::vector<uint8_t> upos;
  std::vector<uint16_t> xpos;
  for (auto _ : state) {
    for (const sitrep::Document& d : s.docs) {
      s.tagger->TagDocument(d, &upos, &xpos);
      benchmark::DoNotOptimize(upos.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(s.tokens));
  state.counters["load_ms"] = s.load_ms;
}
BENCHMARK(BM_PosTag)->Unit(benchmark::kMillisecond);

void BM_PosLoad(benchmark::State& state) {
  const Setup& s = GetSetup();
  if (!s.tagger) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  for (auto _ : state) {
    auto t = sitrep::tag::PosTagger::Load("models/pos.bin");
    if (!t.ok()) t = sitrep::tag::PosTagger::Load("../models/pos.bin");
    benchmark::DoNotOptimize(t.ok());
  }
}
BENCHMARK(BM_PosLoad)->Unit(benchmark::kMillisecond);

}  // namespace
