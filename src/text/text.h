// The text core: Unicode normalization with a map back to the original bytes,
// a tokenizer for news English and a sentence splitter.
//
// Pipeline use: ProcessText(doc) normalizes doc.text in place (recording
// doc.offset_map), then fills doc.tokens and doc.sentences. The three steps
// are also callable on their own.
//
// Contract
//   * Offsets are byte offsets into the text they were computed on, [begin,
//     end). Every token satisfies text.substr(begin, end - begin) == its
//     surface; tokens are non-empty, ordered and non-overlapping; the bytes
//     between tokens are whitespace (ASCII space/tab/CR/LF/VT/FF and controls,
//     Unicode Zs/Zl/Zp, U+200B, U+2060, U+FEFF and other Cf format marks).
//   * Sentences cover the tokens contiguously ([first_token, last_token)) and
//     their byte spans run from the first token's begin to the last token's
//     end, so they never start or end with whitespace.
//   * Texts are limited to kMaxTextBytes (offsets are uint32_t and repair can
//     triple a byte); ProcessText rejects longer ones with kResourceExhausted.
//
// Thread-safety: every function here is reentrant. There is no mutable global
// state; the abbreviation tables are constexpr and ICU's NFC instance is an
// immutable singleton. Call from any number of threads on distinct outputs.
//
// Cost: all three steps are linear in the text. Pure-ASCII input is copied by
// Normalize without any ICU call; ICU is called only for runs of non-ASCII
// code points outside a small precomputed NFC-safe set, and for the letter
// class of non-ASCII code points other than common quotes, dashes, spaces
// and currency signs. Tokenize reserves text.size() / 5 tokens up front and
// allocates nothing per token. On one core the whole chain runs at about
// 150-200 MB/s on BBC news text, Normalize alone at several GB/s
// (bench/text_bench.cc).
#ifndef SITREP_TEXT_TEXT_H_
#define SITREP_TEXT_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::text {

// Token::kind.
enum TokenKind : uint8_t {
  kWord = 0,      // letters/digits, incl. hyphenated compounds, clitics, U.S.
  kNumber,        // starts with a digit (or a sign before a digit): 3,000
                  // 1.5 -4 9/11 2017-09-08 06:02 5th 120mm 1.13bn; but a
                  // hyphen before letters makes a word: 3-year-old
  kPunct,         // . , ; : ! ? ... … - -- – — and other punctuation
  kSymbol,        // $ £ % & / + = © and any byte that is not valid UTF-8
  kUrl,           // http(s)://…, ftp://…, www.…, bare domain.tld[/path]
  kEmail,         // name@example.com
  kHashtag,       // #tag (must contain a letter; "#1" is # + 1)
  kMention,       // @handle
  kOpenQuote,     // “ ‘ « ‹ „ `, and " ' ’ at a word boundary
  kCloseQuote,    // ” » ›, and " ' ’ right after a token
  kOpenBracket,   // ( [ { and other Ps
  kCloseBracket,  // ) ] } and other Pe
};
inline constexpr int kNumTokenKinds = 12;
// "word", "number", ... ("?" for an unknown value).
const char* TokenKindName(uint8_t kind);

// Token::flags bits.
enum TokenFlag : uint8_t {
  kSpaceBefore = 1,      // whitespace precedes the token
  kNewlineBefore = 2,    // that whitespace holds at least one line break
  kParagraphBefore = 4,  // ... at least two (a blank line)
  kAbbreviation = 8,     // ends with a period that belongs to it: U.S. Gen.
  kClitic = 16,          // split off the previous word: 's ’s n't 'll 're
  kCapitalized = 32,     // first character is an upper/titlecase letter
  kCaseless = 64,        // first character is a letter of a caseless script
};

using OffsetMap = std::vector<std::pair<uint32_t, uint32_t>>;

inline constexpr size_t kMaxTextBytes = size_t{1} << 30;  // 1 GiB

// ---------------------------------------------------------------------------
// Normalization.

