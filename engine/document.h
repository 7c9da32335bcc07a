// Document: the plain data that flows through the pipeline.
//
// One article becomes one Document. Each stage reads the layers before it and
// fills its own vector; no stage re-reads raw bytes it has not been given a span
// for, and no stage keeps pointers into another (ids are vector indices).
//
// THE OFFSET CONTRACT. Every Span is a half-open byte range [begin, end) into
// `text`, the untouched UTF-8 input. For every span s stored here:
//   s.begin <= s.end <= text.size(), both ends on UTF-8 character boundaries,
//   and for a Quote q, text.substr(q.span.begin, q.span.size()) == QuoteText(doc, q).
// Nothing in the engine normalises `text`; matching that needs folded case or
// unified quote marks works on token classes, never on a rewritten copy.
//
//   qg::Document doc = qg::MakeDocument("kirby", text);
//   qg::Status s = qg::RunPipeline(rules, doc);   // pipeline.h
//   for (const qg::Quote& q : doc.quotes) std::cout << doc.slice(q.span) << "\n";
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/word_id.h"

namespace qg {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  bool overlaps(Span o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
};

// A paragraph's span excludes the blank lines (or "\n .\n " separators) around it.
struct Paragraph {
  Span span;
};

enum class TokenKind : uint8_t {
  kWord,       // letters, digits, inner apostrophes and hyphens: "don’t", "Biden’s", "co-ordinate"
  kNumber,     // "175,000", "10:07", "2016"
  kPunct,      // , . ; : ! ? ( ) – — and other punctuation
  kQuoteMark,  // any quotation-mark character that is not inside a word: " “ ” ‘ ’ ' « » „ ‚ ‹ ›
  kSymbol,     // anything else that is not white space ($, %, emoji)
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  uint32_t paragraph = 0;
  uint32_t sentence = 0;  // filled by SplitSentences
};

// What the rules' vocabulary knows of one token (engine/internal/words.h).
struct TokenWord {
  WordId word;    // the token, folded
  WordId base;    // without a possessive ending: "McCallum’s" -> "mccallum"
  WordId dotted;  // the token and "." when the next token is "." ("Mr" "." -> "mr.")
  uint8_t flags = 0;  // internal::WordFlag
};

// A quoted region after mark pairing (quotes.h). Regions nest: a region of depth 1
// lies inside one of depth 0.
struct QuotedRegion {
  Span outer;              // opening mark through closing mark (or to where it was cut)
  Span inner;              // the content between the marks
  uint32_t depth = 0;      // 0 = top level
  bool closed = true;      // false: no closing mark, ended at paragraph end
  bool multi_paragraph = false;  // continued into following paragraphs by a re-opening mark
  uint32_t open_token = 0;       // token index of the opening mark
  uint32_t close_token = 0;      // token index of the closing mark; == open_token when !closed
};

// Sentences never split inside a top-level quoted region of the same paragraph, so
// `“A. B,” he said.` is one sentence: attribution looks at the frame around quotes.
struct Sentence {
  Span span;
  uint32_t paragraph = 0;
  uint32_t token_begin = 0;  // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
};

enum class CueKind : uint8_t {
  kVerb,         // said, tells, added, according (as a verb form)
  kAccordingTo,  // "according to"
  kNoun,         // "in a statement", "a White House statement"
};

struct Cue {
  Span span;
  CueKind kind = CueKind::kVerb;
  std::string lemma;        // "say", "tell", "according to"
  uint32_t token = 0;       // first token of the cue
  uint32_t token_end = 0;   // one past its last token
  // kStrong reports speech outright ("said"); kMedium only beside a quotation or
  // before "that" ("wrote", "continued"); kBelief only before "that" ("believes").
  enum Strength : uint8_t { kStrong, kMedium, kBelief } strength = kStrong;
  bool participle = false;  // "adding", "saying": continues a clause ("…, adding that …")
  bool takes_addressee = false;  // "told reporters …": the object is the hearer
};

enum class SourceKind : uint8_t { kPerson, kOrganization, kAnonymous };
enum class Gender : uint8_t { kUnknown, kMale, kFemale, kNeuter, kPlural };

enum class MentionKind : uint8_t {
  kName,         // a proper name, person or organisation: "John Kirby", "the White House"
  kPronoun,      // he, she, they, it
  kDescription,  // a definite description that recalls an entity: "the mayor", "the sources"
  kAnonymous,    // "a senior administration official", "two sources familiar with the matter"
};

// A speaker candidate (speakers.h).
struct Mention {
  Span span;                 // the whole phrase: "Pentagon spokesman John Kirby"
  Span head;                 // the part that names: "John Kirby"
  MentionKind kind = MentionKind::kName;
  SourceKind source_kind = SourceKind::kPerson;
  Gender gender = Gender::kUnknown;
  std::string name;                      // normalised: "John Kirby", "White House", "officials"
  std::vector<std::string> descriptors;  // "Pentagon spokesman"
  std::string affiliation;               // "Pentagon"
  int count = -1;                        // "two sources" -> 2; "half a dozen" -> 6
  std::string anonymity_reason;          // "not authorized to speak publicly"
  bool possessive = false;               // "McCallum’s staff": the owner's mention
  uint32_t token_begin = 0, token_end = 0;
  uint32_t sentence = 0;
  int entity = -1;                       // index into Document::sources, set by resolve
};

enum class QuoteKind : uint8_t { kDirect, kIndirect, kMixed, kTerm };

struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  Span span;                   // content: without the enclosing marks of a wholly direct quote
  std::vector<Span> fragments; // quoted parts of a mixed quote (content spans)
  bool has_cue = false;
  Span cue;
  bool has_speaker = false;
  Span speaker;                // the mention as written in this sentence; absent for floating quotes
  int mention = -1;            // index into Document::mentions (also for floating quotes)
  int source = -1;             // index into Document::sources; -1 = unattributed
  std::string channel;         // "tweet", "statement", "reporters", "CNN", ...
  double confidence = 0.0;
  std::string rule;            // the sieve that attributed it
};

