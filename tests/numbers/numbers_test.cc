// The numbers stage: number expressions, what they measure, and casualty
// frames. Every table runs on tokenized text alone (no models); the last
// tests use the shipped models when they load.
#include "numbers/numbers.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "numbers/lexicon.h"
#include "pipeline/pipeline.h"
#include "tests/test_util.h"
#include "text/text.h"

namespace sitrep::numbers {
namespace {

Document Doc(const std::string& text) {
  Document doc;
  doc.id = "test";
  doc.text = text;
  EXPECT_TRUE(text::ProcessText(doc).ok());
  return doc;
}

std::string Text(const Document& doc, uint32_t b, uint32_t e) {
  return doc.text.substr(b, e - b);
}

// The expression whose text is `want`, or nullopt.
std::optional<NumberExpr> FindExpr(const Document& doc,
                                   const std::string& want) {
  for (const NumberExpr& n : FindNumbers(doc)) {
    if (Text(doc, n.begin, n.end) == want) return n;
  }
  return std::nullopt;
}

std::string Dump(const Document& doc) {
  std::string s;
  for (const NumberExpr& n : FindNumbers(doc)) {
    s.append("[").append(Text(doc, n.begin, n.end)).append("|");
    s.append(NumberUseName(n.use))
        .append("|")
        .append(std::to_string(n.value))
        .append("] ");
  }
  return s;
}

std::string Opt(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "null";
}

// ---------------------------------------------------------------------------
// Number forms.

struct NumberCase {
  const char* sentence;
  const char* expr;  // the expression's exact text
  double value;
  double high;  // -1: not a range
  Qualifier qualifier;
  bool vague;
};

TEST(NumberForms, EveryForm) {
  using Q = Qualifier;
  const NumberCase cases[] = {
      // Digits with separators.
      {"They counted 40 people.", "40", 40, -1, Q::kExactly, false},
      {"They counted 3,000 people.", "3,000", 3000, -1, Q::kExactly, false},
      {"They counted 1,250,000 people.", "1,250,000", 1250000, -1, Q::kExactly,
       false},
      {"They counted 1.5 million people.", "1.5 million", 1500000, -1,
       Q::kExactly, false},
      {"They counted 3 million people.", "3 million", 3000000, -1, Q::kExactly,
       false},
      {"They counted 2 dozen people.", "2 dozen", 24, -1, Q::kExactly, false},
      {"The ratio was 1.5 to the dollar.", "1.5", 1.5, -1, Q::kExactly, false},
      // Words.
      {"They counted forty people.", "forty", 40, -1, Q::kExactly, false},
      {"They counted twenty-one people.", "twenty-one", 21, -1, Q::kExactly,
       false},
      {"They counted twenty one people.", "twenty one", 21, -1, Q::kExactly,
       false},
      {"They counted a dozen people.", "a dozen", 12, -1, Q::kExactly, false},
      {"They counted half a dozen people.", "half a dozen", 6, -1, Q::kExactly,
       false},
      {"They counted two dozen people.", "two dozen", 24, -1, Q::kExactly,
       false},
      {"They counted a hundred people.", "a hundred", 100, -1, Q::kExactly,
       false},
      {"They counted two thousand five hundred people.",
       "two thousand five hundred", 2500, -1, Q::kExactly, false},
      {"They counted one hundred and twenty people.", "one hundred and twenty",
       120, -1, Q::kExactly, false},
      {"They counted fifteen hundred people.", "fifteen hundred", 1500, -1,
       Q::kExactly, false},
      {"They counted twenty-one thousand people.", "twenty-one thousand", 21000,
       -1, Q::kExactly, false},
      {"They counted Forty people.", "Forty", 40, -1, Q::kExactly, false},
      {"They counted two hundred twenty-one people.", "two hundred twenty-one",
       221, -1, Q::kExactly, false},
      {"They counted one thousand and forty-two people.",
       "one thousand and forty-two", 1042, -1, Q::kExactly, false},
      // Vague quantities: the least they can mean, at_least.
      {"They counted dozens of people.", "dozens of", 24, -1, Q::kAtLeast,
       true},
      {"They counted scores of people.", "scores of", 40, -1, Q::kAtLeast,
       true},
      {"They counted hundreds of people.", "hundreds of", 200, -1, Q::kAtLeast,
       true},
      {"They counted thousands of people.", "thousands of", 2000, -1,
       Q::kAtLeast, true},
      {"They counted tens of thousands of people.", "tens of thousands of",
       20000, -1, Q::kAtLeast, true},
      {"They counted hundreds of thousands of people.",
       "hundreds of thousands of", 200000, -1, Q::kAtLeast, true},
      {"They counted several hundred people.", "several hundred", 300, -1,
       Q::kAtLeast, true},
      {"They counted a few hundred people.", "a few hundred", 200, -1,
       Q::kAtLeast, true},
      {"They counted several people.", "several", 3, -1, Q::kAtLeast, true},
      // Ranges.
      {"They counted 20 to 30 people.", "20 to 30", 20, 30, Q::kRange, false},
      {"They counted 20-30 people.", "20-30", 20, 30, Q::kRange, false},
      {"They counted 20\xE2\x80\x93"
       "30 people.",
       "20\xE2\x80\x93"
       "30",
       20, 30, Q::kRange, false},
      {"They counted between 20 and 30 people.", "between 20 and 30", 20, 30,
       Q::kRange, false},
      {"They counted two or three people.", "two or three", 2, 3, Q::kRange,
       false},
      {"They counted two to three thousand people.", "two to three thousand",
       2000, 3000, Q::kRange, false},
      // Qualifiers.
      {"They counted some 40 people.", "some 40", 40, -1, Q::kAbout, false},
      {"Some 40 people came.", "Some 40", 40, -1, Q::kAbout, false},
      {"They counted about 40 people.", "about 40", 40, -1, Q::kAbout, false},
      {"They counted around 40 people.", "around 40", 40, -1, Q::kAbout, false},
      {"They counted roughly 40 people.", "roughly 40", 40, -1, Q::kAbout,
       false},
      {"They counted approximately 40 people.", "approximately 40", 40, -1,
       Q::kAbout, false},
      {"They counted an estimated 40 people.", "an estimated 40", 40, -1,
       Q::kAbout, false},
      {"They counted nearly 40 people.", "nearly 40", 40, -1, Q::kAbout, false},
      {"They counted almost 40 people.", "almost 40", 40, -1, Q::kAbout, false},
      {"They counted 40-odd people.", "40-odd", 40, -1, Q::kAbout, false},
      {"They counted 40 or so people.", "40 or so", 40, -1, Q::kAbout, false},
      {"They counted up to 40 people.", "up to 40", 40, -1, Q::kUpTo, false},
      {"They counted as many as 40 people.", "as many as 40", 40, -1, Q::kUpTo,
       false},
      {"They counted fewer than 40 people.", "fewer than 40", 40, -1, Q::kUpTo,
       false},
      {"They counted at most 40 people.", "at most 40", 40, -1, Q::kUpTo,
       false},
      {"They counted at least 40 people.", "at least 40", 40, -1, Q::kAtLeast,
       false},
      {"They counted more than 40 people.", "more than 40", 40, -1, Q::kAtLeast,
       false},
      {"They counted over 40 people.", "over 40", 40, -1, Q::kAtLeast, false},
      {"They counted upwards of 40 people.", "upwards of 40", 40, -1,
       Q::kAtLeast, false},
      {"They counted 40 or more people.", "40 or more", 40, -1, Q::kAtLeast,
       false},
      {"They counted no fewer than 40 people.", "no fewer than 40", 40, -1,
       Q::kAtLeast, false},
      {"They counted exactly 40 people.", "exactly 40", 40, -1, Q::kExactly,
       false},
      {"They counted a total of 40 people.", "a total of 40", 40, -1,
       Q::kExactly, false},
      {"They counted at least forty-two people.", "at least forty-two", 42, -1,
       Q::kAtLeast, false},
      {"They counted more than 1,000 people.", "more than 1,000", 1000, -1,
       Q::kAtLeast, false},
  };
  for (const NumberCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    Document doc = Doc(c.sentence);
    std::optional<NumberExpr> n = FindExpr(doc, c.expr);
    ASSERT_TRUE(n.has_value()) << Dump(doc);
    EXPECT_EQ(n->use, NumberUse::kCount);
    EXPECT_TRUE(n->has_value);
    EXPECT_DOUBLE_EQ(n->value, c.value);
    if (c.high < 0) {
      EXPECT_FALSE(n->high.has_value());
    } else {
      ASSERT_TRUE(n->high.has_value());
      EXPECT_DOUBLE_EQ(*n->high, c.high);
    }
    EXPECT_EQ(QualifierName(n->qualifier),
              std::string(QualifierName(c.qualifier)));
    EXPECT_EQ(n->vague, c.vague);
  }
}

// Qualifier → best/min/max, per EVENT-RECORD.md.
TEST(NumberForms, CountBounds) {
  struct Case {
    const char* sentence;
    const char* expr;
    int64_t best;
    const char* min;
    const char* max;
    const char* qualifier;
  };
  const Case cases[] = {
      {"They counted 40 people.", "40", 40, "40", "40", "exactly"},
      {"They counted at least 40 people.", "at least 40", 40, "40", "null",
       "at_least"},
      {"They counted more than 40 people.", "more than 40", 40, "40", "null",
       "at_least"},
      {"They counted some 40 people.", "some 40", 40, "null", "null", "about"},
      {"They counted nearly 40 people.", "nearly 40", 40, "null", "40",
       "about"},
      {"They counted up to 40 people.", "up to 40", 40, "null", "40", "up_to"},
      {"They counted 20 to 30 people.", "20 to 30", 20, "20", "30", "range"},
      {"They counted dozens of people.", "dozens of", 24, "24", "null",
       "at_least"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    Document doc = Doc(c.sentence);
    std::optional<NumberExpr> n = FindExpr(doc, c.expr);
    ASSERT_TRUE(n.has_value()) << Dump(doc);
    std::optional<Count> count = ToCount(*n);
    ASSERT_TRUE(count.has_value());
    EXPECT_EQ(count->best, c.best);
    EXPECT_EQ(Opt(count->min), c.min);
    EXPECT_EQ(Opt(count->max), c.max);
    EXPECT_STREQ(QualifierName(count->qualifier), c.qualifier);
  }
}

// ---------------------------------------------------------------------------
// Never counts.

struct NeverCase {
  const char* sentence;
  const char* expr;
  NumberUse use;
};

TEST(NumberNeverCounts, EveryKind) {
  using U = NumberUse;
  const NeverCase cases[] = {
      // Money.
      {"The US offered a bounty of up to $5 million for him.", "$5 million",
       U::kMoney},
      {"A reward of up to $3 million was offered.", "$3 million", U::kMoney},
      {"They paid 3 million dollars to the kidnappers.", "3 million",
       U::kMoney},
      {"They paid 5,000 euros to the smugglers.", "5,000", U::kMoney},
      {"The deal was worth \xE2\x82\xAC"
       "20 million.",
       "\xE2\x82\xAC"
       "20 million",
       U::kMoney},
      {"The deal was worth \xC2\xA3"
       "1.13bn.",
       "\xC2\xA3"
       "1.13bn",
       U::kMoney},
      {"The fine was Rs 500 per person.", "Rs 500", U::kMoney},
      {"The fine was Rs. 500 per person.", "Rs. 500", U::kMoney},
      {"They raised thousands of dollars for the victims.", "thousands of",
       U::kMoney},
      // Distances.
      {"He fled to an area some 20 kilometers to the southeast.", "20",
       U::kDistance},
      {"The town is 20km from the border.", "20km", U::kDistance},
      {"The convoy was 12 miles away.", "12", U::kDistance},
      {"The drone flew at 600m.", "600m", U::kDistance},
      // Durations.
      {"They broke the three-year-long siege of the city.", "three-year-long",
       U::kDuration},
      {"The city had been besieged for three years.", "three", U::kDuration},
      {"A 10-day offensive followed.", "10-day", U::kDuration},
      {"They ended the 3yr siege.", "3yr", U::kDuration},
      {"The curfew lasted 48 hours.", "48", U::kDuration},
      {"Over 3 days the fighting spread.", "3", U::kDuration},
      // Ages.
      {"John Smith, 19, was killed in the blast.", "19", U::kAge},
      {"A 19-year-old was arrested.", "19-year-old", U::kAge},
      {"The victim, aged 24, was a nurse.", "24", U::kAge},
      {"Ahmed Khan (34) was detained.", "34", U::kAge},
      {"The boy was 12 years old.", "12", U::kAge},
      // Calibres and model numbers.
      {"They fired 120mm mortars at the base.", "120mm", U::kModel},
      {"Russia's Su-34 jets struck the base.", "Su-34", U::kModel},
      {"A T-72 tank was destroyed.", "T-72", U::kModel},
      {"He carried an AK-47 rifle.", "AK-47", U::kModel},
      {"They used 155 mm shells.", "155", U::kModel},
      // Years.
      {"In 2015 he pledged allegiance to ISIS.", "2015", U::kYear},
      {"He trained in the US up to 2014 before leaving.", "2014", U::kYear},
      {"The militia grew in the 1990s.", "1990s", U::kYear},
      {"The group was founded in mid-2015.", "mid-2015", U::kYear},
      {"Prices rose in 2015-2017.", "2015-2017", U::kYear},
      // Times.
      {"The blast happened at 06:02 local time.", "06:02", U::kTime},
      {"The curfew starts at 5 p.m. daily.", "5", U::kTime},
      {"The attack began at 9 pm on Friday.", "9", U::kTime},
      // Dates.
      {"They struck on September 5, the ministry said.", "5", U::kDate},
      {"They struck on 5 September.", "5", U::kDate},
      {"They struck on 2017-09-08.", "2017-09-08", U::kDate},
      {"The 9/11 attacks changed the war.", "9/11", U::kDate},
      {"They struck on Sept. 5 at dawn.", "5", U::kDate},
      // Percentages.
      {"Turnout was 76% in the capital.", "76", U::kPercent},
      {"Turnout was 40 percent in the north.", "40", U::kPercent},
      {"Turnout was 40 per cent in the north.", "40", U::kPercent},
      // Votes.
      {"The resolution passed by 12 votes to 3.", "12", U::kVote},
      {"The council voted 13-0 in favour.", "13-0", U::kVote},
      {"The motion passed 12 to 3.", "12 to 3", U::kVote},
      {"The party won 40 seats.", "40", U::kVote},
      // Phone numbers.
      {"Call 555-1234 for information.", "555-1234", U::kPhone},
      {"The hotline is +44 20 7946 0958 today.", "20", U::kPhone},
      {"Call 020 7946 0958 today.", "020", U::kPhone},
      // Ordinals.
      {"It was the 5th attack this year.", "5th", U::kOrdinal},
      {"It was the third attack this year.", "third", U::kOrdinal},
      // Labels.
      {"Resolution 2254 was adopted.", "2254", U::kLabel},
      {"Flight 17 was shot down over Ukraine.", "17", U::kLabel},
      {"He lived at No. 5 in the old town.", "5", U::kLabel},
      // Other measures.
      {"Police seized 40 kilograms of heroin.", "40", U::kMeasure},
      {"Temperatures reached 45 degrees.", "45", U::kMeasure},
      {"They formed a five-member committee.", "five-member", U::kOther},
  };
  for (const NeverCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    Document doc = Doc(c.sentence);
    std::optional<NumberExpr> n = FindExpr(doc, c.expr);
    ASSERT_TRUE(n.has_value()) << Dump(doc);
    EXPECT_STREQ(NumberUseName(n->use), NumberUseName(c.use)) << Dump(doc);
    EXPECT_FALSE(ToCount(*n).has_value());
  }
}

// A never-a-count number next to a casualty word is still no casualty.
TEST(NumberNeverCounts, NoCasualtyFromNonCounts) {
  const char* sentences[] = {
      "The US offered a bounty of up to $5 million for him, killed or "
      "captured.",
      "Khalimov managed to escape to an area some 20 kilometers to the "
      "southeast.",
      "They broke the three-year-long siege, the ministry said.",
      "John Smith, 19, was killed in the blast.",
      "A 19-year-old was killed in the blast.",
      "In 2015 killed militants were buried there.",
      "The 120mm shell killed nobody.",
      "The vote was 12 to 3 and nobody was arrested.",
      "40 percent of those killed were children.",
      "Police seized 40 kilograms of heroin.",
      "Rebels destroyed 12 tanks.",
      "40 tanks were destroyed.",
      "The strike killed 40 sheep.",
      "The siege lasted three years and thousands died.",
      "Flight 17 was shot down.",
      "On September 5 killed soldiers were buried.",
      "Su-34 jets killed nobody.",
      "Call 555-1234 if anyone is missing.",
      "It was the third attack killing civilians.",
      "40 people were not killed.",
  };
  for (const char* s : sentences) {
    SCOPED_TRACE(s);
    Document doc = Doc(s);
    std::vector<Casualty> got = FindCasualties(doc);
    if (std::string(s).find("thousands died") != std::string::npos) {
      ASSERT_EQ(got.size(), 1u);
      EXPECT_EQ(got[0].count.best, 2000);
      EXPECT_EQ(got[0].count.text, "thousands");
      continue;
    }
    EXPECT_TRUE(got.empty()) << got[0].count.text;
  }
}

// ---------------------------------------------------------------------------
// Casualty frames.

struct Want {
  CasualtyKind kind;
  int64_t best;
  const char* min;
  const char* max;
  const char* qualifier;
  const char* text;
  const char* victim_type;
  const char* trigger;
};

struct CasualtyCase {
  const char* sentence;
  std::vector<Want> want;
};

void CheckCasualties(const CasualtyCase& c) {
  SCOPED_TRACE(c.sentence);
  Document doc = Doc(c.sentence);
  std::vector<Casualty> got = FindCasualties(doc);
  std::string got_s;
  for (const Casualty& g : got) {
    got_s += std::string(CasualtyKindName(g.kind)) + " " +
             std::to_string(g.count.best) + " '" + g.count.text +
             "' trigger '" + g.trigger + "'; ";
  }
  ASSERT_EQ(got.size(), c.want.size()) << got_s << Dump(doc);
  for (size_t k = 0; k < got.size(); ++k) {
    const Casualty& g = got[k];
    const Want& w = c.want[k];
    EXPECT_STREQ(CasualtyKindName(g.kind), CasualtyKindName(w.kind)) << got_s;
    EXPECT_EQ(g.count.best, w.best) << got_s;
    EXPECT_EQ(Opt(g.count.min), w.min) << got_s;
    EXPECT_EQ(Opt(g.count.max), w.max) << got_s;
    EXPECT_STREQ(QualifierName(g.count.qualifier), w.qualifier) << got_s;
    EXPECT_EQ(g.count.text, w.text) << got_s;
    EXPECT_EQ(g.victim_type, w.victim_type) << got_s;
    EXPECT_EQ(g.trigger, w.trigger) << got_s;
    // Spans are exact source text.
    EXPECT_EQ(Text(doc, g.count.begin, g.count.end), g.count.text);
    EXPECT_EQ(Text(doc, g.trigger_begin, g.trigger_end), g.trigger);
    if (!g.victim.empty()) {
      EXPECT_EQ(Text(doc, g.victim_begin, g.victim_end), g.victim);
    }
  }
}

TEST(CasualtyFrames, Killed) {
  using K = CasualtyKind;
  const CasualtyCase cases[] = {
      {"At least 40 people were killed.",
       {{K::kKilled, 40, "40", "null", "at_least", "At least 40 people",
         "unknown", "killed"}}},
      {"Some 40 civilians were killed in the raid.",
       {{K::kKilled, 40, "null", "null", "about", "Some 40 civilians",
         "civilian", "killed"}}},
      {"Militants killed 12 soldiers near the border.",
       {{K::kKilled, 12, "12", "12", "exactly", "12 soldiers", "military",
         "killed"}}},
      {"The attack killed at least 7 people.",
       {{K::kKilled, 7, "7", "null", "at_least", "at least 7 people", "unknown",
         "killed"}}},
      {"Three policemen died in the ambush.",
       {{K::kKilled, 3, "3", "3", "exactly", "Three policemen", "police",
         "died"}}},
      {"The blast left 15 dead.",
       {{K::kKilled, 15, "15", "15", "exactly", "15", "unknown", "dead"}}},
      {"40 killed in Syria strike",
       {{K::kKilled, 40, "40", "40", "exactly", "40", "unknown", "killed"}}},
      {"The death toll rose to 52 on Sunday.",
       {{K::kKilled, 52, "52", "52", "exactly", "52", "unknown",
         "death toll"}}},
      {"The death toll from the attack has risen to at least 60.",
       {{K::kKilled, 60, "60", "null", "at_least", "at least 60", "unknown",
         "death toll"}}},
      {"The number of dead stood at 30.",
       {{K::kKilled, 30, "30", "30", "exactly", "30", "unknown",
         "number of dead"}}},
      {"Police found 12 bodies in a mass grave.",
       {{K::kKilled, 12, "12", "12", "exactly", "12 bodies", "unknown",
         "bodies"}}},
      {"The bodies of 9 migrants were found on the beach.",
       {{K::kKilled, 9, "9", "9", "exactly", "9 migrants", "civilian",
         "bodies"}}},
      {"The clashes claimed 40 lives.",
       {{K::kKilled, 40, "40", "40", "exactly", "40 lives", "unknown",
         "claimed"}}},
      {"Officials reported 40 deaths.",
       {{K::kKilled, 40, "40", "40", "exactly", "40 deaths", "unknown",
         "deaths"}}},
      {"Dozens of people were killed.",
       {{K::kKilled, 24, "24", "null", "at_least", "Dozens of people",
         "unknown", "killed"}}},
      {"Between 20 and 30 people were killed.",
       {{K::kKilled, 20, "20", "30", "range", "Between 20 and 30 people",
         "unknown", "killed"}}},
      {"Up to 15 people may have been killed.",
       {{K::kKilled, 15, "null", "15", "up_to", "Up to 15 people", "unknown",
         "killed"}}},
      {"Nearly 50 people died.",
       {{K::kKilled, 50, "null", "50", "about", "Nearly 50 people", "unknown",
         "died"}}},
      {"As many as 70 people were killed.",
       {{K::kKilled, 70, "null", "70", "up_to", "As many as 70 people",
         "unknown", "killed"}}},
      {"15 people were shot dead.",
       {{K::kKilled, 15, "15", "15", "exactly", "15 people", "unknown",
         "shot dead"}}},
      {"A soldier was killed.",
       {{K::kKilled, 1, "1", "1", "exactly", "A soldier", "military",
         "killed"}}},
      {"Forty people, the ministry said, were killed.",
       {{K::kKilled, 40, "40", "40", "exactly", "Forty people", "unknown",
         "killed"}}},
      {"12 people in the village were killed.",
       {{K::kKilled, 12, "12", "12", "exactly", "12 people", "unknown",
         "killed"}}},
      {"Flight 17 was shot down, killing 298 people.",
       {{K::kKilled, 298, "298", "298", "exactly", "298 people", "unknown",
         "killing"}}},
      {"In 2015, 300 people were killed.",
       {{K::kKilled, 300, "300", "300", "exactly", "300 people", "unknown",
         "killed"}}},
      {"On September 5 militants killed 12 soldiers.",
       {{K::kKilled, 12, "12", "12", "exactly", "12 soldiers", "military",
         "killed"}}},
      {"Su-34 jets killed 40 militants.",
       {{K::kKilled, 40, "40", "40", "exactly", "40 militants", "insurgent",
         "killed"}}},
      {"The 10-day offensive killed 40.",
       {{K::kKilled, 40, "40", "40", "exactly", "40", "unknown", "killed"}}},
      {"Gunmen shot and killed 2 police officers.",
       {{K::kKilled, 2, "2", "2", "exactly", "2 police officers", "police",
         "shot and killed"}}},
      {"Some 40 Islamic State terrorists, including the so-called \xE2\x80\x9C"
       "emir of Deir "
       "ez-Zor\xE2\x80\x9D are said to have been killed as Russian warplanes "
       "struck.",
       {{K::kKilled, 40, "null", "null", "about",
         "Some 40 Islamic State terrorists", "terrorist", "killed"}}},
      {"Thousands died in the famine.",
       {{K::kKilled, 2000, "2000", "null", "at_least", "Thousands", "unknown",
         "died"}}},
  };
  for (const CasualtyCase& c : cases) CheckCasualties(c);
}

TEST(CasualtyFrames, OtherKinds) {
  using K = CasualtyKind;
  const CasualtyCase cases[] = {
      {"Five people were wounded.",
       {{K::kInjured, 5, "5", "5", "exactly", "Five people", "unknown",
         "wounded"}}},
      {"The blast injured 23 people.",
       {{K::kInjured, 23, "23", "23", "exactly", "23 people", "unknown",
         "injured"}}},
      {"Hundreds were injured.",
       {{K::kInjured, 200, "200", "null", "at_least", "Hundreds", "unknown",
         "injured"}}},
      {"Gunmen kidnapped 30 students.",
       {{K::kAbducted, 30, "30", "30", "exactly", "30 students", "civilian",
         "kidnapped"}}},
      {"Two aid workers were abducted.",
       {{K::kAbducted, 2, "2", "2", "exactly", "Two aid workers", "ngo",
         "abducted"}}},
      {"Twenty people were taken hostage.",
       {{K::kAbducted, 20, "20", "20", "exactly", "Twenty people", "unknown",
         "taken hostage"}}},
      {"Police arrested 14 suspects.",
       {{K::kArrested, 14, "14", "14", "exactly", "14 suspects", "unknown",
         "arrested"}}},
      {"Nine people were detained.",
       {{K::kArrested, 9, "9", "9", "exactly", "Nine people", "unknown",
         "detained"}}},
      {"More than 200 protesters were arrested.",
       {{K::kArrested, 200, "200", "null", "at_least",
         "More than 200 protesters", "civilian", "arrested"}}},
      {"At least 100 people are missing.",
       {{K::kMissing, 100, "100", "null", "at_least", "At least 100 people",
         "unknown", "missing"}}},
      {"Twelve fishermen remain unaccounted for.",
       {{K::kMissing, 12, "12", "12", "exactly", "Twelve fishermen", "civilian",
         "unaccounted for"}}},
  };
  for (const CasualtyCase& c : cases) CheckCasualties(c);
}

TEST(CasualtyFrames, Compositions) {
  using K = CasualtyKind;
  const CasualtyCase cases[] = {
      {"Two soldiers and three civilians were killed.",
       {{K::kKilled, 5, "5", "5", "exactly", "Two soldiers and three civilians",
         "unknown", "killed"}}},
      {"The strike killed two soldiers and three civilians.",
       {{K::kKilled, 5, "5", "5", "exactly", "two soldiers and three civilians",
         "unknown", "killed"}}},
      {"The strike killed a soldier and two civilians.",
       {{K::kKilled, 3, "3", "3", "exactly", "a soldier and two civilians",
         "unknown", "killed"}}},
      {"The strike killed 4 soldiers, 2 policemen and 3 civilians.",
       {{K::kKilled, 9, "9", "9", "exactly",
         "4 soldiers, 2 policemen and 3 civilians", "unknown", "killed"}}},
      {"The strike killed at least 4 soldiers and 3 civilians.",
       {{K::kKilled, 7, "7", "null", "at_least",
         "at least 4 soldiers and 3 civilians", "unknown", "killed"}}},
      {"The raid killed 6 civilians, including 2 women.",
       {{K::kKilled, 6, "6", "6", "exactly", "6 civilians", "civilian",
         "killed"}}},
      {"The bomb killed 12, including 3 children.",
       {{K::kKilled, 12, "12", "12", "exactly", "12", "unknown", "killed"}}},
      {"At least 40 IS members, including four field commanders, were killed "
       "on the spot.",
       {{K::kKilled, 40, "40", "null", "at_least", "At least 40 IS members",
         "unknown", "killed"}}},
      {"Forty people, 12 of them children, were killed.",
       {{K::kKilled, 40, "40", "40", "exactly", "Forty people", "unknown",
         "killed"}}},
      {"Two soldiers were killed and three were wounded.",
       {{K::kKilled, 2, "2", "2", "exactly", "Two soldiers", "military",
         "killed"},
        {K::kInjured, 3, "3", "3", "exactly", "three", "unknown", "wounded"}}},
      {"The attack killed 3 soldiers and wounded 12 civilians.",
       {{K::kKilled, 3, "3", "3", "exactly", "3 soldiers", "military",
         "killed"},
        {K::kInjured, 12, "12", "12", "exactly", "12 civilians", "civilian",
         "wounded"}}},
      {"Fighters killed 3 soldiers, 2 civilians were injured.",
       {{K::kKilled, 3, "3", "3", "exactly", "3 soldiers", "military",
         "killed"},
        {K::kInjured, 2, "2", "2", "exactly", "2 civilians", "civilian",
         "injured"}}},
      {"Fighting left 3 rebels dead and 5 wounded.",
       {{K::kKilled, 3, "3", "3", "exactly", "3 rebels", "rebel", "dead"},
        {K::kInjured, 5, "5", "5", "exactly", "5", "unknown", "wounded"}}},
      {"The attack killed 40 people and injured 60 others.",
       {{K::kKilled, 40, "40", "40", "exactly", "40 people", "unknown",
         "killed"},
        {K::kInjured, 60, "60", "60", "exactly", "60 others", "unknown",
         "injured"}}},
  };
  for (const CasualtyCase& c : cases) CheckCasualties(c);
}

TEST(CasualtyFrames, IncludingPartsAreKeptNotAdded) {
  Document doc =
      Doc("The raid killed 6 civilians, including 2 women and a child.");
  std::vector<Casualty> got = FindCasualties(doc);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].count.best, 6);
  ASSERT_EQ(got[0].including.size(), 2u);
  EXPECT_EQ(got[0].including[0].text, "2 women");
  EXPECT_EQ(got[0].including[0].best, 2);
  EXPECT_EQ(got[0].including[1].text, "a child");
  EXPECT_EQ(got[0].including[1].best, 1);
}

TEST(CasualtyFrames, VictimGroupWithoutModels) {
  struct Case {
    const char* sentence;
    const char* victim;
    const char* group;
  };
  const Case cases[] = {
      {"At least 40 IS members were killed.", "IS members", "IS"},
      {"Some 40 Islamic State terrorists were killed.",
       "Islamic State terrorists", "Islamic State"},
      {"40 members of the Islamic State were killed.",
       "members of the Islamic State", "Islamic State"},
      {"Twelve Syrian soldiers were killed.", "Syrian soldiers", "Syrian"},
      {"The strike killed 40 people.", "people", ""},
      {"The strike killed 40.", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    Document doc = Doc(c.sentence);
    std::vector<Casualty> got = FindCasualties(doc);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].victim, c.victim);
    EXPECT_EQ(got[0].group, c.group);
  }
}

