#include "extract/sentence.h"

#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> LowerForms(absl::string_view text) {
  std::vector<std::string> forms;
  for (const Token& token : Tokenize(text)) {
    forms.push_back(token.lower);
  }
  return forms;
}

TEST(TokenizeTest, SplitsWordsAndPunctuation) {
  const std::vector<Token> tokens = Tokenize("Xi met Biden, then left.");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].lower, "xi");
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 2u);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_TRUE(tokens[0].word);
  EXPECT_EQ(tokens[3].lower, ",");
  EXPECT_FALSE(tokens[3].word);
  EXPECT_FALSE(tokens[4].capitalized);
  EXPECT_EQ(tokens[6].lower, ".");
  EXPECT_EQ(tokens[6].begin, 23u);
}

TEST(TokenizeTest, PossessivesAndClitics) {
  EXPECT_THAT(LowerForms("China's envoy didn't go"),
              ElementsAre("china", "'s", "envoy", "did", "n't", "go"));
  // Curly apostrophes fold to ASCII in the lower-case form only.
  const std::vector<Token> tokens =
      Tokenize("Russia\xE2\x80\x99s \xE2\x80\x98yes");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].lower, "'s");
  EXPECT_EQ(tokens[1].end - tokens[1].begin, 4u);
  EXPECT_FALSE(tokens[1].word);
  EXPECT_EQ(tokens[2].lower, "'");
  EXPECT_EQ(tokens[3].lower, "yes");
}

TEST(TokenizeTest, InitialismsAndAbbreviationsKeepTheirDots) {
  const std::vector<Token> tokens = Tokenize("U.S. envoy Mr. Lee, Sept. 5.");
  EXPECT_THAT(LowerForms("U.S. envoy Mr. Lee, Sept. 5."),
              ElementsAre("u.s", "envoy", "mr", "lee", ",", "sept", "5", "."));
  EXPECT_EQ(tokens[0].end, 4u);
  EXPECT_EQ(tokens[2].end - tokens[2].begin, 3u);  // "Mr."
}

TEST(TokenizeTest, NonAsciiLettersAndMarks) {
  const std::vector<Token> tokens = Tokenize(
      "\xC3\x89lys\xC3\xA9\x65 Erdo\xC4\x9F\x61n\xC2\xA0\xE2\x80\x94 x");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(tokens[0].capitalized);  // "Élysée"
  EXPECT_TRUE(tokens[0].word);
  EXPECT_EQ(tokens[1].lower, "erdo\xC4\x9F\x61n");  // ASCII folding only
  EXPECT_FALSE(tokens[2].word);                     // the em dash
  EXPECT_EQ(tokens[3].lower, "x");
}

TEST(TokenizeTest, StoresWordClasses) {
  const std::vector<Token> tokens = Tokenize("Their presidents said");
  EXPECT_TRUE(HasClass(tokens[0], WordClass::kPluralPronoun));
  EXPECT_TRUE(HasClass(tokens[1], WordClass::kPluralTitleStart));
  EXPECT_TRUE(HasClass(tokens[2], WordClass::kReportingVerb));
  EXPECT_EQ(tokens[1].classes & static_cast<uint8_t>(WordClass::kRoleWord), 0);
}

TEST(TokenizeTest, ReusedVectorGivesTheSameTokens) {
  std::vector<Token> tokens;
  Tokenize("A much longer sentence with Extraordinarily-long-words first.",
           &tokens);
  Tokenize("He met Quint.", &tokens);
  const std::vector<Token> fresh = Tokenize("He met Quint.");
  ASSERT_EQ(tokens.size(), fresh.size());
  for (size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(tokens[i].begin, fresh[i].begin);
    EXPECT_EQ(tokens[i].end, fresh[i].end);
    EXPECT_EQ(tokens[i].lower, fresh[i].lower);
    EXPECT_EQ(tokens[i].capitalized, fresh[i].capitalized);
    EXPECT_EQ(tokens[i].word, fresh[i].word);
    EXPECT_EQ(tokens[i].classes, fresh[i].classes);
  }
}

TEST(SentenceTest, MatchesPhraseAndTokenAtOrAfter) {
  const std::vector<Token> tokens = Tokenize("They held talks on Monday");
  size_t length = 0;
  EXPECT_TRUE(MatchesPhrase(tokens, 1, "held talks", &length));
  EXPECT_EQ(length, 2u);
  EXPECT_FALSE(MatchesPhrase(tokens, 1, "held talks on friday", &length));
  EXPECT_EQ(TokenAtOrAfter(tokens, 5), 1u);
  EXPECT_EQ(TokenAtOrAfter(tokens, 7), 1u);
  EXPECT_EQ(TokenAtOrAfter(tokens, 25), tokens.size());
}

}  // namespace
}  // namespace attache::extract
