#include "load/yaml_tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "util/text.hpp"
#include "util/text_position.hpp"

// libyaml (Debian's libyaml-dev) reads the text: it is the reference C implementation, an
// order of magnitude faster than yaml-cpp's parser on a large plan (the README's
// performance section has the numbers; bench/ measures libyaml's bare event loop as the
// floor), and its marks count lines and columns in characters, as people and editors do.

namespace plan {
namespace {

// Sizes as the messages give them.
unsigned long long kib(std::size_t bytes) {
  return bytes >> 10;
}
unsigned long long mib(std::size_t bytes) {
  return bytes >> 20;
}

// Stops the build once the file is known to be bad; caught in parse_yaml, never past it.
struct Abort {
  Diagnostic diag;
};

// YAML's core schema: these plain scalars are null.
bool is_null_text(const char* v, std::size_t len) {
  std::string_view s(v, len);
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// What a subtree would cost if an alias copied it: nodes, bytes of text, and height (the
// number of nested mappings and sequences; a scalar has 0).
struct Cost {
  std::size_t nodes = 0, bytes = 0, height = 0;
  void add(const Cost& c) {
    nodes += c.nodes;
    bytes += c.bytes;
    height = std::max(height, c.height);
  }
};

// An anchored node is found again by its path of child indices from the root: nodes are
// only ever appended while the tree is built, so the path stays true, and nothing is copied
// until an alias asks for it (copying at every anchor made nested anchors cost depth × size).
struct Anchor {
  std::vector<std::uint32_t> path;
  Cost cost;
};

class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, std::uint32_t file, const YamlLimits& limits)
      : file_(file), limits_(limits) {
    // Aliases may copy in some multiple of the file, never more than the cap.
    alias_bytes_budget_ =
        std::min(limits_.max_alias_bytes,
                 std::max(limits_.min_alias_bytes, text.size() * limits_.alias_bytes_per_byte));
  }

  std::optional<YamlNode> root;
  Diagnostics diags;  // problems that do not stop the parse (duplicate keys, NUL)

  // The innermost mapping or sequence still open, or null.
  const YamlNode* innermost_open() const { return frames_.empty() ? nullptr : frames_.back().node; }

  Loc loc_of(const yaml_mark_t& m) const {
    return {file_, static_cast<std::uint32_t>(m.line + 1),
            static_cast<std::uint32_t>(m.column + 1)};
  }

  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    const char* value = reinterpret_cast<const char*>(s.value);
    YamlNode n = make(YamlNode::Kind::scalar, e.start_mark);
    n.end_line = static_cast<std::uint32_t>(e.end_mark.line + 1);
    n.end_col = static_cast<std::uint32_t>(e.end_mark.column + 1);
    // Only an untagged plain scalar is typed (a number, null…); quoted, block and
    // explicitly tagged ones are text.
    n.plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nullptr;
    if (n.plain && is_null_text(value, s.length)) {
      n.kind = YamlNode::Kind::null;  // an empty value is placed right after its key's colon
    } else {
      n.value.assign(value, s.length);
    }
    // A raw NUL is an encoding error before this; the escapes "\0" and "\x00" still make
    // one, which would cut the text short in every output. It becomes U+FFFD after the error.
    if (n.value.find('\0') != std::string::npos) {
      diags.push_back(
          make_error("nul-character", loc_of(e.start_mark),
                     message(N_("this text holds a NUL character (an escape \\0, \\x00 or "
                                "\\u0000); remove it"))));
      for (std::size_t at = n.value.find('\0'); at != std::string::npos;
           at = n.value.find('\0', at))
        n.value.replace(at, 1, "\xEF\xBF\xBD");
    }
    const Cost cost{1, n.value.size(), 0};
    add(std::move(n), s.anchor, cost);
  }

