// Bookkeeping for one RPC: when it started and from whom, and at its end the
// structured log line (method, peer, code, duration, article count) and the
// RPC metrics.
//
// Thread safety: a CallRecord belongs to one call; Finish() is called once.
#ifndef ATTACHE_SERVER_CALL_RECORD_H_
#define ATTACHE_SERVER_CALL_RECORD_H_

#include <string>

#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "server/log.h"
#include "server/metrics.h"

namespace attache::server {

class CallRecord {
 public:
  CallRecord(const char* method, const grpc::CallbackServerContext& context,
             Metrics* metrics, LogFormat log_format);

  // Logs and counts the call as finished with `code`, having read `articles`.
  void Finish(grpc::StatusCode code, int articles);

  const char* method() const { return method_; }

 private:
  const char* method_;
  std::string peer_;
  absl::Time start_;
  Metrics* metrics_;
  LogFormat log_format_;
};

// The call's deadline as an absl::Time (InfiniteFuture when it has none).
absl::Time DeadlineOf(const grpc::CallbackServerContext& context);

// The code the client saw: `finished_with` unless the call was cancelled, in
// which case DEADLINE_EXCEEDED or CANCELLED depending on the deadline.
grpc::StatusCode ObservedCode(const grpc::CallbackServerContext& context,
                              grpc::StatusCode finished_with);

}  // namespace attache::server

#endif  // ATTACHE_SERVER_CALL_RECORD_H_
