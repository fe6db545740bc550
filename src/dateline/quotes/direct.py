"""Direct quotes: the cue next to each quotation and its subject as the speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from spacy.tokens import Doc, Token

from dateline.cue_lexicon import cues
from dateline.marks import TRANSCRIPT_LABEL, QuoteSpan
from dateline.nlp import first_token_from, last_token_before, sentence_of, text_of
from dateline.quotes.speaker import (
    PEOPLE_TYPES,
    MentionIndex,
    names_people,
    people_word,
    speaker_for,
    speaker_subject,
    subject_of,
)
from dateline.schema import Entity, Span, SpeakerRef
from dateline.spans import Coverage
from dateline.syntax import (
    FINITE_TAGS,
    clause_read_as_object,
    climb,
    first_child,
    is_root,
    phrase_of,
)

AFTER_WINDOW = 40
"""A cue after a quote is within this many tokens of it, in the same sentence (long appositions)."""
BEFORE_WINDOW = 14
"""A cue before a quote is within this many tokens of it (``Lavrov told reporters: "..."``)."""
SENTENCE_END = {".", "!", "?"}
BARE_CUE_WINDOW = 6
"""``"..." Smith said.``: a cue this close after a closed quote sentence still frames it."""
COLON_LOOKBACK = 4
"""Characters before a quote's opening mark searched for the colon that leads into it."""
DASH_SIGNATURE = re.compile(r"[^\S\n]*([―—–])[^\S\n]*(?=\w)")
"""A dash right after the closing mark, then a word on the same line: a signature."""
SIGNED_ENDING = re.compile(r"[.!?…][\"”’'»]+$")
"""A signed quote is whole sentences: it ends with a full stop inside its closing mark."""


@dataclass
class Attribution:
    """The cue and speaker found for a quotation."""

    cue: Span | None
    speaker: SpeakerRef | None
    confidence: float
    cue_token: int | None = None
    carried: bool = False
    """The speaker was carried over from the sentence before, which has the cue."""


def inside(pos: int, quotes: Coverage) -> bool:
    """Whether a character lies inside any quotation."""
    return quotes.covers(pos)


def is_cue(token: Token) -> bool:
    """A reporting verb (``said``, ``noted``, ``went on to say``) or ``according``."""
    lemma = token.lemma_.lower()
    if token.lower_ in cues().according_to or token.lower_ in ("said", "says"):
        return True  # "Said Ellis:" is often tagged as a proper noun
    return token.pos_ in ("VERB", "AUX") and lemma in cues().verbs


def _closes_a_sentence(doc: Doc, quote: QuoteSpan, following: Token, in_run: bool) -> bool:
    """The quotation ends its sentence (``."``) and a new sentence follows that is not a bare
    ``Smith said.`` (its main verb a cue within a few words of the quote)."""
    text = text_of(doc)
    inner = text[quote.start : quote.end].rstrip("\"”'’»").rstrip()
    word = next((t for t in doc[following.i : following.i + 3] if not t.is_space), None)
    if inner[-1:] not in SENTENCE_END or word is None or not word.text[:1].isupper():
        return False
    if _led_by_colon(text, quote) and _cue_before(doc, quote):
        return True  # 'X told the paper, saying: "...." MPs criticised ...': the lead's, not theirs
    close = doc[word.i : word.i + BARE_CUE_WINDOW]
    return not any(is_cue(t) and t.dep_ == "ROOT" and not _has_words(t, in_run) for t in close)


def _led_by_colon(text: str, quote: QuoteSpan) -> bool:
    """A colon right before the quote's opening mark leads into it (``saying: "..."``): the
    sentence before gives it its cue."""
    return text[max(0, quote.start - COLON_LOOKBACK) : quote.start].rstrip().endswith(":")


def _cue_before(doc: Doc, quote: QuoteSpan) -> bool:
    """A cue stands in the sentence before the quote's opening mark ("saying:"; not "The
    message was simple:")."""
    i = last_token_before(doc, quote.start)
    for j in range(i, max(-1, i - BEFORE_WINDOW), -1):
        tok = doc[j]
        if tok.text in SENTENCE_END:
            return False
        if is_cue(tok):
            return True
    return False


