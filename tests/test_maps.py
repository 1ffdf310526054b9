"""The HTML maps without a browser: offline (nothing fetched from the network), escaped,
deterministic, linked, and drawn from the vocabulary's colours.  tests/test_maps_browser.py runs
them in Chromium."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import networkx as nx
import pytest

from graph.build import document_node, policy_node
from ontology.vocabulary import Level, NodeType
from visualizations.maps import (
    write_corpus_map,
    write_document_map,
    write_maps,
    write_policy_map,
    write_reading_view,
)

MALICIOUS = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "<!--<script>alert(3)//"]

DATA = re.compile(r'<script type="application/json" id="policykg-data">(.*?)</script>', re.S)


def seed_texts_and_spans(corpus) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """What the lead's build passes to write_maps: each document's text and its mention spans."""
    texts = {document_node(d.doc): d.text for d in corpus.documents}
    spans: dict[str, list[dict]] = {node: [] for node in texts}
    for mention in corpus.mentions:
        if mention.policy_id:
            spans[document_node(mention.doc)].append(
                {
                    "start": mention.start,
                    "end": mention.end,
                    "policy_node": policy_node(mention),
                    "level": mention.level.value,
                    "relation": mention.relation.value,
                    "title": mention.title,
                }
            )
    return texts, spans


def page_data(html: str) -> dict:
    return json.loads(DATA.search(html).group(1))


def malicious_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the seed graph whose titles, texts and evidence try to inject HTML and script."""
    bad = graph.copy()
    policies = sorted(n for n, a in bad.nodes(data=True) if a["type"] == NodeType.POLICY.value)
    for node, text in zip(policies, MALICIOUS, strict=False):
        bad.nodes[node].update(label=text, title=text, aliases=[text], issuers=[text])
    document = next(n for n, a in bad.nodes(data=True) if a["type"] == NodeType.DOCUMENT.value)
    bad.nodes[document].update(label=MALICIOUS[1], title=MALICIOUS[1], issuer=MALICIOUS[0])
    item = next(n for n, a in bad.nodes(data=True) if a["type"] == NodeType.WORK_ITEM.value)
    bad.nodes[item].update(text=MALICIOUS[0] + MALICIOUS[1], label=MALICIOUS[0])
    for _, _, attrs in list(bad.edges(data=True))[:40]:
        if "sentence" in attrs:
            attrs.update(sentence=MALICIOUS[0] + attrs["sentence"] + MALICIOUS[1], surface=MALICIOUS[2])
    bad.add_node("policy:evil", type="Policy", label=MALICIOUS[1], title=MALICIOUS[1], level="national", cited=1)
    bad.add_edge(item, "policy:evil", key="CITES:0", type="CITES", doc=bad.nodes[item]["doc"], surface=MALICIOUS[0],
                 sentence=MALICIOUS[1], start=0, end=1)  # fmt: skip
    return bad


