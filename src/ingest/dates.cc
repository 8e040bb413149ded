#include "ingest/dates.h"

#include <array>
#include <cstdint>
#include <iterator>

#include "core/strings.h"

namespace sitrep::ingest {
namespace {

// ---------------------------------------------------------------- tokens --

enum class TokKind : uint8_t { kNum, kWord, kPunct };

struct Tok {
  TokKind kind = TokKind::kPunct;
  bool space_before = false;  // whitespace between this and the previous one
  char punct = 0;      // kPunct: ASCII char; '-' for any dash or minus sign,
                       // '|' for middle dot and bullet, '?' for anything else
  uint8_t digits = 0;  // kNum: digit count, saturated at 255
  uint32_t begin = 0;
  uint32_t end = 0;
  int64_t value = 0;  // kNum: value, saturated
};

constexpr size_t kMaxTokens = 48;

struct Tokens {
  std::string_view text;
  std::array<Tok, kMaxTokens> tok;
  size_t n = 0;
  bool complete = true;  // every byte of text was tokenized
};

bool IsDigit(char c) { return IsAsciiDigit(c); }
bool IsAlpha(char c) { return IsAsciiAlpha(c); }

// Length of the UTF-8 sequence led by byte c (1 for stray bytes).
size_t Utf8SeqLen(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4) return 4;
  if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
  if (c >= 0xC2) return 2;
  return 1;
}

// Maps a non-ASCII sequence to the punctuation class the grammar knows.
char ClassifyNonAscii(std::string_view seq) {
  if (seq.size() == 3 && static_cast<unsigned char>(seq[0]) == 0xE2) {
    const auto c1 = static_cast<unsigned char>(seq[1]);
    const auto c2 = static_cast<unsigned char>(seq[2]);
    if (c1 == 0x80 && c2 >= 0x90 && c2 <= 0x95) return '-';  // dashes
    if (c1 == 0x88 && c2 == 0x92) return '-';                // minus sign
    if (c1 == 0x80 && c2 == 0xA2) return '|';                // bullet
  }
  if (seq == "\xC2\xB7") return '|';  // middle dot
  return '?';
}

// Tokenizes s (already cut to a bounded length by the caller).
void Tokenize(std::string_view s, Tokens& out) {
  out.text = s;
  out.n = 0;
  out.complete = true;
  size_t i = 0;
  bool space = false;
  while (i < s.size()) {
    if (const size_t w = SpaceLength(s, i); w > 0) {
      space = true;
      i += w;
      continue;
    }
    if (out.n == kMaxTokens) {
      out.complete = false;
      return;
    }
    Tok t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    const char c = s[i];
    if (IsDigit(c)) {
      t.kind = TokKind::kNum;
      int64_t v = 0;
      unsigned digits = 0;
      while (i < s.size() && IsDigit(s[i])) {
        if (v < 1000000000000LL) v = v * 10 + (s[i] - '0');
        if (digits < 255) ++digits;
        ++i;
      }
      t.value = v;
      t.digits = static_cast<uint8_t>(digits);
    } else if (IsAlpha(c)) {
      t.kind = TokKind::kWord;
      while (i < s.size() && IsAlpha(s[i])) ++i;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      t.punct = c;
      ++i;
    } else {
      size_t len = Utf8SeqLen(static_cast<unsigned char>(c));
      if (i + len > s.size()) len = s.size() - i;
      t.punct = ClassifyNonAscii(s.substr(i, len));
      i += len;
    }
    t.end = static_cast<uint32_t>(i);
    out.tok[out.n++] = t;
  }
}

// ---------------------------------------------------------------- tables --

struct NameValue {
  std::string_view name;
  int value;
};

constexpr NameValue kMonths[] = {
    {"january", 1},   {"jan", 1},    {"february", 2},  {"feb", 2},
    {"march", 3},     {"mar", 3},    {"april", 4},     {"apr", 4},
    {"may", 5},       {"june", 6},   {"jun", 6},       {"july", 7},
    {"jul", 7},       {"august", 8}, {"aug", 8},       {"september", 9},
    {"sept", 9},      {"sep", 9},    {"october", 10},  {"oct", 10},
    {"november", 11}, {"nov", 11},   {"december", 12}, {"dec", 12},
};

constexpr std::string_view kMonthNames[] = {
    "",     "January", "February",  "March",   "April",    "May",     "June",
    "July", "August",  "September", "October", "November", "December"};

// 0 = Sunday.
constexpr NameValue kWeekdays[] = {
    {"sunday", 0},   {"sun", 0},  {"monday", 1},   {"mon", 1},
    {"tuesday", 2},  {"tues", 2}, {"tue", 2},      {"wednesday", 3},
    {"weds", 3},     {"wed", 3},  {"thursday", 4}, {"thurs", 4},
    {"thur", 4},     {"thu", 4},  {"friday", 5},   {"fri", 5},
    {"saturday", 6}, {"sat", 6},
};

constexpr std::string_view kWeekdayNames[] = {
    "Sunday",   "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday"};

// Zone abbreviation -> minutes east of UTC. See the table in dates.h.
constexpr NameValue kZones[] = {
    {"UTC", 0},    {"GMT", 0},     {"UT", 0},      {"WET", 0},    {"BST", 60},
    {"WEST", 60},  {"CET", 60},    {"CEST", 120},  {"EET", 120},  {"SAST", 120},
    {"EEST", 180}, {"MSK", 180},   {"TRT", 180},   {"AST", 180},  {"GST", 240},
    {"PKT", 300},  {"IST", 330},   {"ICT", 420},   {"WIB", 420},  {"HKT", 480},
    {"SGT", 480},  {"AWST", 480},  {"JST", 540},   {"KST", 540},  {"AEST", 600},
    {"AEDT", 660}, {"NZST", 720},  {"NZDT", 780},  {"EDT", -240}, {"EST", -300},
    {"CDT", -300}, {"CST", -360},  {"MDT", -360},  {"MST", -420}, {"PDT", -420},
    {"PST", -480}, {"AKDT", -480}, {"AKST", -540}, {"HST", -600},
};

// Generic US zones: standard offset; daylight time is derived from the date.
constexpr NameValue kUsGenericZones[] = {
    {"ET", -300}, {"CT", -360}, {"MT", -420}, {"PT", -480}};

constexpr int kNotFound = -100000;

// Case-insensitive lookup of an alphabetic word (months, weekdays).
int LookupWord(std::string_view word, const NameValue* table, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (EqualsIgnoreCase(word, table[i].name)) return table[i].value;
  }
  return kNotFound;
}

