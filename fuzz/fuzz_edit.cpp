// libFuzzer target: the edit engines on a random plan of one to three files: `set` on an
// item of any kind (the plan's metadata, a goal, a target, a section, an activity) with one
// to three changes (`=`, `+=`, `-=`, unset), `add` of an item of any kind into a random file,
// section or parent, and `rename` of a random item to a random valid or invalid id. An edit
// may be refused; when it is made, every file must parse again as it did, the tree must
// differ only where the edit said (the named fields; the new item; the id and its links),
// the values must read back as given, and the plan must load with no new error the values
// do not explain.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "edit/add_item.hpp"
#include "edit/rename_id.hpp"
#include "edit/set_field.hpp"
#include "edit/yaml_nodes.hpp"
#include "load/loader.hpp"
#include "load/yaml_fields.hpp"
#include "load/yaml_tree.hpp"
#include "pipeline/checked_plan.hpp"
#include "plan_index.hpp"
#include "util/text.hpp"

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

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

const char* const kValues[] = {"Dana",
                               "Smith, Bob",
                               "R&D,notes",
                               "Dana\t# lead",
                               "a: b",
                               "yes",
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
                               "'",
                               "~",
                               "12",
                               "2009-01-01",
                               "[a, b]",
                               "a\n\nb\n",
                               "\xF0\x9F\x98\x80 x ",
                               "&x y",
                               "!t y",
                               "|",
                               "%x",
                               "`x`",
                               "@x",
                               "? x"};
constexpr std::size_t kValueCount = sizeof kValues / sizeof *kValues;

const char* const kIds[] = {"T1",  "g2", "x",   "general.8", "a-b_c.9", "1x", "",
                            "a b", "é",  "T1:", "plan",      "-x",      "x.", "T#1"};
constexpr std::size_t kIdCount = sizeof kIds / sizeof *kIds;

// A finding: what broke, and the text or values that show it, before the trap.
[[noreturn]] void fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_edit: %s\n%s\n", what, detail.c_str());
  __builtin_trap();
}

std::string shown(const plan::BlockNode& b) {
  std::string out = b.key + (b.key.empty() ? "" : ": ");
  if (b.kind == plan::BlockNode::Kind::scalar) return out + "<" + b.value + ">\n";
  out += "\n";
  for (const plan::BlockNode& c : b.children) out += "  " + shown(c);
  return out;
}

// Edits tried and made, per command: printed at exit when FUZZ_EDIT_STATS is set, to see
// that each command's checks are reached (run over the corpus with -runs=0).
struct Stats {
  long tried[3] = {}, made[3] = {};
  ~Stats() {
    if (std::getenv("FUZZ_EDIT_STATS"))
      std::fprintf(stderr, "set %ld/%ld, add %ld/%ld, rename %ld/%ld made/tried\n", made[0],
                   tried[0], made[1], tried[1], made[2], tried[2]);
  }
} stats;

struct Loaded {
  std::unique_ptr<plan::CheckedPlan> checked;
  std::vector<std::string> paths;  // each file's path by its number in Plan::files
};

std::vector<plan::SourceText> sources(const std::vector<std::string>& texts) {
  std::vector<plan::SourceText> files;
  for (std::size_t i = 0; i < texts.size(); ++i)
    files.push_back({"plan/f" + std::to_string(i) + ".yaml", texts[i], "", false});
  return files;
}

Loaded load(const std::vector<std::string>& texts) {
  Loaded l;
  l.checked = plan::check_sources("plan/", sources(texts));
  l.paths = l.checked->load.plan.files;
  return l;
}

// Which of `texts` file number `f` of the plan is; npos when none.
std::size_t text_of(const Loaded& l, std::uint32_t f) {
  if (f == 0 || f >= l.paths.size()) return std::string::npos;
  const std::string& p = l.paths[f];
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string name = "f" + std::to_string(i) + ".yaml";
    if (p.size() >= name.size() && p.compare(p.size() - name.size(), name.size(), name) == 0)
      return i;
  }
  return std::string::npos;
}

