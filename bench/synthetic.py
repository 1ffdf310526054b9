"""Synthetic work plans with their gold mentions, so that a scale run is also an accuracy check.

    python bench/synthetic.py --out DIR --count N --seed S [--gb18030-share F] [--traditional-share F]
                              [--gold-per-doc] [--first K] [--jobs J] [--without CASE ...] [--focus CASE]

writes DIR/NNNNNN.txt (one work plan each) and DIR/gold.jsonl: every gold mention in the format of
DESIGN.md, "Mentions as JSON lines", with doc = the file stem (`--gold-per-doc` writes
DIR/NNNNNN.gold.jsonl instead).  Each gold row also carries `start`/`end`, the code-point offsets of
its surface in the document's text: `text[start:end] == surface`, in GB18030 files once decoded and
in Traditional files too, whose surfaces are Traditional.  `note` names the pattern that wrote the row.

A plan: the education department of a province, city or county (data/reference/divisions.tsv)
writes its 工作要点 or 工作计划 for a year of 2015–2024, with or without site chrome and a byline,
numbered in any of the styles of Chinese official documents, and cites policies in the ways
DESIGN.md describes.  Every citation comes from a named pattern (`PATTERNS`) that writes the text and
its gold rows together, so the gold follows DESIGN.md's rules by construction: a level comes from a
cue in the text, from the registry of known policies (data/reference/policies.tsv) or, for what the
plan will issue, from the plan's own level; otherwise it is `unknown`.

Some things that real pages do are harder than others to read right; each is a named hard case
(`HARD_CASES`).  All are written by default; `--without` leaves some out and `--focus` writes one of
them in every plan it fits, so a test can hold the extractor to each separately.

Deterministic: a document depends only on the seed and its index (and the options), so the same
arguments give byte-identical files however many jobs write them.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import re
import sys
import time
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

try:
    from ontology.resources import data_path
except ImportError:  # `python bench/synthetic.py` in a checkout whose package is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from ontology.resources import data_path

YEARS = range(2015, 2025)
LEVEL_SHARES = {"provincial": 0.2, "municipal": 0.45, "county": 0.35}
# Taiwan, Hong Kong and Macao publish no work plans of this kind.
EXCLUDED_PROVINCES = frozenset({"710000", "810000", "820000"})
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
# District names that are ordinary words: 《城区…》 would be ambiguous to a reader too.
GENERIC_COUNTY_NAMES = frozenset({
    "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "新区", "一区", "二区", "盐区", "市中区",
    "新城区", "老城区", "城中区", "城东区", "城西区", "城南区", "城北区", "新市区", "市郊区", "城关区",
})  # fmt: skip

HARD_CASES = {
    "place_name_with_和": "和, 与 or 及 in the name of the plan's place, its city or its province (呼和浩特市, 南和区)",
    "body_name_with_和": "a national body written in full with 和 in its name (国家发展和改革委员会《…》)",
    "place_name_with_traditional_form": "a place name with a character that is also a Traditional form (乾县)",
    "issued_办法": "the plan will issue a …办法 with no place in its title (出台《中小学课后服务管理办法》; "
    "制訂我縣《…辦法》 in Traditional text)",
    "repeat_of_full_width_range": "a title printed with a full-width year range (（2019—2021年）) named again "
    "without brackets in a later item",
    "local_congress_by_name": "a local Party congress named by a place whose name ends in neither 省 nor 市, or "
    "whose short name is an everyday word (那曲地区第十三次党代会, 广西壮族自治区…, 中山市…)",
    "long_place_before_bare_name": "more than 14 characters of place name (and words) leading a name without "
    "brackets (黔东南苗族侗族自治州教育事业发展“十四五”规划, 双江拉祜族佤族布朗族傣族自治县…行动计划)",
    "repeat_in_traditional_text": "a title named again without brackets in a plan written in Traditional characters",
    "year_before_national_conference": "a national conference named with its year (2019年全国教育工作会议)",
    "issuer_reads_as_two_bodies": "an issuer whose name reads as two bodies (凉山彝族自治州会理县教育局: "
    "凉山彝族自治州会 + 理县教育局)",
    "long_issuer_name": "more than 20 characters of place name in an issuer's name "
    "(红河哈尼族彝族自治州金平苗族瑶族傣族自治县人民政府《…》)",
}
# Hard cases that are the plan's place itself: left out, they leave out the place.
# Characters that OpenCC's Traditional→Simplified table converts although Simplified place names
# use them (乾县 would become 干县); the project's table leaves them alone.
OVERCONVERTED = frozenset("乾")
PLACE_HARD_CASES = frozenset({"place_name_with_和", "place_name_with_traditional_form", "issuer_reads_as_two_bodies"})
# … and those that need a place of some kind to be written at all.
PLACE_FOCUS = PLACE_HARD_CASES | {"long_place_before_bare_name", "local_congress_by_name", "long_issuer_name"}
LONG_ISSUER_PLACE = 20  # characters

# ------------------------------------------------------------------------------ vocabulary


@dataclass(frozen=True)
class Topic:
    """A field of education work: the heading of an item, a verb phrase for 关于…/…方案 titles and a
    noun phrase for …管理办法/…实施细则 titles."""

    heading: str
    vp: str
    np: str


TOPICS = tuple(
    Topic(*row.split("|"))
    for row in """
加强学校德育工作|加强新时代中小学德育工作|中小学德育工作
推动学前教育普及普惠发展|推进学前教育普及普惠发展|普惠性幼儿园认定
促进义务教育优质均衡发展|促进义务教育优质均衡发展|义务教育学校办学质量评价
推进普通高中多样化有特色发展|推进普通高中多样化有特色发展|普通高中选课走班
大力发展现代职业教育|深化职业教育产教融合|职业院校学生实习
加强高素质专业化教师队伍建设|全面加强新时代教师队伍建设|中小学教师培训学分
加强乡村教师队伍建设|加强乡村学校教师队伍建设|乡村教师生活补助
规范校外培训机构管理|规范校外培训机构发展|校外培训机构
做好中小学课后服务|做好中小学生课后服务工作|中小学课后服务
强化学校体育工作|全面加强和改进学校体育工作|学校体育场馆开放
加强学校美育工作|全面加强和改进学校美育工作|中小学艺术素质测评
加强劳动教育|全面加强大中小学劳动教育|中小学劳动教育实践基地
保障学生身心健康|加强中小学生心理健康教育|中小学心理健康教育
加强近视防控工作|加强儿童青少年近视防控工作|中小学生视力健康监测
提升特殊教育发展水平|推进特殊教育融合发展|特殊教育学校办学
促进民办教育规范发展|促进民办教育规范健康发展|民办学校年度检查
深化教育督导体制机制改革|深化新时代教育督导体制机制改革|中小学校责任督学挂牌督导
深化教育评价改革|深化新时代教育评价改革|中小学校办学质量评价
稳步推进考试招生制度改革|深化高中阶段学校考试招生制度改革|普通高中学业水平考试
完善学生资助体系|健全学生资助工作体系|学生资助资金
推进教育信息化建设|加快推进教育信息化|智慧校园建设
加强教育装备保障|推进中小学教育装备标准化建设|中小学实验室
做好学校安全工作|加强中小学幼儿园安全风险防控|中小学幼儿园安全
加强校园欺凌防治|加强中小学生欺凌综合治理|中小学生欺凌防治
强化学校食品安全管理|加强学校食品安全与营养健康管理|学校食堂
推进集团化办学|推进中小学集团化办学|教育集团
推进校长职级制改革|深化中小学校长职级制改革|中小学校长职级
推进县管校聘管理改革|深化义务教育教师县管校聘管理改革|教师交流轮岗
加强语言文字工作|加强学校语言文字工作|学校语言文字规范化
推进家庭教育工作|加强家庭教育指导服务工作|家庭教育指导服务
加快学习型城市建设|推进社区教育和老年教育发展|社区教育
推进教育对外交流与合作|推进教育对外开放|中外合作办学
加强教育经费管理|加强教育经费投入使用管理|教育经费
推进依法治教|全面推进依法治校|学校章程
加强中小学教材管理|加强中小学教材和课外读物管理|中小学教材
加强作业管理|加强义务教育学校作业管理|中小学作业
推进科学教育|加强中小学科学教育|中小学科学教育
推进研学实践教育|推进中小学生研学旅行|中小学生研学实践
做好随迁子女入学工作|做好随迁子女接受义务教育工作|随迁子女入学
推进控辍保学|进一步加强控辍保学|控辍保学
""".strip().splitlines()
)

# Sentences of ordinary work that cite nothing: no trigger of issuing or revising, no 《》, quotes,
# 关于, meetings or rules, so that every mention in a plan is one a pattern wrote.
FILLER = tuple(
    """
