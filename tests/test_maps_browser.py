"""The maps in a real browser (Debian's Chromium through Playwright) with the network cut off:
they load from disk without errors, draw every node, find, filter, explain, stay safe against
hostile titles, and a 5,000-node map becomes interactive.

Every page is opened with all non-file:// requests aborted and counted; the Content-Security-
Policy of the pages stays on (Playwright's `evaluate` is not subject to it; `wait_for_function`
with a string is, so readiness is awaited through the `data-ready` attribute instead).
Screenshots go to tests/out/.  Without Chromium the tests are skipped, except in CI (CI=true),
where they fail: a CI run must have used the browser.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from ontology.vocabulary import Level, NodeType
from tests.test_maps import MALICIOUS, malicious_graph, seed_texts_and_spans
from visualizations.maps import write_corpus_map, write_maps, write_reading_view

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1600, "height": 1000}
READY = 'body[data-ready="true"]'


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """An open page and everything it did that a test may want to hold against it."""

    page: object
    network_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    load_seconds: float = 0.0

    def js(self, expression: str):
        return self.page.evaluate(expression)


@contextmanager
def visit(browser, path: Path, *, wait_ready: bool = True, timeout_ms: int = 120_000):
    """Open `path` from disk with every non-file:// request aborted and recorded."""
    context = browser.new_context(viewport=VIEWPORT)
    seen = Visit(page=None)

    def only_files(route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            seen.network_requests.append(url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    seen.page = page
    page.on("console", lambda message: message.type == "error" and seen.console_errors.append(message.text))
    page.on("pageerror", lambda error: seen.console_errors.append(str(error)))

    def on_dialog(dialog):
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    started = time.perf_counter()
    page.goto(path.resolve().as_uri())
    if wait_ready:
        page.wait_for_selector(READY, state="attached", timeout=timeout_ms)
    seen.load_seconds = time.perf_counter() - started
    try:
        yield seen
    finally:
        context.close()


def assert_clean(seen: Visit) -> None:
    assert seen.network_requests == [], "the page tried to reach the network"
    assert seen.console_errors == []
    assert seen.dialogs == []


@pytest.fixture(scope="module")
def seed_site(seed_graph, seed_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser-maps")
    texts, spans = seed_texts_and_spans(seed_corpus)
    write_maps(seed_graph, out, texts=texts, spans=spans)
    return out


def _policies(graph: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, a in graph.nodes(data=True) if a["type"] in (NodeType.POLICY.value, NodeType.MEETING.value))


def _click_node(seen: Visit, node: str) -> None:
    """A real mouse click on the node where vis-network drew it."""
    seen.js(f"policyMap.network.focus({node!r}, {{scale: 1.2}})")
    box = seen.page.locator("#graph canvas").bounding_box()
    spot = seen.js(f"policyMap.network.canvasToDOM(policyMap.network.getPosition({node!r}))")
    seen.page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


# ---------------------------------------------------------------------- the seed's maps


def test_machine_has_a_cjk_font_for_the_maps():
    if not shutil.which("fc-list"):
        pytest.skip("no fontconfig")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    assert fonts.strip(), "no Chinese font installed: apt-get install -y fonts-noto-cjk"


def test_corpus_map_loads_offline_and_draws_every_node(browser, seed_site, seed_graph, test_output):
    with visit(browser, seed_site / "map.html") as seen:
        assert seen.js("policyMap.ready") is True
        assert seen.js("policyMap.network.body.data.nodes.length") == seed_graph.number_of_nodes()
        assert seen.js("policyMap.drawnNodeCount()") == seed_graph.number_of_nodes()
        assert seen.js("policyMap.network.physics.options.enabled") is False  # stopped after stabilizing
        assert "显示" in seen.page.inner_text("#status")
        seen.page.screenshot(path=str(test_output / "map-corpus.png"))
        assert_clean(seen)


def test_search_finds_a_policy_by_part_of_its_title(browser, seed_site, seed_graph, test_output):
    policy = max(_policies(seed_graph), key=lambda n: (len(seed_graph.nodes[n]["label"]), n))
    title = seed_graph.nodes[policy]["label"]
    fragment = title[len(title) // 3 : len(title) // 3 + 6]
    with visit(browser, seed_site / "map.html") as seen:
        seen.page.fill("#search", fragment)
        seen.page.press("#search", "Enter")
        assert policy in seen.js("policyMap.lastSearch.shown")
        assert policy in seen.js("policyMap.network.getSelectedNodes()")
        assert "找到" in seen.page.inner_text("#search-count")
        if seen.js("policyMap.lastSearch.shown.length") == 1:
            assert seen.page.inner_text("#panel-title") == title
        seen.page.screenshot(path=str(test_output / "map-search.png"))
        assert_clean(seen)


def test_level_filter_hides_exactly_that_level(browser, seed_site, seed_graph, test_output):
    national = {
        n for n in _policies(seed_graph) if seed_graph.nodes[n]["level"] == Level.NATIONAL.value
    }  # fmt: skip
    assert national
    total = seed_graph.number_of_nodes()
    with visit(browser, seed_site / "map.html") as seen:
        seen.page.uncheck('input[data-filter="level"][value="national"]')
        hidden = set(seen.js("policyMap.nodes.get({filter: n => n.hidden === true}).map(n => n.id)"))
        assert hidden == national
        assert seen.js("policyMap.drawnNodeCount()") == total - len(national)
        seen.page.screenshot(path=str(test_output / "map-filter-level.png"))
        seen.page.check('input[data-filter="level"][value="national"]')
        assert seen.js("policyMap.drawnNodeCount()") == total
        assert_clean(seen)


def test_relation_and_document_filters(browser, seed_site, seed_graph):
    with visit(browser, seed_site / "map.html") as seen:
        seen.page.uncheck('input[data-filter="relation"][value="IMPLEMENTS"]')
        hidden_edges = seen.js("policyMap.edges.get({filter: e => e.hidden === true}).map(e => e.rel)")
        assert hidden_edges and set(hidden_edges) == {"IMPLEMENTS"}
        seen.page.check('input[data-filter="relation"][value="IMPLEMENTS"]')
        doc = next(a["doc"] for _, a in seed_graph.nodes(data=True) if a["type"] == NodeType.DOCUMENT.value)
        seen.page.uncheck(f'input[data-filter="doc"][value="{doc}"]')
        still = seen.js("policyMap.nodes.get({filter: n => !n.hidden}).map(n => n.kind)")
        # Only what belongs to no document stays: bodies, places, and policies cited by no item.
        assert "WorkItem" not in still and "Section" not in still and "Document" not in still
        assert_clean(seen)


def test_clicking_a_policy_shows_its_evidence_and_neighbourhood(browser, seed_site, seed_graph, test_output):
    policy = next(n for n in _policies(seed_graph) if seed_graph.nodes[n]["issuers"])
    attrs = seed_graph.nodes[policy]
    with visit(browser, seed_site / "map.html") as seen:
        _click_node(seen, policy)
        seen.page.wait_for_selector("#panel-title")
        panel = seen.page.inner_text("#panel")
        assert seen.page.inner_text("#panel-title") == attrs["title"]
        assert Level(attrs["level"]).label_zh in panel
        assert all(issuer in panel for issuer in attrs["issuers"])
        sentences = [a["sentence"] for _, _, a in seed_graph.in_edges(policy, data=True) if "sentence" in a]
        assert any(sentence[:20] in panel for sentence in sentences)
        faded = seen.js("policyMap.nodes.get({filter: n => n.opacity < 1}).length")
        neighbours = len(seen.js(f"policyMap.network.getConnectedNodes({policy!r})"))
        assert faded == seed_graph.number_of_nodes() - neighbours - 1
        seen.page.screenshot(path=str(test_output / "map-click.png"))
        assert_clean(seen)


def test_document_and_policy_views_load(browser, seed_site, test_output):
    for page in [
        *sorted((seed_site / "maps").glob("doc-*.html")),
        *sorted((seed_site / "maps").glob("policy-*.html"))[:3],
    ]:
        with visit(browser, page) as seen:
            assert seen.js("policyMap.drawnNodeCount()") == seen.js("policyMap.nodeCount") > 0
            focus = seen.js("policyMap.network.getSelectedNodes()")
            assert len(focus) == 1 and seen.page.inner_text("#panel-title")
            if page.name.startswith("doc-"):
                seen.page.screenshot(path=str(test_output / "map-document.png"))
            assert_clean(seen)


def test_reading_view_highlights_citations_and_links_to_policy_views(
    browser, seed_site, seed_corpus, test_output
):  # fmt: skip
    texts, spans = seed_texts_and_spans(seed_corpus)
    doc = next(iter(texts))
    page = seed_site / "maps" / f"read-{doc.split(':')[1]}.html"
    with visit(browser, page, wait_ready=False) as seen:
        citations = seen.js("document.querySelectorAll('#text a.cite').length")
        assert citations == len(spans[doc])
        colour = seen.js("getComputedStyle(document.querySelector('#text a.cite')).borderBottomColor")
        assert colour.startswith("rgb")
        seen.page.screenshot(path=str(test_output / "reading.png"))
        seen.page.click("#text a.cite")
        seen.page.wait_for_selector(READY, state="attached")
        assert seen.page.url.split("/")[-1].startswith("policy-")
        assert_clean(seen)


# ---------------------------------------------------------------------- hostile text


def test_malicious_titles_show_as_text_and_run_nothing(browser, seed_graph, seed_corpus, tmp_path, test_output):
    bad = malicious_graph(seed_graph)
    texts, spans = seed_texts_and_spans(seed_corpus)
    write_maps(bad, tmp_path, texts=texts, spans=spans)
    with visit(browser, tmp_path / "map.html") as seen:
        assert seen.js("policyMap.drawnNodeCount()") == bad.number_of_nodes()
        _click_node(seen, "policy:evil")
        seen.page.wait_for_selector("#panel-title")
        assert seen.page.inner_text("#panel-title") == MALICIOUS[1]
        seen.page.fill("#search", "onerror")
        seen.page.press("#search", "Enter")
        first = next(
            n for n in sorted(bad.nodes) if bad.nodes[n].get("label") == MALICIOUS[0] and n.startswith("policy:")
        )
        assert first in seen.js("policyMap.lastSearch.hits")
        assert MALICIOUS[0] in seen.js(f"policyMap.nodes.get({first!r}).title.textContent")  # a DOM tooltip
        _click_node(seen, first)
        assert seen.page.inner_text("#panel-title") == MALICIOUS[0]
        seen.page.mouse.move(5, 5)
        _hover_node(seen, first)
        assert seen.js("document.querySelectorAll('img, #graph script').length") == 0
        assert seen.js("document.querySelectorAll('script').length") == 3
        seen.page.wait_for_timeout(300)  # give any injected handler the chance to fire
        seen.page.screenshot(path=str(test_output / "map-malicious.png"))
        assert_clean(seen)
    for page in sorted((tmp_path / "maps").glob("*.html")):
        with visit(browser, page, wait_ready=not page.name.startswith("read-")) as seen:
            seen.page.wait_for_timeout(100)
            assert seen.js("document.querySelectorAll('img').length") == 0
            assert_clean(seen)


def _hover_node(seen: Visit, node: str) -> None:
    """Hover the node and check its vis-network tooltip shows the raw text, not markup."""
    box = seen.page.locator("#graph canvas").bounding_box()
    spot = seen.js(f"policyMap.network.canvasToDOM(policyMap.network.getPosition({node!r}))")
    seen.page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"], steps=5)
    tooltip = seen.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert MALICIOUS[0] in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0


def test_reading_view_of_hostile_text_runs_nothing(browser, seed_graph, tmp_path):
    document = next(n for n, a in seed_graph.nodes(data=True) if a["type"] == NodeType.DOCUMENT.value)
    policy = _policies(seed_graph)[0]
    text = f"开头{MALICIOUS[0]}中间{MALICIOUS[1]}结尾{MALICIOUS[2]}"
    spans = [{"start": 2, "end": 2 + len(MALICIOUS[0]), "policy_node": policy, "level": "national",
              "relation": "implements", "title": MALICIOUS[1]}]  # fmt: skip
    page = write_reading_view(seed_graph, document, text, spans, tmp_path / "maps" / "read.html")
    with visit(browser, page, wait_ready=False) as seen:
        seen.page.wait_for_timeout(300)
        assert seen.page.inner_text("#text") == text
        assert seen.js("document.querySelectorAll('img, #text script').length") == 0
        assert_clean(seen)


# ---------------------------------------------------------------------- a big graph


def synthetic_graph(total: int = 5000, seed: int = 20170329) -> nx.MultiDiGraph:
    """`total` nodes in the schema of graph/build.py: documents → sections → items citing policies,
    policies issued by bodies; built from a seeded generator, so the same every run."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    levels = [level.value for level in Level]
    relations = ["IMPLEMENTS", "ISSUES", "REVISES", "CITES"]
    documents, sections, items, bodies = 25, 6, 16, 200
    policies = total - documents * (1 + sections + sections * items) - bodies
    for b in range(bodies):
        graph.add_node(
            f"org:o{b:04d}",
            type="Organization",
            label=f"第{b}发文机关",
            name=f"第{b}发文机关",
            level=rng.choice(levels),
        )
    for p in range(policies):
        node = f"policy:p{p:05d}"
        title = f"关于推进第{p}项教育改革发展的实施意见"
        graph.add_node(node, type="Policy", label=title, title=title, level=rng.choice(levels), level_source="cue",
                       issuers=[f"第{p % bodies}发文机关"], aliases=[], cited=0)  # fmt: skip
        graph.add_edge(node, f"org:o{p % bodies:04d}", key="ISSUED_BY", type="ISSUED_BY")
    for d in range(documents):
        doc, doc_node = f"d{d:03d}", f"doc:d{d:03d}"
        graph.add_node(
            doc_node,
            type="Document",
            label=f"某市{d}号教育工作计划",
            title=f"某市{d}号教育工作计划",
            doc=doc,
            level="municipal",
        )
        for s in range(sections):
            section = f"{doc_node}/s{s}"
            graph.add_node(section, type="Section", label=f"{s}、重点工作", doc=doc, order=s, heading="重点工作")
            graph.add_edge(doc_node, section, key="HAS_SECTION", type="HAS_SECTION")
            for i in range(items):
                item = f"{doc_node}/i{s * items + i}"
                graph.add_node(
                    item, type="WorkItem", label=f"{i + 1} 推进工作", doc=doc, text="推进工作。", heading="推进工作"
                )
                graph.add_edge(section, item, key="HAS_ITEM", type="HAS_ITEM")
                for k in range(rng.randint(0, 3)):
                    policy = f"policy:p{rng.randrange(policies):05d}"
                    relation = rng.choice(relations)
                    graph.add_edge(item, policy, key=f"{relation}:{k}", type=relation, doc=doc, surface="《某意见》",
                                   sentence="贯彻落实《某意见》。", start=k, end=k + 6)  # fmt: skip
                    graph.nodes[policy]["cited"] += 1
    assert graph.number_of_nodes() == total
    return graph


def test_5000_node_map_becomes_interactive(browser, tmp_path, test_output):
    graph = synthetic_graph()
    started = time.perf_counter()
    page = write_corpus_map(graph, tmp_path / "map.html", title="5,000 个节点的测试图谱")
    write_seconds = time.perf_counter() - started
    with visit(browser, page) as seen:
        figures = seen.js(
            "({script: policyMap.scriptStartMs, built: policyMap.networkBuiltMs, interactive: policyMap.interactiveMs,"
            " iterations: policyMap.layoutIterations, cut: policyMap.layoutCut, drawn: policyMap.drawnNodeCount()})"
        )
        assert seen.js("policyMap.ready") is True
        assert seen.page.get_attribute("body", "data-ready") == "true"
        assert "已就绪" in seen.page.inner_text("#status")
        assert figures["drawn"] == 5000
        clicked = time.perf_counter()
        _click_node(seen, "policy:p00000")
        seen.page.wait_for_selector("#panel-title")
        click_seconds = time.perf_counter() - clicked
        seen.page.screenshot(path=str(test_output / "map-5000-nodes.png"))
        assert_clean(seen)
    report = (
        f"5,000-node synthetic map ({graph.number_of_edges()} links), headless Chromium, network blocked\n"
        f"python write_corpus_map: {write_seconds:.1f} s ({page.stat().st_size / 1e6:.1f} MB)\n"
        f"scripts parsed at: {figures['script'] / 1000:.1f} s after navigation start\n"
        f"vis.Network built at: {figures['built'] / 1000:.1f} s\n"
        f"interactive (layout done, physics off) at: {figures['interactive'] / 1000:.1f} s "
        f"after {figures['iterations']} layout iterations{' (time budget reached)' if figures['cut'] else ''}\n"
        f"goto → ready as measured by the test: {seen.load_seconds:.1f} s\n"
        f"click on a node → panel shown: {click_seconds:.2f} s\n"
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n"
    )
    (test_output / "maps-5000-nodes.txt").write_text(report, encoding="utf-8")
    print(report)
