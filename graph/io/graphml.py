"""GraphML export (yEd, Gephi, Cytoscape) that reads back to an equal graph.

GraphML attributes are typed scalars (string, int/long, float/double, boolean), so
networkx's writer refuses lists, dicts and ``None``. Before writing, every attribute
is checked per *domain* (graph, node, edge) and name: if all its values are one
GraphML-friendly scalar type it is written as is; otherwise (lists such as
``aliases``, the ``evidence`` list of dicts, mixed types, integers beyond 64 bits,
non-finite floats, or text that XML cannot carry verbatim such as control
characters or ``\\r``) *every* value of that name in that domain is written as a JSON
string. The names so encoded are recorded in the graph attribute
:data:`MARKER_ATTRIBUTE`, and :func:`read_graphml` decodes them back.

Node ids and attribute names are XML attribute values in the file, so a character XML 1.0
forbids (a control character, U+FFFE, a lone surrogate) must not reach them verbatim either:
when any node id holds one, *every* node id is written as its JSON text (``"a\\u0001b"``,
quotes included), and an attribute name that holds one is written as its JSON text; the
marker records both and the readers decode them, so nothing is lost. (An attribute whose
real name is the JSON text of another's would clash with it; no graph newsgraph builds has
such names.)

Two conveniences for viewers are undone on reading: nodes get a ``label`` (a copy
of ``name``) that Gephi shows, and the ``id`` attribute that SCHEMA.md nodes carry
(always equal to the node key) is not written twice, since Gephi reserves an ``id``
column for the node key.

The helpers :func:`flatten_attributes` and :func:`restore_attributes` are shared
with :mod:`graph.io.gexf`, whose attribute model has the same limits.
"""
from __future__ import annotations

import io
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter
from xml.etree.ElementTree import ElementTree, tostring

from graph.io.atomic import atomic_open
from graph.io.node_link import sort_key

__all__ = [
    "write_graphml",
    "read_graphml",
    "flatten_attributes",
    "restore_attributes",
    "flat_copy",
    "unflatten_graph",
    "xml_safe_json",
    "file_node_ids",
    "MARKER_ATTRIBUTE",
    "XML_UNSAFE",
]

#: Graph attribute holding, as a JSON string, what the writer changed: which attribute
#: names were JSON-encoded per domain, and which viewer conveniences were added.
MARKER_ATTRIBUTE = "newsgraph_encoding"

