// `plan export --format csv`: a kind's export table (render/export_table) as CSV that a
// spreadsheet opens as it is meant and a script reads back exactly.
#pragma once

#include <string>
#include <string_view>

#include "plan_index.hpp"
#include "render/export_table.hpp"
#include "stats/stats.hpp"

namespace plan {

// RFC 4180 (CRLF between rows, fields with `"`, `,`, CR or LF quoted, quotes doubled),
// UTF-8 after a byte-order mark (else Excel reads Hebrew as Windows-1255 or Latin-1), a
// header row of the columns' keys, then a row per item in document order. Numbers as the
// JSON report writes them (completion a fraction 0..1: 0.4523), booleans `true`/`false`,
// dates YYYY-MM-DD, lists joined with ", ", an empty field where the report has null.
std::string export_csv(const PlanIndex& index, const Stats& stats, ExportKind kind);

// One text field appended to `out` as export_csv writes it:
// - text that a spreadsheet would run as a formula (its first character, after any
//   spaces and line breaks, one of = + - @; or its first character a tab or CR) gets a
//   leading apostrophe, OWASP's advice against CSV injection, which spreadsheets show as
//   text and hide;
// - control characters other than tab, LF and CR (C0, DEL, C1: a reader such as Python's
//   csv refuses NUL, and a terminal acts on ESC) become U+FFFD; everything else, Hebrew
//   and bidi marks included, is kept;
// - quoted when it holds `"`, `,`, CR or LF, quotes doubled.
void append_csv_text(std::string& out, std::string_view text);

}  // namespace plan
