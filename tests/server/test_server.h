// Helpers for the server's integration tests: an in-process attache Server on
// an ephemeral loopback port, a fixture article written for these tests, and a
// grpc.health.v1 client built on the generic stub (the tests have no
// generated code for the health protocol).
//
// Thread safety: HealthWatcher may be read from the test thread while gRPC
// delivers updates on its own threads; everything else is single-threaded.
#ifndef ATTACHE_TESTS_SERVER_TEST_SERVER_H_
#define ATTACHE_TESTS_SERVER_TEST_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "attache/v1/admin_service.grpc.pb.h"
#include "attache/v1/extraction_service.grpc.pb.h"
#include "grpcpp/channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "server/server.h"

namespace attache::server::testing {

// Starts a server on 127.0.0.1:0 with two workers, metrics off, embedded KB;
// `customize` may change any option first. Fails the test on error.
std::unique_ptr<Server> StartServer(
    const std::function<void(ServerOptions&)>& customize = nullptr);

// A plaintext channel to `server` that accepts responses of any size.
std::shared_ptr<grpc::Channel> Connect(const Server& server);

// A news item written for these tests: a meeting, a call and a planned visit.
v1::Article FixtureArticle(const std::string& id);

// Body text of roughly `bytes` bytes made of varied diplomatic sentences.
std::string LongBody(size_t bytes);

// The result of one ExtractContacts call.
struct ExtractContactsOutcome {
  grpc::Status status;
  std::vector<v1::ExtractContactsResponse> responses;
};
ExtractContactsOutcome CallExtractContacts(
    v1::ExtractionService::Stub& stub,
    const v1::ExtractContactsRequest& request,
    absl::Duration timeout = absl::Seconds(30));

// Polls `condition` every millisecond until it holds or `timeout` passes.
bool WaitFor(const std::function<bool()>& condition,
             absl::Duration timeout = absl::Seconds(10));

// The body of an HTTP/1.0 GET of `path` on 127.0.0.1:`port`; empty on error.
std::string HttpGet(int port, const std::string& path);

// grpc.health.v1 ServingStatus values.
enum HealthStatus { kUnknown = 0, kServing = 1, kNotServing = 2 };

// Health.Check for `service`; returns -1 when the call fails.
int CheckHealth(grpc::Channel& channel, const std::string& service);

// A Health.Watch call that records every status it receives.
class HealthWatcher {
 public:
  HealthWatcher(grpc::Channel& channel, const std::string& service);
  ~HealthWatcher();
  std::vector<int> statuses() const;

 private:
  class Reactor;
  std::unique_ptr<Reactor> reactor_;
};

}  // namespace attache::server::testing

#endif  // ATTACHE_TESTS_SERVER_TEST_SERVER_H_
