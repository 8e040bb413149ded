// Tokenizer: literal expected tokens for news English, kinds and flags, and
// the span property over the BBC corpus (or generated text without it).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <random>
#include <string>
#include <vector>

#include "text/text.h"

namespace sitrep::text {
namespace {

std::vector<std::string> Surfaces(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

// "surface/kind" for tokens that are not plain words.
std::vector<std::string> Tagged(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    std::string s(text.substr(t.begin, t.end - t.begin));
    if (t.kind != kWord) s += std::string("/") + TokenKindName(t.kind);
    out.push_back(s);
  }
  return out;
}

using Strings = std::vector<std::string>;

struct Case {
  const char* text;
  Strings tokens;
};

void ExpectCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Surfaces(c.text), c.tokens) << "input: " << c.text;
  }
}

TEST(Tokenizer, Abbreviations) {
  ExpectCases({
      {"in the U.S. The next day", {"in", "the", "U.S.", "The", "next", "day"}},
      {"Gen. Smith", {"Gen.", "Smith"}},
      {"Lt. Col. Sgt. Dr. Mr. Mrs. Ms. Prof.",
       {"Lt.", "Col.", "Sgt.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof."}},
      {"Gov. Sen. Rep. Rev. St. Mt. Ft.",
       {"Gov.", "Sen.", "Rep.", "Rev.", "St.", "Mt.", "Ft."}},
      {"on Sept. 8 and Jan. 5, Feb. 2, Dec. 1",
       {"on", "Sept.", "8", "and", "Jan.", "5", ",", "Feb.", "2", ",", "Dec.",
        "1"}},
      {"the U.K., U.N. and E.U. said",
       {"the", "U.K.", ",", "U.N.", "and", "E.U.", "said"}},
      {"at 6 a.m. and 5 p.m.", {"at", "6", "a.m.", "and", "5", "p.m."}},
      {"Acme Inc. and Foo Corp. and Bar Co. Ltd. in",
       {"Acme", "Inc.", "and", "Foo", "Corp.", "and", "Bar", "Co.", "Ltd.",
        "in"}},
      {"John Smith Jr. and Sr. Smith",
       {"John", "Smith", "Jr.", "and", "Sr.", "Smith"}},
      {"No. 5 vs. No. 6", {"No.", "5", "vs.", "No.", "6"}},
      {"the answer was No.", {"the", "answer", "was", "No", "."}},
      {"apples, etc. and approx. 5 est. 2020",
       {"apples", ",", "etc.", "and", "approx.", "5", "est.", "2020"}},
      {"the Dept. of Defense and Univ. of Chicago",
       {"the", "Dept.", "of", "Defense", "and", "Univ.", "of", "Chicago"}},
      {"(e.g. Britain)", {"(", "e.g.", "Britain", ")"}},
      {"Los Angeles, Calif., police",
       {"Los", "Angeles", ",", "Calif.", ",", "police"}},
      {"the U.S.-backed forces", {"the", "U.S.-backed", "forces"}},
      {"the U.S.'s role", {"the", "U.S.", "'s", "role"}},
      {"Smith. He left.", {"Smith", ".", "He", "left", "."}},
      {"in 2005. Then", {"in", "2005", ".", "Then"}},
  });
}

// Capitalised abbreviations that are also words or names (Sun. Mass. Dec.
// Inc.) give up their period where a sentence plainly ends: end of text,
// line break, opening quote, sentence starter. Dotted and lowercase ones
// keep it.
TEST(Tokenizer, WordLikeAbbreviationsAtSentenceEnd) {
  ExpectCases({
      {"he told The Sun. He left",
       {"he", "told", "The", "Sun", ".", "He", "left"}},
      {"by Warner Bros.", {"by", "Warner", "Bros", "."}},
      {"said Norbert Ore. \"While",
       {"said", "Norbert", "Ore", ".", "\"", "While"}},
      {"Midnight Mass.\nThe", {"Midnight", "Mass", ".", "The"}},
      {"Acme Inc. Chief Executive", {"Acme", "Inc.", "Chief", "Executive"}},
      {"Acme Inc.), then", {"Acme", "Inc.", ")", ",", "then"}},
      {"in the U.S. The next", {"in", "the", "U.S.", "The", "next"}},
      {"albums, concerts etc. There",
       {"albums", ",", "concerts", "etc.", "There"}},
      {"a Ph.D. The", {"a", "Ph.D.", "The"}},
      {"Gen. The", {"Gen.", "The"}},
  });
}

