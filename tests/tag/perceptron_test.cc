#include "tag/perceptron.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::tag {
namespace {

TEST(HashFeature, StableAndDelimited) {
  // Literal values: saved models depend on them never changing.
  EXPECT_EQ(HashFeature("w", "the"), HashFeature("w", "the"));
  EXPECT_NE(HashFeature("w", "the"), HashFeature("p", "the"));
  EXPECT_NE(HashFeature("ab", "c"), HashFeature("a", "bc"));
  EXPECT_NE(HashFeature("t", "a", "bc"), HashFeature("t", "ab", "c"));
  EXPECT_NE(HashFeature("t", "a", "b"), HashFeature("t", "a"));
  EXPECT_EQ(HashFeature("w", "the"), 0xd16c386ed8c20e03ULL) << std::hex << HashFeature("w", "the");
  EXPECT_NE(HashCombine(1, 2), HashCombine(2, 1));
  EXPECT_NE(HashCombine(0, 0), 0u);
}

// Three classes; each instance has a bias feature, a family feature shared
// by its class, its own word and a noise feature shared across classes.
// Linearly separable.
struct Toy {
  std::vector<std::vector<uint64_t>> x;
  std::vector<int> y;
};

Toy MakeToy() {
  Toy t;
  const char* cues[3][3] = {{"red", "crimson", "scarlet"},
                            {"green", "lime", "olive"},
                            {"blue", "navy", "azure"}};
  for (int label = 0; label < 3; ++label) {
    for (const char* cue : cues[label]) {
      t.x.push_back({HashFeature("bias", ""), HashFeature("family", cues[label][0]),
                     HashFeature("cue", cue),
                     HashFeature("noise", std::to_string(t.x.size() % 2))});
      t.y.push_back(label);
    }
  }
  return t;
}

PerceptronTrainer TrainToy(const Toy& t) {
  PerceptronTrainer trainer(3, 10);
  for (int epoch = 0; epoch < 50; ++epoch) {
    for (size_t i = 0; i < t.x.size(); ++i) {
      trainer.Update(t.x[i], t.y[i], trainer.Predict(t.x[i]));
      trainer.NextInstance();
    }
  }
  return trainer;
}

TEST(Perceptron, LearnsSeparableProblemExactly) {
  const Toy t = MakeToy();
  const PerceptronTrainer trainer = TrainToy(t);
  for (size_t i = 0; i < t.x.size(); ++i) EXPECT_EQ(trainer.Predict(t.x[i]), t.y[i]) << i;

  const std::string bytes = trainer.SerializeAveraged();
  Result<LinearModel> model = LinearModel::FromBytes(bytes);
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(model->num_labels(), 3);
  for (size_t i = 0; i < t.x.size(); ++i) EXPECT_EQ(model->Best(t.x[i]), t.y[i]) << i;
  // Unseen features score nothing: all-zero scores -> label 0.
  const std::vector<uint64_t> unseen = {HashFeature("cue", "purple")};
  EXPECT_EQ(model->Best(unseen), 0);
  EXPECT_EQ(model->Best({}), 0);
}

TEST(Perceptron, AveragedModelRoundTripsAndIsDeterministic) {
  const Toy t = MakeToy();
  const std::string a = TrainToy(t).SerializeAveraged();
  const std::string b = TrainToy(t).SerializeAveraged();
  EXPECT_EQ(a, b);
  Result<LinearModel> model = LinearModel::FromBytes(a);
  ASSERT_TRUE(model.ok());
  // Scores equal the trainer's averaged weights up to int16 quantization:
  // the family feature of "red" favours label 0 over the others.
  float scores[3] = {0, 0, 0};
  const uint64_t red = HashFeature("family", "red");
  model->Score(std::span<const uint64_t>(&red, 1), scores);
  EXPECT_GT(scores[0], scores[1]);
  EXPECT_GT(scores[0], scores[2]);
  // Duplicates count twice.
  float twice[3] = {0, 0, 0};
  const uint64_t two[2] = {red, red};
  model->Score(two, twice);
  EXPECT_FLOAT_EQ(twice[0], 2 * scores[0]);
}

TEST(Perceptron, FromBytesRejectsDamage) {
  const std::string bytes = TrainToy(MakeToy()).SerializeAveraged();
  for (size_t cut : {size_t{0}, size_t{10}, bytes.size() - 1}) {
    Result<LinearModel> m = LinearModel::FromBytes(std::string_view(bytes).substr(0, cut));
    ASSERT_FALSE(m.ok()) << cut;
    EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
    EXPECT_NE(m.status().message().find("truncated"), std::string::npos)
        << m.status().message();
  }
  std::string bad = bytes;
  bad[0] = 'X';
  EXPECT_EQ(LinearModel::FromBytes(bad).status().message(), "linear model has a bad magic");
  std::string bad_label = bytes;
  bad_label[bad_label.size() - 4] = 7;  // last entry's label -> 7 >= 3
  EXPECT_EQ(LinearModel::FromBytes(bad_label).status().message(),
            "linear model has a label out of range");
}

TEST(Perceptron, FeatureCapIgnoresNewFeatures) {
  PerceptronTrainer trainer(2, 1);  // at most 2 features
  const std::vector<uint64_t> f = {11, 22, 33};
  trainer.Update(f, 1, 0);
  EXPECT_EQ(trainer.num_features(), 2u);
  EXPECT_EQ(trainer.Predict(f), 1);
}

}  // namespace
}  // namespace sitrep::tag
