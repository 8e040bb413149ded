// The on-disk layout of models/actors.bin, shared by the loader/matcher
// (actors.cc) and the builder (actors_build.cc).
//
// Sections (core/artifact.h container, kind "actors", kActorsFormat):
//   slots     PhraseSlot[s], open addressing from PhraseSlotOf(hash, s),
//             linear probing (wrapping); flags == 0 marks an empty slot;
//             load factor <= 0.8. Proper prefixes of phrases are slots with
//             kSlotPrefix and possibly no codes.
//   codes     CodeRecord[m]; a slot's codes are [first, first + count)
//   strings   UTF-8 pool for codes and names
//   countries CountrySlot[26 * 26]: ISO2 "AB" → ISO3 and name
//   meta      ActorsMeta
#ifndef SITREP_ACTORS_ACTORS_FORMAT_H_
#define SITREP_ACTORS_ACTORS_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/hash.h"

namespace sitrep::actors {

enum SlotFlags : uint8_t {
  kSlotUsed = 1,
  kSlotPrefix = 2,   // a proper prefix of some longer phrase
  kSlotAcronym = 4,  // one short token: the text must be upper-case ("IS")
};

struct PhraseSlot {
  uint64_t hash;
  uint32_t first;
  uint16_t count;
  uint8_t flags;
  uint8_t words;
};
static_assert(sizeof(PhraseSlot) == 16);

struct CodeRecord {
  uint32_t code_offset;
  uint32_t name_offset;
  int32_t from;  // YYYYMMDD inclusive; 0 = open
  int32_t to;    // YYYYMMDD inclusive; 99999999 = open
  uint16_t code_length;
  uint16_t name_length;
  uint8_t kind;    // EntryKind
  uint8_t sector;  // Sector
  uint8_t reserved[2];
  char country[4];  // ISO3, NUL-padded; "\0" when none
  uint32_t reserved2;
};
static_assert(sizeof(CodeRecord) == 32);

struct CountrySlot {
  char iso3[4];
  uint32_t name_offset;
  uint32_t name_length;
};
static_assert(sizeof(CountrySlot) == 12);

struct ActorsMeta {
  uint32_t max_words;
  uint32_t phrase_count;  // slots with codes
  uint32_t code_count;
  uint32_t slot_count;
};
static_assert(sizeof(ActorsMeta) == 16);

inline constexpr int32_t kOpenFrom = 0;
inline constexpr int32_t kOpenTo = 99999999;
inline constexpr uint32_t kMaxPhraseWords = 16;

// Hash of one token after normalization: ASCII lower-cased, '.' and
// apostrophes (' and U+2019) dropped ("U.S." → "us"). Hyphens are kept, as
// the tokenizer keeps hyphenated words whole.
inline uint64_t TokenHash(std::string_view raw) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '.' || c == '\'') continue;
    if (c == 0xE2 && i + 2 < raw.size() &&
        static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        static_cast<unsigned char>(raw[i + 2]) == 0x99) {
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    h ^= c;
    h *= 1099511628211ULL;
  }
  return Mix64(h);
}

inline constexpr uint64_t kPhraseSeed = 0x5172657061637431ULL;

// Hash of a phrase extended by one more token.
inline uint64_t ExtendPhraseHash(uint64_t h, uint64_t token_hash) {
  return Mix64(h ^ (token_hash + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2)));
}

inline size_t PhraseSlotOf(uint64_t hash, size_t slots) {
  return static_cast<size_t>(((hash >> 32) * static_cast<uint64_t>(slots)) >>
                             32);
}

}  // namespace sitrep::actors

#endif  // SITREP_ACTORS_ACTORS_FORMAT_H_
