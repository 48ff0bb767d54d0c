"""One file in, its articles or a skip out: the reader is chosen by the extension."""
from __future__ import annotations

import os
from typing import Iterator

from extract.records import Article, Skip

from .base import (
    ARTICLE_SUFFIXES, DEFAULT_MAX_ARTICLE_CHARS, MAX_BYTES_PER_CHAR, IngestError, _article_char_limit, _check_length,
    _open_binary, _printable, _read, _regular_file_size, _too_many_bytes,
)
from .decoding import _declared_charset, clean_text, decode_bytes
from .htmlpage import _one_line, html_to_article
from .jsonl import _jsonl_records
from .text import dateline_date, front_matter, normalize_date, plain_text_title

def read_file(path: str | os.PathLike, *, article_id: str,
              max_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS) -> list[Article | Skip]:
    """Read one file: one :class:`Article` (a JSONL file gives one per row) or :class:`Skip` records.

    The records of :func:`iter_file` as a list; see there.

    Returns
    -------
    list of Article or Skip
        Never empty; a file that cannot be read gives one :class:`Skip` with a one-line reason.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = pathlib.Path(tmp.name)
    >>> _ = (folder / "chips.txt").write_bytes(b"TSMC opens Arizona fab\\r\\n\\r\\nTSMC said on Tuesday...")
    >>> read_file(folder / "chips.txt", article_id="chips.txt")[0].title
    'TSMC opens Arizona fab'
    >>> read_file(folder / "chips.txt", article_id="chips.txt", max_chars=20)[0].reason
    'article too long: 47 characters > 20 (raise with --max-article-chars)'
    >>> read_file(folder / "gone.txt", article_id="gone.txt")[0].reason
    'no such file or folder'
    >>> tmp.cleanup()
    """
    return list(iter_file(path, article_id=article_id, max_chars=max_chars))


def iter_file(path: str | os.PathLike, *, article_id: str,
              max_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS) -> Iterator[Article | Skip]:
    """Read one file lazily: a JSONL file one row at a time, any other file as one article.

    Parameters
    ----------
    path : str or os.PathLike
        The file. Its extension picks the reader (see the module docstring); any other
        extension is read as plain text.
    article_id : str
        The article's id; for JSONL, the file's id, used for rows without an ``id``
        (``<article_id>#<line number>``).
    max_chars : int or None
        The longest article text (:attr:`Article.text`, in characters) that is read; a longer
        article is a :class:`Skip` (``"article too long: ..."``). ``None`` or 0: no limit.
        A character takes at most 4 bytes in any encoding read, so a text or HTML file
        larger than ``4 * max_chars`` bytes is skipped without being read, and so is a JSONL
        row (a line) of more bytes than that. A UTF-8 JSONL file has no size limit as a
        whole: it is read a line at a time; UTF-16/32 JSONL is decoded whole, up to
        :data:`MAX_WHOLE_JSONL_BYTES`.

    Returns
    -------
    iterator of Article or Skip
        Never empty; a file that cannot be read gives one :class:`Skip` with a one-line
        reason, a JSONL row that cannot be read one that names its ``path:line``.

    Raises
    ------
    ValueError
        When ``max_chars`` is negative or not an integer (raised at once, not when iterating).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = tempfile.TemporaryDirectory()
    >>> feed = pathlib.Path(tmp.name) / "feed.jsonl"
    >>> _ = feed.write_text('{"text": "Arm sued Qualcomm."}\\n{"text": "' + "x" * 50 + '"}\\n', encoding="utf-8")
    >>> rows = iter_file(feed, article_id="feed.jsonl", max_chars=40)
    >>> next(rows).id
    'feed.jsonl#1'
    >>> next(rows).reason
    'article too long: 50 characters > 40 (raise with --max-article-chars)'
    >>> rows.close(); tmp.cleanup()
    """
    limit = _article_char_limit(max_chars)
    return _iter_file(os.fspath(path), _printable(path), article_id, limit)


def _iter_file(path: str, shown: str, article_id: str, max_chars: int | None) -> Iterator[Article | Skip]:
    try:
        if ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower()) == "jsonl":
            yield from _jsonl_records(path, shown, file_id=article_id, max_chars=max_chars)
        else:
            yield _read_article(path, shown, article_id, max_chars)
    except IngestError as exc:
        yield Skip(shown, str(exc))


def _read_article(path: str, shown: str, article_id: str, max_chars: int | None) -> Article:
    kind = ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower(), "text")
    size = _regular_file_size(path)
    max_bytes = None if max_chars is None else MAX_BYTES_PER_CHAR * max_chars
    if max_bytes is not None and size > max_bytes:  # skipped unread: a 2 GB file never reaches memory
        raise IngestError(_too_many_bytes("file", size, max_chars))
    with _open_binary(path) as handle:
        data = _read(handle, -1 if max_bytes is None else max_bytes + 1, path)
    if max_bytes is not None and len(data) > max_bytes:  # it grew after stat
        raise IngestError(f"article too long: file grew to more than {max_bytes:,} bytes while being read")
    if not data:
        raise IngestError("empty file")
    declared = _declared_charset(data) if kind == "html" else None
    text, _encoding = decode_bytes(data, declared_encoding=declared)
    text = clean_text(text)
    if not text.strip():
        raise IngestError("whitespace-only file")
    if kind == "html":
        article = html_to_article(text, article_id=article_id, path=shown)
        _check_length(article.text, max_chars)
        return article
    _check_length(text, max_chars)
    markdown = path.lower().endswith(".md")
    title = plain_text_title(text, markdown=markdown)
    fields = front_matter(text)[0] if markdown else {}
    return Article(id=article_id, text=text, title=_one_line(fields.get("title", "")) or title,
                   url=fields.get("url") or fields.get("canonical_url") or None,
                   date=normalize_date(fields.get("date")) or dateline_date(text), path=shown)
