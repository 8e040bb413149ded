// The numbers stage: number expressions and casualty counts.
//
// FindNumbers reads every number expression of a tokenized document —
// digits with separators (3,000 1.5 1.13bn), number words (forty,
// twenty-one, a dozen, two thousand five hundred), vague quantities
// (dozens, scores, hundreds, tens of thousands, several), ranges (20 to 30,
// 20-30, between 20 and 30), qualifiers (some, about, nearly, up to, at
// least, more than, as many as, 40 or more) — and says what each one
// measures (NumberUse). Only a kCount can be a number of people: money,
// distances, durations, ages, calibres and model numbers, years, times,
// dates, percentages, votes, phone numbers, ordinals and labels never are.
//
// FindCasualties reads casualty frames — killed, dead, death toll, bodies
// found, wounded/injured, abducted/kidnapped, arrested/detained, missing —
// with the count, its qualifier, who was hit and the exact source span, in
// the shape of EVENT-RECORD.md's `fatalities`/`injured` objects. Counted
// phrases joined by "and" add up ("two soldiers and three civilians" = 5);
// parts named after "including" do not ("killing 6 civilians, including 2
// women" = 6, the 2 kept as a part).
//
// Needs: doc.tokens and doc.sentences (text::ProcessText). Uses UPOS tags
// and entity mentions when the tag stage ran (doc.tagged) to name the
// victims' group ("at least 40 IS members") and to tell ages from counts;
// without them it works from the words alone.
//
// Contract: every span is [begin, end) bytes into doc.text and every `text`
// equals doc.text.substr(begin, end - begin). A number that cannot be read
// exactly (200 digits, 10^16, "1,00,0") has no value rather than a wrong
// one; casualty counts above kMaxCasualtyCount are dropped.
//
// Thread-safety: pure functions over a const Document; the word tables are
// immutable (built once, on first use, by a thread-safe static). Cost:
// linear in the number of tokens (every window is bounded).
#ifndef SITREP_NUMBERS_NUMBERS_H_
#define SITREP_NUMBERS_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace sitrep::numbers {

// EVENT-RECORD.md fatalities.qualifier.
enum class Qualifier : uint8_t { kExactly, kAbout, kAtLeast, kUpTo, kRange };
// "exactly", "about", "at_least", "up_to", "range".
const char* QualifierName(Qualifier q);

// What a number expression measures.
enum class NumberUse : uint8_t {
  kCount,     // a number of people or things: may be a casualty count
  kMoney,     // $5 million, 3 million dollars, US$3m
  kDistance,  // 20 kilometers, 600m
  kDuration,  // three years, three-year-long, 10-day
  kAge,       // Smith, 19, / 19-year-old / aged 19
  kModel,     // Su-34, T-72, 120mm, 7.62mm, .50 calibre
  kYear,      // 2015, 1990s
  kTime,      // 06:02, 5 p.m.
  kDate,      // September 5, 5 September, 2017-09-08, 9/11
  kPercent,   // 76%, 40 percent
  kVote,      // 12 votes, voted 13-0, 12 to 3
  kPhone,     // +44 20 7946 0958, 555-1234
  kOrdinal,   // 5th, third
  kMeasure,   // 40 tonnes, 5 degrees, other units
  kLabel,     // Resolution 2254, Flight 17, No. 5, Boeing 737
  kOther,     // a number that modifies a noun (five-member) or is unreadable
};
// "count", "money", "distance", ...
const char* NumberUseName(NumberUse u);

struct NumberExpr {
  uint32_t begin = 0;  // bytes of the whole expression, qualifier included
  uint32_t end = 0;
  uint32_t first_token = 0;  // [first_token, last_token)
  uint32_t last_token = 0;
  bool has_value = false;      // false: unreadable or too large; value is 0
  double value = 0;            // the number (the lower end of a range)
  std::optional<double> high;  // the upper end of a range
  Qualifier qualifier = Qualifier::kExactly;
  // The number is also a bound: "nearly 40" (max 40), "more than 40" (min).
  bool bound_min = true;
  bool bound_max = true;
  bool vague = false;  // dozens, hundreds, several: value is the least meant
  NumberUse use = NumberUse::kCount;
};

// A count in the shape of EVENT-RECORD.md's fatalities object.
struct Count {
  int64_t best = 0;
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  Qualifier qualifier = Qualifier::kExactly;
  uint32_t begin = 0;  // "at least 40 IS members"
  uint32_t end = 0;
  std::string text;
};

enum class CasualtyKind : uint8_t {
  kKilled,
  kInjured,
  kAbducted,
  kArrested,
  kMissing
};
// "killed", "injured", "abducted", "arrested", "missing".
const char* CasualtyKindName(CasualtyKind k);

struct Casualty {
  CasualtyKind kind = CasualtyKind::kKilled;
  Count count;  // best/min/max/qualifier; text = the counted phrase
  // Who was hit: the counted noun phrase after the number ("IS members"),
  // empty when the text names nobody ("killing 40").
  std::string victim;
  uint32_t victim_begin = 0;
  uint32_t victim_end = 0;
  // EVENT-RECORD.md sector of the victims' noun (civilian, military, police,
  // insurgent, ...), "unknown" when the noun does not say.
  std::string victim_type = "unknown";
  // Named group or nationality inside the counted phrase ("Islamic State",
  // "IS", "Syrian"); empty when none.
  std::string group;
  // The casualty word ("killed", "death toll", "bodies").
  uint32_t trigger_begin = 0;
  uint32_t trigger_end = 0;
  std::string trigger;
  // Parts named after "including"/"among them": already in `count`.
  std::vector<Count> including;
  uint32_t sentence = 0;  // index into doc.sentences
};

// Casualty counts above this are not credible and are dropped.
inline constexpr int64_t kMaxCasualtyCount = 100'000'000;

// Every number expression of the document, in text order.
std::vector<NumberExpr> FindNumbers(const Document& doc);

// Every casualty frame with a count, in text order.
std::vector<Casualty> FindCasualties(const Document& doc);

// The count a number expression states: best/min/max per its qualifier.
// nullopt when it has no value, is not a whole number, is negative or is
// above kMaxCasualtyCount. `text`/offsets are left empty.
std::optional<Count> ToCount(const NumberExpr& n);

}  // namespace sitrep::numbers

#endif  // SITREP_NUMBERS_NUMBERS_H_
