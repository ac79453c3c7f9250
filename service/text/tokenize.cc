#include "text/tokenize.h"

#include <array>
#include <bit>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "text/byte_block.h"
#include "text/char_class.h"
#include "text/lexicon.h"

namespace attache::text {
namespace {

constexpr std::array<bool, 256> MakePunctuationBytes() {
  std::array<bool, 256> bytes{};
  for (const unsigned char c : absl::string_view(".,;:!?\"'()[]{}-")) {
    bytes[c] = true;
  }
  return bytes;
}
constexpr std::array<bool, 256> kPunctuationBytes = MakePunctuationBytes();

bool IsPunctuation(char c) {
  return kPunctuationBytes[static_cast<unsigned char>(c)];
}

// End of the run of letters (and digits, when `digits`) from `pos`.
size_t RunEnd(absl::string_view text, size_t pos, bool digits) {
  const uint8_t accepted = digits ? kAlnumByte : kLetterByte;
  while (pos < text.size()) {
    const uint8_t bits = BitsOf(text[pos]);
    if ((bits & accepted) != 0) {
      ++pos;
      continue;
    }
    if ((bits & kHighByte) == 0) {
      break;
    }
    const CharInfo info = CharAt(text, pos);
    if (!info.letter && !(digits && info.digit)) {
      break;
    }
    pos += info.length;
  }
  return pos;
}

size_t AlnumRunEnd(absl::string_view text, size_t pos) {
  return RunEnd(text, pos, /*digits=*/true);
}

size_t LetterRunEnd(absl::string_view text, size_t pos) {
  return RunEnd(text, pos, /*digits=*/false);
}

size_t DigitRunEnd(absl::string_view text, size_t pos) {
  while (pos < text.size() && absl::ascii_isdigit(text[pos])) {
    ++pos;
  }
  return pos;
}

bool AlnumAt(absl::string_view text, size_t pos) {
  return pos < text.size() && CharAt(text, pos).alnum();
}

bool IsCliticTail(absl::string_view tail) {
  return absl::EqualsIgnoreCase(tail, "re") ||
         absl::EqualsIgnoreCase(tail, "ve") ||
         absl::EqualsIgnoreCase(tail, "ll") ||
         absl::EqualsIgnoreCase(tail, "d") || absl::EqualsIgnoreCase(tail, "m");
}

bool IsOrdinalSuffix(absl::string_view tail) {
  return absl::EqualsIgnoreCase(tail, "st") ||
         absl::EqualsIgnoreCase(tail, "nd") ||
         absl::EqualsIgnoreCase(tail, "rd") ||
         absl::EqualsIgnoreCase(tail, "th");
}

// End of a dotted acronym ("U.S.", "a.m.") or an upper-case initial ("F.")
// starting at `pos`, or 0.
size_t DottedAcronymEnd(absl::string_view text, size_t pos) {
  size_t end = pos;
  int letters = 0;
  bool first_upper = false;
  while (end < text.size()) {
    const CharInfo info = CharAt(text, end);
    const size_t after = end + info.length;
    if (!info.letter || after >= text.size() || text[after] != '.') {
      break;
    }
    if (letters == 0) {
      first_upper = info.upper;
    }
    ++letters;
    end = after + 1;
  }
  if (letters >= 2 || (letters == 1 && first_upper)) {
    return end;
  }
  return 0;
}

// End of the apostrophe suffix that starts at `pos` after a word ("'s",
// "'re", a plural's lone "'"), or 0 when the apostrophe is a quote. Sets
// *kind.
size_t ApostropheSuffixEnd(absl::string_view text, size_t pos,
                           absl::string_view word, TokenKind* kind) {
  const size_t tail_end = LetterRunEnd(text, pos + 1);
  const absl::string_view tail = text.substr(pos + 1, tail_end - pos - 1);
  if (AlnumAt(text, tail_end)) {
    return 0;
  }
  if (tail == "s" || tail == "S") {
    *kind = TokenKind::kPossessive;
    return tail_end;
  }
  if (IsCliticTail(tail)) {
    *kind = TokenKind::kClitic;
    return tail_end;
  }
  if (tail.empty() &&
      (absl::EndsWith(word, "s") || absl::EndsWith(word, "S"))) {
    *kind = TokenKind::kPossessive;
    return pos + 1;
  }
  return 0;
}

// True when "n't" starts at `pos`.
bool IsNegativeClitic(absl::string_view text, size_t pos) {
  return pos + 3 <= text.size() && (text[pos] == 'n' || text[pos] == 'N') &&
         text[pos + 1] == '\'' &&
         (text[pos + 2] == 't' || text[pos + 2] == 'T') &&
         !AlnumAt(text, pos + 3);
}

// End of the word starting at `pos`, with inner apostrophes ("O'Neill") but
// without apostrophe suffixes; "didn't" stops before "n't".
size_t WordEnd(absl::string_view text, size_t pos) {
  size_t end = AlnumRunEnd(text, pos);
  while (end + 1 < text.size() && text[end] == '\'') {
    const size_t tail_end = LetterRunEnd(text, end + 1);
    if (tail_end == end + 1) {
      break;
    }
    const absl::string_view tail = text.substr(end + 1, tail_end - end - 1);
    if (tail == "t" || tail == "T") {
      const char last = text[end - 1];
      if ((last == 'n' || last == 'N') && end - 1 > pos) {
        return end - 1;
      }
      break;
    }
    if (tail == "s" || tail == "S" || IsCliticTail(tail)) {
      break;
    }
    end = AlnumRunEnd(text, tail_end);
  }
  return end;
}

// End of the number starting at `pos`: "1,200", "2.5", "13:58", "18th".
// Sets *kind to kWord for alphanumerics such as "5G".
size_t NumberEnd(absl::string_view text, size_t pos, TokenKind* kind) {
  size_t end = DigitRunEnd(text, pos);
  while (end + 1 < text.size() && absl::StrContains(".,:/", text[end]) &&
         absl::ascii_isdigit(text[end + 1])) {
    end = DigitRunEnd(text, end + 1);
  }
  *kind = TokenKind::kNumber;
  if (!AlnumAt(text, end)) {
    return end;
  }
  const size_t tail_end = LetterRunEnd(text, end);
  if (IsOrdinalSuffix(text.substr(end, tail_end - end)) &&
      !AlnumAt(text, tail_end)) {
    return tail_end;
  }
  *kind = TokenKind::kWord;
  return WordEnd(text, end);
}

// The case of a token with `upper` upper-case and `lower` other letters, the
// first of them upper-case when `first_upper`.
LetterCase CaseOfCounts(int upper, int lower, bool first_upper) {
  if (upper + lower == 0) {
    return LetterCase::kNone;
  }
  if (lower == 0) {
    return upper >= 2 ? LetterCase::kUpper : LetterCase::kTitle;
  }
  if (first_upper) {
    return LetterCase::kTitle;
  }
  return upper == 0 ? LetterCase::kLower : LetterCase::kMixed;
}

LetterCase CaseOf(absl::string_view text) {
  int upper = 0;
  int lower = 0;
  bool first_upper = false;
  for (size_t pos = 0; pos < text.size();) {
    const uint8_t bits = BitsOf(text[pos]);
    bool letter = (bits & kLetterByte) != 0;
    bool is_upper = (bits & kUpperByte) != 0;
    if ((bits & kHighByte) == 0) {
      ++pos;
    } else {
      const CharInfo info = CharAt(text, pos);
      letter = info.letter;
      is_upper = info.upper;
      pos += info.length;
    }
    if (letter) {
      if (upper + lower == 0) {
        first_upper = is_upper;
      }
      upper += is_upper ? 1 : 0;
      lower += is_upper ? 0 : 1;
    }
  }
  return CaseOfCounts(upper, lower, first_upper);
}

// True when the period at `pos` after `word` belongs to the word.
bool TakesPeriod(absl::string_view text, size_t pos, absl::string_view word) {
  if (pos >= text.size() || text[pos] != '.' ||
      word.size() > kMaxAbbreviationSize) {
    return false;
  }
  const uint8_t lists = ListsOf(word);
  if ((lists & (kTitleAbbreviations | kAmbiguousAbbreviations |
                kInnerAbbreviations)) != 0) {
    return true;
  }
  return (lists & kNumberAbbreviations) != 0 && pos + 2 < text.size() &&
         text[pos + 1] == ' ' && absl::ascii_isdigit(text[pos + 2]);
}

// A run of ASCII letters and digits that starts with a letter, and its
// letter case.
struct AsciiWord {
  size_t end = 0;
  LetterCase letter_case = LetterCase::kNone;
};

// The case of the ASCII word whose letters are marked in `upper` and `lower`
// (bit i: byte i of the word), the first of them upper-case when
// `first_upper`.
LetterCase CaseOfMasks(uint32_t upper, uint32_t lower, bool first_upper) {
  // Only the number of upper-case letters matters, and only up to two.
  const int upper_count =
      (upper != 0 ? 1 : 0) + ((upper & (upper - 1)) != 0 ? 1 : 0);
  return CaseOfCounts(upper_count, lower != 0 ? 1 : 0, first_upper);
}

// The run from `pos`, which is an ASCII letter.
AsciiWord ScanAsciiWord(absl::string_view text, size_t pos) {
  // Reads through data(): every byte read is known to be in the text, and
  // operator[] would check again.
  const char* const bytes = text.data();
  const bool first_upper = (BitsOf(bytes[pos]) & kUpperByte) != 0;
  if (pos + ByteBlock::kSize <= text.size()) {
    const ByteBlock block(text.data() + pos);
    const uint32_t upper = block.InRange('A', 'Z');
    const uint32_t lower = block.InRange('a', 'z');
    const uint32_t others = ~(upper | lower | block.InRange('0', '9'));
    // Words of up to 15 bytes, nearly all, end inside the block.
    if ((others & ByteBlock::kAll) != 0) {
      const int length = std::countr_zero(others);
      const uint32_t word = (uint32_t{1} << length) - 1;
      return {pos + length,
              CaseOfMasks(upper & word, lower & word, first_upper)};
    }
  }
  int upper = 0;
  uint8_t seen = 0;
  size_t end = pos;
  for (; end < text.size(); ++end) {
    const uint8_t bits = BitsOf(bytes[end]);
    if ((bits & kAlnumByte) == 0) {
      break;
    }
    seen |= bits;
    upper += bits & kUpperByte;
  }
  return {end,
          CaseOfCounts(upper, (seen & kLowerByte) != 0 ? 1 : 0, first_upper)};
}

// The end of the token at `pos`, which starts with an ASCII letter, when the
// common rules decide it: a word of ASCII letters and digits followed by
// neither an apostrophe nor a non-ASCII byte, taking a following period when
// it is an abbreviation (a one-letter word before a period is left to the
// initial and acronym rules). Returns 0 otherwise.
size_t CommonWordEnd(absl::string_view text, size_t pos,
                     const AsciiWord& word) {
  if (word.end == text.size()) {
    return word.end;
  }
  const char next = text.data()[word.end];
  if (next == '.') {
    if (word.end - pos < 2) {
      return 0;
    }
    return TakesPeriod(text, word.end, text.substr(pos, word.end - pos))
               ? word.end + 1
               : word.end;
  }
  return next == '\'' || (BitsOf(next) & kHighByte) != 0 ? 0 : word.end;
}

// The end of any token at `pos` (not a space) by the full rules; sets *kind.
size_t TokenEnd(absl::string_view text, size_t pos, bool space_before,
                const std::vector<Token>& tokens, TokenKind* kind) {
  const char c = text[pos];
  const CharInfo info = CharAt(text, pos);
  *kind = TokenKind::kWord;
  if (IsNegativeClitic(text, pos) && !space_before && !tokens.empty() &&
      tokens.back().is_word()) {
    *kind = TokenKind::kClitic;  // split off "didn't" by WordEnd()
    return pos + 3;
  }
  if (info.letter) {
    size_t end = DottedAcronymEnd(text, pos);
    if (end == 0) {
      end = WordEnd(text, pos);
      if (TakesPeriod(text, end, text.substr(pos, end - pos))) {
        ++end;
      }
    }
    return end;
  }
  if (info.digit) {
    return NumberEnd(text, pos, kind);
  }
  size_t end = pos + info.length;
  if (c == '\'' && !space_before && !tokens.empty() &&
      tokens.back().is_word()) {
    const size_t suffix_end =
        ApostropheSuffixEnd(text, pos, TokenText(text, tokens.back()), kind);
    if (suffix_end != 0) {
      return suffix_end;
    }
    *kind = TokenKind::kPunctuation;
    return end;
  }
  *kind = IsPunctuation(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
  return end;
}

}  // namespace

void Tokenize(absl::string_view text, std::vector<Token>* tokens) {
  // News text averages about six bytes per token.
  tokens->reserve(tokens->size() + text.size() / 5 + 1);
  bool space_before = false;
  bool seen_word = false;
  // Reads through data(): every byte read is known to be in the text, and
  // operator[] would check again.
  const char* const bytes = text.data();
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = bytes[pos];
    const uint8_t bits = BitsOf(c);
    if ((bits & kSpaceByte) != 0) {
      space_before = true;
      ++pos;
      continue;
    }
    TokenKind kind = TokenKind::kWord;
    size_t end = 0;
    LetterCase letter_case = LetterCase::kNone;
    // Fast paths for the common tokens: plain ASCII words and ASCII
    // punctuation other than apostrophes. The full rules decide the rest,
    // including the clitic "n't", whose "n" is followed by an apostrophe.
    if ((bits & kLetterByte) != 0) {
      const AsciiWord word = ScanAsciiWord(text, pos);
      end = CommonWordEnd(text, pos, word);
      letter_case = word.letter_case;
    } else if ((bits & (kDigitByte | kHighByte)) == 0 && c != '\'') {
      kind = IsPunctuation(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
      end = pos + 1;
      // Runs of periods ("...") are one token.
      while (c == '.' && end < text.size() && bytes[end] == '.') {
        ++end;
      }
    }
    if (end == 0) {
      end = TokenEnd(text, pos, space_before, *tokens, &kind);
      letter_case = CaseOf(text.substr(pos, end - pos));
    }
    Token& token = tokens->emplace_back();
    token.begin = static_cast<uint32_t>(pos);
    token.end = static_cast<uint32_t>(end);
    token.original_begin = token.begin;
    token.original_end = token.end;
    token.kind = kind;
    token.letter_case = letter_case;
    token.space_before = space_before;
    if (!seen_word &&
        (kind == TokenKind::kWord || kind == TokenKind::kNumber)) {
      token.sentence_initial = true;
      seen_word = true;
    }
    pos = end;
    // Most tokens are followed by one space: skip it here.
    space_before = pos < text.size() && bytes[pos] == ' ';
    pos += space_before ? 1 : 0;
  }
}

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

}  // namespace attache::text
