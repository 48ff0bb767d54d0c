"""HTML pages: the article text (boilerplate dropped) and its title, url and date."""
from __future__ import annotations

import html as _html
import re
from collections import Counter

from extract.records import Article

from .base import IngestError
from .decoding import clean_text
from .text import normalize_date

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


class _ArticleHTMLParser:
    """Collects paragraph text per region (each outermost ``<article>``, ``<main>``, the page) and metadata.

    Fed by :func:`_tokenize`. Every step is constant time whatever is open (``open_count``
    answers "is a <tag> open?"), so that misnested markup (``<b>`` x 20,000 then ``</i>`` x
    20,000) is read in linear time.
    """

    def __init__(self) -> None:
        self.open: list[tuple[str, bool]] = []  # (tag, dropped?) for every open non-void element
        self.open_count: Counter[str] = Counter()  # how many of each tag are in self.open
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
        if tag == "body" and self.open_count["head"]:
            self.handle_endtag("head")  # </head> is optional: <body> closes it
        dropped = (
            tag in _DROPPED
            or attributes.get("role", "").lower() in _DROPPED_ROLES
            or "hidden" in attributes
            or attributes.get("aria-hidden", "").lower() == "true"
        )
        self.open.append((tag, dropped))
        self.open_count[tag] += 1
        self.dropped_depth += dropped
        if tag == "article":
            if self.article_depth == 0:
                self.articles.append([])
            self.article_depth += 1
        elif tag == "main":
            self.main_depth += 1
        elif tag == "title" and self.title is None and not self.open_count["svg"]:
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
        if not self.open_count[tag]:
            return  # a stray end tag closes nothing
        while self.open:  # close unclosed children too (<p> without </p>, misnested markup)
            open_tag, dropped = self.open.pop()
            self.open_count[open_tag] -= 1
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


# --------------------------------------------------------------------------- tokenizer
# Our own, after the HTML5 tokenizer, because html.parser (Python 3.11.7 here, and every release before
# CPython's 2025 fix) rescans the rest of the page for every construct that is not closed: 20,000
# "<!--" took 6 s, 40,000 took 21 s; "<a", "</", "<?", "<![CDATA[" likewise. Here every search for the end of a
# construct is remembered (:class:`_Finder`): the page is scanned once per kind of end, so the time
# is linear whatever the markup. At the end of the page an unclosed comment runs to the end and an
# unclosed tag is dropped, as in browsers.

#: Elements whose content is text up to their end tag, never markup. (``<title>`` is read as markup,
#: as html.parser did: an unclosed title then ends at ``<body>`` instead of taking the whole page.)
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
_TAG_NAME_RE = re.compile(r"[^\s/>]+")
_SPACES_RE = re.compile(r"[\s/]*")
_ATTRIBUTE_NAME_RE = re.compile(r"[^\s/>][^\s/>=]*")
_UNQUOTED_VALUE_RE = re.compile(r"[^\s>]*")
_EQUALS_RE = re.compile(r"\s*=\s*")
#: A character reference with more digits than any code point needs: html.unescape would call int() on
#: all of them (ValueError past 4,300 digits).
_LONG_CHARREF_RE = re.compile(r"&#(?:([xX])([0-9a-fA-F]{8,})|([0-9]{8,}))(;?)")


def _shorten_charref(match: re.Match) -> str:
    digits = (match.group(2) or match.group(3)).lstrip("0") or "0"
    if len(digits) > 7:
        return "\ufffd"  # no code point: what browsers show for one
    return f"&#{match.group(1) or ''}{digits}{match.group(4)}"


def _unescape(text: str) -> str:
    """Character references decoded, in linear time.

    >>> _unescape("AT&amp;T &#8212; &#x1F600; &#" + "9" * 5000 + ";")
    'AT&T — 😀 \\ufffd'
    """
    if "&" not in text:
        return text
    return _html.unescape(_LONG_CHARREF_RE.sub(_shorten_charref, text))


class _Finder:
    """``text.find(what, start)`` for increasing ``start``, remembering the last answer so that a
    page with many unclosed constructs is not scanned to its end once for each of them."""

    def __init__(self, text: str, pattern: str | re.Pattern) -> None:
        self.text, self.pattern = text, pattern
        self.searched_from, self.found = 0, -2  # -2: not searched yet; -1: not there

    def find(self, start: int) -> int:
        if self.searched_from <= start and (self.found == -1 or self.found >= start):
            return self.found  # the first occurrence after searched_from is also the first after start
        self.searched_from = start
        if isinstance(self.pattern, str):
            self.found = self.text.find(self.pattern, start)
        else:
            match = self.pattern.search(self.text, start)
            self.found = match.start() if match else -1
        return self.found


