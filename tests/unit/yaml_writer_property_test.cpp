// The writer's property: every text that yaml_scalar writes, in any style asked, reads back
// through the loader's parse_yaml as exactly the same string, in block and in flow
// mappings, and leaves the mapping's other keys as they were (a value can never end its
// line, start a field or hide in a comment). Many thousands of generated strings, built
// from the pieces that trouble YAML, with a fixed seed: a failure repeats, and its string
// is printed with every byte that is not printable ASCII escaped.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "edit/yaml_scalar.hpp"
#include "load/yaml_fields.hpp"
#include "load/yaml_tree.hpp"

using namespace plan;

namespace {

// splitmix64: the same sequence on every machine and standard library (std's distributions
// are not specified exactly).
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// The string as a person can read it in a test log: printable ASCII as itself (a backslash
// doubled), everything else as \xNN per byte.
std::string visible(const std::string& s) {
  std::string out;
  for (char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b == '\\')
      out += "\\\\";
    else if (b >= 0x20 && b < 0x7F)
      out += ch;
    else
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(b));
  }
  return out;
}

// Whole values that a YAML reader may take for something other than text.
const std::vector<std::string> kWords = {"yes",
                                         "no",
                                         "Yes",
                                         "NO",
                                         "y",
                                         "n",
                                         "Y",
                                         "N",
                                         "on",
                                         "off",
                                         "On",
                                         "OFF",
                                         "true",
                                         "false",
                                         "True",
                                         "FALSE",
                                         "null",
                                         "Null",
                                         "NULL",
                                         "~",
                                         "",
                                         "<<",
                                         "=",
                                         "123",
                                         "-1",
                                         "+1",
                                         "1e5",
                                         "1E5",
                                         "-1.5e-3",
                                         ".5",
                                         "5.",
                                         "0x1F",
                                         "0o17",
                                         "017",
                                         "1_000",
                                         "1,000",
                                         "12:30",
                                         "1:20:30",
                                         ".inf",
                                         "-.Inf",
                                         "+.INF",
                                         ".nan",
                                         ".NaN",
                                         "2009-01-01",
                                         "2009-1-1",
                                         "2009-01-01T10:00:00Z",
                                         "2009-01-01 10:00",
                                         "---",
                                         "...",
                                         "--- x",
                                         "... x",
                                         "-",
                                         "?",
                                         ":",
                                         "- x",
                                         "? x",
                                         ": x",
                                         "!",
                                         "!!str",
                                         "!!int 3",
                                         "&a",
                                         "*a",
                                         "&a x",
                                         "*a x",
                                         "%YAML 1.2",
                                         "@x",
                                         "`x",
                                         "|",
                                         ">",
                                         "|-",
                                         ">+",
                                         "'",
                                         "\"",
                                         "''",
                                         "\"\"",
                                         "#",
                                         "# x",
                                         "\\",
                                         "\\n",
                                         "\\x41",
                                         "\\\"",
                                         "{",
                                         "}",
                                         "[",
                                         "]",
                                         "{}",
                                         "[]",
                                         ",",
                                         "{a: b}",
                                         "[a, b]",
                                         "a, b",
                                         "a: b",
                                         "a:b",
                                         "a :b",
                                         "a #b",
                                         "a#b",
                                         "a:",
                                         "a: ",
                                         "a,",
                                         "a?",
                                         "a?b",
                                         "?a",
                                         "a ?b",
                                         "x]",
                                         "a{b",
                                         "a}b",
                                         "a[b"};

