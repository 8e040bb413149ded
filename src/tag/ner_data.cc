#include "tag/ner_data.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "core/hash.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "text/text.h"

namespace sitrep::tag {
namespace {

#include "tag/ner_tables.inc"

// Maps the type of a (possibly IOB1) label through MapNerType and keeps its
// prefix; returns "O" for dropped types.
std::string MapLabel(NerCorpus corpus, std::string_view label) {
  if (label.size() < 3 || label[1] != '-') return "O";
  const std::string_view mapped = MapNerType(corpus, label.substr(2));
  if (mapped.empty()) return "O";
  std::string out;
  out += label[0];
  out += '-';
  out += mapped;
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Windows-1252 0x80..0x9F; 0 = undefined.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Splits one CSV record (no embedded newlines) into fields; "" is a quote.
void SplitCsv(std::string_view line, std::vector<std::string>* fields) {
  fields->clear();
  std::string cur;
  size_t i = 0;
  bool quoted = false;
  while (i < line.size()) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cur += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->push_back(std::move(cur));
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
    ++i;
  }
  fields->push_back(std::move(cur));
}

constexpr size_t kEntry = 10;  // serialized (u64 key, u16 mask)
constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

}  // namespace

void ToBio(std::vector<std::string>* labels) {
  std::string_view prev_type;
  std::string prev_type_store;
  for (std::string& label : *labels) {
    if (label.size() > 2 && label[1] == '-' && (label[0] == 'I' || label[0] == 'B')) {
      const std::string_view type = std::string_view(label).substr(2);
      if (label[0] == 'I' && type != prev_type) label[0] = 'B';
      prev_type_store.assign(type);
      prev_type = prev_type_store;
    } else {
      prev_type_store.clear();
      prev_type = {};
    }
  }
}

std::string_view MapNerType(NerCorpus corpus, std::string_view type) {
  switch (corpus) {
    case NerCorpus::kConll:
    case NerCorpus::kWikigold:
    case NerCorpus::kWikiann:
      if (type == "PER" || type == "ORG" || type == "LOC" || type == "MISC") return type;
      return {};
    case NerCorpus::kGmb:
      if (type == "per") return "PER";
      if (type == "org") return "ORG";
      if (type == "geo") return "LOC";
      if (type == "gpe" || type == "art" || type == "eve" || type == "nat") return "MISC";
      return {};
  }
  return {};
}

Result<std::vector<NerSentence>> ReadColumnCorpus(std::string_view text,
                                                  const ColumnReadOptions& opt) {
  std::vector<NerSentence> out;
  NerSentence cur;
  int doc = 0;
  size_t line_no = 0;
  auto flush = [&] {
    if (!cur.words.empty()) {
      ToBio(&cur.labels);
      cur.doc = doc;
      out.push_back(std::move(cur));
      cur = NerSentence();
    }
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      flush();
      if (nl == text.size()) break;
      continue;
    }
    // First and last whitespace-separated columns.
    const size_t first_end = line.find_first_of(" \t");
    if (first_end == std::string_view::npos) {
      return InvalidArgument("NER corpus line " + std::to_string(line_no) +
                             ": expected at least 2 columns (word ... tag)");
    }
    std::string_view word = line.substr(0, first_end);
    const size_t last_begin = line.find_last_of(" \t") + 1;
    const std::string_view tag = line.substr(last_begin);
    if (word == "-DOCSTART-") {
      flush();
      ++doc;
      continue;
    }
    if (!opt.strip_prefix.empty() && word.substr(0, opt.strip_prefix.size()) == opt.strip_prefix &&
        word.size() > opt.strip_prefix.size()) {
      word.remove_prefix(opt.strip_prefix.size());
    }
    cur.words.emplace_back(word);
    cur.labels.push_back(MapLabel(opt.corpus, tag));
    if (nl == text.size()) break;
  }
  flush();
  return out;
}

