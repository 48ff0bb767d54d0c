"""Bytes to clean text: byte-order marks, UTF-8, cp1252/latin-1, binary data refused; then line ends,
invisible characters and NFC (:func:`clean_text`)."""
from __future__ import annotations

import codecs
import re
import unicodedata

from .base import SUPPORTED, IngestError

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

#: Binary formats of documents a user may hope to build from (PDF, old Word files).
_DOCUMENTS = frozenset({"PDF document", "OLE2 document (old Office format)"})

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
    if magic in _DOCUMENTS:  # someone tried a document: say what to do with it
        raise IngestError(f"binary file ({magic}): {SUPPORTED}; save it as text first")
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
