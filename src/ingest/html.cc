#include "ingest/html.h"

#include <gumbo.h>
#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sitrep::ingest {
namespace {

// ---------------------------------------------------------------------------
// Limits and pattern tables.
// ---------------------------------------------------------------------------

constexpr size_t kMaxInputBytes = size_t{16} << 20;
constexpr size_t kMaxParseBytes = size_t{4} << 20;
// Start tags handed to gumbo; a news page has a few thousand. Bounds the
// memory of the parsed tree (~700 bytes per element all told).
constexpr int kMaxElements = 100000;
// Deeper nesting is flattened before gumbo sees it: gumbo frees its tree
// recursively and its scope checks are linear in the depth of open elements.
constexpr int kMaxDepth = 512;

// An ancestor of the best-scored container replaces it when it holds this
// much more net article text.
constexpr double kClimbGain = 1.3;

// Elements that never hold article text.
constexpr GumboTag kDropTags[] = {
    GUMBO_TAG_HEAD,     GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,
    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_IFRAME,
    GUMBO_TAG_SVG,      GUMBO_TAG_MATH,     GUMBO_TAG_CANVAS,
    GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_BUTTON,
    GUMBO_TAG_SELECT,   GUMBO_TAG_OPTION,   GUMBO_TAG_TEXTAREA,
    GUMBO_TAG_INPUT,    GUMBO_TAG_NAV,      GUMBO_TAG_MENU,
    GUMBO_TAG_VIDEO,    GUMBO_TAG_AUDIO,    GUMBO_TAG_MAP,
    GUMBO_TAG_TITLE,    GUMBO_TAG_APPLET,   GUMBO_TAG_FRAMESET,
    GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES, GUMBO_TAG_FIGCAPTION,
    GUMBO_TAG_DATALIST, GUMBO_TAG_LABEL,
};

// Page furniture by tag: dropped unless it holds most of the page's text
// (some sites wrap the whole page in <form> or <header>).
constexpr GumboTag kSoftDropTags[] = {
    GUMBO_TAG_ASIDE, GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER, GUMBO_TAG_FORM,
    GUMBO_TAG_FIELDSET,
};

// Block-level elements: they end the current paragraph.
constexpr GumboTag kBlockTags[] = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE,  GUMBO_TAG_ASIDE,
    GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY,  GUMBO_TAG_CENTER,
    GUMBO_TAG_DD,      GUMBO_TAG_DETAILS,  GUMBO_TAG_DIR,
    GUMBO_TAG_DIV,     GUMBO_TAG_DL,       GUMBO_TAG_DT,
    GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
    GUMBO_TAG_FOOTER,  GUMBO_TAG_FORM,     GUMBO_TAG_H1,
    GUMBO_TAG_H2,      GUMBO_TAG_H3,       GUMBO_TAG_H4,
    GUMBO_TAG_H5,      GUMBO_TAG_H6,       GUMBO_TAG_HEADER,
    GUMBO_TAG_HGROUP,  GUMBO_TAG_HR,       GUMBO_TAG_HTML,
    GUMBO_TAG_LEGEND,  GUMBO_TAG_LI,       GUMBO_TAG_LISTING,
    GUMBO_TAG_MAIN,    GUMBO_TAG_NAV,      GUMBO_TAG_OL,
    GUMBO_TAG_P,       GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE,
    GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY,  GUMBO_TAG_TABLE,
    GUMBO_TAG_TBODY,   GUMBO_TAG_TD,       GUMBO_TAG_TFOOT,
    GUMBO_TAG_TH,      GUMBO_TAG_THEAD,    GUMBO_TAG_TR,
    GUMBO_TAG_UL,      GUMBO_TAG_BR,       GUMBO_TAG_CAPTION,
};

// Class/id/role words of page furniture. Matched as substrings of the
// lower-cased "class id role" string.
constexpr std::string_view kBoilerplateSubstrings[] = {
    "comment",    "share",      "sharing",     "social",     "related",
    "promo",      "newsletter", "cookie",      "consent",    "gdpr",
    "sidebar",    "breadcrumb", "advert",      "subscribe",  "subscription",
    "outbrain",   "taboola",    "sponsor",     "recommend",  "trending",
    "most-popular", "mostpopular", "most-read", "mostread",  "signup",
    "sign-up",    "login",      "popup",      "modal",
    "masthead",   "footer",     "navbar",      "navigation", "skiplink",
    "skip-link",  "byline",     "author",      "dateline",   "timestamp",
    "toolbar",    "widget",     "banner",      "caption",    "credit",
    "sr-only",    "visually-hidden", "visuallyhidden", "screen-reader",
    "screenreader", "read-more",   "readmore",   "more-stories",
    "morestories", "pagination", "pager",      "print-only", "disqus",
    "further-reading", "tags-list", "tag-list", "taglist",  "keywords",
    "follow-us",  "followus",   "rollover",    "tooltip",    "popover",   "subnav",      "sub-nav",    "topnav",
    "top-nav",    "shoutbox",   "skyscraper",  "supplemental", "rss",
};
// The same, matched only as a whole dash/underscore/space-separated part.
constexpr std::string_view kBoilerplateParts[] = {
    "ad",      "ads",     "adv",     "nav",     "menu",    "header",
    "meta",    "tags",    "tag",     "tools",   "share",   "date",
    "time",    "print",   "email",   "dfp",     "gpt",
    "overlay", "alert",   "notice",  "extra",   "aside",   "about",
    "bio",     "info",    "links",   "headline", "photo",  "gallery",
    "image",   "img",     "figure",  "media",   "copyright",
    "rights",
};
// Words that mark an element as (part of) the article.
constexpr std::string_view kPositiveWords[] = {
    "article", "body",  "content", "entry", "hentry", "h-entry",
    "main",    "page",  "post",    "text",  "blog",   "story",
};
// A class token ending in one of these names the article body itself
// ("article-body", "entry-content", "story__text"): never dropped by class.
constexpr std::string_view kBodyHeads[] = {
    "body", "content", "text", "articlebody", "storybody", "entrycontent",
    "postcontent", "postbody", "articlecontent", "storytext", "articletext",
};

// Whole class tokens that hide an element on every screen. Responsive ones
// ("hidden-xs", Tailwind "hidden md:block") show it somewhere: not these.
constexpr std::string_view kHiddenTokens[] = {
    "hidden", "hide", "is-hidden", "u-hidden", "element-hidden", "invisible",
    "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
};

// Embedded posts (tweets, Instagram) are part of the story as published.
constexpr std::string_view kEmbedWords[] = {
    "tweet", "instagram", "tiktok", "social-embed", "media-embed",
};
// Whole class tokens that mark the article element itself (WordPress
// "hentry type-post", microformats): never furniture, whatever else the
// element's classes say ("tag-sports", "category-news").
constexpr std::string_view kArticleTokens[] = {
    "hentry", "h-entry", "type-post", "post", "article", "entry", "story",
};

// Readability's class weights.
constexpr std::string_view kNegativeWeightWords[] = {
    "-ad-",    "hidden",  "banner",   "combx",   "comment",  "com-",
    "contact", "foot",    "footer",   "footnote", "gdpr",    "masthead",
    "media",   "meta",    "outbrain", "promo",   "related",  "scroll",
    "share",   "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
    "tags",    "tool",    "widget",   "byline",  "author",   "caption",
};

// Meta names (name/property/itemprop, lower-cased) that carry the
// publication date, in order of preference.
constexpr std::string_view kPublishedMetas[] = {
    "article:published_time", "og:article:published_time",
    "article:published",      "og:published_time",
    "published_time",         "datepublished",
    "pubdate",                "publishdate",
    "publish-date",           "publish_date",
    "published-date",         "published_date",
    "parsely-pub-date",       "sailthru.date",
    "dc.date.issued",         "dc.date",
    "dcterms.issued",         "dcterms.date",
    "dcterms.created",        "dc.date.created",
    "article.published",      "article_date_original",
    "cxenseparse:recs:publishtime", "date",
    "originalpublicationdate", "displaydate",
};

// Lines that are furniture even inside the article container.
constexpr std::string_view kFurnitureLines[] = {
    "advertisement", "advertisment", "ad", "ads", "sponsored", "story continues below",
    "story continues below advertisement", "continue reading below",
    "continue reading the main story", "skip advertisement", "read more",
    "read more here", "related", "related articles", "related stories",
    "related coverage", "related content", "related links", "related posts",
    "share this article", "share", "share this", "share this story",
    "recommended", "recommended for you", "more from", "more stories",
    "you may also like", "you might also like", "also read", "read also",
    "see also", "more on this", "trending now", "most popular", "most read",
    "top stories", "editor's picks", "don't miss", "click to expand",
    "scroll to continue with content", "follow us", "subscribe",
    "sign up for our newsletter",
};

