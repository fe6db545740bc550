"""A loaded set of PETRARCH dictionaries with the indexes the coder matches against."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import DatelineError
from dateline.petrarch.reader import (
    Actor,
    Agent,
    Verbs,
    Words,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)

log = logging.getLogger("dateline.petrarch")
KINDS = ("verbs", "actors", "agents", "discards")


class PhraseIndex:
    """Phrases by their first word, longest first, for longest-match lookups over tokens."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[Words, object]]] = {}

    def add(self, words: Words, value: object) -> None:
        if words:
            self.by_first.setdefault(words[0], []).append((words, value))

    def freeze(self) -> None:
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def longest(self, words: list[str], at: int) -> tuple[int, object] | None:
        """The longest phrase starting at ``words[at]``: (its length, its value)."""
        for phrase, value in self.by_first.get(words[at], ()):
            n = len(phrase)
            if tuple(words[at : at + n]) == phrase:
                return n, value
        return None

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


@dataclass
class Dictionaries:
    """Actors, agents, discards and verbs, read once and indexed for matching."""

    actors: PhraseIndex = field(default_factory=PhraseIndex)
    agents: PhraseIndex = field(default_factory=PhraseIndex)
    discards: PhraseIndex = field(default_factory=PhraseIndex)
    verbs: Verbs = field(default_factory=Verbs)
    files: dict[str, list[Path]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    """Malformed lines skipped while loading leniently (``FILE:LINE: message``)."""

    def summary(self) -> str:
        from dateline.terminal import counted

        return ", ".join(
            [
                counted(len(self.actors), "actor name"),
                counted(len(self.agents), "agent form"),
                counted(len(self.discards), "discard"),
                counted(len(self.verbs.families), "verb family", "verb families"),
                counted(sum(len(f.patterns) for f in self.verbs.families), "pattern"),
            ]
        )


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".xml", ".ini", ".md")) or "license" in name or "issue" in name:
        return None
    for kind in KINDS:
        if kind.rstrip("s") in name:
            return kind
    if name.startswith("cameo") and name.endswith(".txt"):
        return "verbs"
    return None


def files_from_config(path: Path) -> dict[str, list[Path]]:
    """A config file: ``verbs = FILE``, ``actors = FILE, FILE``, ``agents = ...``, ``discards = ...``."""
    files: dict[str, list[Path]] = {}
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        if not line or line.startswith("["):
            continue
        match = re.match(r"^([\w.]+)\s*[=:]\s*(.+)$", line)
        if match is None:
            raise DatelineError(f"{path}:{number}: expected 'kind = file[, file]'")
        key = match.group(1).lower()
        kind = next((k for k in KINDS if k.rstrip("s") in key), None)
        if kind is None:
            raise DatelineError(f"{path}:{number}: unknown dictionary kind {match.group(1)!r}")
        for name in re.split(r"[,\s]+", match.group(2).strip()):
            if name:
                files.setdefault(kind, []).append((path.parent / name).resolve())
    return files


def files_in(path: Path) -> dict[str, list[Path]]:
    """The dictionary files of a directory (by name) or of a config file."""
    if not path.exists():
        raise DatelineError(f"{path}: no such dictionary directory or config file")
    if path.is_file():
        return files_from_config(path)
    files: dict[str, list[Path]] = {}
    for child in sorted(path.iterdir()):
        kind = _kind_of(child) if child.is_file() else None
        if kind is not None:
            files.setdefault(kind, []).append(child)
    if not files:
        raise DatelineError(f"{path}: no PETRARCH dictionaries (*actors*, *verbs*, ...) in it")
    return files


def build(files: dict[str, list[Path]], strict: bool = False) -> Dictionaries:
    """Read and index the given files; ``strict`` raises on the first malformed line."""
    out = Dictionaries(files=files)
    problems: list[str] | None = None if strict else out.problems
    for path in files.get("actors", []):
        for words, actor in read_actors(path, problems):
            out.actors.add(words, actor)
    for path in files.get("agents", []):
        for words, agent in read_agents(path, problems):
            out.agents.add(words, agent)
    for path in files.get("discards", []):
        for words, story in read_discards(path):
            out.discards.add(words, story)
    for path in files.get("verbs", []):
        read_verbs(path, out.verbs, problems)
    for index in (out.actors, out.agents, out.discards):
        index.freeze()
    if out.problems:
        log.warning(
            "skipped %d malformed dictionary line(s), first: %s", len(out.problems), out.problems[0]
        )
        for problem in out.problems:
            log.debug("skipped malformed dictionary line %s", problem)
    return out


_CACHE: dict[tuple[str, bool], Dictionaries] = {}


def load_dictionaries(path: str | Path, strict: bool = False) -> Dictionaries:
    """Load (once per process) a directory of dictionaries or a config file listing them."""
    resolved = Path(path).expanduser().resolve()
    key = (str(resolved), strict)
    if key not in _CACHE:
        _CACHE[key] = build(files_in(resolved), strict)
    return _CACHE[key]


__all__ = ["Actor", "Agent", "Dictionaries", "PhraseIndex", "build", "load_dictionaries"]