坚持把德育贯穿于学校教育教学的各个环节
着力培育中小学生的家国情怀、文明教养和公民责任
推进规范化家长学校建设
加强中小学校园文化建设，大力营造良好育人环境
完善学校公共卫生事故预防机制
扩大优质教育资源覆盖面
提高学生基本科学素质，增强学生的创新精神和实践能力
推动优质教育资源共建共享
加强经费监督检查，提高资金使用效益
加强学生心理健康教育与引导
推进义务教育学区化、集团化办学
健全教育质量监测评价体系
加强教育系统网络与信息安全工作
开展校园安全隐患排查整治
强化学校食堂管理责任，杜绝不安全食品进校园
推动校园环境治理和节能减排
加强职业院校双师型教师队伍建设
扩大普惠性学前教育资源供给
完善校长教师轮岗交流机制
切实加强教师待遇保障，维护教师合法权益
推进信息技术与教育教学深度融合
加快智慧校园建设，提升师生信息素养
提升教育公共服务均等化水平
深化管办评分离改革，加强事中事后监管
积极拓展课程资源，构建适应个性化发展需要的课程体系
推进科学保教，建设一批实验园
加大优质、特色、多样化的教育供给
积极探索为学校、教师、学生服务的新途径
统筹推进城乡教育一体化发展
提高教育财政保障能力和水平
加强学校卫生人员规范化培训
推进融合教育，提高随班就读质量
完善适龄残疾儿童少年入学安置工作机制
巩固控辍保学成果，确保适龄儿童少年应学尽学
健全学生资助体系，做到应助尽助
加强民办学校规范管理，引导民办学校提高办学质量
加强教育宣传和舆论引导工作
加强基层党组织标准化规范化建设
推进全面从严治党向纵深发展
持续改进工作作风，切实减轻基层负担
增强各级党组织的政治功能和组织力
提升学生体质健康水平
深化课堂教学改革，总结推广优秀教学成果
加强督导机构、队伍和作风建设
推动新建小区配套幼儿园与小区建设同步规划、同步建设、同步交付使用
加强国家通用语言文字推广普及
健全家校社协同育人机制
加强中小学实验教学，提升学生动手能力
推进校园足球特色学校建设
加强学生近视、肥胖等常见病防控
完善教师培训体系，按需精准施训
推进教育数字化转型
加强教育统计和信息公开工作
做好学校传染病防控工作
深化校企合作，推进现代学徒制人才培养
健全教师荣誉制度，营造尊师重教的良好氛围
加强青少年法治教育实践基地建设
做好义务教育学校招生入学工作，维护招生秩序
""".strip().splitlines()
)

SECTION_HEADINGS = (
    "坚持立德树人，着力提升教育教学质量",
    "不断优化结构，促进各级各类教育协调发展",
    "深化改革创新，有效增强发展动力",
    "推进公平共享，增强服务群众能力",
    "完善保障机制，夯实改革发展基础",
    "加强党的建设，推进全面从严治党",
    "坚持依法治教，提升教育治理能力",
    "守牢安全底线，维护教育系统和谐稳定",
    "聚焦民生关切，办好人民满意的教育",
    "强化教师队伍建设，夯实教育发展根基",
)
PARTY_HEADINGS = ("加强党的政治建设", "推进全面从严治党", "加强基层党组织建设", "推进党风廉政建设和反腐败工作")


IMPLEMENT_TRIGGERS = ("贯彻落实", "认真贯彻", "落实", "贯彻", "全面落实", "深入实施", "严格执行", "认真贯彻落实")
ISSUE_TRIGGERS = ("出台", "制定", "制订", "研究制定", "研究制订", "制定出台", "制订出台", "制定实施")


@dataclass(frozen=True)
class NationalDocument:
    """A national policy: its issuers in full, its title without them, its gold key."""

    issuers: tuple[str, ...]
    title: str
    key: str
    year: int
    known: bool  # in the registry: cited bare it is still national


# National documents outside the registry (cited bare, their level is unknown; with an issuer before
# or inside the brackets they are national): issuers as written, title, year.
NATIONAL_DOCUMENTS = """
教育部|关于全面深化课程改革落实立德树人根本任务的意见|2014
国务院|关于深化考试招生制度改革的实施意见|2014
国务院|关于进一步完善城乡义务教育经费保障机制的通知|2015
国务院办公厅|关于加快中西部教育发展的指导意见|2016
教育部|关于加强和改进中小学实验教学的意见|2019
国务院办公厅|关于新时代推进普通高中育人方式改革的指导意见|2019
中共中央办公厅、国务院办公厅|关于全面加强和改进新时代学校体育工作的意见|2020
中共中央办公厅、国务院办公厅|关于全面加强和改进新时代学校美育工作的意见|2020
国务院办公厅|关于全面加强新时代语言文字工作的意见|2020
教育部|关于加强新时代中小学科学教育工作的意见|2023
国务院办公厅|关于进一步加强控辍保学提高义务教育巩固水平的通知|2017
教育部|关于加强中小学生手机管理工作的通知|2021
教育部|关于进一步加强中小学生睡眠管理工作的通知|2021
国务院|关于进一步调整优化结构提高教育经费使用效益的意见|2018
教育部|中小学德育工作指南|2017
教育部|义务教育学校管理标准|2017
教育部|中小学教育惩戒规则(试行)|2020
国务院办公厅|关于规范校外培训机构发展的意见|2018
教育部、国家语委|关于进一步加强学校语言文字工作的意见|2016
国务院|关于当前发展学前教育的若干意见|2010
国务院办公厅|关于强化学校体育促进学生身心健康全面发展的意见|2016
国务院|关于加强农村留守儿童关爱保护工作的意见|2016
中共中央办公厅、国务院办公厅|关于深化教育体制机制改革的意见|2017
教育部|关于加强和改进新时代师德师风建设的意见|2019
教育部|关于推进中小学教育质量综合评价改革的意见|2013
国务院|关于深入推进义务教育均衡发展的意见|2012
教育部|县域普通高中发展提升行动计划|2021
教育部|关于加强家庭教育工作的指导意见|2015
教育部、国家发展和改革委员会、财政部|关于深入推进义务教育薄弱环节改善与能力提升工作的意见|2019
教育部、国家发展和改革委员会、财政部|关于实施第三期学前教育行动计划的意见|2017
人力资源和社会保障部、教育部|关于深化中小学教师职称制度改革的指导意见|2015
教育部、财政部|关于实施中小学幼儿园教师国家级培训计划的通知|2015
"""
# Full names of the bodies the registry and the list above write short, for the gold (DESIGN.md:
# "issuers (full names where the text allows …)"; the evaluator expands abbreviations on both sides).
FULL_NAMES = {"中办": "中共中央办公厅", "国办": "国务院办公厅", "国家语委": "国家语言文字工作委员会"}
# How plans write national bodies before or inside a title, now and then.
WRITTEN_SHORT = {
    "中共中央办公厅": "中办",
    "国务院办公厅": "国办",
    "国家语言文字工作委员会": "国家语委",
    "国家发展和改革委员会": "国家发展改革委",
    "人力资源和社会保障部": "人力资源社会保障部",
}
BODIES_WITH_和 = frozenset({"国家发展和改革委员会", "人力资源和社会保障部"})

NOT_POLICY_MEDIA = ("人民日报", "光明日报", "中国教育报")
CLASSICS = ("弟子规", "三字经", "论语", "千字文")

# Party congresses and Central Committee plenums, by the year they were held.
CONGRESSES = ((2012, "十八"), (2017, "十九"), (2022, "二十"))
PLENUMS = {
    "十八": ((2013, "三"), (2014, "四"), (2015, "五"), (2016, "六")),
    "十九": ((2018, "二"), (2018, "三"), (2019, "四"), (2020, "五"), (2021, "六")),
    "二十": ((2023, "二"), (2024, "三")),
}
# Laws whose revision a plan of the next two years calls 新修订.
REVISED_LAWS = {
    "中华人民共和国民办教育促进法": 2016,
    "中华人民共和国未成年人保护法": 2020,
    "中华人民共和国教育法": 2021,
    "中华人民共和国职业教育法": 2022,
}
CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 36 → 三十六 (up to 99)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


# --------------------------------------------------------------------------- reference data


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: str
    parent: str
    valid_from: int | None
    valid_to: int | None

    def valid_in(self, year: int) -> bool:
        return (self.valid_from is None or self.valid_from <= year) and (self.valid_to is None or year <= self.valid_to)


def _tsv(name: str) -> list[dict[str, str]]:
    with data_path(name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@cache
def divisions() -> tuple[Division, ...]:
    def year(value: str) -> int | None:
        return int(value) if value else None

    return tuple(
        Division(r["code"], r["name"], r["short"], r["level"], r["parent"], year(r["valid_from"]), year(r["valid_to"]))
        for r in _tsv("divisions.tsv")
    )


@cache
def divisions_in(year: int) -> dict[str, Division]:
    """Code → the division's name in `year`, for codes that had one name all that year (a plan
    from the year of a renaming could be read either way)."""
    found: dict[str, list[Division]] = {}
    for d in divisions():
        if d.valid_in(year):
            found.setdefault(d.code, []).append(d)
    return {code: ds[0] for code, ds in found.items() if len(ds) == 1}


@dataclass(frozen=True)
class Known:
    """A national policy of the registry (data/reference/policies.tsv)."""

    title: str
    aliases: tuple[str, ...]
    issuers: tuple[str, ...]
    year: int


@cache
def registry() -> tuple[Known, ...]:
    return tuple(
        Known(r["title"], tuple(filter(None, r["aliases"].split("|"))), tuple(r["issuers"].split("|")), int(r["year"]))
        for r in _tsv("policies.tsv")
        if r["level"] == "national"
    )


def comparable(title: str) -> str:
    """A title as titles are compared: NFKC, no whitespace, one spelling of year ranges."""
    title = re.sub(r"\s+", "", unicodedata.normalize("NFKC", title))
    return re.sub(r"(20[0-9]{2})年?[-—–－]+(20[0-9]{2})年?", r"\1-\2年", title)


@cache
def registry_titles() -> frozenset[str]:
    """Every title and alias of the registry: what a bare title must not be to have no level."""
    return frozenset(comparable(n) for k in registry() for n in (k.title, *k.aliases))


@cache
def national_bodies() -> frozenset[str]:
    return frozenset(r["name"] for r in _tsv("organizations.tsv") if r["level"] == "national")


@cache
def traditional_pairs() -> tuple[tuple[str, str], ...]:
    return tuple((r["traditional"], r["simplified"]) for r in _tsv("traditional_to_simplified.tsv"))


@cache
def traditional_forms() -> frozenset[str]:
    """The characters the project's table reads as Traditional (乾 → 干)."""
    return frozenset(t for t, _ in traditional_pairs())


@cache
def traditional_table() -> dict[int, str]:
    """Simplified → Traditional: the project's own table reversed.

    Only characters the table maps back to themselves are converted, so the extractor's `simplify`
    undoes the conversion exactly.  The table also maps variants to their standard form (敎 → 教,
    閤 → 合, 彿 → 佛), so reversed it would write 敎育 and 彿山: characters whose Simplified form is
    the usual Traditional one too stay as they are.  Of several Traditional forms the first is
    taken, or the one usual in plans (干部 → 幹部, 历史 → 歷史).
    """
    candidates: dict[str, list[str]] = {}
    for traditional, simplified in traditional_pairs():
        candidates.setdefault(simplified, []).append(traditional)
    table = {}
    for simplified, traditionals in candidates.items():
        if simplified in traditional_forms() or simplified in SAME_IN_TRADITIONAL or len(simplified) != 1:
            continue
        table[ord(simplified)] = USUAL_TRADITIONAL.get(simplified, min(traditionals))
    return table


SAME_IN_TRADITIONAL = frozenset("丑佛修出制千升卷只同向合周家局志才教斗旗曲松查真系致表群面凌里核")
USUAL_TRADITIONAL = {
    "冲": "衝",
    "历": "歷",
    "台": "臺",
    "尽": "盡",
    "干": "幹",
    "当": "當",
    "术": "術",
    "线": "線",
    "采": "採",
    "钟": "鐘",
    "馆": "館",
}


