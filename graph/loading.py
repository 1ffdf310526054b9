"""The knowledge graph (graph/build.py) into Neo4j: a batched, idempotent loader and a cypher-shell script.

Labels and relationship types come only from ontology.vocabulary, and are checked against it before
they reach a statement; every value from a document travels as a query parameter.  Nodes MERGE on
`id` (the networkx node id, unique per label); relationships MERGE on their two ends and type, and a
WorkItem→Policy mention also on its `start` offset, so loading twice, or again after a crash, gives
the same graph.  The only place values become Cypher text is `cypher_script`, which escapes them.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from ontology.vocabulary import LinkType, NodeType, Relation

LABELS = {node_type.value: node_type.label for node_type in NodeType}  # a node's `type` → its Neo4j label
RELATIONSHIP_TYPES = frozenset({r.neo4j_type for r in Relation} | {link.neo4j_type for link in LinkType})
MENTION_TYPES = frozenset(r.neo4j_type for r in Relation)  # WorkItem→Policy links, one per mention
# A mention's evidence (DESIGN.md, "Links"); its `title` is the surface without brackets and issuer
# and stays out: every long string is a store record, and the load is mostly mentions.
EVIDENCE = ("doc", "surface", "sentence", "start", "end", "trigger", "tier", "level_source")
# What a replaced document takes with it, and what may be left behind with nothing pointing at it.
DOCUMENT, SECTION, WORK_ITEM = NodeType.DOCUMENT.label, NodeType.SECTION.label, NodeType.WORK_ITEM.label
SHARED_LABELS = tuple(
    t.label for t in (NodeType.POLICY, NodeType.MEETING, NodeType.ORGANIZATION, NodeType.JURISDICTION)
)
QUERIES = Path(__file__).parent / "queries"

Progress = Callable[[int, int], None]


@dataclass
class LoadStats:
    """What one load did: rows merged, what Neo4j says it created and deleted, and how long it took."""

    nodes: int = 0  # node rows merged
    relationships: int = 0  # relationship rows merged
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    skipped: int = 0  # graph nodes without a `type`, and the edges touching them
    seconds: float = 0.0
    relationship_seconds: float = 0.0  # the part of `seconds` spent merging relationships

    @property
    def rate(self) -> float:
        """Rows (nodes and relationships) merged per second, over the whole load."""
        return (self.nodes + self.relationships) / self.seconds if self.seconds else 0.0

    @property
    def relationship_rate(self) -> float:
        return self.relationships / self.relationship_seconds if self.relationship_seconds else 0.0


@dataclass(frozen=True)
class Batch:
    """One statement over `$rows`, and the rows of one transaction."""

    statement: str
    rows: list[dict]


# --- the names that go into Cypher text: only the vocabulary's, checked ---------------------------


def _label(node_type: str) -> str:
    if node_type not in LABELS:
        raise ValueError(f"node type {node_type!r} is not in the domain model (ontology.vocabulary.NodeType)")
    return LABELS[node_type]


def _relationship_type(link: str) -> str:
    if link not in RELATIONSHIP_TYPES:
        raise ValueError(f"relationship type {link!r} is not in the domain model (Relation, LinkType)")
    return link


def constraint_statements() -> list[str]:
    """A uniqueness constraint on `id` per label: MERGE needs its index to be fast and safe."""
    return [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.id IS UNIQUE"
        for label in LABELS.values()
    ]


def _merge_nodes(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:`{label}` {{id: row.id}}) SET n += row.props"


def _merge_relationships(link: str, source: str, target: str, per_mention: bool) -> str:
    key = " {start: row.start}" if per_mention else ""
    return (
        f"UNWIND $rows AS row MATCH (a:`{source}` {{id: row.source}}) MATCH (b:`{target}` {{id: row.target}}) "
        f"MERGE (a)-[r:`{link}`{key}]->(b) SET r += row.props"
    )


# --- graph → rows ----------------------------------------------------------------------------------


def _property(value: Any) -> Any:
    """A value Neo4j can store: primitives and flat lists; maps become JSON text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "value") and isinstance(value.value, str):  # a vocabulary member
        return value.value
    if isinstance(value, list | tuple | set | frozenset):
        items = [_property(v) for v in (sorted(value, key=str) if isinstance(value, set | frozenset) else value)]
        # a Neo4j list holds values of one primitive type: anything else is kept as JSON text, not refused
        if len({type(v) for v in items}) <= 1 and all(type(v) in (str, int, float) for v in items):
            return items
        return [json.dumps(v, ensure_ascii=False) for v in items]
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _node_properties(attributes: dict) -> dict:
    # `type` is the label already, and `id` is the networkx node id (a Policy's own is `policy_id`)
    return {key: _property(value) for key, value in attributes.items() if key not in ("type", "id")}


