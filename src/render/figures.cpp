#include "render/figures.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace plan {

int whole_percent(double fraction) {
  return static_cast<int>(std::floor(fraction * 100 + 1e-9));
}

int whole_percent_clamped(double fraction) {
  return whole_percent(std::clamp(fraction, 0.0, 1.0));
}

std::string percent_figure(const std::optional<double>& fraction) {
  if (!fraction || !std::isfinite(*fraction)) return "–";
  return fmt::format("{}%", whole_percent_clamped(*fraction));
}

std::string number_text(double v) {
  return std::isfinite(v) ? fmt::format("{}", v) : "–";
}

std::string planned_text(const Range& planned, const char* dash) {
  return planned.low == planned.high ? number_text(planned.low)
                                     : number_text(planned.low) + dash + number_text(planned.high);
}

std::string measure_numbers(const Measure& m) {
  return number_text(m.actual.value) + " / " + planned_text(m.planned.value, "–");
}

std::string measure_text(const Measure& m) {
  return measure_numbers(m) + (m.unit.given() ? " " + m.unit.value : "");
}

}  // namespace plan
