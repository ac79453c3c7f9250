// Contact candidates and their arguments, through the whole pipeline over
// the invented knowledge base of testdata/.
#include "extract/contacts.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "extract/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

using testing::ContactsOf;
using testing::Names;
using ::testing::UnorderedElementsAre;

TEST(ContactsTest, InfinitiveSubjectIsTheVisitor) {
  const auto contacts =
      ContactsOf("Lu Feng invited Alder Quint to visit China.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].kind, ContactKind::kVisit);
  EXPECT_EQ(contacts[0].status, ContactStatus::kSpeculated);
  EXPECT_THAT(Names(contacts[0]), UnorderedElementsAre("Alder Quint", "CHN"));
}

TEST(ContactsTest, InvitationForSomeoneToVisit) {
  const auto contacts = ContactsOf(
      "Dana Whitcombe extended an invitation for Lu Feng to visit the United "
      "States.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_THAT(Names(contacts[0]), UnorderedElementsAre("Lu Feng", "USA"));
}

TEST(ContactsTest, ObjectPronounNamesThePersonBefore) {
  const auto contacts = ContactsOf(
      "Alder Quint spoke with Lu Feng on Monday. Quint said Lu invited him to "
      "visit China.");
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[1].kind, ContactKind::kVisit);
  EXPECT_THAT(Names(contacts[1]), UnorderedElementsAre("Alder Quint", "CHN"));
}

TEST(ContactsTest, NamedEventAsVenueIsNoContact) {
  EXPECT_TRUE(ContactsOf("Alder Quint and Bao Lin hope to make progress at "
                         "the Geneva Meeting on Syria.")
                  .empty());
  EXPECT_TRUE(ContactsOf("Alder Quint and Bao Lin spoke on the sidelines of "
                         "the Paris climate talks.")
                  .size() <= 1u);
}

TEST(ContactsTest, AdjectivalParticipleIsNoTrigger) {
  for (const Contact& c :
       ContactsOf("Lu Feng told the visiting American minister that ties "
                  "matter.")) {
    EXPECT_NE(c.kind, ContactKind::kVisit);
  }
}

TEST(ContactsTest, LeaderStandsForHisDelegation) {
  const auto contacts = ContactsOf(
      "Alder Quint met a Chinese delegation, led by Vice President Bao Lin, "
      "on Monday.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_THAT(Names(contacts[0]),
              UnorderedElementsAre("Alder Quint", "Bao Lin"));
}

TEST(ContactsTest, GroupAgentsOfTheTriggersOwnClause) {
  const auto contacts = ContactsOf(
      "Quint said that U.S. and Chinese negotiating teams will be meeting "
      "soon.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].status, ContactStatus::kPlanned);
  EXPECT_THAT(Names(contacts[0]), UnorderedElementsAre("USA", "CHN"));
}

TEST(ContactsTest, TourOfSeveralStatesIsDatedByMonth) {
  const auto contacts = ContactsOf(
      "Alder Quint will travel to France, Switzerland and Russia on Friday.");
  ASSERT_EQ(contacts.size(), 3u);
  for (const Contact& c : contacts) {
    EXPECT_EQ(c.kind, ContactKind::kVisit);
    EXPECT_EQ(c.time.granularity, TimeGranularity::kMonth);
    EXPECT_EQ(c.time.start, absl::CivilDay(2024, 5, 1));
  }
}

TEST(ContactsTest, CoordinatedDatesAreSeparateVisits) {
  const auto contacts = ContactsOf(
      "Quint recalled his two visits to Moscow in June 2022 and December "
      "2023.");
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].time.start, absl::CivilDay(2022, 6, 1));
  EXPECT_EQ(contacts[1].time.start, absl::CivilDay(2023, 12, 1));
}

TEST(ContactsTest, PurposeOfATripSharesItsStatus) {
  const auto contacts =
      ContactsOf("Alder Quint arrived in Beijing on Monday to meet Lu Feng.");
  ASSERT_EQ(contacts.size(), 2u);
  for (const Contact& c : contacts) {
    EXPECT_EQ(c.status, ContactStatus::kOccurred);
  }
}

