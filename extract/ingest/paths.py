"""Files, folders and glob patterns in, articles and skips out, in a stable order with unique ids."""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from collections import Counter
from pathlib import PurePath
from typing import Iterable, Iterator

from extract.records import Article, Skip

from .base import (
    ARTICLE_SUFFIXES, DEFAULT_MAX_ARTICLE_CHARS, SUPPORTED, _article_char_limit, _open_error, _printable, display_path,
)
from .jsonl import _jsonl_ids
from .readers import _iter_file

_GLOB_MAGIC_RE = re.compile(r"[*?\[]")
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _glob_root(pattern: str) -> str:
    """The folder part of a glob before its first wildcard: ids are relative to it."""
    parts = PurePath(pattern).parts
    literal = []
    for part in parts[:-1]:
        if _GLOB_MAGIC_RE.search(part):
            break
        literal.append(part)
    return os.path.join(*literal) if literal else os.curdir


def _relative_id(path: str, root: str) -> str:
    return _printable(PurePath(os.path.relpath(path, root)).as_posix())


def _folder_entries(folder: str, root: str, seen_dirs: set[tuple[int, int]]) -> Iterator[tuple[str, str, str | None]]:
    """Yield ``(id, path, skip reason or None)`` for the article files under ``folder``, unsorted.

    Hidden entries (names starting with ``.``) are not read, as in shell globs: they are
    version-control folders, editor lock files and OS metadata. Symlinked folders are
    followed once; one that leads back to a folder being read is a symlink loop.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else f"cannot list folder: {exc.strerror}"
        yield _relative_id(folder, root) + "/", folder, reason
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:  # ELOOP on a self-referencing symlink
            is_dir = False
        if is_dir:
            try:
                info = os.stat(entry.path)
            except OSError as exc:
                yield _relative_id(entry.path, root) + "/", entry.path, _open_error(entry.path, exc)
                continue
            key = (info.st_dev, info.st_ino)
            if key in seen_dirs:
                yield _relative_id(entry.path, root) + "/", entry.path, "symlink loop (folder already being read)"
                continue
            seen_dirs.add(key)
            yield from _folder_entries(entry.path, root, seen_dirs)
        elif os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES:
            yield _relative_id(entry.path, root), entry.path, None


def _walk(folder: str, root: str) -> list[tuple[str, str, str | None]]:
    info = os.stat(folder)
    return sorted(_folder_entries(folder, root, {(info.st_dev, info.st_ino)}), key=lambda item: item[0])


def _expand(path: str) -> Iterator[tuple[str, str, str | None, str]]:
    """Yield ``(id, path, skip reason or None, root)`` for one argument of :func:`read_articles`.

    ``root`` is the folder the id is relative to: the folder given, a glob's folder part, or
    the folder of a file given by name.
    """
    if not path:  # "" is no path; os.path would read it as the current folder
        yield "", path, "empty path", os.curdir
        return
    try:
        os.fsencode(path)
    except UnicodeEncodeError:  # a str made in Python with a lone surrogate: no file can have that name
        shown = path.encode("utf-8", "backslashreplace").decode("utf-8")
        yield shown, shown, "not a possible file name (it holds a lone surrogate)", os.curdir
        return
    if _URL_RE.match(path) and not os.path.lexists(path):
        yield _printable(path), path, f"a URL, not a file: {SUPPORTED}; save the page and give its file", path
        return
    if os.path.isdir(path):
        entries = _walk(path, path)
        if not entries:
            yield _printable(path), path, "folder has no .txt, .md, .html, .htm or .jsonl files", path
        yield from (entry + (path,) for entry in entries)
        return
    if os.path.lexists(path) or not _GLOB_MAGIC_RE.search(path):
        yield _printable(os.path.basename(os.path.normpath(path))), path, None, os.path.dirname(path) or os.curdir
        return
    root = _glob_root(path)
    suffix = os.path.splitext(path)[1].lower()
    matched: dict[str, tuple[str, str, str | None]] = {}
    for match in sorted(glob.glob(path, recursive=True)):
        if os.path.isdir(match):
            for entry in _walk(match, root):
                matched.setdefault(os.path.normpath(entry[1]), entry)
        # A glob that spells the extension ("notes/*.csv") asks for those files by name.
        elif os.path.splitext(match)[1].lower() in ARTICLE_SUFFIXES or (suffix and match.lower().endswith(suffix)):
            matched.setdefault(os.path.normpath(match), (_relative_id(match, root), match, None))
    if not matched:
        yield _printable(path), path, "glob matched no article files", root
    yield from (entry + (root,) for entry in sorted(matched.values(), key=lambda item: item[0]))


def _file_digest(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None  # unreadable: reading it will report why
    return digest.hexdigest()


def _qualified_id(path: str, root: str, levels: int) -> str:
    """The id of ``path`` relative to the folder ``levels`` above ``root``: ``b/news.txt`` for root ``b``."""
    base = os.path.abspath(root)
    for _ in range(levels):
        base = os.path.dirname(base)
    return _relative_id(path, base)


def _unique_ids(entries: list[tuple[str, str, str | None, str]]) -> list[tuple[str, str, str | None]]:
    """The entries with ids made unique across inputs: files of one name from different folders
    (``a/news.txt``, ``b/news.txt``, both given as folders) are both read, as ``a/news.txt`` and
    ``b/news.txt``. Byte-identical files keep their common id, so the second is reported as a duplicate.
    Every file of a clash is renamed, not only the later ones, so ids do not depend on the order of inputs."""
    groups: dict[str, set[str]] = {}
    for article_id, path, reason, _root in entries:
        if reason is None:
            groups.setdefault(article_id, set()).add(os.path.realpath(path))
    clashing = {article_id for article_id, files in groups.items()
                if len(files) > 1 and len({_file_digest(f) for f in files}) > 1}
    renamed: dict[tuple[str, str], str] = {}
    for article_id in sorted(clashing):
        members = [(path, root) for i, path, reason, root in entries if i == article_id and reason is None]
        depth = max(len(PurePath(os.path.abspath(root)).parts) for _, root in members)
        for levels in range(1, depth + 1):  # the shortest qualification that tells them apart
            ids = {(path, root): _qualified_id(path, root, levels) for path, root in members}
            if len(set(ids.values())) == len({os.path.realpath(p) for p, _ in members}):
                break
        renamed.update(ids)
    return [(renamed.get((path, root), article_id), path, reason) for article_id, path, reason, root in entries]


def estimate_articles(paths: Iterable[str | os.PathLike]) -> int:
    """How many articles ``paths`` hold, without reading them as articles: one a file, one a
    line of a JSONL file (counted a megabyte at a time). For progress bars; skips are counted too.

    >>> import tempfile, pathlib
    >>> tmp = tempfile.TemporaryDirectory()
    >>> root = pathlib.Path(tmp.name)
    >>> _ = (root / "a.txt").write_text("Arm sued Qualcomm.")
    >>> _ = (root / "feed.jsonl").write_text('{"text": "x"}\\n{"text": "y"}\\n{"text": "z"}')
    >>> estimate_articles([root])
    4
    >>> tmp.cleanup()
    """
    count = 0
    for given in paths:
        for _id, path, reason, _root in _expand(os.fsdecode(os.fspath(given))):
            if reason is not None:
                continue
            if ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower()) == "jsonl":
                count += _count_lines(path)
            else:
                count += 1
    return count


def _count_lines(path: str) -> int:
    """Lines of a file as the JSONL reader splits them: at "\\n", "\\r\\n" and a lone "\\r"."""
    lines, last = 0, b"\n"
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                lines += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
                if last == b"\r" and chunk.startswith(b"\n"):
                    lines -= 1  # a "\r\n" cut between two chunks
                last = chunk[-1:]
    except OSError:
        return 1  # reading it will report why
    return lines + (last not in (b"\n", b"\r"))


def read_articles(paths: str | os.PathLike | Iterable[str | os.PathLike], *,
                  max_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS) -> Iterator[Article | Skip]:
    """Read articles from files, folders and glob patterns, reporting what cannot be read.

    Parameters
    ----------
    paths : str, os.PathLike or an iterable of them
        One path (a string is one path, never a sequence of one-letter paths), or several. Files, folders (read recursively, in order of relative path) and glob patterns
        (``**`` matches any depth). Hidden files and folders are not read from folders.
        Symlinked folders are followed once. In folders only ``.txt``, ``.md``, ``.html``, ``.htm``
        and ``.jsonl`` files are read; a file named explicitly is read whatever its
        extension (as plain text if it is none of these).
    max_chars : int or None
        Longer articles are skipped ("article too long: ..."); ``None`` or 0: no limit.
        Text and HTML files of more than 4 bytes a character are skipped unread; JSONL files
        are read a line at a time whatever their size (see :func:`iter_file`).

    Returns
    -------
    iterator of Article or Skip
        Read lazily, in input order. Article ids are the path relative to the folder or glob root given
        (``/``-separated), or the file name for a file given directly; JSONL rows use their
        ``id`` field, else ``<file id>#<line number>``. Different files that would get one id
        from different inputs (``news.txt`` in folders ``a`` and ``b``) are named with their
        folder (``a/news.txt``, ``b/news.txt``). Of the articles that have one id (the same or a
        byte-identical file again, a JSONL ``id`` reused) the one with the smallest content hash
        is kept, whatever the order of inputs, and given after all the others (JSONL files are
        read twice: first for their ids alone; one article per shared id is held); the rest, an empty path, a missing path, a URL,
        a glob that matches nothing, and every file that cannot be read is a :class:`Skip` with a
        one-line reason.

    Raises
    ------
    ValueError
        When ``max_chars`` is negative or not an integer (raised at once, not when iterating).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = tempfile.TemporaryDirectory()
    >>> root = pathlib.Path(tmp.name)
    >>> (root / "news" / "2024").mkdir(parents=True)
    >>> _ = (root / "news" / "2024" / "mistral.txt").write_text(
    ...     "Mistral raises funds\\n\\nMistral AI raised 600 million euros.\\n", encoding="utf-8")
    >>> _ = (root / "news" / "feed.jsonl").write_text(
    ...     '{"id": "a1", "text": "Arm sued Qualcomm.", "date": "2024-10-23T08:00:00Z"}\\n{"text": 42}\\n',
    ...     encoding="utf-8")
    >>> _ = (root / "news" / "logo.png").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n")  # ignored in a folder
    >>> for record in read_articles([root / "news", root / "missing.txt"]):
    ...     print(record)  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    Article(id='2024/mistral.txt', text='Mistral raises funds\\n\\nMistral AI raised 600 million euros.\\n',
            title='Mistral raises funds', url=None, date=None, path='.../news/2024/mistral.txt')
    Article(id='a1', text='Arm sued Qualcomm.', title=None, url=None, date='2024-10-23',
            path='.../news/feed.jsonl:1')
    Skip(path='.../news/feed.jsonl:2', reason="'text' must be a string, not number")
    Skip(path='.../missing.txt', reason='no such file or folder')
    >>> [record.id for record in read_articles(str(root / "news" / "2024"))]  # one path, not a list
    ['mistral.txt']
    >>> tmp.cleanup()
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        # a string is iterable too: read letter by letter, "/data" would read the whole file system from "/"
        paths = [paths]
    return _read_articles(paths, _article_char_limit(max_chars))


