// Integration tests of attache-server's services against a real in-process
// server on an ephemeral port, through the generated C++ stubs.
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "attache/v1/admin_service.grpc.pb.h"
#include "attache/v1/extraction_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "store/contact_store.h"
#include "tests/server/test_server.h"

namespace attache::server {
namespace {

using ::attache::server::testing::CallExtractContacts;
using ::attache::server::testing::CheckHealth;
using ::attache::server::testing::Connect;
using ::attache::server::testing::FixtureArticle;
using ::attache::server::testing::HealthWatcher;
using ::attache::server::testing::LongBody;
using ::attache::server::testing::StartServer;
using ::attache::server::testing::WaitFor;
using ::testing::Contains;
using ::testing::HasSubstr;

v1::ExtractContactsRequest RequestFor(const v1::Article& article) {
  v1::ExtractContactsRequest request;
  *request.mutable_article() = article;
  return request;
}

v1::StreamExtractRequest StreamRequestFor(const v1::Article& article) {
  v1::StreamExtractRequest request;
  *request.mutable_article() = article;
  return request;
}

TEST(ExtractContactsTest, StreamsEachContactThenTheSummary) {
  std::unique_ptr<Server> server = StartServer();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const auto outcome =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("fixture-1")));
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  ASSERT_GE(outcome.responses.size(), 2u) << "expected contacts and a summary";
  const v1::ExtractionSummary& summary = outcome.responses.back().summary();
  ASSERT_TRUE(outcome.responses.back().has_summary());
  EXPECT_EQ(summary.article_id(), "fixture-1");
  EXPECT_EQ(summary.contact_count(),
            static_cast<int>(outcome.responses.size()) - 1);
  EXPECT_GT(summary.sentence_count(), 2);
  EXPECT_GT(summary.mention_count(), 2);
  EXPECT_FALSE(summary.knowledge_base_version().empty());
  EXPECT_FALSE(summary.engine_version().empty());
  for (size_t i = 0; i + 1 < outcome.responses.size(); ++i) {
    const v1::Contact& contact = outcome.responses[i].contact();
    ASSERT_TRUE(outcome.responses[i].has_contact());
    EXPECT_EQ(contact.article_id(), "fixture-1");
    EXPECT_GE(contact.participants_size(), 2);
    ASSERT_GE(contact.evidence_size(), 1);
    EXPECT_EQ(contact.evidence(0).article_id(), "fixture-1");
  }
}

TEST(ExtractContactsTest, DerivesTheArticleIdWhenMissing) {
  std::unique_ptr<Server> server = StartServer();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const auto first = CallExtractContacts(*stub, RequestFor(FixtureArticle("")));
  const auto second =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("")));
  ASSERT_TRUE(first.status.ok());
  ASSERT_TRUE(second.status.ok());
  const std::string& id = first.responses.back().summary().article_id();
  EXPECT_THAT(id, ::testing::MatchesRegex("article-[0-9a-f]{16}"));
  EXPECT_EQ(second.responses.back().summary().article_id(), id);
}

struct ErrorCase {
  const char* name;
  std::function<void(v1::Article&)> spoil;
  grpc::StatusCode code;
  const char* message;
};

// A server whose article size limit ErrorCases() expects.
std::unique_ptr<Server> StartServerForErrorCases() {
  return StartServer([](ServerOptions& o) { o.max_article_bytes = 4096; });
}

std::vector<ErrorCase> ErrorCases() {
  return {
      {"empty body", [](v1::Article& a) { a.clear_body(); },
       grpc::StatusCode::INVALID_ARGUMENT, "article.body is empty"},
      {"blank body", [](v1::Article& a) { a.set_body(" \n "); },
       grpc::StatusCode::INVALID_ARGUMENT, "article.body is empty"},
      {"invalid UTF-8",
       [](v1::Article& a) { a.set_body("Envoys met in Bras\xEDlia today."); },
       grpc::StatusCode::INVALID_ARGUMENT,
       "article.body is not valid UTF-8: byte 0xED at byte offset 18"},
      {"too large", [](v1::Article& a) { a.set_body(LongBody(5000)); },
       grpc::StatusCode::RESOURCE_EXHAUSTED, "limit of 4096 bytes"},
      {"unsupported language", [](v1::Article& a) { a.set_language("de"); },
       grpc::StatusCode::INVALID_ARGUMENT, "\"de\" is not supported"},
  };
}

