#include "extract/contact_json.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace attache::extract {
namespace {

using nlohmann::json;

std::optional<absl::CivilDay> ParseDay(const std::string& text) {
  absl::CivilDay day;
  if (text.size() == 10 && absl::ParseCivilTime(text, &day)) {
    return day;
  }
  return std::nullopt;
}

json NullIfEmpty(const std::string& s) { return s.empty() ? json() : json(s); }

// Dumps with invalid UTF-8 replaced rather than thrown on.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

const char* Enum(ActorKind kind) {
  switch (kind) {
    case ActorKind::kPerson:
      return "ACTOR_KIND_PERSON";
    case ActorKind::kState:
      return "ACTOR_KIND_STATE";
    case ActorKind::kOrganization:
      return "ACTOR_KIND_ORGANIZATION";
    case ActorKind::kGroup:
      return "ACTOR_KIND_GROUP";
  }
  return "ACTOR_KIND_UNSPECIFIED";
}

const char* Enum(ParticipantRole role) {
  switch (role) {
    case ParticipantRole::kVisitor:
      return "PARTICIPANT_ROLE_VISITOR";
    case ParticipantRole::kHost:
      return "PARTICIPANT_ROLE_HOST";
    case ParticipantRole::kCounterpart:
      return "PARTICIPANT_ROLE_COUNTERPART";
    case ParticipantRole::kAttendee:
      return "PARTICIPANT_ROLE_ATTENDEE";
    case ParticipantRole::kMediator:
      return "PARTICIPANT_ROLE_MEDIATOR";
  }
  return "PARTICIPANT_ROLE_UNSPECIFIED";
}

const char* Enum(TimeGranularity granularity) {
  switch (granularity) {
    case TimeGranularity::kDay:
      return "TIME_GRANULARITY_DAY";
    case TimeGranularity::kMonth:
      return "TIME_GRANULARITY_MONTH";
    case TimeGranularity::kSeason:
      return "TIME_GRANULARITY_SEASON";
    case TimeGranularity::kYear:
      return "TIME_GRANULARITY_YEAR";
    case TimeGranularity::kNone:
      break;
  }
  return "TIME_GRANULARITY_UNSPECIFIED";
}

json CivilDate(absl::CivilDay day) {
  return {{"year", day.year()}, {"month", day.month()}, {"day", day.day()}};
}

}  // namespace

absl::StatusOr<ArticleRecord> ParseArticleJson(absl::string_view text,
                                               absl::string_view fallback_id) {
  const json doc = json::parse(text.begin(), text.end(), nullptr,
                               /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(fallback_id, ": not a JSON object"));
  }
  ArticleRecord article;
  auto string_field = [&doc](const char* name) -> std::string {
    const auto it = doc.find(name);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : "";
  };
  article.id = string_field("id");
  if (article.id.empty()) {
    article.id = std::string{fallback_id};
  }
  article.title = string_field("title");
  article.body = string_field("body");
  const std::string published = string_field("published");
  if (!published.empty()) {
    article.published = ParseDay(published);
    if (!article.published.has_value()) {
      return absl::InvalidArgumentError(absl::StrCat(
          article.id, ": published is not YYYY-MM-DD: ", published));
    }
  }
  return article;
}

std::string EvalDate(const TimeSpec& time) {
  switch (time.granularity) {
    case TimeGranularity::kDay:
      return absl::FormatCivilTime(time.start);
    case TimeGranularity::kMonth:
      return absl::StrFormat("%04d-%02d", time.start.year(),
                             time.start.month());
    case TimeGranularity::kSeason:
    case TimeGranularity::kYear:
      return absl::StrFormat("%04d", time.start.year());
    case TimeGranularity::kNone:
      break;
  }
  return "";
}

std::string EvalLine(absl::string_view article_id,
                     const ExtractionResult& result) {
  json contacts = json::array();
  for (const Contact& c : result.contacts) {
    json participants = json::array();
    for (const Participant& p : c.participants) {
      // The guideline names persons only; a state or group side is null.
      const bool person = p.actor.kind == ActorKind::kPerson;
      participants.push_back(
          {{"name", person ? NullIfEmpty(p.actor.name) : json()},
           {"country", NullIfEmpty(p.actor.country_code)},
           {"role", NullIfEmpty(p.actor.role)}});
    }
    contacts.push_back(
        {{"participants", participants},
         {"kind", ContactKindName(c.kind)},
         {"status", ContactStatusName(c.status)},
         {"date", NullIfEmpty(EvalDate(c.time))},
         {"location", NullIfEmpty(c.location.city)},
         {"location_country", NullIfEmpty(c.location.country_code)},
         {"evidence",
          c.evidence.empty() ? json() : json(c.evidence.front().sentence)}});
  }
  return Dump({{"id", std::string{article_id}}, {"contacts", contacts}});
}

std::string ProtoJson(absl::string_view article_id, const Contact& c) {
  json participants = json::array();
  for (const Participant& p : c.participants) {
    participants.push_back({{"actor",
                             {{"id", p.actor.id},
                              {"name", p.actor.name},
                              {"kind", Enum(p.actor.kind)},
                              {"countryCode", p.actor.country_code},
                              {"role", p.actor.role}}},
                            {"role", Enum(p.role)}});
  }
  json time = {{"text", c.time.text},
               {"granularity", Enum(c.time.granularity)}};
  if (c.time.granularity != TimeGranularity::kNone) {
    time["start"] = CivilDate(c.time.start);
    time["end"] = CivilDate(c.time.end);
  }
  json evidence = json::array();
  for (const Evidence& e : c.evidence) {
    evidence.push_back(
        {{"articleId", std::string{article_id}},
         {"sentenceIndex", e.sentence_index},
         {"beginOffset", e.begin},
         {"endOffset", e.end},
         {"sentence", e.sentence},
         {"field", e.field == TextField::kTitle ? "EVIDENCE_FIELD_TITLE"
                                                : "EVIDENCE_FIELD_BODY"}});
  }
  json contact = {
      {"id", c.id},
      {"kind", absl::StrCat("CONTACT_KIND_", ContactKindName(c.kind))},
      {"status", absl::StrCat("CONTACT_STATUS_", ContactStatusName(c.status))},
      {"participants", participants},
      {"time", time},
      {"location",
       {{"text", c.location.text},
        {"city", c.location.city},
        {"venue", c.location.venue},
        {"countryCode", c.location.country_code}}},
      {"topics", c.topics},
      {"evidence", evidence},
      {"confidence", c.confidence},
      {"articleId", std::string{article_id}}};
  if (!c.debug_rules.empty()) {
    contact["debugRules"] = c.debug_rules;
  }
  return Dump(contact);
}

std::string ProtoJsonLines(absl::string_view article_id,
                           const ExtractionResult& result) {
  std::string out;
  for (const Contact& c : result.contacts) {
    absl::StrAppend(&out, ProtoJson(article_id, c), "\n");
  }
  return out;
}

}  // namespace attache::extract
