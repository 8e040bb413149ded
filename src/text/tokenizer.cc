// Tokenizer: a single left-to-right scan. ASCII bytes are classified through a
// table; other code points through a switch for common punctuation and
// u_charType for the rest. A word is scanned greedily and decides at each
// connector (. - ' ’ , : / &) whether the token goes on, by looking at the
// characters on both sides. Nothing is allocated per token.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "text/text.h"

namespace sitrep::text {
namespace {

#include "text/abbreviations.inc"

template <typename T, size_t N, typename Less>
constexpr std::array<T, N> SortedArray(const T (&list)[N], Less less) {
  std::array<T, N> a{};
  for (size_t i = 0; i < N; ++i) a[i] = list[i];
  std::sort(a.begin(), a.end(), less);
  return a;
}

constexpr auto kAbbreviations = SortedArray(
    kAbbreviationList,
    [](const AbbrevEntry& a, const AbbrevEntry& b) { return a.word < b.word; });
static_assert(std::adjacent_find(kAbbreviations.begin(), kAbbreviations.end(),
                                 [](const AbbrevEntry& a,
                                    const AbbrevEntry& b) {
                                   return a.word == b.word;
                                 }) == kAbbreviations.end(),
              "duplicate entry in abbreviations.inc");

// Pre-filter for LookupAbbreviation: bit `len` of kAbbrevShapes[first byte]
// is set when some entry has that first byte and length. Most words followed
// by a period ("said.") are rejected here without a search.
constexpr size_t kMaxAbbrevLen = 15;
constexpr std::array<uint16_t, 128> kAbbrevShapes = [] {
  std::array<uint16_t, 128> t{};
  for (const AbbrevEntry& e : kAbbreviationList) {
    t[static_cast<unsigned char>(e.word[0]) & 0x7F] |=
        static_cast<uint16_t>(1u << e.word.size());
  }
  return t;
}();
static_assert(
    [] {
      for (const AbbrevEntry& e : kAbbreviationList) {
        if (e.word.size() > kMaxAbbrevLen || e.word.empty() ||
            static_cast<unsigned char>(e.word[0]) >= 0x80) {
          return false;
        }
      }
      return true;
    }(),
    "abbreviations must be ASCII-initial and at most 15 bytes");

constexpr auto kViewLess = [](std::string_view a, std::string_view b) {
  return a < b;
};
constexpr auto kViewEq = [](std::string_view a, std::string_view b) {
  return a == b;
};
constexpr auto kSentenceStarters = SortedArray(kSentenceStarterList, kViewLess);
static_assert(std::adjacent_find(kSentenceStarters.begin(),
                                 kSentenceStarters.end(),
                                 kViewEq) == kSentenceStarters.end(),
              "duplicate sentence starter in abbreviations.inc");
constexpr auto kConnectors = SortedArray(kConnectorList, kViewLess);
static_assert(std::adjacent_find(kConnectors.begin(), kConnectors.end(),
                                 kViewEq) == kConnectors.end(),
              "duplicate connector in abbreviations.inc");

template <size_t N>
bool Contains(const std::array<std::string_view, N>& sorted,
              std::string_view w) {
  return std::binary_search(sorted.begin(), sorted.end(), w);
}

// Character classes. Word characters come first (IsWordCls).
enum Cls : uint8_t {
  kCUpper,      // Lu Lt
  kCLower,      // Ll Lm
  kCCaseless,   // Lo
  kCOtherWord,  // Nl No, joiners, soft hyphen
  kCMark,       // Mn Mc Me
  kCDigit,      // Nd
  kCSpace,
  kCNewline,
  kCPeriod,
  kCComma,
  kCColon,
  kCSemicolon,
  kCHyphen,  // - U+2010 U+2011
  kCDash,    // – — ‒ ― − and other Pd
  kCApos,    // '
  kCRsquo,   // ’
  kCDquote,  // "
  kCOpenQuote,
  kCCloseQuote,
  kCOpenBracket,
  kCCloseBracket,
  kCTerminal,  // ! ?
  kCEllipsis,  // …
  kCSlash,
  kCAmp,
  kCAt,
  kCHash,
  kCCurrency,
  kCPercent,
  kCPlus,
  kCSymbol,
  kCPunct,
  kCInvalid,
};

constexpr bool IsWordCls(Cls c) { return c <= kCDigit; }
constexpr bool IsLetterCls(Cls c) { return c <= kCMark; }

constexpr std::array<Cls, 128> kAsciiCls = [] {
  std::array<Cls, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kCSymbol;
  for (int c = 0; c < 0x20; ++c) t[c] = kCSpace;  // controls act as spaces
  t[0x7F] = kCSpace;
  t[' '] = kCSpace;
  t['\n'] = kCNewline;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kCUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kCLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kCDigit;
  t['.'] = kCPeriod;
  t[','] = kCComma;
  t[':'] = kCColon;
  t[';'] = kCSemicolon;
  t['-'] = kCHyphen;
  t['\''] = kCApos;
  t['"'] = kCDquote;
  t['`'] = kCOpenQuote;
  t['('] = kCOpenBracket;
  t['['] = kCOpenBracket;
  t['{'] = kCOpenBracket;
  t[')'] = kCCloseBracket;
  t[']'] = kCCloseBracket;
  t['}'] = kCCloseBracket;
  t['!'] = kCTerminal;
  t['?'] = kCTerminal;
  t['/'] = kCSlash;
  t['&'] = kCAmp;
  t['@'] = kCAt;
  t['#'] = kCHash;
  t['$'] = kCCurrency;
  t['%'] = kCPercent;
  t['+'] = kCPlus;
  return t;
}();

// 1 for ASCII bytes that are word characters (letters, digits).
constexpr std::array<uint8_t, 256> kAsciiWord = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = IsWordCls(kAsciiCls[c]) ? 1 : 0;
  return t;
}();

// 1 for bytes allowed inside a URL (RFC 3986 unreserved + reserved + %).
constexpr std::array<uint8_t, 256> kUrlByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiWord[c];
  for (char c : std::string_view("-._~:/?#[]@!$&'()*+,;=%")) {
    t[static_cast<unsigned char>(c)] = 1;
  }
  return t;
}();

