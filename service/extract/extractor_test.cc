#include "extract/extractor.h"

#include <string>

#include "extract/contact_json.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::extract {
namespace {

using ::testing::UnorderedElementsAre;

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kb = kb::KnowledgeBase::LoadFromDirectory(
        std::string(ATTACHE_EXTRACT_TESTDATA));
    ASSERT_TRUE(kb.ok()) << kb.status();
    auto extractor = Extractor::Create(*kb);
    ASSERT_TRUE(extractor.ok());
    extractor_ = extractor->release();
  }

  static absl::StatusOr<ExtractionResult> Run(absl::string_view title,
                                              absl::string_view body) {
    ArticleText article{.id = "t",
                        .title = title,
                        .body = body,
                        .published = absl::CivilDay(2024, 5, 15)};
    return extractor_->Extract(article, ExtractOptions{});
  }

  static std::vector<std::string> Names(const Contact& c) {
    std::vector<std::string> names;
    for (const Participant& p : c.participants) {
      names.push_back(p.actor.name.empty() ? p.actor.country_code
                                           : p.actor.name);
    }
    return names;
  }

  static inline Extractor* extractor_ = nullptr;
};

TEST_F(ExtractorTest, MeetingWithTitleResolvedByOfficeHolder) {
  auto r = Run("",
               "Secretary of State Alder Quint met Monday with China's "
               "vice president in Geneva.");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->contacts.size(), 1u);
  const Contact& c = r->contacts[0];
  EXPECT_EQ(c.kind, ContactKind::kMeeting);
  EXPECT_EQ(c.status, ContactStatus::kOccurred);
  EXPECT_THAT(Names(c), UnorderedElementsAre("Alder Quint", "Bao Lin"));
  EXPECT_EQ(c.time.start, absl::CivilDay(2024, 5, 13));
  EXPECT_EQ(c.location.city, "Geneva");
}

TEST_F(ExtractorTest, HeadlineAndBodyMergeIntoOneContact) {
  auto r = Run("Quint meets Chinese VP Bao Lin",
               "Alder Quint and Vice President Bao Lin held talks Monday. "
               "Bao told Quint that ties need care.");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_GE(r->contacts[0].evidence.size(), 2u);
}

TEST_F(ExtractorTest, VisitAndCanceledTrip) {
  auto r = Run("",
               "Quint visited Beijing last month after canceling a "
               "planned trip there in February.");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->contacts.size(), 2u);
  EXPECT_EQ(r->contacts[0].kind, ContactKind::kVisit);
  EXPECT_EQ(r->contacts[0].location.country_code, "CHN");
  EXPECT_NE(r->contacts[0].status, r->contacts[1].status);
}

TEST_F(ExtractorTest, HostSideIsNamedAfterItsState) {
  auto r = Run("", "Alder Quint arrived in Beijing on Monday.");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->contacts.size(), 1u);
  const Contact& visit = r->contacts[0];
  ASSERT_EQ(visit.kind, ContactKind::kVisit);
  bool host = false;
  for (const Participant& p : visit.participants) {
    if (p.actor.kind != ActorKind::kPerson) {
      host = true;
      EXPECT_EQ(p.actor.country_code, "CHN");
      EXPECT_EQ(p.actor.name, "China");
      // The guideline's format names persons only.
      EXPECT_THAT(
          EvalLine("a", *r),
          ::testing::HasSubstr(R"({"country":"CHN","name":null,"role":null})"));
    }
  }
  EXPECT_TRUE(host);
}

TEST_F(ExtractorTest, NegatedMeetingIsDropped) {
  auto r = Run("", "Alder Quint did not meet Ivo Petrenko in Paris.");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->contacts.empty());
}

TEST_F(ExtractorTest, DomesticMeetingIsNoContact) {
  auto r = Run("", "President Dana Whitcombe met Alder Quint on Friday.");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->contacts.empty());
}

TEST_F(ExtractorTest, CounterpartResolvedThroughOffice) {
  auto r = Run("", "Alder Quint will meet his Russian counterpart on Friday.");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_THAT(Names(r->contacts[0]),
              UnorderedElementsAre("Alder Quint", "Ivo Petrenko"));
  EXPECT_EQ(r->contacts[0].status, ContactStatus::kPlanned);
}

TEST_F(ExtractorTest, InvalidUtf8IsAnError) {
  auto r = Run("", "Quint met \xC3\x28 Bao.");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), ::testing::HasSubstr("10"));
}

TEST_F(ExtractorTest, EmptyBodyIsAnError) {
  EXPECT_EQ(Run("Title", "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ExtractorTest, HostileInputsNeverCrash) {
  std::string big;
  while (big.size() < size_t{5} * 1024 * 1024) {
    big += "Alder Quint met Bao Lin in Geneva on Monday. Markets rose. ";
  }
  EXPECT_TRUE(Run("", big).ok());
  EXPECT_TRUE(Run("", std::string(100000, 'a')).ok());
  std::string names;
  for (int i = 0; i < 10000; ++i) {
    names += "Alder Quint, Bao Lin, ";
  }
  EXPECT_TRUE(Run("", names + "met.").ok());
  EXPECT_TRUE(Run("QUINT MEETS BAO IN GENEVA", "ALL CAPS BODY MET.").ok());
  EXPECT_TRUE(Run("", "Subscribe to our newsletter. Read more.").ok());
  EXPECT_TRUE(Run("", "'s 's , , met met with with between").ok());
}

TEST_F(ExtractorTest, CancellationIsHonoured) {
  std::atomic<bool> cancelled{true};
  ArticleText article{.id = "t", .body = "Quint met Bao."};
  ExtractOptions options;
  options.cancelled = &cancelled;
  EXPECT_EQ(extractor_->Extract(article, options).status().code(),
            absl::StatusCode::kCancelled);
  options.cancelled = nullptr;
  options.deadline = absl::InfinitePast();
  EXPECT_EQ(extractor_->Extract(article, options).status().code(),
            absl::StatusCode::kDeadlineExceeded);
}

}  // namespace
}  // namespace attache::extract
