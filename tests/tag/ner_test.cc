#include "tag/ner.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tag/ner_data.h"

#include "tests/test_util.h"

namespace sitrep::tag {
namespace {

using test_util::ReadAll;

std::vector<std::string> Split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// A toy corpus: "<word>/<label>" tokens.
std::vector<NerSentence> ToyCorpus() {
  const char* kLines[] = {
      "John/B-PER Smith/I-PER visited/O Paris/B-LOC ./O",
      "Mary/B-PER Jones/I-PER works/O for/O Acme/B-ORG Corp/I-ORG ./O",
      "The/O French/B-MISC minister/O met/O Peter/B-PER Brown/I-PER in/O Berlin/B-LOC ./O",
      "Acme/B-ORG Corp/I-ORG opened/O an/O office/O in/O London/B-LOC ./O",
      "German/B-MISC officials/O said/O John/B-PER Smith/I-PER left/O ./O",
      "Peter/B-PER Brown/I-PER said/O Globex/B-ORG Inc/I-ORG grew/O ./O",
      "He/O flew/O from/O Paris/B-LOC to/O Berlin/B-LOC ./O",
  };
  std::vector<NerSentence> out;
  for (int rep = 0; rep < 3; ++rep) {
    for (const char* line : kLines) {
      NerSentence s;
      s.doc = rep;
      for (const std::string& tok : Split(line)) {
        const size_t slash = tok.rfind('/');
        s.words.push_back(tok.substr(0, slash));
        s.labels.push_back(tok.substr(slash + 1));
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

PhraseSet ToyGazetteer() {
  PhraseSet g;
  g.AddText("Paris", kGazPlace);
  g.AddText("Berlin", kGazPlace);
  g.AddText("French", kGazNationality);
  g.AddText("German", kGazNationality);
  g.AddText("Corp", kGazOrgWord);
  return g;
}

class NerToyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(::testing::TempDir() + "/ner_toy_" + std::to_string(::getpid()));
    std::filesystem::create_directories(*dir_);
    NerTrainOptions opt;
    opt.out_path = *dir_ + "/ner.bin";
    opt.epochs = 5;
    opt.buckets_log2 = 16;
    std::string report;
    ASSERT_TRUE(TrainNerOn(ToyCorpus(), ToyGazetteer(), opt, &report).ok());
    auto t = NerTagger::Load(opt.out_path);
    ASSERT_TRUE(t.ok()) << t.status().message();
    tagger_ = t->release();
  }
  static void TearDownTestSuite() {
    delete tagger_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string* dir_;
  static NerTagger* tagger_;
};
std::string* NerToyTest::dir_ = nullptr;
NerTagger* NerToyTest::tagger_ = nullptr;

TEST_F(NerToyTest, TagsTrainingSentence) {
  const std::vector<std::string_view> words = {"Mary", "Jones", "works", "for", "Acme", "Corp", "."};
  std::vector<std::string_view> labels;
  tagger_->TagBio(words, &labels);
  EXPECT_EQ(labels, (std::vector<std::string_view>{"B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O"}));
  std::vector<Entity> ents;
  tagger_->Tag(words, &ents);
  ASSERT_EQ(ents.size(), 2u);
  EXPECT_EQ(ents[0].begin_token, 0u);
  EXPECT_EQ(ents[0].end_token, 2u);
  EXPECT_EQ(ents[0].kind, kPerson);
  EXPECT_EQ(ents[1].begin_token, 4u);
  EXPECT_EQ(ents[1].end_token, 6u);
  EXPECT_EQ(ents[1].kind, kOrganization);
}

TEST_F(NerToyTest, NationalityKind) {
  const std::vector<std::string_view> words = {"German", "officials", "said", "John", "Smith", "left", "."};
  std::vector<Entity> ents;
  tagger_->Tag(words, &ents);
  ASSERT_FALSE(ents.empty());
  EXPECT_EQ(ents[0].begin_token, 0u);
  EXPECT_EQ(ents[0].kind, kNationality);
}

TEST_F(NerToyTest, BadInputs) {
  std::vector<Entity> ents = {Entity{}};
  tagger_->Tag({}, &ents);
  EXPECT_TRUE(ents.empty());

  // 10,000 tokens: labels for every token, entities well-formed.
  std::vector<std::string> many;
  for (int i = 0; i < 10000; ++i) many.push_back(i % 7 == 0 ? "Paris" : (i % 5 == 0 ? "John" : "x"));
  std::vector<std::string_view> views(many.begin(), many.end());
  std::vector<std::string_view> labels;
  tagger_->TagBio(views, &labels);
  EXPECT_EQ(labels.size(), views.size());
  tagger_->Tag(views, &ents);
  uint32_t last_end = 0;
  for (const Entity& e : ents) {
    EXPECT_GE(e.begin_token, last_end);
    EXPECT_LT(e.begin_token, e.end_token);
    EXPECT_LE(e.end_token, views.size());
    last_end = e.end_token;
  }

  // A 100 KB token and non-Latin script.
  const std::string huge(100 * 1024, 'A');
  const std::vector<std::string_view> odd = {huge, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
                                             "\xE5\x8C\x97\xE4\xBA\xAC", "\xD8\xAF\xD9\x85\xD8\xB4\xD9\x82",
                                             "\xFF\xFE", ""};
  tagger_->TagBio(odd, &labels);
  EXPECT_EQ(labels.size(), odd.size());
  tagger_->Tag(odd, &ents);
  for (const Entity& e : ents) EXPECT_LE(e.end_token, odd.size());
}

TEST_F(NerToyTest, TrainingIsDeterministic) {
  NerTrainOptions opt;
  opt.out_path = *dir_ + "/again.bin";
  opt.epochs = 5;
  opt.buckets_log2 = 16;
  ASSERT_TRUE(TrainNerOn(ToyCorpus(), ToyGazetteer(), opt, nullptr).ok());
  EXPECT_EQ(ReadAll(opt.out_path), ReadAll(*dir_ + "/ner.bin"));
}

// Weight-averaged models (NerTrainOptions::seeds): deterministic, they load
// and they tag what they were trained on.
TEST_F(NerToyTest, SeedAveragedModels) {
  NerTrainOptions opt;
  opt.epochs = 5;
  opt.buckets_log2 = 16;
  opt.seeds = 2;
  opt.out_path = *dir_ + "/avg1.bin";
  ASSERT_TRUE(TrainNerOn(ToyCorpus(), ToyGazetteer(), opt, nullptr).ok());
  opt.out_path = *dir_ + "/avg2.bin";
  ASSERT_TRUE(TrainNerOn(ToyCorpus(), ToyGazetteer(), opt, nullptr).ok());
  EXPECT_EQ(ReadAll(*dir_ + "/avg1.bin"), ReadAll(*dir_ + "/avg2.bin"));
  auto t = NerTagger::Load(opt.out_path);
  ASSERT_TRUE(t.ok()) << t.status().message();
  const std::vector<std::string_view> words = {"Mary", "Jones", "works", "for", "Acme", "Corp", "."};
  std::vector<std::string_view> labels;
  (*t)->TagBio(words, &labels);
  EXPECT_EQ(labels, (std::vector<std::string_view>{"B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O"}));
}

TEST_F(NerToyTest, EvalWritesPredictionsAndScores) {
  const std::string gold = *dir_ + "/gold.txt";
  {
    std::ofstream out(gold);
    out << "-DOCSTART- -X- O O\n\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD I-VP O\n"
           "Paris NNP I-NP I-LOC\n. . O O\n\n";
  }
  auto r = EvalNer(*tagger_, gold, *dir_ + "/pred.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->sentences, 1u);
  EXPECT_EQ(r->tokens, 5u);
  EXPECT_DOUBLE_EQ(r->f1, 100.0);
  EXPECT_EQ(ReadAll(*dir_ + "/pred.txt"),
            "-DOCSTART- O O\n\nJohn I-PER B-PER\nSmith I-PER I-PER\nvisited O O\nParis I-LOC B-LOC\n. O O\n\n");
  EXPECT_FALSE(EvalNer(*tagger_, *dir_ + "/missing.txt", "").ok());
}

TEST_F(NerToyTest, DocumentApiMatchesSentenceApiOnOneSentence) {
  const std::vector<std::string_view> words = {"Peter", "Brown", "said", "Globex", "Inc", "grew", "."};
  std::vector<Entity> single;
  tagger_->Tag(words, &single);
  const std::span<const std::string_view> doc[1] = {words};
  std::vector<std::vector<Entity>> per_sentence;
  tagger_->TagDocument(doc, &per_sentence);
  ASSERT_EQ(per_sentence.size(), 1u);
  ASSERT_EQ(per_sentence[0].size(), single.size());
  for (size_t i = 0; i < single.size(); ++i) {
    EXPECT_EQ(per_sentence[0][i].begin_token, single[i].begin_token);
    EXPECT_EQ(per_sentence[0][i].end_token, single[i].end_token);
    EXPECT_EQ(per_sentence[0][i].kind, single[i].kind);
  }
  EXPECT_EQ(single.size(), 2u);
}

TEST_F(NerToyTest, DocumentApiKeepsSentencesApart) {
  const std::vector<std::string_view> a = {"John", "Smith", "visited", "Paris", "."};
  const std::vector<std::string_view> empty;
  const std::vector<std::string_view> b = {"Acme", "Corp", "opened", "an", "office", "in", "London", "."};
  const std::span<const std::string_view> doc[3] = {a, empty, b};
  std::vector<std::vector<Entity>> ents;
  NerScratch sc;
  tagger_->TagDocument(doc, &ents, sc);
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_EQ(ents[0].size(), 2u);  // John Smith, Paris
  EXPECT_TRUE(ents[1].empty());
  ASSERT_EQ(ents[2].size(), 2u);  // Acme Corp, London
  EXPECT_EQ(ents[2][0].begin_token, 0u);
  EXPECT_EQ(ents[2][0].end_token, 2u);
  EXPECT_EQ(ents[2][0].kind, kOrganization);
  std::vector<std::vector<std::string_view>> bio;
  tagger_->TagDocumentBio(doc, &bio, sc);
  ASSERT_EQ(bio.size(), 3u);
  EXPECT_EQ(bio[0], (std::vector<std::string_view>{"B-PER", "I-PER", "O", "B-LOC", "O"}));
  EXPECT_TRUE(bio[1].empty());
  EXPECT_EQ(bio[2].size(), b.size());
}

TEST_F(NerToyTest, EvalTagsByDocument) {
  const std::string gold = *dir_ + "/gold2.txt";
  {
    std::ofstream out(gold);
    out << "-DOCSTART- -X- O O\n\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\n. . O O\n\n"
           "-DOCSTART- -X- O O\n\nHe PRP O O\nflew VBD O O\nfrom IN O O\nParis NNP I-NP I-LOC\n. . O O\n\n"
           "Berlin NNP I-NP I-LOC\n. . O O\n\n";
  }
  auto r = EvalNer(*tagger_, gold, *dir_ + "/pred2.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->sentences, 3u);
  EXPECT_EQ(r->tokens, 10u);
  EXPECT_DOUBLE_EQ(r->f1, 100.0);
  EXPECT_EQ(ReadAll(*dir_ + "/pred2.txt"),
            "-DOCSTART- O O\n\nJohn I-PER B-PER\nSmith I-PER I-PER\n. O O\n\n"
            "-DOCSTART- O O\n\nHe O O\nflew O O\nfrom O O\nParis I-LOC B-LOC\n. O O\n\n"
            "Berlin I-LOC B-LOC\n. O O\n\n");
}

TEST_F(NerToyTest, OnePassModelsStillLoad) {
  NerTrainOptions opt;
  opt.out_path = *dir_ + "/one.bin";
  opt.epochs = 5;
  opt.buckets_log2 = 16;
  opt.jackknife_folds = 1;
  ASSERT_TRUE(TrainNerOn(ToyCorpus(), ToyGazetteer(), opt, nullptr).ok());
  auto t = NerTagger::Load(opt.out_path);
  ASSERT_TRUE(t.ok()) << t.status().message();
  const std::vector<std::string_view> words = {"Mary", "Jones", "works", "for", "Acme", "Corp", "."};
  std::vector<std::string_view> labels;
  (*t)->TagBio(words, &labels);
  EXPECT_EQ(labels, (std::vector<std::string_view>{"B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O"}));
}

// Word clusters (tag/clusters.h).
TEST(WordClusters, WordsInTheSameContextsShareAClass) {
  std::vector<std::vector<std::string_view>> text;
  for (int r = 0; r < 20; ++r) {
    text.push_back({"the", "cat", "sat", "on", "the", "mat", "."});
    text.push_back({"the", "dog", "sat", "on", "the", "rug", "."});
    text.push_back({"a", "cat", "ran", "to", "a", "mat", "."});
    text.push_back({"a", "dog", "ran", "to", "a", "rug", "."});
  }
  text.push_back({"unicorn"});
  ClusterOptions opt;
  opt.levels = {4, 8};
  WordClusters wc = WordClusters::Learn(text, opt, nullptr);
  EXPECT_EQ(wc.num_levels(), 2);
  EXPECT_EQ(wc.size(), 11u);  // every word but "unicorn" (count 1)
  EXPECT_EQ(wc.Lookup("unicorn"), 0u);
  EXPECT_NE(wc.Lookup("cat"), 0u);
  EXPECT_EQ(wc.Lookup("cat"), wc.Lookup("dog"));
  // Same predecessors: splitting them costs nothing at 8 classes (a tie),
  // but at 4 they are together.
  EXPECT_EQ(wc.Lookup("mat") & 1023u, wc.Lookup("rug") & 1023u);
  EXPECT_NE(wc.Lookup("cat") & 3u, wc.Lookup(".") & 3u);
  // Deterministic, and serialize -> parse is the identity.
  EXPECT_EQ(WordClusters::Learn(text, opt, nullptr).Serialize(), wc.Serialize());
  auto back = WordClusters::Deserialize(wc.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->Serialize(), wc.Serialize());
  EXPECT_EQ(back->Lookup("sat"), wc.Lookup("sat"));
  EXPECT_FALSE(WordClusters::Deserialize(std::string(7, '\0')).ok());
  EXPECT_FALSE(WordClusters::Deserialize("").ok());
}

TEST(NerTagger, LoadErrorsAreActionable) {
  auto missing = NerTagger::Load("/nonexistent/ner.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/ner.bin"), std::string::npos);
}

TEST(EntityKindName, Names) {
  EXPECT_STREQ(EntityKindName(kPerson), "person");
  EXPECT_STREQ(EntityKindName(kOrganization), "organization");
  EXPECT_STREQ(EntityKindName(kPlace), "place");
  EXPECT_STREQ(EntityKindName(kNationality), "nationality");
  EXPECT_STREQ(EntityKindName(kMisc), "misc");
  EXPECT_STREQ(EntityKindName(99), "?");
}

// The shipped model (skipped when models/ner.bin has not been built).
TEST(NerModel, ConflictSentence) {
  const std::string path = SITREP_SOURCE_DIR "/models/ner.bin";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not built";
  auto t = NerTagger::Load(path);
  ASSERT_TRUE(t.ok()) << t.status().message();
  const std::vector<std::string> words =
      Split("Some 40 Islamic State terrorists were killed near Deir ez-Zor , the Russian Defense Ministry said .");
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<Entity> ents;
  (*t)->Tag(views, &ents);
  std::vector<std::string> got;
  for (const Entity& e : ents) {
    std::string s;
    for (uint32_t i = e.begin_token; i < e.end_token; ++i) s += (s.empty() ? "" : " ") + words[i];
    got.push_back(s + "/" + EntityKindName(e.kind));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"Islamic State/organization", "Deir ez-Zor/place",
                                           "Russian Defense Ministry/organization"}));
}

}  // namespace
}  // namespace sitrep::tag
