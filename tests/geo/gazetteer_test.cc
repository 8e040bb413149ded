#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/artifact.h"
#include "geo/gazetteer_build.h"
#include "geo/place_names.h"
#include "tests/test_util.h"

namespace sitrep::geo {
namespace {

namespace fs = std::filesystem;
using test_util::ReadAll;
using test_util::WriteAll;

std::string TempPath(const std::string& name) { return test_util::TempPath("gazetteer_test", name); }

// ---------------------------------------------------------------------------
// NormalizePlaceName

TEST(NormalizePlaceName, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Deir ez-Zor", "deir zor"},
      {"Deir al-Zor", "deir zor"},
      {"deir  al zor", "deir zor"},
      {"Dayr az Zawr", "dayr zawr"},
      {"U.S.", "us"},
      {"Ḩamāh", "hamah"},
      {"São Paulo", "sao paulo"},
      {"Côte d’Ivoire", "cote divoire"},
      {"Côte d'Ivoire", "cote divoire"},
      {"Москва", ""},
      {"Damascus دمشق", ""},
      {"St. Louis", "saint louis"},
      {"Saint Louis", "saint louis"},
      {"Ste. Foy", "sainte foy"},
      {"Sharm el-Sheikh", "sharm sheikh"},
      {"Al Anbar", "anbar"},
      {"ash-Shaddadi", "shaddadi"},
      {"Al", "al"},                          // an article alone is kept
      {"Ras al", "ras al"},                  // ... and at the end
      {"Kharkivs’ka Oblast’", "kharkivska oblast"},
      {"Ṣanʿāʾ", "sana"},
      {"Ḑawḩat", "dawhat"},
      {"Ẓafār", "zafar"},
      {"Ṭarṭūs", "tartus"},
      {"Łódź", "lodz"},
      {"Straße", "strasse"},
      {"Ærøskøbing", "aeroskobing"},
      {"Şanlıurfa", "sanliurfa"},
      {"Bakı Ağdam Əli", "baki agdam eli"},
      {"  NEW\tYORK  ", "new york"},
      {"Washington, D.C.", "washington dc"},
      {"Guinea–Bissau", "guinea bissau"},
      {"Bosnia & Herzegovina", "bosnia herzegovina"},
      {"A\xC2\xA0" "B", "a b"},              // no-break space
      {"Sa\xCC\x83o", "sao"},                // combining tilde
      {"10th of Ramadan", "10th of ramadan"},
      {"123", ""},
      {"", ""},
      {"...", ""},
      {"\xFF\xFE", ""},                      // invalid UTF-8
      {"Kab\xC3", ""},                       // truncated sequence
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NormalizePlaceName(in), want) << in;
}

TEST(NormalizePlaceName, Idempotent) {
  for (const char* s : {"Deir ez-Zor", "Dayr az Zawr", "Côte d’Ivoire", "St. Petersburg",
                        "Al Muthanna Governorate", "Ḩamāh", "Ras al"}) {
    const std::string once = NormalizePlaceName(s);
    EXPECT_EQ(NormalizePlaceName(once), once) << s;
  }
}

TEST(NormalizePlaceName, IntoBufferMatchesValue) {
  std::string buf = "left over";
  NormalizePlaceName("Deir ez-Zor", buf);
  EXPECT_EQ(buf, "deir zor");
  NormalizePlaceName("Москва", buf);
  EXPECT_EQ(buf, "");
}

TEST(StripAdminType, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"donetsk oblast", "donetsk"},
      {"idlib governorate", "idlib"},
      {"province of x", ""},  // too short
      {"province of teruel", "teruel"},
      {"muhafazat karbala", "karbala"},
      {"kaduna state", "kaduna"},
      {"tibet autonomous region", "tibet"},
      {"texas", ""},
      {"state", ""},
      {"kyiv city", "kyiv"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(StripAdminType(in), want) << in;
}

// ---------------------------------------------------------------------------
// A tiny gazetteer built from fixture sources inside the test (fast tier).

struct Fixture {
  std::string geo, tables, out;
};

Fixture WriteFixture(const std::string& name) {
  Fixture f{TempPath(name + "/geo"), TempPath(name + "/tables"), TempPath(name + "/gazetteer.bin")};
  for (const char* d : {"/geonames", "/names", "/airports"}) fs::create_directories(f.geo + d);
  fs::create_directories(f.tables);
  WriteAll(f.geo + "/geonames/countryInfo.tsv",
           "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\t"
           "CurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\t"
           "neighbours\tEquivalentFipsCode\n"
           "SY\tSYR\t760\tSY\tSyria\tDamascus\t185180\t16906283\tAS\t.sy\tSYP\tPound\t963\t\t\tar-SY\t163843\tIQ\t\n"
           "US\tUSA\t840\tUS\tUnited States\tWashington\t9629091\t327167434\tNA\t.us\tUSD\tDollar\t1\t\t\ten-US\t6252001\tCA\t\n");
  WriteAll(f.geo + "/names/world-countries.json",
           R"([{"name":{"common":"Syria","official":"Syrian Arab Republic"},"cca2":"SY",)"
           R"("altSpellings":["SY","Syrian Arab Republic"],"latlng":[35,38],)"
           R"("demonyms":{"eng":{"f":"Syrian","m":"Syrian"}}},)"
           R"({"name":{"common":"United States","official":"United States of America"},"cca2":"US",)"
           R"("altSpellings":["US","USA","United States of America"],"latlng":[38,-97],)"
           R"("demonyms":{"eng":{"f":"American","m":"American"}}}])");
  WriteAll(f.geo + "/names/i18n-nationality-en.json",
           R"({"locale":"en","nationalities":{"SY":"Syrian","US":"American"}})");
  WriteAll(f.geo + "/names/iso_3166-2.json",
           R"({"3166-2":[{"code":"US-TX","name":"Texas","type":"State"},)"
           R"({"code":"US-AK","name":"Alaska","type":"State"},{"code":"SY-DY","name":"Dayr az Zawr"}]})");
  WriteAll(f.geo + "/names/nat_df.csv", "nationality,alpha_3_code\nSyrian,SYR\nAmerican,USA\n");
  const std::string cities =
      "170794\tDeir ez-Zor\tDeir ez-Zor\tDEZ,Dayr az Zawr,Deir al-Zor,Дейр-эз-Зор,dai er zu er\t35.33588\t40.14084"
      "\tP\tPPLA\tSY\t\t07\t\t\t\t242565\t\t208\tAsia/Damascus\t2023-01-01\n"
      "163345\tTall Abyad\tTall Abyad\t\t36.69\t38.95\tP\tPPL\tSY\t\t04\t\t\t\t14825\t\t\tAsia/Damascus\t2023-01-01\n"
      "4699066\tHouston\tHouston\tHOU\t29.76\t-95.36\tP\tPPLA2\tUS\t\tTX\t201\t\t\t2296224\t\t\tAmerica/Chicago\t2023-01-01\n";
  WriteAll(f.geo + "/geonames/cities500.txt.gz", test_util::Gzip(cities));
  // The fresher snapshot renames a place and updates its population.
  WriteAll(f.geo + "/geonames/cities15000.txt",
           "170794\tDeir ez-Zor\tDeir ez-Zor\tDeir Ezzor\t35.33588\t40.14084\tP\tPPLA\tSY\t\t07\t\t\t\t271800"
           "\t\t208\tAsia/Damascus\t2025-01-01\n");
  WriteAll(f.geo + "/geonames/admin1CodesASCII.txt",
           "SY.07\tDeir ez-Zor\tDeir ez-Zor\t170792\nSY.04\tAr-Raqqah Governorate\tAr-Raqqah Governorate\t172957\n"
           "US.TX\tTexas\tTexas\t4736286\nUS.AK\tAlaska\tAlaska\t5879092\n");
  WriteAll(f.geo + "/geonames/admin2Codes.txt", "US.TX.201\tHarris County\tHarris County\t4696376\n");
  WriteAll(f.geo + "/airports/airports_full.csv",
           "\"id\",\"ident\",\"type\",\"name\",\"latitude_deg\",\"longitude_deg\",\"elevation_ft\",\"continent\","
           "\"iso_country\",\"iso_region\",\"municipality\",\"scheduled_service\",\"gps_code\",\"iata_code\","
           "\"local_code\",\"home_link\",\"wikipedia_link\",\"keywords\"\n"
           "5306,\"OSLK\",\"large_airport\",\"Bassel Al-Assad International Airport\",35.4011,35.9487,157,\"AS\","
           "\"SY\",\"SY-LA\",\"Latakia\",\"yes\",\"OSLK\",\"LTK\",,,,\"x, y\"\n"
           "1,\"OS60\",\"small_airport\",\"Shayrat Air Base\",34.49,36.91,0,\"AS\",\"SY\",\"SY-HI\",,\"no\",,,,,,\n"
           "2,\"XX01\",\"small_airport\",\"Farm Strip\",34.0,36.0,0,\"AS\",\"SY\",\"SY-HI\",,\"no\",,,,,,\n");
  WriteAll(f.geo + "/airports/airports_conflict_countries.csv",
           "ident,type,name,lat,lon,iso_country,iso_region,municipality,keywords,wikipedia_link,military_hint\n"
           "OSLK,large_airport,Bassel Al-Assad International Airport,35.4011,35.9487,SY,SY-LA,Latakia,,,0\n");
  WriteAll(f.tables + "/continents.tsv",
           "# test\n6255147\tAsia\t29.84\t89.30\tAsian\tGeoNames 6255147\n");
  WriteAll(f.tables + "/place_aliases.tsv",
           "# test\nKhmeimim Air Base\tprimary\tnew:k\tairport\tS/AIRB\tairport:OSLK\tSY\t-\tshares OSLK\n"
           "Hmeimim airbase\talternate\tnew:k\t-\t-\t-\t-\t-\tspelling\n"
           "U.S.\tabbrev\tcountry:US\t-\t-\t-\t-\t-\tabbreviation\n");
  WriteAll(f.tables + "/admin_abbreviations.tsv", "# test\n");
  return f;
}

Status BuildFixture(const Fixture& f, std::string* report = nullptr) {
  GazetteerBuildOptions o;
  o.geo_dir = f.geo;
  o.tables_dir = f.tables;
  o.output = f.out;
  return BuildGazetteer(o, report);
}

// The place of a name's first candidate, or nullptr.
const PlaceRecord* Top(const Gazetteer& g, std::string_view name, uint8_t* match = nullptr) {
  const auto c = g.Lookup(NormalizePlaceName(name));
  if (c.empty()) return nullptr;
  if (match) *match = c[0].match;
  return &g.place(c[0].place);
}

TEST(GazetteerBuild, TinyFixtureLooksUp) {
  const Fixture f = WriteFixture("tiny");
  std::string report;
  const Status st = BuildFixture(f, &report);
  ASSERT_TRUE(st.ok()) << st.message();
  auto g = Gazetteer::Load(f.out);
  ASSERT_TRUE(g.ok()) << g.status().message();
  const Gazetteer& gz = **g;
  // 2 countries, 1 continent, 3 admin1 with cities (Alaska has none), 1
  // admin2, 3 cities, 2 airports, 1 alias place.
  EXPECT_EQ(gz.size(), 13u) << report;
  EXPECT_EQ(gz.provenance().command, "sitrep build gazetteer");

  uint8_t match = 0;
  const PlaceRecord* p = Top(gz, "Deir ez-Zor", &match);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->geonames_id, 170794u);  // the seat before its same-named admin1
  EXPECT_EQ(p->population, 271800u);   // cities15000 wins
  EXPECT_EQ(std::string(p->feature_code, 4), "PPLA");
  EXPECT_EQ(gz.Lookup("deir zor").size(), 2u);
  EXPECT_EQ(Top(gz, "Dayr az Zawr")->geonames_id, 170794u);
  EXPECT_EQ(Top(gz, "Deir Ezzor")->geonames_id, 170794u);   // alternate from cities15000
  EXPECT_TRUE(gz.Lookup("dez").empty());                    // short code dropped
  EXPECT_TRUE(gz.Lookup("dai er zu er").empty());           // lower-case romanization dropped
  EXPECT_EQ(gz.Name(gz.place(gz.Lookup("deir zor")[0].place).admin1), "Deir ez-Zor");

