#include "tag/conlleval.h"

#include <algorithm>

namespace sitrep::tag {
namespace {

struct Split {
  char tag;               // 'O', 'B', 'I', 'E', 'S' (or the whole label's first char)
  std::string_view type;  // "" for O
};

Split SplitLabel(std::string_view label) {
  if (label.size() >= 2 && label[1] == '-') return {label[0], label.substr(2)};
  if (label == "O" || label.empty()) return {'O', {}};
  return {label[0], {}};
}

// conlleval.pl endOfChunk / startOfChunk.
bool EndOfChunk(char prev_tag, char tag, std::string_view prev_type, std::string_view type) {
  if (prev_tag == 'B' && (tag == 'B' || tag == 'S' || tag == 'O')) return true;
  if (prev_tag == 'I' && (tag == 'B' || tag == 'S' || tag == 'O')) return true;
  if (prev_tag == 'E' || prev_tag == 'S') return true;
  if (prev_tag != 'O' && prev_tag != '.' && prev_type != type) return true;
  return false;
}

bool StartOfChunk(char prev_tag, char tag, std::string_view prev_type, std::string_view type) {
  if (tag == 'B' || tag == 'S') return true;
  if ((prev_tag == 'E' || prev_tag == 'S' || prev_tag == 'O') && (tag == 'E' || tag == 'I')) {
    return true;
  }
  if (tag != 'O' && tag != '.' && prev_type != type) return true;
  return false;
}

template <typename S>
std::vector<Chunk> ExtractChunksImpl(std::span<const S> labels) {
  std::vector<Chunk> out;
  char prev_tag = 'O';
  std::string_view prev_type;
  bool open = false;
  for (size_t i = 0; i <= labels.size(); ++i) {
    const Split s = i < labels.size() ? SplitLabel(labels[i]) : Split{'O', {}};
    if (open && EndOfChunk(prev_tag, s.tag, prev_type, s.type)) {
      out.back().end = i;
      open = false;
    }
    if (i < labels.size() && StartOfChunk(prev_tag, s.tag, prev_type, s.type)) {
      out.push_back(Chunk{i, i, std::string(s.type)});
      open = true;
    }
    prev_tag = s.tag;
    prev_type = s.type;
  }
  return out;
}

template <typename S>
void AddImpl(std::span<const S> gold, std::span<const S> guess, ChunkScore* overall,
             std::map<std::string, ChunkScore>* per_type, size_t* tokens, size_t* correct_tokens) {
  const size_t n = std::min(gold.size(), guess.size());
  gold = gold.first(n);
  guess = guess.first(n);
  for (size_t i = 0; i < n; ++i) {
    ++*tokens;
    if (std::string_view(gold[i]) == std::string_view(guess[i])) ++*correct_tokens;
  }
  const std::vector<Chunk> g = ExtractChunksImpl(gold);
  const std::vector<Chunk> p = ExtractChunksImpl(guess);
  for (const Chunk& c : g) {
    ++overall->gold;
    ++(*per_type)[c.type].gold;
  }
  for (const Chunk& c : p) {
    ++overall->guessed;
    ++(*per_type)[c.type].guessed;
  }
  // Both lists are ordered and non-overlapping: merge.
  size_t a = 0, b = 0;
  while (a < g.size() && b < p.size()) {
    if (g[a].begin < p[b].begin) {
      ++a;
    } else if (p[b].begin < g[a].begin) {
      ++b;
    } else {
      if (g[a] == p[b]) {
        ++overall->correct;
        ++(*per_type)[g[a].type].correct;
      }
      ++a;
      ++b;
    }
  }
}

}  // namespace

std::vector<Chunk> ExtractChunks(std::span<const std::string_view> labels) {
  return ExtractChunksImpl(labels);
}
std::vector<Chunk> ExtractChunks(std::span<const std::string> labels) {
  return ExtractChunksImpl(labels);
}

void ConllEval::Add(std::span<const std::string_view> gold, std::span<const std::string_view> guess) {
  AddImpl(gold, guess, &overall_, &per_type_, &tokens_, &correct_tokens_);
}
void ConllEval::Add(std::span<const std::string> gold, std::span<const std::string> guess) {
  AddImpl(gold, guess, &overall_, &per_type_, &tokens_, &correct_tokens_);
}

}  // namespace sitrep::tag
