// The embedded gazetteer: countries, continents, admin1/admin2 units,
// populated places, airports and air bases, compiled by
// `sitrep build gazetteer` from ../shared/data/geo (GeoNames, world-countries,
// OurAirports, ...) plus the sourced tables in data/geo/ into one artifact
// (core/artifact.h, kind "gazetteer"), memory-mapped at run time.
//
// Lookup is by normalized name (NormalizePlaceName): every name, ASCII name
// and filtered alternate name of a place, and every demonym/adjective of a
// country, maps to a candidate list ordered by descending prior (country >
// admin1 > city by population ...). Names are keyed by their 64-bit hash;
// candidate lists and place records are read in place from the mapping.
//
// Thread-safety: immutable after Load; concurrent lookups are safe.
// Cost: Load maps and checksums the file (tens of ms); Lookup is one hash
// probe; NormalizePlaceName is linear in the name.
#ifndef SITREP_GEO_GAZETTEER_H_
#define SITREP_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/artifact.h"
#include "core/status.h"

namespace sitrep::geo {

inline constexpr uint32_t kGazetteerFormat = 1;
inline constexpr uint32_t kNoPlace = 0xFFFFFFFFu;

// What a place record is. Stored as uint8_t.
enum PlaceClass : uint8_t {
  kPlaceContinent,
  kPlaceCountry,
  kPlaceAdmin1,
  kPlaceAdmin2,
  kPlaceCity,     // GeoNames feature class P
  kPlaceAirport,  // airports and air bases
  kPlaceRegion,   // other named regions from data/geo tables
  kPlaceClassCount
};
inline constexpr const char* kPlaceClassNames[kPlaceClassCount] = {
    "continent", "country", "admin1", "admin2", "city", "airport", "region"};

// One place, stored as a fixed-size POD array in the artifact.
struct PlaceRecord {
  uint32_t geonames_id;  // 0 when the place has none (e.g. an airport)
  float lat;
  float lon;
  uint32_t population;   // 0 when unknown
  uint32_t name_offset;  // preferred English name in the string pool
  uint32_t admin1;       // index of the admin1 record, or kNoPlace
  uint32_t country_index;  // index of the country record, or kNoPlace
  uint16_t name_length;
  uint8_t place_class;     // PlaceClass
  uint8_t flags;           // reserved, 0
  char country[2];         // ISO 3166-1 alpha-2, "\0\0" when none
  char feature_class;      // GeoNames class letter (A, P, S, L, ...)
  char feature_code[5];    // GeoNames code, NUL-padded ("PPLA", "ADM1", "AIRB")
};
static_assert(sizeof(PlaceRecord) == 40);

// How a name matched a place. Bit set per candidate.
enum NameMatch : uint8_t {
  kMatchPrimary = 1,    // the place's own name or ASCII name
  kMatchAlternate = 2,  // a GeoNames alternate name / alt spelling
  kMatchDemonym = 4,    // a country's adjective or demonym ("Syrian")
  kMatchAbbrev = 8,     // an abbreviation or code ("U.S.", "UK", "DRC")
  kMatchNoType = 16,    // an admin name with its type word removed
                        // ("Donetsk" for "Donetsk Oblast")
};

struct Candidate {
  uint32_t place;  // index into the place records
  uint8_t match;   // NameMatch bits
  uint8_t pad[3];
};
static_assert(sizeof(Candidate) == 8);

// Lower-case, ASCII-folded (diacritics removed: "Ḩamāh" → "hamah"), with
// apostrophes and periods removed ("U.S." → "us"), hyphens and runs of
// spaces turned into one space, and Arabic articles al/el/ad/an/ar/as/ash/
// at/az/ad- dropped when followed by another word ("Deir al-Zor",
// "Deir ez-Zor" → "deir zor"; "Dayr az Zawr" → "dayr zawr"). "St." and
// "Saint" → "saint". Returns "" for a name with no letters.
std::string NormalizePlaceName(std::string_view utf8);
// The same into `out` (cleared first), for hot loops.
void NormalizePlaceName(std::string_view utf8, std::string& out);

class Gazetteer {
 public:
  // Opens and validates the artifact; errors name the file and say
  // "run 'sitrep build gazetteer'".
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);

  // Candidates for an already normalized name, best prior first; empty when
  // unknown.
  std::span<const Candidate> Lookup(std::string_view normalized) const;

  const PlaceRecord& place(uint32_t index) const { return places_[index]; }
  std::string_view Name(uint32_t index) const;
  size_t size() const { return places_.size(); }
  // Index of a country record by ISO2 ("SY"), or kNoPlace.
  uint32_t CountryIndex(std::string_view iso2) const;
  // Longest name in words, to bound n-gram lookups.
  int max_name_words() const { return max_name_words_; }
  const ArtifactProvenance& provenance() const;

  ~Gazetteer();

 private:
  Gazetteer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::span<const PlaceRecord> places_;
  int max_name_words_ = 0;
};

struct GazetteerBuildOptions {
  std::string geo_dir = "../shared/data/geo";  // GeoNames, names/, airports/
  std::string tables_dir = "data/geo";         // repo's sourced tables
  std::string output = "models/gazetteer.bin";
  std::string command = "sitrep build gazetteer";
};

// Builds the artifact deterministically (same inputs → same bytes).
Status BuildGazetteer(const GazetteerBuildOptions& options);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_H_
