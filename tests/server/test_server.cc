#include "tests/server/test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "google/protobuf/unknown_field_set.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"
#include "gtest/gtest.h"

namespace attache::server::testing {
namespace {

constexpr char kHealthCheck[] = "/grpc.health.v1.Health/Check";
constexpr char kHealthWatch[] = "/grpc.health.v1.Health/Watch";

// HealthCheckRequest { string service = 1; }
grpc::ByteBuffer HealthRequest(const std::string& service) {
  google::protobuf::UnknownFieldSet fields;
  fields.AddLengthDelimited(1, service);
  std::string bytes;
  fields.SerializeToString(&bytes);
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

// HealthCheckResponse { ServingStatus status = 1; }; -1 when unreadable.
int HealthResponseStatus(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return -1;
  std::string bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  google::protobuf::UnknownFieldSet fields;
  if (!fields.ParseFromString(bytes)) return -1;
  for (int i = 0; i < fields.field_count(); ++i) {
    if (fields.field(i).number() == 1) {
      return static_cast<int>(fields.field(i).varint());
    }
  }
  return kUnknown;  // proto3 omits the zero value
}

}  // namespace

std::unique_ptr<Server> StartServer(
    const std::function<void(ServerOptions&)>& customize) {
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.workers = 2;
  options.metrics_listen = "";
  if (customize) customize(options);
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

std::shared_ptr<grpc::Channel> Connect(const Server& server) {
  // No receive limit: a long article's merged contact carries every
  // supporting sentence, which can exceed gRPC's default of 4 MiB.
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", server.port()),
                                   grpc::InsecureChannelCredentials(), args);
}

v1::Article FixtureArticle(const std::string& id) {
  v1::Article article;
  article.set_id(id);
  article.set_source("Test Wire");
  article.set_title("Wong and Vieira hold talks in Brasilia");
  article.set_body(
      "Australian Foreign Minister Penny Wong met Brazilian Foreign Minister "
      "Mauro Vieira in Brasilia on Tuesday to discuss climate finance and "
      "farm trade. Later that day Vieira spoke by phone with Indian External "
      "Affairs Minister Subrahmanyam Jaishankar about the coming summit. Wong "
      "is expected to visit New Delhi next month, officials said.");
  article.mutable_published_time()->set_seconds(1710374400);  // 2024-03-14
  return article;
}

std::string LongBody(size_t bytes) {
  static const char* const kSentences[] = {
      "Australian Foreign Minister Penny Wong met Brazilian Foreign Minister "
      "Mauro Vieira in Brasilia on Tuesday. ",
      "Vieira later spoke by phone with Subrahmanyam Jaishankar. ",
      "Officials said the talks covered grain exports and shipping lanes. ",
      "Wong is expected to travel to New Delhi next month. ",
      "The two ministers agreed to meet again before the end of the year. ",
  };
  std::string body;
  for (size_t i = 0; body.size() < bytes; ++i) {
    body.append(kSentences[i % std::size(kSentences)]);
  }
  body.resize(bytes);
  return body;
}

ExtractContactsOutcome CallExtractContacts(
    v1::ExtractionService::Stub& stub,
    const v1::ExtractContactsRequest& request, absl::Duration timeout) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  ExtractContactsOutcome outcome;
  auto reader = stub.ExtractContacts(&context, request);
  v1::ExtractContactsResponse response;
  while (reader->Read(&response)) outcome.responses.push_back(response);
  outcome.status = reader->Finish();
  return outcome;
}

bool WaitFor(const std::function<bool()>& condition, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!condition()) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(1));
  }
  return true;
}

std::string HttpGet(int port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) ==
      0) {
    const std::string request = absl::StrCat("GET ", path, " HTTP/1.0\r\n\r\n");
    if (write(fd, request.data(), request.size()) ==
        static_cast<ssize_t>(request.size())) {
      char buffer[4096];
      ssize_t n = 0;
      while ((n = read(fd, buffer, sizeof(buffer))) > 0)
        response.append(buffer, n);
    }
  }
  close(fd);
  const size_t body = response.find("\r\n\r\n");
  return body == std::string::npos ? "" : response.substr(body + 4);
}

int CheckHealth(grpc::Channel& channel, const std::string& service) {
  grpc::GenericStub stub(channel.shared_from_this());
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  const grpc::ByteBuffer request = HealthRequest(service);
  grpc::ByteBuffer response;
  grpc::Status status;
  absl::Notification done;
  stub.UnaryCall(&context, kHealthCheck, grpc::StubOptions(), &request,
                 &response, [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  return status.ok() ? HealthResponseStatus(response) : -1;
}

class HealthWatcher::Reactor final
    : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  Reactor(grpc::Channel& channel, const std::string& service)
      : stub_(channel.shared_from_this()), request_(HealthRequest(service)) {
    stub_.PrepareBidiStreamingCall(&context_, kHealthWatch, grpc::StubOptions(),
                                   this);
    StartWriteLast(&request_, grpc::WriteOptions());
    StartRead(&response_);
    StartCall();
  }

  ~Reactor() override {
    context_.TryCancel();
    done_.WaitForNotification();
  }

  void OnReadDone(bool ok) override {
    if (!ok) return;
    {
      absl::MutexLock lock(&mu_);
      statuses_.push_back(HealthResponseStatus(response_));
    }
    StartRead(&response_);
  }

  void OnDone(const grpc::Status& /*status*/) override { done_.Notify(); }

  std::vector<int> statuses() const {
    absl::MutexLock lock(&mu_);
    return statuses_;
  }

 private:
  grpc::GenericStub stub_;
  grpc::ClientContext context_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  absl::Notification done_;
  mutable absl::Mutex mu_;
  std::vector<int> statuses_ ABSL_GUARDED_BY(mu_);
};

HealthWatcher::HealthWatcher(grpc::Channel& channel, const std::string& service)
    : reactor_(std::make_unique<Reactor>(channel, service)) {}

HealthWatcher::~HealthWatcher() = default;

std::vector<int> HealthWatcher::statuses() const {
  return reactor_->statuses();
}

}  // namespace attache::server::testing
