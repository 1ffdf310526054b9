"""Find a work plan's structure: its header, its sections and its numbered work items.

Headings are found line by line in the cleaned text.  A line counts as a heading only when its
number continues the numbering of its style (1 restarts it), so "2. 7万个学位" inside a paragraph
or a stray "3、" in a table does not break the item structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.cleaning import CleanText, simplify, squeeze
from extractors.regexes import (
    BYLINE,
    CITED_IN_HEADING,
    DATE,
    DOMAIN_TOKEN,
    HEADING_STYLES,
    INLINE_HEADING_START,
    LINE_END,
    PLAN_TITLE,
    PRINTED_TITLE,
    SITE_CHROME,
    TITLE_ISSUER,
    TITLE_YEAR,
    TRIGGER,
)
from ontology.records import Section, WorkItem

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def chinese_number(numeral: str) -> int:
    """十二 → 12, 三十六 → 36, 二十 → 20, 12 → 12, ③ → 3."""
    if numeral.isdigit() and numeral.isascii():
        return int(numeral)
    if len(numeral) == 1 and 0x2460 <= ord(numeral) <= 0x2473:
        return ord(numeral) - 0x2460 + 1
    total, current = 0, 0
    for ch in numeral:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS.get(ch, 0)
    return total + current


@dataclass(frozen=True)
class Heading:
    rank: int  # index into HEADING_STYLES: 0 is the outermost
    label: str
    start: int  # clean offsets of the heading line
    end: int
    text_start: int  # where the heading's words begin, after its number


@dataclass(frozen=True)
class Header:
    title: str = ""
    issuer_as_printed: str = ""
    date: str = ""
    year: int | None = None
    flags: tuple[str, ...] = ()


def lines_of(text: str):
    """(start, end) of each line, without its newline."""
    start = 0
    for m in LINE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def find_headings(clean: CleanText) -> list[Heading]:
    """Every numbered heading at the start of a line whose number continues its style's count
    (on a page that lost its line breaks, at the start of a sentence too: see `heading_starts`)."""
    text = clean.text
    last_number: dict[int, int] = {}
    headings = []
    for start, end in heading_starts(text):
        for rank, (_style, pattern) in enumerate(HEADING_STYLES):
            m = pattern.match(text, start, end)
            if not m:
                continue
            number = chinese_number(m.group(1))
            previous = last_number.get(rank, 0)
            if number == 1 or previous < number <= previous + 2:
                last_number[rank] = number
                headings.append(Heading(rank, m.group(1), start, end, m.end()))
            break
    return headings


# A line this long is no paragraph but several run together: a page that lost its line breaks
_COLLAPSED_LINE = 600


def heading_starts(text: str) -> list[tuple[int, int]]:
    """Where a heading may start, and where its line ends: every line start; inside a line that
    holds several paragraphs of a page that lost its line breaks ("…高质量发展。一、加强党的建设
    (一)深入学习…"), also every sentence start and every place a heading's words run straight
    into the next heading (not 一是: inside a sentence that is an enumeration)."""
    starts = []
    for a, b in lines_of(text):
        if b - a < _COLLAPSED_LINE:
            starts.append((a, b))
            continue
        inner = {m.end() for m in INLINE_HEADING_START.finditer(text, a, b)}
        points = [a, *sorted(p for p in inner if p < b)]
        starts += [(p, next((q for q in points if q > p), b)) for p in points]
    return starts


def heading_words(clean: CleanText, heading: Heading) -> str:
    """The heading as printed up to the first 。, without its number and whitespace."""
    line = clean.text[heading.text_start : heading.end]
    stop = line.find("。")
    words_end = heading.text_start + (stop if stop >= 0 else len(line))
    return squeeze(clean.surface(heading.text_start, words_end)).strip("。:：")


def structure(clean: CleanText) -> tuple[tuple[Section, ...], tuple[WorkItem, ...]]:
    """Sections (the outermost heading style, when a deeper one is used too) and work items.

    Work items are every heading below the section style; a section with text of its own before
    its first item is an item with the section's label too, and the text before any heading is
    item `0`.
    Offsets are into the original text.
    """
    headings = find_headings(clean)
    ranks = sorted({h.rank for h in headings})
    section_rank = ranks[0] if len(ranks) > 1 else None
    text_end = len(clean.text)
    sections: list[Section] = []
    items: list[WorkItem] = []
    first = headings[0].start if headings else text_end
    items.append(_item(clean, "0", "", 0, first, 0, 0))
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else text_end
        if heading.rank == section_rank:
            section_end = next((h.start for h in headings[i + 1 :] if h.rank == section_rank), text_end)
            a, b = clean.span(heading.start, section_end)
            sections.append(Section(len(sections) + 1, heading.label, heading_words(clean, heading), a, b))
            words = clean.text[heading.text_start : heading.end]
            cites = "《" in words or (TRIGGER.search(words) and CITED_IN_HEADING.search(words))
            if not clean.text[heading.end : end].strip() and not cites:
                continue  # a bare section heading: its items follow, it is no work item itself
            # (unless it cites or implements something itself: "二、全面贯彻落实全国教育大会精神")
        section = len(sections)
        items.append(
            _item(clean, heading.label, heading_words(clean, heading), heading.start, end, section, len(items))
        )
    return tuple(sections), tuple(items)


def _item(clean, label, heading, start, end, section, order) -> WorkItem:
    a, b = clean.span(start, end)
    return WorkItem(label=label, heading=heading, start=a, end=b, section=section, order=order)


def item_at(items: tuple[WorkItem, ...], offset: int) -> WorkItem:
    """The innermost item whose text holds an original offset (items are in text order)."""
    found = items[0]
    for item in items:
        if item.start <= offset:
            found = item
        else:
            break
    return found


def read_header(original: str, first_heading: int) -> Header:
    """Title, issuing body, date and year from the lines before the first heading and the end."""
    head = simplify(original[: max(first_heading, 0) or 2000][:4000])
    lines = [ln.strip() for ln in head.splitlines() if ln.strip() and not SITE_CHROME.search(ln)]
    title = next((ln for ln in lines if len(ln) <= 80 and PLAN_TITLE.search(ln)), "")
    printed = PRINTED_TITLE.search(title)  # 关于印发《2019年教育工作要点》的通知
    if printed and PLAN_TITLE.search(printed.group(1)):
        title = printed.group(1)
    if not title:
        title = next((ln for ln in lines if 4 <= len(ln) <= 60), "")
    # the issuer the title names, else the byline's (来源：辽宁省民政厅办公室 is who posted the plan
    # of 辽宁省民政厅2021年工作要点)
    from_title = TITLE_ISSUER.match(squeeze(title))
    issuer = from_title.group(1) if from_title and not DOMAIN_TOKEN.search(from_title.group(1)) else ""
    date = ""
    for line in lines[:12]:
        byline = BYLINE.search(line)
        if byline and not issuer:
            issuer = (byline.group(1) or byline.group(2) or "").strip()
        found = DATE.search(line)
        if found and not date:
            date = _iso_date(found)
    if not date:  # the signature at the end: "佛山市教育局\n2017年3月29日"
        tail = simplify(original[-400:])
        found = list(DATE.finditer(tail))
        if found:
            date = _iso_date(found[-1])
    year = None
    title_year = TITLE_YEAR.search(title)
    if title_year:
        year = int(title_year.group(1).translate(_DIGIT_OF_NUMERAL))  # 2019, 二〇一九
    elif date:
        year = int(date[:4])
    flags = ()
    if DOMAIN_TOKEN.search(title):
        flags = (f"title contains a domain token where a name should be: {DOMAIN_TOKEN.search(title).group()}",)
    return Header(squeeze(title), squeeze(issuer), date, year, flags)


_DIGIT_OF_NUMERAL = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _iso_date(m: re.Match) -> str:
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"
