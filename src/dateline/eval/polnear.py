"""PolNeAR evaluation: brat gold attributions vs predicted quotes, scored per character."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.eval.tally import Tally
from dateline.schema import Document, Quote

log = logging.getLogger(__name__)

Offsets = tuple[int, int]
OPENING_MARKS = ("“", '"', "''", "``")
"""A gold content that opens with one of these (after whitespace) is a direct quotation."""
FOUND_COVERAGE = 0.5
"""Share of a gold content one predicted quote must cover for the attribution to count as found."""
KINDS = ("direct", "indirect", "mixed")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_T_ID = re.compile(r"T\d+")
_E_ID = re.compile(r"E\d+")
_OTHER_ID = re.compile(r"#\d*|[ARNM]\d+|\*")
"""brat lines that carry no attribution span (notes, attributes, relations, normalisations)."""


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: content, source and cue spans, and whether it is a direct quote."""

    content: list[Offsets]
    source: list[Offsets]
    cue: list[Offsets]
    direct: bool
    source_text: str = ""


@dataclass
class GoldFile:
    """A parsed ``.ann`` file: its attributions and how many lines were skipped as malformed."""

    attributions: list[GoldAttribution]
    skipped: int = 0


def _spans(field_: str) -> list[Offsets]:
    """``"s1 e1;s2 e2"`` as offset pairs; raise ``ValueError`` when malformed."""
    spans = []
    for part in field_.split(";"):
        start, end = (int(n) for n in part.split())
        if not 0 <= start <= end:
            raise ValueError(part)
        spans.append((start, end))
    return spans


def _role(name: str) -> str:
    """``Content2`` -> ``Content``: brat numbers repeated roles."""
    return name.rstrip("0123456789")


def is_direct(text: str, content: list[Offsets]) -> bool:
    """A content is direct when, stripped of whitespace, it opens with a double quotation mark.

    Or when the annotated span starts just inside one (:func:`_opens_inside_mark`).
    """
    opens = " ".join(text[s:e] for s, e in content).lstrip().startswith(OPENING_MARKS)
    return opens or (bool(content) and _opens_inside_mark(text, content[0][0], content[-1][1]))


_LABEL_BEFORE = re.compile(r"""\s(?:“|"|''|``)[A-Z][A-Z .'-]*:\s+$""")
"""A transcript turn's opening mark and speaker label before a span (``"PENCE: ``)."""
_MARK_BEFORE = re.compile(r"""\s(?:“|"|''|``)$""")
"""An opening mark ending the text before a span."""
_SPLIT_MARK = re.compile(r"\s'$")
"""The first half of a typewriter double mark (``''``) left outside a span that opens with the other."""
_CLOSES = re.compile(r"""(?:”|"|'')\s*$""")
"""A closing mark ending a span (or the text right after it)."""


def _opens_inside_mark(text: str, start: int, end: int) -> bool:
    """The span starts right inside an opening mark the annotator left out.

    Three ways PolNeAR's spans do it: a transcript turn's ``"PENCE: `` sits just before the span
    (the turn runs to its paragraph's end, often unclosed); a bare opening mark sits just before
    it, and the quotation closes where the span ends (not a fragment quoted inside a longer
    span: 'his "Bernie flag," eager to ...'); or a ``''`` mark is cut in half, the span opening
    with its second ``'``.
    """
    window = 40
    before = ("\n" if start <= window else "") + text[max(0, start - window) : start]
    if _LABEL_BEFORE.search(before):
        return True
    closed = bool(_CLOSES.search(text[start:end])) or text[end : end + 2].lstrip()[:1] in ("”", '"')
    if _MARK_BEFORE.search(before):
        return closed
    return text.startswith("'", start) and bool(_SPLIT_MARK.search(before))


