"""Reported speech: ``X said (that) ...``, ``..., X said``, ``according to X``, ``in X's words``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.actors.lexicon import lexicon
from dateline.cue_lexicon import cues
from dateline.names import HONORIFICS, TITLE_JOINERS
from dateline.quotes.direct import UNSPOKEN, inside, is_cue
from dateline.quotes.speaker import DOCUMENT_NOUNS, TIMES, people_word, speaker_subject
from dateline.spans import Coverage, Disjoint
from dateline.syntax import clause_read_as_object

MIN_CONTENT_TOKENS = 2
"""The fewest tokens a reported statement has: a thing named in two words ("cited the figure",
"called for a recount"); a statement this short must name a thing or an act asked for ("to reconsider"), not be a
clause cut short ("It was"), up to ``SHORT_CONTENT_TOKENS``."""
SHORT_CONTENT_TOKENS = 2
MIN_OBJECT_TOKENS = 3
"""The fewest tokens of the plain object of a cue in ``handling_verbs`` taken as what was put
forward: two words are too often a thing handled ("noted the time", "conceded two goals")."""
MIN_KEPT_WORDS = 4
"""An outer statement cut before an inner one by the same speaker keeps at least this many."""
TRIM = set(",;:—–-\"“”‘’'() ")
COMPLEMENTIZERS = cues().complementizers
"""Words trimmed from the start of a reported clause ("said that ...")."""
SET_OFF = {",", "—", "–", "-", "("}
"""Marks that set a trailing cue clause off from the content before it."""
CLAIM_NOUNS = cues().claim_nouns
"""Nouns whose clause is the statement a cue verb reports ("denied claims that ...")."""
CLAUSAL = {"advcl", "ccomp", "parataxis", "csubj", "conj", "cc", "mark"}
"""Dependents of a cue that hold clauses (what it reports), not the cue's own words."""
OBJECT_CUES = cues().object_cues
"""Statement verbs whose noun-phrase object is what the speaker put forward (not an addressee:
"told the committee", nor a belief: "expects a deal")."""


@dataclass
class Reported:
    """One reported statement: content bounds, cue token and the subject token of the cue."""

    start: int
    end: int
    cue: Token
    who: Token | None
    clause: bool = True
    """The content is a clause (what was said), not a noun phrase (what was cited or denied)."""


def clause_start(r: Reported, within: int) -> int:
    """Where the clause of a reported statement begins inside an outer one starting at
    ``within``: its speaker, cue or content (not a speaker that opens the outer one too: "he
    fought on and called it a cold")."""
    starts = [r.start, r.cue.left_edge.idx]
    if r.who is not None and (r.who.head.i == r.cue.i or r.who.idx > within):
        starts.append(r.who.left_edge.idx)
    return min(starts)


def cut_before(r: Reported, cut: int) -> tuple[int, int] | None:
    """The content of ``r`` ended before an inner statement at ``cut`` that is set off from it
    ("A, though she noted B": A), whole when the inner one is embedded in it ("the money he says
    he raised"), and None when fewer than ``MIN_KEPT_WORDS`` words come before it."""
    kept = _kept_before(r, cut, lambda t: t.is_punct or t.is_space or t.dep_ in ("cc", "mark"))
    if kept is None:
        return None
    tokens, joint = kept
    if not any(t.text in SET_OFF for t in joint):
        return r.start, r.end
    return r.start, tokens[-1].idx + len(tokens[-1].text)


def cut_beside(r: Reported, cut: int) -> tuple[int, int] | None:
    """The content of ``r`` ended before a statement set beside it at ``cut`` ("A, while the
    Tories say B": A, its closing quotation mark kept), or None when fewer than
    ``MIN_KEPT_WORDS`` words come before it."""
    kept = _kept_before(
        r, cut, lambda t: t.is_space or t.dep_ in ("cc", "mark") or t.text in SET_OFF
    )
    if kept is None:
        return None
    tokens = kept[0]
    return r.start, tokens[-1].idx + len(tokens[-1].text)


def _kept_before(
    r: Reported, cut: int, joint: Callable[[Token], bool]
) -> tuple[list[Token], list[Token]] | None:
    """The words of ``r`` before ``cut`` without the ``joint`` words that end them (those popped,
    last first), or None when fewer than ``MIN_KEPT_WORDS`` words are left."""
    tokens = [t for t in r.cue.sent if r.start <= t.idx < cut]
    popped: list[Token] = []
    while tokens and joint(tokens[-1]):
        popped.append(tokens.pop())
    if sum(not t.is_punct for t in tokens) < MIN_KEPT_WORDS:
        return None
    return tokens, popped


def _bounds(tokens: list[Token], shortest: int = MIN_CONTENT_TOKENS) -> tuple[int, int] | None:
    """Character bounds of tokens with edge punctuation and a leading ``that`` trimmed."""
    while tokens and (
        tokens[0].text in TRIM
        or (tokens[0].lower_ in COMPLEMENTIZERS and tokens[0].dep_ != "det")
        or tokens[0].is_space
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in TRIM or tokens[-1].is_punct or tokens[-1].is_space):
        if _closes_a_quotation(tokens):
            break  # "Tax cuts 'will wait'": the phrase quoted inside keeps its closing mark
        tokens = tokens[:-1]
    if len(tokens) < shortest or (
        len(tokens) <= SHORT_CONTENT_TOKENS and not _names_a_thing(tokens)
    ):
        return None
    last = tokens[-1]
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if after is not None and _closes_a_quotation([*tokens, after]):
        last = after  # "is a “dog’s dinner”, he said": the mark the parse hung on the cue
    return tokens[0].idx, last.idx + len(last.text)


def _names_a_thing(tokens: list[Token]) -> bool:
    """A short phrase that names a thing ("the figure") or an act asked for ("urged them to
    reconsider"), not a clause cut short ("It was", "is likely")."""
    if tokens[0].lower_ == "to" and tokens[-1].pos_ == "VERB":
        return True
    if tokens[-1].lemma_.lower() in CLAIM_NOUNS:
        return False  # "denied the claims": what was claimed is told elsewhere
    return any(t.pos_ in ("NOUN", "PROPN") for t in tokens) and not any(
        t.pos_ in ("VERB", "AUX") for t in tokens
    )


OPENER_OF = {"'": "'", "’": "‘", '"': '"', "”": "“"}
"""Closing quotation marks and the mark that opens what they close."""


