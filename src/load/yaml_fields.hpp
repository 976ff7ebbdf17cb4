// Typed values out of a YAML tree: text, numbers, dates, lists of names or ids, each with
// the place it was written, and a located error when a value has the wrong type. What the
// values mean (which keys a goal takes, what a weight may be) is the plan format's, in
// build.cpp; `plan set` (edit/) finds the fields it changes with the same lookups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "load/yaml_tree.hpp"
#include "model.hpp"

namespace plan {

// How a node reads in a message: "empty", "a list", "a mapping", "the number 5" or
// "the text '…'" (cut to 40 bytes), as a message (`description`) or in English.
Message description(const YamlNode& n);
std::string describe(const YamlNode& n);

// "'a', 'b' and 'c'": keys listed for a person, as a message ("{items} and {last}", the
// words check/wording's lists use).
Message quoted_keys(const std::vector<std::string>& keys);

// The number a plain scalar holds (a quoted "5" is text), or nothing.
std::optional<double> plain_number(const YamlNode& n);

// The index into `map.children` of the value of the first `key`, or npos when `map` is not
// a mapping or has no such key.
std::size_t value_index(const YamlNode& map, std::string_view key);

// The value of the first `key` of a mapping, or null.
const YamlNode* find_value(const YamlNode& map, std::string_view key);

// A key of a mapping and its value, as `FieldReader::collect` keeps them.
struct Field {
  const YamlNode* key = nullptr;
  const YamlNode* value = nullptr;
};
using Fields = std::map<std::string, Field>;

// Reads the fields of one file's mappings, appending located errors to `diags`. `owner`
// names what holds the field in messages ("activity 'a.1'", "the plan"), `where` where a
// key is ("in activity 'a.1'", "at the top level"): messages of their own, so that a
// translation words them as its sentences need. A field that is absent or empty (`key:`
// with no value) reads as not given, without an error.
class FieldReader {
 public:
  FieldReader(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  Loc at(const YamlNode& n) const { return {file_, n.line, n.col}; }
  void error(const char* code, const YamlNode& n, Message text);
  void error_at(const char* code, const Loc& loc, Message text);
  Diagnostics& diagnostics() { return diags_; }

  // The known keys of a mapping; unknown ones (and keys that are not text) are reported,
  // with a suggestion. A duplicate key keeps the first.
  Fields collect(const YamlNode& map, const std::vector<std::string>& known, const Message& where);

  // Text: a scalar of any style. True when given and text.
  bool text(const Fields& f, const char* key, const Message& owner, Located<std::string>& out);
  // A plain number; `expected` says which in the error ("a number from 0 to 100"; empty:
  // "a number").
  bool number(const Fields& f, const char* key, const Message& owner, Located<double>& out,
              const Message& expected = {});
  // A date as text; a date that is not a real day is kept (invalid) for the checks.
  void date(const Fields& f, const char* key, const Message& owner, Located<Date>& out);
  // A list of ids of `item`s (the word "goal" as a message); given-but-empty keeps its place.
  void refs(const Fields& f, const char* key, const Message& item, const Message& owner,
            Located<std::vector<Ref>>& out);
  // A list of names.
  void texts(const Fields& f, const char* key, const Message& owner,
             Located<std::vector<std::string>>& out);

 private:
  std::uint32_t file_;
  Diagnostics& diags_;
};

}  // namespace plan
