#include "tag/entity_rules.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"

namespace sitrep::tag {

namespace {

#include "tag/entity_heads.inc"

template <size_t N>
bool InTable(std::string_view w, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return IsAsciiUpper(w[0]) || c >= 0xC3;  // non-ASCII letters count as name-like
}

// "al-Shimali", "ez-Zor", "Al-Jarba": a particle, a hyphen, a capital.
bool IsParticleName(std::string_view w) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size()) return false;
  std::string particle(w.substr(0, dash));
  particle[0] = AsciiLower(particle[0]);
  return InTable(particle, kNameParticles) && StartsUpper(w.substr(dash + 1));
}

bool IsLowerParticleName(std::string_view w) {
  return IsParticleName(w) && IsAsciiLower(w[0]);
}

bool IsHead(std::string_view w) {
  return InTable(w, kPlaceHeads) || InTable(w, kOrganizationHeads);
}

// "Abu", "Abu-Muhammad", "Ibn": opens a personal name.
bool IsPersonOpener(std::string_view w) {
  size_t dash = w.find('-');
  std::string_view head = dash == std::string_view::npos ? w : w.substr(0, dash);
  if (!InTable(head, kPersonNameOpeners)) return false;
  return dash == std::string_view::npos || StartsUpper(w.substr(dash + 1));
}

int KindRank(uint8_t kind) {
  switch (kind) {
    case kEntityPerson: return 4;
    case kEntityPlace: return 3;
    case kEntityOrganization: return 2;
    case kEntityNationality: return 1;
    default: return 0;
  }
}

struct View {
  const Document& doc;
  std::string_view Word(uint32_t t) const {
    const Token& tok = doc.tokens[t];
    return std::string_view(doc.text).substr(tok.begin, tok.end - tok.begin);
  }
};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

void SetBytes(const Document& doc, EntityMention& e) {
  e.begin = doc.tokens[e.first_token].begin;
  e.end = doc.tokens[e.last_token - 1].end;
}

}  // namespace

