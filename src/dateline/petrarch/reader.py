"""Readers for the TABARI/PETRARCH dictionary formats: actors, agents, discards and verbs.

Each reader takes the file's lines and returns plain data indexed once for matching; a line
that cannot be read raises ``DatelineError("FILE:LINE: ...")``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import DatelineError

Words = tuple[str, ...]
WORD_RE = re.compile(r"[^\s\-(),{}]+|[\-(),]")
CODE_BLOCK = re.compile(r"\[([^\[\]]*)\]")
DATE_ONE = re.compile(r"^([<>])\s*(\d{6}|\d{8})$")
DATE_RANGE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
CODE_TOKEN = re.compile(r"^[A-Za-z0-9~+\-#/?]+$")


def words_of(phrase: str) -> Words:
    """Dictionary phrase -> the words spaCy would make of it (``_`` and spaces join words)."""
    return tuple(WORD_RE.findall(phrase.replace("_", " ").upper()))


def _strip_comment(line: str) -> str:
    """The line without its ``# comment`` (a ``#`` inside a ``[code]`` is part of the code)."""
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines with their numbers, without ``<!-- ... -->`` comments (which may span lines)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DatelineError(f"{path}: cannot read dictionary ({exc.strerror})") from exc
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        while "<!" in line:
            before, after = line.split("<!", 1)
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            elif after.rstrip().endswith(">"):  # <!-- ... > written without the dashes
                line = before
            else:
                in_comment = True
                line = before
                break
        yield number, line


# ---------------------------------------------------------------------------- dates


def _date(value: str) -> dt.date:
    if len(value) == 6:  # YYMMDD as TABARI wrote them: 2-digit years up to 30 are 20xx
        year = int(value[:2])
        value = f"{2000 + year if year <= 30 else 1900 + year}{value[2:]}"
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))


