#include "edit/rename_id.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "edit/yaml_scalar.hpp"
#include "kind_words.hpp"

#include "util/text.hpp"
#include "util/text_position.hpp"

namespace plan {

namespace {

// A place the id is written, and the value the loader read there.
struct Place {
  Loc loc;
  const std::string* value;
};

bool same(const ItemRef& a, const ItemRef& b) {
  return a.kind == b.kind && a.index == b.index;
}

// The definition, then every link whose text finds the item (a link naming it as the wrong
// kind of item too: its text follows the id, so its diagnostic stays the same).
std::vector<Place> places_of(const PlanIndex& index, const ItemRef& item) {
  std::vector<Place> out;
  const Located<std::string>& id = index.id_of(item);
  out.push_back({id.loc, &id.value});
  const auto add_links = [&](const std::vector<Ref>& refs) {
    for (const Ref& r : refs) {
      // Only a link written as the id, but for case, can find the item: only those are
      // looked up.
      if (r.loc.line == 0 || !IdEqual{}(r.id, id.value)) continue;
      const ItemRef* named = index.find(r.id);
      if (named && same(*named, item)) out.push_back({r.loc, &r.id});
    }
  };
  for (const Target& t : index.plan().targets) add_links(t.goals.value);
  for (const ActivityEntry& e : index.activities()) add_links(e.activity->targets.value);
  return out;
}

// At most 64 bytes of a client's text in a message, cut between characters.
std::string shown(const std::string& text) {
  if (text.size() <= 64) return text;
  std::size_t cut = 64;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

std::string where(const PlanIndex& index, Loc loc) {
  const auto& files = index.plan().files;
  return fmt::format("{}:{}:{}", loc.file < files.size() ? files[loc.file] : "?", loc.line,
                     loc.col);
}

bool space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// YAML's core schema reads these plain scalars as null, not as an id.
bool reads_as_null(const std::string& id) {
  return id == "null" || id == "Null" || id == "NULL";
}

}  // namespace

namespace {

// The byte offset of a loader place, from the start of its line.
std::size_t offset_in(std::string_view t, const std::vector<std::size_t>& starts, Loc loc) {
  if (loc.line == 0 || loc.line > starts.size()) return t.size();
  std::size_t begin = starts[loc.line - 1];
  // The loader counts columns after a byte-order mark.
  if (loc.line == 1 && t.substr(0, 3) == "\xEF\xBB\xBF") begin = 3;
  return begin + offset_of(t.substr(begin), 1, loc.col);
}

std::optional<IdSpan> scalar_at(std::string_view t, std::size_t pos, const std::string& value,
                                Message& why) {
  const std::size_t n = t.size();
  while (pos < n && (t[pos] == '&' || t[pos] == '!')) {
    while (pos < n && !space(t[pos])) ++pos;
    while (pos < n && space(t[pos])) ++pos;
  }
  if (pos >= n) {
    why = message(N_("the file ends there"));
    return std::nullopt;
  }
  const char c = t[pos];
  if (c == '\'' || c == '"') {
    for (std::size_t i = pos + 1; i < n; ++i) {
      if (c == '"' && t[i] == '\\') {
        ++i;
        continue;
      }
      if (t[i] != c) continue;
      if (c == '\'' && i + 1 < n && t[i + 1] == '\'') {
        ++i;
        continue;
      }
      return IdSpan{pos + 1, i, false};
    }
    why = message(N_("its closing quote is missing"));
    return std::nullopt;
  }
  if (c == '|' || c == '>') {
    why = message(N_("it is a block scalar ('|' or '>')"));
    return std::nullopt;
  }
  const std::size_t end = pos + value.size();
  if (value.empty() || t.compare(pos, value.size(), value) != 0 ||
      (end < n && !space(t[end]) && t[end] != ',' && t[end] != ']' && t[end] != '}')) {
    why = message(N_("it is not written as the id on one line"));
    return std::nullopt;
  }
  return IdSpan{pos, end, true};
}

}  // namespace

std::optional<IdSpan> id_text_at(std::string_view text, Loc loc, const std::string& value,
                                 Message& why) {
  return scalar_at(text, offset_in(text, line_starts(text), loc), value, why);
}

Message new_id_problem(const PlanIndex& index, const ItemRef& item, const std::string& new_id) {
  if (!valid_id(new_id))
    return message(N_("'{id}' is not a valid id: an id is an ASCII letter (A-Z, a-z), then ASCII "
                      "letters, digits, '.', '_' or '-'"),
                   {plan_text("id", shown(new_id))});
  if (new_id.size() > kMaxIdLength)  // a valid id is ASCII: one byte a character
    return plural_message("'{id}' is {length} character long; an id is at most {max} characters",
                          "'{id}' is {length} characters long; an id is at most {max} characters",
                          new_id.size(),
                          {plan_text("id", shown(new_id)), arg("length", new_id.size()),
                           arg("max", static_cast<unsigned long long>(kMaxIdLength))});
  const ItemRef* other = index.find(new_id);
  if (other && !same(*other, item)) {
    const Located<std::string>& id = index.id_of(*other);
    return message(N_("'{id}' is already the id of {kind} '{other}' ({place}); ids are unique in "
                      "the plan, ignoring case"),
                   {plan_text("id", new_id), nested("kind", kind_word(other->kind)),
                    plan_text("other", id.value), plan_text("place", where(index, id.loc))});
  }
  return {};
}

std::optional<std::vector<IdEdit>> rename_id(const PlanIndex& index, const ItemRef& item,
                                             const std::string& new_id,
                                             const std::vector<std::string_view>& texts,
                                             Message& error) {
  if (!index.id_of(item).given()) {
    error = message(N_("the item has no id to rename"));
    return std::nullopt;
  }
  error = new_id_problem(index, item, new_id);
  if (!error.empty()) return std::nullopt;
  // A file that could not be read may hold links to the item that no one can see: renaming
  // the rest would leave those behind, broken.
  if (!index.plan().unread_files.empty()) {
    const std::uint32_t f = index.plan().unread_files.front();
    const auto& files = index.plan().files;
    error = message(
        N_("{file} could not be read (see its errors), so links to the id there "
           "would be missed; correct it first"),
        {f < files.size() ? plan_text("file", files[f]) : nested("file", message(N_("a file")))});
    return std::nullopt;
  }
  std::vector<IdEdit> edits;
  std::map<std::uint32_t, std::vector<std::size_t>> lines;
  for (const Place& p : places_of(index, item)) {
    if (p.loc.file == 0 || p.loc.file >= texts.size()) {
      error = message(N_("the text of {place} is not at hand"),
                      {plan_text("place", where(index, p.loc))});
      return std::nullopt;
    }
    // Each file's lines are found once: places are many in a large plan.
    std::vector<std::size_t>& starts = lines[p.loc.file];
    if (starts.empty()) starts = line_starts(texts[p.loc.file]);
    Message why;
    const auto span =
        scalar_at(texts[p.loc.file], offset_in(texts[p.loc.file], starts, p.loc), *p.value, why);
    if (!span) {
      error = message(N_("the id '{id}' at {place} cannot be renamed in place: {reason}; edit it "
                         "by hand"),
                      {plan_text("id", shown(*p.value)), plan_text("place", where(index, p.loc)),
                       nested("reason", why)});
      return std::nullopt;
    }
    edits.push_back({p.loc.file, span->begin, span->end,
                     span->plain && reads_as_null(new_id)
                         ? yaml_scalar(new_id, {ScalarStyle::single_quoted, true, false})
                         : new_id});
  }
  std::sort(edits.begin(), edits.end(), [](const IdEdit& a, const IdEdit& b) {
    return a.file != b.file ? a.file < b.file : a.begin < b.begin;
  });
  // An alias or a merge key copies a node with its place: the place is edited once.
  edits.erase(std::unique(edits.begin(), edits.end(),
                          [](const IdEdit& a, const IdEdit& b) {
                            return a.file == b.file && a.begin == b.begin;
                          }),
              edits.end());
  return edits;
}

}  // namespace plan
