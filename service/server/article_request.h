// Reading and checking the requests of ExtractionService: parsing from the
// wire (checking each text for UTF-8 once, with the byte offset of a bad
// byte, which Protobuf itself only reports as a parse failure), the
// per-article limits, and the article id used to correlate results.
//
// Thread safety: stateless functions.
#ifndef ATTACHE_SERVER_ARTICLE_REQUEST_H_
#define ATTACHE_SERVER_ARTICLE_REQUEST_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "attache/v1/article.pb.h"
#include "attache/v1/extraction_service.pb.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/status.h"

namespace attache::server {

// What both ExtractionService requests carry (ExtractContactsRequest and
// StreamExtractRequest have the same two fields).
struct ArticleRequest {
  v1::Article article;
  v1::ExtractionOptions options;
};

// Parses `buffer`, the wire form of a `request_type` message, into `request`.
// Errors are INVALID_ARGUMENT; when a text field of the article is not valid
// UTF-8 the message names the field and the byte offset. `article_id` receives
// the article's id whenever it is readable, even when the request as a whole
// is not, so that a stream can correlate the error.
absl::Status ParseRequest(const grpc::ByteBuffer& buffer,
                          absl::string_view request_type,
                          ArticleRequest* request, std::string* article_id);

// Checks that `article` can be extracted: a non-blank body (INVALID_ARGUMENT),
// title and body together at most `max_article_bytes` (RESOURCE_EXHAUSTED,
// naming the limit), and English text (INVALID_ARGUMENT).
absl::Status CheckArticle(const v1::Article& article, size_t max_article_bytes);

// The article's id, or one derived from a hash of its title and body when the
// client left it empty ("article-" and 16 hex digits of a 64-bit FNV-1a hash,
// stable across servers and versions).
std::string ArticleIdOf(const v1::Article& article);

// The gRPC status equivalent to `status`.
grpc::Status ToGrpcStatus(const absl::Status& status);

// `message` serialised for a raw (ByteBuffer) gRPC method.
grpc::ByteBuffer SerializeToByteBuffer(
    const google::protobuf::Message& message);

}  // namespace attache::server

#endif  // ATTACHE_SERVER_ARTICLE_REQUEST_H_
