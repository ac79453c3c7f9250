#include "kb/tokenizer.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::kb {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Each word as "<folded>[<flags>]@<begin>-<end>", flags: C capitalised,
// A all caps, J joined to the previous word.
std::vector<std::string> Words(absl::string_view text) {
  std::vector<std::string> out;
  Tokenizer tokenizer(text);
  Word word;
  std::string folded;
  while (tokenizer.Next(&word, &folded)) {
    out.push_back(absl::StrCat(folded, "[", word.capitalized ? "C" : "",
                               word.all_caps ? "A" : "", word.joined ? "J" : "",
                               "]@", word.begin, "-", word.end));
  }
  return out;
}

TEST(TokenizerTest, FoldsCaseAndAccents) {
  EXPECT_THAT(Words("Erdo\u011Fan"), ElementsAre("erdogan[C]@0-8"));
  EXPECT_THAT(Words("Erdog\u0306an"), ElementsAre("erdogan[C]@0-9"));
  EXPECT_THAT(Words("ERDOĞAN"), ElementsAre("erdogan[CA]@0-8"));
  EXPECT_THAT(Words("ʻAisake"), ElementsAre("aisake[C]@0-8"));
  EXPECT_THAT(Words("Straße Łódź İstanbul Ærø"),
              ElementsAre("strasse[C]@0-7", "lodz[CJ]@8-15",
                          "istanbul[CJ]@16-25", "aero[CJ]@26-31"));
}

TEST(TokenizerTest, AcronymsWithPeriodsAreOneWord) {
  EXPECT_THAT(Words("U.S."), ElementsAre("us[CA]@0-4"));
  EXPECT_THAT(Words("the U.S.-China deal"),
              ElementsAre("the[]@0-3", "us[CAJ]@4-8", "china[CJ]@9-14",
                          "deal[J]@15-19"));
  EXPECT_THAT(Words("U.N"), ElementsAre("un[CA]@0-3"));
  // A lone initial is not an acronym.
  EXPECT_THAT(Words("George W. Bush"),
              ElementsAre("george[C]@0-6", "w[CAJ]@7-8", "bush[CJ]@10-14"));
}

TEST(TokenizerTest, WhatJoinsWords) {
  EXPECT_THAT(Words("Kim Jong-un"),
              ElementsAre("kim[C]@0-3", "jong[CJ]@4-8", "un[J]@9-11"));
  EXPECT_THAT(Words("Quai d’Orsay"),
              ElementsAre("quai[C]@0-4", "d[J]@5-6", "orsay[CJ]@9-14"));
  EXPECT_THAT(Words("St. Petersburg"),
              ElementsAre("st[C]@0-2", "petersburg[CJ]@4-14"));
  // Other punctuation, and a period after a long word, separate.
  EXPECT_THAT(Words("Wang, Yi"), ElementsAre("wang[C]@0-4", "yi[C]@6-8"));
  EXPECT_THAT(Words("Beijing. Yi"),
              ElementsAre("beijing[C]@0-7", "yi[C]@9-11"));
  EXPECT_THAT(Words("Seoul (Korea)"),
              ElementsAre("seoul[C]@0-5", "korea[C]@7-12"));
}

TEST(TokenizerTest, DigitsAreWordCharacters) {
  EXPECT_THAT(Words("G20 summit"),
              ElementsAre("g20[CA]@0-3", "summit[J]@4-10"));
}

TEST(TokenizerTest, EmptyAndInvalidInput) {
  EXPECT_THAT(Words(""), IsEmpty());
  EXPECT_THAT(Words(" ,;\n"), IsEmpty());
  // Invalid bytes separate words; a truncated sequence at the end is skipped.
  EXPECT_THAT(Words("ab\xff"
                    "cd \xe2\x80"),
              ElementsAre("ab[]@0-2", "cd[]@3-5"));
  EXPECT_THAT(Words("\xc3"), IsEmpty());
}

// Words longer than the tokenizer's inline buffer, ASCII and not, and words
// that end exactly at chunk boundaries fold like short ones.
TEST(TokenizerTest, FoldsLongWords) {
  const std::string ascii(200, 'Q');
  const std::string folded_ascii(200, 'q');
  EXPECT_THAT(Words(ascii),
              ElementsAre(absl::StrCat(folded_ascii, "[CA]@0-200")));
  std::string mixed;
  std::string folded_mixed;
  for (int i = 0; i < 40; ++i) {
    absl::StrAppend(&mixed, "Ab\u00E7d");  // "Abçd"
    absl::StrAppend(&folded_mixed, "abcd");
  }
  EXPECT_THAT(
      Words(absl::StrCat(mixed, " Eightabc Sixteenletterword")),
      ElementsAre(absl::StrCat(folded_mixed, "[C]@0-200"),
                  "eightabc[CJ]@201-209", "sixteenletterword[CJ]@210-227"));
}

// Words of ASCII letters and digits take a faster path than the others; both
// must read the same words.
TEST(TokenizerTest, AsciiWordsOfEveryLengthAndNeighbour) {
  EXPECT_THAT(
      Words("a Seven77 EIGHTCAP fifteenletterss sixteenlettersss"),
      ElementsAre("a[]@0-1", "seven77[CJ]@2-9", "eightcap[CAJ]@10-18",
                  "fifteenletterss[J]@19-34", "sixteenlettersss[J]@35-51"));
  EXPECT_THAT(Words("12345678Abc 2024, x\u00E9 y"),
              ElementsAre("12345678abc[C]@0-11", "2024[J]@12-16", "xe[]@18-21",
                          "y[J]@22-23"));
  EXPECT_THAT(
      Words("W. Bush. US.\tEU"),
      ElementsAre("w[CA]@0-1", "bush[CJ]@3-7", "us[CA]@9-11", "eu[CAJ]@13-15"));
}

// Short words report their first eight folded bytes in Word::folded_head.
TEST(TokenizerTest, FoldedHead) {
  Tokenizer tokenizer("Xi LONGERWORD");
  Word word;
  absl::string_view folded;
  ASSERT_TRUE(tokenizer.Next(&word, &folded));
  EXPECT_EQ(folded, "xi");
  EXPECT_EQ(word.folded_head, uint64_t{'x'} | (uint64_t{'i'} << 8));
  ASSERT_TRUE(tokenizer.Next(&word, &folded));
  EXPECT_EQ(folded, "longerword");
  uint64_t head = 0;
  for (int i = 7; i >= 0; --i) {
    head = (head << 8) | static_cast<unsigned char>(folded[i]);
  }
  EXPECT_EQ(word.folded_head, head);
  EXPECT_FALSE(tokenizer.Next(&word, &folded));
  EXPECT_TRUE(folded.empty());
}

}  // namespace
}  // namespace attache::kb
