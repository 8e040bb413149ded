#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/test_util.h"

#include "ingest/ingest.h"

namespace sitrep::ingest {
namespace {

using sitrep::test_util::Gzip;

std::string Zstd(std::string_view in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 3));
  return out;
}

std::vector<RawDoc> Split(std::string_view name, std::string_view content,
                          InputFormat f = InputFormat::kAuto) {
  std::vector<RawDoc> docs;
  SplitInput(name, content, f, IngestOptions(), [&](RawDoc&& d) {
    docs.push_back(std::move(d));
    return true;
  });
  return docs;
}

TEST(Decompress, GzipSingleAndMultiMember) {
  std::string out;
  ASSERT_TRUE(Decompress(Gzip("hello"), Compression::kGzip, &out).ok());
  EXPECT_EQ(out, "hello");
  std::string two = Gzip("first ") + Gzip("second");
  EXPECT_EQ(DetectCompression(two), Compression::kGzip);
  ASSERT_TRUE(Decompress(two, Compression::kGzip, &out).ok());
  EXPECT_EQ(out, "first second");
}

TEST(Decompress, TruncatedGzipIsDataLossWithOffset) {
  std::string text(5000, 'x');
  for (size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + (i * 7) % 26);
  std::string gz = Gzip(text);
  std::string cut = gz.substr(0, gz.size() / 2);
  std::string out;
  Status st = Decompress(cut, Compression::kGzip, &out);
  EXPECT_EQ(st.code(), StatusCode::kDataLoss);
  EXPECT_NE(st.message().find("truncated gzip stream"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find(std::to_string(cut.size())), std::string::npos);
  EXPECT_LT(out.size(), text.size());
  EXPECT_EQ(out, text.substr(0, out.size()));
}

TEST(Decompress, ZstdRoundTripAndTruncation) {
  std::string text = "zstd body text, repeated. zstd body text, repeated.";
  std::string z = Zstd(text);
  EXPECT_EQ(DetectCompression(z), Compression::kZstd);
  std::string out;
  ASSERT_TRUE(Decompress(z, Compression::kZstd, &out).ok());
  EXPECT_EQ(out, text);
  Status st = Decompress(z.substr(0, z.size() - 3), Compression::kZstd, &out);
  EXPECT_EQ(st.code(), StatusCode::kDataLoss) << st.message();
}

TEST(Decompress, OutputLimitIsEnforced) {
  std::string out;
  Status st = Decompress(Gzip(std::string(100000, 'a')), Compression::kGzip, &out, 1000);
  EXPECT_EQ(st.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.size(), 1000u);
}

TEST(DetectFormat, ExtensionThenContent) {
  struct Case {
    const char* path;
    const char* content;
    InputFormat want;
  };
  const Case cases[] = {
      {"a.jsonl", "", InputFormat::kJsonl},
      {"a.jsonl.gz", "", InputFormat::kJsonl},
      {"a.NDJSON", "", InputFormat::kJsonl},
      {"page.html.zst", "", InputFormat::kHtml},
      {"page.HTM", "", InputFormat::kHtml},
      {"crawl.warc.gz", "", InputFormat::kWarc},
      {"notes.txt", "<html>but named txt", InputFormat::kHtml},
      {"-", "WARC/1.0\r\n", InputFormat::kWarc},
      {"-", "  {\"text\": \"x\"}\n", InputFormat::kJsonl},
      {"-", "<!DOCTYPE html><html>", InputFormat::kHtml},
      {"-", "<div><p>fragment</p></div>", InputFormat::kHtml},
      {"-", "Headline\n\nBody text.", InputFormat::kText},
      {"-", "", InputFormat::kText},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DetectFormat(c.path, c.content), c.want) << c.path << " " << c.content;
  }
}

