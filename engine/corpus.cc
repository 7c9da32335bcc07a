// Streams articles out of .txt files, directories, standard input and JSONL.
//
// Approach: a queue of paths (directories expand in place, sorted by name) and
// one open input at a time. JSONL is read line by line through a block-buffered
// reader over FILE*, so memory is bounded by the longest accepted line, never
// by the corpus; an over-long line is skipped without being held in memory.
// Standard input is sniffed (first non-blank byte '{' means JSONL) from the same
// buffer, so nothing is read twice and pipes work. The common line, a flat
// object of strings, is read by internal/flat_record.h without a JSON tree;
// any other line, and any line in error, is parsed by nlohmann as before, so
// parse errors keep nlohmann's message (it gives the column) behind
// "file:line:".
//
// Tested by tests/corpus_test.cc.
#include "engine/corpus.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include <unistd.h>

#include "engine/internal/flat_record.h"
#include "engine/serialize.h"

namespace qg {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Buffered line reader over a FILE*. Keeps unread bytes in buf_[pos_, end).
class LineReader {
 public:
  // `consumed`, when given, counts every byte read (for progress displays).
  explicit LineReader(FILE* f, uint64_t* consumed = nullptr) : f_(f), consumed_(consumed) {}

  // Reads the next line without its '\n' (and without a trailing '\r').
  // Returns false at end of input. A line longer than `limit` bytes is
  // consumed but not stored: `line` is left empty and `too_long` set.
  bool ReadLine(std::string& line, size_t limit, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == buf_.size() && !Fill()) break;
      any = true;
      const char* begin = buf_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(begin, '\n', buf_.size() - pos_));
      size_t n = nl ? static_cast<size_t>(nl - begin) : buf_.size() - pos_;
      if (!too_long) {
        if (line.size() + n > limit) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(begin, n);
        }
      }
      pos_ += n + (nl ? 1 : 0);
      if (nl) break;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return any;
  }

  // The first byte that is not ASCII white space, without consuming anything;
  // EOF when the input holds only white space. Looks at most `limit` bytes.
  int PeekNonBlank(size_t limit) {
    // Fill() moves the unread bytes to the front, so index from pos_ afresh.
    for (size_t k = 0;; ++k) {
      if (k >= limit) return EOF;
      if (pos_ + k == buf_.size() && !Fill()) return EOF;
      unsigned char c = static_cast<unsigned char>(buf_[pos_ + k]);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
    }
  }

  // Everything left, up to `limit` bytes; `too_long` when there was more.
  std::string ReadAll(size_t limit, bool& too_long) {
    while (buf_.size() - pos_ <= limit && Fill()) {
    }
    too_long = buf_.size() - pos_ > limit;
    std::string out = too_long ? std::string() : buf_.substr(pos_);
    buf_.clear();
    pos_ = 0;
    return out;
  }

  bool failed() const { return error_ != 0; }
  int error() const { return error_; }

 private:
  // Appends one block; drops consumed bytes first so the buffer stays small.
  // read(2), not fread: fread waits for a full block, so a pipe or FIFO would
  // hold back records that have already arrived.
  bool Fill() {
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    char block[1 << 16];
    for (;;) {
      ssize_t n = ::read(fileno(f_), block, sizeof block);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) error_ = errno;
      if (n <= 0) return false;
      buf_.append(block, static_cast<size_t>(n));
      if (consumed_) *consumed_ += static_cast<uint64_t>(n);
      return true;
    }
  }

  FILE* f_;
  uint64_t* consumed_;
  int error_ = 0;
  std::string buf_;
  size_t pos_ = 0;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Stem(const std::string& path) { return fs::path(path).stem().string(); }

// nlohmann prefixes "[json.exception.parse_error.101] "; users need only the rest.
std::string CleanParseError(const char* what) {
  std::string s(what);
  if (size_t p = s.find("] "); s.rfind("[json.exception", 0) == 0 && p != std::string::npos) {
    s.erase(0, p + 2);
  }
  return s;
}

}  // namespace

struct CorpusReader::Impl {
  ReaderOptions options;
  std::deque<std::string> queue;
  // The open JSONL input, if any.
  FILE* file = nullptr;
  bool owns_file = false;
  std::unique_ptr<LineReader> lines;
  std::string path;
  int64_t line_no = 0;
  bool stdin_used = false;
  std::unordered_map<std::string, int> seen;  // id -> times seen
  uint64_t bytes_read = 0;  // input bytes read so far, all files
  std::string line;         // the current JSONL line; keeps its capacity
  internal::FlatRecordParser flat;
  internal::FlatRecord flat_record;

