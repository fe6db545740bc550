"""Structure on small hand-written articles and on real pages and PolNeAR texts."""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import shared

import dateline
from dateline.ingest import from_bytes
from dateline.schema import Source
from dateline.structure import structure, structure_text

SOURCE = Source(sha256="0" * 64)


def paragraphs(article) -> list[str]:
    return [article.text[s:e] for s, e in article.body_paragraphs()]


def test_headline_is_the_first_line_after_navigation() -> None:
    text = "Home\nMenu\n\nRebels seize town\n\nBEIRUT, Lebanon (AP) — Rebels seized a town.\n"
    article = structure_text(text, SOURCE)
    assert article.headline is not None and article.headline.text == "Rebels seize town"
    assert [b.text for b in article.boilerplate] == ["Home", "Menu"]


def test_byline_is_found_and_kept_out_of_the_body() -> None:
    text = "Talks resume\n\nBy Jane Smith\n\nGENEVA (Reuters) - Talks resumed on Monday.\n"
    article = structure_text(text, SOURCE)
    assert [b.text for b in article.bylines] == ["By Jane Smith"]
    assert paragraphs(article) == ["GENEVA (Reuters) - Talks resumed on Monday."]


def test_credit_line_makes_the_line_above_a_caption() -> None:
    text = (
        "Leaders meet\n\nTwo leaders shake hands in Minsk\n© Ivan Petrov/BelTA\n\n"
        "MINSK, May 2 (Reuters) - Two leaders met.\n"
    )
    article = structure_text(text, SOURCE)
    assert len(article.captions) == 1
    caption = article.captions[0]
    assert caption.text == "Two leaders shake hands in Minsk"
    assert caption.credit == "Ivan Petrov/BelTA"


def test_subhead_cuts_a_new_section() -> None:
    text = (
        "Budget passes\n\nWASHINGTON (AP) — The House passed the budget.\n\n"
        "It now goes to the Senate.\n\nWhat happens next\n\nThe Senate votes on Friday.\n"
    )
    article = structure_text(text, SOURCE)
    assert [s.heading.text if s.heading else None for s in article.sections] == [
        None,
        "What happens next",
    ]
    assert len(article.sections[0].paragraphs) == 2


def test_last_short_line_is_not_a_subhead() -> None:
    text = "Budget passes\n\nWASHINGTON (AP) — The House passed the budget.\n\nMore to come\n"
    article = structure_text(text, SOURCE)
    assert all(s.heading is None for s in article.sections)


@pytest.mark.parametrize(
    ("lead", "place", "country", "agency"),
    [
        ("LOS ANGELES, Sept. 28 (UPI) — A show opened.", "Los Angeles", "USA", "UPI"),
        ("MOSCOW, March 3 (Reuters) - Talks ended.", "Moscow", "RUS", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted.", "Washington", "USA", "AP"),
        ("KYIV, Ukraine — Shelling resumed.", "Kyiv", "UKR", None),
    ],
)
def test_wire_dateline_styles(lead: str, place: str, country: str, agency: str | None) -> None:
    article = structure_text(f"Headline here\n\n{lead}\n\nMore text follows.\n", SOURCE)
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.country, article.dateline.agency) == (
        place,
        country,
        agency,
    )
    assert article.text[article.dateline.start : article.dateline.end] == article.dateline.text


def test_yearless_dateline_date_without_publication_date() -> None:
    article = structure_text("H\n\nMOSCOW, March 3 (Reuters) - Talks ended.\n", SOURCE)
    assert article.dateline is not None and article.dateline.date == "--03-03"


def test_publication_date_fixes_the_year() -> None:
    article = structure_text(
        "H\n\nMOSCOW, Dec. 31 (Reuters) - Talks ended.\n", SOURCE, published="2017-01-02"
    )
    assert article.dateline is not None and article.dateline.date == "2016-12-31"


POLNEAR_WITH_DATELINES = [
    "breitbart_2016-09-26_green-party-candidate-jill-stein.txt",
    "breitbart_2016-09-28_mary-j-blige-sings-to-hillary-cl.txt",
    "breitbart_2016-09-30_the-latest-trump-urges-supporter.txt",
    "breitbart_2016-10-04_bill-clinton-calls-obamacare-cra.txt",
    "huff-post_2016-09-16_black-lawmakers-rip-donald-trump.txt",
    "nyt_2016-10-02_a-curious-plan-to-fight-climate-.txt",
    "wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea.txt",
]


@pytest.mark.parametrize("name", POLNEAR_WITH_DATELINES)
def test_polnear_dateline_and_headline(name: str) -> None:
    path = shared("polnear", "dev", "text", name)
    doc = dateline.analyze(path.read_text("utf-8"), source=str(path))
    first_line = doc.text.split("\n", 1)[0].strip()
    assert doc.headline is not None and doc.headline.text == first_line
    assert (
        doc.dateline is not None
        and doc.dateline.place
        and doc.dateline.country == ("BEL" if "brussels" in doc.dateline.text.lower() else "USA")
    )
    assert doc.offset_errors() == []


