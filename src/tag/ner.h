// Named-entity recognizer: a greedy left-to-right averaged-perceptron tagger
// over hashed features, trained on CoNLL-2003 English, that labels tokens
// with the CoNLL types (PER, ORG, LOC, MISC in BIO) and turns them into
// entity spans of sitrep's kinds (person, organization, place, nationality,
// misc).
//
// Two passes of that tagger over a document (Ratinov & Roth 2009):
//   pass 1 (per sentence): the word, its lower case, shape and short shape,
//   prefixes/suffixes 1-4, the words and shapes within +-2, case patterns
//   (sentence-initial, all caps, a word in an all-caps headline), hyphen
//   parts, gazetteer matches (places, countries, nationalities, first names,
//   organization words and names, person titles; longest multi-token match),
//   word classes (clusters.h; 64/256/1024 classes of the word, of its
//   neighbours at +-1 and +-2) and the two previous predicted labels;
//   pass 2 (document): the same, plus the first pass's labels at i-1..i+2,
//   how often the first pass gave each type to the same capitalized word
//   elsewhere in the document, and the neighbours of that word's other
//   occurrences (context aggregation). Pass 2 runs only on sentences where
//   some capitalized word got a type that differs from one it got elsewhere
//   in the document; others keep their first-pass labels (faster, and 0.1
//   F1 better on CoNLL dev). Its training data are first-pass labels from
//   5-fold jackknifing over documents. Decoding is greedy with the BIO
//   constraint (I-X only continues an X chunk).
//
// Each pass's weights are the average of three perceptrons trained on
// different shuffles (seeds) of the same data: one model's run-time cost,
// and dev F1 no longer swings by +-0.4 with the shuffle seed.
//
// Kinds: PER -> person, ORG -> organization, LOC -> place. A MISC span that
// is a nationality / demonym / religious or political group word
// ("Syrian", "Kurds", "Sunni") -> nationality; a MISC span that is a country
// or place name -> place; other MISC -> misc. A nationality span directly
// followed by an organization ("Russian" + "Defense Ministry") becomes one
// organization, since CoNLL annotates them apart but later stages want the
// actor whole; likewise a nationality/misc span followed by up to three
// untagged capitalized words of which the last is an organization head word
// ("Islamic State", "Syrian Army").
//
// The model file (models/ner.bin, artifact kind "ner", format 2) holds the
// label names, the pass-1 weights ("weights"), the pass-2 weights
// ("weights2", absent in one-pass models), the gazetteer phrase set and the
// word classes ("clusters"); nothing from ../shared is needed at run time.
//
// Thread-safety: NerTagger is immutable after Load; Tag/TagBio/TagDocument
// may be called from any number of threads (each call uses its own scratch,
// or the one passed in). Cost: Load maps the file, checksums it and builds
// the gazetteer and cluster hash tables (tens of ms). Tagging is linear in
// the document: static feature hashes are computed once per token and pass;
// only the previous-label features change during decoding. Tag on a single
// sentence treats it as a one-sentence document (both passes).
#ifndef SITREP_TAG_NER_H_
#define SITREP_TAG_NER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "tag/clusters.h"
#include "tag/ner_data.h"