// 1 for bytes of an e-mail local part.
constexpr std::array<uint8_t, 256> kEmailLocal = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiWord[c];
  for (char c : std::string_view("._%+-")) t[static_cast<unsigned char>(c)] = 1;
  return t;
}();

constexpr bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlpha(unsigned char c) {
  return IsAsciiUpper(c) || IsAsciiLower(c);
}
constexpr unsigned char AsciiLower(unsigned char c) {
  return IsAsciiUpper(c) ? c + 32 : c;
}

Cls ClassifyNonAscii(char32_t cp) {
  switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x180E:
    case 0x200B:
    case 0x202F:
    case 0x205F:
    case 0x2060:
    case 0x3000:
    case 0xFEFF:
      return kCSpace;
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return kCNewline;
    case 0x2018:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x2039:
      return kCOpenQuote;
    case 0x2019:
      return kCRsquo;
    case 0x201D:
    case 0x00BB:
    case 0x203A:
      return kCCloseQuote;
    case 0x2010:
    case 0x2011:
      return kCHyphen;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return kCDash;
    case 0x2026:
      return kCEllipsis;
    case 0x00AD:
    case 0x200C:
    case 0x200D:
      return kCOtherWord;
    case 0x00A3:
    case 0x00A5:
    case 0x20AC:
      return kCCurrency;
    case 0xFFFD:
      return kCSymbol;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return kCSpace;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return kCUpper;
    case U_LOWERCASE_LETTER:
    case U_MODIFIER_LETTER:
      return kCLower;
    case U_OTHER_LETTER:
      return kCCaseless;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return kCMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return kCDigit;
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return kCOtherWord;
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
      return kCSpace;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return kCNewline;
    case U_START_PUNCTUATION:
      return kCOpenBracket;
    case U_END_PUNCTUATION:
      return kCCloseBracket;
    case U_INITIAL_PUNCTUATION:
      return kCOpenQuote;
    case U_FINAL_PUNCTUATION:
      return kCCloseQuote;
    case U_DASH_PUNCTUATION:
      return kCDash;
    case U_CURRENCY_SYMBOL:
      return kCCurrency;
    case U_OTHER_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
      return kCPunct;
    default:
      return kCSymbol;
  }
}

