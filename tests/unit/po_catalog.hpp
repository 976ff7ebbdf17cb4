// The Hebrew catalog as the tests read it: a small PO reader standing in for gettext, so
// that a test sees po/he.po as written without a compiled catalog or an installed locale.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "message.hpp"

namespace plan::test {

// The entries of a PO file: msgid (and msgid_plural) → msgstr[0..].
struct Catalog {
  std::map<std::string, std::vector<std::string>> entries;
};

inline std::string unquote(const std::string& line) {
  const std::size_t a = line.find('"'), b = line.rfind('"');
  std::string out;
  for (std::size_t i = a + 1; i < b; ++i) {
    if (line[i] == '\\' && i + 1 < b) {
      const char c = line[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += line[i];
    }
  }
  return out;
}

inline Catalog read_po(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  Catalog cat;
  std::string line, id;
  std::vector<std::string> strs;
  std::string* current = nullptr;
  auto flush = [&] {
    if (!id.empty() && !strs.empty()) cat.entries[id] = strs;
    id.clear();
    strs.clear();
    current = nullptr;
  };
  while (std::getline(in, line)) {
    if (line.rfind("msgid_plural ", 0) == 0) {
      current = nullptr;  // the plural's English is not needed: the id names the entry
    } else if (line.rfind("msgid ", 0) == 0) {
      flush();
      id = unquote(line);
      current = &id;
    } else if (line.rfind("msgstr", 0) == 0) {
      strs.push_back(unquote(line));
      current = &strs.back();
    } else if (!line.empty() && line[0] == '"' && current) {
      *current += unquote(line);
    }
  }
  flush();
  return cat;
}

inline const Catalog& hebrew() {
  static const Catalog cat = read_po(std::string(PLAN_SOURCE_DIR) + "/po/he.po");
  return cat;
}

// gettext's contract: the translation, or the English itself when there is none.
inline const char* po_translate(const char* id, const char* plural, unsigned long n) {
  auto it = hebrew().entries.find(id);
  const char* english = plural && n != 1 ? plural : id;
  if (it == hebrew().entries.end() || it->second.empty()) return english;
  const std::size_t form = plural && n != 1 ? 1 : 0;  // Plural-Forms: (n != 1)
  const std::string& s = it->second[std::min(form, it->second.size() - 1)];
  return s.empty() ? english : s.c_str();
}

// Every message id in `m` and in the messages nested in it.
inline void ids_of(const Message& m, std::vector<std::string>& out) {
  if (!m.id) return;
  out.push_back(m.id);
  for (const MessageArg& a : m.args)
    if (a.message) ids_of(*a.message, out);
}

}  // namespace plan::test
