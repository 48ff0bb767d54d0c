"""Read articles from disk: paths, folders and globs in, :class:`Article` or :class:`Skip` out.

Every input either yields articles or a :class:`~extract.records.Skip` that names its path
and says why, so a build over a messy corpus goes on and can report what it left out.

Kinds of file (by extension, case-insensitive):

* ``.txt``, ``.md`` -- plain text; the first line is the title when it looks like one.
* ``.html``, ``.htm`` -- the article text of the page (boilerplate dropped) and its metadata.
* ``.jsonl`` -- one article per line: ``text`` (required), ``id``, ``title``, ``url``, ``date``.
  Read a line at a time, so a file of any size streams through (:func:`iter_file`).

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
"""
from __future__ import annotations

import codecs
import datetime as _dt
import email.utils
import errno
import glob
import json
import os
import re
import stat
import unicodedata
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Iterable, Iterator

from extract.records import Article, Skip

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_ARTICLE_CHARS",
    "IngestError",
    "clean_text",
    "decode_bytes",
    "front_matter",
    "html_to_article",
    "iter_file",
    "normalize_date",
    "plain_text_title",
    "read_articles",
    "read_file",
]

#: Extensions read from folders, and the kind of reader for each.
ARTICLE_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

#: The longest article text read, in characters. spaCy with our rules parses some 20,000
#: characters a second on one core, so this is about four minutes for one article; a news
#: article is a few thousand characters, and one of millions is a dump, not an article.
DEFAULT_MAX_ARTICLE_CHARS = 5_000_000

#: A character takes at most this many bytes (UTF-8, UTF-16 and UTF-32 alike), so a file or
#: JSONL row of more than ``MAX_BYTES_PER_CHAR * max_chars`` bytes is too long unread.
MAX_BYTES_PER_CHAR = 4

#: JSONL in UTF-16/32 (not JSON Lines, which is UTF-8) is decoded whole: up to this size.
MAX_WHOLE_JSONL_BYTES = 50_000_000

_SNIFF_BYTES = 65_536  # the start of a JSONL file, checked for binary data and UTF-16/32
_CHUNK_BYTES = 1 << 20  # how much of a row too long to read is read at a time to pass over it

#: A first line this long or longer is a paragraph, not a title.
MAX_TITLE_CHARS = 200


class IngestError(Exception):
    """An input that cannot be read as an article; the message is one line that says why."""


# --------------------------------------------------------------------------- decoding

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old Office format)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
)

#: Control characters that mark a byte string as binary when they are frequent:
#: C0 except tab, line feed, vertical tab, form feed, carriage return; DEL; C1.
_BINARY_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.10
_MIN_BINARY_CONTROLS = 4

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

#: WHATWG Encoding: browsers read these labels as windows-1252, and so do we, so that
#: curly quotes in a page labelled ``iso-8859-1`` do not become C1 control characters.
_WINDOWS_1252_LABELS = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1"}


