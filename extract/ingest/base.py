"""What every reader shares: the kinds of file, the length limits, IngestError, and opening files
so that every failure is a one-line reason."""
from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata

from extract.records import Article, Skip

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
            return f"broken symlink (target {display_path(_printable(target))} does not exist)"
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


# --------------------------------------------------------------------------- text that is not Unicode

#: A surrogate code point alone is not a character: no encoding can write it (UTF-8 refuses it), so
#: the text cannot be hashed, cached or written to graph.json. Decoding bytes never makes one; a JSON
#: ``\\ud800`` escape without its pair does (an emoji cut in half), and so can a str built in Python.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _refuse_lone_surrogate(name: str, value: str) -> None:
    """Raise IngestError when ``value`` holds a lone surrogate: the article is skipped, not altered.

    >>> _refuse_lone_surrogate("text", "Arm \\U0001F4AA")  # a whole emoji is fine
    >>> _refuse_lone_surrogate("text", "Arm \\ud83d sued")
    Traceback (most recent call last):
    ...
    extract.ingest.IngestError: 'text' has a lone surrogate \\ud83d at character 4 (half of a character: not Unicode text)
    """
    match = _SURROGATE_RE.search(value)
    if match:
        raise IngestError(f"'{name}' has a lone surrogate \\u{ord(match.group()):04x} at character {match.start()} "
                          "(half of a character: not Unicode text)")


def check_article(article: Article) -> Article | Skip:
    """An :class:`Article` made in Python (not read by newsgraph) as it is, or a :class:`Skip` that says
    why it cannot be built: a text, id, title or url that is not a string or holds a lone surrogate.

    >>> check_article(Article("a1", "Arm sued Qualcomm."))
    Article(id='a1', text='Arm sued Qualcomm.', title=None, url=None, date=None, path=None)
    >>> check_article(Article("a1", "Arm \\udc00"))
    Skip(path='a1', reason="'text' has a lone surrogate \\\\udc00 at character 4 (half of a character: not Unicode text)")
    """
    shown = article.path if isinstance(article.path, str) else article.id if isinstance(article.id, str) else ""
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8") or repr(article.id)
    try:
        for name in ("id", "text", "title", "url", "date"):
            value = getattr(article, name)
            if value is None and name not in ("id", "text"):
                continue
            if not isinstance(value, str):
                raise IngestError(f"'{name}' must be a string, not {type(value).__name__}")
            _refuse_lone_surrogate(name, value)
    except IngestError as exc:
        return Skip(shown, str(exc))
    return article


# --------------------------------------------------------------------------- messages

def display_path(text: str) -> str:
    """A path (or an article id) as a message shows it: as it is when it reads unambiguously, else
    quoted with Python's escapes, so that one message stays one line and a file name cannot forge another.

    Quoted: names with characters that do not print (line breaks, controls, bidi overrides, lone
    surrogates), quotes or backslashes, ``": "`` (which separates a path from its reason), or white
    space at either end.

    >>> display_path("news/2024/arm.txt"), display_path("Société Générale – résumé.md")
    ('news/2024/arm.txt', 'Société Générale – résumé.md')
    >>> print(display_path("nl\\nskipped fake.txt: empty file"))
    'nl\\nskipped fake.txt: empty file'
    """
    if text and text.isprintable() and text == text.strip() and ": " not in text \
            and not any(ch in text for ch in "'\"\\"):
        return text
    return repr(text)
