#include "server/article_request.h"

#include <array>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/io/coded_stream.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/proto_buffer_writer.h"
#include "server/unchecked.pb.h"
#include "text/utf8.h"

namespace attache::server {
namespace {

// The article's text fields, named as in the API, and where each goes.
struct TextField {
  const char* name;
  std::string* (UncheckedArticle::*unchecked)();
  std::string* (v1::Article::*checked)();
};

// Moves `unchecked` into `read`, checking its text for UTF-8 (the id first,
// so that a bad later field can be correlated) and then its limits.
void ReadArticle(size_t max_article_bytes, UncheckedArticle* unchecked,
                 RequestArticle* read) {
  static constexpr std::array<TextField, 6> kTextFields = {{
      {"id", &UncheckedArticle::mutable_id, &v1::Article::mutable_id},
      {"url", &UncheckedArticle::mutable_url, &v1::Article::mutable_url},
      {"source", &UncheckedArticle::mutable_source,
       &v1::Article::mutable_source},
      {"title", &UncheckedArticle::mutable_title, &v1::Article::mutable_title},
      {"body", &UncheckedArticle::mutable_body, &v1::Article::mutable_body},
      {"language", &UncheckedArticle::mutable_language,
       &v1::Article::mutable_language},
  }};
  for (const TextField& field : kTextFields) {
    std::string& text = *(unchecked->*field.unchecked)();
    const size_t offset = text::FindInvalidUtf8(text);
    if (offset != text::kValidUtf8) {
      read->status = absl::InvalidArgumentError(absl::StrFormat(
          "article.%s is not valid UTF-8: byte 0x%02X at byte offset %d "
          "does not start a valid sequence; send the text encoded as UTF-8",
          field.name, static_cast<unsigned char>(text[offset]), offset));
      return;
    }
    if (field.checked == &v1::Article::mutable_id) {
      read->id = text;
    }
    (read->article.*field.checked)()->swap(text);
  }
  if (unchecked->has_published_time()) {
    read->article.mutable_published_time()->Swap(
        unchecked->mutable_published_time());
  }
  read->id = ArticleIdOf(read->article);
  read->status = CheckArticle(read->article, max_article_bytes);
}

// Parses `buffer` as an `Unchecked` mirror of the API's `request_type`.
template <typename Unchecked>
absl::Status Parse(const grpc::ByteBuffer& buffer,
                   absl::string_view request_type, Unchecked* unchecked) {
  grpc::ByteBuffer copy(buffer);  // shares the slices; the reader consumes it
  grpc::ProtoBufferReader reader(&copy);
  if (!unchecked->ParseFromZeroCopyStream(&reader)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the request is not a valid Protobuf message of type ", request_type));
  }
  return absl::OkStatus();
}

// The number of `articles` entries of the StreamExtractRequest in `buffer`,
// counted from the field tags without parsing the articles; -1 when the
// bytes are not a well-formed message.
int CountBatchArticles(const grpc::ByteBuffer& buffer) {
  grpc::ByteBuffer copy(buffer);  // shares the slices; the reader consumes it
  grpc::ProtoBufferReader reader(&copy);
  google::protobuf::io::CodedInputStream input(&reader);
  int count = 0;
  while (const uint32_t tag = input.ReadTag()) {
    constexpr int kWireTypeBits = 3;
    if (static_cast<int>(tag >> kWireTypeBits) ==
        v1::StreamExtractRequest::kArticlesFieldNumber) {
      ++count;
    }
    uint64_t varint = 0;
    uint32_t length = 0;
    bool skipped = false;
    switch (tag & ((1u << kWireTypeBits) - 1)) {
      case 0:  // varint
        skipped = input.ReadVarint64(&varint);
        break;
      case 1:  // 64-bit
        skipped = input.Skip(8);
        break;
      case 2:  // length-delimited
        skipped =
            input.ReadVarint32(&length) && input.Skip(static_cast<int>(length));
        break;
      case 5:  // 32-bit
        skipped = input.Skip(4);
        break;
      default:  // groups (not in proto3) and invalid wire types
        break;
    }
    if (!skipped) {
      return -1;
    }
  }
  return input.ConsumedEntireMessage() ? count : -1;
}

}  // namespace

absl::Status ParseExtractContactsRequest(const grpc::ByteBuffer& buffer,
                                         size_t max_article_bytes,
                                         ArticleRequest* request) {
  UncheckedExtractContactsRequest unchecked;
  absl::Status parsed =
      Parse(buffer, v1::ExtractContactsRequest::descriptor()->full_name(),
            &unchecked);
  if (!parsed.ok()) {
    return parsed;
  }
  ReadArticle(max_article_bytes, unchecked.mutable_article(),
              &request->articles.emplace_back());
  request->options.Swap(unchecked.mutable_options());
  return absl::OkStatus();
}

absl::Status ParseStreamExtractRequest(const grpc::ByteBuffer& buffer,
                                       size_t max_article_bytes,
                                       int max_batch_articles,
                                       ArticleRequest* request) {
  // Counted first: parsing a 4 MiB message of empty articles would take
  // hundreds of megabytes.
  const int batch_articles = CountBatchArticles(buffer);
  if (batch_articles > max_batch_articles) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "the request's batch has %d articles, over the server's limit of %d "
        "(--max_batch_articles); send smaller batches",
        batch_articles, max_batch_articles));
  }
  UncheckedStreamExtractRequest unchecked;
  absl::Status parsed = Parse(
      buffer, v1::StreamExtractRequest::descriptor()->full_name(), &unchecked);
  if (!parsed.ok()) {
    return parsed;
  }
  request->batch = unchecked.articles_size() > 0;
  const bool has_article = unchecked.has_article() || !request->batch;
  request->articles.reserve((has_article ? 1 : 0) + unchecked.articles_size());
  if (has_article) {
    ReadArticle(max_article_bytes, unchecked.mutable_article(),
                &request->articles.emplace_back());
  }
  for (UncheckedArticle& article : *unchecked.mutable_articles()) {
    ReadArticle(max_article_bytes, &article, &request->articles.emplace_back());
  }
  request->options.Swap(unchecked.mutable_options());
  return absl::OkStatus();
}

