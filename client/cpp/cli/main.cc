// attache: the command-line client of an Attaché server. Each command is a
// row of kCommands, so later ones (the store's ingest, list, counts, watch)
// slot in beside extract, stream, health and version.
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "attache/client.h"
#include "cli/article_input.h"
#include "cli/exit_code.h"
#include "cli/format.h"
#include "cli/progress.h"

ABSL_FLAG(std::string, target, "localhost:50051",
          "gRPC target of the attache-server, host:port");
ABSL_FLAG(absl::Duration, deadline, absl::Seconds(30),
          "deadline of each single call (extract, health, version), e.g. "
          "500ms or 2m");
ABSL_FLAG(absl::Duration, stream_deadline, absl::InfiniteDuration(),
          "deadline of a whole `stream` run (default: none)");
ABSL_FLAG(bool, tls, false, "connect with TLS");
ABSL_FLAG(std::string, ca_file, "",
          "PEM file of root certificates for --tls (default: system roots)");
ABSL_FLAG(std::string, token, "",
          "bearer token sent with each call (default: $ATTACHE_TOKEN)");
ABSL_FLAG(bool, json, false,
          "print proto JSON, one object per line, instead of a table");
ABSL_FLAG(std::string, published, "",
          "extract: publication date of the article, YYYY-MM-DD or RFC 3339; "
          "anchors relative dates such as \"Monday\"");
ABSL_FLAG(std::string, title, "", "extract: headline of the article");
ABSL_FLAG(std::string, id, "", "extract: identifier of the article");
ABSL_FLAG(bool, debug, false,
          "ask the server for the extraction rules that fired (debugRules)");
ABSL_FLAG(double, min_confidence, 0,
          "drop contacts whose confidence is below this value");
ABSL_FLAG(int, max_in_flight, 16,
          "stream: requests (articles or batches) sent and not yet "
          "answered, at most");
ABSL_FLAG(int, batch, 1,
          "stream: articles per request; more than 1 sends batches, which "
          "costs the server less per article when articles are short");

