"""Normalize a document's text for matching, keeping a map back to the original offsets.

Real pages have spaces inside words (质量监 测与评价), full-width letters and digits, and may be
converted to Traditional characters.  The patterns run over a cleaned copy; every offset they find
maps back to the document's own text, so `text[start:end]` is always the surface as printed.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.regexes import (
    BLANK_LINE,
    HEADING_STYLES,
    INVISIBLE,
    LINE_END_OF_SENTENCE,
    PAGE_NUMBER_LINE,
    SITE_CHROME,
    SPACE_RUN,
    TITLE_NOISE,
    WHITESPACE,
    YEAR_RANGE,
)
from ontology.resources import data_path

# Invisible characters that scraped pages carry: zero-width spaces, a stray BOM, carriage returns.


@cache
def _character_table() -> dict[int, str]:
    """One character in, one character out: the text keeps its length."""
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
    table[0x3000] = " "
    for dash in "—–―－‐‑":
        table[ord(dash)] = "-"
    path = data_path("traditional_to_simplified.tsv")
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        traditional, simplified = line.split("\t")
        table[ord(traditional)] = simplified
    # A full-width bracket converted above must stay a title bracket, not become "<" or ">".
    for keep in "《》〈〉「」『』“”‘’、。":
        table.pop(ord(keep), None)
    return table


def simplify(text: str) -> str:
    """Full-width to half-width and Traditional to Simplified, character by character."""
    return text.translate(_character_table())


@dataclass(frozen=True)
class CleanText:
    """The cleaned text and the map from its offsets to the original's."""

    original: str
    text: str
    _clean_starts: tuple[int, ...]  # where each kept run starts in `text`
    _original_starts: tuple[int, ...]  # … and in `original`

    def to_original(self, offset: int) -> int:
        """The original offset of the character at `offset` in the cleaned text."""
        run = bisect_right(self._clean_starts, offset) - 1
        return self._original_starts[run] + offset - self._clean_starts[run]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the cleaned span [start, end)."""
        if end <= start:
            at = self.to_original(start) if start < len(self.text) else len(self.original)
            return at, at
        return self.to_original(start), self.to_original(end - 1) + 1

    def surface(self, start: int, end: int) -> str:
        """The original characters of a cleaned span."""
        a, b = self.span(start, end)
        return self.original[a:b]


def _between_latin(text: str, start: int, end: int) -> bool:
    """A space between two Latin letters or digits is a word break and stays: "Word 2", "STEAM 2"."""
    return (
        start > 0
        and end < len(text)
        and text[start - 1].isascii()
        and text[start - 1].isalnum()
        and (text[end].isascii() and text[end].isalnum())
    )


def clean(original: str) -> CleanText:
    """Clean a text: characters converted one to one, then inner spaces removed, and the line
    breaks of a page copied out of a PDF, with its page numbers, where they cut a sentence."""
    converted = simplify(original)
    removed = [m.span() for m in INVISIBLE.finditer(converted)]
    removed += [m.span() for m in SPACE_RUN.finditer(converted) if not _between_latin(converted, *m.span())]
    removed += wrapped_line_breaks(converted)
    removed.sort()
    pieces, clean_starts, original_starts = [], [0], [0]
    kept_from, length = 0, 0
    for start, end in removed:
        if start < kept_from:  # an invisible character inside a space run: already removed
            start = kept_from
            if end <= start:
                continue
        pieces.append(converted[kept_from:start])
        length += start - kept_from
        kept_from = end
        clean_starts.append(length)
        original_starts.append(end)
    pieces.append(converted[kept_from:])
    return CleanText(original, "".join(pieces), tuple(clean_starts), tuple(original_starts))


# A page is taken for one wrapped at a fixed width when this many of its lines are cut mid-sentence
_WRAPPED_LINES = 5


def wrapped_line_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of the line breaks (with the page-number lines after them) that cut a sentence in
    a page wrapped at a fixed width, as a copy out of a PDF is: a line as long as the page is wide
    that ends mid-sentence goes on in the next line, unless that one starts a heading.  A page
    with fewer such lines than `_WRAPPED_LINES` is left as it is (a scraped page's short lines are
    titles, headings and site chrome)."""
    lines = []  # (start, end) of each line, without its "\n"
    at = 0
    for line in text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    lengths = sorted(len(text[a:b].strip()) for a, b in lines if len(text[a:b].strip()) >= 10)
    if len(lengths) < _WRAPPED_LINES:
        return []
    width = lengths[int(len(lengths) * 0.75)]  # most lines of a wrapped page are full
    breaks = []
    for start, end in lines[:-1]:
        line = text[start:end].strip()
        if len(line) < 0.8 * width or LINE_END_OF_SENTENCE.search(line) or SITE_CHROME.search(line):
            continue
        cut_end, skipped, footers = end + 1, end + 1, 0
        while step := PAGE_NUMBER_LINE.match(text, skipped) or BLANK_LINE.match(text, skipped):
            footers += step.re is PAGE_NUMBER_LINE
            skipped = step.end()
        if footers:  # blank lines count only around a page number: else they end a paragraph
            cut_end = skipped
        rest = text[cut_end : cut_end + 12].lstrip(" \t\u3000")
        if not rest or rest[0] == "\n" or any(style.match(rest) for _, style in HEADING_STYLES):
            continue
        breaks.append((end, cut_end))
    return breaks if len(breaks) >= _WRAPPED_LINES else []


def squeeze(text: str) -> str:
    """A piece of original text as a title or heading is written: no whitespace at all."""
    return WHITESPACE.sub("", text)


# Titles repeat across documents (national laws, a province's plans); a bounded cache keeps them
# without growing with the corpus.
@lru_cache(maxsize=8192)
def normalize_title(title: str) -> str:
    """The form in which two spellings of one title compare equal: Simplified, NFKC, no
    whitespace or title brackets, one spelling of year ranges, 中华人民共和国 dropped from laws
    and regulations (…食品安全法实施条例, …市场主体登记管理条例).
    "《老年教育发展规划（2016—2020 年）》" → "老年教育发展规划(2016-2020年)"."""
    title = unicodedata.normalize("NFKC", simplify(title))
    title = TITLE_NOISE.sub("", title)
    title = YEAR_RANGE.sub(r"\1-\2年", title)
    if title.startswith("中华人民共和国") and title.endswith(("法", "法典", "条例", "法实施细则", "法实施办法")):
        title = title[len("中华人民共和国") :]
    return title
