"""Article extraction from HTML: the story in, page furniture out ("with"/"without" fragments)."""

from __future__ import annotations

import json

import pytest

from dateline.errors import InputError
from dateline.extract.html import extract_html

STORY = [
    "The port authority said on Wednesday that container traffic had fallen by a fifth "
    "since the spring, as shipping lines moved routes away from the strait.",
    "Officials blamed the insurance costs that followed a series of attacks on vessels, "
    "and said talks with the shipping companies would resume next month.",
    "Dock workers' unions warned that hundreds of jobs were at risk if the decline continued "
    "into the new year, and called for support from the government.",
]
JSON_LD = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                      "headline": "Port traffic falls by a fifth",
                      "datePublished": "2023-11-08T09:30:00+01:00",
                      "author": [{"@type": "Person", "name": "Maria Keller"}],
                      "publisher": {"@type": "Organization", "name": "The Harbour Times"}})

MODERN = f"""<!doctype html><html><head>
<title>Port traffic falls by a fifth | World | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<script type="application/ld+json">{JSON_LD}</script>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article>
  <h1>Port traffic falls by a fifth</h1>
  <p class="byline">By Maria Keller</p>
  <time datetime="2023-11-08">8 November 2023</time>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
  <figure><img src="ship.jpg"><figcaption>A container ship leaves the harbour at dawn.
  Photo: Reuters/J. Smith</figcaption></figure>
  <p>{STORY[0]}</p>
  <h2>Insurance costs</h2>
  <p>{STORY[1]}</p>
  <p>The authority listed three causes:</p>
  <ul><li>higher premiums</li><li>longer routes</li><li>fewer calls</li></ul>
  <div class="video-fallback">Your browser does not support the video tag.</div>
  <aside class="newsletter-signup">Sign up for our morning briefing, delivered daily to your inbox.</aside>
  <p>{STORY[2]}</p>
  <p>ng/kms (AFP, AP, dpa)</p>
  <div class="related-stories"><h3>Related</h3><ul>
    <li><a href="/a">Shipping lines change routes after new attacks in the strait</a></li>
    <li><a href="/b">Insurers raise premiums for vessels crossing the region</a></li>
    <li><a href="/c">Unions call for support as port jobs come under threat</a></li>
  </ul></div>
</article>
<section id="comments"><h3>3 Comments</h3>
  <p>This is a terrible outcome for the town and somebody should have seen it coming years ago.</p>
</section></main>
<footer>Copyright The Harbour Times. All rights reserved.</footer>
</body></html>"""


@pytest.fixture(scope="module")
def modern():
    return extract_html(MODERN, url="https://harbour.example.com/world/port-traffic")


@pytest.mark.parametrize("fragment", STORY + ["Insurance costs", "higher premiums", "fewer calls",
                                              "The authority listed three causes:"])
def test_story_text_and_its_subheadings_and_list_items_are_kept(modern, fragment):
    assert fragment in modern.text


@pytest.mark.parametrize("fragment", [
    "Port traffic falls by a fifth", "By Maria Keller", "8 November 2023", "Share on",
    "container ship leaves", "Photo:", "cookies", "Home", "browser does not support",
    "Sign up", "Shipping lines change routes", "Related", "terrible outcome", "Comments",
    "Copyright", "AFP",
])
def test_page_furniture_is_left_out(modern, fragment):
    assert fragment not in modern.text


def test_metadata(modern):
    assert modern.title == "Port traffic falls by a fifth"
    assert modern.date == "2023-11-08"
    assert modern.authors == ("Maria Keller",)
    assert modern.publisher == "The Harbour Times"
    assert modern.agencies == ("AFP", "AP", "dpa")


def test_paragraph_offsets_point_into_the_text(modern):
    texts = [modern.text[s:e] for s, e in modern.paragraphs]
    assert texts[0] == STORY[0]
    assert STORY[2] in texts


OLD_TABLES = f"""<html><head><title>Sponsored Links - Evening Courier</title>
<meta name="author" content="Evening Courier staff"></head><body>
<table width="100%"><tr><td width="160">
  <a href="/news">News</a><br><a href="/sport">Sport</a><br><a href="/weather">Weather</a><br>
  <a href="/business">Business</a><br><a href="/letters">Letters</a>
</td><td>
  <font size="5"><b>Mayor opens new library</b></font><br>
  <font size="1">January 9, 2008</font><br><br>
  LONDON -- {STORY[0]}<br><br>{STORY[1]}<br><br>{STORY[2]}
</td><td width="200"><b>Most read</b><br>
  <a href="/1">Council tax to rise by five per cent next April</a><br>
  <a href="/2">Rail line closed for repairs over the holiday weekend</a><br>
  <a href="/3">Local team wins the county cup after extra time</a>
</td></tr></table></body></html>"""


def test_old_table_layout_picks_the_story_cell():
    article = extract_html(OLD_TABLES, url="http://courier.example.co.uk/news/2008/01/09/library.html")
    assert article.text.startswith("LONDON --")
    assert all(p in article.text for p in STORY[1:])
    for furniture in ("Weather", "Most read", "Council tax", "January 9, 2008"):
        assert furniture not in article.text
    assert article.date == "2008-01-09"  # from the URL


def test_visible_headline_beats_a_page_title_with_a_site_name():
    page = ("<html><head><title>Rates rise again - Business - Evening Courier</title></head>"
            "<body><h1>Rates rise again</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "</body></html>")
    assert extract_html(page).title == "Rates rise again"


def test_page_without_text_is_an_input_error():
    with pytest.raises(InputError):
        extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")


PARAGRAPHS = "".join(f"<p>{p}</p>" for p in STORY)


@pytest.mark.parametrize("head, body, url, day", [
    ('<meta property="article:published_time" content="2019-10-15T08:00:00Z">', "", None,
     "2019-10-15"),
    ("", '<time datetime="2020-02-29T10:00">Feb 29</time>', None, "2020-02-29"),
    ('<meta name="date" content="March 3, 2018">', "", None, "2018-03-03"),
    ("", "", "https://news.example.net/2017/06/05/story", "2017-06-05"),
])
def test_publication_date_from_meta_time_and_url(head, body, url, day):
    page = (f"<html><head><title>Story</title>{head}</head><body><article><h1>Story</h1>"
            f"{body}{PARAGRAPHS}</article></body></html>")
    assert extract_html(page, url=url).date == day


@pytest.mark.parametrize("line, names", [
    ("By Maria Keller and Tom Ruiz, Reuters", ("Maria Keller", "Tom Ruiz")),
    ("Posted by Jane Doe on March 3, 2021", ("Jane Doe",)),
    ("By Ana de la Cruz | Updated 4 May", ("Ana de la Cruz",)),
    ("By AP", ()), ("By Staff Reporter", ()), ("By the Associated Press", ()),
    ("Byzantine art returns", ()),
])
def test_byline_names(line, names):
    from dateline.extract.credits import byline_names

    assert byline_names(line) == names


def test_authors_from_the_byline_when_the_page_declares_none():
    page = ("<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
            "<p>By Lena Ortiz and Sam Okafor</p>" + PARAGRAPHS + "</article></body></html>")
    article = extract_html(page)
    assert article.authors == ("Lena Ortiz", "Sam Okafor")
    assert "Lena Ortiz" not in article.text
