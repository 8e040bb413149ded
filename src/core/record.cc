#include "core/record.h"

#include "core/json_writer.h"

namespace sitrep {

namespace {

void WriteHead(const Document& doc, JsonWriter& w) {
  w.Key("doc_id").String(doc.id);
  w.Key("status").String(DocStatusName(doc.status));
  if (doc.status == DocStatus::kRejected) w.Key("error").String(doc.error);
}

void WriteNotes(const Document& doc, JsonWriter& w) {
  if (doc.notes.empty()) return;
  w.Key("notes").BeginArray();
  for (const std::string& n : doc.notes) w.String(n);
  w.EndArray();
}

// The resolution fields of a place (or nationality) mention; unresolved
// places keep their name fields null so the record shape never changes.
void WritePlace(const PlaceRef& p, JsonWriter& w) {
  auto opt = [&w](const char* key, const std::string& v) {
    w.Key(key);
    if (v.empty()) {
      w.Null();
    } else {
      w.String(v);
    }
  };
  opt("name", p.name);
  w.Key("geonames_id");
  if (p.geonames_id != 0) {
    w.Uint(p.geonames_id);
  } else {
    w.Null();
  }
  w.Key("lat");
  if (p.has_point) {
    w.Double(p.lat, 5);
  } else {
    w.Null();
  }
  w.Key("lon");
  if (p.has_point) {
    w.Double(p.lon, 5);
  } else {
    w.Null();
  }
  opt("country", p.country);
  opt("admin1", p.admin1);
  opt("feature", p.feature);
  const size_t precision = p.precision < kPrecisionCount ? p.precision : size_t{kPrecisionUnknown};
  w.Key("precision").String(kPlacePrecisionNames[precision]);
  w.Key("confidence").Double(p.confidence, 2);
}

}  // namespace

void AppendDocRecord(const Document& doc, double timing_ms, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("schema").String(kDocSchema);
  WriteHead(doc, w);
  w.Key("title").OptString(doc.title);
  w.Key("published").OptString(doc.published);
  w.Key("source").OptString(doc.source);
  w.Key("url").OptString(doc.url);
  w.Key("language").String(doc.language);
  w.Key("events").BeginArray().EndArray();
  if (doc.tagged) {
    w.Key("entities").BeginArray();
    const std::string_view text = doc.text;
    for (const EntityMention& e : doc.entities) {
      w.BeginObject();
      w.Key("kind").String(e.kind < kEntityKindCount ? kEntityKindNames[e.kind] : "misc");
      w.Key("start").Uint(e.begin);
      w.Key("end").Uint(e.end);
      w.Key("text").String(text.substr(e.begin, e.end - e.begin));
      if (e.place >= 0 && static_cast<size_t>(e.place) < doc.places.size()) {
        WritePlace(doc.places[static_cast<size_t>(e.place)], w);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  WriteNotes(doc, w);
  w.Key("timing_ms").Double(timing_ms, 3);
  w.EndObject();
  out->push_back('\n');
}

void AppendExtractRecord(const Document& doc, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  WriteHead(doc, w);
  w.Key("title").OptString(doc.title);
  w.Key("published").OptString(doc.published);
  w.Key("url").OptString(doc.url);
  w.Key("source").OptString(doc.source);
  w.Key("text").String(doc.text);
  WriteNotes(doc, w);
  w.EndObject();
  out->push_back('\n');
}

}  // namespace sitrep
