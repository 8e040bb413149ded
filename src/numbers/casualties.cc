// Casualty frames over the number expressions of each sentence.
//
// A counted phrase is a count (a kCount number expression, or "a"/"an"
// before a singular person noun) plus the noun phrase after it ("at least 40
// IS members"). Phrases joined by "and"/"," form a group whose counts add
// up. A group becomes a casualty when a casualty word stands
//   * right before it ("killing 40 people", "the deaths of 40 civilians",
//     "the death toll rose to 40", "claimed 40 lives"), or
//   * after it, past auxiliaries and at most one aside, "including" part or
//     short place phrase ("40 people, including 4 children, were killed",
//     "40 are said to have been killed", "40 dead"), or
//   * in its own head noun ("40 bodies", "40 deaths").
#include <algorithm>
#include <string_view>

#include "numbers/internal.h"
#include "numbers/lexicon.h"
#include "numbers/numbers.h"
#include "text/text.h"

namespace sitrep::numbers {

namespace {

// Bounds on how far a frame may reach, in tokens.
constexpr uint32_t kMaxModifiers = 5;
constexpr uint32_t kMaxVerbGroup = 7;
constexpr uint32_t kMaxAside = 14;
constexpr uint32_t kMaxIncluding = 25;
constexpr uint32_t kMaxTollGap = 8;
constexpr size_t kMaxGroup = 10;  // counted phrases added up in one group

struct Phrase {
  uint32_t first = 0;    // first token (qualifier included)
  uint32_t num_end = 0;  // token after the number expression
  uint32_t end = 0;      // token after the noun phrase
  Count count;
  bool has_noun = false;    // a noun follows the number
  bool non_person = false;  // ... and it names things, not people
  uint32_t victim_first = 0,
           victim_last = 0;  // the noun phrase after the number
  std::string_view sector = "unknown";
  uint32_t group_first = 0, group_last = 0;  // named group inside it, if any
  // The head noun is itself a casualty word: "40 bodies", "40 deaths".
  const lex::CasualtyPhrase* count_noun = nullptr;
  uint32_t count_noun_first = 0, count_noun_last = 0;
  bool lives = false;  // head noun "lives"
  // The noun is known to name people (a victim noun, a name or
  // nationality), or there is no noun at all ("40 were killed").
  bool people = true;
};

struct Frame {
  CasualtyKind kind;
  uint32_t trigger_first, trigger_last;
  uint8_t roles = 0;  // of the casualty word (lex::CasualtyRole bits)
};

class SentenceCasualties {
 public:
  SentenceCasualties(const internal::DocView& view, const Sentence& s,
                     uint32_t index)
      : view_(view),
        doc_(view.doc),
        w_{view.words, s.first_token, s.last_token},
        first_(s.first_token),
        last_(s.last_token),
        index_(index) {}

  void Run(std::vector<Casualty>* out) {
    std::vector<NumberExpr> numbers;
    internal::FindInSentence(view_, Sentence{0, 0, first_, last_}, &numbers);
    for (const NumberExpr& n : numbers) {
      if (n.use != NumberUse::kCount) continue;
      std::optional<Count> c = ToCount(n);
      if (!c) continue;
      Phrase p;
      p.first = n.first_token;
      p.num_end = n.last_token;
      p.count = *c;
      ReadNoun(&p);
      phrases_.push_back(p);
    }
    AddSingulars(numbers);
    std::sort(
        phrases_.begin(), phrases_.end(),
        [](const Phrase& a, const Phrase& b) { return a.first < b.first; });
    used_.assign(phrases_.size(), false);
    for (size_t k = 0; k < phrases_.size(); ++k) {
      if (!used_[k]) TryFrame(k, out);
    }
  }

 private:
  uint8_t Kind(uint32_t t) const {
    return t < last_ ? doc_.tokens[t].kind : 0xFF;
  }
  bool Cap(uint32_t t) const {
    return t < last_ && internal::IsCapitalized(doc_, t);
  }
  bool AllCaps(uint32_t t) const {
    if (t >= last_) return false;
    std::string_view s = Surface(t);
    if (s.size() < 2) return false;
    for (char c : s) {
      if (c >= 'a' && c <= 'z') return false;
    }
    return true;
  }
  std::string_view Surface(uint32_t t) const {
    return std::string_view(doc_.text).substr(
        doc_.tokens[t].begin, doc_.tokens[t].end - doc_.tokens[t].begin);
  }
  bool Tagged(uint32_t t) const {
    return t < last_ && doc_.tokens[t].upos != kUposNone;
  }

