// UTF-8 validation and repair.
//
// Thread-safety: pure functions. Cost: linear, with an ASCII fast path.
#ifndef SITREP_CORE_UTF8_H_
#define SITREP_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sitrep {

inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence starting at s[i] (1..4), or 0 when
// the bytes there are not well-formed (overlong, surrogate, truncated, > U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i);

// Length of the maximal ill-formed subpart starting at s[i] (>= 1), for an
// i where Utf8SequenceLength returned 0: the lead byte plus the continuation
// bytes that were still valid for it. Each subpart becomes one U+FFFD, as the
// Unicode standard (3.9, "U+FFFD substitution of maximal subparts") and the
// WHATWG decoder do.
size_t Utf8InvalidLength(std::string_view s, size_t i);

struct Utf8Report {
  size_t invalid = 0;         // ill-formed sequences replaced
  size_t first_invalid = 0;   // byte offset of the first one (valid if invalid > 0)
  size_t nul = 0;             // NUL bytes seen
  size_t controls = 0;        // other C0 controls except \t \n \r \f, and DEL
};

// Scans without copying.
Utf8Report CheckUtf8(std::string_view s);

// Returns `s` with every ill-formed sequence replaced by U+FFFD (one per
// maximal ill-formed subpart, as the Unicode standard recommends).
std::string RepairUtf8(std::string_view s, Utf8Report* report = nullptr);

}  // namespace sitrep

#endif  // SITREP_CORE_UTF8_H_
