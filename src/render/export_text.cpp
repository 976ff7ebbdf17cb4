#include "render/export_text.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "render/summary.hpp"
#include "render/templates.hpp"
#include "util/text.hpp"

namespace plan {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The code point at `i` and its length in bytes; length 0 for a byte that does not start
// valid UTF-8 (overlongs, surrogates and code points past U+10FFFF included).
std::pair<std::uint32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return {c, 1};
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return {0, 0};
  std::uint32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, n};
}

// The exports' own words: Hebrew and English.
struct Word {
  const char* key;
  const char* en;
  const char* he;
};
constexpr Word kWords[] = {
    // Sheets.
    {"sheet_overview", "Overview", "סקירה"},
    {"sheet_goals", "Goals", "מטרות"},
    {"sheet_targets", "Targets", "יעדים"},
    {"sheet_activities", "Activities", "פעילויות"},
    // Overview rows.
    {"plan", "Plan", "תוכנית"},
    {"organization", "Organization", "ארגון"},
    {"period_start", "Period starts", "תחילת התקופה"},
    {"period_end", "Period ends", "סוף התקופה"},
    {"as_of", "As of", "נכון לתאריך"},
    {"completion", "Completion", "ביצוע"},
    {"pace", "Share of the period gone", "מהתקופה חלפו"},
    {"pace_mark", "Against an even pace", "ביחס לקצב אחיד"},
    {"activities_total", "Activities", "פעילויות"},
    {"overdue", "Overdue", "באיחור"},
    {"goals_count", "Goals", "מטרות"},
    {"targets_count", "Targets", "יעדים"},
    {"errors", "Errors found by plan check", "שגיאות שמצאה הבדיקה"},
    // Columns (export_table's keys).
    {"id", "ID", "מזהה"},
    {"title", "Title", "כותרת"},
    {"description", "Description", "תיאור"},
    {"section", "Section", "פרק"},
    {"parent", "Part of", "חלק מ־"},
    {"status", "Status", "מצב"},
    {"targets", "Targets", "יעדים"},
    {"goals", "Goals", "מטרות"},
    {"owner", "Owner", "אחראי"},
    {"partners", "Partners", "שותפים"},
    {"start", "Start", "התחלה"},
    {"due", "Due", "מועד"},
    {"measure_unit", "Unit", "יחידת מדידה"},
    {"measure_planned", "Planned", "מתוכנן"},
    {"measure_planned_low", "Planned (at least)", "מתוכנן (לפחות)"},
    {"measure_planned_high", "Planned (at most)", "מתוכנן (לכל היותר)"},
    {"measure_actual", "Done so far", "בוצע עד כה"},
    {"percent", "Estimated %", "הערכת אחוז ביצוע"},
    {"weight", "Weight", "משקל"},
    {"depth", "Depth", "עומק"},
    {"notes", "Notes", "הערות"},
    {"file", "File", "קובץ"},
    {"line", "Line", "שורה"},
    {"effective_targets", "Counts towards", "נספרת ביעדים"},
    {"counts_planned", "Planned", "מתוכננות"},
    {"counts_in_progress", "In progress", "בביצוע"},
    {"counts_done", "Done", "בוצעו"},
    {"counts_blocked", "Blocked", "חסומות"},
    {"counts_dropped", "Dropped", "בוטלו"},
    {"counts_overdue", "Overdue", "באיחור"},
    {"counts_total", "Activities", "סך הכול פעילויות"},
    {"activities", "Activities", "פעילויות"},
    {"gap", "Coverage gap", "פער כיסוי"},
    {"planned", "Planned", "מתוכנן"},
    {"in_progress", "In progress", "בביצוע"},
    {"done", "Done", "בוצע"},
    {"blocked", "Blocked", "חסום"},
    {"dropped", "Dropped", "בוטל"},
    {"yes", "Yes", "כן"},
    {"no", "No", "לא"},
};

}  // namespace

std::string inert_text(std::string_view text, bool keep_lines) {
  std::string out;
  out.reserve(text.size());
  const std::string_view line_break = keep_lines ? "\n" : " ";
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, n] = decode(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (cp == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 1;  // CRLF: one break, written at the LF
      continue;
    }
    if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      out += line_break;
    } else if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE ||
               cp == 0xFFFF) {  // U+FFFE and U+FFFF: not allowed in XML
      out += kReplacement;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

ExportLabels::ExportLabels(const Plan& plan) {
  const std::string language = labels_language("", {&plan});
  rtl_ = plans_rtl({&plan});
  hebrew_ = ascii_lower(language.substr(0, language.find('-'))) == "he";
  Message error;  // the built-in labels are JSON
  labels_ = summary_labels(TemplateSet(""), "", {&plan}, error);
}

std::string ExportLabels::label(std::string_view path) const {
  const Json* at = &labels_;
  std::string_view rest = path, key = path;
  while (!rest.empty()) {
    const std::size_t dot = rest.find('.');
    key = rest.substr(0, dot);
    rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    const auto it = at->is_object() ? at->find(std::string(key)) : at->end();
    if (it == at->end()) return std::string(key);
    at = &*it;
  }
  return at->is_string() ? at->get<std::string>() : std::string(key);
}

std::string ExportLabels::word(std::string_view key) const {
  for (const Word& w : kWords)
    if (key == w.key) return hebrew_ ? w.he : w.en;
  return std::string(key);
}

}  // namespace plan
