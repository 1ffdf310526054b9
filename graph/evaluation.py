"""Score predicted mentions against a gold annotation (DESIGN.md, "Mentions as JSON lines").

Mentions pair up by document and title (compared after NFKC, without whitespace and brackets),
preferring the same item.  Tier-A precision and recall count policies in 《》 (a not_policy
predicted as a policy is a false positive); level, relation, issuers and item are accuracies over
the pairs; tier B is scored by recall.  Issuers compare with abbreviations written out, and a
predicted issuer must name the body at least as fully as the gold one.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from extractors.cleaning import normalize_title
from extractors.registry import comparable_organization
from ontology.records import Mention
from ontology.vocabulary import Kind, Level, Tier


def read_mentions(path: Path) -> list[Mention]:
    """Mentions from a JSON-lines file; a bad line raises ValueError naming its number."""
    mentions = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                mentions.append(Mention.from_json(json.loads(line)))
            except (ValueError, TypeError, KeyError) as error:
                raise ValueError(f"{path}:{number}: not a mention ({error})") from None
    return mentions


def _comparable_title(title: str) -> str:
    return normalize_title(title).replace("(", "").replace(")", "")


def issuers_match(gold: tuple[str, ...], pred: tuple[str, ...]) -> bool:
    """Each gold issuer named, at least as fully, by its own predicted issuer."""
    if len(gold) != len(pred):
        return False
    left = [comparable_organization(p) for p in pred]
    for g in (comparable_organization(g) for g in gold):
        match = next((p for p in left if p.endswith(g) or p == g), None)
        if match is None:
            return False
        left.remove(match)
    return True


@dataclass
class Rate:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.right}/{self.total})"


@dataclass
class Report:
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)
    missed: list[Mention] = field(default_factory=list)
    spurious: list[Mention] = field(default_factory=list)
    tier_a_true: int = 0
    tier_a_gold: int = 0
    tier_a_pred: int = 0
    not_policy_as_policy: list[Mention] = field(default_factory=list)
    level: Rate = field(default_factory=Rate)
    level_by_source: dict[str, Rate] = field(default_factory=lambda: defaultdict(Rate))
    relation: Rate = field(default_factory=Rate)
    issuers: Rate = field(default_factory=Rate)
    item: Rate = field(default_factory=Rate)
    tier_b_recall: Rate = field(default_factory=Rate)
    identity_splits: list[str] = field(default_factory=list)
    identity_merges: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tier_a_true / self.tier_a_pred if self.tier_a_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tier_a_true / self.tier_a_gold if self.tier_a_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pair_mentions(gold: list[Mention], pred: list[Mention]) -> tuple[list[tuple[Mention, Mention]], list, list]:
    """Pairs of (gold, predicted), the gold left unpaired and the predictions left unpaired."""
    available: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for p in pred:
        available[(p.doc, _comparable_title(p.title))].append(p)
    pairs, missed = [], []
    for g in gold:
        candidates = available.get((g.doc, _comparable_title(g.title)), [])
        if not candidates:
            missed.append(g)
            continue
        best = min(candidates, key=lambda p: (p.item != g.item, p.tier != g.tier))
        candidates.remove(best)
        pairs.append((g, best))
    spurious = [p for ps in available.values() for p in ps]
    return pairs, missed, spurious


def evaluate(gold: list[Mention], pred: list[Mention]) -> Report:
    report = Report()
    report.pairs, report.missed, report.spurious = pair_mentions(gold, pred)

    def is_policy(m: Mention) -> bool:
        return m.kind is not Kind.NOT_POLICY

    report.tier_a_gold = sum(1 for g in gold if g.tier is Tier.A and is_policy(g))
    report.tier_a_pred = sum(1 for p in pred if p.tier is Tier.A and is_policy(p))
    for g, p in report.pairs:
        if g.tier is Tier.A and p.tier is Tier.A and is_policy(g) and is_policy(p):
            report.tier_a_true += 1
        if not is_policy(g) and is_policy(p):
            report.not_policy_as_policy.append(p)
        if g.tier is Tier.B:
            report.tier_b_recall.add(True)
        if not is_policy(g):
            continue
        if g.level is not Level.UNKNOWN:
            ok = g.level is p.level
            report.level.add(ok)
            report.level_by_source[p.level_source.value].add(ok)
            if not ok:
                report.wrong.append(
                    f"level    item {g.item} {g.title}: gold {g.level}, got {p.level} ({p.level_source})"
                )
        report.relation.add(g.relation is p.relation)
        if g.relation is not p.relation:
            report.wrong.append(f"relation item {g.item} {g.title}: gold {g.relation}, got {p.relation}")
        ok = issuers_match(g.issuers, p.issuers)
        report.issuers.add(ok)
        if not ok:
            report.wrong.append(f"issuers  item {g.item} {g.title}: gold {list(g.issuers)}, got {list(p.issuers)}")
        report.item.add(g.item == p.item)
        if g.item != p.item:
            report.wrong.append(f"item     {g.title}: gold {g.item}, got {p.item}")
    for g in report.missed:
        if g.tier is Tier.B:
            report.tier_b_recall.add(False)
    _identity(report)
    return report


def _identity(report: Report) -> None:
    """Every gold policy one predicted id, and no predicted id two gold policies."""
    ids_of_gold: dict[str, set[str]] = defaultdict(set)
    gold_of_id: dict[str, set[str]] = defaultdict(set)
    for g, p in report.pairs:
        if g.kind is Kind.NOT_POLICY or not g.policy:
            continue
        pid = p.policy_id or p.policy or f"?{p.title}"
        ids_of_gold[g.policy].add(pid)
        gold_of_id[pid].add(g.policy)
    report.identity_splits = sorted(f"{k}: {len(v)} ids" for k, v in ids_of_gold.items() if len(v) > 1)
    report.identity_merges = sorted(f"{k}: {' | '.join(sorted(v))}" for k, v in gold_of_id.items() if len(v) > 1)


def format_report(report: Report) -> str:
    lines = [
        f"mentions in 《》 (policies): P {report.precision:.3f}  R {report.recall:.3f}  F1 {report.f1:.3f}"
        f"  ({report.tier_a_true} right, {report.tier_a_pred} predicted, {report.tier_a_gold} gold)",
        f"tier B recall:        {report.tier_b_recall}",
        f"not_policy as policy: {len(report.not_policy_as_policy)}",
        f"level accuracy:       {report.level}  (gold level known)",
    ]
    for source, rate in sorted(report.level_by_source.items()):
        lines.append(f"  from {source:9}         {rate}")
    lines += [
        f"relation accuracy:    {report.relation}",
        f"issuer accuracy:      {report.issuers}",
        f"item accuracy:        {report.item}",
        f"policy identity:      {len(report.identity_splits)} split, {len(report.identity_merges)} merged",
    ]
    lines += [f"  split  {s}" for s in report.identity_splits]
    lines += [f"  merged {s}" for s in report.identity_merges]
    counts = Counter(m.tier.value for m in report.missed)
    if report.missed:
        lines.append(f"missed ({len(report.missed)}; tier A {counts['A']}, tier B {counts['B']}):")
        lines += [f"  item {m.item:>3} [{m.tier}] {m.surface}" for m in report.missed]
    if report.spurious:
        lines.append(f"not in gold ({len(report.spurious)}):")
        lines += [f"  item {m.item:>3} [{m.tier}] {m.surface}" for m in report.spurious]
    if report.wrong:
        lines.append("wrong on paired mentions:")
        lines += [f"  {w}" for w in report.wrong]
    return "\n".join(lines)
