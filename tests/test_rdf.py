"""Specifications of the RDF export: the ontology, the SHACL shapes, and Turtle / JSON-LD written from the graph.

The seed plan's export is the running example: it must validate against the shapes, agree with the golden file,
parse to the same triples everywhere, survive OWL-RL reasoning, and answer questions a policy researcher asks
the same way as the gold annotations do.  Set UPDATE_GOLDEN=1 to rewrite tests/golden/seed.ttl after an
intended change to the extractors or the export.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import owlrl
import pyoxigraph
import pyshacl
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from extractors.cleaning import normalize_title
from extractors.corpus import extract_corpus
from graph.build import build_graph, document_node
from graph.rdf import (
    CC_BY_4,
    node_iri,
    node_path,
    ontology_graph,
    ontology_text,
    shapes_graph,
    to_rdflib,
    turtle,
    write_jsonld,
    write_turtle,
)
from ontology.namespace import CITO, DEFAULT_BASE, ELI, OA, ONTOLOGY_IRI, PKG
from ontology.vocabulary import Kind, Level, LevelSource, LinkType, NodeType, Relation

ROOT = Path(__file__).resolve().parents[1]
DCAT_DATASET = URIRef("http://www.w3.org/ns/dcat#Dataset")  # rdflib's DCAT and XSD warn when pytest inspects them
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
GOLDEN = ROOT / "tests" / "golden" / "seed.ttl"

PREFIXES = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX cito: <http://purl.org/spar/cito/>
"""

# A second, small work plan (a county under Foshan), for what must disappear when it leaves the corpus.
SHUNDE_PLAN = """佛山市顺德区教育局2018年工作要点

顺德区教育局 发布时间:2018-02-10

  一、深化教育改革

  1. 推进学前教育发展。贯彻落实《顺德区学前教育三年行动计划》,制定出台《顺德区中小学课后服务管理办法》。

  2. 依法治教。认真执行《中华人民共和国教育法》,落实《广东省人民政府关于深化考试招生制度改革的实施意见》。
"""


# ---------------------------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_turtle(seed_graph) -> tuple[str, int]:
    return turtle(seed_graph)


@pytest.fixture(scope="module")
def seed_rdf(seed_turtle) -> rdflib.Graph:
    return rdflib.Graph().parse(data=seed_turtle[0], format="turtle")


@pytest.fixture(scope="module")
def seed_with_ontology(seed_rdf) -> rdflib.Graph:
    """The data and the ontology together: what a reasoner or a subPropertyOf* query needs."""
    return seed_rdf + ontology_graph()


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return ontology_graph()


def _mentions(graph: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """The WorkItem→Policy/Meeting edges with their evidence, in a stable order."""
    edges = [
        (u, v, d)
        for u, v, d in graph.edges(data=True)
        if graph.nodes[u].get("type") == NodeType.WORK_ITEM.value and "surface" in d
    ]
    return sorted(edges, key=lambda e: (e[0], e[1], e[2]["start"]))


def _small(graph: nx.MultiDiGraph, last_item: int = 2) -> nx.MultiDiGraph:
    """The seed graph without its items after `last_item`: SHACL-SPARQL runs once per citation, so the
    negative cases validate a few dozen citations instead of all of them.  A copy: mutate it freely."""
    small = graph.copy()
    small.remove_nodes_from(
        [n for n, a in graph.nodes(data=True) if a.get("type") == NodeType.WORK_ITEM.value and a["order"] > last_item]
    )
    return small


def _validate(rdf: rdflib.Graph) -> tuple[bool, rdflib.Graph, str]:
    conforms, report, text = pyshacl.validate(rdf, shacl_graph=shapes_graph())  # plain SHACL + SHACL-SPARQL
    return conforms, report, text


def _closure(rdf: rdflib.Graph) -> rdflib.Graph:
    """OWL-RL closure, in place."""
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(rdf)
    return rdf


def _inconsistencies(rdf: rdflib.Graph) -> list[str]:
    """What an OWL-RL closure found wrong: owlrl adds each message as an err:ErrorMessage node."""
    err = rdflib.Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
    messages = [str(m) for node in rdf.subjects(RDF.type, err.ErrorMessage) for m in rdf.objects(node, err.error)]
    return messages + [f"{x} is a member of owl:Nothing" for x in rdf.subjects(RDF.type, OWL.Nothing)]


def _iri(node: str) -> URIRef:
    return URIRef(node_iri(node))


def _oxigraph_triples(text: str) -> list:
    return list(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE))


# ---------------------------------------------------------------------------------------------------------------
# The ontology
# ---------------------------------------------------------------------------------------------------------------


