// Normalize: literal cases, the offset map, idempotence, and the fast paths
// checked against ICU as the reference (all code points; random bytes).
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ustring.h>

#include <random>
#include <string>
#include <vector>

#include "text/text.h"

namespace sitrep::text {
namespace {

std::string Norm(std::string_view in, OffsetMap* map = nullptr,
                 NormalizeInfo* info = nullptr) {
  std::string out;
  OffsetMap local;
  const NormalizeInfo i = Normalize(in, &out, map != nullptr ? map : &local);
  if (info != nullptr) *info = i;
  return out;
}

std::string IcuNfc(std::string_view in) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, icu::StringPiece(in.data(), in.size()), sink, nullptr,
                     ec);
  EXPECT_TRUE(U_SUCCESS(ec));
  return out;
}

std::string Utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

struct Case {
  std::string in;
  std::string out;
};

TEST(Normalize, LiteralCases) {
  const std::vector<Case> cases = {
      {"plain ASCII text.\n", "plain ASCII text.\n"},
      {"", ""},
      {"e\u0301te", "\u00E9te"},          // compose
      {"A\u030A", "\u00C5"},              // Å
      {"\u212B", "\u00C5"},               // ANGSTROM SIGN singleton
      {"a\u0323\u0307", "\u1EA1\u0307"},  // reorder + compose
      {"\u1100\u1161", "\uAC00"},         // Hangul L+V
      {"x<\u0338y", "x\u226Ey"},          // < + combining solidus
      {"“quotes” ‘and’ dashes – —", "“quotes” ‘and’ dashes – —"},  // kept
      {"ﬁ ① ＡＢ", "ﬁ ① ＡＢ"},  // compatibility forms are not folded (NFC)
      {"a\r\nb\rc\n", "a\nb\nc\n"},
      {std::string("a\0b", 3), "a b"},  // NUL -> space
      {"a\x01\x1F\x7F\tb\fc\vd", "a   \tb c d"},
      {"x\xC2\x85y\xC2\x9Fz", "x y z"},  // C1 controls -> space
      {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
      {"trunc \xE2\x80", "trunc \xEF\xBF\xBD"},
      {"\xE2\x80"
       "A",
       "\xEF\xBF\xBD"
       "A"},
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
      {"\xF0\x9F\x98", "\xEF\xBF\xBD"},        // one maximal subpart
      {"e\xFF\u0301", "e\xEF\xBF\xBD\u0301"},  // no composition across U+FFFD
      {"caf\u00E9 \u00A3600m Ärzte", "caf\u00E9 \u00A3600m Ärzte"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Norm(c.in), c.out) << "input: " << c.in;
  }
}

TEST(Normalize, InfoCounts) {
  NormalizeInfo info;
  Norm("ok \xFF and \xC0\xAF and \x01\xC2\x80", nullptr, &info);
  EXPECT_EQ(info.repaired, 3u);
  EXPECT_EQ(info.first_bad_offset, 3u);
  EXPECT_EQ(info.controls, 2u);
  Norm("clean", nullptr, &info);
  EXPECT_EQ(info.repaired, 0u);
  EXPECT_EQ(info.first_bad_offset, 0u);
  EXPECT_EQ(info.controls, 0u);
}

// Each case lists (out_offset, expected original offset) pairs at character
// boundaries of the output.
struct MapCase {
  std::string in;
  std::vector<std::pair<uint32_t, uint32_t>> points;
  bool empty_map;
};

TEST(Normalize, OffsetMap) {
  const std::vector<MapCase> cases = {
      {"plain", {{0, 0}, {5, 5}}, true},
      {std::string("a\0b", 3), {{2, 2}}, true},  // same-length replacement
      {"ab\r\ncd", {{0, 0}, {2, 2}, {3, 4}, {4, 5}, {5, 6}}, false},
      // "e"+U+0301 (3 bytes) -> U+00E9 (2 bytes).
      {"xe\u0301y", {{0, 0}, {1, 1}, {3, 4}, {4, 5}}, false},
      // One bad byte -> U+FFFD (3 bytes).
      {"a\xFF"
       "b",
       {{0, 0}, {1, 1}, {4, 2}, {5, 3}},
       false},
      // C1 control (2 bytes) -> space.
      {"a\xC2\x85"
       "b",
       {{1, 1}, {2, 3}, {3, 4}},
       false},
      {"\xFF\xFF", {{0, 0}, {3, 1}, {6, 2}}, false},
      {"\r\n\r\nx", {{0, 0}, {1, 2}, {2, 4}}, false},
  };
  for (const MapCase& c : cases) {
    OffsetMap map;
    const std::string out = Norm(c.in, &map);
    EXPECT_EQ(map.empty(), c.empty_map) << c.in;
    for (const auto& [o, expected] : c.points) {
      EXPECT_EQ(MapToOriginal(map, o), expected)
          << "input " << c.in << " out offset " << o;
    }
  }
}

TEST(Normalize, MapToOriginalIsMonotoneInsideGrownCharacters) {
  OffsetMap map;
  Norm("\xFFx", &map);  // U+FFFD is 3 bytes for 1
  EXPECT_EQ(MapToOriginal(map, 0), 0u);
  EXPECT_EQ(MapToOriginal(map, 1), 1u);
  EXPECT_EQ(MapToOriginal(map, 2), 1u);
  EXPECT_EQ(MapToOriginal(map, 3), 1u);
  EXPECT_EQ(MapToOriginal(map, 4), 2u);
  EXPECT_EQ(MapToOriginal({}, 77), 77u);
}

TEST(Normalize, ComposeOffsetMaps) {
  // B -> A: 3 bytes removed at B offset 2; C -> B: 1 byte removed at C 4.
  const OffsetMap b_to_a = {{2, 5}};
  const OffsetMap c_to_b = {{4, 5}};
  const OffsetMap c_to_a = ComposeOffsetMaps(c_to_b, b_to_a);
  for (uint32_t x = 0; x < 12; ++x) {
    EXPECT_EQ(MapToOriginal(c_to_a, x),
              MapToOriginal(b_to_a, MapToOriginal(c_to_b, x)))
        << "x=" << x;
  }
  EXPECT_EQ(ComposeOffsetMaps({}, {}), OffsetMap{});
  EXPECT_EQ(ComposeOffsetMaps(c_to_b, {}), c_to_b);
}

// Fast path == reference: every code point (after "a", which may compose
// with it) normalizes exactly as ICU normalizes the whole string. Covers the
// NFC-safe ranges that skip ICU.
TEST(Normalize, AllCodePointsMatchIcu) {
  std::string in;
  in.reserve(6 << 20);
  for (char32_t cp = 0xA0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    in += 'a';
    in += Utf8(cp);
    in += ' ';
  }
  OffsetMap map;
  const std::string out = Norm(in, &map);
  EXPECT_TRUE(out == IcuNfc(in));
  // And NFC is stable.
  OffsetMap map2;
  EXPECT_TRUE(Norm(out, &map2) == out);
  EXPECT_TRUE(map2.empty());
}

// Random strings drawn from characters that interact under NFC.
TEST(Normalize, RandomCombiningMatchesIcuAndIsIdempotent) {
  const std::vector<std::string> pool = {
      "a",      "e",      "A",      "<",          " ",      "\n",     "\u0301",
      "\u0323", "\u0307", "\u0338", "\u00E9",     "\u1100", "\u1161", "\u11A8",
      "\uAC00", "\u212B", "\u2019", "\u0627",     "\u064B", "\u0654", "\u3099",
      "\u304B", "Å",      "\u0F73", "\U0001D15E", "x"};
  std::mt19937 rng(7);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string in;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) in += pool[rng() % pool.size()];
    const std::string out = Norm(in);
    ASSERT_EQ(out, IcuNfc(in)) << "input " << in;
    ASSERT_EQ(Norm(out), out);
  }
}

