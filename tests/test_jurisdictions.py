"""The gazetteer of administrative divisions (extractors.jurisdictions, data/reference/divisions.tsv)."""

from __future__ import annotations

import csv
import time

import pytest

from extractors.jurisdictions import JurisdictionMatch, find_jurisdictions, gazetteer
from ontology.resources import ENV_VAR, data_path
from ontology.vocabulary import Level

N, P, M, C = Level.NATIONAL, Level.PROVINCIAL, Level.MUNICIPAL, Level.COUNTY


@pytest.fixture(scope="module")
def g():
    return gazetteer()


# ------------------------------------------------------------------------------------ by name

LOOKUPS = [
    # name, code, level, parent
    ("广东省", "440000", P, "000000"),
    ("佛山市", "440600", M, "440000"),
    ("顺德区", "440606", C, "440600"),
    ("广东", "440000", P, "000000"),
    ("佛山", "440600", M, "440000"),
    ("顺德", "440606", C, "440600"),
    ("北京市", "110000", P, "000000"),
    ("海淀区", "110108", C, "110000"),  # a district of a municipality is county level, under it
    ("重庆市", "500000", P, "000000"),
    ("渝中区", "500103", C, "500000"),
    ("城口县", "500229", C, "500000"),  # a county of Chongqing: no 500200 县 placeholder
    ("仙桃市", "429004", C, "420000"),  # 省直辖县级行政单位: county level, directly under the province
    ("神农架林区", "429021", C, "420000"),
    ("济源市", "419001", C, "410000"),
    ("石河子市", "659001", C, "650000"),
    ("延边朝鲜族自治州", "222400", M, "220000"),
    ("延边", "222400", M, "220000"),
    ("延边州", "222400", M, "220000"),
    ("广西壮族自治区", "450000", P, "000000"),
    ("广西", "450000", P, "000000"),
    ("内蒙古", "150000", P, "000000"),
    ("锡林郭勒盟", "152500", M, "150000"),
    ("阿克苏地区", "652900", M, "650000"),
    ("东莞市", "441900", M, "440000"),  # a city without counties
    ("儋州市", "460400", M, "460000"),
    ("长阳土家族自治县", "420528", C, "420500"),
    ("鄂温克族自治旗", "150724", C, "150700"),
    ("香港特别行政区", "810000", P, "000000"),
    ("澳门", "820000", P, "000000"),
    ("台湾省", "710000", P, "000000"),
    ("中华人民共和国", "000000", N, None),
    ("中国", "000000", N, None),
]


@pytest.mark.parametrize(("name", "code", "level", "parent"), LOOKUPS)
def test_lookup(g, name, code, level, parent):
    found = g.lookup(name)
    assert found, name
    best = found[0]
    assert (best.code, best.level, best.parent) == (code, level, parent)


SHORTS = [
    ("佛山市", "佛山"),
    ("广东省", "广东"),
    ("广西壮族自治区", "广西"),
    ("宁夏回族自治区", "宁夏"),
    ("新疆维吾尔自治区", "新疆"),
    ("内蒙古自治区", "内蒙古"),
    ("延边朝鲜族自治州", "延边"),
    ("恩施土家族苗族自治州", "恩施"),
    ("博尔塔拉蒙古自治州", "博尔塔拉"),
    ("香港特别行政区", "香港"),
    ("神农架林区", "神农架"),
    ("碑林区", "碑林"),
    ("浦东新区", "浦东"),
    ("管城回族区", "管城"),
    ("东乡族自治县", "东乡"),
    ("赵县", ""),  # one character left says nothing
    ("城区", ""),
]


@pytest.mark.parametrize(("name", "short"), SHORTS)
def test_short_names(g, name, short):
    assert {j.short for j in g.lookup(name) if j.name == name} == {short}


DUPLICATES = [
    # name, within, code
    ("朝阳区", "110000", "110105"),
    ("朝阳区", "220100", "220104"),
    ("朝阳区", "220000", "220104"),
    ("鼓楼区", "350100", "350102"),
    ("鼓楼区", "320100", "320106"),
    ("通州区", "320600", "320612"),
]


@pytest.mark.parametrize(("name", "within", "code"), DUPLICATES)
def test_duplicated_names_told_apart_by_an_ancestor(g, name, within, code):
    assert len(g.lookup(name)) > 1
    assert [j.code for j in g.lookup(name, within=within)] == [code]


# ------------------------------------------------------------------------------- former names

