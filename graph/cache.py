"""A cache of per-article extraction results, so that a rebuild parses only what changed.

The cache is one SQLite file (stdlib :mod:`sqlite3`, WAL journal). A row holds one
article's :class:`~extract.records.Extraction` as zlib-compressed JSON (the article itself left
out: the key stands for it), keyed by

* the article's **content hash** (:func:`article_hash`: id, text, title, url and date), and
* the **pipeline fingerprint** (:func:`pipeline_fingerprint`: spaCy model name, version and
  pipes, the source of every ``extract/*.py``, the pattern files of ``data/patterns`` and the
  gazetteer's own fingerprint).

A changed article gets a new hash and a changed rule, model or gazetteer a new fingerprint,
so a stale row is never read; it is simply not found. Records are stored as JSON rather
than pickles: a cache file never runs code when read, and the format does not depend on
the Python version. Each batch is written in one transaction, so a build killed at any
moment leaves a cache that holds every batch committed before it and nothing half-written.
A damaged file is set aside and a new one started; a damaged row is a cache miss.

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
import warnings
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import extract
from extract.resources import DATA_DIR
from extract.records import (
    Article, Attribute, Deal, DealParty, Evidence, Extraction, Mention, Relation, to_dict,
)

__all__ = [
    "ExtractionCache", "article_hash", "pipeline_fingerprint", "extraction_to_dict", "extraction_from_dict",
    "DEFAULT_CACHE_NAME", "CacheError", "PruneReport", "prune_cache", "encode_record", "decode_record",
]

#: File name of the cache inside the build's output folder.
DEFAULT_CACHE_NAME = "cache.sqlite"
#: Bumped when the stored record changes; part of every fingerprint.
CACHE_FORMAT = 2

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


# --------------------------------------------------------------------------- records <-> stored bytes

#: Version of the file's layout (tables, key and record encoding), kept in ``PRAGMA user_version``.
#: A file of another layout is never read: an older newsgraph cache is emptied and refilled.
LAYOUT = 2

#: Preset dictionary for zlib: the keys and usual values of a record. A record of a short article is
#: a few hundred bytes, too little for zlib to learn these from; with them it shrinks by about half.
_ZDICT = (
    b'"source":"gazetteer","canonical":null}"evidence":{"article":"","sentence":"","start":0,"end":0},'
    b'"confidence":0.,"rule":"verb.active"}"relation":"develops","target":{"amount_usd":null,"amount":null,'
    b'"currency":null,"date":null,"kind":"acquisition","parties":[{"mention":{"role":"buyer"}]'
    b'"attributes":[{"name":"parameters","value":'
    b'"deals":[],"warnings":[]}{"mentions":[{"article":"","text":"","type":"company","start":0,"end":0,'
    b'"sent_start":0,"sent_end":0,"source":"model_shape","canonical":null},'
    b'"relations":[{"source":{"article":"","text":"","type":"person","start":0,"end":0,"sent_start":0,"sent_end":0,'
)


def encode_record(extraction: Extraction) -> bytes:
    """An extraction as stored: zlib of its compact JSON, without the article (the key's hash stands for it).

    >>> x = Extraction(Article("a1", "Nvidia rose. " * 100), mentions=(Mention("a1", "Nvidia", "company", 0, 6, 0, 12),))
    >>> len(encode_record(x)) < len(json.dumps(extraction_to_dict(x))) // 5
    True
    """
    data = extraction_to_dict(extraction)
    del data["article"]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    compressor = zlib.compressobj(6, zdict=_ZDICT)
    return compressor.compress(text.encode("utf-8")) + compressor.flush()


def decode_record(blob: bytes, article: Article) -> Extraction:
    """The extraction of :func:`encode_record`'s bytes, for ``article`` (the article whose hash is the key).

    Raises ``ValueError`` (or ``zlib.error``, ``KeyError``, ``TypeError``) for bytes that are not such a record.

    >>> a = Article("a1", "Nvidia rose.")
    >>> x = Extraction(a, mentions=(Mention("a1", "Nvidia", "company", 0, 6, 0, 12),))
    >>> decode_record(encode_record(x), a) == x
    True
    """
    decompressor = zlib.decompressobj(zdict=_ZDICT)
    text = (decompressor.decompress(bytes(blob)) + decompressor.flush()).decode("utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not a stored extraction")
    return extraction_from_dict(data, article)


#: What decoding a damaged or foreign row raises: that row is a cache miss, and is parsed again.
_BAD_ROW = (ValueError, KeyError, TypeError, AttributeError, zlib.error)


# --------------------------------------------------------------------------- the store

class CacheError(sqlite3.OperationalError):
    """The cache cannot be used (locked by another build, a full disk...): the message names the file."""


class ExtractionCache:
    """Per-article extraction results in one SQLite file.

    Parameters
    ----------
    path : str or path
        The cache file (``":memory:"`` for a throwaway one). A missing file and its folder are
        created when the first record is stored, so a build that fails before (say, on an
        unknown model) leaves nothing behind.
    warn : callable, optional
        Called with one line when a damaged file is set aside (default: :func:`warnings.warn`).

    Notes
    -----
    ``hits`` and ``stored`` count what this connection reused and wrote. Open one per
    build; it is a context manager and closes its connection on exit. Rows of
    other fingerprints stay in the file (switching back to an older gazetteer is then
    free); :meth:`prune` and :func:`prune_cache` drop them.

    A file that SQLite finds damaged (or that is not a newsgraph cache) is renamed
    ``PATH.damaged-N`` (its ``-wal`` and ``-shm`` too) and a new cache started, with one
    warning; a row that cannot be decoded is a cache miss. Other SQLite errors (a locked
    file, a full disk) raise :class:`CacheError`, whose message names the file.
    """

    def __init__(self, path: str | os.PathLike[str], *, warn: Callable[[str], None] | None = None):
        self.path = str(path)
        self.hits = 0  # extractions reused by run_extraction during this connection's life
        self.stored = 0  # extractions written
        self.set_aside: list[str] = []  # where damaged files went
        self._warn = warn or (lambda line: warnings.warn(line, stacklevel=3))
        self._db: sqlite3.Connection | None = None
        self._fingerprint_ids: dict[str, int] = {}
        if self.path == ":memory:" or os.path.exists(self.path):
            self._connect()  # now, so that a damaged or locked file is told before the model loads

    def __enter__(self) -> "ExtractionCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the file, folding the WAL into it first so that it is not left grown."""
        if self._db is None:
            return
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # a full disk: the WAL holds only committed rows, which the next open reads
        finally:
            self._db.close()
            self._db = None

    def __len__(self) -> int:
        if self._db is None:
            return 0
        return self._guarded(lambda db: db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0])

    def get_many(self, fingerprint: str, articles: Sequence[Article]) -> dict[str, Extraction]:
        """Cached extractions of ``articles`` under ``fingerprint``, by :func:`article_hash`; misses are absent."""
        if self._db is None:
            return {}
        by_hash = {article_hash(a): a for a in articles}
        return self._guarded(lambda db: self._select(db, fingerprint, by_hash))

    def _select(self, db, fingerprint: str, by_hash: dict[str, Article]) -> dict[str, Extraction]:
        fingerprint_id = self._fingerprint_id(db, fingerprint, create=False)
        found: dict[str, Extraction] = {}
        if fingerprint_id is None:
            return found
        keys = [bytes.fromhex(h) for h in by_hash]
        for start in range(0, len(keys), 500):  # stay below SQLite's bound-parameter limit
            chunk = keys[start:start + 500]
            rows = db.execute(
                f"SELECT article_hash, data FROM extraction WHERE fingerprint = ? AND article_hash IN ({','.join('?' * len(chunk))})",
                [fingerprint_id, *chunk],
            )
            for key, blob in rows:
                if not isinstance(key, bytes) or key.hex() not in by_hash:
                    continue
                try:
                    found[key.hex()] = decode_record(blob, by_hash[key.hex()])
                except _BAD_ROW:
                    pass  # a damaged row: parsed again, and the new record replaces it
        return found

    def put_many(self, fingerprint: str, extractions: Iterable[Extraction]) -> int:
        """Store extractions in one transaction (all or none of them); returns how many."""
        rows = [(bytes.fromhex(article_hash(x.article)), encode_record(x)) for x in extractions]
        if not rows:
            return 0
        if self._db is None:
            self._connect()

        def insert(db):
            with _transaction(db):
                fingerprint_id = self._fingerprint_id(db, fingerprint, create=True)
                db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?)",
                               [(fingerprint_id, key, blob) for key, blob in rows])

        self._guarded(insert, writing=True)
        self.stored += len(rows)
        return len(rows)

    def prune(self, fingerprint: str, keep: Iterable[str] | None = None) -> int:
        """Delete the rows of every other fingerprint, and with ``keep`` (article hashes) the rows of
        ``fingerprint`` whose article is not among them; returns how many went."""
        if self._db is None:
            return 0
        return sum(self._guarded(lambda db: _delete(db, fingerprint, keep), writing=True))

    # ----------------------------------------------------------------- opening, damage

    def _connect(self) -> None:
        try:
            self._db = _open_layout(self.path)
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise self._error(exc) from None
            self._set_aside(exc)
            try:
                self._db = _open_layout(self.path)
            except sqlite3.DatabaseError as again:
                raise self._error(again) from None

    def _guarded(self, operation, *, writing: bool = False):
        """``operation(db)``; on a damaged file, set it aside and run it once more on a new one."""
        try:
            return operation(self._db)
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise self._error(exc, writing=writing) from None
            self._set_aside(exc)
            self._connect()
            return operation(self._db)

    def _set_aside(self, exc: Exception) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        self._fingerprint_ids.clear()
        if self.path == ":memory:":
            return
        aside = _free_name(self.path)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(self.path + suffix):
                os.replace(self.path + suffix, aside + suffix)
        self.set_aside.append(aside)
        self._warn(f"the cache {self.path} is damaged ({exc}); set aside as {aside}, starting a new cache")

    def _error(self, exc: Exception, *, writing: bool = False) -> CacheError:
        hint = "; is another build using it? wait for it, or build with --no-cache" if "locked" in str(exc) else ""
        return CacheError(f"cannot {'write' if writing else 'use'} the cache {self.path}: {exc}{hint}")

    def _fingerprint_id(self, db, fingerprint: str, *, create: bool) -> int | None:
        if fingerprint not in self._fingerprint_ids:
            row = db.execute("SELECT id FROM fingerprint WHERE value = ?", (fingerprint,)).fetchone()
            if row is None and create:
                row = (db.execute("INSERT INTO fingerprint (value) VALUES (?)", (fingerprint,)).lastrowid,)
            if row is None:
                return None
            self._fingerprint_ids[fingerprint] = row[0]
        return self._fingerprint_ids[fingerprint]


