#include "claims/claims.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "text/text.h"

namespace sitrep::claims {

namespace {

enum Where : uint8_t { kBefore, kAfter, kMarker };

struct ReportingPhrase {
  std::string_view phrase;
  Where where;
  Certainty certainty;
  bool clause;
};

struct CertaintyPhrase {
  std::string_view phrase;
  Certainty certainty;
};

#include "claims/certainty.inc"
#include "claims/reporting.inc"

// Entries of a phrase table keyed by their first word, longest first.
template <typename E>
class PhraseIndex {
 public:
  template <size_t N>
  explicit PhraseIndex(const E (&entries)[N]) {
    for (const E& e : entries) {
      std::vector<std::string_view> words = SplitWords(e.phrase);
      if (!words.empty()) by_first_[words[0]].push_back({words, &e});
    }
    for (auto& [first, list] : by_first_) {
      std::stable_sort(list.begin(), list.end(),
                       [](const Entry& a, const Entry& b) {
                         return a.words.size() > b.words.size();
                       });
    }
  }

  // The longest entry starting at token i and ending by `limit`; sets
  // *length to its token count.
  template <typename W>
  const E* Longest(const W& w, uint32_t i, uint32_t limit,
                   uint32_t* length) const {
    auto it = by_first_.find(w[i]);
    if (it == by_first_.end()) return nullptr;
    for (const Entry& e : it->second) {
      if (i + e.words.size() > limit) continue;
      bool all = true;
      for (size_t k = 1; k < e.words.size() && all; ++k) {
        all = w[i + k] == e.words[k];
      }
      if (all) {
        *length = static_cast<uint32_t>(e.words.size());
        return e.entry;
      }
    }
    return nullptr;
  }

 private:
  struct Entry {
    std::vector<std::string_view> words;
    const E* entry;
  };
  std::unordered_map<std::string_view, std::vector<Entry>> by_first_;
};

template <size_t N>
std::unordered_set<std::string_view> MakeSet(const std::string_view (&l)[N]) {
  return std::unordered_set<std::string_view>(std::begin(l), std::end(l));
}

struct Tables {
  PhraseIndex<ReportingPhrase> reporting{kReportingList};
  PhraseIndex<CertaintyPhrase> certainty{kCertaintyList};
  std::unordered_set<std::string_view> stop = MakeSet(kSourceStopList);
  std::unordered_set<std::string_view> between = MakeSet(kBetweenList);
  std::unordered_set<std::string_view> be = MakeSet(kBeList);
  std::unordered_set<std::string_view> pronoun = MakeSet(kPronounList);
  std::unordered_set<std::string_view> det = MakeSet(kDeterminerList);
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

std::string Lower(std::string_view s) {
  std::string low;
  low.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // ’ (E2 80 99) → '
    if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      low.push_back('\'');
      i += 2;
      continue;
    }
    const char c = s[i];
    low.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return low;
}

// The lowercased words of one sentence: indexes outside [first, last) read
// "", so no pattern reaches into a neighbouring sentence.
struct SentenceWords {
  const std::vector<std::string>& words;
  uint32_t first;
  uint32_t last;
  std::string_view operator[](size_t i) const {
    return i >= first && i < last ? std::string_view(words[i])
                                  : std::string_view();
  }
};

struct Cue {
  uint32_t first = 0;  // tokens [first, last)
  uint32_t last = 0;
  Certainty certainty = Certainty::kAsserted;
};

// A reporting cue with its source, before it becomes a Claim.
struct Report {
  const ReportingPhrase* phrase = nullptr;
  uint32_t first = 0;  // verb tokens
  uint32_t last = 0;
  uint32_t src_first = 0;  // source tokens; src_first == src_last: none
  uint32_t src_last = 0;
  bool pronoun = false;
  bool also = false;  // "also said", "added": may continue the last claim
};

class Reader {
 public:
  explicit Reader(const Document& doc)
      : doc_(doc), t_(GetTables()), entity_(doc.tokens.size(), -1) {
    words_.reserve(doc.tokens.size());
    for (const Token& tok : doc.tokens) {
      words_.push_back(Lower(Slice(tok.begin, tok.end)));
    }
    for (size_t k = 0; k < doc.entities.size(); ++k) {
      const EntityMention& m = doc.entities[k];
      for (uint32_t i = m.first_token; i < m.last_token && i < entity_.size();
           ++i) {
        if (entity_[i] < 0) entity_[i] = static_cast<int32_t>(k);
      }
    }
  }

