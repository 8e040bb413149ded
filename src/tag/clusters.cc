#include "tag/clusters.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "core/hash.h"

namespace sitrep::tag {
namespace {

constexpr uint32_t kPresent = 1u << 31;

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// One exchange run with K classes over word ids 1..V-1 (0 = sentence start,
// a predecessor only). succ_count[w] = times w follows something;
// preds[w] = (v, n(v, w)) sorted by v.
std::vector<uint32_t> Exchange(uint32_t num_words, uint32_t k,
                               const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& preds,
                               const std::vector<uint64_t>& succ_count, int passes,
                               const std::vector<double>& xlogx) {
  auto F = [&](int64_t x) -> double {
    return x < static_cast<int64_t>(xlogx.size()) ? xlogx[static_cast<size_t>(x)]
                                                  : static_cast<double>(x) * std::log(static_cast<double>(x));
  };
  std::vector<uint32_t> cls(num_words, 0);
  for (uint32_t w = 1; w < num_words; ++w) cls[w] = (w - 1) % k;  // ids are by frequency
  std::vector<int32_t> nvc(static_cast<size_t>(num_words) * k, 0);
  std::vector<int64_t> nc(k, 0);
  for (uint32_t w = 1; w < num_words; ++w) {
    nc[cls[w]] += static_cast<int64_t>(succ_count[w]);
    for (const auto& [v, n] : preds[w]) nvc[static_cast<size_t>(v) * k + cls[w]] += static_cast<int32_t>(n);
  }
  std::vector<double> delta(k);
  for (int pass = 0; pass < passes; ++pass) {
    size_t moved = 0;
    for (uint32_t w = 1; w < num_words; ++w) {
      const uint32_t a = cls[w];
      const int64_t nw = static_cast<int64_t>(succ_count[w]);
      nc[a] -= nw;
      double base = 0;
      for (const auto& [v, n] : preds[w]) {
        nvc[static_cast<size_t>(v) * k + a] -= static_cast<int32_t>(n);
        base += F(n);
      }
      for (uint32_t b = 0; b < k; ++b) delta[b] = base - (F(nc[b] + nw) - F(nc[b]));
      for (const auto& [v, n] : preds[w]) {
        const int32_t* row = &nvc[static_cast<size_t>(v) * k];
        const double fn = F(n);
        for (uint32_t b = 0; b < k; ++b) {
          if (row[b] != 0) delta[b] += F(row[b] + static_cast<int64_t>(n)) - F(row[b]) - fn;
        }
      }
      uint32_t best = a;
      for (uint32_t b = 0; b < k; ++b) {
        if (delta[b] > delta[best] + 1e-9) best = b;
      }
      if (best != a) ++moved;
      cls[w] = best;
      nc[best] += nw;
      for (const auto& [v, n] : preds[w]) nvc[static_cast<size_t>(v) * k + best] += static_cast<int32_t>(n);
    }
    if (moved == 0) break;
  }
  return cls;
}

}  // namespace

uint64_t WordClusters::Key(std::string_view word) {
  uint64_t h = Mix(Fnv1a64(word));
  return h == 0 ? 1 : h;
}

void WordClusters::Grow() {
  std::vector<uint64_t> keys(std::max<size_t>(64, keys_.size() * 2), 0);
  std::vector<uint32_t> vals(keys.size(), 0);
  const uint64_t mask = keys.size() - 1;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    uint64_t j = keys_[i] & mask;
    while (keys[j] != 0) j = (j + 1) & mask;
    keys[j] = keys_[i];
    vals[j] = vals_[i];
  }
  keys_.swap(keys);
  vals_.swap(vals);
}

void WordClusters::Insert(uint64_t key, uint32_t packed) {
  if ((count_ + 1) * 2 > keys_.size()) Grow();
  const uint64_t mask = keys_.size() - 1;
  uint64_t j = key & mask;
  while (keys_[j] != 0 && keys_[j] != key) j = (j + 1) & mask;
  if (keys_[j] == 0) ++count_;
  keys_[j] = key;
  vals_[j] = packed;
}

uint32_t WordClusters::LookupKey(uint64_t key) const {
  if (keys_.empty()) return 0;
  const uint64_t mask = keys_.size() - 1;
  for (uint64_t j = key & mask;; j = (j + 1) & mask) {
    if (keys_[j] == key) return vals_[j];
    if (keys_[j] == 0) return 0;
  }
}

uint32_t WordClusters::Lookup(std::string_view word) const { return LookupKey(Key(word)); }

