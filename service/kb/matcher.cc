#include "kb/matcher.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "kb/tokenizer.h"
#include "text/packed_word.h"

namespace attache::kb {
namespace {

// What a word of a phrase needs of the text's word, two bits per word.
enum CaseNeed : uint64_t { kAnyCase = 0, kCapitalized = 1, kAllCaps = 2 };

// All-caps words this short are acronyms that clash with common words ("US",
// "UN", "AU"); longer ones ("NATO", "ASEAN") are also written "Nato".
constexpr int kMaxStrictAcronymLetters = 3;

CaseNeed NeedOf(const Word& word, MentionForm form) {
  if (word.all_caps && word.letters <= kMaxStrictAcronymLetters) {
    return kAllCaps;
  }
  if (word.capitalized && form != MentionForm::kTitle) {
    return kCapitalized;
  }
  return kAnyCase;
}

// The needs a word of the text meets, as the bits of a CaseNeed: since an
// all-caps word is also capitalised, a word meets a need `n` exactly when
// `n & ~CaseOf(word)` is zero, and words meet a case pattern when it has no
// bit their packed CaseOf()s lack.
uint64_t CaseOf(const Word& word) {
  return (word.capitalized ? uint64_t{kCapitalized} : 0) |
         (word.all_caps ? uint64_t{kAllCaps} : 0);
}

// An invertible mix of 64 bits (the splitmix64 finaliser).
uint64_t Mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Hashes a folded word. A word of at most kShortWord bytes is packed with
// its length into 64 bits without loss (its bytes are letters, digits or
// UTF-8 bytes, never the lengths 1 to 7 that mark the top byte of a shorter
// word) and mixed invertibly, so two such words have equal hashes only if
// they are equal: for them WordId() compares no bytes.
constexpr size_t kShortWord = 8;
uint64_t LongWordHash(absl::string_view word) {
  uint64_t hash = Mix(word.size());
  for (size_t i = 0; i < word.size(); i += 8) {
    hash = Mix(hash ^ text::WordHead(word.substr(i), /*padded=*/false));
  }
  return hash;
}

// `head` holds the first eight bytes of `word`, zero-padded.
inline uint64_t WordHash(absl::string_view word, uint64_t head) {
  if (word.size() > kShortWord) {
    return LongWordHash(word);
  }
  if (word.size() < kShortWord) {
    head |= static_cast<uint64_t>(word.size()) << 56;
  }
  return Mix(head);
}

// The word filter: 16 KiB. Its bit for a word comes from the word's head and
// length by one multiplication, cheaper than WordHash, which only the words
// that pass the filter need.
constexpr int kFilterBitsLog2 = 17;
uint64_t FilterBit(uint64_t head, size_t size) {
  return ((head ^ (static_cast<uint64_t>(size) << 56)) *
          0x9E3779B97F4A7C15ULL) >>
         (64 - kFilterBitsLog2);
}

// Case patterns compare word by word, kAnyCase < kCapitalized < kAllCaps:
// a word meets a need when its own case (all caps, else capitalised, else
// any) is at least as strict, since an all-caps word is also capitalised.
// `Covers(pattern, need)`: every word of `need` is at most that of
// `pattern`; `Join`: the word-by-word maximum.
bool Covers(uint64_t pattern, uint64_t need) {
  for (; need != 0; need >>= 2, pattern >>= 2) {
    if ((need & 3) > (pattern & 3)) {
      return false;
    }
  }
  return true;
}

uint64_t Join(uint64_t a, uint64_t b) {
  uint64_t joined = 0;
  for (int shift = 0; shift < 64; shift += 2) {
    joined |= std::max((a >> shift) & 3, (b >> shift) & 3) << shift;
  }
  return joined;
}

uint64_t EdgeKey(uint32_t node, uint32_t word_id) {
  return (static_cast<uint64_t>(node) << 32) | word_id;
}

// Splits `phrase` into folded words and their case needs, checking that the
// words can match together.
absl::Status FoldPhrase(absl::string_view phrase, MentionForm form,
                        std::vector<std::string>* words,
                        uint64_t* case_pattern) {
  Tokenizer tokenizer(phrase);
  Word word;
  std::string folded;
  *case_pattern = 0;
  while (tokenizer.Next(&word, &folded)) {
    if (!words->empty() && !word.joined) {
      return absl::InvalidArgumentError(absl::StrCat(
          "'", phrase, "' has punctuation between words, so it never matches"));
    }
    if (words->size() == Matcher::kMaxWords) {
      return absl::InvalidArgumentError(absl::StrCat(
          "'", phrase, "' has more than ", Matcher::kMaxWords, " words"));
    }
    *case_pattern |= static_cast<uint64_t>(NeedOf(word, form))
                     << (2 * words->size());
    words->push_back(folded);
  }
  if (words->empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", phrase, "' has no letters or digits"));
  }
  return absl::OkStatus();
}

}  // namespace

struct Matcher::KnownWord {
  size_t begin;  // of the word in the text
  size_t end;
  uint32_t id;
  uint32_t case_of;  // CaseOf() the word
};

absl::Status Matcher::Builder::Add(absl::string_view phrase, EntityRef ref) {
  std::vector<std::string> words;
  uint64_t case_pattern = 0;
  if (absl::Status status = FoldPhrase(phrase, ref.form, &words, &case_pattern);
      !status.ok()) {
    return status;
  }
  uint32_t node = 0;
  for (std::string& folded : words) {
    const auto [word, unused_inserted] = vocabulary_.try_emplace(
        std::move(folded), static_cast<uint32_t>(vocabulary_.size()));
    const auto [edge, inserted] =
        edges_.try_emplace(EdgeKey(node, word->second), node_count_);
    if (inserted) {
      ++node_count_;
    }
    node = edge->second;
  }
  entries_.push_back({node, case_pattern, ref});
  return absl::OkStatus();
}

Matcher Matcher::Builder::Build() && {
  Matcher matcher;
  matcher.root_children_.assign(vocabulary_.size(), kNoNode);
  for (const auto& [key, child] : edges_) {
    if ((key >> 32) == 0) {
      matcher.root_children_[static_cast<uint32_t>(key)] = child;
    } else {
      matcher.edges_.emplace(key, child);
    }
  }
  size_t slots = 16;
  while (slots < 2 * vocabulary_.size()) {
    slots *= 2;
  }
  matcher.word_slots_.resize(slots);
  matcher.word_filter_.assign((uint64_t{1} << kFilterBitsLog2) / 64, 0);
  for (const auto& [folded, id] : vocabulary_) {
    const uint64_t head = text::WordHead(folded, /*padded=*/false);
    const uint64_t hash = WordHash(folded, head);
    const uint64_t bit = FilterBit(head, folded.size());
    matcher.word_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    size_t slot = hash & (slots - 1);
    while (matcher.word_slots_[slot].id != kUnknownWord) {
      slot = (slot + 1) & (slots - 1);
    }
    matcher.word_slots_[slot] = {
        hash, id, static_cast<uint32_t>(matcher.word_bytes_.size())};
    matcher.word_bytes_ += folded;
    matcher.word_bytes_.push_back('\0');
  }

  // Group by node, then by case pattern; each (entity, form) once.
  const auto order = [](const Entry& e) {
    return std::make_tuple(e.node, e.case_pattern, e.ref.type, e.ref.index,
                           e.ref.form);
  };
  std::sort(
      entries_.begin(), entries_.end(),
      [&](const Entry& a, const Entry& b) { return order(a) < order(b); });
  matcher.node_outputs_.assign(node_count_ + 1, 0);
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& entry = entries_[i];
    const bool new_output = i == 0 || entry.node != entries_[i - 1].node ||
                            entry.case_pattern != entries_[i - 1].case_pattern;
    if (new_output) {
      matcher.outputs_.push_back({entry.case_pattern,
                                  static_cast<uint32_t>(matcher.refs_.size()),
                                  static_cast<uint32_t>(matcher.refs_.size())});
      ++matcher.node_outputs_[entry.node + 1];
    } else if (entry.ref.type == entries_[i - 1].ref.type &&
               entry.ref.index == entries_[i - 1].ref.index &&
               entry.ref.form == entries_[i - 1].ref.form) {
      continue;
    }
    matcher.refs_.push_back(entry.ref);
    matcher.outputs_.back().refs_end =
        static_cast<uint32_t>(matcher.refs_.size());
  }
  for (uint32_t node = 0; node < node_count_; ++node) {
    matcher.node_outputs_[node + 1] += matcher.node_outputs_[node];
  }
  for (uint32_t node = 0; node < node_count_; ++node) {
    matcher.MergeOutputs(node);
  }
  return matcher;
}