void RepairEntities(Document& doc) {
  if (doc.tokens.empty()) return;
  View v{doc};
  // 0. Function words never start a name: strip them; drop emptied spans.
  {
    size_t kept = 0;
    for (EntityMention e : doc.entities) {
      while (e.first_token < e.last_token && InTable(v.Word(e.first_token), kNeverNameStart)) {
        ++e.first_token;
      }
      if (e.first_token == e.last_token) continue;
      SetBytes(doc, e);
      doc.entities[kept++] = e;
    }
    doc.entities.resize(kept);
  }
  std::vector<uint32_t> sentence_of(doc.tokens.size(), 0);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    for (uint32_t t = doc.sentences[s].first_token; t < doc.sentences[s].last_token; ++t) {
      sentence_of[t] = s;
    }
  }
  auto same_sentence = [&](uint32_t a, uint32_t b) { return sentence_of[a] == sentence_of[b]; };

  // 1. Hyphenated particles join the name before them.
  std::vector<EntityMention> out;
  out.reserve(doc.entities.size());
  std::vector<uint32_t> created;  // first tokens of spans made here, not by the tagger
  size_t next = 0;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t t = 0; t < n; ++t) {
    // Copy spans that start before t.
    while (next < doc.entities.size() && doc.entities[next].first_token < t) {
      out.push_back(doc.entities[next++]);
    }
    if (!IsParticleName(v.Word(t)) || t == 0 || !same_sentence(t - 1, t)) continue;
    if (!out.empty() && out.back().last_token > t) continue;  // already inside a name
    bool prev_in_span = !out.empty() && out.back().last_token == t;
    bool starts_span = next < doc.entities.size() && doc.entities[next].first_token == t;
    if (prev_in_span && starts_span) {
      // "Abu-Muhammad" + "al-Shimali": one name.
      EntityMention& a = out.back();
      const EntityMention& b = doc.entities[next++];
      if (KindRank(b.kind) > KindRank(a.kind)) a.kind = b.kind;
      a.last_token = b.last_token;
      SetBytes(doc, a);
    } else if (prev_in_span && IsLowerParticleName(v.Word(t))) {
      out.back().last_token = t + 1;
      SetBytes(doc, out.back());
    } else if (!starts_span && IsLowerParticleName(v.Word(t)) &&
               StartsUpper(v.Word(t - 1))) {
      EntityMention m;
      m.first_token = t - 1;
      m.last_token = t + 1;
      m.kind = kEntityMisc;
      SetBytes(doc, m);
      out.push_back(m);
      created.push_back(m.first_token);
    } else if (starts_span && IsLowerParticleName(v.Word(t)) && StartsUpper(v.Word(t - 1)) &&
               (out.empty() || out.back().last_token < t)) {
      // "Deir" untagged + "ez-Zor …" tagged: the name starts one earlier.
      EntityMention m = doc.entities[next++];
      m.first_token = t - 1;
      SetBytes(doc, m);
      out.push_back(m);
    }
  }
  while (next < doc.entities.size()) out.push_back(doc.entities[next++]);
  doc.entities.swap(out);

  // 2a. A name followed by up to three capitalized words ending in a head
  // word is one name: "Khmeimim" + "Air" + "Base".
  out.clear();
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    EntityMention e = doc.entities[i];
    uint32_t head_end = 0;
    for (uint32_t j = e.last_token; j < n && j < e.last_token + 3 && same_sentence(j, e.first_token);
         ++j) {
      std::string_view w = v.Word(j);
      if (!StartsUpper(w)) break;
      if (IsHead(w)) head_end = j + 1;
    }
    if (head_end > 0) {
      // Swallow the spans inside the extension.
      while (i + 1 < doc.entities.size() && doc.entities[i + 1].first_token < head_end) {
        head_end = std::max(head_end, doc.entities[i + 1].last_token);
        ++i;
      }
      e.last_token = head_end;
      SetBytes(doc, e);
    }
    out.push_back(e);
  }
  doc.entities.swap(out);

  // 2 and 3. Head words and name openers fix the kind.
  for (EntityMention& e : doc.entities) {
    if (e.last_token - e.first_token >= 2 && InTable(v.Word(e.first_token), kEventOpeners)) {
      e.kind = kEntityMisc;
      continue;
    }
    if (e.last_token - e.first_token >= 2) {
      std::string_view head = v.Word(e.last_token - 1);
      if (InTable(head, kPlaceHeads)) {
        e.kind = kEntityPlace;
        continue;
      }
      if (InTable(head, kOrganizationHeads)) {
        e.kind = kEntityOrganization;
        continue;
      }
    }
    if (IsPersonOpener(v.Word(e.first_token)) &&
        (e.last_token - e.first_token >= 2 || v.Word(e.first_token).find('-') != std::string_view::npos)) {
      e.kind = kEntityPerson;
      continue;
    }
    // A multi-word name the tagger called "misc" whose later part is a
    // particle name ("Tirad Al-Jarba") is a personal name: CoNLL's MISC
    // (events, works, adjectives) has no such names. Spans made by rule 1
    // from untagged words are left alone: those are as often places.
    if (e.kind == kEntityMisc && e.last_token - e.first_token >= 2 &&
        std::find(created.begin(), created.end(), e.first_token) == created.end()) {
      for (uint32_t t = e.first_token + 1; t < e.last_token; ++t) {
        if (IsParticleName(v.Word(t))) {
          e.kind = kEntityPerson;
          break;
        }
      }
    }
  }

  // 4. Later mentions of a person: the full name or its last part.
  std::vector<std::string> person_names;
  for (const EntityMention& e : doc.entities) {
    if (e.kind != kEntityPerson) continue;
    person_names.push_back(LowerAscii(std::string_view(doc.text).substr(e.begin, e.end - e.begin)));
    if (e.last_token - e.first_token >= 2) {
      std::string_view last = v.Word(e.last_token - 1);
      if (last.size() >= 4) person_names.push_back(LowerAscii(last));
    }
  }
  if (person_names.empty()) return;
  std::sort(person_names.begin(), person_names.end());
  person_names.erase(std::unique(person_names.begin(), person_names.end()), person_names.end());
  auto is_person_name = [&](std::string_view s) {
    return std::binary_search(person_names.begin(), person_names.end(), LowerAscii(s));
  };
  for (EntityMention& e : doc.entities) {
    if (e.kind == kEntityPerson || e.kind == kEntityNationality) continue;
    if (is_person_name(std::string_view(doc.text).substr(e.begin, e.end - e.begin))) {
      e.kind = kEntityPerson;
    }
  }
  // Untagged single tokens equal to a known person's last name.
  out.clear();
  next = 0;
  for (uint32_t t = 0; t < n; ++t) {
    bool covered = false;
    while (next < doc.entities.size() && doc.entities[next].last_token <= t) {
      out.push_back(doc.entities[next++]);
    }
    if (next < doc.entities.size() && doc.entities[next].first_token <= t) covered = true;
    std::string_view w = v.Word(t);
    if (covered || w.size() < 4 || !(StartsUpper(w) || IsParticleName(w))) continue;
    if (!is_person_name(w)) continue;
    EntityMention m;
    m.first_token = t;
    m.last_token = t + 1;
    m.kind = kEntityPerson;
    SetBytes(doc, m);
    out.push_back(m);
  }
  while (next < doc.entities.size()) out.push_back(doc.entities[next++]);
  doc.entities.swap(out);
}

}  // namespace sitrep::tag
