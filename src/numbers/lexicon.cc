#include "numbers/lexicon.h"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"

namespace sitrep::numbers::lex {

namespace {

#include "numbers/casualty_words.inc"
#include "numbers/context.inc"
#include "numbers/number_words.inc"
#include "numbers/qualifiers.inc"
#include "numbers/units.inc"
#include "numbers/victims.inc"

// Entries of one phrase table keyed by their first word, longest first.
template <typename E>
class PhraseIndex {
 public:
  template <typename Range, typename GetPhrase>
  PhraseIndex(const Range& entries, GetPhrase get) {
    for (const E& e : entries) {
      std::vector<std::string_view> words = SplitWords(get(e));
      if (words.empty()) continue;
      by_first_[words[0]].push_back({std::move(words), &e});
    }
    for (auto& [first, list] : by_first_) {
      std::stable_sort(list.begin(), list.end(),
                       [](const Entry& a, const Entry& b) {
                         return a.words.size() > b.words.size();
                       });
    }
  }

  // Longest entry accepted by `ok` starting at i and ending by `limit`. The
  // last word may carry a period the tokenizer kept ("40 km." at a
  // sentence end).
  template <typename Ok>
  Match<E> Longest(const Words& w, uint32_t i, uint32_t limit, Ok ok) const {
    if (i >= limit) return {};
    Match<E> m = Find(w, i, limit, w[i], ok);
    const std::string_view first = w[i];
    if (!m && first.size() > 1 && first.back() == '.') {
      m = Find(w, i, limit, first.substr(0, first.size() - 1), ok);
      if (m && m.tokens != 1) m = {};
    }
    return m;
  }

 private:
  template <typename Ok>
  Match<E> Find(const Words& w, uint32_t i, uint32_t limit,
                std::string_view key, Ok ok) const {
    auto it = by_first_.find(key);
    if (it == by_first_.end()) return {};
    for (const Entry& e : it->second) {
      if (i + e.words.size() > limit || !ok(*e.entry)) continue;
      bool all = true;
      for (size_t k = 1; k < e.words.size() && all; ++k) {
        const std::string_view t = w[i + k];
        all = t == e.words[k] ||
              (k + 1 == e.words.size() && t.size() == e.words[k].size() + 1 &&
               t.back() == '.' && t.substr(0, e.words[k].size()) == e.words[k]);
      }
      if (all) return {e.entry, static_cast<uint32_t>(e.words.size())};
    }
    return {};
  }

 public:
 private:
  struct Entry {
    std::vector<std::string_view> words;
    const E* entry;
  };
  std::unordered_map<std::string_view, std::vector<Entry>> by_first_;
};

struct ListItem {
  std::string_view phrase;
};

template <size_t N>
std::vector<ListItem> Items(const std::string_view (&list)[N]) {
  std::vector<ListItem> v;
  for (std::string_view s : list) v.push_back({s});
  return v;
}

template <size_t N>
std::unordered_set<std::string_view> Set(const std::string_view (&list)[N]) {
  return std::unordered_set<std::string_view>(std::begin(list), std::end(list));
}

struct Tables {
  PhraseIndex<QualifierPhrase> qualifiers{
      kQualifierList, [](const QualifierPhrase& e) { return e.phrase; }};
  PhraseIndex<UnitPhrase> units{kUnitList,
                                [](const UnitPhrase& e) { return e.phrase; }};
  PhraseIndex<CasualtyPhrase> casualties{
      kCasualtyList, [](const CasualtyPhrase& e) { return e.phrase; }};
  PhraseIndex<VictimNoun> victims{kVictimList,
                                  [](const VictimNoun& e) { return e.phrase; }};
  std::vector<ListItem> including_items = Items(kIncludingList);
  std::vector<ListItem> conjunction_items = Items(kConjunctionList);
  std::vector<ListItem> age_items = Items(kAgeCueList);
  PhraseIndex<ListItem> including{including_items,
                                  [](const ListItem& e) { return e.phrase; }};
  PhraseIndex<ListItem> conjunctions{
      conjunction_items, [](const ListItem& e) { return e.phrase; }};
  PhraseIndex<ListItem> age_cues{age_items,
                                 [](const ListItem& e) { return e.phrase; }};
  std::unordered_map<std::string_view, const NumberWord*> number_words;
  std::unordered_map<std::string_view, const UnitPhrase*> unit_words;
  std::unordered_set<std::string_view> ordinals = Set(kOrdinalWordList);
  std::unordered_set<std::string_view> months = Set(kMonthList);
  std::unordered_set<std::string_view> labels = Set(kLabelList);
  std::unordered_set<std::string_view> phone_cues = Set(kPhoneCueList);
  std::unordered_set<std::string_view> verb_group = Set(kVerbGroupList);
  std::unordered_set<std::string_view> lives_verbs = Set(kLivesVerbList);
  std::unordered_set<std::string_view> non_person = Set(kNonPersonList);
  std::unordered_set<std::string_view> weekdays = Set(kWeekdayList);
  std::unordered_set<std::string_view> phrase_stops = Set(kPhraseStopList);
  std::unordered_set<std::string_view> place_preps = Set(kPlacePrepositionList);
  std::unordered_set<std::string_view> toll_fillers = Set(kTollFillerList);
  std::unordered_set<std::string_view> body_verbs = Set(kBodyVerbList);
  std::unordered_set<std::string_view> name_particles = Set(kNameParticleList);
  std::unordered_set<std::string_view> group_nouns = Set(kGroupNounList);
  std::unordered_set<std::string_view> modals = Set(kModalList);

