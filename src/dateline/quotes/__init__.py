"""Quotes: direct, indirect and mixed quotations with cue and speaker, and broken-mark flags."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from dateline.actors.given_names import first_name_gender
from dateline.actors.lexicon import lexicon
from dateline.actors.refer import (
    PRONOUN_GENDER,
    SPOKESPEOPLE,
    Newcomer,
    newcomer_between,
    unnamed_newcomers,
)
from dateline.calibration import calibrated
from dateline.cue_lexicon import cues
from dateline.marks import QuoteSpan, Stray
from dateline.quotes.direct import (
    Attribution,
    attribute,
    carried_sentence,
    cue_before_paragraph,
    stands_alone,
)
from dateline.quotes.reported import (
    Reported,
    asserted_inside,
    clause_start,
    cut_before,
    cut_beside,
    find_reported,
    polarity,
)
from dateline.quotes.speaker import MentionIndex, speaker_for
from dateline.schema import Entity, Flag, Quote, Span, SpeakerRef
from dateline.spans import Coverage, Intervals
from dateline.structure import Article

__all__ = ["extract_quotes"]

INHERITED_CONFIDENCE = 0.7
RUN_PRONOUNS = cues().run_pronouns
"""Pronouns an unresolved speaker may be, taking the run's last named person speaking."""
RUN_CHARS = 600
"""How far back a pronoun speaker looks for the run's last named speaker."""
JOINED_QUOTES = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:(?:and|or|but|then|also)\b[^\S\n]*)+$", re.IGNORECASE
)
"""What may stand between two quotes of one sentence that the same cue introduces: "and then"."""
JOIN_REACH = 24
"""The most characters ``JOINED_QUOTES`` may span."""
SCARE_QUOTE_WORDS = 4
"""A quoted phrase shorter than this, in the writer's sentence and with no cue, is a scare quote."""
HEADLINE_SPEAKER_MAX_WORDS = 5
SOURCE_NOUNS = cues().source_nouns
DOCUMENT_NOUNS = cues().document_nouns
"""Nouns that name a source of claims in a ``Poll: ...`` headline."""
DIRECT_SHARE_FOR_CUE = 0.5
"""A reported clause mostly inside quotation marks is the cue of that direct quote, not a quote."""
MIXED_OWN_WORDS = 2
"""...unless this many of its words lie outside the marks: then it is a mixed quote (“Clinton
says Trump’s ‘latest meltdown is unhinged’”: “Trump’s” is the writer’s part of the claim)."""
_WORD = re.compile(r"\w+")


def _span(text: str, start: int, end: int) -> Span:
    return Span(text=text[start:end], start=start, end=end)


