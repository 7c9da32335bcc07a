// Context sieves: what the sentence patterns left, resolved from neighbouring sentences.
//
//  - An attribution-only sentence right after a quote names that quote's speaker:
//    `“…,” he said. Pentagon spokesman John Kirby said.` keeps "he" as the mention
//    written in the quote's sentence but resolves it to John Kirby, not to the
//    last man named before (Jake Sullivan in the seed).
//  - A quotation standing alone in its sentence, with no cue, continues the last
//    speaker (a floating quote): `“A,” McKegg said. “B.”` gives B to McKegg. It
//    has no speaker mention of its own, only a source.
//  - A short quotation inside a sentence with no cue is a scare quote (kind "term"),
//    not a sourced quote: `a potential “nuclear option”`.
// Tested by tests/attribute_test.cc.
#include <algorithm>
#include <span>

#include "engine/internal/attribute_state.h"
#include "engine/internal/lexical.h"

namespace qg::internal {

namespace {
// Scare quotes are short: a few words with no sentence inside.
constexpr int kMaxTermWords = 5;

int WordCount(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}
}  // namespace

void Attributor::AttachFromContext(std::span<Quote> quotes, const ContextMatch& cm,
                                   bool keep_pronoun) {
  const Unit& su = cm.tagged.units[cm.spk_unit];
  for (Quote& q : quotes) {
    if (q.kind == QuoteKind::kTerm) continue;
    bool pronoun = q.mention >= 0 && doc_.mentions[q.mention].kind == MentionKind::kPronoun;
    // Floating and unattributed quotes take the named speaker; so does a pronoun.
    if (q.has_speaker && !(pronoun && keep_pronoun)) continue;
    q.mention = su.ref;
    if (!q.has_speaker) {
      q.has_speaker = true;
      q.speaker = doc_.mentions[su.ref].span;
      if (cm.cue_unit >= 0) {
        q.has_cue = true;
        q.cue = doc_.cues[cm.tagged.units[cm.cue_unit].ref].span;
      }
    }
    q.rule += "+next_sentence";
  }
}

// A paragraph that is nothing but a quotation in single marks is a subheading
// ('Just listen to us'), which outlets set that way; it quotes no one in place.
bool Attributor::IsHeading(int region) const {
  const QuotedRegion& r = doc_.quoted[region];
  std::string_view open = doc_.slice(Span{r.outer.begin, std::min<uint32_t>(r.outer.begin + 3, r.outer.end)});
  if (!(open.rfind("'", 0) == 0 || open.rfind("‘", 0) == 0)) return false;
  for (const Paragraph& p : doc_.paragraphs) {
    if (p.span.contains(r.outer.begin)) {
      std::string_view rest_before = doc_.slice(Span{p.span.begin, r.outer.begin});
      std::string_view rest_after = doc_.slice(Span{r.outer.end, p.span.end});
      auto blank = [](std::string_view v) {
        return v.find_first_not_of(" \t\r\n.") == std::string_view::npos;
      };
      return blank(rest_before) && blank(rest_after);
    }
  }
  return false;
}

Quote Attributor::FloatingOrTerm(int region, bool alone, int last_mention) const {
  const QuotedRegion& r = doc_.quoted[region];
  Quote q;
  q.span = r.inner;
  if (IsHeading(region)) {
    q.kind = QuoteKind::kTerm;
    q.rule = "heading";
    q.confidence = 0.5;
    return q;
  }
  if (!alone && WordCount(doc_.slice(r.inner)) <= kMaxTermWords) {
    q.kind = QuoteKind::kTerm;
    q.rule = "scare_quote";
    q.confidence = 0.6;
    return q;
  }
  q.kind = QuoteKind::kDirect;
  if (last_mention >= 0) {
    q.mention = last_mention;
    q.rule = alone ? "float_previous_speaker" : "float_embedded";
    q.confidence = alone ? 0.7 : 0.5;
  } else {
    q.rule = "unattributed";
    q.confidence = 0.3;
  }
  return q;
}

// A quotation inside a sentence that no pattern read whole, but whose sentence
// holds a speaker right next to a cue ("The vote was “a defeat for this
// government,” Mr. Corbyn told the House before slamming …"): the nearest such
// pair names it.
void Attributor::AttachSentenceSpeaker(const TaggedSentence& ts, int q_unit, Quote& q) const {
  auto is_cue = [](char c) { return c == 'V' || c == 'K' || c == 'G' || c == 'v' || c == 'g'; };
  auto skippable = [](char c) { return c == 'x' || c == 'y' || c == 'd'; };
  int best_spk = -1, best_cue = -1, best_dist = 1 << 30;
  const int n = static_cast<int>(ts.tags.size());
  for (int c = 0; c < n; ++c) {
    if (!is_cue(ts.tags[c])) continue;
    int spk = -1;
    int k = c - 1;
    while (k >= 0 && skippable(ts.tags[k])) --k;
    if (k >= 0 && (ts.tags[k] == 'S' || ts.tags[k] == 'P')) spk = k;
    if (spk < 0 && c + 1 < n && ts.tags[c + 1] == 'S' && ts.tags[c] != 'G' && ts.tags[c] != 'g') spk = c + 1;
    if (spk < 0) continue;
    int dist = c > q_unit ? c - q_unit : q_unit - c;
    if (dist < best_dist) {
      best_dist = dist;
      best_spk = spk;
      best_cue = c;
    }
  }
  if (best_spk < 0) return;
  const Unit& su = ts.units[best_spk];
  q.mention = su.ref;
  q.has_speaker = true;
  q.speaker = doc_.mentions[su.ref].span;
  q.has_cue = true;
  q.cue = doc_.cues[ts.units[best_cue].ref].span;
  q.rule = "sentence_speaker";
  q.confidence = 0.6;
}

void Attributor::ResolveContext() {
  // Quotes made by the sentence patterns, in sentence order (pass 1 makes them
  // so; the stable sort only guarantees it), each moved out once.
  std::vector<int> order(quotes_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return quote_sentence_[a] < quote_sentence_[b]; });
  size_t next = 0;

