#include "core/artifact.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>

#include "tests/test_util.h"

namespace sitrep {
namespace {

std::string TempPath(const std::string& name) { return test_util::TempPath("artifact_test", name); }
using test_util::ReadAll;
using test_util::WriteAll;

namespace fs = std::filesystem;

ArtifactWriter SampleWriter(uint32_t version = 3) {
  ArtifactWriter w("pos", version);
  w.AddSection("weights", std::string("\x01\x02\x03", 3));
  w.AddSection("labels", "NOUN\nVERB\n");
  w.AddSection("empty", "");
  w.SetProvenance({"sitrep train pos", "0.1.0", {{"data/train.conllu", "00ff"}}});
  return w;
}

std::string WriteSample(const std::string& name, uint32_t version = 3) {
  const std::string path = TempPath(name);
  const Status st = SampleWriter(version).WriteFile(path);
  EXPECT_TRUE(st.ok()) << st.message();
  return path;
}

TEST(Xxh64, KnownVectors) {
  EXPECT_EQ(Xxh64(""), 0xEF46DB3751D8E999ULL);
  // Stable value: artifact checksums depend on it.
  EXPECT_EQ(Xxh64("abc"), 0x44BC2CF5AD770999ULL);
}

TEST(Artifact, RoundTrip) {
  const std::string path = WriteSample("round.bin");
  EXPECT_FALSE(fs::exists(path + ".tmp"));
  Result<Artifact> a = Artifact::Open(path, "pos", 3);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->kind(), "pos");
  EXPECT_EQ(a->format_version(), 3u);
  EXPECT_EQ(a->Section("weights"), std::string_view("\x01\x02\x03", 3));
  EXPECT_EQ(a->Section("labels"), "NOUN\nVERB\n");
  EXPECT_EQ(a->Section("empty"), "");
  EXPECT_EQ(a->Section("missing"), std::nullopt);
  for (const char* name : {"weights", "labels", "empty"}) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(a->Section(name)->data()) % 8, 0u) << name;
  }
  EXPECT_EQ(a->provenance().command, "sitrep train pos");
  EXPECT_EQ(a->provenance().version, "0.1.0");
  ASSERT_EQ(a->provenance().inputs.size(), 1u);
  EXPECT_EQ(a->provenance().inputs[0].first, "data/train.conllu");
  EXPECT_EQ(a->provenance().inputs[0].second, "00ff");

  // Movable: views survive the move.
  Artifact moved = std::move(a).value();
  EXPECT_EQ(moved.Section("labels"), "NOUN\nVERB\n");
}

TEST(Artifact, Deterministic) {
  EXPECT_EQ(ReadAll(WriteSample("det1.bin")), ReadAll(WriteSample("det2.bin")));
}

TEST(Artifact, WriterRejectsBadNames) {
  ArtifactWriter w("pos", 1);
  w.AddSection("a", "x");
  w.AddSection("a", "y");
  EXPECT_NE(w.Serialize().status().message().find("duplicate artifact section 'a'"),
            std::string::npos);
  ArtifactWriter w2("a-kind-name-longer-than-16", 1);
  EXPECT_FALSE(w2.Serialize().ok());
}

struct FailCase {
  const char* name;
  std::function<void(std::string*)> damage;  // edits the file image
  std::string expected_kind = "pos";
  uint32_t expected_version = 3;
  std::vector<std::string> fragments;
  StatusCode code;
};

void Patch64(std::string* s, size_t at, uint64_t v) { std::memcpy(&(*s)[at], &v, 8); }

void FixChecksum(std::string* s) {
  Patch64(s, 40, Xxh64(std::string_view(*s).substr(kArtifactHeaderSize)));
}

TEST(Artifact, RejectsDamagedFiles) {
  const std::string good = ReadAll(WriteSample("good.bin"));
  const std::vector<FailCase> cases = {
      {"truncated.bin", [](std::string* s) { s->resize(s->size() - 10); }, "pos", 3,
       {"truncated.bin is truncated: ", " of " , " bytes — run `sitrep train pos`"},
       StatusCode::kDataLoss},
      {"tiny.bin", [](std::string* s) { s->resize(20); }, "pos", 3,
       {"tiny.bin is truncated: 20 of at least 64 bytes"}, StatusCode::kDataLoss},
      {"incomplete.bin", [](std::string* s) { (*s)[6] = '\0'; }, "pos", 3,
       {"incomplete.bin did not finish building", "run `sitrep train pos`"},
       StatusCode::kDataLoss},
      {"magic.bin", [](std::string* s) { s->replace(0, 6, "GGUF00"); }, "pos", 3,
       {"magic.bin is not a sitrep artifact (bad magic"}, StatusCode::kDataLoss},
      {"kind.bin", [](std::string*) {}, "ner", 3,
       {"kind.bin holds a 'pos' artifact, expected 'ner'", "run `sitrep train ner`"},
       StatusCode::kInvalidArgument},
      {"version.bin", [](std::string*) {}, "pos", 4,
       {"version.bin is format 3, this build reads 4 — run `sitrep train pos`"},
       StatusCode::kInvalidArgument},
      {"corrupt.bin", [](std::string* s) { (*s)[s->size() - 1] ^= 0x40; }, "pos", 3,
       {"corrupt.bin is corrupted (checksum mismatch) — run `sitrep train pos`"},
       StatusCode::kDataLoss},
      {"trailing.bin", [](std::string* s) { s->append("xx"); }, "pos", 3,
       {"trailing.bin is corrupted: 2 unexpected trailing bytes"}, StatusCode::kDataLoss},
      {"outside.bin",
       [](std::string* s) {
         Patch64(s, kArtifactHeaderSize + 32, 1u << 20);  // first section offset
         FixChecksum(s);
       },
       "pos", 3,
       {"outside.bin is corrupted: section 'weights' points outside the file"},
       StatusCode::kDataLoss},
      {"count.bin",
       [](std::string* s) {
         const uint32_t huge = 1u << 30;
         std::memcpy(&(*s)[28], &huge, 4);
       },
       "pos", 3, {"count.bin is corrupted: its section table lies outside the file"},
       StatusCode::kDataLoss},
  };
  for (const FailCase& c : cases) {
    std::string image = good;
    c.damage(&image);
    const std::string path = TempPath(c.name);
    WriteAll(path, image);
    Result<Artifact> a = Artifact::Open(path, c.expected_kind, c.expected_version);
    ASSERT_FALSE(a.ok()) << c.name;
    EXPECT_EQ(a.status().code(), c.code) << c.name;
    for (const std::string& f : c.fragments) {
      EXPECT_NE(a.status().message().find(f), std::string::npos)
          << c.name << ": '" << a.status().message() << "' lacks '" << f << "'";
    }
  }
}

TEST(Artifact, MissingFileNamesItAndTheFix) {
  Result<Artifact> a = Artifact::Open(TempPath("nope.bin"), "ner", 3);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kNotFound);
  EXPECT_NE(a.status().message().find("nope.bin: No such file or directory — run `sitrep "
                                      "train ner`"),
            std::string::npos)
      << a.status().message();
}

TEST(Artifact, CustomRebuildHint) {
  Result<Artifact> a =
      Artifact::Open(TempPath("gaz.bin"), "gazetteer", 1, "sitrep build gazetteer");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("run `sitrep build gazetteer`"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
