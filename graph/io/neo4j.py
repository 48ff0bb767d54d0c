"""A Cypher script that loads the graph into Neo4j, with every value as a literal.

:func:`write_neo4j` writes statements that ``cypher-shell -f graph.cypher`` (or the
Neo4j Browser) runs against Neo4j 5 (4.4 works too)::

    CREATE CONSTRAINT newsgraph_node_id IF NOT EXISTS FOR (n:Newsgraph) REQUIRE n.id IS UNIQUE;
    MERGE (meta:NewsgraphMeta {id: "graph"}) SET meta.graph = "{...}", meta.encoding = "{...}";
    UNWIND [
      {id: "company:microsoft", properties: {name: "Microsoft", aliases: ["MSFT"], ...}},
      ...
    ] AS row
    MERGE (n:Newsgraph {id: row.id})
    SET n += row.properties, n:`Company`;
    UNWIND [
      {source: "person:…", target: "company:…", key: "works_for", properties: {...}},
      ...
    ] AS row
    MATCH (a:Newsgraph {id: row.source}), (b:Newsgraph {id: row.target})
    MERGE (a)-[r:`WORKS_FOR` {key: row.key}]->(b)
    SET r += row.properties;

Article text only ever appears inside Cypher string literals, produced by
:func:`cypher_string`, which escapes backslashes, quotes and control characters and
also writes ``;`` and comment openers (``//``, ``/*``) as ``\\u`` escapes, so that
even a naive statement splitter cannot cut a statement inside a string. Labels come
from the node ``type`` (``company`` -> ``Company``) and relationship types from the
edge ``relation`` (``works_for`` -> ``WORKS_FOR``); both are reduced to letters,
digits and ``_`` and quoted with backticks. Property keys are quoted with backticks too
(a backtick doubled); a key holding a character a backticked name cannot carry or a splitter
could cut at (a control character, a lone surrogate, U+2028/U+2029, ``;``, ``//``, ``/*``) is
written with those characters as ``\\uXXXX`` text, and the :NewsgraphMeta node maps each such
key back to the original name.

Neo4j properties hold strings, numbers, booleans and flat lists of one of those.
Attributes with other values (the ``evidence`` list of dicts, graph metadata, mixed
types, non-finite floats) are stored as JSON strings, per attribute name, and the
:NewsgraphMeta node records which. ``None`` values are left out (Neo4j removes a
property set to null). Every node also gets the label ``Newsgraph``, which carries
the uniqueness constraint on ``id``; running the script again updates in place (it
does not delete nodes that have since left the graph).
"""
from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.io.atomic import atomic_write_text
from graph.io.node_link import sort_key

__all__ = [
    "write_neo4j",
    "parse_neo4j_script",
    "cypher_string",
    "cypher_literal",
    "cypher_name",
    "property_key",
    "label_for_type",
    "relationship_type",
]

NODE_LABEL = "Newsgraph"
META_LABEL = "NewsgraphMeta"
#: Rows per UNWIND statement: large enough to load fast, small enough for Neo4j Browser.
BATCH_SIZE = 500