  Tables() {
    for (const NumberWord& e : kNumberWordList)
      number_words.emplace(e.word, &e);
    for (const UnitPhrase& e : kUnitList) {
      if (!e.before && e.phrase.find(' ') == std::string_view::npos) {
        unit_words.emplace(e.phrase, &e);
      }
    }
  }
};

const Tables& T() {
  static const Tables tables;
  return tables;
}

}  // namespace

Words::Words(const Document& doc) {
  lower_.reserve(doc.tokens.size());
  const std::string_view text = doc.text;
  for (const Token& t : doc.tokens) {
    std::string_view s = text.substr(t.begin, t.end - t.begin);
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
      char c = s[i];
      low.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                         : c);
    }
    lower_.push_back(std::move(low));
  }
}

Match<QualifierPhrase> MatchQualifier(const Words& w, uint32_t i,
                                      uint32_t limit, bool before) {
  return T().qualifiers.Longest(
      w, i, limit,
      [before](const QualifierPhrase& e) { return e.before == before; });
}

Match<UnitPhrase> MatchUnit(const Words& w, uint32_t i, uint32_t limit,
                            bool before) {
  return T().units.Longest(w, i, limit, [before](const UnitPhrase& e) {
    return e.before == before;
  });
}

Match<UnitPhrase> MatchUnitBefore(const Words& w, uint32_t end,
                                  uint32_t floor) {
  for (uint32_t k = 3; k >= 1; --k) {
    if (end < floor + k) continue;
    Match<UnitPhrase> m = MatchUnit(w, end - k, end, true);
    if (m && m.tokens == k) return m;
  }
  return {};
}

Match<CasualtyPhrase> MatchCasualty(const Words& w, uint32_t i, uint32_t limit,
                                    uint8_t roles) {
  return T().casualties.Longest(w, i, limit, [roles](const CasualtyPhrase& e) {
    return (e.roles & roles) != 0;
  });
}

Match<VictimNoun> MatchVictim(const Words& w, uint32_t i, uint32_t limit) {
  return T().victims.Longest(w, i, limit,
                             [](const VictimNoun&) { return true; });
}

uint32_t MatchIncluding(const Words& w, uint32_t i, uint32_t limit) {
  return T()
      .including.Longest(w, i, limit, [](const ListItem&) { return true; })
      .tokens;
}
uint32_t MatchConjunction(const Words& w, uint32_t i, uint32_t limit) {
  return T()
      .conjunctions.Longest(w, i, limit, [](const ListItem&) { return true; })
      .tokens;
}
uint32_t MatchAgeCue(const Words& w, uint32_t i, uint32_t limit) {
  return T()
      .age_cues.Longest(w, i, limit, [](const ListItem&) { return true; })
      .tokens;
}

std::span<const NumberWord> NumberWords() { return kNumberWordList; }
std::span<const QualifierPhrase> QualifierPhrases() { return kQualifierList; }
std::span<const UnitPhrase> UnitPhrases() { return kUnitList; }
std::span<const CasualtyPhrase> CasualtyPhrases() { return kCasualtyList; }
std::span<const VictimNoun> VictimNouns() { return kVictimList; }

const NumberWord* FindNumberWord(std::string_view w) {
  auto it = T().number_words.find(w);
  return it == T().number_words.end() ? nullptr : it->second;
}
const UnitPhrase* FindUnitWord(std::string_view w) {
  auto it = T().unit_words.find(w);
  return it == T().unit_words.end() ? nullptr : it->second;
}
bool IsOrdinalWord(std::string_view w) { return T().ordinals.contains(w); }
bool IsMonth(std::string_view w) { return T().months.contains(w); }
bool IsLabelWord(std::string_view w) { return T().labels.contains(w); }
bool IsPhoneCue(std::string_view w) { return T().phone_cues.contains(w); }
bool IsVerbGroupWord(std::string_view w) { return T().verb_group.contains(w); }
bool IsLivesVerb(std::string_view w) { return T().lives_verbs.contains(w); }
bool IsNonPerson(std::string_view w) { return T().non_person.contains(w); }
bool IsWeekday(std::string_view w) { return T().weekdays.contains(w); }
bool IsPhraseStop(std::string_view w) { return T().phrase_stops.contains(w); }
bool IsPlacePreposition(std::string_view w) {
  return T().place_preps.contains(w);
}
bool IsTollFiller(std::string_view w) { return T().toll_fillers.contains(w); }
bool IsBodyVerb(std::string_view w) { return T().body_verbs.contains(w); }
bool IsNameParticle(std::string_view w) {
  return T().name_particles.contains(w);
}
bool IsGroupNoun(std::string_view w) { return T().group_nouns.contains(w); }
bool IsModal(std::string_view w) { return T().modals.contains(w); }

}  // namespace sitrep::numbers::lex
