#include "text/normalize.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "text/offset_map.h"
#include "text/utf8.h"

namespace attache::text {
namespace {

// The original bytes that normalised range [begin, end) came from.
std::string Original(absl::string_view original, const NormalizedText& n,
                     size_t begin, size_t end) {
  const ByteRange range = n.ToOriginal({begin, end});
  return {original.data() + range.begin, range.size()};
}

TEST(NormalizeTest, AsciiPassesThroughWithIdentityOffsets) {
  const std::string text = "The envoy met the minister.";
  const NormalizedText n = Normalize(text);
  EXPECT_EQ(n.text, text);
  EXPECT_EQ(n.ToOriginal({4, 9}), (ByteRange{4, 9}));
}

TEST(NormalizeTest, EmptyAndWhitespaceOnly) {
  EXPECT_EQ(Normalize("").text, "");
  EXPECT_EQ(Normalize(" \t\n\r\n\xC2\xA0 \n").text, "");
}

TEST(NormalizeTest, CurlyQuotesBecomeStraight) {
  EXPECT_EQ(Normalize("“Peace,” she said. It’s ‘fine’.").text,
            "\"Peace,\" she said. It's 'fine'.");
}

TEST(NormalizeTest, QuoteGluedToWordIsSpaced) {
  EXPECT_EQ(Normalize("thanked him for the“warm welcome”today").text,
            "thanked him for the \"warm welcome\" today");
}

TEST(NormalizeTest, Dashes) {
  EXPECT_EQ(Normalize("Ruritania–Utopia ties").text, "Ruritania-Utopia ties");
  EXPECT_EQ(Normalize("PORT VALE— The minister").text,
            "PORT VALE - The minister");
  EXPECT_EQ(Normalize("talks—held in secret—ended").text,
            "talks - held in secret - ended");
  EXPECT_EQ(Normalize("\xE2\x88\x92"
                      "5 degrees")
                .text,
            "-5 degrees");
  EXPECT_EQ(Normalize("Jong\xE2\x80\x91nam").text, "Jong-nam");
}

TEST(NormalizeTest, SpacesCollapseAndZeroWidthVanish) {
  EXPECT_EQ(Normalize("a\xC2\xA0\xC2\xA0 b\xE2\x80\x89"
                      "c")
                .text,
            "a b c");
  EXPECT_EQ(Normalize("zero\xE2\x80\x8Bwidth\xEF\xBB\xBF").text, "zerowidth");
  EXPECT_EQ(Normalize("soft\xC2\xADhyphen").text, "softhyphen");
  EXPECT_EQ(Normalize("  lead and trail  ").text, "lead and trail");
}

TEST(NormalizeTest, NewlinesArePreservedAndCollapsed) {
  EXPECT_EQ(Normalize("one\r\ntwo\rthree\n\n\n\nfour  \n  five").text,
            "one\ntwo\nthree\n\nfour\nfive");
  EXPECT_EQ(Normalize("\n\nbody\n\n").text, "body");
}

TEST(NormalizeTest, EllipsisExpands) {
  EXPECT_EQ(Normalize("wait\xE2\x80\xA6 then").text, "wait... then");
}

TEST(NormalizeTest, NfdComposesToNfc) {
  // "Pe" + U+0301 COMBINING ACUTE ACCENT + "rez" -> "Pérez".
  const std::string nfd = "Minister Pe\xCC\x81rez arrived";
  const NormalizedText n = Normalize(nfd);
  EXPECT_EQ(n.text, "Minister P\xC3\xA9rez arrived");
  // The composed letter maps back to the base letter and its accent.
  EXPECT_EQ(Original(nfd, n, 10, 12), "e\xCC\x81");
  EXPECT_EQ(Original(nfd, n, 9, 15), "Pe\xCC\x81rez");
  EXPECT_EQ(Original(nfd, n, 16, 23), "arrived");
}

TEST(NormalizeTest, OffsetsMapReplacementsToTheirSource) {
  const std::string original = "The “talks” — held\xC2\xA0today";
  const NormalizedText n = Normalize(original);
  ASSERT_EQ(n.text, "The \"talks\" - held today");
  EXPECT_EQ(Original(original, n, 4, 11), "“talks”");
  EXPECT_EQ(Original(original, n, 12, 13), "—");
  EXPECT_EQ(Original(original, n, 14, 24), "held\xC2\xA0today");
  EXPECT_EQ(Original(original, n, 0, n.text.size()), original);
}

TEST(NormalizeTest, EveryNormalisedByteMapsInsideTheOriginal) {
  const std::string original =
      "  “Quote”\r\n\r\n\r\nNext\xE2\x80\x8B line — with\xC2\xA0"
      "spaces\xE2\x80\xA6 Pe\xCC\x81rez\n";
  const NormalizedText n = Normalize(original);
  for (size_t i = 0; i < n.text.size(); ++i) {
    const ByteRange range = n.ToOriginal({i, i + 1});
    EXPECT_LE(range.begin, range.end);
    EXPECT_LE(range.end, original.size());
  }
  EXPECT_EQ(n.offsets.original_size(), original.size());
  EXPECT_EQ(n.offsets.normalized_size(), n.text.size());
}

TEST(NormalizeTest, InvalidBytesBecomeReplacementCharacters) {
  const std::string original = "bad \xC0\xAF byte";
  const NormalizedText n = Normalize(original);
  EXPECT_EQ(n.text, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
  EXPECT_EQ(FindInvalidUtf8(n.text), kValidUtf8);
  EXPECT_EQ(Original(original, n, 4, 7), "\xC0");
}

TEST(NormalizeTest, LargeInputStaysLinear) {
  std::string original;
  while (original.size() < 5'000'000) {
    original += "The delegation arrived in Port Vale on Tuesday.\n";
  }
  const NormalizedText n = Normalize(original);
  EXPECT_EQ(n.text.size(), original.size() - 1);  // final newline dropped
  EXPECT_EQ(n.ToOriginal({1000, 2000}), (ByteRange{1000, 2000}));
}

TEST(OffsetMapTest, ClampsAndHandlesEmptyRanges) {
  const OffsetMap map = OffsetMap::Identity(10);
  EXPECT_EQ(map.ToOriginal({3, 3}), (ByteRange{3, 3}));
  EXPECT_EQ(map.ToOriginal({8, 50}), (ByteRange{8, 10}));
  EXPECT_EQ(map.ToOriginal({50, 60}), (ByteRange{10, 10}));
}

TEST(OffsetMapTest, ReplacementPiecesCoverTheirWholeSource) {
  OffsetMapBuilder builder;
  builder.AddCopy(0, 3);            // "abc"
  builder.AddReplacement(3, 3, 1);  // 3 bytes -> 1 byte
  builder.AddReplacement(6, 2, 0);  // dropped
  builder.AddCopy(8, 2);            // "de"
  const OffsetMap map = std::move(builder).Build(10);
  EXPECT_EQ(map.normalized_size(), 6u);
  EXPECT_EQ(map.ToOriginal({3, 4}), (ByteRange{3, 6}));
  EXPECT_EQ(map.ToOriginal({2, 5}), (ByteRange{2, 9}));
  EXPECT_EQ(map.ToOriginal({4, 6}), (ByteRange{8, 10}));
}

TEST(OffsetMapTest, CursorAgreesWithToOriginalInAnyOrder) {
  const std::string original = "“One” — two\xC2\xA0three… four’s “five”\r\nsix";
  const NormalizedText n = Normalize(original);
  OffsetMap::Cursor cursor(n.offsets);
  for (size_t begin = 0; begin <= n.text.size(); ++begin) {
    for (size_t end = begin; end <= n.text.size(); end += 3) {
      EXPECT_EQ(cursor.ToOriginal({begin, end}), n.ToOriginal({begin, end}));
    }
  }
  for (size_t begin = n.text.size(); begin-- > 0;) {
    EXPECT_EQ(cursor.ToOriginal({begin, begin + 1}),
              n.ToOriginal({begin, begin + 1}));
  }
}

TEST(NormalizeTest, ValidUtf8VariantMatches) {
  for (const absl::string_view text :
       {"plain ascii", "caf\u00E9 \u201Cquoted\u201D\u00A0text",
        "cafe\u0301 composed", ""}) {
    const NormalizedText checked = Normalize(text);
    const NormalizedText unchecked = NormalizeValidUtf8(text);
    EXPECT_EQ(unchecked.text, checked.text) << text;
    EXPECT_EQ(unchecked.ToOriginal({0, unchecked.text.size()}),
              checked.ToOriginal({0, checked.text.size()}))
        << text;
  }
}

}  // namespace
}  // namespace attache::text
