// Sentence splitter: literal expected sentences, coverage invariants over the
// BBC corpus, and ProcessText on a Document.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "text/text.h"

namespace sitrep::text {
namespace {

using Strings = std::vector<std::string>;

Strings Split(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<Sentence> sentences;
  SplitSentences(text, tokens, &sentences);
  Strings out;
  for (const Sentence& s : sentences) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

struct Case {
  const char* text;
  Strings sentences;
};

void ExpectCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Split(c.text), c.sentences) << "input: " << c.text;
  }
}

TEST(Sentences, TerminalPunctuation) {
  ExpectCases({
      {"He left. She stayed.", {"He left.", "She stayed."}},
      {"Why? Because! Fine...", {"Why?", "Because!", "Fine..."}},
      {"Wait… Then it came.", {"Wait…", "Then it came."}},
      {"It rose 5%. 40 people died.", {"It rose 5%.", "40 people died."}},
      {"He won. “We are happy,” he said.",
       {"He won.", "“We are happy,” he said."}},
      {"Prices fell. $5 million was lost.",
       {"Prices fell.", "$5 million was lost."}},
      {"it was fine. and then", {"it was fine. and then"}},
      {"He paused... and went on.", {"He paused... and went on."}},
      {"Really?! Yes.", {"Really?!", "Yes."}},
      {"He said.The end", {"He said.", "The end"}},
      {"Rebels fled. بغداد سقطت", {"Rebels fled.", "بغداد سقطت"}},
  });
}

TEST(Sentences, ClosingQuotesAndBrackets) {
  ExpectCases({
      {"He said “go.” Then he left.", {"He said “go.”", "Then he left."}},
      {"He said \"go.\" Then he left.", {"He said \"go.\"", "Then he left."}},
      {"(He left.) Then she came.", {"(He left.)", "Then she came."}},
      {"“Go!” he said.", {"“Go!” he said."}},
      {"“Why?” he asked. “Because.”", {"“Why?” he asked.", "“Because.”"}},
      {"He left. “We stay,” she said.", {"He left.", "“We stay,” she said."}},
      {"the ‘Emir of Deir ez-Zor.’ Later",
       {"the ‘Emir of Deir ez-Zor.’", "Later"}},
  });
}

