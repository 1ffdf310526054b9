"""graph.json: the networkx graph as node-link JSON, written part by part and read back whole or record by record.

`build` writes it with NodeLinkStream, one node or link object to a line, nodes first.  `stats` and
`map` read it whole (load_graph_file); `load` and `export` read it as GraphRecords, one line at a
time, so a graph of any size loads without being held in memory.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.build import EXTERNAL

_HEADER = '{"directed": true, "graph": {}, "multigraph": true, "nodes": ['
_BETWEEN = '], "links": ['
_FOOTER = "]}"


def node_link_lines(graph: nx.MultiDiGraph) -> tuple[list[str], list[str]]:
    """A part's own nodes and all its links as node-link JSON objects, each sorted."""
    external = graph.graph.get(EXTERNAL, ())
    nodes = [
        json.dumps({"id": node, **graph.nodes[node]}, ensure_ascii=False, sort_keys=True)
        for node in sorted(n for n in graph.nodes if n not in external)
    ]
    links = [
        json.dumps({"source": source, "target": target, "key": key, **attrs}, ensure_ascii=False, sort_keys=True)
        for source, target, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
    ]
    return nodes, links


class NodeLinkStream:
    """graph.json written part by part: networkx's node-link JSON, each part's nodes and links
    sorted, one to a line (links wait in a temporary file until every node is written)."""

    def __init__(self, path: Path):
        self._out = path.open("w", encoding="utf-8", newline="\n")
        self._links = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed in close())
        self._out.write(_HEADER)
        self._nodes_written = self._links_written = 0

    def part(self, graph: nx.MultiDiGraph) -> None:
        self.written(*node_link_lines(graph))

    def written(self, nodes: list[str], links: list[str]) -> None:
        """A part's lines from node_link_lines (a worker's)."""
        for node in nodes:
            self._out.write(",\n" if self._nodes_written else "\n")
            self._out.write(node)
            self._nodes_written += 1
        for link in links:
            self._links.write(",\n" if self._links_written else "\n")
            self._links.write(link)
            self._links_written += 1

    def close(self) -> None:
        self._out.write(f"\n{_BETWEEN}")
        self._links.seek(0)
        shutil.copyfileobj(self._links, self._out)
        self._out.write(f"\n{_FOOTER}\n")
        self._out.close()
        self._links.close()

    def __enter__(self) -> NodeLinkStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _graph_json(path: str | Path) -> Path:
    path = Path(path)
    return path / "graph.json" if path.is_dir() else path


def load_graph_file(path: str | Path) -> nx.MultiDiGraph:
    """A graph written by `build` (out/graph.json), or the graph.json inside an output directory."""
    data = json.loads(_graph_json(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


# ---------------------------------------------------------------------------- records


@dataclass(frozen=True)
class GraphRecords:
    """A graph as its nodes (id, attributes) and links (source, target, attributes), each stream
    readable again from the start: what a loader needs, without the graph in memory."""

    nodes: Callable[[], Iterator[tuple[str, dict]]]
    links: Callable[[], Iterator[tuple[str, str, dict]]]


def graph_records(graph: nx.MultiDiGraph | GraphRecords) -> GraphRecords:
    """The records of a graph in memory (records given are returned as they are)."""
    if isinstance(graph, GraphRecords):
        return graph
    return GraphRecords(nodes=lambda: iter(graph.nodes(data=True)), links=lambda: iter(graph.edges(data=True)))


def read_graph_records(path: str | Path) -> GraphRecords:
    """The records of a graph.json (or of the one in an output directory), parsed a line at a time.

    A file `build` wrote has one object to a line; any other node-link JSON is read whole, once per
    pass.  Raises OSError or ValueError for a file that is not node-link JSON."""
    path = _graph_json(path)
    with path.open(encoding="utf-8") as lines:
        streamed = lines.readline().rstrip("\n") == _HEADER
    if not streamed:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not {"nodes", "links"} <= data.keys():
            raise ValueError("no `nodes` and `links` in it")

    def objects(section: str) -> Iterator[dict]:
        if not streamed:
            yield from (dict(o) for o in json.loads(path.read_text(encoding="utf-8"))[section])
            return
        current = "nodes"
        with path.open(encoding="utf-8") as lines:
            next(lines)
            for number, line in enumerate(lines, 2):
                line = line.rstrip("\n")
                if line == _BETWEEN:
                    if section == "nodes":
                        return
                    current = "links"
                elif line == _FOOTER:
                    return
                elif current == section and line:
                    try:
                        yield json.loads(line.removesuffix(","))
                    except json.JSONDecodeError as error:
                        raise ValueError(f"line {number}: {error}") from None
        raise ValueError("it ends before its closing `]}`: was the build interrupted?")

    def nodes() -> Iterator[tuple[str, dict]]:
        for node in objects("nodes"):
            yield node.pop("id"), node

    def links() -> Iterator[tuple[str, str, dict]]:
        for link in objects("links"):
            link.pop("key", None)
            yield link.pop("source"), link.pop("target"), link

    return GraphRecords(nodes=nodes, links=links)


def read_graph_outline(path: str | Path, node_fields: Iterable[str], link_fields: Iterable[str]) -> nx.MultiDiGraph:
    """A graph.json as a graph that keeps only the attributes named: what `stats` counts, without
    the texts of every plan and item in memory."""
    node_fields, link_fields = frozenset(node_fields), frozenset(link_fields)
    records = read_graph_records(path)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node, {k: v for k, v in a.items() if k in node_fields}) for node, a in records.nodes())
    graph.add_edges_from(
        (source, target, {k: v for k, v in a.items() if k in link_fields}) for source, target, a in records.links()
    )
    return graph
