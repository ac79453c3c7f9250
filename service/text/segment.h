// Paragraph and sentence segmentation of normalised text (see normalize.h).
//
// Paragraphs are lines. A line that ends without final punctuation continues
// into the next line when that one starts with a lower-case letter, is not a
// label ending in ':' and no blank line separates them (hard-wrapped text such
// as "Embassy of the Republic\nin Ruritania").
//
// Sentences end at '.', '?', '!' and ellipses (with the closing quotes and
// brackets that follow them) unless the period belongs to an abbreviation
// ("Mr.", "Gen.", "Sept. 18", "No. 5", "vs."), an initial ("John F. Kennedy")
// or a dotted acronym that is not followed by a typical sentence opener
// ("U.S. officials" vs "... in the U.S. The talks"), and unless the next word
// starts in lower case ('"Why?" she asked'). A terminator glued to a
// capitalised word ("the difference.Secretary") ends a sentence when the word
// before it is a plain word; so does a closing bracket glued to one
// ("(Photo agency)Secretary"). Bullets and " | " separate sentences. Every
// line end (paragraph end) ends a sentence, so headlines without final
// punctuation stand alone.
//
// Thread safety: stateless; safe to call from any thread.
#ifndef ATTACHE_TEXT_SEGMENT_H_
#define ATTACHE_TEXT_SEGMENT_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "text/offset_map.h"

namespace attache::text {

struct SegmentOptions {
  // A longer run without a sentence boundary is cut at the last space before
  // this many bytes, so later stages never see unbounded sentences.
  size_t max_sentence_bytes = 4096;
};

// The paragraphs of `text`, as ranges without their line breaks. Empty lines
// produce no paragraph.
std::vector<ByteRange> SplitParagraphs(absl::string_view text);

// The sentences of `paragraph`, as non-empty ranges relative to it with
// surrounding spaces and line breaks trimmed.
std::vector<ByteRange> SplitSentences(absl::string_view paragraph,
                                      const SegmentOptions& options = {});
// SplitSentences() into *sentences, replacing its contents: a caller that
// splits many paragraphs reuses one vector.
void SplitSentences(absl::string_view paragraph, const SegmentOptions& options,
                    std::vector<ByteRange>* sentences);

// True when `text` ends (before closing quotes, brackets and spaces) with
// '.', '?', '!', ':' or ';'. Lines without it are headings or fragments.
bool HasFinalPunctuation(absl::string_view text);

}  // namespace attache::text

#endif  // ATTACHE_TEXT_SEGMENT_H_
