#include "tag/pos.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "core/hash.h"
#include "tag/pos_lexicon.h"

namespace sitrep::tag {
namespace {

constexpr std::string_view kTagUposNames[kNumUpos] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

constexpr uint16_t kNotSure = 0xFFFF;
std::atomic<uint64_t> g_next_tagger_id{1};  // PosTagger::cache_id_
constexpr size_t kDictSlot = 16;   // u64 key, u32 upos_mask, u16 sure, u16 pad
constexpr int kMinDictCount = 3;   // rarer words look unknown, as at test time
constexpr int kSureMinCount = 20;
constexpr double kSureMinShare = 0.97;
constexpr int kFolds = 4;  // jack-knife folds for the second UPOS pass

// ---------------------------------------------------------------------------
// Features.

// Pass 1 (UPOS) templates.
enum Templ {
  kBias, kWord, kRaw, kSuf1, kSuf2, kSuf3, kSuf4, kSuf5, kPre1, kPre2, kPre3, kPre4,
  kShape, kFlags, kWordM1, kWordM2, kWordP1, kWordP2, kSuf3M1, kSuf3P1,
  kShapeM1, kShapeP1, kAmb, kAmbM1, kAmbP1, kAmbP2, kBigramP, kBigramM,
  kCls0, kCls1, kCls2, kClsM1, kClsP1, kClsP2, kClsM1Tag, kLex, kLexFlags, kLexP1, kLexM1,
  // dynamic (previous predictions)
  kTagM1, kTagM2, kTagM1M2, kTagM1Word, kTagM1Amb,
  // pass 2: first-pass UPOS of this and the next words
  kR0, kR1, kR2, kR12, kR1Word, kM1R1, kR0Word, kR0R1,
  // pass 2 (XPOS given the UPOS of the sentence)
  kXBias, kXWord, kXRaw, kXSuf1, kXSuf2, kXSuf3, kXSuf4, kXShape, kXFlags, kXUposM1,
  kXUposP1, kXUposTri, kXWordP1, kXWordM1, kXPrev, kXPrevWord, kXAmb, kXUposP1Word, kXCls,
  // UPOS passes: sentence case (SentenceCase), more of pass 1's output,
  // word statistics of the ship-derived corpora (TokenHashes::wstat)
  kCase, kCaseFlags, kCaseCls, kR3, kR123, kR01Word, kRM1R0, kNeExact, kNeLower, kPtbTop,
  kStatFlags,
  kNumTempl
};

const uint64_t* TemplateSeeds() {
  static const auto seeds = [] {
    std::array<uint64_t, kNumTempl> s{};
    for (int i = 0; i < kNumTempl; ++i) s[i] = HashFeature("pos", std::to_string(i));
    return s;
  }();
  return seeds.data();
}

inline uint64_t ValueHash(std::string_view s) { return Xxh64(s, 0x706f73); }

struct TokenHashes {
  uint64_t word, raw, suf[5], pre[4], shape, flags, amb;
  uint64_t cls[3];  // word cluster at each level (0 = none)
  uint64_t lex;     // Lexicon::Code of the lower-cased word
  uint32_t sent_case;  // SentenceCase of the sentence (set per sentence)
  // Word statistics of the ship-derived NER corpora (the "stats" section):
  // bits 0-2 NeBucket of the word as written, bits 3-5 of its lower-cased
  // form, bits 6-11 1 + its most frequent PTB tag (0 = none).
  uint32_t wstat;
};

// How the sentence uses capitals: 0 no letters, 1 all lower case, 2 mixed,
// 3 most words capitalized (headline), 4 mostly all-caps.
uint32_t SentenceCase(std::span<const std::string_view> words) {
  int alpha = 0, cap = 0, allcap = 0;
  for (std::string_view w : words) {
    if (w.empty()) continue;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    const bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
    if (!up && !low) continue;
    ++alpha;
    if (up) {
      ++cap;
      bool all = w.size() > 1;
      for (unsigned char d : w) all = all && !(d >= 'a' && d <= 'z');
      allcap += all;
    }
  }
  if (alpha == 0) return 0;
  if (cap == 0) return 1;
  if (alpha >= 3 && allcap * 10 >= alpha * 7) return 4;
  if (alpha >= 3 && cap * 10 >= alpha * 6) return 3;
  return 2;
}

bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Lower-cased ASCII, digits as '0'; long words keep 32 bytes of each end.
void NormalizeWord(std::string_view w, std::string* out) {
  out->clear();
  auto put = [&](std::string_view part) {
    for (unsigned char c : part) {
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      else if (c >= '0' && c <= '9') c = '0';
      out->push_back(static_cast<char>(c));
    }
  };
  if (w.size() <= 64) {
    put(w);
  } else {
    put(w.substr(0, 32));
    put(w.substr(w.size() - 32));
  }
}

std::string_view LastChars(std::string_view s, int k) {
  size_t pos = s.size();
  while (k > 0 && pos > 0) {
    --pos;
    while (pos > 0 && IsCont(static_cast<unsigned char>(s[pos]))) --pos;
    --k;
  }
  return s.substr(pos);
}

std::string_view FirstChars(std::string_view s, int k) {
  size_t pos = 0;
  while (k > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && IsCont(static_cast<unsigned char>(s[pos]))) ++pos;
    --k;
  }
  return s.substr(0, pos);
}

void ComputeShape(std::string_view w, std::string* shape, uint32_t* flags) {
  shape->clear();
  bool upper = false, lower = false;
  const std::string_view head = w.substr(0, 64);
  for (unsigned char c : head) {
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
      lower = true;
    } else if (c >= '0' && c <= '9') {
      s = 'd';
      *flags |= 2;
    } else if (c >= 0x80) {
      if (IsCont(c)) continue;
      s = 'u';
      *flags |= 32;
    } else {
      s = static_cast<char>(c);
      if (c == '-') *flags |= 1;
    }
    if ((shape->empty() || shape->back() != s) && shape->size() < 12) shape->push_back(s);
  }
  if (upper && !lower) *flags |= 4;
  if (!head.empty() && head[0] >= 'A' && head[0] <= 'Z') *flags |= 8;
}

struct Dict {
  const char* slots = nullptr;
  uint64_t mask = 0;
  bool Lookup(uint64_t key, uint32_t* upos_mask, uint16_t* sure) const {
    if (slots == nullptr) return false;
    for (uint64_t s = key & mask;; s = (s + 1) & mask) {
      const char* slot = slots + s * kDictSlot;
      uint64_t k;
      std::memcpy(&k, slot, 8);
      if (k == key) {
        std::memcpy(upos_mask, slot + 8, 4);
        std::memcpy(sure, slot + 12, 2);
        return true;
      }
      if (k == 0) return false;
    }
  }
};

inline uint64_t DictKey(std::string_view word) {
  const uint64_t h = Xxh64(word, 0x64696374);
  return h == 0 ? 1 : h;
}

// Cluster lookup key: the word lower-cased (ASCII), digits kept.
void ClusterForm(std::string_view w, std::string* out) {
  out->clear();
  for (unsigned char c : w.substr(0, 64)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    out->push_back(static_cast<char>(c));
  }
}


Result<std::string> ReadFile(const std::string& path);

// An open-addressed dictionary section (see Dict) of (key, (mask, sure)).
std::string DictSection(
    const std::vector<std::pair<uint64_t, std::pair<uint32_t, uint16_t>>>& entries) {
  size_t dict_slots = 16;
  while (dict_slots < entries.size() * 2) dict_slots *= 2;
  std::string section(dict_slots * kDictSlot, '\0');
  for (const auto& [key, v] : entries) {
    size_t s = key & (dict_slots - 1);
    for (;; s = (s + 1) & (dict_slots - 1)) {
      uint64_t k;
      std::memcpy(&k, &section[s * kDictSlot], 8);
      if (k == 0) break;
    }
    std::memcpy(&section[s * kDictSlot], &key, 8);
    std::memcpy(&section[s * kDictSlot + 8], &v.first, 4);
    std::memcpy(&section[s * kDictSlot + 12], &v.second, 2);
  }
  return section;
}

