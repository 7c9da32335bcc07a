// The JSON writer of the output records (internal).
//
// serialize_out.cc streams each record field by field instead of building an
// nlohmann tree and dumping it, which cost more than reading the article.
// This writer puts out the bytes RapidJSON's Writer / PrettyWriter (indent of
// two spaces) put out before it, which the goldens hold, at a fraction of the
// cost: it keeps two flags and a depth instead of a stack of levels, moves a
// cursor in chunks of the buffer instead of asking the buffer each value,
// writes a key with its quotes and colon in one copy, and escapes strings a
// block at a time (internal/json_escape.h). Beyond RapidJSON it replaces
// invalid UTF-8 by U+FFFD rather than copying it, and writes non-finite
// doubles as null (RapidJSON refuses them) as nlohmann's dump did. Control
// bytes come out as RapidJSON escapes them (\n short, others \u00XX with
// upper-case hex).
//
// Because the writer takes room ahead, the buffer holds just the output once
// the root object or array is closed, or once the writer is gone.
//
//   rapidjson::StringBuffer buf;
//   CompactJsonOut w(buf);
//   w.StartObject(); w.Key("id"); w.Uint(7); w.EndObject();   // {"id":7}
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <rapidjson/internal/dtoa.h>
#include <rapidjson/stringbuffer.h>
#include <string>
#include <string_view>
#include <utility>

#include "engine/internal/json_escape.h"

namespace qg::internal {

// True when `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// `s` with each invalid UTF-8 sequence replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view s);

// `kIndent`: one member or element a line, indented by two spaces a level,
// "key": value; otherwise all on one line with no spaces.
template <bool kIndent>
class JsonOut {
 public:
  // `checked`: see String().
  explicit JsonOut(rapidjson::StringBuffer& out, bool checked = true) : out_(out), checked_(checked) {}
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;
  ~JsonOut() { Flush(); }

  void StartObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void StartArray() { Open('['); }
  void EndArray() { Close(']'); }
  // A key written in the source, which must need no escape: copied whole
  // with its quotes and colon.
  template <size_t N>
  void Key(const char (&key)[N]) {
    constexpr size_t kColon = kIndent ? 2 : 1;
    char* p = BeginKey(N + 1 + kColon);
    p[0] = '"';
    std::memcpy(p + 1, key, N - 1);
    std::memcpy(p + N, "\":  ", kColon + 1);
    End(p + N + 1 + kColon);
  }
  void Key(std::string_view key) {
    if (checked_ && !IsValidUtf8(key)) return Key(ReplaceInvalidUtf8(key));
    char* p = BeginKey(JsonEscapedBound(key.size()) + 4);
    *p++ = '"';
    p = EscapeJson(key, p);
    std::memcpy(p, "\":  ", 3);
    End(p + (kIndent ? 3 : 2));
  }
  // [a,b]: a span, most of the arrays of a record, in one step.
  void UintPair(uint64_t a, uint64_t b) {
    if constexpr (kIndent) {
      StartArray();
      Uint(a);
      Uint(b);
      EndArray();
    } else {
      char* p = BeginValue(2 * kNumberRoom + 3);
      *p++ = '[';
      p = Digits(p, a);
      *p++ = ',';
      p = Digits(p, b);
      *p++ = ']';
      End(p);
      if (depth_ == 0) Flush();
    }
  }
  // With `checked`, a string that is not valid UTF-8 is written with U+FFFD
  // in place of each invalid sequence; unchecked, its bytes are copied, for
  // callers that validate the whole output once and write it again checked
  // if that fails.
  void String(std::string_view s) {
    if (checked_ && !IsValidUtf8(s)) return String(ReplaceInvalidUtf8(s));
    char* p = BeginValue(JsonEscapedBound(s.size()) + 2);
    *p++ = '"';
    p = EscapeJson(s, p);
    *p++ = '"';
    End(p);
  }
  void Int(int64_t v) { Number(v); }
  void Uint(uint64_t v) { Number(v); }
  // RapidJSON's shortest form (Grisu2; 1.0, 1e21, 0.00001, 1e-7).
  void Double(double v) {
    if (!std::isfinite(v)) return Null();
    char* p = BeginValue(kDoubleRoom);
    char* end = WriteThousandths(v, p);
    End(end ? end : rapidjson::internal::dtoa(v, p, kMaxDecimalPlaces));
  }
  void Bool(bool v) { v ? Literal("true") : Literal("false"); }
  void Null() { Literal("null"); }
  // A string value that is already a JSON literal written the way String
  // would write it (see IsPlainJsonLiteral).
  void RawString(std::string_view literal) {
    char* p = BeginValue(literal.size());
    std::memcpy(p, literal.data(), literal.size());
    End(p + literal.size());
  }

 private:
  static constexpr size_t kDoubleRoom = 25;      // RapidJSON's buffer for dtoa
  static constexpr int kMaxDecimalPlaces = 324;  // RapidJSON's default: no limit
  static constexpr size_t kNumberRoom = 20;      // digits of 2^64 - 1, or '-' and 19
  // Bytes taken from the buffer at a time: the cursor then moves within
  // them and the buffer's own bookkeeping is paid once a chunk, not a value.
  static constexpr size_t kChunk = 4096;

  // Room for what comes before a value or key: a comma, a newline and the
  // indent.
  size_t PrefixRoom() const { return kIndent ? 2 + 2 * depth_ : 1; }

