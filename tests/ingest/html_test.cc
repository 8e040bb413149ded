#include "ingest/html.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace sitrep::ingest {
namespace {

// The article every boilerplate case wraps; `furniture` is spliced in at
// the top of <body>, between the paragraphs and after the article.
std::string Page(const std::string& furniture) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
         "<title>Storm hits the coast | Daily Planet</title></head><body>" +
         furniture +
         "<main><article><h1>Storm hits the coast</h1><div class=\"article-body\">"
         "<p>The storm reached the coast on Monday, flooding roads, closing "
         "schools and cutting power to thousands of homes.</p>" +
         furniture +
         "<p>Officials said the water would recede by Wednesday, but warned "
         "residents to stay away from the beaches.</p>"
         "<p>Rescue teams, backed by volunteers, evacuated more than 200 people "
         "from low-lying areas overnight.</p></div></article>" +
         furniture + "</main></body></html>";
}

const char kArticleText[] =
    "The storm reached the coast on Monday, flooding roads, closing schools "
    "and cutting power to thousands of homes.\n\n"
    "Officials said the water would recede by Wednesday, but warned residents "
    "to stay away from the beaches.\n\n"
    "Rescue teams, backed by volunteers, evacuated more than 200 people from "
    "low-lying areas overnight.";

struct FurnitureCase {
  const char* name;
  const char* html;
};

TEST(HtmlExtract, RemovesBoilerplate) {
  const FurnitureCase kCases[] = {
      {"none", ""},
      {"nav",
       "<nav><ul><li><a href=\"/world\">World news and analysis</a></li>"
       "<li><a href=\"/sport\">Sport results and fixtures</a></li></ul></nav>"},
      {"header", "<header><a href=\"/\">Daily Planet, the newspaper of record</a></header>"},
      {"footer",
       "<footer><p>Copyright 2024 Daily Planet. All rights reserved, including "
       "the right to reproduce this article.</p></footer>"},
      {"aside",
       "<aside><p>Editor's note: this sidebar, with its long sentence, is not "
       "part of the article text.</p></aside>"},
      {"comments",
       "<div class=\"comments\"><p>Great article, thanks for the thorough "
       "reporting on this storm, and the photos too!</p></div>"},
      {"comment id",
       "<section id=\"comment-list\"><p>I live there, and the flooding was "
       "worse than the article says, believe me.</p></section>"},
      {"related links",
       "<div class=\"related-stories\"><ul><li><a href=\"/a\">Last year's storm "
       "season was the worst on record</a></li><li><a href=\"/b\">How to "
       "prepare your home for a flood</a></li></ul></div>"},
      {"cookie banner",
       "<div id=\"cookie-consent\">We use cookies, and similar technologies, to "
       "improve your experience. Accept all cookies?</div>"},
      {"newsletter",
       "<div class=\"newsletter-signup\"><p>Sign up for our morning briefing, "
       "delivered to your inbox every day, for free.</p></div>"},
      {"share bar",
       "<div class=\"social-share\"><a href=\"#\">Share on Facebook</a> "
       "<a href=\"#\">Share on Twitter</a></div>"},
      {"script",
       "<script>document.write('<p>Injected text, from a script, must never "
       "appear.</p>');</script>"},
      {"style", "<style>p { color: red; } .x::before { content: 'styled text'; }</style>"},
      {"noscript", "<noscript><p>Please enable JavaScript, to read this site.</p></noscript>"},
      {"form",
       "<form><label>Your email, please</label><input name=\"e\">"
       "<button>Subscribe now</button></form>"},
      {"advert", "<div class=\"ad-slot\">Advertisement</div>"},
      {"hidden", "<div style=\"display: none\">Hidden text, for robots only, never shown.</div>"},
      {"comment node", "<!-- <p>Commented-out paragraph, with old text.</p> -->"},
  };
  for (const FurnitureCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<HtmlArticle> a = ExtractHtml(Page(c.html));
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->text, kArticleText);
  }
}

