// sitrep actors: the actor mentions of documents (country, sector, CAMEO
// code), one JSON line per document, for inspection.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "actors/actors.h"
#include "cli/commands.h"
#include "cli/runner.h"
#include "core/json_writer.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

namespace {

void OptString(const std::string& s, JsonWriter& w) {
  if (s.empty()) {
    w.Null();
  } else {
    w.String(s);
  }
}

void WriteDoc(const Document& doc, const actors::Actors& dict,
              std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("doc_id").String(doc.id);
  w.Key("status").String(DocStatusName(doc.status));
  if (doc.status == DocStatus::kRejected) w.Key("error").String(doc.error);
  w.Key("published");
  OptString(doc.published.value_or(""), w);
  w.Key("actors").BeginArray();
  for (const actors::ActorMention& m :
       actors::FindActors(doc, dict, doc.published.value_or(""))) {
    w.BeginObject();
    w.Key("text").String(m.text);
    w.Key("start").Uint(m.begin);
    w.Key("end").Uint(m.end);
    w.Key("name");
    OptString(m.name, w);
    w.Key("country");
    OptString(m.country, w);
    w.Key("sector");
    OptString(actors::kSectorNames[m.sector], w);
    w.Key("cameo");
    OptString(m.cameo, w);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

struct ActorsOptions {
  CommonOptions common;
  std::string models_dir;
  bool no_tag = false;
};

}  // namespace

void AddActorsCommand(CLI::App& app, int* exit_code) {
  auto* opts = new ActorsOptions();  // lives for the whole process
  CLI::App* sub = app.add_subcommand(
      "actors",
      "show the actors found in documents with country, sector and CAMEO "
      "code (one JSON line each)");
  AddCommonOptions(sub, &opts->common);
  sub->add_option("--models", opts->models_dir,
                  "models directory (default: $SITREP_MODELS or models/ beside "
                  "the binary)");
  sub->add_flag("--no-tag", opts->no_tag,
                "skip POS, NER and places (no place countries for 'police in "
                "Lagos')");
  sub->callback([opts, exit_code] {
    PipelineOptions popts;
    popts.models_dir = opts->models_dir;
    popts.tag = !opts->no_tag;
    popts.places = !opts->no_tag;
    auto pipeline = Pipeline::Load(popts);
    if (!pipeline.ok()) {
      std::fprintf(stderr, "sitrep actors: %s\n",
                   pipeline.status().message().c_str());
      *exit_code = 2;
      return;
    }
    const Pipeline& p = **pipeline;
    if (!p.places_warning().empty()) {
      std::fprintf(stderr, "sitrep actors: %s\n", p.places_warning().c_str());
    }
    const std::string models =
        popts.models_dir.empty() ? DefaultModelsDir() : popts.models_dir;
    auto dict = actors::Actors::Load(models + "/actors.bin");
    if (!dict.ok()) {
      std::fprintf(stderr, "sitrep actors: %s\n",
                   dict.status().message().c_str());
      *exit_code = 2;
      return;
    }
    const actors::Actors& d = **dict;
    DocWork work = [&p, &d](RawDoc&& raw, const ingest::IngestOptions& o,
                            std::string* out) {
      thread_local Pipeline::Scratch scratch;
      Document doc = p.Process(std::move(raw), o, scratch);
      WriteDoc(doc, d, out);
      return doc.status;
    };
    RunStats stats;
    *exit_code = RunDocuments(opts->common, work, &stats);
  });
}

}  // namespace sitrep::cli