def _magic_name(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media file"
    if data[:3] == b"BZh" and data[4:10] == b"1AY&SY":
        return "BZIP2 archive"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16 text that is mostly ASCII (every other byte NUL), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) >= 0.9 * len(high):
            return codec
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET_RE.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared_encoding: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file, refusing binary data.

    Parameters
    ----------
    data : bytes
        The whole file.
    declared_encoding : str, optional
        An encoding the file declares (an HTML ``<meta charset>``). It is tried after the
        byte-order mark and UTF-8, because pages often declare one encoding and are saved in
        UTF-8, and before the ``cp1252`` / ``latin-1`` fallback.

    Returns
    -------
    tuple of (str, str)
        The text (not yet cleaned: see :func:`clean_text`) and the name of the encoding used.

    Raises
    ------
    IngestError
        ``"binary file (...)"`` for known binary formats (PNG, PDF, ZIP, GZIP, JPEG, ...), NUL
        bytes outside UTF-16/32, or control characters (other than tab and line ends) making
        up more than 10% of the text; or invalid data after a UTF-16/32 byte-order mark.

    Examples
    --------
    >>> decode_bytes("naïve".encode("utf-8"))
    ('naïve', 'utf-8')
    >>> decode_bytes("\\ufeffnaïve".encode("utf-16-le"))
    ('naïve', 'utf-16-le')
    >>> decode_bytes("“smart” quotes".encode("cp1252"))
    ('“smart” quotes', 'cp1252')
    >>> decode_bytes(b"caf\\xe9 \\x81 r\\xe9sum\\xe9")  # 0x81 is undefined in cp1252
    ('café \\x81 résumé', 'latin-1')
    >>> decode_bytes("Nvidia’s “Blackwell” — ".encode("utf-8") + b"\\x93sold out\\x94")  # stray cp1252 bytes
    ('Nvidia’s “Blackwell” — “sold out”', 'utf-8+cp1252')
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ...
    extract.ingest.IngestError: binary file (PNG image)
    """
    magic = _magic_name(data)
    if magic:
        raise IngestError(f"binary file ({magic})")
    utf8_name = "utf-8"
    for bom, codec in _BOMS:
        if not data.startswith(bom):
            continue
        data = data[len(bom):]
        if codec == "utf-8-sig":  # a UTF-8 file may still hold stray bytes: decode it below
            utf8_name = codec
            break
        try:
            return _refuse_control_heavy(data.decode(codec)), codec
        except UnicodeDecodeError as exc:
            where = exc.start + len(bom)
            raise IngestError(f"invalid {codec.upper()} after its byte-order mark at byte {where}") from None
    if b"\x00" in data:
        codec = _bomless_utf16(data)
        if codec is None:
            raise IngestError("binary file (contains NUL bytes)")
        try:
            return _refuse_control_heavy(data.decode(codec)), codec
        except UnicodeDecodeError:
            raise IngestError("binary file (contains NUL bytes)") from None
    text, codec = _decode_utf8_or_single_byte(data, utf8_name=utf8_name, declared_encoding=declared_encoding)
    return _refuse_control_heavy(text), codec


def _decode_utf8_or_single_byte(data: bytes, *, utf8_name: str = "utf-8",
                                declared_encoding: str | None = None) -> tuple[str, str]:
    """Bytes without a UTF-16/32 byte-order mark: strict UTF-8, else the fallbacks of :func:`decode_bytes`.

    Never raises: ``latin-1`` decodes every byte string. JSONL rows are decoded one at a time
    with this, so that a row with stray bytes is decoded as a whole file with them would be.
    """
    try:
        return data.decode("utf-8"), utf8_name
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few stray bytes (a cp1252 quote pasted into it) keeps its UTF-8
    # characters, and only the stray bytes are read as cp1252 (latin-1 for the five bytes
    # cp1252 leaves undefined). It is taken for UTF-8 when its valid multi-byte sequences
    # outnumber the stray bytes: in a real cp1252 file nearly every non-ASCII byte is stray,
    # and the rare accidental sequence ("É’" is valid UTF-8) is outnumbered.
    escaped = data.decode("utf-8", "surrogateescape")
    stray = len(_ESCAPED_BYTE_RE.findall(escaped))
    multibyte = len(_UTF8_MULTIBYTE_RE.findall(data))
    mostly_utf8 = multibyte > stray
    if declared_encoding and not mostly_utf8:
        label = declared_encoding.lower()
        codec = "cp1252" if label in _WINDOWS_1252_LABELS else label
        try:
            return data.decode(codec), codecs.lookup(codec).name
        except (UnicodeDecodeError, LookupError):
            pass
    if mostly_utf8:
        text = _ESCAPED_BYTE_RE.sub(lambda m: _single_byte_char(ord(m.group()) - 0xDC00), escaped)
        return text, f"{utf8_name}+cp1252"
    for codec in ("cp1252", "latin-1"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")
_UTF8_MULTIBYTE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _single_byte_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # latin-1


def _refuse_control_heavy(text: str) -> str:
    controls = len(_BINARY_CONTROL_RE.findall(text))
    # A few control characters are debris that clean_text removes; binary data has many.
    if controls >= _MIN_BINARY_CONTROLS and controls > _MAX_CONTROL_SHARE * len(text):
        raise IngestError(f"binary file ({controls} control characters in {len(text)})")
    return text


# --------------------------------------------------------------------------- cleaning

_LINE_BREAK_RE = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CR_RE = re.compile("\r\n?")
#: Characters removed outright: C0/C1 controls (not \t, \n), zero-width space, word joiner,
#: BOM, soft hyphen, Mongolian vowel separator, bidi marks/embeddings/isolates. They are
#: invisible, and they split words ("Open\u200bAI") for the tokenizer.
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\u00ad\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_JOINER_RE = re.compile("[\u200c\u200d]")


def _drop_stray_joiner(match: re.Match) -> str:
    # Zero-width (non-)joiners are spelling inside emoji sequences and in Arabic, Persian
    # and Indic scripts, where both neighbours are non-ASCII letters or symbols; next to
    # ASCII, a space, or an edge they are scraping debris.
    text, i = match.string, match.start()
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isascii() or after.isascii() or before.isspace() or after.isspace():
        return ""
    return match.group()


def clean_text(text: str) -> str:
    """Normalise line ends to ``\\n``, remove invisible and control characters, normalise to NFC.

    Kept: ``\\n``, ``\\t``, and zero-width joiners between two non-ASCII characters (emoji
    sequences, Persian and Indic spelling). Vertical tab, form feed, NEL, and the Unicode
    line and paragraph separators become ``\\n`` so that the words around them stay apart.

    Examples
    --------
    >>> clean_text("Open\\u200bAI\\r\\nships\\x07 GPT\\u2060-5\\rtoday")
    'OpenAI\\nships GPT-5\\ntoday'
    >>> clean_text("Cafe\\u0301")  # NFC
    'Café'
    """
    text = _LINE_BREAK_RE.sub("\n", text)
    text = _INVISIBLE_RE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINER_RE.sub(_drop_stray_joiner, text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}
_ISO_DATE_RE = re.compile(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?(?![\d])")
_COMPACT_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T|$)")
_DAY_MONTH_YEAR_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR_RE = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MONTH_YEAR_RE = re.compile(r"([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def normalize_date(value: str | int | None) -> str | None:
    """An ISO 8601 calendar date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) from a stated date.

    The date is kept as stated: a timestamp's time and zone are dropped, not converted to
    UTC, because the article's own calendar day is what a reader sees. Returns ``None`` for
    anything that is not a valid date.

    Examples
    --------
    >>> normalize_date("2024-05-06T23:30:00-07:00")
    '2024-05-06'
    >>> normalize_date("2024/5")
    '2024-05'
    >>> normalize_date("Mon, 06 May 2024 10:00:00 GMT")
    '2024-05-06'
    >>> normalize_date("May 6th, 2024"), normalize_date("6 Sept. 2024"), normalize_date("March 2024")
    ('2024-05-06', '2024-09-06', '2024-03')
    >>> normalize_date(2024), normalize_date("2024-02-30"), normalize_date("soon")
    ('2024', None, None)
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _iso(value) if 1000 <= value <= 9999 else None
    text = str(value).strip()
    if not text:
        return None
    match = _COMPACT_DATE_RE.match(text)
    if match:
        return _iso(*(int(g) for g in match.groups()))
    match = _ISO_DATE_RE.match(text)
    if match:
        year, _, month, day = match.groups()
        return _iso(int(year), int(month) if month else None, int(day) if day else None)
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    for pattern, order in ((_DAY_MONTH_YEAR_RE, "dmy"), (_MONTH_DAY_YEAR_RE, "mdy"), (_MONTH_YEAR_RE, "my")):
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups()))
        month = _MONTHS.get(parts["m"].lower())
        if month is None:
            continue
        return _iso(int(parts["y"]), month, int(parts["d"]) if "d" in parts else None)
    return None


