// Binary artifacts: the container format of every model, gazetteer and
// dictionary file sitrep ships under models/.
//
// Layout (little-endian; all offsets from the start of the file):
//
//   [0, 64)   header
//     0  char[8]   magic "SITREP\x01\0"; while the file is being written it
//                  reads "SITREP\0\0" (the "incomplete" marker, KenLM style)
//     8  char[16]  kind, NUL-padded ("pos", "ner", "gazetteer", ...)
//     24 u32       format_version of the payload (owned by the kind)
//     28 u32       section_count (provenance included)
//     32 u64       file_size
//     40 u64       checksum: XXH64 (seed 0) of bytes [64, file_size)
//     48 u64       section table offset (always 64)
//     56 u64       reserved, 0
//   [64, ...) section table, section_count entries of 48 bytes:
//     char[32] name (NUL-padded, at most 31 bytes), u64 offset, u64 size
//   then the payloads, each starting at an 8-byte aligned offset, zero
//   padding in between. The provenance is the section "__provenance".
//
// Deterministic: sections are written in the order they were added; no
// timestamps, no host names. Same inputs -> same bytes.
//
// Thread-safety: ArtifactWriter is a plain value (one thread at a time).
// Artifact is immutable after Open; concurrent reads are safe.
// Cost: Open maps the file and checksums it once (XXH64, ~several GB/s);
// Section() is a linear scan of the (short) section table.
#ifndef SITREP_CORE_ARTIFACT_H_
#define SITREP_CORE_ARTIFACT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sitrep {

inline constexpr size_t kArtifactHeaderSize = 64;
inline constexpr size_t kArtifactSectionEntrySize = 48;
inline constexpr size_t kArtifactMaxSectionName = 31;
inline constexpr size_t kArtifactMaxKind = 16;
inline constexpr std::string_view kArtifactProvenanceSection = "__provenance";

// Who built an artifact from what. Stored in the file; shown by tools.
struct ArtifactProvenance {
  std::string command;  // e.g. "sitrep train pos"
  std::string version;  // SITREP_VERSION of the builder
  std::vector<std::pair<std::string, std::string>> inputs;  // path -> hex hash
};

// XXH64 of `data` (seed `seed`), the artifact checksum. Stable everywhere.
uint64_t Xxh64(std::string_view data, uint64_t seed = 0);

// Hex XXH64 of a whole file, for ArtifactProvenance::inputs. Fails with
// kNotFound when the file cannot be read.
Result<std::string> HashFileHex(const std::string& path);

// Builds an artifact in memory and writes it atomically.
class ArtifactWriter {
 public:
  // `kind` at most 16 bytes (checked by WriteFile).
  ArtifactWriter(std::string_view kind, uint32_t format_version);

  // Adds a payload. Names must be unique, non-empty, at most 31 bytes and
  // not "__provenance" (checked by WriteFile).
  void AddSection(std::string_view name, std::string bytes);
  void SetProvenance(ArtifactProvenance p);

  // The complete file image (what WriteFile writes).
  Result<std::string> Serialize() const;

  // Writes path + ".tmp" with the incomplete marker, patches the magic once
  // every byte is written, then renames it over `path`. The parent directory
  // must exist.
  Status WriteFile(const std::string& path) const;

 private:
  std::string kind_;
  uint32_t format_version_;
  std::vector<std::pair<std::string, std::string>> sections_;
  ArtifactProvenance provenance_;
};

// A read-only, memory-mapped artifact. Movable, not copyable; unmaps on
// destruction. Section views stay valid while the Artifact lives.
class Artifact {
 public:
  // Maps and validates `path`: magic, build completed, kind, version, size,
  // checksum, section table, provenance. Errors name the file and say what
  // to do; `rebuild_hint` is the command that rebuilds it (default
  // "sitrep train <expected_kind>").
  static Result<Artifact> Open(const std::string& path,
                               std::string_view expected_kind,
                               uint32_t expected_version,
                               std::string_view rebuild_hint = {});

  Artifact(Artifact&& other) noexcept;
  Artifact& operator=(Artifact&& other) noexcept;
  Artifact(const Artifact&) = delete;
  Artifact& operator=(const Artifact&) = delete;
  ~Artifact();

  // The payload of section `name` (8-byte aligned), or nullopt.
  std::optional<std::string_view> Section(std::string_view name) const;
  const ArtifactProvenance& provenance() const { return provenance_; }
  const std::string& path() const { return path_; }
  std::string_view kind() const { return kind_; }
  uint32_t format_version() const { return format_version_; }
  size_t size() const { return size_; }

 private:
  Artifact() = default;
  void Reset();

  std::string path_;
  std::string kind_;
  uint32_t format_version_ = 0;
  const char* data_ = nullptr;  // mmapped, size_ bytes
  size_t size_ = 0;
  std::vector<std::pair<std::string, std::string_view>> sections_;
  ArtifactProvenance provenance_;
};

// Views a section's bytes as an array of T read in place; false when the
// section is absent or its size is not a multiple of sizeof(T).
template <typename T>
bool SectionAsArray(std::optional<std::string_view> bytes,
                    std::span<const T>* out) {
  if (!bytes || bytes->size() % sizeof(T) != 0) return false;
  *out = std::span<const T>(reinterpret_cast<const T*>(bytes->data()),
                            bytes->size() / sizeof(T));
  return true;
}

}  // namespace sitrep

#endif  // SITREP_CORE_ARTIFACT_H_