TEST(Jsonl, FieldsAndAlternatives) {
  auto docs = Split("in.jsonl",
                    "{\"id\":\"a1\",\"text\":\"Body one.\",\"title\":\"T\","
                    "\"published\":\"2017-09-08\",\"url\":\"http://x\",\"source\":\"S\"}\n"
                    "\n"
                    "{\"id\":42,\"body\":\"Body two.\",\"date\":\"2017-09-09\"}\n"
                    "{\"content\":\"Body three.\"}\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a1");
  EXPECT_EQ(docs[0].bytes, "Body one.");
  EXPECT_EQ(docs[0].title.value_or(""), "T");
  EXPECT_EQ(docs[0].published.value_or(""), "2017-09-08");
  EXPECT_EQ(docs[0].url.value_or(""), "http://x");
  EXPECT_EQ(docs[0].source.value_or(""), "S");
  EXPECT_TRUE(docs[0].from_container);
  EXPECT_EQ(docs[1].id, "42");
  EXPECT_EQ(docs[1].bytes, "Body two.");
  EXPECT_EQ(docs[1].published.value_or(""), "2017-09-09");
  EXPECT_EQ(docs[1].origin, "in.jsonl:3");
  // No id: a stable content hash.
  EXPECT_EQ(docs[2].id.rfind("sha:", 0), 0u);
  EXPECT_EQ(docs[2].id, Split("other.jsonl", "{\"content\":\"Body three.\"}")[0].id);
  for (const auto& d : docs) EXPECT_TRUE(d.error.empty()) << d.error;
}

TEST(Jsonl, BrokenLinesBecomeRejectedRecordsWithLineNumbers) {
  struct Case {
    std::string line;
    std::string want_error_part;
  };
  const Case cases[] = {
      {"{\"id\": \"x\", \"text\": \"unterminated", "line 2 (byte 18) is not valid JSON"},
      {"[1, 2, 3]", "line 2 (byte 18) is an array, not a JSON object"},
      {"42", "line 2 (byte 18) is a number, not a JSON object"},
      {"\"just a string\"", "is a string, not a JSON object"},
      {"{\"id\": \"y\", \"title\": \"no body\"}",
       "line 2 has no text: none of the fields \"text\", \"body\" or \"content\""},
      {"{\"id\": \"z\", \"text\": 17}", "line 2: field \"text\" is a number, not a string"},
      {"{\"text\": \"ok\", \"title\": [\"a\"]}", "field \"title\" is an array"},
  };
  for (const Case& c : cases) {
    std::string content = "{\"text\": \"fine.\"}\n" + c.line + "\n{\"text\": \"after.\"}\n";
    auto docs = Split("f.jsonl", content);
    ASSERT_EQ(docs.size(), 3u) << c.line;
    EXPECT_TRUE(docs[0].error.empty());
    EXPECT_NE(docs[1].error.find(c.want_error_part), std::string::npos)
        << c.line << " -> " << docs[1].error;
    EXPECT_FALSE(docs[1].id.empty());
    EXPECT_EQ(docs[2].bytes, "after.");
  }
}

std::string WarcRecord(const std::string& headers, const std::string& block) {
  std::string r = "WARC/1.0\r\n";
  r += headers;
  r += "Content-Length: ";
  r += std::to_string(block.size());
  r += "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

const std::string kStoryA = "<html><body><p>Story A.</p></body></html>";

std::string MakeWarc() {
  return WarcRecord("WARC-Type: warcinfo\r\n", "info") +
         WarcRecord(
             "WARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1111>\r\n"
             "WARC-Target-URI: https://news.example/a\r\n"
             "WARC-Date: 2017-09-08T06:02:00Z\r\n"
             "Content-Type: application/http; msgtype=response\r\n",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
                 kStoryA) +
         WarcRecord(
             "WARC-Type: request\r\nContent-Type: application/http; "
             "msgtype=request\r\n",
             "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n") +
         WarcRecord(
             "WARC-Type: response\r\nWARC-Target-URI: https://news.example/logo.png\r\n"
             "Content-Type: application/http; msgtype=response\r\n",
             "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG") +
         WarcRecord(
             "WARC-Type: response\r\nWARC-Target-URI: https://news.example/moved\r\n"
             "Content-Type: application/http; msgtype=response\r\n",
             "HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<a>moved</a>") +
         WarcRecord(
             "WARC-Type: response\r\nWARC-Target-URI: https://news.example/b\r\n"
             "Content-Type: application/http; msgtype=response\r\n",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
             "Transfer-Encoding: chunked\r\n\r\n"
             "7\r\n<p>Stor\r\n8\r\ny B.</p>\r\n0\r\n\r\n") +
         WarcRecord(
             "WARC-Type: response\r\nWARC-Target-URI: https://news.example/c\r\n"
             "Content-Type: application/http; msgtype=response\r\n",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
             "Content-Encoding: gzip\r\n\r\n" +
                 Gzip("<p>Story C.</p>"));
}

TEST(Warc, HtmlResponsesAreDocuments) {
  auto docs = Split("crawl.warc", MakeWarc());
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "urn:uuid:1111");
  EXPECT_EQ(docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(docs[0].url.value_or(""), "https://news.example/a");
  EXPECT_EQ(docs[0].published.value_or(""), "2017-09-08T06:02:00Z");
  EXPECT_EQ(docs[0].bytes, "<html><body><p>Story A.</p></body></html>");
  EXPECT_TRUE(docs[0].error.empty()) << docs[0].error;
  EXPECT_EQ(docs[1].bytes, "<p>Story B.</p>");
  EXPECT_EQ(docs[1].id, "crawl.warc#6");
  EXPECT_TRUE(docs[1].error.empty()) << docs[1].error;
  EXPECT_EQ(docs[2].bytes, "<p>Story C.</p>");
}

TEST(Warc, TruncatedRecordIsRejectedNotDropped) {
  std::string w = MakeWarc();
  std::string cut = w.substr(0, w.find("Story A") + 3);
  auto docs = Split("crawl.warc", cut);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("WARC record 2 at byte 60 is truncated: Content-Length is 100 but only 77 bytes remain"),
            std::string::npos)
      << docs[0].error;
}

