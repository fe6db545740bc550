"""Structure: a ``RawDocument`` becomes an ``Article`` with headline, dateline, captions, sections."""

from __future__ import annotations

from dateline.ingest import RawDocument
from dateline.schema import Source, Span
from dateline.structure.article import Article
from dateline.structure.build import structure_text

__all__ = ["Article", "structure", "structure_text"]


def structure(raw: RawDocument, published: str | None = None) -> Article:
    """Find the article in a raw document: HTML through trafilatura, text as it is."""
    published = published or raw.published
    source = Source(
        path=raw.path,
        url=raw.url,
        media_type=raw.media_type,
        sha256=raw.sha256,
        encoding=raw.encoding,
        published=published,
        title=raw.title,
    )
    if raw.media_type != "text/html":
        article = structure_text(raw.content, source, published)
        article.warnings.extend(raw.warnings)
        return article
    # trafilatura (and lxml under it) only for a page: a text input never imports them
    from dateline.structure.html import byline_line, extract_page

    page = extract_page(raw.content, raw.path or raw.url or "input", raw.url)
    published = published or page.date
    source.published = published
    source.title = raw.title or page.title
    source.url = raw.url or page.url
    source.sitename = page.sitename
    source.author, source.language = page.author, page.language
    headline = source.title
    body = page.body
    if headline and body.startswith(headline):
        body = body[len(headline) :].lstrip()  # trafilatura may repeat the title as a heading
    byline = byline_line(page.author) if page.author and page.author not in body else None
    if headline and byline:  # the byline trafilatura took out of the text goes back under the title
        body = f"{byline}\n\n{body}"
    text = f"{headline}\n\n{body}\n" if headline else f"{body}\n"
    article = structure_text(text, source, published, title_given=bool(headline))
    if page.author:
        idx = text.find(page.author)
        if idx >= 0 and not article.bylines:
            article.bylines.append(Span(text=page.author, start=idx, end=idx + len(page.author)))
    article.warnings.extend(raw.warnings)
    return article
