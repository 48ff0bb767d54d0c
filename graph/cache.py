"""A cache of per-article extraction results, so that a rebuild parses only what changed.

The cache is one SQLite file (stdlib :mod:`sqlite3`, WAL journal). A row holds one
article's :class:`~extract.records.Extraction` as JSON, keyed by

* the article's **content hash** (:func:`article_hash`: id, text, title, url and date), and
* the **pipeline fingerprint** (:func:`pipeline_fingerprint`: spaCy model name, version and
  pipes, the source of every ``extract/*.py``, the pattern files of ``data/patterns`` and the
  gazetteer's own fingerprint).

A changed article gets a new hash and a changed rule, model or gazetteer a new fingerprint,
so a stale row is never read; it is simply not found. Records are stored as JSON rather
than pickles: a cache file never runs code when read, and the format does not depend on
the Python version. Each batch is written in one transaction, so a build killed at any
moment leaves a cache that holds every batch committed before it and nothing half-written.

Examples
--------
>>> from extract.records import Article, Extraction, Mention
>>> article = Article("a1", "Nvidia rose.")
>>> extraction = Extraction(article, mentions=(Mention("a1", "Nvidia", "company", 0, 6, 0, 12),))
>>> with ExtractionCache(":memory:") as cache:
...     stored = cache.put_many("fp1", [extraction])
...     hit = cache.get_many("fp1", [article])
...     miss = cache.get_many("fp2", [article])
>>> hit[article_hash(article)] == extraction, miss
(True, {})
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import extract
from extract.resources import DATA_DIR
from extract.records import (
    Article, Attribute, Deal, DealParty, Evidence, Extraction, Mention, Relation, to_dict,
)

__all__ = [
    "ExtractionCache", "article_hash", "pipeline_fingerprint", "extraction_to_dict", "extraction_from_dict",
    "DEFAULT_CACHE_NAME",
]

#: File name of the cache inside the build's output folder.
DEFAULT_CACHE_NAME = "cache.sqlite"
#: Bumped when the stored JSON layout changes; part of every fingerprint.
CACHE_FORMAT = 1

_EXTRACT_DIR = Path(extract.__file__).resolve().parent
#: Data folders whose files are rules (the gazetteers are covered by their own fingerprint).
_RULE_DATA_DIRS = ("patterns", "lexicon")


def article_hash(article: Article) -> str:
    """Content hash of an article: its id, text, title, url and date (not where it was read from).

    >>> a = Article("a1", "Nvidia rose.")
    >>> article_hash(a) == article_hash(Article("a1", "Nvidia rose.", path="elsewhere.txt"))
    True
    >>> article_hash(a) == article_hash(Article("a1", "Nvidia fell."))
    False
    """
    fields = [article.id, article.text, article.title, article.url, article.date]
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _files_digest(root: Path, paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(root).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _rule_files() -> tuple[list[Path], list[Path]]:
    """Every module of ``extract/`` and its subpackages, and every file under the rule data folders."""
    sources = [p for p in _EXTRACT_DIR.rglob("*.py") if "__pycache__" not in p.parts]
    data = []
    for folder in _RULE_DATA_DIRS:
        base = DATA_DIR / folder
        if base.is_dir():
            data += [p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sources, data


def rules_fingerprint() -> str:
    """Hash of our extraction rules: the source of every module under ``extract/`` (subpackages
    included) and every file under ``data/patterns/`` and ``data/lexicon/`` (subfolders included)."""
    sources, data = _rule_files()
    return _files_digest(_EXTRACT_DIR, sources) + ":" + _files_digest(DATA_DIR, data)


def pipeline_fingerprint(nlp) -> str:
    """Fingerprint of everything that decides what an article's extraction is.

    Covers the spaCy pipeline (language, name, version, pipe names), our rules
    (:func:`rules_fingerprint`), the gazetteer the ``newsgraph_entities`` pipe loaded and
    the cache's storage format. Equal fingerprints mean a cached extraction is current.

    Parameters
    ----------
    nlp : spacy.language.Language
        The pipeline of :func:`extract.pipeline.load_nlp`.

    Returns
    -------
    str
        A hex digest.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> pipeline_fingerprint(nlp) == pipeline_fingerprint(spacy.blank("en"))
    True
    >>> pipeline_fingerprint(nlp) == pipeline_fingerprint(spacy.blank("de"))
    False
    """
    meta = nlp.meta
    gazetteer = ""
    if "newsgraph_entities" in nlp.pipe_names:
        gazetteer = nlp.get_pipe("newsgraph_entities").gazetteer.fingerprint
    parts = {
        "format": CACHE_FORMAT,
        "model": [nlp.lang, meta.get("name"), meta.get("version")],
        "pipes": list(nlp.pipe_names),
        "max_length": nlp.max_length,
        "rules": rules_fingerprint(),
        "gazetteer": gazetteer,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


# --------------------------------------------------------------------------- records <-> JSON

def extraction_to_dict(extraction: Extraction) -> dict:
    """An :class:`~extract.records.Extraction` as plain JSON-ready data (the article's ``path`` left out).

    >>> extraction_to_dict(Extraction(Article("a1", "Hi.")))["article"]
    {'id': 'a1', 'text': 'Hi.', 'title': None, 'url': None, 'date': None}
    """
    data = to_dict(extraction)
    data["article"].pop("path", None)
    return data


def _mention(d: dict) -> Mention:
    return Mention(**d)


def _evidence(d: dict) -> Evidence:
    return Evidence(**d)


def extraction_from_dict(data: dict, article: Article | None = None) -> Extraction:
    """The :class:`~extract.records.Extraction` of :func:`extraction_to_dict`'s data.

    ``article``, when given, replaces the stored article (it carries the current ``path``).

    >>> x = Extraction(Article("a1", "Nvidia rose."), mentions=(Mention("a1", "Nvidia", "company", 0, 6, 0, 12),))
    >>> extraction_from_dict(json.loads(json.dumps(extraction_to_dict(x)))) == x
    True
    """
    relations = tuple(
        Relation(_mention(r["source"]), r["relation"], _mention(r["target"]), _evidence(r["evidence"]),
                 r["confidence"], r["rule"])
        for r in data["relations"]
    )
    deals = tuple(
        Deal(**{**d, "parties": tuple(DealParty(_mention(p["mention"]), p["role"]) for p in d["parties"]),
                "evidence": _evidence(d["evidence"])})
        for d in data["deals"]
    )
    attributes = tuple(
        Attribute(_mention(a["mention"]), a["name"], a["value"], _evidence(a["evidence"])) for a in data["attributes"]
    )
    return Extraction(
        article=article if article is not None else Article(**data["article"]),
        mentions=tuple(_mention(m) for m in data["mentions"]),
        relations=relations,
        deals=deals,
        attributes=attributes,
        warnings=tuple(data.get("warnings", ())),
    )


# --------------------------------------------------------------------------- the store

class ExtractionCache:
    """Per-article extraction results in one SQLite file.

    Parameters
    ----------
    path : str or path
        The cache file, created with its folder if missing (``":memory:"`` for a throwaway one).

    Notes
    -----
    ``hits`` and ``stored`` count what this connection reused and wrote. Open one per
    build; it is a context manager and closes its connection on exit. Rows of
    other fingerprints stay in the file (switching back to an older gazetteer is then
    free); :meth:`prune` drops them.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = str(path)
        self.hits = 0  # extractions reused by run_extraction during this connection's life
        self.stored = 0  # extractions written
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we open and commit transactions ourselves, one per batch.
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a commit survives a killed process
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS extraction ("
            " fingerprint TEXT NOT NULL, article_hash TEXT NOT NULL, article_id TEXT NOT NULL, data TEXT NOT NULL,"
            " PRIMARY KEY (fingerprint, article_hash)) WITHOUT ROWID"
        )

    def __enter__(self) -> "ExtractionCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]

    def get_many(self, fingerprint: str, articles: Sequence[Article]) -> dict[str, Extraction]:
        """Cached extractions of ``articles`` under ``fingerprint``, by :func:`article_hash`; misses are absent."""
        by_hash = {article_hash(a): a for a in articles}
        found: dict[str, Extraction] = {}
        hashes = list(by_hash)
        for start in range(0, len(hashes), 500):  # stay below SQLite's bound-parameter limit
            chunk = hashes[start:start + 500]
            rows = self._db.execute(
                f"SELECT article_hash, data FROM extraction WHERE fingerprint = ? AND article_hash IN ({','.join('?' * len(chunk))})",
                [fingerprint, *chunk],
            )
            for key, data in rows:
                found[key] = extraction_from_dict(json.loads(data), by_hash[key])
        return found

    def put_many(self, fingerprint: str, extractions: Iterable[Extraction]) -> int:
        """Store extractions in one transaction (all or none of them); returns how many."""
        rows = [
            (fingerprint, article_hash(x.article), x.article.id,
             json.dumps(extraction_to_dict(x), ensure_ascii=False, separators=(",", ":")))
            for x in extractions
        ]
        if not rows:
            return 0
        with _transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?, ?)", rows)
        self.stored += len(rows)
        return len(rows)

    def prune(self, fingerprint: str) -> int:
        """Delete the rows of every other fingerprint; returns how many went."""
        with _transaction(self._db):
            cursor = self._db.execute("DELETE FROM extraction WHERE fingerprint != ?", (fingerprint,))
        return cursor.rowcount


class _transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *_):
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
