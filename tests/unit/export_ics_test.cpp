// `plan export --format ics`: the calendar's text as RFC 5545 wants it. The Python read-back
// (tests/export/read_ics.py) checks the values as a real reader sees them.
#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "render/export_ics.hpp"
#include "render/export_text.hpp"
#include "stats/stats.hpp"
#include "util/date.hpp"

using namespace plan;

namespace {

struct Ics {
  LoadResult r;
  std::unique_ptr<PlanIndex> ix;
  Stats s;
  std::string text;
  explicit Ics(const std::string& activities, const std::string& meta = "  id: p1\n",
               const char* as_of = "2009-07-02") {
    r = plan::test::load_one(
        "plan:\n  title: Test\n  period: {start: 2009-01-01, end: 2009-12-31}\n" + meta +
        "goals:\n  - {id: G1, title: Goal one}\n  - {id: G2, title: Goal two}\n"
        "targets:\n  - {id: T1, title: Target, goals: [G2, G1]}\n"
        "  - {id: T2, title: Other, goals: [G2]}\n"
        "sections:\n  - id: s\n    title: S\n    activities:\n" +
        activities);
    ix = std::make_unique<PlanIndex>(r.plan);
    s = compute_stats(*ix, parse_date(as_of));
    text = export_ics(*ix, s);
  }
  // The unfolded content lines (RFC 5545 3.1: CRLF followed by a space continues a line).
  std::vector<std::string> lines() const {
    std::string unfolded;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text.compare(i, 3, "\r\n ") == 0) {
        i += 2;
        continue;
      }
      unfolded += text[i];
    }
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t end; (end = unfolded.find("\r\n", start)) != std::string::npos;
         start = end + 2)
      out.push_back(unfolded.substr(start, end - start));
    return out;
  }
  // The lines of the component whose UID is `uid`.
  std::vector<std::string> component(const std::string& uid) const {
    std::vector<std::string> all = lines(), current;
    bool found = false;
    for (const std::string& l : all) {
      if (l.rfind("BEGIN:V", 0) == 0 && l != "BEGIN:VCALENDAR") current.clear(), found = false;
      current.push_back(l);
      if (l == "UID:" + uid) found = true;
      if (l.rfind("END:V", 0) == 0 && l != "END:VCALENDAR" && found) return current;
    }
    return {};
  }
  bool has(const std::string& uid, const std::string& line) const {
    for (const std::string& l : component(uid))
      if (l == line) return true;
    return false;
  }
  std::size_t count(const std::string& line) const {
    std::size_t n = 0;
    for (const std::string& l : lines()) n += l == line;
    return n;
  }
};

}  // namespace

TEST_CASE("ics: a VTODO for each activity with a due date, at every depth") {
  Ics c(
      "      - id: a\n        title: A\n        targets: [T1]\n        due: 2009-03-31\n"
      "        activities:\n"
      "          - {id: a1, title: A one, due: 2009-02-28, status: done}\n"
      "          - {id: a2, title: A two}\n"
      "      - {id: b, title: B, targets: [T2]}\n");
  CHECK(c.lines().front() == "BEGIN:VCALENDAR");
  CHECK(c.lines().back() == "END:VCALENDAR");
  CHECK(c.count("BEGIN:VTODO") == 2);
  CHECK(c.has("p1/a@plan.invalid", "DUE;VALUE=DATE:20090331"));
  CHECK(c.has("p1/a1@plan.invalid", "DUE;VALUE=DATE:20090228"));
  CHECK(c.component("p1/a2@plan.invalid").empty());
  CHECK(c.component("p1/b@plan.invalid").empty());
  CHECK(c.has("p1/a1@plan.invalid", "SUMMARY:A one"));
}

TEST_CASE("ics: statuses map to RFC 5545's, the plan's own word kept beside") {
  Ics c(
      "      - {id: p, title: P, targets: [T1], due: 2009-03-01}\n"
      "      - {id: i, title: I, targets: [T1], due: 2009-03-01, status: in-progress}\n"
      "      - {id: d, title: D, targets: [T1], due: 2009-03-01, status: done}\n"
      "      - {id: b, title: B, targets: [T1], due: 2009-03-01, status: blocked}\n"
      "      - {id: x, title: X, targets: [T1], due: 2009-03-01, status: dropped}\n");
  CHECK(c.has("p1/p@plan.invalid", "STATUS:NEEDS-ACTION"));
  CHECK(c.has("p1/i@plan.invalid", "STATUS:IN-PROCESS"));
  CHECK(c.has("p1/d@plan.invalid", "STATUS:COMPLETED"));
  CHECK(c.has("p1/b@plan.invalid", "STATUS:NEEDS-ACTION"));
  CHECK(c.has("p1/b@plan.invalid", "X-PLAN-STATUS:blocked"));
  CHECK(c.has("p1/x@plan.invalid", "STATUS:CANCELLED"));
  CHECK(c.has("p1/d@plan.invalid", "PERCENT-COMPLETE:100"));
  // A dropped activity has no completion: no percentage rather than a made-up one.
  for (const std::string& l : c.component("p1/x@plan.invalid"))
    CHECK(l.rfind("PERCENT-COMPLETE", 0) == std::string::npos);
}

TEST_CASE("ics: percent-complete is the completion, floored like every output") {
  Ics c(
      "      - {id: m, title: M, targets: [T1], due: 2009-03-01, measure: {planned: 3, actual: "
      "2}}\n"
      "      - {id: q, title: Q, targets: [T1], due: 2009-03-01, percent: 45}\n");
  CHECK(c.has("p1/m@plan.invalid", "PERCENT-COMPLETE:66"));
  CHECK(c.has("p1/q@plan.invalid", "PERCENT-COMPLETE:45"));
}

