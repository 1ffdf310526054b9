"""graph.json read back record by record: the same nodes and links as the graph it was written from,
and a file cut short or broken refused with where, before a loader acts on any of it."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.graphfile import GraphRecords, graph_records, load_graph_file, read_graph_records
from graph.publish import build


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_path):
    out = tmp_path_factory.mktemp("built") / "out"
    build([seed_path], out, keywords=False, cache=False)
    return out


def _listed(records: GraphRecords) -> tuple[list, list]:
    return list(records.nodes()), list(records.links())


def test_records_of_a_built_graph_json_are_the_graph_it_holds(built):
    graph = load_graph_file(built)
    nodes, links = _listed(read_graph_records(built / "graph.json"))
    assert nodes == list(graph.nodes(data=True))
    assert links == list(graph.edges(data=True))
    assert len(nodes) > 100 and len(links) > 100


def test_records_can_be_read_again_from_the_start(built):
    records = read_graph_records(built)  # the output directory names its graph.json
    assert _listed(records) == _listed(records)


def test_node_link_json_from_another_writer_is_read_whole(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("policy:a", type="Policy", title="《甲》")
    graph.add_edge("policy:a", "policy:b", type="IMPLEMENTS")
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False), encoding="utf-8")
    assert _listed(read_graph_records(path)) == _listed(graph_records(graph))


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda text: "\n".join(text.splitlines()[:-40]), "ends before its closing"),
        (lambda text: "\n".join(text.splitlines()[:40]), "ends before its closing"),
        (lambda text: text[: len(text) // 3], "line "),
        (lambda text: text.replace('"type": "Policy"', '"type": Policy', 1), "line "),
    ],
    ids=["cut among the links", "cut among the nodes", "cut in a line", "a broken line"],
)
def test_a_damaged_file_is_refused_with_what_is_wrong(built, tmp_path, damage, message):
    path = tmp_path / "graph.json"
    path.write_text(damage((built / "graph.json").read_text(encoding="utf-8")), encoding="utf-8")
    records = read_graph_records(path)
    with pytest.raises(ValueError, match=message):
        _listed(records)


def test_a_file_that_is_not_node_link_json_is_refused_at_once(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text('{"nodes": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="no `nodes` and `links`"):
        read_graph_records(path)
