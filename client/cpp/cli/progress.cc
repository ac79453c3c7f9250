#include "cli/progress.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace attache::cli {
namespace {

constexpr size_t kBarWidth = 20;

std::string Clock(absl::Duration duration) {
  const int64_t seconds = absl::ToInt64Seconds(duration);
  if (seconds >= 3600) {
    return absl::StrFormat("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                           seconds % 60);
  }
  return absl::StrFormat("%d:%02d", seconds / 60, seconds % 60);
}

}  // namespace

std::string ProgressLine(size_t done, std::optional<size_t> total,
                         absl::Duration elapsed) {
  const double seconds = absl::ToDoubleSeconds(elapsed);
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  const std::string rate_text = absl::StrFormat("%.1f articles/s", rate);
  if (!total.has_value() || *total == 0) {
    return absl::StrCat(done, " articles  ", rate_text);
  }
  const size_t filled = std::min(kBarWidth, done * kBarWidth / *total);
  std::string line =
      absl::StrFormat("[%s%s] %d/%d %3d%%  %s", std::string(filled, '#'),
                      std::string(kBarWidth - filled, '-'), done, *total,
                      static_cast<int>(done * 100 / *total), rate_text);
  if (rate > 0 && done < *total) {
    const double left = static_cast<double>(*total - done) / rate;
    absl::StrAppend(&line, "  ETA ", Clock(absl::Seconds(std::ceil(left))));
  }
  return line;
}

void ProgressBar::Advance(absl::Time now) {
  ++done_;
  if (now - last_drawn_ < interval_ && done_ != total_) return;
  last_drawn_ = now;
  // \r returns to the line's start and \033[K erases what is left of it.
  std::fprintf(out_, "\r%s\033[K",
               ProgressLine(done_, total_, now - start_).c_str());
  std::fflush(out_);
}

void ProgressBar::Clear() {
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
}

}  // namespace attache::cli
