"""Speakers: the subject of a cue, resolved to an entity through the actors' mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline import geo
from dateline.actors.lexicon import group_nouns, lexicon
from dateline.actors.refer import SPOKESPEOPLE
from dateline.cue_lexicon import cues
from dateline.nlp import text_of
from dateline.schema import Entity, Span, SpeakerRef
from dateline.spans import Coverage, Intervals
from dateline.syntax import climb, first_child, last_main_subject, phrase_of

SUBJECT_DEPS = ("nsubj",)
CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp", "prep")
RELATIVE_PRONOUNS = cues().relative_pronouns
"""Relative pronouns whose clause's named head speaks ("Smith, who says ...")."""
EMPTY_SUBJECTS = cues().empty_subjects
"""Passive subjects that name no speaker ("it was alleged ...")."""
SPEAKING_PRONOUNS = cues().speaking_pronouns
"""Pronouns that can name a speaker ("it" for an organisation or a newspaper)."""
UNNAMED_SOURCES = cues().unnamed_sources
"""Indefinite pronouns of people that speak unnamed ("someone asked", "those close to him say")."""
DOCUMENT_NOUNS = cues().document_nouns
"""Writings that speak through a participle cue hung on them ("a BBC story claiming")."""
TYPE_PREFERENCE = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3, "LOC": 4, "FAC": 5}


@dataclass
class MentionIndex:
    """Entity mentions by character position, to find who a span names."""

    entities: list[Entity]
    skip: list[tuple[int, int]] = field(default_factory=list)
    """Spans whose mentions name nobody who speaks or acts (the dateline)."""

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entities}
        self.spans = Intervals(
            (m.start, m.end, (n, e))
            for n, (m, e) in enumerate((m, e) for e in self.entities for m in e.mentions)
            if e.role != "photographer" and not self.skips(m.start)
        )
        self.descriptors = {
            (m.start, m.end) for e in self.entities if e.type != "PERSON" for m in e.mentions
            if m.kind == "descriptor"
        }  # fmt: skip

    def skips(self, position: int) -> bool:
        """The position lies in a span that names nobody who speaks (the dateline)."""
        return any(s <= position < e for s, e in self.skip)

    def at(
        self, start: int, end: int, head: int | None = None, for_body: bool = False
    ) -> tuple[Entity, Span] | None:
        """The entity mentioned in [start, end), preferring the mention holding ``head``; a
        body's common noun after the head only where the head speaks for a body
        (``for_body``: "a spokesman for the council")."""
        hits = self.spans.overlapping(start, end)
        if not hits:
            return None
        if head is not None:
            holding = [h for h in hits if h[0] <= head < h[1]]
            # a body's common noun ("the council") in a phrase after the head is whom the
            # phrase's people are about ("Critics of the council"), not who speaks
            hits = holding or [h for h in hits if for_body or (h[0], h[1]) not in self.descriptors]
            if not hits:
                return None
        s, e, (_, ent) = min(
            hits, key=lambda h: (TYPE_PREFERENCE.get(h[2][1].type, 9), h[0], h[2][0])
        )
        mention = next(m for m in ent.mentions if m.start == s and m.end == e)
        return ent, Span(text=mention.text, start=s, end=e)


def subject_of(verb: Token, quoted: Coverage | None = None, relatives: bool = True) -> Token | None:
    """The subject of a cue verb, climbing from ``went on to say`` to the clause that has one
    (past a "subject" inside a quotation, when ``quoted`` holds the quotations: 'declaring
    "today Brent South, ..."' is no speech of Brent South); a relative pronoun as the name it
    stands for unless ``relatives`` is False."""
    for token in climb(verb, CLIMB_DEPS, 3):
        agent = _agent(token)
        if agent is not None:  # "was written by Springsteen": the agent speaks
            return agent
        subjects = [
            c
            for c in token.children
            if c.dep_ in SUBJECT_DEPS and (quoted is None or not quoted.covers(c.idx))
        ]
        if subjects:
            # two subjects are a misparse of a long title ("Minister for X, Y and Z Jane Doe
            # said"): the name nearest the verb is the head of the real subject; or of a name
            # and its title ("Theresa May, Tory shadow work and pensions secretary, said"): the
            # name, not the title's last noun
            at = token.i
            names = [c for c in subjects if c.pos_ == "PROPN"]
            nearest = min(names or subjects, key=lambda c: abs(c.i - at))
            return _antecedent_of_relative(nearest, token) if relatives else nearest
        passive = first_child(token, ("nsubjpass",))
        if passive is not None:
            if token.i == verb.i or passive.lower_ in EMPTY_SUBJECTS:
                return None  # "It was reported that ...": the passive subject says nothing
            return passive  # "Smith is alleged to have said", "Smith was quoted saying"
    return None


