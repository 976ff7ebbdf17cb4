// Options several commands declare the same way (the root also accepts them before the
// command's name: `kShared` in app.cpp).
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace plan::cli {

// --as-of DATE: the date to measure against (resolved by as_of.hpp).
void add_as_of_option(CLI::App& sub, std::string& as_of);
// --color auto|always|never.
void add_color_option(CLI::App& sub, std::string& color);
// --bidi visual|logical: how right-to-left text reaches a terminal.
void add_bidi_option(CLI::App& sub, std::string& bidi);
// --lang LANG: the language of the labels (default: the plan's) and of the messages.
void add_lang_option(CLI::App& sub, std::string& lang);

}  // namespace plan::cli
