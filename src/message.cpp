#include "message.hpp"

#include <optional>

namespace plan {

MessageArg arg(std::string name, std::string value) {
  return MessageArg{std::move(name), std::move(value), false, nullptr};
}

MessageArg arg(std::string name, unsigned long long value) {
  return MessageArg{std::move(name), std::to_string(value), false, nullptr};
}

MessageArg plan_text(std::string name, std::string text) {
  return MessageArg{std::move(name), std::move(text), true, nullptr};
}

MessageArg nested(std::string name, Message m) {
  return MessageArg{std::move(name), "", false, std::make_shared<const Message>(std::move(m))};
}

Message message(const char* id, std::vector<MessageArg> args) {
  return Message{id, nullptr, 0, std::move(args)};
}

Message plural_message(const char* one, const char* many, unsigned long n,
                       std::vector<MessageArg> args) {
  return Message{one, many, n, std::move(args)};
}

namespace {

// `format` with its placeholders filled, or nothing when it names one the message lacks.
std::optional<std::string> fill(std::string_view format, const Message& m, Translator translate,
                                bool rtl) {
  std::string out;
  out.reserve(format.size());
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') ++i;
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const std::size_t close = format.find('}', i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view name = format.substr(i + 1, close - i - 1);
    const MessageArg* found = nullptr;
    for (const MessageArg& a : m.args)
      if (a.name == name) found = &a;
    if (!found) return std::nullopt;
    if (found->message)
      out += render_message(*found->message, translate, rtl);
    else if (found->plan_text && rtl)
      out += "\u2068" + found->value + "\u2069";  // FSI … PDI
    else
      out += found->value;
    i = close;
  }
  return out;
}

}  // namespace

std::string render_message(const Message& m, Translator translate, bool rtl) {
  if (!m.id) return {};
  const char* english = m.plural && m.n != 1 ? m.plural : m.id;
  if (translate) {
    const char* text = translate(m.id, m.plural, m.n);
    if (text && text != english)
      if (auto s = fill(text, m, translate, rtl)) return *s;
  }
  // Untranslated (or a bad translation): the English text, but a message inside it (a hint,
  // a counted part) still in the user's language.
  if (auto s = fill(english, m, translate, rtl)) return *s;
  return english;
}

std::string fill_label(std::string_view text,
                       std::initializer_list<std::pair<const char*, std::string>> values) {
  const std::string format(text);  // a C string for Message::id
  Message m = message(format.c_str());
  for (const auto& [name, value] : values) m.args.push_back(arg(name, value));
  return render_message(m);
}

}  // namespace plan
