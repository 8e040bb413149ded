// End-to-end checks of the sitrep binary: one record per input document,
// whatever the input, in input order, with the documented exit codes.
#include <sys/wait.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/test_util.h"
#include <simdjson.h>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
};

// Runs the binary; stdout is kept, or stderr when `want_stderr`.
RunResult RunSitrep(const std::string& args, const std::string& stdin_path = "",
                    bool want_stderr = false) {
  std::string cmd = std::string(SITREP_BINARY) + " " + args;
  if (!stdin_path.empty()) cmd += " < " + stdin_path;
  cmd += want_stderr ? " 2>&1 >/dev/null" : " 2>/dev/null";
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

struct Record {
  std::string doc_id, status, error, title, published;
  size_t events = 0;
  bool has_notes = false;
};

std::vector<Record> Parse(const std::string& out) {
  std::vector<Record> records;
  simdjson::dom::parser parser;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    EXPECT_NE(nl, std::string::npos) << "output does not end with a newline";
    if (nl == std::string::npos) break;
    std::string line = out.substr(pos, nl - pos);
    pos = nl + 1;
    simdjson::dom::element el;
    auto err = parser.parse(line).get(el);
    EXPECT_EQ(err, simdjson::SUCCESS) << line;
    if (err) continue;
    Record r;
    std::string_view sv;
    if (!el["doc_id"].get(sv)) r.doc_id = sv;
    if (!el["status"].get(sv)) r.status = sv;
    if (!el["error"].get(sv)) r.error = sv;
    if (!el["title"].get(sv)) r.title = sv;
    if (!el["published"].get(sv)) r.published = sv;
    simdjson::dom::array a;
    if (!el["events"].get(a)) r.events = a.size();
    r.has_notes = !el["notes"].get(a);
    std::string_view schema;
    EXPECT_EQ(el["schema"].get(schema), simdjson::SUCCESS);
    EXPECT_EQ(schema, "sitrep.doc/1");
    records.push_back(r);
  }
  return records;
}

using sitrep::test_util::Gzip;
using sitrep::test_util::ReadAll;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(CliTest, SeedArticleTitleAndPublished) {
  RunResult r = RunSitrep("code " + std::string(SITREP_SOURCE_DIR) + "/examples/seed-article.txt");
  EXPECT_EQ(r.exit_code, 0);
  auto recs = Parse(r.out);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].status, "ok");
  EXPECT_EQ(recs[0].title,
            "\xE2\x80\x98" "Emir of Deir ez-Zor\xE2\x80\x99 among ISIS commanders killed in "
            "bunker by Russian airstrike");
  EXPECT_EQ(recs[0].published, "2017-09-08");
  EXPECT_EQ(recs[0].doc_id, std::string(SITREP_SOURCE_DIR) + "/examples/seed-article.txt");
  EXPECT_EQ(recs[0].events, 0u);
}

TEST_F(CliTest, EveryBadInputGetsExactlyOneRecord) {
  std::string binary;
  for (int i = 0; i < 20000; ++i) binary.push_back(static_cast<char>((i * 131 + 7) % 256));
  std::string deep = "<html><body>";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "<p>Deep text about a protest in the capital that drew thousands.</p>";
  std::string big(12 * 1024 * 1024, 'a');
  for (size_t i = 5; i < big.size(); i += 6) big[i] = ' ';
  struct Case {
    std::string name;
    std::string bytes;
    std::string want_status;
    std::string error_part;
  };
  std::vector<Case> cases = {
      {"01-binary.bin", binary, "rejected", "binary data"},
      {"02-empty.txt", "", "empty", ""},
      {"03-invalid-utf8.txt", "Caf\xE9 owners protested on Monday.\n", "ok", ""},
      {"04-nul.txt", std::string("Police\0 arrested ten people.\n", 29), "ok", ""},
      {"05-big.txt", big, "rejected", "over the 8388608 byte limit"},
      {"06-truncated.txt.gz", Gzip("Some text that will be cut.").substr(0, 15), "rejected",
       "truncated gzip stream"},
      {"07-unclosed.html", "<html><body><p>Unclosed paragraph about an attack on a convoy",
       "ok", ""},
      {"08-deep.html", deep, "ok", ""},
  };
  std::string args = "code --jobs 2";
  for (const Case& c : cases) args += " " + Write(c.name, c.bytes);
  auto t0 = std::chrono::steady_clock::now();
  RunResult r = RunSitrep(args);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(seconds, 60.0) << "bad inputs must not hang the run";
  EXPECT_EQ(r.exit_code, 1);
  auto recs = Parse(r.out);
  ASSERT_EQ(recs.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(recs[i].doc_id, (dir_ / cases[i].name).string());
    EXPECT_EQ(recs[i].status, cases[i].want_status)
        << cases[i].name << ": " << recs[i].error;
    EXPECT_NE(recs[i].error.find(cases[i].error_part), std::string::npos)
        << cases[i].name << ": " << recs[i].error;
  }
  EXPECT_TRUE(recs[2].has_notes) << "repaired UTF-8 is noted";
  EXPECT_TRUE(recs[3].has_notes) << "NUL bytes are noted";
}

