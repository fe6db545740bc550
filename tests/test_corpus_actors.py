"""Corpus actors: one actor per person or organisation across articles, never a guessed merge."""

from dateline.actors.corpus import EntityRow, code_on, kb_person, link_rows


def rows(*specs: tuple[str, str, str, str | None]) -> list[EntityRow]:
    return [
        EntityRow(pk=n, article_id=art, name=name, type=kind, country=country, date="2005-03-01")
        for n, (art, name, kind, country) in enumerate(specs)
    ]


def actor_of(actors, link, pk):
    return next(a for a in actors if a.id == link[pk])


def test_full_names_link_across_articles_and_take_the_kb_code_on_the_date() -> None:
    actors, link = link_rows(
        rows(("a1", "Tony Blair", "PERSON", "GBR"), ("a2", "Mr Tony Blair", "PERSON", None))
    )
    assert link[0] == link[1]
    blair = actor_of(actors, link, 0)
    assert (blair.name, blair.code, blair.rule) == ("Tony Blair", "GBRGOV", "full name")
    assert set(blair.aliases) == {"Tony Blair", "Mr Tony Blair"}


def test_a_surname_alone_goes_to_the_dominant_full_name_never_to_a_guess() -> None:
    specs = [(f"a{n}", "Tony Blair", "PERSON", "GBR") for n in range(6)]
    specs += [("b1", "Ian Blair", "PERSON", "GBR"), ("c1", "Mr Blair", "PERSON", None)]
    actors, link = link_rows(rows(*specs))
    assert actor_of(actors, link, 7).name == "Tony Blair"
    assert link[6] != link[0]  # Ian Blair stays Ian Blair
    even = [("a1", "Tony Blair", "PERSON", None), ("b1", "Ian Blair", "PERSON", None)]
    actors, link = link_rows(rows(*even, ("c1", "Blair", "PERSON", None)))
    alone = actor_of(actors, link, 2)
    assert (alone.rule, alone.name) == ("surname", "Blair")  # two fit equally: no merge


def test_party_aliases_are_one_organisation_and_places_stay_apart() -> None:
    actors, link = link_rows(
        rows(
            ("a1", "Tories", "ORG", None),
            ("a2", "Conservative Party", "ORG", None),
            ("a3", "Scotland", "GPE", "GBR"),
            ("a4", "Wales", "GPE", "GBR"),
        )
    )
    assert link[0] == link[1] and actor_of(actors, link, 0).code == "GBRPTY"
    assert link[2] != link[3]


def test_the_kb_gives_dated_codes() -> None:
    entry = kb_person("tony blair")
    assert entry is not None
    assert code_on(entry, "1990-01-01") == "GBRELI"
    assert code_on(entry, "2005-05-05") == "GBRGOV"


STORIES = {
    "a.txt": "Blair sets out plans\n\nTony Blair said the plans would help families. "
    "Mr Blair spoke in London.\n",
    "b.txt": "Schools row\n\nMr Blair said schools would get more money next year.\n",
    "c.txt": "Police chief speaks\n\nSir Ian Blair said crime had fallen in the capital. "
    "Ms Browne said the figures were wrong.\n",
    "d.txt": "Budget talks\n\nGordon Brown said the budget would be balanced.\n",
    "e.txt": "Blair visit\n\nTony Blair visited Leeds on Monday.\n",
    "f.txt": "Blair speech\n\nTony Blair spoke to the party conference.\n",
}


def test_the_store_links_one_actor_per_person_and_finds_quotes_by_any_alias(tmp_path) -> None:
    from dateline.batch import ingest
    from dateline.store import open_store
    from dateline.store.actors import corpus_actors
    from dateline.store.queries import query_quotes

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert ingest([folder], url, workers=0).stored == 6
    store = open_store(url)
    try:
        blairs = {a["name"]: a for a in corpus_actors(store, name="Blair", type="PERSON")}
        assert set(blairs) >= {"Tony Blair", "Ian Blair"}
        # "Mr Blair" alone in b.txt is Tony Blair, named in three times as many articles
        assert blairs["Tony Blair"]["articles"] == 4
        assert blairs["Ian Blair"]["articles"] == 1
        texts = {q["text"] for q in query_quotes(store, speaker="Tony Blair")}
        assert "schools would get more money next year" in texts
        assert not any("crime" in t for t in texts)
        browns = {q["speaker_name"] for q in query_quotes(store, speaker="Brown")}
        assert browns == {"Gordon Brown"}  # whole words: never Ms Browne
        # the honorific asked for is no word of the stored names: "Mr Blair" is "Blair"
        mr = {q["text"] for q in query_quotes(store, speaker="Mr Blair")}
        assert "schools would get more money next year" in mr
        assert {a["name"] for a in corpus_actors(store, name="Mr Blair")} >= {"Tony Blair"}
    finally:
        store.close()