TEST(Sentences, Abbreviations) {
  ExpectCases({
      {"He lives in the U.S. The next day he left.",
       {"He lives in the U.S.", "The next day he left."}},
      {"Gen. Smith arrived.", {"Gen. Smith arrived."}},
      {"Mr. and Mrs. Smith met Dr. Jones.",
       {"Mr. and Mrs. Smith met Dr. Jones."}},
      {"U.S. President Trump spoke.", {"U.S. President Trump spoke."}},
      {"J. R. R. Tolkien wrote it. George W. Bush read it.",
       {"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
      {"The No. 5 team won. The answer was No. It ended.",
       {"The No. 5 team won.", "The answer was No.", "It ended."}},
      {"The fine was Rs. 500 per person. Nobody paid.",
       {"The fine was Rs. 500 per person.", "Nobody paid."}},
      {"It starts on Sept. 8 in Washington.",
       {"It starts on Sept. 8 in Washington."}},
      {"It ends at 5 p.m. Police said so.",
       {"It ends at 5 p.m.", "Police said so."}},
      {"The call starts at 10 a.m. Nov. 29, 2016.",
       {"The call starts at 10 a.m. Nov. 29, 2016."}},
      {"Brig. Gen. Richard Coe spoke in Washington, D.C. on July 21.",
       {"Brig. Gen. Richard Coe spoke in Washington, D.C. on July 21."}},
      {"Apples, pears, etc. The rest is fruit.",
       {"Apples, pears, etc.", "The rest is fruit."}},
      {"He joined Acme Inc. He quit.", {"He joined Acme Inc.", "He quit."}},
      {"He joined Acme Inc. Chief Executive Jane Doe said.",
       {"He joined Acme Inc. Chief Executive Jane Doe said."}},
      {"Britain vs. France, e.g. Paris.", {"Britain vs. France, e.g. Paris."}},
      {"Plan B. The rest.", {"Plan B.", "The rest."}},
      {"U.S.-backed forces advanced.", {"U.S.-backed forces advanced."}},
      {"He went to the U.K. “It was fine,” he said.",
       {"He went to the U.K.", "“It was fine,” he said."}},
      {"Smith et al. The study.", {"Smith et al.", "The study."}},
  });
}

TEST(Sentences, ParagraphsAndLines) {
  ExpectCases({
      {"Headline without stop\n\nBody text here.",
       {"Headline without stop", "Body text here."}},
      {"a\n\nb", {"a", "b"}},
      {"Gen.\n\nSmith", {"Gen.", "Smith"}},
      // A headline or dateline line ends a sentence at a single newline.
      {"8 Sep, 2017 06:02 / Updated 7 years ago\nSome 40 terrorists died.",
       {"8 Sep, 2017 06:02 / Updated 7 years ago", "Some 40 terrorists died."}},
      {"READ MORE: Russia rushes aid\nEarlier this week, it said.",
       {"READ MORE: Russia rushes aid", "Earlier this week, it said."}},
      // Hard wraps after commas, dashes and function words continue.
      {"The Russian forces, backed by\nSyrian troops, and\nIraqi units "
       "advanced.",
       {"The Russian forces, backed by\nSyrian troops, and\nIraqi units "
        "advanced."}},
      {"BEIRUT (Reuters) -\nSyrian forces advanced.",
       {"BEIRUT (Reuters) -\nSyrian forces advanced."}},
      {"The forces of the\nRussian army left.",
       {"The forces of the\nRussian army left."}},
      {"the wrap\ncontinues here.", {"the wrap\ncontinues here."}},
      // Known limitation (text.h): a hard wrap before a capitalised name
      // after a content word reads as a headline break.
      {"the Russian\nDefense Ministry said.",
       {"the Russian", "Defense Ministry said."}},
      {"He said:\nThe war is over.", {"He said:", "The war is over."}},
      {"One.\nTwo.", {"One.", "Two."}},
      // List items: a bullet at the start of a line starts a sentence.
      {"They said: \n - costs rose, \n - they fear risks \n• and more",
       {"They said:", "- costs rose,", "- they fear risks", "• and more"}},
      {"He scored.\" \n - Ferguson: \"Good.\"",
       {"He scored.\"", "- Ferguson: \"Good.\""}},
      {"a - b\n- c", {"a - b", "- c"}},
  });
}

TEST(Sentences, Datelines) {
  ExpectCases({
      {"BEIRUT, Sept 8 (Reuters) - Syrian forces broke the siege. They "
       "advanced.",
       {"BEIRUT, Sept 8 (Reuters) - Syrian forces broke the siege.",
        "They advanced."}},
      {"BEIRUT, Sept. 8 (Reuters) - Syrian forces advanced.",
       {"BEIRUT, Sept. 8 (Reuters) - Syrian forces advanced."}},
      {"MOSCOW, Sept. 8, 2017 /TASS/ - Russian jets struck.",
       {"MOSCOW, Sept. 8, 2017 /TASS/ - Russian jets struck."}},
  });
}

TEST(Sentences, SpansTrimmedAndTokenIndices) {
  const std::string_view text = "  He left.  \n\n  She came!  ";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<Sentence> sentences;
  SplitSentences(text, tokens, &sentences);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].first_token, 0u);
  EXPECT_EQ(sentences[0].last_token, 3u);
  EXPECT_EQ(sentences[1].first_token, 3u);
  EXPECT_EQ(sentences[1].last_token, 6u);
  EXPECT_EQ(
      text.substr(sentences[0].begin, sentences[0].end - sentences[0].begin),
      "He left.");
  EXPECT_EQ(
      text.substr(sentences[1].begin, sentences[1].end - sentences[1].begin),
      "She came!");
  sentences.clear();
  SplitSentences("", {}, &sentences);
  EXPECT_TRUE(sentences.empty());
}