def parse_ann(ann: str, text: str) -> GoldFile:
    """Parse brat standoff: ``T`` spans and ``E`` events tying Source, Cue and Content."""
    spans: dict[str, list[Offsets]] = {}
    events: list[dict[str, list[str]]] = []
    skipped = 0
    for line in ann.splitlines():
        parts = line.split("\t")
        if not line.strip() or _OTHER_ID.fullmatch(parts[0]):
            continue
        try:
            if _T_ID.fullmatch(parts[0]):
                _label, offsets = parts[1].split(" ", 1)
                found = _spans(offsets)
                if any(e > len(text) for _, e in found):
                    raise ValueError("span beyond the text")
                spans[parts[0]] = found
            elif _E_ID.fullmatch(parts[0]):
                roles: dict[str, list[str]] = {}
                for arg in parts[1].split():
                    role, ref = arg.split(":", 1)
                    roles.setdefault(_role(role), []).append(ref)
                events.append(roles)
            else:
                raise ValueError("unknown line")
        except (IndexError, ValueError):
            skipped += 1
    attributions = []
    for roles in events:
        refs = {
            r: [t for t in roles.get(r, []) if t in spans] for r in ("Content", "Source", "Cue")
        }
        skipped += sum(len(roles.get(r, [])) - len(refs[r]) for r in refs)
        content = sorted(s for t in refs["Content"] for s in spans[t])
        if not content:
            continue
        source = sorted(s for t in refs["Source"] for s in spans[t])
        attributions.append(
            GoldAttribution(
                content=content,
                source=source,
                cue=sorted(s for t in refs["Cue"] for s in spans[t]),
                direct=is_direct(text, content),
                source_text=" ".join(text[s:e] for s, e in source),
            )
        )
    return GoldFile(attributions, skipped)


def text_path(ann_path: Path) -> Path:
    """The article text beside an ``.ann`` in a PolNeAR split: ``text/NAME.txt``."""
    return ann_path.parent.parent / "text" / f"{ann_path.stem.rsplit('_', 1)[0]}.txt"


def load_gold(ann_path: str | Path, text: str | None = None) -> list[GoldAttribution]:
    """Gold attributions of one ``.ann`` file; ``text`` defaults to the split's ``text/`` file."""
    ann_path = Path(ann_path)
    if text is None:
        text = text_path(ann_path).read_text(encoding="utf-8")
    gold = parse_ann(ann_path.read_text(encoding="utf-8"), text)
    if gold.skipped:
        log.warning("%s: skipped %d malformed line(s) or reference(s)", ann_path, gold.skipped)
    return gold.attributions


def pair_articles(split_dir: str | Path) -> list[tuple[Path, Path]]:
    """(text file, .ann file) per article, taking the alphabetically first annotator's file."""
    split = Path(split_dir)
    texts, anns = split / "text", split / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise InputError(f"{split}: not a PolNeAR split (needs text/ and attributions/)")
    chosen: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    pairs = []
    for txt in sorted(texts.glob("*.txt")):
        if txt.stem in chosen:
            pairs.append((txt, chosen[txt.stem]))
        else:
            log.warning("%s: no .ann file, left out", txt)
    return pairs


PRF = Tally
"""Character counts behind precision, recall and F1 (the one ``Tally``)."""


class SpeakerScore(Tally):
    """Speakers of found gold attributions (with a gold source): right (true positive), wrong
    (false positive) or missing (false negative); ``accuracy`` is right of all found and
    ``precision`` right of the speakers given."""

    @property
    def found(self) -> int:
        return self.tp + self.fp + self.fn

    @property
    def right(self) -> int:
        return self.tp

    @property
    def wrong_name(self) -> int:
        return self.fp

    @property
    def no_speaker(self) -> int:
        return self.fn

    @property
    def named_precision(self) -> float:
        return self.precision


