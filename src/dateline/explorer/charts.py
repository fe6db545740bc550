"""Bar charts as inline SVG, drawn on the server: no JavaScript, nothing to download, nothing
the Content-Security-Policy has to allow. Colours come from the stylesheet (classes ``s0``..),
every bar or segment can link somewhere and carries a ``<title>`` tooltip."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

PALETTE_SIZE = 10
"""Series colours in the stylesheet (``.chart .s0`` .. ``.s9``)."""


@dataclass
class Segment:
    """One series' part of a bar."""

    value: int
    series: int = 0
    href: str | None = None
    title: str = ""


@dataclass
class Bar:
    """One bar (a period): its label and its stacked segments."""

    label: str
    segments: list[Segment] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


def _nice_max(value: int) -> int:
    """The axis top: 1, 2, 5 times a power of ten, at least ``value``."""
    step = 1
    while True:
        for k in (1, 2, 5):
            if value <= k * step:
                return k * step
        step *= 10


def bar_chart(
    bars: list[Bar], title: str, width: int = 720, height: int = 220, css: str = "chart"
) -> Markup:
    """Stacked bars, one per period, with the y axis top and a few x labels."""
    if not bars:
        return Markup('<p class="empty">Nothing to chart.</p>')
    left, bottom, top = 40, 34, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = _nice_max(max(b.total for b in bars) or 1)
    slot = plot_w / len(bars)
    bar_w = max(1.0, slot * 0.8)
    every = max(1, round(len(bars) / 12))
    parts = [
        f'<svg class="{escape(css)}" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
        f'y2="{top + plot_h}"/>',
        f'<text class="tick" x="{left - 4}" y="{top + 8}" text-anchor="end">{peak}</text>',
        f'<text class="tick" x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for i, bar in enumerate(bars):
        x = left + i * slot + (slot - bar_w) / 2
        y: float = top + plot_h
        for seg in bar.segments:
            if seg.value <= 0:
                continue
            h = plot_h * seg.value / peak
            y -= h
            rect = (
                f'<rect class="s{seg.series % PALETTE_SIZE}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{bar_w:.1f}" height="{h:.1f}"><title>{escape(seg.title)}</title></rect>'
            )
            if seg.href:
                rect = f'<a href="{escape(seg.href)}">{rect}</a>'
            parts.append(rect)
        if i % every == 0:
            parts.append(
                f'<text class="tick" x="{x + bar_w / 2:.1f}" y="{top + plot_h + 14}" '
                f'text-anchor="middle">{escape(bar.label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
