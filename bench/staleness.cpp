// plan-bench-staleness: times read_change_logs (one walk of git's first-parent history for
// many plan folders) and prints what it found. Used by bench/staleness.sh.
//   plan-bench-staleness AS_OF DIR...
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/staleness.hpp"
#include "util/date.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s AS_OF DIR...\n", argv[0]);
    return 2;
  }
  const plan::Date as_of = plan::parse_date(argv[1]);
  std::vector<std::string> dirs(argv + 2, argv + argc);
  const auto start = std::chrono::steady_clock::now();
  const auto logs = plan::read_change_logs(dirs, as_of);
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::size_t dated = 0, known = 0;
  for (const auto& log : logs) {
    known += log.known ? 1 : 0;
    dated += log.activity_dates.size();
  }
  std::printf("read_change_logs: %zu folders (%zu known), %zu activities dated, %.0f ms\n",
              logs.size(), known, dated, ms);
  return 0;
}
