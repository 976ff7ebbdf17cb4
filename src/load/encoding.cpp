#include "load/encoding.hpp"

#include <string>

#include <fmt/format.h>

#include "util/text.hpp"
#include "util/text_position.hpp"

namespace plan {

// libyaml also breaks lines at a CR alone, NEL (U+0085), LINE SEPARATOR (U+2028) and
// PARAGRAPH SEPARATOR (U+2029), which editors do not count: every line
// number after one would be off. They are refused anywhere in the file; CRLF stays valid.
static bool check_line_breaks(std::string_view text, std::uint32_t file, Diagnostics& diags) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t len = line_break_at(text, i);
    if (len == 0 || text[i] == '\n' || (text[i] == '\r' && len == 2)) continue;  // LF, CRLF
    Message message;
    if (text[i] == '\r') {
      message = plan::message(
          N_("the file holds a carriage return (CR) that is not followed by a line feed; "
             "save the file with LF (or CRLF) line endings"));
    } else {
      const char* what = len == 2                ? "NEXT LINE (U+0085)"
                         : text[i + 2] == '\xA8' ? "LINE SEPARATOR (U+2028)"
                                                 : "PARAGRAPH SEPARATOR (U+2029)";
      const char* escape = len == 2 ? "\\N" : text[i + 2] == '\xA8' ? "\\L" : "\\P";
      message = plan::message(
          N_("the file holds a {character}, a line break that editors do not show; use a "
             "normal line break, or inside double quotes the escape {escape}"),
          {arg("character", what), arg("escape", escape)});
    }
    diags.push_back(make_error("line-break", locate_offset(text, i, file), std::move(message)));
    return false;
  }
  return true;
}

std::optional<std::string_view> decode_text(std::string_view bytes, std::uint32_t file,
                                            Diagnostics& diags) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  // UTF-32 first: its little-endian mark begins with the UTF-16 one.
  const char* other = starts(std::string_view("\xFF\xFE\x00\x00", 4)) ||
                              starts(std::string_view("\x00\x00\xFE\xFF", 4))
                          ? "UTF-32"
                      : starts("\xFF\xFE") || starts("\xFE\xFF") ? "UTF-16"
                                                                 : nullptr;
  // Without a byte-order mark, UTF-16 and UTF-32 show as NUL bytes beside ASCII letters.
  if (!other && bytes.size() >= 4) {
    const bool z0 = bytes[0] == 0, z1 = bytes[1] == 0, z2 = bytes[2] == 0, z3 = bytes[3] == 0;
    if ((z0 && z1 && z2 && !z3) || (!z0 && z1 && z2 && z3))
      other = "UTF-32";
    else if ((z0 && !z1) || (!z0 && z1))
      other = "UTF-16";
  }
  if (other) {
    diags.push_back(make_error("encoding", {file, 1, 1},
                               message(N_("the file is encoded as {encoding}; save it as UTF-8"),
                                       {arg("encoding", other)})));
    return std::nullopt;
  }
  std::string_view text = bytes;
  if (starts("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte-order mark: harmless

  std::size_t nul = text.find('\0');
  std::size_t bad = find_invalid_utf8(text);
  if (nul != std::string_view::npos && nul <= bad) {
    diags.push_back(
        make_error("encoding", locate_offset(text, nul, file),
                   message(N_("the file contains a NUL byte: it is binary, not YAML text"))));
    return std::nullopt;
  }
  if (bad != std::string_view::npos) {
    diags.push_back(make_error(
        "encoding", locate_offset(text, bad, file),
        message(
            N_("invalid UTF-8 (byte {byte}); save the file as UTF-8"),
            {arg("byte", fmt::format("0x{:02X}", static_cast<unsigned>(
                                                     static_cast<unsigned char>(text[bad]))))})));
    return std::nullopt;
  }
  if (!check_line_breaks(text, file, diags)) return std::nullopt;
  return text;
}

}  // namespace plan
