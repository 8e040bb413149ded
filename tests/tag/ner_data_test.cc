#include "tag/ner_data.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::tag {
namespace {

TEST(ToBio, ConvertsIob1) {
  std::vector<std::string> l = {"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG", "B-ORG"};
  ToBio(&l);
  EXPECT_EQ(l, (std::vector<std::string>{"B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG", "I-ORG",
                                         "B-ORG"}));
  std::vector<std::string> bio = {"B-PER", "I-PER", "O", "B-LOC"};
  const auto copy = bio;
  ToBio(&bio);
  EXPECT_EQ(bio, copy);  // idempotent on BIO
}

TEST(MapNerType, GmbTypes) {
  EXPECT_EQ(MapNerType(NerCorpus::kGmb, "per"), "PER");
  EXPECT_EQ(MapNerType(NerCorpus::kGmb, "geo"), "LOC");
  EXPECT_EQ(MapNerType(NerCorpus::kGmb, "gpe"), "MISC");
  EXPECT_EQ(MapNerType(NerCorpus::kGmb, "eve"), "MISC");
  EXPECT_EQ(MapNerType(NerCorpus::kGmb, "tim"), "");
  EXPECT_EQ(MapNerType(NerCorpus::kConll, "PER"), "PER");
  EXPECT_EQ(MapNerType(NerCorpus::kConll, "DATE"), "");
}

TEST(ReadColumnCorpus, ConllIob1WithDocstart) {
  const std::string text =
      "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n"
      "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n";
  auto r = ReadColumnCorpus(text, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].words, (std::vector<std::string>{"EU", "rejects", "German"}));
  EXPECT_EQ((*r)[0].labels, (std::vector<std::string>{"B-ORG", "O", "B-MISC"}));
  EXPECT_EQ((*r)[1].labels, (std::vector<std::string>{"B-PER", "I-PER"}));
  EXPECT_EQ((*r)[0].doc, 1);
  EXPECT_EQ((*r)[2].doc, 2);
}

TEST(ReadColumnCorpus, WikiannPrefixAndTabs) {
  ColumnReadOptions o;
  o.corpus = NerCorpus::kWikiann;
  o.strip_prefix = "en:";
  auto r = ReadColumnCorpus("en:R.H.\tB-ORG\nen:Saunders\tI-ORG\nen:(\tO\n\nen:en:\tO\n", o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].words, (std::vector<std::string>{"R.H.", "Saunders", "("}));
  EXPECT_EQ((*r)[0].labels, (std::vector<std::string>{"B-ORG", "I-ORG", "O"}));
  EXPECT_EQ((*r)[1].words, (std::vector<std::string>{"en:"}));
}

TEST(ReadColumnCorpus, RejectsOneColumnLine) {
  auto r = ReadColumnCorpus("word O\nlonely\n", {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos);
}

TEST(ReadConlluWords, SkipsCommentsRangesAndEmptyNodes) {
  const std::string text =
      "# text = I don't.\n1\tI\tI\tPRON\n2-3\tdon't\t_\t_\n2\tdo\tdo\tAUX\n3\tn't\tnot\tPART\n"
      "3.1\tx\tx\tX\n4\t.\t.\tPUNCT\n\n# sent_id = 2\n1\tYes\tyes\tINTJ\n";
  const auto s = ReadConlluWords(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], (std::vector<std::string>{"I", "do", "n't", "."}));
  EXPECT_EQ(s[1], (std::vector<std::string>{"Yes"}));
}

TEST(ReadGmbCsv, QuotesTypesAndCp1252) {
  const std::string csv =
      "Sentence #,Word,POS,Tag\n"
      "Sentence: 1,Iraqi,JJ,B-gpe\n,officials,NNS,O\n,\"10,000\",CD,O\n,\"\"\"\",``,O\n"
      ",in,IN,O\n,New,NNP,B-geo\n,York,NNP,I-geo\n,on,IN,O\n,Monday,NNP,B-tim\n"
      "Sentence: 2,Caf\xE9,NNP,B-org\n,\x85,:,O\n";
  auto r = ReadGmbCsv(csv);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].words, (std::vector<std::string>{"Iraqi", "officials", "10,000", "\"", "in",
                                                      "New", "York", "on", "Monday"}));
  EXPECT_EQ((*r)[0].labels, (std::vector<std::string>{"B-MISC", "O", "O", "O", "O", "B-LOC",
                                                       "I-LOC", "O", "O"}));
  EXPECT_EQ((*r)[1].words, (std::vector<std::string>{"Caf\xC3\xA9", "\xE2\x80\xA6"}));
  EXPECT_EQ((*r)[1].labels[0], "B-ORG");
}

TEST(RepairToUtf8Cp1252, KeepsUtf8DecodesTheRest) {
  EXPECT_EQ(RepairToUtf8Cp1252("ascii"), "ascii");
  EXPECT_EQ(RepairToUtf8Cp1252("\xC3\xA9"), "\xC3\xA9");            // UTF-8 kept
  EXPECT_EQ(RepairToUtf8Cp1252("\xE9"), "\xC3\xA9");                // Latin-1 e-acute
  EXPECT_EQ(RepairToUtf8Cp1252("\x93hi\x94"), "\xE2\x80\x9Chi\xE2\x80\x9D");
  EXPECT_EQ(RepairToUtf8Cp1252("\x81"), "\xEF\xBF\xBD");            // undefined in cp1252
}

TEST(PhraseSet, LookupPrefixAndRoundTrip) {
  PhraseSet set;
  set.AddText("Deir ez-Zor", kGazPlace);
  set.AddText("Syria", kGazCountry);
  set.AddText("Syria", kGazPlace);
  set.AddText("Syrian", kGazNationality);
  const uint64_t deir = PhraseExtend(0, PhraseTokenHash("DEIR"));
  EXPECT_EQ(set.Lookup(deir), kGazPrefixBit);
  EXPECT_EQ(set.Lookup(PhraseExtend(deir, PhraseTokenHash("ez-zor"))), 1u << kGazPlace);
  EXPECT_EQ(set.Lookup(PhraseExtend(0, PhraseTokenHash("syria"))),
            (1u << kGazPlace) | (1u << kGazCountry));
  EXPECT_EQ(set.Lookup(PhraseExtend(0, PhraseTokenHash("Damascus"))), 0u);

  const std::string bytes = set.Serialize();
  auto back = PhraseSet::Deserialize(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->size(), set.size());
  EXPECT_EQ(back->Serialize(), bytes);
  EXPECT_EQ(back->Lookup(PhraseExtend(0, PhraseTokenHash("syrian"))), 1u << kGazNationality);
  EXPECT_FALSE(PhraseSet::Deserialize(bytes.substr(1)).ok());
}

}  // namespace
}  // namespace sitrep::tag