void Matcher::MergeOutputs(uint32_t node) {
  const absl::Span<const Output> outputs =
      absl::MakeConstSpan(outputs_).subspan(
          node_outputs_[node], node_outputs_[node + 1] - node_outputs_[node]);
  if (outputs.size() < 2) {
    return;
  }
  // Words meet exactly the outputs whose patterns their strictest met
  // pattern covers, so the sets of outputs words can meet are those covered
  // by the joins of some outputs' patterns.
  std::vector<uint64_t> joins;
  for (const Output& output : outputs) {
    joins.push_back(output.case_pattern);
  }
  for (size_t i = 0; i < joins.size(); ++i) {
    for (const Output& output : outputs) {
      const uint64_t joined = Join(joins[i], output.case_pattern);
      if (std::find(joins.begin(), joins.end(), joined) == joins.end()) {
        joins.push_back(joined);
      }
    }
  }
  for (const uint64_t joined : joins) {
    std::vector<EntityRef> merged;
    int met = 0;
    for (const Output& output : outputs) {
      if (!Covers(joined, output.case_pattern)) {
        continue;
      }
      ++met;
      for (uint32_t r = output.refs_begin; r < output.refs_end; ++r) {
        const EntityRef& ref = refs_[r];
        if (std::none_of(
                merged.begin(), merged.end(), [&](const EntityRef& other) {
                  return other.type == ref.type && other.index == ref.index &&
                         other.form == ref.form;
                })) {
          merged.push_back(ref);
        }
      }
    }
    if (met < 2) {
      continue;
    }
    merged_refs_[{node, joined}] = {
        static_cast<uint32_t>(refs_.size()),
        static_cast<uint32_t>(refs_.size() + merged.size())};
    refs_.insert(refs_.end(), merged.begin(), merged.end());
  }
}