def to_traditional(text: str) -> str:
    """Character for character, so every offset stays valid."""
    return text.translate(traditional_table())


# --------------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    """The plan's issuing body, the divisions above it, and what its relative words stand for."""

    level: str
    division: Division
    province: Division
    city: Division | None  # what 市 means: the prefecture, or the municipality for its districts
    county: Division | None
    issuer: str  # 广东省教育厅, 佛山市教育局, 南京市鼓楼区教育局
    relative: dict[str, Division]  # the relative words this plan may use unambiguously

    @property
    def chain(self) -> tuple[Division, ...]:
        return tuple(d for d in (self.province, self.city, self.county) if d is not None)

    def official_name(self, division: Division) -> str:
        """A district signs with its city (南京市鼓楼区), a county alone (攸县), as the project names
        their bodies."""
        district = division.level == "county" and division.name.endswith("区")
        if district and self.city is not None and self.city.code != division.code:
            return self.city.name + division.name
        return division.name

    def with_city(self, division: Division) -> str:
        """A county as a plan may print it, under its city: 凉山彝族自治州会理县, 南京市鼓楼区."""
        if division.level == "county" and self.city is not None and self.city.code != division.code:
            return self.city.name + division.name
        return division.name

    def level_of(self, division: Division) -> str:
        return "provincial" if division.code in MUNICIPALITIES else division.level


def education_body(division: Division, level: str) -> str:
    if division.code in MUNICIPALITIES or (level == "county" and division.parent == "110000"):
        return "教育委员会"
    return "教育厅" if level == "provincial" else "教育局"


def party_committee(name: str) -> str:
    return f"中共{name}委"


def plain_name(division: Division) -> bool:
    """A name whose Party committee is written 中共…委 and whose relative word is its last character
    (not 自治区, 自治州, 地区: their committees are 党委 and 地委)."""
    name = division.name
    return name.endswith(("省", "市", "区", "县")) and "自治" not in name and not name.endswith("地区")


def relative_words(level: str, division: Division, province: Division, city: Division | None) -> dict[str, Division]:
    """省/市/区/县 where the plan's place makes them unambiguous (DESIGN.md, "Levels").

    Left out: 省 in the municipalities and autonomous regions; 市 in a county-level city's own plan
    (its own city or the prefecture above?); the 州, 盟 and 旗 the DESIGN does not list.
    """
    words = {}
    if plain_name(province) and province.name.endswith("省"):
        words["省"] = province
    own_is_city = level == "county" and division.name.endswith("市")
    if city is not None and plain_name(city) and city.name.endswith("市") and not own_is_city:
        words["市"] = city
    if level == "county" and plain_name(division) and division.name[-1] in "区县":
        words[division.name[-1]] = division
    return words


def _province_code(code: str) -> str:
    return code[:2] + "0000"


@cache
def places(year: int) -> tuple[Place, ...]:
    """Every place a plan of `year` may come from."""
    named = divisions_in(year)
    out = []
    for d in sorted(named.values(), key=lambda d: d.code):
        if d.level not in LEVEL_SHARES or _province_code(d.code) in EXCLUDED_PROVINCES:
            continue
        if d.level == "county" and d.name in GENERIC_COUNTY_NAMES:
            continue
        province = named.get(_province_code(d.code))
        parent = named.get(d.parent)
        if province is None or parent is None:
            continue
        if any(year in (x.valid_from, x.valid_to) for x in (d, parent, province)):
            continue  # renamed or created that year: which name the plan uses is a matter of days
        out.append(_place(d, province, parent))
    return tuple(out)


def _place(division: Division, province: Division, parent: Division) -> Place:
    level = division.level
    city = county = None
    if level == "municipal" or division.code in MUNICIPALITIES:
        city = division
    elif level == "county":
        county = division
        city = parent if parent.level == "municipal" or parent.code in MUNICIPALITIES else None
    # A county's plan names its city first: 南京市鼓楼区教育局 (there are four 鼓楼区).
    lead = city.name if level == "county" and city is not None else ""
    issuer = f"{lead}{division.name}{education_body(division, level)}"
    relative = relative_words(level, division, province, city)
    return Place(level, division, province, city, county, issuer, relative)


def place_hard_cases(place: Place) -> frozenset[str]:
    names = [d.name for d in place.chain]
    found = set()
    if any(ch in name for name in names for ch in "和与及"):
        found.add("place_name_with_和")
    if any(ch in OVERCONVERTED for name in names for ch in name):
        found.add("place_name_with_traditional_form")
    if any(len(name) >= 9 for name in names):
        found.add("long_place_before_bare_name")  # 9 + len("教育事业发展") > 14
    if place.county is not None and reads_as_two_bodies(place.with_city(place.county)):
        found.add("issuer_reads_as_two_bodies")
    if place.county is not None and len(place.with_city(place.county)) > LONG_ISSUER_PLACE:
        found.add("long_issuer_name")
    if any(odd_congress_lead(d) for d in (place.province, place.city) if d is not None):
        found.add("local_congress_by_name")
    return frozenset(found)


def reads_as_two_bodies(name: str) -> bool:
    """凉山彝族自治州会理县 → 凉山彝族自治州会 (a 会 is a body) + 理县 (a county)."""
    names = full_division_names()
    for i in range(2, len(name)):
        if name[i - 1] in "部委厅局署院办会处" and any(name.startswith(n, i) for n in names.get(name[i], ())):
            return True
    return False


@cache
def full_division_names() -> dict[str, tuple[str, ...]]:
    """Division names by their first character."""
    found: dict[str, set[str]] = {}
    for d in divisions():
        found.setdefault(d.name[0], set()).add(d.name)
    return {c: tuple(sorted(ns)) for c, ns in found.items()}


@cache
def places_by_level(year: int, without: frozenset[str], focus: str | None) -> dict[str, tuple[Place, ...]]:
    by_level: dict[str, list[Place]] = {level: [] for level in LEVEL_SHARES}
    for place in places(year):
        cases = place_hard_cases(place)
        if cases & without & PLACE_HARD_CASES:
            continue  # the place itself is the hard case
        if focus in PLACE_FOCUS and focus not in cases:
            continue
        by_level[place.level].append(place)
    return {level: tuple(ps) for level, ps in by_level.items() if ps}


def choose_place(rng: random.Random, year: int, options: Options) -> Place:
    by_level = places_by_level(year, options.without, options.focus)
    levels = list(by_level)
    level = rng.choices(levels, weights=[LEVEL_SHARES[lv] for lv in levels])[0]
    return rng.choice(by_level[level])


# ---------------------------------------------------------------------------- text pieces


@dataclass
class Ref:
    """A mention as printed, with its gold rows (several for 十九届二中、三中全会)."""

    surface: str
    rows: list[dict]
    pattern: str
    # for a title a later item may name again without brackets: (key, name, division)
    repeatable: tuple[str, str, Division] | None = None


Sentence = list  # of str and Ref, without the final 。


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def row(title: str, *, level: str, relation: str, policy: str, issuers=(), kind="document", tier="A") -> dict:
    return {
        "title": squeeze(title),
        "issuers": list(issuers),
        "level": level,
        "kind": kind,
        "relation": relation,
        "tier": tier,
        "policy": policy,
    }


_RANGE = re.compile(r"\((20[0-9]{2})-(20[0-9]{2})年\)")
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
RANGE_SPELLINGS = (
    "（{a}—{b}年）",
    "({a}-{b}年)",
    "({a}-{b} 年)",
    "（{a}-{b}年）",
    "（{fa}—{fb}年）",
    "（{a}－{b}年）",
    "({a}—{b}年)",
)


def vary_title(rng: random.Random, title: str, *, ascii_range: bool = False) -> str:
    """A canonical title as pages print it: its year range in any spelling (half- or full-width
    parentheses, digits and dashes), now and then a space inside a word."""

    def year_range(m: re.Match) -> str:
        a, b = m.group(1), m.group(2)
        spellings = [s for s in RANGE_SPELLINGS if not ascii_range or s.startswith("(")]
        fa, fb = a.translate(_FULL_WIDTH_DIGITS), b.translate(_FULL_WIDTH_DIGITS)
        return rng.choice(spellings).format(a=a, b=b, fa=fa, fb=fb)

    printed = _RANGE.sub(year_range, title) if "年)" in title else title
    if "(试行)" in printed and rng.random() < 0.6:
        printed = printed.replace("(试行)", "（试行）")
    if rng.random() < 0.08:
        printed = space_inside(rng, printed)
    return printed


def space_inside(rng: random.Random, text: str) -> str:
    """A space between two Chinese characters, as scraped pages have them (质量监 测)."""
    spots = [i for i in range(1, len(text)) if _is_han(text[i - 1]) and _is_han(text[i])]
    if not spots:
        return text
    i = rng.choice(spots)
    return text[:i] + " " + text[i:]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# ------------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Options:
    gb18030_share: float = 0.1
    traditional_share: float = 0.1
    without: frozenset[str] = frozenset()  # hard cases left out
    focus: str | None = None  # a hard case written wherever it fits

    def __post_init__(self):
        unknown = (set(self.without) | ({self.focus} if self.focus else set())) - set(HARD_CASES)
        if unknown:
            raise ValueError(f"no such hard case: {', '.join(sorted(unknown))}; known: {', '.join(HARD_CASES)}")


@dataclass
class Plan:
    """What the patterns of one document share: its place, year, options and what it has cited."""

    rng: random.Random
    year: int
    place: Place
    options: Options
    traditional: bool = False  # the plan is written in Traditional characters
    item_topic: Topic | None = None
    topics_left: list[Topic] = field(default_factory=list)  # no title on them yet
    used_titles: set[str] = field(default_factory=set)
    # bracketed titles written so far that a later item may name again without brackets:
    # (key, name, division, as printed)
    repeatable: list[tuple[str, str, Division, str]] = field(default_factory=list)

    def allows(self, case: str) -> bool:
        return case not in self.options.without

    def focused(self, case: str) -> bool:
        return self.options.focus == case

    def topic(self) -> Topic | None:
        """The item's own topic first, then any other, each for one title only: two titles on one
        topic would share words, and a title's words named again are a mention of it."""
        if self.item_topic is not None:
            topic, self.item_topic = self.item_topic, None
            return topic
        return self.topics_left.pop() if self.topics_left else None

    def next_item_topic(self) -> Topic | None:
        self.item_topic = self.topics_left.pop() if self.topics_left else None
        return self.item_topic

    def fresh(self, *titles: str) -> bool:
        """Whether none of the titles (canonical, as the patterns make them) was cited yet: a second
        citation would pair ambiguously."""
        if self.used_titles.intersection(titles):
            return False
        self.used_titles.update(titles)
        return True


