"""JSON Lines: one article a row, read a line at a time so that a file of any size streams through."""
from __future__ import annotations

import codecs
import json
import re
from typing import Iterable, Iterator

from extract.records import Article, Skip

from .base import (
    MAX_BYTES_PER_CHAR, IngestError, _check_length, _open_binary, _read, _refuse_lone_surrogate, _regular_file_size,
    _too_many_bytes,
)
from .decoding import (
    _BOMS, _bomless_utf16, _decode_utf8_or_single_byte, _magic_name, _refuse_control_heavy, clean_text, decode_bytes,
)
from .htmlpage import _one_line
from .text import normalize_date

#: JSONL in UTF-16/32 (not JSON Lines, which is UTF-8) is decoded whole: up to this size.
MAX_WHOLE_JSONL_BYTES = 50_000_000

_SNIFF_BYTES = 65_536  # the start of a JSONL file, checked for binary data and UTF-16/32
_CHUNK_BYTES = 1 << 20  # how much of a file is read at a time (a line too long is passed over so)


def _jsonl_records(path: str, shown: str, *, file_id: str, max_chars: int | None,
                   read_row=None) -> Iterator[Article | Skip]:
    """The rows of a JSONL file: UTF-8 read one line at a time, UTF-16/32 decoded whole.

    ``read_row`` (default :func:`_jsonl_row`) turns one line into its record; the listing of ids
    (:func:`_jsonl_ids`) passes a lighter one.
    """
    size = _regular_file_size(path)
    with _open_binary(path) as handle:
        head = _read(handle, _SNIFF_BYTES, path)
        if not head:
            raise IngestError("empty file")
        if _is_utf16_or_32(head):
            lines: Iterable[str | IngestError] = _whole_file_lines(handle, head, size, path)
        else:
            _refuse_binary_head(head)
            handle.seek(0)
            lines = _utf8_lines(handle, path, max_chars)
        yield from _jsonl_rows(lines, file_id=file_id, path=shown, max_chars=max_chars,
                               read_row=read_row or _jsonl_row)