  // Makes room for `n` bytes plus the prefix, writes the prefix a key needs
  // and returns where the key goes.
  char* BeginKey(size_t n) {
    char* p = Room(n + PrefixRoom());
    *p = ',';
    p += need_comma_;
    if constexpr (kIndent) {
      p = Indent(p, depth_);
      after_key_ = true;
    }
    need_comma_ = false;
    return p;
  }

  // As BeginKey, for a value: after a key only its colon (written with the
  // key); in an array a comma after the first element and, indented, each
  // element on its own line.
  char* BeginValue(size_t n) {
    char* p = Room(n + PrefixRoom());
    if constexpr (kIndent) {
      if (after_key_) {
        after_key_ = false;
      } else {
        if (need_comma_) *p++ = ',';
        if (depth_ > 0) p = Indent(p, depth_);
      }
    } else {
      *p = ',';
      p += need_comma_;
    }
    need_comma_ = true;
    return p;
  }

  void Open(char bracket) {
    char* p = BeginValue(1);
    *p++ = bracket;
    ++depth_;
    End(p);
    need_comma_ = false;
  }

  // A container with members has its closing bracket on a line of its own.
  void Close(char bracket) {
    --depth_;
    char* p = Room(PrefixRoom());
    if (kIndent && need_comma_) p = Indent(p, depth_);
    *p++ = bracket;
    End(p);
    need_comma_ = true;
    if (depth_ == 0) Flush();
  }

  template <size_t N>
  void Literal(const char (&text)[N]) {
    char* p = BeginValue(N - 1);
    std::memcpy(p, text, N - 1);
    End(p + N - 1);
  }

  template <class T>
  void Number(T v) {
    char* p = BeginValue(kNumberRoom);
    End(Digits(p, v));
  }
  template <class T>
  static char* Digits(char* p, T v) {
    if (std::in_range<uint32_t>(v)) [[likely]] return Digits32(p, static_cast<uint32_t>(v));
    return std::to_chars(p, p + kNumberRoom, v).ptr;
  }
  // What std::to_chars writes, for the numbers of a record (span offsets,
  // indices, counts): its length found by a few comparisons rather than its
  // loop, then two digits at a time from the right.
  static char* Digits32(char* p, uint32_t v) {
    static constexpr char kPairs[] =
        "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
        "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    const unsigned n = v < 100000 ? (v < 100 ? (v < 10 ? 1 : 2) : v < 10000 ? (v < 1000 ? 3 : 4) : 5)
                                  : v < 10000000 ? (v < 1000000 ? 6 : 7)
                                  : v < 1000000000 ? (v < 100000000 ? 8 : 9) : 10;
    char* end = p + n;
    char* q = end;
    for (; v >= 100; v /= 100) {
      q -= 2;
      std::memcpy(q, kPairs + 2 * (v % 100), 2);
    }
    if (v >= 10) std::memcpy(q - 2, kPairs + 2 * v, 2);
    else q[-1] = static_cast<char>('0' + v);
    return end;
  }

  // Scores are rounded to thousandths in [0, 1]: written as dtoa writes them
  // ("0.0", "0.25", "1.0") without its general search. Null for other values.
  static char* WriteThousandths(double v, char* p) {
    const double scaled = v * 1000;
    if (!(scaled >= 0 && scaled <= 1000) || std::signbit(v)) return nullptr;
    const auto k = static_cast<unsigned>(scaled + 0.5);
    if (k / 1000.0 != v) return nullptr;
    if (k == 1000 || k == 0) {
      std::memcpy(p, k ? "1.0" : "0.0", 3);
      return p + 3;
    }
    const char digits[3] = {static_cast<char>('0' + k / 100), static_cast<char>('0' + k / 10 % 10),
                            static_cast<char>('0' + k % 10)};
    std::memcpy(p, "0.", 2);
    std::memcpy(p + 2, digits, 3);
    return p + (k % 10 ? 5 : k % 100 ? 4 : 3);
  }

  static char* Indent(char* p, size_t depth) {
    *p++ = '\n';
    std::memset(p, ' ', 2 * depth);
    return p + 2 * depth;
  }

  // At least `n` writable bytes at the cursor.
  char* Room(size_t n) {
    if (static_cast<size_t>(limit_ - cur_) < n) [[unlikely]] TakeChunk(n);
    return cur_;
  }
  [[gnu::noinline]] void TakeChunk(size_t n) {
    Flush();
    const size_t take = n > kChunk ? n : kChunk;
    cur_ = out_.Push(take);
    limit_ = cur_ + take;
  }
  void End(char* used_end) { cur_ = used_end; }
  // Gives back the bytes taken but not written: done when the root container
  // closes, so the caller may read the buffer then, and when the writer goes.
  void Flush() {
    out_.Pop(static_cast<size_t>(limit_ - cur_));
    cur_ = limit_ = nullptr;
  }

  rapidjson::StringBuffer& out_;
  char* cur_ = nullptr;    // where the next byte goes, in bytes taken from out_
  char* limit_ = nullptr;  // the end of the bytes taken
  size_t depth_ = 0;
  bool checked_;
  bool need_comma_ = false;  // a value or member came before in this container
  bool after_key_ = false;   // indented only: a key was written, its value comes next
};

using CompactJsonOut = JsonOut<false>;
using IndentedJsonOut = JsonOut<true>;

// True when `json` is a string literal that needs no rewriting: quotes around
// valid UTF-8 with no escape, quote or control byte.
bool IsPlainJsonLiteral(std::string_view json);

}  // namespace qg::internal