def _tokenize(page: str, parser: _ArticleHTMLParser) -> None:
    """Feed ``page`` to ``parser`` as start tags, end tags and text (comments and declarations dropped).

    >>> class Show:
    ...     def handle_starttag(self, tag, attrs): print("start", tag, attrs)
    ...     def handle_startendtag(self, tag, attrs): print("startend", tag, attrs)
    ...     def handle_endtag(self, tag): print("end", tag)
    ...     def handle_data(self, data): print("data", repr(data))
    >>> _tokenize('<P class="a>b" hidden>x &amp; y<!-- c --><br/><script>if (a<b) f()</script></p', Show())
    start p [('class', 'a>b'), ('hidden', None)]
    data 'x & y'
    startend br []
    start script []
    data 'if (a<b) f()'
    end script
    """
    length = len(page)
    finders: dict[str, _Finder] = {}

    def find(what: str, start: int) -> int:
        if what not in finders:
            pattern = re.compile(rf"</{what[2:]}[\s/>]", re.I) if what.startswith("</") else what
            finders[what] = _Finder(page, pattern)
        return finders[what].find(start)

    i = 0
    while i < length:
        lt = page.find("<", i)  # text is scanned once: the next "<" is always ahead of i
        if lt < 0:
            parser.handle_data(_unescape(page[i:]))
            return
        if lt > i:
            parser.handle_data(_unescape(page[i:lt]))
        i = lt
        nxt = page[i + 1:i + 2]
        if nxt.isascii() and nxt.isalpha():
            i = _start_tag(page, i, parser, find)
        elif nxt == "/":
            after = page[i + 2:i + 3]
            end = find(">", i + 2)
            if end < 0:
                return  # an unclosed end tag (or bogus comment) runs to the end of the page
            if after.isascii() and after.isalpha():
                parser.handle_endtag(_TAG_NAME_RE.match(page, i + 2).group().lower())
            i = end + 1  # "</>" is dropped; "</ ...>" is a comment
        elif page.startswith("<!--", i):
            if page.startswith(">", i + 4) or page.startswith("->", i + 4):  # <!--> and <!---> are empty comments
                i = page.index(">", i + 4) + 1
                continue
            end = find("-->", i + 4)
            if end < 0:
                return  # an unclosed comment runs to the end of the page
            i = end + 3
        elif nxt in ("!", "?"):  # <!DOCTYPE>, <![CDATA[...]]>, <?xml?>: comments, to the next ">"
            end = find(">", i + 2)
            if end < 0:
                return
            i = end + 1
        else:
            parser.handle_data("<")
            i += 1


def _start_tag(page: str, i: int, parser, find) -> int:
    """Read the start tag at ``page[i]`` (and the text of a raw-text element); the position after it."""
    length = len(page)
    name_match = _TAG_NAME_RE.match(page, i + 1)
    tag = name_match.group().lower()
    i = name_match.end()
    attrs: list[tuple[str, str | None]] = []
    self_closing = False
    while True:
        spaces = _SPACES_RE.match(page, i)
        self_closing = spaces.group().endswith("/")
        i = spaces.end()
        if i >= length:
            return length  # an unclosed tag at the end of the page is dropped
        if page[i] == ">":
            i += 1
            break
        attribute = _ATTRIBUTE_NAME_RE.match(page, i)
        name, i = attribute.group().lower(), attribute.end()
        value = None
        equals = _EQUALS_RE.match(page, i)
        if equals:
            i = equals.end()
            quote = page[i:i + 1]
            if quote in ("'", '"'):
                end = find(quote, i + 1)
                if end < 0:
                    return length
                value, i = page[i + 1:end], end + 1
            else:
                unquoted = _UNQUOTED_VALUE_RE.match(page, i)
                value, i = unquoted.group(), unquoted.end()
            value = _unescape(value)
        attrs.append((name, value))
    if self_closing:
        parser.handle_startendtag(tag, attrs)
        return i
    parser.handle_starttag(tag, attrs)
    if tag in _RAW_TEXT:
        end = find("</" + tag, i)
        if end < 0:
            parser.handle_data(page[i:])
            return length
        if end > i:
            parser.handle_data(page[i:end])
        parser.handle_endtag(tag)
        close = find(">", end)
        return length if close < 0 else close + 1
    return i


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
    _tokenize(html, parser)
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
