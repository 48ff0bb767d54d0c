"""HTML pages: the article text (boilerplate dropped) and its title, url and date."""
from __future__ import annotations

from html.parser import HTMLParser

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
