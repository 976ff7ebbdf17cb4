// Rename an id: prepareRename says what would change (the id's text, inside its quotes), and
// rename answers with a WorkspaceEdit from edit/rename_id (the definition and every link, in
// every file, only the id's text changed), refused with a message when the new id is not
// valid or is another item's.
#include "edit/rename_id.hpp"
#include "lsp/features.hpp"
#include "lsp/occurrences.hpp"
#include "lsp/protocol.hpp"
#include "message.hpp"

namespace plan::lsp {

namespace {

// Why an id under the cursor cannot be renamed (a link to no item), or no message.
Message not_renamable(const Occurrence& o) {
  if (o.item) return {};
  const char* text =
      o.kind == ItemKind::goal
          ? N_("'{id}' names no goal, so there is nothing to rename: correct the link instead")
      : o.kind == ItemKind::target
          ? N_("'{id}' names no target, so there is nothing to rename: correct the link instead")
      : o.kind == ItemKind::section
          ? N_("'{id}' names no section, so there is nothing to rename: correct the link instead")
          : N_("'{id}' names no activity, so there is nothing to rename: correct the link "
               "instead");
  return message(text, {plan_text("id", o.text())});
}

// A refusal the editor shows its user: in the client's language.
Reply refused(const Session& s, const Message& why) {
  return Reply::fail(kRequestFailed, render_message(why, s.messages.translate, s.messages.rtl));
}

}  // namespace

Reply prepare_rename(Session& s, const json& params) {
  const auto o = occurrence_at(s, params);
  if (!o) return {};  // not on an id: the protocol's "no rename here"
  if (Message why = not_renamable(*o); !why.empty()) return refused(s, why);
  const Loc loc = o->loc();
  const Document* doc = s.document(loc.file);
  Message why;
  const auto span = doc ? id_text_at(doc->text(), loc, o->text(), why) : std::nullopt;
  if (!span)
    return refused(s, message(N_("this id cannot be renamed in place: {reason}"),
                              {nested("reason", std::move(why))}));
  const Range r{doc->position_at(span->begin, s.encoding), doc->position_at(span->end, s.encoding)};
  return Reply::ok(json{{"range", to_json(r)}, {"placeholder", o->text()}});
}

Reply rename(Session& s, const json& params) {
  const std::string* new_name = string_at(params, "newName");
  if (!new_name) return Reply::fail(kInvalidParams, "a rename needs 'newName', a string");
  const auto o = occurrence_at(s, params);
  if (!o) return refused(s, message(N_("there is no id here to rename")));
  if (Message why = not_renamable(*o); !why.empty()) return refused(s, why);
  const CheckedPlan& c = s.checked();
  const std::size_t file_count = c.load.plan.files.size();
  std::vector<std::string_view> texts(file_count);
  for (std::uint32_t f = 1; f < file_count; ++f)
    if (const Document* d = s.document(f)) texts[f] = d->text();
  Message error;
  const auto edits = rename_id(*c.index, *o->item, *new_name, texts, error);
  if (!edits) return refused(s, error);

  json changes = json::object(), document_changes = json::array();
  for (std::size_t i = 0; i < edits->size();) {
    const std::uint32_t file = (*edits)[i].file;
    const Document* doc = s.document(file);
    if (!doc) return Reply::fail(kInternalError, "a file of the rename is not at hand");
    json list = json::array();
    for (; i < edits->size() && (*edits)[i].file == file; ++i) {
      const IdEdit& e = (*edits)[i];
      const Range r{doc->position_at(e.begin, s.encoding), doc->position_at(e.end, s.encoding)};
      list.push_back({{"range", to_json(r)}, {"newText", e.text}});
    }
    const std::string uri = s.uri(file);
    if (s.document_changes) {
      // A file the editor has open is edited at its version; one on disk has none (null).
      const auto version = s.version(s.absolute(file));
      document_changes.push_back(
          {{"textDocument", {{"uri", uri}, {"version", version ? json(*version) : json(nullptr)}}},
           {"edits", std::move(list)}});
    } else {
      changes[uri] = std::move(list);
    }
  }
  if (s.document_changes) return Reply::ok(json{{"documentChanges", std::move(document_changes)}});
  return Reply::ok(json{{"changes", std::move(changes)}});
}

}  // namespace plan::lsp
