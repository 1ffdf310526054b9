"""The loader and the cookbook against a real Neo4j server (NEO4J_URI; tests/neo4j_server/with_neo4j.sh).

Each test starts from an empty database.  Loading is idempotent and survives being killed half-way;
replacing a document removes what it no longer says but keeps what other documents still cite;
hostile titles come back verbatim; the cypher-shell script builds the same graph as the loader; and
every cookbook query gives, on the seed document, the answer its gold annotation gives.
"""

from __future__ import annotations

import os
from collections import Counter

import networkx as nx
import pytest

from extractors.cleaning import normalize_title
from extractors.pipeline import Corpus, extract_text, resolve
from extractors.registry import comparable_organization
from graph.build import build_graph
from graph.loading import EVIDENCE, SHARED_LABELS, batches, cookbook, cypher_script, load_graph
from ontology.vocabulary import Kind, Level, NodeType, Relation

pytestmark = pytest.mark.neo4j

SEED_DOC = "000_2459ef0d93ff34f6"
HOSTILE_TEXTS = [
    "'}) DETACH DELETE n //",
    "<img src=x onerror=alert(1)>",
    '"}) MATCH (m) DETACH DELETE m; //',
    "back\\slash \\u0027 \\n 'single' \"double\" `tick`",
    "第一行\n第二行\r\n\t;\n:param rows => []\n// not a comment",
    "nul\x00 bell\x07 del\x7f sep\u2028\u2029 bom\ufeff zwsp\u200b ideographic\u3000space",
    "𠀀 😀 tag\U000e0041 é (e\u0301)",
]
GUANGZHOU_2018 = """广州市教育局2018年工作要点
广州市教育局
2018年1月5日
一、依法治教
1. 贯彻落实《中华人民共和国民办教育促进法》，制定《广州市民办学校管理办法》。
2. 落实《广州市人民政府关于贯彻落实〈广东省人民政府关于实施〈国务院关于深化考试招生制度改革的实施意见〉的意见〉的通知》。
3. 做好校园安全工作。
"""
GUANGZHOU_2018_REVISED = """广州市教育局2018年工作要点
广州市教育局
2018年1月5日
一、依法治教
1. 出台《广州市校外培训机构管理办法》。
2. 做好校园安全工作。
"""
HANGZHOU_2018 = """杭州市教育局2018年工作要点
杭州市教育局
2018年2月1日
一、依法治教
1. 贯彻落实《民办教育促进法》，出台《杭州市学前教育条例》。
"""


# --- the server, and what is in it ------------------------------------------------------------------


@pytest.fixture(scope="session")
def server():
    import neo4j

    auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    driver = neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth, notifications_min_severity="OFF")
    yield driver
    driver.close()


@pytest.fixture
def db(server):
    """The server's database, emptied (constraints stay)."""
    server.execute_query("MATCH (n) DETACH DELETE n")
    return server


def _rows(db, query: str, **parameters) -> list[dict]:
    return [record.data() for record in db.execute_query(query, parameters).records]