_INT64 = range(-(2**63), 2**63)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def cypher_string(text: str) -> str:
    """`text` as a double-quoted Cypher string literal that no splitter can break.

    Examples
    --------
    >>> print(cypher_string('He said "hi"; then\\n// left \\\\o/'))
    "He said \\"hi\\"\\u003B then\\n\\u002F/ left \\\\o/"
    """
    out = ['"']
    for index, char in enumerate(text):
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == ";" or (char == "/" and text[index + 1 : index + 2] in ("/", "*")):
            out.append(f"\\u{code:04X}")
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or char in "\u2028\u2029":
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def cypher_name(name: str) -> str:
    """A backtick-quoted Cypher identifier (property key, label or type).

    Examples
    --------
    >>> print(cypher_name("amount_usd"), cypher_name("odd`name"))
    `amount_usd` `odd``name`
    """
    return "`" + str(name).replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    """`value` (None, bool, int, float, str, list, dict) as a Cypher literal.

    Raises
    ------
    TypeError
        For other types, and for floats Cypher has no literal for (NaN, infinity).

    Examples
    --------
    >>> print(cypher_literal({"name": "Zoë", "n": [1, 2.5e-07], "ok": True, "x": None}))
    {`name`: "Zoë", `n`: [1, 2.5e-07], `ok`: true, `x`: null}
    >>> print(cypher_literal(1e22))
    1e22
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"Cypher has no literal for {value!r}")
        # openCypher's grammar has no '+' in exponents ("1e+22" -> "1e22").
        return repr(value).replace("e+", "e")
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cypher_name(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def label_for_type(node_type: Any) -> str | None:
    """The Neo4j label for a node ``type``: PascalCase letters and digits, or None.

    Examples
    --------
    >>> label_for_type("company"), label_for_type("news_outlet"), label_for_type(" ;-) ")
    ('Company', 'NewsOutlet', None)
    """
    if not isinstance(node_type, str):
        return None
    parts = re.findall(r"[^\W_]+", node_type)
    return "".join(part[:1].upper() + part[1:] for part in parts) or None


def relationship_type(relation: Any) -> str:
    """The Neo4j relationship type for a relation: UPPER_SNAKE, ``RELATED_TO`` if empty.

    Examples
    --------
    >>> relationship_type("works_for"), relationship_type("licensesFrom"), relationship_type(None)
    ('WORKS_FOR', 'LICENSES_FROM', 'RELATED_TO')
    """
    if not isinstance(relation, str):
        return "RELATED_TO"
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation)
    return "_".join(re.findall(r"[^\W_]+", spaced)).upper() or "RELATED_TO"


def _is_property_value(value: Any) -> bool:
    """True for values Neo4j stores as a property (and Cypher writes as a literal)."""
    if isinstance(value, bool) or isinstance(value, str):
        return True
    if isinstance(value, int):
        return value in _INT64
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, (list, tuple)):
        kinds = {type(item) for item in value}
        return len(kinds) <= 1 and all(_is_property_value(item) and not isinstance(item, (list, tuple)) for item in value)
    return False


def _properties(dicts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Drop None and JSON-encode, per name, attributes Neo4j cannot store."""
    encoded = sorted(
        {name for attrs in dicts for name, value in attrs.items() if value is not None and not _is_property_value(value)},
        key=str,
    )
    flat = [
        {name: (json.dumps(value, ensure_ascii=False) if name in encoded else value) for name, value in attrs.items() if value is not None}
        for attrs in dicts
    ]
    return flat, encoded