  const EntityMention* EntityAt(uint32_t t) const { return view_.EntityAt(t); }

  // The noun phrase after a count: modifiers, then a head noun.
  void ReadNoun(Phrase* p) {
    uint32_t t = p->num_end;
    p->end = t;
    uint32_t mods_first = t, mods_last = t;  // capitalized modifiers seen
    bool in_caps = false;
    for (uint32_t n = 0; n <= kMaxModifiers && t < last_; ++n) {
      if (Kind(t) != text::kWord) break;
      const std::string_view w = w_[t];
      const bool name_like =
          AllCaps(t) ||
          (Cap(t) && !lex::IsPhraseStop(w) && !lex::IsVerbGroupWord(w) &&
           !lex::MatchCasualty(w_, t, last_, 0xFF));
      if (auto v = lex::MatchVictim(w_, t, last_);
          v && !(name_like && AllCaps(t))) {
        SetHead(p, t + v.tokens);
        p->sector = v.entry->sector;
        ExtendOfGroup(p);
        break;
      }
      if (lex::IsNonPerson(w)) {
        p->has_noun = true;
        p->non_person = true;
        p->end = t + 1;
        break;
      }
      if (auto c = lex::MatchCasualty(w_, t, last_, lex::kCount);
          c && !name_like) {
        p->count_noun = c.entry;
        p->count_noun_first = t;
        p->count_noun_last = t + c.tokens;
        p->has_noun = true;
        p->end = t + c.tokens;
        p->victim_first = p->victim_last = p->end;
        break;
      }
      if (w == "lives") {
        p->lives = true;
        p->has_noun = true;
        p->end = t + 1;
        p->victim_first = p->victim_last = p->end;
        break;
      }
      if (name_like) {
        if (!in_caps) mods_first = t;
        in_caps = true;
        mods_last = t + 1;
        ++t;
        continue;
      }
      if (lex::IsPhraseStop(w) || lex::IsVerbGroupWord(w) ||
          lex::MatchCasualty(w_, t, last_,
                             lex::kAfter | lex::kBefore | lex::kNoun)) {
        break;
      }
      if (Tagged(t)) {
        const uint8_t u = doc_.tokens[t].upos;
        if (u != kUposAdj && u != kUposNoun && u != kUposPropn) break;
      }
      // An unknown lowercase word: a modifier, or the head when it reads
      // as a plural noun ("eight players", "40 shepherds").
      in_caps = false;
      const char before_s = w.size() > 3 ? w[w.size() - 2] : 's';
      const bool plural = w.size() > 3 && w.back() == 's' && before_s != 's' &&
                          before_s != 'u' && before_s != 'i' &&
                          (!Tagged(t) || doc_.tokens[t].upos == kUposNoun);
      ++t;
      if (plural) {
        SetHead(p, t);
        p->people = false;
        break;
      }
    }
    if (!p->has_noun && t > p->num_end) {
      // No known head: the last word read is the head when it reads as a
      // plural noun or a name ("40 shepherds", "40 Syrians").
      const uint32_t h = t - 1;
      const std::string_view hw = w_[h];
      const bool noun = Tagged(h)
                            ? (doc_.tokens[h].upos == kUposNoun ||
                               doc_.tokens[h].upos == kUposPropn)
                            : (hw.size() > 3 && hw.back() == 's') || Cap(h);
      if (noun) {
        SetHead(p, t);
        // An unknown noun names people only when it is a name or
        // nationality ("40 Syrians").
        const EntityMention* m = EntityAt(h);
        p->people = Cap(h) || (m != nullptr && m->kind != kEntityPlace);
      }
    }
    if (mods_last > mods_first && mods_last <= p->end && p->group_last == 0) {
      p->group_first = mods_first;
      p->group_last = mods_last;
    }
    // A named group from the tagger wins over capitalized words.
    for (uint32_t k = p->num_end; k < p->end; ++k) {
      if (const EntityMention* m = EntityAt(k)) {
        if (m->kind == kEntityOrganization || m->kind == kEntityNationality ||
            m->kind == kEntityMisc) {
          if (m->first_token >= p->num_end && m->last_token <= p->end) {
            p->group_first = m->first_token;
            p->group_last = m->last_token;
            break;
          }
        }
      }
    }
  }

