// `plan set ID FIELD=VALUE... [--unset FIELD]`: change, add or remove fields of one item
// (an activity, section, target or goal; `plan` for the plan's own metadata) in place,
// keeping every comment and every other byte of its file; the whole plan is checked with
// the change before anything is written (cli/edit_transaction).
#include <algorithm>
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/edit_transaction.hpp"
#include "cli/i18n.hpp"
#include "cli/terminal.hpp"
#include "edit/set_field.hpp"
#include "util/text.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {
struct SetOptions {
  std::string id;
  std::vector<std::string> changes;
  std::vector<std::string> unset;
  bool dry_run = false;
};

// What `make` learned, for the report: the item's id as written, its file, each field's
// before and after.
struct SetOutcome {
  std::string id, path;
  std::vector<FieldResult> results;
};

}  // namespace

Runner setup_set(CLI::App& sub) {
  auto opts = std::make_shared<SetOptions>();
  sub.add_option("ID", opts->id,
                 tr("The item to change: an activity, section, target or goal, or 'plan' for the "
                    "plan's own metadata"))
      ->required();
  sub.add_option("CHANGES", opts->changes,
                 tr("FIELD=VALUE; FIELD+=N and FIELD-=N for numbers; FIELD+=ID and FIELD-=ID for "
                    "lists (targets=T1,T4 sets the list); FIELD= removes the field; +N adds N to "
                    "the measure's actual count. Changes of one field compose in order"));
  sub.add_option("--unset", opts->unset, tr("Remove a field (may be given again)"))
      ->type_name("FIELD")
      ->allow_extra_args(false);
  sub.add_flag("--dry-run", opts->dry_run, tr("Print the change as a diff instead of writing it"));
  return [opts](const GlobalOptions& global) {
    // A value set cannot take is a usage error (exit 2); exit 1 means the plan has errors.
    std::vector<FieldChange> changes;
    for (const std::string& arg : opts->changes) {
      Message error;
      auto c = parse_change(arg, error);
      if (!c) {
        write_text(stderr, plan_says(error));
        return int{kUsage};
      }
      if (Message why = validate_change(*c); !why.empty()) {
        refuse(why);
        return int{kUsage};
      }
      changes.push_back(*c);
    }
    for (const std::string& field : opts->unset) {
      Message error;
      auto c = parse_unset(field, error);
      if (!c) {
        write_text(stderr, plan_says(error));
        return int{kUsage};
      }
      // Where --unset stands among the changes is not known: one field set and removed in
      // one command has no one meaning.
      for (const FieldChange& other : changes)
        if (other.field == field && !other.unset) {
          refuse(message(N_("'{field}' is both changed and removed (--unset)"),
                         {plan_text("field", field)}));
          return int{kUsage};
        }
      changes.push_back(*c);
    }
    if (changes.empty()) {
      write_text(stderr,
                 plan_says(message(N_("plan set needs a change: FIELD=VALUE, or --unset FIELD"))));
      return int{kUsage};
    }

    auto outcome = std::make_shared<SetOutcome>();
    EditRequest request;
    request.dry_run = opts->dry_run;
    request.make = [opts, changes, outcome](const CheckedPlan& before,
                                            EditBatch& batch) -> Message {
      *outcome = {};
      Message why;
      const std::string path = file_of_item(before, opts->id, outcome->id, why);
      if (path.empty()) return why;
      outcome->path = path;
      EditedFile* file = batch.file(path, why);
      if (!file) return why;
      if (!file->root)
        return message(N_("{file} does not parse; fix it first (plan check)"),
                       {plan_text("file", path)});
      Message error;
      auto edited = apply_changes(file->text, *file->root, outcome->id, changes, error, path,
                                  &outcome->results);
      if (!edited) return error;
      batch.set_text(*file, *edited);
      return {};
    };
    // Each field's value before and after, as YAML writes them: quoted and escaped where
    // raw text could mislead.
    request.report = [outcome](const CheckedPlan&, const CheckedPlan&) {
      for (const FieldResult& r : outcome->results)
        write_text(stdout, line_of(result_message(outcome->id, r, outcome->path)));
    };
    return run_edit(global, request);
  };
}

}  // namespace plan::cli
