// Serialisation of results in the schema of docs/schema (../shared/DESIGN.md).
//
//   std::string line = qg::ToJson(doc, /*pretty=*/false);   // one JSONL record
//   qg::Result<qg::Document> back = qg::FromExtractJson(line);  // quotes, sources, summary, metadata
//
// Output is always valid JSON and valid UTF-8 (control bytes and NUL escaped).
#pragma once

#include <string>
#include <string_view>

#include "engine/document.h"
#include "engine/status.h"

namespace qg {

// The output record: {"article", "metadata"?, "quotes", "sources", "summary"}.
std::string ToJson(const Document& doc, bool pretty);

// Reads one record written by ToJson back into a Document whose
// quotes/sources/summary/metadata are filled. The article text is not in the
// record: doc.text is rebuilt sparsely (spaces, with each quote, cue and speaker
// text at its span) so the offset contract holds and ToJson round-trips. Errors
// (not JSON, no "article", no "quotes" array, a bad span) name the field. Used by audit and graph
// to accept extract's JSONL as input (map/reduce over a corpus).
Result<Document> FromExtractJson(std::string_view json);

}  // namespace qg
