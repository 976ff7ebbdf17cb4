#include "cli/edit_transaction.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/i18n.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "edit/line_diff.hpp"
#include "edit/new_errors.hpp"
#include "edit/set_field.hpp"
#include "load/encoding.hpp"
#include "util/atomic_write.hpp"
#include "util/file_lock.hpp"
#include "util/read_file.hpp"
#include "util/text.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {

constexpr std::size_t kMaxEditedFile = std::size_t{64} << 20;
constexpr int kLockTimeoutMs = 10000;

void say(const std::string& s) {
  write_text(stderr, s);
}

// The errors that were there before the edit, briefly: they do not block it. `besides`:
// after the errors the change would add, rather than after a change that was made.
void list_old_errors(const CheckedPlan& c, bool besides) {
  if (c.errors == 0) return;
  say(plan_says(
      besides ? plural_message("besides, there is {n} error already in the plan, not caused by "
                               "this change:",
                               "besides, there are {n} errors already in the plan, not caused by "
                               "this change:",
                               c.errors, {arg("n", c.errors)})
              : plural_message("note: {n} error already in the plan, not caused by this change:",
                               "note: {n} errors already in the plan, not caused by this change:",
                               c.errors, {arg("n", c.errors)})));
  const std::string mark = messages_rtl() ? "\u200F" : "";
  std::size_t shown = 0;
  for (const Diagnostic& d : c.diags) {
    if (d.severity != Severity::error) continue;
    if (++shown > 10) {
      say(mark + "  " +
          text_of(
              message(N_("… and {n} more (plan check lists them)"), {arg("n", c.errors - 10)})) +
          "\n");
      break;
    }
    say(fmt::format("{}  {}: {} [{}]\n", mark, format_location(c.load.plan.files, d.loc),
                    message_text(d, translate, messages_rtl()), d.code));
  }
}

// The paths of the files the batch changed, in path order.
std::vector<std::string> changed_paths(EditBatch& batch) {
  std::vector<std::string> paths;
  for (const EditedFile& f : batch.files())
    if (f.changed) paths.push_back(f.path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string new_bytes(const EditedFile& f) {
  return f.bom + f.text;
}

// Files named in a message: "a", "a and b", "a, b and c", in the user's language.
std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out += (i == 0 ? "" : i + 1 == v.size() ? tr(N_(" and ")) : tr(N_(", "))) + v[i];
  return out;
}

}  // namespace

std::string file_of_item(const CheckedPlan& c, const std::string& id, std::string& real_id,
                         Message& why) {
  const auto& files = c.load.plan.files;
  if (ascii_lower(id) == kPlanMetaId) {
    const Meta* meta = c.load.plan.meta();
    if (!meta) {
      why = message(N_("the plan has no 'plan:' block to change"));
      return "";
    }
    if (c.index->find(id)) {
      why = message(N_("'{id}' names the plan's metadata here, and an item has that id too; "
                       "rename the item (plan rename) to change it"),
                    {plan_text("id", visible(id))});
      return "";
    }
    real_id = std::string(kPlanMetaId);
    return files[meta->loc.file];
  }
  const ItemRef* item = c.index->find(id);
  if (!item) {
    why = no_item_with_id(c, id);
    return "";
  }
  real_id = c.index->id_of(*item).value;
  return files[c.index->loc_of(*item).file];
}

void refuse(const Message& why) {
  std::string reason = text_of(why);
  const char end = reason.empty() ? '.' : reason.back();
  if (end != '?' && end != '.' && end != '!') reason += '.';
  say(plan_says(message(N_("{reason} Nothing was changed."), {arg("reason", reason)})));
}

EditedFile* EditBatch::file(const std::string& path, Message& error) {
  for (EditedFile& f : files_)
    if (f.path == path) return &f;
  EditedFile f;
  f.path = path;
  std::string why;
  if (!read_regular_file(path, kMaxEditedFile, f.bytes, why)) {
    error =
        message(N_("cannot read {file}: {reason}"), {plan_text("file", path), arg("reason", why)});
    return nullptr;
  }
  Diagnostics diags;
  const auto text = decode_text(f.bytes, 1, diags);
  if (!text) {
    error = message(
        N_("{file} is not text plan can edit ({reason}); fix it first (plan check)"),
        {plan_text("file", path),
         diags.empty() ? nested("reason", message(N_("not UTF-8")))
                       : arg("reason", message_text(diags.front(), translate, messages_rtl()))});
    return nullptr;
  }
  f.bom = f.bytes.substr(0, f.bytes.size() - text->size());
  f.text = std::string(*text);
  Diagnostics ignored;
  f.root = parse_yaml(f.text, 1, ignored);
  files_.push_back(std::move(f));
  return &files_.back();
}

void EditBatch::set_text(EditedFile& file, std::string text) {
  file.text = std::move(text);
  file.changed = new_bytes(file) != file.bytes;
  Diagnostics ignored;
  file.root = parse_yaml(file.text, 1, ignored);
}

