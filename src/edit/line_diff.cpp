// A unified diff of two texts, for `plan set --dry-run`.
#include "edit/line_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace plan {

std::string line_diff(const std::string& path, const std::string& before,
                      const std::string& after) {
  auto split = [](const std::string& t) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t nl; (nl = t.find('\n', start)) != std::string::npos; start = nl + 1)
      lines.push_back(t.substr(start, nl - start + 1));
    if (start < t.size()) lines.push_back(t.substr(start));
    return lines;
  };
  const auto a = split(before), b = split(after);
  // The edits are few and local: the common head and tail, and one hunk between them.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  if (head == a.size() && head == b.size()) return "";
  const std::size_t ctx = 2;
  const std::size_t from = head > ctx ? head - ctx : 0;
  const std::size_t a_end = std::min(a.size(), a.size() - tail + ctx),
                    b_end = std::min(b.size(), b.size() - tail + ctx);
  std::string out = fmt::format("--- {}\n+++ {}\n@@ -{},{} +{},{} @@\n", path, path, from + 1,
                                a_end - from, from + 1, b_end - from);
  auto show = [&out](char mark, const std::string& line) {
    out += mark + line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  for (std::size_t k = from; k < head; ++k) show(' ', a[k]);
  // Between the common head and tail, a longest-common-subsequence walk keeps unchanged
  // lines as context (the region is small: only what the edits touched).
  const std::size_t n = a.size() - tail - head, m = b.size() - tail - head;
  std::vector<std::vector<std::uint32_t>> lcs;
  if (n * m <= 4'000'000) {
    lcs.assign(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1
                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (!lcs.empty() && i < n && j < m && a[head + i] == b[head + j]) {
      show(' ', a[head + i]);
      ++i, ++j;
    } else if (i < n && (j == m || lcs.empty() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      show('-', a[head + i++]);  // removals first, as diff prints them
    } else {
      show('+', b[head + j++]);
    }
  }
  for (std::size_t k = a.size() - tail; k < a_end; ++k) show(' ', a[k]);
  return out;
}

}  // namespace plan
