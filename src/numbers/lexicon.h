// Internal to the numbers stage: the word tables (*.inc) and their lookups.
//
// Tables are compiled in; each is indexed once, on first use, into an
// immutable map from a phrase's first word to its entries (longest first).
// Lookups take lowercased tokens (Words) and are thread-safe.
#ifndef SITREP_NUMBERS_LEXICON_H_
#define SITREP_NUMBERS_LEXICON_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "numbers/numbers.h"

namespace sitrep::numbers::lex {

enum class NumberWordClass : uint8_t {
  kDigitWord,
  kTeen,
  kTens,
  kHundred,
  kScale,
  kDozen,
  kVague
};
struct NumberWord {
  std::string_view word;
  int64_t value;
  NumberWordClass cls;
};

// Which bounds a qualifier makes of its number.
enum Bound : uint8_t { kBoundNone, kBoundMin, kBoundMax, kBoundBoth };
struct QualifierPhrase {
  std::string_view phrase;
  Qualifier qualifier;
  bool before;  // precedes the number
  Bound bound;
};

struct UnitPhrase {
  std::string_view phrase;
  NumberUse use;
  bool before;  // precedes the number (US$, Rs)
};

enum CasualtyRole : uint8_t {
  kAfter = 1,
  kBefore = 2,
  kNoun = 4,
  kCount = 8,
  kToll = 16,
  kPeople = 32,  // not a role: the word needs a count of known people
};
struct CasualtyPhrase {
  std::string_view phrase;
  CasualtyKind kind;
  uint8_t roles;
};

struct VictimNoun {
  std::string_view phrase;
  std::string_view sector;
  bool singular;
};

// Lowercased surfaces of a document's tokens (ASCII case folded, ’ → ').
// Index past the end gives "".
class Words {
 public:
  explicit Words(const Document& doc);
  std::string_view operator[](size_t i) const {
    return i < lower_.size() ? std::string_view(lower_[i]) : std::string_view();
  }
  size_t size() const { return lower_.size(); }

 private:
  std::vector<std::string> lower_;
};

template <typename E>
struct Match {
  const E* entry = nullptr;
  uint32_t tokens = 0;  // tokens matched; 0 = no match
  explicit operator bool() const { return entry != nullptr; }
};

// Longest phrase starting at token i that ends at or before `limit`.
Match<QualifierPhrase> MatchQualifier(const Words& w, uint32_t i,
                                      uint32_t limit, bool before);
Match<UnitPhrase> MatchUnit(const Words& w, uint32_t i, uint32_t limit,
                            bool before);
// Longest unit phrase ending right before token `end` (at or after `floor`).
Match<UnitPhrase> MatchUnitBefore(const Words& w, uint32_t end, uint32_t floor);
// Casualty phrases having any of the roles in `roles`.
Match<CasualtyPhrase> MatchCasualty(const Words& w, uint32_t i, uint32_t limit,
                                    uint8_t roles);
Match<VictimNoun> MatchVictim(const Words& w, uint32_t i, uint32_t limit);

// Phrase lists of context.inc; each returns the tokens matched at i (0: none).
uint32_t MatchIncluding(const Words& w, uint32_t i, uint32_t limit);
uint32_t MatchConjunction(const Words& w, uint32_t i, uint32_t limit);
uint32_t MatchAgeCue(const Words& w, uint32_t i, uint32_t limit);

// The tables themselves, for exhaustive tests.
std::span<const NumberWord> NumberWords();
std::span<const QualifierPhrase> QualifierPhrases();
std::span<const UnitPhrase> UnitPhrases();
std::span<const CasualtyPhrase> CasualtyPhrases();
std::span<const VictimNoun> VictimNouns();

// Single lowercase words.
const NumberWord* FindNumberWord(std::string_view w);
const UnitPhrase* FindUnitWord(std::string_view w);  // after-number units
bool IsOrdinalWord(std::string_view w);
bool IsMonth(std::string_view w);
bool IsLabelWord(std::string_view w);
bool IsPhoneCue(std::string_view w);
bool IsVerbGroupWord(std::string_view w);
bool IsLivesVerb(std::string_view w);
bool IsNonPerson(std::string_view w);
bool IsWeekday(std::string_view w);
bool IsPhraseStop(std::string_view w);
bool IsPlacePreposition(std::string_view w);
bool IsTollFiller(std::string_view w);
bool IsBodyVerb(std::string_view w);
bool IsNameParticle(std::string_view w);
bool IsGroupNoun(std::string_view w);
bool IsModal(std::string_view w);

}  // namespace sitrep::numbers::lex

#endif  // SITREP_NUMBERS_LEXICON_H_