// Whether the loader read text `t` whole: no error that stops it reading a file (its YAML,
// its encoding, its line breaks).
bool whole(const Loaded& l, std::size_t t) {
  static const std::set<std::string> fatal = {
      "yaml-syntax", "duplicate-key", "unclosed-quote",     "encoding",
      "line-break",  "nul-character", "multiple-documents", "alias-limit",
      "too-deep",    "too-large",     "unreadable"};
  bool found = false;
  for (std::uint32_t f = 1; f < l.paths.size(); ++f) found = found || text_of(l, f) == t;
  if (!found) return false;
  for (const plan::Diagnostic& d : l.checked->diags)
    if (d.severity == plan::Severity::error && fatal.count(d.code) &&
        (d.loc.file == 0 || text_of(l, d.loc.file) == t))
      return false;
  return true;
}

std::optional<plan::YamlNode> tree(const std::string& text, bool& clean) {
  plan::Diagnostics d;
  const std::string body = text.rfind(kBom, 0) == 0 ? text.substr(3) : text;
  auto root = plan::parse_yaml(body, 1, d);
  clean = true;
  for (const plan::Diagnostic& x : d)
    if (x.severity == plan::Severity::error) clean = false;
  return root;
}

// Two trees alike, places aside, but for the keys `skip` of the mapping `target` (a node of
// `a`), which may differ, be new or be gone.
bool same_except(const plan::YamlNode& a, const plan::YamlNode& b, const plan::YamlNode* target,
                 const std::set<std::string>& skip) {
  if (a.kind != b.kind || a.value != b.value || a.merged != b.merged) return false;
  if (a.is_scalar() && a.plain != b.plain) return false;
  if (&a == target) {
    const auto kept = [&](const plan::YamlNode& m) {
      std::vector<const plan::YamlNode*> out;
      for (std::size_t i = 0; i < m.pair_count(); ++i) {
        const plan::YamlNode& k = m.key(i);
        if (k.is_scalar() && skip.count(k.value)) continue;
        out.push_back(&k);
        out.push_back(&m.value_at(i));
      }
      return out;
    };
    const auto x = kept(a), y = kept(b);
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!same_except(*x[i], *y[i], nullptr, skip)) return false;
    return true;
  }
  if (a.children.size() != b.children.size()) return false;
  for (std::size_t i = 0; i < a.children.size(); ++i)
    if (!same_except(a.children[i], b.children[i], target, skip)) return false;
  return true;
}

bool has_id(const plan::YamlNode& n, const std::string& id) {
  if (!n.is_mapping()) return false;
  const plan::YamlNode* v = plan::find_value(n, "id");
  return v && v->is_scalar() && plan::ascii_lower(v->value) == plan::ascii_lower(id);
}

// Every mapping in the tree whose id is `id`, and the `plan:` mapping for kPlanMetaId.
void items_with_id(const plan::YamlNode& n, const std::string& id,
                   std::vector<const plan::YamlNode*>& out) {
  if (has_id(n, id)) out.push_back(&n);
  for (const plan::YamlNode& c : n.children) items_with_id(c, id, out);
}

// The codes of which `after` has more errors than `before`. By count, not by message: a
// message names ids (a rename changes them) and lines (an added item moves them).
std::set<std::string> new_error_codes(const Loaded& before, const Loaded& after) {
  std::map<std::string, long> count;
  for (const plan::Diagnostic& d : before.checked->diags)
    if (d.severity == plan::Severity::error) --count[d.code];
  for (const plan::Diagnostic& d : after.checked->diags)
    if (d.severity == plan::Severity::error) ++count[d.code];
  std::set<std::string> out;
  for (const auto& [code, n] : count)
    if (n > 0) out.insert(code);
  return out;
}

bool reads_as(const plan::YamlNode& n, const plan::BlockNode& b) {
  if (b.kind == plan::BlockNode::Kind::scalar) return n.is_scalar() && n.value == b.value;
  if (b.kind == plan::BlockNode::Kind::list) {
    if (!n.is_sequence() || n.children.size() != b.children.size()) return false;
    for (std::size_t i = 0; i < b.children.size(); ++i)
      if (!reads_as(n.children[i], b.children[i])) return false;
    return true;
  }
  if (!n.is_mapping() || n.pair_count() != b.children.size()) return false;
  for (std::size_t i = 0; i < b.children.size(); ++i)
    if (!n.key(i).is_scalar() || n.key(i).value != b.children[i].key ||
        !reads_as(n.value_at(i), b.children[i]))
      return false;
  return true;
}