// ---------------------------------------------------------------------------
// Small string helpers.
// ---------------------------------------------------------------------------

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (LowerAscii(s[i]) != LowerAscii(prefix[i])) return false;
  }
  return true;
}

size_t FindNoCase(std::string_view s, std::string_view needle, size_t from = 0) {
  if (needle.empty()) return from;
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (LowerAscii(s[i]) == LowerAscii(needle[0]) &&
        StartsWithNoCase(s.substr(i), needle)) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// ---------------------------------------------------------------------------
// UTF-8.
// ---------------------------------------------------------------------------

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
int Utf8SeqLen(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  int n = 0;
  uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (int k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return n;
}

// Decodes the code point at s[i] (which must be valid) and advances i.
uint32_t NextCodePoint(std::string_view s, size_t& i) {
  const int n = Utf8SeqLen(s, i);
  if (n == 0) {
    ++i;
    return 0xFFFD;
  }
  const auto c = static_cast<unsigned char>(s[i]);
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return cp;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Commas of other scripts count like ',' in readability scoring
// (Arabic, CJK full-width and ideographic, small and vertical forms).
bool IsWideComma(std::string_view s, size_t i) {
  switch (NextCodePoint(s, i)) {
    case 0x060C: case 0x3001: case 0xFF0C: case 0xFE50: case 0xFE10: case 0xFE11:
    case 0x2E41: case 0x2E34: case 0x2E32:
      return true;
    default:
      return false;
  }
}

struct Utf8Stats {
  size_t invalid = 0;    // bytes not part of a valid sequence
  size_t multibyte = 0;  // valid sequences of 2-4 bytes
};

Utf8Stats CheckUtf8(std::string_view s) {
  Utf8Stats st;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const int n = Utf8SeqLen(s, i);
    if (n == 0) {
      ++st.invalid;
      ++i;
    } else {
      ++st.multibyte;
      i += n;
    }
  }
  return st;
}

// Replaces every byte that is not part of a valid sequence with U+FFFD.
std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    const int n = Utf8SeqLen(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// ---------------------------------------------------------------------------
// Charset: sniff the declaration, convert to UTF-8 with ICU.
// ---------------------------------------------------------------------------

// Charset named by <meta charset>, <meta http-equiv content="...charset=">
// or <?xml encoding=?> in the head of the document; "" when none.
std::string SniffCharset(std::string_view s) {
  const std::string_view head = s.substr(0, 16384);
  auto value_after = [&](size_t pos) -> std::string {
    size_t i = pos;
    while (i < head.size() && (IsAsciiSpace(head[i]) || head[i] == '=' ||
                               head[i] == '"' || head[i] == '\'')) {
      ++i;
    }
    size_t j = i;
    while (j < head.size() && (IsAsciiAlnum(head[j]) || head[j] == '-' ||
                               head[j] == '_' || head[j] == '.' || head[j] == ':')) {
      ++j;
    }
    return Lower(head.substr(i, j - i));
  };
  if (StartsWithNoCase(head, "<?xml")) {
    const size_t end = head.find("?>");
    const size_t enc = FindNoCase(head.substr(0, end), "encoding");
    if (enc != std::string_view::npos) return value_after(enc + 8);
  }
  for (size_t pos = FindNoCase(head, "<meta"); pos != std::string_view::npos;
       pos = FindNoCase(head, "<meta", pos + 5)) {
    const size_t end = head.find('>', pos);
    const std::string_view tag = head.substr(pos, end == std::string_view::npos ? head.npos : end - pos);
    const size_t cs = FindNoCase(tag, "charset");
    if (cs == std::string_view::npos) continue;
    std::string v = value_after(pos + cs + 7);
    if (!v.empty()) return v;
  }
  return "";
}

// WHATWG label → ICU converter name for labels whose ICU meaning differs.
std::string CanonicalCharset(const std::string& label) {
  static constexpr std::pair<std::string_view, std::string_view> kMap[] = {
      {"utf8", "utf-8"},          {"unicode-1-1-utf-8", "utf-8"},
      {"utf-16", "utf-8"},        {"utf-16le", "utf-8"},
      {"utf-16be", "utf-8"},      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"},
      {"latin1", "windows-1252"}, {"latin-1", "windows-1252"},
      {"l1", "windows-1252"},     {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},  {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"}, {"iso-8859-9", "windows-1254"},
      {"latin5", "windows-1254"}, {"tis-620", "windows-874"},
      {"iso-8859-11", "windows-874"}, {"gb2312", "gb18030"},
      {"gbk", "gb18030"},         {"x-gbk", "gb18030"},
      {"euc-kr", "windows-949"},  {"ks_c_5601-1987", "windows-949"},
      {"x-sjis", "shift_jis"},    {"sjis", "shift_jis"},
  };
  for (const auto& [from, to] : kMap) {
    if (label == from) return std::string(to);
  }
  return label;
}

// Converts `in` from `charset` to UTF-8; nullopt when ICU does not know it.
std::optional<std::string> ConvertWithIcu(std::string_view in, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(charset, &err);
  if (U_FAILURE(err) || probe == nullptr) return std::nullopt;
  ucnv_close(probe);
  std::string out(in.size() * 3 + 16, '\0');
  err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                           in.data(), static_cast<int32_t>(in.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    out.assign(static_cast<size_t>(n) + 16, '\0');
    err = U_ZERO_ERROR;
    n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                     in.data(), static_cast<int32_t>(in.size()), &err);
  }
  if (U_FAILURE(err)) return std::nullopt;
  out.resize(static_cast<size_t>(n));
  return out;
}

// True when the bytes look like a binary file rather than text.
bool LooksBinary(std::string_view s) {
  const size_t n = std::min<size_t>(s.size(), 8192);
  size_t bad = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++bad;
  }
  return bad * 50 > n;  // more than 2% control bytes
}

// The document as valid UTF-8.
std::string DecodeToUtf8(std::string_view in) {
  if (in.size() >= 3 && in.substr(0, 3) == "\xEF\xBB\xBF") {
    return RepairUtf8(in.substr(3));
  }
  if (in.size() >= 2 && (in.substr(0, 2) == "\xFF\xFE" || in.substr(0, 2) == "\xFE\xFF")) {
    const char* cs = in[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (auto u = ConvertWithIcu(in.substr(2), cs)) return RepairUtf8(*u);
  }
  const std::string charset = CanonicalCharset(SniffCharset(in));
  const Utf8Stats st = CheckUtf8(in);
  if (charset.empty() || charset == "utf-8") {
    if (st.invalid == 0) return std::string(in);
    // Undeclared and not UTF-8 at all: the web's default legacy charset.
    if (charset.empty() && st.multibyte == 0) {
      if (auto u = ConvertWithIcu(in, "windows-1252")) return RepairUtf8(*u);
    }
    return RepairUtf8(in);
  }
  // A page declared legacy but valid UTF-8 with non-ASCII text is mislabeled
  // UTF-8 (common after CMS migrations); random legacy bytes are almost never
  // valid UTF-8.
  if (st.invalid == 0 && st.multibyte > 0) return std::string(in);
  // Plain ASCII reads the same in every ASCII-compatible charset; the 7-bit
  // stateful ones (ISO-2022-*, UTF-7, HZ) still need decoding.
  const bool seven_bit_stateful = charset.rfind("iso-2022", 0) == 0 ||
                                  charset == "utf-7" || charset == "hz-gb-2312";
  if (st.invalid == 0 && !seven_bit_stateful) return std::string(in);
  if (auto u = ConvertWithIcu(in, charset.c_str())) return RepairUtf8(*u);
  return RepairUtf8(in);
}

// ---------------------------------------------------------------------------
// Pre-parse pass: drop scripts, styles and comments; bound nesting depth.
// ---------------------------------------------------------------------------

bool IsVoidElement(std::string_view name) {
  static constexpr std::string_view kVoid[] = {
      "area", "base",  "br",   "col",   "embed", "hr",     "img",    "input",
      "link", "meta",  "param", "source", "track", "wbr",  "keygen", "frame",
      "basefont", "bgsound", "image", "isindex", "command", "spacer",
  };
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements whose end tag may be omitted: the parser closes them implicitly,
// so they do not count towards the nesting depth.
bool IsOptionalEndElement(std::string_view name) {
  static constexpr std::string_view kOptional[] = {
      "p",     "li",    "dt",    "dd",   "option", "optgroup", "tr",  "td",
      "th",    "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt",
      "rp",    "rtc",   "html",  "head", "body",
  };
  return std::find(std::begin(kOptional), std::end(kOptional), name) !=
         std::end(kOptional);
}

// Position just after the '>' closing the tag that starts at `from` (the
// character after the tag name), honouring quoted attribute values; npos
// when the tag never ends.
size_t FindTagEnd(std::string_view s, size_t from) {
  size_t j = from;
  while (j < s.size()) {
    const char c = s[j];
    if (c == '>') return j + 1;
    if (c == '=') {
      ++j;
      while (j < s.size() && IsAsciiSpace(s[j])) ++j;
      if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
        const size_t close = s.find(s[j], j + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        j = close + 1;
      }
      continue;
    }
    ++j;
  }
  return std::string_view::npos;
}

// Position after the end tag `</name...>` at or after `from`; npos if none.
size_t SkipPastEndTag(std::string_view s, size_t from, std::string_view name) {
  std::string needle = "</";
  needle += name;
  for (size_t p = FindNoCase(s, needle, from); p != std::string_view::npos;
       p = FindNoCase(s, needle, p + 2)) {
    const size_t after = p + needle.size();
    if (after >= s.size()) return s.size();
    const char c = s[after];
    if (c == '>' || c == '/' || IsAsciiSpace(c)) {
      const size_t gt = s.find('>', after);
      return gt == std::string_view::npos ? s.size() : gt + 1;
    }
  }
  return std::string_view::npos;
}

// Rewrites the markup for gumbo: comments, non-JSON scripts and styles are
// removed (they are never text and they are most of a page's bytes), and
// start tags nested deeper than kMaxDepth are dropped with their end tags.
std::string PrepareMarkup(std::string_view s) {
  std::string out;
  out.reserve(std::min(s.size(), kMaxParseBytes) + 16);
  std::vector<std::string> open;  // elements that need an end tag
  std::unordered_map<std::string, int> dropped;
  int foreign = 0;  // open <svg>/<math>: "/>" self-closes there
  int elements = 0;
  // Appends up to the kMaxParseBytes budget.
  auto append = [&out](std::string_view piece) {
    if (out.size() < kMaxParseBytes) out.append(piece.substr(0, kMaxParseBytes - out.size()));
  };
  size_t i = 0;
  while (i < s.size() && out.size() < kMaxParseBytes) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) {
      append(s.substr(i));
      break;
    }
    append(s.substr(i, lt - i));
    i = lt;
    const std::string_view rest = s.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      const size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    if (rest.size() >= 2 && (rest[1] == '!' || rest[1] == '?')) {
      const size_t e = s.find('>', i);
      if (e == std::string_view::npos) break;
      append(s.substr(i, e + 1 - i));
      i = e + 1;
      continue;
    }
    const bool end_tag = rest.size() >= 2 && rest[1] == '/';
    const size_t name_begin = i + 1 + (end_tag ? 1 : 0);
    if (name_begin >= s.size() || !IsAsciiAlpha(s[name_begin])) {
      append("<");
      ++i;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < s.size() && !IsAsciiSpace(s[name_end]) && s[name_end] != '/' &&
           s[name_end] != '>') {
      ++name_end;
    }
    const std::string name = Lower(s.substr(name_begin, name_end - name_begin));
    const size_t tag_end = FindTagEnd(s, name_end);
    if (tag_end == std::string_view::npos) break;  // EOF inside a tag
    const std::string_view tag = s.substr(i, tag_end - i);

    if (end_tag) {
      auto d = dropped.find(name);
      if (d != dropped.end() && d->second > 0) {
        --d->second;
      } else {
        for (size_t k = open.size(); k-- > 0;) {
          if (open[k] == name) {
            for (size_t m = k; m < open.size(); ++m) {
              if (open[m] == "svg" || open[m] == "math") --foreign;
            }
            open.resize(k);
            break;
          }
        }
        append(tag);
      }
      i = tag_end;
      continue;
    }

    if (name == "script" || name == "style" || name == "xmp" || name == "iframe" ||
        name == "noembed" || name == "noframes" || name == "textarea" || name == "title") {
      size_t close = SkipPastEndTag(s, tag_end, name);
      if (close == std::string_view::npos) close = s.size();
      const bool keep = name == "title" || name == "textarea" ||
                        (name == "script" &&
                         FindNoCase(tag, "ld+json") != std::string_view::npos);
      if (keep) append(s.substr(i, close - i));
      i = close;
      continue;
    }
    if (name == "plaintext") {
      append(s.substr(i));
      break;
    }
    i = tag_end;
    if (++elements > kMaxElements) break;
    const bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    if (IsVoidElement(name) || IsOptionalEndElement(name) ||
        (self_closing && foreign > 0)) {
      append(tag);
      continue;
    }
    if (static_cast<int>(open.size()) >= kMaxDepth) {
      ++dropped[name];
      continue;
    }
    if (name == "svg" || name == "math") ++foreign;
    open.push_back(name);
    append(tag);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The parsed page as a flat pre-order array.
// ---------------------------------------------------------------------------

struct GumboOutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

struct Node {
  int parent = -1;
  int end = 0;  // one past the last node of the subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  bool removed = false;
  std::string_view text;            // text nodes
  const GumboElement* el = nullptr;  // elements
};

std::string_view Attr(const Node& n, const char* name) {
  if (n.el == nullptr) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n.el->attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool HasAttr(const Node& n, const char* name) {
  return n.el != nullptr && gumbo_get_attribute(&n.el->attributes, name) != nullptr;
}

std::vector<Node> Flatten(const GumboNode* root) {
  std::vector<Node> nodes;
  std::vector<std::pair<const GumboNode*, int>> stack;
  stack.emplace_back(root, -1);
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    const int idx = static_cast<int>(nodes.size());
    Node& n = nodes.emplace_back();
    n.parent = parent;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      n.el = &g->v.element;
      n.tag = g->v.element.tag;
      const GumboVector& ch = g->v.element.children;
      for (unsigned k = ch.length; k-- > 0;) {
        const auto* c = static_cast<const GumboNode*>(ch.data[k]);
        if (c->type == GUMBO_NODE_COMMENT || c->type == GUMBO_NODE_DOCUMENT) continue;
        stack.emplace_back(c, idx);
      }
    } else {
      n.is_text = true;
      n.text = g->v.text.text;
    }
  }
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i].end = static_cast<int>(i) + 1;
  for (size_t i = nodes.size(); i-- > 1;) {
    Node& p = nodes[nodes[i].parent];
    p.end = std::max(p.end, nodes[i].end);
  }
  return nodes;
}

bool TagIn(GumboTag tag, const GumboTag* begin, const GumboTag* end) {
  return std::find(begin, end, tag) != end;
}
template <size_t N>
bool TagIn(GumboTag tag, const GumboTag (&table)[N]) {
  return TagIn(tag, table, table + N);
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// Whitespace for text collapsing: ASCII spaces and controls, and U+00A0.
// Returns the byte length of the space at t[k], 0 when it is not one.
int SpaceLen(std::string_view t, size_t k) {
  const auto c = static_cast<unsigned char>(t[k]);
  if (c <= 0x20 || c == 0x7F) return 1;
  if (c == 0xC2 && k + 1 < t.size() && static_cast<unsigned char>(t[k + 1]) == 0xA0) return 2;
  return 0;
}

// `t` with runs of whitespace turned into one space and trimmed.
std::string Collapse(std::string_view t) {
  std::string out;
  bool space = false;
  for (size_t j = 0; j < t.size();) {
    if (const int sp = SpaceLen(t, j)) {
      space = true;
      j += sp;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += t[j++];
  }
  return out;
}

// The collapsed text of the subtree of nodes[i] (about `limit` bytes at
// most), without scripts and styles.
std::string SubtreeText(const std::vector<Node>& nodes, int i, size_t limit = 4096) {
  std::string out;
  bool space = false;
  for (int k = i; k < nodes[i].end && out.size() < limit; ++k) {
    const Node& n = nodes[k];
    if (!n.is_text) {
      if (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE || n.tag == GUMBO_TAG_TEMPLATE) {
        k = n.end - 1;
      } else if (TagIn(n.tag, kBlockTags)) {
        space = true;
      }
      continue;
    }
    for (size_t j = 0; j < n.text.size();) {
      if (const int sp = SpaceLen(n.text, j)) {
        space = true;
        j += sp;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += n.text[j++];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Class/id patterns.
// ---------------------------------------------------------------------------

// "class id role" lower-cased, with the tag name of custom elements.
std::string ClassId(const Node& n) {
  std::string s;
  s += Attr(n, "class");
  s += ' ';
  s += Attr(n, "id");
  s += ' ';
  s += Attr(n, "role");
  if (n.tag == GUMBO_TAG_UNKNOWN && n.el != nullptr) {
    GumboStringPiece piece = n.el->original_tag;
    if (piece.data != nullptr && piece.length > 0) {
      gumbo_tag_from_original_text(&piece);
      s += ' ';
      s.append(piece.data, piece.length);
    }
  }
  return Lower(s);
}

// Splits on everything that is not a letter or digit.
std::vector<std::string_view> Parts(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAsciiAlnum(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && IsAsciiAlnum(s[j])) ++j;
    if (j > i) parts.push_back(s.substr(i, j - i));
    i = j;
  }
  return parts;
}

bool ContainsAny(std::string_view s, const std::string_view* begin, const std::string_view* end) {
  for (const std::string_view* w = begin; w != end; ++w) {
    if (s.find(*w) != std::string_view::npos) return true;
  }
  return false;
}
template <size_t N>
bool ContainsAny(std::string_view s, const std::string_view (&table)[N]) {
  return ContainsAny(s, table, table + N);
}

template <size_t N>
bool InTable(std::string_view s, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), s) != std::end(table);
}

// True when a class token names the article body ("article-body").
bool IsBodyToken(std::string_view token) {
  std::vector<std::string_view> parts = Parts(token);
  if (parts.empty()) return false;
  if (InTable(parts.back(), kBodyHeads)) {
    // "body" alone is the <body> class of many CMSs, not the article.
    return parts.size() > 1 || parts.back() != "body";
  }
  std::string joined;
  for (auto p : parts) joined += p;
  return InTable(std::string_view(joined), kBodyHeads);
}

bool HasHiddenToken(std::string_view class_id) {
  bool hidden = false;
  size_t i = 0;
  while (i < class_id.size()) {
    while (i < class_id.size() && IsAsciiSpace(class_id[i])) ++i;
    size_t j = i;
    while (j < class_id.size() && !IsAsciiSpace(class_id[j])) ++j;
    const std::string_view token = class_id.substr(i, j - i);
    if (token.find(':') != std::string_view::npos) return false;  // "md:block"
    hidden = hidden || InTable(token, kHiddenTokens);
    i = j;
  }
  return hidden;
}

bool LooksBoilerplate(std::string_view class_id) {
  if (Trim(class_id).empty()) return false;
  // A token naming the article body wins over furniture words elsewhere.
  size_t i = 0;
  while (i < class_id.size()) {
    while (i < class_id.size() && IsAsciiSpace(class_id[i])) ++i;
    size_t j = i;
    while (j < class_id.size() && !IsAsciiSpace(class_id[j])) ++j;
    if (j > i && (IsBodyToken(class_id.substr(i, j - i)) ||
                  InTable(class_id.substr(i, j - i), kArticleTokens))) {
      return false;
    }
    i = j;
  }
  if (ContainsAny(class_id, kEmbedWords)) return false;
  if (ContainsAny(class_id, kBoilerplateSubstrings)) return true;
  if (HasHiddenToken(class_id)) return true;
  for (std::string_view p : Parts(class_id)) {
    if (InTable(p, kBoilerplateParts)) return true;
  }
  return false;
}

int ClassWeight(const Node& n) {
  int w = 0;
  for (const char* attr : {"class", "id"}) {
    const std::string v = Lower(Attr(n, attr));
    if (v.empty()) continue;
    if (ContainsAny(v, kNegativeWeightWords)) w -= 25;
    if (ContainsAny(v, kPositiveWords)) w += 25;
  }
  return w;
}

bool IsEmbeddedPost(const Node& n) {
  if (n.tag == GUMBO_TAG_A || n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_SPAN) return false;
  const std::string_view cls = Attr(n, "class");
  return FindNoCase(cls, "tweet") != std::string_view::npos ||
         FindNoCase(cls, "instagram") != std::string_view::npos ||
         FindNoCase(cls, "tiktok") != std::string_view::npos ||
         FindNoCase(cls, "fb-post") != std::string_view::npos;
}

bool IsHidden(const Node& n) {
  if (HasAttr(n, "hidden")) return true;
  const std::string_view style = Attr(n, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (!IsAsciiSpace(c)) compact += LowerAscii(c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// ---------------------------------------------------------------------------
// Metadata.
// ---------------------------------------------------------------------------

struct JsonLdInfo {
  std::optional<std::string> date_published;
  std::optional<std::string> headline;
  std::optional<std::string> publisher;
};

void WalkJsonLd(simdjson::dom::element e, JsonLdInfo& info, int depth) {
  if (depth > 32) return;
  if (e.is_array()) {
    for (simdjson::dom::element c : e.get_array()) WalkJsonLd(c, info, depth + 1);
    return;
  }
  if (!e.is_object()) return;
  for (auto field : e.get_object()) {
    const std::string_view key = field.key;
    simdjson::dom::element v = field.value;
    if (key == "datePublished" && v.is_string() && !info.date_published) {
      info.date_published = std::string(v.get_string().value());
    } else if (key == "headline" && v.is_string() && !info.headline) {
      info.headline = std::string(v.get_string().value());
    } else if (key == "publisher" && !info.publisher) {
      simdjson::dom::element p = v;
      if (p.is_array() && p.get_array().size() > 0) p = p.get_array().at(0).value();
      if (p.is_object()) {
        simdjson::dom::element name;
        if (p.get_object()["name"].get(name) == simdjson::SUCCESS && name.is_string()) {
          info.publisher = std::string(name.get_string().value());
        }
      } else if (p.is_string()) {
        info.publisher = std::string(p.get_string().value());
      }
    } else if (v.is_object() || v.is_array()) {
      WalkJsonLd(v, info, depth + 1);
    }
  }
}

// The string value of "key": "..." in malformed JSON.
std::optional<std::string> FindJsonString(std::string_view json, std::string_view key) {
  std::string needle = "\"";
  needle += key;
  needle += '"';
  size_t p = json.find(needle);
  if (p == std::string_view::npos) return std::nullopt;
  p += needle.size();
  while (p < json.size() && (IsAsciiSpace(json[p]) || json[p] == ':')) ++p;
  if (p >= json.size() || json[p] != '"') return std::nullopt;
  const size_t e = json.find('"', p + 1);
  if (e == std::string_view::npos || e - p > 200) return std::nullopt;
  return std::string(json.substr(p + 1, e - p - 1));
}

void ParseJsonLd(std::string_view text, simdjson::dom::parser& parser, JsonLdInfo& info) {
  const size_t b = text.find_first_of("{[");
  const size_t e = text.find_last_of("}]");
  if (b == std::string_view::npos || e == std::string_view::npos || e < b) return;
  const std::string_view json = text.substr(b, e - b + 1);
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) == simdjson::SUCCESS) {
    try {  // every access is type-checked first; this only keeps the promise
      WalkJsonLd(root, info, 0);
    } catch (...) {
    }
    return;
  }
  if (!info.date_published) info.date_published = FindJsonString(json, "datePublished");
  if (!info.headline) info.headline = FindJsonString(json, "headline");
}

// Strips a " | Site" / " - Site" part from a title. A <title> loses any
// short tail; og:title (written for sharing) only one naming the site or
// a one-word brand, since its " - " may be part of the headline.
std::string CleanTitle(std::string title, const std::optional<std::string>& site,
                       bool is_og) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " / ",
  };
  auto words = [](std::string_view s) {
    int n = 0;
    bool in = false;
    for (char c : s) {
      if (IsAsciiSpace(c)) {
        in = false;
      } else if (!in) {
        in = true;
        ++n;
      }
    }
    return n;
  };
  const std::string lsite = site ? Lower(*site) : "";
  for (std::string_view sep : kSeparators) {
    const size_t last = title.rfind(sep);
    if (last != std::string::npos) {
      std::string head = std::string(Trim(std::string_view(title).substr(0, last)));
      std::string tail = std::string(Trim(std::string_view(title).substr(last + sep.size())));
      const bool names_site = !lsite.empty() && Lower(tail) == lsite;
      const bool short_tail = is_og ? words(tail) <= 1 : words(tail) <= 5;
      if (names_site || (short_tail && words(head) >= 3)) return head;
    }
    const size_t first = title.find(sep);
    if (first != std::string::npos && !lsite.empty()) {
      std::string head = std::string(Trim(std::string_view(title).substr(0, first)));
      if (Lower(head) == lsite) {
        return std::string(Trim(std::string_view(title).substr(first + sep.size())));
      }
    }
  }
  return title;
}

// A date written out in text ("March 3, 2020", "3 March 2020",
// "2020-03-03", "03/03/2020"); nullopt when none.
std::optional<std::string> FindDateline(std::string_view text) {
  static const std::regex kDate(
      R"((?:\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|)"
      R"(Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}))"
      R"(|(?:\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|)"
      R"(June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+\d{4}))"
      R"(|(?:\b(?:19|20)\d{2}[-./][01]?\d[-./][0-3]?\d(?:[T ]\d{2}:\d{2}(?::\d{2})?)?))"
      R"(|(?:\b[0-3]?\d[/.][01]?\d[/.](?:19|20)\d{2}))",
      std::regex::ECMAScript | std::regex::icase);
  if (text.size() > 300) text = text.substr(0, 300);
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(text.begin(), text.end(), m, kDate)) return m.str();
  return std::nullopt;
}

// Words that introduce a dateline ("Published", "기사입력", ...).
constexpr std::string_view kDatelineWords[] = {
    "publish",  "posted", "updated", "date",     "publicado", "publié", "publie",
    "veröffentlicht", "pubblicato", "gepubliceerd", "opublikowano",
    "\xEC\x9E\x85\xEB\xA0\xA5",  // 입력
    "\xE5\x8F\x91\xE5\xB8\x83",  // 发布
};

// A dateline among the visible paragraphs of the page (one per line of
// `paragraphs`): first a short line with a dateline word, then any short
// line that is mostly a date.
std::optional<std::string> FindVisibleDateline(std::string_view paragraphs) {
  std::vector<std::string_view> lines;
  // A dateline sits near the top; looking further costs time for nothing.
  constexpr size_t kMaxLines = 300;
  for (size_t i = 0; i < paragraphs.size() && lines.size() < kMaxLines;) {
    size_t j = paragraphs.find("\n\n", i);
    if (j == std::string_view::npos) j = paragraphs.size();
    const std::string_view line = paragraphs.substr(i, j - i);
    if (line.size() <= 160) lines.push_back(line);
    i = j + 2;
  }
  for (std::string_view line : lines) {
    const std::string l = Lower(line);
    if (!ContainsAny(l, kDatelineWords)) continue;
    if (auto d = FindDateline(line)) return d;
  }
  for (std::string_view line : lines) {
    if (line.size() > 60) continue;
    if (auto d = FindDateline(line)) return d;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Content extraction.
// ---------------------------------------------------------------------------

// One paragraph of visible text: a maximal run of inline content.
struct Block {
  int owner = 0;   // innermost block-level element around the text
  std::string text;
  int chars = 0;       // code points other than spaces
  int link_chars = 0;  // the same, inside <a>
  int commas = 0;
  int lead_link_chars = 0;  // chars of the link the block starts with
  bool lead_open = true;    // still inside that leading link
  bool in_embed = false;    // inside an embedded post
  // A teaser: a headline link followed by a truncated excerpt.
  bool IsTeaserLine() const;
};

bool EndsWithEllipsis(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == ']' || t.back() == ')')) t.remove_suffix(1);
  return (t.size() >= 3 && t.substr(t.size() - 3) == "...") ||
         (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\xA6");
}

bool Block::IsTeaserLine() const {
  return lead_link_chars >= 15 && link_chars < chars && EndsWithEllipsis(text);
}

// Per-node totals over the kept subtree.
struct NodeStats {
  int chars = 0;
  int link_chars = 0;
  int commas = 0;
  int paragraphs = 0;  // blocks of >= 20 chars
  int list_items = 0;
  int images = 0;
  int inputs = 0;
  int embeds = 0;
  int good_chars = 0;  // chars in blocks of >= 80 chars with few links
  int link_blocks = 0;  // blocks that are (almost) all link: headlines, menus
  int embed_chars = 0;  // chars inside embedded posts
  int blocks = 0;
  int rows = 0;         // <tr>
  int cells = 0;        // <td>/<th>
  int table_markers = 0;  // <th>, <caption>, <thead>, <tfoot>, <colgroup>
  int tables = 0;
};

class Extractor {
 public:
  explicit Extractor(std::vector<Node> nodes) : nodes_(std::move(nodes)) {}

  // The article text; empty when the page has none.
  std::string Run(bool use_classes);
  // Every visible paragraph: the last resort when Run finds nothing.
  std::string AllText();

 private:
  void MarkRemoved(bool use_classes);
  void CollectBlocks();
  void ComputeStats();
  int PickTopCandidate(std::vector<double>& score);
  std::vector<int> SelectRoots(int top, const std::vector<double>& score);
  bool Inside(int node, int root) const {
    return node >= root && node < nodes_[root].end;
  }
  double LinkDensity(int i) const {
    const NodeStats& s = stats_[i];
    return s.chars == 0 ? 0.0 : double(s.link_chars) / s.chars;
  }
  bool CleanConditionally(int i, const std::vector<double>& score) const;
  bool IsDataTable(int i) const;
  // A list item of a teaser list: one headline link plus a short excerpt.
  // The headline comes first (after at most one short label).
  bool IsTeaser(int i) const {
    const NodeStats& s = stats_[i];
    if (s.link_blocks != 1 || s.blocks < 2 || s.chars - s.link_chars >= 400) return false;
    for (int j = first_block_[i], k = 0; j >= 0 && k < 2 && j < static_cast<int>(blocks_.size());
         ++j, ++k) {
      const Block& b = blocks_[j];
      if (b.chars >= 15 && b.link_chars * 5 >= b.chars * 4) return true;
      if (b.chars >= 15) return false;
    }
    return false;
  }

  std::vector<Node> nodes_;
  std::vector<Block> blocks_;
  std::vector<NodeStats> stats_;
  std::vector<int> weight_;
  std::vector<int> first_block_;  // per node: its first block, or -1
  std::vector<char> teaser_;       // per block: part of a teaser
};

void Extractor::MarkRemoved(bool use_classes) {
  const int n = static_cast<int>(nodes_.size());
  for (Node& node : nodes_) node.removed = false;
  // Pass 1: tags that are never text; hidden elements.
  std::vector<char> soft(n, 0);
  for (int i = 0; i < n; ++i) {
    Node& node = nodes_[i];
    if (node.parent >= 0 && nodes_[node.parent].removed) {
      node.removed = true;
      continue;
    }
    if (node.is_text) continue;
    if (node.el->tag_namespace != GUMBO_NAMESPACE_HTML || TagIn(node.tag, kDropTags) ||
        IsHidden(node)) {
      node.removed = true;
      continue;
    }
    if (node.tag == GUMBO_TAG_BODY || node.tag == GUMBO_TAG_HTML) continue;
    if (TagIn(node.tag, kSoftDropTags)) soft[i] = 1;
    if (use_classes && LooksBoilerplate(ClassId(node))) soft[i] = 1;
  }
  // Text mass per node (outside links) after pass 1.
  std::vector<int64_t> mass(n, 0);
  std::vector<char> in_link(n, 0);
  for (int i = 0; i < n; ++i) {
    const Node& node = nodes_[i];
    if (node.parent >= 0) in_link[i] = in_link[node.parent];
    if (node.tag == GUMBO_TAG_A) in_link[i] = 1;
    if (node.is_text && !node.removed && !in_link[i]) {
      int64_t c = 0;
      for (char ch : node.text) c += !IsAsciiSpace(ch) && (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      mass[i] = c;
    }
  }
  for (int i = n; i-- > 1;) mass[nodes_[i].parent] += mass[i];
  const int64_t total = mass.empty() ? 0 : mass[0];
  // Pass 2: furniture, unless it holds most of the page's text.
  for (int i = 0; i < n; ++i) {
    Node& node = nodes_[i];
    if (node.removed) continue;
    if (node.parent >= 0 && nodes_[node.parent].removed) {
      node.removed = true;
      continue;
    }
    if (soft[i] && mass[i] * 2 < total) node.removed = true;
  }
}

void Extractor::CollectBlocks() {
  blocks_.clear();
  const int n = static_cast<int>(nodes_.size());
  Block cur;
  bool space = false;
  std::vector<int> open;  // element stack
  int links_open = 0;
  // Inside an embedded post (tweet, Instagram) links are part of the quote.
  int embed_root = -1;
  auto flush = [&](int owner) {
    if (!cur.text.empty()) {
      cur.owner = owner;
      blocks_.push_back(std::move(cur));
    }
    cur = Block();
    space = false;
  };
  auto innermost_block = [&]() {
    for (size_t k = open.size(); k-- > 0;) {
      if (TagIn(nodes_[open[k]].tag, kBlockTags) && nodes_[open[k]].tag != GUMBO_TAG_BR) {
        return open[k];
      }
    }
    return 0;
  };
  for (int i = 0; i < n;) {
    while (!open.empty() && nodes_[open.back()].end <= i) {
      const int e = open.back();
      // Flush with the closing element as owner, before popping it.
      if (TagIn(nodes_[e].tag, kBlockTags)) flush(e);
      if (nodes_[e].tag == GUMBO_TAG_A) --links_open;
      if (embed_root == e) embed_root = -1;
      open.pop_back();
    }
    const Node& node = nodes_[i];
    if (node.removed) {
      i = node.end;
      continue;
    }
    if (node.is_text) {
      for (size_t k = 0; k < node.text.size();) {
        const char c = node.text[k];
        if (const int sp = SpaceLen(node.text, k)) {
          space = true;
          k += sp;
          continue;
        }
        if (space && !cur.text.empty()) cur.text += ' ';
        space = false;
        const int len = std::max(1, Utf8SeqLen(node.text, k));
        cur.text.append(node.text.substr(k, len));
        ++cur.chars;
        if (embed_root >= 0) cur.in_embed = true;
        const bool in_link = links_open > 0 && embed_root < 0;
        if (in_link) ++cur.link_chars;
        if (cur.lead_open) {
          if (in_link) {
            ++cur.lead_link_chars;
          } else {
            cur.lead_open = false;
          }
        }
        if (c == ',' || (len > 1 && IsWideComma(node.text, k))) ++cur.commas;
        k += len;
      }
      ++i;
      continue;
    }
    if (TagIn(node.tag, kBlockTags)) flush(innermost_block());
    if (node.tag == GUMBO_TAG_A) ++links_open;
    if (embed_root < 0 && node.tag != GUMBO_TAG_BODY && IsEmbeddedPost(node)) embed_root = i;
    open.push_back(i);
    ++i;
  }
  while (!open.empty()) {
    const int e = open.back();
    if (TagIn(nodes_[e].tag, kBlockTags)) flush(e);
    open.pop_back();
  }
  flush(0);
}

void Extractor::ComputeStats() {
  const int n = static_cast<int>(nodes_.size());
  stats_.assign(n, NodeStats());
  weight_.assign(n, 0);
  first_block_.assign(n, -1);
  for (int j = 0; j < static_cast<int>(blocks_.size()); ++j) {
    for (int a = blocks_[j].owner; a >= 0 && first_block_[a] < 0; a = nodes_[a].parent) {
      first_block_[a] = j;
    }
  }
  for (const Block& b : blocks_) {
    NodeStats& s = stats_[b.owner];
    s.chars += b.chars;
    s.link_chars += b.link_chars;
    s.commas += b.commas;
    if (b.chars >= 80 && b.link_chars * 4 < b.chars) s.good_chars += b.chars;
    if (b.chars >= 20) ++s.paragraphs;
    if (b.in_embed) s.embed_chars += b.chars;
    if (b.chars >= 15 && b.link_chars * 5 >= b.chars * 4) ++s.link_blocks;
    ++s.blocks;
  }
  for (int i = 0; i < n; ++i) {
    const Node& node = nodes_[i];
    if (node.is_text) continue;
    if (node.removed) {
      // Form controls and embeds are removed, but still tell readability's
      // cleaning what their container is.
      const int p = node.parent;
      if (p < 0 || nodes_[p].removed) continue;
      switch (node.tag) {
        case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
          ++stats_[p].inputs;
          break;
        case GUMBO_TAG_IFRAME: case GUMBO_TAG_EMBED: case GUMBO_TAG_OBJECT:
          ++stats_[p].embeds;
          break;
        default:
          break;
      }
      continue;
    }
    weight_[i] = ClassWeight(node);
    NodeStats& s = stats_[i];
    switch (node.tag) {
      case GUMBO_TAG_LI: ++s.list_items; break;
      case GUMBO_TAG_IMG: ++s.images; break;
      case GUMBO_TAG_TR: ++s.rows; break;
      case GUMBO_TAG_TD: ++s.cells; break;
      case GUMBO_TAG_TH: ++s.cells; ++s.table_markers; break;
      case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
      case GUMBO_TAG_COLGROUP: ++s.table_markers; break;
      case GUMBO_TAG_TABLE: ++s.tables; break;
      default: break;
    }
  }
  for (int i = n; i-- > 1;) {
    if (nodes_[i].removed) continue;
    NodeStats& p = stats_[nodes_[i].parent];
    const NodeStats& s = stats_[i];
    p.chars += s.chars;
    p.link_chars += s.link_chars;
    p.commas += s.commas;
    p.paragraphs += s.paragraphs;
    p.list_items += s.list_items;
    p.images += s.images;
    p.inputs += s.inputs;
    p.embeds += s.embeds;
    p.good_chars += s.good_chars;
    p.link_blocks += s.link_blocks;
    p.embed_chars += s.embed_chars;
    p.blocks += s.blocks;
    p.rows += s.rows;
    p.cells += s.cells;
    p.table_markers += s.table_markers;
    p.tables += s.tables;
  }
  teaser_.assign(blocks_.size(), 0);
  for (size_t j = 0; j < blocks_.size(); ++j) {
    bool teaser = blocks_[j].IsTeaserLine();
    for (int a = blocks_[j].owner, k = 0; a > 0 && k < 4 && !teaser; a = nodes_[a].parent, ++k) {
      teaser = IsTeaser(a);
    }
    teaser_[j] = teaser;
  }
}

// Readability's scoring: every paragraph adds to its ancestors.
int Extractor::PickTopCandidate(std::vector<double>& score) {
  const int n = static_cast<int>(nodes_.size());
  score.assign(n, 0.0);
  std::vector<char> init(n, 0);
  auto initialize = [&](int i) {
    if (init[i]) return;
    init[i] = 1;
    double s = 0;
    switch (nodes_[i].tag) {
      case GUMBO_TAG_DIV: s = 5; break;
      case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
      case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
      case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: s = -3; break;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
      case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: s = -5; break;
      default: break;
    }
    score[i] = s + weight_[i];
  };
  for (const Block& b : blocks_) {
    if (b.chars < 25 || teaser_[&b - blocks_.data()]) continue;
    int start = b.owner;
    const GumboTag t = nodes_[start].tag;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD || IsHeading(t) ||
        t == GUMBO_TAG_LI || t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_DD) {
      start = nodes_[start].parent;
    }
    const double contribution = 1.0 + b.commas + std::min(b.chars / 100, 3);
    int level = 0;
    for (int a = start; a > 0 && level < 5; a = nodes_[a].parent, ++level) {
      if (nodes_[a].tag == GUMBO_TAG_BODY || nodes_[a].tag == GUMBO_TAG_HTML) break;
      initialize(a);
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score[a] += contribution / divider;
    }
  }
  int top = -1;
  for (int i = 0; i < n; ++i) {
    if (!init[i]) continue;
    score[i] *= 1.0 - LinkDensity(i);
    if (top < 0 || score[i] > score[top]) top = i;
  }
  return top;
}

std::vector<int> Extractor::SelectRoots(int top, const std::vector<double>& score) {
  if (top < 0) return {0};
  // Climb while the parent scores nearly as well (the article is split
  // into several scored children).
  double last = score[top];
  const double threshold = last / 3;
  for (int p = nodes_[top].parent; p > 0 && nodes_[p].tag != GUMBO_TAG_BODY;
       p = nodes_[p].parent) {
    if (score[p] == 0) continue;
    if (score[p] < threshold) break;
    if (score[p] > last) {
      top = p;
      break;
    }
    last = score[p];
  }
  // Climb while an ancestor adds clearly more article-like text than
  // furniture (paragraphs split into per-paragraph wrappers score low
  // individually).
  {
    std::vector<double> net(nodes_.size(), 0.0);
    for (const Block& b : blocks_) {
      const double ld = b.chars == 0 ? 0.0 : double(b.link_chars) / b.chars;
      double w = 0;
      if (teaser_[&b - blocks_.data()] || ld > 0.5) {
        w = -b.chars;
      } else if (b.chars >= 25) {
        w = b.chars * (1 - 2 * ld);
      }
      net[b.owner] += w;
    }
    for (size_t i = nodes_.size(); i-- > 1;) {
      if (!nodes_[i].removed) net[nodes_[i].parent] += net[i];
    }
    int best = top;
    for (int p = nodes_[top].parent; p > 0 && nodes_[p].tag != GUMBO_TAG_BODY;
         p = nodes_[p].parent) {
      if (net[p] > net[best] * kClimbGain) best = p;
    }
    top = best;
  }
  // Climb out of single-child wrappers.
  for (;;) {
    const int p = nodes_[top].parent;
    if (p <= 0 || nodes_[p].tag == GUMBO_TAG_BODY) break;
    int kids = 0;
    for (int c = p + 1; c < nodes_[p].end; c = nodes_[c].end) {
      if (!nodes_[c].removed && !nodes_[c].is_text) ++kids;
    }
    if (kids != 1) break;
    top = p;
  }
  std::vector<int> roots;
  const int parent = nodes_[top].parent;
  if (parent < 0) return {top};
  const double sib_threshold = std::max(10.0, score[top] * 0.2);
  const std::string_view top_class = Attr(nodes_[top], "class");
  for (int c = parent + 1; c < nodes_[parent].end; c = nodes_[c].end) {
    if (nodes_[c].removed || nodes_[c].is_text) continue;
    if (c == top) {
      roots.push_back(c);
      continue;
    }
    double bonus = 0;
    if (!top_class.empty() && Attr(nodes_[c], "class") == top_class) bonus = score[top] * 0.2;
    if (score[c] != 0 && score[c] + bonus >= sib_threshold) {
      roots.push_back(c);
      continue;
    }
    if (nodes_[c].tag == GUMBO_TAG_P) {
      const double ld = LinkDensity(c);
      const int len = stats_[c].chars;
      if (len > 80 && ld < 0.25) {
        roots.push_back(c);
      } else if (len > 0 && len <= 80 && ld == 0) {
        const std::string t = SubtreeText(nodes_, c);
        if (t.find(". ") != std::string::npos || (!t.empty() && t.back() == '.')) {
          roots.push_back(c);
        }
      }
    }
  }
  return roots;
}

// Readability's test for tables that hold data rather than layout.
bool Extractor::IsDataTable(int i) const {
  const Node& node = nodes_[i];
  if (Lower(Attr(node, "role")) == "presentation" || Attr(node, "datatable") == "0") {
    return false;
  }
  const NodeStats& s = stats_[i];
  if (s.tables > 1) return false;  // nested tables are layout
  if (HasAttr(node, "summary") || s.table_markers > 0) return true;
  if (s.rows >= 10) return true;
  const int cols = s.rows == 0 ? 0 : s.cells / s.rows;
  return cols > 4 || s.cells > 10;
}

// Readability's conditional cleaning of a container inside the article.
bool Extractor::CleanConditionally(int i, const std::vector<double>& score) const {
  const Node& node = nodes_[i];
  const GumboTag t = node.tag;
  if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_SECTION && t != GUMBO_TAG_UL &&
      t != GUMBO_TAG_OL && t != GUMBO_TAG_TABLE && t != GUMBO_TAG_FORM &&
      t != GUMBO_TAG_FIELDSET && t != GUMBO_TAG_DL && t != GUMBO_TAG_ASIDE &&
      t != GUMBO_TAG_FIGURE) {
    return false;
  }
  const NodeStats& s = stats_[i];
  if (s.embed_chars * 2 >= s.chars && s.embed_chars > 0) return false;
  const int weight = weight_[i];
  if (weight + score[i] < 0) return true;
  if (s.commas >= 10) return false;
  const bool is_list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
  const double ld = LinkDensity(i);
  const int p = s.paragraphs;
  if (s.images > 1 && double(p) / s.images < 0.5 && s.good_chars == 0) return true;
  if (!is_list && s.list_items - 100 > p) return true;
  if (s.inputs > p / 3) return true;
  if (!is_list && s.chars < 25 && (s.images == 0 || s.images > 2)) return true;
  if (!is_list && weight < 25 && ld > 0.2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if ((s.embeds == 1 && s.chars < 75) || s.embeds > 1) return true;
  if (is_list && ld > 0.5) return true;
  return false;
}

bool IsFurnitureLine(std::string_view text) {
  std::string l = Lower(Trim(text));
  while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ' ')) l.pop_back();
  if (l.size() >= 3 && l.substr(l.size() - 3) == "\xE2\x80\xA6") l.resize(l.size() - 3);
  while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ' ')) l.pop_back();
  return InTable(std::string_view(l), kFurnitureLines);
}