std::vector<std::string> LoadBbcTexts() {
  std::vector<std::string> texts;
  simdjson::padded_string json;
  const std::string path =
      std::string(SITREP_SOURCE_DIR) + "/../shared/data/news/bbc-2225.jsonl";
  if (simdjson::padded_string::load(path).get(json) != simdjson::SUCCESS) {
    return texts;
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream docs;
  if (parser.iterate_many(json).get(docs) != simdjson::SUCCESS) return texts;
  for (auto doc : docs) {
    std::string_view text;
    if (doc["text"].get_string().get(text) == simdjson::SUCCESS) {
      texts.emplace_back(text);
    }
  }
  return texts;
}

// Sentences partition the tokens in order, and every paragraph break starts
// a sentence.
TEST(Sentences, PartitionTokensOverCorpus) {
  std::vector<std::string> texts = LoadBbcTexts();
  if (texts.empty()) {
    GTEST_SKIP() << "bbc-2225.jsonl not found next to the repository";
  }
  size_t n_sentences = 0;
  size_t n_tokens = 0;
  for (const std::string& text : texts) {
    std::vector<Token> tokens;
    Tokenize(text, &tokens);
    std::vector<Sentence> sentences;
    SplitSentences(text, tokens, &sentences);
    n_tokens += tokens.size();
    n_sentences += sentences.size();
    uint32_t next = 0;
    for (const Sentence& s : sentences) {
      ASSERT_EQ(s.first_token, next);
      ASSERT_LT(s.first_token, s.last_token);
      ASSERT_EQ(s.begin, tokens[s.first_token].begin);
      ASSERT_EQ(s.end, tokens[s.last_token - 1].end);
      for (uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
        ASSERT_FALSE(tokens[i].flags & kParagraphBefore);
      }
      next = s.last_token;
    }
    ASSERT_EQ(next, tokens.size());
  }
  // BBC articles run about 20 tokens a sentence; a splitter that never or
  // always splits falls far outside this band.
  const double tokens_per_sentence =
      static_cast<double>(n_tokens) / static_cast<double>(n_sentences);
  EXPECT_GT(tokens_per_sentence, 15.0);
  EXPECT_LT(tokens_per_sentence, 35.0);
}

TEST(Sentences, ProcessTextFillsDocument) {
  Document doc;
  doc.id = "d1";
  doc.text = "Gen. Smith said\r\n\r\nthe U.S. The end \xFF.";
  ASSERT_TRUE(ProcessText(doc).ok());
  EXPECT_EQ(doc.text, "Gen. Smith said\n\nthe U.S. The end \xEF\xBF\xBD.");
  ASSERT_EQ(doc.sentences.size(), 3u);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.notes[0],
            "invalid UTF-8 repaired at byte 36 (1 sequence(s) replaced by "
            "U+FFFD)");
  // Offsets map back to the original bytes: "the" was at 19, "." at 37.
  const Token& the = doc.tokens[3];
  EXPECT_EQ(doc.text.substr(the.begin, 3), "the");
  EXPECT_EQ(MapToOriginal(doc.offset_map, the.begin), 19u);
  EXPECT_EQ(MapToOriginal(doc.offset_map, doc.tokens.back().begin), 37u);
}

TEST(Sentences, ProcessTextComposesExistingMap) {
  // An earlier stage removed 10 bytes ("<b>x</b>  "-like markup) before 5.
  Document doc;
  doc.text = "Some text\r\nhere.";
  doc.offset_map = {{5, 15}};
  ASSERT_TRUE(ProcessText(doc).ok());
  EXPECT_EQ(doc.text, "Some text\nhere.");
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(MapToOriginal(doc.offset_map, doc.tokens[0].begin), 0u);
  EXPECT_EQ(MapToOriginal(doc.offset_map, doc.tokens[1].begin), 15u);
  EXPECT_EQ(MapToOriginal(doc.offset_map, doc.tokens[2].begin), 21u);
}

}  // namespace
}  // namespace sitrep::text
