// Part-of-speech tagger trained on UD English-EWT: three greedy averaged
// perceptrons over hashed features (perceptron.h).
//   1. UPOS, left to right (17 labels).
//   2. UPOS again, left to right, also seeing pass 1's UPOS of the words
//      i-1 .. i+3 (trained on jack-knifed pass-1 output, so it learns how
//      far to trust it). Its output is the UPOS returned.
//   3. PTB XPOS given the UPOS of the sentence, restricted to the XPOS seen
//      with the word's UPOS in training.
// UPOS features: the word lower-cased with digits as 0 and as written,
// prefixes 1-4 / suffixes 1-5, shape and flags, words within +-2, suffix
// and shape of the neighbours, word bigrams, the "ambiguity class" (UPOS
// seen in training) of the word and its neighbours, word clusters
// (clusters.h, learned at training time from EWT train plus ship-derivable
// NER corpora) of the word and its neighbours, a WordNet word-class code
// (pos_lexicon.h: noun/verb/adj/adv lemma, regular inflection of one),
// word statistics of ship-derived corpora (share of uses inside a named
// entity, as written and lower-cased; most frequent PTB tag), the sentence's
// case regime (all lower / mixed / headline / all caps), and the two
// previous predicted UPOS. Frequent words seen with one label >= 97%
// of the time are tagged from the tag dictionary without scoring.
//
// The model (models/pos.bin, artifact kind "pos", format kPosFormatVersion)
// holds the label tables, tag dictionary, the three weight tables, the
// clusters, the lexicon, the word statistics and the lemma tables
// (lemma.h); nothing from
// ../shared or /usr/share is needed at run time.
//
// Thread-safety: PosTagger is immutable after Load; Tag/Lemma may be called
// from any thread. Cost: Load maps and checksums the file and builds two
// hash tables (tens of ms); tagging is linear in the number of tokens
// (~2 x 45 + 18 feature probes for a word outside the tag dictionary).
#ifndef SITREP_TAG_POS_H_
#define SITREP_TAG_POS_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/artifact.h"
#include "core/document.h"
#include "core/status.h"
#include "tag/lemma.h"
#include "tag/clusters.h"
#include "tag/perceptron.h"
#include "tag/pos_lexicon.h"

namespace sitrep::tag {

inline constexpr uint32_t kPosFormatVersion = 3;

// Universal POS tags: the ids of core/document.h's Upos (one type, so the
// two can be compared and stored interchangeably).
using UposId = ::sitrep::Upos;
inline constexpr UposId kAdj = kUposAdj, kAdp = kUposAdp, kAdv = kUposAdv, kAux = kUposAux,
                        kCconj = kUposCconj, kDet = kUposDet, kIntj = kUposIntj,
                        kNoun = kUposNoun, kNum = kUposNum, kPart = kUposPart,
                        kPron = kUposPron, kPropn = kUposPropn, kPunct = kUposPunct,
                        kSconj = kUposSconj, kSym = kUposSym, kVerb = kUposVerb, kX = kUposX;
inline constexpr int kNumUpos = kUposCount;
// "ADJ", ..., "X"; "?" out of range.
std::string_view UposTagName(uint8_t id);
// The id of a UPOS name, or -1.
int UposFromName(std::string_view name);

struct PosTrainOptions {
  std::string train_path = "../shared/data/ud/UD_English-EWT/en_ewt-ud-train.conllu";
  std::string dev_path = "../shared/data/ud/UD_English-EWT/en_ewt-ud-dev.conllu";  // may be empty
  int epochs = 8;
  std::string out_path = "models/pos.bin";
  std::string wordnet_dir = "/usr/share/wordnet";  // lemma data (Debian wordnet-base); "" = rules only
  uint64_t seed = 20240601;                         // shuffle seed
  // Word clusters (clusters.h) are learned from the training text plus the
  // ship-derivable unlabeled tokens under this directory (CoNLL-2003 train,
  // GMB, WikiANN, wikigold, WNUT-17 train); "" = training text only.
  std::string unlabeled_dir = "../shared/data/ner";
  bool clusters = true;  // false: no cluster features
  // Word statistics from the corpora under unlabeled_dir: how often a word
  // is inside a named entity (CoNLL-2003, WikiANN, wikigold, WNUT-17, GMB
  // train labels) and its most frequent PTB tag (CoNLL-2003 eng.train and
  // GMB POS columns), as UPOS features. Off when false or unlabeled_dir "".
  bool word_stats = true;
  std::string command = "sitrep train pos";         // recorded as provenance
};

// Trains on train_path, scores dev_path after the last epoch (when set),
// writes out_path (creating its directory). *report receives progress lines
// (corpus size, per-epoch training accuracy, dev scores, timing, size).
// Deterministic: same options and inputs -> same bytes.
Status TrainPos(const PosTrainOptions& options, std::string* report);

struct PosWordCache;

// Reusable state for PosTagger::Tag, one per worker thread: per-sentence
// buffers and a bounded cache of word-only feature scores (~5 MB once used).
// Results never depend on what the cache holds.
class PosScratch {
 public:
  PosScratch();
  ~PosScratch();
  PosScratch(PosScratch&&) noexcept;
  PosScratch& operator=(PosScratch&&) noexcept;

