// The claims stage: reporting verbs in both orders, sources and their
// resolution, covered spans and certainty. Every table runs on tokenized
// text alone (no models); the seed test with models is skipped when they do
// not load.
#include "claims/claims.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "tests/test_util.h"
#include "text/text.h"

namespace sitrep::claims {
namespace {

Document Doc(const std::string& text) {
  Document doc;
  doc.id = "test";
  doc.text = text;
  EXPECT_TRUE(text::ProcessText(doc).ok());
  return doc;
}

std::string Dump(const std::vector<Claim>& claims) {
  std::string s;
  for (const Claim& c : claims) {
    s += "[" + c.source + "|" + c.source_name + "|" + c.verb + "|" +
         CertaintyName(c.certainty) + "|" + c.text + "] ";
  }
  return s;
}

// Every span points at its text.
void CheckSpans(const Document& doc, const std::vector<Claim>& claims) {
  for (const Claim& c : claims) {
    EXPECT_EQ(doc.text.substr(c.source_begin, c.source_end - c.source_begin),
              c.source);
    EXPECT_EQ(doc.text.substr(c.verb_begin, c.verb_end - c.verb_begin), c.verb);
    EXPECT_EQ(doc.text.substr(c.cue_begin, c.cue_end - c.cue_begin), c.cue);
    EXPECT_EQ(doc.text.substr(c.begin, c.end - c.begin), c.text);
  }
}

struct VerbCase {
  const char* sentence;
  const char* source;
  const char* verb;
  Certainty certainty;
};

TEST(ClaimVerbs, EveryFormAndOrder) {
  using C = Certainty;
  const VerbCase cases[] = {
      // X said Y.
      {"The army said the town was taken.", "The army", "said", C::kAsserted},
      {"Officials say the town was taken.", "Officials", "say", C::kAsserted},
      {"The governor says the town was taken.", "The governor", "says",
       C::kAsserted},
      {"A spokesman for the Defense Ministry said the town was taken.",
       "A spokesman for the Defense Ministry", "said", C::kAsserted},
      {"Police told reporters the town was taken.", "Police", "told",
       C::kAsserted},
      {"The rebels claimed the town was taken.", "The rebels", "claimed",
       C::kAsserted},
      {"The army announced that the town was taken.", "The army", "announced",
       C::kAsserted},
      {"Reuters reported that the town was taken.", "Reuters", "reported",
       C::kAsserted},
      {"The minister stated that the town was taken.", "The minister", "stated",
       C::kAsserted},
      {"The army also said that the town was taken.", "The army", "said",
       C::kAsserted},
      {"Activists have said that the town was taken.", "Activists", "said",
       C::kAsserted},
      {"The paper cited officials as saying the town was taken.", "The paper",
       "cited", C::kAsserted},
      {"The commander was quoted as saying the town was taken.",
       "The commander", "was quoted as saying", C::kAsserted},
      {"The ministry said in a statement that the town was taken.",
       "The ministry", "said in a statement", C::kAsserted},
      // Y, X said. / Y, said X.
      {"The town was taken, the army said.", "the army", "said", C::kAsserted},
      {"The town was taken, said the army.", "the army", "said", C::kAsserted},
      {"\u201cThe town is ours,\u201d the commander said.", "the commander",
       "said", C::kAsserted},
      {"\u201cThe town is ours,\u201d said Colonel Smith.", "Colonel Smith",
       "said", C::kAsserted},
      {"The town was taken, the army added.", "the army", "added",
       C::kAsserted},
      // according to X, Y. / Y, citing X.
      {"According to witnesses, the town was taken.", "witnesses",
       "According to", C::kAsserted},
      {"The town was taken, according to local officials.", "local officials",
       "according to", C::kAsserted},
      {"The town was taken, the agency reported, citing military sources.",
       "the agency", "reported", C::kAsserted},
      // The verb carries the certainty.
      {"The army confirmed that the town was taken.", "The army", "confirmed",
       C::kConfirmed},
      {"The army denied that the town was taken.", "The army", "denied",
       C::kDenied},
      {"The army rejected claims that the town was taken.", "The army",
       "rejected claims", C::kDenied},
      {"Following the meeting the Foreign Secretary said the town was taken.",
       "the Foreign Secretary", "said", C::kAsserted},
      {"\u201cWe must deny them the town,\u201d the general said.",
       "the general", "said", C::kAsserted},
  };
  for (const VerbCase& c : cases) {
    Document doc = Doc(c.sentence);
    std::vector<Claim> got = FindClaims(doc);
    ASSERT_GE(got.size(), 1u) << c.sentence;
    EXPECT_EQ(got[0].source, c.source) << c.sentence << " " << Dump(got);
    EXPECT_EQ(got[0].verb, c.verb) << c.sentence << " " << Dump(got);
    EXPECT_EQ(got[0].certainty, c.certainty) << c.sentence << " " << Dump(got);
    EXPECT_EQ(got[0].text, c.sentence);
    CheckSpans(doc, got);
  }
}

TEST(ClaimVerbs, CitingAddsItsOwnSource) {
  Document doc =
      Doc("The town was taken, the agency reported, citing military sources.");
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_EQ(got.size(), 2u) << Dump(got);
  EXPECT_EQ(got[1].source, "military sources");
  EXPECT_EQ(got[1].verb, "citing");
}

TEST(ClaimVerbs, NotReporting) {
  for (const char* s : {
           "The town was taken.",
           "Russia added three jets to the fleet.",
           "The said document was lost.",
           "It was a cold day and nobody came.",
       }) {
    Document doc = Doc(s);
    EXPECT_EQ(FindClaims(doc).size(), 0u) << s << " " << Dump(FindClaims(doc));
  }
}

struct CertaintyCase {
  const char* sentence;
  Certainty certainty;
  const char* cue;
  const char* source;  // "" = unknown
};

TEST(ClaimCertainty, EveryClass) {
  using C = Certainty;
  const CertaintyCase cases[] = {
      {"Ten soldiers were killed, the army said.", C::kAsserted, "",
       "the army"},
      {"Ten soldiers were reportedly killed, the army said.", C::kHedged,
       "reportedly", "the army"},
      {"The commander was allegedly killed, activists said.", C::kHedged,
       "allegedly", "activists"},
      {"The commander is said to have been killed.", C::kHedged, "is said to",
       ""},
      {"Forty fighters are said to have been killed.", C::kHedged,
       "are said to", ""},
      {"The commander is believed to have died.", C::kHedged, "is believed to",
       ""},
      {"The commander may have been killed, officials said.", C::kHedged,
       "may have", "officials"},
      {"The commander was possibly killed.", C::kHedged, "possibly", ""},
      {"There were unconfirmed reports of deaths.", C::kHedged, "unconfirmed",
       ""},
      {"There were conflicting reports about the toll.", C::kDisputed,
       "conflicting reports", ""},
      {"The commander was either killed or injured.", C::kDisputed,
       "either killed or", ""},
      {"The toll could not be independently verified.", C::kDisputed,
       "could not be independently verified", ""},
      {"The account was contradicted by witnesses.", C::kDisputed,
       "contradicted", ""},
      {"The army denied the strike.", C::kDenied, "denied", "The army"},
      {"The commander's death has been confirmed, the army said.",
       C::kConfirmed, "confirmed", "the army"},
      {"The death was verified by doctors.", C::kConfirmed, "verified", ""},
      {"The death could not be confirmed, the army said.", C::kDisputed,
       "could not be confirmed", "the army"},
  };
  for (const CertaintyCase& c : cases) {
    Document doc = Doc(c.sentence);
    std::vector<Claim> got = FindClaims(doc);
    ASSERT_EQ(got.size(), 1u) << c.sentence << " " << Dump(got);
    EXPECT_EQ(got[0].certainty, c.certainty) << c.sentence << Dump(got);
    EXPECT_EQ(got[0].cue, c.cue) << c.sentence;
    EXPECT_EQ(got[0].source, c.source) << c.sentence;
    if (got[0].source.empty()) {
      EXPECT_EQ(got[0].verb, "") << c.sentence;
    }
    CheckSpans(doc, got);
  }
}

TEST(ClaimSource, DefiniteDescriptionResolvesToEarlierSource) {
  Document doc = Doc(
      "The Russian Defense Ministry said 40 militants were killed. Jets hit "
      "the base on Tuesday, the ministry said.");
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_EQ(got.size(), 2u) << Dump(got);
  EXPECT_EQ(got[0].source, "The Russian Defense Ministry");
  EXPECT_EQ(got[0].source_name, "Russian Defense Ministry");
  EXPECT_EQ(got[1].source, "the ministry");
  EXPECT_EQ(got[1].source_name, "Russian Defense Ministry");
  EXPECT_EQ(got[1].source_entity, -1);  // no entities without the tagger
}

TEST(ClaimSource, DefiniteDescriptionResolvesToEntity) {
  Document doc =
      Doc("Jets of the Russian Defense Ministry struck. The base was hit, the "
          "ministry said.");
  // Entities as the tagger would give them: "Russian Defense Ministry".
  EntityMention m;
  m.first_token = 3;
  m.last_token = 6;
  m.begin = doc.tokens[3].begin;
  m.end = doc.tokens[5].end;
  m.kind = kEntityOrganization;
  doc.entities.push_back(m);
  doc.tagged = true;
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_EQ(got.size(), 1u) << Dump(got);
  EXPECT_EQ(got[0].source, "the ministry");
  EXPECT_EQ(got[0].source_name, "Russian Defense Ministry");
  EXPECT_EQ(got[0].source_entity, 0);
}

TEST(ClaimSource, PronounTakesPreviousSource) {
  Document doc =
      Doc("The governor said the road was closed. Rain fell. Later he said it "
          "had reopened.");
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_EQ(got.size(), 2u) << Dump(got);
  EXPECT_EQ(got[1].source, "he");
  EXPECT_EQ(got[1].source_name, "governor");
}

TEST(ClaimSpan, ContinuationSentences) {
  struct Case {
    const char* text;
    size_t claims;
    uint32_t sentences;  // of the first claim
  };
  const Case cases[] = {
      // "he added" continues.
      {"The governor said the road was closed. He added that it would reopen.",
       1, 2},
      // "It noted that" continues.
      {"The ministry said jets struck. It noted that the raid was planned.", 1,
       2},
      // "the ministry also said": same source, "also".
      {"The ministry said jets struck. The ministry also said two died.", 1, 2},
      // Same source without "also": a claim of its own.
      {"The ministry said jets struck. Two died, the ministry said.", 2, 1},
      // A different source: a claim of its own.
      {"The ministry said jets struck. Two died, activists said.", 2, 1},
      // A quotation left open runs on ("Two died." closes it).
      {"The ministry said: \u201cJets struck. Two died.\u201d The sky was "
       "clear.",
       1, 2},
      // "X said:" introduces the next sentence, and only that one.
      {"The minister said:\n\nThe strike was wrong. The sky was clear.", 1, 2},
      // Straight quotes count as well.
      {"The ministry said: \"Jets struck. Two died.\" The sky was clear.", 1,
       2},
      // No continuation: a plain sentence follows.
      {"The ministry said jets struck. The sky was clear.", 1, 1},
  };
  for (const Case& c : cases) {
    Document doc = Doc(c.text);
    std::vector<Claim> got = FindClaims(doc);
    ASSERT_EQ(got.size(), c.claims) << c.text << " " << Dump(got);
    EXPECT_EQ(got[0].last_sentence - got[0].first_sentence, c.sentences)
        << c.text << " " << Dump(got);
    CheckSpans(doc, got);
  }
}

TEST(ClaimSpan, ContinuationRaisesCertainty) {
  Document doc =
      Doc("The ministry said jets struck. It added that the commander was "
          "reportedly killed.");
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_EQ(got.size(), 1u) << Dump(got);
  EXPECT_EQ(got[0].certainty, Certainty::kHedged);
  EXPECT_EQ(got[0].cue, "reportedly");
}

// ---------------------------------------------------------------------------
// Bad input.

TEST(ClaimBadInput, EmptyDocument) {
  Document empty;
  EXPECT_TRUE(FindClaims(empty).empty());
  Document blank = Doc("   \n\n  ");
  EXPECT_TRUE(FindClaims(blank).empty());
}

TEST(ClaimBadInput, LongSentence) {
  std::string s;
  for (int i = 0; i < 10000; ++i) s += "word ";
  s += "said the ministry.";
  Document doc = Doc(s);
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].source, "word word word word word word word word word word");
  EXPECT_EQ(got[0].verb, "said");
}

