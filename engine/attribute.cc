// STUB
#include "engine/attribute.h"
namespace qg {
std::vector<Quote> AttributeQuotes(const Document&, const RuleSet&) { return {}; }
}  // namespace qg
