// Tests that drive the real binary together with other real programs: tmux, cmark-gfm,
// tidy and headless Chromium. What they produce for a person to look at goes to
// build/artifacts/.
#include "../doctest_main.hpp"
