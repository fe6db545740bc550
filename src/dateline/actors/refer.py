"""Descriptors ("the Russian top diplomat") and pronouns ("he") joined to the person they refer to."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import NamedTuple

import numpy
from spacy.attrs import POS, TAG
from spacy.tokens import Doc, Token

from dateline import geo
from dateline.actors.cluster import Cluster
from dateline.actors.lexicon import lexicon
from dateline.actors.mentions import WorkMention, is_subject, overlaps
from dateline.actors.orgs import org_aliases
from dateline.cue_lexicon import cues
from dateline.names import TITLE_JOINERS
from dateline.nlp import text_of
from dateline.spans import Coverage
from dateline.syntax import climb, is_root, last_main_subject, phrase_of

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
DETERMINERS = {"the", "this", "that"}
PRONOUN_LOOKBACK_SENTENCES = 4
"""A pronoun refers to someone named at most this many sentences back."""
DESCRIPTOR_MAX_WORDS = 5


DESCRIPTOR_TAGS = ("NN", "NNP")
"""Fine-grained tags of a descriptor's head noun."""


def _tagged(doc: Doc, attr: int, labels: tuple[str, ...]) -> list[int]:
    """Indices of the tokens whose ``attr`` (``TAG`` or ``POS``) is one of ``labels``, read off
    the document's array (no ``Token`` made for the others)."""
    if not len(doc):
        return []
    wanted = [doc.vocab.strings[label] for label in labels]
    found: list[int] = numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted)).tolist()
    return found


def _descriptor(doc: Doc, head: Token) -> tuple[int, str | None] | None:
    """Start token and country of ``the [Russian] [top] diplomat``, or None if not a descriptor."""
    if head.tag_ not in DESCRIPTOR_TAGS or head.text.lower() not in lexicon().heads:
        return None
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or nxt.text.lower() in lexicon().heads):
        return None  # a title before a name, or part of a longer noun
    country = None
    i = head.i - 1
    while i >= 0 and head.i - i <= DESCRIPTOR_MAX_WORDS:
        tok = doc[i]
        low = tok.text.lower()
        if low in DETERMINERS:
            return i, country
        code = geo.country_code(tok.text) if tok.text[:1].isupper() else None
        if code:
            country = country or code
        elif (
            tok.pos_ not in ("ADJ", "NOUN", "PROPN")
            and low not in lexicon().modifiers
            and not _joins_title_words(doc, i)
        ):
            break
        i -= 1
    # No determiner: "(with Turkish foreign minister)" still names someone by country and role.
    first = doc[i + 1]
    if country and first.i < head.i and geo.country_code(first.text):
        return first.i, country
    return None


def _joins_title_words(doc: Doc, i: int) -> bool:
    """``doc[i]`` joins two capitalised words of one title ("Trade and Industry")."""
    if doc[i].lower_ not in TITLE_JOINERS or i == 0 or i + 1 >= len(doc):
        return False
    return doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()


def _named_within(start: int, head: int, end: int, taken: Coverage) -> bool:
    """The descriptor's head is part of a name, or a name runs into it from before: it is no
    descriptor. A name among its modifiers is ("the Trade and Industry Secretary", with "Trade
    and Industry" read as an organisation)."""
    straddled = start > 0 and taken.covers(start - 1) and taken.covers(start)
    return straddled or taken.overlaps(head, end)


LEAD_SENTENCES = 3
"""How far into an article a descriptor that no one named before fits may point forward."""


def _named_next(
    people: list[Cluster], next_start: int, sent: int, sent_of: list[int], role: str
) -> Cluster | None:
    """``..., the Trade and Industry Secretary has said. Patricia Hewitt said ...``: a lead's
    descriptor that fits no one named before it (a headline's "Hewitt" has no role yet) is the
    person whose name opens the next sentence (at ``next_start``) as its subject, and whose
    role, if known, fits ("Critics including John Smith said" opens with no name)."""
    if sent > LEAD_SENTENCES:
        return None
    opening = [
        c
        for c in people
        for m in c.mentions
        if m.kind == "name" and m.subject and sent_of[m.start] == sent + 1 and m.start == next_start
    ]
    if len(opening) != 1:
        return None
    first = opening[0]
    fits = first.role is None or lexicon().compatible(role, first.role)
    return first if fits else None