std::string RepairToUtf8Cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  size_t i = 0;
  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    const size_t n = Utf8SequenceLength(bytes, i);
    if (n > 0) {
      out.append(bytes.substr(i, n));
      i += n;
      continue;
    }
    char32_t cp = c;
    if (c < 0xA0) cp = kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : 0xFFFD;
    AppendUtf8(cp, &out);
    ++i;
  }
  return out;
}

Result<std::vector<NerSentence>> ReadGmbCsv(std::string_view raw) {
  const std::string bytes = RepairToUtf8Cp1252(raw);
  std::vector<NerSentence> out;
  NerSentence cur;
  std::vector<std::string> fields;
  size_t pos = 0;
  size_t line_no = 0;
  auto flush = [&] {
    if (!cur.words.empty()) {
      ToBio(&cur.labels);
      out.push_back(std::move(cur));
      cur = NerSentence();
    }
  };
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    const std::string_view line(bytes.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line_no == 1 || line.empty() || line == "\r") continue;  // header
    SplitCsv(line, &fields);
    if (fields.size() != 4) {
      return InvalidArgument("GMB CSV line " + std::to_string(line_no) + ": expected 4 fields, got " +
                             std::to_string(fields.size()));
    }
    if (!fields[0].empty()) {
      flush();
      cur.doc = static_cast<int>(out.size());
    }
    if (fields[1].empty()) continue;
    cur.words.push_back(std::move(fields[1]));
    cur.labels.push_back(MapLabel(NerCorpus::kGmb, fields[3]));
  }
  flush();
  return out;
}

std::vector<std::vector<std::string>> ReadConlluWords(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> cur;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    if (t1 == std::string_view::npos) continue;
    const std::string_view id = line.substr(0, t1);
    if (id.find_first_of("-.") != std::string_view::npos) continue;
    const size_t t2 = line.find('\t', t1 + 1);
    cur.emplace_back(line.substr(t1 + 1, (t2 == std::string_view::npos ? line.size() : t2) - t1 - 1));
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Result<std::string> ReadFileToString(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return DataLoss("read error in " + path);
  return std::move(ss).str();
}

// ---------------------------------------------------------------------------
// PhraseSet.

uint64_t PhraseTokenHash(std::string_view word) {
  uint64_t h = kFnvOffset;
  for (char c : word) {
    h ^= static_cast<unsigned char>(AsciiLower(c));
    h *= kFnvPrime;
  }
  return h ? h : 1;
}

uint64_t PhraseExtend(uint64_t phrase, uint64_t token_hash) {
  const uint64_t h = Mix64(phrase * 0x9E3779B97F4A7C15ULL + token_hash);
  return h ? h : 1;
}

void PhraseSet::Grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<GazMask> old_masks = std::move(masks_);
  const size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  masks_.assign(cap, 0);
  count_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i]) Insert(old_keys[i], old_masks[i]);
  }
}

void PhraseSet::Insert(uint64_t key, GazMask mask) {
  if ((count_ + 1) * 2 > keys_.size()) Grow();
  const size_t m = keys_.size() - 1;
  size_t i = Mix64(key) & m;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & m;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++count_;
  }
  masks_[i] |= mask;
}

GazMask PhraseSet::Lookup(uint64_t key) const {
  if (keys_.empty()) return 0;
  const size_t m = keys_.size() - 1;
  size_t i = Mix64(key) & m;
  while (keys_[i] != 0) {
    if (keys_[i] == key) return masks_[i];
    i = (i + 1) & m;
  }
  return 0;
}

void PhraseSet::Add(std::span<const std::string_view> tokens, GazetteerList list) {
  if (tokens.empty() || tokens.size() > static_cast<size_t>(kMaxPhraseTokens)) return;
  uint64_t h = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    h = PhraseExtend(h, PhraseTokenHash(tokens[i]));
    Insert(h, i + 1 == tokens.size() ? static_cast<GazMask>(1u << list) : kGazPrefixBit);
  }
}

void PhraseSet::AddText(std::string_view phrase, GazetteerList list) {
  std::vector<Token> toks;
  text::Tokenize(phrase, &toks);
  std::vector<std::string_view> words;
  words.reserve(toks.size());
  for (const Token& t : toks) words.push_back(phrase.substr(t.begin, t.end - t.begin));
  Add(words, list);
}

