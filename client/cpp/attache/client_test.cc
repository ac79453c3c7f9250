#include "attache/client.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"

namespace attache {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using HealthResponse = grpc::health::v1::HealthCheckResponse;

// A scripted stand-in for attache-server: each article yields one contact
// per line of its body (with the line as evidence), and the test decides
// how calls fail or slow down.
class FakeServer final : public v1::ExtractionService::Service,
                         public v1::AdminService::Service,
                         public grpc::health::v1::Health::Service {
 public:
  // GetServerInfo answers UNAVAILABLE this many times before succeeding.
  std::atomic<int> info_failures{0};
  std::atomic<int> info_calls{0};
  // StreamExtract waits this long before answering each article.
  absl::Duration answer_delay = absl::ZeroDuration();

  FakeServer() {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("localhost:0", grpc::InsecureServerCredentials(),
                             &port_);
    builder.RegisterService(static_cast<v1::ExtractionService::Service*>(this));
    builder.RegisterService(static_cast<v1::AdminService::Service*>(this));
    builder.RegisterService(
        static_cast<grpc::health::v1::Health::Service*>(this));
    server_ = builder.BuildAndStart();
  }
  ~FakeServer() override { server_->Shutdown(absl::ToChronoTime(absl::Now())); }

  std::string target() const { return absl::StrCat("localhost:", port_); }

  std::string last_authorization() {
    absl::MutexLock lock(&mu_);
    return last_authorization_;
  }
  int max_unanswered() {
    absl::MutexLock lock(&mu_);
    return max_unanswered_;
  }

  grpc::Status ExtractContacts(
      grpc::ServerContext* context, const v1::ExtractContactsRequest* request,
      grpc::ServerWriter<v1::ExtractContactsResponse>* writer) override {
    RecordAuthorization(*context);
    if (request->article().body() == "wait for the deadline") {
      while (!context->IsCancelled()) absl::SleepFor(absl::Milliseconds(5));
      return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "too slow");
    }
    if (request->article().body().empty()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "empty body");
    }
    const v1::StreamExtractResponse result = Answer(request->article());
    v1::ExtractContactsResponse response;
    for (const v1::Contact& contact : result.contacts()) {
      *response.mutable_contact() = contact;
      writer->Write(response);
    }
    *response.mutable_summary() = result.summary();
    writer->Write(response);
    return grpc::Status::OK;
  }

  grpc::Status StreamExtract(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::StreamExtractResponse,
                               v1::StreamExtractRequest>* stream) override {
    RecordAuthorization(*context);
    // Reads eagerly in this thread and answers from another, so that the
    // number of unanswered articles is bounded by the client alone.
    std::vector<v1::Article> queue;
    bool reading_done = false;
    std::thread answerer([&] {
      while (true) {
        v1::Article article;
        {
          const auto ready = [&] {
            mu_.AssertHeld();
            return reading_done || !queue.empty();
          };
          absl::MutexLock lock(&mu_, absl::Condition(&ready));
          if (queue.empty()) return;
          article = queue.front();
          queue.erase(queue.begin());
        }
        absl::SleepFor(answer_delay);
        {
          absl::MutexLock lock(&mu_);
          --unanswered_;
        }
        stream->Write(Answer(article));
      }
    });
    v1::StreamExtractRequest request;
    while (stream->Read(&request)) {
      absl::MutexLock lock(&mu_);
      queue.push_back(request.article());
      max_unanswered_ = std::max(max_unanswered_, ++unanswered_);
    }
    {
      absl::MutexLock lock(&mu_);
      reading_done = true;
    }
    answerer.join();
    return grpc::Status::OK;
  }

  grpc::Status GetServerInfo(grpc::ServerContext* context,
                             const v1::GetServerInfoRequest* request,
                             v1::GetServerInfoResponse* response) override {
    ++info_calls;
    if (info_failures.fetch_sub(1) > 0) {
      return grpc::Status(grpc::StatusCode::UNAVAILABLE, "warming up");
    }
    response->set_server_version("9.9.9");
    return grpc::Status::OK;
  }

  grpc::Status Check(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     HealthResponse* response) override {
    if (request->service() == "draining") {
      response->set_status(HealthResponse::NOT_SERVING);
    } else if (request->service().empty()) {
      response->set_status(HealthResponse::SERVING);
    } else {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "unknown service");
    }
    return grpc::Status::OK;
  }

 private:
  void RecordAuthorization(const grpc::ServerContext& context) {
    const auto& metadata = context.client_metadata();
    const auto found = metadata.find("authorization");
    absl::MutexLock lock(&mu_);
    last_authorization_ =
        found == metadata.end()
            ? ""
            : std::string(found->second.data(), found->second.size());
  }

  static v1::StreamExtractResponse Answer(const v1::Article& article) {
    v1::StreamExtractResponse result;
    result.set_article_id(article.id());
    for (absl::string_view line : absl::StrSplit(article.body(), '\n')) {
      v1::Contact* contact = result.add_contacts();
      contact->set_article_id(article.id());
      contact->add_evidence()->set_sentence(std::string(line));
    }
    result.mutable_summary()->set_article_id(article.id());
    result.mutable_summary()->set_contact_count(result.contacts_size());
    return result;
  }

  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  absl::Mutex mu_;
  std::string last_authorization_ ABSL_GUARDED_BY(mu_);
  int unanswered_ ABSL_GUARDED_BY(mu_) = 0;
  int max_unanswered_ ABSL_GUARDED_BY(mu_) = 0;
};

