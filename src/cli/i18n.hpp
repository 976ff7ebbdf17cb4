// Messages in the user's language, through GNU gettext: the only place that knows the
// catalogs. The language is chosen as every gettext program chooses it (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG) or by --lang; without a catalog, English.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "message.hpp"

namespace plan::cli {

// Chooses the language and opens the catalog; once, before the command line is built (its
// help is translated), so `--lang` is read from argv here.
void init_messages(int argc, char** argv);
// Switches the messages to `lang` (a gettext language list, "he" or "fr:he"), as `--lang`
// does: for the language server, whose client names its language after start-up. One
// language per process (glibc's gettext has no other).
void set_messages_language(const std::string& lang);

// The translation of an English text marked for the catalog, or the text itself.
const char* tr(const char* id);
const char* trn(const char* one, const char* many, unsigned long n);
// `tr`/`trn` in the shape render_message() takes.
const char* translate(const char* id, const char* plural, unsigned long n);
// Whether the messages' language is written right to left.
bool messages_rtl();
// A message in the user's language.
std::string text_of(const Message& m);
// A line of its own for a person: the message, after an RLM in a right-to-left language so
// that the line is a right-to-left paragraph even when it starts with a number or a name.
std::string line_of(const Message& m);
// A diagnostic with its notes in the text form, in the user's language (format_text).
std::string text_of(const std::vector<std::string>& files, const Diagnostic& d);

}  // namespace plan::cli