FORMER = [
    # name, year, code or None when the name was not in use that year
    ("下城区", 2017, "330103"),
    ("下城区", 2021, "330103"),
    ("下城区", 2023, None),
    ("江干区", 2017, "330104"),
    ("临平区", 2023, "330113"),
    ("临平区", 2017, None),
    ("顺德市", 1995, "440681"),
    ("顺德市", 2017, None),
    ("顺德区", 2017, "440606"),
    ("顺德区", 1990, None),
    ("梅列区", 2017, "350402"),
    ("梅列区", 2023, None),
    ("莱芜市", 2017, "371200"),
    ("巢湖市", 2005, "341400"),
]


@pytest.mark.parametrize(("name", "year", "code"), FORMER)
def test_names_by_year(g, name, year, code):
    found = g.lookup(name, year=year)
    assert (found[0].code if found else None) == code


def test_former_name_is_kept_with_its_years(g):
    (xiacheng,) = g.lookup("下城区")
    assert g.validity(xiacheng) == (None, 2021)
    assert g.ancestors(xiacheng.code)[0].name == "杭州市"
    assert g.validity(g.by_code("330106")) == (None, None)  # 西湖区, still in use


def test_a_code_renamed_keeps_both_names(g):
    assert g.by_code("130502").name == "襄都区"
    assert g.by_code("130502", year=2015).name == "桥东区"


# ------------------------------------------------------------------------------------ the tree

TREE = [
    # code, ancestors (nearest first), province, city
    ("440606", ["440600", "440000", "000000"], "440000", "440600"),
    ("440600", ["440000", "000000"], "440000", "440600"),
    ("440000", ["000000"], "440000", None),
    ("110108", ["110000", "000000"], "110000", "110000"),  # 我市 in 海淀区 is 北京市
    ("110000", ["000000"], "110000", "110000"),
    ("429004", ["420000", "000000"], "420000", None),  # 仙桃 belongs to no city
    ("222401", ["222400", "220000", "000000"], "220000", "222400"),  # 延吉市
    ("000000", [], None, None),
]


@pytest.mark.parametrize(("code", "ancestors", "province", "city"), TREE)
def test_tree(g, code, ancestors, province, city):
    assert [a.code for a in g.ancestors(code)] == ancestors
    assert (p.code if (p := g.province_of(code)) else None) == province
    assert (c.code if (c := g.city_of(code)) else None) == city


@pytest.mark.parametrize(
    ("code", "ancestor", "inside"),
    [
        ("440606", "440000", True),
        ("440606", "440600", True),
        ("440606", "000000", True),
        ("440606", "440606", True),
        ("440606", "330000", False),
        ("110105", "220100", False),
    ],
)
def test_is_within(g, code, ancestor, inside):
    assert g.is_within(code, ancestor) is inside


def test_by_code_unknown(g):
    assert g.by_code("999999") is None
    assert g.ancestors("999999") == []


# ------------------------------------------------------------------------------------ in text

TITLES = [
    # text, year, [(surface, code), …]
    (
        "浙江省人民政府关于印发浙江省深化高校创新创业教育改革实施方案的通知",
        2016,
        [("浙江省", "330000"), ("浙江省", "330000")],
    ),
    (
        "中共成都市委 成都市人民政府关于加快建设国家中心城市的意见",
        2018,
        [("成都市", "510100"), ("成都市", "510100")],
    ),
    ("顺德区教育局2018年工作要点", 2018, [("顺德区", "440606")]),
    (
        "佛山市顺德区人民政府办公室关于印发顺德区学前教育三年行动计划的通知",
        2019,
        [("佛山市", "440600"), ("顺德区", "440606"), ("顺德区", "440606")],
    ),
    ("北京市海淀区教育委员会2019年工作要点", 2019, [("北京市", "110000"), ("海淀区", "110108")]),
    (
        "长春市朝阳区人民政府关于做好义务教育招生工作的通知",
        2020,
        [("长春市", "220100"), ("朝阳区", "220104")],
    ),
    ("湖北省仙桃市教育局2021年工作要点", 2021, [("湖北省", "420000"), ("仙桃市", "429004")]),
    (
        "延边州教育局关于印发延边朝鲜族自治州双语教育规划的通知",
        2017,
        [("延边州", "222400"), ("延边朝鲜族自治州", "222400")],
    ),
    (
        "内蒙古自治区教育厅 鄂尔多斯市人民政府关于共建学校的协议",
        2019,
        [("内蒙古自治区", "150000"), ("鄂尔多斯市", "150600")],
    ),
    (
        "河南省郑州市金水区2020年教育工作计划",
        2020,
        [("河南省", "410000"), ("郑州市", "410100"), ("金水区", "410105")],
    ),
    ("广西壮族自治区人民政府办公厅关于加快发展职业教育的意见", 2015, [("广西壮族自治区", "450000")]),
    ("杭州市下城区教育局2017年工作要点", 2017, [("杭州市", "330100"), ("下城区", "330103")]),
    ("杭州市下城区教育局2023年工作要点", 2023, [("杭州市", "330100")]),  # 下城区 was gone by then
    ("推进广东佛山顺德职业教育改革", None, [("广东", "440000"), ("佛山", "440600"), ("顺德", "440606")]),
    ("全面实施佛山教育“十三五”规划", 2017, [("佛山", "440600")]),
    (
        "推进佛山、广州、肇庆、云浮、梅州教育协作",
        2017,
        [("佛山", "440600"), ("广州", "440100"), ("肇庆", "441200"), ("云浮", "445300"), ("梅州", "441400")],
    ),
    ("推进禅城和顺德区建设", 2017, [("禅城", "440604"), ("顺德区", "440606")]),
    ("广东与浙江两省教育合作", None, [("广东", "440000"), ("浙江", "330000")]),
    ("阳泉市城区教育局", None, [("阳泉市", "140300"), ("城区", "140302")]),
    ("洛阳市老城区", None, [("洛阳市", "410300"), ("老城区", "410302")]),
    ("广州白云机场", None, [("广州", "440100"), ("白云", "440111")]),
    ("中华人民共和国教育法", None, [("中华人民共和国", "000000")]),
]