  std::vector<Claim> Run();

 private:
  std::string_view Slice(uint32_t b, uint32_t e) const {
    return std::string_view(doc_.text).substr(b, e - b);
  }
  bool IsPunct(uint32_t i) const {
    const uint8_t k = doc_.tokens[i].kind;
    return k != text::kWord && k != text::kNumber;
  }
  bool IsQuote(uint32_t i) const {
    const uint8_t k = doc_.tokens[i].kind;
    return k == text::kOpenQuote || k == text::kCloseQuote;
  }
  bool Capitalized(uint32_t i) const {
    return (doc_.tokens[i].flags & text::kCapitalized) != 0;
  }
  uint8_t Upos(uint32_t i) const { return doc_.tokens[i].upos; }

  // May token i be part of a source phrase?
  bool SourceWord(const SentenceWords& w, uint32_t i) const {
    if (IsPunct(i)) return false;
    const std::string_view s = w[i];
    if (s == "'s") return true;
    if (t_.stop.count(s) != 0) return false;
    const uint8_t u = Upos(i);
    if (u == kUposVerb) {
      // An adjectival participle before a noun: "conflicting reports".
      return s.size() > 3 && (s.ends_with("ing") || s.ends_with("ed")) &&
             i + 1 < w.last &&
             (Upos(i + 1) == kUposNoun || Upos(i + 1) == kUposPropn);
    }
    return u == kUposNone || u == kUposNoun || u == kUposPropn ||
           u == kUposAdj || u == kUposDet || u == kUposNum || u == kUposAdp ||
           u == kUposPart || u == kUposCconj || u == kUposPron;
  }
  bool Inner(std::string_view s) const {
    return s == "of" || s == "for" || s == "and" || s == "'s";
  }
  // Trims joining words off both ends of [*b, *e).
  void Trim(const SentenceWords& w, uint32_t* b, uint32_t* e) const {
    while (*b < *e && (Inner(w[*b]) || Upos(*b) == kUposAdp ||
                       Upos(*b) == kUposCconj || Upos(*b) == kUposPart)) {
      ++*b;
    }
    while (*e > *b && (Inner(w[*e - 1]) || Upos(*e - 1) == kUposAdp ||
                       Upos(*e - 1) == kUposCconj)) {
      --*e;
    }
  }
  bool JoinOk(const SentenceWords& w, uint32_t i, uint32_t s_first,
              uint32_t s_last) const {
    // "and" joins two names ("the US and Britain"), nothing else.
    if (w[i] != "and") return true;
    return i > s_first && i + 1 < s_last && Capitalized(i - 1) &&
           Capitalized(i + 1);
  }

  // The source phrase ending right before token `end`.
  void SourceBefore(const SentenceWords& w, uint32_t end, Report* r) const {
    uint32_t e = end;
    while (e > w.first && t_.between.count(w[e - 1]) != 0) {
      if (w[e - 1] == "also" || w[e - 1] == "further") r->also = true;
      --e;
    }
    if (e > w.first && t_.pronoun.count(w[e - 1]) != 0) {
      r->src_first = e - 1;
      r->src_last = e;
      r->pronoun = true;
      return;
    }
    uint32_t b = e;
    while (b > w.first && e - b < kMaxSourceTokens && SourceWord(w, b - 1) &&
           t_.pronoun.count(w[b - 1]) == 0 && JoinOk(w, b - 1, w.first, e)) {
      --b;
    }
    // A determiner after a noun starts a new phrase: "(following) the
    // meeting the Foreign Secretary said" names the Foreign Secretary.
    for (uint32_t i = e; i-- > b + 1;) {
      if ((w[i] == "the" || w[i] == "a" || w[i] == "an") && !Inner(w[i - 1])) {
        b = i;
        break;
      }
    }
    Trim(w, &b, &e);
    SetSource(w, b, e, r);
  }