TEST(Tokenizer, Initials) {
  ExpectCases({
      {"J. R. R. Tolkien", {"J.", "R.", "R.", "Tolkien"}},
      {"George W. Bush said", {"George", "W.", "Bush", "said"}},
      {"J.R.R. Tolkien", {"J.R.R.", "Tolkien"}},
      {"Plan B. The rest", {"Plan", "B", ".", "The", "rest"}},
      {"vitamin C.", {"vitamin", "C", "."}},
      {"Émile Ö. Zola", {"Émile", "Ö.", "Zola"}},
      {"Malcolm X. Besides", {"Malcolm", "X", ".", "Besides"}},
      {"and Jay-Z. Soul singer", {"and", "Jay-Z", ".", "Soul", "singer"}},
  });
}

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(Tagged("3,000 1.5 -4 120mm 5th 9/11 2017-09-08 06:02"),
            (Strings{"3,000/number", "1.5/number", "-4/number", "120mm/number",
                     "5th/number", "9/11/number", "2017-09-08/number",
                     "06:02/number"}));
  EXPECT_EQ(Tagged("$5 and $5 million"),
            (Strings{"$/symbol", "5/number", "and", "$/symbol", "5/number",
                     "million"}));
  EXPECT_EQ(Tagged("£600m $1.13bn 76%"),
            (Strings{"£/symbol", "600m/number", "$/symbol", "1.13bn/number",
                     "76/number", "%/symbol"}));
  EXPECT_EQ(
      Tagged("1,000,000.50 and 1,2 and 12,3456"),
      (Strings{"1,000,000.50/number", "and", "1/number", ",/punct", "2/number",
               "and", "12/number", ",/punct", "3456/number"}));
  EXPECT_EQ(Tagged("a 3-year-old, 1990s, 3yr, .5 and −4 +44"),
            (Strings{"a", "3-year-old", ",/punct", "1990s/number", ",/punct",
                     "3yr/number", ",/punct", ".5/number", "and", "−4/number",
                     "+44/number"}));
  EXPECT_EQ(Tagged("rose 2% to $11.1bn."),
            (Strings{"rose", "2/number", "%/symbol", "to", "$/symbol",
                     "11.1bn/number", "./punct"}));
  EXPECT_EQ(Tagged("scores 3-4 and 10:30:15 and 24/7"),
            (Strings{"scores", "3-4/number", "and", "10:30:15/number", "and",
                     "24/7/number"}));
  EXPECT_EQ(Tagged("AT&T and S&P rose"),
            (Strings{"AT&T", "and", "S&P", "rose"}));
}

TEST(Tokenizer, HyphenatedNames) {
  ExpectCases({
      {"Abu-Muhammad al-Shimali", {"Abu-Muhammad", "al-Shimali"}},
      {"Deir ez-Zor", {"Deir", "ez-Zor"}},
      {"the three-year-long siege", {"the", "three-year-long", "siege"}},
      {"Su-34 and Su-35", {"Su-34", "and", "Su-35"}},
      {"pre- and post-war", {"pre", "-", "and", "post-war"}},
      {"Al-Qaeda's", {"Al-Qaeda", "'s"}},
  });
}

TEST(Tokenizer, PossessivesAndContractions) {
  ExpectCases({
      {"Russia's", {"Russia", "'s"}},
      {"Russia’s", {"Russia", "’s"}},
      {"IS’ fighters", {"IS", "’", "fighters"}},
      {"the states' rights", {"the", "states", "'", "rights"}},
      {"don't", {"do", "n't"}},
      {"can't", {"ca", "n't"}},
      {"won't isn’t", {"wo", "n't", "is", "n’t"}},
      {"I'm we'll they're you've he'd",
       {"I", "'m", "we", "'ll", "they", "'re", "you", "'ve", "he", "'d"}},
      {"O'Brien d'Ivoire rock'n'roll", {"O'Brien", "d'Ivoire", "rock'n'roll"}},
      {"IT'S", {"IT", "'S"}},
  });
  std::vector<Token> tokens;
  Tokenize("Russia’s", &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].flags & kClitic, kClitic);
  EXPECT_EQ(tokens[0].flags & kClitic, 0);
}

