// The chunker's word view (see internal/word_view.h). Tested through
// tests/speakers_test.cc.
#include "engine/internal/word_view.h"

#include <algorithm>

#include "engine/internal/text_util.h"

namespace qg::internal {

Fn FnOf(std::string_view cls) {
  if (cls.empty()) return Fn::kNone;
  static constexpr std::pair<std::string_view, Fn> kCodes[] = {
      {"det", Fn::kDet},       {"quant", Fn::kQuant}, {"pron_m", Fn::kPronM}, {"pron_f", Fn::kPronF},
      {"pron_n", Fn::kPronN},  {"pron_p", Fn::kPronP}, {"aux", Fn::kAux},      {"time", Fn::kTime},
      {"wh", Fn::kWh},         {"kicker", Fn::kKicker}};
  for (const auto& [name, code] : kCodes) {
    if (cls == name) return code;
  }
  return Fn::kOther;
}

namespace {

// The class code of every vocabulary word, computed once a thread for each
// vocabulary: a token's code is then an array read, not a lexicon answer
// compared against each class name.
const std::vector<Fn>& CodesByWord(const RuleSet& rules) {
  thread_local uint64_t serial = 0;
  thread_local std::vector<Fn> codes;
  if (serial != rules.vocabulary.serial() || codes.size() != rules.vocabulary.size() + 1) {
    codes.assign(rules.vocabulary.size() + 1, Fn::kNone);
    for (uint32_t w = 1; w < codes.size(); ++w) {
      codes[w] = FnOf(rules.function_words.Field(WordId{w}, 0));
    }
    serial = rules.vocabulary.serial();
  }
  return codes;
}

}  // namespace

WordView::WordView(const Document& doc, const RuleSet& rules)
    : doc_(doc), rules_(rules), words_(WordsOf(doc, rules, scratch_)) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  lower_text_ = AsciiLower(doc.text);
  const std::vector<Fn>& codes = CodesByWord(rules);
  code_.resize(n);
  for (uint32_t t = 0; t < n; ++t) {
    // "Jan" "." reads as "jan." when function_words knows it so.
    const Fn dotted = DotFollows(t, n) ? codes[words_[t].dotted.value] : Fn::kNone;
    code_[t] = dotted != Fn::kNone ? dotted : codes[words_[t].base.value];
  }
  opening_mark_.assign(n, 0);
  for (const QuotedRegion& r : doc.quoted) {
    if (r.open_token < n) opening_mark_[r.open_token] = 1;
  }
  CollectMidSentenceCapitals();
}

// The folded word without its possessive ending ("’s" or "'s", as NumberWords found it).
std::string_view WordView::LowerBase(uint32_t t) const {
  const std::string_view lower = Lower(t);
  if (!Possessive(t)) return lower;
  return lower.substr(0, lower.size() - (lower[lower.size() - 2] == '\'' ? 2 : 4));
}

// A hash of LowerBase, eight bytes a step.
uint64_t WordView::BaseHash(uint32_t t) const {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const std::string_view base = LowerBase(t);
  uint64_t h = base.size();
  for (size_t i = 0; i < base.size(); i += 8) {
    h = (h ^ Load8(base.data() + i, std::min<size_t>(8, base.size() - i))) * kMul;
  }
  return static_cast<uint32_t>(h ^ h >> 32);
}

void WordView::CollectMidSentenceCapitals() {
  for (const Sentence& s : doc_.sentences) {
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      if (!Capitalized(t) || doc_.tokens[t].kind != TokenKind::kWord || Initial(t, s.token_begin)) {
        continue;
      }
      midcaps_.push_back(BaseHash(t) << 32 | t);
    }
  }
  std::sort(midcaps_.begin(), midcaps_.end());
}

bool WordView::MidSentenceCapital(uint32_t t) const {
  const std::string_view base = LowerBase(t);
  const uint64_t h = BaseHash(t) << 32;
  for (auto it = std::lower_bound(midcaps_.begin(), midcaps_.end(), h);
       it != midcaps_.end() && (*it & ~uint64_t{0xFFFFFFFF}) == h; ++it) {
    if (LowerBase(static_cast<uint32_t>(*it)) == base) return true;
  }
  return false;
}

bool WordView::NameLike(uint32_t t, uint32_t sent_begin) const {
  if (!Capitalized(t) && !Acronym(t)) return false;
  const WordId base = Base(t);
  const Fn cls = Code(t);
  const bool initial = Initial(t, sent_begin);
  // "Ms. May", "Mr. Will": after an honorific any capitalised word is the name.
  if (t >= 2 && TokenText(doc_, t - 1) == "." &&
      rules_.titles.Field(words_[t - 2].dotted, 1) == "honorific") {
    return true;
  }
  // "Theresa May", "June Smith": a capitalised modal or month inside a name.
  if (cls != Fn::kNone && cls != Fn::kKicker &&
      !(!initial && (cls == Fn::kAux || cls == Fn::kTime) && t > sent_begin && Capitalized(t - 1) &&
        Code(t - 1) == Fn::kNone)) {
    return false;
  }
  if (initial && (rules_.anonymous.Contains(base) || rules_.titles.Contains(base) ||
                  rules_.speech_verbs.Contains(base) ||
                  rules_.organizations.Field(base, 0) == "doc")) {
    return false;
  }
  // A capitalised word that only ever opens sentences ("Mostly, he says",
  // "Cake") is no name unless the lexicons know it.
  if (initial && !rules_.forenames.Contains(LowerBase(t)) && !rules_.organizations.Contains(base) &&
      !Acronym(t) && !MidSentenceCapital(t)) {
    return false;
  }
  return true;
}

}  // namespace qg::internal
