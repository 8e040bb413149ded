#include "actors/actors.h"

#include <cstring>
#include <span>

#include "actors/actors_format.h"

namespace sitrep::actors {

struct Actors::Impl {
  Artifact artifact;
  std::span<const PhraseSlot> slots;
  std::span<const CodeRecord> codes;
  std::span<const CountrySlot> countries;
  std::string_view strings;
  ActorsMeta meta{};

  explicit Impl(Artifact a) : artifact(std::move(a)) {}

  const PhraseSlot* Find(uint64_t h) const {
    const size_t n = slots.size();
    // Terminates: Load checked that at least one slot is empty.
    for (size_t i = PhraseSlotOf(h, n);;) {
      const PhraseSlot& s = slots[i];
      if (s.flags == 0) return nullptr;
      if (s.hash == h) return &s;
      if (++i == n) i = 0;
    }
  }
  std::string_view Str(uint32_t off, uint32_t len) const {
    return strings.substr(off, len);
  }
};

Actors::Actors() = default;
Actors::~Actors() = default;

namespace {

Status Corrupt(const std::string& path, const std::string& what) {
  return DataLoss(path + ": actors " + what + "; rebuild it with `" +
                  kActorsRebuild + "`");
}

}  // namespace

Result<std::unique_ptr<Actors>> Actors::Load(const std::string& path) {
  ASSIGN_OR_RETURN(
      Artifact artifact,
      Artifact::Open(path, "actors", kActorsFormat, kActorsRebuild));
  auto impl = std::make_unique<Impl>(std::move(artifact));
  const Artifact& a = impl->artifact;
  std::span<const ActorsMeta> meta;
  const auto strings = a.Section("strings");
  if (!SectionAsArray(a.Section("slots"), &impl->slots) ||
      !SectionAsArray(a.Section("codes"), &impl->codes) ||
      !SectionAsArray(a.Section("countries"), &impl->countries) || !strings ||
      !SectionAsArray(a.Section("meta"), &meta) || meta.size() != 1) {
    return Corrupt(path, "lacks a section or has one of the wrong size");
  }
  impl->strings = *strings;
  impl->meta = meta[0];
  const size_t n = impl->slots.size();
  if (n == 0 || impl->meta.slot_count != n ||
      impl->meta.code_count != impl->codes.size() ||
      impl->countries.size() != 26 * 26 ||
      impl->meta.max_words > kMaxPhraseWords) {
    return Corrupt(path, "has inconsistent section sizes");
  }
  size_t used = 0;
  for (const PhraseSlot& s : impl->slots) {
    if (s.flags == 0) continue;
    ++used;
    if (s.first > impl->codes.size() ||
        s.count > impl->codes.size() - s.first) {
      return Corrupt(path, "phrase points past the code list");
    }
  }
  if (used >= n) return Corrupt(path, "phrase table has no empty slot");
  const size_t pool = impl->strings.size();
  for (const CodeRecord& c : impl->codes) {
    if (c.code_offset > pool || c.code_length > pool - c.code_offset ||
        c.name_offset > pool || c.name_length > pool - c.name_offset ||
        c.kind > kKindAgent || c.sector >= kSectorCount) {
      return Corrupt(path, "has a malformed code record");
    }
  }
  for (const CountrySlot& c : impl->countries) {
    if (c.name_offset > pool || c.name_length > pool - c.name_offset) {
      return Corrupt(path, "has a malformed country record");
    }
  }
  std::unique_ptr<Actors> out(new Actors());
  out->impl_ = std::move(impl);
  return out;
}

std::string_view Actors::Iso3(std::string_view iso2) const {
  if (iso2.size() != 2) return {};
  const int a = (iso2[0] | 0x20) - 'a', b = (iso2[1] | 0x20) - 'a';
  if (a < 0 || a >= 26 || b < 0 || b >= 26) return {};
  const CountrySlot& s = impl_->countries[static_cast<size_t>(a * 26 + b)];
  return std::string_view(s.iso3, strnlen(s.iso3, 4));
}

std::string_view Actors::CountryName(std::string_view iso3) const {
  if (iso3.size() != 3) return {};
  for (const CountrySlot& s : impl_->countries) {
    if (std::memcmp(s.iso3, iso3.data(), 3) == 0) {
      return impl_->Str(s.name_offset, s.name_length);
    }
  }
  return {};
}

const ArtifactProvenance& Actors::provenance() const {
  return impl_->artifact.provenance();
}
size_t Actors::phrase_count() const { return impl_->meta.phrase_count; }
int Actors::max_phrase_words() const {
  return static_cast<int>(impl_->meta.max_words);
}

// ---------------------------------------------------------------------------
// Matching

namespace {

// "2017-09-05..." → 20170905; 0 when unknown.
int32_t DateKey(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return 0;
  int32_t v = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return 0;
    v = v * 10 + (d[i] - '0');
  }
  return v;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

struct Span {
  uint32_t first;
  uint32_t last;
  const CodeRecord* actor;  // country/actor reading, or null
  const CodeRecord* agent;  // agent reading, or null
};

// The country/actor code of a slot that applies on `date` (0 = unknown):
// a matching date restriction, else the default, else (date unknown) the
// most recent restriction; null when none applies (PETRARCH's null code).
const CodeRecord* SelectActor(std::span<const CodeRecord> codes, int32_t date) {
  const CodeRecord* fallback = nullptr;
  const CodeRecord* latest = nullptr;
  for (const CodeRecord& c : codes) {
    if (c.kind == kKindAgent) continue;
    const bool open = c.from == kOpenFrom && c.to == kOpenTo;
    if (open) {
      if (!fallback) fallback = &c;
      continue;
    }
    if (date != 0 && c.from <= date && date <= c.to) return &c;
    if (!latest || c.from > latest->from) latest = &c;
  }
  if (fallback) return fallback;
  return date == 0 ? latest : nullptr;
}

const CodeRecord* SelectAgent(std::span<const CodeRecord> codes) {
  for (const CodeRecord& c : codes) {
    if (c.kind == kKindAgent) return &c;
  }
  return nullptr;
}

bool Combinable(const CodeRecord* c) {
  return c && c->country[0] != '\0' &&
         (c->kind == kKindCountry || c->sector == kSectorNone);
}

std::string_view Country(const CodeRecord* c) {
  return std::string_view(c->country, strnlen(c->country, 4));
}

bool WordIs(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (w.size() != s.size()) continue;
    bool eq = true;
    for (size_t i = 0; i < w.size() && eq; ++i) {
      eq = (w[i] | 0x20) == s[i];
    }
    if (eq) return true;
  }
  return false;
}

// The one country of a sentence's resolved places and country mentions, or
// "" when there is none or they disagree.
std::string SentenceCountry(const Document& doc, const Actors& dict,
                            const std::vector<Span>& spans,
                            const std::vector<int32_t>& place_at,
                            const Sentence& sent, size_t end) {
  std::string found;
  auto add = [&](std::string_view c) {
    if (c.empty()) return true;
    if (found.empty()) found = std::string(c);
    return found == c;
  };
  for (const Span& s : spans) {
    if (Combinable(s.actor) && !add(Country(s.actor))) return "";
  }
  for (size_t i = sent.first_token; i < end; ++i) {
    if (place_at[i] >= 0 &&
        !add(dict.Iso3(doc.places[static_cast<size_t>(place_at[i])].country))) {
      return "";
    }
  }
  return found;
}

}  // namespace

