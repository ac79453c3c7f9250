#include "attache/client.h"

#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace attache {
namespace {

// gRPC caps retry policies at 5 attempts and rejects fewer than 2.
constexpr int kMaxAttemptsLimit = 5;

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read the CA file ", path));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace

std::string RetryServiceConfig(int max_attempts) {
  // Only calls that change nothing on the server are retried: a retried
  // ExtractContacts is committed (and never repeated) once its first
  // response arrived.
  return absl::StrFormat(
      R"json({"methodConfig": [{
  "name": [
    {"service": "attache.v1.ExtractionService", "method": "ExtractContacts"},
    {"service": "attache.v1.AdminService", "method": "GetServerInfo"},
    {"service": "grpc.health.v1.Health", "method": "Check"}
  ],
  "retryPolicy": {
    "maxAttempts": %d,
    "initialBackoff": "0.1s",
    "maxBackoff": "1s",
    "backoffMultiplier": 2,
    "retryableStatusCodes": ["UNAVAILABLE"]
  }
}]})json",
      max_attempts);
}

absl::Status StatusFromGrpc(const grpc::Status& status,
                            absl::string_view target) {
  const auto code = static_cast<absl::StatusCode>(status.error_code());
  const std::string& detail = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      return absl::OkStatus();
    case grpc::StatusCode::UNAVAILABLE:
      return absl::Status(
          code, absl::StrCat("server unavailable at ", target,
                             " — is attache-server running? (", detail, ")"));
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::Status(
          code, absl::StrCat("no complete answer from ", target,
                             " before the deadline; allow more time"));
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return absl::Status(code, absl::StrCat(target, " refused the token: ",
                                             detail, "; check the token"));
    case grpc::StatusCode::UNIMPLEMENTED:
      return absl::Status(
          code, absl::StrCat(target, " does not serve this call (", detail,
                             "); is it an attache-server of the v1 API?"));
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::NOT_FOUND:
      return absl::Status(
          code, absl::StrCat(target, " rejected the request: ", detail));
    default:
      return absl::Status(
          code, absl::StrCat("call to ", target, " failed: ", detail));
  }
}

ContactStream::~ContactStream() {
  if (!finished_) Finish().IgnoreError();
}

bool ContactStream::Next(v1::Contact* contact) {
  v1::ExtractContactsResponse response;
  while (!done_ && reader_->Read(&response)) {
    if (response.has_contact()) {
      *contact = std::move(*response.mutable_contact());
      return true;
    }
    if (response.has_summary())
      summary_ = std::move(*response.mutable_summary());
  }
  done_ = true;
  return false;
}

absl::Status ContactStream::Finish() {
  finished_ = true;
  if (!done_) context_.TryCancel();
  done_ = true;
  return StatusFromGrpc(reader_->Finish(), target_);
}

absl::StatusOr<std::unique_ptr<Client>> Client::Connect(
    const ClientOptions& options) {
  if (options.max_attempts < 1 || options.max_attempts > kMaxAttemptsLimit) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_attempts must be between 1 and ", kMaxAttemptsLimit,
                     ", not ", options.max_attempts));
  }
  if (options.deadline <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("the deadline must be positive");
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials =
      grpc::InsecureChannelCredentials();
  if (options.tls) {
    grpc::SslCredentialsOptions ssl;
    if (!options.ca_file.empty()) {
      absl::StatusOr<std::string> roots = ReadFile(options.ca_file);
      if (!roots.ok()) return roots.status();
      ssl.pem_root_certs = *std::move(roots);
    }
    credentials = grpc::SslCredentials(ssl);
  }
  grpc::ChannelArguments arguments;
  // A StreamExtract batch's answer can outgrow gRPC's default 4 MiB.
  arguments.SetMaxReceiveMessageSize(-1);
  if (options.max_attempts > 1) {
    arguments.SetServiceConfigJSON(RetryServiceConfig(options.max_attempts));
  } else {
    arguments.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
  }
  return std::unique_ptr<Client>(new Client(
      options,
      grpc::CreateCustomChannel(options.target, credentials, arguments)));
}

Client::Client(ClientOptions options,
               const std::shared_ptr<grpc::Channel>& channel)
    : options_(std::move(options)),
      extraction_(v1::ExtractionService::NewStub(channel)),
      admin_(v1::AdminService::NewStub(channel)),
      health_(grpc::health::v1::Health::NewStub(channel)) {}