// The lexicon section from a WordNet directory ("" = empty section).
Result<std::string> BuildLexicon(const std::string& dir,
                                 std::vector<std::pair<std::string, std::string>>* inputs) {
  if (dir.empty()) return std::string();
  std::map<uint64_t, uint32_t> masks;
  const char* pos_names[4] = {"noun", "verb", "adj", "adv"};
  for (int p = 0; p < 4; ++p) {
    for (const std::string kind : {"index.", "exc"}) {
      const std::string path = kind == "exc" ? dir + "/" + pos_names[p] + ".exc"
                                             : dir + "/index." + pos_names[p];
      ASSIGN_OR_RETURN(std::string text, ReadFile(path));
      inputs->push_back({path, HexId(Xxh64(text))});
      std::istringstream in(text);
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ') continue;
        const std::string w = line.substr(0, line.find(' '));
        if (w.find('_') != std::string::npos) continue;
        masks[PosLexicon::Key(w)] |= 1u << p;
      }
    }
  }
  std::string out;
  for (const auto& [key, m] : masks) {
    const uint64_t v = key << 4 | m;
    out.append(reinterpret_cast<const char*>(&v), 8);
  }
  return out;
}

// How often a word is inside a named entity: 0 unseen, 6 / 7 seen once
// inside / outside one, else 1-5 for an entity share of < 5 %, < 30 %,
// < 70 %, < 95 %, more.
uint32_t NeBucket(int in_entity, int total) {
  if (total == 0) return 0;
  if (total == 1) return in_entity ? 6 : 7;
  const double r = static_cast<double>(in_entity) / total;
  return r < 0.05 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : r < 0.95 ? 4 : 5;
}

// Hashes of one token (flags without the sentence-initial bit 16); *sure is
// the dictionary label or kNotSure. Depends only on the word's bytes.
void PrepareToken(std::string_view w, const Dict& dict, const WordClusters* clusters,
                  const PosLexicon* lexicon, const Dict* stats, TokenHashes* th,
                  uint16_t* sure, std::string* nw, std::string* shape, std::string* cf) {
  TokenHashes& t = *th;
  t.sent_case = 0;
  t.wstat = 0;
  uint16_t unused;
  if (stats != nullptr && w.size() <= 64) {
    uint32_t ws = 0;
    if (stats->Lookup(DictKey(w), &ws, &unused)) t.wstat = ws & ~0x38u;
  }
  NormalizeWord(w, nw);
  t.word = ValueHash(*nw);
  t.raw = ValueHash(w.size() <= 64 ? w : std::string_view(*nw));
  for (int k = 0; k < 5; ++k) t.suf[k] = ValueHash(LastChars(*nw, k + 1));
  for (int k = 0; k < 4; ++k) t.pre[k] = ValueHash(FirstChars(*nw, k + 1));
  uint32_t flags = 0;
  ComputeShape(w, shape, &flags);
  t.shape = ValueHash(*shape);
  t.flags = flags;
  uint32_t amb = 0;
  uint16_t s = kNotSure;
  *sure = kNotSure;
  if (w.size() <= 64 && dict.Lookup(DictKey(w), &amb, &s)) *sure = s;
  t.amb = amb;
  const bool need_cf = (clusters != nullptr && clusters->num_levels() > 0) ||
                       (lexicon != nullptr && s == kNotSure) || stats != nullptr;
  if (need_cf) ClusterForm(w, cf);
  if (stats != nullptr && w.size() <= 64) {
    uint32_t ws = 0;
    if (stats->Lookup(DictKey(*cf), &ws, &unused)) t.wstat |= ws & 0x38u;
  }
  uint32_t packed = 0;
  if (clusters != nullptr && clusters->num_levels() > 0) packed = clusters->Lookup(*cf);
  for (int l = 0; l < 3; ++l) {
    t.cls[l] = packed == 0 ? 0 : 1 + ((packed >> (10 * l)) & 1023);
  }
  t.lex = 0;
  if (lexicon != nullptr && s == kNotSure) t.lex = lexicon->Code(*cf);
}

// Per-token hashes of one sentence; sure[i] is the dictionary label or
// kNotSure.
void PrepareSentence(std::span<const std::string_view> words, const Dict& dict,
                     const WordClusters* clusters, const PosLexicon* lexicon,
                     const Dict* stats, std::vector<TokenHashes>* th,
                     std::vector<uint16_t>* sure) {
  const size_t n = words.size();
  th->resize(n);
  sure->assign(n, kNotSure);
  std::string nw, shape, cf;
  for (size_t i = 0; i < n; ++i) {
    PrepareToken(words[i], dict, clusters, lexicon, stats, &(*th)[i], &(*sure)[i], &nw,
                 &shape, &cf);
    if (i == 0) (*th)[i].flags |= 16;
  }
  const uint32_t sc = SentenceCase(words);
  for (size_t i = 0; i < n; ++i) (*th)[i].sent_case = sc;
}

constexpr uint64_t kBos = 0xB05B05B05ULL, kEos = 0xE05E05E05ULL;
constexpr int kMaxFeatures = kNumTempl;

// The spelling features of a token (its bytes and whether it starts the
// sentence); the first part of UposStaticFeatures. Returns their number.
int StaticFeatures(const TokenHashes& t, uint64_t* f) {
  const uint64_t* seed = TemplateSeeds();
  int k = 0;
  auto add = [&](Templ tp, uint64_t v) { f[k++] = HashCombine(seed[tp], v); };
  add(kBias, 0);
  add(kWord, t.word);
  add(kRaw, t.raw);
  for (int j = 0; j < 5; ++j) add(static_cast<Templ>(kSuf1 + j), t.suf[j]);
  for (int j = 0; j < 4; ++j) add(static_cast<Templ>(kPre1 + j), t.pre[j]);
  add(kShape, t.shape);
  add(kFlags, t.flags);
  return k;
}

// The features of Features() that depend only on the token (its bytes and
// whether it starts the sentence), in the same order: StaticFeatures, then
// the ambiguity class, clusters, lexicon code and corpus statistics.
int UposStaticFeatures(const TokenHashes& t, bool use_cls, uint64_t* f) {
  const uint64_t* seed = TemplateSeeds();
  int k = StaticFeatures(t, f);
  auto add = [&](Templ tp, uint64_t v) { f[k++] = HashCombine(seed[tp], v); };
  auto add2 = [&](Templ tp, uint64_t a, uint64_t b) {
    f[k++] = HashCombine(HashCombine(seed[tp], a), b);
  };
  add(kAmb, t.amb);
  if (use_cls) {
    for (int l = 0; l < 3; ++l) add(static_cast<Templ>(kCls0 + l), t.cls[l]);
  }
  if (t.lex != 0) {
    add(kLex, t.lex);
    add2(kLexFlags, t.lex, t.flags);
  }
  if (t.wstat != 0) {
    add(kNeExact, t.wstat & 7);
    add(kNeLower, (t.wstat >> 3) & 7);
    add(kPtbTop, t.wstat >> 6);
    add2(kStatFlags, t.wstat & 63, t.flags);
  }
  return k;
}

