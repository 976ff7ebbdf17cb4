#include "render/mustache_render.hpp"

#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "load/encoding.hpp"
#include "render/escape.hpp"

namespace plan {

namespace km = kainjow::mustache;

namespace {

// kainjow's set() and push_back() copy their argument, which would copy every subtree once
// per level above it; instead a placeholder is added and the child moved into it. The
// source is emptied as it is converted, so the two trees never both exist whole.
km::data to_data(Json&& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      km::data d{km::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) {
        d.set(it.key(), km::data{false});
        *const_cast<km::data*>(d.get(it.key())) = to_data(std::move(it.value()));
        it.value() = nullptr;
      }
      return d;
    }
    case Json::value_t::array: {
      km::data d{km::data::type::list};
      // kainjow's move constructor is not noexcept, so a growing vector would deep-copy
      // every element it moves: reserve first.
      const_cast<km::list&>(d.list_value()).reserve(j.size());
      for (Json& e : j) {
        d.push_back(km::data{false});
        const_cast<km::data&>(d.list_value().back()) = to_data(std::move(e));
        e = nullptr;
      }
      return d;
    }
    case Json::value_t::string:
      // Empty text is absent, as in mustache.js: {{#owner}}…{{/owner}} skips an empty owner.
      return j.get_ref<const std::string&>().empty() ? km::data{false} : km::data{j.get<std::string>()};
    case Json::value_t::boolean: return km::data{j.get<bool>()};
    case Json::value_t::null: return km::data{false};  // {{#x}} skips it, {{x}} is empty
    case Json::value_t::number_float: return km::data{fmt::format("{}", j.get<double>())};
    default: return km::data{j.dump()};  // integers
  }
}

// A context that resolves partials only from our templates, never from data (so plan text
// can never be rendered as a template), and remembers every name it could not resolve.
class Context : public km::basic_context<std::string> {
 public:
  Context(const km::data* root, const std::map<std::string, km::data>& partials)
      : partials_(partials) {
    push(root);
  }
  void push(const km::data* d) override { items_.insert(items_.begin(), d); }
  void pop() override { items_.erase(items_.begin()); }
  const km::data* get(const std::string& name) const override {
    const km::data* found = lookup(name);
    if (!found) missing.insert(name);
    return found;
  }
  const km::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    if (it != partials_.end()) return &it->second;
    missing_partials.insert(name);
    return nullptr;
  }
  mutable std::set<std::string> missing, missing_partials;

 private:
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
      parts_.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
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
  mutable std::vector<std::string> parts_;
  std::vector<const km::data*> items_;
  const std::map<std::string, km::data>& partials_;
};

// kainjow reports "Unclosed tag at 12": a byte offset. Turn it into a located diagnostic.
Diagnostic template_error(const std::string& message, const std::string& text, std::uint32_t file) {
  static const std::regex at(R"(^(.*) at (\d+)$)");
  std::smatch m;
  if (std::regex_match(message, m, at)) {
    std::size_t offset = std::stoul(m[2].str());
    std::string what = m[1].str();
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    return make_error("template", locate_offset(text, offset, file), "template error: " + what);
  }
  return make_error("template", {file, 1, 1}, "template error: " + message);
}

// Where a name is first used in a tag, for the strict-mode report.
Loc find_tag(const std::string& text, const std::string& name, std::uint32_t file) {
  for (std::size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 2)) {
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    std::string tag = text.substr(open + 2, close - open - 2);
    std::size_t b = tag.find_first_not_of("{#^/&> \t");
    std::size_t e = tag.find_last_not_of("} \t");
    if (b != std::string::npos && e != std::string::npos && e >= b && tag.substr(b, e - b + 1) == name)
      return locate_offset(text, open, file);
  }
  return {0, 0, 0};
}

}  // namespace

RenderResult render_template(const TemplateSource& main, const std::vector<TemplateSource>& partials,
                             Json context, OutputFormat format, bool strict) {
  RenderResult r;
  r.files.push_back("");
  auto add_file = [&](const TemplateSource& t) {
    r.files.push_back(t.origin);
    return static_cast<std::uint32_t>(r.files.size() - 1);
  };
  auto escape = format == OutputFormat::html ? escape_html : escape_markdown;

  const std::uint32_t main_file = add_file(main);
  std::vector<std::pair<const TemplateSource*, std::uint32_t>> sources{{&main, main_file}};
  std::map<std::string, km::data> partial_data;
  for (const TemplateSource& p : partials) {
    std::uint32_t f = add_file(p);
    sources.emplace_back(&p, f);
    km::mustache check{p.text};
    if (!check.is_valid()) r.diags.push_back(template_error(check.error_message(), p.text, f));
    // A partial on a line of its own adds that line's newline; drop the file's final one
    // so a one-line partial does not leave a blank line after each use.
    std::string text = p.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();
    partial_data.emplace(p.name, km::data{km::partial{[text] { return text; }}});
  }

  km::mustache tmpl{main.text};
  if (!tmpl.is_valid()) r.diags.push_back(template_error(tmpl.error_message(), main.text, main_file));
  if (!r.ok()) return r;
  tmpl.set_custom_escape([escape](const std::string& s) { return escape(s); });

  const km::data data = to_data(std::move(context));
  Context ctx(&data, partial_data);
  r.text = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    r.diags.push_back(template_error(tmpl.error_message(), main.text, main_file));
    r.text.clear();
    return r;
  }

  // Where a name is first used, in the main template or a partial.
  auto first_use = [&](const std::string& name, Loc fallback) {
    for (auto [src, f] : sources)
      if (Loc l = find_tag(src->text, name, f); l.line) return l;
    return fallback;
  };
  for (const std::string& name : ctx.missing_partials) {
    r.diags.push_back(make_error("template", first_use(name, {main_file, 1, 1}),
                                 fmt::format("template error: no partial named '{}' (partials are "
                                             "templates/partials/NAME.mustache)",
                                             name)));
  }
  if (strict) {
    for (const std::string& name : ctx.missing) {
      r.diags.push_back(make_error("template-unknown-name", first_use(name, {main_file, 0, 0}),
                                   fmt::format("the template uses '{}', which the context does "
                                               "not have (see docs/templates.md)",
                                               name)));
    }
  }
  sort_diagnostics(r.diags);
  if (!r.ok()) r.text.clear();
  return r;
}

}  // namespace plan