std::unique_ptr<Client> ConnectTo(const std::string& target,
                                  ClientOptions options = {}) {
  options.target = target;
  absl::StatusOr<std::unique_ptr<Client>> client = Client::Connect(options);
  EXPECT_TRUE(client.ok()) << client.status();
  return *std::move(client);
}

v1::ExtractContactsRequest RequestWithBody(absl::string_view body) {
  v1::ExtractContactsRequest request;
  request.mutable_article()->set_id("a1");
  request.mutable_article()->set_body(std::string(body));
  return request;
}

std::vector<std::string> EvidenceOf(const std::vector<v1::Contact>& contacts) {
  std::vector<std::string> sentences;
  for (const v1::Contact& contact : contacts) {
    sentences.push_back(contact.evidence(0).sentence());
  }
  return sentences;
}

// A target with nothing listening: a port the kernel gave to a server that
// has since stopped.
std::string UnusedTarget() {
  const FakeServer server;
  return server.target();
}

TEST(ClientTest, ExtractCollectsContactsAndSummaryAndSendsToken) {
  FakeServer server;
  ClientOptions options;
  options.token = "s3cret";
  std::unique_ptr<Client> client = ConnectTo(server.target(), options);

  absl::StatusOr<Extraction> extraction =
      client->Extract(RequestWithBody("first\nsecond"));

  ASSERT_TRUE(extraction.ok()) << extraction.status();
  EXPECT_THAT(EvidenceOf(extraction->contacts), ElementsAre("first", "second"));
  EXPECT_EQ(extraction->summary.contact_count(), 2);
  EXPECT_EQ(extraction->summary.article_id(), "a1");
  EXPECT_EQ(server.last_authorization(), "Bearer s3cret");
}

TEST(ClientTest, ContactStreamStoppedEarlyCancelsTheCall) {
  FakeServer server;
  std::unique_ptr<Client> client = ConnectTo(server.target());
  std::unique_ptr<ContactStream> stream =
      client->ExtractContacts(RequestWithBody("one\ntwo\nthree"));

  v1::Contact contact;
  ASSERT_TRUE(stream->Next(&contact));
  EXPECT_EQ(contact.evidence(0).sentence(), "one");
  const absl::Status status = stream->Finish();

  // Either the server finished first or the cancellation won; never a hang.
  EXPECT_TRUE(status.ok() || absl::IsCancelled(status)) << status;
}

TEST(ClientTest, RejectedRequestNamesTheTarget) {
  FakeServer server;
  std::unique_ptr<Client> client = ConnectTo(server.target());

  absl::StatusOr<Extraction> extraction = client->Extract(RequestWithBody(""));

  EXPECT_TRUE(absl::IsInvalidArgument(extraction.status()));
  EXPECT_THAT(extraction.status().message(),
              HasSubstr(server.target() + " rejected the request: empty body"));
}

TEST(ClientTest, RetriesIdempotentCallsWhileUnavailable) {
  FakeServer server;
  server.info_failures = 2;
  std::unique_ptr<Client> client = ConnectTo(server.target());

  absl::StatusOr<v1::GetServerInfoResponse> info = client->GetServerInfo();

  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->server_version(), "9.9.9");
  EXPECT_EQ(server.info_calls, 3);
}

TEST(ClientTest, OneAttemptDisablesRetries) {
  FakeServer server;
  server.info_failures = 1;
  ClientOptions options;
  options.max_attempts = 1;
  std::unique_ptr<Client> client = ConnectTo(server.target(), options);

  absl::StatusOr<v1::GetServerInfoResponse> info = client->GetServerInfo();

  EXPECT_TRUE(absl::IsUnavailable(info.status()));
  EXPECT_EQ(server.info_calls, 1);
}

