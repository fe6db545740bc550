"""data/event_words.json, the event coder's English word tables: the file loads, documents every
table, holds well-formed entries, feeds exactly one module constant per table (no hard-coded copy
left in code), and every entry is reachable: taking it out changes what the rule that reads it
returns (spaCy-free stand-in tokens for each entry; a parsed sentence for the modality tables)."""

from __future__ import annotations

import ast
import importlib
import itertools
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any, ClassVar

import pytest

import dateline
from dateline import nlp
from dateline.events.actors import Side
from dateline.schema import ActorRef, Span

events = importlib.import_module("dateline.events")
modality = importlib.import_module("dateline.events.modality")
sides = importlib.import_module("dateline.events.sides")

EVENTS_DIR = Path(str(events.__file__)).parent
LOADERS = {"words", "word_list"}
NOTE_HOME = re.compile(r"events/(\w+)\.py ([A-Z_]+): \S")


def _raw() -> dict[str, Any]:
    """The file as written, failing on a key written twice in one object (json keeps the last)."""

    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        repeated = [k for k, n in Counter(k for k, _ in pairs).items() if n > 1]
        assert not repeated, f"event_words.json: keys written twice: {repeated}"
        return dict(pairs)

    text = resources.files("dateline").joinpath("data/event_words.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text, object_pairs_hook=no_repeats)
    return loaded


TABLES = [name for name in _raw() if not name.startswith("_")]


def _home(table: str) -> tuple[ModuleType, str]:
    """The module and constant that the table's note names (``events/sides.py UNDERGOING: ...``)."""
    found = NOTE_HOME.match(_raw()["_notes"][table])
    assert found is not None, f"{table}: the note does not start 'events/<module>.py CONSTANT:'"
    stem, constant = found.groups()
    module = events if stem == "__init__" else importlib.import_module(f"dateline.events.{stem}")
    return module, constant


def _as_read(table: str) -> Any:
    """The table as its constant holds it: a frozenset, a tuple (suffixes) or a dict."""
    value = modality.event_words()[table]
    if isinstance(value, dict):
        return value
    return modality.word_list(table) if table == "agent_suffixes" else modality.words(table)


def _entries(*tables: str) -> list[Any]:
    return [pytest.param(t, e, id=f"{t}:{e}") for t in tables for e in modality.event_words()[t]]


# -- loading and documentation --------------------------------------------------------------------


def test_file_documents_each_table_and_repeats_no_key() -> None:
    raw = _raw()
    assert isinstance(raw["_about"], str) and raw["_about"].strip()
    assert set(raw) == {"_about", "_notes", *TABLES}
    assert list(raw["_notes"]) == TABLES
    assert all(isinstance(note, str) and note.strip() for note in raw["_notes"].values())


def test_loader_reads_once_and_gives_every_table() -> None:
    tables = modality.event_words()
    assert tables is modality.event_words()
    assert list(tables) == TABLES
    for name in TABLES:
        assert isinstance(tables[name], (list, dict)) and tables[name], name
    assert modality.words("intent_aux") == frozenset(tables["intent_aux"])


@pytest.mark.parametrize("table", TABLES)
def test_entries_are_lower_case_trimmed_and_unique(table: str) -> None:
    value = _raw()[table]
    entries = [*value.items()] if isinstance(value, dict) else [(e, e) for e in value]
    assert entries, table
    for key, target in entries:
        for word in (key, target):
            assert isinstance(word, str) and word, (table, word)
            assert word == word.strip() == word.lower() and " " not in word, (table, word)
    keys = [k for k, _ in entries]
    assert len(keys) == len(set(keys)), [k for k, n in Counter(keys).items() if n > 1]


# -- one home per table, no copy left in code -----------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_each_table_is_one_module_constant(table: str) -> None:
    module, constant = _home(table)
    assert constant == table.upper()
    value = getattr(module, constant)
    assert value == _as_read(table) and type(value) is type(_as_read(table))
    holders = [
        (m.__name__, name)
        for m in (events, *(importlib.import_module(f"dateline.events.{p.stem}")
                            for p in sorted(EVENTS_DIR.glob("*.py")) if p.stem != "__init__"))
        for name, v in vars(m).items()
        if isinstance(v, (frozenset, set, tuple, dict)) and v == _as_read(table)
    ]  # fmt: skip
    assert holders == [(module.__name__, constant)]


def _sources() -> dict[str, ast.Module]:
    return {p.name: ast.parse(p.read_text("utf-8")) for p in sorted(EVENTS_DIR.glob("*.py"))}


def test_constants_are_read_from_the_file_not_written_in_code() -> None:
    assigned: dict[str, list[tuple[str, str]]] = {}
    for name, tree in _sources().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id in LOADERS
            ):
                (arg,) = node.value.args
                table, target = _string(arg), node.targets[0]
                assert table is not None and isinstance(target, ast.Name)
                assigned.setdefault(table, []).append((name, target.id))
    assert sorted(assigned) == sorted(TABLES)
    for table, where in assigned.items():
        module, constant = _home(table)
        assert where == [(Path(module.__file__ or "").name, constant)], table


