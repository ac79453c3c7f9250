// The knowledge base's mention matcher: a trie over folded word sequences
// (see kb/tokenizer.h), built once, that finds every known name in a text in
// one left-to-right pass over its words.
//
// Each phrase added keeps the case of its words as a requirement: a
// capitalised word ("China", "Turkey", "May") only matches a capitalised or
// all-caps word, so "china" the material and "turkey" the bird do not match;
// an all-caps word of up to three letters ("US", "UN", "PRC") only matches
// capitals, so the pronoun "us" does not; lower-case words ("bin", "of") and
// every word of an office title ("Foreign Minister") match in any case.
// An entity written the same way in two forms ("US" as a name and as an
// adjective) is a candidate once per form.
// At each word the longest phrase that matches wins; matches do not overlap,
// and a match never spans punctuation other than spaces, hyphens,
// apostrophes and abbreviation periods.
//
// Thread safety: a Matcher is immutable after Build() and safe to share;
// Builder is not thread-safe.
#ifndef ATTACHE_KB_MATCHER_H_
#define ATTACHE_KB_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "kb/knowledge_base.h"

namespace attache::kb {

class Matcher {
 public:
  // Longest phrase, in words, that can be added.
  static constexpr int kMaxWords = 32;

  class Builder {
   public:
    // Adds `phrase` as a way of writing `ref`. INVALID_ARGUMENT when the
    // phrase has no word, more than kMaxWords words, or punctuation that
    // would keep its words from ever matching together ("Korea, South").
    absl::Status Add(absl::string_view phrase, EntityRef ref);
    Matcher Build() &&;

   private:
    struct Entry {
      uint32_t node;
      uint64_t case_pattern;
      EntityRef ref;
    };
    absl::flat_hash_map<std::string, uint32_t> vocabulary_;
    absl::flat_hash_map<uint64_t, uint32_t> edges_;
    uint32_t node_count_ = 1;  // the root
    std::vector<Entry> entries_;
  };

  // The folded form of `phrase` as the matcher compares it ("kim jong un"
  // for "Kim Jong-un"); INVALID_ARGUMENT as for Builder::Add.
  static absl::StatusOr<std::string> Fold(absl::string_view phrase);

  // Every mention in `text`, in text order. The candidates of a mention view
  // the matcher's tables and stay valid while it lives.
  std::vector<Mention> FindMentions(absl::string_view text) const;
  // As above, into `*mentions`, which is cleared first.
  void FindMentions(absl::string_view text,
                    std::vector<Mention>* mentions) const;

  // The candidates of `phrase` taken as a whole (with the same case rules),
  // or none when it is not a known phrase.
  std::vector<EntityRef> Lookup(absl::string_view phrase) const;

 private:
  struct Output {
    uint64_t case_pattern;  // two bits per word: a CaseNeed
    uint32_t refs_begin;
    uint32_t refs_end;
  };
  struct KnownWord;

  static constexpr uint32_t kNoNode = 0;  // the root is never a child
  static constexpr uint32_t kUnknownWord = UINT32_MAX;

  // Whether the word filter lets the folded word of `size` bytes whose
  // Word::folded_head is `head` through: false for most unknown words.
  bool MayBeKnown(uint64_t head, size_t size) const;
  // The id of the folded word, whose Word::folded_head is `head`.
  uint32_t WordId(absl::string_view folded, uint64_t head) const;
  // The id of the folded word whose hash is `hash`, looked up in the table.
  uint32_t FindWord(absl::string_view folded, uint64_t hash) const;
  uint32_t Child(uint32_t node, uint32_t word_id) const;
  // The candidates of `node` whose case requirements words of the cases
  // `cases` (CaseOf() each word, two bits a word) meet, each (entity, form)
  // once; empty when they meet none.
  absl::Span<const EntityRef> Candidates(uint32_t node, uint64_t cases) const;
  // Fills merged_refs_ for `node`, at build time.
  void MergeOutputs(uint32_t node);
  // Finds the leftmost-longest matches in a run of joined known words.
  void MatchRun(absl::Span<const KnownWord> run,
                std::vector<Mention>* mentions) const;

  // The vocabulary: an open-addressing hash table of the words of every
  // phrase, probed for each word of the text, so kept lean.
  struct WordSlot {
    uint64_t hash = 0;
    uint32_t id = kUnknownWord;  // kUnknownWord: empty slot
    uint32_t offset = 0;         // of the word in word_bytes_
  };
  std::vector<WordSlot> word_slots_;  // size: a power of two, or empty
  // One bit per value of a hash of a word's head and length, set for the
  // vocabulary's words: most words of a text are rejected here, in a table
  // that stays in cache, before their full hash is computed.
  std::vector<uint64_t> word_filter_;
  std::string word_bytes_;               // the words, each followed by a NUL
  std::vector<uint32_t> root_children_;  // indexed by word id
  absl::flat_hash_map<uint64_t, uint32_t> edges_;  // (node << 32 | word)
  std::vector<uint32_t> node_outputs_;  // node -> first output; size nodes + 1
  std::vector<Output> outputs_;
  std::vector<EntityRef> refs_;
  // When words meet several outputs of a node, the merged candidates of
  // those outputs, keyed by the node and the strictest case pattern among
  // them (which determines which outputs the words meet): (begin, end) in
  // refs_. Only nodes with outputs of several case patterns have entries.
  absl::flat_hash_map<std::pair<uint32_t, uint64_t>,
                      std::pair<uint32_t, uint32_t>>
      merged_refs_;
};

}  // namespace attache::kb

#endif  // ATTACHE_KB_MATCHER_H_
