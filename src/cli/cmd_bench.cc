// sitrep bench: throughput of each stage and of the whole pipeline over a
// corpus, in one run on one machine (median of several runs, min and max),
// with `wc -w` over the same bytes as a baseline. One JSON line per
// measurement, then a readable table on stderr.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "core/record.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "text/text.h"

namespace sitrep::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct Measurement {
  std::string name;
  int jobs = 1;
  size_t docs = 0;
  size_t bytes = 0;
  size_t tokens = 0;
  std::vector<double> seconds;  // one per run
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Runs fn(i) for i in [0, n) on `jobs` threads.
template <typename Fn>
void ParallelFor(size_t n, int jobs, Fn fn) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < jobs; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

void Emit(const Measurement& m, std::vector<std::string>* table) {
  double med = Median(m.seconds);
  double lo = *std::min_element(m.seconds.begin(), m.seconds.end());
  double hi = *std::max_element(m.seconds.begin(), m.seconds.end());
  auto mbps = [&](double s) { return s > 0 ? m.bytes / 1e6 / s : 0.0; };
  std::string line;
  JsonWriter w(&line);
  w.BeginObject();
  w.Key("bench").String(m.name);
  w.Key("jobs").Int(m.jobs);
  w.Key("runs").Uint(m.seconds.size());
  w.Key("docs").Uint(m.docs);
  w.Key("bytes").Uint(m.bytes);
  w.Key("seconds_median").Double(med, 5);
  w.Key("mb_per_s").Double(mbps(med), 2);
  w.Key("mb_per_s_min").Double(mbps(hi), 2);
  w.Key("mb_per_s_max").Double(mbps(lo), 2);
  w.Key("docs_per_s").Double(med > 0 ? m.docs / med : 0, 1);
  if (m.tokens) w.Key("tokens_per_s").Double(med > 0 ? m.tokens / med : 0, 0);
  w.EndObject();
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);  // keep JSON lines and the stderr table in order
  table->push_back(fmt::format("{:<22} {:>4} {:>10.2f} {:>10.2f} {:>10.2f} {:>11.1f} {:>12}",
                               m.name, m.jobs, mbps(med), mbps(hi), mbps(lo),
                               med > 0 ? m.docs / med : 0.0,
                               m.tokens ? fmt::format("{:.0f}", m.tokens / med)
                                        : std::string("-")));
}

