"""Decide where the document and each cited policy sit: jurisdiction, level, issuers in full.

A level is never guessed.  It comes, in this order, from
  cue      — an issuer, a place or a central-Party word in the text or the title;
  context  — a policy the document will issue sits at the document's own level;
  registry — a well-known policy (data/policies.tsv);
  corpus   — the same policy seen with an explicit issuer in another document (extractors.identity);
and is `unknown` otherwise.  Relative words (省, 全市, 我市, 区) resolve against the citing
document's jurisdiction, so the same rules serve a plan from any province, city or county.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from extractors import regexes as rx
from extractors.cleaning import normalize_title, simplify
from extractors.jurisdictions import COMMON_WORD_SHORTS, gazetteer, place_at
from extractors.registry import known_policy, national_bodies, national_body_at
from ontology.records import Jurisdiction, Mention
from ontology.vocabulary import Kind, Level, LevelSource, Relation

_LEVEL_OF_RELATIVE = {
    "省": Level.PROVINCIAL,
    "自治区": Level.PROVINCIAL,
    "市": Level.MUNICIPAL,
    "州": Level.MUNICIPAL,
    "盟": Level.MUNICIPAL,
    "地区": Level.MUNICIPAL,
    "地": Level.MUNICIPAL,  # of 地委
    "区": Level.COUNTY,
    "县": Level.COUNTY,
    "旗": Level.COUNTY,
    "林区": Level.COUNTY,
}


@dataclass(frozen=True)
class Place:
    """The citing document's place: what 省, 市 and 区 mean in its text."""

    jurisdiction: Jurisdiction | None = None
    province: Jurisdiction | None = None
    city: Jurisdiction | None = None
    county: Jurisdiction | None = None
    issuer: str = ""  # the document's issuer in full, which a spam token stands for
    year: int | None = None
    prefecture: Jurisdiction | None = None  # the prefecture-level division, also where `city` is a county-level city

    @property
    def level(self) -> Level:
        return self.jurisdiction.level if self.jurisdiction else Level.UNKNOWN

    def relative(self, word: str) -> Jurisdiction | None:
        """省 → the province, 市 → the city, 区/县 → the county; in an autonomous region 自治区 (and
        区, where the plan is no district's) → the region; 州, 盟 and 旗 → the autonomous prefecture,
        league or banner the plan belongs to, 林区 → the forest district (神农架林区); 地区 and the 地 of
        地委 → the prefecture (阿克苏地区)."""
        region = self.province if self.province and self.province.name.endswith("自治区") else None
        district = self.county if self.county and self.county.name.endswith("区") else None
        ending = {"州": "州", "盟": "盟", "地区": "地区", "地": "地区"}.get(word)
        if ending:  # the prefecture-level division, if it is one of that kind
            return self.prefecture if self.prefecture and self.prefecture.name.endswith(ending) else None
        if word in ("旗", "林区"):
            return self.county if self.county and self.county.name.endswith(word) else None
        zone = self.jurisdiction if rx.ZONE.search(self.issuer) else None  # 全区 of 长沙高新区: the zone's city
        return {
            "省": self.province,
            "自治区": region,
            "市": self.city,
            "区": district or zone or region or self.county,  # 全区 in 库车市 (新疆) is the region
            "县": self.county,
        }.get(word)


def place_of(jurisdiction: Jurisdiction | None, issuer: str = "", year: int | None = None) -> Place:
    if jurisdiction is None:
        return Place(issuer=issuer, year=year)
    g = gazetteer()
    county = jurisdiction if jurisdiction.level is Level.COUNTY else None
    prefecture = city = g.city_of(jurisdiction.code)
    if county is not None and county.name.endswith("市"):
        city = county  # in a county-level city's plan (昆山市, 仙桃市), 市 is the city itself
    return Place(jurisdiction, g.province_of(jurisdiction.code), city, county, issuer, year, prefecture)


# ----------------------------------------------------------------------- the document


