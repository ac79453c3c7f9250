#include "extract/time_expr.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "extract/lexicon.h"

namespace attache::extract {
namespace {

constexpr int kMinYear = 1945;
constexpr int kMaxYear = 2100;

// 1..12 for a month name or abbreviation, else 0.
int MonthOf(absl::string_view lower) {
  static constexpr std::array<absl::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<absl::string_view, 12> kShort = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (lower == kFull[i] || lower == kShort[i]) {
      return i + 1;
    }
  }
  return lower == "sept" ? 9 : 0;
}

// 0 (Monday) .. 6 for a weekday name, else -1.
int WeekdayOf(absl::string_view lower) {
  static constexpr std::array<absl::string_view, 7> kNames = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (lower == kNames[i]) {
      return i;
    }
  }
  return -1;
}

// The first month of a season's name, else 0.
int SeasonStart(absl::string_view lower) {
  if (lower == "spring") {
    return 3;
  }
  if (lower == "summer") {
    return 6;
  }
  if (lower == "fall" || lower == "autumn") {
    return 9;
  }
  if (lower == "winter") {
    return 12;
  }
  return 0;
}

// Tokenize() splits signs and spaces off, so a token that is a number starts
// with a digit: checking that first spares most tokens a call to SimpleAtoi.
bool StartsWithDigit(absl::string_view lower) {
  return !lower.empty() &&
         absl::ascii_isdigit(static_cast<unsigned char>(lower[0]));
}

int SmallNumber(absl::string_view lower) {
  static constexpr std::array<absl::string_view, 11> kWords = {
      "a",   "one",   "two",   "three", "four", "five",
      "six", "seven", "eight", "nine",  "ten"};
  for (int i = 0; i < static_cast<int>(kWords.size()); ++i) {
    if (lower == kWords[i]) {
      return i == 0 ? 1 : i;
    }
  }
  int n = 0;
  if (StartsWithDigit(lower) && absl::SimpleAtoi(lower, &n) && n > 0 &&
      n < 100) {
    return n;
  }
  return 0;
}

int NumberIn(const Token& token, int lo, int hi) {
  int n = 0;
  if (!StartsWithDigit(token.lower) || !absl::SimpleAtoi(token.lower, &n) ||
      n < lo || n > hi) {
    return 0;
  }
  return n;
}

int YearOf(const Token& token) { return NumberIn(token, kMinYear, kMaxYear); }

int DayOf(const Token& token) {
  absl::string_view lower = token.lower;
  if (!StartsWithDigit(lower)) {
    return 0;
  }
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (lower.size() > 2 && absl::EndsWith(lower, suffix)) {
      lower.remove_suffix(2);
      break;
    }
  }
  int n = 0;
  if (!absl::SimpleAtoi(lower, &n) || n < 1 || n > 31) {
    return 0;
  }
  return n;
}

// A month name token is a month only when capitalised ("May", not "may").
int MonthAt(absl::Span<const Token> tokens, size_t i) {
  if (i >= tokens.size() || !tokens[i].capitalized) {
    return 0;
  }
  return MonthOf(tokens[i].lower);
}

bool Is(absl::Span<const Token> tokens, size_t i, absl::string_view word) {
  return i < tokens.size() && tokens[i].lower == word;
}

