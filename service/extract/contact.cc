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

}  // namespace

std::string KeyOf(const Actor& actor) {
  const std::array<absl::string_view, 2> parts = KeyParts(actor);
  return absl::StrCat(parts[0], parts[1]);
}

int CompareKeys(const Actor& a, const Actor& b) {
  // Walks both keys piece by piece, as the concatenations would compare.
  std::array<absl::string_view, 2> x = KeyParts(a);
  std::array<absl::string_view, 2> y = KeyParts(b);
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
      return static_cast<int>(i < x.size()) - static_cast<int>(j < y.size());
    }
    const size_t n = std::min(x[i].size(), y[j].size());
    if (const int c = x[i].substr(0, n).compare(y[j].substr(0, n)); c != 0) {
      return c;
    }
    x[i].remove_prefix(n);
    y[j].remove_prefix(n);
  }
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
  return x[0] == y[0] ? x[1] == y[1] : CompareKeys(a, b) == 0;
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