TEST(ClientTest, ServerDownSaysWhereAndWhatToCheck) {
  const std::string target = UnusedTarget();
  std::unique_ptr<Client> client = ConnectTo(target);

  absl::StatusOr<HealthResponse::ServingStatus> health = client->Health("");

  EXPECT_TRUE(absl::IsUnavailable(health.status()));
  EXPECT_THAT(health.status().message(),
              HasSubstr(absl::StrCat("server unavailable at ", target,
                                     " — is attache-server running?")));
}

TEST(ClientTest, DeadlineEndsASlowCall) {
  FakeServer server;
  ClientOptions options;
  options.deadline = absl::Milliseconds(200);
  std::unique_ptr<Client> client = ConnectTo(server.target(), options);
  const absl::Time start = absl::Now();

  absl::StatusOr<Extraction> extraction =
      client->Extract(RequestWithBody("wait for the deadline"));

  EXPECT_TRUE(absl::IsDeadlineExceeded(extraction.status()));
  EXPECT_THAT(extraction.status().message(), HasSubstr(server.target()));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST(ClientTest, HealthReportsServingStatusAndUnknownServices) {
  FakeServer server;
  std::unique_ptr<Client> client = ConnectTo(server.target());

  EXPECT_EQ(client->Health("").value(), HealthResponse::SERVING);
  EXPECT_EQ(client->Health("draining").value(), HealthResponse::NOT_SERVING);
  EXPECT_TRUE(absl::IsNotFound(client->Health("nope").status()));
}

// An ArticleSource over `count` articles "0" .. "count-1".
Client::ArticleSource CountingSource(int count) {
  auto next = std::make_shared<int>(0);
  return [next,
          count]() -> absl::StatusOr<std::optional<v1::StreamExtractRequest>> {
    if (*next == count) return std::nullopt;
    v1::StreamExtractRequest request;
    request.mutable_article()->set_id(absl::StrCat(*next));
    request.mutable_article()->set_body(absl::StrCat("body ", (*next)++));
    return request;
  };
}

TEST(ClientTest, StreamExtractKeepsAtMostMaxInFlightUnanswered) {
  FakeServer server;
  server.answer_delay = absl::Milliseconds(5);
  std::unique_ptr<Client> client = ConnectTo(server.target());
  std::vector<std::string> ids;

  const absl::Status status =
      client->StreamExtract(CountingSource(30),
                            [&](const v1::StreamExtractResponse& result) {
                              ids.push_back(result.article_id());
                            },
                            {.max_in_flight = 3});

  ASSERT_TRUE(status.ok()) << status;
  ASSERT_EQ(ids.size(), 30);
  EXPECT_EQ(ids.front(), "0");
  EXPECT_EQ(ids.back(), "29");
  // The slow answers let the client fill its window, and never more.
  EXPECT_EQ(server.max_unanswered(), 3);
}

TEST(ClientTest, StreamExtractStopsOnSourceError) {
  FakeServer server;
  std::unique_ptr<Client> client = ConnectTo(server.target());
  int sent = 0;
  const Client::ArticleSource failing_source =
      [&]() -> absl::StatusOr<std::optional<v1::StreamExtractRequest>> {
    if (sent == 2) return absl::DataLossError("line 3 is truncated");
    ++sent;
    v1::StreamExtractRequest request;
    request.mutable_article()->set_body("text");
    return request;
  };

  const absl::Status status = client->StreamExtract(
      failing_source, [](const v1::StreamExtractResponse&) {}, {});

  EXPECT_EQ(status, absl::DataLossError("line 3 is truncated"));
}

TEST(ClientTest, StreamExtractToADownServerIsUnavailable) {
  std::unique_ptr<Client> client = ConnectTo(UnusedTarget());

  const absl::Status status = client->StreamExtract(
      CountingSource(3), [](const v1::StreamExtractResponse&) {}, {});

  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
}

TEST(ClientTest, ConnectChecksItsOptions) {
  ClientOptions missing_ca;
  missing_ca.tls = true;
  missing_ca.ca_file = "/nonexistent/ca.pem";
  EXPECT_TRUE(absl::IsNotFound(Client::Connect(missing_ca).status()));

  ClientOptions too_many_attempts;
  too_many_attempts.max_attempts = 6;
  EXPECT_TRUE(
      absl::IsInvalidArgument(Client::Connect(too_many_attempts).status()));

  ClientOptions no_time;
  no_time.deadline = absl::ZeroDuration();
  EXPECT_TRUE(absl::IsInvalidArgument(Client::Connect(no_time).status()));
}

}  // namespace
}  // namespace attache
