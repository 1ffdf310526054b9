"""Extract a corpus in two passes, so that no pass holds more than one document's records.

Pass one (`scan_corpus`) extracts every document — on every core, since documents are
independent until policies are resolved across them — and stores each result on disk: in the
cache, under a key made of the file's bytes, its name and the extractor itself (its code and
reference data), so a re-run over an unchanged corpus reads instead of extracting and any change
to the extractor invalidates every entry; or, without a cache, in a spool directory.  The workers
send back only what resolution needs to know of each document (identity.index_entries).

Pass two (`ScannedCorpus.resolved`) reads the stored documents back one at a time, in input
order, and resolves their mentions against the whole corpus.  `extract_corpus` runs both and
keeps everything in memory, for the commands that want a Corpus; `graph.publish.build` streams.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from extractors.identity import CorpusIndex, IndexEntries, PolicyTable, index_entries, key_mentions
from extractors.pipeline import Corpus, Extraction, extract_file
from extractors.reading import MAX_BYTES, UnreadableDocument, find_documents
from ontology.resources import data_dirs

# Documents per task sent to a worker: large enough that process overhead is small, small enough
# that both cores stay busy to the end.
_CHUNK = 8

Progress = Callable[[Iterator["Outcome"], int], Iterable["Outcome"]]


def extract_corpus(
    paths: Iterable[str | Path],
    on_error: Callable[[str, str], None] | None = None,
    *,
    keywords: bool = False,
    progress: Progress | None = None,
    workers: int = 1,
    cache_dir: Path | None = None,
) -> Corpus:
    """Every readable document under `paths`, its mentions resolved across all of them, in memory.

    A file that cannot be read is reported to `on_error(path, reason)` and left out, never fatal.
    With `cache_dir`, results are kept there and entries this run did not use are deleted.
    """
    with tempfile.TemporaryDirectory(prefix="policykg-spool-") as spool:
        scanned = scan_corpus(
            paths, on_error, keywords=keywords, progress=progress, workers=workers, store=cache_dir or Path(spool)
        )
        corpus = Corpus(failures=scanned.failures)
        table = PolicyTable()
        for extraction in scanned.resolved():
            corpus.documents.append(extraction.document)
            corpus.mentions += extraction.mentions
            table.add(extraction.mentions)
    corpus.policies = list(table.policies())
    return corpus


@dataclass
class ScannedCorpus:
    """Pass one's result: the documents read and where each is stored, what could not be read,
    and the index that resolves a mention against every other document."""

    documents: list[Outcome] = field(default_factory=list)  # in input order
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    index: CorpusIndex = field(default_factory=CorpusIndex)

    def resolved(self) -> Iterator[Extraction]:
        """Pass two: each document, read back from its entry, with its mentions resolved."""
        return map(self.resolve, self.documents)

    def resolve(self, outcome: Outcome) -> Extraction:
        """One document of pass one, read back from its entry, with its mentions resolved."""
        extraction = outcome.load()
        return replace(extraction, mentions=self.index.resolve(extraction.mentions, extraction.place))


def scan_corpus(
    paths: Iterable[str | Path],
    on_error: Callable[[str, str], None] | None = None,
    *,
    keywords: bool = False,
    progress: Progress | None = None,
    workers: int = 1,
    store: Path,
) -> ScannedCorpus:
    """Pass one over the documents under `paths`, each result stored in `store` (a cache or a
    spool); entries of `store` this run did not use are deleted."""
    scanned = ScannedCorpus()
    files = find_documents(list(paths))
    outcomes = extract_files(files, keywords=keywords, workers=workers, store=store)
    for outcome in progress(outcomes, len(files)) if progress else outcomes:
        if outcome.error:
            scanned.failures.append((str(outcome.path), outcome.error))
            if on_error:
                on_error(str(outcome.path), outcome.error)
        else:
            scanned.index.add(*outcome.index)
            scanned.documents.append(replace(outcome, index=None))  # told to the index: not kept twice
    if store.is_dir():
        prune_cache(store, {o.entry for o in scanned.documents})
    scanned.index.close()
    return scanned


@dataclass(frozen=True)
class Outcome:
    """What became of one file: where its extraction is stored and what it tells the index, or
    why it could not be read."""

    path: Path
    doc: str = ""
    entry: Path | None = None  # the stored Extraction, its mentions keyed by their own document
    index: IndexEntries | None = None
    error: str = ""
    cached: bool = False  # read from an earlier run's entry

    def load(self) -> Extraction:
        return pickle.loads(self.entry.read_bytes())


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


def _entry(store: Path, path: Path, doc: str, keywords: bool) -> Path | None:
    """Where the file's extraction is stored: named by the extractor, the file's name and bytes.
    None when the bytes cannot be had (unreadable, over the size limit): extraction says why."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    key = hashlib.sha256(
        b"%s\0%s\0%s\0%d\0" % (extractor_version().encode(), doc.encode(), str(path).encode(), keywords)
    )
    key.update(data)
    name = key.hexdigest()
    return store / name[:2] / f"{name}.pickle"


def _extract_one(task: tuple[Path, str, bool, Path]) -> Outcome:
    path, doc, keywords, store = task
    entry = _entry(store, path, doc, keywords)
    if entry is not None and entry.exists():
        try:
            extraction = pickle.loads(entry.read_bytes())
            return Outcome(path, doc, entry, index_entries(extraction.mentions), cached=True)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a broken entry is extracted and written again
    try:
        extraction = extract_file(path, keywords=keywords)
        if extraction.document.doc != doc:
            extraction = _renamed(extraction, doc)
        extraction = replace(extraction, mentions=key_mentions(extraction.mentions, extraction.place))
    except UnreadableDocument as error:
        return Outcome(path, doc, error=str(error))
    except Exception as error:  # noqa: BLE001 - a fault met in one document must not stop a corpus
        return Outcome(path, doc, error=f"extraction failed ({type(error).__name__}: {error}); please report this file")
    if entry is None:
        return Outcome(path, doc, error="cannot read: the file changed while it was read")
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = entry.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, entry)
    return Outcome(path, doc, entry, index_entries(extraction.mentions))


def _renamed(extraction: Extraction, doc: str) -> Extraction:
    document = replace(extraction.document, doc=doc)
    return replace(extraction, document=document, mentions=[replace(m, doc=doc) for m in extraction.mentions])


def extract_files(
    paths: list[Path], *, keywords: bool = False, workers: int | None = None, store: Path
) -> Iterator[Outcome]:
    """One Outcome per file, in the order given, its extraction stored in `store`; `workers`
    processes (default: every core)."""
    ids = document_ids(paths)
    tasks = [(p, ids[p], keywords, store) for p in paths]
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


def prune_cache(store: Path, keep: set[Path]) -> int:
    """Delete stored entries this run did not use (documents removed, extractor changed)."""
    removed = 0
    for entry in store.glob("*/*.pickle"):
        if entry not in keep:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed
