// Plain C++ types for the extraction engine's output: diplomatic contacts with
// their participants, time, location and evidence. They mirror the
// attache.v1 Protobuf messages without depending on Protobuf or gRPC; the
// server converts between the two.
#ifndef ATTACHE_EXTRACT_CONTACT_H_
#define ATTACHE_EXTRACT_CONTACT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"

namespace attache::extract {

enum class ActorKind { kPerson, kState, kOrganization, kGroup };
enum class ParticipantRole {
  kVisitor,
  kHost,
  kCounterpart,
  kAttendee,
  kMediator
};
enum class ContactKind { kMeeting, kCall, kVisit, kCorrespondence };
enum class ContactStatus {
  kOccurred,
  kOngoing,
  kPlanned,
  kSpeculated,
  kCanceled
};
enum class TimeGranularity { kNone, kDay, kMonth, kSeason, kYear };
enum class TextField { kTitle, kBody };

// Upper-case names as used by the guideline's gold format ("MEETING").
const char* ContactKindName(ContactKind kind);
const char* ContactStatusName(ContactStatus status);

// One side of a contact.
struct Actor {
  std::string id;  // knowledge-base id; empty when unknown
  // Canonical full name of a person; the short name of a state or
  // organisation ("India"); empty for an unnamed person.
  std::string name;
  ActorKind kind = ActorKind::kPerson;
  std::string country_code;  // ISO alpha-3 or organisation code
  std::string role;          // office held on the contact's date
  std::string mention;       // as written
};

// Identity of an actor within one article: its KB id, else its name, else
// its group's code.
std::string KeyOf(const Actor& actor);

// KeyOf(a) == KeyOf(b), without building the keys.
bool SameKey(const Actor& a, const Actor& b);

struct Participant {
  Actor actor;
  ParticipantRole role = ParticipantRole::kCounterpart;
};

struct TimeSpec {
  std::string text;  // as written; may be empty
  TimeGranularity granularity = TimeGranularity::kNone;
  absl::CivilDay start;  // meaningful only when granularity != kNone
  absl::CivilDay end;
};

struct Location {
  std::string text;
  std::string city;
  std::string venue;
  std::string country_code;
};

// A supporting sentence. Offsets are UTF-8 byte offsets into the original
// (unnormalised) title or body.
struct Evidence {
  TextField field = TextField::kBody;
  int sentence_index = 0;
  size_t begin = 0;
  size_t end = 0;
  std::string sentence;
};

struct Contact {
  std::string id;  // stable for the same contact of the same article
  ContactKind kind = ContactKind::kMeeting;
  ContactStatus status = ContactStatus::kOccurred;
  std::vector<Participant> participants;
  TimeSpec time;
  Location location;
  std::vector<std::string> topics;
  std::vector<Evidence> evidence;
  double confidence = 0.0;
  std::vector<std::string> debug_rules;  // filled only in debug mode
};

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_CONTACT_H_
