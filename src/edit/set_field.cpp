#include "edit/set_field.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "edit/field_specs.hpp"
#include "edit/field_text.hpp"
#include "edit/item_way.hpp"
#include "edit/yaml_nodes.hpp"
#include "edit/yaml_scalar.hpp"
#include "load/yaml_fields.hpp"
#include "model.hpp"
#include "util/date.hpp"
#include "util/number.hpp"
#include "util/text.hpp"
#include "util/text_position.hpp"

namespace plan {

using namespace field_specs;

namespace {

std::string show_scalar(const std::string& v, Type t) {
  return yaml_scalar(v, {ScalarStyle::any, is_text(t), true});
}

std::string show_list(const std::vector<std::string>& items, Type t) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + show_scalar(items[i], t);
  return s + "]";
}

// A value as it was, for "before → after": nothing when not set.
std::optional<std::string> show_node(const YamlNode* n, Type t) {
  if (!n || n->is_null()) return std::nullopt;
  if (n->is_scalar()) return show_scalar(n->value, t);
  if (n->is_sequence()) {
    std::vector<std::string> items;
    for (const YamlNode& c : n->children) items.push_back(c.is_scalar() ? c.value : "…");
    return show_list(items, is_list(t) ? t : Type::text);
  }
  std::string s = "{";
  for (std::size_t i = 0; i < n->pair_count(); ++i)
    s += (i ? ", " : "") + n->key(i).value + ": " +
         (n->value_at(i).is_scalar() ? show_scalar(n->value_at(i).value, Type::range) : "…");
  return s + "}";
}

bool same_item(const std::string& a, const std::string& b, Type t) {
  return t == Type::ids ? ascii_lower(a) == ascii_lower(b) : a == b;
}

// "'a', 'b' or 'c'": names quoted for a person (the same words as check's lists).
Message quoted_or(const std::vector<std::string>& items) {
  if (items.size() < 2) return message("{items}", {plan_text("items", quoted_list(items))});
  const std::vector<std::string> head(items.begin(), items.end() - 1);
  return message(N_("{items} or {last}"), {plan_text("items", quoted_list(head, ", ")),
                                           plan_text("last", quoted_list({items.back()}))});
}

// An activity's status that is not one: the same words for set, import and apply_changes.
Message not_a_status(const std::string& value) {
  const std::vector<std::string> names = activity_statuses();
  return message(N_("status '{status}' is not one of {statuses}{hint}"),
                 {plan_text("status", value), nested("statuses", quoted_or(names)),
                  nested("hint", did_you_mean_message(value, names))});
}

// A field that is not one of set's: "'colour' cannot be set; the fields are …".
Message not_a_field(const char* format, const std::string& field) {
  return message(format, {plan_text("field", field), nested("fields", quoted_or(all_fields())),
                          nested("hint", did_you_mean_message(field, all_fields()))});
}

// Finds the field of one group in the tree, and checks that it can be edited in place.
bool locate(const std::string& text, const YamlNode& root, const ItemWay& item, const Message& who,
            const std::string& path, Group& g, Message& error) {
  const YamlNode& item_map = at_path(root, item.path);
  g.map_path = item.path;
  if (*g.spec->parent) {
    const std::size_t m = value_index(item_map, g.spec->parent);
    if (m == std::string::npos) {
      g.parent_missing = true;
    } else if (!item_map.children[m].is_mapping()) {
      error = message(N_("'{field}' of {who} is not a mapping of fields; edit it by hand"),
                      {plan_text("field", g.spec->parent), nested("who", who)});
      return false;
    } else {
      g.map_path.push_back(m);
    }
  }
  g.map = &at_path(root, g.map_path);
  std::vector<std::size_t> field_path = g.map_path;
  if (!g.parent_missing) {
    g.index = value_index(*g.map, g.spec->key);
    if (g.index != std::string::npos) {
      field_path.push_back(g.index);
      g.old = &g.map->children[g.index];
    }
  }
  if (Message why = why_shared(text, root, field_path, g.spec->name, who, path); !why.empty()) {
    error = std::move(why);
    return false;
  }
  const Type t = g.spec->type;
  if (g.old && t != Type::mapping && !g.old->is_null()) {
    const bool list_ok = is_list(t) && (g.old->is_scalar() || g.old->is_sequence());
    if (!g.old->is_scalar() && !list_ok) {
      error = message(N_("'{field}' of {who} is not a single value; edit it by hand"),
                      {plan_text("field", g.spec->name), nested("who", who)});
      return false;
    }
    if (g.old->is_sequence())
      for (const YamlNode& c : g.old->children)
        if (!c.is_scalar()) {
          error = message(N_("'{field}' of {who} is not a list of single values; edit it by hand"),
                          {plan_text("field", g.spec->name), nested("who", who)});
          return false;
        }
  }
  return true;
}

// Composes a group's changes, in order, on the value it had.
bool fold(Group& g, const Message& who, Message& error) {
  const Type t = g.spec->type;
  const YamlNode* old = g.old && !g.old->is_null() ? g.old : nullptr;
  g.before = show_node(old, t);
  bool present = old != nullptr;
  if (is_list(t)) {
    std::vector<std::string> cur;
    if (old && old->is_sequence())
      for (const YamlNode& c : old->children) cur.push_back(c.value);
    else if (old && old->is_scalar())
      cur.push_back(old->value);
    for (const FieldChange* c : g.changes) {
      if (c->unset) {
        present = false;
        cur.clear();
        continue;
      }
      present = true;
      const std::vector<std::string> items = split_list(c->value);
      if (!c->add && !c->subtract) cur.clear();
      for (const std::string& it : items) {
        const auto at = std::find_if(cur.begin(), cur.end(),
                                     [&](const std::string& x) { return same_item(x, it, t); });
        if (c->subtract) {
          if (at == cur.end()) {
            error = message(
                N_("'{item}' is not in the {field} of {who}"),
                {plan_text("item", it), plan_text("field", g.spec->name), nested("who", who)});
            return false;
          }
          cur.erase(at);
        } else if (at == cur.end()) {
          cur.push_back(it);
        }
      }
    }
    g.list = cur;
  } else if (is_numeric(t)) {
    double cur = 0;  // 0 when not set
    bool not_number = false;
    if (old && old->is_scalar()) {
      const std::optional<double> was = parse_number(old->value);
      cur = was.value_or(0);
      not_number = !was;
    }
    for (const FieldChange* c : g.changes) {
      if (c->unset) {
        cur = 0;
        present = not_number = false;
        continue;
      }
      const double n = parse_number(c->value).value_or(0);
      if ((c->add || c->subtract) && not_number) {
        error = message(
            N_("'{field}' of {who} is '{value}', not a number to add to"),
            {plan_text("field", g.spec->name), nested("who", who), plan_text("value", old->value)});
        return false;
      }
      cur = c->add ? cur + n : c->subtract ? cur - n : n;
      present = true;
      not_number = false;
    }
    if (present && !not_number) {
      const double n = cur;
      const std::string name = g.spec->name;
      if (name == "percent" && (n < 0 || n > 100)) {
        error = message(N_("percent would become {n}, outside 0 to 100"),
                        {plan_text("n", fmt::format("{}", n))});
        return false;
      }
      if (name == "actual" && n < 0) {
        error = message(N_("actual would become {n}, which is negative"),
                        {plan_text("n", fmt::format("{}", n))});
        return false;
      }
      if (name == "weight" && !(n > 0)) {
        error = message(N_("weight would become {n}, which is not above 0"),
                        {plan_text("n", fmt::format("{}", n))});
        return false;
      }
      g.scalar = fmt::format("{}", n);
    } else if (present) {
      g.scalar = old->value;
    }
  } else {
    for (const FieldChange* c : g.changes) {
      present = !c->unset;
      g.scalar = c->value;
    }
  }
  g.present = present;
  if (!present) {
    g.changed = g.old != nullptr;
    g.after = std::nullopt;
    return true;
  }
  if (is_list(t)) {
    bool same = old && old->is_sequence() && old->children.size() == g.list.size();
    for (std::size_t i = 0; same && i < g.list.size(); ++i)
      same = old->children[i].value == g.list[i];
    g.changed = !same;
    g.after = show_list(g.list, t);
  } else {
    g.changed = !(old && old->is_scalar() && old->value == g.scalar);
    g.after = show_scalar(g.scalar, t);
  }
  return true;
}

YamlNode scalar_node(const std::string& value, const std::string& written) {
  YamlNode n;
  n.kind = YamlNode::Kind::scalar;
  n.value = value;
  n.plain = written.empty() || (written.front() != '"' && written.front() != '\'');
  return n;
}

// The value node a group's edit must read back as.
YamlNode value_node(const Group& g) {
  if (!is_list(g.spec->type)) return scalar_node(g.scalar, g.written);
  YamlNode seq;
  seq.kind = YamlNode::Kind::sequence;
  for (std::size_t i = 0; i < g.list.size(); ++i)
    seq.children.push_back(g.kept_from[i] != std::string::npos
                               ? g.old->children[g.kept_from[i]]
                               : scalar_node(g.list[i], g.written_items[i]));
  return seq;
}

// Inserts a pair into `map` where a new field's text goes: after its own last pair that
// is not `activities` (or after every own pair), after pairs inserted there before.
void insert_pair(YamlNode& map, std::size_t& next, YamlNode key_node, YamlNode value) {
  if (next == std::string::npos) {
    const PairFilter include = fields_filter(map);
    next = 0;
    for (std::size_t j = 0; j < map.pair_count(); ++j)
      if (!map.key(j).merged && (!include || include(j))) next = 2 * j + 2;
  }
  const auto at = map.children.begin() + static_cast<std::ptrdiff_t>(next);
  map.children.insert(map.children.insert(at, std::move(value)), std::move(key_node));
  next += 2;
}

// The tree the edited text must read back as: the old one with only the edited fields
// changed, added or removed.
YamlNode expected_tree(const YamlNode& root, const ItemWay& item,
                       const std::vector<Group*>& groups) {
  YamlNode expected = root;
  for (const Group* g : groups)
    if (!g->parent_missing && g->present && g->old)
      at_path(expected, g->map_path).children[g->index] = value_node(*g);
  std::map<std::vector<std::size_t>, std::size_t> next;
  const auto slot = [&](const std::vector<std::size_t>& p) -> std::size_t& {
    return next.emplace(p, std::string::npos).first->second;
  };
  for (const Group* g : groups)
    if (!g->parent_missing && g->present && !g->old)
      insert_pair(at_path(expected, g->map_path), slot(g->map_path), scalar_node(g->spec->key, ""),
                  value_node(*g));
  std::vector<std::string> parents;
  for (const Group* g : groups)
    if (g->parent_missing && g->present &&
        std::find(parents.begin(), parents.end(), g->spec->parent) == parents.end())
      parents.push_back(g->spec->parent);
  for (const std::string& parent : parents) {
    YamlNode map;
    map.kind = YamlNode::Kind::mapping;
    for (const Group* g : groups)
      if (g->parent_missing && g->present && g->spec->parent == parent) {
        map.children.push_back(scalar_node(g->spec->key, ""));
        map.children.push_back(value_node(*g));
      }
    insert_pair(at_path(expected, item.path), slot(item.path), scalar_node(parent, ""),
                std::move(map));
  }
  for (const Group* g : groups)
    if (!g->parent_missing && !g->present && g->old) {
      YamlNode& map = at_path(expected, g->map_path);
      for (std::size_t j = 0; j < map.pair_count(); ++j)
        if (!map.key(j).merged && map.key(j).value == g->spec->key) {
          const auto at = map.children.begin() + static_cast<std::ptrdiff_t>(2 * j);
          map.children.erase(at, at + 2);
          break;
        }
    }
  return expected;
}

}  // namespace

