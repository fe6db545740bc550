"""The two sides of a predicate: who acts (subject, passive agent, possessor) and on whom.

Named actors come from the actors stage (``ActorResolver``); a noun phrase it cannot code is kept
as a ``phrase`` side when its head is a proper noun or a group noun (``officials``, ``police``:
``data/actor_nouns.json``), so that a dyad is never lost for want of a code. The word tables
(prepositions, pronouns, holder and reporting verbs) are ``data/event_words.json``'s.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors.lexicon import group_nouns, lexicon
from dateline.events.actors import ActorResolver, Side, sector_of
from dateline.events.modality import word_list, words
from dateline.nlp import text_of
from dateline.quotes.speaker import subject_of
from dateline.schema import ActorRef, Span
from dateline.syntax import FINITE_TAGS, passive_agent, phrase_of

TARGET_PREPS = words("target_preps")
"""Prepositions whose object can be the other side when the predicate names none."""
SOURCE_HOLDERS = words("source_holders")
"""Verbs whose subject is the source of their nominal event (``X held talks``)."""
PLACE_PREPS = words("place_preps")
REPORTING_VERBS = words("reporting_verbs")
REPORTER_PRONOUNS = words("reporter_pronouns")
"""Subjects of a reported clause that stand for the reporter: "the ELN said it will ..."."""
ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
PERSONAL_PRONOUNS = words("personal_pronouns")
AGENT_SUFFIXES = word_list("agent_suffixes")
QUANTITY_NOUNS = words("quantity_nouns")
NOT_ACTORS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def _span(token: Token) -> Span:
    start, end = phrase_of(token)
    return Span(text=text_of(token.doc)[start:end], start=start, end=end)


def _of_object(token: Token) -> Token | None:
    """``dozens of demonstrators``, ``one of the critics``: the group the quantity counts."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _is_acronym(token: Token) -> bool:
    return len(token.text) >= 2 and token.text.isupper() and token.text.isalpha()


def _is_agent_noun(token: Token) -> bool:
    """People named by what they do: ``strikers``, ``loyalists``, ``residents``."""
    return token.tag_ == "NNS" and token.lower_.endswith(AGENT_SUFFIXES)


def _names_an_actor(token: Token) -> bool:
    """``the Senate President's aide``, ``a UN expert``, ``NATO allies``: a noun whose
    modifiers name an organisation, place or person, or a role noun (``the chairman``)."""
    if lexicon().sector(token.lemma_.lower()) is not None:
        return True
    return any(
        c.dep_ in ("poss", "compound", "amod", "nmod")
        and (c.ent_type_ in ACTOR_ENTITIES or _is_acronym(c) or c.pos_ == "PROPN")
        for c in token.children
    )


def _title_case_name(token: Token) -> bool:
    """``Action Against Hunger says``, ``Jurisdiction for Peace ordered``: a title-case noun whose
    preposition's object is a title-case name right after it is an organisation's name the
    recogniser missed (the tagger reads its head as a common noun); at a sentence's start, where
    every word is title case, only when that object is no entity of its own ("Pressure from
    Washington forced ..." is no name)."""
    if not token.is_title:
        return False
    first = token.is_sent_start is True  # title case whatever it is: "Pressure from Washington"
    for prep in token.children:
        if prep.dep_ == "prep" and prep.i == token.i + 1:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.is_title and obj.i == prep.i + 1:
                return not (first and obj.ent_type_)  # at a sentence start, no named place
    return False


def _phrase_side(token: Token) -> Side | None:
    """An uncoded side: a proper noun, acronym, group or agent noun phrase (else a ``thing``)."""
    if token.lower_ in PERSONAL_PRONOUNS:
        # "he branded the response": unresolved, the pronoun still says where the side is named
        return Side(ActorRef(name=token.text), None, kind="pronoun")
    counted = _of_object(token) if token.pos_ in ("NUM", "NOUN", "PRON") else None
    if counted is not None and (token.pos_ != "NOUN" or token.ent_type_ in NOT_ACTORS
                                or token.lemma_.lower() in QUANTITY_NOUNS):  # fmt: skip
        return _phrase_side(counted)
    if (
        token.pos_ not in ("PROPN", "NOUN") and not _is_acronym(token)
    ) or token.ent_type_ in NOT_ACTORS:
        return None
    sector = group_nouns().get(token.lemma_.lower())
    if (
        token.pos_ == "PROPN"
        or _is_acronym(token)
        or _title_case_name(token)
        or sector is not None
        or _is_agent_noun(token)
        or _names_an_actor(token)
    ):
        return Side(ActorRef(code=sector or None, name=_span(token).text), None, kind="phrase")
    return Side(ActorRef(name=_span(token).text), None, kind="thing")


