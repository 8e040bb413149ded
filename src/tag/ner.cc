#include "tag/ner.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <random>
#include <unordered_map>

#include "core/artifact.h"
#include "core/hash.h"
#include "core/strings.h"
#include "tag/conlleval.h"
#include "tag/ner_data.h"
#include "tag/perceptron.h"

namespace sitrep::tag {
namespace {

// Label set: O plus B/I of the four CoNLL types. Order is part of the
// model format (kNerFormatVersion).
constexpr std::array<std::string_view, 9> kLabels = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
constexpr int kNumLabels = static_cast<int>(kLabels.size());
constexpr int kStartLabel = kNumLabels;  // history before the sentence

int LabelId(std::string_view label) {
  for (int i = 0; i < kNumLabels; ++i) {
    if (kLabels[static_cast<size_t>(i)] == label) return i;
  }
  return 0;
}
// 0 for O, else 1 + type index (PER, ORG, LOC, MISC).
constexpr int LabelType(int id) { return id == 0 ? 0 : (id + 1) / 2; }
constexpr bool IsInside(int id) { return id != 0 && id % 2 == 0; }
// BIO constraint: I-X only after B-X or I-X.
constexpr bool Allowed(int prev, int id) {
  return !IsInside(id) || (prev != kStartLabel && LabelType(prev) == LabelType(id));
}

// ---------------------------------------------------------------------------
// Feature hashing. Each template has a salt from HashFeature(template, "");
// values are FNV-1a hashed and mixed with the salt, so that per-token work
// is a few multiplies instead of string building.

uint64_t Fnv(std::string_view s) { return Fnv1a64(s); }

enum Templ : int {
  kTBias, kTWord, kTLower, kTShape, kTShort, kTPre1, kTPre2, kTPre3, kTPre4,
  kTSuf1, kTSuf2, kTSuf3, kTSuf4, kTPrevW, kTNextW, kTPrev2W, kTNext2W,
  kTBigramL, kTBigramR, kTPrevShort, kTNextShort, kTShort3, kTFirst,
  kTCapsLower, kTCapsFirst, kTHyphenPart, kTGaz, kTGazCap, kTGazPrev, kTGazNext,
  kTP1, kTP2P1, kTP1Word, kTP1Short, kTPrevWShort, kTLen, kTPrevWCap,
  kTCl0, kTCl1, kTCl2, kTClP1, kTClN1, kTClP2, kTClN2, kTClPN, kTClShort,
  kTHist, kTHistMaj, kTHistMajW, kTAll, kTAllMaj, kTAllMajW,
  kTQm1, kTQ0, kTQ1, kTQ2, kTQ01, kTQ0W, kTP1Cl, kTClP1c, kTClN1c, kTAggP, kTAggN,
  kNumTempl
};

constexpr std::array<const char*, kNumTempl> kTemplNames = {
    "ner.bias", "ner.w", "ner.l", "ner.sh", "ner.ss", "ner.p1", "ner.p2", "ner.p3",
    "ner.p4", "ner.s1", "ner.s2", "ner.s3", "ner.s4", "ner.w-1", "ner.w+1", "ner.w-2",
    "ner.w+2", "ner.bl", "ner.br", "ner.ss-1", "ner.ss+1", "ner.ss3", "ner.first",
    "ner.capsl", "ner.capsf", "ner.hy", "ner.gz", "ner.gzc", "ner.gz-1", "ner.gz+1",
    "ner.y1", "ner.y21", "ner.y1w", "ner.y1s", "ner.w-1ss", "ner.len", "ner.w-1cap",
    "ner.c0", "ner.c1", "ner.c2", "ner.c-1", "ner.c+1", "ner.c-2", "ner.c+2", "ner.c-+", "ner.css",
    "ner.h", "ner.hm", "ner.hmw", "ner.a", "ner.am", "ner.amw",
    "ner.q-1", "ner.q0", "ner.q+1", "ner.q+2", "ner.q01", "ner.q0w", "ner.y1c", "ner.c-1c", "ner.c+1c",
    "ner.agp", "ner.agn"};

const std::array<uint64_t, kNumTempl>& TemplSalts() {
  static const std::array<uint64_t, kNumTempl> salts = [] {
    std::array<uint64_t, kNumTempl> s{};
    for (int i = 0; i < kNumTempl; ++i) s[static_cast<size_t>(i)] = HashFeature(kTemplNames[static_cast<size_t>(i)], "");
    return s;
  }();
  return salts;
}

inline uint64_t Feat(const std::array<uint64_t, kNumTempl>& salts, Templ t, uint64_t value) {
  return Mix64(salts[static_cast<size_t>(t)] ^ (value * 0x9E3779B97F4A7C15ULL));
}
inline uint64_t Pair(uint64_t a, uint64_t b) { return Mix64(a * 31 + b); }

// Shape: A-Z -> X, a-z -> x, 0-9 -> d, Latin-1 letters by case, other
// non-ASCII letters -> u, other bytes kept; capped at 12 characters.
void Shapes(std::string_view w, std::string* shape, std::string* short_shape) {
  shape->clear();
  short_shape->clear();
  for (size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
    } else if (c >= '0' && c <= '9') {
      s = 'd';
    } else if (c >= 0x80 && c < 0xC0) {
      continue;  // continuation byte
    } else if (c == 0xC3 && i + 1 < w.size()) {
      const auto d = static_cast<unsigned char>(w[i + 1]);
      s = d < 0x9F && d != 0x97 ? 'X' : 'x';
    } else if (c >= 0xC0) {
      s = 'u';
    } else {
      s = static_cast<char>(c);
    }
    if (shape->size() < 12) shape->push_back(s);
    if (short_shape->empty() || short_shape->back() != s) short_shape->push_back(s);
  }
}

bool HasLower(std::string_view w) {
  for (char c : w) {
    if (IsAsciiLower(c)) return true;
  }
  return false;
}
bool HasAsciiLetter(std::string_view w) {
  for (char c : w) {
    if (IsAsciiAlpha(c)) return true;
  }
  return false;
}

// Classes of a word: its exact form, else its title-cased form (ALL-CAPS
// headlines), else with a lower-cased first letter. 0 when none.
uint32_t ClusterOf(const WordClusters* wc, std::string_view w, std::string* tmp) {
  if (wc == nullptr || wc->size() == 0) return 0;
  if (const uint32_t c = wc->Lookup(w)) return c;
  tmp->assign(w);
  bool changed = false;
  for (size_t k = 1; k < tmp->size(); ++k) {
    const char l = AsciiLower((*tmp)[k]);
    changed |= l != (*tmp)[k];
    (*tmp)[k] = l;
  }
  if (changed) {
    if (const uint32_t c = wc->Lookup(*tmp)) return c;
  }
  if (!tmp->empty() && IsAsciiUpper((*tmp)[0])) {
    (*tmp)[0] = AsciiLower((*tmp)[0]);
    return wc->Lookup(*tmp);
  }
  return 0;
}

// Class of packed classes `c` at level l, 1024 when none.
inline uint64_t Level(uint32_t c, int l) { return c == 0 ? 1024 : (c >> (10 * l)) & 1023; }

constexpr bool kExtraClusterFeatures = true;
// Document history in the first pass (Ratinov & Roth's extended prediction
// history): +0.3 F1 in a one-pass tagger, nothing once the second pass sees
// the whole document's first-pass labels (91.04 with, 91.05 without).
constexpr bool kPass1History = false;

// Per-sentence static features.
class FeatureExtractor {
 public:
  FeatureExtractor(const PhraseSet* gaz, const WordClusters* clusters)
      : gaz_(gaz), clusters_(clusters), salts_(TemplSalts()) {}

