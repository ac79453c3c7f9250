#include "extract/sentence.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "absl/base/attributes.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "extract/lexicon.h"
#include "text/byte_block.h"

namespace attache::extract {
namespace {

// kNonAscii only appears in kByteClasses: a byte of a multi-byte sequence,
// which Classify() decodes.
enum class CharClass : uint8_t {
  kSpace,
  kWord,
  kApostrophe,
  kPunct,
  kNonAscii
};

// The class of every byte, ASCII as absl::ascii_isspace / ascii_isalnum
// define them.
constexpr std::array<CharClass, 256> MakeByteClasses() {
  std::array<CharClass, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      classes[c] = CharClass::kNonAscii;
    } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
      classes[c] = CharClass::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9')) {
      classes[c] = CharClass::kWord;
    } else if (c == '\'') {
      classes[c] = CharClass::kApostrophe;
    } else {
      classes[c] = CharClass::kPunct;
    }
  }
  return classes;
}
constexpr std::array<CharClass, 256> kByteClasses = MakeByteClasses();

CharClass ClassOfByte(char c) {
  return kByteClasses[static_cast<unsigned char>(c)];
}

// Classify() of a code point beyond ASCII, which needs ICU: out of line, so
// that the ASCII case inlines.
ABSL_ATTRIBUTE_NOINLINE CharClass ClassifyNonAscii(absl::string_view text,
                                                   size_t pos, size_t* length) {
  auto i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(i) - pos;
  if (c < 0) {
    return CharClass::kPunct;
  }
  if (c == 0x2019 || c == 0x2018) {
    return CharClass::kApostrophe;
  }
  if (u_isUWhiteSpace(c)) {
    return CharClass::kSpace;
  }
  if (u_isalnum(c) || u_getCombiningClass(c) != 0 ||
      u_charType(c) == U_NON_SPACING_MARK) {
    return CharClass::kWord;
  }
  return CharClass::kPunct;
}

// Classifies the code point starting at text[pos] and stores its length.
CharClass Classify(absl::string_view text, size_t pos, size_t* length) {
  const CharClass cls = ClassOfByte(text[pos]);
  if (cls != CharClass::kNonAscii) {
    *length = 1;
    return cls;
  }
  return ClassifyNonAscii(text, pos, length);
}

// True when the non-ASCII code point that starts `text` is upper-case.
ABSL_ATTRIBUTE_NOINLINE bool StartsUpperNonAscii(absl::string_view text) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isupper(c);
}

// Abbreviations whose final dot belongs to the word.
bool IsAbbreviation(absl::string_view word) {
  static constexpr auto kAbbreviations = std::to_array<absl::string_view>(
      {"mr",   "mrs",  "ms",  "dr",  "st",   "jan", "feb", "mar", "apr",
       "jun",  "jul",  "aug", "sep", "sept", "oct", "nov", "dec", "gen",
       "lt",   "col",  "sen", "rep", "gov",  "jr",  "sr",  "no",  "vs",
       "prof", "capt", "maj", "adm", "amb",  "pres"});
  // The size test spares most entries the out-of-line comparison.
  return std::any_of(std::begin(kAbbreviations), std::end(kAbbreviations),
                     [word](absl::string_view a) {
                       return a.size() == word.size() &&
                              absl::EqualsIgnoreCase(a, word);
                     });
}

// Writes `text` with ASCII letters lower-cased (as absl::ascii_tolower) to
// `out`, a text::ByteBlock at a time.
void LowerAscii(absl::string_view text, char* out) {
  size_t i = 0;
  for (; i + text::ByteBlock::kSize <= text.size();
       i += text::ByteBlock::kSize) {
    text::ByteBlock(text.data() + i).StoreLowerCase(out + i);
  }
  for (; i < text.size(); ++i) {
    out[i] = absl::ascii_tolower(static_cast<unsigned char>(text[i]));
  }
}

// Writes the token text[begin, end) into *token, whose lower-case form views
// lower_text[begin, end), which holds LowerAscii(text). `word`: it starts
// with a letter, digit or combining mark.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline void FillToken(absl::string_view text,
                                                   size_t begin, size_t end,
                                                   bool word, char* lower_text,
                                                   Token* token) {
  token->begin = static_cast<uint32_t>(begin);
  token->end = static_cast<uint32_t>(end);
  token->word = word;
  const auto first = static_cast<unsigned char>(text[begin]);
  token->capitalized =
      word && (first < 0x80 ? absl::ascii_isupper(first)
                            : StartsUpperNonAscii(text.substr(begin)));
  // Curly apostrophes fold to ASCII ("’s" -> "'s"), written over the last
  // byte of the three.
  const bool curly = first == 0xE2 && end - begin >= 3 &&
                     text[begin + 1] == '\x80' &&
                     (text[begin + 2] == '\x99' || text[begin + 2] == '\x98');
  size_t from = begin;
  if (curly) {
    from = begin + 2;
    lower_text[from] = '\'';
  }
  // The final dot of "U.S." and "Sept.", not a lone ".".
  size_t to = end;
  if (text[end - 1] == '.' && (curly ? end > begin + 3 : end - begin > 1)) {
    --to;
  }
  const absl::string_view lower(lower_text + from, to - from);
  token->lower = lower;
  // Every lexicon entry starts with an ASCII letter or punctuation.
  const auto lead = static_cast<unsigned char>(lower[0]);
  const WordTraits traits = lead < 0x80 && !absl::ascii_isdigit(lead)
                                ? WordTraitsOfPadded(lower)
                                : WordTraits{};
  token->classes = traits.classes;
  token->lists = traits.lists;
}