# --------------------------------------------------------------------------- plain text

_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")


def plain_text_title(text: str, *, markdown: bool = False) -> str | None:
    """The first non-empty line when it reads as a title, else ``None``.

    A title is shorter than 200 characters, has a letter or digit, does not end with a
    period (or a comma or semicolon), and is not the first line of a hard-wrapped paragraph
    (a next line that starts in lower case). In Markdown a leading ``#`` heading mark is
    removed and a front-matter block (see :func:`front_matter`) is passed over.

    Examples
    --------
    >>> plain_text_title("\\nNvidia unveils Blackwell chips\\n\\nNvidia said on Monday...")
    'Nvidia unveils Blackwell chips'
    >>> plain_text_title("Nvidia said on Monday it would ship new chips.\\nMore text.") is None
    True
    >>> plain_text_title("Microsoft is training a model that could rival\\nthe largest ones") is None
    True
    >>> plain_text_title("# Mistral raises $640 million\\n", markdown=True)
    'Mistral raises $640 million'
    """
    if markdown:
        text = text[front_matter(text)[1]:]
    lines = iter(text.split("\n"))
    for line in lines:
        title = line.strip()
        if title:
            break
    else:
        return None
    following = next(lines, "").lstrip()
    if markdown:
        title = _MD_HEADING_RE.sub("", title).rstrip("#").strip()
    if len(title) >= MAX_TITLE_CHARS or not any(c.isalnum() for c in title) or title[-1] in ".,;":
        return None
    if following[:1].islower():
        return None
    return title


