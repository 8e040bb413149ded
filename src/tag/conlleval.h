// Entity-level scoring by the rules of conlleval.pl (CoNLL-2000/2003 shared
// task scorer, 2004 version).
//
// A label is "O" or "<tag>-<type>" with tag B, I, E or S (IOB1, IOB2/BIO and
// IOBES all work, and gold and guess may use different schemes). A chunk
// starts at B-X or S-X, at I-X/E-X after O, E, S or a different type, and at
// any label whose type differs from the previous one; it ends before the
// next chunk start, an O, or after E/S. A guessed chunk is correct when a
// gold chunk has the same first token, last token and type. Precision =
// correct / guessed, recall = correct / gold, F1 = 2PR/(P+R), all in percent
// like conlleval prints them; 0 when a denominator is 0.
//
// Thread-safety: ConllEval is a plain accumulator (one per thread).
// Cost: linear in the number of labels.
#ifndef SITREP_TAG_CONLLEVAL_H_
#define SITREP_TAG_CONLLEVAL_H_

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::tag {

struct Chunk {
  size_t begin = 0;  // [begin, end) token indices
  size_t end = 0;
  std::string type;
  bool operator==(const Chunk&) const = default;
};

// The chunks of one sentence's labels, in order.
std::vector<Chunk> ExtractChunks(std::span<const std::string_view> labels);
std::vector<Chunk> ExtractChunks(std::span<const std::string> labels);

struct ChunkScore {
  size_t gold = 0, guessed = 0, correct = 0;
  double precision() const { return guessed ? 100.0 * correct / guessed : 0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

class ConllEval {
 public:
  // One sentence; gold.size() must equal guess.size() (extra labels on the
  // longer side are ignored).
  void Add(std::span<const std::string_view> gold, std::span<const std::string_view> guess);
  void Add(std::span<const std::string> gold, std::span<const std::string> guess);

  const ChunkScore& overall() const { return overall_; }
  // Per type, sorted by type name; a type seen only in gold or only in
  // guesses is present too.
  const std::map<std::string, ChunkScore>& per_type() const { return per_type_; }
  size_t tokens() const { return tokens_; }
  size_t correct_tokens() const { return correct_tokens_; }

 private:
  ChunkScore overall_;
  std::map<std::string, ChunkScore> per_type_;
  size_t tokens_ = 0, correct_tokens_ = 0;
};

}  // namespace sitrep::tag

#endif  // SITREP_TAG_CONLLEVAL_H_