TEST(ClaimBadInput, ThousandSaidIsLinear) {
  std::string one;
  for (int i = 0; i < 1000; ++i) one += "said ";
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "Officials said. ";
  const auto t0 = std::chrono::steady_clock::now();
  Document a = Doc(one);
  EXPECT_EQ(FindClaims(a).size(), 0u);  // "said" has no source
  Document b = Doc(many);
  std::vector<Claim> got = FindClaims(b);
  EXPECT_EQ(got.size(), 1000u);
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - t0)
                        .count();
  EXPECT_LT(ms, 2000.0);
  std::string per_sentence;
  for (int i = 0; i < 1000; ++i) per_sentence += "A said B said C said D said ";
  Document c = Doc(per_sentence);
  EXPECT_LE(FindClaims(c).size(),
            kMaxClaimsPerSentence * static_cast<size_t>(c.sentences.size()));
}

TEST(ClaimBadInput, UnclosedQuoteIsBounded) {
  std::string s = "The army said: \u201c";
  for (int i = 0; i < 1000; ++i) s += "Jets struck again. ";
  Document doc = Doc(s);
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].last_sentence - got[0].first_sentence, kMaxCoveredSentences);
  CheckSpans(doc, got);
}

// Word soup from the tables' own words: every span holds, nothing runs
// past the caps.
TEST(ClaimBadInput, WordSoupKeepsSpans) {
  const char* vocab[] = {"said",       "the",
                         "ministry",   "he",
                         "according",  "to",
                         ",",          ".",
                         ":",          "\u201c",
                         "\u201d",     "\"",
                         "is",         "are",
                         "said to",    "either",
                         "killed",     "or",
                         "denied",     "confirmed",
                         "also",       "added",
                         "Officials",  "in a statement",
                         "citing",     "quoted as saying",
                         "reportedly", "could not be",
                         "verified",   "The",
                         "Army",       "and",
                         "of",         "for",
                         "it"};
  uint32_t seed = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 60; ++i) {
      seed = seed * 1664525u + 1013904223u;
      text += vocab[(seed >> 8) % (sizeof vocab / sizeof vocab[0])];
      text += ' ';
    }
    Document doc = Doc(text);
    std::vector<Claim> got = FindClaims(doc);
    CheckSpans(doc, got);
    for (const Claim& c : got) {
      EXPECT_LE(c.last_sentence - c.first_sentence, kMaxCoveredSentences);
      EXPECT_LT(c.first_sentence, c.last_sentence);
    }
    EXPECT_LE(got.size(), kMaxClaimsPerSentence * doc.sentences.size() + 1);
  }
}

