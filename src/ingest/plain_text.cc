#include "ingest/plain_text.h"

#include <iterator>
#include <vector>

#include "core/strings.h"
#include "ingest/dates.h"

namespace sitrep::ingest {
namespace {

#include "ingest/furniture_patterns.inc"

// Furniture, bylines and datelines are short; longer lines are body.
constexpr size_t kMaxFurnitureBytes = 300;
constexpr size_t kMaxBylineBytes = 100;
constexpr size_t kMaxDatelineLineBytes = 300;
// A wire dateline ends within this many bytes of the paragraph start.
constexpr size_t kMaxWireBytes = 160;
// "Short line" under a headline (subtitle, standfirst), in code points.
constexpr size_t kMaxShortLineChars = 100;
constexpr size_t kMaxSegments = 8;
// A first line this long with two kSentenceWords is a sentence.
constexpr size_t kMinSentenceWords = 15;

// ------------------------------------------------------------ characters --

bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

template <size_t N>
bool InList(std::string_view w, const std::string_view (&list)[N]) {
  for (const std::string_view& x : list) {
    if (EqualsIgnoreCase(w, x)) return true;
  }
  return false;
}

bool IsBlank(std::string_view line) { return TrimLeft(line).empty(); }

// Code points in s, counting no further than limit + 1.
size_t CodePoints(std::string_view s, size_t limit) {
  size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++n > limit) break;
  }
  return n;
}

// Splits on whitespace into at most max_words words (the last one gets the
// rest of the line if there are more). Returns the number of words found,
// which is max_words + 1 when there were more.
size_t SplitWords(std::string_view s, std::string_view* words,
                  size_t max_words) {
  size_t n = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (const size_t w = SpaceLength(s, i); w > 0) {
      i += w;
      continue;
    }
    const size_t b = i;
    while (i < s.size() && SpaceLength(s, i) == 0) ++i;
    if (n == max_words) return max_words + 1;
    words[n++] = s.substr(b, i - b);
  }
  return n;
}

// Removes trailing punctuation that decorates labels and buttons.
std::string_view StripTrailingMarks(std::string_view s) {
  while (!s.empty()) {
    s = TrimRight(s);
    if (s.empty()) break;
    const char c = s.back();
    if (c == ':' || c == '.' || c == '!' || c == '|' || c == '>') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {
      s.remove_suffix(2);  // »
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xBA") {
      s.remove_suffix(3);  // ›
    } else {
      break;
    }
  }
  return s;
}

// Bytes of a dash separator at s[i]: "-", "--", en/em dash, horizontal bar.
size_t DashAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 == 0x93 || c2 == 0x94 || c2 == 0x95) return 3;
  }
  return 0;
}

// Whether a label or phrase `p` matched at the start of `s` ends at a word
// boundary there.
bool EndsAtBoundary(std::string_view s, std::string_view p) {
  if (s.size() == p.size() || p.empty()) return true;
  const char last = p.back();
  if (!IsAsciiAlpha(last) && !IsAsciiDigit(last)) return true;
  const char next = s[p.size()];
  return !IsAsciiAlpha(next) && !IsAsciiDigit(next);
}

// ------------------------------------------------------------- furniture --

// "Updated 7 years ago", "Last updated: 3 hours ago", "5 mins ago".
bool IsRelativeTime(std::string_view t) {
  std::string_view w[10];
  const size_t n = SplitWords(t, w, 9);
  if (n == 0 || n > 9) return false;
  for (size_t k = 0; k < n; ++k) {
    while (!w[k].empty() &&
           (w[k].back() == ':' || w[k].back() == ',' || w[k].back() == '.')) {
      w[k].remove_suffix(1);
    }
  }
  size_t i = 0;
  for (const std::string_view label : kRelativeLabels) {
    std::string_view lw[3];
    const size_t ln = SplitWords(label, lw, 2);
    if (i + ln > n) continue;
    bool match = true;
    for (size_t k = 0; k < ln; ++k) match &= EqualsIgnoreCase(w[i + k], lw[k]);
    if (match) {
      i += ln;
      break;
    }
  }
  if (i < n && EqualsIgnoreCase(w[i], "on")) ++i;
  if (i + 2 == n && EqualsIgnoreCase(w[i], "just") &&
      EqualsIgnoreCase(w[i + 1], "now")) {
    return true;
  }
  if (i >= n) return false;
  std::string_view unit;
  std::string_view count = w[i];
  size_t digits = 0;
  while (digits < count.size() && IsAsciiDigit(count[digits])) ++digits;
  if (digits > 0 && digits <= 4) {
    unit = count.substr(digits);  // "3h", "7yrs", or "" when spaced
    ++i;
  } else if (digits == 0 && InList(count, kRelativeCounts)) {
    ++i;
  } else {
    return false;
  }
  if (unit.empty()) {
    if (i >= n) return false;
    unit = w[i++];
  }
  if (!InList(unit, kRelativeUnits)) return false;
  return i + 1 == n && EqualsIgnoreCase(w[i], "ago");
}