void Client::Prepare(absl::Duration deadline,
                     grpc::ClientContext* context) const {
  if (deadline != absl::InfiniteDuration()) {
    context->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  }
  // Sent as plain metadata rather than call credentials so that a token also
  // reaches a plaintext server on a trusted network (gRPC drops call
  // credentials on insecure channels).
  if (!options_.token.empty()) {
    context->AddMetadata("authorization",
                         absl::StrCat("Bearer ", options_.token));
  }
}

std::unique_ptr<ContactStream> Client::ExtractContacts(
    const v1::ExtractContactsRequest& request) const {
  std::unique_ptr<ContactStream> stream(new ContactStream(options_.target));
  Prepare(options_.deadline, &stream->context_);
  stream->reader_ = extraction_->ExtractContacts(&stream->context_, request);
  return stream;
}

absl::StatusOr<Extraction> Client::Extract(
    const v1::ExtractContactsRequest& request) const {
  std::unique_ptr<ContactStream> stream = ExtractContacts(request);
  Extraction extraction;
  v1::Contact contact;
  while (stream->Next(&contact)) extraction.contacts.push_back(contact);
  if (absl::Status status = stream->Finish(); !status.ok()) return status;
  extraction.summary = stream->summary();
  return extraction;
}

absl::Status Client::StreamExtract(const ArticleSource& next_article,
                                   const ResultSink& on_result,
                                   const StreamOptions& options) const {
  if (options.max_in_flight < 1) {
    return absl::InvalidArgumentError("max_in_flight must be at least 1");
  }
  grpc::ClientContext context;
  Prepare(options.deadline, &context);
  std::unique_ptr<grpc::ClientReaderWriter<v1::StreamExtractRequest,
                                           v1::StreamExtractResponse>>
      stream = extraction_->StreamExtract(&context);

  absl::Mutex mu;
  int in_flight = 0;           // guarded by mu
  bool reading_done = false;   // guarded by mu
  absl::Status source_status;  // written by the writer, read after join()
  // A gRPC stream allows one reader and one writer at a time, so the writer
  // runs beside the reading loop below: it waits for room before each
  // request and never waits on a response, and the reader never waits on a
  // request.
  std::thread writer([&] {
    const auto has_room = [&] {
      mu.AssertHeld();
      return reading_done || in_flight < options.max_in_flight;
    };
    while (true) {
      {
        absl::MutexLock lock(&mu, absl::Condition(&has_room));
        if (reading_done) return;
      }
      absl::StatusOr<std::optional<v1::StreamExtractRequest>> request =
          next_article();
      if (!request.ok()) {
        source_status = request.status();
        context.TryCancel();
        return;
      }
      if (!request->has_value()) break;
      {
        absl::MutexLock lock(&mu);
        ++in_flight;
      }
      // A failed write means the call ended; the reader sees its status.
      if (!stream->Write(**request)) return;
    }
    stream->WritesDone();
  });

  v1::StreamExtractResponse response;
  while (stream->Read(&response)) {
    {
      absl::MutexLock lock(&mu);
      --in_flight;
    }
    on_result(response);
  }
  {
    absl::MutexLock lock(&mu);
    reading_done = true;
  }
  writer.join();
  const grpc::Status status = stream->Finish();
  if (!source_status.ok()) return source_status;
  return StatusFromGrpc(status, options_.target);
}

absl::StatusOr<grpc::health::v1::HealthCheckResponse::ServingStatus>
Client::Health(absl::string_view service) const {
  grpc::ClientContext context;
  Prepare(options_.deadline, &context);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(std::string(service));
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = health_->Check(&context, request, &response);
  if (!status.ok()) return StatusFromGrpc(status, options_.target);
  return response.status();
}

absl::StatusOr<v1::GetServerInfoResponse> Client::GetServerInfo() const {
  grpc::ClientContext context;
  Prepare(options_.deadline, &context);
  v1::GetServerInfoResponse response;
  const grpc::Status status =
      admin_->GetServerInfo(&context, v1::GetServerInfoRequest(), &response);
  if (!status.ok()) return StatusFromGrpc(status, options_.target);
  return response;
}

}  // namespace attache
