// The data templates read, in the template engine's own form (kainjow's), written once and
// never copied: a sink that writes JSON-shaped values straight into it, and lists whose
// items are built only while a template is inside one of them, so a summary of a large
// plan never holds more than the few items being rendered.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "render/json_sink.hpp"

namespace plan {

using TemplateData = kainjow::mustache::data;

// Values as templates see them (as mustache.js does): empty text and null are false, so
// {{#owner}}…{{/owner}} skips an empty owner; numbers are their shortest text.
TemplateData template_text(std::string_view s);
TemplateData template_number(double v);
TemplateData template_integer(long long v);

// A small JSON tree (labels, a history chart, a test's context) as template data.
TemplateData to_template_data(const nlohmann::ordered_json& j);

// Writes what a JsonSink is given as template data (`result` once the outer value closes).
// A key written twice keeps the later value.
class TemplateDataSink : public JsonSink {
 public:
  TemplateData result{false};
  void begin_object() override;
  void end_object() override;
  void begin_array() override;
  void end_array() override;
  void key(std::string_view k) override { key_ = k; }
  void string(std::string_view s) override { put(template_text(s)); }
  void number(double v) override { put(template_number(v)); }
  void integer(long long v) override { put(template_integer(v)); }
  void boolean(bool b) override { put(TemplateData{b}); }
  void null() override { put(TemplateData{false}); }

 private:
  struct Open {
    std::string key;  // in the enclosing object
    TemplateData object{TemplateData::type::object};
    kainjow::mustache::list items;
    bool is_list = false;
  };
  void put(TemplateData v);
  std::vector<Open> open_;
  std::string key_;
};

// Lists whose items are made on demand. A lazy list is a list of stand-ins (one small
// value each); when the engine enters stand-in i, `build(i)` makes the item, which lives
// until the engine leaves it. Items may hold lazy lists of their own.
class LazyLists {
 public:
  using Builder = std::function<TemplateData(std::size_t)>;
  // A list of `size` stand-ins for the items `build` makes.
  TemplateData make(std::size_t size, Builder build);
  // The item that `d` stands in for, built now; false when `d` is not a stand-in.
  bool build(const TemplateData* d, TemplateData& item);
  // Lists made after a mark belong to items built after it: forgotten when those go.
  std::size_t mark() const { return made_.size(); }
  void release(std::size_t mark);
  // Stand-ins in the lists alive now (for the render's work budget).
  std::size_t items() const;

 private:
  struct List {
    std::size_t size;
    Builder build;
  };
  std::map<const TemplateData*, List> lists_;  // by the address of the first stand-in
  std::vector<const TemplateData*> made_;
};

// A template's whole context: the data at the top, and the lazy lists inside it.
// It stays where it was made: its lists' builders refer to it.
struct TemplateContext {
  TemplateContext() = default;
  TemplateContext(const TemplateContext&) = delete;
  TemplateContext& operator=(const TemplateContext&) = delete;
  TemplateData root{TemplateData::type::object};
  LazyLists lists;
};

}  // namespace plan
