"""The reference data the extractors consult: national bodies, abbreviations, known policies.

Each table is a TSV file in `data/` with a column saying where its facts come from; each is read
once, on first use.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from extractors.cleaning import normalize_title, simplify
from ontology.resources import data_path
from ontology.vocabulary import Level


def _rows(name: str) -> list[dict[str, str]]:
    with data_path(name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@dataclass(frozen=True)
class KnownPolicy:
    title: str
    aliases: tuple[str, ...]
    issuers: tuple[str, ...]
    level: Level
    year: int | None
    doc_number: str
    source: str


@cache
def national_bodies() -> dict[str, str]:
    """Every name and alias of a national body → its full name.  国家语委 → 国家语言文字工作委员会."""
    names = {}
    for row in _rows("organizations.tsv"):
        names[row["name"]] = row["name"]
        for alias in filter(None, row["aliases"].split("|")):
            names[alias] = row["name"]
    return names


@cache
def _national_body_pattern() -> re.Pattern:
    names = sorted(national_bodies(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def national_body_at(text: str, pos: int = 0) -> int:
    """The length of the national body's name that begins at `pos` (国务院, 教育部, 中办), or 0."""
    m = _national_body_pattern().match(text, pos)
    return m.end() - pos if m else 0


@cache
def abbreviations() -> tuple[tuple[str, str], ...]:
    """Short forms inside organization names and their full forms, longest first."""
    pairs = [(row["short"], row["full"]) for row in _rows("abbreviations.tsv")]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def known_policies() -> dict[str, KnownPolicy]:
    """Normalized title or alias → the well-known policy it names."""
    found = {}
    for row in _rows("policies.tsv"):
        policy = KnownPolicy(
            title=row["title"],
            aliases=tuple(filter(None, row["aliases"].split("|"))),
            issuers=tuple(filter(None, row["issuers"].split("|"))),
            level=Level(row["level"]),
            year=int(row["year"]) if row["year"] else None,
            doc_number=row["doc_number"],
            source=row["source"],
        )
        for name in (policy.title, *policy.aliases):
            found[normalize_title(name)] = policy
    return found


def known_policy(title: str) -> KnownPolicy | None:
    return known_policies().get(normalize_title(title))


def comparable_organization(name: str) -> str:
    """An organization name with abbreviations written out, for comparing two spellings:
    国家语委 = 国家语言文字工作委员会, 市政府 = 市人民政府, 中国共产党佛山市委员会 ~ 中共佛山市委."""
    name = simplify(name).replace(" ", "")
    name = national_bodies().get(name, name)
    name = name.replace("人民政府", "政府").replace("中国共产党", "中共")
    for short, full in abbreviations():
        if short in ("政府", "中国共产党"):
            continue
        if full not in name:
            name = name.replace(short, full)
    return name


@cache
def bare_law_pattern() -> re.Pattern:
    """The laws of the registry by every name they go by, longest first, as written without
    brackets: "贯彻落实义务教育法", "执行教师法和未成年人保护法" (not 教育法治, 教育法规, 教育法律)."""
    names = {name for policy in known_policies().values() for name in (policy.title, *policy.aliases)}
    laws = sorted((n for n in names if n.endswith("法")), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, laws)) + ")(?![治规律学制])")
