// NormalizePlaceName (gazetteer.h): the one key function shared by the
// gazetteer build and every lookup. Single pass over the UTF-8 bytes, no
// allocation beyond the output string, no ICU: a table folds Latin letters
// with diacritics to ASCII; any other script makes the name unusable ("").
#include <cstring>

#include "geo/gazetteer.h"
#include "geo/place_names.h"

namespace sitrep::geo {
namespace {

// Fold tables: two bytes per code point. "\0\0" = not a Latin letter (the
// name is unusable), "\1\0" = dropped without a trace (modifier letters,
// apostrophe-like marks, diacritics on their own), "\2\0" = word separator
// (no-break space, symbols), otherwise one or two lower-case ASCII letters.
// Generated from Unicode decompositions (base letter of the NFD form) plus
// hand-written letters that do not decompose (ß, æ, ø, đ, ł, ı, œ, ə, ...).
// U+00A0..U+02FF, two bytes per code point.
constexpr char kFoldA0[] =
    "\2\0\2\0\2\0\2\0\2\0\2\0\2\0\2\0\1\0\2\0\1\0\2\0\2\0\2\0\2\0\1\0"
    "\2\0\2\0\2\0\2\0\1\0\2\0\2\0\1\0\1\0\2\0\1\0\2\0\2\0\2\0\2\0\2\0"
    "a\0a\0a\0a\0a\0a\0aec\0e\0e\0e\0e\0i\0i\0i\0i\0"
    "d\0n\0o\0o\0o\0o\0o\0\2\0o\0u\0u\0u\0u\0y\0thss"
    "a\0a\0a\0a\0a\0a\0aec\0e\0e\0e\0e\0i\0i\0i\0i\0"
    "d\0n\0o\0o\0o\0o\0o\0\2\0o\0u\0u\0u\0u\0y\0thy\0"
    "a\0a\0a\0a\0a\0a\0c\0c\0c\0c\0c\0c\0c\0c\0d\0d\0"
    "d\0d\0e\0e\0e\0e\0e\0e\0e\0e\0e\0e\0g\0g\0g\0g\0"
    "g\0g\0g\0g\0h\0h\0h\0h\0i\0i\0i\0i\0i\0i\0i\0i\0"
    "i\0i\0ijijj\0j\0k\0k\0k\0l\0l\0l\0l\0l\0l\0l\0"
    "l\0l\0l\0n\0n\0n\0n\0n\0n\0n\0n\0n\0o\0o\0o\0o\0"
    "o\0o\0oeoer\0r\0r\0r\0r\0r\0s\0s\0s\0s\0s\0s\0"
    "s\0s\0t\0t\0t\0t\0t\0t\0u\0u\0u\0u\0u\0u\0u\0u\0"
    "u\0u\0u\0u\0w\0w\0y\0y\0y\0z\0z\0z\0z\0z\0z\0s\0"
    "b\0b\0\0\0\0\0\0\0\0\0o\0c\0c\0d\0d\0\0\0\0\0\0\0e\0e\0"
    "e\0f\0f\0g\0g\0hvi\0i\0k\0k\0l\0\0\0\0\0n\0n\0o\0"
    "o\0o\0oioip\0p\0\0\0\0\0\0\0s\0\0\0t\0t\0t\0t\0u\0"
    "u\0u\0v\0y\0y\0z\0z\0z\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0\0\0\0\0\0\0\0dzdzdzljljljnjnjnja\0a\0i\0"
    "i\0o\0o\0u\0u\0u\0u\0u\0u\0u\0u\0u\0u\0e\0a\0a\0"
    "a\0a\0aeaeg\0g\0g\0g\0k\0k\0o\0o\0o\0o\0z\0z\0"
    "j\0dzdzdzg\0g\0hv\0\0n\0n\0a\0a\0aeaeo\0o\0"
    "a\0a\0a\0a\0e\0e\0e\0e\0i\0i\0i\0i\0o\0o\0o\0o\0"
    "r\0r\0r\0r\0u\0u\0u\0u\0s\0s\0t\0t\0y\0y\0h\0h\0"
    "n\0d\0ououz\0z\0a\0a\0e\0e\0o\0o\0o\0o\0o\0o\0"
    "o\0o\0y\0y\0l\0n\0t\0j\0dbqpa\0c\0c\0l\0t\0s\0"
    "z\0\0\0\0\0b\0u\0\0\0e\0e\0j\0j\0\0\0\0\0r\0r\0y\0y\0"
    "a\0a\0o\0b\0o\0\0\0d\0d\0\0\0e\0\0\0e\0\0\0\0\0\0\0\0\0"
    "g\0g\0\0\0g\0\0\0\0\0h\0\0\0i\0\0\0i\0l\0l\0l\0\0\0\0\0"
    "\0\0m\0n\0n\0\0\0o\0\0\0\0\0\0\0r\0\0\0\0\0\0\0r\0r\0\0\0"
    "r\0\0\0s\0s\0\0\0\0\0\0\0\0\0t\0u\0u\0v\0v\0\0\0\0\0\0\0"
    "z\0z\0z\0\0\0\1\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0j\0\0\0\0\0"
    "\0\0\1\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0"
    "\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0"
    "\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0"
    "\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0"
    "\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0\1\0"
;
// U+1E00..U+1EFF, two bytes per code point.
constexpr char kFold1E[] =
    "a\0a\0b\0b\0b\0b\0b\0b\0c\0c\0d\0d\0d\0d\0d\0d\0"
    "d\0d\0d\0d\0e\0e\0e\0e\0e\0e\0e\0e\0e\0e\0f\0f\0"
    "g\0g\0h\0h\0h\0h\0h\0h\0h\0h\0h\0h\0i\0i\0i\0i\0"
    "k\0k\0k\0k\0k\0k\0l\0l\0l\0l\0l\0l\0l\0l\0m\0m\0"
    "m\0m\0m\0m\0n\0n\0n\0n\0n\0n\0n\0n\0o\0o\0o\0o\0"
    "o\0o\0o\0o\0p\0p\0p\0p\0r\0r\0r\0r\0r\0r\0r\0r\0"
    "s\0s\0s\0s\0s\0s\0s\0s\0s\0s\0t\0t\0t\0t\0t\0t\0"
    "t\0t\0u\0u\0u\0u\0u\0u\0u\0u\0u\0u\0v\0v\0v\0v\0"
    "w\0w\0w\0w\0w\0w\0w\0w\0w\0w\0x\0x\0x\0x\0y\0y\0"
    "z\0z\0z\0z\0z\0z\0h\0t\0w\0y\0a\0s\0s\0s\0ssd\0"
    "a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0"
    "a\0a\0a\0a\0a\0a\0a\0a\0e\0e\0e\0e\0e\0e\0e\0e\0"
    "e\0e\0e\0e\0e\0e\0e\0e\0i\0i\0i\0i\0o\0o\0o\0o\0"
    "o\0o\0o\0o\0o\0o\0o\0o\0o\0o\0o\0o\0o\0o\0o\0o\0"
    "o\0o\0o\0o\0u\0u\0u\0u\0u\0u\0u\0u\0u\0u\0u\0u\0"
    "u\0u\0y\0y\0y\0y\0y\0y\0y\0y\0llllv\0v\0y\0y\0"
;

constexpr unsigned char kAsciiClass[128] = {
    // 0 = separator, 1 = letter/digit (kept), 2 = dropped (apostrophe, period)
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  //
    0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0,  // ' and .
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,  // digits
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  //
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,  //
    2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  // ` dropped
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

// Arabic definite articles (with their sun-letter assimilations), dropped
// when another word follows.
bool IsArticle(const char* p, size_t n) {
  switch (n) {
    case 2: {
      const char a = p[0], b = p[1];
      if (a == 'a') return b == 'l' || b == 'd' || b == 'n' || b == 'r' || b == 's' || b == 't' || b == 'z';
      if (a == 'e') return b == 'l' || b == 'z' || b == 'd' || b == 'r' || b == 's' || b == 't' || b == 'n';
      if (a == 'u') return b == 'l' || b == 'd';
      return false;
    }
    case 3:
      return std::memcmp(p, "ash", 3) == 0 || std::memcmp(p, "esh", 3) == 0 ||
             std::memcmp(p, "adh", 3) == 0 || std::memcmp(p, "ath", 3) == 0;
    default:
      return false;
  }
}

// Decodes one UTF-8 sequence at s[i] (non-ASCII lead byte). Returns the code
// point and advances i, or returns -1 for malformed input.
inline int32_t DecodeUtf8(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len;
  int32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07;
  } else {
    return -1;
  }
  if (i + static_cast<size_t>(len) > s.size()) return -1;
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return -1;
  i += static_cast<size_t>(len);
  return cp;
}

// What a non-ASCII code point becomes: "\0" reject, "\1" drop, "\2"
// separator, else up to two letters (returned via *letters).
inline char ClassifyNonAscii(int32_t cp, const char** letters) {
  const char* e = nullptr;
  if (cp >= 0xA0 && cp < 0x300) {
    e = kFoldA0 + 2 * (cp - 0xA0);
  } else if (cp >= 0x1E00 && cp < 0x1F00) {
    e = kFold1E + 2 * (cp - 0x1E00);
  } else if (cp >= 0x300 && cp < 0x370) {
    return 1;  // combining diacritic (decomposed input)
  } else if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
             cp == 0x3000 || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
    return 2;  // spaces, hyphens and dashes
  } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032 ||
             (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) {
    return 1;  // typographic apostrophes, primes, zero-width characters
  } else if (cp >= 0x2016 && cp <= 0x205E) {
    return 2;  // other general punctuation (quotes, bullets, ellipsis)
  } else {
    return 0;  // another script
  }
  if (e[0] == '\0' || e[0] == '\1' || e[0] == '\2') return e[0];
  *letters = e;
  return 3;
}

}  // namespace

