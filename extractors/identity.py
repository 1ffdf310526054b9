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
from collections.abc import Iterable, Iterator
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


def _write_out_relative_place(title: str, place: Place, decided: str | None = None) -> str:
    """市教育工作会议 → 佛山市教育工作会议; `decided`, the division the level was decided for, wins
    over the plain reading (全国、全区、全市…会议 in a district of 拉萨: 全区 is the region)."""
    m = rx.RELATIVE_LEAD.match(title)
    if not m:
        return title
    whole = place.relative(m.group(2))
    if decided and (whole is None or whole.code != decided):  # 全市 in a district of 北京市 too
        whole = gazetteer().by_code(decided) or whole
    if whole is None:
        return title
    return (m.group(1) or "") + whole.name + title[m.end() :]


def meeting_key(title: str, place: Place, decided: str | None = None) -> str:
    title = normalize_title(title).removeprefix("党的")
    congress = rx.PARTY_CONGRESS.fullmatch(title)
    if congress:
        return f"中国共产党第{congress.group(1)}次全国代表大会"
    plenum = rx.PLENUM.fullmatch(title)
    if plenum:
        return f"{plenum.group(1)}届{plenum.group(2)}中全会"
    return _write_out_relative_place(title, place, decided)


def _starts_with_place(title: str, year: int | None) -> bool:
    return any(start == 0 and j.name == title[:end] for start, end, j in gazetteer().find(title, year=year))


def document_key(mention: Mention, place: Place) -> str:
    title = normalize_title(mention.title)
    token = rx.DOMAIN_TOKEN.search(title)
    if token and place.issuer:
        title = title.replace(token.group(), place.issuer)
    numbered = rx.NUMBERED_DOCUMENT.fullmatch(title)
    if numbered and (numbered.group(1) or place.year):
        # every year has its 中央一号文件: the one of the year printed, else of the plan's year
        year = numbered.group(1) or f"{place.year}年"
        title = f"{title.removeprefix(numbered.group(1) or '')}({year})"
    issuers_end, _ = title_issuers(title)
    known = known_policy(title) or known_policy(title[issuers_end:])
    if known and mention.level is known.level:
        title = normalize_title(known.title)
    elif mention.issuers and mention.tier is Tier.A and not _bare_genre(title[issuers_end:]):
        title = _as_issued(title[issuers_end:], mention)  # not 《…安全生产委员会工作规则》: a genre alone
    title = _write_out_relative_place(title, place)
    outline = rx.FIVE_YEAR_OUTLINE.match(title)
    if outline and not known and place_at(outline.group(1), 0) == len(outline.group(1)) > 0:
        # 马尔康市“十四五”规划纲要 is that city's 国民经济和社会发展第十四个五年规划…纲要
        title = f"{outline.group(1)}第{outline.group(2) or outline.group(3)}个五年规划纲要"
    if mention.level is Level.NATIONAL or _starts_with_place(title, place.year):
        return title
    jurisdiction = mention.jurisdiction or (place.jurisdiction.code if place.jurisdiction else "")
    return f"{title}@{jurisdiction or 'unplaced'}"


def _bare_genre(title: str) -> bool:
    """工作规则, 实施办法(试行): a title that says what kind of text it is and nothing of its topic."""
    return bool(rx.BARE_GENRE.fullmatch(rx.TRAILING_PARENTHETICAL.sub("", title)))


def _as_issued(title: str, mention: Mention) -> str:
    """A title without its issuers, written the one way its issuers publish it, whether they stood
    inside the brackets or before them: 国务院《关于X》 = 《国务院关于X》 = 《国办关于X》 (by the
    bodies' full names); a provincial body's 《X方案》 = 《云南省X方案》 (by their place)."""
    if title.startswith("关于"):
        bodies = national_bodies()
        return "".join(bodies.get(issuer, issuer) for issuer in mention.issuers) + title
    jurisdiction = gazetteer().by_code(mention.jurisdiction) if mention.jurisdiction else None
    if (
        jurisdiction
        and mention.level is not Level.NATIONAL
        and not place_at(title, 0)
        and jurisdiction.name not in title
    ):
        return jurisdiction.name + title
    return title


