"""Benchmark: the batched Neo4j loader against one row per transaction (a benchmark, not a test).

Builds a large synthetic graph in the schema of graph/build.py (documents, sections, work items,
policies, meetings, organizations, jurisdictions; mentions with their evidence) from a seeded RNG,
loads it with `load_graph` in batches, then times the same MERGE statements one row per
transaction on a random sample of relationships and extrapolates that rate (a whole one-row load
would take about an hour).  Both rates are relationships/s of the relationship phase, with the end
nodes already in place; the whole-load rate is printed beside.  Each is measured `--runs` times
and the best counts, because other processes on a shared machine slow single runs down; every run
is printed, with the load average and whether the driver packs Bolt messages in Rust or Python.
Requirement: batched ≥ 20× one-row and ≥ 10,000 relationships/s.

    tests/neo4j_server/with_neo4j.sh .venv/bin/python bench/neo4j_load.py
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

import networkx as nx

from graph.build import document_node, item_node, jurisdiction_node, organization_node, section_node
from graph.loading import batches, load_graph
from ontology.vocabulary import LevelSource, LinkType, NodeType, Relation, Tier

TRIGGERS = {Relation.IMPLEMENTS: "贯彻落实", Relation.ISSUES: "制定出台", Relation.REVISES: "修订", Relation.CITES: ""}
_TEXT = "教育改革发展学校质量体系建设推进加强完善深化落实管理服务保障创新监督评价规划实施"
WORDS = [_TEXT[i : i + 2] for i in range(0, len(_TEXT), 2)]  # two-character words for synthetic text
RELATION_WEIGHTS = {Relation.IMPLEMENTS: 60, Relation.CITES: 20, Relation.ISSUES: 15, Relation.REVISES: 5}
MIN_RELATIONSHIPS, MIN_RATE, MIN_RATIO = 200_000, 10_000, 20


def _phrase(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(words))


def _jurisdictions(graph: nx.MultiDiGraph, provinces: int, cities_per_province: int) -> list[str]:
    """中国 ⊃ provinces ⊃ cities; returns the city nodes."""
    china = jurisdiction_node("000000")
    graph.add_node(china, type=NodeType.JURISDICTION.value, label="中国", code="000000", name="中国", level="national")
    cities = []
    for p in range(provinces):
        code = f"{11 + p:02d}0000"
        province = jurisdiction_node(code)
        graph.add_node(
            province, type=NodeType.JURISDICTION.value, label=f"省{p}", code=code, name=f"省{p}", level="provincial"
        )
        graph.add_edge(province, china, key=LinkType.IN.value, type=LinkType.IN.value)
        for c in range(cities_per_province):
            city_code = f"{11 + p:02d}{c + 1:02d}00"
            city = jurisdiction_node(city_code)
            name = f"省{p}市{c}"
            graph.add_node(
                city, type=NodeType.JURISDICTION.value, label=name, code=city_code, name=name, level="municipal"
            )
            graph.add_edge(city, province, key=LinkType.IN.value, type=LinkType.IN.value)
            cities.append(city)
    return cities


def _organizations(graph: nx.MultiDiGraph, rng: random.Random, places: list[str], count: int) -> list[str]:
    organizations = []
    for n in range(count):
        name = f"机关{n}{_phrase(rng, 2)}"
        node = organization_node(name)
        where = rng.choice(places)
        level = graph.nodes[where]["level"]
        graph.add_node(node, type=NodeType.ORGANIZATION.value, label=name, name=name, level=level, jurisdiction=where)
        graph.add_edge(node, where, key=LinkType.IN.value, type=LinkType.IN.value)
        organizations.append(node)
    return organizations


def _policies(graph: nx.MultiDiGraph, rng: random.Random, places, organizations, count: int) -> list[str]:
    policies = []
    for n in range(count):
        meeting = n % 25 == 0
        node = f"{'meeting' if meeting else 'policy'}:{n:016x}"
        title = (
            f"关于{_phrase(rng, 4)}的{'会议' if meeting else rng.choice(['意见', '办法', '方案', '规划', '条例'])}{n}"
        )
        where = rng.choice(places)
        issuers = rng.sample(organizations, rng.choice([0, 1, 1, 2]))
        graph.add_node(
            node,
            type=(NodeType.MEETING if meeting else NodeType.POLICY).value,
            label=title,
            id=f"{n:016x}",
            key=title,
            title=title,
            aliases=[title[2:]] if rng.random() < 0.3 else [],
            issuers=[graph.nodes[o]["name"] for o in issuers],
            level=graph.nodes[where]["level"],
            level_source=rng.choice(list(LevelSource)).value,
            doc_kind=title[-3:-1],
            years=[2016 + rng.randrange(5)],
            doc_number="",
            jurisdiction=where,
            cited=0,
        )
        for issuer in issuers:
            graph.add_edge(node, issuer, key=LinkType.ISSUED_BY.value, type=LinkType.ISSUED_BY.value)
        graph.add_edge(node, where, key=LinkType.IN.value, type=LinkType.IN.value)
        if policies and not meeting and rng.random() < 0.1:  # a title naming an older policy
            inner = rng.choice(policies)
            if inner.startswith("policy:"):
                graph.add_edge(node, inner, key=LinkType.IMPLEMENTS.value, type=LinkType.IMPLEMENTS.value)
        policies.append(node)
    return policies


def _popular(rng: random.Random, policies: list[str]) -> str:
    """A skewed choice: a few policies (national laws) are cited far more often than the rest."""
    return policies[int(len(policies) * rng.random() ** 3)]


def _relation(rng: random.Random) -> Relation:
    return rng.choices(list(RELATION_WEIGHTS), weights=list(RELATION_WEIGHTS.values()))[0]


def _document(graph, rng, doc: str, city: str, issuer: str, policies: list[str], items: int, mentions: float) -> None:
    node = document_node(doc)
    title = f"{graph.nodes[city]['name']}教育局2018年工作要点"
    graph.add_node(
        node,
        type=NodeType.DOCUMENT.value,
        label=title,
        doc=doc,
        title=title,
        issuer=graph.nodes[issuer]["name"],
        jurisdiction=city,
        level="municipal",
        year=2018,
        date="2018-01-05",
        source=f"synthetic/{doc}.txt",
    )
    graph.add_edge(node, city, key=LinkType.IN.value, type=LinkType.IN.value)
    graph.add_edge(node, issuer, key=LinkType.ISSUED_BY.value, type=LinkType.ISSUED_BY.value)
    sections = [section_node(doc, s) for s in range(7)]
    for order, section in enumerate(sections):
        graph.add_node(section, type=NodeType.SECTION.value, label=f"{order}、{_phrase(rng, 3)}", doc=doc, order=order)
        graph.add_edge(node, section, key=LinkType.HAS_SECTION.value, type=LinkType.HAS_SECTION.value)
    offset = 0
    for order in range(items):
        item = item_node(doc, order)
        text = "。".join(_phrase(rng, 8) for _ in range(6))
        graph.add_node(
            item,
            type=NodeType.WORK_ITEM.value,
            label=f"{order} {text[:16]}",
            doc=doc,
            item=str(order),
            order=order,
            heading=text[:16],
            text=text,
            keywords=rng.sample(WORDS, 3),
        )
        graph.add_edge(
            sections[order * len(sections) // items], item, key=LinkType.HAS_ITEM.value, type=LinkType.HAS_ITEM.value
        )
        # dict, not set: its order does not change with the string hash seed, so neither does the graph
        for target in dict.fromkeys(_popular(rng, policies) for _ in range(rng.randint(0, int(2 * mentions)))):
            relation = Relation.IMPLEMENTS if target.startswith("meeting:") else _relation(rng)
            offset += rng.randint(5, 60)
            surface = f"《{graph.nodes[target]['title']}》"
            graph.add_edge(
                item,
                target,
                key=f"{relation.neo4j_type}:{offset}",
                type=relation.neo4j_type,
                doc=doc,
                surface=surface,
                title=graph.nodes[target]["title"],
                sentence=f"{TRIGGERS[relation]}{surface}，{_phrase(rng, 6)}。",
                start=offset,
                end=offset + len(surface),
                trigger=TRIGGERS[relation],
                tier=Tier.A.value,
                level_source=LevelSource.CUE.value,
            )
        offset += len(text)


def synthetic_graph(documents: int, seed: int, items: int = 60, mentions: float = 7.0) -> nx.MultiDiGraph:
    """A corpus-sized graph in the schema of graph/build.py, the same for the same arguments."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    cities = _jurisdictions(graph, provinces=31, cities_per_province=10)
    places = [n for n, t in graph.nodes(data="type") if t == NodeType.JURISDICTION.value]
    organizations = _organizations(graph, rng, places, count=2000)
    policies = _policies(graph, rng, places, organizations, count=20_000)
    rng.shuffle(policies)  # the popular ones are spread over levels and kinds
    for n in range(documents):
        _document(
            graph, rng, f"synthetic_{n:05d}", rng.choice(cities), rng.choice(organizations), policies, items, mentions
        )
    return graph


