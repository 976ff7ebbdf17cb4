#pragma once

#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace plan::test {

struct Run {
  std::string out;
  int status = -1;  // the exit code
};

// Runs a shell command; stdout is captured (append 2>&1 to capture stderr too).
inline Run run(const std::string& command) {
  Run r;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  return r;
}

inline bool have(const std::string& program) { return run("command -v " + program).status == 0; }

inline std::string plan_cmd(const std::string& args) {
  return std::string("env -u NO_COLOR -u PLAN_DIR -u SOURCE_DATE_EPOCH ") + PLAN_BINARY + " " + args;
}

inline std::string source(const std::string& rel) { return std::string(PLAN_SOURCE_DIR) + "/" + rel; }
inline std::string artifact(const std::string& name) { return std::string(PLAN_ARTIFACT_DIR) + "/" + name; }

}  // namespace plan::test