// "John Moore/Getty Images", "AFP via Getty Images", "© Sputnik / ...",
// "REUTERS/Omar Sanadiki".
bool IsCreditLine(std::string_view t) {
  if (t.size() > 150) return false;
  std::string_view w[14];
  const size_t n = SplitWords(t, w, 12);
  if (n == 0 || n > 12) return false;
  const std::string_view core = StripTrailingMarks(t);
  for (const std::string_view tail : kCreditTails) {
    if (!EndsWithIgnoreCase(core, tail)) continue;
    const std::string_view before = core.substr(0, core.size() - tail.size());
    if (!before.empty() &&
        (IsAsciiAlpha(before.back()) || IsAsciiDigit(before.back()))) {
      continue;  // "...Reuters" inside a longer word
    }
    const std::string_view b = TrimRight(before);
    if (b.empty()) {
      // "Getty Images" alone is a credit; "Reuters" alone may be the end of
      // a wrapped sentence or a source line, so agency names need a '/'.
      if (tail.size() >= 5 && !InList(tail, kNewsAgencies)) return true;
      continue;
    }
    const char last = b.back();
    if (last == '/' || last == '|' || last == ':' ||
        (b.size() >= 2 && b.substr(b.size() - 2) == "\xC2\xA9") ||
        (EndsWithIgnoreCase(b, "via") &&
         (b.size() == 3 || SpaceLengthBefore(b, b.size() - 3) > 0))) {
      return true;
    }
  }
  if (n <= 6) {
    for (const std::string_view tail : kCreditTails) {
      if (StartsWithIgnoreCase(t, tail) && t.size() > tail.size() &&
          t[tail.size()] == '/') {
        return true;
      }
    }
  }
  return false;
}

bool IsFurniture(std::string_view line) {
  const std::string_view t = Trim(line);
  if (t.empty() || t.size() > kMaxFurnitureBytes) return false;

  const std::string_view core = StripTrailingMarks(t);
  if (InList(core, kFurnitureLines)) return true;
  {
    // "12 comments", "1,024 shares".
    std::string_view w[3];
    if (SplitWords(core, w, 2) == 2) {
      bool number = !w[0].empty();
      for (const char c : w[0]) number &= IsAsciiDigit(c) || c == ',';
      if (number && (EqualsIgnoreCase(w[1], "comments") ||
                     EqualsIgnoreCase(w[1], "comment") ||
                     EqualsIgnoreCase(w[1], "shares"))) {
        return true;
      }
    }
  }
  if (IsRelativeTime(t)) return true;

  for (const std::string_view label : kFurnitureLabels) {
    if (!StartsWithIgnoreCase(t, label) || !EndsAtBoundary(t, label)) continue;
    const std::string_view after = t.substr(label.size());
    const std::string_view rest = TrimLeft(after);
    if (rest.empty()) return true;
    if (rest[0] == ':') return true;
    const bool spaced = rest.size() < after.size();
    if (spaced &&
        (rest[0] == '|' || rest[0] == '>' || DashAt(rest, 0) > 0 ||
         rest.starts_with("\xC2\xBB") || rest.starts_with("\xE2\x80\xBA"))) {
      return true;
    }
  }
  for (const std::string_view phrase : kFurniturePhrases) {
    if (StartsWithIgnoreCase(t, phrase) && EndsAtBoundary(t, phrase)) {
      return true;
    }
  }
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
    const std::string_view inner = TrimLeft(t.substr(1, t.size() - 2));
    for (const std::string_view p : kParenFurniture) {
      if (StartsWithIgnoreCase(inner, p) && EndsAtBoundary(inner, p)) {
        return true;
      }
    }
  }
  return IsCreditLine(t);
}

