// The workbook is written in libxlsxwriter's constant_memory mode: each row goes to a
// temporary file as it is finished, so 100,000 activities never sit in memory as cells.
// That mode wants rows in order, sheet by sheet, which is how export_rows gives them.
#include "render/export_xlsx.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "render/export_table.hpp"
#include "render/export_text.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace plan {

namespace {

// Excel's most characters in a cell; libxlsxwriter refuses a longer string outright.
constexpr std::size_t kMaxCellChars = 32767;

// Plan text as a cell's string: inert (no control characters, which XML cannot hold), and
// with `_xHHHH_` written as Excel reads it literally: Excel and LibreOffice decode that
// pattern into a character (OOXML ST_Xstring), so a plan's "_x0041_" would read "A".
std::string cell_text(std::string_view text) {
  std::string s = inert_text(text, true);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool escape =
        s.compare(i, 2, "_x") == 0 && i + 6 < s.size() && s[i + 6] == '_' &&
        std::all_of(s.begin() + static_cast<long>(i) + 2, s.begin() + static_cast<long>(i) + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    out += escape ? "_x005F" : "";
    out += s[i];
  }
  if (count_code_points(out) <= kMaxCellChars) return out;
  // Cut at a character's start, with an ellipsis to say so.
  std::size_t chars = 0, i = 0;
  for (; i < out.size(); ++i)
    if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80 && ++chars == kMaxCellChars) break;
  out.resize(i);
  return out + "…";
}

lxw_datetime datetime_of(const Date& d) {
  lxw_datetime t{};
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  return t;
}

class XlsxWriter {
 public:
  XlsxWriter(const PlanIndex& index, const Stats& stats)
      : index_(index), stats_(stats), labels_(index.plan()) {}

