#include "geo/resolver.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace sitrep::geo {
namespace {

// The resolver runs on a tokenized document whose entities the test sets
// by hand, so these tests do not depend on what the NER model does.
class ResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::Load(std::string(SITREP_SOURCE_DIR) +
                             "/models/gazetteer.bin");
    ASSERT_TRUE(g.ok()) << g.status().message();
    gazetteer_ = g->release();
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }

  // Tokenizes `text` and marks each listed surface (first occurrence at or
  // after the previous one) as an entity of `kind`.
  static Document Make(
      std::string_view text,
      const std::vector<std::pair<std::string, EntityKind>>& entities) {
    Document doc;
    doc.text.assign(text);
    EXPECT_TRUE(text::ProcessText(doc).ok());
    size_t from = 0;
    for (const auto& [surface, kind] : entities) {
      size_t at = doc.text.find(surface, from);
      EXPECT_NE(at, std::string::npos) << surface;
      if (at == std::string::npos) continue;
      from = at + 1;
      EntityMention m;
      m.begin = static_cast<uint32_t>(at);
      m.end = static_cast<uint32_t>(at + surface.size());
      m.kind = kind;
      bool first = true;
      for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
        if (doc.tokens[t].begin >= m.begin && doc.tokens[t].end <= m.end) {
          if (first) m.first_token = t;
          first = false;
          m.last_token = t + 1;
        }
      }
      doc.entities.push_back(m);
    }
    doc.tagged = true;
    return doc;
  }

  static Document Resolve(
      std::string_view text,
      const std::vector<std::pair<std::string, EntityKind>>& entities) {
    Document doc = Make(text, entities);
    PlaceResolver resolver(*gazetteer_);
    ResolverScratch scratch;
    resolver.Resolve(doc, scratch);
    return doc;
  }

  // The resolution of the first entity whose text is `surface`.
  static const PlaceRef* Find(const Document& doc, std::string_view surface,
                              int* kind = nullptr) {
    for (const EntityMention& e : doc.entities) {
      if (std::string_view(doc.text).substr(e.begin, e.end - e.begin) !=
          surface)
        continue;
      if (kind != nullptr) *kind = e.kind;
      if (e.place < 0) return nullptr;
      return &doc.places[static_cast<size_t>(e.place)];
    }
    return nullptr;
  }

  static const Gazetteer* gazetteer_;
};

const Gazetteer* ResolverTest::gazetteer_ = nullptr;

TEST_F(ResolverTest, SeedPlacesResolve) {
  Document doc = Resolve(
      "Russian jets flying from Khmeimim Air Base in Latakia struck IS "
      "positions near "
      "Deir ez-Zor, Syria. A commander was seen in Mosul, Iraq, and came from "
      "Tajikistan.",
      {{"Russian", kEntityNationality},
       {"Khmeimim Air Base", kEntityPlace},
       {"Latakia", kEntityPlace},
       {"Deir ez-Zor", kEntityPlace},
       {"Syria", kEntityPlace},
       {"Mosul", kEntityPlace},
       {"Iraq", kEntityPlace},
       {"Tajikistan", kEntityPlace}});
  const PlaceRef* deir = Find(doc, "Deir ez-Zor");
  ASSERT_NE(deir, nullptr);
  EXPECT_EQ(deir->geonames_id, 170794u);
  EXPECT_EQ(deir->country, "SY");
  const PlaceRef* latakia = Find(doc, "Latakia");
  ASSERT_NE(latakia, nullptr);
  EXPECT_EQ(latakia->country, "SY");
  const PlaceRef* mosul = Find(doc, "Mosul");
  ASSERT_NE(mosul, nullptr);
  EXPECT_EQ(mosul->country, "IQ");
  const PlaceRef* tj = Find(doc, "Tajikistan");
  ASSERT_NE(tj, nullptr);
  EXPECT_EQ(tj->country, "TJ");
  EXPECT_EQ(tj->precision, kPrecisionCountry);
  const PlaceRef* base = Find(doc, "Khmeimim Air Base");
  ASSERT_NE(base, nullptr);
  ASSERT_TRUE(base->has_point);
  EXPECT_NEAR(base->lat, 35.40, 0.05);
  EXPECT_NEAR(base->lon, 35.95, 0.05);
  const PlaceRef* russian = Find(doc, "Russian");
  ASSERT_NE(russian, nullptr);
  EXPECT_EQ(russian->country, "RU");
}