TEST(HtmlExtract, KeepsParagraphOrderAndCollapsesWhitespace) {
  const std::string html =
      "<html><body><div class=\"story\">"
      "<p>  First   paragraph,\n\twith  <b>bold</b>&nbsp;and <a href=\"/x\">a link</a>,"
      " long enough to count.</p>"
      "<h2>A subheading</h2>"
      "<p>Second paragraph, after the subheading, also long enough.</p>"
      "<ul><li>A list item, kept in order.</li><li>Another list item.</li></ul>"
      "<blockquote>A quotation, from someone important.</blockquote>"
      "<div>Text directly in a div,<br>then after a line break.</div>"
      "</div></body></html>";
  Result<HtmlArticle> a = ExtractHtml(html);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "First paragraph, with bold and a link, long enough to count.\n\n"
            "A subheading\n\n"
            "Second paragraph, after the subheading, also long enough.\n\n"
            "A list item, kept in order.\n\n"
            "Another list item.\n\n"
            "A quotation, from someone important.\n\n"
            "Text directly in a div,\n\n"
            "then after a line break.");
}

TEST(HtmlExtract, KeepsEmbeddedTweetsAndDataTables) {
  const std::string html =
      "<html><body><div class=\"entry-content\">"
      "<p>The minister announced the plan on Monday, to mixed reactions, "
      "from across the political spectrum.</p>"
      "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">"
      "<p>This plan is a disgrace, and voters will remember it. "
      "<a href=\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; A Critic "
      "(@critic) <a href=\"https://twitter.com/critic/1\">May 1, 2024</a>"
      "</blockquote></div>"
      "<p>Final standings, after the last race of the season, are below.</p>"
      "<table><tr><th>Pos</th><th>Driver</th></tr>"
      "<tr class=\"player-1\"><td>1</td><td><a href=\"/d/1\">A. Driver</a></td></tr>"
      "<tr class=\"player-2\"><td>2</td><td><a href=\"/d/2\">B. Driver</a></td></tr>"
      "</table></div></body></html>";
  Result<HtmlArticle> a = ExtractHtml(html);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "The minister announced the plan on Monday, to mixed reactions, from "
            "across the political spectrum.\n\n"
            "This plan is a disgrace, and voters will remember it. pic.twitter.com/x\n\n"
            "\xE2\x80\x94 A Critic (@critic) May 1, 2024\n\n"
            "Final standings, after the last race of the season, are below.\n\n"
            "Pos\n\nDriver\n\n1\n\nA. Driver\n\n2\n\nB. Driver");
}

struct MetaCase {
  const char* name;
  const char* head;
  const char* body;
  const char* expected;  // nullptr: absent
};

std::string MetaPage(const MetaCase& c) {
  return std::string("<html><head>") + c.head + "</head><body>" + c.body +
         "<div class=\"content\"><p>Body text of the article, with a comma, and "
         "enough characters to be scored.</p></div></body></html>";
}

TEST(HtmlExtract, Title) {
  const MetaCase kCases[] = {
      {"og:title wins",
       "<meta property=\"og:title\" content=\"Storm hits the coast\">"
       "<title>Storm hits the coast | Daily Planet</title>",
       "", "Storm hits the coast"},
      {"title minus site suffix", "<title>Storm hits the coast | Daily Planet</title>", "",
       "Storm hits the coast"},
      {"title minus dash suffix", "<title>Storm hits the coast - Daily Planet</title>", "",
       "Storm hits the coast"},
      {"site prefix named by og:site_name",
       "<meta property=\"og:site_name\" content=\"Daily Planet\">"
       "<title>Daily Planet | Storm hits the coast</title>",
       "", "Storm hits the coast"},
      {"JSON-LD headline",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
       "\"headline\":\"Storm hits the coast\"}</script><title>Daily Planet</title>",
       "", "Storm hits the coast"},
      {"first h1", "", "<h1>Storm hits the coast</h1>", "Storm hits the coast"},
      {"whitespace collapsed",
       "<meta property=\"og:title\" content=\" Storm\n  hits&nbsp;the\tcoast \">", "",
       "Storm hits the coast"},
      {"none", "", "", nullptr},
  };
  for (const MetaCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<HtmlArticle> a = ExtractHtml(MetaPage(c));
    ASSERT_TRUE(a.ok()) << a.status().message();
    if (c.expected == nullptr) {
      EXPECT_FALSE(a->title.has_value()) << *a->title;
    } else {
      EXPECT_EQ(a->title.value_or("<none>"), c.expected);
    }
  }
}

