#include "cli/progress.h"

#include "gtest/gtest.h"

namespace attache::cli {
namespace {

TEST(ProgressLineTest, KnownTotalShowsBarRateAndEta) {
  EXPECT_EQ(ProgressLine(50, 200, absl::Seconds(10)),
            "[#####---------------] 50/200  25%  5.0 articles/s  ETA 0:30");
}

TEST(ProgressLineTest, FinishedRunHasNoEta) {
  EXPECT_EQ(ProgressLine(8, 8, absl::Seconds(2)),
            "[####################] 8/8 100%  4.0 articles/s");
}

TEST(ProgressLineTest, LongEtaShowsHours) {
  EXPECT_EQ(ProgressLine(1, 7202, absl::Seconds(1)),
            "[--------------------] 1/7202   0%  1.0 articles/s  ETA 2:00:01");
}

TEST(ProgressLineTest, UnknownTotalShowsCountAndRate) {
  EXPECT_EQ(ProgressLine(30, std::nullopt, absl::Seconds(4)),
            "30 articles  7.5 articles/s");
}

}  // namespace
}  // namespace attache::cli
