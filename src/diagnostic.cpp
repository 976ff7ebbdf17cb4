#include "diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/visible.hpp"

namespace plan {

Diagnostic make_error(std::string code, Loc loc, std::string message) {
  return {Severity::error, std::move(code), loc, std::move(message), {}, {}, {}};
}
Diagnostic make_warning(std::string code, Loc loc, std::string message) {
  return {Severity::warning, std::move(code), loc, std::move(message), {}, {}, {}};
}
Diagnostic make_note(Loc loc, std::string message) {
  return {Severity::note, "", loc, std::move(message), {}, {}, {}};
}

Diagnostic make_error(std::string code, Loc loc, Message text) {
  Diagnostic d = make_error(std::move(code), loc, render_message(text));
  d.text = std::move(text);
  return d;
}
Diagnostic make_warning(std::string code, Loc loc, Message text) {
  Diagnostic d = make_warning(std::move(code), loc, render_message(text));
  d.text = std::move(text);
  return d;
}
Diagnostic make_note(Loc loc, Message text) {
  Diagnostic d = make_note(loc, render_message(text));
  d.text = std::move(text);
  return d;
}

void sort_diagnostics(Diagnostics& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.col < b.loc.col;
  });
}

std::size_t count_severity(const Diagnostics& diags, Severity s) {
  return static_cast<std::size_t>(std::count_if(
      diags.begin(), diags.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

bool is_io_error(const Diagnostic& d) {
  return d.severity == Severity::error && d.code == "unreadable";
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "";
}

static const std::string& file_name(const std::vector<std::string>& files, Loc loc) {
  static const std::string unknown = "?";
  return loc.file < files.size() ? files[loc.file] : unknown;
}

std::string format_location(const std::vector<std::string>& files, Loc loc) {
  const std::string& f = file_name(files, loc);
  if (loc.line == 0) return f;
  return fmt::format("{}:{}:{}", f, loc.line, loc.col);
}

std::string message_text(const Diagnostic& d, Translator translate, bool rtl) {
  if (!translate || d.text.empty()) return d.message;
  return render_message(d.text, translate, rtl);
}

// The severity as the text form says it: in the user's language with a translator (JSON
// and SARIF keep severity_name's English).
static const char* severity_word(Severity s, Translator translate) {
  const char* word = s == Severity::error     ? N_("error")
                     : s == Severity::warning ? N_("warning")
                                              : N_("note");
  return translate ? translate(word, nullptr, 0) : word;
}

std::string format_text(const std::vector<std::string>& files, const Diagnostic& d,
                        Translator translate, bool rtl) {
  // One line each, whatever the plan's text holds: a line break or an escape sequence in
  // an id, a title or a file name is shown escaped, so nothing in the plan can start a
  // line of its own in a terminal or a CI log (`::error …`, `::add-mask::`).
  const std::string where = visible(format_location(files, d.loc));
  const std::string what = visible(message_text(d, translate, rtl));
  const char* severity = severity_word(d.severity, translate);
  std::string out;
  if (rtl) {
    // A right-to-left line: RLM makes the paragraph right to left in any viewer, the place
    // (a path, line and column) and the code are left-to-right isolates (LRI…PDI): read
    // from the right, place, severity, message, then the English code at the left end.
    out = fmt::format("\u200F\u2066{}\u2069: {}: {}", where, severity, what);
    if (!d.code.empty()) out += fmt::format(" \u2066[{}]\u2069", d.code);
  } else {
    out = fmt::format("{}: {}: {}", where, severity, what);
    if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  }
  out += '\n';
  for (const Diagnostic& n : d.notes) out += format_text(files, n, translate, rtl);
  return out;
}

static nlohmann::ordered_json to_json(const std::vector<std::string>& files, const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["file"] = file_name(files, d.loc);
  // A problem with a whole file (or the plan folder) has no line: null, not a fake 0.
  if (d.loc.line != 0) {
    j["line"] = d.loc.line;
    j["column"] = d.loc.col;
  } else {
    j["line"] = nullptr;
    j["column"] = nullptr;
  }
  j["severity"] = severity_name(d.severity);
  if (!d.code.empty()) j["code"] = d.code;
  j["message"] = d.message;
  if (!d.notes.empty()) {
    j["notes"] = nlohmann::ordered_json::array();
    for (const Diagnostic& n : d.notes) j["notes"].push_back(to_json(files, n));
  }
  return j;
}

std::string format_json(const std::vector<std::string>& files, const Diagnostics& diags) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diags) list.push_back(to_json(files, d));
  // Invalid UTF-8 never reaches a message (the loader rejects such files), but replace
  // rather than throw should one ever slip through.
  return list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// Workflow commands escape %, CR and LF in the message, and also : and , in properties.
static std::string escape_github(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_github(const std::vector<std::string>& files, const Diagnostic& d,
                          Translator translate, bool rtl) {
  const char* kind = d.severity == Severity::error     ? "error"
                     : d.severity == Severity::warning ? "warning"
                                                       : "notice";
  // File 0 is the plan folder, which GitHub cannot annotate: such problems go unattached.
  std::vector<std::string> parts;
  if (d.loc.file != 0) parts.push_back("file=" + escape_github(file_name(files, d.loc), true));
  if (d.loc.file != 0 && d.loc.line != 0) {
    parts.push_back(fmt::format("line={}", d.loc.line));
    parts.push_back(fmt::format("col={}", d.loc.col));
  }
  if (!d.code.empty()) parts.push_back("title=" + escape_github(d.code, true));
  std::string props;
  for (const std::string& p : parts) props += (props.empty() ? "" : ",") + p;
  std::string message = message_text(d, translate, rtl);
  for (const Diagnostic& n : d.notes)
    message +=
        fmt::format("\n{}: {}", format_location(files, n.loc), message_text(n, translate, rtl));
  return fmt::format("::{}{}{}::{}\n", kind, props.empty() ? "" : " ", props,
                     escape_github(message, false));
}

}  // namespace plan
