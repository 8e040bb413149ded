#include "core/json_writer.h"

#include <gtest/gtest.h>

#include "core/hash.h"
#include "core/utf8.h"

namespace sitrep {
namespace {

TEST(JsonWriter, EscapesStrings) {
  struct Case {
    std::string in;
    std::string want;
  };
  const Case cases[] = {
      {"plain", "\"plain\""},
      {"a\"b", "\"a\\\"b\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"line\nbreak\ttab\r", "\"line\\nbreak\\ttab\\r\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"\x01\x1f", "\"\\u0001\\u001f\""},
      {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", "\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\""},
      {"bad\xFF", "\"bad\xEF\xBF\xBD\""},
      {"trunc\xE2\x80", "\"trunc\xEF\xBF\xBD\""},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendJsonString(c.in, &out);
    EXPECT_EQ(out, c.want) << c.in;
  }
}

TEST(JsonWriter, ManagesCommasAndNesting) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a").Int(-3);
  w.Key("b").BeginArray().String("x").Null().Bool(true).EndArray();
  w.Key("c").BeginObject().EndObject();
  w.Key("d").Double(1.23456, 2);
  w.Key("e").Double(0.0 / 0.0);
  w.Key("f").OptString(std::nullopt);
  w.Key("g").OptString(std::string("v"));
  w.Key("h").Uint(18446744073709551615ULL);
  w.EndObject();
  EXPECT_EQ(out,
            "{\"a\":-3,\"b\":[\"x\",null,true],\"c\":{},\"d\":1.23,\"e\":null,"
            "\"f\":null,\"g\":\"v\",\"h\":18446744073709551615}");
}

TEST(Utf8, SequenceLengths) {
  struct Case {
    std::string s;
    size_t want;
  };
  const Case cases[] = {
      {"a", 1},           {"\xC3\xA9", 2},          {"\xE2\x80\x9C", 3},
      {"\xF0\x9F\x98\x80", 4}, {"\xC0\xAF", 0} /* overlong */,
      {"\xED\xA0\x80", 0} /* surrogate */, {"\xF4\x90\x80\x80", 0},
      {"\xE2\x80", 0},    {"\x80", 0},              {"\xFF", 0},
  };
  for (const Case& c : cases) EXPECT_EQ(Utf8SequenceLength(c.s, 0), c.want) << c.s;
}

TEST(Utf8, RepairReportsAndReplaces) {
  Utf8Report r;
  std::string out = RepairUtf8(std::string("ok\xFF\xFEmid\0end\xE2\x80", 13), &r);
  EXPECT_EQ(out, std::string("ok\xEF\xBF\xBD\xEF\xBF\xBDmid\0end\xEF\xBF\xBD", 18));
  EXPECT_EQ(r.invalid, 3u);
  EXPECT_EQ(r.first_invalid, 2u);
  EXPECT_EQ(r.nul, 1u);
  // Repair is idempotent and valid input is unchanged.
  EXPECT_EQ(RepairUtf8(out), out);
  EXPECT_EQ(CheckUtf8(out).invalid, 0u);
}

TEST(Hash, StableIds) {
  EXPECT_EQ(HexId(Fnv1a64("")), "cbf29ce484222325");
  EXPECT_EQ(HexId(Fnv1a64("a")), "af63dc4c8601ec8c");
}

}  // namespace
}  // namespace sitrep
