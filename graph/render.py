"""The interactive HTML viewer and its notebook display.

:func:`render_html` turns a newsgraph ``MultiDiGraph`` (see SCHEMA.md) into one
self-contained HTML page that opens offline from disk: our own template
(``graph/templates/viewer.html``, ``viewer.js``, ``viewer.css``) with the graph data and
the vis-network library inlined. Nothing is fetched: a Content-Security-Policy meta tag
allows only the page's own (hashed) inline scripts, inline styles and ``data:``/``blob:``
images.

pyvis is used only as the carrier of its bundled vis-network build
(``pyvis/templates/lib/vis-*/vis-network.min.js``); its page template, heading, menus,
HTML popups and ``Network.from_nx`` are not used, because they fetch from CDNs, build
HTML from untrusted text and are quadratic on large graphs.

Positions are computed in Python by :mod:`graph.layout` (deterministic, near-linear), so
the page draws at once with physics off. Graph text is untrusted: it travels as JSON in an
inert ``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped, and the page builds every label, tooltip and panel entry as text.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("company:acme", name="Acme", type="company", aliases=["ACME Corp"], mentions=3, articles=["a1"])
>>> G.add_node("person:ann", name="Ann <b>", type="person", aliases=[], mentions=1, articles=["a1"])
>>> G.add_edge("person:ann", "company:acme", key="leads", relation="leads", confidence=0.9,
...            evidence=[{"article": "a1", "sentence": "Ann leads Acme.", "start": 0, "end": 15}])
'leads'
>>> page = render_html(G, title="Acme & co")
>>> page.startswith("<!DOCTYPE html>") and "Acme &amp; co" in page
True
>>> "Ann <b>" in page, "Ann \\\\u003cb\\\\u003e" in page
(False, True)
>>> sorted(subgraph_view(G, focus="acme corp", depth=1).nodes)
['company:acme', 'person:ann']
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import html
import json
import math
import os
import re
import tempfile
import warnings
from collections import deque
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import networkx as nx

from extract.schema import schema_data
from graph.layout import layout_positions

__all__ = ["render_html", "write_html", "subgraph_view", "show", "vis_network_js", "page_nodes", "MAX_NODES"]

TEMPLATE_DIR = Path(__file__).with_name("templates")

#: Median edge length of the layout, in canvas pixels (before overlaps are removed).
EDGE_LENGTH = 120.0

#: The canvas at 1440 x 900, between the filter and detail columns, over the timeline (CSS pixels).
CANVAS_SIZE = (900.0, 780.0)
CANVAS_ASPECT = CANVAS_SIZE[0] / CANVAS_SIZE[1]

#: Graphs of up to this many connected nodes get a layout planned for the zoom at which they will be fitted.
PLANNED_NODES = 600

#: Labels longer than this many characters are cut with an ellipsis (the panel shows the full name).
LABEL_CHARS = 28

#: Label font size in screen pixels, and the width of an average character at that size
#: (DejaVu Sans, the widest of the usual system fonts), for the layout's label boxes.
LABEL_FONT_PX = 12
LABEL_CHAR_PX = 7.2

#: Article texts go into the page up to this many characters in all (evidence sentences are always there).
TEXT_BUDGET = 20_000_000

#: Above this many nodes the page first draws only the most mentioned ones.
LOD_NODES = 1500

#: The default of ``max_nodes``: a page embeds at most this many nodes (0: all). At 2,000 a synthetic
#: 20,000-article graph gives a page of about 3 MB instead of 28 MB, first drawn in under a second
#: (``benchmarks/viewer.py``); a few hundred more than the level of detail draws first.
MAX_NODES = 2000

#: In a capped page, evidence sentences kept per edge and articles listed per node (the panel
#: lists 100); the page says how many more graph.json holds.
PAGE_EVIDENCE_PER_EDGE = 10
PAGE_ARTICLES_PER_NODE = 100

#: A capped page also keeps at most this many edges per node it shows (the best attested first): the
#: nodes are bounded, but the edges among the most mentioned ones grow with the articles (a 100,000-
#: article build gave an 18 MB page at 2,000 nodes).
PAGE_EDGES_PER_NODE = 4

#: Node attributes copied into the page, besides id and position.
_NODE_FIELDS = ("name", "type", "aliases", "mentions", "articles", "parameters", "kind", "amount_usd", "amount", "currency",
                "date")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER_RE = re.compile(r"\{\{([A-Z_]+)\}\}")


def subgraph_view(G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1,
                  types: Iterable[str] | None = None, relations: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Return the part of ``G`` to show, as a new ``MultiDiGraph``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A newsgraph graph.
    focus : str, optional
        A node id, name or alias (case-insensitive); keep only nodes within ``depth`` hops
        of it, edges taken in either direction. An id match wins over a name match, which
        wins over an alias match; among several, the most mentioned node.
    depth : int
        Hops around ``focus``.
    types : iterable of str, optional
        Keep only nodes of these types (the focus node is always kept).
    relations : iterable of str, optional
        Keep only edges with these relations.

    Returns
    -------
    networkx.MultiDiGraph
        A copy; attributes are shared with ``G`` shallowly.

    Raises
    ------
    ValueError
        If ``focus`` matches no node, or ``depth`` is negative.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("c:a", {"name": "A", "type": "company"}), ("c:b", {"name": "B", "type": "company"}),
    ...                   ("p:x", {"name": "X", "type": "person", "aliases": ["Dr X"]})])
    >>> _ = G.add_edge("p:x", "c:a", key="works_for", relation="works_for")
    >>> _ = G.add_edge("c:a", "c:b", key="acquires", relation="acquires")
    >>> sorted(subgraph_view(G, focus="dr x").nodes)
    ['c:a', 'p:x']
    >>> sorted(subgraph_view(G, focus="X", depth=2).nodes)
    ['c:a', 'c:b', 'p:x']
    >>> list(subgraph_view(G, types=["company"]).edges(keys=True))
    [('c:a', 'c:b', 'acquires')]
    >>> subgraph_view(G, focus="nobody")
    Traceback (most recent call last):
    ...
    ValueError: no entity named 'nobody' in the graph
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    focus_id = find_node(G, focus) if focus is not None else None
    wanted_types = set(types) if types is not None else None
    wanted_relations = set(relations) if relations is not None else None
    keep = [n for n, d in G.nodes(data=True)
            if wanted_types is None or d.get("type") in wanted_types or n == focus_id]
    view = nx.MultiDiGraph()
    view.graph.update(G.graph)
    view.add_nodes_from((n, G.nodes[n]) for n in keep)
    kept = set(keep)
    view.add_edges_from(
        (u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
        if u in kept and v in kept and (wanted_relations is None or d.get("relation", k) in wanted_relations)
    )
    if focus_id is None:
        return view
    # Breadth-first over edges in both directions, without building an undirected copy.
    hops = {focus_id: 0}
    queue = deque([focus_id])
    while queue:
        node = queue.popleft()
        if hops[node] == depth:
            continue
        for other in (*view.successors(node), *view.predecessors(node)):
            if other not in hops:
                hops[other] = hops[node] + 1
                queue.append(other)
    return view.subgraph(hops).copy()


def find_node(G: nx.Graph, text: str) -> str:
    """Return the id of the node whose id, name or alias is ``text``: :func:`graph.query.find_node`,
    so that ``--focus`` and the Python API pick the same node.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("company:openai", name="OpenAI", aliases=["Open AI"], mentions=4)
    >>> find_node(G, "open ai")
    'company:openai'
    """
    from .query import find_node as query_find_node

    return query_find_node(G, text)


def render_html(G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1, types=None, relations=None,
                title: str | None = None, max_nodes: int | None = MAX_NODES, corpus: str | None = None,
                built: str | None = None, source: str = "graph.json") -> str:
    """Return a self-contained interactive HTML page showing ``G``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A newsgraph graph (SCHEMA.md); ``G.graph["articles"]`` may map article ids to
        ``{"title", "url", "date"}``.
    focus, depth, types, relations
        What to show, as in :func:`subgraph_view`; the page opens centred on ``focus``.
    title : str, optional
        Page title (shown as text); default: the corpus name and "newsgraph".
    max_nodes : int, optional
        Embed at most this many nodes (default :data:`MAX_NODES`; 0 or None: all), chosen
        after the focus and filters by :func:`page_nodes`, with the edges among them. A capped
        page also keeps at most :data:`PAGE_EVIDENCE_PER_EDGE` evidence sentences per edge and
        :data:`PAGE_ARTICLES_PER_NODE` articles per node, embeds the texts of the cited
        articles only, and says in its header what was left out (``meta.capped``).
    corpus : str, optional
        What was built (a folder or file name), named in the header with the article count.
    built : str, optional
        Build date shown in the header (default: today, UTC).
    source : str
        Where the full graph is, for the note of a capped page.

    Returns
    -------
    str
        The page. It fetches nothing: scripts, styles and data are inline.

    Examples
    --------
    >>> import networkx as nx
    >>> page = render_html(nx.MultiDiGraph())
    >>> "Content-Security-Policy" in page and "default-src 'none'" in page
    True
    """
    return _render(G, focus=focus, depth=depth, types=types, relations=relations, title=title, max_nodes=max_nodes,
                   corpus=corpus, built=built, source=source)[0]


def _render(G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1, types=None, relations=None,
            title: str | None = None, max_nodes: int | None = MAX_NODES, corpus: str | None = None,
            built: str | None = None, source: str = "graph.json") -> tuple[str, dict | None]:
    """:func:`render_html`'s page, and :func:`cap_summary` when the page was capped (else None)."""
    if max_nodes is not None and max_nodes < 0:
        raise ValueError(f"max_nodes must be 0 (all) or more, not {max_nodes}")
    view = subgraph_view(G, focus=focus, depth=depth, types=types, relations=relations)
    focus_id = find_node(G, focus) if focus is not None else None
    if max_nodes and view.number_of_nodes() > max_nodes:
        shown = view.subgraph(page_nodes(view, max_nodes, focus=focus_id)).copy()
        shown.remove_edges_from(edges_left_out(shown, PAGE_EDGES_PER_NODE * max_nodes))
        data = graph_payload(shown, focus=focus_id, evidence_per_edge=PAGE_EVIDENCE_PER_EDGE,
                             articles_per_node=PAGE_ARTICLES_PER_NODE)
        # the reader opens an article from an evidence sentence: only those texts are worth their bytes
        texts = article_texts(G, {ev["article"] for edge in data["edges"] for ev in edge["evidence"]})
        filtered = focus is not None or types is not None or relations is not None
        data["meta"]["capped"] = cap_summary(view, shown, max_nodes, source=source, filtered=filtered)
    else:
        data = graph_payload(view, focus=focus_id)
        texts = article_texts(G, data["articles"])
    corpus_name = str(corpus) if corpus else None
    title = str(title) if title is not None else (f"{corpus_name} \u2014 newsgraph" if corpus_name else "newsgraph")
    built = built or datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    data["meta"]["header"] = header_line(G, corpus_name, built)
    if focus_id is not None:  # say whose neighbourhood this is
        hops = "1 hop" if depth == 1 else f"{depth} hops"
        data["meta"]["header"] = f"{G.nodes[focus_id].get('name', focus_id)} and {hops} around \u00b7 " + data["meta"]["header"]
    style = _read_template("viewer.css")
    vis_js = vis_network_js()
    app_js = _read_template("viewer.js")
    for name, text, closing in (("viewer.css", style, "</style"), ("vis-network", vis_js, "</script"),
                                ("viewer.js", app_js, "</script")):
        if closing in text.lower() or "<!--" in text:
            raise RuntimeError(f"{name} cannot be inlined: it contains {closing!r} or '<!--'")
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    values = {
        "TITLE": html.escape(str(title)),
        "CSP": html.escape(csp, quote=False).replace("\"", "&quot;"),
        "STYLE": style,
        "HEADER": html.escape(data["meta"]["header"]),
        "GRAPH_DATA": json_for_script(data),
        "TEXT_DATA": json_for_script(texts),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass, so that text put in by a substitution is never scanned for placeholders.
    return _PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], _read_template("viewer.html")), data["meta"].get("capped")