def _closes_a_quotation(tokens: list[Token]) -> bool:
    """The last token is a quotation mark that closes one opened among the tokens before it."""
    opener = OPENER_OF.get(tokens[-1].text)
    if opener is None:
        return False
    before = [t.text for t in tokens[:-1]]
    if opener == tokens[-1].text:  # straight marks: an odd count before opens one
        return before.count(opener) % 2 == 1
    return before.count(opener) > before.count(tokens[-1].text)


def _subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def _without_anothers_statement(content: list[Token]) -> list[Token]:
    """``said the landlord had misled them and builders accused the council of ...``:
    a cue joined by "and"/"but" at the end of a reported clause, with a named subject of its
    own, is another's statement the parse hung low, not part of this one."""
    ordered = sorted(content, key=lambda t: t.i)
    for token in ordered:
        if (
            token.dep_ != "conj"
            or not is_cue(token)
            or token.tag_ not in FINITE_TAGS  # not "and the board was seeking a substitute"
            or token.lemma_.lower() in UNSPOKEN
            or token.right_edge.i != ordered[-1].i
        ):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        start = token.left_edge.i
        while (
            start > 0 and token.doc[start - 1].dep_ in ("cc", "punct") and start - 1 > ordered[0].i
        ):
            start -= 1
        return [t for t in ordered if t.i < start]
    return content


