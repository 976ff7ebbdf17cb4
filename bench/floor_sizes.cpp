// plan-bench-sizes: the size in bytes of each type of the plan's model (src/model.hpp), for
// bench/run.sh's memory figures: what one activity, goal or target costs before any text
// it holds on the heap.
#include <cstdio>

#include "model.hpp"

int main() {
  using namespace plan;
  std::printf(
      "Activity %zu\nMeasure %zu\nTarget %zu\nGoal %zu\nSection %zu\nMeta %zu\n"
      "Located<std::string> %zu\nLocated<Date> %zu\nLocated<double> %zu\nDate %zu\n"
      "Loc %zu\nRef %zu\n",
      sizeof(Activity), sizeof(Measure), sizeof(Target), sizeof(Goal), sizeof(Section),
      sizeof(Meta), sizeof(Located<std::string>), sizeof(Located<Date>), sizeof(Located<double>),
      sizeof(Date), sizeof(Loc), sizeof(Ref));
  return 0;
}