// ---------------------------------------------------------------------------
// The seed article.

void CheckSeed(const Document& doc) {
  std::vector<Claim> got = FindClaims(doc);
  CheckSpans(doc, got);
  ASSERT_GE(got.size(), 5u) << Dump(got);
  // "... are said to have been killed ..., the Russian Defense Ministry said."
  EXPECT_EQ(got[0].source, "the Russian Defense Ministry");
  EXPECT_EQ(got[0].source_name, "Russian Defense Ministry");
  EXPECT_EQ(got[0].certainty, Certainty::kHedged);
  EXPECT_EQ(got[0].cue, "are said to");
  // "..., the ministry said. It noted that ...": resolved, two sentences.
  EXPECT_EQ(got[1].source, "the ministry");
  EXPECT_EQ(got[1].source_name, "Russian Defense Ministry");
  EXPECT_EQ(got[1].last_sentence - got[1].first_sentence, 2u);
  bool confirmed = false, disputed = false;
  for (const Claim& c : got) {
    if (c.text.find("death has been confirmed") != std::string::npos) {
      confirmed = true;
      EXPECT_EQ(c.certainty, Certainty::kConfirmed);
      EXPECT_EQ(c.source_name, "Russian Defense Ministry");
    }
    if (c.text.find("either killed or heavily injured") != std::string::npos) {
      disputed = true;
      EXPECT_EQ(c.certainty, Certainty::kDisputed);
      EXPECT_EQ(c.source, "conflicting reports");
    }
    if (c.source == "the ministry") {
      EXPECT_EQ(c.source_name, "Russian Defense Ministry") << c.text;
    }
  }
  EXPECT_TRUE(confirmed) << Dump(got);
  EXPECT_TRUE(disputed) << Dump(got);
}