  // The source phrase starting at token `begin`.
  void SourceAfter(const SentenceWords& w, uint32_t begin, Report* r) const {
    if (begin < w.last && t_.pronoun.count(w[begin]) != 0) {
      r->src_first = begin;
      r->src_last = begin + 1;
      r->pronoun = true;
      return;
    }
    uint32_t e = begin;
    while (e < w.last && e - begin < kMaxSourceTokens && SourceWord(w, e) &&
           t_.pronoun.count(w[e]) == 0 && JoinOk(w, e, begin, w.last)) {
      ++e;
    }
    uint32_t b = begin;
    Trim(w, &b, &e);
    SetSource(w, b, e, r);
  }

  // A source needs a word besides determiners ("The said document").
  void SetSource(const SentenceWords& w, uint32_t b, uint32_t e,
                 Report* r) const {
    bool content = false;
    for (uint32_t i = b; i < e && !content; ++i) {
      content = t_.det.count(w[i]) == 0;
    }
    r->src_first = content ? b : e;
    r->src_last = e;
  }

  // True when a be-form stands right before token i (skipping adverbs).
  bool Passive(const SentenceWords& w, uint32_t i) const {
    uint32_t k = i;
    while (k > w.first && t_.between.count(w[k - 1]) != 0 &&
           t_.be.count(w[k - 1]) == 0 && i - k < 3) {
      --k;
    }
    return k > w.first && t_.be.count(w[k - 1]) != 0;
  }

  bool IntroducesClause(const SentenceWords& w, uint32_t first,
                        uint32_t last) const {
    if (first > w.first && (w[first - 1] == "," || IsQuote(first - 1))) {
      return true;
    }
    if (last >= w.last) return true;
    const std::string_view n = w[last];
    return n == "that" || n == "," || n == ":" || n == "." || IsQuote(last);
  }

  void ReadSentence(uint32_t s, std::vector<Cue>* cues,
                    std::vector<Report>* reports) const;
  void ResolveSource(const Report& r, Claim* c,
                     const std::vector<Claim>& done) const;
  void SetSpan(uint32_t first_sentence, uint32_t last_sentence, Claim* c) const;

