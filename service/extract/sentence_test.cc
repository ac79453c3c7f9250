#include "extract/sentence.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "extract/lexicon.h"
#include "extract/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

using ::attache::extract::testing::MakeSentence;
using ::testing::ElementsAre;

std::vector<std::string> LowerForms(absl::string_view text) {
  std::vector<std::string> forms;
  for (const Token& token : MakeSentence(text).tokens) {
    forms.emplace_back(token.lower);
  }
  return forms;
}

TEST(TokenizeTest, SplitsWordsAndPunctuation) {
  const Sentence sentence = MakeSentence("Xi met Biden, then left.");
  const std::vector<Token>& tokens = sentence.tokens;
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
  const Sentence sentence = MakeSentence("Russia\xE2\x80\x99s \xE2\x80\x98yes");
  const std::vector<Token>& tokens = sentence.tokens;
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].lower, "'s");
  EXPECT_EQ(tokens[1].end - tokens[1].begin, 4u);
  EXPECT_FALSE(tokens[1].word);
  EXPECT_EQ(tokens[2].lower, "'");
  EXPECT_EQ(tokens[3].lower, "yes");
}

TEST(TokenizeTest, InitialismsAndAbbreviationsKeepTheirDots) {
  const Sentence sentence = MakeSentence("U.S. envoy Mr. Lee, Sept. 5.");
  const std::vector<Token>& tokens = sentence.tokens;
  EXPECT_THAT(LowerForms("U.S. envoy Mr. Lee, Sept. 5."),
              ElementsAre("u.s", "envoy", "mr", "lee", ",", "sept", "5", "."));
  EXPECT_EQ(tokens[0].end, 4u);
  EXPECT_EQ(tokens[2].end - tokens[2].begin, 3u);  // "Mr."
}

TEST(TokenizeTest, NonAsciiLettersAndMarks) {
  const Sentence sentence = MakeSentence(
      "\xC3\x89lys\xC3\xA9\x65 Erdo\xC4\x9F\x61n\xC2\xA0\xE2\x80\x94 x");
  const std::vector<Token>& tokens = sentence.tokens;
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(tokens[0].capitalized);  // "Élysée"
  EXPECT_TRUE(tokens[0].word);
  EXPECT_EQ(tokens[1].lower, "erdo\xC4\x9F\x61n");  // ASCII folding only
  EXPECT_FALSE(tokens[2].word);                     // the em dash
  EXPECT_EQ(tokens[3].lower, "x");
}

TEST(TokenizeTest, StoresWordClasses) {
  const Sentence sentence = MakeSentence("Their presidents said");
  const std::vector<Token>& tokens = sentence.tokens;
  EXPECT_TRUE(HasClass(tokens[0], WordClass::kPluralPronoun));
  EXPECT_TRUE(HasClass(tokens[1], WordClass::kPluralTitleStart));
  EXPECT_TRUE(HasClass(tokens[2], WordClass::kReportingVerb));
  EXPECT_EQ(tokens[1].classes & static_cast<uint8_t>(WordClass::kRoleWord), 0);
}

TEST(TokenizeTest, StoresWordLists) {
  const Sentence sentence = MakeSentence("The envoy, and 2 others;");
  const std::vector<Token>& tokens = sentence.tokens;
  EXPECT_EQ(tokens[0].lists & (kArticle | kAnaphoric), kArticle | kAnaphoric);
  EXPECT_EQ(tokens[1].lists, 0u);
  EXPECT_NE(tokens[2].lists & kCoordinator, 0u);  // ","
  EXPECT_NE(tokens[3].lists & kCommaAnd, 0u);
  EXPECT_EQ(tokens[4].lists, 0u);                 // a number
  EXPECT_NE(tokens[6].lists & kClauseStart, 0u);  // ";"
}

TEST(TokenizeTest, ReusedSentenceGivesTheSameTokens) {
  Sentence sentence;
  sentence.text =
      "A much longer sentence with Extraordinarily-long-words first.";
  Tokenize(&sentence);
  sentence.text = "He met \xE2\x80\x98Quint\xE2\x80\x99s U.S. aide.";
  Tokenize(&sentence);
  const Sentence fresh = MakeSentence(sentence.text);
  ASSERT_EQ(sentence.tokens.size(), fresh.tokens.size());
  for (size_t i = 0; i < fresh.tokens.size(); ++i) {
    const Token& token = sentence.tokens[i];
    EXPECT_EQ(token.begin, fresh.tokens[i].begin);
    EXPECT_EQ(token.end, fresh.tokens[i].end);
    EXPECT_EQ(token.lower, fresh.tokens[i].lower);
    EXPECT_EQ(token.capitalized, fresh.tokens[i].capitalized);
    EXPECT_EQ(token.word, fresh.tokens[i].word);
    EXPECT_EQ(token.classes, fresh.tokens[i].classes);
  }
}

TEST(TokenizeTest, LowerTextFoldsAsciiLettersOnly) {
  std::string text = "\xC3\x89lys\xC3\xA9\x65 ";
  for (char c = ' '; c <= '~'; ++c) {
    text += c;
  }
  text += "\xC4\x9F\xE2\x80\x94ZZ";
  const Sentence sentence = MakeSentence(text);
  ASSERT_EQ(sentence.lower_text.size(), text.size() + 8);
  EXPECT_EQ(absl::string_view(sentence.lower_text.data(), text.size()),
            absl::AsciiStrToLower(text));
}

TEST(TokenizeTest, MovedSentenceKeepsItsLowerForms) {
  Sentence sentence = MakeSentence("Xi met Biden.");
  const Sentence moved = std::move(sentence);
  EXPECT_THAT(std::vector<absl::string_view>({moved.tokens[0].lower,
                                              moved.tokens[1].lower,
                                              moved.tokens[2].lower}),
              ElementsAre("xi", "met", "biden"));
}

TEST(SentenceTest, MatchesPhraseAndTokenAtOrAfter) {
  const Sentence sentence = MakeSentence("They held talks on Monday");
  const std::vector<Token>& tokens = sentence.tokens;
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