  // Word-only data of `w` (cached in sc.word_info), its index.
  uint32_t WordEntry(std::string_view w, NerScratch& sc) const {
    const uint64_t wh = Fnv(w);
    const uint64_t key = wh == 0 ? 1 : wh;
    const uint64_t mask = sc.word_keys.size() - 1;
    size_t j = key & mask;
    for (; sc.word_keys[j] != 0; j = (j + 1) & mask) {
      if (sc.word_keys[j] == key && sc.word_info[sc.word_slots[j]].word == w) return sc.word_slots[j];
    }
    // New word: filled below and indexed at slot j.
    const uint32_t idx = static_cast<uint32_t>(sc.word_info.size());
    NerScratch::WordInfo& e = sc.word_info.emplace_back();
    e.word.assign(w);
    e.token_hash = PhraseTokenHash(w);
    e.word_hash = wh;
    Shapes(w, &sc.shape, &sc.short_shape);
    e.shape_hash = Fnv(sc.shape);
    e.short_hash = Fnv(sc.short_shape);
    e.cap = !w.empty() && IsAsciiUpper(w[0]);
    e.cls = ClusterOf(clusters_, w, &sc.lower);
    e.has_letter = HasAsciiLetter(w);
    e.has_lower = HasLower(w);
    size_t np = 0;
    e.prefix[np++] = Feat(salts_, kTBias, 0);
    e.prefix[np++] = Feat(salts_, kTWord, e.word_hash);
    e.prefix[np++] = Feat(salts_, kTLower, e.token_hash);
    e.prefix[np++] = Feat(salts_, kTShape, e.shape_hash);
    e.prefix[np++] = Feat(salts_, kTShort, e.short_hash);
    // Prefixes of the word, suffixes of its lower case (byte level).
    sc.lower.assign(w.substr(0, 64));
    for (char& c : sc.lower) c = AsciiLower(c);
    for (size_t k = 1; k <= 4 && k <= w.size(); ++k) {
      e.prefix[np++] = Feat(salts_, static_cast<Templ>(kTPre1 + k - 1), Fnv(w.substr(0, k)));
      e.prefix[np++] = Feat(salts_, static_cast<Templ>(kTSuf1 + k - 1),
                            Fnv(std::string_view(sc.lower).substr(sc.lower.size() - std::min(k, sc.lower.size()))));
    }
    e.nprefix = static_cast<uint8_t>(np);
    e.len_feat = Feat(salts_, kTLen, std::min<size_t>(w.size(), 12));
    if (clusters_ != nullptr && clusters_->num_levels() > 0) {
      const int top = clusters_->num_levels() - 1;
      for (int l = 0; l <= top; ++l) {
        e.cl_feat[static_cast<size_t>(l)] = Feat(salts_, static_cast<Templ>(kTCl0 + l), Level(e.cls, l));
      }
      e.cl_short = Feat(salts_, kTClShort, Pair(Level(e.cls, top), e.short_hash));
    }
    // Hyphenated parts: al-Assad -> "al", "assad".
    if (w.size() > 2 && w.find('-', 1) != std::string_view::npos) {
      size_t b = 0;
      std::string_view lv(sc.lower);
      while (b < lv.size()) {
        size_t en = lv.find('-', b);
        if (en == std::string_view::npos) en = lv.size();
        if (en > b) e.hyphen.push_back(Feat(salts_, kTHyphenPart, Fnv(lv.substr(b, en - b))));
        b = en + 1;
      }
    }
    if (gaz_ != nullptr && gaz_->size() > 0) e.gaz1 = gaz_->Lookup(PhraseExtend(0, e.token_hash));
    sc.word_keys[j] = key;
    sc.word_slots[j] = idx;
    return idx;
  }

  // Fills scratch.token_hash/gaz/cap/short_hash/cls/tok_info for `words`,
  // and scratch.features/offsets when `features`.
  void Extract(std::span<const std::string_view> words, NerScratch& sc, bool features = true) const {
    const size_t n = words.size();
    constexpr size_t kMaxWords = size_t{1} << 15;  // table: 2^17 slots
    if (sc.word_clusters != clusters_ || sc.word_gaz != gaz_ || sc.word_keys.empty() ||
        sc.word_info.size() + n > kMaxWords) {
      sc.word_info.clear();
      sc.word_info.reserve(std::max(kMaxWords, n));
      sc.word_keys.assign(std::max<size_t>(kMaxWords, std::bit_ceil(n)) * 4, 0);
      sc.word_slots.resize(sc.word_keys.size());
      sc.word_clusters = clusters_;
      sc.word_gaz = gaz_;
    }
    sc.token_hash.resize(n);
    sc.word_hash.resize(n);
    sc.shape_hash.resize(n);
    sc.short_hash.resize(n);
    sc.cap.resize(n);
    sc.cls.resize(n);
    sc.tok_info.resize(n);
    size_t letter_tokens = 0, lower_tokens = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t idx = WordEntry(words[i], sc);
      const NerScratch::WordInfo& e = sc.word_info[idx];
      sc.tok_info[i] = idx;
      sc.token_hash[i] = e.token_hash;
      sc.word_hash[i] = e.word_hash;
      sc.shape_hash[i] = e.shape_hash;
      sc.short_hash[i] = e.short_hash;
      sc.cap[i] = e.cap;
      sc.cls[i] = e.cls;
      if (e.has_letter) {
        ++letter_tokens;
        if (e.has_lower) ++lower_tokens;
      }
    }
    const bool caps_sentence = letter_tokens >= 2 && lower_tokens == 0;

    // Gazetteer: longest match per token and list.
    sc.gaz.assign(n * kNumGazetteerLists, 0);
    if (gaz_ != nullptr && gaz_->size() > 0) {
      for (size_t s = 0; s < n; ++s) {
        uint64_t h = 0;
        for (size_t len = 1; len <= static_cast<size_t>(kMaxPhraseTokens) && s + len <= n; ++len) {
          h = PhraseExtend(h, sc.token_hash[s + len - 1]);
          const GazMask m = len == 1 ? sc.word_info[sc.tok_info[s]].gaz1 : gaz_->Lookup(h);
          if (m == 0) break;
          const GazMask lists = m & kGazListBits;
          if (lists == 0) continue;
          for (int b = 0; b < kNumGazetteerLists; ++b) {
            if (!(lists & (1u << b))) continue;
            for (size_t k = s; k < s + len; ++k) {
              uint8_t& cell = sc.gaz[k * kNumGazetteerLists + static_cast<size_t>(b)];
              const uint8_t pos = len == 1 ? 1 : (k == s ? 2 : (k + 1 == s + len ? 4 : 3));
              const uint8_t code = static_cast<uint8_t>(std::min<size_t>(len, 6) << 3 | pos);
              if ((cell >> 3) <= len) cell = code;
            }
          }
        }
      }
    }