  std::string write(const std::string& path) {
    // libxlsxwriter says why it cannot create a file on stderr itself, and nothing below
    // cli/ prints: so the path is tried first, and the reason given back.
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
      std::fclose(f);
    } else {
      return "cannot write " + path + ": " + std::strerror(errno);
    }
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    workbook_ = workbook_new_opt(path.c_str(), &options);
    if (!workbook_) return "cannot create " + path;
    set_properties();
    make_formats();
    overview();
    table(ExportKind::goals, "sheet_goals");
    table(ExportKind::targets, "sheet_targets");
    table(ExportKind::activities, "sheet_activities");
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR)
      return std::string("cannot write the workbook: ") + lxw_strerror(error);
    return "";
  }

 private:
  // The document's properties; its date is the as-of date, never the clock, so that the
  // same plan and date give the same bytes.
  void set_properties() {
    const Meta* meta = index_.plan().meta();
    title_ = meta ? cell_text(meta->title.value) : "";
    organization_ = meta ? cell_text(meta->organization.value) : "";
    lxw_doc_properties properties{};
    properties.title = title_.data();
    properties.company = organization_.data();
    properties.created = static_cast<std::time_t>(day_number(stats_.as_of)) * 86400;
    workbook_set_properties(workbook_, &properties);
  }

  void make_formats() {
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    title_format_ = workbook_add_format(workbook_);
    format_set_bold(title_format_);
    format_set_font_size(title_format_, 14);
    label_ = workbook_add_format(workbook_);
    format_set_bold(label_);
    percent_ = workbook_add_format(workbook_);
    format_set_num_format(percent_, "0%");
    yes_no_ = workbook_add_format(workbook_);
    const std::string yes = labels_.word("yes"), no = labels_.word("no");
    format_set_num_format(yes_no_, ("\"" + yes + "\";\"" + yes + "\";\"" + no + "\"").c_str());
    format_set_align(yes_no_, LXW_ALIGN_CENTER);
    centred_ = workbook_add_format(workbook_);
    format_set_align(centred_, LXW_ALIGN_CENTER);
    date_ = workbook_add_format(workbook_);
    format_set_num_format(date_, "yyyy-mm-dd");
  }

  lxw_worksheet* sheet(const char* word) {
    const std::string name = labels_.word(word);
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
    if (labels_.rtl()) worksheet_right_to_left(ws);
    // Printed: landscape, the header row on every page.
    worksheet_set_landscape(ws);
    worksheet_repeat_rows(ws, 0, 0);
    return ws;
  }

  // A cell that holds a percentage, or nothing.
  void percent_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Completion& value) {
    if (value) worksheet_write_number(ws, row, col, *value, percent_);
  }
  void date_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Date& d) {
    if (d.valid) {
      lxw_datetime t = datetime_of(d);
      worksheet_write_datetime(ws, row, col, &t, date_);
    } else if (d.raw) {
      worksheet_write_string(ws, row, col, cell_text(*d.raw).c_str(), nullptr);
    }
  }

  // The plan at a glance: two columns, what and how much.
  void overview() {
    lxw_worksheet* ws = sheet("sheet_overview");
    worksheet_set_column(ws, 0, 0, 34, nullptr);
    worksheet_set_column(ws, 1, 1, 36, nullptr);
    const Plan& plan = index_.plan();
    const Meta* meta = plan.meta();
    lxw_row_t row = 0;
    const auto label = [&](const std::string& text) {
      worksheet_write_string(ws, row, 0, text.c_str(), label_);
    };
    const auto text_row = [&](const char* word, const std::string& value) {
      label(labels_.word(word));
      if (!value.empty()) worksheet_write_string(ws, row, 1, value.c_str(), nullptr);
      ++row;
    };
    const auto number_row = [&](const std::string& text, double value) {
      label(text);
      worksheet_write_number(ws, row, 1, value, nullptr);
      ++row;
    };
    worksheet_write_string(ws, row++, 0, (title_.empty() ? labels_.word("plan") : title_).c_str(),
                           title_format_);
    ++row;
    text_row("plan", title_);
    text_row("organization", organization_);
    label(labels_.word("period_start"));
    if (meta) date_cell(ws, row, 1, meta->start.value);
    ++row;
    label(labels_.word("period_end"));
    if (meta) date_cell(ws, row, 1, meta->end.value);
    ++row;
    label(labels_.word("as_of"));
    date_cell(ws, row++, 1, stats_.as_of);
    label(labels_.word("completion"));
    percent_cell(ws, row++, 1, stats_.plan);
    label(labels_.word("pace"));
    percent_cell(ws, row++, 1, stats_.pace);
    const PaceMark mark = pace_mark(stats_.plan, stats_.pace);
    text_row("pace_mark", mark == PaceMark::none
                              ? ""
                              : labels_.label(std::string("pace.") + pace_mark_name(mark)));
    ++row;
    number_row(labels_.word("activities_total"), static_cast<double>(stats_.counts.total()));
    for (Status s : kStatuses)
      number_row(labels_.label(std::string("status.") + status_name(s)),
                 static_cast<double>(stats_.counts.of(s)));
    number_row(labels_.word("overdue"), static_cast<double>(stats_.counts.overdue));
    ++row;
    number_row(labels_.word("goals_count"), static_cast<double>(plan.goals.size()));
    number_row(labels_.word("targets_count"), static_cast<double>(plan.targets.size()));
  }

  // A kind's table: a header a manager reads, one row per item, the header frozen, a filter
  // on every column and a data bar on the completion.
  void table(ExportKind kind, const char* word) {
    lxw_worksheet* ws = sheet(word);
    // The table's columns but where an item is written (file, line, depth): the CSV has
    // them for scripts; a manager finds an item by its id and parent, and without them the
    // sheet's text, which is what compressing the workbook spends its time on, is 15% less.
    const std::vector<ExportColumn>& all = export_columns(kind);
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i].key != "file" && all[i].key != "line" && all[i].key != "depth") shown.push_back(i);
    if (shown.empty()) return;
    const auto last_col = static_cast<lxw_col_t>(shown.size() - 1);
    for (lxw_col_t c = 0; c <= last_col; ++c) {
      const ExportColumn& column = all[shown[c]];
      worksheet_write_string(ws, 0, c, labels_.word(column.key).c_str(), header_);
      // Ids are Latin: centred, they stay by their row's text in either direction.
      worksheet_set_column(ws, c, c, width_of(column), column.key == "id" ? centred_ : nullptr);
    }
    worksheet_set_row(ws, 0, 32, nullptr);
    lxw_row_t row = 0;
    export_rows(index_, stats_, kind, [&](const std::vector<ExportValue>& values) {
      ++row;
      for (lxw_col_t c = 0; c <= last_col; ++c)
        if (shown[c] < values.size()) cell(ws, row, c, all[shown[c]], values[shown[c]]);
    });
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_print_scale(ws, 70);  // printed, the first page holds the main columns
    worksheet_autofilter(ws, 0, 0, row, last_col);
    for (lxw_col_t c = 0; c <= last_col; ++c)
      if (all[shown[c]].key == "completion" && row > 0) data_bar(ws, row, c);
  }

  static double width_of(const ExportColumn& column) {
    const std::string& k = column.key;
    if (k == "title" || k == "description" || k == "notes") return 40;
    if (k == "id" || k == "parent") return 18;
    if (k == "owner" || k == "partners" || k == "file") return 20;
    if (k == "section" || k == "status" || k == "pace_mark" || k == "targets" ||
        k == "effective_targets" || k == "goals" || k == "measure_unit")
      return 14;
    if (column.type == ExportType::date || column.type == ExportType::percent) return 12;
    return 9;
  }

  // A bar from 0% to 100% whatever the column's own lowest and highest values are.
  void data_bar(lxw_worksheet* ws, lxw_row_t last_row, lxw_col_t col) {
    lxw_conditional_format bar{};
    bar.type = LXW_CONDITIONAL_DATA_BAR;
    bar.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    bar.min_value = 0;
    bar.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    bar.max_value = 1;
    bar.bar_color = 0x63BE7B;
    bar.bar_solid = LXW_TRUE;
    worksheet_conditional_format_range(ws, 1, col, last_row, col, &bar);
  }

  void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const ExportColumn& column,
            const ExportValue& value) {
    if (!value.given) return;
    switch (column.type) {
      case ExportType::integer:
      case ExportType::number:
        worksheet_write_number(ws, row, col, value.number, nullptr);
        return;
      case ExportType::percent:
        worksheet_write_number(ws, row, col, value.number, percent_);
        return;
      case ExportType::boolean:
        // 1 or 0 shown as the plan's yes or no: a filter offers the words, a formula can
        // count them, and every reader shows the same (LibreOffice showed some boolean
        // cells as 0/1, others as FALSE).
        worksheet_write_number(ws, row, col, value.number != 0 ? 1 : 0, yes_no_);
        return;
      case ExportType::date: {
        const Date d = parse_date(value.text);
        if (d.valid) {
          lxw_datetime t = datetime_of(d);
          worksheet_write_datetime(ws, row, col, &t, date_);
          return;
        }
        break;
      }
      case ExportType::text:
        break;
    }
    // Words the plan format defines read in the plan's language; a manager filters on them.
    std::string text = value.text;
    if (column.key == "status" && parse_status(text))
      text = labels_.label("status." + text);
    else if (column.key == "pace_mark" && !text.empty())
      text = labels_.label("pace." + text);
    worksheet_write_string(ws, row, col, cell_text(text).c_str(), nullptr);
  }

  const PlanIndex& index_;
  const Stats& stats_;
  ExportLabels labels_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format *header_ = nullptr, *title_format_ = nullptr, *label_ = nullptr, *percent_ = nullptr,
             *date_ = nullptr, *centred_ = nullptr, *yes_no_ = nullptr;
  std::string title_, organization_;
};

}  // namespace

std::string write_xlsx(const PlanIndex& index, const Stats& stats, const std::string& path) {
  return XlsxWriter(index, stats).write(path);
}

}  // namespace plan
