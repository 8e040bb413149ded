// Throughput of the text core over real news: the `text` fields of
// bbc-2225.jsonl (shared data). Reports bytes_per_second of input text.
//
//   sitrep_microbench --benchmark_filter=Text
//
// The corpus comes from bench_corpus.h; every benchmark skips with a message
// when it is absent.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "bench/bench_corpus.h"
#include "text/text.h"

namespace {

using sitrep::Sentence;
using sitrep::Token;

using Corpus = sitrep::bench::BbcCorpus;
const Corpus& LoadCorpus() { return sitrep::bench::LoadBbcCorpus(); }

void BM_TextNormalizeTokenizeSplit(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  std::string normalized;
  sitrep::text::OffsetMap map;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  size_t n_tokens = 0;
  size_t n_sentences = 0;
  for (auto _ : state) {
    n_tokens = n_sentences = 0;
    for (const std::string& text : corpus.texts) {
      sitrep::text::Normalize(text, &normalized, &map);
      tokens.clear();
      sitrep::text::Tokenize(normalized, &tokens);
      sentences.clear();
      sitrep::text::SplitSentences(normalized, tokens, &sentences);
      n_tokens += tokens.size();
      n_sentences += sentences.size();
    }
    benchmark::DoNotOptimize(n_tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.bytes));
  state.counters["docs"] = static_cast<double>(corpus.texts.size());
  state.counters["tokens"] = static_cast<double>(n_tokens);
  state.counters["sentences"] = static_cast<double>(n_sentences);
}
BENCHMARK(BM_TextNormalizeTokenizeSplit)->Unit(benchmark::kMillisecond);

void BM_TextNormalize(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  std::string normalized;
  sitrep::text::OffsetMap map;
  for (auto _ : state) {
    for (const std::string& text : corpus.texts) {
      sitrep::text::Normalize(text, &normalized, &map);
      benchmark::DoNotOptimize(normalized.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.bytes));
}
BENCHMARK(BM_TextNormalize)->Unit(benchmark::kMillisecond);

void BM_TextTokenize(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  std::vector<Token> tokens;
  for (auto _ : state) {
    for (const std::string& text : corpus.texts) {
      tokens.clear();
      sitrep::text::Tokenize(text, &tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.bytes));
}
BENCHMARK(BM_TextTokenize)->Unit(benchmark::kMillisecond);

void BM_TextSplitSentences(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  std::vector<std::vector<Token>> all_tokens(corpus.texts.size());
  for (size_t i = 0; i < corpus.texts.size(); ++i) {
    sitrep::text::Tokenize(corpus.texts[i], &all_tokens[i]);
  }
  std::vector<Sentence> sentences;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
      sentences.clear();
      sitrep::text::SplitSentences(corpus.texts[i], all_tokens[i], &sentences);
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.bytes));
}
BENCHMARK(BM_TextSplitSentences)->Unit(benchmark::kMillisecond);

// ProcessText on whole documents, as the pipeline calls it (includes the
// copy of each text into a Document).
void BM_TextProcessDocument(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  if (!corpus.error.empty()) {
    state.SkipWithError(corpus.error.c_str());
    return;
  }
  sitrep::text::TextScratch scratch;
  sitrep::Document doc;
  for (auto _ : state) {
    for (const std::string& text : corpus.texts) {
      doc.text = text;
      doc.offset_map.clear();
      sitrep::Status st = sitrep::text::ProcessText(doc, scratch);
      benchmark::DoNotOptimize(st.ok());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.bytes));
}
BENCHMARK(BM_TextProcessDocument)->Unit(benchmark::kMillisecond);

}  // namespace