def write_html(G: nx.MultiDiGraph, path, **kwargs) -> dict | None:
    """Write :func:`render_html` of ``G`` to ``path`` atomically (temp file + ``os.replace``).

    Returns what a capped page left out (:func:`cap_summary`), or None when it shows everything.

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "graph.html"
    ...     write_html(nx.MultiDiGraph(), target) is None
    ...     sorted(p.name for p in pathlib.Path(folder).iterdir())
    True
    ['graph.html']
    """
    page, capped = _render(G, **kwargs)
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        os.chmod(temp_name, _new_file_mode(target))
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    return capped


def show(G: nx.MultiDiGraph, *, height: int = 640, **kwargs):
    """Return an ``IPython.display.HTML`` that shows the viewer in a notebook.

    The page goes into an ``<iframe srcdoc="...">`` (HTML-escaped) sandboxed with
    ``allow-scripts allow-downloads`` only, so it runs apart from the notebook and fetches
    nothing. Keyword arguments go to :func:`render_html`.
    """
    from IPython.display import HTML

    page = render_html(G, **kwargs)
    markup = (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" title="newsgraph viewer" '
        f'sandbox="allow-scripts allow-downloads" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe>'
    )
    with warnings.catch_warnings():  # IPython suggests IFrame(src=...), which would need a served file
        warnings.simplefilter("ignore", UserWarning)
        return HTML(markup)


