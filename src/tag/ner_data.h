// Training data for the named-entity recognizer: corpus readers, label
// mapping to the CoNLL label set, and the gazetteer phrase lists the tagger
// uses as features.
//
// Readers turn each corpus into sentences of (word, BIO label) with the
// corpus' own types already mapped onto PER / ORG / LOC / MISC (or dropped):
//   * CoNLL-2003 (IOB1, 4 columns, -DOCSTART- lines) and wikigold (IOB1, 2
//     columns): ReadColumnCorpus, types kept.
//   * WikiANN: ReadColumnCorpus with strip_prefix "en:", IOB2 PER/ORG/LOC.
//   * GMB "Annotated Corpus for NER" CSV: ReadGmbCsv; bytes that are not
//     UTF-8 are decoded as Windows-1252 (the file mixes encodings);
//     per->PER, org->ORG, geo->LOC, gpe/art/eve/nat->MISC, tim dropped (gpe
//     is almost always a nationality adjective: "Iraqi", "British").
// Every reader converts IOB1 to BIO (IOB2): an I-X that does not continue an
// X chunk becomes B-X, exactly the chunks conlleval.pl would read.
//
// PhraseSet is a hashed set of lower-cased token sequences, each carrying a
// bit mask of the lists it is in (place, country, nationality, ...). It is
// built at train time from ../shared/data and serialized into the model, so
// run time needs nothing from ../shared.
//
// Thread-safety: readers are reentrant; a built PhraseSet is immutable and
// safe to share. Cost: readers are linear in the input; PhraseSet lookups
// are O(1) (open addressing).
#ifndef SITREP_TAG_NER_DATA_H_
#define SITREP_TAG_NER_DATA_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::tag {

struct NerSentence {
  std::vector<std::string> words;
  std::vector<std::string> labels;  // BIO: "O", "B-PER", "I-PER", ...
  int doc = 0;                      // document index within its corpus
};

// Rewrites IOB1 (or already-BIO) labels to BIO in place: an I-X after O, at
// sentence start or after a different type becomes B-X. Labels without a
// "B-"/"I-" prefix other than "O" are left untouched.
void ToBio(std::vector<std::string>* labels);

// Maps a corpus type (without B-/I-) onto the CoNLL set; returns "" to drop
// the entity (its tokens become O).
enum class NerCorpus : uint8_t { kConll, kWikiann, kGmb, kWikigold };
std::string_view MapNerType(NerCorpus corpus, std::string_view type);

struct ColumnReadOptions {
  NerCorpus corpus = NerCorpus::kConll;
  std::string_view strip_prefix;  // removed from the front of each word ("en:")
};

// Whitespace-separated columns, word first and NE tag last, blank lines
// between sentences, "-DOCSTART-" lines between documents. Lines with fewer
// than two columns are an error (with the line number).
Result<std::vector<NerSentence>> ReadColumnCorpus(std::string_view text,
                                                  const ColumnReadOptions& opt);

// GMB CSV `Sentence #,Word,POS,Tag`; "Sentence: N" in the first column starts
// a sentence. Each sentence is its own document (doc = sentence number).
Result<std::vector<NerSentence>> ReadGmbCsv(std::string_view bytes);

// Returns `bytes` as UTF-8: valid UTF-8 sequences are kept; every other byte
// is decoded as Windows-1252 (undefined 0x81 0x8D 0x8F 0x90 0x9D -> U+FFFD).
std::string RepairToUtf8Cp1252(std::string_view bytes);

// Word forms of a CoNLL-U file, one vector per sentence (multiword-token
// and empty-node lines skipped).
std::vector<std::vector<std::string>> ReadConlluWords(std::string_view text);

// Reads a whole file; kNotFound with the path when it cannot be opened.
Result<std::string> ReadFileToString(const std::string& path);

// ---------------------------------------------------------------------------
// Gazetteer phrases.

enum GazetteerList : uint8_t {
  kGazPlace = 0,      // cities, admin1 regions, countries
  kGazCountry = 1,    // country names and alternative spellings
  kGazNationality = 2,// demonyms, nationality and religious/political groups
  kGazFirstName = 3,  // first tokens of person names in the training corpora
  kGazOrgWord = 4,    // Corp Inc Ministry Army Party ... (single tokens)
  kGazOrgName = 5,    // named organizations (PETRARCH actor dictionaries)
  kGazPersonCue = 6,  // titles before a name: Mr President Gen ...
  // Learned from the non-CoNLL corpora (GMB, WikiANN, wikigold), so that the
  // features behave alike on CoNLL train and unseen text:
  kGazPerToken = 7,   // any token of a person span
  kGazOrgPhrase = 8,  // whole organization spans
  kGazLocPhrase = 9,  // whole location spans
  kGazMiscPhrase = 10,// whole MISC spans (GMB gpe/art/eve/nat, wikigold MISC)
  // Case statistics over all training text (mid-sentence, mixed-case
  // sentences only):
  kGazLowerWord = 11, // usually written in lower case
  kGazCapWord = 12,   // usually capitalized
  kNumGazetteerLists = 13,
};
using GazMask = uint16_t;
inline constexpr GazMask kGazPrefixBit = 0x8000;  // a longer phrase continues
inline constexpr GazMask kGazListBits = 0x7FFF;
inline constexpr int kMaxPhraseTokens = 6;

// Hash of one token for phrase matching: FNV-1a of the ASCII-lowercased
// bytes. Never 0.
uint64_t PhraseTokenHash(std::string_view word);
// Extends a phrase hash by one token hash (start with 0).
uint64_t PhraseExtend(uint64_t phrase, uint64_t token_hash);

class PhraseSet {
 public:
  // Adds a phrase (already split into tokens) to list `list`. Phrases longer
  // than kMaxPhraseTokens or empty ones are ignored.
  void Add(std::span<const std::string_view> tokens, GazetteerList list);
  // Splits `phrase` on spaces and the tokenizer's punctuation boundaries
  // (", " "'s" ...) the way news text is tokenized, then Add()s it.
  void AddText(std::string_view phrase, GazetteerList list);

  // Mask of lists for a phrase hash (with kGazPrefixBit when some longer
  // phrase starts with it); 0 when absent.
  GazMask Lookup(uint64_t phrase_hash) const;

  size_t size() const { return count_; }

  // Ors `mask` into the entry for a raw phrase hash (see PhraseExtend).
  void Insert(uint64_t key, GazMask mask);

  // Serialization: sorted (u64 hash, u16 mask) pairs, little-endian,
  // deterministic.
  std::string Serialize() const;
  static Result<PhraseSet> Deserialize(std::string_view bytes);

 private:
  void Grow();

  std::vector<uint64_t> keys_;   // open addressing, 0 = empty
  std::vector<GazMask> masks_;
  size_t count_ = 0;
};

// Builds the gazetteer lists from `data_dir` (../shared/data): GeoNames
// cities15000 + admin1 + countryInfo, world-countries.json,
// i18n-nationality-en.json, nat_df.csv, PETRARCH MilNonState/International
// actor dictionaries, plus the built-in word tables (ner_tables.inc), plus
// from `external` (non-CoNLL corpora): first names (first tokens of
// multi-token person spans seen twice), person tokens and whole entity
// spans; and case statistics from `external` plus `train`.
// Missing files are an error naming the file.
Status BuildGazetteer(const std::string& data_dir,
                      const std::vector<const std::vector<NerSentence>*>& external,
                      const std::vector<const std::vector<NerSentence>*>& train,
                      PhraseSet* out, std::string* report);

}  // namespace sitrep::tag

#endif  // SITREP_TAG_NER_DATA_H_
