// Word-class lexicon of the POS tagger (internal to pos.cc; a header only
// so PosTagger can hold one). Built from WordNet 3.0 index and exception
// files at training time and stored in the model's "lexicon" section.
//
// Thread-safety: immutable after Init; Get/Code are safe from any thread.
// Cost: Init is linear in the section; Code is at most ~12 hash probes.
#ifndef SITREP_TAG_POS_LEXICON_H_
#define SITREP_TAG_POS_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/artifact.h"
#include "core/status.h"

namespace sitrep::tag {

// WordNet lexicon: which of noun/verb/adj/adv a lower-cased word is a lemma
// of (bits 0-3), plus irregular inflections (bits from the .exc files).
// Stored as sorted u64 values (key << 4 | mask), looked up through an
// in-memory open-addressing table built at load.
class PosLexicon {
 public:
  static uint64_t Key(std::string_view w) { return Xxh64(w, 0x6c6578) >> 4; }

  Status Init(std::string_view section) {
    if (section.size() % 8 != 0) return DataLoss("lexicon section size");
    const size_t n = section.size() / 8;
    table_.clear();
    if (n == 0) return Status::Ok();  // no lexicon: Code() is 0 for every word
    size_t slots = 16;
    while (slots < n * 2) slots *= 2;
    table_.assign(slots, 0);
    mask_ = slots - 1;
    for (size_t i = 0; i < n; ++i) {
      uint64_t v;
      std::memcpy(&v, section.data() + i * 8, 8);
      if (v == 0) return DataLoss("lexicon entry");
      for (uint64_t s = (v >> 4) & mask_;; s = (s + 1) & mask_) {
        if (table_[s] == 0) {
          table_[s] = v;
          break;
        }
      }
    }
    return Status::Ok();
  }

  uint32_t Get(std::string_view w) const {
    if (table_.empty()) return 0;
    const uint64_t key = Key(w);
    for (uint64_t s = key & mask_;; s = (s + 1) & mask_) {
      const uint64_t v = table_[s];
      if (v == 0) return 0;
      if ((v >> 4) == key) return static_cast<uint32_t>(v & 15);
    }
  }

  // A class code for a lower-cased word: its own mask, then what a regular
  // inflection (-s, -es, -ies, -ed, -d, -ing, -er, -est, -ly) stripped off
  // would make it.
  uint32_t Code(std::string_view w) const {
    if (table_.empty() || w.size() > 40) return 0;
    uint32_t code = Get(w);
    auto ends = [&](std::string_view suf) {
      return w.size() > suf.size() + 1 && w.substr(w.size() - suf.size()) == suf;
    };
    auto stem = [&](size_t cut, std::string_view add) {
      std::string s(w.substr(0, w.size() - cut));
      s += add;
      return Get(s);
    };
    uint32_t infl = 0;
    if (ends("s")) infl |= (stem(1, "") & 3) ? 1 : 0;
    if (ends("es")) infl |= (stem(2, "") & 3) ? 1 : 0;
    if (ends("ies")) infl |= (stem(3, "y") & 3) ? 1 : 0;
    if (ends("ed") && ((stem(2, "") | stem(1, "")) & 2)) infl |= 2;
    if (ends("ied") && (stem(3, "y") & 2)) infl |= 2;
    if (ends("ing") && ((stem(3, "") | stem(3, "e")) & 2)) infl |= 4;
    if ((ends("er") || ends("est")) && ((stem(2, "") | stem(3, "") | stem(1, "")) & 4)) infl |= 8;
    if (ends("ly") && (stem(2, "") & 4)) infl |= 16;
    return code | (infl << 4) | 0x1000;
  }

 private:
  std::vector<uint64_t> table_;
  uint64_t mask_ = 0;
};

}  // namespace sitrep::tag

#endif  // SITREP_TAG_POS_LEXICON_H_
