#include "cli/options.hpp"
#include "cli/i18n.hpp"

#include <CLI/CLI.hpp>

#include "cli/terminal.hpp"

namespace plan::cli {

void add_as_of_option(CLI::App& sub, std::string& as_of) {
  sub.add_option(
      "--as-of", as_of,
      tr("The date to measure against, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)"));
}

void add_color_option(CLI::App& sub, std::string& color) {
  sub.add_option("--color", color, tr("Colour: auto (a terminal without NO_COLOR), always, never"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_bidi_option(CLI::App& sub, std::string& bidi) {
  sub.add_option("--bidi", bidi,
                 tr("Right-to-left text on a terminal: visual (reordered here) or logical (as "
                    "written, for a terminal that reorders by itself; default: $PLAN_BIDI, else "
                    "visual on a terminal, logical in a file or a pipe)"))
      ->check(CLI::IsMember({"visual", "logical"}))
      ->each(set_bidi_option);  // every writer of the command uses it
}

void add_lang_option(CLI::App& sub, std::string& lang) {
  sub.add_option("--lang", lang,
                 tr("The language of the labels and messages: en or he (default: the plan's for "
                    "labels, the environment's for messages)"));
}

}  // namespace plan::cli
