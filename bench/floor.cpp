// plan-bench-floor: the benchmark's floor, what `plan` cannot go under: read every
// *.yaml/*.yml file below a folder and run libyaml's bare event loop over it
// (yaml_parser_parse until STREAM_END, no tree), on as many threads as `plan` loads files
// with (one per core, files handed out in turn). With --yaml-cpp it runs yaml-cpp's
// YAML::Load instead, only as a reference: the tree a user of yaml-cpp would get.
// bench/run.sh times this whole process with hyperfine, as it times `plan`.
//   plan-bench-floor [--threads N] [--yaml-cpp] DIR
#include <yaml-cpp/yaml.h>
#include <yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// libyaml's events for one text; returns how many there were, or -1 on a parse error.
long parse_events(const std::string& text) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return -1;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  long events = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      events = -1;
      break;
    }
    ++events;
    const bool end = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

// yaml-cpp's whole tree; returns its top-level size (so the work cannot be skipped).
long load_tree(const std::string& text) {
  try {
    return static_cast<long>(YAML::Load(text).size());
  } catch (const YAML::Exception&) {
    return -1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  bool yaml_cpp = false;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (a == "--yaml-cpp") {
      yaml_cpp = true;
    } else if (dir.empty() && a.rfind("--", 0) != 0) {
      dir = a;
    } else {
      dir.clear();
      break;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr, "usage: %s [--threads N] [--yaml-cpp] DIR\n", argv[0]);
    return 2;
  }
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());

  // As plan's loader: each thread takes the next file until none is left.
  std::atomic<std::size_t> next{0}, bytes{0};
  std::atomic<long> count{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      const std::string text = read_file(files[i]);
      bytes += text.size();
      const long n = yaml_cpp ? load_tree(text) : parse_events(text);
      if (n < 0) failed = true;
      count += n;
    }
  };
  threads =
      static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  std::printf("files %zu\nbytes %zu\nthreads %u\n%s %ld\n", files.size(), bytes.load(), threads,
              yaml_cpp ? "top-level-nodes" : "events", count.load());
  if (failed) {
    std::fprintf(stderr, "plan-bench-floor: a file did not parse\n");
    return 1;
  }
  return 0;
}