std::string PhraseSet::Serialize() const {
  std::vector<std::pair<uint64_t, GazMask>> entries;
  entries.reserve(count_);
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i]) entries.emplace_back(keys_[i], masks_[i]);
  }
  std::sort(entries.begin(), entries.end());
  std::string out;
  out.reserve(entries.size() * kEntry);
  for (const auto& [k, m] : entries) {
    char buf[kEntry];
    for (int b = 0; b < 8; ++b) buf[b] = static_cast<char>((k >> (8 * b)) & 0xFF);
    buf[8] = static_cast<char>(m & 0xFF);
    buf[9] = static_cast<char>(m >> 8);
    out.append(buf, kEntry);
  }
  return out;
}

Result<PhraseSet> PhraseSet::Deserialize(std::string_view bytes) {
  if (bytes.size() % kEntry != 0) {
    return DataLoss("gazetteer section size " + std::to_string(bytes.size()) +
                    " is not a multiple of 10: the model file is corrupt; rebuild it with `sitrep train ner`");
  }
  PhraseSet set;
  const size_t n = bytes.size() / kEntry;
  size_t cap = 1024;
  while (cap < n * 2 + 2) cap *= 2;
  set.keys_.assign(cap, 0);
  set.masks_.assign(cap, 0);
  for (size_t i = 0; i < n; ++i) {
    uint64_t k = 0;
    const char* e = bytes.data() + i * kEntry;
    for (int b = 0; b < 8; ++b) k |= uint64_t{static_cast<unsigned char>(e[b])} << (8 * b);
    if (k == 0) return DataLoss("gazetteer section holds a zero key: the model file is corrupt");
    set.Insert(k, static_cast<GazMask>(static_cast<unsigned char>(e[8]) |
                                       (static_cast<unsigned char>(e[9]) << 8)));
  }
  return set;
}

// ---------------------------------------------------------------------------
// Gazetteer building.

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t b = 0;
  while (true) {
    const size_t t = line.find('\t', b);
    if (t == std::string_view::npos) {
      cols.push_back(line.substr(b));
      break;
    }
    cols.push_back(line.substr(b, t - b));
    b = t + 1;
  }
  return cols;
}

// Adds a phrase plus, for nationality words, the plural form.
void AddNationality(PhraseSet* set, std::string_view word) {
  if (word.empty()) return;
  set->AddText(word, kGazNationality);
  if (word.find(' ') == std::string_view::npos && word.back() != 's') {
    set->AddText(std::string(word) + "s", kGazNationality);
  }
}

// PETRARCH actor phrase "ISLAMIC_ARMY_OF_ADEN_(IAA)_" -> "ISLAMIC ARMY OF ADEN".
std::string PetrarchPhrase(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '(' || c == '[' || c == '#' || c == '+') break;
    out += c == '_' ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

