"""Read a document from disk: detect its encoding, strip HTML, refuse what is no text.

Everything that can go wrong with one file raises `UnreadableDocument` with a message that names
the problem; the caller names the file and goes on with the others.
"""

from __future__ import annotations

import codecs
import html
from html.parser import HTMLParser
from pathlib import Path

from extractors.regexes import ARTICLE_HINT, SITE_CHROME

SUFFIXES = (".txt", ".md", ".html", ".htm")
# Larger files are refused before they are read: a work plan is a few hundred kilobytes, and a
# file of hundreds of megabytes is a dump or a mistake, not one document.
MAX_BYTES = 32 * 1024 * 1024


class UnreadableDocument(Exception):
    """A file that cannot be read as a document; the message says why."""


def find_documents(paths: list[str | Path]) -> list[Path]:
    """The files named, and the documents under the directories named, in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """The document's article text and the encoding it was read in."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableDocument(f"cannot open: {error.strerror or error}") from None
    if size == 0:
        raise UnreadableDocument("empty file")
    if size > max_bytes:
        raise UnreadableDocument(
            f"file is {size / 2**20:.0f} MiB, over the {max_bytes / 2**20:.0f} MiB limit for one document"
        )
    data = path.read_bytes()
    text, encoding = decode(data)
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text = article_text(text)
        if not text.strip():
            raise UnreadableDocument("HTML page with no article text")
    if not text.strip():
        raise UnreadableDocument("no text (only whitespace)")
    return text, encoding


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes by evidence: a BOM, then UTF-16 by its zero bytes, then UTF-8, then GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    sample = data[:4096]
    if 0 in sample:
        # UTF-16 without a BOM: its ASCII characters (digits, newlines) put zero bytes on one side;
        # few Chinese characters (一 is U+4E00) put one on the other.  Anything else is binary.
        zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
        for encoding, one_sided in (
            ("utf-16-le", zeros_even * 4 < zeros_odd),
            ("utf-16-be", zeros_odd * 4 < zeros_even),
        ):
            if one_sided and len(data) % 2 == 0:
                text = _try(data, encoding)
                if text is not None and _mostly_text(text):
                    return text, encoding
        raise UnreadableDocument("binary file (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(
            f"undecodable bytes at offset {error.start}: neither UTF-8, UTF-16 nor GB18030"
        ) from None
    if _control_ratio(text) > 0.05:
        raise UnreadableDocument("binary file (mostly control characters), not a text document")
    return text, "gb18030"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableDocument(f"undecodable bytes at offset {error.start} for {encoding}") from None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_text(text: str) -> bool:
    """Most characters are Chinese, ASCII letters, digits or punctuation, and none is a control."""
    sample = text[:2048]
    plain = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or ch.isprintable() or ch in "\n\r\t")
    return _control_ratio(sample) == 0 and plain >= 0.95 * len(sample)


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(1, len(sample))


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


# ------------------------------------------------------------------------------ HTML

_SKIPPED = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select", "button"}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}


class _ArticleParser(HTMLParser):
    """Collects text, line by line, noting which lines sit in an article-like container."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, bool]] = []
        self._line: list[str] = []
        self._skip = 0
        self._stack: list[tuple[str, bool]] = []
        self._article_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip += 1
        hint = tag == "article" or any(k in ("id", "class") and v and ARTICLE_HINT.search(v) for k, v in attrs)
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._stack.append((tag, hint))
            self._article_depth += hint
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in _SKIPPED and self._skip:
            self._skip -= 1
        while self._stack:
            open_tag, hint = self._stack.pop()
            self._article_depth -= hint
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._line.append(data)

    def _flush(self):
        line = "".join(self._line).strip()
        self._line = []
        if line:
            self.lines.append((line, self._article_depth > 0))

    def close(self):
        super().close()
        self._flush()


def article_text(page: str) -> str:
    """The article of a page: its text lines, without scripts, styles and site chrome."""
    parser = _ArticleParser()
    parser.feed(page)
    parser.close()
    lines = parser.lines
    in_article = [line for line, inside in lines if inside]
    # Trust the article container when it holds most of the page's text.
    if sum(map(len, in_article)) >= 0.3 * sum(len(line) for line, _ in lines):
        lines = [(line, True) for line in in_article]
    kept = [html.unescape(line) for line, _ in lines if not SITE_CHROME.search(line)]
    return "\n".join(kept) + ("\n" if kept else "")
