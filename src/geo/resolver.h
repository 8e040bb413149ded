// The places stage: finds the place mentions of a tagged Document and
// resolves each to one gazetteer entry.
//
// Mentions come from NER place and nationality entities, plus capitalized
// spans the tagger left untyped that the gazetteer knows with a strong prior
// (country and admin1 names) or after a locative cue ("in", "near",
// "outskirts of"). Each distinct name in a document gets one reading (one
// sense per discourse), chosen by a linear score over: the candidate's
// class and population, how the name matched (own name, alternate,
// demonym), the document's focus countries, administrative context
// ("Mayadin, Deir ez-Zor province"), admin units and places co-mentioned in
// the document, and distance to the other resolved places. A capital used as
// a government ("Washington said") becomes an organization, not a place.
//
// Results go into Document::places, referenced by EntityMention::place;
// a mention the gazetteer does not know stays a place with no point.
//
// Thread-safety: a PlaceResolver is immutable; each thread owns a
// ResolverScratch. Cost: linear in tokens, one hash probe per name tried.
#ifndef SITREP_GEO_RESOLVER_H_
#define SITREP_GEO_RESOLVER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "geo/gazetteer.h"

namespace sitrep::geo {

struct ResolverOptions {
  // Add gazetteer-only mentions (capitalized spans NER left untyped).
  bool gazetteer_mentions = true;
  // Below this confidence a place keeps its span but no point
  // ("do not invent a village").
  float min_confidence = 0.2f;
};

struct ResolverScratch {
  std::string norm;
  std::string buf;
  struct Mention {
    uint32_t entity;         // index into doc.entities
    uint32_t group;          // index of its distinct name
    bool admin_hint;         // followed by a type word or after "province of"
    uint32_t context_place;  // ", X" right after it resolved to X's candidates
  };
  std::vector<Mention> mentions;
  std::vector<std::string> group_keys;
};

class PlaceResolver {
 public:
  PlaceResolver(const Gazetteer& gazetteer, ResolverOptions options = {})
      : gaz_(gazetteer), options_(options) {}

  // Adds place mentions to doc.entities (kept in text order) and fills
  // doc.places. Needs doc.tokens (with UPOS) and NER entities.
  void Resolve(Document& doc, ResolverScratch& scratch) const;

  const Gazetteer& gazetteer() const { return gaz_; }

 private:
  const Gazetteer& gaz_;
  ResolverOptions options_;
};

// Great-circle distance in km.
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_RESOLVER_H_