TEST(ExtractContactsTest, AnswersEachBadArticleWithAnActionableError) {
  std::unique_ptr<Server> server = StartServerForErrorCases();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  for (const ErrorCase& error : ErrorCases()) {
    v1::Article article = FixtureArticle("bad");
    error.spoil(article);
    const auto outcome = CallExtractContacts(*stub, RequestFor(article));
    EXPECT_EQ(outcome.status.error_code(), error.code) << error.name;
    EXPECT_THAT(outcome.status.error_message(), HasSubstr(error.message))
        << error.name;
    EXPECT_TRUE(outcome.responses.empty()) << error.name;
  }
}

TEST(StreamExtractTest, ReturnsOneResultPerArticleCorrelatedById) {
  std::unique_ptr<Server> server = StartServer();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const auto reference =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("reference")));
  ASSERT_TRUE(reference.status.ok());

  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  constexpr int kArticles = 24;
  for (int i = 0; i < kArticles; ++i) {
    ASSERT_TRUE(stream->Write(
        StreamRequestFor(FixtureArticle(absl::StrCat("stream-", i)))));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::set<std::string> ids;
  v1::StreamExtractResponse response;
  while (stream->Read(&response)) {
    EXPECT_FALSE(response.has_error()) << response.error().message();
    EXPECT_TRUE(ids.insert(response.article_id()).second)
        << "duplicate " << response.article_id();
    EXPECT_EQ(response.summary().article_id(), response.article_id());
    // Same article text, same contacts as the single-article RPC.
    ASSERT_EQ(response.contacts_size(),
              static_cast<int>(reference.responses.size()) - 1);
    for (int c = 0; c < response.contacts_size(); ++c) {
      v1::Contact expected = reference.responses[c].contact();
      expected.set_article_id(response.article_id());
      for (v1::Evidence& evidence : *expected.mutable_evidence()) {
        evidence.set_article_id(response.article_id());
      }
      EXPECT_EQ(response.contacts(c).kind(), expected.kind());
      EXPECT_EQ(response.contacts(c).status(), expected.status());
      EXPECT_EQ(response.contacts(c).evidence_size(), expected.evidence_size());
      EXPECT_EQ(response.contacts(c).article_id(), expected.article_id());
    }
  }
  const grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(ids.size(), static_cast<size_t>(kArticles));
  EXPECT_EQ(server->metrics().stream_buffered_requests().Value(), 0);
}

// The result of an article spoiled as `error` says so and has no contacts.
void ExpectArticleError(const v1::StreamExtractResponse& result,
                        const ErrorCase& error) {
  EXPECT_EQ(result.error().code(), static_cast<int>(error.code)) << error.name;
  EXPECT_THAT(result.error().message(), HasSubstr(error.message)) << error.name;
  EXPECT_EQ(result.contacts_size(), 0) << error.name;
}

