"""A corpus of hostile inputs, written to a folder by ``write_corpus`` (``python
tests/hostile_corpus.py OUT [--full]`` writes it from the command line).

Each case is a file and what is known of its fate (``Case.expect``: ``stored``, ``failed`` or
None when either is fine, e.g. whether a quote run beats the time budget). The ``small`` sizes
(default) keep a test run short: they are under the time budget and the point is only that
nothing crashes, stalls or is garbled; ``full`` sizes are those of the reports (a run of 200,000
quote marks, a JSONL line of 1 GB) and make every slow case run into the budget.

Contents: runs of quote marks and of brackets, thousands of quoted words, a 2 MB article, an
article over the size limit (gzipped: a small gzip bomb), binary junk, empty and blank files,
UTF-16 with a BOM, one invalid UTF-8 byte, cp1252, Russian (UTF-8 and cp1251), NUL and control
characters, mixed Unicode (combining marks, right-to-left, emoji), a 300 KB word, 200,000 line
breaks, deeply nested HTML (``div`` and ``blockquote``), HTML with ``<script>``, random
truncations of real pages from ``../shared/data/html`` (and a truncated ``.html.gz``), a WARC and
random truncations of it, an RSS feed and random truncations of it, a feed entry over the size
limit, entity-expansion and external-entity feeds, JSONL with one giant line (gzipped: a
bomb-ish ratio), a JSONL line over the article limit, deeply nested JSON, lone surrogates, many
empty lines, CSV with huge fields (one line and across lines), a CSV without a text column,
UTF-16 TSV and binary junk named ``.csv``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "html" / "pages"
"""Real HTML pages (gzipped) to truncate; the cases are left out when the folder is absent."""

ARTICLE = (
    "Council approves new bridge after long debate.\n\n"
    "SPRINGFIELD, May 2 (Reuters) - The city council approved a new bridge on Monday after a "
    "long debate over its cost and the traffic it would bring to the old town.\n\n"
    '"This bridge will serve the town for a century," Mayor Ellen Park told reporters after the '
    "vote.\n\n"
    "Opponents said the money would be better spent on schools, and promised to fight on.\n"
)
"""An ordinary English article, the carrier of most hostile content."""

RUSSIAN = (
    "Совет одобрил строительство нового моста.\n\n"
    "МОСКВА, 2 мая - Городской совет в понедельник одобрил строительство нового моста после "
    "долгих споров о его стоимости.\n\n"
    "«Этот мост прослужит городу сто лет», - заявил мэр журналистам.\n"
)


@dataclass(frozen=True)
class Sizes:
    """How big the hostile runs are."""

    quotes: int
    brackets: int
    quoted_words: int
    jsonl_line_mb: int
    """The one giant JSONL line (in the gzipped bomb), in MB: over the 40 MB line limit."""
    pages: int
    """Real HTML pages truncated (each at ``cuts`` places)."""
    cuts: int
    empty_lines: int


SMALL = Sizes(
    quotes=2_000,
    brackets=1_000,
    quoted_words=1_000,
    jsonl_line_mb=45,
    pages=4,
    cuts=1,
    empty_lines=300,
)
"""Sizes for a test run: every case well under a 10 s budget."""
FULL = Sizes(
    quotes=200_000,
    brackets=100_000,
    quoted_words=40_000,
    jsonl_line_mb=1024,
    pages=10,
    cuts=3,
    empty_lines=20_000,
)
"""The sizes of the reports: the slow cases run into any budget of seconds."""

BIG_TEXT_BYTES = 21 * 1024 * 1024
"""Just over the 20 MB article limit (``dateline.ingest.raw.MAX_BYTES``)."""


@dataclass(frozen=True)
class Case:
    """One hostile input: its key suffix (file name, ``name:LINE``, ``name#ROW``) and fate."""

    key: str
    note: str
    expect: str | None = None
    """``stored``, ``failed`` or None (either is acceptable)."""
    reason: str | None = None
    """A part of the failure reason, when ``failed``."""
    contains: str | None = None
    """A part of the stored text, when ``stored`` (what must not be garbled)."""

    @property
    def file(self) -> str:
        """The file the case lives in."""
        return self.key.split("#")[0].split(":")[0]


class Corpus:
    """Writes cases into a folder and remembers them."""

    def __init__(self, folder: Path, sizes: Sizes, seed: int) -> None:
        self.folder = folder
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.cases: list[Case] = []

    def write(self, name: str, data: bytes | str, note: str, **expect: str | None) -> Path:
        """Write one file and record it as one case."""
        path = self.folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.cases.append(Case(name, note, **expect))  # type: ignore[arg-type]
        return path

    def cuts(self, data: bytes, count: int) -> list[int]:
        """``count`` random places to cut ``data`` at (never at its ends)."""
        return sorted(self.rng.randrange(1, len(data)) for _ in range(count))


def _html(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Bridge</title>{head}</head><body>{body}</body></html>"
    )


def _article_html() -> str:
    title, *paragraphs = ARTICLE.strip().split("\n\n")
    return f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"


def build_rss(entries: list[tuple[str, str, str]], title: str = "Example Wire") -> bytes:
    """An RSS 2.0 feed of ``(guid, title, html description)`` entries."""
    items = "".join(
        f"<item><title>{t}</title><guid>{g}</guid><link>https://example.org/{g}</link>"
        f"<pubDate>Mon, 02 May 2016 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[{body}]]></description></item>\n"
        for g, t, body in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title>\n{items}</channel></rss>\n"
    ).encode()


def build_warc(pages: list[tuple[str, bytes, str, str]], gzipped: bool = True) -> bytes:
    """A WARC of HTTP responses ``(uri, body, content type, status line)``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for uri, body, content_type, status in pages:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def _gzip_stream(path: Path, head: bytes, filler: bytes, megabytes: int, tail: bytes) -> None:
    """A gzip file of ``head``, ``megabytes`` MB of ``filler`` and ``tail``, written streaming."""
    block = (filler * (1024 * 1024 // len(filler) + 1))[: 1024 * 1024]
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(head)
        for _ in range(megabytes):
            fh.write(block)
        fh.write(tail)


def write_corpus(folder: Path, full: bool = False, seed: int = 0) -> list[Case]:
    """Write the hostile corpus into ``folder`` (created); its cases, one per input."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder, FULL if full else SMALL, seed)
    _text_cases(corpus)
    _encoding_cases(corpus)
    _html_cases(corpus)
    _archive_cases(corpus)
    _jsonl_cases(corpus)
    _table_cases(corpus)
    return corpus.cases


def single_article_cases(cases: list[Case]) -> list[Case]:
    """The cases that are one file holding one article (text, HTML, gzipped or not)."""
    singles = (".txt", ".html", ".txt.gz", ".html.gz")
    return [c for c in cases if c.key == c.file and c.file.endswith(singles)]


def _text_cases(c: Corpus) -> None:
    s = c.sizes
    tail = "\n\nThe bridge opens next year, officials said.\n"
    c.write("quote-run.txt", ARTICLE + '"' * s.quotes + tail, f"{s.quotes:,} quote marks")
    brackets = "(" * s.brackets + ")" * s.brackets + "\n\n" + "([{" * (s.brackets // 3)
    c.write("bracket-run.txt", ARTICLE + brackets + tail, f"{2 * s.brackets:,} brackets")
    words = " ".join(f'"word{i}"' for i in range(s.quoted_words))
    c.write("quoted-words.txt", ARTICLE + words + tail, f"{s.quoted_words:,} quoted words")
    sentence = "The minister said the plan would work and the vote would pass. "
    two_mb = ARTICLE + "\n" + sentence * (2 * 1024 * 1024 // len(sentence)) + "\n"
    c.write(
        "two-mb.txt",
        two_mb,
        "a 2 MB article (over spaCy's max_length)",
        expect="failed",
        reason="too long",
    )
    bomb = c.folder / "over-limit.txt.gz"
    _gzip_stream(bomb, ARTICLE.encode(), b"a ", 30, b"\n")
    c.cases.append(
        Case(bomb.name, "30 MB of text in 30 KB of gzip", expect="failed", reason="too large")
    )
    c.write(
        "binary.txt",
        c.rng.randbytes(64 * 1024),
        "64 KB of random bytes",
        expect="failed",
        reason="binary",
    )
    c.write("empty.txt", b"", "no bytes", expect="failed", reason="empty")
    c.write("blank.txt", " \n\t\r\n  \n", "white space only", expect="failed", reason="empty")
    c.write(
        "nul-bytes.txt",
        ARTICLE.replace("bridge", "bri\x00dge"),
        "NUL bytes in an article",
        expect="failed",
        reason="binary",
    )
    controls = "".join(ch + ("\x1b" if i % 40 == 0 else "") for i, ch in enumerate(ARTICLE))
    c.write("control-chars.txt", controls, "escape characters sprinkled in")
    mixed = (
        ARTICLE
        + "\n\nZ\u0351\u0300\u0301a\u0352\u0303l\u0305\u0330g\u0310o \u202eevil\u202c "
        + "\u05e9\u05dc\u05d5\u05dd \U0001f600\u200d\U0001f525 \ufeff\u2028\u2029 "
        + "e\u0301\u0301\u0301" * 500
        + "\n"
    )
    c.write("unicode-mix.txt", mixed, "combining marks, RTL overrides, emoji, separators")
    c.write("long-word.txt", ARTICLE + "x" * 300_000 + "\n", "a 300 KB word")
    c.write("many-newlines.txt", ARTICLE + "\n" * 200_000 + "The end.\n", "200,000 line breaks")


def _encoding_cases(c: Corpus) -> None:
    accented = ARTICLE.replace("Mayor Ellen Park", "Mayor Zoë Brontë").replace('"', "\u201c", 1)
    accented = accented.replace(',"', ",\u201d", 1)
    c.write(
        "utf16-bom.txt",
        b"\xff\xfe" + accented.encode("utf-16-le"),
        "UTF-16 with a BOM",
        expect="stored",
        contains="Zoë Brontë",
    )
    data = ARTICLE.encode("utf-8")
    c.write(
        "invalid-utf8.txt",
        data[:200] + b"\xff" + data[200:],
        "one invalid UTF-8 byte",
        expect="stored",
        contains="city council approved",
    )
    c.write(
        "cp1252.txt",
        accented.encode("cp1252"),
        "Windows-1252 with curly quotes and accents",
        expect="stored",
        contains="Zoë Brontë",
    )
    c.write("russian.txt", RUSSIAN, "Russian, UTF-8")
    c.write("russian-cp1251.txt", RUSSIAN.encode("cp1251"), "Russian, cp1251")


def _html_cases(c: Corpus) -> None:
    article = _article_html()
    c.write("deep-div.html", _html("<div>" * 1000 + article + "</div>" * 1000), "1,000 divs deep")
    c.write(
        "deep-blockquote.html",
        _html("<blockquote>" * 300 + article + "</blockquote>" * 300),
        "300 blockquotes deep",
    )
    script = (
        "<script>var s = '\"He said\" </scr' + 'ipt>'; while (true) { s += '\"'; }</script>"
        "<style>p { content: '\"quoted\"'; }</style>"
    )
    c.write(
        "script.html",
        _html(article.replace("</h1>", "</h1>" + script), head=script),
        "<script> and <style> with quotes, in the head and the article",
        expect="stored",
        contains="serve the town for a century",
    )
    pages = sorted(PAGES.glob("*.html.gz"))[: c.sizes.pages] if PAGES.is_dir() else []
    for n, page in enumerate(pages):
        data = gzip.decompress(page.read_bytes())
        for k, cut in enumerate(c.cuts(data, c.sizes.cuts)):
            c.write(f"page{n}-cut{k}.html", data[:cut], f"a real page cut at byte {cut:,}")
    if pages:
        data = pages[0].read_bytes()
        c.write("page-whole.html.gz", data, "a real page, gzipped")
        c.write(
            "page-cut.html.gz",
            data[: len(data) // 2],
            "a gzipped real page cut in half",
            expect="failed",
            reason="gzip",
        )


def _archive_cases(c: Corpus) -> None:
    page = _html(_article_html()).encode()
    warc = build_warc(
        [
            ("https://example.org/2016/05/02/bridge", page, "text/html; charset=utf-8", "200 OK"),
            ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png", "200 OK"),
            ("https://example.org/junk", c.rng.randbytes(4096), "text/html", "200 OK"),
        ]
    )
    c.write("crawl.warc.gz", warc, "a WARC: an article, an image, junk served as HTML")
    for k, cut in enumerate(c.cuts(warc, c.sizes.cuts + 2)):
        c.write(f"crawl-cut{k}.warc.gz", warc[:cut], f"the WARC cut at byte {cut:,}")
    plain = build_warc([("https://example.org/a", page, "text/html", "200 OK")], gzipped=False)
    for k, cut in enumerate(c.cuts(plain, c.sizes.cuts)):
        c.write(f"plain-cut{k}.warc", plain[:cut], f"an uncompressed WARC cut at byte {cut:,}")
    title, *paragraphs = ARTICLE.strip().split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    rss = build_rss([("bridge-1", title, body), ("strike-2", "Harbour strike", "<p>Dock " * 50)])
    c.write("wire.rss", rss, "an RSS feed of two entries")
    for k, cut in enumerate(c.cuts(rss, c.sizes.cuts + 2)):
        c.write(f"wire-cut{k}.rss", rss[:cut], f"the feed cut at byte {cut:,}")
    huge = build_rss([("small-1", title, body), ("huge-2", "Huge", "x " * (BIG_TEXT_BYTES // 2))])
    c.write("huge-entry.rss", huge, "a feed with an entry over 20 MB")
    c.cases[-1] = Case("huge-entry.rss#small-1", "the small entry of that feed")
    c.cases.append(
        Case(
            "huge-entry.rss#huge-2",
            "the entry over 20 MB",
            expect="failed",
            reason="entry too large",
        )
    )
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "hahahahahahahahahaha">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + ']>\n<rss version="2.0"><channel><title>L</title><item><title>Laughs</title>'
        "<guid>laughs-1</guid><description>&i;</description></item></channel></rss>\n"
    )
    c.write("billion-laughs.rss", laughs, "nested entities: 10^8 laughs if expanded")
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<rss version="2.0"><channel><title>X</title><item><title>External</title>'
        "<guid>xxe-1</guid><description>Secret: &x; end.</description></item>"
        "</channel></rss>\n"
    )
    c.write("xxe.rss", xxe, "an external entity naming /etc/passwd (must not be read)")


def _jsonl_cases(c: Corpus) -> None:
    good = json.dumps({"text": ARTICLE, "title": "Bridge", "published": "2016-05-02"})
    bomb = c.folder / "bomb.jsonl.gz"
    _gzip_stream(bomb, b'{"text": "', b"a", c.sizes.jsonl_line_mb, b'"}\n' + good.encode() + b"\n")
    c.cases += [
        Case(
            "bomb.jsonl.gz:1",
            f"a {c.sizes.jsonl_line_mb} MB line in a small gzip",
            expect="failed",
            reason="too large",
        ),
        Case(
            "bomb.jsonl.gz:2",
            "the line after it",
            expect="stored",
            contains="serve the town",
        ),
    ]
    giant = json.dumps({"text": "word " * (BIG_TEXT_BYTES // 5 + 1)})
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        good.replace("Bridge", "Bridge one"),
        giant,
        deep,
        '{"text": "lone surrogate \\ud800 here"}',
        '{"text": 42}',
        '{"body": "Body text, as a field the reader guesses."}',
    ]
    c.write("giant-line.jsonl", "\n".join(lines) + "\n", "a JSONL with one 21 MB line")
    c.cases[-1] = Case("giant-line.jsonl:1", "a good line", expect="stored")
    c.cases += [
        Case("giant-line.jsonl:2", "21 MB of text", expect="failed", reason="too large"),
        Case("giant-line.jsonl:3", "JSON nested 100,000 deep", expect="failed"),
        Case(
            "giant-line.jsonl:4",
            "a lone surrogate escape",
            expect="stored",
            contains="surrogate \ufffd here",
        ),
        Case("giant-line.jsonl:5", "a number as text", expect="failed", reason="not a string"),
        Case("giant-line.jsonl:6", "the text in 'body'", expect="stored", contains="guesses"),
    ]
    empties = "\n".join('{"text": ""}' for _ in range(c.sizes.empty_lines)) + "\n"
    path = c.folder / "empties.jsonl.gz"
    path.write_bytes(gzip.compress(empties.encode()))
    c.cases += [
        Case(f"empties.jsonl.gz:{n}", "an empty text", expect="failed", reason="empty")
        for n in range(1, c.sizes.empty_lines + 1)
    ]


def _table_cases(c: Corpus) -> None:
    path = c.folder / "huge-field.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["a1", "Bridge", ARTICLE])
        writer.writerow(["a2", "One line", "y" * BIG_TEXT_BYTES])
        writer.writerow(["a3", "Quoted", 'He said "no", twice.\nThen "yes".\n' + ARTICLE])
        writer.writerow(["a4", "Lines", ("z" * 999 + "\n") * (BIG_TEXT_BYTES // 1000)])
        writer.writerow(["a5", "Last", ARTICLE.replace("bridge", "tunnel")])
    c.cases += [
        Case("huge-field.csv#1", "a good row", expect="stored", contains="serve the town"),
        Case("huge-field.csv#2", "a 21 MB field", expect="failed", reason="too large"),
        Case("huge-field.csv#3", "a multi-line quoted field", expect="stored", contains="Then"),
        Case("huge-field.csv#4", "21 MB across lines", expect="failed", reason="too large"),
        Case("huge-field.csv#5", "the row after them", expect="stored", contains="tunnel"),
    ]
    c.write(
        "no-text-column.csv",
        "a,b,c\n1,2,3\n",
        "a table without a text column",
        expect="failed",
        reason="no text column",
    )
    tsv = "headline\tbody\nBridge\t" + ARTICLE.replace("\n", " ") + "\n"
    c.write("utf16.tsv", b"\xff\xfe" + tsv.encode("utf-16-le"), "a UTF-16 TSV")
    c.cases[-1] = Case("utf16.tsv#1", "its row", expect="stored", contains="serve the town")
    c.write(
        "junk.csv",
        c.rng.randbytes(8192),
        "random bytes named .csv",
        expect="failed",
        reason="binary",
    )


def main(argv: list[str] | None = None) -> int:
    """Write the corpus to a folder and list its cases."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--full", action="store_true", help="the sizes of the reports")
    args = parser.parse_args(argv)
    for case in write_corpus(args.folder, args.full):
        print(f"{case.key:32} {case.expect or '-':7} {case.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
