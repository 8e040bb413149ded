// Normalize: one pass over the input. Plain ASCII is copied in bulk (8 bytes
// per step); the rest is handled per maximal run of non-ASCII bytes, which is
// split at ill-formed sequences and C1 controls (both replaced by characters
// that are NFC boundaries, so the pieces can be normalized independently).
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>

#include "text/text.h"

namespace sitrep::text {
namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// 1 for bytes copied unchanged: printable ASCII, TAB and LF.
constexpr std::array<uint8_t, 256> kPlain = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = 1;
  t['\t'] = 1;
  t['\n'] = 1;
  return t;
}();

// Returns the first offset >= i whose byte is not plain (or n).
size_t SkipPlain(const unsigned char* s, size_t i, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  for (;;) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
      const uint64_t x7f = w ^ (kOnes * 0x7F);
      const uint64_t del = (x7f - kOnes) & ~x7f & kHigh;
      if ((w & kHigh) | below_space | del) break;
      i += 8;
    }
    // A word with a tab, newline or special byte: finish it byte by byte.
    const size_t stop = std::min(i + 8, n);
    while (i < stop && kPlain[s[i]]) ++i;
    if (i < stop || i == n) return i;
  }
}

// Code points that are NFC_QC=Yes with combining class 0, so a run made only
// of them (after any ASCII) is already NFC. Checked exhaustively against ICU
// in tests/text/normalize_test.cc (AllCodePointsMatchIcu).
bool IsNfcSafe(char32_t cp) {
  return cp < 0x300 || (cp >= 0x2010 && cp <= 0x2027) ||
         (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0);
}

// Records (out, in) anchors where the drift in - out changes.
class Anchors {
 public:
  explicit Anchors(OffsetMap* map) : map_(map) {}

  void Add(size_t out, size_t in) {
    const int64_t drift = static_cast<int64_t>(in) - static_cast<int64_t>(out);
    if (drift == drift_ || map_ == nullptr) {
      drift_ = drift;
      return;
    }
    if (!map_->empty() && map_->back().first == out) {
      map_->back().second = static_cast<uint32_t>(in);
      const size_t sz = map_->size();
      const int64_t before =
          sz >= 2 ? static_cast<int64_t>((*map_)[sz - 2].second) -
                        static_cast<int64_t>((*map_)[sz - 2].first)
                  : 0;
      if (before == drift) map_->pop_back();
    } else {
      map_->emplace_back(static_cast<uint32_t>(out), static_cast<uint32_t>(in));
    }
    drift_ = drift;
  }

 private:
  OffsetMap* map_;
  int64_t drift_ = 0;
};

class Normalizer {
 public:
  Normalizer(std::string_view in, std::string* out, OffsetMap* map)
      : in_(in),
        s_(reinterpret_cast<const unsigned char*>(in.data())),
        out_(out),
        anchors_(map) {}

