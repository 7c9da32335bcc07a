// String-keyed maps of one article's resolution (internal; resolve.cc, sources.cc).
//
// They look up by string_view, so a probe builds no string, and their nodes
// and keys live in an arena: an article's maps are built once and dropped
// whole, so no node needs freeing on its own.
#pragma once

#include <functional>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>

namespace qg::internal {

struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct KeyEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <class V>
using KeyMap = std::pmr::unordered_map<std::pmr::string, V, KeyHash, KeyEq>;

// Sets map[key] with one hash and one probe: a node built for a key already
// present is dropped into the arena, which costs memory only until the article is done.
template <class V>
void Put(KeyMap<V>& map, std::string_view key, V value) {
  auto [it, inserted] = map.emplace(key, value);
  if (!inserted) it->second = std::move(value);
}

}  // namespace qg::internal
