// libFuzzer target: `plan set` on a random plan file: a random activity, one to three random
// changes (a field, `=` or `+=`, a random value). The edit may be refused; when it is made,
// the file must load again, the report must differ only in the named fields of that
// activity, each to the value the changes compose to, and the parsed tree must be the same
// everywhere else (no key added, lost or changed beside the named ones).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "edit/set_field.hpp"
#include "load/loader.hpp"
#include "load/yaml_fields.hpp"
#include "load/yaml_tree.hpp"
#include "pipeline/measured_plan.hpp"
#include "render/report.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace {

plan::Json activities_of(const std::string& text, bool& clean) {
  std::vector<plan::SourceText> files;
  files.push_back({"plan/fuzz.yaml", text, "", false});
  auto m =
      plan::measure(plan::check_sources("plan/", std::move(files)), plan::parse_date("2009-06-01"));
  clean = true;
  for (const plan::Diagnostic& d : m->checked->load.diags)
    if (d.severity == plan::Severity::error && d.code != "unknown-key" && d.code != "wrong-type" &&
        d.code != "missing-field")
      clean = false;  // a file the loader cannot read as a whole: nothing to compare
  plan::Json acts = plan::build_report(*m->checked->index, m->stats, {})["activities"];
  // Figures computed from the fields, and places, which an added line moves.
  for (plan::Json& a : acts)
    for (const char* k : {"completion", "overdue", "line"}) a.erase(k);
  return acts;
}

// The activity `id`'s mapping: a mapping whose `id` is that text (ignoring case).
bool is_target(const plan::YamlNode& n, const std::string& id) {
  if (!n.is_mapping()) return false;
  const plan::YamlNode* v = plan::find_value(n, "id");
  return v && v->is_scalar() && plan::ascii_lower(v->value) == plan::ascii_lower(id);
}

// Two trees alike, places aside; inside the target activity the named fields (and the
// measure, for `actual`) may differ or be new.
bool same_except(const plan::YamlNode& a, const plan::YamlNode& b, const std::string& id,
                 const std::set<std::string>& fields) {
  if (a.kind != b.kind || a.value != b.value || a.merged != b.merged) return false;
  if (a.is_scalar() && a.plain != b.plain) return false;
  if (is_target(a, id)) {
    // Its pairs in order, the named fields left out (a key may be any node: `&x : v`).
    const auto kept = [&](const plan::YamlNode& m) {
      std::vector<const plan::YamlNode*> out;
      for (std::size_t i = 0; i < m.pair_count(); ++i) {
        const plan::YamlNode& k = m.key(i);
        if (k.is_scalar() &&
            (fields.count(k.value) || (k.value == "measure" && fields.count("actual"))))
          continue;
        out.push_back(&k);
        out.push_back(&m.value_at(i));
      }
      return out;
    };
    const auto x = kept(a), y = kept(b);
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!same_except(*x[i], *y[i], id, fields)) return false;
    return true;
  }
  if (a.children.size() != b.children.size()) return false;
  for (std::size_t i = 0; i < a.children.size(); ++i)
    if (!same_except(a.children[i], b.children[i], id, fields)) return false;
  return true;
}

// Reads the input after the plan text, a byte at a time; zeros past its end.
struct Bytes {
  const std::string& s;
  std::size_t at;
  unsigned next() { return at < s.size() ? static_cast<unsigned char>(s[at++]) : 0u; }
  std::string take(std::size_t n) {
    std::string out = at < s.size() ? s.substr(at, n) : "";
    at += out.size();
    return out;
  }
};

}  // namespace