// Matches one expression at tokens[i]; returns its token count or 0.
size_t MatchAt(absl::Span<const Token> tokens, size_t i, TimeExpression* e) {
  const Token& t = tokens[i];
  // Compared as a view: the literals' lengths rule most words out at once.
  const absl::string_view word = t.lower;
  // "2021/10/17" or "2021-10-17".
  if (const int year = YearOf(t);
      year != 0 && i + 4 < tokens.size() &&
      (Is(tokens, i + 1, "/") || Is(tokens, i + 1, "-")) &&
      tokens[i + 3].lower == tokens[i + 1].lower) {
    const int month = NumberIn(tokens[i + 2], 1, 12);
    const int day = NumberIn(tokens[i + 4], 1, 31);
    if (month != 0 && day != 0) {
      *e = {.kind = TimeExprKind::kDate,
            .year = year,
            .month = month,
            .day = day};
      return 5;
    }
  }
  // "December 22, 2017", "Sept. 18", "June 2022", "February".
  if (const int month = MonthAt(tokens, i); month != 0) {
    size_t n = 1;
    if (Is(tokens, i + 1, ".")) {
      ++n;
    }
    if (i + n < tokens.size()) {
      if (const int day = DayOf(tokens[i + n]); day != 0) {
        size_t m = n + 1;
        if (Is(tokens, i + m, ",")) {
          ++m;
        }
        if (i + m < tokens.size()) {
          if (const int year = YearOf(tokens[i + m]); year != 0) {
            *e = {.kind = TimeExprKind::kDate,
                  .year = year,
                  .month = month,
                  .day = day};
            return m + 1;
          }
        }
        *e = {.kind = TimeExprKind::kMonthDay, .month = month, .day = day};
        return n + 1;
      }
      if (const int year = YearOf(tokens[i + n]); year != 0) {
        *e = {.kind = TimeExprKind::kMonthYear, .year = year, .month = month};
        return n + 1;
      }
    }
    // A bare "May" or "March" is too often a verb or name.
    if (month == 5 || month == 3) {
      if (i == 0 ||
          (!Is(tokens, i - 1, "in") && !Is(tokens, i - 1, "since") &&
           !Is(tokens, i - 1, "early") && !Is(tokens, i - 1, "late"))) {
        return 0;
      }
    }
    *e = {.kind = TimeExprKind::kMonth, .month = month};
    return 1;
  }
  // "22 June", "22 June 2019".
  if (const int day = DayOf(t); day != 0 && MonthAt(tokens, i + 1) != 0) {
    const int month = MonthAt(tokens, i + 1);
    if (i + 2 < tokens.size()) {
      if (const int year = YearOf(tokens[i + 2]); year != 0) {
        *e = {.kind = TimeExprKind::kDate,
              .year = year,
              .month = month,
              .day = day};
        return 3;
      }
    }
    *e = {.kind = TimeExprKind::kMonthDay, .month = month, .day = day};
    return 2;
  }
  // Weekdays, optionally after "next" or "last".
  if (const int weekday = WeekdayOf(word); weekday >= 0) {
    *e = {.kind = TimeExprKind::kWeekday, .value = weekday};
    return 1;
  }
  if ((word == "next" || word == "last" || word == "this") &&
      i + 1 < tokens.size()) {
    const int offset = word == "next" ? 1 : word == "last" ? -1 : 0;
    const absl::string_view unit = tokens[i + 1].lower;
    if (const int weekday = WeekdayOf(unit); weekday >= 0) {
      *e = {.kind = TimeExprKind::kWeekday,
            .value = weekday,
            .next = offset > 0,
            .last = offset < 0};
      return 2;
    }
    if (unit == "week") {
      *e = {.kind = TimeExprKind::kWeekOffset, .value = offset};
      return 2;
    }
    if (unit == "weekend") {
      *e = {.kind = TimeExprKind::kWeekend, .value = offset};
      return 2;
    }
    if (unit == "month") {
      *e = {.kind = TimeExprKind::kMonthOffset, .value = offset};
      return 2;
    }
    if (unit == "year") {
      *e = {.kind = TimeExprKind::kYearOffset, .value = offset};
      return 2;
    }
    if (const int first_month = SeasonStart(unit); first_month != 0) {
      *e = {.kind = TimeExprKind::kSeason,
            .value = first_month,
            .next = offset > 0,
            .last = offset < 0};
      return 2;
    }
    // "next week's": handled above; "this afternoon" and friends below.
    if (offset == 0 &&
        (unit == "morning" || unit == "afternoon" || unit == "evening")) {
      *e = {.kind = TimeExprKind::kDayOffset, .value = 0};
      return 2;
    }
  }
  if (word == "today" || word == "tonight") {
    *e = {.kind = TimeExprKind::kDayOffset, .value = 0};
    return 1;
  }
  if (word == "yesterday") {
    *e = {.kind = TimeExprKind::kDayOffset, .value = -1};
    return 1;
  }
  if (word == "tomorrow") {
    *e = {.kind = TimeExprKind::kDayOffset, .value = 1};
    return 1;
  }
  // "over the summer", "in the spring", "over the weekend".
  if ((word == "over" || word == "in" || word == "during") &&
      Is(tokens, i + 1, "the") && i + 2 < tokens.size()) {
    const absl::string_view unit = tokens[i + 2].lower;
    if (unit == "weekend") {
      *e = {.kind = TimeExprKind::kWeekend, .value = 0};
      return 3;
    }
    if (const int first_month = SeasonStart(unit); first_month != 0) {
      *e = {.kind = TimeExprKind::kSeason, .value = first_month};
      return 3;
    }
  }
  // "two weeks ago", "three days ago".
  if (const int n = SmallNumber(word); n != 0 && Is(tokens, i + 2, "ago")) {
    const absl::string_view unit = tokens[i + 1].lower;
    if (unit == "day" || unit == "days") {
      *e = {.kind = TimeExprKind::kDaysAgo, .value = n};
      return 3;
    }
    if (unit == "week" || unit == "weeks") {
      *e = {.kind = TimeExprKind::kWeeksAgo, .value = n};
      return 3;
    }
    if (unit == "month" || unit == "months") {
      *e = {.kind = TimeExprKind::kMonthsAgo, .value = n};
      return 3;
    }
  }
  // "in 2017": a year after a preposition.
  if (const int year = YearOf(t);
      year != 0 && i > 0 &&
      (Is(tokens, i - 1, "in") || Is(tokens, i - 1, "since") ||
       Is(tokens, i - 1, "of") || Is(tokens, i - 1, "until"))) {
    *e = {.kind = TimeExprKind::kYear, .year = year};
    return 1;
  }
  return 0;
}