def _counts_in(db) -> tuple[Counter, Counter]:
    labels = Counter({r["label"]: r["n"] for r in _rows(db, "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n")})
    types = Counter({r["type"]: r["n"] for r in _rows(db, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")})
    return labels, types


def _counts_of(graph: nx.MultiDiGraph) -> tuple[Counter, Counter]:
    labels = Counter(NodeType(t).label for _, t in graph.nodes(data="type"))
    return labels, Counter(t for *_, t in graph.edges(data="type"))


def _duplicates(db) -> int:
    nodes = _rows(db, "MATCH (n) WITH n.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS n")[0]["n"]
    links = _rows(
        db,
        "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.start AS start, count(*) AS n WHERE n > 1 RETURN count(*) AS n",
    )[0]["n"]
    return nodes + links


def _everything(db) -> tuple[dict, dict]:
    """Every node's properties by id, every relationship's by (source, type, target, start)."""
    nodes = {r["id"]: r["props"] for r in _rows(db, "MATCH (n) RETURN n.id AS id, properties(n) AS props")}
    links = {
        (r["a"], r["t"], r["b"], r["props"].get("start")): r["props"]
        for r in _rows(db, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props")
    }
    return nodes, links


def _corpus_graph(texts: dict[str, str]) -> nx.MultiDiGraph:
    extractions, policies = resolve([extract_text(text, doc=doc) for doc, text in texts.items()])
    corpus = Corpus(
        documents=[e.document for e in extractions],
        mentions=[m for e in extractions for m in e.mentions],
        policies=policies,
    )
    return build_graph(corpus)


@pytest.fixture
def hostile_graph(seed_graph) -> nx.MultiDiGraph:
    """The seed graph with hostile text in a document title, policy titles and aliases, item texts
    and mention evidence."""
    graph = seed_graph.copy()
    policies = [n for n, t in graph.nodes(data="type") if t == NodeType.POLICY.value]
    items = [n for n, t in graph.nodes(data="type") if t == NodeType.WORK_ITEM.value]
    mentions = [(u, v, k) for u, v, k, t in graph.edges(keys=True, data="type") if t == Relation.IMPLEMENTS.neo4j_type]
    graph.nodes[f"doc:{SEED_DOC}"]["title"] = HOSTILE_TEXTS[0]
    for n, text in enumerate(HOSTILE_TEXTS):
        graph.nodes[policies[n]]["title"] = text
        graph.nodes[policies[n]]["aliases"] = [text, text[::-1]]
        graph.nodes[items[n]]["text"] = text
        graph.edges[mentions[n]]["surface"] = text
    return graph


# --- loading ----------------------------------------------------------------------------------------


def test_the_database_holds_exactly_the_graph_per_label_and_type(db, seed_graph):
    stats = load_graph(seed_graph, db)
    assert _counts_in(db) == _counts_of(seed_graph)
    assert (stats.nodes_created, stats.relationships_created) == (
        seed_graph.number_of_nodes(),
        seed_graph.number_of_edges(),
    )


def test_every_mention_keeps_its_evidence(db, seed_graph):
    load_graph(seed_graph, db)
    query = "MATCH (:WorkItem)-[r:IMPLEMENTS|ISSUES|REVISES|CITES]->() RETURN properties(r) AS evidence"
    stored = [r["evidence"] for r in _rows(db, query)]
    expected = [
        {key: attributes[key] for key in EVIDENCE}
        for source, _, attributes in seed_graph.edges(data=True)
        if seed_graph.nodes[source]["type"] == NodeType.WORK_ITEM.value
    ]
    assert sorted(stored, key=lambda e: sorted(e.items())) == sorted(expected, key=lambda e: sorted(e.items()))


def test_loading_twice_changes_no_count(db, seed_graph):
    load_graph(seed_graph, db)
    first = _counts_in(db)
    again = load_graph(seed_graph, db, batch_size=17)
    assert _counts_in(db) == first
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert _duplicates(db) == 0


def test_a_built_graph_json_streamed_loads_the_same_database_as_its_graph(db, seed_path, tmp_path):
    from graph.graphfile import load_graph_file, read_graph_records
    from graph.publish import build

    build([seed_path], tmp_path / "out", keywords=False, cache=False)
    whole = load_graph_file(tmp_path / "out")
    stats = load_graph(read_graph_records(tmp_path / "out"), db, batch_size=97)
    assert _counts_in(db) == _counts_of(whole)
    streamed = _everything(db)
    db.execute_query("MATCH (n) DETACH DELETE n")
    load_graph(whole, db)
    assert _everything(db) == streamed
    assert (stats.nodes_created, stats.relationships_created) == (whole.number_of_nodes(), whole.number_of_edges())


class Killed(Exception):
    """Stands for the process dying between two transactions."""


def _kill_after(batches_done: int):
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == batches_done:
            raise Killed

    return progress


@pytest.mark.parametrize("killed_after", ["a few node batches", "all nodes", "half the relationships"])
def test_a_load_killed_half_way_ends_complete_without_duplicates_when_run_again(db, seed_graph, killed_after):
    node_batches, relationship_batches = batches(seed_graph, 10)
    after = {
        "a few node batches": 3,
        "all nodes": len(node_batches),
        "half the relationships": len(node_batches) + len(relationship_batches) // 2,
    }[killed_after]
    with pytest.raises(Killed):
        load_graph(seed_graph, db, batch_size=10, progress=_kill_after(after))
    labels, types = _counts_in(db)
    assert 0 < labels.total() + types.total() < seed_graph.number_of_nodes() + seed_graph.number_of_edges()
    load_graph(seed_graph, db, batch_size=10)
    assert _counts_in(db) == _counts_of(seed_graph)
    assert _duplicates(db) == 0


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_a_hostile_title_is_stored_verbatim(db, seed_graph, text):
    graph = seed_graph.copy()
    graph.nodes[f"doc:{SEED_DOC}"]["title"] = text
    load_graph(graph, db)
    assert _rows(db, "MATCH (d:Document {id: $id}) RETURN d.title AS title", id=f"doc:{SEED_DOC}") == [{"title": text}]
    assert _counts_in(db) == _counts_of(seed_graph)


def test_every_hostile_text_comes_back_verbatim_wherever_it_was(db, hostile_graph):
    load_graph(hostile_graph, db)
    nodes, links = _everything(db)
    for node, attributes in hostile_graph.nodes(data=True):
        for key in ("title", "aliases", "text"):
            if key in attributes:
                assert nodes[node][key] == attributes[key]
    for source, target, attributes in hostile_graph.edges(data=True):
        if "surface" in attributes:
            assert links[(source, attributes["type"], target, attributes["start"])]["surface"] == attributes["surface"]


class TestReplacingADocument:
    """Guangzhou's plan is loaded beside Hangzhou's, then a revised Guangzhou plan replaces it."""

    @pytest.fixture
    def replaced(self, db):
        load_graph(_corpus_graph({"gz2018": GUANGZHOU_2018, "hz2018": HANGZHOU_2018}), db)
        stats = load_graph(_corpus_graph({"gz2018": GUANGZHOU_2018_REVISED}), db, replace_documents=True)
        return db, stats

    def _titles(self, db, doc: str) -> set[str]:
        query = (
            "MATCH (:Document {doc: $doc})-[:HAS_SECTION]->()-[:HAS_ITEM]->(:WorkItem)-->(p:Policy) "
            "RETURN DISTINCT p.title AS title"
        )
        return {r["title"] for r in _rows(db, query, doc=doc)}

    def test_the_database_is_what_both_current_plans_make(self, replaced):
        db, _ = replaced
        both = _corpus_graph({"gz2018": GUANGZHOU_2018_REVISED, "hz2018": HANGZHOU_2018})
        assert _counts_in(db) == _counts_of(both)
        assert set(_everything(db)[0]) == set(both.nodes)
        assert _duplicates(db) == 0

    def test_stale_items_and_links_are_gone(self, replaced):
        db, stats = replaced
        assert self._titles(db, "gz2018") == {"广州市校外培训机构管理办法"}
        items = _rows(db, "MATCH (i:WorkItem {doc: 'gz2018'}) RETURN i.heading AS heading ORDER BY i.order")
        assert [r["heading"] for r in items][-2:] == ["出台《广州市校外培训机构管理办法》", "做好校园安全工作"]
        assert stats.nodes_deleted > 0 and stats.relationships_deleted > 0

    def test_a_policy_another_document_still_cites_stays(self, replaced):
        db, _ = replaced
        assert self._titles(db, "hz2018") == {"中华人民共和国民办教育促进法", "杭州市学前教育条例"}
        citing = _rows(
            db, "MATCH (i:WorkItem)-->(p:Policy {title: '中华人民共和国民办教育促进法'}) RETURN i.doc AS doc"
        )
        assert citing == [{"doc": "hz2018"}]

    def test_policies_no_document_cites_any_more_are_deleted_with_their_issuers(self, replaced):
        db, _ = replaced
        titles = {r["title"] for r in _rows(db, "MATCH (p:Policy) RETURN p.title AS title")}
        assert not {t for t in titles if "考试招生" in t or "民办学校" in t}
        issuers = {r["name"] for r in _rows(db, "MATCH (o:Organization) RETURN o.name AS name")}
        assert not issuers & {"国务院", "广东省人民政府", "广州市人民政府"}

    def test_nothing_shared_is_left_that_nothing_points_at(self, replaced):
        db, _ = replaced
        for label in SHARED_LABELS:
            orphans = _rows(db, f"MATCH (n:{label}) WHERE NOT EXISTS {{ (n)<--() }} RETURN n.id AS id")
            assert orphans == [], label

    def test_replacing_again_changes_nothing(self, replaced):
        db, _ = replaced
        before = _everything(db)
        load_graph(_corpus_graph({"gz2018": GUANGZHOU_2018_REVISED}), db, replace_documents=True)
        assert _everything(db)[1].keys() == before[1].keys()
        assert _everything(db)[0].keys() == before[0].keys()


# --- the cypher-shell script ------------------------------------------------------------------------


def _run_script(db, path) -> None:
    """What cypher-shell does with the script: one statement per line, each ending in `;`."""
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("//"):
            assert line.endswith(";")
            db.execute_query(line[:-1])


def test_the_script_builds_the_same_graph_as_the_loader(db, hostile_graph, tmp_path):
    script = tmp_path / "graph.cypher"
    cypher_script(hostile_graph, script, batch_size=20)
    _run_script(db, script)
    from_script = _everything(db)
    counts = _counts_in(db)
    db.execute_query("MATCH (n) DETACH DELETE n")
    load_graph(hostile_graph, db)
    assert counts == _counts_in(db) == _counts_of(hostile_graph)
    assert from_script == _everything(db)  # every property, hostile texts included, byte for byte


def test_running_the_script_twice_changes_no_count(db, seed_graph, tmp_path):
    script = tmp_path / "graph.cypher"
    cypher_script(seed_graph, script)
    _run_script(db, script)
    _run_script(db, script)
    assert _counts_in(db) == _counts_of(seed_graph)


# --- the cookbook, on the seed, against its gold ----------------------------------------------------


@pytest.fixture
def seed_db(db, seed_graph):
    load_graph(seed_graph, db)
    return db


def _ask(db, name: str, **parameters) -> list[dict]:
    return _rows(db, cookbook()[name][1], **parameters)


def _names(row: dict) -> set[str]:
    return {normalize_title(row["title"]), *map(normalize_title, row["aliases"])}


def _is(row: dict, mention) -> bool:
    return bool(_names(row) & {normalize_title(mention.title), normalize_title(mention.policy)})


def _same_policies(rows: list[dict], gold: list) -> None:
    """Every gold mention is answered by a row, and every row answers a gold mention at its level."""
    assert [m.title for m in gold if not any(_is(r, m) for r in rows)] == []
    assert [r["title"] for r in rows if not any(_is(r, m) and m.level.value == r["level"] for m in gold)] == []


def _gold(seed_gold, kind: Kind, relation: Relation | None = None, level: Level | None = None) -> list:
    return [
        m
        for m in seed_gold
        if m.kind is kind and (relation is None or m.relation is relation) and (level is None or m.level is level)
    ]


@pytest.mark.parametrize("level", list(Level))
def test_policies_a_document_implements_at_each_level(seed_db, seed_gold, level):
    rows = _ask(seed_db, "policies_implemented", doc=SEED_DOC, level=level.value)
    _same_policies(rows, _gold(seed_gold, Kind.DOCUMENT, Relation.IMPLEMENTS, level))


@pytest.mark.parametrize(
    "name, relation", [("policies_to_issue", Relation.ISSUES), ("policies_to_revise", Relation.REVISES)]
)
def test_policies_a_document_will_issue_or_revise(seed_db, seed_gold, name, relation):
    gold = _gold(seed_gold, Kind.DOCUMENT, relation)
    rows = _ask(seed_db, name, doc=SEED_DOC)
    _same_policies(rows, gold)
    for row in rows:
        assert set(row["items"]) == {m.item for m in gold if _is(row, m)}


def test_meetings_a_document_implements(seed_db, seed_gold):
    _same_policies(_ask(seed_db, "meetings_implemented", doc=SEED_DOC), _gold(seed_gold, Kind.MEETING))


def test_the_most_cited_policies_per_level_count_the_gold_mentions(seed_db, seed_gold):
    gold = _gold(seed_gold, Kind.DOCUMENT)
    rows = _ask(seed_db, "most_cited_policies", limit=1000)
    _same_policies(rows, gold)
    for row in rows:
        assert (row["documents"], row["mentions"]) == (1, sum(_is(row, m) for m in gold)), row["title"]
    top = _ask(seed_db, "most_cited_policies", limit=1)
    assert sorted(r["level"] for r in top) == sorted({m.level.value for m in gold})
    for row in top:
        most = Counter(normalize_title(m.policy) for m in gold if m.level.value == row["level"]).most_common(1)[0][1]
        assert row["mentions"] == most


def test_items_without_a_policy_basis_are_the_items_gold_cites_nothing_in(seed_db, seed_gold, seed_graph):
    items = {d["item"] for _, d in seed_graph.nodes(data=True) if d["type"] == NodeType.WORK_ITEM.value}
    with_basis = {m.item for m in seed_gold if m.kind is not Kind.NOT_POLICY}
    rows = _ask(seed_db, "items_without_policy_basis", doc=SEED_DOC)
    assert {r["item"] for r in rows} == items - with_basis
    assert "33" in {r["item"] for r in rows}  # it names only 《佛山教育》杂志, which is no policy


def test_implementation_chains_of_the_seed_are_those_gold_nests(seed_db, seed_gold):
    assert [m for m in seed_gold if m.parent] == []  # the seed names no title inside another
    assert _ask(seed_db, "implementation_chains", doc=SEED_DOC) == []


def test_an_implementation_chain_runs_from_a_city_up_to_the_state_council(db):
    load_graph(_corpus_graph({"gz2018": GUANGZHOU_2018, "hz2018": HANGZHOU_2018}), db)
    for doc in ("gz2018", None):
        rows = _ask(db, "implementation_chains", doc=doc)
        assert [(r["doc"], r["item"], r["levels"]) for r in rows] == [
            ("gz2018", "2", ["municipal", "provincial", "national"])
        ]
        assert rows[0]["titles"][0].startswith("广州市人民政府关于贯彻落实")
        assert rows[0]["titles"][-1] == "国务院关于深化考试招生制度改革的实施意见"


def test_documents_implementing_each_national_policy_of_the_gold(seed_db, seed_gold):
    for mention in _gold(seed_gold, Kind.DOCUMENT, Relation.IMPLEMENTS, Level.NATIONAL):
        rows = _ask(seed_db, "documents_implementing_policy", title=mention.title)
        assert [(r["doc"], r["jurisdiction"]) for r in rows] == [(SEED_DOC, "佛山市")], mention.title
        assert mention.item in rows[0]["items"]


def test_a_national_law_implemented_by_two_cities(db):
    load_graph(_corpus_graph({"gz2018": GUANGZHOU_2018, "hz2018": HANGZHOU_2018}), db)
    rows = _ask(db, "documents_implementing_policy", title="民办教育促进法")
    assert [(r["doc"], r["jurisdiction"], r["level"]) for r in rows] == [
        ("gz2018", "广州市", "national"),
        ("hz2018", "杭州市", "national"),
    ]


def test_issuers_by_level_name_every_gold_issuer_at_its_level(seed_db, seed_gold):
    rows = _ask(seed_db, "issuers_by_level")
    for mention in _gold(seed_gold, Kind.DOCUMENT):
        for issuer in mention.issuers:
            wanted = comparable_organization(issuer)
            assert any(
                r["level"] == mention.level.value and comparable_organization(r["issuer"]).endswith(wanted)
                for r in rows
            ), issuer
    assert all(r["policies"] + r["documents"] > 0 for r in rows)


@pytest.mark.parametrize("with_keywords", [False, True])
def test_topics_of_the_items_citing_a_policy_are_their_keywords(db, seed_graph, seed_gold, with_keywords):
    graph = seed_graph.copy()
    items = {d["item"]: n for n, d in graph.nodes(data=True) if d["type"] == NodeType.WORK_ITEM.value}
    if with_keywords:  # the keyword extractor may give none: make sure the query counts what there is
        for label, node in items.items():
            graph.nodes[node]["keywords"] = ["教育", f"主题{len(label)}"]
    load_graph(graph, db)
    for title in ("民办教育促进法", "十三五"):
        cited_in = {m.item for m in _gold(seed_gold, Kind.DOCUMENT) if title in m.title}
        expected = Counter(k for item in cited_in for k in graph.nodes[items[item]]["keywords"])
        rows = _ask(db, "topics_of_items_citing_policy", title=title)
        assert {r["keyword"]: r["items"] for r in rows} == expected
        assert {i["item"] for r in rows for i in r["in_items"]} == (cited_in if expected else set())
