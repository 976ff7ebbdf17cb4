// The default templates and labels, compiled into the binary from templates/.
#pragma once

#include <string_view>
#include <vector>

namespace plan {

struct EmbeddedFile {
  std::string_view path;  // relative to templates/, e.g. "summary.html.mustache"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace plan