def test_ontology_header_names_version_license_and_title(ontology):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal(version)
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(CC_BY_4)
    titles = {t.language for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert titles == {"en", "zh"}


def _project_terms() -> list[str]:
    return sorted(PKG.__annotations__)


@pytest.mark.parametrize("name", _project_terms())
def test_every_project_term_is_declared_with_english_and_chinese_labels(ontology, name):
    term = PKG[name]
    assert (term, RDF.type, None) in ontology, f"pkg:{name} is in ontology/namespace.py but not in policykg.ttl"
    languages = {label.language for label in ontology.objects(term, RDFS.label)}
    assert {"en", "zh"} <= languages


def test_the_ontology_defines_no_term_the_namespace_lacks(ontology):
    defined = {str(s)[len(str(PKG)) :] for s in ontology.subjects() if str(s).startswith(str(PKG))}
    assert defined == set(_project_terms())


def test_a_misspelt_term_fails():
    with pytest.raises(AttributeError):
        PKG.implement  # noqa: B018  (the attribute access is the test)


@pytest.mark.parametrize(
    "member",
    [*Level, *LevelSource, *Relation, *NodeType, *LinkType],
    ids=lambda m: f"{type(m).__name__}.{m.name}",
)
def test_every_vocabulary_member_has_its_rdf_term(ontology, member):
    assert (PKG[member.rdf_name], RDF.type, None) in ontology


@pytest.mark.parametrize(
    ("member", "scheme"),
    [*((level, PKG.LevelScheme) for level in Level), *((source, PKG.LevelSourceScheme) for source in LevelSource)],
    ids=lambda m: getattr(m, "value", ""),
)
def test_levels_and_level_sources_are_concepts_of_their_scheme(ontology, member, scheme):
    concept = PKG[member.rdf_name]
    assert (concept, RDF.type, SKOS.Concept) in ontology
    assert (concept, SKOS.inScheme, scheme) in ontology
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    assert ontology.value(concept, SKOS.notation) == Literal(member.value)
    labels = {label.language: str(label) for label in ontology.objects(concept, SKOS.prefLabel)}
    assert labels["zh"] == member.label_zh
    assert "en" in labels


@pytest.mark.parametrize("term", [*(PKG[r.rdf_name] for r in Relation), PKG.implementsPolicy])
def test_every_citation_link_is_a_cito_citation(ontology, term):
    assert (term, RDFS.subPropertyOf, CITO.cites) in ontology


@pytest.mark.parametrize(
    ("term", "established"),
    [
        (PKG.WorkPlan, ELI.LegalResource),
        (PKG.Policy, ELI.LegalResource),
        (PKG.Section, ELI.LegalResourceSubdivision),
        (PKG.WorkItem, ELI.LegalResourceSubdivision),
        (PKG.Organization, URIRef("http://www.w3.org/ns/org#Organization")),
        (PKG.Citation, OA.Annotation),
        (PKG.Citation, CITO.Citation),
        (PKG.Jurisdiction, DCTERMS.Jurisdiction),
    ],
)
def test_project_classes_specialize_established_ones(ontology, term, established):
    assert (term, RDFS.subClassOf, established) in ontology


@pytest.mark.parametrize("name", ["policykg.ttl", "shapes.ttl"])
def test_ttl_files_are_package_data(name):
    """Loaded through importlib.resources, as an installed package would; pyproject ships *.ttl."""
    assert ontology_text(name) == (ROOT / "ontology" / name).read_text(encoding="utf-8")
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "*.ttl" in package_data["package-data"]["ontology"]


# ---------------------------------------------------------------------------------------------------------------
# Turtle: golden file, counts, determinism
# ---------------------------------------------------------------------------------------------------------------


def test_seed_export_matches_the_golden_file(seed_turtle, test_output):
    text, _ = seed_turtle
    (test_output / "seed.ttl").write_text(text, encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    expected = rdflib.Graph().parse(GOLDEN, format="turtle")
    actual = rdflib.Graph().parse(data=text, format="turtle")
    if not isomorphic(expected, actual):
        _, only_golden, only_new = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lost = sorted(only_golden.serialize(format="nt").splitlines())[:15]
        gained = sorted(only_new.serialize(format="nt").splitlines())[:15]
        pytest.fail(
            "export differs from tests/golden/seed.ttl (UPDATE_GOLDEN=1 rewrites it after an intended change)\n"
            "only in golden:\n  " + "\n  ".join(lost) + "\nonly in new export:\n  " + "\n  ".join(gained)
        )


def test_rdflib_and_oxigraph_parse_as_many_triples_as_written(seed_turtle, seed_rdf):
    text, count = seed_turtle
    assert count > 0
    assert len(seed_rdf) == count
    assert len(_oxigraph_triples(text)) == count


def test_writing_twice_gives_identical_bytes(seed_graph, seed_turtle):
    again = io.StringIO()
    write_turtle(seed_graph, again)
    assert again.getvalue() == seed_turtle[0]


def test_the_order_the_graph_was_built_in_does_not_matter(seed_graph, seed_turtle):
    reversed_graph = nx.MultiDiGraph()
    reversed_graph.add_nodes_from(reversed(list(seed_graph.nodes(data=True))))
    reversed_graph.add_edges_from(reversed(list(seed_graph.edges(keys=True, data=True))))
    assert turtle(reversed_graph)[0] == seed_turtle[0]


_EXPORT_IN_A_FRESH_PROCESS = """
import io, sys
from extractors.corpus import extract_corpus
from graph.build import build_graph
from graph.rdf import write_jsonld, write_turtle
graph = build_graph(extract_corpus([sys.argv[1]]))
out = io.StringIO()
write_turtle(graph, out)
write_jsonld(graph, out)
sys.stdout.buffer.write(out.getvalue().encode("utf-8"))
"""


def test_turtle_and_jsonld_do_not_depend_on_hash_seeds(seed_path):
    """Sets and dicts of strings iterate in a per-process order: the output must not follow it."""

    def export(seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", _EXPORT_IN_A_FRESH_PROCESS, str(seed_path)]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True).stdout

    assert export("1") == export("2")


@pytest.mark.parametrize("base", [DEFAULT_BASE, "http://example.org/kg/", "urn:x-policykg:data/"])
def test_data_iris_are_ascii_and_under_the_base(seed_graph, base):
    text, _ = turtle(seed_graph, base=base)
    rdf = rdflib.Graph().parse(data=text, format="turtle")
    iris = {term for triple in rdf for term in triple if isinstance(term, URIRef)}
    assert all(str(iri).isascii() for iri in iris)
    for node in seed_graph.nodes:
        assert URIRef(node_iri(node, base)) in iris, f"{node} is not exported under {base}"


@pytest.mark.parametrize(
    ("node", "path"),
    [
        ("doc:000_2459ef0d93ff34f6", "doc/000_2459ef0d93ff34f6"),
        ("doc:000_2459ef0d93ff34f6/i3", "doc/000_2459ef0d93ff34f6/i3"),
        ("doc:000_2459ef0d93ff34f6/s2", "doc/000_2459ef0d93ff34f6/s2"),
        ("policy:e8b7e6d6155e4fc7", "policy/e8b7e6d6155e4fc7"),
        ("meeting:5e3c444bb2ed3bac", "meeting/5e3c444bb2ed3bac"),
        ("org:14a395c5850d", "org/14a395c5850d"),
        ("jur:440600", "jur/440600"),
        ("doc:a b/i1", "doc/a%20b/i1"),  # unsafe characters are percent-encoded
        ("doc:佛山", "doc/%E4%BD%9B%E5%B1%B1"),  # IRIs stay ASCII
        ('doc:<x>"{|}', "doc/%3Cx%3E%22%7B%7C%7D"),
        ("doc:..", "doc/%2E%2E"),  # a dot segment must not be resolved away
        ("doc:a%2Fb", "doc/a%252Fb"),  # distinct ids stay distinct
        ("plain", "node/plain"),
    ],
)
def test_node_ids_map_to_iri_paths(node, path):
    assert node_path(node) == path


@pytest.mark.parametrize(
    "base",
    [
        "relative/",
        "https://例子.中国/",
        "https://example.org/a b/",
        "https://example.org/no-slash",
        "https://example.org/data#",  # the parts of a citation are fragments of its IRI
        "",
    ],
)
def test_a_base_that_is_no_absolute_ascii_iri_is_refused(seed_graph, base):
    with pytest.raises(ValueError, match="base"):
        write_turtle(seed_graph, io.StringIO(), base=base)


# ---------------------------------------------------------------------------------------------------------------
# What the export says
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("node_type", "classes"),
    [
        (NodeType.DOCUMENT, {PKG.WorkPlan, ELI.LegalResource}),
        (NodeType.SECTION, {PKG.Section, ELI.LegalResourceSubdivision}),
        (NodeType.WORK_ITEM, {PKG.WorkItem, ELI.LegalResourceSubdivision}),
        (NodeType.POLICY, {PKG.Policy, ELI.LegalResource}),
        (NodeType.MEETING, {PKG.Meeting}),
        (NodeType.ORGANIZATION, {PKG.Organization, URIRef("http://www.w3.org/ns/org#Organization")}),
        (NodeType.JURISDICTION, {PKG.Jurisdiction, DCTERMS.Jurisdiction}),
    ],
)
def test_every_node_is_typed_and_labelled(seed_graph, seed_rdf, node_type, classes):
    nodes = [(n, a) for n, a in seed_graph.nodes(data=True) if a.get("type") == node_type.value]
    assert nodes
    for node, attrs in nodes:
        iri = _iri(node)
        assert classes <= set(seed_rdf.objects(iri, RDF.type))
        labels = list(seed_rdf.objects(iri, RDFS.label))
        assert [str(label) for label in labels] == [attrs["label"]]


@pytest.mark.parametrize("node_type", [NodeType.POLICY, NodeType.MEETING, NodeType.ORGANIZATION])
def test_chinese_names_are_tagged_zh_and_levels_come_from_the_scheme(seed_graph, seed_rdf, node_type):
    levels = {PKG[level.rdf_name]: level.value for level in Level}
    for node, attrs in seed_graph.nodes(data=True):
        if attrs.get("type") != node_type.value:
            continue
        iri = _iri(node)
        assert {label.language for label in seed_rdf.objects(iri, RDFS.label)} == {"zh"}
        assert {alias.language for alias in seed_rdf.objects(iri, SKOS.altLabel)} <= {"zh"}
        assert [levels[level] for level in seed_rdf.objects(iri, PKG.level)] == [attrs["level"]]


def test_policy_details_use_eli(seed_graph, seed_rdf):
    node = next(n for n, a in seed_graph.nodes(data=True) if a.get("doc_number"))
    attrs = seed_graph.nodes[node]
    iri = _iri(node)
    assert seed_rdf.value(iri, ELI.title) == Literal(attrs["title"], lang="zh")
    assert seed_rdf.value(iri, ELI.id_local) == Literal(attrs["doc_number"])
    assert {int(str(y)) for y in seed_rdf.objects(iri, PKG.year)} == set(attrs["years"])
    issuers = {
        seed_graph.nodes[v]["name"] for _, v, d in seed_graph.out_edges(node, data=True) if d["type"] == "ISSUED_BY"
    }
    assert {str(seed_rdf.value(o, RDFS.label)) for o in seed_rdf.objects(iri, PKG.issuedBy)} == issuers


def test_a_body_spelt_two_ways_is_one_organization_with_its_other_spelling_as_alias(tmp_path):
    (tmp_path / "a.txt").write_text(
        "杭州市教育局2019年工作要点\n一、语言文字\n1. 落实教育部、国家语委《关于进一步加强学校语言文字工作的意见》。\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "青岛市教育局2018年工作要点\n一、语言文字\n1. 执行国家语言文字工作委员会《普通话水平测试管理规定》。\n",
        encoding="utf-8",
    )
    graph = build_graph(extract_corpus([tmp_path]))
    bodies = [
        a for _, a in graph.nodes(data=True) if a["type"] == NodeType.ORGANIZATION.value and "语言文字" in a["name"]
    ]
    assert [(b["name"], b["aliases"]) for b in bodies] == [("国家语言文字工作委员会", ["国家语委"])]
    rdf = rdflib.Graph().parse(data=turtle(graph)[0], format="turtle")
    body = next(rdf.subjects(RDFS.label, Literal("国家语言文字工作委员会", lang="zh")))
    assert set(rdf.objects(body, SKOS.altLabel)) == {Literal("国家语委", lang="zh")}
    assert len(set(rdf.subjects(PKG.issuedBy, body))) == 2  # both policies, one body
    assert _validate(rdf + ontology_graph())[0]


def test_the_plan_is_dated_and_placed(seed_graph, seed_rdf):
    plan_node, attrs = next((n, a) for n, a in seed_graph.nodes(data=True) if a.get("type") == "Document")
    plan = _iri(plan_node)
    assert seed_rdf.value(plan, ELI.date_document) == Literal(attrs["date"], datatype=XSD_DATE)
    assert seed_rdf.value(plan, PKG.inJurisdiction) == _iri(f"jur:{attrs['jurisdiction']}")
    assert seed_rdf.value(plan, PKG.sourceFile) == Literal(Path(attrs["source"]).name)
    assert attrs["source"] not in seed_rdf.serialize(format="nt"), "a local path leaked into the export"


def test_every_mention_becomes_a_direct_link_and_a_citation_with_its_evidence(seed_graph, seed_rdf):
    relations = {r.neo4j_type: PKG[r.rdf_name] for r in Relation}
    mentions = _mentions(seed_graph)
    assert len(set(seed_rdf.subjects(RDF.type, PKG.Citation))) == len(mentions)
    for item_node, policy_node, edge in mentions:
        item, policy, relation = _iri(item_node), _iri(policy_node), relations[edge["type"]]
        assert (item, relation, policy) in seed_rdf
        citation = URIRef(f"{item}/cite/{edge['start']}/{node_path(policy_node)}")
        assert seed_rdf.value(citation, CITO.hasCitingEntity) == item
        assert seed_rdf.value(citation, CITO.hasCitedEntity) == policy
        assert seed_rdf.value(citation, CITO.hasCitationCharacterization) == relation
        trigger = seed_rdf.value(citation, PKG.trigger)
        assert trigger == (Literal(edge["trigger"], lang="zh") if edge["trigger"] else None)
        assert seed_rdf.value(citation, PKG.levelSource) == PKG[LevelSource(edge["level_source"]).rdf_name]
        assert seed_rdf.value(citation, PKG.tier) == Literal(edge["tier"])
        plan = _iri(document_node(edge["doc"]))
        assert seed_rdf.value(citation, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) == plan
        target = seed_rdf.value(citation, OA.hasTarget)
        assert seed_rdf.value(target, OA.hasSource) == plan
        selectors = {seed_rdf.value(s, RDF.type): s for s in seed_rdf.objects(target, OA.hasSelector)}
        position, quote = selectors[OA.TextPositionSelector], selectors[OA.TextQuoteSelector]
        assert seed_rdf.value(position, OA.start) == Literal(edge["start"])
        assert seed_rdf.value(position, OA.end) == Literal(edge["end"])
        assert seed_rdf.value(quote, OA.exact) == Literal(edge["surface"])


def test_offsets_point_at_the_quoted_characters_of_the_plan(seed_corpus, seed_rdf):
    text = seed_corpus.documents[0].text
    rows = seed_rdf.query(
        "SELECT ?start ?end ?exact WHERE { ?t oa:hasSelector/oa:start ?start ; oa:hasSelector/oa:end ?end ;"
        " oa:hasSelector/oa:exact ?exact }",
        initNs={"oa": OA},
    )
    assert len(rows) > 0
    for start, end, exact in rows:
        assert text[int(start) : int(end)] == str(exact)


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (None, {"issued": "2017-03-29", "license": CC_BY_4}),  # the latest plan's date, not today's
        ({"issued": "2020-01-02"}, {"issued": "2020-01-02", "license": CC_BY_4}),
        (
            {"license": "https://example.org/licence"},
            {"issued": "2017-03-29", "license": "https://example.org/licence"},
        ),
    ],
)
def test_the_dataset_is_described_with_dcat(seed_graph, settings, expected):
    rdf = to_rdflib(seed_graph, dataset=settings)
    dataset = rdf.value(predicate=RDF.type, object=DCAT_DATASET)
    assert dataset == URIRef(DEFAULT_BASE + "dataset")
    assert rdf.value(dataset, DCTERMS.issued) == Literal(expected["issued"], datatype=XSD_DATE)
    assert rdf.value(dataset, DCTERMS.license) == URIRef(expected["license"])
    assert {t.language for t in rdf.objects(dataset, DCTERMS.title)} == {"en", "zh"}
    assert rdf.value(dataset, DCTERMS.publisher) is not None
    assert rdf.value(dataset, DCTERMS.conformsTo) == ONTOLOGY_IRI
    plans = {_iri(n) for n, a in seed_graph.nodes(data=True) if a.get("type") == "Document"}
    assert set(rdf.objects(dataset, DCTERMS.source)) == plans


