// Short words packed into two integers, and a small open-addressing table
// keyed by them: the word lists of the text layer are probed for many words
// of every article, and a packed lookup costs a multiplication and usually
// one probe, with no hashing of bytes and no copy of the word.
//
// Thread safety: PackedWordTable is not thread-safe while being filled; once
// filled, const methods may be called from any number of threads.
#ifndef ATTACHE_TEXT_PACKED_WORD_H_
#define ATTACHE_TEXT_PACKED_WORD_H_

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"

namespace attache::text {

// Longest word that packs.
inline constexpr size_t kMaxPackedWord = 15;

// A word of at most kMaxPackedWord bytes and its length, little-endian in
// two integers: equal words, and only they, pack equally.
struct PackedWord {
  uint64_t low = 0;
  uint64_t high = 0;

  friend bool operator==(const PackedWord&, const PackedWord&) = default;
};

namespace packed_word_internal {

// The sizeof(Int) bytes at `bytes` as an integer, the first byte lowest.
template <typename Int>
inline uint64_t LoadLittleEndian(const char* bytes) {
  Int value;
  std::memcpy(&value, bytes, sizeof(value));
  if constexpr (std::endian::native == std::endian::big) {
    value = static_cast<Int>(__builtin_bswap64(uint64_t{value}) >>
                             (64 - 8 * sizeof(Int)));
  }
  return value;
}

// The packed word of `length` bytes whose first `size` (at most
// kMaxPackedWord) are the low bytes of `low` and then of `high`; the bytes
// of `low` and `high` beyond them are ignored.
inline PackedWord Assemble(uint64_t low, uint64_t high, size_t size,
                           size_t length, bool fold_case) {
  const auto first_bytes = [](size_t count) {
    return count >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * count)) - 1;
  };
  const uint64_t low_mask = first_bytes(size);
  const uint64_t high_mask = size > 8 ? first_bytes(size - 8) : 0;
  PackedWord packed;
  packed.low = low & low_mask;
  packed.high = (high & high_mask) | static_cast<uint64_t>(length & 0xFF) << 56;
  if (fold_case) {
    constexpr uint64_t kCaseBits = 0x2020202020202020ULL;
    packed.low |= kCaseBits & low_mask;
    packed.high |= kCaseBits & high_mask;
  }
  return packed;
}

}  // namespace packed_word_internal

// Packs `word`, which should have at most kMaxPackedWord bytes: a longer one
// packs as its first kMaxPackedWord bytes and its length. With `fold_case`,
// for words of ASCII letters only, upper- and lower-case letters pack alike
// (bit 0x20 of every byte set).
inline PackedWord Pack(absl::string_view word, bool fold_case = false) {
  using packed_word_internal::LoadLittleEndian;
  // Loads the bytes as at most two overlapping integers rather than copying
  // them one by one.
  const size_t size =
      word.size() < kMaxPackedWord ? word.size() : kMaxPackedWord;
  const char* bytes = word.data();
  uint64_t low = 0;
  uint64_t high = 0;
  if (size >= 8) {
    low = LoadLittleEndian<uint64_t>(bytes);
    if (size > 8) {
      high = LoadLittleEndian<uint64_t>(bytes + size - 8) >> (8 * (16 - size));
    }
  } else if (size >= 4) {
    low = LoadLittleEndian<uint32_t>(bytes) |
          (LoadLittleEndian<uint32_t>(bytes + size - 4) << (8 * (size - 4)));
  } else if (size > 0) {
    low = uint64_t{static_cast<unsigned char>(bytes[0])} |
          uint64_t{static_cast<unsigned char>(bytes[size / 2])}
              << (8 * (size / 2)) |
          uint64_t{static_cast<unsigned char>(bytes[size - 1])}
              << (8 * (size - 1));
  }
  return packed_word_internal::Assemble(low, high, size, word.size(),
                                        fold_case);
}

// The first eight bytes of `word`, zero-padded when it is shorter, as one
// little-endian integer: words of up to eight bytes have equal heads only if
// they are equal. `padded`: eight bytes from word.data() are readable, so one
// load does.
// Inlined into the per-token lookups of the lexicons and the matcher.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline uint64_t WordHead(absl::string_view word,
                                                      bool padded) {
  if (padded) {
    const uint64_t head =
        packed_word_internal::LoadLittleEndian<uint64_t>(word.data());
    return word.size() >= 8 ? head
                            : head & ((uint64_t{1} << (8 * word.size())) - 1);
  }
  return Pack(word.substr(0, 8)).low;
}

// Pack() of the `size` bytes at `bytes`, at most kMaxPackedWord of them,
// when bytes[0, 16) may all be read: two loads, for the inner loops of scans
// through a longer text.
inline PackedWord PackWithSlack(const char* bytes, size_t size,
                                bool fold_case = false) {
  using packed_word_internal::LoadLittleEndian;
  return packed_word_internal::Assemble(LoadLittleEndian<uint64_t>(bytes),
                                        LoadLittleEndian<uint64_t>(bytes + 8),
                                        size, size, fold_case);
}

// A set of packed words, each with bits (a nonzero Bits value: the lists it
// is on), in a fixed table of 2^kSlotBits slots; hold well under half as
// many words.
template <typename Bits, int kSlotBits = 10>
class PackedWordTable {
 public:
  // Adds `bits` to the bits of `word`.
  void Add(const PackedWord& word, Bits bits) {
    size_t slot = SlotOf(word);
    while (slots_[slot].bits != 0 && !(slots_[slot].word == word)) {
      slot = (slot + 1) % kSlots;
    }
    slots_[slot].word = word;
    slots_[slot].bits |= bits;
  }

  // The bits of `word`; 0 when it was never added.
  Bits Find(const PackedWord& word) const {
    for (size_t slot = SlotOf(word);; slot = (slot + 1) % kSlots) {
      const Slot& entry = slots_[slot];
      if (entry.bits == 0 || entry.word == word) {
        return entry.bits;
      }
    }
  }

 private:
  static constexpr size_t kSlots = size_t{1} << kSlotBits;

  struct Slot {
    PackedWord word;
    Bits bits = 0;  // 0: empty
  };

  static size_t SlotOf(const PackedWord& word) {
    const uint64_t mixed = (word.low ^ (word.high * 0x9E3779B97F4A7C15ULL)) *
                           0xBF58476D1CE4E5B9ULL;
    return static_cast<size_t>(mixed >> (64 - kSlotBits));
  }

  std::array<Slot, kSlots> slots_{};
};

}  // namespace attache::text

#endif  // ATTACHE_TEXT_PACKED_WORD_H_
