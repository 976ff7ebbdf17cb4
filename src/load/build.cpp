#include "load/build.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "load/yaml_fields.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace plan {

const std::vector<std::string>& top_level_keys() {
  static const std::vector<std::string> k{"plan", "goals", "targets", "sections"};
  return k;
}
const std::vector<std::string>& meta_keys() {
  static const std::vector<std::string> k{"id",       "title",    "organization",
                                          "language", "period",   "published",
                                          "status",   "contacts", "stale_after"};
  return k;
}
const std::vector<std::string>& goal_keys() {
  static const std::vector<std::string> k{"id", "title", "description"};
  return k;
}
const std::vector<std::string>& target_keys() {
  static const std::vector<std::string> k{"id",    "title",    "goals",
                                          "owner", "partners", "description"};
  return k;
}
const std::vector<std::string>& section_keys() {
  static const std::vector<std::string> k{"id", "title", "activities"};
  return k;
}
const std::vector<std::string>& activity_keys() {
  static const std::vector<std::string> k{"id",       "title", "targets",   "status",  "owner",
                                          "partners", "due",   "start",     "measure", "percent",
                                          "weight",   "notes", "activities"};
  return k;
}
const std::vector<std::string>& measure_keys() {
  static const std::vector<std::string> k{"unit", "planned", "actual"};
  return k;
}
static const std::vector<std::string>& period_keys() {
  static const std::vector<std::string> k{"start", "end"};
  return k;
}

namespace {

// Numbers are bounded so that every sum, ratio and percentage stays finite and sensible.
constexpr double kMaxWeight = 1e6;
constexpr double kMaxCount = 1e12;    // planned and actual amounts
constexpr int kMaxStaleAfter = 3650;  // days: ten years

// Numbers as people write them: 5, 2.5, not 5.000000.
std::string num(double v) {
  return fmt::format("{}", v);
}

// A BCP 47 language tag, the shapes that matter here: a primary language of 2-8 letters,
// then subtags of 1-8 letters or digits ("he", "en-GB", "zh-Hant-TW", "sr-Latn").
bool is_language_tag(const std::string& s) {
  if (s.empty() || s.size() > 35) return false;
  std::size_t start = 0;
  for (std::size_t part = 0;; ++part) {
    std::size_t end = s.find('-', start);
    if (end == std::string::npos) end = s.size();
    const std::size_t len = end - start;
    if (len < (part == 0 ? 2 : 1) || len > 8) return false;
    for (std::size_t i = start; i < end; ++i) {
      const char c = s[i];
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!(letter || (part > 0 && c >= '0' && c <= '9'))) return false;
    }
    if (end == s.size()) return true;
    start = end + 1;
  }
}

// The plan format over the typed readers: one file's tree → goals, targets, sections.
class FileBuilder : private FieldReader {
 public:
  FileBuilder(std::uint32_t file, Plan& plan, Diagnostics& diags)
      : FieldReader(file, diags), plan_(plan) {}

  void build(const YamlNode& root) {
    if (!root.is_mapping()) {
      error("wrong-type", root,
            message(N_("the top level of a plan file should be a mapping with keys {keys}, not "
                       "{what}"),
                    {nested("keys", quoted_keys(top_level_keys())),
                     nested("what", description(root))}));
      return;
    }
    auto fields = collect(root, top_level_keys(), message(N_("at the top level")));
    for (std::size_t i = 0; i < root.pair_count(); ++i) {
      const YamlNode& key = root.key(i);
      const YamlNode& value = root.value_at(i);
      if (!key.is_scalar() || fields.count(key.value) == 0 || fields[key.value].key != &key)
        continue;
      if (key.value == "plan") read_meta(key, value);
      if (key.value == "goals")
        read_list(value, Kind::goal, [&](const YamlNode& n) { read_goal(n); });
      if (key.value == "targets")
        read_list(value, Kind::target, [&](const YamlNode& n) { read_target(n); });
      if (key.value == "sections")
        read_list(value, Kind::section, [&](const YamlNode& n) { read_section(n); });
    }
  }

 private:
  // The id written in an item's mapping, if any, so messages can name the item early.
  static Located<std::string> peek_id(const YamlNode& map) {
    Located<std::string> id;
    for (std::size_t i = 0; i < map.pair_count(); ++i)
      if (map.key(i).is_scalar() && map.key(i).value == "id" && map.value_at(i).is_scalar()) {
        id.value = map.value_at(i).value;
        id.loc = {0, 1, 1};
        break;
      }
    return id;
  }