    if (!features) return;
    sc.features.clear();
    sc.offsets.assign(n + 1, 0);
    const uint64_t kBos = Fnv("<s>"), kEos = Fnv("</s>");
    auto lower_at = [&](long j) -> uint64_t {
      if (j < 0) return kBos;
      if (j >= static_cast<long>(n)) return kEos;
      return sc.token_hash[static_cast<size_t>(j)];
    };
    auto short_at = [&](long j) -> uint64_t {
      if (j < 0) return kBos;
      if (j >= static_cast<long>(n)) return kEos;
      return sc.short_hash[static_cast<size_t>(j)];
    };
    std::vector<uint64_t>& f = sc.features;
    size_t bound = 0;  // features per token are at most this many
    for (size_t i = 0; i < n; ++i) {
      const NerScratch::WordInfo& e = sc.word_info[sc.tok_info[i]];
      bound += e.nprefix + e.hyphen.size() + 32 + 4 * static_cast<size_t>(kNumGazetteerLists);
    }
    f.resize(bound);
    uint64_t* const base = f.data();
    uint64_t* p = base;
    auto put = [&p](uint64_t x) { *p++ = x; };
    for (size_t i = 0; i < n; ++i) {
      sc.offsets[i] = static_cast<uint32_t>(p - base);
      const NerScratch::WordInfo& e = sc.word_info[sc.tok_info[i]];
      const long li = static_cast<long>(i);
      const uint64_t lw = sc.token_hash[i];
      p = std::copy(e.prefix.begin(), e.prefix.begin() + e.nprefix, p);
      put(Feat(salts_, kTPrevW, lower_at(li - 1)));
      put(Feat(salts_, kTNextW, lower_at(li + 1)));
      put(Feat(salts_, kTPrev2W, lower_at(li - 2)));
      put(Feat(salts_, kTNext2W, lower_at(li + 2)));
      put(Feat(salts_, kTBigramL, Pair(lower_at(li - 1), lw)));
      put(Feat(salts_, kTBigramR, Pair(lw, lower_at(li + 1))));
      put(Feat(salts_, kTPrevShort, short_at(li - 1)));
      put(Feat(salts_, kTNextShort, short_at(li + 1)));
      put(Feat(salts_, kTShort3, Pair(Pair(short_at(li - 1), sc.short_hash[i]), short_at(li + 1))));
      put(Feat(salts_, kTPrevWShort, Pair(lower_at(li - 1), sc.short_hash[i])));
      put(e.len_feat);
      if (clusters_ != nullptr && clusters_->num_levels() > 0) {
        const int top = clusters_->num_levels() - 1;
        const int mid = std::min(1, top);
        auto cls_at = [&](long j, int l) -> uint64_t {
          if (j < 0) return 2000;
          if (j >= static_cast<long>(n)) return 2001;
          return Level(sc.cls[static_cast<size_t>(j)], l);
        };
        for (int l = 0; l <= top; ++l) put(e.cl_feat[static_cast<size_t>(l)]);
        put(Feat(salts_, kTClP1, cls_at(li - 1, top)));
        put(Feat(salts_, kTClN1, cls_at(li + 1, top)));
        put(Feat(salts_, kTClP2, cls_at(li - 2, mid)));
        put(Feat(salts_, kTClN2, cls_at(li + 2, mid)));
        put(Feat(salts_, kTClPN, cls_at(li - 1, mid) * 4096 + cls_at(li + 1, mid)));
        put(e.cl_short);
        if (kExtraClusterFeatures) {
          put(Feat(salts_, kTClP1c, cls_at(li - 1, 0)));
          put(Feat(salts_, kTClN1c, cls_at(li + 1, 0)));
        }
      }
      if (i > 0) put(Feat(salts_, kTPrevWCap, Pair(lower_at(li - 1), sc.cap[i] ? 1 : 2)));
      if (i == 0) put(Feat(salts_, kTFirst, sc.short_hash[i]));
      if (caps_sentence) {
        put(Feat(salts_, kTCapsLower, lw));
        if (i == 0) put(Feat(salts_, kTCapsFirst, 1));
      }
      p = std::copy(e.hyphen.begin(), e.hyphen.end(), p);
      for (int b = 0; b < kNumGazetteerLists; ++b) {
        const uint8_t cell = sc.gaz[i * kNumGazetteerLists + static_cast<size_t>(b)];
        if (cell) {
          const uint64_t v = static_cast<uint64_t>(b) * 64 + (cell & 7);
          put(Feat(salts_, kTGaz, v));
          put(Feat(salts_, kTGazCap, v * 4 + (sc.cap[i] ? 1 : 0) + (caps_sentence ? 2 : 0)));
        }
        if (i > 0 && sc.gaz[(i - 1) * kNumGazetteerLists + static_cast<size_t>(b)]) {
          put(Feat(salts_, kTGazPrev, static_cast<uint64_t>(b)));
        }
        if (i + 1 < n && sc.gaz[(i + 1) * kNumGazetteerLists + static_cast<size_t>(b)]) {
          put(Feat(salts_, kTGazNext, static_cast<uint64_t>(b)));
        }
      }
    }
    f.resize(static_cast<size_t>(p - base));
    sc.offsets[n] = static_cast<uint32_t>(f.size());
  }

  // Static features of token i plus the label-history features.
  void TokenFeatures(const NerScratch& sc, size_t i, int prev, int prev2,
                     std::vector<uint64_t>* out, size_t skip = 0) const {
    out->assign(sc.features.begin() + sc.offsets[i] + skip, sc.features.begin() + sc.offsets[i + 1]);
    const uint64_t p1 = static_cast<uint64_t>(prev) + 1;
    const uint64_t p2 = static_cast<uint64_t>(prev2) + 1;
    out->push_back(Feat(salts_, kTP1, p1));
    out->push_back(Feat(salts_, kTP2P1, p2 * 16 + p1));
    out->push_back(Feat(salts_, kTP1Word, Pair(p1, sc.token_hash[i])));
    out->push_back(Feat(salts_, kTP1Short, Pair(p1, sc.short_hash[i])));
    if (kExtraClusterFeatures) out->push_back(Feat(salts_, kTP1Cl, Pair(p1, Level(sc.cls[i], 1))));
  }

  // Document features of token i: how often each label type was predicted
  // for the same capitalized word (sc.history); `own` (a type, or -1) is
  // taken out first, so that a word's own prediction does not count.
  void DocFeatures(const NerScratch& sc, size_t i, Templ base, int own,
                   std::vector<uint64_t>* out) const {
    if (!sc.cap[i] || sc.history.empty()) return;
    const auto it = sc.history.find(sc.token_hash[i]);
    if (it == sc.history.end()) return;
    std::array<unsigned, 5> h{};
    unsigned total = 0, maj = 0;
    for (unsigned t = 0; t < 5; ++t) h[t] = it->second[t];
    if (own >= 0 && h[static_cast<size_t>(own)] > 0) --h[static_cast<size_t>(own)];
    for (unsigned t = 0; t < 5; ++t) {
      total += h[t];
      if (h[t] > h[maj]) maj = t;
    }
    if (total == 0) return;
    for (unsigned t = 0; t < 5; ++t) {
      if (h[t] == 0) continue;
      const unsigned frac = h[t] == total ? 4 : 2 * h[t] > total ? 3 : 2 * h[t] == total ? 2 : 1;
      out->push_back(Feat(salts_, base, t * 8 + frac));
    }
    out->push_back(Feat(salts_, static_cast<Templ>(base + 1), maj));
    out->push_back(Feat(salts_, static_cast<Templ>(base + 2), Pair(maj, sc.short_hash[i])));
  }

  // Second pass: the first pass's labels around token i (sc.pass1).
  void Pass1Features(const NerScratch& sc, size_t i, std::vector<uint64_t>* out) const {
    const size_t n = sc.pass1.size();
    auto q = [&](long j) -> uint64_t {
      if (j < 0) return 20;
      if (j >= static_cast<long>(n)) return 21;
      return static_cast<uint64_t>(sc.pass1[static_cast<size_t>(j)]);
    };
    const long li = static_cast<long>(i);
    out->push_back(Feat(salts_, kTQm1, q(li - 1)));
    out->push_back(Feat(salts_, kTQ0, q(li)));
    out->push_back(Feat(salts_, kTQ1, q(li + 1)));
    out->push_back(Feat(salts_, kTQ2, q(li + 2)));
    out->push_back(Feat(salts_, kTQ01, q(li) * 32 + q(li + 1)));
    out->push_back(Feat(salts_, kTQ0W, Pair(q(li), sc.token_hash[i])));
  }

  // Context aggregation (Ratinov & Roth): the neighbours of the other
  // occurrences of a capitalized word in the document.
  void ContextFeatures(const NerScratch& sc, size_t i, std::vector<uint64_t>* out) const {
    if (!sc.cap[i] || sc.contexts.empty()) return;
    const auto it = sc.contexts.find(sc.token_hash[i]);
    if (it == sc.contexts.end()) return;
    const size_t n = sc.pass1.size();
    const uint64_t own_p = i == 0 ? 1 : sc.token_hash[i - 1];
    const uint64_t own_n = i + 1 == n ? 2 : sc.token_hash[i + 1];
    bool skipped = false;
    for (const auto& [p, nx] : it->second) {
      if (!skipped && p == own_p && nx == own_n) {
        skipped = true;
        continue;
      }
      out->push_back(Feat(salts_, kTAggP, p));
      out->push_back(Feat(salts_, kTAggN, nx));
    }
  }

