// Sentence splitter over the token stream (rules in text.h), and
// ProcessText, which chains the three steps for the pipeline.
#include <string>

#include "text/text.h"

namespace sitrep::text {
namespace {

std::string_view Surface(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

bool IsTerminal(std::string_view text, const Token& t) {
  if (t.kind != kPunct) return false;
  const char c = text[t.begin];
  return c == '.' || c == '!' || c == '?' || Surface(text, t) == "\u2026";
}

bool IsCloser(const Token& t) {
  return (t.kind == kCloseQuote || t.kind == kCloseBracket) &&
         (t.flags & kNewlineBefore) == 0;
}

// A list bullet at the start of a line: "\n - item", "\n• item".
bool IsBullet(std::string_view text, const Token& t) {
  if ((t.flags & kNewlineBefore) == 0) return false;
  const std::string_view s = Surface(text, t);
  return s == "-" || s == "*" || s == "\u2013" || s == "\u2014" ||
         s == "\u2022" || s == "\u00B7" || s == "\u25AA" || s == "\u25CF";
}

bool StartsSentence(std::string_view text, const Token& t) {
  if (t.flags & (kCapitalized | kCaseless)) return true;
  if (IsBullet(text, t)) return true;
  switch (t.kind) {
    case kNumber:
    case kOpenQuote:
    case kOpenBracket:
      return true;
    case kSymbol: {
      const std::string_view s = Surface(text, t);
      return s == "$" || s == "\u00A3" || s == "\u20AC" || s == "\u00A5";
    }
    default:
      return false;
  }
}

// Token t ends with an abbreviation period; does the sentence end there?
bool AbbreviationEndsSentence(std::string_view text, const Token& t,
                              const Token& next) {
  std::string_view w = Surface(text, t);
  if (const size_t hyphen = w.rfind('-'); hyphen != std::string_view::npos) {
    w.remove_prefix(hyphen + 1);
  }
  switch (LookupAbbreviation(w)) {
    case AbbrevKind::kTitle:
    case AbbrevKind::kBeforeNumber:
    case AbbrevKind::kInside:
      return false;
    case AbbrevKind::kNone:
    case AbbrevKind::kGeneral:
      break;
  }
  if (next.kind == kOpenQuote) return true;
  if (next.flags & kNewlineBefore) return StartsSentence(text, next);
  if (w[0] >= 'a' && w[0] <= 'z') {  // "5 p.m. Police", not "10 a.m. Nov. 29"
    return (next.flags & kCapitalized) != 0 &&
           (next.flags & kAbbreviation) == 0;
  }
  return next.kind == kWord && IsSentenceStarter(Surface(text, next));
}

// The line ends with token t: does the sentence go on on the next line?
bool ContinuesLine(std::string_view text, const Token& t) {
  switch (t.kind) {
    case kPunct:
      return text[t.begin] != ':';  // , ; - -- – — go on; ':' introduces
    case kOpenQuote:
    case kOpenBracket:
    case kSymbol:
      return true;
    case kWord:
      return IsLineContinuationWord(Surface(text, t));
    default:
      return false;
  }
}

}  // namespace

void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Sentence>* sentences) {
  const size_t n = tokens.size();
  if (n == 0) return;
  sentences->reserve(sentences->size() + n / 16 + 1);
  size_t start = 0;
  auto push = [&](size_t end) {  // tokens [start, end)
    sentences->push_back(Sentence{tokens[start].begin, tokens[end - 1].end,
                                  static_cast<uint32_t>(start),
                                  static_cast<uint32_t>(end)});
    start = end;
  };
  for (size_t i = 0; i + 1 < n; ++i) {
    const Token& t = tokens[i];
    size_t next = i + 1;
    bool split = false;
    if (tokens[next].flags & kParagraphBefore) {
      split = true;
    } else if (IsTerminal(text, t) || (t.flags & kAbbreviation)) {
      while (next < n && IsCloser(tokens[next])) ++next;
      if (next == n) break;
      const Token& nt = tokens[next];
      if (nt.flags & kParagraphBefore) {
        split = true;
      } else if (t.flags & kAbbreviation) {
        split = AbbreviationEndsSentence(text, t, nt);
      } else {
        split = StartsSentence(text, nt);
      }
    } else if (tokens[next].flags & kNewlineBefore) {
      const Token& nt = tokens[next];
      split = IsBullet(text, nt) ||
              (StartsSentence(text, nt) && !ContinuesLine(text, t));
    }
    if (split) push(next);
    i = next - 1;
  }
  push(n);
}

Status ProcessText(Document& doc, TextScratch& scratch) {
  if (doc.text.size() > kMaxTextBytes) {
    return ResourceExhausted(
        "document " + doc.id + ": text is " + std::to_string(doc.text.size()) +
        " bytes, over the " + std::to_string(kMaxTextBytes) +
        "-byte limit of the text stage; split the document before ingest");
  }
  const NormalizeInfo info =
      Normalize(doc.text, &scratch.text, &scratch.offset_map);
  size_t first_bad = info.first_bad_offset;
  if (info.repaired > 0 && !doc.offset_map.empty()) {
    first_bad = MapToOriginal(doc.offset_map, static_cast<uint32_t>(first_bad));
  }
  if (doc.offset_map.empty()) {
    doc.offset_map.swap(scratch.offset_map);
  } else if (!scratch.offset_map.empty()) {
    doc.offset_map = ComposeOffsetMaps(scratch.offset_map, doc.offset_map);
  }
  if (info.repaired > 0) {
    doc.notes.push_back(
        "invalid UTF-8 repaired at byte " + std::to_string(first_bad) + " (" +
        std::to_string(info.repaired) + " sequence(s) replaced by U+FFFD)");
  }
  doc.text.swap(scratch.text);
  doc.tokens.clear();
  Tokenize(doc.text, &doc.tokens);
  doc.sentences.clear();
  SplitSentences(doc.text, doc.tokens, &doc.sentences);
  return Status::Ok();
}

Status ProcessText(Document& doc) {
  TextScratch scratch;
  return ProcessText(doc, scratch);
}

}  // namespace sitrep::text