def _directs(
    doc: Doc,
    article: Article,
    spans: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    index: MentionIndex,
) -> list[Quote]:
    """Direct quotes with cue and speaker, inheriting the speaker where the article does."""
    quotes: list[Quote] = []
    kept: list[QuoteSpan] = []
    covered = Coverage((q.start, q.end) for q in spans)
    previous: tuple[int, SpeakerRef, bool] | None = None  # paragraph, speaker, quote ran on
    last: tuple[int, Attribution] | None = None  # where the quote before ended, its attribution
    nested = Coverage((q.start, q.end) for q in spans if q.nested)
    sentences: set[tuple[int, int]] = set()  # the sentences made mixed quotes
    for q in spans:
        # a quote within a quote finds its cue among the outer quote's words
        att = attribute(doc, q, nested if q.nested else covered, paragraphs[q.paragraph], index)
        opens_paragraph = article.text[paragraphs[q.paragraph][0] : q.start].strip() == ""
        if att.cue is None and opens_paragraph and q.paragraph > 0:
            att = cue_before_paragraph(doc, paragraphs[q.paragraph - 1], index)
        if att.speaker is None and last is not None and _joined(article.text, last[0], q.start):
            # 'tells his supporters to "go and vote" and then "go pick some other place"'
            att = replace(last[1], confidence=INHERITED_CONFIDENCE)
        speaker, confidence = att.speaker, att.confidence
        if speaker is None and q.paragraph == 0 and article.headline is not None:
            speaker = _headline_person(article, q, index)  # "Warren Hammers CEO: ‘You ...’"
            confidence = 0.5 if speaker else confidence
        fragment = not stands_alone(doc, q, paragraphs[q.paragraph])
        whole = (
            carried_sentence(doc, q, covered, att.cue_token) if fragment and att.carried else None
        )
        if whole is not None and speaker is not None:
            # the sentence around a quoted phrase, carried on from the one before, is all the
            # speaker's ("The new toll was merely "a bad joke" for a small harbour.")
            if whole not in sentences:  # one quote however many phrases the sentence quotes
                sentences.add(whole)
                quotes.append(_mixed_sentence(article.text, whole, speaker, att, doc))
                kept.append(q)
            last, previous = None, (q.paragraph, speaker, False)
            continue
        if (
            fragment
            and speaker is None
            and len(article.text[q.start : q.end].split()) < SCARE_QUOTE_WORDS
        ):
            continue  # scare quotes and titles ("Morning Joe") are nobody's words
        if speaker is None and previous is not None:
            para, prev_speaker, ran_on = previous
            if para == q.paragraph or (para == q.paragraph - 1 and (opens_paragraph or ran_on)):
                speaker, confidence = prev_speaker, INHERITED_CONFIDENCE
        start = _after_label(article.text, q, att)
        quotes.append(
            Quote(
                id="",
                kind="direct",
                text=article.text[start : q.end],
                start=start,
                end=q.end,
                cue=att.cue,
                speaker=speaker,
                confidence=round(confidence if speaker else min(confidence, 0.3), 2),
                fragment=fragment,
            )
        )
        kept.append(q)
        last = (q.end, replace(att, speaker=speaker)) if speaker is not None else None
        if fragment:
            if att.speaker is not None:  # '..., he said, of "the back door". "If you look ...'
                previous = (q.paragraph, att.speaker, False)
            continue  # a quoted phrase is no turn of speech that the next quote could continue
        if speaker is not None:
            previous = (q.paragraph, speaker, q.continued)
        elif att.cue is not None:
            previous = None
    # A quote that runs on takes its speaker from the paragraph that closes it, unless it has
    # one named (not a "they" left unresolved).
    closing: Quote | None = None  # the next quote that is no quote within a quote
    for n in range(len(quotes) - 1, -1, -1):
        ran_on = kept[n].continued and not _named(quotes[n].speaker)
        if ran_on and closing is not None and _named(closing.speaker):
            quotes[n].speaker = closing.speaker
            quotes[n].confidence = INHERITED_CONFIDENCE
        if not kept[n].nested:
            closing = quotes[n]
    return quotes


