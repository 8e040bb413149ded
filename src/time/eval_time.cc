#include "time/eval_time.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/document.h"
#include "tag/pos.h"
#include "text/text.h"
#include "time/timex.h"

namespace sitrep::time {
namespace {

// The value of attribute `name` in the tag text `tag` ("" when absent).
std::string Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool boundary =
        pos > 0 &&
        (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    size_t p = pos + name.size();
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (boundary && p < tag.size() && tag[p] == '=') {
      ++p;
      while (p < tag.size() && tag[p] == ' ') ++p;
      if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
        const char q = tag[p];
        const size_t e = tag.find(q, p + 1);
        if (e == std::string_view::npos) return "";
        return std::string(tag.substr(p + 1, e - p - 1));
      }
    }
    pos += name.size();
  }
  return "";
}

std::string EscapeAttribute(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"':
        out += "&quot;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

double Pct(size_t a, size_t b) {
  return b == 0 ? 0 : 100.0 * static_cast<double>(a) / b;
}
double F1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }

}  // namespace

Result<TimeMLDoc> ParseTimeML(std::string_view xml) {
  TimeMLDoc doc;
  const size_t dct_open = xml.find("<DCT>");
  if (dct_open != std::string_view::npos) {
    const size_t dct_close = xml.find("</DCT>", dct_open);
    const size_t t = xml.find("<TIMEX3", dct_open);
    if (t != std::string_view::npos &&
        (dct_close == std::string_view::npos || t < dct_close)) {
      const size_t e = xml.find('>', t);
      if (e != std::string_view::npos)
        doc.dct = Attribute(xml.substr(t, e - t), "value");
    }
  }
  const size_t open = xml.find("<TEXT>");
  if (open == std::string_view::npos) {
    return InvalidArgument("no <TEXT> element: not a TimeML file");
  }
  const size_t body = open + 6;
  const size_t close = xml.find("</TEXT>", body);
  if (close == std::string_view::npos) {
    return InvalidArgument("<TEXT> at byte " + std::to_string(open) +
                           " is never closed");
  }
  doc.head = std::string(xml.substr(0, body));
  const std::string_view inner = xml.substr(body, close - body);
  doc.text.reserve(inner.size());
  GoldTimex current;
  bool in_timex = false;
  for (size_t i = 0; i < inner.size();) {
    if (inner[i] != '<') {
      doc.text.push_back(inner[i++]);
      continue;
    }
    const size_t e = inner.find('>', i);
    if (e == std::string_view::npos) {
      return InvalidArgument("tag at byte " + std::to_string(body + i) +
                             " is never closed");
    }
    const std::string_view tag = inner.substr(i, e - i + 1);
    if (tag.starts_with("<TIMEX3")) {
      current = GoldTimex();
      current.begin = doc.text.size();
      current.type = Attribute(tag, "type");
      current.value = Attribute(tag, "value");
      in_timex = !tag.ends_with("/>");
    } else if (tag.starts_with("</TIMEX3") && in_timex) {
      current.end = doc.text.size();
      // Extents never start or end with white space.
      while (current.begin < current.end && IsSpace(doc.text[current.begin]))
        ++current.begin;
      while (current.end > current.begin && IsSpace(doc.text[current.end - 1]))
        --current.end;
      if (current.end > current.begin) doc.gold.push_back(current);
      in_timex = false;
    }
    i = e + 1;
  }
  return doc;
}

std::vector<PredictedTimex> PredictTimexes(const TimeMLDoc& tml,
                                           const tag::PosTagger* tagger) {
  Document doc;
  doc.text = tml.text;
  std::vector<PredictedTimex> out;
  if (!text::ProcessText(doc).ok()) return out;
  if (tagger != nullptr) {
    std::vector<uint8_t> upos;
    std::vector<uint16_t> xpos;
    tagger->TagDocument(doc, &upos, &xpos);
    for (size_t i = 0; i < doc.tokens.size() && i < upos.size(); ++i) {
      doc.tokens[i].upos = upos[i];
      doc.tokens[i].xpos = xpos[i];
    }
  }
  const std::string dct = tml.dct.size() >= 10 ? tml.dct.substr(0, 10) : "";
  for (const Timex& t : FindTimexes(doc, dct)) {
    PredictedTimex p;
    p.begin = text::MapToOriginal(doc.offset_map, t.begin);
    p.end = text::MapToOriginal(doc.offset_map, t.end);
    if (p.end > tml.text.size() || p.begin >= p.end) continue;
    p.type = TimexTypeName(t.type);
    p.value = t.value;
    out.push_back(std::move(p));
  }
  return out;
}

std::string WriteTimeML(const TimeMLDoc& doc,
                        const std::vector<PredictedTimex>& predicted) {
  std::string out = doc.head;
  size_t pos = 0;
  int tid = 1;
  for (const PredictedTimex& p : predicted) {
    if (p.begin < pos) continue;  // overlapping: keep the first
    out.append(doc.text, pos, p.begin - pos);
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"" +
           EscapeAttribute(p.type) + "\" value=\"" + EscapeAttribute(p.value) +
           "\">";
    out.append(doc.text, p.begin, p.end - p.begin);
    out += "</TIMEX3>";
    pos = p.end;
  }
  out.append(doc.text, pos, std::string::npos);
  out += "</TEXT>\n\n</TimeML>\n";
  return out;
}

