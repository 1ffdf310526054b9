"""Every record the pipeline passes between stages.

Records are frozen: a stage returns new records instead of changing old ones.  The fields of
`Mention` are the keys of the gold files (DESIGN.md, "Mentions as JSON lines") plus the evidence
fields; `Mention.to_json` writes exactly those keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ontology.vocabulary import Kind, Level, LevelSource, Relation, Tier


@dataclass(frozen=True)
class Jurisdiction:
    """An administrative division: 中国 ⊃ 广东省 ⊃ 佛山市 ⊃ 顺德区."""

    code: str  # the official 6-digit division code; "000000" for all of China
    name: str  # full name: 广东省, 佛山市, 顺德区
    level: Level
    parent: str | None = None  # the parent's code
    short: str = ""  # name without its suffix: 广东, 佛山, 顺德


@dataclass(frozen=True)
class WorkItem:
    """A numbered work item; the preamble is item `0`."""

    label: str  # as printed, without punctuation: `8`, `三`
    heading: str  # text up to the first 。 (whitespace removed)
    start: int  # code-point offsets of the item's text in the document text
    end: int
    section: int  # the order of its Section; 0 for text before the first section
    order: int = 0  # its place among the document's items: labels repeat, orders do not
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A 一、… heading of a Document."""

    order: int
    label: str  # 一, 二 …
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A work plan as read: its text is what every offset points into."""

    doc: str  # the file stem
    source: str  # the file path or URL it was read from
    text: str
    title: str = ""
    issuer: str = ""  # the issuing body in full, as far as the text allows
    issuer_as_printed: str = ""
    jurisdiction: str | None = None  # a Jurisdiction code
    level: Level = Level.UNKNOWN
    date: str = ""  # ISO date when printed
    year: int | None = None
    encoding: str = "utf-8"
    sections: tuple[Section, ...] = ()
    items: tuple[WorkItem, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """One reference to a policy, meeting or other work in a work item, with its evidence."""

    doc: str
    item: str
    item_title: str
    surface: str
    title: str
    issuers: tuple[str, ...] = ()
    level: Level = Level.UNKNOWN
    kind: Kind = Kind.DOCUMENT
    relation: Relation = Relation.CITES
    tier: Tier = Tier.A
    policy: str = ""  # the canonical key of the Policy or Meeting it resolves to
    # evidence
    start: int = 0
    end: int = 0
    sentence: str = ""
    trigger: str = ""
    level_source: LevelSource = LevelSource.UNKNOWN
    jurisdiction: str = ""  # code of the Jurisdiction the named policy or meeting belongs to
    policy_id: str = ""
    doc_number: str = ""  # printed after the title: 《…》（国发〔2016〕40号）
    parent: str = ""  # for a title nested in another: the outer title
    refers_to: str = ""  # for a short name the plan declared (以下简称《…》): the full title it stands for
    flags: tuple[str, ...] = ()
    note: str = field(default="", compare=False)

    def to_json(self) -> dict:
        """The JSON-lines object: enums as their values, tuples as lists."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = list(value)
            elif hasattr(value, "value"):
                value = value.value
            out[f.name] = value
        return out

    @classmethod
    def from_json(cls, obj: dict) -> Mention:
        """Read a gold or predicted line; unknown keys are ignored, missing ones take defaults."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in obj.items() if k in known}
        values["issuers"] = tuple(values.get("issuers", ()))
        values["flags"] = tuple(values.get("flags", ()))
        for key, enum in (
            ("level", Level),
            ("kind", Kind),
            ("relation", Relation),
            ("tier", Tier),
            ("level_source", LevelSource),
        ):
            if key in values:
                values[key] = enum(values[key])
        return cls(**values)


@dataclass(frozen=True)
class Policy:
    """One real policy (or meeting) that mentions across items and documents resolve to."""

    id: str  # ASCII, derived from `key`: the same key gives the same id in every run
    key: str  # canonical key: normalized title, plus a jurisdiction where the title alone is ambiguous
    title: str  # canonical title, as the fullest mention writes it (without 《》)
    kind: Kind = Kind.DOCUMENT
    doc_kind: str = ""  # 法, 条例, 办法, 意见, 方案, 规划 …: the genre its title ends in
    level: Level = Level.UNKNOWN
    level_source: LevelSource = LevelSource.UNKNOWN
    issuers: tuple[str, ...] = ()
    jurisdiction: str | None = None  # a Jurisdiction code
    years: tuple[int, ...] = ()
    doc_number: str = ""  # 国发〔2016〕40号
    aliases: tuple[str, ...] = ()
    implements: tuple[str, ...] = ()  # keys of policies its title says it implements
