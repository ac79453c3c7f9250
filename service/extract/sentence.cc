#include "extract/sentence.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "extract/lexicon.h"

namespace attache::extract {
namespace {

enum class CharClass { kSpace, kWord, kApostrophe, kPunct };

// Classifies the code point starting at text[pos] and stores its length.
CharClass Classify(absl::string_view text, size_t pos, size_t* length) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  *length = 1;
  if (byte < 0x80) {
    if (absl::ascii_isspace(byte)) {
      return CharClass::kSpace;
    }
    if (absl::ascii_isalnum(byte)) {
      return CharClass::kWord;
    }
    if (byte == '\'') {
      return CharClass::kApostrophe;
    }
    return CharClass::kPunct;
  }
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

bool StartsUpper(absl::string_view text) {
  if (text.empty()) {
    return false;
  }
  const auto byte = static_cast<unsigned char>(text[0]);
  if (byte < 0x80) {
    return absl::ascii_isupper(byte);
  }
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isupper(c);
}

// Abbreviations whose final dot belongs to the word.
bool IsAbbreviation(absl::string_view lower) {
  static constexpr auto kAbbreviations = std::to_array<absl::string_view>(
      {"mr",   "mrs",  "ms",  "dr",  "st",   "jan", "feb", "mar", "apr",
       "jun",  "jul",  "aug", "sep", "sept", "oct", "nov", "dec", "gen",
       "lt",   "col",  "sen", "rep", "gov",  "jr",  "sr",  "no",  "vs",
       "prof", "capt", "maj", "adm", "amb",  "pres"});
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations),
                   lower) != std::end(kAbbreviations);
}

void PushToken(absl::string_view text, size_t begin, size_t end,
               std::vector<Token>* tokens) {
  Token& token = tokens->emplace_back();
  token.begin = static_cast<uint32_t>(begin);
  token.end = static_cast<uint32_t>(end);
  absl::string_view piece = text.substr(begin, end - begin);
  if (absl::StartsWith(piece, "\xE2\x80\x99") ||
      absl::StartsWith(piece, "\xE2\x80\x98")) {
    token.lower.assign(1, '\'');
    piece.remove_prefix(3);
  }
  const size_t prefix = token.lower.size();
  token.lower.resize(prefix + piece.size());
  std::transform(piece.begin(), piece.end(), token.lower.begin() + prefix,
                 [](char c) { return absl::ascii_tolower(c); });
  if (token.lower.size() > 1 && token.lower.back() == '.') {
    token.lower.pop_back();
  }
  size_t unused = 0;
  token.word = Classify(text, begin, &unused) == CharClass::kWord;
  token.capitalized = token.word && StartsUpper(piece);
  // Every lexicon word is spelled in ASCII letters.
  token.classes = token.word && absl::ascii_isalpha(static_cast<unsigned char>(
                                    token.lower.front()))
                      ? WordClassesOf(token.lower)
                      : 0;
}

}  // namespace

void Tokenize(absl::string_view text, std::vector<Token>* tokens_out) {
  std::vector<Token>& tokens = *tokens_out;
  tokens.clear();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    const CharClass cls = Classify(text, pos, &length);
    if (cls == CharClass::kSpace) {
      pos += length;
      continue;
    }
    if (cls == CharClass::kPunct) {
      PushToken(text, pos, pos + length, &tokens);
      pos += length;
      continue;
    }
    if (cls == CharClass::kApostrophe) {
      // "'s" after a word is a possessive token; other apostrophes are
      // punctuation.
      size_t next_length = 0;
      const bool possessive =
          !tokens.empty() && tokens.back().end == pos &&
          pos + length < text.size() &&
          (text[pos + length] == 's' || text[pos + length] == 'S') &&
          (pos + length + 1 == text.size() ||
           Classify(text, pos + length + 1, &next_length) != CharClass::kWord);
      const size_t end = possessive ? pos + length + 1 : pos + length;
      PushToken(text, pos, end, &tokens);
      pos = end;
      continue;
    }
    // A word: letters and digits, with inner dots of initialisms ("U.S.")
    // and inner apostrophes other than "'s" ("O'Brien").
    size_t end = pos;
    while (end < text.size()) {
      if (absl::ascii_isalnum(static_cast<unsigned char>(text[end]))) {
        ++end;  // the common case, without the full classification
        continue;
      }
      size_t l = 0;
      const CharClass c = Classify(text, end, &l);
      if (c == CharClass::kWord) {
        end += l;
        continue;
      }
      break;
    }
    // Initialisms: single letters joined by dots, "U.S." and "U.N.".
    if (end - pos == 1 && end + 1 < text.size() && text[end] == '.') {
      size_t scan = end;
      while (
          scan + 1 < text.size() && text[scan] == '.' &&
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
        IsAbbreviation(absl::AsciiStrToLower(text.substr(pos, end - pos)))) {
      ++end;
    }
    // "didn't": split before "n't".
    if (end + 2 <= text.size() && end > pos + 1 &&
        (text[end - 1] == 'n' || text[end - 1] == 'N') &&
        text.substr(end, 2) == "'t") {
      PushToken(text, pos, end - 1, &tokens);
      PushToken(text, end - 1, end + 2, &tokens);
      pos = end + 2;
      continue;
    }
    PushToken(text, pos, end, &tokens);
    pos = end;
  }
}

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
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
