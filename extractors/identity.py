"""Resolve one policy across its mentions and documents (DESIGN.md, "One policy, many mentions").

Each mention gets a canonical key:
  - meetings: 中国共产党第十八次全国代表大会, 十八届六中全会, 2017年广东省教育工作会议;
  - documents: the normalized title, with the issuer printed before the brackets joined to it
    (国务院《关于…》 = 《国务院关于…》), a registry alias replaced by the policy's own title
    (《党内问责条例》 → 中国共产党问责条例), a leading relative place written out (市… → 佛山市…),
    and — unless the policy is national or its title starts with a place — the jurisdiction it
    belongs to, so that a generic 《实施意见》 of two cities never merges.
Then, over the whole corpus, a key without a year range joins the one key of its jurisdiction
that differs only by it, and a policy of unknown level joins the one policy of the same title that
another document names with an explicit issuer (level source `corpus`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace

from extractors import regexes as rx
from extractors.cleaning import normalize_title, simplify
from extractors.jurisdictions import gazetteer, place_at
from extractors.levels import Place
from extractors.mentions import title_issuers
from extractors.registry import known_policy, national_bodies
from ontology.records import Mention, Policy
from ontology.vocabulary import Kind, Level, LevelSource, Tier

_SOURCE_STRENGTH = {
    LevelSource.CUE: 0,
    LevelSource.CONTEXT: 1,
    LevelSource.REGISTRY: 2,
    LevelSource.CORPUS: 3,
    LevelSource.UNKNOWN: 4,
}


def policy_id(key: str) -> str:
    """An ASCII id that the same key gives in every run."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _write_out_relative_place(title: str, place: Place) -> str:
    m = rx.RELATIVE_LEAD.match(title)
    if not m:
        return title
    whole = place.relative(m.group(2))
    if whole is None:
        return title
    return (m.group(1) or "") + whole.name + title[m.end() :]


def meeting_key(title: str, place: Place) -> str:
    title = normalize_title(title).removeprefix("党的")
    congress = rx.PARTY_CONGRESS.fullmatch(title)
    if congress:
        return f"中国共产党第{congress.group(1)}次全国代表大会"
    plenum = rx.PLENUM.fullmatch(title)
    if plenum:
        return f"{plenum.group(1)}届{plenum.group(2)}中全会"
    return _write_out_relative_place(title, place)


def _starts_with_place(title: str, year: int | None) -> bool:
    return any(start == 0 and j.name == title[:end] for start, end, j in gazetteer().find(title, year=year))


def document_key(mention: Mention, place: Place) -> str:
    title = normalize_title(mention.title)
    token = rx.DOMAIN_TOKEN.search(title)
    if token and place.issuer:
        title = title.replace(token.group(), place.issuer)
    issuers_end, _ = title_issuers(title)
    known = known_policy(title) or known_policy(title[issuers_end:])
    if known and mention.level is known.level:
        title = normalize_title(known.title)
    elif mention.issuers and mention.tier is Tier.A:
        title = _as_issued(title[issuers_end:], mention)
    title = _write_out_relative_place(title, place)
    if mention.level is Level.NATIONAL or _starts_with_place(title, place.year):
        return title
    jurisdiction = mention.jurisdiction or (place.jurisdiction.code if place.jurisdiction else "")
    return f"{title}@{jurisdiction or 'unplaced'}"


def _as_issued(title: str, mention: Mention) -> str:
    """A title without its issuers, written the one way its issuers publish it, whether they stood
    inside the brackets or before them: 国务院《关于X》 = 《国务院关于X》 = 《国办关于X》 (by the
    bodies' full names); a provincial body's 《X方案》 = 《云南省X方案》 (by their place)."""
    if title.startswith("关于"):
        bodies = national_bodies()
        return "".join(bodies.get(issuer, issuer) for issuer in mention.issuers) + title
    jurisdiction = gazetteer().by_code(mention.jurisdiction) if mention.jurisdiction else None
    if jurisdiction and mention.level is not Level.NATIONAL and not place_at(title, 0):
        return jurisdiction.name + title
    return title


def mention_key(mention: Mention, place: Place) -> str:
    if mention.kind is Kind.MEETING:
        return meeting_key(mention.title, place)
    if mention.kind is Kind.NOT_POLICY:
        return ""
    return document_key(mention, place)


def _split(key: str) -> tuple[str, str]:
    title, _, jurisdiction = key.partition("@")
    return title, jurisdiction


@dataclass(frozen=True)
class _Seen:
    key: str
    level: Level
    source: LevelSource
    jurisdiction: str
    explicit: bool  # named with an issuer or a place in the text


def resolve_corpus(documents: list[tuple[Place, list[Mention]]]) -> tuple[list[list[Mention]], list[Policy]]:
    """Keys for every mention of every document, and one Policy per key."""
    keyed = [[replace(m, policy=mention_key(m, place)) for m in mentions] for place, mentions in documents]
    merged = _join_year_variants({m.policy for ms in keyed for m in ms if m.policy})
    keyed = [[replace(m, policy=merged.get(m.policy, m.policy)) for m in ms] for ms in keyed]
    explicit = explicit_titles(keyed)
    keyed = [_propagate(ms, place, explicit) for (place, _), ms in zip(documents, keyed, strict=True)]
    keyed = [[replace(m, policy_id=policy_id(m.policy) if m.policy else "") for m in ms] for ms in keyed]
    return keyed, build_policies([m for ms in keyed for m in ms])


