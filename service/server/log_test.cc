#include "server/log.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::server {
namespace {

using ::testing::EndsWith;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

TEST(LogTest, TextLinesAreKeyValuePairsQuotedWhenNeeded) {
  const std::string line = FormatLogLine(LogFormat::kText, "rpc",
                                         {{"method", "StreamExtract"},
                                          {"peer", "ipv4:127.0.0.1:5000"},
                                          {"note", "two words"},
                                          {"quote", "say \"hi\""},
                                          {"articles", 3},
                                          {"duration_ms", 1.5}});
  EXPECT_THAT(line, StartsWith("time="));
  EXPECT_THAT(
      line, EndsWith(" event=rpc method=StreamExtract peer=ipv4:127.0.0.1:5000"
                     " note=\"two words\" quote=\"say \\\"hi\\\"\" articles=3"
                     " duration_ms=1.5\n"));
}

TEST(LogTest, JsonLinesAreOneObjectWithTypedNumbers) {
  const std::string line =
      FormatLogLine(LogFormat::kJson, "rpc",
                    {{"message", "line\nbreak\x01"}, {"articles", 12}});
  EXPECT_THAT(line, MatchesRegex(R"(\{"time":"[0-9T:.Z-]+",.*)"));
  EXPECT_THAT(line, EndsWith(R"(,"event":"rpc","message":"line\nbreak\u0001",)"
                             R"("articles":12})"
                             "\n"));
}

TEST(LogTest, ParsesFormatNames) {
  LogFormat format = LogFormat::kText;
  EXPECT_TRUE(ParseLogFormat("json", &format));
  EXPECT_EQ(format, LogFormat::kJson);
  EXPECT_TRUE(ParseLogFormat("text", &format));
  EXPECT_EQ(format, LogFormat::kText);
  EXPECT_FALSE(ParseLogFormat("xml", &format));
}

}  // namespace
}  // namespace attache::server
