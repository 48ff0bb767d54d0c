"""Plain text and its metadata: dates in any common form, titles, Markdown front matter, datelines."""
from __future__ import annotations

import datetime as _dt
import email.utils
import re

#: A first line this long or longer is a paragraph, not a title.
MAX_TITLE_CHARS = 200


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
