"""JSON Lines: one article a row, read a line at a time so that a file of any size streams through."""
from __future__ import annotations

import codecs
import json
from typing import Iterable, Iterator

from extract.records import Article, Skip

from .base import (
    MAX_BYTES_PER_CHAR, IngestError, _check_length, _open_binary, _read, _readline, _regular_file_size, _too_many_bytes,
)
from .decoding import _BOMS, _CR_RE, _decode_utf8_or_single_byte, clean_text, decode_bytes
from .htmlpage import _one_line
from .text import normalize_date

#: JSONL in UTF-16/32 (not JSON Lines, which is UTF-8) is decoded whole: up to this size.
MAX_WHOLE_JSONL_BYTES = 50_000_000

_SNIFF_BYTES = 65_536  # the start of a JSONL file, checked for binary data and UTF-16/32
_CHUNK_BYTES = 1 << 20  # how much of a row too long to read is read at a time to pass over it


def _jsonl_records(path: str, shown: str, *, file_id: str, max_chars: int | None) -> Iterator[Article | Skip]:
    """The rows of a JSONL file: UTF-8 read one line at a time, UTF-16/32 decoded whole."""
    size = _regular_file_size(path)
    with _open_binary(path) as handle:
        head = _read(handle, _SNIFF_BYTES, path)
        if not head:
            raise IngestError("empty file")
        if _is_utf16_or_32(head):
            lines: Iterable[str | IngestError] = _whole_file_lines(handle, head, size, path)
        else:
            decode_bytes(head)  # refuses binary data (magic numbers, control characters) as for whole files
            handle.seek(0)
            lines = _utf8_lines(handle, path, max_chars)
        yield from _jsonl_rows(lines, file_id=file_id, path=shown, max_chars=max_chars)


def _is_utf16_or_32(head: bytes) -> bool:
    """Whether a file starts like UTF-16 or UTF-32 text: with their byte-order mark, or with NUL bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return False
    return any(head.startswith(bom) for bom, _ in _BOMS) or b"\x00" in head


def _whole_file_lines(handle, head: bytes, size: int, path: str) -> list[str]:
    # JSON Lines is UTF-8 by its spec, and UTF-16/32 cannot be split into lines before decoding,
    # so the rare file in them is decoded whole, as a text file is, within a whole-file limit.
    # (A file with NUL bytes that is not UTF-16 gets here too: decode_bytes calls it binary.)
    if size > MAX_WHOLE_JSONL_BYTES:
        raise IngestError(f"file too large: {size:,} bytes > {MAX_WHOLE_JSONL_BYTES:,} for JSONL that is not UTF-8 "
                          "(save it as UTF-8 to have it read row by row)")
    data = head + _read(handle, MAX_WHOLE_JSONL_BYTES + 1 - len(head), path)
    if len(data) > MAX_WHOLE_JSONL_BYTES:  # it grew after stat
        raise IngestError(f"file too large: more than {MAX_WHOLE_JSONL_BYTES:,} bytes for JSONL that is not UTF-8")
    text, _encoding = decode_bytes(data)
    return text.split("\n")


def _utf8_lines(handle, path: str, max_chars: int | None) -> Iterator[str | IngestError]:
    """The lines of a UTF-8 file, each decoded on its own; an IngestError for a line too long to read.

    A line of more than 4 bytes for each of ``max_chars`` characters cannot hold an article
    short enough, and is passed over without being held in memory. A line with bytes that
    are not UTF-8 is decoded as :func:`decode_bytes` decodes a whole file with them.
    """
    max_bytes = None if max_chars is None else MAX_BYTES_PER_CHAR * max_chars
    first = True
    while True:
        line = _readline(handle, path, -1 if max_bytes is None else max_bytes + 2)  # + 2: room for "\r\n"
        if not line:
            return
        if first and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        first = False
        if max_bytes is not None and len(line.rstrip(b"\r\n")) > max_bytes:
            size = _pass_rest_of_line(handle, path, line)
            yield IngestError(_too_many_bytes("row", size, max_chars))
            continue
        yield _decode_utf8_or_single_byte(line)[0]


def _pass_rest_of_line(handle, path: str, start: bytes) -> int:
    """Read to the end of the line that begins with ``start``, a chunk at a time; its length without the line end."""
    size, chunk = len(start), start
    while not chunk.endswith(b"\n"):
        chunk = _readline(handle, path, _CHUNK_BYTES)
        if not chunk:
            break
        size += len(chunk)
    return size - (len(chunk) - len(chunk.rstrip(b"\r\n")))


def _jsonl_rows(lines: Iterable[str | IngestError], *, file_id: str, path: str,
                max_chars: int | None) -> Iterator[Article | Skip]:
    """The article or skip of each non-blank row of ``lines`` (an IngestError: a line that could not be read)."""
    number = 0
    found = False
    for line in lines:
        if isinstance(line, IngestError):
            number += 1
            found = True
            yield Skip(f"{path}:{number}", str(line))
            continue
        # A lone carriage return ends a line, as in text files; U+2028 and friends do not:
        # they are legal inside JSON strings.
        for row in _CR_RE.sub("\n", line).removesuffix("\n").split("\n"):
            number += 1
            if not row.strip():
                continue
            found = True
            where = f"{path}:{number}"
            try:
                record = _jsonl_row(row, file_id=file_id, number=number, where=where, max_chars=max_chars)
            except IngestError as exc:
                record = Skip(where, str(exc))
            yield record
    if not found:
        yield Skip(path, "whitespace-only file")


def _jsonl_row(line: str, *, file_id: str, number: int, where: str, max_chars: int | None) -> Article:
    try:
        row = json.loads(line, strict=False)  # raw control characters are cleaned below
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise IngestError("malformed JSON: nested too deeply") from None
    if not isinstance(row, dict):
        raise IngestError(f"row is a JSON {_json_type(row)}, not an object")
    if "text" not in row:
        raise IngestError("row has no 'text' field")
    if not isinstance(row["text"], str):
        raise IngestError(f"'text' must be a string, not {_json_type(row['text'])}")
    text = clean_text(row["text"])
    if not text.strip():
        raise IngestError("'text' is empty")
    _check_length(text, max_chars)

    article_id = row.get("id")
    if article_id is None:
        article_id = f"{file_id}#{number}"
    elif isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    elif not isinstance(article_id, str) or not article_id.strip():
        raise IngestError(f"'id' must be a non-empty string or an integer, not {_json_type(article_id)}")
    else:
        article_id = clean_text(article_id).strip()

    fields = {}
    for name in ("title", "url"):
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            raise IngestError(f"'{name}' must be a string or null, not {_json_type(value)}")
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
