// `sitrep build gazetteer`: GeoNames + world-countries + nationality tables +
// OurAirports + data/geo/*.tsv → models/gazetteer.bin (format in
// gazetteer_format.h). Deterministic: every input is walked in a fixed order
// and every list is sorted with a total order before it is written.
#include "geo/gazetteer_build.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <numbers>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "core/artifact.h"
#include "core/strings.h"
#include "geo/gazetteer_format.h"
#include "geo/place_names.h"
#include "ingest/ingest.h"

namespace sitrep::geo {
namespace {

// Longer names are not indexed (the longest country name, "united kingdom
// of great britain and northern ireland", has 8 words; beyond that GeoNames
// has ceremonial names and machine romanizations), which bounds the n-gram
// length a resolver has to try.
constexpr long kMaxNameWords = 8;

// Prior tiers: a lower tier comes first in every candidate list.
enum Tier : int {
  kTierCountry,
  kTierContinent,
  kTierRegion,
  kTierAdmin1,
  kTierCity,
  kTierAdmin1NoType,  // an admin1 unit matched only without its type word
  kTierAdmin2,
  kTierAirport,
};

struct Place {
  PlaceRecord rec{};
  std::string name;
  int tier = 0;
  int capital_rank = 2;  // cities: 0 PPLC, 1 PPLA, 2 other
};

struct NameRef {
  uint32_t place;
  uint8_t match;
};

// One CSV record per line (OurAirports has no embedded newlines); quoted
// fields may hold commas and doubled quotes.
std::vector<std::string> SplitCsv(std::string_view line) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  out.push_back(std::move(field));
  return out;
}

bool ParseDouble(std::string_view s, double* v) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

uint32_t ParseU32(std::string_view s) {
  uint64_t v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc()) return 0;
  return v > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<uint32_t>(v);
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return DataLoss("read error in " + path);
  return std::move(ss).str();
}

void SetCode(char (&dst)[5], std::string_view code) {
  std::memset(dst, 0, sizeof dst);
  std::memcpy(dst, code.data(), std::min(code.size(), sizeof dst));
}

// True when an alternate name is usable: Latin script (checked by the
// normalizer), ASCII part only letters, spaces and ' - . , no digits.
bool CleanAlternate(std::string_view raw) {
  for (unsigned char c : raw) {
    if (c >= 0x80) continue;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' ||
                    c == '\'' || c == '-' || c == '.' || c == '`';
    if (!ok) return false;
  }
  return true;
}