// Regressions found reading news with `sitrep numbers`, one per bug.
TEST(CasualtyRegressions, AgentOfAnActiveVerbIsNoVictim) {
  using K = CasualtyKind;
  CheckCasualties(
      {"A fire at one cafe that killed 25 people closed the street.",
       {{K::kKilled, 25, "25", "25", "exactly", "25 people", "unknown",
         "killed"}}});
  CheckCasualties({"Militants who killed 3 soldiers fled.",
                   {{K::kKilled, 3, "3", "3", "exactly", "3 soldiers",
                     "military", "killed"}}});
  CheckCasualties({"Four soldiers killed Monday in an attack.",
                   {{K::kKilled, 4, "4", "4", "exactly", "Four soldiers",
                     "military", "killed"}}});
  EXPECT_TRUE(
      FindCasualties(Doc("Some 40 gunmen killed the commander.")).empty());
  CheckCasualties({"A soldier who was killed was buried.",
                   {{K::kKilled, 1, "1", "1", "exactly", "A soldier",
                     "military", "killed"}}});
}

TEST(CasualtyRegressions, PredictionsAndThreatsAreNoReports) {
  const char* sentences[] = {
      "Two million children will die needlessly before 2015.",
      "The gunmen threatened to kill 40 hostages.",
      "Anyone convicted can be jailed for six months.",
      "Officials said 40 people would be arrested.",
  };
  for (const char* s : sentences) {
    SCOPED_TRACE(s);
    EXPECT_TRUE(FindCasualties(Doc(s)).empty());
  }
}

