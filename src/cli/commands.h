// Registration of the CLI subcommands. Each Add*Command sets *exit_code when
// its subcommand runs (0 ok, 1 some documents rejected, 2 usage/setup error).
#ifndef SITREP_CLI_COMMANDS_H_
#define SITREP_CLI_COMMANDS_H_

namespace CLI {
class App;
}

namespace sitrep::cli {

void AddCodeCommand(CLI::App& app, int* exit_code);
void AddExtractCommand(CLI::App& app, int* exit_code);
void AddTokenizeCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddBenchCommand(CLI::App& app, int* exit_code);
void AddTrainCommand(CLI::App& app, int* exit_code);
void AddTagCommand(CLI::App& app, int* exit_code);
void AddBuildCommand(CLI::App& app, int* exit_code);
void AddNumbersCommand(CLI::App& app, int* exit_code);
void AddClaimsCommand(CLI::App& app, int* exit_code);
void AddActorsCommand(CLI::App& app, int* exit_code);

inline void AddAllCommands(CLI::App& app, int* exit_code) {
  AddCodeCommand(app, exit_code);
  AddExtractCommand(app, exit_code);
  AddTokenizeCommand(app, exit_code);
  AddEvalCommand(app, exit_code);
  AddBenchCommand(app, exit_code);
  AddTrainCommand(app, exit_code);
  AddTagCommand(app, exit_code);
  AddBuildCommand(app, exit_code);
  AddNumbersCommand(app, exit_code);
  AddClaimsCommand(app, exit_code);
  AddActorsCommand(app, exit_code);
}

}  // namespace sitrep::cli

#endif  // SITREP_CLI_COMMANDS_H_