def _join_year_variants(keys: set[str]) -> dict[str, str]:
    """ "佛山市…行动计划" → "佛山市…行动计划(2016-2020年)" when that is the only dated variant."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in keys:
        title, jurisdiction = _split(key)
        groups[(rx.TRAILING_PARENTHETICAL.sub("", title), jurisdiction)].append(key)
    merged = {}
    for (bare, jurisdiction), variants in groups.items():
        undated = bare + (f"@{jurisdiction}" if jurisdiction else "")
        dated = sorted(k for k in variants if k != undated)
        if undated in variants and len(dated) == 1:
            merged[undated] = dated[0]
    return merged


Candidate = tuple[str, Level, str]  # (key, level, jurisdiction code) of an explicitly named policy


def explicit_titles(corpus: list[list[Mention]]) -> dict[str, set[Candidate]]:
    """Every title of known level (by a cue, or as what its plan issues), by the ways a bare
    mention elsewhere may write it: as printed, without its issuers (《国务院关于X》 → 关于X), and
    without its leading place (《四川省X行动计划》 → X行动计划)."""
    index: dict[str, set[Candidate]] = defaultdict(set)
    for m in (m for ms in corpus for m in ms):
        if m.kind is not Kind.DOCUMENT or m.level_source not in (LevelSource.CUE, LevelSource.CONTEXT):
            continue
        title = normalize_title(m.title)
        candidate = (m.policy, m.level, m.jurisdiction)
        index[title].add(candidate)
        about = title.find("关于")
        if about > 0 and m.issuers:
            index[title[about:]].add(candidate)
        place = place_at(title, 0)
        if place and len(title) - place >= 6:
            index[title[place:]].add(candidate)
    return index


def _best_named(candidates) -> set[Candidate]:
    """Those named with their issuer or place (keys without "@"), if any; else all."""
    candidates = set(candidates)
    named = {c for c in candidates if "@" not in c[0]}
    return named or candidates


def _propagate(mentions: list[Mention], place: Place, explicit: dict[str, set[Candidate]]) -> list[Mention]:
    """A bare title of unknown level joins the one policy another mention names explicitly, if
    that policy's jurisdiction holds the citing document's."""
    g = gazetteer()
    here = place.jurisdiction.code if place.jurisdiction else ""
    out = []
    for m in mentions:
        if m.kind is Kind.DOCUMENT and m.level is Level.UNKNOWN:
            candidates = _best_named(
                c
                for c in explicit.get(normalize_title(m.title), ())
                if not here or not c[2] or c[2] == here or g.is_within(here, c[2])
            )
            if len(candidates) == 1:
                key, level, jurisdiction = candidates.pop()
                m = replace(m, policy=key, level=level, level_source=LevelSource.CORPUS, jurisdiction=jurisdiction)
        elif m.kind is Kind.DOCUMENT and "@" in m.policy:
            # placed only by the citing document (我市《X》, 制定《X》): the one X its own
            # jurisdiction's bodies are named with elsewhere (《杭州市X》, 杭州市人民政府《X》)
            candidates = _best_named(
                c for c in explicit.get(normalize_title(m.title), ()) if c[2] == m.jurisdiction and c[0] != m.policy
            )
            if len(candidates) == 1:
                m = replace(m, policy=candidates.pop()[0])
        out.append(m)
    return out


def build_policies(mentions: list[Mention]) -> list[Policy]:
    """One Policy per key, its facts gathered from every mention and the registry."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.policy:
            by_key[m.policy].append(m)
    nested: dict[str, list[Mention]] = defaultdict(list)  # titles inside titles, by document
    for m in mentions:
        if m.parent:
            nested[m.doc].append(m)
    policies = []
    for key, group in sorted(by_key.items()):
        best = min(group, key=lambda m: (_SOURCE_STRENGTH[m.level_source], m.level.rank))
        title = _split(key)[0]
        known = known_policy(title)
        registry_counts = known is not None and known.level is best.level
        issuers = sorted({i for m in group for i in m.issuers} | set(known.issuers if registry_counts else ()))
        aliases = sorted({simplify(m.title) for m in group} - {title})
        years = sorted({int(y) for y in rx.YEAR.findall(title)})
        if registry_counts and known.year and not years:
            years = [known.year]
        bare = rx.TRAILING_PARENTHETICAL.sub("", title)
        genre = rx.TITLE_GENRE.search(bare)
        implements = sorted(
            {inner.policy for m in group for inner in nested.get(m.doc, ()) if _is_outer(inner, m) and inner.policy}
        )
        policies.append(
            Policy(
                id=policy_id(key),
                key=key,
                title=title,
                kind=best.kind,
                doc_kind=genre.group() if genre and best.kind is Kind.DOCUMENT else "",
                level=best.level,
                level_source=best.level_source,
                issuers=tuple(issuers),
                jurisdiction=best.jurisdiction or None,
                years=tuple(years),
                doc_number=next((m.doc_number for m in group if m.doc_number), "")
                or (known.doc_number if registry_counts else ""),
                aliases=tuple(aliases),
                implements=tuple(implements),
            )
        )
    return policies


def _is_outer(inner: Mention, outer: Mention) -> bool:
    """The nested mention `inner` stands inside the title of `outer`."""
    return inner.doc == outer.doc and outer.start <= inner.start and inner.end <= outer.end and inner is not outer
