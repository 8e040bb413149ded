// RawDoc → Document: content extraction, repair, limits, metadata checks.
#include <algorithm>

#include <fmt/format.h>

#include "core/hash.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "ingest/dates.h"
#include "ingest/html.h"
#include "ingest/ingest.h"
#include "ingest/plain_text.h"

namespace sitrep::ingest {

namespace {

Document Reject(Document doc, std::string error) {
  doc.status = DocStatus::kRejected;
  doc.error = std::move(error);
  doc.text.clear();
  return doc;
}


std::optional<std::string> CleanField(std::optional<std::string> v) {
  if (!v) return v;
  std::string s = RepairUtf8(Trim(*v));
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (s.empty()) return std::nullopt;
  return s;
}

// A time without a zone cannot be placed on a timeline; keep only its date.
std::string DropZonelessTime(const std::string& iso) {
  if (iso.size() <= 10 || iso[10] != 'T') return iso;
  std::string_view time = std::string_view(iso).substr(10);
  bool zoned = time.back() == 'Z' || time.find('+') != std::string_view::npos ||
               time.find('-') != std::string_view::npos;
  return zoned ? iso : iso.substr(0, 10);
}

// Text that is mostly NUL, control bytes or invalid UTF-8 is binary data.
bool LooksBinary(std::string_view bytes, std::string* why) {
  std::string_view sample = bytes.substr(0, 64 * 1024);
  Utf8Report r = CheckUtf8(sample);
  size_t bad = r.nul + r.controls + r.invalid;
  if (bad >= 8 && bad * 10 > sample.size()) {
    *why = fmt::format(
        "input looks like binary data, not text: {} of its first {} bytes are "
        "NUL, control or invalid UTF-8 bytes",
        bad, sample.size());
    return true;
  }
  return false;
}

// Repairs invalid UTF-8 and NUL bytes in text, leaving a note for each.
std::string RepairText(std::string_view bytes, std::vector<std::string>* notes) {
  Utf8Report r;
  std::string out = RepairUtf8(bytes, &r);
  if (r.invalid > 0) {
    notes->push_back(fmt::format(
        "invalid UTF-8: {} ill-formed sequence(s) replaced with U+FFFD, the "
        "first at byte {}",
        r.invalid, r.first_invalid));
  }
  if (r.nul > 0) {
    std::replace(out.begin(), out.end(), '\0', ' ');
    notes->push_back(fmt::format("{} NUL byte(s) replaced with spaces", r.nul));
  }
  return out;
}

}  // namespace

Document Prepare(RawDoc&& raw, const IngestOptions& options) {
  Document doc;
  doc.id = std::move(raw.id);
  doc.origin = std::move(raw.origin);
  doc.notes = std::move(raw.notes);
  doc.url = CleanField(std::move(raw.url));
  doc.source = CleanField(std::move(raw.source));
  doc.title = CleanField(std::move(raw.title));
  if (doc.id.empty()) doc.id = "sha:" + HexId(Fnv1a64(raw.bytes));

  if (!raw.error.empty()) return Reject(std::move(doc), std::move(raw.error));
  if (raw.bytes.size() > options.max_doc_bytes) {
    return Reject(std::move(doc),
                  fmt::format("document is {} bytes, over the {} byte limit "
                              "(raise it with --max-doc-bytes)",
                              raw.bytes.size(), options.max_doc_bytes));
  }
  if (Trim(raw.bytes).empty()) {
    doc.status = DocStatus::kEmpty;
    return doc;
  }

  // Publication date candidates, best first. An explicit metadata field
  // (JSONL) must be valid; a date found in the page or dateline, or a crawl
  // date, is used when it parses and noted when it does not.
  struct DateCandidate {
    std::optional<std::string> value;
    bool strict;
  };
  std::vector<DateCandidate> dates;
  std::string why;
  if (LooksBinary(raw.bytes, &why)) return Reject(std::move(doc), why);

  if (raw.kind == ContentKind::kHtml) {
    Result<HtmlArticle> article = ExtractHtml(raw.bytes);
    if (!article.ok()) {
      return Reject(std::move(doc), article.status().message());
    }
    doc.text = std::move(article->text);
    if (!doc.title) doc.title = CleanField(std::move(article->title));
    if (!doc.url) doc.url = CleanField(std::move(article->url));
    if (!doc.source) doc.source = CleanField(std::move(article->source));
    // The page's own date beats a crawl date (WARC-Date) from the container.
    dates.push_back({CleanField(std::move(article->published)), false});
    dates.push_back({CleanField(std::move(raw.published)), false});
  } else {
    std::string text = RepairText(raw.bytes, &doc.notes);
    // A container's body (JSONL) may repeat its title as the first line and
    // carry datelines and page furniture like a plain file; its first line
    // is never guessed to be a title, though: only a repeat of the given
    // title is removed.
    PlainTextOptions parse_options;
    if (raw.from_container) {
      parse_options.known_title = doc.title ? std::string_view(*doc.title)
                                            : std::string_view();
    }
    PlainTextParts parts = ParsePlainText(text, parse_options);
    dates.push_back({CleanField(std::move(raw.published)), raw.from_container});
    dates.push_back({std::move(parts.published), false});
    doc.text = std::move(parts.body);
    if (!doc.title) doc.title = CleanField(std::move(parts.title));
  }

  for (const DateCandidate& c : dates) {
    if (!c.value || doc.published) continue;
    why.clear();
    auto iso = NormalizeDate(*c.value, &why);
    if (iso) {
      doc.published = DropZonelessTime(*iso);
    } else if (c.strict) {
      return Reject(std::move(doc),
                    fmt::format("field \"published\" (\"{}\") is not a "
                                "valid date: {}",
                                *c.value, why));
    } else {
      doc.notes.push_back(
          fmt::format("ignored unusable date \"{}\": {}", *c.value, why));
    }
  }
  if (!doc.published && options.default_published) {
    doc.published = options.default_published;
  }

  if (Trim(doc.text).empty()) doc.status = DocStatus::kEmpty;
  return doc;
}

}  // namespace sitrep::ingest
