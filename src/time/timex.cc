#include "time/timex.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "text/text.h"

namespace sitrep::time {
namespace {

#include "time/time_words.inc"

constexpr int kMissing = INT_MIN;

// One hash index over all word tables, built once (thread-safe static
// init): word -> its value in each table (kMissing where absent).
constexpr int kNumTables = 15;
using TableValues = std::array<int, kNumTables>;

class WordIndex {
 public:
  static const WordIndex& Get() {
    static const WordIndex index;
    return index;
  }
  // nullptr when the word is in no table.
  const TableValues* Entry(std::string_view key) const {
    const auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  int TableId(const WordValue* table) const {
    for (int t = 0; t < kNumTables; ++t) {
      if (tables_[t] == table) return t;
    }
    return -1;
  }

 private:
  template <size_t N>
  void Add(const WordValue (&table)[N]) {
    const int id = count_++;
    tables_[id] = table;
    for (const WordValue& e : table) {
      auto [it, fresh] = map_.try_emplace(e.word);
      if (fresh) it->second.fill(kMissing);
      if (it->second[id] == kMissing) it->second[id] = e.value;
    }
  }
  WordIndex() {
    Add(kMonthWords);
    Add(kWeekdayWords);
    Add(kWeekdayPluralWords);
    Add(kNumberWords);
    Add(kOrdinalWords);
    Add(kDecadeWords);
    Add(kUnitWords);
    Add(kPartOfDayWords);
    Add(kSeasonWords);
    Add(kFrequencyWords);
    Add(kFuzzyRefWords);
    Add(kQuantityModWords);
    Add(kPositionModWords);
    Add(kFixedHolidays);
    Add(kWeekdayHolidays);
  }
  std::unordered_map<std::string_view, TableValues> map_;
  std::array<const WordValue*, kNumTables> tables_{};
  int count_ = 0;
};

template <size_t N>
int Lookup(const WordValue (&table)[N], std::string_view key) {
  const WordIndex& index = WordIndex::Get();
  const TableValues* e = index.Entry(key);
  return e == nullptr ? kMissing : (*e)[index.TableId(table)];
}

template <size_t N>
bool InList(const char* const (&table)[N], std::string_view key) {
  for (const char* w : table) {
    if (key == w) return true;
  }
  return false;
}

bool OneOf(std::string_view key,
           std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (key == w) return true;
  }
  return false;
}

// ------------------------------------------------------------ calendar --

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int y = 0, m = 0, d = 0;
};

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Ymd r;
  r.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  r.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  r.y = static_cast<int>(yoe + era * 400 + (r.m <= 2));
  return r;
}

// ISO weekday, Monday 1 .. Sunday 7 (1970-01-01 was a Thursday).
int IsoWeekday(int64_t days) {
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

void IsoWeek(int64_t days, int* week_year, int* week) {
  const int64_t thursday = days - (IsoWeekday(days) - 1) + 3;
  *week_year = CivilFromDays(thursday).y;
  *week =
      static_cast<int>((thursday - DaysFromCivil(*week_year, 1, 1)) / 7) + 1;
}

int64_t IsoWeekMonday(int week_year, int week) {
  const int64_t jan4 = DaysFromCivil(week_year, 1, 4);
  return jan4 - (IsoWeekday(jan4) - 1) + 7 * int64_t{week - 1};
}

int IsoWeeksInYear(int y) {
  int wy, w;
  IsoWeek(DaysFromCivil(y, 12, 28), &wy, &w);
  return w;
}

bool ValidYear(int y) { return y >= 1000 && y <= 2999; }

std::string Fmt(const char* format, int a, int b = 0, int c = 0) {
  char buf[48];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

std::string FmtYear(int y) {
  return ValidYear(y) ? Fmt("%04d", y) : std::string();
}
std::string FmtMonth(int y, int m) {
  return ValidYear(y) ? Fmt("%04d-%02d", y, m) : std::string();
}
std::string FmtDay(int64_t days) {
  const Ymd d = CivilFromDays(days);
  return ValidYear(d.y) ? Fmt("%04d-%02d-%02d", d.y, d.m, d.d) : std::string();
}
std::string FmtWeek(int64_t days) {
  int wy, w;
  IsoWeek(days, &wy, &w);
  return ValidYear(wy) ? Fmt("%04d-W%02d", wy, w) : std::string();
}
std::string FmtQuarter(int y, int q) {
  return ValidYear(y) ? Fmt("%04d-Q%d", y, q) : std::string();
}

// Adds `n` months to (y, m).
void AddMonths(int* y, int* m, int n) {
  int idx = *y * 12 + (*m - 1) + n;
  *y = idx / 12;
  *m = idx % 12 + 1;
}

// ----------------------------------------------------------------- units --

enum Unit : int {
  kSecond = 0,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
  kWeekend,
  kFortnight,
};

// TimeML duration for n units ("P3Y", "PT5H"); n < 0 = unspecified ("PXY").
std::string DurationValue(double n, int unit) {
  const bool fuzzy = n < 0;
  auto num = [&](double v) {
    if (fuzzy) return std::string("X");
    char buf[32];
    if (v == std::floor(v)) {
      std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
      std::snprintf(buf, sizeof buf, "%g", v);
    }
    return std::string(buf);
  };
  // Fractions in a smaller unit: 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M.
  if (!fuzzy && n != std::floor(n)) {
    const double whole = std::floor(n), frac = n - whole;
    const std::string w = whole > 0 ? num(whole) : "";
    switch (unit) {
      case kYear:
        return "P" + (w.empty() ? "" : w + "Y") + num(frac * 12) + "M";
      case kDay:
        return "P" + (w.empty() ? "" : w + "D") + "T" + num(frac * 24) + "H";
      case kHour:
        return "PT" + (w.empty() ? "" : w + "H") + num(frac * 60) + "M";
      case kMinute:
        return "PT" + (w.empty() ? "" : w + "M") + num(frac * 60) + "S";
      case kMonth:
        return "P" + (w.empty() ? "" : w + "M") + num(frac * 30) + "D";
      case kWeek:
        return "P" + num(n * 7) + "D";
      default:
        break;
    }
  }
  switch (unit) {
    case kSecond:
      return "PT" + num(n) + "S";
    case kMinute:
      return "PT" + num(n) + "M";
    case kHour:
      return "PT" + num(n) + "H";
    case kDay:
      return "P" + num(n) + "D";
    case kWeek:
      return "P" + num(n) + "W";
    case kMonth:
      return "P" + num(n) + "M";
    case kQuarter:
      return "P" + num(n) + "Q";
    case kYear:
      return "P" + num(n) + "Y";
    case kDecade:
      return fuzzy ? "P" + num(n) + "DE" : "P" + num(n * 10) + "Y";
    case kCentury:
      return fuzzy ? "P" + num(n) + "CE" : "P" + num(n * 100) + "Y";
    case kWeekend:
      return "P" + num(n) + "WE";
    case kFortnight:
      return "P" + num(n * 2) + "W";
  }
  return "";
}

const char* kPartOfDayCodes[] = {"MO", "AF", "EV", "NI", "MI", "NI"};
const char* kSeasonCodes[] = {"SP", "SU", "FA", "WI"};

// ----------------------------------------------------------------- parts --

// A word of the text: a token, or one piece of a hyphenated word token
// ("third-quarter" -> third, quarter).
struct Part {
  std::string key;  // lower case; a final '.' dropped unless it has others
  uint32_t begin = 0, end = 0;
  uint32_t token = 0;
  bool joined = false;  // continues the previous part's token
  bool cap = false;     // starts with an upper-case letter
  bool alpha = false;   // starts with a letter
  bool digits = false;  // all ASCII digits
  int64_t num = -1;     // value when digits and at most 9 of them
  const TableValues* words = nullptr;  // the word tables' values, if any
};

std::string KeyOf(std::string_view s) {
  std::string k;
  k.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // Typographic apostrophe -> ASCII.
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 ||
         static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      k.push_back('\'');
      i += 2;
      continue;
    }
    k.push_back(AsciiLower(s[i]));
  }
  if (k.size() > 1 && k.back() == '.' &&
      std::count(k.begin(), k.end(), '.') == 1) {
    k.pop_back();
  }
  return k;
}

struct Ref {
  int64_t day = 0;  // first day of the last date the text named
  bool has_day = false;
  int unit = 0;  // its precision: kDay, kMonth or kYear (Unit)
  int quarter_year = 0, quarter = 0;  // last quarter mentioned (0: none)
  // The text moved from a quarter to a longer part of the year ("the nine
  // months", "the first six months"): "a year earlier" is then the year.
  bool past_quarter = false;
};

struct Match {
  int begin = -1;  // parts [begin, end)
  int end = -1;
  TimexType type = TimexType::kDate;
  std::string value;
  std::string mod;
  DateAnchor anchor = DateAnchor::kNone;
  bool ok() const { return end > begin && begin >= 0; }
};

class Finder {
 public:
  Finder(const Document& doc, std::string_view dct) : doc_(doc) {
    if (dct.size() >= 10) {
      const std::string_view d = dct.substr(0, 10);
      int y = 0, m = 0, dd = 0;
      if (std::sscanf(std::string(d).c_str(), "%4d-%2d-%2d", &y, &m, &dd) ==
              3 &&
          ValidYear(y) && m >= 1 && m <= 12 && dd >= 1 &&
          dd <= DaysInMonth(y, m)) {
        has_dct_ = true;
        dct_ = DaysFromCivil(y, m, dd);
        dct_ymd_ = {y, m, dd};
      }
    }
    BuildParts();
  }

  std::vector<Timex> Run();

 private:
  // ---- access
  int n() const { return static_cast<int>(parts_.size()); }
  const std::string& K(int i) const {
    static const std::string kEmpty;
    return i >= 0 && i < n() ? parts_[i].key : kEmpty;
  }
  bool Is(int i, std::string_view w) const { return K(i) == w; }
  bool TokenStart(int i) const {
    return i >= 0 && i < n() && !parts_[i].joined;
  }
  bool TokenEnd(int j) const { return j >= n() || !parts_[j].joined; }
  // The value of part i in a word table (kMissing when absent).
  template <size_t N>
  int At(int i, const WordValue (&table)[N]) const {
    if (i < 0 || i >= n() || parts_[i].words == nullptr) return kMissing;
    return (*parts_[i].words)[WordIndex::Get().TableId(table)];
  }

  void BuildParts();

  // ---- lexical helpers
  int MonthAt(int i, bool alone) const;
  int WeekdayAt(int i) const;
  int UnitAt(int i) const { return At(i, kUnitWords); }
  bool PluralAt(int i) const {
    const std::string& k = K(i);
    return k.size() > 2 && k.back() == 's';
  }
  int DayNumAt(int i, bool* invalid) const;
  int YearAt(int i) const;
  // Parses a quantity at i: digits (1,000; 2 1/2), number words, "a"/"an",
  // "a couple of", "a dozen", vague words (value -1). Returns the end part or
  // -1.
  int NumberAt(int i, double* value) const;
  int Tense(int i) const;
  // Tense for a date that starts at part i: the preposition before it
  // decides first ("since March" is past; "effective Feb. 1" is the nearest
  // one), else Tense(i).
  int DateTense(int i) const;

  // ---- resolution helpers
  int64_t WeekdayDate(int weekday, int tense, bool strict) const;
  int YearForMonth(int m, int d, int tense) const;
  std::string ShiftedValue(int64_t base, int unit, int n,
                           bool* day_level) const;
  // latest: the last quarter that ended before the DCT, whatever the text
  // named.
  std::string RefQuarterValue(int year_shift, bool latest = false) const;

  // ---- rules
  Match Best(int i);
  Match Core(int i);
  void Consider(Match* best, Match m) const;
  Match IsoDate(int i);
  Match ClockTime(int i);
  Match WeekdayRule(int i);
  Match MonthLed(int i);
  Match DayLed(int i);
  Match YearRule(int i);
  Match SpokenYear(int i);
  Match DayWord(int i);
  Match Fuzzy(int i);
  Match Demonstrative(int i);
  Match NumberUnit(int i);
  Match Quarter(int i);
  Match Season(int i);
  Match Holiday(int i);
  Match SetRule(int i);

