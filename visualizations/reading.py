"""The reading view: a work plan as a readable page, every citation highlighted in its level's
colour, underlined in its relation's line style and linked to its policy's map.

The page runs no script at all.  The text is split at every span boundary, so nested citations
(《安徽省…关于实施〈国务院…〉的意见》) each keep their own link: a piece of text links to the
innermost citation covering it (HTML cannot nest links).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ontology.vocabulary import Level, Relation
from visualizations.network import full_label, level_of
from visualizations.page import asset, content_security_policy, escape, render
from visualizations.site import CORPUS_PAGE, Site, document_page, policy_page, reading_page


@dataclass(frozen=True)
class Citation:
    """One span of the text that names a policy, with what the page needs to show it."""

    number: int  # 1-based, in text order: the anchor #c<number>
    start: int
    end: int
    policy_node: str
    level: Level
    relation: Relation
    title: str
    href: str  # "" when the policy has no page


def _level(value: object, fallback: Level) -> Level:
    try:
        return Level(str(value))
    except ValueError:
        return fallback


def _relation(value: object) -> Relation:
    """A span's relation, as a Relation value (`implements`) or a Neo4j type (`IMPLEMENTS`)."""
    text = str(value or "")
    for relation in Relation:
        if text in (relation.value, relation.neo4j_type):
            return relation
    return Relation.CITES


def citations(graph: nx.MultiDiGraph, text: str, spans: list[dict], site: Site, here: str) -> list[Citation]:
    """Valid spans (inside the text, non-empty), in text order, resolved against the graph."""
    valid = []
    for span in spans:
        start, end = int(span.get("start", -1)), int(span.get("end", -1))
        if 0 <= start < end <= len(text):
            valid.append((start, -end, str(span.get("policy_node") or ""), span))
    found = []
    for number, (start, neg_end, node, span) in enumerate(sorted(valid, key=lambda v: v[:3]), start=1):
        attrs = graph.nodes[node] if node in graph else {}
        found.append(
            Citation(
                number=number,
                start=start,
                end=-neg_end,
                policy_node=node,
                level=_level(span.get("level"), level_of(attrs)),
                relation=_relation(span.get("relation")),
                title=full_label(node, attrs) if attrs else str(span.get("title") or ""),
                href=site.href(here, policy_page(node)) if node in site.policies else "",
            )
        )
    return found


def highlighted_text(text: str, found: list[Citation]) -> str:
    """The text as escaped HTML, each citation a link (or a span when its policy has no page).

    One surface can name several policies (十八届三中、四中、五中、六中全会 → four meetings): the
    text links to the first, and the others follow it as numbered superscript links.
    """
    primary, extras = _split_shared_ranges(found)
    cuts = sorted({0, len(text), *(c.start for c in primary), *(c.end for c in primary)})
    anchored: set[int] = set()
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [c for c in primary if c.start <= start and end <= c.end]
        piece = escape(text[start:end])
        if covering:
            innermost = min(covering, key=lambda c: (c.end - c.start, -c.start, c.number))
            anchor = f' id="c{innermost.number}"' if innermost.number not in anchored else ""
            anchored.add(innermost.number)
            piece = _citation_html(innermost, piece, anchor)
        parts.append(piece)
        for extra in (c for c in extras if c.end == end):
            anchor = f' id="c{extra.number}"'
            parts.append(f"<sup>{_citation_html(extra, str(extra.number), anchor)}</sup>")
    return "".join(parts)


def _split_shared_ranges(found: list[Citation]) -> tuple[list[Citation], list[Citation]]:
    """The first citation of each exact range, and the ones that share a range with an earlier one."""
    seen: set[tuple[int, int]] = set()
    primary, extras = [], []
    for citation in found:
        key = (citation.start, citation.end)
        (extras if key in seen else primary).append(citation)
        seen.add(key)
    return primary, extras


def _citation_html(citation: Citation, piece: str, anchor: str) -> str:
    classes = f"cite level-{citation.level.value} rel-{citation.relation.value}"
    tip = escape(f"{citation.title} · {citation.level.label_zh} · {citation.relation.label_zh}")
    if citation.href:
        return f'<a{anchor} class="{classes}" href="{escape(citation.href)}" title="{tip}">{piece}</a>'
    return f'<span{anchor} class="{classes}" title="{tip}">{piece}</span>'


def style_rules() -> str:
    """Per-level tint and per-relation underline, straight from the vocabulary's colours and dashes."""
    rules = [
        f".level-{level.value} {{ background: {level.colour}2e; border-bottom-color: {level.colour}; }}\n"
        f".swatch.level-{level.value} {{ background: {level.colour}; }}"
        for level in Level
    ]
    rules += [f".rel-{relation.value} {{ border-bottom-style: {relation.dash}; }}" for relation in Relation]
    rules.append(f".rel-{Relation.CITES.value} {{ border-bottom-width: 1px; }}")
    return "\n".join(rules)


def legend() -> str:
    levels = "".join(
        f'<span><span class="swatch level-{level.value}"></span>{escape(level.label_zh)}</span>'
        for level in sorted(Level, key=lambda lv: lv.rank)
    )
    relations = "".join(
        f'<span class="sample rel-{relation.value}">{escape(relation.label_zh)}</span>' for relation in Relation
    )
    return f"<span>颜色＝政策层级：</span>{levels}<span>下划线＝关系：</span>{relations}"


def citation_index(found: list[Citation], text: str) -> str:
    """A table of every citation: where it is, the policy (linked), its level and relation."""
    if not found:
        return "<p>本文没有识别出政策引用。</p>"
    rows = []
    for c in found:
        policy = f'<a href="{escape(c.href)}">{escape(c.title)}</a>' if c.href else escape(c.title)
        rows.append(
            f'<tr><td><a href="#c{c.number}">{c.number}</a></td><td>{escape(text[c.start : c.end])}</td>'
            f'<td>{policy}</td><td><span class="swatch level-{c.level.value}"></span>{escape(c.level.label_zh)}</td>'
            f"<td>{escape(c.relation.label_zh)}</td></tr>"
        )
    head = "<tr><th>#</th><th>原文</th><th>政策</th><th>层级</th><th>关系</th></tr>"
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def navigation(doc_node: str, site: Site, here: str) -> str:
    links = []
    if site.corpus:
        links.append(("全局图谱", site.href(here, CORPUS_PAGE)))
    if doc_node in site.documents:
        links.append(("本文件图谱", site.href(here, document_page(doc_node))))
    return "".join(f'<a href="{escape(href)}">{escape(text)}</a>' for text, href in links)


def reading_page_html(graph: nx.MultiDiGraph, doc_node: str, text: str, spans: list[dict], site: Site) -> str:
    """The whole reading view of one document."""
    here = reading_page(doc_node)
    attrs = graph.nodes[doc_node]
    title = full_label(doc_node, attrs)
    found = citations(graph, text, spans, site, here)
    meta = " · ".join(str(attrs[key]) for key in ("issuer", "date") if attrs.get(key))
    return render(
        asset("reading.html"),
        csp=content_security_policy([]),
        title=escape(f"{title} · 阅读视图"),
        heading=escape(title),
        meta=escape(meta),
        nav=navigation(doc_node, site, here),
        legend=legend(),
        css=asset("reading.css"),
        level_css=style_rules(),
        body=highlighted_text(text, found),
        count=str(len(found)),
        index=citation_index(found, text),
    )