def _read_articles(paths: Iterable[str | os.PathLike], max_chars: int | None) -> Iterator[Article | Skip]:
    # listing every input first (cheap: no file is read) lets ids that clash across inputs be told apart
    listed = _unique_ids([entry for given in paths for entry in _expand(os.fsdecode(os.fspath(given)))])
    shared = _shared_ids(listed, max_chars)
    kept: dict[str, Article] = {}  # for each shared id, the article that keeps it so far
    for article_id, path, reason in listed:
        if reason is not None:
            yield Skip(_printable(path), reason)
            continue
        for record in _iter_file(path, _printable(path), article_id, max_chars):
            if isinstance(record, Article) and record.id in shared:
                shared_id = record.id
                if shared_id in kept:  # one article per id is held, however many share it
                    record, kept[shared_id] = _duplicate_skip(record, kept[shared_id])
                else:
                    kept[shared_id], record = record, None
            if record is not None:
                yield record
    for article_id in sorted(kept):
        yield kept[article_id]


def _shared_ids(listed: list[tuple[str, str, str | None]], max_chars: int | None) -> set[str]:
    """The ids that more than one article of ``listed`` would have: a JSONL ``id`` used twice, a file
    given twice. JSONL files are read for their ids alone (no text is cleaned or kept)."""
    counts: Counter[str] = Counter()
    for article_id, path, reason in listed:
        if reason is not None:
            continue
        if ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower()) == "jsonl":
            counts.update(_jsonl_ids(path, file_id=article_id, max_chars=max_chars))
        else:
            counts[article_id] += 1
    return {article_id for article_id, count in counts.items() if count > 1}


def _content_key(article: Article) -> tuple[str, str]:
    """What decides which of the articles with one id is kept: a hash of its content, then its path."""
    content = json.dumps([article.text, article.title, article.url, article.date], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest(), article.path or ""


def _duplicate_skip(one: Article, other: Article) -> tuple[Skip, Article]:
    """Of two articles with one id, the skip of the one whose content hash is larger, and the other:
    the same articles in any order keep the same one, where "first seen" made the graph depend on
    the order of inputs."""
    (one_key, other_key) = _content_key(one), _content_key(other)
    dropped, kept = (one, other) if one_key > other_key else (other, one)
    shown = display_path(kept.path or "")
    if one_key[0] == other_key[0]:
        return Skip(dropped.path or "", f"duplicate article id {display_path(dropped.id)}: same article as {shown}"), kept
    return Skip(dropped.path or "", f"duplicate article id {display_path(dropped.id)}: {shown} has it too "
                                    "and comes first by content hash (not by input order)"), kept
