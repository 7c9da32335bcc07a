// The pipeline: runs every stage over one Document.
//
//   qg::Result<qg::RuleSet> rules = qg::LoadBuiltinRules();
//   qg::Document doc = qg::MakeDocument("seed", text);
//   qg::Status s = qg::RunPipeline(rules.value(), qg::Options{}, doc);
//
// After a successful run, doc.quotes, doc.sources and doc.summary hold the
// result (schema: serialize.h). A failing run (invalid UTF-8, an article past
// Options::max_article_bytes) returns the reason and leaves the Document's
// result layers empty. Thread-safe: any number of threads may run documents
// against one shared RuleSet.
#pragma once

#include <cstddef>

#include "engine/document.h"
#include "engine/rules.h"
#include "engine/status.h"

namespace qg {

struct Options {
  // Articles larger than this are refused with kOutOfRange rather than risking
  // memory exhaustion on a corpus machine.
  size_t max_article_bytes = size_t{64} << 20;
  // Keep scare quotes (kind "term") in the output.
  bool keep_terms = true;
};

Status RunPipeline(const RuleSet& rules, const Options& options, Document& doc);

}  // namespace qg