def document_place(title: str, issuer_as_printed: str, text: str, year: int | None) -> Place:
    """The document's jurisdiction from its title, byline and text, and its issuer in full.

    An issuer written relative to its place (市教育局) takes the place of that level the text
    names most often; a spam token in the title is no place and is skipped.
    """
    g = gazetteer()
    title = rx.DOMAIN_TOKEN.sub("", simplify(title))
    issuer = simplify(issuer_as_printed)
    if issuer in national_bodies() or rx.CENTRAL.match(issuer):
        return place_of(g.by_code("000000"), issuer, year)
    for source in (issuer, title):
        leading = _leading_places(g.find(source, year=year))
        if leading:
            jurisdiction = leading[-1].jurisdiction
            return place_of(jurisdiction, _full_issuer_of_document(issuer, jurisdiction), year)
    zone_city = _zone_city(issuer, year) if rx.ZONE.search(issuer) else None
    if zone_city:  # 长沙高新区管委会: a development zone is no division; its city is its place
        return place_of(zone_city, issuer, year)
    relative = rx.RELATIVE_START.match(issuer) or rx.RELATIVE_START.match(title)
    wanted = _LEVEL_OF_RELATIVE[relative.group(1)] if relative else None
    counts = g.count_full_names(text, year=year)
    ranked = [code for code, _ in counts.most_common() if not wanted or g.by_code(code).level is wanted]
    if not ranked:
        return Place(issuer=issuer, year=year)
    jurisdiction = g.by_code(ranked[0])
    return place_of(jurisdiction, _full_issuer_of_document(issuer, jurisdiction), year)


def _zone_city(issuer: str, year: int | None) -> Jurisdiction | None:
    """The place a development zone's body names by a short name: its city wherever the name says
    it (四川天府新区成都直管区… → 成都市), else the province or city it starts with (长沙高新区 →
    长沙市)."""
    g = gazetteer()
    for at in range(len(issuer) - 1):
        short = issuer[at : at + 2]
        if short in COMMON_WORD_SHORTS:
            continue
        cities = [j for j in g.lookup(short, year=year) if j.short == short and j.level is Level.MUNICIPAL]
        if cities:
            return cities[0]
    return _short_name_lead(issuer, Place(year=year))


def _leading_places(found: list) -> list:
    """The run of places found (start, end, jurisdiction) that a name starts with: "南京市鼓楼区
    教育局" → 南京市, 鼓楼区."""
    run, end = [], 0
    for place in found:
        if place.start != end:
            break
        run.append(place)
        end = place.end
    return run


def _deepest(found) -> Jurisdiction:
    return max((j for _, _, j in found), key=lambda j: j.level.rank)


def _full_issuer_of_document(issuer: str, jurisdiction: Jurisdiction) -> str:
    if not issuer:
        return ""
    return expand_issuer(issuer, place_of(jurisdiction))[0]


# ----------------------------------------------------------------------------- issuers


