// Writes processed Documents into SQLite (schema in sqlite_store.h).
//
// Approach: three prepared statements reused for every row, and a transaction
// per 1,000 articles, because SQLite's cost is per commit (an fsync), not per
// row: one commit per article would make the store the bottleneck of a corpus
// run. Text columns are the exact bytes at each span (as in the JSON), so SQL
// answers can be traced back to the article. The journal is kept in memory and
// synchronous is off while loading: a store is rebuilt from the corpus, never
// edited in place, so a crash mid-load only means running extract again.
//
// Tested by tests/sqlite_store_test.sh.
#include "engine/sqlite_store.h"

#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>

namespace qg {
namespace {

constexpr int kArticlesPerTransaction = 1000;

constexpr const char* kSchema = R"sql(
CREATE TABLE articles(id INTEGER PRIMARY KEY, article TEXT UNIQUE NOT NULL, outlet TEXT, date TEXT,
  metadata TEXT, quotes INTEGER, attributed INTEGER, named_quotes INTEGER,
  institutional_quotes INTEGER, anonymous_quotes INTEGER, anonymous_ratio REAL);
CREATE TABLE sources(article_id INTEGER NOT NULL REFERENCES articles(id), source INTEGER NOT NULL,
  name TEXT, kind TEXT, descriptors TEXT, affiliation INTEGER, count INTEGER,
  anonymity_reason TEXT, PRIMARY KEY (article_id, source));
CREATE TABLE quotes(article_id INTEGER NOT NULL REFERENCES articles(id), quote INTEGER NOT NULL,
  kind TEXT, text TEXT, begin INTEGER, end INTEGER, speaker TEXT, cue TEXT, source INTEGER,
  channel TEXT, confidence REAL, rule TEXT, PRIMARY KEY (article_id, quote));
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX sources_kind_name ON sources(kind, name);
CREATE INDEX quotes_source ON quotes(article_id, source);
)sql";

// The metadata value of `key` as text (JSON strings unquoted), or nullopt-like "".
bool MetadataText(const Document& doc, std::string_view key, std::string& out) {
  for (const auto& [k, v] : doc.metadata) {
    if (k != key) continue;
    nlohmann::json j = nlohmann::json::parse(v, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || j.is_null()) return false;
    out = j.is_string() ? j.get<std::string>() : v;
    return true;
  }
  return false;
}

// Three decimals, as the JSON output has them, so SQL and JSON agree.
double Round3(double v) { return std::isfinite(v) ? std::round(v * 1000.0) / 1000.0 : 0.0; }

std::string_view SpanText(const Document& doc, Span s) {
  if (s.begin > s.end || s.end > doc.text.size()) return {};
  return doc.slice(s);
}

// Binding helpers: 1-based parameter index, SQLITE_TRANSIENT so the value may
// be a temporary.
void BindText(sqlite3_stmt* st, int i, std::string_view s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
void BindTextOrNull(sqlite3_stmt* st, int i, bool present, std::string_view s) {
  if (present) BindText(st, i, s);
  else sqlite3_bind_null(st, i);
}
void BindIndexOrNull(sqlite3_stmt* st, int i, int v, size_t size) {
  if (v >= 0 && static_cast<size_t>(v) < size) sqlite3_bind_int(st, i, v);
  else sqlite3_bind_null(st, i);
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Create(const std::string& path) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  store->path_ = path;
  std::remove(path.c_str());  // a fresh store, as -o replaces any other output
  if (sqlite3_open_v2(path.c_str(), &store->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    return store->Error("cannot open");
  }
  QG_RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"));
  QG_RETURN_IF_ERROR(store->Exec(kSchema));
  const char* kArticle =
      "INSERT INTO articles(article, outlet, date, metadata, quotes, attributed, named_quotes, "
      "institutional_quotes, anonymous_quotes, anonymous_ratio) VALUES (?,?,?,?,?,?,?,?,?,?)";
  const char* kSource =
      "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?)";
  const char* kQuote = "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
  if (sqlite3_prepare_v2(store->db_, kArticle, -1, &store->article_, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(store->db_, kSource, -1, &store->source_, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(store->db_, kQuote, -1, &store->quote_, nullptr) != SQLITE_OK) {
    return store->Error("cannot prepare statements");
  }
  return store;
}

SqliteStore::~SqliteStore() {
  sqlite3_finalize(article_);
  sqlite3_finalize(source_);
  sqlite3_finalize(quote_);
  if (db_) sqlite3_close(db_);
}

Status SqliteStore::Error(const std::string& what) const {
  return Status(StatusCode::kIoError,
                path_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
}

Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : "unknown error";
  sqlite3_free(err);
  return Status(StatusCode::kIoError, path_ + ": " + msg);
}

Status SqliteStore::Add(const Document& doc) {
  if (in_transaction_ == 0) QG_RETURN_IF_ERROR(Exec("BEGIN"));
  sqlite3_stmt* st = article_;
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  BindText(st, 1, doc.id);
  std::string outlet, date;
  const bool has_outlet = MetadataText(doc, "outlet", outlet);  // before binding: the views
  const bool has_date = MetadataText(doc, "date", date);        // must see the filled strings
  BindTextOrNull(st, 2, has_outlet, outlet);
  BindTextOrNull(st, 3, has_date, date);
  if (!doc.metadata.empty()) {
    std::string meta = "{";
    for (const auto& [k, v] : doc.metadata) {
      if (meta.size() > 1) meta += ',';
      meta += nlohmann::json(k).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      meta += ':';
      meta += v;  // already JSON text
    }
    meta += '}';
    BindText(st, 4, meta);
  }
  const Summary& s = doc.summary;
  sqlite3_bind_int(st, 5, s.quotes);
  sqlite3_bind_int(st, 6, s.attributed);
  sqlite3_bind_int(st, 7, s.named_quotes);
  sqlite3_bind_int(st, 8, s.institutional_quotes);
  sqlite3_bind_int(st, 9, s.anonymous_quotes);
  sqlite3_bind_double(st, 10, Round3(s.anonymous_ratio));
  if (sqlite3_step(st) != SQLITE_DONE) return Error("article " + doc.id);
  const sqlite3_int64 article = sqlite3_last_insert_rowid(db_);

  for (size_t i = 0; i < doc.sources.size(); ++i) {
    const Source& src = doc.sources[i];
    st = source_;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int(st, 2, static_cast<int>(i));
    BindText(st, 3, src.name);
    BindText(st, 4, SourceKindName(src.kind));
    BindText(st, 5, nlohmann::json(src.descriptors)
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    BindIndexOrNull(st, 6, src.affiliation, doc.sources.size());
    if (src.count >= 0) sqlite3_bind_int(st, 7, src.count);
    BindTextOrNull(st, 8, !src.anonymity_reason.empty(), src.anonymity_reason);
    if (sqlite3_step(st) != SQLITE_DONE) return Error("source of " + doc.id);
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    st = quote_;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int(st, 2, static_cast<int>(i));
    BindText(st, 3, QuoteKindName(q.kind));
    BindText(st, 4, SpanText(doc, q.span));
    sqlite3_bind_int64(st, 5, q.span.begin);
    sqlite3_bind_int64(st, 6, q.span.end);
    BindTextOrNull(st, 7, q.has_speaker, SpanText(doc, q.speaker));
    BindTextOrNull(st, 8, q.has_cue, SpanText(doc, q.cue));
    BindIndexOrNull(st, 9, q.source, doc.sources.size());
    BindTextOrNull(st, 10, !q.channel.empty(), q.channel);
    sqlite3_bind_double(st, 11, Round3(q.confidence));
    BindText(st, 12, q.rule);
    if (sqlite3_step(st) != SQLITE_DONE) return Error("quote of " + doc.id);
  }
  if (++in_transaction_ >= kArticlesPerTransaction) {
    in_transaction_ = 0;
    QG_RETURN_IF_ERROR(Exec("COMMIT"));
  }
  return Status::Ok();
}

Status SqliteStore::Close() {
  if (in_transaction_ > 0) {
    in_transaction_ = 0;
    QG_RETURN_IF_ERROR(Exec("COMMIT"));
  }
  return Status::Ok();
}

}  // namespace qg
