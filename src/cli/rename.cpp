// `plan rename OLD NEW`: an id renamed with every link to it, in every file of the plan,
// only the id's text changed (edit/rename_id, as the language server's rename), through the
// edit transaction: checked whole, then diffed or written atomically, every file or none.
#include <cstdio>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>

#include "check/wording.hpp"
#include "cli/command.hpp"
#include "cli/edit_transaction.hpp"
#include "cli/i18n.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "edit/rename_id.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {

struct RenameOptions {
  std::string old_id, new_id;
  bool dry_run = false;
};

// What the edit did, for the report after it.
struct Renamed {
  ItemKind kind = ItemKind::goal;
  std::string old_id, new_id;
  std::map<std::string, std::size_t> places;  // file → how many places changed there
};

// The edits made in `batch`, or why they cannot be made.
Message make_rename(const CheckedPlan& before, EditBatch& batch, const RenameOptions& opts,
                    Renamed& done) {
  done = {};  // the transaction makes the change twice
  const ItemRef* item = before.index->find(opts.old_id);
  if (!item) return no_item_with_id(before, opts.old_id);
  const std::vector<std::string>& paths = before.load.plan.files;
  // Every file first: the batch may move its files while it grows.
  for (std::uint32_t f = 1; f < paths.size(); ++f) {
    Message error;
    if (!batch.file(paths[f], error)) return error;
  }
  std::vector<EditedFile*> files(paths.size(), nullptr);
  std::vector<std::string_view> texts(paths.size());
  for (std::uint32_t f = 1; f < paths.size(); ++f) {
    Message error;
    files[f] = batch.file(paths[f], error);
    texts[f] = files[f]->text;
  }
  Message error;
  const auto edits = rename_id(*before.index, *item, opts.new_id, texts, error);
  if (!edits) return error;
  done.kind = item->kind;
  done.old_id = before.index->id_of(*item).value;
  done.new_id = opts.new_id;
  // Each file's edits from its end, so the offsets before them stay true.
  std::map<std::uint32_t, std::string> changed;
  for (auto e = edits->rbegin(); e != edits->rend(); ++e) {
    auto [at, fresh] = changed.try_emplace(e->file);
    if (fresh) at->second = std::string(texts[e->file]);
    at->second.replace(e->begin, e->end - e->begin, e->text);
    ++done.places[paths[e->file]];
  }
  for (auto& [f, text] : changed) batch.set_text(*files[f], std::move(text));
  return {};
}

}  // namespace

Runner setup_rename(CLI::App& sub) {
  auto opts = std::make_shared<RenameOptions>();
  sub.add_option("OLD", opts->old_id, tr("The id of a goal, target, section or activity"))
      ->required();
  sub.add_option("NEW", opts->new_id, tr("Its new id"))->required();
  sub.add_flag("--dry-run", opts->dry_run, tr("Print the change as a diff instead of writing it"));
  return [opts](const GlobalOptions& global) {
    auto done = std::make_shared<Renamed>();
    EditRequest request;
    request.dry_run = opts->dry_run;
    request.make = [opts, done](const CheckedPlan& before, EditBatch& batch) {
      return make_rename(before, batch, *opts, *done);
    };
    request.report = [done](const CheckedPlan&, const CheckedPlan&) {
      std::size_t places = 0;
      for (const auto& [path, n] : done->places) places += n;
      const std::size_t files = done->places.size();
      write_text(stdout,
                 line_of(message(N_("{kind} {old} → {new}: {places} in {files}"),
                                 {nested("kind", kind_word(done->kind)),
                                  plan_text("old", done->old_id), plan_text("new", done->new_id),
                                  nested("places", plural_message("{n} place", "{n} places", places,
                                                                  {arg("n", places)})),
                                  nested("files", plural_message("{n} file", "{n} files", files,
                                                                 {arg("n", files)}))})));
      for (const auto& [path, n] : done->places)
        write_text(stdout, line_of(message(N_("  {file}: {count}"),
                                           {plan_text("file", path), arg("count", n)})));
    };
    return run_edit(global, request);
  };
}

}  // namespace plan::cli