TEST(HtmlExtract, Published) {
  const MetaCase kCases[] = {
      {"article:published_time",
       "<meta property=\"article:published_time\" content=\"2019-11-19T13:21:00Z\">"
       "<meta name=\"date\" content=\"2001-01-01\">",
       "<time datetime=\"2002-02-02\">Feb 2</time>", "2019-11-19T13:21:00Z"},
      {"parsely-pub-date", "<meta name=\"parsely-pub-date\" content=\"2019-11-18T10:00:00-05:00\">",
       "", "2019-11-18T10:00:00-05:00"},
      {"sailthru.date", "<meta name=\"sailthru.date\" content=\"Tue, 19 Nov 2019 08:00:00\">", "",
       "Tue, 19 Nov 2019 08:00:00"},
      {"itemprop datePublished", "<meta itemprop=\"datePublished\" content=\"2019-11-20\">", "",
       "2019-11-20"},
      {"DC.date", "<meta name=\"DC.date\" content=\"2019-11-21\">", "", "2019-11-21"},
      {"JSON-LD datePublished",
       "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
       "\"@type\":\"NewsArticle\",\"datePublished\":\"2019-11-19T02:46:42.471Z\"}</script>",
       "", "2019-11-19T02:46:42.471Z"},
      {"JSON-LD @graph",
       "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
       "{\"@type\":\"WebSite\",\"name\":\"Planet\"},{\"@type\":\"Article\","
       "\"datePublished\":\"2018-10-06T08:57:00+02:00\"}]}</script>",
       "", "2018-10-06T08:57:00+02:00"},
      {"JSON-LD array",
       "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},"
       "{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-05-01\"}]</script>",
       "", "2017-05-01"},
      {"JSON-LD malformed",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
       "\"datePublished\": \"2016-03-04\", }</script>",
       "", "2016-03-04"},
      {"meta before JSON-LD",
       "<meta name=\"date\" content=\"2019-01-01\"><script type=\"application/ld+json\">"
       "{\"datePublished\":\"2019-01-02\"}</script>",
       "", "2019-01-01"},
      {"JSON-LD before time element",
       "<script type=\"application/ld+json\">{\"datePublished\":\"2019-01-02\"}</script>",
       "<time datetime=\"2019-01-03\">Jan 3</time>", "2019-01-02"},
      {"time datetime", "", "<p>Posted <time datetime=\"2019-11-19T10:00\">Nov 19</time></p>",
       "2019-11-19T10:00"},
      {"time pubdate preferred", "",
       "<time datetime=\"2019-01-01\">updated</time>"
       "<time pubdate datetime=\"2018-12-31\">published</time>",
       "2018-12-31"},
      {"visible dateline", "", "<div class=\"post-date\">Published March 3, 2020</div>",
       "March 3, 2020"},
      {"none", "", "", nullptr},
  };
  for (const MetaCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<HtmlArticle> a = ExtractHtml(MetaPage(c));
    ASSERT_TRUE(a.ok()) << a.status().message();
    if (c.expected == nullptr) {
      EXPECT_FALSE(a->published.has_value()) << *a->published;
    } else {
      EXPECT_EQ(a->published.value_or("<none>"), c.expected);
    }
  }
}

TEST(HtmlExtract, UrlAndSource) {
  const MetaCase kCanonical = {
      "", "<link rel=\"canonical\" href=\"https://planet.example/storm\">"
          "<meta property=\"og:url\" content=\"https://planet.example/og\">"
          "<meta property=\"og:site_name\" content=\"Daily Planet\">",
      "", nullptr};
  Result<HtmlArticle> a = ExtractHtml(MetaPage(kCanonical));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url.value_or("<none>"), "https://planet.example/storm");
  EXPECT_EQ(a->source.value_or("<none>"), "Daily Planet");

  const MetaCase kFallbacks = {
      "", "<meta property=\"og:url\" content=\"https://planet.example/og\">"
          "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
          "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Planet Press\"}}</script>",
      "", nullptr};
  a = ExtractHtml(MetaPage(kFallbacks));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url.value_or("<none>"), "https://planet.example/og");
  EXPECT_EQ(a->source.value_or("<none>"), "Planet Press");
}