def mention_key(mention: Mention, place: Place) -> str:
    if mention.kind is Kind.MEETING:
        return meeting_key(mention.title, place, mention.jurisdiction)
    if mention.kind is Kind.NOT_POLICY:
        return ""
    return document_key(mention, place)


def _split(key: str) -> tuple[str, str]:
    title, _, jurisdiction = key.partition("@")
    return title, jurisdiction


def resolve_corpus(documents: list[tuple[Place, list[Mention]]]) -> tuple[list[list[Mention]], list[Policy]]:
    """Keys for every mention of every document, and one Policy per key (CorpusIndex and
    PolicyTable, over documents held in memory)."""
    index = CorpusIndex()
    keyed = [key_mentions(mentions, place) for place, mentions in documents]
    for ms in keyed:
        index.add(*index_entries(ms))
    index.close()
    resolved = [index.resolve(ms, place) for (place, _), ms in zip(documents, keyed, strict=True)]
    table = PolicyTable()
    for ms in resolved:
        table.add(ms)
    return resolved, list(table.policies())


def key_mentions(mentions: list[Mention], place: Place) -> list[Mention]:
    """Each mention with the key its own document gives it (the first step, document by document);
    a declared short name takes the key of the title it stands for."""
    keyed = [replace(m, policy=mention_key(m, place)) for m in mentions]
    key_of: dict[str, str] = {}
    decided: set[str] = set()  # titles keyed by a mention whose level is known
    for m in keyed:
        if not m.refers_to and m.title not in decided and (m.title not in key_of or m.level is not Level.UNKNOWN):
            key_of[m.title] = m.policy
            if m.level is not Level.UNKNOWN:
                decided.add(m.title)
    return [replace(m, policy=key_of[m.refers_to]) if m.refers_to in key_of else m for m in keyed]


IndexEntries = tuple[frozenset[str], tuple[tuple[str, "Candidate"], ...]]


def index_entries(keyed: list[Mention]) -> IndexEntries:
    """What one document's keyed mentions tell the corpus: its keys, and its explicitly named
    titles by the ways a bare mention elsewhere may write them (small: a worker sends it back)."""
    keys = frozenset(m.policy for m in keyed if m.policy)
    return keys, tuple((title, c) for m in keyed for title, c in _explicit_variants(m))


class CorpusIndex:
    """What resolving a mention needs to know of every other document: filled document by
    document (`add`), then `close`d, then asked document by document (`resolve`).  It holds one
    entry per distinct key and title, never a document's mentions, so a corpus streams through it."""

    def __init__(self) -> None:
        self._keys: set[str] = set()
        # title → candidates: tuples, not sets, since most titles have one and there are many titles
        self._explicit: dict[str, tuple[Candidate, ...]] = {}
        self._merged: dict[str, str] = {}

    def add(self, keys: frozenset[str], explicit: tuple[tuple[str, Candidate], ...]) -> None:
        self._keys |= keys
        for title, candidate in explicit:
            known = self._explicit.get(title, ())
            if candidate not in known:
                self._explicit[title] = (*known, candidate)

    def close(self) -> None:
        """Join the year variants of a key, now that every key is known."""
        self._merged = _join_year_variants(self._keys)
        self._keys = set()
        merged = self._merged
        for title, candidates in self._explicit.items():
            if any(key in merged for key, _, _ in candidates):
                joined = dict.fromkeys((merged.get(key, key), level, j) for key, level, j in candidates)
                self._explicit[title] = tuple(joined)

    def resolve(self, keyed: list[Mention], place: Place) -> list[Mention]:
        """One document's keyed mentions with their final keys and policy ids."""
        merged = [replace(m, policy=self._merged[m.policy]) if m.policy in self._merged else m for m in keyed]
        return [
            replace(m, policy_id=policy_id(m.policy)) if m.policy else m
            for m in _propagate(merged, place, self._explicit)
        ]


