#include "edit/new_errors.hpp"

#include <map>
#include <tuple>

namespace plan {

namespace {
using DiagKey = std::tuple<std::string, std::string, std::string>;  // code, file, message
DiagKey key_of(const std::vector<std::string>& files, const Diagnostic& d) {
  return {d.code, d.loc.file < files.size() ? files[d.loc.file] : std::string(), d.message};
}
}  // namespace

std::vector<const Diagnostic*> new_diagnostics(const Diagnostics& before,
                                               const std::vector<std::string>& before_files,
                                               const Diagnostics& after,
                                               const std::vector<std::string>& after_files,
                                               Severity severity) {
  std::map<DiagKey, int> old;
  for (const Diagnostic& d : before)
    if (d.severity == severity) ++old[key_of(before_files, d)];
  std::vector<const Diagnostic*> added;
  for (const Diagnostic& d : after) {
    if (d.severity != severity) continue;
    auto it = old.find(key_of(after_files, d));
    if (it != old.end() && it->second > 0)
      --it->second;  // a second copy of an old error is new
    else
      added.push_back(&d);
  }
  return added;
}

std::vector<const Diagnostic*> new_errors(const Diagnostics& before,
                                          const std::vector<std::string>& before_files,
                                          const Diagnostics& after,
                                          const std::vector<std::string>& after_files) {
  return new_diagnostics(before, before_files, after, after_files, Severity::error);
}

}  // namespace plan
