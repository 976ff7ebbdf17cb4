// A file's text as the editor holds it, and the protocol's positions in it: lines and
// columns counted from 0, columns in UTF-16 code units unless the client chose UTF-8
// (`positionEncoding`). The loader's places (1-based, columns in code points) become
// ranges here, each over the whole token it points at.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace plan::lsp {

enum class Encoding { utf16, utf8 };

struct Position {
  std::uint32_t line = 0, character = 0;
  bool operator==(const Position& o) const { return line == o.line && character == o.character; }
  bool operator<(const Position& o) const {
    return line < o.line || (line == o.line && character < o.character);
  }
  bool operator<=(const Position& o) const { return !(o < *this); }
};

struct Range {
  Position start, end;
};

class Document {
 public:
  Document() = default;
  explicit Document(std::string text) { set_text(std::move(text)); }

  const std::string& text() const { return text_; }
  void set_text(std::string text);
  // Replaces the text between two positions (an incremental change); positions past the
  // end are clamped to it, and a range given backwards is taken in order.
  void replace(Range range, std::string_view with, Encoding enc);

  std::size_t line_count() const { return starts_.size(); }
  // The byte offset of a position: a column past the line's end is its end, a line past the
  // text's end is the end, a column inside a character is that character's start.
  std::size_t offset_at(Position p, Encoding enc) const;
  Position position_at(std::size_t offset, Encoding enc) const;

  // The byte offset of a loader place (1-based line, column in code points).
  std::size_t offset_of(Loc loc) const;
  // The range of the token a loader place points at: a quoted scalar with its quotes, a
  // plain scalar or key up to where YAML ends it, a bracketed collection to its bracket. A
  // place with no line (the whole file) is the file's first line.
  Range token_range(Loc loc, Encoding enc) const;
  // The same as byte offsets [begin, end).
  std::pair<std::size_t, std::size_t> token_span(std::size_t begin) const;

 private:
  std::string text_;
  std::vector<std::size_t> starts_;  // where each line starts (breaks: LF, CRLF, CR)
  // Where each of the loader's lines starts (libyaml's breaks), made when first asked.
  mutable std::vector<std::size_t> yaml_starts_;
};

// Just past the closing quote of the quoted scalar whose opening quote is at `open` (a
// double-quoted one escapes with '\\', a single-quoted one doubles the quote), looking no
// further than `limit`; npos when it is not closed by then.
std::size_t quoted_end(std::string_view text, std::size_t open, std::size_t limit);

// The number of code units of `text` in an encoding.
std::uint32_t units(std::string_view text, Encoding enc);

}  // namespace plan::lsp
