// `plan import FILE.csv` (or `-` for standard input): rows of id, field and value from a
// spreadsheet, each applied as one `plan set` (edit/set_field), in order, all in one edit
// transaction: the whole plan checked with every row, then diffed or written atomically
// per file, or nothing written. A bad row is reported at its line and column in the CSV.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/edit_transaction.hpp"
#include "cli/i18n.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "edit/csv_rows.hpp"
#include "edit/set_field.hpp"
#include "util/read_file.hpp"
#include "util/text.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {

// A spreadsheet of plan updates is small; this bounds what standard input may hold.
constexpr std::size_t kMaxCsvBytes = std::size_t{64} << 20;
// Past this many bad rows, the rest are counted, not listed.
constexpr std::size_t kMaxListed = 20;

struct ImportOptions {
  std::string file;
  bool dry_run = false;
};

// One data row as a change: the cells it came from, for messages.
struct Row {
  CsvCell id, field, value;
  FieldChange change;
  std::vector<FieldResult> results;  // what the field was and became
};

// The bad rows, each "FILE:LINE:COL: why", in the order of the file.
struct Problems {
  struct Entry {
    std::uint32_t line, col;
    Message why;
  };
  std::string name;  // the CSV as messages name it
  std::vector<Entry> entries;
  void add(const CsvCell& at, Message why) { entries.push_back({at.line, at.col, std::move(why)}); }
  bool empty() const { return entries.empty(); }
  // "FILE:LINE:COL: why"; the place kept left to right inside a right-to-left line, as
  // plan check writes a diagnostic's.
  Message line(const Entry& e) const {
    const std::string place = fmt::format("{}:{}:{}", name, e.line, e.col);
    return message(
        N_("{place}: {why}"),
        {arg("place", messages_rtl() ? "\u2066" + place + "\u2069" : place), nested("why", e.why)});
  }
  // The refusal's reason: the one problem, or how many, each on a line of its own.
  Message reason() const {
    std::vector<Entry> sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
      return a.line != b.line ? a.line < b.line : a.col < b.col;
    });
    if (sorted.size() == 1) return line(sorted.front());
    // Each line of the list is a paragraph of its own: in a right-to-left language it
    // starts with RLM, as the first line (plan_says) does.
    const std::string start = std::string("\n") + (messages_rtl() ? "\u200F" : "") + "  ";
    std::string list;
    for (std::size_t i = 0; i < sorted.size() && i < kMaxListed; ++i)
      list += start + text_of(line(sorted[i]));
    if (sorted.size() > kMaxListed)
      list +=
          start + text_of(message(N_("… and {n} more"), {arg("n", sorted.size() - kMaxListed)}));
    return plural_message("{n} row of {file} cannot be applied:{list}",
                          "{n} rows of {file} cannot be applied:{list}", sorted.size(),
                          {arg("n", sorted.size()), plan_text("file", name), arg("list", list)});
  }
};

std::string trimmed(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Reads the CSV, or says why it cannot be read (`name`: the file as messages name it).
bool read_input(const std::string& file, const std::string& name, std::string& bytes,
                Message& why) {
  const auto cannot = [&](MessageArg reason) {
    why = message(N_("cannot read {file}: {reason}"), {plan_text("file", name), std::move(reason)});
    return false;
  };
  if (file != "-") {
    // The CSV is only read, so a link to it is followed (read_regular_file, made for the
    // plan's files, follows none).
    std::error_code ec;
    const std::filesystem::path real = std::filesystem::canonical(file, ec);
    std::string reason;
    if (!read_regular_file(ec ? file : real.string(), kMaxCsvBytes, bytes, reason))
      return cannot(arg("reason", reason));
    return true;
  }
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
    bytes.append(buffer, n);
    if (bytes.size() > kMaxCsvBytes)
      return cannot(nested(
          "reason", message(N_("it holds more than {n} MiB"), {arg("n", kMaxCsvBytes >> 20)})));
    if (n < sizeof buffer) break;
  }
  if (std::ferror(stdin)) return cannot(nested("reason", message(N_("reading failed"))));
  return true;
}

