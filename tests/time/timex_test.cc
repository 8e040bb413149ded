#include "time/timex.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_util.h"
#include "text/text.h"
#include "time/eval_time.h"

namespace sitrep::time {
namespace {

std::vector<Timex> Find(const std::string& text, const std::string& dct,
                        Document* doc) {
  doc->text = text;
  EXPECT_TRUE(text::ProcessText(*doc).ok());
  return FindTimexes(*doc, dct);
}

// The expression whose surface is `surface` (nullptr when none).
const Timex* FindSurface(const Document& doc, const std::vector<Timex>& timexes,
                         const std::string& surface) {
  for (const Timex& t : timexes) {
    if (doc.text.substr(t.begin, t.end - t.begin) == surface) return &t;
  }
  return nullptr;
}

std::string Surfaces(const Document& doc, const std::vector<Timex>& timexes) {
  std::string s;
  for (const Timex& t : timexes) {
    s.append("[").append(doc.text, t.begin, t.end - t.begin).append("=");
    s.append(t.value).append("] ");
  }
  return s;
}

// ---------------------------------------------------------------------------
// Relative forms x DCT anchors: year boundaries, leap days, ISO week-53
// years (2015, 2020), a Monday DCT in ISO week 1 of the next year.

struct RelativeForm {
  const char* sentence;
  const char* surface;
};

constexpr RelativeForm kForms[] = {
    {"The ministry said the strike happened yesterday.", "yesterday"},
    {"The ministry said today that the siege was over.", "today"},
    {"The minister will travel to Moscow tomorrow.", "tomorrow"},
    {"Troops captured the town on Thursday.", "Thursday"},
    {"The talks will resume on Thursday.", "Thursday"},
    {"Clashes erupted last week.", "last week"},
    {"Earlier this week, the army said it had advanced.", "Earlier this week"},
    {"The army will attack next week.", "next week"},
    {"Prices rose last month.", "last month"},
    {"The company lost money last year.", "last year"},
    {"The siege began three years ago.", "three years ago"},
    {"The convoy arrived two days ago.", "two days ago"},
    {"In April, an official said the militant was slain.", "April"},
    {"Shelling was heard last night.", "last night"},
};
constexpr int kNumForms = sizeof(kForms) / sizeof(kForms[0]);

struct AnchorRow {
  const char* dct;
  const char* expected[kNumForms];
};

// Expected values computed by hand with the calendar (ISO weeks: 2015 and
// 2020 have 53; 2017-01-01 is in 2016-W52; 2018-12-31 is in 2019-W01).
constexpr AnchorRow kAnchors[] = {
    {"2017-09-08",
     {"2017-09-07", "2017-09-08", "2017-09-09", "2017-09-07", "2017-09-14",
      "2017-W35", "2017-W36", "2017-W37", "2017-08", "2016", "2014",
      "2017-09-06", "2017-04", "2017-09-07TNI"}},
    {"2016-02-29",
     {"2016-02-28", "2016-02-29", "2016-03-01", "2016-02-25", "2016-03-03",
      "2016-W08", "2016-W09", "2016-W10", "2016-01", "2015", "2013",
      "2016-02-27", "2015-04", "2016-02-28TNI"}},
    {"2017-03-01",
     {"2017-02-28", "2017-03-01", "2017-03-02", "2017-02-23", "2017-03-02",
      "2017-W08", "2017-W09", "2017-W10", "2017-02", "2016", "2014",
      "2017-02-27", "2016-04", "2017-02-28TNI"}},
    {"2016-03-01",
     {"2016-02-29", "2016-03-01", "2016-03-02", "2016-02-25", "2016-03-03",
      "2016-W08", "2016-W09", "2016-W10", "2016-02", "2015", "2013",
      "2016-02-28", "2015-04", "2016-02-29TNI"}},
    {"2017-01-01",
     {"2016-12-31", "2017-01-01", "2017-01-02", "2016-12-29", "2017-01-05",
      "2016-W51", "2016-W52", "2017-W01", "2016-12", "2016", "2014",
      "2016-12-30", "2016-04", "2016-12-31TNI"}},
    {"2015-12-31",
     {"2015-12-30", "2015-12-31", "2016-01-01", "2015-12-31", "2015-12-31",
      "2015-W52", "2015-W53", "2016-W01", "2015-11", "2014", "2012",
      "2015-12-29", "2015-04", "2015-12-30TNI"}},
    {"2021-01-03",
     {"2021-01-02", "2021-01-03", "2021-01-04", "2020-12-31", "2021-01-07",
      "2020-W52", "2020-W53", "2021-W01", "2020-12", "2020", "2018",
      "2021-01-01", "2020-04", "2021-01-02TNI"}},
    {"2018-12-31",
     {"2018-12-30", "2018-12-31", "2019-01-01", "2018-12-27", "2019-01-03",
      "2018-W52", "2019-W01", "2019-W02", "2018-11", "2017", "2015",
      "2018-12-29", "2018-04", "2018-12-30TNI"}},
};

TEST(TimexRelative, EveryFormAtEveryAnchor) {
  for (const AnchorRow& row : kAnchors) {
    for (int f = 0; f < kNumForms; ++f) {
      Document doc;
      const auto found = Find(kForms[f].sentence, row.dct, &doc);
      const Timex* t = FindSurface(doc, found, kForms[f].surface);
      ASSERT_NE(t, nullptr) << row.dct << " " << kForms[f].sentence << " -> "
                            << Surfaces(doc, found);
      EXPECT_EQ(t->value, row.expected[f])
          << row.dct << " " << kForms[f].sentence;
      EXPECT_EQ(t->anchor, DateAnchor::kPublished) << kForms[f].sentence;
    }
  }
}

TEST(TimexRelative, NoDctGivesNoValue) {
  Document doc;
  const auto found =
      Find("Troops captured the town on Thursday, three days ago.", "", &doc);
  ASSERT_EQ(found.size(), 2u) << Surfaces(doc, found);
  EXPECT_EQ(found[0].value, "");
  EXPECT_EQ(found[1].value, "");
}

// ---------------------------------------------------------------------------
// Explicit and absolute forms, durations, sets, fuzzy references.

struct Case {
  const char* dct;
  const char* sentence;
  const char* surface;
  const char* type;
  const char* value;
};

constexpr Case kCases[] = {
    // Explicit dates.
    {"2017-09-08", "The attack took place on September 5, 2016.",
     "September 5, 2016", "DATE", "2016-09-05"},
    {"2017-09-08", "It happened on 5 September 2016.", "5 September 2016",
     "DATE", "2016-09-05"},
    {"2017-09-08", "It happened on Sept. 5, 2016.", "Sept. 5, 2016", "DATE",
     "2016-09-05"},
    {"2017-09-08", "It was reported on 2016-09-05.", "2016-09-05", "DATE",
     "2016-09-05"},
    {"2017-09-08", "The jets struck on September 5, the ministry said.",
     "September 5", "DATE", "2017-09-05"},
    {"2017-09-08", "The deal was signed on Monday, Sept. 4.", "Monday, Sept. 4",
     "DATE", "2017-09-04"},
    {"2016-03-10", "He was born on February 29, 2016.", "February 29, 2016",
     "DATE", "2016-02-29"},
    {"2017-09-08", "Prices fell in March 2015.", "March 2015", "DATE",
     "2015-03"},
    {"2017-09-08", "He pledged allegiance in 2015.", "2015", "DATE", "2015"},
    {"2017-09-08", "The offer came in fiscal 1989.", "fiscal 1989", "DATE",
     "1989"},
    {"2017-09-08", "It was common in the 1990s.", "the 1990s", "DATE", "199"},
    {"2017-09-08", "Rents rose in the mid-1990s.", "mid-1990s", "DATE", "199"},
    {"2017-09-08", "It was common in the nineties.", "the nineties", "DATE",
     "199"},
    {"2017-09-08", "It was built in the 20th century.", "the 20th century",
     "DATE", "19"},
    {"1998-01-21", "It began in nineteen seventy-nine.",
     "nineteen seventy-nine", "DATE", "1979"},
    {"1998-01-21", "It began in January nineteen ninety-seven.",
     "January nineteen ninety-seven", "DATE", "1997-01"},
    {"2017-09-08", "It was a 20th century idea.", "20th century", "DATE", "19"},
    {"2017-09-08", "The town fell in July last year.", "July last year", "DATE",
     "2016-07"},
    {"2017-09-08", "Profit will rise by year-end.", "year-end", "DATE", "2017"},
    // Months without a year: the last one before the DCT in the past tense,
    // the next one in the future tense.
    {"2017-09-08", "The city fell in April.", "April", "DATE", "2017-04"},
    {"2017-09-08", "Elections will be held in April.", "April", "DATE",
     "2018-04"},
    {"2017-09-08", "The city fell in December.", "December", "DATE", "2016-12"},
    {"2017-01-05", "The city fell on December 30.", "December 30", "DATE",
     "2016-12-30"},
    {"2016-12-28", "The vote will take place on January 3.", "January 3",
     "DATE", "2017-01-03"},
    {"2017-09-08", "The talks ended last April.", "last April", "DATE",
     "2017-04"},
    {"2017-09-08", "The talks will start next April.", "next April", "DATE",
     "2018-04"},
    // Weekdays.
    {"2017-09-08", "He told reporters on Friday that it was over.", "Friday",
     "DATE", "2017-09-08"},
    {"2017-09-08", "The fighting stopped last Friday.", "last Friday", "DATE",
     "2017-09-01"},
    {"2017-09-08", "The talks will open next Friday.", "next Friday", "DATE",
     "2017-09-15"},
    {"2017-09-08", "Fighting broke out Thursday night.", "Thursday night",
     "DATE", "2017-09-07TNI"},
    {"2017-09-08", "The market opens at 10 a.m. Tuesday.", "10 a.m. Tuesday",
     "TIME", "2017-09-05T10:00"},
    {"2017-09-08", "The strike came at 6:30 p.m.", "6:30 p.m.", "TIME",
     "2017-09-08T18:30"},
    {"2017-09-08", "Officials met this morning.", "this morning", "TIME",
     "2017-09-08TMO"},
    {"2017-09-08", "Officials will meet tonight.", "tonight", "TIME",
     "2017-09-08TNI"},
    {"2017-09-08", "Warplanes struck overnight.", "overnight", "TIME",
     "2017-09-07TNI"},
    {"2017-09-08", "Fighting resumed yesterday morning.", "yesterday morning",
     "DATE", "2017-09-07TMO"},
    // Weeks, months, quarters, seasons, relative years.
    {"2017-09-08", "The units were moved this month.", "this month", "DATE",
     "2017-09"},
    {"2017-09-08", "Sales grew in the third quarter.", "the third quarter",
     "DATE", "2017-Q3"},
    {"2017-09-08", "Third-quarter profit fell.", "Third-quarter", "DATE",
     "2017-Q3"},
    {"2017-09-08", "Profit fell in the first half of 2016.",
     "the first half of 2016", "DATE", "2016-H1"},
    {"1989-10-26", "Earnings will be lower for the last half of 1989.",
     "the last half of 1989", "DATE", "1989-H2"},
    {"1989-10-26", "Sales rose in the last quarter of last year.",
     "the last quarter of last year", "DATE", "1988-Q4"},
    {"2017-09-08", "Fighting was fierce this summer.", "this summer", "DATE",
     "2017-SU"},
    {"2017-09-08", "The offensive began last winter.", "last winter", "DATE",
     "2016-WI"},
    {"2017-09-08", "It was built in the summer of 1998.", "the summer of 1998",
     "DATE", "1998-SU"},
    {"2017-09-08", "The base was built a decade ago.", "a decade ago", "DATE",
     "200"},
    {"2017-09-08", "Rents fell six months ago.", "six months ago", "DATE",
     "2017-03"},
    {"2017-09-08", "Rents fell two weeks ago.", "two weeks ago", "DATE",
     "2017-W34"},
    {"2017-09-08", "The truce collapsed earlier this year.",
     "earlier this year", "DATE", "2017"},
    {"2017-09-08", "Sales will rise early next year.", "early next year",
     "DATE", "2018"},
    {"2017-09-08", "The city fell in late August.", "late August", "DATE",
     "2017-08"},
    {"2017-09-08", "The city fell in mid-August.", "mid-August", "DATE",
     "2017-08"},
    {"2017-09-08", "It fell on Christmas Day.", "Christmas Day", "DATE",
     "2016-12-25"},
    {"2017-09-08", "It will reopen after Thanksgiving.", "Thanksgiving", "DATE",
     "2017-11-23"},
    // Durations.
    {"2017-09-08", "The city had been besieged for three years.", "three years",
     "DURATION", "P3Y"},
    {"2017-09-08", "They broke the three-year-long siege.", "three-year-long",
     "DURATION", "P3Y"},
    {"2017-09-08", "They broke the 3-year siege.", "3-year", "DURATION", "P3Y"},
    {"2017-09-08", "It was his home for some 40 years.", "some 40 years",
     "DURATION", "P40Y"},
    {"2017-09-08", "The talks lasted at least 30 days.", "at least 30 days",
     "DURATION", "P30D"},
    {"2017-09-08", "The fire burned for 5 1/2 hours.", "5 1/2 hours",
     "DURATION", "PT5H30M"},
    {"2017-09-08", "The fire burned for two hours.", "two hours", "DURATION",
     "PT2H"},
    {"2017-09-08", "It lasted two decades.", "two decades", "DURATION", "P20Y"},
    {"2017-09-08", "It took several days.", "several days", "DURATION", "PXD"},
    {"2017-09-08", "It took a few weeks.", "a few weeks", "DURATION", "PXW"},
    {"2017-09-08", "Sales rose in the past two quarters.",
     "the past two quarters", "DURATION", "P2Q"},
    {"2017-09-08", "Sales rose in the first nine months.",
     "the first nine months", "DURATION", "P9M"},
    {"2017-09-08", "It has lasted twenty-four hours.", "twenty-four hours",
     "DURATION", "PT24H"},
    // Sets.
    {"2017-09-08", "The paper is published daily.", "daily", "SET", "P1D"},
    {"2017-09-08", "They meet every Thursday.", "every Thursday", "SET",
     "XXXX-WXX-4"},
    {"2017-09-08", "They meet every two weeks.", "every two weeks", "SET",
     "P2W"},
    {"2017-09-08", "They meet on Tuesdays.", "Tuesdays", "SET", "XXXX-WXX-2"},
    {"1998-03-22", "Orangemen march each July through the town.", "each July",
     "SET", "XXXX-07"},
    // Tense from the clause: a preposition before the date decides first
    // ("since" looks back, "effective" takes the nearest date); a verb after
    // a modal is a base form ("will succeed", not a past in -ed); a plan under
    // "had" lies in the past.
    {"1990-08-13",
     "The carrier will stay, as it has been on patrol since March.", "March",
     "DATE", "1990-03"},
    {"1989-10-26",
     "The bank created an office of the chairman, effective Feb. 1.", "Feb. 1",
     "DATE", "1990-02-01"},
    {"1989-10-26", "Mr. Schwarz will succeed Mr. Davison Feb. 1.", "Feb. 1",
     "DATE", "1990-02-01"},
    {"1989-10-30", "The offer had been scheduled to expire Friday.", "Friday",
     "DATE", "1989-10-27"},
    {"1999-04-19", "He was shot to death last Oct. 23 at his home.",
     "last Oct. 23", "DATE", "1998-10-23"},
    {"1999-04-19", "The trial will open next May 5.", "next May 5", "DATE",
     "1999-05-05"},
    // Granularity from the words around a unit: a week or a day named by a
    // date, a quarter by its closing day, the financial "year ended ...".
    {"2000-02-24", "It may be resolved at a hearing the week of March 6.",
     "the week of March 6", "DATE", "2000-W10"},
    {"2000-02-24", "The day before last Tuesday's hearing, he went home.",
     "The day before last Tuesday", "DATE", "2000-02-21"},
    {"1989-10-30", "Sales fell in the quarter ended July 1.", "the quarter",
     "DATE", "1989-Q2"},
    {"1989-11-01", "Revenue was $76 million for the year ended March 31.",
     "the year", "DURATION", "P1Y"},
    {"1989-10-31", "In the fiscal year ended Jan. 31, sales rose.",
     "the fiscal year", "DURATION", "P1Y"},
    {"1989-10-26", "Net for the year-earlier nine months included a gain.",
     "the year-earlier nine months", "DURATION", "P9M"},
    {"1998-01-14", "The flight lasted a minute and a half.",
     "a minute and a half", "DURATION", "PT1M30S"},
    // Fuzzy references.
    {"2017-09-08", "The town is now under army control.", "now", "DATE",
     "PRESENT_REF"},
    {"2017-09-08", "The town is currently held by rebels.", "currently", "DATE",
     "PRESENT_REF"},
    {"2017-09-08", "It recently changed hands.", "recently", "DATE",
     "PAST_REF"},
    {"2017-09-08", "It happened in the past.", "the past", "DATE", "PAST_REF"},
    {"2017-09-08", "It may happen in the future.", "the future", "DATE",
     "FUTURE_REF"},
};

TEST(TimexForms, ExplicitRelativeDurationSetFuzzy) {
  for (const Case& c : kCases) {
    Document doc;
    const auto found = Find(c.sentence, c.dct, &doc);
    const Timex* t = FindSurface(doc, found, c.surface);
    ASSERT_NE(t, nullptr) << c.sentence << " -> " << Surfaces(doc, found);
    EXPECT_STREQ(TimexTypeName(t->type), c.type) << c.sentence;
    EXPECT_EQ(t->value, c.value) << c.sentence;
  }
}

// The reference period: after a quarter, "a year earlier" is that quarter a
// year back; after "the nine months" it is the year before.
TEST(TimexNarrative, YearEarlierFollowsTheReportedPeriod) {
  struct Row {
    const char* text;
    const char* value;
  };
  constexpr Row kRows[] = {
      {"For the third quarter, net rose to $5 million from $4 million a year "
       "earlier.",
       "1988-Q3"},
      {"For the third quarter, net rose. For the nine months, net rose to $254 "
       "million from $163 million a year earlier.",
       "1988"},
      {"For the nine months, net rose. In the fourth quarter, sales fell from "
       "a year earlier.",
       "1988-Q4"},
  };
  for (const Row& r : kRows) {
    Document doc;
    const auto found = Find(r.text, "1989-10-26", &doc);
    const Timex* t = FindSurface(doc, found, "a year earlier");
    ASSERT_NE(t, nullptr) << r.text << " -> " << Surfaces(doc, found);
    EXPECT_EQ(t->value, r.value) << r.text;
  }
}

// Weekdays and "overnight" relative to the day the narrative is at.
TEST(TimexNarrative, PreviousWeekdayAndOvernightFollowTheReferenceDay) {
  struct Row {
    const char* text;
    const char* surface;
    const char* value;
  };
  constexpr Row kRows[] = {
      {"London shares fell Friday, hit by overnight losses in New York. The "
       "index was down 4.5% from the previous Friday.",
       "overnight", "1989-10-26TNI"},
      {"London shares fell Friday, hit by overnight losses in New York. The "
       "index was down 4.5% from the previous Friday.",
       "the previous Friday", "1989-10-20"},
      {"On 5 September 1989 the talks stalled. They resumed the following "
       "Monday.",
       "the following Monday", "1989-09-11"},
      {"Warplanes struck overnight.", "overnight", "1989-10-29TNI"},
  };
  for (const Row& r : kRows) {
    Document doc;
    const auto found = Find(r.text, "1989-10-30", &doc);
    const Timex* t = FindSurface(doc, found, r.surface);
    ASSERT_NE(t, nullptr) << r.text << " -> " << Surfaces(doc, found);
    EXPECT_EQ(t->value, r.value) << r.text;
  }
}

// Tense with POS tags (set by hand here as the tag stage would): an
// infinitive has its own time ("agreed to buy ... in February" is the
// nearest February, not the last one); "is to", "set to", "due to" look
// ahead even when the tagger took the verb for a noun; a future word used
// as a noun ("the plan") is no cue.
struct TaggedCase {
  const char* dct;
  const char* sentence;
  std::vector<std::string> verbs;  // tokens tagged VERB
  std::vector<std::string> nouns;  // tokens tagged NOUN
  const char* surface;
  const char* value;
};

TEST(TimexTense, InfinitivesAndTaggedCues) {
  const TaggedCase kTagged[] = {
      {"1989-11-02",
       "First of America announced an agreement to acquire the bank in "
       "January.",
       {"announced", "acquire"},
       {"agreement", "bank"},
       "January",
       "1990-01"},
      {"1989-10-30",
       "Thermo Electron agreed to purchase the line in February.",
       {"agreed", "purchase"},
       {"line"},
       "February",
       "1990-02"},
      {"1989-10-27",
       "The stock is to resume trading in Paris Tuesday.",
       {"trading"},
       {"stock", "resume"},
       "Tuesday",
       "1989-10-31"},
      {"1998-03-22",
       "The talks, set to resume Monday, were suspended.",
       {"set", "resume", "suspended"},
       {"talks"},
       "Monday",
       "1998-03-23"},
      {"1989-10-30",
       "It had been due to expire Friday evening.",
       {"expire"},
       {},
       "Friday evening",
       "1989-10-27TEV"},
      {"1989-10-27",
       "The thrift announced the plan Aug. 21.",
       {"announced"},
       {"thrift", "plan"},
       "Aug. 21",
       "1989-08-21"},
      {"1989-10-27",
       "The thrift announced it will plan an offer Aug. 21.",
       {"announced", "plan"},
       {"thrift", "offer"},
       "Aug. 21",
       "1990-08-21"},
  };
  for (const TaggedCase& c : kTagged) {
    Document doc;
    doc.text = c.sentence;
    ASSERT_TRUE(text::ProcessText(doc).ok());
    for (Token& tok : doc.tokens) {
      const std::string w = doc.text.substr(tok.begin, tok.end - tok.begin);
      tok.upos = kUposX;
      for (const std::string& v : c.verbs) {
        if (w == v) tok.upos = kUposVerb;
      }
      for (const std::string& v : c.nouns) {
        if (w == v) tok.upos = kUposNoun;
      }
    }
    const auto found = FindTimexes(doc, c.dct);
    const Timex* t = FindSurface(doc, found, c.surface);
    ASSERT_NE(t, nullptr) << c.sentence << " -> " << Surfaces(doc, found);
    EXPECT_EQ(t->value, c.value) << c.sentence;
  }
}

// Not time expressions.
constexpr const char* kNotTimex[] = {
    "A bounty of up to $5 million was offered.",
    "He escaped to an area some 20 kilometers to the southeast.",
    "The 20-year-old was arrested.",
    "The 2000 troops crossed the river.",
    "Su-34 and Su-35 jets scrambled from the base.",
    "May I ask a question?",
    "The protesters march on the capital.",
    "The prices fall every spring of water.",
};

TEST(TimexForms, NotTimeExpressions) {
  for (const char* s : kNotTimex) {
    Document doc;
    const auto found = Find(s, "2017-09-08", &doc);
    EXPECT_TRUE(found.empty()) << s << " -> " << Surfaces(doc, found);
  }
}

// ---------------------------------------------------------------------------
// Intervals and anchors for the event record's `date`.

TEST(TimexInterval, WeekMonthQuarterDecade) {
  struct Row {
    const char* value;
    const char* start;
    const char* end;
    DatePrecision precision;
  };
  constexpr Row kRows[] = {
      {"2017-09-05", "2017-09-05", "2017-09-05", DatePrecision::kDay},
      {"2017-09-07TNI", "2017-09-07", "2017-09-07", DatePrecision::kDay},
      {"2017-W36", "2017-09-04", "2017-09-10", DatePrecision::kWeek},
      {"2015-W53", "2015-12-28", "2016-01-03", DatePrecision::kWeek},
      {"2020-W53", "2020-12-28", "2021-01-03", DatePrecision::kWeek},
      {"2019-W01", "2018-12-31", "2019-01-06", DatePrecision::kWeek},
      {"2017-04", "2017-04-01", "2017-04-30", DatePrecision::kMonth},
      {"2016-02", "2016-02-01", "2016-02-29", DatePrecision::kMonth},
      {"2017-02", "2017-02-01", "2017-02-28", DatePrecision::kMonth},
      {"2015", "2015-01-01", "2015-12-31", DatePrecision::kYear},
      {"2017-Q3", "2017-07-01", "2017-09-30", DatePrecision::kRange},
      {"2016-H1", "2016-01-01", "2016-06-30", DatePrecision::kRange},
      {"2016-WI", "2016-12-01", "2017-02-28", DatePrecision::kRange},
      {"2015-WI", "2015-12-01", "2016-02-29", DatePrecision::kRange},
      {"199", "1990-01-01", "1999-12-31", DatePrecision::kRange},
      {"19", "1900-01-01", "1999-12-31", DatePrecision::kRange},
  };
  for (const Row& r : kRows) {
    const auto iv = IntervalOfValue(r.value);
    ASSERT_TRUE(iv.has_value()) << r.value;
    EXPECT_EQ(iv->start, r.start) << r.value;
    EXPECT_EQ(iv->end, r.end) << r.value;
    EXPECT_EQ(iv->precision, r.precision) << r.value;
  }
  for (const char* v :
       {"P3Y", "PRESENT_REF", "XXXX-WXX-4", "2017-W54", "2015-W54", "2017-13",
        "2017-02-29", "2017-Q5", "", "20170905"}) {
    EXPECT_FALSE(IntervalOfValue(v).has_value()) << v;
  }
}

TEST(TimexNarrative, FollowingDayMovesWithTheReferenceTime) {
  Document doc;
  const auto found = Find(
      "On 5 September 2014, the army captured the town. The following day, "
      "rebels "
      "counterattacked. Since 2014 the town has changed hands, and between 3 "
      "and 5 May "
      "it was shelled.",
      "2017-09-08", &doc);
  const Timex* first = FindSurface(doc, found, "5 September 2014");
  ASSERT_NE(first, nullptr) << Surfaces(doc, found);
  EXPECT_EQ(first->anchor, DateAnchor::kExplicit);
  const Timex* next = FindSurface(doc, found, "The following day");
  ASSERT_NE(next, nullptr) << Surfaces(doc, found);
  EXPECT_EQ(next->value, "2014-09-06");
  EXPECT_EQ(next->anchor, DateAnchor::kReference);
  EXPECT_STREQ(DateAnchorName(next->anchor), "previous-event");
  const Timex* since = FindSurface(doc, found, "2014");
  ASSERT_NE(since, nullptr);
  EXPECT_EQ(since->range_start, "2014-01-01");
  EXPECT_EQ(since->range_end, "2017-09-08");
  const Timex* three = FindSurface(doc, found, "3");
  const Timex* five = FindSurface(doc, found, "5 May");
  ASSERT_NE(three, nullptr) << Surfaces(doc, found);
  ASSERT_NE(five, nullptr);
  EXPECT_EQ(three->value, "2017-05-03");
  EXPECT_EQ(five->value, "2017-05-05");
  EXPECT_EQ(three->range_start, "2017-05-03");
  EXPECT_EQ(three->range_end, "2017-05-05");
}

// ---------------------------------------------------------------------------
// The seed article (dateline 8 Sep 2017).

TEST(TimexSeedArticle, DatesResolveAgainstTheDateline) {
  const std::string text = test_util::ReadAll(std::string(SITREP_SOURCE_DIR) +
                                              "/examples/seed-article.txt");
  ASSERT_FALSE(text.empty());
  Document doc;
  const auto found = Find(text, "2017-09-08", &doc);
  int september5 = 0;
  for (const Timex& t : found) {
    const std::string s = doc.text.substr(t.begin, t.end - t.begin);
    EXPECT_EQ(doc.text.substr(t.begin, t.end - t.begin), s);  // span property
    if (s == "September 5") {
      ++september5;
      EXPECT_EQ(t.value, "2017-09-05");
      EXPECT_EQ(t.precision, DatePrecision::kDay);
    }
  }
  EXPECT_EQ(september5, 2);
  struct Want {
    const char* surface;
    const char* value;
    const char* start;
    const char* end;
  };
  constexpr Want kWant[] = {
      {"Thursday", "2017-09-07", "2017-09-07", "2017-09-07"},
      {"Friday", "2017-09-08", "2017-09-08", "2017-09-08"},
      {"Earlier this week", "2017-W36", "2017-09-04", "2017-09-10"},
      {"April", "2017-04", "2017-04-01", "2017-04-30"},
      {"2015", "2015", "2015-01-01", "2015-12-31"},
      {"2016", "2016", "2016-01-01", "2016-12-31"},
      {"November 2015", "2015-11", "2015-11-01", "2015-11-30"},
      {"the year later", "2015", "2015-01-01", "2015-12-31"},
      {"three years", "P3Y", "", ""},
      {"three-year-long", "P3Y", "", ""},
  };
  for (const Want& w : kWant) {
    const Timex* t = FindSurface(doc, found, w.surface);
    ASSERT_NE(t, nullptr) << w.surface << ": " << Surfaces(doc, found);
    EXPECT_EQ(t->value, w.value) << w.surface;
    EXPECT_EQ(t->start, w.start) << w.surface;
    EXPECT_EQ(t->end_date, w.end) << w.surface;
  }
  // Neither money nor distances nor the jets' model numbers.
  for (const char* s : {"$5 million", "5 million", "20 kilometers", "Su-34"}) {
    EXPECT_EQ(FindSurface(doc, found, s), nullptr) << s;
  }
}

// ---------------------------------------------------------------------------
// Bad input: no value rather than a wrong one, never a crash.

TEST(TimexBadInput, AbsurdDatesGiveNoValue) {
  struct Bad {
    const char* sentence;
    const char*
        surface;  // recognized without a value; nullptr: not recognized at all
  };
  constexpr Bad kBad[] = {
      {"It happened on 32 September.", "32 September"},
      {"It happened on September 32.", "September 32"},
      {"It happened on February 30, 2017.", "February 30, 2017"},
      {"It happened on February 29, 2017.", "February 29, 2017"},
      {"It happened on 2017-02-29.", "2017-02-29"},
      {"It happened on 31 April 2017.", "31 April 2017"},
  };
  for (const Bad& b : kBad) {
    Document doc;
    const auto found = Find(b.sentence, "2017-09-08", &doc);
    const Timex* t = FindSurface(doc, found, b.surface);
    ASSERT_NE(t, nullptr) << b.sentence << " -> " << Surfaces(doc, found);
    EXPECT_EQ(t->value, "") << b.sentence;
    EXPECT_EQ(t->precision, DatePrecision::kUnknown) << b.sentence;
    for (const Timex& other : found) {
      if (&other != t) {
        EXPECT_EQ(other.value, "") << b.sentence << " " << Surfaces(doc, found);
      }
    }
  }
}

TEST(TimexBadInput, AbsurdNumbersGiveNoValue) {
  const std::string digits200(200, '7');
  const std::string texts[] = {
      "It was the 10,000th year of the empire.",
      "It lasted " + digits200 + " years.",
      "It happened " + digits200 + " years ago.",
      "It happened in " + digits200 + ".",
      "It lasted 99999999 years ago.",
      "On " + digits200 + " September the town fell.",
  };
  for (const std::string& s : texts) {
    Document doc;
    const auto found = Find(s, "2017-09-08", &doc);
    for (const Timex& t : found) {
      EXPECT_EQ(t.value, "") << s << " -> " << Surfaces(doc, found);
    }
  }
}

TEST(TimexBadInput, GarbageNeverCrashes) {
  std::string junk;
  for (int i = 0; i < 4000; ++i) {
    junk.push_back(static_cast<char>((i * 131 + 7) % 256));
    if (i % 17 == 0) junk += " September 5 ";
    if (i % 23 == 0) junk += " last ";
    if (i % 29 == 0) junk += " the ";
    if (i % 31 == 0) junk += "-";
  }
  for (const char* dct :
       {"2017-09-08", "", "garbage", "2017-02-30", "9999-99-99"}) {
    Document doc;
    const auto found = Find(junk, dct, &doc);
    for (const Timex& t : found) {
      EXPECT_LE(t.begin, t.end);
      EXPECT_LE(t.end, doc.text.size());
    }
  }
}

// ---------------------------------------------------------------------------
// The TimeML evaluation on a hand-written file.

constexpr const char kTimeML[] =
    R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>test1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2017-09-08" temporalFunction="false" functionInDocument="CREATION_TIME">2017-09-08</TIMEX3></DCT>
<TEXT>
Syrian troops <EVENT eid="e1" class="OCCURRENCE">broke</EVENT> the siege <TIMEX3 tid="t1" type="DATE" value="2017-09-05">on September 5</TIMEX3>, the ministry <EVENT eid="e2" class="REPORTING">said</EVENT> <TIMEX3 tid="t2" type="DATE" value="2017-09-07">Thursday</TIMEX3>. The city had been besieged for <TIMEX3 tid="t3" type="DURATION" value="P3Y">three years</TIMEX3> <SIGNAL sid="s1">since</SIGNAL> <TIMEX3 tid="t4" type="DATE" value="2014">2014</TIMEX3>. Talks are planned for <TIMEX3 tid="t5" type="DATE" value="2017-10-01">October 1</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
)";

TEST(TimeEval, ScoresAndWritesTimeML) {
  auto doc = ParseTimeML(kTimeML);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->dct, "2017-09-08");
  ASSERT_EQ(doc->gold.size(), 5u);
  EXPECT_EQ(doc->text.substr(doc->gold[0].begin,
                             doc->gold[0].end - doc->gold[0].begin),
            "on September 5");
  EXPECT_EQ(doc->text.find('<'), std::string::npos);

