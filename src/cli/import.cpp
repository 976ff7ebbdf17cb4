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

// The bad rows, each "FILE:LINE:COL: message", in the order of the file.
struct Problems {
  struct Entry {
    std::uint32_t line, col;
    std::string text;
  };
  std::string name;  // the CSV as messages name it
  std::vector<Entry> entries;
  void add(const CsvCell& at, const std::string& message) {
    entries.push_back(
        {at.line, at.col, fmt::format("{}:{}:{}: {}", name, at.line, at.col, message)});
  }
  bool empty() const { return entries.empty(); }
  // The refusal's reason: the one problem, or how many, each on a line of its own.
  std::string text() const {
    std::vector<Entry> sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
      return a.line != b.line ? a.line < b.line : a.col < b.col;
    });
    if (sorted.size() == 1) return sorted.front().text;
    std::string out = fmt::format("{} rows of {} cannot be applied:", sorted.size(), name);
    for (std::size_t i = 0; i < sorted.size() && i < kMaxListed; ++i)
      out += "\n  " + sorted[i].text;
    if (sorted.size() > kMaxListed)
      out += fmt::format("\n  … and {} more", sorted.size() - kMaxListed);
    return out;
  }
};

std::string trimmed(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool read_input(const std::string& file, std::string& bytes, std::string& why) {
  if (file != "-") {
    // The CSV is only read, so a link to it is followed (read_regular_file, made for the
    // plan's files, follows none).
    std::error_code ec;
    const std::filesystem::path real = std::filesystem::canonical(file, ec);
    return read_regular_file(ec ? file : real.string(), kMaxCsvBytes, bytes, why);
  }
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
    bytes.append(buffer, n);
    if (bytes.size() > kMaxCsvBytes) {
      why = fmt::format("it holds more than {} MiB", kMaxCsvBytes >> 20);
      return false;
    }
    if (n < sizeof buffer) break;
  }
  if (std::ferror(stdin)) {
    why = "reading failed";
    return false;
  }
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
      problems.add(
          header.cells[i],
          fmt::format("the header row names the columns id, field and value (in any "
                      "order, separated by ',', ';' or a tab); '{}' is {}{}",
                      visible(header.cells[i].text), k == 3 ? "not one of them" : "named twice",
                      k == 3 ? did_you_mean(name, names) : ""));
      return false;
    }
    at[k] = i;
  }
  for (std::size_t k = 0; k < 3; ++k)
    if (at[k] == std::string::npos) {
      problems.add(header.cells.empty() ? CsvCell{"", 1, 1} : header.cells.back(),
                   fmt::format("the header row has no column '{}'; it names the columns id, "
                               "field and value (in any order, separated by ',', ';' or a tab)",
                               names[k]));
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
      problems.add(
          more ? cells.cells[width] : cells.cells.front(),
          fmt::format("this row has {} cells and the header {}{}", cells.cells.size(), width,
                      !more ? ""
                      : table.delimiter == '\t'
                          ? "; quote a value that holds a tab"
                          : "; quote a value that holds " +
                                quoted_list({std::string(1, table.delimiter)})));
      continue;
    }
    Row row{cells.cells[at[0]], cells.cells[at[1]], cells.cells[at[2]], {}, {}};
    row.id.text = trimmed(row.id.text);
    row.field.text = trimmed(row.field.text);
    if (row.id.text.empty()) {
      problems.add(row.id, "the id is empty");
      continue;
    }
    // `actual+=` in the field column adds the value, as `plan set ID actual+=1` does.
    const std::string arg = row.field.text.find('=') != std::string::npos
                                ? row.field.text + row.value.text
                                : row.field.text + "=" + row.value.text;
    std::string error;
    auto change = parse_change(arg, error);
    if (!change) {
      problems.add(row.field, error);
      continue;
    }
    if (std::string why = validate_change(*change); !why.empty()) {
      problems.add(row.value, why);
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
      problems.add(row.id, text_of(why));
      continue;
    }
    EditedFile* file = batch.file(path, why);
    if (!file) {
      problems.add(row.id, text_of(why));
      continue;
    }
    std::string error;
    if (!file->root) {
      problems.add(row.id, fmt::format("{} does not parse; correct it first (plan check)", path));
      continue;
    }
    row.results.clear();
    auto edited =
        apply_changes(file->text, *file->root, real_id, {row.change}, error, path, &row.results);
    if (!edited) {
      problems.add(row.field, error);
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
    std::string bytes, why;
    if (!read_input(opts->file, bytes, why)) {
      refuse(english_reason(fmt::format("cannot read {}: {}", problems.name, why)));
      return int{kUsage};
    }
    CsvError csv_error;
    const auto table = read_csv(bytes, csv_error);
    if (!table) {
      problems.add({"", csv_error.line, csv_error.col}, csv_error.message);
      refuse(english_reason(problems.text()));
      return int{kUsage};
    }
    std::size_t at[3] = {0, 0, 0};
    if (table->rows.empty())
      problems.add({"", 1, 1}, "the file is empty; its first row is the header: id,field,value");
    else
      read_header(table->rows.front(), at, problems);
    if (!problems.empty()) {
      refuse(english_reason(problems.text()));
      return int{kUsage};
    }
    // The rows that do not parse are reported with those the plan refuses, in one list.
    auto rows = std::make_shared<std::vector<Row>>(read_rows(*table, at, problems));
    if (rows->empty() && problems.empty()) {
      std::fputs(plan_says(message(N_("{file} has no rows under its header; nothing was changed."),
                                   {plan_text("file", problems.name)}))
                     .c_str(),
                 stderr);
      return int{kOk};
    }
    auto early = std::make_shared<Problems>(std::move(problems));
    auto paths = std::make_shared<std::vector<std::string>>();
    EditRequest request;
    request.dry_run = opts->dry_run;
    request.make = [rows, paths, early](const CheckedPlan& before, EditBatch& batch) {
      Problems bad = *early;
      apply_rows(before, batch, *rows, *paths, bad);
      return bad.empty() ? Message{} : english_reason(bad.text());
    };
    request.report = [rows, paths](const CheckedPlan&, const CheckedPlan&) {
      // As plan set shows it: each value as YAML writes it, before → after.
      for (std::size_t i = 0; i < rows->size(); ++i) {
        const Row& row = (*rows)[i];
        for (const FieldResult& r : row.results) {
          const std::string was = r.before.value_or("(not set)");
          const std::string now = r.before == r.after ? was + " (unchanged)"
                                                      : was + " → " + r.after.value_or("(not set)");
          std::fputs(
              fmt::format("{}: {} {} ({})\n", row.id.text, r.field, now, (*paths)[i]).c_str(),
              stdout);
        }
      }
      const std::set<std::string> files(paths->begin(), paths->end());
      std::fputs(
          fmt::format("{} {} applied to {} {}\n", rows->size(), rows->size() == 1 ? "row" : "rows",
                      files.size(), files.size() == 1 ? "file" : "files")
              .c_str(),
          stdout);
    };
    return run_edit(global, request);
  };
}

}  // namespace plan::cli
