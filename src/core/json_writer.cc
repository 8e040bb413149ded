#include "core/json_writer.h"

#include <cassert>
#include <cmath>
#include <cstdio>

#include "core/utf8.h"

namespace sitrep {

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Copy the longest run of bytes that need no escaping.
    size_t run = i;
    while (run < n) {
      unsigned char c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out->append(s.data() + i, run - i);
    i = run;
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(s, i);
      if (len == 0) {
        out->append(kReplacementChar);
        i += Utf8InvalidLength(s, i);
      } else {
        out->append(s.data() + i, len);
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
    ++i;
  }
  out->push_back('"');
}

void JsonWriter::Separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_value_.empty()) {
    if (has_value_.back()) out_->push_back(',');
    has_value_.back() = true;
  }
}

JsonWriter& JsonWriter::BeginObject() {
  Separator();
  out_->push_back('{');
  has_value_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  assert(!has_value_.empty());
  has_value_.pop_back();
  out_->push_back('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Separator();
  out_->push_back('[');
  has_value_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  assert(!has_value_.empty());
  has_value_.pop_back();
  out_->push_back(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separator();
  AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Separator();
  AppendJsonString(s, out_);
  return *this;
}

JsonWriter& JsonWriter::OptString(const std::optional<std::string>& s) {
  if (s && !s->empty()) return String(*s);
  return Null();
}

JsonWriter& JsonWriter::Null() {
  Separator();
  out_->append("null");
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  Separator();
  out_->append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  Separator();
  char buf[32];
  int len = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  out_->append(buf, static_cast<size_t>(len));
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t v) {
  Separator();
  char buf[32];
  int len = std::snprintf(buf, sizeof buf, "%llu",
                          static_cast<unsigned long long>(v));
  out_->append(buf, static_cast<size_t>(len));
  return *this;
}

JsonWriter& JsonWriter::Double(double v, int decimals) {
  if (!std::isfinite(v)) return Null();
  Separator();
  char buf[64];
  int len = std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  out_->append(buf, static_cast<size_t>(len));
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separator();
  out_->append(json);
  return *this;
}

}  // namespace sitrep