TEST(ClaimSeedArticle, WithoutModels) {
  RawDoc raw;
  raw.id = "seed";
  raw.bytes =
      test_util::ReadAll(SITREP_SOURCE_DIR "/examples/seed-article.txt");
  Document doc = ingest::Prepare(std::move(raw), ingest::IngestOptions());
  ASSERT_TRUE(text::ProcessText(doc).ok());
  CheckSeed(doc);
}

TEST(ClaimSeedArticle, WithModels) {
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
  CheckSeed(doc);
  std::vector<Claim> got = FindClaims(doc);
  ASSERT_FALSE(got.empty());
  ASSERT_GE(got[0].source_entity, 0);
  const EntityMention& m =
      doc.entities[static_cast<size_t>(got[0].source_entity)];
  EXPECT_EQ(doc.text.substr(m.begin, m.end - m.begin),
            "Russian Defense Ministry");
  EXPECT_EQ(m.kind, kEntityOrganization);
  EXPECT_GE(got[1].source_entity, 0);  // "the ministry" → the entity
}

// ---------------------------------------------------------------------------
// `sitrep claims`.

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

TEST(ClaimsCli, OneLinePerDocument) {
  const std::string jsonl = test_util::TempPath("claims_cli", "docs.jsonl");
  test_util::WriteAll(jsonl,
                      "{\"id\":\"a\",\"text\":\"Two died, the army said.\"}\n"
                      "this line is broken\n"
                      "{\"id\":\"c\",\"text\":\"Nothing here.\"}\n");
  int code = -1;
  const std::string out = RunBinary("claims --no-tag --jobs 1 " + jsonl, &code);
  EXPECT_EQ(code, 1);  // one document rejected
  simdjson::dom::parser parser;
  std::vector<size_t> counts;
  std::vector<std::string> sources;
  for (size_t pos = 0; pos < out.size();) {
    const size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) break;
    simdjson::dom::element el;
    ASSERT_EQ(parser.parse(out.substr(pos, nl - pos)).get(el),
              simdjson::SUCCESS);
    simdjson::dom::array a;
    ASSERT_EQ(el["claims"].get(a), simdjson::SUCCESS);
    counts.push_back(a.size());
    for (simdjson::dom::element c : a) {
      std::string_view t;
      EXPECT_EQ(c["source"]["text"].get(t), simdjson::SUCCESS);
      sources.emplace_back(t);
      std::string_view cert;
      EXPECT_EQ(c["certainty"].get(cert), simdjson::SUCCESS);
      EXPECT_EQ(cert, "asserted");
    }
    pos = nl + 1;
  }
  EXPECT_EQ(counts, (std::vector<size_t>{1, 0, 0}));
  EXPECT_EQ(sources, (std::vector<std::string>{"the army"}));
}

}  // namespace
}  // namespace sitrep::claims
