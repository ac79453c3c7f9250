#include "extract/contact.h"

#include <algorithm>
#include <array>

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

// True when the concatenations x[0] + x[1] and y[0] + y[1] are equal,
// compared piece by piece.
bool JoinedEqual(std::array<absl::string_view, 2> x,
                 std::array<absl::string_view, 2> y) {
  size_t i = 0;
  size_t j = 0;
  while (true) {
    while (i < x.size() && x[i].empty()) {
      ++i;
    }
    while (j < y.size() && y[j].empty()) {
      ++j;
    }
    if (i == x.size() || j == y.size()) {
      return i == x.size() && j == y.size();
    }
    const size_t n = std::min(x[i].size(), y[j].size());
    if (x[i].substr(0, n) != y[j].substr(0, n)) {
      return false;
    }
    x[i].remove_prefix(n);
    y[j].remove_prefix(n);
  }
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
  // Keys of different forms are equal only if an id spells another form.
  return x[0] == y[0] ? x[1] == y[1] : JoinedEqual(x, y);
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
