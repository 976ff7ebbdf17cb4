// The report's small helpers over a JSON sink, so that a writer reads as the shape it writes:
// the single-plan report (report.cpp) and the workspace's (workspace_report.cpp) share them.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "render/json_sink.hpp"
#include "stats/stats.hpp"

namespace plan {

struct ReportWriter {
  JsonSink& out;
  void key(std::string_view k) { out.key(k); }
  void text(std::string_view k, const std::string& v) {
    out.key(k);
    out.string(v);
  }
  // Text that is empty stands for "not given".
  void text_or_null(std::string_view k, const std::string& v) {
    out.key(k);
    if (v.empty())
      out.null();
    else
      out.string(v);
  }
  void text_or_null(std::string_view k, const Located<std::string>& t) {
    out.key(k);
    if (t.given())
      out.string(t.value);
    else
      out.null();
  }
  void date_or_null(std::string_view k, const Located<Date>& d) {
    out.key(k);
    if (d.given() && d.value.valid)
      out.string(d.value.text());
    else
      out.null();
  }
  void completion(std::string_view k, const Completion& c) {
    out.key(k);
    if (c && std::isfinite(*c))
      out.number(std::round(*c * 10000.0) / 10000.0);
    else
      out.null();
  }
  void integer(std::string_view k, long long v) {
    out.key(k);
    out.integer(v);
  }
  void ids(std::string_view k, const std::vector<Ref>& refs) {
    out.key(k);
    out.begin_array();
    for (const Ref& r : refs) out.string(r.id);
    out.end_array();
  }
  void strings(std::string_view k, const std::vector<std::string>& list) {
    out.key(k);
    out.begin_array();
    for (const std::string& s : list) out.string(s);
    out.end_array();
  }
  void counts(std::string_view k, const StatusCounts& c) {
    out.key(k);
    out.begin_object();
    for (Status s : kStatuses) integer(status_name(s), static_cast<long long>(c.of(s)));
    integer("overdue", static_cast<long long>(c.overdue));
    integer("total", static_cast<long long>(c.total()));
    out.end_object();
  }
  // Where an item is written, so tools can link back to it.
  void source(const Plan& p, Loc loc) {
    text("file", loc.file < p.files.size() ? p.files[loc.file] : "");
    integer("line", loc.line);
  }
};

}  // namespace plan