TEST(Warc, GarbageBetweenRecordsIsReported) {
  std::string w = "junk bytes\n" + MakeWarc();
  auto docs = Split("crawl.warc", w, InputFormat::kWarc);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_NE(docs[0].error.find("bytes 0..11 are not a WARC record"), std::string::npos)
      << docs[0].error;
}

class ReadInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sitrep_readers_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "sub");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& bytes) {
    std::ofstream(dir_ / rel, std::ios::binary) << bytes;
  }
  std::vector<RawDoc> Read(std::vector<std::string> inputs) {
    std::vector<RawDoc> docs;
    ReadInputs(inputs, IngestOptions(), [&](RawDoc&& d) {
      docs.push_back(std::move(d));
      return true;
    });
    return docs;
  }
  std::filesystem::path dir_;
};

TEST_F(ReadInputsTest, DirectoriesRecursiveSortedCompressed) {
  Write("b.txt", "Second file body.");
  Write("a.jsonl.gz", Gzip("{\"id\":\"j1\",\"text\":\"one\"}\n{\"id\":\"j2\",\"text\":\"two\"}\n"));
  Write("sub/c.txt.zst", Zstd("Third file body."));
  Write(".hidden", "not read");
  auto docs = Read({dir_.string()});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "j1");
  EXPECT_EQ(docs[1].id, "j2");
  EXPECT_EQ(docs[2].id, (dir_ / "b.txt").string());
  EXPECT_EQ(docs[3].bytes, "Third file body.");
}

TEST_F(ReadInputsTest, MissingFileAndTruncatedGzipAreRejectedRecords) {
  std::string lines;
  for (int i = 0; i < 200; ++i) {
    lines += "{\"id\":\"d";
    lines += std::to_string(i);
    lines += "\",\"text\":\"document number ";
    lines += std::to_string(i * 7919);
    lines += "\"}\n";
  }
  std::string gz = Gzip(lines);
  Write("cut.jsonl.gz", gz.substr(0, gz.size() * 2 / 3));
  Write("cut.txt.gz", Gzip("A plain text document.").substr(0, 12));
  auto docs = Read({(dir_ / "missing.txt").string(), (dir_ / "cut.jsonl.gz").string(),
                    (dir_ / "cut.txt.gz").string()});
  ASSERT_GE(docs.size(), 4u);
  EXPECT_NE(docs[0].error.find("cannot open"), std::string::npos) << docs[0].error;
  // Whole lines before the damage survive, then one rejected tail record.
  size_t good = 0;
  for (size_t i = 1; i + 2 < docs.size(); ++i) {
    EXPECT_TRUE(docs[i].error.empty()) << docs[i].error;
    EXPECT_EQ(docs[i].id, std::string("d").append(std::to_string(i - 1)));
    ++good;
  }
  EXPECT_GT(good, 50u);
  const RawDoc& tail = docs[docs.size() - 2];
  EXPECT_NE(tail.error.find("truncated gzip stream"), std::string::npos) << tail.error;
  EXPECT_NE(docs.back().error.find("truncated gzip stream"), std::string::npos)
      << docs.back().error;
  EXPECT_EQ(docs.back().id, (dir_ / "cut.txt.gz").string());
}

}  // namespace
}  // namespace sitrep::ingest
