// Time expressions: recognition and normalization to TimeML TIMEX3 values.
//
// FindTimexes reads the tokens of a Document (text::ProcessText must have
// run; POS tags are used when the tag stage ran) and returns every time
// expression it finds, in text order, with
//   * its extent (tokens and bytes) and TimeML type: DATE, TIME, DURATION,
//     SET;
//   * its TimeML value: "2017-09-05", "2017-W36", "2017-04", "2015",
//     "2017-Q3", "2017-SU", "199" (the 1990s), "19" (the 1900s),
//     "2017-09-07TMO", "2017-09-07T22:00", "P3Y", "PT5H", "PXD",
//     "PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-WXX-4" (SET) ...;
//     empty when the expression is recognized but cannot be resolved (no
//     dateline for a relative one, an impossible date);
//   * for a resolved DATE/TIME, the interval it covers (start/end as
//     YYYY-MM-DD) and its precision, which is what the event record's
//     `date` object carries (../shared/docs/EVENT-RECORD.md), and the
//     anchor it was resolved from: the publication date, nothing (an
//     explicit date) or the reference time the narrative moved to.
//
// Anchoring. `dct` is the document's creation/publication date (YYYY-MM-DD,
// a longer ISO datetime is cut to its date; "" = unknown, then relative
// expressions get no value). Relative expressions resolve against it:
// "yesterday", "last month", "three years ago", "earlier this week" (the
// ISO week, 2017-W36), "in April" (the last April up to the DCT for a
// past-tense sentence, the next one for a future-tense one), "on Thursday"
// (the most recent Thursday on or before the DCT for a past-tense report,
// the next one for a future-tense one; tense from the preposition before
// the date — "since", "effective" — then the words of the sentence and,
// when tagged, its verbs: an infinitive has its own time, "is to"/"set
// to" look ahead, "had been scheduled to" looks back). "The following day", "the next day", "that
// day", "the same month", "a year earlier" resolve against the reference
// time: the last explicit date (or day-level date) the text mentioned.
//
// Ranges. "between 3 and 5 May", "from 3 to 5 May", "since 2014",
// "until June" are TimeML's separate expressions ("3", "5 May"; "2014");
// each Timex of such a range also carries range_start/range_end covering
// the whole span ("since 2014": 2014-01-01 .. DCT).
//
// Word tables (months, weekdays, number words, units, parts of day,
// seasons, holidays, fuzzy references, tense cues) are data in
// src/time/time_words.inc.
//
// Bad input never yields a wrong value: impossible dates ("32 September",
// "February 30"), years outside 1000-2999 written in digits, absurd counts
// ("the 10,000th year", 200-digit numbers) are either not recognized or
// recognized without a value.
//
// Thread-safety: pure functions over constant tables; call from any thread.
// Cost: linear in the number of tokens (each position tries a fixed set of
// patterns over at most ~12 following tokens).
#ifndef SITREP_TIME_TIMEX_H_
#define SITREP_TIME_TIMEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace sitrep::time {

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
// "DATE", "TIME", "DURATION", "SET".
const char* TimexTypeName(TimexType type);

// How exact a resolved date is (EVENT-RECORD.md date.precision).
enum class DatePrecision : uint8_t {
  kDay,
  kWeek,
  kMonth,
  kYear,
  kRange,
  kUnknown
};
// "day", "week", "month", "year", "range", "unknown".
const char* DatePrecisionName(DatePrecision precision);

// What a relative expression was resolved against.
enum class DateAnchor : uint8_t {
  kNone,       // not resolved, or not a date
  kExplicit,   // the expression names its date itself ("September 5, 2017")
  kPublished,  // the document's creation/publication date ("yesterday")
  kReference,  // the reference time of the narrative ("the following day")
};
// "", "explicit", "published", "previous-event".
const char* DateAnchorName(DateAnchor anchor);

struct Timex {
  uint32_t begin = 0;  // bytes [begin, end) into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // tokens [first_token, last_token)
  uint32_t last_token = 0;
  TimexType type = TimexType::kDate;
  std::string value;  // TimeML value; "" when unresolved
  std::string mod;    // TimeML mod: START, MID, END, APPROX, MORE_THAN, ...
  // DATE/TIME with a calendar value: the interval covered, YYYY-MM-DD.
  std::string start;
  std::string end_date;
  DatePrecision precision = DatePrecision::kUnknown;
  DateAnchor anchor = DateAnchor::kNone;
  // Part of a range ("between 3 and 5 May", "since 2014"): the whole span.
  std::string range_start;
  std::string range_end;
};

// Finds and normalizes the time expressions of `doc` (tokens and sentences
// filled by text::ProcessText). `dct` is "YYYY-MM-DD" (longer ISO strings
// are cut) or "" when unknown. Results are in text order, non-overlapping.
std::vector<Timex> FindTimexes(const Document& doc, std::string_view dct);

// The interval a calendar TimeML value covers: "2017-W36" -> 2017-09-04 ..
// 2017-09-10, week; "199" -> 1990-01-01 .. 1999-12-31, range. nullopt for
// values that are not on the calendar (durations, PRESENT_REF, XXXX-...).
struct DateInterval {
  std::string start, end;
  DatePrecision precision = DatePrecision::kUnknown;
};
std::optional<DateInterval> IntervalOfValue(std::string_view value);

}  // namespace sitrep::time

#endif  // SITREP_TIME_TIMEX_H_
