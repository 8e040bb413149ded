#include "tag/lemma.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tag/pos.h"

namespace sitrep::tag {
namespace {

struct Case {
  const char* word;
  uint8_t upos;
  const char* lemma;
};

TEST(Lemmatizer, WordNetExceptionsAndRules) {
  if (!std::filesystem::exists("/usr/share/wordnet/verb.exc")) {
    GTEST_SKIP() << "WordNet absent: apt-get install wordnet-base";
  }
  Result<std::string> section = Lemmatizer::BuildSection("/usr/share/wordnet");
  ASSERT_TRUE(section.ok()) << section.status().message();
  Result<Lemmatizer> lem = Lemmatizer::FromBytes(*section);
  ASSERT_TRUE(lem.ok()) << lem.status().message();
  const Case cases[] = {
      {"struck", kVerb, "strike"},     {"fled", kVerb, "flee"},
      {"was", kAux, "be"},             {"were", kAux, "be"},
      {"Killed", kVerb, "kill"},       {"shelling", kVerb, "shell"},
      {"stopped", kVerb, "stop"},      {"used", kVerb, "use"},
      {"carried", kVerb, "carry"},     {"says", kVerb, "say"},
      {"militias", kNoun, "militia"},  {"casualties", kNoun, "casualty"},
      {"men", kNoun, "man"},           {"people", kNoun, "people"},
      {"buses", kNoun, "bus"},         {"houses", kNoun, "house"},
      {"forces", kNoun, "force"},      {"news", kNoun, "news"},
      {"children", kNoun, "child"},    {"Aleppo", kPropn, "Aleppo"},
      {"quickly", kAdv, "quickly"},    {"'s", kAux, "be"},
      {"drones", kNoun, "drone"},      {"airstrikes", kNoun, "airstrike"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lem->Lemma(c.word, c.upos), c.lemma) << c.word;
  }
}

TEST(Lemmatizer, RulesOnlyWithoutWordNet) {
  Result<std::string> section = Lemmatizer::BuildSection("");
  ASSERT_TRUE(section.ok());
  Result<Lemmatizer> lem = Lemmatizer::FromBytes(*section);
  ASSERT_TRUE(lem.ok());
  const Case cases[] = {
      {"casualties", kNoun, "casualty"}, {"militias", kNoun, "militia"},
      {"people", kNoun, "people"},       {"shelling", kVerb, "shell"},
      {"bombed", kVerb, "bomb"},         {"stopped", kVerb, "stop"},
      {"marches", kNoun, "march"},       {"status", kNoun, "status"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lem->Lemma(c.word, c.upos), c.lemma) << c.word;
  }
}

TEST(Lemmatizer, RejectsMalformedSection) {
  EXPECT_EQ(Lemmatizer::FromBytes("n\tmen\tman").status().message(),
            "lemma table is unterminated");
  EXPECT_EQ(Lemmatizer::FromBytes("q\tx\n").status().message(),
            "lemma table line has an unknown class");
}

}  // namespace
}  // namespace sitrep::tag
