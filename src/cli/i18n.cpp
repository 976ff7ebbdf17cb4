#include "cli/i18n.hpp"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#ifndef PLAN_LOCALEDIR
#define PLAN_LOCALEDIR "/usr/local/share/locale"
#endif

namespace plan::cli {

namespace {

constexpr const char* kDomain = "plan";

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

bool is_c_locale(std::string_view loc) {
  return loc.empty() || loc == "C" || loc == "POSIX";
}

// C.UTF-8 is not "C" for gettext: LANGUAGE is honoured under it, but by itself it means
// English (glibc bug 16621).
bool is_c_utf8(std::string_view loc) {
  return loc == "C.UTF-8" || loc == "C.utf8";
}

// `--lang X` or `--lang=X` anywhere before `--`: read before the command line is parsed,
// since the command line's own help is translated while it is built.
std::string lang_option(int argc, char** argv) {
  std::string lang;
  for (int i = 1; i < argc && argv[i]; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc && argv[i + 1])
      lang = argv[++i];
    else if (a.substr(0, 7) == "--lang=")
      lang = std::string(a.substr(7));
  }
  return lang;
}

// The catalogs: $PLAN_LOCALEDIR (tests), beside the binary in the build folder
// (build/locale), where `cmake --install` puts them (<prefix>/share/locale), else the
// compile-time install location.
std::string locale_dir() {
  if (std::string dir = env("PLAN_LOCALEDIR"); !dir.empty()) return dir;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const auto& dir :
         {exe.parent_path() / "locale", exe.parent_path().parent_path() / "share" / "locale"})
      if (std::filesystem::is_directory(dir, ec)) return dir.string();
  }
  return PLAN_LOCALEDIR;
}

// Makes LC_MESSAGES a locale under which glibc honours LANGUAGE, then asks for `lang`.
// The locale of the user's language is often not installed (CI machines have only C and
// C.UTF-8): C.UTF-8 with LANGUAGE gives the same messages. Only LC_MESSAGES: LC_NUMERIC
// would change how numbers are read and written. LANGUAGE is inherited by the programs
// plan runs (git, an editor): they then speak the same language, which is what the user
// asked for.
void ask_for(const std::string& lang) {
  const char* now = std::setlocale(LC_MESSAGES, "");
  if (!now || is_c_locale(now) || is_c_utf8(now)) {
    if (!std::setlocale(LC_MESSAGES, "C.UTF-8")) std::setlocale(LC_MESSAGES, "C.utf8");
  }
  setenv("LANGUAGE", lang.c_str(), 1);
}

void open_catalog() {
  const std::string dir = locale_dir();
  bindtextdomain(kDomain, dir.c_str());
  // The catalogs are UTF-8 and so is everything plan writes, whatever LC_CTYPE says
  // (without this, Hebrew under LC_CTYPE=C comes out as '?').
  bind_textdomain_codeset(kDomain, "UTF-8");
  // Also tells gettext that the language may have changed (it caches translations).
  textdomain(kDomain);
}

}  // namespace

void init_messages(int argc, char** argv) {
  if (std::string lang = lang_option(argc, argv); !lang.empty()) {
    ask_for(lang);
  } else {
    // gettext's own order: the first of LC_ALL, LC_MESSAGES, LANG names the locale; under
    // C, English (glibc ignores LANGUAGE there too); else LANGUAGE, else that locale.
    std::string loc = env("LC_ALL");
    if (loc.empty()) loc = env("LC_MESSAGES");
    if (loc.empty()) loc = env("LANG");
    std::string wanted = is_c_locale(loc) ? "" : env("LANGUAGE");
    if (wanted.empty() && !is_c_locale(loc) && !is_c_utf8(loc)) wanted = loc;
    if (wanted.empty())
      std::setlocale(LC_MESSAGES, "C");  // English
    else
      ask_for(wanted);
  }
  open_catalog();
}

void set_messages_language(const std::string& lang) {
  if (lang.empty()) return;
  ask_for(lang);
  open_catalog();
}

const char* tr(const char* id) {
  // The empty msgid is the catalog's header, never a message.
  if (!id || !*id) return id;
  return dgettext(kDomain, id);
}

const char* trn(const char* one, const char* many, unsigned long n) {
  return dngettext(kDomain, one, many, n);
}

const char* translate(const char* id, const char* plural, unsigned long n) {
  return plural ? trn(id, plural, n) : tr(id);
}

bool messages_rtl() {
  // The direction of the language the catalog in use is written in, told by its
  // translator (GTK's convention): the catalog that answers the messages answers this.
  // TRANSLATORS: "default:RTL" for a language written right to left, else "default:LTR".
  return std::strcmp(tr(N_("default:LTR")), "default:RTL") == 0;
}

std::string text_of(const Message& m) {
  return render_message(m, translate, messages_rtl());
}

std::string line_of(const Message& m) {
  return (messages_rtl() ? "\u200F" : "") + text_of(m) + "\n";
}

std::string text_of(const std::vector<std::string>& files, const Diagnostic& d) {
  return format_text(files, d, translate, messages_rtl());
}

}  // namespace plan::cli
