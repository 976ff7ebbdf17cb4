// Reading a spreadsheet saved as CSV (edit/csv_rows): delimiters, quoting, line endings,
// byte-order marks, and the place of every cell and of every error.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "edit/csv_rows.hpp"

using namespace plan;

namespace {

// Each row's cells as "text@line:col", cells joined by " | ", rows by "\n".
std::string shape(const CsvTable& t) {
  std::string out;
  for (const CsvRow& row : t.rows) {
    if (!out.empty()) out += "\n";
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const CsvCell& c = row.cells[i];
      out += (i ? " | " : "") + c.text + "@" + std::to_string(c.line) + ":" + std::to_string(c.col);
    }
  }
  return out;
}

std::string read(const std::string& bytes) {
  CsvError e;
  const auto t = read_csv(bytes, e);
  REQUIRE_MESSAGE(t, render_message(e.why));
  return shape(*t);
}

CsvError failure(const std::string& bytes) {
  CsvError e;
  const auto t = read_csv(bytes, e);
  CHECK_FALSE(t);
  return e;
}

}  // namespace

TEST_CASE("csv rows: the delimiter is the one the header line holds") {
  const std::string expected =
      "id@1:1 | field@1:4 | value@1:10\n"
      "G1@2:1 | owner@2:4 | Dana@2:10";
  for (const char d : {',', ';', '\t'}) {
    CAPTURE(d);
    const std::string s =
        std::string("id") + d + "field" + d + "value\nG1" + d + "owner" + d + "Dana\n";
    CsvError e;
    const auto t = read_csv(s, e);
    REQUIRE(t);
    CHECK(t->delimiter == d);
    CHECK(shape(*t) == expected);
  }
  // A comma inside the header's quotes does not count; ';' is used twice outside them.
  CsvError e;
  const auto t = read_csv("\"a,b\";c;d\n1;2;3\n", e);
  REQUIRE(t);
  CHECK(t->delimiter == ';');
  CHECK(shape(*t) == "a,b@1:1 | c@1:7 | d@1:9\n1@2:1 | 2@2:3 | 3@2:5");
}

TEST_CASE("csv rows: CRLF, CR alone, a byte-order mark and no final line break") {
  CHECK(read("id,field\r\nG1,owner\r\n") == "id@1:1 | field@1:4\nG1@2:1 | owner@2:4");
  CHECK(read("id,field\rG1,owner\r") == "id@1:1 | field@1:4\nG1@2:1 | owner@2:4");
  CHECK(read("\xEF\xBB\xBFid,field\nG1,owner") == "id@1:1 | field@1:4\nG1@2:1 | owner@2:4");
  // Empty lines hold no row; the row after them keeps its own line number.
  CHECK(read("id,field\n\r\n\nG1,owner\n") == "id@1:1 | field@1:4\nG1@4:1 | owner@4:4");
}

TEST_CASE("csv rows: quoted cells keep delimiters, quotes, line breaks and spaces") {
  CsvError e;
  const auto t = read_csv("a,b\n\"x, \"\"y\"\"\",\" z \"\n\"two\r\nlines\",w\n", e);
  REQUIRE(t);
  REQUIRE(t->rows.size() == 3);
  CHECK(t->rows[1].cells[0].text == "x, \"y\"");
  CHECK(t->rows[1].cells[1].text == " z ");
  CHECK(t->rows[1].cells[1].col == 12);
  CHECK(t->rows[2].cells[0].text == "two\r\nlines");
  // The cell after a quoted line break is on the next line of the file.
  CHECK(t->rows[2].cells[1].line == 4);
  CHECK(t->rows[2].cells[1].col == 8);
  // Unquoted cells are not trimmed either.
  CHECK(read("a, b \n") == "a@1:1 |  b @1:3");
}

TEST_CASE("csv rows: Hebrew text, columns counted in characters") {
  CHECK(read("id,field,value\ngeneral.3,owner,דנה כהן\ngeneral.4,title,\"מפגש, שני\"\n") ==
        "id@1:1 | field@1:4 | value@1:10\n"
        "general.3@2:1 | owner@2:11 | דנה כהן@2:17\n"
        "general.4@3:1 | title@3:11 | מפגש, שני@3:17");
  // Columns after Hebrew count characters, not bytes.
  CHECK(read("שם,x\n") == "שם@1:1 | x@1:4");
}

TEST_CASE("csv rows: empty cells are placed where they would start") {
  CHECK(read("a,b,c\n,,\n") == "a@1:1 | b@1:3 | c@1:5\n@2:1 | @2:2 | @2:3");
  CHECK(read("a,b\nx,") == "a@1:1 | b@1:3\nx@2:1 | @2:3");
  CHECK(read("") == "");
}

TEST_CASE("csv rows: stray and unclosed quotes are errors at their place") {
  CsvError e = failure("id,field,value\nG1,owner,Da\"na\n");
  CHECK(e.line == 2);
  CHECK(e.col == 12);
  CHECK(render_message(e.why).find("quote") != std::string::npos);
  e = failure("id,field,value\nG1,owner,\"Dana\" x\n");
  CHECK(e.line == 2);
  CHECK(e.col == 16);
  e = failure("id,field,value\nG1,owner,\"Dana\nG2,owner,x\n");
  CHECK(e.line == 2);
  CHECK(e.col == 10);
  CHECK(render_message(e.why).find("never closed") != std::string::npos);
}

TEST_CASE("csv rows: text that is not UTF-8 is refused with its place") {
  // "דנה" in Windows-1255, as a spreadsheet saves "CSV" in a Hebrew locale.
  CsvError e = failure("id,field,value\nG1,owner,\xE3\xF0\xE4\n");
  CHECK(e.line == 2);
  CHECK(e.col == 10);
  CHECK(render_message(e.why).find("UTF-8") != std::string::npos);
  e = failure(std::string("\xFF\xFEi\0d\0", 6));
  CHECK(e.line == 1);
  CHECK(render_message(e.why).find("UTF-16") != std::string::npos);
}

TEST_CASE("csv rows: NUL bytes and long cells are read as they are") {
  const std::string big(100000, 'x');
  CsvError e;
  const auto t = read_csv("a,b\n" + big + "," + std::string("n\0l", 3) + "\n", e);
  REQUIRE(t);
  REQUIRE(t->rows.size() == 2);
  CHECK(t->rows[1].cells[0].text == big);
  CHECK(t->rows[1].cells[1].text == std::string("n\0l", 3));
  CHECK(t->rows[1].cells[1].col == 100002);
}
