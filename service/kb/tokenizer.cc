#include "kb/tokenizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "text/utf8.h"

namespace attache::kb {
namespace {

using internal::CharClass;
using internal::kAscii;
using internal::kMaxAbbreviationLength;

struct CharInfo {
  CharClass cls = CharClass::kBreak;
  bool upper = false;
  uint8_t folded_length = 0;
  std::array<char, 5> folded = {};
};

// Characters below this code point are classified once, in a table; the rest
// (rare in English news) on the fly.
constexpr UChar32 kTableSize = 0x3000;

// Letters, digits and marks make words.
bool InWord(CharClass cls) {
  return cls == CharClass::kLetter || cls == CharClass::kDigit ||
         cls == CharClass::kMark;
}

// Letters that lose no accent under decomposition but have a usual ASCII
// spelling in English text.
const char* SpecialFold(UChar32 c) {
  switch (c) {
    case 0x00DF:  // ß
    case 0x1E9E:  // ẞ
      return "ss";
    case 0x00C6:  // Æ
    case 0x00E6:
      return "ae";
    case 0x0152:  // Œ
    case 0x0153:
      return "oe";
    case 0x00D8:  // Ø
    case 0x00F8:
      return "o";
    case 0x0141:  // Ł
    case 0x0142:
      return "l";
    case 0x0110:  // Đ
    case 0x0111:
    case 0x00D0:  // Ð
    case 0x00F0:
      return "d";
    case 0x00DE:  // Þ
    case 0x00FE:
      return "th";
    case 0x0131:  // dotless ı
      return "i";
    case 0x0126:  // Ħ
    case 0x0127:
      return "h";
    default:
      return nullptr;
  }
}

bool IsMark(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_MC_MASK | U_GC_ME_MASK)) != 0;
}

bool Succeeded(UErrorCode status) { return U_SUCCESS(status) != 0; }

// Lower case, compatibility-decomposed, without combining marks.
std::string FoldLetter(UChar32 c) {
  if (const char* special = SpecialFold(c)) {
    return special;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  std::string out;
  if (Succeeded(status)) {
    const icu::UnicodeString decomposed =
        nfkd->normalize(icu::UnicodeString(c), status);
    for (int32_t i = 0; Succeeded(status) && i < decomposed.length();
         i += U16_LENGTH(decomposed.char32At(i))) {
      const UChar32 part = decomposed.char32At(i);
      if (IsMark(part)) {
        continue;
      }
      if (const char* special = SpecialFold(part)) {
        out += special;
      } else {
        text::AppendUtf8(static_cast<char32_t>(u_tolower(part)), &out);
      }
    }
  }
  if (out.empty() || out.size() > CharInfo().folded.size() - 1) {
    out.clear();
    text::AppendUtf8(static_cast<char32_t>(u_tolower(c)), &out);
  }
  return out;
}

CharInfo Classify(UChar32 c) {
  CharInfo info;
  if (c < 0x80) {
    info.cls = kAscii.cls[c];
    info.upper = absl::ascii_isupper(static_cast<unsigned char>(c));
    info.folded[0] = absl::ascii_tolower(static_cast<unsigned char>(c));
    info.folded_length = InWord(info.cls) ? 1 : 0;
    return info;
  }
  switch (c) {
    case 0x2019:  // right single quotation mark, the usual apostrophe
    case 0x02BC:  // modifier letter apostrophe
      info.cls = CharClass::kApostrophe;
      return info;
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
      info.cls = CharClass::kHyphen;
      return info;
    case 0x02BB:  // ʻokina, as in "ʻAisake"
    case 0x02BD:  // reversed comma
    case 0x02BE:  // ʾ (hamza in transliterations)
    case 0x02BF:  // ʿ (ayn in transliterations)
    case 0x00AD:  // soft hyphen
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
      info.cls = CharClass::kMark;
      return info;
    case 0x200B:  // zero-width space
    case 0xFEFF:  // byte-order mark
      info.cls = CharClass::kSpace;
      return info;
    default:
      break;
  }
  if (u_isUWhiteSpace(c)) {
    info.cls = CharClass::kSpace;
  } else if (IsMark(c)) {
    info.cls = CharClass::kMark;
  } else if (u_isdigit(c)) {
    info.cls = CharClass::kDigit;
    info.folded[0] = static_cast<char>('0' + u_charDigitValue(c));
    info.folded_length = 1;
  } else if (u_isalpha(c)) {
    info.cls = CharClass::kLetter;
    info.upper = u_isupper(c) || u_istitle(c);
    const std::string folded = FoldLetter(c);
    folded.copy(info.folded.data(), folded.size());
    info.folded_length = static_cast<uint8_t>(folded.size());
  }
  return info;
}

const std::vector<CharInfo>& Table() {
  static const auto* const table = [] {
    auto* t = new std::vector<CharInfo>(kTableSize);
    for (UChar32 c = 0; c < kTableSize; ++c) {
      (*t)[c] = Classify(c);
    }
    return t;
  }();
  return *table;
}

// Decodes the character at `pos` of `text` (pos < size) into `*c`, or -1 for
// an invalid byte. Returns its length in bytes, at least 1.
size_t Decode(absl::string_view text, size_t pos, UChar32* c) {
  char32_t code_point = 0;
  const int length = text::DecodeUtf8(text, pos, &code_point);
  if (length == 0) {
    *c = -1;
    return 1;
  }
  *c = static_cast<UChar32>(code_point);
  return static_cast<size_t>(length);
}

// Classifies the character at `pos`, which is not ASCII; returns its length
// in bytes.
size_t ReadMultibyte(absl::string_view text, size_t pos, CharInfo* info) {
  UChar32 c = 0;
  const size_t length = Decode(text, pos, &c);
  if (c < 0) {
    *info = CharInfo();
  } else if (c < kTableSize) {
    *info = Table()[c];
  } else {
    *info = Classify(c);
  }
  return length;
}

}  // namespace

