#include "text/tokenize.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "text/char_class.h"
#include "text/lexicon.h"

namespace attache::text {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

bool IsPunctuation(char c) { return absl::StrContains(".,;:!?\"'()[]{}-", c); }

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
  if (pos >= text.size() || text[pos] != '.') {
    return false;
  }
  if (IsTitleAbbreviation(word) || IsAmbiguousAbbreviation(word) ||
      IsInnerAbbreviation(word)) {
    return true;
  }
  return IsNumberAbbreviation(word) && pos + 2 < text.size() &&
         text[pos + 1] == ' ' && absl::ascii_isdigit(text[pos + 2]);
}

// The common word: ASCII letters and digits from `pos`, starting with a
// letter, followed by none of '.', '\'' and non-ASCII bytes, so that no rule
// above extends it. Returns its end and sets *letter_case, or returns 0 and
// resets *letter_case.
size_t PlainWordEnd(absl::string_view text, size_t pos,
                    std::optional<LetterCase>* letter_case) {
  if ((BitsOf(text[pos]) & kLetterByte) == 0) {
    letter_case->reset();
    return 0;
  }
  const bool first_upper = (BitsOf(text[pos]) & kUpperByte) != 0;
  int upper = 0;
  int lower = 0;
  size_t end = pos;
  for (; end < text.size(); ++end) {
    const uint8_t bits = BitsOf(text[end]);
    if ((bits & kAlnumByte) == 0) {
      break;
    }
    upper += (bits & kUpperByte) != 0 ? 1 : 0;
    lower += (bits & kLowerByte) != 0 ? 1 : 0;
  }
  if (end < text.size() && (text[end] == '.' || text[end] == '\'' ||
                            (BitsOf(text[end]) & kHighByte) != 0)) {
    letter_case->reset();
    return 0;
  }
  *letter_case = CaseOfCounts(upper, lower, first_upper);
  return end;
}

}  // namespace

void Tokenize(absl::string_view text, std::vector<Token>* tokens) {
  // News text averages about six bytes per token.
  tokens->reserve(tokens->size() + text.size() / 5 + 1);
  bool space_before = false;
  bool seen_word = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (IsSpace(c)) {
      space_before = true;
      ++pos;
      continue;
    }
    const CharInfo info = CharAt(text, pos);
    TokenKind kind = TokenKind::kWord;
    size_t end = pos + info.length;
    std::optional<LetterCase> letter_case;
    if (IsNegativeClitic(text, pos) && !space_before && !tokens->empty() &&
        tokens->back().is_word()) {
      kind = TokenKind::kClitic;  // split off "didn't" by WordEnd()
      end = pos + 3;
    } else if (const size_t plain_end = PlainWordEnd(text, pos, &letter_case);
               plain_end != 0) {
      end = plain_end;
    } else if (info.letter) {
      end = DottedAcronymEnd(text, pos);
      if (end == 0) {
        end = WordEnd(text, pos);
        if (TakesPeriod(text, end, text.substr(pos, end - pos))) {
          ++end;
        }
      }
    } else if (info.digit) {
      end = NumberEnd(text, pos, &kind);
    } else if (c == '\'' && !space_before && !tokens->empty() &&
               tokens->back().is_word()) {
      const Token& previous = tokens->back();
      const size_t suffix_end =
          ApostropheSuffixEnd(text, pos, TokenText(text, previous), &kind);
      if (suffix_end != 0) {
        end = suffix_end;
      } else {
        kind = TokenKind::kPunctuation;
      }
    } else if (c == '.') {
      kind = TokenKind::kPunctuation;
      while (end < text.size() && text[end] == '.') {
        ++end;
      }
    } else {
      kind = IsPunctuation(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
    }
    Token token;
    token.begin = static_cast<uint32_t>(pos);
    token.end = static_cast<uint32_t>(end);
    token.original_begin = token.begin;
    token.original_end = token.end;
    token.kind = kind;
    token.letter_case = letter_case.has_value()
                            ? *letter_case
                            : CaseOf(text.substr(pos, end - pos));
    token.space_before = space_before;
    if (!seen_word &&
        (kind == TokenKind::kWord || kind == TokenKind::kNumber)) {
      token.sentence_initial = true;
      seen_word = true;
    }
    tokens->push_back(token);
    space_before = false;
    pos = end;
  }
}

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

}  // namespace attache::text
