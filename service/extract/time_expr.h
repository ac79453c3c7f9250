// Time expressions: finding "Monday", "on Sept. 18", "last month", "in
// February", "over the summer", "two weeks ago", "December 22, 2017" in a
// sentence, and resolving them against the article's published date.
//
// Resolution follows the annotation guideline: weekday names resolve to the
// most recent such day on or before publication for past events and to the
// next one for future events (the publication day itself when the weekday
// matches and the text does not say "next"); vague spans ("last week", "over
// the weekend") resolve to their month; seasons to their months. Without a
// published date only absolute dates resolve; the text is always kept.
//
// Thread safety: stateless functions.
#ifndef ATTACHE_EXTRACT_TIME_EXPR_H_
#define ATTACHE_EXTRACT_TIME_EXPR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "extract/contact.h"
#include "extract/sentence.h"

namespace attache::extract {

enum class TimeExprKind {
  kDate,         // year, month and day written out
  kMonthDay,     // month and day, no year
  kMonthYear,    // "June 2022"
  kMonth,        // "in February"
  kYear,         // "in 2017"
  kWeekday,      // "Monday", "next Friday"
  kDayOffset,    // "today" (0), "yesterday" (-1), "tomorrow" (+1)
  kDaysAgo,      // "three days ago": value = days
  kWeekOffset,   // "last week" (-1), "this week" (0), "next week" (+1)
  kMonthOffset,  // "last month" (-1), "this month" (0), "next month" (+1)
  kYearOffset,   // "last year" (-1), ...
  kWeeksAgo,     // "two weeks ago": value = weeks
  kMonthsAgo,    // value = months
  kSeason,       // "over the summer": value = first month of the season
  kWeekend,      // "this weekend", "over the weekend"
};

struct TimeExpression {
  size_t token_begin = 0;  // token span in the sentence
  size_t token_end = 0;
  // As written: views the sentence text, valid while it lives unchanged.
  absl::string_view text;
  TimeExprKind kind = TimeExprKind::kDate;
  int year = 0;       // when written
  int month = 0;      // 1..12 when written
  int day = 0;        // when written
  int value = 0;      // weekday (0 = Monday) or offset, see kind
  bool next = false;  // "next Monday"
  bool last = false;  // "last Monday"
};

// Every time expression of `sentence`, in text order, non-overlapping.
std::vector<TimeExpression> FindTimeExpressions(const Sentence& sentence);
// The same, replacing *found (whose capacity is reused across sentences).
void FindTimeExpressions(const Sentence& sentence,
                         std::vector<TimeExpression>* found);

// Resolves `expression` against `published`; `future` says whether the event
// it dates lies after publication (planned or speculated).
TimeSpec ResolveTime(const TimeExpression& expression,
                     std::optional<absl::CivilDay> published, bool future);

// True when a resolved time lies after `published` (used as a status cue).
bool IsAfter(const TimeSpec& time, absl::CivilDay published);

// Makes `time` cover the whole of `month` at month granularity; its text is
// kept.
void CoverMonth(absl::CivilMonth month, TimeSpec* time);

}  // namespace attache::extract

#endif  // ATTACHE_EXTRACT_TIME_EXPR_H_