_TABLES = (
    "CREATE TABLE fingerprint (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE)",
    "CREATE TABLE extraction (fingerprint INTEGER NOT NULL, article_hash BLOB NOT NULL, data BLOB NOT NULL,"
    " PRIMARY KEY (fingerprint, article_hash)) WITHOUT ROWID",
)


class _NotOurs(sqlite3.DatabaseError):
    """A SQLite file that is no newsgraph cache of a known layout: set aside like a damaged one."""


def _open_layout(path: str) -> sqlite3.Connection:
    """A connection to the cache at ``path`` in the current layout: created if empty, emptied if older."""
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we open and commit transactions ourselves, one per batch.
    db = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a commit survives a killed process
        db.execute("PRAGMA journal_size_limit=1048576")  # a WAL grown by a large batch shrinks back after it
        if _layout(db) != (LAYOUT, {"fingerprint", "extraction"}):
            _create_layout(db)  # only then in a write transaction: a read-only cache is still read
        _check_columns(db)
    except BaseException:
        db.close()
        raise
    return db


def _create_layout(db) -> None:
    with _transaction(db):
        version, tables = _layout(db)
        if (version, tables) == (LAYOUT, {"fingerprint", "extraction"}):
            return  # another build made it meanwhile
        if version != 0 or not tables <= {"extraction"}:
            raise _NotOurs(f"not a newsgraph cache of layout {LAYOUT}: layout {version}, tables {sorted(tables)}")
        # new, or newsgraph's first layout (JSON text under hex keys): its rows are never read
        # but dropped, and refilled as articles are parsed
        db.execute("DROP TABLE IF EXISTS extraction")
        for statement in _TABLES:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {LAYOUT}")


