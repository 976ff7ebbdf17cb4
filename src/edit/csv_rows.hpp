// A spreadsheet saved as CSV, read into rows of cells, each cell with the line and column
// where it starts, so that `plan import` can say which cell of which row is wrong. The
// parsing itself is libcsv's (strict RFC 4180 quoting); this file chooses the delimiter,
// steps over a byte-order mark and insists on UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "message.hpp"

namespace plan {

// One cell: its text (quotes removed, "" read as ", nothing trimmed) and where it starts
// in the file (1-based line, column in code points, the byte-order mark not counted). An
// empty cell is placed where it would start.
struct CsvCell {
  std::string text;
  std::uint32_t line = 0, col = 0;
};

// One record (a spreadsheet's row). A quoted cell may span lines, so a record's line is
// that of its first cell. Empty lines hold no record.
struct CsvRow {
  std::vector<CsvCell> cells;
};

struct CsvTable {
  char delimiter = ',';
  std::vector<CsvRow> rows;  // the header row first, when the file has one
};

// Why a file could not be read as CSV, and where.
struct CsvError {
  std::uint32_t line = 0, col = 0;
  Message why;
};

// The rows of `bytes`: UTF-8 with or without a byte-order mark, lines ended by LF, CRLF or
// CR, cells separated by ',', ';' or a tab: the one of these that the first line holds
// most often outside quotes (one column when it holds none). None, with `error` set, for
// text that is not UTF-8 (a UTF-16 mark is named), a quote that is not closed, or a quote
// inside an unquoted cell or text after a closing quote.
std::optional<CsvTable> read_csv(std::string_view bytes, CsvError& error);

}  // namespace plan
