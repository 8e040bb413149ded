// A small, fast JSON writer that appends to a std::string.
//
// Strings are escaped per RFC 8259; invalid UTF-8 in a value is replaced by
// U+FFFD so the output is always valid JSON and valid UTF-8. Commas are
// managed automatically. The writer does not check nesting beyond asserts.
//
// Thread-safety: one writer per thread. Cost: linear in the output size.
#ifndef SITREP_CORE_JSON_WRITER_H_
#define SITREP_CORE_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// Appends `s` as a quoted, escaped JSON string to *out.
void AppendJsonString(std::string_view s, std::string* out);

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& OptString(const std::optional<std::string>& s);  // null if empty
  JsonWriter& Null();
  JsonWriter& Bool(bool b);
  JsonWriter& Int(int64_t v);
  JsonWriter& Uint(uint64_t v);
  // Fixed-point with `decimals` digits; NaN/inf are written as null.
  JsonWriter& Double(double v, int decimals = 3);
  // Inserts pre-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

 private:
  void Separator();
  std::string* out_;
  // One entry per open container: true when a value was already written.
  std::vector<bool> has_value_;
  bool after_key_ = false;
};

}  // namespace sitrep

#endif  // SITREP_CORE_JSON_WRITER_H_