// Writes the UPOS features of token i given the two previous UPOS (or -1/-2
// at the start); returns their number. with_static = false leaves out the
// leading UposStaticFeatures, for callers that cached their scores.
int Features(const std::vector<TokenHashes>& th, size_t i, int prev1, int prev2, bool use_cls,
             const uint8_t* first_pass, uint64_t* f, bool with_static = true) {
  const uint64_t* seed = TemplateSeeds();
  const size_t n = th.size();
  const TokenHashes& t = th[i];
  auto at = [&](ptrdiff_t j, uint64_t TokenHashes::*field) {
    if (j < 0) return kBos;
    if (static_cast<size_t>(j) >= n) return kEos;
    return th[static_cast<size_t>(j)].*field;
  };
  auto suf3 = [&](ptrdiff_t j) {
    if (j < 0) return kBos;
    if (static_cast<size_t>(j) >= n) return kEos;
    return th[static_cast<size_t>(j)].suf[2];
  };
  auto cls = [&](ptrdiff_t j, int level) {
    if (j < 0) return kBos;
    if (static_cast<size_t>(j) >= n) return kEos;
    return th[static_cast<size_t>(j)].cls[level];
  };
  const auto si = static_cast<ptrdiff_t>(i);
  int k = 0;
  auto add = [&](Templ tp, uint64_t v) { f[k++] = HashCombine(seed[tp], v); };
  auto add2 = [&](Templ tp, uint64_t a, uint64_t b) {
    f[k++] = HashCombine(HashCombine(seed[tp], a), b);
  };
  if (with_static) k = UposStaticFeatures(t, use_cls, f);
  add(kWordM1, at(si - 1, &TokenHashes::word));
  add(kWordM2, at(si - 2, &TokenHashes::word));
  add(kWordP1, at(si + 1, &TokenHashes::word));
  add(kWordP2, at(si + 2, &TokenHashes::word));
  add(kSuf3M1, suf3(si - 1));
  add(kSuf3P1, suf3(si + 1));
  add(kShapeM1, at(si - 1, &TokenHashes::shape));
  add(kShapeP1, at(si + 1, &TokenHashes::shape));
  add(kAmbM1, at(si - 1, &TokenHashes::amb));
  add(kAmbP1, at(si + 1, &TokenHashes::amb));
  add(kAmbP2, at(si + 2, &TokenHashes::amb));
  add2(kBigramP, t.word, at(si + 1, &TokenHashes::word));
  add2(kBigramM, at(si - 1, &TokenHashes::word), t.word);
  const auto p1 = static_cast<uint64_t>(prev1 + 2), p2 = static_cast<uint64_t>(prev2 + 2);
  if (use_cls) {
    add(kClsM1, cls(si - 1, 1));
    add(kClsP1, cls(si + 1, 1));
    add(kClsP2, cls(si + 2, 1));
    add2(kClsM1Tag, p1, t.cls[1]);
  }
  if (t.lex != 0) {
    add(kLexP1, at(si + 1, &TokenHashes::lex));
    add(kLexM1, at(si - 1, &TokenHashes::lex));
  }
  add(kTagM1, p1);
  add(kTagM2, p2);
  add2(kTagM1M2, p1, p2);
  add2(kTagM1Word, p1, t.word);
  add2(kTagM1Amb, p1, t.amb);
  if (first_pass != nullptr) {
    const uint64_t r0 = first_pass[i];
    const uint64_t r1 = i + 1 < n ? first_pass[i + 1] : 100;
    const uint64_t r2 = i + 2 < n ? first_pass[i + 2] : 100;
    add(kR0, r0);
    add(kR1, r1);
    add(kR2, r2);
    add2(kR12, r1, r2);
    add2(kR1Word, r1, t.word);
    add2(kM1R1, p1, r1);
    add2(kR0Word, r0, t.word);
    add2(kR0R1, r0, r1);
    const uint64_t r3 = i + 3 < n ? first_pass[i + 3] : 100;
    const uint64_t rm1 = i > 0 ? first_pass[i - 1] : 100;
    add(kR3, r3);
    add2(kR123, HashCombine(r1, r2), r3);
    add2(kR01Word, HashCombine(r0, r1), t.word);
    add2(kRM1R0, rm1, r0);
  }
  {
    add(kCase, t.sent_case);
    add2(kCaseFlags, t.sent_case, t.flags);
    add2(kCaseCls, t.sent_case, t.cls[1]);
  }
  return k;
}

// XPOS features of token i// XPOS features of token i given the UPOS of the whole sentence and the
// previous XPOS (-1 at the start).
int XposFeatures(const std::vector<TokenHashes>& th, const uint8_t* upos, size_t i,
                 int prev_xpos, uint64_t* f) {
  const uint64_t* seed = TemplateSeeds();
  const size_t n = th.size();
  const TokenHashes& t = th[i];
  const uint64_t u = upos[i];
  const uint64_t um1 = i > 0 ? upos[i - 1] : 100, up1 = i + 1 < n ? upos[i + 1] : 101;
  const uint64_t wm1 = i > 0 ? th[i - 1].word : kBos, wp1 = i + 1 < n ? th[i + 1].word : kEos;
  int k = 0;
  auto add = [&](Templ tp, uint64_t v) { f[k++] = HashCombine(HashCombine(seed[tp], u), v); };
  auto add2 = [&](Templ tp, uint64_t a, uint64_t b) {
    f[k++] = HashCombine(HashCombine(HashCombine(seed[tp], u), a), b);
  };
  add(kXBias, 0);
  add(kXWord, t.word);
  add(kXRaw, t.raw);
  add(kXSuf1, t.suf[0]);
  add(kXSuf2, t.suf[1]);
  add(kXSuf3, t.suf[2]);
  add(kXSuf4, t.suf[3]);
  add(kXShape, t.shape);
  add(kXFlags, t.flags);
  add(kXUposM1, um1);
  add(kXUposP1, up1);
  add2(kXUposTri, um1, up1);
  add(kXWordP1, wp1);
  add(kXWordM1, wm1);
  add(kXPrev, static_cast<uint64_t>(prev_xpos + 1));
  add2(kXPrevWord, static_cast<uint64_t>(prev_xpos + 1), t.word);
  add(kXAmb, t.amb);
  add2(kXUposP1Word, up1, t.word);
  return k;
}

// ---------------------------------------------------------------------------
// CoNLL-U.

struct ConlluToken {
  std::string_view form, upos, xpos;
  size_t line_begin = 0;  // byte offsets of the line in the file
  size_t line_end = 0;    // excluding '\n'
};

// Splits `text` into sentences of word lines (multiword ranges and empty
// nodes skipped). Fails on a word line with fewer than 10 columns.
Status ParseConllu(std::string_view text, const std::string& path,
                   std::vector<std::vector<ConlluToken>>* sentences) {
  sentences->clear();
  std::vector<ConlluToken> cur;
  size_t pos = 0, line_no = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++line_no;
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.empty()) sentences->push_back(std::move(cur));
      cur.clear();
    } else if (line[0] != '#') {
      std::string_view cols[10];
      size_t c = 0, start = 0;
      for (size_t i = 0; i <= line.size() && c < 10; ++i) {
        if (i == line.size() || line[i] == '\t') {
          cols[c++] = line.substr(start, i - start);
          start = i + 1;
        }
      }
      if (c < 10) {
        return InvalidArgument(path + ":" + std::to_string(line_no) +
                               ": CoNLL-U word line has " + std::to_string(c) +
                               " columns, expected 10");
      }
      if (cols[0].find_first_of("-.") == std::string_view::npos) {
        cur.push_back({cols[1], cols[3], cols[4], pos, pos + line.size()});
      }
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  if (!cur.empty()) sentences->push_back(std::move(cur));
  return Status::Ok();
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

ClusterOptions kClusterOptions() {
  ClusterOptions o;
  o.levels = {64, 256, 1024};
  o.min_count = 2;
  o.passes = 10;
  return o;
}

// Token sequences of the unlabeled corpora under `dir` (see
// PosTrainOptions::unlabeled_dir); appends (path, hash) to *inputs.
Result<std::vector<std::vector<std::string>>> ReadUnlabeled(
    const std::string& dir, std::vector<std::pair<std::string, std::string>>* inputs) {
  std::vector<std::vector<std::string>> out;
  // Column files: first whitespace-separated field, blank line = boundary.
  struct ColumnFile {
    const char* path;
    std::string_view strip;  // prefix removed from every token
  };
  const ColumnFile columns[] = {
      {"/conll2003/eng.train", ""},
      {"/wikiann_en/train", "en:"},
      {"/wikigold/CONLL-format/data/wikigold.conll.txt", ""},
      {"/wnut17/wnut17train.conll", ""},
  };
  for (const ColumnFile& c : columns) {
    const std::string path = dir + c.path;
    ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    inputs->push_back({path, HexId(Xxh64(text))});
    std::vector<std::string> cur;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const size_t e = line.find_first_of(" \t");
      std::string_view tok = std::string_view(line).substr(0, e);
      if (tok.empty() || tok == "-DOCSTART-") {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
        continue;
      }
      if (!c.strip.empty() && tok.substr(0, c.strip.size()) == c.strip) {
        tok.remove_prefix(c.strip.size());
      }
      cur.emplace_back(tok);
    }
    if (!cur.empty()) out.push_back(std::move(cur));
  }
  // GMB CSV: "Sentence: N,word,POS,tag"; a first field starts a sentence.
  {
    const std::string path = dir + "/gmb/ner_dataset.csv";
    ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    inputs->push_back({path, HexId(Xxh64(text))});
    std::vector<std::string> cur;
    std::istringstream in(text);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
      if (header) {
        header = false;
        continue;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const size_t c1 = line.find(',');
      if (c1 == std::string::npos) continue;
      if (c1 > 0 && !cur.empty()) {
        out.push_back(std::move(cur));
        cur.clear();
      }
      std::string word;
      size_t p = c1 + 1;
      if (p < line.size() && line[p] == '"') {
        for (++p; p < line.size(); ++p) {
          if (line[p] == '"') {
            if (p + 1 < line.size() && line[p + 1] == '"') {
              word.push_back('"');
              ++p;
            } else {
              break;
            }
          } else {
            word.push_back(line[p]);
          }
        }
      } else {
        const size_t c2 = line.find(',', p);
        word = line.substr(p, c2 == std::string::npos ? std::string::npos : c2 - p);
      }
      if (!word.empty()) cur.push_back(std::move(word));
    }
    if (!cur.empty()) out.push_back(std::move(cur));
  }
  return out;
}

