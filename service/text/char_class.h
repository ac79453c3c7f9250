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

// The character starting at text[pos] (pos < text.size()). Ill-formed bytes
// are reported one at a time as U+FFFD, neither letter nor digit.
CharInfo CharAt(absl::string_view text, size_t pos);

// Start of the character that ends just before text[pos] (0 < pos).
size_t PreviousCharStart(absl::string_view text, size_t pos);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_CHAR_CLASS_H_
