#include "pipeline/pipeline.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "tag/acronyms.h"
#include "tag/entity_rules.h"

namespace sitrep {

static_assert(tag::kAdj == kUposAdj && tag::kVerb == kUposVerb &&
                  tag::kX == kUposX && tag::kNumUpos == kUposCount,
              "tag::UposId and core Upos must agree");
static_assert(static_cast<int>(tag::kPerson) == kEntityPerson &&
                  static_cast<int>(tag::kMisc) == kEntityMisc &&
                  tag::kNumEntityKinds == kEntityKindCount,
              "tag::EntityKind and core EntityKind must agree");

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double NsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::nano>(Clock::now() - t0).count();
}

}  // namespace

std::string DefaultModelsDir() {
  if (const char* env = std::getenv("SITREP_MODELS"); env != nullptr && *env)
    return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir : {exe.parent_path() / "models",
                         exe.parent_path().parent_path() / "models"}) {
      if (fs::exists(dir / "pos.bin", ec)) return dir.string();
    }
  }
  return "models";
}

Result<std::unique_ptr<Pipeline>> Pipeline::Load(
    const PipelineOptions& options) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  if (!options.tag) return p;
  std::string dir =
      options.models_dir.empty() ? DefaultModelsDir() : options.models_dir;
  ASSIGN_OR_RETURN(p->pos_, tag::PosTagger::Load(dir + "/pos.bin"));
  ASSIGN_OR_RETURN(p->ner_, tag::NerTagger::Load(dir + "/ner.bin"));
  if (options.places) {
    // A bad gazetteer costs the place resolutions, not the records: places
    // stay unresolved and every record says why.
    auto g = geo::Gazetteer::Load(dir + "/gazetteer.bin");
    if (g.ok()) {
      p->gazetteer_ = std::move(*g);
      p->resolver_ = std::make_unique<geo::PlaceResolver>(*p->gazetteer_);
    } else {
      p->places_warning_ = "places not resolved: " + g.status().message();
    }
  }
  return p;
}

void Pipeline::Tag(Document& doc, Scratch& s) const {
  if (!pos_ || !ner_) return;
  auto t0 = Clock::now();
  // The document's words, once; POS and NER both read sentence views of it.
  const std::string_view text = doc.text;
  s.all_words.clear();
  for (const Token& tok : doc.tokens)
    s.all_words.push_back(text.substr(tok.begin, tok.end - tok.begin));
  s.sentence_words.clear();
  for (const Sentence& sent : doc.sentences) {
    s.sentence_words.emplace_back(s.all_words.data() + sent.first_token,
                                  sent.last_token - sent.first_token);
  }
  for (size_t k = 0; k < doc.sentences.size(); ++k) {
    const uint32_t first = doc.sentences[k].first_token;
    const size_t n = s.sentence_words[k].size();
    s.upos.resize(n);
    s.xpos.resize(n);
    pos_->Tag(s.sentence_words[k], s.upos.data(), s.xpos.data(), s.pos);
    for (size_t i = 0; i < n; ++i) {
      doc.tokens[first + i].upos = s.upos[i];
      doc.tokens[first + i].xpos = s.xpos[i];
    }
  }
  auto t1 = Clock::now();
  s.profile_ns[kStagePos] += NsSince(t0);
  // NER sees the whole document: later mentions are typed with the help of
  // earlier ones.
  doc.entities.clear();
  ner_->TagDocument(s.sentence_words, &s.entities, s.ner);
  for (size_t k = 0; k < doc.sentences.size() && k < s.entities.size(); ++k) {
    const Sentence& sent = doc.sentences[k];
    for (const tag::Entity& e : s.entities[k]) {
      if (e.end_token <= e.begin_token ||
          sent.first_token + e.end_token > sent.last_token)
        continue;
      EntityMention m;
      m.first_token = sent.first_token + e.begin_token;
      m.last_token = sent.first_token + e.end_token;
      m.begin = doc.tokens[m.first_token].begin;
      m.end = doc.tokens[m.last_token - 1].end;
      m.kind = e.kind;
      doc.entities.push_back(m);
    }
  }
  tag::RepairEntities(doc);
  tag::TagDefinedAcronyms(doc);
  doc.tagged = true;
  s.profile_ns[kStageNer] += NsSince(t1);
}

void Pipeline::ResolvePlaces(Document& doc, Scratch& s) const {
  if (!doc.tagged) return;
  if (!resolver_) {
    if (places_warning_.empty()) return;
    // Every place keeps its span with null resolution fields.
    for (EntityMention& e : doc.entities) {
      if (e.kind != kEntityPlace) continue;
      e.place = static_cast<int32_t>(doc.places.size());
      doc.places.emplace_back();
    }
    doc.notes.push_back(places_warning_);
    return;
  }
  auto t0 = Clock::now();
  resolver_->Resolve(doc, s.places);
  s.profile_ns[kStagePlaces] += NsSince(t0);
}

Document Pipeline::Process(RawDoc&& raw, const ingest::IngestOptions& options,
                           Scratch& s) const {
  auto t0 = Clock::now();
  Document doc = ingest::Prepare(std::move(raw), options);
  auto t1 = Clock::now();
  s.profile_ns[kStageIngest] += NsSince(t0);
  if (doc.status != DocStatus::kOk) return doc;
  Status st = text::ProcessText(doc, s.text);
  s.profile_ns[kStageText] += NsSince(t1);
  if (!st.ok()) {
    doc.status = DocStatus::kRejected;
    doc.error = st.message();
    return doc;
  }
  Tag(doc, s);
  ResolvePlaces(doc, s);
  return doc;
}

}  // namespace sitrep