def _mixed_sentence(
    text: str, bounds: tuple[int, int], speaker: SpeakerRef, att: Attribution, doc: Doc
) -> Quote:
    """A sentence carried on from a report before it, with the cue of that report."""
    start, end = bounds
    cue = doc[att.cue_token] if att.cue_token is not None else None
    return Quote(
        id="",
        kind="mixed",
        text=text[start:end],
        start=start,
        end=end,
        cue=_span(text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
        speaker=speaker,
        confidence=round(min(att.confidence, INHERITED_CONFIDENCE), 2),
    )


def _named(speaker: SpeakerRef | None) -> bool:
    return speaker is not None and bool(speaker.name or speaker.entity)


def _joined(text: str, end: int, start: int) -> bool:
    """Only "and", "and then", "or" and the like stand between two quotes of one sentence."""
    return start - end <= JOIN_REACH and JOINED_QUOTES.match(text, end, start) is not None


def _after_label(text: str, q: QuoteSpan, att: Attribution) -> int:
    """Where the words of a quote start: past a transcript turn's label (``"PENCE: Well, ...``
    quotes "Well, ..."; the label is its speaker, not what was said)."""
    mention = att.speaker.mention if att.speaker is not None else None
    cue = att.cue
    if cue is None or cue.text != ":" or mention is None or not q.start < mention.start:
        return q.start
    if text[q.start : mention.start].strip("\"“'‘` ") or not cue.end < q.end:
        return q.start
    start = cue.end
    while start < q.end and text[start].isspace():
        start += 1
    return start


def _block_quotes(
    doc: Doc,
    article: Article,
    spans: list[QuoteSpan],
    paragraphs: tuple[list[tuple[int, int]], list[int]],
    index: MentionIndex,
) -> list[Quote]:
    """``The governor added:`` closing a paragraph, then a paragraph with no quotation marks in
    the same section: that paragraph is what was said, set off by layout, not marks (so not a
    ``direct`` quote, which is one in quotation marks)."""
    bounds, section_of = paragraphs
    quoted = {q.paragraph for q in spans}
    found: list[Quote] = []
    for n in range(len(bounds) - 1):
        if n + 1 in quoted or section_of[n] < 0 or section_of[n + 1] != section_of[n]:
            continue
        if not article.text[bounds[n][0] : bounds[n][1]].rstrip().endswith(":"):
            continue
        att = cue_before_paragraph(doc, bounds[n], index)
        if att.cue is None:
            continue
        start, end = bounds[n + 1]
        body = article.text[start:end]
        start += len(body) - len(body.lstrip())
        end -= len(body) - len(body.rstrip())
        if end <= start:
            continue
        found.append(
            Quote(
                id="",
                kind="indirect",
                text=article.text[start:end],
                start=start,
                end=end,
                cue=att.cue,
                speaker=att.speaker,
                confidence=round(att.confidence if att.speaker else min(att.confidence, 0.3), 2),
            )
        )
    return found


def _headline_person(article: Article, q: QuoteSpan, index: MentionIndex) -> SpeakerRef | None:
    """The person a headline names before its quotation."""
    head = article.headline
    if head is None or not head.start <= q.start < head.end:
        return None
    found = index.at(head.start, q.start)
    if found is None or found[0].type != "PERSON":
        return None
    entity, mention = found
    return SpeakerRef(entity=entity.id, name=entity.name, mention=mention)


def _share_inside(start: int, end: int, covered: Coverage) -> float:
    return covered.covered(start, end) / max(end - start, 1)


def _reported(
    doc: Doc,
    article: Article,
    spans: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    index: MentionIndex,
) -> list[Quote]:
    """Indirect and mixed quotes from reporting verbs, ``according to`` and ``in X's words``, in
    the headline ("Lee says talks will resume") as in the body."""
    found: list[Quote] = []
    covered = Coverage((q.start, q.end) for q in spans)
    reported = find_reported(doc, paragraphs, covered)
    speakers = [
        speaker_for(doc, r.who, index) if r.who is not None else (None, 0.0) for r in reported
    ]
    kept: Intervals[Quote] = Intervals()
    nouns: set[int] = set()  # the kept statements a noun made ("his call for ..."), by id
    cues = sorted((r.cue.idx, m) for m, r in enumerate(reported))
    # what was said before what was cited, which may lie inside it; and what someone said
    # before what no one is named as saying ("are thought to have ..., according to sources")
    for n in sorted(
        range(len(reported)), key=lambda n: (not reported[n].clause, not speakers[n][0])
    ):
        r = reported[n]
        bounds = _own_part(n, reported, speakers, cues)
        if bounds is None:
            continue
        start, end = bounds
        share = _share_inside(start, end, covered)
        if (
            share >= DIRECT_SHARE_FOR_CUE
            and _words_outside(article.text, start, end, covered) < MIXED_OWN_WORDS
        ) or any(
            _mostly_same(start, end, q)
            and not (r.clause and id(q) in nouns and _holds(start, end, q))
            and not (r.clause and _nested_by_another(r, start, end, speakers[n][0], q))
            and not _holds_anothers(r, start, end, speakers[n][0], q)
            for _, _, q in kept.overlapping(start, end)
        ):
            continue
        speaker, sure = speakers[n]
        negated, hedged = polarity(r.cue)
        found.append(
            Quote(
                id="",
                kind="mixed" if share > 0 else "indirect",
                text=article.text[start:end],
                start=start,
                end=end,
                cue=_span(article.text, r.cue.idx, r.cue.idx + len(r.cue.text)),
                speaker=speaker,
                confidence=round(0.4 + 0.4 * sure if speaker else 0.2, 2),
                negated=negated,
                hedged=hedged,
            )
        )
        kept.add(start, end, found[-1])
        if r.cue.pos_ == "NOUN":
            nouns.add(id(found[-1]))
    return found


def _nested_by_another(
    r: Reported, start: int, end: int, speaker: SpeakerRef | None, outer: Quote
) -> bool:
    """``Mr Lee acknowledged some people believed he was too close to them``: a statement whose
    cue lies inside another's content, made by someone else who is named, is theirs as well as
    part of the outer one (both are kept, each with its speaker)."""
    return (
        _someone_else(speaker, outer.speaker)
        and _own_speaker(r)  # its own subject or agent, not one read off another verb
        and asserted_inside(r.cue)
        and outer.start <= r.cue.idx < outer.end
        and outer.start <= start
        and end <= outer.end
    )


def _holds_anothers(
    r: Reported, start: int, end: int, speaker: SpeakerRef | None, inner: Quote
) -> bool:
    """``The coach said the striker was fit, his agent said``: a statement whose content holds
    another's whole statement, cue and all, made by someone else who is named, is its own
    speaker's as well (both are kept, each with its speaker), as ``_nested_by_another`` keeps
    the inner one when the outer came first; not when the outer speaker is a spokesperson or a
    writing, most often the inner one's own voice."""
    if r.who is not None and (r.who.lower_ in SPOKESPEOPLE or r.who.lemma_ in DOCUMENT_NOUNS):
        return False  # "Police said X, a spokesman said": the mouthpiece of the one inside
    return (
        _someone_else(speaker, inner.speaker)
        and inner.speaker is not None
        and bool(inner.speaker.name or inner.speaker.entity)
        and _own_speaker(r)
        and inner.cue is not None
        and start <= inner.cue.start < end
        and start <= inner.start
        and inner.end <= end
    )


def _someone_else(speaker: SpeakerRef | None, other: SpeakerRef | None) -> bool:
    """``speaker`` is named, and is not ``other`` by reference or by name."""
    return (
        speaker is not None
        and bool(speaker.name or speaker.entity)
        and not _same_speaker(other, speaker)
        and not _named_alike(other, speaker)
    )


def _own_speaker(r: Reported) -> bool:
    """The statement's speaker is its cue's own subject, or its ``by`` agent ("had been told by
    the minister there was ...")."""
    who = r.who
    if who is None:
        return False
    if who.dep_ == "nsubj":
        return who.head.i == r.cue.i
    return who.dep_ == "pobj" and who.head.dep_ == "agent" and who.head.head.i == r.cue.i


def _named_alike(a: SpeakerRef | None, b: SpeakerRef | None) -> bool:
    """Two speakers with the same name (neither resolved to an entity: "he" ... "he")."""
    return a is not None and b is not None and (a.name or "").lower() == (b.name or "").lower()


def _holds(start: int, end: int, inner: Quote) -> bool:
    """A clause that holds a noun's statement and as much again of its own words ("Tory
    proposals to cap X would not work, argued Mr Blair"): both are kept (not a noun phrase a
    verb cites: "rejected a Times request to unseal the file" is the request's)."""
    return (
        start <= inner.start and inner.end <= end and 2 * (inner.end - inner.start) <= end - start
    )


def _words_outside(text: str, start: int, end: int, covered: Coverage) -> int:
    """How many words between ``start`` and ``end`` lie outside quotation marks."""
    return sum(1 for m in _WORD.finditer(text, start, end) if not covered.covers(m.start()))


def _mostly_same(start: int, end: int, other: Quote) -> bool:
    """Two reported contents that are mostly the same words (two cues for one statement)."""
    shared = min(end, other.end) - max(start, other.start)
    return shared > 0.5 * min(end - start, other.end - other.start)


def _own_part(
    n: int,
    reported: list[Reported],
    speakers: list[tuple[SpeakerRef | None, float]],
    cues: list[tuple[int, int]],
) -> tuple[int, int] | None:
    """The bounds of statement ``n`` up to the first inner statement by the same speaker
    ("Lee said A, though she noted B": A, then B on its own) or set beside it by anyone
    (``_juxtaposed``: "Labour say A while the Tories say B"), or None when that leaves too little
    (the outer clause only restates the inner one). ``cues``: (cue offset, index into
    ``reported``) sorted, to find the cues inside by bisection."""
    r, (speaker, _) = reported[n], speakers[n]
    lo, hi = bisect_left(cues, (r.start, -1)), bisect_left(cues, (r.end, -1))
    inner = [
        (clause_start(reported[m], r.start), _juxtaposed(reported[m]))
        for _, m in cues[lo:hi]
        if m != n
        and reported[m].clause
        and (_same_speaker(speaker, speakers[m][0]) or _juxtaposed(reported[m]))
        and not _reports_the_cue(r, reported[m])
    ]
    if not inner:
        return r.start, r.end
    cut, beside = min(inner)
    return cut_beside(r, cut) if beside else cut_before(r, cut)


JUXTAPOSING = {"while", "whilst", "whereas"}
"""Marks of a clause the writer sets beside a statement, not inside it: "Labour say A, while the
Tories say B" (the parse hangs the second cue on A's verb)."""


def _juxtaposed(inner: Reported) -> bool:
    """The inner statement's cue heads a clause set beside the outer content (``JUXTAPOSING``):
    someone else's statement, which ends the outer one whoever makes it."""
    return inner.cue.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in JUXTAPOSING for c in inner.cue.children
    )


