"""China's administrative divisions: names to codes, the tree above a division, and division names in text.

The gazetteer is data/reference/divisions.tsv (see data/reference/divisions.SOURCE.md): every province, prefecture and
county-level division since 1980 with its GB/T 2260 code, its parent and the years its name was in
use, so a 2017 plan that names 杭州市下城区 (merged into 拱墅区 in 2021) still resolves.  It is read
once, on first use, with the standard library only.

Finding names in text (`find_jurisdictions`) runs over every title and document, so it is one
left-to-right scan with dictionary look-ups (no regex alternation of 7,000 names): at each position
the longest name wins.  Full names (佛山市, 顺德区) count wherever they stand, except

* generic district names (城区, 郊区, 矿区, 市中区 …), which count only right after their city;
* two-character names (和县, 赵县) which must start a word (``辽宁县域`` holds no 宁县);
* a name ending in 区 before 域 (``江南区域`` is a region, not 南宁市江南区).

Short names (佛山, 广东, 延边) are ordinary words too often to count everywhere.  One counts only
when it is

* followed by the last character of its full name (延边州, 长阳县, 广西区),
* followed by the name of a body (广东教育厅, 佛山人民政府: see `_BODY_WORDS`),
* next to another division of the same line (广东佛山, 佛山顺德), or
* standing alone between punctuation, spaces or the ends of the text (（佛山）, 广东、广西), or
* in a list of divisions of its level joined by 、和与及 (推进佛山、广州、韶关七市, 禅城和顺德区).

Quotation marks do not set a short name apart: “凌云”行动计划 names a programme, not 凌云县.

Short names that are everyday words or other things' names (和平, 新华, 中山, 长安, 白云, 通州 …:
`COMMON_WORD_SHORTS`) count only with the last character of their full name or right after a
division above them (广州白云).  One-character abbreviations (粤, 浙) are never matched.

A name shared by several divisions (朝阳区 in 北京 and 长春) is read as the one inside the
division named just before it, if any; otherwise as the one in use in the year, the highest level,
the lowest code.  `Gazetteer.lookup` gives all readings.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from extractors.regexes import NAME_ENDING
from ontology.records import Jurisdiction
from ontology.resources import data_path
from ontology.vocabulary import Level

NATIONAL_CODE = "000000"
# The four municipalities: provincial level, and the city their districts belong to.
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that, right after a short name, make it the name of a division: its government, Party
# committee, congress or a bureau.  Kept to words that name a public body.
_BODY_WORDS = (
    "人民政府",
    "政府",
    "党委",
    "人大",
    "政协",
    "纪委",
    "监委",
    "教育",
    "发展和改革",
    "发改委",
    "财政",
    "人力资源和社会保障",
    "人社",
    "公安",
    "卫生健康",
    "卫健委",
    "住房和城乡建设",
    "住建",
    "自然资源",
    "生态环境",
    "审计",
    "统计局",
    "中级人民法院",
    "高级人民法院",
    "人民法院",
    "人民检察院",
    "检察院",
)

# Short names that are also everyday words, people's or landmarks' names, or regions: matched in
# text only with the last character of their full name or right after a division above them.
COMMON_WORD_SHORTS = _words(
    """
    中国 和平 新华 中山 长安 白云 通州 资源 合作 武功 比如 南部 解放 东方 前进 港口 公安 友好 通道 共和
    城中 城东 城西 城南 城北 城关 市中 新市 新城 老城 友谊 平安 中方 凤凰 安定 延长 光明 新兴 运河
    万年 东风 红旗 南岸 会同 工农 大名 富裕 清水 前锋 复兴 长子 宏伟 平定 芙蓉 洞口 温泉 太和 石门
    向阳 振兴 大方 互助 建平 莲花 平和 名山 黄龙 六合 龙泉 建华 永和 大观 二七 金山 丰满 双桥 高台
    九龙 江南 江北 中原 西湖 安宁 长寿 永安 太平 小河 七星 二道 天涯 木兰 博爱 同仁 回民 钟楼 桥头
    东郊 西郊 宝塔 元宝 平房 万安 太白 同心 安居 方正 黑水 龙凤 鼓楼 富民 水城 玄武 民权 小店 海棠
    白杨 麒麟 爱民 惠民 新民 金沙 白沙 天元 阳春 延寿 仁寿 兴业 和顺 升平 东方红 灯塔 白玉 白塔 古塔
    官渡 天心 阳明 红星 新星 铜鼓 民乐 立新 先锋 四方 公园 动力 露天 开元 渡口 市郊
    东城 西城 南山 东山 西山 城阳 江东 河东 河西 东湖 南湖 北湖 新建
    """
)

# District names that are ordinary words: matched only right after their city (阳泉市城区).
GENERIC_NAMES = _words(
    """
    城区 郊区 矿区 东区 西区 南区 北区 新区 一区 二区 盐区 市中区 新城区 老城区 城中区 城东区 城西区
    城南区 城北区 新市区 市郊区 城关区
    """
)


@dataclass(frozen=True)
class _Entry:
    """One row of the gazetteer: a division under one name, and the years that name was in use."""

    jurisdiction: Jurisdiction
    valid_from: int | None  # first year it may have been in use; None: before 1980
    valid_to: int | None  # last year it may have been in use; None: still in use

    @property
    def current(self) -> bool:
        return self.valid_to is None

    def valid_in(self, year: int | None) -> bool:
        """In use in `year`; any year when `year` is None."""
        if year is None:
            return True
        return (self.valid_from is None or self.valid_from <= year) and (self.valid_to is None or year <= self.valid_to)


class JurisdictionMatch(NamedTuple):
    """A division named in a text: ``text[start:end]`` names `jurisdiction` (its best reading)."""

    start: int
    end: int
    jurisdiction: Jurisdiction


class _Index(NamedTuple):
    full: dict[str, tuple[_Entry, ...]]
    short: dict[str, tuple[_Entry, ...]]
    lengths: dict[str, tuple[int, ...]]  # first character → name lengths, longest first (of every year)
    starts: frozenset[str]  # the first two characters of every name (of every year)


def _latest_first(entry: _Entry) -> tuple[bool, int]:
    return (not entry.current, -(entry.valid_to or 0))


def _normalize(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


# What may stand on either side of a short name standing alone: list punctuation and spaces, not
# quotation marks (“凌云”行动计划 is a programme, not 凌云县).
_SEPARATORS = frozenset("、，,；;：:（）()【】[]〔〕/|·•-—–")


# What joins the divisions of a list: 佛山、广州, 禅城和顺德区, 南海与顺德.
_JOINERS = frozenset("、和与及")


def _separates(ch: str) -> bool:
    return ch.isspace() or ch in _SEPARATORS


class Gazetteer:
    """All divisions by code and by name, with the tree that links them.

    Build it with `gazetteer()`, which reads data/reference/divisions.tsv once; the constructor takes the rows
    so that tests can build a small one.
    """

    def __init__(self, rows: Iterable[dict[str, str]]):
        self._entries: list[_Entry] = []
        by_code: dict[str, list[_Entry]] = defaultdict(list)
        by_full: dict[str, list[_Entry]] = defaultdict(list)
        by_short: dict[str, list[_Entry]] = defaultdict(list)
        for row in rows:
            j = Jurisdiction(
                code=row["code"],
                name=row["name"],
                level=Level(row["level"]),
                parent=row["parent"] or None,
                short=row["short"],
            )
            entry = _Entry(
                j,
                int(row["valid_from"]) if row["valid_from"] else None,
                int(row["valid_to"]) if row["valid_to"] else None,
            )
            self._entries.append(entry)
            by_code[j.code].append(entry)
            by_full[j.name].append(entry)
            if j.short:
                by_short[j.short].append(entry)
        # current name first, then the most recent former name
        self._by_code = {c: tuple(sorted(es, key=_latest_first)) for c, es in by_code.items()}
        self._by_full = {n: tuple(es) for n, es in by_full.items()}
        self._by_short = {n: tuple(es) for n, es in by_short.items()}
        self._validity = {(e.jurisdiction.code, e.jurisdiction.name): e for e in self._entries}
        self._indexes: dict[int | None, _Index] = {}

    @classmethod
    def from_tsv(cls, path: Path) -> Gazetteer:
        with path.open(encoding="utf-8", newline="") as f:
            return cls(csv.DictReader(f, delimiter="\t"))

    def __len__(self) -> int:
        return len(self._entries)

    # ------------------------------------------------------------------------------ by code

    def by_code(self, code: str, *, year: int | None = None) -> Jurisdiction | None:
        """The division with this code: under its current name, or under the name it had in `year`.

        A code can have had several names (130502 桥东区 became 襄都区 in 2020); without a year the
        current (else the most recent) one is given.  None for a code never used.
        """
        entries = self._by_code.get(code, ())
        if year is not None:
            entries = tuple(e for e in entries if e.valid_in(year)) or entries
        return entries[0].jurisdiction if entries else None

    def validity(self, jurisdiction: Jurisdiction) -> tuple[int | None, int | None]:
        """The first and last years its name may have been in use (None: before 1980 / still).

        Where the source tables leave a gap the bounds are the wide ones: a name is never said to
        be out of use in a year it may have been in use.
        """
        entry = self._validity.get((jurisdiction.code, jurisdiction.name))
        return (entry.valid_from, entry.valid_to) if entry else (None, None)

    # ------------------------------------------------------------------------------ by name

    def lookup(self, name: str, *, year: int | None = None, within: str | None = None) -> list[Jurisdiction]:
        """Every division a name may stand for, best first.

        `name` is a full name (佛山市), a short one (佛山) or a short one with the last character of
        the full name (延边州 for 延边朝鲜族自治州).  `year` keeps the divisions whose name was in
        use then, so 下城区 is found for 2017 and not for 2023.  `within` (an ancestor's code) tells
        apart names used in several places: 朝阳区 within 110000 is Beijing's, within 220100
        Changchun's.  Best first: in use (now, or in `year`), then the highest level, the lowest code.
        """
        name = _normalize(name)
        entries = self._by_full.get(name, ()) + self._by_short.get(name, ())
        if not entries and len(name) >= 3:  # 延边州
            stem = self._by_short.get(name[:-1], ())
            entries = tuple(e for e in stem if e.jurisdiction.name.endswith(name[-1]))
        entries = tuple(e for e in entries if e.valid_in(year))
        if within:
            entries = tuple(e for e in entries if self.is_within(e.jurisdiction.code, within))
        seen: set[tuple[str, str]] = set()
        out = []
        for e in sorted(entries, key=lambda e: self._rank(e, year)):
            key = (e.jurisdiction.code, e.jurisdiction.name)
            if key not in seen:
                seen.add(key)
                out.append(e.jurisdiction)
        return out

    @staticmethod
    def _rank(entry: _Entry, year: int | None) -> tuple:
        j = entry.jurisdiction
        in_use = entry.valid_in(year) if year is not None else entry.current
        return (not in_use, j.level.rank, j.code, j.name)

    # ------------------------------------------------------------------------------ the tree

    def ancestors(self, code: str) -> list[Jurisdiction]:
        """The divisions above `code`, nearest first, ending with 中国 (000000).

        顺德区 → [佛山市, 广东省, 中国]; 海淀区 → [北京市, 中国]; 仙桃市 → [湖北省, 中国].
        Empty for 中国 itself and for unknown codes.
        """
        out: list[Jurisdiction] = []
        j = self.by_code(code)
        while j is not None and j.parent:
            j = self.by_code(j.parent)
            if j is not None:
                out.append(j)
        return out

    def is_within(self, code: str, ancestor_code: str) -> bool:
        """Whether `code` is `ancestor_code` or lies inside it."""
        return code == ancestor_code or any(a.code == ancestor_code for a in self.ancestors(code))

    def province_of(self, code: str) -> Jurisdiction | None:
        """The provincial-level division that holds `code` (itself if provincial); None for 中国."""
        j = self.by_code(code)
        for candidate in [j, *self.ancestors(code)] if j else []:
            if candidate.level is Level.PROVINCIAL:
                return candidate
        return None

    def city_of(self, code: str) -> Jurisdiction | None:
        """The city that holds `code` (itself if a prefecture-level division): what 市/我市 means there.

        For the districts and counties of 北京, 天津, 上海 and 重庆 it is the municipality, which is
        provincial-level.  None for provinces, 中国, and county-level units directly under a province
        (仙桃市, 济源市), which belong to no city.
        """
        j = self.by_code(code)
        if j is None:
            return None
        chain = [j, *self.ancestors(code)]
        for candidate in chain:
            if candidate.level is Level.MUNICIPAL:
                return candidate
        if j.level is not Level.PROVINCIAL:
            return next((c for c in chain if c.code in MUNICIPALITIES), None)
        return j if j.code in MUNICIPALITIES else None

    # ------------------------------------------------------------------------------ in text

    def find(self, text: str, *, year: int | None = None) -> list[JurisdictionMatch]:
        """Every division named in `text`, in order, as (start, end, jurisdiction).

        Offsets index `text` as given.  With `year`, only names in use that year count; without,
        former names count too but current ones are preferred.  See the module's docstring for
        which names count where.
        """
        index = self._index(year)
        starts = index.starts
        n = len(text)
        matches: list[JurisdictionMatch] = []
        i = 0
        while i < n:
            if text[i : i + 2] not in starts:  # no name begins here: most positions, skipped cheaply
                i += 1
                continue
            found = self._match_at(text, i, index, matches[-1] if matches else None, year)
            if found is None:
                i += 1
                continue
            matches.append(found)
            i = found.end
        return matches

    def count_full_names(self, text: str, *, year: int | None = None) -> Counter[str]:
        """How often each division is named by its full name in `text`: code → count.

        For weighing which city a long document is about, this looks only where a name can end
        (省, 市, 区, 县 …) and at the few characters before, instead of at every position.
        """
        full = self._index(year).full
        counts: Counter[str] = Counter()
        for m in NAME_ENDING.finditer(text):
            end = m.end()
            for length in range(min(9, end), 1, -1):
                entries = full.get(text[end - length : end])
                if entries:
                    counts[entries[0].jurisdiction.code] += 1
                    break
        return counts

    def _index(self, year: int | None) -> _Index:
        """The names in use in `year` (all names for None), made once per year asked for.  Lengths
        and starts are those of every year, made once: a name they let through that is not in use
        in `year` is simply not found."""
        if None not in self._indexes:
            full = {name: entries for name, entries in self._by_full.items() if len(name) >= 2}
            short = {name: entries for name, entries in self._by_short.items() if len(name) >= 2}
            lengths: dict[str, set[int]] = defaultdict(set)
            for name in (*full, *short):
                lengths[name[0]].add(len(name))
            longest_first = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
            starts = frozenset(name[:2] for name in (*full, *short))
            self._indexes[None] = _Index(full, short, longest_first, starts)
        if year not in self._indexes:
            every = self._indexes[None]
            full, short = (self._in_use(names, year) for names in (every.full, every.short))
            self._indexes[year] = _Index(full, short, every.lengths, every.starts)
        return self._indexes[year]

    @staticmethod
    def _in_use(names: dict[str, tuple[_Entry, ...]], year: int) -> dict[str, tuple[_Entry, ...]]:
        """`names` without the entries not in use in `year`, and without the names left with none."""
        return {
            name: kept for name, entries in names.items() if (kept := tuple(e for e in entries if e.valid_in(year)))
        }

    def _match_at(
        self, text: str, i: int, index: _Index, prev: JurisdictionMatch | None, year: int | None
    ) -> JurisdictionMatch | None:
        """The longest name at `i` that counts there, or None."""
        listed = prev is not None and prev.end == i - 1 and text[i - 1] in _JOINERS  # 佛山、广州
        if not (prev is not None and i - prev.end <= 2 and not text[prev.end : i].strip()):
            prev = None  # only a division named just before (spaces aside) is context
        for length in index.lengths.get(text[i], ()):
            j = i + length
            if j > len(text):
                continue
            name = text[i:j]
            entries = index.full.get(name)
            if entries:
                entries = self._full_counts(text, i, j, name, entries, prev)
                if entries:
                    # 长阳县 is a former full name and also 长阳 + 县 of 长阳土家族自治县: both readings
                    stem = index.short.get(name[:-1], ())
                    also = tuple(e for e in stem if e.jurisdiction.name[-1] == name[-1])
                    return self._best(i, j, entries + also, prev, year)
            entries = index.short.get(name)
            if entries:
                entries, suffix = self._short_counts(text, i, j, name, entries, index, prev, listed)
                if entries:
                    return self._best(i, j + suffix, entries, prev, year)
        return None

    def _under(self, entries: tuple[_Entry, ...], prev: JurisdictionMatch | None) -> tuple[_Entry, ...]:
        """Those entries inside the division matched just before (empty if none or no such match)."""
        if prev is None or prev.jurisdiction.code == NATIONAL_CODE:
            return ()
        above = prev.jurisdiction.code
        return tuple(e for e in entries if e.jurisdiction.code != above and self.is_within(e.jurisdiction.code, above))

    def _full_counts(self, text, i, j, name, entries, prev) -> tuple[_Entry, ...]:
        under = self._under(entries, prev)
        if name in GENERIC_NAMES:
            return under
        if len(name) == 2 and not under and i > 0 and _is_han(text[i - 1]):
            return ()
        if name.endswith("区") and text[j : j + 1] == "域":
            return ()
        if name.endswith("市") and text[j : j + 1] == "场" and name[:-1] in COMMON_WORD_SHORTS:
            return ()  # 东方市场 is a market
        return entries

    def _short_counts(self, text, i, j, name, entries, index, prev, listed) -> tuple[tuple[_Entry, ...], int]:
        """The entries a short name at [i, j) stands for if it counts there (see the module's
        docstring), and 1 if the last character of their full name follows and belongs to the match."""
        # name + that character is no full name (those were judged as such: 老城区, 东方市场)
        suffixed = tuple(e for e in entries if text[j : j + 1] == e.jurisdiction.name[-1])
        if suffixed and text[i : j + 1] not in self._by_full and text[j + 1 : j + 2] not in ("域", "级"):
            return suffixed, 1  # 河南县域 is no 河南县
        under = self._under(entries, prev)
        if under:
            return under, 0
        if name in COMMON_WORD_SHORTS:
            return (), 0
        if any(text.startswith(w, j) for w in _BODY_WORDS) or self._parent_of_next(text, j, entries, index):
            return entries, 0
        left_open = i == 0 or _separates(text[i - 1]) or listed or (prev is not None and prev.end == i)
        # the last of a list may be followed by its count: 广东与浙江两省, 佛山、广州等市, 梅州、韶关七市
        right_open = j == len(text) or _separates(text[j]) or (listed and text[j] in "等两二三四五六七八九十各")
        if (left_open and right_open) or self._heads_a_list(text, j, entries, index):
            return entries, 0
        return (), 0

    def _heads_a_list(self, text, j, entries, index) -> bool:
        """Whether 、(和, 与, 及) and a division of the same level follow (佛山、广州, 禅城和顺德区)."""
        if text[j : j + 1] not in _JOINERS or j + 1 >= len(text):
            return False
        levels = {e.jurisdiction.level for e in entries}
        for length in index.lengths.get(text[j + 1], ()):
            name = text[j + 1 : j + 1 + length]
            for following in (index.full.get(name, ()), index.short.get(name, ())):
                if any(e.jurisdiction.level in levels for e in following):
                    return True
        return False

    def _parent_of_next(self, text, j, entries, index) -> bool:
        """Whether a division inside one of `entries` is named right at `j` (广东佛山, 佛山顺德区)."""
        if j >= len(text):
            return False
        codes = {e.jurisdiction.code for e in entries}
        for length in index.lengths.get(text[j], ()):
            name = text[j : j + length]
            for following in (index.full.get(name, ()), index.short.get(name, ())):
                for e in following:
                    code = e.jurisdiction.code
                    if code not in codes and any(self.is_within(code, c) for c in codes):
                        return True
        return False

    def _best(self, start, end, entries, prev, year) -> JurisdictionMatch:
        pool = self._under(entries, prev) or entries
        best = min(pool, key=lambda e: self._rank(e, year))
        return JurisdictionMatch(start, end, best.jurisdiction)


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer of data/reference/divisions.tsv, read on first use and kept."""
    return Gazetteer.from_tsv(data_path("divisions.tsv"))


def find_jurisdictions(text: str, *, year: int | None = None) -> list[JurisdictionMatch]:
    """Every division named in `text`, as (start, end, jurisdiction): see `Gazetteer.find`."""
    return gazetteer().find(text, year=year)


def place_at(text: str, pos: int) -> int:
    """The length of the division name that begins at `pos` in `text`, or 0.

    Only the next few characters are read, so the caller can test many positions cheaply.
    """
    g = gazetteer()
    if text[pos : pos + 2] not in g._index(None).starts:  # no name begins here: the usual answer
        return 0
    found = g.find(text[pos : pos + 24])
    return found[0].end if found and found[0].start == 0 else 0
