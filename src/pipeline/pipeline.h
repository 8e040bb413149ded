// The document pipeline: RawDoc → Document with every stage that exists
// applied in order (ingest → text → POS → NER). Built once from the models
// directory, immutable and thread-safe; each worker thread owns a Scratch.
//
// Cost: Load maps the model files (a few ms); Process is linear in the
// document. Stage times are accumulated into Scratch::profile for
// `--profile` and `sitrep bench`.
#ifndef SITREP_PIPELINE_PIPELINE_H_
#define SITREP_PIPELINE_PIPELINE_H_

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "geo/gazetteer.h"
#include "geo/resolver.h"
#include "ingest/ingest.h"
#include "tag/ner.h"
#include "tag/pos.h"
#include "text/text.h"

namespace sitrep {

enum PipelineStage : int {
  kStageIngest,
  kStageText,
  kStagePos,
  kStageNer,
  kStagePlaces,
  kStageCount
};
inline constexpr const char* kStageNames[kStageCount] = {
    "ingest", "text", "pos", "ner", "places"};

struct PipelineOptions {
  std::string models_dir;  // empty: DefaultModelsDir()
  bool tag = true;         // run POS and NER (needs the models)
  // Resolve places with gazetteer.bin (implies tag). A missing or bad
  // gazetteer is not fatal: places_warning() says why, records carry it as
  // a note, and place mentions stay unresolved.
  bool places = true;
};

// The models directory: $SITREP_MODELS, else `models/` next to or one level
// above the running binary (build/sitrep → models/), else "./models".
std::string DefaultModelsDir();

class Pipeline {
 public:
  struct Scratch {
    text::TextScratch text;
    tag::PosScratch pos;
    tag::NerScratch ner;
    std::vector<uint8_t> upos;
    std::vector<uint16_t> xpos;
    std::vector<std::vector<tag::Entity>> entities;  // per sentence
    std::vector<std::string_view> all_words;         // the document's tokens
    std::vector<std::span<const std::string_view>> sentence_words;
    geo::ResolverScratch places;
    std::array<double, kStageCount> profile_ns{};  // summed per stage
  };

  static Result<std::unique_ptr<Pipeline>> Load(const PipelineOptions& options);

  Document Process(RawDoc&& raw, const ingest::IngestOptions& options,
                   Scratch& scratch) const;

  // Tags an already tokenized document in place (POS + NER).
  void Tag(Document& doc, Scratch& scratch) const;
  // Finds and resolves the places of a tagged document (no-op without the
  // gazetteer). Run once per document: it adds to doc.entities/doc.places.
  void ResolvePlaces(Document& doc, Scratch& scratch) const;

  const tag::PosTagger* pos() const { return pos_.get(); }
  const tag::NerTagger* ner() const { return ner_.get(); }
  const geo::Gazetteer* gazetteer() const { return gazetteer_.get(); }
  // Why places are not resolved (the gazetteer failed to load), or "".
  const std::string& places_warning() const { return places_warning_; }

 private:
  std::unique_ptr<tag::PosTagger> pos_;
  std::unique_ptr<tag::NerTagger> ner_;
  std::unique_ptr<geo::Gazetteer> gazetteer_;
  std::unique_ptr<geo::PlaceResolver> resolver_;
  std::string places_warning_;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_PIPELINE_H_
