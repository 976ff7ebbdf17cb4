// `plan add goal|target|activity|section`: a new item written after the last of its list,
// in its file's own style, with the id its neighbours' pattern gives; the whole plan
// checked with it before the file is written (run_edit). In a terminal, without field
// options, a short dialogue asks for the fields.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "check/wording.hpp"
#include "cli/command.hpp"
#include "cli/edit_transaction.hpp"
#include "cli/i18n.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "edit/add_item.hpp"
#include "edit/next_id.hpp"
#include "model.hpp"
#include "util/date.hpp"
#include "util/number.hpp"
#include "util/text.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {

struct AddOptions {
  std::string kind;
  std::string title_operand;
  std::string id, title, description, section, parent, targets, goals, owner, partners, start, due,
      measure, status, weight, percent, notes;
  bool targets_given = false;  // `--targets ''`: an empty list, not the parent's targets
  bool dry_run = false;
};

// Each field's option, and the kinds of item that have it (g t s a).
struct FieldOption {
  const char* name;
  std::string AddOptions::*member;
  const char* kinds;
  const char* value;
  const char* help;
};
const FieldOption kFields[] = {
    {"--id", &AddOptions::id, "gtsa", "ID",
     N_("The id (default: the next in its neighbours' pattern)")},
    {"--title", &AddOptions::title, "gtsa", "TEXT", N_("The title")},
    {"--description", &AddOptions::description, "gt", "TEXT",
     N_("A goal's or target's description")},
    {"--section", &AddOptions::section, "a", "ID", N_("The section an activity goes in")},
    {"--parent", &AddOptions::parent, "a", "ID",
     N_("The activity (or section) a sub-activity goes under")},
    {"--goals", &AddOptions::goals, "t", "G1,G2", N_("The goals a target serves")},
    {"--targets", &AddOptions::targets, "a", "T1,T4",
     N_("The targets an activity serves ('' for none)")},
    {"--owner", &AddOptions::owner, "ta", "TEXT", N_("Who is responsible")},
    {"--partners", &AddOptions::partners, "ta", "A,B", N_("Partners, separated by commas")},
    {"--status", &AddOptions::status, "a", "STATUS",
     N_("planned (default), in-progress, done, blocked or dropped")},
    {"--start", &AddOptions::start, "a", "DATE", N_("The start date, YYYY-MM-DD")},
    {"--due", &AddOptions::due, "a", "DATE", N_("The due date, YYYY-MM-DD")},
    {"--measure", &AddOptions::measure, "a", "'N[-M] UNIT'",
     N_("The planned count and its unit: '5-6 מפגשים'")},
    {"--percent", &AddOptions::percent, "a", "N", N_("A manual estimate, 0 to 100")},
    {"--weight", &AddOptions::weight, "a", "N",
     N_("How much it counts against its siblings (default 1)")},
    {"--notes", &AddOptions::notes, "a", "TEXT", N_("Notes")},
};

char kind_letter(const std::string& kind) {
  return kind == "goal" ? 'g' : kind == "target" ? 't' : kind == "section" ? 's' : 'a';
}

ItemKind kind_of(const std::string& kind) {
  const char k = kind_letter(kind);
  return k == 'g'   ? ItemKind::goal
         : k == 't' ? ItemKind::target
         : k == 's' ? ItemKind::section
                    : ItemKind::activity;
}

// One of four messages by the item's kind: a Hebrew sentence agrees with its kind's gender,
// which a kind word put into one sentence cannot do.
Message by_kind(const std::string& kind, const char* goal, const char* target, const char* section,
                const char* activity, std::vector<MessageArg> args = {}) {
  const char k = kind_letter(kind);
  return message(k == 'g'   ? goal
                 : k == 't' ? target
                 : k == 's' ? section
                            : activity,
                 std::move(args));
}

std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> items;
  if (trim(s).empty()) return items;
  for (std::size_t from = 0;;) {
    const std::size_t comma = s.find(',', from);
    items.push_back(
        trim(s.substr(from, comma == std::string::npos ? std::string::npos : comma - from)));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return items;
}

BlockNode scalar(const std::string& key, const std::string& value, bool text) {
  BlockNode n;
  n.key = key;
  n.value = value;
  n.text = text;
  return n;
}