  // All dynamic features of token i for pass 1 or 2.
  // The first `skip` static features are left out.
  void Dynamic(const NerScratch& sc, size_t i, int prev, int prev2, int pass,
               std::vector<uint64_t>* out, size_t skip = 0) const {
    TokenFeatures(sc, i, prev, prev2, out, skip);
    if (pass == 1) {
      if (kPass1History) DocFeatures(sc, i, kTHist, -1, out);
    } else {
      DocFeatures(sc, i, kTAll, LabelType(sc.pass1[i]), out);
      Pass1Features(sc, i, out);
      ContextFeatures(sc, i, out);
    }
  }

 private:
  const PhraseSet* gaz_;
  const WordClusters* clusters_;
  const std::array<uint64_t, kNumTempl>& salts_;
};

// Adds the labels of a tagged sentence to the document history.
void UpdateHistory(size_t n, NerScratch& sc) {
  for (size_t i = 0; i < n; ++i) {
    if (!sc.cap[i]) continue;
    auto& h = sc.history[sc.token_hash[i]];
    uint16_t& c = h[static_cast<size_t>(LabelType(sc.labels[i]))];
    if (c < 0xFFFF) ++c;
  }
}

constexpr bool kSkipAgreeing = true;
constexpr size_t kMaxContexts = 12;  // per word and document

// Document statistics of one sentence for the second pass: the neighbours
// (lower-cased token hashes) of every capitalized token (context
// aggregation).
// `extracted`: sc.token_hash holds the sentence's token hashes (Extract).
void CollectDoc(std::span<const std::string_view> words, NerScratch& sc, bool extracted) {
  const size_t n = words.size();
  if (!extracted) {
    sc.word_hash.resize(n);  // free after Extract
    for (size_t i = 0; i < n; ++i) sc.word_hash[i] = PhraseTokenHash(words[i]);
  }
  const std::vector<uint64_t>& th = extracted ? sc.token_hash : sc.word_hash;
  for (size_t i = 0; i < n; ++i) {
    if (words[i].empty() || !IsAsciiUpper(words[i][0])) continue;
    auto& v = sc.contexts[th[i]];
    if (v.size() >= kMaxContexts) continue;
    v.emplace_back(i == 0 ? 1 : th[i - 1], i + 1 == n ? 2 : th[i + 1]);
  }
}

// Whether some capitalized token of the sentence (sc.pass1 labels) was
// given a different type elsewhere in the document (sc.history holds the
// whole document's first-pass counts): only then can the second pass,
// whose main evidence is that disagreement, change much.
bool Disagrees(const NerScratch& sc) {
  for (size_t i = 0; i < sc.pass1.size(); ++i) {
    if (!sc.cap[i]) continue;
    const auto it = sc.history.find(sc.token_hash[i]);
    if (it == sc.history.end()) continue;
    const size_t own = static_cast<size_t>(LabelType(sc.pass1[i]));
    unsigned total = 0;
    for (uint16_t c : it->second) total += c;
    if (it->second[own] < total) return true;
  }
  return false;
}

// Best label allowed after `prev` (ties -> lowest id).
int ConstrainedBest(int prev, const float* scores) {
  int best = 0;
  float best_score = scores[0];
  for (int y = 1; y < kNumLabels; ++y) {
    if (Allowed(prev, y) && scores[y] > best_score) {
      best_score = scores[y];
      best = y;
    }
  }
  return best;
}

// Greedy constrained decode with a model's scores.
// With `cached`, the scores of each word's leading word-only features come
// from sc.word_info (model must be the tagger's pass-`pass` model, the
// cache owned by it); the remaining features are scored on top of them in
// the same order, so the floats are those of scoring from zero.
void Decode(const LinearModel& model, const FeatureExtractor& fx, size_t n, int pass, NerScratch& sc,
            bool cached = false) {
  static_assert(kNumLabels == 9, "NerScratch::WordInfo::partial holds 9 labels");
  sc.labels.assign(n, 0);
  sc.scores.resize(static_cast<size_t>(model.num_labels()));
  const size_t slot = pass == 1 ? 0 : 1;
  int prev = kStartLabel, prev2 = kStartLabel;
  for (size_t i = 0; i < n; ++i) {
    if (cached) {
      NerScratch::WordInfo& e = sc.word_info[sc.tok_info[i]];
      if (!e.partial_ok[slot]) {
        e.partial[slot].fill(0.0f);
        model.Score(std::span<const uint64_t>(e.prefix.data(), e.nprefix), e.partial[slot].data());
        e.partial_ok[slot] = 1;
      }
      std::copy(e.partial[slot].begin(), e.partial[slot].end(), sc.scores.begin());
      fx.Dynamic(sc, i, prev, prev2, pass, &sc.buffer, e.nprefix);
    } else {
      fx.Dynamic(sc, i, prev, prev2, pass, &sc.buffer);
      std::fill(sc.scores.begin(), sc.scores.end(), 0.0f);
    }
    model.Score(sc.buffer, sc.scores.data());
    const int best = ConstrainedBest(prev, sc.scores.data());
    sc.labels[i] = best;
    prev2 = prev;
    prev = best;
  }
}

std::string JoinLabels() {
  std::string s;
  for (std::string_view l : kLabels) {
    s += l;
    s += '\n';
  }
  return s;
}

}  // namespace

const char* EntityKindName(uint8_t kind) {
  switch (kind) {
    case kPerson: return "person";
    case kOrganization: return "organization";
    case kPlace: return "place";
    case kNationality: return "nationality";
    case kMisc: return "misc";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// NerTagger.

struct NerTagger::Impl {
  std::optional<Artifact> artifact;
  std::optional<LinearModel> model;
  std::optional<LinearModel> model2;  // second pass; absent in one-pass models
  PhraseSet gaz;
  WordClusters clusters;
  uint64_t id = 0;  // distinct per loaded tagger (keys NerScratch's score cache)
};

NerTagger::NerTagger() : impl_(std::make_unique<Impl>()) {}
NerTagger::~NerTagger() = default;

Result<std::unique_ptr<NerTagger>> NerTagger::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Artifact artifact, Artifact::Open(path, "ner", kNerFormatVersion, "sitrep train ner"));
  const auto labels = artifact.Section("labels");
  const auto weights = artifact.Section("weights");
  const auto gaz = artifact.Section("gazetteer");
  const auto clusters = artifact.Section("clusters");
  if (!labels || !weights || !gaz || !clusters) {
    return DataLoss(path + ": NER model lacks a labels/weights/gazetteer/clusters section; rebuild it with `sitrep train ner`");
  }
  if (*labels != JoinLabels()) {
    return InvalidArgument(path + ": NER label set differs from this build's; rebuild it with `sitrep train ner`");
  }
  std::unique_ptr<NerTagger> t(new NerTagger());
  static std::atomic<uint64_t> next_id{1};
  t->impl_->id = next_id.fetch_add(1, std::memory_order_relaxed);
  ASSIGN_OR_RETURN(LinearModel model, LinearModel::FromBytes(*weights));
  if (model.num_labels() != kNumLabels) {
    return DataLoss(path + ": NER weights have " + std::to_string(model.num_labels()) +
                    " labels, expected " + std::to_string(kNumLabels) + "; rebuild it with `sitrep train ner`");
  }
  ASSIGN_OR_RETURN(PhraseSet phrases, PhraseSet::Deserialize(*gaz));
  t->impl_->model.emplace(std::move(model));
  if (const auto w2 = artifact.Section("weights2")) {
    ASSIGN_OR_RETURN(LinearModel model2, LinearModel::FromBytes(*w2));
    if (model2.num_labels() != kNumLabels) {
      return DataLoss(path + ": NER second-pass weights have a wrong label count; rebuild it with `sitrep train ner`");
    }
    t->impl_->model2.emplace(std::move(model2));
  }
  t->impl_->gaz = std::move(phrases);
  ASSIGN_OR_RETURN(WordClusters wc, WordClusters::Deserialize(*clusters));
  t->impl_->clusters = std::move(wc);
  t->impl_->artifact.emplace(std::move(artifact));
  return t;
}