// The new tree with one entry more in one list: `a` with that entry (`b`'s) removed must be
// `b`. Returns the added entry, or null when the trees differ otherwise. A list may be new
// (its key added to a mapping too).
const plan::YamlNode* one_added(const plan::YamlNode& a, const plan::YamlNode& b, bool& differs) {
  if (a.kind != b.kind || a.value != b.value || a.merged != b.merged ||
      (a.is_scalar() && a.plain != b.plain)) {
    differs = true;
    return nullptr;
  }
  if (a.is_sequence() && b.children.size() == a.children.size() + 1) {
    for (std::size_t i = 0; i < a.children.size(); ++i)
      if (!plan::same_tree(a.children[i], b.children[i])) {
        differs = true;
        return nullptr;
      }
    return &b.children.back();
  }
  if (a.is_mapping() && b.children.size() == a.children.size() + 2) {
    // A key and its list, new: somewhere among the pairs.
    for (std::size_t k = 0; k + 1 < b.children.size(); k += 2) {
      std::vector<plan::YamlNode> rest(b.children.begin(), b.children.end());
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(k),
                 rest.begin() + static_cast<std::ptrdiff_t>(k) + 2);
      bool same = true;
      for (std::size_t i = 0; i < rest.size() && same; ++i)
        same = plan::same_tree(a.children[i], rest[i]);
      if (same && b.children[k + 1].is_sequence() && b.children[k + 1].children.size() == 1)
        return &b.children[k + 1].children[0];
    }
    differs = true;
    return nullptr;
  }
  if (a.children.size() != b.children.size()) {
    differs = true;
    return nullptr;
  }
  const plan::YamlNode* found = nullptr;
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    const plan::YamlNode* f = one_added(a.children[i], b.children[i], differs);
    if (differs) return nullptr;
    if (f) {
      if (found) {
        differs = true;
        return nullptr;
      }
      found = f;
    }
  }
  return found;
}

// Every scalar that differs between the trees must read `from` (ignoring case) before and
// `to` after; counts them.
// `key` is the key whose value (or list entry) `a` is: only an `id`, a `targets` or a
// `goals` entry may change.
bool only_renamed(const plan::YamlNode& a, const plan::YamlNode& b, const std::string& from,
                  const std::string& to, std::size_t& changed, const std::string& key) {
  if (a.kind != b.kind || a.merged != b.merged || a.children.size() != b.children.size() ||
      (a.is_scalar() && a.plain != b.plain))
    return false;
  if (a.value != b.value) {
    if (plan::ascii_lower(a.value) != plan::ascii_lower(from) || b.value != to) return false;
    if (key != "id" && key != "targets" && key != "goals") return false;
    ++changed;
  }
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    std::string k = key;
    if (a.is_mapping())
      k = i % 2 == 0 || !a.children[i - 1].is_scalar() ? "" : a.children[i - 1].value;
    if (!only_renamed(a.children[i], b.children[i], from, to, changed, k)) return false;
  }
  return true;
}

std::string random_text(Bytes& in) {
  const unsigned len = in.next();
  return len < kValueCount ? kValues[len] : in.take(len - kValueCount);
}

std::string random_id(Bytes& in, const std::vector<std::string>& ids) {
  const unsigned k = in.next();
  if (k < 128 && !ids.empty()) return ids[k % ids.size()];
  if (k >= 128 && k < 128 + kIdCount) return kIds[k - 128];
  if (k < 200) return std::string(kIds[k % 5]) + std::to_string(k);
  return in.take(k - 200);
}

std::string random_date(Bytes& in) {
  const unsigned n = in.next();
  return "2009-" + std::string(n % 12 < 9 ? "0" : "") + std::to_string(1 + n % 12) + "-" +
         std::to_string(10 + n % 19);
}

struct Item {
  std::string id, kind;
  std::uint32_t file;
};

std::vector<Item> items_of(const plan::PlanIndex& index) {
  std::vector<Item> out;
  const plan::Plan& p = index.plan();
  for (const auto& g : p.goals) out.push_back({g.id.value, "goal", g.id.loc.file});
  for (const auto& t : p.targets) out.push_back({t.id.value, "target", t.id.loc.file});
  for (const auto& s : p.sections) out.push_back({s.id.value, "section", s.id.loc.file});
  for (const auto& a : index.activities())
    out.push_back({a.activity->id.value, "activity", a.activity->id.loc.file});
  for (const auto& m : p.metas) out.push_back({std::string(plan::kPlanMetaId), "plan", m.loc.file});
  // An item without an id (`id: !tag`, `id:`) cannot be named.
  out.erase(std::remove_if(out.begin(), out.end(), [](const Item& i) { return i.id.empty(); }),
            out.end());
  return out;
}