TEST_F(ResolverTest, AdministrativeContextPicksTheTown) {
  // Without context "Paris" is the French capital; ", Texas" moves it.
  Document doc = Resolve("Storms hit Paris, Texas, on Monday.",
                         {{"Paris", kEntityPlace}, {"Texas", kEntityPlace}});
  const PlaceRef* paris = Find(doc, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->country, "US");
  EXPECT_EQ(paris->admin1, "Texas");
  Document doc2 =
      Resolve("Storms hit Paris on Monday.", {{"Paris", kEntityPlace}});
  const PlaceRef* paris2 = Find(doc2, "Paris");
  ASSERT_NE(paris2, nullptr);
  EXPECT_EQ(paris2->country, "FR");
}

TEST_F(ResolverTest, OneReadingPerNameInADocument) {
  Document doc = Resolve("Fighting near Aleppo, Syria. Later Aleppo was quiet.",
                         {{"Aleppo", kEntityPlace},
                          {"Syria", kEntityPlace},
                          {"Aleppo", kEntityPlace}});
  int places = 0;
  int32_t index = -1;
  for (const EntityMention& e : doc.entities) {
    if (std::string_view(doc.text).substr(e.begin, e.end - e.begin) != "Aleppo")
      continue;
    ++places;
    if (index < 0) index = e.place;
    EXPECT_EQ(e.place, index);
  }
  EXPECT_EQ(places, 2);
}

TEST_F(ResolverTest, UnknownPlaceKeepsItsSpanWithoutPoint) {
  Document doc = Resolve("Clashes were reported in Qwzxyville overnight.",
                         {{"Qwzxyville", kEntityPlace}});
  int kind = -1;
  const PlaceRef* p = Find(doc, "Qwzxyville", &kind);
  EXPECT_EQ(kind, kEntityPlace);
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->has_point);
  EXPECT_EQ(p->geonames_id, 0u);
  EXPECT_EQ(p->precision, kPrecisionUnknown);
}

TEST_F(ResolverTest, CapitalAsGovernmentIsNotAPlace) {
  Document doc = Resolve("Washington said the talks had failed.",
                         {{"Washington", kEntityPlace}});
  int kind = -1;
  EXPECT_EQ(Find(doc, "Washington", &kind), nullptr);
  EXPECT_EQ(kind, kEntityOrganization);
  Document doc2 = Resolve("Protesters marched in Washington on Sunday.",
                          {{"Washington", kEntityPlace}});
  int kind2 = -1;
  const PlaceRef* p = Find(doc2, "Washington", &kind2);
  EXPECT_EQ(kind2, kEntityPlace);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "US");
}

TEST_F(ResolverTest, GazetteerFindsPlacesTheTaggerMissed) {
  Document doc =
      Resolve("Troops moved into Mosul after weeks of fighting in March.", {});
  int kind = -1;
  const PlaceRef* p = Find(doc, "Mosul", &kind);
  EXPECT_EQ(kind, kEntityPlace);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "IQ");
  // A month after "in" is no town.
  kind = -1;
  EXPECT_EQ(Find(doc, "March", &kind), nullptr);
  EXPECT_EQ(kind, -1);
}

TEST_F(ResolverTest, PlaceInsideAnOrganizationName) {
  Document doc = Resolve("The Kentucky State Police said a man was arrested.",
                         {{"Kentucky State Police", kEntityOrganization}});
  int kind = -1;
  const PlaceRef* p = Find(doc, "Kentucky", &kind);
  EXPECT_EQ(kind, kEntityPlace);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "US");
  EXPECT_EQ(p->precision, kPrecisionAdmin1);
  kind = -1;
  Find(doc, "Kentucky State Police", &kind);
  EXPECT_EQ(kind, kEntityOrganization);
}

