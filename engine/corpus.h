// Corpus input: articles from .txt files, standard input and .jsonl corpora.
//
// A .txt file is one article whose id is the file name without extension.
// A .jsonl file holds one {"id", "text", ...} object a line; the other fields
// are kept in Document::metadata. A line of extract's own JSONL output
// ({"article", "quotes", ...}) is read back as an already processed record, so
// audit and graph can run over extract's output. "-" is standard input: JSONL
// when its first non-blank byte is '{', otherwise one article with id "stdin".
//
// Reading streams: memory stays flat however large the corpus. A bad record
// (a line that is not JSON, lacks "text", a missing or unreadable path) comes
// out as a record with a non-ok status naming file and line, and reading goes
// on with the next one: one broken article never stops the others.
//
// A directory argument stands for its .txt and .jsonl files (not recursive),
// sorted by name; a directory with none is a bad record. A JSONL line without
// "id" gets "<file stem>:<line>". An id seen before in this reader is kept but
// renamed "<id>#2" ("#3", ...), with InputRecord::warning saying so, so output
// records stay addressable by id (the set of seen ids is the one thing that
// grows with the corpus). Blank lines are skipped; a UTF-8 BOM at the start of
// a .jsonl file and a CR before the newline are ignored.
//
//   qg::CorpusReader reader({"a.txt", "corpus.jsonl"});
//   qg::InputRecord rec;
//   while (reader.Next(rec)) { if (!rec.status.ok()) report(rec); else use(rec.doc); }
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/document.h"
#include "engine/status.h"

namespace qg {

struct InputRecord {
  Document doc;             // id, text, metadata (and results when processed)
  Status status;            // not ok: this record failed; message names file and line
  std::string file;         // the path it came from ("-" for standard input)
  int64_t line = 0;         // 1-based line in a .jsonl file; 0 for a .txt file
  bool processed = false;   // true: read from extract's output, results already filled
  // Non-fatal note about an ok record, e.g. "a.jsonl:7: duplicate id \"x\" renamed to \"x#2\"".
  std::string warning;
};

struct ReaderOptions {
  size_t max_article_bytes = size_t{64} << 20;  // longer records fail with kOutOfRange
};

class CorpusReader {
 public:
  explicit CorpusReader(std::vector<std::string> paths, ReaderOptions options = {});
  ~CorpusReader();
  CorpusReader(const CorpusReader&) = delete;
  CorpusReader& operator=(const CorpusReader&) = delete;

  // Fills `out` with the next record; returns false at the end of all inputs.
  bool Next(InputRecord& out);

  // Bytes read from all inputs so far (compare with their total file size for
  // a progress display; input is read ahead in blocks of 64 KiB).
  uint64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace qg