struct CharsetCase {
  const char* name;
  std::string html;
  const char* expected_text;
};

TEST(HtmlExtract, CharsetConversionAndRepair) {
  const std::string kBody = "<p>Caf\xE9 \x93quoted\x94 na\xEFve, r\xE9sum\xE9 text.</p>";
  const char* kConverted =
      "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D na\xC3\xAFve, r\xC3\xA9sum\xC3\xA9 text.";
  const CharsetCase kCases[] = {
      {"meta charset windows-1252",
       "<html><head><meta charset=\"windows-1252\"></head><body>" + kBody + "</body></html>",
       kConverted},
      // WHATWG: iso-8859-1 means windows-1252 (0x93/0x94 are curly quotes).
      {"http-equiv ISO-8859-1",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=ISO-8859-1\"></head><body>" +
           kBody + "</body></html>",
       kConverted},
      {"undeclared legacy bytes", "<html><body>" + kBody + "</body></html>", kConverted},
      {"utf-8 BOM", "\xEF\xBB\xBF<html><body><p>Caf\xC3\xA9 text.</p></body></html>",
       "Caf\xC3\xA9 text."},
      {"utf-16le BOM",
       std::string("\xFF\xFE<\0p\0>\0C\0a\0f\0\xE9\0<\0/\0p\0>\0", 22), "Caf\xC3\xA9"},
      {"invalid utf-8 repaired",
       "<html><head><meta charset=\"utf-8\"></head><body><p>caf\xC3\xA9 \xFF\xC3 bad "
       "\xED\xA0\x80 bytes</p></body></html>",
       "caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD bad \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD bytes"},
      {"declared latin-1 but really utf-8",
       "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xC3\xA9 "
       "\xE2\x80\x9Cok\xE2\x80\x9D</p></body></html>",
       "Caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D"},
      {"iso-2022-jp (7-bit, stateful)",
       "<html><head><meta charset=\"iso-2022-jp\"></head><body><p>\x1B$BF|K\\\x1B(B</p>"
       "</body></html>",
       "\xE6\x97\xA5\xE6\x9C\xAC"},
      {"koi8-r",
       "<html><head><meta charset=\"koi8-r\"></head><body><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>"
       "</body></html>",
       "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
  };
  for (const CharsetCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<HtmlArticle> a = ExtractHtml(c.html);
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->text, c.expected_text);
  }
}

TEST(HtmlExtract, UnclosedTags) {
  const std::string html =
      "<html><body><div class=\"article\"><p>First paragraph, never closed, but "
      "the parser closes it<p>Second paragraph, also open, and <b>bold never "
      "closed<p>Third one, <i>with an open italic";
  Result<HtmlArticle> a = ExtractHtml(html);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "First paragraph, never closed, but the parser closes it\n\n"
            "Second paragraph, also open, and bold never closed\n\n"
            "Third one, with an open italic");
}

TEST(HtmlExtract, DeepNestingIsBoundedAndFast) {
  std::string html = "<html><body>";
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "<p>Deeply nested paragraph, still extracted.</p>";
  for (int i = 0; i < 20000; ++i) html += "</div>";
  html += "<p>A paragraph after the nest, also extracted.</p></body></html>";
  const auto start = std::chrono::steady_clock::now();
  Result<HtmlArticle> a = ExtractHtml(html);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text,
            "Deeply nested paragraph, still extracted.\n\n"
            "A paragraph after the nest, also extracted.");
  EXPECT_LT(seconds, 2.0);

  // The same without end tags, and with other element kinds.
  for (const char* open : {"<div>", "<span>", "<b>", "<a href=x>", "<table><tr><td>",
                           "<div/>", "<blockquote>", "<ul><li>"}) {
    SCOPED_TRACE(open);
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += open;
    deep += "Innermost text, at the bottom.";
    Result<HtmlArticle> r = ExtractHtml(deep);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->text, "Innermost text, at the bottom.");
  }
}

