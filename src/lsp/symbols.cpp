// The outline of a file (goals, targets, sections and their nested activities) and the
// plan's symbols by id or title. Each item is named by its id, with its title as detail;
// kinds: goal Module, target Class, section Namespace, activity Event (what happens).
#include <algorithm>
#include <cstddef>
#include <string_view>

#include "lsp/features.hpp"
#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"
#include "util/text_position.hpp"

namespace plan::lsp {

namespace {

// The protocol's SymbolKind.
constexpr int kModule = 2, kNamespace = 3, kClass = 5, kEvent = 24;

int symbol_kind(ItemKind k) {
  switch (k) {
    case ItemKind::goal:
      return kModule;
    case ItemKind::target:
      return kClass;
    case ItemKind::section:
      return kNamespace;
    case ItemKind::activity:
      break;
  }
  return kEvent;
}

// A symbol's name may not be empty: an item without an id is named by its title.
std::string symbol_name(const Located<std::string>& id, const Located<std::string>& title) {
  if (!id.value.empty()) return id.value;
  if (!title.value.empty()) return title.value;
  return "(no id)";
}

Range cover(Range a, const Range& b) {
  if (b.start < a.start) a.start = b.start;
  if (a.end < b.end) a.end = b.end;
  return a;
}

// An item's whole extent, found from the text: from its mapping to its last line indented
// at least as deep as the mapping (blank and comment lines between count, trailing ones do
// not). No YAML tree is needed, and each item only reads its own lines.
class Extents {
 public:
  Extents(const Document& doc, Encoding enc)
      : doc_(doc), enc_(enc), starts_(line_starts(doc.text())) {}

  Range of(Loc item) const {
    const std::string_view t = doc_.text();
    const std::size_t first =
        std::min<std::size_t>(item.line == 0 ? 0 : item.line - 1, starts_.size() - 1);
    const std::size_t indent = item.col == 0 ? 0 : item.col - 1;
    std::size_t last = first;
    for (std::size_t i = first + 1; i < starts_.size(); ++i) {
      const std::string_view line = line_at(t, i);
      const std::size_t k = line.find_first_not_of(' ');
      if (k == std::string_view::npos || line[k] == '#' || line[k] == '\r') continue;
      if (k < indent) break;
      last = i;
    }
    std::string_view end_line = line_at(t, last);
    while (!end_line.empty() &&
           (end_line.back() == ' ' || end_line.back() == '\r' || end_line.back() == '\t'))
      end_line.remove_suffix(1);
    return {doc_.position_at(doc_.offset_of(item), enc_),
            doc_.position_at(starts_[last] + end_line.size(), enc_)};
  }

 private:
  std::string_view line_at(std::string_view t, std::size_t i) const {
    const std::size_t begin = starts_[i];
    std::size_t end = i + 1 < starts_.size() ? starts_[i + 1] : t.size();
    while (end > begin && (t[end - 1] == '\n' || t[end - 1] == '\r')) --end;
    return t.substr(begin, end - begin);
  }

  const Document& doc_;
  Encoding enc_;
  std::vector<std::size_t> starts_;
};

// The outline's builder: DocumentSymbol trees, or SymbolInformation in a flat list (each
// activity with its container's name) for a client without hierarchical support.
struct Outline {
  Session& s;
  const Document& doc;
  const Extents& extents;
  std::string uri;
  bool tree;
  json flat = json::array();

  // One item (and, in a tree, its children); `children` are added by the caller.
  json symbol(ItemKind kind, Loc loc, const Located<std::string>& id,
              const Located<std::string>& title, const std::string& container) {
    const Range selection =
        id.given() ? doc.token_range(id.loc, s.encoding) : doc.token_range(loc, s.encoding);
    const Range whole = cover(extents.of(loc), selection);
    const std::string name = symbol_name(id, title);
    if (!tree) {
      json info{{"name", name},
                {"kind", symbol_kind(kind)},
                {"location", {{"uri", uri}, {"range", to_json(whole)}}}};
      if (!container.empty()) info["containerName"] = container;
      flat.push_back(std::move(info));
      return nullptr;
    }
    json sym{{"name", name},
             {"kind", symbol_kind(kind)},
             {"range", to_json(whole)},
             {"selectionRange", to_json(selection)}};
    if (!title.value.empty()) sym["detail"] = title.value;
    return sym;
  }

