#include "cli/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

#include "render/terminal_text.hpp"

namespace plan::cli {

bool use_color(const std::string& option, std::FILE* stream) {
  if (option == "always") return true;
  if (option == "never") return false;
  if (const char* nc = std::getenv("NO_COLOR"); nc && *nc) return false;  // no-color.org
  if (const char* term = std::getenv("TERM"); term && std::string(term) == "dumb") return false;
  return ::isatty(::fileno(stream)) != 0;
}

std::size_t terminal_width(std::FILE* stream) {
  struct winsize ws {};
  if (::isatty(::fileno(stream)) && ::ioctl(::fileno(stream), TIOCGWINSZ, &ws) == 0 &&
      ws.ws_col > 0)
    return ws.ws_col;
  const char* cols = std::getenv("COLUMNS");
  if (cols && *cols) {
    long n = std::strtol(cols, nullptr, 10);
    if (n >= 20 && n <= 1000) return static_cast<std::size_t>(n);
  }
  // A file or a CI log: no width to fit, so nothing is cut.
  if (!::isatty(::fileno(stream)) && !(cols && *cols)) return kNoWidthLimit;
  return 80;
}

// Stubs until the terminal's bidi mode lands.
BidiMode bidi_mode(const std::string&, std::FILE*) {
  return BidiMode::logical;
}

void write_text(std::FILE* stream, std::string_view text, BidiMode, std::size_t) {
  std::fwrite(text.data(), 1, text.size(), stream);
}

}  // namespace plan::cli