  // The noun phrase after the number ends at head_last.
  void SetHead(Phrase* p, uint32_t head_last) {
    p->has_noun = true;
    p->end = head_last;
    p->victim_first = p->num_end;
    p->victim_last = head_last;
  }

  // "40 members of the Islamic State": the "of" group belongs to the noun.
  void ExtendOfGroup(Phrase* p) {
    uint32_t t = p->end;
    if (w_[t] != "of") return;
    ++t;
    if (w_[t] == "the") ++t;
    const uint32_t g = t;
    while (t < last_ && t < g + 6 && Kind(t) == text::kWord) {
      if (Cap(t) || AllCaps(t)) {
        ++t;
      } else if (t > g && lex::IsNameParticle(w_[t]) && Cap(t + 1)) {
        ++t;  // "Al bu Nimr"
      } else {
        break;
      }
    }
    if (t == g) return;
    if (lex::IsGroupNoun(w_[t])) ++t;  // "the Al bu Nimr tribe"
    p->end = t;
    p->victim_last = t;
    p->group_first = g;
    p->group_last = t;
  }

  // "a soldier", "an aid worker", "one civilian" count 1 before a
  // singular person noun.
  void AddSingulars(const std::vector<NumberExpr>& numbers) {
    for (uint32_t t = first_; t < last_; ++t) {
      const std::string_view w = w_[t];
      if (w != "a" && w != "an") continue;
      for (uint32_t h = t + 1; h < last_ && h <= t + 3; ++h) {
        if (Kind(h) != text::kWord) break;
        auto v = lex::MatchVictim(w_, h, last_);
        if (v && v.entry->singular) {
          Phrase p;
          p.first = t;
          p.num_end = t + 1;
          p.count.best = 1;
          p.count.min = 1;
          p.count.max = 1;
          p.has_noun = true;
          p.end = h + v.tokens;
          p.victim_first = t + 1;
          p.victim_last = p.end;
          p.sector = v.entry->sector;
          ExtendOfGroup(&p);
          // numbers are in token order: only the first one ending after
          // p.first can overlap.
          auto it = std::upper_bound(
              numbers.begin(), numbers.end(), p.first,
              [](uint32_t x, const NumberExpr& n) { return x < n.last_token; });
          const bool overlaps = it != numbers.end() &&
                                it->first_token < p.end &&
                                it->use == NumberUse::kCount;
          if (!overlaps) phrases_.push_back(p);
          break;
        }
        if (lex::IsPhraseStop(w_[h]) || lex::IsVerbGroupWord(w_[h])) break;
      }
    }
  }

  // "40 bodies" is a death count only near a word for finding or burying
  // them: "bodies" also names organizations ("168 public bodies").
  bool CountNounHolds(const Phrase& p) const {
    const std::string_view head = w_[p.count_noun_first];
    if (head != "bodies" && head != "corpses" && head != "dead") return true;
    if (head == "dead") return true;  // "dead bodies"
    const uint32_t from = p.first >= first_ + 6 ? p.first - 6 : first_;
    const uint32_t to = std::min(last_, p.end + 6);
    for (uint32_t t = from; t < to; ++t) {
      if (lex::IsBodyVerb(w_[t])) return true;
    }
    return false;
  }

  // Index of the phrase starting at token t, or -1.
  int PhraseAt(uint32_t t) const {
    auto it = std::lower_bound(
        phrases_.begin(), phrases_.end(), t,
        [](const Phrase& p, uint32_t x) { return p.first < x; });
    return it != phrases_.end() && it->first == t
               ? static_cast<int>(it - phrases_.begin())
               : -1;
  }

