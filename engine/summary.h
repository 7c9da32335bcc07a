// Summary: the per-article sourcing counts of the output schema.
//
// quotes excludes terms; anonymous_ratio = anonymous_quotes / attributed.
//
//   doc.summary = qg::Summarize(doc);
#pragma once

#include "engine/document.h"

namespace qg {

Summary Summarize(const Document& doc);

}  // namespace qg