def _has_words(cue: Token, in_run: bool = False) -> bool:
    """The cue reports words of its own: a clause ('"...unfounded." He said nothing had
    changed') or a new object of a statement verb ('"..." The Tories have promised a limit'; not
    '"..." The company denied the claims', which points back at the quote); and, when the quote
    goes on a run of quotes that has its speaker (``in_run``), its content preposition's phrase
    ('"..." Some delegates spoke of a comeback'; alone, '"..." The mayor called for calm' is his)."""
    lemma = cue.lemma_.lower()
    objects = cues().object_cues
    preps = cues().content_preps(lemma) if in_run else frozenset()
    if clause_read_as_object(cue) is not None:
        return True  # '"..." Blair insisted closer ties did not mean ...', misparsed
    said = any(
        c.dep_ in ("ccomp", "xcomp")
        or (
            c.dep_ == "dobj" and (lemma in objects or _new_thing(c, in_run)) and not _points_back(c)
        )
        for c in cue.children
    )
    # the content preposition on the cue or, as the parse often hangs it, on its object ("The
    # Greens accuse the mayor of complacency")
    holders = [cue, *(c for c in cue.children if c.dep_ == "dobj")]
    return said or any(
        c.dep_ == "prep"
        and c.lower_ in preps
        and any(g.dep_ in ("pobj", "pcomp") for g in c.children)  # "of making a speech"
        for holder in holders
        for c in holder.children
    )


def _new_thing(obj: Token, in_run: bool) -> bool:
    """In a quote run, a cue's object that is a thing of its own ('"..." Mr Davis echoed
    criticisms of the rules'): the cue reports that, not the run's quote; not the one told
    ('"..." Ms Lee told reporters')."""
    return in_run and obj.pos_ == "NOUN" and obj.head.lemma_.lower() not in cues().addressee_verbs


POINTING_BACK = {"the", "this", "that", "these", "those", "it", "them"}
"""Determiners and pronouns of an object that points back at the quote ("denied the claims")."""


def _points_back(obj: Token) -> bool:
    """The object names what was just quoted: a pronoun or a definite phrase ("admitted the
    error", "denied it"), not something new ("promised an upper limit")."""
    return obj.lower_ in POINTING_BACK or any(
        d.dep_ in ("det", "poss") and d.lower_ in POINTING_BACK for d in obj.children
    )


def _cue_candidates(doc: Doc, quote: QuoteSpan, quotes: Coverage, limit: tuple[int, int]):
    """Cue tokens after the quote (to the sentence end) and before it (back to a sentence end)."""
    after: list[Token] = []
    i = first_token_from(doc, quote.end)
    first = doc[i] if i < len(doc) else None
    in_run = quotes.overlaps(limit[0], quote.start)  # a quotation before it in the paragraph
    if first is not None and _closes_a_sentence(doc, quote, first, in_run):
        first = None  # '"... any excess." The minister refused to say': a new sentence, not the cue
    if first is not None:
        for tok in doc[first.i : first.i + AFTER_WINDOW]:
            if tok.idx >= limit[1] or inside(tok.idx, quotes):
                break
            after.append(tok)
            if tok.text in SENTENCE_END:
                break
    before: list[Token] = []
    j = last_token_before(doc, quote.start)
    last = doc[j] if j >= 0 else None
    if last is not None:
        i = last.i
        while i >= 0 and last.i - i < BEFORE_WINDOW:
            tok = doc[i]
            if tok.idx < limit[0] or inside(tok.idx, quotes) or tok.text in SENTENCE_END:
                break
            before.insert(0, tok)
            i -= 1
    return after, before