// A PTB-tagged sentence of the ship-derived NER corpora.
struct TaggedSentence {
  std::vector<std::string> words, tags;
};

// One PTB tag spelling for both corpora: GMB's LRB/RRB as "(" / ")",
// CoNLL's "NN|SYM" as its first tag.
std::string NormalizePtb(std::string_view tag) {
  if (tag == "LRB") return "(";
  if (tag == "RRB") return ")";
  return std::string(tag.substr(0, tag.find('|')));
}

// The PTB-tagged sentences of the ship-derived corpora under `dir`
// (CoNLL-2003 eng.train column 2, GMB's POS column) for the word
// statistics; appends (path, hash) to *inputs unless already there.
Result<std::vector<TaggedSentence>> ReadTagged(
    const std::string& dir, std::vector<std::pair<std::string, std::string>>* inputs) {
  std::vector<TaggedSentence> out;
  auto note = [&](const std::string& path, const std::string& text) {
    for (const auto& in : *inputs) {
      if (in.first == path) return;
    }
    inputs->push_back({path, HexId(Xxh64(text))});
  };
  {
    const std::string path = dir + "/conll2003/eng.train";
    ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    note(path, text);
    TaggedSentence cur;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::istringstream cols(line);
      std::string tok, tag;
      cols >> tok >> tag;
      if (tok.empty() || tok == "-DOCSTART-" || tag.empty()) {
        if (!cur.words.empty()) out.push_back(std::move(cur));
        cur = TaggedSentence();
        continue;
      }
      cur.words.push_back(tok);
      cur.tags.push_back(NormalizePtb(tag));
    }
    if (!cur.words.empty()) out.push_back(std::move(cur));
  }
  {
    const std::string path = dir + "/gmb/ner_dataset.csv";
    ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    note(path, text);
    TaggedSentence cur;
    std::istringstream in(text);
    std::string line;
    bool header = true;
    std::vector<std::string> fields;
    while (std::getline(in, line)) {
      if (header) {
        header = false;
        continue;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // CSV fields with "..." quoting ("" is a quote).
      fields.clear();
      std::string field;
      bool quoted = false;
      for (size_t p = 0; p < line.size(); ++p) {
        const char c = line[p];
        if (quoted) {
          if (c == '"' && p + 1 < line.size() && line[p + 1] == '"') {
            field.push_back('"');
            ++p;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.push_back(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.push_back(std::move(field));
          field.clear();
        } else {
          field.push_back(c);
        }
      }
      fields.push_back(std::move(field));
      if (fields.size() < 3) continue;
      if (!fields[0].empty() && !cur.words.empty()) {
        out.push_back(std::move(cur));
        cur = TaggedSentence();
      }
      if (fields[1].empty() || fields[2].empty()) continue;
      cur.words.push_back(fields[1]);
      cur.tags.push_back(NormalizePtb(fields[2]));
    }
    if (!cur.words.empty()) out.push_back(std::move(cur));
  }
  return out;
}

// (token, inside a named entity) of every token of the ship-derived NER
// corpora under `dir`.
Result<std::vector<std::pair<std::string, bool>>> ReadNeMarks(const std::string& dir) {
  std::vector<std::pair<std::string, bool>> out;
  struct ColumnFile {
    const char* path;
    std::string_view strip;
  };
  const ColumnFile columns[] = {
      {"/conll2003/eng.train", ""},
      {"/wikiann_en/train", "en:"},
      {"/wikigold/CONLL-format/data/wikigold.conll.txt", ""},
      {"/wnut17/wnut17train.conll", ""},
  };
  for (const ColumnFile& c : columns) {
    ASSIGN_OR_RETURN(std::string text, ReadFile(dir + c.path));
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::istringstream cols(line);
      std::string tok, col, last;
      cols >> tok;
      while (cols >> col) last = col;
      if (tok.empty() || tok == "-DOCSTART-" || last.empty()) continue;
      if (!c.strip.empty() && tok.compare(0, c.strip.size(), c.strip) == 0) {
        tok.erase(0, c.strip.size());
      }
      out.push_back({tok, last != "O"});
    }
  }
  {
    ASSIGN_OR_RETURN(std::string text, ReadFile(dir + "/gmb/ner_dataset.csv"));
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // Word is the second field, tag the last; quoted words may hold commas.
      const size_t c1 = line.find(',');
      const size_t cl = line.rfind(',');
      if (c1 == std::string::npos || cl <= c1) continue;
      std::string word;
      size_t p = c1 + 1;
      if (p < line.size() && line[p] == '"') {
        for (++p; p < line.size(); ++p) {
          if (line[p] == '"') {
            if (p + 1 < line.size() && line[p + 1] == '"') {
              word.push_back('"');
              ++p;
            } else {
              break;
            }
          } else {
            word.push_back(line[p]);
          }
        }
      } else {
        const size_t c2 = line.find(',', p);
        word = line.substr(p, c2 - p);
      }
      const std::string tag = line.substr(cl + 1);
      if (word.empty()) continue;
      out.push_back({word, tag != "O" && tag.find("tim") == std::string::npos});
    }
  }
  return out;
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------

std::string_view UposTagName(uint8_t id) {
  return id < kNumUpos ? kTagUposNames[id] : std::string_view("?");
}

int UposFromName(std::string_view name) {
  for (int i = 0; i < kNumUpos; ++i) {
    if (kTagUposNames[i] == name) return i;
  }
  return -1;
}

namespace {

// Greedy left-to-right UPOS decoding of one sentence with `model`;
// first_pass (or null) is the previous pass's output.
void DecodeUpos(const LinearModel& model, const std::vector<TokenHashes>& th,
                const std::vector<uint16_t>& sure, const std::vector<uint8_t>& label_upos,
                bool use_cls, const uint8_t* first_pass, uint8_t* out) {
  float scores[kNumUpos];
  uint64_t f[kMaxFeatures];
  int prev1 = -1, prev2 = -2;
  for (size_t i = 0; i < th.size(); ++i) {
    int u;
    if (sure[i] != kNotSure) {
      u = label_upos[sure[i]];
    } else {
      const int n = Features(th, i, prev1, prev2, use_cls, first_pass, f);
      std::fill(scores, scores + kNumUpos, 0.0f);
      model.Score(std::span<const uint64_t>(f, static_cast<size_t>(n)), scores);
      u = static_cast<int>(std::max_element(scores, scores + kNumUpos) - scores);
    }
    out[i] = static_cast<uint8_t>(u);
    prev2 = prev1;
    prev1 = u;
  }
}

}  // namespace

struct PosTaggerAccess {
  static Dict GetDict(const PosTagger& t) { return Dict{t.dict_.data(), t.dict_mask_}; }
  static Dict GetStats(const PosTagger& t) {
    return Dict{t.stats_.data(), t.stats_mask_};
  }
};

namespace {

// Combined dictionary labels "UPOS\tXPOS", one a line; fills the label maps
// and the XPOS allowed for each UPOS.
Status ParseLabels(std::string_view labels, const std::vector<std::string>& xpos_names,
                   std::vector<uint8_t>* label_upos, std::vector<uint16_t>* label_xpos,
                   std::vector<std::vector<uint16_t>>* xpos_of_upos) {
  xpos_of_upos->assign(kNumUpos, {});
  for (size_t p = 0; p < labels.size();) {
    const size_t e = labels.find('\n', p);
    if (e == std::string_view::npos) return DataLoss("unterminated label table");
    const std::string_view line = labels.substr(p, e - p);
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return DataLoss("label line without a tab");
    const int u = UposFromName(line.substr(0, tab));
    const auto x = std::find(xpos_names.begin(), xpos_names.end(), line.substr(tab + 1));
    if (u < 0 || x == xpos_names.end()) return DataLoss("unknown label in the label table");
    const auto xi = static_cast<uint16_t>(x - xpos_names.begin());
    label_upos->push_back(static_cast<uint8_t>(u));
    label_xpos->push_back(xi);
    (*xpos_of_upos)[static_cast<size_t>(u)].push_back(xi);
    p = e + 1;
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<PosTagger>> PosTagger::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Artifact artifact, Artifact::Open(path, "pos", kPosFormatVersion));
  std::unique_ptr<PosTagger> t(new PosTagger(std::move(artifact)));
  t->cache_id_ = g_next_tagger_id.fetch_add(1);
  auto section = [&](std::string_view name) -> Result<std::string_view> {
    auto s = t->artifact_.Section(name);
    if (!s) {
      return DataLoss(path + " lacks section '" + std::string(name) +
                      "' — run `sitrep train pos`");
    }
    return *s;
  };
  ASSIGN_OR_RETURN(std::string_view xpos, section("xpos"));
  ASSIGN_OR_RETURN(std::string_view labels, section("labels"));
  ASSIGN_OR_RETURN(std::string_view dict, section("dict"));
  ASSIGN_OR_RETURN(std::string_view upos_weights, section("upos_weights"));
  ASSIGN_OR_RETURN(std::string_view xpos_weights, section("xpos_weights"));
  ASSIGN_OR_RETURN(std::string_view clusters, section("clusters"));
  ASSIGN_OR_RETURN(std::string_view lemma, section("lemma"));
  for (size_t p = 0; p < xpos.size();) {
    const size_t e = xpos.find('\n', p);
    if (e == std::string_view::npos) break;
    t->xpos_names_.emplace_back(xpos.substr(p, e - p));
    p = e + 1;
  }
  auto bad = [&](const std::string& what) {
    return DataLoss(path + " is corrupted: " + what + " — run `sitrep train pos`");
  };
  if (t->xpos_names_.empty() || t->xpos_names_.size() >= kNotSure) return bad("XPOS table");
  if (Status st = ParseLabels(labels, t->xpos_names_, &t->label_upos_, &t->label_xpos_,
                              &t->xpos_of_upos_);
      !st.ok()) {
    return bad(st.message());
  }
  const size_t slots = dict.size() / kDictSlot;
  if (dict.size() % kDictSlot != 0 || slots < 2 || (slots & (slots - 1)) != 0) {
    return bad("tag dictionary size");
  }
  for (size_t s = 0; s < slots; ++s) {
    uint16_t sure;
    std::memcpy(&sure, dict.data() + s * kDictSlot + 12, 2);
    if (sure != kNotSure && sure >= t->label_upos_.size()) return bad("tag dictionary label");
  }
  t->dict_ = dict;
  t->dict_mask_ = slots - 1;
  Result<LinearModel> um = LinearModel::FromBytes(upos_weights);
  if (!um.ok()) return bad(um.status().message());
  if (um->num_labels() != kNumUpos) return bad("UPOS weights have the wrong label count");
  t->upos_model_ = *um;
  ASSIGN_OR_RETURN(std::string_view upos2_weights, section("upos2_weights"));
  Result<LinearModel> um2 = LinearModel::FromBytes(upos2_weights);
  if (!um2.ok()) return bad(um2.status().message());
  if (um2->num_labels() != kNumUpos) return bad("UPOS weights have the wrong label count");
  t->upos2_model_ = *um2;
  Result<LinearModel> xm = LinearModel::FromBytes(xpos_weights);
  if (!xm.ok()) return bad(xm.status().message());
  if (static_cast<size_t>(xm->num_labels()) != t->xpos_names_.size()) {
    return bad("XPOS weights and XPOS table disagree");
  }
  t->xpos_model_ = *xm;
  Result<WordClusters> wc = WordClusters::Deserialize(clusters);
  if (!wc.ok()) return bad(wc.status().message());
  t->clusters_ = std::move(wc).value();
  ASSIGN_OR_RETURN(std::string_view stats, section("stats"));
  if (!stats.empty()) {
    const size_t sslots = stats.size() / kDictSlot;
    if (stats.size() % kDictSlot != 0 || sslots < 2 || (sslots & (sslots - 1)) != 0) {
      return bad("word statistics table size");
    }
    t->stats_ = stats;
    t->stats_mask_ = sslots - 1;
  }
  ASSIGN_OR_RETURN(std::string_view lexicon, section("lexicon"));
  if (Status st = t->lexicon_.Init(lexicon); !st.ok()) return bad(st.message());
  Result<Lemmatizer> lem = Lemmatizer::FromBytes(lemma);
  if (!lem.ok()) return bad(lem.status().message());
  t->lemmatizer_ = std::move(lem).value();
  return t;
}

std::string_view PosTagger::XposName(uint16_t id) const {
  return id < xpos_names_.size() ? std::string_view(xpos_names_[id]) : "?";
}

// The state behind PosScratch: a cache of what depends only on a word: its hashes, dictionary label and the scores of
// its token-only features (UposStaticFeatures) under both UPOS models. Scores
// accumulate feature by feature from zero, so starting from the cached
// partial sum and adding the remaining features in order gives the same
// floats as scoring all features at once. Direct-mapped, bounded memory;
// reset when another tagger uses it.
struct PosWordCache {
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    std::string word;
    TokenHashes th;
    uint16_t sure = kNotSure;
    float partial[2][kNumUpos];
  };
  static constexpr size_t kSlots = size_t{1} << 14;
  uint64_t owner = 0;
  std::vector<Slot> slots;
  // Per-sentence buffers.
  std::vector<TokenHashes> th;
  std::vector<uint16_t> sure;
  std::vector<float> partial;  // [token][pass][label]
  std::vector<uint8_t> first;
  std::vector<float> xs;
  std::string nw, shape, cf;
};

PosScratch::PosScratch() : cache_(std::make_unique<PosWordCache>()) {}
PosScratch::~PosScratch() = default;
PosScratch::PosScratch(PosScratch&&) noexcept = default;
PosScratch& PosScratch::operator=(PosScratch&&) noexcept = default;

void PosTagger::Tag(std::span<const std::string_view> words, uint8_t* upos,
                    uint16_t* xpos) const {
  PosScratch scratch;
  Tag(words, upos, xpos, scratch);
}

void PosTagger::Tag(std::span<const std::string_view> words, uint8_t* upos,
                    uint16_t* xpos, PosScratch& scratch) const {
  if (words.empty()) return;
  PosWordCache& c = *scratch.cache_;
  if (c.owner != cache_id_) {
    c.slots.assign(PosWordCache::kSlots, PosWordCache::Slot{});
    c.owner = cache_id_;
  }
  const size_t n = words.size();
  const Dict dict = PosTaggerAccess::GetDict(*this);
  const Dict stats = PosTaggerAccess::GetStats(*this);
  const bool use_cls = clusters_.num_levels() > 0;
  c.th.resize(n);
  c.sure.resize(n);
  c.partial.resize(n * 2 * kNumUpos);
  c.first.resize(n);
  uint64_t f[kMaxFeatures];
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    const uint64_t key = HashCombine(ValueHash(w), i == 0 ? 1 : 2);
    PosWordCache::Slot& slot = c.slots[key & (PosWordCache::kSlots - 1)];
    if (slot.key != key || slot.word != w) {
      slot.key = key;
      slot.word.assign(w);
      PrepareToken(w, dict, &clusters_, &lexicon_, stats_.empty() ? nullptr : &stats,
                   &slot.th, &slot.sure, &c.nw, &c.shape, &c.cf);
      if (i == 0) slot.th.flags |= 16;
      if (slot.sure == kNotSure) {
        const int k = UposStaticFeatures(slot.th, use_cls, f);
        const std::span<const uint64_t> feats(f, static_cast<size_t>(k));
        std::fill(&slot.partial[0][0], &slot.partial[0][0] + 2 * kNumUpos, 0.0f);
        upos_model_.Score(feats, slot.partial[0]);
        upos2_model_.Score(feats, slot.partial[1]);
      }
    }
    c.th[i] = slot.th;
    c.sure[i] = slot.sure;
    if (slot.sure == kNotSure) {
      std::copy(&slot.partial[0][0], &slot.partial[0][0] + 2 * kNumUpos,
                c.partial.data() + i * 2 * kNumUpos);
    }
  }
  {
    const uint32_t sc = SentenceCase(words);
    for (size_t i = 0; i < n; ++i) c.th[i].sent_case = sc;
  }
  // Greedy UPOS decoding, pass 1 then pass 2.
  float scores[kNumUpos];
  for (int pass = 0; pass < 2; ++pass) {
    const LinearModel& model = pass == 0 ? upos_model_ : upos2_model_;
    const uint8_t* first_pass = pass == 0 ? nullptr : c.first.data();
    uint8_t* out = pass == 0 ? c.first.data() : upos;
    int prev1 = -1, prev2 = -2;
    for (size_t i = 0; i < n; ++i) {
      int u;
      if (c.sure[i] != kNotSure) {
        u = label_upos_[c.sure[i]];
      } else {
        const int k = Features(c.th, i, prev1, prev2, use_cls, first_pass, f, false);
        const float* p = c.partial.data() + (i * 2 + static_cast<size_t>(pass)) * kNumUpos;
        std::copy(p, p + kNumUpos, scores);
        model.Score(std::span<const uint64_t>(f, static_cast<size_t>(k)), scores);
        u = static_cast<int>(std::max_element(scores, scores + kNumUpos) - scores);
      }
      out[i] = static_cast<uint8_t>(u);
      prev2 = prev1;
      prev1 = u;
    }
  }
  if (xpos == nullptr) return;
  c.xs.resize(xpos_names_.size());
  int prev_x = -1;
  for (size_t i = 0; i < n; ++i) {
    int x;
    const std::vector<uint16_t>& allowed = xpos_of_upos_[upos[i]];
    if (c.sure[i] != kNotSure) {
      x = label_xpos_[c.sure[i]];
    } else if (allowed.size() == 1) {
      x = allowed[0];
    } else {
      const int k = XposFeatures(c.th, upos, i, prev_x, f);
      std::fill(c.xs.begin(), c.xs.end(), 0.0f);
      xpos_model_.Score(std::span<const uint64_t>(f, static_cast<size_t>(k)), c.xs.data());
      x = allowed.empty() ? 0 : allowed[0];
      for (uint16_t a : allowed) {
        if (c.xs[a] > c.xs[static_cast<size_t>(x)]) x = a;
      }
    }
    xpos[i] = static_cast<uint16_t>(x);
    prev_x = x;
  }
}

