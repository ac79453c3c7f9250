#include "extract/contact.h"

#include <array>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace attache::extract {
namespace {

// KeyOf(actor) as its prefix and its value.
std::array<absl::string_view, 2> KeyParts(const Actor& actor) {
  if (!actor.id.empty()) {
    return {"", actor.id};
  }
  if (!actor.name.empty()) {
    return {"name:", actor.name};
  }
  return {"group:", actor.country_code};
}

}  // namespace

std::string KeyOf(const Actor& actor) {
  const std::array<absl::string_view, 2> parts = KeyParts(actor);
  return absl::StrCat(parts[0], parts[1]);
}

bool SameKey(const Actor& a, const Actor& b) {
  if (!a.id.empty() && !b.id.empty()) {
    return a.id == b.id;  // the usual case: both keys are ids
  }
  const std::array<absl::string_view, 2> x = KeyParts(a);
  const std::array<absl::string_view, 2> y = KeyParts(b);
  if (x[0].size() + x[1].size() != y[0].size() + y[1].size()) {
    return false;
  }
  if (x[0] == y[0]) {
    return x[1] == y[1];
  }
  // Keys of different forms are equal only if an id spells the other form:
  // with equal lengths, starting with its prefix and ending with its value.
  if (!x[0].empty() && !y[0].empty()) {
    return false;
  }
  const absl::string_view id = x[0].empty() ? x[1] : y[1];
  const std::array<absl::string_view, 2>& other = x[0].empty() ? y : x;
  return absl::StartsWith(id, other[0]) && absl::EndsWith(id, other[1]);
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
