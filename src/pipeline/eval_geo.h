// `sitrep eval geo`: scores place recognition and resolution on a geoparsing
// gold set in the JSONL format of ../shared/data/geoeval
// ({"id","text","toponyms":[{"start","end","surface","lat","lon",
// "geonameid"}]}, byte offsets).
//
// Each text runs through text → POS → NER → places exactly as in
// `sitrep code` (no title or furniture detection: the gold offsets are into
// the text as given); predicted toponyms are place mentions plus resolved
// nationality adjectives ("Turkish" → Turkey, as the gold sets annotate
// them), mapped back to byte offsets of the input text.
//
// Metrics: recognition P/R/F1 with one-to-one span-overlap matching; over
// gold toponyms with coordinates, Acc@161km end to end (unrecognized count
// as wrong) and among recognized ones — a prediction with the gold GeoNames
// id counts as 0 km, since the gold point is GeoNames' point for that id and
// our sources place some entities elsewhere (world-countries puts Canada at
// 60,-95, GeoNames at 60.1,-113.6; admin1 points are estimated); the figure
// by our points alone is reported too — the share in the right country, and
// the median error in km among recognized ones (an unresolved prediction
// counts as 20,038 km, half the Earth's circumference). The gold country is
// the country of the gold GeoNames id when the gazetteer has it, else of the
// nearest gazetteer place to the gold point.
#ifndef SITREP_PIPELINE_EVAL_GEO_H_
#define SITREP_PIPELINE_EVAL_GEO_H_

#include <cstddef>
#include <string>

#include "core/status.h"
#include "pipeline/pipeline.h"

namespace sitrep {

struct GeoEvalReport {
  size_t documents = 0;
  size_t gold = 0;  // gold toponyms
  size_t predicted = 0;
  size_t matched = 0;  // overlap pairs
  double precision = 0, recall = 0, f1 = 0;
  size_t gold_with_point = 0;
  size_t recognized_with_point = 0;
  double acc161 = 0;              // end to end, % of gold_with_point
  double acc161_recognized = 0;   // % of recognized_with_point
  double country_recognized = 0;  // % of recognized_with_point
  // Acc@161km among recognized by our points alone (no id shortcut), and
  // the share with exactly the gold GeoNames id.
  double acc161_recognized_by_point = 0;
  double exact_recognized = 0;
  double median_km = 0;
  double seconds = 0;
  size_t text_bytes = 0;
};

// Runs the evaluation; writes one prediction line per document to
// `predictions` unless empty. Fails on an unreadable or malformed file.
Result<GeoEvalReport> EvalGeo(const Pipeline& pipeline, const std::string& path,
                              const std::string& predictions);

}  // namespace sitrep

#endif  // SITREP_PIPELINE_EVAL_GEO_H_
