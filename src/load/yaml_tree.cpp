#include "load/yaml_tree.hpp"

#include <cctype>
#include <map>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "util/text.hpp"

namespace plan {
namespace {

// Thrown from inside the event handler to stop yaml-cpp once the file is known to be bad;
// caught in parse_yaml, never past it.
struct Abort {
  Diagnostic diag;
};

std::size_t count_nodes(const YamlNode& n) {
  std::size_t total = 1;
  for (const YamlNode& c : n.children) total += count_nodes(c);
  return total;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, std::uint32_t file, const YamlLimits& limits)
      : text_(text), file_(file), limits_(limits) {}

  std::optional<YamlNode> root;
  Diagnostics diags;  // problems that do not stop the parse (duplicate keys)
  Loc doc_start;      // where the document begins (its `---`, if it has one)

  // The innermost mapping or sequence still open: where an unclosed '[' or '{' began.
  const YamlNode* innermost_open() const { return stack_.empty() ? nullptr : stack_.back(); }

  Loc loc_of(const YAML::Mark& m) const {
    if (m.is_null()) return {file_, 1, 1};
    std::size_t pos = static_cast<std::size_t>(m.pos);
    std::size_t col_bytes = static_cast<std::size_t>(m.column);
    if (pos > text_.size() || col_bytes > pos) return {file_, static_cast<std::uint32_t>(m.line + 1), 1};
    std::size_t cols = count_code_points(text_.substr(pos - col_bytes, col_bytes));
    return {file_, static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(cols + 1)};
  }

  void OnDocumentStart(const YAML::Mark& m) override { doc_start = loc_of(m); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
    YamlNode n = make(YamlNode::Kind::null, m);
    // yaml-cpp places an empty value at the start of the next line; the key is a better
    // place to point at, so use its position when this null is a mapping value.
    if (!stack_.empty() && stack_.back()->is_mapping() && stack_.back()->children.size() % 2 == 1) {
      n.line = stack_.back()->children.back().line;
      n.col = stack_.back()->children.back().col;
    }
    add(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw Abort{make_error("yaml-syntax", loc_of(m), "alias to an unknown anchor")};
    alias_nodes_ += count_nodes(it->second);
    if (alias_nodes_ > limits_.max_alias_nodes)
      throw Abort{make_error("alias-limit", loc_of(m),
                             fmt::format("aliases expand to more than {} nodes; write the values "
                                         "out instead of nesting aliases",
                                         limits_.max_alias_nodes))};
    YamlNode copy = it->second;
    add(std::move(copy), 0);
  }

  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode n = make(YamlNode::Kind::scalar, m);
    n.plain = tag == "?";
    n.value = value;
    if (!n.plain) check_closed_quote(m);
    add(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make(YamlNode::Kind::sequence, m), anchor, m);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make(YamlNode::Kind::mapping, m), anchor, m);
    key_sets_.emplace_back();
  }
  void OnMapEnd() override {
    key_sets_.pop_back();
    close();
  }

 private:
  YamlNode make(YamlNode::Kind kind, const YAML::Mark& m) const {
    YamlNode n;
    n.kind = kind;
    Loc l = loc_of(m);
    n.line = l.line;
    n.col = l.col;
    return n;
  }

  // yaml-cpp 0.7 accepts a quoted scalar that is never closed when the file ends with a
  // newline, swallowing the rest of the file; find the closing quote ourselves.
  void check_closed_quote(const YAML::Mark& m) {
    std::size_t pos = static_cast<std::size_t>(m.pos);
    if (pos >= text_.size()) return;
    char q = text_[pos];
    if (q != '"' && q != '\'') return;  // block scalars (| and >) carry tag "!" too
    for (std::size_t i = pos + 1; i < text_.size(); ++i) {
      if (q == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == q) {
        if (q == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is an escaped single quote
          continue;
        }
        return;
      }
    }
    throw Abort{make_error("unclosed-quote", loc_of(m),
                           fmt::format("this {}-quoted string is never closed; add the closing {}",
                                       q == '"' ? "double" : "single", q))};
  }

  void add(YamlNode n, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = n;
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    YamlNode& parent = *stack_.back();
    if (parent.is_mapping() && parent.children.size() % 2 == 0) note_key(n);
    parent.children.push_back(std::move(n));
  }

  // Duplicate keys: yaml-cpp keeps both silently; the format says a key appears once.
  void note_key(const YamlNode& key) {
    if (!key.is_scalar()) return;
    auto [it, inserted] = key_sets_.back().emplace(key.value, std::make_pair(key.line, key.col));
    if (inserted) return;
    Diagnostic d = make_error("duplicate-key", {file_, key.line, key.col},
                              fmt::format("key '{}' appears twice in this mapping (the first value "
                                          "is used); remove one",
                                          key.value));
    d.notes.push_back(make_note({file_, it->second.first, it->second.second},
                                fmt::format("'{}' first appears here", key.value)));
    diags.push_back(std::move(d));
  }