absl::Status CheckArticle(const v1::Article& article,
                          size_t max_article_bytes) {
  if (absl::StripAsciiWhitespace(article.body()).empty()) {
    return absl::InvalidArgumentError(
        "article.body is empty; put the article's text in article.body");
  }
  const size_t size = article.title().size() + article.body().size();
  if (size > max_article_bytes) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "the article's title and body are %d bytes, over the server's limit "
        "of %d bytes (--max_article_bytes); split the article or raise the "
        "limit",
        size, max_article_bytes));
  }
  const std::string& language = article.language();
  if (!language.empty() && !absl::EqualsIgnoreCase(language, "en") &&
      !absl::StartsWithIgnoreCase(language, "en-")) {
    return absl::InvalidArgumentError(absl::StrCat(
        "article.language \"", language,
        "\" is not supported; the v1 engine reads English (\"en\")"));
  }
  return absl::OkStatus();
}

std::string ArticleIdOf(const v1::Article& article) {
  if (!article.id().empty()) {
    return article.id();
  }
  constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
  constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
  uint64_t hash = kFnvOffsetBasis;
  // A separator keeps ("ab", "c") and ("a", "bc") apart.
  for (const absl::string_view part :
       {absl::string_view(article.title()), absl::string_view("\n"),
        absl::string_view(article.body())}) {
    for (const char c : part) {
      hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
    }
  }
  return absl::StrFormat("article-%016x", hash);
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  return {static_cast<grpc::StatusCode>(status.code()),
          std::string(status.message())};
}

grpc::ByteBuffer SerializeToByteBuffer(
    const google::protobuf::Message& message) {
  grpc::ByteBuffer buffer;
  grpc::ProtoBufferWriter writer(&buffer,
                                 grpc::kProtoBufferWriterMaxBufferLength,
                                 static_cast<int>(message.ByteSizeLong()));
  message.SerializeToZeroCopyStream(&writer);
  return buffer;
}

}  // namespace attache::server