  // Casualty words after position t: auxiliaries, then the word.
  bool MatchAfter(uint32_t t, Frame* f) const {
    bool modal = false;
    bool relative = false;  // "who", "that": the phrase may be the agent
    bool be = false;        // a form of "be": passive or adjectival
    for (uint32_t n = 0; n <= kMaxVerbGroup && t < last_; ++n) {
      if (auto m = lex::MatchCasualty(w_, t, last_, lex::kAfter)) {
        // A prediction or condition is no report: "will die", "to die".
        if (modal || (n > 0 && w_[t - 1] == "to")) return false;
        // An active verb with an object makes the phrase its agent: "a
        // fire at one cafe that killed 25", "40 gunmen killed 3 soldiers".
        const uint32_t after = t + m.tokens;
        const bool active_verb = (m.entry->roles & lex::kBefore) != 0 && !be;
        if (active_verb && (relative || HasObject(after))) return false;
        f->kind = m.entry->kind;
        f->trigger_first = t;
        f->trigger_last = t + m.tokens;
        f->roles = m.entry->roles;
        return true;
      }
      if (!lex::IsVerbGroupWord(w_[t]) && !lex::IsModal(w_[t])) return false;
      modal = modal || (lex::IsModal(w_[t]) && w_[t] != "to");
      relative =
          relative || w_[t] == "who" || w_[t] == "that" || w_[t] == "which";
      be = be || w_[t] == "was" || w_[t] == "were" || w_[t] == "been" ||
           w_[t] == "be" || w_[t] == "is" || w_[t] == "are" ||
           w_[t] == "being" || w_[t] == "got" || w_[t] == "get" ||
           w_[t] == "left" || w_[t] == "found" || w_[t] == "remain";
      ++t;
    }
    return false;
  }

  // An object after an active verb at token t: a count, a determiner or a
  // name ("killed 3 soldiers", "killed the commander", "killed Khalimov";
  // not "killed Monday").
  bool HasObject(uint32_t t) const {
    if (t >= last_) return false;
    if (PhraseAt(t) >= 0 || lex::MatchQualifier(w_, t, last_, true))
      return true;
    const std::string_view w = w_[t];
    if (w == "the" || w == "a" || w == "an" || w == "his" || w == "her" ||
        w == "their" || w == "its" || w == "this" || w == "that" ||
        w == "these" || w == "those" || w == "him" || w == "them") {
      return true;
    }
    return Kind(t) == text::kWord && Cap(t) && !lex::IsWeekday(w) &&
           !lex::IsMonth(w);
  }

  // A casualty word right before token t.
  bool MatchBefore(uint32_t t, const Phrase& p, Frame* f) const {
    for (uint32_t k = 4; k >= 1; --k) {
      if (t < first_ + k) continue;
      auto m = lex::MatchCasualty(w_, t - k, t, lex::kBefore);
      if (m && m.tokens == k) {
        // "threatened to kill 40", "will kill": no report.
        if (t - k > first_ && lex::IsModal(w_[t - k - 1])) return false;
        *f = {m.entry->kind, t - k, t, m.entry->roles};
        return true;
      }
    }
    // "the deaths of 40", "the bodies of 40 people".
    if (t >= first_ + 2 && w_[t - 1] == "of") {
      for (uint32_t k = 3; k >= 1; --k) {
        if (t - 1 < first_ + k) continue;
        auto m = lex::MatchCasualty(w_, t - 1 - k, t - 1, lex::kNoun);
        // "claimed the lives of 40", not "saved the lives of 40".
        if (m && m.tokens == k && w_[t - 1 - k] == "lives") {
          const uint32_t v = t - 1 - k;
          const bool claimed =
              (v >= first_ + 1 && lex::IsLivesVerb(w_[v - 1])) ||
              (v >= first_ + 2 && lex::IsLivesVerb(w_[v - 2]));
          if (!claimed) return false;
        }
        if (m && m.tokens == k) {
          *f = {m.entry->kind, t - 1 - k, t - 1, m.entry->roles};
          return true;
        }
      }
    }
    // "claimed 40 lives", "cost the lives of 40".
    if (p.lives) {
      for (uint32_t k = 1; k <= 2 && t >= first_ + k; ++k) {
        if (lex::IsLivesVerb(w_[t - k])) {
          *f = {CasualtyKind::kKilled, t - k, t - k + 1, lex::kBefore};
          return true;
        }
      }
    }
    // "the death toll rose to 40".
    for (uint32_t g = 0; g <= kMaxTollGap && t >= first_ + g + 1; ++g) {
      const uint32_t e = t - g;  // the toll phrase ends at e
      for (uint32_t k = 4; k >= 1; --k) {
        if (e < first_ + k) continue;
        auto m = lex::MatchCasualty(w_, e - k, e, lex::kToll);
        if (m && m.tokens == k) {
          // Between toll and value: filler words ("rose to"), and a short
          // phrase of other words that holds no verb ("from the attack").
          bool ok = true;
          uint32_t others = 0;
          for (uint32_t x = e; x < t && ok; ++x) {
            ok = Kind(x) == text::kWord && !lex::FindNumberWord(w_[x]);
            if (ok && !lex::IsTollFiller(w_[x])) {
              ++others;
              ok = others <= 4 &&
                   (!Tagged(x) || doc_.tokens[x].upos != kUposVerb);
            }
          }
          if (ok) {
            *f = {m.entry->kind, e - k, e, m.entry->roles};
            return true;
          }
        }
      }
      if (t - g - 1 < first_ || Kind(t - g - 1) != text::kWord) break;
    }
    return false;
  }