  void alias(const yaml_event_t& e) {
    const char* name = reinterpret_cast<const char*>(e.data.alias.anchor);
    auto it = anchors_.find(name ? name : "");
    if (it == anchors_.end())
      throw Abort{
          make_error("yaml-syntax", loc_of(e.start_mark),
                     message(N_("YAML syntax error: the alias *{name} refers to no anchor &{name} "
                                "before it"),
                             {plan_text("name", name ? name : "")}))};
    const Anchor& a = it->second;
    // The copy must not nest deeper than a file written out could.
    if (frames_.size() + a.cost.height > limits_.max_depth)
      throw Abort{
          make_error("too-deep", loc_of(e.start_mark),
                     message(N_("the alias *{name} nests its value deeper than {levels} levels; a "
                                "plan needs only a few"),
                             {plan_text("name", name ? name : ""),
                              arg("levels", static_cast<unsigned long long>(limits_.max_depth))}))};
    alias_nodes_ += a.cost.nodes;
    alias_bytes_ += a.cost.bytes;
    if (alias_nodes_ > limits_.max_alias_nodes)
      throw Abort{make_error(
          "alias-limit", loc_of(e.start_mark),
          message(N_("aliases expand to more than {nodes} nodes; write the values "
                     "out instead of nesting aliases"),
                  {arg("nodes", static_cast<unsigned long long>(limits_.max_alias_nodes))}))};
    if (alias_bytes_ > alias_bytes_budget_)
      throw Abort{make_error(
          "alias-limit", loc_of(e.start_mark),
          message(N_("aliases copy more than {budget} KiB of text in this file "
                     "({times} times its size, at least {min} KiB, at most {max} MiB); "
                     "write the values out, or alias less"),
                  {arg("budget", kib(alias_bytes_budget_)),
                   arg("times", static_cast<unsigned long long>(limits_.alias_bytes_per_byte)),
                   arg("min", kib(limits_.min_alias_bytes)),
                   arg("max", mib(limits_.max_alias_bytes))}))};
    YamlNode copy = resolve(a.path);  // a copy first: the push below may move the original
    add(std::move(copy), nullptr, a.cost);
  }

  void open(YamlNode::Kind kind, const yaml_event_t& e, yaml_char_t* anchor) {
    if (frames_.size() >= limits_.max_depth)
      throw Abort{
          make_error("too-deep", loc_of(e.start_mark),
                     message(N_("nesting deeper than {levels} levels; a plan needs only a few "
                                "(look for brackets that are opened and never closed)"),
                             {arg("levels", static_cast<unsigned long long>(limits_.max_depth))}))};
    YamlNode n = make(kind, e.start_mark);
    n.flow = kind == YamlNode::Kind::mapping
                 ? e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                 : e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    Frame f;
    if (frames_.empty()) {
      root = std::move(n);
      f.node = &*root;
    } else {
      YamlNode& parent = *frames_.back().node;
      if (parent.is_mapping() && parent.children.size() % 2 == 0) note_key(n);
      f.index = static_cast<std::uint32_t>(parent.children.size());
      parent.children.push_back(std::move(n));
      f.node = &parent.children.back();
    }
    if (anchor) f.anchor = reinterpret_cast<const char*>(anchor);
    frames_.push_back(std::move(f));
    if (kind == YamlNode::Kind::mapping) key_sets_.emplace_back();
  }

  void close(const yaml_event_t& e) {
    Frame& f = frames_.back();
    YamlNode* done = f.node;
    done->end_line = static_cast<std::uint32_t>(e.end_mark.line + 1);
    done->end_col = static_cast<std::uint32_t>(e.end_mark.column + 1);
    if (done->is_mapping()) key_sets_.pop_back();
    Cost cost = f.children;
    cost.nodes += 1;
    cost.height += 1;
    if (!f.anchor.empty()) anchors_[f.anchor] = Anchor{path(), cost};
    frames_.pop_back();
    if (!frames_.empty()) frames_.back().children.add(cost);
  }

 private:
  struct Frame {
    YamlNode* node = nullptr;  // stays valid: only the innermost open node grows
    std::uint32_t index = 0;   // its place among its parent's children
    std::string anchor;
    Cost children;  // what its children cost so far
  };

