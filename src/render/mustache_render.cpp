#include "render/mustache_render.hpp"

#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "render/escape.hpp"
#include "render/template_data.hpp"
#include "util/text_position.hpp"

namespace plan {

namespace km = kainjow::mustache;

namespace {

Message size_text(std::size_t bytes) {
  return bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0
             ? message(N_("{n} MiB"), {arg("n", bytes >> 20)})
             : message(N_("{n} bytes"), {arg("n", bytes)});
}

// Thrown (and caught in render_template) when a render passes one of its limits: kainjow
// has no other way to stop a render part-way.
struct LimitHit {
  Message message;   // what passed its limit, after "template error: "
  std::string name;  // the tag being rendered, to locate the error
};

// The name of a tag that `instrument` puts after each partial tag: looking it up is
// how the context learns that a partial has ended. No plan key can hold a control byte.
const std::string kPartialEnd = "\x01/partial";
const std::string kTextSize = "\x01+";  // followed by the size of a run of template text

// A context that resolves partials only from our templates, never from data (so plan text
// can never be rendered as a template), remembers every name it could not resolve, and
// enforces the limits on depth and work.
class Context : public km::basic_context<std::string> {
 public:
  Context(TemplateContext& context, const std::map<std::string, km::data>& partials,
          const RenderLimits& limits, std::size_t steps)
      : lists_(context.lists), partials_(partials), limits_(limits), steps_left_(steps) {
    frames_.reserve(limits.section_depth + 2);
    push(&context.root);
  }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  // Whatever a render leaves (a limit stops it part-way), its items go with it.
  ~Context() override { lists_.release(root_mark_); }
  void push(const km::data* d) override {
    step();
    // The root is one entry: sections open = size - 1.
    if (items_.size() > limits_.section_depth)
      throw LimitHit{
          message(N_("more than {n} sections open at once (sections inside sections, or a "
                     "partial that includes itself through sections)"),
                  {arg("n", limits_.section_depth)}),
          last_};
    // An item of a lazy list is built as the template enters it, and dropped as it leaves.
    // Built before anything is pushed, so that a throw leaves the stacks as they were.
    const std::size_t mark = lists_.mark();
    auto item = std::make_unique<km::data>(false);
    bool built = false;
    try {
      built = lists_.build(d, *item);
    } catch (...) {
      lists_.release(mark);  // the lists of an item that was never finished
      throw;
    }
    if (built)
      d = item.get();
    else
      item.reset();
    frames_.push_back({mark, std::move(item)});
    items_.insert(items_.begin(), d);
  }
  void pop() override {
    items_.erase(items_.begin());
    lists_.release(frames_.back().mark);
    frames_.pop_back();
  }
  const km::data* get(const std::string& name) const override {
    if (name.size() > 1 && name[0] == '\x01') {
      if (name == kPartialEnd) {
        if (partial_depth_ > 0) --partial_depth_;
      } else if (name.compare(0, kTextSize.size(), kTextSize) == 0) {
        std::size_t n = 0;
        for (std::size_t i = kTextSize.size(); i < name.size(); ++i)
          n = n * 10 + static_cast<std::size_t>(name[i] - '0');
        produce(n);
      }
      return nullptr;
    }
    step();
    last_ = name;
    const km::data* found = lookup(name);
    if (!found) missing.insert(name);
    // Counted before kainjow copies it out (a section over text counts too: an upper bound).
    else if (found->is_string())
      produce(found->string_value().size());
    return found;
  }
  // The output grows by `n` bytes (the escaping adds its share through here too).
  void produce(std::size_t n) const {
    produced_ += n;
    if (produced_ > limits_.output_bytes)
      throw LimitHit{message(N_("the output would pass {size}"),
                             {nested("size", size_text(limits_.output_bytes))}),
                     last_};
  }
  const km::data* get_partial(const std::string& name) const override {
    step();
    last_ = name;
    // Balanced by the kPartialEnd tag after every partial tag, found or not.
    if (++partial_depth_ > limits_.partial_depth)
      throw LimitHit{
          message(N_("partials nested more than {n} deep (a partial that includes itself, "
                     "directly or through another)"),
                  {arg("n", limits_.partial_depth)}),
          name};
    auto it = partials_.find(name);
    if (it != partials_.end()) return &it->second;
    missing_partials.insert(name);
    return nullptr;
  }
  mutable std::set<std::string> missing, missing_partials;
  const std::string& last_name() const { return last_; }

