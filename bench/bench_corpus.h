// The throughput corpus shared by the micro-benchmarks: the `text` fields of
// bbc-2225.jsonl, looked up at $SITREP_BBC_JSONL, then in ../shared/data/news
// beside the source tree. Loaded once; benchmarks skip with `error` when it
// is absent.
#ifndef SITREP_BENCH_BENCH_CORPUS_H_
#define SITREP_BENCH_BENCH_CORPUS_H_

#include <simdjson.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace sitrep::bench {

struct BbcCorpus {
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::string error;  // non-empty when the corpus could not be read
};

inline const BbcCorpus& LoadBbcCorpus() {
  static const BbcCorpus corpus = [] {
    BbcCorpus c;
    std::vector<std::string> paths;
    if (const char* env = std::getenv("SITREP_BBC_JSONL")) paths.push_back(env);
    paths.push_back(std::string(SITREP_SOURCE_DIR) + "/../shared/data/news/bbc-2225.jsonl");
    simdjson::padded_string json;
    bool loaded = false;
    for (const std::string& path : paths) {
      if (simdjson::padded_string::load(path).get(json) == simdjson::SUCCESS) {
        loaded = true;
        break;
      }
    }
    if (!loaded) {
      c.error = "bbc-2225.jsonl not found (set SITREP_BBC_JSONL)";
      return c;
    }
    simdjson::dom::parser parser;
    simdjson::dom::document_stream stream;
    if (parser.parse_many(json).get(stream) != simdjson::SUCCESS) {
      c.error = "bbc-2225.jsonl: not JSON lines";
      return c;
    }
    for (auto doc : stream) {
      std::string_view text;
      if (doc["text"].get_string().get(text) != simdjson::SUCCESS) continue;
      c.texts.emplace_back(text);
      c.bytes += text.size();
    }
    if (c.texts.empty()) c.error = "bbc-2225.jsonl: no text fields";
    return c;
  }();
  return corpus;
}

}  // namespace sitrep::bench

#endif  // SITREP_BENCH_BENCH_CORPUS_H_