def _relationship_properties(attributes: dict, per_mention: bool) -> dict:
    if per_mention:
        return {key: _property(attributes[key]) for key in EVIDENCE if key in attributes and key != "start"}
    return {key: _property(value) for key, value in attributes.items() if key != "type"}


def _node_groups(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for node, attributes in graph.nodes(data=True):
        if "type" in attributes:
            label = _label(attributes["type"])
            groups[_merge_nodes(label)].append({"id": node, "props": _node_properties(attributes)})
    return groups


def _relationship_groups(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    types = graph.nodes(data="type")
    for source, target, attributes in graph.edges(data=True):
        if types[source] is None or types[target] is None:
            continue
        link, source_label, target_label = (
            _relationship_type(attributes["type"]),
            _label(types[source]),
            _label(types[target]),
        )
        per_mention = link in MENTION_TYPES and source_label == WORK_ITEM
        row = {"source": source, "target": target, "props": _relationship_properties(attributes, per_mention)}
        if per_mention:
            if not isinstance(attributes.get("start"), int):
                raise ValueError(f"mention {source} -{link}-> {target} has no `start` offset to tell it apart")
            row["start"] = attributes["start"]  # the MERGE key: it sets the property too
        groups[_merge_relationships(link, source_label, target_label, per_mention)].append(row)
    return groups


def _skipped(graph: nx.MultiDiGraph) -> int:
    untyped = {node for node, node_type in graph.nodes(data="type") if node_type is None}
    return len(untyped) + sum(1 for u, v in graph.edges() if u in untyped or v in untyped)


def _chunks(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def batches(graph: nx.MultiDiGraph, batch_size: int) -> tuple[list[Batch], list[Batch]]:
    """The node batches and the relationship batches, in a deterministic order."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")

    def split(groups: dict[str, list[dict]]) -> list[Batch]:
        return [Batch(s, chunk) for s in sorted(groups) for chunk in _chunks(groups[s], batch_size)]

    return split(_node_groups(graph)), split(_relationship_groups(graph))


# --- loading ---------------------------------------------------------------------------------------

_DELETE_DOCUMENT_CONTENTS = (
    f"UNWIND $documents AS document MATCH (d:`{DOCUMENT}` {{id: document}}) "
    f"OPTIONAL MATCH (d)-[:`{LinkType.HAS_SECTION.neo4j_type}`]->(s:`{SECTION}`) "
    f"OPTIONAL MATCH (s)-[:`{LinkType.HAS_ITEM.neo4j_type}`]->(i:`{WORK_ITEM}`) "
    "WITH d, collect(DISTINCT i) + collect(DISTINCT s) AS parts "
    "FOREACH (part IN parts | DETACH DELETE part) "
    "WITH d MATCH (d)-[r]-() DELETE r"
)


def _delete_orphans(label: str) -> str:
    # "Nothing points at it": a stale policy's own ISSUED_BY and IN links must not keep it alive
    return f"MATCH (n:`{label}`) WHERE NOT EXISTS {{ (n)<--() }} AND NOT n.id IN $keep DETACH DELETE n"


class _Writer:
    """Runs one statement per transaction (execute_query retries transient errors) and counts."""

    def __init__(self, driver, database: str | None, stats: LoadStats):
        self.driver, self.database, self.stats = driver, database, stats

    def __call__(self, statement: str, **parameters):
        summary = self.driver.execute_query(statement, parameters_=parameters, database_=self.database).summary
        counters = summary.counters
        self.stats.nodes_created += counters.nodes_created
        self.stats.relationships_created += counters.relationships_created
        self.stats.nodes_deleted += counters.nodes_deleted
        self.stats.relationships_deleted += counters.relationships_deleted
        return counters


def _document_ids(graph: nx.MultiDiGraph) -> list[str]:
    return [node for node, node_type in graph.nodes(data="type") if node_type == NodeType.DOCUMENT.value]


def _sweep_orphans(graph: nx.MultiDiGraph, write: _Writer) -> None:
    """Delete shared nodes nothing points at any more, until none is left (a policy may free another)."""
    keep = [  # nodes this graph itself has with nothing pointing at them stay as loaded
        node
        for node, node_type in graph.nodes(data="type")
        if node_type in LABELS and LABELS[node_type] in SHARED_LABELS and graph.in_degree(node) == 0
    ]
    deleted = True
    while deleted:
        deleted = sum(write(_delete_orphans(label), keep=keep).nodes_deleted for label in SHARED_LABELS) > 0


def load_graph(
    graph: nx.MultiDiGraph,
    driver,
    *,
    database: str | None = None,
    batch_size: int = 5000,
    replace_documents: bool = False,
    progress: Progress | None = None,
) -> LoadStats:
    """MERGE the graph into Neo4j in transactions of `batch_size` rows; safe to run again.

    With `replace_documents`, each Document of the graph first loses its Sections, WorkItems and
    links in the database, and afterwards Policies, Meetings, Organizations and Jurisdictions that
    nothing points at any more, anywhere in the database, are deleted (what another document still
    cites stays; a stale policy's own ISSUED_BY and IN links do not keep it).
    `progress(done, total)` is called after every batch, counting rows."""
    started = time.perf_counter()
    stats = LoadStats(skipped=_skipped(graph))
    write = _Writer(driver, database, stats)
    node_batches, relationship_batches = batches(graph, batch_size)
    for statement in constraint_statements():
        write(statement)
    if replace_documents:
        for documents in _chunks(_document_ids(graph), 100):
            write(_DELETE_DOCUMENT_CONTENTS, documents=documents)
    total = sum(len(b.rows) for b in node_batches + relationship_batches)
    done = 0

    def send(batch: Batch) -> int:
        nonlocal done
        write(batch.statement, rows=batch.rows)
        done += len(batch.rows)
        if progress:
            progress(done, total)
        return len(batch.rows)

    # nodes first: a relationship batch MATCHes both of its ends
    stats.nodes += sum(map(send, node_batches))
    relationships_started = time.perf_counter()
    stats.relationships += sum(map(send, relationship_batches))
    stats.relationship_seconds = time.perf_counter() - relationships_started
    if replace_documents:
        _sweep_orphans(graph, write)
    stats.seconds = time.perf_counter() - started
    return stats


# --- a script for cypher-shell ---------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable():
        return char
    # controls, format characters, separators, unassigned: written as code points so that nothing
    # invisible (or a line break that would end the statement early) is in the script; beyond the
    # BMP as a UTF-16 surrogate pair, because Neo4j 5 reads \uXXXX but not \UXXXXXXXX
    units = char.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in range(0, len(units), 2))


def cypher_string(text: str) -> str:
    """A Cypher string literal that reads back as exactly `text`."""
    return '"' + "".join(map(_escape, text)) + '"'


def _key(name: str) -> str:
    return name if _PLAIN_KEY.fullmatch(name) else "`" + name.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a row value: strings, numbers, booleans, null, lists and maps."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(cypher_literal, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(str(k))}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def cypher_script(graph: nx.MultiDiGraph, out: str | os.PathLike | TextIO, *, batch_size: int = 500) -> None:
    """A `.cypher` script for `cypher-shell -f`: the constraints, then the same MERGE statements as
    `load_graph` with the rows written as literals.  One statement per line, each ending in `;`."""
    node_batches, relationship_batches = batches(graph, batch_size)
    lines = [
        "// policykg knowledge graph; run with: cypher-shell -f THIS_FILE (idempotent: every write is a MERGE)",
        *(statement + ";" for statement in constraint_statements()),
        *(
            batch.statement.replace("$rows", cypher_literal(batch.rows), 1) + ";"
            for batch in node_batches + relationship_batches
        ),
    ]
    text = "\n".join(lines) + "\n"
    if hasattr(out, "write"):
        out.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8", newline="\n")


# --- the cookbook ----------------------------------------------------------------------------------


def cookbook() -> dict[str, tuple[str, str]]:
    """graph/queries/*.cypher by name (the file stem): (what it answers and its parameters, the query)."""
    recipes = {}
    for path in sorted(QUERIES.glob("*.cypher")):
        lines = path.read_text(encoding="utf-8").splitlines()
        # the comment is the file's opening block of `//` lines; the query is everything after it
        head = next((n for n, line in enumerate(lines) if not line.startswith("//")), len(lines))
        comment = "\n".join(line.removeprefix("//").strip() for line in lines[:head])
        recipes[path.stem] = (comment, "\n".join(lines[head:]).strip())
    return recipes