Status BuildGazetteer(const std::string& data_dir,
                      const std::vector<const std::vector<NerSentence>*>& external,
                      const std::vector<const std::vector<NerSentence>*>& train,
                      PhraseSet* out, std::string* report) {
  PhraseSet set;
  const std::string geo = data_dir + "/geo";
  size_t n_places = 0, n_countries = 0, n_nat = 0, n_first = 0, n_org = 0;

  // Cities (name, asciiname).
  {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(geo + "/geonames/cities15000.txt"));
    ForEachLine(text, [&](std::string_view line) {
      const auto cols = SplitTabs(line);
      if (cols.size() < 3) return;
      set.AddText(cols[1], kGazPlace);
      if (cols[2] != cols[1]) set.AddText(cols[2], kGazPlace);
      ++n_places;
    });
  }
  {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(geo + "/geonames/admin1CodesASCII.txt"));
    ForEachLine(text, [&](std::string_view line) {
      const auto cols = SplitTabs(line);
      if (cols.size() < 3) return;
      set.AddText(cols[1], kGazPlace);
      set.AddText(cols[2], kGazPlace);
      ++n_places;
    });
  }
  {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(geo + "/geonames/countryInfo.tsv"));
    ForEachLine(text, [&](std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      const auto cols = SplitTabs(line);
      if (cols.size() < 6) return;
      set.AddText(cols[4], kGazCountry);
      set.AddText(cols[4], kGazPlace);
      set.AddText(cols[5], kGazPlace);  // capital
      ++n_countries;
    });
  }
  // world-countries.json: names, alternative spellings, English demonyms.
  simdjson::dom::parser parser;
  {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(geo + "/names/world-countries.json"));
    simdjson::dom::array root;
    if (parser.parse(text).get(root) != simdjson::SUCCESS) {
      return DataLoss(geo + "/names/world-countries.json: not a JSON array");
    }
    for (simdjson::dom::element c : root) {
      std::string_view s;
      if (c["name"]["common"].get(s) == simdjson::SUCCESS) {
        set.AddText(s, kGazCountry);
        set.AddText(s, kGazPlace);
      }
      if (c["name"]["official"].get(s) == simdjson::SUCCESS) {
        set.AddText(s, kGazCountry);
        set.AddText(s, kGazPlace);
      }
      simdjson::dom::array alts;
      if (c["altSpellings"].get(alts) == simdjson::SUCCESS) {
        for (simdjson::dom::element a : alts) {
          // Two-letter codes ("AW") collide with ordinary tokens; skip them.
          if (a.get(s) == simdjson::SUCCESS && s.size() > 3) {
            set.AddText(s, kGazCountry);
            set.AddText(s, kGazPlace);
          }
        }
      }
      simdjson::dom::array caps;
      if (c["capital"].get(caps) == simdjson::SUCCESS) {
        for (simdjson::dom::element a : caps) {
          if (a.get(s) == simdjson::SUCCESS) set.AddText(s, kGazPlace);
        }
      }
      if (c["demonyms"]["eng"]["m"].get(s) == simdjson::SUCCESS) AddNationality(&set, s), ++n_nat;
      if (c["demonyms"]["eng"]["f"].get(s) == simdjson::SUCCESS) AddNationality(&set, s);
    }
  }
  {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(geo + "/names/i18n-nationality-en.json"));
    simdjson::dom::element root;
    simdjson::dom::object nats;
    if (parser.parse(text).get(root) != simdjson::SUCCESS ||
        root["nationalities"].get(nats) != simdjson::SUCCESS) {
      return DataLoss(geo + "/names/i18n-nationality-en.json: no \"nationalities\" object");
    }
    for (auto field : nats) {
      std::string_view s;
      if (field.value.get(s) == simdjson::SUCCESS) AddNationality(&set, s), ++n_nat;
    }
  }
  {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(geo + "/names/nat_df.csv"));
    bool header = true;
    ForEachLine(text, [&](std::string_view line) {
      if (header) {
        header = false;
        return;
      }
      const size_t comma = line.rfind(',');
      if (comma == std::string_view::npos) return;
      AddNationality(&set, line.substr(0, comma));
      ++n_nat;
    });
  }
  for (const char* w : kGroupAdjectives) set.AddText(w, kGazNationality);
  for (const char* w : kOrgWords) set.AddText(w, kGazOrgWord);
  for (const char* w : kPersonCues) set.AddText(w, kGazPersonCue);

  // Named organizations from the PETRARCH actor dictionaries.
  for (const char* file : {"/coder/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
                           "/coder/petrarch2/dictionaries/Phoenix.International.actors.txt"}) {
    ASSIGN_OR_RETURN(const std::string text, ReadFileToString(data_dir + file));
    ForEachLine(text, [&](std::string_view line) {
      size_t b = 0;
      while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
      line.remove_prefix(b);
      if (line.empty() || line[0] == '#' || line[0] == '<' || line[0] == '[') return;
      // Lines may chain synonyms with '+'.
      size_t pos = 0;
      while (pos < line.size()) {
        size_t plus = line.find('+', pos + 1);
        if (plus == std::string_view::npos) plus = line.size();
        std::string_view part = line.substr(pos, plus - pos);
        if (!part.empty() && part[0] == '+') part.remove_prefix(1);
        const std::string phrase = PetrarchPhrase(part);
        if (phrase.size() > 3 && phrase.find(' ') != std::string::npos) {
          set.AddText(phrase, kGazOrgName);
          ++n_org;
        }
        pos = plus;
      }
    });
  }

  // From the external corpora: first names, person tokens, entity spans.
  std::map<std::string, int> first_counts;
  size_t n_spans = 0;
  for (const auto* corpus : external) {
    for (const NerSentence& s : *corpus) {
      const size_t n = s.labels.size();
      for (size_t i = 0; i < n; ++i) {
        const std::string& l = s.labels[i];
        if (l.size() < 3 || l[0] != 'B') continue;
        const std::string_view type = std::string_view(l).substr(2);
        size_t e = i + 1;
        while (e < n && s.labels[e].size() > 2 && s.labels[e][0] == 'I' &&
               std::string_view(s.labels[e]).substr(2) == type) {
          ++e;
        }
        std::vector<std::string_view> words(s.words.begin() + static_cast<long>(i),
                                            s.words.begin() + static_cast<long>(e));
        if (type == "PER") {
          if (e - i >= 2) ++first_counts[s.words[i]];
          for (std::string_view w : words) {
            if (w.size() > 1) set.Add(std::span<const std::string_view>(&w, 1), kGazPerToken);
          }
        } else {
          set.Add(words, type == "ORG" ? kGazOrgPhrase : type == "LOC" ? kGazLocPhrase : kGazMiscPhrase);
        }
        ++n_spans;
      }
    }
  }
  for (const auto& [w, n] : first_counts) {
    if (n >= 2 && w.size() > 1) {
      set.AddText(w, kGazFirstName);
      ++n_first;
    }
  }
  // Case statistics: mid-sentence tokens of sentences with lower case.
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> case_counts;  // lower, cap
  auto count_case = [&](const std::vector<NerSentence>& corpus) {
    for (const NerSentence& s : corpus) {
      bool any_lower = false;
      for (const std::string& w : s.words) {
        for (char c : w) any_lower |= IsAsciiLower(c);
      }
      if (!any_lower) continue;
      for (size_t i = 1; i < s.words.size(); ++i) {
        const std::string& w = s.words[i];
        if (w.empty() || !IsAsciiAlpha(w[0])) continue;
        auto& cc = case_counts[PhraseTokenHash(w)];
        if (IsAsciiLower(w[0])) {
          ++cc.first;
        } else {
          ++cc.second;
        }
      }
    }
  };
  for (const auto* c : external) count_case(*c);
  for (const auto* c : train) count_case(*c);
  // Iterate in key order so insertion order (and table layout) is fixed.
  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> cases(case_counts.begin(),
                                                                         case_counts.end());
  std::sort(cases.begin(), cases.end());
  size_t n_lower = 0, n_cap = 0;
  for (const auto& [h, cc] : cases) {
    const auto [lo, up] = cc;
    if (lo + up < 2) continue;
    const uint64_t key = PhraseExtend(0, h);
    if (lo >= 2 * up) {
      set.Insert(key, static_cast<GazMask>(1u << kGazLowerWord));
      ++n_lower;
    } else if (up >= 2 * lo) {
      set.Insert(key, static_cast<GazMask>(1u << kGazCapWord));
      ++n_cap;
    }
  }
  if (report) {
    *report += "gazetteer: " + std::to_string(set.size()) + " phrase keys (" +
               std::to_string(n_places) + " place rows, " + std::to_string(n_countries) +
               " countries, " + std::to_string(n_nat) + " nationality rows, " +
               std::to_string(n_org) + " organization names, " + std::to_string(n_first) +
               " first names, " + std::to_string(n_spans) + " external entity spans, " +
               std::to_string(n_lower) + " lower-case words, " + std::to_string(n_cap) +
               " capitalized words)\n";
  }
  *out = std::move(set);
  return Status::Ok();
}

}  // namespace sitrep::tag
