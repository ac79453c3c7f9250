#include "extract/coref.h"

#include "extract/test_util.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

constexpr absl::CivilDay kDate(2024, 5, 15);

// Resolves `sentences` in order and returns the mentions of the last one.
SentenceMentions ResolveAll(const std::vector<std::string>& sentences) {
  const kb::KnowledgeBase& kb = testing::TestKnowledgeBase();
  CorefResolver resolver(kb, kDate);
  SentenceMentions last;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence s = testing::MakeSentence(sentences[i], static_cast<int>(i));
    last = FindSentenceMentions(kb, s, kDate);
    resolver.Resolve(s, &last);
  }
  return last;
}

TEST(CorefTest, SurnameNamesTheKnownPerson) {
  const SentenceMentions m =
      ResolveAll({"Ivo Petrenko arrived.", "Petrenko left."});
  ASSERT_EQ(m.actors.size(), 1u);
  EXPECT_EQ(m.actors[0].actor.name, "Ivo Petrenko");
}

TEST(CorefTest, ObjectPronounIsNotItsClausesSubject) {
  const SentenceMentions m = ResolveAll(
      {"Dana Whitcombe spoke with Lu Feng.", "Lu Feng invited him over."});
  ASSERT_EQ(m.actors.size(), 2u);
  EXPECT_EQ(m.actors[1].actor.name, "Dana Whitcombe");
}

TEST(CorefTest, TheOfficialIsThePersonJustNamed) {
  const SentenceMentions m = ResolveAll({"Ivo Petrenko arrived in Paris.",
                                         "The Russian official "
                                         "left on Friday."});
  ASSERT_EQ(m.actors.size(), 1u);
  EXPECT_EQ(m.actors[0].type, MentionType::kPerson);
  EXPECT_EQ(m.actors[0].actor.name, "Ivo Petrenko");
}

TEST(CorefTest, OfficialsStayAGroup) {
  const SentenceMentions m = ResolveAll(
      {"Ivo Petrenko arrived in Paris.", "The Russian officials left."});
  ASSERT_EQ(m.actors.size(), 1u);
  EXPECT_EQ(m.actors[0].type, MentionType::kGroup);
}

}  // namespace
}  // namespace attache::extract