struct Source {
  std::string name;
  SourceKind kind = SourceKind::kPerson;
  std::vector<std::string> descriptors;
  int affiliation = -1;        // index into Document::sources
  int count = -1;              // anonymous groups
  std::string anonymity_reason;
  std::vector<Span> mentions;
  Gender gender = Gender::kUnknown;
};

struct Summary {
  int quotes = 0;               // terms excluded
  int attributed = 0;
  int named_quotes = 0;
  int institutional_quotes = 0;
  int anonymous_quotes = 0;
  double anonymous_ratio = 0.0; // anonymous_quotes / attributed; 0 when nothing is attributed
};

struct Document {
  std::string id;
  std::string text;
  // Other fields of a JSONL record, in input order, each value kept as JSON text
  // ("\"CBC\"", "42"), so they round-trip untouched into the output.
  std::vector<std::pair<std::string, std::string>> metadata;

  std::vector<Paragraph> paragraphs;
  std::vector<Token> tokens;
  // Per token, its words' numbers in the rules' vocabulary, so the stages type
  // a word with array reads. Filled by the pipeline after the tokens; a stage
  // given a Document without them (or numbered by other rules) numbers its own.
  std::vector<TokenWord> words;
  uint64_t words_serial = 0;  // Vocabulary::serial() of the rules that numbered `words`
  // The tokens that may be cues, listed with `words`: a speech-verb form, or
  // a word of nine bytes ("according"). The cue finder reads no other.
  std::vector<uint32_t> cue_candidates;
  std::vector<QuotedRegion> quoted;  // sorted by outer.begin
  std::vector<Sentence> sentences;
  std::vector<Cue> cues;
  std::vector<Mention> mentions;
  std::vector<Quote> quotes;
  std::vector<Source> sources;
  Summary summary;

  std::string_view slice(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
};

inline Document MakeDocument(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

const char* QuoteKindName(QuoteKind k);    // "direct", "indirect", "mixed", "term"
const char* SourceKindName(SourceKind k);  // "person", "organization", "anonymous"

}  // namespace qg