TEST_F(CliTest, JsonlBadLinesKeepOrderAndCount) {
  std::string jsonl =
      "{\"id\":\"a\",\"text\":\"Rebels shelled the town.\",\"published\":\"2017-09-08\"}\n"
      "{\"id\":\"b\",\"text\":\"broken\n"
      "[\"not\",\"an\",\"object\"]\n"
      "{\"id\":\"d\",\"title\":\"no text here\"}\n"
      "{\"id\":\"e\",\"text\":\"Troops withdrew.\",\"published\":\"2017-13-45\"}\n"
      "{\"id\":\"f\",\"text\":\"\"}\n"
      "{\"id\":\"g\",\"text\":\"Talks resumed.\",\"date\":\"Sept. 9, 2017\"}\n";
  RunResult r = RunSitrep("code --jobs 2 " + Write("in.jsonl", jsonl));
  EXPECT_EQ(r.exit_code, 1);
  auto recs = Parse(r.out);
  ASSERT_EQ(recs.size(), 7u);
  const char* want_status[] = {"ok", "rejected", "rejected", "rejected",
                               "rejected", "empty", "ok"};
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(recs[i].status, want_status[i]) << i;
  EXPECT_EQ(recs[0].published, "2017-09-08");
  EXPECT_NE(recs[1].error.find("line 2"), std::string::npos) << recs[1].error;
  EXPECT_NE(recs[2].error.find("line 3"), std::string::npos) << recs[2].error;
  EXPECT_NE(recs[2].error.find("not a JSON object"), std::string::npos);
  EXPECT_NE(recs[3].error.find("has no text"), std::string::npos);
  EXPECT_NE(recs[4].error.find("not a valid date"), std::string::npos) << recs[4].error;
  EXPECT_EQ(recs[6].published, "2017-09-09");
  EXPECT_EQ(recs[6].doc_id, "g");
}

TEST_F(CliTest, OrderIsInputOrderWithManyJobs) {
  std::string jsonl;
  for (int i = 0; i < 1500; ++i) {
    jsonl += "{\"id\":\"n" + std::to_string(i) + "\",\"text\":\"" +
             std::string(static_cast<size_t>(i % 97) * 10, 'x') + " Document " +
             std::to_string(i) + ".\"}\n";
  }
  RunResult r = RunSitrep("code --jobs 4 " + Write("many.jsonl", jsonl));
  EXPECT_EQ(r.exit_code, 0);
  auto recs = Parse(r.out);
  ASSERT_EQ(recs.size(), 1500u);
  for (int i = 0; i < 1500; ++i) EXPECT_EQ(recs[static_cast<size_t>(i)].doc_id, "n" + std::to_string(i));
}

