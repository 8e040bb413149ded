#include "geo/gazetteer.h"

#include <cstring>

#include "geo/gazetteer_format.h"

namespace sitrep::geo {

struct Gazetteer::Impl {
  Artifact artifact;
  std::string_view strings;
  std::span<const NameSlot> index;
  std::span<const Candidate> candidates;
  std::span<const uint32_t> countries;

  explicit Impl(Artifact a) : artifact(std::move(a)) {}
};

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

namespace {

Status Corrupt(const std::string& path, const std::string& what) {
  return DataLoss(path + ": gazetteer " + what + "; rebuild it with `" +
                  kGazetteerRebuild + "`");
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Artifact artifact,
                   Artifact::Open(path, "gazetteer", kGazetteerFormat, kGazetteerRebuild));
  auto impl = std::make_unique<Impl>(std::move(artifact));
  const Artifact& a = impl->artifact;
  std::span<const PlaceRecord> places;
  std::span<const GazetteerMeta> meta;
  const auto strings = a.Section("strings");
  if (!SectionAsArray(a.Section("places"), &places) || !strings ||
      !SectionAsArray(a.Section("index"), &impl->index) ||
      !SectionAsArray(a.Section("candidates"), &impl->candidates) ||
      !SectionAsArray(a.Section("countries"), &impl->countries) ||
      !SectionAsArray(a.Section("meta"), &meta) || meta.size() != 1) {
    return Corrupt(path, "lacks a section or has one of the wrong size");
  }
  impl->strings = *strings;
  const size_t n = places.size();
  const size_t slots = impl->index.size();
  if (meta[0].place_count != n || meta[0].candidate_count != impl->candidates.size() ||
      slots == 0 || impl->countries.size() != 26 * 26) {
    return Corrupt(path, "has inconsistent section sizes");
  }
  // Bounds are checked once here so that lookups never need to.
  size_t names = 0;
  for (const NameSlot& s : impl->index) {
    if (s.count == 0) continue;
    ++names;
    if (s.offset > impl->candidates.size() || s.count > impl->candidates.size() - s.offset) {
      return Corrupt(path, "index points past the candidate list");
    }
  }
  if (names != meta[0].name_count || names >= slots) {
    return Corrupt(path, "index has a wrong name count");
  }
  for (const Candidate& c : impl->candidates) {
    if (c.place >= n) return Corrupt(path, "candidate names a missing place");
  }
  for (const PlaceRecord& p : places) {
    if (p.name_offset > impl->strings.size() ||
        p.name_length > impl->strings.size() - p.name_offset ||
        (p.admin1 != kNoPlace && p.admin1 >= n) ||
        (p.country_index != kNoPlace && p.country_index >= n) ||
        p.place_class >= kPlaceClassCount) {
      return Corrupt(path, "has a malformed place record");
    }
  }
  for (uint32_t c : impl->countries) {
    if (c != kNoPlace && c >= n) return Corrupt(path, "country table names a missing place");
  }
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->places_ = places;
  g->max_name_words_ = static_cast<int>(meta[0].max_name_words);
  g->impl_ = std::move(impl);
  return g;
}

std::span<const Candidate> Gazetteer::Lookup(std::string_view normalized) const {
  if (normalized.empty()) return {};
  const uint64_t h = NameKeyHash(normalized);
  const NameSlot* slots = impl_->index.data();
  const size_t n = impl_->index.size();
  // Terminates: Load checked that at least one slot is empty.
  for (size_t i = NameSlotOf(h, n);;) {
    const NameSlot& s = slots[i];
    if (s.count == 0) return {};
    if (s.hash == h) return impl_->candidates.subspan(s.offset, s.count);
    if (++i == n) i = 0;
  }
}

std::string_view Gazetteer::Name(uint32_t index) const {
  const PlaceRecord& p = places_[index];
  return impl_->strings.substr(p.name_offset, p.name_length);
}

uint32_t Gazetteer::CountryIndex(std::string_view iso2) const {
  if (iso2.size() != 2) return kNoPlace;
  const int a = iso2[0] >= 'a' ? iso2[0] - 'a' : iso2[0] - 'A';
  const int b = iso2[1] >= 'a' ? iso2[1] - 'a' : iso2[1] - 'A';
  if (a < 0 || a >= 26 || b < 0 || b >= 26) return kNoPlace;
  return impl_->countries[static_cast<size_t>(a * 26 + b)];
}

const ArtifactProvenance& Gazetteer::provenance() const { return impl_->artifact.provenance(); }

}  // namespace sitrep::geo