std::string Extractor::Run(bool use_classes) {
  MarkRemoved(use_classes);
  CollectBlocks();
  ComputeStats();
  std::vector<double> score;
  const int top = PickTopCandidate(score);
  const std::vector<int> roots = SelectRoots(top, score);

  // Containers inside the article that conditional cleaning drops (none
  // when nothing scored: a tiny page is all article).
  std::vector<char> cleaned(nodes_.size(), 0);
  for (int r : top < 0 ? std::vector<int>() : roots) {
    for (int i = r + 1; i < nodes_[r].end; ++i) {
      if (nodes_[i].removed || nodes_[i].is_text) continue;
      // The best-scored container and its ancestors are the article.
      if (top >= 0 && Inside(top, i)) continue;
      if (cleaned[nodes_[i].parent]) {
        cleaned[i] = 1;
        continue;
      }
      if (nodes_[i].tag == GUMBO_TAG_TABLE && IsDataTable(i)) {
        i = nodes_[i].end - 1;  // kept whole
        continue;
      }
      if (CleanConditionally(i, score) || IsTeaser(i)) cleaned[i] = 1;
    }
  }

  // A paragraph that is one link is a "related story" headline, unless it
  // is a list item or shows a URL (link lists the article itself gives).
  auto headline_link = [&](const Block& b) {
    return nodes_[b.owner].tag != GUMBO_TAG_LI && b.chars >= 15 &&
           b.link_chars * 10 >= b.chars * 9 && b.text.find("http") == std::string::npos &&
           b.text.find("www.") == std::string::npos;
  };
  std::string out;
  size_t bi = 0;
  for (int r : roots) {
    for (; bi < blocks_.size(); ++bi) {
      const Block& b = blocks_[bi];
      if (b.owner < r) continue;
      if (b.owner >= nodes_[r].end) break;
      if (cleaned[b.owner] || nodes_[b.owner].tag == GUMBO_TAG_H1 || b.IsTeaserLine() ||
          IsFurnitureLine(b.text) || headline_link(b)) {
        continue;
      }
      if (!out.empty()) out += "\n\n";
      out += b.text;
    }
  }
  return out;
}