def _next_sentence_start(token: Token) -> int:
    """Where the sentence after the token's starts (its first word), or -1 at the end."""
    doc, end = token.doc, token.sent.end
    while end < len(doc) and doc[end].is_space:
        end += 1
    return doc[end].idx if end < len(doc) else -1


def resolve_descriptors(
    doc: Doc,
    clusters: list[Cluster],
    taken: Coverage,
    quotes: Coverage,
    sent_of: list[int],
) -> list[WorkMention]:
    """Join ``the minister`` to the most recently named person whose role and country fit."""
    people = [c for c in clusters if c.label == "PERSON" and not c.photographer]
    found = []
    for i in _tagged(doc, TAG, DESCRIPTOR_TAGS):
        head = doc[i]
        found_desc = _descriptor(doc, head)
        if found_desc is None:
            continue
        start_i, country = found_desc
        start, end = doc[start_i].idx, head.idx + len(head.text)
        if _named_within(start, head.idx, end, taken) or overlaps(start, end, quotes):
            continue
        words = [t.text for t in doc[start_i : head.i + 1] if not geo.country_code(t.text)]
        role = lexicon().canonical_role(words) or head.text.lower()
        fits = [
            c
            for c in people
            if c.last_before(start) >= 0
            and (lexicon().compatible(role, c.role) or lexicon().compatible(head.text, c.role))
            and (country is None or c.country in (None, country))
            and (country is None or c.country == country)
        ]
        span = doc[start_i : head.i + 1]
        if fits:
            target = max(fits, key=lambda c: c.last_before(start))
        elif is_subject(span) and (
            ahead := _named_next(people, _next_sentence_start(head), sent_of[start], sent_of, role)
        ):
            target = ahead
            target.role = target.role or role
        else:
            continue
        mention = WorkMention(
            start,
            end,
            text_of(doc)[start:end],
            "PERSON",
            "descriptor",
            sent_of[start],
            is_subject(span),
            None,
            role,
        )
        target.add(mention)
        found.append(mention)
    return found


AGE_DESCRIPTOR = re.compile(r"\b[Tt]he (\d{1,3})-year-old\b")
"""``The 54-year-old said ...``: a person referred to by age alone (``resolve_age_descriptors``)."""
AGE_NOUNS = frozenset({"man", "woman", "boy", "girl", "father", "mother"})
"""Words that may follow an age and still name the person ("the 54-year-old woman")."""
STATED_AGE = r"(?:,\s*|\s*\(|,?\s+aged\s+){age}\b"
"""An age given beside a name: "Ann Lowe, 54," "Ann Lowe (54)", "Ann Lowe, aged 54"."""


def resolve_age_descriptors(
    doc: Doc,
    clusters: list[Cluster],
    taken: Coverage,
    quotes: Coverage,
    sent_of: list[int],
) -> list[WorkMention]:
    """Join ``the 54-year-old`` to the one person whose name the article gave that age beside
    ("Gus Tally, 54, ..."). A person named alone is not enough: in a story of a crime or an
    accident the one named is often the victim and "the 41-year-old" the unnamed suspect. Not
    "the 54-year-old building" (another noun after the age) nor one inside a quotation."""
    text = text_of(doc)
    people = [c for c in clusters if c.label == "PERSON" and not c.photographer]
    found = []
    for match in AGE_DESCRIPTOR.finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end) or overlaps(start, end, quotes):
            continue
        after = re.match(r"\s*([A-Za-z]+)", text[end:])
        if after is not None and after.group(1).lower() in AGE_NOUNS:
            end, after = end + after.end(), None  # "the 54-year-old woman"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (
            after is not None and span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN")
        ):
            continue  # "the 54-year-old building"
        stated = re.compile(STATED_AGE.format(age=match.group(1)))
        aged = [
            c
            for c in people
            if any(
                m.kind == "name" and m.end <= start and stated.match(text, m.end)
                for m in c.mentions
            )
        ]
        if len(aged) != 1:
            continue
        mention = WorkMention(
            start, end, text[start:end], "PERSON", "descriptor", sent_of[start], is_subject(span)
        )
        aged[0].add(mention)
        found.append(mention)
    return found