_FRONT_MATTER_RE = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_FRONT_MATTER_FIELD_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The ``key: value`` fields of a Markdown front-matter block, and where the body starts.

    Only flat one-line fields are read (quotes removed, keys lower-cased), which covers the
    ``title``, ``date`` and ``url`` that static-site generators write; without a block the
    result is ``({}, 0)``. The block stays in :attr:`Article.text` (offsets are into the file).

    Examples
    --------
    >>> front_matter('---\\ntitle: "xAI raises $6 billion"\\ndate: 2024-05-27\\n---\\nBody')
    ({'title': 'xAI raises $6 billion', 'date': '2024-05-27'}, 56)
    >>> front_matter("No block here")
    ({}, 0)
    """
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return {}, 0
    fields = {}
    for key, value in _FRONT_MATTER_FIELD_RE.findall(match.group(1) or ""):
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        fields.setdefault(key.lower(), value)
    return fields, match.end()


# --------------------------------------------------------------------------- HTML

#: Elements whose content is never article text.
_DROPPED = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "svg", "iframe", "button", "select", "textarea", "canvas", "object", "embed", "audio",
    "video", "dialog", "math", "head", "title",
})
#: ARIA landmark roles that mark the same boilerplate on generic elements (``<div role=navigation>``).
_DROPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
_BREAK = "\x00"  # never in cleaned text, so it can mark paragraph breaks while collecting
_DATE_META_NAMES = ("date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
                    "dcterms.date", "dcterms.created", "citation_publication_date", "sailthru.date")


class _ArticleHTMLParser(HTMLParser):
    """Collects paragraph text per region (each outermost ``<article>``, ``<main>``, the page) and metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, dropped?) for every open non-void element
        self.dropped_depth = 0
        self.page: list[str] = []
        self.articles: list[list[str]] = []
        self.article_depth = 0
        self.main: list[str] = []
        self.main_depth = 0
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.times: list[tuple[bool, str]] = []  # (inside dropped content?, datetime)

    # -- structure
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): (value or "") for name, value in attrs}
        self._metadata(tag, attributes)
        if tag in _BLOCK:
            self._emit(_BREAK)
        if tag in _VOID:
            return
        if tag == "body" and any(open_tag == "head" for open_tag, _ in self.open):
            self.handle_endtag("head")  # </head> is optional: <body> closes it
        dropped = (
            tag in _DROPPED
            or attributes.get("role", "").lower() in _DROPPED_ROLES
            or "hidden" in attributes
            or attributes.get("aria-hidden", "").lower() == "true"
        )
        self.open.append((tag, dropped))
        self.dropped_depth += dropped
        if tag == "article":
            if self.article_depth == 0:
                self.articles.append([])
            self.article_depth += 1
        elif tag == "main":
            self.main_depth += 1
        elif tag == "title" and self.title is None and not any(t == "svg" for t, _ in self.open):
            self.title_parts = []  # an <svg><title> is an image caption, not the page title
        elif tag == "h1" and self.h1 is None:
            self.h1_parts = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <div/> in HTML is an open tag, but pages that write it mean an empty element.
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self._emit(_BREAK)
        if not any(open_tag == tag for open_tag, _ in self.open):
            return  # a stray end tag closes nothing
        while self.open:  # close unclosed children too (<p> without </p>, misnested markup)
            open_tag, dropped = self.open.pop()
            self.dropped_depth -= dropped
            self._closed(open_tag)
            if open_tag == tag:
                break

    def _closed(self, tag: str) -> None:
        if tag == "article":
            self.article_depth -= 1
        elif tag == "main":
            self.main_depth -= 1
        elif tag == "title" and self.title_parts is not None:
            self.title = _one_line("".join(self.title_parts)) or None
            self.title_parts = None
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = _one_line("".join(self.h1_parts)) or None
            self.h1_parts = None

    # -- content
    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)  # the headline counts even inside a dropped <header>
        if not self.dropped_depth:
            self._emit(data)

    def _emit(self, data: str) -> None:
        self.page.append(data)
        if self.article_depth:
            self.articles[-1].append(data)
        if self.main_depth:
            self.main.append(data)

    # -- metadata
    def _metadata(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            if key and "content" in attributes:
                self.meta.setdefault(key, attributes["content"].strip())
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "").strip() or None
        elif tag == "time" and attributes.get("datetime", "").strip():
            self.times.append((self.dropped_depth > 0, attributes["datetime"].strip()))
        elif attributes.get("itemprop", "").lower() == "datepublished":
            value = attributes.get("datetime") or attributes.get("content")
            if value:
                self.meta.setdefault("datepublished", value.strip())


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(chunks: list[str]) -> str:
    paragraphs = (_one_line(part) for part in "".join(chunks).split(_BREAK))
    return "\n\n".join(p for p in paragraphs if p)


