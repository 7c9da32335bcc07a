// Names of the document enums as they appear in the JSON schema.
#include "engine/document.h"

namespace qg {

const char* QuoteKindName(QuoteKind k) {
  switch (k) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kIndirect: return "indirect";
    case QuoteKind::kMixed: return "mixed";
    case QuoteKind::kTerm: return "term";
  }
  return "direct";
}

const char* SourceKindName(SourceKind k) {
  switch (k) {
    case SourceKind::kPerson: return "person";
    case SourceKind::kOrganization: return "organization";
    case SourceKind::kAnonymous: return "anonymous";
  }
  return "person";
}

}  // namespace qg