def _clause_on_the_medium(verb: Token) -> list[Token] | None:
    """``said in a statement that the president would veto the bill``: the parse hangs the
    "that" clause on the document the cue names as its medium (``document_nouns``), where it is
    what was said, not what the statement is."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in MEDIUM_PREPS:
            continue
        for medium in prep.children:
            if medium.dep_ != "pobj" or medium.lemma_.lower() not in DOCUMENT_NOUNS:
                continue
            clause = next(
                (
                    c
                    for c in medium.children
                    if c.dep_ in ("acl", "ccomp")
                    and c.i > medium.i
                    and c.pos_ in ("VERB", "AUX")
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ),
                None,
            )
            if clause is not None:
                return [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
    return None


MEDIUM_PREPS = frozenset({"in", "on"})


def _without_time_of_saying(verb: Token, clause: Token, content: list[Token]) -> list[Token]:
    """``said on Monday he would resign``, ``said Saturday two suspects were held``: a time right
    after the cue and its own words, before the reported clause's subject and with no "that" before it, tells
    when it was said, whatever the parse hung it on; the content starts after it (``said that
    on Monday he would ...`` keeps it: the "that" opens the clause first)."""
    doc = verb.doc
    after = _core(verb)[1] + 1  # past the cue's own words ("told reporters on Monday ...")
    if after >= len(doc) or clause.i <= after:
        return content
    phrase = doc[after]
    if phrase.head != clause or phrase.dep_ not in ("prep", "npadvmod"):
        return content
    if not any(t.ent_type_ in TIMES for t in phrase.subtree):
        return content
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i != phrase.right_edge.i + 1:
        return content
    return [t for t in content if t.i > phrase.right_edge.i]


def _without_a_question(content: list[Token]) -> list[Token]:
    """``told supporters she was back - but does that sum up the mood?``: a question joined on
    after a dash (its auxiliary before its subject, ending in a question mark) to a reported
    clause that asks nothing itself is the writer's, since a reported statement asks nothing in
    that order (``asked: will fares rise - and does the board know?`` stays whole: ``_asks``
    of the first clause); the content ends before the dash."""
    ordered = sorted(content, key=lambda t: t.i)
    for token in ordered:
        if token.dep_ != "conj" or not _asks(token):
            continue
        before = [t for t in ordered if t.i < token.left_edge.i]
        dash = next((t for t in reversed(before) if t.text in DASHES), None)
        if dash is not None and all(
            t.dep_ == "cc" or t.is_punct for t in before[before.index(dash) :]
        ):
            return [t for t in ordered if t.i < dash.i]
    return content


DASHES = {"-", "–", "—", "--"}


def _reports_a_question(verb: Token, clause: Token) -> bool:
    """The cue reports a question ("asked whether fares would rise - and would the board even
    notice?"): a questioning cue, or a clause opened by whether, if or a wh-word; what follows
    the dash is then the speaker's too."""
    if verb.lemma_.lower() in ASKING_CUES:
        return True
    opener = clause.left_edge
    return opener.lower_ in ("whether", "if") or opener.tag_ in ("WDT", "WP", "WP$", "WRB")


ASKING_CUES = frozenset({"ask", "wonder", "question", "query", "inquire", "enquire"})


def _asks(verb: Token) -> bool:
    """The clause is a direct question: an auxiliary before its subject, a question mark at its
    end ("does that sum up the mood?")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), None)
    if verb.pos_ == "AUX" and aux is None:
        aux = verb  # "why should they not?": the modal heads the clause
    doc, end = verb.doc, verb.right_edge.i
    while end > verb.i and doc[end].is_space:
        end -= 1
    return (
        subject is not None
        and aux is not None
        and aux.i < subject.i
        and (doc[end].text == "?" or (end + 1 < len(doc) and doc[end + 1].text == "?"))
    )


def _clause_without(head: Token, cut: Token) -> list[Token]:
    """The tokens of ``head``'s subtree that are not in ``cut``'s subtree."""
    removed = {t.i for t in cut.subtree}
    return [t for t in head.subtree if t.i not in removed]


ASIDE_MARKS = {"as"}
"""Marks that set a cue aside inside the clause it vouches for ("As Ms Reyes said, ...")."""
ASIDE_DEPS = {"nsubj", "mark", "aux", "advmod", "npadvmod", "prt", "prep", "punct"}
"""What an aside cue may have of its own: a subject, the mark, a time or a medium ("as she
noted in a speech on Monday"), nothing that is itself what was said."""


def _as_aside(verb: Token) -> list[Token] | None:
    """``As several engineers have pointed out, the bridge is safe to ...``, ``the plan will fail,
    as the minister said``: a cue set aside with "as" inside the clause it hangs on vouches for
    that clause. Only a cue of ``aside_cues`` ("as she testified, the lights went out" is a
    time), with a subject ("as expected") that is not the reader ("as you know"), nothing of
    its own that was said ("as he said he would"), and set off by a comma when it follows."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ASIDE_MARKS), None)
    who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        mark is None
        or who is None
        or who.lower_ in READERS
        or verb.dep_ != "advcl"
        or verb.tag_ == "VBG"  # "as she was testifying": a time
        or verb.lemma_.lower() not in cues().aside_cues
        or any(c.dep_ not in ASIDE_DEPS for c in verb.children)
    ):
        return None
    doc = verb.doc
    start = verb.left_edge.i
    if verb.i > verb.head.i and (start == 0 or doc[start - 1].text != ","):
        return None  # "He left the room as she answered": no comma, no aside
    last = max(mark.i, verb.i, *(c.right_edge.i for c in verb.children if c.i < verb.i))
    close = next((t.i for t in doc[last + 1 : verb.right_edge.i + 1] if t.text == ","), None)
    end = close if close is not None else verb.right_edge.i
    own = {t.i for c in verb.head.children if _own_clause(c) for t in c.subtree}
    cut = set(range(start, end + 1)) | own  # "..., and Jones agreed": another's statement
    content = [t for t in verb.head.subtree if t.i not in cut]
    before = [t for t in content if t.i < start]
    if all(t.dep_ in LINKING_DEPS for t in before):
        content = [t for t in content if t.i > start]  # "Yet, as Mr Lowe noted, ...": no "Yet"
    content = _without_links(content)
    return content if any(t.pos_ in ("VERB", "AUX") for t in content) else None


def _without_links(content: list[Token]) -> list[Token]:
    """Content without the linking words at its edges: ``however,`` right after an aside, the
    ``and`` before a clause cut off."""
    while content and content[-1].dep_ in LINKING_DEPS:
        content = content[:-1]
    while len(content) > 1 and content[0].dep_ in LINKING_DEPS and content[1].text == ",":
        content = content[2:]
    return content


READERS = {"you"}
"""An aside's subject that is the reader ("As you know, ..."), who vouches for nothing."""


def _own_clause(child: Token) -> bool:
    """A clause joined to another with a subject of its own ("..., and Jones agreed")."""
    return child.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)


LINKING_DEPS = {"advmod", "cc", "mark", "punct"}
"""Words that only link a clause to another ("But", "Yet", "If")."""


def _continued_past(verb: Token) -> list[Token]:
    """``The economy had grown, he said, and was forecast to grow``: a verb phrase with no
    subject of its own, after a cue set off inside a clause, that the parse joined to the
    clause's verb goes on with the clause before the cue (its words and the cue between them are
    the content). One the parse joined to the cue is the speaker's own act ("The talks failed,
    Mr Jones said, and blamed the rebels")."""
    return [
        t
        for c in verb.head.children
        if c.dep_ == "conj"
        and c.i > verb.i
        and c.pos_ in ("VERB", "AUX")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        for t in c.subtree
    ]


BACKSHIFT_AUX = frozenset({"would", "could", "might", "should", "must", "had"})
"""Auxiliaries of a clause told in reported speech ("..., he said, but it would not close")."""
MODAL_BACKSHIFT = BACKSHIFT_AUX - {"had"}
GOING_ON = frozenset({"but", "and"})
LATER_ON = frozenset({"later", "eventually", "afterwards", "subsequently", "then", "since"})
"""Adverbs that tell what happened after the report: the writer's narration ("he said, but he
would later resign")."""


def _reported_on(verb: Token) -> list[Token]:
    """``The pier would close, the council said, but it would not stop the ferry``: a clause
    that the parse joined to a cue set off inside the reported clause, joined by "but" or
    "and", with a subject of its own, told with a backshifted auxiliary ("would", "had") and no
    cue of its own, goes on with what was said. Not without a subject ("..., a spokeswoman
    said, but could not give their ages": her own act), in the simple past ("..., he said, and
    the crowd cheered"), or told as what came after ("but he would later resign"); of a
    pronoun subject (the speaker, most often) only with a modal ("but he would not back down",
    not "but he had left by then")."""
    return [t for c in verb.children if _goes_on_with(verb, c) for t in c.subtree]


def _goes_on_with(verb: Token, clause: Token) -> bool:
    """``clause``, joined to the cue ``verb``, goes on with what was said (``_reported_on``)."""
    if clause.dep_ != "conj" or clause.i < verb.i or clause.pos_ not in ("VERB", "AUX"):
        return False
    if is_cue(clause) or not any(
        g.dep_ == "cc" and g.lower_ in GOING_ON for g in verb.children if g.i < clause.i
    ):
        return False
    subject = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    auxes = {g.lower_ for g in clause.children if g.dep_ in ("aux", "auxpass")}
    if subject is None or _narrated(clause):
        return False
    wanted = MODAL_BACKSHIFT if subject.tag_ == "PRP" and subject.lower_ != "it" else BACKSHIFT_AUX
    return bool(auxes & wanted)


def _content_of(verb: Token) -> list[Token] | None:
    """The clause a reporting verb reports, before or after it."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    fronted = [c for c in clauses if c.i < verb.i]
    if fronted and _set_off_before(verb, fronted[-1]):
        # "A. B, he announced" with a glued headline: every clause before the cue is content
        return [t for c in fronted for t in c.subtree]
    clauses = [c for c in clauses if c.i > verb.i]
    if clauses:
        first = clauses[0]
        content = _object_as_subject(verb, first) + _subtree(first)
        content = _without_anothers_statement(content) + _misattached_rest(verb, first)
        content = _without_time_of_saying(verb, first, content)
        if _asks(first) or _reports_a_question(verb, first):
            return content
        return _without_a_question(content)
    aside = _as_aside(verb)
    if aside is not None:
        return aside
    medium = _clause_on_the_medium(verb)
    if medium is not None:
        return medium
    said = _clause_said_as_object(verb)
    if said is not None:
        return said
    misread = clause_read_as_object(verb)
    if misread is not None:
        return list(verb.doc[misread[0] : misread[1]])
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and _to_infinitive(child):
            if is_cue(child) and any(c.dep_ == "nsubjpass" for c in verb.children):
                return None  # "Smith is alleged to have said that ...": the inner cue reports
            # "warned Mr Brown not to be tempted ...": what the addressee is told to do
            return _subtree(child)
        if (
            child.dep_ == "xcomp"
            and child.tag_ == "VBG"
            and child.i > verb.i
            and verb.lemma_.lower() in OBJECT_CUES
        ):
            return _subtree(child)  # "proposes doing away with the mandate"
    named = _named_as(verb)
    if named:
        return named
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
    by_prep = _prep_content(verb)
    if by_prep is not None:
        return by_prep
    if (
        verb.dep_ in ("parataxis", "ccomp", "advcl")
        and verb.head.i < verb.i
        and _set_off_after(verb)
        and not _object_of(verb)  # "..., citing a risk to local farmers": what is cited
    ):
        # "The talks failed, he said": the clause before a cue set off after it
        before = [t for t in _clause_without(verb.head, verb) if t.i < verb.i]
        return before + _continued_past(verb)
    if verb.dep_ == "parataxis" and _set_off(verb):
        around = _clause_without(verb.head, verb)
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.head.children):
            # "The museum, Mr. Obama said, would make ...": a cue between subject and verb
            # interrupts one clause, which is the content on both sides of it
            return around
        # "By contrast, he said, Labour had listened": the clause after a parenthetical cue
        return [t for t in around if t.i > verb.i]
    if verb.dep_ == "ROOT":
        # ", X said." parsed with the reported clause as the verb's left dependent
        lefts = [c for c in verb.lefts if c.dep_ in ("ccomp", "parataxis", "advcl", "dep")]
        if lefts:
            return [t for c in lefts for t in c.subtree]
    return None


def _prep_content(verb: Token) -> list[Token] | None:
    """``called for party unity``, ``accused the GOP of stoking the issue``, ``spoke of her
    plans``: the phrase or clause that the cue's content preposition opens."""
    wanted = cues().content_preps(verb.lemma_.lower())
    if not wanted or _not_put_forward(verb) or _thing_subject(verb):
        return None
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    # "accused the GOP of": "of" on either, or on the object's last conjunct ("accused the
    # minister and his deputy of ...", where the parse hangs it on "deputy")
    holders = [verb] if dobj is None else [verb, dobj, *dobj.conjuncts]
    prep = next(
        (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in wanted), None
    )
    if prep is not None:
        if any(_not_a_topic(c) for c in prep.children if c.dep_ == "pobj"):
            return None
        content = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        if dobj is not None and dobj.i < prep.i and content:
            # "accused the GOP of stoking the issue": who stands accused, and of what
            return list(verb.doc[dobj.left_edge.i : content[-1].i + 1])
        return content
    marked = _clause_marked_by(verb, wanted)
    if marked is not None:
        return [t for t in marked.subtree if not (t.dep_ == "mark" and t.head.i == marked.i)]
    return None


REFUSALS = frozenset({"decline", "refuse", "fail", "reach", "unable", "avoid"})
"""Words over a cue that say it was never made ("declined to comment on", "could not be reached
to comment on", "was unable to talk about")."""
UNMADE_AUX = frozenset({"will", "shall", "'ll", "would", "could", "can", "may", "might", "must"})
"""Auxiliaries of an act not (yet) done ("will talk about", "could comment on")."""


SPELLS = frozenset({"while", "time", "moment", "hour", "minute", "day"})
"""Nouns of a stretch of time, which no one puts forward ("argued for a while")."""


def _not_a_topic(phrase: Token) -> bool:
    """A prepositional object that is who is spoken for ("argued for his client") or a time
    ("argued for a while", "talked for hours on Monday"), not what was put forward."""
    return (
        people_word(phrase)
        or phrase.ent_type_ in ("DATE", "TIME")
        or phrase.lemma_.lower() in SPELLS
    )


def _asked(token: Token) -> bool:
    """The token's sentence is a question (its last word, past any line break, is "?")."""
    words = [t for t in token.sent if not t.is_space]
    return bool(words) and words[-1].text == "?"


def _thing_subject(verb: Token) -> bool:
    """The cue's subject is a thing that puts nothing forward ("The hotel boasts of three
    pools"): a common noun that names no people, body or writing, and no entity."""
    who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        who is not None
        and who.pos_ == "NOUN"
        and who.lemma_.lower() not in cues().document_nouns
        and not any(t.ent_type_ or people_word(t) for t in who.subtree)  # "the likes of X"
    )