  const std::string dir = test_util::TempPath("time_eval", "in");
  const std::string out_dir = test_util::TempPath("time_eval", "out");
  std::filesystem::create_directories(dir);
  test_util::WriteAll(dir + "/doc1.tml", kTimeML);
  test_util::WriteAll(dir + "/notes.txt", "not TimeML");
  auto report = EvalTime(dir, out_dir, nullptr);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->documents, 1u);
  EXPECT_EQ(report->gold, 5u);
  // sitrep finds September 5 (extent without "on": relaxed only),
  // Thursday, three years, 2014 and October 1.
  EXPECT_EQ(report->predicted, 5u);
  EXPECT_EQ(report->relaxed_matched, 5u);
  EXPECT_EQ(report->strict_matched, 4u);
  EXPECT_EQ(report->value_correct, 5u);
  EXPECT_DOUBLE_EQ(report->relaxed_f1, 100.0);
  EXPECT_DOUBLE_EQ(report->strict_f1, 80.0);
  EXPECT_DOUBLE_EQ(report->value_f1, 100.0);
  EXPECT_DOUBLE_EQ(report->type_f1, 100.0);

  const std::string written = test_util::ReadAll(out_dir + "/doc1.tml");
  ASSERT_FALSE(written.empty());
  // DCT kept; the same characters of the text; sitrep's tags inserted.
  EXPECT_NE(written.find(
                "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-09-08\""),
            std::string::npos);
  EXPECT_NE(
      written.find(
          "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-09-05\">September "
          "5</TIMEX3>"),
      std::string::npos);
  EXPECT_NE(
      written.find("<TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P3Y\">three "
                   "years</TIMEX3>"),
      std::string::npos);
  EXPECT_EQ(written.find("<EVENT"), std::string::npos);
  auto reread = ParseTimeML(written);
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread->text, doc->text);
  EXPECT_EQ(reread->dct, "2017-09-08");
  ASSERT_EQ(reread->gold.size(), 5u);
  EXPECT_EQ(reread->gold[4].value, "2017-10-01");

  // One file as PATH works too; a missing path is an error.
  auto single = EvalTime(dir + "/doc1.tml", "", nullptr);
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->gold, 5u);
  EXPECT_FALSE(EvalTime(dir + "/missing.tml", "", nullptr).ok());
  EXPECT_FALSE(ParseTimeML("<TimeML>no text</TimeML>").ok());
  EXPECT_FALSE(ParseTimeML("<TEXT>unclosed <EVENT eid=\"e1\"</TEXT>").ok());
}

}  // namespace
}  // namespace sitrep::time