TEST(ContactsTest, SentenceInitialDateDatesTheWholeSentence) {
  const auto contacts = ContactsOf(
      "On 3 May, a large delegation of senior officials and advisers, led by "
      "Alder Quint, the secretary of state, visited China for five days.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].time.start, absl::CivilDay(2024, 5, 3));
}

TEST(ContactsTest, DateOfTheReportDoesNotDateTheContact) {
  const auto contacts = ContactsOf(
      "Alder Quint announced last month that he would visit Beijing.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].time.start, absl::CivilDay(2024, 5, 1));
}

TEST(ContactsTest, PlaceLeftIsNoDestination) {
  EXPECT_TRUE(
      ContactsOf("Alder Quint made his last trip outside of Switzerland in "
                 "2023.")
          .empty());
}

TEST(ContactsTest, NamesDoNotCountAsDistanceToTheDate) {
  const auto contacts = ContactsOf(
      "The president, Dana Whitcombe, receiving the Vice President of China, "
      "Mr. Bao Lin, at the ceremonial reception, at the palace, in "
      "Washington on April 18, 2024.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].time.start, absl::CivilDay(2024, 4, 18));
}

TEST(ContactsTest, TripBegunOnThePublicationDayIsUnderWay) {
  const auto contacts =
      ContactsOf("Alder Quint arrives in Beijing today for an official visit.");
  ASSERT_FALSE(contacts.empty());
  EXPECT_EQ(contacts[0].kind, ContactKind::kVisit);
  EXPECT_EQ(contacts[0].status, ContactStatus::kOngoing);
}

TEST(ContactsTest, StatedAttendanceOfAnOrganisationsMeeting) {
  const auto contacts =
      ContactsOf("Dana Whitcombe will attend the U.N. summit in Geneva.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].kind, ContactKind::kMeeting);
  EXPECT_EQ(contacts[0].status, ContactStatus::kPlanned);
  EXPECT_THAT(Names(contacts[0]), UnorderedElementsAre("Dana Whitcombe", "UN"));
  EXPECT_TRUE(ContactsOf("Dana Whitcombe attended a rally in Geneva.").empty());
}

TEST(ContactsTest, TopicOfTheTalks) {
  auto contacts = ContactsOf(
      "Alder Quint met Lu Feng in Beijing on Monday to discuss trade "
      "tariffs, officials said.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_THAT(contacts[0].topics, ::testing::ElementsAre("trade tariffs"));
  contacts =
      ContactsOf("Alder Quint and Lu Feng held talks on climate finance.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_THAT(contacts[0].topics, ::testing::ElementsAre("climate finance"));
  contacts = ContactsOf("Alder Quint spoke with Lu Feng on the phone Monday.");
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_TRUE(contacts[0].topics.empty());
}

const Participant* HostOf(const Contact& contact) {
  const auto host = std::find_if(
      contact.participants.begin(), contact.participants.end(),
      [](const Participant& p) { return p.role == ParticipantRole::kHost; });
  return host == contact.participants.end() ? nullptr : &*host;
}

TEST(ContactsTest, SubjectOfAnActiveHostVerbHosts) {
  const auto contacts =
      ContactsOf("President Lu Feng hosted Mara Voss in Beijing on Monday.");
  ASSERT_EQ(contacts.size(), 1u);
  ASSERT_NE(HostOf(contacts[0]), nullptr);
  EXPECT_EQ(HostOf(contacts[0])->actor.name, "Lu Feng");
}

TEST(ContactsTest, AgentAfterByHosts) {
  for (const absl::string_view body :
       {"Mara Voss was received by Lu Feng in Beijing on Monday.",
        "Mara Voss was welcomed by Lu Feng in Beijing on Monday.",
        "Mara Voss arrived in Beijing on Monday for a state visit hosted by "
        "President Lu Feng."}) {
    SCOPED_TRACE(body);
    bool meeting = false;
    for (const Contact& c : ContactsOf(body)) {
      if (c.kind != ContactKind::kMeeting) {
        continue;
      }
      meeting = true;
      ASSERT_NE(HostOf(c), nullptr);
      EXPECT_EQ(HostOf(c)->actor.name, "Lu Feng");
    }
    EXPECT_TRUE(meeting);
  }
}

TEST(ContactsTest, TwoTriggersOfOneSentenceAreOneEvidence) {
  const auto contacts = ContactsOf(
      "Mara Voss arrived in Beijing on Monday for a state visit hosted by "
      "President Lu Feng.");
  ASSERT_FALSE(contacts.empty());
  for (const Contact& c : contacts) {
    EXPECT_EQ(c.evidence.size(), 1u) << ContactKindName(c.kind);
  }
}

TEST(ContactsTest, ContactLaterThatDayTakesTheDayBefore) {
  for (const absl::string_view cue :
       {"Later in the day", "Afterwards", "The same day", "Later that day"}) {
    const auto contacts = ContactsOf(
        absl::StrCat("Alder Quint met Lu Feng in Beijing on Monday. ", cue,
                     ", Quint spoke by phone with Ivo Petrenko."));
    ASSERT_EQ(contacts.size(), 2u) << cue;
    EXPECT_EQ(contacts[1].kind, ContactKind::kCall);
    EXPECT_EQ(contacts[1].time.granularity, TimeGranularity::kDay) << cue;
    EXPECT_EQ(contacts[1].time.start, contacts[0].time.start) << cue;
  }
}

TEST(ContactsTest, UndatedContactWithoutSameDayCueKeepsNoDay) {
  const auto contacts = ContactsOf(
      "Alder Quint met Lu Feng in Beijing on Monday. Quint also spoke by "
      "phone with Ivo Petrenko.");
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_NE(contacts[1].time.granularity, TimeGranularity::kDay);
}

}  // namespace
}  // namespace attache::extract
