#include "render/escape.hpp"

#include <cctype>

namespace plan {

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {
bool is_www(const std::string& text, std::size_t at) {
  for (std::size_t k = 0; k < 3; ++k)
    if (std::tolower(static_cast<unsigned char>(text[at + k])) != 'w') return false;
  return true;
}
}  // namespace

std::string escape_markdown(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') continue;
    if (c == '\n') {
      out += ' ';
      continue;  // a value stays on its line (and in its table cell)
    }
    if (line_start && (c == '#' || c == '+' || c == '-' || c == '=')) {
      out += '\\';
    } else if (line_start && std::isdigit(static_cast<unsigned char>(c))) {
      // "1." or "1)" at the start would open an ordered list: escape the dot.
      std::size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
        out.append(text, i, j - i);
        out += '\\';
        out += text[j];
        i = j;
        line_start = false;
        continue;
      }
    }
    // GitHub turns "@name" into a notification and "https://…", "www.…" and "a@b.org"
    // into links. An empty HTML comment after "@" splits the text GitHub scans, and an
    // escaped ":" or "." stops the autolink: both vanish when rendered, so the text copies
    // as written.
    if (c == '@' && i + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[i + 1]))) {
      out += "@<!-- -->";
      line_start = false;
      continue;
    }
    if ((c == ':' && text.compare(i + 1, 2, "//") == 0) ||
        (c == '.' && i >= 3 && is_www(text, i - 3))) {
      out += '\\';
      out += c;
      line_start = false;
      continue;
    }
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
      case '!':
      case '{':
      case '}':
        out += '\\';
        break;
      default:
        break;
    }
    out += c;
    line_start = false;
  }
  return out;
}

}  // namespace plan