BODY_NOUNS = frozenset(
    [
        "agency",
        "alliance",
        "assembly",
        "association",
        "bill",
        "charity",
        "coalition",
        "college",
        "commission",
        "committee",
        "corporation",
        "council",
        "court",
        "department",
        "executive",
        "federation",
        "firm",
        "hospital",
        "inquiry",
        "institute",
        "ministry",
        "museum",
        "parliament",
        "party",
        "regulator",
        "school",
        "society",
        "tribunal",
        "union",
        "university",
    ]
)
"""Common nouns that, after "the", stand for a body named before ("the commission"); not words
with an everyday sense beside the institution's ("the bank" of a river, "the press", "the
service" at a funeral, "the board", "the house", "the post", "the office")."""
BODY_LOOKBACK_SENTENCES = 4
"""How many sentences back a body's common noun ("the committee") may find the body it names."""


def _bare_definite(head: Token) -> bool:
    """``the committee`` and nothing else before it: no modifier that could make it another body
    ("the select committee", "the other committee"), no phrase after it that could ("the
    committee on standards"), and not itself a modifier ("the committee chairman")."""
    if not head.is_lower or head.dep_ in ("compound", "nmod") or head.i == 0:
        return False
    det = head.doc[head.i - 1]
    if det.lower_ != "the" or det.head.i != head.i:
        return False
    return not any(
        c.dep_ in ("amod", "compound", "nmod", "prep", "acl", "relcl", "nummod", "appos")
        for c in head.children
    )


NAMED_BODY_LABELS = frozenset({"ORG", "NORP"})
"""Labels of the bodies whose names a common noun may stand in for: organisations, and (only as
known bodies in between) parties the recogniser took for a nationality ("Tories")."""


def _known_as(mention: WorkMention) -> str | None:
    """The last word of a known organisation's canonical name, however the mention calls it
    ("party" for "the Tories", ``data/org_aliases.json``), or None."""
    known = org_aliases().get(mention.text.lower())  # names come without "the" (clean)
    return known["name"].split()[-1].lower() if known is not None else None


def _another_between(doc: Doc, nouns: list[int], head: Token, after: int, body: Cluster) -> bool:
    """The same noun stands between the body's last mention (ending at ``after``) and ``head``
    outside any mention of the body: another one of its kind came in ("a committee of
    residents", "their own action committee")."""
    return any(
        doc[j].lower_ == head.lower_
        and after <= doc[j].idx < head.idx
        and not any(m.start <= doc[j].idx < m.end for m in body.mentions)
        for j in nouns
    )


Named = dict[str, list[tuple[int, Cluster]]]
"""A word -> where each mention that it may stand for ends, with its body, in text order."""


def _body_names(clusters: list[Cluster], quotes: Coverage) -> tuple[Named, Named]:
    """The bodies' name mentions outside quotations by the last word of the name as written
    (organisations), and by the last word of a known organisation's canonical name."""
    last_word: Named = defaultdict(list)
    known_as: Named = defaultdict(list)
    for c in clusters:
        if c.label not in NAMED_BODY_LABELS:
            continue
        for m in c.mentions:
            if m.kind != "name" or quotes.overlaps(m.start, m.end):
                continue
            if c.label == "ORG":
                last_word[m.text.split()[-1].lower()].append((m.end, c))
            if word := _known_as(m):
                known_as[word].append((m.end, c))
    for ends in last_word.values():
        ends.sort(key=lambda ec: ec[0])
    return last_word, known_as