TEST(CasualtyRegressions, ThingsAreNoVictims) {
  const char* sentences[] = {
      "Almost 1.5 million posts disappeared between 1989 and 2003.",
      "Some 270 hunts met, killing a total of 91 foxes.",
      "Seventy search warrants were executed.",
      "The two bodies generating private income were questioned.",
      "Under the plan 168 public bodies would go.",
      "The team lost eight players plus injuries to others.",
      "Test scores of pupils killed the plan.",
      "His test scores were killed by the reform.",
      "He had a score of 85 when he was arrested.",
  };
  for (const char* s : sentences) {
    SCOPED_TRACE(s);
    std::vector<Casualty> got = FindCasualties(Doc(s));
    EXPECT_TRUE(got.empty()) << got[0].count.text;
  }
  using K = CasualtyKind;
  CheckCasualties({"In total, eight virus writers were arrested.",
                   {{K::kArrested, 8, "8", "8", "exactly",
                     "eight virus writers", "unknown", "arrested"}}});
}

TEST(CasualtyRegressions, AsideWithAgesAndNamedGroups) {
  using K = CasualtyKind;
  CheckCasualties(
      {"Police said the 25 suspects, aged between 18 and 35, were detained.",
       {{K::kArrested, 25, "25", "25", "exactly", "25 suspects", "unknown",
         "detained"}}});
  CheckCasualties(
      {"Attacks have killed at least 35 more innocent civilians.",
       {{K::kKilled, 35, "35", "null", "at_least",
         "at least 35 more innocent civilians", "civilian", "killed"}}});
  Document doc =
      Doc("ISIL has killed 70 members of the Al bu Nimr tribe in Anbar.");
  std::vector<Casualty> got = FindCasualties(doc);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].count.text, "70 members of the Al bu Nimr tribe");
  EXPECT_EQ(got[0].group, "Al bu Nimr tribe");
}

