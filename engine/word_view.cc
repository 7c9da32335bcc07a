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

WordView::WordView(const Document& doc, const RuleSet& rules)
    : doc_(doc), rules_(rules), words_(WordsOf(doc, rules, scratch_)) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  lower_text_ = AsciiLower(doc.text);
  code_.resize(n);
  for (uint32_t t = 0; t < n; ++t) {
    std::string_view c;
    if (DotFollows(t, n)) c = rules.function_words.Field(words_[t].dotted, 0);
    code_[t] = FnOf(c.empty() ? rules.function_words.Field(words_[t].base, 0) : c);
  }
  opening_mark_.assign(n, 0);
  for (const QuotedRegion& r : doc.quoted) {
    if (r.open_token < n) opening_mark_[r.open_token] = 1;
  }
  CollectMidSentenceCapitals();
}

// FNV-1a of the folded word without its possessive ending.
uint64_t WordView::BaseHash(uint32_t t) const {
  bool poss = false;
  uint32_t h = 2166136261u;
  for (char c : StripPossessive(Lower(t), &poss)) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

void WordView::CollectMidSentenceCapitals() {
  for (const Sentence& s : doc_.sentences) {
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      if (doc_.tokens[t].kind != TokenKind::kWord || !Capitalized(t) || Initial(t, s.token_begin)) {
        continue;
      }
      midcaps_.push_back(BaseHash(t) << 32 | t);
    }
  }
  std::sort(midcaps_.begin(), midcaps_.end());
}

bool WordView::MidSentenceCapital(uint32_t t) const {
  bool poss = false;
  const std::string_view base = StripPossessive(Lower(t), &poss);
  const uint64_t h = BaseHash(t) << 32;
  for (auto it = std::lower_bound(midcaps_.begin(), midcaps_.end(), h);
       it != midcaps_.end() && (*it & ~uint64_t{0xFFFFFFFF}) == h; ++it) {
    if (StripPossessive(Lower(static_cast<uint32_t>(*it)), &poss) == base) return true;
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
  if (initial && !rules_.forenames.Contains(base) && !rules_.organizations.Contains(base) &&
      !Acronym(t) && !MidSentenceCapital(t)) {
    return false;
  }
  return true;
}

}  // namespace qg::internal