  void open(YamlNode n, YAML::anchor_t anchor, const YAML::Mark& m) {
    if (stack_.size() >= limits_.max_depth)
      throw Abort{make_error("too-deep", loc_of(m),
                             fmt::format("nesting deeper than {} levels", limits_.max_depth))};
    if (stack_.empty()) {
      root = std::move(n);
      stack_.push_back(&*root);
    } else {
      YamlNode& parent = *stack_.back();
      if (parent.is_mapping() && parent.children.size() % 2 == 0) note_key(n);
      parent.children.push_back(std::move(n));
      stack_.push_back(&parent.children.back());
    }
    open_anchors_.push_back(anchor);
  }

  void close() {
    YamlNode* done = stack_.back();
    stack_.pop_back();
    YAML::anchor_t anchor = open_anchors_.back();
    open_anchors_.pop_back();
    if (anchor != 0) anchors_[anchor] = *done;
  }

  std::string_view text_;
  std::uint32_t file_;
  YamlLimits limits_;
  std::vector<YamlNode*> stack_;  // pointers stay valid: only the top node grows
  std::vector<YAML::anchor_t> open_anchors_;
  std::vector<std::map<std::string, std::pair<std::uint32_t, std::uint32_t>>> key_sets_;
  std::unordered_map<YAML::anchor_t, YamlNode> anchors_;
  std::size_t alias_nodes_ = 0;
};

// yaml-cpp's messages name parser states ("illegal map value"); say what the writer
// probably did and how to fix it, and point at an unclosed bracket rather than the end.
Diagnostic syntax_error(const YAML::Exception& e, const TreeBuilder& b, std::uint32_t file) {
  struct Known {
    const char* yaml_cpp;
    const char* ours;
  };
  static const Known known[] = {
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "this '[' list is never closed; add the missing ']'"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "this '{' mapping is never closed; add the missing '}'"},
      {YAML::ErrorMsg::MAP_VALUE,
       "a ': ' here would start a mapping where one cannot start; if it is part of the text, "
       "put the whole value in quotes, else check the indentation"},
      {YAML::ErrorMsg::MAP_KEY, "a '? ' key cannot start here; check the indentation"},
      {YAML::ErrorMsg::BLOCK_ENTRY,
       "a '- ' list item cannot start here; check the indentation of this line"},
      {YAML::ErrorMsg::END_OF_MAP, "a mapping ends unexpectedly here; check the indentation"},
      {YAML::ErrorMsg::END_OF_SEQ, "a list ends unexpectedly here; check the indentation"},
      {YAML::ErrorMsg::FLOW_END, "a closing ']' or '}' here has no opening one"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR, "an alias (*name) refers to an anchor (&name) not defined before it"},
  };
  Loc where = b.loc_of(e.mark);
  std::string msg = e.msg;
  for (const Known& k : known) {
    if (msg != k.yaml_cpp) continue;
    msg = k.ours;
    const YamlNode* open = b.innermost_open();
    if (open && (k.yaml_cpp == YAML::ErrorMsg::END_OF_SEQ_FLOW ||
                 k.yaml_cpp == YAML::ErrorMsg::END_OF_MAP_FLOW))
      where = {file, open->line, open->col};
    break;
  }
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
  return make_error("yaml-syntax", where, "YAML syntax error: " + msg);
}

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, std::uint32_t file, Diagnostics& diags,
                                   const YamlLimits& limits) {
  std::istringstream in{std::string(text)};
  TreeBuilder builder(text, file, limits);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) return std::nullopt;  // no document at all
    std::optional<YamlNode> first = std::move(builder.root);
    builder.root.reset();
    // A second document would be silently ignored by most readers; say so instead.
    TreeBuilder rest(text, file, limits);
    if (parser.HandleNextDocument(rest)) {
      Loc where = rest.doc_start;
      diags.push_back(make_error("multiple-documents", where,
                                 "a plan file holds one YAML document; move this one into a "
                                 "file of its own or remove the '---' before it"));
    }
    for (Diagnostic& d : builder.diags) diags.push_back(std::move(d));
    if (first && first->is_null()) return std::nullopt;  // a file of only `---`
    return first;
  } catch (const Abort& a) {
    for (Diagnostic& d : builder.diags) diags.push_back(std::move(d));
    diags.push_back(a.diag);
  } catch (const YAML::Exception& e) {
    for (Diagnostic& d : builder.diags) diags.push_back(std::move(d));
    diags.push_back(syntax_error(e, builder, file));
  } catch (const std::exception& e) {
    diags.push_back(make_error("yaml-syntax", {file, 1, 1}, std::string("cannot parse: ") + e.what()));
  }
  return std::nullopt;
}

}  // namespace plan
