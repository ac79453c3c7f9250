// Character classes over UTF-8 text, shared by the segmenter, tokeniser and
// boilerplate classifier. ASCII is answered inline; other code points go
// through ICU's character properties.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_CHAR_CLASS_H_
#define ATTACHE_TEXT_CHAR_CLASS_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace attache::text {

struct CharInfo {
  char32_t code_point = 0;
  int length = 1;  // bytes; 1 for an ill-formed byte
  bool letter = false;
  bool upper = false;  // an upper- or title-case letter
  bool lower = false;
  bool digit = false;

  bool alnum() const { return letter || digit; }
};

// CharAt() for a non-ASCII lead byte.
CharInfo NonAsciiCharAt(absl::string_view text, size_t pos);

// The character starting at text[pos] (pos < text.size()). Ill-formed bytes
// are reported one at a time as U+FFFD, neither letter nor digit.
inline CharInfo CharAt(absl::string_view text, size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte >= 0x80) {
    return NonAsciiCharAt(text, pos);
  }
  CharInfo info;
  info.code_point = byte;
  info.upper = byte >= 'A' && byte <= 'Z';
  info.lower = byte >= 'a' && byte <= 'z';
  info.letter = info.upper || info.lower;
  info.digit = byte >= '0' && byte <= '9';
  return info;
}

// Start of the character that ends just before text[pos] (0 < pos).
size_t PreviousCharStart(absl::string_view text, size_t pos);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_CHAR_CLASS_H_
