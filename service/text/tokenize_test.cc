#include "text/tokenize.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Texts(absl::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : Tokenize(text)) {
    out.emplace_back(TokenText(text, token));
  }
  return out;
}

TEST(TokenizeTest, EmptyAndSpaces) {
  EXPECT_THAT(Tokenize(""), IsEmpty());
  EXPECT_THAT(Tokenize(" \n "), IsEmpty());
}

TEST(TokenizeTest, WordsNumbersPunctuation) {
  EXPECT_THAT(Texts("The envoy, aged 61, paid $1,200.50 (about 5%)."),
              ElementsAre("The", "envoy", ",", "aged", "61", ",", "paid", "$",
                          "1,200.50", "(", "about", "5", "%", ")", "."));
}

TEST(TokenizeTest, AcronymsKeepTheirPeriods) {
  EXPECT_THAT(Texts("U.S. and U.N. envoys met at 10 a.m. in the U.K."),
              ElementsAre("U.S.", "and", "U.N.", "envoys", "met", "at", "10",
                          "a.m.", "in", "the", "U.K."));
}

TEST(TokenizeTest, HyphenatedCompoundsSplitWithoutSpace) {
  const std::string text =
      "U.S.-Ruritania talks with Kim Jong-nam and al-Rashid";
  EXPECT_THAT(Texts(text),
              ElementsAre("U.S.", "-", "Ruritania", "talks", "with", "Kim",
                          "Jong", "-", "nam", "and", "al", "-", "Rashid"));
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_FALSE(tokens[2].space_before);
  EXPECT_TRUE(tokens[3].space_before);
}

TEST(TokenizeTest, PossessivesAndClitics) {
  const std::string text =
      "Ilves's aide didn't see the allies' plan; we're O'Neill's";
  EXPECT_THAT(Texts(text), ElementsAre("Ilves", "'s", "aide", "did", "n't",
                                       "see", "the", "allies", "'", "plan", ";",
                                       "we", "'re", "O'Neill", "'s"));
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(tokens[1].kind, TokenKind::kPossessive);
  EXPECT_EQ(tokens[4].kind, TokenKind::kClitic);
  EXPECT_EQ(tokens[8].kind, TokenKind::kPossessive);
  EXPECT_EQ(tokens[12].kind, TokenKind::kClitic);
}

TEST(TokenizeTest, QuotesAroundWordsArePunctuation) {
  const std::string text = "the 'peace plan' and \"talks\"";
  EXPECT_THAT(Texts(text), ElementsAre("the", "'", "peace", "plan", "'", "and",
                                       "\"", "talks", "\""));
  EXPECT_EQ(Tokenize(text)[4].kind, TokenKind::kPunctuation);
}

TEST(TokenizeTest, AbbreviationsAndInitials) {
  EXPECT_THAT(Texts("Gen. Oduya met John F. Adler on Sept. 18, No. 4 etc."),
              ElementsAre("Gen.", "Oduya", "met", "John", "F.", "Adler", "on",
                          "Sept.", "18", ",", "No.", "4", "etc."));
  EXPECT_THAT(Texts("the S.Korean side"),
              ElementsAre("the", "S.", "Korean", "side"));
}

TEST(TokenizeTest, NumbersTimesDatesOrdinals) {
  EXPECT_THAT(Texts("On 2021/10/17 at 13:58, the 18th and 2nd rounds; 5G"),
              ElementsAre("On", "2021/10/17", "at", "13:58", ",", "the", "18th",
                          "and", "2nd", "rounds", ";", "5G"));
  const std::vector<Token> tokens = Tokenize("18th 5G");
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].kind, TokenKind::kWord);
}

TEST(TokenizeTest, LetterCaseAndSentenceInitial) {
  const std::string text = "\"NATO chief Rensk met iPhone makers and x";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 9u);
  EXPECT_EQ(tokens[0].letter_case, LetterCase::kNone);
  EXPECT_FALSE(tokens[0].sentence_initial);
  EXPECT_EQ(tokens[1].letter_case, LetterCase::kUpper);
  EXPECT_TRUE(tokens[1].sentence_initial);
  EXPECT_FALSE(tokens[2].sentence_initial);
  EXPECT_EQ(tokens[2].letter_case, LetterCase::kLower);
  EXPECT_EQ(tokens[3].letter_case, LetterCase::kTitle);
  EXPECT_EQ(tokens[5].letter_case, LetterCase::kMixed);
  EXPECT_EQ(tokens[8].letter_case, LetterCase::kLower);
  EXPECT_TRUE(tokens[3].is_capitalized());
  EXPECT_FALSE(tokens[2].is_capitalized());
}

TEST(TokenizeTest, NonAsciiLettersAndSymbols) {
  const std::string text = "Çağlar Özdemir met Zoë \xE2\x80\xA2 € 5";
  EXPECT_THAT(Texts(text), ElementsAre("Çağlar", "Özdemir", "met", "Zoë",
                                       "\xE2\x80\xA2", "€", "5"));
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(tokens[0].letter_case, LetterCase::kTitle);
  EXPECT_EQ(tokens[4].kind, TokenKind::kSymbol);
}

TEST(TokenizeTest, OffsetsCoverTheText) {
  const std::string text = "Mr. Varga's U.S.-made car.";
  for (const Token& token : Tokenize(text)) {
    EXPECT_LT(token.begin, token.end);
    EXPECT_LE(token.end, text.size());
    EXPECT_EQ(token.original_begin, token.begin);
  }
}

TEST(TokenizeTest, InvalidBytesAreSymbols) {
  const std::string text = "ab\xC3 cd\xFF";
  EXPECT_THAT(Texts(text), ElementsAre("ab", "\xC3", "cd", "\xFF"));
}

TEST(TokenizeTest, TenThousandNamesInARow) {
  std::string text;
  for (int i = 0; i < 10'000; ++i) {
    text += "Amara Okonkwo-Reyes, ";
  }
  const std::vector<Token> tokens = Tokenize(text);
  EXPECT_EQ(tokens.size(), 50'000u);
}

}  // namespace
}  // namespace attache::text