def html_to_article(html: str, *, article_id: str, path: str | None = None) -> Article:
    """The article in an HTML page: its text (boilerplate dropped) and metadata.

    Text comes from the largest outermost ``<article>``, else ``<main>``, else the whole
    page, without ``script``, ``style``, ``noscript``, ``template``, ``nav``, ``header``,
    ``footer``, ``aside``, ``form``, ``svg``, ``iframe`` (and media, controls, hidden
    elements, ARIA navigation/banner/contentinfo/complementary landmarks) or comments.
    Block elements become paragraph breaks (``"\\n\\n"``), whitespace inside a paragraph
    becomes single spaces, and entities are unescaped.

    Metadata: title from ``og:title``, ``twitter:title``, ``<title>`` (each with a trailing
    ``| og:site_name`` removed), or the first ``<h1>``; url from ``<link rel=canonical>`` or ``og:url``; date
    from ``article:published_time``, ``itemprop=datePublished``, ``<time datetime>``, or a
    ``date`` meta name, normalised by :func:`normalize_date`.

    Parameters
    ----------
    html : str
        The decoded page, already passed through :func:`clean_text`.
    article_id : str
        The id of the returned article.
    path : str, optional
        Where the page was read from, for messages.

    Returns
    -------
    Article

    Raises
    ------
    IngestError
        When the page has no article text.

    Examples
    --------
    >>> page = '''<html><head><title>Arm wins case | Chip News</title>
    ... <meta property="og:site_name" content="Chip News"></head>
    ... <body><nav><a href="/">Home</a></nav>
    ... <article><h1>Arm wins case</h1><p>Arm  won its case
    ... against Qualcomm &amp; Nuvia.</p><script>track()</script></article>
    ... <footer>&copy; 2024</footer></body></html>'''
    >>> article = html_to_article(page, article_id="arm.html")
    >>> article.title, article.text
    ('Arm wins case', 'Arm wins case\\n\\nArm won its case against Qualcomm & Nuvia.')
    """
    parser = _ArticleHTMLParser()
    parser.feed(html)
    parser.close()
    for tag, _ in reversed(parser.open):  # an unclosed <title> or <h1> at the end of the file
        parser._closed(tag)

    candidates = [_paragraphs(chunks) for chunks in parser.articles]
    text = max(candidates, key=len, default="") or _paragraphs(parser.main) or _paragraphs(parser.page)
    text = clean_text(text)
    if not text.strip():
        raise IngestError("no article text in HTML")

    meta = parser.meta
    title = _strip_site_name(meta.get("og:title") or meta.get("twitter:title") or parser.title,
                             meta.get("og:site_name"))
    title = clean_text(_one_line(title)) if title else None
    title = title or (clean_text(parser.h1) if parser.h1 else None)

    url = parser.canonical or meta.get("og:url") or None

    stated_dates = [meta.get("article:published_time"), meta.get("datepublished")]
    stated_dates += [value for in_dropped, value in parser.times if not in_dropped]
    stated_dates += [value for in_dropped, value in parser.times if in_dropped]
    stated_dates += [meta.get(name) for name in _DATE_META_NAMES]
    date = next((d for d in map(normalize_date, stated_dates) if d), None)
    return Article(id=article_id, text=text, title=title or None, url=url, date=date, path=path)