TEST(NumberRegressions, NamesDatesAndPhones) {
  using U = NumberUse;
  const NeverCase cases[] = {
      {"Burger, 21, was recently crowned player of the year.", "21", U::kAge},
      {"He competes in Madrid from 4-6 March.", "4-6", U::kDate},
      {"Call 0845 8 505 505 with information.", "505", U::kPhone},
      {"Call 0845 8 505 505 with information.", "0845", U::kPhone},
      {"England are fourth in the Six Nations table.", "Six", U::kLabel},
      {"He told BBC Radio Four's programme.", "Four", U::kLabel},
      {"The album entered the chart at number one.", "one", U::kLabel},
      {"Fifteen protesters from the Fathers 4 Justice group were arrested.",
       "4", U::kLabel},
      {"He said the children as young as 10 were recruited.", "10", U::kAge},
      {"The conductor has died in Germany at 50.", "50", U::kAge},
  };
  for (const NeverCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    Document doc = Doc(c.sentence);
    std::optional<NumberExpr> n = FindExpr(doc, c.expr);
    ASSERT_TRUE(n.has_value()) << Dump(doc);
    EXPECT_STREQ(NumberUseName(n->use), NumberUseName(c.use)) << Dump(doc);
  }
  using K = CasualtyKind;
  Document five = Doc("Five civilians, three of them children, were killed.");
  std::vector<Casualty> got = FindCasualties(five);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].count.best, 5);
  ASSERT_EQ(got[0].including.size(), 1u);
  EXPECT_EQ(got[0].including[0].text, "three of them children");
  CheckCasualties({"A 12-year-old boy was killed by a stray bullet.",
                   {{K::kKilled, 1, "1", "1", "exactly", "A 12-year-old boy",
                     "civilian", "killed"}}});
  CheckCasualties(
      {"Fifteen protesters from the Fathers 4 Justice group were arrested.",
       {{K::kArrested, 15, "15", "15", "exactly", "Fifteen protesters",
         "civilian", "arrested"}}});
}

