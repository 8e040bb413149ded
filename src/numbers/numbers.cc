#include "numbers/numbers.h"

#include <cmath>
#include <string_view>

#include "core/strings.h"
#include "numbers/internal.h"
#include "numbers/lexicon.h"
#include "text/text.h"

namespace sitrep::numbers {

using lex::NumberWordClass;

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExactly:
      return "exactly";
    case Qualifier::kAbout:
      return "about";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kUpTo:
      return "up_to";
    case Qualifier::kRange:
      return "range";
  }
  return "exactly";
}

const char* NumberUseName(NumberUse u) {
  static constexpr const char* kNames[] = {
      "count",   "money",   "distance", "duration", "age",  "model",
      "year",    "time",    "date",     "percent",  "vote", "phone",
      "ordinal", "measure", "label",    "other"};
  const auto i = static_cast<size_t>(u);
  return i < std::size(kNames) ? kNames[i] : "other";
}

const char* CasualtyKindName(CasualtyKind k) {
  switch (k) {
    case CasualtyKind::kKilled:
      return "killed";
    case CasualtyKind::kInjured:
      return "injured";
    case CasualtyKind::kAbducted:
      return "abducted";
    case CasualtyKind::kArrested:
      return "arrested";
    case CasualtyKind::kMissing:
      return "missing";
  }
  return "killed";
}

std::optional<Count> ToCount(const NumberExpr& n) {
  if (!n.has_value || n.use != NumberUse::kCount) return std::nullopt;
  auto whole = [](double v) {
    return v >= 0 && v <= static_cast<double>(kMaxCasualtyCount) &&
           std::floor(v) == v;
  };
  if (!whole(n.value) || (n.high && !whole(*n.high))) return std::nullopt;
  Count c;
  c.best = static_cast<int64_t>(n.value);
  c.qualifier = n.qualifier;
  if (n.high) {
    c.qualifier = Qualifier::kRange;
    c.min = c.best;
    c.max = static_cast<int64_t>(*n.high);
    return c;
  }
  if (n.bound_min) c.min = c.best;
  if (n.bound_max) c.max = c.best;
  return c;
}

