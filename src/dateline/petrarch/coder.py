"""Code events with PETRARCH dictionaries over a spaCy dependency parse (no constituency parser).

Actors and agents are matched on the tokens (longest match of the dictionary's words, case
blind); verbs by their listed forms or lemma; a verb's patterns are checked in a window of
tokens around it (the sentence before it, its dependency subtree after it). The source is the
subject's noun phrase, the target the first actor after the verb or the one a pattern marks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.petrarch.dictionaries import Dictionaries
from dateline.petrarch.reader import MARKERS, Actor, Agent, Element, Pattern, VerbFamily, VerbForm
from dateline.syntax import climb, first_child, passive_agent

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLIMB = {"xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep", "aux", "relcl", "acl"}
NP_MODIFIERS = {"compound", "poss", "amod", "nmod", "flat", "nummod", "case", "det", "quantmod"}
ACTOR_PREPS = {"of", "in", "from", "at"}
RELATIVE = {"who", "which", "that", "whom"}


@dataclass(frozen=True)
class Side:
    """One coded actor: its code and the tokens that name it."""

    code: str
    start: int
    end: int


@dataclass(frozen=True)
class Coded:
    """One coded event of a sentence."""

    source: Side
    target: Side
    code: str
    verb: int
    verb_end: int
    pattern: str | None = None


@dataclass
class Match:
    """A pattern that matched: where its markers fell."""

    pattern: Pattern
    marks: dict[str, int | str] = field(default_factory=dict)


def _word(token: Token) -> str:
    return token.text.upper().replace("’", "'").replace("‘", "'")


def _combine(code: str, agents: list[Agent]) -> str:
    """Actor code with agent codes before (``NGO~``) or after (``~GOV``), skipping repeats."""
    out = code
    for agent in agents:
        chunks = [out[i : i + len(agent.code)] for i in range(0, len(out), 3)]
        if agent.code in chunks:
            continue
        out = agent.code + out if agent.prefix else out + agent.code
    return out


class SentenceCoder:
    """Codes one sentence: actor and agent matches once, then every dictionary verb."""

    def __init__(self, sent: SpacySpan, dictionaries: Dictionaries, day: dt.date | None) -> None:
        self.sent = sent
        self.dicts = dictionaries
        self.day = day
        self.doc = sent.doc
        self.words = [_word(t) for t in self.doc]
        self.actor_at: dict[int, tuple[int, list[str]]] = {}
        self.agent_at: dict[int, tuple[int, Agent]] = {}
        i = sent.start
        while i < sent.end:
            found = dictionaries.actors.longest(self.words[: sent.end], i)
            if found is not None:
                n, actor = found
                assert isinstance(actor, Actor)
                codes = actor.resolve(day)
                if codes:
                    self.actor_at[i] = (i + n, codes)
                    i += n
                    continue
            found = dictionaries.agents.longest(self.words[: sent.end], i)
            if found is not None:
                n, agent = found
                assert isinstance(agent, Agent)
                self.agent_at[i] = (i + n, agent)
                i += n
                continue
            i += 1

    # ------------------------------------------------------------------ noun phrases

    def np_head(self, token: Token) -> Token:
        """Climb from a word of a noun phrase to its head noun."""
        *_, head = climb(token, NP_MODIFIERS, 6)
        return head

    def np_bounds(self, head: Token) -> tuple[int, int]:
        left = head.left_edge.i
        right = head.i
        for child in head.rights:
            if child.dep_ in ("compound", "flat", "nummod") and child.i == right + 1:
                right = child.right_edge.i
            else:
                break
        return max(left, self.sent.start), right + 1

    def code_np(self, head: Token, depth: int = 0) -> list[Side]:
        """Actors named by the noun phrase headed by ``head`` and its conjuncts."""
        if depth > 4:
            return []
        start, end = self.np_bounds(head)
        actor = next(
            ((i, *self.actor_at[i]) for i in range(start, end) if i in self.actor_at), None
        )
        agents = [self.agent_at[i][1] for i in range(start, end) if i in self.agent_at]
        sides: list[Side] = []
        if actor is not None:
            codes = actor[2]
            sides = [Side(_combine(code, agents), start, end) for code in codes]
        else:
            owners: list[Side] = []
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ACTOR_PREPS:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            owners += self.code_np(obj, depth + 1)
                    if owners:
                        break
            if owners and agents:
                sides = [Side(_combine(o.code, agents), start, end) for o in owners]
            elif owners:
                sides = owners  # "the population of Gondor"
            elif agents:
                sides = [Side(_combine("---", agents), start, end)]
        for conj in head.children:
            if conj.dep_ == "conj":
                more = self.code_np(conj, depth + 1)
                if sides and actor is not None:
                    base = _combine(actor[2][0], [a for a in agents if a.prefix])
                    more = [
                        Side(_combine(base, [self.agent_at[i][1] for i in range(m.start, m.end)
                                             if i in self.agent_at]), m.start, m.end)
                        if m.code.startswith("---") else m
                        for m in more
                    ]  # fmt: skip
                sides += more
        return sides

    def first_actor(self, positions: list[int], agents_too: bool = True) -> list[Side]:
        """The actors of the first noun phrase in ``positions`` that names one."""
        for i in positions:
            if i in self.actor_at:
                return self.code_np(self.np_head(self.doc[i]))
        if agents_too:
            for i in positions:
                if i in self.agent_at:
                    return self.code_np(self.np_head(self.doc[i]))
        return []

    # ------------------------------------------------------------------ verbs

    def subject(self, verb: Token) -> Token | None:
        for token in climb(verb, CLIMB, 5):
            subject = first_child(token, SUBJECTS)
            if subject is not None:
                if subject.lower_ in RELATIVE and token.dep_ in ("relcl", "acl"):
                    return token.head
                if subject.pos_ != "PRON" or token.dep_ not in CLIMB:
                    return subject
        return None

    def window(self, verb: Token, end: int) -> list[int]:
        """Tokens after the verb in its subtree, leaving out coordinated verbs' clauses."""
        skip: set[int] = set()
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                skip |= {t.i for t in child.subtree}
            if child.dep_ == "cc" and any(
                c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children
            ):
                skip.add(child.i)
        return [t.i for t in verb.subtree if t.i >= end and t.i not in skip and t.i < self.sent.end]

    def verb_forms(self, token: Token) -> list[tuple[VerbFamily, VerbForm, int, int]]:
        """Dictionary verbs this token is, with the token range their words cover."""
        found: list[tuple[VerbFamily, VerbForm, int, int]] = []
        index = self.dicts.verbs.index
        keys = [self.words[token.i]]
        lemma = token.lemma_.upper()
        if lemma != keys[0]:
            keys.append(lemma)
        seen: set[int] = set()
        for key in keys:
            for family, form in index.get(key, ()):
                if id(form) in seen:
                    continue
                if key == lemma and key != keys[0] and form.words[form.verb_at] != lemma:
                    continue
                seen.add(id(form))
                start = token.i - form.verb_at
                end = start + len(form.words)
                if start < self.sent.start or end > self.sent.end:
                    continue
                if all(
                    self.words[start + k] == w
                    for k, w in enumerate(form.words)
                    if k != form.verb_at
                ):
                    found.append((family, form, start, end))
        found.sort(key=lambda f: -len(f[1].words))
        return found

    def _element_lengths(self, element: Element, at: int, limit: int) -> list[int]:
        """Token counts an element can cover starting at ``at`` (empty: no match)."""
        value = element.value
        if at >= limit or at < self.sent.start:
            return []
        if not value.startswith("&"):
            return [1] if self.words[at] == value else []
        out: list[int] = []
        for member in self.dicts.verbs.synsets.get(value, ()):
            lengths = [0]
            for word in member:
                grown: list[int] = []
                for n in lengths:
                    if word.startswith("&"):
                        grown += [
                            n + m for m in self._element_lengths(Element(word, True), at + n, limit)
                        ]
                    elif at + n < limit and self.words[at + n] == word:
                        grown.append(n + 1)
                lengths = grown
            out += [n for n in lengths if n > 0]
        return sorted(set(out), reverse=True)

    def _match_post(
        self, elements: tuple[Element, ...], k: int, after: int, allowed: set[int], marks: dict
    ) -> bool:
        if k == len(elements):
            return True
        element = elements[k]
        if element.value in MARKERS:
            marks[element.value] = after + 1
            return self._match_post(elements, k + 1, after, allowed, marks)
        candidates = [after + 1] if element.joined else sorted(j for j in allowed if j > after)
        for j in candidates:
            if j not in allowed:
                continue
            for n in self._element_lengths(element, j, self.sent.end):
                if all(j + m in allowed for m in range(n)) and self._match_post(
                    elements, k + 1, j + n - 1, allowed, marks
                ):
                    return True
        return False

    def _match_pre(
        self, elements: tuple[Element, ...], k: int, before: int, adjacent: bool, marks: dict
    ) -> bool:
        if k < 0:
            return True
        element = elements[k]
        if element.value in MARKERS:
            marks[element.value] = "pre"
            return self._match_pre(elements, k - 1, before, adjacent or element.joined, marks)
        ends = [before - 1] if adjacent else range(before - 1, self.sent.start - 1, -1)
        for end in ends:
            for start in range(end, max(self.sent.start, end - 6) - 1, -1):
                if end + 1 - start in self._element_lengths(element, start, end + 1) and (
                    self._match_pre(elements, k - 1, start, element.joined, marks)
                ):
                    return True
        return False

    def match(self, pattern: Pattern, start: int, end: int, allowed: set[int]) -> Match | None:
        marks: dict[str, int | str] = {}
        elements = pattern.elements
        star = pattern.star
        if not self._match_pre(elements, star - 1, start, elements[star].joined, marks):
            return None
        if not self._match_post(elements, star + 1, end - 1, allowed, marks):
            return None
        return Match(pattern, marks)

    def code_verb(self, token: Token) -> list[Coded]:
        forms = self.verb_forms(token)
        if not forms:
            return []
        family, form, start, end = forms[0]
        window = self.window(token, end)
        allowed = set(window)
        best: Match | None = None
        for pattern in family.patterns:
            if best is not None and pattern.size <= best.pattern.size:
                continue
            found = self.match(pattern, start, end, allowed)
            if found is not None:
                best = found
        code = best.pattern.code if best is not None else form.code or family.code
        if not code or code.startswith("---"):
            return []
        primary, _, reverse = code.partition(":")
        marks = best.marks if best is not None else {}
        subject = self.subject(token)
        subject_sides = self.code_np(self.np_head(subject)) if subject is not None else []
        sources = subject_sides
        agent = passive_agent(token)
        if agent is not None and subject is not None and not marks:
            # "X was criticised by Y": Y acts on X
            acted_on = self.code_np(self.np_head(subject))
            by = self.code_np(self.np_head(agent))
            return self._pairs(by, acted_on, primary, reverse, start, end, None)
        source_at, target_at = marks.get("$"), marks.get("+")
        if isinstance(source_at, int):
            sources = self.first_actor([i for i in window if i >= source_at])
        targets: list[Side]
        if marks.get("+") == "pre":
            targets = subject_sides
            if not isinstance(marks.get("$"), int):
                sources = []
        elif isinstance(target_at, int):
            targets = self.first_actor([i for i in window if i >= target_at])
        else:
            used = {i for s in sources for i in range(s.start, s.end)}
            targets = self.first_actor([i for i in window if i not in used])
        text = best.pattern.text if best is not None else None
        compound = marks.get("%") == "pre"
        return self._pairs(sources, targets, primary, reverse, start, end, text, compound)

    def _pairs(
        self,
        sources: list[Side],
        targets: list[Side],
        primary: str,
        reverse: str,
        start: int,
        end: int,
        text: str | None,
        compound: bool = False,
    ) -> list[Coded]:
        pairs: list[tuple[Side, Side, str]] = []
        if compound or (not targets and len(sources) >= 2):
            for a_i, a in enumerate(sources):
                for b in sources[a_i + 1 :]:
                    pairs.append((a, b, primary))
                    pairs.append((b, a, reverse or primary))
        else:
            for s in sources:
                for t in targets:
                    if s.code == t.code or (s.start, s.end) == (t.start, t.end):
                        continue
                    pairs.append((s, t, primary))
                    if reverse:
                        pairs.append((t, s, reverse))
        return [
            Coded(s, t, c, start, end, text)
            for s, t, c in pairs
            if c and not c.startswith("---") and s.code != "---" and t.code != "---"
        ]

    def discard(self) -> str | None:
        """``storydiscard`` or ``sentencediscard`` when a discard phrase is in the sentence."""
        for i in range(self.sent.start, self.sent.end):
            found = self.dicts.discards.longest(self.words[: self.sent.end], i)
            if found is not None:
                return "storydiscard" if found[1] else "sentencediscard"
        return None

    def code(self) -> list[Coded]:
        """Every event of the sentence (an event in a reported clause wins over its report)."""
        by_verb: dict[int, list[Coded]] = {}
        for token in self.sent:
            if token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX"):
                coded = self.code_verb(token)
                if coded:
                    by_verb[token.i] = coded
        out: list[Coded] = []
        for i, coded in by_verb.items():
            inner = any(
                j != i and self.doc[i] in self.doc[j].ancestors and self.doc[j].dep_ == "ccomp"
                for j in by_verb
            )
            if not inner:
                out += coded
        seen: set[tuple[str, str, str]] = set()
        unique: list[Coded] = []
        for c in out:
            key = (c.source.code, c.target.code, c.code)
            if key not in seen:
                seen.add(key)
                unique.append(c)
        return unique
