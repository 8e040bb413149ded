// `sitrep build actors`: PETRARCH-2 Phoenix dictionaries + world-countries +
// data/actors/*.tsv → models/actors.bin (format in actors_format.h).
// Deterministic: inputs are read in a fixed order, phrases are written in
// hash order and strings deduplicated in first-use order.
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "actors/actors.h"
#include "actors/actors_format.h"

namespace sitrep::actors {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

template <typename F>
Status ForEachLine(std::string_view text, F&& f) {
  size_t start = 0;
  int line_no = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    RETURN_IF_ERROR(f(line, ++line_no));
    start = end + 1;
  }
  return Status::Ok();
}

Status LineError(std::string_view file, int line, const std::string& what) {
  return InvalidArgument(std::string(file) + ":" + std::to_string(line) + ": " +
                         what);
}

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : phrase) {
    if (c == '_' || c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string TitleCase(std::string_view phrase) {
  std::string out;
  for (const std::string& w : Words(phrase)) {
    if (!out.empty()) out += ' ';
    bool first = true;
    for (char c : w) {
      if (c >= 'A' && c <= 'Z' && !first) c = static_cast<char>(c + 32);
      out += c;
      first = !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z');
    }
  }
  return out;
}

bool ValidCode(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// YYMMDD or YYYYMMDD → YYYYMMDD; -1 when malformed. Two-digit years below
// 30 are 20xx (PETRARCH's files run 1928-2014).
int32_t ParseDate(std::string_view s) {
  if (s.size() != 6 && s.size() != 8) return -1;
  int32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  if (s.size() == 6) v += (v / 10000 < 30 ? 20000000 : 19000000);
  return v;
}

// "[CODE]", "[CODE >date]", "[CODE <date]", "[CODE date-date]".
bool ParseRestriction(std::string_view s, std::string* code, int32_t* from,
                      int32_t* to) {
  s = Trim(s);
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return false;
  s = Trim(s.substr(1, s.size() - 2));
  const size_t sp = s.find_first_of(" \t");
  *code = std::string(s.substr(0, sp));
  if (!code->empty() && code->front() == '~') code->erase(0, 1);
  if (!ValidCode(*code)) return false;
  *from = kOpenFrom;
  *to = kOpenTo;
  if (sp == std::string_view::npos) return true;
  std::string_view r = Trim(s.substr(sp));
  if (r.empty()) return true;
  if (r.front() == '>' || r.front() == '<') {
    const int32_t d = ParseDate(Trim(r.substr(1)));
    if (d < 0) return false;
    (r.front() == '>' ? *from : *to) = d;
    return true;
  }
  const size_t dash = r.find('-');
  if (dash == std::string_view::npos) return false;
  *from = ParseDate(Trim(r.substr(0, dash)));
  *to = ParseDate(Trim(r.substr(dash + 1)));
  return *from >= 0 && *to >= 0;
}

const char* kRestrictionHelp =
    "expected [CODE], [CODE >YYMMDD], [CODE <YYMMDD] or [CODE "
    "YYMMDD-YYMMDD] (dates YYMMDD or YYYYMMDD)";

// The sector a CAMEO 3-letter segment denotes, or kSectorCount.
Sector SegmentSector(std::string_view seg) {
  static const std::pair<const char*, Sector> kMap[] = {
      {"GOV", kSectorGovernment},
      {"LEG", kSectorGovernment},
      {"SPY", kSectorGovernment},
      {"ELI", kSectorGovernment},
      {"MIL", kSectorMilitary},
      {"COP", kSectorPolice},
      {"JUD", kSectorJudiciary},
      {"REB", kSectorRebel},
      {"INS", kSectorInsurgent},
      {"IMG", kSectorInsurgent},
      {"SEP", kSectorRebel},
      {"UAF", kSectorUnknown},
      {"CRM", kSectorUnknown},
      {"OPP", kSectorPoliticalParty},
      {"PTY", kSectorPoliticalParty},
      {"CVL", kSectorCivilian},
      {"REF", kSectorCivilian},
      {"LAB", kSectorCivilian},
      {"EDU", kSectorCivilian},
      {"HLH", kSectorCivilian},
      {"AGR", kSectorCivilian},
      {"MED", kSectorMedia},
      {"BUS", kSectorBusiness},
      {"MNC", kSectorBusiness},
      {"REL", kSectorReligious},
      {"NGO", kSectorNgo},
      {"NGM", kSectorNgo},
      {"IGO", kSectorIgo},
      {"HRI", kSectorNgo},
  };
  for (const auto& [k, v] : kMap) {
    if (seg == k) return v;
  }
  return kSectorCount;
}

Sector SectorOfCode(std::string_view code, size_t from) {
  for (size_t i = from; i + 3 <= code.size(); i += 3) {
    const Sector s = SegmentSector(code.substr(i, 3));
    if (s != kSectorCount) return s;
  }
  return kSectorNone;
}

// The ASCII-upper-cased words of a phrase plus the automatic plural forms of
// PETRARCH agents.
std::string Plural(const std::string& w) {
  if (w.empty()) return w;
  const char last = w.back();
  if (last == 'Y' && w.size() > 1 &&
      std::string_view("AEIOU").find(w[w.size() - 2]) ==
          std::string_view::npos) {
    return w.substr(0, w.size() - 1) + "IES";
  }
  if (last == 'S' || last == 'X' || w.ends_with("CH") || w.ends_with("SH")) {
    return w + "ES";
  }
  return w + "S";
}

uint64_t PhraseHash(const std::vector<std::string>& words, size_t n) {
  uint64_t h = kPhraseSeed;
  for (size_t i = 0; i < n; ++i) h = ExtendPhraseHash(h, TokenHash(words[i]));
  return h;
}

size_t NormalizedLength(std::string_view w) {
  size_t n = 0;
  for (char c : w) n += (c != '.' && c != '\'');
  return n;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return DataLoss("read error in " + path);
  return std::move(ss).str();
}

}  // namespace

Sector SectorFromName(std::string_view name) {
  for (int i = 1; i < kSectorCount; ++i) {
    if (name == kSectorNames[i]) return static_cast<Sector>(i);
  }
  return kSectorCount;
}

Status ActorTableBuilder::AddPetrarchActors(std::string_view text,
                                            std::string_view file,
                                            uint8_t priority,
                                            std::vector<std::string>* skipped) {
  std::vector<std::string> phrases;
  std::string primary;
  std::vector<ActorEntry> codes;
  auto flush = [&] {
    for (const std::string& p : phrases) {
      for (const ActorEntry& c : codes) {
        ActorEntry e = c;
        e.phrase = p;
        e.name = TitleCase(primary);
        e.kind = kKindActor;
        e.priority = priority;
        Add(std::move(e));
      }
    }
    phrases.clear();
    codes.clear();
  };
  // A malformed line: an error, or recorded and skipped.
  auto bad = [&](int line, const std::string& what) -> Status {
    Status st = LineError(file, line, what);
    if (!skipped) return st;
    skipped->push_back(st.message());
    return Status::Ok();
  };
  // One or more "[CODE restriction]" groups; text after the last one is a
  // comment. "[---]" is PETRARCH's explicit null code.
  auto add_code = [&](std::string_view spec, int line) -> Status {
    spec = Trim(spec);
    while (!spec.empty() && spec[0] == '[') {
      const size_t close = spec.find(']');
      if (close == std::string_view::npos) break;
      const std::string_view group = spec.substr(0, close + 1);
      spec = Trim(spec.substr(close + 1));
      if (group == "[---]") continue;
      ActorEntry e;
      if (!ParseRestriction(group, &e.code, &e.from, &e.to)) {
        return bad(line, "malformed code '" + std::string(group) +
                             "': " + kRestrictionHelp);
      }
      codes.push_back(std::move(e));
    }
    if (!spec.empty() && spec[0] == '[') {
      return bad(line, "malformed code '" + std::string(spec) +
                           "': " + kRestrictionHelp);
    }
    return Status::Ok();
  };
  RETURN_IF_ERROR(
      ForEachLine(text, [&](std::string_view line, int line_no) -> Status {
        const size_t hash = line.find_first_of("#;");
        if (hash != std::string_view::npos) line = line.substr(0, hash);
        const bool indented =
            !line.empty() && (line[0] == '\t' || line[0] == ' ');
        line = Trim(line);
        if (line.empty()) return Status::Ok();
        if (indented && line[0] == '[') {
          if (phrases.empty()) {
            return bad(line_no, "date restriction before any actor phrase");
          }
          return add_code(line, line_no);
        }
        const bool synonym = line[0] == '+';
        if (synonym) line.remove_prefix(1);
        if (!synonym) {
          flush();
          primary.clear();
        }
        std::string_view phrase = line;
        const size_t bracket = line.find('[');
        if (bracket != std::string_view::npos) {
          phrase = Trim(line.substr(0, bracket));
          RETURN_IF_ERROR(add_code(line.substr(bracket), line_no));
        } else if (line.find(']') != std::string_view::npos) {
          return bad(line_no, "malformed code in '" + std::string(line) +
                                  "': " + kRestrictionHelp);
        }
        const size_t words = Words(phrase).size();
        if (words == 0) return bad(line_no, "code without a phrase");
        if (words > kMaxPhraseWords) {
          return bad(line_no, "phrase has " + std::to_string(words) +
                                  " words, at most " +
                                  std::to_string(kMaxPhraseWords) +
                                  " are allowed");
        }
        if (!synonym) primary = std::string(phrase);
        phrases.emplace_back(phrase);
        return Status::Ok();
      }));
  flush();
  return Status::Ok();
}

Status ActorTableBuilder::AddPetrarchAgents(std::string_view text,
                                            std::string_view file,
                                            uint8_t priority,
                                            std::vector<std::string>* skipped) {
  std::map<std::string, std::vector<std::string>> sets;
  sets["!MINIST!"] = {"MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"};
  return ForEachLine(text, [&](std::string_view line, int line_no) -> Status {
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) return Status::Ok();
    const size_t eq = line.find('=');
    if (line[0] == '!' && eq != std::string_view::npos) {
      const std::string name(Trim(line.substr(0, eq)));
      std::vector<std::string> items;
      std::string_view rest = line.substr(eq + 1);
      while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view item = Trim(rest.substr(0, comma));
        if (!item.empty()) items.emplace_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      sets[name] = std::move(items);
      return Status::Ok();
    }
    const size_t open = line.find('[');
    size_t close = line.find_first_of("]}", open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      Status st = LineError(file, line_no,
                            "malformed agent '" + std::string(line) +
                                "': expected PHRASE {plurals} [~CODE]");
      if (!skipped) return st;
      skipped->push_back(st.message());
      return Status::Ok();
    }
    std::string code(Trim(line.substr(open + 1, close - open - 1)));
    std::erase(code, '~');
    if (!ValidCode(code)) {
      return LineError(file, line_no,
                       "malformed agent code '" +
                           std::string(line.substr(open, close - open + 1)) +
                           "': expected [~CODE] or [CODE~]");
    }
    std::string_view head = Trim(line.substr(0, open));
    std::vector<std::string> forms;
    bool explicit_plural = false;
    const size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      explicit_plural = true;
      const size_t end = head.find('}', brace);
      // Plural forms are separated by blanks; each joins its words by '_'.
      std::string_view inner = head.substr(
          brace + 1, end == std::string_view::npos ? std::string_view::npos
                                                   : end - brace - 1);
      while (!inner.empty()) {
        inner = Trim(inner);
        const size_t sp = inner.find_first_of(" \t");
        if (!inner.empty()) forms.emplace_back(inner.substr(0, sp));
        if (sp == std::string_view::npos) break;
        inner.remove_prefix(sp);
      }
      head = Trim(head.substr(0, brace));
    }
    std::string phrase(head);
    const size_t bang = phrase.find('!');
    if (bang != std::string::npos) {
      const size_t bang2 = phrase.find('!', bang + 1);
      const auto it = bang2 == std::string::npos
                          ? sets.end()
                          : sets.find(phrase.substr(bang, bang2 - bang + 1));
      if (it == sets.end()) {
        return LineError(file, line_no,
                         "unknown substitution set in '" + phrase + "'");
      }
      for (const std::string& s : it->second) {
        forms.push_back(phrase.substr(0, bang) + s + phrase.substr(bang2 + 1));
      }
    } else {
      const bool stopped = !phrase.empty() && phrase.back() == '_';
      std::vector<std::string> words = Words(phrase);
      if (words.empty()) return LineError(file, line_no, "empty agent phrase");
      if (words.back() == "MINIST") {
        for (const std::string& s : sets["!MINIST!"]) {
          words.back() = s;
          std::string p;
          for (const std::string& w : words) p += (p.empty() ? "" : "_") + w;
          forms.push_back(p);
        }
      } else {
        forms.push_back(phrase);
        if (!explicit_plural && !stopped) {
          words.back() = Plural(words.back());
          std::string p;
          for (const std::string& w : words) p += (p.empty() ? "" : "_") + w;
          forms.push_back(p);
        }
      }
    }
    for (const std::string& f : forms) {
      ActorEntry e;
      e.phrase = f;
      e.kind = kKindAgent;
      e.code = code;
      e.sector = SectorOfCode(code, 0);
      e.priority = priority;
      Add(std::move(e));
    }
    return Status::Ok();
  });
}