@pytest.mark.parametrize(
    "settings", [{"issued": "today"}, {"issued": "2017-02-30"}, {"license": "CC-BY"}, {"colour": "red"}]
)
def test_bad_dataset_settings_are_refused(seed_graph, settings):
    with pytest.raises(ValueError):
        write_turtle(seed_graph, io.StringIO(), dataset=settings)


def test_a_removed_document_leaves_no_trace(seed_path, seed_turtle, tmp_path):
    shunde = tmp_path / "shunde_2018.txt"
    shunde.write_text(SHUNDE_PLAN, encoding="utf-8")
    both, _ = turtle(build_graph(extract_corpus([seed_path, shunde])))
    alone, _ = turtle(build_graph(extract_corpus([seed_path])))
    plan = node_iri(document_node("shunde_2018"))
    assert plan in both, "the second plan did not make it into the export"
    subjects_both = set(rdflib.Graph().parse(data=both, format="turtle").subjects())
    subjects_alone = set(rdflib.Graph().parse(data=alone, format="turtle").subjects())
    gone = {str(s) for s in subjects_both - subjects_alone}
    assert plan in gone
    assert not [iri for iri in gone if iri in alone], "a resource only the removed plan had is still mentioned"
    assert "shunde_2018" not in alone
    assert alone == seed_turtle[0], "the export of the remaining plan differs from its export on its own"