// The header's columns: where id, field and value are, in any order. False after adding
// the problem.
bool read_header(const CsvRow& header, std::size_t at[3], Problems& problems) {
  const std::vector<std::string> names{"id", "field", "value"};
  at[0] = at[1] = at[2] = std::string::npos;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = ascii_lower(trimmed(header.cells[i].text));
    std::size_t k = 0;
    while (k < 3 && names[k] != name) ++k;
    if (k == 3 || at[k] != std::string::npos) {
      const MessageArg cell = plan_text("cell", visible(header.cells[i].text));
      problems.add(header.cells[i],
                   k == 3 ? message(N_("the header row names the columns id, field and value (in "
                                       "any order, separated by ',', ';' or a tab); '{cell}' is "
                                       "not one of them{hint}"),
                                    {cell, nested("hint", did_you_mean_message(name, names))})
                          : message(N_("the header row names the columns id, field and value (in "
                                       "any order, separated by ',', ';' or a tab); '{cell}' is "
                                       "named twice"),
                                    {cell}));
      return false;
    }
    at[k] = i;
  }
  for (std::size_t k = 0; k < 3; ++k)
    if (at[k] == std::string::npos) {
      problems.add(header.cells.empty() ? CsvCell{"", 1, 1} : header.cells.back(),
                   message(N_("the header row has no column '{column}'; it names the columns id, "
                              "field and value (in any order, separated by ',', ';' or a tab)"),
                           {plan_text("column", names[k])}));
      return false;
    }
  return true;
}

// The rows as changes, each parsed and checked as `plan set` does; problems for the rest.
std::vector<Row> read_rows(const CsvTable& table, const std::size_t at[3], Problems& problems) {
  std::vector<Row> rows;
  const std::size_t width = table.rows.front().cells.size();
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& cells = table.rows[r];
    // A row left empty (a spreadsheet may save its blank rows as ",,") changes nothing.
    bool blank = true;
    for (const CsvCell& c : cells.cells) blank = blank && trimmed(c.text).empty();
    if (blank) continue;
    if (cells.cells.size() != width) {
      const bool more = cells.cells.size() > width;
      const std::size_t n = cells.cells.size();
      std::vector<MessageArg> args{arg("n", n), arg("width", width)};
      Message why;
      if (!more) {
        why = plural_message("this row has {n} cell and the header {width}",
                             "this row has {n} cells and the header {width}", n, std::move(args));
      } else if (table.delimiter == '\t') {
        why = plural_message(
            "this row has {n} cell and the header {width}; quote a value that "
            "holds a tab",
            "this row has {n} cells and the header {width}; quote a value that "
            "holds a tab",
            n, std::move(args));
      } else {
        args.push_back(plan_text("delimiter", std::string(1, table.delimiter)));
        why = plural_message(
            "this row has {n} cell and the header {width}; quote a value that "
            "holds '{delimiter}'",
            "this row has {n} cells and the header {width}; quote a value that "
            "holds '{delimiter}'",
            n, std::move(args));
      }
      problems.add(more ? cells.cells[width] : cells.cells.front(), std::move(why));
      continue;
    }
    Row row{cells.cells[at[0]], cells.cells[at[1]], cells.cells[at[2]], {}, {}};
    row.id.text = trimmed(row.id.text);
    row.field.text = trimmed(row.field.text);
    if (row.id.text.empty()) {
      problems.add(row.id, message(N_("the id is empty")));
      continue;
    }
    // `actual+=` in the field column adds the value, as `plan set ID actual+=1` does.
    const std::string arg = row.field.text.find('=') != std::string::npos
                                ? row.field.text + row.value.text
                                : row.field.text + "=" + row.value.text;
    Message error;
    auto change = parse_change(arg, error);
    if (!change) {
      problems.add(row.field, std::move(error));
      continue;
    }
    if (Message why = validate_change(*change); !why.empty()) {
      problems.add(row.value, std::move(why));
      continue;
    }
    row.change = std::move(*change);
    rows.push_back(std::move(row));
  }
  return rows;
}

