"""``graph.json``: networkx node-link data, written deterministically.

This is the file format of SCHEMA.md (the contract with the scorer). Nodes are
sorted by id and edges by ``(source, target, key)`` so that two builds of the same
graph give byte-identical files (easy diffs, stable caches); lists inside attributes
keep their order, since that order is the builder's to choose.

The module is called ``node_link`` rather than ``json`` so that it never shadows
the standard library's :mod:`json`.
"""
from __future__ import annotations

import json
import os
from typing import Any

import networkx as nx

from graph.io.atomic import atomic_open
from graph.io.validate import GraphFileError, check_graph_data, load_graph_json

__all__ = ["graph_to_json_data", "json_data_to_graph", "write_json", "read_json", "sort_key", "GraphFileError"]


def sort_key(value: Any) -> tuple:
    """A total order over node ids and edge keys, which may mix types.

    Strings sort first, in code point order, then numbers by value, then anything
    else by ``repr``, so sorting never raises ``TypeError`` on mixed keys.

    Examples
    --------
    >>> sorted(["b", 2, "a", 10, (1, 2)], key=sort_key)
    ['a', 'b', 2, 10, (1, 2)]
    """
    if isinstance(value, str):
        return (0, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, value)
    return (2, type(value).__name__, repr(value))


def graph_to_json_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link data of `G` (``edges="edges"``), nodes and edges in a fixed order.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph following SCHEMA.md (any networkx graph works).

    Returns
    -------
    dict
        ``{"directed", "multigraph", "graph", "nodes", "edges"}`` as
        :func:`networkx.node_link_data` gives it, with each node's ``id`` first, each
        edge's ``source``, ``target``, ``key`` first, nodes sorted by id and edges by
        ``(source, target, key)``. Attribute values are shared with `G`, not copied.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person:b", name="B", type="person")
    >>> G.add_node("company:a", name="A", type="company")
    >>> _ = G.add_edge("person:b", "company:a", key="works_for", relation="works_for")
    >>> data = graph_to_json_data(G)
    >>> [n["id"] for n in data["nodes"]]
    ['company:a', 'person:b']
    >>> data["edges"]
    [{'source': 'person:b', 'target': 'company:a', 'key': 'works_for', 'relation': 'works_for'}]
    """
    raw = nx.node_link_data(G, edges="edges")
    nodes = [{"id": node["id"], **node} for node in raw["nodes"]]
    nodes.sort(key=lambda node: sort_key(node["id"]))
    if G.is_multigraph():
        edges = [{"source": e["source"], "target": e["target"], "key": e["key"], **e} for e in raw["edges"]]
        edges.sort(key=lambda e: (sort_key(e["source"]), sort_key(e["target"]), sort_key(e["key"])))
    else:
        edges = [{"source": e["source"], "target": e["target"], **e} for e in raw["edges"]]
        edges.sort(key=lambda e: (sort_key(e["source"]), sort_key(e["target"])))
    return {
        "directed": raw["directed"],
        "multigraph": raw["multigraph"],
        "graph": raw["graph"],
        "nodes": nodes,
        "edges": edges,
    }


def json_data_to_graph(data: dict[str, Any], *, id_attribute: bool = False) -> nx.MultiDiGraph:
    """Build a :class:`~networkx.MultiDiGraph` from node-link data.

    Parameters
    ----------
    data : dict
        Node-link data with an ``edges`` or (older networkx) ``links`` list.
    id_attribute : bool
        Node-link data stores a node's key in its ``id`` field, and
        :func:`networkx.node_link_graph` does not copy it into the node's
        attributes, which matches graphs from ``graph.build`` (the key is the id).
        Pass ``True`` to also set ``G.nodes[n]["id"] = n``, for graphs that carried
        their id as an attribute as well.

    Returns
    -------
    networkx.MultiDiGraph
        Always directed and multi: data of a simple graph gives edges with integer
        keys, undirected data keeps each edge in the direction it was written.

    Raises
    ------
    GraphFileError
        A ``ValueError`` naming the first field that breaks the graph contract (SCHEMA.md, see
        :mod:`graph.io.validate`): `data` is not an object with ``nodes`` and ``edges`` (or
        ``links``) lists, a known field has the wrong type, an edge joins undeclared nodes.

    Examples
    --------
    >>> data = {"graph": {}, "nodes": [{"id": "a"}, {"id": "b"}],
    ...         "links": [{"source": "a", "target": "b", "key": "k", "w": 1}]}
    >>> G = json_data_to_graph(data)
    >>> list(G.edges(keys=True, data=True)), G.nodes["a"]
    ([('a', 'b', 'k', {'w': 1})], {})
    >>> json_data_to_graph(data, id_attribute=True).nodes["a"]
    {'id': 'a'}
    >>> json_data_to_graph({"nodes": [{"id": "a", "aliases": 3}], "edges": []})
    Traceback (most recent call last):
    ...
    graph.io.validate.GraphFileError: nodes[0].aliases: expected a list of strings, got 3
    """
    check_graph_data(data)
    return _checked_data_to_graph(data, id_attribute=id_attribute)


def _checked_data_to_graph(data: dict[str, Any], *, id_attribute: bool) -> nx.MultiDiGraph:
    edge_field = "edges" if "edges" in data else "links"
    # networkx reads "directed"/"multigraph" from the data; this reader always gives a MultiDiGraph.
    # The top-level dict is copied (five keys), the nodes and edges are not.
    data = {**data, "directed": True, "multigraph": True}
    G = nx.node_link_graph(data, edges=edge_field)
    if id_attribute:
        for node, attrs in G.nodes(data=True):
            # ``id`` goes first, where the writer put it.
            others = {k: v for k, v in attrs.items() if k != "id"}
            attrs.clear()
            attrs["id"] = node
            attrs.update(others)
    return G


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write `G` as deterministic node-link JSON (SCHEMA.md), atomically.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph; every attribute value must be JSON-serialisable.
    path : str or path-like
        Destination file (parent folders are created).

    Raises
    ------
    TypeError
        If an attribute value cannot be serialised (the old file is kept).
    ValueError
        If a number is NaN or infinite, which JSON cannot hold (the old file is kept).

    Notes
    -----
    The text is ``json.dumps(data, ensure_ascii=False, indent=1)`` of
    :func:`graph_to_json_data` plus a final newline, in UTF-8.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("company:a", name="Äpfel AG", aliases=["Äpfel"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
    >>> write_json(G, path)
    >>> print(path.read_text(encoding="utf-8"), end="")
    {
     "directed": true,
     "multigraph": true,
     "graph": {},
     "nodes": [
      {
       "id": "company:a",
       "name": "Äpfel AG",
       "aliases": [
        "Äpfel"
       ]
      }
     ],
     "edges": []
    }
    >>> nx.utils.graphs_equal(read_json(path), G)
    True
    """
    # allow_nan=False: NaN and Infinity are not JSON, and strict readers reject the file.
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=False, allow_nan=False)
    try:
        with atomic_open(path, "w") as fh:
            # Written piece by piece as the encoder makes them: the same text as ``json.dumps``
            # (which joins these very pieces), without a second copy of the graph as one string.
            fh.writelines(_buffered(encoder.iterencode(graph_to_json_data(G))))
            fh.write("\n")
    except ValueError as err:
        raise ValueError(f"{os.fspath(path)}: the graph holds a NaN or infinite number ({err})") from None


def _buffered(pieces, size: int = 1 << 16):
    """The encoder's many tiny pieces joined into strings of about ``size`` characters (fewer writes).

    >>> list(_buffered(["a", "b", "c"], size=2))
    ['ab', 'c']
    """
    buffer, length = [], 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def read_json(path: str | os.PathLike[str], *, id_attribute: bool = False) -> nx.MultiDiGraph:
    """Read a node-link JSON file (``edges`` or ``links``) into a MultiDiGraph.

    Parameters
    ----------
    path : str or path-like
        A file written by :func:`write_json` or by ``networkx.node_link_data``.
    id_attribute : bool
        Also set each node's ``id`` attribute to its key (see :func:`json_data_to_graph`).

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    GraphFileError
        A ``ValueError`` whose one-line message names the file and the first bad field (see
        :func:`graph.io.validate.load_graph_json`), if the file is not UTF-8 JSON or breaks the
        graph contract.
    OSError
        If the file cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> _ = path.write_text('{"nodes": [{"id": "a"}], "links": []}')
    >>> list(read_json(path).nodes(data=True))
    [('a', {})]
    """
    return _checked_data_to_graph(load_graph_json(path), id_attribute=id_attribute)
