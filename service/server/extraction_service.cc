#include "server/extraction_service.h"

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/util/time_util.h"
#include "server/article_request.h"
#include "server/call_record.h"
#include "server/convert.h"
#include "server/unchecked.pb.h"
#include "store/contact_store.h"

namespace attache::server {

constexpr char kExtractContacts[] = "ExtractContacts";
constexpr char kStreamExtract[] = "StreamExtract";

// The outcome of one article: the engine's result and its summary, or an error.
struct ExtractionService::Extraction {
  absl::Status status;
  extract::ExtractionResult result;
  v1::ExtractionSummary summary;
};

ExtractionService::ExtractionService(const ExtractionServiceOptions& options,
                                     const Engine* engine, WorkerPool* pool,
                                     Metrics* metrics,
                                     store::ContactStore* store)
    : options_(options),
      engine_(engine),
      pool_(pool),
      metrics_(metrics),
      store_(store) {}

grpc::Status ExtractionService::Admit() {
  if (draining_) {
    return {grpc::StatusCode::UNAVAILABLE,
            "the server is shutting down; retry on another instance"};
  }
  absl::MutexLock lock(&calls_mu_);
  if (calls_in_flight_ >= options_.max_concurrent_streams) {
    return {grpc::StatusCode::RESOURCE_EXHAUSTED,
            absl::StrCat("the server is serving its limit of ",
                         options_.max_concurrent_streams,
                         " concurrent extraction calls "
                         "(--max_concurrent_streams); retry later")};
  }
  ++calls_in_flight_;
  metrics_->streams_in_flight().Increment();
  return grpc::Status::OK;
}

void ExtractionService::Release() {
  absl::MutexLock lock(&calls_mu_);
  --calls_in_flight_;
  metrics_->streams_in_flight().Decrement();
}

bool ExtractionService::WaitUntilIdle(absl::Time deadline) {
  absl::MutexLock lock(&calls_mu_);
  auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(calls_mu_) {
    return calls_in_flight_ == 0;
  };
  return calls_mu_.AwaitWithDeadline(absl::Condition(&idle), deadline);
}

void ExtractionService::Schedule(absl::AnyInvocable<void() &&> task) {
  metrics_->queue_depth().Increment();
  pool_->Schedule([this, task = std::move(task)]() mutable {
    metrics_->queue_depth().Decrement();
    std::move(task)();
  });
}

ExtractionService::Extraction ExtractionService::Extract(
    const v1::Article& article, const v1::ExtractionOptions& options,
    const std::string& article_id, const std::atomic<bool>* cancelled,
    absl::Time deadline) {
  Extraction extraction;
  if (cancelled->load()) {
    extraction.status = absl::CancelledError("the call was cancelled");
    return extraction;
  }
  const std::shared_ptr<const Engine::Snapshot> engine = engine_->current();
  const extract::ArticleText text = ToArticleText(article, article_id);
  const absl::Time start = absl::Now();
  absl::StatusOr<extract::ExtractionResult> result = engine->extractor->Extract(
      text, ToExtractOptions(options, cancelled, deadline));
  const absl::Duration duration = absl::Now() - start;
  absl::Status status = result.status();
  if (status.ok() && store_ != nullptr) {
    status = Store(article, text, *result);
  }
  metrics_->RecordArticle(static_cast<grpc::StatusCode>(status.code()),
                          duration);
  if (!status.ok()) {
    extraction.status = status;
    return extraction;
  }
  extraction.result = *std::move(result);
  const int contact_count = static_cast<int>(extraction.result.contacts.size());
  metrics_->RecordContacts(contact_count);
  v1::ExtractionSummary& summary = extraction.summary;
  summary.set_article_id(article_id);
  summary.set_contact_count(contact_count);
  summary.set_sentence_count(extraction.result.sentence_count);
  summary.set_mention_count(extraction.result.mention_count);
  *summary.mutable_extraction_duration() =
      google::protobuf::util::TimeUtil::NanosecondsToDuration(
          absl::ToInt64Nanoseconds(duration));
  summary.set_knowledge_base_version(engine->knowledge_base.version());
  summary.set_engine_version(extract::Extractor::EngineVersion());
  return extraction;
}

absl::Status ExtractionService::Store(const v1::Article& article,
                                      const extract::ArticleText& text,
                                      const extract::ExtractionResult& result) {
  const absl::Time start = absl::Now();
  const absl::Status stored = store_->PutArticle({.id = text.id,
                                                  .title = article.title(),
                                                  .published = text.published,
                                                  .source = article.source(),
                                                  .url = article.url()},
                                                 result.contacts);
  metrics_->RecordStoreWrite(stored.ok(), absl::Now() - start);
  if (stored.ok()) {
    return absl::OkStatus();
  }
  Log(options_.log_format, "store_failed",
      {{"article_id", text.id}, {"error", std::string(stored.message())}});
  return absl::UnavailableError(
      absl::StrCat("the contacts were extracted but could not be stored; "
                   "retry later (",
                   stored.message(), ")"));
}

// ExtractContacts: parse and check on the gRPC thread, extract on a worker,
// then write the prepared responses one by one from OnWriteDone (serialised
// from their unchecked wire twins, see unchecked.proto). The reactor
// needs no mutex: the worker hands over to the write chain by its last action
// (the first StartWrite or Finish), and OnCancel only sets an atomic.
class ExtractionService::ExtractContactsReactor final
    : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  ExtractContactsReactor(ExtractionService* service,
                         grpc::CallbackServerContext* context,
                         const grpc::ByteBuffer& request)
      : service_(service),
        context_(context),
        record_(kExtractContacts, *context, service->metrics_,
                service->options_.log_format),
        deadline_(DeadlineOf(*context)) {
    const grpc::Status admitted = service_->Admit();
    if (!admitted.ok()) {
      FinishWith(admitted);
      return;
    }
    admitted_ = true;
    absl::Status status = ParseExtractContactsRequest(
        request, service_->options_.max_article_bytes, &request_);
    if (status.ok()) {
      status = request_.articles.front().status;
    }
    if (!status.ok()) {
      service_->metrics_->RecordArticle(
          static_cast<grpc::StatusCode>(status.code()), absl::ZeroDuration());
      FinishWith(ToGrpcStatus(status));
      return;
    }
    service_->Schedule([this] { ExtractAndStartWriting(); });
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      FinishWith({grpc::StatusCode::CANCELLED, "the client went away"});
      return;
    }
    WriteNext();
  }

  void OnCancel() override { cancelled_ = true; }

  void OnDone() override {
    record_.Finish(ObservedCode(*context_, finished_with_), admitted_ ? 1 : 0);
    if (admitted_) {
      service_->Release();
    }
    delete this;
  }

 private:
  void ExtractAndStartWriting() {
    const RequestArticle& article = request_.articles.front();
    const std::string& article_id = article.id;
    Extraction extraction = service_->Extract(
        article.article, request_.options, article_id, &cancelled_, deadline_);
    if (!extraction.status.ok()) {
      FinishWith(ToGrpcStatus(extraction.status));
      return;
    }
    UncheckedExtractContactsResponse response;
    responses_.reserve(extraction.result.contacts.size() + 1);
    for (const extract::Contact& contact : extraction.result.contacts) {
      ToProto(contact, article_id, response.mutable_contact());
      responses_.push_back(SerializeToByteBuffer(response));
    }
    *response.mutable_summary() = std::move(extraction.summary);
    responses_.push_back(SerializeToByteBuffer(response));
    WriteNext();
  }

  // Writes the next response; the summary, last, is written with the status.
  void WriteNext() {
    const size_t index = next_response_++;
    if (index + 1 < responses_.size()) {
      StartWrite(&responses_[index]);
      return;
    }
    finished_with_ = grpc::StatusCode::OK;
    StartWriteAndFinish(&responses_[index], grpc::WriteOptions(),
                        grpc::Status::OK);
  }

  void FinishWith(const grpc::Status& status) {
    finished_with_ = status.error_code();
    Finish(status);
  }

  ExtractionService* const service_;
  grpc::CallbackServerContext* const context_;
  CallRecord record_;
  const absl::Time deadline_;
  bool admitted_ = false;
  ArticleRequest request_;
  std::atomic<bool> cancelled_{false};
  std::vector<grpc::ByteBuffer> responses_;
  size_t next_response_ = 0;
  grpc::StatusCode finished_with_ = grpc::StatusCode::UNKNOWN;
};