def expand_issuer(name: str, place: Place) -> tuple[str, tuple[str, ...]]:
    """An issuer's full name against the citing document, and what was doubtful about it.

    省教育厅 → 广东省教育厅, 市政府 → 佛山市人民政府, 市委 → 中共佛山市委,
    288563.com (a token where the name should be) → the document's own issuer, flagged.
    """
    name = rx.FORMER_BODY.sub("", simplify(name).replace(" ", ""))  # 原环境保护部 issued as 环境保护部
    flags: tuple[str, ...] = ()
    token = rx.DOMAIN_TOKEN.search(name)
    if token and place.issuer:
        name = name.replace(token.group(), place.issuer)
        flags = (f"issuer token {token.group()} stands for the document's issuer {place.issuer}",)
    zone = _own_zone(place)
    own_zone = rx.OWN_ZONE_BODY.fullmatch(name)
    if zone and own_zone:  # 高新区党工委 in the zone's plan: its own
        return zone + own_zone.group("body"), flags
    street = _own_street(place)
    own_street = rx.OWN_STREET_BODY.fullmatch(name)
    if street and own_street:  # 街道党工委 in a 街道's plan: its own
        return street + (own_street.group("body") or ""), flags
    if street and len(name) > 2 and street.endswith(name):  # 仓前街道 in its own plan
        return street, flags
    own = rx.OWN_BODY.fullmatch(name)
    kind = own.group("kind") if own else ""
    if own and (own.group("own") or own.group("group")) and place.issuer.endswith((kind, kind + "员会")):
        # 我局, 本厅: the plan's issuer; 局党组: its Party leadership group (中共…局党组)
        return (f"中共{place.issuer}{own.group('group')}" if own.group("group") else place.issuer), flags
    if name in national_bodies():
        # 体育总局 is the 国家体育总局; a short form that is no tail of the full name (国家语委) is
        # kept as printed, as annotators keep it
        full = national_bodies()[name]
        return (full if full.endswith(name) else name), flags
    own_county = place.county.name if place.county else ""
    if own_county and name.startswith(own_county):  # the plan's own district, with its city: 朝阳区民政局
        name = _official_place_name(place.county, place) + name[len(own_county) :]
    elif place.jurisdiction and place.county is None:
        name = _with_own_city(name, place)  # 江北区委办 in a plan of 重庆市: 重庆市江北区委办
    places = _leading_places(gazetteer().find(name[:24])) if place_at(name, 0) else []
    if places and name.startswith("委", places[-1].end):  # 慈溪市委 is 中共慈溪市委
        return "中共" + name, flags
    if office := rx.PREFECTURE_OFFICE.match(name):
        name = "地区行政公署" + (office.group(1) or "")  # 行署办公室 → …地区行政公署办公室
    m = rx.RELATIVE_ISSUER.match(name)
    if m and m.group(2) in _LEVEL_OF_RELATIVE:
        whole = place.relative(m.group(2))
        rest = m.group(3)
        if whole is None:
            return name, flags
        written = _official_place_name(whole, place)
        if rest.startswith("委"):  # 市委, 省委办公厅, 市委宣传部: Party committees
            party_place = written
            if m.group(2) == "地":  # 中共阿克苏地委
                party_place = whole.name.removesuffix("区")
            return f"中共{party_place}{rest}", flags
        if rest.startswith("党委"):  # 自治区党委 is 中共…自治区委员会; 林区党委 中共神农架林区委
            committee = "委员会" if m.group(2) == "自治区" else "委"
            return f"中共{written}{committee}{rest[2:]}", flags
        if rest.startswith("政府"):
            rest = "人民" + rest
        return f"{m.group(1) or ''}{written}{rest}", flags
    return name, flags


def _with_own_city(name: str, place: Place) -> str:
    """A name that starts with a district of the plan's own city (or municipality), with that city
    put before it, as a district's bodies are officially named: 江北区委办 → 重庆市江北区委办 in a plan
    of 重庆市 (宁波 has a 江北区 too)."""
    district = rx.DISTRICT_LEAD.match(name)
    if not district:
        return name
    g = gazetteer()
    found = g.lookup(district.group(), year=place.year, within=place.jurisdiction.code)
    if not found or found[0].level is not Level.COUNTY:
        return name
    city = g.city_of(found[0].code)
    return city.name + name if city and city.code != found[0].code else name


def _own_zone(place: Place) -> str:
    """The development zone whose plan this is, as its issuer names it: 长沙高新区 (of a plan by
    长沙高新区管委会); "" if the plan is no zone's."""
    zone = rx.ZONE.search(place.issuer)
    return place.issuer[: zone.end()] if zone else ""


def _own_street(place: Place) -> str:
    """The sub-district whose plan this is, named as its bodies are: 杭州市余杭区仓前街道 (of a
    plan by 余杭区仓前街道办事处); "" if the plan is no sub-district's."""
    at = place.issuer.find("街道")
    if at < 0 or place.county is None:
        return ""
    street = place.issuer[: at + 2]
    places = _leading_places(gazetteer().find(street))
    local = street[places[-1].end :] if places else street
    return _official_place_name(place.county, place) + local if local != "街道" else ""


