#include "text/segment.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Sentences(absl::string_view paragraph,
                                   const SegmentOptions& options = {}) {
  std::vector<std::string> out;
  for (const ByteRange& range : SplitSentences(paragraph, options)) {
    out.emplace_back(paragraph.substr(range.begin, range.size()));
  }
  return out;
}

std::vector<std::string> Paragraphs(absl::string_view text) {
  std::vector<std::string> out;
  for (const ByteRange& range : SplitParagraphs(text)) {
    out.emplace_back(text.substr(range.begin, range.size()));
  }
  return out;
}

TEST(SplitSentencesTest, EmptyAndBlank) {
  EXPECT_THAT(Sentences(""), IsEmpty());
  EXPECT_THAT(Sentences("   "), IsEmpty());
}

TEST(SplitSentencesTest, PlainSentences) {
  EXPECT_THAT(
      Sentences("The envoy arrived. She met the king! Why now? "),
      ElementsAre("The envoy arrived.", "She met the king!", "Why now?"));
}

TEST(SplitSentencesTest, TitleAbbreviationsNeverEnd) {
  EXPECT_THAT(Sentences("Mr. Varga met Gen. Oduya and Sen. Ilves. Dr. Moss "
                        "and Lt. Col. Park joined St. Clair."),
              ElementsAre("Mr. Varga met Gen. Oduya and Sen. Ilves.",
                          "Dr. Moss and Lt. Col. Park joined St. Clair."));
}

TEST(SplitSentencesTest, DottedAcronymsInsideSentences) {
  EXPECT_THAT(
      Sentences("The U.N. Security Council met U.S. envoys at 9 a.m. Tuesday. "
                "Talks moved to the U.K. The E.U. disagreed."),
      ElementsAre("The U.N. Security Council met U.S. envoys at 9 a.m. "
                  "Tuesday.",
                  "Talks moved to the U.K.", "The E.U. disagreed."));
}

TEST(SplitSentencesTest, InitialsStayInsideNames) {
  EXPECT_THAT(Sentences("President Jonas Q. Adler met Maria T. Okafor. "
                        "They spoke."),
              ElementsAre("President Jonas Q. Adler met Maria T. Okafor.",
                          "They spoke."));
}

TEST(SplitSentencesTest, DatesNumbersAndOrdinals) {
  EXPECT_THAT(
      Sentences("The summit opens on Sept. 18 in Port Vale. Growth was 2.5 "
                "percent, No. 3 in the region. It was the 4th. meeting."),
      ElementsAre("The summit opens on Sept. 18 in Port Vale.",
                  "Growth was 2.5 percent, No. 3 in the region.",
                  "It was the 4th. meeting."));
  EXPECT_THAT(Sentences("They met in Jan. The talks failed."),
              ElementsAre("They met in Jan.", "The talks failed."));
  EXPECT_THAT(Sentences("Ruritania vs. Utopia, etc. and more."),
              ElementsAre("Ruritania vs. Utopia, etc. and more."));
}

TEST(SplitSentencesTest, GluedSentences) {
  EXPECT_THAT(
      Sentences("Your gift keeps us going.Foreign Minister Alda Rensk flew "
                "to Port Vale."),
      ElementsAre("Your gift keeps us going.",
                  "Foreign Minister Alda Rensk flew to Port Vale."));
  // Not glued: acronyms, initials, host names, decimals.
  EXPECT_THAT(Sentences("The S.Korean envoy visited Example.Com and paid 3.5 "
                        "million."),
              ElementsAre("The S.Korean envoy visited Example.Com and paid "
                          "3.5 million."));
}

TEST(SplitSentencesTest, QuotesBelongToTheirSentence) {
  EXPECT_THAT(Sentences("\"We agree.\" The minister left. \"Is it over?\" "
                        "asked a reporter. \"No!\" Varga said. \"Go.\" "
                        "He went."),
              ElementsAre("\"We agree.\"", "The minister left.",
                          "\"Is it over?\" asked a reporter.",
                          "\"No!\" Varga said.", "\"Go.\"", "He went."));
}

