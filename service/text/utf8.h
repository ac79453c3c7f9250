// UTF-8 validation and decoding.
//
// Every function here accepts arbitrary bytes and never reads outside the
// given view. "Well-formed" follows the Unicode standard (table 3-7): no
// overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF and
// no truncated sequences.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_UTF8_H_
#define ATTACHE_TEXT_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace attache::text {

// Returned by FindInvalidUtf8() for well-formed input.
inline constexpr size_t kValidUtf8 = absl::string_view::npos;

// Byte offset of the first byte of the first ill-formed sequence in `text`, or
// kValidUtf8 when all of `text` is well-formed.
size_t FindInvalidUtf8(absl::string_view text);

// OK for well-formed UTF-8; INVALID_ARGUMENT naming the byte offset of the
// first ill-formed sequence otherwise.
absl::Status ValidateUtf8(absl::string_view text);

// True when every byte of `text` is below 0x80.
bool IsAscii(absl::string_view text);

// The end of the run of bytes below 0x80 of `text` that starts at `pos`.
size_t AsciiRunEnd(absl::string_view text, size_t pos);

// Decodes the sequence starting at text[pos] (pos < text.size()). Returns its
// length (1 to 4) and stores the code point in *code_point, or returns 0 when
// the bytes at `pos` do not start a well-formed sequence.
int DecodeUtf8(absl::string_view text, size_t pos, char32_t* code_point);

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF, not a
// surrogate) to *out.
void AppendUtf8(char32_t code_point, std::string* out);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_UTF8_H_
