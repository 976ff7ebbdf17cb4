// The problems as a Markdown table, for a CI job's summary page (`plan check --format
// github` appends it to $GITHUB_STEP_SUMMARY): every one, where annotations stop at ten.
#pragma once

#include <string>
#include <vector>

#include "message.hpp"
#include "render/code_scanning.hpp"

namespace plan {

// At most this many rows (GitHub refuses a step summary over 1 MiB); a last line says how
// many more there are.
constexpr std::size_t kMaxMarkdownRows = 1000;

// A heading with the counts, then a table: place, severity, code, message; notes as rows
// of their own under their diagnostic. Every piece of plan text is escaped (a title cannot
// become a link, a table cell or a line of its own). Empty when there is nothing to say.
// In the messages' language through `translate` (null: English); the codes stay English, as
// everywhere. `rtl`: the language is written right to left (plan text in it is isolated).
std::string diagnostics_markdown(const std::vector<DiagnosticGroup>& groups,
                                 Translator translate = nullptr, bool rtl = false);

}  // namespace plan
