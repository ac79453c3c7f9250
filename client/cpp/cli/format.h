// How the `attache` CLI prints results: an aligned table of contacts for
// people, and proto JSON (one object per line) for programs.
//
// Thread safety: pure functions.
#ifndef ATTACHE_CLI_FORMAT_H_
#define ATTACHE_CLI_FORMAT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "attache/v1/contact.pb.h"
#include "attache/v1/extraction_service.pb.h"
#include "google/protobuf/message.h"

namespace attache::cli {

// Width the table fits in when the terminal's width is unknown.
inline constexpr size_t kDefaultWidth = 80;

// `message` as one line of proto JSON (lowerCamelCase field names, default
// values omitted) followed by a newline.
std::string JsonLine(const google::protobuf::Message& message);

// The lower-case label of an enum value without its type prefix:
// CONTACT_STATUS_PLANNED -> "planned".
std::string EnumLabel(absl::string_view value_name, absl::string_view prefix);

// "Name (CODE, role)". The name falls back to the mention, then to
// "(unnamed)".
std::string ParticipantText(const v1::Participant& participant);

// The resolved date ("2024-03-05", "2024-03", "2024", or "start..end" for a
// range); the text as written when unresolved; "-" when absent.
std::string WhenText(const v1::TimeSpec& time);

// "City, CODE", the venue, or the text as written; "-" when absent.
std::string WhereText(const v1::Location& location);

// Number of terminal columns `text` takes (one per code point).
size_t DisplayWidth(absl::string_view text);

// `text` cut to at most `width` columns, ending with "…" when cut.
std::string Truncate(absl::string_view text, size_t width);

// The contacts as a table with the columns WHO (a line per participant),
// KIND, STATUS, WHEN, WHERE and EVIDENCE (the first supporting sentence, cut
// to fit in `width` columns), then a line with the counts of `summary`. When
// the other columns leave too little room, the evidence goes on an indented
// line of its own under each row.
std::string ContactTable(absl::Span<const v1::Contact> contacts,
                         const v1::ExtractionSummary& summary, size_t width);

}  // namespace attache::cli

#endif  // ATTACHE_CLI_FORMAT_H_