absl::StatusOr<std::string> Matcher::Fold(absl::string_view phrase) {
  std::vector<std::string> words;
  uint64_t case_pattern = 0;
  if (absl::Status status =
          FoldPhrase(phrase, MentionForm::kName, &words, &case_pattern);
      !status.ok()) {
    return status;
  }
  std::string folded;
  for (const std::string& word : words) {
    if (!folded.empty()) {
      folded.push_back(' ');
    }
    folded += word;
  }
  return folded;
}

// Inlined in the scanning loop: most words of a text stop here.
inline bool Matcher::MayBeKnown(uint64_t head, size_t size) const {
  const uint64_t bit = FilterBit(head, size);
  return !word_filter_.empty() &&
         (word_filter_[bit / 64] & (uint64_t{1} << (bit % 64))) != 0;
}

uint32_t Matcher::WordId(absl::string_view folded, uint64_t head) const {
  if (!MayBeKnown(head, folded.size())) {
    return kUnknownWord;
  }
  return FindWord(folded, WordHash(folded, head));
}

uint32_t Matcher::FindWord(absl::string_view folded, uint64_t hash) const {
  const size_t mask = word_slots_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const WordSlot& word = word_slots_[slot];
    if (word.id == kUnknownWord) {
      return kUnknownWord;
    }
    if (word.hash == hash &&
        (folded.size() <= kShortWord ||
         (absl::string_view(word_bytes_).substr(word.offset, folded.size()) ==
              folded &&
          word_bytes_[word.offset + folded.size()] == '\0'))) {
      return word.id;
    }
  }
}

uint32_t Matcher::Child(uint32_t node, uint32_t word_id) const {
  if (node == 0) {
    return root_children_[word_id];
  }
  const auto it = edges_.find(EdgeKey(node, word_id));
  return it == edges_.end() ? kNoNode : it->second;
}