  size_t LineLimit() const { return options.max_article_bytes * 2 + (size_t{1} << 20); }

  void Close() {
    if (owns_file && file) std::fclose(file);
    file = nullptr;
    owns_file = false;
    lines.reset();
  }

  bool Fail(InputRecord& out, StatusCode code, const std::string& why) {
    std::string where = out.line > 0 ? out.file + ":" + std::to_string(out.line) : out.file;
    out.status = Status(code, where + ": " + why);
    return true;
  }

  void Start(InputRecord& out, const std::string& file, int64_t line) {
    out = InputRecord();
    out.file = file;
    out.line = line;
  }

  // Gives a repeated id a "#n" suffix (see corpus.h).
  void Dedupe(InputRecord& out) {
    int& n = seen[out.doc.id];  // stays valid: unordered_map never moves elements
    if (++n == 1) return;
    std::string renamed = out.doc.id + "#" + std::to_string(n);
    while (seen.count(renamed)) renamed = out.doc.id + "#" + std::to_string(++n);
    seen[renamed] = 1;
    std::string where = out.line > 0 ? out.file + ":" + std::to_string(out.line) : out.file;
    out.warning = where + ": duplicate article id \"" + out.doc.id + "\" renamed to \"" + renamed + "\"";
    out.doc.id = renamed;
  }

  // The record's id (a missing or empty one becomes "<file stem>:<line>"),
  // text and metadata, whichever parser read them.
  bool Accept(InputRecord& out, std::optional<std::string> id, std::string_view text,
              std::vector<std::pair<std::string, std::string>> metadata) {
    out.doc.id = id && !id->empty() ? std::move(*id) : Stem(out.file) + ":" + std::to_string(out.line);
    out.doc.text = text;
    if (out.doc.text.size() > options.max_article_bytes) {
      return Fail(out, StatusCode::kOutOfRange,
                  "article of " + std::to_string(out.doc.text.size()) + " bytes exceeds the limit of " +
                      std::to_string(options.max_article_bytes));
    }
    out.doc.metadata = std::move(metadata);
    Dedupe(out);
    return true;
  }

  bool ReadBack(std::string_view line, InputRecord& out) {
    Result<Document> doc = FromExtractJson(line);
    if (!doc.ok()) return Fail(out, doc.status().code(), doc.status().message());
    out.doc = std::move(doc).value();
    out.processed = true;
    Dedupe(out);
    return true;
  }

  bool ParseLine(std::string& line, InputRecord& out) {
    // extract's own output starts with {"article": read it back as processed.
    if (line.rfind("{\"article\"", 0) == 0) return ReadBack(line, out);
    if (flat.Parse(line, flat_record) && flat_record.text) {
      std::optional<std::string> id;
      if (flat_record.id) id.emplace(*flat_record.id);
      return Accept(out, std::move(id), *flat_record.text, std::move(flat_record.metadata));
    }
    // Anything else, errors included, the way it was always read.
    Json j;
    try {
      j = Json::parse(line);
    } catch (const std::exception& e) {
      return Fail(out, StatusCode::kInvalidArgument, "not JSON: " + CleanParseError(e.what()));
    }
    if (!j.is_object()) return Fail(out, StatusCode::kInvalidArgument, "not a JSON object");
    if (!j.contains("text") && j.contains("article") && j.contains("quotes")) return ReadBack(line, out);
    auto text = j.find("text");
    if (text == j.end()) return Fail(out, StatusCode::kInvalidArgument, "no \"text\" field");
    if (!text->is_string()) {
      return Fail(out, StatusCode::kInvalidArgument, "\"text\" is not a string");
    }
    std::optional<std::string> id;
    if (auto it = j.find("id"); it != j.end() && it->is_string()) id = it->get<std::string>();
    else if (it != j.end() && it->is_number()) id = it->dump();
    std::vector<std::pair<std::string, std::string>> metadata;
    for (const auto& [key, value] : j.items()) {
      if (key != "id" && key != "text") metadata.emplace_back(key, value.dump());
    }
    return Accept(out, std::move(id), text->get_ref<const std::string&>(), std::move(metadata));
  }