int run_edit(const GlobalOptions& global, const EditRequest& request) {
  auto first = load_and_check(global);
  if (!first) return kUsage;
  std::unique_ptr<CheckedPlan> before;
  EditBatch batch;
  std::vector<FileLock> locks;
  if (request.dry_run) {
    if (Message why = request.make(*first, batch); !why.empty()) {
      refuse(why);
      return kUsage;
    }
    before = std::move(first);
  } else {
    // Learn which files the change touches, lock them, then read the plan again and make
    // the change anew: an edit that landed while we waited is the base of ours.
    EditBatch trial;
    if (Message why = request.make(*first, trial); !why.empty()) {
      refuse(why);
      return kUsage;
    }
    const std::vector<std::string> touched = changed_paths(trial);
    locks = std::vector<FileLock>(touched.size());
    for (std::size_t i = 0; i < touched.size(); ++i) {
      std::string why;
      if (!locks[i].lock(touched[i], kLockTimeoutMs, why)) {
        refuse(message(N_("cannot lock {file}: {reason}"),
                       {plan_text("file", touched[i]), arg("reason", why)}));
        return kUsage;
      }
    }
    before = load_and_check(global);
    if (!before) return kUsage;
    if (Message why = request.make(*before, batch); !why.empty()) {
      refuse(why);
      return kUsage;
    }
    for (const std::string& path : changed_paths(batch))
      if (!std::binary_search(touched.begin(), touched.end(), path)) {
        refuse(message(N_("the plan changed while waiting for its files: {file} is now part of "
                          "the change; run the command again"),
                       {plan_text("file", path)}));
        return kUsage;
      }
  }

  const std::vector<std::string> paths = changed_paths(batch);
  // The whole plan is checked with the edited files: the edit is refused only for the
  // errors it would add, so one broken file does not block everyone's updates.
  LoadOptions options;
  for (const EditedFile& f : batch.files())
    if (f.changed) options.replacements[f.path] = new_bytes(f);
  auto after = load_and_check(global, options);
  if (!after) return kUsage;
  const auto& before_files = before->load.plan.files;
  const auto& after_files = after->load.plan.files;
  if (const auto added = new_errors(before->diags, before_files, after->diags, after_files);
      !added.empty()) {
    for (const Diagnostic* d : added) say(text_of(after_files, *d));
    say(plan_says(
        paths.size() == 1
            ? plural_message("the change would add {n} error to the plan, so nothing in "
                             "{file} was changed.",
                             "the change would add {n} errors to the plan, so nothing in "
                             "{file} was changed.",
                             added.size(),
                             {arg("n", added.size()), plan_text("file", paths.front())})
            : plural_message("the change would add {n} error to the plan, so no file was changed.",
                             "the change would add {n} errors to the plan, so no file was changed.",
                             added.size(), {arg("n", added.size())})));
    list_old_errors(*before, true);
    return kPlanErrors;
  }

  if (request.dry_run) {
    for (const std::string& path : paths)
      for (const EditedFile& f : batch.files())
        if (f.path == path) write_text(stdout, line_diff(path, f.bytes, new_bytes(f)));
  } else {
    // A file changed on disk since it was read (an editor saved it: locks bind only plan
    // itself) is not overwritten; every file is compared before any is written.
    for (const EditedFile& f : batch.files()) {
      if (!f.changed) continue;
      std::string now, why;
      if (!read_regular_file(f.path, kMaxEditedFile, now, why) || now != f.bytes) {
        refuse(message(N_("{file} changed on disk while plan was editing it; run the command "
                          "again"),
                       {plan_text("file", f.path)}));
        return kUsage;
      }
    }
    std::vector<std::string> written;
    for (const std::string& path : paths)
      for (const EditedFile& f : batch.files()) {
        if (f.path != path) continue;
        std::string why;
        if (!write_file_atomically(path, new_bytes(f), why)) {
          if (written.empty()) {
            refuse(message(N_("cannot write {file}: {reason}"),
                           {plan_text("file", path), arg("reason", why)}));
          } else {
            std::vector<std::string> rest(
                paths.begin() + static_cast<std::ptrdiff_t>(written.size()), paths.end());
            say(plan_says(message(
                N_("cannot write {file}: {reason}. Written: {written}; not written: {rest}."),
                {plan_text("file", path), arg("reason", why), arg("written", joined(written)),
                 arg("rest", joined(rest))})));
          }
          return kUsage;
        }
        written.push_back(path);
      }
  }
  if (request.report) request.report(*before, *after);
  // Warnings the change brings are shown; they do not stop it.
  for (const Diagnostic* d :
       new_diagnostics(before->diags, before_files, after->diags, after_files, Severity::warning))
    say(text_of(after_files, *d));
  list_old_errors(*before, false);
  return kOk;
}

}  // namespace plan::cli