namespace {

// Values at or above this are not read (doubles stay exact well below it).
constexpr double kMaxValue = 1e15;

struct Core {
  uint32_t first = 0, last = 0;  // tokens [first, last)
  bool has_value = false;
  double value = 0;
  bool vague = false;
  double scale = 1;  // the trailing scale word's multiplier ("three thousand")
  bool digits = false;    // written with digits
  bool bare_int = false;  // digits only, no separator or decimal
  size_t ndigits = 0;
  NumberUse use = NumberUse::kCount;          // forced by the token's own shape
  Qualifier qualifier = Qualifier::kExactly;  // from a glued "-odd"/"-plus"
  bool qualified = false;
  std::optional<double> high;  // a range inside one token: 20-30
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// Reads "3,000", "1.5", "40", "3,000.25"; false for anything else. A valid
// number too long to hold exactly sets *has_value false.
bool ReadDecimal(std::string_view s, double* value, bool* has_value,
                 size_t* ndigits) {
  if (s.empty() || !IsAsciiDigit(s[0])) return false;
  size_t dot = s.find('.');
  std::string_view intpart = s.substr(0, dot);
  std::string_view frac =
      dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (dot != std::string_view::npos && !AllDigits(frac)) return false;
  std::string digits;
  if (intpart.find(',') != std::string_view::npos) {
    // Groups of three after a first group of one to three digits.
    size_t first = intpart.find(',');
    if (first == 0 || first > 3) return false;
    for (size_t i = first; i < intpart.size(); i += 4) {
      if (intpart[i] != ',' || i + 4 > intpart.size() ||
          !AllDigits(intpart.substr(i + 1, 3))) {
        return false;
      }
    }
    for (char c : intpart) {
      if (c != ',') digits.push_back(c);
    }
    if (!AllDigits(intpart.substr(0, first))) return false;
  } else {
    if (!AllDigits(intpart)) return false;
    digits = intpart;
  }
  *ndigits = digits.size();
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  if (digits.size() - lead > 15) {
    *has_value = false;
    *value = 0;
    return true;
  }
  double v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  double scale = 0.1;
  for (char c : frac.substr(0, 6)) {
    v += (c - '0') * scale;
    scale /= 10;
  }
  *value = v;
  *has_value = v < kMaxValue;
  return true;
}

double SuffixMultiplier(std::string_view suffix) {
  if (suffix == "bn" || suffix == "b" || suffix == "billion" || suffix == "bln")
    return 1e9;
  if (suffix == "mn" || suffix == "million" || suffix == "mln") return 1e6;
  if (suffix == "k" || suffix == "thousand") return 1e3;
  if (suffix == "tn" || suffix == "trn" || suffix == "trillion") return 1e12;
  return 0;
}

// A number written with digits in one token ("40", "3,000", "20-30",
// "120mm", "5th", "1990s", "06:02", "1.13bn").
bool ParseDigitToken(std::string_view s, Core* c) {
  c->digits = true;
  if (s.empty()) return false;
  if (s[0] == '-' || s[0] == '+' || s[0] == '.') {
    // Signed numbers are no counts; a leading + is a phone prefix.
    c->use = s[0] == '+' ? NumberUse::kPhone : NumberUse::kOther;
    return true;
  }
  if (s.find(':') != std::string_view::npos) {
    c->use = NumberUse::kTime;
    return true;
  }
  if (s.find('/') != std::string_view::npos) {
    c->use = NumberUse::kDate;
    return true;
  }
  const size_t hyphen = s.find('-');
  if (hyphen != std::string_view::npos) {
    std::string_view a = s.substr(0, hyphen);
    std::string_view rest = s.substr(hyphen + 1);
    if (rest.find('-') != std::string_view::npos) {
      // 2017-09-08 or 555-123-4567.
      c->use = a.size() == 4 || rest.size() == 5 ? NumberUse::kDate
                                                 : NumberUse::kPhone;
      return true;
    }
    double va = 0, vb = 0;
    bool ha = false, hb = false;
    size_t na = 0, nb = 0;
    if (!ReadDecimal(a, &va, &ha, &na) || !ReadDecimal(rest, &vb, &hb, &nb) ||
        !ha || !hb) {
      c->use = NumberUse::kOther;
      return true;
    }
    if (na == 3 && nb == 4) {
      c->use = NumberUse::kPhone;  // 555-1234
    } else if (na == 4 && (nb == 2 || nb == 4) && va >= 1000 && va <= 2100) {
      c->use = NumberUse::kYear;  // 1990-91, 2015-2017
    } else if (va < vb) {
      c->has_value = true;
      c->value = va;
      c->high = vb;
    } else {
      c->use = NumberUse::kVote;  // a tally or score: 13-0, 3-1
    }
    return true;
  }
  // Digits, then maybe a glued suffix.
  size_t k = 0;
  while (k < s.size() && (IsAsciiDigit(s[k]) || s[k] == ',' || s[k] == '.'))
    ++k;
  while (k > 0 && (s[k - 1] == ',' || s[k - 1] == '.')) --k;
  std::string_view num = s.substr(0, k);
  std::string suffix;
  for (char ch : s.substr(k)) suffix.push_back(AsciiLower(ch));
  bool has_value = false;
  double v = 0;
  size_t nd = 0;
  if (!ReadDecimal(num, &v, &has_value, &nd)) {
    c->use = NumberUse::kOther;
    return true;
  }
  c->ndigits = nd;
  if (suffix.empty()) {
    c->has_value = has_value;
    c->value = v;
    c->bare_int = AllDigits(num);
    return true;
  }
  if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
    c->use = NumberUse::kOrdinal;
    return true;
  }
  if (suffix == "s" || suffix == "'s" || suffix == "’s") {
    c->use = (nd == 4 || nd == 2) ? NumberUse::kYear : NumberUse::kCount;
    c->has_value = c->use == NumberUse::kCount && has_value;
    c->value = v;
    return true;
  }
  if (double m = SuffixMultiplier(suffix); m > 0) {
    c->has_value = has_value && v * m < kMaxValue;
    c->value = v * m;
    c->scale = m;
    return true;
  }
  if (const lex::UnitPhrase* u = lex::FindUnitWord(suffix)) {
    c->use = u->use;
    c->has_value = has_value;
    c->value = v;
    return true;
  }
  c->use = NumberUse::kOther;
  return true;
}

// Parses number words from parts[0..n): "two thousand five hundred".
// Returns how many parts were used (0: none) and the value.
struct WordParse {
  size_t used = 0;
  double value = 0;
  double scale = 1;
  bool vague = false;
};

WordParse ParseWordSeq(const std::vector<std::string_view>& parts) {
  WordParse r;
  double total = 0, group = 0;
  double last_scale = 0;  // the last scale word closed (must decrease)
  NumberWordClass last{};
  bool any = false;
  bool article = false;  // "a hundred", "a dozen"
  size_t i = 0;
  if (parts.size() >= 2 && (parts[0] == "a" || parts[0] == "an")) {
    const lex::NumberWord* nw = lex::FindNumberWord(parts[1]);
    if (nw && (nw->cls == NumberWordClass::kHundred ||
               nw->cls == NumberWordClass::kScale ||
               nw->cls == NumberWordClass::kDozen)) {
      article = true;
      i = 1;
    } else if (parts[1] == "few" && parts.size() >= 3) {
      // "a few hundred", "a few dozen": at least two of them.
      const lex::NumberWord* nx = lex::FindNumberWord(parts[2]);
      if (nx && (nx->cls == NumberWordClass::kHundred ||
                 nx->cls == NumberWordClass::kScale ||
                 nx->cls == NumberWordClass::kDozen)) {
        r.used = 3;
        r.value = 2.0 * static_cast<double>(nx->value);
        r.scale = static_cast<double>(nx->value);
        r.vague = true;
        return r;
      }
      return r;
    } else {
      return r;
    }
  }
  if (parts.size() >= 3 && parts[0] == "half" && parts[1] == "a" &&
      parts[2] == "dozen") {
    r.used = 3;
    r.value = 6;
    return r;
  }
  size_t used = 0;
  for (; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (p == "and" && any &&
        (last == NumberWordClass::kHundred ||
         last == NumberWordClass::kScale) &&
        i + 1 < parts.size()) {
      const lex::NumberWord* nx = lex::FindNumberWord(parts[i + 1]);
      if (nx && (nx->cls == NumberWordClass::kDigitWord ||
                 nx->cls == NumberWordClass::kTeen ||
                 nx->cls == NumberWordClass::kTens)) {
        continue;
      }
      break;
    }
    const lex::NumberWord* nw = lex::FindNumberWord(p);
    if (nw == nullptr) break;
    const double v = static_cast<double>(nw->value);
    bool ok = true;
    switch (nw->cls) {
      case NumberWordClass::kDigitWord:
        ok = !any || last == NumberWordClass::kTens ||
             last == NumberWordClass::kHundred ||
             last == NumberWordClass::kScale;
        if (ok) group += v;
        break;
      case NumberWordClass::kTeen:
      case NumberWordClass::kTens:
        ok = !any || last == NumberWordClass::kHundred ||
             last == NumberWordClass::kScale;
        if (ok) group += v;
        break;
      case NumberWordClass::kHundred:
        ok = (!any && article) ||
             (any && (last == NumberWordClass::kDigitWord ||
                      last == NumberWordClass::kTeen ||
                      (last == NumberWordClass::kVague && group == 3)));
        if (ok) group = (group == 0 ? 1 : group) * v;
        break;
      case NumberWordClass::kScale:
        ok = (!any && article) || (any && last != NumberWordClass::kScale &&
                                   (last_scale == 0 || v < last_scale));
        if (ok) {
          total += (group == 0 ? 1 : group) * v;
          group = 0;
          last_scale = v;
          r.scale = v;
        }
        break;
      case NumberWordClass::kDozen:
        ok = (!any && article) ||
             (any && (last == NumberWordClass::kDigitWord ||
                      last == NumberWordClass::kTeen ||
                      (last == NumberWordClass::kVague && group == 3)));
        if (ok) {
          group = (group == 0 ? 1 : group) * v;
          r.scale = v;
        }
        break;
      case NumberWordClass::kVague:
        ok = !any;
        if (ok) {
          group = v;
          r.vague = true;
        }
        break;
    }
    if (!ok) break;
    if (nw->cls == NumberWordClass::kVague && p != "several") {
      // "dozens", "hundreds": the plural ends the number, except in
      // "tens/hundreds of thousands", handled by the caller.
      last = nw->cls;
      any = true;
      used = i + 1;
      break;
    }
    last = nw->cls;
    any = true;
    used = i + 1;
    if (nw->cls == NumberWordClass::kDozen) break;
  }
  if (!any) return r;
  // A lone "several" is vague but is no number without its noun; keep it.
  r.used = used;
  r.value = total + group;
  return r;
}

// Splits a hyphenated lowercase word into its parts.
std::vector<std::string_view> Hyphenated(std::string_view w) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= w.size()) {
    size_t j = w.find('-', i);
    if (j == std::string_view::npos) j = w.size();
    parts.push_back(w.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

class SentenceParser {
 public:
  SentenceParser(const internal::DocView& view, const Sentence& s)
      : view_(view),
        doc_(view.doc),
        w_{view.words, s.first_token, s.last_token},
        first_(s.first_token),
        last_(s.last_token) {}

  void Run(std::vector<NumberExpr>* out) {
    uint32_t i = first_;
    while (i < last_) {
      NumberExpr e;
      uint32_t next = Parse(i, &e);
      if (next > i) {
        e.begin = doc_.tokens[e.first_token].begin;
        e.end = doc_.tokens[e.last_token - 1].end;
        if (NumberUse bad = Malformed(e.first_token, e.last_token);
            bad != NumberUse::kCount) {
          e.use = bad;
          e.has_value = false;
          e.value = 0;
          e.high.reset();
        }
        out->push_back(e);
        i = next;
      } else {
        ++i;
      }
    }
    MarkPhoneRuns(out);
  }

 private:
  uint8_t Kind(uint32_t t) const {
    return t < last_ ? doc_.tokens[t].kind : 0xFF;
  }
  bool IsNumberToken(uint32_t t) const {
    return t < last_ && Kind(t) == text::kNumber;
  }

  // Parses a number proper at token i into *c; false when there is none.
  bool ParseCore(uint32_t i, Core* c) {
    if (i >= last_) return false;
    c->first = i;
    const std::string_view w = w_[i];
    if (Kind(i) == text::kNumber) {
      if (!ParseDigitToken(w, c)) return false;
      c->last = i + 1;
      if (c->use == NumberUse::kCount && c->has_value && !c->high &&
          c->scale == 1) {
        // "3 million", "1.5 billion", "2 dozen", "3 hundred".
        const lex::NumberWord* nw = lex::FindNumberWord(w_[i + 1]);
        if (i + 1 < last_ && nw &&
            (nw->cls == NumberWordClass::kScale ||
             nw->cls == NumberWordClass::kHundred ||
             nw->cls == NumberWordClass::kDozen)) {
          const double m = static_cast<double>(nw->value);
          c->value *= m;
          c->scale = m;
          c->has_value = c->value < kMaxValue;
          c->bare_int = false;
          c->last = i + 2;
        }
      }
      return true;
    }
    if (Kind(i) != text::kWord) return false;
    if (w.find('-') != std::string_view::npos) return ParseHyphenated(i, c);
    if (w == "one" && IsPronounOne(i)) return false;
    // Number words, possibly over several tokens.
    // The words, with hyphenated number words split into their parts
    // ("two hundred twenty-one"); part_end[k] is the token after part k.
    std::vector<std::string_view> parts;
    std::vector<uint32_t> part_end;
    for (uint32_t t = i; t < last_ && t < i + 12; ++t) {
      if (Kind(t) != text::kWord) break;
      if (w_[t].find('-') != std::string_view::npos) {
        std::vector<std::string_view> hp = Hyphenated(w_[t]);
        bool all = t > i;
        for (auto p : hp) all = all && lex::FindNumberWord(p) != nullptr;
        if (!all) break;
        for (auto p : hp) {
          parts.push_back(p);
          part_end.push_back(0);  // inside the token: not a place to stop
        }
        part_end.back() = t + 1;
        continue;
      }
      parts.push_back(w_[t]);
      part_end.push_back(t + 1);
    }
    if (parts.size() >= 1 && parts[0] == "scores" && w_[i + 1] != "of")
      return false;
    WordParse wp = ParseWordSeq(parts);
    while (wp.used > 0 && part_end[wp.used - 1] == 0) {
      // Stopped inside a hyphenated token: read up to the token before it.
      std::vector<std::string_view> head(
          parts.begin(), parts.begin() + static_cast<long>(wp.used) - 1);
      while (!head.empty() && part_end[head.size() - 1] == 0) head.pop_back();
      wp = ParseWordSeq(head);
    }
    if (wp.used == 0) return false;
    c->last = part_end[wp.used - 1];
    c->has_value = wp.value < kMaxValue;
    c->value = wp.value;
    c->scale = wp.scale;
    c->vague = wp.vague;
    if (wp.vague) {
      // "tens of thousands", "hundreds of thousands", "dozens of".
      // "hundreds of thousands" = 2 x 100 x 1,000 at least.
      if (w_[c->last] == "of") {
        const lex::NumberWord* nx = lex::FindNumberWord(w_[c->last + 1]);
        if (nx && nx->cls == NumberWordClass::kVague && nx->value >= 2000) {
          c->value *= static_cast<double>(nx->value) / 2;
          c->last += 2;
        }
      }
      // "dozens of people": the "of" belongs to the number.
      if (w_[c->last] == "of" && c->last + 1 < last_ &&
          !lex::FindNumberWord(w_[c->last + 1])) {
        ++c->last;
      }
    }
    return true;
  }

  // "tens of thousands" starts with "tens", which is not in the table.
  bool ParseTens(uint32_t i, Core* c) {
    if (w_[i] != "tens" || w_[i + 1] != "of" || i + 2 >= last_) return false;
    const lex::NumberWord* nx = lex::FindNumberWord(w_[i + 2]);
    if (!nx || nx->cls != NumberWordClass::kVague || nx->value < 2000)
      return false;
    c->first = i;
    c->last = i + 3;
    c->has_value = true;
    c->value = static_cast<double>(nx->value) * 10;  // 2 x 10 x the unit
    c->vague = true;
    if (w_[c->last] == "of" && c->last + 1 < last_ &&
        !lex::FindNumberWord(w_[c->last + 1])) {
      ++c->last;  // "tens of thousands of people"
    }
    return true;
  }

  // "one" as a pronoun or in fixed phrases is no number.
  bool IsPronounOne(uint32_t i) const {
    if (i > first_) {
      std::string_view p = w_[i - 1];
      if (p == "no" || p == "any" || p == "every" || p == "each" ||
          p == "the" || p == "this" || p == "that" || p == "which" ||
          p == "someone" || p == "another") {
        return true;
      }
    }
    std::string_view n = w_[i + 1];
    return n == "another" || n == "'s" || n == "side" || n == "way" ||
           n == "thing";
  }

  bool ParseHyphenated(uint32_t i, Core* c) {
    std::vector<std::string_view> parts = Hyphenated(w_[i]);
    c->last = i + 1;
    if (parts.size() < 2) return false;
    // All number words: "twenty-one".
    bool all = true;
    for (auto p : parts)
      all = all && !p.empty() && lex::FindNumberWord(p) != nullptr;
    if (all) {
      WordParse wp = ParseWordSeq(parts);
      if (wp.used != parts.size()) return false;
      c->has_value = true;
      c->value = wp.value;
      // "twenty-one" may continue: "twenty-one thousand".
      const lex::NumberWord* nx = lex::FindNumberWord(w_[i + 1]);
      if (i + 1 < last_ && nx && nx->cls == NumberWordClass::kScale) {
        c->value *= static_cast<double>(nx->value);
        c->scale = static_cast<double>(nx->value);
        c->last = i + 2;
      }
      return true;
    }
    // A number, then a unit or modifier: "three-year-long", "19-year-old".
    double v = 0;
    bool hv = false;
    size_t nd = 0;
    bool numeric_head = false;
    if (ReadDecimal(parts[0], &v, &hv, &nd)) {
      numeric_head = true;
    } else if (const lex::NumberWord* nw = lex::FindNumberWord(parts[0]);
               nw && nw->cls != NumberWordClass::kVague) {
      numeric_head = true;
      v = static_cast<double>(nw->value);
      hv = true;
    }
    if (numeric_head) {
      c->has_value = hv;
      c->value = v;
      std::string_view rest = parts[1];
      if (rest == "odd" || rest == "plus") {
        c->qualified = true;
        c->qualifier = rest == "odd" ? Qualifier::kAbout : Qualifier::kAtLeast;
        return true;
      }
      bool old = false;
      for (size_t k = 1; k < parts.size(); ++k)
        old = old || parts[k] == "old" || parts[k] == "olds";
      if (const lex::UnitPhrase* u = lex::FindUnitWord(rest)) {
        c->use =
            old && u->use == NumberUse::kDuration ? NumberUse::kAge : u->use;
      } else if (rest == "s" && (nd == 4 || nd == 2)) {
        c->use = NumberUse::kYear;  // 1990-s
      } else {
        c->use = NumberUse::kOther;  // five-member, two-state, three-storey
      }
      return true;
    }
    // Letters then digits: Su-34, T-72, F-16, AK-47, mid-2015.
    for (size_t k = 1; k < parts.size(); ++k) {
      if (!parts[k].empty() && IsAsciiDigit(parts[k][0])) {
        c->use = NumberUse::kModel;
        if (ReadDecimal(parts[k], &v, &hv, &nd) && nd == 4 && v >= 1000 &&
            v <= 2100 &&
            (parts[0] == "mid" || parts[0] == "early" || parts[0] == "late" ||
             parts[0] == "pre" || parts[0] == "post")) {
          c->use = NumberUse::kYear;
        }
        return true;
      }
    }
    return false;
  }

  // Parses the expression starting at token i; returns the token after it,
  // or i when there is none.
  uint32_t Parse(uint32_t i, NumberExpr* e) {
    if (IsOrdinal(i)) {
      e->first_token = i;
      e->last_token = i + 1;
      e->use = NumberUse::kOrdinal;
      return i + 1;
    }
    uint32_t j = i;
    lex::Bound bound = lex::kBoundBoth;
    Qualifier q = Qualifier::kExactly;
    bool qualified = false;
    bool between = false;
    if (auto m = lex::MatchQualifier(w_, i, last_, true)) {
      Core probe;
      if (ParseAny(i + m.tokens, &probe)) {
        q = m.entry->qualifier;
        bound = m.entry->bound;
        qualified = true;
        j = i + m.tokens;
      }
    } else if (w_[i] == "between") {
      Core probe;
      if (ParseAny(i + 1, &probe) && w_[probe.last] == "and") {
        between = true;
        j = i + 1;
      }
    }
    Core c;
    if (!ParseAny(j, &c)) return i;
    uint32_t end = c.last;
    std::optional<double> high = c.high;
    // A range: "20 to 30", "20 – 30", "two or three", "between 20 and 30".
    if (!high && c.has_value && c.use == NumberUse::kCount) {
      std::string_view sep = w_[end];
      const bool sep_ok = between ? sep == "and"
                                  : (sep == "to" || sep == "-" || sep == "–" ||
                                     sep == "—" || sep == "or");
      Core c2;
      if (sep_ok && ParseAny(end + 1, &c2) && c2.has_value &&
          c2.use == NumberUse::kCount && !c2.high && c2.digits == c.digits) {
        double low = c.value;
        if (c2.scale > 1 && c.scale == 1 && low * c2.scale < c2.value)
          low *= c2.scale;
        if (low < c2.value) {
          c.value = low;
          high = c2.value;
          c.scale = c2.scale;
          c.vague = false;
          c.bare_int = c.bare_int && c2.bare_int;
          end = c2.last;
        } else if (c.digits && (sep == "to" || sep == "-")) {
          c.use = NumberUse::kVote;  // "12 to 3": a tally
          end = c2.last;
        }
      }
    }
    if (between && !high) return i;  // "between" without a range
    // Qualifiers after the number: "40 or more", "40 or so", "40-odd".
    if (!qualified && !high) {
      if (auto m = lex::MatchQualifier(w_, end, last_, false)) {
        if (!(m.entry->phrase == "+" &&
              (doc_.tokens[end].flags & text::kSpaceBefore)) &&
            !(m.entry->phrase == "plus" && ParseAnyProbe(end + 1))) {
          q = m.entry->qualifier;
          bound = m.entry->bound;
          qualified = true;
          end += m.tokens;
        }
      }
    }
    if (!qualified && c.qualified) {
      q = c.qualifier;
      bound = q == Qualifier::kAtLeast ? lex::kBoundMin : lex::kBoundNone;
      qualified = true;
    }
    if (!qualified && c.vague) {
      q = Qualifier::kAtLeast;
      bound = lex::kBoundMin;
    }
    if (high) {
      q = Qualifier::kRange;
      bound = lex::kBoundBoth;
    }
    e->first_token = i;
    e->last_token = end;
    e->has_value = c.has_value;
    e->value = c.has_value ? c.value : 0;
    e->high = high;
    e->qualifier = q;
    e->bound_min = bound == lex::kBoundMin || bound == lex::kBoundBoth;
    e->bound_max = bound == lex::kBoundMax || bound == lex::kBoundBoth;
    e->vague = c.vague;
    e->use = c.use;
    if (e->use == NumberUse::kCount) e->use = Classify(c, i, end, qualified);
    if (e->use != NumberUse::kCount)
      e->first_token = c.first;  // "up to 2014": the year
    if (e->use == NumberUse::kMoney && e->first_token == c.first) {
      // Take the currency sign into the span: "$5 million".
      if (auto m = lex::MatchUnitBefore(w_, c.first, first_))
        e->first_token -= m.tokens;
    }
    if (e->use != NumberUse::kCount && !high) {
      // A qualifier belongs to a count only: "over 3 days" is a duration.
      e->qualifier = Qualifier::kExactly;
      e->bound_min = e->bound_max = true;
    }
    // Vague words need their noun to be a count: "dozens of" is kept, "of"
    // included, so that "dozens of dollars" reads as money.
    return end;
  }

  bool ParseAny(uint32_t i, Core* c) {
    return ParseTens(i, c) || ParseCore(i, c);
  }
  bool ParseAnyProbe(uint32_t i) {
    Core c;
    return ParseAny(i, &c);
  }

  bool IsOrdinal(uint32_t i) const {
    return Kind(i) == text::kWord && lex::IsOrdinalWord(w_[i]) &&
           !(w_[i] == "second" && (w_[i + 1] == "." || w_[i + 1].empty()));
  }

  bool PrevIsCapitalizedName(uint32_t t) const {
    if (t < first_ || t >= last_) return false;
    if (!internal::IsCapitalized(doc_, t)) return false;
    if (doc_.tokens[t].upos != kUposNone)
      return doc_.tokens[t].upos == kUposPropn;
    // A sentence's first word is a name only when it is no sentence starter
    // ("Burger, 21, was ...", not "Yesterday, 40 ...").
    return !text::IsSentenceStarter(
               doc_.text.substr(doc_.tokens[t].begin,
                                doc_.tokens[t].end - doc_.tokens[t].begin)) &&
           !lex::IsWeekday(w_[t]) && !lex::IsMonth(w_[t]);
  }

  bool IsPlaceEntity(uint32_t t) const {
    const EntityMention* m = view_.EntityAt(t);
    return m != nullptr && m->kind == kEntityPlace;
  }

  // Nouns that make a 4-digit number a count rather than a year.
  bool CountNounFollows(uint32_t t) const {
    if (lex::MatchVictim(w_, t, last_) || lex::IsNonPerson(w_[t])) return true;
    auto m = lex::MatchCasualty(w_, t, last_, lex::kCount | lex::kAfter);
    return static_cast<bool>(m);
  }

  NumberUse Classify(const Core& c, uint32_t start, uint32_t end,
                     bool qualified) {
    const uint32_t f = c.first;
    // Money and units before: "$5", "US$ 3", "Rs 500".
    if (lex::MatchUnitBefore(w_, f, first_)) {
      return lex::MatchUnitBefore(w_, f, first_).entry->use;
    }
    if (c.digits && f > first_ &&
        !(doc_.tokens[f].flags & text::kSpaceBefore) &&
        Kind(f - 1) == text::kSymbol && w_[f - 1] != "%" && w_[f - 1] != "+" &&
        w_[f - 1] != "&" && w_[f - 1] != "/" && w_[f - 1] != "=") {
      return NumberUse::kMoney;  // any other currency sign glued before
    }
    // Units after: "20 kilometers", "3 million dollars", "76 %", "5 p.m.".
    const uint32_t after = end;
    if (auto m = lex::MatchUnit(w_, after, last_, false)) {
      const bool word_only =
          m.entry->use == NumberUse::kVote && w_[after] == "against";
      if (!word_only) return m.entry->use;
    }
    if (auto m = lex::MatchUnit(w_, after, last_, false);
        !m && after < last_ && Kind(after) == text::kWord &&
        w_[after].find('-') != std::string_view::npos) {
      // "20 year-old", "30 day-long": a unit compound after the number.
      std::vector<std::string_view> hp = Hyphenated(w_[after]);
      if (const lex::UnitPhrase* u = lex::FindUnitWord(hp[0])) {
        bool old = false;
        for (auto p : hp) old = old || p == "old" || p == "olds";
        if (old) return NumberUse::kAge;
        if (u->use == NumberUse::kDuration) return NumberUse::kDuration;
      }
    }
    // Ages: "aged 19", "age of 19".
    for (uint32_t k = 1; k <= 3 && f >= first_ + k; ++k) {
      if (lex::MatchAgeCue(w_, f - k, f) == k) return NumberUse::kAge;
    }
    // "has died in Germany at 50."
    if (!qualified && c.bare_int && c.has_value && c.value <= 120 &&
        f > first_ && w_[f - 1] == "at" &&
        (end >= last_ || Kind(end) == text::kPunct)) {
      for (uint32_t k = f - 1; k > first_ && k + 8 > f; --k) {
        const std::string_view p = w_[k - 1];
        if (p == "died" || p == "dies") return NumberUse::kAge;
      }
    }
    // "Smith, 19, of Boston"; "Smith (19)".
    if (!qualified && c.has_value && c.value >= 1 && c.value <= 110 &&
        c.bare_int && f >= first_ + 2) {
      const std::string_view prev = w_[f - 1];
      const std::string_view next = w_[end];
      const bool comma_form =
          prev == "," && (next == "," || next == "." || next == "and" ||
                          next == ";" || end >= last_);
      const bool paren_form = prev == "(" && next == ")";
      if ((comma_form || paren_form) && PrevIsCapitalizedName(f - 2) &&
          !IsPlaceEntity(f - 2)) {
        const std::string_view before =
            f >= first_ + 3 ? w_[f - 3] : std::string_view();
        if (before != "in" && before != "at" && before != "near" &&
            before != "from") {
          return NumberUse::kAge;
        }
      }
    }
    // Dates: "September 5", "5 September", "5th of May".
    const bool day_like = c.has_value && c.value >= 1 && c.value <= 31 &&
                          !qualified && std::floor(c.value) == c.value &&
                          (c.bare_int || (c.high && *c.high <= 31 && c.digits));
    if (day_like) {
      const bool month_before =
          f > first_ && lex::IsMonth(w_[f - 1]) &&
          (internal::IsCapitalized(doc_, f - 1) || w_[f - 1].size() > 3);
      const bool month_after =
          lex::IsMonth(w_[end]) && internal::IsCapitalized(doc_, end);
      const bool of_month = w_[end] == "of" && lex::IsMonth(w_[end + 1]) &&
                            internal::IsCapitalized(doc_, end + 1);
      if (month_before || month_after || of_month) {
        return NumberUse::kDate;
      }
    }
    // Years: 1500..2100 in four bare digits, unless a noun says it counts.
    const std::string_view before_word =
        f > first_ ? w_[f - 1] : std::string_view();
    const bool time_preposition =
        before_word == "in" || before_word == "since" ||
        before_word == "until" || before_word == "by" ||
        before_word == "during" || before_word == "of" ||
        before_word == "from" || before_word == "before" ||
        before_word == "after";
    if (c.bare_int && c.ndigits == 4 && c.value >= 1500 && c.value <= 2100 &&
        (time_preposition || !CountNounFollows(end)) &&
        !(qualified && (lex::IsVerbGroupWord(w_[end]) ||
                        lex::MatchCasualty(w_, end, last_, lex::kAfter)))) {
      return NumberUse::kYear;
    }
    if (c.bare_int && c.ndigits == 4 && f > first_ && lex::IsMonth(w_[f - 1])) {
      return NumberUse::kYear;
    }
    // Phone numbers: "tel 555 1234", "+44 20 ...".
    if (c.digits && f > first_ &&
        (lex::IsPhoneCue(w_[f - 1]) || w_[f - 1] == "+")) {
      return NumberUse::kPhone;
    }
    // Labels: "Resolution 2254", "Flight 17", "No. 5", "Boeing 737".
    if (f > first_ && !qualified && start == f) {
      const std::string_view prev = w_[f - 1];
      const bool label_word =
          lex::IsLabelWord(prev) && (internal::IsCapitalized(doc_, f - 1) ||
                                     prev.back() == '.' || prev == "#");
      if ((label_word || prev == "number") && !CountNounFollows(end))
        return NumberUse::kLabel;
      // Between two capitalized words a number is part of a name: "Fathers
      // 4 Justice", "Boeing 737 Max".
      if (c.digits && f - 1 > first_ && PrevIsCapitalizedName(f - 1) &&
          end < last_ && internal::IsCapitalized(doc_, end) &&
          Kind(end) == text::kWord) {
        return NumberUse::kLabel;
      }
      // A capitalized number word inside a sentence is part of a name: "the
      // Six Nations", "Radio Four", "Division One".
      if (!c.digits && internal::IsCapitalized(doc_, f) &&
          Kind(f - 1) == text::kWord && w_[f - 1] != "and" &&
          w_[f - 1] != "or" &&
          (internal::IsCapitalized(doc_, end) || !CountNounFollows(end))) {
        return NumberUse::kLabel;
      }
      if (c.digits && f - 1 > first_ && PrevIsCapitalizedName(f - 1) &&
          !lex::IsWeekday(prev) && !lex::IsMonth(prev) &&
          !CountNounFollows(end) && !IsPlaceEntity(f - 1) &&
          !lex::MatchCasualty(w_, f - 1, f, 0xFF) &&
          !lex::IsVerbGroupWord(prev)) {
        return NumberUse::kLabel;
      }
    }
    return NumberUse::kCount;
  }

  // Digits glued to separators and more digits that the tokenizer did not
  // read as one number ("1,00,0", "1.2.3"), or a leading zero ("007"): no
  // value rather than a wrong one.
  // kPhone for digits with a leading zero ("0800", "020"), kOther for the
  // rest, kCount when the expression is well formed.
  NumberUse Malformed(uint32_t f, uint32_t l) const {
    auto glued = [this](uint32_t t) {
      return t < last_ && !(doc_.tokens[t].flags & text::kSpaceBefore);
    };
    auto sep = [this](uint32_t t) { return w_[t] == "," || w_[t] == "."; };
    for (uint32_t t = f; t < l; ++t) {
      if (Kind(t) != text::kNumber) continue;
      const std::string_view s = w_[t];
      if (s.size() > 1 && s[0] == '0' && AllDigits(s)) {
        return s.size() >= 3 ? NumberUse::kPhone : NumberUse::kOther;
      }
      if (t >= first_ + 2 && glued(t) && sep(t - 1) && glued(t - 1) &&
          Kind(t - 2) == text::kNumber) {
        return NumberUse::kOther;
      }
      if (glued(t + 1) && sep(t + 1) && glued(t + 2) &&
          Kind(t + 2) == text::kNumber) {
        return NumberUse::kOther;
      }
    }
    return NumberUse::kCount;
  }

  // Three or more digit groups in a row ("020 7946 0958") are a phone number.
  void MarkPhoneRuns(std::vector<NumberExpr>* out) const {
    size_t k = 0;
    while (k < out->size()) {
      size_t r = k;
      while (r + 1 < out->size() &&
             (*out)[r + 1].first_token == (*out)[r].last_token &&
             (*out)[r].last_token - (*out)[r].first_token == 1 &&
             Kind((*out)[r].first_token) == text::kNumber &&
             Kind((*out)[r + 1].first_token) == text::kNumber &&
             (*out)[r + 1].last_token - (*out)[r + 1].first_token == 1) {
        ++r;
      }
      bool phone = r - k + 1 >= 3;
      for (size_t x = k; x <= r && r > k; ++x)
        phone = phone || (*out)[x].use == NumberUse::kPhone;
      if (phone) {
        for (size_t x = k; x <= r; ++x) {
          (*out)[x].use = NumberUse::kPhone;
          (*out)[x].high.reset();
        }
      }
      k = r + 1;
    }
  }

  const internal::DocView& view_;
  const Document& doc_;
  const internal::SentenceWords w_;
  uint32_t first_, last_;
};

}  // namespace

namespace internal {

void FindInSentence(const DocView& view, const Sentence& s,
                    std::vector<NumberExpr>* out) {
  if (s.first_token >= s.last_token || s.last_token > view.doc.tokens.size())
    return;
  SentenceParser(view, s).Run(out);
}

}  // namespace internal

std::vector<NumberExpr> FindNumbers(const Document& doc) {
  std::vector<NumberExpr> out;
  if (doc.tokens.empty()) return out;
  const internal::DocView view(doc);
  for (const Sentence& s : doc.sentences)
    internal::FindInSentence(view, s, &out);
  return out;
}

}  // namespace sitrep::numbers