struct CharInfo {
  Cls cls;
  uint8_t len;
};

inline CharInfo Peek(std::string_view t, size_t p) {
  const auto b = static_cast<unsigned char>(t[p]);
  if (b < 0x80) return {kAsciiCls[b], 1};
  char32_t cp;
  const auto len = static_cast<uint8_t>(DecodeUtf8(t, p, &cp));
  if (cp == kBadCodePoint) return {kCInvalid, len};
  return {ClassifyNonAscii(cp), len};
}

// Result of scanning one word-like token.
struct WordScan {
  size_t end = 0;
  size_t clitic_end = 0;       // > end when a clitic token follows
  bool abbrev = false;         // ends with an abbreviation period
  bool inner_period = false;   // has a period between word characters
  bool hyphen_letter = false;  // has a hyphen followed by a letter
};

bool IsClitic(std::string_view w) {
  if (w.size() > 2) return false;
  char a = static_cast<char>(AsciiLower(static_cast<unsigned char>(w[0])));
  if (w.size() == 1) return a == 's' || a == 'm' || a == 'd';
  char b = static_cast<char>(AsciiLower(static_cast<unsigned char>(w[1])));
  return (a == 'l' && b == 'l') || (a == 'r' && b == 'e') ||
         (a == 'v' && b == 'e');
}

