#include "cli/runner.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "ingest/dates.h"

namespace sitrep::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnSigint(int) { g_interrupted.store(true); }

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

void AddCommonOptions(CLI::App* sub, CommonOptions* o) {
  sub->add_option("inputs", o->inputs,
                  "files, directories (recursive) or - for stdin; .gz/.zst "
                  "are decompressed")
      ->required();
  sub->add_option("--input-format", o->input_format,
                  "text, jsonl, html, warc or auto (from extension/content)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html", "warc"}));
  sub->add_option("--published", o->published,
                  "publication date (YYYY-MM-DD) for documents that carry none");
  sub->add_option("--max-doc-bytes", o->max_doc_bytes,
                  "reject documents larger than this many bytes")
      ->capture_default_str();
  sub->add_option("-j,--jobs", o->jobs, "worker threads (default: all cores)");
  sub->add_flag("--progress", o->progress,
                "progress line on stderr even when it is not a terminal");
  sub->add_option("-o,--output", o->output, "output file (default: stdout)");
}

int RunDocuments(const CommonOptions& options, const DocWork& work,
                 RunStats* stats, bool write_output) {
  ingest::IngestOptions ingest_options;
  auto format = ingest::ParseInputFormat(options.input_format);
  if (!format.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", format.status().message().c_str());
    return 2;
  }
  ingest_options.format = *format;
  ingest_options.max_doc_bytes = options.max_doc_bytes;
  if (!options.published.empty()) {
    std::string why;
    auto iso = ingest::NormalizeDate(options.published, &why);
    if (!iso) {
      std::fprintf(stderr, "sitrep: --published %s is not a valid date: %s\n",
                   options.published.c_str(), why.c_str());
      return 2;
    }
    ingest_options.default_published = *iso;
  }

  std::FILE* out = stdout;
  if (write_output && options.output != "-") {
    out = std::fopen(options.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "sitrep: cannot write %s: %s\n",
                   options.output.c_str(), std::strerror(errno));
      return 2;
    }
  }

  unsigned jobs = options.jobs > 0 ? static_cast<unsigned>(options.jobs)
                                   : std::max(1u, std::thread::hardware_concurrency());
  const size_t batch_size = std::max<size_t>(64, size_t{jobs} * 32);
  const bool show_progress = options.progress || isatty(2);

  g_interrupted.store(false);
  auto old_handler = std::signal(SIGINT, OnSigint);

  RunStats s;
  auto t0 = Clock::now();
  double last_progress = 0;
  std::vector<RawDoc> batch;
  std::vector<std::string> outputs;
  std::vector<DocStatus> statuses;

  auto flush = [&] {
    const size_t n = batch.size();
    if (n == 0) return;
    outputs.assign(n, std::string());
    statuses.assign(n, DocStatus::kOk);
    for (const RawDoc& r : batch) s.input_bytes += r.bytes.size();
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t i = next++; i < n; i = next++) {
        statuses[i] = work(std::move(batch[i]), ingest_options, &outputs[i]);
      }
    };
    unsigned threads = std::min<unsigned>(jobs, static_cast<unsigned>(n));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    for (size_t i = 0; i < n; ++i) {
      if (write_output) std::fwrite(outputs[i].data(), 1, outputs[i].size(), out);
      ++s.docs;
      if (statuses[i] == DocStatus::kRejected) ++s.rejected;
      if (statuses[i] == DocStatus::kEmpty) ++s.empty;
    }
    batch.clear();
    if (show_progress) {
      double t = Since(t0);
      if (t - last_progress > 0.5) {
        last_progress = t;
        std::fprintf(stderr, "%sdocuments %zu, %.2f MB/s, rejected %zu%s",
                     isatty(2) ? "\r" : "", s.docs,
                     s.input_bytes / 1e6 / std::max(t, 1e-9), s.rejected,
                     isatty(2) ? "" : "\n");
      }
    }
  };

  ingest::ReadInputs(options.inputs, ingest_options, [&](RawDoc&& raw) {
    batch.push_back(std::move(raw));
    if (batch.size() >= batch_size) flush();
    return !g_interrupted.load();
  });
  flush();
  s.seconds = Since(t0);
  s.interrupted = g_interrupted.load();
  std::signal(SIGINT, old_handler);

  if (show_progress) {
    std::fprintf(stderr, "%sdocuments %zu, %.2f MB/s, rejected %zu, %.2f s%s\n",
                 isatty(2) ? "\r" : "", s.docs,
                 s.input_bytes / 1e6 / std::max(s.seconds, 1e-9), s.rejected,
                 s.seconds, s.interrupted ? " (interrupted)" : "");
  }
  bool write_failed = write_output && (std::fflush(out) != 0 || std::ferror(out));
  if (out != stdout) write_failed = (std::fclose(out) != 0) || write_failed;
  if (stats) *stats = s;
  if (write_failed) {
    std::fprintf(stderr, "sitrep: writing the output failed\n");
    return 2;
  }
  if (s.interrupted) {
    std::fprintf(stderr,
                 "sitrep: interrupted after %zu documents; the output holds "
                 "whole records only\n",
                 s.docs);
    return 1;
  }
  return s.rejected > 0 ? 1 : 0;
}

}  // namespace sitrep::cli