std::string Extractor::AllText() {
  MarkRemoved(/*use_classes=*/false);
  CollectBlocks();
  std::string out;
  for (const Block& b : blocks_) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

// Finds the metadata of the page.
void ExtractMetadata(const std::vector<Node>& nodes, HtmlArticle& a) {
  std::optional<std::string> og_title, og_url, canonical, site_name, title_tag, h1;
  std::optional<std::string> time_any, time_pub;
  constexpr size_t kNumPub = std::size(kPublishedMetas);
  std::vector<std::optional<std::string>> pub(kNumPub);
  JsonLdInfo ld;
  std::unique_ptr<simdjson::dom::parser> parser;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    const Node& n = nodes[i];
    if (n.is_text || n.el->tag_namespace != GUMBO_NAMESPACE_HTML) continue;
    switch (n.tag) {
      case GUMBO_TAG_META: {
        std::string content = std::string(Trim(Attr(n, "content")));
        if (content.empty()) break;
        for (const char* attr : {"property", "name", "itemprop"}) {
          const std::string key = Lower(Trim(Attr(n, attr)));
          if (key.empty()) continue;
          if (key == "og:title" && !og_title) og_title = content;
          if (key == "og:url" && !og_url) og_url = content;
          if (key == "og:site_name" && !site_name) site_name = content;
          for (size_t k = 0; k < kNumPub; ++k) {
            if (key == kPublishedMetas[k] && !pub[k]) pub[k] = content;
          }
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (!canonical && Lower(Attr(n, "rel")).find("canonical") != std::string::npos) {
          const std::string_view href = Trim(Attr(n, "href"));
          if (!href.empty()) canonical = std::string(href);
        }
        break;
      case GUMBO_TAG_TITLE:
        if (!title_tag) {
          std::string t = SubtreeText(nodes, i);
          if (!t.empty()) title_tag = std::move(t);
        }
        break;
      case GUMBO_TAG_H1:
        if (!h1) {
          std::string t = SubtreeText(nodes, i);
          if (!t.empty()) h1 = std::move(t);
        }
        break;
      case GUMBO_TAG_TIME: {
        const std::string_view dt = Trim(Attr(n, "datetime"));
        if (dt.empty()) break;
        if (!time_any) time_any = std::string(dt);
        const std::string hint = Lower(Attr(n, "itemprop")) + " " + ClassId(n);
        if (!time_pub && (HasAttr(n, "pubdate") || hint.find("publish") != std::string::npos ||
                          hint.find("datepublished") != std::string::npos)) {
          time_pub = std::string(dt);
        }
        break;
      }
      case GUMBO_TAG_SCRIPT:
        if (FindNoCase(Attr(n, "type"), "ld+json") != std::string_view::npos) {
          if (!parser) parser = std::make_unique<simdjson::dom::parser>();
          for (int k = i + 1; k < n.end; ++k) {
            if (nodes[k].is_text) ParseJsonLd(nodes[k].text, *parser, ld);
          }
        }
        break;
      default:
        break;
    }
  }
  if (og_title) {
    a.title = CleanTitle(*og_title, site_name, /*is_og=*/true);
  } else if (ld.headline) {
    a.title = ld.headline;
  } else if (title_tag) {
    a.title = CleanTitle(*title_tag, site_name, /*is_og=*/false);
  } else {
    a.title = h1;
  }

  for (size_t k = 0; k < kNumPub && !a.published; ++k) a.published = pub[k];
  if (!a.published) a.published = ld.date_published;
  if (!a.published) a.published = time_pub ? time_pub : time_any;
  if (!a.published) {
    // A visible dateline in an element named like one.
    for (int i = 0; i < static_cast<int>(nodes.size()) && !a.published; ++i) {
      const Node& n = nodes[i];
      if (n.is_text || n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE ||
          n.tag == GUMBO_TAG_HEAD) {
        if (!n.is_text) i = n.end - 1;
        continue;
      }
      const std::string ci = ClassId(n);
      if (ci.find("date") == std::string::npos && ci.find("time") == std::string::npos &&
          ci.find("publish") == std::string::npos && ci.find("byline") == std::string::npos) {
        continue;
      }
      a.published = FindDateline(SubtreeText(nodes, i, 300));
    }
  }
  a.url = canonical ? canonical : og_url;
  a.source = site_name ? site_name : ld.publisher;
  for (std::optional<std::string>* field : {&a.title, &a.published, &a.url, &a.source}) {
    if (!*field) continue;
    **field = Collapse(**field);
    if ((*field)->empty()) field->reset();
  }
}

// ---------------------------------------------------------------------------
// Evaluation helpers.
// ---------------------------------------------------------------------------

Result<std::string> ReadGzipFile(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return NotFound("cannot open " + path + ": check the path");
  std::string out;
  char buf[1 << 16];
  for (;;) {
    const int n = gzread(f, buf, sizeof(buf));
    if (n < 0) {
      gzclose(f);
      return DataLoss(path + " is not a valid gzip file");
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  const int rc = gzclose(f);
  if (rc != Z_OK) return DataLoss(path + " is truncated or corrupt (gzip)");
  return out;
}

// Lower-cased tokens: maximal runs of letters and digits.
std::unordered_map<std::string, int> TokenCounts(std::string_view s) {
  std::unordered_map<std::string, int> counts;
  std::string tok;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = NextCodePoint(s, i);
    const auto c = static_cast<UChar32>(cp);
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c)) {
      AppendUtf8(tok, static_cast<uint32_t>(u_tolower(c)));
    } else if (!tok.empty()) {
      ++counts[tok];
      tok.clear();
    }
  }
  if (!tok.empty()) ++counts[tok];
  return counts;
}

}  // namespace

