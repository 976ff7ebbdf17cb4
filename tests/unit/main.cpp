// The unit tests: one doctest file per module, all in one binary.
#include "../doctest_main.hpp"
