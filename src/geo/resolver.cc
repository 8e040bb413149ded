#include "geo/resolver.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "core/strings.h"
#include "text/text.h"

namespace sitrep::geo {

namespace {

#include "geo/place_cues.inc"

constexpr size_t kMaxCandidates = 64;
constexpr double kPi = 3.14159265358979323846;

template <size_t N>
bool InTable(const std::string_view (&table)[N], std::string_view word) {
  for (std::string_view w : table) {
    if (EqualsIgnoreCase(w, word)) return true;
  }
  return false;
}

std::string_view TokenText(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  return std::string_view(doc.text).substr(t.begin, t.end - t.begin);
}

bool IsCapitalized(const Token& t) {
  return (t.flags & text::kCapitalized) != 0;
}

// A mention over tokens [first, last).
EntityMention MakeMention(const Document& doc, uint32_t first, uint32_t last,
                          uint8_t kind) {
  EntityMention m;
  m.first_token = first;
  m.last_token = last;
  m.begin = doc.tokens[first].begin;
  m.end = doc.tokens[last - 1].end;
  m.kind = kind;
  return m;
}

double Sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

uint8_t PrecisionOf(uint8_t place_class) {
  switch (place_class) {
    case kPlaceCountry:
      return kPrecisionCountry;
    case kPlaceAdmin1:
      return kPrecisionAdmin1;
    case kPlaceAdmin2:
      return kPrecisionAdmin2;
    case kPlaceCity:
      return kPrecisionCity;
    case kPlaceAirport:
      return kPrecisionPoint;
    default:
      return kPrecisionRegion;
  }
}

// The candidate's score before any document context: class, size, rank of
// the populated place, and how its name matched.
double PriorScore(const PlaceRecord& p, uint8_t match) {
  double s = 0;
  switch (p.place_class) {
    case kPlaceCountry:
      s = 12;
      break;
    case kPlaceContinent:
      s = 9;
      break;
    case kPlaceAdmin1:
      s = 3 + std::log10(static_cast<double>(p.population) + 1);
      break;
    case kPlaceRegion:
      s = 5;
      break;
    case kPlaceAirport:
      s = 5;
      break;
    case kPlaceAdmin2:
      s = 3.5;
      break;
    case kPlaceCity: {
      s = 2 + 1.0 * std::log10(static_cast<double>(p.population) + 1);
      std::string_view code(p.feature_code,
                            strnlen(p.feature_code, sizeof(p.feature_code)));
      if (code == "PPLC") {
        s += 2.5;
      } else if (code == "PPLA") {
        s += 0.8;
      } else if (code == "PPLA2" || code == "PPLA3") {
        s += 0.3;
      }
      break;
    }
    default:
      s = 2;
  }
  // Alternate names of towns are often historical or foreign ("Bozeman"
  // was once "Missouri"): they count less, except for big cities ("Bombay").
  if ((match & (kMatchPrimary | kMatchAbbrev | kMatchDemonym)) == 0) {
    if ((match & kMatchNoType) != 0) {
      s -= 0.3;
    } else {
      s -= p.place_class == kPlaceCity && p.population < 1000000 ? 2.5 : 1.0;
    }
  }
  return s;
}

struct Group {
  std::string key;
  std::span<const Candidate> cands;
  bool nationality = false;  // every mention is a demonym
  bool admin_hint = false;
  uint32_t mentions = 0;
  std::vector<uint32_t> context;  // candidates of ", X" names after mentions
  uint32_t best = kNoPlace;       // chosen place index
  uint32_t own_focus_country = kNoPlace;  // what this name adds to the focus
  double own_focus = 0;
  double best_score = 0;
  double second_score = -1e9;
};

}  // namespace

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  const double r = kPi / 180.0;
  const double dlat = (lat2 - lat1) * r;
  const double dlon = (lon2 - lon1) * r;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * r) * std::cos(lat2 * r) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