  YamlNode make(YamlNode::Kind kind, const yaml_mark_t& m) const {
    YamlNode n;
    n.kind = kind;
    n.line = static_cast<std::uint32_t>(m.line + 1);
    n.col = static_cast<std::uint32_t>(m.column + 1);
    return n;
  }

  // The path of the innermost open node.
  std::vector<std::uint32_t> path() const {
    std::vector<std::uint32_t> p;
    for (std::size_t i = 1; i < frames_.size(); ++i) p.push_back(frames_[i].index);
    return p;
  }

  const YamlNode& resolve(const std::vector<std::uint32_t>& p) const {
    const YamlNode* n = &*root;
    for (std::uint32_t i : p) n = &n->children[i];
    return *n;
  }

  void add(YamlNode n, yaml_char_t* anchor, const Cost& cost) {
    if (frames_.empty()) {
      root = std::move(n);
      if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = Anchor{{}, cost};
      return;
    }
    Frame& f = frames_.back();
    YamlNode& parent = *f.node;
    if (anchor) {
      std::vector<std::uint32_t> p = path();
      p.push_back(static_cast<std::uint32_t>(parent.children.size()));
      anchors_[reinterpret_cast<const char*>(anchor)] = Anchor{std::move(p), cost};
    }
    if (parent.is_mapping() && parent.children.size() % 2 == 0) note_key(n);
    parent.children.push_back(std::move(n));
    f.children.add(cost);
  }

  // Duplicate keys: most YAML readers keep one silently; the format says a key appears once.
  void note_key(const YamlNode& key) {
    if (!key.is_scalar()) return;
    auto [it, inserted] = key_sets_.back().emplace(key.value, std::make_pair(key.line, key.col));
    if (inserted) return;
    Diagnostic d =
        make_error("duplicate-key", {file_, key.line, key.col},
                   message(N_("key '{key}' appears twice in this mapping (the first value "
                              "is used); remove one"),
                           {plan_text("key", key.value)}));
    d.notes.push_back(
        make_note({file_, it->second.first, it->second.second},
                  message(N_("'{key}' first appears here"), {plan_text("key", key.value)})));
    diags.push_back(std::move(d));
  }

  std::uint32_t file_;
  YamlLimits limits_;
  std::vector<Frame> frames_;
  std::vector<std::map<std::string, std::pair<std::uint32_t, std::uint32_t>>> key_sets_;
  std::unordered_map<std::string, Anchor> anchors_;
  std::size_t alias_nodes_ = 0, alias_bytes_ = 0, alias_bytes_budget_ = 0;
};

bool is_merge_key(const YamlNode& k) {
  return k.is_scalar() && k.plain && k.value == "<<";
}

// YAML merge keys (`<<: *base`, `<<: [*a, *b]`), applied once the tree is whole: a mapping
// takes each merged pair whose key it does not set itself, earlier mappings in a list
// winning over later ones. Merged values keep the place where they are written. Children
// first, so that a merged mapping's own merges are done; the depth limit bounds the recursion.
void apply_merges(YamlNode& n, std::uint32_t file, Diagnostics& diags) {
  for (YamlNode& c : n.children) apply_merges(c, file, diags);
  if (!n.is_mapping()) return;
  bool any = false;
  for (std::size_t i = 0; i < n.pair_count() && !any; ++i) any = is_merge_key(n.key(i));
  if (!any) return;
  std::set<std::string> taken;
  for (std::size_t i = 0; i < n.pair_count(); ++i)
    if (!is_merge_key(n.key(i)) && n.key(i).is_scalar()) taken.insert(n.key(i).value);
  std::vector<YamlNode> out;
  out.reserve(n.children.size());
  auto merge_from = [&](YamlNode& m) {
    for (std::size_t j = 0; j + 1 < m.children.size(); j += 2) {
      if (m.children[j].is_scalar() && !taken.insert(m.children[j].value).second) continue;
      m.children[j].merged = true;  // an edit of it would change the merged mapping
      out.push_back(std::move(m.children[j]));
      out.push_back(std::move(m.children[j + 1]));
    }
  };
  auto refuse = [&](const YamlNode& v) {
    diags.push_back(
        make_error("wrong-type", {file, v.line, v.col},
                   message(N_("the merge key '<<' takes a mapping, usually an alias of one "
                              "('<<: *base'), or a list of them ('<<: [*a, *b]'); this is "
                              "neither, so it is left out"))));
  };
  for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
    YamlNode& k = n.children[i];
    YamlNode& v = n.children[i + 1];
    if (!is_merge_key(k)) {
      out.push_back(std::move(k));
      out.push_back(std::move(v));
    } else if (v.is_mapping()) {
      merge_from(v);
    } else if (v.is_sequence()) {
      for (YamlNode& m : v.children) {
        if (m.is_mapping())
          merge_from(m);
        else
          refuse(m);
      }
    } else {
      refuse(v);
    }
  }
  n.children = std::move(out);
}

