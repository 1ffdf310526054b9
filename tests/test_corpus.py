"""Many files: the same results on one core or two, reused from the cache while nothing changed."""

from __future__ import annotations

from pathlib import Path

from extractors.corpus import document_ids, extract_corpus, extract_files

from .conftest import ROOT

CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.*[tl]"))  # the .txt and .html plans


def test_two_processes_give_what_one_gives(tmp_path):
    many = CORPUS * 3  # enough files for the pool to start
    one = [o.load() for o in extract_files(many, workers=1, store=tmp_path / "one")]
    two = [o.load() for o in extract_files(many, workers=2, store=tmp_path / "two")]
    assert one == two and len(one) == len(many)


def test_the_cache_is_used_until_a_file_changes(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("某市教育局2020年工作计划\n1. 落实《某市教育规划》。", encoding="utf-8")
    cache = tmp_path / "cache"
    (first,) = extract_files([plan], store=cache)
    (second,) = extract_files([plan], store=cache)
    assert (first.cached, second.cached) == (False, True)
    assert second.load() == first.load()
    plan.write_text("某市教育局2020年工作计划\n1. 落实《某市教育规划》和《某市学校规划》。", encoding="utf-8")
    (third,) = extract_files([plan], store=cache)
    assert not third.cached and len(third.load().mentions) == 2


def test_unused_cache_entries_are_pruned(tmp_path):
    cache = tmp_path / "cache"
    extract_corpus(CORPUS[:3], cache_dir=cache)
    assert len(list(cache.rglob("*.pickle"))) == 3
    extract_corpus(CORPUS[:1], cache_dir=cache)
    assert len(list(cache.rglob("*.pickle"))) == 1


def test_two_files_with_one_stem_get_two_documents():
    paths = [Path("a/plan.txt"), Path("b/plan.txt"), Path("c/other.txt")]
    ids = document_ids(paths)
    assert ids[paths[2]] == "other"
    assert len({ids[paths[0]], ids[paths[1]]}) == 2 and all(ids[p].startswith("plan-") for p in paths[:2])


def test_a_fault_in_one_document_is_reported_and_the_others_are_extracted(tmp_path, monkeypatch):
    import extractors.corpus as corpus_module

    real = corpus_module.extract_file

    def failing_on_hefei(path, **options):
        if path.stem == "hefei_2017":
            raise IndexError("string index out of range")
        return real(path, **options)

    monkeypatch.setattr(corpus_module, "extract_file", failing_on_hefei)
    said = []
    corpus = extract_corpus(CORPUS, lambda path, reason: said.append((Path(path).name, reason)))
    assert said == [
        ("hefei_2017.txt", "extraction failed (IndexError: string index out of range); please report this file")
    ]
    hefei = next(path for path in CORPUS if path.stem == "hefei_2017")
    assert len(corpus.documents) == len(CORPUS) - 1 and corpus.failures == [(str(hefei), said[0][1])]
