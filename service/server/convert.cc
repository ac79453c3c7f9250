#include "server/convert.h"

#include <string>

#include "absl/time/time.h"
#include "server/unchecked.pb.h"

namespace attache::server {
namespace {

v1::ActorKind ToProto(extract::ActorKind kind) {
  switch (kind) {
    case extract::ActorKind::kPerson:
      return v1::ACTOR_KIND_PERSON;
    case extract::ActorKind::kState:
      return v1::ACTOR_KIND_STATE;
    case extract::ActorKind::kOrganization:
      return v1::ACTOR_KIND_ORGANIZATION;
    case extract::ActorKind::kGroup:
      return v1::ACTOR_KIND_GROUP;
  }
  return v1::ACTOR_KIND_UNSPECIFIED;
}

v1::ParticipantRole ToProto(extract::ParticipantRole role) {
  switch (role) {
    case extract::ParticipantRole::kVisitor:
      return v1::PARTICIPANT_ROLE_VISITOR;
    case extract::ParticipantRole::kHost:
      return v1::PARTICIPANT_ROLE_HOST;
    case extract::ParticipantRole::kCounterpart:
      return v1::PARTICIPANT_ROLE_COUNTERPART;
    case extract::ParticipantRole::kAttendee:
      return v1::PARTICIPANT_ROLE_ATTENDEE;
    case extract::ParticipantRole::kMediator:
      return v1::PARTICIPANT_ROLE_MEDIATOR;
  }
  return v1::PARTICIPANT_ROLE_UNSPECIFIED;
}

v1::ContactKind ToProto(extract::ContactKind kind) {
  switch (kind) {
    case extract::ContactKind::kMeeting:
      return v1::CONTACT_KIND_MEETING;
    case extract::ContactKind::kCall:
      return v1::CONTACT_KIND_CALL;
    case extract::ContactKind::kVisit:
      return v1::CONTACT_KIND_VISIT;
    case extract::ContactKind::kCorrespondence:
      return v1::CONTACT_KIND_CORRESPONDENCE;
  }
  return v1::CONTACT_KIND_UNSPECIFIED;
}

v1::ContactStatus ToProto(extract::ContactStatus status) {
  switch (status) {
    case extract::ContactStatus::kOccurred:
      return v1::CONTACT_STATUS_OCCURRED;
    case extract::ContactStatus::kOngoing:
      return v1::CONTACT_STATUS_ONGOING;
    case extract::ContactStatus::kPlanned:
      return v1::CONTACT_STATUS_PLANNED;
    case extract::ContactStatus::kSpeculated:
      return v1::CONTACT_STATUS_SPECULATED;
    case extract::ContactStatus::kCanceled:
      return v1::CONTACT_STATUS_CANCELED;
  }
  return v1::CONTACT_STATUS_UNSPECIFIED;
}

v1::TimeGranularity ToProto(extract::TimeGranularity granularity) {
  switch (granularity) {
    case extract::TimeGranularity::kNone:
      return v1::TIME_GRANULARITY_UNSPECIFIED;
    case extract::TimeGranularity::kDay:
      return v1::TIME_GRANULARITY_DAY;
    case extract::TimeGranularity::kMonth:
      return v1::TIME_GRANULARITY_MONTH;
    case extract::TimeGranularity::kSeason:
      return v1::TIME_GRANULARITY_SEASON;
    case extract::TimeGranularity::kYear:
      return v1::TIME_GRANULARITY_YEAR;
  }
  return v1::TIME_GRANULARITY_UNSPECIFIED;
}

v1::EvidenceField ToProto(extract::TextField field) {
  switch (field) {
    case extract::TextField::kTitle:
      return v1::EVIDENCE_FIELD_TITLE;
    case extract::TextField::kBody:
      return v1::EVIDENCE_FIELD_BODY;
  }
  return v1::EVIDENCE_FIELD_UNSPECIFIED;
}

void ToProto(absl::CivilDay day, v1::CivilDate* out) {
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
}

void ToProto(const extract::Actor& actor, v1::Actor* out) {
  out->set_id(actor.id);
  out->set_name(actor.name);
  out->set_kind(ToProto(actor.kind));
  out->set_country_code(actor.country_code);
  out->set_role(actor.role);
  out->set_mention(actor.mention);
}

void ToProto(const extract::TimeSpec& time, v1::TimeSpec* out) {
  out->set_text(time.text);
  out->set_granularity(ToProto(time.granularity));
  if (time.granularity == extract::TimeGranularity::kNone) return;
  ToProto(time.start, out->mutable_start());
  ToProto(time.end, out->mutable_end());
}

// EvidenceMessage: v1::Evidence or UncheckedEvidence.
template <typename EvidenceMessage>
void ToProto(const extract::Evidence& evidence, absl::string_view article_id,
             EvidenceMessage* out) {
  out->set_article_id(std::string(article_id));
  out->set_sentence_index(evidence.sentence_index);
  out->set_begin_offset(static_cast<int32_t>(evidence.begin));
  out->set_end_offset(static_cast<int32_t>(evidence.end));
  out->set_sentence(evidence.sentence);
  out->set_field(ToProto(evidence.field));
}

}  // namespace

extract::ArticleText ToArticleText(const v1::Article& article,
                                   absl::string_view id) {
  extract::ArticleText text;
  text.id = std::string(id);
  text.title = article.title();
  text.body = article.body();
  if (article.has_published_time()) {
    text.published = absl::ToCivilDay(
        absl::FromUnixSeconds(article.published_time().seconds()),
        absl::UTCTimeZone());
  }
  return text;
}

extract::ExtractOptions ToExtractOptions(const v1::ExtractionOptions& options,
                                         const std::atomic<bool>* cancelled,
                                         absl::Time deadline) {
  extract::ExtractOptions result;
  result.debug = options.debug();
  result.min_confidence = options.min_confidence();
  result.cancelled = cancelled;
  result.deadline = deadline;
  return result;
}

template <typename ContactMessage>
void ToProto(const extract::Contact& contact, absl::string_view article_id,
             ContactMessage* out) {
  out->Clear();
  out->set_id(contact.id);
  out->set_kind(ToProto(contact.kind));
  out->set_status(ToProto(contact.status));
  for (const extract::Participant& participant : contact.participants) {
    v1::Participant* proto = out->add_participants();
    ToProto(participant.actor, proto->mutable_actor());
    proto->set_role(ToProto(participant.role));
  }
  ToProto(contact.time, out->mutable_time());
  v1::Location* location = out->mutable_location();
  location->set_text(contact.location.text);
  location->set_city(contact.location.city);
  location->set_venue(contact.location.venue);
  location->set_country_code(contact.location.country_code);
  for (const std::string& topic : contact.topics) out->add_topics(topic);
  for (const extract::Evidence& evidence : contact.evidence) {
    ToProto(evidence, article_id, out->add_evidence());
  }
  out->set_confidence(contact.confidence);
  out->set_article_id(std::string(article_id));
  for (const std::string& rule : contact.debug_rules) {
    out->add_debug_rules(rule);
  }
}

template void ToProto(const extract::Contact& contact,
                      absl::string_view article_id, v1::Contact* out);
template void ToProto(const extract::Contact& contact,
                      absl::string_view article_id, UncheckedContact* out);

}  // namespace attache::server
