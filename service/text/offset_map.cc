#include "text/offset_map.h"

#include <algorithm>

namespace attache::text {

OffsetMap OffsetMap::Identity(size_t size) {
  OffsetMapBuilder builder;
  builder.AddCopy(0, size);
  return std::move(builder).Build(size);
}

size_t OffsetMap::PieceAt(size_t pos, size_t* hint) const {
  // Consecutive lookups are usually in the same or a nearby piece.
  constexpr size_t kMaxForwardSteps = 8;
  size_t index = *hint;
  if (index < pieces_.size() && pieces_[index].normalized_begin <= pos) {
    for (size_t step = 0; step < kMaxForwardSteps; ++step) {
      if (index + 1 == pieces_.size() ||
          pieces_[index + 1].normalized_begin > pos) {
        *hint = index;
        return index;
      }
      ++index;
    }
  }
  const auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), pos,
      [](size_t p, const Piece& piece) { return p < piece.normalized_begin; });
  *hint = static_cast<size_t>(it - pieces_.begin()) - 1;
  return *hint;
}

size_t OffsetMap::OriginalBegin(size_t pos, size_t* hint) const {
  if (pos >= normalized_size_) {
    return original_size_;
  }
  const Piece& piece = pieces_[PieceAt(pos, hint)];
  return piece.exact ? piece.original_begin + (pos - piece.normalized_begin)
                     : piece.original_begin;
}

size_t OffsetMap::OriginalEnd(size_t last_byte, size_t* hint) const {
  const Piece& piece = pieces_[PieceAt(last_byte, hint)];
  return piece.exact
             ? piece.original_begin + (last_byte - piece.normalized_begin) + 1
             : piece.original_begin + piece.original_size;
}

ByteRange OffsetMap::Map(ByteRange normalized, size_t* hint) const {
  const size_t begin = std::min(normalized.begin, normalized_size_);
  const size_t end = std::clamp(normalized.end, begin, normalized_size_);
  const size_t original_begin = OriginalBegin(begin, hint);
  if (end == begin) {
    return {original_begin, original_begin};
  }
  // The end is looked up from a copy of the hint so that the next range,
  // which usually begins near this one's begin, starts from there.
  size_t end_hint = *hint;
  return {original_begin,
          std::max(original_begin, OriginalEnd(end - 1, &end_hint))};
}

ByteRange OffsetMap::ToOriginal(ByteRange normalized) const {
  size_t hint = pieces_.size();
  return Map(normalized, &hint);
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