TEST_F(CliTest, StdinFormatsAndPublishedFlag) {
  std::string path = Write("plain", "No dateline in this one.\n\nJust a body paragraph.");
  RunResult r = RunSitrep("code --published 2017-09-08 -", path);
  EXPECT_EQ(r.exit_code, 0);
  auto recs = Parse(r.out);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].published, "2017-09-08");
  EXPECT_EQ(recs[0].doc_id.rfind("sha:", 0), 0u);

  std::string html = Write("page.dat",
                           "<p>Forced to be read as HTML although the name says nothing.</p>");
  r = RunSitrep("extract --input-format html " + html);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"text\":\"Forced to be read as HTML"), std::string::npos) << r.out;
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  std::string f = Write("a.txt", "Body.");
  EXPECT_EQ(RunSitrep("code --input-format pdf " + f).exit_code, 2);
  EXPECT_EQ(RunSitrep("code --published 2017-02-30 " + f).exit_code, 2);
  EXPECT_EQ(RunSitrep("code -o /nonexistent-dir/out.jsonl " + f).exit_code, 2);
  EXPECT_EQ(RunSitrep("frobnicate").exit_code, 2);
  EXPECT_EQ(RunSitrep("code").exit_code, 2);
}

TEST_F(CliTest, MissingInputIsARejectedRecord) {
  RunResult r = RunSitrep("code " + (dir_ / "does-not-exist.txt").string());
  EXPECT_EQ(r.exit_code, 1);
  auto recs = Parse(r.out);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].status, "rejected");
  EXPECT_NE(recs[0].error.find("cannot open"), std::string::npos);
}

TEST_F(CliTest, BbcCorpusGivesOneRecordPerDocument) {
  std::string corpus = std::string(SITREP_SOURCE_DIR) + "/../shared/data/news/bbc-2225.jsonl";
  if (!fs::exists(corpus)) GTEST_SKIP() << "../shared/data is absent: " << corpus;
  RunResult r = RunSitrep("code " + corpus);
  EXPECT_EQ(r.exit_code, 0);
  auto recs = Parse(r.out);
  ASSERT_EQ(recs.size(), 2225u);
  EXPECT_EQ(recs.front().doc_id, "bbc-business-001");
  for (const auto& rec : recs) EXPECT_EQ(rec.status, "ok") << rec.doc_id;
}

}  // namespace

namespace {

TEST_F(CliTest, CodeWritesEntitiesFromTheTaggers) {
  std::string f = Write("story.txt",
                        "Rebels attack base\n\nRebel fighters attacked a base near Aleppo on "
                        "Monday, the Syrian Observatory for Human Rights said.\n");
  RunResult r = RunSitrep("code " + f);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"entities\":["), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"kind\":\"place\",\"start\":"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"text\":\"Aleppo\",\"name\":\"Aleppo\",\"geonames_id\":170063,"),
            std::string::npos)
      << r.out;
}

TEST_F(CliTest, BrokenModelsAreASetupErrorNamingTheFile) {
  fs::path models = dir_ / "models";
  fs::create_directories(models);
  std::string src = std::string(SITREP_SOURCE_DIR) + "/models/";
  if (!fs::exists(src + "pos.bin")) GTEST_SKIP() << "no committed models";
  fs::copy_file(src + "pos.bin", models / "pos.bin");
  std::string ner = [&] {
    std::ifstream in(src + "ner.bin", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  std::string f = Write("a.txt", "Body.");
  // Truncated NER model.
  std::ofstream(models / "ner.bin", std::ios::binary) << ner.substr(0, ner.size() / 2);
  std::string cmd = std::string(SITREP_BINARY) + " code --models " + models.string() + " " + f +
                    " 2>&1 >/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096];
  std::string err;
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) err.append(buf, n);
  int status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(err.find("ner.bin"), std::string::npos) << err;
  EXPECT_NE(err.find("truncated"), std::string::npos) << err;
  // Missing model.
  fs::remove(models / "ner.bin");
  EXPECT_EQ(RunSitrep("code --models " + models.string() + " " + f).exit_code, 2);
}

// A missing, truncated or wrong-version gazetteer costs the resolutions, not
// the records: every document still gets its line, places keep their spans
// with null resolution fields, and both the record and stderr say how to
// rebuild the artifact.
TEST_F(CliTest, BadGazetteerLeavesPlacesUnresolvedAndSaysHowToRebuild) {
  std::string src = std::string(SITREP_SOURCE_DIR) + "/models/";
  if (!fs::exists(src + "gazetteer.bin")) GTEST_SKIP() << "no committed models";
  const std::string gaz = ReadAll(src + "gazetteer.bin");
  std::string wrong_version = gaz;
  wrong_version[24] = 99;  // header: u32 format version at byte 24
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"missing", ""}, {"truncated", gaz.substr(0, gaz.size() / 3)}, {"version", wrong_version}};
  std::string f = Write("a.txt", "Rebels attack base\n\nRebel fighters attacked a base near Aleppo on Monday.\n");
  for (const auto& [name, bytes] : cases) {
    fs::path models = dir_ / ("models-" + name);
    fs::create_directories(models);
    fs::copy_file(src + "pos.bin", models / "pos.bin");
    fs::copy_file(src + "ner.bin", models / "ner.bin");
    if (!bytes.empty()) sitrep::test_util::WriteAll((models / "gazetteer.bin").string(), bytes);
    RunResult out = RunSitrep("code --models " + models.string() + " " + f);
    EXPECT_EQ(out.exit_code, 0) << name;
    EXPECT_NE(out.out.find("\"text\":\"Aleppo\",\"name\":null,\"geonames_id\":null,"), std::string::npos)
        << name << ": " << out.out;
    EXPECT_NE(out.out.find("\"notes\":[\"places not resolved: "), std::string::npos) << name << ": " << out.out;
    EXPECT_NE(out.out.find("sitrep build gazetteer"), std::string::npos) << name << ": " << out.out;
    RunResult err = RunSitrep("code --models " + models.string() + " " + f, "", true);
    EXPECT_NE(err.out.find("gazetteer.bin"), std::string::npos) << name << ": " << err.out;
    EXPECT_NE(err.out.find("sitrep build gazetteer"), std::string::npos) << name << ": " << err.out;
  }
}

