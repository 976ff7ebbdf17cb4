// `plan set ID FIELD=VALUE...`: change fields of one activity in place, keeping every
// comment and every other byte of its file; checked before anything is written.
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/measured.hpp"
#include "cli/pipeline.hpp"
#include "edit/line_diff.hpp"
#include "edit/new_errors.hpp"
#include "edit/set_field.hpp"
#include "edit/yaml_scalar.hpp"
#include "load/encoding.hpp"
#include "load/yaml_tree.hpp"
#include "util/atomic_write.hpp"
#include "util/file_lock.hpp"
#include "util/read_file.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {
struct SetOptions {
  std::string id;
  std::vector<std::string> changes;
  bool dry_run = false;
};

void say(const std::string& s) {
  std::fputs(s.c_str(), stderr);
}

// A refusal as sentences: the reason, then "Nothing was changed." after a full stop (or
// after the reason's own '?', as in "did you mean 'done'?").
void refuse(const std::string& why) {
  const char end = why.empty() ? '.' : why.back();
  say(fmt::format("plan: {}{} Nothing was changed.\n", why,
                  end == '?' || end == '.' || end == '!' ? "" : "."));
}

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The errors that were there before the edit, briefly: they do not block it.
void list_old_errors(const CheckedPlan& c, const char* lead) {
  if (c.errors == 0) return;
  say(fmt::format("plan: {} {} already in the plan, not caused by this change:\n", lead,
                  plural(c.errors, "error")));
  std::size_t shown = 0;
  for (const Diagnostic& d : c.diags) {
    if (d.severity != Severity::error) continue;
    if (++shown > 10) {
      say(fmt::format("  … and {} more (plan check lists them)\n", c.errors - 10));
      break;
    }
    say(fmt::format("  {}: {} [{}]\n", format_location(c.load.plan.files, d.loc), d.message,
                    d.code));
  }
}

// The activity `id` and its file in a checked plan, or "" after saying why (exit 2).
std::string file_of_activity(const CheckedPlan& c, const std::string& id, std::string& real_id) {
  const ItemRef* item = find_item_or_explain(c, id);
  if (!item) return "";
  if (item->kind != ItemKind::activity) {
    refuse(fmt::format("'{}' is a {}, not an activity; plan set changes only activities",
                       visible(id), item_kind_name(item->kind)));
    return "";
  }
  const Activity& activity = *c.index->activities()[item->index].activity;
  real_id = activity.id.value;
  return c.load.plan.files[activity.loc.file];
}
}  // namespace

Runner setup_set(CLI::App& sub) {
  auto opts = std::make_shared<SetOptions>();
  sub.add_option("ID", opts->id, "The activity to change")->required();
  sub.add_option("CHANGES", opts->changes,
                 "FIELD=VALUE (status, actual, percent, due, owner, weight), FIELD+=N, or +N for "
                 "one more of the measure's count")
      ->required();
  sub.add_flag("--dry-run", opts->dry_run, "Print the change as a diff instead of writing it");
  return [opts](const GlobalOptions& global) {
    // A value set cannot take is a usage error (exit 2); exit 1 means the plan has errors.
    std::vector<FieldChange> changes;
    for (const std::string& arg : opts->changes) {
      std::string error;
      auto c = parse_change(arg, error);
      if (!c) {
        say("plan: " + error + "\n");
        return int{kUsage};
      }
      if (std::string why = validate_change(*c); !why.empty()) {
        refuse(why);
        return int{kUsage};
      }
      changes.push_back(*c);
    }

    auto located = load_and_check(global);
    if (!located) return int{kUsage};
    std::string id;
    const std::string path = file_of_activity(*located, opts->id, id);
    if (path.empty()) return int{kUsage};

    // One `plan set` at a time per file: under the lock, the plan is read again, so a
    // change that landed while we waited is the base of ours.
    FileLock lock;
    std::string why;
    if (!opts->dry_run && !lock.lock(path, 10000, why)) {
      refuse(fmt::format("cannot lock {}: {}", path, why));
      return int{kUsage};
    }
    auto before = load_and_check(global);
    if (!before) return int{kUsage};
    std::string again_id;
    if (file_of_activity(*before, opts->id, again_id) != path) {
      refuse(fmt::format("activity '{}' moved out of {} while waiting", opts->id, path));
      return int{kUsage};
    }

    std::string bytes;
    if (!read_regular_file(path, std::size_t{64} << 20, bytes, why)) {
      say(fmt::format("plan: cannot read {}: {}\n", path, why));
      return int{kUsage};
    }
    Diagnostics diags;
    auto text = decode_text(bytes, 1, diags);
    auto root = text ? parse_yaml(*text, 1, diags) : std::nullopt;
    if (!root) {
      say(fmt::format("plan: {} does not parse; fix it first (plan check)\n", path));
      return int{kPlanErrors};
    }
    // Edits are made to the text after any byte-order mark, which is kept as it was.
    const std::string bom = bytes.substr(0, bytes.size() - text->size());
    std::string error;
    auto edited = apply_changes(std::string(*text), *root, id, changes, error, path);
    if (!edited) {
      refuse(error);
      return int{kUsage};
    }
    const std::string after = bom + *edited;

    // The whole plan is checked with the edited file: the edit is refused only for the
    // errors it would add, so one broken file does not block everyone's updates.
    LoadOptions options;
    options.replacements[path] = after;
    auto rechecked = load_and_check(global, options);
    if (!rechecked) return int{kUsage};
    if (const auto added = new_errors(before->diags, before->load.plan.files, rechecked->diags,
                                      rechecked->load.plan.files);
        !added.empty()) {
      for (const Diagnostic* d : added) say(format_text(rechecked->load.plan.files, *d));
      say(fmt::format("plan: the change would add {} to the plan, so {} was not changed.\n",
                      plural(added.size(), "error"), path));
      list_old_errors(*before, "besides, there are");
      return int{kPlanErrors};
    }
    if (opts->dry_run) {
      std::fputs(line_diff(path, bytes, after).c_str(), stdout);
      list_old_errors(*before, "note:");
      return int{kOk};
    }
    if (after != bytes && !write_file_atomically(path, after, why)) {
      refuse(fmt::format("cannot write {}: {}", path, why));
      return int{kUsage};
    }
    // Each value as YAML writes it: quoted and escaped where raw text could mislead.
    for (const FieldChange& c : changes)
      std::fputs(
          fmt::format("{}: {} {} {} ({})\n", id, c.field, c.add ? "+=" : "=",
                      yaml_scalar(c.value, {ScalarStyle::any, c.field == "owner", false}), path)
              .c_str(),
          stdout);
    list_old_errors(*before, "note:");
    return int{kOk};
  };
}

}  // namespace plan::cli