std::vector<std::string> settable_fields(const std::string& kind) {
  std::vector<std::string> v;
  for (const Spec& s : specs_of(kind)) v.push_back(s.name);
  return v;
}

std::optional<FieldChange> parse_change(const std::string& arg, Message& error) {
  FieldChange c;
  const std::size_t eq = arg.find('=');
  if (!arg.empty() && arg[0] == '+' && eq == std::string::npos) {
    c.field = "actual";
    c.value = arg.substr(1);
    c.add = true;
  } else if (eq != std::string::npos && eq > 0) {
    c.add = arg[eq - 1] == '+';
    c.subtract = arg[eq - 1] == '-';
    c.field = arg.substr(0, c.add || c.subtract ? eq - 1 : eq);
    c.value = arg.substr(eq + 1);
    c.unset = !c.add && !c.subtract && c.value.empty();
  } else {
    error = message(N_("'{change}' is not FIELD=VALUE (e.g. status=done), FIELD+=N, FIELD-=N, "
                       "FIELD= (removes it) or +N"),
                    {plan_text("change", arg)});
    return std::nullopt;
  }
  const Spec* spec = any_spec(c.field);
  if (!spec) {
    error = not_a_field(N_("'{field}' cannot be set; the fields are {fields}{hint}"), c.field);
    return std::nullopt;
  }
  if ((c.add || c.subtract) && !is_numeric(spec->type) && !is_list(spec->type)) {
    error = message(N_("only numbers and lists can be added to or taken from, not '{field}'"),
                    {plan_text("field", c.field)});
    return std::nullopt;
  }
  return c;
}