def _actor_behind(token: Token) -> Token | None:
    """Whose the thing is: ``the mayor's removal``, ``rulings by two courts``."""
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


OWNER_DEPS = ("compound", "amod")
OWNER_ENTITIES = ("ORG", "NORP")


def _people_noun(token: Token) -> bool:
    """A noun that names people: a role or sector noun, a group noun, an agent noun."""
    lemma = token.lemma_.lower()
    return sector_of(token) is not None or lemma in group_nouns() or _is_agent_noun(token)


def _named_owner(token: Token, actors: ActorResolver) -> Side | None:
    """``attacked the Tory plans``, ``criticised a UN expert``: an uncoded target phrase, a
    thing or people the lexicons do not know ("the Catholic bishops"), stands for the party or
    organisation named in it, as CAMEO codes an actor by its affiliation; the side keeps the
    phrase as its span. Not a noun that the lexicons code themselves (a role, a group, an agent
    noun: "Labour MPs" stay legislators). Only on the target side: ``the Tory plans would cut
    ...`` is no act of the party's, and ``warned that the Labour plans would fail`` predicts, it
    threatens no one."""
    if _people_noun(token):
        return None
    for child in token.children:
        if child.dep_ in OWNER_DEPS and child.ent_type_ in OWNER_ENTITIES:
            side = actors.side(child)
            if side is not None and side.kind == "entity":
                side.actor.span = _span(token)
                return side
    return None


def resolve(token: Token | None, actors: ActorResolver, target: bool = False) -> list[Side]:
    """Every side a noun phrase names, each with the span that names it in this sentence
    (``target``: a thing stands for the party or organisation named before it)."""
    if token is None:
        return []
    found: list[Side] = []
    for t in (token, *token.conjuncts):
        one = side_of(t, actors, target)
        if t.pos_ != "PROPN" or one is None or one.kind != "entity":
            one = _apposed_name(t, actors) or one  # not "Labour, the party of X," backwards
        if one is not None:
            found.append(one)
    if any(s.kind == "entity" for s in found):
        # "Acme's executives and advisers": the named side stands for the group; a coded group
        # noun of its own stays ("Green and Labour MPs and the party's own backbenchers")
        found = [s for s in found if s.kind in ("entity", "group") or _coded_phrase(s)]
    return found


def _coded_phrase(side: Side) -> bool:
    """An unnamed side the group-noun table codes (``backbenchers`` LEG, ``protesters``)."""
    return side.kind == "phrase" and bool(side.actor.code)


NAMED_ACTORS = ("PERSON", "ORG")


def _apposed_name(token: Token, actors: ActorResolver) -> Side | None:
    """``the party's home affairs spokesman, Mark Oaten, accused ...``: a title or description
    with a name in apposition is the named person or organisation (not the party whose
    spokesman they are: the name is the more precise actor). Not a list of places ("two
    villages, Beit Hanoun and Jabaliya"), which stays the phrase that counts them."""
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and not child.conjuncts:
            side = actors.side(child)
            entity = actors.entities.get(side.actor.entity or "") if side is not None else None
            if side is not None and entity is not None and entity.type in NAMED_ACTORS:
                if side.actor.span is None:
                    side.actor.span = _span(child)
                return side
    return None


def side_of(token: Token, actors: ActorResolver, target: bool = False) -> Side | None:
    """The side one conjunct names; for a thing, the actor whose it is, if any (``target``: an
    uncoded phrase's named party or organisation too, ``_named_owner``)."""
    side = actors.side(token) or _phrase_side(token)
    if target and side is not None and side.kind in ("thing", "phrase") and not side.actor.code:
        side = _named_owner(token, actors) or side
    if side is not None and side.kind == "thing":
        behind = _actor_behind(token)
        owner = side_of(behind, actors) if behind is not None else None
        if owner is not None and owner.kind != "thing":
            return owner
    if side is not None and side.actor.span is None:
        side.actor.span = _span(token)
    return side


def _own_subject(clause: Token) -> Token | None:
    """The subject, active or passive, that hangs directly under a word."""
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _aux_subject(token: Token) -> Token | None:
    """``They were challenging``, parsed with the subject under the auxiliary."""
    for aux in token.children:
        if aux.dep_ in ("aux", "auxpass"):
            found = _own_subject(aux)
            if found is not None:
                return found
    return None