// "By John Smith", "By Anne de la Cruz and Omar Fahmy", "BY REUTERS STAFF".
bool IsByline(std::string_view t) {
  if (t.size() > kMaxBylineBytes || !StartsWithIgnoreCase(t, "by") ||
      t.size() < 4 || SpaceLength(t, 2) == 0) {
    return false;
  }
  std::string_view w[10];
  const size_t n = SplitWords(t.substr(2), w, 8);
  if (n == 0 || n > 8) return false;
  for (size_t k = 0; k < n; ++k) {
    std::string_view word = w[k];
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) {
      word.remove_suffix(1);
    }
    if (word.empty()) continue;
    const char c = word[0];
    if (IsAsciiUpper(c) || IsNonAscii(c)) continue;
    if (k > 0 && InList(word, kBylineParticles)) continue;
    return false;
  }
  // "By Friday." ends a sentence; "By John Smith Jr." does not.
  if (t.back() == '.' && w[n - 1].size() > 4) return false;
  return true;
}

// ------------------------------------------------------------- datelines --

struct DateFound {
  bool found = false;              // a date expression was recognised
  std::optional<std::string> iso;  // set when it has a year and is valid
  bool updated = false;            // labelled as a revision date
};

// One segment of a dateline line: an optional label, then a date, then
// nothing but trailing punctuation.
bool ParseDateSegment(std::string_view seg, DateFound* d) {
  std::string_view rest = seg;
  bool updated = false;
  for (const DateLabel& label : kDateLabels) {
    if (StartsWithIgnoreCase(rest, label.text) &&
        EndsAtBoundary(rest, label.text)) {
      rest = TrimLeft(rest.substr(label.text.size()));
      if (!rest.empty() && rest[0] == ':') rest = TrimLeft(rest.substr(1));
      updated = label.updated;
      break;
    }
  }
  const DateScan scan = ScanDate(rest);
  if (scan.length == 0) return false;
  std::string_view tail = Trim(rest.substr(scan.length));
  while (!tail.empty() &&
         (tail[0] == '.' || tail[0] == ',' || tail[0] == ';')) {
    tail = TrimLeft(tail.substr(1));
  }
  if (!tail.empty()) return false;
  d->found = true;
  d->iso = scan.iso;
  d->updated = updated;
  return true;
}

// Splits a line at separators with whitespace on both sides: " / ", " | ",
// " · ", " • ". Returns the number of segments (at most kMaxSegments; 0 when
// there are more).
size_t SplitSegments(std::string_view t, std::string_view* segs) {
  size_t n = 0;
  size_t start = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    size_t len = 0;
    if (t[i] == '/' || t[i] == '|') {
      len = 1;
    } else if (t.substr(i, 2) == "\xC2\xB7") {
      len = 2;  // ·
    } else if (t.substr(i, 3) == "\xE2\x80\xA2") {
      len = 3;  // •
    }
    if (len == 0 || SpaceLengthBefore(t, i) == 0 || i + len >= t.size() ||
        SpaceLength(t, i + len) == 0) {
      continue;
    }
    if (n + 1 == kMaxSegments) return 0;
    segs[n++] = t.substr(start, i - start);
    start = i + len;
    i += len - 1;
  }
  segs[n++] = t.substr(start);
  return n;
}

// A line that is only a dateline: date segments, possibly with furniture or
// byline segments. *d gets the first date that is not a revision date (or,
// when all are revision dates, found=true and no iso).
bool ParseDatelineLine(std::string_view t, DateFound* d) {
  if (t.empty() || t.size() > kMaxDatelineLineBytes) return false;
  std::string_view segs[kMaxSegments];
  const size_t n = SplitSegments(t, segs);
  if (n == 0) return false;
  DateFound best;
  bool any = false;
  for (size_t k = 0; k < n; ++k) {
    const std::string_view seg = Trim(segs[k]);
    if (seg.empty()) continue;
    DateFound here;
    if (ParseDateSegment(seg, &here)) {
      any = true;
      if (!here.updated && !best.iso.has_value()) best.iso = here.iso;
      continue;
    }
    if (IsFurniture(seg) || IsByline(seg)) continue;
    return false;
  }
  if (!any) return false;
  best.found = true;
  *d = best;
  return true;
}

