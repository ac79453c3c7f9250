// The exit codes of the `attache` CLI, which scripts may rely on, and how
// failures map to them.
//
// Thread safety: pure functions.
#ifndef ATTACHE_CLI_EXIT_CODE_H_
#define ATTACHE_CLI_EXIT_CODE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace attache::cli {

enum class ExitCode : int {
  kOk = 0,
  kUsage = 1,             // unknown command, missing argument, bad flag value
  kInput = 2,             // input file unreadable or not a valid article
  kUnavailable = 3,       // server unavailable (not running, unreachable)
  kDeadlineExceeded = 4,  // no complete answer within --deadline
  kRejected = 5,          // the server rejected the request (bad article,
                          // too large, no capacity, unknown health service)
  kUnauthenticated = 6,   // the server refused the token
  kNotServing = 7,        // health: the service is not serving
  kArticlesFailed = 8,    // stream: some articles failed (see their "error")
  kServerError = 9,       // any other failure of the call
};

// The exit code for a failed call's status (as returned by attache::Client).
ExitCode ExitCodeForCall(const absl::Status& status);

// The table printed by --help.
absl::string_view ExitCodeHelp();

}  // namespace attache::cli

#endif  // ATTACHE_CLI_EXIT_CODE_H_