NAME_DEPS_NOT_SUBJECT = {"nsubj", "nsubjpass", "compound", "poss"}


def _name_before(token: Token) -> Token | None:
    """A name right before a finite verb the parse left without a subject: "On a visit to X,
    President Y voiced ..." (the name hung on the place), "USAID provided ..." (the acronym
    taken for an adverb). Only a name touching the verb, so that coordinated verbs ("met X
    and signed") and clauses after a comma keep no subject."""
    if token.tag_ not in FINITE_TAGS or token.i == token.sent.start:
        return None
    before = token.doc[token.i - 1]
    if before.dep_ in NAME_DEPS_NOT_SUBJECT or before.is_sent_start:
        return None
    if _is_acronym(before) or (before.pos_ == "PROPN" and before.ent_type_ in ACTOR_ENTITIES):
        return before
    return None


def subject(token: Token) -> Token | None:
    """The subject of a predicate, climbing ``is willing to provide`` and ``said it will``
    (a pronoun subject of a reported clause is the reporter: ``the ELN said it will ...``)."""
    found = subject_of(token) or _aux_subject(token)
    current = token
    for _ in range(3):
        if found is not None or current.dep_ not in ("xcomp", "acomp") or current.head is current:
            break
        current = current.head
        found = subject_of(current)
    if found is not None and found.lower_ in REPORTER_PRONOUNS:
        clause = found.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS:
            return subject_of(clause.head) or found
    return found


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions among ``preps``."""
    return [
        obj
        for prep in token.children
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def object_of(token: Token) -> Token | None:
    """The direct object (or dative) of a verb."""
    return next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)


def complement(token: Token) -> Token | None:
    """The clause a frame verb governs: ``refused to back``, ``agreed to lift``."""
    return next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def verb_sides(
    token: Token, objects_are_targets: bool, preps: frozenset[str], actors: ActorResolver
) -> tuple[list[Side], list[Side]]:
    """Subject (or passive agent) -> object, target prepositions, or the complement's object."""
    agent = passive_agent(token)
    passive_subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if agent is not None:
        return resolve(agent, actors), resolve(passive_subject, actors, target=True)
    if passive_subject is not None:
        return _place_acting(token, actors), resolve(passive_subject, actors, target=True)
    who = subject(token)
    sources = resolve(who, actors) if who is not None else _alone(_name_before(token), actors)
    obj = object_of(token)
    undergone = _undergone_from(token, obj, actors)
    if undergone:
        return undergone, sources  # "faces opposition from Tory MPs": the MPs oppose
    targets = resolve(obj, actors, target=True) if objects_are_targets or obj is None else []
    if obj is not None and obj.pos_ == "NOUN":
        # "launched attacks on X", "ordered the arrest of X": the object's own other side
        for inner in prep_objects(obj, TARGET_PREPS | {"of"}):
            targets = resolve(inner, actors) + targets
    for pobj in prep_objects(token, preps or TARGET_PREPS):
        targets += resolve(pobj, actors, target=True)
    clause = complement(token)
    if not _actors(targets) and clause is not None:
        targets += resolve(object_of(clause), actors)
        for pobj in prep_objects(clause, TARGET_PREPS):
            targets += resolve(pobj, actors)
    for governor in (token, clause):
        if governor is not None and not _actors(targets):
            targets += _actors(resolve(_small_clause_subject(governor), actors))
    if not _actors(targets) and obj is None:
        # "the alliance agreed to extend its mission in Kosovo": the place acted on
        targets += [s for o in prep_objects(token, PLACE_PREPS) for s in resolve(o, actors)
                    if s.country and s.kind == "entity"]  # fmt: skip
    return sources, _best_first(targets)


def _alone(token: Token | None, actors: ActorResolver) -> list[Side]:
    """The side one word names, without the conjuncts a misparse gave it."""
    side = side_of(token, actors) if token is not None else None
    return [side] if side is not None else []


UNDERGOING = words("undergoing")
"""Verbs whose subject undergoes what comes ``from`` someone: "received aid from Japan"."""


