// What the office exports (XLSX, iCalendar) share: plan text made inert for a format that
// has no escape for control characters, and the words a manager reads, in the plan's
// language.
#pragma once

#include <string>
#include <string_view>

#include "render/report.hpp"

namespace plan {

// The text with every character that the formats cannot carry, or that a reader would act
// on, replaced: C0 controls (but TAB), DEL, C1 controls, U+FFFE, U+FFFF (XML has no place for them)
// and bytes that are not UTF-8 become U+FFFD, so that something visibly stood there. Line breaks
// (LF, CRLF, CR, NEL, LS, PS) become LF with `keep_lines`, else one space each. Everything else
// (Hebrew, bidi marks) is kept: it is text, and neither format reads meaning into it.
std::string inert_text(std::string_view text, bool keep_lines);

// The words a manager reads in an export, in the plan's language: the summaries' built-in
// labels (templates/labels: statuses, "owner", "due"…) and the exports' own words (column
// headings, overview rows), which this file keeps in Hebrew and English: English for any
// other language. Built-in only: the exports take no templates folder.
class ExportLabels {
 public:
  explicit ExportLabels(const Plan& plan);
  // A summary label at a path of keys ("owner", "status.done"); the last key itself when
  // there is none, so a heading is never empty.
  std::string label(std::string_view path) const;
  // An export word by its key (a column's key, "sheet_overview"…); the key itself when
  // there is none.
  std::string word(std::string_view key) const;
  bool rtl() const { return rtl_; }
  bool hebrew() const { return hebrew_; }

 private:
  Json labels_;
  bool rtl_ = false;
  bool hebrew_ = false;
};

}  // namespace plan
