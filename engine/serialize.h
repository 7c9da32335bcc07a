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

// Reads one record written by ToJson back into a Document whose text is empty
// and whose quotes/sources/summary/metadata are filled. Used by audit and graph
// to accept extract's JSONL as input (map/reduce over a corpus).
Result<Document> FromExtractJson(std::string_view json);

}  // namespace qg
