#include "server/article_request.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/unknown_field_set.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/proto_buffer_writer.h"
#include "text/utf8.h"

namespace attache::server {
namespace {

std::string Flatten(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) return bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

// Finds the article's invalid text field in a request that Protobuf refused.
// The unknown-field view parses the wire format without the UTF-8 checks of
// typed parsing, so the offending bytes can be located.
absl::Status DiagnoseUnparsableRequest(const grpc::ByteBuffer& buffer,
                                       const google::protobuf::Message& request,
                                       std::string* article_id) {
  absl::Status unparsable = absl::InvalidArgumentError(
      "the request is not a valid Protobuf message of type " +
      request.GetDescriptor()->full_name());
  google::protobuf::UnknownFieldSet request_fields;
  if (!request_fields.ParseFromString(Flatten(buffer))) return unparsable;
  const google::protobuf::FieldDescriptor* article_field =
      request.GetDescriptor()->FindFieldByName("article");
  const google::protobuf::Descriptor* article_type = v1::Article::descriptor();
  absl::Status status = unparsable;
  bool found_invalid_text = false;
  for (int i = 0; i < request_fields.field_count(); ++i) {
    const google::protobuf::UnknownField& field = request_fields.field(i);
    if (field.number() != article_field->number() ||
        field.type() != google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED) {
      continue;
    }
    google::protobuf::UnknownFieldSet article_fields;
    if (!article_fields.ParseFromString(field.length_delimited())) continue;
    for (int j = 0; j < article_fields.field_count(); ++j) {
      const google::protobuf::UnknownField& text = article_fields.field(j);
      const google::protobuf::FieldDescriptor* descriptor =
          article_type->FindFieldByNumber(text.number());
      if (descriptor == nullptr ||
          descriptor->type() !=
              google::protobuf::FieldDescriptor::TYPE_STRING ||
          text.type() !=
              google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED) {
        continue;
      }
      const size_t offset = text::FindInvalidUtf8(text.length_delimited());
      if (offset == text::kValidUtf8) {
        if (descriptor->number() == v1::Article::kIdFieldNumber) {
          *article_id = text.length_delimited();
        }
        continue;
      }
      if (!found_invalid_text) {
        found_invalid_text = true;
        status = absl::InvalidArgumentError(absl::StrFormat(
            "article.%s is not valid UTF-8: byte 0x%02X at byte offset %d "
            "does not start a valid sequence; send the text encoded as UTF-8",
            descriptor->name(),
            static_cast<unsigned char>(text.length_delimited()[offset]),
            offset));
      }
    }
  }
  return status;
}

}  // namespace

absl::Status ParseRequest(const grpc::ByteBuffer& buffer,
                          google::protobuf::Message* request,
                          std::string* article_id) {
  grpc::ByteBuffer copy(buffer);  // shares the slices; the reader consumes it
  grpc::ProtoBufferReader reader(&copy);
  if (request->ParseFromZeroCopyStream(&reader)) return absl::OkStatus();
  return DiagnoseUnparsableRequest(buffer, *request, article_id);
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
  if (!article.id().empty()) return article.id();
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
