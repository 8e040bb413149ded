#include "pipeline/eval_geo.h"

#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "core/json_writer.h"
#include "text/text.h"

namespace sitrep {

namespace {

constexpr double kUnresolvedKm = 20038.0;

struct GoldToponym {
  uint32_t start = 0, end = 0;
  std::optional<double> lat, lon;
  uint32_t geonameid = 0;
};

struct Predicted {
  uint32_t start = 0, end = 0;
  const PlaceRef* ref = nullptr;
};

std::optional<double> OptDouble(simdjson::dom::object obj,
                                std::string_view key) {
  simdjson::dom::element el;
  if (obj[key].get(el) != simdjson::SUCCESS || el.is_null())
    return std::nullopt;
  double v = 0;
  if (el.get(v) == simdjson::SUCCESS) return v;
  int64_t i = 0;
  if (el.get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  return std::nullopt;
}

// The country (ISO2) of a gold toponym: via its GeoNames id, else the
// nearest gazetteer place.
class GoldCountry {
 public:
  explicit GoldCountry(const geo::Gazetteer& g) : g_(g) {
    for (uint32_t i = 0; i < g.size(); ++i) {
      const geo::PlaceRecord& p = g.place(i);
      if (p.geonames_id != 0) by_id_.try_emplace(p.geonames_id, i);
      if (p.place_class == geo::kPlaceContinent) continents_.push_back(i);
    }
  }
  std::string Of(const GoldToponym& t) const {
    auto it = by_id_.find(t.geonameid);
    if (t.geonameid != 0 && it != by_id_.end())
      return Iso(g_.place(it->second));
    if (!t.lat || !t.lon) return "";
    // A continent's point (gold sets without ids): no country.
    for (uint32_t i : continents_) {
      if (geo::HaversineKm(*t.lat, *t.lon, g_.place(i).lat, g_.place(i).lon) <
          50)
        return "";
    }
    double best = 1e18;
    uint32_t best_i = geo::kNoPlace;
    const double coslat = std::cos(*t.lat * 3.14159265358979323846 / 180.0);
    for (uint32_t i = 0; i < g_.size(); ++i) {
      const geo::PlaceRecord& p = g_.place(i);
      if (p.place_class != geo::kPlaceCity || p.country[0] == '\0') continue;
      double dy = p.lat - *t.lat, dx = (p.lon - *t.lon) * coslat;
      double d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        best_i = i;
      }
    }
    return best_i == geo::kNoPlace ? "" : Iso(g_.place(best_i));
  }

 private:
  static std::string Iso(const geo::PlaceRecord& p) {
    return p.country[0] == '\0' ? "" : std::string(p.country, 2);
  }
  const geo::Gazetteer& g_;
  std::unordered_map<uint32_t, uint32_t> by_id_;
  std::vector<uint32_t> continents_;
};

}  // namespace

Result<GeoEvalReport> EvalGeo(const Pipeline& pipeline, const std::string& path,
                              const std::string& predictions) {
  if (pipeline.gazetteer() == nullptr) {
    return Status(StatusCode::kNotFound,
                  pipeline.places_warning().empty()
                      ? "eval geo needs models/gazetteer.bin"
                      : pipeline.places_warning());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot read");
  std::ofstream out;
  if (!predictions.empty()) {
    out.open(predictions, std::ios::binary | std::ios::trunc);
    if (!out)
      return Status(StatusCode::kNotFound, predictions + ": cannot write");
  }
  const geo::Gazetteer& gaz = *pipeline.gazetteer();
  GoldCountry gold_country(gaz);
  Pipeline::Scratch scratch;
  simdjson::dom::parser parser;
  GeoEvalReport r;
  std::vector<double> errors_km;
  size_t acc_all = 0, acc_rec = 0, country_ok = 0, point_ok = 0, exact = 0,
         country_total = 0;
  double seconds = 0;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::dom::element root;
    if (parser.parse(line).get(root) != simdjson::SUCCESS ||
        !root.is_object()) {
      return Status(
          StatusCode::kInvalidArgument,
          path + ": line " + std::to_string(line_no) + " is not a JSON object");
    }
    simdjson::dom::object obj = root.get_object().value_unsafe();
    std::string_view id, text;
    if (obj["text"].get(text) != simdjson::SUCCESS) {
      return Status(StatusCode::kInvalidArgument,
                    path + ": line " + std::to_string(line_no) +
                        " has no string \"text\"");
    }
    if (obj["id"].get(id) != simdjson::SUCCESS) id = {};
    std::vector<GoldToponym> gold;
    simdjson::dom::array tops;
    if (obj["toponyms"].get(tops) == simdjson::SUCCESS) {
      for (simdjson::dom::element t : tops) {
        simdjson::dom::object to;
        if (t.get(to) != simdjson::SUCCESS) continue;
        GoldToponym g;
        int64_t v = 0;
        if (to["start"].get(v) == simdjson::SUCCESS)
          g.start = static_cast<uint32_t>(v);
        if (to["end"].get(v) == simdjson::SUCCESS)
          g.end = static_cast<uint32_t>(v);
        g.lat = OptDouble(to, "lat");
        g.lon = OptDouble(to, "lon");
        if (to["geonameid"].get(v) == simdjson::SUCCESS)
          g.geonameid = static_cast<uint32_t>(v);
        gold.push_back(g);
      }
    }

    auto t0 = std::chrono::steady_clock::now();
    Document doc;
    doc.id.assign(id);
    doc.text.assign(text);
    Status st = text::ProcessText(doc, scratch.text);
    if (st.ok()) {
      pipeline.Tag(doc, scratch);
      pipeline.ResolvePlaces(doc, scratch);
    }
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    r.text_bytes += text.size();

    std::vector<Predicted> pred;
    for (const EntityMention& e : doc.entities) {
      if (e.kind != kEntityPlace &&
          !(e.kind == kEntityNationality && e.place >= 0 &&
            doc.places[static_cast<size_t>(e.place)].has_point)) {
        continue;
      }
      Predicted p;
      p.start = text::MapToOriginal(doc.offset_map, e.begin);
      p.end = text::MapToOriginal(doc.offset_map, e.end);
      if (e.place >= 0) p.ref = &doc.places[static_cast<size_t>(e.place)];
      pred.push_back(p);
    }

    // One-to-one overlap matching, in text order.
    std::vector<int> match_of_gold(gold.size(), -1);
    std::vector<uint8_t> used(pred.size(), 0);
    for (size_t gi = 0; gi < gold.size(); ++gi) {
      for (size_t pi = 0; pi < pred.size(); ++pi) {
        if (used[pi] || pred[pi].end <= gold[gi].start ||
            pred[pi].start >= gold[gi].end)
          continue;
        used[pi] = 1;
        match_of_gold[gi] = static_cast<int>(pi);
        break;
      }
    }
    r.documents++;
    r.gold += gold.size();
    r.predicted += pred.size();
    for (size_t gi = 0; gi < gold.size(); ++gi) {
      const GoldToponym& g = gold[gi];
      if (match_of_gold[gi] >= 0) r.matched++;
      if (!g.lat || !g.lon) continue;
      r.gold_with_point++;
      if (match_of_gold[gi] < 0) continue;
      r.recognized_with_point++;
      const PlaceRef* ref = pred[static_cast<size_t>(match_of_gold[gi])].ref;
      double km = kUnresolvedKm;
      if (ref != nullptr && ref->has_point)
        km = geo::HaversineKm(*g.lat, *g.lon, ref->lat, ref->lon);
      if (km <= 161) point_ok++;
      // The same GeoNames entity is an exact resolution, whatever point our
      // sources store for it (country and admin1 points differ by source).
      if (ref != nullptr && ref->geonames_id != 0 &&
          ref->geonames_id == g.geonameid)
        km = 0;
      errors_km.push_back(km);
      if (km <= 161) {
        acc_all++;
        acc_rec++;
      }
      if (ref != nullptr && ref->geonames_id != 0 &&
          ref->geonames_id == g.geonameid)
        exact++;
      // Continents and oceans have no country: not counted for it.
      const std::string want = gold_country.Of(g);
      if (!want.empty()) {
        country_total++;
        if (ref != nullptr && ref->country == want) country_ok++;
      }
    }

    if (out.is_open()) {
      std::string o;
      JsonWriter w(&o);
      w.BeginObject();
      w.Key("id").String(id);
      w.Key("toponyms").BeginArray();
      for (const Predicted& p : pred) {
        w.BeginObject();
        w.Key("start").Uint(p.start).Key("end").Uint(p.end);
        w.Key("surface").String(text.substr(p.start, p.end - p.start));
        const bool point = p.ref != nullptr && p.ref->has_point;
        w.Key("lat");
        point ? w.Double(p.ref->lat, 5) : w.Null();
        w.Key("lon");
        point ? w.Double(p.ref->lon, 5) : w.Null();
        w.Key("geonameid");
        point&& p.ref->geonames_id != 0 ? w.Uint(p.ref->geonames_id) : w.Null();
        w.Key("country");
        point && !p.ref->country.empty() ? w.String(p.ref->country) : w.Null();
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
      o.push_back('\n');
      out << o;
    }
  }
  auto pct = [](size_t a, size_t b) {
    return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / b;
  };
  r.precision = pct(r.matched, r.predicted);
  r.recall = pct(r.matched, r.gold);
  r.f1 = r.precision + r.recall > 0
             ? 2 * r.precision * r.recall / (r.precision + r.recall)
             : 0;
  r.acc161 = pct(acc_all, r.gold_with_point);
  r.acc161_recognized = pct(acc_rec, r.recognized_with_point);
  r.country_recognized = pct(country_ok, country_total);
  r.acc161_recognized_by_point = pct(point_ok, r.recognized_with_point);
  r.exact_recognized = pct(exact, r.recognized_with_point);
  if (!errors_km.empty()) {
    std::sort(errors_km.begin(), errors_km.end());
    size_t n = errors_km.size();
    r.median_km = n % 2 == 1 ? errors_km[n / 2]
                             : (errors_km[n / 2 - 1] + errors_km[n / 2]) / 2;
  }
  r.seconds = seconds;
  return r;
}

}  // namespace sitrep
