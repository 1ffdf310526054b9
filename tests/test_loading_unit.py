"""The Neo4j loader without a server: a fake driver records every statement and its parameters.

What a researcher's data can never do: reach the text of a query.  Labels and relationship types
come from the vocabulary; titles, texts and ids travel only as parameters, in transactions of at
most `batch_size` rows.  The real server's side is in test_neo4j.py.
"""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

import networkx as nx
import pytest

from graph.loading import (
    EVIDENCE,
    LABELS,
    RELATIONSHIP_TYPES,
    batches,
    constraint_statements,
    cookbook,
    cypher_literal,
    cypher_script,
    cypher_string,
    load_graph,
)
from ontology.vocabulary import LinkType, NodeType, Relation

HOSTILE_TEXTS = [
    "'}) DETACH DELETE n //",
    "<img src=x onerror=alert(1)>",
    '"}) MATCH (m) DETACH DELETE m; //',
    "`Policy` {id: 1}) SET n.x = 1 //",
    "$rows}) DETACH DELETE n",
    "\\u0027 OR 1=1 /* 《关于加强学校语言文字工作的意见》 */",
    "第一行\n第二行\r\n;\n:param rows => []",
]


class FakeDriver:
    """Records (statement, parameters, database) for each execute_query; Neo4j counts nothing."""

    def __init__(self):
        self.calls: list[tuple[str, dict, str | None]] = []

    def execute_query(self, query, parameters_=None, database_=None, **_):
        self.calls.append((query, parameters_ or {}, database_))
        counters = SimpleNamespace(nodes_created=0, relationships_created=0, nodes_deleted=0, relationships_deleted=0)
        return SimpleNamespace(records=[], summary=SimpleNamespace(counters=counters))

    def merges(self) -> list[tuple[str, list[dict]]]:
        return [(query, parameters["rows"]) for query, parameters, _ in self.calls if "rows" in parameters]


def _texts(graph: nx.MultiDiGraph) -> set[str]:
    """Every string of the graph a document could have put there: ids, attribute values, list items."""
    found = set(graph.nodes)
    for attributes in [d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(data=True)]:
        for value in attributes.values():
            found.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    vocabulary = {t.value for t in NodeType} | RELATIONSHIP_TYPES
    return {text for text in found if len(text) >= 3 and text not in vocabulary}


@pytest.fixture
def hostile_graph(seed_graph) -> nx.MultiDiGraph:
    """The seed graph with hostile text in a document title, a policy title and alias, an item text
    and a mention's evidence."""
    graph = seed_graph.copy()
    document = next(n for n, t in graph.nodes(data="type") if t == NodeType.DOCUMENT.value)
    policy = next(n for n, t in graph.nodes(data="type") if t == NodeType.POLICY.value)
    item = next(n for n, t in graph.nodes(data="type") if t == NodeType.WORK_ITEM.value)
    graph.nodes[document]["title"] = HOSTILE_TEXTS[0]
    graph.nodes[policy]["title"] = HOSTILE_TEXTS[1]
    graph.nodes[policy]["aliases"] = HOSTILE_TEXTS[2:5]
    graph.nodes[item]["text"] = HOSTILE_TEXTS[5]
    source, target, key = next((u, v, k) for u, v, k, t in graph.edges(keys=True, data="type") if t in _MENTIONS)
    graph.edges[source, target, key]["surface"] = HOSTILE_TEXTS[6]
    return graph


_MENTIONS = {r.neo4j_type for r in Relation}


def test_no_document_text_ever_appears_in_a_query_only_in_parameters(hostile_graph):
    driver = FakeDriver()
    load_graph(hostile_graph, driver, batch_size=40, replace_documents=True)
    texts = _texts(hostile_graph)
    assert set(HOSTILE_TEXTS) <= texts
    for query, _, _ in driver.calls:
        assert not [text for text in texts if text in query], query
    sent = repr([parameters for _, parameters, _ in driver.calls])
    assert all(repr(text)[1:-1] in sent for text in HOSTILE_TEXTS)


