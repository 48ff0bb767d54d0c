"""GEXF 1.2 export (Gephi's own format) that reads back to an equal graph.

GEXF attributes are typed scalars like GraphML's, so attribute values go through the
same encoding as :mod:`graph.io.graphml` (:func:`~graph.io.graphml.flatten_attributes`):
lists, dicts, mixed types and XML-hostile text become JSON strings, ``None`` is left
out; node ids and attribute names XML cannot carry are written as JSON text, as
there. The file is written by this module rather than by :func:`networkx.write_gexf`
because networkx gives node and edge attributes named ``id``, ``label``, ``type``,
``start``, ``end`` or ``weight`` special meanings, stamps the file with today's date
(so it is never byte-identical twice), and GEXF has no place for graph attributes
other than ``<meta>``, where this writer keeps them as JSON in ``<description>``.

For Gephi, nodes are labelled with their ``name``, edges with their ``relation`` and
weighted by their ``confidence``; the original edge key is stored as the
``networkx_key`` attribute, which :func:`networkx.read_gexf` also understands.
"""
from __future__ import annotations

import io
import json
import math
import os
import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from graph.io.atomic import atomic_write_bytes
from graph.io.graphml import XML_UNSAFE, MARKER_ATTRIBUTE, file_node_ids, flat_copy, unflatten_graph, xml_safe_json

__all__ = ["write_gexf", "read_gexf"]

GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
_SCHEMA_LOCATION = "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"
_XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"

# Python type -> GEXF attribute type, and back.
_GEXF_TYPE = {str: "string", bool: "boolean", int: "long", float: "double"}
_PARSE = {
    "string": str,
    "liststring": str,
    "anyURI": str,
    "long": int,
    "integer": int,
    "double": float,
    "float": float,
    "boolean": lambda text: text.strip().lower() in ("true", "1"),
}
#: Attribute title under which the edge key is stored (the name networkx's reader uses).
EDGE_KEY_TITLE = "networkx_key"


def _attribute_table(domain: str, dicts: list[dict[str, Any]], parent: ET.Element) -> dict[str, str]:
    """Declare one ``<attribute>`` per name in `dicts`; return name -> attribute id."""
    types: dict[str, str] = {}
    for attrs in dicts:
        for name, value in attrs.items():
            types.setdefault(name, _GEXF_TYPE[type(value)])
    table = ET.SubElement(parent, "attributes", {"class": domain, "mode": "static"})
    ids = {}
    for index, (name, gexf_type) in enumerate(types.items()):
        title = EDGE_KEY_TITLE if (domain == "edge" and name == "key") else str(name)
        ids[name] = str(index)
        ET.SubElement(table, "attribute", {"id": str(index), "title": title, "type": gexf_type})
    return ids


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _attvalues(element: ET.Element, attrs: dict[str, Any], ids: dict[str, str]) -> None:
    if attrs:
        values = ET.SubElement(element, "attvalues")
        for name, value in attrs.items():
            ET.SubElement(values, "attvalue", {"for": ids[name], "value": _text(value)})