def _official_place_name(jurisdiction: Jurisdiction, place: Place) -> str:
    """A place as its bodies are officially named: a district with its city (南京市鼓楼区人民政府,
    中共南京市鼓楼区委: many cities have a 鼓楼区), a county, banner or county-level city alone
    (攸县人民政府, 中共攸县委)."""
    district = jurisdiction.level is Level.COUNTY and jurisdiction.name.endswith("区")
    if district and place.city and place.city.code != jurisdiction.code:
        return place.city.name + jurisdiction.name
    return jurisdiction.name


def organization_place(name: str, place: Place) -> tuple[Level, Jurisdiction | None]:
    """The level and jurisdiction of an issuing body named in full (a development zone's bodies
    are its city's)."""
    g = gazetteer()
    zone = _own_zone(place)
    if zone and name.startswith(zone) and place.jurisdiction:
        return place.level, place.jurisdiction
    if national_body_at(name) or rx.CENTRAL.match(name) or name.startswith("国家"):  # 教育部办公厅 too
        return Level.NATIONAL, g.by_code("000000")
    found = g.find(name, year=place.year)
    if found:
        jurisdiction = _deepest(found)
        return jurisdiction.level, jurisdiction
    return Level.UNKNOWN, None


# ------------------------------------------------------------------------------ levels


@dataclass(frozen=True)
class Decision:
    level: Level
    source: LevelSource
    jurisdiction: Jurisdiction | None = None


UNKNOWN = Decision(Level.UNKNOWN, LevelSource.UNKNOWN)


def decide_level(mention: Mention, place: Place, before: str) -> Decision:
    """The level of what a mention names, with where the decision came from.

    `before` is the text just before the mention, where a relative cue may stand: 制定我市《…》.
    """
    if mention.kind is Kind.NOT_POLICY:
        return UNKNOWN
    cue = _cue(mention, place, before)
    if cue:
        return cue
    known = _known_for_level(mention.title)
    # What a plan will make is its own body's, at the plan's level (a city's 第二期特殊教育提升计划
    # is the city's, whatever the registry says); what it revises too, unless the registry knows it.
    if place.jurisdiction and (
        mention.relation is Relation.ISSUES or (mention.relation is Relation.REVISES and not known)
    ):
        return Decision(place.level, LevelSource.CONTEXT, place.jurisdiction)
    if known:
        national = gazetteer().by_code("000000") if known.level is Level.NATIONAL else None
        return Decision(known.level, LevelSource.REGISTRY, national)
    return _unplaced_regulation(mention) or UNKNOWN


def _known_for_level(title: str):
    """The registry's policy a title names, also in an edition the registry does not list: the
    level of 《新型冠状病毒肺炎防控方案（第七版）》 is that of every edition (its identity is its own)."""
    return known_policy(title) or known_policy(rx.TRAILING_PARENTHETICAL.sub("", normalize_title(title)))


