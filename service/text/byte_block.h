// Sixteen bytes of text classified at once, for the inner loops of the text
// layer that skip runs of letters or of ordinary bytes: with SSE2 a test of
// all sixteen bytes costs a few instructions instead of a lookup and a branch
// per byte. Elsewhere the same masks come from a plain loop.
//
//   if (pos + ByteBlock::kSize <= text.size()) {
//     const ByteBlock block(text.data() + pos);
//     const uint32_t others = ~block.InRange('a', 'z') & ByteBlock::kAll;
//     // the first byte that is not a lower-case letter, if any:
//     if (others != 0) return pos + std::countr_zero(others);
//   }
//
// Thread safety: a ByteBlock is a plain value.
#ifndef ATTACHE_TEXT_BYTE_BLOCK_H_
#define ATTACHE_TEXT_BYTE_BLOCK_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace attache::text {

class ByteBlock {
 public:
  static constexpr size_t kSize = 16;
  static constexpr uint32_t kAll = (uint32_t{1} << kSize) - 1;

  // Reads bytes[0, kSize).
  explicit ByteBlock(const char* bytes) {
#if defined(__SSE2__)
    bytes_ = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
#else
    std::memcpy(bytes_, bytes, kSize);
#endif
  }

  // The masks below have bit i set when byte i passes the test.

  // low <= byte <= high, for ASCII `low` and `high`.
  uint32_t InRange(char low, char high) const {
#if defined(__SSE2__)
    return Mask(InRange(bytes_, low, high));
#else
    return Scalar([&](unsigned char c) { return c >= low && c <= high; });
#endif
  }

  // ASCII letters of either case.
  uint32_t Letters() const {
#if defined(__SSE2__)
    // Setting bit 0x20 folds upper case onto lower case and maps no other
    // byte into 'a'..'z'.
    return Mask(InRange(_mm_or_si128(bytes_, _mm_set1_epi8(0x20)), 'a', 'z'));
#else
    return Scalar([](unsigned char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
#endif
  }

  uint32_t Equal(char c) const {
#if defined(__SSE2__)
    return Mask(_mm_cmpeq_epi8(bytes_, _mm_set1_epi8(c)));
#else
    return Scalar(
        [&](unsigned char b) { return b == static_cast<unsigned char>(c); });
#endif
  }

  // 0x80 and above: bytes of non-ASCII characters.
  uint32_t NonAscii() const {
#if defined(__SSE2__)
    return Mask(bytes_);
#else
    return Scalar([](unsigned char c) { return c >= 0x80; });
#endif
  }

  // Writes the kSize bytes to out[0, kSize) with ASCII letters in lower case.
  void StoreLowerCase(char* out) const {
#if defined(__SSE2__)
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i letters = InRange(_mm_or_si128(bytes_, case_bit), 'a', 'z');
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out),
                     _mm_or_si128(bytes_, _mm_and_si128(letters, case_bit)));
#else
    for (size_t i = 0; i < kSize; ++i) {
      const unsigned char c = bytes_[i];
      out[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
#endif
  }

 private:
#if defined(__SSE2__)
  // Flags the bytes of `bytes` from `low` to `high` (ASCII) with one
  // comparison: the addition moves `low` to the least signed byte value, so
  // the bytes in range, and only they, end up below the moved `high`. Bytes
  // of 0x80 and above land above it.
  static __m128i InRange(__m128i bytes, char low, char high) {
    const __m128i moved =
        _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(-128 - low)));
    return _mm_cmplt_epi8(
        moved, _mm_set1_epi8(static_cast<char>(-128 + (high - low) + 1)));
  }

  static uint32_t Mask(__m128i flags) {
    return static_cast<uint32_t>(_mm_movemask_epi8(flags));
  }

  __m128i bytes_;
#else
  template <typename Test>
  uint32_t Scalar(Test test) const {
    uint32_t mask = 0;
    for (size_t i = 0; i < kSize; ++i) {
      mask |= test(bytes_[i]) ? uint32_t{1} << i : 0;
    }
    return mask;
  }

  unsigned char bytes_[kSize];
#endif
};

}  // namespace attache::text

#endif  // ATTACHE_TEXT_BYTE_BLOCK_H_