// `set` on a random item of any kind.
void fuzz_set(std::vector<std::string> texts, const Loaded& before, Bytes& in) {
  const std::vector<Item> items = items_of(*before.checked->index);
  if (items.empty()) return;
  const Item& item = items[in.next() % items.size()];
  const std::size_t f = text_of(before, item.file);
  if (f == std::string::npos || item.id.empty()) return;
  const std::string& text = texts[f];
  if (text.rfind(kBom, 0) == 0 || !whole(before, f))
    return;  // (the command hands the
             // engine the text past a BOM)
  bool clean = false;
  auto root = tree(text, clean);
  if (!root || !clean) return;
  if (plan::item_kind_in(*root, item.id) != item.kind) return;
  // The item's mapping in the tree: one, or the edit is ambiguous.
  const plan::YamlNode* target = nullptr;
  if (item.kind == "plan") {
    target = plan::find_value(*root, "plan");
  } else {
    std::vector<const plan::YamlNode*> found;
    items_with_id(*root, item.id, found);
    if (found.size() != 1) return;
    target = found[0];
  }
  if (!target || !target->is_mapping()) return;

  std::vector<std::string> ids;
  for (const Item& i : items) ids.push_back(i.id);
  const std::vector<std::string> fields = plan::settable_fields(item.kind);
  std::vector<plan::FieldChange> changes;
  const unsigned count = 1 + in.next() % 3;
  static const char* const kStatuses[] = {"planned", "in-progress", "done", "blocked", "dropped"};
  for (unsigned i = 0; i < count; ++i) {
    const unsigned op = in.next();
    plan::FieldChange c;
    c.field = fields[op % fields.size()];
    const unsigned how = (op >> 4) % 8;  // mostly `=`
    c.add = how == 5;
    c.subtract = how == 6;
    c.unset = how == 7;
    const std::string& fl = c.field;
    if (c.unset) {
    } else if (fl == "status") {
      c.value =
          item.kind == "plan" ? (in.next() % 2 ? "draft" : "final") : kStatuses[in.next() % 5];
    } else if (fl == "start" || fl == "due" || fl == "end" || fl == "published") {
      c.value = random_date(in);
    } else if (fl == "percent" || fl == "weight" || fl == "actual" || fl == "stale_after") {
      const unsigned n = in.next();
      c.value = std::to_string(n % 101);
      if (n & 1 && fl != "stale_after") c.value += ".5";
    } else if (fl == "planned") {
      const unsigned n = in.next();
      c.value = std::to_string(1 + n % 9) + (n & 0x80 ? "-" + std::to_string(10 + n % 9) : "");
    } else if (fl == "targets" || fl == "goals") {
      const unsigned n = 1 + in.next() % 3;
      for (unsigned j = 0; j < n; ++j) c.value += (j ? "," : "") + random_id(in, ids);
    } else if (fl == "partners") {
      const unsigned n = 1 + in.next() % 3;
      for (unsigned j = 0; j < n; ++j) c.value += (j ? "," : "") + random_text(in);
    } else {
      c.value = random_text(in);
    }
    // As the command line reads it (`+=` and `-=` only on numbers and lists).
    plan::Message why;
    const auto parsed = c.unset ? plan::parse_unset(c.field, why)
                                : plan::parse_change(c.field +
                                                         (c.add        ? "+="
                                                          : c.subtract ? "-="
                                                                       : "=") +
                                                         c.value,
                                                     why);
    if (!parsed || !plan::validate_change(*parsed).empty()) return;
    changes.push_back(*parsed);
  }

  plan::Message error;
  std::vector<plan::FieldResult> results;
  ++stats.tried[0];
  auto out = plan::apply_changes(text, *root, item.id, changes, error, "", &results);
  if (!out) {
    if (plan::render_message(error).find("would not read back") != std::string::npos) {
      std::string shown_changes;
      for (const plan::FieldChange& c : changes)
        shown_changes += c.field +
                         (c.add        ? "+="
                          : c.subtract ? "-="
                          : c.unset    ? " unset"
                                       : "=") +
                         "<" + c.value + ">\n";
      fail("set: read-back", plan::render_message(error) + "\n" + shown_changes);
    }
    return;
  }
  bool clean_after = false;
  auto root_after = tree(*out, clean_after);
  ++stats.made[0];
  if (!root_after || !clean_after) fail("set: the edit broke the file", *out);

  // Only the named fields of that item changed (a measure or period field: that mapping).
  std::set<std::string> keys;
  for (const plan::FieldChange& c : changes) {
    if (c.field == "unit" || c.field == "planned" || c.field == "actual")
      keys.insert("measure");
    else if (item.kind == "plan" && (c.field == "start" || c.field == "end"))
      keys.insert("period");
    else
      keys.insert(c.field);
  }
  if (!same_except(*root, *root_after, target, keys)) fail("set: other fields changed", *out);

  // Read back: the item's last `=` of a text field, and what was removed.
  const plan::YamlNode* now = nullptr;
  if (item.kind == "plan") {
    now = plan::find_value(*root_after, "plan");
  } else {
    std::vector<const plan::YamlNode*> found;
    const plan::FieldChange* id_change = nullptr;
    for (const plan::FieldChange& c : changes)
      if (c.field == "id") id_change = &c;
    items_with_id(*root_after, id_change ? id_change->value : item.id, found);
    if (found.size() == 1) now = found[0];
  }
  if (!now) fail("set: the item is gone");
  std::map<std::string, const plan::FieldChange*> last;
  for (const plan::FieldChange& c : changes) last[c.field] = &c;
  for (const auto& [field, c] : last) {
    if (field == "unit" || field == "planned" || field == "actual" || field == "start" ||
        field == "end")
      continue;  // nested, or composed
    const plan::YamlNode* v = plan::find_value(*now, field);
    if (c->unset) {
      if (v) fail("new error");
    } else if (!c->add && !c->subtract &&
               (field == "title" || field == "owner" || field == "notes" ||
                field == "description" || field == "organization" || field == "language")) {
      if (!v || !v->is_scalar() || v->value != c->value) fail("new error");
    }
  }

  // The plan loads as before, but for what the values explain.
  texts[f] = *out;
  const Loaded after = load(texts);
  for (const std::string& code : new_error_codes(before, after)) {
    // A link to an id that is not there (or goals removed), dates out of order, a number
    // out of range after `+=`/`-=`, a required field removed (or a measure begun by `unit`
    // without `planned`), a language or plan id that is random text.
    static const std::set<std::string> explained = {
        "unknown-goal", "unknown-target",  "target-without-goals", "bad-period",
        "bad-range",    "bad-percent",     "bad-weight",           "negative-actual",
        "bad-actual",   "bad-stale-after", "missing-field",        "bad-language",
        "bad-id"};
    if (!explained.count(code)) {
      std::fprintf(stderr, "new error after set: %s\n", code.c_str());
      fail("new error");
    }
  }
}