// ---------------------------------------------------------------------------
// Every entry of every word table, in a sentence made for it.

TEST(NumberTables, EveryNumberWord) {
  using C = lex::NumberWordClass;
  for (const lex::NumberWord& e : lex::NumberWords()) {
    const std::string w(e.word);
    std::string sentence, expr;
    switch (e.cls) {
      case C::kHundred:
      case C::kScale:
      case C::kDozen:
        expr = "a " + w;
        break;
      case C::kVague:
        expr = w == "several" ? w : w + " of";
        break;
      default:
        expr = w;
    }
    sentence = "They counted " + expr + " people.";
    SCOPED_TRACE(sentence);
    Document doc = Doc(sentence);
    std::optional<NumberExpr> n = FindExpr(doc, expr);
    ASSERT_TRUE(n.has_value()) << Dump(doc);
    EXPECT_EQ(n->use, NumberUse::kCount);
    EXPECT_DOUBLE_EQ(n->value, static_cast<double>(e.value));
    EXPECT_EQ(n->vague, e.cls == C::kVague);
  }
}

TEST(NumberTables, EveryQualifier) {
  for (const lex::QualifierPhrase& e : lex::QualifierPhrases()) {
    const std::string q(e.phrase);
    const std::string expr =
        e.before ? q + " 40" : (q == "+" ? "40+" : "40 " + q);
    const std::string sentence = "They counted " + expr + " people.";
    SCOPED_TRACE(sentence);
    Document doc = Doc(sentence);
    std::optional<NumberExpr> n = FindExpr(doc, expr);
    ASSERT_TRUE(n.has_value()) << Dump(doc);
    EXPECT_EQ(n->use, NumberUse::kCount);
    EXPECT_STREQ(QualifierName(n->qualifier), QualifierName(e.qualifier));
    EXPECT_EQ(n->value, 40);
    std::optional<Count> c = ToCount(*n);
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->min.has_value(),
              e.bound == lex::kBoundMin || e.bound == lex::kBoundBoth);
    EXPECT_EQ(c->max.has_value(),
              e.bound == lex::kBoundMax || e.bound == lex::kBoundBoth);
  }
}

