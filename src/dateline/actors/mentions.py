"""Named mentions: spaCy entities cleaned, typed consistently and extended to the names the
recogniser missed (surnames of people named in full, names it tagged elsewhere in the article,
known organisations)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from dateline import geo
from dateline.actors.given_names import first_names
from dateline.actors.lexicon import lexicon
from dateline.actors.orgs import org_aliases, written_aliases
from dateline.nlp import first_token_from, text_of
from dateline.spans import Coverage

NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
LEADING_DET = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_JUNK = re.compile(r"(?:['’]s|['’]|[/\\.,;:!?\-–—―\s\"“”«»])+$")


@dataclass
class WorkMention:
    """A mention while actors are being resolved."""

    start: int
    end: int
    text: str
    label: str
    kind: str = "name"
    sent: int = 0
    subject: bool = False
    cluster: int | None = None
    role: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def overlaps(start: int, end: int, spans: Coverage | list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of ``spans`` (a ``Coverage`` answers by bisection)."""
    if isinstance(spans, Coverage):
        return spans.overlaps(start, end)
    return any(start < e and s < end for s, e in spans)


def is_subject(span: Span) -> bool:
    """The span heads (or is conjoined with) the subject of its clause."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass")


FINITE_VERB_TAGS = {"VBD", "VBZ"}
INVERTED_CUE_ENDS = {":", ","}
"""What follows the name after an inverted cue ("Said Ellis: ...", "Adds Smith, ...")."""


def _opens_with_a_verb(ent: Span) -> bool:
    """A sentence that opens with its verb before a name (``Said Ellis:``, ``Adds Smith:``):
    the tagger knows the verb, the recogniser takes it for a first name."""
    first = ent[0]
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (
        len(ent) > 1
        and first.is_sent_start is True
        and first.tag_ in FINITE_VERB_TAGS
        and all(t.pos_ == "PROPN" for t in ent[1:])
        and ent.root.dep_ not in ("nsubj", "nsubjpass")  # "Said Jawad, a farmer, lost ..."
        and after is not None
        and after.text in INVERTED_CUE_ENDS
    )


HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}
"""Personal honorifics: one inside a recognised name starts a person's name ("the Foreign Policy
Centre Mr Straw" is an organisation and then Mr Straw)."""


def _split_at_honorifics(doc: Doc) -> Iterator[Span]:
    """The document's entities, each that runs an honorific and a name onto other words cut in
    two: the words before it (with the entity's label) and the person's name after it (the
    honorific itself is a title, as where the recogniser leaves it out)."""
    for ent in doc.ents:
        cut = next((t.i for t in ent[1:-1] if t.lower_ in HONORIFICS), None)
        if cut is None or ent.label_ == "PERSON":
            yield ent
            continue
        yield Span(doc, ent.start, cut, label=ent.label_)
        yield Span(doc, cut + 1, ent.end, label="PERSON")


NOT_NAME_WORDS = {"VERB", "AUX", "ADV", "PRON", "CCONJ", "SCONJ", "PART"}
"""Parts of speech of a lower-case first word that is no part of a name (not "de Gaulle")."""


def clean(doc: Doc, ent: Span) -> tuple[int, int, bool] | None:
    """Character bounds of an entity without a leading ``the`` or trailing possessive/slash."""
    text = ent.text
    start, end = ent.start_char, ent.end_char
    lead = LEADING_DET.match(text)
    if lead:
        start += lead.end()
    elif _opens_with_a_verb(ent):
        start = ent[1].idx  # "Said Ellis: ...": the inverted cue is no part of the name
    elif len(ent) > 1 and ent[0].lower_ in HONORIFICS:
        start = ent[1].idx  # "Ms Hewitt": a title, as where the recogniser leaves it out
    elif ent.label_ == "PERSON" and (after := _after_title(ent)) is not None:
        start = after  # "Hilltown City Councillor Ruth Dale": the title reads the role
    elif len(ent) > 1 and ent[0].is_lower and ent[0].pos_ in NOT_NAME_WORDS:
        start = ent[1].idx  # "he rang Lucy" tagged as a name: the verb is no part of it
    tail = TRAILING_JUNK.search(text_of(doc), start, end)
    possessive = False
    if tail and tail.start() > start:
        possessive = bool(re.match(r"['’]s?", text_of(doc)[tail.start() : tail.end()]))
        end = tail.start()
    # Keep a closing full stop that belongs to an abbreviation (``U.S.``, ``Inc.``).
    if (
        end < ent.end_char
        and text_of(doc)[end] == "."
        and re.search(r"\b[A-Z]\.[A-Z]$", text_of(doc)[start:end])
    ):
        end += 1
    return (start, end, possessive) if end > start else None


