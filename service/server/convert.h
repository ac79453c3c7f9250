// Conversions between the attache.v1 Protobuf messages and the extraction
// engine's plain C++ types (extract/contact.h, extract/extractor.h).
//
// Thread safety: stateless functions.
#ifndef ATTACHE_SERVER_CONVERT_H_
#define ATTACHE_SERVER_CONVERT_H_

#include "absl/strings/string_view.h"
#include "attache/v1/article.pb.h"
#include "attache/v1/contact.pb.h"
#include "attache/v1/extraction_service.pb.h"
#include "extract/contact.h"
#include "extract/extractor.h"

namespace attache::server {

// The engine's view of `article`; it refers to `article`'s strings, which must
// outlive it. `id` is the article's identifier as reported in results.
extract::ArticleText ToArticleText(const v1::Article& article,
                                   absl::string_view id);

// Engine options for `options`. `cancelled` may be null.
extract::ExtractOptions ToExtractOptions(const v1::ExtractionOptions& options,
                                         const std::atomic<bool>* cancelled,
                                         absl::Time deadline);

// Fills `out` (cleared first) with `contact` of the article `article_id`.
// `ContactMessage` is v1::Contact or its wire twin UncheckedContact
// (server/unchecked.proto), which convert.cc instantiates.
template <typename ContactMessage>
void ToProto(const extract::Contact& contact, absl::string_view article_id,
             ContactMessage* out);

}  // namespace attache::server

#endif  // ATTACHE_SERVER_CONVERT_H_