namespace sitrep::tag {

inline constexpr uint32_t kNerFormatVersion = 2;

struct NerTrainOptions {
  std::string data_dir = "../shared/data";
  std::string out_path = "models/ner.bin";
  int epochs = 16;
  uint32_t buckets_log2 = 22;   // at most 2^n distinct features kept
  uint64_t seed = 20240601;     // shuffle seed (training is deterministic)
  // Extra corpora besides CoNLL-2003 train (measured: see models/NER.md).
  bool use_wikigold = false;
  bool use_gmb = false;
  bool use_wikiann = false;
  // Score CoNLL dev (eng.testa) after each epoch and put it in the report.
  bool eval_dev_each_epoch = false;
  // Word clusters learned at train time from the unlabeled text of CoNLL
  // train, GMB, WikiANN, wikigold and UD EWT train (stored in the model).
  bool use_clusters = true;
  // Second pass (document-level): trained on first-pass labels predicted
  // by models that did not see the document (this many folds); <= 1 = one
  // pass only.
  int jackknife_folds = 5;
  // Each pass's model is the weight average of this many perceptrons
  // trained with seeds seed, seed + 1, ... (one model's run-time cost).
  int seeds = 3;
  ClusterOptions clusters;
  std::string command = "sitrep train ner";  // recorded as provenance
};

// Trains on the corpora under data_dir and writes out_path. *report gets a
// human-readable summary (corpus sizes, gazetteer size, per-epoch training
// accuracy, dev F1 when computed, time). Deterministic: the same options and
// inputs give the same bytes.
Status TrainNer(const NerTrainOptions& options, std::string* report);

// Lower level, for tests and tools: trains on in-memory BIO sentences with a
// given gazetteer and writes options.out_path (no provenance inputs).
// Only epochs, buckets_log2, seed, seeds, jackknife_folds and command of
// `options` are used (no word clusters). Documents are runs of equal NerSentence::doc.
Status TrainNerOn(const std::vector<NerSentence>& train, const PhraseSet& gazetteer,
                  const NerTrainOptions& options, std::string* report);

enum EntityKind : uint8_t { kPerson, kOrganization, kPlace, kNationality, kMisc };
inline constexpr int kNumEntityKinds = 5;
// "person", "organization", "place", "nationality", "misc" ("?" otherwise).
const char* EntityKindName(uint8_t kind);

struct Entity {
  uint32_t begin_token = 0;  // [begin_token, end_token) within the sentence
  uint32_t end_token = 0;
  uint8_t kind = kMisc;  // EntityKind
};

// Reusable buffers for tagging; one per worker thread.
struct NerScratch {
  std::vector<uint64_t> token_hash;     // phrase hash of each token
  std::vector<uint8_t> gaz;             // per token x list: match position code
  std::vector<uint64_t> features;       // static features, flat
  std::vector<uint32_t> offsets;        // per token [offsets[i], offsets[i+1])
  std::vector<uint64_t> buffer;         // static + dynamic for one token
  std::vector<int> labels;              // label ids
  std::vector<float> scores;
  std::vector<std::string_view> bio;
  // Per-token temporaries of feature extraction.
  std::vector<uint64_t> word_hash, shape_hash, short_hash;
  std::vector<uint8_t> cap;
  std::vector<uint32_t> cls;            // packed word classes (0 = none)
  std::string shape, short_shape, lower;
  // Document statistics: lower-cased token hash -> how often the first
  // pass gave each label type (O, PER, ORG, LOC, MISC) to the capitalized
  // token in the document so far (the whole document during pass 2).
  std::unordered_map<uint64_t, std::array<uint16_t, 5>> history;
  // Two-pass tagging: first-pass labels of the current sentence, and of
  // every sentence of the document.
  std::vector<int> pass1;
  std::vector<std::vector<int>> doc_pass1;
  // Neighbours (lower-cased token hashes) of the capitalized words of the
  // document, for context aggregation in the second pass.
  std::unordered_map<uint64_t, std::vector<std::pair<uint64_t, uint64_t>>> contexts;
  // Word-level cache (bounded; results never depend on what it holds): what
  // depends only on a word's bytes, and the scores of its leading word-only
  // features under each pass's model (summed from zero in feature order, so
  // scoring the rest on top of them gives the same floats).
  struct WordInfo {
    std::string word;
    uint64_t token_hash = 0, word_hash = 0, shape_hash = 0, short_hash = 0;
    uint32_t cls = 0;
    uint8_t cap = 0, has_letter = 0, has_lower = 0, nprefix = 0;
    uint8_t partial_ok[2] = {0, 0};
    uint16_t gaz1 = 0;                  // gazetteer mask of the word alone
    std::array<uint64_t, 13> prefix{};  // bias, word, lower, shapes, affixes
    uint64_t len_feat = 0, cl_short = 0;
    std::array<uint64_t, 3> cl_feat{};
    std::vector<uint64_t> hyphen;       // hyphen-part features
    std::array<float, 9> partial[2]{};
  };
  std::vector<WordInfo> word_info;
  std::vector<uint64_t> word_keys;   // open addressing by Fnv(word), 0 = empty
  std::vector<uint32_t> word_slots;  // -> word_info
  std::vector<uint32_t> tok_info;                     // per token -> word_info
  const void* word_clusters = nullptr;                // what word_info was built with
  const void* word_gaz = nullptr;
  uint64_t word_owner = 0;                            // tagger whose scores it holds
};


class NerTagger {
 public:
  static Result<std::unique_ptr<NerTagger>> Load(const std::string& path);
  ~NerTagger();