void NerTagger::RunDocument(std::span<const std::span<const std::string_view>> sentences,
                            NerScratch& sc, const std::function<void(size_t)>& done) const {
  FeatureExtractor fx(&impl_->gaz, &impl_->clusters);
  if (sc.word_owner != impl_->id) {
    sc.word_info.clear();
    sc.word_keys.clear();  // rebuilt by Extract
    sc.word_owner = impl_->id;
  }
  sc.history.clear();
  sc.contexts.clear();
  const bool two_pass = impl_->model2.has_value();
  sc.doc_pass1.resize(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    fx.Extract(sentences[k], sc);
    Decode(*impl_->model, fx, sentences[k].size(), 1, sc, true);
    UpdateHistory(sentences[k].size(), sc);
    if (two_pass) CollectDoc(sentences[k], sc, true);
    if (two_pass) {
      sc.doc_pass1[k] = sc.labels;
    } else {
      done(k);
    }
  }
  if (!two_pass) return;
  // sc.history now counts the first-pass labels of the whole document.
  for (size_t k = 0; k < sentences.size(); ++k) {
    fx.Extract(sentences[k], sc, /*features=*/false);
    sc.pass1 = sc.doc_pass1[k];
    if (kSkipAgreeing && !Disagrees(sc)) {
      sc.labels = sc.pass1;
    } else {
      fx.Extract(sentences[k], sc);
      Decode(*impl_->model2, fx, sentences[k].size(), 2, sc, true);
    }
    done(k);
  }
}

void NerTagger::TagIds(std::span<const std::string_view> words, NerScratch& sc) const {
  const std::span<const std::string_view> one[1] = {words};
  RunDocument(one, sc, [](size_t) {});
}

void NerTagger::TagBio(std::span<const std::string_view> words, std::vector<std::string_view>* labels,
                       NerScratch& sc) const {
  TagIds(words, sc);
  labels->clear();
  for (int id : sc.labels) labels->push_back(kLabels[static_cast<size_t>(id)]);
}

void NerTagger::TagBio(std::span<const std::string_view> words,
                       std::vector<std::string_view>* labels) const {
  NerScratch sc;
  TagBio(words, labels, sc);
}

void NerTagger::Tag(std::span<const std::string_view> words, std::vector<Entity>* out) const {
  NerScratch sc;
  Tag(words, out, sc);
}

void NerTagger::Tag(std::span<const std::string_view> words, std::vector<Entity>* out,
                    NerScratch& sc) const {
  out->clear();
  if (words.empty()) return;
  TagIds(words, sc);
  Entities(words, sc, out);
}

void NerTagger::TagDocument(std::span<const std::span<const std::string_view>> sentences,
                            std::vector<std::vector<Entity>>* out) const {
  NerScratch sc;
  TagDocument(sentences, out, sc);
}

void NerTagger::TagDocument(std::span<const std::span<const std::string_view>> sentences,
                            std::vector<std::vector<Entity>>* out, NerScratch& sc) const {
  out->resize(sentences.size());
  for (auto& v : *out) v.clear();
  RunDocument(sentences, sc, [&](size_t k) {
    if (!sentences[k].empty()) Entities(sentences[k], sc, &(*out)[k]);
  });
}

void NerTagger::TagDocumentBio(std::span<const std::span<const std::string_view>> sentences,
                               std::vector<std::vector<std::string_view>>* labels,
                               NerScratch& sc) const {
  labels->resize(sentences.size());
  RunDocument(sentences, sc, [&](size_t k) {
    (*labels)[k].clear();
    for (int id : sc.labels) (*labels)[k].push_back(kLabels[static_cast<size_t>(id)]);
  });
}

void NerTagger::Entities(std::span<const std::string_view> words, const NerScratch& sc,
                         std::vector<Entity>* out) const {
  const size_t n = words.size();
  // Chunks from constrained BIO labels.
  size_t i = 0;
  while (i < n) {
    const int id = sc.labels[i];
    if (id == 0) {
      ++i;
      continue;
    }
    const int type = LabelType(id);
    size_t e = i + 1;
    while (e < n && IsInside(sc.labels[e]) && LabelType(sc.labels[e]) == type) ++e;
    // Whole-span gazetteer mask.
    GazMask mask = 0;
    if (e - i <= static_cast<size_t>(kMaxPhraseTokens)) {
      uint64_t h = 0;
      for (size_t k = i; k < e; ++k) h = PhraseExtend(h, sc.token_hash[k]);
      mask = impl_->gaz.Lookup(h) & kGazListBits;
    }
    uint8_t kind = kMisc;
    const bool nat = mask & (1u << kGazNationality);
    const bool place = mask & ((1u << kGazPlace) | (1u << kGazCountry));
    switch (type) {
      case 1: kind = kPerson; break;
      case 2: kind = kOrganization; break;
      case 3: kind = nat && !place ? kNationality : kPlace; break;
      default:
        kind = nat ? kNationality
                   : (mask & (1u << kGazOrgName)) ? kOrganization : place ? kPlace : kMisc;
    }
    // "Islamic" + "State", "Syrian" + "Army": capitalized untagged words
    // ending in an organization head word complete the name.
    if (kind == kNationality || kind == kMisc) {
      for (size_t k = e; k < n && k < e + 3; ++k) {
        const std::string_view w = words[k];
        if (sc.labels[k] != 0 || w.empty() || !IsAsciiUpper(w[0])) break;
        if (sc.gaz[k * kNumGazetteerLists + kGazOrgWord] != 0) {
          e = k + 1;
          kind = kOrganization;
          break;
        }
      }
    }
    // "Russian" + "Defense Ministry" -> one organization.
    if (kind == kOrganization && !out->empty() && out->back().kind == kNationality &&
        out->back().end_token == i) {
      out->back().end_token = static_cast<uint32_t>(e);
      out->back().kind = kOrganization;
    } else {
      out->push_back(Entity{static_cast<uint32_t>(i), static_cast<uint32_t>(e), kind});
    }
    i = e;
  }
}

// ---------------------------------------------------------------------------
// Training.

