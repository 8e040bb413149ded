// Input enumeration, format detection and framing: text, JSONL, HTML, WARC.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <simdjson.h>

#include "core/hash.h"
#include "core/strings.h"
#include "ingest/ingest.h"

namespace sitrep::ingest {

namespace fs = std::filesystem;

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text" || name == "txt") return InputFormat::kText;
  if (name == "jsonl" || name == "ndjson") return InputFormat::kJsonl;
  if (name == "html") return InputFormat::kHtml;
  if (name == "warc") return InputFormat::kWarc;
  return InvalidArgument(fmt::format(
      "unknown input format '{}': use text, jsonl, html, warc or auto", name));
}

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kHtml: return "html";
    case InputFormat::kWarc: return "warc";
  }
  return "auto";
}

namespace {

std::string_view StripCompressionSuffix(std::string_view path) {
  for (std::string_view ext : {".gz", ".zst", ".zstd"}) {
    if (EndsWithIgnoreCase(path, ext)) return path.substr(0, path.size() - ext.size());
  }
  return path;
}

}  // namespace

InputFormat DetectFormat(std::string_view path, std::string_view content) {
  std::string_view p = StripCompressionSuffix(path);
  if (EndsWithIgnoreCase(p, ".jsonl") || EndsWithIgnoreCase(p, ".ndjson") ||
      EndsWithIgnoreCase(p, ".json")) {
    return InputFormat::kJsonl;
  }
  if (EndsWithIgnoreCase(p, ".html") || EndsWithIgnoreCase(p, ".htm") ||
      EndsWithIgnoreCase(p, ".xhtml")) {
    return InputFormat::kHtml;
  }
  if (EndsWithIgnoreCase(p, ".warc") || EndsWithIgnoreCase(p, ".arc")) {
    return InputFormat::kWarc;
  }
  std::string_view head = Trim(content.substr(0, 4096));
  if (head.substr(0, 2) == "\xEF\xBB") head.remove_prefix(std::min<size_t>(3, head.size()));
  if (head.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  if (!head.empty() && head.front() == '{') return InputFormat::kJsonl;
  if (StartsWithIgnoreCase(head, "<!doctype html") || StartsWithIgnoreCase(head, "<html") ||
      FindIgnoreCase(head.substr(0, 1024), "<html") != std::string_view::npos ||
      (!head.empty() && head.front() == '<' &&
       (FindIgnoreCase(head, "<body") != std::string_view::npos ||
        FindIgnoreCase(head, "<head") != std::string_view::npos ||
        FindIgnoreCase(head, "<p>") != std::string_view::npos))) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

namespace {

// ---- JSONL ---------------------------------------------------------------

const char* JsonTypeName(simdjson::dom::element_type t) {
  using T = simdjson::dom::element_type;
  switch (t) {
    case T::ARRAY: return "an array";
    case T::OBJECT: return "an object";
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE: return "a number";
    case T::STRING: return "a string";
    case T::BOOL: return "a boolean";
    case T::NULL_VALUE: return "null";
  }
  return "a value";
}

// Reads an optional string field; numbers are accepted for ids.
// Returns false with *error set when the field has the wrong type.
bool StringField(simdjson::dom::object obj, std::string_view key,
                 bool allow_number, std::optional<std::string>* out,
                 std::string* error) {
  simdjson::dom::element el;
  if (obj[key].get(el) != simdjson::SUCCESS) return true;  // absent
  using T = simdjson::dom::element_type;
  switch (el.type()) {
    case T::STRING: {
      std::string_view sv;
      if (el.get(sv) != simdjson::SUCCESS) return true;
      *out = std::string(sv);
      return true;
    }
    case T::NULL_VALUE:
      return true;
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE:
      if (allow_number) {
        *out = simdjson::to_string(el);
        return true;
      }
      [[fallthrough]];
    default:
      *error = fmt::format("field \"{}\" is {}, not a string", key,
                           JsonTypeName(el.type()));
      return false;
  }
}

void SplitJsonl(std::string_view name, std::string_view content,
                const std::function<bool(RawDoc&&)>& sink) {
  simdjson::dom::parser parser;
  size_t pos = 0;
  size_t line_no = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    size_t end = nl == std::string_view::npos ? content.size() : nl;
    std::string_view line = content.substr(pos, end - pos);
    size_t line_offset = pos;
    pos = end + 1;
    ++line_no;
    if (Trim(line).empty()) continue;  // blank lines separate nothing
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);

    RawDoc doc;
    doc.origin = fmt::format("{}:{}", name, line_no);
    doc.kind = ContentKind::kText;
    doc.from_container = true;
    simdjson::dom::element root;
    auto err = parser.parse(line.data(), line.size()).get(root);
    if (err != simdjson::SUCCESS) {
      doc.id = doc.origin;
      doc.error = fmt::format(
          "line {} (byte {}) is not valid JSON: {}", line_no, line_offset,
          simdjson::error_message(err));
      if (!sink(std::move(doc))) return;
      continue;
    }
    if (root.type() != simdjson::dom::element_type::OBJECT) {
      doc.id = doc.origin;
      doc.error = fmt::format("line {} (byte {}) is {}, not a JSON object",
                              line_no, line_offset, JsonTypeName(root.type()));
      if (!sink(std::move(doc))) return;
      continue;
    }
    simdjson::dom::object obj = root.get_object().value_unsafe();
    std::string error;
    std::optional<std::string> id, text, title, published, url, source;
    bool ok = StringField(obj, "id", true, &id, &error);
    for (std::string_view key : {"text", "body", "content"}) {
      if (ok && !text) ok = StringField(obj, key, false, &text, &error);
    }
    ok = ok && StringField(obj, "title", false, &title, &error);
    for (std::string_view key : {"published", "date"}) {
      if (ok && !published) ok = StringField(obj, key, false, &published, &error);
    }
    ok = ok && StringField(obj, "url", false, &url, &error);
    ok = ok && StringField(obj, "source", false, &source, &error);
    doc.id = id.value_or("");
    if (!ok) {
      if (doc.id.empty()) doc.id = doc.origin;
      doc.error = fmt::format("line {}: {}", line_no, error);
    } else if (!text) {
      if (doc.id.empty()) doc.id = doc.origin;
      doc.error = fmt::format(
          "line {} has no text: none of the fields \"text\", \"body\" or "
          "\"content\" is present",
          line_no);
    } else {
      doc.bytes = std::move(*text);
      if (doc.id.empty()) doc.id = "sha:" + HexId(Fnv1a64(doc.bytes));
    }
    doc.title = std::move(title);
    doc.published = std::move(published);
    doc.url = std::move(url);
    doc.source = std::move(source);
    if (!sink(std::move(doc))) return;
  }
}

// ---- WARC ----------------------------------------------------------------

struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<std::string> Get(std::string_view key) const {
    for (const auto& [k, v] : fields) {
      if (k.size() == key.size() && StartsWithIgnoreCase(k, key)) return v;
    }
    return std::nullopt;
  }
};

