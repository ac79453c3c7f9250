// Text normalisation that keeps offsets into the original.
//
// Normalize() produces the text the rest of the pipeline reads:
//   - Unicode NFC (through ICU, only when the text has non-ASCII bytes);
//   - curly and angle quotes, primes -> ASCII ' and ";
//   - hyphens, en dashes, minus signs -> '-'; em dashes and bars -> " - ";
//   - the horizontal ellipsis -> "...";
//   - no-break, thin and other Unicode spaces, tabs and control characters
//     -> ' '; zero-width characters, soft hyphens and bidi marks removed;
//   - runs of spaces collapsed to one, spaces at line starts and ends removed;
//   - CR LF, CR, NEL, U+2028 and U+2029 -> '\n'; blank-line runs collapsed to
//     one blank line; leading and trailing newlines removed;
//   - a space inserted between a word and an opening curly quote glued to it
//     (`the“close` -> `the "close`), and after a closing one glued to a word;
//   - ill-formed UTF-8 sequences -> U+FFFD (callers normally validate first).
// The result's OffsetMap maps every normalised byte back to the original
// bytes it came from.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_NORMALIZE_H_
#define ATTACHE_TEXT_NORMALIZE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "text/offset_map.h"

namespace attache::text {

struct NormalizedText {
  std::string text;
  OffsetMap offsets;  // normalised byte ranges -> ranges of the original

  ByteRange ToOriginal(ByteRange normalized) const {
    return offsets.ToOriginal(normalized);
  }
};

// Normalises `original` as described above. Never fails; inputs of 2 GiB or
// more skip NFC composition (ICU indexes with 32-bit integers).
NormalizedText Normalize(absl::string_view original);

// Normalize() for text that FindInvalidUtf8() already found well-formed:
// skips checking it again.
NormalizedText NormalizeValidUtf8(absl::string_view original);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_NORMALIZE_H_