// A dateline opening a paragraph ("Sep 8 2017 — text", "BEIRUT (AP) — ").
struct ParagraphDateline {
  std::string_view text;   // the prefix through the separator
  std::string_view place;  // wire datelines only
  std::optional<std::string> iso;
};

// "Sep 8 2017 — Syrian forces..."
bool MatchDatePrefix(std::string_view t, ParagraphDateline* out) {
  const DateScan scan = ScanDate(t.substr(0, kMaxWireBytes));
  if (scan.length == 0) return false;
  size_t p = scan.length;
  while (p < t.size() && SpaceLength(t, p) > 0) p += SpaceLength(t, p);
  // Dashes only: "January 9: Airstrikes continue" is a headline.
  const size_t dash = DashAt(t, p);
  if (dash == 0) return false;
  p += dash;
  if (TrimLeft(t.substr(p)).empty()) return false;
  out->text = t.substr(0, p);
  out->place = {};
  out->iso = scan.iso;
  return true;
}

// A place in a wire dateline: 1-5 words of letters, '-', '\'', '.', with a
// capital first letter. *all_caps: no lower-case ASCII letter and at least
// two capitals.
bool IsPlaceName(std::string_view p, bool* all_caps, size_t* letters) {
  if (p.empty() || p.size() > 48) return false;
  if (!IsAsciiUpper(p[0]) && !IsNonAscii(p[0])) return false;
  std::string_view w[7];
  const size_t n = SplitWords(p, w, 5);
  if (n == 0 || n > 5) return false;
  size_t upper = 0, lower = 0;
  for (size_t k = 0; k < n; ++k) {
    bool hyphen = false;
    for (const char c : w[k]) {
      if (IsAsciiUpper(c)) {
        ++upper;
      } else if (IsAsciiLower(c)) {
        ++lower;
      } else if (c == '-' || c == '\'' || c == '.') {
        hyphen |= c == '-';
      } else if (!IsNonAscii(c)) {
        return false;
      }
    }
    const char c0 = w[k][0];
    if (!IsAsciiUpper(c0) && !IsNonAscii(c0) && !hyphen &&
        !(w[k].size() <= 3 && InList(w[k], kBylineParticles))) {
      return false;  // "Syrian forces"
    }
  }
  *all_caps = lower == 0 && upper >= 2;
  *letters = upper + lower;
  return true;
}

bool IsAgency(std::string_view a) {
  a = Trim(a);
  return !a.empty() && a.size() <= 24 && InList(a, kNewsAgencies);
}

// Whether all of s is a date (trailing ',' allowed).
bool WholeDate(std::string_view s, DateScan* scan) {
  *scan = ScanDate(s);
  if (scan->length == 0) return false;
  std::string_view tail = Trim(s.substr(scan->length));
  if (!tail.empty() && tail[0] == ',') tail = TrimLeft(tail.substr(1));
  return tail.empty();
}

