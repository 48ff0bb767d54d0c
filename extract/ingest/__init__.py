"""Read articles from disk: paths, folders and globs in, :class:`Article` or :class:`Skip` out.

Every input either yields articles or a :class:`~extract.records.Skip` that names its path
and says why, so a build over a messy corpus goes on and can report what it left out.

Kinds of file (by extension, case-insensitive):

* ``.txt``, ``.md`` -- plain text; the first line is the title when it looks like one.
* ``.html``, ``.htm`` -- the article text of the page (boilerplate dropped) and its metadata.
* ``.jsonl`` -- one article per line: ``text`` (required), ``id``, ``title``, ``url``, ``date``.
  Read a line at a time, so a file of any size streams through (:func:`iter_file`); a line ends at
  ``\\n``, ``\\r\\n`` or a lone ``\\r``. A row that cannot be an article (not an object, a ``text`` that
  is not a string, a lone surrogate such as ``\\ud800`` in a field) is a skip that names its line.

A file named explicitly (or by a glob whose last part spells its extension) with another
extension is read as plain text; in a folder such files are ignored.

An article longer than ``max_chars`` characters (default :data:`DEFAULT_MAX_ARTICLE_CHARS`)
is a :class:`~extract.records.Skip` ("article too long"): a text or HTML file of more than
4 bytes a character is skipped without being read, and so is such a JSONL line.

Decoding, in order (see :func:`decode_bytes`): a byte-order mark (UTF-8, UTF-16 LE/BE,
UTF-32 LE/BE); strict UTF-8; UTF-8 with its few stray bytes read as ``cp1252`` (when valid
multi-byte UTF-8 sequences outnumber the stray bytes); the encoding an HTML page declares;
then ``cp1252``, which decodes nearly every byte string Western editors write (browsers read
``latin-1`` labels as ``cp1252`` too), and, for the few byte strings ``cp1252`` rejects
(bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D), ``latin-1``, which decodes anything. Text is then cleaned *before* anything else is computed -- line ends become
``\\n``, zero-width and control characters other than ``\\n`` and ``\\t`` are removed, and the
text is normalised to NFC -- so every offset computed later is an offset into
:attr:`Article.text`.

Modules: :mod:`~extract.ingest.paths` (files, folders, globs, ids), :mod:`~extract.ingest.readers` (one
file), :mod:`~extract.ingest.text`, :mod:`~extract.ingest.htmlpage`, :mod:`~extract.ingest.jsonl` (the kinds of
file), :mod:`~extract.ingest.decoding` (bytes to clean text) and :mod:`~extract.ingest.base` (limits, errors).
Import from ``extract.ingest``: the names below are its public interface.
"""
from __future__ import annotations

from .base import (
    ARTICLE_SUFFIXES, DEFAULT_MAX_ARTICLE_CHARS, MAX_BYTES_PER_CHAR, IngestError, check_article, display_path,
)
from .decoding import clean_text, decode_bytes
from .htmlpage import html_to_article
from .jsonl import MAX_WHOLE_JSONL_BYTES
from .paths import estimate_articles, read_articles
from .readers import iter_file, read_file
from .text import MAX_TITLE_CHARS, dateline_date, front_matter, normalize_date, plain_text_title

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_ARTICLE_CHARS",
    "IngestError",
    "check_article",
    "clean_text",
    "decode_bytes",
    "display_path",
    "estimate_articles",
    "front_matter",
    "html_to_article",
    "iter_file",
    "normalize_date",
    "plain_text_title",
    "read_articles",
    "read_file",
]
