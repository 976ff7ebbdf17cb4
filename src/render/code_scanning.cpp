#include "render/code_scanning.hpp"

#include <fmt/format.h>

namespace plan {

const std::string& diagnostic_path(const std::vector<std::string>& files, Loc loc) {
  static const std::string unknown = "?";
  return loc.file < files.size() ? files[loc.file] : unknown;
}

namespace {

// The message without the line numbers some messages quote ("starts at line 12"), which
// move with unrelated edits.
std::string without_line_numbers(const std::string& message) {
  static const std::string kLine = "line ";
  std::string out;
  out.reserve(message.size());
  for (std::size_t i = 0; i < message.size();) {
    if (message.compare(i, kLine.size(), kLine) == 0) {
      std::size_t j = i + kLine.size();
      while (j < message.size() && message[j] >= '0' && message[j] <= '9') ++j;
      if (j > i + kLine.size()) {
        out += "line #";
        i = j;
        continue;
      }
    }
    out += message[i++];
  }
  return out;
}

void fnv1a(std::uint64_t& h, const std::string& s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= 0xff;  // a separator no UTF-8 text holds, so "ab"+"c" differs from "a"+"bc"
  h *= 0x100000001b3ULL;
}

}  // namespace

std::string diagnostic_fingerprint(const std::string& path, const Diagnostic& d,
                                   std::size_t occurrence) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  fnv1a(h, d.code);
  fnv1a(h, path);
  fnv1a(h, without_line_numbers(d.message));
  if (occurrence > 0) fnv1a(h, std::to_string(occurrence));
  return fmt::format("{:016x}", h);
}

}  // namespace plan
