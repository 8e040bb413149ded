// sitrep — one binary, one subcommand per cmd_<name>.cc.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"sitrep — news reports to sourced event records"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("sitrep ") + SITREP_VERSION);
  int exit_code = 0;
  sitrep::cli::AddAllCommands(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
