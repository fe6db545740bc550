"""HTML pages: article body, title, date, author, site name, URL and declared language through
trafilatura, time-limited.

lxml (libxml2) stops building a tree 256 elements deep, so a page nested deeper loses whatever
is below that depth, the article included. Such a page is flattened first: the tags of the
elements below ``FLAT_DEPTH`` are left out of its markup, their text kept.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import trafilatura
from lxml import etree  # type: ignore[import-untyped]  # no stubs

from dateline.errors import InputError
from dateline.structure.blocks import Block
from dateline.structure.rules import is_byline

EXTRACTION_TIMEOUT_S = 30
"""No page gets more than this many seconds of extraction."""

LIBXML_MAX_DEPTH = 256
"""How deep libxml2 builds a tree without ``huge_tree``; deeper elements are lost."""
FLAT_DEPTH = 64
"""A page nested as deep as libxml2's limit keeps its structure down to this depth; below it,
only its text blocks (``KEPT_TAGS``) keep their elements."""
KEPT_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "title"}
    | {"script", "style", "noscript", "template", "textarea"}
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
"""Elements that have no end tag (and no depth)."""


@dataclass
class ExtractedPage:
    """What trafilatura found on a page."""

    title: str | None
    body: str
    date: str | None
    author: str | None
    sitename: str | None
    url: str | None
    description: str | None
    language: str | None = None
    """The language the page declares (``<html lang="en-GB">``), as written."""


@contextlib.contextmanager
def time_limit(seconds: int, label: str) -> Iterator[None]:
    """Raise ``InputError`` if the block runs longer than ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise InputError(f"{label}: HTML extraction took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def extract_page(html: str, label: str = "input", url: str | None = None) -> ExtractedPage:
    """Extract the article; raise ``InputError`` when the page holds none."""
    with time_limit(EXTRACTION_TIMEOUT_S, label):
        try:
            tree = load_tree(html)
            language = declared_language(tree)
            result = None
            if tree is not None:
                result = trafilatura.bare_extraction(
                    tree, url=url, with_metadata=True, include_comments=False, include_tables=False
                )
        except InputError:
            raise
        except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
            raise InputError(f"{label}: HTML could not be parsed ({type(exc).__name__})") from exc
    if result is None:
        raise InputError(f"{label}: no article text found in HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = (data.get("text") or "").strip()
    if len(body) < 20:
        raise InputError(f"{label}: no article text found in HTML")
    return ExtractedPage(
        title=(data.get("title") or None),
        body=body,
        date=data.get("date") or None,
        author=data.get("author") or None,
        sitename=data.get("sitename") or None,
        url=data.get("url") or url,
        description=data.get("description") or None,
        language=language,
    )


def load_tree(html: str) -> Any:
    """The page's tree as trafilatura builds it; a page as deep as libxml2's limit is first
    flattened below ``FLAT_DEPTH`` (``flatten``), so that its article survives."""
    tree = trafilatura.load_html(html)
    if tree is None or max_depth(tree) < LIBXML_MAX_DEPTH - 4:
        return tree
    return trafilatura.load_html(flatten(html, FLAT_DEPTH))


def max_depth(tree: Any) -> int:
    """How many elements deep the tree goes (the root is 1)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def flatten(html: str, depth: int) -> str:
    """The page with the tags of elements deeper than ``depth`` left out, their content kept
    (text blocks, ``KEPT_TAGS``, keep their tags). Read as a stream of tags, so no depth is too
    deep for it."""
    flattener = _Flattener(depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out)


class _Flattener(HTMLParser):
    """Copies a page's markup, leaving out the tags nested deeper than ``depth``."""

    def __init__(self, depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = depth
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []
        """The open elements: tag and whether it was copied."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or f"<{tag}>"
        if tag in VOID_TAGS:
            self.out.append(text)
            return
        kept = len(self.open) < self.depth or tag in KEPT_TAGS
        self.open.append((tag, kept))
        if kept:
            self.out.append(text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                if self.open[i][1]:
                    self.out.append(f"</{tag}>")
                del self.open[i:]
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def declared_language(tree: Any) -> str | None:
    """The language the page declares: ``<html lang>``, else a Content-Language meta tag."""
    if tree is None:
        return None
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        metas = root.xpath("//meta[@http-equiv][@content]")
        lang = next(
            (m.get("content") for m in metas if m.get("http-equiv").lower() == "content-language"),
            None,
        )
    return (lang or "").strip() or None


def byline_line(author: str | None) -> str | None:
    """The byline trafilatura's author makes ("By Sarah Needleman", "By A, B and C" for its
    ``;``-separated authors); None when that would not read as a byline to the structure
    rules (``rules.is_byline``)."""
    names = [name.strip() for name in (author or "").split(";") if name.strip()]
    if not names:
        return None
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    line = f"By {joined}"
    return line if is_byline(Block(line, 0, len(line))) else None