TEST(NumberTables, EveryUnit) {
  for (const lex::UnitPhrase& e : lex::UnitPhrases()) {
    const std::string u(e.phrase);
    if (u == "against") continue;  // a vote word only after a tally
    const std::string sentence = e.before
                                     ? "They paid " + u + " 40 on Monday."
                                     : "They counted 40 " + u + " on Monday.";
    SCOPED_TRACE(sentence);
    Document doc = Doc(sentence);
    std::optional<NumberExpr> n;
    for (const NumberExpr& x : FindNumbers(doc)) {
      if (Text(doc, x.begin, x.end).find("40") != std::string::npos) n = x;
    }
    ASSERT_TRUE(n.has_value()) << Dump(doc);
    EXPECT_STREQ(NumberUseName(n->use), NumberUseName(e.use)) << Dump(doc);
    EXPECT_FALSE(ToCount(*n).has_value());
    const std::string end = u.back() == '.' ? "" : ".";
    EXPECT_TRUE(FindCasualties(Doc("Gunmen killed 40 " + u + end)).empty() ||
                e.before);
  }
}

TEST(CasualtyTables, EveryCasualtyWord) {
  for (const lex::CasualtyPhrase& e : lex::CasualtyPhrases()) {
    const std::string w(e.phrase);
    std::vector<std::string> sentences;
    if (e.roles & lex::kAfter)
      sentences.push_back("Forty people " + w + " on Monday.");
    if (e.roles & lex::kBefore)
      sentences.push_back("Gunmen " + w + " 40 people on Monday.");
    if (e.roles & lex::kNoun) {
      sentences.push_back("The attack claimed the " + w +
                          " of 40 people, officials found.");
    }
    if (e.roles & lex::kCount)
      sentences.push_back("Officials found 40 " + w + " on Monday.");
    if (e.roles & lex::kToll)
      sentences.push_back("The " + w + " rose to 40 on Monday.");
    ASSERT_FALSE(sentences.empty()) << w;
    for (const std::string& sentence : sentences) {
      SCOPED_TRACE(sentence);
      Document doc = Doc(sentence);
      std::vector<Casualty> got = FindCasualties(doc);
      ASSERT_EQ(got.size(), 1u) << Dump(doc);
      EXPECT_STREQ(CasualtyKindName(got[0].kind), CasualtyKindName(e.kind));
      EXPECT_EQ(got[0].count.best, 40);
      EXPECT_EQ(got[0].trigger.find(w.substr(0, w.find(' '))), 0u)
          << got[0].trigger;
    }
  }
}