// An all-capitals single token of at most four letters ("DEZ", "ALV"):
// airport and ISO codes among GeoNames alternate names.
bool IsShortCode(std::string_view raw) {
  if (raw.size() > 4) return false;
  for (char c : raw) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// GeoNames carries machine romanizations of names in other scripts as
// lower-case alternates ("an dao er cheng", "andolalabeya", "sheng re wei lai
// si te ..."); real spellings have a capital in some word.
bool HasCapitalWord(std::string_view raw) {
  bool word_start = true;
  for (unsigned char c : raw) {
    if (word_start && ((c >= 'A' && c <= 'Z') || c >= 0x80)) return true;
    word_start = c == ' ' || c == '-';
  }
  return false;
}

class Builder {
 public:
  explicit Builder(const GazetteerBuildOptions& o) : opt_(o) {}

  Status Run(std::string* report);

 private:
  Result<std::string> Input(const std::string& path) {
    ASSIGN_OR_RETURN(std::string hash, HashFileHex(path));
    inputs_.emplace_back(path, hash);
    return ReadFile(path);
  }

  uint32_t AddPlace(Place p) {
    places_.push_back(std::move(p));
    return static_cast<uint32_t>(places_.size() - 1);
  }

  // Indexes `raw` (any spelling) for place `idx`.
  void AddName(std::string_view raw, uint32_t idx, uint8_t match) {
    NormalizePlaceName(raw, scratch_);
    AddKey(scratch_, idx, match);
  }
  void AddKey(const std::string& key, uint32_t idx, uint8_t match) {
    if (key.empty()) return;
    if (std::count(key.begin(), key.end(), ' ') >= kMaxNameWords) {
      ++too_long_;
      return;
    }
    std::vector<NameRef>& list = names_[key];
    for (NameRef& r : list) {
      if (r.place == idx) {
        r.match |= match;
        return;
      }
    }
    list.push_back({idx, match});
  }
  // A demonym and, for the regular -n/-i ones, its plural ("Syrians",
  // "Iraqis", "Afghans"), both kMatchDemonym.
  void AddDemonymKey(const std::string& key, uint32_t idx) {
    AddKey(key, idx, kMatchDemonym);
    if (key.size() >= 4 && (key.back() == 'n' || key.back() == 'i')) {
      AddKey(key + "s", idx, kMatchDemonym);
    }
  }
  void AddDemonym(std::string_view raw, uint32_t idx) {
    NormalizePlaceName(raw, scratch_);
    AddDemonymKey(scratch_, idx);
  }
  // Admin names: also without their type word (kMatchNoType).
  void AddAdminName(std::string_view raw, uint32_t idx) {
    NormalizePlaceName(raw, scratch_);
    if (scratch_.empty()) return;
    AddKey(scratch_, idx, kMatchPrimary);
    const std::string_view stripped = StripAdminType(scratch_);
    if (!stripped.empty()) AddKey(std::string(stripped), idx, kMatchNoType);
  }

  Status ReadCountries();
  Status ReadCountryNames();
  Status ReadContinents();
  Status ReadCities();
  Status ReadAdmins();
  Status ReadSubdivisionCodes();
  Status ReadAirports();
  Status ReadAliases(const std::string& file);
  Status Write(std::string* report);

  const GazetteerBuildOptions& opt_;
  std::vector<std::pair<std::string, std::string>> inputs_;
  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<NameRef>> names_;
  std::string scratch_;

  std::map<std::string, uint32_t> country_by_iso2_;
  std::map<std::string, std::string> iso2_by_iso3_;
  std::map<std::string, uint32_t> admin1_by_code_;  // "US.TX" → place
  std::map<std::string, uint32_t> airport_by_ident_;

  struct City {
    uint32_t gid = 0;
    std::string name, ascii, cc, admin1, admin2, fclass, fcode;
    std::vector<std::string> alternates;
    double lat = 0, lon = 0;
    uint32_t population = 0;
  };
  std::vector<City> cities_;  // sorted by geonames id
  std::vector<uint32_t> city_place_;  // parallel to cities_

  std::string counts_;
  size_t too_long_ = 0;
  // Alternate names of cities below this population are not indexed (the
  // size valve of the artifact; 0 = all).
  uint32_t min_alt_population_ = 0;
};

Status Builder::ReadCountries() {
  const std::string path = opt_.geo_dir + "/geonames/countryInfo.tsv";
  ASSIGN_OR_RETURN(const std::string text, Input(path));
  std::vector<Place> rows;
  ForEachLine(text, [&](std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    const auto c = SplitFields(line, '\t');
    if (c.size() < 17 || c[0].size() != 2) return;
    Place p;
    p.tier = kTierCountry;
    p.name = std::string(c[4]);
    p.rec.geonames_id = ParseU32(c[16]);
    p.rec.population = ParseU32(c[7]);
    p.rec.place_class = kPlaceCountry;
    p.rec.country[0] = c[0][0];
    p.rec.country[1] = c[0][1];
    p.rec.feature_class = 'A';
    SetCode(p.rec.feature_code, "PCLI");
    p.rec.lat = NAN;
    p.rec.lon = NAN;
    p.rec.admin1 = kNoPlace;
    iso2_by_iso3_[std::string(c[1])] = std::string(c[0]);
    rows.push_back(std::move(p));
  });
  if (rows.empty()) return DataLoss(path + ": no country rows");
  std::sort(rows.begin(), rows.end(), [](const Place& a, const Place& b) {
    return std::memcmp(a.rec.country, b.rec.country, 2) < 0;
  });
  for (Place& p : rows) {
    const std::string iso2(p.rec.country, 2);
    const std::string name = p.name;
    const uint32_t idx = AddPlace(std::move(p));
    places_[idx].rec.country_index = idx;
    country_by_iso2_[iso2] = idx;
    AddName(name, idx, kMatchPrimary);
  }
  counts_ += "countries " + std::to_string(rows.size()) + "\n";
  return Status::Ok();
}

Status Builder::ReadCountryNames() {
  simdjson::dom::parser parser;
  size_t n_demonyms = 0, n_abbrev = 0;
  {
    const std::string path = opt_.geo_dir + "/names/world-countries.json";
    ASSIGN_OR_RETURN(const std::string text, Input(path));
    simdjson::dom::array root;
    if (parser.parse(text).get(root) != simdjson::SUCCESS) {
      return DataLoss(path + ": not a JSON array");
    }
    for (simdjson::dom::element c : root) {
      std::string_view cca2, s;
      if (c["cca2"].get(cca2) != simdjson::SUCCESS) continue;
      const auto it = country_by_iso2_.find(std::string(cca2));
      if (it == country_by_iso2_.end()) continue;
      const uint32_t idx = it->second;
      simdjson::dom::array latlng;
      if (c["latlng"].get(latlng) == simdjson::SUCCESS && latlng.size() == 2) {
        double lat, lon;
        if (latlng.at(0).get(lat) == simdjson::SUCCESS && latlng.at(1).get(lon) == simdjson::SUCCESS) {
          places_[idx].rec.lat = static_cast<float>(lat);
          places_[idx].rec.lon = static_cast<float>(lon);
        }
      }
      if (c["name"]["common"].get(s) == simdjson::SUCCESS) AddName(s, idx, kMatchPrimary);
      if (c["name"]["official"].get(s) == simdjson::SUCCESS) AddName(s, idx, kMatchAlternate);
      simdjson::dom::array alts;
      if (c["altSpellings"].get(alts) == simdjson::SUCCESS) {
        for (simdjson::dom::element a : alts) {
          if (a.get(s) != simdjson::SUCCESS || s == cca2) continue;
          // "UK", "UAE", "DRC", "USA", "DPRK": capitals (and periods) only.
          bool abbrev = s.size() <= 6;
          int letters = 0;
          for (char ch : s) {
            if (ch >= 'A' && ch <= 'Z') {
              ++letters;
            } else if (ch != '.') {
              abbrev = false;
            }
          }
          abbrev = abbrev && letters >= 2 && letters <= 5;
          // Two-letter spellings other than a country's own code ("UK")
          // only; the ISO codes themselves collide with words ("IT", "IN").
          if (abbrev && letters == 2 && country_by_iso2_.count(std::string(s))) continue;
          AddName(s, idx, abbrev ? kMatchAbbrev : kMatchAlternate);
          n_abbrev += abbrev;
        }
      }
      for (const char* g : {"m", "f"}) {
        if (c["demonyms"]["eng"][g].get(s) == simdjson::SUCCESS) {
          AddDemonym(s, idx);
          ++n_demonyms;
        }
      }
    }
  }
  // A demonym table row that is really a place name ("Bermuda", "Cayman
  // Islands") is not indexed as a demonym.
  auto add_demonym = [&](std::string_view raw, uint32_t idx) {
    if (raw.find('(') != std::string_view::npos) return;
    NormalizePlaceName(raw, scratch_);
    if (scratch_.empty()) return;
    const auto it = names_.find(scratch_);
    if (it != names_.end()) {
      for (const NameRef& r : it->second) {
        if (r.place == idx && (r.match & (kMatchPrimary | kMatchAlternate))) return;
      }
    }
    AddDemonymKey(scratch_, idx);
    ++n_demonyms;
  };
  {
    const std::string path = opt_.geo_dir + "/names/i18n-nationality-en.json";
    ASSIGN_OR_RETURN(const std::string text, Input(path));
    simdjson::dom::element root;
    simdjson::dom::object nats;
    if (parser.parse(text).get(root) != simdjson::SUCCESS ||
        root["nationalities"].get(nats) != simdjson::SUCCESS) {
      return DataLoss(path + ": no \"nationalities\" object");
    }
    // Sorted by code: object order is the file's, but be explicit.
    std::vector<std::pair<std::string, std::string>> rows;
    for (auto field : nats) {
      std::string_view s;
      if (field.value.get(s) == simdjson::SUCCESS) rows.emplace_back(std::string(field.key), std::string(s));
    }
    std::sort(rows.begin(), rows.end());
    for (const auto& [code, nat] : rows) {
      const auto it = country_by_iso2_.find(code);
      if (it != country_by_iso2_.end()) add_demonym(nat, it->second);
    }
  }
  {
    const std::string path = opt_.geo_dir + "/names/nat_df.csv";
    ASSIGN_OR_RETURN(const std::string text, Input(path));
    bool header = true;
    ForEachLine(text, [&](std::string_view line) {
      if (header) {
        header = false;
        return;
      }
      const auto c = SplitCsv(line);
      if (c.size() < 2) return;
      const auto iso2 = iso2_by_iso3_.find(c[1]);
      if (iso2 == iso2_by_iso3_.end()) return;
      add_demonym(c[0], country_by_iso2_.at(iso2->second));
    });
  }
  counts_ += "country demonyms " + std::to_string(n_demonyms) + ", abbreviations " +
             std::to_string(n_abbrev) + "\n";
  return Status::Ok();
}

Status Builder::ReadContinents() {
  const std::string path = opt_.tables_dir + "/continents.tsv";
  ASSIGN_OR_RETURN(const std::string text, Input(path));
  size_t n = 0;
  Status st;
  ForEachLine(text, [&](std::string_view line) {
    if (line.empty() || line[0] == '#' || !st.ok()) return;
    // geonameid  name  lat  lon  adjectives  source
    const auto c = SplitFields(line, '\t');
    double lat, lon;
    if (c.size() < 6 || !ParseDouble(c[2], &lat) || !ParseDouble(c[3], &lon)) {
      st = DataLoss(path + ": malformed row '" + std::string(line) + "'");
      return;
    }
    Place p;
    p.tier = kTierContinent;
    p.name = std::string(c[1]);
    p.rec.geonames_id = ParseU32(c[0]);
    p.rec.lat = static_cast<float>(lat);
    p.rec.lon = static_cast<float>(lon);
    p.rec.place_class = kPlaceContinent;
    p.rec.feature_class = 'L';
    SetCode(p.rec.feature_code, "CONT");
    p.rec.admin1 = kNoPlace;
    p.rec.country_index = kNoPlace;
    const uint32_t idx = AddPlace(std::move(p));
    AddName(c[1], idx, kMatchPrimary);
    for (std::string_view adj : SplitFields(c[4], ',')) {
      if (!adj.empty()) AddDemonym(adj, idx);
    }
    ++n;
  });
  RETURN_IF_ERROR(st);
  counts_ += "continents " + std::to_string(n) + "\n";
  return Status::Ok();
}

Status Builder::ReadCities() {
  std::unordered_map<uint32_t, City> by_id;
  auto parse = [&](std::string_view text, bool fresh) {
    ForEachLine(text, [&](std::string_view line) {
      const auto c = SplitFields(line, '\t');
      if (c.size() < 19 || c[6] != "P") return;
      const uint32_t gid = ParseU32(c[0]);
      double lat, lon;
      if (gid == 0 || !ParseDouble(c[4], &lat) || !ParseDouble(c[5], &lon)) return;
      City& city = by_id[gid];
      const bool had = city.gid != 0;
      if (had && !fresh) return;
      city.gid = gid;
      city.name = std::string(c[1]);
      city.ascii = std::string(c[2]);
      city.lat = lat;
      city.lon = lon;
      city.fclass = std::string(c[6]);
      city.fcode = std::string(c[7]);
      city.cc = std::string(c[8]);
      city.admin1 = std::string(c[10]);
      city.admin2 = std::string(c[11]);
      city.population = ParseU32(c[14]);
      // Alternate names: union of both snapshots.
      for (std::string_view a : SplitFields(c[3], ',')) {
        if (!a.empty()) city.alternates.emplace_back(a);
      }
    });
  };
  {
    const std::string path = opt_.geo_dir + "/geonames/cities500.txt.gz";
    ASSIGN_OR_RETURN(const std::string gz, Input(path));
    std::string text;
    RETURN_IF_ERROR(ingest::Decompress(gz, ingest::Compression::kGzip, &text));
    parse(text, false);
  }
  {
    const std::string path = opt_.geo_dir + "/geonames/cities15000.txt";
    ASSIGN_OR_RETURN(const std::string text, Input(path));
    parse(text, true);
  }
  cities_.reserve(by_id.size());
  for (auto& [gid, city] : by_id) cities_.push_back(std::move(city));
  std::sort(cities_.begin(), cities_.end(),
            [](const City& a, const City& b) { return a.gid < b.gid; });
  for (City& c : cities_) {
    std::sort(c.alternates.begin(), c.alternates.end());
    c.alternates.erase(std::unique(c.alternates.begin(), c.alternates.end()), c.alternates.end());
  }
  counts_ += "cities " + std::to_string(cities_.size()) + "\n";
  return Status::Ok();
}

Status Builder::ReadAdmins() {
  // Point of each admin unit: the midpoint of its cities' bounding box (the
  // mean of the cities when the box crosses the antimeridian). On TR-News'
  // admin1 units the box midpoint lies within 161 km of GeoNames' own point
  // for 58 of 67 against 54 for the mean, which sits where towns crowd
  // (Queensland's coast). Population: the sum over its cities500 places, a
  // floor that ranks a big unit above a village of the same name.
  struct Acc {
    double lat = 0, lon = 0;
    double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
    uint64_t population = 0;
    uint32_t n = 0;
    void Add(const City& c) {
      lat += c.lat, lon += c.lon, ++n;
      min_lat = std::min(min_lat, c.lat), max_lat = std::max(max_lat, c.lat);
      min_lon = std::min(min_lon, c.lon), max_lon = std::max(max_lon, c.lon);
      population += c.population;
    }
    double PointLat() const { return max_lon - min_lon > 180 ? lat / n : (min_lat + max_lat) / 2; }
    double PointLon() const { return max_lon - min_lon > 180 ? lon / n : (min_lon + max_lon) / 2; }
  };
  std::unordered_map<std::string, Acc> acc1, acc2;
  for (const City& c : cities_) {
    if (c.admin1.empty()) continue;
    acc1[c.cc + "." + c.admin1].Add(c);
    if (c.admin2.empty()) continue;
    acc2[c.cc + "." + c.admin1 + "." + c.admin2].Add(c);
  }
  struct Row {
    std::string code;
    std::string name, ascii;
    uint32_t gid;
  };
  auto read = [&](const std::string& path, std::vector<Row>* rows) -> Status {
    ASSIGN_OR_RETURN(const std::string text, Input(path));
    ForEachLine(text, [&](std::string_view line) {
      const auto c = SplitFields(line, '\t');
      if (c.size() < 4) return;
      rows->push_back({std::string(c[0]), std::string(c[1]), std::string(c[2]), ParseU32(c[3])});
    });
    std::sort(rows->begin(), rows->end(), [](const Row& a, const Row& b) { return a.code < b.code; });
    return Status::Ok();
  };
  auto make = [&](const Row& r, const Acc& a, PlaceClass cls, const char* code, int tier) {
    Place p;
    p.tier = tier;
    p.name = r.name;
    p.rec.geonames_id = r.gid;
    p.rec.lat = static_cast<float>(a.PointLat());
    p.rec.lon = static_cast<float>(a.PointLon());
    p.rec.population = static_cast<uint32_t>(std::min<uint64_t>(a.population, UINT32_MAX));
    p.rec.place_class = cls;
    p.rec.feature_class = 'A';
    SetCode(p.rec.feature_code, code);
    p.rec.admin1 = kNoPlace;
    p.rec.country_index = kNoPlace;
    const auto cc = country_by_iso2_.find(r.code.substr(0, 2));
    if (cc != country_by_iso2_.end()) {
      p.rec.country_index = cc->second;
      p.rec.country[0] = r.code[0];
      p.rec.country[1] = r.code[1];
    }
    return p;
  };
  size_t kept1 = 0, skipped1 = 0, kept2 = 0, skipped2 = 0;
  {
    std::vector<Row> rows;
    RETURN_IF_ERROR(read(opt_.geo_dir + "/geonames/admin1CodesASCII.txt", &rows));
    for (const Row& r : rows) {
      const auto a = acc1.find(r.code);
      if (a == acc1.end()) {
        ++skipped1;
        continue;
      }
      const uint32_t idx = AddPlace(make(r, a->second, kPlaceAdmin1, "ADM1", kTierAdmin1));
      admin1_by_code_[r.code] = idx;
      AddAdminName(r.name, idx);
      AddAdminName(r.ascii, idx);
      ++kept1;
    }
  }
  {
    std::vector<Row> rows;
    RETURN_IF_ERROR(read(opt_.geo_dir + "/geonames/admin2Codes.txt", &rows));
    for (const Row& r : rows) {
      const auto a = acc2.find(r.code);
      if (a == acc2.end()) {
        ++skipped2;
        continue;
      }
      Place p = make(r, a->second, kPlaceAdmin2, "ADM2", kTierAdmin2);
      const size_t dot = r.code.rfind('.');
      const auto a1 = admin1_by_code_.find(r.code.substr(0, dot));
      if (a1 != admin1_by_code_.end()) p.rec.admin1 = a1->second;
      const uint32_t idx = AddPlace(std::move(p));
      AddAdminName(r.name, idx);
      AddAdminName(r.ascii, idx);
      ++kept2;
    }
  }
  counts_ += "admin1 " + std::to_string(kept1) + " (" + std::to_string(skipped1) +
             " without cities skipped), admin2 " + std::to_string(kept2) + " (" +
             std::to_string(skipped2) + " skipped)\n";

  // Cities, linked to their country and admin1.
  size_t n_alt = 0;
  city_place_.resize(cities_.size());
  for (size_t i = 0; i < cities_.size(); ++i) {
    const City& c = cities_[i];
    Place p;
    p.tier = kTierCity;
    p.name = c.name;
    p.capital_rank = c.fcode == "PPLC" ? 0 : c.fcode == "PPLA" ? 1 : 2;
    p.rec.geonames_id = c.gid;
    p.rec.lat = static_cast<float>(c.lat);
    p.rec.lon = static_cast<float>(c.lon);
    p.rec.population = c.population;
    p.rec.place_class = kPlaceCity;
    p.rec.feature_class = 'P';
    SetCode(p.rec.feature_code, c.fcode);
    p.rec.admin1 = kNoPlace;
    p.rec.country_index = kNoPlace;
    if (c.cc.size() == 2) {
      p.rec.country[0] = c.cc[0];
      p.rec.country[1] = c.cc[1];
      const auto cc = country_by_iso2_.find(c.cc);
      if (cc != country_by_iso2_.end()) p.rec.country_index = cc->second;
      const auto a1 = admin1_by_code_.find(c.cc + "." + c.admin1);
      if (a1 != admin1_by_code_.end()) p.rec.admin1 = a1->second;
    }
    const uint32_t idx = AddPlace(std::move(p));
    city_place_[i] = idx;
    AddName(c.name, idx, kMatchPrimary);
    AddName(c.ascii, idx, kMatchPrimary);
    if (c.population < min_alt_population_) continue;
    for (const std::string& a : c.alternates) {
      if (!CleanAlternate(a) || IsShortCode(a) || !HasCapitalWord(a)) continue;
      NormalizePlaceName(a, scratch_);
      if (scratch_.size() < 3) continue;
      AddKey(scratch_, idx, kMatchAlternate);
      ++n_alt;
    }
  }
  counts_ += "city alternate names " + std::to_string(n_alt) + "\n";
  return Status::Ok();
}

// ISO 3166-2 subdivision codes (Debian iso-codes) of the countries whose
// news write them after a place name ("Louisville, Ky.", "Vancouver, B.C.",
// "Sydney, NSW"), indexed as abbreviations (kMatchAbbrev) of the GeoNames
// admin1 unit with the same name. Codes that are also common words or
// articles are left out ("IN", "OR", "ME", "AL", "LA", ...).
Status Builder::ReadSubdivisionCodes() {
  static constexpr std::string_view kCountries[] = {"US", "CA", "AU"};
  static constexpr std::string_view kSkip[] = {"AL", "AS", "CO", "DE", "GA", "HI", "ID", "IN",
                                               "LA", "MA", "ME", "MO", "NE", "OH", "OK", "ON",
                                               "OR", "PA", "SA", "WA"};
  const std::string path = opt_.geo_dir + "/names/iso_3166-2.json";
  ASSIGN_OR_RETURN(const std::string text, Input(path));
  simdjson::dom::parser parser;
  simdjson::dom::array rows;
  if (parser.parse(text)["3166-2"].get(rows) != simdjson::SUCCESS) {
    return DataLoss(path + ": no \"3166-2\" array");
  }
  // Normalized admin1 name (also without its type word) → place, per country.
  std::map<std::string, uint32_t> by_name;
  for (const auto& [code, idx] : admin1_by_code_) {
    const std::string cc = code.substr(0, 2);
    if (std::find(std::begin(kCountries), std::end(kCountries), cc) == std::end(kCountries)) continue;
    const std::string n = NormalizePlaceName(places_[idx].name);
    by_name.emplace(cc + ":" + n, idx);
    const std::string_view bare = StripAdminType(n);
    if (!bare.empty()) by_name.emplace(cc + ":" + std::string(bare), idx);
  }
  size_t n = 0;
  for (simdjson::dom::element r : rows) {
    std::string_view code, name;
    if (r["code"].get(code) != simdjson::SUCCESS || r["name"].get(name) != simdjson::SUCCESS ||
        code.size() < 4 || code[2] != '-') {
      continue;
    }
    const std::string cc(code.substr(0, 2));
    const std::string_view sub = code.substr(3);
    if (std::find(std::begin(kCountries), std::end(kCountries), cc) == std::end(kCountries) ||
        std::find(std::begin(kSkip), std::end(kSkip), sub) != std::end(kSkip)) {
      continue;
    }
    const auto it = by_name.find(cc + ":" + NormalizePlaceName(name));
    if (it == by_name.end()) continue;
    AddName(sub, it->second, kMatchAbbrev);
    ++n;
  }
  counts_ += "subdivision codes (US, CA, AU) " + std::to_string(n) + "\n";
  return Status::Ok();
}

bool IsAirBaseName(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("air base") != std::string::npos || lower.find("airbase") != std::string::npos ||
         lower.find("air force base") != std::string::npos ||
         lower.find("military") != std::string::npos;
}

// "X Air Base" / "X Airbase" / "X Air Force Base" → "X", else "".
std::string AirBaseStem(std::string_view name) {
  for (std::string_view suffix : {" Air Force Base", " Air Base", " Airbase", " air base", " airbase"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return std::string(name.substr(0, name.size() - suffix.size()));
    }
  }
  return {};
}

Status Builder::ReadAirports() {
  std::map<std::string, bool> military_hint;
  {
    const std::string path = opt_.geo_dir + "/airports/airports_conflict_countries.csv";
    ASSIGN_OR_RETURN(const std::string text, Input(path));
    std::vector<std::string> header;
    ForEachLine(text, [&](std::string_view line) {
      auto c = SplitCsv(line);
      if (header.empty()) {
        header = std::move(c);
        return;
      }
      if (c.size() == header.size() && c.back() == "1") military_hint[c[0]] = true;
    });
    if (header.empty() || header[0] != "ident" || header.back() != "military_hint") {
      return DataLoss(path + ": unexpected header (want ident,...,military_hint)");
    }
  }
  const std::string path = opt_.geo_dir + "/airports/airports_full.csv";
  ASSIGN_OR_RETURN(const std::string text, Input(path));
  std::vector<std::string> header;
  int col_ident = -1, col_type = -1, col_name = -1, col_lat = -1, col_lon = -1, col_cc = -1;
  struct Row {
    std::string ident, name, cc;
    double lat, lon;
    bool base;
  };
  std::vector<Row> rows;
  ForEachLine(text, [&](std::string_view line) {
    auto c = SplitCsv(line);
    if (header.empty()) {
      header = std::move(c);
      for (size_t i = 0; i < header.size(); ++i) {
        const std::string& h = header[i];
        const int k = static_cast<int>(i);
        if (h == "ident") col_ident = k;
        if (h == "type") col_type = k;
        if (h == "name") col_name = k;
        if (h == "latitude_deg") col_lat = k;
        if (h == "longitude_deg") col_lon = k;
        if (h == "iso_country") col_cc = k;
      }
      return;
    }
    if (col_cc < 0 || c.size() != header.size()) return;
    const std::string& type = c[static_cast<size_t>(col_type)];
    const std::string& name = c[static_cast<size_t>(col_name)];
    const std::string& ident = c[static_cast<size_t>(col_ident)];
    const bool base = IsAirBaseName(name);
    const bool keep = type == "large_airport" || type == "medium_airport" || base ||
                      (military_hint.count(ident) && type != "closed");
    if (!keep) return;
    double lat, lon;
    if (!ParseDouble(c[static_cast<size_t>(col_lat)], &lat) ||
        !ParseDouble(c[static_cast<size_t>(col_lon)], &lon)) {
      return;
    }
    rows.push_back({ident, name, c[static_cast<size_t>(col_cc)], lat, lon,
                    base || military_hint.count(ident) > 0});
  });
  if (col_cc < 0) return DataLoss(path + ": header lacks ident/type/name/latitude_deg/longitude_deg/iso_country");
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ident < b.ident; });

  // admin1 of an airport: that of the nearest city of its country within
  // 50 km (OurAirports regions are ISO 3166-2, not GeoNames codes).
  std::map<std::string, std::vector<uint32_t>> cities_by_cc;
  for (size_t i = 0; i < cities_.size(); ++i) {
    cities_by_cc[cities_[i].cc].push_back(static_cast<uint32_t>(i));
  }
  size_t n = 0, n_bases = 0;
  for (const Row& r : rows) {
    Place p;
    p.tier = kTierAirport;
    p.name = r.name;
    p.rec.lat = static_cast<float>(r.lat);
    p.rec.lon = static_cast<float>(r.lon);
    p.rec.place_class = kPlaceAirport;
    p.rec.feature_class = 'S';
    SetCode(p.rec.feature_code, r.base ? "AIRB" : "AIRP");
    p.rec.admin1 = kNoPlace;
    p.rec.country_index = kNoPlace;
    if (r.cc.size() == 2) {
      p.rec.country[0] = r.cc[0];
      p.rec.country[1] = r.cc[1];
      const auto cc = country_by_iso2_.find(r.cc);
      if (cc != country_by_iso2_.end()) p.rec.country_index = cc->second;
      const auto list = cities_by_cc.find(r.cc);
      if (list != cities_by_cc.end()) {
        const double coslat = std::cos(r.lat * std::numbers::pi / 180);
        double best = 1e18;
        uint32_t best_city = 0;
        for (uint32_t ci : list->second) {
          const double dy = cities_[ci].lat - r.lat;
          const double dx = (cities_[ci].lon - r.lon) * coslat;
          const double d = dx * dx + dy * dy;
          if (d < best) best = d, best_city = ci;
        }
        if (best < 0.45 * 0.45) p.rec.admin1 = places_[city_place_[best_city]].rec.admin1;
      }
    }
    const uint32_t idx = AddPlace(std::move(p));
    airport_by_ident_[r.ident] = idx;
    AddName(r.name, idx, kMatchPrimary);
    const std::string stem = AirBaseStem(r.name);
    if (!stem.empty()) {
      for (const char* suffix : {" Air Base", " Airbase", " airfield"}) {
        AddName(stem + suffix, idx, kMatchAlternate);
      }
    }
    ++n;
    n_bases += r.base;
  }
  counts_ += "airports " + std::to_string(n) + " (" + std::to_string(n_bases) + " air bases)\n";
  return Status::Ok();
}

