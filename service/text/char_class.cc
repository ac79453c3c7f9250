#include "text/char_class.h"

#include "text/utf8.h"
#include "unicode/uchar.h"

namespace attache::text {

CharInfo NonAsciiCharAt(absl::string_view text, size_t pos) {
  CharInfo info;
  char32_t code_point = 0;
  const int length = DecodeUtf8(text, pos, &code_point);
  if (length == 0) {
    info.code_point = 0xFFFD;
    return info;
  }
  const auto c = static_cast<UChar32>(code_point);
  info.code_point = code_point;
  info.length = length;
  // Combining marks left after NFC belong to the letter before them.
  info.letter = u_isalpha(c) != 0 || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
  info.upper = u_isupper(c) != 0 || u_istitle(c) != 0;
  info.lower = u_islower(c) != 0;
  info.digit = u_isdigit(c) != 0;
  return info;
}

size_t PreviousCharStart(absl::string_view text, size_t pos) {
  size_t start = pos - 1;
  // A sequence has at most three continuation bytes.
  for (int i = 0; i < 3 && start > 0 &&
                  (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80;
       ++i) {
    --start;
  }
  return start;
}

}  // namespace attache::text