absl::Span<const EntityRef> Matcher::Candidates(uint32_t node,
                                                uint64_t cases) const {
  const Output* met = nullptr;
  uint64_t strictest = 0;
  bool several = false;
  for (uint32_t o = node_outputs_[node]; o < node_outputs_[node + 1]; ++o) {
    const Output& output = outputs_[o];
    if ((output.case_pattern & ~cases) != 0) {
      continue;
    }
    several = met != nullptr;
    strictest =
        several ? Join(strictest, output.case_pattern) : output.case_pattern;
    met = &output;
  }
  if (met == nullptr) {
    return {};
  }
  uint32_t begin = met->refs_begin;
  uint32_t end = met->refs_end;
  if (several) {
    std::tie(begin, end) = merged_refs_.at({node, strictest});
  }
  return absl::MakeConstSpan(refs_).subspan(begin, end - begin);
}

void Matcher::MatchRun(absl::Span<const KnownWord> run,
                       std::vector<Mention>* mentions) const {
  size_t start = 0;
  while (start < run.size()) {
    size_t best_end = 0;  // one past the last word of the best match
    absl::Span<const EntityRef> best;
    uint32_t node = 0;
    uint64_t cases = 0;  // of the words from `start`, two bits each
    for (size_t i = start; i < run.size(); ++i) {
      node = Child(node, run[i].id);
      if (node == kNoNode) {
        break;
      }
      // Below kMaxWords deep, as the trie is: the shift stays below 64.
      cases |= uint64_t{run[i].case_of} << (2 * (i - start));
      if (const absl::Span<const EntityRef> candidates =
              Candidates(node, cases);
          !candidates.empty()) {
        best_end = i + 1;
        best = candidates;
      }
    }
    if (best_end == 0) {
      ++start;
      continue;
    }
    if (mentions->capacity() == 0) {
      // A sentence with a mention tends to have a few: one allocation.
      mentions->reserve(4);
    }
    mentions->push_back({run[start].begin, run[best_end - 1].end, best});
    start = best_end;
  }
}

std::vector<Mention> Matcher::FindMentions(absl::string_view text) const {
  std::vector<Mention> mentions;
  FindMentions(text, &mentions);
  return mentions;
}

void Matcher::FindMentions(absl::string_view text,
                           std::vector<Mention>* mentions) const {
  mentions->clear();
  // Runs of known words are short: most texts need no allocation for them.
  absl::InlinedVector<KnownWord, 16> run;
  Tokenizer tokenizer(text);
  Word word;
  absl::string_view folded;
  bool passed_over = false;  // words the filter rejected, which end a run
  const auto may_be_known = [this](uint64_t head, size_t size) {
    return MayBeKnown(head, size);
  };
  while (tokenizer.NextWanted(&word, &folded, may_be_known, &passed_over)) {
    const uint32_t id = FindWord(folded, WordHash(folded, word.folded_head));
    if (!run.empty() && (passed_over || !word.joined || id == kUnknownWord)) {
      MatchRun(run, mentions);
      run.clear();
    }
    if (id != kUnknownWord) {
      run.push_back(
          {word.begin, word.end, id, static_cast<uint32_t>(CaseOf(word))});
    }
  }
  if (!run.empty()) {
    MatchRun(run, mentions);
  }
}

std::vector<EntityRef> Matcher::Lookup(absl::string_view phrase) const {
  Tokenizer tokenizer(phrase);
  Word word;
  absl::string_view folded;
  uint32_t node = 0;
  size_t words = 0;
  uint64_t cases = 0;  // two bits a word, as in MatchRun
  while (tokenizer.Next(&word, &folded)) {
    const uint32_t id = WordId(folded, word.folded_head);
    if ((words > 0 && !word.joined) || id == kUnknownWord) {
      return {};
    }
    node = Child(node, id);
    if (node == kNoNode) {
      return {};
    }
    cases |= CaseOf(word) << (2 * words);
    ++words;
  }
  if (words == 0) {
    return {};
  }
  const absl::Span<const EntityRef> candidates = Candidates(node, cases);
  return {candidates.begin(), candidates.end()};
}

}  // namespace attache::kb
