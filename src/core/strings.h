// Small byte-level string helpers shared by the stages: ASCII classes and
// case-insensitive comparison, and Unicode-aware whitespace trimming over
// UTF-8. All are pure, allocation-free and thread-safe.
#ifndef SITREP_CORE_STRINGS_H_
#define SITREP_CORE_STRINGS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace sitrep {

constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlpha(char c) {
  return IsAsciiUpper(c) || IsAsciiLower(c);
}
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr char AsciiLower(char c) {
  return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

constexpr bool StartsWithIgnoreCase(std::string_view s,
                                    std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

constexpr bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

// Position of `needle` in `hay` ignoring ASCII case, or npos.
constexpr size_t FindIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return 0;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

// Bytes of whitespace starting at s[i]: ASCII space, tab, CR, LF, VT, FF,
// NBSP, U+2000..U+200B, U+202F, U+205F, U+3000 and the BOM; 0 otherwise.
constexpr size_t SpaceLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    return 1;
  }
  if (c == 0xC2) {
    return (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0)
               ? 2
               : 0;
  }
  if (i + 2 >= s.size()) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  const auto c2 = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return 3;
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
  return 0;
}

// Bytes of whitespace ending at s[end - 1]; 0 when there is none.
constexpr size_t SpaceLengthBefore(std::string_view s, size_t end) {
  if (end >= 1 && SpaceLength(s, end - 1) == 1) return 1;
  if (end >= 2 && SpaceLength(s, end - 2) == 2) return 2;
  if (end >= 3 && SpaceLength(s, end - 3) == 3) return 3;
  return 0;
}

constexpr std::string_view TrimLeft(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    const size_t w = SpaceLength(s, b);
    if (w == 0) break;
    b += w;
  }
  return s.substr(b);
}

constexpr std::string_view TrimRight(std::string_view s) {
  size_t e = s.size();
  while (e > 0) {
    const size_t w = SpaceLengthBefore(s, e);
    if (w == 0) break;
    e -= w;
  }
  return s.substr(0, e);
}

// Trims ASCII and Unicode whitespace (see SpaceLength) from both ends.
constexpr std::string_view Trim(std::string_view s) {
  return TrimRight(TrimLeft(s));
}

// Calls f(line) for each line of `text` ('\n'-separated, a trailing '\r'
// removed); no call for the empty tail after a final newline.
template <typename F>
void ForEachLine(std::string_view text, F&& f) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line);
    start = end + 1;
  }
}

// The fields of `line` between `sep` characters, empty ones included
// ("a\t\tb" -> "a", "", "b").
inline std::vector<std::string_view> SplitFields(std::string_view line,
                                                 char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t p = line.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, p - start));
    start = p + 1;
  }
}

// The space-separated words of a table phrase, empty ones skipped.
inline std::vector<std::string_view> SplitWords(std::string_view phrase) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t j = phrase.find(' ', i);
    if (j == std::string_view::npos) j = phrase.size();
    if (j > i) out.push_back(phrase.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace sitrep

#endif  // SITREP_CORE_STRINGS_H_
