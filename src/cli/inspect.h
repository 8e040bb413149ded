// Per-document inspection commands (`sitrep numbers`, `sitrep claims`): load
// the pipeline, run it on every input document through the shared runner and
// write one JSON line per document with a command-specific writer.
#ifndef SITREP_CLI_INSPECT_H_
#define SITREP_CLI_INSPECT_H_

#include <functional>
#include <string>

#include "cli/runner.h"
#include "core/document.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

using DocWriter = std::function<void(const Document& doc, std::string* out)>;

// Returns the exit code: 2 when the pipeline cannot be loaded (the message,
// prefixed with "sitrep <name>: ", goes to stderr), else RunDocuments'.
int RunInspection(const char* name, const CommonOptions& common,
                  const PipelineOptions& options, const DocWriter& write);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_INSPECT_H_
