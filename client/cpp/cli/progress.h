// A one-line progress report for bulk runs: articles done (of the total when
// known), rate and estimated time left, redrawn in place on a terminal.
//
// Thread safety: not thread-safe; used from the thread that reads results.
#ifndef ATTACHE_CLI_PROGRESS_H_
#define ATTACHE_CLI_PROGRESS_H_

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>

#include "absl/time/time.h"

namespace attache::cli {

// The progress line for `done` articles (of `total`, when known) after
// `elapsed`, e.g. "[#####-----] 50/100  50%  12.5 articles/s  ETA 0:04".
std::string ProgressLine(size_t done, std::optional<size_t> total,
                         absl::Duration elapsed);

class ProgressBar {
 public:
  // Draws on `out` (a terminal) at most every `interval`.
  ProgressBar(FILE* out, std::optional<size_t> total, absl::Time start,
              absl::Duration interval = absl::Milliseconds(100))
      : out_(out), total_(total), start_(start), interval_(interval) {}

  // Records one more finished article and redraws if `now` is `interval`
  // past the last drawing.
  void Advance(absl::Time now);

  // Erases the line.
  void Clear();

 private:
  FILE* const out_;
  const std::optional<size_t> total_;
  const absl::Time start_;
  const absl::Duration interval_;
  size_t done_ = 0;
  absl::Time last_drawn_ = absl::InfinitePast();
};

}  // namespace attache::cli

#endif  // ATTACHE_CLI_PROGRESS_H_