def test_a_policy_naming_another_implements_it_and_unknown_nodes_are_left_out(seed_graph):
    graph = _small(seed_graph)
    outer, inner = sorted(n for n, a in graph.nodes(data=True) if a.get("type") == NodeType.POLICY.value)[:2]
    graph.add_edge(outer, inner, key=LinkType.IMPLEMENTS.value, type=LinkType.IMPLEMENTS.value)
    # build.py links to the policy a title names even when no mention resolves to it: networkx then
    # creates an empty node, of which there is nothing to say
    graph.add_edge(outer, "policy:0000000000000000", key=LinkType.IMPLEMENTS.value, type=LinkType.IMPLEMENTS.value)
    written, _ = turtle(graph)
    rdf = rdflib.Graph().parse(data=written, format="turtle")
    assert (_iri(outer), PKG.implementsPolicy, _iri(inner)) in rdf
    assert "policy/0000000000000000" not in written
    assert _validate(rdf)[0]


NASTY = {
    "quotes": 'the "quoted" 《title》',
    "single quotes": "it's ''quoted''",
    "backslash": "C:\\new\\table \\u0041 \\n",
    "newline": "line one\nline two\r\nline three",
    "tab and controls": "a\tb\x00c\x01d\x1fe\x7f",
    "html": "<img src=x onerror=alert(1)>",
    "triple quotes": 'before """ inside """ after ""',
    "turtle syntax": '" ; rdfs:label "x"@en . <http://evil.example/> a pkg:Policy .',
    "rare han": "𠀀𪚥 〇 ⿰木木",  # outside the BMP: must stay one code point each
    "line separators": "a\u2028b\u2029c\u0085d",
}


