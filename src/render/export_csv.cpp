#include "render/export_csv.hpp"

#include <vector>

#include "render/figures.hpp"

namespace plan {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool formula_like(std::string_view text) {
  if (!text.empty() && (text[0] == '\t' || text[0] == '\r')) return true;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  const char c = text[first];
  return c == '=' || c == '+' || c == '-' || c == '@';
}

bool needs_quotes(std::string_view text) {
  return text.find_first_of("\",\r\n") != std::string_view::npos;
}

void append_cell(std::string& out, const ExportColumn& col, const ExportValue& v) {
  if (!v.given) return;
  switch (col.type) {
    case ExportType::text:
    case ExportType::date:
      append_csv_text(out, v.text);
      return;
    case ExportType::boolean:
      out += v.number != 0 ? "true" : "false";
      return;
    case ExportType::integer:
    case ExportType::number:
    case ExportType::percent:
      out += number_text(v.number);
      return;
  }
}

}  // namespace

void append_csv_text(std::string& out, std::string_view text) {
  const bool quoted = needs_quotes(text);
  if (quoted) out += '"';
  if (formula_like(text)) out += '\'';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      out += "\"\"";
    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      out += kReplacement;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += kReplacement;  // a C1 control, U+0080–U+009F
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (quoted) out += '"';
}

std::string export_csv(const PlanIndex& index, const Stats& stats, ExportKind kind) {
  const std::vector<ExportColumn>& cols = export_columns(kind);
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < cols.size(); ++c) {
    if (c) out += ',';
    out += cols[c].key;
  }
  out += "\r\n";
  export_rows(index, stats, kind, [&](const std::vector<ExportValue>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      append_cell(out, cols[c], row[c]);
    }
    out += "\r\n";
  });
  return out;
}

}  // namespace plan
