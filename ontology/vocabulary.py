"""The closed vocabularies of the domain model (../shared/DESIGN.md), each defined once.

Every member carries, beside its value (the string used in the JSON-lines files), the terms the
other outputs need: its local name in the project's RDF vocabulary, its Neo4j label or type, and
its colour and label on the maps.  Adding a member here is the only change the outputs need.
"""

from __future__ import annotations

from enum import Enum


class _Term(Enum):
    """An enum whose value is the first element of its definition; the rest are attributes."""

    def __new__(cls, value: str, *_rest):
        member = object.__new__(cls)
        member._value_ = value
        return member

    def __str__(self) -> str:
        return self.value


class Level(_Term):
    """Where a policy (or organization, or meeting) sits in the administrative hierarchy."""

    NATIONAL = ("national", "National", "国家级", "#d62728", 0)
    PROVINCIAL = ("provincial", "Provincial", "省级", "#ff7f0e", 1)
    MUNICIPAL = ("municipal", "Municipal", "市级", "#2ca02c", 2)
    COUNTY = ("county", "County", "县级", "#1f77b4", 3)
    UNKNOWN = ("unknown", "UnknownLevel", "未知", "#7f7f7f", 9)

    def __init__(self, value: str, rdf_name: str, label_zh: str, colour: str, rank: int):
        self.rdf_name = rdf_name
        self.label_zh = label_zh
        self.colour = colour
        self.rank = rank  # 0 is the top of the hierarchy


class LevelSource(_Term):
    """How a level was decided: a level is never guessed (DESIGN.md, "Levels")."""

    CUE = ("cue", "CueEvidence", "文中线索")
    REGISTRY = ("registry", "RegistryEvidence", "已知政策库")
    CORPUS = ("corpus", "CorpusEvidence", "语料互证")
    CONTEXT = ("context", "ContextEvidence", "本文件层级")
    UNKNOWN = ("unknown", "NoEvidence", "无依据")

    def __init__(self, value: str, rdf_name: str, label_zh: str):
        self.rdf_name = rdf_name
        self.label_zh = label_zh


class Relation(_Term):
    """What a work item does with a policy it mentions."""

    IMPLEMENTS = ("implements", "IMPLEMENTS", "implements", "贯彻落实", "solid")
    ISSUES = ("issues", "ISSUES", "issues", "制定出台", "dashed")
    REVISES = ("revises", "REVISES", "revises", "修订", "dotted")
    CITES = ("cites", "CITES", "cites", "提及", "solid")

    def __init__(self, value: str, neo4j_type: str, rdf_name: str, label_zh: str, dash: str):
        self.neo4j_type = neo4j_type
        self.rdf_name = rdf_name
        self.label_zh = label_zh
        self.dash = dash


class Kind(_Term):
    """What a mention names: a policy document, a meeting, or a work that is no policy."""

    DOCUMENT = ("document", "Policy")
    MEETING = ("meeting", "Meeting")
    NOT_POLICY = ("not_policy", "")

    def __init__(self, value: str, node_type: str):
        self.node_type = node_type  # the NodeType value of the node a mention of this kind links to


class Tier(_Term):
    """`A`: the title stands in 《》; `B`: named without brackets."""

    A = ("A",)
    B = ("B",)


class NodeType(_Term):
    """The nodes of the graph: Neo4j label, RDF class local name, map colour and shape."""

    DOCUMENT = ("Document", "WorkPlan", "工作计划", "#8c564b", "box")
    SECTION = ("Section", "Section", "章节", "#c49c94", "box")
    WORK_ITEM = ("WorkItem", "WorkItem", "工作事项", "#9467bd", "dot")
    POLICY = ("Policy", "Policy", "政策", "#17becf", "diamond")
    MEETING = ("Meeting", "Meeting", "会议", "#e377c2", "star")
    ORGANIZATION = ("Organization", "Organization", "发文机关", "#bcbd22", "triangle")
    JURISDICTION = ("Jurisdiction", "Jurisdiction", "行政区", "#aec7e8", "hexagon")

    def __init__(self, value: str, rdf_name: str, label_zh: str, colour: str, shape: str):
        self.label = value  # the Neo4j label
        self.rdf_name = rdf_name
        self.label_zh = label_zh
        self.colour = colour
        self.shape = shape


class LinkType(_Term):
    """The links between nodes other than the WorkItem→Policy relations (DESIGN.md, "Links")."""

    HAS_SECTION = ("HAS_SECTION", "hasSection")
    HAS_ITEM = ("HAS_ITEM", "hasItem")
    ISSUED_BY = ("ISSUED_BY", "issuedBy")
    IN = ("IN", "inJurisdiction")
    IMPLEMENTS = ("IMPLEMENTS", "implementsPolicy")  # Policy → Policy, from a nested title

    def __init__(self, value: str, rdf_name: str):
        self.neo4j_type = value
        self.rdf_name = rdf_name
