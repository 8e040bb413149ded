#include "tag/conlleval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::tag {
namespace {

std::vector<std::string> L(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

TEST(ExtractChunks, ConllevalRules) {
  struct Case {
    std::vector<std::string> labels;
    std::vector<Chunk> chunks;
  };
  const std::vector<Case> cases = {
      {L({"O", "O"}), {}},
      {L({"B-PER", "I-PER", "O"}), {{0, 2, "PER"}}},
      // IOB1: I-X after O starts a chunk; B-X splits adjacent chunks.
      {L({"I-PER", "I-PER", "B-PER", "O", "I-LOC"}), {{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}}},
      // A type change starts a new chunk even on I-.
      {L({"B-ORG", "I-PER", "I-PER"}), {{0, 1, "ORG"}, {1, 3, "PER"}}},
      {L({"B-MISC", "B-MISC"}), {{0, 1, "MISC"}, {1, 2, "MISC"}}},
      // IOBES.
      {L({"S-LOC", "B-PER", "E-PER", "E-PER"}), {{0, 1, "LOC"}, {1, 3, "PER"}, {3, 4, "PER"}}},
      {L({"I-ORG"}), {{0, 1, "ORG"}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExtractChunks(std::span<const std::string>(c.labels)), c.chunks)
        << ::testing::PrintToString(c.labels);
  }
}

TEST(ConllEval, ScoresLikeConlleval) {
  ConllEval e;
  // gold: [PER 0-2] [LOC 3] ; guess: [PER 0-1] [LOC 3] [ORG 5]
  e.Add(L({"B-PER", "I-PER", "O", "B-LOC", "O", "O"}),
        L({"B-PER", "O", "O", "I-LOC", "O", "B-ORG"}));
  // IOB1 gold vs BIO guess, same chunks.
  e.Add(L({"I-MISC", "I-MISC", "B-MISC"}), L({"B-MISC", "I-MISC", "B-MISC"}));
  EXPECT_EQ(e.overall().gold, 4u);
  EXPECT_EQ(e.overall().guessed, 5u);
  EXPECT_EQ(e.overall().correct, 3u);
  EXPECT_DOUBLE_EQ(e.overall().precision(), 60.0);
  EXPECT_DOUBLE_EQ(e.overall().recall(), 75.0);
  EXPECT_NEAR(e.overall().f1(), 2 * 60.0 * 75.0 / 135.0, 1e-9);
  ASSERT_EQ(e.per_type().size(), 4u);
  EXPECT_EQ(e.per_type().at("PER").correct, 0u);
  EXPECT_EQ(e.per_type().at("LOC").correct, 1u);
  EXPECT_EQ(e.per_type().at("ORG").guessed, 1u);
  EXPECT_DOUBLE_EQ(e.per_type().at("ORG").precision(), 0.0);
  EXPECT_DOUBLE_EQ(e.per_type().at("MISC").f1(), 100.0);
  EXPECT_EQ(e.tokens(), 9u);
}

TEST(ConllEval, EmptyIsZero) {
  ConllEval e;
  EXPECT_DOUBLE_EQ(e.overall().f1(), 0.0);
  e.Add(L({}), L({}));
  EXPECT_EQ(e.overall().gold, 0u);
}

}  // namespace
}  // namespace sitrep::tag