// Applies every row to the batch, in order; the bad ones become problems.
void apply_rows(const CheckedPlan& before, EditBatch& batch, std::vector<Row>& rows,
                std::vector<std::string>& paths, Problems& problems) {
  paths.clear();  // the transaction makes the change twice
  for (Row& row : rows) {
    // As in plan set: the id 'plan' names the plan's own metadata.
    std::string real_id;
    Message why;
    const std::string path = file_of_item(before, row.id.text, real_id, why);
    if (path.empty()) {
      problems.add(row.id, std::move(why));
      continue;
    }
    EditedFile* file = batch.file(path, why);
    if (!file) {
      problems.add(row.id, std::move(why));
      continue;
    }
    if (!file->root) {
      problems.add(row.id, message(N_("{file} does not parse; correct it first (plan check)"),
                                   {plan_text("file", path)}));
      continue;
    }
    row.results.clear();
    Message error;
    auto edited =
        apply_changes(file->text, *file->root, real_id, {row.change}, error, path, &row.results);
    if (!edited) {
      problems.add(row.field, std::move(error));
      continue;
    }
    row.id.text = real_id;
    paths.push_back(path);
    batch.set_text(*file, std::move(*edited));
  }
}

}  // namespace

Runner setup_import(CLI::App& sub) {
  auto opts = std::make_shared<ImportOptions>();
  sub.add_option("FILE", opts->file,
                 tr("A CSV file of id,field,value rows under a header row (',', ';' or tab "
                    "separated; UTF-8 with or without a BOM), or - for standard input"))
      ->required();
  sub.add_flag("--dry-run", opts->dry_run,
               tr("Print the changes as a diff instead of writing them"));
  return [opts](const GlobalOptions& global) {
    Problems problems;
    problems.name = opts->file == "-" ? "<stdin>" : opts->file;
    std::string bytes;
    Message why;
    if (!read_input(opts->file, problems.name, bytes, why)) {
      refuse(why);
      return int{kUsage};
    }
    CsvError csv_error;
    const auto table = read_csv(bytes, csv_error);
    if (!table) {
      problems.add({"", csv_error.line, csv_error.col}, csv_error.why);
      refuse(problems.reason());
      return int{kUsage};
    }
    std::size_t at[3] = {0, 0, 0};
    if (table->rows.empty())
      problems.add({"", 1, 1},
                   message(N_("the file is empty; its first row is the header: id,field,value")));
    else
      read_header(table->rows.front(), at, problems);
    if (!problems.empty()) {
      refuse(problems.reason());
      return int{kUsage};
    }
    // The rows that do not parse are reported with those the plan refuses, in one list.
    auto rows = std::make_shared<std::vector<Row>>(read_rows(*table, at, problems));
    if (rows->empty() && problems.empty()) {
      write_text(stderr,
                 plan_says(message(N_("{file} has no rows under its header; nothing was changed."),
                                   {plan_text("file", problems.name)})));
      return int{kOk};
    }
    auto early = std::make_shared<Problems>(std::move(problems));
    auto paths = std::make_shared<std::vector<std::string>>();
    EditRequest request;
    request.dry_run = opts->dry_run;
    request.make = [rows, paths, early](const CheckedPlan& before, EditBatch& batch) {
      Problems bad = *early;
      apply_rows(before, batch, *rows, *paths, bad);
      return bad.empty() ? Message{} : bad.reason();
    };
    request.report = [rows, paths](const CheckedPlan&, const CheckedPlan&) {
      // As plan set shows it: each value as YAML writes it, before → after.
      for (std::size_t i = 0; i < rows->size(); ++i) {
        const Row& row = (*rows)[i];
        for (const FieldResult& r : row.results)
          write_text(stdout, line_of(result_message(row.id.text, r, (*paths)[i])));
      }
      const std::set<std::string> files(paths->begin(), paths->end());
      write_text(stdout,
                 line_of(plural_message(
                     "{n} row applied to {files}", "{n} rows applied to {files}", rows->size(),
                     {arg("n", rows->size()),
                      nested("files", plural_message("{n} file", "{n} files", files.size(),
                                                     {arg("n", files.size())}))})));
    };
    return run_edit(global, request);
  };
}

}  // namespace plan::cli