namespace {

struct Corpus {
  std::string name;
  std::vector<NerSentence> sentences;
};

double ScoreDev(const LinearModel& model, const PhraseSet& gaz, const WordClusters& clusters,
                const std::vector<NerSentence>& dev, ConllEval* eval) {
  FeatureExtractor fx(&gaz, &clusters);
  NerScratch sc;
  std::vector<std::string_view> words, guess;
  int doc = -1;
  for (const NerSentence& s : dev) {
    if (s.doc != doc) sc.history.clear();
    doc = s.doc;
    words.assign(s.words.begin(), s.words.end());
    fx.Extract(words, sc);
    Decode(model, fx, words.size(), 1, sc);
    UpdateHistory(words.size(), sc);
    guess.clear();
    for (int id : sc.labels) guess.push_back(kLabels[static_cast<size_t>(id)]);
    std::vector<std::string_view> gold(s.labels.begin(), s.labels.end());
    eval->Add(gold, guess);
  }
  return eval->overall().f1();
}

std::string Fixed(double v, int digits = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// The training loop: greedy decoding with the BIO constraint on the
// current weights, perceptron update on each wrong token, averaged weights.
// First-pass labels per corpus and sentence (jackknifed on training data).
using Pass1Labels = std::vector<std::vector<std::vector<int>>>;

// Documents: (corpus, first sentence, end sentence); runs of sentences with
// the same doc index.
std::vector<std::array<uint32_t, 3>> Documents(const std::vector<const std::vector<NerSentence>*>& train) {
  std::vector<std::array<uint32_t, 3>> docs;
  for (uint32_t c = 0; c < train.size(); ++c) {
    const auto& sents = *train[c];
    for (uint32_t b = 0; b < sents.size();) {
      uint32_t e = b + 1;
      while (e < sents.size() && sents[e].doc == sents[b].doc) ++e;
      docs.push_back({c, b, e});
      b = e;
    }
  }
  return docs;
}

// Sets sc.history to the first-pass label counts of a whole document.
void DocHistory(const std::vector<NerSentence>& sents, const std::vector<std::vector<int>>& p1,
                uint32_t b, uint32_t e, NerScratch& sc) {
  sc.history.clear();
  sc.contexts.clear();
  std::vector<std::string_view> words;
  for (uint32_t si = b; si < e; ++si) {
    words.assign(sents[si].words.begin(), sents[si].words.end());
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string_view w = words[i];
      if (w.empty() || !IsAsciiUpper(w[0])) continue;
      uint16_t& c = sc.history[PhraseTokenHash(w)][static_cast<size_t>(LabelType(p1[si][i]))];
      if (c < 0xFFFF) ++c;
    }
    CollectDoc(words, sc, false);
  }
}

// The training loop: greedy decoding with the BIO constraint on the
// current weights, perceptron update on each wrong token, averaged weights.
// pass 1: document history from the model's own earlier predictions;
// pass 2: features from `p1` (first-pass labels). Documents whose index
// % folds == skip_fold are left out (jackknifing; folds 0 = use all).
Status TrainNerLoop(const std::vector<const std::vector<NerSentence>*>& train, const PhraseSet& gaz,
                    const WordClusters& clusters, const NerTrainOptions& opt,
                    const std::vector<NerSentence>& dev, int pass, const Pass1Labels* p1,
                    int folds, int skip_fold, std::string* weights, std::string* rep) {
  NerScratch sc;
  std::vector<std::array<uint32_t, 3>> order;
  {
    const auto docs = Documents(train);
    for (size_t d = 0; d < docs.size(); ++d) {
      if (folds > 0 && static_cast<int>(d % static_cast<size_t>(folds)) == skip_fold) continue;
      order.push_back(docs[d]);
    }
  }

  PerceptronTrainer trainer(kNumLabels, opt.buckets_log2);
  sc.scores.assign(kNumLabels, 0);
  FeatureExtractor fx(&gaz, &clusters);
  std::vector<std::string_view> words;
  std::vector<int> gold;
  std::mt19937_64 rng(opt.seed);
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    // Fisher-Yates with our own index draw: identical on every platform.
    for (size_t i = order.size(); i > 1; --i) {
      const size_t j = static_cast<size_t>(rng() % i);
      std::swap(order[i - 1], order[j]);
    }
    size_t correct = 0, total = 0;
    for (const auto& [c, db, de] : order) {
      if (pass == 2) {
        DocHistory(*train[c], (*p1)[c], db, de, sc);
      } else {
        sc.history.clear();
      }
      for (uint32_t si = db; si < de; ++si) {
        const NerSentence& s = (*train[c])[si];
        words.assign(s.words.begin(), s.words.end());
        gold.resize(s.labels.size());
        for (size_t i = 0; i < s.labels.size(); ++i) gold[i] = LabelId(s.labels[i]);
        fx.Extract(words, sc);
        if (pass == 2) sc.pass1 = (*p1)[c][si];
        sc.labels.assign(words.size(), 0);
        int prev = kStartLabel, prev2 = kStartLabel;
        for (size_t i = 0; i < words.size(); ++i) {
          fx.Dynamic(sc, i, prev, prev2, pass, &sc.buffer);
          trainer.Scores(sc.buffer, sc.scores.data());
          const int guess = ConstrainedBest(prev, sc.scores.data());
          if (guess != gold[i]) {
            trainer.Update(sc.buffer, gold[i], guess);
          } else {
            ++correct;
          }
          ++total;
          trainer.NextInstance();
          sc.labels[i] = guess;
          prev2 = prev;
          prev = guess;
        }
        if (pass == 1) UpdateHistory(words.size(), sc);
      }
    }
    *rep += "pass " + std::to_string(pass) + " epoch " + std::to_string(epoch + 1) +
            ": train token accuracy " +
            Fixed(100.0 * static_cast<double>(correct) / static_cast<double>(std::max<size_t>(total, 1))) + "%";
    if (!dev.empty() && pass == 1) {
      const std::string bytes = trainer.SerializeAveraged();  // LinearModel views it
      ASSIGN_OR_RETURN(LinearModel m, LinearModel::FromBytes(bytes));
      ConllEval eval;
      *rep += ", dev F1 (pass 1) " + Fixed(ScoreDev(m, gaz, clusters, dev, &eval));
    }
    *rep += "\n";
  }

  *weights = trainer.SerializeAveraged();
  return Status::Ok();
}

// Averages linear models (LinearModel bytes, documented in perceptron.h)
// weight by weight: the parameter average of perceptrons trained on
// different shuffles of the same data, a cheap ensemble with the run-time
// cost of one model. Deterministic: rows in key order, same table rule as
// PerceptronTrainer::SerializeAveraged.
std::string AverageModels(const std::vector<std::string>& models) {
  static_assert(kNumLabels <= 16, "rows below hold at most 16 labels");
  if (models.size() == 1) return models[0];
  constexpr size_t kHeader = 32, kSlot = 16, kEntry = 4;
  auto load32 = [](const char* p) { uint32_t v; std::memcpy(&v, p, 4); return v; };
  uint32_t labels = 0;
  std::unordered_map<uint64_t, std::array<double, 16>> sum;
  for (const std::string& m : models) {
    const char* p = m.data();
    labels = load32(p + 4);
    const uint32_t table_log2 = load32(p + 8);
    float scale;
    std::memcpy(&scale, p + 16, 4);
    const size_t slots = size_t{1} << table_log2;
    const char* entries = p + kHeader + slots * kSlot;
    for (size_t sl = 0; sl < slots; ++sl) {
      const char* slot = p + kHeader + sl * kSlot;
      uint64_t key;
      std::memcpy(&key, slot, 8);
      if (key == 0) continue;
      const uint32_t first = load32(slot + 8), count = load32(slot + 12);
      auto& row = sum[key];
      for (uint32_t e = first; e < first + count; ++e) {
        uint16_t l;
        int16_t w;
        std::memcpy(&l, entries + size_t{e} * kEntry, 2);
        std::memcpy(&w, entries + size_t{e} * kEntry + 2, 2);
        row[l] += static_cast<double>(w) * scale;
      }
    }
  }
  std::vector<uint64_t> keys;
  keys.reserve(sum.size());
  double max_abs = 0;
  for (auto& [k, row] : sum) {
    keys.push_back(k);
    for (uint32_t l = 0; l < labels; ++l) {
      row[l] /= static_cast<double>(models.size());
      max_abs = std::max(max_abs, std::abs(row[l]));
    }
  }
  std::sort(keys.begin(), keys.end());
  const float scale = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  std::string entries;
  std::vector<std::array<uint64_t, 3>> rows;  // key, first, count
  auto append = [](std::string* out, const void* v, size_t n) { out->append(static_cast<const char*>(v), n); };
  for (uint64_t k : keys) {
    const auto& row = sum[k];
    const auto first = static_cast<uint32_t>(entries.size() / kEntry);
    uint32_t count = 0;
    for (uint32_t l = 0; l < labels; ++l) {
      const long q = std::lround(row[l] / scale);
      if (q == 0) continue;
      const auto l16 = static_cast<uint16_t>(l);
      const auto w16 = static_cast<int16_t>(std::clamp(q, -32767L, 32767L));
      append(&entries, &l16, 2);
      append(&entries, &w16, 2);
      ++count;
    }
    if (count > 0) rows.push_back({k, first, count});
  }
  uint32_t table_log2 = 4;
  while ((uint64_t{1} << table_log2) < rows.size() * 10 / 7 + 1) ++table_log2;
  const size_t slots = size_t{1} << table_log2;
  std::string table(slots * kSlot, '\0');
  for (const auto& [key, first, count] : rows) {
    size_t sl = key & (slots - 1);
    for (;; sl = (sl + 1) & (slots - 1)) {
      uint64_t k;
      std::memcpy(&k, &table[sl * kSlot], 8);
      if (k == 0) break;
    }
    const auto f32 = static_cast<uint32_t>(first), c32 = static_cast<uint32_t>(count);
    std::memcpy(&table[sl * kSlot], &key, 8);
    std::memcpy(&table[sl * kSlot + 8], &f32, 4);
    std::memcpy(&table[sl * kSlot + 12], &c32, 4);
  }
  std::string out;
  const uint32_t magic = load32(models[0].data());
  const auto num_entries = static_cast<uint32_t>(entries.size() / kEntry);
  const auto num_rows = static_cast<uint32_t>(rows.size());
  const uint64_t reserved = 0;
  append(&out, &magic, 4);
  append(&out, &labels, 4);
  append(&out, &table_log2, 4);
  append(&out, &num_entries, 4);
  append(&out, &scale, 4);
  append(&out, &num_rows, 4);
  append(&out, &reserved, 8);
  out += table;
  out += entries;
  return out;
}

