"""The RDF namespaces of policykg: the project's own terms, closed, and the external vocabularies it reuses.

`PKG` lists every term that ontology/policykg.ttl defines, like rdflib's own `DefinedNamespace`s: a misspelt
term (`PKG.implement`) raises AttributeError instead of quietly minting a new IRI.  The external vocabularies
rdflib does not ship (ELI, CiTO, Web Annotation) are plain `Namespace`s: their term lists are not ours to
curate.  RDF, RDFS, OWL, XSD, SKOS, DCTERMS, DCAT, FOAF, PROV, ORG, VANN, SH come from rdflib.namespace.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

ONTOLOGY_IRI = URIRef("https://w3id.org/policykg/ontology")
DEFAULT_BASE = "https://w3id.org/policykg/"  # where the data's IRIs live unless a caller says otherwise

ELI = Namespace("http://data.europa.eu/eli/ontology#")  # European Legislation Identifier
CITO = Namespace("http://purl.org/spar/cito/")  # Citation Typing Ontology
OA = Namespace("http://www.w3.org/ns/oa#")  # W3C Web Annotation Vocabulary


class PKG(DefinedNamespace):
    """The policykg ontology (ontology/policykg.ttl); the local names of enum members are their `rdf_name`."""

    _NS = Namespace(str(ONTOLOGY_IRI) + "#")
    _fail = True

    # Classes (NodeType.rdf_name, plus the evidence record of one mention)
    WorkPlan: URIRef
    Section: URIRef
    WorkItem: URIRef
    Policy: URIRef
    Meeting: URIRef
    Organization: URIRef
    Jurisdiction: URIRef
    Citation: URIRef

    # What a work item does with a policy (Relation.rdf_name)
    implements: URIRef
    issues: URIRef
    revises: URIRef
    cites: URIRef

    # The other links (LinkType.rdf_name)
    hasSection: URIRef
    hasItem: URIRef
    issuedBy: URIRef
    inJurisdiction: URIRef
    implementsPolicy: URIRef

    # Where in the hierarchy, and how that was decided
    level: URIRef
    levelSource: URIRef

    # Literal-valued properties
    itemLabel: URIRef
    order: URIRef
    heading: URIRef
    text: URIRef
    keyword: URIRef
    year: URIRef
    documentKind: URIRef
    canonicalKey: URIRef
    citedCount: URIRef
    sourceFile: URIRef
    trigger: URIRef
    tier: URIRef
    sentence: URIRef
    citedTitle: URIRef

    # The level scheme (Level.rdf_name) and the level-source scheme (LevelSource.rdf_name)
    LevelScheme: URIRef
    National: URIRef
    Provincial: URIRef
    Municipal: URIRef
    County: URIRef
    UnknownLevel: URIRef
    LevelSourceScheme: URIRef
    CueEvidence: URIRef
    RegistryEvidence: URIRef
    CorpusEvidence: URIRef
    ContextEvidence: URIRef
    NoEvidence: URIRef