// Exact lookup (zone names).
int Lookup(std::string_view word, const NameValue* table, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (word == table[i].name) return table[i].value;
  }
  return kNotFound;
}

// ------------------------------------------------------------- calendar --

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeap(y)) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// 0 = Sunday.
int Weekday(int y, int m, int d) {
  const int64_t days = DaysFromCivil(y, m, d);
  return static_cast<int>(((days + 4) % 7 + 7) % 7);
}

// Day of month of the n-th (1-based) given weekday in y-m; n = -1: the last.
int NthWeekday(int y, int m, int weekday, int n) {
  if (n > 0) {
    const int first = Weekday(y, m, 1);
    return 1 + (weekday - first + 7) % 7 + 7 * (n - 1);
  }
  const int last_day = DaysInMonth(y, m);
  const int last = Weekday(y, m, last_day);
  return last_day - (last - weekday + 7) % 7;
}

// Whether US daylight saving time is in force at local y-m-d h:00. The hour
// 1:00-2:00 on the last day is read as daylight time.
bool UsDaylightTime(int y, int m, int d, int h) {
  int start_month, start_day, end_month, end_day;
  if (y >= 2007) {
    start_month = 3, start_day = NthWeekday(y, 3, 0, 2);
    end_month = 11, end_day = NthWeekday(y, 11, 0, 1);
  } else if (y >= 1987) {
    start_month = 4, start_day = NthWeekday(y, 4, 0, 1);
    end_month = 10, end_day = NthWeekday(y, 10, 0, -1);
  } else if (y >= 1967) {
    start_month = 4, start_day = NthWeekday(y, 4, 0, -1);
    end_month = 10, end_day = NthWeekday(y, 10, 0, -1);
  } else {
    return false;
  }
  const int now = (m * 100 + d) * 100 + h;
  const int start = (start_month * 100 + start_day) * 100 + 2;
  const int end = (end_month * 100 + end_day) * 100 + 2;
  return now >= start && now < end;
}

// ---------------------------------------------------------------- parser --

constexpr int kUnset = -1;

