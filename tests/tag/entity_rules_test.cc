#include "tag/entity_rules.h"

#include <gtest/gtest.h>

#include "text/text.h"

namespace sitrep::tag {
namespace {

// Builds a document from text and entity spans given as token ranges.
Document MakeDoc(const std::string& text,
                 std::vector<std::tuple<uint32_t, uint32_t, uint8_t>> spans) {
  Document doc;
  doc.text = text;
  EXPECT_TRUE(text::ProcessText(doc).ok());
  for (auto [b, e, kind] : spans) {
    EntityMention m;
    m.first_token = b;
    m.last_token = e;
    m.kind = kind;
    m.begin = doc.tokens[b].begin;
    m.end = doc.tokens[e - 1].end;
    doc.entities.push_back(m);
  }
  return doc;
}

std::vector<std::string> Render(const Document& doc) {
  std::vector<std::string> out;
  for (const EntityMention& e : doc.entities) {
    out.push_back(std::string(kEntityKindNames[e.kind]) + ":" +
                  doc.text.substr(e.begin, e.end - e.begin));
  }
  return out;
}

TEST(EntityRules, ParticleNamesJoinTheNameBefore) {
  struct Case {
    std::string text;
    std::vector<std::tuple<uint32_t, uint32_t, uint8_t>> spans;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      // Place + misc particle span merge, the stronger kind wins.
      {"Troops reached Raqqa and Dayr az-Zawr on Monday .",
       {{2, 3, kEntityPlace}, {4, 5, kEntityPlace}, {5, 6, kEntityMisc}},
       {"place:Raqqa", "place:Dayr az-Zawr"}},
      // Untagged particle token extends the span before it.
      {"Fighting near Ras al-Ain continued .", {{2, 3, kEntityPlace}}, {"place:Ras al-Ain"}},
      // Nothing tagged: a capitalized word plus particle name becomes a span.
      {"He fled to Tell el-Kebir .", {}, {"misc:Tell el-Kebir"}},
      // Already one span: unchanged.
      {"Clashes in Deir ez-Zor .", {{2, 4, kEntityPlace}}, {"place:Deir ez-Zor"}},
      // A hyphenated word that is not a particle name is left alone.
      {"The well-known Al-Ahram paper .", {{2, 3, kEntityOrganization}},
       {"organization:Al-Ahram"}},
  };
  for (const Case& c : cases) {
    Document doc = MakeDoc(c.text, c.spans);
    RepairEntities(doc);
    EXPECT_EQ(Render(doc), c.want) << c.text;
  }
}

TEST(EntityRules, HeadWordsAndOpenersFixTheKind) {
  struct Case {
    std::string text;
    std::vector<std::tuple<uint32_t, uint32_t, uint8_t>> spans;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"Jets flew from Shayrat Air Base .", {{3, 6, kEntityPerson}}, {"place:Shayrat Air Base"}},
      {"The Iraqi Air Force struck .", {{1, 4, kEntityMisc}}, {"organization:Iraqi Air Force"}},
      {"Leader Abu Bakr was seen .", {{1, 3, kEntityMisc}}, {"person:Abu Bakr"}},
      {"Abu-Omar al-Baghdadi spoke .", {{0, 1, kEntityMisc}, {1, 2, kEntityMisc}},
       {"person:Abu-Omar al-Baghdadi"}},
      // A name plus capitalized words up to a head word is one name.
      {"Jets left Hama Military Airport today .", {{2, 3, kEntityPerson}, {4, 5, kEntityPlace}},
       {"place:Hama Military Airport"}},
      // Misc names with a particle part are personal names.
      {"Known as Saad Al-Harbi .", {{2, 3, kEntityMisc}, {3, 4, kEntityMisc}},
       {"person:Saad Al-Harbi"}},
      // Function words are stripped from the front; alone they are dropped.
      {"Near Raqqa , strikes hit .", {{0, 2, kEntityPlace}}, {"place:Raqqa"}},
      {"In Mosul , clashes .", {{0, 1, kEntityPlace}, {1, 2, kEntityPlace}}, {"place:Mosul"}},
      // Operations are events.
      {"Operation Inherent Resolve continues .", {{0, 3, kEntityPerson}},
       {"misc:Operation Inherent Resolve"}},
      // A one-word span is not re-typed by a head word.
      {"The Army said .", {{1, 2, kEntityOrganization}}, {"organization:Army"}},
  };
  for (const Case& c : cases) {
    Document doc = MakeDoc(c.text, c.spans);
    RepairEntities(doc);
    EXPECT_EQ(Render(doc), c.want) << c.text;
  }
}

TEST(EntityRules, LaterMentionsOfAPersonBecomePersons) {
  // "Hamdan" (misc) and an untagged "Hamdan" after a person "Saeed Hamdan".
  Document doc = MakeDoc("Saeed Hamdan was arrested . Hamdan denied it . Later Hamdan left .",
                         {{0, 2, kEntityPerson}, {5, 6, kEntityMisc}});
  RepairEntities(doc);
  EXPECT_EQ(Render(doc), (std::vector<std::string>{"person:Saeed Hamdan", "person:Hamdan",
                                                   "person:Hamdan"}));
}

TEST(EntityRules, EmptyAndUntaggedDocumentsAreUnchanged) {
  Document empty;
  RepairEntities(empty);
  EXPECT_TRUE(empty.entities.empty());
  Document plain = MakeDoc("nothing here is a name .", {});
  RepairEntities(plain);
  EXPECT_TRUE(plain.entities.empty());
}

}  // namespace
}  // namespace sitrep::tag