@pytest.mark.parametrize(
    "where, hostile",
    [
        ("node type", "Policy`) DETACH DELETE n //"),
        ("node type", "Person"),
        ("relationship type", "IMPLEMENTS]->() DETACH DELETE n //"),
        ("relationship type", "LIKES"),
    ],
)
def test_a_label_or_type_outside_the_vocabulary_is_refused_before_anything_is_written(where, hostile):
    graph = nx.MultiDiGraph()
    graph.add_node("a", type=hostile if where == "node type" else NodeType.POLICY.value)
    graph.add_node("b", type=NodeType.POLICY.value)
    graph.add_edge("a", "b", type=hostile if where == "relationship type" else LinkType.IMPLEMENTS.neo4j_type)
    driver = FakeDriver()
    with pytest.raises(ValueError, match="not in the domain model"):
        load_graph(graph, driver)
    assert driver.calls == []


def test_every_label_and_type_in_a_statement_comes_from_the_vocabulary(seed_graph):
    driver = FakeDriver()
    load_graph(seed_graph, driver, replace_documents=True)
    for query, _, _ in driver.calls:
        assert set(re.findall(r"\(\w*:`(\w+)`", query)) <= set(LABELS.values()), query
        assert set(re.findall(r"\[\w*:`(\w+)`", query)) <= RELATIONSHIP_TYPES, query


def test_constraints_on_id_for_every_label_come_first(seed_graph):
    driver = FakeDriver()
    load_graph(seed_graph, driver)
    first = [query for query, _, _ in driver.calls[: len(NodeType)]]
    assert first == constraint_statements()
    for node_type in NodeType:
        assert any(f"(n:`{node_type.label}`) REQUIRE n.id IS UNIQUE" in q and "IF NOT EXISTS" in q for q in first)


@pytest.mark.parametrize("batch_size", [1, 7, 50, 5000])
def test_rows_go_in_transactions_of_at_most_batch_size(seed_graph, batch_size):
    driver = FakeDriver()
    load_graph(seed_graph, driver, batch_size=batch_size)
    merges = driver.merges()
    assert all(1 <= len(rows) <= batch_size for _, rows in merges)
    node_rows = sum(len(rows) for query, rows in merges if "MERGE (n:" in query)
    relationship_rows = sum(len(rows) for query, rows in merges if "MERGE (a)-" in query)
    assert (node_rows, relationship_rows) == (seed_graph.number_of_nodes(), seed_graph.number_of_edges())
    per_statement: dict[str, int] = {}
    for query, rows in merges:
        per_statement[query] = per_statement.get(query, 0) + len(rows)
    assert len(merges) == sum(math.ceil(n / batch_size) for n in per_statement.values())


def test_batch_size_must_be_positive(seed_graph):
    with pytest.raises(ValueError):
        load_graph(seed_graph, FakeDriver(), batch_size=0)


def test_progress_counts_rows_up_to_the_total(seed_graph):
    reports = []
    load_graph(seed_graph, FakeDriver(), batch_size=30, progress=lambda done, total: reports.append((done, total)))
    total = seed_graph.number_of_nodes() + seed_graph.number_of_edges()
    assert reports[-1] == (total, total)
    assert [done for done, _ in reports] == sorted({done for done, _ in reports})
    assert {t for _, t in reports} == {total}


def test_node_rows_carry_the_networkx_id_and_flat_properties(seed_graph):
    node_batches, _ = batches(seed_graph, 5000)
    rows = {row["id"]: row["props"] for batch in node_batches for row in batch.rows}
    assert set(rows) == set(seed_graph.nodes)
    for node, props in rows.items():
        attributes = seed_graph.nodes[node]
        assert "type" not in props and "id" not in props
        assert not any(isinstance(v, dict) for v in props.values())
        for key, value in attributes.items():
            if key == "id":  # a Policy's own id, kept under another name
                assert props[f"{LABELS[attributes['type']].lower()}_id"] == value
            elif key != "type":
                assert props[key] == value  # lists stay lists


def test_nested_maps_become_text_and_tuples_lists():
    graph = nx.MultiDiGraph()
    graph.add_node(
        "policy:x", type=NodeType.POLICY.value, years=(2016, 2020), extra={"b": 1, "a": "文"}, tags={"y", "x"}
    )
    (batch,), _ = batches(graph, 10)
    assert batch.rows[0]["props"] == {"years": [2016, 2020], "extra": '{"a": "文", "b": 1}', "tags": ["x", "y"]}


def test_a_mention_merges_on_its_start_offset_and_other_links_do_not(seed_graph):
    _, relationship_batches = batches(seed_graph, 5000)
    for batch in relationship_batches:
        link = re.search(r"\[r:`(\w+)`", batch.statement).group(1)
        per_mention = "{start: row.start}" in batch.statement
        assert per_mention == (link in _MENTIONS and "(a:`WorkItem`" in batch.statement), batch.statement
        assert all(("start" in row) == per_mention for row in batch.rows)
        if per_mention:  # the evidence, with `start` only once: as the key
            assert all(set(row["props"]) == set(EVIDENCE) - {"start"} for row in batch.rows)