void PosTagger::TagDocument(const Document& doc, std::vector<uint8_t>* upos,
                            std::vector<uint16_t>* xpos) const {
  upos->assign(doc.tokens.size(), kX);
  if (xpos != nullptr) xpos->assign(doc.tokens.size(), 0);
  std::vector<std::string_view> words;
  PosScratch scratch;
  auto run = [&](size_t first, size_t last) {
    if (first >= last || last > doc.tokens.size()) return;
    words.clear();
    for (size_t i = first; i < last; ++i) {
      const Token& t = doc.tokens[i];
      words.push_back(std::string_view(doc.text).substr(t.begin, t.end - t.begin));
    }
    Tag(words, upos->data() + first, xpos != nullptr ? xpos->data() + first : nullptr, scratch);
  };
  if (doc.sentences.empty()) {
    run(0, doc.tokens.size());
    return;
  }
  for (const Sentence& s : doc.sentences) run(s.first_token, s.last_token);
}

Result<PosEvalReport> EvalPos(const PosTagger& tagger, const std::string& conllu_path,
                              const std::string& predictions_path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(conllu_path));
  std::vector<std::vector<ConlluToken>> sentences;
  RETURN_IF_ERROR(ParseConllu(text, conllu_path, &sentences));
  PosEvalReport report;
  std::vector<std::vector<uint8_t>> upos(sentences.size());
  std::vector<std::vector<uint16_t>> xpos(sentences.size());
  std::vector<std::string_view> words;
  PosScratch scratch;
  const auto start = std::chrono::steady_clock::now();
  for (size_t s = 0; s < sentences.size(); ++s) {
    words.clear();
    for (const ConlluToken& t : sentences[s]) words.push_back(t.form);
    upos[s].resize(words.size());
    xpos[s].resize(words.size());
    tagger.Tag(words, upos[s].data(), xpos[s].data(), scratch);
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  size_t upos_ok = 0, xpos_ok = 0;
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t i = 0; i < sentences[s].size(); ++i) {
      const ConlluToken& t = sentences[s][i];
      const std::string_view u = tagger.UposName(upos[s][i]);
      const std::string_view x = tagger.XposName(xpos[s][i]);
      ++report.tokens;
      upos_ok += u == t.upos;
      xpos_ok += x == t.xpos;
      // Replace columns 4 and 5 of this line; copy everything before it.
      const size_t ub = static_cast<size_t>(t.upos.data() - text.data());
      const size_t xe = static_cast<size_t>(t.xpos.data() - text.data()) + t.xpos.size();
      out.append(text, copied, ub - copied);
      out.append(u);
      out.push_back('\t');
      out.append(x);
      copied = xe;
    }
  }
  out.append(text, copied, std::string::npos);
  if (report.tokens > 0) {
    report.upos = static_cast<double>(upos_ok) / static_cast<double>(report.tokens);
    report.xpos = static_cast<double>(xpos_ok) / static_cast<double>(report.tokens);
  }
  if (!predictions_path.empty()) {
    std::ofstream f(predictions_path, std::ios::binary | std::ios::trunc);
    f << out;
    if (!f) return Internal("cannot write " + predictions_path);
  }
  return report;
}