BlockNode list(const std::string& key, const std::vector<std::string>& items) {
  BlockNode n;
  n.kind = BlockNode::Kind::list;
  n.key = key;
  for (const std::string& i : items) n.children.push_back(scalar("", i, true));
  return n;
}

// '5-6 מפגשים' → planned "5-6", unit "מפגשים": the count (a number or a range, with '-',
// an en or em dash) first, the unit after it.
bool split_measure(const std::string& m, std::string& planned, std::string& unit) {
  std::size_t i = 0;
  const std::string en = "\u2013", em = "\u2014";
  while (i < m.size()) {
    if ((m[i] >= '0' && m[i] <= '9') || m[i] == '.' || m[i] == '-' || m[i] == ' ')
      ++i;
    else if (m.compare(i, en.size(), en) == 0 || m.compare(i, em.size(), em) == 0)
      i += en.size();
    else
      break;
  }
  planned = trim(m.substr(0, i));
  unit = trim(m.substr(i));
  return !planned.empty() && planned[0] >= '0' && planned[0] <= '9';
}

// Why a value cannot be used, or no message: checked before the plan is read.
Message check_values(const AddOptions& o) {
  for (const FieldOption& f : kFields) {
    const std::string& v = o.*f.member;
    if (find_invalid_utf8(v) != std::string::npos)
      return message(N_("{option} is not valid UTF-8"), {plan_text("option", f.name)});
    if (v.find('\0') != std::string::npos)
      return message(N_("{option} holds a NUL character"), {plan_text("option", f.name)});
  }
  if (!o.id.empty() && (!valid_id(o.id) || o.id.size() > kMaxIdLength))
    return message(N_("'{id}' is not a valid id: an ASCII letter, then letters, digits, '.', '_' "
                      "or '-', at most {max} characters"),
                   {plan_text("id", visible(o.id)),
                    arg("max", static_cast<unsigned long long>(kMaxIdLength))});
  if (trim(o.title).empty()) return message(N_("the new item needs a title (--title TEXT)"));
  if (!o.status.empty() && !parse_status(o.status)) {
    std::vector<std::string> names;
    for (Status s : kStatuses) names.push_back(status_name(s));
    return message(
        N_("status '{status}' is not one of {statuses}{hint}"),
        {plan_text("status", visible(o.status)), nested("statuses", quoted_choices(names)),
         nested("hint", did_you_mean_message(o.status, names))});
  }
  for (const auto& [name, value] : {std::pair{"start", &o.start}, std::pair{"due", &o.due}})
    if (!value->empty())
      if (const Date d = parse_date(*value); !d.valid)
        return message(N_("{field} is {reason}"),
                       {plan_text("field", name), nested("reason", bad_date_reason(d))});
  if (!o.weight.empty()) {
    const auto n = parse_number(o.weight);
    if (!n || !(*n > 0) || *n > 1e6)
      return message(N_("weight '{value}' is not a number above 0 and at most 1,000,000"),
                     {plan_text("value", visible(o.weight))});
  }
  if (!o.percent.empty()) {
    const auto n = parse_number(o.percent);
    if (!n || *n < 0 || *n > 100)
      return message(N_("percent '{value}' is not a number from 0 to 100"),
                     {plan_text("value", visible(o.percent))});
  }
  std::string planned, unit;
  if (!o.measure.empty() && !split_measure(o.measure, planned, unit))
    return message(
        N_("measure '{value}' does not start with the planned count ('5-6 מפגשים', '12')"),
        {plan_text("value", visible(o.measure))});
  for (const std::string* ids : {&o.targets, &o.goals})
    for (const std::string& id : split_list(*ids))
      if (!valid_id(id)) return message(N_("'{id}' is not an id"), {plan_text("id", visible(id))});
  if (!o.section.empty() && !o.parent.empty())
    return message(N_("give --section or --parent, not both (--parent names the place already)"));
  return {};
}

std::string number_text(const std::string& v) {
  return fmt::format("{}", parse_number(v).value_or(0));
}

