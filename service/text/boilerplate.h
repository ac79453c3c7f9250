// Boilerplate detection: the parts of a scraped article that are not the
// article (appeals, menus, bylines, credits, contact blocks, ...).
//
// Nothing is deleted: callers get a kind per paragraph or sentence and keep
// all offsets. Decisions use general features rather than publisher-specific
// strings: second-person appeal vocabulary ("your support", "subscribe"),
// the publisher's first-person plural voice ("our journalism"), separators
// ('|', '>', bullets), phone-number and date density, line-opening cue words
// ("Read more", "Photo:", "Tel.:", "By"), and position (short fragments after
// the last real paragraph).
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_BOILERPLATE_H_
#define ATTACHE_TEXT_BOILERPLATE_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace attache::text {

enum class BoilerplateKind : uint8_t {
  kNone,          // article content
  kAppeal,        // donation, subscription, newsletter, follow-us appeals
  kRelatedLink,   // "Read more", "Read also", "Related:", "See also"
  kByline,        // "By Jane Doe, Example Press"
  kPhotoCredit,   // "Photo: ...", "(Example Photo/Jane Doe)", image captions
  kNavigation,    // menus, breadcrumbs, language switchers, page fragments
  kContactInfo,   // "Tel.:", "Fax:", "Address:", e-mail addresses, URLs
  kLegal,         // copyright, "All rights reserved", cookie notices
  kShare,         // "Share this article", social buttons
  kCounter,       // hit counters and tracking badges
  kTimestamp,     // "2021/10/17 13:58", "Updated: ...", "3 minutes ago"
  kSourceCredit,  // "Source: ...", "Reporting by ...; Editing by ..."
  kMarkup,        // leaked code or style sheets
};

// Lower-case name of `kind`, e.g. "appeal".
const char* BoilerplateKindName(BoilerplateKind kind);

// Classifies one paragraph (normally one line) of normalised text on its own.
BoilerplateKind ClassifyParagraph(absl::string_view paragraph);

// Classifies one sentence of a content paragraph: catches an appeal glued to
// the lede ("Your support keeps us going.The minister ..."), a caption ending
// in a photo credit, a trailing "Read more:" link. Only the kinds that can
// hide inside a content paragraph are returned.
BoilerplateKind ClassifySentence(absl::string_view sentence);

// Given the sentences of a paragraph classified as an appeal, the number of
// leading sentences that belong to the appeal. The sentences after the last
// one with appeal vocabulary or the publisher's voice are content that was
// glued to the appeal ("... makes all the difference.The minister said").
size_t AppealPrefixLength(absl::Span<const absl::string_view> sentences);

// Refines per-paragraph kinds (from ClassifyParagraph) of one text, in order,
// with context: paragraphs in the publisher's voice ("we believe our
// journalism ...") next to appeals become appeals; short label lines next to
// contact or navigation blocks join them; short fragments after the last
// content paragraph become navigation.
void RefineInContext(absl::Span<const absl::string_view> paragraphs,
                     absl::Span<BoilerplateKind> kinds);

// ClassifyParagraph() on each of `paragraphs` into `kinds` (of the same
// size), then RefineInContext(), measuring each paragraph once.
void ClassifyParagraphs(absl::Span<const absl::string_view> paragraphs,
                        absl::Span<BoilerplateKind> kinds);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_BOILERPLATE_H_