// Ill-formed input: the same number of U+FFFD as ICU's converter produces
// (maximal subparts), and the result is valid and stable.
TEST(Normalize, RandomBytesRepairLikeIcu) {
  std::mt19937 rng(11);
  const unsigned char interesting[] = {0x00, 0x41, 0x0D, 0x0A, 0x80, 0xBF,
                                       0xC2, 0xC3, 0xE0, 0xE2, 0xED, 0xF0,
                                       0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F};
  for (int iter = 0; iter < 5000; ++iter) {
    std::string in;
    const int n = static_cast<int>(rng() % 16);
    for (int i = 0; i < n; ++i) {
      in += static_cast<char>(
          rng() % 2 ? interesting[rng() % sizeof(interesting)] : rng() % 256);
    }
    NormalizeInfo info;
    OffsetMap map;
    const std::string out = Norm(in, &map, &info);

    UErrorCode ec = U_ZERO_ERROR;
    std::vector<UChar> buf(in.size() * 2 + 4);
    int32_t len = 0;
    int32_t subs = 0;
    u_strFromUTF8WithSub(buf.data(), static_cast<int32_t>(buf.size()), &len,
                         in.data(), static_cast<int32_t>(in.size()), 0xFFFD,
                         &subs, &ec);
    ASSERT_TRUE(U_SUCCESS(ec));
    ASSERT_EQ(info.repaired, static_cast<size_t>(subs)) << "iter " << iter;

    // Valid UTF-8 with no controls but TAB/LF, and stable.
    for (size_t i = 0; i < out.size();) {
      char32_t cp;
      i += DecodeUtf8(out, i, &cp);
      ASSERT_NE(cp, kBadCodePoint);
      ASSERT_TRUE(cp >= 0x20 || cp == '\t' || cp == '\n');
      ASSERT_FALSE(cp >= 0x7F && cp < 0xA0);
    }
    OffsetMap map2;
    ASSERT_EQ(Norm(out, &map2), out);
    ASSERT_TRUE(map2.empty());
    // The map is monotone and stays inside the input.
    uint32_t prev = 0;
    for (uint32_t o = 0; o <= out.size(); ++o) {
      const uint32_t m = MapToOriginal(map, o);
      ASSERT_GE(m, prev);
      ASSERT_LE(m, in.size());
      prev = m;
    }
    ASSERT_EQ(MapToOriginal(map, static_cast<uint32_t>(out.size())), in.size());
  }
}