 private:
  void step() const {
    if (steps_left_ == 0)
      throw LimitHit{
          message(N_("the template does too much work for this plan (sections inside sections "
                     "over long lists?)")),
          last_};
    --steps_left_;
  }
  const km::data* lookup(const std::string& name) const {
    if (name == ".") return items_.front();
    if (name.find('.') == std::string::npos) {  // the common case: no splitting, no copies
      for (const km::data* item : items_)
        if (const km::data* var = item->get(name)) return var;
      return nullptr;
    }
    parts_.clear();
    for (std::size_t start = 0;;) {
      std::size_t dot = name.find('.', start);
      parts_.push_back(
          name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    for (const km::data* item : items_) {
      const km::data* var = item;
      for (const std::string& p : parts_) {
        var = var->get(p);
        if (!var) break;
      }
      if (var) return var;
    }
    return nullptr;
  }
  struct Frame {
    std::size_t mark;                // the lists made before this item
    std::unique_ptr<km::data> item;  // built here, or null when the data was there already
  };
  LazyLists& lists_;
  const std::size_t root_mark_ = lists_.mark();
  std::vector<Frame> frames_;
  mutable std::vector<std::string> parts_;
  std::vector<const km::data*> items_;
  const std::map<std::string, km::data>& partials_;
  const RenderLimits& limits_;
  mutable std::size_t steps_left_;
  mutable std::size_t partial_depth_ = 0;
  mutable std::size_t produced_ = 0;
  mutable std::string last_;
};

// The rendered text, counted as kainjow writes it.
// With `spill`, the text goes there in blocks, so a large summary is never held whole.
struct BoundedOutput {
  std::string& text;
  std::size_t limit;
  const Context& ctx;
  std::FILE* spill;
  std::size_t written = 0;
  BoundedOutput& operator<<(const std::string& s) {
    if (written + s.size() > limit)
      throw LimitHit{
          message(N_("the output would pass {size}"), {nested("size", size_text(limit))}),
          ctx.last_name()};
    written += s.size();
    text += s;
    if (spill && text.size() >= kSpillBlock) flush();
    return *this;
  }
  void flush() {
    if (!spill) return;  // the text is the output
    std::fwrite(text.data(), 1, text.size(), spill);
    text.clear();
  }
  static constexpr std::size_t kSpillBlock = std::size_t{1} << 16;
};

// The tags of a template as kainjow's parser finds them (same delimiter rules), so the
// checks below see exactly the tags kainjow will. f(kind, offset, end, delimiters, name)
// gets the tag's first character ('#', '^', '/', '>', '&', '!', '=', or another for a
// variable), where it starts and ends, the delimiters in force after it, and its name.
struct Delimiters {
  std::string open = "{{", close = "}}";
};
template <class F>
void scan_tags(const std::string& in, F&& f) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  auto trim = [&](std::string s) {
    std::size_t b = 0, e = s.size();
    while (b < e && space(s[b])) ++b;
    while (e > b && space(s[e - 1])) --e;
    return s.substr(b, e - b);
  };
  Delimiters d;
  for (std::size_t pos = 0; pos < in.size();) {
    if (in.compare(pos, d.open.size(), d.open) != 0) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    std::size_t contents = start + d.open.size();
    const bool triple =
        d.open == "{{" && d.close == "}}" && contents < in.size() && in[contents] == '{';
    if (triple) ++contents;
    const std::string end_delim = triple ? "}}}" : d.close;
    const std::size_t stop = in.find(end_delim, contents);
    if (stop == std::string::npos) return;  // kainjow reports it
    const std::string tag = trim(in.substr(contents, stop - contents));
    pos = stop + end_delim.size();
    if (!tag.empty() && tag[0] == '=') {
      if (tag.size() < 5 || tag.back() != '=') return;
      const std::string inner = trim(tag.substr(1, tag.size() - 2));
      const std::size_t sp = inner.find(' ');
      if (sp == std::string::npos) return;
      const std::string open = inner.substr(0, sp),
                        close = inner.substr(inner.find_first_not_of(' ', sp + 1));
      for (const std::string* x : {&open, &close})
        for (char c : *x)
          if (c == '=' || space(c)) return;
      d = {open, close};
      f('=', start, pos, d, std::string());
      continue;
    }
    const char kind = triple ? '&' : tag.empty() ? ' ' : tag[0];
    const bool marked =
        !triple && !tag.empty() && std::string("#^/>&!").find(tag[0]) != std::string::npos;
    f(kind, start, pos, d, marked ? trim(tag.substr(1)) : tag);
  }
}

// The first section nested deeper than the limit, checked before kainjow parses the text
// (its parser copies each section's text, so deep nesting costs depth × size).
std::optional<std::size_t> too_deep(const std::string& text, std::size_t limit) {
  std::size_t depth = 0;
  std::optional<std::size_t> at;
  scan_tags(text,
            [&](char kind, std::size_t start, std::size_t, const Delimiters&, const std::string&) {
              if (at) return;
              if (kind == '#' || kind == '^') {
                if (++depth > limit) at = start;
              } else if (kind == '/' && depth > 0) {
                --depth;
              }
            });
  return at;
}

// The text with tags added that render nothing but tell the context what kainjow is
// doing, which it has no other way to learn: a kPartialEnd tag after every partial tag
// (the partial is done), and after every tag, and at the start, a kTextSize tag with the
// size of the text up to the next tag (so the output is counted as it grows, even on a
// line that kainjow holds until its end). Each is written in the delimiters in force
// there, right after a tag's end, where it cannot merge with the text around it.
std::string instrument(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t copied = 0;
  Delimiters now;  // in force at `copied`
  auto run = [&](std::size_t to) {
    if (to > copied) out += now.open + kTextSize + std::to_string(to - copied) + now.close;
    out.append(text, copied, to - copied);
  };
  scan_tags(text, [&](char kind, std::size_t start, std::size_t end, const Delimiters& d,
                      const std::string&) {
    run(start);
    out.append(text, start, end - start);
    if (kind == '>') out += d.open + kPartialEnd + d.close;
    copied = end;
    now = d;
  });
  run(text.size());
  return out;
}

// Whether a partial can be written into the text that uses it: it uses no partial and
// sets no delimiters (either would act differently once inlined), and it neither starts nor
// ends with a brace (which could join the text around it into a tag).
bool is_leaf(const std::string& text) {
  if (!text.empty() &&
      (text.front() == '{' || text.front() == '}' || text.back() == '{' || text.back() == '}'))
    return false;
  bool leaf = true;
  scan_tags(text, [&](char kind, std::size_t, std::size_t, const Delimiters&, const std::string&) {
    if (kind == '>' || kind == '=') leaf = false;
  });
  return leaf;
}

// The text with its uses of leaf partials (where the usual delimiters are in force)
// replaced by the partials' text. kainjow parses a partial anew at every use: inside a
// list of 100,000 activities that cost more than the rest of the render. The output is
// the same, since a partial renders into the line it is used on either way.
std::string inline_leaves(const std::string& text,
                          const std::map<std::string, std::string>& leaves) {
  if (leaves.empty()) return text;
  std::string out;
  std::size_t copied = 0;
  scan_tags(text, [&](char kind, std::size_t start, std::size_t end, const Delimiters& d,
                      const std::string& name) {
    if (kind != '>' || d.open != "{{" || d.close != "}}") return;
    auto it = leaves.find(name);
    if (it == leaves.end()) return;
    out.append(text, copied, start - copied);
    out += it->second;
    copied = end;
  });
  out.append(text, copied, std::string::npos);
  return out;
}

// kainjow's own words ("unclosed tag") stay English: its messages are not in the catalog.
Message template_error_text(std::string what) {
  return message(N_("template error: {what}"), {arg("what", std::move(what))});
}

// kainjow reports "Unclosed tag at 12": a byte offset. Turn it into a located diagnostic.
Diagnostic template_error(const std::string& message, const std::string& text, std::uint32_t file) {
  static const std::regex at(R"(^(.*) at (\d+)$)");
  std::smatch m;
  if (std::regex_match(message, m, at)) {
    std::size_t offset = std::stoul(m[2].str());
    std::string what = m[1].str();
    if (!what.empty())
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    return make_error("template", locate_offset(text, offset, file), template_error_text(what));
  }
  return make_error("template", {file, 1, 1}, template_error_text(message));
}

// Where a name is first used in a tag, for the strict-mode report.
Loc find_tag(const std::string& text, const std::string& name, std::uint32_t file) {
  for (std::size_t open = text.find("{{"); open != std::string::npos;
       open = text.find("{{", open + 2)) {
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    std::string tag = text.substr(open + 2, close - open - 2);
    std::size_t b = tag.find_first_not_of("{#^/&> \t");
    std::size_t e = tag.find_last_not_of("} \t");
    if (b != std::string::npos && e != std::string::npos && e >= b &&
        tag.substr(b, e - b + 1) == name)
      return locate_offset(text, open, file);
  }
  return {0, 0, 0};
}

}  // namespace

namespace {

// The work a context stands for, in nodes: every item of a lazy list counts as a whole
// item (an activity, the largest, is about this many), each list's elements count, and
// an object (which kainjow cannot walk but by name) as a small one.
constexpr std::size_t kNodesPerLazyItem = 48, kNodesPerObject = 16;
std::size_t count_nodes(const km::data& d) {
  std::size_t n = 1;
  if (d.is_object()) {
    n += kNodesPerObject;
  } else if (d.is_list()) {
    for (const km::data& e : d.list_value()) n += count_nodes(e);
  }
  return n;
}

std::size_t count_nodes(const Json& j) {
  std::size_t n = 1;
  if (j.is_structured())
    for (const Json& e : j) n += count_nodes(e);
  return n;
}

RenderResult render(const TemplateSource& main, const std::vector<TemplateSource>& partials,
                    TemplateContext& context, std::size_t nodes, OutputFormat format, bool strict,
                    const RenderLimits& limits, std::FILE* spill);

}  // namespace

RenderResult render_template(const TemplateSource& main,
                             const std::vector<TemplateSource>& partials, const Json& context,
                             OutputFormat format, bool strict, const RenderLimits& limits) {
  TemplateContext data;
  data.root = to_template_data(context);
  return render(main, partials, data, count_nodes(context), format, strict, limits, nullptr);
}

RenderResult render_template(const TemplateSource& main,
                             const std::vector<TemplateSource>& partials, TemplateContext& context,
                             OutputFormat format, bool strict, const RenderLimits& limits,
                             std::FILE* spill) {
  const std::size_t nodes = count_nodes(context.root) + context.lists.items() * kNodesPerLazyItem;
  return render(main, partials, context, nodes, format, strict, limits, spill);
}

namespace {

RenderResult render(const TemplateSource& main, const std::vector<TemplateSource>& partials,
                    TemplateContext& context, std::size_t nodes, OutputFormat format, bool strict,
                    const RenderLimits& limits, std::FILE* spill) {
  RenderResult r;
  r.files.push_back("");
  auto add_file = [&](const TemplateSource& t) {
    r.files.push_back(t.origin);
    return static_cast<std::uint32_t>(r.files.size() - 1);
  };
  auto escape = format == OutputFormat::html ? escape_html : escape_markdown;
  // Checked on the text as written (so errors point into it), then parsed with the
  // partial-end marks added.
  auto check = [&](const std::string& text, std::uint32_t f) {
    // The marks added below start with this byte; a template may not forge them.
    if (std::size_t at = text.find('\x01'); at != std::string::npos) {
      r.diags.push_back(
          make_error("template", locate_offset(text, at, f),
                     message(N_("template error: a control character (U+0001) in the template"))));
      return;
    }
    if (auto at = too_deep(text, limits.section_depth)) {
      r.diags.push_back(make_error("template-limit", locate_offset(text, *at, f),
                                   message(N_("template error: sections nested more than {n} deep"),
                                           {arg("n", limits.section_depth)})));
      return;
    }
    km::mustache parsed{text};
    if (!parsed.is_valid()) r.diags.push_back(template_error(parsed.error_message(), text, f));
  };

  const std::uint32_t main_file = add_file(main);
  std::vector<std::pair<const TemplateSource*, std::uint32_t>> sources{{&main, main_file}};
  std::map<std::string, km::data> partial_data;
  std::map<std::string, std::string> texts, leaves;
  for (const TemplateSource& p : partials) {
    std::uint32_t f = add_file(p);
    sources.emplace_back(&p, f);
    check(p.text, f);
    // A partial on a line of its own adds that line's newline; drop the file's final one
    // so a one-line partial does not leave a blank line after each use.
    std::string text = p.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (is_leaf(text)) leaves.emplace(p.name, text);
    texts.emplace(p.name, std::move(text));
  }
  check(main.text, main_file);
  if (!r.ok()) return r;
  for (const auto& [name, text] : texts)
    partial_data.emplace(name, km::data{km::partial{[marked = instrument(inline_leaves(
                                                         text, leaves))] { return marked; }}});
  km::mustache tmpl{instrument(inline_leaves(main.text, leaves))};

  // Where a name is first used, in the main template or a partial.
  auto first_use = [&](const std::string& name, Loc fallback) {
    for (auto [src, f] : sources)
      if (Loc l = find_tag(src->text, name, f); l.line) return l;
    return fallback;
  };

  const std::size_t steps =
      limits.steps ? limits.steps : RenderLimits::kBaseSteps + RenderLimits::kStepsPerNode * nodes;
  Context ctx(context, partial_data, limits, steps);
  tmpl.set_custom_escape([escape, &ctx](const std::string& s) {
    std::string e = escape(s);
    if (e.size() > s.size()) ctx.produce(e.size() - s.size());
    return e;
  });
  try {
    BoundedOutput out{r.text, limits.output_bytes, ctx, spill};
    tmpl.render(ctx, out);
    out.flush();
  } catch (const LimitHit& hit) {
    r.diags.push_back(
        make_error("template-limit", first_use(hit.name, {main_file, 1, 1}),
                   message(N_("template error: {what}"), {nested("what", hit.message)})));
    r.text.clear();
    return r;
  }
  if (!tmpl.is_valid()) {
    r.diags.push_back(template_error(tmpl.error_message(), main.text, main_file));
    r.text.clear();
    return r;
  }

  for (const std::string& name : ctx.missing_partials) {
    r.diags.push_back(make_error("template", first_use(name, {main_file, 1, 1}),
                                 message(N_("template error: no partial named '{name}' "
                                            "(partials are templates/partials/NAME.mustache)"),
                                         {plan_text("name", name)})));
  }
  if (strict) {
    for (const std::string& name : ctx.missing) {
      r.diags.push_back(make_error("template-unknown-name", first_use(name, {main_file, 0, 0}),
                                   message(N_("the template uses '{name}', which the context "
                                              "does not have (see docs/templates.md)"),
                                           {plan_text("name", name)})));
    }
  }
  sort_diagnostics(r.diags);
  if (!r.ok()) r.text.clear();
  return r;
}

}  // namespace

}  // namespace plan
