// Word lists (see rules.h): the folded-key hash table under every lexicon,
// lookups by text and by word number, and the numbering of the vocabulary.
// Tested by tests/rules_test.cc.
#include <algorithm>
#include <bit>
#include <atomic>

#include "engine/internal/text_util.h"
#include "engine/rules.h"

namespace qg {

namespace {

// The first eight bytes of `key`, folded and zero-padded.
[[gnu::always_inline]] inline uint64_t FoldedHead(std::string_view key) {
  return internal::AsciiLower8(internal::Load8(key.data(), std::min<size_t>(key.size(), 8)));
}

}  // namespace

// Keys are short words: eight folded bytes a step, mixed by a multiply, hash
// them with no folded copy; most take one step (ShortHash).
uint32_t FoldedKeys::LongHash(std::string_view key, uint64_t head) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = (key.size() * kMul ^ head) * kMul;
  h ^= h >> 32;
  for (size_t i = 8; i < key.size(); i += 8) {
    const size_t n = std::min<size_t>(8, key.size() - i);
    h = (h ^ internal::AsciiLower8(internal::Load8(key.data() + i, n))) * kMul;
    h ^= h >> 32;
  }
  const uint32_t length = static_cast<uint32_t>(std::min<size_t>(key.size(), 255));
  return (static_cast<uint32_t>(h) & 0x00FFFFFFu) | length << 24;
}

bool FoldedKeys::LongKeyIs(std::string_view query, uint32_t index) const {
  const std::string& folded_key = keys_[index];
  if (query.size() != folded_key.size()) return false;
  for (size_t i = 0; i < query.size(); i += 8) {
    const size_t n = std::min<size_t>(8, query.size() - i);
    if (internal::AsciiLower8(internal::Load8(query.data() + i, n)) !=
        internal::Load8(folded_key.data() + i, n)) {
      return false;
    }
  }
  return true;
}

[[gnu::always_inline]] inline size_t FoldedKeys::Probe(std::string_view key, uint32_t hash,
                                                      uint64_t head) const {
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.index == kAbsent) return i;
    if (s.hash == hash && s.head == head && (key.size() <= 8 || LongKeyIs(key, s.index))) {
      return i;
    }
  }
}

uint32_t FoldedKeys::FindLong(std::string_view key, uint64_t head, uint32_t hash) const {
  if (key.size() > max_key_bytes_ || !MayHold(hash)) return kAbsent;
  return slots_[Probe(key, hash, head)].index;
}

void FoldedKeys::Grow() { Rehash(table_size() < 64 ? 64 : table_size() * 2); }

void FoldedKeys::Spread(size_t slots_per_key) {
  size_t size = table_size();
  while (size < keys_.size() * slots_per_key) size *= 2;
  if (size > table_size()) Rehash(size);
}

void FoldedKeys::Reserve(size_t keys) {
  size_t size = table_size();
  while (keys * 4 > size * 3) size *= 2;
  if (size > table_size()) Rehash(size);
  keys_.reserve(keys);
}

void FoldedKeys::Rehash(size_t size) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size + 2, Slot{});
  mask_ = static_cast<uint32_t>(size - 1);
  const int bits = std::countr_zero(size * 4);  // size is a power of two
  filter_.assign(std::max<size_t>(1, (size * 4) / 64), 0);
  filter_shift_ = static_cast<uint32_t>(32 - bits);
  for (const Slot& s : old) {
    if (s.index == kAbsent) continue;
    slots_[Probe(keys_[s.index], s.hash, s.head)] = s;
    Filter(s.hash);
  }
}

uint32_t FoldedKeys::Insert(std::string_view key) {
  // Load factor at most 3/4: probe runs stay within a cache line or two.
  if ((keys_.size() + 1) * 4 > table_size() * 3) Grow();
  const uint64_t head = FoldedHead(key);
  const uint32_t hash = Hash(key, head);
  Slot& slot = slots_[Probe(key, hash, head)];
  if (slot.index != kAbsent) return slot.index;
  slot = Slot{head, hash, static_cast<uint32_t>(keys_.size())};
  Filter(hash);
  keys_.push_back(internal::AsciiLower(key));
  max_key_bytes_ = std::max(max_key_bytes_, key.size());
  return slot.index;
}

uint32_t FoldedKeys::Find(std::string_view key) const {
  if (key.size() > max_key_bytes_) return kAbsent;
  const uint64_t head = FoldedHead(key);
  return Find(key, head, Hash(key, head));
}

void Lexicon::Reserve(size_t keys) {
  keys_.Reserve(keys);
  values_.reserve(keys);
}

void Lexicon::Add(std::string_view key, std::vector<std::string> fields) {
  const uint32_t i = keys_.Insert(key);
  if (i < values_.size()) {
    values_[i] = std::move(fields);
    return;
  }
  max_words_ = std::max(max_words_, static_cast<size_t>(1 + std::count(key.begin(), key.end(), ' ')));
  values_.push_back(std::move(fields));
}

const std::vector<std::string>* Lexicon::Find(std::string_view key) const {
  const uint32_t i = keys_.Find(key);
  return i == FoldedKeys::kAbsent ? nullptr : &values_[i];
}

std::string_view Lexicon::Field(std::string_view key, size_t i) const {
  const std::vector<std::string>* f = Find(key);
  if (f == nullptr || i >= f->size()) return {};
  return (*f)[i];
}

void Vocabulary::Build(const std::vector<Lexicon*>& lexicons) {
  static std::atomic<uint64_t> next_serial{1};
  serial_ = next_serial.fetch_add(1);
  words_ = FoldedKeys();
  for (const Lexicon* lex : lexicons) {
    for (uint32_t e = 0; e < lex->keys_.size(); ++e) {
      const std::string& key = lex->keys_.key(e);
      words_.Insert(std::string_view(key).substr(0, key.find(' ')));
    }
  }
  words_.Spread(4);
  for (int c = 0; c < 256; ++c) {
    const char byte = static_cast<char>(c);
    const uint32_t i = words_.Find(std::string_view(&byte, 1));
    single_byte_[c] = WordId{i == FoldedKeys::kAbsent ? 0 : i + 1};
  }
  // Id 0 is the unknown word: every lexicon answers it with nothing.
  for (Lexicon* lex : lexicons) {
    lex->by_word_.assign(words_.size() + 1, FoldedKeys::kAbsent);
    lex->starts_phrase_.assign(words_.size() + 1, 0);
    for (uint32_t e = 0; e < lex->keys_.size(); ++e) {
      const std::string& key = lex->keys_.key(e);
      const size_t space = key.find(' ');
      const WordId id = Id(std::string_view(key).substr(0, space));
      if (space == std::string::npos) lex->by_word_[id.value] = e;
      else lex->starts_phrase_[id.value] = 1;
    }
  }
}

}  // namespace qg
