#include "text/utf8.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace attache::text {
namespace {

using ::testing::HasSubstr;

TEST(FindInvalidUtf8Test, AcceptsWellFormedText) {
  EXPECT_EQ(FindInvalidUtf8(""), kValidUtf8);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII text, long enough for the fast path"),
            kValidUtf8);
  EXPECT_EQ(FindInvalidUtf8("Zoë met Łukasz in Çorum — “yes” 中文 😀"),
            kValidUtf8);
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), kValidUtf8);  // U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xED\x9F\xBF"), kValidUtf8);      // U+D7FF
}

struct BadCase {
  std::string text;
  size_t offset;
};

class InvalidUtf8Test : public ::testing::TestWithParam<BadCase> {};

TEST_P(InvalidUtf8Test, ReportsOffsetOfFirstBadSequence) {
  EXPECT_EQ(FindInvalidUtf8(GetParam().text), GetParam().offset);
  const absl::Status status = ValidateUtf8(GetParam().text);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              HasSubstr("byte offset " + std::to_string(GetParam().offset)));
}

INSTANTIATE_TEST_SUITE_P(
    Sequences, InvalidUtf8Test,
    ::testing::Values(BadCase{"\x80", 0},               // lone continuation
                      BadCase{"abc\xC0\xAF", 3},        // overlong '/'
                      BadCase{"abc\xC1\xBF", 3},        // overlong
                      BadCase{"x\xE0\x80\xAF", 1},      // overlong 3-byte
                      BadCase{"x\xF0\x80\x80\xAF", 1},  // overlong 4-byte
                      BadCase{"lone \xED\xA0\x80 high", 5},  // surrogate U+D800
                      BadCase{"lone \xED\xBF\xBF low", 5},   // surrogate U+DFFF
                      BadCase{"big \xF4\x90\x80\x80", 4},    // U+110000
                      BadCase{"\xF5\x80\x80\x80", 0},  // lead byte too large
                      BadCase{"\xFF", 0},
                      BadCase{"end \xE2\x82", 4},      // truncated
                      BadCase{"end \xF0\x9F\x98", 4},  // truncated 4-byte
                      BadCase{"\xC3"
                              "A",
                              0},  // bad continuation
                      BadCase{std::string(1000, 'a') + "\xC3", 1000},
                      BadCase{"ok \xC3\xA9 then \xE9 latin-1", 11}));

TEST(ValidateUtf8Test, OkForValidText) {
  EXPECT_TRUE(ValidateUtf8("Déjà vu").ok());
}

TEST(ValidateUtf8Test, NeverCrashesOnAnyTwoByteInput) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string text{static_cast<char>(a), static_cast<char>(b)};
      const size_t bad = FindInvalidUtf8(text);
      EXPECT_TRUE(bad == kValidUtf8 || bad < 2);
    }
  }
}

TEST(DecodeUtf8Test, DecodesAndMeasures) {
  char32_t code_point = 0;
  EXPECT_EQ(DecodeUtf8("A", 0, &code_point), 1);
  EXPECT_EQ(code_point, U'A');
  EXPECT_EQ(DecodeUtf8("x\xC3\xA9", 1, &code_point), 2);
  EXPECT_EQ(code_point, U'\u00E9');
  EXPECT_EQ(DecodeUtf8("\xE2\x80\x94", 0, &code_point), 3);
  EXPECT_EQ(code_point, U'\u2014');
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98\x80", 0, &code_point), 4);
  EXPECT_EQ(code_point, U'\U0001F600');
  EXPECT_EQ(DecodeUtf8("\xE2\x80", 0, &code_point), 0);
}

TEST(AppendUtf8Test, RoundTripsThroughDecode) {
  for (char32_t c : {U'a', U'\u00E9', U'\u2019', U'\uFFFD', U'\U0010FFFF'}) {
    std::string out;
    AppendUtf8(c, &out);
    char32_t decoded = 0;
    EXPECT_EQ(DecodeUtf8(out, 0, &decoded), static_cast<int>(out.size()));
    EXPECT_EQ(decoded, c);
  }
}

TEST(IsAsciiTest, DetectsHighBytesAnywhere) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii(std::string(100, 'z')));
  std::string text(100, 'z');
  text[77] = '\xC3';
  EXPECT_FALSE(IsAscii(text));
}

}  // namespace
}  // namespace attache::text
