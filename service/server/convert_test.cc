#include "server/convert.h"

#include <atomic>

#include "gtest/gtest.h"
#include "server/unchecked.pb.h"

namespace attache::server {
namespace {

extract::Contact PlannedVisit() {
  extract::Contact contact;
  contact.id = "c-42";
  contact.kind = extract::ContactKind::kVisit;
  contact.status = extract::ContactStatus::kPlanned;
  extract::Participant visitor;
  visitor.actor = {.id = "person/lena-marsh",
                   .name = "Lena Marsh",
                   .kind = extract::ActorKind::kPerson,
                   .country_code = "NZL",
                   .role = "Foreign Minister",
                   .mention = "New Zealand's top diplomat"};
  visitor.role = extract::ParticipantRole::kVisitor;
  extract::Participant host;
  host.actor = {.id = "state/CHL",
                .name = "Chile",
                .kind = extract::ActorKind::kState,
                .country_code = "CHL",
                .role = "",
                .mention = "Santiago"};
  host.role = extract::ParticipantRole::kHost;
  contact.participants = {visitor, host};
  contact.time = {.text = "next month",
                  .granularity = extract::TimeGranularity::kMonth,
                  .start = absl::CivilDay(2031, 4, 1),
                  .end = absl::CivilDay(2031, 4, 30)};
  contact.location = {.text = "in Santiago",
                      .city = "Santiago",
                      .venue = "",
                      .country_code = "CHL"};
  contact.topics = {"trade", "fisheries"};
  contact.evidence = {{.field = extract::TextField::kTitle,
                       .sentence_index = 0,
                       .begin = 0,
                       .end = 18,
                       .sentence = "Marsh to visit Chile"},
                      {.field = extract::TextField::kBody,
                       .sentence_index = 2,
                       .begin = 120,
                       .end = 170,
                       .sentence = "She will travel to Santiago next month."}};
  contact.confidence = 0.875;
  contact.debug_rules = {"visit.travel_to"};
  return contact;
}

TEST(ConvertTest, ContactCarriesEveryField) {
  v1::Contact proto;
  proto.set_id("stale value that must be cleared");
  proto.add_topics("stale");
  ToProto(PlannedVisit(), "art-9", &proto);

  EXPECT_EQ(proto.id(), "c-42");
  EXPECT_EQ(proto.article_id(), "art-9");
  EXPECT_EQ(proto.kind(), v1::CONTACT_KIND_VISIT);
  EXPECT_EQ(proto.status(), v1::CONTACT_STATUS_PLANNED);
  ASSERT_EQ(proto.participants_size(), 2);
  const v1::Participant& visitor = proto.participants(0);
  EXPECT_EQ(visitor.role(), v1::PARTICIPANT_ROLE_VISITOR);
  EXPECT_EQ(visitor.actor().id(), "person/lena-marsh");
  EXPECT_EQ(visitor.actor().name(), "Lena Marsh");
  EXPECT_EQ(visitor.actor().kind(), v1::ACTOR_KIND_PERSON);
  EXPECT_EQ(visitor.actor().country_code(), "NZL");
  EXPECT_EQ(visitor.actor().role(), "Foreign Minister");
  EXPECT_EQ(visitor.actor().mention(), "New Zealand's top diplomat");
  EXPECT_EQ(proto.participants(1).role(), v1::PARTICIPANT_ROLE_HOST);
  EXPECT_EQ(proto.participants(1).actor().kind(), v1::ACTOR_KIND_STATE);

  EXPECT_EQ(proto.time().text(), "next month");
  EXPECT_EQ(proto.time().granularity(), v1::TIME_GRANULARITY_MONTH);
  EXPECT_EQ(proto.time().start().year(), 2031);
  EXPECT_EQ(proto.time().start().month(), 4);
  EXPECT_EQ(proto.time().start().day(), 1);
  EXPECT_EQ(proto.time().end().day(), 30);

  EXPECT_EQ(proto.location().text(), "in Santiago");
  EXPECT_EQ(proto.location().city(), "Santiago");
  EXPECT_EQ(proto.location().country_code(), "CHL");
  ASSERT_EQ(proto.topics_size(), 2);
  EXPECT_EQ(proto.topics(1), "fisheries");

  ASSERT_EQ(proto.evidence_size(), 2);
  EXPECT_EQ(proto.evidence(0).field(), v1::EVIDENCE_FIELD_TITLE);
  EXPECT_EQ(proto.evidence(1).field(), v1::EVIDENCE_FIELD_BODY);
  EXPECT_EQ(proto.evidence(1).article_id(), "art-9");
  EXPECT_EQ(proto.evidence(1).sentence_index(), 2);
  EXPECT_EQ(proto.evidence(1).begin_offset(), 120);
  EXPECT_EQ(proto.evidence(1).end_offset(), 170);
  EXPECT_EQ(proto.evidence(1).sentence(),
            "She will travel to Santiago next month.");
  EXPECT_DOUBLE_EQ(proto.confidence(), 0.875);
  ASSERT_EQ(proto.debug_rules_size(), 1);
  EXPECT_EQ(proto.debug_rules(0), "visit.travel_to");
}

// What the server writes from the unchecked twin reads back as the same
// v1::Contact.
TEST(ConvertTest, UncheckedContactIsTheSameOnTheWire) {
  extract::Contact contact = PlannedVisit();
  contact.debug_rules = {"trigger:visit", "time:next-month"};
  v1::Contact checked;
  ToProto(contact, "art-9", &checked);
  UncheckedContact unchecked;
  ToProto(contact, "art-9", &unchecked);
  v1::Contact read_back;
  ASSERT_TRUE(read_back.ParseFromString(unchecked.SerializeAsString()));
  EXPECT_EQ(read_back.SerializeAsString(), checked.SerializeAsString());
  EXPECT_EQ(read_back.debug_rules_size(), 2);
}

TEST(ConvertTest, UnresolvedTimeHasNoDates) {
  extract::Contact contact = PlannedVisit();
  contact.time = extract::TimeSpec();
  contact.time.text = "soon";
  v1::Contact proto;
  ToProto(contact, "a", &proto);
  EXPECT_EQ(proto.time().text(), "soon");
  EXPECT_EQ(proto.time().granularity(), v1::TIME_GRANULARITY_UNSPECIFIED);
  EXPECT_FALSE(proto.time().has_start());
  EXPECT_FALSE(proto.time().has_end());
}

TEST(ConvertTest, EveryEnumValueMapsToASpecifiedProtoValue) {
  extract::Contact contact = PlannedVisit();
  v1::Contact proto;
  for (const auto kind :
       {extract::ContactKind::kMeeting, extract::ContactKind::kCall,
        extract::ContactKind::kVisit, extract::ContactKind::kCorrespondence}) {
    contact.kind = kind;
    ToProto(contact, "a", &proto);
    EXPECT_NE(proto.kind(), v1::CONTACT_KIND_UNSPECIFIED);
  }
  for (const auto status :
       {extract::ContactStatus::kOccurred, extract::ContactStatus::kOngoing,
        extract::ContactStatus::kPlanned, extract::ContactStatus::kSpeculated,
        extract::ContactStatus::kCanceled}) {
    contact.status = status;
    ToProto(contact, "a", &proto);
    EXPECT_NE(proto.status(), v1::CONTACT_STATUS_UNSPECIFIED);
  }
  for (const auto role :
       {extract::ParticipantRole::kVisitor, extract::ParticipantRole::kHost,
        extract::ParticipantRole::kCounterpart,
        extract::ParticipantRole::kAttendee,
        extract::ParticipantRole::kMediator}) {
    contact.participants[0].role = role;
    ToProto(contact, "a", &proto);
    EXPECT_NE(proto.participants(0).role(), v1::PARTICIPANT_ROLE_UNSPECIFIED);
  }
  for (const auto kind :
       {extract::ActorKind::kPerson, extract::ActorKind::kState,
        extract::ActorKind::kOrganization, extract::ActorKind::kGroup}) {
    contact.participants[0].actor.kind = kind;
    ToProto(contact, "a", &proto);
    EXPECT_NE(proto.participants(0).actor().kind(), v1::ACTOR_KIND_UNSPECIFIED);
  }
}

TEST(ConvertTest, ArticleTextAnchorsOnThePublishedDayInUtc) {
  v1::Article article;
  article.set_title("Talks");
  article.set_body("The ministers met.");
  // 2030-02-28T23:30:00Z
  article.mutable_published_time()->set_seconds(1898551800);
  const extract::ArticleText text = ToArticleText(article, "derived-id");
  EXPECT_EQ(text.id, "derived-id");
  EXPECT_EQ(text.title, "Talks");
  EXPECT_EQ(text.body, "The ministers met.");
  ASSERT_TRUE(text.published.has_value());
  EXPECT_EQ(*text.published, absl::CivilDay(2030, 2, 28));
  article.clear_published_time();
  EXPECT_FALSE(ToArticleText(article, "x").published.has_value());
}

TEST(ConvertTest, OptionsCarryTheCallsCancellationAndDeadline) {
  v1::ExtractionOptions options;
  options.set_debug(true);
  options.set_min_confidence(0.5);
  std::atomic<bool> cancelled{false};
  const absl::Time deadline = absl::FromUnixSeconds(1234);
  const extract::ExtractOptions converted =
      ToExtractOptions(options, &cancelled, deadline);
  EXPECT_TRUE(converted.debug);
  EXPECT_DOUBLE_EQ(converted.min_confidence, 0.5);
  EXPECT_EQ(converted.cancelled, &cancelled);
  EXPECT_EQ(converted.deadline, deadline);
}

}  // namespace
}  // namespace attache::server