def _not_put_forward(verb: Token) -> bool:
    """A cue whose phrase was never put forward: negated ("did not comment on"), refused or
    failed ("declined to comment on"), yet to come or only possible ("will talk about"), an
    instruction ("Ask about our offers") or a question ("Will she talk about ...?")."""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "advcl", "acomp") and len(chain) < 4:
        chain.append(chain[-1].head)
    for word in chain:
        if word.lemma_.lower() in REFUSALS and word is not verb:
            return True
        if any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNMADE_AUX) for c in word.children
        ):
            return True
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in chain[-1].children)
    if chain[-1].dep_ == "ROOT" and not subject and chain[-1].tag_ == "VB":
        return True  # "Ask about our offers"
    return _asked(verb)


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _clause_said_as_object(verb: Token) -> list[Token] | None:
    """``said many of the examples critics point to failed to note ...``: the parse made the
    subject of a reported clause the object of ``say`` and hung the clause's verb inside it; an
    object of ``say`` that holds a finite verb is what was said."""
    if verb.lemma_.lower() != "say":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    tokens = list(obj.subtree)
    if not any(t.tag_ in FINITE_TAGS for t in tokens):
        return None
    return tokens


def _object_as_subject(verb: Token, clause: Token) -> list[Token]:
    """``stressed a rise in rates would not affect ...``: the parse made the subject of a
    subjectless reported clause the cue's object; it belongs to the clause."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None:
        obj = _phrase_before(verb, clause)
    if obj is None:
        return []
    return list(verb.doc[obj.left_edge.i : clause.left_edge.i])


ADDRESSEE_PREPS = frozenset({"to"})
"""Prepositions whose object after a cue is the one told ("said to the committee ...")."""
TIME_ENTITIES = frozenset({"DATE", "TIME"})
"""Entity types of a phrase that says when, not who ("said on Monday the plans ...")."""


def _phrase_before(verb: Token, clause: Token) -> Token | None:
    """``said around a dozen members were planning to leave``: a noun phrase the parse hung on
    the cue as a preposition's object, right between the cue and its subjectless clause, is the
    clause's subject (no comma between, so not "said on Monday, ...")."""
    before = [c for c in verb.children if c.dep_ == "prep" and verb.i < c.i < clause.i]
    if len(before) != 1 or before[0].lower_ in ADDRESSEE_PREPS:
        return None  # "said to the committee members would be consulted": who was told
    prep = before[0]
    if prep.i != verb.i + 1 or prep.right_edge.i + 1 != clause.left_edge.i:
        return None
    if any(t.is_punct for t in verb.doc[verb.i + 1 : clause.left_edge.i]):
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN", "NUM") or noun.ent_type_ in TIME_ENTITIES:
        return None
    return prep


