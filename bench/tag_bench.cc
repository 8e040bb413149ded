// POS tagging throughput over real news: the `text` fields of bbc-2225.jsonl
// (shared data), normalized, tokenized and split with text::ProcessText
// outside the timed loop. Reports items_per_second = tokens per second on
// one core.
//
//   sitrep_microbench --benchmark_filter=Pos
//
// Needs models/pos.bin (SITREP_POS_MODEL, else the source tree's models/)
// and the corpus (bench_corpus.h); skips with a message when either is
// absent.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_corpus.h"
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
    models.push_back(std::string(SITREP_SOURCE_DIR) + "/models/pos.bin");
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
    const sitrep::bench::BbcCorpus& corpus = sitrep::bench::LoadBbcCorpus();
    if (!corpus.error.empty()) {
      s.error = corpus.error;
      return s;
    }
    for (const std::string& text : corpus.texts) {
      sitrep::Document d;
      d.text = text;
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
