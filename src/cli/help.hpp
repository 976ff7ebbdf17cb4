// How `plan --help`, `plan help COMMAND` and the command line's errors read: CLI11's
// formatter, adjusted to write words people use (DATE, DIR, COMMAND) and each command's
// usage line and examples.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace plan::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  // `operands`: what follows "plan NAME [OPTIONS]" in the usage line ("ID", "[REV1 [REV2]]").
  HelpFormatter(std::string operands, std::vector<std::string> examples);

  std::string make_usage(const CLI::App* app, std::string name) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_footer(const CLI::App* app) const override;

 private:
  std::string option_groups(const CLI::App* app, CLI::AppFormatMode mode) const;
  std::string operands_;
  std::vector<std::string> examples_;
};

// The word that stands for an option's value in help and errors: "DATE" for --as-of.
std::string value_name(const CLI::Option& opt);

}  // namespace plan::cli
