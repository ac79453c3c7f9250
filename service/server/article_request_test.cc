#include "server/article_request.h"

#include <map>
#include <string>

#include "attache/v1/extraction_service.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/unknown_field_set.h"
#include "gtest/gtest.h"
#include "server/unchecked.pb.h"

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

constexpr size_t kLimit = 1024;
constexpr int kBatchLimit = 3;

TEST(ParseExtractContactsRequestTest, ParsesAValidRequest) {
  ArticleRequest parsed;
  ASSERT_TRUE(
      ParseExtractContactsRequest(
          ToByteBuffer(RawRequest("wire-1", "Talks began.")), kLimit, &parsed)
          .ok());
  ASSERT_EQ(parsed.articles.size(), 1u);
  const RequestArticle& article = parsed.articles.front();
  EXPECT_TRUE(article.status.ok()) << article.status;
  EXPECT_EQ(article.article.id(), "wire-1");
  EXPECT_EQ(article.article.body(), "Talks began.");
  EXPECT_EQ(article.id, "wire-1");
  EXPECT_FALSE(parsed.batch);
}

TEST(ParseExtractContactsRequestTest, NamesFieldAndOffsetOfInvalidUtf8) {
  ArticleRequest parsed;
  ASSERT_TRUE(
      ParseExtractContactsRequest(
          ToByteBuffer(RawRequest("bad-bytes", "Envoys met\xC3 in Oslo.")),
          kLimit, &parsed)
          .ok());
  ASSERT_EQ(parsed.articles.size(), 1u);
  const absl::Status& status = parsed.articles.front().status;
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("article.body"));
  EXPECT_THAT(status.message(), HasSubstr("byte offset 10"));
  EXPECT_THAT(status.message(), HasSubstr("0xC3"));
  EXPECT_EQ(parsed.articles.front().id, "bad-bytes");
}

TEST(ParseExtractContactsRequestTest, ChecksTheArticlesLimits) {
  ArticleRequest parsed;
  ASSERT_TRUE(ParseExtractContactsRequest(
                  ToByteBuffer(RawRequest("", std::string(kLimit + 1, 'x'))),
                  kLimit, &parsed)
                  .ok());
  const RequestArticle& article = parsed.articles.front();
  EXPECT_EQ(article.status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(article.id, ::testing::StartsWith("article-"));
}

TEST(ParseExtractContactsRequestTest, RejectsBytesThatAreNotProtobuf) {
  ArticleRequest parsed;
  const absl::Status status = ParseExtractContactsRequest(
      ToByteBuffer("\xff\xff\xff\xff"), kLimit, &parsed);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              HasSubstr("not a valid Protobuf message of type "
                        "attache.v1.ExtractContactsRequest"));
}

ArticleRequest ParsedStreamRequest(const v1::StreamExtractRequest& request) {
  ArticleRequest parsed;
  EXPECT_TRUE(ParseStreamExtractRequest(SerializeToByteBuffer(request), kLimit,
                                        kBatchLimit, &parsed)
                  .ok());
  return parsed;
}

TEST(ParseStreamExtractRequestTest, ReadsABatchInOrderAfterTheArticle) {
  v1::StreamExtractRequest request;
  request.mutable_article()->set_id("first");
  request.mutable_article()->set_body("Envoys met.");
  for (const char* id : {"second", "third"}) {
    v1::Article& article = *request.add_articles();
    article.set_id(id);
    article.set_body("Ministers spoke.");
  }
  request.mutable_articles(1)->set_body(" ");
  const ArticleRequest parsed = ParsedStreamRequest(request);
  EXPECT_TRUE(parsed.batch);
  ASSERT_EQ(parsed.articles.size(), 3u);
  EXPECT_EQ(parsed.articles[0].id, "first");
  EXPECT_EQ(parsed.articles[1].id, "second");
  EXPECT_EQ(parsed.articles[2].id, "third");
  EXPECT_TRUE(parsed.articles[1].status.ok());
  // One bad article of a batch spoils only itself.
  EXPECT_EQ(parsed.articles[2].status.code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ParseStreamExtractRequestTest, RefusesABatchOverTheLimitUnparsed) {
  v1::StreamExtractRequest request;
  request.mutable_article()->set_body("Envoys met.");  // not counted
  for (int i = 0; i < kBatchLimit; ++i) {
    request.add_articles()->set_body("Ministers spoke.");
  }
  EXPECT_EQ(ParsedStreamRequest(request).articles.size(), 1u + kBatchLimit);

  request.add_articles();
  ArticleRequest parsed;
  const absl::Status status = ParseStreamExtractRequest(
      SerializeToByteBuffer(request), kLimit, kBatchLimit, &parsed);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(), HasSubstr("batch has 4 articles"));
  EXPECT_THAT(status.message(), HasSubstr("limit of 3"));
  EXPECT_THAT(status.message(), HasSubstr("--max_batch_articles"));
  EXPECT_TRUE(parsed.articles.empty());
}

