#include "cli/exit_code.h"

namespace attache::cli {

ExitCode ExitCodeForCall(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return ExitCode::kOk;
    case absl::StatusCode::kUnavailable:
      return ExitCode::kUnavailable;
    case absl::StatusCode::kDeadlineExceeded:
      return ExitCode::kDeadlineExceeded;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kNotFound:
      return ExitCode::kRejected;
    case absl::StatusCode::kUnauthenticated:
    case absl::StatusCode::kPermissionDenied:
      return ExitCode::kUnauthenticated;
    default:
      return ExitCode::kServerError;
  }
}

absl::string_view ExitCodeHelp() {
  return R"(Exit codes:
  0  success
  1  usage error (unknown command, missing argument, bad flag value)
  2  input file unreadable or not a valid article
  3  server unavailable (not running or unreachable)
  4  deadline exceeded (no complete answer within --deadline)
  5  request rejected by the server (invalid or too large article, no
     capacity, unknown health service)
  6  token refused (UNAUTHENTICATED or PERMISSION_DENIED)
  7  health: the service is not serving
  8  stream: some articles failed (their results carry "error")
  9  any other server error)";
}

}  // namespace attache::cli
