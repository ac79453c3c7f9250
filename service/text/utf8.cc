#include "text/utf8.h"

#include <bit>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "text/byte_block.h"

namespace attache::text {
namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

size_t AsciiRunEnd(absl::string_view text, size_t pos) {
  // Most text is long ASCII runs: sixteen bytes are tested at once.
  while (pos + ByteBlock::kSize <= text.size()) {
    const uint32_t non_ascii = ByteBlock(text.data() + pos).NonAscii();
    if (non_ascii != 0) {
      return pos + std::countr_zero(non_ascii);
    }
    pos += ByteBlock::kSize;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    ++pos;
  }
  return pos;
}

int DecodeUtf8(absl::string_view text, size_t pos, char32_t* code_point) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[pos + i]);
  };
  const size_t available = text.size() - pos;
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  }
  int length = 0;
  // Bounds of the second byte; later bytes are always 0x80..0xBF.
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) {  // overlong
      second_min = 0xA0;
    }
    if (lead == 0xED) {  // surrogates
      second_max = 0x9F;
    }
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) {  // overlong
      second_min = 0x90;
    }
    if (lead == 0xF4) {  // above U+10FFFF
      second_max = 0x8F;
    }
  } else {
    return 0;
  }
  if (available < static_cast<size_t>(length)) {
    return 0;
  }
  if (byte(1) < second_min || byte(1) > second_max) {
    return 0;
  }
  char32_t value = lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    if (!IsContinuation(byte(i))) {
      return 0;
    }
    value = (value << 6) | (byte(i) & 0x3F);
  }
  *code_point = value;
  return length;
}

size_t FindInvalidUtf8(absl::string_view text) {
  size_t pos = 0;
  while (true) {
    pos = AsciiRunEnd(text, pos);
    if (pos >= text.size()) {
      return kValidUtf8;
    }
    char32_t code_point;
    const int length = DecodeUtf8(text, pos, &code_point);
    if (length == 0) {
      return pos;
    }
    pos += length;
  }
}

absl::Status ValidateUtf8(absl::string_view text) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad == kValidUtf8) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("invalid UTF-8 at byte offset ", bad));
}

bool IsAscii(absl::string_view text) {
  return AsciiRunEnd(text, 0) == text.size();
}

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

}  // namespace attache::text
