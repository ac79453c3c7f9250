#include "extract/time_expr.h"

#include "gtest/gtest.h"

namespace attache::extract {
namespace {

Sentence Make(absl::string_view text) {
  Sentence s;
  s.text = std::string{text};
  Tokenize(&s);
  return s;
}

// Resolves the only expression of `text` against a Wednesday.
std::string Resolve(absl::string_view text, bool future) {
  const Sentence s = Make(text);
  const auto found = FindTimeExpressions(s);
  if (found.size() != 1) {
    return "count=" + std::to_string(found.size());
  }
  const TimeSpec spec =
      ResolveTime(found[0], absl::CivilDay(2024, 5, 15), future);
  switch (spec.granularity) {
    case TimeGranularity::kDay:
      return absl::FormatCivilTime(spec.start);
    case TimeGranularity::kMonth:
      return absl::FormatCivilTime(absl::CivilMonth(spec.start));
    case TimeGranularity::kSeason:
      return "season " + absl::FormatCivilTime(absl::CivilMonth(spec.start));
    case TimeGranularity::kYear:
      return absl::FormatCivilTime(absl::CivilYear(spec.start));
    case TimeGranularity::kNone:
      break;
  }
  return "none";
}

TEST(TimeExprTest, WeekdaysPastAndFuture) {
  EXPECT_EQ(Resolve("The envoys met Monday in Oslo.", false), "2024-05-13");
  EXPECT_EQ(Resolve("They will meet Friday.", true), "2024-05-17");
  // Same weekday as publication: that day, unless "next".
  EXPECT_EQ(Resolve("She arrives Wednesday.", true), "2024-05-15");
  EXPECT_EQ(Resolve("She arrives next Wednesday.", true), "2024-05-22");
  EXPECT_EQ(Resolve("They spoke Wednesday.", false), "2024-05-15");
}

TEST(TimeExprTest, AbsoluteDates) {
  EXPECT_EQ(Resolve("On March 3, 2019 the two spoke.", false), "2019-03-03");
  EXPECT_EQ(Resolve("Talks were held on 4 July 2021.", false), "2021-07-04");
  EXPECT_EQ(Resolve("Dated 2020/02/29 here.", false), "2020-02-29");
  EXPECT_EQ(Resolve("He went there in June 2018.", false), "2018-06");
  EXPECT_EQ(Resolve("He went there in 2016.", false), "2016");
}

TEST(TimeExprTest, MonthsAgainstPublication) {
  EXPECT_EQ(Resolve("A trip in February was dropped.", false), "2024-02");
  EXPECT_EQ(Resolve("A trip in September is planned.", true), "2024-09");
  EXPECT_EQ(Resolve("A trip in September took place.", false), "2023-09");
  EXPECT_EQ(Resolve("They met on Sept. 18 in Rome.", false), "2023-09-18");
}

TEST(TimeExprTest, RelativeSpans) {
  EXPECT_EQ(Resolve("They met yesterday.", false), "2024-05-14");
  EXPECT_EQ(Resolve("They meet today.", false), "2024-05-15");
  EXPECT_EQ(Resolve("They met last month.", false), "2024-04");
  EXPECT_EQ(Resolve("Talks two weeks ago failed.", false), "2024-05");
  EXPECT_EQ(Resolve("A visit over the summer.", false), "season 2023-06");
  EXPECT_EQ(Resolve("Talks next week in Rome.", true), "2024-05");
}

TEST(TimeExprTest, ModalMayIsNoMonth) {
  EXPECT_EQ(Resolve("They may meet soon.", true), "count=0");
  EXPECT_EQ(Resolve("Elections in May were calm.", false), "2024-05");
}

TEST(TimeExprTest, NoPublishedDateKeepsOnlyAbsoluteDates) {
  const Sentence s = Make("They met Monday and again on 2 May 2022.");
  const auto found = FindTimeExpressions(s);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(ResolveTime(found[0], std::nullopt, false).granularity,
            TimeGranularity::kNone);
  EXPECT_EQ(ResolveTime(found[0], std::nullopt, false).text, "Monday");
  EXPECT_EQ(ResolveTime(found[1], std::nullopt, false).granularity,
            TimeGranularity::kDay);
}

}  // namespace
}  // namespace attache::extract
