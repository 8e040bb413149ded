#include "ingest/dates.h"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace sitrep::ingest {
namespace {

struct Accepted {
  const char* input;
  const char* expected;
};

constexpr Accepted kAccepted[] = {
    // ISO 8601 and WARC-Date.
    {"2017-09-08", "2017-09-08"},
    {"2017-9-8", "2017-09-08"},
    {"2017/09/08", "2017-09-08"},
    {"2017.09.08", "2017-09-08"},
    {"20170908", "2017-09-08"},
    {"2017-09-08T06:02:00Z", "2017-09-08T06:02:00Z"},
    {"2017-09-08T06:02Z", "2017-09-08T06:02Z"},
    {"2017-09-08T06:02:00.000+03:00", "2017-09-08T06:02:00+03:00"},
    {"2017-09-08T06:02:00,5+0300", "2017-09-08T06:02:00+03:00"},
    {"2017-09-08T06:02:00-05:00", "2017-09-08T06:02:00-05:00"},
    {"2017-09-08T06:02:00+00:00", "2017-09-08T06:02:00Z"},
    {"2017-09-08 06:02", "2017-09-08T06:02"},
    {"2017-09-08 06:02:59", "2017-09-08T06:02:59"},
    {"20170908T060200Z", "2017-09-08T06:02:00Z"},
    {"20170908T0602", "2017-09-08T06:02"},
    {"  2017-09-08\t", "2017-09-08"},
    {"\xC2\xA0"
     "2017-09-08"
     "\xC2\xA0",
     "2017-09-08"},
    // RFC 1123 / 2822 / asctime.
    {"Fri, 08 Sep 2017 06:02:00 GMT", "2017-09-08T06:02:00Z"},
    {"08 Sep 2017 06:02:00 +0000", "2017-09-08T06:02:00Z"},
    {"Fri, 8 Sep 2017 06:02:00 -0400", "2017-09-08T06:02:00-04:00"},
    {"Fri, 08 Sep 2017 06:02:00 UT", "2017-09-08T06:02:00Z"},
    {"Fri, 08 Sep 2017 06:02:00 +0000 (UTC)", "2017-09-08T06:02:00Z"},
    {"2017-09-08 06:02:00 +0300 MSK", "2017-09-08T06:02:00+03:00"},
    {"Fri Sep  8 06:02:00 2017", "2017-09-08T06:02:00"},
    // Day Month Year.
    {"8 Sep, 2017 06:02", "2017-09-08T06:02"},
    {"8 September 2017", "2017-09-08"},
    {"08 Sept. 2017", "2017-09-08"},
    {"8th September 2017", "2017-09-08"},
    {"8th of September, 2017", "2017-09-08"},
    {"08-Sep-2017", "2017-09-08"},
    {"Friday 8 September 2017 06.02 BST", "2017-09-08T06:02+01:00"},
    {"Friday, 8 September 2017", "2017-09-08"},
    // Month Day Year.
    {"September 8, 2017", "2017-09-08"},
    {"Sept. 8, 2017", "2017-09-08"},
    {"Sep 8 2017", "2017-09-08"},
    {"Sep 8th, 2017", "2017-09-08"},
    {"SEPTEMBER 8, 2017", "2017-09-08"},
    {"september 8 2017", "2017-09-08"},
    {"September 8, 2017.", "2017-09-08"},
    {"Friday, September 8, 2017 6:02 AM EDT", "2017-09-08T06:02-04:00"},
    {"Fri., Sept. 8, 2017, 6:02 p.m. ET", "2017-09-08T18:02-04:00"},
    {"Sep. 8, 2017, 6:02 a.m. ET", "2017-09-08T06:02-04:00"},
    {"September 8, 2017 at 6 pm", "2017-09-08T18:00"},
    {"September 8, 2017 at 12 am", "2017-09-08T00:00"},
    {"September 8, 2017 at 12 pm", "2017-09-08T12:00"},
    {"September 8, 2017 @ 6:02pm", "2017-09-08T18:02"},
    {"September 8, 2017 | 06:02", "2017-09-08T06:02"},
    {"September 8, 2017 - 06:02 GMT", "2017-09-08T06:02Z"},
    {"September 8, 2017 06:02 (EDT)", "2017-09-08T06:02-04:00"},
    {"September 8, 2017 06:02 UTC+3", "2017-09-08T06:02+03:00"},
    {"September 8, 2017 06:02 GMT+03:00", "2017-09-08T06:02+03:00"},
    {"September 8, 2017 06:02 utc", "2017-09-08T06:02Z"},
    {"September 8, 2017 06:02 IST", "2017-09-08T06:02+05:30"},
    {"September 8, 2017 06:02 MSK", "2017-09-08T06:02+03:00"},
    {"September 8, 2017 06:02 CEST", "2017-09-08T06:02+02:00"},
    {"September 8, 2017 06:02 PST", "2017-09-08T06:02-08:00"},
    {"September 8, 2017 06:02 PT", "2017-09-08T06:02-07:00"},
    {"January 8, 2017 06:02 PT", "2017-01-08T06:02-08:00"},
    // Time first (CNN style).
    {"6:02 AM ET, Fri September 8, 2017", "2017-09-08T06:02-04:00"},
    {"06:02 GMT, 8 September 2017", "2017-09-08T06:02Z"},
    {"6:02 am on September 8, 2017", "2017-09-08T06:02"},
    // Numeric dates that are unambiguous.
    {"13/09/2017", "2017-09-13"},
    {"09/13/2017", "2017-09-13"},
    {"08/08/2017", "2017-08-08"},
    {"13.09.2017", "2017-09-13"},
    // Calendar edges.
    {"2016-02-29", "2016-02-29"},
    {"2000-02-29", "2000-02-29"},
    {"1800-01-01", "1800-01-01"},
    {"2100-12-31", "2100-12-31"},
    {"2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z"},
};

TEST(DateNormalize, AcceptsEveryForm) {
  for (const Accepted& c : kAccepted) {
    std::string why;
    const std::optional<std::string> got = NormalizeDate(c.input, &why);
    ASSERT_TRUE(got.has_value()) << c.input << ": " << why;
    EXPECT_EQ(*got, c.expected) << c.input;
  }
}

TEST(DateNormalize, IsIdempotent) {
  for (const Accepted& c : kAccepted) {
    const std::optional<std::string> once = NormalizeDate(c.input);
    ASSERT_TRUE(once.has_value()) << c.input;
    EXPECT_EQ(NormalizeDate(*once), once) << c.input;
  }
}

struct Rejected {
  const char* input;
  const char* why;
};

constexpr Rejected kRejected[] = {
    {"2017-02-30", "day 30 does not exist in February 2017"},
    {"February 29, 2017", "day 29 does not exist in February 2017"},
    {"1900-02-29", "day 29 does not exist in February 1900"},
    {"31 April 2017", "day 31 does not exist in April 2017"},
    {"Sep 0, 2017", "day 0 does not exist in September 2017"},
    {"2017-13-01", "month 13 does not exist"},
    {"2017-00-10", "month 0 does not exist"},
    {"2017-09-08 25:00", "hour 25 does not exist"},
    {"2017-09-08T24:00", "hour 24 does not exist"},
    {"2017-09-08 06:60", "minute 60 does not exist"},
    {"2017-09-08 06:02:61", "second 61 does not exist"},
    {"2017-09-08 12:00:60", "second 60 does not exist"},
    {"2017-09-08 13:00 pm", "hour 13 cannot take PM"},
    {"2017-09-08 0:30 am", "hour 0 cannot take AM"},
    {"1799-12-31", "year 1799 is outside 1800-2100"},
    {"2101-01-01", "year 2101 is outside 1800-2100"},
    {"Thursday, September 8, 2017",
     "September 8, 2017 is a Friday, not a Thursday"},
    {"Sept 8", "'Sept 8' has no year and no reference year was given"},
    {"08/09/2017",
     "'08/09/2017' is ambiguous: 8 and 9 could each be the day or the month"},
    {"6:02 a.m. ET", "'6:02 a.m. ET' is a time without a date"},
    {"1504850520", "'1504850520' is not a recognised date"},
    {"September 2017", "'September 2017' is not a recognised date"},
    {"08 Sep 17", "unexpected '17' after the date in '08 Sep 17'"},
    {"Sep 8 2017 — Syrian forces",
     "unexpected '— Syrian forces' after the date in 'Sep 8 2017 — Syrian "
     "forces'"},
    {"2017-09-08T06:02+15:00",
     "'2017-09-08T06:02+15:00' has a zone offset beyond +/-14:00"},
    {"", "empty date string"},
    {"Updated 7 years ago", "'Updated 7 years ago' is not a recognised date"},
};

TEST(DateNormalize, RejectsImpossibleDatesWithReason) {
  for (const Rejected& c : kRejected) {
    std::string why;
    EXPECT_EQ(NormalizeDate(c.input, &why), std::nullopt) << c.input;
    EXPECT_EQ(why, c.why) << c.input;
  }
}

TEST(DateNormalize, RejectsOverlongInput) {
  std::string why;
  EXPECT_EQ(NormalizeDate(std::string(10000, '1'), &why), std::nullopt);
  EXPECT_EQ(why,
            "a date string of 10000 bytes is too long to be a date (limit "
            "128)");
}

TEST(DateNormalize, ReferenceYearFillsOnlyMissingYear) {
  EXPECT_EQ(NormalizeDate("Sept 8", 2017), "2017-09-08");
  EXPECT_EQ(NormalizeDate("8 Sep", 2017), "2017-09-08");
  EXPECT_EQ(NormalizeDate("Friday, Sept 8", 2017), "2017-09-08");
  EXPECT_EQ(NormalizeDate("Sep 8 06:02 GMT", 2017), "2017-09-08T06:02Z");
  EXPECT_EQ(NormalizeDate("Sept 8, 2016", 2017), "2016-09-08");
  EXPECT_EQ(NormalizeDate("Sept 8", std::nullopt), std::nullopt);
  std::string why;
  EXPECT_EQ(NormalizeDate("Thursday, Sept 8", 2017, &why), std::nullopt);
  EXPECT_EQ(why, "September 8, 2017 is a Friday, not a Thursday");
  EXPECT_EQ(NormalizeDate("Feb 29", 2017, &why), std::nullopt);
  EXPECT_EQ(why, "day 29 does not exist in February 2017");
  EXPECT_EQ(NormalizeDate("Feb 29", 2016), "2016-02-29");
}

// US generic zones switch at 02:00 local on the DST boundaries.
TEST(DateNormalize, UsGenericZonesFollowDaylightTime) {
  const Accepted cases[] = {
      {"March 12, 2017 1:30 AM ET", "2017-03-12T01:30-05:00"},
      {"March 12, 2017 3:00 AM ET", "2017-03-12T03:00-04:00"},
      {"November 5, 2017 12:30 AM ET", "2017-11-05T00:30-04:00"},
      {"November 5, 2017 2:30 AM ET", "2017-11-05T02:30-05:00"},
      {"March 20, 2006 12:00 PM ET", "2006-03-20T12:00-05:00"},
      {"April 2, 2006 3:00 AM ET", "2006-04-02T03:00-04:00"},
      {"October 29, 2006 3:00 AM CT", "2006-10-29T03:00-06:00"},
      {"April 20, 1980 12:00 PM MT", "1980-04-20T12:00-07:00"},
      {"July 4, 1960 12:00 PM ET", "1960-07-04T12:00-05:00"},
      {"July 4, 2017 12:00 PM EST", "2017-07-04T12:00-05:00"},
  };
  for (const Accepted& c : cases) {
    EXPECT_EQ(NormalizeDate(c.input), c.expected) << c.input;
  }
}

// Zone names are upper case only: "west" after a time is a word.
TEST(DateNormalize, ZoneNamesAreUpperCase) {
  EXPECT_EQ(NormalizeDate("September 8, 2017 06:02 WEST"),
            "2017-09-08T06:02+01:00");
  std::string why;
  EXPECT_EQ(NormalizeDate("September 8, 2017 06:02 west", &why), std::nullopt);
  EXPECT_EQ(why,
            "unexpected 'west' after the date in 'September 8, 2017 06:02 "
            "west'");
}

// Every spelling of every month in every written form gives the same date.
TEST(DateNormalize, AllMonthSpellingsInAllForms) {
  static constexpr const char* kFull[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const int days[] = {1, 9, 28};
  for (int m = 1; m <= 12; ++m) {
    const std::string full = kFull[m - 1];
    const std::string abbr = full.substr(0, 3);
    std::vector<std::string> spellings = {full, abbr, abbr + "."};
    if (m == 9) spellings.insert(spellings.end(), {"Sept", "Sept."});
    std::vector<std::string> cased;
    for (const std::string& s : spellings) {
      std::string upper = s, lower = s;
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      for (char& c : lower) c = static_cast<char>(std::tolower(c));
      cased.insert(cased.end(), {s, upper, lower});
    }
    for (const int d : days) {
      char iso[16];
      std::snprintf(iso, sizeof iso, "2017-%02d-%02d", m, d);
      const std::string ds = std::to_string(d);
      const std::string year_forms[] = {
          "2017-" + std::to_string(m) + "-" + ds,
      };
      for (const std::string& f : year_forms) {
        EXPECT_EQ(NormalizeDate(f), iso) << f;
      }
      for (const std::string& mon : cased) {
        const std::string forms[] = {
            ds + " " + mon + " 2017",   ds + " " + mon + ", 2017",
            ds + "th " + mon + " 2017", mon + " " + ds + ", 2017",
            mon + " " + ds + " 2017",   mon + " " + ds + "th, 2017",
            ds + "-" + mon + "-2017",
        };
        for (const std::string& f : forms) {
          std::string why;
          EXPECT_EQ(NormalizeDate(f, &why), iso) << f << ": " << why;
        }
        const std::string no_year[] = {ds + " " + mon, mon + " " + ds};
        for (const std::string& f : no_year) {
          EXPECT_EQ(NormalizeDate(f, 2017), iso) << f;
          EXPECT_EQ(NormalizeDate(f), std::nullopt) << f;
        }
      }
    }
  }
}

// Reference path: std::chrono's calendar gives validity and weekday of every
// day from 1800 to 2100; the parser must agree on all of them.
TEST(DateNormalize, AgreesWithChronoOnEveryDay) {
  using namespace std::chrono;
  static constexpr const char* kDay[] = {"Sunday",    "Monday",   "Tuesday",
                                         "Wednesday", "Thursday", "Friday",
                                         "Saturday"};
  static constexpr const char* kMon[] = {"Jan", "Feb", "Mar", "Apr",
                                         "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec"};
  int checked = 0;
  for (int y = 1800; y <= 2100; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      for (unsigned d = 28; d <= 32; ++d) {
        const year_month_day ymd{year{y}, month{m}, day{d}};
        char iso[16];
        std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", y, m, d);
        const std::optional<std::string> got = NormalizeDate(iso);
        ASSERT_EQ(got.has_value(), ymd.ok()) << iso;
        if (!ymd.ok()) continue;
        const unsigned wd = weekday{sys_days{ymd}}.c_encoding();
        const std::string named = std::string(kDay[wd]) + ", " +
                                  std::to_string(d) + " " + kMon[m - 1] + " " +
                                  std::to_string(y);
        ASSERT_EQ(NormalizeDate(named), iso) << named;
        const std::string wrong = std::string(kDay[(wd + 1) % 7]) + ", " +
                                  std::to_string(d) + " " + kMon[m - 1] + " " +
                                  std::to_string(y);
        ASSERT_EQ(NormalizeDate(wrong), std::nullopt) << wrong;
        ++checked;
      }
    }
  }
  // Days 28..31 that exist: 41 a year, plus Feb 29 in the 73 leap years.
  EXPECT_EQ(checked, 301 * 41 + 73);
}

struct Scanned {
  const char* input;
  size_t length;
  const char* iso;  // nullptr: no value
  bool has_year;
};

constexpr Scanned kScanned[] = {
    {"Sep 8 2017 \xE2\x80\x94 Syrian forces advanced", 10, "2017-09-08", true},
    {"Sep 8 2017\xE2\x80\x94Syrian forces advanced", 10, "2017-09-08", true},
    {"8 Sep, 2017 06:02 / Updated 7 years ago", 17, "2017-09-08T06:02", true},
    {"Sept 8 (Reuters) - Syrian", 6, nullptr, false},
    {"Sept. 8, 2017 \xE2\x80\x94 Officials", 13, "2017-09-08", true},
    {"  2017-09-08 is the day", 12, "2017-09-08", true},
    {"September 8, 2017 at 6:02 am, said", 28, "2017-09-08T06:02", true},
    {"Feb 30, 2017 was", 12, nullptr, true},
    {"Sep 8 2017abc", 5, nullptr, false},
    {"2017 was a year", 0, nullptr, false},
    {"8 people were killed", 0, nullptr, false},
    {"May I ask", 0, nullptr, false},
    {"Updated 7 years ago", 0, nullptr, false},
    {"", 0, nullptr, false},
};

TEST(DateScan, FindsTheDateAtTheStart) {
  for (const Scanned& c : kScanned) {
    const DateScan got = ScanDate(c.input);
    EXPECT_EQ(got.length, c.length) << c.input;
    EXPECT_EQ(got.iso, c.iso == nullptr ? std::nullopt
                                        : std::optional<std::string>(c.iso))
        << c.input;
    EXPECT_EQ(got.has_year, c.has_year) << c.input;
    if (got.length > 0 && !got.iso.has_value()) {
      EXPECT_FALSE(got.why_not.empty()) << c.input;
    }
  }
}

TEST(DateScan, UsesReferenceYear) {
  const DateScan got = ScanDate("Sept 8 (Reuters) - Syrian", 2017);
  EXPECT_EQ(got.length, 6u);
  EXPECT_FALSE(got.has_year);
  EXPECT_EQ(got.iso, "2017-09-08");
}

// Random byte strings built from date-ish pieces: whatever is accepted must
// be a valid ISO value that normalizes to itself, and ScanDate never reports
// more bytes than it was given.
TEST(DateNormalize, RandomInputsGiveIdempotentValues) {
  static constexpr const char* kPieces[] = {"2017",
                                            "09",
                                            "8",
                                            "31",
                                            "Sep",
                                            "Sept.",
                                            "September",
                                            ",",
                                            " ",
                                            "-",
                                            "/",
                                            ":",
                                            ".",
                                            "T",
                                            "Z",
                                            "+03:00",
                                            "am",
                                            "p.m.",
                                            "GMT",
                                            "ET",
                                            "Fri",
                                            "\xC2\xA0",
                                            "\xE2\x80\x94",
                                            "(",
                                            ")",
                                            "at",
                                            "12",
                                            "60",
                                            "\xFF",
                                            "\0",
                                            "0000",
                                            "20170908"};
  std::mt19937 rng(12345);
  int accepted = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    const int n = 1 + static_cast<int>(rng() % 9);
    for (int k = 0; k < n; ++k) {
      const char* p = kPieces[rng() % std::size(kPieces)];
      s += (p[0] == '\0') ? std::string(1, '\0') : std::string(p);
    }
    const std::optional<std::string> got = NormalizeDate(s);
    if (got.has_value()) {
      ++accepted;
      EXPECT_EQ(NormalizeDate(*got), got) << s;
    }
    EXPECT_LE(ScanDate(s).length, s.size()) << s;
  }
  EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace sitrep::ingest