@dataclass
class Report:
    """Scores over one or many articles, with the counts behind them."""

    articles: int = 0
    failed: list[str] = field(default_factory=list)
    gold_direct: int = 0
    gold_all: int = 0
    gold_unsourced: int = 0
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    direct: PRF = field(default_factory=PRF)
    content: PRF = field(default_factory=PRF)
    speaker_direct: SpeakerScore = field(default_factory=SpeakerScore)
    speaker: SpeakerScore = field(default_factory=SpeakerScore)
    skipped_lines: int = 0

    def add(self, other: Report) -> None:
        """Add another report's counts into this one."""
        self.articles += other.articles
        self.failed += other.failed
        self.gold_direct += other.gold_direct
        self.gold_all += other.gold_all
        self.gold_unsourced += other.gold_unsourced
        for kind, n in other.predicted.items():
            self.predicted[kind] = self.predicted.get(kind, 0) + n
        self.direct += other.direct
        self.content += other.content
        self.speaker_direct += other.speaker_direct
        self.speaker += other.speaker
        self.skipped_lines += other.skipped_lines

    def to_dict(self) -> dict[str, Any]:
        """Counts and scores as plain JSON-ready values."""
        out = asdict(self)
        for name in ("direct", "content"):
            prf: Tally = getattr(self, name)
            out[name].update(
                predicted=prf.predicted,
                gold=prf.gold,
                precision=prf.precision,
                recall=prf.recall,
                f1=prf.f1,
            )
        for name in ("speaker_direct", "speaker"):
            sp: SpeakerScore = getattr(self, name)
            out[name].update(
                found=sp.found,
                right=sp.right,
                no_speaker=sp.no_speaker,
                wrong_name=sp.wrong_name,
                accuracy=sp.accuracy,
                named_precision=sp.named_precision,
            )
        return out

    def format(self) -> str:
        """A small readable table."""
        kinds = ", ".join(f"{n} {k}" for k, n in self.predicted.items())
        lines = [
            f"articles {self.articles} (failed {len(self.failed)}), gold attributions "
            f"{self.gold_all} ({self.gold_direct} direct, {self.gold_unsourced} without source)",
            f"predicted quotes {sum(self.predicted.values())} ({kinds})",
            "",
            f"{'content (non-space chars)':<27}{'P':>7}{'R':>7}{'F1':>7}",
        ]
        for label, prf in (("direct quotes", self.direct), ("all attributions", self.content)):
            lines.append(f"{label:<27}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}")
        lines += ["", f"{'speaker (found, sourced)':<27}{'found':>7}{'right':>7}{'none':>7}"]
        lines[-1] += f"{'wrong':>7}{'acc':>7}{'given':>7}"
        for label, sp in (
            ("direct quotes", self.speaker_direct),
            ("all attributions", self.speaker),
        ):
            lines.append(
                f"{label:<27}{sp.found:>7}{sp.right:>7}{sp.no_speaker:>7}"
                f"{sp.wrong_name:>7}{sp.accuracy:>7.3f}{sp.named_precision:>7.3f}"
            )
        lines.append("(acc = right / found; given = right / (right + wrong): a missing speaker")
        lines.append(" is allowed, a wrong one is not)")
        if self.skipped_lines:
            lines.append(f"\nmalformed .ann lines skipped: {self.skipped_lines}")
        lines += [f"failed: {reason}" for reason in self.failed]
        return "\n".join(lines)


def _chars(text: str, spans: Iterable[Offsets]) -> set[int]:
    """Indices of the non-whitespace characters inside the spans."""
    return {i for s, e in spans for i in range(s, min(e, len(text))) if not text[i].isspace()}


def _prf(text: str, predicted: Iterable[Offsets], gold: Iterable[Offsets]) -> PRF:
    p, g = _chars(text, predicted), _chars(text, gold)
    return Tally.of_overlap(len(p & g), len(p), len(g))


