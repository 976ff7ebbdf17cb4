// The default templates, labels and starter plans (templates/) and the JSON Schema
// (schema/), compiled into the binary so an installed `plan` needs no other files.
#pragma once

#include <string_view>
#include <vector>

namespace plan {

struct EmbeddedFile {
  std::string_view path;  // relative to templates/, e.g. "summary.html.mustache"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();         // templates/
const std::vector<EmbeddedFile>& embedded_schema_files();  // schema/

}  // namespace plan