def _layout(db) -> tuple[int, set[str]]:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return version, {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _check_columns(db) -> None:
    columns = [row[1] for row in db.execute("PRAGMA table_info(extraction)")]
    if columns != ["fingerprint", "article_hash", "data"]:
        raise _NotOurs(f"the extraction table has the columns {columns}")


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error means the file itself is bad (corrupt, not a database, not ours),
    rather than a lock, a full disk or a permission."""
    if isinstance(exc, _NotOurs):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    return any(words in str(exc) for words in ("malformed", "not a database"))


def _free_name(path: str) -> str:
    """``PATH.damaged-N`` for the first N not taken.

    >>> _free_name("/nonexistent/cache.sqlite")
    '/nonexistent/cache.sqlite.damaged-1'
    """
    n = 1
    while any(os.path.exists(f"{path}.damaged-{n}{suffix}") for suffix in ("", "-wal", "-shm")):
        n += 1
    return f"{path}.damaged-{n}"


def _delete(db, fingerprint: str, keep: Iterable[str] | None) -> tuple[int, int]:
    """Delete the rows of other fingerprints, then (given ``keep``) this fingerprint's rows not in it:
    how many of each went."""
    with _transaction(db):
        row = db.execute("SELECT id FROM fingerprint WHERE value = ?", (fingerprint,)).fetchone()
        current = -1 if row is None else row[0]
        others = db.execute("DELETE FROM extraction WHERE fingerprint != ?", (current,)).rowcount
        db.execute("DELETE FROM fingerprint WHERE id != ?", (current,))
        stale = 0
        if keep is not None:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (article_hash BLOB PRIMARY KEY) WITHOUT ROWID")
            db.execute("DELETE FROM keep")
            db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((bytes.fromhex(h),) for h in keep))
            stale = db.execute("DELETE FROM extraction WHERE fingerprint = ? AND article_hash NOT IN "
                               "(SELECT article_hash FROM keep)", (current,)).rowcount
            db.execute("DROP TABLE keep")
    return others, stale


class _transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *_):
        if not exc_type:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:  # SQLite rolls back by itself on some errors (a full disk)
            self.db.execute("ROLLBACK")


# --------------------------------------------------------------------------- pruning

@dataclass
class PruneReport:
    """What :func:`prune_cache` removed (or, with ``apply=False``, would remove) and the file's size."""

    path: str
    other_fingerprints: int
    not_in_inputs: int
    kept: int
    bytes_before: int
    bytes_after: int
    applied: bool

    def lines(self) -> list[str]:
        """The report, as the ``newsgraph cache`` command prints it."""
        verb = "removed" if self.applied else "would remove (run with --prune)"
        return [
            f"cache {self.path}: {verb} {self.not_in_inputs} entr{'y' if self.not_in_inputs == 1 else 'ies'} "
            f"of articles no longer in the inputs and {self.other_fingerprints} of other pipeline versions; "
            f"{self.kept} kept",
            f"size: {_megabytes(self.bytes_before)} before, {_megabytes(self.bytes_after)} after",
        ]


def _megabytes(size: int) -> str:
    """A file size for people.

    >>> _megabytes(2_500_000), _megabytes(12_288)
    ('2.5 MB', '12.3 KB')
    """
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} KB"


