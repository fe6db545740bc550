"""HTML pages keep what trafilatura knows (author as byline, date, site, URL, declared language)
and survive nesting deeper than lxml builds."""

from __future__ import annotations

import gzip
import json

from conftest import shared

from dateline.ingest import from_bytes
from dateline.structure import structure
from dateline.structure.html import (
    LIBXML_MAX_DEPTH,
    byline_line,
    extract_page,
    flatten,
    load_tree,
    max_depth,
)

PARAGRAPH = (
    "<p>Russian Foreign Minister Sergey Lavrov said on Thursday that Russia and Turkey were "
    "united in understanding that it is necessary to fight terrorism in Syria, after talks with "
    "his Turkish counterpart in the resort town of Alanya.</p>"
)

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Russia and Turkey united on Syria</title>
<meta name="author" content="Jane Holloway; John Smith">
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2016-12-01T10:00:00Z">
<link rel="canonical" href="https://example.com/news/russia-turkey">
</head><body><article><h1>Russia and Turkey united on Syria</h1>
{PARAGRAPH}
<p>The two ministers also discussed the Akkuyu nuclear power plant and the TurkStream gas
pipeline, Lavrov told reporters after the meeting on Thursday evening.</p>
</article></body></html>"""


def test_trafilatura_metadata_is_kept_author_as_byline():
    article = structure(from_bytes(PAGE.encode(), path="page.html"))
    source = article.source
    assert source.author == "Jane Holloway; John Smith"
    assert source.language == "en-GB"
    assert source.sitename == "The Example Times"
    assert source.url == "https://example.com/news/russia-turkey"
    assert source.published == "2016-12-01"
    assert [b.text for b in article.bylines] == ["By Jane Holloway and John Smith"]
    byline = article.bylines[0]
    assert article.text[byline.start : byline.end] == byline.text
    assert article.headline is not None and article.headline.text.startswith("Russia and Turkey")
    assert article.text.index(byline.text) > article.headline.end


def test_a_given_publication_date_wins_over_the_pages():
    article = structure(from_bytes(PAGE.encode(), path="page.html"), published="2016-12-02")
    assert article.source.published == "2016-12-02"


def test_byline_lines_from_trafilatura_authors():
    assert byline_line("Sarah E Needleman") == "By Sarah E Needleman"
    assert byline_line("A Smith; B Jones; C Brown") == "By A Smith, B Jones and C Brown"
    assert byline_line(None) is None and byline_line(" ; ") is None
    assert byline_line("admin") is None  # would not read as a byline to the structure rules


def _nested(depth: int) -> str:
    return (
        "<html><head><title>Talks go well</title></head><body>"
        + "<div>" * depth
        + PARAGRAPH
        + "</div>" * depth
        + "</body></html>"
    )


def test_a_paragraph_inside_1000_nested_divs_is_found():
    page = extract_page(_nested(1000), "deep.html")
    assert page.body.startswith("Russian Foreign Minister Sergey Lavrov said on Thursday")
    assert page.title == "Talks go well"
    article = structure(from_bytes(_nested(1000).encode(), path="deep.html"))
    assert "Alanya" in article.text


def test_flattening_bounds_the_depth_whatever_the_nesting():
    assert max_depth(load_tree(_nested(20))) < LIBXML_MAX_DEPTH
    flat = flatten(_nested(20_000), 64)
    assert "<p>Russian Foreign Minister" in flat
    assert max_depth(load_tree(flat)) <= 66


def test_most_real_news_pages_get_a_byline():
    pages = sorted(shared("html", "pages").glob("*.html.gz"))
    with_byline = 0
    for path in pages:
        raw = from_bytes(gzip.decompress(path.read_bytes()), path=path.name[:-3])
        article = structure(raw)
        for byline in article.bylines:
            assert article.text[byline.start : byline.end] == byline.text
        with_byline += bool(article.bylines)
    truth = json.loads(shared("html", "ground-truth.json").read_text("utf-8"))
    assert len(pages) == len(truth) == 45
    assert with_byline >= 35  # 5 before trafilatura's author was kept; it names one on 40
