"""An article's text as HTML with its spans marked at their offsets, built on the server: every
piece of text is escaped, and spans that cross each other are split so the elements nest.

``highlight(text, marks)`` takes ``Mark``s (start, end, element, classes, id, link, title) and
returns ``Markup``. A span that has to be closed early to keep the nesting (it crosses another)
goes on in a second element of the same classes, without the id. A link never opens inside
another link (it becomes a plain ``span`` there: nested ``a`` elements are not HTML)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One span to mark: ``text[start:end]`` in a ``tag`` element."""

    start: int
    end: int
    tag: str = "span"
    classes: str = ""
    id: str | None = None
    href: str | None = None
    title: str | None = None
    depth: int = 0
    """Among marks of the same extent, the lower depth is the outer element."""


def _open(mark: Mark, first: bool, in_link: bool) -> str:
    tag = "span" if mark.tag == "a" and in_link else mark.tag
    attrs = [f' class="{escape(mark.classes)}"'] if mark.classes else []
    if first and mark.id:
        attrs.append(f' id="{escape(mark.id)}"')
    if tag == "a" and mark.href:
        attrs.append(f' href="{escape(mark.href)}"')
    if mark.title:
        attrs.append(f' title="{escape(mark.title)}"')
    return f"<{tag}{''.join(attrs)}>"


def _close(mark: Mark, in_link: bool) -> str:
    tag = "span" if mark.tag == "a" and in_link else mark.tag
    return f"</{tag}>"


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with every mark as an element around its span (empty spans and spans
    outside the text are left out)."""
    size = len(text)
    marks = [
        Mark(max(0, m.start), min(size, m.end), m.tag, m.classes, m.id, m.href, m.title, m.depth)
        for m in marks
        if m.start < m.end and m.start < size and m.end > 0
    ]
    starts: dict[int, list[Mark]] = {}
    for mark in marks:
        starts.setdefault(mark.start, []).append(mark)
    cuts = sorted({0, size, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[tuple[Mark, bool]] = []  # (mark, rendered as a link's child: a span)
    opened: set[int] = set()

    def links_open() -> bool:
        return any(m.tag == "a" and not as_span for m, as_span in stack)

    for i, cut in enumerate(cuts):
        ending = [j for j, (m, _) in enumerate(stack) if m.end <= cut]
        if ending:
            lowest = min(ending)
            reopen = [m for m, _ in stack[lowest:] if m.end > cut]
            for m, as_span in reversed(stack[lowest:]):
                out.append(_close(m, as_span))
            del stack[lowest:]
            for m in reopen:
                as_span = links_open()
                out.append(_open(m, False, as_span))
                stack.append((m, as_span))
        for m in sorted(starts.get(cut, []), key=lambda m: (-m.end, m.depth)):
            as_span = links_open()
            out.append(_open(m, id(m) not in opened, as_span))
            opened.add(id(m))
            stack.append((m, as_span))
        if i + 1 < len(cuts):
            out.append(str(escape(text[cut : cuts[i + 1]])))
    for m, as_span in reversed(stack):
        out.append(_close(m, as_span))
    return Markup("".join(out))
