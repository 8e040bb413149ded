// The on-disk layout of models/gazetteer.bin beyond what gazetteer.h shows,
// shared by the loader (gazetteer.cc) and the builder (gazetteer_build.cc).
//
// Sections (core/artifact.h container, kind "gazetteer", kGazetteerFormat):
//   places      PlaceRecord[n]
//   strings     UTF-8 name pool (PlaceRecord::name_offset/name_length)
//   index       NameSlot[s], open addressing from NameSlotOf(hash, s),
//               linear probing (wrapping) on NameKeyHash(normalized name);
//               count == 0 marks an empty slot; load factor <= 0.8
//   candidates  Candidate[m]; a slot's list is [offset, offset + count)
//   countries   uint32[26 * 26]: ISO2 "AB" → place index, or kNoPlace
//   meta        GazetteerMeta
#ifndef SITREP_GEO_GAZETTEER_FORMAT_H_
#define SITREP_GEO_GAZETTEER_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/hash.h"

namespace sitrep::geo {

struct NameSlot {
  uint64_t hash;
  uint32_t offset;
  uint32_t count;
};
static_assert(sizeof(NameSlot) == 16);

struct GazetteerMeta {
  uint32_t max_name_words;
  uint32_t place_count;
  uint32_t name_count;       // distinct normalized names
  uint32_t candidate_count;
};
static_assert(sizeof(GazetteerMeta) == 16);

inline uint64_t NameKeyHash(std::string_view normalized) {
  return Mix64(Fnv1a64(normalized));
}

// Home slot of a hash in a table of `slots` (< 2^32) entries: multiply-shift
// range reduction of the top 32 bits, so the size need not be a power of two.
inline size_t NameSlotOf(uint64_t hash, size_t slots) {
  return static_cast<size_t>(((hash >> 32) * static_cast<uint64_t>(slots)) >> 32);
}

inline constexpr const char* kGazetteerRebuild = "sitrep build gazetteer";

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_FORMAT_H_
