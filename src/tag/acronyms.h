// Acronyms defined in the text take the kind of the name they abbreviate:
// "the Islamic State (IS)", "Syrian Democratic Forces (SDF)", "Islamic
// State's (IS, formerly ISIS/ISIL)" — an all-capitals token right after
// "(" that follows an entity makes that token an entity of the same kind,
// and so are its later uses in the document. Short acronyms that are also
// English words ("IS", "US") are only tagged where written in capitals.
//
// Thread-safety: pure function. Cost: linear in tokens.
#ifndef SITREP_TAG_ACRONYMS_H_
#define SITREP_TAG_ACRONYMS_H_

#include "core/document.h"

namespace sitrep::tag {

// Adds entity mentions to doc.entities (kept ordered, non-overlapping).
void TagDefinedAcronyms(Document& doc);

}  // namespace sitrep::tag

#endif  // SITREP_TAG_ACRONYMS_H_