struct NormalizeInfo {
  size_t repaired = 0;          // invalid UTF-8 sequences replaced by U+FFFD
  size_t first_bad_offset = 0;  // input offset of the first; 0 if none
  size_t controls = 0;          // control characters replaced by a space
};

// Writes the normalized form of UTF-8 `in` to *out (cleared first):
//   * NFC (canonical composition). Compatibility characters, typographic
//     quotes, apostrophes and dashes are kept as they are: “ ” ‘ ’ – — stay,
//     because attribution and tokenization rely on them and folding would
//     lose information; the tokenizer understands both forms.
//   * Each maximal ill-formed subsequence (Unicode 3.9 "best practice", same
//     as ICU and the WHATWG decoder) becomes U+FFFD.
//   * CR LF becomes LF; a lone CR becomes LF.
//   * C0 controls other than TAB and LF (NUL included), DEL and the C1
//     controls U+0080..U+009F each become one ASCII space (kept, not dropped,
//     so that word boundaries they stood for survive).
// *offset_map (may be null) is cleared and receives (out_offset, in_offset)
// anchors at every point where out and in drift; see MapToOriginal. It stays
// empty when every output byte sits at its input offset (pure ASCII, or only
// same-length replacements such as NUL -> space).
// Normalize is idempotent: Normalize(Normalize(x)) == Normalize(x), with an
// empty map the second time. Pure-ASCII stretches are copied with no ICU call.
// Preconditions: in.size() <= kMaxTextBytes; *out does not alias `in`.
NormalizeInfo Normalize(std::string_view in, std::string* out,
                        OffsetMap* offset_map);

// Maps an offset into the normalized text back to the input of Normalize.
// Exact at every character boundary; inside a character whose bytes changed
// it returns a position within that character's original bytes. Monotone.
// An empty map is the identity. O(log anchors).
uint32_t MapToOriginal(const OffsetMap& offset_map, uint32_t out_offset);

// Composes two maps: `first` maps C -> B, `second` maps B -> A; the result
// maps C -> A (exact at character boundaries of C). Used when a later step
// re-normalizes text that already carries a map.
OffsetMap ComposeOffsetMaps(const OffsetMap& first, const OffsetMap& second);

// ---------------------------------------------------------------------------
// Tokenization.

// Appends the tokens of `text` to *tokens; offsets point into `text`. Meant
// for normalized text but safe on any bytes (an ill-formed UTF-8 sequence
// becomes a kSymbol token of its own). Decisions, all tested in
// tests/text/tokenizer_test.cc:
//   * abbreviations keep their period (U.S. Gen. Sept. a.m. etc.); single
//     capital initials keep it before a capitalised name (J. R. R. Tolkien,
//     George W. Bush) and lose it before a sentence starter (Plan B. The);
//     "No." "Art." "Vol." keep it only before a number; capitalised
//     single-period ones that double as words (Sun. Mass. Dec. Inc.) give it
//     up where a sentence plainly ends (end of text, line break, opening
//     quote, sentence starter), so "told The Sun. He" -> Sun . He.
//   * number+unit glued in the source stays one kNumber token (120mm 600m
//     1.13bn 5th 3yr); the numbers stage reads the suffix. Currency signs
//     and % are separate kSymbol tokens: $5 -> $ 5, 76% -> 76 %.
//   * hyphens between letters/digits stay inside: al-Shimali ez-Zor Su-34
//     U.S.-backed 2017-09-08; "--", "–", "—" are kPunct tokens of their own.
//   * clitics split PTB-style: Russia's -> Russia 's, Russia’s -> Russia ’s,
//     don't -> do n't, can't -> ca n't; a trailing apostrophe (states')
//     becomes a kCloseQuote token; O'Brien stays whole.
// Flags: kSpaceBefore/kNewlineBefore/kParagraphBefore describe the whitespace
// right before a token, so within "(U.S.)" only "(" can carry them.
void Tokenize(std::string_view text, std::vector<Token>* tokens);