TEST(ParseStreamExtractRequestTest, RejectsBytesThatAreNotProtobuf) {
  ArticleRequest parsed;
  for (const char* bytes : {"\xff\xff\xff\xff",
                            "\x1a\x05"
                            "ab"}) {
    const absl::Status status = ParseStreamExtractRequest(
        ToByteBuffer(bytes), kLimit, kBatchLimit, &parsed);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(status.message(), HasSubstr("attache.v1.StreamExtractRequest"));
  }
}

TEST(ParseStreamExtractRequestTest, ABatchNeedNotSetTheSingleArticle) {
  v1::StreamExtractRequest request;
  request.add_articles()->set_body("Envoys met.");
  const ArticleRequest parsed = ParsedStreamRequest(request);
  EXPECT_TRUE(parsed.batch);
  ASSERT_EQ(parsed.articles.size(), 1u);
  EXPECT_TRUE(parsed.articles[0].status.ok());
}

TEST(ParseStreamExtractRequestTest, AnEmptyRequestIsOneArticleWithNoBody) {
  ArticleRequest parsed;
  ASSERT_TRUE(
      ParseStreamExtractRequest(ToByteBuffer(""), kLimit, kBatchLimit, &parsed)
          .ok());
  EXPECT_FALSE(parsed.batch);
  ASSERT_EQ(parsed.articles.size(), 1u);
  EXPECT_THAT(parsed.articles[0].status.message(),
              HasSubstr("article.body is empty"));
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

TEST(SerializeToByteBufferTest, RoundTripsThroughParseStreamExtractRequest) {
  v1::StreamExtractRequest request;
  v1::Article& article = *request.mutable_article();
  article.set_id("round-trip");
  article.set_url("https://news.example/k");
  article.set_source("Wire");
  article.set_title("Körber in Genève");
  article.set_body("Körber met Ngozi in Genève.");
  article.mutable_published_time()->set_seconds(1700000000);
  article.set_language("en");
  request.mutable_options()->set_min_confidence(0.25);
  request.mutable_options()->set_debug(true);
  const ArticleRequest parsed = ParsedStreamRequest(request);
  ASSERT_EQ(parsed.articles.size(), 1u);
  v1::StreamExtractRequest reparsed;
  *reparsed.mutable_article() = parsed.articles.front().article;
  *reparsed.mutable_options() = parsed.options;
  EXPECT_EQ(reparsed.SerializeAsString(), request.SerializeAsString());
}

// The API's messages that the server mirrors (server/unchecked.proto), with
// their mirrors.
const std::map<const google::protobuf::Descriptor*,
               const google::protobuf::Descriptor*>&
Mirrors() {
  static const auto* const kMirrors =
      new std::map<const google::protobuf::Descriptor*,
                   const google::protobuf::Descriptor*>{
          {v1::Article::descriptor(), UncheckedArticle::descriptor()},
          {v1::ExtractContactsRequest::descriptor(),
           UncheckedExtractContactsRequest::descriptor()},
          {v1::StreamExtractRequest::descriptor(),
           UncheckedStreamExtractRequest::descriptor()},
          {v1::Evidence::descriptor(), UncheckedEvidence::descriptor()},
          {v1::Contact::descriptor(), UncheckedContact::descriptor()},
          {v1::StreamExtractResponse::descriptor(),
           UncheckedStreamExtractResponse::descriptor()},
          {v1::ExtractContactsResponse::descriptor(),
           UncheckedExtractContactsResponse::descriptor()},
      };
  return *kMirrors;
}

// Each unchecked view must mirror the API field for field, with `bytes`
// standing for `string` and mirrors for mirrored messages, or messages would
// be misread.
TEST(UncheckedTest, MirrorsTheApi) {
  using google::protobuf::FieldDescriptor;
  for (const auto& [api, unchecked] : Mirrors()) {
    ASSERT_EQ(unchecked->field_count(), api->field_count()) << api->full_name();
    for (int i = 0; i < api->field_count(); ++i) {
      const FieldDescriptor& field = *api->field(i);
      const FieldDescriptor* mirror =
          unchecked->FindFieldByNumber(field.number());
      ASSERT_NE(mirror, nullptr) << field.full_name();
      EXPECT_EQ(mirror->name(), field.name());
      EXPECT_EQ(mirror->label(), field.label()) << field.full_name();
      if (field.type() == FieldDescriptor::TYPE_STRING) {
        EXPECT_EQ(mirror->type(), FieldDescriptor::TYPE_BYTES)
            << field.full_name();
      } else {
        EXPECT_EQ(mirror->type(), field.type()) << field.full_name();
      }
      EXPECT_EQ(mirror->enum_type(), field.enum_type()) << field.full_name();
      EXPECT_EQ(mirror->containing_oneof() == nullptr,
                field.containing_oneof() == nullptr)
          << field.full_name();
      if (field.message_type() != nullptr) {
        const auto mirrored = Mirrors().find(field.message_type());
        EXPECT_EQ(mirror->message_type(), mirrored == Mirrors().end()
                                              ? field.message_type()
                                              : mirrored->second)
            << field.full_name();
      }
    }
  }
}

TEST(ToGrpcStatusTest, KeepsCodeAndMessage) {
  const grpc::Status status =
      ToGrpcStatus(absl::ResourceExhaustedError("too big"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(), "too big");
}

}  // namespace
}  // namespace attache::server