  // The items of a plan file. Each message below is a whole sentence per kind, so that a
  // translation can word (and inflect) each as its language needs.
  enum class Kind { goal, target, section, activity };

  template <class Fn>
  void read_list(const YamlNode& value, Kind kind, Fn&& each) {
    if (value.is_null()) return;
    if (!value.is_sequence()) {
      static const char* const texts[] = {
          N_("'goals' should be a list of goals (items starting with '- '), not {what}"),
          N_("'targets' should be a list of targets (items starting with '- '), not {what}"),
          N_("'sections' should be a list of sections (items starting with '- '), not {what}"),
          N_("'activities' should be a list of activities (items starting with '- '), not "
             "{what}")};
      error("wrong-type", value,
            message(texts[static_cast<int>(kind)], {nested("what", description(value))}));
      return;
    }
    static const char* const each_texts[] = {
        N_("each goal should be a mapping with at least 'id' and 'title', not {what}"),
        N_("each target should be a mapping with at least 'id' and 'title', not {what}"),
        N_("each section should be a mapping with at least 'id' and 'title', not {what}"),
        N_("each activity should be a mapping with at least 'id' and 'title', not {what}")};
    for (const YamlNode& n : value.children) {
      if (!n.is_mapping()) {
        error("wrong-type", n,
              message(each_texts[static_cast<int>(kind)], {nested("what", description(n))}));
        continue;
      }
      each(n);
    }
  }

  // "activity 'general.1'", or "an activity with no id".
  static Message name(Kind kind, const Located<std::string>& id) {
    static const char* const named[] = {N_("goal '{id}'"), N_("target '{id}'"),
                                        N_("section '{id}'"), N_("activity '{id}'")};
    static const char* const unnamed[] = {N_("a goal with no id"), N_("a target with no id"),
                                          N_("a section with no id"), N_("an activity with no id")};
    const auto k = static_cast<int>(kind);
    if (!id.value.empty()) return message(named[k], {plan_text("id", id.value)});
    return message(unnamed[k]);
  }

  // Where a key of an item is: "in activity 'general.1'", or "in an activity with no id".
  static Message inside(Kind kind, const Located<std::string>& id) {
    static const char* const named[] = {N_("in goal '{id}'"), N_("in target '{id}'"),
                                        N_("in section '{id}'"), N_("in activity '{id}'")};
    static const char* const unnamed[] = {N_("in a goal with no id"), N_("in a target with no id"),
                                          N_("in a section with no id"),
                                          N_("in an activity with no id")};
    const auto k = static_cast<int>(kind);
    if (!id.value.empty()) return message(named[k], {plan_text("id", id.value)});
    return message(unnamed[k]);
  }

  // The kind itself, as "'id' of goal" reads before the item has an id.
  static Message kind_word(Kind kind) {
    static const char* const words[] = {N_("goal"), N_("target"), N_("section"), N_("activity")};
    return message(words[static_cast<int>(kind)]);
  }

  // id and title are required of every goal, target, section and activity.
  void identity(const YamlNode& map, const Fields& f, Kind kind, Located<std::string>& id,
                Located<std::string>& title) {
    text(f, "id", kind_word(kind), id);
    const Message owner = name(kind, id);
    text(f, "title", owner, title);
    // A value of the wrong type was reported already; "missing" would say it twice.
    auto absent = [&](const char* key) {
      auto it = f.find(key);
      if (it != f.end()) return it->second.value->is_null();
      // A misspelt key ('titel') was reported with "did you mean"; do not say it twice.
      for (std::size_t i = 0; i < map.pair_count(); ++i)
        if (map.key(i).is_scalar() && map.key(i).value != key &&
            closest_match(map.key(i).value, {key}) == key)
          return false;
      return true;
    };
    if (absent("id")) {
      static const char* const titled[] = {
          N_("the goal titled '{title}'"), N_("the target titled '{title}'"),
          N_("the section titled '{title}'"), N_("the activity titled '{title}'")};
      static const char* const untitled[] = {N_("this goal"), N_("this target"), N_("this section"),
                                             N_("this activity")};
      const auto k = static_cast<int>(kind);
      Message which = title.given() ? message(titled[k], {plan_text("title", title.value)})
                                    : message(untitled[k]);
      error("missing-field", map,
            message(N_("{item} has no id; add 'id: …' (an ASCII letter, then letters, digits, "
                       "'.', '_' or '-')"),
                    {nested("item", std::move(which))}));
    }
    if (absent("title"))
      error("missing-field", map,
            message(N_("{item} has no title; add 'title: …'"), {nested("item", owner)}));
  }

