// Stable content hashes for document ids (FNV-1a, 64 bit).
//
// Stable across platforms and releases: ids built from it appear in stored
// datasets. Not cryptographic.
#ifndef SITREP_CORE_HASH_H_
#define SITREP_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

inline uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// SplitMix64 finalizer: spreads the bits of a hash (used where FNV-1a
// values index tables).
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// "sha-like" printable id: 16 lower-case hex digits.
inline std::string HexId(uint64_t h) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[h & 15];
    h >>= 4;
  }
  return out;
}

}  // namespace sitrep

#endif  // SITREP_CORE_HASH_H_