TEST(HtmlExtract, RejectsNonHtml) {
  struct Case {
    const char* name;
    std::string bytes;
    StatusCode code;
  };
  std::mt19937 rng(1234);
  std::string junk(4096, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  const Case kCases[] = {
      {"empty", "", StatusCode::kInvalidArgument},
      {"whitespace", " \n\t ", StatusCode::kInvalidArgument},
      {"binary junk", junk, StatusCode::kInvalidArgument},
      {"gzip bytes", std::string("\x1F\x8B\x08\0\0\0\0\0\0\x03\xCB\x48\xCD\xC9\xC9\x07\0", 17),
       StatusCode::kInvalidArgument},
      {"plain text", "Just a sentence, without any markup.", StatusCode::kInvalidArgument},
      {"markup without text", "<html><head><script>var a = 1;</script></head><body>"
                              "<img src=x><nav><a href=/>Home</a></nav></body></html>",
       StatusCode::kDataLoss},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<HtmlArticle> a = ExtractHtml(c.bytes);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.status().code(), c.code);
    EXPECT_FALSE(a.status().message().empty());
  }
}

bool IsValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Every prefix and random corruption of a page extracts without crashing,
// and whatever comes out is valid UTF-8 with no stray whitespace.
TEST(HtmlExtract, MutatedPagesGiveValidOutput) {
  const std::string page = Page(
      "<div class=\"comments\"><p>A comment, with \xC3\xA9 accents \xE2\x80\x94 and "
      "dashes.</p></div><table><tr><td>cell</td></tr></table><svg><text>x</text></svg>");
  std::mt19937 rng(7);
  int ok = 0;
  for (int round = 0; round < 400; ++round) {
    std::string s = page.substr(0, rng() % (page.size() + 1));
    if (round % 2 == 1) {
      s = page;
      for (int k = 0; k < 8; ++k) s[rng() % s.size()] = static_cast<char>(rng());
    }
    Result<HtmlArticle> a = ExtractHtml(s);
    if (!a.ok()) continue;
    ++ok;
    ASSERT_TRUE(IsValidUtf8(a->text)) << s;
    ASSERT_FALSE(a->text.empty());
    EXPECT_NE(a->text.front(), ' ');
    EXPECT_NE(a->text.back(), ' ');
    EXPECT_EQ(a->text.find("  "), std::string::npos);
    if (a->title) {
      ASSERT_TRUE(IsValidUtf8(*a->title));
    }
  }
  EXPECT_GT(ok, 200);
}

TEST(HtmlEval, ScoreTokens) {
  struct Case {
    const char* extracted;
    const char* gold;
    double precision, recall, f1;
  };
  const Case kCases[] = {
      {"a b b c", "b c d", 0.5, 2.0 / 3, 4.0 / 7},
      {"The cat, the HAT.", "the hat the cat", 1.0, 1.0, 1.0},
      {"\xC3\x89t\xC3\xA9 2019-11", "\xC3\xA9t\xC3\xA9 2019 11", 1.0, 1.0, 1.0},
      {"", "words here", 0.0, 0.0, 0.0},
      {"", "", 1.0, 1.0, 1.0},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.extracted);
    const HtmlEvalPage p = ScoreTokens(c.extracted, c.gold);
    EXPECT_NEAR(p.precision, c.precision, 1e-9);
    EXPECT_NEAR(p.recall, c.recall, 1e-9);
    EXPECT_NEAR(p.f1, c.f1, 1e-9);
  }
}

TEST(HtmlEval, MissingDirectoryIsNotFound) {
  Result<HtmlEvalReport> r = EvalHtmlExtraction("/nonexistent/sitrep/html-eval");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

// Slow tier: the 181-page article-extraction benchmark in shared/data.
TEST(HtmlEval, BenchmarkF1) {
  const std::string dir = SITREP_SOURCE_DIR "/../shared/data/news/html";
  if (!std::filesystem::exists(dir + "/ground-truth.json")) {
    GTEST_SKIP() << "no benchmark at " << dir
                 << " (needs shared/data/news/html with ground-truth.json)";
  }
  Result<HtmlEvalReport> r = EvalHtmlExtraction(dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_GT(r->pages, 0);
  EXPECT_EQ(static_cast<size_t>(r->pages), r->per_page.size());
  EXPECT_GE(r->f1, 0.93) << "precision " << r->precision << ", recall " << r->recall;
}

}  // namespace
}  // namespace sitrep::ingest
