// Throughput of the named-entity recognizer (models/ner.bin) on the words of
// CoNLL-2003 dev (eng.testa). Reports items_per_second = tokens/s, one core.
//
//   sitrep_microbench --benchmark_filter=Ner
//
// The model is looked up at $SITREP_NER_MODEL, then models/ner.bin relative
// to the working directory and its parent; the corpus at
// $SITREP_CONLL_TESTA, then ../shared/data/ner/conll2003/eng.testa beside the
// source tree; the benchmark skips with a message when either is absent.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "tag/ner.h"
#include "tag/ner_data.h"

namespace {

struct Fixture {
  std::unique_ptr<sitrep::tag::NerTagger> tagger;
  std::vector<std::vector<std::string>> sentences;
  size_t tokens = 0;
  std::string error;
};

const Fixture& Load() {
  static const Fixture f = [] {
    Fixture f;
    std::vector<std::string> models = {std::string(SITREP_SOURCE_DIR) + "/models/ner.bin"};
    if (const char* env = std::getenv("SITREP_NER_MODEL")) models.insert(models.begin(), env);
    for (const std::string& m : models) {
      auto t = sitrep::tag::NerTagger::Load(m);
      if (t.ok()) {
        f.tagger = std::move(t).value();
        break;
      }
    }
    if (!f.tagger) {
      f.error = "models/ner.bin not found (build it with `sitrep train ner`)";
      return f;
    }
    std::vector<std::string> paths = {std::string(SITREP_SOURCE_DIR) +
                                      "/../shared/data/ner/conll2003/eng.testa"};
    if (const char* env = std::getenv("SITREP_CONLL_TESTA")) paths.insert(paths.begin(), env);
    for (const std::string& p : paths) {
      auto text = sitrep::tag::ReadFileToString(p);
      if (!text.ok()) continue;
      auto sents = sitrep::tag::ReadColumnCorpus(*text, {});
      if (!sents.ok()) continue;
      for (auto& s : *sents) {
        f.tokens += s.words.size();
        f.sentences.push_back(std::move(s.words));
      }
      return f;
    }
    f.error = "eng.testa not found";
    return f;
  }();
  return f;
}

void BM_NerTag(benchmark::State& state) {
  const Fixture& f = Load();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  sitrep::tag::NerScratch scratch;
  std::vector<sitrep::tag::Entity> entities;
  std::vector<std::string_view> words;
  size_t found = 0;
  for (auto _ : state) {
    for (const auto& s : f.sentences) {
      words.assign(s.begin(), s.end());
      f.tagger->Tag(words, &entities, scratch);
      found += entities.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.tokens));
}
BENCHMARK(BM_NerTag)->Unit(benchmark::kMillisecond);

}  // namespace