def _cue(mention: Mention, place: Place, before: str) -> Decision | None:
    g = gazetteer()
    title = simplify(rx.DOMAIN_TOKEN.sub("", mention.title))
    if not rx.ISSUING_NOTICE.search(title):  # a nested title's places are the inner policy's,
        title = rx.NESTED_TITLE.sub("", title)  # unless the notice issues it (关于印发〈…〉的通知)
    levels = [organization_place(i, place) for i in mention.issuers]
    known = [lv for lv in levels if lv[0] is not Level.UNKNOWN]
    if known:
        level, jurisdiction = min(known, key=lambda lv: lv[0].rank)
        return Decision(level, LevelSource.CUE, jurisdiction)
    national = (
        rx.CENTRAL.match(rx.YEAR_LEAD.sub("", title))
        or rx.NATIONAL_BEFORE.search(before)
        or rx.NATIONAL_IN_TITLE.search(title)
        or rx.NATIONAL_DOC_NUMBER.search(mention.doc_number)
    )
    if national:
        # 2019年全国教育工作会议; 执行国家《学生体质健康标准》; 《…》（国发〔2018〕40号）
        return Decision(Level.NATIONAL, LevelSource.CUE, g.by_code("000000"))
    # a place inside a title or a short name is a weaker cue than the registry: 海南自由贸易港建设
    # 总体方案 and 关于深入推广福建省三明市经验…的实施意见 are the Centre's
    known = _known_for_level(mention.title)
    jurisdiction = (
        _first_place(title, place.year, leading_only=bool(known))
        or _own_place_lead(title, place)
        or (None if known else _short_name_lead(title, place))
    )
    lead = rx.RELATIVE_PLACE_LEAD.match(title)
    named_in_full = jurisdiction is not None and title.startswith(jurisdiction.name)
    word = lead.group(1) if lead else ""
    if word == "区" and rx.REGION_BEFORE_CITY.search(mention.surface):
        word = "自治区"  # 全国、全区、全市…会议 in a district of 拉萨: the 区 between nation and city is the region
    if lead and place.relative(word) and not named_in_full:  # 全州 of 凉山州, not 全州县
        jurisdiction = place.relative(word)
    if jurisdiction:
        return Decision(jurisdiction.level, LevelSource.CUE, jurisdiction)
    quoted = _quoted_place(title, place)
    if quoted:
        return Decision(quoted.level, LevelSource.CUE, quoted)
    relative = rx.RELATIVE_START.match(title) or rx.RELATIVE_BEFORE.search(before)
    if not relative:
        inner = rx.RELATIVE_INSIDE.search(title)
        relative = inner
    if relative and place.relative(relative.group(1)):
        jurisdiction = place.relative(relative.group(1))
        return Decision(jurisdiction.level, LevelSource.CUE, jurisdiction)
    bare = rx.TRAILING_PARENTHETICAL.sub("", title)
    is_law = bare.endswith(("法", "法典")) and not bare.endswith(("办法", "方法", "做法"))
    if mention.kind is Kind.DOCUMENT and is_law and not rx.TITLE_ISSUER_END.search(title):
        # A 法 is made by the NPC; local bodies make 条例 and 办法, never a 法.
        return Decision(Level.NATIONAL, LevelSource.CUE, g.by_code("000000"))
    return None


def _unplaced_regulation(mention: Mention) -> Decision | None:
    """A local 条例 is named with its place (云南省…条例), so one cited with none is the State
    Council's or the Party Centre's: 《工伤保险条例》, 劳动保障监察条例."""
    title = rx.TRAILING_PARENTHETICAL.sub("", simplify(mention.title))
    if mention.kind is Kind.DOCUMENT and title.endswith("条例") and not rx.TITLE_ISSUER_END.search(title):
        return Decision(Level.NATIONAL, LevelSource.CUE, gazetteer().by_code("000000"))
    return None


@lru_cache(maxsize=8192)
def _first_place(title: str, year: int | None, leading_only: bool = False) -> Jurisdiction | None:
    """The division a title is named for: the deepest of the places it starts with (云南省大理白族
    自治州…条例 is the prefecture's), else (unless `leading_only`) the first it names (titles
    repeat: cached)."""
    found = gazetteer().find(title, year=year)
    if not found:
        return None
    # a county's short name after its province's is no place of the title (山东省|泰山人才工程)
    leading = [p for p in _leading_places(found) if p.jurisdiction.level is not Level.COUNTY or _in_full(title, p)]
    if leading:
        return max((p.jurisdiction for p in leading), key=lambda j: j.level.rank)
    return None if leading_only else found[0].jurisdiction


def _in_full(title: str, place) -> bool:
    return title[place.start : place.end] == place.jurisdiction.name