NEGATIVES = [
    "中山大学附属第一医院",
    "纪念孙中山先生诞辰",
    "培育战略性新兴产业",
    "建设和谐社会，维护世界和平",
    "新华社北京电",
    "推进老城区改造和城中村治理",
    "辽宁县域经济发展报告",
    "实施“凌云”行动计划",
    "长安街沿线和白云山景区",
    "培育东方市场",
    "江南区域文化研究",
    "深化产教融合、校企合作",
    "中国特色社会主义进入新时代",
    "坚持和平与发展",
    "节约资源和保护环境",
    "新建、改扩建幼儿园",
    "促进市和县级教育协调发展",
]


@pytest.mark.parametrize(("text", "year", "expected"), TITLES)
def test_find_in_titles(text, year, expected):
    found = find_jurisdictions(text, year=year)
    assert [(text[m.start : m.end], m.jurisdiction.code) for m in found] == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_false_positive(text):
    assert find_jurisdictions(text) == []


def test_matches_unpack_as_start_end_jurisdiction():
    (match,) = find_jurisdictions("佛山市")
    assert isinstance(match, JurisdictionMatch)
    start, end, jurisdiction = match
    assert (start, end, jurisdiction.name) == (0, 3, "佛山市")


def test_find_is_fast_on_a_long_document():
    text = "佛山市教育局2017年工作计划。推进佛山、广州、肇庆教育协作，落实广东省教育厅部署，加强学校建设。" * 2500
    find_jurisdictions(text[:100])  # build the index first
    t = time.perf_counter()
    found = find_jurisdictions(text)
    assert time.perf_counter() - t < 5.0, "one scan of ~120,000 characters"
    assert len(found) == 5 * 2500


# --------------------------------------------------------------------------------- the data


def test_tsv_is_sorted_complete_and_linked():
    with data_path("divisions.tsv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        assert reader.fieldnames == ["code", "name", "short", "level", "parent", "valid_from", "valid_to"]
        rows = list(reader)
    codes = [r["code"] for r in rows]
    assert codes == sorted(codes)
    known = set(codes)
    assert all(r["parent"] in known for r in rows if r["level"] != "national")
    current = [r for r in rows if not r["valid_to"]]
    by_level = {lv: sum(r["level"] == lv for r in current) for lv in ("provincial", "municipal", "county")}
    # 23 provinces (with 台湾), 5 autonomous regions, 4 municipalities, 2 special administrative regions
    assert by_level["provincial"] == 34
    assert 330 <= by_level["municipal"] <= 340
    assert 2840 <= by_level["county"] <= 2860


# ----------------------------------------------------------------------------- data_path


def test_data_path_prefers_the_environment(tmp_path, monkeypatch):
    (tmp_path / "divisions.tsv").write_text("code\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert data_path("divisions.tsv") == tmp_path / "divisions.tsv"


def test_data_path_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="no-such-file.tsv") as err:
        data_path("no-such-file.tsv")
    assert str(tmp_path) in str(err.value) and ENV_VAR in str(err.value)
