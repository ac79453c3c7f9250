// The data files of kb/data, compiled into the library at build time by the
// kb_embed tool (see CMakeLists.txt), so that KnowledgeBase::LoadEmbedded()
// needs no file at run time. An edit of a data file rebuilds them.
//
// Thread safety: constant data, safe from any thread.
#ifndef ATTACHE_KB_EMBEDDED_DATA_H_
#define ATTACHE_KB_EMBEDDED_DATA_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace attache::kb::internal {

struct EmbeddedFile {
  absl::string_view name;  // file name without directory, e.g. "states.tsv"
  absl::string_view content;
};

// The embedded files, sorted by name.
absl::Span<const EmbeddedFile> EmbeddedFiles();

}  // namespace attache::kb::internal

#endif  // ATTACHE_KB_EMBEDDED_DATA_H_
