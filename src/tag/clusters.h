// Word clusters learned from unlabeled text, used as NER features
// (Turian et al. 2010; Ratinov & Roth 2009 use Brown clusters the same way).
//
// The learner is the predictive exchange algorithm (Uszkoreit & Brants
// 2008): every word of frequency >= min_count gets one of K classes so that
// the class bigram model P(w | v) = P(c(w) | v) P(w | c(w)) has maximal
// likelihood on the text; words are moved one at a time to the class that
// increases the likelihood most, for a fixed number of passes. It runs once
// per granularity (e.g. K = 64, 256, 1024), giving a coarse-to-fine view of
// each word, the role Brown bit-string prefixes play. Initialization, visit
// order and tie-breaking are fixed, so the result depends only on the text.
//
// WordClusters maps a word (exact bytes) to its class at each level; it is
// serialized into the NER model, so nothing from ../shared is needed at run
// time.
//
// Thread-safety: a built WordClusters is immutable and safe to share.
// Cost: Learn is O(passes x distinct bigrams x K) time and O(V x K) memory
// for the largest K (seconds for ~2M tokens); Lookup is one hash probe.
#ifndef SITREP_TAG_CLUSTERS_H_
#define SITREP_TAG_CLUSTERS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::tag {

struct ClusterOptions {
  std::vector<uint32_t> levels = {64, 256, 1024};  // K per level, each <= 1024, at most 3
  uint32_t min_count = 2;   // rarer words get no class
  int passes = 10;
};

class WordClusters {
 public:
  static constexpr int kMaxLevels = 3;

  // Learns classes from `sentences` (token sequences; sentence boundaries
  // matter, word order within a sentence too). *report gets a summary.
  static WordClusters Learn(const std::vector<std::vector<std::string_view>>& sentences,
                            const ClusterOptions& options, std::string* report);

  // Packed classes of `word` (exact bytes), 0 when it has none. Level l's
  // class is (packed >> (10 * l)) & 1023.
  uint32_t Lookup(std::string_view word) const;
  uint32_t LookupKey(uint64_t key) const;
  static uint64_t Key(std::string_view word);

  int num_levels() const { return num_levels_; }
  size_t size() const { return count_; }

  // Sorted (u64 key, u32 packed) pairs after a u32 level count, LE.
  std::string Serialize() const;
  static Result<WordClusters> Deserialize(std::string_view bytes);

 private:
  void Insert(uint64_t key, uint32_t packed);
  void Grow();

  int num_levels_ = 0;
  std::vector<uint64_t> keys_;  // open addressing, 0 = empty
  std::vector<uint32_t> vals_;
  size_t count_ = 0;
};

}  // namespace sitrep::tag

#endif  // SITREP_TAG_CLUSTERS_H_
