// Internal to the numbers stage: what FindCasualties shares with
// FindNumbers.
#ifndef SITREP_NUMBERS_INTERNAL_H_
#define SITREP_NUMBERS_INTERNAL_H_

#include <vector>

#include "core/document.h"
#include "numbers/lexicon.h"
#include "numbers/numbers.h"
#include "text/text.h"

namespace sitrep::numbers::internal {

// A document with the lookups the stage needs per token.
struct DocView {
  explicit DocView(const Document& d)
      : doc(d), words(d), entity(d.tokens.size(), -1) {
    for (size_t k = 0; k < d.entities.size(); ++k) {
      const EntityMention& m = d.entities[k];
      for (uint32_t t = m.first_token; t < m.last_token && t < entity.size();
           ++t) {
        if (entity[t] < 0) entity[t] = static_cast<int32_t>(k);
      }
    }
  }
  const EntityMention* EntityAt(uint32_t t) const {
    return t < entity.size() && entity[t] >= 0
               ? &doc.entities[static_cast<size_t>(entity[t])]
               : nullptr;
  }

  const Document& doc;
  lex::Words words;             // lowercased tokens
  std::vector<int32_t> entity;  // per token: index into doc.entities, or -1
};

// The lowercased words of one sentence: indexes outside it read "", so
// that no pattern reaches into a neighbouring sentence.
struct SentenceWords {
  const lex::Words& words;
  uint32_t first;
  uint32_t last;
  std::string_view operator[](size_t i) const {
    return i >= first && i < last ? words[i] : std::string_view();
  }
  operator const lex::Words&() const { return words; }  // for bounded lookups
};

// Appends the number expressions of sentence `s`, in order.
void FindInSentence(const DocView& view, const Sentence& s,
                    std::vector<NumberExpr>* out);

// True when token t of the document is a capitalized word.
inline bool IsCapitalized(const Document& doc, uint32_t t) {
  return t < doc.tokens.size() &&
         (doc.tokens[t].flags & text::kCapitalized) != 0;
}

}  // namespace sitrep::numbers::internal

#endif  // SITREP_NUMBERS_INTERNAL_H_