TEST(StreamExtractTest, ReportsPerArticleErrorsAndGoesOn) {
  std::unique_ptr<Server> server = StartServerForErrorCases();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  const std::vector<ErrorCase> cases = ErrorCases();
  for (size_t i = 0; i < cases.size(); ++i) {
    v1::Article bad = FixtureArticle(absl::StrCat("bad-", i));
    cases[i].spoil(bad);
    ASSERT_TRUE(stream->Write(StreamRequestFor(bad)));
    ASSERT_TRUE(stream->Write(
        StreamRequestFor(FixtureArticle(absl::StrCat("good-", i)))));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::map<std::string, v1::StreamExtractResponse> results;
  v1::StreamExtractResponse response;
  while (stream->Read(&response)) results[response.article_id()] = response;
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(results.size(), 2 * cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    ExpectArticleError(results[absl::StrCat("bad-", i)], cases[i]);
    const v1::StreamExtractResponse& good = results[absl::StrCat("good-", i)];
    EXPECT_FALSE(good.has_error());
    EXPECT_GT(good.contacts_size(), 0);
  }
}

TEST(StreamExtractTest, AnswersABatchWithOneResultPerArticleInOrder) {
  std::unique_ptr<Server> server = StartServerForErrorCases();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  // A batch mixing good articles with every bad case, then a lone article.
  const std::vector<ErrorCase> cases = ErrorCases();
  v1::StreamExtractRequest batch;
  *batch.mutable_article() = FixtureArticle("batch-head");
  for (size_t i = 0; i < cases.size(); ++i) {
    v1::Article& bad = *batch.add_articles();
    bad = FixtureArticle(absl::StrCat("batch-bad-", i));
    cases[i].spoil(bad);
    *batch.add_articles() = FixtureArticle(absl::StrCat("batch-good-", i));
  }
  ASSERT_TRUE(stream->Write(batch));
  ASSERT_TRUE(stream->Write(StreamRequestFor(FixtureArticle("lone"))));
  ASSERT_TRUE(stream->WritesDone());
  std::vector<v1::StreamExtractResponse> responses;
  v1::StreamExtractResponse response;
  while (stream->Read(&response)) responses.push_back(response);
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(responses.size(), 2u);
  const bool batch_first = responses[0].results_size() > 0;
  const v1::StreamExtractResponse& batched = responses[batch_first ? 0 : 1];
  const v1::StreamExtractResponse& lone = responses[batch_first ? 1 : 0];

  EXPECT_EQ(lone.article_id(), "lone");
  EXPECT_EQ(lone.results_size(), 0);
  EXPECT_GT(lone.contacts_size(), 0);
  EXPECT_TRUE(batched.article_id().empty());
  EXPECT_FALSE(batched.has_error());
  ASSERT_EQ(batched.results_size(), static_cast<int>(1 + 2 * cases.size()));
  const v1::StreamExtractResponse& head = batched.results(0);
  EXPECT_EQ(head.article_id(), "batch-head");
  EXPECT_EQ(head.contacts_size(), lone.contacts_size());
  EXPECT_EQ(head.summary().article_id(), "batch-head");
  for (size_t i = 0; i < cases.size(); ++i) {
    const v1::StreamExtractResponse& bad = batched.results(1 + 2 * i);
    EXPECT_EQ(bad.article_id(), absl::StrCat("batch-bad-", i)) << cases[i].name;
    ExpectArticleError(bad, cases[i]);
    const v1::StreamExtractResponse& good = batched.results(2 + 2 * i);
    EXPECT_EQ(good.article_id(), absl::StrCat("batch-good-", i));
    EXPECT_FALSE(good.has_error()) << good.error().message();
    EXPECT_EQ(good.contacts_size(), lone.contacts_size());
    EXPECT_EQ(good.results_size(), 0);
  }
  EXPECT_EQ(server->metrics().stream_buffered_requests().Value(), 0);
}

TEST(StreamExtractTest, RefusesABatchOverTheLimitAndGoesOn) {
  std::unique_ptr<Server> server =
      StartServer([](ServerOptions& o) { o.max_batch_articles = 2; });
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  v1::StreamExtractRequest batch;
  for (int i = 0; i < 3; ++i) {
    *batch.add_articles() = FixtureArticle(absl::StrCat("over-", i));
  }
  ASSERT_TRUE(stream->Write(batch));
  v1::StreamExtractResponse refused;
  ASSERT_TRUE(stream->Read(&refused));
  ASSERT_TRUE(stream->Write(StreamRequestFor(FixtureArticle("after"))));
  ASSERT_TRUE(stream->WritesDone());
  v1::StreamExtractResponse after;
  ASSERT_TRUE(stream->Read(&after));
  ASSERT_TRUE(stream->Finish().ok());

  EXPECT_EQ(refused.error().code(),
            static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  EXPECT_THAT(refused.error().message(), HasSubstr("limit of 2"));
  EXPECT_TRUE(refused.article_id().empty());
  EXPECT_EQ(refused.results_size(), 0);
  EXPECT_EQ(after.article_id(), "after");
  EXPECT_GT(after.contacts_size(), 0);
  EXPECT_EQ(server->metrics().stream_buffered_requests().Value(), 0);
}

TEST(LimitsTest, RefusesCallsBeyondMaxConcurrentStreams) {
  std::unique_ptr<Server> server =
      StartServer([](ServerOptions& o) { o.max_concurrent_streams = 1; });
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext open_context;
  auto open_stream = stub->StreamExtract(&open_context);
  ASSERT_TRUE(WaitFor(
      [&] { return server->metrics().streams_in_flight().Value() == 1; }));

  const auto refused =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("refused")));
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.status.error_message(),
              HasSubstr("limit of 1 concurrent extraction calls"));
  grpc::ClientContext second_context;
  auto second_stream = stub->StreamExtract(&second_context);
  second_stream->WritesDone();
  EXPECT_EQ(second_stream->Finish().error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);

  open_stream->WritesDone();
  EXPECT_TRUE(open_stream->Finish().ok());
  // The slot is free again.
  ASSERT_TRUE(WaitFor(
      [&] { return server->metrics().streams_in_flight().Value() == 0; }));
  EXPECT_TRUE(CallExtractContacts(*stub, RequestFor(FixtureArticle("after")))
                  .status.ok());
}

