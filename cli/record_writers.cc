// The four output formats of extract. JSON comes from engine/serialize.h so
// the schema has one writer; CSV and table are flat views of the same fields
// (source name and kind resolved, offsets kept so rows can be traced back).
//
// Tested by tests/cli_test.sh.
#include "cli/record_writers.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include "engine/serialize.h"
#include "engine/sqlite_store.h"

namespace qg::cli {
namespace {

class JsonWriter : public RecordWriter {
 public:
  JsonWriter(Output& out, bool single) : out_(out), single_(single) {}
  bool Record(const Document& doc) override { return WriteRendered(Render(doc)); }
  bool renders_in_parallel() const override { return true; }
  std::string Render(const Document& doc) const override { return ToJson(doc, /*pretty=*/true); }
  bool WriteRendered(const std::string& json) override {
    if (single_) return out_.Write(json) && out_.Write("\n");
    std::string_view sep = count_++ == 0 ? "[\n" : ",\n";
    return out_.Write(sep) && out_.Write(json);
  }
  bool End() override {
    if (single_) return true;
    return out_.Write(count_ == 0 ? "[]\n" : "\n]\n");
  }

 private:
  Output& out_;
  bool single_;
  size_t count_ = 0;
};

class JsonlWriter : public RecordWriter {
 public:
  explicit JsonlWriter(Output& out) : out_(out) {}
  bool Record(const Document& doc) override { return WriteRendered(Render(doc)); }
  bool renders_in_parallel() const override { return true; }
  std::string Render(const Document& doc) const override {
    std::string line = ToJson(doc, false);
    line += '\n';
    return line;
  }
  bool WriteRendered(const std::string& line) override { return out_.Write(line); }

 private:
  Output& out_;
};

// "Kirby" when the mention is written, "" when the quote is floating.
std::string_view MarkText(const Document& doc, bool present, Span s) {
  if (!present || s.end > doc.text.size() || s.begin > s.end) return {};
  return doc.slice(s);
}

const Source* SourceOf(const Document& doc, const Quote& q) {
  if (q.source < 0 || static_cast<size_t>(q.source) >= doc.sources.size()) return nullptr;
  return &doc.sources[q.source];
}

class CsvWriter : public RecordWriter {
 public:
  explicit CsvWriter(Output& out) : out_(out) {}
  bool Begin() override {
    return out_.Write(
        "article,quote,kind,text,begin,end,speaker,cue,source,source_kind,channel,confidence,"
        "rule\r\n");
  }
  bool Record(const Document& doc) override { return WriteRendered(Render(doc)); }
  bool renders_in_parallel() const override { return true; }
  bool WriteRendered(const std::string& rows) override { return out_.Write(rows); }
  std::string Render(const Document& doc) const override {
    std::string rows;
    for (size_t i = 0; i < doc.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      const Source* src = SourceOf(doc, q);
      rows += fmt::format(
          "{},{},{},{},{},{},{},{},{},{},{},{:.3f},{}\r\n", CsvField(doc.id), i,
          QuoteKindName(q.kind), CsvField(MarkText(doc, true, q.span)), q.span.begin, q.span.end,
          CsvField(MarkText(doc, q.has_speaker, q.speaker)), CsvField(MarkText(doc, q.has_cue, q.cue)),
          CsvField(src ? src->name : ""), src ? SourceKindName(src->kind) : "", CsvField(q.channel),
          q.confidence, CsvField(q.rule));
    }
    return rows;
  }

 private:
  Output& out_;
};

bool SameIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// Pads `s` with spaces to `width` code points (it is already truncated).
std::string Pad(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

class TableWriter : public RecordWriter {
 public:
  TableWriter(Output& out, size_t width) : out_(out), width_(std::max<size_t>(width, 60)) {}
  bool Record(const Document& doc) override {
    const Summary& s = doc.summary;
    std::string t = fmt::format(
        "{}{} — {} quotes, {} sources ({} named, {} institutional, {} anonymous; anonymous ratio "
        "{:.2f})\n",
        count_++ ? "\n" : "", Truncate(doc.id, 60), s.quotes, doc.sources.size(), s.named_quotes,
        s.institutional_quotes, s.anonymous_quotes, s.anonymous_ratio);
    if (doc.quotes.empty()) return out_.Write(t + "  (no quotes found)\n");
    // Columns: "  " + # 4, kind 9, who 38, quote (the rest), rule 20.
    constexpr size_t kId = 4, kKind = 9, kWho = 38, kRule = 20;
    const size_t quote_w = width_ - 2 - kId - kKind - kWho - kRule - 2;
    t += fmt::format("  {}{}{}{}  {}\n", Pad("#", kId), Pad("kind", kKind),
                     Pad("speaker → source", kWho), Pad("quote", quote_w), "rule");
    for (size_t i = 0; i < doc.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      const Source* src = SourceOf(doc, q);
      std::string who(MarkText(doc, q.has_speaker, q.speaker));
      if (src) {
        if (who.empty() || SameIgnoringAsciiCase(who, src->name)) who = src->name;
        else who += " → " + src->name;
      }
      if (who.empty()) who = "—";
      t += fmt::format("  {}{}{}{}  {}\n", Pad(std::to_string(i), kId),
                       Pad(QuoteKindName(q.kind), kKind), Pad(Truncate(who, kWho - 2), kWho),
                       Pad(Truncate(MarkText(doc, true, q.span), quote_w - 1), quote_w),
                       Truncate(q.rule, kRule));
    }
    return out_.Write(t);
  }

 private:
  Output& out_;
  size_t width_;
  size_t count_ = 0;
};

class SqliteWriter : public RecordWriter {
 public:
  explicit SqliteWriter(std::unique_ptr<SqliteStore> store) : store_(std::move(store)) {}
  bool Record(const Document& doc) override { return Check(store_->Add(doc)); }
  bool End() override { return Check(store_->Close()); }
  std::string error() const override { return error_; }

 private:
  bool Check(const Status& s) {
    if (!s.ok()) error_ = s.message();
    return s.ok();
  }
  std::unique_ptr<SqliteStore> store_;
  std::string error_;
};

}  // namespace

std::unique_ptr<RecordWriter> MakeSqliteWriter(const std::string& path, std::string* error) {
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Create(path);
  if (!store.ok()) {
    *error = store.status().message();
    return nullptr;
  }
  return std::make_unique<SqliteWriter>(std::move(store).value());
}

std::string RecordWriter::Render(const Document&) const { return {}; }
bool RecordWriter::WriteRendered(const std::string&) { return false; }

std::string CsvField(std::string_view s) {
  std::string v = ValidUtf8(s);
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

size_t TerminalWidth(size_t fallback) {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return fallback;
}

std::unique_ptr<RecordWriter> MakeRecordWriter(Format format, Output& out, WriterOptions options) {
  switch (format) {
    case Format::kJson: return std::make_unique<JsonWriter>(out, options.single_article);
    case Format::kJsonl: return std::make_unique<JsonlWriter>(out);
    case Format::kCsv: return std::make_unique<CsvWriter>(out);
    case Format::kTable: return std::make_unique<TableWriter>(out, options.width);
    case Format::kSqlite: break;  // MakeSqliteWriter: it writes a file, not an Output
  }
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace qg::cli