def _own_place_lead(title: str, place: Place) -> Jurisdiction | None:
    """The citing plan's own county, city or province leading a title by a name other places share
    too, which the gazetteer leaves unresolved alone: 城关区委七届九次全会 in a plan of 拉萨市城关区."""
    for own in (place.county, place.city, place.prefecture, place.province):
        if own is not None and title.startswith(own.name):
            return own
    return None


def _short_name_lead(title: str, place: Place) -> Jurisdiction | None:
    """A province or city whose short name starts a title, which is named for it: 大连口岸收费目录清单.
    (Elsewhere a short name counts only where the gazetteer's rules allow; a county's short name,
    or one that is an everyday word, never counts here.)"""
    g = gazetteer()
    for n in (3, 2):
        lead = title[:n]
        if lead in COMMON_WORD_SHORTS:
            continue
        found = [j for j in g.lookup(lead, year=place.year) if j.short == lead and j.level is not Level.COUNTY]
        if found:
            return found[0]
    return None


def _quoted_place(title: str, place: Place) -> Jurisdiction | None:
    """A place that ends a quoted slogan: “文化佛山”三年行动计划, “健康中国”, “数字浙江”."""
    g = gazetteer()
    for slogan in rx.SLOGAN.findall(title):
        slogan = slogan.rstrip("0123456789")  # “健康上海2030”
        for n in (3, 2):
            found = g.lookup(slogan[-n:], year=place.year)
            if place.province:
                found = [
                    j for j in found if j.code == place.province.code or g.is_within(j.code, place.province.code)
                ] or found
            if found:
                return found[0]
    return None


def resolve_levels(mentions: list[Mention], place: Place, text: str) -> list[Mention]:
    """Each mention with its issuers in full and its level decided."""
    resolved: dict[int, Mention] = {}
    by_title: dict[str, Mention] = {}  # the first mention of each full title, decided
    # a short name or repeat is decided after the titles it stands for, wherever it stands
    order = sorted(range(len(mentions)), key=lambda i: bool(mentions[i].refers_to))
    for index in order:
        mention = mentions[index]
        issuers, flags = [], list(mention.flags)
        for issuer in mention.issuers:
            full, doubts = expand_issuer(_in_place_of_previous(issuer, issuers), place)
            issuers.append(full)
            flags += doubts
        if issuers != list(mention.issuers) or flags != list(mention.flags):
            mention = replace(mention, issuers=tuple(issuers), flags=tuple(flags))
        referent = by_title.get(mention.refers_to) if mention.refers_to else None
        if referent is not None:  # a declared short name sits where its full title does
            level, source, jurisdiction = referent.level, referent.level_source, referent.jurisdiction
        else:
            decision = decide_level(mention, place, simplify(text[max(0, mention.start - 4) : mention.start]))
            level, source = decision.level, decision.source
            jurisdiction = decision.jurisdiction.code if decision.jurisdiction else ""
        resolved[index] = replace(mention, level=level, level_source=source, jurisdiction=jurisdiction)
        if not mention.refers_to:
            decided = by_title.get(mention.title)
            if decided is None or (decided.level is Level.UNKNOWN and level is not Level.UNKNOWN):
                by_title[mention.title] = resolved[index]  # the first mention whose level is known
    return [resolved[i] for i in range(len(mentions))]


def _in_place_of_previous(issuer: str, previous: list[str]) -> str:
    """A body written relative to the place the body before it names: 长沙市委、市政府 → 长沙市政府
    (not the citing plan's own 市政府)."""
    relative = rx.RELATIVE_ISSUER.match(issuer)
    if not relative or relative.group(1) or not previous:
        return issuer
    places = _leading_places(gazetteer().find(previous[-1].removeprefix("中共")[:24]))
    named = previous[-1].removeprefix("中共")[: places[-1].end] if places else ""
    if not named.endswith(relative.group(2)):
        return issuer
    rest = relative.group(3)
    return named + ("人民" + rest if rest.startswith("政府") else rest)
