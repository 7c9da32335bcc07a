// The common JSONL input record read without a JSON tree (internal).
//
// Nearly every corpus line is one object whose values are all strings:
// {"id": "...", "text": "...", "outlet": "...", ...}. FlatRecordParser reads
// such a line with simdjson (which validates the whole line, UTF-8 included)
// and declines anything else: another value type, a key given twice, more
// than 64 keys, or any error. corpus.cc then parses the declined line with
// nlohmann as it always has, so rare inputs keep their exact handling and
// every error message stays the same (nlohmann's names the column).
//
//   FlatRecordParser parser;
//   FlatRecord rec;
//   if (parser.Parse(line, rec) && rec.text) use(*rec.id, *rec.text, rec.metadata);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace simdjson::dom {
class parser;
}

namespace qg::internal {

struct FlatRecord {
  // Unescaped; they point into the parser and last until its next Parse.
  std::optional<std::string_view> id;
  std::optional<std::string_view> text;
  // The other fields in input order, each value as JSON text in the form
  // nlohmann's dump writes it (Document::metadata).
  std::vector<std::pair<std::string, std::string>> metadata;
};

class FlatRecordParser {
 public:
  FlatRecordParser();
  ~FlatRecordParser();
  FlatRecordParser(const FlatRecordParser&) = delete;
  FlatRecordParser& operator=(const FlatRecordParser&) = delete;

  // Fills `out` and returns true when `line` is a flat object of strings;
  // false to decline. May grow `line`'s capacity (simdjson reads past the end).
  bool Parse(std::string& line, FlatRecord& out);

 private:
  std::unique_ptr<simdjson::dom::parser> parser_;
};

}  // namespace qg::internal