@pytest.mark.parametrize("text", NASTY.values(), ids=NASTY.keys())
def test_strings_round_trip_through_rdflib_and_oxigraph(seed_graph, text):
    graph = _small(seed_graph)
    item, policy, edge = _mentions(graph)[0]
    graph.nodes[policy].update(label=text, title=text, aliases=[text + "(别名)"])
    key = next(k for k, d in graph[item][policy].items() if d is edge)
    graph[item][policy][key]["sentence"] = text
    written, count = turtle(graph)

    label = {(str(s), str(p)): o for s, p, o in rdflib.Graph().parse(data=written, format="turtle")}
    assert label[(node_iri(policy), str(RDFS.label))] == Literal(text, lang="zh")
    assert label[(node_iri(policy), str(SKOS.altLabel))] == Literal(text + "(别名)", lang="zh")

    triples = _oxigraph_triples(written)
    assert len(triples) == count
    values = {(t.subject.value, t.predicate.value): t.object for t in triples}
    assert values[(node_iri(policy), str(RDFS.label))].value == text
    assert values[(node_iri(policy), str(RDFS.label))].language == "zh"
    sentences = [t.object.value for t in triples if t.predicate.value == str(PKG.sentence)]
    assert text in sentences


def test_a_lone_surrogate_becomes_a_replacement_character(seed_graph):
    graph = _small(seed_graph)
    _, policy, _ = _mentions(graph)[0]
    graph.nodes[policy]["label"] = "bad \udcff byte"
    written, _ = turtle(graph)
    rdf = rdflib.Graph().parse(data=written, format="turtle")
    assert rdf.value(URIRef(node_iri(policy)), RDFS.label) == Literal("bad \ufffd byte", lang="zh")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda g, policy: g.nodes[policy].update(level="galactic"), "galactic"),
        (lambda g, policy: g.nodes[policy].update(type="Spaceship"), "Spaceship"),
        (lambda g, policy: g.nodes[policy].pop("label"), "label"),
    ],
    ids=["level outside the vocabulary", "unknown node type", "node without label"],
)
def test_a_graph_breaking_the_build_contract_fails_loudly(seed_graph, change, message):
    graph = _small(seed_graph)
    _, policy, _ = _mentions(graph)[0]
    change(graph, policy)
    with pytest.raises(ValueError, match=message):
        write_turtle(graph, io.StringIO())