def attribute(
    doc: Doc,
    quote: QuoteSpan,
    quotes: Coverage,
    paragraph: tuple[int, int],
    index: MentionIndex,
) -> Attribution:
    """Find the cue of one direct quote in its paragraph and resolve its speaker."""
    labelled = _transcript_label(doc, quote, index)
    if labelled is not None:
        return labelled
    signed = _dash_signature(doc, quote, index)
    if signed is not None:
        return signed
    after, before = _cue_candidates(doc, quote, quotes, paragraph)
    judged = None if any(is_cue(t) for t in after) else _verdict_of(doc, after, index)
    if judged is not None:
        return judged
    for region in (after, list(reversed(before))):
        for tok in region:
            if not is_cue(tok):
                continue
            if region is not after:
                tok = _reporting_cue_above(tok, before)
            according = tok.lower_ in cues().according_to
            who = _according_to(tok) if according else speaker_subject(tok, quotes)
            cue = _word(tok)
            if who is None or inside(who.idx, quotes):
                return Attribution(cue, None, 0.3, tok.i)  # a quotation never speaks for itself
            speaker, sure = speaker_for(doc, who, index)
            return Attribution(cue, speaker, 0.5 + 0.4 * sure if speaker else 0.3, tok.i)
    led = colon_lead(doc, last_token_before(doc, quote.start), quotes, index)
    if led is not None:
        return led
    named = characterised_as(doc, quote, quotes, index) or _quoted_verb(doc, quote, quotes, index)
    if named is not None:
        return named
    if _follows_a_quote(text_of(doc), quote, quotes):
        return Attribution(None, None, 0.3)  # '"... everyone. "You could see ...': the run goes on
    return _previous_sentence_cue(doc, quote, quotes, paragraph, index)


UNSPOKEN = cues().hedges | cues().unspoken
"""Cue lemmas that report a belief, a finding or a wish, not words spoken."""
REPORTED_LINKS = ("ccomp", "conj", "xcomp")
"""Links from a reported clause's verb up to the cue that reports it."""


def _reporting_cue_above(cue: Token, before: list[Token]) -> Token:
    """``Katrina Bull said Mr Blair had shown he could rouse the party: "..."``: a cue before the
    quote that reports no words ("shown", ``UNSPOKEN``), whose subject is a person (a name or a
    pronoun; not "the inquiry had found:"), inside the clause of a cue that does, in the same
    stretch before the quote, leaves the quote to that cue."""
    if cue.lemma_.lower() not in UNSPOKEN:
        return cue
    subject = subject_of(cue)
    if subject is None or subject.pos_ not in ("PROPN", "PRON"):
        return cue  # "the inquiry had found: ...": a finding's own words
    first = before[0].i if before else cue.i
    for head in climb(cue, REPORTED_LINKS, 3):
        if head.i != cue.i and head.i >= first and is_cue(head):
            return (
                head if head.lemma_.lower() not in UNSPOKEN else _reporting_cue_above(head, before)
            )
    return cue


VERDICT_WINDOW = 2
"""``"...," is the dry assessment of``: the verb is among the first words after the quote."""


def _verdict_of(doc: Doc, after: list[Token], index: MentionIndex) -> Attribution | None:
    """``"...," is the dry assessment of Anne Lane``: a form of *be* right after the quote whose
    attribute is a judgement (``verdict_nouns``) gives the quote to that noun's ``of`` phrase."""
    for tok in after[:VERDICT_WINDOW]:
        if tok.lemma_ != "be":
            continue
        noun = first_child(tok, ("attr",))
        if noun is None or noun.lemma_.lower() not in cues().verdict_nouns:
            return None
        who = _judge(noun)
        if who is None:
            return None
        speaker, sure = speaker_for(doc, who, index)
        if speaker is None:
            return None
        return Attribution(_word(noun), speaker, 0.5 + 0.4 * sure, noun.i)
    return None


