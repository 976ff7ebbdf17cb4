#include <exception>
#include <iostream>

#include "cli/command.hpp"

int main(int argc, char** argv) {
  try {
    return plan::cli::run(argc, argv);
  } catch (const std::exception& e) {
    // Every expected failure is a diagnostic; reaching here is a bug, reported as one.
    std::cerr << "plan: internal error: " << e.what() << "\n";
    return 2;
  }
}