def _referent(
    doc: Doc, head: Token, start: int, named: list[tuple[int, Cluster]], known: Named,
    nouns: list[int], sent_of: list[int],
) -> Cluster | None:  # fmt: skip
    """The one body of ``named`` that ``the <head>`` starting at ``start`` refers to, or None."""
    earliest = sent_of[head.idx] - BODY_LOOKBACK_SENTENCES
    before = [(e, c) for e, c in named if e <= start and sent_of[e - 1] >= earliest]
    if not before or len({id(c) for _, c in before}) > 1:
        return None  # none in reach, or two bodies of that kind ("the agency" after two)
    last, target = max(before, key=lambda ec: ec[0])
    if any(last < e <= start and c is not target for e, c in known[head.lower_]):
        return None  # "the Liberal Party ... the Tories ... the party": a known one between
    if _another_between(doc, nouns, head, last, target):
        return None  # "... A committee of residents was formed. The committee said": theirs
    return target


def resolve_body_descriptors(
    doc: Doc,
    clusters: list[Cluster],
    taken: Coverage,
    quotes: Coverage,
    sent_of: list[int],
) -> list[WorkMention]:
    """Join ``the committee`` (a ``BODY_NOUNS`` word) to the body whose name as written ends
    with that word ("the Northshire Transport Commission", "the harbour audit committee") and was
    named, or so referred to, in the same sentence or the few before it
    (``BODY_LOOKBACK_SENTENCES``); unless two such bodies are in reach, another known body that
    is one ("the Tories" of "the party", ``_known_as``) was named since, or the same noun came
    in since outside the body's mentions ("a committee of residents", ``_another_between``)."""
    last_word, known_as = _body_names(clusters, quotes)
    if not last_word:
        return []
    text, found = text_of(doc), []
    nouns = [i for i in _tagged(doc, TAG, ("NN",)) if doc[i].lower_ in BODY_NOUNS]
    for i in nouns:
        head = doc[i]
        named = last_word.get(head.lower_)
        if not named or not _bare_definite(head):
            continue
        start, end = doc[head.i - 1].idx, head.idx + len(head.text)
        if _named_within(start, head.idx, end, taken) or quotes.overlaps(start, end):
            continue
        target = _referent(doc, head, start, named, known_as, nouns, sent_of)
        if target is None:
            continue
        span = doc[head.i - 1 : head.i + 1]
        mention = WorkMention(
            start, end, text[start:end], "ORG", "descriptor", sent_of[start], is_subject(span)
        )
        target.add(mention)
        found.append(mention)
        named.append((end, target))  # "the committee" again three sentences on is the same one
    return found


def resolve_pronouns(
    doc: Doc, clusters: list[Cluster], quotes: Coverage, sent_of: list[int]
) -> list[WorkMention]:
    """Join third-person pronouns outside quotations to the salient person before them."""
    people = [c for c in clusters if c.label == "PERSON" and not c.photographer]
    by_sent: dict[int, list[tuple[WorkMention, Cluster]]] = defaultdict(list)
    for c in people:
        for m in c.mentions:
            by_sent[m.sent].append((m, c))
    newcomers = unnamed_newcomers(doc, quotes)
    inner = {
        False: _inner_subjects(doc, people, OUTER_CLAUSE_LINKS),
        True: _inner_subjects(doc, people, MAIN_CLAUSE_LINKS),
    }
    found = []
    for i in _tagged(doc, POS, ("PRON",)):
        tok = doc[i]
        gender = PRONOUN_GENDER.get(tok.text.lower())
        if gender is None or tok.pos_ != "PRON":
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if overlaps(start, end, quotes):
            continue
        sent = sent_of[start]
        # Names inside a quotation are the speaker's words about someone else, never antecedents.
        barred = _clause_subjects(tok)
        # "X said Y had been charged. He appeared in court" is Y, but one who speaks next goes
        # on from the main clause's speaker: "X suggested Y would win. He said ..." is X (every
        # such case read in the tuning sets; "X said Y would be fit. He said: 'My ankle ...'"
        # is the reading it gets wrong)
        speaking = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in cues().verbs
        target = _antecedent(by_sent, start, sent, gender, barred, quotes, inner[speaking])
        if target is None:
            continue
        if newcomer_between(newcomers, _last_before(target, start), start, gender) is not None:
            continue  # "... But a spokesman defended the plans. He said": not the one named before
        kind = (
            "possessive" if tok.text.lower() in ("his", "hers") or tok.tag_ == "PRP$" else "pronoun"
        )
        mention = WorkMention(
            start, end, tok.text, "PERSON", kind, sent, tok.dep_ in ("nsubj", "nsubjpass"), None
        )
        target.add(mention)
        by_sent[sent].append((mention, target))
        for links, kept in ((OUTER_CLAUSE_LINKS, inner[False]), (MAIN_CLAUSE_LINKS, inner[True])):
            if mention.subject and _inner(tok, links):
                kept.add(start)
        target.gender = target.gender or gender
        found.append(mention)
    return found


