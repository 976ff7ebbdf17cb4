// How numbers read in every output: whole percentages, plain numbers and measures. One
// place, so the terminal, the diff, `show` and the templates never disagree by a percent.
#pragma once

#include <optional>
#include <string>

#include "model.hpp"

namespace plan {

// A fraction as a whole percentage, floored, so that 99.6% never shows as a finished
// 100% (the 1e-9 keeps 0.29 at 29 despite binary fractions).
int whole_percent(double fraction);
// The same, clamped to 0..1 first (for figures that may pass either end).
int whole_percent_clamped(double fraction);

// "57%" (clamped to 0..100), or "–" for no figure (nothing measurable, or not finite).
std::string percent_figure(const std::optional<double>& fraction);

// A number as written in the plan: its shortest text ("3", "2.5"); "–" for one that is not
// finite (the loader refuses those; a report read back may still hold a null).
std::string number_text(double v);

// A measure's planned value: "5", or a range "5–6" with the given dash between (the
// summaries use an en dash, `show` a hyphen).
std::string planned_text(const Range& planned, const char* dash);

// A measure's figures for the templates, kept apart from the unit so a template can hold
// "3 / 5–6" left to right inside right-to-left text (else it reads "6–5 / 3").
std::string measure_numbers(const Measure& m);
// The figures and the unit, as a template shows them: "3 / 5–6 workshops".
std::string measure_text(const Measure& m);

}  // namespace plan