def _strip_site_name(title: str | None, site_name: str | None) -> str | None:
    if not title or not site_name:
        return title
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
        suffix = separator + site_name.strip()
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].strip()
    return title


# --------------------------------------------------------------------------- JSONL

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


# --------------------------------------------------------------------------- files

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


_DATELINE_RE = re.compile(
    r"^[A-Z][A-Za-z .,'’-]{1,40}?,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})"
    r"\s*(?:\([A-Za-z .]+\)\s*)?[—–-]",
    re.MULTILINE,
)


def dateline_date(text: str) -> str | None:
    """The date of a news dateline in the first paragraphs: "SAN FRANCISCO, May 6, 2024 —".

    >>> dateline_date("Acme buys Zorb\\n\\nSAN FRANCISCO, May 6, 2024 — Acme said...")
    '2024-05-06'
    >>> dateline_date("LONDON, 3 June 2024 (Reuters) - Quillstone said") , dateline_date("No date here.")
    ('2024-06-03', None)
    """
    match = _DATELINE_RE.search(text[:1500])
    return normalize_date(match.group(1)) if match else None


# --------------------------------------------------------------------------- paths

_GLOB_MAGIC_RE = re.compile(r"[*?\[]")


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


def _expand(path: str) -> Iterator[tuple[str, str, str | None]]:
    """Yield ``(id, path, skip reason or None)`` for one argument of :func:`read_articles`."""
    if os.path.isdir(path):
        entries = _walk(path, path)
        if not entries:
            yield _printable(path), path, "folder has no .txt, .md, .html, .htm or .jsonl files"
        yield from entries
        return
    if os.path.lexists(path) or not _GLOB_MAGIC_RE.search(path):
        yield _printable(os.path.basename(os.path.normpath(path))), path, None
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
        yield _printable(path), path, "glob matched no article files"
    yield from sorted(matched.values(), key=lambda item: item[0])


def read_articles(paths: Iterable[str | os.PathLike], *,
                  max_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS) -> Iterator[Article | Skip]:
    """Read articles from files, folders and glob patterns, reporting what cannot be read.

    Parameters
    ----------
    paths : iterable of str or os.PathLike
        Files, folders (read recursively, in order of relative path) and glob patterns
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
        ``id`` field, else ``<file id>#<line number>``. A later article with an id already
        seen, a missing path, a glob that matches nothing, and every file that cannot be
        read is a :class:`Skip` with a one-line reason.

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
    >>> tmp.cleanup()
    """
    return _read_articles(paths, _article_char_limit(max_chars))


def _read_articles(paths: Iterable[str | os.PathLike], max_chars: int | None) -> Iterator[Article | Skip]:
    first_seen: dict[str, str] = {}
    for given in paths:
        given = os.fsdecode(os.fspath(given))
        for article_id, path, reason in _expand(given):
            if reason is not None:
                yield Skip(_printable(path), reason)
                continue
            for record in _iter_file(path, _printable(path), article_id, max_chars):
                if isinstance(record, Article):
                    if record.id in first_seen:
                        record = Skip(record.path or _printable(path),
                                      f"duplicate article id {record.id}, first seen in {first_seen[record.id]}")
                    else:
                        first_seen[record.id] = record.path or _printable(path)
                yield record
