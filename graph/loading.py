"""The knowledge graph (graph/build.py) into Neo4j: a batched, idempotent loader and a cypher-shell script.

Labels and relationship types come only from ontology.vocabulary, and are checked against it before
they reach a statement; every value from a document travels as a query parameter.  Nodes MERGE on
`id` (the networkx node id, unique per label); relationships MERGE on their two ends and type, and a
WorkItem→Policy mention also on its `start` offset, so loading twice, or again after a crash, gives
the same graph.  The only place values become Cypher text is `cypher_script`, which escapes them.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from graph.graphfile import GraphRecords, graph_records
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


@dataclass
class _Survey:
    """One pass over a graph's records before anything is written: every label and type checked,
    and what the load needs to know about nodes while it streams links."""

    types: dict[str, str]  # node → its `type`, for the labels of a link's two ends
    documents: list[str]
    shared: set[str]  # Policy, Meeting, Organization and Jurisdiction nodes
    nodes: int = 0  # node rows (nodes with a type)
    relationships: int = 0  # relationship rows (links between two nodes with a type)
    skipped: int = 0  # nodes without a `type`, and the links touching them


def _survey(records: GraphRecords) -> _Survey:
    survey = _Survey(types={}, documents=[], shared=set())
    for node, attributes in records.nodes():
        node_type = attributes.get("type")
        if node_type is None:
            survey.skipped += 1
            continue
        label = _label(node_type)
        survey.types[node] = node_type
        survey.nodes += 1
        if label == DOCUMENT:
            survey.documents.append(node)
        elif label in SHARED_LABELS:
            survey.shared.add(node)
    for source, target, attributes in records.links():
        if _link_shape(source, target, attributes, survey.types) is None:
            survey.skipped += 1
        else:
            survey.relationships += 1
    return survey


def _link_shape(source: str, target: str, attributes: dict, types: dict[str, str]) -> tuple[str, bool] | None:
    """The MERGE statement of one link and whether it is a mention (one relationship per `start`
    offset); None if an end has no type; refuses what cannot be loaded."""
    if source not in types or target not in types:
        return None
    link = _relationship_type(attributes["type"])
    source_label, target_label = _label(types[source]), _label(types[target])
    per_mention = link in MENTION_TYPES and source_label == WORK_ITEM
    if per_mention and not isinstance(attributes.get("start"), int):
        raise ValueError(f"mention {source} -{link}-> {target} has no `start` offset to tell it apart")
    return _merge_relationships(link, source_label, target_label, per_mention), per_mention


def _node_rows(records: GraphRecords) -> Iterator[tuple[str, dict]]:
    for node, attributes in records.nodes():
        if attributes.get("type") is not None:
            yield _merge_nodes(_label(attributes["type"])), {"id": node, "props": _node_properties(attributes)}


def _relationship_rows(records: GraphRecords, types: dict[str, str]) -> Iterator[tuple[str, dict]]:
    for source, target, attributes in records.links():
        shape = _link_shape(source, target, attributes, types)
        if shape is None:
            continue
        statement, per_mention = shape
        row = {"source": source, "target": target, "props": _relationship_properties(attributes, per_mention)}
        if per_mention:
            row["start"] = attributes["start"]  # the MERGE key: it sets the property too
        yield statement, row


def _chunks(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _batched(rows: Iterable[tuple[str, dict]], size: int) -> Iterator[Batch]:
    """Rows gathered by statement, a batch sent as soon as `size` rows of one statement are in;
    what is left at the end, by statement.  Memory holds one batch per statement, not the graph."""
    pending: dict[str, list[dict]] = {}
    for statement, row in rows:
        batch = pending.setdefault(statement, [])
        batch.append(row)
        if len(batch) == size:
            yield Batch(statement, pending.pop(statement))
    for statement in sorted(pending):
        yield Batch(statement, pending[statement])


def _check_batch_size(batch_size: int) -> None:
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")


def batches(graph: nx.MultiDiGraph | GraphRecords, batch_size: int) -> tuple[list[Batch], list[Batch]]:
    """The node batches and the relationship batches, in a deterministic order (all in memory:
    `load_graph` and `cypher_script` stream them instead)."""
    _check_batch_size(batch_size)
    records = graph_records(graph)
    survey = _survey(records)
    return (
        list(_batched(_node_rows(records), batch_size)),
        list(_batched(_relationship_rows(records, survey.types), batch_size)),
    )


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


def _sweep_orphans(keep: list[str], write: _Writer) -> None:
    """Delete shared nodes nothing points at any more, until none is left (a policy may free another);
    `keep`: the graph's own shared nodes that nothing in it points at, which stay as loaded."""
    deleted = True
    while deleted:
        deleted = sum(write(_delete_orphans(label), keep=keep).nodes_deleted for label in SHARED_LABELS) > 0


