// gzip (multi-member, as .warc.gz uses) and zstd decoding with honest errors.
#include <zlib.h>
#include <zstd.h>

#include <fmt/format.h>

#include "ingest/ingest.h"

namespace sitrep::ingest {

Compression DetectCompression(std::string_view b) {
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
      static_cast<unsigned char>(b[1]) == 0x8b) {
    return Compression::kGzip;
  }
  if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0x28 &&
      static_cast<unsigned char>(b[1]) == 0xb5 &&
      static_cast<unsigned char>(b[2]) == 0x2f &&
      static_cast<unsigned char>(b[3]) == 0xfd) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

namespace {

Status Gunzip(std::string_view in, std::string* out, size_t limit) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) {
    return Internal("cannot initialise zlib");
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  // avail_in is 32-bit: feed huge inputs in slices.
  size_t fed = zs.avail_in;
  if (in.size() > 0x7fffffffu) {
    zs.avail_in = 0x7fffffffu;
    fed = zs.avail_in;
  }
  char buf[1 << 16];
  Status result;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof buf - zs.avail_out;
    if (out->size() + produced > limit) {
      out->append(buf, limit - out->size());
      result = ResourceExhausted(fmt::format(
          "decompressed size exceeds the {} byte limit", limit));
      break;
    }
    out->append(buf, produced);
    size_t consumed = fed - zs.avail_in;
    if (zs.avail_in == 0 && consumed < in.size()) {
      size_t rest = in.size() - consumed;
      zs.avail_in = static_cast<uInt>(std::min<size_t>(rest, 0x7fffffffu));
      fed = consumed + zs.avail_in;
    }
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (multi-member files, .warc.gz).
      size_t offset = fed - zs.avail_in;
      // Trailing zero padding after the last member is tolerated.
      size_t k = offset;
      while (k < in.size() && in[k] == '\0') ++k;
      if (k >= in.size()) break;
      if (DetectCompression(in.substr(k)) != Compression::kGzip) {
        result = DataLoss(fmt::format(
            "trailing garbage after the gzip stream at byte {}", k));
        break;
      }
      inflateReset(&zs);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + k));
      zs.avail_in =
          static_cast<uInt>(std::min<size_t>(in.size() - k, 0x7fffffffu));
      fed = k + zs.avail_in;
      continue;
    }
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && produced == 0)) {
      result = DataLoss(fmt::format(
          "truncated gzip stream: input ends at byte {} inside a member",
          in.size()));
      break;
    }
    if (rc != Z_OK) {
      result = DataLoss(fmt::format("corrupt gzip data near byte {}: {}",
                                    fed - zs.avail_in,
                                    zs.msg ? zs.msg : "inflate failed"));
      break;
    }
  }
  inflateEnd(&zs);
  return result;
}

Status Unzstd(std::string_view in, std::string* out, size_t limit) {
  ZSTD_DStream* ds = ZSTD_createDStream();
  if (ds == nullptr) return Internal("cannot initialise zstd");
  ZSTD_initDStream(ds);
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  char buf[1 << 16];
  Status result;
  size_t last = 0;
  while (true) {
    ZSTD_outBuffer output{buf, sizeof buf, 0};
    last = ZSTD_decompressStream(ds, &output, &input);
    if (ZSTD_isError(last)) {
      result = DataLoss(fmt::format("corrupt zstd data near byte {}: {}",
                                    input.pos, ZSTD_getErrorName(last)));
      break;
    }
    if (out->size() + output.pos > limit) {
      out->append(buf, limit - out->size());
      result = ResourceExhausted(fmt::format(
          "decompressed size exceeds the {} byte limit", limit));
      break;
    }
    out->append(buf, output.pos);
    if (input.pos == input.size && output.pos < output.size) {
      if (last != 0) {
        result = DataLoss(fmt::format(
            "truncated zstd stream: input ends at byte {} inside a frame",
            in.size()));
      }
      break;
    }
  }
  ZSTD_freeDStream(ds);
  return result;
}

}  // namespace

Status Decompress(std::string_view in, Compression c, std::string* out,
                  size_t limit) {
  out->clear();
  switch (c) {
    case Compression::kNone:
      out->assign(in.substr(0, std::min(in.size(), limit)));
      if (in.size() > limit) {
        return ResourceExhausted(
            fmt::format("input exceeds the {} byte limit", limit));
      }
      return Status::Ok();
    case Compression::kGzip:
      return Gunzip(in, out, limit);
    case Compression::kZstd:
      return Unzstd(in, out, limit);
  }
  return Internal("unknown compression");
}

}  // namespace sitrep::ingest
