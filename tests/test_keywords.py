"""Topic keywords of a work item: what it is about, never how plans word their work."""

from __future__ import annotations

import pytest

from extractors.keywords import topic_keywords


@pytest.mark.parametrize(
    "item, about, not_about",
    [
        (
            "加快推进学前教育普惠发展，新建和改扩建公办幼儿园10所，扩大普惠性学前教育资源。",
            {"学前教育", "幼儿园"},
            {"加快推进", "10", "所"},
        ),
        (
            "全面落实《国家中长期教育改革和发展规划纲要》，推进义务教育均衡发展，缩小城乡学校差距。",
            {"义务教育", "均衡"},
            {"全面落实", "推进", "《"},
        ),
        ("加强教师队伍建设，实施乡村教师支持计划，提高教师待遇。", {"教师", "乡村"}, {"加强", "实施", "提高"}),
        ("深化考试招生制度改革，做好2017年高考和中考工作。", {"高考", "中考"}, {"2017", "做好", "工作"}),
    ],
)
def test_an_item_is_named_by_its_topics(item, about, not_about):
    words = topic_keywords(item)
    assert about <= set(words) and not (not_about & set(words))
    assert len(words) <= 5 and len(set(words)) == len(words)


@pytest.mark.parametrize("item", ["", "   \n", "工作。", "2017年"])
def test_an_item_with_no_topic_word_has_no_keywords(item):
    assert topic_keywords(item) == ()


def test_the_most_repeated_topic_comes_first():
    words = topic_keywords("校园安全是底线。开展校园安全检查，落实校园安全责任，完善食堂管理。")
    assert words[0] == "校园" and "食堂" in words