TEST_F(CliTest, EvalGeoPrintsAFinalJsonLineAndPredictions) {
  std::string gold = Write("geo.jsonl",
                           "{\"id\":\"g1\",\"text\":\"Shelling hit Mosul and Qwzxyville.\","
                           "\"toponyms\":[{\"start\":13,\"end\":18,\"surface\":\"Mosul\","
                           "\"lat\":36.335,\"lon\":43.119,\"geonameid\":99072}]}\n");
  std::string pred = (dir_ / "geo-pred.jsonl").string();
  RunResult r = RunSitrep("eval geo " + gold + " --predictions " + pred);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"eval\":\"geo\",\"documents\":1,\"gold\":1,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"recall\":100.00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"acc161_recognized\":100.00"), std::string::npos) << r.out;
  std::string lines = ReadAll(pred);
  EXPECT_NE(lines.find("{\"id\":\"g1\",\"toponyms\":[{\"start\":13,\"end\":18,\"surface\":\"Mosul\","),
            std::string::npos)
      << lines;
  EXPECT_NE(lines.find("\"geonameid\":99072,\"country\":\"IQ\"}"), std::string::npos) << lines;
}

TEST_F(CliTest, EvalNerAndPosPrintAFinalJsonLine) {
  std::string conll = Write("tiny.conll",
                            "-DOCSTART- -X- O O\n\n"
                            "Fighting NN O O\nin IN O O\nAleppo NNP I-NP I-LOC\n. . O O\n\n");
  std::string pred = (dir_ / "pred.txt").string();
  RunResult r = RunSitrep("eval ner " + conll + " --predictions " + pred);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("{\"eval\":\"ner\",\"tokens\":4,"), std::string::npos) << r.out;
  std::ifstream in(pred);
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "-DOCSTART- O O");

  std::string conllu = Write("tiny.conllu",
                             "# text = Rebels attacked .\n"
                             "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                             "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                             "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  r = RunSitrep("eval pos " + conllu);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("{\"eval\":\"pos\",\"tokens\":3,"), std::string::npos) << r.out;
}

TEST_F(CliTest, TagShowsTokensWithTags) {
  std::string f = Write("t.txt", "Troops shelled Aleppo.");
  RunResult r = RunSitrep("tag " + f);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("# text = Troops shelled Aleppo."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tshelled\tshell\tVERB\tVBD\t"), std::string::npos) << r.out;
}

}  // namespace

