// Date and datetime normalization for document metadata and datelines.
//
// NormalizeDate turns the date strings found in metadata (JSONL fields, WARC
// headers, HTML meta tags) and in datelines into ISO-8601:
//
//   "YYYY-MM-DD"                      no time given
//   "YYYY-MM-DDTHH:MM" / "...:SS"     time given (seconds only when given;
//                                     fractions of a second are dropped)
//   + "Z" or "+HH:MM" / "-HH:MM"      only when a zone is given; a zero
//                                     offset is always written "Z"
//
// Accepted forms (case-insensitive words, any mix of spaces, NBSP and the
// punctuation shown):
//   ISO 8601      2017-09-08, 2017-9-8, 2017/09/08, 2017.09.08, 20170908,
//                 2017-09-08T06:02:00Z, 2017-09-08T06:02:00.000+03:00,
//                 2017-09-08 06:02, 20170908T060200Z
//   RFC 1123/2822 Fri, 08 Sep 2017 06:02:00 GMT; 08 Sep 2017 06:02:00 +0000
//                 (WARC-Date is ISO 8601)
//   asctime       Fri Sep  8 06:02:00 2017
//   D Month Y     8 Sep, 2017 06:02; 8 September 2017; 8th of Sept. 2017;
//                 08-Sep-2017
//   Month D Y     September 8, 2017; Sept. 8, 2017; Sep 8 2017; Sep 8th, 2017
//   D Month, Month D   (no year: needs a reference year, see below)
//   numeric D/M/Y or M/D/Y with '/', '-' or '.': only when unambiguous
//                 (13/09/2017, 09/13/2017, 08/08/2017); 08/09/2017 is refused
//   weekday       optional in front of any form ("Friday, September 8, 2017");
//                 it must agree with the date
//   time          06:02, 6:02:00, 06.02 (after a date), 6:02 AM, 6 p.m.,
//                 introduced by nothing, ",", "at", "@", "-", "|" or ISO "T";
//                 a time may also come first: "6:02 AM ET, Fri Sep 8, 2017"
//   zone          Z, UTC, GMT, UT, UTC+3, GMT+03:00, +0300, +03:00, -05:00,
//                 "(EDT)", "+0000 (UTC)", and the names in the table below
//
// Zone names (fixed offsets):
//   UTC GMT UT Z WET 0        BST WEST CET +1     CEST EET SAST +2
//   EEST MSK TRT AST(Arabia) +3   GST(Gulf) +4    PKT +5    IST(India) +5:30
//   ICT WIB +7   HKT SGT AWST +8   JST KST +9   AEST +10   AEDT +11
//   NZST +12   NZDT +13   EDT -4   EST CDT -5   CST MDT -6   MST PDT -7
//   PST AKDT -8   AKST -9   HST -10
// Ambiguous abbreviations are read the way English-language news uses them
// most: CST = US Central, IST = India, AST = Arabia, BST = British Summer.
// Generic US zones ET, CT, MT, PT take daylight saving time from the date
// and time (US rules of 2007+, 1987-2006 and 1967-1986; standard before 1967).
//
// Rejected (nullopt, reason in *why_not): impossible dates ("day 30 does not
// exist in February 2017"), month 13, hour 25, minute 60, years outside
// 1800-2100, AM/PM on hour 0 or >12, a weekday that disagrees with the date,
// a date without a year and no reference year, ambiguous numeric dates, two-
// digit years, a time without a date ("6:02 a.m. ET"), unix epoch numbers,
// trailing text.
//
// Thread-safety: pure functions over constant tables; call from any thread.
// Cost: at most kMaxDateBytes bytes are parsed (plus a skip over surrounding
// whitespace); no heap allocation beyond the result and the reason string,
// which is only built when why_not is given.
#ifndef SITREP_INGEST_DATES_H_
#define SITREP_INGEST_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep::ingest {

// Longest date expression looked at, in bytes. Longer inputs are refused by
// NormalizeDate; ScanDate ignores what lies beyond.
inline constexpr size_t kMaxDateBytes = 128;

// Years outside this range are refused as not a news date.
inline constexpr int kMinDateYear = 1800;
inline constexpr int kMaxDateYear = 2100;

// Parses all of `s` (leading/trailing whitespace and one trailing '.'
// allowed) as a date or datetime and returns its ISO-8601 form, or nullopt
// with a one-sentence reason in *why_not (when why_not is not null).
std::optional<std::string> NormalizeDate(std::string_view s,
                                         std::string* why_not = nullptr);

// Same, with a year to use when the string has none ("Sept 8" with 2017 ->
// "2017-09-08"). A year in the string always wins. With nullopt it behaves
// like the overload above.
std::optional<std::string> NormalizeDate(std::string_view s,
                                         std::optional<int> reference_year,
                                         std::string* why_not = nullptr);

// A date expression found at the start of a string by ScanDate.
struct DateScan {
  size_t length = 0;      // bytes of the input it covers (0: no date there),
                          // including leading whitespace
  bool has_year = false;  // the expression itself carries a year
  bool has_time = false;
  std::optional<std::string> iso;  // as NormalizeDate would return it
  std::string why_not;             // set when iso is empty and length > 0
};

// Finds the longest date expression (any form above) starting at the
// beginning of `s`, after optional whitespace, and reports how far it goes;
// the rest of `s` is not looked at ("Sep 8 2017 — Syrian forces..." gives
// length 10). A structurally complete but invalid date ("Feb 30, 2017") has
// length > 0 and no iso. Used for datelines.
DateScan ScanDate(std::string_view s,
                  std::optional<int> reference_year = std::nullopt);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_DATES_H_