  // Parts after a group: ", including 2 women", "(among them 4 children)",
  // ", 12 of them children,". Returns the token after the parts (== t when
  // there are none) and marks the phrases read as parts.
  // A part: the phrase's index and the token after its text.
  using Part = std::pair<size_t, uint32_t>;

  uint32_t ReadParts(uint32_t t, std::vector<Part>* parts, bool* open_ended) {
    *open_ended = false;
    uint32_t x = t;
    const bool paren = w_[x] == "(";
    if (w_[x] == "," || paren || w_[x] == "—" || w_[x] == "–" || w_[x] == "-")
      ++x;
    uint32_t y = x;
    if (uint32_t n = lex::MatchIncluding(w_, x, last_)) {
      y = x + n;
    } else {
      // ", 12 of them children,"
      int k = PhraseAt(x);
      if (k < 0 || w_[phrases_[k].num_end] != "of" ||
          (w_[phrases_[k].num_end + 1] != "them" &&
           w_[phrases_[k].num_end + 1] != "whom")) {
        return t;
      }
      uint32_t z = phrases_[k].num_end + 2;
      Phrase tail;
      tail.num_end = z;
      ReadNoun(&tail);
      z = tail.end;
      parts->push_back({static_cast<size_t>(k), z});
      if (w_[z] == "," || w_[z] == ")") ++z;
      return z;
    }
    // The parts: counted phrases joined by "and"/",".
    uint32_t z = y;
    while (true) {
      int k = PhraseAt(z);
      if (k < 0) break;
      parts->push_back({static_cast<size_t>(k), phrases_[k].end});
      z = phrases_[k].end;
      if (w_[z] == "," && PhraseAt(z + 1) >= 0) {
        ++z;
      } else if (uint32_t c = lex::MatchConjunction(w_, z, last_);
                 c && PhraseAt(z + c) >= 0) {
        z += c;
      } else if (w_[z] == "," && lex::MatchConjunction(w_, z + 1, last_) &&
                 PhraseAt(z + 1 + lex::MatchConjunction(w_, z + 1, last_)) >=
                     0) {
        z += 1 + lex::MatchConjunction(w_, z + 1, last_);
      } else {
        break;
      }
    }
    // The part ends at a closing comma or bracket; otherwise it runs on
    // until the casualty verb ("..., including the emir are said to have").
    for (uint32_t q = z; q < last_ && q < y + kMaxIncluding; ++q) {
      if (w_[q] == "," || (paren && w_[q] == ")")) return q + 1;
      if (w_[q] == ";") return t;
    }
    *open_ended = true;
    return z;
  }