// The new item's fields, in the order of the format (docs/format.md §2).
BlockNode item_of(const AddOptions& o, const std::string& id) {
  BlockNode item;
  item.kind = BlockNode::Kind::mapping;
  auto& f = item.children;
  f.push_back(scalar("id", id, true));
  f.push_back(scalar("title", trim(o.title), true));
  const char k = kind_letter(o.kind);
  if (k == 't') {
    if (!o.goals.empty()) f.push_back(list("goals", split_list(o.goals)));
    if (!o.owner.empty()) f.push_back(scalar("owner", o.owner, true));
    if (!o.partners.empty()) f.push_back(list("partners", split_list(o.partners)));
  }
  if (k == 'a') {
    // `--targets ''` is written (an empty list: none, not the parent's).
    if (o.targets_given || !o.targets.empty()) f.push_back(list("targets", split_list(o.targets)));
    f.push_back(scalar("status", o.status.empty() ? "planned" : o.status, false));
    if (!o.owner.empty()) f.push_back(scalar("owner", o.owner, true));
    if (!o.partners.empty()) f.push_back(list("partners", split_list(o.partners)));
    if (!o.start.empty()) f.push_back(scalar("start", o.start, false));
    if (!o.due.empty()) f.push_back(scalar("due", o.due, false));
    if (!o.measure.empty()) {
      std::string planned, unit;
      split_measure(o.measure, planned, unit);
      BlockNode m;
      m.kind = BlockNode::Kind::mapping;
      m.key = "measure";
      if (!unit.empty()) m.children.push_back(scalar("unit", unit, true));
      const bool number = parse_number(planned).has_value();
      m.children.push_back(scalar("planned", number ? number_text(planned) : planned, false));
      m.children.push_back(scalar("actual", "0", false));
      f.push_back(m);
    }
    if (!o.percent.empty()) f.push_back(scalar("percent", number_text(o.percent), false));
    if (!o.weight.empty()) f.push_back(scalar("weight", number_text(o.weight), false));
    if (!o.notes.empty()) f.push_back(scalar("notes", o.notes, true));
  }
  if (k == 'g' || k == 't')
    if (!o.description.empty()) f.push_back(scalar("description", o.description, true));
  return item;
}

// Where the new item goes: the file, the list, its neighbours' ids and the id pattern's
// parent; or why it cannot go anywhere.
struct Place {
  std::string file;
  AddRequest request;
  std::vector<std::string> siblings;
  std::string pattern_parent, first;
  std::string kind_name;
};

template <class Items>
std::vector<std::string> ids_of(const Items& items) {
  std::vector<std::string> ids;
  for (const auto& i : items) ids.push_back(i.id.value);
  return ids;
}