def load_graph(
    graph: nx.MultiDiGraph | GraphRecords,
    driver,
    *,
    database: str | None = None,
    batch_size: int = 5000,
    replace_documents: bool = False,
    progress: Progress | None = None,
) -> LoadStats:
    """MERGE the graph into Neo4j in transactions of `batch_size` rows; safe to run again.

    The graph is a networkx graph or the records of one (graph.graphfile.read_graph_records, for a
    graph.json of any size): rows stream to the server a batch at a time.  Every label and type is
    checked before anything is written.
    With `replace_documents`, each Document of the graph first loses its Sections, WorkItems and
    links in the database, and afterwards Policies, Meetings, Organizations and Jurisdictions that
    nothing points at any more, anywhere in the database, are deleted (what another document still
    cites stays; a stale policy's own ISSUED_BY and IN links do not keep it).
    `progress(done, total)` is called after every batch, counting rows."""
    _check_batch_size(batch_size)
    started = time.perf_counter()
    records = graph_records(graph)
    survey = _survey(records)
    stats = LoadStats(skipped=survey.skipped)
    write = _Writer(driver, database, stats)
    for statement in constraint_statements():
        write(statement)
    if replace_documents:
        for documents in _chunks(survey.documents, 100):
            write(_DELETE_DOCUMENT_CONTENTS, documents=documents)
    total = survey.nodes + survey.relationships
    done = 0

    def send(batch: Batch) -> int:
        nonlocal done
        write(batch.statement, rows=batch.rows)
        done += len(batch.rows)
        if progress:
            progress(done, total)
        return len(batch.rows)

    pointed_at: set[str] = set()

    def noting_targets(rows: Iterator[tuple[str, dict]]) -> Iterator[tuple[str, dict]]:
        for statement, row in rows:
            pointed_at.add(row["target"])
            yield statement, row

    # nodes first: a relationship batch MATCHes both of its ends
    stats.nodes += sum(map(send, _batched(_node_rows(records), batch_size)))
    relationships_started = time.perf_counter()
    relationship_rows = noting_targets(_relationship_rows(records, survey.types))
    stats.relationships += sum(map(send, _batched(relationship_rows, batch_size)))
    stats.relationship_seconds = time.perf_counter() - relationships_started
    if replace_documents:
        _sweep_orphans(sorted(survey.shared - pointed_at), write)
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


def cypher_script(
    graph: nx.MultiDiGraph | GraphRecords, out: str | os.PathLike | TextIO, *, batch_size: int = 500
) -> tuple[int, int]:
    """A `.cypher` script for `cypher-shell -f`: the constraints, then the same MERGE statements as
    `load_graph` with the rows written as literals.  One statement per line, each ending in `;`.
    Written a batch at a time; a path is written whole or not at all.  Returns the node and
    relationship rows written."""
    _check_batch_size(batch_size)
    records = graph_records(graph)
    survey = _survey(records)
    if not hasattr(out, "write"):
        path = Path(out)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=path.parent, delete=False) as f:
            try:
                written = cypher_script(records, f, batch_size=batch_size)
            except BaseException:
                f.close()
                os.unlink(f.name)
                raise
        os.replace(f.name, path)
        return written
    out.write("// policykg knowledge graph; run with: cypher-shell -f THIS_FILE (idempotent: every write is a MERGE)\n")
    out.writelines(statement + ";\n" for statement in constraint_statements())
    for batch in itertools.chain(  # every node before any relationship, which MATCHes its two ends
        _batched(_node_rows(records), batch_size), _batched(_relationship_rows(records, survey.types), batch_size)
    ):
        out.write(batch.statement.replace("$rows", cypher_literal(batch.rows), 1) + ";\n")
    return survey.nodes, survey.relationships


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
