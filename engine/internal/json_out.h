// A streaming JSON writer whose bytes are those of nlohmann::json's dump()
// (internal).
//
// serialize.cc writes each record field by field instead of building an
// nlohmann tree and dumping it, which cost more than reading the article.
// Output must stay byte-identical to what nlohmann wrote (goldens, and users
// diffing runs across versions), so this writer follows dump() exactly:
// strings not ASCII-escaped, \b \t \n \f \r \" \\ short, other control bytes
// as lower-case \u00xx, invalid UTF-8 replaced by U+FFFD (by nlohmann itself),
// doubles by nlohmann's own Grisu2 printer, and with an indent the layout of
// dump(indent). RapidJSON's Writer was tried first: it escapes control bytes
// with upper-case hex, so strings needed sorting between it and nlohmann, and
// its byte-at-a-time copying of short strings (keys, cues, rules) left the
// record writing at 62 M instructions on a 2.9 MB corpus (51 M with this).
//
//   std::string out;
//   JsonOut w(out, /*indent=*/-1);
//   w.StartObject(); w.Key("id"); w.Uint(7); w.EndObject();   // {"id":7}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qg::internal {

class JsonOut {
 public:
  // indent < 0: one line; otherwise one value a line, `indent` spaces a level.
  // `checked`: see String().
  // Writes to the end of `out` (within the capacity it has, when it can); the
  // text is complete once the writer is gone.
  JsonOut(std::string& out, int indent, bool checked = true);
  ~JsonOut();
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  void StartObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void StartArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  // A key written in the source, which must need no escape: copied as it is.
  template <size_t N>
  void Key(const char (&key)[N]) {
    LiteralKey(key, N - 1);
  }
  // With `checked`, a string that is not valid UTF-8 goes through nlohmann's
  // replacement; unchecked, its bytes are copied, for callers that validate
  // the whole output once and write it again checked if that fails.
  void String(std::string_view s);
  void Int(int64_t v);
  void Uint(uint64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();
  // A value that is already JSON text in this writer's form.
  void Raw(std::string_view json);

 private:
  void BeforeValue();
  void LiteralKey(const char* key, size_t n);
  void Open(char bracket);
  void Close(char bracket);
  void Newline(size_t depth);
  void Escaped(std::string_view s);
  // Room for `n` more bytes at p_. The text is written through a pointer into
  // out_, sized ahead, not appended: std::string's append is a call each time.
  void Reserve(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) Grow(n);
  }
  void Grow(size_t n);
  void Put(char c) {
    Reserve(1);
    *p_++ = c;
  }
  void Put(std::string_view s);

  std::string& out_;
  char* p_ = nullptr;    // next byte to write in out_
  char* end_ = nullptr;  // end of out_'s current size
  int indent_;
  bool checked_;
  bool after_key_ = false;
  std::vector<uint8_t> empty_;  // per open container: nothing written in it yet
};

// True when `json` is a string literal that nlohmann would parse and dump back
// unchanged: quotes around valid UTF-8 with no escape, quote or control byte.
bool IsPlainJsonLiteral(std::string_view json);

// True when `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// `s` as a JSON string literal, as nlohmann::json(s).dump() writes it.
std::string JsonStringLiteral(std::string_view s);

}  // namespace qg::internal