TEST(CasualtyTables, EveryVictimNoun) {
  for (const lex::VictimNoun& e : lex::VictimNouns()) {
    const std::string v(e.phrase);
    const std::string sentence = e.singular
                                     ? "Gunmen killed a " + v + " on Monday."
                                     : "Gunmen killed 40 " + v + " on Monday.";
    SCOPED_TRACE(sentence);
    Document doc = Doc(sentence);
    std::vector<Casualty> got = FindCasualties(doc);
    ASSERT_EQ(got.size(), 1u) << Dump(doc);
    EXPECT_EQ(got[0].count.best, e.singular ? 1 : 40);
    EXPECT_EQ(got[0].victim_type, e.sector);
    EXPECT_EQ(got[0].victim, v);
  }
}

TEST(CasualtyRegressions, SavedLivesAreNoDeaths) {
  EXPECT_TRUE(
      FindCasualties(Doc("Doctors saved the lives of 40 people.")).empty());
  EXPECT_EQ(
      FindCasualties(Doc("The floods claimed the lives of 40 people.")).size(),
      1u);
}

// ---------------------------------------------------------------------------
// Bad input: no value rather than a wrong one, and no crash.

TEST(NumberBadInput, HugeNumbersHaveNoValue) {
  const std::string digits200(200, '7');
  std::string killed_digits = "They killed ";
  killed_digits.append(digits200);
  killed_digits.append(" people.");
  const std::string cases[] = {
      killed_digits,
      "10,000,000,000,000,000 killed.",
      "100,000,000,000 people were killed.",
      "A trillion people were killed.",
      "1,00,0 people were killed.",
  };
  for (const std::string& s : cases) {
    SCOPED_TRACE(s);
    Document doc = Doc(s);
    EXPECT_TRUE(FindCasualties(doc).empty());
    for (const NumberExpr& n : FindNumbers(doc)) {
      EXPECT_FALSE(ToCount(n).has_value()) << Dump(doc);
    }
  }
  Document doc = Doc(killed_digits);
  std::optional<NumberExpr> n = FindExpr(doc, digits200);
  ASSERT_TRUE(n.has_value()) << Dump(doc);
  EXPECT_FALSE(n->has_value);
}

TEST(NumberBadInput, EmptyAndBrokenDocuments) {
  Document empty;
  EXPECT_TRUE(FindNumbers(empty).empty());
  EXPECT_TRUE(FindCasualties(empty).empty());
  Document blank = Doc("   \n\n  ");
  EXPECT_TRUE(FindNumbers(blank).empty());
  EXPECT_TRUE(FindCasualties(blank).empty());
  // Sentences pointing past the tokens are skipped.
  Document broken = Doc("40 people were killed.");
  broken.sentences.push_back(Sentence{0, 5, 3, 999});
  broken.sentences.push_back(Sentence{0, 5, 7, 2});
  EXPECT_EQ(FindCasualties(broken).size(), 1u);
  // Tokens only, no sentences.
  Document nosent = Doc("40 people were killed.");
  nosent.sentences.clear();
  EXPECT_TRUE(FindCasualties(nosent).empty());
  // Binary junk and invalid UTF-8.
  std::string junk;
  for (int i = 0; i < 5000; ++i)
    junk.push_back(static_cast<char>((i * 131 + 7) % 256));
  Document j = Doc(junk);
  for (const Casualty& c : FindCasualties(j)) {
    EXPECT_EQ(Text(j, c.count.begin, c.count.end), c.count.text);
  }
  Document u = Doc("Caf\xE9 40 \xFF\xFE people were killed \xC3.");
  for (const Casualty& c : FindCasualties(u)) EXPECT_EQ(c.count.best, 40);
}

TEST(NumberBadInput, LongSentencesStayLinear) {
  // 10,000 tokens without a sentence end, a casualty at the end.
  std::string s;
  for (int i = 0; i < 9990; ++i) s += (i % 7 == 0) ? "and " : "word ";
  s += "killing 12 people";
  Document doc = Doc(s);
  ASSERT_EQ(doc.sentences.size(), 1u);
  ASSERT_GE(doc.tokens.size(), 9990u);
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Casualty> got = FindCasualties(doc);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].count.best, 12);
  // 10,000 numbers in one sentence.
  std::string nums;
  for (int i = 0; i < 10000; ++i)
    nums += std::to_string(i % 90 + 1) + " killed and ";
  Document many = Doc(nums);
  std::vector<Casualty> m = FindCasualties(many);
  EXPECT_EQ(m.size(), 10000u);
  std::string words;
  for (int i = 0; i < 10000; ++i) words += "a soldier and ";
  Document w = Doc(words + "were killed");
  EXPECT_EQ(FindNumbers(w).size(), 0u);
  (void)FindCasualties(w);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  EXPECT_LT(secs, 5.0);
}

// Every span of every result is the source text it claims, over a mixed text.
TEST(NumberSpans, TextIsSourceSpan) {
  Document doc =
      Doc("Some 40 Islamic State terrorists were killed. At least 40 IS "
          "members, including four "
          "field commanders, were killed. The US offered $5 million. Two "
          "soldiers and three "
          "civilians were killed. The death toll rose to 52. Hundreds were "
          "injured, 20 to 30 "
          "people are missing and 12 suspects were arrested.");
  for (const NumberExpr& n : FindNumbers(doc)) {
    EXPECT_LE(n.begin, n.end);
    EXPECT_EQ(n.begin, doc.tokens[n.first_token].begin);
    EXPECT_EQ(n.end, doc.tokens[n.last_token - 1].end);
  }
  std::vector<Casualty> got = FindCasualties(doc);
  EXPECT_EQ(got.size(), 7u);
  for (const Casualty& c : got) {
    EXPECT_EQ(Text(doc, c.count.begin, c.count.end), c.count.text);
    EXPECT_EQ(Text(doc, c.trigger_begin, c.trigger_end), c.trigger);
    for (const Count& p : c.including)
      EXPECT_EQ(Text(doc, p.begin, p.end), p.text);
  }
}