TEST(Tokenizer, QuotesAndBrackets) {
  EXPECT_EQ(Tagged("‘Emir of Deir ez-Zor’ among"),
            (Strings{"‘/open_quote", "Emir", "of", "Deir", "ez-Zor",
                     "’/close_quote", "among"}));
  EXPECT_EQ(Tagged("the “emir,” he said"),
            (Strings{"the", "“/open_quote", "emir", ",/punct", "”/close_quote",
                     "he", "said"}));
  EXPECT_EQ(Tagged("\"Yes,\" he said 'no'"),
            (Strings{"\"/open_quote", "Yes", ",/punct", "\"/close_quote", "he",
                     "said", "'/open_quote", "no", "'/close_quote"}));
  EXPECT_EQ(
      Tagged("«Non» (IS, formerly ISIS/ISIL) [1] {x}"),
      (Strings{"«/open_quote", "Non", "»/close_quote", "(/open_bracket", "IS",
               ",/punct", "formerly", "ISIS", "//symbol", "ISIL",
               ")/close_bracket", "[/open_bracket", "1/number",
               "]/close_bracket", "{/open_bracket", "x", "}/close_bracket"}));
}

TEST(Tokenizer, WebTokens) {
  EXPECT_EQ(Tagged("see https://example.com/a?b=1&c=(2) now"),
            (Strings{"see", "https://example.com/a?b=1&c=(2)/url", "now"}));
  EXPECT_EQ(Tagged("(http://bbc.co.uk/news)."),
            (Strings{"(/open_bracket", "http://bbc.co.uk/news/url",
                     ")/close_bracket", "./punct"}));
  EXPECT_EQ(Tagged("www.example.com/path, and example.org."),
            (Strings{"www.example.com/path/url", ",/punct", "and",
                     "example.org/url", "./punct"}));
  EXPECT_EQ(Tagged("mail john.smith@example.co.uk or a_b+c@x.org."),
            (Strings{"mail", "john.smith@example.co.uk/email", "or",
                     "a_b+c@x.org/email", "./punct"}));
  EXPECT_EQ(Tagged("@user_1 said #Syria #1 #_x"),
            (Strings{"@user_1/mention", "said", "#Syria/hashtag", "#/symbol",
                     "1/number", "#_x/hashtag"}));
  EXPECT_EQ(Tagged("a @ b"), (Strings{"a", "@/symbol", "b"}));
}

TEST(Tokenizer, PunctuationAndDashes) {
  EXPECT_EQ(Tagged("Wait... what… ok -- sure — yes – no?! Really."),
            (Strings{"Wait", ".../punct", "what", "…/punct", "ok", "--/punct",
                     "sure", "—/punct", "yes", "–/punct", "no", "?!/punct",
                     "Really", "./punct"}));
  EXPECT_EQ(Surfaces("word—word 1990–1995 a;b: c"),
            (Strings{"word", "—", "word", "1990", "–", "1995", "a", ";", "b",
                     ":", "c"}));
  EXPECT_EQ(Surfaces("said.The end"), (Strings{"said", ".", "The", "end"}));
  EXPECT_EQ(Surfaces("Amazon.com rose"), (Strings{"Amazon.com", "rose"}));
}

TEST(Tokenizer, UnicodeLetters) {
  ExpectCases({
      {"Ärzte in Şanlıurfa", {"Ärzte", "in", "Şanlıurfa"}},
      {"قال المتحدث باسم", {"قال", "المتحدث", "باسم"}},
      {"Zoë’s café", {"Zoë", "’s", "café"}},
      {"e\u0301te", {"e\u0301te"}},  // combining mark inside a word
      {"a\u00A0b\u2009c\u200Bd", {"a", "b", "c", "d"}},  // NBSP, thin, ZWSP
      {"Москва́ и Київ", {"Москва́", "и", "Київ"}},
  });
  std::vector<Token> tokens;
  Tokenize("Ärzte بغداد éte", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[0].flags & kCapitalized);
  EXPECT_TRUE(tokens[1].flags & kCaseless);
  EXPECT_FALSE(tokens[2].flags & (kCapitalized | kCaseless));
}

TEST(Tokenizer, Flags) {
  std::string_view text = "A (b)\nC\n\n  D";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  ASSERT_EQ(tokens.size(), 6u);
  const uint8_t ws = kSpaceBefore | kNewlineBefore | kParagraphBefore;
  EXPECT_EQ(tokens[0].flags & ws, 0);
  EXPECT_EQ(tokens[1].flags & ws, kSpaceBefore);                   // (
  EXPECT_EQ(tokens[2].flags & ws, 0);                              // b
  EXPECT_EQ(tokens[3].flags & ws, 0);                              // )
  EXPECT_EQ(tokens[4].flags & ws, kSpaceBefore | kNewlineBefore);  // C
  EXPECT_EQ(tokens[5].flags & ws, ws);                             // D
  EXPECT_TRUE(tokens[0].flags & kCapitalized);
  Tokenize("Gen. x", &tokens);  // appends
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_TRUE(tokens[6].flags & kAbbreviation);
  EXPECT_FALSE(tokens[7].flags & kAbbreviation);
}

