// Structure of a plain-text news document: title, dateline, page furniture.
//
// ParsePlainText reads the first lines of a plain-text article the way a
// reader does and splits it into
//   title      the first non-empty line when it reads as a headline: at most
//              kMaxTitleChars characters and 2..kMaxTitleWords words, not
//              ending in '.', ',', ';' or ':' (a trailing "...", "…", '?',
//              '!', closing quote or an abbreviation such as "U.S." or
//              "Inc." is fine), not a dateline, byline or furniture, and
//              followed by a blank line, a dateline, a byline, furniture, or
//              a short capitalised line when the headline does not end in a
//              function word (a hard-wrapped first paragraph is not a
//              title). A one-line document has no title: it is all body.
//              Furniture lines above the title are skipped.
//   published  ISO-8601 (see dates.h) from the first dateline that carries a
//              year, searched in the first kHeaderLines non-empty lines after
//              the title. Forms:
//                standalone line, optionally labelled and with segments after
//                " / ", " | ", " · " that are furniture, bylines or more
//                dates: "8 Sep, 2017 06:02 / Updated 7 years ago",
//                "September 8, 2017", "2017-09-08", "Published: 8 September
//                2017", "Posted on September 8, 2017 at 6:02 am", "Friday 8
//                September 2017 06.02 BST", "6:02 AM ET, Fri Sep 8, 2017";
//                a date opening the first paragraph: "Sep 8 2017 — text…";
//                a wire dateline opening the first paragraph: "BEIRUT, Sept
//                8 (Reuters) - …", "BEIRUT (AP) — …", "WASHINGTON, Sept. 8,
//                2017 — …", "Beirut (AFP) - …", "BAGHDAD - …".
//              A standalone line wins over a paragraph-opening dateline.
//              Dates labelled "Updated"/"Modified" are revision dates and
//              never become `published`. A dateline without a year ("Sept 8")
//              is recognised but gives no `published`: no year is invented.
//   body       everything else minus page furniture, paragraphs joined by
//              "\n\n". Only standalone dateline lines are removed; a dateline
//              that opens a paragraph stays in it (it is part of the first
//              sentence and names the place reported from).
//
// Body layout: lines are split on "\n", "\r\n" or "\r"; a line that is empty
// or only whitespace (including NBSP) ends a paragraph; trailing whitespace
// of every line and leading whitespace of every paragraph is removed; line
// breaks inside a paragraph are kept as single "\n" (hard-wrapped text stays
// wrapped; later stages treat the break as a space). Removed lines
// (title, dateline, furniture) vanish without splitting their paragraph.
//
// Page furniture (furniture_patterns.inc has the tables and their origin):
// relative times ("Updated 7 years ago", "Last updated 3 hours ago"), link
// labels ("READ MORE: …", "Related: …", "Also read: …"), social and
// newsletter prompts ("Share this article", "Follow us on Twitter",
// "Subscribe to our newsletter"), "Advertisement", "Click here …", caption
// and credit lines ("Image copyright …", "(Photo: …)", "John Moore/Getty
// Images", "© Sputnik / …"), wire credits ("(Reporting by …; Editing by …)").
// Bylines ("By John Smith") are removed only in the header lines.
//
// Bytes are passed through unchanged (invalid UTF-8 included); a UTF-8 BOM
// at the start is dropped.
//
// Thread-safety: a pure function over constant tables.
// Cost: O(n) time and memory in the input size; only the first
// kHeaderLines lines (and at most a few hundred bytes of each) are examined
// for title and dateline; every line longer than a few hundred bytes is
// body without further inspection.
#ifndef SITREP_INGEST_PLAIN_TEXT_H_
#define SITREP_INGEST_PLAIN_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep::ingest {

inline constexpr size_t kMaxTitleChars = 200;  // code points
inline constexpr size_t kMaxTitleWords = 30;
// Non-empty lines after the title that are searched for a dateline.
inline constexpr size_t kHeaderLines = 5;

struct PlainTextParts {
  std::optional<std::string> title;      // headline line, trimmed
  std::optional<std::string> published;  // ISO-8601 from a dateline
  std::string body;  // text without title, dateline line(s) and furniture;
                     // paragraphs joined by "\n\n"
  // The dateline as found (the whole standalone line, or the paragraph
  // prefix up to and including its dash): the one `published` came from,
  // else the first one recognised; empty when there is none.
  std::string dateline_text;
  // The place named by a wire dateline ("BEIRUT", "DEIR EZ-ZOR, Syria"),
  // as written; empty when there is none. It is where the story was filed,
  // not necessarily where its events happened.
  std::string dateline_place;
};

struct PlainTextOptions {
  // The title the document's container already gives (JSONL "title", HTML
  // <title>), if any. When set, the first line is the title only if it is
  // this title (ignoring ASCII case, runs of whitespace and trailing
  // punctuation), and the headline heuristics are not used: a first line
  // that merely looks like a headline (a standfirst without a period) stays
  // in the body.
  std::optional<std::string_view> known_title;
};

PlainTextParts ParsePlainText(std::string_view text);
PlainTextParts ParsePlainText(std::string_view text,
                              const PlainTextOptions& options);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_PLAIN_TEXT_H_