BODY_LABELS = frozenset({"ORG", "GPE"})
"""Actors an "it" that speaks may stand for: a body or a country."""
BODY_PRONOUNS = frozenset({"it"})


def resolve_speaking_it(
    doc: Doc, clusters: list[Cluster], quotes: Coverage, sent_of: list[int]
) -> list[WorkMention]:
    """``The union met the minister on Monday. It said the talks had failed``: an "it" that is
    the subject of a reporting verb, outside quotations, stands for the body or country that is
    the main subject of the sentence before (or of its own sentence, before it); a thing there
    ("The report was published. It said ...") leaves it unresolved."""
    bodies = [c for c in clusters if c.label in BODY_LABELS]
    subjects = {m.start: c for c in bodies for m in c.mentions if m.subject}
    found = []
    for i in _tagged(doc, POS, ("PRON",)):
        tok = doc[i]
        if (
            tok.lower_ not in BODY_PRONOUNS
            or tok.dep_ != "nsubj"
            or tok.head.lemma_.lower() not in cues().verbs
            or tok.head.lemma_.lower() in cues().unspoken  # "It shows that ...": the thing
            or overlaps(tok.idx, tok.idx + len(tok.text), quotes)
        ):
            continue
        target = _main_subject_body(tok, subjects)
        if target is None:
            continue
        sent = sent_of[tok.idx]
        mention = WorkMention(
            tok.idx, tok.idx + len(tok.text), tok.text, target.label, "pronoun", sent, True, None
        )
        target.add(mention)
        found.append(mention)
    return found


def _main_subject_body(tok: Token, subjects: dict[int, Cluster]) -> Cluster | None:
    """The body or country whose mention heads the last main subject before ``tok``
    (``syntax.last_main_subject``); None where that subject is something else ("The report was
    published. It said") or two of them ("France and Germany signed ... It said")."""
    subject = last_main_subject(tok)
    if subject is None or any(c.dep_ == "conj" for c in subject.children):
        return None
    start, _ = phrase_of(subject)
    for pos in range(start, subject.idx + len(subject.text)):
        if pos in subjects:
            return subjects[pos]
    return None


INDEFINITE = {"a", "an", "one", "another"}
"""Determiners that bring a new, unnamed person into the story ("a spokesman for the council")."""
HEAD_GENDER_ENDINGS = (("woman", "f"), ("man", "m"))
"""Role heads whose ending tells the gender ("spokeswoman", "chairman")."""


class Newcomer(NamedTuple):
    """An unnamed person entering the story: where, the gender their role word tells (or None),
    and the phrase that introduces them ("a spokesman for the council")."""

    at: int
    gender: str | None
    phrase: str
    sentence_end: int
    """Where the newcomer's sentence ends: a pronoun before it is not theirs."""


SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
"""Role heads that bring in someone who speaks next, whatever the verb ("defended the plans")."""


def unnamed_newcomers(doc: Doc, quotes: Coverage) -> list[Newcomer]:
    """Where an unnamed person enters as the subject of a sentence's main verb, outside
    quotations, with an indefinite role phrase, as a spokesperson or with a verb of speech ("But
    a spokesman for the council defended the plans", "A council official said"), in order: a
    pronoun in a later sentence refers to that person, not to someone named before (not "a
    council official visited the shop", "when a doctor found him")."""
    heads = lexicon().heads
    text = text_of(doc)
    found = []
    for i in _tagged(doc, TAG, ("NN",)):
        tok = doc[i]
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in heads or tok.ent_type_:
            continue
        if not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.children):
            continue
        verb = tok.head
        if not is_root(verb) or quotes.covers(tok.idx):
            continue
        if tok.lower_ not in SPOKESPEOPLE and verb.lemma_.lower() not in cues().verbs:
            continue
        gender = next((g for end, g in HEAD_GENDER_ENDINGS if tok.lower_.endswith(end)), None)
        start, end = phrase_of(tok)
        found.append(Newcomer(tok.idx, gender, text[start:end], tok.sent.end_char))
    return found


