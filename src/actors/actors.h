// The actors stage: who acts in a document, coded the way event data codes
// actors (country + sector, CAMEO-style codes such as RUSMIL, IMGMUSISI).
//
// Dictionaries: `sitrep build actors` compiles the PETRARCH-2 Phoenix actor
// and agent dictionaries, the country names and demonyms of world-countries
// and the project's sourced tables (data/actors/*.tsv) into models/actors.bin
// (core/artifact.h, kind "actors", kActorsFormat). Phrases are keyed by a
// hash over their normalized tokens; every proper prefix of a phrase is in
// the table too, so a longest-match scan stops as soon as a prefix is
// unknown. Codes may carry a validity range (PETRARCH `[USAGOV >20090120]`);
// a document's date picks the code that applies.
//
// Matching (FindActors) then combines what the field combines: a country or
// nationality followed by agents ("Russian warplanes" → RUS + MIL), a named
// group followed by agents ("IS terrorists" → the group), and an agent
// followed by "in/of/from <place>" (police in Lagos → NGA police).
//
// Thread-safety: Actors is immutable after Load; FindActors is safe to call
// concurrently. Cost: Load maps and checksums the file; FindActors is linear
// in tokens times the longest phrase (bounded by prefix misses in practice).
#ifndef SITREP_ACTORS_ACTORS_H_
#define SITREP_ACTORS_ACTORS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/artifact.h"
#include "core/document.h"
#include "core/status.h"

namespace sitrep::actors {

inline constexpr uint32_t kActorsFormat = 1;
inline constexpr const char* kActorsRebuild = "sitrep build actors";

// EVENT-RECORD.md actor sectors. Stored as uint8_t.
enum Sector : uint8_t {
  kSectorNone,  // a bare country / state: written as null
  kSectorGovernment,
  kSectorMilitary,
  kSectorPolice,
  kSectorInsurgent,
  kSectorRebel,
  kSectorMilitia,
  kSectorTerrorist,
  kSectorCivilian,
  kSectorPoliticalParty,
  kSectorNgo,
  kSectorIgo,
  kSectorMedia,
  kSectorBusiness,
  kSectorReligious,
  kSectorJudiciary,
  kSectorUnknown,
  kSectorCount
};
inline constexpr const char* kSectorNames[kSectorCount] = {
    "",          "government", "military",  "police",   "insurgent",
    "rebel",     "militia",    "terrorist", "civilian", "political_party",
    "ngo",       "igo",        "media",     "business", "religious",
    "judiciary", "unknown"};
// The sector named `name` ("military"), or kSectorCount when unknown.
Sector SectorFromName(std::string_view name);

// What a dictionary phrase denotes.
enum EntryKind : uint8_t {
  kKindCountry,  // a country's name or demonym ("Russia", "Russian")
  kKindActor,    // a named actor with its own code ("Islamic State")
  kKindAgent,    // a role noun combined with a country ("warplanes" ~MIL)
};

// One code a phrase may have, at build time.
struct ActorEntry {
  std::string phrase;  // words separated by spaces or underscores
  EntryKind kind = kKindActor;
  std::string code;     // "RUSGOV", "IMGMUSISI"; agents: "MIL", "GOVMIL"
  std::string name;     // display name ("Islamic State"); agents: ""
  std::string country;  // ISO3 / CAMEO country, "" when none
  Sector sector = kSectorNone;
  int32_t from = 0;       // YYYYMMDD, inclusive
  int32_t to = 99999999;  // YYYYMMDD, inclusive
  uint8_t priority = 0;   // a phrase keeps only its highest-priority codes
};

// Collects entries from the sources and serializes the artifact.
class ActorTableBuilder {
 public:
  void Add(ActorEntry e) { entries_.push_back(std::move(e)); }

  // PETRARCH actor dictionary text (dictionaries.rst "Actor Dictionary").
  // `file` names the input in errors ("file:line: what"). A malformed code
  // line is an error; with `skipped` non-null it is recorded there (as the
  // error message) and the line ignored instead — the shipped Phoenix files
  // hold a few typos such as "[ARMUNR 9008223-911221]".
  Status AddPetrarchActors(std::string_view text, std::string_view file,
                           uint8_t priority,
                           std::vector<std::string>* skipped = nullptr);
  // PETRARCH agents dictionary text (substitution sets, plurals, ~codes);
  // errors and `skipped` as for AddPetrarchActors.
  Status AddPetrarchAgents(std::string_view text, std::string_view file,
                           uint8_t priority,
                           std::vector<std::string>* skipped = nullptr);
  // data/actors/*.tsv: "aliases<TAB>kind<TAB>code<TAB>country<TAB>sector
  // <TAB>name<TAB>source", aliases separated by '|', '#' comments.
  Status AddTable(std::string_view text, std::string_view file,
                  uint8_t priority);
  // ISO2 → ISO3 and ISO3 → country name (written into the artifact).
  void AddCountry(std::string_view iso2, std::string_view iso3,
                  std::string_view name);

  size_t size() const { return entries_.size(); }

  // The artifact image (deterministic).
  Result<std::string> Serialize(const ArtifactProvenance& provenance) const;
  Status WriteFile(const std::string& path,
                   const ArtifactProvenance& provenance) const;

 private:
  Status Fill(ArtifactWriter* w, const ArtifactProvenance& provenance) const;

  std::vector<ActorEntry> entries_;
  std::vector<std::string> countries_;  // "AB\tABC\tName"
};

// One actor mention in a document.
struct ActorMention {
  uint32_t begin = 0;  // byte span into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // [first_token, last_token)
  uint32_t last_token = 0;
  std::string text;
  std::string name;     // "" → null
  std::string country;  // ISO3, "" → null
  Sector sector = kSectorNone;
  std::string cameo;  // "" → null
};

class Actors {
 public:
  // Opens and validates the artifact; errors name the file and say
  // "run `sitrep build actors`".
  static Result<std::unique_ptr<Actors>> Load(const std::string& path);

  // ISO3 for an ISO2 code ("NG" → "NGA"), "" when unknown.
  std::string_view Iso3(std::string_view iso2) const;
  // Country name for an ISO3 code, "" when unknown.
  std::string_view CountryName(std::string_view iso3) const;
  const ArtifactProvenance& provenance() const;
  size_t phrase_count() const;
  int max_phrase_words() const;

  ~Actors();

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  Actors();
  std::unique_ptr<Impl> impl_;
};

// The actors of a tokenized document (places used when doc.places is
// filled), in text order, non-overlapping. `doc_date` "YYYY-MM-DD" (or
// longer ISO-8601; "" = unknown) selects date-restricted codes.
std::vector<ActorMention> FindActors(const Document& doc, const Actors& dict,
                                     std::string_view doc_date);

struct ActorsBuildOptions {
  std::string dict_dir = "../shared/data/coder/petrarch2/dictionaries";
  std::string countries = "../shared/data/geo/names/world-countries.json";
  std::string tables_dir = "data/actors";
  std::string output = "models/actors.bin";
  std::string command = "sitrep build actors";
};

// Builds models/actors.bin deterministically; appends counts to *report.
Status BuildActors(const ActorsBuildOptions& options, std::string* report);

}  // namespace sitrep::actors

#endif  // SITREP_ACTORS_ACTORS_H_
