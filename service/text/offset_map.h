// Byte ranges and the map from a normalised text back to its original.
//
// Normalisation replaces, drops and inserts bytes; evidence must still point
// into the text the user sent. An OffsetMap records, for every byte of the
// normalised text, the byte range of the original it came from, as a sorted
// list of pieces: "exact" pieces map byte for byte (copied text), the others
// map every byte of a replacement to the whole original range it replaced.
//
// Thread safety: an OffsetMap is immutable once built; const methods may be
// called from any number of threads. The builder is single-threaded.
#ifndef ATTACHE_TEXT_OFFSET_MAP_H_
#define ATTACHE_TEXT_OFFSET_MAP_H_

#include <cstddef>
#include <vector>

namespace attache::text {

// A half-open byte range [begin, end).
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;

  size_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

class OffsetMap {
 public:
  // The identity map over a text of `size` bytes.
  static OffsetMap Identity(size_t size);

  OffsetMap() = default;

  // The original range that normalised bytes [range.begin, range.end) came
  // from. An empty range maps to an empty range at the corresponding original
  // position. Ranges beyond the normalised text are clamped to it.
  ByteRange ToOriginal(ByteRange normalized) const;

  // Maps many ranges whose begins mostly increase, in amortised constant
  // time per range (ToOriginal() searches). Any order gives correct results.
  class Cursor {
   public:
    explicit Cursor(const OffsetMap& map) : map_(&map) {}
    ByteRange ToOriginal(ByteRange normalized) {
      // Most ranges (tokens of a sentence) lie in the exact piece of the
      // last lookup, which maps them by an addition.
      if (InExactPiece(normalized)) {
        return {exact_original_ + (normalized.begin - exact_begin_),
                exact_original_ + (normalized.end - exact_begin_)};
      }
      const ByteRange original = map_->Map(normalized, &piece_);
      if (piece_ < map_->pieces_.size() && map_->pieces_[piece_].exact) {
        const Piece& piece = map_->pieces_[piece_];
        exact_begin_ = piece.normalized_begin;
        exact_end_ = piece.normalized_begin + piece.normalized_size;
        exact_original_ = piece.original_begin;
      }
      return original;
    }

    // True when normalised `range` (non-empty) lies in the piece copied
    // unchanged that the last lookup ended in, so that every range inside it
    // maps by the same shift.
    bool InExactPiece(ByteRange range) const {
      return range.begin >= exact_begin_ && range.end <= exact_end_ &&
             range.begin < range.end;
    }

   private:
    const OffsetMap* map_;
    size_t piece_ = 0;  // where the last lookup ended
    // The exact piece of piece_, as of the last search: normalised bytes
    // [exact_begin_, exact_end_) came from exact_original_ on.
    size_t exact_begin_ = 0;
    size_t exact_end_ = 0;
    size_t exact_original_ = 0;
  };

  size_t normalized_size() const { return normalized_size_; }
  size_t original_size() const { return original_size_; }

 private:
  friend class OffsetMapBuilder;

  struct Piece {
    size_t normalized_begin;
    size_t original_begin;
    size_t normalized_size;
    size_t original_size;
    bool exact;  // byte-for-byte copy; then normalized_size == original_size
  };

  // Index of the piece holding normalised byte `pos` (pos <
  // normalized_size_), searched forward from *hint when that is close, and
  // stored in *hint.
  size_t PieceAt(size_t pos, size_t* hint) const;
  size_t OriginalBegin(size_t pos, size_t* hint) const;
  size_t OriginalEnd(size_t last_byte, size_t* hint) const;
  ByteRange Map(ByteRange normalized, size_t* hint) const;

  std::vector<Piece> pieces_;
  size_t normalized_size_ = 0;
  size_t original_size_ = 0;
};

// Builds an OffsetMap while a normalised text is appended to, in order.
class OffsetMapBuilder {
 public:
  // Records `normalized_size` bytes copied unchanged from the original at
  // `original_begin`.
  void AddCopy(size_t original_begin, size_t normalized_size);
  // Records `normalized_size` bytes that replace original bytes
  // [original_begin, original_begin + original_size). Either size may be 0.
  void AddReplacement(size_t original_begin, size_t original_size,
                      size_t normalized_size);
  // Finishes the map for an original of `original_size` bytes.
  OffsetMap Build(size_t original_size) &&;

 private:
  OffsetMap map_;
};

}  // namespace attache::text

#endif  // ATTACHE_TEXT_OFFSET_MAP_H_
