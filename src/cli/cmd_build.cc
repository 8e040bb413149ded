// sitrep build gazetteer: compile models/gazetteer.bin from ../shared/data/geo
// and the sourced tables in data/geo/.
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "actors/actors.h"
#include "geo/gazetteer_build.h"

namespace sitrep::cli {

void AddBuildCommand(CLI::App& app, int* exit_code) {
  CLI::App* sub = app.add_subcommand("build", "build a lookup artifact (gazetteer, actors) into models/");
  sub->require_subcommand(1);

  auto* gaz = new geo::GazetteerBuildOptions();
  CLI::App* g = sub->add_subcommand(
      "gazetteer", "places from GeoNames, world-countries, OurAirports and data/geo/*.tsv");
  g->add_option("--geo-dir", gaz->geo_dir, "shared geo data directory")->capture_default_str();
  g->add_option("--tables", gaz->tables_dir, "the repository's sourced tables")->capture_default_str();
  g->add_option("-o,--output", gaz->output, "artifact file")->capture_default_str();
  g->callback([gaz, exit_code] {
    const auto t0 = std::chrono::steady_clock::now();
    std::string report;
    const Status st = geo::BuildGazetteer(*gaz, &report);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "%s", report.c_str());
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep build gazetteer: %s\n", st.message().c_str());
      *exit_code = 2;
      return;
    }
    std::fprintf(stderr, "sitrep build gazetteer: wrote %s in %.1f s\n", gaz->output.c_str(), seconds);
    *exit_code = 0;
  });

  auto* act = new actors::ActorsBuildOptions();
  CLI::App* a = sub->add_subcommand(
      "actors", "actors and agents from the PETRARCH-2 dictionaries, world-countries and data/actors/*.tsv");
  a->add_option("--dict-dir", act->dict_dir, "PETRARCH-2 dictionaries directory")->capture_default_str();
  a->add_option("--countries", act->countries, "world-countries.json")->capture_default_str();
  a->add_option("--tables", act->tables_dir, "the repository's sourced tables")->capture_default_str();
  a->add_option("-o,--output", act->output, "artifact file")->capture_default_str();
  a->callback([act, exit_code] {
    const auto t0 = std::chrono::steady_clock::now();
    std::string report;
    const Status st = actors::BuildActors(*act, &report);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "%s", report.c_str());
    if (!st.ok()) {
      std::fprintf(stderr, "sitrep build actors: %s\n", st.message().c_str());
      *exit_code = 2;
      return;
    }
    std::fprintf(stderr, "sitrep build actors: wrote %s in %.1f s\n", act->output.c_str(), seconds);
    *exit_code = 0;
  });
}

}  // namespace sitrep::cli
