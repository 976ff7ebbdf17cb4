// `plan export --format csv` (render/export_csv): RFC 4180, a byte-order mark, and plan text
// kept inert: no formula runs, no row breaks, no control character reaches a reader.
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "render/export_csv.hpp"

using namespace plan;

namespace {
std::string field(std::string_view text) {
  std::string out;
  append_csv_text(out, text);
  return out;
}
}  // namespace

TEST_CASE("a CSV field is quoted only when it must be, quotes doubled") {
  CHECK(field("plain") == "plain");
  CHECK(field("שלום עולם") == "שלום עולם");
  CHECK(field("a, b") == "\"a, b\"");
  CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(field("two\nlines") == "\"two\nlines\"");
  CHECK(field("cr\rlf") == "\"cr\rlf\"");
  CHECK(field("") == "");
}

TEST_CASE("a CSV field a spreadsheet would run as a formula starts with an apostrophe") {
  CHECK(field("=1+1") == "'=1+1");
  CHECK(field("+972") == "'+972");
  CHECK(field("-2") == "'-2");
  CHECK(field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(field("\t=1") == "'\t=1");
  CHECK(field("\r=1") == "\"'\r=1\"");
  CHECK(field("  =cmd|' /C calc'!A0") == "'  =cmd|' /C calc'!A0");
  CHECK(field("\n=1") == "\"'\n=1\"");
  CHECK(field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(field("a=b") == "a=b");
  CHECK(field("e-mail") == "e-mail");
}

TEST_CASE("control characters in a CSV field become U+FFFD, Hebrew and bidi marks stay") {
  CHECK(field(std::string("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(field("\x1b[31mred") == "\xEF\xBF\xBD[31mred");
  CHECK(field("del\x7f") == "del\xEF\xBF\xBD");
  CHECK(field("c1\xC2\x9B"
              "x") == "c1\xEF\xBF\xBDx");          // U+009B, the 8-bit CSI
  CHECK(field("nbsp\xC2\xA0") == "nbsp\xC2\xA0");  // U+00A0 is no control
  CHECK(field("\xE2\x80\x8F"
              "עברית") ==
        "\xE2\x80\x8F"
        "עברית");  // RLM kept
  CHECK(field("tab\there") == "tab\there");
}

TEST_CASE("a CSV export starts with a byte-order mark and a header, rows end with CRLF") {
  auto m =
      test::measure_text(std::string(test::kHeader) +
                         "sections:\n"
                         "  - id: s\n"
                         "    title: S\n"
                         "    activities:\n"
                         "      - {id: s.1, title: '=2+3', targets: [T1], percent: 45}\n"
                         "      - {id: s.2, title: 'a, \"b\"', targets: [T1], due: 2009-05-01}\n");
  REQUIRE(m->checked->diags.empty());
  const std::string csv = export_csv(*m->checked->index, m->stats, ExportKind::activities);
  REQUIRE(csv.rfind("\xEF\xBB\xBF"
                    "id,title,section,parent,depth,status,completion,overdue,",
                    0) == 0);
  CHECK(csv.find("\r\ns.1,'=2+3,s,,0,planned,0.45,false,T1,T1,") != std::string::npos);
  CHECK(csv.find("\r\ns.2,\"a, \"\"b\"\"\",s,,0,planned,0,true,T1,T1,,,,2009-05-01,") !=
        std::string::npos);
  CHECK(csv.size() > 2);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  // Every line break in the file is a CRLF (no text here holds one).
  for (std::size_t i = csv.find('\n'); i != std::string::npos; i = csv.find('\n', i + 1))
    CHECK(csv[i - 1] == '\r');
}

TEST_CASE("a CSV export of goals and of targets has their own columns") {
  auto m = test::measure_text(std::string(test::kHeader));
  const std::string goals = export_csv(*m->checked->index, m->stats, ExportKind::goals);
  CHECK(goals.rfind("\xEF\xBB\xBFid,title,description,completion,pace_mark,targets,counts_planned,",
                    0) == 0);
  CHECK(goals.find("\r\nG1,Goal,,,,T1,0,0,0,0,0,0,0,plan/a.yaml,") != std::string::npos);
  const std::string targets = export_csv(*m->checked->index, m->stats, ExportKind::targets);
  CHECK(targets.find("\r\nT1,Target,,,,G1,,0,") != std::string::npos);
}
