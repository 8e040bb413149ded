#include "actors/actors.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_util.h"
#include "text/text.h"

namespace sitrep::actors {
namespace {

// A tiny dictionary in the shipped formats: PETRARCH actors with a
// date-restricted leader, PETRARCH agents, a curated table.
constexpr const char* kPetrarchActors =
    "# test actors\n"
    "RUSSIA_  [RUS]\n"
    "+RUSSIAN_FEDERATION_\n"
    "SYRIA_  [SYR]\n"
    "LAGOS_  [NGA]\n"
    "BARACK_OBAMA_  ; CountryInfo.txt\n"
    "+OBAMA_\n"
    "\t[USAELI 19610804-20090119]\n"
    "\t[USAGOV 20090120-20170120]\n"
    "\t[USAELI >20170121]\n"
    "UNITED_NATIONS_ [IGOUNO]\n";

constexpr const char* kPetrarchAgents =
    "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
    "AIR_FORCE [~MIL]\n"
    "ARMY [~MIL]\n"
    "TROOP [~MIL]\n"
    "POLICE {} [~COP]\n"
    "DEFENSE_MINIST [~GOVMIL]\n"
    "GUNMEN [~UAF]\n"
    "PROTESTER [~OPP]\n"
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL } [~GOVATG]\n";

constexpr const char* kTable =
    "# aliases\tkind\tcode\tcountry\tsector\tname\tsource\n"
    "Islamic State|IS|ISIS|ISIL|Daesh\tactor\tIMGMUSISI\t-\tinsurgent\t"
    "Islamic State\ttest\n"
    "warplanes|warplane\tagent\tMIL\t-\tmilitary\t-\ttest\n"
    "militants|terrorists\tagent\tUAF\t-\tunknown\t-\ttest\n"
    "protesters\tagent\tCVL\t-\tcivilian\t-\ttest\n";

ActorTableBuilder TinyBuilder() {
  ActorTableBuilder b;
  b.AddCountry("RU", "RUS", "Russia");
  b.AddCountry("SY", "SYR", "Syria");
  b.AddCountry("NG", "NGA", "Nigeria");
  b.AddCountry("US", "USA", "United States");
  for (const auto& [name, iso3] :
       {std::pair{"Russian", "RUS"}, std::pair{"Syrian", "SYR"},
        std::pair{"Nigeria", "NGA"}}) {
    ActorEntry e;
    e.phrase = name;
    e.kind = kKindCountry;
    e.code = iso3;
    e.country = iso3;
    e.priority = 2;
    b.Add(e);
  }
  EXPECT_TRUE(b.AddPetrarchActors(kPetrarchActors, "actors.txt", 1).ok());
  EXPECT_TRUE(b.AddPetrarchAgents(kPetrarchAgents, "agents.txt", 1).ok());
  EXPECT_TRUE(b.AddTable(kTable, "table.tsv", 3).ok());
  return b;
}

std::unique_ptr<Actors> LoadBuilder(const ActorTableBuilder& b,
                                    const std::string& name) {
  const std::string path = test_util::TempPath("actors", name);
  ArtifactProvenance prov{"test", "0", {}};
  const Status st = b.WriteFile(path, prov);
  EXPECT_TRUE(st.ok()) << st.message();
  auto loaded = Actors::Load(path);
  EXPECT_TRUE(loaded.ok()) << loaded.status().message();
  return loaded.ok() ? std::move(*loaded) : nullptr;
}

const Actors& Tiny() {
  static std::unique_ptr<Actors> a = LoadBuilder(TinyBuilder(), "tiny.bin");
  return *a;
}

Document MakeDoc(std::string text) {
  Document doc;
  doc.text = std::move(text);
  EXPECT_TRUE(text::ProcessText(doc).ok());
  return doc;
}

struct Expect {
  std::string text, name, country, sector, cameo;
};

std::vector<Expect> Match(const Document& doc, const Actors& a,
                          std::string_view date = "2017-09-08") {
  std::vector<Expect> out;
  for (const ActorMention& m : FindActors(doc, a, date)) {
    EXPECT_EQ(doc.text.substr(m.begin, m.end - m.begin), m.text);
    out.push_back({m.text, m.name, m.country, kSectorNames[m.sector], m.cameo});
  }
  return out;
}

void ExpectActors(const std::vector<Expect>& got,
                  const std::vector<Expect>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].text, want[i].text) << i;
    EXPECT_EQ(got[i].name, want[i].name) << got[i].text;
    EXPECT_EQ(got[i].country, want[i].country) << got[i].text;
    EXPECT_EQ(got[i].sector, want[i].sector) << got[i].text;
    EXPECT_EQ(got[i].cameo, want[i].cameo) << got[i].text;
  }
}