struct Fields {
  int year = kUnset;
  int month = kUnset;
  int day = kUnset;
  int hour = kUnset;
  int minute = kUnset;
  int second = kUnset;
  int weekday = kUnset;
  int ampm = 0;  // 0 none, 1 AM, 2 PM
  bool has_zone = false;
  int zone_minutes = 0;
  bool us_generic_zone = false;  // zone_minutes is standard time; add DST
  bool ambiguous = false;        // numeric date with unknown D/M order
  int first_number = 0;          // the two numbers of an ambiguous date
  int second_number = 0;
  bool iso = false;  // ISO date form: allows the "T" separator
};

// Recursive-descent parser over at most kMaxTokens tokens. Every rule takes
// the position by reference and advances it only on success; fields written
// by a failed optional rule are discarded by the caller (copy-on-try).
class Parser {
 public:
  explicit Parser(const Tokens& t) : t_(t) {}

  // Returns the number of tokens of the longest date at token 0 (0: none).
  // Sets *time_only when the input starts with a time but has no date.
  size_t Parse(Fields& f, bool* time_only) {
    *time_only = false;
    size_t i = 0;
    // Time first: "6:02 AM ET, Fri September 8, 2017".
    {
      size_t j = 0;
      Fields g = f;
      if (Time(j, g)) {
        if (Punct(j, ',')) ++j;
        if (WordIs(j, "on")) ++j;
        OptionalWeekday(j, g);
        if (!Date(j, g)) {
          *time_only = true;
          return 0;
        }
        f = g;
        return j;
      }
    }
    Fields g = f;
    OptionalWeekday(i, g);
    if (!Date(i, g)) return 0;
    {
      size_t j = i;
      Fields h = g;
      if (TimePart(j, h)) {
        i = j;
        g = h;
      }
    }
    // asctime puts the year after the time: "Fri Sep  8 06:02:00 2017".
    if (g.year == kUnset && g.hour != kUnset) {
      size_t j = i;
      if (Year(j, g)) i = j;
    }
    f = g;
    return i;
  }

 private:
  bool Has(size_t i) const { return i < t_.n; }
  const Tok& At(size_t i) const { return t_.tok[i]; }
  std::string_view Text(size_t i) const {
    return t_.text.substr(At(i).begin, At(i).end - At(i).begin);
  }
  bool Punct(size_t i, char c) const {
    return Has(i) && At(i).kind == TokKind::kPunct && At(i).punct == c;
  }
  bool Attached(size_t i) const { return Has(i) && !At(i).space_before; }
  bool Num(size_t i, int min_digits, int max_digits) const {
    return Has(i) && At(i).kind == TokKind::kNum &&
           At(i).digits >= min_digits && At(i).digits <= max_digits;
  }
  bool Word(size_t i) const { return Has(i) && At(i).kind == TokKind::kWord; }
  bool WordIs(size_t i, std::string_view w) const {
    return Word(i) && EqualsIgnoreCase(Text(i), w);
  }
  int Value(size_t i) const { return static_cast<int>(At(i).value); }

  void OptionalWeekday(size_t& i, Fields& f) {
    if (!Word(i)) return;
    const int wd = LookupWord(Text(i), kWeekdays, std::size(kWeekdays));
    if (wd == kNotFound) return;
    f.weekday = wd;
    ++i;
    if (Punct(i, '.') && Attached(i)) ++i;
    if (Punct(i, ',')) ++i;
  }

  bool Date(size_t& i, Fields& f) {
    return IsoDate(i, f) || NumericDate(i, f) || DayMonth(i, f) ||
           MonthDay(i, f);
  }

  // 2017-09-08, 2017/9/8, 2017.09.08, 20170908.
  bool IsoDate(size_t& i, Fields& f) {
    if (Num(i, 8, 8)) {
      const int v = Value(i);
      f.year = v / 10000, f.month = v / 100 % 100, f.day = v % 100;
      f.iso = true;
      ++i;
      return true;
    }
    if (!Num(i, 4, 4)) return false;
    size_t j = i + 1;
    if (!Has(j) || At(j).kind != TokKind::kPunct || !Attached(j)) return false;
    const char sep = At(j).punct;
    if (sep != '-' && sep != '/' && sep != '.') return false;
    if (!(Num(j + 1, 1, 2) && Attached(j + 1) && Punct(j + 2, sep) &&
          Attached(j + 2) && Num(j + 3, 1, 2) && Attached(j + 3))) {
      return false;
    }
    f.year = Value(i), f.month = Value(j + 1), f.day = Value(j + 3);
    f.iso = true;
    i = j + 4;
    return true;
  }

