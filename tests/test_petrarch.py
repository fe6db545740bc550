"""PETRARCH dictionaries: readers, date-restricted codes, coding from spaCy parses, the unit suite."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import nlp
from dateline.cli import app
from dateline.errors import DatelineError
from dateline.petrarch import build, load_dictionaries
from dateline.petrarch.coder import SentenceCoder
from dateline.petrarch.reader import read_actors, read_agents, read_discards, read_verbs

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

ACTORS = """<!-- a comment
spanning lines -->
ARNOR_  [ARN]
+ARNORIAN  # demonym
GONDOR [GON]
+MINAS_TIRITH
GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
LORIEN  [ELR/GAL]
"""
AGENTS = """!PERSON! = MAN, MEN
FOREIGN_MINISTER [~GOVFRM]
CONGRESS!PERSON! [~LEG]
POLICE {} [~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MSF {} [NGO~]
"""
VERBS = """&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE
- * &TIETYPES TIES  [902]
- * FULL_DIPLOMATIC TIES  [901]

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
- * TREATY  [161]

--- LEFT  [032:033]  ---
LEFT
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path):
    _write(tmp_path, "test.actors.txt", ACTORS)
    _write(tmp_path, "test.agents.txt", AGENTS)
    _write(tmp_path, "test.verbs.txt", VERBS)
    _write(tmp_path, "test.discards.txt", "+TYPHOON\nBASEBALL\n")
    return load_dictionaries(tmp_path, strict=True)


def _code(dictionaries, text: str, day: dt.date | None = None) -> set[tuple[str, str, str]]:
    doc = nlp.parse(text)
    out: set[tuple[str, str, str]] = set()
    for sent in doc.sents:
        out |= {
            (c.source.code, c.target.code, c.code)
            for c in SentenceCoder(sent, dictionaries, day).code()
        }
    return out


def test_actor_synonyms_and_date_restricted_codes(tmp_path: Path) -> None:
    entries = dict(read_actors(_write(tmp_path, "a.actors.txt", ACTORS)))
    assert entries[("ARNORIAN",)] is entries[("ARNOR",)]
    gollum = entries[("SMEAGOL",)]
    assert gollum.resolve(dt.date(1995, 1, 1)) == ["HOB"]
    assert gollum.resolve(dt.date(1995, 11, 1)) == ["HOBGOV"]
    assert gollum.resolve(dt.date(2001, 1, 1)) == ["HOBREB"]
    assert entries[("LORIEN",)].resolve(None) == ["ELR", "GAL"]


def test_agents_expand_macros_and_plurals(tmp_path: Path) -> None:
    agents = {w: a for w, a in read_agents(_write(tmp_path, "a.agents.txt", AGENTS))}
    assert agents[("FOREIGN", "MINISTERS")].code == "GOVFRM"
    assert agents[("CONGRESSMEN",)].code == "LEG"
    assert ("POLICES",) not in agents  # {} means no plural
    assert agents[("GOLDEN", "GEESE")].code == "GGS"
    assert agents[("MSF",)].prefix


def test_discards_and_verbs(tmp_path: Path) -> None:
    assert read_discards(_write(tmp_path, "d.txt", "+TYPHOON\nYEARS LATER # c\n")) == [
        (("TYPHOON",), True),
        (("YEARS", "LATER"), False),
    ]
    verbs = read_verbs(_write(tmp_path, "v.txt", VERBS))
    assert {f.name for f, _ in verbs.index["BROKEN"]} == {"BREAK"}
    assert verbs.synsets["&TIETYPES"] == [("MILITARY",), ("ECONOMIC",)]
    pattern = verbs.families[0].patterns[1]
    assert [e.value for e in pattern.elements] == ["*", "FULL", "DIPLOMATIC", "TIES"]
    assert pattern.elements[2].joined and not pattern.elements[1].joined


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.actors.txt", "ARNOR [ARN\n", "bad.actors.txt:1: unbalanced brackets"),
        ("bad.actors.txt", "ARNOR\n\t[ARN 1995x]\n", "bad.actors.txt:2: bad date restriction"),
        ("bad.actors.txt", "+SYNONYM\n", "bad.actors.txt:1: synonym"),
        ("bad.agents.txt", "\nPOLICE\n", "bad.agents.txt:2: agent line needs one"),
        (
            "bad.verbs.txt",
            "--- GO [010] ---\nGO\n- GO TO [011]\n",
            "bad.verbs.txt:3: a verb pattern",
        ),
    ],
)
def test_malformed_lines_name_file_and_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = _write(tmp_path, name, text)
    reader = {"actors": read_actors, "agents": read_agents, "verbs": read_verbs}[name.split(".")[1]]
    with pytest.raises(DatelineError, match=message):
        reader(path)
    problems: list[str] = []
    reader(path, problems=problems)  # lenient loading records the line and goes on
    assert problems and problems[0].startswith(name)