def _gexf_tree(G: nx.MultiDiGraph) -> ET.ElementTree:
    """The GEXF 1.2 document of `G` (elements without namespace; ``xmlns`` is set on the root)."""
    H, marker = flat_copy(G, label_from=None)
    # GEXF has no typed graph attributes: <meta> holds the original ones as one JSON document.
    meta_json = {MARKER_ATTRIBUTE: marker, "graph": dict(G.graph)}
    root = ET.Element(
        "gexf",
        {
            "xmlns": GEXF_NAMESPACE,
            "xmlns:xsi": _XSI_NAMESPACE,
            "xsi:schemaLocation": _SCHEMA_LOCATION,
            "version": "1.2",
        },
    )
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "newsgraph"
    ET.SubElement(meta, "description").text = xml_safe_json(meta_json)
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_items = list(H.nodes(data=True))
    edge_items = list(H.edges(keys=True, data=True))
    node_ids = _attribute_table("node", [attrs for _, attrs in node_items], graph)
    edge_ids = _attribute_table("edge", [attrs for *_, attrs in edge_items], graph)
    nodes = ET.SubElement(graph, "nodes")
    ids = file_node_ids(G)
    original = {file_id: node for node, file_id in ids.items()} if ids is not None else {}
    for node, attrs in node_items:
        name = G.nodes[original.get(node, node)].get("name")
        label = name if isinstance(name, str) and not XML_UNSAFE.search(name) else str(node)
        element = ET.SubElement(nodes, "node", {"id": str(node), "label": label})
        _attvalues(element, attrs, node_ids)
    edges = ET.SubElement(graph, "edges")
    for u, v, file_key, attrs in edge_items:
        fields = {"id": file_key, "source": str(u), "target": str(v)}
        relation = attrs.get("relation", attrs.get("key"))
        if isinstance(relation, str) and not XML_UNSAFE.search(relation):
            fields["label"] = relation
        confidence = attrs.get("confidence")
        if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) and math.isfinite(confidence):
            fields["weight"] = repr(float(confidence))
        element = ET.SubElement(edges, "edge", fields)
        _attvalues(element, attrs, edge_ids)
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write `G` as GEXF 1.2 (UTF-8), atomically, so that :func:`read_gexf` restores it.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph. Lists and dicts are stored as JSON text; ``None`` values are left out.
    path : str or path-like
        Destination file (parent folders are created).

    Notes
    -----
    Known losses: attributes whose value is ``None`` come back missing, and node keys
    come back as ``str``. The file is a static graph; :func:`networkx.read_gexf`
    and Gephi read it (the extra ``label`` and ``weight`` they report come from the
    node ``name`` and edge ``confidence``).

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph(built="2024-05-01")
    >>> G.add_node("company:a", id="company:a", name="A", aliases=["A Inc."])
    >>> G.add_node("model:m", id="model:m", name="M", parameters=7_000_000_000)
    >>> _ = G.add_edge("company:a", "model:m", key="develops", relation="develops",
    ...                confidence=0.9, evidence=[{"article": "x", "sentence": "A built M.", "start": 0, "end": 10}])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.gexf"
    >>> write_gexf(G, path)
    >>> nx.utils.graphs_equal(read_gexf(path), G)
    True
    >>> gephi_view = nx.read_gexf(path)  # what other GEXF readers see
    >>> gephi_view.nodes["model:m"]["label"], gephi_view.nodes["model:m"]["parameters"]
    ('M', 7000000000)
    """
    buffer = io.BytesIO()
    _gexf_tree(G).write(buffer, encoding="utf-8", xml_declaration=True)
    atomic_write_bytes(path, buffer.getvalue() + b"\n")


def read_gexf(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a static GEXF file, decoding what :func:`write_gexf` encoded.

    Parameters
    ----------
    path : str or path-like
        A GEXF 1.1/1.2/1.3 file. Files from other tools are read with their node
        ``label`` as an attribute and their edge ids as keys; dynamic attributes,
        hierarchy and ``viz`` data are ignored.

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    ValueError
        If the file is not well-formed GEXF or an encoded value is not JSON.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="k", tags=["x"], note=None)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(G, path)
    >>> list(read_gexf(path).edges(keys=True, data=True))
    [('a', 'b', 'k', {'tags': ['x']})]
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise ValueError(f"{os.fspath(path)}: not well-formed GEXF: {err}") from None
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if root.tag.rsplit("}", 1)[-1] != "gexf":
        raise ValueError(f"{os.fspath(path)}: root element is not <gexf>")

    def tag(name: str) -> str:
        return f"{{{namespace}}}{name}" if namespace else name

    graph = root.find(tag("graph"))
    if graph is None:
        raise ValueError(f"{os.fspath(path)}: no <graph> element")
    meta_json: dict[str, Any] = {}
    description = root.find(f"{tag('meta')}/{tag('description')}")
    if description is not None and description.text:
        try:
            candidate = json.loads(description.text)
        except json.JSONDecodeError:
            candidate = None  # another tool's free-text description
        if isinstance(candidate, dict) and MARKER_ATTRIBUTE in candidate:
            meta_json = candidate
    ours = bool(meta_json)

    declared: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    for table in graph.findall(tag("attributes")):
        domain = table.get("class")
        if domain in declared:
            for attribute in table.findall(tag("attribute")):
                declared[domain][attribute.get("id")] = (attribute.get("title"), attribute.get("type", "string"))

    def values(element: ET.Element, domain: str) -> dict[str, Any]:
        attrs: dict[str, Any] = {}
        container = element.find(tag("attvalues"))
        for attvalue in container.findall(tag("attvalue")) if container is not None else ():
            try:
                title, gexf_type = declared[domain][attvalue.get("for")]
                attrs[title] = _PARSE.get(gexf_type, str)(attvalue.get("value"))
            except (KeyError, ValueError) as err:
                raise ValueError(f"{os.fspath(path)}: bad <attvalue> on {domain} {element.get('id')!r}: {err}") from None
        return attrs

    R = nx.MultiDiGraph()
    if ours:
        R.graph[MARKER_ATTRIBUTE] = json.dumps(meta_json[MARKER_ATTRIBUTE])
    for node in graph.iter(tag("node")):
        attrs = values(node, "node")
        if not ours and node.get("label") is not None:
            attrs.setdefault("label", node.get("label"))
        R.add_node(node.get("id"), **attrs)
    for index, edge in enumerate(graph.iter(tag("edge"))):
        attrs = values(edge, "edge")
        key = attrs.pop(EDGE_KEY_TITLE, edge.get("id", index))
        if ours:
            attrs["key"] = key  # unflatten_graph decodes it (it may be JSON) and makes it the key
        R.add_edges_from([(edge.get("source"), edge.get("target"), key, attrs)])
    G = unflatten_graph(R)
    if ours:
        G.graph.clear()
        G.graph.update(meta_json.get("graph", {}))
    return G