// "BEIRUT, Sept 8 (Reuters) - ...", "BEIRUT (AP) — ...", "WASHINGTON, Sept.
// 8, 2017 — ...", "DEIR EZ-ZOR, Syria (Reuters) -", "Beirut (AFP) -",
// "BAGHDAD - ...", "LONDON: ...".
bool MatchWireDateline(std::string_view line, ParagraphDateline* out) {
  const std::string_view zone = line.substr(0, kMaxWireBytes);
  size_t sep_begin = std::string_view::npos, sep_end = 0;
  bool colon = false;
  for (size_t k = 0; k < zone.size(); ++k) {
    const char c = zone[k];
    if (c == '(') {
      const size_t close = zone.find(')', k);
      if (close == std::string_view::npos) return false;
      k = close;
      continue;
    }
    if (c == ':') {
      if (k + 1 >= line.size() || SpaceLength(line, k + 1) > 0) {
        sep_begin = k, sep_end = k + 1, colon = true;
        break;
      }
      continue;
    }
    const size_t dash = DashAt(zone, k);
    if (dash == 0) continue;
    if (dash == 1) {  // a lone '-' separates only with space on both sides
      const bool before = SpaceLengthBefore(zone, k) > 0;
      const bool after = k + 1 >= line.size() || SpaceLength(line, k + 1) > 0;
      if (!before || !after) continue;
    }
    sep_begin = k, sep_end = k + dash;
    break;
  }
  if (sep_begin == std::string_view::npos) return false;

  std::string_view prefix = TrimRight(line.substr(0, sep_begin));
  std::string_view agency;
  if (!prefix.empty() && prefix.back() == ')') {
    const size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return false;
    agency = prefix.substr(open + 1, prefix.size() - open - 2);
    if (!IsAgency(agency)) return false;
    prefix = TrimRight(prefix.substr(0, open));
  }
  if (prefix.empty()) return false;

  const size_t comma = prefix.find(',');
  const std::string_view first = Trim(prefix.substr(0, comma));
  bool all_caps = false;
  size_t letters = 0;
  if (!IsPlaceName(first, &all_caps, &letters) || InList(first, kNotPlaces)) {
    return false;
  }
  std::string_view place = first;
  std::optional<std::string> iso;
  bool dated = false;
  if (comma != std::string_view::npos) {
    const std::string_view rest = TrimLeft(prefix.substr(comma + 1));
    DateScan scan;
    if (WholeDate(rest, &scan)) {
      iso = scan.iso;
      dated = true;
    } else {
      const size_t comma2 = rest.find(',');
      const std::string_view second = Trim(rest.substr(0, comma2));
      bool caps2 = false;
      size_t letters2 = 0;
      if (!IsPlaceName(second, &caps2, &letters2)) return false;
      place =
          prefix.substr(0, static_cast<size_t>(second.data() - prefix.data()) +
                               second.size());
      if (comma2 != std::string_view::npos) {
        if (!WholeDate(TrimLeft(rest.substr(comma2 + 1)), &scan)) return false;
        iso = scan.iso;
        dated = true;
      }
    }
  }
  // A colon ends a dateline only with a date or agency in it ("ISLAMABAD,
  // Sept 8: ..."): "QUESTION: ..." and "SECRETARY KERRY: ..." open
  // transcripts. A dash needs an agency or a place in capitals.
  if (colon ? (agency.empty() && !dated)
            : (agency.empty() && (!all_caps || letters < 4))) {
    return false;
  }
  out->text = TrimRight(line.substr(0, sep_end));
  out->place = place;
  out->iso = std::move(iso);
  return true;
}

// ---------------------------------------------------------------- title --

// "U.S.", "D.C.", "U.N." (two or more groups of 1-2 capitals and a period).
bool IsInitialism(std::string_view w) {
  size_t groups = 0;
  size_t i = 0;
  while (i < w.size()) {
    size_t caps = 0;
    while (i < w.size() && IsAsciiUpper(w[i])) ++i, ++caps;
    if (caps == 0 || caps > 2 || i >= w.size() || w[i] != '.') return false;
    ++i;
    ++groups;
  }
  return groups >= 2;
}

// Strips closing quotes and brackets that may end a headline.
std::string_view StripClosers(std::string_view s) {
  while (true) {
    s = TrimRight(s);
    if (s.empty()) return s;
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x99" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x9D")) {
      s.remove_suffix(3);  // ’ ”
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {
      s.remove_suffix(2);  // »
    } else {
      return s;
    }
  }
}

// A sentence ends inside the line: '?' or '!' then a capital ("...Aleppo?
// Were there..."), or '.' after a lower-case word of 3+ letters then a
// capital ("...agreed. The army..."). "U.S. Strikes", "Gen. Votel" and "St.
// Louis" are not breaks.
bool HasSentenceBreak(std::string_view t) {
  for (size_t i = 1; i + 2 < t.size(); ++i) {
    const char c = t[i];
    if (c != '.' && c != '?' && c != '!') continue;
    if (SpaceLength(t, i + 1) == 0) continue;
    const std::string_view after = TrimLeft(t.substr(i + 1));
    if (after.empty() || !IsAsciiUpper(after[0])) continue;
    if (c != '.') return true;
    size_t b = i;
    while (b > 0 && IsAsciiLower(t[b - 1])) --b;
    if (i - b >= 3 && (b == 0 || !IsAsciiAlpha(t[b - 1]))) return true;
  }
  return false;
}