def _named_as(verb: Token) -> list[Token]:
    """``called the vote a mistake``, ``described the plan as reckless``: the object and what
    the cue names it, the speaker's judgement."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    named = next(
        (
            c
            for c in verb.children
            if c.i > obj.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))
        ),
        None,
    )
    if named is None:
        return []
    if obj.i < verb.i:
        return list(named.subtree)  # "what he called a breach": the name he gave it
    return list(verb.doc[obj.left_edge.i : named.right_edge.i + 1])


CAPACITY_NOUNS = frozenset({"child", "boy", "girl", "teenager", "student", "adult", "youngster"})
"""Nouns that after "as" say in what capacity or when someone acted ("as a child"), no judgement."""


def _judged_as(verb: Token) -> list[Token]:
    """``attacked the pledges as "empty"``, ``dismissed X as a spent force``: what a judging cue
    calls its object; not the capacity its speaker acts in ("praised the staff as chair of the
    trust", "as a child"), nor "dismissed Mr X as head of sales" (a firing)."""
    named = _named_as(verb)
    if not named:
        return []
    name = next((c for c in verb.children if c.dep_ in ("prep", "oprd") and c.i > verb.i), None)
    head = next((c for c in name.children if c.dep_ == "pobj"), name) if name is not None else None
    bare_role = (
        head is not None
        and head.lemma_.lower() in lexicon().heads
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )  # "as leader of the opposition", not "as a fading force"
    if bare_role or (head is not None and head.lemma_.lower() in CAPACITY_NOUNS):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.lemma_.lower() == "dismiss" and obj is not None and _a_person(obj):
        return []
    return named


def _a_person(token: Token) -> bool:
    """The word names a person: the recogniser's, or a name after Mr, Ms, Dr ..."""
    return token.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.lower_ in HONORIFICS for c in token.children
    )


SMALL_CLAUSES = frozenset({"oprd", "xcomp", "ccomp"})
"""Links of a name given with its own subject ("branded [the scheme unworkable]")."""
NAME_MARKS = frozenset({"as", '"', "“", "”", "'", "‘", "’"})
"""Words after an object's head that give it a name ("as", a quotation mark)."""


def _name_inside_object(verb: Token) -> list[Token]:
    """``branded the proposal unworkable``, ``branded the way it was run as "scandalous"``: the
    name a naming cue gives, which the parse hung inside its object (an adjective after the
    noun, an ``as`` phrase on a clause in it): the object phrase is what was said."""
    small = next((c for c in verb.children if c.dep_ in SMALL_CLAUSES and c.i > verb.i), None)
    if small is not None and any(c.dep_ == "nsubj" for c in small.children):
        return list(small.subtree)  # "branded the scheme unworkable", parsed as a small clause
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return []
    after = [t for t in obj.subtree if t.i > obj.i]
    given = any(c.pos_ == "ADJ" and c.i > obj.i for c in obj.children)  # "the scheme unworkable"
    if not given and not any(t.lower_ in NAME_MARKS for t in after):
        return []  # not "characterised the proteins found in the deep trench"
    return list(obj.subtree)


def _clause_marked_by(verb: Token, wanted: frozenset[str]) -> Token | None:
    """``called for the embargo to be lifted``: the clause the content preposition opens."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("advcl", "ccomp")
            and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in wanted for m in c.children)
        ),
        None,
    )


def _misattached_rest(verb: Token, clause: Token) -> list[Token]:
    """The rest of a reported clause that the parse hung on the cue itself, right after the
    clause: a second ``ccomp`` ("believes that X are held, should be entitled ..."), an
    infinitive ``advcl`` ("insisted it was for Parliament, to decide ...") or ``xcomp``, or a
    conjoined clause with its own subject ("said X and it was a matter for the firm") that is no
    cue of its own."""
    if clause.i < verb.i:
        return []
    rest: list[Token] = []
    pending: list[Token] = []
    for child in (c for c in verb.rights if c.i > clause.i):
        if child.dep_ in ("cc", "punct"):
            pending.append(child)
            continue
        if not _continues_the_clause(child) or (
            child.dep_ == "xcomp" and verb.doc[child.left_edge.i - 1].text == ","
        ):
            break  # not ", to demand a fresh inquiry": the speaker's purpose, after a comma
        rest += pending + list(child.subtree)
        pending = []
    return rest


def _continues_the_clause(child: Token) -> bool:
    if child.dep_ == "xcomp":
        return True  # "said the hall cost the town £2m to maintain": whatever its verb
    if is_cue(child):
        return False
    if child.dep_ == "ccomp":
        return True
    if child.dep_ == "advcl":
        return not any(c.dep_ == "mark" for c in child.children)
    return child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


def _that_clause_on(obj: Token) -> Token | None:
    """A ``that`` clause the parse hung on a cue's object (``told the meeting that ...``), or,
    on the addressee of a verb that has one (``addressee_verbs``), a clause with a subject of its
    own and no ``that`` (``told the programme there was a danger``)."""
    addressed = obj.head.lemma_.lower() in cues().addressee_verbs
    for clause in obj.children:
        if clause.dep_ not in ("acl", "relcl"):
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return clause
        if (
            addressed
            and clause.dep_ == "acl"
            and clause.tag_ in FINITE_TAGS
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
        ):
            return clause
        if addressed and clause.dep_ == "relcl" and _said_not_relative(clause):
            return clause
    return None


RELATIVE_WORDS = frozenset({"who", "whom", "which", "that", "whose", "where", "when"})
CLAUSE_COMPLEMENTS = frozenset({"ccomp", "dobj", "acomp", "attr", "oprd"})
"""Complements that fill a verb, so that no object gap is left for the one told (not an
infinitive: "told the people she had helped to stay calm" is what they were told to do)."""


def _said_not_relative(clause: Token) -> bool:
    """``told the programme he hoped mediation would help``: a "relative" clause on the one
    told, with no relative word and a subject of its own, whose verb has its complement (so no
    gap the addressee fills, as in "told the man she met"), is what was said."""
    children = list(clause.children)
    if any(t.lower_ in RELATIVE_WORDS for c in children for t in c.subtree if t.i < clause.i):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children) and any(
        c.dep_ in CLAUSE_COMPLEMENTS for c in children
    )


def _set_off(verb: Token) -> bool:
    """The cue's own words (``he said on Monday``, not the clauses hung on it) are set off by
    commas on both sides (``, he said,``)."""
    first, last = _core(verb)
    doc = verb.doc
    return (
        first > 0
        and doc[first - 1].text == ","
        and last + 1 < len(doc)
        and doc[last + 1].text == ","
    )


def _core(verb: Token) -> tuple[int, int]:
    """The first and last token index of a cue and its non-clausal dependents."""
    kept = [c for c in verb.children if c.dep_ not in CLAUSAL and not c.is_punct]
    first = min([c.left_edge.i for c in kept if c.i < verb.i], default=verb.i)
    last = max([c.right_edge.i for c in kept if c.i > verb.i], default=verb.i)
    return first, last


def _set_off_before(verb: Token, clause: Token) -> bool:
    """A clause before its cue is set off from the cue's own words by a mark (``..., he
    announced``, ``"...?" she asked``, ``...: the council said``). Not a run of words that
    reaches the cue with none ("Harbour party takes stock Jane Ode has told ...": a glued
    headline and the speaker's name read as a clause the cue reports)."""
    first, _ = _core(verb)
    between = verb.doc[clause.right_edge.i : max(first, clause.right_edge.i + 1)]
    return any(t.text in FRONT_MARKS or t.is_quote for t in between)


FRONT_MARKS = SET_OFF | {":", ";", "?", "!", "."}
"""Marks that end a clause reported before its cue (``SET_OFF`` and the ends of a sentence)."""


def _set_off_after(verb: Token) -> bool:
    """The cue's clause follows its content after a break (``..., he said``), and is no clause
    that a cue governs ("said he would not answer": ``answer`` reports nothing of "said")."""
    if verb.dep_ == "ccomp" and is_cue(verb.head):
        return False
    first = verb.left_edge
    before = verb.doc[first.i - 1] if first.i > 0 else None
    return first.text in SET_OFF or (before is not None and before.text in SET_OFF)


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


ACCORDING_LEAD_WORDS = 3
"""Words before ``according to X`` that make them the statement it attributes (fewer: "So,
according to X, ..." attributes what follows)."""


def _according(token: Token, sent: TokenSpan) -> tuple[list[Token], Token | None] | None:
    """``according to X, ...`` and ``..., according to X``: the other side, spoken by X (the
    clause before, when there is one, though more follows: "..., according to the Tax Foundation,
    more than twice what ...")."""
    obj = None
    for prep in token.children:
        if prep.lower_ == "to":
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is None and prep.right_edge.pos_ in ("NOUN", "PROPN"):
                obj = prep.right_edge  # "according to show insiders", "show" taken for a verb
    if obj is None:
        return None
    first = min(t.i for t in token.subtree)
    before = [t for t in sent if t.i < first]
    if sum(not t.is_punct for t in before) >= ACCORDING_LEAD_WORDS:
        return before, obj
    return _beside(token, sent), obj


STANCE_DEPS = frozenset({"acomp", "oprd", "xcomp", "advcl"})
"""Where an adjective of a view stands to the verb whose subject holds it ("are confident",
"came away convinced", "grew worried")."""


def _stance(token: Token) -> bool:
    """An adjective of a view held, after a verb ("MPs are confident that ...")."""
    stances = cues().stance_adjectives
    return (
        (token.lower_ in stances or token.lemma_.lower() in stances)
        and token.pos_ in ("ADJ", "VERB")
        and (token.dep_ in STANCE_DEPS or _held_by(token) is not None)
    )


def _held_by(participle: Token) -> Token | None:
    """The subject of an adjective the parse took for a passive ("Parents were frustrated")."""
    return next((c for c in participle.children if c.dep_ == "nsubjpass"), None)


def _stance_held(adjective: Token) -> tuple[list[Token], Token | None] | None:
    """``MPs are confident that the bill will pass``: the clause is the view, held by the
    subject of the verb before. Not a result ("so angry that police were called"), a question
    ("Are you sure that ...?"), no one's ("Nobody is sure"), or a view inside another's
    statement ("He is sure that she will come, his wife said")."""
    clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None)
    if clause is None or _stance_not_held(adjective):
        return None
    who = _held_by(adjective) or speaker_subject(adjective.head)
    if who is not None and (who.lower_ in NO_ONE or any(c.lower_ in NO_ONE for c in who.children)):
        return None
    return _subtree(clause), who