TEST_F(ResolverTest, ProvinceTypeWordPrefersTheAdminUnit) {
  Document doc = Resolve("Shelling continued in Idlib province.",
                         {{"Idlib", kEntityPlace}});
  const PlaceRef* p = Find(doc, "Idlib");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "SY");
  EXPECT_EQ(p->precision, kPrecisionAdmin1);
}

TEST_F(ResolverTest, DemonymsNameTheirCountry) {
  Document doc = Resolve("Syrian and Iraqi forces met Kurdish fighters.",
                         {{"Syrian", kEntityNationality},
                          {"Iraqi", kEntityNationality},
                          {"Kurdish", kEntityNationality}});
  const PlaceRef* sy = Find(doc, "Syrian");
  ASSERT_NE(sy, nullptr);
  EXPECT_EQ(sy->country, "SY");
  const PlaceRef* iq = Find(doc, "Iraqi");
  ASSERT_NE(iq, nullptr);
  EXPECT_EQ(iq->country, "IQ");
  const PlaceRef* ku = Find(doc, "Kurdish");
  ASSERT_NE(ku, nullptr);
  EXPECT_EQ(ku->precision, kPrecisionRegion);
}

TEST_F(ResolverTest, FiveHundredPlacesInOneDocument) {
  std::string text;
  std::vector<std::pair<std::string, EntityKind>> entities;
  const char* names[] = {"Aleppo", "Mosul", "Paris", "Qwzxyville", "Homs"};
  for (int i = 0; i < 500; ++i) {
    text += "They went to ";
    text += names[i % 5];
    text += ". ";
    entities.emplace_back(names[i % 5], kEntityPlace);
  }
  Document doc = Resolve(text, entities);
  size_t places = 0, resolved = 0;
  for (const EntityMention& e : doc.entities) {
    if (e.kind != kEntityPlace) continue;
    ++places;
    if (e.place >= 0 && doc.places[static_cast<size_t>(e.place)].has_point)
      ++resolved;
  }
  EXPECT_EQ(places, 500u);
  EXPECT_EQ(resolved, 400u);
  EXPECT_EQ(doc.places.size(), 5u);  // one reading per distinct name
}

TEST_F(ResolverTest, NoVillageInACountryTheDocumentIsNotAbout) {
  // "Levant" is also a village in Maine; in a report on Syria and Iraq it is
  // the region, which the gazetteer lacks: no point rather than a wrong one.
  Document doc = Resolve(
      "Islamic State fighters in the Levant attacked Syrian troops near Homs, "
      "Syria, "
      "and Iraqi units outside Mosul, Iraq.",
      {{"Levant", kEntityPlace},
       {"Syrian", kEntityNationality},
       {"Homs", kEntityPlace},
       {"Syria", kEntityPlace},
       {"Iraqi", kEntityNationality},
       {"Mosul", kEntityPlace},
       {"Iraq", kEntityPlace}});
  const PlaceRef* levant = Find(doc, "Levant");
  ASSERT_NE(levant, nullptr);
  EXPECT_FALSE(levant->has_point) << levant->name << " " << levant->country;
  const PlaceRef* homs = Find(doc, "Homs");
  ASSERT_NE(homs, nullptr);
  EXPECT_EQ(homs->country, "SY");
}

TEST_F(ResolverTest, EmptyDocument) {
  Document doc = Resolve("", {});
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_TRUE(doc.places.empty());
}

TEST(Haversine, KnownDistances) {
  EXPECT_NEAR(HaversineKm(0, 0, 0, 1), 111.2, 0.2);
  EXPECT_NEAR(HaversineKm(35.336, 40.141, 36.335, 43.119), 288,
              5);  // Deir ez-Zor–Mosul
  EXPECT_DOUBLE_EQ(HaversineKm(10, 10, 10, 10), 0);
}

}  // namespace
}  // namespace sitrep::geo
