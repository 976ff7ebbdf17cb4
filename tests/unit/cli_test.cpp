// The command layer's own parsing: values read from the environment.
#include <doctest/doctest.h>

#include "cli/pipeline.hpp"

using plan::cli::kMaxSizeLimitMb;
using plan::cli::parse_size_limit_mb;

TEST_CASE("size limits: a whole number of MiB from 1 to 1 TiB") {
  CHECK(parse_size_limit_mb("1") == std::size_t{1});
  CHECK(parse_size_limit_mb("64") == std::size_t{64});
  CHECK(parse_size_limit_mb("007") == std::size_t{7});
  CHECK(parse_size_limit_mb("1048576") == kMaxSizeLimitMb);
}

TEST_CASE("size limits: anything else is refused, never read as 0 or as a wrapped number") {
  for (const char* bad :
       {"", "abc", "-1", "0", "000", "1abc", "0x10", "+5", " 5", "5 ", "1.5", "1e3", "1048577",
        "17592186044416", "18446744073709551617", "99999999999999999999999"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_size_limit_mb(bad).has_value());
  }
  CHECK_FALSE(parse_size_limit_mb(nullptr).has_value());
}