def test_codes_actors_agents_verbs_and_patterns(small) -> None:
    assert _code(small, "Arnor restored ties with Gondor.") == {("ARN", "GON", "064")}
    assert _code(small, "Arnor will restore economic ties with Gondor.") == {("ARN", "GON", "902")}
    assert _code(small, "The Arnorian foreign minister restored ties with Minas Tirith.") == {
        ("ARNGOVFRM", "GON", "064")
    }
    assert _code(small, "Arnor broke down a treaty with Gondor.") == {("ARN", "GON", "161")}
    assert _code(small, "The Arnorian foreign minister left for Gondor.") == {
        ("ARNGOVFRM", "GON", "032"),
        ("GON", "ARNGOVFRM", "033"),
    }
    assert _code(small, "Smeagol restored ties with Gondor.", dt.date(1995, 11, 1)) == {
        ("HOBGOV", "GON", "064")
    }


def test_discard_phrases(small) -> None:
    doc = nlp.parse("Arnor restored ties with Gondor after a typhoon.")
    assert SentenceCoder(next(doc.sents), small, None).discard() == "storydiscard"


def test_unit_suite_passes_three_quarters() -> None:
    records = DATA / "petrarch" / "PETR.UnitTest.records.xml"
    if not records.exists():
        pytest.skip(f"{records} is absent (../shared/data not beside the project)")
    result = CliRunner().invoke(app, ["eval", "petrarch", str(records), "--no-failures"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("records passed"))
    passed, total = line.split()[2].split("/")
    assert int(total) == 284
    assert int(passed) / int(total) >= 0.75
    assert "SYNSET" in result.output and "DATE" in result.output


def test_phoenix_loads_and_codes_the_seed() -> None:
    folder = DATA / "phoenix"
    if not folder.exists():
        pytest.skip(f"{folder} is absent (../shared/data not beside the project)")
    from dateline.actors import extract_actors
    from dateline.ingest import read_path
    from dateline.petrarch import code_entities, code_events
    from dateline.structure import structure

    dictionaries = load_dictionaries(folder)
    assert len(dictionaries.actors) > 30000 and len(dictionaries.verbs.families) > 300
    seed = Path(__file__).resolve().parents[1] / "examples" / "tass-2016-12-01-lavrov-cavusoglu.txt"
    article = structure(read_path(seed), "2016-12-01")
    doc = nlp.parse(article.text)
    entities = extract_actors(article, doc)
    codes = code_entities(article, entities, dictionaries)
    by_name = {e.name: codes.get(e.id) for e in entities}
    assert by_name["Sergey Lavrov"] == "RUSGOV"
    assert by_name["Mevlut Cavusoglu"] == "TURGOV"
    events = code_events(article, doc, entities, dictionaries)
    assert events
    assert any(e.source and e.source.code == "RUSGOV" for e in events)
    for event in events:
        assert article.text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.trigger is not None
        assert article.text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_build_with_a_config_file(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", ACTORS)
    _write(tmp_path, "v.txt", VERBS)
    config = _write(tmp_path, "petrarch.ini", "[Dictionaries]\nactors = a.txt\nverbs = v.txt\n")
    loaded = load_dictionaries(config)
    assert len(loaded.actors) > 0 and loaded.verbs.families
    with pytest.raises(DatelineError, match="no such"):
        load_dictionaries(tmp_path / "missing")
    assert build({}).summary().startswith("0 actor names")


def test_analyze_with_phoenix_dictionaries_codes_the_seed_actors() -> None:
    import dateline
    from dateline.petrarch import load_dictionaries

    phoenix = Path(__file__).resolve().parents[2] / "shared" / "data" / "phoenix"
    if not phoenix.is_dir():
        pytest.skip(f"{phoenix} is absent")
    seed = Path(__file__).resolve().parents[1] / "examples" / "tass-2016-12-01-lavrov-cavusoglu.txt"
    doc = dateline.analyze(
        seed.read_text("utf-8"), published="2016-12-01", dictionaries=load_dictionaries(phoenix)
    )
    codes = {e.name: e.code for e in doc.entities if e.type == "PERSON"}
    assert codes["Sergey Lavrov"] == "RUSGOV"
    assert codes["Mevlut Cavusoglu"] == "TURGOV"
    assert doc.events and doc.offset_errors() == []
