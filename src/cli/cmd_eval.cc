// sitrep eval <what> ...: accuracy on gold data, one JSON line of figures.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "ingest/html.h"

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
}

}  // namespace sitrep::cli