def _literal_words(node: ast.AST) -> frozenset[str] | dict[str, str] | None:
    """The strings of a literal set, list, tuple or dict of two or more strings, else None."""
    if isinstance(node, ast.Dict) and len(node.keys) >= 2:
        pairs = [(_string(k), _string(v)) for k, v in zip(node.keys, node.values, strict=True)]
        strings = [(k, v) for k, v in pairs if k is not None and v is not None]
        return dict(strings) if len(strings) == len(pairs) else None
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)) and len(node.elts) >= 2:
        elements = [_string(e) for e in node.elts]
        found = {e for e in elements if e is not None}
        return frozenset(found) if len(found) == len(set(elements)) else None
    return None


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_no_table_is_left_hard_coded_in_the_event_coder() -> None:
    tables = {name: (v if isinstance(v, dict) else frozenset(v))
              for name, v in modality.event_words().items()}  # fmt: skip
    copies = [
        (file, getattr(node, "lineno", 0), table)
        for file, tree in _sources().items()
        for node in ast.walk(tree)
        if (found := _literal_words(node)) is not None
        for table, value in tables.items()
        if found == value
    ]
    assert copies == []


# -- stand-in tokens: the attributes the rules read, no parse -------------------------------------

_index = itertools.count()


class Tok:
    """A spaCy token as far as the modality and side rules read one."""

    def __init__(self, text: str, dep: str = "ROOT", pos: str = "VERB", *children: Tok,
                 lemma: str | None = None, tag: str = "") -> None:  # fmt: skip
        self.text, self.lower_, self.dep_, self.pos_, self.tag_ = text, text.lower(), dep, pos, tag
        self.lemma_ = lemma if lemma is not None else text.lower()
        self.ent_type_ = ""
        self.is_title = text.istitle()
        self.i = next(_index)
        self.children = list(children)
        self.head: Tok = self
        self.conjuncts: tuple[Tok, ...] = ()
        for child in children:
            child.head = self


def _named(text: str, dep: str) -> Tok:
    return Tok(text, dep, "PROPN")


class Actors:
    """An actor resolver that knows proper nouns only; France is a country."""

    entities: ClassVar[dict[str, Any]] = {}

    def side(self, token: Tok) -> Side | None:
        if token.pos_ != "PROPN":
            return None
        span = Span(text=token.text, start=0, end=len(token.text))
        country = "FRA" if token.text == "France" else None
        return Side(ActorRef(entity=token.text, code=country, name=token.text, span=span), country)

    def is_city(self, side: Side) -> bool:
        return False


ACTORS: Any = Actors()


def _drop(monkeypatch: pytest.MonkeyPatch, table: str, entry: str) -> None:
    """Take one entry out of the constant the rules read."""
    module, constant = _home(table)
    value = getattr(module, constant)
    if isinstance(value, dict):
        rest: Any = {k: v for k, v in value.items() if k != entry}
    elif isinstance(value, tuple):
        rest = tuple(v for v in value if v != entry)
    else:
        rest = value - {entry}
    assert rest != value
    monkeypatch.setattr(module, constant, rest)


