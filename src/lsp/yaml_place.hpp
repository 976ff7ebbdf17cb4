// Where the cursor is in a plan file, read from the text alone: a buffer being typed does
// not parse, yet completion and hover must know that the cursor is in a target's `goals`
// list or on a `due:` key. The cursor's line is read as YAML reads one line (a block key,
// "- " items, flow collections on that line); the keys above it are found by indentation.
// Multi-line flow collections and block scalars are not followed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "lsp/document.hpp"

namespace plan::lsp {

struct YamlPlace {
  // The keys from the file's top down to the place, outermost first: {"targets", "goals"}
  // in a target's goals list; {"sections", "activities", "due"} on an activity's `due` key.
  std::vector<std::string> path;
  enum class Kind { none, key, value, entry } kind = Kind::none;
  // key: the key's bytes (path ends with it). value / entry: the scalar around the cursor
  // (empty at the cursor when nothing is typed yet), which a completion replaces.
  std::size_t begin = 0, end = 0;
  bool flow = false;                // inside a [..] or {..} (',' ']' '}' end a plain scalar)
  std::string lead;                 // what a completion must put first: " " after a bare ':' or '-'
  std::vector<std::string> listed;  // entry: the list's other entries, as written (unquoted)
};

// The place of a position in a document; Kind::none where none of the above applies.
YamlPlace place_at(const Document& doc, Position pos, Encoding enc);

// A scalar as written, without its quotes (a doubled '' in single quotes is one quote).
std::string unquoted(const std::string& token);

}  // namespace plan::lsp