NOT_AGENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
"""What a ``by`` phrase on a passive verb's object names when it is no agent ("by March")."""


def _agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb, also where the parse hung it on the object ("are being
    promised energy savings by the Liberal Democrats")."""
    agent = first_child(verb, ("agent",))
    if agent is not None:
        return first_child(agent, ("pobj",))
    obj = first_child(verb, ("dobj",))
    if obj is None or first_child(verb, ("auxpass",)) is None:
        return None
    by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    agent = first_child(by, ("pobj",)) if by is not None else None
    if agent is None or agent.ent_type_ in NOT_AGENTS or agent.pos_ not in ("NOUN", "PROPN"):
        return None  # "were promised a pay rise by March": a deadline, not who promised
    return agent


def speaker_subject(verb: Token, quoted: Coverage | None = None) -> Token | None:
    """Who speaks at a cue: its subject (``subject_of``), the object of a verb that blames or
    praises someone "for saying" ("suspended a candidate for suggesting ..."), the name a
    subjectless cue follows ("In an article, Ms Lee, who chairs X, says:") or the name a
    participle cue describes ("a House of Lords ruling that ..."); a relative pronoun as it
    stands (``speaker_for`` resolves it)."""
    controller = (
        _object_controller(verb)
        or _caused_saying(verb)
        or _shown_saying(verb)
        or _shown_object_saying(verb)
        or _perceived_saying(verb)
    )
    if controller is not None:
        return controller
    reporter = _reporter_adding(verb) or _addressing_participle(verb)
    if reporter is not None:
        return subject_of(reporter, quoted, relatives=False)
    found = subject_of(verb, quoted, relatives=False)
    found = _past_a_thing_relative(verb, found, quoted)
    if found is None:
        return (
            _apposed_name_before(verb)
            or _name_before_auxiliary(verb)
            or _described_noun(verb)
            or _inverted_name(verb)
            or _inverted_after(verb)
        )
    if _thing_before_participle(verb, found):
        return subject_of(verb.head, quoted, relatives=False) or found
    return found


THING_RELATIVES = {"which", "that"}
"""Relative pronouns that stand for things ("care, which is on offer in Scotland")."""


def _past_a_thing_relative(
    verb: Token, found: Token | None, quoted: Coverage | None
) -> Token | None:
    """``He ruled out free care - which is on offer in Scotland, saying it was "unsustainable"``:
    a participle cue the parse hung on a relative clause about a thing speaks for the subject of
    the clause that relative clause sits in, not for the thing."""
    if found is None or found.lower_ not in THING_RELATIVES or verb.tag_ != "VBG":
        return found
    clause = found.head
    if clause.dep_ not in ("advcl", "relcl") or clause.head.i == clause.i:
        return found
    return subject_of(clause.head, quoted, relatives=False) or found


def _thing_before_participle(verb: Token, subject: Token) -> bool:
    """``Mr Brown dismissed the figures insisting that ...``, parsed with "the figures" as the
    participle's subject: a common noun that names no one (no entity, no role), right before a
    participle cue hung on a clause whose subject is a name, is the object of that clause; its
    subject speaks."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("ccomp", "acl", "advcl") or subject.i != verb.i - 1:
        return False
    if subject.pos_ != "NOUN" or subject.ent_type_ or subject.lemma_.lower() in lexicon().heads:
        return False
    outer = subject_of(verb.head, relatives=False) if verb.head.i != verb.i else None
    return outer is not None and outer.pos_ == "PROPN"


def _reporter_adding(verb: Token) -> Token | None:
    """``He said Mr Blair had spoken with sincerity, adding: "..."``: a participle cue hung on
    a reported clause adds to the report, so its speaker is the reporting verb's subject, not the
    reported clause's. The reporting verb, or None."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    clause = verb.head
    report = clause.head
    if clause.dep_ != "ccomp" or report.i == clause.i:
        return None
    if report.pos_ not in ("VERB", "AUX") or report.lemma_.lower() not in cues().verbs:
        return None
    return report


ADDRESSED = {"him", "her", "them"}
"""Objects of a participle cue that point back to the noun it hangs on ("urging them")."""


def _addressing_participle(verb: Token) -> Token | None:
    """``wrote to all three parties urging them not to ...``: a participle cue the parse hung on
    the addressee, with the addressee as its own object, is said by the writer; the verb whose
    object (or prepositional object) the addressee is, or None."""
    if verb.tag_ != "VBG" or verb.dep_ != "acl":
        return None
    if not any(c.dep_ == "dobj" and c.lower_ in ADDRESSED for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head.head
    return None


def _object_controller(verb: Token) -> Token | None:
    """``criticised Smith for saying``: the object of the verb the ``for`` phrase hangs on."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    return next(
        (c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i and c.pos_ != "PRON"),
        None,
    )


def _caused_saying(verb: Token) -> Token | None:
    """``prompted some charities to say ...``: the object of a verb that makes someone speak
    (``causing_verbs``), which the ``to`` infinitive cue's subject would be."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in cues().causing_verbs:
        return None
    if first_child(verb, ("aux",)) is None or _unrealised(head):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _unrealised(verb: Token) -> bool:
    """The act may not have happened: under a modal ("could prompt"), or itself an infinitive
    something else governs ("are trying to force")."""
    return verb.dep_ == "xcomp" or any(c.tag_ == "MD" for c in verb.children)


SHOWN_BY = {"of", "with", "showing"}
"""Words before a name and a participle cue that show someone speaking ("footage of Trump
saying", "a clip with Clinton asking")."""


def _shown_saying(verb: Token) -> Token | None:
    """``footage of Hillary Clinton asking, "..."``: the name right before a participle cue
    speaks, not the subject of the clause (the ad that shows the footage)."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN":
        return None
    first = _name_start(name)
    if first.i == 0:
        return None
    shown_by = verb.doc[first.i - 1]
    if shown_by.lower_ not in SHOWN_BY or shown_by.head.pos_ != "NOUN":
        return None  # "broke with Obama saying ...": the subject speaks, not Obama
    return name


SHOWING_VERBS = {"show", "film", "record", "depict", "feature"}
"""Verbs whose object a participle cue can show speaking ("the film showed X telling ...")."""


def _shown_object_saying(verb: Token) -> Token | None:
    """``The documentary showed Mr Smith, apparently talking about the EU, telling the meeting:
    "..."``: a participle cue hung (through other participles) on a verb of showing speaks for
    that verb's named object, not for its subject (the film)."""
    current = verb
    for _ in range(3):
        if current.tag_ != "VBG" or current.dep_ not in ("advcl", "acl", "xcomp"):
            return None
        current = current.head
        if current.lemma_.lower() in SHOWING_VERBS:
            shown = first_child(current, ("dobj",))
            if shown is not None and shown.i < verb.i and shown.ent_type_ == "PERSON":
                return shown
            return None
    return None


PERCEIVING_VERBS = {"see", "hear", "watch"}
"""Verbs whose object a bare-infinitive cue shows speaking ("the meeting saw MPs warn that")."""


def _perceived_saying(verb: Token) -> Token | None:
    """``A meeting on Monday saw loyal MPs warn that ...``: a bare-infinitive cue after a verb
    of perceiving or showing is said by that verb's object, not by its subject."""
    head = verb.head
    if verb.tag_ not in ("VB", "VBP") or verb.dep_ not in ("dep", "ccomp", "xcomp"):
        return None  # the tagger may take the bare infinitive for a present tense
    if head.i == verb.i or first_child(verb, ("nsubj",)) is not None:
        return None
    if head.lemma_.lower() not in PERCEIVING_VERBS | SHOWING_VERBS:
        return None
    shown = first_child(head, ("dobj",))
    return shown if shown is not None and shown.i < verb.i and shown.pos_ != "PRON" else None


NAME_BEFORE_DEPS = {"appos", "pobj"}
"""Where the parse hangs a cue's subject on the phrase before it: "In an article for the Times,
Ms Lee, ..., says" (appos), "In a speech to the Foreign Policy Centre Mr Straw said" (pobj)."""


def _apposed_name_before(verb: Token) -> Token | None:
    """A name ending right before a subjectless cue, set off by punctuation only, that the parse
    hung on the phrase before (``NAME_BEFORE_DEPS``)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    doc = verb.doc
    return next(
        (
            t
            for t in doc[verb.sent.start : verb.i]
            if t.dep_ in NAME_BEFORE_DEPS
            and t.pos_ == "PROPN"
            and all(b.is_punct for b in doc[t.right_edge.i + 1 : verb.i])
        ),
        None,
    )


def _name_before_auxiliary(verb: Token) -> Token | None:
    """A name the parse took for an object of the words before it, followed only by the
    subjectless cue's own auxiliaries: "Harbour party takes stock Jane Ode has told ..." (a glued
    headline read as "takes stock Jane Ode"), where "has told" is Jane Ode's."""
    doc = verb.doc
    auxiliaries = {c.i for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not auxiliaries or any(c.dep_ in ANY_SUBJECT_OR_PASSIVE for c in verb.children):
        return None  # a passive cue's subject is who it was said of ("has been accused")
    name = doc[min(auxiliaries) - 1] if min(auxiliaries) > verb.sent.start else None
    if name is None or name.pos_ != "PROPN" or name.dep_ not in MISREAD_NAME_DEPS:
        return None
    if set(range(name.i + 1, verb.i)) != auxiliaries:
        return None
    return name


ANY_SUBJECT_OR_PASSIVE = ("nsubj", "nsubjpass", "csubj", "auxpass")
MISREAD_NAME_DEPS = {"dobj", "pobj", "appos", "npadvmod", "attr"}
"""Where the parse hangs a name that is the subject of the auxiliaries after it, when the words
before it read as a clause of their own (a glued headline)."""


def _inverted_name(verb: Token) -> Token | None:
    """``Said Ellis: "..."``: a sentence opening with the cue before the name, which the parse
    takes for one name ("Said" a compound of "Ellis")."""
    head = verb.head
    if verb.dep_ == "compound" and head.pos_ == "PROPN" and verb.i == verb.sent.start:
        return head
    return None


INVERTED_AFTER_DEPS = ("dep", "dobj", "attr", "npadvmod", "appos")
SET_OFF_INSIDE = {",", "!", "?"}
"""What may end a quotation right before its closing mark and an inverted cue ('"Never!" exclaimed')."""
TIMES = ("DATE", "TIME")


def _inverted_after(verb: Token) -> Token | None:
    """``Tax cuts will wait, says minister``, ``"...," whispered the party chairman``: a cue after
    a comma (inside the closing mark, or not) with the speaker right after it, which the parse
    hangs on the cue as anything but a subject."""
    doc = verb.doc
    before = [doc[i].text for i in range(max(0, verb.i - 2), verb.i)]
    closed = len(before) == 2 and before[0] in SET_OFF_INSIDE and doc[verb.i - 1].is_quote
    if not (before[-1:] == [","] or closed):
        return None
    after = next((c for c in verb.children if c.i > verb.i and c.left_edge.i == verb.i + 1), None)
    if after is None or after.dep_ not in INVERTED_AFTER_DEPS:
        after = _phrase_before_break(verb)
    if after is None or after.ent_type_ in TIMES:
        return None  # "..., said Thursday morning on Fox News": no speaker there
    return after if after.pos_ in ("NOUN", "PROPN") else None


INVERTED_PHRASE_WORDS = 4
"""The most words of a speaker phrase the parse did not hang on an inverted cue."""


def _phrase_before_break(verb: Token) -> Token | None:
    """``..., says the party - and ...``: a short noun phrase between an inverted cue and the next
    punctuation, however the parse hung it (here on the clause after the dash)."""
    doc = verb.doc
    end = verb.i + 1
    while end < len(doc) and not doc[end].is_punct and end - verb.i <= INVERTED_PHRASE_WORDS:
        end += 1
    if end == verb.i + 1 or end >= len(doc) or not doc[end].is_punct:
        return None
    words = list(doc[verb.i + 1 : end])
    if words[0].pos_ not in ("DET", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    head = next((n for n, t in enumerate(words) if t.pos_ == "ADP"), len(words))
    return words[head - 1] if head > 0 else None  # "says a report by MPs -": the report


def _described_noun(verb: Token) -> Token | None:
    """``a House of Lords ruling that ...``: the name a participle cue hangs on speaks (not a
    common noun: "a news conference announcing ..." — but people do: "Mr Flight's allies saying",
    a group or role noun; and whoever, named or a group, made the thing the participle hangs on
    as a verb's object: "Ministers raised an appeal arguing ..."), and so does a writing, or
    whoever issued it ("Police released a statement saying ..."; ``document_nouns``:
    "a BBC story claiming ...", "A report by the committee called for ...", a finite cue the
    parse hung on its subject)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBD"):
        return None
    noun = verb.head
    if noun.pos_ == "PROPN" and verb.tag_ == "VBG":
        return noun
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if verb.tag_ == "VBG" and names_people(lemma):
        return noun
    made = noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues().making_verbs
    issuer = subject_of(noun.head) if made else None  # not "Mr X read a letter claiming"
    if lemma not in DOCUMENT_NOUNS:
        # "Ministers raised an appeal arguing that ...": who made it argues (not a thing that
        # merely carries the participle, "a news conference announcing", with no maker named)
        if issuer is None or verb.tag_ != "VBG":
            return None
        maker = issuer.pos_ == "PROPN" or names_people(issuer.lemma_.lower())
        return issuer if maker else None
    return issuer if issuer is not None and issuer.pos_ != "PRON" else noun


EVIDENCE = frozenset({"show", "suggest", "indicate", "signal", "mean", "prove", "imply"})
"""Cues whose "which" is more often the whole clause before than a body ("Voters punished the
party, which shows ..."), so that it stands for no one."""
PERSON_RELATIVES = {"who", "whom"}
"""Relative pronouns that stand for people, so that a common noun before them speaks too."""


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The name a relative pronoun subject stands for: the head of its clause when a name
    ("Smith, who says"), or the name its descriptor is in apposition to ("Lord Condon, head of
    the unit, who made the call")."""
    clause = pronoun.head
    if clause.dep_ != "relcl":
        return _name_right_before(pronoun)
    if clause.head.pos_ == "PROPN":
        return clause.head
    noun = clause.head
    for _ in range(4):
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return noun.head
        if noun.dep_ not in ("pobj", "prep"):
            break
        noun = noun.head
    if clause.head.pos_ == "NOUN" and (
        pronoun.lower_ in PERSON_RELATIVES
        or (names_people(clause.head.lemma_.lower()) and clause.lemma_.lower() not in EVIDENCE)
    ):
        # "an architect who said": "who" is a person, whatever the noun; "the government,
        # which denied": "which" stands for a body that speaks
        return clause.head
    return None


def _name_right_before(pronoun: Token) -> Token | None:
    """``the Chicago Police Department which reported``, parsed with the relative clause hung on
    the main verb: the name right before the pronoun (past a comma) is what it stands for."""
    i = pronoun.i - 1
    if i >= 0 and pronoun.doc[i].text == ",":
        i -= 1
    if i < 0 or pronoun.i - i > 2:
        return None
    before = pronoun.doc[i]
    return before if before.pos_ == "PROPN" and before.dep_ != "compound" else None


def _antecedent_of_relative(subject: Token, clause: Token) -> Token:
    """``Smith, who says ...``: the name a relative pronoun stands for (only a name: "supporters
    of Smith, who say" are not Smith)."""
    if (
        subject.lower_ in RELATIVE_PRONOUNS
        and clause.dep_ == "relcl"
        and clause.head.pos_ == "PROPN"
    ):
        return clause.head
    return subject


def _name_start(head: Token) -> Token:
    """The first word of the proper-noun run that ends at ``head`` (``Lord`` of Lord Carlile)."""
    first = head
    while first.i > 0:
        prev = first.doc[first.i - 1]
        if prev.pos_ != "PROPN" or prev.head.i != head.i or prev.dep_ not in ("compound", "flat"):
            break
        first = prev
    return first


def _person_before_verb(who: Token, index: MentionIndex) -> tuple[Entity, Span] | None:
    """``Minister for Children, Young People and Families Margaret Hodge said``: a person named
    right before the cue verb, inside the subject the parse gives, is the one who speaks."""
    verb = who.head
    if verb.i == who.i or verb.i == 0 or who.i >= verb.i:
        return None
    last = verb.doc[verb.i - 1]
    if last.pos_ != "PROPN" or not (_conjoined_under(last, who) or _titled_after_thing(last, who)):
        return _person_before_letters(verb, who, index)
    found = index.at(last.idx, last.idx + len(last.text), head=last.idx)
    if found is None or found[0].type != "PERSON":
        return None
    return found


def _titled_after_thing(name: Token, who: Token) -> bool:
    """``Essential Guide to British Quangos 2005 author Dan Lewis said``: a name with its title
    (a role or another common noun: "author") ends a subject the parse headed on a thing (the
    book), not on a person or a role ("a spokesman for Health Secretary John Reid said" stays
    the spokesman's)."""
    heads = lexicon().heads
    if who.ent_type_ == "PERSON" or who.lower_ in heads or who.lemma_.lower() in heads:
        return False
    return any(
        c.dep_ == "compound" and c.i < name.i and (c.lower_ in heads or c.pos_ == "NOUN")
        for c in name.children
    )


def _person_before_letters(
    verb: Token, who: Token, index: MentionIndex
) -> tuple[Entity, Span] | None:
    """``Chairman of the Environmental Audit Committee Peter Ainsworth MP, said``: letters after
    a name (``post_nominals``) just before the cue close the subject on a person, whatever the
    parse made of the phrase, unless that person is a preposition's object ("a spokesman for
    John Smith MP said")."""
    i = verb.i - 1
    if verb.doc[i].text == ",":
        i -= 1
    if i <= who.i or verb.doc[i].text not in cues().post_nominals:
        return None
    name = verb.doc[i - 1]
    found = index.at(name.idx, name.idx + len(name.text), head=name.idx)
    if found is None or found[0].type != "PERSON" or found[1].start <= who.idx:
        return None
    named = verb.doc.char_span(found[1].start, found[1].end, alignment_mode="expand")
    before = verb.doc[named.start - 1] if named is not None and named.start > 0 else None
    return None if before is None or before.pos_ == "ADP" else found


def _apposed_person(who: Token, index: MentionIndex) -> tuple[Entity, Span] | None:
    """``UKIP's leader, Roger Knapman, has said``, ``One of the Guildford Four, Gerry Conlon,
    said``: the subject's apposition names the person who speaks (not the organisation or the
    group the role belongs to), unless the subject names a person itself."""
    own = index.at(*phrase_of(who), head=who.idx)
    if own is not None and own[0].type == "PERSON" and own[1].start <= who.idx < own[1].end:
        return None  # "Tony Blair, ...": the subject names a person itself
    for child in who.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        found = index.at(*phrase_of(child), head=child.idx)
        if found is not None and found[0].type == "PERSON":
            return found
    return None


def _conjoined_under(token: Token, who: Token) -> bool:
    """``token`` hangs under ``who`` by names and conjuncts only (not "a spokesman for X")."""
    for _ in range(6):
        if token.i == who.i:
            return True
        if token.dep_ not in ("compound", "flat", "conj", "appos") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _possessor_end(who: Token) -> int | None:
    """Where a possessor of the subject's head ends (after ``His`` of "His lawyer"), if any."""
    owners = [c.right_edge for c in who.children if c.dep_ == "poss" and c.i < who.i]
    return max((t.idx + len(t.text) for t in owners), default=None)


def _role_holder(who: Token, index: MentionIndex) -> tuple[Entity, Span] | None:
    """``..., says minister``: a bare role noun, with no determiner, modifier or name, is the
    one person of the article who holds a role it fits (none when several do: "Government
    minister" or a shadow minister beside the minister is no one to guess)."""
    if who.lower_ not in lexicon().heads or any(
        c.dep_ in ("det", "poss", "compound", "amod", "nmod") for c in who.children
    ):
        return None
    fits = [
        e
        for e in index.entities
        if e.type == "PERSON"
        and lexicon().compatible(who.lower_, e.role)
        and len(e.name.split()) > 1  # a name, not "Ministers" that the recogniser took for one
    ]
    if len(fits) != 1:
        return None
    return fits[0], Span(text=who.text, start=who.idx, end=who.idx + len(who.text))


def people_word(token: Token) -> bool:
    """A common noun of people who can speak, by its lemma or, where the tagger took a plural
    for a singular ("MPs"), by the word less its "s"."""
    low = token.lower_
    return names_people(token.lemma_.lower()) or (low.endswith("s") and names_people(low[:-1]))


def names_people(lemma: str) -> bool:
    """A common noun of people who can speak: a role ("spokesman") or a group ("activist",
    "the committee")."""
    return lemma in lexicon().heads or lemma in group_nouns()


PLACES = {"GPE", "LOC", "FAC"}
ORIGIN_PREPS = {"from", "in", "on", "at", "across", "around"}
"""Prepositions before a place that say where people come from or what they know about."""
STATE_SECTORS = {"GOV", "COP", "MIL", "LEG", "JUD"}
"""Sectors of group nouns a place after them speaks through ("the government in Kabul")."""


def _place_they_come_from(who: Token, found: tuple[Entity, Span]) -> bool:
    """A place named after the head of a common-noun subject (``councillors from Hilltown``,
    ``a group of residents in X``) says where they come from, not who speaks; unless the noun is
    the state's (``the government in Kabul``, ``police in Leeds``). The recogniser types many a
    town an organisation: a notable place so typed counts as a place."""
    entity, mention = found
    if who.pos_ != "NOUN" or mention.start <= who.idx:
        return False
    preps = [t for t in who.subtree if t.dep_ == "prep" and t.idx < mention.start]
    if not preps or preps[-1].lower_ not in ORIGIN_PREPS:
        return False  # "a spokesman for Liverpool": the club he speaks for
    place = entity.type in PLACES or (entity.type == "ORG" and geo.is_notable_place(entity.name))
    return place and group_nouns().get(who.lemma_.lower()) not in STATE_SECTORS


def _person_after(who: Token, found: tuple[Entity, Span]) -> bool:
    """``Friends of Mr Quint said``, ``a spokesman for Ms Lee said``: a person named in a
    phrase after a common-noun subject's head is whom they are close to, not who speaks (as
    "His lawyer said" is the lawyer's). An organisation there still speaks through them
    ("a spokesman for the council")."""
    entity, mention = found
    if who.pos_ != "NOUN" or entity.type != "PERSON" or mention.start <= who.idx:
        return False
    named = [t for t in who.subtree if mention.start <= t.idx < mention.end]
    if not named or any(t.dep_ == "appos" for t in named):
        return False  # "A lawyer for the papers, Dan Shore, said": set off, the lawyer's name
    prep = next(
        (p for p in who.children if p.dep_ == "prep" and p.i < named[0].i <= p.right_edge.i),
        None,
    )
    if prep is None or prep.lower_ in AUTHOR_PREPS:
        return False
    if prep.lower_ == "from" and who.lemma_.lower() in DOCUMENT_NOUNS:
        return False  # "A statement from Ms Oduya said": her words, written ("a letter to" not)
    between = who.doc[prep.i + 1 : named[0].i]
    # "Chief executive of Dellmar Group Anton Reis said": after a role's "of" and the
    # organisation or place it names, a name is the role holder's own
    titled = (
        prep.lower_ == "of"
        and who.lower_ in lexicon().heads
        and any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in between)
    )
    return not titled


AUTHOR_PREPS = {"by"}
"""Prepositions before the one whose work speaks ("an analysis by Ms Lee"): the author."""


def speaker_for(doc: Doc, who: Token, index: MentionIndex) -> tuple[SpeakerRef | None, float]:
    """A speaker reference for the subject token, with how sure we are of it (a relative
    pronoun: the name it stands for, named at the pronoun)."""
    if who.lower_ in RELATIVE_PRONOUNS:
        antecedent = _relative_antecedent(who)
        if antecedent is None:
            return None, 0.0
        speaker, sure = speaker_for(doc, antecedent, index)
        if speaker is not None:
            speaker.mention = Span(text=who.text, start=who.idx, end=who.idx + len(who.text))
        return speaker, sure
    if index.skips(who.idx):
        # "WASHINGTON -- President Obama, ..., said": the parse makes the dateline's place the
        # subject and the speaker its apposition; a dateline never speaks
        named = next(
            (c for c in who.children if c.dep_ == "appos" and not index.skips(c.idx)),
            None,
        )  # not "Ga." of "ATLANTA, Ga. --", which the dateline holds too
        if named is None:
            return None, 0.0
        who = named
    start, end = phrase_of(who)
    found = index.at(start, end, head=who.idx, for_body=who.lower_ in SPOKESPEOPLE)
    owner = _possessor_end(who)
    if found is not None and owner is not None and found[1].start < owner <= who.idx:
        # "His lawyer said": the lawyer speaks, not the man "His" stands for; a name between
        # the possessor and the head still may ("Clinton's running mate Tim Kaine said")
        found = index.at(owner, who.idx + len(who.text), head=who.idx)
    if found is not None and who.pos_ == "PROPN" and not found[1].start <= who.idx < found[1].end:
        found = None  # "Liberal Democrat peer Lord Carlile said": the name the tagger missed speaks
    owned_by = next((c for c in who.children if c.dep_ == "poss"), None)
    if found is None and owned_by is not None and who.lemma_.lower() in DOCUMENT_NOUNS:
        # "the trust's annual report said": the one whose writing it is
        owner_start, owner_end = phrase_of(owned_by)
        found = index.at(owner_start, owner_end, head=owned_by.idx)
    found = _person_before_verb(who, index) or _apposed_person(who, index) or found
    found = found or _role_holder(who, index)
    if found is not None and (_place_they_come_from(who, found) or _person_after(who, found)):
        found = None  # "A group of councillors from Hilltown agreed": not Hilltown
    if found is not None:
        entity, mention = found
        return SpeakerRef(entity=entity.id, name=entity.name, mention=mention), 1.0
    if who.pos_ == "PROPN":
        first = _name_start(who)
        text = text_of(doc)[first.idx : who.idx + len(who.text)]
        return SpeakerRef(
            name=text, mention=Span(text=text, start=first.idx, end=first.idx + len(text))
        ), 0.6
    if who.pos_ == "PRON" and who.lower_ in UNNAMED_SOURCES and _unnamed_people(who):
        # "Those close to him say", "some of his aides note": an unnamed source, named by its
        # phrase and never resolved to a person
        words = doc[who.left_edge.i : who.right_edge.i + 1]
        return _phrase_speaker(doc, words.start_char, words.end_char), UNNAMED_SURE
    if who.pos_ == "PRON":
        if who.lower_ not in SPEAKING_PRONOUNS:
            return None, 0.0
        mention = Span(text=who.text, start=who.idx, end=who.idx + len(who.text))
        group = _group_they_stand_for(who) if who.lower_ in GROUP_PRONOUNS else None
        if group is not None:
            # "Union leaders met on Monday. They said ...": the group, named at the pronoun
            them, _ = speaker_for(doc, group, index)
            if them is not None and (them.entity or them.name):
                return SpeakerRef(entity=them.entity, name=them.name, mention=mention), 0.5
        # An unresolved "they" names nobody: keep the mention, give no name rather than a wrong one.
        return SpeakerRef(mention=mention), 0.0
    return _phrase_speaker(doc, start, end), 0.6


GROUP_PRONOUNS = frozenset({"they"})
"""Pronouns that may stand for a group named as the main subject just before."""


def _group_they_stand_for(pronoun: Token) -> Token | None:
    """``The teachers were so angered they threatened ...``, ``Union leaders met on Monday.
    They said ...``: the plural people noun (or group of a nation or party, "Democrats") that is
    the last main subject before the pronoun (``syntax.last_main_subject``); None where that is
    anything else: a thing, one person, two groups ("Republicans and Democrats"), people
    something befell ("The victims were named", "Five people died")."""
    subject = last_main_subject(pronoun)
    if (
        subject is None
        or subject.dep_ == "nsubjpass"
        or any(c.dep_ in ("conj", "nummod") for c in subject.children)
    ):
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ == "NORP"
    if plural and (people_word(subject) or subject.ent_type_ in ("NORP", "ORG")):
        return subject
    return None


UNNAMED_SURE = 0.3
"""How sure an unnamed source ("someone", "those close to him") is: it names no one."""
PEOPLE_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entity types that can speak: people, bodies, nations or parties, countries."""
PEOPLE_PRONOUNS = frozenset({"them", "those"})
UNMADE_AUX = frozenset({"will", "shall", "would", "could", "can", "may", "might", "must", "should"})
"""Auxiliaries of one who only might or must speak ("One could argue")."""
OBLIGED = frozenset({"have", "need", "ought"})


def _unnamed_people(who: Token) -> bool:
    """An indefinite pronoun that stands for people who spoke: not things ("some of the data",
    "all of which", "those of us": the writer) nor someone who only might or must ("One could
    argue", "Someone has to say")."""
    of = [
        g
        for c in who.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(
        not (people_word(g) or g.ent_type_ in PEOPLE_TYPES or g.lower_ in PEOPLE_PRONOUNS)
        for g in of
    ):
        return False
    verb = who.head
    if verb.lemma_.lower() in OBLIGED:
        return False  # "Someone has to say"
    return not any(c.dep_ == "aux" and c.lower_ in UNMADE_AUX for c in verb.children)


def _phrase_speaker(doc: Doc, start: int, end: int) -> SpeakerRef:
    """A speaker named by the words of its phrase ("a Home Office spokesman", "some critics")."""
    text = text_of(doc)[start:end]
    return SpeakerRef(name=text, mention=Span(text=text, start=start, end=end))