int RunBench(const std::vector<std::string>& corpus, int runs, int jobs_all) {
  auto loaded = Pipeline::Load(PipelineOptions());
  if (!loaded.ok()) {
    std::fprintf(stderr, "sitrep bench: %s\n", loaded.status().message().c_str());
    return 2;
  }
  const Pipeline& p = **loaded;
  ingest::IngestOptions options;
  std::vector<RawDoc> raws;
  ingest::ReadInputs(corpus, options, [&](RawDoc&& r) {
    raws.push_back(std::move(r));
    return true;
  });
  if (raws.empty()) {
    std::fprintf(stderr, "sitrep bench: no documents in the corpus\n");
    return 2;
  }
  size_t raw_bytes = 0;
  for (const RawDoc& r : raws) raw_bytes += r.bytes.size();

  // Prepared documents, the input of the text stage.
  std::vector<Document> prepared;
  for (const RawDoc& r : raws) prepared.push_back(ingest::Prepare(RawDoc(r), options));
  size_t text_bytes = 0, tokens = 0;
  for (Document d : prepared) {
    text_bytes += d.text.size();
    (void)text::ProcessText(d);
    tokens += d.tokens.size();
  }

  std::vector<std::string> table;
  auto measure = [&](const std::string& name, int jobs, size_t bytes,
                     size_t ntokens, auto setup, auto body) {
    Measurement m;
    m.name = name;
    m.jobs = jobs;
    m.docs = raws.size();
    m.bytes = bytes;
    m.tokens = ntokens;
    for (int r = 0; r < runs; ++r) {
      setup();
      auto t0 = Clock::now();
      body(jobs);
      m.seconds.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    Emit(m, &table);
  };

  // Stage: ingest (framing already done; Prepare = extraction, repair, dates).
  std::vector<RawDoc> copies;
  measure("ingest.prepare", 1, raw_bytes, 0,
          [&] { copies = raws; },
          [&](int j) {
            ParallelFor(copies.size(), j, [&](size_t i) {
              Document d = ingest::Prepare(std::move(copies[i]), options);
              (void)d;
            });
          });
  // Stage: text (normalize + tokenize + sentence split).
  std::vector<Document> docs;
  measure("text", 1, text_bytes, tokens, [&] { docs = prepared; },
          [&](int j) {
            ParallelFor(docs.size(), j, [&](size_t i) {
              thread_local text::TextScratch scratch;
              (void)text::ProcessText(docs[i], scratch);
            });
          });
  // Stage: tagging (POS + NER + entity repairs) on tokenized documents.
  std::vector<Document> tokenized = prepared;
  for (Document& d : tokenized) (void)text::ProcessText(d);
  measure("tag (pos+ner)", 1, text_bytes, tokens, [&] { docs = tokenized; },
          [&](int j) {
            ParallelFor(docs.size(), j, [&](size_t i) {
              thread_local Pipeline::Scratch scratch;
              p.Tag(docs[i], scratch);
            });
          });
  // Stage: places (recognition + resolution) on NER-tagged documents.
  std::vector<Document> tagged = tokenized;
  for (Document& d : tagged) {
    Pipeline::Scratch scratch;
    p.Tag(d, scratch);
  }
  if (p.gazetteer() != nullptr) {
    measure("places", 1, text_bytes, tokens, [&] { docs = tagged; },
            [&](int j) {
              ParallelFor(docs.size(), j, [&](size_t i) {
                thread_local Pipeline::Scratch scratch;
                p.ResolvePlaces(docs[i], scratch);
              });
            });
  }
  for (Document& d : tagged) {
    Pipeline::Scratch scratch;
    p.ResolvePlaces(d, scratch);
  }
  // Stage: output (serialize the records).
  std::vector<std::string> outs(raws.size());
  measure("output", 1, raw_bytes, 0, [&] { docs = tagged; },
          [&](int j) {
            ParallelFor(docs.size(), j, [&](size_t i) {
              outs[i].clear();
              AppendDocRecord(docs[i], 0.0, &outs[i]);
            });
          });
  // The whole pipeline, one job and all jobs.
  auto pipeline = [&](int j) {
    measure("pipeline", j, raw_bytes, tokens, [&] { copies = raws; },
            [&](int jj) {
              ParallelFor(copies.size(), jj, [&](size_t i) {
                thread_local Pipeline::Scratch scratch;
                Document d = p.Process(std::move(copies[i]), options, scratch);
                outs[i].clear();
                AppendDocRecord(d, 0.0, &outs[i]);
              });
            });
  };
  pipeline(1);
  if (jobs_all > 1) pipeline(jobs_all);

  std::fprintf(stderr, "\n%-22s %4s %10s %10s %10s %11s %12s\n", "measurement",
               "jobs", "MB/s med", "MB/s min", "MB/s max", "docs/s", "tokens/s");
  for (const auto& row : table) std::fprintf(stderr, "%s\n", row.c_str());
  std::string line;
  JsonWriter w(&line);
  w.BeginObject();
  w.Key("bench").String("summary");
  w.Key("docs").Uint(raws.size());
  w.Key("bytes").Uint(raw_bytes);
  w.Key("tokens").Uint(tokens);
  w.Key("peak_rss_mb").Double(PeakRssMb(), 1);
  w.Key("hardware_threads").Uint(std::thread::hardware_concurrency());
  w.EndObject();
  std::printf("%s\n", line.c_str());
  std::fprintf(stderr, "documents %zu, %.2f MB, tokens %zu, peak RSS %.1f MB\n",
               raws.size(), raw_bytes / 1e6, tokens, PeakRssMb());
  return 0;
}

}  // namespace

void AddBenchCommand(CLI::App& app, int* exit_code) {
  auto* corpus = new std::vector<std::string>();
  auto* runs = new int(5);
  auto* jobs = new int(0);
  CLI::App* sub = app.add_subcommand(
      "bench", "throughput per stage and for the whole pipeline over a corpus");
  sub->add_option("corpus", *corpus, "corpus files or directories")->required();
  sub->add_option("--runs", *runs, "runs per measurement (median reported)")
      ->capture_default_str();
  sub->add_option("-j,--jobs", *jobs, "threads for the parallel run (default: all cores)");
  sub->callback([corpus, runs, jobs, exit_code] {
    int j = *jobs > 0 ? *jobs
                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    *exit_code = RunBench(*corpus, std::max(1, *runs), j);
  });
}

}  // namespace sitrep::cli
