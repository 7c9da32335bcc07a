// Compiles a pattern of rules/patterns.tsv to a TagDfa (see internal/tag_dfa.h).
//
// Three steps: the pattern's text to a tree (tag_pattern.cc), the tree to an
// automaton with empty moves (Thompson's construction), and that to a DFA by
// subset construction over classes of bytes. A pattern the reader is unsure
// of makes no DFA at all: a wrong automaton would silently lose matches, a
// missing one only costs time.
#include "engine/internal/tag_dfa.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "engine/internal/tag_pattern.h"

namespace qg::internal {

namespace {

// Thompson's automaton: each node has empty moves, and at most one move on a set of bytes.
struct Nfa {
  struct State {
    std::vector<int> empty;
    int set = -1;  // index into sets
    int to = -1;
  };
  std::vector<State> states;
  std::vector<ByteSet> sets;

  int Add() {
    states.emplace_back();
    return static_cast<int>(states.size()) - 1;
  }
  void Empty(int from, int to) { states[from].empty.push_back(to); }

  // Copies of a repeat's body beyond this many are read as "any number more".
  static constexpr int kMaxCopies = 4;
  // Optional copies beyond the required ones kept exact (see kRepeat).
  static constexpr int kMaxSlack = 2;

  // Adds `n` from state `from`; returns the state where it ends.
  int Build(const PatternNode& n, int from) {
    switch (n.kind) {
      case PatternNode::kSet: {
        int to = Add();
        states[from].set = static_cast<int>(sets.size());
        states[from].to = to;
        sets.push_back(n.set);
        // A node moves on one set only: the next atom starts from `to`.
        return to;
      }
      case PatternNode::kConcat:
        for (const PatternNode& k : n.kids) from = Build(k, Fresh(from));
        return from;
      case PatternNode::kAlt: {
        int end = Add();
        for (const PatternNode& k : n.kids) Empty(Build(k, Fresh(from)), end);
        return end;
      }
      case PatternNode::kRepeat: {
        const PatternNode& body = n.kids[0];
        const int copies = std::min(n.lo, kMaxCopies);
        for (int c = 0; c < copies; ++c) from = Build(body, Fresh(from));
        // Up to kMaxSlack optional copies ({m,m+2}) stay exact: RE2 is asked
        // in vain of each string only the wider language admits, at the cost of
        // a whole failed search ("QSVpwwww." against (?:w…){0,2}). More slack
        // becomes a loop, a wider language with far fewer DFA states.
        const bool exact = n.hi >= 0 && n.lo <= kMaxCopies && n.hi - n.lo <= kMaxSlack;
        if (exact) {
          if (n.hi == n.lo) return from;
          int end = Add();
          for (int c = n.lo; c < n.hi; ++c) {
            Empty(from, end);
            from = Build(body, Fresh(from));
          }
          Empty(from, end);
          return end;
        }
        int loop = Fresh(from);
        Empty(Build(body, Fresh(loop)), loop);
        return loop;
      }
    }
    return from;
  }

  // A new state reached from `from` by an empty move: each construct starts
  // on a state of its own, so no set move or loop is shared between two.
  int Fresh(int from) {
    int s = Add();
    Empty(from, s);
    return s;
  }
};

// A set of the automaton's states that move on a byte (and its final
// state), one bit each: a DFA state. Only those states tell two DFA states
// apart, and as bits a move is a few word operations, not a sort.
// Four words hold the largest pattern's states twice over; a pattern that
// needs more makes no DFA. A fixed size spares an allocation a DFA move.
constexpr size_t kWords = 4;
using Bits = std::array<uint64_t, kWords>;

struct Subsets {
  explicit Subsets(const Nfa& nfa, int final_state) : nfa_(nfa) {
    // Number the states that matter; the others are only passed through.
    bit_of_.assign(nfa.states.size(), -1);
    for (size_t n = 0; n < nfa.states.size(); ++n) {
      if (nfa.states[n].set >= 0 || static_cast<int>(n) == final_state) {
        bit_of_[n] = static_cast<int>(owner_.size());
        owner_.push_back(static_cast<int>(n));
      }
    }
  }
  bool fits() const { return owner_.size() <= kWords * 64; }
  size_t words() const { return (owner_.size() + 63) / 64; }  // in use
  const std::vector<int>& owners() const { return owner_; }
  bool Has(const Bits& b, int nfa_state) const {
    const int bit = bit_of_[nfa_state];
    return bit >= 0 && (b[bit / 64] >> (bit % 64) & 1) != 0;
  }
  // The numbered states reachable from `from` by empty moves alone.
  Bits Closure(int from) const {
    Bits out = {};
    std::vector<char> seen(nfa_.states.size(), 0);
    std::vector<int> stack = {from};
    seen[from] = 1;
    while (!stack.empty()) {
      const int n = stack.back();
      stack.pop_back();
      if (bit_of_[n] >= 0) out[bit_of_[n] / 64] |= uint64_t{1} << (bit_of_[n] % 64);
      for (int t : nfa_.states[n].empty) {
        if (!seen[t]) {
          seen[t] = 1;
          stack.push_back(t);
        }
      }
    }
    return out;
  }