// Pieces that random strings are built from.
std::vector<std::string> pieces() {
  std::vector<std::string> p = {
      "a", "Dana", "R&D", " ",   "  ",   ": ",   " #",   "#", ",",   "[",          "]",   "{",
      "}", "-",    "?",   ":",   "&",    "*",    "!",    "|", ">",   "'",          "\"",  "%",
      "@", "`",    "\\",  "\t",  "\n",   "\r",   "\r\n", "0", "1.5", "2009-06-01", "yes", "null",
      "~", "<<",   "---", "...", "x: y", "a #b", "--",   "=", "'s",  "\\n"};
  // Hebrew letters, niqqud and cantillation-free points, geresh and gershayim, maqaf.
  for (char32_t c : {0x05D0, 0x05D1, 0x05D4, 0x05D5, 0x05D9, 0x05DA, 0x05DD, 0x05E9, 0x05EA})
    p.push_back(utf8(c));
  for (char32_t c : {0x05B0, 0x05B4, 0x05B7, 0x05B8, 0x05BC, 0x05C1, 0x05C2, 0x05C7})
    p.push_back(utf8(0x05E9) + utf8(c));
  for (char32_t c : {0x05F3, 0x05F4, 0x05BE, 0x05C0, 0x05C3}) p.push_back(utf8(c));
  p.push_back("\xD7\xA6\xD7\x94\"\xD7\x9C");  // צה"ל, gershayim typed as a double quote
  p.push_back("\xD7\xAA\xD7\xA9\xD7\xA4\xD7\xB4\xD7\x92");  // תשפ״ג
  // Every line break YAML knows, and the controls.
  for (char32_t c : {0x85, 0x2028, 0x2029}) p.push_back(utf8(c));
  for (char32_t c = 1; c < 0x20; ++c) p.push_back(utf8(c));
  for (char32_t c = 0x7F; c < 0xA1; ++c) p.push_back(utf8(c));
  // Emoji (one and two code units in UTF-16, a ZWJ sequence, a flag, a variation selector),
  // direction marks, the byte-order mark and the noncharacters next to it, the replacement
  // character, a no-break space.
  for (char32_t c : {0x1F600, 0x1F44D,  0x2764, 0xFE0F, 0x200D, 0x1F1EE, 0x1F1F1, 0x200E,
                     0x200F,  0x202B,   0x202C, 0xFEFF, 0xFFFE, 0xFFFF,  0xFDD0,  0xFDEF,
                     0x1FFFE, 0x10FFFF, 0xFFFD, 0xA0,   0xE000, 0xF0000})
    p.push_back(utf8(c));
  p.push_back(utf8(0x1F468) + utf8(0x200D) + utf8(0x1F469) + utf8(0x200D) + utf8(0x1F467));
  return p;
}

// The mappings a value is written into: `V` is where it goes; the other keys must read back
// unchanged. Flow ones are written with `flow` asked of the writer.
struct Context {
  const char* text;
  bool flow;
};
const Context kContexts[] = {
    {"k: V\n", false},
    {"k: V", false},
    {"k: V\r\nz: '1'\r\n", false},
    {"k: V # note\nz: '1'\n", false},
    {"a:\n  k: V\n  z: '1'\n", false},
    {"- k: V\n  z: '1'\n", false},
    {"a:\n  - id: x\n    k: V\n    z: '1'\n", false},
    {"{k: V}", true},
    {"{k: V, z: '1'}", true},
    {"{z: '1', k: V}", true},
    {"{k: V,z: '1'}", true},
    {"{k: V }\n", true},
    {"a: {k: V, z: '1'} # note\n", true},
    {"- {k: V, z: '1'}\n", true},
    {"a: [{k: V}, {z: '1'}]\n", true},
};

// The innermost mapping of the parsed document that holds `k`, or null.
const YamlNode* holder(const YamlNode& n) {
  if (n.is_mapping() && find_value(n, "k")) return &n;
  for (const YamlNode& c : n.children)
    if (const YamlNode* h = holder(c)) return h;
  return nullptr;
}

