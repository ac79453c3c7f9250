#include "extract/contact.h"

namespace attache::extract {

std::string KeyOf(const Actor& actor) {
  if (!actor.id.empty()) {
    return actor.id;
  }
  if (!actor.name.empty()) {
    return "name:" + actor.name;
  }
  return "group:" + actor.country_code;
}

const char* ContactKindName(ContactKind kind) {
  switch (kind) {
    case ContactKind::kMeeting:
      return "MEETING";
    case ContactKind::kCall:
      return "CALL";
    case ContactKind::kVisit:
      return "VISIT";
    case ContactKind::kCorrespondence:
      return "CORRESPONDENCE";
  }
  return "MEETING";
}

const char* ContactStatusName(ContactStatus status) {
  switch (status) {
    case ContactStatus::kOccurred:
      return "OCCURRED";
    case ContactStatus::kOngoing:
      return "ONGOING";
    case ContactStatus::kPlanned:
      return "PLANNED";
    case ContactStatus::kSpeculated:
      return "SPECULATED";
    case ContactStatus::kCanceled:
      return "CANCELED";
  }
  return "OCCURRED";
}

}  // namespace attache::extract