// Parses "Name: value" lines of `block` (CRLF or LF).
Headers ParseHeaders(std::string_view block) {
  Headers h;
  size_t pos = 0;
  while (pos < block.size()) {
    size_t nl = block.find('\n', pos);
    size_t end = nl == std::string_view::npos ? block.size() : nl;
    std::string_view line = block.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(Trim(line.substr(0, colon)));
    for (char& c : key) c = AsciiLower(c);
    h.fields.emplace_back(std::move(key), std::string(Trim(line.substr(colon + 1))));
  }
  return h;
}

// Finds the blank line ending a header block; returns the offset of the body
// and sets *header_end to the end of the header text.
size_t FindBlankLine(std::string_view s, size_t from, size_t* header_end) {
  size_t crlf = s.find("\r\n\r\n", from);
  size_t lf = s.find("\n\n", from);
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf <= lf)) {
    *header_end = crlf;
    return crlf + 4;
  }
  if (lf != std::string_view::npos) {
    *header_end = lf;
    return lf + 2;
  }
  return std::string_view::npos;
}

// Decodes an HTTP chunked body; returns false when it is malformed.
bool Dechunk(std::string_view in, std::string* out) {
  size_t pos = 0;
  while (pos < in.size()) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view size_line = Trim(in.substr(pos, nl - pos));
    size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    size_t n = 0;
    if (size_line.empty()) return false;
    for (char c : size_line) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0 || n > (size_t{1} << 40)) return false;
      n = n * 16 + static_cast<size_t>(d);
    }
    pos = nl + 1;
    if (n == 0) return true;
    if (pos + n > in.size()) return false;
    out->append(in.substr(pos, n));
    pos += n;
    while (pos < in.size() && (in[pos] == '\r' || in[pos] == '\n')) ++pos;
  }
  return false;
}

bool IsHtmlContentType(std::string_view ct) {
  return FindIgnoreCase(ct, "text/html") != std::string_view::npos ||
         FindIgnoreCase(ct, "application/xhtml") != std::string_view::npos;
}