def graph_payload(G: nx.MultiDiGraph, *, focus: str | None = None, seed: int = 0,
                  evidence_per_edge: int | None = None, articles_per_node: int | None = None) -> dict:
    """Return the JSON-ready data the page draws: nodes with positions, edges, articles.

    ``evidence_per_edge`` and ``articles_per_node`` keep the first so many of each edge's
    evidence and each node's articles; the number left out is ``evidence_left_out`` on the
    edge, ``articles_left_out`` on the node (only where something was).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("d:1", name="Deal", type="deal", kind="investment", amount_usd=float("nan"), mentions=2)
    >>> payload = graph_payload(G)
    >>> payload["nodes"][0]["amount_usd"] is None, payload["meta"]["types"]
    (True, ['deal'])
    """
    labels = {node: node_label(attrs, node) for node, attrs in G.nodes(data=True)}
    sizes = {node: node_size(_mentions(attrs)) for node, attrs in G.nodes(data=True)}
    positions = _layout(G, labels, sizes, seed)
    nodes = []
    for node, attrs in G.nodes(data=True):
        x, y = positions[node]
        item = {"id": str(node), "x": round(x, 1), "y": round(y, 1)}
        for field in _NODE_FIELDS:
            if field in attrs:
                item[field] = _plain(attrs[field])
        item["name"] = str(item.get("name") or node)
        item["label"] = labels[node]
        item["size"] = sizes[node]
        item["type"] = str(item.get("type") or "other")
        item["mentions"] = _mentions(attrs)
        item["aliases"] = [str(a) for a in attrs.get("aliases") or ()]
        item["articles"] = [str(a) for a in attrs.get("articles") or ()]
        if articles_per_node is not None and len(item["articles"]) > articles_per_node:
            item["articles_left_out"] = len(item["articles"]) - articles_per_node
            del item["articles"][articles_per_node:]
        nodes.append(item)
    edges = []
    cited = set()
    for index, (u, v, key, attrs) in enumerate(G.edges(keys=True, data=True)):
        evidence = [_evidence_item(ev) for ev in attrs.get("evidence") or () if isinstance(ev, dict)]
        left_out = 0
        if evidence_per_edge is not None and len(evidence) > evidence_per_edge:
            left_out = len(evidence) - evidence_per_edge
            del evidence[evidence_per_edge:]
        cited.update(ev["article"] for ev in evidence)
        edge = {"id": index, "from": str(u), "to": str(v), "relation": str(attrs.get("relation", key)),
                "evidence": evidence, "confidence": _plain(attrs.get("confidence"))}
        if attrs.get("role") is not None:
            edge["role"] = str(attrs["role"])
        if left_out:
            edge["evidence_left_out"] = left_out
        edges.append(edge)
    for item in nodes:
        cited.update(item["articles"])
    known = G.graph.get("articles") or {}
    articles = {}
    for article in sorted(cited):
        info = known.get(article)
        if isinstance(info, dict):
            articles[article] = {k: _plain(info[k]) for k in ("title", "url", "date") if info.get(k) is not None}
    return {
        "meta": {
            "focus": str(focus) if focus is not None else None,
            "lod": LOD_NODES,
            "types": sorted({item["type"] for item in nodes}),
            "relations": sorted({edge["relation"] for edge in edges}),
            # the one relation schema (extract/schema.py): which relations are symmetric, what they connect
            "schema": schema_data(),
        },
        "nodes": nodes,
        "edges": edges,
        "articles": articles,
    }


