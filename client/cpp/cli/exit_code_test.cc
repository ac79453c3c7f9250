#include "cli/exit_code.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::cli {
namespace {

TEST(ExitCodeTest, CallFailuresMapToDocumentedCodes) {
  EXPECT_EQ(ExitCodeForCall(absl::OkStatus()), ExitCode::kOk);
  EXPECT_EQ(ExitCodeForCall(absl::UnavailableError("down")),
            ExitCode::kUnavailable);
  EXPECT_EQ(ExitCodeForCall(absl::DeadlineExceededError("slow")),
            ExitCode::kDeadlineExceeded);
  EXPECT_EQ(ExitCodeForCall(absl::InvalidArgumentError("empty")),
            ExitCode::kRejected);
  EXPECT_EQ(ExitCodeForCall(absl::ResourceExhaustedError("big")),
            ExitCode::kRejected);
  EXPECT_EQ(ExitCodeForCall(absl::UnauthenticatedError("token")),
            ExitCode::kUnauthenticated);
  EXPECT_EQ(ExitCodeForCall(absl::InternalError("bug")),
            ExitCode::kServerError);
}

TEST(ExitCodeTest, HelpListsEveryCode) {
  for (int code = 0; code <= static_cast<int>(ExitCode::kServerError); ++code) {
    EXPECT_THAT(ExitCodeHelp(),
                ::testing::HasSubstr(absl::StrCat("\n  ", code, "  ")))
        << code;
  }
}

}  // namespace
}  // namespace attache::cli