void PlaceResolver::Resolve(Document& doc, ResolverScratch& s) const {
  const size_t ntok = doc.tokens.size();
  if (ntok == 0) return;
  std::string_view text = doc.text;
  auto span_text = [&](uint32_t first, uint32_t last) {
    return text.substr(doc.tokens[first].begin,
                       doc.tokens[last - 1].end - doc.tokens[first].begin);
  };
  auto lower_is = [&](uint32_t i, auto& table) {
    return i < ntok && doc.tokens[i].kind == text::kWord &&
           InTable(table, TokenText(doc, i));
  };

  // 0. Organization and misc names that are places: a whole name the
  // gazetteer knows with a strong prior ("Edmonton needs ...", tagged ORG),
  // and a place name heading or ending an organization's name ("Kentucky
  // State Police", "Bank of Canada") — a nested place mention that tells
  // where the organization is.
  auto strong = [&](std::span<const Candidate> c) {
    if (c.empty() || (c.front().match & (kMatchPrimary | kMatchAbbrev)) == 0)
      return false;
    const PlaceRecord& p = gaz_.place(c.front().place);
    return p.place_class == kPlaceCountry || p.place_class == kPlaceAdmin1 ||
           p.place_class == kPlaceContinent ||
           (p.place_class == kPlaceCity && p.population >= 100000);
  };
  std::vector<EntityMention> added;
  for (EntityMention& e : doc.entities) {
    if (e.kind != kEntityOrganization && e.kind != kEntityMisc) continue;
    if (e.last_token > ntok || e.first_token >= e.last_token) continue;
    NormalizePlaceName(span_text(e.first_token, e.last_token), s.norm);
    if (strong(gaz_.Lookup(s.norm))) {
      e.kind = kEntityPlace;
      continue;
    }
    auto nest = [&](uint32_t first, uint32_t last) {
      added.push_back(MakeMention(doc, first, last, kEntityPlace));
    };
    const uint32_t n = e.last_token - e.first_token;
    bool found = false;
    for (uint32_t len = std::min<uint32_t>(3, n - 1); len >= 1 && !found;
         --len) {
      NormalizePlaceName(span_text(e.first_token, e.first_token + len), s.norm);
      if (strong(gaz_.Lookup(s.norm))) {
        nest(e.first_token, e.first_token + len);
        found = true;
      }
    }
    for (uint32_t k = e.first_token + 1; k + 1 < e.last_token && !found; ++k) {
      if (TokenText(doc, k) != "of") continue;
      NormalizePlaceName(span_text(k + 1, e.last_token), s.norm);
      if (strong(gaz_.Lookup(s.norm))) {
        nest(k + 1, e.last_token);
        found = true;
      }
    }
  }

  // Token -> covering entity, and token -> sentence start.
  std::vector<int32_t> covered(ntok, -1);
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    for (uint32_t t = doc.entities[e].first_token;
         t < doc.entities[e].last_token && t < ntok; ++t) {
      covered[t] = static_cast<int32_t>(e);
    }
  }
  std::vector<uint8_t> sentence_first(ntok, 0);
  std::vector<uint32_t> sentence_end(ntok, static_cast<uint32_t>(ntok));
  for (const Sentence& sent : doc.sentences) {
    if (sent.first_token < ntok) sentence_first[sent.first_token] = 1;
    for (uint32_t t = sent.first_token; t < sent.last_token && t < ntok; ++t)
      sentence_end[t] = sent.last_token;
  }

  // A locative cue right before token i: "in X", "outskirts of X".
  auto has_cue_before = [&](uint32_t i) {
    if (i == 0) return false;
    uint32_t p = i - 1;
    if (EqualsIgnoreCase(TokenText(doc, p), "the") && p > 0) --p;
    if (lower_is(p, kLocativeCues)) return true;
    if (EqualsIgnoreCase(TokenText(doc, p), "of") && p > 0 &&
        lower_is(p - 1, kLocativeCues))
      return true;
    return false;
  };

  // 1. Gazetteer-only mentions among tokens NER left untyped.
  const int max_words = std::min(6, std::max(1, gaz_.max_name_words()));
  if (options_.gazetteer_mentions) {
    for (uint32_t i = 0; i < ntok; ++i) {
      const Token& t = doc.tokens[i];
      if (covered[i] >= 0 || t.kind != text::kWord || !IsCapitalized(t))
        continue;
      const uint32_t limit = std::min<uint32_t>(
          sentence_end[i], i + static_cast<uint32_t>(max_words));
      uint32_t last = i;
      while (last < limit && covered[last] < 0 &&
             doc.tokens[last].kind == text::kWord)
        ++last;
      for (uint32_t end = last; end > i; --end) {
        if (!IsCapitalized(doc.tokens[end - 1])) continue;
        NormalizePlaceName(span_text(i, end), s.norm);
        if (s.norm.empty()) continue;
        std::span<const Candidate> cands = gaz_.Lookup(s.norm);
        if (cands.empty()) continue;
        if (end == i + 1 && InTable(kNotPlacesAlone, s.norm)) break;
        const Candidate& top = cands.front();
        const PlaceRecord& p = gaz_.place(top.place);
        const bool first = sentence_first[i] != 0;
        const bool propn = t.upos == kUposPropn;
        const bool cue = has_cue_before(i);
        bool accept = false;
        uint8_t kind = kEntityPlace;
        const bool admin_abbrev =
            (top.match & (kMatchAbbrev | kMatchPrimary)) == kMatchAbbrev &&
            p.place_class == kPlaceAdmin1;
        if (admin_abbrev) {
          // "Ky.", "Sask.", "Miss.": only as the state of an address or
          // dateline ("LONDON, Ky.") — alone they are titles and names.
          accept = end == i + 1 && i > 0 && TokenText(doc, i - 1) == "," &&
                   TokenText(doc, i).find('.') != std::string_view::npos;
        } else if ((top.match & kMatchDemonym) != 0 &&
                   (top.match & kMatchPrimary) == 0) {
          accept = t.upos == kUposAdj || propn || t.upos == kUposNoun;
          kind = kEntityNationality;
        } else if (p.place_class == kPlaceCountry ||
                   p.place_class == kPlaceContinent) {
          accept = !first || propn || cue;
        } else if (p.place_class == kPlaceAdmin1 ||
                   p.place_class == kPlaceAirport) {
          accept = cue || (propn && !first) || lower_is(end, kAdminTypeWords);
        } else if (p.place_class == kPlaceAdmin2 && end > i + 1) {
          accept = propn || cue;  // "Metcalfe County"
        } else {
          accept = cue && (propn || !first);
        }
        if (accept) {
          added.push_back(MakeMention(doc, i, end, kind));
          i = end - 1;
        }
        break;
      }
    }
  }
  if (!added.empty()) {
    doc.entities.insert(doc.entities.end(), added.begin(), added.end());
    std::stable_sort(doc.entities.begin(), doc.entities.end(),
                     [](const EntityMention& a, const EntityMention& b) {
                       return a.begin < b.begin;
                     });
  }

  // 2. Mentions and their distinct names.
  std::vector<Group> groups;
  std::unordered_map<std::string, uint32_t> group_of;
  s.mentions.clear();
  for (uint32_t e = 0; e < doc.entities.size(); ++e) {
    EntityMention& m = doc.entities[e];
    if (m.kind != kEntityPlace && m.kind != kEntityNationality) continue;
    if (m.last_token > ntok || m.first_token >= m.last_token) continue;
    const bool nationality = m.kind == kEntityNationality;
    bool admin_hint = false;
    NormalizePlaceName(span_text(m.first_token, m.last_token), s.norm);
    std::span<const Candidate> cands;
    // "X province": the name with its type word, else the name with a hint.
    if (!nationality && lower_is(m.last_token, kAdminTypeWords)) {
      admin_hint = true;
      NormalizePlaceName(span_text(m.first_token, m.last_token + 1), s.buf);
      cands = gaz_.Lookup(s.buf);
      if (!cands.empty()) s.norm = s.buf;
    }
    if (!nationality && m.first_token >= 2 &&
        EqualsIgnoreCase(TokenText(doc, m.first_token - 1), "of") &&
        lower_is(m.first_token - 2, kAdminTypeWords)) {
      admin_hint = true;
    }
    if (m.last_token - m.first_token == 1 && InTable(kNotPlacesAlone, s.norm)) {
      // "Christmas", "South": the tagger's place is no gazetteer place.
      m.kind = kEntityMisc;
      continue;
    }
    if (cands.empty()) cands = gaz_.Lookup(s.norm);
    if (cands.empty()) {
      // "the Netherlands", "Idlib Province" as one entity.
      std::string_view key = s.norm;
      if (key.starts_with("the ")) key.remove_prefix(4);
      size_t sp = key.rfind(' ');
      if (sp != std::string_view::npos &&
          InTable(kAdminTypeWords, key.substr(sp + 1))) {
        admin_hint = true;
        key = key.substr(0, sp);
      }
      if (key.size() != s.norm.size()) {
        s.buf.assign(key);
        s.norm = s.buf;
        cands = gaz_.Lookup(s.norm);
      }
    }
    if (cands.empty() && !nationality && m.last_token - m.first_token > 1 &&
        !InTable(kFacilityWords, TokenText(doc, m.last_token - 1))) {
      // "Western Canada", "Nazi Germany", "Toronto Saturday": the longest
      // known part names the place; the mention narrows to it.
      bool found = false;
      for (uint32_t len = m.last_token - m.first_token - 1; len >= 1 && !found;
           --len) {
        for (uint32_t a = m.last_token - len; a + 1 > m.first_token && !found;
             --a) {
          if (!IsCapitalized(doc.tokens[a])) continue;
          NormalizePlaceName(span_text(a, a + len), s.buf);
          if (len == 1 && InTable(kNotPlacesAlone, s.buf)) continue;
          std::span<const Candidate> part = gaz_.Lookup(s.buf);
          if (part.empty() || !strong(part)) continue;
          found = true;
          cands = part;
          s.norm = s.buf;
          m.first_token = a;
          m.last_token = a + len;
          m.begin = doc.tokens[a].begin;
          m.end = doc.tokens[a + len - 1].end;
        }
      }
    }
    if (s.norm.empty()) continue;
    auto [it, inserted] =
        group_of.try_emplace(s.norm, static_cast<uint32_t>(groups.size()));
    if (inserted) {
      Group g;
      g.key = s.norm;
      g.cands = cands.subspan(0, std::min(cands.size(), kMaxCandidates));
      g.nationality = nationality;
      groups.push_back(std::move(g));
    }
    Group& g = groups[it->second];
    g.nationality = g.nationality && nationality;
    g.admin_hint = g.admin_hint || admin_hint;
    ++g.mentions;
    // ", X" right after: "Mayadin, Deir ez-Zor province", "Aleppo, Syria".
    uint32_t after =
        m.last_token +
        (admin_hint && lower_is(m.last_token, kAdminTypeWords) ? 1 : 0);
    if (after + 1 < ntok && TokenText(doc, after) == "," &&
        IsCapitalized(doc.tokens[after + 1])) {
      uint32_t end = after + 1;
      const uint32_t stop = std::min<uint32_t>(
          sentence_end[after], after + 1 + static_cast<uint32_t>(max_words));
      while (end < stop && doc.tokens[end].kind == text::kWord &&
             (IsCapitalized(doc.tokens[end]) || end > after + 1)) {
        ++end;
      }
      for (; end > after + 1; --end) {
        NormalizePlaceName(span_text(after + 1, end), s.buf);
        std::span<const Candidate> ctx = gaz_.Lookup(s.buf);
        if (ctx.empty()) continue;
        for (size_t k = 0; k < ctx.size() && k < 8; ++k) {
          if ((ctx[k].match & kMatchDemonym) == 0)
            g.context.push_back(ctx[k].place);
        }
        break;
      }
    }
    s.mentions.push_back({e, it->second, admin_hint, kNoPlace});
  }
  if (groups.empty()) return;

  // 3. Focus countries: explicit country names and demonyms, by mentions.
  std::unordered_map<uint32_t, double> focus;  // country index -> weight
  double focus_total = 0;
  std::vector<uint32_t> tentative(groups.size(), kNoPlace);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    Group& g = groups[gi];
    double best = -1e9;
    for (const Candidate& c : g.cands) {
      double sc = PriorScore(gaz_.place(c.place), c.match);
      if (sc > best) {
        best = sc;
        tentative[gi] = c.place;
      }
    }
    if (tentative[gi] == kNoPlace) continue;
    const PlaceRecord& p = gaz_.place(tentative[gi]);
    uint32_t country =
        p.place_class == kPlaceCountry ? tentative[gi] : p.country_index;
    if (country == kNoPlace) continue;
    double w = p.place_class == kPlaceCountry ? 1.0 : 0.5;
    focus[country] += w * g.mentions;
    focus_total += w * g.mentions;
    g.own_focus_country = country;
    g.own_focus = w * g.mentions;
  }

  // Local places that could sit together: a candidate with a candidate of
  // another name within 50 km ("Edmonton" and "Enfield" in north London).
  auto is_local = [](const PlaceRecord& p) {
    return p.place_class == kPlaceCity || p.place_class == kPlaceAdmin2 ||
           p.place_class == kPlaceAirport;
  };
  constexpr size_t kNear = 8;
  std::vector<std::vector<uint8_t>> near(groups.size());
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const size_t n = std::min(kNear, groups[gi].cands.size());
    near[gi].assign(n, 0);
    for (size_t a = 0; a < n; ++a) {
      const PlaceRecord& p = gaz_.place(groups[gi].cands[a].place);
      if (!is_local(p)) continue;
      for (size_t gj = 0; gj < groups.size() && !near[gi][a]; ++gj) {
        if (gj == gi) continue;
        const size_t m = std::min(kNear, groups[gj].cands.size());
        for (size_t b = 0; b < m; ++b) {
          // Another name of the same place is no corroboration.
          if (groups[gj].cands[b].place == groups[gi].cands[a].place) continue;
          const PlaceRecord& q = gaz_.place(groups[gj].cands[b].place);
          if (!is_local(q) || std::abs(q.lat - p.lat) > 0.5f) continue;
          if (HaversineKm(p.lat, p.lon, q.lat, q.lon) < 50) {
            near[gi][a] = 1;
            break;
          }
        }
      }
    }
  }

  // 4. Score every candidate in context; two rounds, the second adds
  // closeness to the places chosen in the first.
  std::vector<const PlaceRecord*> chosen(groups.size(), nullptr);
  for (int round = 0; round < 2; ++round) {
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      Group& g = groups[gi];
      g.best = kNoPlace;
      g.best_score = -1e9;
      g.second_score = -1e9;
      const PlaceRecord* best_rec = nullptr;
      bool any_demonym = false;
      for (const Candidate& c : g.cands)
        any_demonym = any_demonym || (c.match & kMatchDemonym) != 0;
      for (size_t ci = 0; ci < g.cands.size(); ++ci) {
        const Candidate& c = g.cands[ci];
        if (g.nationality && any_demonym && (c.match & kMatchDemonym) == 0)
          continue;
        const PlaceRecord& p = gaz_.place(c.place);
        double sc = PriorScore(p, c.match);
        if (ci < near[gi].size() && near[gi][ci]) sc += 1.0;
        if (g.admin_hint &&
            (p.place_class == kPlaceAdmin1 || p.place_class == kPlaceAdmin2))
          sc += 4;
        // A unit named after its main city ("Latakia", "Aleppo", "Deir
        // ez-Zor") means the city unless a type word says otherwise.
        if (!g.admin_hint && p.place_class == kPlaceAdmin1) {
          for (const Candidate& o : g.cands) {
            const PlaceRecord& q = gaz_.place(o.place);
            if (q.place_class == kPlaceCity && q.admin1 == c.place &&
                q.population >= 10000 && q.population >= 0.3 * p.population) {
              sc -= 2;
              break;
            }
          }
        }
        const uint32_t country =
            p.place_class == kPlaceCountry ? c.place : p.country_index;
        if (focus_total > 0 && country != kNoPlace) {
          auto f = focus.find(country);
          // The focus other names give; a name does not vote for itself.
          double weight = f != focus.end() ? f->second : 0;
          double total = focus_total;
          if (g.own_focus_country != kNoPlace) total -= g.own_focus;
          if (country == g.own_focus_country) weight -= g.own_focus;
          if (weight > 1e-9 && total > 1e-9) {
            sc += 0.5 + (p.place_class == kPlaceCity ||
                                 p.place_class == kPlaceAdmin1 ||
                                 p.place_class == kPlaceCountry
                             ? 3.0
                             : 1.5) *
                            weight / total;
          }
        }
        for (uint32_t x : g.context) {
          if (x == p.admin1) {
            sc += 5;
            break;
          }
          if (x == p.country_index) {
            sc += 3;
            break;
          }
        }
        // Co-mentioned admin units: a place in an admin1 the document names,
        // and an admin1 that holds a place the document names.
        if (p.place_class != kPlaceCountry) {
          for (size_t gj = 0; gj < groups.size(); ++gj) {
            if (gj == gi || tentative[gj] == kNoPlace) continue;
            if (p.admin1 != kNoPlace && tentative[gj] == p.admin1) {
              sc += 2;
              break;
            }
            if (p.place_class == kPlaceAdmin1 &&
                gaz_.place(tentative[gj]).admin1 == c.place) {
              sc += 1;
              break;
            }
          }
        }
        if (round == 1 &&
            (p.place_class == kPlaceCity || p.place_class == kPlaceAdmin2 ||
             p.place_class == kPlaceAirport)) {
          double nearest = 1e9;
          for (size_t gj = 0; gj < groups.size(); ++gj) {
            const PlaceRecord* q = chosen[gj];
            if (gj == gi || q == nullptr || q == &p) continue;
            if (q->place_class != kPlaceCity &&
                q->place_class != kPlaceAdmin2 &&
                q->place_class != kPlaceAirport) {
              continue;
            }
            nearest =
                std::min(nearest, HaversineKm(p.lat, p.lon, q->lat, q->lon));
          }
          if (nearest < 50) {
            sc += 2.0;
          } else if (nearest < 150) {
            sc += 1.5;
          }
        }
        if (sc > g.best_score) {
          // The runner-up only counts when it is a different reading: far
          // away or in another country.
          if (best_rec != nullptr &&
              (best_rec->country[0] != p.country[0] ||
               best_rec->country[1] != p.country[1] ||
               HaversineKm(best_rec->lat, best_rec->lon, p.lat, p.lon) > 161)) {
            g.second_score = g.best_score;
          }
          g.best_score = sc;
          g.best = c.place;
          best_rec = &p;
        } else if (sc > g.second_score &&
                   (best_rec->country[0] != p.country[0] ||
                    best_rec->country[1] != p.country[1] ||
                    HaversineKm(best_rec->lat, best_rec->lon, p.lat, p.lon) >
                        161)) {
          g.second_score = sc;
        }
      }
      chosen[gi] = best_rec;
    }
  }

  // 5. Write the resolutions; capitals used as governments become actors.
  std::vector<int32_t> place_of_group(groups.size(), -1);
  for (const ResolverScratch::Mention& m : s.mentions) {
    Group& g = groups[m.group];
    EntityMention& e = doc.entities[m.entity];
    if (g.best != kNoPlace && e.kind == kEntityPlace) {
      const PlaceRecord& p = gaz_.place(g.best);
      std::string_view code(p.feature_code,
                            strnlen(p.feature_code, sizeof(p.feature_code)));
      if (code == "PPLC" && lower_is(e.last_token, kGovernmentVerbs) &&
          !has_cue_before(e.first_token)) {
        e.kind = kEntityOrganization;
        continue;
      }
    }
    if (g.best == kNoPlace && e.kind == kEntityNationality) continue;
    if (place_of_group[m.group] < 0) {
      PlaceRef ref;
      if (g.best != kNoPlace) {
        const PlaceRecord& p = gaz_.place(g.best);
        // Sure when the reading beats the others clearly and is a strong
        // place in itself (a village of 400 with no context is a guess).
        double conf = Sigmoid(g.best_score - 5.0);
        if (g.second_score > -1e8)
          conf = std::min(conf, Sigmoid(1.5 * (g.best_score - g.second_score)));
        // A small place in a country nothing else in the document points to,
        // while the document is about somewhere else ("Levant", a village in
        // Maine, in a report on Syria), is a guess.
        const uint32_t country =
            p.place_class == kPlaceCountry ? g.best : p.country_index;
        const bool small =
            (p.place_class == kPlaceCity || p.place_class == kPlaceAdmin1 ||
             p.place_class == kPlaceAdmin2) &&
            p.population < 20000;
        if (small && focus_total > 0) {
          auto f = focus.find(country);
          double others = f == focus.end() ? 0 : f->second;
          if (country == g.own_focus_country) others -= g.own_focus;
          if (others < 1e-9 && focus_total - g.own_focus > 1e-9) conf *= 0.3;
        }
        conf = std::clamp(conf, 0.05, 0.99);
        ref.confidence = static_cast<float>(conf);
        if (ref.confidence >= options_.min_confidence) {
          ref.geonames_id = p.geonames_id;
          ref.has_point = true;
          ref.lat = p.lat;
          ref.lon = p.lon;
          ref.name.assign(gaz_.Name(g.best));
          if (p.country[0] != '\0') ref.country.assign(p.country, 2);
          if (p.place_class == kPlaceAdmin1) {
            ref.admin1 = ref.name;
          } else if (p.admin1 != kNoPlace) {
            ref.admin1.assign(gaz_.Name(p.admin1));
          }
          ref.feature.push_back(p.feature_class);
          ref.feature.push_back('.');
          ref.feature.append(p.feature_code,
                             strnlen(p.feature_code, sizeof(p.feature_code)));
          ref.precision = PrecisionOf(p.place_class);
        }
      }
      place_of_group[m.group] = static_cast<int32_t>(doc.places.size());
      doc.places.push_back(std::move(ref));
    }
    e.place = place_of_group[m.group];
  }
}

}  // namespace sitrep::geo