def page_nodes(G: nx.MultiDiGraph, max_nodes: int, *, focus: str | None = None) -> list:
    """The nodes a page capped at ``max_nodes`` embeds: the focus, then the most mentioned (ties
    by id). A deal comes with its parties (its ``party`` edges' targets) or, if they do not all
    fit, is left for a node that fits: a deal drawn without its parties says nothing.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("c:a", {"mentions": 9}), ("c:b", {"mentions": 1}), ("c:c", {"mentions": 1}),
    ...                   ("d:x", {"type": "deal", "mentions": 5}), ("p:y", {"mentions": 3})])
    >>> _ = G.add_edges_from([("d:x", "c:a", "party", {"relation": "party"}),
    ...                       ("d:x", "c:c", "party", {"relation": "party"})])
    >>> page_nodes(G, 4)
    ['c:a', 'd:x', 'c:c', 'p:y']
    >>> page_nodes(G, 2), page_nodes(G, 2, focus="c:b")
    (['c:a', 'p:y'], ['c:b', 'c:a'])
    """
    ranked = sorted(G.nodes, key=lambda n: (n != focus, -_mentions(G.nodes[n]), str(n)))
    chosen: dict = {}  # insertion-ordered set
    for node in ranked:
        if len(chosen) >= max_nodes:
            break
        if node in chosen:
            continue
        group = [node]
        if G.nodes[node].get("type") == "deal":
            parties = {v for _, v, d in G.out_edges(node, data=True) if d.get("relation") == "party"}
            group += sorted(parties - chosen.keys() - {node}, key=lambda n: (-_mentions(G.nodes[n]), str(n)))
        if node == focus:
            chosen[node] = None  # the focus is kept whatever the cap; its parties where they fit
            group = group[1:] if len(chosen) + len(group) - 1 <= max_nodes else []
        if len(chosen) + len(group) <= max_nodes:
            chosen.update(dict.fromkeys(group))
    return list(chosen)