@pytest.fixture(scope="module")
def seed_site(seed_graph, seed_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("maps")
    texts, spans = seed_texts_and_spans(seed_corpus)
    write_maps(seed_graph, out, texts=texts, spans=spans)
    return out


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


# -------------------------------------------------------------- offline and self-contained


def test_no_page_loads_anything_from_the_network(seed_site):
    for page in html_files(seed_site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script\b[^>]*\bsrc\s*=", html, re.I), f"{page.name}: external script"
        assert not re.search(r"<link\b", html, re.I), f"{page.name}: linked stylesheet or resource"
        assert not re.search(r"@import", html, re.I), f"{page.name}: CSS @import"
        assert not re.search(r"url\(\s*['\"]?\s*(https?:|//)", html, re.I), f"{page.name}: url() to the network"
        for style in re.findall(r"<style>(.*?)</style>", html, re.S):
            assert not re.search(r"url\(\s*['\"]?\s*(?!data:)", style), f"{page.name}: CSS url() not data:"
        assert not re.search(
            r"<(img|iframe|embed|object|source|video|audio)\b[^>]*\bsrc\s*=\s*['\"]?\s*(https?:)?//", html, re.I
        )
        assert not re.search(r"\b(src|href)\s*=\s*['\"]?\s*(https?:)?//", html, re.I), f"{page.name}: absolute URL"
        assert "default-src 'none'" in html, f"{page.name}: no Content-Security-Policy"


def test_graph_pages_inline_vis_network_and_reading_views_need_no_script(seed_site):
    for page in html_files(seed_site):
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b", html, re.I)
        if page.name.startswith("read-"):
            assert scripts == []
        else:
            assert len(scripts) == 3  # the JSON data, vis-network, the page's own script
            assert "vis-network" in html and "new vis.Network" in html


# -------------------------------------------------------------- safe


def test_malicious_text_is_escaped_everywhere(seed_graph, seed_corpus, tmp_path):
    bad = malicious_graph(seed_graph)
    texts, spans = seed_texts_and_spans(seed_corpus)
    doc = next(iter(texts))
    texts[doc] = MALICIOUS[0] + texts[doc] + MALICIOUS[1]
    spans[doc] = [{**s, "start": s["start"] + len(MALICIOUS[0]), "end": s["end"] + len(MALICIOUS[0]),
                   "title": MALICIOUS[0]} for s in spans[doc]]  # fmt: skip
    spans[doc].append({"start": 0, "end": len(MALICIOUS[0]), "policy_node": "policy:evil", "level": "national",
                       "relation": "cites", "title": MALICIOUS[1]})  # fmt: skip
    write_maps(bad, tmp_path, texts=texts, spans=spans)
    for page in html_files(tmp_path):
        html = page.read_text(encoding="utf-8")
        for text in MALICIOUS:
            assert text not in html, f"{page.name} contains {text!r} unescaped"
        assert "<img" not in html.lower()
        assert len(re.findall(r"</script", html, re.I)) == len(re.findall(r"<script\b", html, re.I))
        assert "<!--" not in html
    corpus = (tmp_path / "map.html").read_text(encoding="utf-8")
    data = page_data(corpus)  # the JSON still carries the exact text, to be shown with textContent
    assert data["info"]["policy:evil"]["title"] == MALICIOUS[1]
    assert "&lt;img src=x onerror=alert(1)&gt;" in (tmp_path / "maps" / f"read-{doc.split(':')[1]}.html").read_text()


def test_json_in_script_escapes_less_than_signs(seed_graph, tmp_path):
    bad = malicious_graph(seed_graph)
    html = write_corpus_map(bad, tmp_path / "map.html").read_text(encoding="utf-8")
    embedded = DATA.search(html).group(1)
    assert "<" not in embedded and "\\u003c/script" in embedded


# -------------------------------------------------------------- deterministic and atomic


def test_same_graph_gives_same_bytes(seed_graph, seed_corpus, tmp_path):
    texts, spans = seed_texts_and_spans(seed_corpus)
    first = write_maps(seed_graph, tmp_path / "a", texts=texts, spans=spans)
    second = write_maps(seed_graph, tmp_path / "b", texts=texts, spans=spans)
    assert [p.relative_to(tmp_path / "a") for p in first] == [p.relative_to(tmp_path / "b") for p in second]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
    again = write_corpus_map(seed_graph, tmp_path / "a" / "map.html")
    assert again.read_bytes() == first[0].read_bytes()


def test_same_graph_built_in_another_order_gives_same_bytes(seed_graph, tmp_path):
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(seed_graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(seed_graph.edges(keys=True, data=True))))
    one = write_corpus_map(seed_graph, tmp_path / "one.html").read_bytes()
    two = write_corpus_map(shuffled, tmp_path / "two.html").read_bytes()
    assert one == two


def test_rewriting_removes_pages_of_what_left_the_graph(seed_graph, tmp_path):
    write_maps(seed_graph, tmp_path)
    smaller = seed_graph.copy()
    gone = sorted(n for n, a in smaller.nodes(data=True) if a["type"] == NodeType.POLICY.value)[0]
    smaller.remove_node(gone)
    (tmp_path / "maps" / "notes.html").write_text("not ours")
    written = write_maps(smaller, tmp_path)
    assert sorted(p.resolve() for p in html_files(tmp_path)) == sorted(
        [p.resolve() for p in written] + [(tmp_path / "maps" / "notes.html").resolve()]
    )


def test_an_empty_graph_still_gives_a_page(tmp_path):
    html = write_corpus_map(nx.MultiDiGraph(), tmp_path / "map.html").read_text(encoding="utf-8")
    assert page_data(html)["nodes"] == []


def test_writing_leaves_no_temporary_files(seed_site):
    leftovers = [p for p in seed_site.rglob("*") if p.is_file() and not p.name.endswith(".html")]
    assert leftovers == []


# -------------------------------------------------------------- views and links


def test_every_view_is_written(seed_site, seed_graph, seed_corpus):
    texts, _ = seed_texts_and_spans(seed_corpus)
    names = {p.relative_to(seed_site).as_posix() for p in html_files(seed_site)}
    assert "map.html" in names
    documents = [n for n, a in seed_graph.nodes(data=True) if a["type"] == NodeType.DOCUMENT.value]
    policies = [n for n, a in seed_graph.nodes(data=True) if a["type"] in ("Policy", "Meeting")]
    assert sum(n.startswith("maps/doc-") for n in names) == len(documents)
    assert sum(n.startswith("maps/policy-") for n in names) == len(policies)
    assert sum(n.startswith("maps/read-") for n in names) == len(texts)
    assert len(names) == 1 + len(documents) + len(policies) + len(texts)


def _links(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', html)
    match = DATA.search(html)
    if match:  # the panel's links travel in the JSON data
        data = json.loads(match.group(1))
        for details in data["info"].values():
            links += [href for _, href in details.get("links", [])]
            for entry in details.get("evidence", []):
                links += [href for _, href in entry["links"]]
    return links


def test_every_link_resolves_to_a_written_page(seed_site):
    checked = 0
    for page in html_files(seed_site):
        for href in _links(page):
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, f"{page.name}: {href}"
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_file(), f"{page.name} links to missing {href}"
                checked += 1
    assert checked > 100


def test_reading_view_links_citations_to_their_policy_views(seed_site, seed_corpus):
    texts, spans = seed_texts_and_spans(seed_corpus)
    doc = next(iter(texts))
    html = (seed_site / "maps" / f"read-{doc.split(':')[1]}.html").read_text(encoding="utf-8")
    links = re.findall(r'<a id="c\d+" class="cite level-(\w+) rel-(\w+)" href="(policy-[^"]+\.html)"', html)
    assert len(links) == len(spans[doc])  # one surface naming four meetings: four links
    assert {level for level, _, _ in links} <= {level.value for level in Level}
    assert all((seed_site / "maps" / href).is_file() for _, _, href in links)


def test_nested_citations_keep_their_own_links(seed_graph, tmp_path):
    document = next(n for n, a in seed_graph.nodes(data=True) if a["type"] == NodeType.DOCUMENT.value)
    outer, inner = sorted(n for n, a in seed_graph.nodes(data=True) if a["type"] == NodeType.POLICY.value)[:2]
    text = "贯彻《外层关于实施〈内层〉的意见》。"
    spans = [
        {"start": 2, "end": 17, "policy_node": outer, "level": "provincial", "relation": "implements", "title": "外"},
        {"start": 9, "end": 13, "policy_node": inner, "level": "national", "relation": "implements", "title": "内"},
    ]
    html = write_reading_view(seed_graph, document, text, spans, tmp_path / "maps" / "read.html").read_text()
    body = re.search(r'<article id="text">(.*?)</article>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", body) == text
    assert body.count("level-national") == 1 and body.count("level-provincial") == 2
    assert 'id="c1"' in body and 'id="c2"' in body


def test_document_and_policy_views_show_their_part_of_the_graph(seed_graph, tmp_path):
    document = next(n for n, a in seed_graph.nodes(data=True) if a["type"] == NodeType.DOCUMENT.value)
    doc_data = page_data(write_document_map(seed_graph, document, tmp_path / "d.html").read_text())
    kinds = {node["kind"] for node in doc_data["nodes"]}
    assert kinds <= {"Document", "Section", "WorkItem", "Policy", "Meeting"}
    assert doc_data["focus"] == document
    policy = max(
        (n for n, a in seed_graph.nodes(data=True) if a["type"] == "Policy"), key=lambda n: seed_graph.nodes[n]["cited"]
    )
    policy_data = page_data(write_policy_map(seed_graph, policy, tmp_path / "p.html").read_text())
    citing = {s for s, _, a in seed_graph.in_edges(policy, data=True) if "sentence" in a}
    drawn = {node["id"] for node in policy_data["nodes"]}
    assert citing <= drawn and policy in drawn
    assert len(policy_data["info"][policy]["evidence"]) == sum(
        1 for _, _, a in seed_graph.in_edges(policy, data=True) if "sentence" in a
    )
    with pytest.raises(ValueError):
        write_policy_map(seed_graph, document, tmp_path / "x.html")


# -------------------------------------------------------------- readable


def test_colours_and_shapes_come_from_the_vocabulary(seed_graph, seed_site):
    data = page_data((seed_site / "map.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == seed_graph.number_of_nodes()
    for node in data["nodes"]:
        attrs = seed_graph.nodes[node["id"]]
        kind = NodeType(attrs["type"])
        expected = Level(attrs["level"]).colour if kind in (NodeType.POLICY, NodeType.MEETING) else kind.colour
        assert node["color"]["background"] == expected
        assert node["shape"] == kind.shape
    policy_sizes = {seed_graph.nodes[n["id"]]["cited"]: n["size"] for n in data["nodes"] if n["kind"] == "Policy"}
    assert sorted(policy_sizes.values()) == [policy_sizes[c] for c in sorted(policy_sizes)]  # size grows with `cited`


def test_panel_data_has_issuers_level_source_and_evidence(seed_graph, seed_site):
    data = page_data((seed_site / "map.html").read_text(encoding="utf-8"))
    policy = next(n for n, a in seed_graph.nodes(data=True) if a["type"] == "Policy" and a["issuers"])
    details = data["info"][policy]
    fields = dict(details["fields"])
    assert fields["发文机关"] == "、".join(seed_graph.nodes[policy]["issuers"])
    assert fields["层级"] == Level(seed_graph.nodes[policy]["level"]).label_zh
    assert "层级依据" in fields
    assert details["evidence"] and all(e["sentence"] and e["relation"] for e in details["evidence"])


def test_legend_lists_levels_types_and_relations(seed_site):
    html = (seed_site / "map.html").read_text(encoding="utf-8")
    for group, count in (("level", 5), ("type", 7), ("relation", 4), ("doc", 1)):
        assert len(re.findall(rf'data-filter="{group}"', html)) == count


def test_a_graph_too_big_is_capped_with_a_visible_warning(seed_graph, tmp_path):
    html = write_corpus_map(seed_graph, tmp_path / "map.html", max_nodes=40).read_text(encoding="utf-8")
    data = page_data(html)
    assert len(data["nodes"]) == 40
    warning = re.search(r'<div id="size-warning" role="alert">(.*?)</div>', html).group(1)
    assert str(seed_graph.number_of_nodes()) in warning and "未显示" in warning
    assert {node["kind"] for node in data["nodes"]} >= {"Document", "Policy"}  # what matters most is kept
    full = write_corpus_map(seed_graph, tmp_path / "full.html").read_text(encoding="utf-8")
    assert 'id="size-warning"' not in full


# -------------------------------------------------------------- the package rule


def test_visualizations_imports_only_ontology_and_third_party():
    package = Path(__file__).resolve().parents[1] / "visualizations"
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert name.split(".")[0] not in ("graph", "extractors"), f"{module.name} imports {name}"
