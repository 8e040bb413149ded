#include "tag/acronyms.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "core/strings.h"

namespace sitrep::tag {

namespace {

// 2-6 capital letters (digits allowed after the first): "IS", "SDF", "M23".
bool IsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 6 || !IsAsciiUpper(w[0])) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiUpper(c) || IsAsciiDigit(c); });
}

bool IsPossessive(std::string_view w) { return w == "'s" || w == "\xE2\x80\x99s"; }

}  // namespace

void TagDefinedAcronyms(Document& doc) {
  const std::string_view text = doc.text;
  auto word = [&](uint32_t t) {
    const Token& tok = doc.tokens[t];
    return text.substr(tok.begin, tok.end - tok.begin);
  };
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  // Definitions: entity [’s] ( ACRONYM
  std::vector<std::pair<std::string_view, uint8_t>> defined;
  for (const EntityMention& e : doc.entities) {
    uint32_t t = e.last_token;
    if (t < n && IsPossessive(word(t))) ++t;
    if (t + 1 < n && word(t) == "(" && IsAcronym(word(t + 1))) {
      defined.emplace_back(word(t + 1), e.kind);
    }
  }
  if (defined.empty()) return;
  std::vector<bool> covered(n, false);
  for (const EntityMention& e : doc.entities) {
    for (uint32_t t = e.first_token; t < e.last_token && t < n; ++t) covered[t] = true;
  }
  std::vector<EntityMention> added;
  for (uint32_t t = 0; t < n; ++t) {
    if (covered[t]) continue;
    std::string_view w = word(t);
    for (const auto& [acronym, kind] : defined) {
      if (w != acronym) continue;
      EntityMention m;
      m.first_token = t;
      m.last_token = t + 1;
      m.begin = doc.tokens[t].begin;
      m.end = doc.tokens[t].end;
      m.kind = kind;
      added.push_back(m);
      break;
    }
  }
  if (added.empty()) return;
  doc.entities.insert(doc.entities.end(), added.begin(), added.end());
  std::sort(doc.entities.begin(), doc.entities.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.first_token < b.first_token; });
}

}  // namespace sitrep::tag
