// sitrep code: documents in, one sitrep.doc/1 record per document out.
#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "cli/runner.h"
#include "core/record.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

namespace {

struct CodeOptions {
  CommonOptions common;
  std::string models_dir;
  bool profile = false;
};

}  // namespace

void AddCodeCommand(CLI::App& app, int* exit_code) {
  auto* opts = new CodeOptions();  // lives for the whole process
  CLI::App* sub = app.add_subcommand(
      "code",
      "code documents into event records (JSONL, one line per document)");
  AddCommonOptions(sub, &opts->common);
  sub->add_option("--models", opts->models_dir,
                  "models directory (default: $SITREP_MODELS or models/ beside "
                  "the binary)");
  sub->add_flag("--profile", opts->profile, "print per-stage time to stderr");
  sub->callback([opts, exit_code] {
    PipelineOptions popts;
    popts.models_dir = opts->models_dir;
    auto pipeline = Pipeline::Load(popts);
    if (!pipeline.ok()) {
      std::fprintf(stderr, "sitrep code: %s\n",
                   pipeline.status().message().c_str());
      *exit_code = 2;
      return;
    }
    const Pipeline& p = **pipeline;
    if (!p.places_warning().empty())
      std::fprintf(stderr, "sitrep code: %s\n", p.places_warning().c_str());
    std::array<std::atomic<uint64_t>, kStageCount> stage_ns{};
    std::atomic<uint64_t> output_ns{0};
    DocWork work = [&](RawDoc&& raw, const ingest::IngestOptions& o,
                       std::string* out) {
      thread_local Pipeline::Scratch scratch;
      auto t0 = std::chrono::steady_clock::now();
      Document doc = p.Process(std::move(raw), o, scratch);
      auto t1 = std::chrono::steady_clock::now();
      double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
      AppendDocRecord(doc, ms, out);
      output_ns +=
          static_cast<uint64_t>(std::chrono::duration<double, std::nano>(
                                    std::chrono::steady_clock::now() - t1)
                                    .count());
      for (int s = 0; s < kStageCount; ++s) {
        stage_ns[static_cast<size_t>(s)] +=
            static_cast<uint64_t>(scratch.profile_ns[static_cast<size_t>(s)]);
        scratch.profile_ns[static_cast<size_t>(s)] = 0;
      }
      return doc.status;
    };
    RunStats stats;
    *exit_code = RunDocuments(opts->common, work, &stats);
    if (opts->profile) {
      std::fprintf(stderr, "%-8s %10s %8s\n", "stage", "ms", "MB/s");
      auto row = [&](const char* name, double ns) {
        std::fprintf(stderr, "%-8s %10.1f %8.1f\n", name, ns / 1e6,
                     ns > 0 ? stats.input_bytes / 1e6 / (ns / 1e9) : 0.0);
      };
      for (int s = 0; s < kStageCount; ++s) {
        row(kStageNames[s],
            static_cast<double>(stage_ns[static_cast<size_t>(s)].load()));
      }
      row("output", static_cast<double>(output_ns.load()));
      std::fprintf(
          stderr, "%-8s %10.1f %8.1f  (wall, %zu documents)\n", "total",
          stats.seconds * 1e3,
          stats.seconds > 0 ? stats.input_bytes / 1e6 / stats.seconds : 0.0,
          stats.docs);
    }
  });
}

}  // namespace sitrep::cli