TEST(SplitSentencesTest, GluedCaptionCredit) {
  EXPECT_THAT(
      Sentences("The envoy boards a plane. (Ana Ruiz/Example "
                "Wire)Minister Rensk will travel on Friday."),
      ElementsAre("The envoy boards a plane.", "(Ana Ruiz/Example Wire)",
                  "Minister Rensk will travel on Friday."));
}

TEST(SplitSentencesTest, SeparatorsAndEllipses) {
  EXPECT_THAT(Sentences("Home | World | Politics"),
              ElementsAre("Home", "World", "Politics"));
  EXPECT_THAT(Sentences("Ports reopen \xE2\x80\xA2 Markets rally"),
              ElementsAre("Ports reopen", "Markets rally"));
  EXPECT_THAT(Sentences("He paused... then went on. Then... Nothing."),
              ElementsAre("He paused... then went on.", "Then...", "Nothing."));
  EXPECT_THAT(Sentences("(...)"), ElementsAre("(...)"));
}

TEST(SplitSentencesTest, ParenthesesAndBullets) {
  EXPECT_THAT(Sentences("- The envoy (a former general) arrived. (She left "
                        "later.) Talks resumed."),
              ElementsAre("- The envoy (a former general) arrived.",
                          "(She left later.)", "Talks resumed."));
}

TEST(SplitSentencesTest, ListMarkersStayWithTheirItem) {
  EXPECT_THAT(Sentences("1. Envoys meet. 2. Talks end."),
              ElementsAre("1. Envoys meet.", "2. Talks end."));
  EXPECT_THAT(Sentences("b. The second item"),
              ElementsAre("b. The second item"));
  EXPECT_THAT(Sentences("It fell by 12. The rest held."),
              ElementsAre("It fell by 12.", "The rest held."));
}

TEST(SplitSentencesTest, LongRunWithoutPunctuationIsCut) {
  std::string text;
  while (text.size() < 100'000) {
    text += "word ";
  }
  SegmentOptions options;
  options.max_sentence_bytes = 1000;
  const std::vector<ByteRange> ranges = SplitSentences(text, options);
  ASSERT_GE(ranges.size(), 100u);
  size_t covered = 0;
  for (const ByteRange& range : ranges) {
    EXPECT_LE(range.size(), 1000u);
    EXPECT_NE(text[range.begin], ' ');
    covered += range.size();
  }
  EXPECT_GT(covered, 79'000u);
}

TEST(SplitSentencesTest, CutNeverSplitsACharacter) {
  std::string text;
  for (int i = 0; i < 3000; ++i) {  // no spaces at all
    text += "\xC3\xA9";
  }
  SegmentOptions options;
  options.max_sentence_bytes = 101;
  for (const ByteRange& range : SplitSentences(text, options)) {
    EXPECT_EQ(range.size() % 2, 0u);
  }
}

TEST(SplitParagraphsTest, LinesAreParagraphs) {
  EXPECT_THAT(Paragraphs("Headline without stop\nFirst line.\n\nSecond.\n"),
              ElementsAre("Headline without stop", "First line.", "Second."));
}

TEST(SplitParagraphsTest, HardWrappedLinesJoin) {
  EXPECT_THAT(Paragraphs("Embassy of the Republic\nof Ruritania\nTel.: 1\n"
                         "contact desk:\nnext line."),
              ElementsAre("Embassy of the Republic\nof Ruritania", "Tel.: 1",
                          "contact desk:", "next line."));
}

TEST(HasFinalPunctuationTest, Cases) {
  EXPECT_TRUE(HasFinalPunctuation("It ended."));
  EXPECT_TRUE(HasFinalPunctuation("\"Really?\""));
  EXPECT_TRUE(HasFinalPunctuation("Contacts:"));
  EXPECT_FALSE(HasFinalPunctuation("Envoy visits Port Vale"));
  EXPECT_FALSE(HasFinalPunctuation(""));
}

}  // namespace
}  // namespace attache::text