def implement(plan: Plan) -> str:
    return plan.rng.choice(IMPLEMENT_TRIGGERS)


def issued_key(title: str, issuers: tuple[str, ...]) -> str:
    """国务院《关于…》 = 《国务院关于…》: the issuers written into the title."""
    return "".join(issuers) + squeeze(title)


def bracketed(plan: Plan, title: str, *, pattern: str, before: str = "", ascii_range: bool = False, **gold) -> Ref:
    """《title》 as printed, with `before` (issuers written before the brackets) in its surface."""
    printed = vary_title(plan.rng, title, ascii_range=ascii_range)
    return Ref(f"{before}《{printed}》", [row(printed, **gold)], pattern)


def filler(plan: Plan) -> str:
    sentence = plan.rng.choice(FILLER)
    return space_inside(plan.rng, sentence) if plan.rng.random() < 0.05 else sentence


# ------------------------------------------------------------------------------- patterns
#
# Each pattern is one way DESIGN.md says a plan cites a policy.  It returns a sentence or None
# when it does not fit this plan (or would cite a title twice).


def national_laws(year: int) -> list[Known]:
    """The registry's laws in force before `year`."""
    return [k for k in registry() if k.title.startswith("中华人民共和国") and k.title.endswith("法") and k.year < year]


def p_law(plan: Plan) -> Sentence | None:
    """《中华人民共和国教师法》 or 《教师法》: a 法 with no local prefix is a national law."""
    law = plan.rng.choice(national_laws(plan.year))
    printed = law.title if plan.rng.random() < 0.5 else law.aliases[0]
    if not plan.fresh(law.title, law.aliases[0]):
        return None
    ref = bracketed(plan, printed, pattern="law", level="national", relation="implements", policy=law.title)
    return [implement(plan), ref, "，", filler(plan)]


def p_revised_law(plan: Plan) -> Sentence | None:
    """落实新修订《民办教育促进法》: 新修订 qualifies the title; the plan implements the law."""
    recent = [k for k in registry() if REVISED_LAWS.get(k.title, 0) in (plan.year - 1, plan.year - 2)]
    if not recent:
        return None
    law = plan.rng.choice(recent)
    if not plan.fresh(law.title, law.aliases[0]):
        return None
    printed = law.aliases[0] if plan.rng.random() < 0.7 else law.title
    ref = bracketed(plan, printed, pattern="revised_law", level="national", relation="implements", policy=law.title)
    return [plan.rng.choice(("落实", "贯彻落实", "全面实施")), "新修订", ref, "，", filler(plan)]


def registry_documents(year: int) -> list[Known]:
    """Known national policies other than laws, issued before `year`.  Left to their own patterns:
    the rules pages write without brackets (中央八项规定, “两免一补”政策) and the national plan that
    cities issue under the same name (第二期特殊教育提升计划)."""
    return [
        k
        for k in registry()
        if not k.title.startswith("中华人民共和国")
        and k.year < year
        and "“" not in k.title
        and not k.title.startswith(("中央", "第二期"))
    ]


def issuers_inside(title: str) -> tuple[str, ...]:
    """The national bodies a registry title starts with: 《国务院关于…》 → 国务院,
    《中共中央 国务院关于…》 → 中共中央, 国务院."""
    lead = title.split("关于")[0] if "关于" in title else ""
    bodies = tuple(filter(None, re.split(r"[ 、]", lead)))
    return bodies if bodies and all(b in national_bodies() for b in bodies) else ()


def p_registry(plan: Plan) -> Sentence | None:
    """A well-known national policy cited bare, national from the registry; sometimes by its short
    name (《党内问责条例》 = 《中国共产党问责条例》)."""
    known = plan.rng.choice(registry_documents(plan.year))
    aliases = [
        a
        for a in known.aliases
        if not a.startswith(("“", "双", "职教", "关于")) and "号文件" not in a  # 中央一号文件(2020年)
    ]
    printed = plan.rng.choice(aliases) if aliases and plan.rng.random() < 0.3 else known.title
    if not plan.fresh(known.title, *known.aliases):
        return None
    ref = bracketed(
        plan,
        printed,
        pattern="registry",
        level="national",
        relation="implements",
        policy=known.title,
        issuers=issuers_inside(printed),
    )
    trigger = plan.rng.choice((*IMPLEMENT_TRIGGERS, "按照", "根据"))
    return [trigger, ref, "要求，" if trigger in ("按照", "根据") else "，", filler(plan)]


@cache
def national_documents(year: int) -> tuple[NationalDocument, ...]:
    """National documents issued before `year`: the list above and the registry's 关于… titles."""
    found = []
    for line in NATIONAL_DOCUMENTS.strip().splitlines():
        issuers, title, issued = line.split("|")
        full = tuple(FULL_NAMES.get(i, i) for i in issuers.split("、"))
        if int(issued) < year:
            key = issued_key(title, full) if title.startswith("关于") else title
            found.append(NationalDocument(full, title, key, int(issued), False))
    for k in registry_documents(year):
        about = k.title[k.title.index("关于") :] if "关于" in k.title else ""
        if about and all(i in national_bodies() for i in k.issuers):
            found.append(NationalDocument(k.issuers, about, k.title, k.year, True))
    return tuple(found)


def choose_national(plan: Plan, *, about: bool = False) -> NationalDocument | None:
    choices = [d for d in national_documents(plan.year) if d.title.startswith("关于") or not about]
    if not plan.allows("body_name_with_和"):
        pass  # the bodies are then written short (written_issuer)
    elif plan.focused("body_name_with_和"):
        choices = [d for d in choices if BODIES_WITH_和 & set(d.issuers)] or choices
    document = plan.rng.choice(choices)
    return document if plan.fresh(document.title) else None


def written_issuer(plan: Plan, full: str, *, inside: bool = False) -> str:
    """A national body as a plan writes it: in full, or short (中办, 国办, 国家语委); inside a title
    only as titles are signed (教育部 国家语委, 国家发展改革委, never 中办)."""
    short = WRITTEN_SHORT.get(full)
    if short is None or (inside and short in ("中办", "国办")):
        return full
    if full in BODIES_WITH_和:
        if plan.focused("body_name_with_和"):
            return full
        if not plan.allows("body_name_with_和"):
            return short
    return short if plan.rng.random() < 0.6 else full


def p_national_issuer_before(plan: Plan) -> Sentence | None:
    """国务院《关于…》, 教育部、国家语委《…》: issuers before the brackets are in the surface, not the title."""
    document = choose_national(plan)
    if document is None:
        return None
    before = "、".join(written_issuer(plan, i) for i in document.issuers)
    ref = bracketed(
        plan,
        document.title,
        pattern="national_issuer_before",
        before=before,
        level="national",
        relation="implements",
        policy=document.key,
        issuers=document.issuers,
    )
    return [implement(plan), ref, "，", filler(plan)]


def p_national_issuer_inside(plan: Plan) -> Sentence | None:
    """《国务院关于…》, 《中共中央办公厅 国务院办公厅关于…》: issuers inside the title."""
    document = choose_national(plan, about=True)
    if document is None:
        return None
    written = " ".join(written_issuer(plan, i, inside=True) for i in document.issuers)
    ref = bracketed(
        plan,
        written + document.title,
        pattern="national_issuer_inside",
        level="national",
        relation="implements",
        policy=document.key,
        issuers=document.issuers,
    )
    return [implement(plan), ref, "，", filler(plan)]


def p_national_bare(plan: Plan) -> Sentence | None:
    """A national document cited bare: no cue, not in the registry, so no level (`unknown`)."""
    document = choose_national(plan)
    if document is None or document.known or comparable(document.title) in registry_titles():
        return None
    ref = bracketed(
        plan, document.title, pattern="national_bare", level="unknown", relation="implements", policy=document.key
    )
    return [implement(plan), ref, "，", filler(plan)]


# ------------------------------------------------------------------------- local policies
#
# A province, city or county has one policy per topic and form — the same title, genre, year range
# and issuer in every plan that cites it — so the same policy turns up across documents under the
# variants of DESIGN.md ("One policy, many mentions"): its issuer before the brackets or inside
# them, written out or relative (省教育厅), its place in the title, or bare.

FORMS = ("about", "plan", "rules")  # 关于…的意见, …行动计划(2019-2021年), …管理办法
ABOUT_GENRES = ("的实施意见", "的指导意见", "的若干意见", "的意见", "的通知", "的实施方案")
PLAN_GENRES = ("实施方案", "工作方案", "行动计划", "三年行动计划", "发展规划")
RULES_GENRES = ("管理办法", "实施细则", "工作指南", "评估办法", "管理规定", "实施办法", "工作规程")
# Who issues a local policy; 委 is the Party committee, EDU the education department.
BODIES = (("人民政府",), ("人民政府办公厅",), ("EDU",), ("EDU",), ("委", "人民政府"))


def stable_choice(options: tuple, *parts) -> object:
    """The same choice for the same parts in every run and every document (no `hash()`: it is salted)."""
    return options[zlib.crc32("|".join(map(str, parts)).encode("utf-8")) % len(options)]


@dataclass(frozen=True)
class LocalPolicy:
    division: Division
    title: str  # as issued, without its issuers or place: 关于…的意见, …行动计划(2019-2021年)
    bodies: tuple[str, ...]  # see BODIES
    made_of: tuple[Topic, str]  # the topic and form it was made from

    @property
    def key(self) -> str:
        """The gold's key: the place and the title, whoever is named as its issuer."""
        return self.division.name + self.title

    def with_place(self) -> str:
        """The title led by its place (广东省…实施方案), as plans and rules are often named."""
        return self.division.name + self.title.removeprefix("关于")

    @property
    def measures(self) -> bool:
        """A …办法: the hard case issued_办法 when the plan will issue it bare."""
        return re.sub(r"\([^()]*\)$", "", self.title).endswith("办法")