def _reports_the_cue(outer: Reported, inner: Reported) -> bool:
    """The inner cue is the verb of the outer clause and asserts no belief of its own ("said he
    wanted it to end"): the outer statement reports it and keeps it whole. A belief or a denial
    ("said she believed ...", "said he did not think ...") still cuts: the inner statement
    carries the hedge or negation."""
    return (
        inner.cue.head.i == outer.cue.i
        and inner.cue.dep_ == "ccomp"
        and (polarity(inner.cue) == (False, False) or _only_an_aim(inner))
    )


def _only_an_aim(inner: Reported) -> bool:
    """``said he was hoping to speak to the minister``: a hope or wish for one's own act (a
    ``to`` infinitive, no clause of its own) asserts no belief to carry apart."""
    children = list(inner.cue.children)
    return not any(c.dep_ == "ccomp" for c in children) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in children
    )


def _same_speaker(outer: SpeakerRef | None, inner: SpeakerRef | None) -> bool:
    return (
        outer is not None
        and inner is not None
        and outer.entity is not None
        and inner.entity == outer.entity
    )


def _headline(
    article: Article, entities: list[Entity], index: MentionIndex, quotes: list[Quote]
) -> Quote | None:
    """``Top diplomat: Russia, Turkey united ...`` — a headline that gives a speaker and a claim
    (around any quotation inside the claim: ``Lee: Plan is ‘a scam’``)."""
    head = article.headline
    if head is None or ": " not in head.text:
        return None
    who, _, claim = head.text.partition(": ")
    if not claim.strip() or not who.split() or len(who.split()) > HEADLINE_SPEAKER_MAX_WORDS:
        return None
    start = head.start + len(who) + 2
    if any(q.start < head.end and head.start < q.end and q.start < start for q in quotes):
        return None
    speaker = _headline_source(head, who, entities, index)
    if speaker is None:
        return None
    end = start + len(claim.rstrip(" ."))  # the full stop some sources add to a headline
    inside = any(q.kind == "direct" and start <= q.start and q.end <= head.end for q in quotes)
    return Quote(
        id="",
        kind="mixed" if inside else "indirect",
        text=article.text[start:end],
        start=start,
        end=end,
        cue=Span(text=":", start=head.start + len(who), end=head.start + len(who) + 1),
        speaker=speaker,
        confidence=0.6,
    )