// `add` of a random kind of item into a random place.
void fuzz_add(std::vector<std::string> texts, const Loaded& before, Bytes& in) {
  const plan::PlanIndex& index = *before.checked->index;
  const std::vector<Item> items = items_of(index);
  std::vector<std::string> ids;
  for (const Item& i : items) ids.push_back(i.id);
  static const char* const kKinds[] = {"goal", "target", "section", "activity"};
  const std::string kind = kKinds[in.next() % 4];
  plan::AddRequest request;
  std::size_t f = in.next() % texts.size();
  if (kind == "activity") {
    std::vector<const Item*> parents;
    for (const Item& i : items)
      if (i.kind == "section" || i.kind == "activity") parents.push_back(&i);
    if (parents.empty()) return;
    const Item& p = *parents[in.next() % parents.size()];
    request.list_key = "activities";
    request.parent_id = p.id;
    f = text_of(before, p.file);
    if (f == std::string::npos) return;
  } else {
    request.list_key = kind + "s";
  }
  const std::string& text = texts[f];
  if (text.rfind(kBom, 0) == 0 || !whole(before, f)) return;
  bool clean = false;
  auto root = tree(text, clean);
  if (!root || !clean) return;

  // The item: a new valid id, a title, and the kind's other fields, some of them.
  std::string id = random_id(in, {});
  if (!plan::valid_id(id) || id.size() > plan::kMaxIdLength || index.find(id) ||
      plan::ascii_lower(id) == plan::kPlanMetaId)
    id = "fz" + std::to_string(in.next()) + "." + std::to_string(items.size());
  if (index.find(id)) return;
  const auto scalar = [](const char* key, std::string v, bool text_value) {
    plan::BlockNode n;
    n.key = key;
    n.value = std::move(v);
    n.text = text_value;
    return n;
  };
  const auto list = [](const char* key, const std::vector<std::string>& values) {
    plan::BlockNode n;
    n.kind = plan::BlockNode::Kind::list;
    n.key = key;
    for (const std::string& v : values) {
      plan::BlockNode e;
      e.value = v;
      n.children.push_back(e);
    }
    return n;
  };
  plan::BlockNode& item = request.item;
  item.kind = plan::BlockNode::Kind::mapping;
  item.children.push_back(scalar("id", id, true));
  std::string title = random_text(in);
  if (title.find_first_not_of(" \t\r\n") == std::string::npos) title = "x";
  item.children.push_back(scalar("title", title, true));
  const unsigned which = in.next();
  std::vector<std::string> goals, targets;
  for (const Item& i : items) {
    if (i.kind == "goal") goals.push_back(i.id);
    if (i.kind == "target") targets.push_back(i.id);
  }
  if (kind == "target") {
    if (which & 1 && !goals.empty())
      item.children.push_back(list("goals", {goals[in.next() % goals.size()]}));
    if (which & 2) item.children.push_back(scalar("owner", random_text(in), true));
    if (which & 4) item.children.push_back(list("partners", {random_text(in), random_text(in)}));
  }
  if (kind == "activity") {
    if (which & 1 && !targets.empty())
      item.children.push_back(list("targets", {targets[in.next() % targets.size()]}));
    static const char* const kStatuses[] = {"planned", "in-progress", "done", "blocked", "dropped"};
    item.children.push_back(scalar("status", kStatuses[in.next() % 5], false));
    if (which & 2) item.children.push_back(scalar("owner", random_text(in), true));
    if (which & 4) item.children.push_back(list("partners", {random_text(in)}));
    if (which & 8)
      item.children.push_back(
          scalar("start", "2009-01-0" + std::to_string(1 + in.next() % 9), false));
    if (which & 16)
      item.children.push_back(scalar("due", "2009-02-1" + std::to_string(in.next() % 10), false));
    if (which & 32) {
      plan::BlockNode m;
      m.kind = plan::BlockNode::Kind::mapping;
      m.key = "measure";
      m.children.push_back(scalar("unit", random_text(in), true));
      m.children.push_back(scalar("planned", std::to_string(1 + in.next() % 9), false));
      m.children.push_back(scalar("actual", "0", false));
      item.children.push_back(m);
    }
    if (which & 64) item.children.push_back(scalar("notes", random_text(in), true));
  }
  if ((kind == "goal" || kind == "target") && which & 128)
    item.children.push_back(scalar("description", random_text(in), true));

  // As `plan add` checks them: UTF-8, no NUL.
  const std::function<bool(const plan::BlockNode&)> usable = [&](const plan::BlockNode& b) {
    if (plan::find_invalid_utf8(b.value) != std::string::npos ||
        b.value.find('\0') != std::string::npos)
      return false;
    for (const plan::BlockNode& c : b.children)
      if (!usable(c)) return false;
    return true;
  };
  if (!usable(item)) return;
  plan::Message why;
  ++stats.tried[1];
  auto out = plan::add_item(text, *root, request, why);
  if (!out) {
    const std::string error = plan::render_message(why);
    // Refused: fine, unless the engine's own read-back failed where no anchor could share
    // the list.
    if (error.find("would not read back") != std::string::npos &&
        text.find('&') == std::string::npos)
      fail("add: the engine's read-back failed", error + "\n" + request.list_key + " of '" +
                                                     request.parent_id + "' in file " +
                                                     std::to_string(f) + "\n" + shown(item));
    return;
  }
  bool clean_after = false;
  auto root_after = tree(*out, clean_after);
  ++stats.made[1];
  if (!root_after || !clean_after) fail("add: the edit broke the file", *out);
  bool differs = false;
  const plan::YamlNode* added = one_added(*root, *root_after, differs);
  if (differs || !added || !reads_as(*added, item))
    fail("add: not the old tree plus the item", *out + "\n" + shown(item));

  texts[f] = *out;
  const Loaded after = load(texts);
  const plan::ItemRef* ref = after.checked->index->find(id);
  if (!ref || plan::item_kind_name(ref->kind) != kind) fail("add: the item does not load", *out);
  if (after.checked->index->title_of(*ref).value != title)
    fail("add: the title does not load", *out);
  for (const std::string& code : new_error_codes(before, after)) {
    // A target added without goals.
    static const std::set<std::string> explained = {"target-without-goals"};
    if (!explained.count(code)) {
      std::fprintf(stderr, "new error after add: %s\n", code.c_str());
      fail("new error");
    }
  }
}