// StreamExtract. State changes happen under mu_ and only mark gRPC operations
// (StartRead, StartWrite, Finish) as due; StartDueOperations() starts them
// after mu_ is released, because a write sends on the calling thread and the
// reactions that need mu_ would otherwise queue behind it. Finish is started
// only once no read or write is being started, so no operation follows it.
// The reactor is reference-counted: gRPC holds one reference until OnDone and
// every scheduled extraction holds one, so a result arriving after the call
// ended still finds the reactor alive.
class ExtractionService::StreamExtractReactor final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  StreamExtractReactor(ExtractionService* service,
                       grpc::CallbackServerContext* context)
      : service_(service),
        context_(context),
        record_(kStreamExtract, *context, service->metrics_,
                service->options_.log_format),
        deadline_(DeadlineOf(*context)) {
    const grpc::Status admitted = service_->Admit();
    admitted_ = admitted.ok();
    {
      absl::MutexLock lock(&mu_);
      if (admitted_) {
        MaybeReadLocked();
      } else {
        FinishLocked(admitted);
      }
    }
    StartDueOperations();
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // the client half-closed (or the call ended)
      {
        absl::MutexLock lock(&mu_);
        reading_ = false;
        read_closed_ = true;
        MaybeFinishLocked();
      }
      StartDueOperations();
      return;
    }
    // No read is outstanding, so read_buffer_ is ours until the next one.
    auto request = std::make_unique<ArticleRequest>();
    const absl::Status parsed = ParseStreamExtractRequest(
        read_buffer_, service_->options_.max_article_bytes,
        service_->options_.max_batch_articles, request.get());
    read_buffer_.Clear();
    {
      absl::MutexLock lock(&mu_);
      reading_ = false;
      articles_read_ +=
          parsed.ok() ? static_cast<int>(request->articles.size()) : 1;
      if (finished_) {
        return;
      }
      ++unanswered_;
      service_->metrics_->stream_buffered_requests().Increment();
      if (parsed.ok()) {
        refs_.fetch_add(1);
        service_->Schedule(
            [this, request = std::move(request)] { AnswerOnWorker(*request); });
      } else {
        service_->metrics_->RecordArticle(
            static_cast<grpc::StatusCode>(parsed.code()), absl::ZeroDuration());
        UncheckedStreamExtractResponse response;
        SetError(parsed, &response);
        ready_.push_back(SerializeToByteBuffer(response));
        MaybeWriteLocked();
      }
      MaybeReadLocked();
    }
    StartDueOperations();
  }

  void OnWriteDone(bool ok) override {
    {
      absl::MutexLock lock(&mu_);
      writing_ = false;
      ReleaseLocked(1);
      if (ok) {
        MaybeWriteLocked();
        MaybeReadLocked();
        MaybeFinishLocked();
      } else {
        FinishLocked({grpc::StatusCode::CANCELLED, "the client went away"});
      }
    }
    StartDueOperations();
  }

  void OnCancel() override {
    cancelled_ = true;
    {
      absl::MutexLock lock(&mu_);
      FinishLocked({grpc::StatusCode::CANCELLED, "the call was cancelled"});
    }
    StartDueOperations();
  }

  void OnDone() override {
    int articles_read = 0;
    grpc::StatusCode finished_with = grpc::StatusCode::UNKNOWN;
    {
      absl::MutexLock lock(&mu_);
      articles_read = articles_read_;
      finished_with = finished_with_;
    }
    record_.Finish(ObservedCode(*context_, finished_with), articles_read);
    if (admitted_) {
      service_->Release();
    }
    Unref();
  }

 private:
  // Extracts the request's articles in order and queues the answer: one
  // response, with a result per article in `results` for a batch. The
  // response, built as its unchecked wire twin (see unchecked.proto), lives
  // on an arena, which makes its many small messages cheap.
  void AnswerOnWorker(const ArticleRequest& request) {
    google::protobuf::Arena arena;
    auto* response =
        google::protobuf::Arena::CreateMessage<UncheckedStreamExtractResponse>(
            &arena);
    for (const RequestArticle& article : request.articles) {
      AnswerArticle(article, request.options,
                    request.batch ? response->add_results() : response);
    }
    grpc::ByteBuffer answer = SerializeToByteBuffer(*response);
    {
      absl::MutexLock lock(&mu_);
      if (finished_) {
        ReleaseLocked(1);
      } else {
        ready_.push_back(std::move(answer));
        MaybeWriteLocked();
      }
    }
    StartDueOperations();
    Unref();
  }

  // Fills `result` with the article's contacts and summary, or its error.
  void AnswerArticle(const RequestArticle& article,
                     const v1::ExtractionOptions& options,
                     UncheckedStreamExtractResponse* result) {
    result->set_article_id(article.id);
    if (!article.status.ok()) {
      service_->metrics_->RecordArticle(
          static_cast<grpc::StatusCode>(article.status.code()),
          absl::ZeroDuration());
      SetError(article.status, result);
      return;
    }
    Extraction extraction = service_->Extract(
        article.article, options, article.id, &cancelled_, deadline_);
    if (!extraction.status.ok()) {
      SetError(extraction.status, result);
      return;
    }
    for (const extract::Contact& contact : extraction.result.contacts) {
      ToProto(contact, article.id, result->add_contacts());
    }
    *result->mutable_summary() = std::move(extraction.summary);
  }

  // Marks `result`, whose article_id is set, as failed with `status`.
  static void SetError(const absl::Status& status,
                       UncheckedStreamExtractResponse* result) {
    result->mutable_summary()->set_article_id(result->article_id());
    result->mutable_error()->set_code(static_cast<int32_t>(status.code()));
    result->mutable_error()->set_message(std::string(status.message()));
  }

  void MaybeReadLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (reading_ || read_closed_ || finished_ ||
        unanswered_ >= service_->options_.stream_window) {
      return;
    }
    reading_ = true;
    read_due_ = true;
  }

  void MaybeWriteLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (writing_ || finished_ || ready_.empty()) {
      return;
    }
    writing_ = true;
    write_buffer_ = ready_.front();  // shares the slices
    ready_.pop_front();
    write_due_ = true;
  }

  void MaybeFinishLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (read_closed_ && unanswered_ == 0) {
      FinishLocked(grpc::Status::OK);
    }
  }

  void FinishLocked(const grpc::Status& status)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) {
      return;
    }
    finished_ = true;
    finished_with_ = status.error_code();
    // Results not yet written never will be.
    ReleaseLocked(static_cast<int>(ready_.size()));
    ready_.clear();
    finish_due_ = true;
    finish_status_ = status;
  }

  // Starts the operations marked due, in a loop because a reaction on another
  // thread may mark more meanwhile. Called without mu_.
  void StartDueOperations() ABSL_LOCKS_EXCLUDED(mu_) {
    bool started = false;
    while (true) {
      bool read = false;
      bool write = false;
      bool finish = false;
      grpc::Status finish_status;
      {
        absl::MutexLock lock(&mu_);
        if (started) {
          --starting_;
        }
        read = std::exchange(read_due_, false);
        write = std::exchange(write_due_, false);
        started = read || write;
        if (started) {
          ++starting_;
        } else if (finish_due_ && starting_ == 0) {
          finish_due_ = false;
          finish = true;
          finish_status = finish_status_;
        }
      }
      if (read) {
        StartRead(&read_buffer_);
      }
      if (write) {
        StartWrite(&write_buffer_);
      }
      if (finish) {
        Finish(finish_status);
      }
      if (!started) {
        return;
      }
    }
  }

  // Counts `requests` requests as answered (or dropped).
  void ReleaseLocked(int requests) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    unanswered_ -= requests;
    service_->metrics_->stream_buffered_requests().Decrement(requests);
  }

  void Unref() {
    if (refs_.fetch_sub(1) == 1) {
      delete this;
    }
  }

  ExtractionService* const service_;
  grpc::CallbackServerContext* const context_;
  CallRecord record_;
  const absl::Time deadline_;
  bool admitted_ = false;  // set in the constructor only
  std::atomic<bool> cancelled_{false};
  std::atomic<int> refs_{1};  // gRPC's, until OnDone

  absl::Mutex mu_;
  grpc::ByteBuffer read_buffer_;   // target of the outstanding read
  grpc::ByteBuffer write_buffer_;  // source of the outstanding write
  std::deque<grpc::ByteBuffer> ready_ ABSL_GUARDED_BY(mu_);
  int unanswered_ ABSL_GUARDED_BY(mu_) = 0;  // requests read, not answered
  int articles_read_ ABSL_GUARDED_BY(mu_) = 0;
  bool reading_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool read_closed_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  grpc::StatusCode finished_with_ ABSL_GUARDED_BY(mu_) =
      grpc::StatusCode::UNKNOWN;
  // Operations due but not yet started (see StartDueOperations).
  bool read_due_ ABSL_GUARDED_BY(mu_) = false;
  bool write_due_ ABSL_GUARDED_BY(mu_) = false;
  bool finish_due_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status finish_status_ ABSL_GUARDED_BY(mu_);
  int starting_ ABSL_GUARDED_BY(mu_) = 0;  // threads starting a read or write
};

grpc::ServerWriteReactor<grpc::ByteBuffer>* ExtractionService::ExtractContacts(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) {
  return new ExtractContactsReactor(this, context, *request);
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
ExtractionService::StreamExtract(grpc::CallbackServerContext* context) {
  return new StreamExtractReactor(this, context);
}

}  // namespace attache::server
