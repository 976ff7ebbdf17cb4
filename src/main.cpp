#include <exception>
#include <iostream>

#include "cli/command.hpp"
#include "cli/i18n.hpp"

int main(int argc, char** argv) {
  // First: the command line's help and errors are translated as it is built.
  plan::cli::init_messages(argc, argv);
  try {
    return plan::cli::run(argc, argv);
  } catch (const std::exception& e) {
    // Every expected failure is a diagnostic; reaching here is a bug, reported as one.
    std::cerr << plan::cli::text_of(plan::message(N_("plan: internal error: {what}"),
                                                  {plan::arg("what", e.what())}))
              << "\n";
    return 2;
  }
}
