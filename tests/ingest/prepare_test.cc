#include <gtest/gtest.h>

#include "ingest/ingest.h"

namespace sitrep::ingest {
namespace {

RawDoc Text(std::string bytes, std::string id = "doc") {
  RawDoc r;
  r.id = std::move(id);
  r.bytes = std::move(bytes);
  return r;
}

RawDoc JsonlBody(std::string bytes, std::optional<std::string> published) {
  RawDoc r = Text(std::move(bytes));
  r.from_container = true;
  r.published = std::move(published);
  return r;
}

TEST(Prepare, PlainTextTitleDatelineBody) {
  Document d = Prepare(Text("Troops seize town near border\n\n"
                            "September 8, 2017\n\n"
                            "Government troops seized the town on Tuesday.\n"),
                       IngestOptions());
  EXPECT_EQ(d.status, DocStatus::kOk);
  EXPECT_EQ(d.title.value_or(""), "Troops seize town near border");
  EXPECT_EQ(d.published.value_or(""), "2017-09-08");
  EXPECT_EQ(d.text.find("Troops seize"), std::string::npos);
  EXPECT_NE(d.text.find("Government troops seized the town"), std::string::npos);
}

TEST(Prepare, StatusForEachBadInput) {
  struct Case {
    const char* name;
    RawDoc raw;
    DocStatus want;
    const char* error_part;  // for rejected
  };
  IngestOptions small;
  small.max_doc_bytes = 1000;
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 131 + 7) % 256));
  RawDoc broken;
  broken.id = "x";
  broken.error = "line 3 (byte 40) is not valid JSON: TAPE_ERROR";
  Case cases[] = {
      {"empty", Text(""), DocStatus::kEmpty, ""},
      {"whitespace", Text(" \n\t\n "), DocStatus::kEmpty, ""},
      {"binary", Text(binary), DocStatus::kRejected, "looks like binary data"},
      {"all NUL", Text(std::string(100, '\0')), DocStatus::kRejected, "binary data"},
      {"reader error", broken, DocStatus::kRejected, "line 3 (byte 40) is not valid JSON"},
      {"impossible JSONL date", JsonlBody("Body.", "2017-02-30"), DocStatus::kRejected,
       "field \"published\" (\"2017-02-30\") is not a valid date"},
      {"garbage JSONL date", JsonlBody("Body.", "next tuesday-ish"), DocStatus::kRejected,
       "is not a valid date"},
      {"good JSONL date", JsonlBody("Body.", "2017-09-08T06:02:00Z"), DocStatus::kOk, ""},
  };
  for (Case& c : cases) {
    Document d = Prepare(std::move(c.raw), IngestOptions());
    EXPECT_EQ(d.status, c.want) << c.name << ": " << d.error;
    if (c.want == DocStatus::kRejected) {
      EXPECT_NE(d.error.find(c.error_part), std::string::npos) << c.name << ": " << d.error;
    } else {
      EXPECT_TRUE(d.error.empty()) << c.name;
    }
  }
  Document big = Prepare(Text(std::string(2000, 'a')), small);
  EXPECT_EQ(big.status, DocStatus::kRejected);
  EXPECT_EQ(big.error, "document is 2000 bytes, over the 1000 byte limit (raise it with --max-doc-bytes)");
}

TEST(Prepare, InvalidUtf8AndNulAreRepairedAndNoted) {
  Document d = Prepare(Text(std::string("Caf\xE9 owners protested.\0 Police came.", 36)),
                       IngestOptions());
  EXPECT_EQ(d.status, DocStatus::kOk);
  EXPECT_EQ(d.text, "Caf\xEF\xBF\xBD owners protested.  Police came.");
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(d.notes[0],
            "invalid UTF-8: 1 ill-formed sequence(s) replaced with U+FFFD, the first at byte 3");
  EXPECT_EQ(d.notes[1], "1 NUL byte(s) replaced with spaces");
}

TEST(Prepare, PublishedPrecedenceAndDefault) {
  IngestOptions with_default;
  with_default.default_published = "2020-01-02";
  // No date anywhere: the --published default.
  EXPECT_EQ(Prepare(JsonlBody("Body.", std::nullopt), with_default).published.value_or(""),
            "2020-01-02");
  // The document's own date beats the default.
  EXPECT_EQ(Prepare(JsonlBody("Body.", "2017-09-08"), with_default).published.value_or(""),
            "2017-09-08");
  // A zoned datetime stays a datetime.
  EXPECT_EQ(Prepare(JsonlBody("Body.", "2017-09-08T06:02:00Z"), IngestOptions())
                .published.value_or(""),
            "2017-09-08T06:02:00Z");
  // No id: a content hash.
  Document d = Prepare(Text("Body.", ""), IngestOptions());
  EXPECT_EQ(d.id.rfind("sha:", 0), 0u);
}

TEST(Prepare, HtmlPageDateBeatsCrawlDate) {
  RawDoc r;
  r.id = "w";
  r.kind = ContentKind::kHtml;
  r.published = "2019-01-01T00:00:00Z";  // WARC-Date
  r.bytes =
      "<html><head><title>Ceasefire agreed in the north</title>"
      "<meta property=\"article:published_time\" content=\"2017-09-08T06:02:00+03:00\">"
      "</head><body><article><p>The two sides agreed to a ceasefire on Friday, "
      "officials said, after weeks of fighting that displaced thousands of "
      "families from villages along the river.</p></article></body></html>";
  Document d = Prepare(std::move(r), IngestOptions());
  ASSERT_EQ(d.status, DocStatus::kOk) << d.error;
  EXPECT_EQ(d.published.value_or(""), "2017-09-08T06:02:00+03:00");
  EXPECT_NE(d.text.find("agreed to a ceasefire"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::ingest