// A cheap filter before MatchAt: expressions start with a digit, a month or
// weekday name, or one of a few words.
bool MayStartExpression(const Token& t) {
  return absl::ascii_isdigit(static_cast<unsigned char>(t.lower[0])) ||
         HasClass(t, WordClass::kTimeStart);
}

TimeSpec Day(absl::CivilDay day) {
  return {.granularity = TimeGranularity::kDay, .start = day, .end = day};
}

TimeSpec MonthSpan(absl::CivilMonth month) {
  TimeSpec spec;
  CoverMonth(month, &spec);
  return spec;
}

TimeSpec YearSpan(int year) {
  return {.granularity = TimeGranularity::kYear,
          .start = absl::CivilDay(year, 1, 1),
          .end = absl::CivilDay(year, 12, 31)};
}

int WeekdayIndex(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      return 0;
    case absl::Weekday::tuesday:
      return 1;
    case absl::Weekday::wednesday:
      return 2;
    case absl::Weekday::thursday:
      return 3;
    case absl::Weekday::friday:
      return 4;
    case absl::Weekday::saturday:
      return 5;
    case absl::Weekday::sunday:
      return 6;
  }
  return 0;
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(const Sentence& sentence) {
  std::vector<TimeExpression> found;
  FindTimeExpressions(sentence, &found);
  return found;
}

void FindTimeExpressions(const Sentence& sentence,
                         std::vector<TimeExpression>* found) {
  found->clear();
  const absl::Span<const Token> tokens = sentence.tokens;
  for (size_t i = 0; i < tokens.size();) {
    if (!MayStartExpression(tokens[i])) {
      ++i;
      continue;
    }
    TimeExpression e;
    const size_t n = MatchAt(tokens, i, &e);
    if (n == 0) {
      ++i;
      continue;
    }
    e.token_begin = i;
    e.token_end = i + n;
    e.text =
        absl::string_view(sentence.text)
            .substr(tokens[i].begin, tokens[i + n - 1].end - tokens[i].begin);
    found->push_back(e);
    i += n;
  }
}