  void read_meta(const YamlNode& key, const YamlNode& value) {
    Meta m;
    m.loc = at(key);
    if (!value.is_mapping()) {
      error(
          "wrong-type", value.is_null() ? key : value,
          message(N_("'plan' should be a mapping of the plan's metadata ({keys}), not {what}"),
                  {nested("keys", quoted_keys(meta_keys())), nested("what", description(value))}));
      plan_.metas.push_back(std::move(m));
      return;
    }
    Fields f = collect(value, meta_keys(), message(N_("in 'plan'")));
    const Message owner = message(N_("the plan"));
    text(f, "id", owner, m.id);
    text(f, "title", owner, m.title);
    text(f, "organization", owner, m.organization);
    if (text(f, "language", owner, m.language) && !is_language_tag(m.language.value)) {
      // Never kept: the language names files (labels) and goes into the HTML.
      std::string fixed = m.language.value;
      std::replace(fixed.begin(), fixed.end(), '_', '-');
      const bool hint = fixed != m.language.value && is_language_tag(fixed);
      error_at("bad-language", m.language.loc,
               message(N_("the plan's language '{language}' is not a language tag (BCP 47) like "
                          "'he', 'en' or 'en-GB'{hint}"),
                       {plan_text("language", m.language.value.size() > 40
                                                  ? m.language.value.substr(0, 37) + "..."
                                                  : m.language.value),
                        nested("hint", hint ? did_you_mean_message(fixed) : Message{})}));
      m.language = {};
    }
    text(f, "status", owner, m.status);
    date(f, "published", owner, m.published);
    read_stale_after(f, owner, m.stale_after);
    if (f.find("title") == f.end() || f.at("title").value->is_null())
      error("missing-field", key,
            message(N_("the plan has no title; add 'title: …' under 'plan:'")));
    if (auto it = f.find("period"); it != f.end() && !it->second.value->is_null()) {
      const YamlNode& p = *it->second.value;
      if (!p.is_mapping()) {
        error("wrong-type", p,
              message(N_("'period' of the plan should be a mapping like {{start: 2009-01-01, end: "
                         "2009-12-31}}, not {what}"),
                      {nested("what", description(p))}));
      } else {
        Fields pf = collect(p, period_keys(), message(N_("in 'period'")));
        const Message period = message(N_("the plan's period"));
        date(pf, "start", period, m.start);
        date(pf, "end", period, m.end);
      }
    }
    if (auto it = f.find("contacts"); it != f.end() && !it->second.value->is_null())
      contacts(*it->second.value, "", m.contacts);
    plan_.metas.push_back(std::move(m));
  }

  void contacts(const YamlNode& v, const std::string& prefix,
                std::vector<std::pair<std::string, std::string>>& out) {
    if (!v.is_mapping()) {
      error("wrong-type", v,
            message(N_("'{key}' should be a mapping of names to text, like {{phone: 03-6925418}}, "
                       "not {what}"),
                    {plan_text("key", prefix.empty() ? "contacts" : "contacts." + prefix),
                     nested("what", description(v))}));
      return;
    }
    for (std::size_t i = 0; i < v.pair_count(); ++i) {
      const YamlNode& k = v.key(i);
      const YamlNode& val = v.value_at(i);
      if (!k.is_scalar()) {
        error("wrong-type", k,
              message(N_("a key in 'contacts' should be text, not {what}"),
                      {nested("what", description(k))}));
        continue;
      }
      std::string full = prefix.empty() ? k.value : prefix + "." + k.value;
      if (val.is_mapping()) {
        contacts(val, full, out);
      } else if (val.is_scalar() || val.is_null()) {
        out.emplace_back(full, val.value);
      } else {
        error("wrong-type", val,
              message(N_("contact '{name}' should be text, not {what}"),
                      {plan_text("name", full), nested("what", description(val))}));
      }
    }
  }

  void read_goal(const YamlNode& map) {
    Goal g;
    g.loc = at(map);
    Fields f = collect(map, goal_keys(), inside(Kind::goal, peek_id(map)));
    identity(map, f, Kind::goal, g.id, g.title);
    text(f, "description", name(Kind::goal, g.id), g.description);
    plan_.goals.push_back(std::move(g));
  }

  void read_target(const YamlNode& map) {
    Target t;
    t.loc = at(map);
    Fields f = collect(map, target_keys(), inside(Kind::target, peek_id(map)));
    identity(map, f, Kind::target, t.id, t.title);
    const Message owner = name(Kind::target, t.id);
    refs(f, "goals", kind_word(Kind::goal), owner, t.goals);
    text(f, "owner", owner, t.owner);
    texts(f, "partners", owner, t.partners);
    text(f, "description", owner, t.description);
    plan_.targets.push_back(std::move(t));
  }