  // 13/09/2017, 09/13/2017 (also with '-' or '.'): D/M/Y or M/D/Y, decided by
  // which number can only be a day; equal numbers need no decision.
  bool NumericDate(size_t& i, Fields& f) {
    if (!Num(i, 1, 2)) return false;
    size_t j = i + 1;
    if (!Has(j) || At(j).kind != TokKind::kPunct || !Attached(j)) return false;
    const char sep = At(j).punct;
    if (sep != '-' && sep != '/' && sep != '.') return false;
    if (!(Num(j + 1, 1, 2) && Attached(j + 1) && Punct(j + 2, sep) &&
          Attached(j + 2) && Num(j + 3, 4, 4) && Attached(j + 3))) {
      return false;
    }
    const int a = Value(i), b = Value(j + 1);
    f.year = Value(j + 3);
    if (a == b || (a > 12 && b <= 12)) {
      f.day = a, f.month = b;
    } else if (b > 12 && a <= 12) {
      f.month = a, f.day = b;
    } else if (a > 12 && b > 12) {
      f.day = a, f.month = b;  // invalid either way; validation explains
    } else {
      f.ambiguous = true;
      f.first_number = a, f.second_number = b;
    }
    i = j + 4;
    return true;
  }

  // 8, 08, 8th (the suffix attached).
  bool Day(size_t& i, Fields& f) {
    if (!Num(i, 1, 2)) return false;
    f.day = Value(i);
    ++i;
    if (Word(i) && Attached(i)) {
      const std::string_view s = Text(i);
      if (EqualsIgnoreCase(s, "st") || EqualsIgnoreCase(s, "nd") ||
          EqualsIgnoreCase(s, "rd") || EqualsIgnoreCase(s, "th")) {
        ++i;
      }
    }
    return true;
  }

  // September, Sep, Sept, Sep. (the period attached).
  bool MonthName(size_t& i, Fields& f) {
    if (!Word(i)) return false;
    const int m = LookupWord(Text(i), kMonths, std::size(kMonths));
    if (m == kNotFound) return false;
    f.month = m;
    ++i;
    if (Punct(i, '.') && Attached(i)) ++i;
    return true;
  }

  // 2017, optionally after a comma.
  bool Year(size_t& i, Fields& f) {
    size_t j = i;
    if (Punct(j, ',')) ++j;
    if (!Num(j, 4, 4)) return false;
    // "Sep 8 2017abc" or "8 Sep 2017-18" is not a year and a boundary;
    // "Sep 8 2017—text" is.
    if (Has(j + 1) && Attached(j + 1)) {
      const Tok& next = At(j + 1);
      if (next.kind != TokKind::kPunct) return false;
      if ((next.punct == '-' || next.punct == '/') && Num(j + 2, 1, 4) &&
          Attached(j + 2)) {
        return false;
      }
    }
    f.year = Value(j);
    i = j + 1;
    return true;
  }

  // 8 Sep 2017, 8 Sep, 2017, 8th of September 2017, 08-Sep-2017, 8 Sep.
  bool DayMonth(size_t& i, Fields& f) {
    size_t j = i;
    Fields g = f;
    if (!Day(j, g)) return false;
    if (WordIs(j, "of")) ++j;
    const bool hyphenated = Punct(j, '-') && Attached(j);
    if (hyphenated) ++j;
    if (!MonthName(j, g)) return false;
    if (hyphenated) {
      if (!(Punct(j, '-') && Attached(j))) return false;
      ++j;
    }
    Year(j, g);
    f = g;
    i = j;
    return true;
  }

  // September 8, 2017; Sept. 8 2017; Sep 8th, 2017; Sep 8.
  bool MonthDay(size_t& i, Fields& f) {
    size_t j = i;
    Fields g = f;
    if (!MonthName(j, g)) return false;
    if (!Day(j, g)) return false;
    Year(j, g);
    f = g;
    i = j;
    return true;
  }