// How many of the eight bytes at `lower` (LowerAscii() output, so ASCII
// letters are lower-case) are ASCII letters or digits before the first that
// is not.
size_t AsciiWordRun(const char* lower) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  uint64_t bytes = 0;
  std::memcpy(&bytes, lower, sizeof(bytes));
  // Per byte, without carries between bytes: high bits set where the byte is
  // in 'a'..'z' or '0'..'9'.
  const uint64_t low7 = bytes & (0x7F * kOnes);
  const uint64_t letter =
      (low7 + (0x80 - 'a') * kOnes) & ~(low7 + (0x80 - 'z' - 1) * kOnes);
  const uint64_t digit =
      (low7 + (0x80 - '0') * kOnes) & ~(low7 + (0x80 - '9' - 1) * kOnes);
  // Bytes with their own high bit set are not ASCII.
  const uint64_t stop = (~(letter | digit) | bytes) & (0x80 * kOnes);
  // Little-endian: the first byte is the lowest.
  return stop == 0 ? 8 : static_cast<size_t>(std::countr_zero(stop)) / 8;
}

// End of the word that starts at `pos` with a character of `length` bytes:
// letters, digits and combining marks, with the inner and final dots of
// initialisms ("U.S.") and the final dot of known abbreviations ("Sept.").
// `lower` holds LowerAscii(text) and eight readable bytes after it.
size_t WordEnd(absl::string_view text, const char* lower, size_t pos,
               size_t length) {
  size_t end = pos + length;
  while (end < text.size()) {
    // ASCII letters and digits eight at a time, the common case; the bytes
    // after the text are not letters or digits, so `end` stops at its end.
    const size_t run = AsciiWordRun(lower + end);
    end += run;
    if (run == sizeof(uint64_t)) {
      continue;
    }
    size_t l = 0;
    if (end < text.size() && ClassOfByte(text[end]) == CharClass::kNonAscii &&
        ClassifyNonAscii(text, end, &l) == CharClass::kWord) {
      end += l;
      continue;
    }
    break;
  }
  if (end == text.size() || text[end] != '.') {
    return end;
  }
  // Initialisms: single letters joined by dots, "U.S." and "U.N.".
  if (end - pos == 1 && end + 1 < text.size()) {
    size_t scan = end;
    while (scan + 1 < text.size() && text[scan] == '.' &&
           absl::ascii_isalpha(static_cast<unsigned char>(text[scan + 1])) &&
           (scan + 2 == text.size() ||
            !absl::ascii_isalpha(static_cast<unsigned char>(text[scan + 2])))) {
      scan += 2;
    }
    if (scan > end && scan < text.size() && text[scan] == '.') {
      end = scan + 1;
    } else if (scan > end) {
      end = scan;
    }
  }
  if (end < text.size() && text[end] == '.' && end - pos <= 4 &&
      IsAbbreviation(text.substr(pos, end - pos))) {
    ++end;
  }
  return end;
}

}  // namespace

void Tokenize(Sentence* sentence) {
  const absl::string_view text = sentence->text;
  std::vector<Token>& tokens = sentence->tokens;
  tokens.clear();
  // Sized once: the tokens view it.
  sentence->lower_text.assign(text.size() + 8, '\0');
  char* const lower_text = sentence->lower_text.data();
  LowerAscii(text, lower_text);
  // Inlined at both calls: the call's overhead is a good part of filling a
  // token.
  const auto push = [&](size_t begin, size_t end,
                        bool word) ABSL_ATTRIBUTE_ALWAYS_INLINE {
    FillToken(text, begin, end, word, lower_text, &tokens.emplace_back());
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    const CharClass cls = Classify(text, pos, &length);
    size_t end = pos + length;
    switch (cls) {
      case CharClass::kSpace:
        pos = end;
        continue;
      case CharClass::kApostrophe: {
        // "'s" after a word is a possessive token; other apostrophes are
        // punctuation.
        size_t next_length = 0;
        if (!tokens.empty() && tokens.back().end == pos && end < text.size() &&
            (text[end] == 's' || text[end] == 'S') &&
            (end + 1 == text.size() ||
             Classify(text, end + 1, &next_length) != CharClass::kWord)) {
          ++end;
        }
        break;
      }
      case CharClass::kWord:
        end = WordEnd(text, lower_text, pos, length);
        // "didn't": split before "n't".
        if (end + 2 <= text.size() && text[end] == '\'' &&
            text[end + 1] == 't' && end > pos + 1 &&
            (text[end - 1] == 'n' || text[end - 1] == 'N')) {
          push(pos, end - 1, /*word=*/true);
          pos = end - 1;
          end += 2;
        }
        break;
      default:
        break;
    }
    push(pos, end, cls == CharClass::kWord);
    pos = end;
    // The usual single space after a token, without classifying it.
    if (pos < text.size() && text[pos] == ' ') {
      ++pos;
    }
  }
}

bool MatchesPhrase(absl::Span<const Token> tokens, size_t pos,
                   absl::string_view phrase, size_t* length) {
  size_t count = 0;
  while (!phrase.empty()) {
    const size_t space = phrase.find(' ');
    const absl::string_view word = phrase.substr(0, space);
    if (pos + count >= tokens.size() || tokens[pos + count].lower != word) {
      return false;
    }
    ++count;
    if (space == absl::string_view::npos) {
      break;
    }
    phrase.remove_prefix(space + 1);
  }
  *length = count;
  return count > 0;
}

size_t TokenAtOrAfter(absl::Span<const Token> tokens, size_t begin) {
  const auto* const it = std::lower_bound(
      tokens.begin(), tokens.end(), begin,
      [](const Token& token, size_t offset) { return token.end <= offset; });
  return static_cast<size_t>(it - tokens.begin());
}

}  // namespace attache::extract