// data/geo/place_aliases.tsv: names the sources lack. Columns:
//   name  match  target  class  feature  at  country  admin1  source
// target: country:XX | geonames:ID | airport:IDENT | new:KEY. A new:KEY place
// is defined by its first row (class, feature "S/AIRB", at = airport:IDENT to
// copy that airport's point, admin1:CODE+CODE... for the mean of those
// admin1 points, or "lat,lon"; country ISO2, admin1 GeoNames code); later
// rows with the same KEY only add names.
Status Builder::ReadAliases(const std::string& file) {
  const std::string path = opt_.tables_dir + "/" + file;
  ASSIGN_OR_RETURN(const std::string text, Input(path));
  std::map<std::string, uint32_t> by_gid;
  for (uint32_t i = 0; i < places_.size(); ++i) {
    const uint32_t gid = places_[i].rec.geonames_id;
    if (gid != 0 && !by_gid.count(std::to_string(gid))) by_gid[std::to_string(gid)] = i;
  }
  std::map<std::string, uint32_t> new_places;
  Status st;
  int line_no = 0;
  size_t n = 0;
  ForEachLine(text, [&](std::string_view line) {
    ++line_no;
    if (line.empty() || line[0] == '#' || !st.ok()) return;
    const auto c = SplitFields(line, '\t');
    auto fail = [&](const std::string& what) {
      st = DataLoss(path + ":" + std::to_string(line_no) + ": " + what);
    };
    if (c.size() != 9 || c[8].empty()) return fail("want 9 tab-separated columns ending in a source");
    uint8_t match = 0;
    if (c[1] == "primary") match = kMatchPrimary;
    if (c[1] == "alternate") match = kMatchAlternate;
    if (c[1] == "abbrev") match = kMatchAbbrev;
    if (c[1] == "demonym") match = kMatchDemonym;
    if (match == 0) return fail("match must be primary|alternate|abbrev|demonym");
    const std::string target(c[2]);
    uint32_t idx = kNoPlace;
    auto lookup = [&](const auto& m, std::string_view key) {
      const auto it = m.find(std::string(key));
      return it == m.end() ? kNoPlace : it->second;
    };
    if (target.starts_with("country:")) {
      idx = lookup(country_by_iso2_, target.substr(8));
    } else if (target.starts_with("geonames:")) {
      idx = lookup(by_gid, target.substr(9));
    } else if (target.starts_with("airport:")) {
      idx = lookup(airport_by_ident_, target.substr(8));
    } else if (target.starts_with("new:")) {
      idx = lookup(new_places, target);
      if (idx == kNoPlace) {
        static constexpr std::string_view kClasses[] = {"continent", "country", "admin1", "admin2",
                                                        "city", "airport", "region"};
        int cls = -1;
        for (int k = 0; k < kPlaceClassCount; ++k) {
          if (c[3] == kClasses[k]) cls = k;
        }
        if (cls < 0 || c[4].size() < 3 || c[4][1] != '/') return fail("bad class or feature");
        Place p;
        p.tier = cls == kPlaceAirport ? kTierAirport : kTierRegion;
        p.name = std::string(c[0]);
        p.rec.place_class = static_cast<uint8_t>(cls);
        p.rec.feature_class = c[4][0];
        SetCode(p.rec.feature_code, c[4].substr(2));
        p.rec.admin1 = lookup(admin1_by_code_, c[7]);
        p.rec.country_index = lookup(country_by_iso2_, c[6]);
        if (c[6].size() == 2) p.rec.country[0] = c[6][0], p.rec.country[1] = c[6][1];
        if (c[5].starts_with("airport:")) {
          const uint32_t a = lookup(airport_by_ident_, c[5].substr(8));
          if (a == kNoPlace) return fail("no airport " + std::string(c[5]));
          p.rec.lat = places_[a].rec.lat;
          p.rec.lon = places_[a].rec.lon;
        } else if (c[5].starts_with("admin1:")) {
          // Mean of the points of the listed admin1 units ("admin1:IQ.11+IQ.08").
          double lat = 0, lon = 0;
          const auto codes = SplitFields(c[5].substr(7), '+');
          for (std::string_view code : codes) {
            const uint32_t a = lookup(admin1_by_code_, code);
            if (a == kNoPlace) return fail("no admin1 " + std::string(code));
            lat += places_[a].rec.lat;
            lon += places_[a].rec.lon;
          }
          p.rec.lat = static_cast<float>(lat / static_cast<double>(codes.size()));
          p.rec.lon = static_cast<float>(lon / static_cast<double>(codes.size()));
        } else {
          const auto ll = SplitFields(c[5], ',');
          double lat, lon;
          if (ll.size() != 2 || !ParseDouble(ll[0], &lat) || !ParseDouble(ll[1], &lon)) {
            return fail("'at' must be airport:IDENT, admin1:CODE+CODE... or lat,lon");
          }
          p.rec.lat = static_cast<float>(lat);
          p.rec.lon = static_cast<float>(lon);
        }
        idx = AddPlace(std::move(p));
        new_places[target] = idx;
      }
    } else {
      return fail("target must be country:|geonames:|airport:|new:");
    }
    if (idx == kNoPlace) return fail("target " + target + " is not in the sources");
    AddName(c[0], idx, match);
    ++n;
  });
  RETURN_IF_ERROR(st);
  counts_ += "alias table names " + std::to_string(n) + "\n";
  return Status::Ok();
}

