// Contract tests for the attache.v1 API: every message survives a proto-JSON
// round trip with every field set, and every enum follows the API's rules.
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "attache/v1/admin_service.pb.h"
#include "attache/v1/article.pb.h"
#include "attache/v1/contact.pb.h"
#include "attache/v1/contact_service.pb.h"
#include "attache/v1/extraction_service.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

const char* const kApiFiles[] = {
    "attache/v1/article.proto", "attache/v1/contact.proto",
    "attache/v1/extraction_service.proto", "attache/v1/contact_service.proto",
    "attache/v1/admin_service.proto"};

std::vector<const FileDescriptor*> ApiFiles() {
  // Referencing a generated type links its descriptor into the pool.
  attache::v1::Article().GetDescriptor();
  attache::v1::Contact().GetDescriptor();
  attache::v1::ExtractContactsRequest().GetDescriptor();
  attache::v1::ListContactsRequest().GetDescriptor();
  attache::v1::GetServerInfoResponse().GetDescriptor();
  std::vector<const FileDescriptor*> files;
  for (const char* name : kApiFiles) {
    files.push_back(DescriptorPool::generated_pool()->FindFileByName(name));
  }
  return files;
}

std::vector<const Descriptor*> ApiMessages() {
  std::vector<const Descriptor*> messages;
  for (const FileDescriptor* file : ApiFiles()) {
    for (int i = 0; i < file->message_type_count(); ++i) {
      messages.push_back(file->message_type(i));
    }
  }
  return messages;
}

// Sets every field of `message` (recursing into our own messages up to
// `depth`) to a distinctive non-default value. One member of each oneof ends
// up set, which is what a real message carries.
void Populate(Message* message, int depth) {
  const Reflection* reflection = message->GetReflection();
  const Descriptor* descriptor = message->GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    const int n = i + 1;
    const bool repeated = field->is_repeated();
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        repeated ? reflection->AddInt32(message, field, n)
                 : reflection->SetInt32(message, field, n);
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        repeated ? reflection->AddInt64(message, field, 1000 + n)
                 : reflection->SetInt64(message, field, 1000 + n);
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        repeated ? reflection->AddDouble(message, field, 0.25 * n)
                 : reflection->SetDouble(message, field, 0.25 * n);
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        repeated ? reflection->AddBool(message, field, true)
                 : reflection->SetBool(message, field, true);
        break;
      case FieldDescriptor::CPPTYPE_STRING: {
        const std::string value = "v\u00e9" + field->name();
        repeated ? reflection->AddString(message, field, value)
                 : reflection->SetString(message, field, value);
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        const EnumDescriptor* type = field->enum_type();
        const int value = type->value(type->value_count() - 1)->number();
        repeated ? reflection->AddEnumValue(message, field, value)
                 : reflection->SetEnumValue(message, field, value);
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        if (depth <= 0) break;
        const std::string& type = field->message_type()->full_name();
        if (type == "google.protobuf.Timestamp") {
          Message* ts = repeated ? reflection->AddMessage(message, field)
                                 : reflection->MutableMessage(message, field);
          ts->GetReflection()->SetInt64(
              ts, ts->GetDescriptor()->FindFieldByName("seconds"),
              1695038400);
          break;
        }
        if (type == "google.protobuf.Duration") {
          Message* d = repeated ? reflection->AddMessage(message, field)
                                : reflection->MutableMessage(message, field);
          d->GetReflection()->SetInt32(
              d, d->GetDescriptor()->FindFieldByName("nanos"), 1500);
          break;
        }
        Populate(repeated ? reflection->AddMessage(message, field)
                          : reflection->MutableMessage(message, field),
                 depth - 1);
        break;
      }
      default:
        FAIL() << "unexpected field type in " << field->full_name();
    }
  }
}

class MessageRoundTrip : public testing::TestWithParam<const Descriptor*> {};