std::optional<FieldChange> parse_unset(const std::string& field, Message& error) {
  if (!any_spec(field)) {
    error = not_a_field(N_("'{field}' cannot be removed; the fields are {fields}{hint}"), field);
    return std::nullopt;
  }
  FieldChange c;
  c.field = field;
  c.unset = true;
  return c;
}

Message validate_change(const FieldChange& c) {
  const Spec* spec = any_spec(c.field);
  if (!spec) return message(N_("'{field}' cannot be set"), {plan_text("field", c.field)});
  if (c.unset) return {};
  const std::optional<double> number = parse_number(c.value);
  const double n = number.value_or(0);
  const MessageArg field = plan_text("field", c.field), value = plan_text("value", c.value);
  switch (spec->type) {
    case Type::text:
      return check_text(c.field, c.value);
    case Type::ids:
    case Type::texts:
      for (const std::string& item : split_list(c.value)) {
        if (item.empty())
          return message(
              N_("'{value}' has an empty item: write the {field} separated by commas, "
                 "e.g. {example}"),
              {value, field, plan_text("example", spec->type == Type::ids ? "T1,T4" : "a,b")});
        if (Message why = check_text(c.field, item); !why.empty()) return why;
      }
      return {};
    case Type::date:
      if (Date d = parse_date(c.value); !d.valid)
        return message(N_("{what} is {why}"),
                       {plan_text("what", c.field), nested("why", bad_date_reason(d))});
      return {};
    case Type::range:
      if (!is_range(c.value))
        return message(N_("planned '{value}' is not a number or a range like 5-6"), {value});
      return {};
    case Type::status:
    case Type::plan_status:
      // The plan's draft and final are a status too; apply_changes checks the item's kind.
      if (!parse_status(c.value) && c.value != "draft" && c.value != "final")
        return not_a_status(c.value);
      return {};
    case Type::mapping:
      if (c.field == "measure" || c.field == "period")
        return message(N_("'{field}' is removed whole (--unset {field}) or changed a field at a "
                          "time ({fields})"),
                       {field, plan_text("fields", c.field == "measure" ? "unit=, planned=, actual="
                                                                        : "start=, end=")});
      return message(
          N_("'{field}' is removed whole (--unset {field}) or changed a field at a time"), {field});
    case Type::number:
    case Type::whole:
      break;
  }
  if (!number) return message(N_("{field} '{value}' is not a number"), {field, value});
  if (c.add || c.subtract) return {};
  if (c.field == "percent" && (n < 0 || n > 100))
    return message(N_("percent {value} is not from 0 to 100"), {value});
  if (c.field == "weight" && !(n > 0)) return message(N_("weight {value} is not above 0"), {value});
  if (c.field == "actual" && n < 0) return message(N_("actual {value} is negative"), {value});
  if (spec->type == Type::whole && (n != static_cast<double>(static_cast<long long>(n)) || n < 1))
    return message(N_("{field} '{value}' is not a whole number of days"), {field, value});
  return {};
}