TimeSpec ResolveTime(const TimeExpression& e,
                     std::optional<absl::CivilDay> published, bool future) {
  TimeSpec spec;
  switch (e.kind) {
    case TimeExprKind::kDate:
      spec = Day(absl::CivilDay(e.year, e.month, e.day));
      break;
    case TimeExprKind::kMonthYear:
      spec = MonthSpan(absl::CivilMonth(e.year, e.month));
      break;
    case TimeExprKind::kYear:
      spec = YearSpan(e.year);
      break;
    default:
      if (!published.has_value()) {
        break;
      }
      {
        const absl::CivilDay pub = *published;
        const absl::CivilMonth pub_month(pub);
        switch (e.kind) {
          case TimeExprKind::kMonthDay: {
            absl::CivilDay day(pub.year(), e.month, e.day);
            if (!future && day > pub + 7) {
              day = absl::CivilDay(pub.year() - 1, e.month, e.day);
            }
            if (future && day < pub - 7) {
              day = absl::CivilDay(pub.year() + 1, e.month, e.day);
            }
            spec = Day(day);
            break;
          }
          case TimeExprKind::kMonth: {
            int year = static_cast<int>(pub.year());
            if (!future && e.month > pub.month()) {
              --year;
            }
            if (future && e.month < pub.month()) {
              ++year;
            }
            spec = MonthSpan(absl::CivilMonth(year, e.month));
            break;
          }
          case TimeExprKind::kWeekday: {
            const int delta = (e.value - WeekdayIndex(pub) + 7) % 7;
            absl::CivilDay day;
            if (e.last || (!future && !e.next)) {
              day = pub - ((7 - delta) % 7);
              if (e.last && day == pub) {
                day -= 7;
              }
            } else {
              day = pub + delta;
              if (e.next && delta == 0) {
                day += 7;
              }
            }
            spec = Day(day);
            break;
          }
          case TimeExprKind::kDayOffset:
            spec = Day(pub + e.value);
            break;
          case TimeExprKind::kDaysAgo:
            spec = Day(pub - e.value);
            break;
          case TimeExprKind::kWeekOffset:
          case TimeExprKind::kWeekend:
            spec = MonthSpan(absl::CivilMonth(pub + 7L * e.value));
            break;
          case TimeExprKind::kWeeksAgo:
            spec = MonthSpan(absl::CivilMonth(pub - 7L * e.value));
            break;
          case TimeExprKind::kMonthOffset:
            spec = MonthSpan(pub_month + e.value);
            break;
          case TimeExprKind::kMonthsAgo:
            spec = MonthSpan(pub_month - e.value);
            break;
          case TimeExprKind::kYearOffset:
            spec = YearSpan(static_cast<int>(pub.year()) + e.value);
            break;
          case TimeExprKind::kSeason: {
            int year = static_cast<int>(pub.year());
            if (e.last || (!future && !e.next && e.value > pub.month())) {
              --year;
            }
            if (e.next || (future && e.value + 2 < pub.month())) {
              ++year;
            }
            const absl::CivilMonth first(year, e.value);
            spec = {.granularity = TimeGranularity::kSeason,
                    .start = absl::CivilDay(first),
                    .end = absl::CivilDay(first + 3) - 1};
            break;
          }
          default:
            break;
        }
      }
  }
  spec.text.assign(e.text.data(), e.text.size());
  return spec;
}

bool IsAfter(const TimeSpec& time, absl::CivilDay published) {
  return time.granularity != TimeGranularity::kNone && time.start > published;
}

void CoverMonth(absl::CivilMonth month, TimeSpec* time) {
  time->granularity = TimeGranularity::kMonth;
  time->start = absl::CivilDay(month);
  time->end = absl::CivilDay(month + 1) - 1;
}

}  // namespace attache::extract
