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

from graph.layout import layout_positions

__all__ = ["render_html", "write_html", "subgraph_view", "show", "vis_network_js"]

TEMPLATE_DIR = Path(__file__).with_name("templates")

#: Pixels per layout unit (a typical edge is one unit long).
SPACING = 90.0

#: Above this many nodes the page first draws only the most mentioned ones.
LOD_NODES = 1500

#: Node attributes copied into the page, besides id and position.
_NODE_FIELDS = ("name", "type", "aliases", "mentions", "articles", "parameters", "kind", "amount_usd", "date")

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
                title: str = "newsgraph", max_nodes: int | None = None) -> str:
    """Return a self-contained interactive HTML page showing ``G``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A newsgraph graph (SCHEMA.md); ``G.graph["articles"]`` may map article ids to
        ``{"title", "url", "date"}``.
    focus, depth, types, relations
        What to show, as in :func:`subgraph_view`; the page opens centred on ``focus``.
    title : str
        Page title (shown as text).
    max_nodes : int, optional
        Keep at most this many nodes, the most mentioned (and the focus).

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
    view = subgraph_view(G, focus=focus, depth=depth, types=types, relations=relations)
    focus_id = find_node(G, focus) if focus is not None else None
    if max_nodes is not None and view.number_of_nodes() > max_nodes:
        ranked = sorted(view.nodes, key=lambda n: (n != focus_id, -_mentions(view.nodes[n]), str(n)))
        view = view.subgraph(ranked[:max(max_nodes, 0)]).copy()
    data = graph_payload(view, focus=focus_id)
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
        "GRAPH_DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass, so that text put in by a substitution is never scanned for placeholders.
    return _PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], _read_template("viewer.html"))


def write_html(G: nx.MultiDiGraph, path, **kwargs) -> None:
    """Write :func:`render_html` of ``G`` to ``path`` atomically (temp file + ``os.replace``).

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "graph.html"
    ...     write_html(nx.MultiDiGraph(), target)
    ...     sorted(p.name for p in pathlib.Path(folder).iterdir())
    ['graph.html']
    """
    page = render_html(G, **kwargs)
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


def graph_payload(G: nx.MultiDiGraph, *, focus: str | None = None, seed: int = 0) -> dict:
    """Return the JSON-ready data the page draws: nodes with positions, edges, articles.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("d:1", name="Deal", type="deal", kind="investment", amount_usd=float("nan"), mentions=2)
    >>> payload = graph_payload(G)
    >>> payload["nodes"][0]["amount_usd"] is None, payload["meta"]["types"]
    (True, ['deal'])
    """
    positions = layout_positions(G, seed=seed)
    nodes = []
    for node, attrs in G.nodes(data=True):
        x, y = positions[node]
        item = {"id": str(node), "x": round(x * SPACING, 1), "y": round(y * SPACING, 1)}
        for field in _NODE_FIELDS:
            if field in attrs:
                item[field] = _plain(attrs[field])
        item["name"] = str(item.get("name") or node)
        item["type"] = str(item.get("type") or "other")
        item["mentions"] = _mentions(attrs)
        item["aliases"] = [str(a) for a in attrs.get("aliases") or ()]
        item["articles"] = [str(a) for a in attrs.get("articles") or ()]
        nodes.append(item)
    edges = []
    cited = set()
    for index, (u, v, key, attrs) in enumerate(G.edges(keys=True, data=True)):
        evidence = [
            {"article": str(ev.get("article", "")), "sentence": str(ev.get("sentence", ""))}
            for ev in attrs.get("evidence") or () if isinstance(ev, dict)
        ]
        cited.update(ev["article"] for ev in evidence)
        edge = {"id": index, "from": str(u), "to": str(v), "relation": str(attrs.get("relation", key)),
                "evidence": evidence, "confidence": _plain(attrs.get("confidence"))}
        if attrs.get("role") is not None:
            edge["role"] = str(attrs["role"])
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
        },
        "nodes": nodes,
        "edges": edges,
        "articles": articles,
    }


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