namespace attache::cli {
namespace {

constexpr absl::string_view kProgram = "attache";

struct Command {
  absl::string_view name;
  absl::string_view arguments;
  absl::string_view summary;
  size_t min_args;
  size_t max_args;
  ExitCode (*run)(const Client& client, absl::Span<const std::string> args);
};

ExitCode RunExtract(const Client& client, absl::Span<const std::string> args);
ExitCode RunStream(const Client& client, absl::Span<const std::string> args);
ExitCode RunHealth(const Client& client, absl::Span<const std::string> args);
ExitCode RunVersion(const Client& client, absl::Span<const std::string> args);

constexpr std::array<Command, 4> kCommands = {{
    {"extract", "FILE|-",
     "extract the contacts of one article: plain text, or JSON with the "
     "fields of attache.v1.Article",
     1, 1, &RunExtract},
    {"stream", "DIR|FILE.jsonl|-",
     "extract the articles of a directory or of JSON lines over one stream; "
     "prints one JSON result per line, progress on a terminal",
     1, 1, &RunStream},
    {"health", "[SERVICE]",
     "check the health of the server, or of one of its services", 0, 1,
     &RunHealth},
    {"version", "", "print the versions of this client and of the server", 0, 0,
     &RunVersion},
}};

ExitCode Fail(ExitCode code, absl::string_view message) {
  std::fprintf(stderr, "%s: %.*s\n", kProgram.data(),
               static_cast<int>(message.size()), message.data());
  return code;
}

ExitCode FailCall(const absl::Status& status) {
  return Fail(ExitCodeForCall(status), status.message());
}

void Print(absl::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

size_t TableWidth() {
  winsize size{};
  if (isatty(STDOUT_FILENO) != 0 &&
      ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return kDefaultWidth;
}

v1::ExtractionOptions OptionsFromFlags() {
  v1::ExtractionOptions options;
  options.set_debug(absl::GetFlag(FLAGS_debug));
  options.set_min_confidence(absl::GetFlag(FLAGS_min_confidence));
  return options;
}

ExitCode RunExtract(const Client& client, absl::Span<const std::string> args) {
  std::optional<google::protobuf::Timestamp> published;
  if (const std::string text = absl::GetFlag(FLAGS_published); !text.empty()) {
    absl::StatusOr<google::protobuf::Timestamp> time = ParsePublishedTime(text);
    if (!time.ok()) return Fail(ExitCode::kUsage, time.status().message());
    published = *time;
  }
  const std::string& path = args[0];
  absl::StatusOr<std::string> contents = ReadInput(path);
  if (!contents.ok())
    return Fail(ExitCode::kInput, contents.status().message());
  absl::StatusOr<v1::Article> article =
      ParseArticle(*contents, path == "-" ? "stdin" : path);
  if (!article.ok()) return Fail(ExitCode::kInput, article.status().message());
  if (published.has_value()) *article->mutable_published_time() = *published;
  if (const std::string title = absl::GetFlag(FLAGS_title); !title.empty()) {
    article->set_title(title);
  }
  if (const std::string id = absl::GetFlag(FLAGS_id); !id.empty()) {
    article->set_id(id);
  }

  v1::ExtractContactsRequest request;
  *request.mutable_article() = *std::move(article);
  *request.mutable_options() = OptionsFromFlags();
  std::unique_ptr<ContactStream> stream = client.ExtractContacts(request);
  const bool json = absl::GetFlag(FLAGS_json);
  std::vector<v1::Contact> contacts;
  v1::ExtractContactsResponse response;
  while (stream->Next(response.mutable_contact())) {
    // JSON lines go out as they arrive; the table needs them all first.
    if (json) {
      Print(JsonLine(response));
    } else {
      contacts.push_back(response.contact());
    }
  }
  if (absl::Status status = stream->Finish(); !status.ok()) {
    return FailCall(status);
  }
  if (json) {
    *response.mutable_summary() = stream->summary();
    Print(JsonLine(response));
  } else {
    Print(ContactTable(contacts, stream->summary(), TableWidth()));
  }
  return ExitCode::kOk;
}

ExitCode RunStream(const Client& client, absl::Span<const std::string> args) {
  absl::StatusOr<std::unique_ptr<ArticleReader>> reader =
      ArticleReader::Open(args[0]);
  if (!reader.ok()) return Fail(ExitCode::kInput, reader.status().message());

  const v1::ExtractionOptions options = OptionsFromFlags();
  const int batch = absl::GetFlag(FLAGS_batch);
  if (batch < 1) return Fail(ExitCode::kUsage, "--batch must be at least 1");
  absl::Status input_status;
  bool input_done = false;
  std::optional<v1::Article> held;  // read, but left for the next batch
  // The next request: one article, or up to --batch of them as a batch, cut
  // early rather than outgrow Client::kMaxBatchBytes.
  const auto next_request =
      [&]() -> absl::StatusOr<std::optional<v1::StreamExtractRequest>> {
    v1::StreamExtractRequest request;
    *request.mutable_options() = options;
    int count = 0;
    size_t bytes = 0;
    while (count < batch) {
      if (!held.has_value()) {
        if (input_done) break;
        absl::StatusOr<std::optional<v1::Article>> article = (*reader)->Next();
        if (!article.ok()) {
          input_status = article.status();
          return input_status;
        }
        if (!article->has_value()) {
          input_done = true;
          break;
        }
        held = **std::move(article);
      }
      const size_t size = held->ByteSizeLong();
      if (count > 0 && bytes + size > Client::kMaxBatchBytes) break;
      *(batch == 1 ? request.mutable_article() : request.add_articles()) =
          *std::move(held);
      held.reset();
      bytes += size;
      ++count;
    }
    if (count == 0) return std::nullopt;
    return request;
  };

  const absl::Time start = absl::Now();
  std::optional<ProgressBar> progress;
  if (isatty(STDERR_FILENO) != 0)
    progress.emplace(stderr, (*reader)->total(), start);
  size_t articles = 0;
  size_t contacts = 0;
  size_t failed = 0;
  // One line per article, whether it came alone or in a batch's `results`.
  const auto on_article = [&](const v1::StreamExtractResponse& result) {
    Print(JsonLine(result));
    ++articles;
    contacts += result.contacts_size();
    if (result.has_error()) ++failed;
    if (progress.has_value()) progress->Advance(absl::Now());
  };
  const auto on_result = [&](const v1::StreamExtractResponse& response) {
    if (response.results_size() == 0) {
      on_article(response);
      return;
    }
    for (const v1::StreamExtractResponse& result : response.results()) {
      on_article(result);
    }
  };

  Client::StreamOptions stream_options;
  stream_options.max_in_flight = absl::GetFlag(FLAGS_max_in_flight);
  stream_options.deadline = absl::GetFlag(FLAGS_stream_deadline);
  const absl::Status status =
      client.StreamExtract(next_request, on_result, stream_options);
  if (progress.has_value()) progress->Clear();
  if (!input_status.ok()) return Fail(ExitCode::kInput, input_status.message());
  if (!status.ok()) return FailCall(status);

  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::fprintf(stderr,
               "%zu articles, %zu contacts, %zu failed in %.1fs (%.1f "
               "articles/s)\n",
               articles, contacts, failed, seconds,
               seconds > 0 ? static_cast<double>(articles) / seconds : 0.0);
  return failed == 0 ? ExitCode::kOk : ExitCode::kArticlesFailed;
}

ExitCode RunHealth(const Client& client, absl::Span<const std::string> args) {
  const std::string service = args.empty() ? "" : args[0];
  absl::StatusOr<grpc::health::v1::HealthCheckResponse::ServingStatus> status =
      client.Health(service);
  if (!status.ok()) return FailCall(status.status());
  if (absl::GetFlag(FLAGS_json)) {
    grpc::health::v1::HealthCheckResponse response;
    response.set_status(*status);
    Print(JsonLine(response));
  } else {
    Print(absl::StrCat(
        grpc::health::v1::HealthCheckResponse::ServingStatus_Name(*status),
        "\n"));
  }
  return *status == grpc::health::v1::HealthCheckResponse::SERVING
             ? ExitCode::kOk
             : ExitCode::kNotServing;
}

std::string TimeText(const google::protobuf::Timestamp& time) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC",
                          absl::FromUnixSeconds(time.seconds()),
                          absl::UTCTimeZone());
}

ExitCode RunVersion(const Client& client,
                    absl::Span<const std::string> /*args*/) {
  const bool json = absl::GetFlag(FLAGS_json);
  if (!json) Print(absl::StrCat(kProgram, " ", ATTACHE_VERSION, "\n"));
  absl::StatusOr<v1::GetServerInfoResponse> info = client.GetServerInfo();
  if (!info.ok()) return FailCall(info.status());
  if (json) {
    std::string server = JsonLine(*info);
    server.pop_back();  // the newline
    Print(absl::StrCat(R"({"clientVersion":")", ATTACHE_VERSION,
                       R"(","server":)", server, "}\n"));
    return ExitCode::kOk;
  }
  const v1::KnowledgeBaseInfo& kb = info->knowledge_base();
  Print(absl::StrFormat(
      "server          attache-server %s at %s, started %s\n"
      "engine          %s\n"
      "knowledge base  %s from %s, loaded %s: %d states, %d organisations, "
      "%d people, %d places\n",
      info->server_version(), client.target(), TimeText(info->start_time()),
      info->engine_version(), kb.version(), kb.source(),
      TimeText(kb.load_time()), kb.state_count(), kb.organization_count(),
      kb.person_count(), kb.place_count()));
  return ExitCode::kOk;
}

std::string UsageText() {
  std::string usage = absl::StrCat(
      "reads news articles with an Attaché server and prints the diplomatic "
      "contacts they report.\n\nUsage: ",
      kProgram, " [flags] COMMAND [ARGS]\n\nCommands:\n");
  for (const Command& command : kCommands) {
    absl::StrAppendFormat(&usage, "  %-24s %s\n",
                          absl::StrCat(command.name, " ", command.arguments),
                          command.summary);
  }
  absl::StrAppend(&usage,
                  "\nOutput: an aligned table by default; --json prints "
                  "proto JSON, one object per line (`stream` always does).\n\n",
                  ExitCodeHelp(), "\n");
  return usage;
}

int Run(const std::vector<char*>& positional) {
  // positional[0] is the program name.
  if (positional.size() < 2) {
    return static_cast<int>(
        Fail(ExitCode::kUsage,
             absl::StrCat("no command given; see ", kProgram, " --help")));
  }
  const absl::string_view name = positional[1];
  const std::vector<std::string> args(positional.begin() + 2, positional.end());
  for (const Command& command : kCommands) {
    if (command.name != name) continue;
    if (args.size() < command.min_args || args.size() > command.max_args) {
      return static_cast<int>(
          Fail(ExitCode::kUsage, absl::StrCat("usage: ", kProgram, " ", name,
                                              " ", command.arguments)));
    }
    ClientOptions options;
    options.target = absl::GetFlag(FLAGS_target);
    options.deadline = absl::GetFlag(FLAGS_deadline);
    options.tls = absl::GetFlag(FLAGS_tls);
    options.ca_file = absl::GetFlag(FLAGS_ca_file);
    options.token = absl::GetFlag(FLAGS_token);
    if (const char* token = std::getenv("ATTACHE_TOKEN");
        options.token.empty() && token != nullptr) {
      options.token = token;
    }
    absl::StatusOr<std::unique_ptr<Client>> client = Client::Connect(options);
    if (!client.ok()) {
      // NOT_FOUND is an unreadable --ca_file; the rest are bad flag values.
      return static_cast<int>(Fail(absl::IsNotFound(client.status())
                                       ? ExitCode::kInput
                                       : ExitCode::kUsage,
                                   client.status().message()));
    }
    return static_cast<int>(command.run(**client, args));
  }
  return static_cast<int>(
      Fail(ExitCode::kUsage, absl::StrCat("unknown command \"", name,
                                          "\"; see ", kProgram, " --help")));
}

}  // namespace
}  // namespace attache::cli

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(attache::cli::UsageText());
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::StrContains(file, "client/cpp/");
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  usage.version_string = [] {
    return absl::StrCat("attache ", ATTACHE_VERSION, "\n");
  };
  absl::SetFlagsUsageConfig(usage);
  return attache::cli::Run(absl::ParseCommandLine(argc, argv));
}