Status ActorTableBuilder::AddTable(std::string_view text, std::string_view file,
                                   uint8_t priority) {
  return ForEachLine(text, [&](std::string_view line, int line_no) -> Status {
    if (Trim(line).empty() || Trim(line)[0] == '#') return Status::Ok();
    std::vector<std::string_view> cols;
    size_t start = 0;
    for (;;) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (cols.size() != 7) {
      return LineError(file, line_no,
                       "expected 7 tab-separated columns (aliases, kind, "
                       "code, country, sector, name, source), found " +
                           std::to_string(cols.size()));
    }
    EntryKind kind;
    if (cols[1] == "actor") {
      kind = kKindActor;
    } else if (cols[1] == "agent") {
      kind = kKindAgent;
    } else if (cols[1] == "country") {
      kind = kKindCountry;
    } else {
      return LineError(
          file, line_no,
          "kind '" + std::string(cols[1]) + "' is not actor, agent or country");
    }
    if (!ValidCode(cols[2])) {
      return LineError(file, line_no,
                       "malformed code '" + std::string(cols[2]) +
                           "': expected upper-case letters and digits");
    }
    Sector sector = kSectorNone;
    if (cols[4] != "-") {
      sector = SectorFromName(cols[4]);
      if (sector == kSectorCount) {
        return LineError(file, line_no,
                         "unknown sector '" + std::string(cols[4]) + "'");
      }
    }
    if (Trim(cols[6]).empty()) {
      return LineError(file, line_no, "missing source");
    }
    std::string_view aliases = cols[0];
    while (!aliases.empty()) {
      const size_t bar = aliases.find('|');
      const std::string_view a = Trim(aliases.substr(0, bar));
      if (Words(a).size() > kMaxPhraseWords) {
        return LineError(file, line_no,
                         "alias has " + std::to_string(Words(a).size()) +
                             " words, at most " +
                             std::to_string(kMaxPhraseWords) + " are allowed");
      }
      if (!a.empty()) {
        ActorEntry e;
        e.phrase = std::string(a);
        e.kind = kind;
        e.code = std::string(cols[2]);
        e.country = cols[3] == "-" ? "" : std::string(cols[3]);
        e.sector = sector;
        e.name = cols[5] == "-" ? "" : std::string(cols[5]);
        e.priority = priority;
        Add(std::move(e));
      }
      if (bar == std::string_view::npos) break;
      aliases.remove_prefix(bar + 1);
    }
    return Status::Ok();
  });
}

