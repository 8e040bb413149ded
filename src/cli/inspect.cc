#include "cli/inspect.h"

#include <cstdio>
#include <utility>

namespace sitrep::cli {

int RunInspection(const char* name, const CommonOptions& common,
                  const PipelineOptions& options, const DocWriter& write) {
  auto pipeline = Pipeline::Load(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "sitrep %s: %s\n", name,
                 pipeline.status().message().c_str());
    return 2;
  }
  const Pipeline& p = **pipeline;
  DocWork work = [&p, &write](RawDoc&& raw, const ingest::IngestOptions& o,
                              std::string* out) {
    thread_local Pipeline::Scratch scratch;
    Document doc = p.Process(std::move(raw), o, scratch);
    write(doc, out);
    return doc.status;
  };
  RunStats stats;
  return RunDocuments(common, work, &stats);
}

}  // namespace sitrep::cli