  json activities(const std::vector<Activity>& list, const std::string& container) {
    json out = json::array();
    for (const Activity& a : list) {
      json sym = symbol(ItemKind::activity, a.loc, a.id, a.title, container);
      json children = activities(a.activities, symbol_name(a.id, a.title));
      if (tree) {
        if (!children.empty()) sym["children"] = std::move(children);
        out.push_back(std::move(sym));
      }
    }
    return out;
  }
};

// Whether `hay` holds `needle` (already in ASCII lower case), ignoring ASCII case; other
// characters (Hebrew has no case) compare as they are.
bool contains_folded(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool equal_folded(std::string_view a, std::string_view needle) {
  return a.size() == needle.size() && contains_folded(a, needle);
}

constexpr std::size_t kMaxWorkspaceSymbols = 200;

}  // namespace

Reply document_symbols(Session& s, const json& params) {
  const auto path = s.served_path(params);
  const auto file = path ? s.file_number(*path) : std::nullopt;
  const Document* doc = path ? s.document(*path) : nullptr;
  if (!file || !doc) return {};
  const Plan& p = s.checked().load.plan;
  const Extents extents(*doc, s.encoding);
  Outline o{s, *doc, extents, *document_uri(params), s.hierarchical_symbols};
  json out = json::array();
  const auto keep = [&](json sym) {
    if (o.tree) out.push_back(std::move(sym));
  };
  for (const Goal& g : p.goals)
    if (g.loc.file == *file) keep(o.symbol(ItemKind::goal, g.loc, g.id, g.title, ""));
  for (const Target& t : p.targets)
    if (t.loc.file == *file) keep(o.symbol(ItemKind::target, t.loc, t.id, t.title, ""));
  for (const Section& sec : p.sections) {
    if (sec.loc.file != *file) continue;
    json sym = o.symbol(ItemKind::section, sec.loc, sec.id, sec.title, "");
    json children = o.activities(sec.activities, symbol_name(sec.id, sec.title));
    if (o.tree && !children.empty()) sym["children"] = std::move(children);
    keep(std::move(sym));
  }
  return Reply::ok(o.tree ? std::move(out) : std::move(o.flat));
}

Reply workspace_symbols(Session& s, const json& params) {
  const std::string* q = string_at(params, "query");
  std::string query = q ? *q : "";
  for (char& c : query)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  const CheckedPlan& c = s.checked();
  const PlanIndex& index = *c.index;
  // The best first: the id itself, an id that starts with the query, one that holds it, a
  // title that holds it; in the plan's order within each. Each bucket keeps only what can
  // be shown, so a plan of any size costs one pass.
  std::vector<ItemRef> buckets[4];
  const auto consider = [&](const ItemRef& r) {
    const Located<std::string>& id = index.id_of(r);
    const std::string_view title = index.title_of(r).value;
    int rank = -1;
    if (equal_folded(id.value, query))
      rank = 0;
    else if (contains_folded(std::string_view(id.value).substr(0, query.size()), query))
      rank = 1;
    else if (contains_folded(id.value, query))
      rank = 2;
    else if (contains_folded(title, query))
      rank = 3;
    if (rank >= 0 && buckets[rank].size() < kMaxWorkspaceSymbols) buckets[rank].push_back(r);
  };
  const Plan& p = c.load.plan;
  for (std::size_t i = 0; i < p.goals.size(); ++i) consider({ItemKind::goal, i});
  for (std::size_t i = 0; i < p.targets.size(); ++i) consider({ItemKind::target, i});
  for (std::size_t i = 0; i < p.sections.size(); ++i) consider({ItemKind::section, i});
  for (std::size_t i = 0; i < index.activities().size(); ++i) consider({ItemKind::activity, i});

  json out = json::array();
  for (const auto& bucket : buckets) {
    for (const ItemRef& r : bucket) {
      if (out.size() == kMaxWorkspaceSymbols) break;
      const Located<std::string>& id = index.id_of(r);
      const Located<std::string>& title = index.title_of(r);
      // The title is part of the name: clients filter what they are given by its name, and
      // a search by title must survive that.
      std::string name = symbol_name(id, title);
      if (!id.value.empty() && !title.value.empty()) name += " " + title.value;
      json info{{"name", std::move(name)},
                {"kind", symbol_kind(r.kind)},
                {"location", s.location(id.given() ? id.loc : index.loc_of(r))}};
      if (r.kind == ItemKind::activity) {
        const ActivityEntry& e = index.activities()[r.index];
        const std::string container =
            e.parent >= 0
                ? symbol_name(
                      index.activities()[static_cast<std::size_t>(e.parent)].activity->id,
                      index.activities()[static_cast<std::size_t>(e.parent)].activity->title)
                : symbol_name(e.section->id, e.section->title);
        info["containerName"] = container;
      }
      out.push_back(std::move(info));
    }
  }
  return Reply::ok(std::move(out));
}

}  // namespace plan::lsp