def edges_left_out(G: nx.MultiDiGraph, max_edges: int) -> list:
    """The edges a page keeping ``max_edges`` leaves out: the least attested (fewest evidence
    sentences, then lowest confidence, ties by endpoints). A deal's party edges always stay: a deal
    drawn without its parties says nothing.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="leads", relation="leads", evidence=[{}, {}], confidence=0.9)
    >>> _ = G.add_edge("a", "c", key="leads", relation="leads", evidence=[{}], confidence=0.9)
    >>> _ = G.add_edge("d:x", "c", key="party", relation="party", evidence=[{}], confidence=0.1)
    >>> edges_left_out(G, 2), edges_left_out(G, 0)
    ([('a', 'c', 'leads')], [('a', 'b', 'leads'), ('a', 'c', 'leads')])
    """
    parties, others = [], []
    for u, v, key, attrs in G.edges(keys=True, data=True):
        (parties if attrs.get("relation") == "party" else others).append((u, v, key, attrs))
    if len(parties) + len(others) <= max_edges:
        return []

    def strength(edge):
        u, v, key, attrs = edge
        confidence = attrs.get("confidence")
        confidence = confidence if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) else 0.0
        return (-len(attrs.get("evidence") or ()), -confidence, str(u), str(v), str(key))

    others.sort(key=strength)
    keep = max(max_edges - len(parties), 0)
    return [(u, v, key) for u, v, key, _ in others[keep:]]