bool IsAnyDateline(std::string_view t) {
  DateFound d;
  ParagraphDateline p;
  return ParseDatelineLine(t, &d) || MatchWireDateline(t, &p) ||
         MatchDatePrefix(t, &p);
}

// The line itself reads as a headline (position rules are checked apart).
bool ReadsAsHeadline(std::string_view t) {
  if (t.empty() || t.size() > kMaxTitleChars * 4 ||
      CodePoints(t, kMaxTitleChars) > kMaxTitleChars) {
    return false;
  }
  std::string_view w[kMaxTitleWords + 2];
  const size_t n = SplitWords(t, w, kMaxTitleWords);
  if (n < 2 || n > kMaxTitleWords) return false;
  bool letter = false;
  for (const char c : t) letter |= IsAsciiAlpha(c) || IsNonAscii(c);
  if (!letter) return false;
  if (IsFurniture(t) || IsByline(t) || IsAnyDateline(t)) return false;

  if (n >= kMinSentenceWords) {
    size_t function_words = 0;
    for (size_t k = 0; k < n; ++k) {
      std::string_view word = w[k];
      while (!word.empty() && !IsAsciiAlpha(word.back())) word.remove_suffix(1);
      function_words += InList(word, kSentenceWords) ? 1 : 0;
    }
    if (function_words >= 2) return false;
  }

  if (HasSentenceBreak(t)) return false;

  const std::string_view core = StripClosers(t);
  if (core.empty()) return false;
  const char last = core.back();
  if (last == ',' || last == ';' || last == ':') return false;
  if (last != '.') return true;
  if (core.ends_with("...")) return true;
  const size_t space = core.find_last_of(" \t");
  const std::string_view last_word =
      space == std::string_view::npos ? core : core.substr(space + 1);
  return IsInitialism(last_word) || InList(last_word, kTitleAbbreviations);
}

// The line break after `line` looks like a wrap inside a sentence: the line
// ends in a comma, a hyphen or a function word ("...took place on").
bool WrapsIntoNext(std::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  if (last == ',' || last == '-') return true;
  const size_t space = line.find_last_of(" \t");
  const std::string_view last_word =
      space == std::string_view::npos ? line : line.substr(space + 1);
  return InList(last_word, kContinuationWords);
}

// The line break before `line` looks like a wrap: it starts in lower case.
bool ContinuesPrevious(std::string_view line) {
  return !line.empty() && IsAsciiLower(line[0]);
}

// What follows line i makes it a headline rather than the first line of a
// paragraph.
bool FollowedLikeHeadline(const std::vector<std::string_view>& lines,
                          size_t i) {
  size_t j = i + 1;
  if (j >= lines.size()) return false;
  if (IsBlank(lines[j])) {
    while (j < lines.size() && IsBlank(lines[j])) ++j;
    return j < lines.size();  // something follows the blank line(s)
  }
  const std::string_view next = Trim(lines[j]);
  if (IsFurniture(next) || IsByline(next) || IsAnyDateline(next)) return true;
  // A short capitalised line (subtitle, standfirst) under a headline that
  // does not end mid-phrase, as a hard-wrapped paragraph would.
  if (CodePoints(next, kMaxShortLineChars) > kMaxShortLineChars) return false;
  const char c0 = next[0];
  if (!IsAsciiUpper(c0) && !IsAsciiDigit(c0) && !IsNonAscii(c0) && c0 != '"' &&
      c0 != '\'') {
    return false;
  }
  return !WrapsIntoNext(Trim(lines[i]));
}

// ---------------------------------------------------------------- lines --

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\n' && c != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// Equal ignoring ASCII case, runs of whitespace and trailing marks.
bool SameTitle(std::string_view a, std::string_view b) {
  a = StripTrailingMarks(Trim(a));
  b = StripTrailingMarks(Trim(b));
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const size_t sa = SpaceLength(a, i), sb = SpaceLength(b, j);
    if (sa > 0 || sb > 0) {
      if (sa == 0 || sb == 0) return false;
      while (i < a.size() && SpaceLength(a, i) > 0) i += SpaceLength(a, i);
      while (j < b.size() && SpaceLength(b, j) > 0) j += SpaceLength(b, j);
      continue;
    }
    if (AsciiLower(a[i]) != AsciiLower(b[j])) return false;
    ++i, ++j;
  }
  return i == a.size() && j == b.size();
}

}  // namespace