  NormalizeInfo Run() {
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      const size_t j = SkipPlain(s_, i, n);
      out_->append(in_.data() + i, j - i);
      i = j;
      if (i == n) break;
      const unsigned char b = s_[i];
      if (b < 0x80) {
        if (b == '\r') {
          out_->push_back('\n');
          if (i + 1 < n && s_[i + 1] == '\n') {
            // CR LF (2 bytes) -> LF. The anchor goes after the LF, so a token
            // ending before the line break maps to an end before the CR.
            ++i;
            anchors_.Add(out_->size(), i + 1);
          }
        } else {
          out_->push_back(' ');
          ++info_.controls;
        }
        ++i;
        continue;
      }
      size_t k = i + 1;
      while (k < n && s_[k] >= 0x80) ++k;
      NonAsciiRun(i, k);
      i = k;
    }
    return info_;
  }

 private:
  // [b, e) holds only bytes >= 0x80; s_[b - 1] (if any) is ASCII.
  void NonAsciiRun(size_t b, size_t e) {
    const std::string_view run = in_.substr(0, e);
    size_t piece = b;  // start of the current well-formed piece
    bool needs_icu = false;
    size_t p = b;
    while (p < e) {
      char32_t cp;
      const size_t len = DecodeUtf8(run, p, &cp);
      const bool bad = cp == kBadCodePoint;
      if (bad || cp < 0xA0) {  // ill-formed, or a C1 control
        Piece(piece, p, needs_icu, piece == b);
        if (bad) {
          if (info_.repaired++ == 0) info_.first_bad_offset = p;
          out_->append(kReplacementUtf8);
        } else {
          out_->push_back(' ');
          ++info_.controls;
        }
        anchors_.Add(out_->size(), p + len);
        p += len;
        piece = p;
        needs_icu = false;
        continue;
      }
      needs_icu |= !IsNfcSafe(cp);
      p += len;
    }
    Piece(piece, e, needs_icu, piece == b);
  }

  // Appends the well-formed piece [b, e), normalized. `after_ascii` is true
  // when the output byte before it is the ASCII byte s_[b - 1] unchanged,
  // which may compose with a leading combining mark ("e" + U+0301).
  void Piece(size_t b, size_t e, bool needs_icu, bool after_ascii) {
    if (b == e) return;
    if (!needs_icu) {
      out_->append(in_.data() + b, e - b);
      return;
    }
    const bool with_prev =
        after_ascii && b > 0 && s_[b - 1] > 0x20 && s_[b - 1] < 0x7F;
    const size_t seg_begin = b - (with_prev ? 1 : 0);
    const icu::StringPiece seg(in_.data() + seg_begin,
                               static_cast<int32_t>(e - seg_begin));
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
    if (U_FAILURE(ec) || nfc->isNormalizedUTF8(seg, ec) || U_FAILURE(ec)) {
      out_->append(in_.data() + b, e - b);
      return;
    }
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    icu::Edits edits;
    nfc->normalizeUTF8(0, seg, sink, &edits, ec);
    if (U_FAILURE(ec)) {  // not reachable for well-formed UTF-8
      out_->append(in_.data() + b, e - b);
      return;
    }
    const size_t out_base = out_->size() - (with_prev ? 1 : 0);
    out_->resize(out_base);
    out_->append(normalized);
    icu::Edits::Iterator it = edits.getFineChangesIterator();
    while (it.next(ec)) {
      const size_t src = seg_begin + static_cast<size_t>(it.sourceIndex());
      const size_t dst = out_base + static_cast<size_t>(it.destinationIndex());
      anchors_.Add(dst, src);
      anchors_.Add(dst + static_cast<size_t>(it.newLength()),
                   src + static_cast<size_t>(it.oldLength()));
    }
  }

  std::string_view in_;
  const unsigned char* s_;
  std::string* out_;
  Anchors anchors_;
  NormalizeInfo info_;
};

}  // namespace

NormalizeInfo Normalize(std::string_view in, std::string* out,
                        OffsetMap* offset_map) {
  assert(in.size() <= kMaxTextBytes);
  out->clear();
  out->reserve(in.size() + in.size() / 64 + 16);
  if (offset_map != nullptr) offset_map->clear();
  return Normalizer(in, out, offset_map).Run();
}

uint32_t MapToOriginal(const OffsetMap& offset_map, uint32_t out_offset) {
  auto it =
      std::upper_bound(offset_map.begin(), offset_map.end(), out_offset,
                       [](uint32_t v, const std::pair<uint32_t, uint32_t>& a) {
                         return v < a.first;
                       });
  uint64_t mapped = out_offset;  // before the first anchor: no drift yet
  if (it != offset_map.begin()) {
    const auto& a = *(it - 1);
    mapped = uint64_t{a.second} + (out_offset - a.first);
  }
  // Inside a character that grew (U+FFFD for one bad byte), stay within it.
  if (it != offset_map.end() && mapped > it->second) mapped = it->second;
  return static_cast<uint32_t>(mapped);
}

OffsetMap ComposeOffsetMaps(const OffsetMap& first, const OffsetMap& second) {
  if (second.empty()) return first;
  // Breakpoints in C: where `first` drifts, and where first(x) reaches a
  // breakpoint of `second`. Between breakpoints both maps have slope one.
  std::vector<uint32_t> points;
  points.reserve(first.size() + second.size());
  for (const auto& a : first) points.push_back(a.first);
  size_t k = 0;  // segment of `first`: anchors [k-1] .. [k]
  for (const auto& [mid, orig] : second) {
    (void)orig;
    while (k < first.size() && first[k].second <= mid) ++k;
    uint64_t x = mid;  // identity before the first anchor
    if (k > 0) x = uint64_t{first[k - 1].first} + (mid - first[k - 1].second);
    if (k < first.size() && x > first[k].first) x = first[k].first;
    points.push_back(static_cast<uint32_t>(x));
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  OffsetMap result;
  Anchors anchors(&result);
  for (uint32_t x : points) {
    anchors.Add(x, MapToOriginal(second, MapToOriginal(first, x)));
  }
  return result;
}

}  // namespace sitrep::text
