#include "extract/contacts.h"
#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

// Status of the first token equal to `trigger` in `text`.
std::optional<ContactStatus> StatusAt(absl::string_view text,
                                      absl::string_view trigger,
                                      TriggerTense tense) {
  const Sentence s = testing::MakeSentence(text);
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.tokens[i].lower == trigger) {
      return StatusOf(s, i, i + 1, tense, nullptr);
    }
  }
  ADD_FAILURE() << "no trigger " << trigger;
  return std::nullopt;
}

TEST(StatusTest, TenseAndModals) {
  EXPECT_EQ(StatusAt("Ames met Bloch on Monday.", "met", TriggerTense::kPast),
            ContactStatus::kOccurred);
  EXPECT_EQ(StatusAt("Ames will meet Bloch.", "meet", TriggerTense::kNone),
            ContactStatus::kPlanned);
  EXPECT_EQ(StatusAt("Ames may meet Bloch.", "meet", TriggerTense::kNone),
            ContactStatus::kSpeculated);
  EXPECT_EQ(
      StatusAt("Ames is expected to visit Oslo.", "visit", TriggerTense::kNone),
      ContactStatus::kSpeculated);
  EXPECT_EQ(
      StatusAt("Ames flew to Oslo to meet Bloch.", "meet", TriggerTense::kNone),
      ContactStatus::kPlanned);
}

TEST(StatusTest, CancellationBeatsPlan) {
  EXPECT_EQ(StatusAt("Ames left after canceling a planned trip there.", "trip",
                     TriggerTense::kNone),
            ContactStatus::kCanceled);
  EXPECT_EQ(StatusAt("The visit by Ames has been postponed.", "visit",
                     TriggerTense::kNone),
            ContactStatus::kCanceled);
}

TEST(StatusTest, NegationDropsOnlyItsOwnVerb) {
  EXPECT_EQ(StatusAt("Ames did not meet Bloch.", "meet", TriggerTense::kNone),
            std::nullopt);
  EXPECT_EQ(
      StatusAt("Ames refused to meet Bloch.", "meet", TriggerTense::kNone),
      std::nullopt);
  // The negation belongs to another clause.
  EXPECT_EQ(StatusAt("Ames has not left since May, when he visited Oslo.",
                     "visited", TriggerTense::kPast),
            ContactStatus::kOccurred);
}

TEST(StatusTest, ProgressiveIsOngoing) {
  EXPECT_EQ(StatusAt("Ames is visiting Oslo.", "visiting",
                     TriggerTense::kProgressive),
            ContactStatus::kOngoing);
}

TEST(StatusTest, ConditionalClauseIsSpeculation) {
  EXPECT_EQ(StatusAt("It would be hard even if they held talks in Oslo.",
                     "talks", TriggerTense::kNone),
            ContactStatus::kSpeculated);
}

TEST(StatusTest, PostCueReachesPastTheParticipants) {
  EXPECT_EQ(StatusAt("The meeting between Foreign Minister Ames of Norway and "
                     "President Bloch of Chile kicked off in Oslo.",
                     "meeting", TriggerTense::kNone),
            ContactStatus::kOngoing);
}

TEST(StatusTest, ScheduledAndAnticipatedArePlans) {
  EXPECT_EQ(StatusAt("Nobody knew why the visit was scheduled so late.",
                     "visit", TriggerTense::kNone),
            ContactStatus::kPlanned);
  EXPECT_EQ(StatusAt("Hotels filled in anticipation of the visit.", "visit",
                     TriggerTense::kNone),
            ContactStatus::kPlanned);
}

TEST(StatusTest, ScheduleOfTheVerbBeatsALaterExpectation) {
  for (const absl::string_view text :
       {"Ames is scheduled to visit Oslo next month and is expected to sign a "
        "deal.",
        "Ames is set to visit Oslo, where a deal is expected to be signed.",
        "Ames is due to visit Oslo next month and is expected to meet Bloch.",
        "Ames will visit Oslo next month and is expected to meet Bloch."}) {
    EXPECT_EQ(StatusAt(text, "visit", TriggerTense::kNone),
              ContactStatus::kPlanned)
        << text;
  }
  EXPECT_EQ(StatusAt("The visit to Oslo next month is expected to bring a "
                     "deal.",
                     "visit", TriggerTense::kNone),
            ContactStatus::kSpeculated);
}

}  // namespace
}  // namespace attache::extract