Message place_of(const CheckedPlan& c, const AddOptions& o, Place& p) {
  const Plan& plan = c.load.plan;
  const char k = kind_letter(o.kind);
  p.kind_name = o.kind;
  // Goals, targets and sections: after the plan's last one of the kind, in its file; the
  // first of a kind goes in the file that holds the plan's metadata.
  const auto file_for = [&](const std::vector<std::string>& ids, std::uint32_t last_file) {
    p.siblings = ids;
    std::uint32_t file = last_file;
    if (ids.empty()) file = plan.meta() ? plan.meta()->loc.file : (plan.files.size() > 1 ? 1 : 0);
    p.file = file < plan.files.size() && file > 0 ? plan.files[file] : "";
  };
  if (k == 'g') {
    file_for(ids_of(plan.goals), plan.goals.empty() ? 0 : plan.goals.back().loc.file);
    p.request.list_key = "goals";
    p.first = "G";
  } else if (k == 't') {
    file_for(ids_of(plan.targets), plan.targets.empty() ? 0 : plan.targets.back().loc.file);
    p.request.list_key = "targets";
    p.first = "T";
  } else if (k == 's') {
    file_for(ids_of(plan.sections), plan.sections.empty() ? 0 : plan.sections.back().loc.file);
    p.request.list_key = "sections";
  } else {
    p.request.list_key = "activities";
    std::string where = !o.parent.empty() ? o.parent : o.section;
    if (where.empty()) {
      if (plan.sections.size() != 1)
        return message(
            N_("an activity goes in a section: give --section ({sections}) or --parent ID"),
            {nested("sections",
                    plan.sections.empty()
                        ? message(N_("the plan has none yet: plan add section"))
                        : message(N_("one of {choices}"),
                                  {nested("choices", quoted_choices(ids_of(plan.sections)))}))});
      where = plan.sections.front().id.value;
    }
    const ItemRef* r = c.index->find(where);
    std::vector<std::string> places = c.index->ids_of(ItemKind::section);
    if (!o.parent.empty())
      for (const std::string& a : c.index->ids_of(ItemKind::activity)) places.push_back(a);
    if (!r)
      return message(
          o.parent.empty() ? N_("there is no section '{id}'{hint}")
                           : N_("there is no section or activity '{id}'{hint}"),
          {plan_text("id", visible(where)), nested("hint", did_you_mean_message(where, places))});
    if (r->kind == ItemKind::section) {
      const Section& s = plan.sections[r->index];
      p.siblings = ids_of(s.activities);
      p.pattern_parent = s.id.value;
      p.file = plan.files[s.loc.file];
    } else if (r->kind == ItemKind::activity && !o.parent.empty()) {
      const Activity& a = *c.index->activities()[r->index].activity;
      p.siblings = ids_of(a.activities);
      p.pattern_parent = a.id.value;
      p.file = plan.files[a.loc.file];
    } else {
      return message(
          o.parent.empty()
              ? N_("'{id}' is {kind}; an activity goes in a section")
              : N_("'{id}' is {kind}; an activity goes in a section or under an activity"),
          {plan_text("id", visible(where)), nested("kind", kind_with_article(r->kind))});
    }
    p.request.parent_id = p.pattern_parent;
  }
  if (p.file.empty())
    return by_kind(o.kind, N_("the plan has no file to add the goal to"),
                   N_("the plan has no file to add the target to"),
                   N_("the plan has no file to add the section to"),
                   N_("the plan has no file to add the activity to"));
  return {};
}

// The new item's id: as given (free in the plan), or its neighbours' pattern continued.
Message id_for(const CheckedPlan& c, const AddOptions& o, const Place& p, std::string& id) {
  if (!o.id.empty()) {
    if (const ItemRef* r = c.index->find(o.id))
      return message(N_("the id '{id}' is taken by the {kind} '{other}'"),
                     {plan_text("id", o.id), nested("kind", kind_word(r->kind)),
                      plan_text("other", c.index->id_of(*r).value)});
    id = o.id;
    return {};
  }
  id = next_id(p.siblings, p.pattern_parent, p.first,
               [&c](const std::string& s) { return c.index->find(s) != nullptr; });
  if (id.empty())
    return by_kind(
        o.kind, N_("the goals' ids follow no numbered pattern; give the new one with --id"),
        N_("the targets' ids follow no numbered pattern; give the new one with --id"),
        N_("the sections' ids follow no numbered pattern; give the new one with --id"),
        N_("the activities' ids follow no numbered pattern; give the new one with --id"));
  return {};
}

bool interactive(const AddOptions& o) {
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return false;
  for (const FieldOption& f : kFields)
    if (!(o.*f.member).empty()) return false;
  return o.title_operand.empty();
}

// One question; the answer trimmed ("" when skipped or at the end of input).
std::string ask(const Message& question) {
  write_text(stdout, (messages_rtl() ? "\u200F" : "") + text_of(question));
  std::fflush(stdout);
  std::string line;
  if (!std::getline(std::cin, line)) return "";
  return trim(line);
}

std::string choices(const std::vector<std::string>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < 12; ++i) out += (i ? ", " : "") + ids[i];
  return ids.size() > 12 ? out + ", …" : out;
}