TEST(Tokenizer, InvalidBytesAndControls) {
  const std::string text = std::string("ab\xFF") + "cd\x01" + "e\xE2\x80";
  EXPECT_EQ(Tagged(text),
            (Strings{"ab", "\xFF/symbol", "cd", "e", "\xE2\x80/symbol"}));
  EXPECT_TRUE(Surfaces("").empty());
  EXPECT_TRUE(Surfaces(" \n\t ").empty());
}

TEST(Tokenizer, LookupHelpers) {
  EXPECT_EQ(LookupAbbreviation("Gen."), AbbrevKind::kTitle);
  EXPECT_EQ(LookupAbbreviation("Sept."), AbbrevKind::kGeneral);
  EXPECT_EQ(LookupAbbreviation("No."), AbbrevKind::kBeforeNumber);
  EXPECT_EQ(LookupAbbreviation("e.g."), AbbrevKind::kInside);
  EXPECT_EQ(LookupAbbreviation("gen."), AbbrevKind::kNone);
  EXPECT_EQ(LookupAbbreviation("Smith."), AbbrevKind::kNone);
  EXPECT_TRUE(IsDottedAcronym("U.S."));
  EXPECT_TRUE(IsDottedAcronym("a.m."));
  EXPECT_FALSE(IsDottedAcronym("U.S"));
  EXPECT_FALSE(IsDottedAcronym("Ph.D."));
  EXPECT_TRUE(IsSentenceStarter("The"));
  EXPECT_FALSE(IsSentenceStarter("Smith"));
  EXPECT_TRUE(IsLineContinuationWord("the"));
  EXPECT_FALSE(IsLineContinuationWord("ago"));
  EXPECT_STREQ(TokenKindName(kUrl), "url");
  EXPECT_STREQ(TokenKindName(200), "?");
}

TEST(Tokenizer, DecodeUtf8MaximalSubparts) {
  struct Dec {
    std::string bytes;
    char32_t cp;
    size_t len;
  };
  const std::vector<Dec> cases = {
      {"A", U'A', 1},
      {"\xC3\xA9", U'é', 2},
      {"\xE2\x80\x99", U'’', 3},
      {"\xF0\x9F\x98\x80", U'\U0001F600', 4},
      {"\xC0\xAF", kBadCodePoint, 1},      // overlong lead
      {"\xE0\x80\x80", kBadCodePoint, 1},  // overlong 3-byte
      {"\xED\xA0\x80", kBadCodePoint, 1},  // surrogate
      {"\xE2\x80", kBadCodePoint, 2},      // truncated
      {"\xE2\x80"
       "A",
       kBadCodePoint, 2},
      {"\xF4\x90\x80\x80", kBadCodePoint, 1},  // > U+10FFFF
      {"\xF0\x9F\x98", kBadCodePoint, 3},
      {"\x80", kBadCodePoint, 1},
      {"\xFF", kBadCodePoint, 1},
  };
  for (const Dec& d : cases) {
    char32_t cp;
    EXPECT_EQ(DecodeUtf8(d.bytes, 0, &cp), d.len) << d.bytes;
    EXPECT_EQ(cp, d.cp) << d.bytes;
  }
}

// The span property: tokens are non-empty, ordered, inside the text, and the
// bytes between them are whitespace only.
void CheckSpans(std::string_view text, const std::vector<Token>& tokens) {
  uint32_t prev_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    ASSERT_LT(t.begin, t.end) << "token " << i;
    ASSERT_LE(t.end, text.size());
    ASSERT_LE(prev_end, t.begin);
    const std::string_view gap = text.substr(prev_end, t.begin - prev_end);
    // A re-tokenized gap yields no tokens: it is whitespace.
    std::vector<Token> inner;
    Tokenize(gap, &inner);
    ASSERT_TRUE(inner.empty()) << "non-space gap before token " << i;
    ASSERT_EQ((t.flags & kSpaceBefore) != 0, !gap.empty()) << "token " << i;
    prev_end = t.end;
  }
  std::vector<Token> tail;
  Tokenize(text.substr(prev_end), &tail);
  ASSERT_TRUE(tail.empty());
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