  p = Top(gz, "Syrian", &match);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->place_class, kPlaceCountry);
  EXPECT_EQ(match, kMatchDemonym);
  EXPECT_EQ(Top(gz, "Americans", &match)->geonames_id, 6252001u);
  EXPECT_EQ(match, kMatchDemonym);
  EXPECT_EQ(Top(gz, "U.S.", &match)->geonames_id, 6252001u);
  EXPECT_EQ(match, kMatchAbbrev);
  EXPECT_EQ(Top(gz, "USA", &match)->geonames_id, 6252001u);
  EXPECT_TRUE(gz.Lookup("sy").empty());  // ISO codes are not names

  p = Top(gz, "Raqqah", &match);  // "Ar-Raqqah Governorate" without the type word
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->geonames_id, 172957u);
  EXPECT_EQ(match, kMatchNoType);
  EXPECT_NEAR(p->lat, 36.69, 1e-4);  // mean of its cities

  p = Top(gz, "Tx.", &match);  // ISO 3166-2 code of a US state
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->geonames_id, 4736286u);
  EXPECT_EQ(match, kMatchAbbrev);
  EXPECT_TRUE(gz.Lookup("dy").empty());  // only US, CA and AU codes

  p = Top(gz, "Harris");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->place_class, kPlaceAdmin2);
  EXPECT_EQ(gz.Name(p->admin1), "Texas");
  EXPECT_TRUE(gz.Lookup("alaska").empty());  // no cities to place it

  p = Top(gz, "Khmeimim Air Base");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->place_class, kPlaceAirport);
  EXPECT_NEAR(p->lat, 35.4011, 1e-4);
  EXPECT_NEAR(p->lon, 35.9487, 1e-4);
  EXPECT_EQ(Top(gz, "Hmeimim airbase"), p);
  p = Top(gz, "Shayrat Airbase");  // variant of an OurAirports air base
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(std::string(p->feature_code, 4), "AIRB");
  EXPECT_TRUE(gz.Lookup("shayrat").empty());     // the bare word is not an airport
  EXPECT_TRUE(gz.Lookup("farm strip").empty());  // small civil strips are left out

  EXPECT_EQ(Top(gz, "Asia")->place_class, kPlaceContinent);
  EXPECT_EQ(Top(gz, "Asian")->place_class, kPlaceContinent);
  EXPECT_EQ(gz.CountryIndex("SY"), gz.Lookup("syria")[0].place);
  EXPECT_EQ(gz.CountryIndex("sy"), gz.CountryIndex("SY"));
  EXPECT_EQ(gz.CountryIndex("FR"), kNoPlace);
  EXPECT_EQ(gz.CountryIndex("S"), kNoPlace);
  EXPECT_EQ(gz.max_name_words(), 4);  // "bassel assad international airport"
  EXPECT_TRUE(gz.Lookup("").empty());
  EXPECT_TRUE(gz.Lookup("atlantis").empty());
}