def _judge(noun: Token) -> Token | None:
    """Who gave a judgement: the ``by`` agent in its phrase ("the assessment of the damage given
    by the engineer"), else its ``of`` phrase when that names a person, an organisation or a
    group of people ("the verdict of one activist"; not "of the damage")."""
    by = next((t for t in noun.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep")), None)
    agent = None if by is None else first_child(by, ("pobj",))
    if agent is not None:
        return agent
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    who = None if of is None else first_child(of, ("pobj",))
    if who is None:
        return None
    if who.ent_type_ in ("PERSON", "ORG", "NORP") or names_people(who.lemma_.lower()):
        return who  # "Anne Lane", "one activist", "the committee"
    return None


LEAD_SPEAKERS = {"PERSON", "ORG", "NORP"}
"""Who a colon lead may hand a quote to: people, organisations and groups, never a place."""
LEAD_LINKS = {"dobj", "attr", "pobj", "prep", "appos", "npadvmod", "acomp", "advmod", "amod"}
"""Links from the lead's last word up to its verb ("made the following comment:")."""
SPEECH_NOUNS = cues().lead_nouns | cues().noun_cues | cues().words_nouns
"""Nouns of speech a lead may end on ("made the following comment:", "his warning:")."""
SOMEONE_ELSES = {"from", "of", "by"}
"""Prepositions that hand a lead's noun to another author ("a line from Churchill:")."""


def _says_something(hung_on: Token, verb: Token) -> bool:
    """The colon ends the clause itself ("Marsh was blunt:") or a noun of speech that is the
    subject's own ("made the following comment:"), not a thing shown or read out ("held up a
    sign:", "read a letter from a constituent:")."""
    if hung_on.i == verb.i or hung_on.dep_ in ("acomp", "advmod"):
        return True  # "Marsh said as much:", "Marsh was blunt:"
    if hung_on.lemma_.lower() not in SPEECH_NOUNS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in SOMEONE_ELSES for c in hung_on.children)


def colon_lead(
    doc: Doc, colon_at: int, quotes: Coverage, index: MentionIndex
) -> Attribution | None:
    """``Sanders made the following comment: "..."``, ``Obama is rolling out a new message:
    "It's about me."``: a quote right after a colon, with no cue, is the words of the subject of
    the clause the colon ends, when that subject names a person or organisation and the lead
    ends on the clause or on a noun of speech (``_says_something``)."""
    if colon_at <= 0 or doc[colon_at].text != ":":
        return None
    path = list(climb(doc[colon_at - 1], LEAD_LINKS, 4))  # from the lead's last word up
    at = next((n for n, t in enumerate(path) if t.pos_ in ("VERB", "AUX")), None)
    if at is None or inside(path[at].idx, quotes):
        return None
    verb = path[at]
    if not _says_something(path[at - 1] if at > 0 else verb, verb):
        return None
    who = subject_of(verb, quotes, relatives=False)
    if who is None or who.pos_ == "PRON":
        return None
    found = _lead_speaker(who, index)
    if found is None:
        return None
    speaker, sure = speaker_for(doc, who, index)
    if speaker is None or speaker.entity != found.id:
        return None
    return Attribution(None, speaker, 0.4 + 0.3 * sure, verb.i)


def _lead_speaker(who: Token, index: MentionIndex) -> Entity | None:
    """The person, organisation or group a subject names (``LEAD_SPEAKERS``), if any."""
    found = index.at(*phrase_of(who), head=who.idx)
    return found[0] if found is not None and found[0].type in LEAD_SPEAKERS else None


def _word(token: Token) -> Span:
    return Span(text=token.text, start=token.idx, end=token.idx + len(token.text))


def _follows_a_quote(text: str, quote: QuoteSpan, quotes: Coverage) -> bool:
    """Nothing but white space between the quote and the quotation before it: one speaker's
    run of quotes, which no cue inside the quotation before can hand to someone else."""
    j = quote.start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and inside(j, quotes)


def _hung_on(doc: Doc, quote: QuoteSpan) -> Token | None:
    """The word outside the quote that the quoted words hang on in the parse (the head of the
    first quoted word whose head lies outside), if any."""
    i = first_token_from(doc, quote.start)
    while i < len(doc) and doc[i].idx < quote.end:
        head = doc[i].head
        if not quote.start <= head.idx < quote.end and head.i != i:
            return head
        i += 1
    return None


def characterised_as(
    doc: Doc, quote: QuoteSpan, quotes: Coverage, index: MentionIndex
) -> Attribution | None:
    """``Reid has gone after Trump as a "human leech"``, ``he characterized Kaine as, "a little
    desperate"``: a quote with no cue that is what a clause casts someone *as* is the words of
    that clause's subject, when the subject names a person or organisation."""
    prep = _hung_on(doc, quote)
    if prep is None or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or inside(verb.idx, quotes):
        return None
    who = subject_of(verb, quotes, relatives=False)
    if who is None or (who.pos_ != "PRON" and _lead_speaker(who, index) is None):
        return None
    speaker, sure = speaker_for(doc, who, index)
    if speaker is None:
        return None
    cue = _word(verb)
    return Attribution(cue, speaker, 0.4 + 0.3 * sure, verb.i)


QUOTED_VERB_WORDS = 4
"""At most this many words in a quotation that is its sentence's own verb phrase."""


def _quoted_verb(
    doc: Doc, quote: QuoteSpan, quotes: Coverage, index: MentionIndex
) -> Attribution | None:
    """``A Tory spokesman "totally refuted" any wrongdoing``: a short quotation holding the
    reporting verb of its clause, whose subject before it names a person, organisation or group,
    is that subject's words (the verb its cue; not 'Mr Johnson "forgot" his keys')."""
    start = first_token_from(doc, quote.start)
    inner = takewhile(lambda t: t.idx < quote.end, doc[start : start + 3 * QUOTED_VERB_WORDS])
    words = [t for t in inner if not t.is_punct]
    if not words or len(words) > QUOTED_VERB_WORDS:
        return None
    verb = next((t for t in words if is_cue(t) and t.tag_ in FINITE_TAGS), None)
    who = first_child(verb, ("nsubj",)) if verb is not None else None
    if verb is None or who is None or who.idx >= quote.start or inside(who.idx, quotes):
        return None
    if who.pos_ == "PRON" or _lead_speaker(who, index) is None:
        return None
    speaker, sure = speaker_for(doc, who, index)
    return Attribution(_word(verb), speaker, 0.4 + 0.3 * sure, verb.i) if speaker else None


PREVIOUS_SENTENCE_REACH = 150
"""Tokens read back from the end of the sentence before a quote for its cue: a real one is in a
sentence of ordinary length; a run of quotations glued into one sentence gives none, in time
linear in the article."""


def _previous_sentence_cue(
    doc: Doc,
    quote: QuoteSpan,
    quotes: Coverage,
    paragraph: tuple[int, int],
    index: MentionIndex,
) -> Attribution:
    """``..., Schiff said. "The other factor ..."``: the speaker of the sentence just before."""
    i = first_token_from(doc, quote.start)
    if i >= len(doc):
        return Attribution(None, None, 0.0)
    start, _ = sentence_of(doc, i)
    if start == 0:
        return Attribution(None, None, 0.0)
    previous_start, previous_end = sentence_of(doc, start - 1)
    if doc[previous_start].idx < paragraph[0]:
        return Attribution(None, None, 0.0)
    reach = max(previous_start, previous_end - PREVIOUS_SENTENCE_REACH)
    found = [
        tok
        for tok in reversed(doc[reach:previous_end])
        if not inside(tok.idx, quotes) and is_cue(tok) and tok.lower_ not in cues().according_to
    ]
    # a cue of words before one of a finding or belief ("X said the figures showed ..."), and
    # either before one in a side clause; of those alike, a cue inside what another reports whose
    # subject is no person last ("she said the firm had to invest rather than respond ...")
    for tok in sorted(
        found,
        key=lambda t: (_in_side_clause(t), t.lemma_.lower() in UNSPOKEN, _reported_by_another(t)),
    ):
        who = speaker_subject(tok, quotes)
        if who is None:
            continue
        speaker, sure = speaker_for(doc, who, index)
        if speaker is not None:
            return Attribution(None, speaker, 0.4 + 0.3 * sure, tok.i, carried=True)
    return Attribution(None, None, 0.0)


def _reported_by_another(cue: Token) -> bool:
    """The cue stands inside what a cue above it reports, and its subject is no person ("said
    the firm had to invest rather than respond"): it is part of the content, not a report
    whose words could follow (as "said the gunman shouted at them" may be)."""
    if not any(is_cue(a) for a in cue.ancestors):
        return False
    subject = subject_of(cue)
    return subject is None or not (
        subject.ent_type_ == "PERSON" or subject.tag_ == "PRP" or people_word(subject)
    )


REPORTING_NOUNS = cues().noun_cues | cues().claim_nouns
"""Nouns of someone's words or claims ("suggestions that ...", "his call for ...")."""


def _reports(token: Token) -> bool:
    """A word that reports someone's words or claims: a cue, or a noun of one ("suggestions
    that ...", "in his words")."""
    return (
        is_cue(token)
        or (token.pos_ == "NOUN" and token.lemma_.lower() in REPORTING_NOUNS)
        or token.lower_ in cues().words_nouns
    )


def _someone_acts(words: list[Token]) -> bool:
    """The sentence's main verb has a person or a body named as its subject (a name, a people
    noun; not a pronoun, which may go on with the speaker or what they spoke of), whose act it
    tells rather than what was said before."""
    root = next((t for t in words if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
    return subject is not None and (
        subject.pos_ == "PROPN" or subject.ent_type_ in PEOPLE_TYPES or people_word(subject)
    )


def carried_sentence(
    doc: Doc, quote: QuoteSpan, quotes: Coverage, cue: int | None
) -> tuple[int, int] | None:
    """``He said the figures showed traders would lose money. The new toll was merely "a bad
    joke" for a small harbour.``: a quoted phrase with no cue in its sentence, whose speaker is
    carried from the cue (token ``cue``) in the sentence before, makes that whole sentence the
    speaker's mixed quote (its character bounds, past the closing stop). None where the writer
    more likely speaks: the sentence has a report or a named actor of its own, asks, or quotes
    a title or a name ("Newsnight", 'nicknamed "Big Bertha"') or a word of the report itself
    (the "final" decision); or the cue before is negated or in a side clause."""
    i = first_token_from(doc, quote.start)
    if i >= len(doc) or cue is None or not _carries(doc[cue]):
        return None
    first, end = sentence_of(doc, i)
    words = [t for t in doc[first:end] if not t.is_space]
    if (
        not words
        or words[-1].text == "?"
        or any(_reports(t) and not inside(t.idx, quotes) for t in words)
        or _someone_acts(words)  # "The trust has tied itself to "...": its own act
        or _a_name_or_an_echo(doc, quote, doc[cue])
    ):
        return None
    while words and (words[-1].is_punct and not inside(words[-1].idx, quotes)):
        words = words[:-1]
    if not words:
        return None
    start, stop = words[0].idx, words[-1].idx + len(words[-1].text)
    return (start, max(stop, quote.end)) if start < quote.start else None


NAMING_WORDS = frozenset(
    {"so-called", "nicknamed", "dubbed", "marked", "named", "titled", "entitled", "labelled"}
)
"""Words before a quoted phrase that make it a name, not words spoken."""


def _carries(cue: Token) -> bool:
    """A cue whose speaker's report may go on into the next sentence: not negated ("never said")
    and not in a side clause ("The doctor, who said the drug was safe, was suspended")."""
    return not any(c.dep_ == "neg" for c in cue.children) and not _in_side_clause(cue)


def _a_name_or_an_echo(doc: Doc, quote: QuoteSpan, cue: Token) -> bool:
    """The quoted phrase is a title or a name (capitalised inside its marks, or after
    "so-called", "nicknamed" ...) or repeats a word of the sentence with the cue (the writer's
    ironic echo: 'said the decision was final. The "final" decision was reversed')."""
    text = text_of(doc)
    inner = text[quote.start : quote.end].strip("\"“”‘’' ")
    if inner[:1].isupper():
        return True
    j = last_token_before(doc, quote.start)
    if j >= 0 and doc[j].lower_ in NAMING_WORDS:
        return True
    said = {t.lemma_.lower() for t in cue.sent if t.is_alpha and not t.is_stop}
    inside_words = doc[first_token_from(doc, quote.start) : first_token_from(doc, quote.end)]
    return any(t.is_alpha and not t.is_stop and t.lemma_.lower() in said for t in inside_words)


SIDE_CLAUSES = {"relcl", "acl", "advcl"}
"""Clauses that tell about something else: in ``"…," X said after Y was called to testify`` or
``X said at the dinner, where Y also spoke`` the quote run is X's, and Y's verb is no new cue."""


SIDE_CLAUSE_REACH = 8
"""Heads climbed from a cue looking for the side clause it sits in (a misparse can chain many)."""


def _in_side_clause(token: Token) -> bool:
    """The cue sits in a relative, adverbial or noun-modifying clause (tried after the others)."""
    for _ in range(SIDE_CLAUSE_REACH):
        if token.dep_ in SIDE_CLAUSES:
            return True
        if is_root(token):
            return False
        token = token.head
    return False


def _according_to(token: Token) -> Token | None:
    """``according to X``: X."""
    for prep in token.children:
        if prep.lower_ == "to":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _transcript_label(doc: Doc, quote: QuoteSpan, index: MentionIndex) -> Attribution | None:
    """The speaker named at the start of a transcript turn, matched to a person by surname."""
    text = text_of(doc)
    opening = len(text[quote.start : quote.end]) - len(
        text[quote.start : quote.end].lstrip("\"“'‘`")
    )
    match = TRANSCRIPT_LABEL.match(text, quote.start + opening, quote.end)
    if match is None:
        return None
    label = match.group(1)
    start, end = match.start(1), match.end(1)
    surname = label.split()[-1].strip(".").lower()
    people = [
        e for e in index.entities
        if e.type == "PERSON" and e.role != "photographer" and e.name.split()[-1].lower() == surname
    ]  # fmt: skip
    mention = Span(text=label, start=start, end=end)
    cue = Span(text=":", start=end, end=end + 1)
    if len(people) == 1:
        return Attribution(
            cue, SpeakerRef(entity=people[0].id, name=people[0].name, mention=mention), 0.8
        )
    return Attribution(cue, SpeakerRef(name=label.title(), mention=mention), 0.6)


def _dash_signature(doc: Doc, quote: QuoteSpan, index: MentionIndex) -> Attribution | None:
    """``"…" ― Jorge Falcon``: a quote signed with a dash and a name (read off the text, since
    the tokenizer may glue the dash to the closing mark: '”―')."""
    text = text_of(doc)
    signed = DASH_SIGNATURE.match(text, quote.end)
    if signed is None or not SIGNED_ENDING.search(text, quote.start, quote.end):
        return None  # '"a phrase" — and then the writer goes on': an aside, not a signature
    i = first_token_from(doc, signed.end())
    if i >= len(doc) or doc[i].pos_ != "PROPN":
        return None
    speaker, sure = speaker_for(doc, doc[i], index)
    if speaker is None:
        return None
    cue = Span(text=signed.group(1), start=signed.start(1), end=signed.end(1))
    return Attribution(cue, speaker, 0.5 + 0.3 * sure, max(i - 1, 0))


def cue_before_paragraph(doc: Doc, paragraph: tuple[int, int], index: MentionIndex) -> Attribution:
    """``He said:`` closing the paragraph before a quote paragraph."""
    window = doc[first_token_from(doc, paragraph[0]) : first_token_from(doc, paragraph[1])]
    tokens = [t for t in window if not t.is_space]
    if not tokens or tokens[-1].text != ":":
        return Attribution(None, None, 0.0)
    for tok in reversed(tokens[-BEFORE_WINDOW:]):
        if tok.text in SENTENCE_END:
            break
        if is_cue(tok):
            who = speaker_subject(tok)
            cue = _word(tok)
            if who is None:
                return Attribution(cue, None, 0.3, tok.i)
            speaker, sure = speaker_for(doc, who, index)
            return Attribution(cue, speaker, 0.5 + 0.3 * sure if speaker else 0.3, tok.i)
    led = colon_lead(doc, tokens[-1].i, Coverage(()), index)
    return led if led is not None else Attribution(None, None, 0.0)


LEAD_WINDOW = 400
"""Characters read back from a quotation for the sentence it opens or ends: only the last
character of that lead matters, so a long paragraph costs no more than a short one."""


def stands_alone(doc: Doc, quote: QuoteSpan, paragraph: tuple[int, int]) -> bool:
    """The quotation is a sentence of its own, or framed by a cue (``said:``), not a phrase."""
    text = text_of(doc)
    lead = text[max(paragraph[0], quote.start - LEAD_WINDOW) : quote.start]
    cut = max(lead.rfind(". "), lead.rfind("? "), lead.rfind("! "), lead.rfind("\n"))
    lead = lead[cut + 1 :].strip() if cut >= 0 else lead.strip()
    if not lead or lead[-1] in ":,":
        return True
    if lead[-1] in "”\"'’" or lead.endswith((".", "?", "!")):
        return True
    j = last_token_before(doc, quote.start)
    last = doc[j] if j >= 0 else None
    return last is not None and is_cue(last)
