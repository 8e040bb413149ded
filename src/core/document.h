// The document model shared by every stage.
//
// RawDoc is what a reader produces: the bytes of one input document plus the
// metadata its container carried (JSONL fields, WARC headers). Ingest turns a
// RawDoc into a Document: the normalized UTF-8 body that every later
// annotation points into by [begin, end) byte offsets, with title, publication
// date and provenance.
//
// Ownership: a Document owns its text; annotation layers are flat vectors of
// small structs holding offsets into `text`. Thread-safety: plain values; a
// Document is touched by one worker at a time.
#ifndef SITREP_CORE_DOCUMENT_H_
#define SITREP_CORE_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitrep {

// What the bytes of a RawDoc are.
enum class ContentKind : uint8_t { kText, kHtml };

struct RawDoc {
  std::string id;             // doc_id; may be empty until ingest assigns one
  std::string origin;         // where it came from: "path", "path:line N", ...
  ContentKind kind = ContentKind::kText;
  std::string bytes;          // the document's own bytes (body for JSONL)
  // True when the bytes are a body from a container that carried its own
  // metadata (a JSONL line): no title/furniture detection on them.
  bool from_container = false;
  std::optional<std::string> title;
  std::optional<std::string> published;  // as given; validated by ingest
  std::optional<std::string> url;
  std::optional<std::string> source;
  // Set by a reader that already knows the document is unusable (broken JSON
  // line, truncated archive member). Ingest turns it into status "rejected".
  std::string error;
  // Non-fatal remarks (e.g. "invalid UTF-8 repaired at byte 17").
  std::vector<std::string> notes;
};

enum class DocStatus : uint8_t { kOk, kEmpty, kRejected };

inline const char* DocStatusName(DocStatus s) {
  switch (s) {
    case DocStatus::kOk: return "ok";
    case DocStatus::kEmpty: return "empty";
    case DocStatus::kRejected: return "rejected";
  }
  return "rejected";
}

// Universal POS tags (UD v2), in a fixed order every stage can rely on.
enum Upos : uint8_t {
  kUposAdj, kUposAdp, kUposAdv, kUposAux, kUposCconj, kUposDet, kUposIntj,
  kUposNoun, kUposNum, kUposPart, kUposPron, kUposPropn, kUposPunct,
  kUposSconj, kUposSym, kUposVerb, kUposX,
  kUposCount,
  kUposNone = 0xFF,  // not tagged
};
inline constexpr const char* kUposNames[kUposCount] = {
    "ADJ",   "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART",  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

struct Token {
  uint32_t begin = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  uint8_t kind = 0;    // text::TokenKind
  uint8_t flags = 0;   // text::TokenFlag bits
  uint8_t upos = kUposNone;  // Upos, set by the tag stage
  uint16_t xpos = 0xFFFF;    // PTB tag id of the POS model, 0xFFFF = none
};

// Kinds of named-entity mentions, as written in the output ("person", ...).
enum EntityKind : uint8_t {
  kEntityPerson, kEntityOrganization, kEntityPlace, kEntityNationality,
  kEntityMisc, kEntityKindCount
};
inline constexpr const char* kEntityKindNames[kEntityKindCount] = {
    "person", "organization", "place", "nationality", "misc"};

// A named-entity mention: tokens [first_token, last_token), bytes [begin, end).
struct EntityMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t first_token = 0;
  uint32_t last_token = 0;
  uint8_t kind = kEntityMisc;  // EntityKind
  int32_t place = -1;  // index into Document::places (places stage), or -1
};

// How exact a resolved place is (EVENT-RECORD.md location.precision).
enum PlacePrecision : uint8_t {
  kPrecisionPoint, kPrecisionCity, kPrecisionAdmin2, kPrecisionAdmin1,
  kPrecisionCountry, kPrecisionRegion, kPrecisionUnknown, kPrecisionCount
};
inline constexpr const char* kPlacePrecisionNames[kPrecisionCount] = {
    "point", "city", "admin2", "admin1", "country", "region", "unknown"};

// A place mention's resolution against the gazetteer (geo/resolver.h).
// geonames_id 0 / has_point false: recognized but not resolved.
struct PlaceRef {
  uint32_t geonames_id = 0;
  bool has_point = false;
  double lat = 0;
  double lon = 0;
  std::string name;     // the gazetteer's preferred name
  std::string country;  // ISO 3166-1 alpha-2, "" when unknown
  std::string admin1;   // admin1 name, "" when none
  std::string feature;  // GeoNames "class.code", e.g. "P.PPLA"
  uint8_t precision = kPrecisionUnknown;  // PlacePrecision
  float confidence = 0;  // 0..1
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // [first_token, last_token) into Document::tokens
  uint32_t last_token = 0;
};

struct Document {
  std::string id;
  std::string origin;
  DocStatus status = DocStatus::kOk;
  std::string error;  // one sentence when status is kRejected
  std::vector<std::string> notes;

  std::optional<std::string> title;
  std::optional<std::string> published;  // ISO-8601 date or datetime
  std::optional<std::string> url;
  std::optional<std::string> source;
  std::string language = "en";

  std::string text;  // normalized body (NFC, valid UTF-8)
  // Offset map from `text` back to the body bytes before normalization:
  // pairs (text_offset, original_offset) at every point where the two drift.
  // Empty when normalization changed nothing.
  std::vector<std::pair<uint32_t, uint32_t>> offset_map;

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<EntityMention> entities;
  std::vector<PlaceRef> places;  // resolutions, referenced by entities
  bool tagged = false;  // the tag stage ran (entities is meaningful)
};

}  // namespace sitrep

#endif  // SITREP_CORE_DOCUMENT_H_