void ActorTableBuilder::AddCountry(std::string_view iso2, std::string_view iso3,
                                   std::string_view name) {
  countries_.push_back(std::string(iso2) + "\t" + std::string(iso3) + "\t" +
                       std::string(name));
}

Status ActorTableBuilder::Fill(ArtifactWriter* w,
                               const ArtifactProvenance& provenance) const {
  std::set<std::string> iso3s;
  std::map<std::string, std::string> country_names;
  for (const std::string& c : countries_) {
    const std::string iso3 = c.substr(3, 3);
    iso3s.insert(iso3);
    country_names.emplace(iso3, c.substr(7));
  }
  struct Phrase {
    uint32_t words = 0;
    bool acronym = false;
    bool prefix = false;
    std::vector<size_t> entries;
  };
  std::map<uint64_t, Phrase> phrases;
  std::set<uint64_t> prefixes;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const ActorEntry& e = entries_[i];
    const std::vector<std::string> words = Words(e.phrase);
    if (words.empty()) continue;
    if (words.size() > kMaxPhraseWords) {
      return InvalidArgument("actor phrase '" + e.phrase.substr(0, 60) +
                             "...' has " + std::to_string(words.size()) +
                             " words, at most " +
                             std::to_string(kMaxPhraseWords) + " are allowed");
    }
    Phrase& p = phrases[PhraseHash(words, words.size())];
    p.words = static_cast<uint32_t>(words.size());
    p.acronym = words.size() == 1 && NormalizedLength(words[0]) <= 3;
    p.entries.push_back(i);
    for (size_t n = 1; n < words.size(); ++n) {
      prefixes.insert(PhraseHash(words, n));
    }
  }
  for (uint64_t h : prefixes) phrases[h].prefix = true;

  std::string strings;
  std::unordered_map<std::string, uint32_t> pooled;
  auto pool = [&](const std::string& s) {
    auto [it, fresh] = pooled.emplace(s, static_cast<uint32_t>(strings.size()));
    if (fresh) strings += s;
    return it->second;
  };
  std::vector<CodeRecord> codes;
  struct Built {
    uint64_t hash;
    PhraseSlot slot;
  };
  std::vector<Built> built;
  uint32_t max_words = 0;
  uint32_t phrase_count = 0;
  for (auto& [hash, p] : phrases) {
    PhraseSlot slot{};
    slot.hash = hash;
    slot.first = static_cast<uint32_t>(codes.size());
    slot.flags = static_cast<uint8_t>(kSlotUsed | (p.prefix ? kSlotPrefix : 0) |
                                      (p.acronym ? kSlotAcronym : 0));
    slot.words = static_cast<uint8_t>(p.words);
    // Per kind group (country+actor vs agent), only the best priority.
    int best[2] = {-1, -1};
    for (size_t i : p.entries) {
      const ActorEntry& e = entries_[i];
      const int g = e.kind == kKindAgent;
      best[g] = std::max(best[g], static_cast<int>(e.priority));
    }
    std::set<std::string> seen;
    for (int g = 0; g < 2; ++g) {
      for (size_t i : p.entries) {
        const ActorEntry& e = entries_[i];
        if ((e.kind == kKindAgent) != (g == 1) || e.priority != best[g]) {
          continue;
        }
        std::string key = std::to_string(e.kind) + e.code + "|" +
                          std::to_string(e.from) + "|" + std::to_string(e.to);
        if (!seen.insert(key).second) continue;
        CodeRecord r{};
        std::string country = e.country;
        Sector sector = e.sector;
        std::string name = e.name;
        EntryKind kind = e.kind;
        if (kind != kKindAgent && country.empty() && e.code.size() >= 3 &&
            iso3s.count(e.code.substr(0, 3))) {
          country = e.code.substr(0, 3);
        }
        if (kind != kKindAgent && sector == kSectorNone) {
          sector = SectorOfCode(e.code, country.empty() ? 0 : 3);
        }
        if (kind == kKindActor && e.code == country) {
          kind = kKindCountry;  // "KABUL [AFG]": the country itself
          auto it = country_names.find(country);
          if (it != country_names.end()) name = it->second;
        }
        if (kind == kKindCountry && name.empty()) {
          auto it = country_names.find(country);
          if (it != country_names.end()) name = it->second;
        }
        r.code_offset = pool(e.code);
        r.code_length = static_cast<uint16_t>(e.code.size());
        r.name_offset = pool(name);
        r.name_length =
            static_cast<uint16_t>(std::min<size_t>(name.size(), 65535));
        r.from = e.from;
        r.to = e.to;
        r.kind = kind;
        r.sector = sector;
        std::memcpy(r.country, country.data(),
                    std::min<size_t>(3, country.size()));
        codes.push_back(r);
      }
    }
    slot.count = static_cast<uint16_t>(codes.size() - slot.first);
    if (slot.count > 0) {
      ++phrase_count;
      max_words = std::max(max_words, p.words);
    }
    built.push_back({hash, slot});
  }
  const size_t n_slots = std::max<size_t>(8, built.size() * 5 / 4 + 1);
  std::vector<PhraseSlot> slots(n_slots);
  for (const Built& b : built) {
    size_t i = PhraseSlotOf(b.hash, n_slots);
    while (slots[i].flags != 0) {
      if (++i == n_slots) i = 0;
    }
    slots[i] = b.slot;
  }
  std::vector<CountrySlot> ctab(26 * 26);
  for (const std::string& c : countries_) {
    const int a = c[0] - 'A', b = c[1] - 'A';
    if (a < 0 || a >= 26 || b < 0 || b >= 26) continue;
    CountrySlot& s = ctab[static_cast<size_t>(a * 26 + b)];
    std::memcpy(s.iso3, c.data() + 3, 3);
    const std::string name = c.substr(7);
    s.name_offset = pool(name);
    s.name_length = static_cast<uint32_t>(name.size());
  }
  ActorsMeta meta{max_words, phrase_count, static_cast<uint32_t>(codes.size()),
                  static_cast<uint32_t>(n_slots)};
  auto bytes = [](const auto& v) {
    return std::string(reinterpret_cast<const char*>(v.data()),
                       v.size() * sizeof(v[0]));
  };
  w->AddSection("slots", bytes(slots));
  w->AddSection("codes", bytes(codes));
  w->AddSection("strings", strings);
  w->AddSection("countries", bytes(ctab));
  w->AddSection("meta",
                std::string(reinterpret_cast<const char*>(&meta), sizeof meta));
  w->SetProvenance(provenance);
  return Status::Ok();
}

