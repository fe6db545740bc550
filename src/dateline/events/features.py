"""What the event model sees of a candidate predicate: named, sparse string features.

Every feature is read off the parse around the predicate (its lemma, the frame verb above it,
the clause it governs, its object and prepositions, the nouns and verbs of its sentence), the evidence tables (the predicate table's
type, CAMEO.2.0's code) and the kinds of its two sides.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dateline.events.actors import Side
from dateline.events.cameo import plover_type, table
from dateline.events.lexicon import Lexicon
from dateline.events.modality import Modality, lemma_of
from dateline.events.sides import complement, object_of
from dateline.nlp import sentence_of

SENTENCE_WORDS = ("NOUN", "VERB")
FRAME_DEPS = ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl")


def _lemma(token: Token) -> str:
    return lemma_of(token)


def _evidence(token: Token, lexicon: Lexicon, prefix: str) -> list[str]:
    """What the tables say of one word: the predicate table's and CAMEO's types and codes."""
    out: list[str] = []
    predicate = lexicon.match(token)
    if predicate is not None:
        out += [f"{prefix}pred={predicate.type}", f"{prefix}predcode={predicate.cameo[:3]}"]
    if token.pos_ in ("VERB", "AUX"):
        code = table().code(token)
        if code is not None:
            out += [f"{prefix}cam={code[:2]}", f"{prefix}cam3={code[:3]}"]
            out.append(f"{prefix}camtype={plover_type(code)}")
    return out


def _side(name: str, sides: list[Side]) -> list[str]:
    if not sides:
        return [f"{name}=none"]
    side = sides[0]
    code = side.actor.code or ""
    sector = code[3:6] if side.country and len(code) > 3 else code[:3] if not side.country else ""
    head = side.actor.span.text.split()[-1].lower() if side.actor.span else "-"
    return [
        f"{name}={side.kind}",
        f"{name}sec={sector or '-'}",
        f"{name}cty={'y' if side.country else 'n'}",
        f"{name}w={head}",
    ]


def frame_head(token: Token) -> Token | None:
    """The verb whose frame the word fills (``refused to <back>``), if any."""
    return token.head if token.dep_ in FRAME_DEPS and token.head is not token else None


def evidence_features(token: Token, lexicon: Lexicon) -> Iterator[str]:
    """The features of ``features`` that can say the word tells events: the lemmas of the word,
    of its frame verb and of the clause it governs, then their table features (the cheap ones
    first, not in ``features``' order, so that a search for one can stop early)."""
    frame = frame_head(token)
    inner = complement(token)
    words = [(token, ""), (frame, "h"), (inner, "c")]
    for word, prefix in words:
        if word is not None:
            yield f"{prefix or 'l'}={_lemma(word)}"
    for word, prefix in words:
        if word is not None:
            yield from _evidence(word, lexicon, prefix)


def features(
    token: Token,
    lexicon: Lexicon,
    mood: Modality,
    sources: list[Side],
    targets: list[Side],
) -> list[str]:
    """The candidate's features (deterministic order, repeats removed)."""
    lemma = _lemma(token)
    out = ["bias", f"l={lemma}", f"pos={token.pos_}", f"dep={token.dep_}"]
    out += _evidence(token, lexicon, "")
    if mood.negated:
        out += ["neg", f"neg+l={lemma}"]
    if mood.mode:
        out += [f"mode={mood.mode}", f"mode+l={mood.mode}:{lemma}"]
    frame = frame_head(token)
    if frame is not None:
        head = _lemma(frame)
        out += [f"h={head}", f"h>l={head}>{lemma}"]
        out += _evidence(frame, lexicon, "h")
    inner = complement(token)
    if inner is not None:
        out += [f"c={_lemma(inner)}", f"l>c={lemma}>{_lemma(inner)}"]
        out += _evidence(inner, lexicon, "c")
        obj = object_of(inner)
        if obj is not None:
            out.append(f"co={_lemma(obj)}")
    obj = object_of(token)
    if obj is not None:
        out += [f"o={_lemma(obj)}", f"l>o={lemma}>{_lemma(obj)}"]
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative"):
            out.append(f"pp={lemma}+{child.lower_}")
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.append(f"ppo={child.lower_}+{_lemma(pobj)}")
        if child.dep_ == "prt":
            out.append(f"prt={lemma}+{child.lower_}")
    out += _side("s", sources) + _side("t", targets)
    # The sentence's nouns and verbs, not only the predicate's subtree: 5-fold CV on PLV train
    # preferred the sentence bag to the subtree bag (type recall 0.689 -> 0.715 at C 10), and
    # so did the news tuning sets (BBC 40 precision 0.818 -> 0.833 at C 1, PolNeAR 60 unchanged).
    out += _sentence_words(token)
    return list(dict.fromkeys(out))


SENTENCE_WORDS_KEY = "dateline.events.sentence_words"
"""A document's sentence bags, by sentence start: every candidate of a sentence has the same."""


def _sentence_words(token: Token) -> list[str]:
    """``sw=`` features of the sentence's nouns and verbs, the predicate's own among them
    (worked out once a sentence, kept in the document's ``user_data``)."""
    doc = token.doc
    bags: dict[int, list[str]] = doc.user_data.setdefault(SENTENCE_WORDS_KEY, {})
    first, end = sentence_of(doc, token.i)
    bag = bags.get(first)
    if bag is None:
        bag = bags[first] = [f"sw={_lemma(t)}" for t in doc[first:end] if t.pos_ in SENTENCE_WORDS]
    return bag
