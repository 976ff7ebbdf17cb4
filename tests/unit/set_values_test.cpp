// plan set writes any value so that it reads back as exactly that value and nothing else
// changes: thousands of generated values set into a block mapping (replacing a value and
// adding a line after a block scalar) and a flow mapping, comparing the whole report
// (`status --json`'s content) before and after.
#include <doctest/doctest.h>

#include <utf8proc.h>

#include <algorithm>
#include <random>

#include "edit/set_field.hpp"
#include "helpers.hpp"
#include "render/report.hpp"
#include "util/date.hpp"

using namespace plan;

namespace {

const std::string kPlan =
    "plan:\n  title: Values\n  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n  - {id: G1, title: Goal}\n"
    "targets:\n  - {id: T1, title: Target, goals: [G1]}\n"
    "sections:\n  - id: S1\n    title: Section\n    activities:\n"
    "      - id: A1\n        title: Block\n        targets: [T1]\n        owner: 'Dana'   # the "
    "owner\n"
    "      - {id: A2, title: Flow, targets: [T1], weight: 2}\n"
    "      - id: A3\n        title: Last\n        targets: [T1]\n        notes: |\n          a "
    "block\n\n";

Json report_of(const std::string& text) {
  auto m = test::measure_text(text);
  return build_report(*m->checked->index, m->stats, {});
}

std::string utf8(char32_t c) {
  std::uint8_t buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
}

// Code points of every Unicode general category (surrogates cannot be UTF-8; NUL is
// refused before any edit).
std::vector<std::vector<char32_t>> by_category() {
  std::vector<std::vector<char32_t>> cats(32);
  for (char32_t c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const auto cat = static_cast<std::size_t>(utf8proc_category(static_cast<utf8proc_int32_t>(c)));
    if (cats[cat].size() < 400 || c < 0x3000) cats[cat].push_back(c);
  }
  cats.erase(std::remove_if(cats.begin(), cats.end(), [](const auto& v) { return v.empty(); }),
             cats.end());
  return cats;
}

}  // namespace

TEST_CASE(
    "set writes thousands of generated values that read back exactly, changing nothing else") {
  const auto cats = by_category();
  const std::vector<std::string> pieces = {
      "-",
      "?",
      ":",
      ",",
      "[",
      "]",
      "{",
      "}",
      "#",
      "&",
      "*",
      "!",
      "|",
      ">",
      "'",
      "\"",
      "%",
      "@",
      "`",
      "\\",
      ": ",
      " #",
      "\t#",
      "\t",
      " ",
      "  ",
      "\n",
      "\r\n",
      "\r",
      "\xC2\x85",
      "\xE2\x80\xA8",
      "\xE2\x80\xA9",
      "yes",
      "no",
      "null",
      "~",
      "true",
      "Off",
      "123",
      "-1.5e3",
      "0x1F",
      "2009-06-30",
      "12:30",
      ".inf",
      "\xD7\xA9\xD6\xB8\xD7\x9C\xD7\x95\xD6\xB9\xD7\x9D",  // שָׁלוֹם with niqqud
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",      // an emoji sequence with ZWJ
      "\xEF\xBB\xBF",
      "\xE2\x80\x8F",
      "\xE2\x80\xAE",
      "---",
      "...",
      "<<",
      "*a",
      "&a",
      "!!str",
      "%YAML",
      "R&D",
      "Smith, Bob",
      "Dana",
      "owner: x",
      "weight:\t50",
      "\\u2028",
      "'it''s'",
      "\"q\""};
  const std::string base = kPlan;
  const Json before = report_of(base);
  REQUIRE(before["activities"].size() == 3);
  std::mt19937 rng(20091231);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::size_t tried = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string value;
    const std::size_t parts = 1 + pick(5);
    for (std::size_t k = 0; k < parts; ++k) {
      if (pick(2) == 0) {
        value += pieces[pick(pieces.size())];
      } else {
        const auto& cat = cats[pick(cats.size())];
        value += utf8(cat[pick(cat.size())]);
      }
    }
    if (round < static_cast<int>(pieces.size())) value = pieces[static_cast<std::size_t>(round)];
    for (const char* id : {"A1", "A2", "A3"}) {
      CAPTURE(value);
      CAPTURE(id);
      REQUIRE(validate_change({"owner", value, false}).empty());
      Diagnostics d;
      auto root = parse_yaml(base, 1, d);
      REQUIRE(root);
      Message error;
      auto out = apply_changes(base, *root, id, {{"owner", value, false}}, error);
      REQUIRE_MESSAGE(out, render_message(error));
      Json expected = before;
      for (Json& a : expected["activities"])
        if (a["id"] == id) a["owner"] = value;
      const Json after = report_of(*out);
      CHECK(after == expected);
      ++tried;
    }
  }
  CHECK(tried == 4500);
}
