// One value as YAML scalar text, written by yaml-cpp's emitter: the only writer of YAML
// values in `plan set`. libyaml reads the files; these rules make the two agree.
#pragma once

#include <string>

namespace plan {

enum class ScalarStyle { any, single_quoted, double_quoted };

struct ScalarRequest {
  ScalarStyle style = ScalarStyle::any;  // the style the old value had, kept where it can be
  bool text = true;                      // text that must not read as a number, date, bool or null
  bool flow = false;  // inside a `{…}` mapping, where `,[]{}` end a plain scalar
};

// The scalar text for `value`. Double quotes, with escapes, whenever the value holds a
// character that may not stand raw in a file (C0 and C1 controls, DEL, tab, every line
// break: CR, LF, NEL, LS, PS; byte-order mark, the noncharacters
// U+FFFE, U+FFFF and the like): so a value can never end
// its line, start a field, or hide in a comment.
std::string yaml_scalar(const std::string& value, const ScalarRequest& request);

}  // namespace plan