// A body large enough that extracting it takes far longer than the deadlines
// and cancellations below (the engine does tens of MB/s), with a server whose
// article limit admits it.
constexpr size_t kSlowArticleBytes = 12 << 20;

std::unique_ptr<Server> StartServerForSlowArticles() {
  return StartServer(
      [](ServerOptions& o) { o.max_article_bytes = 2 * kSlowArticleBytes; });
}

v1::ExtractContactsRequest SlowRequest() {
  v1::Article article = FixtureArticle("slow");
  article.set_body(LongBody(kSlowArticleBytes));
  return RequestFor(article);
}

absl::Duration TimeUncancelledExtraction(v1::ExtractionService::Stub& stub) {
  const absl::Time start = absl::Now();
  const auto outcome =
      CallExtractContacts(stub, SlowRequest(), absl::Minutes(2));
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  return absl::Now() - start;
}

TEST(CancellationTest, DeadlineStopsTheExtractionPromptly) {
  std::unique_ptr<Server> server = StartServerForSlowArticles();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const absl::Duration full = TimeUncancelledExtraction(*stub);
  const absl::Time start = absl::Now();
  const auto outcome =
      CallExtractContacts(*stub, SlowRequest(), absl::Milliseconds(50));
  EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The server lets go of the call long before the extraction would end.
  ASSERT_TRUE(WaitFor(
      [&] { return server->metrics().streams_in_flight().Value() == 0; }));
  const absl::Duration released = absl::Now() - start;
  EXPECT_LT(released, full / 2 + absl::Milliseconds(100))
      << "full extraction takes " << full;
  EXPECT_TRUE(WaitFor([&] {
    return server->metrics().RpcCount("ExtractContacts",
                                      grpc::StatusCode::DEADLINE_EXCEEDED) == 1;
  }));
}

TEST(CancellationTest, ClientCancellationStopsTheExtractionPromptly) {
  std::unique_ptr<Server> server = StartServerForSlowArticles();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const absl::Duration full = TimeUncancelledExtraction(*stub);
  grpc::ClientContext context;
  auto reader = stub->ExtractContacts(&context, SlowRequest());
  ASSERT_TRUE(WaitFor(
      [&] { return server->metrics().streams_in_flight().Value() == 1; }));
  const absl::Time start = absl::Now();
  context.TryCancel();
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  ASSERT_TRUE(WaitFor(
      [&] { return server->metrics().streams_in_flight().Value() == 0; }));
  EXPECT_LT(absl::Now() - start, full / 2 + absl::Milliseconds(100))
      << "full extraction takes " << full;
  EXPECT_TRUE(WaitFor([&] {
    return server->metrics().RpcCount("ExtractContacts",
                                      grpc::StatusCode::CANCELLED) == 1;
  }));
}

