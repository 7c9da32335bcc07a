// Writers of per-article results in extract's formats: json, jsonl, csv, table.
// Chosen once before the loop over articles (STYLE.md 19); each Record call
// writes one article, so output streams as the corpus is read.
//
//   std::unique_ptr<RecordWriter> w = MakeRecordWriter(Format::kJsonl, out, {});
//   w->Begin(); for (...) if (!w->Record(doc)) break; w->End();
//
// json: one pretty object when WriterOptions::single_article, else a JSON array
// (also for 0 or 1 articles of a corpus, so scripts see one shape per input kind).
// jsonl: one compact record a line. sqlite: tables articles, sources, quotes. csv: one row per quote, RFC 4180 quoting,
// a header row. table: per article a heading and aligned columns
// (#, kind, speaker → source, quote truncated to fit, rule).
#pragma once

#include <memory>

#include "cli/cli_util.h"
#include "engine/document.h"

namespace qg::cli {

struct WriterOptions {
  bool single_article = false;  // json: a bare object instead of an array
  size_t width = 120;           // table: total line width
};

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  // Each returns false when the output failed (see Output): stop writing.
  virtual bool Begin() { return true; }
  virtual bool Record(const Document& doc) = 0;
  virtual bool End() { return true; }

  // Writers whose per-article bytes do not depend on earlier articles split
  // Record in two so that a parallel run (engine/corpus_runner.h) can format
  // on its workers: Render is thread-safe and const; WriteRendered runs on the
  // writing thread, in input order. Record(doc) == WriteRendered(Render(doc)).
  virtual bool renders_in_parallel() const { return false; }
  virtual std::string Render(const Document& doc) const;
  virtual bool WriteRendered(const std::string& rendered);
  // Why the last call returned false, for writers that do not write to an
  // Output (sqlite); "" otherwise.
  virtual std::string error() const { return {}; }
};

std::unique_ptr<RecordWriter> MakeRecordWriter(Format format, Output& out, WriterOptions options);

// The sqlite format (engine/sqlite_store.h): a fresh database at `path`.
// nullptr with `*error` set when it cannot be created.
std::unique_ptr<RecordWriter> MakeSqliteWriter(const std::string& path, std::string* error);

// Quotes a CSV field when it holds a comma, quote, CR or LF (RFC 4180).
std::string CsvField(std::string_view s);

// The width of the terminal on standard output, or `fallback`.
size_t TerminalWidth(size_t fallback);

}  // namespace qg::cli
