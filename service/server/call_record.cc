#include "server/call_record.h"

#include <chrono>

#include "absl/time/clock.h"

namespace attache::server {

CallRecord::CallRecord(const char* method,
                       const grpc::CallbackServerContext& context,
                       Metrics* metrics, LogFormat log_format)
    : method_(method),
      peer_(context.peer()),
      start_(absl::Now()),
      metrics_(metrics),
      log_format_(log_format) {}

void CallRecord::Finish(grpc::StatusCode code, int articles) {
  const absl::Duration duration = absl::Now() - start_;
  metrics_->RecordRpc(method_, code, duration);
  Log(log_format_, "rpc",
      {{"method", method_},
       {"peer", peer_},
       {"code", StatusCodeName(code)},
       {"duration_ms", absl::ToDoubleMilliseconds(duration)},
       {"articles", articles}});
}

absl::Time DeadlineOf(const grpc::CallbackServerContext& context) {
  const std::chrono::system_clock::time_point deadline = context.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) {
    return absl::InfiniteFuture();
  }
  return absl::FromChrono(deadline);
}

grpc::StatusCode ObservedCode(const grpc::CallbackServerContext& context,
                              grpc::StatusCode finished_with) {
  if (!context.IsCancelled()) return finished_with;
  // The client usually cancels at its own deadline a little before the
  // server's copy (computed from the grpc-timeout header on arrival) passes.
  constexpr absl::Duration kClockSkew = absl::Milliseconds(100);
  return absl::Now() + kClockSkew >= DeadlineOf(context)
             ? grpc::StatusCode::DEADLINE_EXCEEDED
             : grpc::StatusCode::CANCELLED;
}

}  // namespace attache::server