# ---------------------------------------------------------------------------------------------------------------
# SHACL
# ---------------------------------------------------------------------------------------------------------------


def test_the_seed_export_conforms_to_the_shapes(seed_rdf):
    conforms, _, text = _validate(seed_rdf)
    assert conforms, text


def _first_policy(graph: nx.MultiDiGraph) -> str:
    return next(v for _, v, _ in _mentions(graph) if graph.nodes[v]["type"] == NodeType.POLICY.value)


def _first_mention(graph: nx.MultiDiGraph) -> dict:
    item, policy, edge = _mentions(graph)[0]
    key = next(k for k, d in graph[item][policy].items() if d is edge)
    return graph[item][policy][key]


def _drop_item_from_its_section(graph: nx.MultiDiGraph) -> None:
    item, _, _ = _mentions(graph)[0]
    for section, _, key in list(graph.in_edges(item, keys=True)):
        graph.remove_edge(section, item, key)


def _remove_triples(pattern: Callable[[rdflib.Graph], tuple]) -> Callable[[rdflib.Graph], None]:
    def change(rdf: rdflib.Graph) -> None:
        rdf.remove(pattern(rdf))

    return change


def _a_policy(rdf: rdflib.Graph) -> URIRef:
    return sorted(rdf.subjects(RDF.type, PKG.Policy))[0]


def _a_citation(rdf: rdflib.Graph) -> URIRef:
    return sorted(rdf.subjects(RDF.type, PKG.Citation))[0]