  // A time after a date, with its connector.
  bool TimePart(size_t& i, Fields& f) {
    size_t j = i;
    if (f.iso && Word(j) && Attached(j) && (Text(j) == "T" || Text(j) == "t")) {
      ++j;
      if (!Attached(j)) return false;
      if (Num(j, 4, 4) || Num(j, 6, 6)) {  // basic format: T0602, T060200
        const int v = Value(j);
        if (At(j).digits == 4) {
          f.hour = v / 100, f.minute = v % 100;
        } else {
          f.hour = v / 10000, f.minute = v / 100 % 100, f.second = v % 100;
        }
        ++j;
        OptionalFraction(j);
        Zone(j, f);
        i = j;
        return true;
      }
      if (!Time(j, f)) return false;
      i = j;
      return true;
    }
    if (Punct(j, ',')) ++j;
    if (WordIs(j, "at") || Punct(j, '@') || Punct(j, '|') ||
        (Punct(j, '-') && Has(j) && At(j).space_before)) {
      ++j;
    }
    if (!Time(j, f)) return false;
    i = j;
    return true;
  }

  void OptionalFraction(size_t& i) {
    if ((Punct(i, '.') || Punct(i, ',')) && Attached(i) && Num(i + 1, 1, 9) &&
        Attached(i + 1)) {
      i += 2;
    }
  }

  // 06:02, 6:02:00.000, 06.02, 6 pm, 6:02 a.m. ET.
  bool Time(size_t& i, Fields& f) {
    if (!Num(i, 1, 2)) return false;
    size_t j = i + 1;
    Fields g = f;
    g.hour = Value(i);
    if (Punct(j, ':') && Attached(j) && Num(j + 1, 2, 2) && Attached(j + 1)) {
      g.minute = Value(j + 1);
      j += 2;
      if (Punct(j, ':') && Attached(j) && Num(j + 1, 2, 2) && Attached(j + 1)) {
        g.second = Value(j + 1);
        j += 2;
        OptionalFraction(j);
      }
    } else if (Punct(j, '.') && Attached(j) && Num(j + 1, 2, 2) &&
               Attached(j + 1) &&
               !(Punct(j + 2, '.') && Attached(j + 2) && Num(j + 3, 1, 4))) {
      g.minute = Value(j + 1);
      j += 2;
    } else {
      g.minute = 0;  // only with AM/PM, checked below
    }
    const bool has_ampm = AmPm(j, g);
    if (!has_ampm && j == i + 1) return false;  // a bare number
    Zone(j, g);
    f = g;
    i = j;
    return true;
  }

  // am, PM, a.m., p.m (the periods attached).
  bool AmPm(size_t& i, Fields& f) {
    if (!Word(i)) return false;
    const std::string_view w = Text(i);
    if (EqualsIgnoreCase(w, "am") || EqualsIgnoreCase(w, "pm")) {
      f.ampm = AsciiLower(w[0]) == 'a' ? 1 : 2;
      ++i;
      if (Punct(i, '.') && Attached(i)) ++i;
      return true;
    }
    if ((EqualsIgnoreCase(w, "a") || EqualsIgnoreCase(w, "p")) &&
        Punct(i + 1, '.') && Attached(i + 1) && WordIs(i + 2, "m") &&
        Attached(i + 2)) {
      f.ampm = AsciiLower(w[0]) == 'a' ? 1 : 2;
      i += 3;
      if (Punct(i, '.') && Attached(i)) ++i;
      return true;
    }
    return false;
  }

  // +0300, +03:00, +3, -05:00 (a '-' needs four digits or HH:MM).
  bool Offset(size_t& i, Fields& f, bool after_name) {
    if (!(Punct(i, '+') || Punct(i, '-'))) return false;
    const bool minus = At(i).punct == '-';
    const bool spaced = At(i).space_before;
    if (after_name && spaced) return false;
    size_t j = i + 1;
    if (!Attached(j)) return false;
    int minutes;
    if (Num(j, 4, 4)) {
      const int v = Value(j);
      minutes = v / 100 * 60 + v % 100;
      if (v % 100 >= 60) minutes = 100000;  // refused by validation
      ++j;
    } else if (Num(j, 1, 2)) {
      minutes = Value(j) * 60;
      ++j;
      if (Punct(j, ':') && Attached(j) && Num(j + 1, 2, 2) && Attached(j + 1)) {
        minutes += Value(j + 1) < 60 ? Value(j + 1) : 100000;
        j += 2;
      } else if (minus && spaced) {
        return false;  // " - 3" is a dash and a number
      }
    } else {
      return false;
    }
    f.has_zone = true;
    f.zone_minutes = minus ? -minutes : minutes;
    i = j;
    return true;
  }