void SplitWarc(std::string_view name, std::string_view content,
               const std::function<bool(RawDoc&&)>& sink) {
  size_t pos = 0;
  size_t record_no = 0;
  while (true) {
    // Skip the CRLFs between records.
    while (pos < content.size() &&
           (content[pos] == '\r' || content[pos] == '\n')) {
      ++pos;
    }
    if (pos >= content.size()) return;
    ++record_no;
    RawDoc doc;
    doc.origin = fmt::format("{}#{}", name, record_no);
    doc.kind = ContentKind::kHtml;
    if (content.substr(pos, 5) != "WARC/") {
      // Resynchronise at the next record; report the skipped bytes.
      size_t next = content.find("\nWARC/", pos);
      size_t stop = next == std::string_view::npos ? content.size() : next + 1;
      doc.id = doc.origin;
      doc.error = fmt::format(
          "bytes {}..{} are not a WARC record (no \"WARC/\" version line)", pos,
          stop);
      if (!sink(std::move(doc))) return;
      pos = stop;
      continue;
    }
    size_t header_end = 0;
    size_t body = FindBlankLine(content, pos, &header_end);
    if (body == std::string_view::npos) {
      doc.id = doc.origin;
      doc.error = fmt::format(
          "WARC record {} at byte {} is truncated: its header never ends",
          record_no, pos);
      sink(std::move(doc));
      return;
    }
    Headers h = ParseHeaders(content.substr(pos, header_end - pos));
    size_t length = 0;
    auto cl = h.Get("content-length");
    bool length_ok = cl.has_value() && !cl->empty() && cl->size() < 16;
    if (length_ok) {
      for (char c : *cl) {
        if (c < '0' || c > '9') {
          length_ok = false;
          break;
        }
        length = length * 10 + static_cast<size_t>(c - '0');
      }
    }
    std::string type = h.Get("warc-type").value_or("");
    auto record_id = h.Get("warc-record-id");
    doc.url = h.Get("warc-target-uri");
    doc.published = h.Get("warc-date");
    if (record_id) {
      std::string_view rid = *record_id;
      if (rid.size() >= 2 && rid.front() == '<' && rid.back() == '>') {
        rid = rid.substr(1, rid.size() - 2);
      }
      doc.id = std::string(rid);
    } else {
      doc.id = doc.origin;
    }
    if (!length_ok) {
      doc.error = fmt::format(
          "WARC record {} at byte {} has no valid Content-Length", record_no,
          pos);
      if (!sink(std::move(doc))) return;
      size_t next = content.find("\nWARC/", body);
      if (next == std::string_view::npos) return;
      pos = next + 1;
      continue;
    }
    if (length > content.size() - body) {
      doc.error = fmt::format(
          "WARC record {} at byte {} is truncated: Content-Length is {} but "
          "only {} bytes remain",
          record_no, pos, length, content.size() - body);
      sink(std::move(doc));
      return;
    }
    std::string_view block = content.substr(body, length);
    pos = body + length;

    std::string content_type = h.Get("content-type").value_or("");
    if (type == "response" &&
        FindIgnoreCase(content_type, "application/http") != std::string_view::npos) {
      size_t http_header_end = 0;
      size_t http_body = FindBlankLine(block, 0, &http_header_end);
      if (http_body == std::string_view::npos) {
        doc.error = fmt::format(
            "WARC record {} at byte {}: the HTTP response has no header end",
            record_no, body);
        if (!sink(std::move(doc))) return;
        continue;
      }
      std::string_view status_line = block.substr(0, block.find('\n'));
      Headers http = ParseHeaders(block.substr(0, http_header_end));
      if (!IsHtmlContentType(http.Get("content-type").value_or(""))) continue;
      // Only successful responses are articles; redirects and errors are not.
      size_t sp = status_line.find(' ');
      if (sp == std::string_view::npos || sp + 1 >= status_line.size() ||
          status_line[sp + 1] != '2') {
        continue;
      }
      std::string_view payload = block.substr(http_body);
      std::string dechunked;
      if (FindIgnoreCase(http.Get("transfer-encoding").value_or(""), "chunked") !=
          std::string_view::npos) {
        if (!Dechunk(payload, &dechunked)) {
          doc.error = fmt::format(
              "WARC record {}: malformed chunked transfer encoding", record_no);
          if (!sink(std::move(doc))) return;
          continue;
        }
        payload = dechunked;
      }
      std::string encoding = http.Get("content-encoding").value_or("");
      if (FindIgnoreCase(encoding, "gzip") != std::string_view::npos &&
          DetectCompression(payload) == Compression::kGzip) {
        std::string inflated;
        Status st = Decompress(payload, Compression::kGzip, &inflated);
        if (!st.ok()) {
          doc.error = fmt::format("WARC record {}: {}", record_no, st.message());
          if (!sink(std::move(doc))) return;
          continue;
        }
        doc.bytes = std::move(inflated);
      } else {
        doc.bytes = std::string(payload);
      }
      if (!sink(std::move(doc))) return;
    } else if (type == "resource" && IsHtmlContentType(content_type)) {
      doc.bytes = std::string(block);
      if (!sink(std::move(doc))) return;
    }
    // warcinfo, request, metadata, revisit and non-HTML records carry no
    // article: they are framing, not documents.
  }
}

}  // namespace

