#include "cli/options.hpp"

#include <CLI/CLI.hpp>

namespace plan::cli {

void add_as_of_option(CLI::App& sub, std::string& as_of) {
  sub.add_option(
      "--as-of", as_of,
      "The date to measure against, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)");
}

void add_color_option(CLI::App& sub, std::string& color) {
  sub.add_option("--color", color, "Colour: auto (a terminal without NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

}  // namespace plan::cli