TEST_CASE("ics: the goals an activity serves are its categories, inherited targets too") {
  Ics c(
      "      - id: a\n        title: A\n        targets: [T1, T2]\n        due: 2009-03-31\n"
      "        activities:\n"
      "          - {id: a1, title: A one, due: 2009-02-28}\n"
      "      - {id: b, title: B, targets: [T2], due: 2009-04-01}\n");
  // In the plan's order of goals, each once.
  std::vector<std::string> cats;
  for (const std::string& l : c.component("p1/a@plan.invalid"))
    if (l.rfind("CATEGORIES:", 0) == 0) cats.push_back(l);
  CHECK(cats == std::vector<std::string>{"CATEGORIES:G1", "CATEGORIES:G2"});
  CHECK(c.has("p1/a1@plan.invalid", "CATEGORIES:G1"));
  CHECK(c.has("p1/b@plan.invalid", "CATEGORIES:G2"));
  CHECK_FALSE(c.has("p1/b@plan.invalid", "CATEGORIES:G1"));
}

TEST_CASE("ics: the period is an all-day event that leaves the calendar free") {
  Ics c("      - {id: a, title: A, targets: [T1], due: 2009-03-31}\n");
  CHECK(c.has("p1@plan.invalid", "DTSTART;VALUE=DATE:20090101"));
  CHECK(c.has("p1@plan.invalid", "DTEND;VALUE=DATE:20100101"));  // the day after the end
  CHECK(c.has("p1@plan.invalid", "TRANSP:TRANSPARENT"));
  CHECK(c.has("p1@plan.invalid", "SUMMARY:Test"));
  CHECK(c.count("BEGIN:VEVENT") == 1);
}

TEST_CASE("ics: stamps come from the as-of date and the same input gives the same bytes") {
  const std::string acts = "      - {id: a, title: A, targets: [T1], due: 2009-03-31}\n";
  Ics one(acts), two(acts), later(acts, "  id: p1\n", "2009-08-15");
  CHECK(one.text == two.text);
  CHECK(one.has("p1/a@plan.invalid", "DTSTAMP:20090702T000000Z"));
  CHECK(later.has("p1/a@plan.invalid", "DTSTAMP:20090815T000000Z"));
  CHECK(one.count("PRODID:-//plan//plan export//EN") == 1);
  CHECK(one.count("VERSION:2.0") == 1);
}

TEST_CASE("ics: UIDs are stable: a plan without an id still gets them") {
  Ics c("      - {id: a, title: A, targets: [T1], due: 2009-03-31, start: 2009-01-05}\n", "");
  CHECK(c.has("plan/a@plan.invalid", "DTSTART;VALUE=DATE:20090105"));
  CHECK(c.count("UID:plan@plan.invalid") == 1);
}

TEST_CASE("ics: hostile text stays inert: no control character, no line of its own") {
  Ics c(
      "      - id: a\n"
      "        title: \"x\\u0001y\\u0007\\u001b[31m\\r\\nEND:VTODO\\nBEGIN:VEVENT, ; \\\\ "
      "\\u202Eשלום\"\n"
      "        targets: [T1]\n        due: 2009-03-31\n"
      "        notes: \"line one\\nline two\\u0085three\"\n");
  for (unsigned char ch : c.text) {
    CHECK((ch >= 0x20 || ch == '\r' || ch == '\n' || ch == ' '));
    CHECK(ch != 0x7F);
  }
  CHECK(c.count("BEGIN:VTODO") == 1);
  CHECK(c.count("END:VTODO") == 1);
  CHECK(c.count("BEGIN:VEVENT") == 1);  // the period's only
  CHECK(c.has("p1/a@plan.invalid",
              "SUMMARY:x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD[31m END:VTODO BEGIN:VEVENT\\, \\; "
              "\\\\ \xE2\x80\xAEשלום"));
  bool notes = false;
  for (const std::string& l : c.component("p1/a@plan.invalid"))
    if (l.rfind("DESCRIPTION:", 0) == 0)
      notes = l.find("\\n\\nline one\\nline two\\nthree") != std::string::npos;
  CHECK(notes);
  // Lines are folded at 75 octets, never inside a character (RFC 5545 3.1).
  std::istringstream in(c.text);
  for (std::string line; std::getline(in, line);) {
    CHECK(line.size() <= 76);  // 75 and the CR
    if (line.size() > 1 && line[0] == ' ')
      CHECK((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
  }
}

TEST_CASE("inert_text keeps text, replaces controls and bad bytes, and joins lines on request") {
  CHECK(inert_text("שלום\tעולם", false) == "שלום\tעולם");
  CHECK(inert_text("a\x01z\x7f", false) == "a\xEF\xBF\xBDz\xEF\xBF\xBD");
  CHECK(inert_text("a\r\nb\rc\nd", false) == "a b c d");
  CHECK(inert_text("a\r\nb\rc\nd", true) == "a\nb\nc\nd");
  CHECK(inert_text("a\xC2\x85z\xE2\x80\xA8", true) == "a\nz\n");
  CHECK(inert_text("a\xC2\x9bz", false) == "a\xEF\xBF\xBDz");  // C1 CSI
  CHECK(inert_text("\xff\xC0\x80", false) == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(inert_text("a\xEF\xBF\xBE\xEF\xBF\xBF", false) == "a\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(inert_text(std::string("a\0b", 3), false) ==
        "a\xEF\xBF\xBD"
        "b");
}
