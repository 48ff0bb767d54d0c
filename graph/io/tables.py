"""Node and edge tables (CSV) for spreadsheets, pandas and database bulk loaders.

:func:`write_csv` writes three files into a folder:

``nodes.csv``
    One row per node: the node key in the ``id`` column, then one column per attribute.
``edges.csv``
    One row per edge: ``source``, ``target``, ``key``, then one column per attribute.
``metadata.json``
    The graph attributes (build metadata), which have no place in a table.

Each column header carries its type after a colon, as Neo4j's bulk importer does:
``mentions:int``, ``confidence:float``, ``aliases:json``; plain text columns have no
suffix. Empty cells are missing attributes. A column is written as JSON when its
values are lists or dicts (``aliases``, ``articles``, ``evidence``), mix types, or
contain ``None`` (so ``amount_usd`` of a deal without an amount comes back as
``None``, not missing) -- and also when a text value is empty or starts with ``=``,
``+``, ``-``, ``@``, tab or carriage return: spreadsheets run such cells as formulas,
while a JSON string starts with a harmless ``"``. Lists are JSON rather than joined
with ``" | "`` because names may contain ``|``; JSON is also what
``json.loads``/``pandas`` and ``apoc.convert.fromJsonList`` read back directly.

Files are UTF-8 without a byte order mark, with ``\\r\\n`` row ends (RFC 4180); cells
with newlines are quoted. Each file is replaced atomically, one after the other.
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.io.atomic import atomic_open, atomic_write_text
from graph.io.node_link import sort_key

__all__ = ["write_csv", "read_csv", "spreadsheet_safe", "NODES_FILE", "EDGES_FILE", "METADATA_FILE"]

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
METADATA_FILE = "metadata.json"

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """`text` for a CSV cell: itself, or its JSON string when a spreadsheet would run it as a formula.

    Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-``, ``@``,
    tab or carriage return; a JSON string starts with a harmless ``"`` and reads back with
    ``json.loads``. :func:`write_csv` JSON-encodes such a cell's whole column (its header says
    ``:json``), and ``merges.csv`` writes each such cell this way.

    Examples
    --------
    >>> spreadsheet_safe("Acme Inc"), spreadsheet_safe("@Acme Inc"), spreadsheet_safe("=1+1")
    ('Acme Inc', '"@Acme Inc"', '"=1+1"')
    >>> print(spreadsheet_safe("\\tTab Co"))
    "\\tTab Co"
    """
    return json.dumps(text, ensure_ascii=False) if text.startswith(_FORMULA_STARTS) else text
_SUFFIX = {int: "int", float: "float", bool: "bool", str: "str"}
_COLUMN_TYPES = ("str", "int", "float", "bool", "json")


def _column_type(values: list[Any]) -> str:
    """The type of a column holding `values` (all present cells, ``None`` included)."""
    kinds = {type(value) for value in values}
    if len(kinds) != 1:
        return "json"
    kind = kinds.pop()
    if kind is str and any(value == "" or spreadsheet_safe(value) != value for value in values):
        return "json"
    return _SUFFIX.get(kind, "json")


def _cell(value: Any, column_type: str) -> str:
    if column_type == "json":
        return json.dumps(value, ensure_ascii=False)
    if column_type == "bool":
        return "true" if value else "false"
    if column_type == "float":
        return repr(value)
    return str(value)


def _parse_cell(text: str, column_type: str) -> Any:
    if column_type == "json":
        return json.loads(text)
    if column_type == "int":
        return int(text)
    if column_type == "float":
        return float(text)
    if column_type == "bool":
        if text not in ("true", "false"):
            raise ValueError(f"not a boolean: {text!r}")
        return text == "true"
    return text


def _header(name: str, column_type: str) -> str:
    if column_type == "str":
        # A plain name that looks typed ("a:int") gets an explicit ":str".
        return f"{name}:str" if ":" in name else name
    return f"{name}:{column_type}"


def _parse_header(header: str) -> tuple[str, str]:
    name, _, suffix = header.rpartition(":")
    if name and suffix in _COLUMN_TYPES:
        return name, suffix
    return header, "str"


def _write_table(path: Path, rows: list[dict[str, Any]], leading: Iterable[str]) -> None:
    """Write `rows` with the `leading` columns first, then the others in first-seen order."""
    names: dict[str, None] = dict.fromkeys(leading)
    for row in rows:
        names.update(dict.fromkeys(row))
    types = {name: _column_type([row[name] for row in rows if name in row]) for name in names}
    with atomic_open(path, "w", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([_header(name, types[name]) for name in names])
        for row in rows:
            writer.writerow([_cell(row[name], types[name]) if name in row else "" for name in names])


def _read_table(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        try:
            columns = [_parse_header(header) for header in next(reader)]
        except StopIteration:
            raise ValueError(f"{path}: empty file, expected a header row") from None
        rows = []
        for line_number, cells in enumerate(reader, start=2):
            if len(cells) != len(columns):
                raise ValueError(f"{path}:{line_number}: {len(cells)} cells for {len(columns)} columns")
            row = {}
            for (name, column_type), text in zip(columns, cells):
                if text == "":
                    continue
                try:
                    row[name] = _parse_cell(text, column_type)
                except ValueError as err:  # json.JSONDecodeError is a ValueError too
                    raise ValueError(f"{path}:{line_number}: column {name!r}: {err}") from None
            rows.append(row)
    return [name for name, _ in columns], rows


def _check_reserved(attrs: Mapping[str, Any], reserved: Iterable[str], what: str) -> None:
    for name in reserved:
        if name in attrs:
            raise ValueError(f"{what} attribute {name!r} clashes with the CSV column of the same name")


def write_csv(G: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> None:
    """Write `G` as ``nodes.csv``, ``edges.csv`` and ``metadata.json`` in `folder`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph. Rows are sorted (nodes by id; edges by source, target, key).
    folder : str or path-like
        Created if missing; the three files in it are replaced.

    Raises
    ------
    ValueError
        If a node has an ``id`` attribute different from its key, or an edge has an
        attribute named ``source``, ``target`` or ``key`` (those are the key columns).

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("company:a", id="company:a", name="A", aliases=["A | B", "Ä"], mentions=2)
    >>> G.add_node("deal:x", id="deal:x", name="X", amount_usd=None)
    >>> _ = G.add_edge("deal:x", "company:a", key="party", relation="party", role="buyer")
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_csv(G, folder)
    >>> print((folder / "nodes.csv").read_text(encoding="utf-8"))
    id,name,aliases:json,mentions:int,amount_usd:json
    company:a,A,"[""A | B"", ""Ä""]",2,
    deal:x,X,,,null
    <BLANKLINE>
    >>> nx.utils.graphs_equal(read_csv(folder), G)
    True
    """
    folder = Path(os.fspath(folder))
    nodes = sorted(G.nodes(data=True), key=lambda item: sort_key(item[0]))
    node_rows = []
    for node, attrs in nodes:
        if "id" in attrs and attrs["id"] != node:
            raise ValueError(f"node {node!r} has an 'id' attribute {attrs['id']!r} that is not its key")
        node_rows.append({"id": node, **{k: v for k, v in attrs.items() if k != "id"}})
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (sort_key(e[0]), sort_key(e[1]), sort_key(e[2])))
    edge_rows = []
    for u, v, key, attrs in edges:
        _check_reserved(attrs, ("source", "target", "key"), "edge")
        edge_rows.append({"source": u, "target": v, "key": key, **attrs})
    metadata = {
        "graph": G.graph,
        # Whether every node carried ``id`` (== its key) as an attribute, to restore it exactly.
        "node_id_attribute": all("id" in attrs for _, attrs in nodes),
    }
    metadata_text = json.dumps(metadata, ensure_ascii=False, indent=1) + "\n"
    _write_table(folder / NODES_FILE, node_rows, ["id"])
    _write_table(folder / EDGES_FILE, edge_rows, ["source", "target", "key"])
    atomic_write_text(folder / METADATA_FILE, metadata_text)


def read_csv(folder: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read the tables written by :func:`write_csv` back into a MultiDiGraph.

    Parameters
    ----------
    folder : str or path-like
        Holds ``nodes.csv`` and ``edges.csv``; ``metadata.json`` is optional (without
        it the graph attributes are empty and nodes get their ``id`` attribute).

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    FileNotFoundError
        If ``nodes.csv`` or ``edges.csv`` is missing.
    ValueError
        If a table lacks its key columns or a cell does not parse as its column type.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "nodes.csv").write_text("id,name,mentions:int\\na,Alpha,3\\nb,Beta,\\n")
    >>> _ = (folder / "edges.csv").write_text("source,target,key,tags:json\\na,b,k,\\"[1, 2]\\"\\n")
    >>> G = read_csv(folder)
    >>> list(G.nodes(data=True))
    [('a', {'id': 'a', 'name': 'Alpha', 'mentions': 3}), ('b', {'id': 'b', 'name': 'Beta'})]
    >>> list(G.edges(keys=True, data=True))
    [('a', 'b', 'k', {'tags': [1, 2]})]
    """
    folder = Path(os.fspath(folder))
    metadata: dict[str, Any] = {"graph": {}, "node_id_attribute": True}
    if (folder / METADATA_FILE).exists():
        metadata.update(json.loads((folder / METADATA_FILE).read_text(encoding="utf-8")))
    G = nx.MultiDiGraph()
    G.graph.update(metadata["graph"])
    node_columns, node_rows = _read_table(folder / NODES_FILE)
    if "id" not in node_columns:
        raise ValueError(f"{folder / NODES_FILE}: no 'id' column")
    for row in node_rows:
        if "id" not in row:
            raise ValueError(f"{folder / NODES_FILE}: a row has no id")
        node = row["id"] if metadata["node_id_attribute"] else row.pop("id")
        G.add_node(node, **row)
    edge_columns, edge_rows = _read_table(folder / EDGES_FILE)
    for needed in ("source", "target", "key"):
        if needed not in edge_columns:
            raise ValueError(f"{folder / EDGES_FILE}: no {needed!r} column")
    for row in edge_rows:
        u, v, key = row.pop("source"), row.pop("target"), row.pop("key", None)
        G.add_edges_from([(u, v, key, row)])
    return G