// Why `value` written with `request` into `context` does not read back as itself, or "".
std::string round_trip(const std::string& value, const ScalarRequest& request,
                       const Context& context) {
  const std::string scalar = yaml_scalar(value, request);
  std::string doc = context.text;
  doc.replace(doc.find('V'), 1, scalar);
  const std::string where =
      fmt::format("\n  written: {}\n  document: {}", visible(scalar), visible(doc));
  Diagnostics diags;
  const auto root = parse_yaml(doc, 1, diags);
  if (!diags.empty()) return "the loader reports '" + diags.front().message + "'" + where;
  if (!root) return "the document reads as empty" + where;
  const YamlNode* map = holder(*root);
  if (!map) return "no key k reads back" + where;
  const YamlNode& k = *find_value(*map, "k");
  if (!k.is_scalar()) return "k reads back as " + describe(k) + where;
  if (k.value != value) return "k reads back as '" + visible(k.value) + "'" + where;
  // Text stays text: a plain scalar that the loader would read as a number is not.
  if (request.text && plain_number(k)) return "k reads back as a number" + where;
  // Nothing else came in or went: the mapping holds the keys and values it holds with a
  // harmless value in the same place.
  std::string plain_doc = context.text;
  plain_doc.replace(plain_doc.find('V'), 1, "v");
  Diagnostics plain_diags;
  const auto reference = parse_yaml(plain_doc, 1, plain_diags);
  const YamlNode& ref = *holder(*reference);
  if (map->pair_count() != ref.pair_count())
    return fmt::format("the mapping holds {} keys after the write, not {}", map->pair_count(),
                       ref.pair_count()) +
           where;
  for (std::size_t i = 0; i < ref.pair_count(); ++i) {
    const YamlNode* other = find_value(*map, ref.key(i).value);
    if (!other || (ref.key(i).value != "k" && other->value != ref.value_at(i).value))
      return "the key '" + ref.key(i).value + "' reads back changed" + where;
  }
  return "";
}

// Every value in every style, into every context (flow ones asked as flow), or, with
// `every_context` false, into one block and one flow context in turn. The first few
// failures are printed whole, then the count.
void check_all(const std::vector<std::string>& values, bool every_context) {
  std::vector<const Context*> block, flow;
  for (const Context& c : kContexts) (c.flow ? flow : block).push_back(&c);
  std::size_t failures = 0, checked = 0;
  for (std::size_t i = 0; i < values.size(); ++i)
    for (ScalarStyle style :
         {ScalarStyle::any, ScalarStyle::single_quoted, ScalarStyle::double_quoted})
      for (const auto* list : {&block, &flow})
        for (std::size_t j = 0; j < list->size(); ++j) {
          const std::size_t turn = 3 * i + static_cast<std::size_t>(style);
          if (!every_context && j != turn % list->size()) continue;
          const Context& c = *(*list)[j];
          ++checked;
          const std::string why = round_trip(values[i], {style, true, c.flow}, c);
          if (why.empty()) continue;
          if (++failures <= 5)
            FAIL_CHECK(fmt::format("the value '{}' (style {}, {}) does not read back: {}",
                                   visible(values[i]), static_cast<int>(style),
                                   c.flow ? "flow" : "block", why));
        }
  MESSAGE(fmt::format("{} values, {} round trips, {} failed", values.size(), checked, failures));
  CHECK(failures == 0);
}

}  // namespace

TEST_CASE("yaml writer property: every troublesome whole value reads back as itself") {
  std::vector<std::string> values = kWords;
  for (const std::string& p : pieces()) {
    values.push_back(p);
    values.push_back(p + "x");
    values.push_back("x" + p);
    values.push_back("x" + p + "x");
    values.push_back(" " + p + " ");
  }
  check_all(values, true);
}

TEST_CASE("yaml writer property: thousands of generated strings read back as themselves") {
  const std::vector<std::string> p = pieces();
  Random rnd{20261129};
  std::vector<std::string> values;
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const std::size_t n = rnd.below(9);
    for (std::size_t j = 0; j < n; ++j)
      s += rnd.below(4) == 0 ? kWords[rnd.below(kWords.size())] : p[rnd.below(p.size())];
    values.push_back(std::move(s));
  }
  check_all(values, false);
}