TEST(GazetteerBuild, Deterministic) {
  const Fixture a = WriteFixture("det_a");
  Fixture b = a;
  b.out = TempPath("det_b.bin");
  ASSERT_TRUE(BuildFixture(a).ok());
  ASSERT_TRUE(BuildFixture(b).ok());
  const std::string bytes = ReadAll(a.out);
  EXPECT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes, ReadAll(b.out));
}

TEST(GazetteerBuild, MissingSourceNamesIt) {
  Fixture f = WriteFixture("missing");
  fs::remove(f.geo + "/geonames/admin2Codes.txt");
  const Status st = BuildFixture(f);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("admin2Codes.txt"), std::string::npos) << st.message();
}

TEST(GazetteerBuild, BadAliasRowNamesTheLine) {
  Fixture f = WriteFixture("badalias");
  WriteAll(f.tables + "/place_aliases.tsv", "# x\nFoo\tprimary\tcountry:ZZ\t-\t-\t-\t-\t-\tsrc\n");
  const Status st = BuildFixture(f);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("place_aliases.tsv:2"), std::string::npos) << st.message();
}

// ---------------------------------------------------------------------------
// Damaged artifacts: every error names the file and the rebuild command.

TEST(GazetteerLoad, DamagedFilesAreActionable) {
  const Fixture f = WriteFixture("damaged");
  ASSERT_TRUE(BuildFixture(f).ok());
  const std::string good = ReadAll(f.out);

  struct Case {
    std::string name;
    std::string bytes;
  };
  std::vector<Case> cases;
  cases.push_back({"truncated.bin", good.substr(0, good.size() / 2)});
  std::string flipped = good;
  flipped[flipped.size() - 100] ^= 0x20;
  cases.push_back({"flipped.bin", flipped});
  cases.push_back({"empty.bin", ""});
  {
    ArtifactWriter w("gazetteer", kGazetteerFormat + 1);
    w.AddSection("places", "");
    auto bytes = w.Serialize();
    ASSERT_TRUE(bytes.ok());
    cases.push_back({"version.bin", *bytes});
  }
  {
    ArtifactWriter w("gazetteer", kGazetteerFormat);  // right version, no sections
    w.AddSection("places", std::string(40, '\0'));
    auto bytes = w.Serialize();
    ASSERT_TRUE(bytes.ok());
    cases.push_back({"sections.bin", *bytes});
  }
  {
    ArtifactWriter w("ner", 1);
    auto bytes = w.Serialize();
    ASSERT_TRUE(bytes.ok());
    cases.push_back({"kind.bin", *bytes});
  }
  for (const Case& c : cases) {
    const std::string path = TempPath(c.name);
    WriteAll(path, c.bytes);
    auto g = Gazetteer::Load(path);
    ASSERT_FALSE(g.ok()) << c.name;
    EXPECT_NE(g.status().message().find(path), std::string::npos) << g.status().message();
    EXPECT_NE(g.status().message().find("sitrep build gazetteer"), std::string::npos)
        << g.status().message();
  }
  auto missing = Gazetteer::Load("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/gazetteer.bin"), std::string::npos);
  EXPECT_NE(missing.status().message().find("sitrep build gazetteer"), std::string::npos)
      << missing.status().message();
}