  // Casualty words after a group ending at t, past at most one aside.
  bool MatchAfterGroup(uint32_t t, bool after_parts_open, Frame* f) const {
    if (MatchAfter(t, f)) return true;
    if (after_parts_open) {
      // Run on through the unclosed part until the verb.
      for (uint32_t q = t; q < last_ && q < t + kMaxIncluding; ++q) {
        if (w_[q] == ";" || (Kind(q) == text::kNumber)) return false;
        if (lex::IsVerbGroupWord(w_[q]) ||
            lex::MatchCasualty(w_, q, last_, lex::kAfter)) {
          if (MatchAfter(q, f)) return true;
        }
      }
      return false;
    }
    if (w_[t] == ",") {
      // ", the ministry said, were killed".
      // Numbers inside are allowed when they count nothing ("the 25
      // suspects, aged between 18 and 35, were detained").
      for (uint32_t q = t + 1; q < last_ && q <= t + kMaxAside; ++q) {
        if (PhraseAt(q) >= 0) return false;
        if (w_[q] == ",") return MatchAfter(q + 1, f);
      }
      return false;
    }
    if (lex::IsPlacePreposition(w_[t])) {
      // "40 people in the village were killed".
      for (uint32_t q = t + 1; q < last_ && q <= t + 6; ++q) {
        if (PhraseAt(q) >= 0 || w_[q] == "," || w_[q] == ";") return false;
        if (lex::IsVerbGroupWord(w_[q]) ||
            lex::MatchCasualty(w_, q, last_, lex::kAfter)) {
          return MatchAfter(q, f);
        }
      }
    }
    return false;
  }

  void TryFrame(size_t k, std::vector<Casualty>* out) {
    const Phrase& p0 = phrases_[k];
    if (p0.non_person) return;
    // The group: "two soldiers and three civilians".
    std::vector<size_t> group{k};
    uint32_t end = p0.end;
    while (phrases_[group.back()].has_noun && group.size() < kMaxGroup) {
      uint32_t x = end;
      uint32_t c = 0;
      if (w_[x] == "," && lex::MatchConjunction(w_, x + 1, last_)) {
        c = 1 + lex::MatchConjunction(w_, x + 1, last_);
      } else if (w_[x] == ",") {
        c = 1;
      } else {
        c = lex::MatchConjunction(w_, x, last_);
      }
      if (c == 0) break;
      const int n = PhraseAt(x + c);
      if (n < 0 || used_[static_cast<size_t>(n)]) break;
      const Phrase& q = phrases_[static_cast<size_t>(n)];
      if (!q.has_noun || q.non_person || q.count_noun || q.lives) break;
      group.push_back(static_cast<size_t>(n));
      end = q.end;
    }
    Frame f{};
    bool found = false;
    // A casualty word before the group; a member with a casualty word of
    // its own after it is not part of it ("killed 3 soldiers, 2 civilians
    // were injured").
    if (MatchBefore(p0.first, p0, &f)) {
      found = true;
      while (group.size() > 1) {
        Frame g;
        if (!MatchAfter(phrases_[group.back()].end, &g)) break;
        group.pop_back();
      }
      end = phrases_[group.back()].end;
    }
    if (!found && group.size() == 1 && p0.count_noun && CountNounHolds(p0)) {
      f = {p0.count_noun->kind, p0.count_noun_first, p0.count_noun_last,
           p0.count_noun->roles};
      found = true;
    }
    std::vector<Part> parts;
    bool open_ended = false;
    const uint32_t after_parts = ReadParts(end, &parts, &open_ended);
    if (!found) {
      if (p0.count_noun && group.size() > 1) return;
      if (p0.lives) {
        // "40 lives were lost".
        Frame g;
        if (MatchAfter(after_parts, &g) && w_[g.trigger_first] == "lost") {
          f = g;
          found = true;
        }
      } else {
        found = MatchAfterGroup(
            after_parts, open_ended && after_parts == end ? false : open_ended,
            &f);
        if (!found && open_ended)
          found = MatchAfterGroup(after_parts, true, &f);
      }
    }
    if (!found) return;
    if (f.roles & lex::kPeople) {
      // "1.5 million posts disappeared", "3 files went missing".
      for (size_t g : group) {
        if (!phrases_[g].people) return;
      }
    }
    for (size_t g : group) used_[g] = true;
    for (const Part& g : parts) used_[g.first] = true;
    Emit(group, parts, f, out);
  }

