"""Actors: mentions -> in-document clusters (names, titles, descriptors, pronouns) -> entities."""

from __future__ import annotations

from typing import Literal, cast

from spacy.tokens import Doc

from dateline import geo
from dateline.actors import cluster as clustering
from dateline.actors import mentions as mention_finder
from dateline.actors import refer, titles
from dateline.actors.cluster import Cluster
from dateline.actors.lexicon import lexicon as role_lexicon
from dateline.actors.mentions import WorkMention
from dateline.actors.orgs import org_aliases
from dateline.schema import Entity, EntityType, Mention
from dateline.spans import Coverage
from dateline.structure import Article

__all__ = ["extract_actors"]

MentionKind = Literal["name", "title", "descriptor", "pronoun", "possessive"]
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
"""Entity types an article entity keeps; any other label becomes ORG."""


def _credit_mentions(article: Article, sent_of: list[int]) -> list[WorkMention]:
    """Photographers named in caption credits (``Alexander Shcherbak/TASS``)."""
    found = []
    for caption in article.captions:
        if caption.credit_span is None or not caption.credit:
            continue
        name = caption.credit.split("/")[0].strip()
        offset = article.text.find(name, caption.credit_span.start, caption.credit_span.end)
        if offset < 0 or " " not in name:
            continue
        found.append(
            WorkMention(offset, offset + len(name), name, "PERSON", "name", sent_of[offset])
        )
    return found


def _dateline_mention(article: Article, sent_of: list[int]) -> WorkMention | None:
    """The dateline's place (``ALANYA``) as a mention of that place."""
    dl = article.dateline
    if dl is None or not dl.place:
        return None
    idx = dl.text.lower().find(dl.place.lower())
    if idx < 0:
        return None
    start = dl.start + idx
    end = start + len(dl.place)
    m = WorkMention(start, end, article.text[start:end], "GPE", "name", sent_of[start])
    m.extra["name"] = dl.place
    if dl.country:
        m.extra["country"] = dl.country
    return m


def _country(cluster: Cluster) -> str | None:
    """The country an entity belongs to."""
    if cluster.label in ("GPE", "LOC"):
        names = [m.extra.get("country") for m in cluster.mentions if m.extra.get("country")]
        if names:
            return names[0]
        code = geo.country_code(cluster.name)
        if code:
            return code
        place = geo.find_place(cluster.name)
        return place.country if place else None
    if cluster.label == "PERSON":
        return cluster.country
    first = cluster.name.replace("-", " ").split()[0]
    return geo.country_code(first) if first[:1].isupper() else None


def _code(cluster: Cluster, country: str | None) -> str | None:
    """A CAMEO-style actor code: country + sector (RUSGOV), an IGO code, or a country alone."""
    lex = role_lexicon()
    if cluster.label in ("GPE", "LOC"):
        return country
    known = org_aliases().get(cluster.name.lower())
    if cluster.label in ("ORG", "NORP") and known is not None and known["code"]:
        return known["code"]  # "Labour", "Tories": GBRPTY (data/org_aliases.json)
    if cluster.label == "ORG":
        igo = lex.igo.get(cluster.name.lower()) or (
            cluster.key if cluster.key.startswith("IGO") else None
        )
        if igo:
            return igo
        words = cluster.name.lower().split()
        # the longest ending that names a sector: "White House" is GOV before "House" is LEG
        endings = (" ".join(words[i:]) for i in range(len(words)))
        sector = next((lex.org_sectors[e] for e in endings if e in lex.org_sectors), None)
        return (country or "") + (sector or "") or None
    if cluster.label == "PERSON":
        sector = lex.sector(cluster.role)
        if country:
            return country + (sector or "")
    return None


def _entity_name(cluster: Cluster) -> str:
    if cluster.label == "GPE" and len(cluster.key) == 3 and cluster.key.isupper():
        common = geo.country_name(cluster.key)  # "U.S." and "America" are the United States
        if common:
            return common
    known = _known_org_name(cluster)
    if known is not None:
        return known
    names = [m.extra["name"] for m in cluster.mentions if "name" in m.extra]
    return names[0] if names and cluster.name.isupper() else cluster.name


def _known_org_name(cluster: Cluster) -> str | None:
    """A known organisation's name in the article ("Labour" and "New Labour", clustered by their
    canonical name): the canonical name where the article writes it, else the name it writes
    most often (of those as often, the fullest); None for any other cluster."""
    names = [m.text for m in cluster.mentions if m.kind in ("name", "possessive")]
    canonical = {(org_aliases().get(n.lower()) or {}).get("name") for n in names}
    if len(canonical) != 1 or None in canonical:
        return None
    (name,) = canonical
    if name in names:
        return name
    return max(names, key=lambda n: (names.count(n), len(n.split()), len(n)))


def _quoted(article: Article) -> list[tuple[int, int]]:
    """Quotations whose pronouns and names are the speaker's words, not the article's: those
    closed within their paragraph, paired as the quotes stage pairs them (so a flattened
    article's quotes do not pair across the text between them). A quote run on over several
    paragraphs is often an excerpt told in the third person ("McCrummen reports: "The first
    time she had seen him ..."), whose "she" the article's people resolve."""
    spans, _ = article.quotations
    return [(q.start, q.end) for q in spans if not q.continued]


def extract_actors(article: Article, doc: Doc) -> list[Entity]:
    """Find the people, organisations and places of an article with all their mentions."""
    sent_of = mention_finder.sentence_index(doc)
    excluded = article.excluded_spans()
    if article.dateline is not None:
        excluded.append((article.dateline.start, article.dateline.end))
    found = mention_finder.collect(doc, Coverage(excluded), sent_of)
    credits = _credit_mentions(article, sent_of)
    place = _dateline_mention(article, sent_of)
    clusters = clustering.build(found + ([place] if place else []))
    for m in credits:
        c = next((c for c in clusters if c.photographer and c.key == m.text), None)
        if c is None:
            c = Cluster(
                id=len(clusters), label="PERSON", key=m.text, role="photographer", photographer=True
            )
            clusters.append(c)
        c.add(m)
    titles.apply(doc, clusters)
    quotes = Coverage(_quoted(article))
    taken = Coverage((m.start, m.end) for c in clusters for m in c.mentions)
    refer.resolve_descriptors(doc, clusters, taken, quotes, sent_of)
    refer.resolve_body_descriptors(doc, clusters, taken, quotes, sent_of)
    refer.resolve_age_descriptors(doc, clusters, taken, quotes, sent_of)
    refer.resolve_pronouns(doc, clusters, quotes, sent_of)
    refer.resolve_speaking_it(doc, clusters, quotes, sent_of)
    return _entities(clusters)


def _entities(clusters: list[Cluster]) -> list[Entity]:
    """Schema entities in order of first mention, ids e1, e2, ..."""
    ordered = sorted((c for c in clusters if c.mentions), key=lambda c: c.mentions[0].start)
    entities = []
    for n, c in enumerate(ordered, start=1):
        country = _country(c)
        mentions = sorted(c.mentions, key=lambda m: (m.start, -m.end))
        kept: list[WorkMention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        entities.append(
            Entity(
                id=f"e{n}",
                name=_entity_name(c),
                type=cast(EntityType, c.label if c.label in ENTITY_TYPES else "ORG"),
                country=country,
                role=c.role,
                code=_code(c, country),
                mentions=[
                    Mention(text=m.text, start=m.start, end=m.end, kind=cast(MentionKind, m.kind))
                    for m in kept
                ],
            )
        )
    return entities
