#include "cli/format.h"

#include <algorithm>
#include <array>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"

namespace attache::cli {
namespace {

constexpr size_t kMinEvidenceWidth = 24;
constexpr absl::string_view kEvidenceIndent = "    ";
constexpr absl::string_view kSeparator = "  ";
constexpr absl::string_view kEllipsis = "…";

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string DateText(const v1::CivilDate& date,
                     v1::TimeGranularity granularity) {
  switch (granularity) {
    case v1::TIME_GRANULARITY_YEAR:
      return absl::StrFormat("%04d", date.year());
    case v1::TIME_GRANULARITY_MONTH:
    case v1::TIME_GRANULARITY_SEASON:
      return absl::StrFormat("%04d-%02d", date.year(), date.month());
    default:
      return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                             date.day());
  }
}

bool SameDate(const v1::CivilDate& a, const v1::CivilDate& b) {
  return a.year() == b.year() && a.month() == b.month() && a.day() == b.day();
}

// `text` followed by spaces up to `width` columns.
std::string Pad(absl::string_view text, size_t width) {
  const size_t used = DisplayWidth(text);
  return absl::StrCat(text, std::string(width > used ? width - used : 0, ' '));
}

}  // namespace

std::string JsonLine(const google::protobuf::Message& message) {
  std::string json;
  // Serialising a message the process built itself cannot fail.
  (void)google::protobuf::util::MessageToJsonString(message, &json);
  json.push_back('\n');
  return json;
}

std::string EnumLabel(absl::string_view value_name, absl::string_view prefix) {
  absl::ConsumePrefix(&value_name, prefix);
  return absl::AsciiStrToLower(value_name);
}

std::string ParticipantText(const v1::Participant& participant) {
  const v1::Actor& actor = participant.actor();
  std::vector<std::string> details;
  if (!actor.country_code().empty()) details.push_back(actor.country_code());
  if (participant.role() != v1::PARTICIPANT_ROLE_UNSPECIFIED) {
    details.push_back(EnumLabel(v1::ParticipantRole_Name(participant.role()),
                                "PARTICIPANT_ROLE_"));
  }
  std::string text = !actor.name().empty()      ? actor.name()
                     : !actor.mention().empty() ? actor.mention()
                                                : "(unnamed)";
  if (!details.empty()) {
    absl::StrAppend(&text, " (", absl::StrJoin(details, ", "), ")");
  }
  return text;
}

std::string WhenText(const v1::TimeSpec& time) {
  if (time.granularity() == v1::TIME_GRANULARITY_UNSPECIFIED) {
    return time.text().empty() ? "-" : absl::StrCat("\"", time.text(), "\"");
  }
  std::string when = DateText(time.start(), time.granularity());
  if (time.has_end() && !SameDate(time.start(), time.end())) {
    const std::string end = DateText(time.end(), time.granularity());
    if (end != when) absl::StrAppend(&when, "..", end);
  }
  return when;
}

std::string WhereText(const v1::Location& location) {
  if (!location.city().empty()) {
    return location.country_code().empty()
               ? location.city()
               : absl::StrCat(location.city(), ", ", location.country_code());
  }
  if (!location.venue().empty()) return location.venue();
  if (!location.text().empty()) return location.text();
  return location.country_code().empty() ? "-" : location.country_code();
}

size_t DisplayWidth(absl::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return !IsContinuationByte(c); });
}

std::string Truncate(absl::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return "";
  // Keep width - 1 code points and end with the ellipsis.
  size_t end = 0;
  for (size_t kept = 0; end < text.size(); ++end) {
    if (!IsContinuationByte(text[end]) && kept++ == width - 1) break;
  }
  return absl::StrCat(absl::StripTrailingAsciiWhitespace(text.substr(0, end)),
                      kEllipsis);
}

std::string ContactTable(absl::Span<const v1::Contact> contacts,
                         const v1::ExtractionSummary& summary, size_t width) {
  // WHO has a line per participant; KIND, STATUS, WHEN and WHERE sit on the
  // first line of a row.
  struct Row {
    std::vector<std::string> who;
    std::array<std::string, 4> middle;
    std::string evidence;
  };
  std::vector<Row> rows = {
      {{"WHO"}, {"KIND", "STATUS", "WHEN", "WHERE"}, "EVIDENCE"}};
  for (const v1::Contact& contact : contacts) {
    Row row;
    for (const v1::Participant& participant : contact.participants()) {
      row.who.push_back(ParticipantText(participant));
    }
    if (row.who.empty()) row.who.emplace_back("-");
    row.middle = {
        EnumLabel(v1::ContactKind_Name(contact.kind()), "CONTACT_KIND_"),
        EnumLabel(v1::ContactStatus_Name(contact.status()), "CONTACT_STATUS_"),
        WhenText(contact.time()), WhereText(contact.location())};
    row.evidence =
        contact.evidence().empty() ? "-" : contact.evidence(0).sentence();
    rows.push_back(std::move(row));
  }
  size_t who_width = 0;
  std::array<size_t, 4> widths{};
  for (const Row& row : rows) {
    for (const std::string& line : row.who) {
      who_width = std::max(who_width, DisplayWidth(line));
    }
    for (size_t i = 0; i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row.middle[i]));
    }
  }
  size_t used = who_width + kSeparator.size();
  for (const size_t column : widths) used += column + kSeparator.size();
  // Evidence is the last column when it gets enough room, else it goes on
  // an indented line of its own under each row.
  const bool evidence_column = width >= used + kMinEvidenceWidth;

  std::string table;
  for (size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    for (size_t i = 0; i < row.who.size(); ++i) {
      std::string line = absl::StrCat(Pad(row.who[i], who_width), kSeparator);
      for (size_t c = 0; c < widths.size(); ++c) {
        absl::StrAppend(&line, Pad(i == 0 ? row.middle[c] : "", widths[c]),
                        kSeparator);
      }
      if (i == 0 && evidence_column) {
        absl::StrAppend(&line, Truncate(row.evidence, width - used));
      }
      absl::StrAppend(&table, absl::StripTrailingAsciiWhitespace(line), "\n");
    }
    if (!evidence_column && r > 0) {
      absl::StrAppend(
          &table, kEvidenceIndent,
          Truncate(row.evidence, width > kEvidenceIndent.size()
                                     ? width - kEvidenceIndent.size()
                                     : kMinEvidenceWidth),
          "\n");
    }
  }
  absl::StrAppendFormat(
      &table, "%d contact%s in %d sentences, %d mentions (article %s)\n",
      summary.contact_count(), summary.contact_count() == 1 ? "" : "s",
      summary.sentence_count(), summary.mention_count(), summary.article_id());
  return table;
}

}  // namespace attache::cli
