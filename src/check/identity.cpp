// Rules about the plan as a whole and about ids.
#include "check/rules.hpp"
#include "check/wording.hpp"
#include "util/text.hpp"

namespace plan {

void check_plan_block(const PlanIndex& ix, Diagnostics& out) {
  const Plan& p = ix.plan();
  if (p.metas.empty()) {
    out.push_back(make_error("missing-plan", {0, 0, 0},
                             message(N_("no file has a 'plan:' block; add one (e.g. in plan.yaml) "
                                        "with at least the plan's title"))));
    return;
  }
  for (std::size_t i = 1; i < p.metas.size(); ++i) {
    Diagnostic d =
        make_error("duplicate-plan", p.metas[i].loc,
                   message(N_("a second 'plan:' block; a plan has exactly one, so merge the two")));
    d.notes.push_back(make_note(p.metas[0].loc, message(N_("the first 'plan:' block is here"))));
    out.push_back(std::move(d));
  }
}

// A nearby valid id to suggest: spaces and other characters become '-'.
static std::string suggest_id(const std::string& id) {
  std::string s;
  for (char c : id) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (ok)
      s += c;
    else if (!s.empty() && s.back() != '-')
      s += '-';
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  if (!s.empty() && !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
    s.insert(0, "x");
  return s;
}

static void check_one_id(const Message& kind, const Located<std::string>& id, Diagnostics& out) {
  if (!id.given()) return;
  if (const std::size_t length = count_code_points(id.value); length > kMaxIdLength) {
    std::size_t cut = 20;  // shown in part, cut between characters
    while (cut > 0 && (static_cast<unsigned char>(id.value[cut]) & 0xC0) == 0x80) --cut;
    out.push_back(make_error(
        "bad-id", id.loc,
        message(N_("{kind} id '{id}...' is {length} characters long; an id is at most {max} "
                   "characters"),
                {nested("kind", kind), plan_text("id", id.value.substr(0, cut)),
                 arg("length", length), arg("max", kMaxIdLength)})));
    return;
  }
  if (valid_id(id.value)) return;
  // Suggest a fixed id only when it keeps the text: not for ids in another script.
  bool ascii = true;
  for (char c : id.value) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string hint = ascii ? suggest_id(id.value) : "";
  out.push_back(make_error(
      "bad-id", id.loc,
      message(N_("{kind} id '{id}' is not a valid id: an id is an ASCII letter (A-Z, a-z), then "
                 "ASCII letters, digits, '.', '_' or '-'{example}"),
              {nested("kind", kind), plan_text("id", id.value),
               nested("example", hint.empty()
                                     ? Message{}
                                     : message(N_(" (e.g. '{id}')"), {plan_text("id", hint)}))})));
}

void check_ids(const PlanIndex& ix, Diagnostics& out) {
  const Plan& p = ix.plan();
  for (const Meta& m : p.metas) check_one_id(message(N_("plan")), m.id, out);
  std::vector<std::pair<ItemKind, const Located<std::string>*>> all;
  for (const Goal& g : p.goals) all.emplace_back(ItemKind::goal, &g.id);
  for (const Target& t : p.targets) all.emplace_back(ItemKind::target, &t.id);
  for (const Section& s : p.sections) all.emplace_back(ItemKind::section, &s.id);
  for (const ActivityEntry& e : ix.activities())
    all.emplace_back(ItemKind::activity, &e.activity->id);
  for (auto [kind, id] : all) {
    check_one_id(kind_word(kind), *id, out);
    if (!id->given()) continue;
    const ItemRef* first = ix.find(id->value);
    const Located<std::string>& first_id = ix.id_of(*first);
    if (&first_id == id) continue;
    Message same_case;
    if (first_id.value != id->value)
      same_case = message(N_(" (as '{id}'; ids are compared ignoring case)"),
                          {plan_text("id", first_id.value)});
    Diagnostic d = make_error(
        "duplicate-id", id->loc,
        message(N_("duplicate id '{id}': {kind} already has it{same_case}; rename one of them"),
                {plan_text("id", id->value), nested("kind", kind_with_article(first->kind)),
                 nested("same_case", std::move(same_case))}));
    d.notes.push_back(make_note(first_id.loc, message(N_("'{id}' is first defined here"),
                                                      {plan_text("id", first_id.value)})));
    out.push_back(std::move(d));
  }
}

}  // namespace plan