TEST(CancellationTest, CancelledStreamReleasesEveryBufferedArticle) {
  std::unique_ptr<Server> server = StartServerForSlowArticles();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  v1::Article slow = SlowRequest().article();
  for (int i = 0; i < 3; ++i) {
    slow.set_id(absl::StrCat("slow-", i));
    ASSERT_TRUE(stream->Write(StreamRequestFor(slow)));
  }
  ASSERT_TRUE(WaitFor([&] {
    return server->metrics().stream_buffered_requests().Value() > 0;
  }));
  context.TryCancel();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_TRUE(WaitFor([&] {
    return server->metrics().stream_buffered_requests().Value() == 0 &&
           server->metrics().streams_in_flight().Value() == 0 &&
           server->metrics().queue_depth().Value() == 0;
  }));
}

TEST(CancellationTest, StreamDeadlinePassingMidStreamEndsIt) {
  std::unique_ptr<Server> server = StartServer();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext context;
  context.set_deadline(
      absl::ToChronoTime(absl::Now() + absl::Milliseconds(800)));
  auto stream = stub->StreamExtract(&context);
  int answered = 0;
  v1::StreamExtractResponse response;
  // A client that keeps the stream open past its deadline.
  for (int i = 0; i < 100; ++i) {
    if (!stream->Write(StreamRequestFor(FixtureArticle(absl::StrCat(i)))))
      break;
    if (!stream->Read(&response)) break;
    ++answered;
    absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_GT(answered, 0);
  EXPECT_LT(answered, 100);
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_TRUE(WaitFor([&] {
    return server->metrics().RpcCount("StreamExtract",
                                      grpc::StatusCode::DEADLINE_EXCEEDED) == 1;
  }));
}

// A client that writes as fast as it can and never reads: the server must stop
// reading once `stream_window` requests are unanswered, so what it holds stays
// bounded however much the client tries to send. The parameter is the number
// of articles per request (1: single articles, more: batches).
class BackPressureTest : public ::testing::TestWithParam<int> {};

TEST_P(BackPressureTest, ServerBuffersAtMostTheStreamWindow) {
  constexpr int kWindow = 4;
  const int batch = GetParam();
  std::unique_ptr<Server> server = StartServer([](ServerOptions& o) {
    o.workers = 1;
    o.stream_window = kWindow;
  });
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  v1::Article article = FixtureArticle("");
  article.set_body(LongBody(64 * 1024));
  // 25 MiB in all, far more than transport buffers.
  const int requests = 400 / batch;
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; i < requests; ++i) {
      v1::StreamExtractRequest request;
      for (int a = 0; a < batch; ++a) {
        article.set_id(absl::StrCat("flood-", i, "-", a));
        *(batch == 1 ? request.mutable_article() : request.add_articles()) =
            article;
      }
      if (!stream->Write(request)) return;
      ++written;
    }
  });
  double max_buffered = 0;
  const absl::Time end = absl::Now() + absl::Seconds(3);
  while (absl::Now() < end) {
    max_buffered = std::max(
        max_buffered, server->metrics().stream_buffered_requests().Value());
    absl::SleepFor(absl::Milliseconds(2));
  }
  const int written_while_not_reading = written.load();
  context.TryCancel();
  writer.join();
  stream->Finish().IgnoreError();

  EXPECT_EQ(max_buffered, kWindow);  // reached the window and never passed it
  // The client was held back by flow control rather than buffered for.
  EXPECT_LT(written_while_not_reading, requests);
  std::cerr << "back-pressure: max buffered " << max_buffered
            << " requests; client wrote " << written_while_not_reading << " of "
            << requests << " requests of " << batch
            << " 64 KiB articles before blocking\n";
  EXPECT_TRUE(WaitFor([&] {
    return server->metrics().stream_buffered_requests().Value() == 0;
  }));
}

INSTANTIATE_TEST_SUITE_P(SingleAndBatched, BackPressureTest,
                         ::testing::Values(1, 4));