// The character at one of libyaml's marks (a line and column, both 1-based, the column
// in code points), or 0 past the end.
char char_at(std::string_view text, const Loc& at) {
  const std::size_t pos = offset_of(text, at.line, at.col);
  return pos < text.size() ? text[pos] : 0;
}

// libyaml names parser states ("did not find expected key"); say what the writer probably
// did and how to fix it, at the place where the problem starts.
Diagnostic syntax_error(const yaml_parser_t& p, const TreeBuilder& b, std::string_view text,
                        std::uint32_t file) {
  const std::string problem = p.problem ? p.problem : "unknown problem";
  std::string context = p.context ? p.context : "";
  const Loc at = b.loc_of(p.problem_mark);
  Loc ctx = b.loc_of(p.context_mark);
  // A flow collection left open to the end of the file: point at its bracket.
  if (context == "while parsing a flow node")
    if (const YamlNode* open = b.innermost_open()) {
      const Loc start{file, open->line, open->col};
      const char c = char_at(text, start);
      if (c == '[' || c == '{') {
        context = c == '[' ? "while parsing a flow sequence" : "while parsing a flow mapping";
        ctx = start;
      }
    }
  if (context == "while scanning a quoted scalar") {
    const char q = char_at(text, ctx) == '\'' ? '\'' : '"';
    return make_error(
        "unclosed-quote", ctx,
        q == '"' ? message(N_("this double-quoted string is never closed; add the closing \""))
                 : message(N_("this single-quoted string is never closed; add the closing '")));
  }
  if (context == "while parsing a flow sequence")
    return make_error(
        "yaml-syntax", ctx,
        message(N_("YAML syntax error: this '[' list is never closed; add the missing ']' (or a "
                   "',' between its items)")));
  if (context == "while parsing a flow mapping")
    return make_error(
        "yaml-syntax", ctx,
        message(N_("YAML syntax error: this '{{' mapping is never closed; add the missing '}}' "
                   "(or a ',' between its entries)")));
  if (problem == "mapping values are not allowed in this context")
    return make_error(
        "yaml-syntax", at,
        message(N_("YAML syntax error: a ': ' here would start a mapping where one cannot start; "
                   "if it is part of the text, put the whole value in quotes, else check the "
                   "indentation")));
  const char here = char_at(text, at);
  if (here == '}' || here == ']')
    return make_error(
        "yaml-syntax", at,
        here == '}' ? message(N_("YAML syntax error: this '}}' closes nothing: there is no '{{' "
                                 "open before it; remove it"))
                    : message(N_("YAML syntax error: this ']' closes nothing: there is no '[' "
                                 "open before it; remove it")));
  if (here == '-' && problem == "did not find expected key")
    return make_error(
        "yaml-syntax", at,
        message(N_("YAML syntax error: a list item ('- ') cannot start here, where a key of the "
                   "mapping above belongs; indent it under a key, or write it as 'key: value'")));
  if (problem == "found unknown escape character")
    return make_error(
        "yaml-syntax", at,
        message(N_("YAML syntax error: an unknown escape (\\ followed by a letter) in a "
                   "double-quoted string; write \\\\ for a backslash, or use single quotes")));
  if (problem.find("tab") != std::string::npos)
    return make_error("yaml-syntax", at,
                      message(N_("YAML syntax error: a tab cannot indent YAML; use spaces")));
  if (problem == "did not find expected key" || problem == "did not find expected '-' indicator")
    return make_error(
        "yaml-syntax", at,
        context.find("sequence") != std::string::npos
            ? message(N_("YAML syntax error: this line is not indented like the list that "
                         "starts at line {line}; check its indentation"),
                      {arg("line", static_cast<unsigned long long>(ctx.line))})
            : message(N_("YAML syntax error: this line is not indented like the mapping that "
                         "starts at line {line}; check its indentation"),
                      {arg("line", static_cast<unsigned long long>(ctx.line))}));
  if (problem == "found character that cannot start any token" && char_at(text, at) == '\t')
    return make_error("yaml-syntax", at,
                      message(N_("YAML syntax error: a tab cannot indent YAML; use spaces")));
  // libyaml's own words, in English: the rare problem the cases above do not name.
  if (context.empty())
    return make_error("yaml-syntax", at,
                      message(N_("YAML syntax error: {problem}"), {arg("problem", problem)}));
  return make_error("yaml-syntax", at,
                    message(N_("YAML syntax error: {problem} ({context} at line {line})"),
                            {arg("problem", problem), arg("context", context),
                             arg("line", static_cast<unsigned long long>(ctx.line))}));
}

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, std::uint32_t file, Diagnostics& diags,
                                   const YamlLimits& limits) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    diags.push_back(make_error("yaml-syntax", {file, 1, 1},
                               message(N_("cannot start the YAML parser (out of memory)"))));
    return std::nullopt;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  TreeBuilder b(text, file, limits);
  std::optional<Diagnostic> fatal;
  int documents = 0;
  try {
    for (bool done = false; !done;) {
      yaml_event_t e;
      if (!yaml_parser_parse(&parser, &e)) {
        fatal = syntax_error(parser, b, text, file);
        break;
      }
      // The event owns its strings: free them however we leave this iteration.
      struct Free {
        yaml_event_t& e;
        ~Free() { yaml_event_delete(&e); }
      } free_event{e};
      switch (e.type) {
        case YAML_DOCUMENT_START_EVENT:
          if (++documents == 2) {
            fatal = make_error(
                "multiple-documents", b.loc_of(e.start_mark),
                message(N_("a plan file holds one YAML document; move this one into a file "
                           "of its own or remove the '---' before it")));
            done = true;
          }
          break;
        case YAML_SCALAR_EVENT:
          b.scalar(e);
          break;
        case YAML_ALIAS_EVENT:
          b.alias(e);
          break;
        case YAML_SEQUENCE_START_EVENT:
          b.open(YamlNode::Kind::sequence, e, e.data.sequence_start.anchor);
          break;
        case YAML_MAPPING_START_EVENT:
          b.open(YamlNode::Kind::mapping, e, e.data.mapping_start.anchor);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          b.close(e);
          break;
        case YAML_STREAM_END_EVENT:
          done = true;
          break;
        default:
          break;
      }
    }
  } catch (const Abort& a) {
    fatal = a.diag;
  } catch (const std::bad_alloc&) {
    fatal = make_error("yaml-syntax", {file, 1, 1},
                       message(N_("the file is too large to read into memory")));
  }
  yaml_parser_delete(&parser);
  for (Diagnostic& d : b.diags) diags.push_back(std::move(d));
  // A second document is reported, and the first is still checked.
  if (fatal && fatal->code != "multiple-documents") {
    diags.push_back(std::move(*fatal));
    return std::nullopt;
  }
  if (fatal) diags.push_back(std::move(*fatal));
  if (!b.root || b.root->is_null()) return std::nullopt;  // empty, comments only, or a bare ---
  apply_merges(*b.root, file, diags);
  return std::move(b.root);
}

}  // namespace plan
