// Reading and checking the requests of ExtractionService: parsing from the
// wire (checking each text for UTF-8 once, with the byte offset of a bad
// byte, which Protobuf itself only reports as a parse failure), the
// per-article limits, and the article ids used to correlate results.
//
// Thread safety: stateless functions.
#ifndef ATTACHE_SERVER_ARTICLE_REQUEST_H_
#define ATTACHE_SERVER_ARTICLE_REQUEST_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "attache/v1/article.pb.h"
#include "attache/v1/extraction_service.pb.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/status.h"

namespace attache::server {

// One article of a request as read from the wire.
struct RequestArticle {
  v1::Article article;
  // The id that correlates the article's result: the client's, or one derived
  // from the text (ArticleIdOf). When a text field is not valid UTF-8 it is
  // the client's id if that one is readable, else empty.
  std::string id;
  // Whether the article can be extracted: a UTF-8 error naming the field and
  // byte offset (INVALID_ARGUMENT), or CheckArticle's verdict.
  absl::Status status;
};

// An ExtractionService request as read from the wire.
struct ArticleRequest {
  // The request's `article`, then (StreamExtractRequest only) the batch in
  // `articles`. `article` is left out only when unset and a batch is given,
  // so a request with no article at all has one entry, refused for its
  // empty body.
  std::vector<RequestArticle> articles;
  v1::ExtractionOptions options;
  // The request carried `articles` and is answered as a batch.
  bool batch = false;
};

// Parses `buffer`, the wire form of an ExtractContactsRequest or a
// StreamExtractRequest, into `request`, and checks each article against
// `max_article_bytes` (see CheckArticle). The returned status is an error
// only for the request as a whole: INVALID_ARGUMENT when the bytes are not a
// message of that type, RESOURCE_EXHAUSTED (naming the limit, before any
// parsing) when a batch has more than `max_batch_articles` articles. A
// problem with one article is in that article's `status`.
absl::Status ParseExtractContactsRequest(const grpc::ByteBuffer& buffer,
                                         size_t max_article_bytes,
                                         ArticleRequest* request);
absl::Status ParseStreamExtractRequest(const grpc::ByteBuffer& buffer,
                                       size_t max_article_bytes,
                                       int max_batch_articles,
                                       ArticleRequest* request);

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
