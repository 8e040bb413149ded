#include "core/artifact.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sitrep {
namespace {

static_assert(std::endian::native == std::endian::little,
              "artifact I/O assumes a little-endian host");

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', '\x01', '\0'};
constexpr char kIncompleteMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', '\0', '\0'};

constexpr uint64_t kP1 = 0x9E3779B185EBCA87ULL;
constexpr uint64_t kP2 = 0xC2B2AE3D27D4EB4FULL;
constexpr uint64_t kP3 = 0x165667B19E3779F9ULL;
constexpr uint64_t kP4 = 0x85EBCA77C2B2AE63ULL;
constexpr uint64_t kP5 = 0x27D4EB2F165667C5ULL;

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline uint64_t Round(uint64_t acc, uint64_t input) {
  acc += input * kP2;
  acc = std::rotl(acc, 31);
  return acc * kP1;
}
inline uint64_t MergeRound(uint64_t acc, uint64_t val) {
  acc ^= Round(0, val);
  return acc * kP1 + kP4;
}

void Put32(std::string* s, size_t at, uint32_t v) { std::memcpy(&(*s)[at], &v, 4); }
void Put64(std::string* s, size_t at, uint64_t v) { std::memcpy(&(*s)[at], &v, 8); }

void AppendString(std::string* out, std::string_view s) {
  const auto n = static_cast<uint32_t>(s.size());
  out->append(reinterpret_cast<const char*>(&n), 4);
  out->append(s);
}

bool ReadString(std::string_view* in, std::string* out) {
  if (in->size() < 4) return false;
  const uint32_t n = Load32(in->data());
  in->remove_prefix(4);
  if (in->size() < n) return false;
  out->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

std::string EncodeProvenance(const ArtifactProvenance& p) {
  std::string out;
  AppendString(&out, p.command);
  AppendString(&out, p.version);
  const auto n = static_cast<uint32_t>(p.inputs.size());
  out.append(reinterpret_cast<const char*>(&n), 4);
  for (const auto& [path, hash] : p.inputs) {
    AppendString(&out, path);
    AppendString(&out, hash);
  }
  return out;
}

bool DecodeProvenance(std::string_view in, ArtifactProvenance* p) {
  if (!ReadString(&in, &p->command) || !ReadString(&in, &p->version)) return false;
  if (in.size() < 4) return false;
  const uint32_t n = Load32(in.data());
  in.remove_prefix(4);
  if (n > in.size() / 8) return false;  // each input takes >= 8 bytes
  p->inputs.resize(n);
  for (auto& [path, hash] : p->inputs) {
    if (!ReadString(&in, &path) || !ReadString(&in, &hash)) return false;
  }
  return in.empty();
}

std::string FixedField(std::string_view s, size_t width) {
  std::string out(s.substr(0, width));
  out.resize(width, '\0');
  return out;
}

std::string_view TrimNul(std::string_view s) {
  const size_t n = s.find('\0');
  return n == std::string_view::npos ? s : s.substr(0, n);
}

std::string Printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

uint64_t Xxh64(std::string_view data, uint64_t seed) {
  const char* p = data.data();
  const char* const end = p + data.size();
  uint64_t h;
  if (data.size() >= 32) {
    uint64_t v1 = seed + kP1 + kP2, v2 = seed + kP2, v3 = seed, v4 = seed - kP1;
    const char* const limit = end - 32;
    do {
      v1 = Round(v1, Load64(p));
      v2 = Round(v2, Load64(p + 8));
      v3 = Round(v3, Load64(p + 16));
      v4 = Round(v4, Load64(p + 24));
      p += 32;
    } while (p <= limit);
    h = std::rotl(v1, 1) + std::rotl(v2, 7) + std::rotl(v3, 12) + std::rotl(v4, 18);
    h = MergeRound(h, v1);
    h = MergeRound(h, v2);
    h = MergeRound(h, v3);
    h = MergeRound(h, v4);
  } else {
    h = seed + kP5;
  }
  h += static_cast<uint64_t>(data.size());
  while (p + 8 <= end) {
    h ^= Round(0, Load64(p));
    h = std::rotl(h, 27) * kP1 + kP4;
    p += 8;
  }
  if (p + 4 <= end) {
    h ^= static_cast<uint64_t>(Load32(p)) * kP1;
    h = std::rotl(h, 23) * kP2 + kP3;
    p += 4;
  }
  while (p < end) {
    h ^= static_cast<uint64_t>(static_cast<unsigned char>(*p)) * kP5;
    h = std::rotl(h, 11) * kP1;
    ++p;
  }
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  h *= kP3;
  h ^= h >> 32;
  return h;
}

Result<std::string> HashFileHex(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return NotFound("cannot read " + path + ": " + std::strerror(errno));
  std::string bytes;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return DataLoss("error reading " + path);
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t h = Xxh64(bytes);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 15];
  return out;
}

// ---------------------------------------------------------------------------
// ArtifactWriter

ArtifactWriter::ArtifactWriter(std::string_view kind, uint32_t format_version)
    : kind_(kind), format_version_(format_version) {}

void ArtifactWriter::AddSection(std::string_view name, std::string bytes) {
  sections_.emplace_back(std::string(name), std::move(bytes));
}

void ArtifactWriter::SetProvenance(ArtifactProvenance p) {
  provenance_ = std::move(p);
}

Result<std::string> ArtifactWriter::Serialize() const {
  if (kind_.empty() || kind_.size() > kArtifactMaxKind) {
    return InvalidArgument("artifact kind '" + kind_ + "' must be 1-16 bytes");
  }
  std::vector<std::pair<std::string_view, std::string_view>> all;
  for (const auto& [name, bytes] : sections_) {
    if (name.empty() || name.size() > kArtifactMaxSectionName ||
        name == kArtifactProvenanceSection) {
      return InvalidArgument("bad artifact section name '" + name + "'");
    }
    for (const auto& [prev, unused] : all) {
      if (prev == name) {
        return InvalidArgument("duplicate artifact section '" + name + "'");
      }
    }
    all.emplace_back(name, bytes);
  }
  const std::string prov = EncodeProvenance(provenance_);
  all.emplace_back(kArtifactProvenanceSection, prov);

  std::string out(kArtifactHeaderSize + all.size() * kArtifactSectionEntrySize, '\0');
  for (size_t i = 0; i < all.size(); ++i) {
    const auto& [name, bytes] = all[i];
    out.resize((out.size() + 7) & ~size_t{7}, '\0');
    const size_t entry = kArtifactHeaderSize + i * kArtifactSectionEntrySize;
    out.replace(entry, 32, FixedField(name, 32));
    Put64(&out, entry + 32, out.size());
    Put64(&out, entry + 40, bytes.size());
    out.append(bytes);
  }
  out.replace(0, 8, kIncompleteMagic, 8);
  out.replace(8, 16, FixedField(kind_, 16));
  Put32(&out, 24, format_version_);
  Put32(&out, 28, static_cast<uint32_t>(all.size()));
  Put64(&out, 32, out.size());
  Put64(&out, 40, Xxh64(std::string_view(out).substr(kArtifactHeaderSize)));
  Put64(&out, 48, kArtifactHeaderSize);
  return out;
}

Status ArtifactWriter::WriteFile(const std::string& path) const {
  ASSIGN_OR_RETURN(std::string image, Serialize());
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return NotFound("cannot create " + tmp + ": " + std::strerror(errno));
  }
  auto fail = [&](const char* what) {
    const std::string msg = std::string(what) + " " + tmp + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return Internal(msg);
  };
  // The image starts with the incomplete marker; the real magic is patched
  // in only after every byte has been written.
  size_t done = 0;
  while (done < image.size()) {
    const ssize_t n = ::write(fd, image.data() + done, image.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<size_t>(n);
  }
  if (::pwrite(fd, kMagic, 8, 0) != 8) return fail("cannot write");
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Internal("cannot close " + tmp + ": " + std::strerror(errno));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string msg = "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return Internal(msg);
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Artifact

Artifact::Artifact(Artifact&& other) noexcept { *this = std::move(other); }

Artifact& Artifact::operator=(Artifact&& other) noexcept {
  if (this != &other) {
    Reset();
    path_ = std::move(other.path_);
    kind_ = std::move(other.kind_);
    format_version_ = other.format_version_;
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    sections_ = std::move(other.sections_);
    provenance_ = std::move(other.provenance_);
  }
  return *this;
}

Artifact::~Artifact() { Reset(); }

void Artifact::Reset() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
  sections_.clear();
}

std::optional<std::string_view> Artifact::Section(std::string_view name) const {
  for (const auto& [n, bytes] : sections_) {
    if (n == name) return bytes;
  }
  return std::nullopt;
}

Result<Artifact> Artifact::Open(const std::string& path,
                                std::string_view expected_kind,
                                uint32_t expected_version,
                                std::string_view rebuild_hint) {
  const std::string fix = "run `" +
                          (rebuild_hint.empty() ? "sitrep train " + std::string(expected_kind)
                                                : std::string(rebuild_hint)) +
                          "`";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return NotFound("cannot open " + path + ": " + std::strerror(errno) + " — " + fix);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const std::string msg = "cannot stat " + path + ": " + std::strerror(errno);
    ::close(fd);
    return NotFound(msg);
  }
  const auto actual = static_cast<size_t>(st.st_size);
  if (actual < kArtifactHeaderSize) {
    ::close(fd);
    return DataLoss(path + " is truncated: " + std::to_string(actual) + " of at least " +
                    std::to_string(kArtifactHeaderSize) + " bytes — " + fix);
  }
  void* map = ::mmap(nullptr, actual, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) {
    return Internal("cannot map " + path + ": " + std::strerror(errno));
  }
  Artifact a;
  a.path_ = path;
  a.data_ = static_cast<const char*>(map);
  a.size_ = actual;
  const std::string_view file(a.data_, a.size_);

