#include "text/offset_map.h"

#include <algorithm>

namespace attache::text {

OffsetMap OffsetMap::Identity(size_t size) {
  OffsetMapBuilder builder;
  builder.AddCopy(0, size);
  return std::move(builder).Build(size);
}

size_t OffsetMap::PieceAt(size_t pos) const {
  const auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), pos,
      [](size_t p, const Piece& piece) { return p < piece.normalized_begin; });
  return static_cast<size_t>(it - pieces_.begin()) - 1;
}

size_t OffsetMap::OriginalBegin(size_t pos) const {
  if (pos >= normalized_size_) {
    return original_size_;
  }
  const Piece& piece = pieces_[PieceAt(pos)];
  return piece.exact ? piece.original_begin + (pos - piece.normalized_begin)
                     : piece.original_begin;
}

size_t OffsetMap::OriginalEnd(size_t last_byte) const {
  const Piece& piece = pieces_[PieceAt(last_byte)];
  return piece.exact
             ? piece.original_begin + (last_byte - piece.normalized_begin) + 1
             : piece.original_begin + piece.original_size;
}

ByteRange OffsetMap::ToOriginal(ByteRange normalized) const {
  const size_t begin = std::min(normalized.begin, normalized_size_);
  const size_t end = std::clamp(normalized.end, begin, normalized_size_);
  const size_t original_begin = OriginalBegin(begin);
  if (end == begin) {
    return {original_begin, original_begin};
  }
  return {original_begin, std::max(original_begin, OriginalEnd(end - 1))};
}

bool OffsetMap::IsCopied(ByteRange normalized) const {
  if (normalized.empty() || normalized.end > normalized_size_) {
    return false;
  }
  const Piece& piece = pieces_[PieceAt(normalized.begin)];
  return piece.exact &&
         normalized.end <= piece.normalized_begin + piece.normalized_size;
}

void OffsetMapBuilder::AddCopy(size_t original_begin, size_t normalized_size) {
  if (normalized_size == 0) {
    return;
  }
  auto& pieces = map_.pieces_;
  if (!pieces.empty()) {
    OffsetMap::Piece& last = pieces.back();
    if (last.exact &&
        last.original_begin + last.original_size == original_begin) {
      last.normalized_size += normalized_size;
      last.original_size += normalized_size;
      map_.normalized_size_ += normalized_size;
      return;
    }
  }
  pieces.push_back({map_.normalized_size_, original_begin, normalized_size,
                    normalized_size, true});
  map_.normalized_size_ += normalized_size;
}

void OffsetMapBuilder::AddReplacement(size_t original_begin,
                                      size_t original_size,
                                      size_t normalized_size) {
  // Dropped bytes need no piece: later pieces carry their own origin.
  if (normalized_size == 0) {
    return;
  }
  map_.pieces_.push_back({map_.normalized_size_, original_begin,
                          normalized_size, original_size, false});
  map_.normalized_size_ += normalized_size;
}

OffsetMap OffsetMapBuilder::Build(size_t original_size) && {
  map_.original_size_ = original_size;
  return std::move(map_);
}

}  // namespace attache::text
