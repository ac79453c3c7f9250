// attache::Client: a typed client for Attaché's gRPC API over one channel —
// ExtractionService (both streaming RPCs), AdminService.GetServerInfo and the
// standard grpc.health.v1 health check.
//
// Every call carries the configured deadline and bearer token. Idempotent
// calls (ExtractContacts, GetServerInfo, health checks) are retried on
// UNAVAILABLE by gRPC itself, through the retry policy of the channel's
// service config. Failures come back as absl::Status with the gRPC code and a
// message that names the target and says what to do ("server unavailable at
// localhost:50051 — is attache-server running?").
//
// Thread safety: a Client may be used from any number of threads at once. A
// ContactStream belongs to one thread at a time.
#ifndef ATTACHE_CLIENT_H_
#define ATTACHE_CLIENT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "attache/v1/admin_service.grpc.pb.h"
#include "attache/v1/extraction_service.grpc.pb.h"
#include "grpc_health/v1/health.grpc.pb.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"

namespace attache {

struct ClientOptions {
  // gRPC target, e.g. "localhost:50051" or "dns:///attache.example:443".
  std::string target = "localhost:50051";
  // Use TLS; `ca_file` names a PEM file of root certificates (empty means the
  // system roots).
  bool tls = false;
  std::string ca_file;
  // Bearer token sent as "authorization: Bearer <token>"; empty sends none.
  std::string token;
  // Deadline of each single call (ExtractContacts, GetServerInfo, Check).
  absl::Duration deadline = absl::Seconds(30);
  // Attempts of an idempotent call that fails with UNAVAILABLE, 1 to 5 (gRPC
  // caps retry policies at 5); 1 disables retries.
  int max_attempts = 4;
};

// The contacts of one article and the closing summary.
struct Extraction {
  std::vector<v1::Contact> contacts;
  v1::ExtractionSummary summary;
};

// Turns the outcome of a call to `target` into an absl::Status with the same
// code and a message that says what went wrong and what to try.
absl::Status StatusFromGrpc(const grpc::Status& status,
                            absl::string_view target);

// The contacts of an ExtractContacts call, read as they arrive:
//
//   std::unique_ptr<ContactStream> stream = client->ExtractContacts(request);
//   v1::Contact contact;
//   while (stream->Next(&contact)) Use(contact);
//   absl::Status status = stream->Finish();
class ContactStream {
 public:
  ContactStream(const ContactStream&) = delete;
  ContactStream& operator=(const ContactStream&) = delete;
  ~ContactStream();

  // Reads the next contact. Returns false at the end of the stream or on
  // failure; Finish() tells which.
  bool Next(v1::Contact* contact);

  // Ends the call and returns its status; cancels it first if Next() has not
  // returned false yet. Call once.
  absl::Status Finish();

  // The closing summary; filled in once Next() returned false on success.
  const v1::ExtractionSummary& summary() const { return summary_; }

 private:
  friend class Client;
  explicit ContactStream(std::string target) : target_(std::move(target)) {}

  const std::string target_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<v1::ExtractContactsResponse>> reader_;
  v1::ExtractionSummary summary_;
  bool done_ = false;
  bool finished_ = false;
};

class Client {
 public:
  // The next request to send (an article, or a batch in `articles`),
  // std::nullopt after the last one, or an error that aborts the stream (e.g.
  // an unreadable input file).
  using ArticleSource =
      std::function<absl::StatusOr<std::optional<v1::StreamExtractRequest>>()>;
  // Receives each response of a StreamExtract call: one article's result, or
  // a batch's `results`.
  using ResultSink = std::function<void(const v1::StreamExtractResponse&)>;

  // Largest StreamExtract batch worth building, in bytes of its articles: a
  // request must fit the server's message limit, at least 4 MiB, with room
  // for the rest of the request.
  static constexpr size_t kMaxBatchBytes =
      (size_t{4} << 20) - (size_t{64} << 10);

  struct StreamOptions {
    // Requests (an article or a batch each) sent and not yet answered; the
    // client stops sending at this many, so neither side buffers without
    // bound.
    int max_in_flight = 16;
    // Deadline of the whole stream; infinite by default, since a bulk run's
    // length depends on its input.
    absl::Duration deadline = absl::InfiniteDuration();
  };

  // Creates a channel to `options.target`. The connection itself is made
  // lazily by the first call. Errors: INVALID_ARGUMENT for options out of
  // range, NOT_FOUND when the CA file cannot be read.
  static absl::StatusOr<std::unique_ptr<Client>> Connect(
      const ClientOptions& options);

  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const std::string& target() const { return options_.target; }

  // Starts an ExtractContacts call whose contacts are read from the stream.
  std::unique_ptr<ContactStream> ExtractContacts(
      const v1::ExtractContactsRequest& request) const;

  // ExtractContacts, collected: every contact and the summary.
  absl::StatusOr<Extraction> Extract(
      const v1::ExtractContactsRequest& request) const;

  // Sends the requests of `next_article` over one StreamExtract call, at
  // most `options.max_in_flight` unanswered at a time, and hands each
  // response (one article's result, or a batch's `results`) to `on_result`
  // as it arrives. `next_article` runs on an internal writer thread,
  // `on_result` on the calling thread; neither runs concurrently with itself.
  // Returns once every result was delivered or the call failed; an error of
  // `next_article` is returned as is.
  absl::Status StreamExtract(const ArticleSource& next_article,
                             const ResultSink& on_result,
                             const StreamOptions& options) const;

  // The serving status of `service` ("" for the whole server). A service the
  // server does not know is NOT_FOUND.
  absl::StatusOr<grpc::health::v1::HealthCheckResponse::ServingStatus> Health(
      absl::string_view service) const;

  // Versions and knowledge-base counts of the server.
  absl::StatusOr<v1::GetServerInfoResponse> GetServerInfo() const;

 private:
  Client(ClientOptions options, const std::shared_ptr<grpc::Channel>& channel);

  // Sets the deadline (none when infinite) and the token of a call.
  void Prepare(absl::Duration deadline, grpc::ClientContext* context) const;

  const ClientOptions options_;
  const std::unique_ptr<v1::ExtractionService::Stub> extraction_;
  const std::unique_ptr<v1::AdminService::Stub> admin_;
  const std::unique_ptr<grpc::health::v1::Health::Stub> health_;
};

// The service config that gives `max_attempts` (2 to 5) attempts to the
// idempotent methods, as JSON for grpc::ChannelArguments::SetServiceConfigJSON.
std::string RetryServiceConfig(int max_attempts);

}  // namespace attache

#endif  // ATTACHE_CLIENT_H_
