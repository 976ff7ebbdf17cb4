// `plan export`: the plan in other tools' formats: CSV (a table of one kind of item), an
// XLSX workbook, an iCalendar feed. One plan only; the figures as of --as-of.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/terminal.hpp"
#include "render/export_csv.hpp"
#include "render/export_ics.hpp"
#include "render/export_table.hpp"
#include "render/export_xlsx.hpp"
#include "util/atomic_write.hpp"
#include "util/read_file.hpp"

namespace plan::cli {

namespace fs = std::filesystem;

namespace {

struct ExportOptions {
  std::string format, kind, output, as_of;
};

// --format, else the output's extension, else CSV.
std::string pick_format(const ExportOptions& o) {
  if (!o.format.empty()) return o.format;
  const std::string ext = fs::path(o.output).extension().string();
  for (const char* f : {"csv", "xlsx", "ics"})
    if (ext.size() > 1 && ext.substr(1) == f) return f;
  return "csv";
}

ExportKind parse_kind(const std::string& kind) {
  if (kind == "goals") return ExportKind::goals;
  if (kind == "targets") return ExportKind::targets;
  return ExportKind::activities;
}

// A temporary file for libxlsxwriter (which writes only to a named file), removed when done.
class TempFile {
 public:
  bool make(Message& error) {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    path_ = (dir / "plan-export-XXXXXX").string();
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) {
      error = message(N_("cannot make a temporary file in {folder}: {reason}"),
                      {plan_text("folder", dir.string()), arg("reason", std::strerror(errno))});
      path_.clear();
      return false;
    }
    ::close(fd);
    return true;
  }
  const std::string& path() const { return path_; }
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }

 private:
  std::string path_;
};

// The workbook's bytes, through a temporary file; false after saying why.
bool make_xlsx(const MeasuredPlan& m, std::string& bytes) {
  TempFile temp;
  Message cannot;
  if (!temp.make(cannot)) {
    write_text(stderr, plan_says(cannot));
    return false;
  }
  std::string error;
  error = write_xlsx(*m.checked->index, m.stats, temp.path());
  if (error.empty() && !read_regular_file(temp.path(), std::size_t{1} << 40, bytes, error))
    error = "cannot read the workbook back: " + error;
  if (!error.empty()) {
    write_text(stderr, plan_says(message(N_("cannot write the workbook: {reason}"),
                                         {plan_text("reason", error)})));
    return false;
  }
  return true;
}

}  // namespace

Runner setup_export(CLI::App& sub) {
  auto opts = std::make_shared<ExportOptions>();
  sub.add_option("--format", opts->format,
                 tr("csv (a table of one kind of item), xlsx (a workbook: an overview and a sheet "
                    "each for goals, targets and activities) or ics (a calendar: a to-do for each "
                    "activity with a due date); default: the output's extension, else csv"))
      ->check(CLI::IsMember({"csv", "xlsx", "ics"}));
  CLI::Option* kind =
      sub.add_option("--kind", opts->kind,
                     tr("For csv: the rows, goals, targets or activities (default; every depth)"))
          ->type_name("KIND")
          ->check(CLI::IsMember({"goals", "targets", "activities"}));
  sub.add_option("-o,--output", opts->output,
                 tr("Write here (atomically: the old file stays until the new one is complete) "
                    "instead of stdout"));
  add_as_of_option(sub, opts->as_of);
  sub.footer(
      tr("Exports one plan (not a workspace). The file is written even when the plan has errors "
         "(they are printed, exit 1); an output that cannot be written exits 2 and leaves "
         "nothing behind."));
  return [opts, kind](const GlobalOptions& global) {
    const std::string format = pick_format(*opts);
    if (kind->count() > 0 && format != "csv") {
      write_text(stderr,
                 plan_says(message(N_("--kind is for csv: the workbook has a sheet of each kind, "
                                      "the calendar holds activities"))));
      return int{kUsage};
    }
    // Refused before the plan is read: a binary workbook would garble the terminal.
    if (format == "xlsx" && opts->output.empty() && ::isatty(::fileno(stdout))) {
      write_text(
          stderr,
          plan_says(message(
              N_("an XLSX workbook is binary: write it with -o FILE.xlsx (or redirect stdout)"))));
      return int{kUsage};
    }
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    std::string bytes;
    if (format == "csv") {
      bytes = export_csv(*m->checked->index, m->stats, parse_kind(opts->kind));
    } else if (format == "ics") {
      bytes = export_ics(*m->checked->index, m->stats);
    } else if (!make_xlsx(*m, bytes)) {
      finish(m);
      return int{kUsage};
    }
    // The plan's errors first; the export is written all the same (as `render` does), so a
    // plan with one broken file still reaches its readers.
    const int code = finish(m);
    if (opts->output.empty()) {
      if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() ||
          std::fflush(stdout) != 0) {
        write_text(stderr, plan_says(message(N_("cannot write to stdout: {reason}"),
                                             {plan_text("reason", std::strerror(errno))})));
        return int{kUsage};
      }
      return code;
    }
    std::string error;
    if (!write_file_atomically(opts->output, bytes, error)) {
      write_text(stderr,
                 plan_says(message(N_("cannot write {file}: {reason}"),
                                   {plan_text("file", opts->output), plan_text("reason", error)})));
      return int{kUsage};
    }
    return code;
  };
}

}  // namespace plan::cli