# (what breaks, a change to the networkx graph or None, a change to the RDF or None, the path or
#  component the report must name)
BROKEN = [
    pytest.param(lambda g: g.nodes[_first_policy(g)].pop("level"), None, PKG.level, id="policy without level"),
    pytest.param(
        lambda g: g.nodes[_first_policy(g)].pop("level_source"), None, PKG.levelSource, id="policy level unexplained"
    ),
    pytest.param(
        None,
        lambda rdf: rdf.set((_a_policy(rdf), PKG.level, URIRef(str(PKG) + "Galactic"))),
        PKG.level,
        id="level outside the scheme",
    ),
    pytest.param(
        None, lambda rdf: rdf.add((_a_policy(rdf), PKG.level, PKG.County)), PKG.level, id="policy with two levels"
    ),
    pytest.param(
        None,
        lambda rdf: rdf.set((_a_policy(rdf), RDFS.label, Literal(str(rdf.value(_a_policy(rdf), RDFS.label))))),
        RDFS.label,
        id="label without @zh",
    ),
    pytest.param(_drop_item_from_its_section, None, PKG.hasItem, id="work item in no plan"),
    pytest.param(lambda g: _first_mention(g).update(end=_first_mention(g)["start"]), None, OA.start, id="start = end"),
    pytest.param(
        lambda g: _first_mention(g).update(start=_first_mention(g)["end"] + 3), None, OA.start, id="start > end"
    ),
    pytest.param(lambda g: _first_mention(g).update(surface=""), None, OA.exact, id="empty quote"),
    pytest.param(
        lambda g: _first_mention(g).update(surface=_first_mention(g)["surface"] + "之外"),
        None,
        SH.SPARQLConstraintComponent,
        id="quote longer than its offsets",
    ),
    pytest.param(
        None,
        lambda rdf: rdf.remove(
            (rdf.value(_a_citation(rdf), CITO.hasCitingEntity), None, rdf.value(_a_citation(rdf), CITO.hasCitedEntity))
        ),
        SH.SPARQLConstraintComponent,
        id="citation without its direct link",
    ),
    pytest.param(
        None,
        lambda rdf: rdf.remove((_a_citation(rdf), OA.hasTarget, None)),
        OA.hasTarget,
        id="citation without evidence",
    ),
]


def test_the_cut_down_seed_conforms_before_it_is_broken(seed_graph):
    graph = _small(seed_graph)
    assert {graph.nodes[v]["type"] for _, v, _ in _mentions(graph)} == {"Policy", "Meeting"}
    conforms, _, text = _validate(to_rdflib(graph))
    assert conforms, text


@pytest.mark.parametrize(("change_graph", "change_rdf", "named"), BROKEN)
def test_a_broken_export_does_not_conform(seed_graph, change_graph, change_rdf, named):
    graph = _small(seed_graph)
    if change_graph:
        change_graph(graph)
    rdf = to_rdflib(graph)
    if change_rdf:
        change_rdf(rdf)
    conforms, report, text = _validate(rdf)
    assert not conforms
    named_in_report = set(report.objects(None, SH.resultPath)) | set(report.objects(None, SH.sourceConstraintComponent))
    inverse_paths = {report.value(p, SH.inversePath) for p in report.objects(None, SH.resultPath)}
    assert named in named_in_report | inverse_paths, text


# ---------------------------------------------------------------------------------------------------------------
# OWL-RL
# ---------------------------------------------------------------------------------------------------------------


def test_owl_rl_closure_of_ontology_and_seed_is_consistent(seed_with_ontology, seed_graph):
    closure = _closure(seed_with_ontology + rdflib.Graph())  # a copy: the fixture stays as written
    assert _inconsistencies(closure) == []
    # What the closure adds is what a consumer who speaks only ELI / CiTO / ORG asks for:
    mention_item, mention_policy, _ = _mentions(seed_graph)[0]
    assert (_iri(mention_item), CITO.cites, _iri(mention_policy)) in closure
    plan = next(_iri(n) for n, a in seed_graph.nodes(data=True) if a.get("type") == "Document")
    assert (plan, ELI.has_part, None) in closure
    assert (plan, PKG.inJurisdiction, _iri("jur:000000")) in closure, "inJurisdiction is transitive up to 中国"


CONTRADICTIONS = {
    "a meeting that is a policy": [(PKG.Meeting,), (PKG.Policy,)],
    "two levels": [(PKG.Policy,), (PKG.level, PKG.National), (PKG.level, PKG.Provincial)],
    "an organization that is a work item": [(PKG.Organization,), (PKG.WorkItem,)],
}


@pytest.mark.parametrize("facts", CONTRADICTIONS.values(), ids=CONTRADICTIONS.keys())
def test_owl_rl_finds_contradictions(ontology, facts):
    """The consistency check above has teeth: the disjoint classes and the functional, all-different levels."""
    thing = URIRef("https://example.org/thing")
    data = ontology + rdflib.Graph()
    for fact in facts:
        data.add((thing, RDF.type, fact[0]) if len(fact) == 1 else (thing, *fact))
    assert _inconsistencies(_closure(data))


