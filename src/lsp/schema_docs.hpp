// What the plan's JSON Schema (schema/plan.schema.json, compiled into the binary) says about
// a key, for hovers. Its descriptions read "English — Hebrew"; the part in the asked
// language is given (Hebrew for a language tag starting "he", else English).
#pragma once

#include <string>
#include <vector>

namespace plan::lsp {

// The description of the key at the end of `path` (keys from the file's top, as YamlPlace
// gives them: {"sections", "activities", "measure", "unit"}), or "" where the schema has
// none (a key it does not know).
std::string key_description(const std::vector<std::string>& path, const std::string& language);

// One language's part of a description written "English — Hebrew".
std::string description_part(const std::string& description, const std::string& language);

}  // namespace plan::lsp