  Match Make(int begin, int end, TimexType type, std::string value,
             DateAnchor anchor) const {
    Match m;
    m.begin = begin;
    m.end = end;
    m.type = type;
    m.value = std::move(value);
    m.anchor = m.value.empty() ? DateAnchor::kNone : anchor;
    return m;
  }

  const Document& doc_;
  bool has_dct_ = false;
  int64_t dct_ = 0;
  Ymd dct_ymd_;
  std::vector<Part> parts_;
  std::vector<uint32_t> token_sentence_;
  Ref ref_;
};

void Finder::BuildParts() {
  const std::string& text = doc_.text;
  token_sentence_.assign(doc_.tokens.size(), 0);
  for (size_t s = 0; s < doc_.sentences.size(); ++s) {
    for (uint32_t t = doc_.sentences[s].first_token;
         t < doc_.sentences[s].last_token && t < doc_.tokens.size(); ++t) {
      token_sentence_[t] = static_cast<uint32_t>(s);
    }
  }
  parts_.reserve(doc_.tokens.size() + 16);
  for (size_t t = 0; t < doc_.tokens.size(); ++t) {
    const Token& tok = doc_.tokens[t];
    const std::string_view s(text.data() + tok.begin, tok.end - tok.begin);
    auto add = [&](size_t b, size_t e, bool joined) {
      Part p;
      p.begin = tok.begin + static_cast<uint32_t>(b);
      p.end = tok.begin + static_cast<uint32_t>(e);
      p.token = static_cast<uint32_t>(t);
      p.joined = joined;
      const std::string_view w = s.substr(b, e - b);
      p.key = KeyOf(w);
      p.cap = !w.empty() && IsAsciiUpper(w[0]);
      p.alpha = !w.empty() && IsAsciiAlpha(w[0]);
      p.digits = !w.empty() && std::all_of(w.begin(), w.end(), IsAsciiDigit);
      if (p.digits && w.size() <= 9) p.num = std::stoll(std::string(w));
      p.words = WordIndex::Get().Entry(p.key);
      parts_.push_back(std::move(p));
    };
    // Split words at hyphens between letters/digits; numbers stay whole
    // (2017-09-08), except a number glued to a word by a hyphen (30-year).
    size_t start = 0;
    bool joined = false;
    if (tok.kind == text::kWord && s.size() < 64) {
      for (size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == '-' && IsAsciiAlpha(s[i + 1]) | IsAsciiDigit(s[i + 1]) &&
            (IsAsciiAlpha(s[i - 1]) || IsAsciiDigit(s[i - 1]))) {
          add(start, i, joined);
          joined = true;
          start = i + 1;
        }
      }
    }
    add(start, s.size(), joined);
  }
}

// ---------------------------------------------------------- lexicon --

int Finder::MonthAt(int i, bool alone) const {
  if (i < 0 || i >= n()) return kMissing;
  const Part& p = parts_[i];
  const int m = At(i, kMonthWords);
  if (m == kMissing) return kMissing;
  const bool full = p.key.size() >= 5 || p.key == "june" || p.key == "july";
  const bool dotted = p.end > p.begin && doc_.text[p.end - 1] == '.';
  // "may", "march", "jan", "sun" ...: lower-case words are not months.
  if (!p.cap) return kMissing;
  if (!full && !dotted && p.key != "may" && p.key.size() < 4) {
    // Bare abbreviations ("Mar", "Dec") only before a number.
    if (alone) return kMissing;
  }
  if (alone && p.key == "may") return kMissing;
  return m;
}

int Finder::WeekdayAt(int i) const {
  if (i < 0 || i >= n()) return kMissing;
  const Part& p = parts_[i];
  const int d = At(i, kWeekdayWords);
  if (d == kMissing) return kMissing;
  if (!p.cap) return kMissing;
  if (p.key.size() <= 5 && p.key.find("day") == std::string::npos) {
    // Abbreviation: needs its period ("Sun.", "Sat.").
    if (doc_.text[p.end - 1] != '.') return kMissing;
  }
  return d;
}

// A day of the month: 1..31 as digits, "5th", or an ordinal word. *invalid
// is set for 32..99 written like a day.
int Finder::DayNumAt(int i, bool* invalid) const {
  *invalid = false;
  if (i < 0 || i >= n()) return kMissing;
  const Part& p = parts_[i];
  int v = kMissing;
  if (p.digits && p.key.size() <= 2) {
    v = static_cast<int>(p.num);
  } else if (p.digits && p.key.size() != 4) {
    *invalid = true;  // 100, 777...7: no day of any month
    return kMissing;
  } else if (p.key.size() >= 3 && p.key.size() <= 4 && IsAsciiDigit(p.key[0])) {
    const std::string_view suf(p.key.data() + p.key.size() - 2, 2);
    if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") {
      const std::string digits = p.key.substr(0, p.key.size() - 2);
      if (std::all_of(digits.begin(), digits.end(), IsAsciiDigit))
        v = std::stoi(digits);
    }
  } else {
    const int o = At(i, kOrdinalWords);
    if (o > 0) v = o;
    // "twenty-first": parts "twenty", "first" joined.
    const int tens = At(i, kNumberWords);
    if ((tens == 20 || tens == 30) && i + 1 < n() && parts_[i + 1].joined) {
      const int u = At(i + 1, kOrdinalWords);
      if (u > 0 && u < 10) v = -(tens + u);  // negative: two parts
    }
  }
  if (v == kMissing || v == 0) return kMissing;
  if (std::abs(v) > 31) {
    if (std::abs(v) < 100) *invalid = true;
    return kMissing;
  }
  return v;
}

int Finder::YearAt(int i) const {
  if (i < 0 || i >= n()) return kMissing;
  const Part& p = parts_[i];
  if (!p.digits || p.key.size() != 4) return kMissing;
  const int y = static_cast<int>(p.num);
  return ValidYear(y) ? y : kMissing;
}

int Finder::NumberAt(int i, double* value) const {
  if (i < 0 || i >= n()) return -1;
  const Part& p = parts_[i];
  if (p.digits) {
    if (p.key.size() > 6) return -1;
    double v = static_cast<double>(p.num);
    int j = i + 1;
    // "2 1/2"
    if (j < n() && (K(j) == "1/2" || K(j) == "½")) {
      v += 0.5;
      ++j;
    }
    *value = v;
    return j;
  }
  // Digits with thousands separators: 1,000 / decimals 1.5.
  if (!p.key.empty() && IsAsciiDigit(p.key[0])) {
    std::string d;
    bool ok = true;
    int dots = 0;
    for (char c : p.key) {
      if (IsAsciiDigit(c))
        d.push_back(c);
      else if (c == ',')
        continue;
      else if (c == '.' && ++dots == 1)
        d.push_back(c);
      else
        ok = false;
    }
    if (!ok || d.size() > 9) return -1;
    if (p.key == "1/2") {
      *value = 0.5;
      return i + 1;
    }
    *value = std::stod(d);
    return i + 1;
  }
  const std::string& k = p.key;
  if (k == "a" || k == "an") {
    if (Is(i + 1, "couple") && Is(i + 2, "of")) {
      *value = 2;
      return i + 3;
    }
    if (Is(i + 1, "dozen")) {
      *value = 12;
      return i + 2;
    }
    if (Is(i + 1, "few")) {
      *value = -1;
      return i + 2;
    }
    if (Is(i + 1, "half")) {
      *value = 0.5;
      return i + 2;
    }
    *value = 1;
    return i + 1;
  }
  if (k == "half") {
    if (Is(i + 1, "a") || Is(i + 1, "an")) {
      *value = 0.5;
      return i + 2;
    }
    return -1;
  }
  if (InList(kVagueQuantityWords, k)) {
    *value = -1;
    return i + 1;
  }
  const int w = At(i, kNumberWords);
  if (w == kMissing || k == "couple" || k == "dozen") {
    if (k == "couple" && Is(i + 1, "of")) {
      *value = 2;
      return i + 2;
    }
    return -1;
  }
  double v = w;
  int j = i + 1;
  if (w >= 20 && w < 100 && w % 10 == 0) {
    const int u = At(j, kNumberWords);
    if (u != kMissing && u >= 1 && u <= 9) {
      v += u;
      ++j;
    }
  }
  if (Is(j, "hundred") || Is(j, "thousand")) {
    v *= Is(j, "hundred") ? 100 : 1000;
    ++j;
  }
  // "one and a half"
  if (Is(j, "and") && Is(j + 1, "a") && Is(j + 2, "half")) {
    v += 0.5;
    j += 3;
  }
  *value = v;
  return j;
}

// Tense of the clause around part i: -1 past, +1 future, 0 unknown. The
// nearest cue before the expression in its sentence wins, else the nearest
// after it.
int Finder::Tense(int i) const {
  if (i < 0 || i >= n()) return 0;
  const uint32_t t = parts_[i].token;
  const uint32_t s = t < token_sentence_.size() ? token_sentence_[t] : 0;
  uint32_t first = 0, last = static_cast<uint32_t>(doc_.tokens.size());
  if (s < doc_.sentences.size()) {
    first = doc_.sentences[s].first_token;
    last = doc_.sentences[s].last_token;
  }
  auto key_at = [&](uint32_t k) {
    const Token& tok = doc_.tokens[k];
    return KeyOf(
        std::string_view(doc_.text.data() + tok.begin, tok.end - tok.begin));
  };
  auto cue = [&](uint32_t k) -> int {
    const Token& tok = doc_.tokens[k];
    const std::string key = key_at(k);
    // A noun is no future cue ("announced the plan Aug. 21"), unless an
    // infinitive follows ("the league plans to hold", mistagged).
    if ((tok.upos == kUposNoun || tok.upos == kUposPropn) &&
        InList(kFutureWords, key) && !(k + 1 < last && key_at(k + 1) == "to")) {
      return 0;
    }
    // A future cue under "had" ("had been scheduled to expire") is a plan
    // that lies in the past.
    if (InList(kFutureWords, key) && key != "until" && k > first &&
        (key_at(k - 1) == "had" || (k > first + 1 && key_at(k - 1) == "been" &&
                                    key_at(k - 2) == "had"))) {
      return -1;
    }
    if (InList(kFutureWords, key)) {
      if (key == "going")
        return k + 1 < last && KeyOf(std::string_view(
                                   doc_.text.data() + doc_.tokens[k + 1].begin,
                                   doc_.tokens[k + 1].end -
                                       doc_.tokens[k + 1].begin)) == "to"
                   ? 1
                   : 0;
      if (key == "next" || key == "coming" || key == "later") return 0;
      return 1;
    }
    // A participle after "be"/"to" is no past tense ("will be held").
    if (k > first) {
      const Token& prev = doc_.tokens[k - 1];
      const std::string pk = KeyOf(std::string_view(
          doc_.text.data() + prev.begin, prev.end - prev.begin));
      if (OneOf(pk, {"be", "been", "being", "to"})) return 0;
      // After a modal or "do" comes a base form ("will succeed", "did
      // proceed"), never a past tense.
      if (InList(kModalWords, pk) && !InList(kFutureWords, key)) {
        return 0;
      }
    }
    if (InList(kIrregularPastWords, key)) {
      if (key == "ago" || key == "earlier" || key == "last" ||
          key == "yesterday")
        return 0;
      if (key == "set" || key == "put" || key == "cut" || key == "hit" ||
          key == "quit") {
        return tok.upos == kUposVerb ? -1 : 0;
      }
      return -1;
    }
    if (key.size() > 4 && key.compare(key.size() - 2, 2, "ed") == 0 &&
        (tok.upos == kUposNone || tok.upos == kUposVerb ||
         tok.upos == kUposAux)) {
      // A past participle after a form of "be"/"get" in the present is a
      // present passive, but news uses it for past events too.
      return -1;
    }
    if (OneOf(key, {"says", "is", "are", "say"})) return 2;  // present
    return 0;
  };
  // An infinitive ("agreed to buy ... in February", "is to resume ...
  // Tuesday"): its time is not the main verb's. Scheduling words before
  // "to" make it future; otherwise the tense is unknown (the nearest date).
  auto infinitive = [&](uint32_t k) -> int {
    if (key_at(k) != "to" || k + 1 >= last) return 0;
    const Token& next = doc_.tokens[k + 1];
    if (next.upos == kUposNone || k == first) return 0;
    const std::string before = key_at(k - 1);
    const bool verb = next.upos == kUposVerb || next.upos == kUposAux;
    // After "is to", "set to", "due to" a verb is meant even when the tagger
    // took it for a noun ("is to resume trading").
    const bool scheduled =
        InList(kScheduleWords, before) && (verb || next.upos == kUposNoun);
    if (!verb && !scheduled) return 0;
    // "had been due to expire", "had planned to": a plan in the past.
    const bool under_had =
        before == "had" || before == "used" ||
        (k >= first + 2 && key_at(k - 2) == "had") ||
        (k >= first + 3 && key_at(k - 2) == "been" && key_at(k - 3) == "had");
    if (under_had) return -1;
    if (scheduled ||
        (verb && OneOf(before, {"ready", "likely", "about", "going"}))) {
      return 1;
    }
    const int c = cue(k - 1);
    if (c == 1) return 1;
    if (c == -1 && InList(kFutureWords, before)) return -1;  // "had planned to"
    return 2;
  };
  // Bounded both ways: a run-on "sentence" of a broken text costs no more.
  if (t > first + 40) first = t - 40;
  for (uint32_t k = t; k-- > first;) {
    const int inf = infinitive(k);
    if (inf == 2) return 0;
    if (inf != 0) return inf;
    const int c = cue(k);
    if (c == 2) break;
    if (c != 0) return c;
  }
  for (uint32_t k = t + 1; k < last && k < t + 40; ++k) {
    const int c = cue(k);
    if (c == 2) return 0;
    if (c != 0) return c;
  }
  return 0;
}

