#include "tag/acronyms.h"

#include <gtest/gtest.h>

#include "text/text.h"

namespace sitrep::tag {
namespace {

std::vector<std::string> Tag(const std::string& text, uint32_t first, uint32_t last, uint8_t kind) {
  Document doc;
  doc.text = text;
  EXPECT_TRUE(text::ProcessText(doc).ok());
  EntityMention m;
  m.first_token = first;
  m.last_token = last;
  m.kind = kind;
  m.begin = doc.tokens[first].begin;
  m.end = doc.tokens[last - 1].end;
  doc.entities.push_back(m);
  TagDefinedAcronyms(doc);
  std::vector<std::string> out;
  for (const EntityMention& e : doc.entities) {
    out.push_back(std::string(kEntityKindNames[e.kind]) + ":" + text.substr(e.begin, e.end - e.begin));
  }
  return out;
}

TEST(Acronyms, DefinitionsTagLaterUses) {
  EXPECT_EQ(Tag("The Syrian Democratic Forces (SDF) advanced. SDF units took the dam.", 1, 4,
                kEntityOrganization),
            (std::vector<std::string>{"organization:Syrian Democratic Forces",
                                      "organization:SDF", "organization:SDF"}));
  // Possessive before the bracket, and a list inside it.
  EXPECT_EQ(Tag("Boko Haram's (BH, also JAS) fighters fled. BH denied it.", 0, 2,
                kEntityOrganization),
            (std::vector<std::string>{"organization:Boko Haram", "organization:BH",
                                      "organization:BH"}));
  // Lower-case uses of a word-like acronym are not tagged.
  EXPECT_EQ(Tag("The Islamic State (IS) said it is ready. IS fighters left.", 1, 3,
                kEntityOrganization),
            (std::vector<std::string>{"organization:Islamic State", "organization:IS",
                                      "organization:IS"}));
  // No definition: nothing added.
  EXPECT_EQ(Tag("Forces of the Islamic State advanced. IS fighters left.", 3, 5,
                kEntityOrganization),
            (std::vector<std::string>{"organization:Islamic State"}));
}

}  // namespace
}  // namespace sitrep::tag
