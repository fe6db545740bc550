"""Reported speech: ``X said (that) ...``, ``..., X said``, ``according to X``, ``in X's words``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.quotes.cue_lexicon import cues
from dateline.quotes.direct import inside, is_cue
from dateline.quotes.speaker import subject_of
from dateline.spans import Coverage, Disjoint

MIN_CONTENT_TOKENS = 3
TRIM = set(",;:—–-\"“”‘’'() ")
COMPLEMENTIZERS = {"that"}
CLAIM_NOUNS = {"suggestion", "claim", "report", "allegation", "accusation", "charge",
               "rumour", "rumor", "speculation", "fear", "warning", "view"}  # fmt: skip
"""Nouns whose clause is the statement a cue verb reports ("denied claims that ...")."""
CALL_FOR = {"call", "appeal", "press", "push"}
"""Cues whose ``for`` phrase is what is asked for: "called for party unity"."""


@dataclass
class Reported:
    """One reported statement: content bounds, cue token and the subject token of the cue."""

    start: int
    end: int
    cue: Token
    who: Token | None


def _bounds(tokens: list[Token]) -> tuple[int, int] | None:
    """Character bounds of tokens with edge punctuation and a leading ``that`` trimmed."""
    while tokens and (
        tokens[0].text in TRIM or tokens[0].lower_ in COMPLEMENTIZERS or tokens[0].is_space
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in TRIM or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < MIN_CONTENT_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def _clause_without(head: Token, cut: Token) -> list[Token]:
    """The tokens of ``head``'s subtree that are not in ``cut``'s subtree."""
    removed = {t.i for t in cut.subtree}
    return [t for t in head.subtree if t.i not in removed]


def _content_of(verb: Token) -> list[Token] | None:
    """The clause a reporting verb reports, before or after it."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _subtree(child) + _misattached_rest(verb, child)
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and _to_infinitive(child):
            # "warned Mr Brown not to be tempted ...": what the addressee is told to do
            return _subtree(child)
    for obj in verb.children:
        clause = _that_clause_on(obj) if obj.dep_ == "dobj" else None
        if clause is not None:
            # "told a party gathering that ...": the clause hung on the addressee is the content
            return _subtree(clause)
        if obj.dep_ == "dobj" and obj.lemma_.lower() in CLAIM_NOUNS:
            clause = next((c for c in obj.children if c.dep_ in ("ccomp", "acl")), None)
            if clause is not None and clause.pos_ in ("VERB", "AUX"):
                # "denied suggestions there will be a giveaway": the clause the noun carries
                return _subtree(clause)
    if verb.lemma_.lower() in CALL_FOR:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                return [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i < verb.i:
        return [t for t in _clause_without(verb.head, verb) if t.i < verb.i]
    if verb.dep_ == "parataxis" and _set_off(verb):
        # "By contrast, he said, Labour had listened": the clause after a parenthetical cue
        return [t for t in _clause_without(verb.head, verb) if t.i > verb.i]
    if verb.dep_ == "ROOT":
        # ", X said." parsed with the reported clause as the verb's left dependent
        lefts = [c for c in verb.lefts if c.dep_ in ("ccomp", "parataxis", "advcl", "dep")]
        if lefts:
            return [t for c in lefts for t in c.subtree]
    return None


def _misattached_rest(verb: Token, clause: Token) -> list[Token]:
    """The rest of a reported clause that the parse hung on the cue itself, right after the
    clause: a second ``ccomp`` ("believes that X are held, should be entitled ..."), an
    infinitive ``advcl`` ("insisted it was for Parliament, to decide ..."), or a conjoined clause
    with its own subject ("said X and it was a matter for the firm") that is no cue of its own."""
    if clause.i < verb.i:
        return []
    rest: list[Token] = []
    pending: list[Token] = []
    for child in (c for c in verb.rights if c.i > clause.i):
        if child.dep_ in ("cc", "punct"):
            pending.append(child)
            continue
        if not _continues_the_clause(child):
            break
        rest += pending + list(child.subtree)
        pending = []
    return rest


def _continues_the_clause(child: Token) -> bool:
    if is_cue(child):
        return False
    if child.dep_ == "ccomp":
        return True
    if child.dep_ == "advcl":
        return not any(c.dep_ == "mark" for c in child.children)
    return child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


def _that_clause_on(obj: Token) -> Token | None:
    """A ``that`` clause the parse hung on a cue's object (``told the meeting that ...``)."""
    for clause in obj.children:
        if clause.dep_ in ("acl", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
        ):
            return clause
    return None


def _set_off(verb: Token) -> bool:
    """The cue's clause is set off by commas on both sides (``, he said,``)."""
    edges = list(verb.subtree)
    doc = verb.doc
    before = doc[edges[0].i - 1] if edges[0].i > 0 else None
    after = doc[edges[-1].i + 1] if edges[-1].i + 1 < len(doc) else None
    inner = [t.text for t in edges]
    opens = inner[0] == "," or (before is not None and before.text == ",")
    closes = inner[-1] == "," or (after is not None and after.text == ",")
    return opens and closes


def _to_infinitive(verb: Token) -> bool:
    """The clause is a ``to`` infinitive (``to impose``, ``not to be tempted``)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _beside(phrase: Token, sent: TokenSpan) -> list[Token]:
    """The sentence on the far side of a framing phrase: after it when it opens, else before."""
    first = min(t.i for t in phrase.subtree)
    last = max(t.i for t in phrase.subtree)
    before = [t for t in sent if t.i < first]
    after = [t for t in sent if t.i > last]
    return after if len(after) >= len(before) else before


def _according(token: Token, sent: TokenSpan) -> tuple[list[Token], Token | None] | None:
    """``according to X, ...`` and ``..., according to X``: the other side, spoken by X."""
    obj = None
    for prep in token.children:
        if prep.lower_ == "to":
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
    if obj is None:
        return None
    return _beside(token, sent), obj


def _noun_cue(noun: Token) -> tuple[list[Token], Token | None] | None:
    """``his call for party unity``, ``her promise to serve``, ``the claim that ...``: what the
    noun reports, and who made it (possessor, ``by``/``from`` agent, or the subject of the verb
    the noun is the object of: "issued a call for")."""
    content: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            content = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        elif child.dep_ in ("acl", "ccomp", "relcl") and (
            _to_infinitive(child)
            or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        ):
            content = _subtree(child)
        if content:
            break
    if not content:
        return None
    return content, _noun_speaker(noun)


def _noun_speaker(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return subject_of(noun.head)
    return None


def _in_words(token: Token, sent: TokenSpan) -> tuple[list[Token], Token | None] | None:
    """``in X's words, ...``: the other side of the phrase, spoken by X."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    prep = token.head
    if owner is None or prep.lower_ != "in":
        return None
    return _beside(prep, sent), owner


def polarity(cue: Token) -> tuple[bool, bool]:
    """Whether a cue is negated ("did not think") and whether it hedges ("thinks", "may have
    said"): the lemmas and auxiliaries are ``hedges`` and ``hedge_modals`` in ``cues.json``."""
    lex = cues()
    negated = any(child.dep_ == "neg" for child in cue.children)
    hedged = cue.lemma_.lower() in lex.hedges or any(
        child.dep_ == "aux" and child.lower_ in lex.hedge_modals for child in cue.children
    )
    return negated, hedged


def find_reported(doc: Doc, paragraphs: list[tuple[int, int]], quotes: Coverage) -> list[Reported]:
    """Reported statements in the paragraphs, outside direct quotations."""
    found: list[Reported] = []
    lex = cues()
    held = Disjoint(paragraphs)
    for sent in doc.sents:
        for token in sent:
            para = held.holding(token.idx)
            if para is None or inside(token.idx, quotes):
                continue
            content: list[Token] | None = None
            who: Token | None = None
            if token.lower_ in lex.according_to:
                hit = _according(token, sent)
                if hit:
                    content, who = hit
            elif token.lower_ in lex.words_nouns:
                hit = _in_words(token, sent)
                if hit:
                    content, who = hit
            elif token.pos_ == "NOUN" and token.lemma_.lower() in lex.noun_cues:
                hit = _noun_cue(token)
                if hit:
                    content, who = hit
            elif is_cue(token) and token.lemma_.lower() not in lex.direct_only:
                content = _content_of(token)
                who = subject_of(token)
            if not content:
                continue
            content = [t for t in content if para[0] <= t.idx < para[1] and t.i != token.i]
            bounds = _bounds(sorted(content, key=lambda t: t.i))
            if bounds is None:
                continue
            found.append(Reported(bounds[0], bounds[1], token, who))
    return found
