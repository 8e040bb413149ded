// Helpers of the gazetteer build around NormalizePlaceName (gazetteer.h).
#ifndef SITREP_GEO_PLACE_NAMES_H_
#define SITREP_GEO_PLACE_NAMES_H_

#include <string_view>

namespace sitrep::geo {

// An already normalized admin-unit name without its type words
// ("donetsk oblast" → "donetsk", "province of x" → "x", "muhafazat
// karbala" → "karbala"), or an empty view when there is no type word or
// nothing of at least 3 letters would be left. The view points into `n`.
std::string_view StripAdminType(std::string_view n);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_PLACE_NAMES_H_