@dataclass(frozen=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (inclusive; None means open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _code_block(body: str, where: str) -> DatedCode:
    """``CODE``, ``CODE <YYYYMMDD``, ``CODE >YYYYMMDD`` or ``CODE YYYYMMDD-YYYYMMDD``."""
    body = body.strip()
    if not body:
        raise DatelineError(f"{where}: empty code block []")
    parts = body.split(None, 1)
    code = parts[0]
    if not CODE_TOKEN.match(code) or (code[0].isdigit() and len(parts) == 1 and len(code) >= 6):
        raise DatelineError(f"{where}: bad actor code {body!r}")
    if len(parts) == 1:
        return DatedCode(code)
    rest = parts[1].strip()
    try:
        if m := DATE_ONE.match(rest):
            day = _date(m.group(2))
            return (
                DatedCode(code, end=day - dt.timedelta(days=1))
                if m.group(1) == "<"
                else (DatedCode(code, start=day + dt.timedelta(days=1)))
            )
        if m := DATE_RANGE.match(rest):
            return DatedCode(code, start=_date(m.group(1)), end=_date(m.group(2)))
    except ValueError as exc:
        raise DatelineError(f"{where}: bad date in [{body}] ({exc})") from exc
    raise DatelineError(f"{where}: bad date restriction in [{body}]")


# ---------------------------------------------------------------------------- actors


@dataclass
class Actor:
    """One actor entry: its names and codes (a default code and date-restricted ones)."""

    name: str
    codes: list[DatedCode] = field(default_factory=list)

    def resolve(self, day: dt.date | None) -> list[str]:
        """The codes on ``day``: the first restriction that holds, else the default code."""
        if day is not None:
            for dated in self.codes:
                if dated.restricted and dated.holds(day):
                    return dated.code.split("/")
        for dated in self.codes:
            if not dated.restricted:
                return dated.code.split("/")
        restricted = [d for d in self.codes if d.restricted]
        return restricted[-1].code.split("/") if restricted and day is None else []


def read_actors(path: Path, problems: list[str] | None = None) -> list[tuple[Words, Actor]]:
    """Actor entries: ``NAME [CODE]``, ``+SYNONYM`` lines and indented ``[CODE date]`` lines.

    With ``problems`` given, a malformed line is recorded there and skipped; without it, it
    raises ``DatelineError("FILE:LINE: ...")``.
    """
    out: list[tuple[Words, Actor]] = []
    current: Actor | None = None

    def codes(blocks: list[str], where: str) -> list[DatedCode]:
        return [_code_block(block, where) for block in blocks]

    for number, raw in numbered_lines(path):
        try:
            where = f"{path.name}:{number}"
            line = _strip_comment(raw)
            if not line.strip():
                continue
            stripped = line.strip()
            if line.count("[") != line.count("]"):
                raise DatelineError(f"{where}: unbalanced brackets in {stripped!r}")
            if stripped.startswith("["):  # code lines of the entry above
                if current is None:
                    raise DatelineError(f"{where}: code {stripped!r} before any actor")
                current.codes += codes(CODE_BLOCK.findall(stripped), where)
                continue
            name = CODE_BLOCK.sub("", stripped).strip()
            blocks = CODE_BLOCK.findall(stripped)
            if stripped.startswith("+"):
                if current is None:
                    raise DatelineError(f"{where}: synonym {stripped!r} before any actor")
                if name[1:].strip():
                    out.append((words_of(name[1:]), current))
                current.codes += codes(blocks, where)
                continue
            if not name:
                raise DatelineError(f"{where}: code without an actor name: {stripped!r}")
            current = Actor(name=name, codes=codes(blocks, where))
            out.append((words_of(name), current))
        except DatelineError as exc:
            if problems is None:
                raise
            problems.append(str(exc))

    return out


# ---------------------------------------------------------------------------- agents


@dataclass(frozen=True)
class Agent:
    """An agent phrase's code, put after (``~GOV``) or before (``NGO~``) the actor's code."""

    code: str
    prefix: bool


def plural(word: str) -> str:
    """The regular plural PETRARCH generates for an agent's last word."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def read_agents(path: Path, problems: list[str] | None = None) -> list[tuple[Words, Agent]]:
    """Agents: ``NAME {PLURALS} [~CODE]`` lines and ``!MACRO! = A, B`` substitutions."""
    macros: dict[str, list[str]] = {}
    out: list[tuple[Words, Agent]] = []
    for number, raw in numbered_lines(path):
        try:
            where = f"{path.name}:{number}"
            line = _strip_comment(raw).strip()
            if not line:
                continue
            if re.match(r"^![A-Z0-9]+!\s*=", line, re.IGNORECASE):
                key, values = line.split("=", 1)
                macros[key.strip().upper()] = [
                    v.strip().upper() for v in values.split(",") if v.strip()
                ]
                continue
            blocks = CODE_BLOCK.findall(line)
            if len(blocks) != 1 or line.count("[") != 1 or line.count("]") != 1:
                raise DatelineError(f"{where}: agent line needs one [~CODE] block: {line!r}")
            code = blocks[0].strip()
            if "~" not in code or not CODE_TOKEN.match(code):
                raise DatelineError(f"{where}: agent code must be ~CODE or CODE~: [{blocks[0]}]")
            agent = Agent(code=code.replace("~", ""), prefix=code.endswith("~"))
            head = line[: line.index("[")]
            plurals: list[str] | None = None
            if "{" in head:
                if "}" not in head:
                    raise DatelineError(f"{where}: unclosed {{ in {line!r}")
                inside = head[head.index("{") + 1 : head.index("}")]
                plurals = inside.split()
                head = head[: head.index("{")]
            names = _expand_macros(head.strip().upper(), macros, where)
            for name in names:
                forms = [name]
                if plurals is None:
                    base = words_of(name)
                    if base:
                        forms.append(" ".join((*base[:-1], plural(base[-1]))))
                else:
                    forms += plurals
                for form in forms:
                    words = words_of(form)
                    if words:
                        out.append((words, agent))
        except DatelineError as exc:
            if problems is None:
                raise
            problems.append(str(exc))

    return out


def _expand_macros(name: str, macros: dict[str, list[str]], where: str) -> list[str]:
    match = re.search(r"![A-Z0-9]+!", name)
    if match is None:
        return [name]
    values = macros.get(match.group(0))
    if values is None:
        raise DatelineError(f"{where}: undefined substitution {match.group(0)}")
    return [
        expanded
        for value in values
        for expanded in _expand_macros(
            name[: match.start()] + value + name[match.end() :], macros, where
        )
    ]


# ---------------------------------------------------------------------------- discards


def read_discards(path: Path) -> list[tuple[Words, bool]]:
    """Discard phrases; ``+phrase`` discards the whole story, a bare one the sentence."""
    out: list[tuple[Words, bool]] = []
    for _, raw in numbered_lines(path):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        story = line.startswith("+")
        words = words_of(line.lstrip("+").split(";")[0])
        if words:
            out.append((words, story))
    return out


# ---------------------------------------------------------------------------- verbs

MARKERS = {"*", "$", "+", "%", "^"}


@dataclass(frozen=True)
class Element:
    """One element of a verb pattern: a word, a synset (``&NAME``) or a marker."""

    value: str
    joined: bool
    """Must follow the element before it with no word in between (``_`` in the dictionary)."""


@dataclass(frozen=True)
class Pattern:
    """``- PRE * POST [CODE]``: words around the verb, with source/target markers."""

    elements: tuple[Element, ...]
    star: int
    code: str
    text: str
    order: int

    @property
    def size(self) -> int:
        """How many words it asks for: more specific patterns win."""
        return sum(e.value not in MARKERS for e in self.elements)


@dataclass
class VerbForm:
    """A verb of a family as written: its words with the verb's position, and its own code."""

    words: Words
    verb_at: int
    code: str | None


@dataclass
class VerbFamily:
    """``--- NAME [CODE] ---``: the verbs listed under it and the patterns they share."""

    name: str
    code: str
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def verb_forms(base: str) -> list[str]:
    """Regular forms of a verb (PETRARCH makes -S, -ED, -ING when no forms are listed)."""
    forms = {base}
    if base.endswith("E"):
        forms |= {
            base + "S",
            base + "D",
            base[:-1] + "ING" if not base.endswith("EE") else base + "ING",
        }
    elif base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        forms |= {base[:-1] + "IES", base[:-1] + "IED", base + "ING"}
    elif base.endswith(("S", "X", "Z", "CH", "SH")):
        forms |= {base + "ES", base + "ED", base + "ING"}
    else:
        forms |= {base + "S", base + "ED", base + "ING"}
    return sorted(forms)


def _verb_words(text: str) -> tuple[Words, int]:
    """``KLM_NOP_+RST`` -> (KLM, NOP, RST) with the verb at 2; unmarked: the first word."""
    chunks = [c for c in re.split(r"[_\s]+", text.strip().upper()) if c]
    at = next((i for i, c in enumerate(chunks) if c.startswith("+")), 0)
    words: list[str] = []
    index = 0
    for i, chunk in enumerate(chunks):
        parts = words_of(chunk.lstrip("+"))
        if i == at:
            index = len(words)
        words += parts
    return tuple(words), index


def _parse_pattern(body: str, code: str, order: int, where: str) -> Pattern:
    elements: list[Element] = []
    text = re.sub(r"[(){}]", " ", body)
    for chunk in text.split():
        chunk = re.sub(r"(?<=[^_\s])\*", "_*", re.sub(r"\*(?=[^_\s])", "*_", chunk))
        parts = chunk.split("_")
        for i, part in enumerate(parts):
            if not part:
                continue
            joined = i > 0 and parts[i - 1] != ""
            for j, word in enumerate([part] if part in MARKERS else words_of(part)):
                elements.append(Element(word, joined or j > 0))
    stars = [i for i, e in enumerate(elements) if e.value == "*"]
    if len(stars) != 1:
        raise DatelineError(f"{where}: a verb pattern needs exactly one '*': {body.strip()!r}")
    return Pattern(tuple(elements), stars[0], code, body.strip(), order)


@dataclass
class Verbs:
    """The verbs dictionary: synsets, families and an index from word forms to verbs."""

    synsets: dict[str, list[Words]] = field(default_factory=dict)
    families: list[VerbFamily] = field(default_factory=list)
    index: dict[str, list[tuple[VerbFamily, VerbForm]]] = field(default_factory=dict)
    transformations: int = 0


def _code_of(text: str, where: str) -> str | None:
    blocks = CODE_BLOCK.findall(text)
    if not blocks:
        return None
    code = blocks[0].strip().split()[0] if blocks[0].strip() else ""
    if not code:
        raise DatelineError(f"{where}: empty event code []")
    return code


def read_verbs(path: Path, verbs: Verbs | None = None, problems: list[str] | None = None) -> Verbs:
    """Synsets (``&NAME`` + ``+member`` lines), families (``--- VERB [code] ---``) and patterns."""
    verbs = verbs or Verbs()
    raw_synsets: dict[str, list[str]] = {}
    synset: str | None = None
    family: VerbFamily | None = None
    order = 0
    pending_forms: list[tuple[VerbFamily, VerbForm, list[str] | None]] = []
    for number, raw in numbered_lines(path):
        try:
            where = f"{path.name}:{number}"
            line = _strip_comment(raw)
            stripped = line.strip()
            if not stripped:
                continue
            if stripped.startswith("~"):
                verbs.transformations += 1  # PETRARCH2 transformations: read, not applied
                continue
            if stripped.startswith("&"):
                synset = stripped.split()[0].rstrip("_").upper()
                raw_synsets.setdefault(synset, [])
                family = None
                continue
            if synset is not None and stripped.startswith("+"):
                raw_synsets[synset].append(stripped[1:].strip())
                continue
            synset = None
            if stripped.startswith("---"):
                inner = stripped.strip("-").strip()
                if "[" not in inner or "]" not in inner:
                    raise DatelineError(
                        f"{where}: verb family header must read --- VERB [CODE] ---"
                    )
                code = _code_of(inner, where) or "---"
                family = VerbFamily(name=inner[: inner.index("[")].strip().upper(), code=code)
                verbs.families.append(family)
                continue
            if family is None:
                raise DatelineError(f"{where}: {stripped!r} outside a verb family or synset")
            if stripped.startswith("-"):
                body = stripped[1:]
                if body.count("[") != 1 or "]" not in body:
                    raise DatelineError(f"{where}: pattern needs one [CODE] block: {stripped!r}")
                code = _code_of(body, where) or family.code
                order += 1
                family.patterns.append(_parse_pattern(body[: body.index("[")], code, order, where))
                continue
            # a verb line: WORD {FORMS} [CODE]
            if stripped.count("{") != stripped.count("}"):
                raise DatelineError(f"{where}: unclosed {{ in {stripped!r}")
            verb_code = _code_of(stripped, where)
            head = CODE_BLOCK.sub("", stripped)
            forms: list[str] | None = None
            if "{" in head:
                forms = head[head.index("{") + 1 : head.index("}")].split()
                head = head[: head.index("{")]
            words, at = _verb_words(head)
            if not words:
                raise DatelineError(f"{where}: empty verb line")
            form = VerbForm(words=words, verb_at=at, code=verb_code)
            family.verbs.append(form)
            pending_forms.append((family, form, forms))
        except DatelineError as exc:
            if problems is None:
                raise
            problems.append(str(exc))

    for name, members in raw_synsets.items():
        verbs.synsets[name] = []
        for member in members:
            verbs.synsets[name].append(tuple(_member_words(member)))
    for fam, form, forms in pending_forms:
        surface = {form.words[form.verb_at]}
        if forms is None or not forms:
            surface |= set(verb_forms(form.words[form.verb_at]))
        else:
            for written in forms:
                words, at = _verb_words(written)
                if words:
                    surface.add(words[min(at, len(words) - 1)])
        for word in surface:
            verbs.index.setdefault(word, []).append((fam, form))
    return verbs


def _member_words(member: str) -> Iterable[str]:
    for chunk in re.split(r"[_\s]+", member.upper()):
        if chunk.startswith("&"):
            yield chunk.rstrip("_")
        elif chunk:
            yield from words_of(chunk)