def _mood(token: Any) -> tuple[bool, str | None]:
    found = modality.modality(token)
    return found.negated, found.mode


def _under(head_text: str, dep: str, token: Tok, *more: Tok, pos: str = "VERB") -> Tok:
    """``token`` as the ``dep`` child of a head word; returns ``token``."""
    token.dep_ = dep
    Tok(head_text, "ROOT", pos, token, *more)
    return token


# -- modality.py: every entry ---------------------------------------------------------------------


def _aux_on_meet(word: str, dep: str = "aux") -> Tok:
    return Tok("meet", "ROOT", "VERB", Tok(word, dep, "AUX"))


def _xcomp_of(head: str) -> Tok:
    return _under(head, "xcomp", Tok("meet"))


def _own_meet(aux: str) -> Tok:
    """``it <aux> meet``: a reported clause about the reporter's own act."""
    meet = _aux_on_meet(aux)
    subject = Tok("it", "nsubj", "PRON")
    subject.head = meet
    meet.children.append(subject)
    return meet


def _ccomp_of(word: str) -> Tok:
    """``meet`` as the clause of a verb: ``<word> (that) X will meet``."""
    return _under(word, "ccomp", Tok("meet", "ccomp", "VERB", Tok("will", "aux", "AUX")))


MODALITY_RULES: dict[str, tuple[Any, tuple[bool, str | None], tuple[bool, str | None]]] = {
    # table: (the predicate built around an entry, reading with the entry, reading without it)
    "cognition_heads": (_ccomp_of, (False, "hypothetical"), (False, "intent")),
    "intent_aux": (_aux_on_meet, (False, "intent"), (False, None)),
    "hypothetical_aux": (_aux_on_meet, (False, "hypothetical"), (False, None)),
    "intent_heads": (_xcomp_of, (False, "intent"), (False, None)),
    "hypothetical_heads": (_xcomp_of, (False, "hypothetical"), (False, None)),
    "negating_heads": (_xcomp_of, (True, None), (False, None)),
    "request_heads": (_xcomp_of, (False, "hypothetical"), (False, None)),
    "reported_future_aux": (
        lambda w: _under("say", "ccomp", _own_meet(w)),
        (False, "intent"),
        (False, "hypothetical"),
    ),
    "reporting_heads": (
        lambda w: _under(w, "ccomp", _own_meet("would")),
        (False, "intent"),
        (False, "hypothetical"),
    ),
    "conditional_marks": (
        lambda w: _aux_on_meet(w, "mark"),
        (False, "hypothetical"),
        (False, None),
    ),
    "future_modifiers": (
        lambda w: Tok("talks", "ROOT", "NOUN", Tok(w, "amod", "ADJ")),
        (False, "intent"),
        (False, None),
    ),
    "negators": (lambda w: _aux_on_meet(w, "advmod"), (True, None), (False, None)),
}


def test_every_modality_word_list_has_a_rule_test() -> None:
    lists = {t for t in TABLES if _home(t)[0] is modality}
    assert set(MODALITY_RULES) == lists