// Appends the sentences of `text` to *sentences. `tokens` must be the
// complete output of Tokenize(text); sentence token indices refer to it.
// A sentence ends:
//   * before a blank line (kParagraphBefore), always;
//   * after . ! ? ... … (plus any closing quotes/brackets that follow, which
//     stay in the sentence) when the next token can start a sentence:
//     capitalised or caseless word, number, opening quote/bracket, currency;
//   * after an abbreviation that is not a title/"No."-type one (U.S. Inc.
//     Jan.) when the next word is a sentence starter (The, He, But, ...) or
//     an opening quote or on the next line; after a lowercase one (a.m.
//     etc.) before any capitalised word that is not itself an abbreviation;
//   * at a single line break when the line ends without terminal punctuation
//     (a headline or dateline line) and the next line starts a sentence,
//     unless the line ends with a comma, dash, opener or connector word
//     ("the", "of", ...), which is how hard-wrapped text breaks. A hard wrap
//     right before a capitalised name ("the Russian\nDefense") is therefore
//     split: a known limitation;
//   * before a list bullet (- * – — •) that starts a line.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Sentence>* sentences);

// ---------------------------------------------------------------------------
// Pipeline convenience.

// Reusable buffers for ProcessText; one per worker thread.
struct TextScratch {
  std::string text;
  OffsetMap offset_map;
};

// Normalizes doc.text in place, composes the new offset map with any map the
// document already had (so offsets keep pointing at the original body), then
// replaces doc.tokens and doc.sentences. Adds a note to doc.notes when
// invalid UTF-8 was repaired ("invalid UTF-8 repaired at byte N ..."). Fails
// only with kResourceExhausted for a text longer than kMaxTextBytes, leaving
// the document unchanged.
Status ProcessText(Document& doc, TextScratch& scratch);
Status ProcessText(Document& doc);

// ---------------------------------------------------------------------------
// Lexical helpers shared by the tokenizer and the sentence splitter (and
// usable by later stages). Tables live in src/text/abbreviations.inc.

enum class AbbrevKind : uint8_t {
  kNone = 0,
  kTitle,         // precedes a name, never ends a sentence: Gen. Mr. Dr.
  kBeforeNumber,  // an abbreviation only before a number: No. 5, Art. 2
  kInside,        // never ends a sentence: vs. e.g. i.e. cf.
  kGeneral,       // may end a sentence: Inc. Jan. Calif. etc. a.m.
};

// Looks up `word`, which includes its final period ("Gen."), in the
// abbreviation table. Case-sensitive. Dotted acronyms that are not listed
// (U.S., N.Y., a.m.) are recognized by IsDottedAcronym instead.
AbbrevKind LookupAbbreviation(std::string_view word);

// True for two or more single letters each followed by a period: U.S. a.m.
bool IsDottedAcronym(std::string_view word);

// True for capitalised closed-class words that usually start a sentence
// rather than continue a name: The, He, But, However, In, ...
bool IsSentenceStarter(std::string_view word);

// True for lowercase function words ("the", "of", "and", "said") after which
// a line break continues the sentence, as in hard-wrapped text.
bool IsLineContinuationWord(std::string_view word);

// Decodes one UTF-8 sequence at s[pos] (pos < s.size()). Sets *cp to the code
// point, or to kBadCodePoint for an ill-formed sequence, and returns the
// number of bytes consumed: the whole sequence, or the maximal subpart of an
// ill-formed one (at least 1). Surrogates and overlongs are ill-formed.
inline constexpr char32_t kBadCodePoint = 0xFFFFFFFF;
inline size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const size_t avail = s.size() - pos;
  const unsigned b0 = p[0];
  *cp = kBadCodePoint;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if (b0 < 0xC2) return 1;
  if (b0 < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return 1;
    *cp = ((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (b0 < 0xF0) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
    if (avail < 2 || p[1] < lo || p[1] > hi) return 1;
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return 2;
    *cp = ((b0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  if (b0 < 0xF5) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (avail < 2 || p[1] < lo || p[1] > hi) return 1;
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return 2;
    if (avail < 4 || (p[3] & 0xC0) != 0x80) return 3;
    *cp = ((b0 & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) |
          ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return 4;
  }
  return 1;
}

}  // namespace sitrep::text

#endif  // SITREP_TEXT_TEXT_H_