RESULT_WORDS = frozenset({"so", "such", "too"})
"""Words that make a clause after an adjective a result, not a view ("so angry that ...")."""


def _stance_not_held(adjective: Token) -> bool:
    if any(c.lower_ in RESULT_WORDS for c in adjective.children):
        return True
    if _asked(adjective):
        return True
    verb = adjective.head if adjective.dep_ in STANCE_DEPS else adjective
    return verb.dep_ in ("ccomp", "parataxis") and is_cue(verb.head)


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
    """Who speaks at a noun cue: its possessor, its ``by``/``from`` agent, the subject of the verb
    that has it, or its own subject where the tagger took a verb for a noun ("Trump claims that
    ...": "claims" a NOUN heading the sentence and a clause, "Trump" its subject or modifier)."""
    if noun.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in noun.children):
        subject = next(
            (
                c
                for c in noun.children
                if c.dep_ == "nsubj" or (c.dep_ == "compound" and c.pos_ == "PROPN")
            ),
            None,
        )  # the parse may take the name for a modifier of the noun: "Trump claims"
        if subject is not None:
            return subject
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    held = noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX")
    if held and noun.lemma_.lower() in cues().claim_nouns and _disowns(noun.head):
        # "rejected newspaper speculation that ...": the claim is whoever the modifier names
        named = _named_modifier(noun)
        if named is not None:
            return named
    if held and (may_report(noun.head) or noun.head.lemma_.lower() in LIGHT_VERBS):
        return speaker_subject(noun.head)  # "the judge rejected a Times request to ...": hers
    named = _named_modifier(noun)
    if named is not None:
        return named
    return speaker_subject(noun.head) if held else None


def _turned_down(noun: Token) -> bool:
    """A claim noun that a verb turns down ("played down newspaper reports that ...", "laughed
    off rumours that ..."): its clause is reported, as a noun cue's is."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.lemma_.lower() in cues().claim_nouns
        and _disowns(noun.head)
    )


def _disowning_verb(noun: Token) -> Token | None:
    """``played down reports the pier would close``, ``dismissed claims that ...``: a claim noun
    with no owner of its own that a verb turns down is reported by that verb, not made by its
    subject: the verb is the cue (as "denied claims that ..." is)."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in cues().claim_nouns:
        return None  # a noun by its link, whatever its tag ("played down reports", VBZ)
    if not _disowns(noun.head):
        return None
    owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
                for c in noun.children)  # fmt: skip
    return None if owned or _named_modifier(noun) is not None else noun.head


def _disowns(verb: Token) -> bool:
    """The verb turns down a claim (``disowning_verbs``: "dismissed", "played down")."""
    lemma = verb.lemma_.lower()
    particles = (c.lower_ for c in verb.children if c.dep_ == "prt")
    return lemma in cues().disowning_verbs or any(
        f"{lemma} {p}" in cues().disowning_verbs for p in particles
    )


NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass"}
"""Links of a noun to its head: a cue word in one is a noun, whatever its tag."""
LIGHT_VERBS = {"make", "issue", "give", "repeat", "renew", "deliver", "offer"}
"""Verbs whose subject made the statement the noun object names ("made a Cairo promise to")."""
SPEAKING_MODIFIERS = {"NORP", "ORG", "PERSON", "GPE"}
MODIFIER_POS = {"NOUN", "PROPN", "ADJ"}
"""Entities a modifier of a noun cue names as the one who made it ("Tory demands that")."""


def _named_modifier(noun: Token) -> Token | None:
    """``backed Tory demands that ...``: a party, organisation, person or country modifying the
    noun made the statement, not the subject of the verb that has the noun, who only backs it
    (a verb that reports, "rejected a Times request to", makes the statement its subject's); so
    does a writing ("weekend newspaper reports that ...": ``document_nouns``)."""
    named = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("amod", "compound", "nmod")
            and c.i < noun.i
            and c.ent_type_ in SPEAKING_MODIFIERS
        ),
        None,
    )
    return named or _writing_before(noun)


def _writing_before(noun: Token) -> Token | None:
    """A writing among the words right before the noun, however the parse hung them ("to
    discuss Sunday newspaper reports that": "newspaper" a second object of "discuss")."""
    i = noun.i - 1
    while i >= 0 and noun.doc[i].pos_ in MODIFIER_POS:
        if noun.doc[i].lemma_.lower() in cues().document_nouns:
            return noun.doc[i]
        i -= 1
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
    negated = any(child.dep_ == "neg" for child in cue.children) or (
        cue.lower_ in lex.stance_adjectives
        and cue.dep_ in STANCE_DEPS
        and any(child.dep_ == "neg" for child in cue.head.children)
    )  # "is not confident that"
    hedged = (
        cue.lemma_.lower() in lex.hedges
        or cue.lower_ in lex.stance_adjectives
        or any(child.dep_ == "aux" and child.lower_ in lex.hedge_modals for child in cue.children)
    )
    return negated, hedged


QUESTIONING_CUES = frozenset(
    {"ask", "wonder", "question", "deny", "doubt", "dispute", "refute", "refuse", "decline"}
)
"""Cues whose clause is asked about or denied, not asserted ("asked whether X believed ...")."""
SUPPOSING_MARKS = frozenset({"if", "unless", "whether", "once", "until"})
"""Marks of a clause that supposes or asks rather than states ("if the judges ruled ...")."""
NO_ONE = frozenset({"no", "none", "few", "nobody", "neither"})
"""Subjects or determiners that name no one who holds a view ("no player thought ...")."""
OPINION_CUES = frozenset({"think", "believe", "suspect", "guess", "reckon", "imagine", "assume"})
"""Outer cues of one's own opinion, under which another's view is only supposed ("Mr X thinks
Ms Y believes ..."; not "a poll suggested 75% thought ...")."""
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
"""Auxiliaries of a statement yet to be made ("Ms X will argue ...")."""
DOUBTING_WORDS = frozenset(
    {
        "true",
        "untrue",
        "false",
        "possible",
        "likely",
        "unlikely",
        "idea",
        "wait",
        "refuse",
        "decline",
    }
)
"""Words between two cues that hold the inner statement in doubt ("not true that", "the idea
that", "waiting for X to confirm", "refused to confirm that")."""


def asserted_inside(cue: Token) -> bool:
    """Whether a statement inside another one's clause is put forward there as someone's own:
    not a prediction ("would say") or a wish or finding (``unspoken``), not no one's ("no player
    thought"), not under a condition or question ("said if the judges ruled ...", "asked
    whether the minister believed ..."), not inside a cue that is negated or denies it."""
    lex = cues()
    if cue.lemma_.lower() in lex.unspoken or any(
        c.dep_ == "aux" and c.lower_ in lex.hedge_modals | FUTURE_AUX for c in cue.children
    ):
        return False
    who = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if who is not None and (
        who.lower_ in NO_ONE
        or any(c.dep_ in ("det", "amod") and c.lower_ in NO_ONE for c in who.children)
    ):
        return False
    node = cue
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in SUPPOSING_MARKS for c in node.children):
            return False
        head = node.head
        if head is node:
            return True
        if head.lemma_.lower() in DOUBTING_WORDS or any(c.dep_ == "neg" for c in head.children):
            return False  # "it was not true that ...", "rejected the idea that ..."
        if is_cue(head):
            return (
                not polarity(head)[0]
                and not any(c.dep_ == "aux" and c.lower_ in lex.hedge_modals for c in head.children)
                and head.lemma_.lower() not in QUESTIONING_CUES | OPINION_CUES
                and head.head.lemma_.lower() not in QUESTIONING_CUES  # "refused to confirm"
            )
        node = head
    return True