  const Document& doc_;
  const Tables& t_;
  std::vector<std::string> words_;
  std::vector<int32_t> entity_;
};

void Reader::ReadSentence(uint32_t s, std::vector<Cue>* cues,
                          std::vector<Report>* reports) const {
  const Sentence& sent = doc_.sentences[s];
  const uint32_t last =
      std::min<uint32_t>(sent.last_token, static_cast<uint32_t>(words_.size()));
  if (last <= sent.first_token) return;
  const SentenceWords w{words_, sent.first_token, last};
  // Certainty cues first: a reporting verb inside one ("are said to") is a
  // hedge, not a report.
  std::vector<bool> in_cue(last - w.first, false);
  for (uint32_t i = w.first; i < last;) {
    uint32_t n = 0;
    const CertaintyPhrase* c = t_.certainty.Longest(w, i, last, &n);
    if (c == nullptr) {
      ++i;
      continue;
    }
    cues->push_back({i, i + n, c->certainty});
    // Passive hedges hide the verb; denial/confirmation verbs stay
    // reporting verbs too ("the ministry denied").
    if (c->certainty != Certainty::kDenied &&
        c->certainty != Certainty::kConfirmed) {
      for (uint32_t k = i; k < i + n; ++k) in_cue[k - w.first] = true;
    }
    i += n;
  }
  std::vector<Report> markers;
  size_t found = 0;
  for (uint32_t i = w.first; i < last && found < kMaxClaimsPerSentence;) {
    uint32_t n = 0;
    const ReportingPhrase* p =
        in_cue[i - w.first] ? nullptr : t_.reporting.Longest(w, i, last, &n);
    if (p == nullptr) {
      ++i;
      continue;
    }
    Report r;
    r.phrase = p;
    r.first = i;
    r.last = i + n;
    const uint8_t u = Upos(i);
    const bool verb_pos = n > 1 || u == kUposNone || u == kUposVerb ||
                          u == kUposAux || p->where != kBefore;
    bool ok = verb_pos;
    if (ok && p->where == kBefore) {
      ok = !Passive(w, i) && (!p->clause || IntroducesClause(w, i, i + n));
    }
    if (ok) {
      if (p->where == kAfter) {
        SourceAfter(w, i + n, &r);
      } else if (p->where == kBefore) {
        SourceBefore(w, i, &r);
        if (r.src_first == r.src_last && i > w.first &&
            (w[i - 1] == "," || IsQuote(i - 1))) {
          SourceAfter(w, i + n, &r);  // "..., said the ministry"
        }
        if (w[i] == "added" || w[i] == "adds") r.also = true;
      }
      if (p->where == kMarker) {
        markers.push_back(r);
      } else if (r.src_first < r.src_last || p->where == kAfter) {
        if (r.src_first < r.src_last) {
          reports->push_back(r);
          ++found;
        }
      }
    }
    // "according to media reports": "reports" is the source, not a verb.
    i = p->where == kAfter ? std::max(i + n, r.src_last) : i + n;
  }
  if (reports->empty() && !markers.empty()) reports->push_back(markers[0]);
}

void Reader::ResolveSource(const Report& r, Claim* c,
                           const std::vector<Claim>& done) const {
  if (r.src_first >= r.src_last) return;
  const Token& a = doc_.tokens[r.src_first];
  const Token& z = doc_.tokens[r.src_last - 1];
  c->source_begin = a.begin;
  c->source_end = z.end;
  c->source = std::string(Slice(a.begin, z.end));
  if (r.pronoun) {
    if (!done.empty() && done.back().first_sentence + 3 >= c->first_sentence) {
      c->source_name = done.back().source_name;
      c->source_entity = done.back().source_entity;
    }
    return;
  }
  // A named entity inside the phrase: a person or organization first, then
  // a nationality ("an Iraqi military source").
  int32_t best = -1;
  for (uint32_t i = r.src_first; i < r.src_last; ++i) {
    const int32_t e = entity_[i];
    if (e < 0) continue;
    const uint8_t kind = doc_.entities[static_cast<size_t>(e)].kind;
    if (kind == kEntityPerson || kind == kEntityOrganization) {
      best = e;
    } else if (best < 0 && kind == kEntityNationality) {
      best = e;
    }
  }
  uint32_t name_first = r.src_first;
  while (name_first + 1 < r.src_last && t_.det.count(words_[name_first]) != 0) {
    ++name_first;
  }
  c->source_name = std::string(
      Slice(doc_.tokens[name_first].begin, doc_.tokens[r.src_last - 1].end));
  if (best >= 0) {
    const EntityMention& m = doc_.entities[static_cast<size_t>(best)];
    c->source_entity = best;
    if (m.kind != kEntityNationality) {
      c->source_name = std::string(Slice(m.begin, m.end));
    }
    return;
  }
  // A definite description ("the ministry"): its head noun in an earlier
  // organization's name, else in an earlier claim's source.
  if (words_[r.src_first] != "the" || r.src_last - r.src_first > 3) return;
  const std::string_view head = words_[r.src_last - 1];
  if (head.empty()) return;
  auto contains = [&](uint32_t b, uint32_t e) {
    for (uint32_t i = b; i < e && i < words_.size(); ++i) {
      if (words_[i] == head) return true;
    }
    return false;
  };
  size_t looked = 0;
  for (size_t k = doc_.entities.size(); k-- > 0 && looked < 256;) {
    const EntityMention& m = doc_.entities[k];
    if (m.first_token >= r.src_first) continue;
    ++looked;
    if (m.kind == kEntityOrganization &&
        contains(m.first_token, m.last_token)) {
      c->source_entity = static_cast<int32_t>(k);
      c->source_name = std::string(Slice(m.begin, m.end));
      return;
    }
  }
  looked = 0;
  for (size_t k = done.size(); k-- > 0 && looked < 32; ++looked) {
    const Claim& prev = done[k];
    if (prev.source_name.empty() || prev.source == c->source) continue;
    const std::string low = Lower(prev.source_name);
    for (std::string_view part : SplitWords(low)) {
      if (part == head) {
        c->source_name = prev.source_name;
        c->source_entity = prev.source_entity;
        return;
      }
    }
  }
}

void Reader::SetSpan(uint32_t first_sentence, uint32_t last_sentence,
                     Claim* c) const {
  c->first_sentence = first_sentence;
  c->last_sentence = last_sentence;
  c->begin = doc_.sentences[first_sentence].begin;
  c->end = doc_.sentences[last_sentence - 1].end;
}

std::vector<Claim> Reader::Run() {
  std::vector<Claim> claims;
  std::vector<Cue> cues;
  std::vector<Report> reports;
  // Double quotation marks the last claim's text left open, and whether
  // its last sentence ends in a colon ("X said:"): either way the next
  // sentence is the quotation.
  int open_quotes = 0;
  bool colon = false;
  auto quote_balance = [&](uint32_t s) {
    int bal = 0;
    const Sentence& sent = doc_.sentences[s];
    for (uint32_t i = sent.first_token;
         i < sent.last_token && i < doc_.tokens.size(); ++i) {
      const Token& t = doc_.tokens[i];
      const std::string_view q = Slice(t.begin, t.end);
      const bool dbl = q == "\"" || q == "\u201c" || q == "\u201d" ||
                       q == "\u00ab" || q == "\u00bb";
      if (dbl && t.kind == text::kOpenQuote) ++bal;
      if (dbl && t.kind == text::kCloseQuote) --bal;
    }
    return bal;
  };
  auto ends_in_colon = [&](uint32_t s) {
    const Sentence& sent = doc_.sentences[s];
    if (sent.last_token <= sent.first_token ||
        sent.last_token > doc_.tokens.size()) {
      return false;
    }
    const Token& t = doc_.tokens[sent.last_token - 1];
    return Slice(t.begin, t.end) == ":";
  };
  auto apply_cues = [&](Claim* c) {
    for (const Cue& q : cues) {
      if (q.certainty > c->certainty) {
        c->certainty = q.certainty;
        c->cue_begin = doc_.tokens[q.first].begin;
        c->cue_end = doc_.tokens[q.last - 1].end;
        c->cue = std::string(Slice(c->cue_begin, c->cue_end));
      }
    }
  };
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    cues.clear();
    reports.clear();
    ReadSentence(s, &cues, &reports);
    Claim* prev = claims.empty() || claims.back().last_sentence != s
                      ? nullptr
                      : &claims.back();
    // Continuation of the previous claim.
    bool continues = false;
    if (prev != nullptr && s - prev->first_sentence < kMaxCoveredSentences) {
      if (reports.empty()) {
        continues = open_quotes > 0 || colon;
      } else {
        continues = true;
        for (const Report& r : reports) {
          Claim probe;
          probe.first_sentence = s;
          ResolveSource(r, &probe, claims);
          const bool same = !probe.source_name.empty() &&
                            probe.source_name == prev->source_name;
          if (!(r.pronoun || (r.also && same))) continues = false;
        }
      }
    }
    if (continues) {
      SetSpan(prev->first_sentence, s + 1, prev);
      apply_cues(prev);
      open_quotes = std::max(0, open_quotes + quote_balance(s));
      colon = ends_in_colon(s);
      continue;
    }
    if (reports.empty()) {
      bool hedge = false;
      for (const Cue& q : cues) hedge |= q.certainty != Certainty::kAsserted;
      if (!hedge) continue;
      Claim c;
      SetSpan(s, s + 1, &c);
      apply_cues(&c);
      claims.push_back(std::move(c));
      open_quotes = std::max(0, quote_balance(s));
      colon = ends_in_colon(s);
      continue;
    }
    for (const Report& r : reports) {
      Claim c;
      SetSpan(s, s + 1, &c);
      ResolveSource(r, &c, claims);
      c.verb_begin = doc_.tokens[r.first].begin;
      c.verb_end = doc_.tokens[r.last - 1].end;
      c.verb = std::string(Slice(c.verb_begin, c.verb_end));
      if (r.phrase->certainty != Certainty::kAsserted) {
        c.certainty = r.phrase->certainty;
        c.cue_begin = c.verb_begin;
        c.cue_end = c.verb_end;
        c.cue = c.verb;
      }
      apply_cues(&c);
      claims.push_back(std::move(c));
    }
    open_quotes = std::max(0, quote_balance(s));
    colon = ends_in_colon(s);
  }
  for (Claim& c : claims) c.text = std::string(Slice(c.begin, c.end));
  return claims;
}

}  // namespace

const char* CertaintyName(Certainty c) {
  switch (c) {
    case Certainty::kAsserted:
      return "asserted";
    case Certainty::kConfirmed:
      return "confirmed";
    case Certainty::kHedged:
      return "hedged";
    case Certainty::kDisputed:
      return "disputed";
    case Certainty::kDenied:
      return "denied";
  }
  return "asserted";
}

std::vector<Claim> FindClaims(const Document& doc) {
  if (doc.tokens.empty() || doc.sentences.empty()) return {};
  return Reader(doc).Run();
}

}  // namespace sitrep::claims
