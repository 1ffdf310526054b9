"""Synthetic work plans (bench/synthetic.py): deterministic, their gold in the gold format with exact
offsets, and — what they are for — read by the extractor as their gold says.

The generator names the hard cases it writes (`synthetic.HARD_CASES`).  Each one the extractor gets
wrong today is listed in KNOWN_EXTRACTOR_GAPS with what goes wrong: its test below is an xfail
that fails as soon as the extractor handles it (strict), so the list stays true.  The acceptance
test holds the extractor to DESIGN.md on everything else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import synthetic
from extractors.cleaning import simplify
from extractors.corpus import extract_corpus
from extractors.jurisdictions import gazetteer
from extractors.pipeline import extract_text
from extractors.reading import read_document
from graph.evaluation import Report, evaluate, format_report, read_mentions
from ontology.records import Mention
from ontology.vocabulary import Kind, Level, Relation, Tier

GOLD_KEYS = ["doc", "item", "item_title", "surface", "title", "issuers", "level", "kind", "relation", "tier", "policy", "note"]  # fmt: skip

# What the extractor gets wrong on each hard case, as of this file's last edit.
KNOWN_EXTRACTOR_GAPS: dict[str, str] = {}  # all ten cases the generator found are handled now

ACCEPTANCE_DOCUMENTS = 200
FOCUS_DOCUMENTS = 20


def generate(tmp_path: Path, count: int, seed: int = 7, **options) -> tuple[Path, list[Mention]]:
    out = tmp_path / "plans"
    gold = synthetic.write_corpus(out, count, seed, synthetic.Options(**options))
    return out, read_mentions(gold)


def extract(out: Path) -> list[Mention]:
    corpus = extract_corpus([out], workers=2)
    assert not corpus.failures
    return corpus.mentions


def gold_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------------------ the files


def test_the_same_seed_writes_the_same_bytes_whatever_the_jobs(tmp_path):
    one, two, other = tmp_path / "one", tmp_path / "two", tmp_path / "other"
    synthetic.write_corpus(one, 12, seed=3)
    synthetic.write_corpus(two, 12, seed=3, jobs=2)
    synthetic.write_corpus(other, 12, seed=4)
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir()) and len(names) == 13
    assert all((one / n).read_bytes() == (two / n).read_bytes() for n in names)
    assert (one / "000000.txt").read_bytes() != (other / "000000.txt").read_bytes()


def test_a_document_depends_only_on_its_seed_and_index():
    alone = synthetic.generate_document(5, 42)
    assert alone == synthetic.generate_document(5, 42)
    assert alone.stem == "000042"


def test_gold_offsets_point_at_the_surfaces_in_every_encoding_and_script(tmp_path):
    out, _ = generate(tmp_path, 60, seed=11, gb18030_share=0.3, traditional_share=0.3)
    rows = gold_rows(out / "gold.jsonl")
    seen = {"gb18030": 0, "traditional": 0}
    for path in sorted(out.glob("*.txt")):
        data = path.read_bytes()
        text, encoding = read_document(path)  # as the extractor reads it
        if encoding == "gb18030":
            seen["gb18030"] += 1
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")
            assert data.decode("gb18030") == text
        if simplify(text) != text:
            seen["traditional"] += 1
        mine = [r for r in rows if r["doc"] == path.stem]
        assert mine, path
        for r in mine:
            assert text[r["start"] : r["end"]] == r["surface"], r
    assert seen["gb18030"] and seen["traditional"]


def test_traditional_surfaces_are_traditional_and_simplify_back():
    for index in range(40):
        simplified = synthetic.generate_document(2, index, synthetic.Options(traditional_share=0.0))
        traditional = synthetic.generate_document(2, index, synthetic.Options(traditional_share=1.0))
        assert len(traditional.text) == len(simplified.text)
        assert simplify(traditional.text) == simplify(simplified.text)
        assert [g["start"] for g in traditional.gold] == [g["start"] for g in simplified.gold]
        assert any(g["surface"] != simplify(g["surface"]) for g in traditional.gold)


def test_gold_rows_are_in_the_gold_format(tmp_path):
    out, mentions = generate(tmp_path, 30, seed=12)
    for r in gold_rows(out / "gold.jsonl"):
        assert list(r) == [*GOLD_KEYS, "start", "end"]
        assert r["title"] == "".join(r["title"].split()) and "《" not in r["title"]
    for m in mentions:  # read_mentions has checked every value against the vocabularies
        assert (out / f"{m.doc}.txt").is_file()
        assert m.kind is not Kind.NOT_POLICY or (m.relation, m.level) == (Relation.CITES, Level.UNKNOWN)
        assert m.tier is Tier.A or "《" not in m.surface


def test_the_command_writes_a_gold_file_per_document_if_asked(tmp_path):
    assert synthetic.main(["--out", str(tmp_path), "--count", "3", "--seed", "1", "--gold-per-doc"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "000000.gold.jsonl", "000000.txt", "000001.gold.jsonl", "000001.txt", "000002.gold.jsonl", "000002.txt",
    ]  # fmt: skip
    for stem in ("000000", "000001", "000002"):
        assert {r["doc"] for r in gold_rows(tmp_path / f"{stem}.gold.jsonl")} == {stem}


def test_every_pattern_is_written():
    """The patterns of DESIGN.md that the generator writes, each in a modest corpus."""
    notes = {g["note"] for i in range(150) for g in synthetic.generate_document(9, i).gold}
    assert notes >= {
        "law", "revised_law", "registry", "national_issuer_before", "national_issuer_inside", "national_bare",
        "local_issuer_inside", "local_issuer_before", "local_issuer_before_relative", "relative_issuers_inside",
        "place_title", "local_bare", "issue_bare", "issue_relative", "issue_own_place", "issue_measures",
        "issue_bare_name", "revise", "list", "nested", "repeat_without_brackets", "meeting_congress",
        "meeting_plenums", "meeting_plenum", "conference", "local_congress", "named_rule", "quoted_policy",
        "quoted_plan", "issuer_about", "not_policy", "cites",
    }  # fmt: skip


def test_unknown_hard_cases_are_refused():
    with pytest.raises(ValueError, match="no such hard case"):
        synthetic.Options(without=frozenset({"typo"}))


# ---------------------------------------------------------------------------- vocabulary


def test_ordinary_sentences_cite_nothing():
    """Every mention in a plan is one a pattern wrote: the filler and headings cite nothing."""
    items = [
        f"{n}. {topic.heading}。{synthetic.FILLER[n % len(synthetic.FILLER)]}。"
        for n, topic in enumerate(synthetic.TOPICS, 1)
    ]
    text = "某市教育局2020年工作计划\n" + "\n".join(items) + "\n" + "。".join(synthetic.FILLER) + "。"
    assert extract_text(text).mentions == []


def test_the_vocabulary_names_no_place():
    """A place in a topic would give its titles a level the gold does not know of."""
    words = [w for t in synthetic.TOPICS for w in (t.heading, t.vp, t.np)] + list(synthetic.FILLER)
    assert [(w, found) for w in words if (found := gazetteer().find(w))] == []


# ------------------------------------------------------------------------- the extractor


def assert_meets_the_bar(report: Report) -> None:
    """The acceptance bar: the extractor's F1 on generated plans must be about 1."""
    details = format_report(report)
    assert report.f1 >= 0.99, details
    for rate in (report.relation, report.level, report.issuers, report.item):
        assert rate.value >= 0.98, details
    assert report.tier_b_recall.value >= 0.95, details


def test_generated_plans_are_extracted_as_their_gold_says(tmp_path):
    out, gold = generate(tmp_path, ACCEPTANCE_DOCUMENTS, without=frozenset(KNOWN_EXTRACTOR_GAPS))
    assert_meets_the_bar(evaluate(gold, extract(out)))


def assert_exact(report: Report) -> None:
    """Every gold mention found, every field right."""
    details = format_report(report)
    assert report.precision == report.recall == 1.0, details
    assert not report.missed and not report.wrong, details


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case, marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=KNOWN_EXTRACTOR_GAPS[case])
        )
        if case in KNOWN_EXTRACTOR_GAPS
        else case
        for case in synthetic.HARD_CASES
    ],
)
def test_each_hard_case_is_extracted_exactly(tmp_path, case):
    """Plans full of one hard case and free of the others."""
    others = frozenset(synthetic.HARD_CASES) - {case}
    out, gold = generate(tmp_path, FOCUS_DOCUMENTS, seed=21, without=others, focus=case)
    assert_exact(evaluate(gold, extract(out)))
