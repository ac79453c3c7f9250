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

}  // namespace
}  // namespace attache::extract