// ---------------------------------------------------------------------------
// Training.

Status TrainPos(const PosTrainOptions& options, std::string* report) {
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  auto log = [&](const std::string& line) {
    if (report != nullptr) *report += line + "\n";
  };
  ASSIGN_OR_RETURN(std::string text, ReadFile(options.train_path));
  std::vector<std::vector<ConlluToken>> train;
  RETURN_IF_ERROR(ParseConllu(text, options.train_path, &train));
  if (train.empty()) return InvalidArgument(options.train_path + " holds no sentences");

  // Labels: combined "UPOS\tXPOS" (tag dictionary), sorted; XPOS names.
  std::map<std::string, int> label_ids;
  std::map<std::string, int> xpos_ids;
  size_t num_tokens = 0;
  for (const auto& s : train) {
    for (const ConlluToken& t : s) {
      if (UposFromName(t.upos) < 0) {
        return InvalidArgument(options.train_path + ": unknown UPOS '" +
                               std::string(t.upos) + "' at byte " +
                               std::to_string(t.line_begin));
      }
      label_ids[std::string(t.upos) + "\t" + std::string(t.xpos)] = 0;
      xpos_ids[std::string(t.xpos)] = 0;
      ++num_tokens;
    }
  }
  if (label_ids.size() >= kNotSure || xpos_ids.size() >= kNotSure) {
    return InvalidArgument("too many POS labels");
  }
  std::string labels_section, xpos_section;
  int next = 0;
  for (auto& [name, id] : label_ids) {
    id = next++;
    labels_section += name + "\n";
  }
  next = 0;
  std::vector<std::string> xpos_names;
  for (auto& [name, id] : xpos_ids) {
    id = next++;
    xpos_section += name + "\n";
    xpos_names.push_back(name);
  }
  const int num_labels = static_cast<int>(label_ids.size());
  const int num_xpos = static_cast<int>(xpos_ids.size());
  std::vector<uint8_t> label_upos;
  std::vector<uint16_t> label_xpos;
  std::vector<std::vector<uint16_t>> xpos_of_upos;
  RETURN_IF_ERROR(ParseLabels(labels_section, xpos_names, &label_upos, &label_xpos,
                              &xpos_of_upos));
  std::vector<std::vector<uint16_t>> gold(train.size());
  std::vector<std::vector<uint8_t>> gold_upos(train.size());
  std::vector<std::vector<uint16_t>> gold_xpos(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    for (const ConlluToken& t : train[s]) {
      const int l = label_ids[std::string(t.upos) + "\t" + std::string(t.xpos)];
      gold[s].push_back(static_cast<uint16_t>(l));
      gold_upos[s].push_back(label_upos[static_cast<size_t>(l)]);
      gold_xpos[s].push_back(label_xpos[static_cast<size_t>(l)]);
    }
  }
  log("pos: " + std::to_string(train.size()) + " sentences, " + std::to_string(num_tokens) +
      " tokens, " + std::to_string(num_labels) + " UPOS+XPOS labels (" +
      std::to_string(num_xpos) + " XPOS) from " + options.train_path);

  // Tag dictionary (sorted by key for determinism).
  struct Counts {
    int total = 0;
    std::map<int, int> by_label;
  };
  std::map<uint64_t, Counts> counts;
  for (size_t s = 0; s < train.size(); ++s) {
    for (size_t i = 0; i < train[s].size(); ++i) {
      if (train[s][i].form.size() > 64) continue;
      Counts& c = counts[DictKey(train[s][i].form)];
      ++c.total;
      ++c.by_label[gold[s][i]];
    }
  }
  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint16_t>>> entries;
  size_t num_sure = 0;
  for (const auto& [key, c] : counts) {
    if (c.total < kMinDictCount) continue;
    uint32_t mask = 0;
    int best = 0, best_count = 0;
    for (const auto& [label, n] : c.by_label) {
      if (n * 100 >= c.total) mask |= 1u << label_upos[static_cast<size_t>(label)];
      if (n > best_count) {
        best = label;
        best_count = n;
      }
    }
    uint16_t sure = kNotSure;
    if (c.total >= kSureMinCount && best_count >= kSureMinShare * c.total) {
      sure = static_cast<uint16_t>(best);
      ++num_sure;
    }
    entries.push_back({key, {mask, sure}});
  }
  std::string dict_section = DictSection(entries);
  const Dict dict{dict_section.data(), dict_section.size() / kDictSlot - 1};
  log("pos: tag dictionary " + std::to_string(entries.size()) + " words (" +
      std::to_string(num_sure) + " unambiguous)");

  // Word clusters from the training text and the unlabeled corpora.
  WordClusters clusters;
  std::vector<std::pair<std::string, std::string>> extra_inputs;  // path, hash
  if (options.clusters) {
    std::vector<std::string> forms;  // owns lower-cased tokens
    std::vector<std::vector<std::pair<size_t, size_t>>> spans;
    std::string buf;
    auto add_sentence = [&](const std::vector<std::string_view>& ws) {
      if (ws.empty()) return;
      auto& sp = spans.emplace_back();
      for (std::string_view w : ws) {
        ClusterForm(w, &buf);
        sp.push_back({forms.size(), 0});
        forms.push_back(buf);
      }
    };
    std::vector<std::string_view> ws;
    for (const auto& s : train) {
      ws.clear();
      for (const ConlluToken& t : s) ws.push_back(t.form);
      add_sentence(ws);
    }
    if (!options.unlabeled_dir.empty()) {
      ASSIGN_OR_RETURN(auto extra, ReadUnlabeled(options.unlabeled_dir, &extra_inputs));
      for (const auto& s : extra) {
        ws.assign(s.begin(), s.end());
        add_sentence(ws);
      }
    }
    std::vector<std::vector<std::string_view>> sents(spans.size());
    for (size_t s = 0; s < spans.size(); ++s) {
      for (const auto& [idx, unused] : spans[s]) sents[s].push_back(forms[idx]);
    }
    std::string crep;
    clusters = WordClusters::Learn(sents, kClusterOptions(), &crep);
    log("pos: " + crep.substr(0, crep.size() - 1) + "; " + std::to_string(clusters.size()) +
        " words clustered (" + Fixed(elapsed(), 1) + " s)");
  }
  const bool use_cls = clusters.num_levels() > 0;
  std::string lexicon_section;
  ASSIGN_OR_RETURN(lexicon_section, BuildLexicon(options.wordnet_dir, &extra_inputs));
  PosLexicon lexicon;
  RETURN_IF_ERROR(lexicon.Init(lexicon_section));

  // Word statistics of the ship-derived corpora (TokenHashes::wstat): the
  // most frequent PTB tag of a word in the tagged corpora and how often it
  // is inside a named entity in the NER corpora, as written and
  // lower-cased. Sorted by key for determinism.
  std::string stats_section;
  const bool use_stats = options.word_stats && !options.unlabeled_dir.empty();
  Dict stats;
  if (use_stats) {
    ASSIGN_OR_RETURN(std::vector<TaggedSentence> tagged,
                     ReadTagged(options.unlabeled_dir, &extra_inputs));
    std::map<std::string, int> ptb_ids;  // PTB tag -> id in name order
    for (const TaggedSentence& ts : tagged) {
      for (const std::string& t : ts.tags) ptb_ids[t] = 0;
    }
    int next_ptb = 0;
    for (auto& [name, id] : ptb_ids) id = next_ptb++;
    if (next_ptb > 63) return InvalidArgument("too many PTB tags in the tagged corpora");
    std::map<uint64_t, std::map<int, int>> ptb_counts;
    for (const TaggedSentence& ts : tagged) {
      for (size_t i = 0; i < ts.words.size(); ++i) {
        if (ts.words[i].size() <= 64) ++ptb_counts[DictKey(ts.words[i])][ptb_ids[ts.tags[i]]];
      }
    }
    std::map<uint64_t, uint32_t> values;
    for (const auto& [key, by_tag] : ptb_counts) {
      int best = 0, best_count = 0;
      for (const auto& [l, n] : by_tag) {
        if (n > best_count) {
          best = l;
          best_count = n;
        }
      }
      values[key] |= static_cast<uint32_t>(best + 1) << 6;
    }
    ASSIGN_OR_RETURN(auto marks, ReadNeMarks(options.unlabeled_dir));
    std::map<uint64_t, std::pair<int, int>> exact, lower;  // key -> (in entity, total)
    std::string lw;
    for (const auto& [w, ne] : marks) {
      if (w.size() > 64) continue;
      auto& e = exact[DictKey(w)];
      e.first += ne;
      ++e.second;
      ClusterForm(w, &lw);
      auto& l = lower[DictKey(lw)];
      l.first += ne;
      ++l.second;
    }
    for (const auto& [k, c] : exact) values[k] |= NeBucket(c.first, c.second);
    for (const auto& [k, c] : lower) values[k] |= NeBucket(c.first, c.second) << 3;
    std::vector<std::pair<uint64_t, std::pair<uint32_t, uint16_t>>> entries;
    for (const auto& [k, v] : values) {
      if (v != 0) entries.push_back({k, {v, kNotSure}});
    }
    stats_section = DictSection(entries);
    stats = Dict{stats_section.data(), stats_section.size() / kDictSlot - 1};
    log("pos: word statistics: " + std::to_string(entries.size()) + " words from " +
        std::to_string(marks.size()) + " NER-corpus tokens and " + std::to_string(next_ptb) +
        " PTB tags (" + Fixed(elapsed(), 1) + " s)");
  }

  // Precompute per-sentence hashes once.
  std::vector<std::vector<TokenHashes>> hashes(train.size());
  std::vector<std::vector<uint16_t>> sure(train.size());
  {
    std::vector<std::string_view> words;
    for (size_t s = 0; s < train.size(); ++s) {
      words.clear();
      for (const ConlluToken& t : train[s]) words.push_back(t.form);
      PrepareSentence(words, dict, use_cls ? &clusters : nullptr, &lexicon,
                      use_stats ? &stats : nullptr, &hashes[s], &sure[s]);
    }
  }

  // UPOS, pass 1 and pass 2. Pass 2 learns from first-pass predictions made
  // by models that did not see the sentence (jack-knifed over kFolds folds),
  // so it learns how far to trust them.
  auto train_upos = [&](const std::vector<size_t>& sents,
                        const std::vector<std::vector<uint8_t>>* first_pass, uint64_t seed,
                        const std::string& what) {
    PerceptronTrainer trainer(kNumUpos, 22);
    std::vector<size_t> order = sents;
    uint64_t rng = seed;
    float scores[kNumUpos];
    uint64_t f[kMaxFeatures];
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[SplitMix64(&rng) % i]);
      }
      size_t correct = 0, total = 0;
      for (size_t s : order) {
        const uint8_t* fp = first_pass != nullptr ? (*first_pass)[s].data() : nullptr;
        int prev1 = -1, prev2 = -2;
        for (size_t i = 0; i < train[s].size(); ++i) {
          int guess;
          if (sure[s][i] != kNotSure) {
            guess = label_upos[sure[s][i]];
          } else {
            const int n = Features(hashes[s], i, prev1, prev2, use_cls, fp, f);
            const std::span<const uint64_t> feats(f, static_cast<size_t>(n));
            trainer.Scores(feats, scores);
            guess = static_cast<int>(std::max_element(scores, scores + kNumUpos) - scores);
            trainer.Update(feats, gold_upos[s][i], guess);
            trainer.NextInstance();
          }
          correct += guess == gold_upos[s][i];
          ++total;
          prev2 = prev1;
          prev1 = guess;
        }
      }
      if (epoch == options.epochs) {
        log("pos: " + what + ": epoch " + std::to_string(epoch) + " train UPOS " +
            Fixed(100.0 * static_cast<double>(correct) / static_cast<double>(total), 2) +
            "%, features " + std::to_string(trainer.num_features()) + " (" +
            Fixed(elapsed(), 1) + " s)");
      }
    }
    return trainer.SerializeAveraged();
  };
  const int folds = kFolds;
  std::vector<std::vector<uint8_t>> first_pass(train.size());
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<size_t> in, out;
    for (size_t s = 0; s < train.size(); ++s) {
      (static_cast<int>(s % static_cast<size_t>(folds)) == fold ? out : in).push_back(s);
    }
    const std::string bytes = train_upos(in, nullptr, options.seed + static_cast<uint64_t>(fold) + 1,
                                         "pass 1 fold " + std::to_string(fold + 1));
    ASSIGN_OR_RETURN(LinearModel m, LinearModel::FromBytes(bytes));
    for (size_t s : out) {
      first_pass[s].resize(train[s].size());
      DecodeUpos(m, hashes[s], sure[s], label_upos, use_cls, nullptr, first_pass[s].data());
    }
  }
  std::vector<size_t> all(train.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::string upos_weights = train_upos(all, nullptr, options.seed, "pass 1");
  std::string upos2_weights = train_upos(all, &first_pass, options.seed, "pass 2");

  // XPOS given the gold UPOS of the sentence.
  PerceptronTrainer xpos_trainer(num_xpos, 22);
  {
    std::vector<size_t> order = all;
    uint64_t rng = options.seed;
    std::vector<float> scores(static_cast<size_t>(num_xpos));
    uint64_t f[kMaxFeatures];
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[SplitMix64(&rng) % i]);
      }
      size_t xcorrect = 0;
      for (size_t s : order) {
        int prev_x = -1;
        for (size_t i = 0; i < train[s].size(); ++i) {
          int guess;
          const auto& allowed = xpos_of_upos[gold_upos[s][i]];
          if (sure[s][i] != kNotSure) {
            guess = label_xpos[sure[s][i]];
          } else if (allowed.size() == 1) {
            guess = allowed[0];
          } else {
            const int n = XposFeatures(hashes[s], gold_upos[s].data(), i, prev_x, f);
            const std::span<const uint64_t> feats(f, static_cast<size_t>(n));
            xpos_trainer.Scores(feats, scores.data());
            guess = allowed[0];
            for (uint16_t a : allowed) {
              if (scores[a] > scores[static_cast<size_t>(guess)]) guess = a;
            }
            xpos_trainer.Update(feats, gold_xpos[s][i], guess);
            xpos_trainer.NextInstance();
          }
          xcorrect += guess == gold_xpos[s][i];
          prev_x = guess;
        }
      }
      if (epoch == options.epochs) {
        log("pos: XPOS given gold UPOS: epoch " + std::to_string(epoch) + " train " +
            Fixed(100.0 * static_cast<double>(xcorrect) / static_cast<double>(num_tokens), 2) +
            "%, features " + std::to_string(xpos_trainer.num_features()) + " (" +
            Fixed(elapsed(), 1) + " s)");
      }
    }
  }

  ASSIGN_OR_RETURN(std::string lemma_section, Lemmatizer::BuildSection(options.wordnet_dir));

  ArtifactWriter writer("pos", kPosFormatVersion);
  writer.AddSection("labels", labels_section);
  writer.AddSection("xpos", xpos_section);
  writer.AddSection("dict", std::move(dict_section));
  writer.AddSection("upos_weights", std::move(upos_weights));
  writer.AddSection("upos2_weights", std::move(upos2_weights));
  writer.AddSection("xpos_weights", xpos_trainer.SerializeAveraged());
  writer.AddSection("clusters", clusters.Serialize());
  writer.AddSection("lexicon", std::move(lexicon_section));
  writer.AddSection("lemma", std::move(lemma_section));
  writer.AddSection("stats", std::move(stats_section));
  ArtifactProvenance prov;
  prov.command = options.command;
