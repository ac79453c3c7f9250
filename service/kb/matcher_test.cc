#include "kb/matcher.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::kb {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

EntityRef Ref(uint32_t index, MentionForm form = MentionForm::kName) {
  return {EntityType::kPlace, form, index};
}

Matcher Build(const std::vector<std::pair<std::string, EntityRef>>& phrases) {
  Matcher::Builder builder;
  for (const auto& [phrase, ref] : phrases) {
    EXPECT_TRUE(builder.Add(phrase, ref).ok()) << phrase;
  }
  return std::move(builder).Build();
}

// Each mention as "<text>:<index>,<index>...".
std::vector<std::string> Find(const Matcher& matcher, absl::string_view text) {
  std::vector<std::string> out;
  for (const Mention& mention : matcher.FindMentions(text)) {
    std::string entry(text.substr(mention.begin, mention.end - mention.begin));
    for (size_t i = 0; i < mention.candidates.size(); ++i) {
      absl::StrAppend(&entry, i == 0 ? ":" : ",", mention.candidates[i].index);
    }
    out.push_back(entry);
  }
  return out;
}

TEST(MatcherTest, LongestLeftmostWithoutOverlap) {
  const Matcher matcher = Build({{"New York", Ref(1)},
                                 {"New York City", Ref(2)},
                                 {"York", Ref(3)},
                                 {"City Hall", Ref(4)}});
  EXPECT_THAT(Find(matcher, "New York City Hall"),
              ElementsAre("New York City:2"));
  EXPECT_THAT(Find(matcher, "New York Hall, York"),
              ElementsAre("New York:1", "York:3"));
  EXPECT_THAT(Find(matcher, "New City Hall"), ElementsAre("City Hall:4"));
}

TEST(MatcherTest, MergesTheCandidatesOfEveryCasePatternMet) {
  const Matcher matcher = Build({{"Bin", Ref(1)},
                                 {"bin", Ref(2)},
                                 {"BIN", Ref(3)},
                                 {"Tor", Ref(4)},
                                 {"tor", Ref(4)}});
  EXPECT_THAT(Find(matcher, "bin"), ElementsAre("bin:2"));
  EXPECT_THAT(Find(matcher, "Bin"), ElementsAre("Bin:2,1"));
  EXPECT_THAT(Find(matcher, "BIN"), ElementsAre("BIN:2,1,3"));
  EXPECT_THAT(Find(matcher, "Tor"), ElementsAre("Tor:4"));
  EXPECT_EQ(matcher.Lookup("BIN").size(), 3);
}

TEST(MatcherTest, ReturnsEveryCandidate) {
  const Matcher matcher = Build({{"Georgia", Ref(1)},
                                 {"Georgia", Ref(2, MentionForm::kAlias)},
                                 {"Georgia", Ref(2, MentionForm::kAlias)}});
  EXPECT_THAT(Find(matcher, "Georgia"), ElementsAre("Georgia:1,2"));
}

TEST(MatcherTest, CaseRules) {
  const Matcher matcher =
      Build({{"US", Ref(1)},
             {"May", Ref(2)},
             {"ASEAN", Ref(3)},
             {"Foreign Minister", Ref(4, MentionForm::kTitle)},
             {"Mohammed bin Salman", Ref(5)}});
  EXPECT_THAT(Find(matcher, "US us Us U.S."), ElementsAre("US:1", "U.S.:1"));
  EXPECT_THAT(Find(matcher, "May may MAY"), ElementsAre("May:2", "MAY:2"));
  EXPECT_THAT(Find(matcher, "ASEAN Asean asean"),
              ElementsAre("ASEAN:3", "Asean:3"));
  EXPECT_THAT(Find(matcher, "foreign minister, FOREIGN MINISTER"),
              ElementsAre("foreign minister:4", "FOREIGN MINISTER:4"));
  EXPECT_THAT(Find(matcher, "MOHAMMED BIN SALMAN, Mohammed Bin Salman"),
              ElementsAre("MOHAMMED BIN SALMAN:5", "Mohammed Bin Salman:5"));
  EXPECT_THAT(Find(matcher, "mohammed bin salman"), IsEmpty());
}

TEST(MatcherTest, FindsIntoAReusedVector) {
  const Matcher matcher = Build({{"New York", Ref(1)}, {"Paris", Ref(2)}});
  std::vector<Mention> mentions;
  matcher.FindMentions("Paris and New York", &mentions);
  ASSERT_EQ(mentions.size(), 2);
  EXPECT_EQ(mentions[1].begin, 10);
  EXPECT_EQ(mentions[1].end, 18);
  matcher.FindMentions("Lyon, Paris", &mentions);
  ASSERT_EQ(mentions.size(), 1);
  EXPECT_EQ(mentions[0].begin, 6);
  ASSERT_EQ(mentions[0].candidates.size(), 1);
  EXPECT_EQ(mentions[0].candidates[0].index, 2);
}

TEST(MatcherTest, ShorterMatchWhenTheLongerFailsItsCase) {
  const Matcher matcher = Build({{"Foo", Ref(1)}, {"Foo Bar", Ref(2)}});
  EXPECT_THAT(Find(matcher, "Foo bar"), ElementsAre("Foo:1"));
  EXPECT_THAT(Find(matcher, "Foo Bar"), ElementsAre("Foo Bar:2"));
}

TEST(MatcherTest, SpansAreBytesOfTheOriginalText) {
  const Matcher matcher = Build({{"Côte d'Ivoire", Ref(1)}});
  const std::string text = "« Co\u0302te d’Ivoire »";
  const std::vector<Mention> mentions = matcher.FindMentions(text);
  ASSERT_EQ(mentions.size(), 1);
  EXPECT_EQ(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin),
            "Co\u0302te d’Ivoire");
}

TEST(MatcherTest, LookupTakesThePhraseAsAWhole) {
  const Matcher matcher = Build({{"New York", Ref(1)}, {"York", Ref(2)}});
  EXPECT_THAT(matcher.Lookup("new york"), IsEmpty());
  ASSERT_EQ(matcher.Lookup("New York").size(), 1);
  EXPECT_EQ(matcher.Lookup("New York")[0].index, 1);
  EXPECT_THAT(matcher.Lookup("New"), IsEmpty());
  EXPECT_THAT(matcher.Lookup("New York York"), IsEmpty());
  EXPECT_THAT(matcher.Lookup("New, York"), IsEmpty());
  EXPECT_THAT(matcher.Lookup(""), IsEmpty());
}

TEST(MatcherTest, FoldAndAddRejectPhrasesThatCannotMatch) {
  EXPECT_EQ(*Matcher::Fold("Kim Jong-un"), "kim jong un");
  EXPECT_EQ(*Matcher::Fold("U.S."), "us");
  EXPECT_THAT(std::string(Matcher::Fold("Korea, South").status().message()),
              HasSubstr("punctuation"));
  EXPECT_FALSE(Matcher::Fold(" - ").ok());
  std::string long_phrase;
  for (int i = 0; i <= Matcher::kMaxWords; ++i) {
    long_phrase += "word ";
  }
  Matcher::Builder builder;
  EXPECT_FALSE(builder.Add(long_phrase, Ref(1)).ok());
  EXPECT_FALSE(builder.Add("", Ref(1)).ok());
}

TEST(MatcherTest, EmptyMatcherAndEmptyText) {
  EXPECT_THAT(Find(Matcher(), "New York"), IsEmpty());
  EXPECT_THAT(Find(Build({{"York", Ref(1)}}), ""), IsEmpty());
}

}  // namespace
}  // namespace attache::kb