def _undergone_from(token: Token, obj: Token | None, actors: ActorResolver) -> list[Side]:
    """The actors of a ``from`` phrase after an undergoing verb or its object, if any."""
    if token.lemma_.lower() not in UNDERGOING:
        return []
    where = [token] if obj is None else [token, obj]
    found = [o for w in where for o in prep_objects(w, frozenset({"from"}))]
    return [s for o in found for s in resolve(o, actors) if s.kind != "thing"]


PASSIVE_PLACE_PREPS = words("passive_place_preps")


def _place_acting(token: Token, actors: ActorResolver) -> list[Side]:
    """``was arrested in Rwanda``, ``were expelled from North Korea``: with no agent named,
    the country where a passive act is done stands for its doer, as PLOVER coders code it."""
    return [
        s
        for o in prep_objects(token, PASSIVE_PLACE_PREPS)
        for s in resolve(o, actors)
        if s.kind == "entity" and s.country and s.actor.code == s.country and not actors.is_city(s)
    ]


def _small_clause_subject(token: Token) -> Token | None:
    """``found the banker guilty``, ``called for him to go``, ``demanded that Dbeibeh appear``,
    ``refused to allow two airlines to land``: the subject of the clause the verb governs (a
    small clause, an infinitive with its own subject, or a finite ``that`` clause whose subject
    is not a pronoun, which is most often the source itself: ``warned it would retaliate``)."""
    for child in token.children:
        if child.dep_ not in ("ccomp", "oprd", "xcomp", "advcl"):
            continue
        marked = any(c.dep_ in ("mark", "prep") and c.lower_ == "for" for c in child.children)
        small = child.pos_ in ("ADJ", "NOUN") or (child.pos_ == "VERB" and marked)
        governed = child.pos_ in ("VERB", "AUX") and child.dep_ in ("ccomp", "xcomp")
        if not (small or governed):
            continue
        found = _own_subject(child)
        if found is not None and (small or found.pos_ != "PRON"):
            return found
    return None


OBLIGATION_AUX = words("obligation_aux")
DEMAND_REPORTERS = words("demand_reporters")
"""Reporting verbs whose ``Y must do Z`` clause is a demand on Y (PLOVER REQUEST)."""


def demand_sides(token: Token, actors: ActorResolver) -> tuple[list[Side], list[Side]] | None:
    """``X said Y must end the attacks``: X (the reporter) demands of Y (the clause's subject,
    a named or group actor, not a pronoun). None when the word reports no such clause."""
    if token.lemma_.lower() not in DEMAND_REPORTERS:
        return None
    for clause in token.children:
        if clause.dep_ != "ccomp" or not any(
            a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in clause.children
        ):
            continue
        who = _own_subject(clause)
        if who is None or who.pos_ == "PRON":
            return None
        sources, targets = resolve(subject(token), actors), _actors(resolve(who, actors))
        if sources and targets:
            return sources, targets
    return None


def noun_sides(
    token: Token, preps: frozenset[str], actors: ActorResolver
) -> tuple[list[Side], list[Side]]:
    """Possessor or modifier (``Russia's attack``), else the subject of ``held talks``."""
    sources: list[Side] = []
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod"):
            # "the Lausanne meeting": a city before the noun says where, not who
            sources += [s for s in resolve(child, actors) if not actors.is_city(s)]
    between = prep_objects(token, frozenset({"between"}))
    if between:
        return resolve(between[0], actors), []
    sources += resolve(passive_agent(token), actors)
    if not sources:
        # "criticism from the UN", "a visit from the president": who it comes from acts
        sources = [s for o in prep_objects(token, frozenset({"from"})) for s in resolve(o, actors)]
    if not sources and token.dep_ in ("dobj", "pobj", "attr"):
        head = token.head.head if token.dep_ == "pobj" else token.head
        if head.lemma_.lower() in SOURCE_HOLDERS:
            sources = resolve(subject(head), actors)
    targets: list[Side] = []
    for obj in prep_objects(token, (preps or TARGET_PREPS) - {"between"}):
        targets += resolve(obj, actors)
    if not _actors(targets) and token.dep_ == "dobj" and token.head.lemma_.lower() in UNDERGOING:
        # "Labour has attracted media criticism": who undergoes it is the other side
        targets += _actors(resolve(subject(token.head), actors))
    return sources, _best_first(targets)


def _actors(sides: list[Side]) -> list[Side]:
    return [s for s in sides if s.kind != "thing"]


def _best_first(sides: list[Side]) -> list[Side]:
    """Named and group actors before mere things; things only when there is nothing else."""
    named = _actors(sides)
    return named or sides[:1]
