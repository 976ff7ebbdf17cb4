#include "diagnostic_codes.hpp"

#include <algorithm>

namespace plan {

const std::vector<DiagnosticCodeRow>& diagnostic_code_rows() {
  static const std::vector<DiagnosticCodeRow> rows{
      {{"yaml-syntax"},
       "error",
       R"md(YAML that does not parse; the other files are still checked)md"},
      {{"duplicate-key"},
       "error",
       R"md(a key twice in one mapping (most YAML readers silently keep one))md"},
      {{"unclosed-quote"},
       "error",
       R"md(a quoted string never closed, reported at its opening quote)md"},
      {{"encoding"}, "error", R"md(not UTF-8: invalid bytes, UTF-16/UTF-32, NUL bytes)md"},
      {{"line-break"},
       "error",
       R"md(a line break editors do not count: a CR alone, NEL, U+2028, U+2029 (CRLF is fine))md"},
      {{"nul-character"},
       "error",
       R"md(a NUL made by an escape (`\0`, `\x00`, `\u0000`) in a quoted string)md"},
      {{"multiple-documents"}, "error", R"md(a second `---` document in one file)md"},
      {{"alias-limit", "too-deep"},
       "error",
       R"md(aliases that copy past 100,000 nodes or 64× the file's text; nesting past 100 levels, aliases included)md"},
      {{"unreadable"},
       "error (exit 2)",
       R"md(a file that cannot be read, or a folder that cannot be listed (the rest is read))md"},
      {{"too-large"},
       "error",
       R"md(a file over 64 MiB, or files together over 512 MiB (`PLAN_MAX_FILE_MB`, `PLAN_MAX_TOTAL_MB` change the limits))md"},
      {{"unknown-key"}, "error", R"md(a key the format does not have, with "did you mean")md"},
      {{"wrong-type"},
       "error",
       R"md(a mapping where a list belongs, a list where text belongs, text where a number belongs)md"},
      {{"missing-field"},
       "error",
       R"md(an item without `id` or `title`; a measure without `planned`)md"},
      {{"bad-id"},
       "error",
       R"md(an id that is not an ASCII letter followed by letters, digits, `.`, `_`, `-`, or is over 64 characters)md"},
      {{"duplicate-id"},
       "error",
       R"md(an id used twice, compared ignoring case; a note points at the first)md"},
      {{"unknown-goal", "unknown-target"},
       "error",
       R"md(a link to an id that does not exist (or is another kind of item))md"},
      {{"unknown-unit"},
       "error",
       R"md(a goal of another plan (`hq:G2`) naming a unit the workspace does not have, or in a plan no workspace lists)md"},
      {{"unit-cycle"},
       "error",
       R"md((workspace) units serving each other's goals in a cycle, a note at each step)md"},
      {{"target-without-goals"}, "error", R"md(a target that serves no goal)md"},
      {{"unknown-status"},
       "error",
       R"md(a status other than `planned`, `in-progress`, `done`, `blocked`, `dropped` (plan: `draft`, `final`))md"},
      {{"bad-date", "bad-period"},
       "error",
       R"md(not a real `YYYY-MM-DD` date; a period or activity that ends before it starts)md"},
      {{"bad-range"},
       "error",
       R"md(`planned` whose low end exceeds its high end, or an end not above 0 or over 10^12)md"},
      {{"negative-actual", "bad-actual"}, "error", R"md(`actual` below 0; `actual` over 10^12)md"},
      {{"bad-percent", "bad-weight"},
       "error",
       R"md(`percent` outside 0–100; `weight` not above 0 or over 1,000,000)md"},
      {{"bad-language"},
       "error",
       R"md(the plan's `language` is not a BCP 47 tag like `he` or `en-GB`)md"},
      {{"bad-stale-after"},
       "error",
       R"md(the plan's `stale_after` is not a whole number of days from 1 to 3650)md"},
      {{"missing-plan", "duplicate-plan"}, "error", R"md(no `plan:` block, or more than one)md"},
      {{"unserved-goal", "unserved-target"},
       "warning",
       R"md(a goal no target serves; a target no live activity serves)md"},
      {{"no-targets"}, "warning", R"md(an activity with no targets, own or inherited)md"},
      {{"due-outside-period"}, "warning", R"md(`due` outside the plan's period)md"},
      {{"done-mismatch"},
       "warning",
       R"md(`done` while its measure, percent or sub-activities say otherwise)md"},
      {{"percent-ignored"},
       "warning",
       R"md(a `percent` no rule reads: the activity's measure or live sub-activities give its completion)md"},
      {{"empty-file", "skipped-file"},
       "warning",
       R"md(a file with no plan data; a FIFO, device, folder or link leaving the plan folder (hidden files and editor backups are passed over silently))md"},
      {{"empty-glob", "duplicate-unit", "missing-unit"},
       "error",
       R"md((workspace file) a glob that matches no folder; two units with one id, or on one folder, or one inside the other's folder (its activities would count twice); a unit path that does not exist or holds no plan file)md"},
      {{"unit-outside", "nested-workspace"},
       "error",
       R"md((workspace file) a unit folder outside the repository, or through a link out of it; a unit that is itself a workspace)md"},
      {{"bad-unit", "bad-stale-after"},
       "error",
       R"md((workspace file) an entry with both `path` and `glob`, or a glob with an `id` or `title`; `stale_after` not whole days from 1 to 3650)md"},
      {{"template", "template-limit"},
       "error",
       R"md((`plan render`) a template that does not parse; one past a limit of depth, work or output)md"},
      {{"template-unknown-name"},
       "error",
       R"md((`plan render --strict`) a template that uses a name the context does not have)md"},
  };
  return rows;
}

const std::vector<DiagnosticCode>& diagnostic_codes() {
  static const std::vector<DiagnosticCode> codes = [] {
    std::vector<DiagnosticCode> out;
    for (const DiagnosticCodeRow& row : diagnostic_code_rows())
      for (const std::string& code : row.codes) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const DiagnosticCode& c) { return c.code == code; });
        if (it == out.end()) {
          const Severity s =
              row.severity.rfind("warning", 0) == 0 ? Severity::warning : Severity::error;
          out.push_back({code, s, {}});
          it = out.end() - 1;
        }
        it->what.push_back(row.what);
      }
    return out;
  }();
  return codes;
}

const DiagnosticCode* find_diagnostic_code(const std::string& code) {
  for (const DiagnosticCode& c : diagnostic_codes())
    if (c.code == code) return &c;
  return nullptr;
}

std::string markdown_to_plain(const std::string& markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (char c : markdown)
    if (c != '`') out += c;
  return out;
}

}  // namespace plan
