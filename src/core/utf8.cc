#include "core/utf8.h"

namespace sitrep {

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const size_t n = s.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 1 >= n) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 > 0x9F) return 0;   // surrogates
    return cont(i + 1) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 1 >= n) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;   // > U+10FFFF
    return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

size_t Utf8InvalidLength(std::string_view s, size_t i) {
  const size_t n = s.size();
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t need = (c >= 0xC2 && c <= 0xDF)   ? 1
                : (c >= 0xE0 && c <= 0xEF) ? 2
                : (c >= 0xF0 && c <= 0xF4) ? 3
                                           : 0;
  size_t len = 1;
  for (size_t k = 0; k < need && i + len < n; ++k) {
    unsigned char b = static_cast<unsigned char>(s[i + len]);
    unsigned char lo = 0x80, hi = 0xBF;
    if (k == 0) {
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (b < lo || b > hi) break;
    ++len;
  }
  return len;
}

namespace {

template <typename Emit>
Utf8Report Walk(std::string_view s, Emit emit) {
  Utf8Report r;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == 0) {
        ++r.nul;
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
                  c != '\f') ||
                 c == 0x7F) {
        ++r.controls;
      }
      emit(i, 1, true);
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      if (r.invalid == 0) r.first_invalid = i;
      ++r.invalid;
      size_t bad = Utf8InvalidLength(s, i);
      emit(i, bad, false);
      i += bad;
    } else {
      emit(i, len, true);
      i += len;
    }
  }
  return r;
}

}  // namespace

Utf8Report CheckUtf8(std::string_view s) {
  return Walk(s, [](size_t, size_t, bool) {});
}

std::string RepairUtf8(std::string_view s, Utf8Report* report) {
  std::string out;
  out.reserve(s.size());
  Utf8Report r = Walk(s, [&](size_t pos, size_t len, bool ok) {
    if (ok) {
      out.append(s.data() + pos, len);
    } else {
      out.append(kReplacementChar);
    }
  });
  if (report) *report = r;
  return out;
}

}  // namespace sitrep
