#include "extract/merge.h"

#include "gtest/gtest.h"

namespace attache::extract {
namespace {

Participant Person(const std::string& id, const std::string& country) {
  return {.actor = {.id = id, .name = id, .country_code = country}};
}

ContactCandidate Candidate(ContactKind kind, ContactStatus status,
                           std::vector<Participant> participants, int sentence,
                           bool weak = false) {
  ContactCandidate c;
  c.weak = weak;
  c.sentence_index = sentence;
  c.contact.kind = kind;
  c.contact.status = status;
  c.contact.participants = std::move(participants);
  c.contact.evidence.push_back({.sentence_index = sentence});
  return c;
}

TEST(MergeTest, SameParticipantsMergeKeepingAllEvidence) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("b", "CHN"), Person("a", "USA")}, 3));
  in.back().contact.time = {.granularity = TimeGranularity::kDay,
                            .start = absl::CivilDay(2024, 1, 2),
                            .end = absl::CivilDay(2024, 1, 2)};
  const auto out = MergeContacts(std::move(in));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].evidence.size(), 2u);
  EXPECT_EQ(out[0].time.granularity, TimeGranularity::kDay);
}

TEST(MergeTest, VisitAndMeetingStayTwo) {
  std::vector<ContactCandidate> in;
  in.push_back(
      Candidate(ContactKind::kVisit, ContactStatus::kOccurred,
                {Person("a", "USA"),
                 {.actor = {.kind = ActorKind::kGroup, .country_code = "CHN"},
                  .role = ParticipantRole::kHost}},
                0));
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  EXPECT_EQ(MergeContacts(std::move(in)).size(), 2u);
}

TEST(MergeTest, DifferentStatusClassesStayApart) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kCanceled,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  EXPECT_EQ(MergeContacts(std::move(in)).size(), 2u);
}

TEST(MergeTest, WeakEvidenceOnlySupports) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kCall, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 2,
                         /*weak=*/true));
  const auto out = MergeContacts(std::move(in));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, ContactKind::kCall);
  EXPECT_EQ(out[0].evidence.size(), 2u);
}

TimeSpec Month(int year, int month) {
  return {.granularity = TimeGranularity::kMonth,
          .start = absl::CivilDay(year, month, 1),
          .end = absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1};
}

TimeSpec Day(int year, int month, int day) {
  return {.granularity = TimeGranularity::kDay,
          .start = absl::CivilDay(year, month, day),
          .end = absl::CivilDay(year, month, day)};
}

std::vector<Participant> VisitBy(const std::string& visitor,
                                 const std::string& from,
                                 const std::string& host) {
  Participant p = Person(visitor, from);
  p.role = ParticipantRole::kVisitor;
  return {p,
          {.actor = {.kind = ActorKind::kGroup, .country_code = host},
           .role = ParticipantRole::kHost}};
}

TEST(MergeTest, RealisedTripAbsorbsItsPlan) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kPlanned,
                         VisitBy("a", "USA", "KWT"), 0));
  in.back().contact.time = Month(2024, 7);
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kOccurred,
                         VisitBy("a", "USA", "KWT"), 2));
  in.back().contact.time = Day(2024, 7, 8);
  const auto out = MergeContacts(std::move(in));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, ContactStatus::kOccurred);
  EXPECT_EQ(out[0].time.granularity, TimeGranularity::kDay);
}

TEST(MergeTest, CancellationAbsorbsThePlan) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kPlanned,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kCanceled,
                         {Person("a", "USA"), Person("b", "CHN")}, 1));
  const auto out = MergeContacts(std::move(in));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, ContactStatus::kCanceled);
}

TEST(MergeTest, PlansAtOtherTimesStayApart) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kPlanned,
                         VisitBy("a", "USA", "KWT"), 0));
  in.back().contact.time = Month(2024, 9);
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kOccurred,
                         VisitBy("a", "USA", "KWT"), 2));
  in.back().contact.time = Day(2024, 7, 8);
  EXPECT_EQ(MergeContacts(std::move(in)).size(), 2u);
}

TEST(MergeTest, CanceledVisitCancelsTheMeetingPlannedInIt) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kCanceled,
                         VisitBy("a", "IRN", "KEN"), 0));
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kSpeculated,
                         {Person("b", "KEN"), Person("a", "IRN")}, 1));
  const auto out = MergeContacts(std::move(in));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].status, ContactStatus::kCanceled);
}

TEST(MergeTest, AnaphoricMentionOnlySupports) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kCanceled,
                         VisitBy("a", "IRN", "KEN"), 0));
  in.push_back(Candidate(ContactKind::kVisit, ContactStatus::kOccurred,
                         VisitBy("a", "IRN", "KEN"), 3, /*weak=*/true));
  const auto out = MergeContacts(std::move(in));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, ContactStatus::kCanceled);
}

TEST(MergeTest, DifferentCitiesAreDifferentOccasions) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  in.back().contact.location.city = "Paris";
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 1));
  in.back().contact.location.city = "Lahore";
  in.back().contact.time = Day(2024, 1, 5);
  EXPECT_EQ(MergeContacts(std::move(in)).size(), 2u);
}

TEST(MergeTest, UndatedPastContactsTakeThePublicationMonth) {
  std::vector<Contact> contacts(2);
  contacts[0].status = ContactStatus::kOccurred;
  contacts[1].status = ContactStatus::kPlanned;
  DateByPublicationMonth(absl::CivilDay(2024, 5, 15), &contacts);
  EXPECT_EQ(contacts[0].time.granularity, TimeGranularity::kMonth);
  EXPECT_EQ(contacts[0].time.start, absl::CivilDay(2024, 5, 1));
  EXPECT_EQ(contacts[1].time.granularity, TimeGranularity::kNone);
}

TEST(MergeTest, UndatedMentionsOfNearbyPlacesMerge) {
  std::vector<ContactCandidate> in;
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 0));
  in.back().contact.location.city = "Lahore";
  in.push_back(Candidate(ContactKind::kMeeting, ContactStatus::kOccurred,
                         {Person("a", "USA"), Person("b", "CHN")}, 1));
  in.back().contact.location.city = "Raiwind";
  EXPECT_EQ(MergeContacts(std::move(in)).size(), 1u);
}

TEST(MergeTest, SameKeyAgreesWithKeyOf) {
  const std::vector<Actor> actors = {
      {.id = "wang-yi", .name = "Wang Yi"},
      {.id = "wang-yi"},
      {.name = "Wang Yi"},
      {.name = "Wang Yi", .country_code = "CHN"},
      {.kind = ActorKind::kGroup, .country_code = "CHN"},
      {.kind = ActorKind::kGroup, .country_code = "USA"},
      {.id = "name:Wang Yi"},  // an id spelling another form's key
      {.id = "group:CHN"},
      {.id = "group:CH"},
  };
  for (const Actor& a : actors) {
    for (const Actor& b : actors) {
      EXPECT_EQ(SameKey(a, b), KeyOf(a) == KeyOf(b))
          << KeyOf(a) << " vs " << KeyOf(b);
    }
  }
}

}  // namespace
}  // namespace attache::extract
