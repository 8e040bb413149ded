// Serialization of the per-document output contract (sitrep.doc/1, see
// ../shared/docs/EVENT-RECORD.md) and of `sitrep extract` lines.
//
// Thread-safety: pure functions. Cost: linear in the record size.
#ifndef SITREP_CORE_RECORD_H_
#define SITREP_CORE_RECORD_H_

#include <string>

#include "core/document.h"

namespace sitrep {

inline constexpr const char* kDocSchema = "sitrep.doc/1";

// Appends one JSON line (with '\n') for `doc` to *out. Events stay empty
// until the event stage exists; `notes` is added only when non-empty.
void AppendDocRecord(const Document& doc, double timing_ms, std::string* out);

// Appends the `sitrep extract` line: {doc_id, status, error?, title,
// published, url, source, text}.
void AppendExtractRecord(const Document& doc, std::string* out);

}  // namespace sitrep

#endif  // SITREP_CORE_RECORD_H_