void NormalizePlaceName(std::string_view utf8, std::string& out) {
  out.clear();
  bool in_token = false;
  bool has_letter = false;
  size_t token_begin = 0;
  size_t pending_article = std::string::npos;  // start of a dropped-if-followed article

  auto start_token = [&] {
    if (pending_article != std::string::npos) {
      out.resize(pending_article);  // the article and its trailing space go
      pending_article = std::string::npos;
    } else if (!out.empty()) {
      out.push_back(' ');
    }
    token_begin = out.size();
    in_token = true;
  };
  auto end_token = [&] {
    if (!in_token) return;
    in_token = false;
    const size_t n = out.size() - token_begin;
    const char* p = out.data() + token_begin;
    if (n == 2 && p[0] == 's' && p[1] == 't') {
      out.resize(token_begin);
      out.append("saint", 5);
    } else if (n == 3 && std::memcmp(p, "ste", 3) == 0) {
      out.resize(token_begin);
      out.append("sainte", 6);
    } else if (IsArticle(p, n)) {
      pending_article = token_begin;
    }
  };

  size_t i = 0;
  const size_t size = utf8.size();
  while (i < size) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      ++i;
      const unsigned char k = kAsciiClass[c];
      if (k == 1) {
        if (!in_token) start_token();
        if (c >= 'A' && c <= 'Z') {
          out.push_back(static_cast<char>(c + ('a' - 'A')));
          has_letter = true;
        } else {
          out.push_back(static_cast<char>(c));
          has_letter |= c >= 'a';
        }
      } else if (k == 0) {
        end_token();
      }
      continue;
    }
    const int32_t cp = DecodeUtf8(utf8, i);
    if (cp < 0) {
      out.clear();
      return;
    }
    const char* letters = nullptr;
    switch (ClassifyNonAscii(cp, &letters)) {
      case 0:
        out.clear();
        return;
      case 1:
        break;
      case 2:
        end_token();
        break;
      default:
        if (!in_token) start_token();
        out.push_back(letters[0]);
        if (letters[1] != '\0') out.push_back(letters[1]);
        has_letter = true;
        break;
    }
  }
  end_token();
  if (!has_letter) out.clear();
}