TEST(ShutdownTest, DrainsCallsUnderWayAndRefusesNewOnes) {
  std::unique_ptr<Server> server = StartServer();
  std::shared_ptr<grpc::Channel> channel = Connect(*server);
  auto stub = v1::ExtractionService::NewStub(channel);
  EXPECT_EQ(CheckHealth(*channel, ""), testing::kServing);
  EXPECT_EQ(CheckHealth(*channel, "attache.v1.ExtractionService"),
            testing::kServing);
  EXPECT_EQ(CheckHealth(*channel, "attache.v1.AdminService"),
            testing::kServing);
  HealthWatcher watcher(*channel, "attache.v1.ExtractionService");
  ASSERT_TRUE(WaitFor([&] { return !watcher.statuses().empty(); }));

  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  ASSERT_TRUE(stream->Write(StreamRequestFor(FixtureArticle("before-1"))));
  ASSERT_TRUE(WaitFor(
      [&] { return server->metrics().streams_in_flight().Value() == 1; }));

  std::thread shutdown([&] { server->Shutdown(absl::Seconds(20)); });
  // Health turns NOT_SERVING while the stream is still being served.
  ASSERT_TRUE(WaitFor([&] {
    return ::testing::Value(watcher.statuses(), Contains(testing::kNotServing));
  }));
  EXPECT_EQ(server->metrics().streams_in_flight().Value(), 1);
  EXPECT_EQ(CheckHealth(*channel, "attache.v1.ExtractionService"),
            testing::kNotServing);
  EXPECT_EQ(CheckHealth(*channel, ""), testing::kNotServing);
  // New calls are refused.
  auto fresh = v1::ExtractionService::NewStub(Connect(*server));
  const auto refused =
      CallExtractContacts(*fresh, RequestFor(FixtureArticle("late")));
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  // The call under way still completes normally.
  ASSERT_TRUE(stream->Write(StreamRequestFor(FixtureArticle("before-2"))));
  ASSERT_TRUE(stream->WritesDone());
  int results = 0;
  v1::StreamExtractResponse response;
  while (stream->Read(&response)) ++results;
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(results, 2);
  const absl::Time drained = absl::Now();
  shutdown.join();
  EXPECT_LT(absl::Now() - drained, absl::Seconds(5)) << "waited for the grace";
}

TEST(ShutdownTest, CancelsCallsStillRunningWhenTheGraceEnds) {
  std::unique_ptr<Server> server = StartServer();
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);  // never half-closes
  ASSERT_TRUE(WaitFor(
      [&] { return server->metrics().streams_in_flight().Value() == 1; }));
  const absl::Time start = absl::Now();
  server->Shutdown(absl::Milliseconds(300));
  const absl::Duration took = absl::Now() - start;
  EXPECT_GE(took, absl::Milliseconds(250));
  EXPECT_LT(took, absl::Seconds(5));
  EXPECT_FALSE(stream->Finish().ok());
  EXPECT_EQ(server->metrics().streams_in_flight().Value(), 0);
}

TEST(AdminTest, DescribesTheServerAndReloadsTheKnowledgeBase) {
  std::unique_ptr<Server> server = StartServer();
  auto admin = v1::AdminService::NewStub(Connect(*server));
  v1::GetServerInfoResponse before;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(admin->GetServerInfo(&context, {}, &before).ok());
  }
  EXPECT_FALSE(before.server_version().empty());
  EXPECT_FALSE(before.engine_version().empty());
  EXPECT_EQ(before.knowledge_base().source(), "embedded");
  EXPECT_GT(before.knowledge_base().state_count(), 100);
  EXPECT_GT(before.knowledge_base().person_count(), 0);

  absl::SleepFor(absl::Milliseconds(5));  // a later load time
  v1::ReloadKnowledgeBaseResponse reloaded;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(admin->ReloadKnowledgeBase(&context, {}, &reloaded).ok());
  }
  EXPECT_EQ(reloaded.previous_version(), before.knowledge_base().version());
  // The same embedded data gives the same version, loaded anew.
  EXPECT_EQ(reloaded.knowledge_base().version(),
            before.knowledge_base().version());
  v1::GetServerInfoResponse after;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(admin->GetServerInfo(&context, {}, &after).ok());
  }
  EXPECT_GT(google::protobuf::util::TimeUtil::TimestampToNanoseconds(
                after.knowledge_base().load_time()),
            google::protobuf::util::TimeUtil::TimestampToNanoseconds(
                before.knowledge_base().load_time()));
  EXPECT_EQ(google::protobuf::util::TimeUtil::TimestampToNanoseconds(
                after.start_time()),
            google::protobuf::util::TimeUtil::TimestampToNanoseconds(
                before.start_time()));
}