AMBIGUOUS_TITLES = frozenset({"major", "justice", "general"})
"""Role words that are also given names or parts of names ("Major Lee", "Justice League")."""


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Single words of the known roles ("councillor", "secretary"), less ``AMBIGUOUS_TITLES``."""
    return frozenset(w for role in lexicon().roles for w in role.split()) - AMBIGUOUS_TITLES


def _after_title(ent: Span) -> int | None:
    """Where the name starts after a capitalised title the recogniser took into a person's name,
    when proper names follow it ("Councillor Ruth Dale" -> "Ruth Dale"), else None."""
    last = None
    for tok in ent[:-1]:
        if tok.text[:1].isupper() and tok.lower_ in _title_words():
            last = tok.i
    if last is None:
        return None
    rest = ent.doc[last + 1 : ent.end]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return None
    return rest[0].idx


def sentence_index(doc: Doc) -> list[int]:
    """The sentence number of every character (by token start)."""
    owner = [0] * (len(text_of(doc)) + 1)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start_char, sent.end_char + 1):
            owner[i] = n
    return owner


def collect(doc: Doc, excluded: Coverage, sent_of: list[int]) -> list[WorkMention]:
    """Named mentions with types made consistent across the document."""
    raw: list[WorkMention] = []
    for ent in _split_at_honorifics(doc):
        if ent.label_ not in NAMED_LABELS:
            continue
        bounds = clean(doc, ent)
        if bounds is None:
            continue
        start, end, possessive = bounds
        label = ent.label_
        if (whole := _known_org_cut_short(text_of(doc), start, end)) is not None:
            start, label = whole, "ORG"
        if overlaps(start, end, excluded):
            continue
        text = text_of(doc)[start:end]
        if not any(ch.isupper() for ch in text):
            continue  # names are capitalised; a lower-case "entity" is a tagging slip
        span = doc.char_span(start, end, alignment_mode="expand") or ent
        if label == "PERSON" and span[-1].tag_ == "NNPS":
            label = "NORP"  # "Virginia Democrats" is a group, not a person
        raw.append(
            WorkMention(
                start=start,
                end=end,
                text=text,
                label=label,
                kind="possessive" if possessive else "name",
                sent=sent_of[start],
                subject=is_subject(span),
            )
        )
    honoured = _titled(doc, raw, HONORIFICS)
    _fix_types(raw, _titled(doc, raw), honoured, _after_honorifics(text_of(doc)))
    raw += _missed_surnames(doc, raw, excluded, sent_of)
    raw += _missed_names(doc, raw, excluded, sent_of)
    raw.sort(key=lambda m: m.start)
    return raw


@lru_cache(maxsize=1)
def _alias_leads() -> dict[str, tuple[str, ...]]:
    """The known organisations' names and aliases (``actors/orgs.py``) by their ending after one
    or more first words, with those words: "Democrat" -> ("Liberal ",), longest first."""
    leads: dict[str, list[str]] = {}
    for alias in written_aliases():
        words = alias.split()
        for k in range(1, len(words)):
            leads.setdefault(" ".join(words[k:]), []).append(" ".join(words[:k]) + " ")
    return {end: tuple(sorted(v, key=len, reverse=True)) for end, v in leads.items()}


def _known_org_cut_short(text: str, start: int, end: int) -> int | None:
    """Where a known organisation starts whose name the recogniser cut short ("Liberal
    Democrat leader ...", tagged "Democrat" alone), or None: the words before the mention and
    the mention together are one of its names as written."""
    for lead in _alias_leads().get(text[start:end], ()):
        at = start - len(lead)
        if at >= 0 and text.startswith(lead, at) and (at == 0 or not text[at - 1].isalnum()):
            return at
    return None


PERSON_TITLES = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "president", "sen.",
                 "senator", "rep.", "gov.", "governor", "mayor", "minister", "secretary"}  # fmt: skip
"""Words that, right before a name, say it is a person's ("Mr. Obama", not Obama, Fukui)."""


def _titled(doc: Doc, mentions: list[WorkMention], titles: set[str] | None = None) -> set[str]:
    """Surfaces that some mention shows with a personal title (of ``titles``, default
    ``PERSON_TITLES``) right before them."""
    titles = PERSON_TITLES if titles is None else titles
    titled = set()
    for m in mentions:
        i = first_token_from(doc, m.start) - 1
        if i >= 0 and doc[i].lower_ in titles:
            titled.add(m.text)
    return titled


def person_name_parts(mentions: list[WorkMention]) -> set[str]:
    """First and last words of every multi-word person name."""
    parts: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            parts.update({words[0], words[-1]})
    return parts


def _fix_types(
    mentions: list[WorkMention],
    titled: set[str],
    honoured: set[str] | None = None,
    surnames: set[str] | None = None,
) -> None:
    """One surface form, one type; a known place is never a person unless part of a full name;
    a name some mention shows after an honorific (``honoured``: "Mr Whitby") is a person's, and
    so is a given name before a word the text shows after one (``surnames``: "Mr Cable")."""
    parts = person_name_parts(mentions)
    for m in mentions:
        single = len(m.text.split()) == 1
        if honoured and m.text in honoured:
            m.label = "PERSON"  # "Mr Whitby" is no place, whatever the gazetteer says
        elif surnames and _given_name_honoured(m, surnames):
            m.label = "PERSON"  # "Vincent Cable says" as an organisation, then "Mr Cable"
        elif _named_like_a_person(m):
            m.label = "PERSON"  # "Sarah Pendlees of the Help Trust" taken for a group
        elif m.label == "PERSON" and m.text.lower() in org_aliases() and m.text not in parts:
            m.label = "ORG"  # "Labour" tagged as a person is the party
        elif (
            single and m.text in parts and m.label in ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC")
        ):
            m.label = "PERSON"
        elif (
            m.label == "PERSON"
            and m.text not in parts
            and m.text not in titled
            and geo.is_notable_place(m.text)
        ):
            m.label = "GPE"
        elif m.label in ("ORG", "PERSON") and geo.country_code(m.text) and single:
            m.label = "NORP" if geo.find_place(m.text) is None else "GPE"
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(m.text, Counter())[m.label] += 1
    for m in mentions:
        m.label = votes[m.text].most_common(1)[0][0]


AFTER_HONORIFIC = re.compile(
    r"\b(?:"
    + "|".join(sorted({h.rstrip(".").capitalize() for h in HONORIFICS}))
    + r")\.?\s+([A-Z][\w'’-]+)"
)


def _after_honorifics(text: str) -> set[str]:
    """Words the text shows right after a personal honorific ("Mr Cable" -> "Cable"), whether or
    not the recogniser tagged them."""
    return set(AFTER_HONORIFIC.findall(text))


GROUP_ENDINGS = (
    *("an", "ans", "ic", "ics", "ist", "ists", "at", "ats", "ite", "ites", "im", "ims"),
    *("ab", "abs", "ant", "ants", "er", "ers", "ese"),
)
"""Endings of the words that name a group or one of it ("Christian Democrats", "Roman Catholic",
"French Muslims", "Christian Arab"): such a second word keeps a "group" a group."""


def _named_like_a_person(mention: WorkMention) -> bool:
    """A "group" (NORP) of two words, a given name (``first_names``) and a capitalised word
    that names no group, is a person the recogniser mistyped ("Sarah Pendlees"); "Christian
    Democrats" stays a group."""
    words = mention.text.split()
    return (
        mention.label == "NORP"
        and len(words) == 2
        and words[0].lower() in first_names()
        and geo.country_code(words[0]) is None
        and words[1][:1].isupper()
        and not words[1].lower().endswith(GROUP_ENDINGS)
        and geo.country_code(words[1]) is None
    )


def _given_name_honoured(mention: WorkMention, surnames: set[str]) -> bool:
    """A name of two or three words that opens with a given name (``first_names``) and whose
    last word the article shows after an honorific is a person's when the recogniser took it for
    an organisation ("Vincent Cable", "Mr Cable"); never a place ("Santa Cruz" beside "Mr
    Cruz"), nor "Christian Aid", whom no one calls Mr Aid."""
    words = mention.text.split()
    return (
        mention.label == "ORG"
        and 2 <= len(words) <= 3
        and words[0].lower() in first_names()
        and words[-1] in surnames
    )


def _missed_surnames(
    doc: Doc, mentions: list[WorkMention], excluded: Coverage, sent_of: list[int]
) -> list[WorkMention]:
    """Surnames of people already named that the entity recogniser did not tag."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    covered = Coverage((m.start, m.end) for m in mentions)
    found = []
    for token in doc:
        if token.text not in surnames or token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        start, end = token.idx, token.idx + len(token.text)
        if overlaps(start, end, covered) or overlaps(start, end, excluded):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        kind = "possessive" if nxt is not None and nxt.tag_ == "POS" else "name"
        found.append(
            WorkMention(
                start=start,
                end=end,
                text=token.text,
                label="PERSON",
                kind=kind,
                sent=sent_of[start],
                subject=token.dep_ in ("nsubj", "nsubjpass"),
            )
        )
    return found


PROPAGATED_LABELS = ("PERSON", "ORG")
"""Labels of names of two words or more that are found again where the recogniser missed them
(a one-word name or a group label is too often the recogniser's slip: "Mr Balls" as NORP)."""
NAME_START = re.compile(r"[A-Z]")


def _known_names(mentions: list[WorkMention]) -> dict[str, str]:
    """Surface -> label of the article's tagged names of two words or more, and of the known
    organisations (``actors/orgs.py``, which win over the article's tag)."""
    known = {
        m.text: m.label
        for m in mentions
        if m.kind == "name" and m.label in PROPAGATED_LABELS and " " in m.text
    }
    known.update(dict.fromkeys(written_aliases(), "ORG"))
    return {k: v for k, v in known.items() if NAME_START.match(k)}


def _missed_names(
    doc: Doc, mentions: list[WorkMention], excluded: Coverage, sent_of: list[int]
) -> list[WorkMention]:
    """A name the recogniser tagged elsewhere in the article, or a known organisation, where it
    missed it ("Labour hit back ...": a party read as the noun "labour" at a sentence's head).
    Only whole words that the parse reads as a noun phrase's head or name; a one-word name
    that modifies a noun ("Labour costs") is left alone."""
    known = _known_names(mentions)
    covered = Coverage((m.start, m.end) for m in mentions)
    found = []
    for start, end in _occurrences(doc, known):
        if overlaps(start, end, covered) or overlaps(start, end, excluded):
            continue
        span = doc.char_span(start, end)
        if span is None or span.root.pos_ not in ("PROPN", "NOUN"):
            continue
        if len(span) == 1 and span.root.dep_ in ("compound", "amod"):
            continue
        nxt = doc[span.end] if span.end < len(doc) else None
        text = text_of(doc)[start:end]
        found.append(
            WorkMention(
                start=start,
                end=end,
                text=text,
                label=known[text],
                kind="possessive" if nxt is not None and nxt.tag_ == "POS" else "name",
                sent=sent_of[start],
                subject=is_subject(span),
            )
        )
    return found


WORD_BEFORE = re.compile(r"[\w'’-]")
WORD_AFTER = re.compile(r"[\w-]")


def _occurrences(doc: Doc, names: dict[str, str]) -> Iterator[tuple[int, int]]:
    """Where the names occur as whole words: each token that starts some name is tried against
    the names it starts, longest first (linear in the article's length, whatever the names)."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(_leading_word(name), []).append(name)
    text = text_of(doc)
    after = -1
    for token in doc:
        start = token.idx
        if start < after or not (candidates := by_first.get(_leading_word(token.text))):
            continue
        if start > 0 and WORD_BEFORE.match(text, start - 1):
            continue
        for name in candidates:
            end = start + len(name)
            if text.startswith(name, start) and not WORD_AFTER.match(text, end):
                yield start, end
                after = end
                break


LEADING_WORD = re.compile(r"\w*")


def _leading_word(text: str) -> str:
    """The letters a name or a token starts with ("Jean" of "Jean-Marie Le Pen", "U" of "U.S.")."""
    match = LEADING_WORD.match(text)
    return match.group() if match else ""