Status Builder::Write(std::string* report) {
  const uint32_t n = static_cast<uint32_t>(places_.size());
  // Country points missing from world-countries: mean of their cities.
  {
    std::vector<double> lat(n, 0), lon(n, 0);
    std::vector<uint32_t> cnt(n, 0);
    for (const Place& p : places_) {
      if (p.rec.place_class == kPlaceCity && p.rec.country_index != kNoPlace) {
        lat[p.rec.country_index] += p.rec.lat;
        lon[p.rec.country_index] += p.rec.lon;
        ++cnt[p.rec.country_index];
      }
    }
    for (uint32_t i = 0; i < n; ++i) {
      PlaceRecord& r = places_[i].rec;
      if (r.place_class == kPlaceCountry && std::isnan(r.lat)) {
        r.lat = cnt[i] ? static_cast<float>(lat[i] / cnt[i]) : 0.f;
        r.lon = cnt[i] ? static_cast<float>(lon[i] / cnt[i]) : 0.f;
      }
    }
  }
  // String pool and place records.
  std::string strings;
  std::string places_bytes(sizeof(PlaceRecord) * n, '\0');
  for (uint32_t i = 0; i < n; ++i) {
    PlaceRecord r = places_[i].rec;
    const std::string& name = places_[i].name;
    r.name_offset = static_cast<uint32_t>(strings.size());
    r.name_length = static_cast<uint16_t>(std::min<size_t>(name.size(), 0xFFFF));
    strings.append(name, 0, r.name_length);
    std::memcpy(&places_bytes[i * sizeof(PlaceRecord)], &r, sizeof r);
  }
  // Candidate lists in prior order, keys in sorted order.
  std::vector<const std::string*> keys;
  keys.reserve(names_.size());
  for (const auto& kv : names_) keys.push_back(&kv.first);
  std::sort(keys.begin(), keys.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  auto before = [&](const NameRef& x, const NameRef& y) {
    const Place& a = places_[x.place];
    const Place& b = places_[y.place];
    const int ta = a.tier == kTierAdmin1 && x.match == kMatchNoType ? kTierAdmin1NoType : a.tier;
    const int tb = b.tier == kTierAdmin1 && y.match == kMatchNoType ? kTierAdmin1NoType : b.tier;
    if (ta != tb) return ta < tb;
    if (a.rec.population != b.rec.population) return a.rec.population > b.rec.population;
    if (a.capital_rank != b.capital_rank) return a.capital_rank < b.capital_rank;
    if (a.rec.geonames_id != b.rec.geonames_id) return a.rec.geonames_id < b.rec.geonames_id;
    return x.place < y.place;
  };
  const size_t slots = keys.size() * 5 / 4 + 1;  // load factor 0.8
  std::vector<NameSlot> index(slots, NameSlot{0, 0, 0});
  std::vector<Candidate> cands;
  int max_words = 0;
  const std::string* longest = nullptr;
  size_t moved_capitals = 0;
  for (const std::string* key : keys) {
    std::vector<NameRef> list = names_.at(*key);
    std::sort(list.begin(), list.end(), before);
    // The seat of a same-named admin1 unit ("Deir ez-Zor", "Aleppo") comes
    // right before that unit, and a national capital before every admin1
    // unit of its country ("Kiev" the city before Kiev Oblast): news mean
    // the city more often than the unit.
    for (size_t i = 0; i < list.size(); ++i) {
      const Place& p = places_[list[i].place];
      if (p.capital_rank > 1) continue;
      for (size_t j = 0; j < i; ++j) {
        const Place& q = places_[list[j].place];
        const bool seat_of = p.rec.admin1 != kNoPlace && list[j].place == p.rec.admin1;
        const bool capital_in = p.capital_rank == 0 && q.rec.place_class == kPlaceAdmin1 &&
                                q.rec.country_index == p.rec.country_index;
        if (seat_of || capital_in) {
          std::rotate(list.begin() + static_cast<long>(j), list.begin() + static_cast<long>(i),
                      list.begin() + static_cast<long>(i) + 1);
          ++moved_capitals;
          break;
        }
      }
    }
    const uint64_t h = NameKeyHash(*key);
    size_t at = NameSlotOf(h, slots);
    while (index[at].count != 0) {
      if (index[at].hash == h) return Internal("gazetteer name hash collision on '" + *key + "'");
      if (++at == slots) at = 0;
    }
    index[at] = NameSlot{h, static_cast<uint32_t>(cands.size()), static_cast<uint32_t>(list.size())};
    for (const NameRef& r : list) cands.push_back(Candidate{r.place, r.match, {0, 0, 0}});
    const int words = 1 + static_cast<int>(std::count(key->begin(), key->end(), ' '));
    if (words > max_words) max_words = words, longest = key;
  }
  std::vector<uint32_t> countries(26 * 26, kNoPlace);
  for (const auto& [iso2, idx] : country_by_iso2_) {
    if (iso2[0] >= 'A' && iso2[0] <= 'Z' && iso2[1] >= 'A' && iso2[1] <= 'Z') {
      countries[static_cast<size_t>((iso2[0] - 'A') * 26 + (iso2[1] - 'A'))] = idx;
    }
  }
  const GazetteerMeta meta{static_cast<uint32_t>(max_words), n, static_cast<uint32_t>(keys.size()),
                           static_cast<uint32_t>(cands.size())};
  auto bytes = [](const auto& v) {
    return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
  };
  ArtifactWriter w("gazetteer", kGazetteerFormat);
  w.AddSection("places", std::move(places_bytes));
  w.AddSection("strings", std::move(strings));
  w.AddSection("index", bytes(index));
  w.AddSection("candidates", bytes(cands));
  w.AddSection("countries", bytes(countries));
  w.AddSection("meta", std::string(reinterpret_cast<const char*>(&meta), sizeof meta));
  w.SetProvenance({opt_.command, SITREP_VERSION, inputs_});
  RETURN_IF_ERROR(w.WriteFile(opt_.output));
  counts_ += "names over " + std::to_string(kMaxNameWords) + " words skipped " + std::to_string(too_long_) + "\n";
  counts_ += "places " + std::to_string(n) + ", names " + std::to_string(keys.size()) +
             ", candidates " + std::to_string(cands.size()) + ", index slots " +
             std::to_string(slots) + ", max name words " + std::to_string(max_words) + " ('" + (longest ? *longest : "") + "')" +
             ", seats moved before their admin1 " + std::to_string(moved_capitals) + "\n";
  if (report) *report += counts_;
  return Status::Ok();
}

Status Builder::Run(std::string* report) {
  RETURN_IF_ERROR(ReadCountries());
  RETURN_IF_ERROR(ReadCountryNames());
  RETURN_IF_ERROR(ReadContinents());
  RETURN_IF_ERROR(ReadCities());
  RETURN_IF_ERROR(ReadAdmins());
  RETURN_IF_ERROR(ReadSubdivisionCodes());
  RETURN_IF_ERROR(ReadAirports());
  RETURN_IF_ERROR(ReadAliases("place_aliases.tsv"));
  RETURN_IF_ERROR(ReadAliases("admin_abbreviations.tsv"));
  return Write(report);
}

}  // namespace

Status BuildGazetteer(const GazetteerBuildOptions& options, std::string* report) {
  Builder b(options);
  return b.Run(report);
}

Status BuildGazetteer(const GazetteerBuildOptions& options) {
  return BuildGazetteer(options, nullptr);
}

}  // namespace sitrep::geo