TEST(ActorMatch, CombinationRules) {
  struct Case {
    const char* text;
    std::vector<Expect> want;
  } cases[] = {
      {"Russian warplanes struck the town.",
       {{"Russian warplanes", "Russia", "RUS", "military", "RUSMIL"}}},
      {"The Russian Air Force said so.",
       {{"Russian Air Force", "Russia", "RUS", "military", "RUSMIL"}}},
      {"Syrian Army troops advanced.",
       {{"Syrian Army troops", "Syria", "SYR", "military", "SYRMIL"}}},
      {"IS terrorists fled.",
       {{"IS terrorists", "Islamic State", "", "insurgent", "IMGMUSISI"}}},
      {"Islamic State militants attacked.",
       {{"Islamic State militants", "Islamic State", "", "insurgent",
         "IMGMUSISI"}}},
      {"the Russian Defense Ministry said.",
       {{"Russian Defense Ministry", "Russia", "RUS", "government", "RUSGOV"}}},
      {"Unidentified gunmen opened fire.",
       {{"Unidentified gunmen", "unidentified armed group", "", "unknown",
         "UAF"}}},
      {"protesters gathered.", {{"protesters", "", "", "civilian", "CVL"}}},
      // No "in X": the sentence's one country.
      {"protesters marched in Lagos.",
       {{"protesters", "Nigeria", "NGA", "civilian", "NGACVL"},
        {"Lagos", "Nigeria", "NGA", "", "NGA"}}},
      {"protesters marched in Lagos and Syria.",
       {{"protesters", "", "", "civilian", "CVL"},
        {"Lagos", "Nigeria", "NGA", "", "NGA"},
        {"Syria", "Syria", "SYR", "", "SYR"}}},
      {"police in Lagos arrested two.",
       {{"police in Lagos", "Nigeria", "NGA", "police", "NGACOP"}}},
      {"Russia's army moved.",
       {{"Russia's army", "Russia", "RUS", "military", "RUSMIL"}}},
      {"The United Nations and ISIL and Daesh.",
       {{"United Nations", "United Nations", "", "igo", "IGOUNO"},
        {"ISIL", "Islamic State", "", "insurgent", "IMGMUSISI"},
        {"Daesh", "Islamic State", "", "insurgent", "IMGMUSISI"}}},
      // Lower-case "is" is a verb, never the group.
      {"It is what it is.", {}},
      // Plurals: automatic (TROOPS) and explicit ({ATTORNEYS_GENERAL}).
      {"Syrian troops and attorneys general.",
       {{"Syrian troops", "Syria", "SYR", "military", "SYRMIL"},
        {"attorneys general", "", "", "government", "GOV"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    ExpectActors(Match(MakeDoc(c.text), Tiny()), c.want);
  }
}

TEST(ActorMatch, PoliceInPlaceUsesResolvedPlaceCountry) {
  Document doc = MakeDoc("Police in Ikeja detained him.");
  // As the places stage leaves it: "Ikeja" resolved to a place in NG.
  PlaceRef place;
  place.name = "Ikeja";
  place.country = "NG";
  doc.places.push_back(place);
  EntityMention e;
  e.first_token = 2;
  e.last_token = 3;
  e.begin = doc.tokens[2].begin;
  e.end = doc.tokens[2].end;
  e.kind = kEntityPlace;
  e.place = 0;
  doc.entities.push_back(e);
  ExpectActors(Match(doc, Tiny()),
               {{"Police in Ikeja", "Nigeria", "NGA", "police", "NGACOP"}});
}

TEST(ActorMatch, DateRestrictedCodes) {
  const Document doc = MakeDoc("Obama spoke.");
  struct {
    const char* date;
    const char* cameo;
    const char* sector;
  } cases[] = {
      {"2008-05-01", "USAELI", "government"},
      {"2009-01-20", "USAGOV", "government"},
      {"2016-12-31", "USAGOV", "government"},
      {"2018-01-01", "USAELI", "government"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.date);
    const auto got = Match(doc, Tiny(), c.date);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].cameo, c.cameo);
    EXPECT_EQ(got[0].country, "USA");
    EXPECT_EQ(got[0].name, "Barack Obama");
  }
  // Before every range: PETRARCH's null code, no actor.
  EXPECT_TRUE(Match(doc, Tiny(), "1950-01-01").empty());
}

TEST(ActorDictionary, MalformedCodeNamesFileAndLine) {
  ActorTableBuilder b;
  const Status st = b.AddPetrarchActors(
      "RUSSIA_ [RUS]\nBAD_LEADER_\n\t[RUSGOV 2009-01-20]\n", "dict.txt", 1);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("dict.txt:3: malformed code '[RUSGOV "
                              "2009-01-20]'"),
            std::string::npos)
      << st.message();
  std::vector<std::string> skipped;
  ActorTableBuilder lenient;
  EXPECT_TRUE(lenient
                  .AddPetrarchActors("X_ [ARMUNR 9008223-911221]\nY_ [YYY]\n",
                                     "d.txt", 1, &skipped)
                  .ok());
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].rfind("d.txt:1: malformed code", 0), 0u);

  const Status tab = b.AddTable("IS\tactor\tIMG MUS\t-\tinsurgent\tIS\tsrc\n",
                                "groups.tsv", 3);
  ASSERT_FALSE(tab.ok());
  EXPECT_NE(tab.message().find("groups.tsv:1: malformed code 'IMG MUS'"),
            std::string::npos)
      << tab.message();
  const Status sector =
      b.AddTable("IS\tactor\tIMG\t-\tbandits\tIS\tsrc\n", "groups.tsv", 3);
  EXPECT_NE(sector.message().find("groups.tsv:1: unknown sector 'bandits'"),
            std::string::npos);
  const Status agent = b.AddPetrarchAgents("GUNMEN ~UAF\n", "ag.txt", 1);
  EXPECT_NE(agent.message().find("ag.txt:1: malformed agent"),
            std::string::npos);
}