// ---------------------------------------------------------------------------
// The committed models/gazetteer.bin (skipped when it has not been built).

class CommittedGazetteer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = SITREP_SOURCE_DIR "/models/gazetteer.bin";
    if (!fs::exists(path)) return;
    auto g = Gazetteer::Load(path);
    ASSERT_TRUE(g.ok()) << g.status().message();
    gaz_ = std::move(g).value().release();
  }
  static void TearDownTestSuite() {
    delete gaz_;
    gaz_ = nullptr;
  }
  void SetUp() override {
    if (gaz_ == nullptr) GTEST_SKIP() << "models/gazetteer.bin not built";
  }
  // First candidate of `name`; fails the test when there is none.
  static const PlaceRecord& Top(std::string_view name, uint8_t* match = nullptr) {
    static const PlaceRecord kNone{};
    const auto c = gaz_->Lookup(NormalizePlaceName(name));
    EXPECT_FALSE(c.empty()) << name;
    if (c.empty()) return kNone;
    if (match) *match = c[0].match;
    return gaz_->place(c[0].place);
  }
  static std::string Country(const PlaceRecord& p) { return std::string(p.country, 2); }
  static Gazetteer* gaz_;
};
Gazetteer* CommittedGazetteer::gaz_ = nullptr;

TEST_F(CommittedGazetteer, ConflictPlaces) {
  const PlaceRecord& deir = Top("deir zor");
  EXPECT_EQ(deir.geonames_id, 170794u);
  EXPECT_EQ(Country(deir), "SY");
  EXPECT_EQ(Top("Deir ez-Zor").geonames_id, 170794u);
  EXPECT_EQ(Top("Dayr az Zawr").geonames_id, 170794u);

  const PlaceRecord& syria = Top("syria");
  EXPECT_EQ(syria.place_class, kPlaceCountry);
  EXPECT_EQ(Country(syria), "SY");
  EXPECT_NEAR(syria.lat, 35, 1e-6);
  EXPECT_NEAR(syria.lon, 38, 1e-6);
  uint8_t match = 0;
  EXPECT_EQ(Country(Top("Syrian", &match)), "SY");
  EXPECT_TRUE(match & kMatchDemonym);

  EXPECT_EQ(Country(Top("Mosul")), "IQ");
  const PlaceRecord& tj = Top("Tajikistan");
  EXPECT_EQ(tj.place_class, kPlaceCountry);
  EXPECT_EQ(Country(tj), "TJ");
  EXPECT_EQ(Country(Top("Tajik", &match)), "TJ");
  EXPECT_TRUE(match & kMatchDemonym);
  EXPECT_EQ(Country(Top("Latakia")), "SY");
  EXPECT_EQ(Country(Top("Iraqi")), "IQ");
  EXPECT_EQ(Country(Top("Iraqis", &match)), "IQ");  // regular plural of a demonym
  EXPECT_EQ(match, kMatchDemonym);
  EXPECT_EQ(Country(Top("Syrians")), "SY");

  const PlaceRecord& base = Top("Khmeimim Air Base");
  EXPECT_EQ(base.place_class, kPlaceAirport);
  EXPECT_NEAR(base.lat, 35.40, 0.01);
  EXPECT_NEAR(base.lon, 35.95, 0.01);
  EXPECT_EQ(&Top("Hmeimim Air Base"), &base);

  EXPECT_EQ(Top("Kurdish").place_class, kPlaceRegion);
  const PlaceRecord& donbas = Top("Donbass");
  EXPECT_EQ(donbas.place_class, kPlaceRegion);
  EXPECT_EQ(Country(donbas), "UA");
}

