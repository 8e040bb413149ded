// Lemmas for nouns and verbs: exception lists, then suffix rules checked
// against a lemma lexicon (WordNet's "morphy" algorithm).
//
// Data: WordNet 3.0 (Princeton University, WordNet License), read at
// *build* time from the Debian package wordnet-base
// (/usr/share/wordnet/{noun,verb}.exc and index.{noun,verb}) and compiled
// into the POS model artifact (section "lemma"), plus a few news-specific
// overrides kept in lemma.cc ("people" stays "people"). Nothing is read
// from /usr/share at run time.
//
// Section format (text, sorted, one entry a line):
//   "n<TAB>form<TAB>lemma" / "v<TAB>form<TAB>lemma"  noun / verb exception
//   "N<TAB>lemma" / "V<TAB>lemma"  a known single-word noun / verb lemma
//
// Thread-safety: Lemmatizer is immutable after FromBytes; Lemma() is safe
// from any thread. Cost: FromBytes builds hash sets over the section (a few
// ms for ~80K entries); Lemma() is a few hash lookups.
#ifndef SITREP_TAG_LEMMA_H_
#define SITREP_TAG_LEMMA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/status.h"

namespace sitrep::tag {

class Lemmatizer {
 public:
  // Builds the section from a WordNet dictionary directory (the one holding
  // noun.exc). Fails with kNotFound naming the missing file and the Debian
  // package to install. An empty `wordnet_dir` gives a section with the
  // built-in overrides only (rules-only lemmas; used by tests).
  static Result<std::string> BuildSection(const std::string& wordnet_dir);

  // Views `bytes` (must outlive the Lemmatizer). An empty section gives a
  // rules-only lemmatizer.
  static Result<Lemmatizer> FromBytes(std::string_view bytes);

  // The lemma of `word` tagged `upos` (UposId). Nouns and verbs (VERB, AUX)
  // are lemmatized and lower-cased; other tags, proper nouns included, are
  // returned unchanged. Example: ("struck", VERB) -> "strike",
  // ("casualties", NOUN) -> "casualty".
  std::string Lemma(std::string_view word, uint8_t upos) const;

  size_t num_exceptions() const { return noun_exc_.size() + verb_exc_.size(); }

 private:
  std::string LemmaOf(const std::string& lower, bool verb) const;

  std::unordered_map<std::string_view, std::string_view> noun_exc_, verb_exc_;
  std::unordered_set<std::string_view> nouns_, verbs_;
};

}  // namespace sitrep::tag

#endif  // SITREP_TAG_LEMMA_H_