@pytest.mark.parametrize(("table", "entry"), _entries(*MODALITY_RULES))
def test_each_modality_word_decides_the_reading(
    table: str, entry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build, with_it, without = MODALITY_RULES[table]
    assert _mood(build(entry)) == with_it
    _drop(monkeypatch, table, entry)
    assert _mood(build(entry)) == without


# -- modality.py: a parsed sentence per table -----------------------------------------------------

PARSED = [
    ("intent_aux", "will", "France will meet Germany.", "meet", (False, "intent"), (False, None)),
    ("hypothetical_aux", "could", "France could meet Germany.", "meet",
     (False, "hypothetical"), (False, None)),
    ("intent_heads", "agree", "France agreed to meet Germany.", "meet",
     (False, "intent"), (False, None)),
    ("hypothetical_heads", "try", "France tried to meet Germany.", "meet",
     (False, "hypothetical"), (False, None)),
    ("negating_heads", "fail", "France failed to meet Germany.", "meet", (True, None), (False, None)),
    ("request_heads", "urge", "France urged Germany to meet Russia.", "meet",
     (False, "hypothetical"), (False, None)),
    ("reported_future_aux", "would", "France said it would meet Germany.", "meet",
     (False, "intent"), (False, "hypothetical")),
    ("reporting_heads", "announce", "France announced it would meet Germany.", "meet",
     (False, "intent"), (False, "hypothetical")),
    ("conditional_marks", "if", "If France meets Germany, Russia will protest.", "meets",
     (False, "hypothetical"), (False, None)),
    ("future_modifiers", "upcoming", "The upcoming talks between France and Germany were cancelled.",
     "talks", (False, "intent"), (False, None)),
    ("cognition_heads", "think", "France thinks Germany will meet Russia.", "meet",
     (False, "hypothetical"), (False, "intent")),
]  # fmt: skip
"""(table, entry, sentence, predicate, reading with the entry, reading without it). ``negators``
has none: the parser labels "never", "not" and "n't" ``neg`` where they negate a predicate."""


def test_every_modality_table_has_a_parsed_sentence() -> None:
    assert {p[0] for p in PARSED} == {t for t in TABLES if _home(t)[0] is modality} - {"negators"}


@pytest.mark.parametrize(("table", "entry", "sentence", "word", "with_it", "without"), PARSED)
def test_parsed_sentence_reads_otherwise_without_the_word(
    table: str, entry: str, sentence: str, word: str, with_it: tuple, without: tuple,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    doc = nlp.parse(sentence)
    token = next(t for t in doc if t.text == word)
    assert _mood(token) == with_it
    _drop(monkeypatch, table, entry)
    assert _mood(token) == without


# -- events/__init__.py ---------------------------------------------------------------------------


@pytest.mark.parametrize(("table", "frame"), _entries("desire_frames"))
def test_each_desire_frame_leaves_the_act_as_the_candidate(
    table: str, frame: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    verb = Tok(frame, "ROOT", "VERB", Tok("meet", "xcomp", "VERB"))
    lexicon: Any = SimpleNamespace()
    assert not events.is_candidate(verb, lexicon)
    _drop(monkeypatch, table, frame)
    assert events.is_candidate(verb, lexicon)


def _person(name: str) -> Side:
    return Side(ActorRef(name=name), None, kind="phrase")


def _thing(name: str) -> Side:
    return Side(ActorRef(name=name), None, kind="thing")


@pytest.mark.parametrize(("table", "word"), _entries("ambiguous_force"))
def test_each_ambiguous_force_word_is_verbal_between_people(
    table: str, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    actors: Any = SimpleNamespace(entities={})
    assert events._verbal(Tok(word), _person("Smith"), _person("Jones"), actors)
    _drop(monkeypatch, table, word)
    assert not events._verbal(Tok(word), _person("Smith"), _person("Jones"), actors)


@pytest.mark.parametrize(("table", "topic"), _entries("verbal_topics"))
def test_each_verbal_topic_makes_an_attack_on_it_words(
    table: str, topic: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    actors: Any = SimpleNamespace(entities={})
    for target in (f"the {topic}", f"the new {topic}s"):
        assert events._verbal(Tok("attack"), _person("Smith"), _thing(target), actors), target
    _drop(monkeypatch, table, topic)
    assert not events._verbal(Tok("attack"), _person("Smith"), _thing(f"the {topic}"), actors)


@pytest.mark.parametrize(("table", "word"), _entries("weapons"))
def test_each_weapon_is_a_source_that_acts(
    table: str, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    span = Span(text=f"the {word}", start=0, end=len(word) + 4)
    side = Side(ActorRef(name=span.text, span=span), None, kind="thing")
    doc: Any = SimpleNamespace(char_span=lambda *_, **__: SimpleNamespace(root=Tok(word)))
    assert events._weapon(side, doc)
    _drop(monkeypatch, table, word)
    assert not events._weapon(side, doc)


@pytest.mark.parametrize(
    ("table", "entry", "without"),
    [
        ("ambiguous_force", "attack", ("ASSAULT", "190")),
        ("verbal_topics", "plan", ("ASSAULT", "190")),
    ],
)
def test_an_attack_on_a_plan_is_words_in_a_parsed_article(
    table: str, entry: str, without: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def coded() -> list[tuple[str, str]]:
        body = "Labour leader Ed Miliband attacked the plan."
        doc = dateline.analyze(f"Headline about talks\n\n{body}\n", published="2016-12-01")
        return [(e.type, e.cameo) for e in doc.events if e.trigger and e.trigger.text == "attacked"]

    assert coded() == [("ACCUSE", "111")]
    _drop(monkeypatch, table, entry)
    assert coded() == [without]


# -- sides.py -------------------------------------------------------------------------------------


def _names(found: list[Side] | None) -> list[str | None] | None:
    return None if found is None else [s.actor.name for s in found]


@pytest.mark.parametrize(("table", "prep"), _entries("target_preps"))
def test_each_target_preposition_names_the_other_side(
    table: str, prep: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def targets() -> list[str | None] | None:
        noun = Tok("talks", "ROOT", "NOUN", Tok(prep, "prep", "ADP", _named("France", "pobj")))
        return _names(sides.noun_sides(noun, frozenset(), ACTORS)[1])

    assert targets() == ["France"]
    _drop(monkeypatch, table, prep)
    assert targets() == []


@pytest.mark.parametrize(("table", "verb"), _entries("source_holders"))
def test_each_source_holder_gives_its_subject_to_the_event_noun(
    table: str, verb: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    noun = Tok("talks", "dobj", "NOUN")
    Tok(verb, "ROOT", "VERB", _named("France", "nsubj"), noun)
    assert _names(sides.noun_sides(noun, frozenset(), ACTORS)[0]) == ["France"]
    _drop(monkeypatch, table, verb)
    assert _names(sides.noun_sides(noun, frozenset(), ACTORS)[0]) == []


@pytest.mark.parametrize(("table", "prep"), _entries("place_preps"))
def test_each_place_preposition_makes_a_country_the_target(
    table: str, prep: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    verb = Tok("extend", "ROOT", "VERB", Tok(prep, "prep", "ADP", _named("France", "pobj")))
    only_against = frozenset({"against"})  # "into" is a target preposition too
    assert _names(sides.verb_sides(verb, True, only_against, ACTORS)[1]) == ["France"]
    _drop(monkeypatch, table, prep)
    assert _names(sides.verb_sides(verb, True, only_against, ACTORS)[1]) == []


def _reported(reporter: str, pronoun: str) -> tuple[Tok, Tok]:
    """``France <reporter> <pronoun> would meet``: (the clause's verb, the pronoun)."""
    said_of = Tok(pronoun, "nsubj", "PRON")
    clause = Tok("meet", "ccomp", "VERB", said_of)
    Tok(reporter, "ROOT", "VERB", _named("France", "nsubj"), clause)
    return clause, said_of


@pytest.mark.parametrize(
    ("table", "entry", "reporter", "pronoun"),
    [*((*p.values, p.values[1], "it") for p in _entries("reporting_verbs")),
     *((*p.values, "say", p.values[1]) for p in _entries("reporter_pronouns"))],
)  # fmt: skip
def test_each_reporting_verb_and_pronoun_gives_the_reporter_as_subject(
    table: str, entry: str, reporter: str, pronoun: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clause, said_of = _reported(reporter, pronoun)
    found = sides.subject(clause)
    assert found is not None and found.text == "France"
    _drop(monkeypatch, table, entry)
    assert sides.subject(clause) is said_of


@pytest.mark.parametrize(("table", "pronoun"), _entries("personal_pronouns"))
def test_each_personal_pronoun_is_kept_as_a_side(
    table: str, pronoun: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    side = sides._phrase_side(Tok(pronoun, "nsubj", "PRON"))
    assert side is not None and (side.kind, side.actor.name) == ("pronoun", pronoun)
    _drop(monkeypatch, table, pronoun)
    assert sides._phrase_side(Tok(pronoun, "nsubj", "PRON")) is None


@pytest.mark.parametrize(("table", "suffix"), _entries("agent_suffixes"))
def test_each_agent_suffix_makes_a_plural_noun_a_group(
    table: str, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    noun: Any = Tok(f"pros{suffix}", "nsubj", "NOUN", tag="NNS")
    assert [s for s in sides.AGENT_SUFFIXES if noun.lower_.endswith(s)] == [suffix]
    assert sides._is_agent_noun(noun)
    _drop(monkeypatch, table, suffix)
    assert not sides._is_agent_noun(noun)


@pytest.mark.parametrize(("table", "noun"), _entries("quantity_nouns"))
def test_each_quantity_noun_counts_the_group_of_its_of_phrase(
    table: str, noun: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sides, "_span", lambda t: Span(text=t.text, start=0, end=len(t.text)))
    counting: Any = Tok(
        noun, "nsubj", "NOUN", Tok("of", "prep", "ADP", Tok("them", "pobj", "PRON"))
    )
    side = sides._phrase_side(counting)
    assert side is not None and (side.kind, side.actor.name) == ("pronoun", "them")
    _drop(monkeypatch, table, noun)
    side = sides._phrase_side(counting)
    assert side is not None and side.actor.name == noun


@pytest.mark.parametrize(("table", "verb"), _entries("undergoing"))
def test_each_undergoing_verb_takes_its_source_from_the_from_phrase(
    table: str, verb: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    token: Any = Tok(verb, "ROOT", "VERB", Tok("from", "prep", "ADP", _named("France", "pobj")))
    assert _names(sides._undergone_from(token, None, ACTORS)) == ["France"]
    _drop(monkeypatch, table, verb)
    assert _names(sides._undergone_from(token, None, ACTORS)) == []


@pytest.mark.parametrize(("table", "prep"), _entries("passive_place_preps"))
def test_each_passive_place_preposition_gives_the_country_as_doer(
    table: str, prep: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    token: Any = Tok("arrested", "ROOT", "VERB", Tok(prep, "prep", "ADP", _named("France", "pobj")))
    assert _names(sides._place_acting(token, ACTORS)) == ["France"]
    _drop(monkeypatch, table, prep)
    assert _names(sides._place_acting(token, ACTORS)) == []


@pytest.mark.parametrize(
    ("table", "entry", "reporter", "aux"),
    [*((*p.values, "say", p.values[1]) for p in _entries("obligation_aux")),
     *((*p.values, p.values[1], "must") for p in _entries("demand_reporters"))],
)  # fmt: skip
def test_each_obligation_and_demand_reporter_makes_a_demand(
    table: str, entry: str, reporter: str, aux: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clause = Tok("go", "ccomp", "VERB", Tok(aux, "aux", "AUX"), _named("Jones", "nsubj"))
    token: Any = Tok(reporter, "ROOT", "VERB", _named("Smith", "nsubj"), clause)
    found = sides.demand_sides(token, ACTORS)
    assert found is not None and (_names(found[0]), _names(found[1])) == (["Smith"], ["Jones"])
    _drop(monkeypatch, table, entry)
    assert sides.demand_sides(token, ACTORS) is None


@pytest.mark.parametrize(("table", "verb"), _entries("declined_statements"))
def test_each_declined_statement_makes_a_refusal_no_event(
    table: str, verb: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal: Any = SimpleNamespace(
        row=SimpleNamespace(type="REJECT"),
        token=Tok("refuse", "ROOT", "VERB", Tok(verb, "xcomp", "VERB")),
    )
    assert events._declined_statement(refusal)
    _drop(monkeypatch, table, verb)
    assert not events._declined_statement(refusal)


# -- statements.py --------------------------------------------------------------------------------

statements = importlib.import_module("dateline.events.statements")


@pytest.mark.parametrize(("table", "word"), _entries("criticism_words"))
def test_each_criticism_word_judges(table: str, word: str, monkeypatch: pytest.MonkeyPatch) -> None:
    token = Tok(word, "dobj", "NOUN")
    assert statements.critical(token)
    _drop(monkeypatch, table, word)
    assert not statements.critical(token)


@pytest.mark.parametrize(("table", "word"), _entries("negated_praise"))
def test_each_praise_word_judges_when_negated(
    table: str, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = Tok(word, "acomp", "ADJ", Tok("not", "neg", "PART"), tag="JJ")
    assert statements.critical(token)
    assert not statements.critical(Tok(word, "acomp", "ADJ", tag="JJ"))
    _drop(monkeypatch, table, word)
    assert not statements.critical(token)


@pytest.mark.parametrize(("table", "word"), _entries("not_criticism"))
def test_each_plight_adjective_judges_no_one(
    table: str, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = Tok(word, "acomp", "ADJ", tag="JJ")
    assert not statements.critical(token)
    _drop(monkeypatch, table, word)
    assert statements.critical(token)


@pytest.mark.parametrize(("table", "word"), _entries("experiencer_adjectives"))
def test_each_feeling_leaves_its_subject_unjudged(
    table: str, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    subject = _named("France", "nsubj")
    feeling = Tok(word, "acomp", "ADJ", tag="JJ")
    Tok("be", "ROOT", "AUX", subject, feeling)
    assert not statements.linked(feeling, subject)
    _drop(monkeypatch, table, word)
    assert statements.linked(feeling, subject)


# -- actors.py, when_where.py: parsed sentences ---------------------------------------------------


def _prepared(text: str) -> Any:
    from dateline.pipeline import prepare

    return next(prepare([f"Headline about talks\n\n{text}\n"]))


def _side_name(text: str, word: str, nth: int = 0) -> str | None:
    """The actor the ``nth`` token ``word`` of the parsed text stands for (None: no actor)."""
    from dateline.events.actors import ActorResolver

    p = _prepared(text)
    token = [t for t in p.doc if t.lower_ == word][nth]
    side = ActorResolver(p.doc, p.entities, p.quotes, {}).side(token)
    return side.actor.name if side is not None else None


@pytest.mark.parametrize(("table", "pronoun"), _entries("first_person"))
def test_each_first_person_pronoun_in_a_quote_is_its_speaker(
    table: str, pronoun: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f'"The new plan is good for {pronoun}," said Jean Dupont, the French minister.'
    assert _side_name(text, pronoun) == "Jean Dupont"
    _drop(monkeypatch, table, pronoun)
    assert _side_name(text, pronoun) != "Jean Dupont"


@pytest.mark.parametrize(("table", "pronoun"), _entries("thing_pronouns"))
def test_each_thing_pronoun_is_the_country_named_before(
    table: str, pronoun: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = {"it": "Turkey has confirmed that it will send troops to the border.",
            "its": "Turkey has confirmed that its troops will stay at the border."}[pronoun]  # fmt: skip
    assert _side_name(text, pronoun) == "Turkey"
    _drop(monkeypatch, table, pronoun)
    assert _side_name(text, pronoun) != "Turkey"


@pytest.mark.parametrize(("table", "pronoun"), _entries("relative_pronouns"))
def test_each_relative_pronoun_is_the_noun_it_follows(
    table: str, pronoun: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Chancellor Angela Merkel, {pronoun} met the president on Monday, left Paris."
    if pronoun == "that":
        text = "It was Angela Merkel that met the president on Monday."
    found = _side_name(text, pronoun)
    assert found is not None and "Merkel" in found
    _drop(monkeypatch, table, pronoun)
    after = _side_name(text, pronoun)
    assert after is None or "Merkel" not in after


@pytest.mark.parametrize(("table", "prep"), _entries("location_preps"))
def test_each_location_preposition_places_the_event(
    table: str, prep: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.events.when_where import event_location

    p = _prepared(f"The foreign ministers met {prep} Lausanne on Monday.")
    met = next(t for t in p.doc if t.lower_ == "met")
    found = event_location(met, p.article)
    assert found is not None and found.name == "Lausanne"
    _drop(monkeypatch, table, prep)
    assert event_location(met, p.article) is None


@pytest.mark.parametrize(("table", "word"), _entries("nothing_words"))
def test_each_nothing_word_negates_the_judgement(
    table: str, word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = Tok("wrong", "amod", "ADJ", tag="JJ")
    Tok(word, "attr", "PRON", judged)
    assert not statements.critical(judged)
    _drop(monkeypatch, table, word)
    assert statements.critical(judged)
