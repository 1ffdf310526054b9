"""The reference data the rules lean on (data/reference/*.tsv): each row well formed, each name
meaning one policy, each entry with the source it was taken from."""

from __future__ import annotations

from collections import Counter

from extractors.cleaning import normalize_title
from extractors.registry import _rows, known_policies, known_policy
from ontology.vocabulary import Level


def test_every_policy_of_the_registry_is_well_formed_and_sourced():
    rows = _rows("policies.tsv")
    assert len(rows) > 150
    for row in rows:
        assert row["title"] and row["issuers"] and row["source"], row
        assert Level(row["level"]) is not Level.UNKNOWN, row
        assert not row["year"] or 1949 <= int(row["year"]) <= 2030, row


def test_no_name_in_the_registry_stands_for_two_policies():
    names = Counter(
        name
        for row in _rows("policies.tsv")
        for name in {normalize_title(n) for n in (row["title"], *filter(None, row["aliases"].split("|")))}
    )
    assert [name for name, count in names.items() if count > 1] == []


def test_a_rule_and_the_rules_that_replaced_it_are_two_policies():
    interim, final = known_policy("公平竞争审查制度实施细则（暂行）"), known_policy("公平竞争审查制度实施细则")
    assert interim is not None and final is not None and interim is not final
    assert (interim.year, final.year) == (2017, 2021)


def test_a_law_is_found_by_its_short_name():
    assert known_policy("义务教育法") is known_policy("中华人民共和国义务教育法")
    assert known_policies()[normalize_title("退役军人保障法")].level is Level.NATIONAL
