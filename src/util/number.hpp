// Numbers as the plan's files write them: the one reader of a number in a YAML scalar, for
// the loader, `plan set`'s values and the fields it adds to.
#pragma once

#include <optional>
#include <string_view>

namespace plan {

// A finite number as YAML's core schema reads a plain scalar in decimal: "5", "-2.5",
// "1e3". Not "inf", "nan", hex, "" or anything with other characters around it; a value
// out of range of a double is not a number either.
std::optional<double> parse_number(std::string_view text);

}  // namespace plan
