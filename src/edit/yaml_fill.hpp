// A starter file's `{{name}}` placeholders filled in (for `plan init`): each YAML scalar
// that holds one is written again, whole, by yaml_scalar, so that no value (a repository
// address, say) can end its line, start a field or change what the file means.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "message.hpp"

namespace plan {

// The text with every `{{name}}` replaced by values.at(name) inside its scalar, which
// keeps its quoting style where it can; a plain scalar that becomes a date or a number
// stays plain. Nothing, with `error` set, when a placeholder has no value, stands outside
// a scalar (in a comment), or the template is not YAML.
std::optional<std::string> fill_yaml(std::string_view text,
                                     const std::map<std::string, std::string>& values,
                                     Message& error);

}  // namespace plan