int Finder::DateTense(int i) const {
  int p = i - 1;
  if (OneOf(K(p), {"early", "late", "mid", "the", "on"})) --p;
  if (Is(p, "since")) return -1;
  if (Is(p, "effective")) return 0;
  return Tense(i);
}

// --------------------------------------------------------- resolution --

// The weekday (1..7) nearest the DCT: on or before it for a past or
// unknown tense, on or after it for a future one; strict: never the DCT.
int64_t Finder::WeekdayDate(int weekday, int tense, bool strict) const {
  const int dw = IsoWeekday(dct_);
  if (tense > 0) {
    int delta = (weekday - dw + 7) % 7;
    if (delta == 0 && strict) delta = 7;
    return dct_ + delta;
  }
  int delta = (dw - weekday + 7) % 7;
  if (delta == 0 && strict) delta = 7;
  // No tense: the nearest one, the past winning ties and up to 4 days back.
  if (tense == 0 && !strict && delta > 4) return dct_ + (7 - delta);
  return dct_ - delta;
}

// With no tense, a day without a year lies ahead only when it is this close
// (news reports look back more often than forward: "the Oct. 23 shooting"
// in May is last October's).
constexpr int64_t kUnknownFutureDays = 120;

// The year of month m (day d, 0 = the whole month) relative to the DCT:
// past tense -> the last one up to the DCT; future -> the next one from
// the DCT; unknown -> the nearest one.
int Finder::YearForMonth(int m, int d, int tense) const {
  const int y = dct_ymd_.y;
  // Days from the DCT to the date (the whole month: its last/first day).
  auto offset = [&](int year) -> int64_t {
    if (d > 0)
      return DaysFromCivil(year, m, std::min(d, DaysInMonth(year, m))) - dct_;
    const int64_t first = DaysFromCivil(year, m, 1);
    const int64_t last = DaysFromCivil(year, m, DaysInMonth(year, m));
    if (dct_ < first) return first - dct_;
    if (dct_ > last) return last - dct_;
    return 0;
  };
  const int64_t here = offset(y);
  // A tense overrides the nearest reading only beyond a couple of months:
  // "said ... on Jan. 14" a week before Jan. 14 is still this January.
  // A month alone follows the tense strictly ("in April" said in March is
  // last April).
  const int64_t window = d > 0 ? 60 : 0;
  if (tense < 0 && here > window) return y - 1;
  if (tense > 0 && here < -window) return y + 1;
  if (tense < 0 && here > 0 && offset(y - 1) > -200) return y - 1;
  if (tense < 0 || tense > 0) {
    if (here < -183 && tense > 0) return y + 1;
    return y;
  }
  if (here > (d > 0 ? kUnknownFutureDays : 183)) return y - 1;
  if (here < -183) return y + 1;
  return y;
}

// The calendar unit containing base shifted by n units, at that unit's
// precision ("2017-W35", "2017-08", "2016").
std::string Finder::ShiftedValue(int64_t base, int unit, int n,
                                 bool* day_level) const {
  *day_level = false;
  const Ymd b = CivilFromDays(base);
  switch (unit) {
    case kSecond:
    case kMinute:
    case kHour:
    case kDay:
      *day_level = true;
      return FmtDay(base + (unit == kDay ? n : 0));
    case kWeek:
      return FmtWeek(base + 7 * int64_t{n});
    case kFortnight:
      return FmtWeek(base + 14 * int64_t{n});
    case kWeekend: {
      const std::string w = FmtWeek(base + 7 * int64_t{n});
      return w.empty() ? w : w + "-WE";
    }
    case kMonth: {
      int y = b.y, m = b.m;
      AddMonths(&y, &m, n);
      return FmtMonth(y, m);
    }
    case kQuarter: {
      int y = b.y, m = b.m;
      AddMonths(&y, &m, 3 * n);
      return FmtQuarter(y, (m - 1) / 3 + 1);
    }
    case kYear:
      return FmtYear(b.y + n);
    case kDecade: {
      const int y = b.y + 10 * n;
      return ValidYear(y) ? Fmt("%03d", y / 10) : "";
    }
    case kCentury: {
      const int y = b.y + 100 * n;
      return ValidYear(y) ? Fmt("%02d", y / 100) : "";
    }
  }
  return "";
}

// The quarter the text talks about: the last one it named, else the one
// that ended most recently before the DCT (financial reports of October
// are about the third quarter).
std::string Finder::RefQuarterValue(int year_shift, bool latest) const {
  if (ref_.quarter > 0 && !latest)
    return FmtQuarter(ref_.quarter_year + year_shift, ref_.quarter);
  if (!has_dct_) return "";
  const Ymd d = CivilFromDays(dct_ - 40);
  return FmtQuarter(d.y + year_shift, (d.m - 1) / 3 + 1);
}

// ---------------------------------------------------------------- rules --

void Finder::Consider(Match* best, Match m) const {
  if (!m.ok() || !TokenEnd(m.end)) return;
  if (!best->ok() || m.end > best->end) *best = std::move(m);
}