def _file_size(path: str) -> int:
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))


def prune_cache(path: str | os.PathLike[str], inputs, *, fingerprint: str,
                max_article_chars: int | None = None, apply: bool = True) -> PruneReport:
    """Remove the cache's entries that no build of ``inputs`` can use, then compact the file (VACUUM).

    Parameters
    ----------
    path : str or path
        The cache file; it must exist.
    inputs : iterable
        What ``newsgraph build`` reads (files, folders, patterns): entries of articles no longer
        among them go.
    fingerprint : str
        The current :func:`pipeline_fingerprint`: entries of every other one go.
    max_article_chars : int, optional
        As for the build (longer articles are not read, so not kept).
    apply : bool
        ``False``: count only, change nothing.

    Returns
    -------
    PruneReport

    Raises
    ------
    ValueError
        If ``inputs`` give no article at all (a mistyped folder, an empty argument): nothing is removed.
    """
    from extract.ingest import read_articles
    from extract.records import Skip

    path = os.fspath(path)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"no cache at {path}")
    read = list(read_articles(inputs, max_chars=max_article_chars or None))
    keep = {article_hash(a) for a in read if not isinstance(a, Skip)}
    if not keep:  # as build: a typo in a folder name must not empty the cache
        raise ValueError(f"no articles read ({len(read)} input(s) skipped); nothing pruned, the cache {path} is as it was")
    before = _file_size(path)
    with ExtractionCache(path) as cache:
        total = len(cache)
        if apply:
            others, stale = cache._guarded(lambda db: _delete(db, fingerprint, keep), writing=True)
            cache._guarded(lambda db: db.execute("VACUUM"), writing=True)
        else:
            others, stale = _count_prunable(cache._db, fingerprint, keep)
    return PruneReport(path, others, stale, total - others - stale, before, _file_size(path) if apply else before,
                       apply)


def _count_prunable(db, fingerprint: str, keep: set[str]) -> tuple[int, int]:
    others = stale = 0
    current = db.execute("SELECT id FROM fingerprint WHERE value = ?", (fingerprint,)).fetchone()
    for fingerprint_id, key in db.execute("SELECT fingerprint, article_hash FROM extraction"):
        if current is None or fingerprint_id != current[0]:
            others += 1
        elif key.hex() not in keep:
            stale += 1
    return others, stale
