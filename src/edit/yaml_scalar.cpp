#include "edit/yaml_scalar.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "util/text.hpp"

namespace plan {

namespace {

// The code point at `i` of valid UTF-8 (checked before any edit); `i` moves past it.
char32_t next_code_point(const std::string& s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (int k = 1; k < len && i + k < s.size(); ++k)
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  i += len;
  return c;
}

// The 66 code points Unicode keeps out of text: yaml-cpp writes each as U+FFFD.
bool noncharacter(char32_t c) {
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFEu) == 0xFFFEu;
}

// What libyaml accepts raw and reads as itself on one line. Tab is allowed by YAML, but
// a tab followed by '#' starts a comment, so it is escaped too.
bool raw_ok(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return true;
  if (c < 0xA0) return false;  // C0 controls, tab, CR, LF, DEL, C1 controls (NEL among them)
  if (c == 0x2028 || c == 0x2029) return false;  // LS and PS: line breaks to YAML 1.1
  if (c == 0xFEFF || noncharacter(c)) return false;
  return !(c >= 0xD800 && c <= 0xDFFF);
}

std::string escape(char32_t c) {
  switch (c) {
    case 0:
      return "\\0";
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case 0x85:
      return "\\N";
    case 0x2028:
      return "\\L";
    case 0x2029:
      return "\\P";
    default:
      break;
  }
  if (c <= 0xFF) return fmt::format("\\x{:02X}", static_cast<unsigned>(c));
  if (c <= 0xFFFF) return fmt::format("\\u{:04X}", static_cast<unsigned>(c));
  return fmt::format("\\U{:08X}", static_cast<unsigned>(c));
}

// yaml-cpp (0.7) leaves DEL, NEL, LS, PS and more raw inside double quotes, and even in
// plain scalars: escape whatever it left. Its own escapes are printable ASCII, untouched.
std::string escape_left_raw(const std::string& quoted) {
  std::string out;
  for (std::size_t i = 0; i < quoted.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(quoted, i);
    out += raw_ok(c) ? quoted.substr(at, i - at) : escape(c);
  }
  return out;
}

std::string emit(const std::string& value, ScalarStyle style) {
  YAML::Emitter e;
  if (style == ScalarStyle::single_quoted) e << YAML::SingleQuoted;
  if (style == ScalarStyle::double_quoted) e << YAML::DoubleQuoted;
  e << value;
  if (!e.good()) return "";
  return e.c_str();
}

std::string utf8(char32_t c) {
  std::string s;
  s += static_cast<char>(0xF0 | (c >> 18));
  s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  s += static_cast<char>(0x80 | (c & 0x3F));
  return s;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// yaml-cpp writes a noncharacter (U+FFFE, U+FFFF…) as U+FFFD, losing it: each goes to it as
// a private-use character of plane 15 that the value does not hold, written back as the
// noncharacter's escape once yaml-cpp has double-quoted the rest.
std::string emit_double_quoted(const std::string& value) {
  std::string sent;
  std::vector<std::pair<std::string, char32_t>> stand_ins;
  char32_t next = 0xF0000;
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(value, i);
    if (!noncharacter(c)) {
      sent += value.substr(at, i - at);
      continue;
    }
    auto it = std::find_if(stand_ins.begin(), stand_ins.end(),
                           [c](const auto& s) { return s.second == c; });
    if (it == stand_ins.end()) {
      while (value.find(utf8(next)) != std::string::npos) ++next;
      stand_ins.emplace_back(utf8(next++), c);
      it = stand_ins.end() - 1;
    }
    sent += it->first;
  }
  std::string out = emit(sent, ScalarStyle::double_quoted);
  for (const auto& [stand_in, c] : stand_ins) out = replace_all(out, stand_in, escape(c));
  return out;
}

// Plain text that a YAML reader would take for something else: a number, a date, a
// bool or null (YAML 1.1's words included), or a merge key.
bool looks_typed(const std::string& s) {
  if (s.empty()) return true;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (digit(s[0])) return true;
  if (s.size() > 1 && (s[0] == '+' || s[0] == '-' || s[0] == '.') && (digit(s[1]) || s[1] == '.'))
    return true;
  const std::string l = ascii_lower(s);
  for (const char* w : {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".nan",
                        ".inf", "-.inf", "+.inf", "<<", "="})
    if (l == w) return true;
  return false;
}

}  // namespace

std::string yaml_scalar(const std::string& value, const ScalarRequest& request) {
  ScalarStyle style = request.style;
  for (std::size_t i = 0; i < value.size();)
    if (!raw_ok(next_code_point(value, i))) style = ScalarStyle::double_quoted;
  std::string out =
      style == ScalarStyle::double_quoted ? emit_double_quoted(value) : emit(value, style);
  const bool plain = !out.empty() && out.front() != '"' && out.front() != '\'';
  if (out.empty() || out.find('\n') != std::string::npos ||
      (plain && ((request.text && looks_typed(value)) ||
                 (request.flow && (out.find_first_of(",[]{}") != std::string::npos ||
                                   out.front() == '?' || out.front() == ':')))))
    out = emit_double_quoted(value);
  return out.front() == '"' ? escape_left_raw(out) : out;
}

}  // namespace plan
