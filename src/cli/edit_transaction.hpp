// The one course of every command that changes the plan's files (set, add, rename,
// import): every file of the plan locked, the plan read again under the locks, the change
// made to the texts, the whole plan checked with it, then the diff shown (--dry-run) or
// each changed file written atomically, only when none changed on disk meanwhile.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "load/yaml_tree.hpp"
#include "message.hpp"
#include "pipeline/checked_plan.hpp"

namespace plan::cli {

// A plan file as an edit sees it: read under the lock, then changed in memory.
struct EditedFile {
  std::string path;              // as Plan::files names it
  std::string bytes;             // as read under the lock
  std::string bom;               // the byte-order mark before the text, kept as it was; or ""
  std::string text;              // the decoded text after the mark: what edits change
  std::optional<YamlNode> root;  // `text` parsed (file number 1); none when it does not parse
  bool changed = false;
};

// The files an edit reads and changes, each read at most once.
class EditBatch {
 public:
  // The file `path` (as Plan::files names it), read on first use. Null with `error` set
  // when it cannot be read or decoded; a file that does not parse has no root.
  EditedFile* file(const std::string& path, Message& error);
  // Gives the file new text (after its byte-order mark) and parses it again.
  void set_text(EditedFile& file, std::string text);
  std::vector<EditedFile>& files() { return files_; }

 private:
  std::vector<EditedFile> files_;
};

struct EditRequest {
  bool dry_run = false;
  // Makes the change in `batch`, given the plan as read. Returns no message, or why the
  // change cannot be made (exit 2, nothing written). Without --dry-run it is called twice: once
  // to learn which files the change touches, so that only those are locked, and once more
  // on the plan read again under the locks (so it must not print or ask anything).
  std::function<Message(const CheckedPlan& before, EditBatch& batch)> make;
  // Prints what changed (stdout), after the write or with the dry run's diff; may be empty.
  std::function<void(const CheckedPlan& before, const CheckedPlan& after)> report;
};

// Runs the edit. The locks are taken on the files the first call changed, in path order
// (two edits never wait on each other crosswise); if the second call changes a file not
// locked, the edit is refused. Exit codes: 0 written (or shown); 1 the change would add errors to
// the plan (they are printed, with the errors that were there before listed briefly); 2 usage and
// I/O (no plan, a refused change, a lock not taken, a file changed on disk, a write that failed).
// New warnings the change brings are printed, and do not stop it.
int run_edit(const GlobalOptions& global, const EditRequest& request);

// The file that holds the item `id` (ignoring case; `plan` names the plan's metadata) in a
// checked plan, as Plan::files names it, and the id as written in `real_id`; or "" with
// `why` set (no such item, with "did you mean"; no metadata block; an item whose own id is
// `plan`, which would make the name ambiguous). What set and import edit.
std::string file_of_item(const CheckedPlan& c, const std::string& id, std::string& real_id,
                         Message& why);

// "plan: WHY. Nothing was changed." on stderr, in the user's language (a full stop added
// unless WHY ends a sentence).
void refuse(const Message& why);

}  // namespace plan::cli