  void read_section(const YamlNode& map) {
    Section s;
    s.loc = at(map);
    Fields f = collect(map, section_keys(), inside(Kind::section, peek_id(map)));
    identity(map, f, Kind::section, s.id, s.title);
    if (auto it = f.find("activities"); it != f.end())
      read_list(*it->second.value, Kind::activity,
                [&](const YamlNode& n) { s.activities.push_back(read_activity(n)); });
    s.activities.shrink_to_fit();  // a large plan keeps no half-empty growth room
    plan_.sections.push_back(std::move(s));
  }

  Activity read_activity(const YamlNode& map) {
    Activity a;
    a.loc = at(map);
    Fields f = collect(map, activity_keys(), inside(Kind::activity, peek_id(map)));
    identity(map, f, Kind::activity, a.id, a.title);
    const Message owner = name(Kind::activity, a.id);
    refs(f, "targets", kind_word(Kind::target), owner, a.targets);
    Located<std::string> status;
    if (text(f, "status", owner, status)) {
      a.status_text = status.value;
      a.status.value = parse_status(status.value).value_or(Status::unknown);
      a.status.loc = status.loc;
    }
    text(f, "owner", owner, a.owner);
    text(f, "notes", owner, a.notes);
    texts(f, "partners", owner, a.partners);
    date(f, "due", owner, a.due);
    date(f, "start", owner, a.start);
    read_percent(f, owner, a.percent);
    read_weight(f, owner, a.weight);
    if (auto it = f.find("measure"); it != f.end() && !it->second.value->is_null())
      a.measure = read_measure(*it->second.key, *it->second.value, owner);
    if (auto it = f.find("activities"); it != f.end())
      read_list(*it->second.value, Kind::activity,
                [&](const YamlNode& n) { a.activities.push_back(read_activity(n)); });
    a.activities.shrink_to_fit();
    return a;
  }

  // A percentage from 0 to 100; one outside is reported and not kept.
  void read_percent(const Fields& f, const Message& owner, Located<double>& out) {
    if (number(f, "percent", owner, out, message(N_("a number from 0 to 100"))) &&
        !(out.value >= 0 && out.value <= 100)) {
      error_at("bad-percent", out.loc,
               message(N_("'percent' of {owner} is {value}; it must be from 0 to 100"),
                       {nested("owner", owner), plan_text("value", num(out.value))}));
      out = {};
    }
  }

  // Whole days from 1 to kMaxStaleAfter; not kept otherwise (`bad-stale-after`).
  void read_stale_after(const Fields& f, const Message& owner, Located<int>& out) {
    Located<double> days;
    if (!number(f, "stale_after", owner, days,
                message(N_("a number (whole days from 1 to {max})"),
                        {arg("max", static_cast<unsigned long long>(kMaxStaleAfter))})))
      return;
    if (days.value >= 1 && days.value <= kMaxStaleAfter && days.value == std::floor(days.value)) {
      out.value = static_cast<int>(days.value);
      out.loc = days.loc;
      return;
    }
    error_at("bad-stale-after", days.loc,
             message(N_("'stale_after' of {owner} is {value}; it is a whole number of days from 1 "
                        "to {max} (the default is 30)"),
                     {nested("owner", owner), plan_text("value", num(days.value)),
                      arg("max", static_cast<unsigned long long>(kMaxStaleAfter))}));
  }

  // A weight above 0 and at most kMaxWeight; 1 when not given (or not kept).
  void read_weight(const Fields& f, const Message& owner, Located<double>& out) {
    if (number(f, "weight", owner, out, message(N_("a number above 0 (the default is 1)"))) &&
        !(out.value > 0 && out.value <= kMaxWeight)) {
      error_at("bad-weight", out.loc,
               out.value > 0
                   ? message(N_("'weight' of {owner} is {value}; a weight is at most {max} "
                                "(weights compare activities with each other; the default is 1)"),
                             {nested("owner", owner), plan_text("value", num(out.value)),
                              arg("max", num(kMaxWeight))})
                   : message(N_("'weight' of {owner} is {value}; a weight must be above 0 (the "
                                "default is 1)"),
                             {nested("owner", owner), plan_text("value", num(out.value))}));
      out = {};
    }
    if (!out.given()) out.value = 1.0;
  }