// The dialogue: the fields a person usually gives, each skippable but the title; the plan
// as it is now shows the choices.
void dialogue(AddOptions& o, const CheckedPlan& c) {
  const char k = kind_letter(o.kind);
  write_text(stdout, line_of(by_kind(o.kind, N_("A new goal (Enter skips a question)."),
                                     N_("A new target (Enter skips a question)."),
                                     N_("A new section (Enter skips a question)."),
                                     N_("A new activity (Enter skips a question)."))));
  o.title = ask(message(N_("Title: ")));
  if (k == 'a') {
    const auto sections = c.index->ids_of(ItemKind::section);
    if (sections.size() != 1)
      o.section =
          ask(message(N_("Section ({choices}): "), {plan_text("choices", choices(sections))}));
    o.targets = ask(message(N_("Targets ({choices}): "),
                            {plan_text("choices", choices(c.index->ids_of(ItemKind::target)))}));
    o.owner = ask(message(N_("Owner: ")));
    o.due = ask(message(N_("Due (YYYY-MM-DD): ")));
    o.measure = ask(message(N_("Measure ('5-6 מפגשים'): ")));
  } else if (k == 't') {
    o.goals = ask(message(N_("Goals ({choices}): "),
                          {plan_text("choices", choices(c.index->ids_of(ItemKind::goal)))}));
    o.owner = ask(message(N_("Owner: ")));
  } else if (k == 'g') {
    o.description = ask(message(N_("Description: ")));
  }
  if (k == 's') o.id = ask(message(N_("Id: ")));
}

}  // namespace

Runner setup_add(CLI::App& sub) {
  auto opts = std::make_shared<AddOptions>();
  sub.add_option("KIND", opts->kind, tr("goal, target, activity or section"))
      ->required()
      ->check(CLI::IsMember({"goal", "target", "activity", "section"}));
  sub.add_option("TITLE", opts->title_operand, tr("The title (or --title)"));
  CLI::Option* targets = nullptr;
  for (const FieldOption& f : kFields) {
    CLI::Option* option =
        sub.add_option(f.name, opts.get()->*f.member, tr(f.help))->type_name(f.value);
    if (std::string(f.name) == "--targets") targets = option;
  }
  sub.add_flag("--dry-run", opts->dry_run, tr("Print the change as a diff instead of writing it"));
  return [opts, targets](const GlobalOptions& global) {
    AddOptions o = *opts;
    o.targets_given = targets->count() > 0;
    if (!o.title_operand.empty()) {
      if (!o.title.empty()) {
        refuse(message(N_("give the title once: as TITLE or with --title")));
        return int{kUsage};
      }
      o.title = o.title_operand;
    }
    if (interactive(o)) {
      auto now = load_and_check(global);
      if (!now) return int{kUsage};
      dialogue(o, *now);
    }
    const char k = kind_letter(o.kind);
    for (const FieldOption& f : kFields)
      if (!(o.*f.member).empty() && std::string(f.kinds).find(k) == std::string::npos) {
        refuse(message(
            N_("{kind} has no {option}"),
            {nested("kind", kind_with_article(kind_of(o.kind))), plan_text("option", f.name)}));
        return int{kUsage};
      }
    if (const Message why = check_values(o); !why.empty()) {
      refuse(why);
      return int{kUsage};
    }
    auto added = std::make_shared<std::pair<std::string, std::string>>();  // id, file
    EditRequest request;
    request.dry_run = o.dry_run;
    request.make = [o, added](const CheckedPlan& before, EditBatch& batch) -> Message {
      Place p;
      if (Message why = place_of(before, o, p); !why.empty()) return why;
      std::string id;
      if (Message why = id_for(before, o, p, id); !why.empty()) return why;
      p.request.item = item_of(o, id);
      Message error;
      EditedFile* file = batch.file(p.file, error);
      if (!file) return error;
      if (!file->root)
        return message(N_("{file} does not parse; fix it first (plan check)"),
                       {plan_text("file", p.file)});
      Message why;
      auto text = add_item(file->text, *file->root, p.request, why, p.file);
      if (!text) return why;
      batch.set_text(*file, *text);
      *added = {id, p.file};
      return {};
    };
    request.report = [o, added](const CheckedPlan&, const CheckedPlan&) {
      std::vector<MessageArg> args{plan_text("id", added->first), plan_text("file", added->second)};
      const Message line =
          o.dry_run ? by_kind(o.kind, N_("would add goal {id} to {file}"),
                              N_("would add target {id} to {file}"),
                              N_("would add section {id} to {file}"),
                              N_("would add activity {id} to {file}"), std::move(args))
                    : by_kind(o.kind, N_("added goal {id} to {file}"),
                              N_("added target {id} to {file}"), N_("added section {id} to {file}"),
                              N_("added activity {id} to {file}"), std::move(args));
      write_text(stdout, line_of(line));
    };
    return run_edit(global, request);
  };
}

}  // namespace plan::cli
