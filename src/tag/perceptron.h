// Averaged perceptron over hashed sparse features: the learner behind the
// POS tagger and NER.
//
// Features are 64-bit hashes of (template, value) strings. Both the trainer
// and the saved model key their tables by the full 64-bit hash: only
// features seen in a training update are stored, so there are no bucket
// collisions (two distinct features share a key with probability ~2^-64)
// and files hold no empty rows. A feature unseen in training scores 0.
//
// Saved model (LinearModel bytes, little-endian; produced by
// PerceptronTrainer::SerializeAveraged, usually stored as an artifact
// section and read in place from the mmapped file):
//   header (32 bytes): u32 magic "SLM1", u32 num_labels, u32 table_log2,
//     u32 num_entries, f32 scale, u32 num_rows, u64 reserved (0)
//   slots: 2^table_log2 x {u64 key (0 = empty), u32 first_entry, u32 count},
//     open addressing with linear probing from key & (2^table_log2 - 1)
//   entries: num_entries x {u16 label, i16 weight}; weight * scale is the
//     averaged weight. Zero weights and all-zero rows are pruned.
// Weights are int16-quantized with one global scale (max |w| -> 32767).
//
// Thread-safety: LinearModel is immutable; concurrent Score/Best calls are
// safe. PerceptronTrainer is single-threaded.
#ifndef SITREP_TAG_PERCEPTRON_H_
#define SITREP_TAG_PERCEPTRON_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::tag {

// 64-bit feature hash of a (template, value) pair; stable across platforms
// and releases (XXH64 chained over the parts, each part length-delimited).
// Never 0.
uint64_t HashFeature(std::string_view templ, std::string_view value);
uint64_t HashFeature(std::string_view templ, std::string_view v1, std::string_view v2);

// Cheap stable combination of two hashes (for callers that precompute value
// hashes per token and combine them with per-template constants). Never 0.
// Inline: feature extraction calls it ~100 times per token.
inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b * 0x9E3779B185EBCA87ULL + 0x165667B19E3779F9ULL);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

// Read-only linear model: for each feature, a sparse row of label weights.
// A view: it does not own its bytes, which must outlive it (an Artifact
// section or the string returned by SerializeAveraged). Copyable (cheap).
class LinearModel {
 public:
  LinearModel() = default;

  // Validates sizes, table geometry, entry ranges and labels in O(size).
  // Errors are kDataLoss naming what is wrong.
  static Result<LinearModel> FromBytes(std::string_view bytes);

  int num_labels() const { return num_labels_; }
  size_t num_features() const { return num_rows_; }

  // scores[0..num_labels) += sum of the weights of `features` (duplicates
  // count twice). Cost: one hash probe per feature (prefetched) plus the
  // row's non-zero entries.
  void Score(std::span<const uint64_t> features, float* scores) const;

  // argmax of Score from zeros (ties -> lowest label id).
  int Best(std::span<const uint64_t> features) const;

 private:
  // slots_ points into fast_slots_ (built by FromBytes): the file's table
  // re-laid so that a row of one or two entries lives in its 16-byte slot
  // (no second cache miss); longer rows point into entries_ (the file).
  std::shared_ptr<const uint64_t[]> fast_slots_;
  // One bit per (key >> kFilterShift) & filter_mask_, set for every stored
  // key: a clear bit proves a feature absent without touching the table
  // (small enough to stay in L2).
  std::shared_ptr<const uint64_t[]> filter_;
  uint64_t filter_mask_ = 0;
  const char* slots_ = nullptr;
  const char* entries_ = nullptr;
  uint64_t mask_ = 0;
  float scale_ = 0;
  int num_labels_ = 0;
  size_t num_rows_ = 0;
};

// Trains a multiclass averaged perceptron. Memory: 8 bytes x num_labels per
// distinct feature that took part in an update.
class PerceptronTrainer {
 public:
  // At most 2^num_buckets_log2 distinct features are kept (e.g. 20 -> 1M);
  // once full, new features are ignored (existing ones keep learning).
  PerceptronTrainer(int num_labels, uint32_t num_buckets_log2);

  // argmax with the current (non-averaged) weights; ties -> lowest label.
  int Predict(std::span<const uint64_t> features) const;
  // Current (non-averaged) scores; scores[0..num_labels) are overwritten.
  void Scores(std::span<const uint64_t> features, float* scores) const;

  // +1 to gold, -1 to guess for every feature; no-op when gold == guess.
  void Update(std::span<const uint64_t> features, int gold, int guess);

  // Advances the averaging clock: call once per training instance.
  void NextInstance() { ++clock_; }

  // The averaged model in LinearModel format. Deterministic: depends only
  // on the sequence of calls, not on table layout.
  std::string SerializeAveraged() const;

  int num_labels() const { return num_labels_; }
  size_t num_features() const { return keys_in_order_.size(); }

 private:
  int64_t Find(uint64_t key) const;  // row or -1
  int64_t FindOrInsert(uint64_t key);
  void Grow();

  int num_labels_;
  size_t max_features_;
  std::vector<uint64_t> table_keys_;  // open addressing, 0 = empty
  std::vector<uint32_t> table_rows_;
  std::vector<uint64_t> keys_in_order_;  // row -> key
  std::vector<float> w_;  // current weights, row-major [row][label]
  std::vector<float> u_;  // sum of clock * delta (Daume's averaging trick)
  double clock_ = 1;
};

}  // namespace sitrep::tag

#endif  // SITREP_TAG_PERCEPTRON_H_