def find_reported(doc: Doc, paragraphs: list[tuple[int, int]], quotes: Coverage) -> list[Reported]:
    """Reported statements in the paragraphs, outside direct quotations."""
    found: list[Reported] = []
    held = Disjoint(paragraphs)
    may = _may_report_at(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            if i not in may:
                continue
            token = doc[i]
            para = held.holding(token.idx)
            if para is None or inside(token.idx, quotes):
                continue
            parts, who = _statement(token, sent)
            cue = _disowning_verb(token) or token
            clause = True
            if not parts:
                cited = _object_of(token)
                if not cited:
                    continue  # no statement here: no speaker to look for either
                parts, who, clause = [cited], speaker_subject(token), False
            for part in parts:
                content = [t for t in part if para[0] <= t.idx < para[1] and t.i != token.i]
                handled = not clause and token.lemma_.lower() in cues().handling_verbs
                shortest = MIN_OBJECT_TOKENS if handled else MIN_CONTENT_TOKENS
                bounds = _bounds(sorted(content, key=lambda t: t.i), shortest)
                if bounds is not None:
                    found.append(Reported(bounds[0], bounds[1], cue, who, clause))
    return found


SAID = frozenset({"said", "says"})
"""Forms ``is_cue`` takes whatever their lemma and tag ("Said Ellis:" as a proper noun)."""


def may_report(token: Token) -> bool:
    """Whether ``_statement`` or ``_object_of`` can find anything at a word: the tests they
    start with, which read its lower case, lemma and part of speech only (``is_cue`` too)."""
    lex = cues()
    low, lemma, pos = token.lower_, token.lemma_.lower(), token.pos_
    return (
        low in lex.according_to
        or low in lex.words_nouns
        or (pos == "NOUN" and lemma in lex.noun_cues)
        or _turned_down(token)
        or (
            pos in ("ADJ", "VERB")
            and (lemma in lex.stance_adjectives or low in lex.stance_adjectives)
        )
        or is_cue(token)
        or (pos == "VERB" and lemma in OBJECT_CUES)
    )


def _may_report_at(doc: Doc) -> set[int]:
    """The indices of the words where ``may_report`` holds, asked only of the words whose lower
    case or lemma is in the cue lexicon (or a form of ``SAID``): read off the document's arrays,
    so that no ``Token`` is made for the other words."""
    if not len(doc):
        return set()
    lex = cues()
    strings = doc.vocab.strings
    words = lex.according_to | lex.words_nouns | SAID | lex.stance_adjectives
    lemmas = lex.noun_cues | lex.verbs | OBJECT_CUES | SAID | lex.stance_adjectives
    lemmas |= lex.claim_nouns
    table = doc.to_array([LOWER, LEMMA])
    known = numpy.unique(table[:, 1])
    cue_lemmas = [h for h in known.tolist() if strings[h].lower() in lemmas]
    cue_words = [strings[w] for w in words]
    near = numpy.isin(table[:, 0], cue_words) | numpy.isin(table[:, 1], cue_lemmas)
    return {i for i in numpy.flatnonzero(near).tolist() if may_report(doc[i])}


def _statement(token: Token, sent: TokenSpan) -> tuple[list[list[Token]], Token | None]:
    """What a cue reports (one part, or two around a cue set off inside it) and who says it."""
    lex = cues()
    hit: tuple[list[Token], Token | None] | None = None
    if token.lower_ in lex.according_to:
        hit = _according(token, sent)
    elif token.lower_ in lex.words_nouns:
        hit = _in_words(token, sent)
    elif (token.pos_ == "NOUN" and token.lemma_.lower() in lex.noun_cues) or _turned_down(token):
        hit = _noun_cue(token)
    elif _stance(token):
        hit = _stance_held(token)
    elif is_cue(token):
        content: list[Token] | None
        if token.lemma_.lower() in lex.direct_only:
            # "criticized X for Y", "spoke of Z": such a cue reports only its preposition's phrase
            # ("branded the plan unworkable": a naming cue, its object and the name it gives)
            content = _prep_content(token) or _judged_as(token)  # "attacked X as 'vacuous'"
            if not content and token.lemma_.lower() in lex.naming_verbs:
                content = _name_inside_object(token)
        else:
            content = _content_of(token)
        if content:
            # a cue the tagger took for a verb where it is a noun ("to discuss weekend newspaper
            # reports that ...": the object of "discuss") is spoken as a noun cue is
            nominal = token.dep_ in NOMINAL_DEPS
            who = _noun_speaker(token) if nominal else speaker_subject(token)
            return [_without_title_of(content, who), _other_side(token)], who
    return ([hit[0]], hit[1]) if hit else ([], None)


def _without_title_of(content: list[Token], who: Token | None) -> list[Token]:
    """``..., Work and Pensions Secretary Alan Johnson said``: the parse may hang a title with
    "and" in it on the reported clause ("Work" a conjunct of its last noun); capitalised words
    after the clause's last comma that end on a role noun right before the speaker's name are
    the speaker's title, not what was said."""
    if who is None or not content:
        return content
    ordered = sorted(content, key=lambda t: t.i)
    if ordered[-1].i + 1 != who.left_edge.i:
        return content
    tail: list[Token] = []
    for token in reversed(ordered):
        if token.text == ",":
            break
        if not (token.text[:1].isupper() or token.lower_ in TITLE_JOINERS):
            return content
        tail.append(token)
    if len(tail) == len(ordered) or not tail or tail[0].lower_ not in lexicon().heads:
        return content
    cut = {t.i for t in tail}
    return [t for t in content if t.i not in cut]


def _other_side(verb: Token) -> list[Token]:
    """The other side of a cue set off inside what it reports: ``A, Smith said, until B`` (B
    when A was the content) and ``Though A, he said, B`` (A when B was)."""
    if not _set_off(verb):
        return []
    first, last = _core(verb)
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i < verb.i:
        if not _set_off_after(verb):
            return []
        others = [
            c for c in verb.head.children if c.i > last and (_anothers_statement(c) or _narrated(c))
        ]
        cut = {t.i for c in others for t in c.subtree}
        after = [t for t in _clause_without(verb.head, verb) if t.i > last and t.i not in cut]
        return after or _reported_on(verb)
    if verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return _reported_on(verb)  # "A would happen, he said, but B would not", cue the root
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        return [t for c in verb.lefts if c.dep_ in CLAUSAL and c.i < first for t in c.subtree]
    return []


WITHHELD = frozenset(
    [
        "comment",
        "confirm",
        "detail",
        "disclose",
        "discuss",
        "elaborate",
        "give",
        "identify",
        "name",
        "release",
        "reveal",
        "say",
        "speculate",
    ]
)
"""Verbs of telling that, negated, are the writer's account of what a source withheld ("...,
police said, but would not name them")."""


def _narrated(clause: Token) -> bool:
    """A clause joined on that is the writer's narration, not what was said: what came after the
    report ("..., the mayor said, but he would later resign", "but within a year it would
    collapse") or what the source withheld ("but they would not name them")."""
    if clause.dep_ != "conj":
        return False
    later = any(c.dep_ == "advmod" and c.lower_ in LATER_ON for c in clause.children)
    dated = any(
        c.dep_ in ("prep", "npadvmod") and c.i < clause.i and any(t.ent_type_ in ("DATE", "TIME")
        for t in c.subtree) for c in clause.children
    )  # fmt: skip
    withheld = clause.lemma_.lower() in WITHHELD and any(c.dep_ == "neg" for c in clause.children)
    return later or dated or withheld


def _anothers_statement(clause: Token) -> bool:
    """``The pier would close, the council said, but critics said it would not``: a clause joined
    on after the cue that is a statement of its own: a cue with its own subject, told as done
    (no backshifted or passive auxiliary: not "and it would add 200 jobs", "staff would be
    told"), with a clause it reports."""
    return (
        clause.dep_ == "conj"
        and is_cue(clause)
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
        and any(c.dep_ in ("ccomp", "xcomp") for c in clause.children)
    )


def _object_of(verb: Token) -> list[Token]:
    """``cited the figures on crime``, ``denied the reports``: the thing a statement verb takes
    as its object is what was cited, claimed or denied."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in OBJECT_CUES:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.i < verb.i or people_word(obj):
        return []  # not "criticised the minister": who, not what
    return list(obj.subtree)