// The input: a plan file, then (after its last NUL, which no plan file holds) the
// activity's position, the number of changes, and per change a field, whether it adds, a
// value's length and the value. A plan file alone (the seeds) gets those from its size.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kFields[] = {"owner",   "owner",  "status", "due",
                                        "percent", "weight", "actual"};
  static const char* const kStatuses[] = {"planned", "in-progress", "done", "blocked", "dropped"};
  static const char* const kValues[] = {"Dana",
                                        "Smith, Bob",
                                        "R&D,notes",
                                        "Dana\t# lead",
                                        "a: b",
                                        "yes",
                                        "",
                                        "Dana\xE2\x80\xA8        percent:\t100",
                                        "x\xC2\x85y",
                                        "\"q\" 'q'",
                                        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
                                        " lead",
                                        "#",
                                        "*a",
                                        "{x}",
                                        "- x",
                                        "\xD7\xA6\xD7\x94\"\xD7\x9C",
                                        "x\r\ny: 1",
                                        "null",
                                        "'"};
  constexpr std::size_t kFieldCount = sizeof kFields / sizeof *kFields;
  constexpr std::size_t kValueCount = sizeof kValues / sizeof *kValues;
  const std::string all(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = all.rfind('\0');
  const std::string text = all.substr(0, nul);
  if (plan::find_invalid_utf8(text) != std::string::npos) return 0;

  std::vector<plan::FieldChange> changes;
  std::size_t which = 0;
  if (nul == std::string::npos) {
    changes.push_back({kFields[size % kFieldCount], kValues[size % kValueCount], false});
    which = size / kFieldCount;
  } else {
    Bytes in{all, nul + 1};
    which = in.next();
    const unsigned count = 1 + in.next() % 3;
    for (unsigned i = 0; i < count; ++i) {
      const unsigned f = in.next();
      plan::FieldChange c{kFields[f % kFieldCount], "", (f & 0x80) != 0};
      const unsigned len = in.next();
      // Short lengths pick one of the troublesome values; longer ones take the input's bytes.
      c.value = len < kValueCount ? kValues[len] : in.take(len - kValueCount);
      changes.push_back(std::move(c));
    }
  }
  // Each field's value made valid for it (a random one would only be refused).
  for (plan::FieldChange& c : changes) {
    const std::size_t n = c.value.size();
    const unsigned first = c.value.empty() ? 0u : static_cast<unsigned char>(c.value[0]);
    if (c.field == "status") c.value = kStatuses[n % 5];
    if (c.field == "due")
      c.value = "2009-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10);
    if (c.field == "percent" || c.field == "weight" || c.field == "actual")
      c.value = std::to_string(1 + first % 100);
    if (c.field != "percent" && c.field != "actual") c.add = false;
    if (c.field == "percent" && c.add) c.value = std::to_string(first % 3);
    if (!plan::validate_change(c).empty()) return 0;
  }

  bool clean = false;
  const plan::Json before = activities_of(text, clean);
  if (!clean || before.empty()) return 0;
  const plan::Json& target = before[which % before.size()];
  const std::string id = target["id"].get<std::string>();
  int same_id = 0;
  for (const plan::Json& a : before)
    same_id += plan::ascii_lower(a["id"].get<std::string>()) == plan::ascii_lower(id);
  if (same_id != 1) return 0;

  plan::Diagnostics diags;
  auto root = plan::parse_yaml(text, 1, diags);
  if (!root) return 0;
  plan::Message error;
  auto out = plan::apply_changes(text, *root, id, changes, error);
  if (!out) {
    if (plan::render_message(error).find("would not read back") != std::string::npos)
      __builtin_trap();
    return 0;
  }
  bool clean_after = false;
  const plan::Json after = activities_of(*out, clean_after);
  if (!clean_after) __builtin_trap();  // the edit broke the file

  // What the report must show: the changes composed in order.
  plan::Json expected = before;
  std::set<std::string> fields;
  for (plan::Json& a : expected) {
    if (a["id"] != id) continue;
    for (const plan::FieldChange& c : changes) {
      fields.insert(c.field);
      if (c.field == "owner" || c.field == "status") a[c.field] = c.value;
      if (c.field == "due") a[c.field] = plan::parse_date(c.value).text();
      if (c.field == "percent" || c.field == "weight") {
        const double old = c.add && a[c.field].is_number() ? a[c.field].get<double>() : 0.0;
        a[c.field] = old + std::stod(c.value);
      }
      // The report shows a measure only with a valid `planned`; a measure whose `planned`
      // is wrong-typed (an error the harness lets through) has no `actual` to compare.
      if (c.field == "actual" && a["measure"].is_object()) {
        plan::Json& m = a["measure"];
        const double old = c.add && m["actual"].is_number() ? m["actual"].get<double>() : 0.0;
        m["actual"] = old + std::stod(c.value);
      }
    }
  }
  if (after != expected) __builtin_trap();

  plan::Diagnostics diags_after;
  auto root_after = plan::parse_yaml(*out, 1, diags_after);
  if (!root_after || !same_except(*root, *root_after, id, fields)) __builtin_trap();
  return 0;
}
