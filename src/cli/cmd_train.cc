// sitrep train pos|ner: rebuild the tagging models from ../shared/data.
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "tag/ner.h"
#include "tag/pos.h"

namespace sitrep::cli {

namespace {

int Report(const Status& st, const std::string& report, double seconds,
           const char* what) {
  if (!report.empty()) std::fprintf(stderr, "%s", report.c_str());
  if (!st.ok()) {
    std::fprintf(stderr, "sitrep train %s: %s\n", what, st.message().c_str());
    return 2;
  }
  std::fprintf(stderr, "sitrep train %s: done in %.1f s\n", what, seconds);
  return 0;
}

}  // namespace

void AddTrainCommand(CLI::App& app, int* exit_code) {
  CLI::App* sub = app.add_subcommand(
      "train", "train a tagging model from ../shared/data into models/");
  sub->require_subcommand(1);

  auto* pos = new tag::PosTrainOptions();
  CLI::App* p = sub->add_subcommand("pos", "POS tagger from UD English-EWT");
  p->add_option("--train", pos->train_path, "CoNLL-U training file")->capture_default_str();
  p->add_option("--dev", pos->dev_path, "CoNLL-U dev file (reported only)")->capture_default_str();
  p->add_option("--epochs", pos->epochs, "training epochs")->capture_default_str();
  p->add_option("-o,--output", pos->out_path, "model file")->capture_default_str();
  p->callback([pos, exit_code] {
    auto t0 = std::chrono::steady_clock::now();
    std::string report;
    Status st = tag::TrainPos(*pos, &report);
    *exit_code = Report(st, report,
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                        "pos");
  });

  auto* ner = new tag::NerTrainOptions();
  CLI::App* n = sub->add_subcommand("ner", "named-entity recognizer from ../shared/data/ner");
  n->add_option("--data", ner->data_dir, "the shared data directory")->capture_default_str();
  n->add_option("--epochs", ner->epochs, "training epochs")->capture_default_str();
  n->add_option("-o,--output", ner->out_path, "model file")->capture_default_str();
  n->callback([ner, exit_code] {
    auto t0 = std::chrono::steady_clock::now();
    std::string report;
    Status st = tag::TrainNer(*ner, &report);
    *exit_code = Report(st, report,
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                        "ner");
  });
}

}  // namespace sitrep::cli