// Trains `seeds` models with seeds opt.seed, opt.seed + 1, ... and averages
// them (AverageModels).
Status TrainAveraged(const std::vector<const std::vector<NerSentence>*>& train, const PhraseSet& gaz,
                     const WordClusters& clusters, const NerTrainOptions& opt,
                     const std::vector<NerSentence>& dev, int pass, const Pass1Labels* p1, int seeds,
                     std::string* weights, std::string* rep);

// First-pass labels of the documents with index % folds == fold, by a
// pass-1 model (as tagged at run time: with document history).
Status PredictPass1(const std::vector<const std::vector<NerSentence>*>& train, const PhraseSet& gaz,
                    const WordClusters& clusters, const std::string& weights, int folds, int fold,
                    Pass1Labels* out) {
  ASSIGN_OR_RETURN(LinearModel model, LinearModel::FromBytes(weights));
  FeatureExtractor fx(&gaz, &clusters);
  NerScratch sc;
  std::vector<std::string_view> words;
  const auto docs = Documents(train);
  for (size_t d = 0; d < docs.size(); ++d) {
    if (static_cast<int>(d % static_cast<size_t>(folds)) != fold) continue;
    const auto& [c, db, de] = docs[d];
    sc.history.clear();
    for (uint32_t si = db; si < de; ++si) {
      const NerSentence& s = (*train[c])[si];
      words.assign(s.words.begin(), s.words.end());
      fx.Extract(words, sc);
      Decode(model, fx, words.size(), 1, sc);
      UpdateHistory(words.size(), sc);
      (*out)[c][si] = sc.labels;
    }
  }
  return Status::Ok();
}

// Both passes: pass 1 on everything; pass 2 on jackknifed pass-1 labels.
Status TrainTwoPass(const std::vector<const std::vector<NerSentence>*>& train, const PhraseSet& gaz,
                    const WordClusters& clusters, const NerTrainOptions& opt,
                    const std::vector<NerSentence>& dev, std::string* weights1, std::string* weights2,
                    std::string* rep) {
  RETURN_IF_ERROR(TrainAveraged(train, gaz, clusters, opt, dev, 1, nullptr, opt.seeds, weights1, rep));
  if (opt.jackknife_folds <= 1) return Status::Ok();
  Pass1Labels p1(train.size());
  for (size_t c = 0; c < train.size(); ++c) p1[c].resize(train[c]->size());
  for (int f = 0; f < opt.jackknife_folds; ++f) {
    std::string w, r;
    RETURN_IF_ERROR(TrainNerLoop(train, gaz, clusters, opt, {}, 1, nullptr, opt.jackknife_folds, f, &w, &r));
    RETURN_IF_ERROR(PredictPass1(train, gaz, clusters, w, opt.jackknife_folds, f, &p1));
  }
  return TrainAveraged(train, gaz, clusters, opt, {}, 2, &p1, opt.seeds, weights2, rep);
}

Status TrainAveraged(const std::vector<const std::vector<NerSentence>*>& train, const PhraseSet& gaz,
                     const WordClusters& clusters, const NerTrainOptions& opt,
                     const std::vector<NerSentence>& dev, int pass, const Pass1Labels* p1, int seeds,
                     std::string* weights, std::string* rep) {
  std::vector<std::string> models(static_cast<size_t>(std::max(seeds, 1)));
  for (size_t k = 0; k < models.size(); ++k) {
    NerTrainOptions o = opt;
    o.seed = opt.seed + k;
    RETURN_IF_ERROR(TrainNerLoop(train, gaz, clusters, o, k == 0 ? dev : std::vector<NerSentence>{}, pass, p1,
                                 0, -1, &models[k], rep));
  }
  *weights = AverageModels(models);
  return Status::Ok();
}

}  // namespace

Status TrainNerOn(const std::vector<NerSentence>& train, const PhraseSet& gazetteer,
                  const NerTrainOptions& opt, std::string* report) {
  std::string weights, rep;
  const WordClusters clusters;
  std::string weights2;
  RETURN_IF_ERROR(TrainTwoPass({&train}, gazetteer, clusters, opt, {}, &weights, &weights2, &rep));
  ArtifactWriter writer("ner", kNerFormatVersion);
  writer.AddSection("labels", JoinLabels());
  writer.AddSection("weights", std::move(weights));
  if (!weights2.empty()) writer.AddSection("weights2", std::move(weights2));
  writer.AddSection("gazetteer", gazetteer.Serialize());
  writer.AddSection("clusters", clusters.Serialize());
  ArtifactProvenance prov;
  prov.command = opt.command;
  prov.version = SITREP_VERSION;
  writer.SetProvenance(std::move(prov));
  RETURN_IF_ERROR(writer.WriteFile(opt.out_path));
  if (report) *report += rep;
  return Status::Ok();
}

