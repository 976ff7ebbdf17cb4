// textDocument/completion: ids in link lists, status words, owners and partners. Where the
// cursor is comes from the text (lsp/yaml_place), since a buffer being typed may not parse;
// what to offer comes from the plan as last checked.
#include <map>
#include <set>

#include "edit/yaml_scalar.hpp"
#include "lsp/features.hpp"
#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"
#include "lsp/yaml_place.hpp"
#include "util/text.hpp"

namespace plan::lsp {

namespace {

// The protocol's CompletionItemKind values used here.
constexpr int kValue = 12, kReference = 18, kEnumMember = 20;

struct Offer {
  std::string label, detail, text;  // text: what is written, when it differs from the label
  int kind = kValue;
};

std::vector<Offer> ids(const std::vector<std::pair<std::string, std::string>>& items,
                       const std::vector<std::string>& listed) {
  std::set<std::string> skip;
  for (const std::string& l : listed) skip.insert(ascii_lower(l));
  std::vector<Offer> out;
  for (const auto& [id, title] : items)
    if (!id.empty() && skip.insert(ascii_lower(id)).second)
      out.push_back({id, title, id, kReference});
  return out;
}

// Everyone named as an owner or partner anywhere in the plan, each once, by byte order.
std::vector<Offer> people(const PlanIndex& ix, const std::vector<std::string>& listed, bool flow) {
  std::map<std::string, std::pair<bool, bool>> roles;  // name → (owner, partner)
  const auto add = [&](const Located<std::string>& owner,
                       const Located<std::vector<std::string>>& partners) {
    if (owner.given() && !owner.value.empty()) roles[owner.value].first = true;
    for (const std::string& p : partners.value)
      if (!p.empty()) roles[p].second = true;
  };
  for (const Target& t : ix.plan().targets) add(t.owner, t.partners);
  for (const ActivityEntry& e : ix.activities()) add(e.activity->owner, e.activity->partners);
  for (const std::string& l : listed) roles.erase(l);
  std::vector<Offer> out;
  ScalarRequest request;
  request.flow = flow;
  for (const auto& [name, r] : roles) {
    const char* detail = r.first && r.second ? "owner and partner" : r.first ? "owner" : "partner";
    out.push_back({name, detail, yaml_scalar(name, request), kValue});
  }
  return out;
}

std::vector<Offer> statuses(bool of_plan) {
  std::vector<Offer> out;
  if (of_plan) {
    for (const char* s : {"draft", "final"}) out.push_back({s, "", s, kEnumMember});
  } else {
    for (Status st : kStatuses) out.push_back({status_name(st), "", status_name(st), kEnumMember});
  }
  return out;
}

std::string sort_key(std::size_t i) {
  std::string n = std::to_string(i);
  return std::string(n.size() < 6 ? 6 - n.size() : 0, '0') + n;
}

// What fits the place, if anything.
std::vector<Offer> offers(Session& s, const YamlPlace& place) {
  const auto& path = place.path;
  if (path.size() < 2) return {};  // top-level keys hold lists of items, not values
  const std::string& key = path.back();
  const CheckedPlan& c = s.checked();
  const Plan& p = c.load.plan;
  if (place.kind == YamlPlace::Kind::entry && key == "goals") {
    std::vector<std::pair<std::string, std::string>> items;
    for (const Goal& g : p.goals) items.emplace_back(g.id.value, g.title.value);
    return ids(items, place.listed);
  }
  if (place.kind == YamlPlace::Kind::entry && key == "targets") {
    std::vector<std::pair<std::string, std::string>> items;
    for (const Target& t : p.targets) items.emplace_back(t.id.value, t.title.value);
    return ids(items, place.listed);
  }
  if (place.kind == YamlPlace::Kind::value && key == "status") return statuses(path[0] == "plan");
  if ((place.kind == YamlPlace::Kind::value && key == "owner") ||
      (place.kind == YamlPlace::Kind::entry && key == "partners"))
    return people(*c.index, place.listed, place.flow);
  return {};
}

}  // namespace

Reply completion(Session& s, const json& params) {
  const auto pos = position_param(params);
  const auto path = s.served_path(params);
  if (!pos || !path) return {};
  const Document* doc = s.document(*path);
  if (!doc) return {};
  const YamlPlace place = place_at(*doc, *pos, s.encoding);
  if (place.kind == YamlPlace::Kind::none || place.kind == YamlPlace::Kind::key) return {};
  const std::vector<Offer> found = offers(s, place);
  if (found.empty()) return {};
  const json range = to_json(
      Range{doc->position_at(place.begin, s.encoding), doc->position_at(place.end, s.encoding)});
  json items = json::array();
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Offer& o = found[i];
    json item{{"label", o.label},
              {"kind", o.kind},
              // The plan's order (G2 before G10), not the client's alphabetical one.
              {"sortText", sort_key(i)},
              {"textEdit", {{"range", range}, {"newText", place.lead + o.text}}}};
    if (!o.detail.empty()) item["detail"] = o.detail;
    items.push_back(std::move(item));
  }
  return Reply::ok(json{{"isIncomplete", false}, {"items", std::move(items)}});
}

}  // namespace plan::lsp