// ISO dates written as one token: 2017-09-08, 2017-09, and US numeric
// 9/8/2017 (month first) when valid.
Match Finder::IsoDate(int i) {
  const std::string& k = K(i);
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (k.size() == 10 &&
      std::sscanf(k.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
      k[4] == '-' && k[7] == '-') {
    if (ValidYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
      return Make(i, i + 1, TimexType::kDate, FmtDay(DaysFromCivil(y, m, d)),
                  DateAnchor::kExplicit);
    }
    return Make(i, i + 1, TimexType::kDate, "", DateAnchor::kNone);
  }
  if (k.size() >= 8 && k.size() <= 10 &&
      std::count(k.begin(), k.end(), '/') == 2 &&
      std::sscanf(k.c_str(), "%2d/%2d/%4d%c", &m, &d, &y, &tail) == 3 &&
      y >= 1000) {
    if (ValidYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
      return Make(i, i + 1, TimexType::kDate, FmtDay(DaysFromCivil(y, m, d)),
                  DateAnchor::kExplicit);
    }
  }
  return Match();
}

// 10 a.m., 6:30 p.m. EST, 10pm, noon, midnight [+ Friday / today ...].
Match Finder::ClockTime(int i) {
  const std::string& k = K(i);
  int hour = -1, minute = 0;
  int j = i + 1;
  bool meridiem_needed = true;
  std::string_view rest;
  if (k == "noon" || k == "midday") {
    hour = 12;
    meridiem_needed = false;
  } else if (k == "midnight") {
    hour = 24;
    meridiem_needed = false;
  } else if (!k.empty() && IsAsciiDigit(k[0])) {
    size_t p = 0;
    int h = 0;
    while (p < k.size() && IsAsciiDigit(k[p]) && p < 3)
      h = h * 10 + (k[p++] - '0');
    if (p == 0 || p > 2) return Match();
    hour = h;
    if (p < k.size() && (k[p] == ':' || k[p] == '.')) {
      if (p + 3 > k.size() || !IsAsciiDigit(k[p + 1]) ||
          !IsAsciiDigit(k[p + 2]))
        return Match();
      minute = (k[p + 1] - '0') * 10 + (k[p + 2] - '0');
      p += 3;
      if (k[p - 3] == ':') meridiem_needed = false;
    }
    rest = std::string_view(k).substr(p);
  } else {
    return Match();
  }
  if (minute > 59 || hour > 24) return Match();
  auto meridiem = [](std::string_view s) -> int {
    if (s == "a.m." || s == "am" || s == "a.m") return 1;
    if (s == "p.m." || s == "pm" || s == "p.m") return 2;
    return 0;
  };
  int mer = 0;
  if (!rest.empty()) {
    mer = meridiem(rest);
    if (mer == 0) return Match();
  } else if (hour != 12 || k != "noon") {
    mer = meridiem(K(j));
    if (mer != 0) ++j;
  }
  if (mer == 0 && meridiem_needed) return Match();
  if (mer == 0 && !meridiem_needed && hour <= 24 &&
      k.find(':') != std::string::npos) {
    // A bare 18:30 needs "at" before it or a zone after it.
    const bool zone = OneOf(K(j), {"gmt", "utc", "est", "edt", "cst", "cdt",
                                   "pst", "pdt", "mst", "mdt", "bst"});
    if (!Is(i - 1, "at") && !zone) return Match();
  }
  if (mer != 0) {
    if (hour < 1 || hour > 12) return Match();
    if (mer == 1 && hour == 12) hour = 0;
    if (mer == 2 && hour != 12) hour += 12;
  }
  if (OneOf(K(j), {"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt",
                   "mst", "mdt", "bst"})) {
    ++j;
  } else if (Is(j, "local") && Is(j + 1, "time")) {
    j += 2;
  }
  // The day it is on.
  // A bare clock time is on the day the narrative is at.
  const bool use_ref = ref_.has_day && ref_.unit == kDay;
  int64_t day = use_ref ? ref_.day : dct_;
  bool have_day = has_dct_;
  DateAnchor anchor = use_ref ? DateAnchor::kReference : DateAnchor::kPublished;
  Match tail;
  if (WeekdayAt(j) != kMissing ||
      OneOf(K(j), {"today", "yesterday", "tomorrow"})) {
    tail = Core(j);
  } else if ((Is(j, "on") || Is(j, ",")) &&
             (WeekdayAt(j + 1) != kMissing ||
              MonthAt(j + 1, false) != kMissing)) {
    tail = Core(j + 1);
  } else if (MonthAt(j, false) != kMissing) {
    tail = MonthLed(j);
  }
  if (tail.ok() && tail.value.size() >= 10 && IsAsciiDigit(tail.value[0])) {
    int y, m, d;
    if (std::sscanf(tail.value.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) {
      day = DaysFromCivil(y, m, d);
      have_day = true;
      anchor = tail.anchor;
      j = tail.end;
    }
  }
  std::string value;
  if (have_day) {
    value = FmtDay(day);
    if (!value.empty()) value += Fmt("T%02d:%02d", hour, minute);
    if (hour == 24 && minute == 0) value = FmtDay(day) + "T24:00";
  }
  return Make(i, j, TimexType::kTime, value, anchor);
}

Match Finder::WeekdayRule(int i) {
  // Sets: "Tuesdays", "Tuesday nights".
  if (parts_[i].cap) {
    const int pd = At(i, kWeekdayPluralWords);
    if (pd != kMissing) {
      return Make(i, i + 1, TimexType::kSet, Fmt("XXXX-WXX-%d", pd),
                  DateAnchor::kNone);
    }
  }
  const int wd = WeekdayAt(i);
  if (wd == kMissing) return Match();
  int j = i + 1;
  // "Friday, Sept. 8", "Friday, 8 September".
  int k = Is(j, ",") ? j + 1 : j;
  Match dated = MonthLed(k);
  if (!dated.ok()) dated = DayLed(k);
  if (dated.ok()) {
    dated.begin = i;
    return dated;
  }
  // Part of day: "Friday night"; plural: "Tuesday nights" (a set).
  std::string pod_code;
  const std::string& next = K(j);
  if (!next.empty() && next.back() == 's' &&
      Lookup(kPartOfDayWords, next.substr(0, next.size() - 1)) != kMissing) {
    const int pod = Lookup(kPartOfDayWords, next.substr(0, next.size() - 1));
    return Make(i, j + 1, TimexType::kSet,
                Fmt("XXXX-WXX-%d", wd) + "T" + kPartOfDayCodes[pod],
                DateAnchor::kNone);
  }
  const int pod = At(j, kPartOfDayWords);
  if (pod != kMissing && pod <= 3 && next != "overnight") {
    pod_code = std::string("T") + kPartOfDayCodes[pod];
    ++j;
  }
  if (!has_dct_) return Make(i, j, TimexType::kDate, "", DateAnchor::kNone);
  const int64_t day = WeekdayDate(wd, DateTense(i), false);
  std::string value = FmtDay(day);
  if (!value.empty()) value += pod_code;
  return Make(i, j, TimexType::kDate, value, DateAnchor::kPublished);
}

// September [5[th]] [,] [2017] / September of 2017 / Sept. 2017.
Match Finder::MonthLed(int i) {
  const int m = MonthAt(i, false);
  if (m == kMissing) return Match();
  int j = i + 1;
  bool invalid = false;
  int d = DayNumAt(j, &invalid);
  if (d != kMissing && d < 0) return Match();  // "May twenty-first": rare
  if (invalid && !Is(j + 1, "percent") && !Is(j + 1, "%")) {
    // "September 32": a date with no such day.
    return Make(i, j + 1, TimexType::kDate, "", DateAnchor::kNone);
  }
  if (d != kMissing) {
    // Not "May 5 percent" nor "May 3 people".
    j += 1;
    int y = kMissing;
    int k = Is(j, ",") ? j + 1 : j;
    y = YearAt(k);
    if (y != kMissing) j = k + 1;
    if (y == kMissing) {
      if (!has_dct_) return Make(i, j, TimexType::kDate, "", DateAnchor::kNone);
      y = YearForMonth(m, d, DateTense(i));
      if (d > DaysInMonth(y, m))
        return Make(i, j, TimexType::kDate, "", DateAnchor::kNone);
      return Make(i, j, TimexType::kDate, FmtDay(DaysFromCivil(y, m, d)),
                  DateAnchor::kPublished);
    }
    if (d > DaysInMonth(y, m))
      return Make(i, j, TimexType::kDate, "", DateAnchor::kNone);
    return Make(i, j, TimexType::kDate, FmtDay(DaysFromCivil(y, m, d)),
                DateAnchor::kExplicit);
  }
  int k = Is(j, "of") || Is(j, ",") ? j + 1 : j;
  const int y = YearAt(k);
  if (y != kMissing)
    return Make(i, k + 1, TimexType::kDate, FmtMonth(y, m),
                DateAnchor::kExplicit);
  // "January nineteen ninety-seven"
  const Match spoken = SpokenYear(k);
  if (spoken.ok() && spoken.value.size() == 4) {
    return Make(i, spoken.end, TimexType::kDate,
                FmtMonth(std::stoi(spoken.value), m), DateAnchor::kExplicit);
  }
  // "July last year", "March this year", "June next year".
  if ((Is(j, "last") || Is(j, "this") || Is(j, "next")) && Is(j + 1, "year") &&
      has_dct_) {
    const int shift = Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0;
    return Make(i, j + 2, TimexType::kDate, FmtMonth(dct_ymd_.y + shift, m),
                DateAnchor::kPublished);
  }
  // The month alone; "the March for Life" is no date.
  if (Is(i, "march") && OneOf(K(i - 1), {"the", "annual"}) &&
      OneOf(K(j), {"for", "against", "on", "of"})) {
    return Match();
  }
  if (MonthAt(i, true) == kMissing) {
    // "May" alone only after a preposition or modifier.
    if (!(Is(i, "may") &&
          OneOf(K(i - 1), {"in", "since", "until", "by", "of", "early", "late",
                           "mid", "last", "next", "this", "during", "before",
                           "after", "from", "through", "till"}))) {
      return Match();
    }
  }
  if (!has_dct_) return Make(i, j, TimexType::kDate, "", DateAnchor::kNone);
  return Make(i, j, TimexType::kDate,
              FmtMonth(YearForMonth(m, 0, DateTense(i)), m),
              DateAnchor::kPublished);
}

// [the] 5[th] [of] September [2017]; "32 September" has no value.
Match Finder::DayLed(int i) {
  int j = Is(i, "the") ? i + 1 : i;
  bool invalid = false;
  const int d = DayNumAt(j, &invalid);
  if (d == kMissing && !invalid) return Match();
  int k = j + (d != kMissing && d < 0 ? 2 : 1);
  if (Is(k, "of")) ++k;
  const int m = MonthAt(k, false);
  if (m == kMissing) return Match();
  if (!parts_[j].digits && !Is(i, "the") && !Is(j + 1, "of")) {
    // "fifth September" is not English; ordinals need "the ... of".
    if (!parts_[j].cap) return Match();
  }
  int end = k + 1;
  int kk = Is(end, ",") ? end + 1 : end;
  int y = YearAt(kk);
  if (y != kMissing) end = kk + 1;
  if (invalid) return Make(i, end, TimexType::kDate, "", DateAnchor::kNone);
  const int day = std::abs(d);
  DateAnchor anchor = DateAnchor::kExplicit;
  if (y == kMissing) {
    if (!has_dct_) return Make(i, end, TimexType::kDate, "", DateAnchor::kNone);
    y = YearForMonth(m, day, DateTense(i));
    anchor = DateAnchor::kPublished;
  }
  if (day > DaysInMonth(y, m))
    return Make(i, end, TimexType::kDate, "", DateAnchor::kNone);
  return Make(i, end, TimexType::kDate, FmtDay(DaysFromCivil(y, m, day)),
              anchor);
}

// 2015, fiscal 1989, the 1990s, mid-1990s, the nineties, the 20th century.
Match Finder::YearRule(int i) {
  int j = i;
  const bool the = Is(i, "the");
  if (the) ++j;
  // Decades written with digits: 1990s.
  const std::string& k = K(j);
  if (k.size() == 5 && k[4] == 's' &&
      std::all_of(k.begin(), k.begin() + 4, IsAsciiDigit) && k[3] == '0') {
    const int y = std::stoi(k.substr(0, 4));
    if (ValidYear(y))
      return Make(i, j + 1, TimexType::kDate, Fmt("%03d", y / 10),
                  DateAnchor::kExplicit);
  }
  if (the) {
    const int dec = At(j, kDecadeWords);
    if (dec != kMissing) {
      // The century that makes it most recent up to the DCT.
      int century = has_dct_ ? dct_ymd_.y / 100 : 19;
      if (century * 100 + dec > (has_dct_ ? dct_ymd_.y : 1999)) --century;
      return Make(i, j + 1, TimexType::kDate, Fmt("%02d%d", century, dec / 10),
                  DateAnchor::kExplicit);
    }
    // the 20th century / the twentieth century
    if (Is(j + 1, "century")) {
      bool invalid = false;
      int c = DayNumAt(j, &invalid);
      if (c != kMissing && c < 0) {
        c = -c;
        if (Is(j + 2, "century"))
          return Make(i, j + 3, TimexType::kDate, Fmt("%02d", c - 1),
                      DateAnchor::kExplicit);
      }
      if (c != kMissing && c >= 1 && c <= 30) {
        return Make(i, j + 2, TimexType::kDate, Fmt("%02d", c - 1),
                    DateAnchor::kExplicit);
      }
    }
    if (j + 1 < n() && parts_[j + 1].joined && Is(j + 2, "century")) {
      bool invalid = false;
      int c = DayNumAt(j, &invalid);
      if (c != kMissing && c < 0) {
        return Make(i, j + 3, TimexType::kDate, Fmt("%02d", -c - 1),
                    DateAnchor::kExplicit);
      }
    }
    return Match();
  }
  // "20th century" without the article.
  if (Is(j + 1, "century") && !Is(i - 1, "the")) {
    bool invalid = false;
    const int c = DayNumAt(j, &invalid);
    if (c != kMissing && c >= 1 && c <= 30 && !parts_[j].digits) {
      return Make(i, j + 2, TimexType::kDate, Fmt("%02d", c - 1),
                  DateAnchor::kExplicit);
    }
  }
  // Year end: "year-end", "year end", "year's end".
  if (Is(j, "year") &&
      (Is(j + 1, "end") || (Is(j + 1, "'s") && Is(j + 2, "end"))) && has_dct_) {
    const int end = Is(j + 1, "end") ? j + 2 : j + 3;
    Match m = Make(i, end, TimexType::kDate, FmtYear(dct_ymd_.y),
                   DateAnchor::kPublished);
    m.mod = "END";
    return m;
  }
  int start = i;
  if (Is(i, "fiscal") || (Is(i, "fy"))) {
    ++j;
    if (Is(j, "year")) ++j;
  }
  const int y = YearAt(j);
  if (y == kMissing) return Match();
  if (j == i) {
    // A four-digit number is a year unless it counts something.
    const std::string& prev = K(i - 1);
    const std::string& next = K(i + 1);
    const bool year_context = OneOf(
        prev,
        {"in",     "since",   "by",   "of",     "until",   "till",   "before",
         "after",  "from",    "to",   "during", "through", "early",  "late",
         "mid",    "between", "and",  "or",     "circa",   "around", "spring",
         "summer", "autumn",  "fall", "winter", "year",    "the",    "'s",
         "for",    "than",    "as",   "at",     "on",      "-",      "–"});
    const bool counted =
        j + 1 < n() && parts_[j + 1].alpha && !parts_[j + 1].cap &&
        !OneOf(next, {"and",   "or",    "to",      "through", "when", "as",
                      "until", "but",   "after",   "before",  "with", "in",
                      "at",    "for",   "while",   "because", "was",  "were",
                      "is",    "that",  "had",     "has",     "have", "will",
                      "would", "under", "against", "from",    "on",   "by",
                      "saw",   "marked"});
    // 1900-2030 before a noun is a year modifier ("a 1996 law") unless
    // the noun is something counted (below).
    if (counted && !year_context && (y < 1900 || y > 2030)) return Match();
    if (counted &&
        OneOf(next,
              {"people",    "persons",  "troops",     "soldiers",  "men",
               "women",     "children", "members",    "workers",   "employees",
               "jobs",      "shares",   "votes",      "deaths",    "cases",
               "dollars",   "yen",      "marks",      "francs",    "pounds",
               "units",     "tons",     "tonnes",     "miles",     "kilometers",
               "meters",    "feet",     "points",     "refugees",  "residents",
               "civilians", "fighters", "militants",  "prisoners", "cars",
               "homes",     "acres",    "rounds",     "barrels",   "vehicles",
               "weapons",   "rockets",  "missiles",   "tanks",     "aircraft",
               "students",  "families", "households", "patients",  "victims",
               "protesters"})) {
      return Match();
    }
    if (Is(i - 1, "$") || Is(i - 1, "£") || Is(i - 1, "€") || Is(i - 1, "no") ||
        Is(i - 1, "#")) {
      return Match();
    }
  }
  return Make(start, j + 1, TimexType::kDate, FmtYear(y),
              DateAnchor::kExplicit);
}

// nineteen ninety-one, the year two thousand.
Match Finder::SpokenYear(int i) {
  int j = i;
  if (Is(j, "the") && Is(j + 1, "year")) j += 2;
  if (Is(j, "nineteen") || Is(j, "eighteen")) {
    const int c = Is(j, "nineteen") ? 1900 : 1800;
    const int tens = At(j + 1, kNumberWords);
    if (tens != kMissing && tens >= 10 && tens <= 90 &&
        (tens >= 20 ? tens % 10 == 0 : true)) {
      int y = c + tens;
      int end = j + 2;
      const int u = At(end, kNumberWords);
      if (tens >= 20 && u != kMissing && u >= 1 && u <= 9) {
        y += u;
        ++end;
      }
      return Make(i, end, TimexType::kDate, FmtYear(y), DateAnchor::kExplicit);
    }
    return Match();
  }
  if (Is(j, "two") && Is(j + 1, "thousand")) {
    int end = j + 2;
    int y = 2000;
    int k = Is(end, "and") ? end + 1 : end;
    const int u = At(k, kNumberWords);
    if (u != kMissing && u >= 1 && u <= 19) {
      y += u;
      end = k + 1;
    }
    if (j == i && !Is(i - 1, "in") && !Is(i - 1, "year") && !Is(i - 1, "by"))
      return Match();
    return Make(i, end, TimexType::kDate, FmtYear(y), DateAnchor::kExplicit);
  }
  return Match();
}

// today, yesterday, tomorrow, tonight [+ morning ...], last night,
// overnight, the day before yesterday.
Match Finder::DayWord(int i) {
  int j = i;
  int offset = 0;
  bool tonight = false;
  if (Is(j, "the") && Is(j + 1, "day") &&
      (Is(j + 2, "before") || Is(j + 2, "after")) &&
      (Is(j + 3, "yesterday") || Is(j + 3, "tomorrow"))) {
    offset = Is(j + 3, "yesterday") ? -2 : 2;
    j += 4;
  } else if (Is(j, "today") || Is(j, "yesterday") || Is(j, "tomorrow")) {
    offset = Is(j, "today") ? 0 : Is(j, "yesterday") ? -1 : 1;
    ++j;
  } else if (Is(j, "tonight")) {
    tonight = true;
    ++j;
  } else if (Is(j, "overnight") || (Is(j, "last") && Is(j + 1, "night"))) {
    j += Is(j, "last") ? 2 : 1;
    if (!has_dct_) return Make(i, j, TimexType::kTime, "", DateAnchor::kNone);
    // "overnight" alone: the night before the day the narrative is at
    // ("London shares fell Friday, hit by overnight losses in New York").
    if (Is(i, "overnight") && ref_.has_day && ref_.unit == kDay &&
        ref_.day < dct_) {
      return Make(i, j, TimexType::kTime, FmtDay(ref_.day - 1) + "TNI",
                  DateAnchor::kReference);
    }
    return Make(i, j, TimexType::kTime, FmtDay(dct_ - 1) + "TNI",
                DateAnchor::kPublished);
  } else {
    return Match();
  }
  std::string pod_code;
  TimexType type = TimexType::kDate;
  if (tonight) {
    pod_code = "TNI";
    type = TimexType::kTime;
  } else {
    const int pod = At(j, kPartOfDayWords);
    if (pod != kMissing && pod <= 3 && !Is(j, "overnight")) {
      pod_code = std::string("T") + kPartOfDayCodes[pod];
      ++j;
    }
  }
  if (!has_dct_) return Make(i, j, type, "", DateAnchor::kNone);
  std::string value = FmtDay(dct_ + offset);
  if (!value.empty()) value += pod_code;
  return Make(i, j, type, value, DateAnchor::kPublished);
}

// now, currently, recently, the past, the future, ...
Match Finder::Fuzzy(int i) {
  const std::string& k = K(i);
  if (k == "the" || k == "at" || k == "in") {
    const std::string& w = K(i + 1);
    if (k == "the" && (w == "past" || w == "future" || w == "present")) {
      // Not "the past two years" (a duration) nor "the present case".
      double v;
      if (NumberAt(i + 2, &v) > 0 || UnitAt(i + 2) != kMissing) return Match();
      if (w == "present" && i + 2 < n() && parts_[i + 2].alpha &&
          !OneOf(K(i + 2), {"and", "or", "but"})) {
        return Match();
      }
      return Make(i, i + 2, TimexType::kDate,
                  w == "past"     ? "PAST_REF"
                  : w == "future" ? "FUTURE_REF"
                                  : "PRESENT_REF",
                  DateAnchor::kPublished);
    }
    if (k == "at" && w == "present") {
      return Make(i + 1, i + 2, TimexType::kDate, "PRESENT_REF",
                  DateAnchor::kPublished);
    }
    if (k == "the" && OneOf(w, {"near", "short"}) &&
        OneOf(K(i + 2), {"future", "term"})) {
      return Make(i, i + 3, TimexType::kDate, "FUTURE_REF",
                  DateAnchor::kPublished);
    }
    if (k == "the" && w == "moment" && Is(i - 1, "at")) {
      return Make(i, i + 2, TimexType::kDate, "PRESENT_REF",
                  DateAnchor::kPublished);
    }
    return Match();
  }
  if (k == "these" && Is(i + 1, "days")) {
    return Make(i, i + 2, TimexType::kDate, "PRESENT_REF",
                DateAnchor::kPublished);
  }
  const int f = At(i, kFuzzyRefWords);
  if (f < 0 || f == kMissing) return Match();
  if (k == "current" && Is(i + 1, "account")) return Match();
  return Make(i, i + 1, TimexType::kDate,
              f == 0   ? "PRESENT_REF"
              : f == 1 ? "PAST_REF"
                       : "FUTURE_REF",
              DateAnchor::kPublished);
}

// this/last/next/past/coming/the following/that ... + unit, month,
// weekday, season, part of day; the past/next N units (durations).
Match Finder::Demonstrative(int i) {
  enum Det {
    kThis,
    kLast,
    kNext,
    kNextRef,
    kPrevRef,
    kSameRef,
    kThe,
    kFirst,
    kRecent
  };
  Det det;
  int j = i + 1;
  const std::string& k = K(i);
  const std::string& k1 = K(i + 1);
  if (k == "this" || k == "current") {
    det = kThis;
  } else if (k == "last" || k == "past" || k == "previous") {
    det = kLast;
  } else if (k == "next" || k == "coming") {
    det = kNext;
  } else if (k == "that" || (k == "the" && k1 == "same")) {
    det = kSameRef;
    if (k == "the") ++j;
  } else if (k == "the") {
    ++j;
    if (k1 == "past" || k1 == "last" || k1 == "latest")
      det = kLast;
    else if (k1 == "previous" || k1 == "preceding")
      det = kPrevRef;
    else if (k1 == "next" || k1 == "following" || k1 == "coming" ||
             k1 == "subsequent")
      det = kNextRef;
    else if (k1 == "current" || k1 == "present")
      det = kThis;
    else if (k1 == "first" || k1 == "initial")
      det = kFirst;
    else if (k1 == "recent")
      det = kRecent;
    else if (k1 == "fiscal") {
      det = kThis;
    } else {
      det = kThe;
      --j;
    }
  } else if (k == "recent" || k == "coming" || k == "ensuing") {
    det = kRecent;
  } else {
    return Match();
  }
  if (k == "the" && k1 == "coming") det = kNext;
  // "the past few years", "the next two weeks", "the first nine months":
  double num = 0;
  int after_num = NumberAt(j, &num);
  if (after_num > j && !Is(j, "a") && !Is(j, "an") && YearAt(j) == kMissing) {
    int u = UnitAt(after_num);
    // "the 14-day strike": the article stays outside a hyphenated modifier.
    if (after_num < n() && parts_[after_num].joined) return Match();
    if (u != kMissing && u != kWeekend) {
      const int end = after_num + 1;
      return Make(i, end, TimexType::kDuration, DurationValue(num, u),
                  DateAnchor::kNone);
    }
    return Match();
  }
  if (Is(j, "fiscal")) ++j;
  const std::string& w = K(j);
  const int unit = UnitAt(j);
  // "the latest period": the quarter just reported.
  if (k == "the" && k1 == "latest" && w == "period" && has_dct_) {
    return Make(i, j + 1, TimexType::kDate, RefQuarterValue(0, true),
                DateAnchor::kPublished);
  }
  // "the full year": the DCT's year.
  if (k == "the" && k1 == "full" && Is(i + 2, "year") && has_dct_) {
    return Make(i, i + 3, TimexType::kDate, FmtYear(dct_ymd_.y),
                DateAnchor::kPublished);
  }
  const bool plural = PluralAt(j) && unit != kMissing && w != "decades";
  if (det == kRecent || ((det == kLast || det == kNext) && plural)) {
    // "recent weeks", "the coming days", "the past years": vague durations.
    if (unit == kMissing || !plural) return Match();
    return Make(i, j + 1, TimexType::kDuration, DurationValue(-1, unit),
                DateAnchor::kNone);
  }
  if (!has_dct_ && det != kFirst) {
    if (unit != kMissing || MonthAt(j, true) != kMissing ||
        WeekdayAt(j) != kMissing) {
      return Make(i, j + 1, TimexType::kDate, "", DateAnchor::kNone);
    }
    return Match();
  }
  bool day_level = false;
  // "the year ended March 31", "the fiscal year ending June 30": a year
  // measured back from the date that follows (tagged on its own), so a
  // duration, not the calendar year.
  if (k == "the" && unit == kYear && !plural &&
      OneOf(K(j + 1), {"ended", "ending"})) {
    return Make(i, j + 1, TimexType::kDuration, "P1Y", DateAnchor::kNone);
  }
  if (unit != kMissing && !plural) {
    const int end = j + 1;
    switch (det) {
      case kThis: {
        if (unit == kDay) return Match();
        if (unit <= kHour) return Match();
        if (w == "quarter")
          return Make(i, end, TimexType::kDate,
                      ShiftedValue(dct_, kQuarter, 0, &day_level),
                      DateAnchor::kPublished);
        return Make(i, end, TimexType::kDate,
                    ShiftedValue(dct_, unit, 0, &day_level),
                    DateAnchor::kPublished);
      }
      case kLast:
      case kNext: {
        if (unit <= kDay) return Match();  // "the last day", "next hour"
        if (unit == kQuarter && k1 == "latest") {
          return Make(i, end, TimexType::kDate, RefQuarterValue(0, true),
                      DateAnchor::kPublished);
        }
        if (k1 == "latest") return Match();
        return Make(i, end, TimexType::kDate,
                    ShiftedValue(dct_, unit, det == kLast ? -1 : 1, &day_level),
                    DateAnchor::kPublished);
      }
      case kNextRef:
      case kPrevRef:
      case kSameRef: {
        if (unit < kDay || unit > kYear) return Match();
        if (unit == kQuarter && det == kSameRef) {
          return Make(i, end, TimexType::kDate, RefQuarterValue(0),
                      DateAnchor::kReference);
        }
        // The reference time must be at least as precise as the unit.
        const bool use_ref =
            ref_.has_day &&
            (unit == kWeek ? ref_.unit == kDay : unit >= ref_.unit);
        const int64_t base = use_ref ? ref_.day : dct_;
        const int shift = det == kNextRef ? 1 : det == kPrevRef ? -1 : 0;
        return Make(i, end, TimexType::kDate,
                    ShiftedValue(base, unit, shift, &day_level),
                    use_ref ? DateAnchor::kReference : DateAnchor::kPublished);
      }
      case kThe: {
        // "the year later", "the day earlier": one unit off the reference time.
        if (unit >= kDay && unit <= kYear && unit != kQuarter &&
            OneOf(K(end), {"later", "earlier"}) && !parts_[end].joined &&
            TokenEnd(end + 1)) {
          const bool use_ref =
              ref_.has_day &&
              (unit == kWeek ? ref_.unit == kDay : unit >= ref_.unit);
          const int shift = Is(end, "later") ? 1 : -1;
          return Make(
              i, end + 1, TimexType::kDate,
              ShiftedValue(use_ref ? ref_.day : dct_, unit, shift, &day_level),
              use_ref ? DateAnchor::kReference : DateAnchor::kPublished);
        }
        if (unit == kQuarter) {
          // "the quarter ended Sept. 30": the calendar quarter that the
          // closing day ends (a day or two into the next one counts too).
          // It does not become the reference quarter: companies with a
          // fiscal year name it otherwise ("fiscal first quarter").
          if (OneOf(K(end), {"ended", "ending"})) {
            Match day = Core(end + 1);
            int y, mo, d;
            if (day.ok() && day.value.size() == 10 &&
                std::sscanf(day.value.c_str(), "%4d-%2d-%2d", &y, &mo, &d) ==
                    3) {
              const Ymd q = CivilFromDays(DaysFromCivil(y, mo, d) - 40);
              return Make(i, end, TimexType::kDate,
                          FmtQuarter(q.y, (q.m - 1) / 3 + 1),
                          DateAnchor::kReference);
            }
          }
          return Make(i, end, TimexType::kDate, RefQuarterValue(0),
                      DateAnchor::kReference);
        }
        // "the day before last Tuesday", "the day after Christmas".
        if (unit == kDay && OneOf(K(end), {"before", "after"})) {
          Match day = Core(end + 1);
          int y, mo, d;
          if (day.ok() && day.value.size() == 10 && TokenEnd(day.end) &&
              std::sscanf(day.value.c_str(), "%4d-%2d-%2d", &y, &mo, &d) == 3) {
            const int shift = Is(end, "before") ? -1 : 1;
            return Make(i, day.end, TimexType::kDate,
                        FmtDay(DaysFromCivil(y, mo, d) + shift), day.anchor);
          }
        }
        // "the week of March 6": the ISO week of that day.
        if (unit == kWeek && Is(end, "of")) {
          Match day = Core(end + 1);
          if (day.ok() && day.value.size() == 10 && TokenEnd(day.end)) {
            int y, mo, d;
            if (std::sscanf(day.value.c_str(), "%4d-%2d-%2d", &y, &mo, &d) ==
                3) {
              return Make(i, day.end, TimexType::kDate,
                          FmtWeek(DaysFromCivil(y, mo, d)), day.anchor);
            }
          }
        }
        if (unit == kYear || unit == kMonth || unit == kWeek) {
          return Make(i, end, TimexType::kDate,
                      ShiftedValue(dct_, unit, 0, &day_level),
                      DateAnchor::kPublished);
        }
        if (unit == kWeekend) {
          // The weekend just past for a past-tense sentence, else the next.
          const int64_t saturday = WeekdayDate(6, Tense(i) > 0 ? 1 : -1, false);
          return Make(i, end, TimexType::kDate, FmtWeek(saturday) + "-WE",
                      DateAnchor::kPublished);
        }
        return Match();
      }
      case kFirst:
      case kRecent:
        return Match();
    }
  }
  if (det == kThe || det == kFirst || det == kRecent) return Match();
  // Month names: last April, next June, this May.
  const int m = MonthAt(j, false);
  if (m != kMissing && (det == kLast || det == kNext)) {
    // "last Oct. 23", "next May 5": the last such day before the DCT, the
    // next one after it.
    bool invalid = false;
    const int d = DayNumAt(j + 1, &invalid);
    if (d != kMissing && d > 0 && TokenEnd(j + 2) &&
        YearAt(j + 2) == kMissing &&
        !(Is(j + 2, ",") && YearAt(j + 3) != kMissing)) {
      int y = dct_ymd_.y;
      auto day_in = [&](int year) {
        return DaysFromCivil(year, m, std::min(d, DaysInMonth(year, m)));
      };
      if (det == kLast && day_in(y) >= dct_) --y;
      if (det == kNext && day_in(y) <= dct_) ++y;
      if (d > DaysInMonth(y, m))
        return Make(i, j + 2, TimexType::kDate, "", DateAnchor::kNone);
      return Make(i, j + 2, TimexType::kDate, FmtDay(DaysFromCivil(y, m, d)),
                  DateAnchor::kPublished);
    }
  }
  if (m != kMissing && (det == kThis || det == kLast || det == kNext)) {
    int y = dct_ymd_.y;
    if (det == kLast) y = m < dct_ymd_.m ? y : y - 1;
    if (det == kNext) y = m > dct_ymd_.m ? y : y + 1;
    return Make(i, j + 1, TimexType::kDate, FmtMonth(y, m),
                DateAnchor::kPublished);
  }
  const int wd = WeekdayAt(j);
  // "the previous Friday", "the following Monday": strictly before or after
  // the day the narrative is at (the DCT when it named no day).
  if (wd != kMissing && (det == kPrevRef || det == kNextRef)) {
    const bool use_ref = ref_.has_day && ref_.unit == kDay;
    const int64_t base = use_ref ? ref_.day : dct_;
    int64_t day = base;
    do {
      day += det == kPrevRef ? -1 : 1;
    } while (IsoWeekday(day) != wd);
    return Make(i, j + 1, TimexType::kDate, FmtDay(day),
                use_ref ? DateAnchor::kReference : DateAnchor::kPublished);
  }
  if (wd != kMissing && (det == kThis || det == kLast || det == kNext)) {
    int64_t day;
    if (det == kThis)
      day = WeekdayDate(wd, Tense(i), false);
    else
      day = WeekdayDate(wd, det == kLast ? -1 : 1, true);
    std::string value = FmtDay(day);
    int end = j + 1;
    const int pod = At(end, kPartOfDayWords);
    if (pod != kMissing && pod <= 3 && !value.empty()) {
      value += std::string("T") + kPartOfDayCodes[pod];
      ++end;
    }
    return Make(i, end, TimexType::kDate, value, DateAnchor::kPublished);
  }
  const int season = At(j, kSeasonWords);
  if (season != kMissing && (det == kThis || det == kLast || det == kNext)) {
    const int cur =
        dct_ymd_.m == 12 ? 3 : (dct_ymd_.m - 3) / 3;  // Mar-May spring
    int y = dct_ymd_.y;
    if (det == kLast) y = season < cur ? y : y - 1;
    if (det == kNext) y = season > cur ? y : y + 1;
    return Make(i, j + 1, TimexType::kDate,
                FmtYear(y) + "-" + kSeasonCodes[season],
                DateAnchor::kPublished);
  }
  const int pod = At(j, kPartOfDayWords);
  if (pod != kMissing && pod <= 3 && det == kThis) {
    return Make(i, j + 1, TimexType::kTime,
                FmtDay(dct_) + "T" + kPartOfDayCodes[pod],
                DateAnchor::kPublished);
  }
  return Match();
}

// N units [ago | earlier | later | from now]; N-unit (hyphenated);
// several years; bare plural units.
Match Finder::NumberUnit(int i) {
  double num = 0;
  int j = NumberAt(i, &num);
  bool bare = false;
  if (j < 0) {
    // "years", "decades": an unspecified number of units.
    const int u = UnitAt(i);
    if (u == kMissing || !PluralAt(i) || u == kWeekend || u == kSecond)
      return Match();
    if (parts_[i].joined) return Match();
    // After a number that is no quantity (200 digits): nothing.
    if (i > 0 && !parts_[i - 1].key.empty() &&
        IsAsciiDigit(parts_[i - 1].key[0])) {
      return Match();
    }
    // "days" in "days later" / "for days".
    j = i;
    num = -1;
    bare = true;
  }
  int u_at = j;
  // Adjectives between the number and the unit.
  if (!bare &&
      OneOf(K(u_at), {"trading", "business", "working", "full", "straight",
                      "consecutive", "more", "long", "calendar", "additional",
                      "extra", "short", "whole", "entire", "bloody", "hard"})) {
    ++u_at;
  }
  const int unit = UnitAt(u_at);
  if (unit == kMissing) return Match();
  if (!bare && num == 1 && (Is(i, "a") || Is(i, "an")) && PluralAt(u_at))
    return Match();
  // A rate, not a time: "$500 million a year", "four flights a week",
  // "twice a day".
  if (!bare && (Is(i, "a") || Is(i, "an")) && i > 0 &&
      !OneOf(K(u_at + 1),
             {"ago", "earlier", "later", "before", "after", "from"})) {
    const Part& prev = parts_[i - 1];
    if ((!prev.key.empty() && IsAsciiDigit(prev.key[0])) ||
        OneOf(prev.key, {"million", "billion", "trillion", "thousand",
                         "hundred", "percent", "%", "cents", "dollars", "times",
                         "twice", "once", "thrice"}) ||
        (prev.alpha && !prev.cap && prev.key.size() > 3 &&
         prev.key.back() == 's' &&
         !OneOf(prev.key, {"was", "has", "is", "this", "its", "across",
                           "perhaps", "unless", "towards", "afterwards",
                           "always", "less", "plus"}))) {
      return Match();
    }
  }
  int end = u_at + 1;
  // "three-quarters", "a quarter of the vote": fractions, not time.
  if (unit == kQuarter && (parts_[u_at].joined || Is(end, "of")))
    return Match();
  // Hyphenated: "30-year", "three-year-long"; never ages ("20-year-old").
  if (end < n() && parts_[end].joined) {
    if (Is(end, "old")) return Match();
    if (Is(end, "long"))
      ++end;
    else
      return Match();
  }
  if (Is(end, "old") || (Is(end, "of") && Is(end + 1, "age"))) return Match();
  // "a minute and a half", "one hour and a half".
  if (!bare && num >= 1 && num == std::floor(num) && !PluralAt(u_at) &&
      Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half")) {
    num += 0.5;
    end += 3;
  }
  if (bare && num < 0 && Is(end, "ago")) {
    return Make(i, end + 1, TimexType::kDate, "PAST_REF",
                DateAnchor::kPublished);
  }
  const bool fuzzy = num < 0;
  if (num > 100000)
    return Make(i, end, TimexType::kDuration, "", DateAnchor::kNone);
  // Relative dates.
  const bool ago = Is(end, "ago") || (Is(end, "from") && Is(end + 1, "now")) ||
                   Is(end, "hence");
  const bool rel = Is(end, "earlier") || Is(end, "later");
  if ((ago || rel) && !bare) {
    const int last = Is(end, "from") ? end + 2 : end + 1;
    const int sign = (Is(end, "ago") || Is(end, "earlier")) ? -1 : 1;
    if (fuzzy) {
      return Make(i, last, TimexType::kDate,
                  sign < 0 ? "PAST_REF" : "FUTURE_REF", DateAnchor::kPublished);
    }
    if (!has_dct_)
      return Make(i, last, TimexType::kDate, "", DateAnchor::kNone);
    if ((num != std::floor(num) && unit > kHour) || num > 10000) {
      return Make(i, last, TimexType::kDate, "", DateAnchor::kNone);
    }
    const int nn = static_cast<int>(num);
    bool day_level;
    // "a year earlier" in a report about a quarter: that quarter a year
    // before; after "the nine months": the year before the DCT's.
    if (sign < 0 && unit == kYear && nn == 1 && ref_.quarter > 0) {
      if (ref_.past_quarter) {
        return Make(i, last, TimexType::kDate, FmtYear(dct_ymd_.y - 1),
                    DateAnchor::kPublished);
      }
      return Make(i, last, TimexType::kDate, RefQuarterValue(-1),
                  DateAnchor::kReference);
    }
    const bool use_ref =
        rel && ref_.has_day &&
        (unit == kWeek ? ref_.unit == kDay : unit >= ref_.unit);
    const int64_t base = use_ref ? ref_.day : dct_;
    const DateAnchor anchor =
        use_ref ? DateAnchor::kReference : DateAnchor::kPublished;
    std::string value;
    switch (unit) {
      case kDay:
        value = FmtDay(base + sign * nn);
        break;
      case kWeek:
        value = FmtWeek(base + sign * 7 * int64_t{nn});
        break;
      case kFortnight:
        value = FmtWeek(base + sign * 14 * int64_t{nn});
        break;
      case kWeekend:
        value = ShiftedValue(base, kWeekend, sign * nn, &day_level);
        break;
      case kMonth:
        value = ShiftedValue(base, kMonth, sign * nn, &day_level);
        break;
      case kQuarter:
        value = ShiftedValue(base, kQuarter, sign * nn, &day_level);
        break;
      case kYear:
        value = ShiftedValue(base, kYear, sign * nn, &day_level);
        break;
      case kDecade:
        value = ShiftedValue(base, kDecade, sign * nn, &day_level);
        break;
      case kCentury:
        value = ShiftedValue(base, kCentury, sign * nn, &day_level);
        break;
      default:
        value = FmtDay(base);
        break;  // hours ago: that day
    }
    return Make(i, last, unit <= kHour ? TimexType::kTime : TimexType::kDate,
                value, anchor);
  }
  if (unit == kWeekend && !bare && (Is(i, "a") || Is(i, "an"))) return Match();
  return Make(i, end, TimexType::kDuration, DurationValue(num, unit),
              DateAnchor::kNone);
}

// Quarters and halves: the third quarter [of 1989], third-quarter, fiscal
// first quarter, this year's second quarter, the year-ago quarter, the 1988
// quarter, the latest quarter.
Match Finder::Quarter(int i) {
  int j = i;
  int year = kMissing;
  int year_shift = 0;
  bool relative_year = false;
  bool ref_based =
      false;  // year-ago/year-earlier: the reference quarter a year back
  if (Is(j, "the")) ++j;
  if ((Is(j, "this") || Is(j, "last") || Is(j, "next")) && Is(j + 1, "year") &&
      Is(j + 2, "'s")) {
    year_shift = Is(j, "this") ? 0 : Is(j, "last") ? -1 : 1;
    relative_year = true;
    j += 3;
  } else if (Is(j, "year") && (Is(j + 1, "ago") || Is(j + 1, "earlier")) &&
             j + 1 < n() && parts_[j + 1].joined) {
    ref_based = true;
    j += 2;
  } else if (YearAt(j) != kMissing && j > i) {
    year = YearAt(j);
    ++j;
    if (Is(j, "'s")) ++j;
  }
  if (Is(j, "fiscal")) ++j;
  int q = 0;
  bool half = false;
  bool invalid = false;
  int ord = DayNumAt(j, &invalid);
  // "the last half of 1989", "the last quarter of 1989": the second half,
  // the fourth quarter (only with the year: "the last quarter" alone is the
  // latest one).
  const bool last_of_year = Is(j, "last") &&
                            (Is(j + 1, "quarter") || Is(j + 1, "half")) &&
                            Is(j + 2, "of");
  if (last_of_year) ord = Is(j + 1, "half") ? 2 : 4;
  if (ord != kMissing && ord >= 1 && ord <= 4) {
    const int u = j + 1;
    if (Is(u, "quarter") || (ord <= 2 && Is(u, "half"))) {
      half = Is(u, "half");
      q = ord;
      j = u + 1;
    } else if (Is(u, "fiscal") && Is(u + 1, "quarter")) {
      q = ord;
      j = u + 2;
    } else {
      return Match();
    }
  } else if (Is(j, "quarter") || Is(j, "period")) {
    if (!(ref_based || relative_year || year != kMissing)) return Match();
    ++j;
  } else {
    // "the year-earlier nine months": that many months, a year back.
    if (ref_based) {
      Match span = NumberUnit(j);
      if (span.ok() && span.type == TimexType::kDuration) {
        span.begin = i;
        return span;
      }
    }
    // "year-ago" / "year-earlier" alone (no quarter word after it).
    if (ref_based && i == j - 2) {
      const std::string v = ref_.quarter > 0 && !ref_.past_quarter
                                ? RefQuarterValue(-1)
                                : (has_dct_ ? FmtYear(dct_ymd_.y - 1) : "");
      return Make(i, j, TimexType::kDate, v, DateAnchor::kReference);
    }
    return Match();
  }
  // "of 1989", "of fiscal 1989", "of this year", "of next year".
  if (Is(j, "of") || Is(j, "in")) {
    int k = j + 1;
    if (Is(k, "fiscal")) ++k;
    if (YearAt(k) != kMissing) {
      year = YearAt(k);
      j = k + 1;
    } else if ((Is(k, "this") || Is(k, "last") || Is(k, "next")) &&
               Is(k + 1, "year")) {
      year_shift = Is(k, "this") ? 0 : Is(k, "last") ? -1 : 1;
      relative_year = true;
      j = k + 2;
    } else if (Is(k, "the") && Is(k + 1, "year")) {
      j = k + 2;
    }
  } else if (YearAt(j) != kMissing && q > 0) {
    year = YearAt(j);
    ++j;
  }
  // Parts must end at a token end; "third-quarter" is one token.
  std::string value;
  if (q == 0) {
    // "the year-ago quarter", "this year's period", "the 1988 quarter"
    std::string rq = RefQuarterValue(0);
    if (ref_based)
      return Make(i, j, TimexType::kDate, RefQuarterValue(-1),
                  DateAnchor::kReference);
    if (rq.size() == 7) {
      const int qq = rq[6] - '0';
      if (relative_year && has_dct_) year = dct_ymd_.y + year_shift;
      if (year != kMissing)
        return Make(i, j, TimexType::kDate, FmtQuarter(year, qq),
                    DateAnchor::kReference);
    }
    return Match();
  }
  if (ref_based) {
    // "the year-ago third quarter"
    std::string rq = RefQuarterValue(-1);
    if (rq.size() == 7) year = std::stoi(rq.substr(0, 4));
  }
  DateAnchor anchor = DateAnchor::kExplicit;
  if (last_of_year && year == kMissing && !relative_year) return Match();
  if (year == kMissing) {
    if (!has_dct_) return Make(i, j, TimexType::kDate, "", DateAnchor::kNone);
    anchor = DateAnchor::kPublished;
    if (relative_year) {
      year = dct_ymd_.y + year_shift;
    } else {
      year = dct_ymd_.y;
      const int cur =
          half ? (dct_ymd_.m - 1) / 6 + 1 : (dct_ymd_.m - 1) / 3 + 1;
      if (q > cur && Tense(i) <= 0) --year;
    }
  }
  value = half ? (ValidYear(year) ? Fmt("%04d-H%d", year, q) : "")
               : FmtQuarter(year, q);
  return Make(i, j, TimexType::kDate, value, anchor);
}

// [the] summer [of] [1998]; "fall" only with a year or determiner.
Match Finder::Season(int i) {
  int j = Is(i, "the") ? i + 1 : i;
  const int s = At(j, kSeasonWords);
  if (s == kMissing) return Match();
  int end = j + 1;
  int k = Is(end, "of") ? end + 1 : end;
  int y = YearAt(k);
  if (y != kMissing) {
    end = k + 1;
    return Make(i, end, TimexType::kDate, FmtYear(y) + "-" + kSeasonCodes[s],
                DateAnchor::kExplicit);
  }
  const Match spoken = SpokenYear(k);  // "the winter of nineteen ninety-four"
  if (spoken.ok() && spoken.value.size() == 4) {
    return Make(i, spoken.end, TimexType::kDate,
                spoken.value + "-" + kSeasonCodes[s], DateAnchor::kExplicit);
  }
  if (K(j) == "fall" && j == i) return Match();
  if (K(j) == "spring" && j == i &&
      !OneOf(K(i - 1),
             {"in", "this", "last", "next", "early", "late", "by", "until"}))
    return Match();
  if (j == i &&
      !OneOf(K(i - 1), {"in", "by", "until", "during", "early", "late", "mid",
                        "through", "since", "over", "this", "last", "next"}))
    return Match();
  if (Is(end, "of")) return Match();  // "the fall of Saigon"
  if (!has_dct_) return Make(i, end, TimexType::kDate, "", DateAnchor::kNone);
  const int cur = dct_ymd_.m == 12 ? 3
                  : dct_ymd_.m < 3 ? 3
                                   : (dct_ymd_.m - 3) / 3;
  int year = dct_ymd_.y;
  const int tense = Tense(i);
  if (tense < 0 && s > cur) --year;
  if (tense > 0 && s < cur) ++year;
  return Make(i, end, TimexType::kDate, FmtYear(year) + "-" + kSeasonCodes[s],
              DateAnchor::kPublished);
}

// Christmas, Thanksgiving, New Year's Day, Labor Day, ...
Match Finder::Holiday(int i) {
  std::string key;
  int best_end = -1, fixed = kMissing, rule = kMissing;
  for (int len = 1; len <= 4 && i + len <= n(); ++len) {
    const std::string& k = K(i + len - 1);
    if (len > 1 && !(k.size() > 0 && k[0] == '\'')) key.push_back(' ');
    key += k;
    if (!parts_[i].cap) break;
    const int f = Lookup(kFixedHolidays, key);
    const int r = Lookup(kWeekdayHolidays, key);
    if (f != kMissing || r != kMissing) {
      best_end = i + len;
      fixed = f;
      rule = r;
    }
  }
  if (best_end < 0) return Match();
  int end = best_end;
  int k = Is(end, ",") ? end + 1 : end;
  int y = YearAt(k);
  DateAnchor anchor = DateAnchor::kExplicit;
  if (y != kMissing) {
    end = k + 1;
  } else {
    if (!has_dct_) return Make(i, end, TimexType::kDate, "", DateAnchor::kNone);
    anchor = DateAnchor::kPublished;
  }
  auto date_in = [&](int year) -> int64_t {
    if (fixed != kMissing) return DaysFromCivil(year, fixed / 100, fixed % 100);
    const int m = rule / 100, wd = rule / 10 % 10, nth = rule % 10;
    if (nth == 5) {
      int64_t d = DaysFromCivil(year, m, DaysInMonth(year, m));
      while (IsoWeekday(d) != wd) --d;
      return d;
    }
    int64_t d = DaysFromCivil(year, m, 1);
    while (IsoWeekday(d) != wd) ++d;
    return d + 7 * int64_t{nth - 1};
  };
  if (y == kMissing) {
    y = dct_ymd_.y;
    const int tense = Tense(i);
    int64_t d = date_in(y);
    if (tense < 0 && d > dct_)
      --y;
    else if (tense > 0 && d < dct_)
      ++y;
    else if (tense == 0 && d - dct_ > 183)
      --y;
    else if (tense == 0 && dct_ - d > 183)
      ++y;
  }
  if (!ValidYear(y))
    return Make(i, end, TimexType::kDate, "", DateAnchor::kNone);
  return Make(i, end, TimexType::kDate, FmtDay(date_in(y)), anchor);
}

// daily, weekly, every day, each month, every Tuesday, every two weeks.
Match Finder::SetRule(int i) {
  const int f = At(i, kFrequencyWords);
  if (f != kMissing) {
    return Make(i, i + 1, TimexType::kSet, DurationValue(1, f),
                DateAnchor::kNone);
  }
  if (!(Is(i, "every") || Is(i, "each"))) return Match();
  int j = i + 1;
  bool invalid_day = false;
  double num = 1;
  if (Is(j, "other")) {
    num = 2;
    ++j;
  } else {
    double v;
    const int e = NumberAt(j, &v);
    if (e > j && v > 0 && !Is(j, "a")) {
      num = v;
      j = e;
    }
  }
  const int wd = WeekdayAt(j);
  if (wd != kMissing) {
    return Make(i, j + 1, TimexType::kSet, Fmt("XXXX-WXX-%d", wd),
                DateAnchor::kNone);
  }
  // "each July": that month of every year.
  const int month = MonthAt(j, false);
  if (month != kMissing && num == 1 &&
      DayNumAt(j + 1, &invalid_day) == kMissing) {
    return Make(i, j + 1, TimexType::kSet, Fmt("XXXX-%02d", month),
                DateAnchor::kNone);
  }
  const int unit = UnitAt(j);
  if (unit != kMissing && unit != kWeekend) {
    return Make(i, j + 1, TimexType::kSet, DurationValue(num, unit),
                DateAnchor::kNone);
  }
  const int pod = At(j, kPartOfDayWords);
  if (pod != kMissing && pod <= 3 && !Is(j, "overnight")) {
    return Make(i, j + 1, TimexType::kSet,
                std::string("XXXX-XX-XXT") + kPartOfDayCodes[pod],
                DateAnchor::kNone);
  }
  return Match();
}

Match Finder::Core(int i) {
  Match best;
  if (i < 0 || i >= n()) return best;
  Consider(&best, IsoDate(i));
  Consider(&best, ClockTime(i));
  Consider(&best, WeekdayRule(i));
  Consider(&best, MonthLed(i));
  Consider(&best, DayLed(i));
  Consider(&best, YearRule(i));
  Consider(&best, SpokenYear(i));
  Consider(&best, DayWord(i));
  Consider(&best, Fuzzy(i));
  Consider(&best, Demonstrative(i));
  Consider(&best, NumberUnit(i));
  Consider(&best, Quarter(i));
  Consider(&best, Season(i));
  Consider(&best, Holiday(i));
  Consider(&best, SetRule(i));
  return best;
}

// Modifiers in front of an expression: "early", "late", "mid-", "the end
// of", "earlier", "about", "at least", "more than" ...
Match Finder::Best(int i) {
  Match best = Core(i);
  // Position modifiers (dates only).
  int j = i;
  std::string mod;
  const int pm = At(i, kPositionModWords);
  if (pm != kMissing) {
    j = i + 1;
    mod = pm == 0 ? "START" : pm == 1 ? "MID" : pm == 2 ? "END" : "";
  } else if ((Is(i, "the") || Is(i, "at")) &&
             OneOf(K(i + 1), {"end", "beginning", "start", "middle"}) &&
             Is(i + 2, "of")) {
    j = i + 3;
    mod = Is(i + 1, "end") ? "END" : Is(i + 1, "middle") ? "MID" : "START";
  } else if (OneOf(K(i), {"end", "beginning", "start", "middle"}) &&
             Is(i + 1, "of")) {
    j = i + 2;
    mod = Is(i, "end") ? "END" : Is(i, "middle") ? "MID" : "START";
  }
  if (j > i) {
    Match c = Core(j);
    if (c.ok() && (c.type == TimexType::kDate || c.type == TimexType::kTime) &&
        TokenEnd(c.end)) {
      // "at the end of" keeps "at" outside.
      c.begin = Is(i, "at") ? i + 1 : i;
      c.mod = mod;
      if (!best.ok() || c.end >= best.end) best = std::move(c);
    }
  }
  // Quantity modifiers (durations and "N units ago").
  int qm = At(i, kQuantityModWords);
  j = i + 1;
  if (i + 1 < n()) {
    const bool multi = OneOf(K(i), {"less", "more", "up", "at", "fewer", "no"});
    const int two =
        multi ? Lookup(kQuantityModWords, K(i) + " " + K(i + 1)) : kMissing;
    const int three = multi ? Lookup(kQuantityModWords,
                                     K(i) + " " + K(i + 1) + " " + K(i + 2))
                            : kMissing;
    if (three != kMissing) {
      qm = three;
      j = i + 3;
    } else if (two != kMissing) {
      qm = two;
      j = i + 2;
    }
  }
  if (qm != kMissing && !Is(j, "the")) {
    Match c = Core(j);
    if (c.ok() && TokenEnd(c.end) &&
        (c.type == TimexType::kDuration || c.value == "PAST_REF" ||
         (c.type == TimexType::kDate && c.end > j + 1 &&
          UnitAt(c.end - 2) != kMissing))) {
      static const char* kMods[] = {"APPROX", "LESS_THAN", "MORE_THAN",
                                    "EQUAL_OR_LESS", "EQUAL_OR_MORE"};
      c.begin = i;
      c.mod = kMods[qm];
      if (!best.ok() || c.end >= best.end) best = std::move(c);
    }
  }
  return best;
}

std::vector<Timex> Finder::Run() {
  std::vector<Timex> out;
  if (has_dct_) {
    ref_.day = dct_;
    ref_.has_day = false;
  }
  auto emit = [&](const Match& m) {
    Timex t;
    t.begin = parts_[m.begin].begin;
    t.end = parts_[m.end - 1].end;
    t.first_token = parts_[m.begin].token;
    t.last_token = parts_[m.end - 1].token + 1;
    t.type = m.type;
    t.value = m.value;
    t.mod = m.mod;
    t.anchor = m.anchor;
    if (t.type == TimexType::kDate || t.type == TimexType::kTime) {
      if (auto iv = IntervalOfValue(t.value)) {
        t.start = iv->start;
        t.end_date = iv->end;
        t.precision = iv->precision;
      }
    }
    // The narrative's reference time moves to every calendar date named.
    if (!t.start.empty() && (t.precision == DatePrecision::kDay ||
                             t.precision == DatePrecision::kMonth ||
                             t.precision == DatePrecision::kYear)) {
      int y, mo, d;
      if (std::sscanf(t.start.c_str(), "%4d-%2d-%2d", &y, &mo, &d) == 3) {
        ref_.day = DaysFromCivil(y, mo, d);
        ref_.has_day = true;
        ref_.unit = t.precision == DatePrecision::kDay     ? kDay
                    : t.precision == DatePrecision::kMonth ? kMonth
                                                           : kYear;
      }
    }
    if (t.value.size() == 7 && t.value[5] == 'Q' &&
        t.anchor != DateAnchor::kReference) {
      ref_.quarter_year = std::stoi(t.value.substr(0, 4));
      ref_.quarter = t.value[6] - '0';
      ref_.past_quarter = false;
    }
    if (t.type == TimexType::kDuration &&
        (t.value == "P6M" || t.value == "P9M")) {
      ref_.past_quarter = true;
    }
    out.push_back(std::move(t));
  };
  int i = 0;
  while (i < n()) {
    if (!TokenStart(i)) {
      ++i;
      continue;
    }
    Match m = Best(i);
    if (!m.ok()) {
      // "between 3 and 5 May": the first day takes the second's month.
      bool invalid = false;
      const int d = DayNumAt(i, &invalid);
      if (d != kMissing && d > 0 && parts_[i].digits &&
          OneOf(K(i + 1), {"and", "to", "-", "–", "through", "until"})) {
        Match second = DayLed(i + 2);
        if (second.ok() && second.value.size() == 10) {
          const int y = std::stoi(second.value.substr(0, 4));
          const int mo = std::stoi(second.value.substr(5, 2));
          Match first = Make(
              i, i + 1, TimexType::kDate,
              d <= DaysInMonth(y, mo) ? FmtDay(DaysFromCivil(y, mo, d)) : "",
              second.anchor);
          emit(first);
          emit(second);
          out[out.size() - 2].range_start = out[out.size() - 2].start;
          out[out.size() - 2].range_end = out.back().end_date;
          out.back().range_start = out[out.size() - 2].start;
          out.back().range_end = out.back().end_date;
          i = second.end;
          continue;
        }
      }
      ++i;
      continue;
    }
    const size_t before = out.size();
    emit(m);
    i = m.end;
    Timex& t = out[before];
    // Ranges: since X, until X, from X to Y, between X and Y.
    const std::string& prev = K(m.begin - 1);
    if (t.precision != DatePrecision::kUnknown && !t.start.empty()) {
      if (prev == "since" && has_dct_) {
        t.range_start = t.start;
        t.range_end = FmtDay(dct_);
      } else if ((prev == "until" || prev == "till" || prev == "through") &&
                 has_dct_) {
        t.range_start = FmtDay(dct_);
        t.range_end = t.end_date;
      }
      // "May 3 to 5": the second day takes the first's month.
      if (t.value.size() == 10 &&
          OneOf(K(i), {"to", "and", "-", "–", "through", "until"})) {
        bool invalid = false;
        const int d2 = DayNumAt(i + 1, &invalid);
        if (d2 != kMissing && d2 > 0 && parts_[i + 1].digits &&
            TokenEnd(i + 2) && MonthAt(i + 2, false) == kMissing) {
          const int y = std::stoi(t.value.substr(0, 4));
          const int mo = std::stoi(t.value.substr(5, 2));
          if (d2 <= DaysInMonth(y, mo)) {
            Match second = Make(i + 1, i + 2, TimexType::kDate,
                                FmtDay(DaysFromCivil(y, mo, d2)), t.anchor);
            const std::string start = t.start;
            emit(second);
            out[before].range_start = start;
            out[before].range_end = out.back().end_date;
            out.back().range_start = start;
            out.back().range_end = out.back().end_date;
            i += 2;
          }
        }
      }
    }
  }
  return out;
}

}  // namespace

const char* TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "DATE";
}

