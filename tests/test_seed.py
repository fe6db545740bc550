"""The seed TASS article: the acceptance checks of the analyse spine."""

from __future__ import annotations

from conftest import entity_named

from dateline.schema import Document


def test_every_span_matches_the_text(seed: Document) -> None:
    assert seed.offset_errors() == []


def test_headline(seed: Document) -> None:
    assert seed.headline is not None
    assert seed.headline.text.startswith("Top diplomat: Russia, Turkey united")


def test_standfirst(seed: Document) -> None:
    assert seed.standfirst is not None
    assert seed.standfirst.text.startswith(
        "Russian Foreign Minister Sergey Lavrov and his Turkish counterpart"
    )


def test_dateline_place_country_date_agency(seed: Document) -> None:
    d = seed.dateline
    assert d is not None
    assert d.text == "ALANYA /TURKEY/, December 1./TASS/."
    assert (d.place, d.country, d.date, d.agency) == ("Alanya", "TUR", "2016-12-01", "TASS")


def test_caption_credit_names_the_photographer(seed: Document) -> None:
    credits = [c.credit for c in seed.captions]
    assert credits and all(c and "Alexander Shcherbak" in c for c in credits)
    assert all("Shcherbak" not in c.text for c in seed.captions)


def test_both_subheads_are_section_headings(seed: Document) -> None:
    headings = [s.heading.text for s in seed.sections if s.heading]
    assert headings == [
        "Restoration of bilateral relations",
        "Sentiments among Syrian armed opposition groups",
    ]


def test_navigation_is_not_a_paragraph(seed: Document) -> None:
    paragraphs = [seed.text[p.start : p.end] for s in seed.sections for p in s.paragraphs]
    assert not any("All news" in p for p in paragraphs)
    assert [b.text for b in seed.boilerplate] == ["All news"]


def test_paragraphs_do_not_hold_captions_or_headline(seed: Document) -> None:
    paragraphs = [seed.text[p.start : p.end] for s in seed.sections for p in s.paragraphs]
    assert paragraphs[0].startswith("ALANYA /TURKEY/")
    assert not any(p.startswith("Russian and Turkish Foreign Ministers") for p in paragraphs)


def test_one_person_for_lavrov_with_every_reference(seed: Document) -> None:
    lavrov = entity_named(seed, "Lavrov")
    assert lavrov.type == "PERSON"
    assert lavrov.country == "RUS"
    assert lavrov.code == "RUSGOV"
    texts = [m.text for m in lavrov.mentions]
    for form in (
        "Sergey Lavrov",
        "Lavrov",
        "he",
        "him",
        "The diplomat",
        "the minister",
        "the Russian top diplomat",
        "the Russian foreign minister",
        "the Russian minister",
    ):
        assert form in texts, form
    assert texts.count("he") == 4


def test_every_he_outside_quotes_is_lavrov(seed: Document) -> None:
    lavrov = entity_named(seed, "Lavrov")
    he_mentions = [m for e in seed.entities for m in e.mentions if m.text in ("he", "him")]
    assert he_mentions and all(m in lavrov.mentions for m in he_mentions)


def test_cavusoglu_is_turkish(seed: Document) -> None:
    cavusoglu = entity_named(seed, "Cavusoglu")
    assert cavusoglu.type == "PERSON"
    assert cavusoglu.country == "TUR"
    assert "Turkish counterpart" in [m.text for m in cavusoglu.mentions]


def test_lausanne_and_alanya_are_places(seed: Document) -> None:
    for name, country in (("Lausanne", "CHE"), ("Alanya", "TUR")):
        place = entity_named(seed, name)
        assert place.type == "GPE"
        assert place.country == country


def test_photographer_is_not_an_actor_of_the_story(seed: Document) -> None:
    photographer = entity_named(seed, "Shcherbak")
    assert photographer.role == "photographer"
    assert photographer.code is None


def test_turley_is_flagged_as_misspelled_turkey(seed: Document) -> None:
    flags = [f for f in seed.flags if f.kind == "misspelled-name"]
    assert len(flags) == 1
    assert seed.text[flags[0].start : flags[0].end] == "Turley"
    assert flags[0].suggestion == "Turkey"


def _paragraph_of(doc: Document, pos: int) -> tuple[int, int]:
    return next(
        (p.start, p.end) for s in doc.sections for p in s.paragraphs if p.start <= pos < p.end
    )


def test_all_21_direct_quotes_are_lavrovs(seed: Document) -> None:
    lavrov = entity_named(seed, "Lavrov")
    direct = [q for q in seed.quotes if q.kind == "direct"]
    assert len(direct) == 21
    assert all(q.speaker is not None and q.speaker.entity == lavrov.id for q in direct)


REPORTED_OPENINGS = [
    "Russia and Turkey are united in understanding",
    "all this must be implemented",
    "Russia and Turkey are keen to continue",
    "Turkey has confirmed that it will provide",
    "Russia and Turkey plan to make greater use",
    "Moscow had been placing great importance",
    "Russia and Turkey will hold special consultations",
    "Russia and Turkey have been exchanging information",
]


def test_reported_statements_are_lavrovs(seed: Document) -> None:
    lavrov = entity_named(seed, "Lavrov")
    reported = [q for q in seed.quotes if q.kind in ("indirect", "mixed")]
    found = [
        opening
        for opening in REPORTED_OPENINGS
        if any(
            q.text.startswith(opening) and q.speaker is not None and q.speaker.entity == lavrov.id
            for q in reported
        )
    ]
    assert len(found) >= 7, set(REPORTED_OPENINGS) - set(found)


def test_no_quote_is_given_to_anyone_but_lavrov(seed: Document) -> None:
    others = {entity_named(seed, n).id for n in ("Cavusoglu", "Putin", "Erdogan", "Shcherbak")}
    assert not [q for q in seed.quotes if q.speaker and q.speaker.entity in others]


def test_no_quote_runs_across_a_subhead(seed: Document) -> None:
    headings = [s.heading for s in seed.sections if s.heading]
    for q in seed.quotes:
        assert all(not (q.start < h.end and h.start < q.end) for h in headings), q.text
        assert "\n" not in q.text.strip()


def test_stray_mark_is_flagged_in_the_visa_paragraph(seed: Document) -> None:
    flags = [f for f in seed.flags if f.kind == "unbalanced-quote"]
    assert len(flags) == 1
    start, end = _paragraph_of(seed, flags[0].start)
    assert seed.text[start:end].endswith('visa restrictions."')