#: Characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, surrogates,
# U+FFFE/U+FFFF), plus "\r", which XML parsers turn into "\n" when reading text.
XML_UNSAFE = re.compile("[^\t\n\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_INT64 = range(-(2**63), 2**63)


def _is_plain(values: list[Any]) -> bool:
    """True when the values can be written as one typed scalar attribute without loss."""
    kinds = {type(value) for value in values}
    if len(kinds) != 1:
        return False
    kind = kinds.pop()
    if kind is bool:
        return True
    if kind is int:
        return all(value in _INT64 for value in values)
    if kind is float:
        return all(math.isfinite(value) for value in values)
    if kind is str:
        return not any(XML_UNSAFE.search(value) for value in values)
    return False


def xml_safe_json(value: Any) -> str:
    """JSON text of `value` that XML 1.0 can carry verbatim.

    Examples
    --------
    >>> print(xml_safe_json({"s": "a\\r\\nb", "x": "\\ufffe"}))
    {"s": "a\\r\\nb", "x": "\\ufffe"}
    """
    text = json.dumps(value, ensure_ascii=False)
    if XML_UNSAFE.search(text):
        # Only U+FFFE, U+FFFF and lone surrogates get here (JSON already escapes
        # control characters); \\u escapes keep the text XML-safe.
        text = json.dumps(value, ensure_ascii=True)
    return text


def _has_xml_unsafe(value: Any) -> bool:
    return isinstance(value, str) and XML_UNSAFE.search(value) is not None


def file_node_ids(G: nx.Graph) -> dict[Any, Any] | None:
    """Node -> the id the XML file gives it: its JSON text for every node when any node id
    holds a character XML cannot carry; None when the ids can be written as they are.

    Examples
    --------
    >>> import networkx as nx
    >>> file_node_ids(nx.MultiDiGraph([("a", "b")])) is None
    True
    >>> file_node_ids(nx.MultiDiGraph([("a", "b\\x01")]))
    {'a': '"a"', 'b\\x01': '"b\\\\u0001"'}
    """
    if not any(_has_xml_unsafe(node) for node in G):
        return None
    return {node: xml_safe_json(node) for node in G}


def _rename_unsafe(dicts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Attribute names XML cannot carry replaced by their JSON text; the names so replaced."""
    unsafe = sorted({name for attrs in dicts for name in attrs if _has_xml_unsafe(name)})
    if not unsafe:
        return dicts, []
    renamed = [{(xml_safe_json(name) if _has_xml_unsafe(name) else name): value for name, value in attrs.items()}
               for attrs in dicts]
    return renamed, unsafe


def _restore_names(attrs: dict[str, Any], names: Iterable[str]) -> None:
    for name in names:
        file_name = xml_safe_json(name)
        if file_name in attrs:
            attrs[name] = attrs.pop(file_name)


def flatten_attributes(dicts: Iterable[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Make the attribute dicts of one domain storable as typed XML scalars.

    Parameters
    ----------
    dicts : iterable of mapping
        The attributes of every node (or every edge, or the one graph) of a graph.

    Returns
    -------
    flat : list of dict
        New dicts, in the same order: ``None`` values dropped, and every value of an
        attribute name that is not plain (see the module notes) replaced by its
        JSON text.
    encoded : list of str
        The attribute names that were JSON-encoded, sorted.

    Examples
    --------
    >>> flat, encoded = flatten_attributes([
    ...     {"name": "A", "aliases": ["a", "α"], "amount": None},
    ...     {"name": "B", "aliases": [], "amount": 5}])
    >>> flat
    [{'name': 'A', 'aliases': '["a", "α"]'}, {'name': 'B', 'aliases': '[]', 'amount': 5}]
    >>> encoded
    ['aliases']
    """
    dicts = [dict(d) for d in dicts]
    values_by_name: dict[str, list[Any]] = {}
    for attrs in dicts:
        for name, value in attrs.items():
            if value is not None:
                values_by_name.setdefault(name, []).append(value)
    encoded = sorted((name for name, values in values_by_name.items() if not _is_plain(values)), key=str)
    encoded_set = set(encoded)
    flat = [
        {name: (xml_safe_json(value) if name in encoded_set else value) for name, value in attrs.items() if value is not None}
        for attrs in dicts
    ]
    return flat, encoded


def restore_attributes(attrs: dict[str, Any], encoded: Iterable[str]) -> None:
    """Decode, in place, the JSON-encoded attributes named in `encoded`.

    Parameters
    ----------
    attrs : dict
        One node's, edge's or the graph's attributes as read from the file.
    encoded : iterable of str
        Names that :func:`flatten_attributes` encoded for this domain.

    Raises
    ------
    ValueError
        If a value that should be JSON is not.

    Examples
    --------
    >>> attrs = {"name": "A", "aliases": '["a", "α"]'}
    >>> restore_attributes(attrs, ["aliases"])
    >>> attrs
    {'name': 'A', 'aliases': ['a', 'α']}
    """
    for name in encoded:
        value = attrs.get(name)
        if isinstance(value, str):
            try:
                attrs[name] = json.loads(value)
            except json.JSONDecodeError as err:
                raise ValueError(f"attribute {name!r} should hold JSON text: {err}") from None


def _node_id_attribute_is_key(G: nx.Graph) -> bool:
    return G.number_of_nodes() > 0 and all(attrs.get("id", object()) == node for node, attrs in G.nodes(data=True))


def flat_copy(G: nx.MultiDiGraph, *, label_from: str | None = "name") -> tuple[nx.MultiDiGraph, dict[str, Any]]:
    """A MultiDiGraph with only scalar attributes, and the marker that undoes it.

    Nodes and edges are added in sorted order (nodes by id, edges by source, target,
    key) so that files are deterministic. Edge keys become ``e0, e1, ...`` (unique,
    as XML edge ids should be) and the original key moves to the ``key`` attribute.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph to export.
    label_from : str or None
        Node attribute copied to ``label`` for viewers, when no node has a ``label``.

    Returns
    -------
    H : networkx.MultiDiGraph
        The flattened copy, with :data:`MARKER_ATTRIBUTE` in ``H.graph``.
    marker : dict
        The decoded marker: ``{"json": {"graph": [...], "node": [...], "edge": [...]},
        "node_id_attribute": bool, "label_from": str or None}``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", id="a", name="A", aliases=["x"])
    >>> H, marker = flat_copy(G)
    >>> H.nodes["a"], marker["json"]["node"]
    ({'name': 'A', 'aliases': '["x"]', 'label': 'A'}, ['aliases'])
    """
    drop_id = _node_id_attribute_is_key(G)
    add_label = label_from is not None and not any("label" in attrs for _, attrs in G.nodes(data=True))
    nodes = sorted(G.nodes(data=True), key=lambda item: sort_key(item[0]))
    node_dicts = []
    for node, attrs in nodes:
        attrs = {k: v for k, v in attrs.items() if not (drop_id and k == "id")}
        if add_label and attrs.get(label_from) is not None:
            attrs["label"] = attrs[label_from]
        node_dicts.append(attrs)
    if G.is_multigraph():
        edges = sorted(G.edges(keys=True, data=True), key=lambda e: (sort_key(e[0]), sort_key(e[1]), sort_key(e[2])))
        edge_dicts = [{**attrs, "key": key} for _, _, key, attrs in edges]
    else:
        edges = sorted(((u, v, None, d) for u, v, d in G.edges(data=True)), key=lambda e: (sort_key(e[0]), sort_key(e[1])))
        edge_dicts = [dict(attrs) for *_, attrs in edges]
    flat_nodes, node_encoded = flatten_attributes(node_dicts)
    flat_edges, edge_encoded = flatten_attributes(edge_dicts)
    (flat_graph,), graph_encoded = flatten_attributes([G.graph])
    flat_nodes, node_names = _rename_unsafe(flat_nodes)
    flat_edges, edge_names = _rename_unsafe(flat_edges)
    (flat_graph,), graph_names = _rename_unsafe([flat_graph])
    ids = file_node_ids(G)
    marker = {
        "json": {"graph": graph_encoded, "node": node_encoded, "edge": edge_encoded},
        "node_id_attribute": drop_id,
        "label_from": label_from if add_label else None,
    }
    if ids is not None:
        marker["json_node_ids"] = True
    if graph_names or node_names or edge_names:
        marker["json_names"] = {"graph": graph_names, "node": node_names, "edge": edge_names}
    file_id = (lambda node: node) if ids is None else ids.__getitem__
    H = nx.MultiDiGraph()
    H.graph.update(flat_graph)
    H.graph[MARKER_ATTRIBUTE] = xml_safe_json(marker)
    for (node, _), attrs in zip(nodes, flat_nodes):
        H.add_node(file_id(node), **attrs)
    for index, ((u, v, _, _), attrs) in enumerate(zip(edges, flat_edges)):
        H.add_edges_from([(file_id(u), file_id(v), f"e{index}", attrs)])
    return H, marker


def unflatten_graph(R: nx.Graph) -> nx.MultiDiGraph:
    """Undo :func:`flat_copy` on a graph read back from a file.

    A graph without :data:`MARKER_ATTRIBUTE` (a file written by another tool) is
    returned as a MultiDiGraph with its attributes untouched.

    Parameters
    ----------
    R : networkx graph
        As returned by a networkx reader; edges' ``key`` attributes, when present,
        become the edge keys.

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    ValueError
        If the marker or an encoded value is not valid JSON.
    """
    graph_attrs = dict(R.graph)
    marker_text = graph_attrs.pop(MARKER_ATTRIBUTE, None)
    try:
        marker = json.loads(marker_text) if isinstance(marker_text, str) else {}
    except json.JSONDecodeError as err:
        raise ValueError(f"graph attribute {MARKER_ATTRIBUTE!r} is not JSON: {err}") from None
    encoded = marker.get("json", {})
    names = marker.get("json_names", {})
    node_id = json.loads if marker.get("json_node_ids") else (lambda node: node)
    if marker:
        # networkx's reader adds these from <key> defaults; our writer never writes any.
        graph_attrs.pop("node_default", None)
        graph_attrs.pop("edge_default", None)
    _restore_names(graph_attrs, names.get("graph", ()))
    restore_attributes(graph_attrs, encoded.get("graph", ()))
    G = nx.MultiDiGraph()
    G.graph.update(graph_attrs)
    label_from = marker.get("label_from")
    for node, attrs in R.nodes(data=True):
        attrs = dict(attrs)
        if label_from is not None:
            attrs.pop("label", None)
        _restore_names(attrs, names.get("node", ()))
        restore_attributes(attrs, encoded.get("node", ()))
        node = node_id(node)
        if marker.get("node_id_attribute"):
            attrs = {"id": node, **attrs}
        G.add_node(node, **attrs)
    edges = R.edges(keys=True, data=True) if R.is_multigraph() else ((u, v, None, d) for u, v, d in R.edges(data=True))
    for u, v, file_key, attrs in edges:
        attrs = dict(attrs)
        _restore_names(attrs, names.get("edge", ()))
        restore_attributes(attrs, encoded.get("edge", ()))
        key = attrs.pop("key", file_key) if marker else file_key
        G.add_edges_from([(node_id(u), node_id(v), key, attrs)])
    return G


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write `G` as GraphML (UTF-8), atomically, so that :func:`read_graphml` restores it.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph. Lists and dicts are stored as JSON text (see the module notes);
        ``None`` values are left out.
    path : str or path-like
        Destination file (parent folders are created).

    Notes
    -----
    Known losses: attributes whose value is ``None`` come back missing; node keys
    come back as ``str``; graph attributes named ``id``, ``node_default`` or
    ``edge_default`` are taken by networkx's writer for other purposes.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph(title="demo")
    >>> G.add_node("company:a", id="company:a", name="A", aliases=["A Inc."])
    >>> G.add_node("person:b", id="person:b", name="B", aliases=[])
    >>> _ = G.add_edge("person:b", "company:a", key="leads", relation="leads",
    ...                evidence=[{"article": "x", "sentence": "B <leads> A.", "start": 0, "end": 12}])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.graphml"
    >>> write_graphml(G, path)
    >>> nx.utils.graphs_equal(read_graphml(path), G)
    True
    """
    H, _ = flat_copy(G)
    with atomic_open(path, "wb") as fh:
        _dump_streamed(H, fh)
        fh.write(b"\n")


_PLACEHOLDER = "newsgraph-placeholder"


def _dump_streamed(H: nx.MultiDiGraph, fh) -> None:
    """What networkx's ``GraphMLWriter(prettyprint=True)`` writes for ``H``, to the byte, one node or edge
    at a time: its writer builds an element (and a list per attribute) for every node, edge and value
    before writing, some 100 MB for a 20,000-article graph, more than the graph itself.

    The frame (declaration, keys, ``<graph>`` tags) is networkx's own, serialised around a placeholder;
    keys get their ids in networkx's order (graph, then node, then edge attributes, as met).
    """
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    graph_id = H.graph.pop("id", None)
    graph_data = {k: v for k, v in H.graph.items() if k not in ("node_default", "edge_default")}
    node_default, edge_default = H.graph.get("node_default", {}), H.graph.get("edge_default", {})
    if not graph_data and not H.number_of_nodes():  # an empty <graph/>: nothing to stream
        writer.add_graph_element(H)
        writer.dump(fh)
        return
    for scope, items, default in (("graph", [graph_data], {}), ("node", (d for _, d in H.nodes(data=True)), node_default),
                                  ("edge", (d for *_, d in H.edges(keys=True, data=True)), edge_default)):
        for data in items:
            for k, v in data.items():
                writer.get_key(str(k), writer.get_xml_type(type(v)), scope, default.get(k))

    def element(tag: str, attrs: dict, data: dict, scope: str, default: dict):
        el = writer.myElement(tag, **attrs)
        for k, v in data.items():
            el.append(writer.add_data(str(k), type(v), str(v), scope, default.get(k)))
        writer.indent(el, level=2)
        return el

    def children():
        for node, data in H.nodes(data=True):
            yield element("node", {"id": str(node)}, data, "node", node_default)
        for u, v, key, data in H.edges(keys=True, data=True):
            yield element("edge", {"source": str(u), "target": str(v), "id": str(key)}, data, "edge", edge_default)
        for k, v in graph_data.items():  # networkx puts the graph's own data after its nodes and edges
            el = writer.add_data(str(k), type(v), str(v), "graph", None)
            writer.indent(el, level=2)
            yield el

    attrs = {"edgedefault": "directed"} if graph_id is None else {"edgedefault": "directed", "id": graph_id}
    graph_element = writer.myElement("graph", **attrs)
    graph_element.append(writer.myElement(_PLACEHOLDER))
    writer.xml.append(graph_element)
    writer.indent(writer.xml)
    frame = io.BytesIO()
    ElementTree(writer.xml).write(frame, encoding="utf-8", xml_declaration=True)
    head, tail = frame.getvalue().split(f"<{_PLACEHOLDER} />".encode())
    last_tail = tail[:tail.index(b"</graph>")]  # the last child's tail: one level less
    fh.write(head)
    previous = None
    for el in children():
        if previous is not None:
            fh.write(_serialised(previous))
        previous = el
    previous.tail = last_tail.decode()
    fh.write(_serialised(previous))
    fh.write(tail[len(last_tail):])


def _serialised(el) -> bytes:
    # as ElementTree.write(encoding="utf-8") does: characters UTF-8 cannot hold become references
    return tostring(el, encoding="unicode").encode("utf-8", "xmlcharrefreplace")


def read_graphml(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a GraphML file, decoding what :func:`write_graphml` encoded.

    Parameters
    ----------
    path : str or path-like
        A GraphML file; files from other tools are read as networkx reads them.

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    ValueError
        If the file is not well-formed XML or an encoded value is not JSON.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="k", tags=["x", "y"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(G, path)
    >>> list(read_graphml(path).edges(keys=True, data=True))
    [('a', 'b', 'k', {'tags': ['x', 'y']})]
    """
    from xml.etree.ElementTree import ParseError

    try:
        R = nx.read_graphml(path, node_type=str, force_multigraph=True)
    except ParseError as err:
        raise ValueError(f"{os.fspath(path)}: not well-formed GraphML: {err}") from None
    return unflatten_graph(R)