def _overlaps(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _last_word(text: str, capitalised: bool) -> str | None:
    words = [_POSSESSIVE.sub("", w).rstrip(".") for w in _WORD.findall(text)]
    words = [w for w in words if w and (not capitalised or w[0].isupper())]
    return words[-1].casefold() if words else None


def speaker_right(document: Document, quote: Quote, gold: GoldAttribution) -> bool:
    """Whether the quote's speaker is the gold source (by mention, entity or surname)."""
    speaker = quote.speaker
    if speaker is None:
        return False
    spans: list[Offsets] = []
    if speaker.mention is not None:
        spans.append((speaker.mention.start, speaker.mention.end))
    if speaker.entity is not None:
        for entity in document.entities:
            if entity.id == speaker.entity:
                spans += [(m.start, m.end) for m in entity.mentions]
    if any(_overlaps(p, g) for p in spans for g in gold.source):
        return True
    gold_word = _last_word(gold.source_text, capitalised=True)
    return (
        bool(speaker.name)
        and gold_word is not None
        and gold_word == _last_word(speaker.name or "", capitalised=False)
    )


def _speakers(document: Document, gold: list[GoldAttribution]) -> SpeakerScore:
    text, score = document.text, SpeakerScore()
    quotes = [(q, _chars(text, [(q.start, q.end)])) for q in document.quotes]
    for attribution in gold:
        if not attribution.source:
            continue
        content = _chars(text, attribution.content)
        if not content or not quotes:
            continue
        # the quote covering most of the content; of equals, the tightest (a quote inside one)
        quote, chars = max(quotes, key=lambda qc: (len(qc[1] & content), -len(qc[1])))
        if len(chars & content) < FOUND_COVERAGE * len(content):
            continue
        sp = quote.speaker
        if sp is None or not (sp.name or sp.entity or sp.mention):
            score.fn += 1
        elif speaker_right(document, quote, attribution):
            score.tp += 1
        else:
            score.fp += 1
    return score


def score(document: Document, gold: list[GoldAttribution]) -> Report:
    """Score one analysed article against its gold attributions."""
    text = document.text
    direct_gold = [a for a in gold if a.direct]
    predicted: dict[str, int] = dict.fromkeys(KINDS, 0)
    for quote in document.quotes:
        predicted[quote.kind] = predicted.get(quote.kind, 0) + 1
    # PolNeAR counts a quoted phrase inside reported speech as part of that (mixed) attribution.
    direct_spans = [
        (q.start, q.end) for q in document.quotes if q.kind == "direct" and not q.fragment
    ]
    return Report(
        articles=1,
        gold_direct=len(direct_gold),
        gold_all=len(gold),
        gold_unsourced=sum(1 for a in gold if not a.source),
        predicted=predicted,
        direct=_prf(text, direct_spans, (s for a in direct_gold for s in a.content)),
        content=_prf(
            text, ((q.start, q.end) for q in document.quotes), (s for a in gold for s in a.content)
        ),
        speaker_direct=_speakers(document, direct_gold),
        speaker=_speakers(document, gold),
    )


def score_many(pairs: Iterable[tuple[Document, list[GoldAttribution]]]) -> Report:
    """Score many articles: character counts and speaker tallies are summed (micro average)."""
    report = Report()
    for document, gold in pairs:
        report.add(score(document, gold))
    return report


def evaluate(split_dir: str | Path, model: str | None = None, limit: int | None = None) -> Report:
    """Analyse a PolNeAR split's articles in one batch and score them against the gold."""
    from dateline.ingest import read_path
    from dateline.pipeline import analyze_raw

    pairs = pair_articles(split_dir)[:limit]
    raws = [read_path(txt) for txt, _ in pairs]
    report = Report()
    for (txt, ann), raw, outcome in zip(pairs, raws, analyze_raw(raws, model=model), strict=True):
        gold = parse_ann(ann.read_text(encoding="utf-8"), raw.content)
        report.skipped_lines += gold.skipped
        document = outcome.document
        if document is None:
            report.failed.append(outcome.error or f"{txt}: failed")
        elif document.text != raw.content:
            report.failed.append(f"{txt}: analysed text differs from the file, gold offsets void")
        else:
            report.add(score(document, gold.attributions))
    return report