def join_title(stem: str, genre: str) -> str:
    """…工作 + 工作方案 → …工作方案, …发展 + 发展规划 → …发展规划: no word twice."""
    return stem + genre[2:] if stem[-2:] == genre[:2] else stem + genre


def local_policy(division: Division, topic: Topic, form: str, year: int) -> LocalPolicy:
    """The policy of `division` on `topic` in `form`, current in `year`."""
    if form == "about":
        title = f"关于{topic.vp}{stable_choice(ABOUT_GENRES, division.code, topic.vp, form)}"
    elif form == "plan":
        title = join_title(topic.vp, stable_choice(PLAN_GENRES, division.code, topic.vp, form))
        if stable_choice((True, False, False), division.code, topic.vp, "range"):
            # Three-year plans in fixed cycles: every plan of one cycle cites the same one.
            offset = stable_choice((0, 1, 2), division.code, topic.vp, "cycle")
            start = year - (year - 2013 - offset) % 3
            title += f"({start}-{start + 2}年)"
    else:
        title = join_title(topic.np, stable_choice(RULES_GENRES, division.code, topic.np, form))
    bodies = stable_choice(BODIES, division.code, topic.vp, form)
    if "委" in bodies and not plain_name(division):
        bodies = ("人民政府",)
    return LocalPolicy(division, title, bodies, (topic, form))


def issuer_names(policy: LocalPolicy, name: str) -> tuple[str, ...]:
    """The issuers under the place name `name`: 中共佛山市委, 鼓楼区人民政府, 广东省教育厅."""
    division = policy.division
    names = []
    for body in policy.bodies:
        if body == "委":
            # a county's committee is named for the county alone (中共攸县委), a district's with
            # its city when the plan writes it so (中共南京市鼓楼区委)
            county_alone = division.level == "county" and not division.name.endswith("区") and name != "@"
            names.append(party_committee(division.name if county_alone else name))
        elif body == "EDU":
            names.append(name + education_body(division, division.level))
        elif body == "人民政府办公厅" and division.level != "provincial":
            names.append(name + "人民政府办公室")
        else:
            names.append(name + body)
    return tuple(names)


def relative_issuers(word: str, policy: LocalPolicy) -> tuple[str, ...] | None:
    """The issuers as a plan writes them relative to itself (市委、市政府; 省教育厅), or None."""
    written = []
    for full in issuer_names(policy, "@"):
        rest = full.removeprefix("中共").removeprefix("@")
        if rest == "教育委员会":
            return None  # 市教委: an abbreviation the DESIGN does not list
        written.append(word + rest.replace("人民政府", "政府"))
    return tuple(written)


def written_place_name(plan: Plan, division: Division) -> str:
    """A county's bodies are written under its own name (鼓楼区人民政府, 攸县人民政府), now and then
    under its city's too (南京市鼓楼区人民政府, 株洲市攸县人民政府)."""
    with_city = plan.place.with_city(division)
    if with_city == division.name:
        return with_city
    cases = {"issuer_reads_as_two_bodies": reads_as_two_bodies(with_city)}
    cases["long_issuer_name"] = len(with_city) > LONG_ISSUER_PLACE
    if any(plan.focused(case) for case in cases):
        return with_city
    if plan.rng.random() < 0.2 and all(plan.allows(case) or not hard for case, hard in cases.items()):
        return with_city
    return division.name


def choose_local(plan: Plan, form: str, divisions=None) -> LocalPolicy | None:
    """A policy of a division of the plan's place (its province, city or county), not yet cited."""
    topic = plan.topic()
    if topic is None:
        return None
    division = plan.rng.choice(divisions or focus_divisions(plan) or plan.place.chain)
    policy = local_policy(division, topic, form, plan.year)
    return policy if plan.fresh(policy.key) else None


def focus_divisions(plan: Plan) -> list[Division]:
    """The divisions of the plan's place that show the hard case in focus, if it is about places."""
    focus, chain = plan.options.focus, plan.place.chain
    if focus == "place_name_with_和":
        return [d for d in chain if any(ch in d.name for ch in "和与及")]
    if focus == "place_name_with_traditional_form":
        return [d for d in chain if any(ch in OVERCONVERTED for ch in d.name)]
    if focus in ("issuer_reads_as_two_bodies", "long_issuer_name"):
        return [d for d in chain if d.level == "county"]
    return []


def p_local_issuer_inside(plan: Plan) -> Sentence | None:
    """《广东省人民政府关于…》, 《中共佛山市委 佛山市人民政府关于…》: issuers inside the title."""
    policy = choose_local(plan, "about")
    if policy is None:
        return None
    issuers = issuer_names(policy, written_place_name(plan, policy.division))
    ref = bracketed(
        plan,
        " ".join(issuers) + policy.title,
        pattern="local_issuer_inside",
        level=plan.place.level_of(policy.division),
        relation="implements",
        policy=policy.key,
        issuers=issuers,
    )
    return [implement(plan), ref, "，", filler(plan)]


def p_local_issuer_before(plan: Plan) -> Sentence | None:
    """广东省教育厅《…》, or relative — 省教育厅《…》, 市委、市政府《…》, 区委区政府《…》 — with the
    issuers in full in the gold (DESIGN.md: 省 = the plan's own province)."""
    policy = choose_local(plan, plan.rng.choice(FORMS))
    if policy is None:
        return None
    word = next((w for w, d in plan.place.relative.items() if d.code == policy.division.code), None)
    relative = relative_issuers(word, policy) if word and plan.rng.random() < 0.6 else None
    if relative:
        # Written out as the project names bodies in full: 区委 → 中共南京市鼓楼区委.
        issuers = issuer_names(policy, plan.place.official_name(policy.division))
        joiner = "" if len(relative) == 2 and word in "区县" and plan.rng.random() < 0.5 else "、"
        before, pattern = joiner.join(relative), "local_issuer_before_relative"
    else:
        issuers = issuer_names(policy, written_place_name(plan, policy.division))
        before, pattern = "、".join(issuers), "local_issuer_before"
    ref = bracketed(
        plan,
        policy.title,
        pattern=pattern,
        before=before,
        level=plan.place.level_of(policy.division),
        relation="implements",
        policy=policy.key,
        issuers=issuers,
    )
    return [implement(plan), ref, "，", filler(plan)]


def p_place_title(plan: Plan) -> Sentence | None:
    """《广东省…管理办法》, 《佛山市…行动计划（2019—2021年）》: a title led by a place has its level."""
    focus = plan.focused("repeat_of_full_width_range")
    policy = choose_local(plan, "plan" if focus or plan.rng.random() < 0.5 else "rules")
    if policy is None:
        return None
    title = policy.with_place()
    ref = bracketed(
        plan,
        title,
        pattern="place_title",
        ascii_range=not plan.allows("repeat_of_full_width_range"),
        level=plan.place.level_of(policy.division),
        relation="implements",
        policy=policy.key,
    )
    ref.repeatable = (policy.key, re.sub(r"\([^()]*\)$", "", title), policy.division)
    return [implement(plan), ref, "，", filler(plan)]


def p_local_bare(plan: Plan) -> Sentence | None:
    """《关于…的实施意见》 of the plan's province or city, with no issuer or place: no level from the
    text (another plan that names its issuer may tell: DESIGN.md's `corpus` source)."""
    policy = choose_local(plan, plan.rng.choice(("about", "plan")))
    if policy is None or comparable(policy.title) in registry_titles():
        return None
    same_title = [d for d in plan.place.chain if local_policy(d, *policy.made_of, plan.year).title == policy.title]
    if len(same_title) > 1:
        return None  # the province's and the city's policy of one title: which one is meant, nothing says
    ref = bracketed(plan, policy.title, pattern="local_bare", level="unknown", relation="implements", policy=policy.key)
    return [implement(plan), ref, "，", filler(plan)]


def p_relative_bodies_inside(plan: Plan) -> Sentence | None:
    """《省教育厅、省财政厅…管理办法》: two relative bodies inside the title, without 关于."""
    words = [w for w in plan.place.relative if w in "省市" and plan.place.relative[w].code not in MUNICIPALITIES]
    if not words:
        return None
    word = plan.rng.choice(words)
    division = plan.place.relative[word]
    policy = choose_local(plan, "rules", [division])
    if policy is None:
        return None
    suffix = "厅" if word == "省" else "局"
    written = (f"{word}教育{suffix}", f"{word}财政{suffix}")
    issuers = tuple(division.name + w[1:] for w in written)
    ref = bracketed(
        plan,
        "、".join(written) + policy.title,
        pattern="relative_issuers_inside",
        level=plan.place.level_of(division),
        relation="implements",
        policy=policy.key,
        issuers=issuers,
    )
    return [implement(plan), ref, "，", filler(plan)]


def p_issue(plan: Plan) -> Sentence | None:
    """出台/制定/制订/研究制定《…》: the plan's own policy, at the plan's own level unless its title names
    another place — so the title names none, or the plan's own place, or 我市/我省 stands before it."""
    place, rng = plan.place, plan.rng
    own = place.division
    form = "rules" if plan.focused("issued_办法") else rng.choice(FORMS)
    policy = choose_local(plan, form, [own])
    if policy is None:
        return None
    own_word = next((w for w, d in place.relative.items() if d.code == own.code), None)
    style = rng.random()
    title, before = policy.title, ""
    if style < 0.25 and own_word:
        before, pattern = f"我{own_word}", "issue_relative"
    elif style < 0.5:
        title, pattern = policy.with_place(), "issue_own_place"
    else:
        pattern = "issue_bare"
    # A …办法 with no place in its title: the hard case issued_办法.
    if policy.measures and pattern != "issue_own_place":
        if not plan.allows("issued_办法"):
            return None
        pattern = "issue_measures" if pattern == "issue_bare" else "issue_measures_relative"
    elif plan.focused("issued_办法"):
        return None
    ref = bracketed(plan, title, pattern=pattern, level=place.level_of(own), relation="issues", policy=policy.key)
    return [rng.choice(ISSUE_TRIGGERS), before, ref, "，", filler(plan)]


