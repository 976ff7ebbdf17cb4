// Escaping of plan text for the output format, so that no title can become markup.
#pragma once

#include <string>

namespace plan {

// & < > " ' as character references.
std::string escape_html(const std::string& text);

// CommonMark/GFM: backslash-escapes every character that could start emphasis, code,
// links, raw HTML, or end a table cell (|); a line start that could open a block (#, >,
// -, +, 1.) is escaped too; line breaks become spaces so a value stays in its table cell.
std::string escape_markdown(const std::string& text);

}  // namespace plan