void SplitInput(std::string_view name, std::string_view content,
                InputFormat format, const IngestOptions& options,
                const std::function<bool(RawDoc&&)>& sink) {
  (void)options;
  if (format == InputFormat::kAuto) format = DetectFormat(name, content);
  switch (format) {
    case InputFormat::kJsonl:
      SplitJsonl(name, content, sink);
      return;
    case InputFormat::kWarc:
      SplitWarc(name, content, sink);
      return;
    case InputFormat::kHtml:
    case InputFormat::kText:
    case InputFormat::kAuto: {
      RawDoc doc;
      doc.id = name == "-" ? std::string() : std::string(name);
      doc.origin = std::string(name);
      doc.kind = format == InputFormat::kHtml ? ContentKind::kHtml
                                              : ContentKind::kText;
      doc.bytes = std::string(content);
      sink(std::move(doc));
      return;
    }
  }
}

namespace {

bool ReadWholeFile(const std::string& path, std::string* out, std::string* error) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = fmt::format("cannot open {}: {}", path, std::strerror(errno));
    return false;
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool bad = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (bad) {
    *error = fmt::format("read error on {} after {} bytes", path, out->size());
    return false;
  }
  return true;
}

void ReadOne(const std::string& path, const IngestOptions& options,
             const std::function<bool(RawDoc&&)>& sink, bool* keep_going) {
  std::string raw, error;
  if (!ReadWholeFile(path, &raw, &error)) {
    RawDoc doc;
    doc.id = path;
    doc.origin = path;
    doc.error = error;
    *keep_going = sink(std::move(doc));
    return;
  }
  Compression c = DetectCompression(raw);
  std::string decoded;
  Status st;
  std::string_view content = raw;
  if (c != Compression::kNone) {
    st = Decompress(raw, c, &decoded, options.max_input_bytes);
    content = decoded;
  }
  InputFormat format = options.format == InputFormat::kAuto
                           ? DetectFormat(path, content)
                           : options.format;
  bool stream_format =
      format == InputFormat::kJsonl || format == InputFormat::kWarc;
  if (!st.ok() && !stream_format) {
    RawDoc doc;
    doc.id = path;
    doc.origin = path;
    doc.error = fmt::format("{}: {}", path, st.message());
    *keep_going = sink(std::move(doc));
    return;
  }
  if (!st.ok()) {
    // Records before the damage are kept; the broken tail is one rejected
    // record so nothing disappears silently.
    size_t cut = format == InputFormat::kJsonl ? content.rfind('\n')
                                               : content.rfind("\nWARC/");
    cut = cut == std::string_view::npos ? 0 : cut + 1;
    std::string_view whole = content.substr(0, cut);
    bool go = true;
    SplitInput(path, whole, format, options, [&](RawDoc&& d) {
      go = sink(std::move(d));
      return go;
    });
    if (!go) {
      *keep_going = false;
      return;
    }
    RawDoc doc;
    doc.id = fmt::format("{}@{}", path, cut);
    doc.origin = path;
    doc.error = fmt::format(
        "{}: {}; the {} bytes decoded after byte {} are an incomplete record",
        path, st.message(), content.size() - cut, cut);
    *keep_going = sink(std::move(doc));
    return;
  }
  SplitInput(path, content, format, options, [&](RawDoc&& d) {
    *keep_going = sink(std::move(d));
    return *keep_going;
  });
}

}  // namespace

void ReadInputs(const std::vector<std::string>& inputs,
                const IngestOptions& options,
                const std::function<bool(RawDoc&&)>& sink) {
  bool keep_going = true;
  for (const std::string& input : inputs) {
    if (!keep_going) return;
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> files;
      fs::recursive_directory_iterator it(input, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        std::string leaf = it->path().filename().string();
        if (!leaf.empty() && leaf[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
      }
      if (ec) {
        RawDoc doc;
        doc.id = input;
        doc.origin = input;
        doc.error = fmt::format("cannot list directory {}: {}", input, ec.message());
        keep_going = sink(std::move(doc));
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) {
        if (!keep_going) return;
        ReadOne(f, options, sink, &keep_going);
      }
      continue;
    }
    ReadOne(input, options, sink, &keep_going);
  }
}

}  // namespace sitrep::ingest