// Generated stand-in for the corpus: pieces of every kind glued by spaces,
// newlines or nothing, including invalid bytes.
std::vector<std::string> GeneratedTexts() {
  const std::vector<std::string> pieces = {
      "U.S.",      "Gen.",    "Smith",      "’s",
      "'s",        "n't",     "3,000",      "1.5",
      "-4",        "$",       "£600m",      "76%",
      "“",         "”",       "‘",          "’",
      "\"",        "'",       "(",          ")",
      "...",       "…",       "—",          "–",
      "--",        "-",       "al-Shimali", "https://x.org/a)",
      "www.b.com", "a@b.org", "@h",         "#t",
      "Ärzte",     "بغداد",   "e\u0301",    "\xFF",
      "\xE2\x80",  ".",       ",",          "!",
      "?",         "No.",     "5",          "J.",
      "a.m.",      "\t",      "\u00A0",     "&",
      "/"};
  const std::vector<std::string> glue = {" ", " ", " ", "", "\n", "\n\n"};
  std::mt19937 rng(42);
  std::vector<std::string> texts;
  for (int d = 0; d < 300; ++d) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      text += pieces[rng() % pieces.size()];
      text += glue[rng() % glue.size()];
    }
    texts.push_back(text);
  }
  return texts;
}

TEST(Tokenizer, SpansCoverCorpus) {
  std::vector<std::string> texts = LoadBbcTexts();
  if (texts.empty()) texts = GeneratedTexts();
  std::vector<std::string> generated = GeneratedTexts();
  texts.insert(texts.end(), generated.begin(), generated.end());
  size_t total = 0;
  for (const std::string& text : texts) {
    std::vector<Token> tokens;
    Tokenize(text, &tokens);
    total += tokens.size();
    ASSERT_NO_FATAL_FAILURE(CheckSpans(text, tokens)) << text.substr(0, 200);
  }
  EXPECT_GT(total, 1000u);
}

// Random bytes: never a crash, and the span property holds.
TEST(Tokenizer, RandomBytesKeepSpans) {
  std::mt19937 rng(5);
  const std::string alphabet = "aA1 .,'’\"-@#_/:()\n\xE2\x80\x99\xC3\xFF";
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      text += rng() % 4 ? alphabet[rng() % alphabet.size()]
                        : static_cast<char>(rng() % 256);
    }
    std::vector<Token> tokens;
    Tokenize(text, &tokens);
    ASSERT_NO_FATAL_FAILURE(CheckSpans(text, tokens)) << "iter " << iter;
    std::vector<Sentence> sentences;
    SplitSentences(text, tokens, &sentences);
    if (!tokens.empty()) {
      ASSERT_FALSE(sentences.empty());
      ASSERT_EQ(sentences.back().last_token, tokens.size());
    }
  }
}

// Regression: inputs that made an early version quadratic (every word start
// retried an e-mail match over the rest of the chunk; every trailing ")" of
// a URL rescanned the URL). 400 KB each must take milliseconds.
TEST(Tokenizer, PathologicalInputsStayLinear) {
  std::string underscores;
  for (int i = 0; i < 200000; ++i) underscores += "a_";
  std::string parens = "http://x.org/" + std::string(400000, ')');
  std::string dots;
  for (int i = 0; i < 200000; ++i) dots += "a.";
  for (const std::string* text : {&underscores, &parens, &dots}) {
    std::vector<Token> tokens;
    Tokenize(*text, &tokens);
    std::vector<Sentence> sentences;
    SplitSentences(*text, tokens, &sentences);
    EXPECT_FALSE(tokens.empty());
  }
  std::vector<Token> tokens;
  Tokenize(parens, &tokens);
  ASSERT_EQ(tokens.size(), 400001u);
  EXPECT_EQ(tokens[0].kind, kUrl);
  EXPECT_EQ(tokens[0].end, 13u);
}

// Lines of examples/seed-article.txt.
TEST(Tokenizer, ProseFromSeedArticle) {
  EXPECT_EQ(
      Surfaces("Russia’s Su-34 and Su-35 fighter jets hit Islamic "
               "State’s (IS, formerly ISIS/ISIL) field commanders on "
               "September 5, the ministry said."),
      (Strings{"Russia", "’s",    "Su-34",      "and",   "Su-35",     "fighter",
               "jets",   "hit",   "Islamic",    "State", "’s",        "(",
               "IS",     ",",     "formerly",   "ISIS",  "/",         "ISIL",
               ")",      "field", "commanders", "on",    "September", "5",
               ",",      "the",   "ministry",   "said",  "."}));
  EXPECT_EQ(Surfaces("8 Sep, 2017 06:02 / Updated 7 years ago"),
            (Strings{"8", "Sep", ",", "2017", "06:02", "/", "Updated", "7",
                     "years", "ago"}));
}

}  // namespace
}  // namespace sitrep::text
