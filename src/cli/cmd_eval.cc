// sitrep eval <what> ...: accuracy on gold data, one JSON line of figures.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "ingest/html.h"
#include "pipeline/eval_geo.h"
#include "pipeline/pipeline.h"
#include "tag/ner.h"
#include "tag/pos.h"
#include "time/eval_time.h"

namespace sitrep::cli {

namespace {

int EvalHtml(const std::string& dir, bool per_page) {
  auto report = ingest::EvalHtmlExtraction(dir);
  if (!report.ok()) {
    std::fprintf(stderr, "sitrep eval html: %s\n",
                 report.status().message().c_str());
    return 2;
  }
  std::string out;
  if (per_page) {
    for (const auto& p : report->per_page) {
      JsonWriter w(&out);
      w.BeginObject();
      w.Key("page").String(p.id);
      w.Key("precision").Double(p.precision, 4);
      w.Key("recall").Double(p.recall, 4);
      w.Key("f1").Double(p.f1, 4);
      w.EndObject();
      out.push_back('\n');
    }
  }
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("eval").String("html");
  w.Key("pages").Int(report->pages);
  w.Key("precision").Double(report->precision, 4);
  w.Key("recall").Double(report->recall, 4);
  w.Key("f1").Double(report->f1, 4);
  w.EndObject();
  out.push_back('\n');
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

std::string ModelPath(const std::string& models_dir, const char* file) {
  return (models_dir.empty() ? DefaultModelsDir() : models_dir) + "/" + file;
}

int EvalPos(const std::string& path, const std::string& predictions,
            const std::string& models_dir) {
  auto tagger = tag::PosTagger::Load(ModelPath(models_dir, "pos.bin"));
  if (!tagger.ok()) {
    std::fprintf(stderr, "sitrep eval pos: %s\n", tagger.status().message().c_str());
    return 2;
  }
  auto report = tag::EvalPos(**tagger, path, predictions);
  if (!report.ok()) {
    std::fprintf(stderr, "sitrep eval pos: %s\n", report.status().message().c_str());
    return 2;
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("eval").String("pos");
  w.Key("tokens").Uint(report->tokens);
  w.Key("upos").Double(report->upos * 100, 2);
  w.Key("xpos").Double(report->xpos * 100, 2);
  w.Key("seconds").Double(report->seconds, 4);
  w.Key("tokens_per_s").Double(report->seconds > 0 ? report->tokens / report->seconds : 0, 0);
  w.EndObject();
  std::printf("%s\n", out.c_str());
  return 0;
}

int EvalNer(const std::string& path, const std::string& predictions,
            const std::string& models_dir) {
  auto tagger = tag::NerTagger::Load(ModelPath(models_dir, "ner.bin"));
  if (!tagger.ok()) {
    std::fprintf(stderr, "sitrep eval ner: %s\n", tagger.status().message().c_str());
    return 2;
  }
  auto report = tag::EvalNer(**tagger, path, predictions);
  if (!report.ok()) {
    std::fprintf(stderr, "sitrep eval ner: %s\n", report.status().message().c_str());
    return 2;
  }
  std::fprintf(stderr, "%-6s %8s %8s %8s\n", "type", "P", "R", "F1");
  for (const auto& [type, p, r, f] : report->per_type) {
    std::fprintf(stderr, "%-6s %8.2f %8.2f %8.2f\n", type.c_str(), p, r, f);
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("eval").String("ner");
  w.Key("tokens").Uint(report->tokens);
  w.Key("sentences").Uint(report->sentences);
  w.Key("precision").Double(report->precision, 2);
  w.Key("recall").Double(report->recall, 2);
  w.Key("f1").Double(report->f1, 2);
  w.Key("per_type").BeginObject();
  for (const auto& [type, p, r, f] : report->per_type) {
    w.Key(type).BeginObject();
    w.Key("precision").Double(p, 2).Key("recall").Double(r, 2).Key("f1").Double(f, 2);
    w.EndObject();
  }
  w.EndObject();
  w.Key("seconds").Double(report->seconds, 4);
  w.Key("tokens_per_s").Double(report->seconds > 0 ? report->tokens / report->seconds : 0, 0);
  w.EndObject();
  std::printf("%s\n", out.c_str());
  return 0;
}

int EvalGeoCommand(const std::string& path, const std::string& predictions,
                   const std::string& models_dir) {
  PipelineOptions options;
  options.models_dir = models_dir;
  auto pipeline = Pipeline::Load(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "sitrep eval geo: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  auto report = EvalGeo(**pipeline, path, predictions);
  if (!report.ok()) {
    std::fprintf(stderr, "sitrep eval geo: %s\n", report.status().message().c_str());
    return 2;
  }
  const GeoEvalReport& r = *report;
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("eval").String("geo");
  w.Key("documents").Uint(r.documents);
  w.Key("gold").Uint(r.gold);
  w.Key("predicted").Uint(r.predicted);
  w.Key("precision").Double(r.precision, 2);
  w.Key("recall").Double(r.recall, 2);
  w.Key("f1").Double(r.f1, 2);
  w.Key("gold_with_coordinates").Uint(r.gold_with_point);
  w.Key("recognized_with_coordinates").Uint(r.recognized_with_point);
  w.Key("acc161").Double(r.acc161, 2);
  w.Key("acc161_recognized").Double(r.acc161_recognized, 2);
  w.Key("country_recognized").Double(r.country_recognized, 2);
  w.Key("exact_recognized").Double(r.exact_recognized, 2);
  w.Key("acc161_recognized_by_point").Double(r.acc161_recognized_by_point, 2);
  w.Key("median_km").Double(r.median_km, 1);
  w.Key("seconds").Double(r.seconds, 3);
  w.Key("mb_per_s").Double(r.seconds > 0 ? r.text_bytes / r.seconds / 1e6 : 0, 2);
  w.EndObject();
  std::printf("%s\n", out.c_str());
  return 0;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* sub = app.add_subcommand("eval", "score sitrep on gold data");
  sub->require_subcommand(1);

  auto* dir = new std::string();
  auto* per_page = new bool(false);
  CLI::App* html = sub->add_subcommand(
      "html",
      "article-body extraction: mean bag-of-words F1 against gold bodies "
      "(DIR holds ground-truth.json and html/<id>.html.gz)");
  html->add_option("dir", *dir, "benchmark directory")->required();
  html->add_flag("--per-page", *per_page, "also print one line per page");
  html->callback([dir, per_page, exit_code] {
    *exit_code = EvalHtml(*dir, *per_page);
  });

  struct TagEvalArgs {
    std::string path, predictions, models_dir;
  };
  auto* pos_args = new TagEvalArgs();
  CLI::App* pos = sub->add_subcommand(
      "pos", "POS accuracy on a CoNLL-U file (gold tokenization); writes predictions");
  pos->add_option("file", pos_args->path, "CoNLL-U file")->required();
  pos->add_option("--predictions", pos_args->predictions,
                  "write the file again with predicted UPOS/XPOS");
  pos->add_option("--models", pos_args->models_dir, "models directory");
  pos->callback([pos_args, exit_code] {
    *exit_code = EvalPos(pos_args->path, pos_args->predictions, pos_args->models_dir);
  });

  auto* ner_args = new TagEvalArgs();
  CLI::App* ner = sub->add_subcommand(
      "ner", "entity-level P/R/F1 (conlleval rules) on a CoNLL-style file");
  ner->add_option("file", ner_args->path, "token ... gold-tag columns")->required();
  ner->add_option("--predictions", ner_args->predictions,
                  "write `token gold predicted` lines");
  ner->add_option("--models", ner_args->models_dir, "models directory");
  ner->callback([ner_args, exit_code] {
    *exit_code = EvalNer(ner_args->path, ner_args->predictions, ner_args->models_dir);
  });

  auto* geo_args = new TagEvalArgs();
  CLI::App* geo = sub->add_subcommand(
      "geo",
      "place recognition (span overlap P/R/F1) and resolution (Acc@161km, country, "
      "median km) on a geoparsing JSONL file");
  geo->add_option("file", geo_args->path, "JSONL: {id, text, toponyms:[{start,end,lat,lon,...}]}")
      ->required();
  geo->add_option("--predictions", geo_args->predictions,
                  "write {id, toponyms:[{start,end,surface,lat,lon,geonameid,country}]} lines");
  geo->add_option("--models", geo_args->models_dir, "models directory");
  geo->callback([geo_args, exit_code] {
    *exit_code = EvalGeoCommand(geo_args->path, geo_args->predictions, geo_args->models_dir);
  });

  // sitrep eval time PATH --predictions OUTDIR: TempEval-3 style scores.
  struct TimeEvalArgs {
    std::string path, predictions, models_dir;
    bool errors = false, no_tagger = false;
  };
  auto* time_args = new TimeEvalArgs();
  CLI::App* time_cmd = sub->add_subcommand(
      "time",
      "time expressions on TimeML (file or directory): strict/relaxed extent P/R/F1, value "
      "and type F1 (TempEval-3); writes the files again with sitrep's TIMEX3 tags");
  time_cmd->add_option("path", time_args->path, "TimeML file or directory of *.tml")->required();
  time_cmd->add_option("--predictions", time_args->predictions,
                       "directory for the predicted TimeML files (same names)");
  time_cmd->add_option("--models", time_args->models_dir, "models directory (POS tagger)");
  time_cmd->add_flag("--errors", time_args->errors, "print every disagreement to stderr");
  time_cmd->add_flag("--no-tagger", time_args->no_tagger, "tense cues from words only");
  time_cmd->callback([time_args, exit_code] {
    std::unique_ptr<tag::PosTagger> tagger;
    if (!time_args->no_tagger) {
      auto loaded = tag::PosTagger::Load(ModelPath(time_args->models_dir, "pos.bin"));
      if (loaded.ok()) {
        tagger = std::move(*loaded);
      } else {  // tense cues from words only
        std::fprintf(stderr, "sitrep eval time: no POS tags: %s\n",
                     loaded.status().message().c_str());
      }
    }
    auto report = time::EvalTime(time_args->path, time_args->predictions, tagger.get(),
                                 time_args->errors);
    if (!report.ok()) {
      std::fprintf(stderr, "sitrep eval time: %s\n", report.status().message().c_str());
      *exit_code = 2;
      return;
    }
    const time::TimeEvalReport& r = *report;
    for (const std::string& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("eval").String("time");
    w.Key("documents").Uint(r.documents);
    w.Key("gold").Uint(r.gold);
    w.Key("predicted").Uint(r.predicted);
    w.Key("strict").BeginObject();
    w.Key("precision").Double(r.strict_precision, 2).Key("recall").Double(r.strict_recall, 2);
    w.Key("f1").Double(r.strict_f1, 2);
    w.EndObject();
    w.Key("relaxed").BeginObject();
    w.Key("precision").Double(r.relaxed_precision, 2).Key("recall").Double(r.relaxed_recall, 2);
    w.Key("f1").Double(r.relaxed_f1, 2);
    w.EndObject();
    w.Key("value_f1").Double(r.value_f1, 2);
    w.Key("type_f1").Double(r.type_f1, 2);
    w.Key("value_accuracy").Double(r.value_accuracy, 2);
    w.Key("type_accuracy").Double(r.type_accuracy, 2);
    w.Key("seconds").Double(r.seconds, 3);
    w.EndObject();
    std::printf("%s\n", out.c_str());
    *exit_code = 0;
  });
}

}  // namespace sitrep::cli
