// What the language server knows between messages: the plan folder, every file of it as the
// editor or the disk has it, and the plan checked and measured as those files are now.
// Features (hover, completion…) read it; the server's message handlers change it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "load/loader.hpp"
#include "lsp/document.hpp"
#include "lsp/json_rpc.hpp"
#include "message.hpp"
#include "pipeline/measured_plan.hpp"
#include "pipeline/plan_sources.hpp"

namespace plan::lsp {

// The language of the published diagnostics' messages: a translation (null: English), and
// whether that language runs right to left (plan text inside it is then isolated).
struct MessageLanguage {
  Translator translate = nullptr;
  bool rtl = false;
};

struct SessionConfig {
  std::string plan_dir;      // given on the command line or by PLAN_DIR; else from the root
  std::string fallback_dir;  // the plan folder found from the current folder, if any
  Date as_of;                // the date figures are measured on
  LoadOptions load;          // size limits
  std::string docs_url;      // the README's table of diagnostic codes (codeDescription)
  // Chooses the messages' language for the client's `locale` ("" when it sent none), once,
  // in `initialize`, before anything is published: the catalogs speak one language per
  // process. Null: English.
  std::function<MessageLanguage(const std::string& locale)> message_language;
};

class Session {
 public:
  explicit Session(SessionConfig config);

  // What the client chose in `initialize`.
  Encoding encoding = Encoding::utf16;
  bool inlay_hints = true;
  // The client also runs yaml-language-server with the plan's schema: leave it the
  // diagnostics the schema and the YAML parser report (initializationOptions).
  bool yaml_language_server = false;
  std::string locale;        // the client's, e.g. "he"; empty: the plan's language
  MessageLanguage messages;  // of the published diagnostics (see choose_message_language)
  // The client applies a WorkspaceEdit's versioned `documentChanges`
  // (workspace.workspaceEdit.documentChanges); else a rename answers with `changes`.
  bool document_changes = false;
  // The client shows an outline as a tree of DocumentSymbol
  // (textDocument.documentSymbol.hierarchicalDocumentSymbolSupport); else SymbolInformation.
  bool hierarchical_symbols = false;

  // Chooses the plan folder (the configured one, else `plan/` below the workspace root,
  // else the root itself when it holds a plan file, else the fallback) and reads it.
  void start(const std::string& workspace_root);
  const std::string& docs_url() const { return config_.docs_url; }
  // The messages' language for `locale`, through the configured chooser.
  void choose_message_language() {
    if (config_.message_language) messages = config_.message_language(locale);
  }
  bool has_plan() const { return !root_.empty(); }
  const std::string& plan_root() const { return root_; }  // absolute, no trailing '/'

  // Whether a path is a file of the plan: a *.yaml or *.yml below the plan folder, none of
  // whose parts is hidden.
  bool serves(const std::string& abs_path) const;
  // The plan file a request's params name (textDocument.uri), if it names one.
  std::optional<std::string> served_path(const json& params) const;

  // The editor's buffers take the place of the files on disk while open.
  void open(const std::string& abs_path, std::string text, std::int64_t version);
  Document* open_document(const std::string& abs_path);  // null unless open
  void set_version(const std::string& abs_path, std::int64_t version);
  void edited(const std::string& abs_path);  // after changing an open document's text
  void close(const std::string& abs_path);   // back to the disk's text
  // A file changed outside the editor (created, changed or deleted on disk): read again,
  // unless the editor has it open.
  void disk_changed(const std::string& abs_path);

  // The plan as its files are now: checked again after a change, measured when asked.
  const CheckedPlan& checked();
  const MeasuredPlan& measured();
  std::size_t checks() const { return checks_; }  // plans checked so far (for tests)

  // A file of the plan, by absolute path or by its number in the checked plan.
  const Document* document(const std::string& abs_path) const;
  const Document* document(std::uint32_t file);
  std::optional<std::int64_t> version(const std::string& abs_path) const;
  bool is_open(const std::string& abs_path) const;
  std::string absolute(std::uint32_t file);  // "" for file 0 (the folder) or none
  std::optional<std::uint32_t> file_number(const std::string& abs_path);
  std::string uri(std::uint32_t file) { return uri_from_file(file); }

  // Loader places as the protocol wants them: the token's range; {uri, range}.
  Range range(Loc loc);
  json location(Loc loc);

  // Every file of the plan folder now (absolute paths, sorted).
  std::vector<std::string> files() const;

 private:
  struct File {
    Document doc;
    bool open = false;
    std::int64_t version = 0;
  };
  std::string uri_from_file(std::uint32_t file);
  std::string display(const std::string& abs_path) const;
  std::string absolute_of_display(const std::string& shown) const;
  void read_from_disk(const std::string& abs_path);

  SessionConfig config_;
  std::string root_, cwd_;
  std::map<std::string, File> files_;  // by absolute path
  PlanSources sources_;                // by path as shown (relative to the current folder)
  std::unique_ptr<MeasuredPlan> plan_;
  bool dirty_ = true, measured_fresh_ = false;
  std::size_t checks_ = 0;
};

}  // namespace plan::lsp
