#include "lsp/server.hpp"

#include <algorithm>

#include "lsp/features.hpp"
#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"

namespace plan::lsp {

namespace {

using Feature = Reply (*)(Session&, const json&);

// Every request the server answers, and its feature.
const std::vector<std::pair<const char*, Feature>>& requests() {
  static const std::vector<std::pair<const char*, Feature>> table{
      {"textDocument/hover", hover},
      {"textDocument/completion", completion},
      {"textDocument/definition", definition},
      {"textDocument/references", references},
      {"textDocument/prepareRename", prepare_rename},
      {"textDocument/rename", rename},
      {"textDocument/documentSymbol", document_symbols},
      {"workspace/symbol", workspace_symbols},
      {"textDocument/codeAction", code_actions},
      {"textDocument/inlayHint", inlay_hints},
  };
  return table;
}

Feature find_feature(const std::string& method) {
  for (const auto& [name, f] : requests())
    if (method == name) return f;
  return nullptr;
}

// An id the protocol allows: a number or a string.
bool valid_id(const json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned();
}

std::string id_key(const json& id) {
  return id.dump();
}

}  // namespace

Server::Server(SessionConfig config, std::string version)
    : session_(std::move(config)), version_(std::move(version)) {}

std::vector<json> Server::handle(const json& message) {
  MessageReader::Frame f;
  f.kind = MessageReader::Frame::Kind::message;
  f.body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  return handle(std::vector<MessageReader::Frame>{f});
}

std::vector<json> Server::handle(const std::vector<MessageReader::Frame>& frames) {
  std::vector<json> out;
  std::vector<json> messages(frames.size());
  // Cancellations first: a request cancelled later in the batch is not worked on at all.
  std::vector<std::set<std::string>> cancelled_after(frames.size() + 1);
  for (std::size_t i = frames.size(); i-- > 0;) {
    cancelled_after[i] = cancelled_after[i + 1];
    if (frames[i].kind != MessageReader::Frame::Kind::message) continue;
    messages[i] = json::parse(frames[i].body, nullptr, false);
    const std::string* method = string_at(messages[i], "method");
    const json* params = object_at(messages[i], "params");
    if (method && *method == "$/cancelRequest" && params && params->contains("id") &&
        valid_id((*params)["id"]))
      cancelled_after[i].insert(id_key((*params)["id"]));
  }
  for (std::size_t i = 0; i < frames.size() && !exited_; ++i) {
    if (frames[i].kind == MessageReader::Frame::Kind::error) {
      out.push_back(error_response(nullptr, kParseError, frames[i].error));
      continue;
    }
    if (frames[i].kind != MessageReader::Frame::Kind::message) continue;
    if (messages[i].is_discarded()) {
      out.push_back(error_response(nullptr, kParseError, "the message is not valid JSON"));
      continue;
    }
    dispatch(messages[i], cancelled_after[i + 1], out);
  }
  if (changed_ && ready_ && !exited_) {
    changed_ = false;
    for (json& n : publisher_.publish(session_)) out.push_back(std::move(n));
  }
  return out;
}

void Server::dispatch(const json& message, const std::set<std::string>& cancelled,
                      std::vector<json>& out) {
  if (!message.is_object()) {
    out.push_back(error_response(nullptr, kInvalidRequest, "a message must be a JSON object"));
    return;
  }
  const std::string* method = string_at(message, "method");
  const bool has_id = message.contains("id");
  if (!method) {
    // A response to one of the server's own requests (registerCapability): nothing to do.
    if (has_id && (message.contains("result") || message.contains("error"))) return;
    out.push_back(error_response(has_id && valid_id(message["id"]) ? message["id"] : json(nullptr),
                                 kInvalidRequest, "a message without a method"));
    return;
  }
  static const json kNoParams = json::object();
  const json& params = message.contains("params") ? message["params"] : kNoParams;
  if (!has_id) {
    notify(*method, params, out);
    return;
  }
  const json& id = message["id"];
  if (!valid_id(id)) {
    out.push_back(
        error_response(nullptr, kInvalidRequest, "a request's id must be a number or a string"));
    return;
  }
  if (cancelled.count(id_key(id))) {
    out.push_back(error_response(id, kRequestCancelled, "cancelled"));
    return;
  }
  if (*method == "initialize") {
    if (initialized_) {
      out.push_back(error_response(id, kInvalidRequest, "the server is already initialized"));
      return;
    }
    out.push_back(response(id, initialize(params)));
    return;
  }
  if (!initialized_) {
    out.push_back(
        error_response(id, kServerNotInitialized, "the first request must be 'initialize'"));
    return;
  }
  if (shutdown_) {
    out.push_back(error_response(id, kInvalidRequest, "the server is shutting down"));
    return;
  }
  if (*method == "shutdown") {
    shutdown_ = true;
    out.push_back(response(id, nullptr));
    return;
  }
  const Feature feature = find_feature(*method);
  if (!feature) {
    out.push_back(error_response(id, kMethodNotFound, "no method '" + *method + "'"));
    return;
  }
  if (!params.is_object()) {
    out.push_back(error_response(id, kInvalidParams, "params must be an object"));
    return;
  }
  Reply r = feature(session_, params);
  out.push_back(r.error ? error_response(id, r.error, r.message)
                        : response(id, std::move(r.result)));
}

json Server::initialize(const json& params) {
  initialized_ = true;
  const json* caps = object_at(params, "capabilities");
  const json* general = caps ? object_at(*caps, "general") : nullptr;
  if (general && general->contains("positionEncodings") &&
      (*general)["positionEncodings"].is_array()) {
    for (const json& e : (*general)["positionEncodings"])
      if (e == "utf-8") session_.encoding = Encoding::utf8;
  }
  const json* workspace = caps ? object_at(*caps, "workspace") : nullptr;
  const json* watched = workspace ? object_at(*workspace, "didChangeWatchedFiles") : nullptr;
  watch_dynamic_ = watched && bool_at(*watched, "dynamicRegistration").value_or(false);
  const json* edit = workspace ? object_at(*workspace, "workspaceEdit") : nullptr;
  session_.document_changes = edit && bool_at(*edit, "documentChanges").value_or(false);
  const json* text_document = caps ? object_at(*caps, "textDocument") : nullptr;
  const json* symbols = text_document ? object_at(*text_document, "documentSymbol") : nullptr;
  session_.hierarchical_symbols =
      symbols && bool_at(*symbols, "hierarchicalDocumentSymbolSupport").value_or(false);
  if (const std::string* locale = string_at(params, "locale")) session_.locale = *locale;
  session_.choose_message_language();
  if (const json* options = object_at(params, "initializationOptions")) {
    session_.inlay_hints = bool_at(*options, "inlayHints").value_or(true);
    session_.yaml_language_server = bool_at(*options, "yamlLanguageServer").value_or(false);
  }
  // The workspace root: the first workspace folder, else rootUri, else rootPath.
  std::string root;
  if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() &&
      !params["workspaceFolders"].empty())
    if (const std::string* uri = string_at(params["workspaceFolders"][0], "uri"))
      root = path_from_uri(*uri).value_or("");
  if (root.empty())
    if (const std::string* uri = string_at(params, "rootUri"))
      root = path_from_uri(*uri).value_or("");
  if (root.empty())
    if (const std::string* path = string_at(params, "rootPath")) root = *path;
  session_.start(root);

