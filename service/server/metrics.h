// The server's Prometheus metrics, kept in one registry that the HTTP exposer
// serves and that tests read directly.
//
// Thread safety: every member is a prometheus-cpp metric, safe to update and
// read from any thread. The families are created once in the constructor.
#ifndef ATTACHE_SERVER_METRICS_H_
#define ATTACHE_SERVER_METRICS_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/support/status.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace attache::server {

class Metrics {
 public:
  Metrics();

  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  const std::shared_ptr<prometheus::Registry>& registry() const {
    return registry_;
  }

  // Counts a finished RPC of `method` ("ExtractContacts") by status code and
  // observes its duration.
  void RecordRpc(absl::string_view method, grpc::StatusCode code,
                 absl::Duration duration);

  // Counts an article by outcome: extracted, or rejected with an error code.
  void RecordArticle(grpc::StatusCode code, absl::Duration extraction_time);

  // Observes the number of contacts found in one article.
  void RecordContacts(int count);

  // Counts one write of an article to the contact store by outcome and
  // observes its duration.
  void RecordStoreWrite(bool ok, absl::Duration duration);

  // Writes to the contact store that failed, for tests and logs.
  double StoreWriteFailures() const;

  // Extractions scheduled on the worker pool and not yet started.
  prometheus::Gauge& queue_depth() const { return *queue_depth_; }
  // Extraction calls (both RPCs) being served.
  prometheus::Gauge& streams_in_flight() const { return *streams_in_flight_; }
  // Requests (an article or a batch each) the server holds for StreamExtract
  // calls: read from the client and not yet answered (queued, being
  // extracted, or waiting to be written).
  prometheus::Gauge& stream_buffered_requests() const {
    return *stream_buffered_requests_;
  }

  // Value of the RPC counter for `method` and `code`, for tests and logs.
  double RpcCount(absl::string_view method, grpc::StatusCode code) const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>* rpcs_;
  prometheus::Family<prometheus::Histogram>* rpc_seconds_;
  prometheus::Family<prometheus::Counter>* articles_;
  prometheus::Counter* contacts_;
  prometheus::Histogram* extraction_seconds_;
  prometheus::Counter* store_writes_ok_;
  prometheus::Counter* store_writes_failed_;
  prometheus::Histogram* store_write_seconds_;
  prometheus::Gauge* queue_depth_;
  prometheus::Gauge* streams_in_flight_;
  prometheus::Gauge* stream_buffered_requests_;
};

// The canonical upper-case name of a status code ("RESOURCE_EXHAUSTED").
std::string StatusCodeName(grpc::StatusCode code);

}  // namespace attache::server

#endif  // ATTACHE_SERVER_METRICS_H_
