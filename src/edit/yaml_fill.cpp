#include "edit/yaml_fill.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "edit/yaml_scalar.hpp"
#include "load/yaml_tree.hpp"
#include "util/date.hpp"
#include "util/number.hpp"
#include "util/text_position.hpp"

namespace plan {

namespace {

// `{{name}}` does not parse where a scalar starts (`due: {{year}}-06-30`): each one is first
// made a word that reads as plain text anywhere, then found in the scalars that hold it.
constexpr std::string_view kMark = "PLANFILLx";

std::string mark(std::size_t i) {
  return fmt::format("{}{}x", kMark, i);
}

struct Filled {
  std::size_t begin, end;
  std::string text;
};

// The scalars that hold a mark, each with its value filled and written again.
void collect(const YamlNode& n, bool flow, std::string_view marked,
             const std::vector<std::string>& fills, std::vector<Filled>& out, Message& error) {
  if (!n.is_scalar()) {
    for (const YamlNode& c : n.children) collect(c, n.flow, marked, fills, out, error);
    return;
  }
  if (n.value.find(kMark) == std::string::npos) return;
  std::string value = n.value;
  for (std::size_t i = 0; i < fills.size(); ++i)
    for (std::size_t at = value.find(mark(i)); at != std::string::npos;
         at = value.find(mark(i), at + fills[i].size()))
      value.replace(at, mark(i).size(), fills[i]);
  const std::size_t begin = offset_of(marked, n.line, n.col);
  const std::size_t end = std::max(begin, offset_of(marked, n.end_line, n.end_col));
  const char first = begin < marked.size() ? marked[begin] : 0;
  if (first == '&' || first == '!' || first == '|' || first == '>') {
    error =
        message(N_("line {line}: a placeholder in a scalar with an anchor, a tag or in a block"),
                {arg("line", n.line)});
    return;
  }
  ScalarRequest request;
  request.flow = flow;
  request.style = first == '\''  ? ScalarStyle::single_quoted
                  : first == '"' ? ScalarStyle::double_quoted
                                 : ScalarStyle::any;
  // A plain date or number in the template (`due: {{year}}-06-30`) is one when filled.
  request.text = !(n.plain && (parse_date(value).valid || parse_number(value)));
  out.push_back({begin, end, yaml_scalar(value, request)});
}

}  // namespace

std::optional<std::string> fill_yaml(std::string_view text,
                                     const std::map<std::string, std::string>& values,
                                     Message& error) {
  error = {};  // tells collect's refusal apart
  if (text.find(kMark) != std::string_view::npos) {
    error = message(N_("the template holds '{mark}', which filling it uses"),
                    {plan_text("mark", std::string(kMark))});
    return std::nullopt;
  }
  std::vector<std::string> names, fills;
  std::string marked;
  for (std::size_t at = 0;;) {
    const std::size_t open = text.find("{{", at);
    if (open == std::string_view::npos) {
      marked += text.substr(at);
      break;
    }
    const std::size_t close = text.find("}}", open);
    if (close == std::string_view::npos) {
      error = message(N_("a '{open}' without its '{close}'"),
                      {plan_text("open", "{{"), plan_text("close", "}}")});
      return std::nullopt;
    }
    const std::string name(text.substr(open + 2, close - open - 2));
    const auto value = values.find(name);
    if (value == values.end()) {
      error = message(N_("the placeholder {placeholder} has no value"),
                      {plan_text("placeholder", "{{" + name + "}}")});
      return std::nullopt;
    }
    auto i = std::find(names.begin(), names.end(), name) - names.begin();
    if (static_cast<std::size_t>(i) == names.size()) {
      names.push_back(name);
      fills.push_back(value->second);
    }
    marked += text.substr(at, open - at);
    marked += mark(static_cast<std::size_t>(i));
    at = close + 2;
  }
  if (names.empty()) return std::string(text);
  Diagnostics diags;
  const auto root = parse_yaml(marked, 0, diags);
  if (!root || !diags.empty()) {
    if (diags.empty())
      error = message(N_("the template is empty"));
    else if (!diags.front().text.empty())
      error = diags.front().text;
    else  // a diagnostic without a message of its own: its English, as plan text
      error = message("{reason}", {plan_text("reason", diags.front().message)});
    return std::nullopt;
  }
  std::vector<Filled> filled;
  collect(*root, false, marked, fills, filled, error);
  if (!error.empty()) return std::nullopt;
  // Latest first, so that earlier offsets hold; an alias's copy has the same place.
  std::sort(filled.begin(), filled.end(),
            [](const Filled& a, const Filled& b) { return a.begin > b.begin; });
  filled.erase(std::unique(filled.begin(), filled.end(),
                           [](const Filled& a, const Filled& b) { return a.begin == b.begin; }),
               filled.end());
  std::string out = marked;
  for (const Filled& f : filled) out.replace(f.begin, f.end - f.begin, f.text);
  if (out.find(kMark) != std::string::npos) {
    error = message(N_("a placeholder outside a value (in a comment)"));
    return std::nullopt;
  }
  return out;
}

}  // namespace plan