def p_issue_bare_name(plan: Plan) -> Sentence | None:
    """制定实施第三期学前教育行动计划: a policy the plan will make, named without brackets (tier B)."""
    topic, rng = plan.topic(), plan.rng
    if topic is None:
        return None
    name = rng.choice(
        (
            f"第{rng.choice('二三四')}期{topic.np}行动计划",
            f"{topic.vp}三年行动计划",
            join_title(topic.vp, "工作方案"),
            f"{topic.np}实施细则",
        )
    )
    own = plan.place.division
    if not plan.fresh(name):
        return None
    gold = row(name, level=plan.place.level_of(own), relation="issues", policy=own.name + name, tier="B")
    trigger = rng.choice(("制定实施", "研究制定", "制定", "出台"))
    return [filler(plan), "，", trigger, Ref(name, [gold], "issue_bare_name")]


def p_revise(plan: Plan) -> Sentence | None:
    """启动《…》修订 / 修订《…》: the plan's own rules, named with its own place."""
    own = plan.place.division
    policy = choose_local(plan, "rules", [own])
    if policy is None:
        return None
    ref = bracketed(
        plan,
        policy.with_place(),
        pattern="revise",
        level=plan.place.level_of(own),
        relation="revises",
        policy=policy.key,
    )
    if plan.rng.random() < 0.5:
        return ["启动", ref, plan.rng.choice(("修订", "修订工作")), "，", filler(plan)]
    return [plan.rng.choice(("修订", "修订完善")), ref, "，", filler(plan)]


def p_list(plan: Plan) -> Sentence | None:
    """贯彻落实《A》、《B》: one trigger governs the list that follows it."""
    makers = plan.rng.sample((p_registry, p_national_issuer_inside, p_place_title, p_law), 2)
    sentences = [make(plan) for make in makers]
    if None in sentences:
        return None
    joiner = plan.rng.choice(("、", "和", "、", "及"))
    first, second = (s[1] for s in sentences)
    for ref in (first, second):
        ref.pattern = "list"
    return [implement(plan), first, joiner, second, "，", filler(plan)]


def p_nested(plan: Plan) -> Sentence | None:
    """《陕西省实施〈中华人民共和国教师法〉办法》: the outer policy and, cited by it, the inner one."""
    province = plan.place.province
    documents = [d for d in national_documents(plan.year) if d.title.endswith("决定")]
    if documents and plan.rng.random() < 0.4:
        inner = plan.rng.choice(documents)
        inner_title, inner_key, inner_issuers = "".join(inner.issuers) + inner.title, inner.key, inner.issuers
        outer = f"{province.name}人民政府关于实施〈{inner_title}〉的意见"
        outer_issuers: tuple[str, ...] = (f"{province.name}人民政府",)
    else:
        law = plan.rng.choice(national_laws(plan.year - 1))
        inner_title, inner_key, inner_issuers = law.title, law.title, ()
        outer, outer_issuers = f"{province.name}实施〈{inner_title}〉办法", ()
    if not plan.fresh(outer, inner_title):
        return None
    outer_row = row(outer, level="provincial", relation="implements", policy=outer, issuers=outer_issuers)
    # The inner title is a mention of its own, which the outer title cites.
    start = len("《") + outer.index("〈")
    inner_row = row(inner_title, level="national", relation="cites", policy=inner_key, issuers=inner_issuers)
    inner_row["span"] = (start, start + len(inner_title) + 2)
    return [implement(plan), Ref(f"《{outer}》", [outer_row, inner_row], "nested"), "，", filler(plan)]


def p_repeat(plan: Plan) -> Sentence | None:
    """A policy cited in brackets in an earlier item, named again without them (tier B):
    《佛山市…行动计划（2016-2020年）》 … 落实佛山市…行动计划 (or 市…行动计划)."""
    if plan.traditional and not plan.allows("repeat_in_traditional_text"):
        return None
    candidates = [r for r in plan.repeatable if "（" not in r[3] or plan.allows("repeat_of_full_width_range")]
    if plan.focused("repeat_of_full_width_range"):
        candidates = [r for r in candidates if "（" in r[3]] or candidates
    if not candidates:
        return None
    key, name, division, _ = candidates[0]
    plan.repeatable.remove(candidates[0])
    if len(division.name) > 14 and not plan.allows("long_place_before_bare_name"):
        return None
    word = next((w for w, d in plan.place.relative.items() if d.code == division.code), None)
    rest = name.removeprefix(division.name)
    # 市民办…, 省属…: the relative word would run into a word of its own (市民, 省属).
    if word and plan.rng.random() < 0.4 and rest[0] not in "场民属长级域":
        name = word + rest
    gold = row(name, level=plan.place.level_of(division), relation="implements", policy=key, tier="B")
    return [
        plan.rng.choice(("继续落实", "全面落实", "深入实施")),
        Ref(name, [gold], "repeat_without_brackets"),
        "，",
        filler(plan),
    ]


def p_meeting(plan: Plan) -> Sentence | None:
    """深入学习贯彻党的十九届四中全会精神, in a party-building item."""
    congress = latest_congress(plan.year)
    held = [n for y, n in PLENUMS[congress] if y < plan.year]
    if not held or not plan.fresh("plenum"):
        return None
    surface = f"党的{congress}届{plan.rng.choice(held)}中全会"
    ref = Ref(surface, [meeting_row(surface, surface.removeprefix("党的"))], "meeting_plenum")
    return [plan.rng.choice(("深入学习贯彻", "认真学习贯彻", "全面贯彻")), ref, "精神，", filler(plan)]


def p_rule(plan: Plan) -> Sentence | None:
    """全面落实中央八项规定精神."""
    if not plan.fresh("中央八项规定"):
        return None
    gold = row("中央八项规定", level="national", relation="implements", policy="中央八项规定", tier="B")
    return [
        plan.rng.choice(("全面落实", "严格落实", "认真贯彻落实")),
        Ref("中央八项规定", [gold], "named_rule"),
        "精神，",
        filler(plan),
    ]


def p_local_congress(plan: Plan) -> Sentence | None:
    """落实省第十一次党代会精神, 佛山市第十二次党代会: a local Party congress, by a relative word or a name."""
    rng = plan.rng
    named = [d for d in (plan.place.province, plan.place.city) if d is not None]
    if not plan.allows("local_congress_by_name"):
        named = [d for d in named if not odd_congress_lead(d)]
    if plan.focused("local_congress_by_name"):
        named = [d for d in named if odd_congress_lead(d)]
    words = [w for w in plan.place.relative if w in "省市"]
    if named and (not words or rng.random() < 0.5 or plan.focused("local_congress_by_name")):
        division = rng.choice(named)
        lead = division.name
    elif words:
        lead = rng.choice(words)
        division = plan.place.relative[lead]
    else:
        return None
    if not plan.fresh("党代会"):
        return None
    number = chinese_numeral(rng.randint(10, 14))
    surface = f"{lead}第{number}次党代会"
    gold = meeting_row(surface, f"{division.name}第{number}次党代会", plan.place.level_of(division))
    return [
        rng.choice(("认真落实", "全面落实", "贯彻落实")),
        Ref(surface, [gold], "local_congress"),
        "精神，",
        filler(plan),
    ]


# 中山 is also an everyday name (of streets, parks and a statesman).
EVERYDAY_NAMED_CITIES = frozenset({"中山市"})


def odd_congress_lead(division: Division) -> bool:
    """A place that leads a congress's name (…第十二次党代会) with neither 省 nor 市 last, or whose
    name without that character is an everyday word: the hard case local_congress_by_name."""
    return not division.name.endswith(("省", "市")) or division.name in EVERYDAY_NAMED_CITIES


def p_quoted(plan: Plan) -> Sentence | None:
    """“两免一补”政策, “双减”政策, {place}教育“十四五”规划, “七五”普法规划 (tier B)."""
    if plan.focused("long_place_before_bare_name"):
        return five_year_plan(plan)
    choices = [two_exemptions, five_year_plan, five_year_plan, legal_education_plan]
    if plan.year >= 2022:
        choices.append(double_reduction)
    return plan.rng.choice(choices)(plan)


def two_exemptions(plan: Plan) -> Sentence | None:
    title = "“两免一补”政策"
    if not plan.fresh(title):
        return None
    gold = row(title, level="national", relation="implements", policy=title, tier="B")
    return [
        plan.rng.choice(("大力执行", "全面落实", "落实")),
        "义务教育学生",
        Ref(title, [gold], "quoted_policy"),
        "，",
        filler(plan),
    ]


def double_reduction(plan: Plan) -> Sentence | None:
    title = "“双减”政策"
    if not plan.fresh(title):
        return None
    key = "关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见"  # the registry's title
    gold = row(title, level="national", relation="implements", policy=key, tier="B")
    return [
        plan.rng.choice(("全面落实", "深入落实", "持续落实")),
        Ref(title, [gold], "quoted_policy"),
        "，",
        filler(plan),
    ]


def five_year_label(year: int) -> tuple[str, bool]:
    """The five-year plan a plan of `year` carries out, and whether it is still to be drawn up."""
    if year <= 2020:
        return ("十三五", year == 2015) if year <= 2019 else ("十四五", True)
    return "十四五", False


def five_year_plan(plan: Plan) -> Sentence | None:
    """{place}教育“十四五”规划: carried out, or in 2015 and 2020 drawn up (编制 → issues)."""
    place, rng = plan.place, plan.rng
    kinds = ("教育", "教育", "教育事业发展", "教育信息化")
    choices = [(d, k) for d in place.chain for k in kinds]
    if plan.focused("long_place_before_bare_name"):
        choices = [(d, k) for d, k in choices if len(d.name + k) > 14] or choices
    elif not plan.allows("long_place_before_bare_name"):
        choices = [(d, k) for d, k in choices if len(d.name + k) <= 14]
    if not choices:
        return None
    division, kind = rng.choice(choices)
    label, upcoming = five_year_label(plan.year)
    title = f"{division.name}{kind}“{label}”规划"
    if not plan.fresh(title):
        return None
    relation = "issues" if upcoming and division.code == place.division.code else "implements"
    trigger = "编制" if relation == "issues" else rng.choice(("全面实施", "深入实施", "落实"))
    pattern = "quoted_plan_long_name" if len(division.name + kind) > 14 else "quoted_plan"
    gold = row(title, level=place.level_of(division), relation=relation, policy=title, tier="B")
    return [trigger, Ref(title, [gold], pattern), "，", filler(plan)]


def legal_education_plan(plan: Plan) -> Sentence | None:
    """“七五”普法规划: a national plan with local versions; which one is meant the text does not say."""
    title = f"“{'七五' if plan.year <= 2020 else '八五'}”普法规划"
    if not plan.fresh(title):
        return None
    gold = row(title, level="unknown", relation="implements", policy=plan.place.division.name + title, tier="B")
    return ["组织实施", Ref(title, [gold], "quoted_policy"), "，", filler(plan)]