TEST_F(CommittedGazetteer, CountryPointsAndAbbreviations) {
  EXPECT_NEAR(Top("Turkey").lat, 39, 1e-6);
  EXPECT_NEAR(Top("Turkey").lon, 35, 1e-6);
  EXPECT_NEAR(Top("Russia").lat, 60, 1e-6);
  EXPECT_NEAR(Top("Russia").lon, 100, 1e-6);
  for (const char* s : {"U.S.", "US", "USA", "United States"}) {
    EXPECT_EQ(Country(Top(s)), "US") << s;
  }
  for (const char* s : {"UK", "U.K.", "Britain", "British"}) EXPECT_EQ(Country(Top(s)), "GB") << s;
  uint8_t match = 0;
  EXPECT_EQ(Country(Top("DRC", &match)), "CD");
  EXPECT_TRUE(match & kMatchAbbrev);
  EXPECT_EQ(Country(Top("UAE")), "AE");
  EXPECT_EQ(Country(Top("American")), "US");
  EXPECT_EQ(Country(Top("Côte d’Ivoire")), "CI");
  EXPECT_EQ(gaz_->CountryIndex("SY"), gaz_->Lookup("syria")[0].place);
}

TEST_F(CommittedGazetteer, AdminUnits) {
  const PlaceRecord& tx = Top("Texas");
  EXPECT_EQ(tx.place_class, kPlaceAdmin1);
  EXPECT_EQ(Country(tx), "US");
  EXPECT_EQ(tx.geonames_id, 4736286u);

  // Donetsk: GeoNames names the oblast plain "Donetsk"; it is among the
  // candidates, after the city that is its seat.
  bool found = false;
  for (const Candidate& c : gaz_->Lookup("donetsk")) {
    const PlaceRecord& p = gaz_->place(c.place);
    found |= p.place_class == kPlaceAdmin1 && Country(p) == "UA" && p.geonames_id == 709716u;
  }
  EXPECT_TRUE(found);
  // Type words removed (kMatchNoType).
  uint8_t match = 0;
  const PlaceRecord& kharkiv = Top("Kharkivs'ka", &match);
  EXPECT_EQ(kharkiv.place_class, kPlaceAdmin1);
  EXPECT_EQ(Country(kharkiv), "UA");
  EXPECT_EQ(match, kMatchNoType);
  const PlaceRecord& muthanna = Top("al-Muthanna", &match);
  EXPECT_EQ(muthanna.geonames_id, 99032u);
  EXPECT_EQ(match, kMatchNoType);
  EXPECT_EQ(Top("Kiev").place_class, kPlaceCity);  // the capital before the oblast
  // Subdivision codes written after US, Canadian and Australian places.
  EXPECT_EQ(Top("Ky.", &match).geonames_id, 6254925u);  // Kentucky
  EXPECT_EQ(match, kMatchAbbrev);
  EXPECT_EQ(Top("B.C.").geonames_id, 5909050u);          // British Columbia
  EXPECT_EQ(Top("NSW").geonames_id, 2155400u);           // New South Wales
  EXPECT_TRUE(gaz_->Lookup("in").empty());               // common words are left out
  EXPECT_EQ(Top("Aleppo").place_class, kPlaceCity);
}

TEST_F(CommittedGazetteer, ContinentsAndShape) {
  const PlaceRecord& asia = Top("asia");
  EXPECT_EQ(asia.place_class, kPlaceContinent);
  EXPECT_EQ(asia.geonames_id, 6255147u);
  EXPECT_EQ(Top("European").place_class, kPlaceContinent);
  EXPECT_GT(gaz_->size(), 200000u);
  EXPECT_GE(gaz_->max_name_words(), 4);
  EXPECT_LE(gaz_->max_name_words(), 8);
  EXPECT_EQ(gaz_->provenance().command, "sitrep build gazetteer");
  // Every candidate list is in prior order: countries first.
  const auto us = gaz_->Lookup("georgia");
  ASSERT_FALSE(us.empty());
  EXPECT_EQ(gaz_->place(us[0].place).place_class, kPlaceCountry);
  EXPECT_EQ(gaz_->place(us[1].place).place_class, kPlaceAdmin1);
}

}  // namespace
}  // namespace sitrep::geo