  // Quotes go to `out` in sentence order as they are made; those of the
  // sentence before, out[previous, current), stay open to a context match.
  // Moving each quote once (not through vectors of the sentence before and
  // of this one) spares three moves of a Quote and its strings.
  std::vector<Quote> out;
  out.reserve(quotes_.size());
  size_t previous = 0;
  int last_mention = -1;
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    const size_t current = out.size();
    for (; next < order.size() && quote_sentence_[order[next]] == s; ++next) {
      out.push_back(std::move(quotes_[order[next]]));
    }
    // Few articles hold an attribution-only sentence: most ask no table.
    auto cm = context_sentences_.empty() ? context_sentences_.end() : context_sentences_.find(s);
    if (cm != context_sentences_.end()) {
      AttachFromContext(std::span<Quote>(out.data() + previous, current - previous), cm->second, true);
    }

    // Quoted regions no pattern claimed (none in a sentence with no quotation).
    const TaggedSentence& ts = tagged_[s];
    if (ts.letters.Has('Q')) {
      bool content = false;
      for (char c : ts.tags) {
        if (c != 'Q' && c != '.' && c != ',' && c != '-' && c != ':' && c != '(' && c != ')') {
          content = true;
          break;
        }
      }
      for (size_t i = 0; i < ts.units.size(); ++i) {
        const Unit& u = ts.units[i];
        if (u.tag != 'Q' || claimed_[u.ref]) continue;
        claimed_[u.ref] = 1;
        Quote q = FloatingOrTerm(u.ref, !content, last_mention);
        if (content && q.kind != QuoteKind::kTerm) AttachSentenceSpeaker(ts, static_cast<int>(i), q);
        out.push_back(std::move(q));
      }
    }
    previous = current;
    for (size_t i = current; i < out.size(); ++i) {
      if (out[i].kind != QuoteKind::kTerm && out[i].mention >= 0) last_mention = out[i].mention;
    }
    // An attribution-only sentence ends a floating run only by naming a speaker.
    if (cm != context_sentences_.end()) last_mention = cm->second.tagged.units[cm->second.spk_unit].ref;
  }
  quotes_ = std::move(out);
}

}  // namespace qg::internal