Result<std::string> ActorTableBuilder::Serialize(
    const ArtifactProvenance& provenance) const {
  ArtifactWriter w("actors", kActorsFormat);
  RETURN_IF_ERROR(Fill(&w, provenance));
  return w.Serialize();
}

Status ActorTableBuilder::WriteFile(
    const std::string& path, const ArtifactProvenance& provenance) const {
  ArtifactWriter w("actors", kActorsFormat);
  RETURN_IF_ERROR(Fill(&w, provenance));
  return w.WriteFile(path);
}

Status BuildActors(const ActorsBuildOptions& o, std::string* report) {
  ActorTableBuilder b;
  ArtifactProvenance prov;
  prov.command = o.command;
  prov.version = SITREP_VERSION;
  auto input = [&](const std::string& path) -> Result<std::string> {
    ASSIGN_OR_RETURN(std::string h, HashFileHex(path));
    prov.inputs.emplace_back(path, h);
    return ReadFile(path);
  };
  auto count = [&](const std::string& what, size_t before) {
    if (report) {
      *report += what + ": " + std::to_string(b.size() - before) + " entries\n";
    }
  };
  // world-countries: names, official names and demonyms; ISO3 is the
  // CAMEO country code for nearly all (CAMEO's own exceptions come from
  // PETRARCH's country dictionary).
  {
    ASSIGN_OR_RETURN(std::string json, input(o.countries));
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(json).get(root) != simdjson::SUCCESS || !root.is_array()) {
      return DataLoss(o.countries + ": not a JSON array of countries");
    }
    const size_t before = b.size();
    // Independent countries first: a shared demonym ("French", "American")
    // names the state before its territories.
    for (const bool independent_pass : {true, false}) {
      for (simdjson::dom::element c : root.get_array()) {
        bool independent = false;
        if (c["independent"].get(independent)) independent = false;
        if (independent != independent_pass) continue;
        std::string_view iso2, iso3, common, official;
        if (c["cca2"].get(iso2) || c["cca3"].get(iso3) ||
            c["name"]["common"].get(common)) {
          continue;
        }
        if (c["name"]["official"].get(official)) official = {};
        b.AddCountry(iso2, iso3, common);
        std::vector<std::string_view> names = {common, official};
        std::string_view dm, df;
        if (!c["demonyms"]["eng"]["m"].get(dm)) names.push_back(dm);
        if (!c["demonyms"]["eng"]["f"].get(df)) names.push_back(df);
        for (std::string_view n : names) {
          if (n.empty()) continue;
          ActorEntry e;
          e.phrase = std::string(n);
          e.kind = kKindCountry;
          e.code = std::string(iso3);
          e.country = std::string(iso3);
          e.name = std::string(common);
          e.priority = 2;
          b.Add(std::move(e));
        }
      }
    }
    count(o.countries, before);
  }
  // Lines of the Phoenix files with malformed codes (a few typos such as
  // "[ARMUNR 9008223-911221]") are skipped and listed in the report.
  std::vector<std::string> skipped;
  const char* kActorFiles[] = {"Phoenix.Countries.actors.txt",
                               "Phoenix.International.actors.txt",
                               "Phoenix.MilNonState.actors.txt"};
  for (const char* f : kActorFiles) {
    const std::string path = o.dict_dir + "/" + f;
    ASSIGN_OR_RETURN(std::string text, input(path));
    const size_t before = b.size();
    RETURN_IF_ERROR(b.AddPetrarchActors(text, path, 1, &skipped));
    count(path, before);
  }
  {
    const std::string path = o.dict_dir + "/Phoenix.agents.txt";
    ASSIGN_OR_RETURN(std::string text, input(path));
    const size_t before = b.size();
    RETURN_IF_ERROR(b.AddPetrarchAgents(text, path, 1, &skipped));
    count(path, before);
  }
  for (const char* f : {"armed_groups.tsv", "agents.tsv"}) {
    const std::string path = o.tables_dir + "/" + f;
    ASSIGN_OR_RETURN(std::string text, input(path));
    const size_t before = b.size();
    RETURN_IF_ERROR(b.AddTable(text, path, 3));
    count(path, before);
  }
  if (report) {
    *report += "skipped " + std::to_string(skipped.size()) +
               " malformed dictionary lines:\n";
    for (const std::string& s : skipped) *report += "  " + s + "\n";
  }
  return b.WriteFile(o.output, prov);
}

}  // namespace sitrep::actors