TEST(Normalize, CorpusIsIdempotentAndMapsTokensBack) {
  simdjson::padded_string json;
  const std::string path =
      std::string(SITREP_SOURCE_DIR) + "/../shared/data/news/bbc-2225.jsonl";
  if (simdjson::padded_string::load(path).get(json) != simdjson::SUCCESS) {
    GTEST_SKIP() << "bbc-2225.jsonl not found next to the repository";
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream docs;
  ASSERT_EQ(parser.iterate_many(json).get(docs), simdjson::SUCCESS);
  size_t n = 0;
  for (auto doc : docs) {
    std::string_view text;
    if (doc["text"].get_string().get(text) != simdjson::SUCCESS) continue;
    // Decompose the text's accented letters and add CRLFs so that the map has
    // work to do, then check every token maps back onto the same letters.
    std::string in;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        in += "\r\n";
      } else if (text.compare(i, 2, "\u00E9") == 0) {
        in += "e\u0301";
        ++i;
      } else {
        in += text[i];
      }
    }
    OffsetMap map;
    const std::string out = Norm(in, &map);
    ASSERT_EQ(out, IcuNfc(std::string(text)));
    ASSERT_EQ(Norm(out), out);
    std::vector<Token> tokens;
    Tokenize(out, &tokens);
    for (const Token& t : tokens) {
      const uint32_t b = MapToOriginal(map, t.begin);
      const uint32_t e = MapToOriginal(map, t.end);
      ASSERT_EQ(Norm(std::string_view(in).substr(b, e - b)),
                out.substr(t.begin, t.end - t.begin));
    }
    ++n;
  }
  EXPECT_GT(n, 2000u);
}

}  // namespace
}  // namespace sitrep::text