  // Next record of the open JSONL input; false when it is exhausted.
  bool NextLine(InputRecord& out) {
    bool too_long = false;
    while (lines->ReadLine(line, LineLimit(), too_long)) {
      ++line_no;
      if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Start(out, path, line_no);
      if (too_long) {
        return Fail(out, StatusCode::kOutOfRange,
                    "line longer than " + std::to_string(LineLimit()) + " bytes");
      }
      bool produced = ParseLine(line, out);
      if (line.capacity() > (size_t{1} << 20)) line = std::string();  // after a huge line
      return produced;
    }
    int err = lines->error();
    Close();
    if (err != 0) {
      Start(out, path, line_no);
      return Fail(out, StatusCode::kIoError, "read error: " + std::string(std::strerror(err)));
    }
    return false;
  }

  bool OpenStdin(InputRecord& out) {
    Start(out, "-", 0);
    if (stdin_used) return Fail(out, StatusCode::kInvalidArgument, "standard input given twice");
    stdin_used = true;
    file = stdin;
    owns_file = false;
    lines = std::make_unique<LineReader>(stdin, &bytes_read);
    path = "-";
    line_no = 0;
    if (lines->PeekNonBlank(options.max_article_bytes) == '{') return false;  // JSONL
    bool too_long = false;
    out.doc.id = "stdin";
    out.doc.text = lines->ReadAll(options.max_article_bytes, too_long);
    Close();
    if (too_long) {
      return TooLong(out);
    }
    Dedupe(out);
    return true;
  }

  bool TooLong(InputRecord& out) {
    return Fail(out, StatusCode::kOutOfRange,
                "article exceeds the limit of " + std::to_string(options.max_article_bytes) +
                    " bytes");
  }

  bool ReadTextFile(const std::string& p, InputRecord& out) {
    FILE* f = std::fopen(p.c_str(), "rb");
    if (!f) return Fail(out, StatusCode::kIoError, std::strerror(errno));
    LineReader reader(f, &bytes_read);
    bool too_long = false;
    out.doc.id = Stem(p);
    out.doc.text = reader.ReadAll(options.max_article_bytes, too_long);
    int err = reader.error();
    std::fclose(f);
    if (err != 0) return Fail(out, StatusCode::kIoError, std::strerror(err));
    if (too_long) {
      return TooLong(out);
    }
    Dedupe(out);
    return true;
  }

  // Puts a directory's articles at the front of the queue. False when it has none.
  bool ExpandDirectory(const std::string& p, InputRecord& out) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().string();
      if ((EndsWith(name, ".txt") || EndsWith(name, ".jsonl")) && it->is_regular_file(ec)) {
        files.push_back(std::move(name));
      }
    }
    if (ec) return Fail(out, StatusCode::kIoError, ec.message());
    if (files.empty()) return Fail(out, StatusCode::kNotFound, "directory holds no .txt or .jsonl files");
    std::sort(files.begin(), files.end());
    queue.insert(queue.begin(), files.begin(), files.end());
    return false;
  }

  // Opens the next path; returns true when that alone produced a record.
  bool OpenNext(InputRecord& out) {
    std::string p = std::move(queue.front());
    queue.pop_front();
    if (p == "-") return OpenStdin(out);
    Start(out, p, 0);
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      return Fail(out, StatusCode::kNotFound, ec ? ec.message() : "no such file or directory");
    }
    if (fs::is_directory(st)) return ExpandDirectory(p, out);
    if (!EndsWith(p, ".jsonl")) return ReadTextFile(p, out);
    file = std::fopen(p.c_str(), "rb");
    if (!file) return Fail(out, StatusCode::kIoError, std::strerror(errno));
    owns_file = true;
    lines = std::make_unique<LineReader>(file, &bytes_read);
    path = p;
    line_no = 0;
    return false;
  }
};

CorpusReader::CorpusReader(std::vector<std::string> paths, ReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->queue.assign(paths.begin(), paths.end());
}

CorpusReader::~CorpusReader() { impl_->Close(); }

uint64_t CorpusReader::bytes_read() const { return impl_->bytes_read; }

bool CorpusReader::Next(InputRecord& out) {
  for (;;) {
    if (impl_->lines) {
      if (impl_->NextLine(out)) return true;
      continue;
    }
    if (impl_->queue.empty()) return false;
    if (impl_->OpenNext(out)) return true;
  }
}

}  // namespace qg
