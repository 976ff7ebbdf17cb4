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

}  // namespace plan::cli
