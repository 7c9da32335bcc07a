// See internal/json_out.h. UTF-8 validity comes from simdjson's validator
// (vectorised, chosen for the CPU at run time); strings it rejects are dumped
// by nlohmann, so the replacement of invalid sequences is nlohmann's own.
//
// Tested by tests/serialize_test.cc.
#include "engine/internal/json_out.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace qg::internal {
namespace {

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Whether one of the eight bytes of `x` may need an escape: a byte below 0x20,
// a quote or a backslash (the "has less than" and "has zero byte" word tricks).
// It never misses one; a false alarm would only send the word to EscapeByte.
bool HasByteToEscape(uint64_t x) {
  constexpr uint64_t kOnes = ~uint64_t{0} / 255;
  constexpr uint64_t kHigh = kOnes * 0x80;
  auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return (below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'))) != 0;
}

// Writes byte `ch` at `q` as nlohmann's dump does; returns the end.
char* EscapeByte(char* q, char ch) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto c = static_cast<unsigned char>(ch);
  if (!NeedsEscape(c)) {
    *q++ = ch;
    return q;
  }
  *q++ = '\\';
  switch (c) {
    case '"': *q++ = '"'; break;
    case '\\': *q++ = '\\'; break;
    case '\b': *q++ = 'b'; break;
    case '\t': *q++ = 't'; break;
    case '\n': *q++ = 'n'; break;
    case '\f': *q++ = 'f'; break;
    case '\r': *q++ = 'r'; break;
    default:
      q[0] = 'u', q[1] = '0', q[2] = '0', q[3] = kHex[c >> 4], q[4] = kHex[c & 0xF];
      q += 5;
  }
  return q;
}

}  // namespace

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

bool IsPlainJsonLiteral(std::string_view json) {
  if (json.size() < 2 || json.front() != '"' || json.back() != '"') return false;
  std::string_view inner = json.substr(1, json.size() - 2);
  for (char c : inner) {
    if (NeedsEscape(static_cast<unsigned char>(c))) return false;
  }
  return IsValidUtf8(inner);
}

std::string JsonStringLiteral(std::string_view s) {
  std::string out;
  JsonOut(out, -1).String(s);
  return out;
}

JsonOut::JsonOut(std::string& out, int indent, bool checked)
    : out_(out), indent_(indent), checked_(checked) {
  size_t used = out_.size();
  out_.resize(used + 1024);
  p_ = out_.data() + used;
  end_ = out_.data() + out_.size();
}

JsonOut::~JsonOut() { out_.resize(static_cast<size_t>(p_ - out_.data())); }

void JsonOut::Grow(size_t n) {
  size_t used = static_cast<size_t>(p_ - out_.data());
  out_.resize(std::max(out_.size() * 2, used + n));
  p_ = out_.data() + used;
  end_ = out_.data() + out_.size();
}

void JsonOut::Put(std::string_view s) {
  Reserve(s.size());
  std::memcpy(p_, s.data(), s.size());
  p_ += s.size();
}

void JsonOut::Newline(size_t depth) {
  size_t n = depth * static_cast<size_t>(indent_);
  Reserve(n + 1);
  *p_++ = '\n';
  std::memset(p_, ' ', n);
  p_ += n;
}

void JsonOut::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) Put(',');
  empty_.back() = 0;
  if (indent_ >= 0) Newline(empty_.size());
}

void JsonOut::Open(char bracket) {
  BeforeValue();
  Put(bracket);
  empty_.push_back(1);
}

void JsonOut::Close(char bracket) {
  bool was_empty = empty_.back() != 0;
  empty_.pop_back();
  if (indent_ >= 0 && !was_empty) Newline(empty_.size());
  Put(bracket);
}

void JsonOut::Key(std::string_view key) {
  String(key);
  if (indent_ >= 0) Put(": ");
  else Put(':');
  after_key_ = true;
}

void JsonOut::String(std::string_view s) {
  BeforeValue();
  if (checked_ && !IsValidUtf8(s)) {
    Put(nlohmann::json(std::string(s)).dump(-1, ' ', /*ensure_ascii=*/false,
                                            nlohmann::json::error_handler_t::replace));
    return;
  }
  Escaped(s);
}

void JsonOut::LiteralKey(const char* key, size_t n) {
  BeforeValue();
  Reserve(n + 4);
  *p_++ = '"';
  std::memcpy(p_, key, n);
  p_ += n;
  *p_++ = '"';
  *p_++ = ':';
  if (indent_ >= 0) *p_++ = ' ';
  after_key_ = true;
}

// Room for the worst case (every byte \u00xx) is made first, so the loops
// write through a local pointer; eight bytes at a time while none needs an
// escape, which is nearly always.
void JsonOut::Escaped(std::string_view s) {
  Reserve(6 * s.size() + 2);
  char* q = p_;
  *q++ = '"';
  const char* p = s.data();
  const char* end = p + s.size();
  for (; end - p >= 8; p += 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    if (HasByteToEscape(x)) {
      for (int i = 0; i < 8; ++i) q = EscapeByte(q, p[i]);
    } else {
      std::memcpy(q, &x, 8);
      q += 8;
    }
  }
  for (; p != end; ++p) q = EscapeByte(q, *p);
  *q++ = '"';
  p_ = q;
}

void JsonOut::Int(int64_t v) {
  BeforeValue();
  Reserve(24);
  p_ = std::to_chars(p_, end_, v).ptr;
}

void JsonOut::Uint(uint64_t v) {
  BeforeValue();
  Reserve(24);
  p_ = std::to_chars(p_, end_, v).ptr;
}

void JsonOut::Double(double v) {
  BeforeValue();
  if (!std::isfinite(v)) {
    Put("null");
    return;
  }
  // The printer nlohmann's serializer uses for doubles.
  Reserve(64);
  p_ = nlohmann::detail::to_chars(p_, end_, v);
}

void JsonOut::Bool(bool v) {
  BeforeValue();
  Put(v ? "true" : "false");
}

void JsonOut::Null() {
  BeforeValue();
  Put("null");
}

void JsonOut::Raw(std::string_view json) {
  BeforeValue();
  Put(json);
}

}  // namespace qg::internal
