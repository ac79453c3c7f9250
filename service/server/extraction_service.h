// attache.v1.ExtractionService over gRPC's callback API.
//
// ExtractContacts runs the extraction on the worker pool, then writes each
// contact and the closing summary, one write at a time.
//
// StreamExtract reads requests while fewer than `stream_window` of them are
// unanswered (queued, being extracted, or waiting to be written), runs each on
// the worker pool and writes each answer as soon as it is ready, at most one
// write outstanding. A client that sends without reading therefore makes the
// server stop reading, and HTTP/2 flow control then stops the client: the
// server never holds more than `stream_window` requests (each at most gRPC's
// message size limit) per stream. A request is an article or a batch of
// them; a batch is extracted in order on one worker and answered by one
// response, its results in the batch's order. Answers are written in
// COMPLETION order, not arrival order; clients correlate them by
// `article_id`. A per-article failure is reported in that result's `error`;
// a request refused as a whole (not a message, or a batch over
// `max_batch_articles`) is answered by one `error` with an empty
// `article_id`. Either way the stream goes on.
//
// With a contact store, each article's contacts are written to it on the
// worker thread after a successful extraction and before any response is
// written. When that write fails the article is answered with UNAVAILABLE
// and a message naming the store's error, so that a pipeline retries it and
// no extraction is silently left unstored: ExtractContacts fails as a whole,
// StreamExtract reports it in that article's `error` and goes on.
//
// Both methods are registered as raw (ByteBuffer) methods so that a request
// whose text is not UTF-8, which Protobuf refuses to parse, is answered with
// the offending field and byte offset (see article_request.h).
//
// Thread safety: the service is called concurrently by gRPC's callback
// threads; its own state is atomic or guarded by calls_mu_. Each call's reactor
// guards its state with its own mutex. The service must outlive the
// grpc::Server it is registered with and every task it scheduled on the worker
// pool.
#ifndef ATTACHE_SERVER_EXTRACTION_SERVICE_H_
#define ATTACHE_SERVER_EXTRACTION_SERVICE_H_

#include <atomic>
#include <cstddef>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "attache/v1/extraction_service.grpc.pb.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/server_callback.h"
#include "server/engine.h"
#include "server/log.h"
#include "server/metrics.h"
#include "server/worker_pool.h"

namespace attache::store {
class ContactStore;
}  // namespace attache::store

namespace attache::server {

struct ExtractionServiceOptions {
  // Largest title plus body accepted, in bytes.
  size_t max_article_bytes = size_t{1} << 20;
  // Extraction calls (of both methods) served at once; more are refused with
  // RESOURCE_EXHAUSTED.
  int max_concurrent_streams = 64;
  // Requests (an article or a batch each) one StreamExtract call may have
  // read and not yet answered.
  int stream_window = 8;
  // Articles one StreamExtract request may carry; a request with more is
  // answered with RESOURCE_EXHAUSTED without being parsed.
  int max_batch_articles = 1024;
  LogFormat log_format = LogFormat::kText;
};

class ExtractionService final
    : public v1::ExtractionService::WithRawCallbackMethod_ExtractContacts<
          v1::ExtractionService::WithRawCallbackMethod_StreamExtract<
              v1::ExtractionService::Service>> {
 public:
  // `engine`, `pool`, `metrics` and `store` must outlive the service.
  // `store` may be null: results are then not stored.
  ExtractionService(const ExtractionServiceOptions& options,
                    const Engine* engine, WorkerPool* pool, Metrics* metrics,
                    store::ContactStore* store);

  // From now on new calls fail with UNAVAILABLE; calls under way go on.
  void StartDraining() { draining_ = true; }

  // Waits until no extraction call is in flight or `deadline` passes; returns
  // whether the service went idle.
  bool WaitUntilIdle(absl::Time deadline);

  grpc::ServerWriteReactor<grpc::ByteBuffer>* ExtractContacts(
      grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request) override;

  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* StreamExtract(
      grpc::CallbackServerContext* context) override;

 private:
  class ExtractContactsReactor;
  class StreamExtractReactor;
  struct Extraction;

  // Counts a new call in flight, or says why it may not start.
  grpc::Status Admit();
  // Ends a call admitted by Admit().
  void Release();

  // Runs the engine on the request's article (on a worker thread), stores
  // the result, and counts the article's outcome.
  Extraction Extract(const v1::Article& article,
                     const v1::ExtractionOptions& options,
                     const std::string& article_id,
                     const std::atomic<bool>* cancelled, absl::Time deadline);

  // Writes the article and its contacts to the store; UNAVAILABLE on failure.
  absl::Status Store(const v1::Article& article,
                     const extract::ArticleText& text,
                     const extract::ExtractionResult& result);

  // Schedules `task` on the worker pool, keeping the queue-depth gauge.
  void Schedule(absl::AnyInvocable<void() &&> task);

  const ExtractionServiceOptions options_;
  const Engine* const engine_;
  WorkerPool* const pool_;
  Metrics* const metrics_;
  store::ContactStore* const store_;
  std::atomic<bool> draining_{false};
  absl::Mutex calls_mu_;
  int calls_in_flight_ ABSL_GUARDED_BY(calls_mu_) = 0;
};

}  // namespace attache::server

#endif  // ATTACHE_SERVER_EXTRACTION_SERVICE_H_