Status TrainNer(const NerTrainOptions& opt, std::string* report) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string rep;
  const std::string ner = opt.data_dir + "/ner";
  std::vector<std::string> inputs;
  auto read_columns = [&](const std::string& path, NerCorpus c, std::string_view strip)
      -> Result<std::vector<NerSentence>> {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(path));
    inputs.push_back(path);
    ColumnReadOptions o;
    o.corpus = c;
    o.strip_prefix = strip;
    auto r = ReadColumnCorpus(text, o);
    if (!r.ok()) return Status(r.status().code(), path + ": " + r.status().message());
    return r;
  };

  std::vector<Corpus> train;
  {
    ASSIGN_OR_RETURN(auto s, read_columns(ner + "/conll2003/eng.train", NerCorpus::kConll, ""));
    train.push_back({"conll2003/eng.train", std::move(s)});
  }
  if (opt.use_wikigold) {
    ASSIGN_OR_RETURN(auto s, read_columns(ner + "/wikigold/CONLL-format/data/wikigold.conll.txt",
                                          NerCorpus::kWikigold, ""));
    train.push_back({"wikigold", std::move(s)});
  }
  if (opt.use_wikiann) {
    ASSIGN_OR_RETURN(auto s, read_columns(ner + "/wikiann_en/train", NerCorpus::kWikiann, "en:"));
    train.push_back({"wikiann_en/train", std::move(s)});
  }
  if (opt.use_gmb) {
    ASSIGN_OR_RETURN(const std::string bytes, ReadFileToString(ner + "/gmb/ner_dataset.csv"));
    inputs.push_back(ner + "/gmb/ner_dataset.csv");
    auto r = ReadGmbCsv(bytes);
    if (!r.ok()) return Status(r.status().code(), ner + "/gmb/ner_dataset.csv: " + r.status().message());
    // No official split: keep sentences whose number hashes outside the
    // held-out tenth, so that a GMB dev set stays available.
    std::vector<NerSentence> kept;
    for (NerSentence& s : r.value()) {
      if (Fnv(std::to_string(s.doc)) % 10 != 0) kept.push_back(std::move(s));
    }
    train.push_back({"gmb (9/10)", std::move(kept)});
  }
  std::vector<NerSentence> dev;
  if (opt.eval_dev_each_epoch) {
    ASSIGN_OR_RETURN(dev, read_columns(ner + "/conll2003/eng.testa", NerCorpus::kConll, ""));
    inputs.pop_back();  // dev is not a training input
  }

  // Gazetteer-only corpora: their annotation conventions differ from
  // CoNLL's (training on them lowers CoNLL dev F1 by 8-10 points), but
  // their entity names are good evidence.
  std::vector<Corpus> external;
  {
    ASSIGN_OR_RETURN(const std::string bytes, ReadFileToString(ner + "/gmb/ner_dataset.csv"));
    inputs.push_back(ner + "/gmb/ner_dataset.csv");
    auto r = ReadGmbCsv(bytes);
    if (!r.ok()) return Status(r.status().code(), ner + "/gmb/ner_dataset.csv: " + r.status().message());
    external.push_back({"gmb", std::move(r).value()});
    ASSIGN_OR_RETURN(auto wa, read_columns(ner + "/wikiann_en/train", NerCorpus::kWikiann, "en:"));
    external.push_back({"wikiann_en/train", std::move(wa)});
    ASSIGN_OR_RETURN(auto wd, read_columns(ner + "/wikiann_en/dev", NerCorpus::kWikiann, "en:"));
    external.push_back({"wikiann_en/dev", std::move(wd)});
    ASSIGN_OR_RETURN(auto wg, read_columns(ner + "/wikigold/CONLL-format/data/wikigold.conll.txt",
                                           NerCorpus::kWikigold, ""));
    external.push_back({"wikigold", std::move(wg)});
  }
  std::vector<const std::vector<NerSentence>*> external_ptrs;
  for (const Corpus& c : external) {
    external_ptrs.push_back(&c.sentences);
    rep += "gazetteer corpus " + c.name + ": " + std::to_string(c.sentences.size()) + " sentences\n";
  }

  std::string weights;
  std::vector<const std::vector<NerSentence>*> corpora;
  for (const Corpus& c : train) {
    corpora.push_back(&c.sentences);
    size_t toks = 0;
    for (const NerSentence& s : c.sentences) toks += s.words.size();
    rep += "corpus " + c.name + ": " + std::to_string(c.sentences.size()) + " sentences, " +
           std::to_string(toks) + " tokens\n";
  }
  PhraseSet gaz;
  RETURN_IF_ERROR(BuildGazetteer(opt.data_dir, external_ptrs, corpora, &gaz, &rep));
  for (const char* f : {"/geo/geonames/cities15000.txt", "/geo/geonames/admin1CodesASCII.txt",
                        "/geo/geonames/countryInfo.tsv", "/geo/names/world-countries.json",
                        "/geo/names/i18n-nationality-en.json", "/geo/names/nat_df.csv",
                        "/coder/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
                        "/coder/petrarch2/dictionaries/Phoenix.International.actors.txt"}) {
    inputs.push_back(opt.data_dir + f);
  }

  // Word clusters from the unlabeled text of every ship-derivable corpus.
  WordClusters clusters;
  if (opt.use_clusters) {
    const auto tc = std::chrono::steady_clock::now();
    const std::string ud = opt.data_dir + "/ud/UD_English-EWT/en_ewt-ud-train.conllu";
    ASSIGN_OR_RETURN(const std::string ud_text, ReadFileToString(ud));
    inputs.push_back(ud);
    const std::vector<std::vector<std::string>> ud_sents = ReadConlluWords(ud_text);
    std::vector<std::vector<std::string_view>> text;
    for (const auto* c : corpora) {
      for (const NerSentence& s : *c) text.emplace_back(s.words.begin(), s.words.end());
    }
    for (const auto* c : external_ptrs) {
      for (const NerSentence& s : *c) text.emplace_back(s.words.begin(), s.words.end());
    }
    for (const auto& s : ud_sents) text.emplace_back(s.begin(), s.end());
    clusters = WordClusters::Learn(text, opt.clusters, &rep);
    rep += "clusters learned in " +
           Fixed(std::chrono::duration<double>(std::chrono::steady_clock::now() - tc).count(), 1) + " s\n";
  }

  std::string weights2;
  RETURN_IF_ERROR(TrainTwoPass(corpora, gaz, clusters, opt, dev, &weights, &weights2, &rep));
  ArtifactWriter writer("ner", kNerFormatVersion);
  writer.AddSection("labels", JoinLabels());
  writer.AddSection("weights", std::move(weights));
  if (!weights2.empty()) writer.AddSection("weights2", std::move(weights2));
  writer.AddSection("gazetteer", gaz.Serialize());
  writer.AddSection("clusters", clusters.Serialize());
  ArtifactProvenance prov;
  prov.command = opt.command;
  prov.version = SITREP_VERSION;
  for (const std::string& in : inputs) {
    ASSIGN_OR_RETURN(std::string h, HashFileHex(in));
    prov.inputs.emplace_back(in, std::move(h));
  }
  writer.SetProvenance(std::move(prov));
  RETURN_IF_ERROR(writer.WriteFile(opt.out_path));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rep += "wrote " + opt.out_path + " in " + Fixed(secs, 1) + " s\n";
  if (report) *report += rep;
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Evaluation.

Result<NerEvalReport> EvalNer(const NerTagger& tagger, const std::string& path,
                              const std::string& predictions_path) {
  ASSIGN_OR_RETURN(const std::string text, ReadFileToString(path));
  std::ofstream out;
  if (!predictions_path.empty()) {
    out.open(predictions_path, std::ios::binary | std::ios::trunc);
    if (!out) return NotFound("cannot write predictions to " + predictions_path);
  }
  NerEvalReport rep;
  ConllEval eval;
  NerScratch sc;
  // The current document: its sentences' words and gold labels.
  std::vector<std::vector<std::string_view>> doc_words, doc_gold, doc_guess;
  std::vector<std::string_view> words, gold;
  std::vector<std::span<const std::string_view>> spans;
  double seconds = 0;
  std::string buf;
  auto flush = [&] {
    if (words.empty()) return;
    doc_words.push_back(std::move(words));
    doc_gold.push_back(std::move(gold));
    words.clear();
    gold.clear();
  };
  auto flush_doc = [&] {
    flush();
    if (doc_words.empty()) return;
    spans.assign(doc_words.begin(), doc_words.end());
    const auto t0 = std::chrono::steady_clock::now();
    tagger.TagDocumentBio(spans, &doc_guess, sc);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (size_t k = 0; k < doc_words.size(); ++k) {
      const auto& w = doc_words[k];
      eval.Add(doc_gold[k], doc_guess[k]);
      ++rep.sentences;
      rep.tokens += w.size();
      if (out.is_open()) {
        buf.clear();
        for (size_t i = 0; i < w.size(); ++i) {
          buf.append(w[i]).append(" ").append(doc_gold[k][i]).append(" ").append(doc_guess[k][i]).append("\n");
        }
        buf += "\n";
        out << buf;
      }
    }
    doc_words.clear();
    doc_gold.clear();
  };
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      flush();
      continue;
    }
    const size_t first_end = line.find_first_of(" \t");
    if (first_end == std::string_view::npos) {
      return InvalidArgument(path + ":" + std::to_string(line_no) + ": expected `token ... tag` columns");
    }
    const std::string_view word = line.substr(0, first_end);
    const std::string_view tag = line.substr(line.find_last_of(" \t") + 1);
    if (word == "-DOCSTART-") {
      flush_doc();
      if (out.is_open()) out << "-DOCSTART- O O\n\n";
      continue;
    }
    words.push_back(word);
    gold.push_back(tag);
  }
  flush_doc();
  if (out.is_open()) {
    out.close();
    if (!out) return DataLoss("error writing " + predictions_path);
  }
  rep.precision = eval.overall().precision();
  rep.recall = eval.overall().recall();
  rep.f1 = eval.overall().f1();
  for (const auto& [type, s] : eval.per_type()) {
    rep.per_type.emplace_back(type, s.precision(), s.recall(), s.f1());
  }
  rep.seconds = seconds;
  return rep;
}

}  // namespace sitrep::tag