def newcomer_between(
    newcomers: list[Newcomer], after: int, before: int, gender: str
) -> Newcomer | None:
    """The last unnamed person of the pronoun's gender (or of none told) who entered after
    ``after`` in a sentence that ended before ``before`` (the pronoun there is theirs, not the
    antecedent's at ``after``), or None."""
    i = bisect_right(newcomers, after, key=lambda n: n.at)
    j = bisect_left(newcomers, before, key=lambda n: n.sentence_end)
    entered = [n for n in newcomers[i:j] if n.gender in (None, gender)]
    return entered[-1] if entered else None


def _last_before(cluster: Cluster, pos: int) -> int:
    return max((m.start for m in cluster.mentions if m.start < pos), default=-1)


def _clause_subjects(tok: Token) -> list[tuple[int, int]]:
    """Subjects of the clause where ``tok`` is an object: "Lopez answered him" is not Lopez."""
    if tok.dep_ not in ("dobj", "iobj", "dative", "pobj") or tok.tag_ == "PRP$":
        return []
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return [
        (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
        for child in verb.children
        if child.dep_ in ("nsubj", "nsubjpass")
    ]


def _antecedent(
    by_sent: dict[int, list[tuple[WorkMention, Cluster]]],
    pos: int,
    sent: int,
    gender: str,
    barred: list[tuple[int, int]],
    quotes: Coverage,
    inner: set[int],
) -> Cluster | None:
    """The person a pronoun at ``pos`` refers to: in this sentence or the few before it."""
    for back in range(PRONOUN_LOOKBACK_SENTENCES + 1):
        s = sent - back
        if s < 0:
            break
        cands: list[tuple[WorkMention, Cluster]] = [
            (m, c)
            for m, c in by_sent.get(s, ())
            if c.gender in (None, gender)
            and m.end <= pos
            and m.kind != "title"
            and not overlaps(m.start, m.end, barred)
            and not quotes.overlaps(m.start, m.end)
        ]
        if not cands:
            continue
        subjects = [mc for mc in cands if mc[0].subject]
        pool = subjects or cands
        if back == 0:
            return max(pool, key=lambda mc: mc[0].start)[1]
        # An earlier sentence: its last subject of an outer clause (``inner``: "X echoed
        # criticisms of the way Y introduced the rules. He said" is X), else the first person
        # it names
        outer = [mc for mc in subjects if mc[0].start not in inner]
        return (
            max(outer or pool, key=lambda mc: mc[0].start)
            if subjects
            else min(pool, key=lambda mc: mc[0].start)
        )[1]
    return None


OUTER_CLAUSE_LINKS = frozenset({"ccomp", "conj", "parataxis"})
"""Links from a clause's verb up to the sentence's root that keep it an outer clause: what the
main verb reports ("X said Y had been charged. He appeared in court" is Y), and clauses joined
to it."""
MAIN_CLAUSE_LINKS = frozenset({"conj"})
"""Links that keep a clause the main one: clauses joined to the root."""


def _inner_subjects(doc: Doc, people: list[Cluster], links: frozenset[str]) -> set[int]:
    """Where the people's subject mentions start whose clause does not reach the sentence's
    root by ``links`` (``the way Y introduced``, ``after Y left``; with ``MAIN_CLAUSE_LINKS``
    also ``said Y would``)."""
    found = set()
    for c in people:
        for m in c.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.subject else None
            if span is not None and _inner(span.root, links):
                found.add(m.start)
    return found


def _inner(subject: Token, links: frozenset[str]) -> bool:
    return not is_root(list(climb(subject.head, links, 6))[-1])
