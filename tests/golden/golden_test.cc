// Golden files: input → expected output of a sitrep command, compared byte
// for byte. Regenerate only on purpose, then review the diff:
//   SITREP_UPDATE_GOLDEN=1 build/sitrep_tests --gtest_filter='Golden*'
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace {

std::string Capture(const std::string& args) {
  std::string cmd = "cd " + std::string(SITREP_SOURCE_DIR) + " && " +
                    std::string(SITREP_BINARY) + " " + args + " 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[1 << 14];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

struct GoldenCase {
  const char* args;      // relative paths are relative to the source dir
  const char* expected;  // under tests/golden/
};

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, OutputMatches) {
  const GoldenCase& c = GetParam();
  std::string expected_path = std::string(SITREP_SOURCE_DIR) + "/tests/golden/" + c.expected;
  std::string actual = Capture(std::string(c.args) + " --jobs 1");
  if (std::getenv("SITREP_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  std::string expected = sitrep::test_util::ReadAll(expected_path);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << expected_path;
  EXPECT_EQ(actual, expected) << "command: sitrep " << c.args;
}

INSTANTIATE_TEST_SUITE_P(
    Golden, GoldenTest,
    ::testing::Values(
        GoldenCase{"extract examples/seed-article.txt", "seed-article.extract.jsonl"},
        GoldenCase{"extract tests/golden/inputs/wire-story.txt", "wire-story.extract.jsonl"},
        GoldenCase{"tokenize tests/golden/inputs/wire-story.txt", "wire-story.tokens.jsonl"},
        GoldenCase{"extract tests/golden/inputs/mixed.jsonl", "mixed.extract.jsonl"},
        GoldenCase{"extract tests/golden/inputs/page.html", "page.extract.jsonl"}));

}  // namespace