bool Tokenizer::Next(Word* word, std::string* folded) {
  absl::string_view view;
  const bool found = Next(word, &view);
  folded->assign(view.data(), view.size());
  return found;
}

void Tokenizer::Grow(size_t used, size_t needed) {
  std::string grown(std::max(needed, 2 * capacity_), '\0');
  std::memcpy(grown.data(), folded_, used);
  overflow_ = std::move(grown);
  folded_ = overflow_.data();
  capacity_ = overflow_.size();
}

bool Tokenizer::NextAnyWord(Word* word, absl::string_view* folded) {
  const char* const data = text_.data();
  const size_t size = text_.size();
  const auto byte_at = [data](size_t i) {
    return static_cast<unsigned char>(data[i]);
  };
  size_t pos = pos_;
  bool joined = has_previous_;
  CharInfo info;  // of the last non-ASCII character read
  // Skip to the first letter or digit; marks right before it ("ʻAisake")
  // belong to the word.
  size_t marks_start = std::string::npos;
  while (true) {
    if (pos >= size) {
      pos_ = pos;
      *folded = absl::string_view();
      return false;
    }
    size_t length = 1;
    CharClass cls = kAscii.cls[byte_at(pos)];
    if (cls == CharClass::kMultibyte) {
      length = ReadMultibyte(text_, pos, &info);
      cls = info.cls;
    }
    if (cls == CharClass::kLetter || cls == CharClass::kDigit) {
      break;
    }
    if (cls == CharClass::kMark) {
      marks_start = std::min(marks_start, pos);
    } else {
      marks_start = std::string::npos;
      if (cls == CharClass::kBreak ||
          (cls == CharClass::kPeriod &&
           previous_length_ > kMaxAbbreviationLength)) {
        joined = false;
      }
    }
    pos += length;
  }
  word->begin = std::min(marks_start, pos);
  // Kept in locals: stores of folded bytes could alias the members.
  size_t folded_size = 0;
  int letters = 0;
  bool capitalized = false;
  bool lower_seen = false;  // a letter not upper-case
  const auto count_letter = [&](bool upper) {
    if (letters++ == 0) {
      capitalized = upper;
    }
    lower_seen = lower_seen || !upper;
  };
  while (true) {
    // A run of ASCII letters and digits, sixteen bytes at a time.
    if (pos < size) {
      const internal::AsciiScan scan =
          internal::ScanAscii(text_, pos, &ascii_folded_);
      const int run_length = std::countr_zero(~scan.word);
      const uint32_t letters_in_run =
          scan.letters & ((uint32_t{1} << run_length) - 1);
      if (letters_in_run != 0) {
        if (letters == 0) {
          const int first = std::countr_zero(letters_in_run);
          capitalized = ((scan.upper >> first) & 1) != 0;
        }
        letters += internal::CountBits(letters_in_run);
        lower_seen = lower_seen || (letters_in_run & ~scan.upper) != 0;
      }
      // Sixteen bytes are copied whatever the run: no variable-length copy.
      std::memcpy(Room(folded_size, 16), scan.folded, 16);
      folded_size += run_length;
      pos += run_length;
      if (run_length == 16) {
        continue;
      }
    }
    if (pos >= size || byte_at(pos) < 0x80) {
      break;
    }
    const size_t length = ReadMultibyte(text_, pos, &info);
    if (!InWord(info.cls)) {
      break;
    }
    if (info.cls == CharClass::kLetter) {
      count_letter(info.upper);
    }
    std::memcpy(Room(folded_size, info.folded_length), info.folded.data(),
                info.folded_length);
    folded_size += info.folded_length;
    pos += length;
  }
  // "U.S." and "U.N." are one word, folded like "US" and "UN".
  if (letters == 1 && pos == word->begin + 1) {
    bool acronym = false;
    while (pos + 1 < size && data[pos] == '.' &&
           absl::ascii_isalpha(data[pos + 1]) &&
           (pos + 2 >= size || !absl::ascii_isalnum(data[pos + 2]))) {
      count_letter(absl::ascii_isupper(data[pos + 1]));
      *Room(folded_size, 1) = absl::ascii_tolower(data[pos + 1]);
      ++folded_size;
      pos += 2;
      acronym = true;
    }
    if (acronym && pos < size && data[pos] == '.') {
      ++pos;
    }
  }
  word->end = pos;
  word->capitalized = capitalized;
  word->letters = letters;
  word->all_caps = letters > 0 && !lower_seen;
  word->joined = joined;
  pos_ = pos;
  has_previous_ = true;
  previous_length_ = folded_size;
  *folded = absl::string_view(folded_, folded_size);
  // Room() keeps eight bytes readable past the folded word.
  word->folded_head = text::WordHead(*folded, /*padded=*/true);
  return true;
}

}  // namespace attache::kb