def _is_utf16_or_32(head: bytes) -> bool:
    """Whether a file starts like UTF-16 or UTF-32 text: with their byte-order mark, or as mostly-ASCII
    UTF-16 without one (every other byte NUL). A stray NUL byte in UTF-8 rows is not UTF-16: those rows
    are read one at a time like the others."""
    if head.startswith(codecs.BOM_UTF8):
        return False
    return any(head.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(head[:len(head) & ~1]) is not None


def _refuse_binary_head(head: bytes) -> None:
    """Refuse a file whose start is binary data (a magic number, many control characters) as for
    whole files; NUL bytes alone do not make a JSONL file binary (a row with them is skipped alone)."""
    if _magic_name(head):
        decode_bytes(head)  # raises the message that names the format
    _refuse_control_heavy(_decode_utf8_or_single_byte(head)[0])


def _whole_file_lines(handle, head: bytes, size: int, path: str) -> list[str]:
    # JSON Lines is UTF-8 by its spec, and UTF-16/32 cannot be split into lines before decoding,
    # so the rare file in them is decoded whole, as a text file is, within a whole-file limit.
    if size > MAX_WHOLE_JSONL_BYTES:
        raise IngestError(f"file too large: {size:,} bytes > {MAX_WHOLE_JSONL_BYTES:,} for JSONL that is not UTF-8 "
                          "(save it as UTF-8 to have it read row by row)")
    data = head + _read(handle, MAX_WHOLE_JSONL_BYTES + 1 - len(head), path)
    if len(data) > MAX_WHOLE_JSONL_BYTES:  # it grew after stat
        raise IngestError(f"file too large: more than {MAX_WHOLE_JSONL_BYTES:,} bytes for JSONL that is not UTF-8")
    text, _encoding = decode_bytes(data)
    return _TEXT_LINE_END_RE.split(text)


#: A line ends at "\r\n", "\n" or a lone "\r", as in text files; U+2028 and friends do not
#: end one: they are legal inside JSON strings. In UTF-8 these bytes are never part of another character.
_LINE_END_RE = re.compile(rb"\r\n|\r|\n")
_TEXT_LINE_END_RE = re.compile("\r\n|\r|\n")


def _utf8_lines(handle, path: str, max_chars: int | None) -> Iterator[str | IngestError]:
    """The lines of a UTF-8 file, each decoded on its own; an IngestError for a line too long to read.

    A line of more than 4 bytes for each of ``max_chars`` characters cannot hold an article
    short enough, and is passed over without being held in memory. A line with bytes that
    are not UTF-8 is decoded as :func:`decode_bytes` decodes a whole file with them.
    """
    max_bytes = None if max_chars is None else MAX_BYTES_PER_CHAR * max_chars
    first = True
    for line in _byte_lines(handle, path, max_bytes):
        if first and isinstance(line, bytes) and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        first = False
        if isinstance(line, int):
            yield IngestError(_too_many_bytes("row", line, max_chars))
        else:
            yield _decode_utf8_or_single_byte(line)[0]


def _byte_lines(handle, path: str, max_bytes: int | None) -> Iterator[bytes | int]:
    """The lines of a binary file without their line ends, read a chunk at a time.

    A line longer than ``max_bytes`` comes as its length in bytes instead: its bytes are
    dropped as they are read, so a line of any length passes in little memory.

    >>> import io
    >>> list(_byte_lines(io.BytesIO(b"a\\rbb\\r\\nccc\\n\\ndddddd"), "f", 4))
    [b'a', b'bb', b'ccc', b'', 6]
    """
    parts: list[bytes] = []  # the line read so far, unless it is already too long
    size = 0
    carry = b""
    while True:
        chunk = _read(handle, _CHUNK_BYTES, path)
        data = carry + chunk
        carry = b""
        if chunk and data.endswith(b"\r"):  # it may be the first half of "\r\n": decide with the next chunk
            data, carry = data[:-1], b"\r"
        start = 0
        for end in _LINE_END_RE.finditer(data):
            size += end.start() - start
            if max_bytes is None or size <= max_bytes:
                parts.append(data[start:end.start()])
                yield b"".join(parts)
            else:
                yield size
            parts, size, start = [], 0, end.end()
        size += len(data) - start
        if max_bytes is None or size <= max_bytes:
            parts.append(data[start:])
        else:
            parts = []
        if not chunk:
            if size:
                yield b"".join(parts) if max_bytes is None or size <= max_bytes else size
            return


def _jsonl_rows(lines: Iterable[str | IngestError], *, file_id: str, path: str,
                max_chars: int | None, read_row=None) -> Iterator[Article | Skip]:
    """The record of each non-blank line of ``lines`` (an IngestError: a line that could not be read)."""
    read_row = read_row or _jsonl_row
    found = False
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if isinstance(line, IngestError):
            found = True
            yield Skip(where, str(line))
            continue
        if not line.strip():
            continue
        found = True
        try:
            record = read_row(line, file_id=file_id, number=number, where=where, max_chars=max_chars)
        except IngestError as exc:
            record = Skip(where, str(exc))
        yield record
    if not found:
        yield Skip(path, "whitespace-only file")


def _parse_row(line: str) -> dict:
    """One line as a JSON object, or an IngestError that says why it is not one."""
    try:
        # a byte-order mark starts every file of a `cat a.jsonl b.jsonl`, so it may start any row
        row = json.loads(line.lstrip("\ufeff"), strict=False)  # raw control characters are cleaned later
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise IngestError("malformed JSON: nested too deeply") from None
    except ValueError as exc:  # a number of more than 4,300 digits (Python's limit on int conversion)
        raise IngestError(f"malformed JSON: {str(exc).split(':')[0]}") from None
    if not isinstance(row, dict):
        raise IngestError(f"row is a JSON {_json_type(row)}, not an object")
    return row


def _row_id(row: dict, *, file_id: str, number: int) -> str:
    """The article id of a row: its ``id`` (a string, or an integer made one), else ``<file id>#<line>``."""
    article_id = row.get("id")
    if article_id is None:
        return f"{file_id}#{number}"
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        return str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        raise IngestError(f"'id' must be a non-empty string or an integer, not {_json_type(article_id)}")
    _refuse_lone_surrogate("id", article_id)
    return clean_text(article_id).strip()


def _jsonl_id(line: str, *, file_id: str, number: int, where: str, max_chars: int | None) -> Article:
    """A row read for its id alone (an Article without text), for :func:`_jsonl_ids`."""
    return Article(id=_row_id(_parse_row(line), file_id=file_id, number=number), text="", path=where)


def _jsonl_ids(path: str, *, file_id: str, max_chars: int | None) -> Iterator[str]:
    """The ids of a JSONL file's rows, read without their texts (rows that cannot be read have none)."""
    try:
        for record in _jsonl_records(path, path, file_id=file_id, max_chars=max_chars, read_row=_jsonl_id):
            if isinstance(record, Article):
                yield record.id
    except IngestError:
        return


def _jsonl_row(line: str, *, file_id: str, number: int, where: str, max_chars: int | None) -> Article:
    row = _parse_row(line)
    if "text" not in row:
        raise IngestError("row has no 'text' field")
    if not isinstance(row["text"], str):
        raise IngestError(f"'text' must be a string, not {_json_type(row['text'])}")
    _refuse_lone_surrogate("text", row["text"])
    text = clean_text(row["text"])
    if not text.strip():
        raise IngestError("'text' is empty")
    _check_length(text, max_chars)
    article_id = _row_id(row, file_id=file_id, number=number)

    fields = {}
    for name in ("title", "url"):
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            raise IngestError(f"'{name}' must be a string or null, not {_json_type(value)}")
        if value:
            _refuse_lone_surrogate(name, value)
        fields[name] = _one_line(clean_text(value)) or None if value else None
    date = row.get("date")
    if date is not None and (isinstance(date, bool) or not isinstance(date, (str, int))):
        raise IngestError(f"'date' must be a string or null, not {_json_type(date)}")
    return Article(id=article_id, text=text, title=fields["title"], url=fields["url"],
                   date=normalize_date(date), path=where)


def _json_type(value) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string",
            list: "array", dict: "object"}.get(type(value), type(value).__name__)
