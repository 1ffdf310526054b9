"""Text → records: read → clean → structure → header and place → mentions → levels → identity.

`extract_text` is pure (a string in, records out); `extract_file` adds reading from disk;
`resolve` gives the policies of several documents their ids (extractors.corpus runs it over a
whole corpus).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from extractors import regexes as rx
from extractors.cleaning import clean, normalize_title
from extractors.identity import resolve_corpus
from extractors.jurisdictions import place_at
from extractors.keywords import topic_keywords
from extractors.levels import Place, document_place, resolve_levels
from extractors.mentions import find_mentions
from extractors.reading import read_document
from extractors.structure import read_header, structure
from ontology.records import Document, Mention, Policy


@dataclass(frozen=True)
class Extraction:
    """One document's records before policies are resolved across the corpus."""

    document: Document
    place: Place
    mentions: list[Mention]


@dataclass
class Corpus:
    """Every document read, its mentions with policy ids, the policies, and what could not be read."""

    documents: list[Document] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def extract_text(
    text: str, doc: str = "doc", source: str = "", encoding: str = "utf-8", *, keywords: bool = False
) -> Extraction:
    """All records of one document's text; with `keywords`, each work item's topic words too
    (those of its heading, where a plan states what the item is about)."""
    cleaned = clean(text)
    sections, items = structure(cleaned)
    if keywords:
        items = tuple(replace(i, keywords=topic_keywords(i.heading)) for i in items)
    first_heading = items[1].start if len(items) > 1 else len(text)
    header = read_header(text, first_heading)
    place = document_place(header.title, header.issuer_as_printed, cleaned.text, header.year)
    mentions = find_mentions(doc, cleaned, items)
    own = _own_titles(header.title)
    mentions = [m for m in mentions if not {normalize_title(m.title), _without_own_place(m.title, place)} & own]
    mentions = resolve_levels(mentions, place, text)
    document = Document(
        doc=doc,
        source=source,
        text=text,
        title=_without_spam_token(header.title, place.issuer),
        issuer=place.issuer or header.issuer_as_printed,
        issuer_as_printed=header.issuer_as_printed,
        jurisdiction=place.jurisdiction.code if place.jurisdiction else None,
        level=place.level,
        date=header.date,
        year=header.year,
        encoding=encoding,
        sections=sections,
        items=items,
        warnings=header.flags,
    )
    return Extraction(document, place, mentions)


def _own_titles(title: str) -> set[str]:
    """What the plan calls itself: its title, and the plan its notice issues, also with the notice's
    issuer (河南省农业农村厅关于印发2022年工作要点的通知 → 河南省农业农村厅2022年工作要点)."""
    issued = rx.ISSUED_BY_NOTICE.search(title)
    if not issued:
        return {normalize_title(title)}
    plan, issuer = issued.group(1), title[: issued.start()]
    return {normalize_title(title), normalize_title(plan), normalize_title(issuer + plan)}


def _without_own_place(title: str, place: Place) -> str:
    """A title without the plan's own place it starts with: 马尔康市2021年政府工作要点 → 2021年政府工作要点
    in a plan of 马尔康市."""
    title = normalize_title(title)
    lead = title[: place_at(title, 0)]
    own = {j.name for j in (place.jurisdiction, place.county, place.city, place.province) if j is not None}
    return title.removeprefix(lead) if lead in own else title


def _without_spam_token(title: str, issuer: str) -> str:
    """ "288563.com2017年工作计划" → "佛山市教育局2017年工作计划": a page that wrote a domain where the
    issuer's name belongs (the header's warning keeps what was printed)."""
    token = rx.DOMAIN_TOKEN.search(title)
    return title.replace(token.group(), issuer) if token and issuer else title


def extract_file(path: Path, *, keywords: bool = False) -> Extraction:
    """All records of one file; raises UnreadableDocument with the reason."""
    text, encoding = read_document(path)
    return extract_text(text, doc=path.stem, source=str(path), encoding=encoding, keywords=keywords)


def resolve(extractions: list[Extraction]) -> tuple[list[Extraction], list[Policy]]:
    """Policy ids for every mention, resolved across all the documents given."""
    keyed, policies = resolve_corpus([(e.place, e.mentions) for e in extractions])
    return [replace(e, mentions=ms) for e, ms in zip(extractions, keyed, strict=True)], policies
