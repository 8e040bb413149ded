#include "tag/lemma.h"

#include <algorithm>
#include <fstream>
#include <span>
#include <vector>

#include "tag/pos.h"

namespace sitrep::tag {
namespace {

// News-specific overrides applied after WordNet's lists (which map
// "people" -> "person"; analysts count "people", so it stays).
constexpr std::string_view kOverrides[][3] = {
    {"n", "people", "people"},
    {"n", "peoples", "people"},
    {"n", "media", "media"},
    {"n", "data", "data"},
    {"n", "news", "news"},
    {"n", "forces", "force"},
    {"n", "arms", "arms"},
    {"v", "'s", "be"},
    {"v", "’s", "be"},
    {"v", "'re", "be"},
    {"v", "’re", "be"},
    {"v", "'m", "be"},
    {"v", "’m", "be"},
    {"v", "'ve", "have"},
    {"v", "’ve", "have"},
    {"v", "'d", "would"},
    {"v", "'ll", "will"},
    {"v", "wo", "will"},
    {"v", "ca", "can"},
};

struct Rule {
  std::string_view suffix, replacement;
};
// WordNet morphy detachment rules, in its order.
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"}, {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
                               {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

Status ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path);
  if (!in) {
    return NotFound("cannot read " + path +
                    " (WordNet lemma data) — install the Debian package wordnet-base");
  }
  std::string line;
  while (std::getline(in, line)) lines->push_back(line);
  return Status::Ok();
}

}  // namespace

Result<std::string> Lemmatizer::BuildSection(const std::string& wordnet_dir) {
  std::vector<std::string> out;
  for (const char* cls : {"n", "v"}) {
    if (wordnet_dir.empty()) break;  // rules and overrides only
    const std::string name = std::string(cls) == "n" ? "noun" : "verb";
    std::vector<std::string> lines;
    RETURN_IF_ERROR(ReadLines(wordnet_dir + "/" + name + ".exc", &lines));
    for (const std::string& line : lines) {
      const size_t sp = line.find(' ');
      if (sp == std::string::npos) continue;
      size_t sp2 = line.find(' ', sp + 1);
      if (sp2 == std::string::npos) sp2 = line.size();
      const std::string form = line.substr(0, sp), lemma = line.substr(sp + 1, sp2 - sp - 1);
      if (form.find('_') != std::string::npos || lemma.find('_') != std::string::npos) continue;
      bool overridden = false;
      for (const auto& o : kOverrides) overridden |= o[0] == cls && o[1] == form;
      if (!overridden) out.push_back(std::string(cls) + "\t" + form + "\t" + lemma);
    }
    lines.clear();
    RETURN_IF_ERROR(ReadLines(wordnet_dir + "/index." + name, &lines));
    const std::string tag = std::string(cls) == "n" ? "N" : "V";
    for (const std::string& line : lines) {
      if (line.empty() || line[0] == ' ') continue;  // license header
      const std::string lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') != std::string::npos) continue;
      out.push_back(tag + "\t" + lemma);
    }
  }
  for (const auto& o : kOverrides) {
    out.push_back(std::string(o[0]) + "\t" + std::string(o[1]) + "\t" + std::string(o[2]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::string section;
  for (const std::string& l : out) section += l + "\n";
  return section;
}

Result<Lemmatizer> Lemmatizer::FromBytes(std::string_view bytes) {
  Lemmatizer lem;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) return DataLoss("lemma table is unterminated");
    const std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() < 3 || line[1] != '\t') return DataLoss("lemma table line is malformed");
    const std::string_view rest = line.substr(2);
    switch (line[0]) {
      case 'N': lem.nouns_.insert(rest); break;
      case 'V': lem.verbs_.insert(rest); break;
      case 'n':
      case 'v': {
        const size_t tab = rest.find('\t');
        if (tab == std::string_view::npos) return DataLoss("lemma exception lacks a tab");
        auto& map = line[0] == 'n' ? lem.noun_exc_ : lem.verb_exc_;
        map.emplace(rest.substr(0, tab), rest.substr(tab + 1));
        break;
      }
      default: return DataLoss("lemma table line has an unknown class");
    }
  }
  return lem;
}

std::string Lemmatizer::LemmaOf(const std::string& w, bool verb) const {
  const auto& exc = verb ? verb_exc_ : noun_exc_;
  const auto& lexicon = verb ? verbs_ : nouns_;
  if (auto it = exc.find(w); it != exc.end()) return std::string(it->second);
  if (lexicon.count(w) && !(verb && EndsWith(w, "ed"))) {
    // "news", "means", "building": a listed lemma stays as it is, except
    // that a plural-looking noun whose singular is listed too ("forces")
    // is singularised below.
    if (verb || !EndsWith(w, "s") || EndsWith(w, "ss")) return w;
  }
  for (const Rule& r : verb ? std::span<const Rule>(kVerbRules) : std::span<const Rule>(kNounRules)) {
    if (!EndsWith(w, r.suffix)) continue;
    std::string cand = w.substr(0, w.size() - r.suffix.size()) + std::string(r.replacement);
    if (cand.size() >= 2 && lexicon.count(cand)) return cand;
  }
  if (lexicon.count(w)) return w;
  // Not in WordNet (names of things, new words): plain suffix rules.
  if (!verb) {
    if (EndsWith(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    if (EndsWith(w, "sses") || EndsWith(w, "ches") || EndsWith(w, "shes") ||
        EndsWith(w, "xes")) {
      return w.substr(0, w.size() - 2);
    }
    if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is") &&
        w.size() > 3) {
      return w.substr(0, w.size() - 1);
    }
    return w;
  }
  if (EndsWith(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  if (EndsWith(w, "ied") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  for (std::string_view suf : {"ing", "ed"}) {
    if (EndsWith(w, suf) && w.size() > suf.size() + 2) {
      std::string stem = w.substr(0, w.size() - suf.size());
      const char a = stem[stem.size() - 1], b = stem[stem.size() - 2];
      if (a == b && !IsVowel(a) && a != 'l' && a != 's') stem.pop_back();
      return stem;
    }
  }
  if (EndsWith(w, "sses") || EndsWith(w, "ches") || EndsWith(w, "shes") || EndsWith(w, "xes")) {
    return w.substr(0, w.size() - 2);
  }
  if (EndsWith(w, "s") && !EndsWith(w, "ss") && w.size() > 3) return w.substr(0, w.size() - 1);
  return w;
}

std::string Lemmatizer::Lemma(std::string_view word, uint8_t upos) const {
  const bool verb = upos == kVerb || upos == kAux;
  if (!verb && upos != kNoun) return std::string(word);
  if (word.size() > 64) return std::string(word);
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return LemmaOf(lower, verb);
}

}  // namespace sitrep::tag