void ScoreTimexes(const TimeMLDoc& doc,
                  const std::vector<PredictedTimex>& predicted,
                  std::string_view name, TimeEvalReport* r, bool errors) {
  r->documents += 1;
  r->gold += doc.gold.size();
  r->predicted += predicted.size();
  std::vector<bool> used(predicted.size(), false);
  auto surface = [&](size_t b, size_t e) { return doc.text.substr(b, e - b); };
  for (const GoldTimex& g : doc.gold) {
    int match = -1;
    for (size_t k = 0; k < predicted.size(); ++k) {
      if (used[k]) continue;
      const PredictedTimex& p = predicted[k];
      if (p.begin < g.end && g.begin < p.end) {
        match = static_cast<int>(k);
        break;
      }
      if (p.begin >= g.end) break;
    }
    if (match < 0) {
      if (errors) {
        r->errors.push_back(std::string(name) + "\tmissed\t" +
                            surface(g.begin, g.end) + "\t" + g.type + "\t" +
                            g.value + "\t" + doc.dct);
      }
      continue;
    }
    used[match] = true;
    const PredictedTimex& p = predicted[match];
    r->relaxed_matched += 1;
    if (p.begin == g.begin && p.end == g.end) {
      r->strict_matched += 1;
    } else if (errors) {
      r->errors.push_back(std::string(name) + "\textent\t" +
                          surface(g.begin, g.end) + "\t" +
                          surface(p.begin, p.end));
    }
    if (p.value == g.value) {
      r->value_correct += 1;
    } else if (errors) {
      r->errors.push_back(std::string(name) + "\tvalue\t" +
                          surface(g.begin, g.end) + "\t" + g.value + "\t" +
                          p.value + "\t" + doc.dct);
    }
    if (p.type == g.type) {
      r->type_correct += 1;
    } else if (errors) {
      r->errors.push_back(std::string(name) + "\ttype\t" +
                          surface(g.begin, g.end) + "\t" + g.type + "\t" +
                          p.type);
    }
  }
  if (errors) {
    for (size_t k = 0; k < predicted.size(); ++k) {
      if (used[k]) continue;
      const size_t b = predicted[k].begin;
      const size_t ctx = b > 40 ? b - 40 : 0;
      std::string left = doc.text.substr(ctx, b - ctx);
      std::replace(left.begin(), left.end(), '\n', ' ');
      r->errors.push_back(std::string(name) + "\tspurious\t" +
                          surface(predicted[k].begin, predicted[k].end) + "\t" +
                          predicted[k].type + "\t" + predicted[k].value + "\t" +
                          left);
    }
  }
}

void FinishReport(TimeEvalReport* r) {
  r->strict_precision = Pct(r->strict_matched, r->predicted);
  r->strict_recall = Pct(r->strict_matched, r->gold);
  r->strict_f1 = F1(r->strict_precision, r->strict_recall);
  r->relaxed_precision = Pct(r->relaxed_matched, r->predicted);
  r->relaxed_recall = Pct(r->relaxed_matched, r->gold);
  r->relaxed_f1 = F1(r->relaxed_precision, r->relaxed_recall);
  r->value_f1 =
      F1(Pct(r->value_correct, r->predicted), Pct(r->value_correct, r->gold));
  r->type_f1 =
      F1(Pct(r->type_correct, r->predicted), Pct(r->type_correct, r->gold));
  r->value_accuracy = Pct(r->value_correct, r->relaxed_matched);
  r->type_accuracy = Pct(r->type_correct, r->relaxed_matched);
}

Result<TimeEvalReport> EvalTime(const std::string& path,
                                const std::string& predictions_dir,
                                const tag::PosTagger* tagger, bool errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".tml")
        files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return NotFound("no .tml files under " + path);
  } else if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    return NotFound(path + " is neither a TimeML file nor a directory");
  }
  if (!predictions_dir.empty()) {
    fs::create_directories(predictions_dir, ec);
    if (ec)
      return InvalidArgument("cannot create " + predictions_dir + ": " +
                             ec.message());
  }
  TimeEvalReport report;
  double seconds = 0;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return NotFound("cannot read " + f.string());
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = ParseTimeML(ss.str());
    if (!doc.ok())
      return InvalidArgument(f.string() + ": " + doc.status().message());
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<PredictedTimex> predicted = PredictTimexes(*doc, tagger);
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    ScoreTimexes(*doc, predicted, f.filename().string(), &report, errors);
    if (!predictions_dir.empty()) {
      const fs::path out_path = fs::path(predictions_dir) / f.filename();
      std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
      out << WriteTimeML(*doc, predicted);
      if (!out) return InvalidArgument("cannot write " + out_path.string());
    }
  }
  FinishReport(&report);
  report.seconds = seconds;
  return report;
}

}  // namespace sitrep::time
