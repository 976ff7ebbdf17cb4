// plan-bench-generate: writes a synthetic plan of N activities over F section files, with
// Hebrew titles, a mix of statuses, measures, percents, due dates, nested activities and
// links. The same seed always writes the same files.
//   plan-bench-generate DIR ACTIVITIES [FILES] [SEED]
// With --units U: a workspace in DIR instead: DIR/plans.yaml naming an HQ plan (hq/plan, 20
// goals, 100 activities) and U unit plans units/uNNN/plan (a glob) of ACTIVITIES activities
// each over FILES files (default 4), whose targets serve the HQ's goals (`hq:G3`).
//   plan-bench-generate --units U DIR ACTIVITIES [FILES] [SEED]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Rng {  // splitmix64: small, fast, the same everywhere
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

const char* const kWords[] = {
    "חיזוק",  "הקשר",  "עם",    "הקיבוצים", "השיתופיים", "קורס",  "מפגשי",    "פורום",    "אזורי",
    "ימי",    "עיון",  "כנס",   "שנתי",     "הדרכה",     "ליווי", "צוות",     "שיכון",    "קרקעות",
    "פנסיה",  "חינוך", "נוער",  "צעירים",   "קליטה",     "תרבות", "הַקְּבוּצָה",   "שָׁלוֹם",     "מעוף",
    "לקיבוץ", "מחקר",  "ייצוג", "מוסדות",   "התנועה",    "החברה", "הישראלית", "קואופרציה"};

std::string title(Rng& r, std::size_t words) {
  std::string t;
  for (std::size_t i = 0; i < words; ++i)
    t += (i ? " " : "") + std::string(kWords[r.below(std::size(kWords))]);
  return t;
}

std::string date(Rng& r) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "2009-%02zu-%02zu", 1 + r.below(12), 1 + r.below(28));
  return buf;
}

// Returns how many activities it wrote: itself and its children (none under a done one).
std::size_t activity(std::ofstream& out, Rng& r, const std::string& id, std::size_t targets,
                     int depth, std::size_t children) {
  const std::string pad(6 + 4 * static_cast<std::size_t>(depth), ' ');
  out << pad << "- id: " << id << "\n";
  out << pad << "  title: " << title(r, 3 + r.below(6)) << "\n";
  if (depth == 0 || r.below(3) == 0) {
    std::size_t a = r.below(targets), b = r.below(targets);
    out << pad << "  targets: [T" << a << (a != b ? ", T" + std::to_string(b) : "") << "]\n";
  }
  static const char* const statuses[] = {"planned", "planned", "in-progress", "in-progress", "done",
                                         "done",    "done",    "blocked",     "dropped"};
  const std::string status = statuses[r.below(std::size(statuses))];
  const bool done = status == "done";
  out << pad << "  status: " << status << "\n";
  if (r.below(4) == 0) out << pad << "  owner: " << kWords[r.below(std::size(kWords))] << "\n";
  if (r.below(2) == 0) out << pad << "  due: " << date(r) << "\n";
  switch (r.below(4)) {
    case 0: {
      std::size_t low = 1 + r.below(10);
      out << pad << "  measure: {unit: מפגשים, planned: " << low << "-" << low + r.below(3)
          << ", actual: " << (done ? low : r.below(low + 2)) << "}\n";
      break;
    }
    case 1:
      out << pad << "  percent: " << (done ? 100 : r.below(101)) << "\n";
      break;
    default:
      break;
  }
  if (r.below(10) == 0) out << pad << "  # a comment, as people write them\n";
  if (children == 0 || done) return 1;
  out << pad << "  activities:\n";
  for (std::size_t c = 0; c < children; ++c)
    activity(out, r, id + "." + std::to_string(c + 1), targets, depth + 1, 0);
  return 1 + children;
}

// One plan of `n` activities over `files` section files in `dir`. Its targets serve its own
// 20 goals, or, with `goal_prefix` "hq:", the 20 goals of the plan with id hq (and it has none).
void write_plan(const std::filesystem::path& dir, std::size_t n, std::size_t files, Rng& r,
                const std::string& id, const std::string& goal_prefix, bool exact) {
  namespace fs = std::filesystem;
  const std::size_t goals = 20, targets = std::max<std::size_t>(goals, n / 500);
  fs::create_directories(dir / "activities");

  std::ofstream meta(dir / "plan.yaml");
  meta << "plan:\n  id: " << id << "\n  title: תוכנית סינתטית של " << n
       << " פעילויות\n  language: he\n"
       << "  period: {start: 2009-01-01, end: 2009-12-31}\n  status: draft\n";
  if (goal_prefix.empty()) {
    std::ofstream g(dir / "goals.yaml");
    g << "goals:\n";
    for (std::size_t i = 0; i < goals; ++i)
      g << "  - id: G" << i << "\n    title: " << title(r, 4) << "\n";
  }
  std::ofstream t(dir / "targets.yaml");
  t << "targets:\n";
  for (std::size_t i = 0; i < targets; ++i) {
    std::size_t a = i % goals, b = r.below(goals);
    t << "  - id: T" << i << "\n    title: " << title(r, 6) << "\n    goals: [" << goal_prefix
      << "G" << a << (a != b ? ", " + goal_prefix + "G" + std::to_string(b) : "") << "]\n";
  }

  // Every tenth activity has two children; children count towards N.
  std::size_t written = 0;
  for (std::size_t f = 0; f < files; ++f) {
    char name[64];
    std::snprintf(name, sizeof name, "%03zu-section.yaml", f);
    std::ofstream out(dir / "activities" / name);
    out << "sections:\n  - id: s" << f << "\n    title: " << title(r, 2) << "\n    activities:\n";
    const std::size_t quota = (n * (f + 1)) / files;
    for (std::size_t k = 0; written < quota; ++k) {
      std::size_t children = (k % 10 == 9 && written + 3 <= quota) ? 2 : 0;
      const std::size_t wrote =
          activity(out, r, "a" + std::to_string(f) + "-" + std::to_string(k), targets, 0, children);
      // A single plan counts the children a done activity does not get (as it always has,
      // so its files stay the same); a workspace's unit has exactly `n`.
      written += exact ? wrote : 1 + children;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t units = 0;
  if (argc > 2 && std::string(argv[1]) == "--units") {
    units = std::strtoull(argv[2], nullptr, 10);
    argv += 2;
    argc -= 2;
  }
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s [--units U] DIR ACTIVITIES [FILES] [SEED]\n", argv[0]);
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path dir = argv[1];
  const std::size_t n = std::strtoull(argv[2], nullptr, 10);
  const std::size_t files = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : (units ? 4 : 20);
  Rng r{argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 2009};
  if (units == 0) {
    write_plan(dir, n, files, r, "synthetic", "", false);
    return 0;
  }
  fs::create_directories(dir);
  std::ofstream ws(dir / "plans.yaml");
  ws << "workspace:\n  title: סביבת עבודה סינתטית של " << units << " יחידות\n  language: he\n"
     << "units:\n  - id: hq\n    path: hq/plan\n  - glob: units/*/plan\n";
  write_plan(dir / "hq" / "plan", 100, 5, r, "hq", "", true);
  for (std::size_t u = 0; u < units; ++u) {
    char name[32];
    std::snprintf(name, sizeof name, "u%03zu", u);
    write_plan(dir / "units" / name / "plan", n, files, r, std::string("synthetic-") + name,
               "hq:", true);
  }
  return 0;
}
