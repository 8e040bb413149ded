// sitrep claims: the claim frames of documents (who says so, what it
// covers, how sure), one JSON line per document, for inspection.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "claims/claims.h"
#include "cli/commands.h"
#include "cli/inspect.h"
#include "cli/runner.h"
#include "core/json_writer.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

namespace {

void WriteDoc(const Document& doc, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("doc_id").String(doc.id);
  w.Key("status").String(DocStatusName(doc.status));
  if (doc.status == DocStatus::kRejected) w.Key("error").String(doc.error);
  w.Key("claims").BeginArray();
  for (const claims::Claim& c : claims::FindClaims(doc)) {
    w.BeginObject();
    w.Key("source").BeginObject();
    if (c.source.empty()) {
      w.Key("text").Null();
      w.Key("name").Null();
    } else {
      w.Key("text").String(c.source);
      w.Key("start").Uint(c.source_begin);
      w.Key("end").Uint(c.source_end);
      w.Key("name").OptString(c.source_name);
    }
    w.Key("entity");
    if (c.source_entity >= 0) {
      w.Int(c.source_entity);
    } else {
      w.Null();
    }
    w.EndObject();
    w.Key("verb");
    if (c.verb.empty()) {
      w.Null();
    } else {
      w.BeginObject();
      w.Key("text").String(c.verb);
      w.Key("start").Uint(c.verb_begin);
      w.Key("end").Uint(c.verb_end);
      w.EndObject();
    }
    w.Key("certainty").String(claims::CertaintyName(c.certainty));
    w.Key("cue");
    if (c.cue.empty()) {
      w.Null();
    } else {
      w.BeginObject();
      w.Key("text").String(c.cue);
      w.Key("start").Uint(c.cue_begin);
      w.Key("end").Uint(c.cue_end);
      w.EndObject();
    }
    w.Key("covers").BeginObject();
    w.Key("start").Uint(c.begin);
    w.Key("end").Uint(c.end);
    w.Key("sentences").Uint(c.last_sentence - c.first_sentence);
    w.Key("text").String(c.text);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

struct ClaimsOptions {
  CommonOptions common;
  std::string models_dir;
  bool no_tag = false;
};

}  // namespace

void AddClaimsCommand(CLI::App& app, int* exit_code) {
  auto* opts = new ClaimsOptions();  // lives for the whole process
  CLI::App* sub = app.add_subcommand(
      "claims",
      "show claim frames (source, reporting verb, certainty, covered text) "
      "found in documents (one JSON line each)");
  AddCommonOptions(sub, &opts->common);
  sub->add_option("--models", opts->models_dir,
                  "models directory (default: $SITREP_MODELS or models/ beside "
                  "the binary)");
  sub->add_flag("--no-tag", opts->no_tag,
                "skip POS and NER (no models needed; sources are not linked "
                "to entities)");
  sub->callback([opts, exit_code] {
    PipelineOptions popts;
    popts.models_dir = opts->models_dir;
    popts.tag = !opts->no_tag;
    popts.places = false;  // the claims stage does not need the gazetteer
    *exit_code = RunInspection("claims", opts->common, popts, WriteDoc);
  });
}

}  // namespace sitrep::cli
