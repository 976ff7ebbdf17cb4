// The last line of `plan check`: counted with the plural forms of the user's language.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "cli/check_summary.hpp"

using plan::Message;
using plan::render_message;
using plan::cli::check_summary;
using plan::cli::workspace_check_summary;
using plan::cli::WorkspaceCounts;

namespace {

// A Hebrew catalog in miniature (nplurals=2; plural=(n != 1)), as po/he.po says it.
const char* hebrew(const char* id, const char* plural, unsigned long n) {
  struct Row {
    const char* id;
    const char* one;
    const char* many;
  };
  static const Row rows[] = {
      {"{n} error", "שגיאה אחת", "{n} שגיאות"},
      {"{n} warning", "אזהרה אחת", "{n} אזהרות"},
      {"{n} unit", "יחידה אחת", "{n} יחידות"},
      {"{errors}, {warnings}", "{errors}, {warnings}", nullptr},
      {"{errors}, {warnings} in {units}", "{errors}, {warnings} ב־{units}", nullptr},
      {"{head}; {more}", "{head}; {more}", nullptr},
      {"links and coverage were not checked, since {n} file could not be read",
       "הקישורים והכיסוי לא נבדקו, כי לא ניתן היה לקרוא קובץ אחד",
       "הקישורים והכיסוי לא נבדקו, כי לא ניתן היה לקרוא {n} קבצים"},
  };
  for (const Row& r : rows)
    if (std::strcmp(r.id, id) == 0) return plural && n != 1 ? r.many : r.one;
  return plural && n != 1 ? plural : id;
}

std::string he(const Message& m) {
  return render_message(m, hebrew, true);
}

}  // namespace

TEST_CASE("check summary: English as before, one and many") {
  CHECK(render_message(check_summary(1, 0, 0, 0)) == "1 error, 0 warnings");
  CHECK(render_message(check_summary(2, 1, 0, 0)) == "2 errors, 1 warning");
  CHECK(render_message(check_summary(3, 0, 2, 0)) ==
        "3 errors, 0 warnings (2 made errors by --strict)");
  CHECK(render_message(check_summary(1, 0, 0, 1)) ==
        "1 error, 0 warnings; links and coverage were not checked, since 1 file could not be read");
  CHECK(
      render_message(check_summary(1, 0, 0, 2)) ==
      "1 error, 0 warnings; links and coverage were not checked, since 2 files could not be read");
}

TEST_CASE("check summary: Hebrew plural forms, one without its number") {
  CHECK(he(check_summary(1, 0, 0, 0)) == "שגיאה אחת, 0 אזהרות");
  CHECK(he(check_summary(2, 1, 0, 0)) == "2 שגיאות, אזהרה אחת");
  CHECK(he(check_summary(0, 2, 0, 0)) == "0 שגיאות, 2 אזהרות");
  CHECK(he(check_summary(1, 0, 0, 1)) ==
        "שגיאה אחת, 0 אזהרות; הקישורים והכיסוי לא נבדקו, כי לא ניתן היה לקרוא קובץ אחד");
  CHECK(he(check_summary(1, 0, 0, 3)) ==
        "שגיאה אחת, 0 אזהרות; הקישורים והכיסוי לא נבדקו, כי לא ניתן היה לקרוא 3 קבצים");
}

TEST_CASE("check summary of a workspace: English as before, Hebrew plurals") {
  WorkspaceCounts c;
  c.errors = 1;
  c.warnings = 2;
  c.units = 1;
  c.own_errors = 1;
  c.broken = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  CHECK(render_message(workspace_check_summary(c)) ==
        "1 error, 2 warnings in 1 unit; the workspace itself has 1 error; units with errors: a, "
        "b, c, d, e, f, g, h and 2 more");
  c.broken.clear();
  c.own_errors = 0;
  c.units = 3;
  CHECK(he(workspace_check_summary(c)) == "שגיאה אחת, 2 אזהרות ב־3 יחידות");
}

TEST_CASE("check summary: the counts are translated even where the line around them is not") {
  // A catalog that has the counts but not "{errors}, {warnings}": gettext then returns the
  // English text itself, and the parts inside it must still be Hebrew.
  const plan::Translator counts_only = [](const char* id, const char* plural,
                                          unsigned long n) -> const char* {
    if (std::strcmp(id, "{n} error") == 0) return n == 1 ? "שגיאה אחת" : "{n} שגיאות";
    if (std::strcmp(id, "{n} warning") == 0) return n == 1 ? "אזהרה אחת" : "{n} אזהרות";
    return plural && n != 1 ? plural : id;
  };
  CHECK(render_message(check_summary(1, 2, 0, 0), counts_only, true) == "שגיאה אחת, 2 אזהרות");
}