#: What a backticked property key must not hold verbatim (see the module notes).
_KEY_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029;]|/(?=[/*])")


def property_key(name: str) -> str:
    """The property key written for attribute `name`: itself, or with unsafe characters as ``\\uXXXX``.

    Examples
    --------
    >>> print(property_key("amount_usd"), property_key("a;b\\nc"), property_key("x//y"))
    amount_usd a\\u003Bb\\u000Ac x\\u002F/y
    """
    return _KEY_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04X}", str(name))


def _rename_keys(dicts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Property dicts with unsafe keys renamed (:func:`property_key`), and written key -> name."""
    renamed = {property_key(name): name for attrs in dicts for name in attrs if _KEY_UNSAFE.search(str(name))}
    if not renamed:
        return dicts, {}
    return [{property_key(name): value for name, value in attrs.items()} for attrs in dicts], renamed


def _batches(rows: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(rows), BATCH_SIZE):
        yield rows[start : start + BATCH_SIZE]


def _unwind(rows: list[dict[str, Any]]) -> str:
    return "UNWIND [\n" + ",\n".join("  " + cypher_literal(row) for row in rows) + "\n] AS row\n"


def neo4j_script(G: nx.MultiDiGraph) -> str:
    """The Cypher script of `G` (see the module notes), as text.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph. A node's ``id`` attribute, if any, must equal its key; edges must
        not have an attribute named ``key`` (the key is stored under that name).

    Returns
    -------
    str

    Raises
    ------
    ValueError
        On the attribute clashes above.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("company:a", id="company:a", name="A", type="company")
    >>> print(neo4j_script(G).splitlines()[-4:])  # doctest: +NORMALIZE_WHITESPACE
    ['  {`id`: "company:a", `properties`: {`name`: "A", `type`: "company"}}', '] AS row',
     'MERGE (n:`Newsgraph` {id: row.id})', 'SET n += row.properties, n:`Company`;']
    """
    nodes = sorted(G.nodes(data=True), key=lambda item: sort_key(item[0]))
    for node, attrs in nodes:
        if "id" in attrs and attrs["id"] != node:
            raise ValueError(f"node {node!r} has an 'id' attribute {attrs['id']!r} that is not its key")
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (sort_key(e[0]), sort_key(e[1]), sort_key(e[2])))
    for u, v, _, attrs in edges:
        if "key" in attrs:
            raise ValueError(f"edge {u!r} -> {v!r} has an attribute named 'key', which holds the edge key in Neo4j")
    node_props, node_encoded = _properties([{k: v for k, v in attrs.items() if k != "id"} for _, attrs in nodes])
    edge_props, edge_encoded = _properties([{"key": key, **attrs} for *_, key, attrs in edges])
    node_props, node_names = _rename_keys(node_props)
    edge_props, edge_names = _rename_keys(edge_props)
    encoding = {
        "json": {"node": node_encoded, "edge": edge_encoded},
        "node_id_attribute": all("id" in attrs for _, attrs in nodes),
    }
    if node_names or edge_names:
        encoding["names"] = {"node": node_names, "edge": edge_names}
    statements = [
        "// newsgraph export for Neo4j 5: cypher-shell -f <this file>, best into an empty database.\n"
        f"CREATE CONSTRAINT newsgraph_node_id IF NOT EXISTS FOR (n:{cypher_name(NODE_LABEL)}) REQUIRE n.id IS UNIQUE",
        f"MERGE (meta:{cypher_name(META_LABEL)} {{id: \"graph\"}})\n"
        f"SET meta.graph = {cypher_string(json.dumps(G.graph, ensure_ascii=False))}, "
        f"meta.encoding = {cypher_string(json.dumps(encoding))}",
    ]
    rows_by_label: dict[str | None, list[dict[str, Any]]] = {}
    for (node, attrs), props in zip(nodes, node_props):
        rows_by_label.setdefault(label_for_type(attrs.get("type")), []).append({"id": node, "properties": props})
    for label, rows in sorted(rows_by_label.items(), key=lambda item: item[0] or ""):
        set_label = f", n:{cypher_name(label)}" if label else ""
        for batch in _batches(rows):
            statements.append(
                _unwind(batch) + f"MERGE (n:{cypher_name(NODE_LABEL)} {{id: row.id}})\nSET n += row.properties{set_label}"
            )
    rows_by_type: dict[str, list[dict[str, Any]]] = {}
    for (u, v, key, attrs), props in zip(edges, edge_props):
        relation = attrs.get("relation")
        rel_type = relationship_type(relation if relation is not None else key)
        rows_by_type.setdefault(rel_type, []).append({"source": u, "target": v, "key": props.pop("key"), "properties": props})
    for rel_type, rows in sorted(rows_by_type.items()):
        for batch in _batches(rows):
            statements.append(
                _unwind(batch)
                + f"MATCH (a:{cypher_name(NODE_LABEL)} {{id: row.source}}), (b:{cypher_name(NODE_LABEL)} {{id: row.target}})\n"
                + f"MERGE (a)-[r:{cypher_name(rel_type)} {{key: row.key}}]->(b)\nSET r += row.properties"
            )
    return "".join(statement + ";\n" for statement in statements)


def write_neo4j(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write `G` as a Cypher script for Neo4j (see the module notes), atomically.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph (see :func:`neo4j_script` for the two attribute names it reserves).
    path : str or path-like
        Destination file, conventionally ``graph.cypher``.

    Raises
    ------
    ValueError
        On a reserved attribute clash.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph(built="today")
    >>> G.add_node("deal:d", id="deal:d", type="deal", amount_usd=None, kind="investment")
    >>> G.add_node("company:c", id="company:c", type="company", name='Robert"); DROP (x')
    >>> _ = G.add_edge("deal:d", "company:c", key="party", relation="party", role="investee",
    ...                evidence=[{"article": "a", "sentence": "x;y", "start": 0, "end": 3}])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.cypher"
    >>> write_neo4j(G, path)
    >>> R = parse_neo4j_script(path)
    >>> R.nodes["company:c"]["name"], R.nodes["deal:d"]
    ('Robert"); DROP (x', {'id': 'deal:d', 'type': 'deal', 'kind': 'investment'})
    >>> list(R.edges(keys=True)), R.edges["deal:d", "company:c", "party"]["evidence"][0]["sentence"]
    ([('deal:d', 'company:c', 'party')], 'x;y')
    """
    atomic_write_text(path, neo4j_script(G))


# --- reading the script back -----------------------------------------------------------

class _Scanner:
    """Reads the Cypher subset :func:`neo4j_script` writes: statements and literals."""

    _NUMBER = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
    _WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def error(self, message: str) -> ValueError:
        line = self.text.count("\n", 0, self.pos) + 1
        return ValueError(f"line {line}: {message}")

    def skip_space(self) -> None:
        while self.pos < len(self.text):
            if self.text.startswith("//", self.pos):
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end + 1
            elif self.text.startswith("/*", self.pos):
                end = self.text.find("*/", self.pos + 2)
                if end < 0:
                    raise self.error("unclosed comment")
                self.pos = end + 2
            elif self.text[self.pos].isspace():
                self.pos += 1
            else:
                return

    def statements(self) -> Iterator[str]:
        """Split at top-level ``;`` (outside strings, identifiers and comments)."""
        start = self.pos
        while True:
            self.skip_space()
            if self.pos >= len(self.text):
                break
            char = self.text[self.pos]
            if char in "\"'":
                self.string()
            elif char == "`":
                self.backticked()
            elif char == ";":
                yield self.text[start : self.pos]
                self.pos += 1
                start = self.pos
            else:
                self.pos += 1
        if self.text[start:].strip() and not _only_comments(self.text[start:]):
            raise self.error("statement without a closing ';'")

    def string(self) -> str:
        quote = self.text[self.pos]
        self.pos += 1
        out = []
        simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == quote:
                self.pos += 1
                return "".join(out)
            if char == "\\":
                code = self.text[self.pos + 1 : self.pos + 2]
                if code in simple:
                    out.append(simple[code])
                    self.pos += 2
                elif code in ("u", "U"):
                    width = 4 if code == "u" else 8
                    digits = self.text[self.pos + 2 : self.pos + 2 + width]
                    if len(digits) != width or not all(c in "0123456789abcdefABCDEF" for c in digits):
                        raise self.error(f"bad \\{code} escape")
                    out.append(chr(int(digits, 16)))
                    self.pos += 2 + width
                else:
                    raise self.error(f"unknown escape \\{code}")
            else:
                out.append(char)
                self.pos += 1
        raise self.error("unclosed string")

    def backticked(self) -> str:
        out = []
        self.pos += 1
        while self.pos < len(self.text):
            if self.text.startswith("``", self.pos):
                out.append("`")
                self.pos += 2
            elif self.text[self.pos] == "`":
                self.pos += 1
                return "".join(out)
            else:
                out.append(self.text[self.pos])
                self.pos += 1
        raise self.error("unclosed backtick")

    def expect(self, token: str) -> None:
        self.skip_space()
        if not self.text.startswith(token, self.pos):
            raise self.error(f"expected {token!r}")
        self.pos += len(token)

    def literal(self) -> Any:
        self.skip_space()
        char = self.text[self.pos : self.pos + 1]
        if char in ("'", '"'):
            return self.string()
        if char == "[":
            self.pos += 1
            items = []
            self.skip_space()
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return items
            while True:
                items.append(self.literal())
                self.skip_space()
                if self.text.startswith("]", self.pos):
                    self.pos += 1
                    return items
                self.expect(",")
        if char == "{":
            self.pos += 1
            mapping: dict[str, Any] = {}
            self.skip_space()
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return mapping
            while True:
                self.skip_space()
                if self.text.startswith("`", self.pos):
                    name = self.backticked()
                else:
                    match = self._WORD.match(self.text, self.pos)
                    if not match:
                        raise self.error("expected a map key")
                    name, self.pos = match.group(), match.end()
                self.expect(":")
                mapping[name] = self.literal()
                self.skip_space()
                if self.text.startswith("}", self.pos):
                    self.pos += 1
                    return mapping
                self.expect(",")
        number = self._NUMBER.match(self.text, self.pos)
        if number:
            self.pos = number.end()
            text = number.group()
            return float(text) if any(c in text for c in ".eE") else int(text)
        word = self._WORD.match(self.text, self.pos)
        if word and word.group().lower() in ("true", "false", "null"):
            self.pos = word.end()
            return {"true": True, "false": False, "null": None}[word.group().lower()]
        raise self.error("expected a literal")


def _only_comments(text: str) -> bool:
    scanner = _Scanner(text)
    scanner.skip_space()
    return scanner.pos >= len(text)


_NODE_TAIL = re.compile(
    rf"^MERGE \(n:`{NODE_LABEL}` \{{id: row\.id\}}\)\s+SET n \+= row\.properties(?:, n:(`(?:[^`]|``)+`))?$"
)
_EDGE_TAIL = re.compile(
    rf"^MATCH \(a:`{NODE_LABEL}` \{{id: row\.source\}}\), \(b:`{NODE_LABEL}` \{{id: row\.target\}}\)\s+"
    r"MERGE \(a\)-\[r:(`(?:[^`]|``)+`) \{key: row\.key\}\]->\(b\)\s+SET r \+= row\.properties$"
)


def _unquote(name: str) -> str:
    return name[1:-1].replace("``", "`")


def parse_neo4j_script(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a script written by :func:`write_neo4j` back into a MultiDiGraph.

    This is not a Cypher interpreter: it accepts exactly the statement shapes
    :func:`write_neo4j` writes, parses their literals, and checks that every node's
    label and every relationship's type are the ones its ``type``/``relation`` give.
    It exists so that tests (and users) can verify an export without a database.

    Parameters
    ----------
    path : str or path-like
        A ``.cypher`` file from :func:`write_neo4j`.

    Returns
    -------
    networkx.MultiDiGraph
        Equal to the exported graph except for attributes whose value was ``None``.

    Raises
    ------
    ValueError
        On any statement, literal, label or type that :func:`write_neo4j` would not
        have written.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="k", relation="competes_with", w=[1, 2])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.cypher"
    >>> write_neo4j(G, path)
    >>> list(parse_neo4j_script(path).edges(keys=True, data=True))
    [('a', 'b', 'k', {'relation': 'competes_with', 'w': [1, 2]})]
    """
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    graph_attrs: dict[str, Any] = {}
    encoding: dict[str, Any] = {}
    node_rows: list[tuple[str | None, dict[str, Any]]] = []
    edge_rows: list[tuple[str, dict[str, Any]]] = []
    for statement in _Scanner(text).statements():
        scanner = _Scanner(statement)
        scanner.skip_space()
        body = statement[scanner.pos :]
        if body.startswith("CREATE CONSTRAINT"):
            continue
        if body.startswith(f"MERGE (meta:`{META_LABEL}`"):
            scanner.expect(f'MERGE (meta:`{META_LABEL}` {{id: "graph"}})')
            scanner.expect("SET meta.graph =")
            graph_attrs = json.loads(scanner.literal())
            scanner.expect(", meta.encoding =")
            encoding = json.loads(scanner.literal())
            continue
        if not body.startswith("UNWIND"):
            raise scanner.error(f"unexpected statement: {body[:40]!r}")
        scanner.expect("UNWIND")
        rows = scanner.literal()
        scanner.expect("AS row")
        tail = statement[scanner.pos :].strip()
        if match := _NODE_TAIL.match(tail):
            label = _unquote(match.group(1)) if match.group(1) else None
            node_rows.extend((label, row) for row in rows)
        elif match := _EDGE_TAIL.match(tail):
            edge_rows.extend((_unquote(match.group(1)), row) for row in rows)
        else:
            raise scanner.error(f"unexpected UNWIND statement: {tail[:60]!r}")
    encoded = encoding.get("json", {})
    names = encoding.get("names", {})
    G = nx.MultiDiGraph()
    G.graph.update(graph_attrs)
    for label, row in node_rows:
        attrs = {names.get("node", {}).get(name, name): value for name, value in row["properties"].items()}
        for name in encoded.get("node", ()):
            if name in attrs:
                attrs[name] = json.loads(attrs[name])
        if label != label_for_type(attrs.get("type")):
            raise ValueError(f"node {row['id']!r} has label {label!r} but type {attrs.get('type')!r}")
        if encoding.get("node_id_attribute"):
            attrs = {"id": row["id"], **attrs}
        G.add_node(row["id"], **attrs)
    for rel_type, row in edge_rows:
        attrs = {names.get("edge", {}).get(name, name): value for name, value in row["properties"].items()}
        key = row["key"]
        for name in encoded.get("edge", ()):
            if name == "key":
                key = json.loads(key)
            elif name in attrs:
                attrs[name] = json.loads(attrs[name])
        if rel_type != relationship_type(attrs.get("relation", key)):
            raise ValueError(f"edge {row['source']!r} -> {row['target']!r} has type {rel_type!r} but relation {attrs.get('relation')!r}")
        G.add_edges_from([(row["source"], row["target"], key, attrs)])
    return G