// `rename` of a random item to a random id.
void fuzz_rename(std::vector<std::string> texts, const Loaded& before, Bytes& in) {
  const plan::PlanIndex& index = *before.checked->index;
  std::vector<Item> items = items_of(index);
  if (!items.empty() && items.back().kind == "plan") items.pop_back();
  if (items.empty()) return;
  const Item& item = items[in.next() % items.size()];
  const plan::ItemRef* ref = index.find(item.id);
  if (!ref) return;
  std::vector<std::string> ids;
  for (const Item& i : items) ids.push_back(i.id);
  const std::string new_id = random_id(in, ids);

  std::vector<std::string_view> views(before.paths.size());
  for (std::uint32_t f = 1; f < before.paths.size(); ++f) {
    const std::size_t t = text_of(before, f);
    if (t == std::string::npos) return;
    views[f] = texts[t];
  }
  plan::Message error;
  ++stats.tried[2];
  const auto edits = plan::rename_id(index, *ref, new_id, views, error);
  const std::string old_id = index.id_of(*ref).value;
  const plan::ItemRef* other = index.find(new_id);
  const bool taken = other && !(other->kind == ref->kind && other->index == ref->index);
  if (!edits) {
    if (error.empty()) fail("rename: refused without a reason");
    return;
  }
  ++stats.made[2];
  if (!plan::valid_id(new_id) || new_id.size() > plan::kMaxIdLength || taken)
    fail("rename: made with an id it must refuse", new_id);

  std::vector<std::string> changed = texts;
  for (auto e = edits->rbegin(); e != edits->rend(); ++e) {
    const std::size_t t = text_of(before, e->file);
    if (t == std::string::npos || e->end > changed[t].size() || e->begin > e->end)
      fail("rename: an edit out of the text");
    changed[t].replace(e->begin, e->end - e->begin, e->text);
  }
  std::size_t places = 0;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    bool c0 = false, c1 = false;
    auto a = tree(texts[t], c0);
    auto b = tree(changed[t], c1);
    if (!a != !b || (c0 && !c1)) fail("rename: a file broke", changed[t]);
    if (a && !only_renamed(*a, *b, old_id, new_id, places, ""))
      fail("rename: more than the id and its links changed", changed[t]);
  }
  if (places == 0 && old_id != new_id) fail("rename: nothing changed");

  const Loaded after = load(changed);
  const plan::ItemRef* now = after.checked->index->find(new_id);
  if (!now || now->kind != ref->kind) fail("rename: the new id does not load");
  if (after.checked->index->id_of(*now).value != new_id) fail("rename: the new id loads otherwise");
  if (!new_error_codes(before, after).empty()) {
    for (const std::string& code : new_error_codes(before, after))
      std::fprintf(stderr, "new error after rename: %s\n", code.c_str());
    fail("rename: new errors", changed[0]);
  }
}

}  // namespace

// The input: the plan's files (split at \x01, at most three), then (after the last NUL, which
// no plan file holds) the command and its choices, a byte at a time. A plan file alone (the
// seeds) gets them from its size.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string all(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = all.rfind('\0');
  const std::string text = all.substr(0, nul);
  if (plan::find_invalid_utf8(text) != std::string::npos) return 0;
  std::vector<std::string> texts;
  for (std::size_t from = 0;;) {
    const std::size_t cut = text.find('\x01', from);
    texts.push_back(text.substr(from, cut == std::string::npos ? cut : cut - from));
    if (cut == std::string::npos || texts.size() == 3) break;
    from = cut + 1;
  }
  std::string choices;
  if (nul == std::string::npos) {
    for (std::size_t i = 0; i < 16; ++i)
      choices += static_cast<char>((size >> (i % 4)) * 131 + i * 37);
  } else {
    choices = all.substr(nul + 1);
  }
  Bytes in{choices, 0};
  const Loaded before = load(texts);
  if (before.checked->io_error) return 0;
  switch (in.next() % 3) {
    case 0:
      fuzz_set(texts, before, in);
      break;
    case 1:
      fuzz_add(texts, before, in);
      break;
    default:
      fuzz_rename(texts, before, in);
  }
  return 0;
}
