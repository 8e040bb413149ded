#include "tag/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "core/artifact.h"

namespace sitrep::tag {
namespace {

constexpr uint32_t kModelMagic = 0x314D4C53;  // "SLM1"
constexpr size_t kHeaderSize = 32;
constexpr size_t kSlotSize = 16;
constexpr size_t kEntrySize = 4;
constexpr size_t kChunk = 64;  // features prefetched together in Score
// Markers in the in-memory slot table (see LinearModel::FromBytes).
constexpr uint16_t kExternal = 0xFFFF;
constexpr uint16_t kNoLabel = 0xFFFE;
constexpr int kFilterShift = 40;  // filter bits come from the key's high bits

template <typename T>
inline T LoadAs(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <typename T>
void Append(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

inline uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

inline int ArgMax(const float* scores, int n) {
  int best = 0;
  for (int i = 1; i < n; ++i) {
    if (scores[i] > scores[best]) best = i;
  }
  return best;
}

}  // namespace

uint64_t HashFeature(std::string_view templ, std::string_view value) {
  return NonZero(Xxh64(value, Xxh64(templ)));
}

uint64_t HashFeature(std::string_view templ, std::string_view v1, std::string_view v2) {
  return NonZero(Xxh64(v2, Xxh64(v1, Xxh64(templ))));
}

// ---------------------------------------------------------------------------
// LinearModel

Result<LinearModel> LinearModel::FromBytes(std::string_view bytes) {
  if (bytes.size() < kHeaderSize) {
    return DataLoss("linear model is truncated: " + std::to_string(bytes.size()) +
                    " bytes, header needs " + std::to_string(kHeaderSize));
  }
  const char* p = bytes.data();
  if (LoadAs<uint32_t>(p) != kModelMagic) return DataLoss("linear model has a bad magic");
  const uint32_t num_labels = LoadAs<uint32_t>(p + 4);
  const uint32_t table_log2 = LoadAs<uint32_t>(p + 8);
  const uint32_t num_entries = LoadAs<uint32_t>(p + 12);
  const float scale = LoadAs<float>(p + 16);
  const uint32_t num_rows = LoadAs<uint32_t>(p + 20);
  if (num_labels == 0 || num_labels > 65535 || table_log2 > 31 || !std::isfinite(scale)) {
    return DataLoss("linear model header is corrupted");
  }
  const uint64_t slots = uint64_t{1} << table_log2;
  const uint64_t want = kHeaderSize + slots * kSlotSize + uint64_t{num_entries} * kEntrySize;
  if (bytes.size() != want) {
    return DataLoss("linear model is truncated or corrupted: " +
                    std::to_string(bytes.size()) + " bytes, header says " +
                    std::to_string(want));
  }
  LinearModel m;
  m.slots_ = p + kHeaderSize;
  m.entries_ = m.slots_ + slots * kSlotSize;
  m.mask_ = slots - 1;
  m.scale_ = scale;
  m.num_labels_ = static_cast<int>(num_labels);
  m.num_rows_ = num_rows;
  uint64_t used = 0;
  for (uint64_t s = 0; s < slots; ++s) {
    const char* slot = m.slots_ + s * kSlotSize;
    if (LoadAs<uint64_t>(slot) == 0) continue;
    ++used;
    const uint64_t first = LoadAs<uint32_t>(slot + 8);
    const uint64_t count = LoadAs<uint32_t>(slot + 12);
    if (first + count > num_entries) return DataLoss("linear model row outside its entries");
    if (count > num_labels) return DataLoss("linear model row has more entries than labels");
  }
  if (used != num_rows || used == slots) {
    return DataLoss("linear model table is corrupted");
  }
  for (uint64_t e = 0; e < num_entries; ++e) {
    if (LoadAs<uint16_t>(m.entries_ + e * kEntrySize) >= num_labels) {
      return DataLoss("linear model has a label out of range");
    }
  }
  // Same geometry and keys as the file; only the 8 bytes after each key
  // change: either up to two inline entries {u16 label, i16 weight} (a
  // missing second entry has label kNoLabel), or {kExternal, u16 count,
  // u32 first}.
  const bool can_inline = num_labels < kNoLabel - 1;
  std::shared_ptr<uint64_t[]> fast(new uint64_t[slots * 2]);
  char* out = reinterpret_cast<char*>(fast.get());
  for (uint64_t s = 0; s < slots; ++s) {
    const char* slot = m.slots_ + s * kSlotSize;
    char* o = out + s * kSlotSize;
    std::memcpy(o, slot, 8);
    const uint32_t first = LoadAs<uint32_t>(slot + 8);
    const uint32_t count = LoadAs<uint32_t>(slot + 12);
    if (can_inline && count >= 1 && count <= 2) {
      std::memcpy(o + 8, m.entries_ + size_t{first} * kEntrySize, kEntrySize);
      if (count == 2) {
        std::memcpy(o + 12, m.entries_ + (size_t{first} + 1) * kEntrySize, kEntrySize);
      } else {
        const uint16_t none[2] = {kNoLabel, 0};
        std::memcpy(o + 12, none, 4);
      }
    } else {
      const uint16_t head[2] = {kExternal, static_cast<uint16_t>(count)};
      std::memcpy(o + 8, head, 4);
      std::memcpy(o + 12, &first, 4);
    }
  }
  uint64_t filter_bits = 512;
  while (filter_bits < uint64_t{num_rows} * 4) filter_bits *= 2;
  std::shared_ptr<uint64_t[]> filter(new uint64_t[filter_bits / 64]());
  for (uint64_t s = 0; s < slots; ++s) {
    const uint64_t key = LoadAs<uint64_t>(m.slots_ + s * kSlotSize);
    if (key == 0) continue;
    const uint64_t bit = (key >> kFilterShift) & (filter_bits - 1);
    filter[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  m.filter_ = std::move(filter);
  m.filter_mask_ = filter_bits - 1;
  m.fast_slots_ = std::move(fast);
  m.slots_ = reinterpret_cast<const char*>(m.fast_slots_.get());
  return m;
}

void LinearModel::Score(std::span<const uint64_t> features, float* scores) const {
  if (slots_ == nullptr) return;
  for (size_t start = 0; start < features.size(); start += kChunk) {
    const size_t n = std::min(kChunk, features.size() - start);
    const uint64_t* f = features.data() + start;
    const uint64_t* filter = filter_.get();
    uint64_t maybe[kChunk];  // features the filter does not rule out
    size_t m = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t bit = (f[i] >> kFilterShift) & filter_mask_;
      if ((filter[bit / 64] >> (bit % 64) & 1) == 0) continue;
      __builtin_prefetch(slots_ + (f[i] & mask_) * kSlotSize);
      maybe[m++] = f[i];
    }
    const char* row[kChunk];
    uint32_t count[kChunk];
    size_t found = 0;
    for (size_t j = 0; j < m; ++j) {
      const uint64_t key_i = maybe[j];
      for (uint64_t s = key_i & mask_;; s = (s + 1) & mask_) {
        const char* slot = slots_ + s * kSlotSize;
        const uint64_t key = LoadAs<uint64_t>(slot);
        if (key == key_i) {
          const uint16_t head = LoadAs<uint16_t>(slot + 8);
          if (head == kExternal) {
            row[found] = entries_ + size_t{LoadAs<uint32_t>(slot + 12)} * kEntrySize;
            count[found] = LoadAs<uint16_t>(slot + 10);
            __builtin_prefetch(row[found]);
          } else {
            row[found] = slot + 8;
            count[found] = LoadAs<uint16_t>(slot + 12) == kNoLabel ? 1 : 2;
          }
          ++found;
          break;
        }
        if (key == 0) break;
      }
    }
    for (size_t i = 0; i < found; ++i) {
      const char* e = row[i];
      for (uint32_t k = 0; k < count[i]; ++k, e += kEntrySize) {
        scores[LoadAs<uint16_t>(e)] += static_cast<float>(LoadAs<int16_t>(e + 2)) * scale_;
      }
    }
  }
}

int LinearModel::Best(std::span<const uint64_t> features) const {
  std::vector<float> scores(static_cast<size_t>(num_labels_), 0.0f);
  Score(features, scores.data());
  return ArgMax(scores.data(), num_labels_);
}

// ---------------------------------------------------------------------------
// PerceptronTrainer

PerceptronTrainer::PerceptronTrainer(int num_labels, uint32_t num_buckets_log2)
    : num_labels_(num_labels),
      max_features_(size_t{1} << std::min<uint32_t>(num_buckets_log2, 31)) {
  table_keys_.assign(1024, 0);
  table_rows_.assign(1024, 0);
}

int64_t PerceptronTrainer::Find(uint64_t key) const {
  const size_t mask = table_keys_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (table_keys_[s] == key) return table_rows_[s];
    if (table_keys_[s] == 0) return -1;
  }
}

void PerceptronTrainer::Grow() {
  std::vector<uint64_t> keys(table_keys_.size() * 2, 0);
  std::vector<uint32_t> rows(keys.size(), 0);
  const size_t mask = keys.size() - 1;
  for (size_t r = 0; r < keys_in_order_.size(); ++r) {
    size_t s = keys_in_order_[r] & mask;
    while (keys[s] != 0) s = (s + 1) & mask;
    keys[s] = keys_in_order_[r];
    rows[s] = static_cast<uint32_t>(r);
  }
  table_keys_.swap(keys);
  table_rows_.swap(rows);
}

int64_t PerceptronTrainer::FindOrInsert(uint64_t key) {
  if (key == 0) key = 1;
  const int64_t row = Find(key);
  if (row >= 0) return row;
  if (keys_in_order_.size() >= max_features_) return -1;
  if ((keys_in_order_.size() + 1) * 2 > table_keys_.size()) Grow();
  const size_t mask = table_keys_.size() - 1;
  size_t s = key & mask;
  while (table_keys_[s] != 0) s = (s + 1) & mask;
  table_keys_[s] = key;
  table_rows_[s] = static_cast<uint32_t>(keys_in_order_.size());
  keys_in_order_.push_back(key);
  w_.resize(w_.size() + static_cast<size_t>(num_labels_), 0.0f);
  u_.resize(u_.size() + static_cast<size_t>(num_labels_), 0.0f);
  return static_cast<int64_t>(keys_in_order_.size() - 1);
}

void PerceptronTrainer::Scores(std::span<const uint64_t> features, float* scores) const {
  std::fill(scores, scores + num_labels_, 0.0f);
  for (uint64_t f : features) {
    const int64_t row = Find(f == 0 ? 1 : f);
    if (row < 0) continue;
    const float* w = w_.data() + static_cast<size_t>(row) * static_cast<size_t>(num_labels_);
    for (int l = 0; l < num_labels_; ++l) scores[l] += w[l];
  }
}

int PerceptronTrainer::Predict(std::span<const uint64_t> features) const {
  std::vector<float> scores(static_cast<size_t>(num_labels_));
  Scores(features, scores.data());
  return ArgMax(scores.data(), num_labels_);
}

void PerceptronTrainer::Update(std::span<const uint64_t> features, int gold, int guess) {
  if (gold == guess) return;
  const auto c = static_cast<float>(clock_);
  const auto labels = static_cast<size_t>(num_labels_);
  for (uint64_t f : features) {
    const int64_t row = FindOrInsert(f);
    if (row < 0) continue;
    const size_t base = static_cast<size_t>(row) * labels;
    w_[base + static_cast<size_t>(gold)] += 1.0f;
    u_[base + static_cast<size_t>(gold)] += c;
    w_[base + static_cast<size_t>(guess)] -= 1.0f;
    u_[base + static_cast<size_t>(guess)] -= c;
  }
}

std::string PerceptronTrainer::SerializeAveraged() const {
  const auto labels = static_cast<size_t>(num_labels_);
  // Averaged weight = w - u / clock.
  std::vector<float> avg(w_.size());
  float max_abs = 0;
  for (size_t i = 0; i < w_.size(); ++i) {
    avg[i] = static_cast<float>(double{w_[i]} - double{u_[i]} / clock_);
    max_abs = std::max(max_abs, std::fabs(avg[i]));
  }
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;

  // Canonical order: by key.
  std::vector<uint32_t> order(keys_in_order_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return keys_in_order_[a] < keys_in_order_[b]; });

  std::string entries;
  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> rows;  // key, first, count
  for (uint32_t r : order) {
    const auto first = static_cast<uint32_t>(entries.size() / kEntrySize);
    uint32_t count = 0;
    for (size_t l = 0; l < labels; ++l) {
      const long q = std::lround(avg[r * labels + l] / scale);
      if (q == 0) continue;
      Append<uint16_t>(&entries, static_cast<uint16_t>(l));
      Append<int16_t>(&entries, static_cast<int16_t>(std::clamp(q, -32767L, 32767L)));
      ++count;
    }
    if (count > 0) rows.push_back({keys_in_order_[r], {first, count}});
  }
  uint32_t table_log2 = 4;
  while ((uint64_t{1} << table_log2) < rows.size() * 10 / 7 + 1) ++table_log2;
  const size_t slots = size_t{1} << table_log2;
  std::string table(slots * kSlotSize, '\0');
  for (const auto& [key, range] : rows) {
    size_t s = key & (slots - 1);
    while (LoadAs<uint64_t>(&table[s * kSlotSize]) != 0) s = (s + 1) & (slots - 1);
    std::memcpy(&table[s * kSlotSize], &key, 8);
    std::memcpy(&table[s * kSlotSize + 8], &range.first, 4);
    std::memcpy(&table[s * kSlotSize + 12], &range.second, 4);
  }
  std::string out;
  out.reserve(kHeaderSize + table.size() + entries.size());
  Append<uint32_t>(&out, kModelMagic);
  Append<uint32_t>(&out, static_cast<uint32_t>(num_labels_));
  Append<uint32_t>(&out, table_log2);
  Append<uint32_t>(&out, static_cast<uint32_t>(entries.size() / kEntrySize));
  Append<float>(&out, scale);
  Append<uint32_t>(&out, static_cast<uint32_t>(rows.size()));
  Append<uint64_t>(&out, 0);
  out += table;
  out += entries;
  return out;
}

}  // namespace sitrep::tag
