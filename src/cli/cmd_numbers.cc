// sitrep numbers: the number expressions and casualty frames of documents,
// one JSON line per document, for inspection.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>

#include "cli/commands.h"
#include "cli/inspect.h"
#include "cli/runner.h"
#include "core/json_writer.h"
#include "numbers/numbers.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

namespace {

void WriteNumber(double v, JsonWriter& w) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) {
    w.Int(static_cast<int64_t>(v));
  } else {
    w.Double(v, 3);
  }
}

void WriteOptInt(const std::optional<int64_t>& v, JsonWriter& w) {
  if (v) {
    w.Int(*v);
  } else {
    w.Null();
  }
}

void WriteCount(const numbers::Count& c, JsonWriter& w) {
  w.Key("best").Int(c.best);
  w.Key("min");
  WriteOptInt(c.min, w);
  w.Key("max");
  WriteOptInt(c.max, w);
  w.Key("qualifier").String(numbers::QualifierName(c.qualifier));
  w.Key("text").String(c.text);
  w.Key("start").Uint(c.begin);
  w.Key("end").Uint(c.end);
}

void WriteDoc(const Document& doc, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("doc_id").String(doc.id);
  w.Key("status").String(DocStatusName(doc.status));
  if (doc.status == DocStatus::kRejected) w.Key("error").String(doc.error);
  const std::string_view text = doc.text;
  w.Key("numbers").BeginArray();
  for (const numbers::NumberExpr& n : numbers::FindNumbers(doc)) {
    w.BeginObject();
    w.Key("text").String(text.substr(n.begin, n.end - n.begin));
    w.Key("start").Uint(n.begin);
    w.Key("end").Uint(n.end);
    w.Key("use").String(numbers::NumberUseName(n.use));
    w.Key("value");
    if (n.has_value) {
      WriteNumber(n.value, w);
    } else {
      w.Null();
    }
    if (n.high) {
      w.Key("high");
      WriteNumber(*n.high, w);
    }
    if (n.use == numbers::NumberUse::kCount) {
      w.Key("qualifier")
          .String(numbers::QualifierName(n.high ? numbers::Qualifier::kRange
                                                : n.qualifier));
    }
    if (n.vague) w.Key("vague").Bool(true);
    w.EndObject();
  }
  w.EndArray();
  w.Key("casualties").BeginArray();
  for (const numbers::Casualty& c : numbers::FindCasualties(doc)) {
    w.BeginObject();
    w.Key("kind").String(numbers::CasualtyKindName(c.kind));
    WriteCount(c.count, w);
    w.Key("victim").BeginObject();
    if (c.victim.empty()) {
      w.Key("text").Null();
    } else {
      w.Key("text").String(c.victim);
      w.Key("start").Uint(c.victim_begin);
      w.Key("end").Uint(c.victim_end);
    }
    w.Key("type").String(c.victim_type);
    w.Key("group");
    if (c.group.empty()) {
      w.Null();
    } else {
      w.String(c.group);
    }
    w.EndObject();
    w.Key("trigger").BeginObject();
    w.Key("text").String(c.trigger);
    w.Key("start").Uint(c.trigger_begin);
    w.Key("end").Uint(c.trigger_end);
    w.EndObject();
    if (!c.including.empty()) {
      w.Key("including").BeginArray();
      for (const numbers::Count& part : c.including) {
        w.BeginObject();
        WriteCount(part, w);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

struct NumbersOptions {
  CommonOptions common;
  std::string models_dir;
  bool no_tag = false;
};

}  // namespace

void AddNumbersCommand(CLI::App& app, int* exit_code) {
  auto* opts = new NumbersOptions();  // lives for the whole process
  CLI::App* sub =
      app.add_subcommand("numbers",
                         "show number expressions and casualty counts found in "
                         "documents (one JSON line each)");
  AddCommonOptions(sub, &opts->common);
  sub->add_option("--models", opts->models_dir,
                  "models directory (default: $SITREP_MODELS or models/ beside "
                  "the binary)");
  sub->add_flag("--no-tag", opts->no_tag,
                "skip POS and NER (no models needed; victims' groups from "
                "capitals only)");
  sub->callback([opts, exit_code] {
    PipelineOptions popts;
    popts.models_dir = opts->models_dir;
    popts.tag = !opts->no_tag;
    popts.places = false;  // the numbers stage does not need the gazetteer
    *exit_code = RunInspection("numbers", opts->common, popts, WriteDoc);
  });
}

}  // namespace sitrep::cli