def p_issuer_about(plan: Plan) -> Sentence | None:
    """贯彻落实市政府关于进一步完善…政策: an issuer and 关于 name a policy without brackets (tier B)."""
    words = [w for w in plan.place.relative if w in "省市"]
    if not words:
        return None
    word = plan.rng.choice(words)
    division = plan.place.relative[word]
    topic = plan.topic()
    if topic is None:
        return None
    about = f"关于{topic.vp}{plan.rng.choice(('的若干政策措施', '的实施意见', '政策'))}"
    name = f"{word}政府{about}"
    if not plan.fresh(name):
        return None
    issuer = f"{division.name}人民政府"
    gold = row(
        name,
        level=plan.place.level_of(division),
        relation="implements",
        policy=division.name + about,
        issuers=(issuer,),
        tier="B",
    )
    return [plan.rng.choice(("贯彻落实", "落实")), Ref(name, [gold], "issuer_about"), "，", filler(plan)]


def p_not_policy(plan: Plan) -> Sentence | None:
    """《佛山教育》杂志, 《人民日报》, 诵读《弟子规》: works in brackets that are no policy."""
    rng = plan.rng
    style = rng.random()
    short = (plan.place.city or plan.place.province).short or plan.place.province.short
    if style < 0.3:
        title = rng.choice(CLASSICS)
        before, after = "组织学生诵读", "等中华优秀传统文化经典"
    elif style < 0.6:
        title = rng.choice(NOT_POLICY_MEDIA)
        before, after = "在", "等媒体上宣传教育改革发展成效"
    else:
        title, noun = rng.choice(((f"{short}教育", "杂志"), (f"{short}教育信息", "简报")))
        before, after = rng.choice(("办好", "用好")), f"{noun}，{filler(plan)}"
    if not plan.fresh(title):
        return None
    gold = row(title, level="unknown", relation="cites", policy="", kind="not_policy")
    return [before, Ref(f"《{title}》", [gold], "not_policy"), after]


def p_cites(plan: Plan) -> Sentence | None:
    """《中国教育现代化2035》明确了…: a policy named with no trigger before it is cited."""
    known = [k for k in registry_documents(plan.year) if k.title.startswith(("中国教育现代化", "国家中长期"))]
    if not known:
        return None
    policy = plan.rng.choice(known)
    if not plan.fresh(policy.title, *policy.aliases):
        return None
    ref = bracketed(plan, policy.title, pattern="cites", level="national", relation="cites", policy=policy.title)
    return [ref, "明确了教育改革发展的目标任务，", filler(plan)]


def meeting_row(surface: str, key: str, level: str = "national") -> dict:
    return row(surface, level=level, relation="implements", policy=key, kind="meeting", tier="B")


def latest_congress(year: int) -> str:
    return [n for y, n in CONGRESSES if y < year][-1]


# The patterns of work items, with their weights.  The preamble's meetings are `preamble`'s;
# party-building items add PARTY_PATTERNS.
PATTERNS: dict[str, tuple[Callable[[Plan], Sentence | None], float]] = {
    "law": (p_law, 0.7),
    "revised_law": (p_revised_law, 0.3),
    "registry": (p_registry, 1.0),
    "national_issuer_before": (p_national_issuer_before, 1.0),
    "national_issuer_inside": (p_national_issuer_inside, 0.7),
    "national_bare": (p_national_bare, 0.5),
    "local_issuer_inside": (p_local_issuer_inside, 1.0),
    "local_issuer_before": (p_local_issuer_before, 1.6),
    "place_title": (p_place_title, 1.0),
    "local_bare": (p_local_bare, 0.3),
    "relative_bodies_inside": (p_relative_bodies_inside, 0.25),
    "issue": (p_issue, 1.4),
    "issue_bare_name": (p_issue_bare_name, 0.4),
    "revise": (p_revise, 0.4),
    "list": (p_list, 0.6),
    "nested": (p_nested, 0.2),
    "repeat": (p_repeat, 0.4),
    "local_congress": (p_local_congress, 0.15),
    "quoted": (p_quoted, 0.6),
    "issuer_about": (p_issuer_about, 0.3),
    "not_policy": (p_not_policy, 0.35),
    "cites": (p_cites, 0.1),
}
PARTY_PATTERNS = (p_meeting, p_rule)
# Where a hard case is the focus, the patterns that write it come more often.
FOCUS_WEIGHTS = {
    "body_name_with_和": {"national_issuer_before": 4.0, "national_issuer_inside": 4.0},
    "issued_办法": {"issue": 5.0},
    "repeat_of_full_width_range": {"place_title": 3.0, "repeat": 3.0},
    "local_congress_by_name": {"local_congress": 3.0},
    "long_place_before_bare_name": {"quoted": 4.0},
    "place_name_with_和": {"local_issuer_before": 3.0, "local_issuer_inside": 2.0, "place_title": 2.0},
    "place_name_with_traditional_form": {"issue": 2.0, "place_title": 2.0},
    "issuer_reads_as_two_bodies": {"local_issuer_before": 4.0, "local_issuer_inside": 2.0},
    "repeat_in_traditional_text": {"place_title": 3.0, "repeat": 3.0},
    "long_issuer_name": {"local_issuer_before": 4.0, "local_issuer_inside": 2.0},
}


@cache
def pattern_weights(focus: str | None) -> tuple[tuple[Callable[[Plan], Sentence | None], ...], tuple[float, ...]]:
    """The patterns and their cumulative weights, as `random.choices` takes them."""
    boost = FOCUS_WEIGHTS.get(focus or "", {})
    weights = [boost.get(name, weight) for name, (_, weight) in PATTERNS.items()]
    return tuple(make for make, _ in PATTERNS.values()), tuple(itertools.accumulate(weights))


# ------------------------------------------------------------------------------- preamble


def preamble_meetings(plan: Plan) -> Sentence:
    """全面贯彻党的十九大和十九届二中、三中全会精神: the congress and the plenums held since."""
    congress = latest_congress(plan.year)
    held = [n for y, n in PLENUMS[congress] if y < plan.year]
    surface = f"党的{congress}大"
    parts: Sentence = [plan.rng.choice(("全面贯彻", "深入学习贯彻", "全面学习贯彻"))]
    parts.append(Ref(surface, [meeting_row(surface, f"中国共产党第{congress}次全国代表大会")], "meeting_congress"))
    if held:
        surface = f"{congress}届" + "、".join(f"{n}中" for n in held) + "全会"
        titles = [f"{congress}届{n}中全会" for n in held]
        parts += ["和", Ref(surface, [meeting_row(t, t) for t in titles], "meeting_plenums")]
    parts.append("精神")
    return parts


def national_conference(plan: Plan) -> Ref:
    """全国教育大会 (September 2018), or the yearly 全国教育工作会议, with its year or without."""
    rng = plan.rng
    if plan.focused("year_before_national_conference"):
        dated = True
    elif plan.year >= 2019 and rng.random() < 0.6:
        return Ref("全国教育大会", [meeting_row("全国教育大会", "全国教育大会")], "conference")
    else:
        dated = plan.allows("year_before_national_conference") and rng.random() < 0.5
    title = f"{plan.year}年全国教育工作会议" if dated else "全国教育工作会议"
    return Ref(title, [meeting_row(title, title)], "conference")


def preamble_conferences(plan: Plan) -> Sentence | None:
    """认真落实全国教育大会和2019年全省教育工作会议部署."""
    rng = plan.rng
    refs = [national_conference(plan)] if rng.random() < 0.8 or plan.focused("year_before_national_conference") else []
    if plan.place.relative and rng.random() < 0.8:
        word = rng.choice(list(plan.place.relative))
        division = plan.place.relative[word]
        year = f"{plan.year}年" if rng.random() < 0.6 else ""
        key = f"{year}{division.name}教育工作会议"
        if year and rng.random() < 0.15:
            year = year.translate(_FULL_WIDTH_DIGITS)
        surface = f"{year}全{word}教育工作会议"
        refs.append(Ref(surface, [meeting_row(surface, key, plan.place.level_of(division))], "conference"))
    if not refs:
        return None
    parts: Sentence = [rng.choice(("认真落实", "全面落实", "贯彻落实"))]
    for i, ref in enumerate(refs):
        parts += ["和", ref] if i else [ref]
    parts.append("部署")
    return parts


def preamble(plan: Plan) -> Sentence:
    own_word = next((w for w, d in plan.place.relative.items() if d.code == plan.place.division.code), None)
    scope = f"全{own_word}" if own_word else ""
    guide = (
        "以邓小平理论、“三个代表”重要思想、科学发展观为指导，深入学习贯彻习近平总书记系列重要讲话精神"
        if plan.year <= 2017
        else "以习近平新时代中国特色社会主义思想为指导"
    )
    parts: Sentence = [f"{plan.year}年{scope}教育工作的总体要求是：{guide}，", *preamble_meetings(plan)]
    conferences = preamble_conferences(plan)
    if conferences:
        parts += ["，", *conferences]
    parts.append("，全面贯彻党的教育方针，坚持立德树人根本任务，加快推进教育现代化，办好人民满意的教育。")
    return parts


# ------------------------------------------------------------------------------ numbering


@dataclass(frozen=True)
class Numbering:
    """How a plan numbers its sections (一、) and items."""

    sections: bool
    item_style: str
    across: bool  # items numbered across the document rather than again in each section


ITEM_STYLES = {
    # style: (number as printed, label as the gold writes it)
    "dot": ("{n}. ", "{n}"),
    "dot_tight": ("{n}.", "{n}"),
    "dot_full_width": ("{n}．", "{n}"),
    "dun": ("{n}、", "{n}"),
    "paren_cn": ("（{cn}）", "{cn}"),
    "paren_num": ("（{n}）", "{n}"),
    "paren_num_half": ("({n})", "{n}"),
    "shi": ("{cn}是", "{cn}"),
    "dun_cn": ("{cn}、", "{cn}"),  # 一、 as the items of a plan without sections
}


def item_label(style: str, n: int) -> tuple[str, str]:
    printed, label = ITEM_STYLES[style]
    cn = chinese_numeral(n)
    return printed.format(n=n, cn=cn), label.format(n=n, cn=cn)