bool IsTld(std::string_view label) {
  static constexpr std::string_view kTlds[] = {
      "au",   "ca",  "cn", "com", "de",  "edu", "eu",  "fr", "gov",
      "info", "int", "io", "jp",  "mil", "net", "org", "ru", "uk"};
  if (label.size() < 2 || label.size() > 4) return false;
  char buf[4];
  for (size_t i = 0; i < label.size(); ++i) {
    buf[i] =
        static_cast<char>(AsciiLower(static_cast<unsigned char>(label[i])));
  }
  return std::binary_search(std::begin(kTlds), std::end(kTlds),
                            std::string_view(buf, label.size()));
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>* out)
      : t_(text),
        s_(reinterpret_cast<const unsigned char*>(text.data())),
        n_(text.size()),
        out_(out) {}

  void Run() {
    out_->reserve(out_->size() + n_ / 5 + 16);
    size_t p = 0;
    while (p < n_) {
      const CharInfo c = Peek(t_, p);
      if (c.cls == kCSpace || c.cls == kCNewline) {
        p = Space(p);
      } else {
        p = Next(p, c);
      }
    }
  }

 private:
  CharInfo At(size_t p) const { return Peek(t_, p); }
  bool WordAt(size_t p) const { return p < n_ && IsWordCls(At(p).cls); }
  bool LetterAt(size_t p) const { return p < n_ && IsLetterCls(At(p).cls); }
  bool DigitAt(size_t p) const { return p < n_ && IsAsciiDigit(s_[p]); }

  void Emit(size_t b, size_t e, uint8_t kind, uint8_t flags, Cls first) {
    flags |= pending_;
    if (first == kCUpper) flags |= kCapitalized;
    if (first == kCCaseless) flags |= kCaseless;
    out_->push_back(
        Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), kind, flags});
    pending_ = 0;
  }

  // Emits [b, e) and returns e. Openers leave the boundary state on.
  size_t Single(size_t b, size_t e, uint8_t kind, Cls first = kCPunct) {
    Emit(b, e, kind, 0, first);
    boundary_ = kind == kOpenQuote || kind == kOpenBracket;
    return e;
  }

  size_t Space(size_t p) {
    int newlines = 0;
    const unsigned char* const s = s_;
    const size_t n = n_;
    while (p < n) {
      if (s[p] == ' ') {
        ++p;
        continue;
      }
      const CharInfo c = At(p);
      if (c.cls == kCSpace) {
        p += c.len;
      } else if (c.cls == kCNewline) {
        // U+2029 PARAGRAPH SEPARATOR counts as a blank line.
        newlines += c.len == 3 && s_[p + 2] == 0xA9 ? 2 : 1;
        p += c.len;
      } else {
        break;
      }
    }
    pending_ = kSpaceBefore;
    if (newlines >= 1) pending_ |= kNewlineBefore;
    if (newlines >= 2) pending_ |= kParagraphBefore;
    boundary_ = true;
    return p;
  }

  size_t Next(size_t p, CharInfo c) {
    const unsigned char b = s_[p];
    switch (c.cls) {
      case kCUpper:
      case kCLower:
      case kCCaseless:
      case kCOtherWord:
      case kCMark:
      case kCDigit:
        return Word(p, c.cls);
      case kCPeriod: {
        size_t q = p + 1;
        while (q < n_ && s_[q] == '.') ++q;
        if (q - p >= 2) return Single(p, q, kPunct);  // .. ... ....
        if (boundary_ && DigitAt(p + 1)) return Number(p, p + 1);  // .5
        return Single(p, p + 1, kPunct);
      }
      case kCHyphen: {
        if (b == '-') {
          size_t q = p + 1;
          while (q < n_ && s_[q] == '-') ++q;
          if (q - p >= 2) return Single(p, q, kPunct);  // -- ---
        }
        if (boundary_ && b == '-' && DigitAt(p + 1)) return Number(p, p + 1);
        return Single(p, p + c.len, kPunct);
      }
      case kCDash:
        // U+2212 MINUS SIGN before a digit is a sign.
        if (boundary_ && c.len == 3 && b == 0xE2 && s_[p + 1] == 0x88 &&
            s_[p + 2] == 0x92 && DigitAt(p + 3)) {
          return Number(p, p + 3);
        }
        return Single(p, p + c.len, kPunct);
      case kCPlus:
        if (boundary_ && DigitAt(p + 1)) return Number(p, p + 1);
        return Symbol(p, 1);
      case kCApos:
      case kCRsquo:
      case kCDquote:
        return Single(p, p + c.len, boundary_ ? kOpenQuote : kCloseQuote);
      case kCOpenQuote:
        return Single(p, p + c.len, kOpenQuote);
      case kCCloseQuote:
        return Single(p, p + c.len, kCloseQuote);
      case kCOpenBracket:
        return Single(p, p + c.len, kOpenBracket);
      case kCCloseBracket:
        return Single(p, p + c.len, kCloseBracket);
      case kCTerminal: {
        size_t q = p + 1;
        while (q < n_ && (s_[q] == '!' || s_[q] == '?')) ++q;
        return Single(p, q, kPunct);
      }
      case kCHash:
        return Hashtag(p);
      case kCAt:
        return Mention(p);
      case kCCurrency:
      case kCPercent:
      case kCSlash:
      case kCAmp:
      case kCSymbol:
      case kCInvalid:
        return Symbol(p, c.len);
      case kCSpace:
      case kCNewline:  // handled by Run
      case kCEllipsis:
      case kCComma:
      case kCColon:
      case kCSemicolon:
      case kCPunct:
        break;
    }
    return Single(p, p + c.len, kPunct);
  }

  // A symbol token; combining marks and variation selectors stay with it.
  size_t Symbol(size_t p, size_t len) {
    size_t q = p + len;
    while (q < n_ && s_[q] >= 0x80) {
      const CharInfo c = At(q);
      if (c.cls != kCMark) break;
      q += c.len;
    }
    return Single(p, q, kSymbol);
  }

  size_t Hashtag(size_t p) {
    size_t q = p + 1;
    bool letter = false;
    while (q < n_) {
      const CharInfo c = At(q);
      if (c.cls <= kCOtherWord || c.cls == kCMark) {
        letter = true;
      } else if (c.cls != kCDigit && s_[q] != '_') {
        break;
      }
      q += c.len;
    }
    if (!letter) return Symbol(p, 1);
    return Single(p, q, kHashtag);
  }

  size_t Mention(size_t p) {
    size_t q = p + 1;
    if (boundary_) {
      while (q < n_ && (kAsciiWord[s_[q]] || s_[q] == '_')) ++q;
    }
    if (q == p + 1) return Symbol(p, 1);
    return Single(p, q, kMention);
  }

  // A number whose sign or leading period is at p and first digit at d.
  size_t Number(size_t p, size_t d) {
    const WordScan w = ScanWord(d);
    return EmitWord(p, w, w.hyphen_letter ? kWord : kNumber, kCDigit);
  }

  size_t EmitWord(size_t p, const WordScan& w, uint8_t kind, Cls first) {
    Emit(p, w.end, kind, w.abbrev ? kAbbreviation : 0, first);
    boundary_ = false;
    if (w.clitic_end == 0) return w.end;
    Emit(w.end, w.clitic_end, kWord, kClitic, At(w.end).cls);
    return w.clitic_end;
  }

  size_t Word(size_t p, Cls cls) {
    if (p + 4 < n_) {  // cheap pre-check for http:// ftp:// www.
      const unsigned char l0 = AsciiLower(s_[p]);
      const unsigned char l1 = AsciiLower(s_[p + 1]);
      if (((l0 == 'h' || l0 == 'f') && l1 == 't') || (l0 == 'w' && l1 == 'w')) {
        if (const size_t u = MatchUrl(p)) return Single(p, u, kUrl);
      }
    }
    const WordScan w = ScanWord(p);
    if (w.end < n_ && w.clitic_end == 0 &&
        (s_[w.end] == '@' || s_[w.end] == '_' || s_[w.end] == '+')) {
      if (const size_t e = MatchEmail(p)) return Single(p, e, kEmail);
    }
    const bool digit_first = cls == kCDigit;
    if (w.inner_period && !digit_first && w.clitic_end == 0) {
      if (const size_t d = MatchBareDomain(p, w.end)) {
        return Single(p, d, kUrl);
      }
    }
    const uint8_t kind = digit_first && !w.hyphen_letter ? kNumber : kWord;
    return EmitWord(p, w, kind, cls);
  }

  WordScan ScanWord(size_t p) const {
    WordScan w;
    size_t q = p;
    size_t seg = p;   // start of the current hyphen-separated segment
    size_t part = p;  // start of the current period-separated part
    size_t abbrev_end = 0;
    const unsigned char* const s = s_;  // locals: no reloads through `this`
    const size_t n = n_;
    for (;;) {
      for (;;) {
        while (q < n && kAsciiWord[s[q]]) ++q;
        if (q >= n || s[q] < 0x80) break;
        const CharInfo c = At(q);
        if (!IsWordCls(c.cls)) break;
        q += c.len;
      }
      if (q >= n) break;
      const CharInfo c = At(q);
      bool go_on = false;
      switch (c.cls) {
        case kCPeriod:
          if (abbrev_end == q) break;  // "U.S.." — the period is punctuation
          if (WordAt(q + 1)) {
            if (GluedSentence(part, q)) break;
            w.inner_period = true;
            part = ++q;
            go_on = true;
          } else if (q + 1 < n_ && s_[q + 1] == '.') {
            break;  // an ellipsis follows
          } else if (AbbreviationPeriod(p, seg, q)) {
            abbrev_end = ++q;
            part = q;
            go_on = true;
          }
          break;
        case kCHyphen:
          if (WordAt(q + c.len)) {
            w.hyphen_letter |= LetterAt(q + c.len);
            q += c.len;
            seg = part = q;
            go_on = true;
          }
          break;
        case kCApos:
        case kCRsquo: {
          const size_t r = q + c.len;
          if (!LetterAt(r)) break;
          size_t re = r;
          while (re < n_ && LetterAt(re)) re += At(re).len;
          if (!GoesOn(re)) {
            const std::string_view tail = t_.substr(r, re - r);
            if (IsClitic(tail)) {
              w.end = q;
              w.clitic_end = re;
              w.abbrev = abbrev_end == q;
              return w;
            }
            if (tail.size() == 1 && AsciiLower(s_[r]) == 't' && q >= p + 2 &&
                AsciiLower(s_[q - 1]) == 'n') {
              w.end = q - 1;  // do|n't ca|n't
              w.clitic_end = re;
              return w;
            }
          }
          q = re;  // O'Brien, d'Ivoire, rock'n'roll
          go_on = true;
          break;
        }
        case kCComma:  // 3,000 and 1,000,000 (groups of exactly three)
          if (q > p && IsAsciiDigit(s_[p]) && IsAsciiDigit(s_[q - 1]) &&
              q + 3 < n_ && IsAsciiDigit(s_[q + 1]) &&
              IsAsciiDigit(s_[q + 2]) && IsAsciiDigit(s_[q + 3]) &&
              (q + 4 >= n_ || !IsAsciiDigit(s_[q + 4]))) {
            ++q;
            go_on = true;
          }
          break;
        case kCColon:
        case kCSlash:  // 06:02 9/11
          if (q > p && IsAsciiDigit(s_[q - 1]) && DigitAt(q + 1)) {
            ++q;
            go_on = true;
          }
          break;
        case kCAmp:  // AT&T S&P
          if (q > p && IsAsciiUpper(s_[q - 1]) && q + 1 < n_ &&
              IsAsciiUpper(s_[q + 1])) {
            ++q;
            go_on = true;
          }
          break;
        default:
          break;
      }
      if (!go_on) break;
    }
    w.end = q;
    w.abbrev = abbrev_end == q && q > p;
    return w;
  }

  // Whether the word goes on at p (after an apostrophe's letters): another
  // word character, or a hyphen/apostrophe followed by a letter.
  bool GoesOn(size_t p) const {
    if (p >= n_) return false;
    const CharInfo c = At(p);
    if (IsWordCls(c.cls)) return true;
    if (c.cls == kCHyphen || c.cls == kCApos || c.cls == kCRsquo) {
      return LetterAt(p + c.len);
    }
    return false;
  }

  // "said.The": a period glued between a lowercase word and a capitalised
  // one is a missing space, not part of a token.
  bool GluedSentence(size_t part, size_t q) const {
    if (q - part < 2 || q + 2 >= n_) return false;
    if (!IsAsciiUpper(s_[q + 1]) || !IsAsciiLower(s_[q + 2])) return false;
    for (size_t i = part; i < q; ++i) {
      if (!IsAsciiLower(s_[i])) return false;
    }
    return true;
  }

  // The period at q ends the segment [seg, q) of the word starting at p;
  // does it belong to the token?
  bool AbbreviationPeriod(size_t p, size_t seg, size_t q) const {
    const std::string_view word = t_.substr(seg, q + 1 - seg);
    switch (LookupAbbreviation(word)) {
      case AbbrevKind::kNone:
        break;
      case AbbrevKind::kBeforeNumber:
        return NumberFollows(q + 1);
      case AbbrevKind::kGeneral:
        // Capitalised single-period abbreviations double as words and names
        // (Sun. Mass. Dec. Bros. Inc.): at a sentence end the period is the
        // full stop. Dotted forms (Ph.D.) and lowercase ones (etc.) keep it;
        // the sentence splitter ends the sentence after them.
        if (IsAsciiUpper(s_[seg]) && word.find('.') == word.size() - 1) {
          return !SentenceEndsAfter(q + 1);
        }
        return true;
      case AbbrevKind::kTitle:
      case AbbrevKind::kInside:
        return true;
    }
    if (IsDottedAcronym(word)) return true;
    // A single capital is an initial when a name follows; not after a hyphen
    // (Jay-Z. Liberty-X.).
    if (seg != p) return false;
    const bool initial =
        (word.size() == 2 && IsAsciiUpper(s_[seg])) ||
        (s_[seg] >= 0x80 && At(seg).cls == kCUpper && seg + At(seg).len == q);
    return initial && NameFollows(q + 1);
  }

  // Whether a sentence plausibly ends before p: end of text, a line break,
  // an opening quote after a space, or a sentence-starter word.
  bool SentenceEndsAfter(size_t p) const {
    size_t q = p;
    bool newline = false;
    while (q < n_) {
      const CharInfo c = At(q);
      if (c.cls != kCSpace && c.cls != kCNewline) break;
      newline |= c.cls == kCNewline;
      q += c.len;
    }
    if (q >= n_ || newline) return true;
    if (q == p) return false;  // "Inc.)" "Co.,"
    const Cls cls = At(q).cls;
    if (cls == kCOpenQuote || cls == kCDquote) return true;
    if (!IsAsciiUpper(s_[q])) return false;
    size_t r = q + 1;
    while (r < n_ && IsAsciiAlpha(s_[r])) ++r;
    return IsSentenceStarter(t_.substr(q, r - q));
  }

  size_t SkipBlanks(size_t p) const {
    while (p < n_ && (s_[p] == ' ' || s_[p] == '\t')) ++p;
    return p;
  }

  bool NumberFollows(size_t p) const {
    const size_t q = SkipBlanks(p);
    return q > p && DigitAt(q);
  }

  // After an initial: a capitalised word that is not a sentence starter, or
  // another initial ("J. R. R. Tolkien", "George W. Bush").
  bool NameFollows(size_t p) const {
    const size_t q = SkipBlanks(p);
    if (q == p || q >= n_) return false;
    if (s_[q] >= 0x80) return At(q).cls == kCUpper;
    if (!IsAsciiUpper(s_[q])) return false;
    size_t r = q + 1;
    while (r < n_ && IsAsciiAlpha(s_[r])) ++r;
    if (r == q + 1 && r < n_ && s_[r] == '.') return true;
    return !IsSentenceStarter(t_.substr(q, r - q));
  }

  size_t MatchUrl(size_t p) const {
    auto starts = [&](std::string_view prefix) {
      if (n_ - p < prefix.size()) return false;
      for (size_t i = 0; i < prefix.size(); ++i) {
        if (AsciiLower(s_[p + i]) != static_cast<unsigned char>(prefix[i])) {
          return false;
        }
      }
      return true;
    };
    size_t q;
    if (starts("http://")) {
      q = p + 7;
    } else if (starts("https://")) {
      q = p + 8;
    } else if (starts("ftp://")) {
      q = p + 6;
    } else if (starts("www.") && WordAt(p + 4)) {
      q = p + 4;
    } else {
      return 0;
    }
    const size_t e = UrlBody(p, q);
    return e > q ? e : 0;
  }

  // Extends a URL whose body starts at q; trims trailing punctuation.
  size_t UrlBody(size_t p, size_t q) const {
    size_t e = q;
    while (e < n_) {
      if (s_[e] < 0x80) {
        if (!kUrlByte[s_[e]]) break;
        ++e;
      } else {
        const CharInfo c = At(e);
        if (!IsWordCls(c.cls)) break;
        e += c.len;
      }
    }
    // Closers without an opener inside the URL are punctuation around it:
    // "(see http://x.org/a)". Balances are counted once (linear time).
    int parens = 0;
    int brackets = 0;
    for (size_t i = p; i < e; ++i) {
      parens += (s_[i] == '(') - (s_[i] == ')');
      brackets += (s_[i] == '[') - (s_[i] == ']');
    }
    while (e > q) {
      const unsigned char c = s_[e - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
          c == '?' || c == '\'' || c == '*') {
        --e;
      } else if (c == ')' && parens < 0) {
        ++parens;
        --e;
      } else if (c == ']' && brackets < 0) {
        ++brackets;
        --e;
      } else {
        break;
      }
    }
    return e;
  }

  size_t MatchEmail(size_t p) const {
    // RFC 5321 limits (64-byte local part, 255-byte domain) also keep this
    // linear on "a_a_a_..." where every word start would try again.
    constexpr size_t kMaxLocal = 64;
    constexpr size_t kMaxDomain = 255;
    size_t q = p;
    while (q < n_ && q - p <= kMaxLocal && kEmailLocal[s_[q]]) ++q;
    if (q == p || q - p > kMaxLocal || q >= n_ || s_[q] != '@' ||
        s_[q - 1] == '.') {
      return 0;
    }
    const size_t d = q + 1;
    size_t e = d;
    while (e < n_ && e - d <= kMaxDomain &&
           (kAsciiWord[s_[e]] || s_[e] == '-' || s_[e] == '.')) {
      ++e;
    }
    if (e - d > kMaxDomain) return 0;
    while (e > d && (s_[e - 1] == '.' || s_[e - 1] == '-')) --e;
    size_t dot = e;
    while (dot > d && s_[dot - 1] != '.') --dot;
    // dot is one past the last period; need a label before it and a TLD of
    // two or more letters after it.
    if (dot <= d + 1 || e - dot < 2) return 0;
    for (size_t i = dot; i < e; ++i) {
      if (!IsAsciiAlpha(s_[i])) return 0;
    }
    return e;
  }

  // "example.com", "bbc.co.uk/news": ASCII labels ending in a known TLD.
  size_t MatchBareDomain(size_t p, size_t end) const {
    size_t last_dot = 0;
    for (size_t i = p; i < end; ++i) {
      const unsigned char c = s_[i];
      if (c == '.') {
        last_dot = i;
      } else if (!kAsciiWord[c] && c != '-') {
        return 0;
      }
    }
    if (last_dot == 0 || last_dot < p + 2) return 0;  // "e.com" is no domain
    if (!IsTld(t_.substr(last_dot + 1, end - last_dot - 1))) return 0;
    if (end < n_ && s_[end] == '/') return std::max(end, UrlBody(p, end));
    return end;
  }

  std::string_view t_;
  const unsigned char* s_;
  size_t n_;
  std::vector<Token>* out_;
  uint8_t pending_ = 0;   // whitespace flags for the next token
  bool boundary_ = true;  // at text start, after whitespace or an opener
};

}  // namespace