  Count GroupCount(const std::vector<size_t>& group) const {
    if (group.size() == 1) return phrases_[group[0]].count;
    Count c;
    bool all_min = true, all_max = true, same_q = true;
    int64_t mn = 0, mx = 0;
    for (size_t g : group) {
      const Count& x = phrases_[g].count;
      c.best += x.best;
      if (x.min)
        mn += *x.min;
      else
        all_min = false;
      if (x.max)
        mx += *x.max;
      else
        all_max = false;
      same_q = same_q && x.qualifier == phrases_[group[0]].count.qualifier;
    }
    if (all_min) c.min = mn;
    if (all_max) c.max = mx;
    if (same_q && phrases_[group[0]].count.qualifier != Qualifier::kRange) {
      c.qualifier = phrases_[group[0]].count.qualifier;
    } else if (all_min && all_max) {
      c.qualifier = mn == mx ? Qualifier::kExactly : Qualifier::kRange;
    } else if (all_min) {
      c.qualifier = Qualifier::kAtLeast;
    } else if (all_max) {
      c.qualifier = Qualifier::kUpTo;
    } else {
      c.qualifier = Qualifier::kAbout;
    }
    return c;
  }

  std::string SpanText(uint32_t first_token, uint32_t last_token, uint32_t* b,
                       uint32_t* e) const {
    *b = doc_.tokens[first_token].begin;
    *e = doc_.tokens[last_token - 1].end;
    return doc_.text.substr(*b, *e - *b);
  }

  void Emit(const std::vector<size_t>& group, const std::vector<Part>& parts,
            const Frame& f, std::vector<Casualty>* out) const {
    Casualty c;
    c.kind = f.kind;
    c.sentence = index_;
    c.count = GroupCount(group);
    if (c.count.best > kMaxCasualtyCount) return;
    const Phrase& a = phrases_[group.front()];
    const Phrase& z = phrases_[group.back()];
    c.count.text = SpanText(a.first, z.end, &c.count.begin, &c.count.end);
    if (group.size() == 1) {
      if (a.victim_last > a.victim_first) {
        c.victim = SpanText(a.victim_first, a.victim_last, &c.victim_begin,
                            &c.victim_end);
      }
      c.victim_type = std::string(a.sector);
      if (a.group_last > a.group_first) {
        uint32_t b, e;
        c.group = SpanText(a.group_first, a.group_last, &b, &e);
      }
    } else {
      c.victim = SpanText(a.first, z.end, &c.victim_begin, &c.victim_end);
      std::string_view sector = a.sector;
      for (size_t g : group) {
        if (phrases_[g].sector != sector) sector = "unknown";
      }
      c.victim_type = std::string(sector);
    }
    c.trigger = SpanText(f.trigger_first, f.trigger_last, &c.trigger_begin,
                         &c.trigger_end);
    for (const Part& g : parts) {
      Count part = phrases_[g.first].count;
      part.text =
          SpanText(phrases_[g.first].first, g.second, &part.begin, &part.end);
      c.including.push_back(part);
    }
    out->push_back(std::move(c));
  }

  const internal::DocView& view_;
  const Document& doc_;
  const internal::SentenceWords w_;
  uint32_t first_, last_, index_;
  std::vector<Phrase> phrases_;
  std::vector<bool> used_;
};

}  // namespace

std::vector<Casualty> FindCasualties(const Document& doc) {
  std::vector<Casualty> out;
  if (doc.tokens.empty()) return out;
  const internal::DocView view(doc);
  for (size_t k = 0; k < doc.sentences.size(); ++k) {
    const Sentence& s = doc.sentences[k];
    if (s.first_token >= s.last_token || s.last_token > doc.tokens.size())
      continue;
    SentenceCasualties(view, s, static_cast<uint32_t>(k)).Run(&out);
  }
  return out;
}

}  // namespace sitrep::numbers