WordClusters WordClusters::Learn(const std::vector<std::vector<std::string_view>>& sentences,
                                 const ClusterOptions& opt, std::string* report) {
  // Vocabulary by (count desc, bytes asc): deterministic ids.
  std::unordered_map<std::string_view, uint32_t> counts;
  size_t tokens = 0;
  for (const auto& s : sentences) {
    for (std::string_view w : s) ++counts[w];
    tokens += s.size();
  }
  std::vector<std::pair<std::string_view, uint32_t>> vocab;
  for (const auto& [w, c] : counts) {
    if (c >= opt.min_count) vocab.emplace_back(w, c);
  }
  std::sort(vocab.begin(), vocab.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  // id 0 = sentence start, 1 = rare word, 2.. = vocabulary.
  std::unordered_map<std::string_view, uint32_t> ids;
  for (size_t i = 0; i < vocab.size(); ++i) ids.emplace(vocab[i].first, static_cast<uint32_t>(i + 2));
  const uint32_t num_words = static_cast<uint32_t>(vocab.size() + 2);
  std::unordered_map<uint64_t, uint32_t> bigrams;
  std::vector<uint64_t> succ(num_words, 0);
  for (const auto& s : sentences) {
    uint32_t prev = 0;
    for (std::string_view w : s) {
      const auto it = ids.find(w);
      const uint32_t id = it == ids.end() ? 1 : it->second;
      ++bigrams[static_cast<uint64_t>(id) << 32 | prev];
      ++succ[id];
      prev = id;
    }
  }
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> preds(num_words);
  for (const auto& [key, n] : bigrams) {
    preds[key >> 32].emplace_back(static_cast<uint32_t>(key & 0xffffffffu), n);
  }
  for (auto& p : preds) std::sort(p.begin(), p.end());
  std::vector<double> xlogx(std::min<size_t>(tokens + 2, size_t{1} << 22));
  for (size_t x = 1; x < xlogx.size(); ++x) xlogx[x] = static_cast<double>(x) * std::log(static_cast<double>(x));

  WordClusters out;
  out.num_levels_ = static_cast<int>(std::min<size_t>(opt.levels.size(), kMaxLevels));
  std::vector<uint32_t> packed(num_words, kPresent);
  for (int l = 0; l < out.num_levels_; ++l) {
    const uint32_t k = std::clamp<uint32_t>(opt.levels[static_cast<size_t>(l)], 2, 1024);
    const std::vector<uint32_t> cls = Exchange(num_words, k, preds, succ, opt.passes, xlogx);
    for (uint32_t w = 2; w < num_words; ++w) packed[w] |= cls[w] << (10 * l);
  }
  for (uint32_t w = 2; w < num_words; ++w) out.Insert(Key(vocab[w - 2].first), packed[w]);
  if (report) {
    *report += "clusters: " + std::to_string(tokens) + " tokens, " + std::to_string(vocab.size()) +
               " words with count >= " + std::to_string(opt.min_count) + ", " +
               std::to_string(bigrams.size()) + " distinct bigrams\n";
  }
  return out;
}

std::string WordClusters::Serialize() const {
  std::vector<std::pair<uint64_t, uint32_t>> rows;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] != 0) rows.emplace_back(keys_[i], vals_[i]);
  }
  std::sort(rows.begin(), rows.end());
  std::string out(4 + rows.size() * 12, '\0');
  const uint32_t levels = static_cast<uint32_t>(num_levels_);
  std::memcpy(out.data(), &levels, 4);  // little-endian hosts only (as the rest of sitrep)
  for (size_t i = 0; i < rows.size(); ++i) {
    std::memcpy(out.data() + 4 + i * 12, &rows[i].first, 8);
    std::memcpy(out.data() + 4 + i * 12 + 8, &rows[i].second, 4);
  }
  return out;
}

Result<WordClusters> WordClusters::Deserialize(std::string_view bytes) {
  if (bytes.size() < 4 || (bytes.size() - 4) % 12 != 0) {
    return DataLoss("word cluster section has a bad size (" + std::to_string(bytes.size()) + " bytes)");
  }
  uint32_t levels;
  std::memcpy(&levels, bytes.data(), 4);
  if (levels > kMaxLevels) return DataLoss("word cluster section claims " + std::to_string(levels) + " levels");
  WordClusters out;
  out.num_levels_ = static_cast<int>(levels);
  const size_t n = (bytes.size() - 4) / 12;
  out.keys_.assign(std::max<size_t>(64, std::bit_ceil(n * 2 + 1)), 0);
  out.vals_.assign(out.keys_.size(), 0);
  for (size_t i = 0; i < n; ++i) {
    uint64_t key;
    uint32_t val;
    std::memcpy(&key, bytes.data() + 4 + i * 12, 8);
    std::memcpy(&val, bytes.data() + 4 + i * 12 + 8, 4);
    if (key == 0 || !(val & kPresent)) return DataLoss("word cluster section has a bad entry");
    out.Insert(key, val);
  }
  return out;
}

}  // namespace sitrep::tag
