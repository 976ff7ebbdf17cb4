// `plan lsp`: the language server on stdin/stdout. The protocol is src/lsp/'s; this file
// owns the stream: it reads what has arrived, hands it over as one batch (so a cancel or a
// burst of keystrokes is seen together), writes the answers, and exits when the client says
// so or closes the stream.
#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "lsp/server.hpp"

#ifndef PLAN_VERSION
#error "PLAN_VERSION comes from the CMake project's version (CMakeLists.txt)"
#endif
#ifndef PLAN_DOCS_URL
#define PLAN_DOCS_URL ""
#endif

namespace plan::cli {

namespace {

struct LspOptions {
  std::string as_of;
  bool stdio = false;
};

// Writes all of `data`; false when the client is gone.
bool write_all(const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Whether more bytes can be read at once, without waiting.
bool readable_now() {
  pollfd p{STDIN_FILENO, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP)) != 0;
}

int serve(lsp::Server& server) {
  lsp::MessageReader reader;
  std::vector<char> buf(1 << 16);
  bool eof = false;
  while (!eof) {
    // Block for the first bytes, then take whatever else is already there.
    do {
      const ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        eof = true;
        break;
      }
      reader.feed(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    } while (readable_now());
    std::vector<lsp::MessageReader::Frame> frames;
    for (auto f = reader.next(); f.kind != lsp::MessageReader::Frame::Kind::none; f = reader.next())
      frames.push_back(std::move(f));
    if (frames.empty()) continue;
    for (const lsp::json& m : server.handle(frames))
      if (!write_all(lsp::frame(m))) return 1;
    if (server.exited()) return server.exit_code();
  }
  // The client closed the stream without `exit`.
  return server.exited() ? server.exit_code() : 1;
}

// The client's `locale` ("he", "en-us") chooses the language of the diagnostics, as --lang
// would; without one, the environment's (chosen at start). Called once, before the first
// publication: gettext speaks one language per process.
lsp::MessageLanguage message_language(const std::string& locale) {
  if (!locale.empty()) {
    std::string lang = locale;  // BCP 47 "pt-br" → gettext's "pt_BR"
    if (const std::size_t dash = lang.find('-'); dash != std::string::npos) {
      lang[dash] = '_';
      for (std::size_t i = dash + 1; i < lang.size(); ++i)
        lang[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(lang[i])));
    }
    set_messages_language(lang);
  }
  return {translate, messages_rtl()};
}

}  // namespace

Runner setup_lsp(CLI::App& sub) {
  auto opts = std::make_shared<LspOptions>();
  add_as_of_option(sub, opts->as_of);
  // Editors' client libraries add --stdio to say which stream; it is the only one.
  sub.add_flag("--stdio", opts->stdio,
               tr("Speak on stdin and stdout (the default, and the only way)"));
  return [opts](const GlobalOptions& global) {
    std::string error;
    const Date as_of = resolve_as_of(opts->as_of, error);
    if (!error.empty()) {
      write_text(stderr, error + "\n");  // "plan: …", already in the user's language
      return int{kUsage};
    }
    lsp::SessionConfig config;
    config.as_of = as_of;
    if (*PLAN_DOCS_URL) config.docs_url = std::string(PLAN_DOCS_URL) + "#diagnostics";
    config.message_language = message_language;
    if (!size_limits_from_env(config.load, error)) {
      write_text(stderr, error + "\n");  // "plan: …", already in the user's language
      return int{kUsage};
    }
    // A folder named on the command line or by PLAN_DIR is the plan; otherwise the
    // workspace the editor opens decides, and the folder found from here is the fallback.
    std::string found = find_plan_dir(global, error);
    const char* env = std::getenv("PLAN_DIR");
    if (!global.plan_dir.empty() || (env && *env)) {
      if (found.empty()) {
        write_text(stderr, error + "\n");  // "plan: …", already in the user's language
        return int{kUsage};
      }
      config.plan_dir = found;
    } else {
      config.fallback_dir = found;
    }
    // A client that goes away mid-write ends the server through write_all, not a signal.
    std::signal(SIGPIPE, SIG_IGN);
    lsp::Server server(config, PLAN_VERSION);
    return serve(server);
  };
}

}  // namespace plan::cli