TEST(AdminTest, FailedReloadKeepsTheKnowledgeBaseInUse) {
  const std::string dir = ::testing::TempDir() + "/attache_kb_reload";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::string(ATTACHE_SOURCE_DIR) + "/service/kb/data",
                        dir);
  std::unique_ptr<Server> server =
      StartServer([&](ServerOptions& o) { o.kb_path = dir; });
  auto admin = v1::AdminService::NewStub(Connect(*server));
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const auto before =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("kb")));
  ASSERT_TRUE(before.status.ok());

  // Corrupt one file: the reload must fail and name it.
  {
    std::ofstream states(dir + "/states.tsv", std::ios::app);
    states << "not\ta\tvalid\tline\twith\ttoo\tmany\tcolumns\n";
  }
  v1::ReloadKnowledgeBaseResponse reloaded;
  grpc::ClientContext context;
  const grpc::Status status =
      admin->ReloadKnowledgeBase(&context, {}, &reloaded);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("states.tsv"));
  EXPECT_THAT(status.error_message(), HasSubstr("still using version"));
  const auto after =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("kb")));
  ASSERT_TRUE(after.status.ok());
  EXPECT_EQ(after.responses.back().summary().knowledge_base_version(),
            before.responses.back().summary().knowledge_base_version());
  std::filesystem::remove_all(dir);
}

TEST(MetricsTest, ServesPrometheusTextWithTheRpcCounts) {
  std::unique_ptr<Server> server =
      StartServer([](ServerOptions& o) { o.metrics_listen = "127.0.0.1:0"; });
  ASSERT_GT(server->metrics_port(), 0);
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  ASSERT_TRUE(
      CallExtractContacts(*stub, RequestFor(FixtureArticle("m"))).status.ok());
  ASSERT_TRUE(WaitFor([&] {
    return server->metrics().RpcCount("ExtractContacts",
                                      grpc::StatusCode::OK) == 1;
  }));
  const std::string page = testing::HttpGet(server->metrics_port(), "/metrics");
  EXPECT_THAT(
      page,
      HasSubstr(
          "attache_rpcs_total{code=\"OK\",method=\"ExtractContacts\"} 1"));
  EXPECT_THAT(page, HasSubstr("attache_rpc_duration_seconds_bucket"));
  EXPECT_THAT(page, HasSubstr("attache_articles_total{code=\"OK\"} 1"));
  EXPECT_THAT(page, HasSubstr("attache_contacts_extracted_total"));
  EXPECT_THAT(page, HasSubstr("attache_worker_queue_depth 0"));
  EXPECT_THAT(page, HasSubstr("attache_streams_in_flight 0"));
}

