"""Extract a corpus: many files on every core, reusing what an earlier run extracted from the same
bytes, then policies resolved across all of them.

Documents are independent until policies are resolved across them, so extraction runs in a pool
of processes (results come back in input order: the same input gives the same output).  Each
result is cached under a key made of the file's bytes, its name and the extractor itself (its code
and reference data), so a re-run over an unchanged corpus reads the cache instead of extracting,
and any change to the extractor invalidates every entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from extractors.pipeline import Corpus, Extraction, extract_file, resolve
from extractors.reading import UnreadableDocument, find_documents
from ontology.resources import data_dirs

# Documents per task sent to a worker: large enough that process overhead is small, small enough
# that both cores stay busy to the end.
_CHUNK = 8


def extract_corpus(
    paths: Iterable[str | Path],
    on_error: Callable[[str, str], None] | None = None,
    *,
    keywords: bool = False,
    progress: Callable[[Iterator[Outcome], int], Iterable[Outcome]] = lambda outcomes, total: outcomes,
    workers: int = 1,
    cache_dir: Path | None = None,
) -> Corpus:
    """Extract every readable document under `paths` and resolve its policies across all of them.

    A file that cannot be read is reported to `on_error(path, reason)` and left out, never fatal.
    With `cache_dir`, entries this run did not use are deleted afterwards.
    """
    corpus = Corpus()
    files = find_documents(list(paths))
    extractions, used = [], set()
    for outcome in progress(extract_files(files, keywords=keywords, workers=workers, cache_dir=cache_dir), len(files)):
        if outcome.entry is not None:
            used.add(outcome.entry)
        if outcome.extraction is None:
            corpus.failures.append((str(outcome.path), outcome.error))
            if on_error:
                on_error(str(outcome.path), outcome.error)
        else:
            extractions.append(outcome.extraction)
    if cache_dir is not None and cache_dir.is_dir():
        prune_cache(cache_dir, used)
    extractions, corpus.policies = resolve(extractions)
    for extraction in extractions:
        corpus.documents.append(extraction.document)
        corpus.mentions += extraction.mentions
    return corpus


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its extraction, or why it could not be read."""

    path: Path
    extraction: Extraction | None = None
    error: str = ""
    cached: bool = False
    entry: Path | None = None  # its cache file


@cache
def extractor_version() -> str:
    """A digest of the extractor's code and reference data: a cached result is only as good as both."""
    digest = hashlib.sha256()
    roots = [Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "ontology"]
    files = [p for root in roots for p in sorted(root.glob("*.py"))]
    files += [p for d in data_dirs() if d.is_dir() for p in sorted(d.glob("*.tsv")) + sorted(d.glob("*.dict"))]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def document_ids(paths: list[Path]) -> dict[Path, str]:
    """Each file's `doc`: its stem, made unique with a digest of its path where two stems collide."""
    stems: dict[str, int] = {}
    for path in paths:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    return {
        p: p.stem if stems[p.stem] == 1 else f"{p.stem}-{hashlib.sha1(str(p).encode()).hexdigest()[:8]}" for p in paths
    }


def _cache_file(cache_dir: Path, path: Path, doc: str, data: bytes, keywords: bool) -> Path:
    key = hashlib.sha256(
        b"%s\0%s\0%s\0%d\0" % (extractor_version().encode(), doc.encode(), str(path).encode(), keywords)
    )
    key.update(data)
    name = key.hexdigest()
    return cache_dir / name[:2] / f"{name}.pickle"


def _extract_one(task: tuple[Path, str, bool, Path | None]) -> Outcome:
    path, doc, keywords, cache_dir = task
    entry = None
    if cache_dir is not None:
        try:
            entry = _cache_file(cache_dir, path, doc, path.read_bytes(), keywords)
            if entry.exists():
                return Outcome(path, pickle.loads(entry.read_bytes()), cached=True, entry=entry)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # an unreadable file is reported below; a broken entry is extracted and written again
    try:
        extraction = extract_file(path, keywords=keywords)
    except UnreadableDocument as error:
        return Outcome(path, error=str(error))
    if extraction.document.doc != doc:
        extraction = _renamed(extraction, doc)
    if entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, entry)
    return Outcome(path, extraction, entry=entry)


def _renamed(extraction: Extraction, doc: str) -> Extraction:
    document = replace(extraction.document, doc=doc)
    return replace(extraction, document=document, mentions=[replace(m, doc=doc) for m in extraction.mentions])


def extract_files(
    paths: list[Path], *, keywords: bool = False, workers: int | None = None, cache_dir: Path | None = None
) -> Iterator[Outcome]:
    """One Outcome per file, in the order given; `workers` processes (default: every core)."""
    ids = document_ids(paths)
    tasks = [(p, ids[p], keywords, cache_dir) for p in paths]
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(tasks) < 2 * _CHUNK:
        yield from map(_extract_one, tasks)
        return
    _warm_up()  # load the reference tables once, before the workers fork and share them
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_one, tasks, chunksize=_CHUNK)


def _warm_up() -> None:
    from extractors.pipeline import extract_text

    extract_text("某市教育局2020年工作计划\n1. 落实《某市教育规划》。")


def prune_cache(cache_dir: Path, keep: set[Path]) -> int:
    """Delete cache entries this run did not use (documents removed, extractor changed)."""
    removed = 0
    for entry in cache_dir.glob("*/*.pickle"):
        if entry not in keep:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed
