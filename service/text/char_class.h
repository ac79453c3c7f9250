// Character classes over UTF-8 text, shared by the segmenter, tokeniser and
// boilerplate classifier. ASCII is answered inline; other code points go
// through ICU's character properties.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_CHAR_CLASS_H_
#define ATTACHE_TEXT_CHAR_CLASS_H_

#include <array>
#include <cstddef>
#include <cstdint>

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

// Properties of a byte, from one table lookup, for inner loops: ASCII
// letters and digits, spaces (' ', '\n', '\t') and bytes 0x80 and above.
enum ByteBits : uint8_t {
  kUpperByte = 1 << 0,
  kLowerByte = 1 << 1,
  kDigitByte = 1 << 2,
  kSpaceByte = 1 << 3,
  kHighByte = 1 << 4,
  kLetterByte = kUpperByte | kLowerByte,
  kAlnumByte = kLetterByte | kDigitByte,
};

constexpr std::array<uint8_t, 256> MakeByteBits() {
  std::array<uint8_t, 256> bits{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'A' && c <= 'Z') {
      bits[c] = kUpperByte;
    } else if (c >= 'a' && c <= 'z') {
      bits[c] = kLowerByte;
    } else if (c >= '0' && c <= '9') {
      bits[c] = kDigitByte;
    } else if (c == ' ' || c == '\n' || c == '\t') {
      bits[c] = kSpaceByte;
    } else if (c >= 0x80) {
      bits[c] = kHighByte;
    }
  }
  return bits;
}
inline constexpr std::array<uint8_t, 256> kByteBits = MakeByteBits();

inline uint8_t BitsOf(char c) {
  return kByteBits[static_cast<unsigned char>(c)];
}

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
