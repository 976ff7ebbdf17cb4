#include "edit/csv_rows.hpp"

#include <csv.h>

#include "util/text.hpp"

namespace plan {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// What libcsv's callbacks build: the rows, and the byte offset where each cell starts.
struct Reading {
  std::vector<CsvRow> rows;
  std::vector<std::size_t> offsets;  // one a cell, in the order of the cells
  CsvRow row;
  std::size_t start = 0;  // where the cell being read starts
  bool started = false;   // a byte of that cell (or its delimiter) has been fed
  bool row_start = true;  // between records: line breaks there are empty lines
};

void on_cell(void* data, std::size_t len, void* reading) {
  auto& r = *static_cast<Reading*>(reading);
  // libcsv passes no buffer at all for an empty cell read before any other.
  r.row.cells.push_back({data ? std::string(static_cast<const char*>(data), len) : "", 0, 0});
  r.offsets.push_back(r.start);
  r.started = false;
}

void on_row(int, void* reading) {
  auto& r = *static_cast<Reading*>(reading);
  r.rows.push_back(std::move(r.row));
  r.row = {};
  r.row_start = true;
}

// Cells are left as written: a space may belong to a value.
int no_space(unsigned char) {
  return 0;
}

// The delimiter the first line holds most often outside quotes: ',' on a tie or none.
char choose_delimiter(std::string_view text) {
  std::size_t counts[3] = {0, 0, 0};
  const char candidates[3] = {',', ';', '\t'};
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;  // "" inside quotes toggles twice: no change
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t i = 0; i < 3; ++i)
      if (c == candidates[i]) ++counts[i];
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < 3; ++i)
    if (counts[i] > counts[best]) best = i;
  return candidates[best];
}

// Line and column of increasing byte offsets in one pass: lines end at LF, CRLF or a CR
// alone (as old spreadsheets on a Mac save them); columns count code points.
void place(std::string_view text, const std::vector<std::size_t>& offsets,
           std::vector<CsvRow>& rows) {
  std::size_t pos = 0, next = 0;
  std::uint32_t line = 1, col = 1;
  for (CsvRow& row : rows)
    for (CsvCell& cell : row.cells) {
      const std::size_t to = offsets[next++];
      for (; pos < to && pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '\n' || (c == '\r' && (pos + 1 >= text.size() || text[pos + 1] != '\n'))) {
          ++line;
          col = 1;
        } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
          ++col;
        }
      }
      cell.line = line;
      cell.col = col;
    }
}

// The place of one offset (for an error), by the same count.
std::pair<std::uint32_t, std::uint32_t> place_of(std::string_view text, std::size_t offset) {
  std::vector<CsvRow> one(1);
  one[0].cells.resize(1);
  place(text, {offset}, one);
  return {one[0].cells[0].line, one[0].cells[0].col};
}

CsvError error_at(std::string_view text, std::size_t offset, Message why) {
  const auto [line, col] = place_of(text, offset);
  return {line, col, std::move(why)};
}

}  // namespace

std::optional<CsvTable> read_csv(std::string_view bytes, CsvError& error) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    error = {1, 1,
             message(N_("the file is UTF-16 text; save it as CSV in UTF-8 (a spreadsheet's \"CSV "
                        "UTF-8\")"))};
    return std::nullopt;
  }
  const std::string_view text = bytes.substr(0, 3) == kBom ? bytes.substr(3) : bytes;
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string::npos) {
    error = error_at(text, bad,
                     message(N_("the file is not UTF-8 text here; save it as CSV in UTF-8 (a "
                                "spreadsheet's \"CSV UTF-8\"), not in a legacy code page")));
    return std::nullopt;
  }

  CsvTable table;
  table.delimiter = choose_delimiter(text);
  csv_parser parser;
  // Strict: a stray quote is an error to report, not a guess at what was meant.
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    error = {1, 1, message(N_("out of memory"))};
    return std::nullopt;
  }
  csv_set_delim(&parser, static_cast<unsigned char>(table.delimiter));
  csv_set_space_func(&parser, no_space);
  Reading r;
  // One byte at a time: the callbacks then know where each cell starts.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!r.started && !(r.row_start && (c == '\r' || c == '\n'))) {
      r.start = i;
      r.started = true;
      r.row_start = false;
    }
    if (csv_parse(&parser, text.data() + i, 1, on_cell, on_row, &r) != 1) {
      const bool parse = csv_error(&parser) == CSV_EPARSE;
      csv_free(&parser);
      error = error_at(text, i,
                       parse ? message(N_("a quote (\") inside a cell that does not start with "
                                          "one, or text after a cell's closing quote; quote the "
                                          "whole cell and write each quote inside it twice (\"\")"))
                             : message(N_("out of memory")));
      return std::nullopt;
    }
  }
  // A last cell after a delimiter holds nothing: it is placed at the end.
  if (!r.started) r.start = text.size();
  if (csv_fini(&parser, on_cell, on_row, &r) != 0) {
    csv_free(&parser);
    error = error_at(text, r.start, message(N_("the quote that starts this cell is never closed")));
    return std::nullopt;
  }
  csv_free(&parser);
  place(text, r.offsets, r.rows);
  table.rows = std::move(r.rows);
  return table;
}

}  // namespace plan