#ifdef SITREP_VERSION
  prov.version = SITREP_VERSION;
#endif
  prov.inputs.push_back({options.train_path, HexId(Xxh64(text))});
  for (auto& in : extra_inputs) prov.inputs.push_back(std::move(in));
  for (const char* name : {"noun.exc", "verb.exc", "index.noun", "index.verb"}) {
    if (options.wordnet_dir.empty()) break;
    const std::string p = options.wordnet_dir + "/" + name;
    ASSIGN_OR_RETURN(std::string h, HashFileHex(p));
    prov.inputs.push_back({p, h});
  }
  writer.SetProvenance(std::move(prov));
  const std::filesystem::path out(options.out_path);
  if (out.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(out.parent_path(), ec);
  }
  RETURN_IF_ERROR(writer.WriteFile(options.out_path));
  log("pos: wrote " + options.out_path + " (" +
      std::to_string(std::filesystem::file_size(out) / 1024) + " KiB) in " +
      Fixed(elapsed(), 1) + " s");

  if (!options.dev_path.empty()) {
    ASSIGN_OR_RETURN(std::unique_ptr<PosTagger> tagger, PosTagger::Load(options.out_path));
    ASSIGN_OR_RETURN(PosEvalReport r, EvalPos(*tagger, options.dev_path, ""));
    log("pos: dev " + options.dev_path + ": " + std::to_string(r.tokens) + " tokens, UPOS " +
        Fixed(100 * r.upos, 2) + "%, XPOS " + Fixed(100 * r.xpos, 2) + "%");
  }
  return Status::Ok();
}

}  // namespace sitrep::tag
