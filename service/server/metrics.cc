#include "server/metrics.h"

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace attache::server {
namespace {

// Latency buckets from 100 µs to 10 s: single small articles finish in well
// under a millisecond, long streams take seconds.
prometheus::Histogram::BucketBoundaries LatencyBuckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,    10};
}

}  // namespace

std::string StatusCodeName(grpc::StatusCode code) {
  // gRPC and Abseil share the canonical code numbering.
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  rpcs_ = &prometheus::BuildCounter()
               .Name("attache_rpcs_total")
               .Help("Finished RPCs by method and status code.")
               .Register(*registry_);
  rpc_seconds_ = &prometheus::BuildHistogram()
                      .Name("attache_rpc_duration_seconds")
                      .Help("Duration of finished RPCs by method.")
                      .Register(*registry_);
  articles_ = &prometheus::BuildCounter()
                   .Name("attache_articles_total")
                   .Help("Articles processed, by outcome status code.")
                   .Register(*registry_);
  contacts_ = &prometheus::BuildCounter()
                   .Name("attache_contacts_extracted_total")
                   .Help("Contacts found in all articles.")
                   .Register(*registry_)
                   .Add({});
  extraction_seconds_ = &prometheus::BuildHistogram()
                             .Name("attache_extraction_duration_seconds")
                             .Help("Time the engine spent on one article.")
                             .Register(*registry_)
                             .Add({}, LatencyBuckets());
  auto& store_writes = prometheus::BuildCounter()
                           .Name("attache_store_writes_total")
                           .Help(
                               "Articles written to the contact store, by "
                               "result (ok or error).")
                           .Register(*registry_);
  store_writes_ok_ = &store_writes.Add({{"result", "ok"}});
  store_writes_failed_ = &store_writes.Add({{"result", "error"}});
  store_write_seconds_ =
      &prometheus::BuildHistogram()
           .Name("attache_store_write_duration_seconds")
           .Help("Time taken to write one article to the contact store.")
           .Register(*registry_)
           .Add({}, LatencyBuckets());
  queue_depth_ = &prometheus::BuildGauge()
                      .Name("attache_worker_queue_depth")
                      .Help("Extractions waiting for a worker thread.")
                      .Register(*registry_)
                      .Add({});
  streams_in_flight_ = &prometheus::BuildGauge()
                            .Name("attache_streams_in_flight")
                            .Help("Extraction calls being served.")
                            .Register(*registry_)
                            .Add({});
  stream_buffered_requests_ =
      &prometheus::BuildGauge()
           .Name("attache_stream_buffered_requests")
           .Help("StreamExtract requests read and not yet answered.")
           .Register(*registry_)
           .Add({});
}

void Metrics::RecordRpc(absl::string_view method, grpc::StatusCode code,
                        absl::Duration duration) {
  const std::string method_name(method);
  rpcs_->Add({{"method", method_name}, {"code", StatusCodeName(code)}})
      .Increment();
  rpc_seconds_->Add({{"method", method_name}}, LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(duration));
}

void Metrics::RecordArticle(grpc::StatusCode code,
                            absl::Duration extraction_time) {
  articles_->Add({{"code", StatusCodeName(code)}}).Increment();
  if (code == grpc::StatusCode::OK) {
    extraction_seconds_->Observe(absl::ToDoubleSeconds(extraction_time));
  }
}

void Metrics::RecordContacts(int count) { contacts_->Increment(count); }

void Metrics::RecordStoreWrite(bool ok, absl::Duration duration) {
  (ok ? store_writes_ok_ : store_writes_failed_)->Increment();
  store_write_seconds_->Observe(absl::ToDoubleSeconds(duration));
}

double Metrics::StoreWriteFailures() const {
  return store_writes_failed_->Value();
}

double Metrics::RpcCount(absl::string_view method,
                         grpc::StatusCode code) const {
  return rpcs_
      ->Add({{"method", std::string(method)}, {"code", StatusCodeName(code)}})
      .Value();
}

}  // namespace attache::server