std::vector<ActorMention> FindActors(const Document& doc, const Actors& dict,
                                     std::string_view doc_date) {
  const Actors::Impl& im = dict.impl();
  std::vector<ActorMention> out;
  const size_t nt = doc.tokens.size();
  if (nt == 0) return out;
  const int32_t date = DateKey(doc_date);
  auto tok = [&](size_t i) {
    return std::string_view(doc.text).substr(
        doc.tokens[i].begin, doc.tokens[i].end - doc.tokens[i].begin);
  };
  std::vector<uint64_t> th(nt);
  for (size_t i = 0; i < nt; ++i) th[i] = TokenHash(tok(i));
  // Token → country (ISO3) of a resolved place mention starting there.
  std::vector<int32_t> place_at(nt, -1);
  std::vector<uint32_t> place_last(nt, 0);
  for (const EntityMention& e : doc.entities) {
    if (e.place >= 0 && static_cast<size_t>(e.place) < doc.places.size() &&
        e.first_token < nt && e.last_token > e.first_token &&
        e.last_token <= nt &&
        !doc.places[static_cast<size_t>(e.place)].country.empty()) {
      place_at[e.first_token] = e.place;
      place_last[e.first_token] = e.last_token;
    }
  }

  std::vector<Sentence> whole;
  std::span<const Sentence> sentences = doc.sentences;
  if (sentences.empty()) {
    whole.push_back({0, static_cast<uint32_t>(doc.text.size()), 0,
                     static_cast<uint32_t>(nt)});
    sentences = whole;
  }
  const size_t max_words = im.meta.max_words;
  std::vector<Span> spans;
  for (const Sentence& sent : sentences) {
    const size_t end = std::min<size_t>(sent.last_token, nt);
    spans.clear();
    for (size_t i = sent.first_token; i < end;) {
      uint64_t h = kPhraseSeed;
      Span best{0, 0, nullptr, nullptr};
      bool any_upper = false;
      for (size_t n = 1; n <= max_words && i + n <= end; ++n) {
        h = ExtendPhraseHash(h, th[i + n - 1]);
        const PhraseSlot* s = im.Find(h);
        if (!s) break;
        const std::string_view w = tok(i + n - 1);
        any_upper =
            any_upper ||
            (!w.empty() && (IsUpper(w[0]) || (w[0] >= '0' && w[0] <= '9')));
        if (s->count > 0) {
          const auto codes = im.codes.subspan(s->first, s->count);
          const CodeRecord* actor = nullptr;
          if (any_upper) {
            bool ok = true;
            if (s->flags & kSlotAcronym) {
              for (char c : w) ok = ok && !(c >= 'a' && c <= 'z');
            }
            if (ok) actor = SelectActor(codes, date);
          }
          const CodeRecord* agent = SelectAgent(codes);
          if (actor || agent) {
            best = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + n),
                    actor, agent};
          }
        }
        if (!(s->flags & kSlotPrefix)) break;
      }
      if (best.last > best.first) {
        spans.push_back(best);
        i = best.last;
      } else {
        ++i;
      }
    }

    // Combination.
    for (size_t k = 0; k < spans.size(); ++k) {
      Span s = spans[k];
      ActorMention m;
      uint32_t first = s.first, last = s.last;
      auto next_agent = [&](size_t at) -> bool {
        if (at + 1 >= spans.size() || !spans[at + 1].agent) return false;
        uint32_t gap = spans[at + 1].first;
        if (gap == last) return true;
        return gap == last + 1 && WordIs(tok(last), {"'s", "s"});
      };
      if (s.actor) {
        const CodeRecord& a = *s.actor;
        const CodeRecord* agent = nullptr;
        while (next_agent(k)) {
          ++k;
          if (!agent) agent = spans[k].agent;
          last = spans[k].last;
        }
        m.country = std::string(Country(&a));
        if (Combinable(&a) && agent) {
          const std::string_view acode =
              im.Str(agent->code_offset, agent->code_length);
          m.name = std::string(dict.CountryName(m.country));
          m.sector = static_cast<Sector>(agent->sector);
          m.cameo = m.country + std::string(acode.substr(0, 3));
        } else {
          m.name = std::string(im.Str(a.name_offset, a.name_length));
          m.sector = static_cast<Sector>(a.sector);
          m.cameo = std::string(im.Str(a.code_offset, a.code_length));
        }
      } else {
        const CodeRecord& g = *s.agent;
        while (next_agent(k)) {
          ++k;
          last = spans[k].last;
        }
        // "unidentified gunmen", "armed men": the modifier belongs to it.
        while (first > sent.first_token &&
               WordIs(tok(first - 1), {"unidentified", "unknown", "armed",
                                       "masked", "suspected"})) {
          --first;
        }
        const std::string_view acode = im.Str(g.code_offset, g.code_length);
        // "police in Lagos", "army of Syria".
        std::string country;
        if (last + 1 < end && WordIs(tok(last), {"in", "of", "from"})) {
          if (k + 1 < spans.size() && spans[k + 1].first == last + 1 &&
              Combinable(spans[k + 1].actor)) {
            country = std::string(Country(spans[k + 1].actor));
            ++k;
            last = spans[k].last;
          } else if (place_at[last + 1] >= 0) {
            country = std::string(dict.Iso3(
                doc.places[static_cast<size_t>(place_at[last + 1])].country));
            if (!country.empty()) {
              const uint32_t place_end = place_last[last + 1];
              last = place_end;
              // A dictionary span inside the place name is consumed too.
              while (k + 1 < spans.size() && spans[k + 1].first < last) ++k;
            }
          }
        }
        // Protesters and police with no "in X": the sentence's country when
        // all its places and countries agree ("protesters marched in Lagos").
        if (country.empty() &&
            (g.sector == kSectorCivilian || g.sector == kSectorPolice)) {
          country = SentenceCountry(doc, dict, spans, place_at, sent, end);
        }
        m.sector = static_cast<Sector>(g.sector);
        m.country = country;
        if (!country.empty()) {
          m.name = std::string(dict.CountryName(country));
          m.cameo = country + std::string(acode.substr(0, 3));
        } else {
          m.cameo = std::string(acode.substr(0, 3));
          if (acode.starts_with("UAF")) m.name = "unidentified armed group";
        }
      }
      m.first_token = first;
      m.last_token = last;
      m.begin = doc.tokens[first].begin;
      m.end = doc.tokens[last - 1].end;
      m.text = doc.text.substr(m.begin, m.end - m.begin);
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace sitrep::actors