PlainTextParts ParsePlainText(std::string_view text) {
  return ParsePlainText(text, PlainTextOptions());
}

PlainTextParts ParsePlainText(std::string_view text,
                              const PlainTextOptions& options) {
  PlainTextParts out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::vector<std::string_view> lines = SplitLines(text);
  const size_t n = lines.size();
  std::vector<bool> drop(n, false);
  auto next_non_blank = [&](size_t i) {
    while (i < n && IsBlank(lines[i])) ++i;
    return i;
  };

  // Furniture above the title, then the title.
  size_t i = next_non_blank(0);
  for (size_t k = 0; i < n && k < kHeaderLines && IsFurniture(lines[i]); ++k) {
    drop[i] = true;
    i = next_non_blank(i + 1);
  }
  if (i < n) {
    const std::string_view first = Trim(lines[i]);
    const bool is_title =
        options.known_title.has_value()
            ? SameTitle(first, *options.known_title)
            : ReadsAsHeadline(first) && FollowedLikeHeadline(lines, i);
    if (is_title) {
      out.title = std::string(first);
      drop[i] = true;
      i = next_non_blank(i + 1);
    }
  }

  // Header lines: datelines, bylines, furniture, and the start of the first
  // paragraph.
  std::optional<std::string> line_iso, paragraph_iso;
  std::string_view line_text, paragraph_text, first_text;
  bool body_started = false;
  for (size_t k = 0; i < n && k < kHeaderLines;
       ++k, i = next_non_blank(i + 1)) {
    const std::string_view line = Trim(lines[i]);
    // After body text, a date line counts only when it is not one line of
    // a hard-wrapped sentence ("took place on\nSeptember 5, 2017\nnear").
    const bool own_paragraph =
        !body_started ||
        ((i == 0 || drop[i - 1] || !WrapsIntoNext(Trim(lines[i - 1]))) &&
         (i + 1 >= n || !ContinuesPrevious(Trim(lines[i + 1]))));
    DateFound d;
    if (own_paragraph && ParseDatelineLine(line, &d)) {
      drop[i] = true;
      if (first_text.empty()) first_text = line;
      if (d.iso.has_value() && !line_iso.has_value()) {
        line_iso = d.iso;
        line_text = line;
      }
      continue;
    }
    if (IsFurniture(line) || (!body_started && IsByline(line))) {
      drop[i] = true;
      continue;
    }
    if (body_started) continue;
    body_started = true;
    ParagraphDateline p;
    if (MatchWireDateline(line, &p) || MatchDatePrefix(line, &p)) {
      if (first_text.empty()) first_text = p.text;
      out.dateline_place = std::string(p.place);
      if (p.iso.has_value()) {
        paragraph_iso = std::move(p.iso);
        paragraph_text = p.text;
      }
    }
  }
  if (line_iso.has_value()) {
    out.published = std::move(line_iso);
    out.dateline_text = std::string(line_text);
  } else if (paragraph_iso.has_value()) {
    out.published = std::move(paragraph_iso);
    out.dateline_text = std::string(paragraph_text);
  } else {
    out.dateline_text = std::string(first_text);
  }

  // Furniture anywhere in the body.
  for (size_t j = 0; j < n; ++j) {
    if (!drop[j] && IsFurniture(lines[j])) drop[j] = true;
  }

  // Paragraphs.
  out.body.reserve(text.size());
  bool in_paragraph = false;
  for (size_t j = 0; j < n; ++j) {
    if (drop[j]) continue;
    std::string_view line = TrimRight(lines[j]);
    if (TrimLeft(line).empty()) {
      in_paragraph = false;
      continue;
    }
    if (!in_paragraph) {
      if (!out.body.empty()) out.body += "\n\n";
      line = TrimLeft(line);
      in_paragraph = true;
    } else {
      out.body += '\n';
    }
    out.body += line;
  }
  return out;
}

}  // namespace sitrep::ingest