 private:
  const Nfa& nfa_;
  std::vector<int> bit_of_;  // automaton state -> bit, or -1
  std::vector<int> owner_;   // bit -> automaton state
};

}  // namespace

std::unique_ptr<TagDfa> TagDfa::Build(std::string_view pattern) {
  auto escaped_end = [&] {
    size_t backslashes = 0;
    for (size_t k = pattern.size() - 1; k > 0 && pattern[k - 1] == '\\'; --k) ++backslashes;
    return backslashes % 2 == 1;
  };
  if (pattern.size() < 2 || pattern.front() != '^' || pattern.back() != '$' || escaped_end()) {
    return nullptr;
  }
  std::optional<PatternNode> tree = ParseTagPattern(pattern.substr(1, pattern.size() - 2));
  if (!tree) return nullptr;
  Nfa nfa;
  const int start = nfa.Add();
  const int final_state = nfa.Build(*tree, start);

  // Bytes that every set of the pattern holds or lacks alike move the same:
  // each set splits the classes so far into the bytes in it and the rest.
  auto dfa = std::unique_ptr<TagDfa>(new TagDfa());
  std::vector<int> cls(256, 0);
  int classes = 1;
  std::vector<ByteSet> distinct;  // a repeat's copies bring the same sets again
  for (const ByteSet& set : nfa.sets) {
    if (std::find(distinct.begin(), distinct.end(), set) != distinct.end()) continue;
    distinct.push_back(set);
    std::vector<int> split(2 * static_cast<size_t>(classes), -1);  // (class, in set) -> new class
    int count = 0;
    for (unsigned b = 0; b < 256; ++b) {
      int& to = split[2 * static_cast<size_t>(cls[b]) + set.test(b)];
      if (to < 0) to = count++;
      cls[b] = to;
    }
    classes = count;
  }
  std::vector<unsigned char> representative(static_cast<size_t>(classes));
  for (int b = 255; b >= 0; --b) {
    dfa->class_of_[b] = static_cast<uint8_t>(cls[b]);
    representative[static_cast<size_t>(cls[b])] = static_cast<unsigned char>(b);
  }
  dfa->classes_ = static_cast<uint32_t>(classes);

  // Subset construction over bits. For each numbered state, the states its
  // byte move leads to (closed under empty moves), and for each class the
  // states that move on it.
  const Subsets sub(nfa, final_state);
  const std::vector<int>& owners = sub.owners();
  if (!sub.fits()) return nullptr;
  const size_t words = sub.words();
  std::vector<Bits> after(owners.size());
  std::vector<Bits> moves_on(static_cast<size_t>(classes), Bits{});
  for (size_t bit = 0; bit < owners.size(); ++bit) {
    const Nfa::State& st = nfa.states[owners[bit]];
    if (st.set < 0) continue;
    after[bit] = sub.Closure(st.to);
    for (int c = 0; c < classes; ++c) {
      if (nfa.sets[st.set].test(representative[static_cast<size_t>(c)])) {
        moves_on[static_cast<size_t>(c)][bit / 64] |= uint64_t{1} << (bit % 64);
      }
    }
  }
  struct Hash {
    size_t operator()(const Bits& b) const {
      uint64_t h = 0;
      for (uint64_t w : b) h = (h ^ w) * 0x9E3779B97F4A7C15ull;
      return static_cast<size_t>(h ^ h >> 29);
    }
  };
  std::unordered_map<Bits, uint32_t, Hash> index;  // subset -> state number
  std::vector<Bits> states = {Bits{}, sub.Closure(start)};  // the empty set (dead), then the start
  index[states[0]] = 0;
  const uint32_t start_number = index.emplace(states[1], 1).first->second;  // the start may be dead
  std::vector<uint32_t> moves;  // state * classes + class -> state number
  for (size_t s = 0; s < states.size(); ++s) {
    for (int c = 0; c < classes; ++c) {
      Bits next = {};
      for (size_t w = 0; w < words; ++w) {
        for (uint64_t m = states[s][w] & moves_on[static_cast<size_t>(c)][w]; m != 0; m &= m - 1) {
          const Bits& to = after[w * 64 + static_cast<size_t>(__builtin_ctzll(m))];
          // All four words (those past `words` are zero): a fixed count the compiler vectorises.
          for (size_t k = 0; k < kWords; ++k) next[k] |= to[k];
        }
      }
      auto it = index.find(next);
      if (it == index.end()) {
        if (states.size() >= kMaxStates) return nullptr;
        it = index.emplace(next, static_cast<uint32_t>(states.size())).first;
        states.push_back(next);
      }
      moves.push_back(it->second);
    }
  }
  // Entries are offsets into the table, which must fit its 16-bit cells.
  if (moves.size() > 65536) return nullptr;
  const auto offset = [&](uint32_t number) { return static_cast<uint16_t>(number * dfa->classes_); };
  dfa->start_ = offset(start_number);
  for (uint32_t m : moves) dfa->next_.push_back(offset(m));
  dfa->accepting_.assign(moves.size(), 0);
  for (size_t s = 0; s < states.size(); ++s) {
    dfa->accepting_[s * dfa->classes_] = sub.Has(states[s], final_state) ? 1 : 0;
  }
  return dfa;
}

std::vector<std::string> TagDfa::RequiredByteSets(size_t max_bytes) const {
  // The classes every path from a state to acceptance reads, as a greatest
  // fixed point: none from an accepting state; from any other, what each
  // live move reads, its own class added, in common. A state no path leaves
  // for acceptance keeps all (nothing is asked of strings that never match).
  using ClassSet = std::array<uint64_t, 4>;
  const size_t states = next_.size() / classes_;
  ClassSet all{};
  for (uint32_t c = 0; c < classes_; ++c) all[c / 64] |= uint64_t{1} << (c % 64);
  std::vector<ClassSet> read(states, all);
  for (bool changed = true; changed;) {
    changed = false;
    // Last state first: states are numbered as the construction found them,
    // so most moves lead to higher numbers, and a few sweeps settle it.
    for (size_t s = states - 1; s >= 1; --s) {  // 0, the dead state, reaches nothing
      const size_t row = s * classes_;
      ClassSet r{};
      if (accepting_[row] == 0) {
        r = all;
        for (uint32_t c = 0; c < classes_; ++c) {
          const uint32_t to = next_[row + c];
          if (to == kDead) continue;
          ClassSet via = read[to / classes_];
          via[c / 64] |= uint64_t{1} << (c % 64);
          for (size_t k = 0; k < r.size(); ++k) r[k] &= via[k];
        }
      }
      if (r != read[s]) {
        read[s] = r;
        changed = true;
      }
    }
  }
  std::vector<std::string> out;
  const ClassSet& required = read[start_ / classes_];
  for (uint32_t c = 0; c < classes_; ++c) {
    if (!(required[c / 64] >> (c % 64) & 1)) continue;
    std::string bytes;
    bool ascii = true;
    for (unsigned b = 0; b < 256; ++b) {
      if (class_of_[b] != c) continue;
      ascii = ascii && b < 128;
      bytes += static_cast<char>(b);
    }
    if (ascii && !bytes.empty() && bytes.size() <= max_bytes) out.push_back(bytes);
  }
  return out;
}

}  // namespace qg::internal