 private:
  friend class PosTagger;
  std::unique_ptr<PosWordCache> cache_;
};

class PosTagger {
 public:
  // Maps models/pos.bin (or `path`) and validates it.
  static Result<std::unique_ptr<PosTagger>> Load(const std::string& path);

  // Tags one sentence: upos[i] (UposId) and, when xpos is not null,
  // xpos[i] (an id for XposName) for each of words[0..n). Any bytes are
  // accepted; an empty span does nothing.
  void Tag(std::span<const std::string_view> words, uint8_t* upos, uint16_t* xpos) const;
  // The same with caller-owned scratch (the fast path for many sentences).
  void Tag(std::span<const std::string_view> words, uint8_t* upos, uint16_t* xpos,
           PosScratch& scratch) const;

  // Tags doc.tokens sentence by sentence (all tokens as one run when
  // doc.sentences is empty; tokens outside every sentence get X / xpos 0).
  // Output vectors are resized to doc.tokens.size().
  void TagDocument(const Document& doc, std::vector<uint8_t>* upos,
                   std::vector<uint16_t>* xpos) const;

  std::string_view UposName(uint8_t id) const { return UposTagName(id); }
  std::string_view XposName(uint16_t id) const;
  int num_xpos() const { return static_cast<int>(xpos_names_.size()); }

  // Lemma of a tagged word (see lemma.h).
  std::string Lemma(std::string_view word, uint8_t upos) const {
    return lemmatizer_.Lemma(word, upos);
  }
  const ArtifactProvenance& provenance() const { return artifact_.provenance(); }

  // Internal, shared with training.
  struct DictEntry {
    uint32_t upos_mask;  // UPOS seen with the word (>= 1% of its uses)
    uint16_t sure;       // label when the word is unambiguous, else 0xFFFF
  };

 private:
  explicit PosTagger(Artifact artifact) : artifact_(std::move(artifact)) {}

  Artifact artifact_;
  LinearModel upos_model_;   // 17 UPOS labels, left to right
  LinearModel upos2_model_;  // second pass, sees the first pass's UPOS to the right
  LinearModel xpos_model_;  // xpos_names_ labels, scored given the UPOS
  std::string_view stats_;  // word statistics (TokenHashes::wstat), layout of dict_
  uint64_t stats_mask_ = 0;
  std::vector<uint8_t> label_upos_;   // combined dictionary label -> UPOS
  std::vector<uint16_t> label_xpos_;  // combined dictionary label -> XPOS
  std::vector<std::string> xpos_names_;
  std::vector<std::vector<uint16_t>> xpos_of_upos_;  // XPOS seen with each UPOS
  WordClusters clusters_;
  PosLexicon lexicon_;
  std::string_view dict_;  // open-addressed table, see pos.cc
  uint64_t dict_mask_ = 0;
  Lemmatizer lemmatizer_;
  uint64_t cache_id_ = 0;  // distinct per loaded tagger; keys Tag's per-thread word cache

  friend struct PosTaggerAccess;
};

struct PosEvalReport {
  size_t tokens = 0;
  double upos = 0, xpos = 0;  // accuracy in [0, 1]
  double seconds = 0;         // tagging time only
};

// Tags the gold tokenization of a CoNLL-U file and writes the same file with
// predicted UPOS/XPOS in columns 4/5, every other byte identical (empty
// predictions_path: no file). Scores against the gold columns.
Result<PosEvalReport> EvalPos(const PosTagger& tagger, const std::string& conllu_path,
                              const std::string& predictions_path);

}  // namespace sitrep::tag

#endif  // SITREP_TAG_POS_H_