def test_replacing_documents_deletes_their_contents_first_and_sweeps_orphans_last(seed_graph):
    driver = FakeDriver()
    load_graph(seed_graph, driver, replace_documents=True)
    queries = [query for query, _, _ in driver.calls]
    delete = next(i for i, (_, parameters, _) in enumerate(driver.calls) if "documents" in parameters)
    assert driver.calls[delete][1]["documents"] == [
        n for n, t in seed_graph.nodes(data="type") if t == NodeType.DOCUMENT.value
    ]
    first_merge = next(i for i, q in enumerate(queries) if "UNWIND $rows" in q)
    sweeps = [i for i, q in enumerate(queries) if "NOT EXISTS {" in q]
    assert delete < first_merge < min(sweeps)
    swept = {re.search(r"\(n:`(\w+)`\)", queries[i]).group(1) for i in sweeps}
    assert swept == {t.label for t in (NodeType.POLICY, NodeType.MEETING, NodeType.ORGANIZATION, NodeType.JURISDICTION)}


def test_a_plain_load_deletes_nothing(seed_graph):
    driver = FakeDriver()
    load_graph(seed_graph, driver)
    assert not [q for q, _, _ in driver.calls if "DELETE" in q]


def test_the_database_name_is_passed_to_every_transaction(seed_graph):
    driver = FakeDriver()
    load_graph(seed_graph, driver, database="policies", replace_documents=True)
    assert {database for _, _, database in driver.calls} == {"policies"}


def test_nodes_without_a_type_are_skipped_and_counted():
    graph = nx.MultiDiGraph()
    graph.add_node("policy:a", type=NodeType.POLICY.value)
    graph.add_edge("policy:a", "policy:dangling", type=LinkType.IMPLEMENTS.neo4j_type)
    driver = FakeDriver()
    stats = load_graph(graph, driver)
    assert (stats.nodes, stats.relationships, stats.skipped) == (1, 0, 2)


# --- Cypher literals for the cypher-shell script ----------------------------------------------------


@pytest.mark.parametrize(
    "text, literal",
    [
        ("民办教育促进法", '"民办教育促进法"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("it's", '"it\\\'s"'),
        ("back\\slash", '"back\\\\slash"'),
        ("a\nb\r\tc", '"a\\nb\\r\\tc"'),
        ("\b\f", '"\\b\\f"'),
        ("nul\x00 del\x7f", '"nul\\u0000 del\\u007f"'),
        ("line\u2028sep\u2029", '"line\\u2028sep\\u2029"'),
        ("zero\u200bwidth\ufeff", '"zero\\u200bwidth\\ufeff"'),
        ("ideographic\u3000space", '"ideographic\\u3000space"'),
        ("tag\U000e0041", '"tag\\udb40\\udc41"'),
        ("𠀀 😀", '"𠀀 😀"'),
        ("'}) DETACH DELETE n //", '"\\\'}) DETACH DELETE n //"'),
    ],
)
def test_cypher_string_escapes_quotes_backslashes_and_everything_invisible(text, literal):
    assert cypher_string(text) == literal


@pytest.mark.parametrize(
    "value, literal",
    [
        (None, "null"),
        (True, "true"),
        (0, "0"),
        (-12, "-12"),
        (2.5, "2.5"),
        ([], "[]"),
        (["a", "b"], '["a", "b"]'),
        ({"id": "x", "odd key": 1, "tick`key": [2016]}, '{id: "x", `odd key`: 1, `tick``key`: [2016]}'),
    ],
)
def test_cypher_literal(value, literal):
    assert cypher_literal(value) == literal


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_numbers_without_a_literal_are_refused(value):
    with pytest.raises(ValueError):
        cypher_literal(value)


def test_the_script_is_one_statement_per_line_constraints_first(hostile_graph, tmp_path):
    out = tmp_path / "graph.cypher"
    cypher_script(hostile_graph, out, batch_size=25)
    lines = out.read_text(encoding="utf-8").splitlines()
    statements = [line for line in lines if not line.startswith("//")]
    assert all(line.endswith(";") for line in statements)
    assert statements[: len(NodeType)] == [s + ";" for s in constraint_statements()]
    node_batches, relationship_batches = batches(hostile_graph, 25)
    assert len(statements) == len(NodeType) + len(node_batches) + len(relationship_batches)
    assert all(cypher_string(text) in "\n".join(statements) for text in HOSTILE_TEXTS)


