// Small text helpers shared by every stage: UTF-8 validity, case folding of ids, suggestions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "message.hpp"

namespace plan {

// Offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and
// code points past U+10FFFF are invalid), or npos when the whole text is valid.
std::size_t find_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

// ASCII lower case: ids are ASCII by the id pattern, so this is their case-insensitive key.
// Every lookup of an item by id goes through it or IdHash, so the number of calls of both
// (ascii_lower_calls) measures how many lookups a stage makes (a test holds that to linear
// growth).
std::string ascii_lower(std::string_view s);
std::size_t ascii_lower_calls();

// Ids as the plan compares them (ASCII case ignored), for hash maps keyed by views of ids:
// no lower-case copy is made per id or per lookup.
struct IdHash {
  // Not noexcept on purpose: libstdc++ then keeps each key's hash in its node, instead of
  // hashing keys again while it walks a bucket or grows the table.
  std::size_t operator()(std::string_view s) const;
};
struct IdEqual {
  bool operator()(std::string_view a, std::string_view b) const noexcept;
};

// Edit distance (optimal string alignment) over bytes, case-insensitive for ASCII letters.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a distance that scales with the word's length, or "".
// Words longer than this get no suggestion (it bounds the time spent on hostile input).
constexpr std::size_t kMaxSuggestedLength = 64;
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" as a message, for a `{hint}` (nested): translated with its sentence.
// Empty (no text) when there is no candidate. `best`: a candidate already chosen by
// closest_match ("" for none), so a caller can keep it (a diagnostic's suggestion).
Message did_you_mean_message(std::string_view best);
Message did_you_mean_message(std::string_view word, const std::vector<std::string>& candidates);

// "'a', 'b' or 'c'", for messages that list the valid choices.
std::string quoted_list(const std::vector<std::string>& items, std::string_view last_sep = " or ");

}  // namespace plan