def _headline_source(
    head: Span, who: str, entities: list[Entity], index: MentionIndex
) -> SpeakerRef | None:
    """Who a headline's ``Who: claim`` names: an organisation or person mentioned there, one the
    article names with that word ("Pence" of Mike Pence), one whose role the noun fits, or a poll
    or report named by its noun."""
    start = head.start
    mention = Span(text=who, start=start, end=start + len(who))
    found = index.at(start, start + len(who))
    if found is not None and found[0].type in ("PERSON", "ORG"):
        return SpeakerRef(entity=found[0].id, name=found[0].name, mention=found[1])
    words = [w.strip(".,'’") for w in who.split()]
    names = [w.casefold() for w in words if w[:1].isupper()]
    people = [e for e in entities if e.type in ("PERSON", "ORG") and _named_by(e, names)]
    if not people:
        noun = words[-1].lower()
        people = [e for e in entities if e.type == "PERSON" and lexicon().compatible(noun, e.role)]
    if people:
        entity = max(people, key=lambda e: len(e.mentions))
        return SpeakerRef(entity=entity.id, name=entity.name, mention=mention)
    if words[-1].lower() in SOURCE_NOUNS:
        return SpeakerRef(name=who, mention=mention)
    return None


def _named_by(entity: Entity, words: list[str]) -> bool:
    """The entity's surname (or one-word name) is one of the capitalised headline words."""
    last = entity.name.split()[-1].casefold() if entity.name.split() else ""
    return bool(last) and last in words


