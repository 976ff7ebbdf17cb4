// A message for a person as data: its English text with named placeholders and their
// values. Only the command layer translates it (cli/i18n.*), so everything below it stays
// free of the environment and of gettext.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Marks an English text for the catalog without translating it here: xgettext finds it
// (`-kN_`), the command layer looks it up when it prints.
#define N_(text) text

namespace plan {

struct Message;

// The value of `{name}` in a message's text.
struct MessageArg {
  std::string name;
  std::string value;
  // Plan text (an id, a title, a key): isolated (FSI…PDI) inside a right-to-left sentence,
  // so that an English id inside Hebrew reads in place.
  bool plan_text = false;
  // A message inside the message (a "did you mean" hint): translated with it.
  std::shared_ptr<const Message> message;
};

struct Message {
  const char* id = nullptr;      // English, `{name}` placeholders, marked N_; null: no message
  const char* plural = nullptr;  // English plural form, chosen by `n`
  unsigned long n = 0;
  std::vector<MessageArg> args;
  bool empty() const { return id == nullptr; }
};

// A message's text in the user's language: (id, plural, n) → its translation, or the
// English itself (id when n == 1 or there is no plural, else plural) when there is none.
using Translator = const char* (*)(const char* id, const char* plural, unsigned long n);

MessageArg arg(std::string name, std::string value);
MessageArg arg(std::string name, unsigned long long value);
MessageArg plan_text(std::string name, std::string text);
MessageArg nested(std::string name, Message m);

Message message(const char* id, std::vector<MessageArg> args = {});
Message plural_message(const char* one, const char* many, unsigned long n,
                       std::vector<MessageArg> args = {});

// The text with every `{name}` replaced by its value (`{{` and `}}` are braces). Without a
// translator, English. A translation that names a placeholder the message does not have, or
// leaves a brace open, is not used: the English is (a bad catalog never breaks a message).
// `rtl`: plan text is isolated, as a right-to-left sentence needs.
std::string render_message(const Message& m, Translator translate = nullptr, bool rtl = false);

// A label's text (a word of templates/labels, not a catalog message) with its `{name}`
// placeholders filled by the same rules: one placeholder syntax for labels and messages. A
// label that names a placeholder not given here is shown as written.
std::string fill_label(std::string_view text,
                       std::initializer_list<std::pair<const char*, std::string>> values);

}  // namespace plan