  json capabilities{
      {"positionEncoding", session_.encoding == Encoding::utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"completionProvider", {{"triggerCharacters", {" ", ",", "[", "-"}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"documentSymbolProvider", true},
      {"workspaceSymbolProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"inlayHintProvider", true},
  };
  return json{{"capabilities", std::move(capabilities)},
              {"serverInfo", {{"name", "plan"}, {"version", version_}}}};
}

void Server::notify(const std::string& method, const json& params, std::vector<json>& out) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // the protocol drops notifications then
  if (method == "initialized") {
    ready_ = true;
    changed_ = true;  // publish every file's problems once
    if (watch_dynamic_) {
      // Files changed outside the editor (a `git pull`) are reported by the client.
      json watchers = json::array({{{"globPattern", "**/*.{yaml,yml}"}}});
      out.push_back({{"jsonrpc", "2.0"},
                     {"id", next_id_++},
                     {"method", "client/registerCapability"},
                     {"params",
                      {{"registrations",
                        {{{"id", "plan-watched-files"},
                          {"method", "workspace/didChangeWatchedFiles"},
                          {"registerOptions", {{"watchers", watchers}}}}}}}}});
    }
    return;
  }
  if (!params.is_object()) return;
  const auto path_of = [&](const json& p) -> std::optional<std::string> {
    const auto uri = document_uri(p);
    if (!uri) return std::nullopt;
    auto path = path_from_uri(*uri);
    if (!path || !session_.serves(*path)) return std::nullopt;
    return path;
  };
  if (method == "textDocument/didOpen") {
    const json* doc = object_at(params, "textDocument");
    const std::string* text = doc ? string_at(*doc, "text") : nullptr;
    const auto path = path_of(params);
    if (!path || !text) return;
    session_.open(*path, *text, integer_at(*doc, "version").value_or(0));
    changed_ = true;
  } else if (method == "textDocument/didChange") {
    did_change(params);
  } else if (method == "textDocument/didSave") {
    changed_ = true;
  } else if (method == "textDocument/didClose") {
    if (const auto path = path_of(params)) {
      session_.close(*path);
      changed_ = true;
    }
  } else if (method == "workspace/didChangeWatchedFiles") {
    if (!params.contains("changes") || !params["changes"].is_array()) return;
    for (const json& change : params["changes"]) {
      const std::string* uri = string_at(change, "uri");
      const auto path = uri ? path_from_uri(*uri) : std::nullopt;
      if (!path || !session_.serves(*path)) continue;
      session_.disk_changed(*path);
      changed_ = true;
    }
  }
  // Anything else ($/setTrace, $/cancelRequest once its batch is done, configuration) needs
  // no answer.
}

void Server::did_change(const json& params) {
  const auto uri = document_uri(params);
  const auto path = uri ? path_from_uri(*uri) : std::nullopt;
  if (!path) return;
  Document* doc = session_.open_document(*path);
  if (!doc || !params.contains("contentChanges") || !params["contentChanges"].is_array()) return;
  for (const json& change : params["contentChanges"]) {
    const std::string* text = string_at(change, "text");
    if (!text) continue;
    if (const json* r = object_at(change, "range")) {
      if (const auto range = range_from(*r)) doc->replace(*range, *text, session_.encoding);
    } else {
      doc->set_text(*text);
    }
  }
  if (const json* d = object_at(params, "textDocument"))
    if (const auto v = integer_at(*d, "version")) session_.set_version(*path, *v);
  session_.edited(*path);
  changed_ = true;
}

}  // namespace plan::lsp