def _without_fragments_of_mixed(quotes: list[Quote]) -> list[Quote]:
    """A quoted phrase inside a mixed quote is part of that quote, not a second one."""
    mixed = [(q.start, q.end) for q in quotes if q.kind == "mixed"]
    return [
        q for q in quotes if not (q.fragment and any(s <= q.start and q.end <= e for s, e in mixed))
    ]


def _pronouns_from_the_run(
    quotes: list[Quote], index: MentionIndex, newcomers: list[Newcomer] | None = None
) -> None:
    """``He added: "..."`` left unresolved: the person who spoke last in the quote run.

    Reporters open a run with a name and go on with "he" or "she"; a pronoun the actors stage
    could not resolve takes the last named person speaking within ``RUN_CHARS`` before it,
    unless an unnamed person entered in between ("But a spokesman for the council defended the
    plans. He said: ..."): the pronoun is theirs, and the speaker is named by their phrase.
    """
    last: tuple[int, SpeakerRef] | None = None
    for quote in quotes:
        speaker = quote.speaker
        if speaker is not None and speaker.entity is not None:
            entity = index.by_id.get(speaker.entity)
            if entity is not None and entity.type == "PERSON":
                last = (quote.end, speaker)
            continue
        mention = speaker.mention if speaker is not None else None
        if mention is None or mention.text.lower() not in RUN_PRONOUNS:
            continue
        since = max(last[0] if last else 0, mention.start - RUN_CHARS)
        gender = PRONOUN_GENDER.get(mention.text.lower())
        entered = (
            newcomer_between(newcomers or [], since, mention.start, gender) if gender else None
        )
        if entered is not None:
            quote.speaker = SpeakerRef(name=entered.phrase, mention=mention)
            quote.confidence = min(quote.confidence, INHERITED_CONFIDENCE)
            continue
        if last is None or mention.start - last[0] > RUN_CHARS:
            continue
        quote.speaker = SpeakerRef(entity=last[1].entity, name=last[1].name, mention=mention)
        quote.confidence = min(quote.confidence, INHERITED_CONFIDENCE)


def _pronouns_past_quoted_names(quotes: list[Quote], index: MentionIndex) -> None:
    """``X said Y was wrong. "... Y ...," he said.``: he is X, the run's speaker, not Y.

    A direct quote's pronoun speaker that the actors stage resolved to a person this quote names,
    and who was named since the run's last speaker began only inside quotations, takes the run's
    speaker: reporters go on with "he" for who is speaking, not for whom they speak about.
    """
    quoted = Coverage((q.start, q.end) for q in quotes)
    last: tuple[Quote, Entity] | None = None
    moved: dict[int, Entity] = {}  # pronoun mentions given to the run's speaker, by start
    for quote in quotes:
        speaker = quote.speaker
        entity = index.by_id.get(speaker.entity) if speaker and speaker.entity else None
        at = speaker.mention.start if speaker and speaker.mention else -1
        target = moved.get(at)  # a quote the run carried on from one given to its speaker
        if (
            target is None
            and speaker is not None
            and entity is not None
            and last is not None
            and _named_only_in_quotes(quote, entity, last, quoted)
        ):
            target = moved[at] = last[1]
        if speaker is not None and target is not None:
            entity = target
            quote.speaker = SpeakerRef(entity=entity.id, name=entity.name, mention=speaker.mention)
            quote.confidence = min(quote.confidence, INHERITED_CONFIDENCE)
        if entity is not None and entity.type == "PERSON":
            last = (quote, entity)


def _named_only_in_quotes(
    quote: Quote, entity: Entity, last: tuple[Quote, Entity], quoted: Coverage
) -> bool:
    """The pronoun at the cue of a direct ``quote`` found ``entity`` only among words quoted
    since ``last`` began, this quote's among them, and the run's speaker, a different person
    within ``RUN_CHARS``, may be that pronoun ("He appeared in court and said he was innocent"
    after "X said Y had been charged" is Y's: no quotation of his own names him)."""
    mention = quote.speaker.mention if quote.speaker else None
    previous, run_speaker = last
    pronoun = mention.text.lower() if mention is not None else ""
    if quote.kind != "direct" or mention is None or pronoun not in RUN_PRONOUNS:
        return False
    if quoted.covers(mention.start):
        return False
    if entity.type != "PERSON" or entity.id == run_speaker.id:
        return False
    if mention.start - previous.end > RUN_CHARS:
        return False
    if first_name_gender(run_speaker.name) not in (None, PRONOUN_GENDER[pronoun]):
        return False
    mentions = entity.mentions  # in text order
    lo = bisect_left(mentions, previous.start, key=lambda m: m.start)
    hi = bisect_left(mentions, mention.start, lo=lo, key=lambda m: m.start)
    named = [m for m in mentions[lo:hi] if m.kind != "pronoun"]
    own = [m for m in named if quote.start <= m.start < quote.end]
    return bool(own) and all(quoted.covers(m.start) for m in named)