TEST_P(MessageRoundTrip, JsonRoundTripKeepsEveryField) {
  const Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(
          GetParam());
  ASSERT_NE(prototype, nullptr);
  std::unique_ptr<Message> original(prototype->New());
  Populate(original.get(), /*depth=*/3);
  if (GetParam()->field_count() > 0) {
    ASSERT_GT(original->ByteSizeLong(), 0u) << GetParam()->full_name();
  }

  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(*original, &json).ok());
  std::unique_ptr<Message> parsed(prototype->New());
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, parsed.get()).ok())
      << json;
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differencer.Compare(*original, *parsed)) << diff << "\n" << json;

  // The binary form must agree too.
  std::unique_ptr<Message> binary(prototype->New());
  ASSERT_TRUE(binary->ParseFromString(original->SerializeAsString()));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*original,
                                                                 *binary));
}

INSTANTIATE_TEST_SUITE_P(
    AllMessages, MessageRoundTrip, testing::ValuesIn(ApiMessages()),
    [](const testing::TestParamInfo<const Descriptor*>& info) {
      return info.param->name();
    });

TEST(ApiEnums, StartWithUnspecifiedAndArePrefixed) {
  int enums = 0;
  for (const FileDescriptor* file : ApiFiles()) {
    for (int i = 0; i < file->enum_type_count(); ++i) {
      const EnumDescriptor* type = file->enum_type(i);
      ++enums;
      std::string prefix;
      for (char c : type->name()) {
        if (isupper(static_cast<unsigned char>(c)) && !prefix.empty()) {
          prefix += '_';
        }
        prefix += static_cast<char>(toupper(static_cast<unsigned char>(c)));
      }
      EXPECT_EQ(type->value(0)->number(), 0) << type->full_name();
      EXPECT_EQ(type->value(0)->name(), prefix + "_UNSPECIFIED");
      for (int v = 0; v < type->value_count(); ++v) {
        EXPECT_EQ(type->value(v)->name().rfind(prefix + "_", 0), 0u)
            << type->value(v)->name();
      }
    }
  }
  EXPECT_GE(enums, 7);
}

TEST(ApiEnums, ContactKindsAndStatusesCoverTheGuideline) {
  for (const char* name :
       {"MEETING", "CALL", "VISIT", "CORRESPONDENCE"}) {
    EXPECT_NE(attache::v1::ContactKind_descriptor()->FindValueByName(
                  std::string("CONTACT_KIND_") + name),
              nullptr)
        << name;
  }
  for (const char* name :
       {"OCCURRED", "ONGOING", "PLANNED", "SPECULATED", "CANCELED"}) {
    EXPECT_NE(attache::v1::ContactStatus_descriptor()->FindValueByName(
                  std::string("CONTACT_STATUS_") + name),
              nullptr)
        << name;
  }
}

TEST(ApiEnums, JsonUsesValueNames) {
  attache::v1::Contact contact;
  contact.set_kind(attache::v1::CONTACT_KIND_VISIT);
  contact.set_status(attache::v1::CONTACT_STATUS_CANCELED);
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(contact, &json).ok());
  EXPECT_NE(json.find("\"CONTACT_KIND_VISIT\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"CONTACT_STATUS_CANCELED\""), std::string::npos);
}

TEST(ApiServices, DeclareEveryRpcWithStreamingShape) {
  const auto* pool = DescriptorPool::generated_pool();
  const auto* extraction =
      pool->FindServiceByName("attache.v1.ExtractionService");
  ASSERT_NE(extraction, nullptr);
  const auto* extract = extraction->FindMethodByName("ExtractContacts");
  ASSERT_NE(extract, nullptr);
  EXPECT_FALSE(extract->client_streaming());
  EXPECT_TRUE(extract->server_streaming());
  const auto* stream = extraction->FindMethodByName("StreamExtract");
  ASSERT_NE(stream, nullptr);
  EXPECT_TRUE(stream->client_streaming());
  EXPECT_TRUE(stream->server_streaming());

  const auto* contacts = pool->FindServiceByName("attache.v1.ContactService");
  ASSERT_NE(contacts, nullptr);
  for (const char* rpc : {"IngestArticles", "GetContact", "ListContacts",
                          "CountContacts", "WatchContacts"}) {
    EXPECT_NE(contacts->FindMethodByName(rpc), nullptr) << rpc;
  }
}

}  // namespace