def choose_numbering(rng: random.Random) -> Numbering:
    if rng.random() < 0.75:
        style = rng.choice(
            ("dot", "dot", "dot_tight", "dot_full_width", "dun", "paren_cn", "paren_cn", "paren_num", "shi")
        )
        return Numbering(True, style, rng.random() < 0.4 and style not in ("paren_cn", "shi"))
    style = rng.choice(("dot", "dun", "paren_cn", "paren_num_half", "dun_cn", "shi"))
    return Numbering(False, style, True)


# ------------------------------------------------------------------------------- building


@dataclass
class Builder:
    """The document's text and its gold rows, offsets counted as the text grows."""

    doc: str
    parts: list[str] = field(default_factory=list)
    length: int = 0
    gold: list[dict] = field(default_factory=list)
    item: tuple[str, str] = ("0", "")  # the label and heading of the innermost heading so far

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def sentence(self, pieces: Sentence) -> None:
        for piece in pieces:
            if isinstance(piece, Ref):
                self.ref(piece)
            else:
                self.add(piece)

    def ref(self, ref: Ref) -> None:
        start = self.length
        self.add(ref.surface)
        for gold in ref.rows:
            a, b = gold.pop("span", (0, len(ref.surface)))
            self.gold.append(
                {
                    "doc": self.doc,
                    "item": self.item[0],
                    "item_title": self.item[1],
                    "surface": ref.surface[a:b],
                    **gold,
                    "note": ref.pattern,
                    "start": start + a,
                    "end": start + b,
                }
            )

    def heading(self, label: str, heading: str) -> None:
        """From here on mentions sit under this heading; the gold's item_title is its text up to
        the first 。, without whitespace."""
        self.item = (label, squeeze(heading.split("。")[0]))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def header(builder: Builder, plan: Plan) -> None:
    """Site chrome now and then, the title, a byline now and then."""
    rng, issuer, year = plan.rng, plan.place.issuer, plan.year
    if rng.random() < 0.5:
        builder.add(
            rng.choice(("[政府OA]     无障碍版 | rss订阅\n", "无障碍版 | rss订阅\n", "无障碍 | 长者模式 | 繁體\n"))
        )
    if rng.random() < 0.5:
        builder.add(
            rng.choice(
                (
                    "当前位置：首页 > 政务公开\n",
                    "当前位置:首页 > 政务公开 > 规划计划\n",
                    "您现在的位置：首页 > 信息公开\n",
                )
            )
        )
    title = rng.choice(
        (f"{year}年工作要点", f"{year}年工作计划", f"{year}年教育工作要点", f"关于印发{year}年工作要点的通知")
    )
    builder.add(f"{issuer}{title}\n\n")
    date = f"{year if rng.random() < 0.9 else year - 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    if date.startswith(str(year - 1)):
        date = f"{year - 1}-12-{rng.randint(10, 31)}"
    style = rng.random()
    if style < 0.35:
        builder.add(f"发布机构：{issuer}  发布日期：{date}\n")
    elif style < 0.55:
        builder.add(f"来源：{issuer}  发布时间：{date} 09:{rng.randint(10, 59)}\n")
    elif style < 0.65:
        builder.add(f"{issuer} 发表时间:{date} 17:{rng.randint(10, 59)}\n")
    builder.add("\n")


def body(builder: Builder, plan: Plan) -> None:
    """The preamble (item 0), then sections and items in the plan's numbering."""
    rng = plan.rng
    numbering = choose_numbering(rng)
    builder.sentence(preamble(plan))
    builder.add("\n\n")
    sections = rng.sample(SECTION_HEADINGS, rng.randint(3, 6)) if numbering.sections else [""]
    party_section = rng.randrange(len(sections))
    plan.topics_left = rng.sample(TOPICS, len(TOPICS))
    number = 0
    for s, section in enumerate(sections):
        party = s == party_section and rng.random() < 0.7
        if numbering.sections:
            label = chinese_numeral(s + 1)
            builder.heading(label, section)
            builder.add(f"{label}、{space_inside(rng, section) if rng.random() < 0.05 else section}\n\n")
            if not numbering.across:
                number = 0
        for _ in range(rng.randint(3, 6) if numbering.sections else rng.randint(8, 20)):
            number += 1
            printed, label = item_label(numbering.item_style, number)
            topic = None if party and rng.random() < 0.5 else plan.next_item_topic()
            heading = topic.heading if topic else rng.choice(PARTY_HEADINGS)
            write_item(builder, plan, printed, label, heading, party)
        builder.add("\n")
    if rng.random() < 0.4:
        builder.add(f"\n{plan.place.issuer}\n{plan.year}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日\n")


def write_item(builder: Builder, plan: Plan, number: str, label: str, heading: str, party: bool) -> None:
    rng = plan.rng
    printed = space_inside(rng, heading) if rng.random() < 0.05 else heading
    builder.heading(label, printed)
    builder.add(f"{rng.choice(('', '', '  ', '　　'))}{number}{printed}。")
    for sentence in item_sentences(plan, party):
        builder.sentence(sentence)
        builder.add("。")
        # Only what was written may be named again, and only in a later item.
        plan.repeatable += [(*r.repeatable, r.surface) for r in sentence if isinstance(r, Ref) and r.repeatable]
    builder.add("\n")


def item_sentences(plan: Plan, party: bool) -> list[Sentence]:
    """A work item's sentences: one or two of ordinary work, and up to three citations among them."""
    rng = plan.rng
    sentences: list[Sentence] = [[filler(plan)] for _ in range(rng.randint(1, 2))]
    makers, cumulative = pattern_weights(plan.options.focus)
    for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
        if party and rng.random() < 0.6:
            make = rng.choice(PARTY_PATTERNS)
        else:
            make = rng.choices(makers, cum_weights=cumulative)[0]
        sentence = make(plan)
        if sentence is not None:
            sentences.insert(rng.randint(0, len(sentences)), sentence)
    return sentences


# -------------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class SyntheticDocument:
    stem: str
    text: str  # as written: after any conversion to Traditional characters, before encoding
    encoding: str  # utf-8 or gb18030
    traditional: bool
    gold: list[dict]

    def data(self) -> bytes:
        return self.text.encode(self.encoding)


def document_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"policykg-synthetic:{seed}:{index}")


def generate_document(seed: int, index: int, options: Options = Options()) -> SyntheticDocument:
    """Document `index` of the corpus of `seed`: the same arguments give the same document."""
    rng = document_rng(seed, index)
    year = rng.choice(YEARS)
    traditional = rng.random() < options.traditional_share or options.focus == "repeat_in_traditional_text"
    encoding = "gb18030" if rng.random() < options.gb18030_share else "utf-8"
    plan = Plan(rng, year, choose_place(rng, year, options), options, traditional)
    builder = Builder(f"{index:06d}")
    header(builder, plan)
    body(builder, plan)
    text, gold = builder.text, builder.gold
    if traditional:
        text = to_traditional(text)
        for g in gold:
            for key in ("surface", "title", "item_title"):
                g[key] = to_traditional(g[key])
    return SyntheticDocument(builder.doc, text, encoding, traditional, gold)


_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def gold_lines(document: SyntheticDocument) -> str:
    return "".join(_JSON.encode(g) + "\n" for g in document.gold)


def _write_chunk(args: tuple[int, list[int], Options, str, bool]) -> str:
    """Write a run of documents and their gold: beside each document, or in a part file whose
    name is returned (parts are joined in order, so any number of jobs writes the same gold)."""
    seed, indexes, options, out, gold_per_doc = args
    lines = []
    for index in indexes:
        document = generate_document(seed, index, options)
        Path(out, f"{document.stem}.txt").write_bytes(document.data())
        if gold_per_doc:
            Path(out, f"{document.stem}.gold.jsonl").write_text(gold_lines(document), encoding="utf-8")
        else:
            lines.append(gold_lines(document))
    if gold_per_doc:
        return ""
    part = Path(out, f".gold-{indexes[0]:06d}.part")
    part.write_text("".join(lines), encoding="utf-8")
    return str(part)


def write_corpus(
    out: Path,
    count: int,
    seed: int,
    options: Options = Options(),
    *,
    first: int = 0,
    gold_per_doc: bool = False,
    jobs: int = 1,
) -> Path | None:
    """Documents first … first+count-1 and their gold in `out`; the combined gold file's path."""
    out.mkdir(parents=True, exist_ok=True)
    indexes = list(range(first, first + count))
    size = max(1, min(250, -(-count // max(1, jobs))))
    chunks = [(seed, indexes[i : i + size], options, str(out), gold_per_doc) for i in range(0, count, size)]
    if jobs > 1 and len(chunks) > 1:
        from multiprocessing import get_context

        for year in YEARS:  # the tables every worker needs, built once before the workers fork
            places_by_level(year, options.without, options.focus)
        with get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_write_chunk, chunks)
    else:
        parts = [_write_chunk(chunk) for chunk in chunks]
    if gold_per_doc:
        return None
    path = out / "gold.jsonl"
    with path.open("wb") as gold:
        for part in map(Path, parts):
            gold.write(part.read_bytes())
            part.unlink()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="directory for NNNNNN.txt and gold.jsonl")
    parser.add_argument("--count", required=True, type=int, help="how many documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first", type=int, default=0, help="index of the first document (its file name)")
    parser.add_argument("--gb18030-share", type=float, default=Options.gb18030_share, help="share written in GB18030")
    parser.add_argument("--traditional-share", type=float, default=Options.traditional_share)
    parser.add_argument("--gold-per-doc", action="store_true", help="NNNNNN.gold.jsonl beside each document")
    parser.add_argument("--jobs", type=int, default=1, help="processes (any number writes the same files)")
    parser.add_argument("--without", nargs="*", default=[], choices=list(HARD_CASES), help="hard cases to leave out")
    parser.add_argument("--focus", choices=list(HARD_CASES), help="a hard case to write wherever it fits")
    args = parser.parse_args(argv)
    options = Options(args.gb18030_share, args.traditional_share, frozenset(args.without), args.focus)
    started = time.perf_counter()
    gold = write_corpus(
        args.out, args.count, args.seed, options, first=args.first, gold_per_doc=args.gold_per_doc, jobs=args.jobs
    )
    took = time.perf_counter() - started
    print(
        f"{args.count} documents in {args.out} in {took:.1f} s; gold: {gold or 'beside each document'}", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