std::string_view StripAdminType(std::string_view n) {
  static constexpr std::string_view kTypeWords[] = {
      "autonomous", "canton", "city", "commune", "county", "department",
      "departamento", "departement", "district", "division", "emirate",
      "governorate", "krai", "kraj", "kray", "muhafazah", "muhafazat",
      "municipality", "oblast", "oblasti", "okrug", "parish", "prefecture",
      "province", "provincia", "raion", "rayon", "region", "regione",
      "republic", "state", "territory", "voivodeship", "wilaya", "wilayah",
      "zone"};
  auto is_type = [](std::string_view w) {
    for (std::string_view t : kTypeWords) {
      if (w == t) return true;
    }
    return false;
  };
  std::string_view s = n;
  bool changed = false;
  // "province of x", "muhafazat karbala", "governorate of x"
  for (;;) {
    const size_t sp = s.find(' ');
    if (sp == std::string_view::npos || !is_type(s.substr(0, sp))) break;
    s.remove_prefix(sp + 1);
    changed = true;
    if (s.starts_with("of ")) s.remove_prefix(3);
  }
  // "donetsk oblast", "idlib governorate", "x autonomous region"
  for (;;) {
    const size_t sp = s.rfind(' ');
    if (sp == std::string_view::npos || !is_type(s.substr(sp + 1))) break;
    s = s.substr(0, sp);
    changed = true;
  }
  if (s.ends_with(" of")) return {};  // "x of" left over: not a name
  if (!changed || s.size() < 3) return {};
  return s;
}

std::string NormalizePlaceName(std::string_view utf8) {
  std::string out;
  NormalizePlaceName(utf8, out);
  return out;
}

}  // namespace sitrep::geo