def _clear(driver) -> None:
    # relationships first, in many small transactions: a policy cited thousands of times, deleted
    # with all its relationships in one, would overrun the server's transaction memory
    with driver.session() as session:
        session.run("MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _one_row_rate(driver, graph: nx.MultiDiGraph, sample: int, seed: int) -> tuple[int, float]:
    """Relationships/s merging one relationship per transaction, timed on a random sample."""
    edges = random.Random(seed).sample(list(graph.edges(keys=True)), sample)
    sampled = nx.MultiDiGraph()
    sampled.add_nodes_from((n, graph.nodes[n]) for u, v, _ in edges for n in (u, v))
    load_graph(sampled, driver)  # the ends exist first, loaded in batches: only relationships are timed
    sampled.add_edges_from((u, v, k, graph.edges[u, v, k]) for u, v, k in edges)
    _, relationship_batches = batches(sampled, 1)
    started = time.perf_counter()
    for batch in relationship_batches:
        driver.execute_query(batch.statement, parameters_={"rows": batch.rows})
    return len(relationship_batches), time.perf_counter() - started


def _machine() -> str:
    """What else the numbers depend on: a busy machine or the pure-Python Bolt codec halve them."""
    from neo4j._codec.packstream.v1 import _rust_pack

    codec = "Rust (neo4j-rust-ext)" if _rust_pack else "pure Python (neo4j-rust-ext not installed)"
    return f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; Bolt packing: {codec}"


def _rates(rates: list[float]) -> str:
    return (
        ", ".join(f"{rate:,.0f}" for rate in rates)
        + f" (best {max(rates):,.0f}, median {statistics.median(rates):,.0f})"
    )


def main() -> int:
    import neo4j

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--sample", type=int, default=2000, help="relationships timed one per transaction, per run")
    parser.add_argument("--runs", type=int, default=3, help="each measured this often; the best counts")
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()

    graph = synthetic_graph(args.documents, args.seed)
    relationships = graph.number_of_edges()
    print(
        f"synthetic graph (seed {args.seed}): {args.documents} documents, {graph.number_of_nodes():,} nodes, "
        f"{relationships:,} relationships"
    )
    print(f"machine: {_machine()}")
    batched, whole, one_row = [], [], []
    auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    with neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth, notifications_min_severity="OFF") as driver:
        for run in range(args.runs):
            _clear(driver)
            stats = load_graph(graph, driver, batch_size=args.batch_size)
            batched.append(stats.relationship_rate)
            whole.append(relationships / stats.seconds)
            print(
                f"  run {run + 1} batched: {stats.relationships:,} relationships in {stats.relationship_seconds:.1f} s "
                f"(whole load with constraints and {stats.nodes:,} nodes: {stats.seconds:.1f} s)"
            )
            _clear(driver)
            sampled, seconds = _one_row_rate(driver, graph, args.sample, args.seed + run)
            one_row.append(sampled / seconds)
            print(f"  run {run + 1} one row per transaction: {sampled:,} sampled relationships in {seconds:.1f} s")
        _clear(driver)
    print(f"batched, {args.batch_size:,} rows per transaction, relationships/s: {_rates(batched)}")
    print(f"  the same over the whole load (constraints and nodes included): {_rates(whole)}")
    print(
        f"one row per transaction, relationships/s (timed on random samples of {args.sample:,} relationships, "
        f"extrapolated; a whole one-row load would take ~{relationships / max(one_row) / 60:,.0f} min): "
        f"{_rates(one_row)}"
    )
    ratio = max(batched) / max(one_row)
    print(f"ratio batched / one-row, best to best: {ratio:,.0f}×")
    print(f"machine at the end: {_machine()}")
    ok = relationships >= MIN_RELATIONSHIPS and max(batched) >= MIN_RATE and ratio >= MIN_RATIO
    print(f"requirement (≥ {MIN_RATIO}× and ≥ {MIN_RATE:,} relationships/s): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
