// Datelines: the place (and date, agency) that opens a news story before its
// first sentence proper: "ATLANTIS CITY - The ...", "(RIVERTON) - ...",
// "Port Vale, March 3 (EXN) The ...", "LONDINIUM (Example News / Wire -
// 3rd May, 2020) The ...".
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_DATELINE_H_
#define ATTACHE_TEXT_DATELINE_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "text/tokenize.h"

namespace attache::text {

// The byte offset in `text` where the sentence proper starts after a leading
// dateline, or 0 when `text` has none. `tokens` are the tokens of `text`.
size_t DatelineEnd(absl::string_view text, absl::Span<const Token> tokens);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_DATELINE_H_