def test_the_script_is_byte_identical_for_the_same_graph(seed_graph, tmp_path):
    cypher_script(seed_graph, tmp_path / "a.cypher")
    cypher_script(seed_graph, tmp_path / "b.cypher")
    assert (tmp_path / "a.cypher").read_bytes() == (tmp_path / "b.cypher").read_bytes()


# --- the cookbook -------------------------------------------------------------------------------------


def test_the_cookbook_has_eight_to_twelve_queries():
    assert 8 <= len(cookbook()) <= 12


@pytest.mark.parametrize("name", sorted(cookbook()))
def test_every_cookbook_query_says_what_it_answers_and_declares_its_parameters(name):
    comment, query = cookbook()[name]
    assert comment and "Parameters:" in comment
    declared = set(re.findall(r"\$(\w+)", comment.split("Parameters:", 1)[1]))
    assert set(re.findall(r"\$(\w+)", query)) == declared
    assert not query.lstrip().startswith("//")


@pytest.mark.parametrize("name", sorted(cookbook()))
def test_every_cookbook_query_speaks_the_vocabulary(name):
    _, query = cookbook()[name]
    labels = set(re.findall(r"\(\w*:(\w+)", query))
    types = {t for group in re.findall(r"\[\w*:([\w|]+)", query) for t in group.split("|")}
    assert labels <= set(LABELS.values())
    assert types <= {r.neo4j_type for r in Relation} | {link.neo4j_type for link in LinkType}


# --- a built graph.json, streamed -------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_graph_json(tmp_path_factory, seed_path):
    from graph.publish import build

    out = tmp_path_factory.mktemp("built") / "out"
    build([seed_path], out, keywords=False, cache=False)
    return out / "graph.json"


def _sorted_merges(driver: FakeDriver) -> list[tuple[str, str]]:
    return sorted((query, repr(row)) for query, rows in driver.merges() for row in rows)


def test_a_graph_json_streamed_sends_the_rows_of_the_graph_it_holds(built_graph_json):
    from graph.graphfile import load_graph_file, read_graph_records

    from_file, from_graph = FakeDriver(), FakeDriver()
    streamed = load_graph(read_graph_records(built_graph_json), from_file, batch_size=64, replace_documents=True)
    whole = load_graph(load_graph_file(built_graph_json), from_graph, batch_size=64, replace_documents=True)
    assert _sorted_merges(from_file) == _sorted_merges(from_graph)
    assert (streamed.nodes, streamed.relationships) == (whole.nodes, whole.relationships) != (0, 0)
    assert all(len(rows) <= 64 for _, rows in from_file.merges())
    assert [c for c in from_file.calls if "rows" not in c[1]] == [c for c in from_graph.calls if "rows" not in c[1]]


def test_a_graph_json_cut_short_is_refused_before_anything_is_written(built_graph_json, tmp_path):
    from graph.graphfile import read_graph_records

    cut = tmp_path / "graph.json"
    cut.write_text("\n".join(built_graph_json.read_text(encoding="utf-8").splitlines()[:-5]), encoding="utf-8")
    driver = FakeDriver()
    with pytest.raises(ValueError, match="ends before"):
        load_graph(read_graph_records(cut), driver)
    assert driver.calls == []


def test_a_script_that_cannot_be_finished_leaves_no_file(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a", type=NodeType.POLICY.value)
    graph.add_edge("a", "a", type="LIKES")
    with pytest.raises(ValueError, match="not in the domain model"):
        cypher_script(graph, tmp_path / "graph.cypher")
    assert list(tmp_path.iterdir()) == []


def test_the_script_merges_every_node_before_any_relationship(hostile_graph, tmp_path):
    script = tmp_path / "graph.cypher"
    cypher_script(hostile_graph, script, batch_size=7)
    statements = [line for line in script.read_text(encoding="utf-8").splitlines() if line.startswith("UNWIND")]
    relationships = [n for n, line in enumerate(statements) if "MATCH (a:" in line]
    nodes = [n for n, line in enumerate(statements) if "MERGE (n:" in line]
    assert nodes and relationships and max(nodes) < min(relationships)
