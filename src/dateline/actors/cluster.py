"""In-document clusters: full names, surnames and first names of one person join one cluster."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline import geo
from dateline.actors.lexicon import lexicon
from dateline.actors.mentions import WorkMention
from dateline.actors.orgs import org_aliases


@dataclass
class Cluster:
    """One actor or place in the article while it is being resolved."""

    id: int
    label: str
    key: str
    mentions: list[WorkMention] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    gender: str | None = None
    photographer: bool = False

    @property
    def name(self) -> str:
        """The fullest name among the name mentions."""
        names = [m.text for m in self.mentions if m.kind in ("name", "possessive")]
        if not names:
            return self.key
        return max(names, key=lambda n: (len(n.split()), len(n), -names.index(n)))

    def last_before(self, pos: int) -> int:
        """End of the last mention before ``pos`` (-1 if none)."""
        ends = [m.end for m in self.mentions if m.end <= pos]
        return max(ends) if ends else -1

    def add(self, mention: WorkMention) -> None:
        """Attach a mention."""
        mention.cluster = self.id
        self.mentions.append(mention)


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two multi-word names of one person: same surname, same or abbreviated first name."""
    if a[-1] != b[-1]:
        return False
    fa, fb = a[0].rstrip("."), b[0].rstrip(".")
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def _place_key(text: str) -> str:
    """Countries cluster by code (``Russia``/``Russian Federation``), other places by name."""
    if text in geo.CONSTITUENT_COUNTRIES:
        return text.lower()  # Scotland and Wales code GBR but are places of their own
    code = geo.country_code(text)
    return code if code else text.lower()


def build(mentions: list[WorkMention]) -> list[Cluster]:
    """Cluster named mentions by type: people by name parts, places by country, orgs by name."""
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, str], Cluster] = {}
    people: list[tuple[list[str], Cluster]] = []
    singles: list[WorkMention] = []

    def new(label: str, key: str) -> Cluster:
        cluster = Cluster(id=len(clusters), label=label, key=key)
        clusters.append(cluster)
        by_key[(label, key)] = cluster
        return cluster

    for m in mentions:
        if m.label == "PERSON":
            words = m.text.split()
            if len(words) == 1:
                singles.append(m)
                continue
            target = next((c for w, c in people if _same_person(w, words)), None)
            if target is None:
                target = new("PERSON", m.text)
                people.append((words, target))
            target.add(m)
        elif m.label == "NORP" and geo.country_code(m.text):
            continue  # a demonym is evidence of a country, not an actor of its own
        else:
            label = "GPE" if m.label in ("GPE", "LOC") and geo.country_code(m.text) else m.label
            key = _place_key(m.text) if label in ("GPE", "LOC") else _org_key(m.text)
            (by_key.get((label, key)) or new(label, key)).add(m)

    for m in singles:
        options = [c for w, c in people if m.text in (w[-1], w[0])]
        if options:
            before = [c for c in options if c.last_before(m.start) >= 0]
            pool = before or options
            target = max(pool, key=lambda c: c.last_before(m.start)) if before else pool[0]
            # A surname shared by two people goes to the one named nearest before it.
            target.add(m)
        else:
            (by_key.get(("PERSON", m.text)) or new("PERSON", m.text)).add(m)
    _join_acronyms(clusters)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return [c for c in clusters if c.mentions]


ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&", "on", "in", "to"})
"""Words an organisation's acronym leaves out: the Institute *of* Fiscal Studies is the IFS."""


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in ACRONYM_SKIPS and w[0].isalpha())


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _join_acronyms(clusters: list[Cluster]) -> None:
    """``the Institute of Fiscal Studies`` ... ``the IFS``: an organisation named by an acronym
    is the one of the article whose name has those initials (the only one), and joins it."""
    by_initials: dict[str, list[Cluster]] = {}
    for c in clusters:
        names = {m.text for m in c.mentions if len(m.text.split()) >= 2}
        if c.label == "ORG" and names:
            for initials in {_initials(n).upper() for n in names}:
                by_initials.setdefault(initials, []).append(c)
    for c in clusters:
        if c.label != "ORG" or not c.mentions or not _is_acronym(c.mentions[0].text):
            continue
        owners = [o for o in by_initials.get(c.mentions[0].text, []) if o is not c]
        if len(owners) == 1:
            for m in c.mentions:
                owners[0].add(m)
            c.mentions = []


def _org_key(text: str) -> str:
    """Organisations cluster by IGO code when they have one, by canonical name when they are
    known ("Liberal Democrat" and "Lib Dems" are the Liberal Democrats, ``actors/orgs.py``),
    else by lower-cased name."""
    lowered = text.lower()
    known = org_aliases().get(lowered)
    return lexicon().igo.get(lowered, known["name"].lower() if known else lowered)