def cap_summary(view: nx.MultiDiGraph, shown: nx.MultiDiGraph, max_nodes: int, *, source: str = "graph.json",
                filtered: bool = False) -> dict:
    """What a capped page left out, for ``meta.capped``, ``report.json`` and the build summary.

    Examples
    --------
    >>> import networkx as nx
    >>> view = nx.MultiDiGraph()
    >>> view.add_nodes_from(range(3))
    >>> summary = cap_summary(view, view.subgraph([0]), 1)
    >>> summary["nodes"], summary["of_nodes"], summary["note"][:40]
    (1, 3, 'Showing the 1 most mentioned of 3 entiti')
    """
    return {
        "max_nodes": max_nodes,
        "nodes": shown.number_of_nodes(),
        "of_nodes": view.number_of_nodes(),
        "edges": shown.number_of_edges(),
        "of_edges": view.number_of_edges(),
        "source": source,
        "note": cap_note(shown.number_of_nodes(), view.number_of_nodes(), source, filtered=filtered,
                         edges=(shown.number_of_edges(), _edges_among(view, shown))),
    }


def _edges_among(view: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> int:
    """How many edges of ``view`` join two nodes the page shows (before the edge cap)."""
    return sum(1 for u, v in view.edges() if u in shown and v in shown)


def cap_note(shown: int, total: int, source: str = "graph.json", *, filtered: bool = False,
             edges: tuple[int, int] | None = None) -> str:
    """The line a capped page shows in its header (as text) and the build prints; ``filtered``: the
    total counts what a focus or filter left; ``edges``: (shown, among the shown nodes), named
    when the page left some out.

    >>> cap_note(2000, 12345, "out/graph.json")
    'Showing the 2,000 most mentioned of 12,345 entities and deals; the full graph is in out/graph.json: see newsgraph render out/graph.json --focus NAME, --types or --max-nodes 0, or load it in a notebook (graph.io.read_json).'
    >>> cap_note(50, 70, filtered=True)[:52]
    'Showing the 50 most mentioned of 70 matching entitie'
    >>> cap_note(50, 70, edges=(200, 260))[:95]
    'Showing the 50 most mentioned of 70 entities and deals, with the 200 best attested of their 260'
    """
    matching = " matching" if filtered else ""
    among = ""
    if edges is not None and edges[0] < edges[1]:
        among = f", with the {edges[0]:,} best attested of their {edges[1]:,} relations"
    return (f"Showing the {shown:,} most mentioned of {total:,}{matching} entities and deals{among}; "
            f"the full graph is in {source}: "
            f"see newsgraph render {source} --focus NAME, --types or --max-nodes 0, or load it in a notebook "
            "(graph.io.read_json).")


def node_size(mentions: int) -> float:
    """Radius of a node's shape in canvas pixels: grows with the log of its mentions.

    >>> node_size(0), node_size(1), node_size(1000) <= 26
    (7.0, 10.5, True)
    """
    return round(min(26.0, 7.0 + 3.5 * math.log2(1 + max(mentions, 0))), 1)


def node_label(attrs: dict, node) -> str:
    """The text drawn under a node: its name, or for a deal its kind and amount (its
    parties are its neighbours), cut to :data:`LABEL_CHARS` characters.

    >>> node_label({"type": "deal", "kind": "investment", "amount_usd": 6.5e8, "name": "A - B investment"}, "d")
    'investment $650M'
    >>> node_label({"type": "deal", "kind": "acquisition", "amount": 2e9, "currency": "EUR"}, "d")
    'acquisition 2B EUR'
    >>> node_label({"name": "A very long company name that goes on and on"}, "c")
    'A very long company name th\u2026'
    """
    if attrs.get("type") == "deal":
        text = str(attrs.get("kind") or "deal")
        amount, other = attrs.get("amount_usd"), attrs.get("amount")
        if isinstance(amount, (int, float)) and math.isfinite(amount) and amount > 0:
            text += " " + _short_usd(float(amount))
        elif isinstance(other, (int, float)) and math.isfinite(other) and other > 0 and attrs.get("currency"):
            text += " " + _short_usd(float(other))[1:] + " " + str(attrs["currency"])
    else:
        text = str(attrs.get("name") or node)
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "\u2026"


def node_box(size: float, label: str, zoom: float = 1.0) -> tuple[float, float, float, float]:
    """The room a node takes at ``zoom``, in canvas pixels: its shape, and its label centred under
    it plus a margin (labels keep their screen size, so they take more canvas at a lower zoom).

    >>> node_box(10.0, "Acme")
    (-20.4, -16.5, 20.4, 35.5)
    >>> node_box(10.0, "Acme", zoom=0.5)[3]
    58.5
    """
    shape = size * 1.15 + 1  # vis draws triangles and stars a little outside ``size``
    margin = 4.0 / zoom
    half_width = max(shape, (len(label) * LABEL_CHAR_PX + 4) / 2 / zoom) + margin
    return (-half_width, -shape - margin, half_width, shape + (3 + LABEL_FONT_PX + 4) / zoom + margin)


def _layout(G: nx.MultiDiGraph, labels: dict, sizes: dict, seed: int) -> dict:
    """Positions in canvas pixels, with room for the labels at the zoom the page will fit to.

    The page fits the connected nodes into the canvas. When that zoom is below 1, labels
    (drawn at a fixed screen size) need more canvas than a zoom-1 layout gave them, so the
    layout is made again with label boxes for that zoom -- for every node while that
    converges (a few dozen nodes), else for the most mentioned fifth only: when all labels
    cannot fit in the canvas at any zoom (a few hundred nodes), planning for all of them only
    shrinks the picture, so room is kept for the labels that matter most, and the page
    shows the others where they fit.
    """
    connected = [n for n in G.nodes if G.degree(n) > 0] or list(G.nodes)
    small = len(connected) <= PLANNED_NODES  # nodes without an edge are hidden at first: they do not count
    room = 1.0 if small else 6.0  # a tight start; large graphs start looser, which is faster to untangle
    ranked = sorted(connected, key=lambda n: (-_mentions(G.nodes[n]), -G.degree(n), str(n)))
    top = set(ranked[:max(1, len(ranked) // 5)])

    def attempt(zoom, planned=None):
        boxes = {node: node_box(sizes[node], labels[node], zoom if planned is None or node in planned else 1.0)
                 for node in G.nodes}
        found = layout_positions(G, seed=seed, boxes=boxes, edge_length=EDGE_LENGTH, aspect=CANVAS_ASPECT, room=room,
                                 rounds=25 if small else 10)
        return found, _fit_zoom(found, boxes, connected)

    zoom = 1.0
    positions, fitted = attempt(zoom)
    for _ in range(3 if small else 0):
        if fitted >= zoom * 0.95:
            return positions
        trial, trial_fitted = attempt(fitted)
        if trial_fitted < fitted * 0.95:
            break
        positions, zoom, fitted = trial, fitted, trial_fitted
    if small and fitted < 0.95 * zoom:
        trial, trial_fitted = attempt(fitted, top)
        if trial_fitted >= fitted * 0.7:
            positions = trial
    return positions


def _fit_zoom(positions: dict, boxes: dict, nodes: list) -> float:
    """The zoom at which ``nodes`` (their boxes) fill the canvas, at most 1."""
    if not nodes:
        return 1.0
    left = min(positions[n][0] + boxes[n][0] for n in nodes)
    right = max(positions[n][0] + boxes[n][2] for n in nodes)
    top = min(positions[n][1] + boxes[n][1] for n in nodes)
    bottom = max(positions[n][1] + boxes[n][3] for n in nodes)
    return min(1.0, (CANVAS_SIZE[0] - 32) / max(right - left, 1e-9), (CANVAS_SIZE[1] - 32) / max(bottom - top, 1e-9))


#: Folder names that say nothing about a corpus; the header names their parent too.
_GENERIC_FOLDERS = {"articles", "data", "corpus", "input", "inputs", "in", "docs", "texts", "news", "."}


def corpus_name(inputs) -> str | None:
    """A short name for what was built, for the page header: the input folders' or files' names.

    >>> corpus_name(["../shared/corpus/seeds/articles"]), corpus_name(["news.jsonl", "more/"])
    ('seeds/articles', 'news.jsonl, more')
    >>> corpus_name(["corpus/wiki/articles.jsonl"])
    'wiki/articles.jsonl'

    >>> corpus_name([]) is None
    True
    """
    names = []
    for item in inputs or ():
        parts = [p for p in Path(str(item)).parts if p not in ("", "/")]
        if not parts:
            continue
        name = parts[-1]
        generic = name.lower() in _GENERIC_FOLDERS or Path(name).stem.lower() in _GENERIC_FOLDERS
        if generic and len(parts) > 1 and parts[-2] not in ("..", "."):
            name = parts[-2] + "/" + name
        names.append(name)
    if not names:
        return None
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def header_line(G: nx.MultiDiGraph, corpus: str | None, built: str) -> str:
    """What the page header says under the title: corpus, articles, entities, build date.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(article_count=2)
    >>> G.add_node("a", type="company")
    >>> header_line(G, "seeds", "2026-12-06")
    'seeds \u00b7 2 articles \u00b7 1 entity \u00b7 0 deals \u00b7 built 2026-12-06'
    """
    count = G.graph.get("article_count")
    if not isinstance(count, int):
        count = len(G.graph.get("articles") or {})
    deals = sum(1 for _, d in G.nodes(data=True) if d.get("type") == "deal")
    entities = G.number_of_nodes() - deals
    parts = [corpus] if corpus else []
    parts += [_plural(count, "article"), _plural(entities, "entity", "entities"), _plural(deals, "deal"),
              f"built {built}"]
    return " \u00b7 ".join(parts)


def article_texts(G: nx.MultiDiGraph, articles: dict) -> dict:
    """Article id -> text for the reader, for the articles the page cites, within :data:`TEXT_BUDGET`.

    The texts come from ``G.graph["articles"][id]["text"]`` (written by ``newsgraph build``).
    """
    known = G.graph.get("articles") or {}
    texts, used = {}, 0
    for article in sorted(articles):
        text = (known.get(article) or {}).get("text")
        if isinstance(text, str) and used + len(text) <= TEXT_BUDGET:
            texts[article] = text
            used += len(text)
    return texts


def _evidence_item(ev: dict) -> dict:
    item = {"article": str(ev.get("article", "")), "sentence": str(ev.get("sentence", ""))}
    for key in ("start", "end"):
        if isinstance(ev.get(key), int):
            item[key] = ev[key]
    return item


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def _short_usd(amount: float) -> str:
    for size, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= size:
            return f"${amount / size:.1f}".rstrip("0").rstrip(".") + unit
    return f"${amount:.0f}"


def json_for_script(data) -> str:
    r"""Return ``data`` as JSON that is safe inside ``<script type="application/json">``.

    Examples
    --------
    >>> json_for_script({"name": "</script><b>&\u2028"})
    '{"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def vis_network_js() -> str:
    """Return the vis-network build bundled with pyvis (the newest version it ships)."""
    lib = resources.files("pyvis") / "templates" / "lib"
    candidates = [entry for entry in lib.iterdir() if entry.name.startswith("vis-")]

    def version(entry) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", entry.name))

    for folder in sorted(candidates, key=version, reverse=True):
        script = folder / "vis-network.min.js"
        if script.is_file():
            return script.read_text(encoding="utf-8")
    raise RuntimeError("pyvis ships no vis-network.min.js; reinstall pyvis==0.3.2")


def _new_file_mode(target: Path) -> int:
    """The mode a plain ``open(target, "w")`` would give (mkstemp makes files 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _read_template(name: str) -> str:
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _mentions(attrs: dict) -> int:
    try:
        return int(attrs.get("mentions") or 0)
    except (TypeError, ValueError):
        return 0


def _plain(value):
    """Turn a value into something JSON can hold: NaN/inf -> None, sets -> lists, others -> str."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    try:  # numpy scalars and the like
        return _plain(value.item())
    except AttributeError:
        return str(value)
