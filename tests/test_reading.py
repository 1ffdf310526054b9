"""Real files in real encodings, and bad input: one clear reason per file, never a crash."""

from __future__ import annotations

import codecs

import pytest

from extractors.corpus import extract_corpus
from extractors.pipeline import extract_file
from extractors.reading import UnreadableDocument, read_document

PLAN = "广州市教育局2018年工作要点\n一、主要任务\n1. 贯彻落实《广东省教育发展“十三五”规划》。\n"


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "utf-16-bom", "utf-16-le", "utf-16-be"],
)
def test_encodings_are_detected_not_assumed(tmp_path, encode, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(encode(PLAN))
    text, found = read_document(path)
    assert (text, found) == (PLAN, encoding)
    assert [m.title for m in extract_file(path).mentions] == ["广东省教育发展“十三五”规划"]


def test_html_page_keeps_the_article_and_drops_chrome(tmp_path):
    page = """<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>
    <script>var a = "《假的政策》";</script></head><body>
    <div class="nav">无障碍版 | rss订阅</div><div class="crumb">当前位置：首页 &gt; 政务公开</div>
    <div id="zoom" class="TRS_Editor"><p>广州市教育局2018年工作要点</p><p>一、主要任务</p>
    <p>1. 贯彻落实《广东省教育发展&ldquo;十三五&rdquo;规划》。</p></div>
    <div class="footer">版权所有 广州市教育局</div></body></html>"""
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    text, _ = read_document(path)
    assert "假的政策" not in text and "无障碍" not in text and "版权所有" not in text
    assert [m.title for m in extract_file(path).mentions] == ["广东省教育发展“十三五”规划"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (b"abc\xff\xfe\xfd\x80abc", "undecodable bytes"),
        (b"<html><body><script>var x=1;</script><nav>\xe9\xa6\x96\xe9\xa1\xb5</nav></body></html>", "no article"),
        (b"   \n\n \t ", "no text"),
    ],
    ids=["empty", "binary", "undecodable", "html-without-article", "whitespace"],
)
def test_unreadable_files_say_why(tmp_path, content, reason):
    path = tmp_path / ("page.html" if b"<html" in content else "plan.txt")
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match=reason):
        read_document(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:  # a sparse 200 MB file: nothing is written but its size
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(UnreadableDocument, match="200 MiB, over the 32 MiB limit"):
        read_document(path)


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text(PLAN.replace("广州", "深圳"), encoding="gbk")
    reported = []
    corpus = extract_corpus([tmp_path], on_error=lambda path, why: reported.append((path, why)))
    assert [d.doc for d in corpus.documents] == ["a", "c"]
    assert [(p.endswith("b.txt"), "binary" in why) for p, why in reported] == [(True, True)]


def test_a_plan_without_numbered_items_is_all_item_zero():
    from extractors.pipeline import extract_text

    text = "某县教育局工作安排\n今年要贯彻落实《中华人民共和国义务教育法》，执行《校车安全管理条例》。"
    extraction = extract_text(text)
    assert {m.item for m in extraction.mentions} == {"0"}
    assert len(extraction.mentions) == 2


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("1. 落实《关于加强教育工作的意见，推进《某市教育规划》。", ["某市教育规划"]),
        ("1. 落实《某市教育规划》》和《关于学校安全的通知》。", ["某市教育规划", "关于学校安全的通知"]),
        ("1. 落实《某市教育规划\n2. 推进学校建设》。", []),
        ("1. 落实》《某市教育规划》。", ["某市教育规划"]),
    ],
    ids=["lost-closing", "extra-closing", "across-lines", "closing-first"],
)
def test_unbalanced_brackets_never_swallow_text(text, titles):
    from extractors.pipeline import extract_text

    mentions = extract_text("某市教育局2020年工作计划\n" + text).mentions
    assert [m.title for m in mentions if m.tier.value == "A"] == titles