def _pages() -> list[tuple[str, dict]]:
    root = shared("html")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    return [(key, truth[key]) for key in sorted(truth)[:12]]


def test_real_html_pages_give_their_article_body() -> None:
    found = 0
    pages = _pages()
    for key, truth in pages:
        data = gzip.decompress((shared("html", "pages") / f"{key}.html.gz").read_bytes())
        article = structure(from_bytes(data, path=f"{key}.html"))
        body = " ".join(article.text[s:e] for s, e in article.body_paragraphs())
        opening = truth["articleBody"].strip().split("\n")[0][:60]
        found += opening[:40] in body or opening[:40] in article.text
    assert found >= 0.75 * len(pages), f"{found}/{len(pages)} article openings found"


GLUED_BODY = (
    "The harbour board met on Monday to discuss the plan, which would add two new berths and "
    "a larger customs shed. Members said the cost had risen since the spring and that the work "
    "might not start before the next season. The chairman said the board would publish its "
    "figures in the autumn, after a review by the council and the port users. Dock workers "
    "asked for a meeting with the board before any decision was taken on the new shifts."
)


def test_a_headline_glued_to_a_flattened_body_is_split_off() -> None:
    from dateline.schema import Source
    from dateline.structure import structure_text

    text = "Port expansion 'will cost more' Harbour officials have warned that " + GLUED_BODY
    article = structure_text(text, Source(sha256="0" * 64))
    assert article.headline is not None
    assert article.headline.text == "Port expansion 'will cost more'"
    assert article.body_paragraphs()[0][0] == text.index("Harbour officials")


def test_an_ordinary_first_sentence_is_not_split() -> None:
    from dateline.schema import Source
    from dateline.structure import structure_text

    text = "Officials met on Monday in Lisbon after the strike. " + GLUED_BODY
    article = structure_text(text, Source(sha256="0" * 64))
    assert article.headline is None
    assert article.body_paragraphs()[0][0] == 0


def test_a_glued_headline_is_its_own_sentence_in_the_parse() -> None:
    import dateline

    doc = dateline.analyze(
        "Port expansion 'will cost more' Harbour officials said the cost had doubled. " + GLUED_BODY
    )
    assert doc.headline is not None and doc.headline.text == "Port expansion 'will cost more'"
    assert not any(q.start < doc.headline.end < q.end for q in doc.quotes)


def test_each_labelling_pass_runs_alone() -> None:
    from dateline.schema import Source
    from dateline.structure.article import Article
    from dateline.structure.blocks import split_blocks
    from dateline.structure.build import PASSES, Labelling, bylines, navigation

    text = "Share this article\n\nTalks resume\n\nBy Anna Berg\n\nThe talks resumed on Monday.\n"
    fresh = Labelling(text, split_blocks(text), Article(text, Source(sha256="0" * 64)), None)
    navigation(fresh)
    assert [b.text for i, b in enumerate(fresh.blocks) if i in fresh.roles] == [
        "Share this article"
    ]
    bylines(fresh)
    assert [b.text for b in fresh.article.bylines] == ["By Anna Berg"]
    assert [p.__name__ for p in PASSES][:3] == ["navigation", "credits", "headline"]


def test_a_glued_headline_of_the_form_claim_says_speaker_is_split_off() -> None:
    from dateline.schema import Source
    from dateline.structure import structure_text

    text = "Port 'could close', says minister Ministers would not rule out a sale. " + GLUED_BODY
    article = structure_text(text, Source(sha256="0" * 64))
    assert article.headline is not None
    assert article.headline.text == "Port 'could close', says minister"


def test_a_glued_headline_with_the_comma_inside_the_quotation_is_split_off() -> None:
    from dateline.schema import Source
    from dateline.structure import structure_text

    text = '"Port could close," says minister Ministers would not rule out a sale. ' + GLUED_BODY
    article = structure_text(text, Source(sha256="0" * 64))
    assert article.headline is not None
    assert article.headline.text == '"Port could close," says minister'


def test_a_glued_headline_before_a_quoted_utterance_is_split_off() -> None:
    from dateline.schema import Source
    from dateline.structure import structure_text

    text = 'Mayor\'s long night "We are not beaten yet," whispered an aide as the votes came in. '
    article = structure_text(text + GLUED_BODY, Source(sha256="0" * 64))
    assert article.headline is not None and article.headline.text == "Mayor's long night"


def test_a_quoted_name_or_a_quote_led_into_is_no_headline_cut() -> None:
    from dateline.schema import Source
    from dateline.structure import structure_text

    for opening in (
        'Critics have long called it "Another Costly Mistake" and said so. ',
        'The port manager said "We will not be rushed," and left the meeting. ',
    ):
        article = structure_text(opening + GLUED_BODY, Source(sha256="0" * 64))
        assert article.headline is None, opening