HtmlEvalPage ScoreTokens(std::string_view extracted, std::string_view gold) {
  HtmlEvalPage page;
  const auto pred = TokenCounts(extracted);
  const auto ref = TokenCounts(gold);
  int64_t n_pred = 0, n_ref = 0, common = 0;
  for (const auto& [t, c] : pred) n_pred += c;
  for (const auto& [t, c] : ref) {
    n_ref += c;
    auto it = pred.find(t);
    if (it != pred.end()) common += std::min(c, it->second);
  }
  if (n_pred == 0 && n_ref == 0) {
    page.precision = page.recall = page.f1 = 1.0;
    return page;
  }
  page.precision = n_pred == 0 ? 0.0 : double(common) / n_pred;
  page.recall = n_ref == 0 ? 0.0 : double(common) / n_ref;
  page.f1 = page.precision + page.recall == 0
                ? 0.0
                : 2 * page.precision * page.recall / (page.precision + page.recall);
  return page;
}

Result<HtmlArticle> ExtractHtml(std::string_view html) {
  if (Trim(html).empty()) return InvalidArgument("the HTML input is empty");
  if (html.size() > kMaxInputBytes) html = html.substr(0, kMaxInputBytes);
  const std::string utf8 = DecodeToUtf8(html);
  if (LooksBinary(utf8)) {
    return InvalidArgument("the input is binary data, not HTML: check its type and compression");
  }
  bool has_markup = false;
  for (size_t p = utf8.find('<'); p != std::string::npos && p + 1 < utf8.size();
       p = utf8.find('<', p + 1)) {
    const char c = utf8[p + 1];
    if (IsAsciiAlpha(c) || c == '!' || c == '/' || c == '?') {
      has_markup = true;
      break;
    }
  }
  if (!has_markup) return InvalidArgument("the input has no HTML markup: read it as plain text");

  const std::string markup = PrepareMarkup(utf8);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&options, markup.data(), markup.size()));
  if (!output || output->root == nullptr) return Internal("the HTML parser returned no tree");

  std::vector<Node> nodes = Flatten(output->root);
  HtmlArticle article;
  ExtractMetadata(nodes, article);

  Extractor extractor(std::move(nodes));
  std::string text = extractor.Run(/*use_classes=*/true);
  if (CountCodePoints(text) < 250) {
    std::string loose = extractor.Run(/*use_classes=*/false);
    if (CountCodePoints(loose) > CountCodePoints(text)) text = std::move(loose);
  }
  if (text.empty() || !article.published) {
    const std::string all = extractor.AllText();
    if (!article.published) article.published = FindVisibleDateline(all);
    if (text.empty()) text = all;
  }
  if (text.empty()) {
    return DataLoss("the HTML page has no visible text outside scripts, styles and controls");
  }
  article.text = std::move(text);
  return article;
}