// ---------------------------------------------------------------------------
// The seed article (examples/seed-article.txt).

Document SeedDoc() {
  RawDoc raw;
  raw.id = "seed";
  raw.bytes =
      test_util::ReadAll(SITREP_SOURCE_DIR "/examples/seed-article.txt");
  Document doc = ingest::Prepare(std::move(raw), ingest::IngestOptions());
  EXPECT_TRUE(text::ProcessText(doc).ok());
  return doc;
}

TEST(NumberSeedArticle, CountsAndNonCounts) {
  Document doc = SeedDoc();
  ASSERT_FALSE(doc.text.empty());
  auto some = FindExpr(doc, "Some 40");
  ASSERT_TRUE(some.has_value()) << Dump(doc);
  EXPECT_EQ(some->use, NumberUse::kCount);
  EXPECT_EQ(some->value, 40);
  EXPECT_EQ(some->qualifier, Qualifier::kAbout);
  auto least = FindExpr(doc, "at least 40");
  ASSERT_TRUE(least.has_value());
  EXPECT_EQ(least->qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(FindExpr(doc, "$5 million")->use, NumberUse::kMoney);
  EXPECT_EQ(FindExpr(doc, "$3 million")->use, NumberUse::kMoney);
  EXPECT_EQ(FindExpr(doc, "20")->use, NumberUse::kDistance);
  EXPECT_EQ(FindExpr(doc, "three-year-long")->use, NumberUse::kDuration);
  EXPECT_EQ(FindExpr(doc, "Su-34")->use, NumberUse::kModel);

  std::vector<Casualty> got = FindCasualties(doc);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, CasualtyKind::kKilled);
  EXPECT_EQ(got[0].count.best, 40);
  EXPECT_EQ(got[0].count.qualifier, Qualifier::kAbout);
  EXPECT_EQ(got[0].count.text, "Some 40 Islamic State terrorists");
  EXPECT_EQ(got[1].kind, CasualtyKind::kKilled);
  EXPECT_EQ(got[1].count.best, 40);
  EXPECT_EQ(Opt(got[1].count.min), "40");
  EXPECT_EQ(Opt(got[1].count.max), "null");
  EXPECT_EQ(got[1].count.qualifier, Qualifier::kAtLeast);
  EXPECT_EQ(got[1].count.text, "at least 40 IS members");
  EXPECT_EQ(got[1].group, "IS");
  ASSERT_EQ(got[1].including.size(), 1u);
  EXPECT_EQ(got[1].including[0].text, "four field commanders");
  for (const Casualty& c : got) {
    for (const char* never :
         {"$5 million", "$3 million", "20 kilometers", "three-year-long"}) {
      EXPECT_EQ(c.count.text.find(never), std::string::npos);
    }
  }
}

// With the shipped models (skipped when they do not load, e.g. while a model
// format is being changed): the tagger names the group.
TEST(NumberSeedArticle, WithModels) {
  PipelineOptions options;
  options.models_dir = SITREP_SOURCE_DIR "/models";
  options.places = false;
  auto pipeline = Pipeline::Load(options);
  if (!pipeline.ok()) GTEST_SKIP() << pipeline.status().message();
  RawDoc raw;
  raw.id = "seed";
  raw.bytes =
      test_util::ReadAll(SITREP_SOURCE_DIR "/examples/seed-article.txt");
  Pipeline::Scratch scratch;
  Document doc =
      (*pipeline)->Process(std::move(raw), ingest::IngestOptions(), scratch);
  ASSERT_TRUE(doc.tagged);
  std::vector<Casualty> got = FindCasualties(doc);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].count.best, 40);
  EXPECT_EQ(got[0].group, "Islamic State");
  EXPECT_EQ(got[0].victim_type, "terrorist");
  EXPECT_EQ(got[1].count.best, 40);
  EXPECT_EQ(got[1].count.qualifier, Qualifier::kAtLeast);
}

// ---------------------------------------------------------------------------
// `sitrep numbers`.

std::string RunBinary(const std::string& args, int* exit_code) {
  std::string cmd = std::string(SITREP_BINARY) + " " + args + " 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

TEST(NumbersCli, OneLinePerDocumentWithCasualties) {
  const std::string dir = test_util::TempPath("numbers_cli", "");
  const std::string jsonl = dir + "/docs.jsonl";
  test_util::WriteAll(
      jsonl,
      "{\"id\":\"a\",\"text\":\"Two soldiers and three civilians were "
      "killed.\"}\n"
      "this line is broken\n"
      "{\"id\":\"c\",\"text\":\"The US offered $5 million.\"}\n");
  int code = -1;
  const std::string out =
      RunBinary("numbers --no-tag --jobs 1 " + std::string(SITREP_SOURCE_DIR) +
                    "/examples/seed-article.txt " + jsonl,
                &code);
  EXPECT_EQ(code, 1);  // one document rejected
  std::vector<std::string> lines;
  for (size_t pos = 0; pos < out.size();) {
    size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) break;
    lines.push_back(out.substr(pos, nl - pos));
    pos = nl + 1;
  }
  ASSERT_EQ(lines.size(), 4u) << out;
  simdjson::dom::parser parser;
  std::vector<size_t> casualties;
  std::vector<std::string> statuses;
  std::vector<int64_t> first_best;
  for (const std::string& line : lines) {
    simdjson::dom::element el;
    ASSERT_EQ(parser.parse(line).get(el), simdjson::SUCCESS) << line;
    std::string_view status;
    ASSERT_EQ(el["status"].get(status), simdjson::SUCCESS);
    statuses.emplace_back(status);
    simdjson::dom::array a;
    ASSERT_EQ(el["casualties"].get(a), simdjson::SUCCESS);
    casualties.push_back(a.size());
    int64_t best = -1;
    if (a.size() > 0) {
      EXPECT_EQ(a.at(0)["best"].get(best), simdjson::SUCCESS);
    }
    first_best.push_back(best);
    if (status == "rejected") {
      std::string_view error;
      EXPECT_EQ(el["error"].get(error), simdjson::SUCCESS);
      EXPECT_FALSE(error.empty());
    }
  }
  EXPECT_EQ(statuses, (std::vector<std::string>{"ok", "ok", "rejected", "ok"}));
  EXPECT_EQ(casualties, (std::vector<size_t>{2, 1, 0, 0}));
  EXPECT_EQ(first_best[0], 40);
  EXPECT_EQ(first_best[1], 5);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sitrep::numbers
