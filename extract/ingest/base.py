"""What every reader shares: the kinds of file, the length limits, IngestError, and opening files
so that every failure is a one-line reason."""
from __future__ import annotations

import errno
import os
import stat
import unicodedata

#: Extensions read from folders, and the kind of reader for each.
ARTICLE_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

#: What newsgraph reads, for the messages that turn other inputs away.
SUPPORTED = "newsgraph reads .txt, .md, .html/.htm and .jsonl files"

#: The longest article text read, in characters. spaCy with our rules parses some 20,000
#: characters a second on one core, so this is about four minutes for one article; a news
#: article is a few thousand characters, and one of millions is a dump, not an article.
DEFAULT_MAX_ARTICLE_CHARS = 5_000_000

#: A character takes at most this many bytes (UTF-8, UTF-16 and UTF-32 alike), so a file or
#: JSONL row of more than ``MAX_BYTES_PER_CHAR * max_chars`` bytes is too long unread.
MAX_BYTES_PER_CHAR = 4


class IngestError(Exception):
    """An input that cannot be read as an article; the message is one line that says why."""

    __module__ = "extract.ingest"  # its public home (messages and doctests name it so)


def _printable(path: str | os.PathLike) -> str:
    """A path as text that can always be printed and written as UTF-8.

    Undecodable bytes in file names become ``\\xNN`` escapes (stable, unlike U+FFFD), and
    names are NFC so that ids do not depend on the file system (macOS stores NFD).
    """
    raw = os.fspath(path)
    if isinstance(raw, bytes):
        raw = os.fsdecode(raw)
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(raw).decode("utf-8", "backslashreplace")
    return unicodedata.normalize("NFC", raw)


def _open_error(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"broken symlink (target {_printable(target)} does not exist)"
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot read file: {exc.strerror or exc}"


def _regular_file_size(path: str) -> int:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise IngestError(_open_error(path, exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError("not a regular file")  # reading a FIFO or device could block forever
    return info.st_size


def _open_binary(path: str):
    try:
        return open(path, "rb")
    except OSError as exc:
        raise IngestError(_open_error(path, exc)) from None


def _read(handle, size: int, path: str) -> bytes:
    try:
        return handle.read(size)
    except OSError as exc:
        raise IngestError(_open_error(path, exc)) from None


def _readline(handle, path: str, size: int) -> bytes:
    try:
        return handle.readline(size)
    except OSError as exc:
        raise IngestError(_open_error(path, exc)) from None


def _article_char_limit(max_chars: int | None) -> int | None:
    """``max_chars`` checked, with ``None`` for no limit (given as ``None`` or 0)."""
    if max_chars is None:
        return None
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 0:
        raise ValueError(f"max_chars must be a positive number of characters, 0 or None (no limit), not {max_chars!r}")
    return max_chars or None


def _too_many_chars(count: int, max_chars: int) -> str:
    return f"article too long: {count:,} characters > {max_chars:,} (raise with --max-article-chars)"


def _too_many_bytes(what: str, size: int, max_chars: int) -> str:
    return (f"article too long: {what} of {size:,} bytes > {MAX_BYTES_PER_CHAR * max_chars:,} "
            f"({MAX_BYTES_PER_CHAR} bytes for each of {max_chars:,} characters; raise with --max-article-chars)")


def _check_length(text: str, max_chars: int | None) -> None:
    if max_chars is not None and len(text) > max_chars:
        raise IngestError(_too_many_chars(len(text), max_chars))
