// Keys of one article's resolution numbered by their folded text (internal;
// resolve.cc, sources.cc).
//
// The resolver asks several indexes (latest entity by name, by first name, by
// initials, ...) about the same few strings. Numbering each distinct string
// once makes those indexes arrays by number, so one probe answers them all.
// Keys are views into the article's mentions, compared with ASCII case folded,
// so neither a probe nor an insert copies or folds text; the hash folds as it reads.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory_resource>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/internal/text_util.h"

namespace qg::internal {

class FoldedIds {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;

  explicit FoldedIds(std::pmr::memory_resource* memory = std::pmr::get_default_resource())
      : memory_(memory), keys_(memory) {}
  FoldedIds(const FoldedIds&) = delete;
  FoldedIds& operator=(const FoldedIds&) = delete;
  ~FoldedIds() {
    if (slots_ != nullptr) memory_->deallocate(slots_, size_ * sizeof(Slot), alignof(Slot));
  }

  // Room for `keys` keys before the table grows (it grows on its own past that).
  void Reserve(size_t keys) {
    size_t size = 16;
    while (size < keys * 2) size *= 2;
    if (size > size_) Rehash(size);
    keys_.reserve(keys);
  }

  // A key and its hash, for a Find and the Insert that may follow it.
  struct Hashed {
    std::string_view key;
    uint64_t head = 0;
    uint32_t hash = 0;
  };
  // Mixes the first and the last eight bytes, folded, and the length: keys
  // are names, which those tell apart, so a long key costs two loads, not a
  // loop (its middle is compared on a match only). The top byte is the length,
  // so equal hashes and heads of keys of at most eight bytes are equal keys.
  static Hashed Hash(std::string_view key) {
    const size_t n = key.size();
    const uint64_t head = AsciiLower8(Load8(key.data(), n < 8 ? n : 8));
    uint64_t tail = 0;
    if (n > 8) {
      std::memcpy(&tail, key.data() + n - 8, 8);
      tail = AsciiLower8(tail);
    }
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = (head ^ (tail + n) * kMul) * kMul;
    h ^= h >> 32;
    const uint32_t length = static_cast<uint32_t>(n < 255 ? n : 255);
    return {key, head, (static_cast<uint32_t>(h) & 0x00FFFFFFu) | length << 24};
  }

  // The number of the key (folded), or kAbsent.
  [[gnu::always_inline]] uint32_t Find(const Hashed& k) const {
    if (size_ == 0) return kAbsent;
    return slots_[Probe(k)].id - 1;
  }
  uint32_t Find(std::string_view key) const { return Find(Hash(key)); }

  // The number of the key, numbered next when new. Its bytes must outlive the table.
  uint32_t Insert(const Hashed& k) {
    // At most half full: most probes end at the home slot.
    if ((keys_.size() + 1) * 2 > size_) Rehash(size_ < 16 ? 16 : size_ * 2);
    Slot& slot = slots_[Probe(k)];
    if (slot.id == 0) {
      keys_.push_back(k.key);
      slot = Slot{k.head, k.hash, static_cast<uint32_t>(keys_.size())};
    }
    return slot.id - 1;
  }
  uint32_t Insert(std::string_view key) { return Insert(Hash(key)); }

  size_t size() const { return keys_.size(); }
  std::string_view key(uint32_t id) const { return keys_[id]; }

 private:
  // All zero when free, so a new table is one memset (Rehash).
  struct Slot {
    uint64_t head;  // first eight bytes folded: for keys of at most eight, the key
    uint32_t hash;  // its top byte is the length (Hash)
    uint32_t id;    // the key's number + 1; 0 when free
  };

  static bool SameFolded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i += 8) {
      const size_t n = a.size() - i < 8 ? a.size() - i : 8;
      if (AsciiLower8(Load8(a.data() + i, n)) != AsciiLower8(Load8(b.data() + i, n))) return false;
    }
    return true;
  }

  // The slot holding `key`, or the free slot where it would go.
  [[gnu::always_inline]] size_t Probe(const Hashed& k) const {
    const size_t mask = size_ - 1;
    for (size_t i = k.hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == 0) return i;
      if (s.hash == k.hash && s.head == k.head && (k.key.size() <= 8 || SameFolded(k.key, keys_[s.id - 1]))) {
        return i;
      }
    }
  }

  // Slots are memory of the resource, not a pmr::vector, so a new table is
  // one memset rather than an allocator construct call a slot.
  void Rehash(size_t size) {
    Slot* const old = slots_;
    const size_t old_size = size_;
    slots_ = static_cast<Slot*>(memory_->allocate(size * sizeof(Slot), alignof(Slot)));
    std::memset(static_cast<void*>(slots_), 0, size * sizeof(Slot));
    size_ = size;
    const size_t mask = size - 1;
    for (size_t o = 0; o < old_size; ++o) {
      const Slot& s = old[o];
      if (s.id == 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].id != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
    if (old != nullptr) memory_->deallocate(old, old_size * sizeof(Slot), alignof(Slot));
  }

  std::pmr::memory_resource* memory_;
  Slot* slots_ = nullptr;  // size_ of them, a power of two once anything is reserved or inserted
  size_t size_ = 0;
  std::pmr::vector<std::string_view> keys_;
};

// What one key of an article indexes, as entity numbers; -1 where nothing.
struct KeyEntities {
  int by_kind[3] = {-1, -1, -1};  // latest entity of each SourceKind with this name without article
  int first = -1;                 // latest person with this first name
  int single = -1;                // latest person of this one-word name
  int initials = -1;              // latest institution with these initials
  int head = -1;                  // latest anonymous group with this head noun
  int surnames = -1;              // persons with this surname: their newest link (resolve.cc)
};

// The resolver's indexes, which BuildSources reads too (institutions by name).
class KeyIndex {
 public:
  explicit KeyIndex(std::pmr::memory_resource* memory) : ids_(memory), by_key_(memory) {}
  void Reserve(size_t keys) {
    ids_.Reserve(keys);
    by_key_.reserve(keys);
  }
  // The number of the key, whose bytes must outlive the index.
  uint32_t Key(const FoldedIds::Hashed& k) {
    const uint32_t id = ids_.Insert(k);
    if (id == by_key_.size()) by_key_.emplace_back();
    return id;
  }
  uint32_t Find(const FoldedIds::Hashed& k) const { return ids_.Find(k); }
  const KeyEntities* Lookup(const FoldedIds::Hashed& k) const {
    const uint32_t id = ids_.Find(k);
    return id == FoldedIds::kAbsent ? nullptr : &by_key_[id];
  }
  uint32_t Key(std::string_view key) { return Key(FoldedIds::Hash(key)); }
  const KeyEntities* Lookup(std::string_view key) const { return Lookup(FoldedIds::Hash(key)); }
  KeyEntities& operator[](uint32_t id) { return by_key_[id]; }
  const KeyEntities& operator[](uint32_t id) const { return by_key_[id]; }

 private:
  FoldedIds ids_;
  std::pmr::vector<KeyEntities> by_key_;  // by key number
};

}  // namespace qg::internal