  // Entities of one tokenized sentence, in order, non-overlapping. An empty
  // sentence gives none. *out is cleared first.
  void Tag(std::span<const std::string_view> words, std::vector<Entity>* out) const;
  void Tag(std::span<const std::string_view> words, std::vector<Entity>* out,
           NerScratch& scratch) const;

  // CoNLL-type BIO labels per token ("B-PER", "I-LOC", "O", ...), for
  // evaluation. The views point to static storage.
  void TagBio(std::span<const std::string_view> words,
              std::vector<std::string_view>* labels) const;
  void TagBio(std::span<const std::string_view> words,
              std::vector<std::string_view>* labels, NerScratch& scratch) const;

  // Label ids (index into label names) per token into scratch.labels. Uses
  // and extends scratch.history (callers clear it per document).
  void TagIds(std::span<const std::string_view> words, NerScratch& scratch) const;

  // Document-level tagging: the sentences of one document (one news
  // article), in order. The second pass sees the first pass's labels and
  // the contexts of every occurrence of a capitalized word in the whole
  // document, so this is more accurate than tagging sentence by sentence
  // (CoNLL dev: see models/NER.md). out gets one entity vector per sentence
  // (same contract as Tag; empty sentences give none).
  void TagDocument(std::span<const std::span<const std::string_view>> sentences,
                   std::vector<std::vector<Entity>>* out) const;
  void TagDocument(std::span<const std::span<const std::string_view>> sentences,
                   std::vector<std::vector<Entity>>* out, NerScratch& scratch) const;
  // BIO labels per sentence of one document (for evaluation).
  void TagDocumentBio(std::span<const std::span<const std::string_view>> sentences,
                      std::vector<std::vector<std::string_view>>* labels,
                      NerScratch& scratch) const;

 private:
  NerTagger();
  // Tags one document (both passes); calls done(k) once sentence k's final
  // labels are in scratch.labels (scratch holds sentence k's features).
  void RunDocument(std::span<const std::span<const std::string_view>> sentences, NerScratch& scratch,
                   const std::function<void(size_t)>& done) const;
  void Entities(std::span<const std::string_view> words, const NerScratch& scratch,
                std::vector<Entity>* out) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct NerEvalReport {
  size_t tokens = 0, sentences = 0;
  double precision = 0, recall = 0, f1 = 0;
  // (type, precision, recall, f1), sorted by type.
  std::vector<std::tuple<std::string, double, double, double>> per_type;
  double seconds = 0;  // tagging time only
};

// Reads CoNLL-style columns (token first, gold NE tag last; -DOCSTART- and
// blank lines kept; gold in IOB1 or IOB2), writes `token gold predicted`
// lines (space-separated, blank lines between sentences) to
// predictions_path (skipped when empty) and scores entity-level P/R/F1 by
// conlleval rules. Tags document by document (TagDocumentBio; documents
// are delimited by -DOCSTART- lines; a file without them is one document).
Result<NerEvalReport> EvalNer(const NerTagger& tagger, const std::string& path,
                              const std::string& predictions_path);

}  // namespace sitrep::tag

#endif  // SITREP_TAG_NER_H_
