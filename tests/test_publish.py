"""`policykg build` end to end: every output, byte-identical rebuilds, atomic writes, no stale traces."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.graphfile import load_graph_file
from graph.publish import CACHE, OUTPUTS, NothingToBuild, build

from .conftest import ROOT, SEED

SHUNDE = ROOT / "tests" / "corpus" / "shunde_2019.txt"


def digests(out: Path) -> dict[str, str]:
    """Every output under `out` (relative path → sha1), the extraction cache aside."""
    files = [p for p in sorted(out.rglob("*")) if p.is_file() and CACHE not in p.relative_to(out).parts]
    return {str(p.relative_to(out)): hashlib.sha1(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    return build([SEED], out), out


def test_build_writes_every_output(seed_build):
    result, out = seed_build
    assert {p.name for p in out.iterdir()} == {*OUTPUTS, CACHE}
    assert result.summary.documents == 1 and result.summary.mentions == 59
    lines = (out / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == result.mentions == 61
    assert json.loads(lines[0])["doc"] == "000_2459ef0d93ff34f6"
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "- national (国家级): 17" in report and "Work items with no policy basis (10)" in report
    assert (out / "map.html").stat().st_size > 0 and any((out / "maps").iterdir())


def test_the_saved_graph_reads_back_as_the_same_graph(seed_build):
    result, out = seed_build
    again = load_graph_file(out)
    assert sorted(again.nodes(data=True)) == sorted(result.graph.nodes(data=True))
    assert sorted(again.edges(keys=True, data=True)) == sorted(result.graph.edges(keys=True, data=True))


def test_two_builds_of_the_same_input_are_byte_identical(seed_build, tmp_path):
    _, first = seed_build
    build([SEED], tmp_path / "again")
    assert digests(tmp_path / "again") == digests(first)


def test_a_document_removed_from_the_input_leaves_no_trace(tmp_path):
    out = tmp_path / "out"
    build([SEED, SHUNDE], out)
    assert any("shunde" in name for name in digests(out)) or "shunde_2019" in (out / "graph.ttl").read_text("utf-8")
    build([SEED], out)
    for path in out.rglob("*"):  # the cache included: its entry for the removed plan is gone too
        if path.is_file():
            assert "shunde_2019" not in path.read_text(encoding="utf-8", errors="replace"), path
            assert "顺德区教育督导办法" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_nothing_readable_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(NothingToBuild):
        build([tmp_path / "empty.txt"], tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["empty.txt"]  # no staging directory left behind


def test_a_build_that_fails_half_way_leaves_the_previous_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([SEED], out, keywords=False)
    before = digests(out)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("visualizations.maps.write_maps", broken)
    with pytest.raises(OSError, match="disk full"):
        build([SEED, SHUNDE], out, keywords=False)
    assert digests(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_rebuild_reuses_the_cache_and_gives_the_same_outputs(tmp_path):
    out = tmp_path / "out"
    first = build([SEED, SHUNDE], out, keywords=False, workers=2)
    entries = sorted((out / CACHE).rglob("*.pickle"))
    assert len(entries) == 2
    written = [entry.stat().st_mtime_ns for entry in entries]
    before = digests(out)
    second = build([SEED, SHUNDE], out, keywords=False, workers=2)
    assert digests(out) == before and sorted((out / CACHE).rglob("*.pickle")) == entries
    assert [entry.stat().st_mtime_ns for entry in entries] == written  # read, not extracted and written again
    assert second.mentions == first.mentions


def test_cli_build_and_stats(tmp_path, capsys):
    bad = tmp_path / "in" / "broken.html"
    bad.parent.mkdir()
    bad.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    assert main(["build", str(SEED), str(bad), "--out", str(tmp_path / "out"), "--no-keywords"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"policykg: {bad}: HTML page with no article text"
    assert "1 documents, 37 work items, 59 mentions, 49 policies" in captured.out
    assert main(["stats", str(tmp_path / "out")]) == 0
    assert "- documents: 1" in capsys.readouterr().out
    assert main(["stats", str(tmp_path / "nowhere.json")]) == 2
    assert "not a graph written by `policykg build`" in capsys.readouterr().err


def test_stats_reads_only_what_it_counts_and_says_what_the_whole_graph_says(tmp_path, capsys):
    from graph.graphfile import load_graph_file
    from graph.report import format_summary, summarize

    assert main(["build", str(ROOT / "tests" / "corpus"), "--out", str(tmp_path / "out"), "--no-keywords"]) == 0
    capsys.readouterr()
    assert main(["stats", str(tmp_path / "out"), "--top", "5"]) == 0
    whole = format_summary(summarize(load_graph_file(tmp_path / "out"), top=5))
    assert capsys.readouterr().out == whole and "- documents: 9" in whole


def test_a_law_cited_only_inside_another_title_is_described_and_every_link_has_both_ends(tmp_path):
    """《云南省实施〈中华人民共和国高等教育法〉办法》: the law is a policy of the graph though no item
    cites it on its own, and its node is written although the 办法 (sorted first) links to it."""
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "昆明市教育局2019年工作要点\n一、依法治教\n1. 贯彻《云南省实施〈中华人民共和国高等教育法〉办法》。\n"
    )
    build([plan], tmp_path / "out", keywords=False)
    graph = load_graph_file(tmp_path / "out")
    untyped = [node for node, attributes in graph.nodes(data=True) if "type" not in attributes]
    assert not untyped
    law = [a for _, a in graph.nodes(data=True) if a.get("title") == "中华人民共和国高等教育法"]
    assert [a["level"] for a in law] == ["national"]


def test_cli_build_with_nothing_readable_says_so_and_exits_2(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# A large corpus is built part by part and never held whole; these builds force that path on
# the plans of tests/corpus and check it against the graph built whole in memory.
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def streamed_build(tmp_path_factory):
    import graph.publish as publish

    out = tmp_path_factory.mktemp("streamed") / "out"
    saved = publish.SMALL_CORPUS, publish.POLICIES_PER_PART, publish._CHUNK
    # stream; render documents on two processes, a few to a task; split the policies into many parts
    publish.SMALL_CORPUS, publish.POLICIES_PER_PART, publish._CHUNK = 0, 7, 2
    try:
        result = build([SEED, CORPUS], out, keywords=False, workers=2)
    finally:
        publish.SMALL_CORPUS, publish.POLICIES_PER_PART, publish._CHUNK = saved
    return result, out


@pytest.fixture(scope="module")
def whole_graph():
    from extractors.corpus import extract_corpus
    from graph.build import build_graph

    return build_graph(extract_corpus([SEED, CORPUS]))


def test_a_streamed_build_writes_the_triples_of_the_whole_graph(streamed_build, whole_graph):
    import rdflib
    from rdflib.compare import isomorphic

    from graph.rdf import dataset_settings, to_rdflib

    result, out = streamed_build
    assert result.graph is None and not (out / "graph.jsonld").exists() and not (out / "maps").exists()
    streamed = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    dates = [d.get("date", "") for _, d in whole_graph.nodes(data=True) if d.get("type") == "Document"]
    expected = to_rdflib(whole_graph, dataset=dataset_settings(None, dates) | {"title": streamed_title(streamed)})
    assert len(streamed) == result.triples == len(expected)
    assert isomorphic(streamed, expected)


def streamed_title(rdf) -> str:
    from rdflib.namespace import DCTERMS

    return next(str(o) for o in rdf.objects(None, DCTERMS.title) if getattr(o, "language", None) == "en")


def test_a_streamed_build_saves_the_whole_graph_and_its_report(streamed_build, whole_graph):
    from graph.report import format_summary, summarize

    result, out = streamed_build
    saved = load_graph_file(out)
    assert sorted(saved.nodes(data=True)) == sorted(whole_graph.nodes(data=True))
    assert sorted(saved.edges(keys=True, data=True)) == sorted(whole_graph.edges(keys=True, data=True))
    assert (out / "report.md").read_text(encoding="utf-8") == format_summary(summarize(whole_graph))
    assert result.summary.documents == 10


def test_a_streamed_build_draws_the_most_cited_policies_and_says_what_it_left_out(streamed_build):
    _, out = streamed_build
    page = (out / "map.html").read_text(encoding="utf-8")
    assert 'id="size-warning"' in page and "工作事项 73 个" in page and "政策 0 个" not in page
    assert "中央八项规定" in page or "教育法" in page


@pytest.mark.parametrize("workers", [1, 2])
def test_a_fault_building_one_document_is_reported_and_the_rest_is_built(tmp_path, monkeypatch, workers):
    import graph.publish as publish

    real = publish.render_document

    def failing_on_hefei(extraction, **options):
        if extraction.document.doc == "hefei_2017":
            raise KeyError("order")
        return real(extraction, **options)

    monkeypatch.setattr(publish, "render_document", failing_on_hefei)
    monkeypatch.setattr(publish, "SMALL_CORPUS", 0)  # stream, on `workers` processes
    monkeypatch.setattr(publish, "_CHUNK", 2)
    said = []
    result = build([CORPUS], tmp_path / "out", keywords=False, workers=workers, on_error=lambda *a: said.append(a))
    reason = "building its graph failed (KeyError: 'order'); please report this file"
    assert said == result.failures == [(str(CORPUS / "hefei_2017.txt"), reason)]
    assert result.summary.documents == 8
    assert "hefei_2017" not in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