TEST(ActorDictionary, NameOf500TokensIsAClearError) {
  std::string name;
  for (int i = 0; i < 500; ++i) name += "WORD" + std::to_string(i) + "_";
  ActorTableBuilder b;
  const Status st =
      b.AddPetrarchActors(name + " [RUS]\n", "long.txt", 1, nullptr);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("long.txt:1: phrase has 500 words, at most 16"),
            std::string::npos)
      << st.message();
  ActorEntry e;
  e.phrase = name;
  e.code = "RUS";
  b.Add(e);
  auto image = b.Serialize({"test", "0", {}});
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.status().message().find("has 500 words"), std::string::npos);
}

TEST(ActorMatch, DocumentWith500TokenNameLikeRun) {
  // A 500-token run of capitalized words with dictionary words inside.
  std::string text;
  for (int i = 0; i < 500; ++i) text += (i % 50 == 7) ? "Russian " : "Zed ";
  text += "warplanes.";
  const auto got = Match(MakeDoc(text), Tiny());
  ASSERT_EQ(got.size(), 11u);
  EXPECT_EQ(got[9].text, "Russian");  // not combined: the agent is far
  EXPECT_EQ(got[9].cameo, "RUS");
  EXPECT_EQ(got[10].text, "warplanes");
  EXPECT_EQ(got[10].cameo, "MIL");
}

TEST(ActorMatch, ThousandActorsInADocument) {
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += (i % 2) ? "Syrian Army troops hit IS terrorists. "
                    : "Russian warplanes hit Daesh. ";
  }
  const auto got = Match(MakeDoc(text), Tiny());
  ASSERT_EQ(got.size(), 2000u);
  EXPECT_EQ(got[0].cameo, "RUSMIL");
  EXPECT_EQ(got[1].cameo, "IMGMUSISI");
  EXPECT_EQ(got[2].cameo, "SYRMIL");
  EXPECT_EQ(got[1999].text, "IS terrorists");
}

TEST(ActorMatch, FastEnough) {
  std::string text;
  while (text.size() < (4u << 20)) {
    text +=
        "Russian warplanes struck Islamic State positions near the city on "
        "Tuesday, the Russian Defense Ministry said, while police in Lagos "
        "dispersed protesters and unidentified gunmen attacked a convoy. ";
  }
  const Document doc = MakeDoc(text);
  const auto t0 = std::chrono::steady_clock::now();
  const auto got = FindActors(doc, Tiny(), "2017-09-08");
  const double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  EXPECT_GT(got.size(), 1000u);
  // >= 2 MB/s even in a debug build on a shared core; Release is far above.
  EXPECT_GT(static_cast<double>(text.size()) / 1e6 / s, 2.0);
}

TEST(ActorModel, SeedPhrasesOnCommittedModel) {
  const std::string path =
      std::string(SITREP_SOURCE_DIR) + "/models/actors.bin";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  auto loaded = Actors::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const Document doc = MakeDoc(
      "Russian warplanes killed Islamic State terrorists, the Russian Defense "
      "Ministry said. IS, also known as ISIS or ISIL, lost commanders.");
  ExpectActors(
      Match(doc, **loaded),
      {{"Russian warplanes", "Russia", "RUS", "military", "RUSMIL"},
       {"Islamic State terrorists", "Islamic State", "", "insurgent",
        "IMGMUSISI"},
       {"Russian Defense Ministry", "Russia", "RUS", "government", "RUSGOV"},
       {"IS", "Islamic State", "", "insurgent", "IMGMUSISI"},
       {"ISIS", "Islamic State", "", "insurgent", "IMGMUSISI"},
       {"ISIL", "Islamic State", "", "insurgent", "IMGMUSISI"},
       {"commanders", "", "", "military", "MIL"}});
}

}  // namespace
}  // namespace sitrep::actors
