// Diagnostics are data: every stage appends to a list, only the command layer prints.
#pragma once

#include <string>
#include <vector>

#include "message.hpp"
#include "model.hpp"

namespace plan {

enum class Severity { error, warning, note };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  // stable, kebab-case: "duplicate-id"
  Loc loc;
  std::string message;            // in English: JSON, SARIF and the tests read it
  Message text;                   // the same as data, for a translation (empty: not translatable)
  std::vector<Diagnostic> notes;  // related places, e.g. where a duplicate was first defined
  // The replacement a "did you mean" offers for the token at `loc` (an id, a key, a
  // status), as data: an editor's quick fix writes it in. Empty when there is none.
  std::string suggestion;
};

using Diagnostics = std::vector<Diagnostic>;

Diagnostic make_error(std::string code, Loc loc, std::string message);
Diagnostic make_warning(std::string code, Loc loc, std::string message);
Diagnostic make_note(Loc loc, std::string message);
Diagnostic make_error(std::string code, Loc loc, Message text);
Diagnostic make_warning(std::string code, Loc loc, Message text);
Diagnostic make_note(Loc loc, Message text);

// Stable sort by file (files are numbered in path order), then line and column.
void sort_diagnostics(Diagnostics& diags);
std::size_t count_severity(const Diagnostics& diags, Severity s);
// How many errors and warnings a checked plan has: the report's `checks`.
struct CheckSummary {
  std::size_t errors = 0, warnings = 0;
};

// Problems reading files are I/O errors: the command exits 2 for them, not 1.
bool is_io_error(const Diagnostic& d);

const char* severity_name(Severity s);

// "path:line:col" (or "path" where there is no line), as compilers print it.
std::string format_location(const std::vector<std::string>& files, Loc loc);
// One diagnostic with its notes, one line each, in the contract's text form. With a
// translator, the message and the severity word in the user's language (the code stays
// English); `rtl`: laid out for a right-to-left language (see diagnostic.cpp).
std::string format_text(const std::vector<std::string>& files, const Diagnostic& d,
                        Translator translate = nullptr, bool rtl = false);
// A JSON array of every diagnostic, for `--format json`.
std::string format_json(const std::vector<std::string>& files, const Diagnostics& diags);
// GitHub Actions workflow commands (`::error file=…,line=…::message`).
// The message in the user's language with a translator; `title=` (the code) stays English.
std::string format_github(const std::vector<std::string>& files, const Diagnostic& d,
                          Translator translate = nullptr, bool rtl = false);
// A diagnostic's message through `translate` (English without one, or when the diagnostic
// has no Message).
std::string message_text(const Diagnostic& d, Translator translate, bool rtl);

}  // namespace plan
