#include "extract/mentions.h"

#include "extract/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

constexpr absl::CivilDay kDate(2024, 5, 15);

SentenceMentions MentionsOf(absl::string_view text) {
  return FindSentenceMentions(testing::TestKnowledgeBase(),
                              testing::MakeSentence(text), kDate);
}

// A field of every person mention, in order.
std::vector<std::string> PersonsBy(const SentenceMentions& mentions,
                                   std::string Actor::*field) {
  std::vector<std::string> values;
  for (const ActorMention& m : mentions.actors) {
    if (m.type == MentionType::kPerson) {
      values.push_back(m.actor.*field);
    }
  }
  return values;
}

std::vector<std::string> PersonNames(const SentenceMentions& mentions) {
  return PersonsBy(mentions, &Actor::name);
}

TEST(MentionsTest, PluralTitleOfListedStates) {
  EXPECT_THAT(
      PersonNames(MentionsOf("The presidents of China and the United States "
                             "spoke.")),
      UnorderedElementsAre("Lu Feng", "Dana Whitcombe"));
}

TEST(MentionsTest, PluralTitleOfTheStatesBefore) {
  EXPECT_THAT(PersonNames(MentionsOf(
                  "China, France and the United States postponed talks "
                  "among their top diplomats.")),
              UnorderedElementsAre("Chen Ruo", "Mara Voss", "Alder Quint"));
  // One state is no list.
  EXPECT_THAT(PersonNames(MentionsOf(
                  "France postponed talks among their top diplomats.")),
              ElementsAre());
}

TEST(MentionsTest, TheTwoCountriesAreNoPeople) {
  for (const ActorMention& m :
       MentionsOf("The two countries agreed to talk.").actors) {
    EXPECT_NE(m.type, MentionType::kPluralPronoun);
  }
  const SentenceMentions pair = MentionsOf("The two agreed to talk.");
  ASSERT_FALSE(pair.actors.empty());
  EXPECT_EQ(pair.actors[0].type, MentionType::kPluralPronoun);
}

TEST(MentionsTest, TitleWithoutNameIsTheOfficeHolder) {
  EXPECT_THAT(PersonNames(MentionsOf("Alder Quint met China's ruler.")),
              ElementsAre("Alder Quint", "Lu Feng"));
}

TEST(MentionsTest, CapitalAfterItsStatesPossessiveIsAPlace) {
  const SentenceMentions m =
      MentionsOf("Quint met Lu Feng in Russia's Moscow.");
  ASSERT_EQ(m.places.size(), 2u);
  EXPECT_EQ(m.places[1].name, "Moscow");
  EXPECT_FALSE(m.places[1].is_state);
}

TEST(MentionsTest, TitledShortFormOfTheOfficeHoldersName) {
  EXPECT_THAT(PersonsBy(MentionsOf("Swiss Foreign Minister Ottavio Brenn met "
                                   "Alder Quint."),
                        &Actor::id),
              UnorderedElementsAre("ottavio-brenn", "alder-quint"));
  // Not the holder's name: an unknown person.
  EXPECT_THAT(PersonsBy(MentionsOf("Swiss Foreign Minister Ottavio Marten met "
                                   "Alder Quint."),
                        &Actor::id),
              UnorderedElementsAre("", "alder-quint"));
}

TEST(MentionsTest, HonorificWrittenInTheKnowledgeBasesAlias) {
  const SentenceMentions mentions =
      MentionsOf("Swiss President Prince Anselm Varga met Lu Feng.");
  EXPECT_THAT(PersonsBy(mentions, &Actor::id),
              UnorderedElementsAre("anselm-varga", "lu-feng"));
  EXPECT_THAT(PersonNames(mentions),
              UnorderedElementsAre("Anselm Varga von Esch", "Lu Feng"));
}

}  // namespace
}  // namespace attache::extract