  std::optional<Measure> read_measure(const YamlNode& key, const YamlNode& v,
                                      const Message& owner) {
    if (!v.is_mapping()) {
      error("wrong-type", v,
            message(N_("'measure' of {owner} should be a mapping like {{unit: meetings, planned: "
                       "5-6, actual: 0}}, not {what}"),
                    {nested("owner", owner), nested("what", description(v))}));
      return std::nullopt;
    }
    Measure m;
    m.loc = at(key);
    Fields f = collect(v, measure_keys(),
                       message(N_("in the measure of {owner}"), {nested("owner", owner)}));
    const Message mowner = message(N_("the measure of {owner}"), {nested("owner", owner)});
    text(f, "unit", mowner, m.unit);
    if (number(f, "actual", mowner, m.actual,
               message(N_("a number (how many so far; 0 if none)"))) &&
        m.actual.value < 0) {
      error_at("negative-actual", m.actual.loc,
               message(N_("the actual count of {owner} is {value}; counts cannot be negative "
                          "(write 0 if nothing is done yet)"),
                       {nested("owner", owner), plan_text("value", num(m.actual.value))}));
      m.actual = {};
    } else if (m.actual.given() && m.actual.value > kMaxCount) {
      error_at("bad-actual", m.actual.loc,
               message(N_("the actual count of {owner} is {value}; a count is at most {max}"),
                       {nested("owner", owner), plan_text("value", num(m.actual.value)),
                        arg("max", num(kMaxCount))}));
      m.actual = {};
    }
    auto it = f.find("planned");
    if (it == f.end() || it->second.value->is_null()) {
      error("missing-field", it == f.end() ? v : *it->second.key,
            message(N_("{item} has no 'planned' amount; add 'planned: 5' or a range 'planned: "
                       "5-6'"),
                    {nested("item", mowner)}));
      return std::nullopt;
    }
    const YamlNode& p = *it->second.value;
    if (!range(p, m.planned.value)) {
      error("wrong-type", p,
            message(N_("'planned' of {owner} should be a number or a range like 5-6, not {what}"),
                    {nested("owner", mowner), nested("what", description(p))}));
      return std::nullopt;
    }
    m.planned.loc = at(p);
    const Range& r = m.planned.value;
    for (double end : {r.low, r.high}) {
      if (end > 0 && end <= kMaxCount) continue;
      error_at("bad-range", m.planned.loc,
               end <= 0 ? message(N_("the planned amount of {owner} must be above 0 (it is "
                                     "{value}); for work with no count, use 'percent'"),
                                  {nested("owner", owner), plan_text("value", num(end))})
                        : message(N_("the planned amount of {owner} is {value}; a count is at "
                                     "most {max}"),
                                  {nested("owner", owner), plan_text("value", num(end)),
                                   arg("max", num(kMaxCount))}));
      return std::nullopt;
    }
    return m;
  }

  // 5, "5-6" (also with an en dash or spaces), or [5, 6].
  static bool range(const YamlNode& p, Range& out) {
    if (const std::optional<double> n = plain_number(p)) {
      out = {*n, *n};
      return true;
    }
    if (p.is_sequence() && p.children.size() == 2) {
      const std::optional<double> lo = plain_number(p.children[0]);
      const std::optional<double> hi = plain_number(p.children[1]);
      if (lo && hi) {
        out = {*lo, *hi};
        return true;
      }
    }
    if (!p.is_scalar()) return false;
    std::string s = p.value;
    for (const char* dash : {"\xE2\x80\x93", "\xE2\x80\x94"})  // – and —
      for (std::size_t at = s.find(dash); at != std::string::npos; at = s.find(dash))
        s.replace(at, 3, "-");
    std::size_t sep = s.find('-', 1);  // not a leading minus sign
    if (sep == std::string::npos) return false;
    auto trim = [](std::string x) {
      x.erase(0, x.find_first_not_of(' '));
      x.erase(x.find_last_not_of(' ') + 1);
      return x;
    };
    const std::optional<double> lo = parse_number(trim(s.substr(0, sep)));
    const std::optional<double> hi = parse_number(trim(s.substr(sep + 1)));
    if (!lo || !hi) return false;
    out = {*lo, *hi};
    return true;
  }

  Plan& plan_;
};

}  // namespace

void build_from_tree(const YamlNode& root, std::uint32_t file, Plan& plan, Diagnostics& diags) {
  FileBuilder(file, plan, diags).build(root);
}

bool language_tag(const std::string& s) {
  return is_language_tag(s);
}

}  // namespace plan
