// The document loop shared by `code`, `extract` and `tokenize`: read inputs in
// order, process batches of documents on N threads, write each document's
// output in input order, report progress, and compute the exit code.
#ifndef SITREP_CLI_RUNNER_H_
#define SITREP_CLI_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "ingest/ingest.h"

namespace CLI {
class App;
}

namespace sitrep::cli {

struct CommonOptions {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string published;  // --published YYYY-MM-DD
  size_t max_doc_bytes = size_t{8} << 20;
  int jobs = 0;  // 0 = all cores
  bool progress = false;
  std::string output = "-";
};

// Registers inputs (positional), --input-format, --published,
// --max-doc-bytes, --jobs, --progress and -o/--output on `sub`.
void AddCommonOptions(CLI::App* sub, CommonOptions* options);

// Per-document work: appends the document's output to *out and returns its
// status. Called concurrently from several threads.
using DocWork = std::function<DocStatus(RawDoc&& raw,
                                        const ingest::IngestOptions& options,
                                        std::string* out)>;

struct RunStats {
  size_t docs = 0;
  size_t rejected = 0;
  size_t empty = 0;
  size_t input_bytes = 0;  // bytes of document content processed
  double seconds = 0;
  bool interrupted = false;
};

// Runs `work` over every input document. Returns the process exit code:
// 0 all ok, 1 some documents rejected (or interrupted), 2 usage/setup error.
// When `write_output` is false the per-document output is discarded.
int RunDocuments(const CommonOptions& options, const DocWork& work,
                 RunStats* stats, bool write_output = true);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_RUNNER_H_
