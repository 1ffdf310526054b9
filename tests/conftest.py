"""Shared fixtures: the seed document, its gold, its corpus and graph; the Neo4j and browser marks.

Tests marked `neo4j` need a real server named by NEO4J_URI (the Makefile's `test` target starts one
with tests/neo4j_server/with_neo4j.sh).  Without one they are skipped on a developer's machine and
fail in CI (CI=true), so a CI run can never pass without having talked to Neo4j.  The summary line
says how many ran.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "000_2459ef0d93ff34f6.txt"
SEED_GOLD = ROOT / "data" / "000_2459ef0d93ff34f6.gold.jsonl"
OUT = ROOT / "tests" / "out"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_gold():
    from graph.evaluation import read_mentions

    return read_mentions(SEED_GOLD)


@pytest.fixture(scope="session")
def seed_corpus():
    from extractors.corpus import extract_corpus

    return extract_corpus([SEED])


@pytest.fixture(scope="session")
def seed_graph(seed_corpus):
    from graph.build import build_graph

    return build_graph(seed_corpus)


@pytest.fixture(scope="session")
def test_output() -> Path:
    """tests/out/: screenshots and files a person may want to look at after a run."""
    OUT.mkdir(parents=True, exist_ok=True)
    return OUT


def pytest_collection_modifyitems(config, items):
    if os.environ.get("NEO4J_URI"):
        return
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    for item in items:
        if "neo4j" in item.keywords:
            if in_ci:
                item.fixturenames.insert(0, "_neo4j_required_in_ci")  # fails the test at setup
            else:
                item.add_marker(pytest.mark.skip(reason="no Neo4j server: set NEO4J_URI (make test starts one)"))


@pytest.fixture
def _neo4j_required_in_ci():
    pytest.fail("Neo4j tests must run in CI, but NEO4J_URI is not set: the server did not start")


_neo4j_outcomes: dict[str, int] = {}


def pytest_runtest_logreport(report):
    if report.when == "call" and "neo4j" in report.keywords:
        _neo4j_outcomes[report.outcome] = _neo4j_outcomes.get(report.outcome, 0) + 1
    elif report.when == "setup" and report.failed and "neo4j" in report.keywords:
        _neo4j_outcomes["failed"] = _neo4j_outcomes.get("failed", 0) + 1


def pytest_terminal_summary(terminalreporter):
    ran = sum(_neo4j_outcomes.values())
    where = os.environ.get("NEO4J_URI", "no server")
    parts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_neo4j_outcomes.items())) or "none ran"
    terminalreporter.write_line(f"Neo4j tests against a real server ({where}): {ran} ({parts})")