# ---------------------------------------------------------------------------------------------------------------
# SPARQL: questions a researcher asks, answered as the gold annotations answer them
# ---------------------------------------------------------------------------------------------------------------

POLICIES_QUERY = (
    PREFIXES
    + """
SELECT ?policy ?name WHERE {{
    ?plan a pkg:WorkPlan ; pkg:hasSection/pkg:hasItem ?item .
    ?item {relation} ?policy .
    ?policy a pkg:Policy ; rdfs:label|skos:altLabel ?name .
    {condition}
}}"""
)

POLICY_QUESTIONS = {
    "national policies the plan implements": (
        POLICIES_QUERY.format(relation="pkg:implements", condition="?policy pkg:level pkg:National ."),
        lambda m: m.level is Level.NATIONAL and m.relation is Relation.IMPLEMENTS and m.kind is Kind.DOCUMENT,
    ),
    "policies the plan will issue": (
        POLICIES_QUERY.format(relation="pkg:issues", condition=""),
        lambda m: m.relation is Relation.ISSUES and m.kind is Kind.DOCUMENT,
    ),
}


@pytest.mark.parametrize(("query", "in_gold"), POLICY_QUESTIONS.values(), ids=POLICY_QUESTIONS.keys())
def test_sparql_answers_which_policies_as_the_gold_does(seed_rdf, seed_gold, query, in_gold):
    names: dict[str, set[str]] = {}
    for policy, name in seed_rdf.query(query):
        names.setdefault(str(policy), set()).add(normalize_title(str(name)))
    # A gold mention names its policy canonically (`policy`) and as written (`title`); the answer's policy
    # must carry one of the two as its title or an alias.
    gold = {
        normalize_title(m.policy): {normalize_title(m.policy), normalize_title(m.title)}
        for m in seed_gold
        if in_gold(m)
    }
    assert gold, "the gold has no answer to this question"
    unanswered = sorted(g for g, spellings in gold.items() if not any(spellings & n for n in names.values()))
    not_in_gold = sorted(min(n) for n in names.values() if not any(spellings & n for spellings in gold.values()))
    assert (unanswered, not_in_gold) == ([], [])
    assert len(names) == len(gold), "one gold policy is split into several, or several are merged into one"


ITEMS_QUERY = (
    PREFIXES
    + """
SELECT DISTINCT ?label WHERE {{
    ?item a pkg:WorkItem ; pkg:itemLabel ?label ; ?relation ?policy .
    ?relation rdfs:subPropertyOf* {relation} .
    ?policy a pkg:Policy .
    {condition}
}}"""
)

ITEM_QUESTIONS = {
    "items citing provincial policies": (
        ITEMS_QUERY.format(relation="cito:cites", condition="?policy pkg:level pkg:Provincial ."),
        lambda m: m.level is Level.PROVINCIAL and m.kind is Kind.DOCUMENT,
    ),
    "items that revise a policy": (
        ITEMS_QUERY.format(relation="pkg:revises", condition=""),
        lambda m: m.relation is Relation.REVISES and m.kind is Kind.DOCUMENT,
    ),
}


@pytest.mark.parametrize(("query", "in_gold"), ITEM_QUESTIONS.values(), ids=ITEM_QUESTIONS.keys())
def test_sparql_answers_which_items_as_the_gold_does(seed_with_ontology, seed_gold, query, in_gold):
    """Over data and ontology: `rdfs:subPropertyOf* cito:cites` finds every kind of citation."""
    answer = {str(label) for (label,) in seed_with_ontology.query(query)}
    assert answer == {m.item for m in seed_gold if in_gold(m)}


# ---------------------------------------------------------------------------------------------------------------
# JSON-LD
# ---------------------------------------------------------------------------------------------------------------


def test_jsonld_holds_the_same_triples_and_is_deterministic(seed_graph, seed_rdf, test_output):
    first, second = io.StringIO(), io.StringIO()
    count = write_jsonld(seed_graph, first)
    write_jsonld(seed_graph, second)
    assert first.getvalue() == second.getvalue()
    (test_output / "seed.jsonld").write_text(first.getvalue(), encoding="utf-8")
    parsed = rdflib.Graph().parse(data=first.getvalue(), format="json-ld")
    assert count == len(parsed) == len(seed_rdf)
    assert isomorphic(parsed, seed_rdf)


def test_jsonld_is_safe_inside_an_html_script_element(seed_graph):
    graph = _small(seed_graph)
    _, policy, _ = _mentions(graph)[0]
    graph.nodes[policy]["label"] = "</script><script>alert(1)</script>"
    out = io.StringIO()
    write_jsonld(graph, out)
    assert "<" not in out.getvalue() and ">" not in out.getvalue()
    parsed = rdflib.Graph().parse(data=out.getvalue(), format="json-ld")
    assert parsed.value(URIRef(node_iri(policy)), RDFS.label) == Literal(graph.nodes[policy]["label"], lang="zh")
