// Evaluation of the time-expression stage on TimeML (TempEval-3 style).
//
// `sitrep eval time PATH --predictions OUTDIR` reads TimeML files (PATH is
// one file or a directory, searched recursively for *.tml in sorted
// order). Per file: the document creation time is the value of the
// <TIMEX3> inside <DCT>; the text is what lies inside <TEXT>, with every
// tag in it (<EVENT>, <TIMEX3>, <SIGNAL>, ...) removed and the gold TIMEX3
// extents remembered as character ranges of that text. FindTimexes runs on
// the text (POS-tagged when a tagger is given) and is scored against the
// gold extents:
//   * strict extent match: same begin and end; relaxed: any overlap (each
//     gold and each predicted expression is matched at most once, in text
//     order);
//   * precision = matched / predicted, recall = matched / gold, F1;
//   * value F1 and type F1 as in TempEval-3: attribute precision = correct
//     attribute among relaxed matches / predicted, recall = ... / gold, F1
//     of the two (= relaxed F1 x attribute accuracy).
// With a predictions directory, each input is written there under its own
// file name: everything up to <TEXT> as it was (DCT kept), the same
// characters of the text with sitrep's <TIMEX3 tid type value> tags
// inserted, then </TEXT> and </TimeML>.
//
// Thread-safety: plain functions; the tagger is used read-only.
#ifndef SITREP_TIME_EVAL_TIME_H_
#define SITREP_TIME_EVAL_TIME_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sitrep::tag {
class PosTagger;
}

namespace sitrep::time {

struct GoldTimex {
  size_t begin = 0, end = 0;  // bytes of TimeMLDoc::text
  std::string type, value;
};

// One parsed TimeML file.
struct TimeMLDoc {
  std::string head;  // the file up to and including "<TEXT>"
  std::string dct;   // DCT value as written, "" when absent
  std::string text;  // the <TEXT> content without tags
  std::vector<GoldTimex> gold;
};

// Parses a TimeML file's bytes. Fails (kInvalidArgument) when there is no
// <TEXT>...</TEXT> or a tag inside it is not closed.
Result<TimeMLDoc> ParseTimeML(std::string_view xml);

// A predicted expression on a TimeMLDoc's text.
struct PredictedTimex {
  size_t begin = 0, end = 0;
  std::string type, value;
};

// Runs FindTimexes on doc.text with doc.dct (tagger may be null).
std::vector<PredictedTimex> PredictTimexes(const TimeMLDoc& doc,
                                           const tag::PosTagger* tagger);

// The TimeML file for doc with `predicted` inserted (tids t1, t2, ...).
std::string WriteTimeML(const TimeMLDoc& doc,
                        const std::vector<PredictedTimex>& predicted);

struct TimeEvalReport {
  size_t documents = 0, gold = 0, predicted = 0;
  size_t strict_matched = 0, relaxed_matched = 0, value_correct = 0,
         type_correct = 0;
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;  // percent
  double relaxed_precision = 0, relaxed_recall = 0, relaxed_f1 = 0;
  double value_f1 = 0, type_f1 = 0;
  double value_accuracy = 0, type_accuracy = 0;  // over relaxed matches
  double seconds = 0;
  // One line per disagreement ("file\tmissed|spurious|value|type\t..."),
  // filled only when EvalTime is asked for it.
  std::vector<std::string> errors;
};

// Adds one document's counts (and errors when `errors` is not null).
void ScoreTimexes(const TimeMLDoc& doc,
                  const std::vector<PredictedTimex>& predicted,
                  std::string_view name, TimeEvalReport* report, bool errors);

// Computes the percentages from the counts.
void FinishReport(TimeEvalReport* report);

// Scores every TimeML file under `path`; writes predictions to
// `predictions_dir` when it is not empty (created if needed).
Result<TimeEvalReport> EvalTime(const std::string& path,
                                const std::string& predictions_dir,
                                const tag::PosTagger* tagger,
                                bool errors = false);

}  // namespace sitrep::time

#endif  // SITREP_TIME_EVAL_TIME_H_
