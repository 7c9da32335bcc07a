// Attribution sieves: sentence patterns first, then the context of neighbouring sentences.
//
// Pass 1 tags each sentence (attribute_tags.cc) and tries rules/patterns.tsv in
// order; the first match makes a quote of its `clause` group, typed by what the
// clause holds: exactly one quoted region is a direct quote, quoted regions among
// other words a mixed quote (the regions become fragments), none an indirect one.
// A clause holding ", and said" or ", adding that" is split into two quotes of
// the same speaker (coordinated cues share their subject).
// Pass 2 (attribute_context.cc) handles what no sentence pattern claimed:
// attribution-only sentences, floating quotes and scare quotes.
// Tested by tests/attribute_test.cc.
#include "engine/attribute.h"

#include <algorithm>
#include <cstdio>

#include "engine/internal/attribute_state.h"
#include "engine/internal/lexical.h"
#include "engine/internal/patterns.h"
#include "engine/internal/text_util.h"

namespace qg {
namespace internal {

namespace {

// Unit range [a, b) of a named group, or {-1,-1} when it did not take part.
std::pair<int, int> GroupUnits(std::string_view tags, const re2::StringPiece& g) {
  if (g.data() == nullptr) return {-1, -1};
  int a = static_cast<int>(g.data() - tags.data());
  return {a, a + static_cast<int>(g.size())};
}

}  // namespace

Span Attributor::UnitsSpan(const TaggedSentence& ts, int a, int b) const {
  return Span{doc_.tokens[ts.units[a].token_begin].span.begin,
              doc_.tokens[ts.units[b - 1].token_end - 1].span.end};
}

// Content span of quoted region r: the whole region for a multi-paragraph quote.
Span Attributor::RegionContent(int r) const { return doc_.quoted[r].inner; }

void Attributor::TrimClause(const TaggedSentence& ts, int* a, int* b) const {
  auto trimmable = [](char c) { return c == ',' || c == '-' || c == ':' || c == ';' || c == '.' || c == '&' || c == 'j'; };
  while (*a < *b && trimmable(ts.tags[*a])) ++*a;
  while (*b > *a && trimmable(ts.tags[*b - 1])) --*b;
  // "that" opens the clause; the scorer's convention leaves it out of our span.
  while (*a < *b && ts.tags[*a] == 'T') ++*a;
}

int Attributor::MakeQuote(const TaggedSentence& ts, int a, int b, int spk_unit, int cue_unit,
                          const std::string& rule, double confidence) {
  TrimClause(ts, &a, &b);
  if (a >= b) return -1;
  Quote q;
  int regions = 0, others = 0, only_region = -1;
  for (int u = a; u < b; ++u) {
    if (ts.tags[u] == 'Q') {
      ++regions;
      only_region = ts.units[u].ref;
    } else {
      ++others;
    }
  }
  if (regions == 1 && others == 0) {
    q.kind = QuoteKind::kDirect;
    q.span = RegionContent(only_region);
  } else {
    q.kind = regions > 0 ? QuoteKind::kMixed : QuoteKind::kIndirect;
    q.span = UnitsSpan(ts, a, b);
    for (int u = a; u < b; ++u) {
      if (ts.tags[u] != 'Q') continue;
      const QuotedRegion& r = doc_.quoted[ts.units[u].ref];
      q.fragments.push_back(r.inner);
      // A mixed quote ending in a quoted fragment ends with its closing mark.
      if (u == b - 1) q.span.end = std::max(q.span.end, r.outer.end);
    }
  }
  for (int u = a; u < b; ++u) {
    if (ts.tags[u] == 'Q') claimed_[ts.units[u].ref] = 1;
  }
  if (spk_unit >= 0) {
    const Unit& su = ts.units[spk_unit];
    q.has_speaker = true;
    q.mention = su.ref;
    q.speaker = doc_.mentions[su.ref].span;
  }
  if (cue_unit >= 0) {
    const Unit& cu = ts.units[cue_unit];
    q.has_cue = true;
    q.cue = doc_.cues[cu.ref].span;
    q.channel = ChannelAfter(doc_.cues[cu.ref], ts.units.back().token_end);
  }
  // "a White House statement", "in a tweet": a speaker that is itself a channel names it.
  if (q.mention >= 0 && q.channel.empty()) {
    // The lexicon folds its keys: the word is asked as written.
    std::string_view head = rules_.channels.Field(TokenText(doc_, TokenIndexAt(doc_.mentions[q.mention].head.begin)), 0);
    if (!head.empty() && head != "reporters") q.channel = std::string(head);
  }
  q.rule = rule;
  q.confidence = confidence;
  quotes_.push_back(std::move(q));
  quote_sentence_.push_back(current_sentence_);
  return static_cast<int>(quotes_.size()) - 1;
}

// Splits a clause at a coordinated cue (", and said", ", adding that") sharing the subject.
int Attributor::SplitCoordinated(const TaggedSentence& ts, int a, int b) const {
  for (int u = a + 1; u < b; ++u) {
    char c = ts.tags[u];
    if ((c == 'V' || c == 'K') && ts.tags[u - 1] == '&') return u - 1;
    if ((c == 'G' || c == 'g') && ts.tags[u - 1] == ',') return u - 1;
  }
  return -1;
}

bool Attributor::MatchSentence(uint32_t s) {
  current_sentence_ = s;
  // A sentence with neither a cue nor a quotation (about half of news prose)
  // matches no pattern and gives ResolveContext nothing: it stays untagged.
  if (rules_.patterns != nullptr && rules_.patterns->every_pattern_needs_cue &&
      !HoldsCueOrQuote(doc_.sentences[s])) {
    return false;
  }
  tagged_[s] = TagSentence(doc_, rules_, ctx_, s, tag_buffer_);
  const TaggedSentence& ts = tagged_[s];
  if (ts.tags.empty() || rules_.patterns == nullptr) return false;
  if (debug_) {
    std::fprintf(stderr, "[%u] %.*s | %.*s\n", s, static_cast<int>(ts.tags.size()), ts.tags.data(),
                 static_cast<int>(std::min<uint32_t>(doc_.sentences[s].span.size(), 100)),
                 doc_.text.data() + doc_.sentences[s].span.begin);
  }
  // "READ MORE: Federal budget won’t be balanced, Finance Department says" links
  // another story; a kicker word or "READ MORE" before a colon marks such lines.
  if (IsKickerLine(s)) return false;
  // "… but she says she didn’t come from a cooking family: she notes that …":
  // a semicolon or colon before a second attribution splits the sentence, and
  // each part is read on its own.
  std::vector<size_t>& cuts = cuts_;
  cuts.clear();
  for (size_t u = 0; u + 1 < ts.tags.size(); ++u) {
    char c = ts.tags[u];
    if ((c == ';' || c == ':') && ts.tags[u + 1] != 'Q' && HasAttribution(ts.tags, u + 1)) cuts.push_back(u);
  }
  if (cuts.empty()) return MatchUnits(s, ts, true);
  bool any = false;
  size_t begin = 0;
  cuts.push_back(ts.tags.size());
  for (size_t cut : cuts) {
    if (cut > begin) {
      any = MatchUnits(s, ts.Part(begin, cut), false) || any;
    }
    begin = cut + 1;
  }
  return any;
}

bool Attributor::HoldsCueOrQuote(const Sentence& sent) const {
  for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
    // Negative only when both are (a sign bit in each): no cue and no quotation starts here.
    if ((ctx_.cue_at[t] & ctx_.region_at[t]) >= 0) return true;
  }
  return false;
}

bool Attributor::IsKickerLine(uint32_t s) const {
  const Sentence& sent = doc_.sentences[s];
  for (uint32_t t = sent.token_begin; t < sent.token_end && t < sent.token_begin + 3; ++t) {
    std::string_view w = TokenText(doc_, t);
    if (w == ":") {
      std::string first = AsciiLowerWord(sent.token_begin);
      return internal::WordClass(rules_, first) == "kicker" ||
             (first == "read" && t > sent.token_begin + 1 && AsciiLowerWord(sent.token_begin + 1) == "more");
    }
  }
  return false;
}

// True iff tags from `from` on hold a speaker followed by a cue before the next stop.
bool Attributor::HasAttribution(std::string_view tags, size_t from) {
  bool speaker = false;
  for (size_t u = from; u < tags.size(); ++u) {
    char c = tags[u];
    if (c == ';' || c == ':') return false;
    if (c == 'S' || c == 'P') speaker = true;
    if (speaker && (c == 'V' || c == 'K' || c == 'v' || c == 'G' || c == 'g')) return true;
  }
  return false;
}

bool Attributor::MatchUnits(uint32_t s, const TaggedSentence& ts, bool whole) {
  const CompiledPatterns& compiled = *rules_.patterns;
  const std::vector<Pattern>& patterns = compiled.patterns;
  // Most sentences lack a letter every pattern needs (a speaker and a cue, as
  // patterns.tsv declares), and skip RE2 altogether. The others try the
  // patterns that may match in file order: first the pattern's own DFA
  // (tag_dfa.h; RE2's DFA without groups for a pattern that has none), then,
  // for the few that pass, the match with groups (RE2's backtracker).
  // One RE2::Set of all patterns did the first step in a single pass, but its
  // many-match DFA builds ~100k instructions of new states for nearly every
  // sentence it has not seen: 56% of the run on articles read once.
  const TagLetters& present = ts.letters;
  for (size_t i = 0; i < patterns.size(); ++i) {
    const Pattern& p = patterns[i];
    if (!p.MayMatch(present)) continue;
    // The pattern's own DFA turns away nearly every string RE2 would, at a
    // few instructions a letter; the few it lets through in error fail the
    // match with groups below, as a no-match of RE2's DFA would have.
    if (p.dfa != nullptr ? !p.dfa->MayMatch(ts.tags)
                         : !p.re->Match(ts.tags, 0, ts.tags.size(), RE2::UNANCHORED, nullptr, 0)) {
      continue;
    }
    groups_.assign(p.groups + 1, re2::StringPiece());
    if (!p.re->Match(ts.tags, 0, ts.tags.size(), RE2::UNANCHORED, groups_.data(), p.groups + 1)) continue;
    auto group = [&](int index) -> std::pair<int, int> {
      return index < 0 ? std::pair<int, int>{-1, -1} : GroupUnits(ts.tags, groups_[index]);
    };
    auto [sa, sb] = group(p.spk);
    auto [ca, cb] = group(p.cue);
    if (p.context) {
      if (!whole) continue;
      context_sentences_[s] = ContextMatch{sa, ca, ts};
      return true;
    }
    auto [qa, qb] = group(p.clause);
    auto [q2a, q2b] = group(p.clause2);
    if (qa < 0) continue;
    // After the attribution: a second quotation is its own quote; a participle cue
    // ("…, adding that …") starts a second quote of the same speaker; anything else
    // continues a clause split by a parenthetical cue ("…, the sources said, and comes as …").
    int end = qb;
    int second_cue = -1;
    bool second_quote = false;
    if (q2a >= 0 && q2a > qb) {
      char lead = ts.tags[q2a];
      if (lead == 'Q') second_quote = true;
      else if (lead == 'G' || lead == 'g') second_cue = q2a;
      else end = q2b;
    }
    int split = SplitCoordinated(ts, qa, end);
    int first = MakeQuote(ts, qa, split >= 0 ? split : end, sa, ca, p.id, p.confidence);
    if (split >= 0) {
      int cue2 = split + 1;
      MakeQuote(ts, cue2 + 1, end, sa, cue2, p.coordinated_id, p.confidence * 0.9);
    }
    if (second_quote) MakeQuote(ts, q2a, q2b, sa, ca, p.id, p.confidence);
    if (second_cue >= 0) MakeQuote(ts, second_cue + 1, q2b, sa, second_cue, p.coordinated_id, p.confidence * 0.9);
    if (first < 0) continue;
    // Other quotations set off by a comma or colon share the speaker; one
    // inside a phrase ("said of the “new plan”") is left to the term sieve.
    if (!ts.letters.Has('Q')) return true;
    for (size_t u = 0; u < ts.units.size(); ++u) {
      bool set_off = u == 0 || ts.tags[u - 1] == ',' || ts.tags[u - 1] == ':';
      if (ts.tags[u] == 'Q' && !claimed_[ts.units[u].ref] && set_off) {
        MakeQuote(ts, static_cast<int>(u), static_cast<int>(u) + 1, sa, ca, "same_sentence", 0.8);
      }
    }
    return true;
  }
  return false;
}

// The channel named right after a cue: the hearer of "told" ("told CNN", "told
// reporters", "told Monday’s press conference") or a prepositional phrase ("in a
// tweet", "at a press conference"). Anything else after a cue is no channel.
std::string Attributor::ChannelAfter(const Cue& cue, uint32_t end) const {
  uint32_t k = cue.token_end;
  auto phrase_at = [&](uint32_t from) -> std::string {
    std::string phrase, best;
    for (uint32_t j = from; j < end && j < from + 3; ++j) {
      if (doc_.tokens[j].kind != TokenKind::kWord) break;
      if (!phrase.empty()) phrase += ' ';
      phrase += AsciiLowerWord(j);
      std::string_view ch = rules_.channels.Field(phrase, 0);
      if (!ch.empty()) best = std::string(ch);
    }
    return best;
  };
  if (cue.takes_addressee && k < end) {
    if (ctx_.mention_at[k] >= 0) {
      const Mention& m = doc_.mentions[ctx_.mention_at[k]];
      if (m.kind == MentionKind::kName && m.source_kind == SourceKind::kOrganization) return m.name;
    }
    uint32_t from = k;
    if (from < end && internal::WordClass(rules_, TokenText(doc_, from)) == "det") ++from;
    // "Monday’s press conference": skip a possessive time word before the channel.
    bool poss = false;
    if (from < end) internal::StripPossessive(TokenText(doc_, from), &poss);
    if (poss) ++from;
    std::string ch = phrase_at(from);
    if (!ch.empty()) return ch;
  }
  // Every quote asks up to eight words here, and few are a preposition:
  // compared folded in place, with no lower-case copy a word.
  for (uint32_t i = k; i < end && i < k + 8; ++i) {
    if (doc_.tokens[i].kind != TokenKind::kWord) break;
    const std::string_view w = TokenText(doc_, i);
    if (FoldedIs(w, "that")) break;
    if (!FoldedIs(w, "in") && !FoldedIs(w, "at") && !FoldedIs(w, "on") && !FoldedIs(w, "via") &&
        !FoldedIs(w, "during") && !FoldedIs(w, "through")) {
      continue;
    }
    uint32_t from = i + 1;
    if (from < end && internal::WordClass(rules_, TokenText(doc_, from)) == "det") ++from;
    std::string ch = phrase_at(from);
    if (!ch.empty()) return ch;
  }
  return {};
}

uint32_t Attributor::TokenIndexAt(uint32_t offset) const {
  auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), offset,
                             [](const Token& tok, uint32_t off) { return tok.span.begin < off; });
  return it == doc_.tokens.end() ? static_cast<uint32_t>(doc_.tokens.size() - 1)
                                 : static_cast<uint32_t>(it - doc_.tokens.begin());
}

std::string Attributor::AsciiLowerWord(uint32_t t) const {
  std::string w(TokenText(doc_, t));
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // "Monday’s press conference": the possessive word is no channel, the rest may be.
  return w;
}

std::vector<Quote> Attributor::Run() {
  tagged_.resize(doc_.sentences.size());
  // Room for a quote a quotation and a cue: more than an article holds, and
  // no growth moves every Quote and its strings.
  quotes_.reserve(doc_.quoted.size() + doc_.cues.size());
  quote_sentence_.reserve(doc_.quoted.size() + doc_.cues.size());
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) MatchSentence(s);
  ResolveContext();  // may append quotes out of sentence order

  std::sort(quotes_.begin(), quotes_.end(),
            [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
  return std::move(quotes_);
}

}  // namespace internal

std::vector<Quote> AttributeQuotes(const Document& doc, const RuleSet& rules) {
  return internal::Attributor(doc, rules).Run();
}

}  // namespace qg
