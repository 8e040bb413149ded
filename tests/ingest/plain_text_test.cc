#include "ingest/plain_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace sitrep::ingest {
namespace {

std::optional<std::string> Opt(const char* s) {
  return s == nullptr ? std::nullopt : std::optional<std::string>(s);
}

constexpr char kHeadline[] =
    "Russian jets strike IS command post near Deir ez-Zor";
constexpr char kBody[] =
    "Some 40 militants were killed, the ministry said.\n\nThe strike hit an "
    "underground command centre.";

struct StandaloneCase {
  const char* dateline;
  const char* published;  // nullptr: null
};

// A dateline on its own line under the headline: `published` as given, the
// line gone from the body.
constexpr StandaloneCase kStandalone[] = {
    {"8 Sep, 2017 06:02", "2017-09-08T06:02"},
    {"8 Sep, 2017 06:02 / Updated 7 years ago", "2017-09-08T06:02"},
    {"September 8, 2017", "2017-09-08"},
    {"2017-09-08", "2017-09-08"},
    {"Sept. 8, 2017", "2017-09-08"},
    {"Sep 8 2017", "2017-09-08"},
    {"8 September 2017", "2017-09-08"},
    {"Published: 8 September 2017", "2017-09-08"},
    {"Published on 8 September 2017", "2017-09-08"},
    {"First published on Fri 8 Sep 2017 06.02 BST", "2017-09-08T06:02+01:00"},
    {"Posted on September 8, 2017 at 6:02 am", "2017-09-08T06:02"},
    {"Friday 8 September 2017 06.02 BST", "2017-09-08T06:02+01:00"},
    {"Friday, September 8, 2017 6:02 AM EDT", "2017-09-08T06:02-04:00"},
    {"Fri, 08 Sep 2017 06:02:00 GMT", "2017-09-08T06:02:00Z"},
    {"6:02 AM ET, Fri September 8, 2017", "2017-09-08T06:02-04:00"},
    {"Updated 6:02 AM ET, Fri September 8, 2017", nullptr},
    {"Published 8 Sep 2017 | Updated 9 Sep 2017", "2017-09-08"},
    {"Updated 9 Sep 2017 | Published 8 Sep 2017", "2017-09-08"},
    {"By John Smith | September 8, 2017", "2017-09-08"},
    {"September 8, 2017 \xC2\xB7 Share this article", "2017-09-08"},
    {"Date: 2017-09-08", "2017-09-08"},
    {"On September 8, 2017", "2017-09-08"},
    {"Last updated: 9 September 2017", nullptr},  // a revision date only
    {"Sept 8", nullptr},                          // no year: none invented
    {"Friday, Sept 8", nullptr},
    {"February 30, 2017", nullptr},  // impossible
};

TEST(PlainTextDateline, StandaloneLineFormsSetPublishedAndLeaveBody) {
  for (const StandaloneCase& c : kStandalone) {
    const std::string doc =
        std::string(kHeadline) + "\n\n" + c.dateline + "\n\n" + kBody + "\n";
    const PlainTextParts got = ParsePlainText(doc);
    EXPECT_EQ(got.title, kHeadline) << c.dateline;
    EXPECT_EQ(got.published, Opt(c.published)) << c.dateline;
    EXPECT_EQ(got.body, kBody) << c.dateline;
    EXPECT_EQ(got.dateline_text, c.dateline) << c.dateline;
  }
}

TEST(PlainTextDateline, StandaloneLineWithoutBlankLines) {
  const PlainTextParts got = ParsePlainText(
      "Russian jets strike IS command post\nSeptember 8, 2017\nSome 40 "
      "militants were killed.\nThe ministry said so.\n");
  EXPECT_EQ(got.title, "Russian jets strike IS command post");
  EXPECT_EQ(got.published, "2017-09-08");
  EXPECT_EQ(got.body, "Some 40 militants were killed.\nThe ministry said so.");
}

TEST(PlainTextDateline, StandaloneLineAfterStandfirstWithoutBlankLines) {
  const PlainTextParts got = ParsePlainText(
      "Russian jets strike IS command post\nDozens of militants were killed, "
      "Moscow says.\nSeptember 8, 2017\nSome 40 militants were killed.\n");
  EXPECT_EQ(got.title, "Russian jets strike IS command post");
  EXPECT_EQ(got.published, "2017-09-08");
  EXPECT_EQ(got.body,
            "Dozens of militants were killed, Moscow says.\nSome 40 militants "
            "were killed.");
}

TEST(PlainTextDateline, DatelineAsFirstLineMeansNoTitle) {
  const PlainTextParts got =
      ParsePlainText("8 Sep, 2017 06:02\n\nSome 40 militants were killed.\n");
  EXPECT_EQ(got.title, std::nullopt);
  EXPECT_EQ(got.published, "2017-09-08T06:02");
  EXPECT_EQ(got.body, "Some 40 militants were killed.");
}

struct ParagraphCase {
  const char* paragraph;
  const char* published;  // nullptr: null
  const char* dateline_text;
  const char* place;
};

// A dateline opening the first paragraph: recognised, the paragraph intact.
constexpr ParagraphCase kParagraph[] = {
    {"Sep 8 2017 \xE2\x80\x94 Syrian forces advanced on the city.",
     "2017-09-08", "Sep 8 2017 \xE2\x80\x94", ""},
    {"September 8, 2017 - Syrian forces advanced on the city.", "2017-09-08",
     "September 8, 2017 -", ""},
    {"BEIRUT, Sept 8 (Reuters) - Syrian forces advanced on the city.", nullptr,
     "BEIRUT, Sept 8 (Reuters) -", "BEIRUT"},
    {"BEIRUT (AP) \xE2\x80\x94 Syrian forces advanced on the city.", nullptr,
     "BEIRUT (AP) \xE2\x80\x94", "BEIRUT"},
    {"WASHINGTON, Sept. 8, 2017 \xE2\x80\x94 Officials said on Friday.",
     "2017-09-08", "WASHINGTON, Sept. 8, 2017 \xE2\x80\x94", "WASHINGTON"},
    {"DEIR EZ-ZOR, Syria, Sept 8, 2017 (Reuters) - Syrian forces advanced.",
     "2017-09-08", "DEIR EZ-ZOR, Syria, Sept 8, 2017 (Reuters) -",
     "DEIR EZ-ZOR, Syria"},
    {"DEIR EZ-ZOR, Syria (Reuters) - Syrian forces advanced.", nullptr,
     "DEIR EZ-ZOR, Syria (Reuters) -", "DEIR EZ-ZOR, Syria"},
    {"Beirut (AFP) - Syrian forces advanced on the city.", nullptr,
     "Beirut (AFP) -", "Beirut"},
    {"UNITED NATIONS (Reuters) -- The council met.", nullptr,
     "UNITED NATIONS (Reuters) --", "UNITED NATIONS"},
    {"BAGHDAD - Coalition forces provided 24,000 gas masks.", nullptr,
     "BAGHDAD -", "BAGHDAD"},
    {"BEIRUT\xE2\x80\x94Syrian forces advanced on the city.", nullptr,
     "BEIRUT\xE2\x80\x94", "BEIRUT"},
    {"ISLAMABAD, Sept 8, 2017: Officials said on Friday.", "2017-09-08",
     "ISLAMABAD, Sept 8, 2017:", "ISLAMABAD"},
};

TEST(PlainTextDateline, ParagraphOpeningFormsKeepTheParagraph) {
  for (const ParagraphCase& c : kParagraph) {
    const std::string doc = std::string(kHeadline) + "\n\n" + c.paragraph +
                            "\n\nSecond paragraph.\n";
    const PlainTextParts got = ParsePlainText(doc);
    EXPECT_EQ(got.title, kHeadline) << c.paragraph;
    EXPECT_EQ(got.published, Opt(c.published)) << c.paragraph;
    EXPECT_EQ(got.body, std::string(c.paragraph) + "\n\nSecond paragraph.")
        << c.paragraph;
    EXPECT_EQ(got.dateline_text, c.dateline_text) << c.paragraph;
    EXPECT_EQ(got.dateline_place, c.place) << c.paragraph;
  }
}

// First paragraphs that only look like datelines.
constexpr const char* kNotDatelines[] = {
    "QUESTION: Secretary Kerry, did you discuss Aleppo?",
    "SECRETARY KERRY: We did.",
    "US - China trade talks resumed on Friday.",
    "Syrian forces - backed by Russian jets - advanced.",
    "ISIS (Islamic State) - the group - lost ground.",
    "UPDATE - Syrian forces advanced.",
    "Beirut - Syrian forces advanced.",
    "Beirut: Syrian forces advanced.",
    "LONDON: Ministers met on Friday.",
    "NATO said on Friday that it would send more troops.",
    "September 11 attacks are remembered every year.",
    "The ministry said: the strike killed 40.",
};

TEST(PlainTextDateline, LookalikesAreNotDatelines) {
  for (const char* paragraph : kNotDatelines) {
    const std::string doc =
        std::string(kHeadline) + "\n\n" + paragraph + "\n\nSecond.\n";
    const PlainTextParts got = ParsePlainText(doc);
    EXPECT_EQ(got.published, std::nullopt) << paragraph;
    EXPECT_EQ(got.dateline_text, "") << paragraph;
    EXPECT_EQ(got.dateline_place, "") << paragraph;
    EXPECT_EQ(got.body, std::string(paragraph) + "\n\nSecond.") << paragraph;
  }
}

TEST(PlainTextDateline, StandaloneLineWinsOverWireDateline) {
  const PlainTextParts got = ParsePlainText(
      "Russian jets strike IS command post\n\nSeptember 9, 2017\n\nBEIRUT, "
      "Sept. 8, 2017 (Reuters) - Syrian forces advanced.\n");
  EXPECT_EQ(got.published, "2017-09-09");
  EXPECT_EQ(got.dateline_text, "September 9, 2017");
  EXPECT_EQ(got.dateline_place, "BEIRUT");
  EXPECT_EQ(got.body,
            "BEIRUT, Sept. 8, 2017 (Reuters) - Syrian forces advanced.");
}

TEST(PlainTextDateline, WireDatelineWithoutYearIsRecognisedButUndated) {
  const PlainTextParts got = ParsePlainText(
      "BEIRUT, Sept 8 (Reuters) - Syrian forces advanced on Friday.\n");
  EXPECT_EQ(got.title, std::nullopt);
  EXPECT_EQ(got.published, std::nullopt);
  EXPECT_EQ(got.dateline_text, "BEIRUT, Sept 8 (Reuters) -");
  EXPECT_EQ(got.body,
            "BEIRUT, Sept 8 (Reuters) - Syrian forces advanced on Friday.");
}

// Only the first few lines are searched, and a date line inside a wrapped
// paragraph is text.
TEST(PlainTextDateline, OnlyHeaderLinesAndOwnParagraphs) {
  const PlainTextParts late = ParsePlainText(
      "Headline about the strike\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive."
      "\n\nSeptember 8, 2017\n");
  EXPECT_EQ(late.published, std::nullopt);
  EXPECT_EQ(late.body,
            "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSeptember 8, 2017");

  const PlainTextParts wrapped = ParsePlainText(
      "Headline about the strike\n\nThe strike took place on\nSeptember 5, "
      "2017\nnear the city.\n");
  EXPECT_EQ(wrapped.published, std::nullopt);
  EXPECT_EQ(wrapped.body,
            "The strike took place on\nSeptember 5, 2017\nnear the city.");

  const PlainTextParts wrapped_after = ParsePlainText(
      "Headline about the strike\n\nThe strike took place.\nSeptember 5, "
      "2017\nwas the day.\n");
  EXPECT_EQ(wrapped_after.published, std::nullopt);
  EXPECT_EQ(wrapped_after.body,
            "The strike took place.\nSeptember 5, 2017\nwas the day.");
}

// Page furniture, each between two paragraphs: dropped from the body.
constexpr const char* kFurniture[] = {
    "Updated 7 years ago",
    "Last updated 3 hours ago",
    "Updated: 5 mins ago",
    "Published 2 days ago",
    "an hour ago",
    "3h ago",
    "Just now",
    "READ MORE: Bashar Assad\xE2\x80\x99s Deir ez-Zor victory puts illegal US "
    "presence in spotlight\xC2\xA0",
    "READ MORE:\xC2\xA0 Russia rushes humanitarian aid to exhausted Deir "
    "ez-Zor",
    "Read more: Syria's war in maps",
    "Read more",
    "RELATED: Russia sends aid convoys",
    "Related stories",
    "Also read: How the siege was broken",
    "See also - Syria timeline",
    "WATCH: Footage of the strike",
    "Share this article",
    "Share on Facebook",
    "Share",
    "Tweet",
    "12 comments",
    "Follow us on Twitter",
    "Follow us on Facebook @rtnews",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Continue reading the main story",
    "Subscribe to our newsletter",
    "Sign up for our daily briefing",
    "Image copyright Getty Images",
    "Image caption Smoke rises over Deir ez-Zor",
    "Media caption The moment the siege was broken",
    "Getty Images",
    "John Moore/Getty Images",
    "AFP / Getty Images",
    "Anadolu Agency via Getty Images",
    "REUTERS/Omar Sanadiki",
    "\xC2\xA9 Sputnik / Mikhail Voskresenskiy",
    "Click here to read the full report",
    "(Photo: Reuters)",
    "(Reporting by John Smith; Editing by Jane Doe)",
    "Reporting by John Smith; Editing by Jane Doe",
    "Skip to main content",
    "Back to top \xC2\xBB",
    "Copyright \xC2\xA9 2017 RT",
    "All rights reserved.",
};

TEST(PlainTextFurniture, DroppedFromBody) {
  for (const char* line : kFurniture) {
    const std::string own = std::string(kHeadline) +
                            "\n\nFirst paragraph.\n\n" + line +
                            "\n\nSecond paragraph.\n";
    EXPECT_EQ(ParsePlainText(own).body, "First paragraph.\n\nSecond paragraph.")
        << line;
    // Inside a paragraph, the line goes and the paragraph stays whole.
    const std::string inside = std::string(kHeadline) +
                               "\n\nFirst paragraph.\n" + line +
                               "\nStill the first paragraph.\n";
    EXPECT_EQ(ParsePlainText(inside).body,
              "First paragraph.\nStill the first paragraph.")
        << line;
  }
}

// Body lines that start like furniture but are text.
constexpr const char* kNotFurniture[] = {
    "Advertisement of tobacco products was banned in 2003.",
    "Share prices fell 3% in Moscow on Friday.",
    "Share on the market fell.",
    "Related talks are due next week.",
    "More than 40 militants were killed.",
    "More-than-expected losses were reported.",
    "Follow-up strikes hit the area on Saturday.",
    "Reuters reported the strike on Friday.",
    "The strike was first reported by Reuters",
    "Photos showed the destroyed bunker.",
    "Photographs showed the destroyed bunker.",
    "Watch towers were destroyed.",
    "By the end of the day, 40 were dead.",
    "Updated figures show 40 dead.",
    "Seven years ago the city was besieged.",
    "7 years ago the city was besieged.",
    "Image quality was poor, the ministry said.",
    "(The ministry did not say how many died.)",
    "Subscribers were told the strike took place.",
    "Tags were found on the bodies.",
    "Reuters",
    "AFP",
};

TEST(PlainTextFurniture, TextThatLooksLikeFurnitureStays) {
  for (const char* line : kNotFurniture) {
    const std::string doc = std::string(kHeadline) +
                            "\n\nFirst paragraph.\n\n" + line +
                            "\n\nSecond paragraph.\n";
    EXPECT_EQ(ParsePlainText(doc).body, std::string("First paragraph.\n\n") +
                                            line + "\n\nSecond paragraph.")
        << line;
  }
}

TEST(PlainTextFurniture, BylineDroppedOnlyInHeader) {
  const PlainTextParts got = ParsePlainText(
      "Russian jets strike IS command post\nBy John Smith and Anne de la "
      "Cruz\n\nSome 40 militants were killed.\n\nBy Reuters Staff\n");
  EXPECT_EQ(got.title, "Russian jets strike IS command post");
  EXPECT_EQ(got.body, "Some 40 militants were killed.\n\nBy Reuters Staff");
}

TEST(PlainTextFurniture, FurnitureAboveTitleIsSkipped) {
  const PlainTextParts got = ParsePlainText(
      "Advertisement\n\nRussian jets strike IS command post\n\nSome 40 "
      "militants were killed.\n");
  EXPECT_EQ(got.title, "Russian jets strike IS command post");
  EXPECT_EQ(got.body, "Some 40 militants were killed.");
}

struct TitleCase {
  const char* doc;
  const char* title;  // nullptr: no title
  const char* body;
};

constexpr TitleCase kTitles[] = {
    // Headlines.
    {"\xE2\x80\x98"
     "Emir of Deir ez-Zor\xE2\x80\x99 among ISIS commanders "
     "killed in bunker by Russian airstrike\n\nSome 40 were killed.",
     "\xE2\x80\x98"
     "Emir of Deir ez-Zor\xE2\x80\x99 among ISIS commanders "
     "killed in bunker by Russian airstrike",
     "Some 40 were killed."},
    {"Is Russia winning in Syria?\n\nBody text.", "Is Russia winning in Syria?",
     "Body text."},
    {"Siege broken!\n\nBody text.", "Siege broken!", "Body text."},
    {"Putin: \xE2\x80\x98We will not retreat\xE2\x80\x99\n\nBody text.",
     "Putin: \xE2\x80\x98We will not retreat\xE2\x80\x99", "Body text."},
    {"Putin says \"we will not retreat\"\n\nBody text.",
     "Putin says \"we will not retreat\"", "Body text."},
    {"Strikes continue in Syria...\n\nBody text.",
     "Strikes continue in Syria...", "Body text."},
    {"Strikes continue in Syria\xE2\x80\xA6\n\nBody text.",
     "Strikes continue in Syria\xE2\x80\xA6", "Body text."},
    {"Talks stall between Syria and the U.S.\n\nBody text.",
     "Talks stall between Syria and the U.S.", "Body text."},
    {"Oil field sold to Acme Inc.\n\nBody text.", "Oil field sold to Acme Inc.",
     "Body text."},
    {"U.S. strikes hit Raqqa (VIDEO)\n\nBody text.",
     "U.S. strikes hit Raqqa (VIDEO)", "Body text."},
    {"January 9: Military airstrikes continue against ISIL\n\nBody text.",
     "January 9: Military airstrikes continue against ISIL", "Body text."},
    {"\n\n  Russian jets strike IS command post  \r\n\r\nBody text.",
     "Russian jets strike IS command post", "Body text."},
    {"Russian jets strike IS command post\nBEIRUT (Reuters) - Jets struck.",
     "Russian jets strike IS command post", "BEIRUT (Reuters) - Jets struck."},
    {"Russian jets strike IS command post\nDozens killed near Deir "
     "ez-Zor\n\nBody text.",
     "Russian jets strike IS command post",
     "Dozens killed near Deir ez-Zor\n\nBody text."},
    {"Russian jets strike IS command post\nREAD MORE: Other story\nBody.",
     "Russian jets strike IS command post", "Body."},
    // Not headlines.
    {"Some 40 Islamic State terrorists were killed, the ministry "
     "said.\n\nSecond.",
     nullptr,
     "Some 40 Islamic State terrorists were killed, the ministry "
     "said.\n\nSecond."},
    {"Some 40 Islamic State terrorists, including the so-called\nemir of "
     "Deir ez-Zor, were killed.\n\nSecond.",
     nullptr,
     "Some 40 Islamic State terrorists, including the so-called\nemir of "
     "Deir ez-Zor, were killed.\n\nSecond."},
    {"The ministry said forty militants were killed in the\nStrike on Friday, "
     "officials said.\n\nSecond.",
     nullptr,
     "The ministry said forty militants were killed in the\nStrike on Friday, "
     "officials said.\n\nSecond."},
    {"The Foreign Secretary said:\n\nWe will act.", nullptr,
     "The Foreign Secretary said:\n\nWe will act."},
    {"Minister for the Middle East, Tobias Ellwood, responds to the attack in "
     "the Karrada district of Baghdad\n\nBody.",
     nullptr,
     "Minister for the Middle East, Tobias Ellwood, responds to the attack in "
     "the Karrada district of Baghdad\n\nBody."},
    {"QUESTION: Secretary Kerry, did you discuss Aleppo? Were there any "
     "agreements?\n\nBody.",
     nullptr,
     "QUESTION: Secretary Kerry, did you discuss Aleppo? Were there any "
     "agreements?\n\nBody."},
    {"Russian jets strike IS command post", nullptr,
     "Russian jets strike IS command post"},
    {"Russian jets strike IS command post\n\n\n", nullptr,
     "Russian jets strike IS command post"},
    {"Syria\n\nBody text.", nullptr, "Syria\n\nBody text."},
    {"By John Smith\n\nBody text.", nullptr, "Body text."},
    {"Updated 7 years ago\n\nBody text.", nullptr, "Body text."},
};

TEST(PlainTextTitle, HeadlinesAndNonHeadlines) {
  for (const TitleCase& c : kTitles) {
    const PlainTextParts got = ParsePlainText(c.doc);
    EXPECT_EQ(got.title, Opt(c.title)) << c.doc;
    EXPECT_EQ(got.body, c.body) << c.doc;
  }
}

TEST(PlainTextTitle, LengthLimits) {
  std::string words;
  for (int i = 0; i < 30; ++i) words += i == 0 ? "Word" : " word";
  EXPECT_EQ(ParsePlainText(words + "\n\nBody.").title, words);
  EXPECT_EQ(ParsePlainText(words + " more\n\nBody.").title, std::nullopt);
  const std::string long_line = "Headline " + std::string(192, 'x');  // 201
  EXPECT_EQ(ParsePlainText(long_line + "\n\nBody.").title, std::nullopt);
  const std::string ok_line = "Headline " + std::string(191, 'x');  // 200
  EXPECT_EQ(ParsePlainText(ok_line + "\n\nBody.").title, ok_line);
}

TEST(PlainTextTitle, KnownTitleReplacesHeuristics) {
  PlainTextOptions options;
  options.known_title =
      "Japanese brewers  make money from BEER-flavoured drinks";
  const PlainTextParts same = ParsePlainText(
      "Japanese brewers make money from beer-flavoured drinks.\n\nBody.",
      options);
  EXPECT_EQ(same.title,
            "Japanese brewers make money from beer-flavoured drinks.");
  EXPECT_EQ(same.body, "Body.");

  options.known_title = "Arsenal through on penalties";
  const PlainTextParts other = ParsePlainText(
      "Arsenal win 4-2 on penalties\n\nThe goalkeeper saved twice.", options);
  EXPECT_EQ(other.title, std::nullopt);
  EXPECT_EQ(other.body,
            "Arsenal win 4-2 on penalties\n\nThe goalkeeper saved twice.");
}

TEST(PlainTextLayout, ParagraphsLinesAndWhitespace) {
  const PlainTextParts got = ParsePlainText(
      "\xEF\xBB\xBFRussian jets strike IS command post\r\n\r\n  Para one "
      "\xC2\xA0\r\n  line two\t\r\n\xC2\xA0\r\n\r\n\r\nPara two\rline "
      "two\r\rPara three");
  EXPECT_EQ(got.title, "Russian jets strike IS command post");
  EXPECT_EQ(got.body,
            "Para one\n  line two\n\nPara two\nline two\n\nPara three");
}

TEST(PlainTextLayout, EmptyAndBlankInputs) {
  for (const char* doc :
       {"", "\n", "\r\n\r\n", "   \t ", "\xC2\xA0\n\xC2\xA0", "\xEF\xBB\xBF"}) {
    const PlainTextParts got = ParsePlainText(doc);
    EXPECT_EQ(got.title, std::nullopt);
    EXPECT_EQ(got.published, std::nullopt);
    EXPECT_EQ(got.body, "");
    EXPECT_EQ(got.dateline_text, "");
  }
}

// Arbitrary bytes: the body is the input's non-blank lines, so its size is
// bounded by the input and it never has a blank line or trailing space.
TEST(PlainTextLayout, BinaryInputGivesWellFormedBody) {
  std::string doc;
  for (int round = 0; round < 64; ++round) {
    for (int b = 0; b < 256; ++b)
      doc.push_back(static_cast<char>((b * 7 + round) & 0xFF));
  }
  const PlainTextParts got = ParsePlainText(doc);
  EXPECT_LE(got.body.size(), doc.size());
  EXPECT_EQ(got.body.find("\n\n\n"), std::string::npos);
  EXPECT_EQ(got.body.find(" \n"), std::string::npos);
  EXPECT_FALSE(got.body.empty());
}

// A 12 MB single line is body, untouched (and must take linear time).
TEST(PlainTextLayout, HugeSingleLine) {
  std::string doc(12 << 20, 'a');
  for (size_t i = 5; i < doc.size(); i += 6) doc[i] = ' ';
  const PlainTextParts got = ParsePlainText(doc);
  EXPECT_EQ(got.title, std::nullopt);
  EXPECT_EQ(got.body.size(), doc.size() - 1);  // the trailing space goes
  EXPECT_EQ(got.body, doc.substr(0, doc.size() - 1));
}

TEST(PlainTextLayout, ManyLines) {
  std::string doc;
  for (int i = 0; i < 200000; ++i) doc += "Line of text.\n\n";
  const PlainTextParts got = ParsePlainText(doc);
  EXPECT_EQ(got.title, std::nullopt);
  EXPECT_EQ(got.body.size(), 200000 * 15 - 2);
}

std::string ReadSeed() {
  std::ifstream in(SITREP_SOURCE_DIR "/examples/seed-article.txt",
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(PlainTextSeed, TitleDatelineFurniture) {
  const std::string seed = ReadSeed();
  ASSERT_FALSE(seed.empty());
  const PlainTextParts got = ParsePlainText(seed);
  EXPECT_EQ(got.title,
            "\xE2\x80\x98"
            "Emir of Deir ez-Zor\xE2\x80\x99 among ISIS "
            "commanders killed in bunker by Russian airstrike");
  ASSERT_TRUE(got.published.has_value());
  EXPECT_EQ(got.published->substr(0, 10), "2017-09-08");
  EXPECT_EQ(got.published, "2017-09-08T06:02");
  EXPECT_EQ(got.dateline_text, "8 Sep, 2017 06:02 / Updated 7 years ago");
  EXPECT_EQ(got.body.find("Updated 7 years ago"), std::string::npos);
  EXPECT_EQ(got.body.find("READ MORE"), std::string::npos);
  EXPECT_EQ(got.body.find("Emir of Deir ez-Zor\xE2\x80\x99 among"),
            std::string::npos);
  EXPECT_EQ(got.body.rfind("Some 40 Islamic State terrorists", 0), 0u);
  EXPECT_NE(got.body.find("\n\nAl-Shimali, an Iraqi-born Saudi citizen"),
            std::string::npos);
  // 19 non-empty lines: title, dateline and two READ MORE lines go.
  size_t paragraphs = 1;
  for (size_t p = got.body.find("\n\n"); p != std::string::npos;
       p = got.body.find("\n\n", p + 2)) {
    ++paragraphs;
  }
  EXPECT_EQ(paragraphs, 15u);
  EXPECT_NE(got.body.back(), ' ');
}

TEST(PlainTextSeed, SameResultWithCrlf) {
  const std::string seed = ReadSeed();
  std::string crlf;
  for (const char c : seed) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const PlainTextParts a = ParsePlainText(seed);
  const PlainTextParts b = ParsePlainText(crlf);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.body, b.body);
}

}  // namespace
}  // namespace sitrep::ingest
