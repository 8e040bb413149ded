// The claims stage: who says so, about what, and how sure.
//
// FindClaims reads claim frames from a tokenized Document: a reporting verb
// or phrase (said, told, claimed, announced, confirmed, denied, according
// to, citing, quoted as saying, said in a statement, ...) in either order
// ("X said Y", "Y, X said", "Y, said X", "according to X, Y"), its source
// (the reporting subject: a named entity or a noun phrase such as "the
// ministry", "officials", "a spokesman for the Defense Ministry"), the text
// the claim covers and its certainty (EVENT-RECORD.md attribution.certainty).
//
// Rules, kept simple on purpose:
// - Source: the noun phrase right before the verb (at most kMaxSourceTokens
//   words, stopped by punctuation, clause words and verbs), else — when the
//   verb follows a comma or quote — the noun phrase right after it; after
//   "according to"/"citing" always the phrase after. A definite description
//   ("the ministry") resolves to the latest earlier organization entity
//   whose name contains its head noun, or without entities to the latest
//   earlier claim source that contains it; a pronoun (he, she, it, they)
//   resolves to the source of the previous claim.
// - Covered span: the claim's sentence, extended over each following
//   sentence that continues the report: one whose reporting cue has a
//   pronoun source or says "also"/"added" with the same source ("he added",
//   "the ministry also said"), or one without a cue of its own while a
//   quotation opened in the claim is still open. A continuing sentence adds
//   to the claim and makes no claim of its own. At most
//   kMaxCoveredSentences sentences.
// - Certainty: the strongest cue in the covered span, in the order denied >
//   disputed > hedged > confirmed > asserted; the verb counts as a cue
//   (denied, confirmed). A passive reporting verb ("it was reported", "is
//   said to") is a hedge, not a source.
// - A sentence with a hedged/disputed/denied/confirmed cue but no reporting
//   verb ("X is said to have been killed") is a claim with an unknown source
//   (empty `source`, empty `verb`).
//
// Needs: doc.tokens and doc.sentences (text::ProcessText). Uses UPOS tags
// and entity mentions when the tag stage ran; without them it works from
// the words and capitals alone. Every span is [begin, end) bytes into
// doc.text and every text field equals doc.text.substr(begin, end - begin).
//
// Thread-safety: pure functions over a const Document; the word tables are
// immutable (indexed once, on first use, by a thread-safe static). Cost:
// linear in the number of tokens (every window is bounded, at most
// kMaxClaimsPerSentence claims per sentence).
#ifndef SITREP_CLAIMS_CLAIMS_H_
#define SITREP_CLAIMS_CLAIMS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"

namespace sitrep::claims {

// EVENT-RECORD.md attribution.certainty, weakest to strongest precedence.
enum class Certainty : uint8_t {
  kAsserted,
  kConfirmed,
  kHedged,
  kDisputed,
  kDenied
};
// "asserted", "confirmed", "hedged", "disputed", "denied".
const char* CertaintyName(Certainty c);

inline constexpr uint32_t kMaxSourceTokens = 10;
inline constexpr uint32_t kMaxClaimsPerSentence = 4;
// A claim covers at most this many sentences (a quotation never closed).
inline constexpr uint32_t kMaxCoveredSentences = 20;

struct Claim {
  // The source as written ("the ministry", "he"); empty when unknown.
  std::string source;
  uint32_t source_begin = 0;
  uint32_t source_end = 0;
  // What the source refers to: the entity's text, or the phrase without its
  // determiner ("Russian Defense Ministry"); empty when unknown.
  std::string source_name;
  // Index into doc.entities of the named or resolved source, or -1.
  int32_t source_entity = -1;
  // The reporting verb or phrase ("said", "according to", "said in a
  // statement"); empty for a claim read from a certainty cue alone.
  std::string verb;
  uint32_t verb_begin = 0;
  uint32_t verb_end = 0;
  Certainty certainty = Certainty::kAsserted;
  // The cue that decided the certainty ("are said to", "either killed or");
  // empty when asserted.
  std::string cue;
  uint32_t cue_begin = 0;
  uint32_t cue_end = 0;
  // The covered span: whole sentences [first_sentence, last_sentence).
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
  uint32_t first_sentence = 0;
  uint32_t last_sentence = 0;
};

// Every claim frame of the document, in text order.
std::vector<Claim> FindClaims(const Document& doc);

}  // namespace sitrep::claims

#endif  // SITREP_CLAIMS_CLAIMS_H_