// A fresh directory for one test's contact store.
std::filesystem::path StoreDir(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / ("attache_store_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::vector<std::string> ContactIds(
    const std::vector<v1::ExtractContactsResponse>& responses) {
  std::vector<std::string> ids;
  for (const v1::ExtractContactsResponse& response : responses) {
    if (response.has_contact()) ids.push_back(response.contact().id());
  }
  return ids;
}

std::vector<std::string> StoredIds(store::ContactStore& store,
                                   const std::string& article_id) {
  std::vector<std::string> ids;
  absl::StatusOr<std::vector<store::StoredContact>> stored =
      store.ListContacts(article_id);
  EXPECT_TRUE(stored.ok()) << stored.status();
  if (!stored.ok()) return ids;
  for (const store::StoredContact& contact : *stored) {
    EXPECT_THAT(contact.json, HasSubstr(article_id));
    ids.push_back(contact.id);
  }
  return ids;
}

TEST(StoreTest, StoresEveryExtractedArticleOnce) {
  const std::string url =
      "sqlite:" + (StoreDir("once") / "contacts.db").string();
  std::unique_ptr<Server> server =
      StartServer([&](ServerOptions& o) { o.store_url = url; });
  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const auto single =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("stored-1")));
  ASSERT_TRUE(single.status.ok()) << single.status.error_message();
  const std::vector<std::string> ids = ContactIds(single.responses);
  ASSERT_FALSE(ids.empty());

  // A second connection to the file sees what the server wrote.
  absl::StatusOr<std::unique_ptr<store::ContactStore>> store =
      store::ContactStore::Open(url);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(StoredIds(**store, "stored-1"), ids);
  EXPECT_EQ(*(*store)->ArticleRevision("stored-1"), 1);

  // The same article again, alone and within a stream, adds no rows and
  // leaves its revision alone.
  ASSERT_TRUE(CallExtractContacts(*stub, RequestFor(FixtureArticle("stored-1")))
                  .status.ok());
  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  for (const char* id : {"streamed-1", "stored-1", "streamed-2"}) {
    ASSERT_TRUE(stream->Write(StreamRequestFor(FixtureArticle(id))));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::map<std::string, std::vector<std::string>> streamed;
  v1::StreamExtractResponse response;
  while (stream->Read(&response)) {
    EXPECT_FALSE(response.has_error()) << response.error().message();
    std::vector<std::string>& article_ids = streamed[response.article_id()];
    for (const v1::Contact& contact : response.contacts()) {
      article_ids.push_back(contact.id());
    }
  }
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(streamed.size(), 3u);
  for (const auto& [article_id, contact_ids] : streamed) {
    EXPECT_EQ(StoredIds(**store, article_id), contact_ids) << article_id;
    EXPECT_EQ(*(*store)->ArticleRevision(article_id), 1) << article_id;
  }
  EXPECT_EQ(StoredIds(**store, "stored-1"), ids);
  EXPECT_EQ(server->metrics().StoreWriteFailures(), 0);
}

TEST(StoreTest, AnswersUnavailableWhenTheStoreCannotBeWritten) {
  const std::filesystem::path path = StoreDir("locked") / "contacts.db";
  std::unique_ptr<Server> server = StartServer(
      [&](ServerOptions& o) { o.store_url = "sqlite:" + path.string(); });
  // Another process's write transaction outlasts the store's busy timeout.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
            SQLITE_OK);

  auto stub = v1::ExtractionService::NewStub(Connect(*server));
  const auto single =
      CallExtractContacts(*stub, RequestFor(FixtureArticle("lost-1")));
  EXPECT_EQ(single.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(single.status.error_message(), HasSubstr("could not be stored"));
  EXPECT_THAT(single.status.error_message(), HasSubstr("locked"));
  EXPECT_TRUE(single.responses.empty()) << "no contact may precede the error";

  grpc::ClientContext context;
  auto stream = stub->StreamExtract(&context);
  ASSERT_TRUE(stream->Write(StreamRequestFor(FixtureArticle("lost-2"))));
  ASSERT_TRUE(stream->WritesDone());
  v1::StreamExtractResponse response;
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_EQ(response.error().code(),
            static_cast<int>(grpc::StatusCode::UNAVAILABLE));
  EXPECT_THAT(response.error().message(), HasSubstr("could not be stored"));
  EXPECT_EQ(response.contacts_size(), 0);
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(server->metrics().StoreWriteFailures(), 2);

  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_TRUE(CallExtractContacts(*stub, RequestFor(FixtureArticle("lost-1")))
                  .status.ok());
}

TEST(StoreTest, ServerDoesNotStartWithAnUnwritableStore) {
  // A regular file cannot hold a directory, not even for root.
  const std::filesystem::path blocker = StoreDir("unwritable") / "blocker";
  std::ofstream(blocker) << "a file, not a directory";
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.metrics_listen = "";
  options.store_url = "sqlite:" + (blocker / "contacts.db").string();
  const absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(server.status().message(), HasSubstr("--store_url"));
  EXPECT_THAT(server.status().message(), HasSubstr(options.store_url));

  options.store_url = "postgresql://db.example.org/attache";
  EXPECT_EQ(Server::Start(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace attache::server