const char* DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kRange:
      return "range";
    case DatePrecision::kUnknown:
      return "unknown";
  }
  return "unknown";
}

const char* DateAnchorName(DateAnchor anchor) {
  switch (anchor) {
    case DateAnchor::kNone:
      return "";
    case DateAnchor::kExplicit:
      return "explicit";
    case DateAnchor::kPublished:
      return "published";
    case DateAnchor::kReference:
      return "previous-event";
  }
  return "";
}

std::optional<DateInterval> IntervalOfValue(std::string_view v) {
  auto digits = [&](size_t from, size_t len) {
    if (from + len > v.size()) return -1;
    int x = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (!IsAsciiDigit(v[i])) return -1;
      x = x * 10 + (v[i] - '0');
    }
    return x;
  };
  DateInterval r;
  auto range = [&](int64_t a, int64_t b, DatePrecision p) {
    r.start = FmtDay(a);
    r.end = FmtDay(b);
    r.precision = p;
    if (r.start.empty() || r.end.empty()) return std::optional<DateInterval>();
    return std::optional<DateInterval>(r);
  };
  if (v.size() == 2 && digits(0, 2) >= 0) {  // century
    const int c = digits(0, 2);
    if (c < 10) return std::nullopt;
    return range(DaysFromCivil(c * 100, 1, 1),
                 DaysFromCivil(c * 100 + 99, 12, 31), DatePrecision::kRange);
  }
  if (v.size() == 3 && digits(0, 3) >= 0) {  // decade
    const int d = digits(0, 3);
    if (d < 100) return std::nullopt;
    return range(DaysFromCivil(d * 10, 1, 1), DaysFromCivil(d * 10 + 9, 12, 31),
                 DatePrecision::kRange);
  }
  const int y = digits(0, 4);
  if (y < 0 || !ValidYear(y)) return std::nullopt;
  if (v.size() == 4) {
    return range(DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31),
                 DatePrecision::kYear);
  }
  if (v[4] != '-') return std::nullopt;
  if (v.size() >= 8 && v[5] == 'W' && IsAsciiDigit(v[6])) {
    const int w = digits(6, 2);
    if (w < 1 || w > IsoWeeksInYear(y)) return std::nullopt;
    const int64_t mon = IsoWeekMonday(y, w);
    if (v.size() == 8) return range(mon, mon + 6, DatePrecision::kWeek);
    if (v.substr(8) == "-WE")
      return range(mon + 5, mon + 6, DatePrecision::kRange);
    return std::nullopt;
  }
  if (v.size() == 7 && v[5] == 'Q') {
    const int q = digits(6, 1);
    if (q < 1 || q > 4) return std::nullopt;
    return range(DaysFromCivil(y, 3 * q - 2, 1),
                 DaysFromCivil(y, 3 * q, DaysInMonth(y, 3 * q)),
                 DatePrecision::kRange);
  }
  if (v.size() == 7 && v[5] == 'H') {
    const int h = digits(6, 1);
    if (h < 1 || h > 2) return std::nullopt;
    return range(DaysFromCivil(y, 6 * h - 5, 1),
                 DaysFromCivil(y, 6 * h, DaysInMonth(y, 6 * h)),
                 DatePrecision::kRange);
  }
  if (v.size() == 7 && IsAsciiAlpha(v[5])) {  // seasons
    const std::string_view s = v.substr(5);
    if (s == "SP")
      return range(DaysFromCivil(y, 3, 1), DaysFromCivil(y, 5, 31),
                   DatePrecision::kRange);
    if (s == "SU")
      return range(DaysFromCivil(y, 6, 1), DaysFromCivil(y, 8, 31),
                   DatePrecision::kRange);
    if (s == "FA")
      return range(DaysFromCivil(y, 9, 1), DaysFromCivil(y, 11, 30),
                   DatePrecision::kRange);
    if (s == "WI")
      return range(DaysFromCivil(y, 12, 1), DaysFromCivil(y + 1, 3, 1) - 1,
                   DatePrecision::kRange);
    return std::nullopt;
  }
  const int m = digits(5, 2);
  if (m < 1 || m > 12) return std::nullopt;
  if (v.size() == 7) {
    return range(DaysFromCivil(y, m, 1), DaysFromCivil(y, m, DaysInMonth(y, m)),
                 DatePrecision::kMonth);
  }
  if (v.size() < 10 || v[7] != '-') return std::nullopt;
  const int d = digits(8, 2);
  if (d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  if (v.size() > 10 && v[10] != 'T') return std::nullopt;
  const int64_t day = DaysFromCivil(y, m, d);
  return range(day, day, DatePrecision::kDay);
}

std::vector<Timex> FindTimexes(const Document& doc, std::string_view dct) {
  Finder finder(doc, dct);
  return finder.Run();
}

}  // namespace sitrep::time