def _stray_flag(stray: Stray) -> Flag:
    what = "opening" if stray.role == "open" else "closing"
    return Flag(
        kind="unbalanced-quote",
        message=f"{what} quotation mark with no partner in its paragraph",
        start=stray.pos,
        end=stray.pos + stray.width,
    )


def _run_on_from_reported(
    text: str, quotes: list[Quote], paragraphs: list[tuple[int, int]]
) -> None:
    """``Ms Berg said the refunds were not enough.`` and then a paragraph that opens with a
    quotation naming no one and with no cue (``"Nobody listened."``): the quotation goes on with
    the speaker of the reported statement that closed the paragraph before, as it does after a
    direct quote (``_directs``), and so do the cue-less quote paragraphs after it. Not when
    the writer went on after that statement ("... not enough. The board met on Monday.")."""
    starts = [start for start, _ in paragraphs]
    carried: set[int] = set()
    for n in range(1, len(quotes)):
        q, before = quotes[n], quotes[n - 1]
        if q.kind != "direct" or q.speaker is not None or q.cue is not None or q.fragment:
            continue
        para = bisect_right(starts, q.start) - 1
        if para <= 0 or not _whole_paragraph(text, q, paragraphs[para]) or not _spoken(q.text):
            continue
        if not _named(before.speaker) or (before.kind == "direct" and id(before) not in carried):
            continue
        start, end = paragraphs[para - 1]
        if not start <= before.start < end or WRITER_GOES_ON.search(text, before.end, end):
            continue
        q.speaker, q.confidence = before.speaker, INHERITED_CONFIDENCE
        carried.add(id(q))


def _whole_paragraph(text: str, q: Quote, paragraph: tuple[int, int]) -> bool:
    """The quotation is the whole paragraph: nothing but space before it and closing marks
    after it ('"Closed until further notice", read a sign' is not)."""
    start, end = paragraph
    return not text[start : q.start].strip() and not text[q.end : end].strip(" \n\"”’'.")


def _spoken(words: str) -> bool:
    """Words that read as speech: a word in lower case among them ("Strike! Strike!" is a chant,
    "Fair Pay Now" a slogan)."""
    return any(w[:1].islower() for w in re.findall(r"[^\W\d_]+", words))


WRITER_GOES_ON = re.compile(r"[.!?][\"”’']*\s+\S")
"""After a statement, a sentence end and more words: the writer went on."""


def extract_quotes(
    article: Article, doc: Doc, entities: list[Entity]
) -> tuple[list[Quote], list[Flag]]:
    """All quotations of an article with cue and speaker, and a flag for every stray mark."""
    paragraphs, section_of = article.quote_paragraphs()
    spans, strays = article.quotations
    dl = article.dateline
    index = MentionIndex(entities, skip=[(dl.start, dl.end)] if dl is not None else [])
    quotes = _directs(doc, article, spans, paragraphs, index)
    quotes += _block_quotes(doc, article, spans, (paragraphs, section_of), index)
    quotes += _reported(doc, article, spans, paragraphs, index)
    headline = _headline(article, entities, index, quotes)
    if headline is not None:
        quotes.append(headline)
    quotes = _without_fragments_of_mixed(quotes)
    quotes.sort(key=lambda q: (q.start, q.end))
    _run_on_from_reported(article.text, quotes, paragraphs)
    newcomers = unnamed_newcomers(doc, Coverage((s.start, s.end) for s in spans))
    _pronouns_from_the_run(quotes, index, newcomers)
    _pronouns_past_quoted_names(quotes, index)
    for n, q in enumerate(quotes, start=1):
        q.id = f"q{n}"
        q.confidence = calibrated("quote", q.confidence)  # the raw score orders, the map measures
    return quotes, [_stray_flag(s) for s in strays]