  void Zone(size_t& i, Fields& f) {
    if (Word(i) && Attached(i) && (Text(i) == "Z" || Text(i) == "z")) {
      f.has_zone = true, f.zone_minutes = 0;
      ++i;
      return;
    }
    if (Offset(i, f, /*after_name=*/false)) {
      // A redundant name after the offset: "+0000 (UTC)", "+0000 UTC".
      size_t j = i;
      const bool paren = Punct(j, '(');
      if (paren) ++j;
      if (Word(j) && (Lookup(Text(j), kZones, std::size(kZones)) != kNotFound ||
                      Lookup(Text(j), kUsGenericZones,
                             std::size(kUsGenericZones)) != kNotFound)) {
        ++j;
        if (!paren) {
          i = j;
        } else if (Punct(j, ')')) {
          i = j + 1;
        }
      }
      return;
    }
    size_t j = i;
    const bool paren = Punct(j, '(');
    if (paren) ++j;
    if (!Word(j)) return;
    // Zone names are matched as written in news: upper case only, so that
    // "west" or "wet" after a time stay words.
    const std::string_view w = Text(j);
    Fields g = f;
    g.has_zone = true;
    if (w == "Z" || EqualsIgnoreCase(w, "utc") || EqualsIgnoreCase(w, "gmt")) {
      g.zone_minutes = 0;
    } else if (const int generic =
                   Lookup(w, kUsGenericZones, std::size(kUsGenericZones));
               generic != kNotFound) {
      g.zone_minutes = generic;
      g.us_generic_zone = true;
    } else if (const int fixed = Lookup(w, kZones, std::size(kZones));
               fixed != kNotFound) {
      g.zone_minutes = fixed;
    } else {
      return;
    }
    ++j;
    if (g.zone_minutes == 0 && !g.us_generic_zone) {
      Fields h = g;
      if (Offset(j, h, /*after_name=*/true)) g = h;  // GMT+3, UTC+03:00
    }
    if (paren) {
      if (!Punct(j, ')')) return;
      ++j;
    }
    f = g;
    i = j;
  }

  const Tokens& t_;
};

// ------------------------------------------------------------ validation --

void AppendPadded(std::string& out, int v, int width) {
  char buf[8];
  int n = 0;
  for (int k = 0; k < width; ++k) {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  while (n > 0) out.push_back(buf[--n]);
}

void AppendPart(std::string& out, std::string_view v) { out.append(v); }
void AppendPart(std::string& out, int v) { out.append(std::to_string(v)); }
void AppendPart(std::string& out, size_t v) { out.append(std::to_string(v)); }

// Writes the concatenated parts to *why (when wanted) and returns nullopt.
// Appending part by part also keeps GCC 12's -Wrestrict false positive on
// `"..." + std::string` chains away.
template <typename... Parts>
std::optional<std::string> Fail(std::string* why, const Parts&... parts) {
  if (why != nullptr) {
    why->clear();
    (AppendPart(*why, parts), ...);
  }
  return std::nullopt;
}

// Checks the parsed fields and formats them as ISO 8601.
std::optional<std::string> Finish(const Fields& f,
                                  std::optional<int> reference_year,
                                  std::string_view text, std::string* why) {
  if (f.ambiguous) {
    return Fail(why, "'", text, "' is ambiguous: ", f.first_number, " and ",
                f.second_number, " could each be the day or the month");
  }
  int year = f.year;
  if (year == kUnset) {
    if (!reference_year.has_value()) {
      return Fail(why, "'", text,
                  "' has no year and no reference year was given");
    }
    year = *reference_year;
  }
  if (year < kMinDateYear || year > kMaxDateYear) {
    return Fail(why, "year ", year, " is outside ", kMinDateYear, "-",
                kMaxDateYear);
  }
  if (f.month < 1 || f.month > 12) {
    return Fail(why, "month ", f.month, " does not exist");
  }
  if (f.day < 1 || f.day > DaysInMonth(year, f.month)) {
    return Fail(why, "day ", f.day, " does not exist in ", kMonthNames[f.month],
                " ", year);
  }
  if (f.weekday != kUnset) {
    const int actual = Weekday(year, f.month, f.day);
    if (actual != f.weekday) {
      return Fail(why, kMonthNames[f.month], " ", f.day, ", ", year, " is a ",
                  kWeekdayNames[actual], ", not a ", kWeekdayNames[f.weekday]);
    }
  }
  std::string out;
  out.reserve(25);
  AppendPadded(out, year, 4);
  out.push_back('-');
  AppendPadded(out, f.month, 2);
  out.push_back('-');
  AppendPadded(out, f.day, 2);
  if (f.hour == kUnset) return out;

  int hour = f.hour;
  if (f.ampm != 0) {
    if (hour < 1 || hour > 12) {
      return Fail(why, "hour ", hour, " cannot take ",
                  (f.ampm == 1 ? "AM" : "PM"));
    }
    hour = hour % 12 + (f.ampm == 2 ? 12 : 0);
  }
  if (hour > 23) {
    return Fail(why, "hour ", hour, " does not exist");
  }
  if (f.minute > 59) {
    return Fail(why, "minute ", f.minute, " does not exist");
  }
  // 60 is a leap second, which only ever follows 23:59.
  if (f.second > 60 || (f.second == 60 && !(hour == 23 && f.minute == 59))) {
    return Fail(why, "second ", f.second, " does not exist");
  }
  out.push_back('T');
  AppendPadded(out, hour, 2);
  out.push_back(':');
  AppendPadded(out, f.minute, 2);
  if (f.second != kUnset) {
    out.push_back(':');
    AppendPadded(out, f.second, 2);
  }
  if (!f.has_zone) return out;
  int zone = f.zone_minutes;
  if (zone > 14 * 60 || zone < -14 * 60) {
    return Fail(why, "'", text, "' has a zone offset beyond +/-14:00");
  }
  if (f.us_generic_zone && UsDaylightTime(year, f.month, f.day, hour)) {
    zone += 60;
  }
  if (zone == 0) {
    out.push_back('Z');
    return out;
  }
  out.push_back(zone < 0 ? '-' : '+');
  if (zone < 0) zone = -zone;
  AppendPadded(out, zone / 60, 2);
  out.push_back(':');
  AppendPadded(out, zone % 60, 2);
  return out;
}

std::string_view TrimSpace(std::string_view s) { return Trim(s); }

}  // namespace

