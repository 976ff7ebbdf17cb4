#include "cli/terminal.hpp"

#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

#include "render/bidi.hpp"
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

namespace {
std::string g_bidi_option;

// Which of stdout (1) and stderr (2) were switched to explicit mode; read by the signal
// handler, so plain flags.
volatile std::sig_atomic_t g_explicit[3] = {0, 0, 0};
constexpr char kExplicitMode[] = "\x1b[8l";  // CSI 8 l: BDSM reset, the terminal keeps our order
constexpr char kImplicitMode[] = "\x1b[8h";  // CSI 8 h: back to the terminal's default

// At exit (return from main or exit(), whatever the code): after the text still buffered.
void implicit_mode_at_exit() {
  for (std::FILE* stream : {stdout, stderr}) {
    const int fd = ::fileno(stream);
    if (g_explicit[fd] == 0) continue;
    g_explicit[fd] = 0;
    std::fputs(kImplicitMode, stream);
    std::fflush(stream);
  }
}

// Killed by a signal: only async-signal-safe calls, then die of the same signal.
extern "C" void implicit_mode_on_signal(int sig) {
  for (int fd = 1; fd <= 2; ++fd)
    if (g_explicit[fd] != 0) {
      ssize_t written = ::write(fd, kImplicitMode, sizeof kImplicitMode - 1);
      (void)written;  // nothing left to do about a failure
    }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void restore_on_every_exit() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  std::atexit(implicit_mode_at_exit);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction old {};
    // A signal ignored by whoever started us (nohup, a SIGPIPE set aside) stays ignored.
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
    struct sigaction act {};
    act.sa_handler = implicit_mode_on_signal;
    sigemptyset(&act.sa_mask);
    ::sigaction(sig, &act, nullptr);
  }
}

// CSI 8 l once, before the first right-to-left text on a terminal's stdout or stderr.
void explicit_mode(std::FILE* stream) {
  const int fd = ::fileno(stream);
  if ((fd != 1 && fd != 2) || g_explicit[fd] != 0 || ::isatty(fd) == 0) return;
  restore_on_every_exit();
  g_explicit[fd] = 1;  // before writing: a signal in between still restores
  std::fputs(kExplicitMode, stream);
}
}  // namespace

BidiMode bidi_mode(const std::string& option, std::FILE* stream) {
  if (option == "visual") return BidiMode::visual;
  if (option == "logical") return BidiMode::logical;
  if (const char* env = std::getenv("PLAN_BIDI"); env && *env) {
    if (std::string(env) == "visual") return BidiMode::visual;
    if (std::string(env) == "logical") return BidiMode::logical;
  }
  if (const char* term = std::getenv("TERM"); term && std::string(term) == "dumb")
    return BidiMode::logical;
  return ::isatty(::fileno(stream)) != 0 ? BidiMode::visual : BidiMode::logical;
}

void set_bidi_option(const std::string& option) {
  g_bidi_option = option;
}

void write_text(std::FILE* stream, std::string_view text, BidiMode mode, std::size_t width) {
  if (mode == BidiMode::logical) {
    std::fwrite(text.data(), 1, text.size(), stream);
    return;
  }
  // Left-to-right text looks the same in both modes: an English plan's output stays
  // byte for byte what it was, without the brackets.
  if (has_rtl(text)) explicit_mode(stream);
  const std::string visual = visual_text(text, width);
  std::fwrite(visual.data(), 1, visual.size(), stream);
}

void write_text(std::FILE* stream, std::string_view text) {
  const BidiMode mode = bidi_mode(g_bidi_option, stream);
  write_text(stream, text, mode, mode == BidiMode::visual ? terminal_width(stream) : kNoWidthLimit);
}

}  // namespace plan::cli
