// The floor extract is measured against: one RE2 pass over a corpus's bytes,
// looking for quotation marks and five speech-cue words, and nothing else.
// It reads the file in blocks (memory flat, like extract) and scans each block
// as a whole, so it is a generous bound: no JSON parsing, no tokens.
//
// Usage: re2_scan FILE   → prints "<matches> matches in <bytes> bytes".
// Used by bench/run_bench.py; a benchmark, not a test.
#include <re2/re2.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: re2_scan FILE\n");
    return 2;
  }
  FILE* f = std::fopen(argv[1], "rb");
  if (!f) {
    std::perror(argv[1]);
    return 2;
  }
  RE2::Options opts(RE2::Quiet);
  const RE2 cues("(?:[\"“”‘’«»„]|\\b(?:said|says|told|added|according)\\b)", opts);
  if (!cues.ok()) return 2;
  // Blocks end at a newline so no match straddles two blocks (JSONL lines;
  // a .txt paragraph).
  std::string block, carry;
  char buf[1 << 20];
  long long matches = 0, bytes = 0;
  size_t n;
  auto scan = [&](const std::string& text) {
    re2::StringPiece in(text);
    while (RE2::FindAndConsume(&in, cues)) ++matches;
  };
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    bytes += static_cast<long long>(n);
    block.assign(carry);
    block.append(buf, n);
    size_t cut = block.rfind('\n');
    if (cut == std::string::npos) {
      carry.swap(block);
      continue;
    }
    carry.assign(block, cut + 1, std::string::npos);
    block.resize(cut + 1);
    scan(block);
  }
  scan(carry);
  std::fclose(f);
  std::printf("%lld matches in %lld bytes\n", matches, bytes);
  return 0;
}