Result<HtmlEvalReport> EvalHtmlExtraction(const std::string& dir) {
  const std::string gt_path = dir + "/ground-truth.json";
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  {
    std::ifstream probe(gt_path);
    if (!probe) return NotFound("cannot open " + gt_path + ": is this an html eval directory?");
  }
  if (parser.load(gt_path).get(root) != simdjson::SUCCESS || !root.is_object()) {
    return DataLoss(gt_path + " is not a JSON object of {hash: {articleBody, url}}");
  }
  HtmlEvalReport report;
  for (auto field : root.get_object()) {
    const std::string id(field.key);
    std::string_view gold;
    if (field.value["articleBody"].get(gold) != simdjson::SUCCESS) {
      return DataLoss(gt_path + ": entry " + id + " has no string articleBody");
    }
    ASSIGN_OR_RETURN(std::string html, ReadGzipFile(dir + "/html/" + id + ".html.gz"));
    Result<HtmlArticle> art = ExtractHtml(html);
    HtmlEvalPage page = ScoreTokens(art.ok() ? std::string_view(art->text) : std::string_view(),
                                    gold);
    page.id = id;
    report.precision += page.precision;
    report.recall += page.recall;
    report.f1 += page.f1;
    report.per_page.push_back(std::move(page));
  }
  report.pages = static_cast<int>(report.per_page.size());
  if (report.pages > 0) {
    report.precision /= report.pages;
    report.recall /= report.pages;
    report.f1 /= report.pages;
  }
  return report;
}

}  // namespace sitrep::ingest