  if (std::memcmp(a.data_, kIncompleteMagic, 8) == 0) {
    return DataLoss(path + " did not finish building (the writer stopped before the end) — " +
                    fix);
  }
  if (std::memcmp(a.data_, kMagic, 8) != 0) {
    return DataLoss(path + " is not a sitrep artifact (bad magic \"" +
                    Printable(file.substr(0, 8)) + "\") — " + fix);
  }
  a.kind_ = std::string(TrimNul(file.substr(8, 16)));
  if (a.kind_ != expected_kind) {
    return InvalidArgument(path + " holds a '" + a.kind_ + "' artifact, expected '" +
                           std::string(expected_kind) + "' — check the path or " + fix);
  }
  a.format_version_ = Load32(a.data_ + 24);
  if (a.format_version_ != expected_version) {
    return InvalidArgument(path + " is format " + std::to_string(a.format_version_) +
                           ", this build reads " + std::to_string(expected_version) + " — " +
                           fix);
  }
  const uint32_t count = Load32(a.data_ + 28);
  const uint64_t want_size = Load64(a.data_ + 32);
  const uint64_t checksum = Load64(a.data_ + 40);
  const uint64_t table = Load64(a.data_ + 48);
  if (actual < want_size) {
    return DataLoss(path + " is truncated: " + std::to_string(actual) + " of " +
                    std::to_string(want_size) + " bytes — " + fix);
  }
  if (actual > want_size) {
    return DataLoss(path + " is corrupted: " + std::to_string(actual - want_size) +
                    " unexpected trailing bytes — " + fix);
  }
  if (Xxh64(file.substr(kArtifactHeaderSize)) != checksum) {
    return DataLoss(path + " is corrupted (checksum mismatch) — " + fix);
  }
  if (table != kArtifactHeaderSize ||
      count > (actual - kArtifactHeaderSize) / kArtifactSectionEntrySize) {
    return DataLoss(path + " is corrupted: its section table lies outside the file — " + fix);
  }
  for (uint32_t i = 0; i < count; ++i) {
    const char* e = a.data_ + table + size_t{i} * kArtifactSectionEntrySize;
    const std::string name(TrimNul(std::string_view(e, 32)));
    const uint64_t off = Load64(e + 32);
    const uint64_t len = Load64(e + 40);
    if (off > actual || len > actual - off || off % 8 != 0) {
      return DataLoss(path + " is corrupted: section '" + Printable(name) +
                      "' points outside the file (offset " + std::to_string(off) + ", size " +
                      std::to_string(len) + ", file " + std::to_string(actual) + " bytes) — " +
                      fix);
    }
    a.sections_.emplace_back(name, file.substr(off, len));
  }
  const auto prov = a.Section(kArtifactProvenanceSection);
  if (!prov || !DecodeProvenance(*prov, &a.provenance_)) {
    return DataLoss(path + " is corrupted: missing or unreadable provenance — " + fix);
  }
  return a;
}

}  // namespace sitrep