std::string item_kind_in(const YamlNode& root, const std::string& id) {
  return find_item(root, id).kind;
}

std::optional<std::string> apply_changes(const std::string& text, const YamlNode& root,
                                         const std::string& id,
                                         const std::vector<FieldChange>& changes, Message& error,
                                         const std::string& path,
                                         std::vector<FieldResult>* results) {
  const ItemWay item = find_item(root, id);
  if (item.kind.empty()) {
    error = ascii_lower(id) == kPlanMetaId
                ? message(N_("this file has no 'plan:' block"))
                : message(N_("no item '{id}' in this file"), {plan_text("id", id)});
    return std::nullopt;
  }
  const Message who = item_words(item, id);
  std::vector<Group> groups;
  for (const FieldChange& c : changes) {
    const Spec* spec = spec_for(item.kind, c.field);
    if (!spec) {
      if (c.field == "id")
        error = message(N_("an id is changed with plan rename, which changes every reference to "
                           "it too: plan rename {id} NEW"),
                        {plan_text("id", id)});
      else
        error =
            message(N_("{who} has no field '{field}'; its fields are {fields}{hint}"),
                    {nested("who", who), plan_text("field", c.field),
                     nested("fields", quoted_or(settable_fields(item.kind))),
                     nested("hint", did_you_mean_message(c.field, settable_fields(item.kind)))});
      return std::nullopt;
    }
    if (spec->type == Type::plan_status && !c.unset && c.value != "draft" && c.value != "final") {
      error = message(N_("the plan's status '{status}' is not 'draft' or 'final'{hint}"),
                      {plan_text("status", c.value),
                       nested("hint", did_you_mean_message(c.value, {"draft", "final"}))});
      return std::nullopt;
    }
    if (spec->type == Type::status && !c.unset && !parse_status(c.value)) {
      error = not_a_status(c.value);
      return std::nullopt;
    }
    auto g =
        std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.spec == spec; });
    if (g == groups.end()) {
      groups.push_back({});
      groups.back().spec = spec;
      g = groups.end() - 1;
    }
    g->changes.push_back(&c);
  }
  for (Group& g : groups)
    if (!locate(text, root, item, who, path, g, error) || !fold(g, who, error)) return std::nullopt;
  // A measure is made only with its planned amount: without it, it would be an error.
  const auto sets = [&](const char* name) {
    return std::any_of(groups.begin(), groups.end(), [&](const Group& g) {
      return g.present && std::string(g.spec->name) == name;
    });
  };
  for (const Group& g : groups)
    if (g.parent_missing && g.present && std::string(g.spec->parent) == "measure" &&
        !sets("planned")) {
      error = message(N_("{who} has no measure to count in; give it one with planned=N (a number "
                         "or a range like 5-6), or set 'percent' instead"),
                      {nested("who", who)});
      return std::nullopt;
    }
  // A parent removed whole cannot have a field changed in the same edit.
  for (const Group& g : groups)
    if (g.spec->type == Type::mapping && !g.present)
      for (const Group& o : groups)
        if (*o.spec->parent && o.spec->parent == std::string(g.spec->key)) {
          error = message(N_("'{field}' is removed and '{other}' in it changed in one edit"),
                          {plan_text("field", g.spec->name), plan_text("other", o.spec->name)});
          return std::nullopt;
        }

  // Removing every field a mapping has would leave it empty, which YAML reads as null, not
  // as an empty mapping: refused with the reason rather than as a failed read-back.
  for (const Group& g : groups) {
    if (g.present || !g.old || !g.map || !g.map->is_mapping()) continue;
    std::size_t own = 0, removed = 0;
    for (std::size_t i = 0; i < g.map->pair_count(); ++i) {
      if (g.map->key(i).merged) continue;
      ++own;
      for (const Group& o : groups)
        if (o.map == g.map && o.old && !o.present && o.index == 2 * i + 1) ++removed;
    }
    const bool added = std::any_of(groups.begin(), groups.end(), [&](const Group& o) {
      return o.map == g.map && o.present && !o.old;
    });
    if (own > 0 && removed == own && !added) {
      error = message(N_("removing '{field}' would leave {who} with no field at all (YAML would "
                         "read it as nothing); remove the whole block by hand, or set another "
                         "field in the same edit"),
                      {plan_text("field", g.spec->name), nested("who", who)});
      return std::nullopt;
    }
  }

  std::vector<Group*> edited;
  for (Group& g : groups)
    if (g.changed) edited.push_back(&g);
  std::string out = text;
  bool ok = edited.empty();
  // The edit must read back as the same tree with only those fields changed, to exactly
  // those values. If the old quoting style cannot say it, double quotes can.
  for (const bool force_double : {false, true}) {
    if (ok) break;
    const std::optional<std::string> candidate =
        edited_text(text, root, item, edited, force_double, who, error);
    if (!candidate) return std::nullopt;
    Diagnostics ignored;
    if (auto again = parse_yaml(*candidate, 1, ignored);
        again && same_tree(*again, expected_tree(root, item, edited))) {
      out = *candidate;
      ok = true;
    }
  }
  if (!ok) {
    error = message(N_("the edit of {who} would not read back as exactly the values given (a "
                       "bug: please report it with the file)"),
                    {nested("who", who)});
    return std::nullopt;
  }
  if (results)
    for (const Group& g : groups) results->push_back({g.spec->name, g.before, g.after});
  return out;
}

Message result_message(const std::string& id, const FieldResult& r, const std::string& path) {
  const auto value = [](const char* name, const std::optional<std::string>& v) {
    return v ? plan_text(name, *v) : nested(name, message(N_("(not set)")));
  };
  std::vector<MessageArg> args{plan_text("id", id), plan_text("field", r.field),
                               value("was", r.before), plan_text("file", path)};
  if (r.before == r.after) return message(N_("{id}: {field} {was} (unchanged) ({file})"), args);
  args.push_back(value("now", r.after));
  return message(N_("{id}: {field} {was} → {now} ({file})"), std::move(args));
}

}  // namespace plan
