// A thin adapter over RapidJSON's Writer / PrettyWriter (internal).
//
// serialize_out.cc streams each record field by field instead of building an
// nlohmann tree and dumping it, which cost more than reading the article.
// RapidJSON does the writing; this adapter only adds what the output promises
// beyond it: string_view arguments, invalid UTF-8 replaced by U+FFFD rather
// than copied (RapidJSON can reject it but not replace it), and non-finite
// doubles written as null (RapidJSON refuses them) as nlohmann's dump did.
// Control bytes come out as RapidJSON escapes them (\n short, others \u00XX
// with upper-case hex).
//
//   rapidjson::StringBuffer buf;
//   CompactJsonOut w(buf);
//   w.StartObject(); w.Key("id"); w.Uint(7); w.EndObject();   // {"id":7}
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <string>
#include <string_view>

namespace qg::internal {

// True when `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// `s` with each invalid UTF-8 sequence replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view s);

template <class RapidWriter>
class JsonOut {
 public:
  // `checked`: see String(). An indenting writer indents by two spaces.
  explicit JsonOut(rapidjson::StringBuffer& out, bool checked = true) : w_(out), checked_(checked) {
    if constexpr (requires { w_.SetIndent(' ', 2u); }) w_.SetIndent(' ', 2);
  }

  void StartObject() { w_.StartObject(); }
  void EndObject() { w_.EndObject(); }
  void StartArray() { w_.StartArray(); }
  void EndArray() { w_.EndArray(); }
  // A key written in the source, which must need no escape: quoted and
  // copied whole (RapidJSON's escaping goes byte by byte, and record keys are
  // most of the calls).
  template <size_t N>
  void Key(const char (&key)[N]) {
    char quoted[N + 1];
    quoted[0] = '"';
    std::memcpy(quoted + 1, key, N - 1);
    quoted[N] = '"';
    w_.RawValue(quoted, N + 1, rapidjson::kStringType);
  }
  void Key(std::string_view key) {
    if (checked_ && !IsValidUtf8(key)) return Key(ReplaceInvalidUtf8(key));
    w_.Key(key.data(), Size(key));
  }
  // With `checked`, a string that is not valid UTF-8 is written with U+FFFD
  // in place of each invalid sequence; unchecked, its bytes are copied, for
  // callers that validate the whole output once and write it again checked
  // if that fails.
  void String(std::string_view s) {
    if (checked_ && !IsValidUtf8(s)) return String(ReplaceInvalidUtf8(s));
    w_.String(s.data(), Size(s));
  }
  void Int(int64_t v) { w_.Int64(v); }
  void Uint(uint64_t v) { w_.Uint64(v); }
  void Double(double v) {
    if (std::isfinite(v)) w_.Double(v);
    else w_.Null();
  }
  void Bool(bool v) { w_.Bool(v); }
  void Null() { w_.Null(); }
  // A string value that is already a JSON literal RapidJSON would write the
  // same way (see IsPlainJsonLiteral).
  void RawString(std::string_view literal) {
    w_.RawValue(literal.data(), literal.size(), rapidjson::kStringType);
  }

 private:
  static rapidjson::SizeType Size(std::string_view s) {
    return static_cast<rapidjson::SizeType>(s.size());
  }

  RapidWriter w_;
  bool checked_;
};

using CompactJsonOut = JsonOut<rapidjson::Writer<rapidjson::StringBuffer>>;
using IndentedJsonOut = JsonOut<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;

// True when `json` is a string literal that needs no rewriting: quotes around
// valid UTF-8 with no escape, quote or control byte.
bool IsPlainJsonLiteral(std::string_view json);

}  // namespace qg::internal
