// Document-level repairs of NER output that a token-level tagger trained on
// CoNLL-2003 gets wrong in conflict news, by general mechanism, not by name:
//   0. capitalized function words ("Near", "In") do not start a name;
//   1. names with hyphenated lower-case particles ("Deir ez-Zor",
//      "Abu-Muhammad al-Shimali") are one span, not two;
//   2. a head word fixes the kind of a multi-word name ("… Air Base" place,
//      "… Air Force" organization) — tables in entity_heads.inc;
//   3. a name opened by a kunya/patronymic word ("Abu", "Abu-X", "Ibn") is
//      a person; one opened by "Operation" is an event (misc);
//   4. within a document, a later mention equal to an earlier person's full
//      name or last name part takes the person kind (coreference-lite), and
//      an untagged token sequence equal to an earlier entity is tagged too.
//
// Thread-safety: pure functions. Cost: linear in tokens and entities.
#ifndef SITREP_TAG_ENTITY_RULES_H_
#define SITREP_TAG_ENTITY_RULES_H_

#include "core/document.h"

namespace sitrep::tag {

// Applies the rules above to doc.entities (ordered by position, non
// overlapping; the result keeps that invariant).
void RepairEntities(Document& doc);

}  // namespace sitrep::tag

#endif  // SITREP_TAG_ENTITY_RULES_H_