namespace {

// The acceptance reading of the reference article (issue 3): the names a
// coder needs are found with the right kinds. The rules behind them are
// general (see tag/entity_rules.h, tag/acronyms.h and their own tests).
TEST_F(CliTest, SeedArticleEntities) {
  RunResult r = RunSitrep("code " + std::string(SITREP_SOURCE_DIR) + "/examples/seed-article.txt");
  ASSERT_EQ(r.exit_code, 0);
  struct Expect {
    const char* kind;
    const char* text;
  };
  const Expect expects[] = {
      {"person", "Abu-Muhammad al-Shimali"}, {"person", "Tirad Al-Jarba"},
      {"person", "Gulmurod Khalimov"},       {"organization", "Islamic State"},
      {"organization", "IS"},                {"organization", "ISIS"},
      {"place", "Deir ez-Zor"},              {"place", "Latakia"},
      {"place", "Khmeimim Air Base"},        {"place", "Mosul"},
      {"place", "Tajikistan"},
  };
  simdjson::dom::parser parser;
  simdjson::dom::element el;
  ASSERT_EQ(parser.parse(r.out).get(el), simdjson::SUCCESS);
  simdjson::dom::array entities;
  ASSERT_EQ(el["entities"].get(entities), simdjson::SUCCESS);
  for (const Expect& e : expects) {
    bool found = false;
    for (auto ent : entities) {
      std::string_view kind, text;
      if (ent["kind"].get(kind) || ent["text"].get(text)) continue;
      if (kind == e.kind && text == e.text) found = true;
    }
    EXPECT_TRUE(found) << e.kind << ": " << e.text;
  }
}

// The acceptance reading of the reference article (issue 4): its places are
// resolved to the right gazetteer entries.
TEST_F(CliTest, SeedArticlePlaces) {
  RunResult r = RunSitrep("code " + std::string(SITREP_SOURCE_DIR) + "/examples/seed-article.txt");
  ASSERT_EQ(r.exit_code, 0);
  simdjson::dom::parser parser;
  simdjson::dom::element el;
  ASSERT_EQ(parser.parse(r.out).get(el), simdjson::SUCCESS);
  simdjson::dom::array entities;
  ASSERT_EQ(el["entities"].get(entities), simdjson::SUCCESS);
  auto find = [&](std::string_view text) -> simdjson::dom::element {
    for (auto ent : entities) {
      std::string_view kind, t;
      if (ent["kind"].get(kind) || ent["text"].get(t)) continue;
      if (kind == "place" && t == text) return ent;
    }
    return {};
  };
  auto country = [&](std::string_view text) {
    std::string_view c;
    simdjson::dom::element e = find(text);
    if (e.type() != simdjson::dom::element_type::OBJECT || e["country"].get(c)) return std::string("?");
    return std::string(c);
  };
  simdjson::dom::element deir = find("Deir ez-Zor");
  ASSERT_EQ(deir.type(), simdjson::dom::element_type::OBJECT);
  uint64_t id = 0;
  EXPECT_EQ(deir["geonames_id"].get(id), simdjson::SUCCESS);
  EXPECT_EQ(id, 170794u);
  EXPECT_EQ(country("Deir ez-Zor"), "SY");
  EXPECT_EQ(country("Latakia"), "SY");
  EXPECT_EQ(country("Mosul"), "IQ");
  EXPECT_EQ(country("Tajikistan"), "TJ");
  simdjson::dom::element tj = find("Tajikistan");
  std::string_view precision;
  ASSERT_EQ(tj.type(), simdjson::dom::element_type::OBJECT);
  EXPECT_EQ(tj["precision"].get(precision), simdjson::SUCCESS);
  EXPECT_EQ(precision, "country");
  simdjson::dom::element base = find("Khmeimim Air Base");
  ASSERT_EQ(base.type(), simdjson::dom::element_type::OBJECT);
  double lat = 0, lon = 0;
  EXPECT_EQ(base["lat"].get(lat), simdjson::SUCCESS);
  EXPECT_EQ(base["lon"].get(lon), simdjson::SUCCESS);
  EXPECT_NEAR(lat, 35.40, 0.05);
  EXPECT_NEAR(lon, 35.95, 0.05);
}

}  // namespace