std::optional<std::string> NormalizeDate(std::string_view s,
                                         std::string* why_not) {
  return NormalizeDate(s, std::nullopt, why_not);
}

std::optional<std::string> NormalizeDate(std::string_view s,
                                         std::optional<int> reference_year,
                                         std::string* why_not) {
  const std::string_view text = TrimSpace(s);
  if (text.empty()) return Fail(why_not, "empty date string");
  if (text.size() > kMaxDateBytes) {
    return Fail(why_not, "a date string of ", text.size(),
                " bytes is too long to be a date (limit ", kMaxDateBytes, ")");
  }
  Tokens tokens;
  Tokenize(text, tokens);
  Fields f;
  bool time_only = false;
  const size_t used = Parser(tokens).Parse(f, &time_only);
  if (used == 0) {
    if (time_only) {
      return Fail(why_not, "'", text, "' is a time without a date");
    }
    return Fail(why_not, "'", text, "' is not a recognised date");
  }
  size_t end = used;
  if (end + 1 == tokens.n && tokens.tok[end].punct == '.' &&
      tokens.tok[end].kind == TokKind::kPunct) {
    ++end;  // "September 8, 2017."
  }
  if (end < tokens.n || !tokens.complete) {
    const size_t at = used < tokens.n ? tokens.tok[used].begin : text.size();
    return Fail(why_not, "unexpected '", text.substr(at),
                "' after the date in '", text, "'");
  }
  return Finish(f, reference_year, text, why_not);
}

DateScan ScanDate(std::string_view s, std::optional<int> reference_year) {
  DateScan out;
  size_t lead = 0;
  while (lead < s.size()) {
    const size_t w = SpaceLength(s, lead);
    if (w == 0) break;
    lead += w;
  }
  const std::string_view text = s.substr(lead, kMaxDateBytes);
  Tokens tokens;
  Tokenize(text, tokens);
  Fields f;
  bool time_only = false;
  const size_t used = Parser(tokens).Parse(f, &time_only);
  if (used == 0) return out;
  const size_t end = tokens.tok[used - 1].end;
  out.length = lead + end;
  out.has_year = f.year != kUnset;
  out.has_time = f.hour != kUnset;
  out.iso = Finish(f, reference_year, text.substr(0, end), &out.why_not);
  return out;
}

}  // namespace sitrep::ingest
