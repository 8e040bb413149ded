// ingest: from input paths (files, directories, stdin; plain, .gz, .zst) to
// documents ready for the text stage.
//
// Two steps, so that the expensive one can run in parallel:
//   1. ReadInputs() walks the inputs in order and splits each into RawDocs
//      (one per text/HTML file, JSONL line or WARC response record). It is
//      sequential and cheap: decompression, framing, JSON field access.
//   2. Prepare() turns one RawDoc into a Document: HTML extraction, plain-text
//      title/dateline/furniture, UTF-8 repair, limits, date normalization,
//      id assignment. It is a pure function of its arguments (thread-safe).
//
// Bad input never stops a run: a document that cannot be read becomes a
// Document with status kRejected and a one-sentence error naming the problem
// and where it is (line, byte offset).
#ifndef SITREP_INGEST_INGEST_H_
#define SITREP_INGEST_INGEST_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::ingest {

enum class InputFormat { kAuto, kText, kJsonl, kHtml, kWarc };

// "auto", "text", "jsonl", "html", "warc".
Result<InputFormat> ParseInputFormat(std::string_view name);
const char* InputFormatName(InputFormat f);

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;  // --input-format
  // --published: ISO date for documents that carry none (validated by caller).
  std::optional<std::string> default_published;
  // Documents larger than this (after decompression) are rejected.
  size_t max_doc_bytes = size_t{8} << 20;
  // An input file that decompresses to more than this is cut there and the
  // rest reported as one rejected record.
  size_t max_input_bytes = size_t{4} << 30;
};

// Compression detected by magic bytes: gzip (1f 8b, multi-member) or zstd.
enum class Compression { kNone, kGzip, kZstd };
Compression DetectCompression(std::string_view bytes);

// Decompresses `in` into *out. On a truncated or corrupt stream, *out holds
// what could be decoded and the returned status says what went wrong and at
// which compressed byte offset. `limit` caps the output size.
Status Decompress(std::string_view in, Compression c, std::string* out,
                  size_t limit = size_t{4} << 30);

// Guesses the format from the file name (after stripping .gz/.zst) and, when
// that does not decide, from the content.
InputFormat DetectFormat(std::string_view path, std::string_view content);

// Splits one in-memory input into RawDocs. `name` is the path as given (used
// for doc ids and error locations). Exposed for tests; ReadInputs uses it.
void SplitInput(std::string_view name, std::string_view content,
                InputFormat format, const IngestOptions& options,
                const std::function<bool(RawDoc&&)>& sink);

// Reads every input in order ("-" = stdin; directories recursively, sorted,
// skipping hidden entries) and calls sink for each RawDoc. Stops early when
// sink returns false. Unreadable inputs become RawDocs with `error` set.
void ReadInputs(const std::vector<std::string>& inputs,
                const IngestOptions& options,
                const std::function<bool(RawDoc&&)>& sink);

// Turns a RawDoc into a Document with status ok, empty or rejected. Does not
// tokenize. Thread-safe.
Document Prepare(RawDoc&& raw, const IngestOptions& options);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_INGEST_H_
