// Reads an attribution pattern into a tree (see internal/tag_pattern.h).
// Tested by tests/tag_dfa_test.cc.
#include "engine/internal/tag_pattern.h"

#include <cctype>
#include <string_view>

namespace qg::internal {

namespace {

// Recursive descent over the pattern between its anchors; `ok` turns false
// at the first thing it does not know.
class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  std::optional<PatternNode> Parse() {
    PatternNode root = Alternation();
    // A top-level `|` would bind looser than the anchors around it.
    if (!ok_ || i_ != p_.size() || root.kind == PatternNode::kAlt) return std::nullopt;
    return root;
  }

 private:
  bool More() const { return i_ < p_.size(); }
  char Peek() const { return p_[i_]; }
  void Fail() { ok_ = false; i_ = p_.size(); }

  PatternNode Alternation() {
    PatternNode first = Concatenation();
    if (!More() || Peek() != '|') return first;
    PatternNode alt;
    alt.kind = PatternNode::kAlt;
    alt.kids.push_back(std::move(first));
    while (ok_ && More() && Peek() == '|') {
      ++i_;
      alt.kids.push_back(Concatenation());
    }
    return alt;
  }

  PatternNode Concatenation() {
    PatternNode cat;
    while (ok_ && More() && Peek() != '|' && Peek() != ')') cat.kids.push_back(Repeat());
    return cat;
  }

  PatternNode Repeat() {
    PatternNode atom = Atom();
    while (ok_ && More()) {
      int lo = 0, hi = -1;
      char c = Peek();
      if (c == '*') {
        ++i_;
      } else if (c == '+') {
        lo = 1;
        ++i_;
      } else if (c == '?') {
        hi = 1;
        ++i_;
      } else if (c == '{') {
        if (!Counts(&lo, &hi)) return atom;
      } else {
        break;
      }
      if (More() && Peek() == '?') ++i_;  // lazy: the same strings match
      PatternNode rep;
      rep.kind = PatternNode::kRepeat;
      rep.lo = lo;
      rep.hi = hi;
      rep.kids.push_back(std::move(atom));
      atom = std::move(rep);
    }
    return atom;
  }

  // {n}, {n,} or {n,m}. RE2 reads a brace of any other shape as a literal;
  // the patterns have none, so that is left unknown.
  bool Counts(int* lo, int* hi) {
    size_t j = i_ + 1;
    auto number = [&](int* out) {
      size_t start = j;
      int v = 0;
      while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j])) && v <= 1000) {
        v = v * 10 + (p_[j++] - '0');
      }
      *out = v;
      return j > start && v <= 1000;
    };
    if (!number(lo)) return Fail(), false;
    if (j < p_.size() && p_[j] == '}') {
      *hi = *lo;
    } else if (j < p_.size() && p_[j] == ',') {
      ++j;
      if (j < p_.size() && p_[j] == '}') {
        *hi = -1;
      } else if (!number(hi) || *hi < *lo) {
        return Fail(), false;
      }
    } else {
      return Fail(), false;
    }
    if (j >= p_.size() || p_[j] != '}') return Fail(), false;
    i_ = j + 1;
    return true;
  }

  static PatternNode Set(const ByteSet& s) {
    PatternNode n;
    n.kind = PatternNode::kSet;
    n.set = s;
    return n;
  }

  // An escaped byte: only punctuation, which RE2 reads as itself (\d, \b,
  // \x41 and the like are left unknown).
  bool Escaped(unsigned char* out) {
    if (i_ + 1 >= p_.size()) return false;
    auto c = static_cast<unsigned char>(p_[i_ + 1]);
    if (c >= 0x80 || !std::ispunct(c)) return false;
    *out = c;
    i_ += 2;
    return true;
  }

  PatternNode Atom() {
    auto c = static_cast<unsigned char>(Peek());
    if (c >= 0x80) return Fail(), PatternNode{};
    switch (c) {
      case '(': {
        ++i_;
        if (More() && Peek() == '?') {
          if (p_.substr(i_, 2) == "?:") {
            i_ += 2;
          } else if (p_.substr(i_, 3) == "?P<") {
            size_t close = p_.find('>', i_);
            if (close == std::string_view::npos) return Fail(), PatternNode{};
            i_ = close + 1;
          } else {
            return Fail(), PatternNode{};  // flags such as (?i)
          }
        }
        PatternNode inner = Alternation();
        if (!More() || Peek() != ')') return Fail(), PatternNode{};
        ++i_;
        return inner;
      }
      case '[':
        return Class();
      case '.':
        // Every byte: RE2's dot leaves out '\n', which no tag string holds;
        // a wider set keeps the automaton sound.
        ++i_;
        return Set(ByteSet().set());
      case '\\': {
        unsigned char e;
        if (!Escaped(&e)) return Fail(), PatternNode{};
        return Set(ByteSet().set(e));
      }
      case '^': case '$': case '*': case '+': case '?': case '{': case '|': case ')':
        return Fail(), PatternNode{};
      default:
        ++i_;
        return Set(ByteSet().set(c));
    }
  }

  // [abc], [^abc], ranges, escaped punctuation. A leading ']' or a nested
  // '[' (POSIX classes) are left unknown.
  PatternNode Class() {
    ++i_;
    bool negated = More() && Peek() == '^';
    if (negated) ++i_;
    if (!More() || Peek() == ']') return Fail(), PatternNode{};
    ByteSet set;
    auto member = [&](unsigned char* out) {
      auto c = static_cast<unsigned char>(Peek());
      if (c == '\\') return Escaped(out);
      if (c == '[' || c >= 0x80) return false;
      *out = c;
      ++i_;
      return true;
    };
    while (More() && Peek() != ']') {
      unsigned char lo;
      if (!member(&lo)) return Fail(), PatternNode{};
      unsigned char hi = lo;
      if (i_ + 1 < p_.size() && Peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (!member(&hi) || hi < lo) return Fail(), PatternNode{};
      }
      for (unsigned b = lo; b <= hi; ++b) set.set(b);
    }
    if (!More()) return Fail(), PatternNode{};
    ++i_;  // ']'
    // RE2 lets a negated class match '\n' (its default ClassNL), as here.
    return Set(negated ? ~set : set);
  }

  std::string_view p_;
  size_t i_ = 0;
  bool ok_ = true;
};

}  // namespace

std::optional<PatternNode> ParseTagPattern(std::string_view pattern) { return Parser(pattern).Parse(); }

}  // namespace qg::internal
