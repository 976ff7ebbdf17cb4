// `plan set ID FIELD=VALUE...`: change fields of one activity in place, keeping every
// comment and every other byte of its file; checked before anything is written.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/measured.hpp"
#include "cli/pipeline.hpp"
#include "edit/set_field.hpp"
#include "load/encoding.hpp"
#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"
#include "util/atomic_write.hpp"

namespace plan::cli {

namespace {
struct SetOptions {
  std::string id;
  std::vector<std::string> changes;
  bool dry_run = false;
};

void say(const std::string& s) { std::fputs(s.c_str(), stderr); }
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
    std::vector<FieldChange> changes;
    for (const std::string& arg : opts->changes) {
      std::string error;
      auto c = parse_change(arg, error);
      if (!c) {
        say("plan: " + error + "\n");
        return int{kUsage};
      }
      if (std::string why = validate_change(*c); !why.empty()) {
        say(fmt::format("plan: {}; nothing was changed\n", why));
        return int{kPlanErrors};
      }
      changes.push_back(*c);
    }

    auto checked = load_and_check(global);
    if (!checked) return int{kUsage};
    const ItemRef* item = find_item_or_explain(*checked, opts->id);
    if (!item) return int{kUsage};  // an id that names nothing is a usage error
    if (item->kind != ItemKind::activity) {
      say(fmt::format("plan: '{}' is a {}; plan set changes activities\n", opts->id, item_kind_name(item->kind)));
      return int{kPlanErrors};
    }
    const Activity& activity = *checked->index->activities()[item->index].activity;
    const std::string path = checked->load.plan.files[activity.loc.file];

    std::string bytes, why;
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
    auto edited = apply_changes(std::string(*text), *root, activity.id.value, changes, error);
    if (!edited) {
      say(fmt::format("plan: {}; nothing was changed\n", error));
      return int{kPlanErrors};
    }
    const std::string after = bom + *edited;

    // The whole plan, with the edited file, must check without errors before it is written.
    LoadOptions options;
    options.replace_path = path;
    options.replace_bytes = after;
    GlobalOptions again = global;
    auto rechecked = load_and_check(again, options);
    if (!rechecked) return int{kUsage};
    if (rechecked->errors > 0) {
      Checked& c = *rechecked;
      c.diags.erase(std::remove_if(c.diags.begin(), c.diags.end(),
                                   [](const Diagnostic& d) { return d.severity != Severity::error; }),
                    c.diags.end());
      print_diagnostics(c, DiagFormat::text);
      say(fmt::format("plan: the change would leave the plan with {} error{}; {} was not changed\n",
                      c.errors, c.errors == 1 ? "" : "s", path));
      return int{kPlanErrors};
    }
    if (opts->dry_run) {
      std::fputs(line_diff(path, bytes, after).c_str(), stdout);
      return int{kOk};
    }
    if (after == bytes) return int{kOk};
    if (!write_file_atomically(path, after, why)) {
      say(fmt::format("plan: cannot write {}: {}\n", path, why));
      return int{kUsage};
    }
    for (const FieldChange& c : changes)
      std::fputs(fmt::format("{}: {} {} {} ({})\n", activity.id.value, c.field, c.add ? "+=" : "=", c.value, path).c_str(),
                 stdout);
    return int{kOk};
  };
}

}  // namespace plan::cli
