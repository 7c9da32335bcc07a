// SQLite store: extract's results as tables, for SQL over a whole corpus.
//
//   qg::Result<std::unique_ptr<qg::SqliteStore>> db = qg::SqliteStore::Create("corpus.db");
//   for (...) QG_RETURN_IF_ERROR(db.value()->Add(doc));   // a processed Document
//   QG_RETURN_IF_ERROR(db.value()->Close());
//
// Schema (byte offsets half-open, as in the JSON schema of serialize.h):
//   articles(id INTEGER PRIMARY KEY, article TEXT UNIQUE, outlet TEXT, date TEXT,
//            metadata TEXT (JSON object or NULL), quotes, attributed, named_quotes,
//            institutional_quotes, anonymous_quotes INTEGER, anonymous_ratio REAL)
//   sources(article_id, source INTEGER, name, kind TEXT, descriptors TEXT (JSON array),
//           affiliation INTEGER NULL, count INTEGER NULL, anonymity_reason TEXT NULL,
//           PRIMARY KEY (article_id, source))
//   quotes(article_id, quote INTEGER, kind, text TEXT, begin, end INTEGER, speaker, cue TEXT NULL,
//          source INTEGER NULL, channel TEXT NULL, confidence REAL, rule TEXT,
//          PRIMARY KEY (article_id, quote))
// with indexes on articles(outlet), articles(date), sources(kind, name) and
// quotes(article_id, source). `outlet` and `date` are the JSONL metadata fields
// of those names when present (strings unquoted). `source` and `affiliation` are
// indexes into the article's sources, as in the JSON. Create replaces an existing
// file. Rows are written in transactions of 1,000 articles; Close commits the
// rest. Not thread-safe: one writer.
// Tested by tests/sqlite_store_test.sh.
#pragma once

#include <memory>
#include <string>

#include "engine/document.h"
#include "engine/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace qg {

class SqliteStore {
 public:
  static Result<std::unique_ptr<SqliteStore>> Create(const std::string& path);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // Adds one processed article (quotes, sources and summary filled).
  Status Add(const Document& doc);
  // Commits and closes; Add must not be called after.
  Status Close();

 private:
  SqliteStore() = default;
  Status Exec(const char* sql);
  Status Error(const std::string& what) const;

  sqlite3* db_ = nullptr;
  sqlite3_stmt* article_ = nullptr;
  sqlite3_stmt* source_ = nullptr;
  sqlite3_stmt* quote_ = nullptr;
  std::string path_;
  int in_transaction_ = 0;  // articles added since BEGIN
};

}  // namespace qg