const char* TokenKindName(uint8_t kind) {
  static constexpr const char* kNames[kNumTokenKinds] = {
      "word",       "number",      "punct",        "symbol",
      "url",        "email",       "hashtag",      "mention",
      "open_quote", "close_quote", "open_bracket", "close_bracket"};
  return kind < kNumTokenKinds ? kNames[kind] : "?";
}

AbbrevKind LookupAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > kMaxAbbrevLen) return AbbrevKind::kNone;
  const auto first = static_cast<unsigned char>(word[0]);
  if (first >= 0x80 || (kAbbrevShapes[first] >> word.size() & 1u) == 0) {
    return AbbrevKind::kNone;
  }
  auto it = std::lower_bound(
      kAbbreviations.begin(), kAbbreviations.end(), word,
      [](const AbbrevEntry& e, std::string_view w) { return e.word < w; });
  if (it != kAbbreviations.end() && it->word == word) return it->kind;
  return AbbrevKind::kNone;
}

bool IsDottedAcronym(std::string_view word) {
  if (word.size() < 4 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (!IsAsciiAlpha(static_cast<unsigned char>(word[i])) ||
        word[i + 1] != '.') {
      return false;
    }
  }
  return true;
}

bool IsSentenceStarter(std::string_view word) {
  return Contains(kSentenceStarters, word);
}

bool IsLineContinuationWord(std::string_view word) {
  return Contains(kConnectors, word);
}

void Tokenize(std::string_view text, std::vector<Token>* tokens) {
  Tokenizer(text, tokens).Run();
}

}  // namespace sitrep::text