def _join_year_variants(keys: set[str]) -> dict[str, str]:
    """ "佛山市…行动计划" → "佛山市…行动计划(2016-2020年)" when that is the only dated (or 试行, 暂行)
    variant."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in keys:
        title, jurisdiction = _split(key)
        groups[(rx.TRAILING_PARENTHETICAL.sub("", title), jurisdiction)].append(key)
    merged = {}
    for (bare, jurisdiction), variants in groups.items():
        undated = bare + (f"@{jurisdiction}" if jurisdiction else "")
        dated = sorted(k for k in variants if k != undated)
        if undated in variants and len(dated) == 1 and not _known_apart(bare, _split(dated[0])[0]):
            merged[undated] = dated[0]
    return merged


def _known_apart(title: str, variant: str) -> bool:
    """The registry knows the two as different policies: 公平竞争审查制度实施细则 (2021) replaced
    its 2017 (暂行) version."""
    one, other = known_policy(title), known_policy(variant)
    return one is not None and other is not None and one is not other


Candidate = tuple[str, Level, str]  # (key, level, jurisdiction code) of an explicitly named policy


def _explicit_variants(m: Mention) -> list[tuple[str, Candidate]]:
    """A title of known level (by a cue, or as what its plan issues), by the ways a bare mention
    elsewhere may write it: as printed, without its issuers (《国务院关于X》 → 关于X), and without
    its leading place (《四川省X行动计划》 → X行动计划)."""
    if m.kind is not Kind.DOCUMENT or m.level_source not in (LevelSource.CUE, LevelSource.CONTEXT) or m.refers_to:
        return []  # a short name (《总体方案》) means its full title only in the plan that declared it
    title = normalize_title(m.title)
    candidate = (m.policy, m.level, m.jurisdiction)
    variants = [(title, candidate)]
    about = title.find("关于")
    if about > 0 and m.issuers:
        variants.append((title[about:], candidate))
    place = place_at(title, 0)
    if place and len(title) - place >= 6:
        variants.append((title[place:], candidate))
    return variants


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
    table = PolicyTable()
    table.add(mentions)
    return list(table.policies())


@dataclass(slots=True)
class _Gathered:
    """What the mentions of one key have said so far (PolicyTable keeps one per key, not the
    mentions).  Tuples, not sets: a corpus has many policies and most are named one way."""

    rank: int  # of the best-placed mention: its level source's strength, then its level's rank
    kind: Kind
    level: Level
    level_source: LevelSource
    jurisdiction: str
    issuers: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # titles as written, where they differ from the policy's title
    doc_number: str = ""
    implements: tuple[str, ...] = ()
    mentions: int = 0
    documents: int = 0


def _with(values: tuple[str, ...], new: Iterable[str]) -> tuple[str, ...]:
    added = tuple(v for v in dict.fromkeys(new) if v not in values)
    return values + added if added else values


class PolicyTable:
    """The policies of a corpus, gathered mention by mention as documents stream past (`add`),
    then written out as Policy records (`policies`)."""

    def __init__(self) -> None:
        self._gathered: dict[str, _Gathered] = {}

    def add(self, mentions: list[Mention]) -> None:
        """Mentions with their final keys; a title nested in another is only looked for in the same document."""
        nested: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            if m.parent:
                nested[m.doc].append(m)
        seen_in: set[tuple[str, str]] = set()
        for m in mentions:
            if not m.policy:
                continue
            rank = _SOURCE_STRENGTH[m.level_source] * 16 + m.level.rank
            gathered = self._gathered.get(m.policy)
            if gathered is None:
                gathered = self._gathered[m.policy] = _Gathered(rank, m.kind, m.level, m.level_source, m.jurisdiction)
            elif rank < gathered.rank:  # the first of the best-placed mentions decides
                gathered.rank, gathered.kind, gathered.level = rank, m.kind, m.level
                gathered.level_source, gathered.jurisdiction = m.level_source, m.jurisdiction
            gathered.issuers = _with(gathered.issuers, m.issuers)
            alias = simplify(m.title)
            if alias != _split(m.policy)[0]:
                gathered.aliases = _with(gathered.aliases, (alias,))
            gathered.doc_number = gathered.doc_number or m.doc_number
            if m.doc in nested:
                inner = (n.policy for n in nested[m.doc] if n.policy and _is_outer(n, m))
                gathered.implements = _with(gathered.implements, inner)
            gathered.mentions += 1
            if (m.policy, m.doc) not in seen_in:
                seen_in.add((m.policy, m.doc))
                gathered.documents += 1

    def merge(self, other: PolicyTable) -> None:
        """Add what `other` gathered from documents that come after those added so far (as when
        a worker gathered them): the same table as adding their mentions here."""
        for key, theirs in other._gathered.items():
            mine = self._gathered.get(key)
            if mine is None:
                self._gathered[key] = theirs
                continue
            if theirs.rank < mine.rank:
                mine.rank, mine.kind, mine.level = theirs.rank, theirs.kind, theirs.level
                mine.level_source, mine.jurisdiction = theirs.level_source, theirs.jurisdiction
            mine.issuers = _with(mine.issuers, theirs.issuers)
            mine.aliases = _with(mine.aliases, theirs.aliases)
            mine.doc_number = mine.doc_number or theirs.doc_number
            mine.implements = _with(mine.implements, theirs.implements)
            mine.mentions += theirs.mentions
            mine.documents += theirs.documents

    def __len__(self) -> int:
        return len(self._gathered)

    def __contains__(self, key: object) -> bool:
        return key in self._gathered

    def keys(self) -> Iterable[str]:
        return self._gathered.keys()

    def level(self, key: str) -> Level | None:
        """The level of the policy with this key, as far as the mentions added so far tell; None if no such policy."""
        gathered = self._gathered.get(key)
        return gathered.level if gathered else None

    def cited(self, key: str) -> tuple[int, int]:
        """(mentions, documents citing) of the policy with this key."""
        gathered = self._gathered[key]
        return gathered.mentions, gathered.documents

    def policies(self) -> Iterator[Policy]:
        """Every policy, sorted by key, made as it is asked for."""
        return (self._policy(key, self._gathered[key]) for key in sorted(self._gathered))

    @staticmethod
    def _policy(key: str, gathered: _Gathered) -> Policy:
        title = _split(key)[0]
        known = known_policy(title)
        registry_counts = known is not None and known.level is gathered.level
        if registry_counts:
            title = simplify(known.title)  # a law keyed by its short name goes by its full one
        years = sorted({int(y) for y in rx.YEAR.findall(title)})
        if registry_counts and known.year and not years:
            years = [known.year]
        genre = rx.TITLE_GENRE.search(rx.TRAILING_PARENTHETICAL.sub("", title))
        return Policy(
            id=policy_id(key),
            key=key,
            title=title,
            kind=gathered.kind,
            doc_kind=genre.group() if genre and gathered.kind is Kind.DOCUMENT else "",
            level=gathered.level,
            level_source=gathered.level_source,
            issuers=tuple(sorted(set(gathered.issuers) | set(known.issuers if registry_counts else ()))),
            jurisdiction=gathered.jurisdiction or None,
            years=tuple(years),
            doc_number=gathered.doc_number or (known.doc_number if registry_counts else ""),
            aliases=tuple(sorted(a for a in gathered.aliases if a != title)),
            implements=tuple(sorted(gathered.implements)),
        )


def _is_outer(inner: Mention, outer: Mention) -> bool:
    """The nested mention `inner` stands inside the title of `outer`."""
    return inner.doc == outer.doc and outer.start <= inner.start and inner.end <= outer.end and inner is not outer
