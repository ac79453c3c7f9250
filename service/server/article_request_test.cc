#include "server/article_request.h"

#include <string>

#include "attache/v1/extraction_service.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/unknown_field_set.h"
#include "gtest/gtest.h"

namespace attache::server {
namespace {

using ::testing::HasSubstr;

grpc::ByteBuffer ToByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

// The wire bytes of an ExtractContactsRequest whose article has `id` and
// `body` taken verbatim, bypassing Protobuf's UTF-8 checks.
std::string RawRequest(const std::string& id, const std::string& body) {
  google::protobuf::UnknownFieldSet article;
  article.AddLengthDelimited(v1::Article::kIdFieldNumber, id);
  article.AddLengthDelimited(v1::Article::kBodyFieldNumber, body);
  std::string article_bytes;
  article.SerializeToString(&article_bytes);
  google::protobuf::UnknownFieldSet request;
  request.AddLengthDelimited(v1::ExtractContactsRequest::kArticleFieldNumber,
                             article_bytes);
  std::string bytes;
  request.SerializeToString(&bytes);
  return bytes;
}

TEST(ParseRequestTest, ParsesAValidRequest) {
  v1::ExtractContactsRequest parsed;
  std::string article_id;
  ASSERT_TRUE(ParseRequest(ToByteBuffer(RawRequest("wire-1", "Talks began.")),
                           &parsed, &article_id)
                  .ok());
  EXPECT_EQ(parsed.article().id(), "wire-1");
  EXPECT_EQ(parsed.article().body(), "Talks began.");
}

TEST(ParseRequestTest, NamesFieldAndOffsetOfInvalidUtf8) {
  v1::StreamExtractRequest parsed;
  std::string article_id;
  const absl::Status status = ParseRequest(
      ToByteBuffer(RawRequest("bad-bytes", "Envoys met\xC3 in Oslo.")), &parsed,
      &article_id);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("article.body"));
  EXPECT_THAT(status.message(), HasSubstr("byte offset 10"));
  EXPECT_THAT(status.message(), HasSubstr("0xC3"));
  EXPECT_EQ(article_id, "bad-bytes");
}

TEST(ParseRequestTest, RejectsBytesThatAreNotProtobuf) {
  v1::ExtractContactsRequest parsed;
  std::string article_id;
  const absl::Status status =
      ParseRequest(ToByteBuffer("\xff\xff\xff\xff"), &parsed, &article_id);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              HasSubstr("not a valid Protobuf message of type "
                        "attache.v1.ExtractContactsRequest"));
  EXPECT_EQ(article_id, "");
}

v1::Article ArticleWith(const std::string& title, const std::string& body) {
  v1::Article article;
  article.set_title(title);
  article.set_body(body);
  return article;
}

TEST(CheckArticleTest, AcceptsAnArticleWithinTheLimit) {
  EXPECT_TRUE(
      CheckArticle(ArticleWith("Visit", "The envoy flew to Lima."), 64).ok());
}

TEST(CheckArticleTest, RejectsEmptyAndBlankBodies) {
  for (const std::string body : {"", "  \n\t "}) {
    const absl::Status status = CheckArticle(ArticleWith("Title", body), 64);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << body;
    EXPECT_THAT(status.message(), HasSubstr("article.body is empty"));
  }
}

TEST(CheckArticleTest, NamesTheSizeLimitCountingTitleAndBody) {
  const absl::Status status =
      CheckArticle(ArticleWith(std::string(30, 't'), std::string(40, 'b')), 64);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(), HasSubstr("70 bytes"));
  EXPECT_THAT(status.message(), HasSubstr("limit of 64 bytes"));
  EXPECT_THAT(status.message(), HasSubstr("--max_article_bytes"));
}

TEST(CheckArticleTest, AcceptsOnlyEnglish) {
  v1::Article article = ArticleWith("", "Ministers spoke by phone.");
  for (const char* language : {"", "en", "EN", "en-GB"}) {
    article.set_language(language);
    EXPECT_TRUE(CheckArticle(article, 1024).ok()) << language;
  }
  article.set_language("fr");
  const absl::Status status = CheckArticle(article, 1024);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("\"fr\" is not supported"));
  article.set_language("eng");
  EXPECT_EQ(CheckArticle(article, 1024).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ArticleIdOfTest, KeepsTheClientsId) {
  v1::Article article = ArticleWith("T", "B");
  article.set_id("client-7");
  EXPECT_EQ(ArticleIdOf(article), "client-7");
}

TEST(ArticleIdOfTest, DerivesAStableIdFromTitleAndBody) {
  const std::string derived = ArticleIdOf(ArticleWith("ab", "c"));
  EXPECT_THAT(derived, ::testing::MatchesRegex("article-[0-9a-f]{16}"));
  EXPECT_EQ(ArticleIdOf(ArticleWith("ab", "c")), derived);
  EXPECT_NE(ArticleIdOf(ArticleWith("a", "bc")), derived);
  EXPECT_NE(ArticleIdOf(ArticleWith("ab", "d")), derived);
}

TEST(SerializeToByteBufferTest, RoundTripsThroughParseRequest) {
  v1::StreamExtractRequest request;
  request.mutable_article()->set_id("round-trip");
  request.mutable_article()->set_body("Körber met Ngozi in Genève.");
  request.mutable_options()->set_min_confidence(0.25);
  v1::StreamExtractRequest parsed;
  std::string article_id;
  ASSERT_TRUE(
      ParseRequest(SerializeToByteBuffer(request), &parsed, &article_id).ok());
  EXPECT_EQ(parsed.SerializeAsString(), request.SerializeAsString());
}

TEST(ToGrpcStatusTest, KeepsCodeAndMessage) {
  const grpc::Status status =
      ToGrpcStatus(absl::ResourceExhaustedError("too big"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(), "too big");
}

}  // namespace
}  // namespace attache::server
