"""Checking a ``graph.json`` against the graph contract (``../shared/SCHEMA.md``) as it is read.

A hand-edited or hostile file must give one line that names the first bad field, never a
traceback from deep inside networkx, the viewer or the scorer::

    graph.json: nodes[3].mentions: expected a whole number ≥ 0, got 1e400

The known fields of the graph, of nodes, of edges and of evidence items are tables below
(field -> what it must be); a known field of the wrong type is an error, an unknown field is
allowed whatever it holds (files of a newer newsgraph stay readable). Only ``id`` (nodes)
and ``source``/``target`` (edges) are required, as networkx node-link data needs nothing else;
every edge must join two declared nodes and no two nodes may share an id.

Checking walks the parsed data once, without copying it, and descends only into known
fields, so it stays linear in the size of the file. Numbers JSON allows but Python cannot hold
as a finite float (``1e400``, and the non-standard ``NaN``/``Infinity`` Python's parser accepts)
are read as :class:`NonFiniteNumber`, which no check accepts; the rare file that has one in
an unknown field is walked once more to name it.
"""
from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["GraphFileError", "NonFiniteNumber", "check_graph_data", "load_graph_json"]


class GraphFileError(ValueError):
    """A graph.json that is not JSON or breaks the graph contract; the message is one line
    naming the file (when read from one) and the first bad field."""


class NonFiniteNumber:
    """A JSON number too large for a float (``1e400``) or a ``NaN``/``Infinity`` constant,
    kept as its text so that the error can quote it. No check accepts it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Expect:
    """What a value must be: a predicate and its description, and for containers what
    their items (lists) or known fields (objects) must be."""

    what: str
    ok: Callable[[Any], bool]
    items: Expect | None = None
    fields: Mapping[str, Expect] = field(default_factory=dict)
    required: tuple[str, ...] = ()


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_number(value: Any) -> bool:
    # a bool is an int to Python but not a number to JSON; NaN and inf never get here from a file
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _or_null(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: value is None or check(value)


TEXT = Expect("a string", _is_text)
TEXT_OR_NULL = Expect("a string or null", _or_null(_is_text))
COUNT = Expect("a whole number ≥ 0", _is_count)
NUMBER_OR_NULL = Expect("a number or null", _or_null(_is_number))
SHARE = Expect("a number from 0 to 1", lambda value: _is_number(value) and 0 <= value <= 1)
TEXT_LIST = Expect("a list of strings", lambda value: isinstance(value, list), items=TEXT)
#: networkx numbers the edges of a multigraph built without keys 0, 1, ...
EDGE_KEY = Expect("a string or a whole number", lambda value: _is_text(value) or _is_count(value))


def _object(fields: Mapping[str, Expect], required: tuple[str, ...] = ()) -> Expect:
    return Expect("an object", lambda value: isinstance(value, dict), fields=fields, required=required)


EVIDENCE = _object({"article": TEXT, "sentence": TEXT, "start": COUNT, "end": COUNT})
ARTICLE = _object({"title": TEXT_OR_NULL, "url": TEXT_OR_NULL, "date": TEXT_OR_NULL, "text": TEXT_OR_NULL})

#: SCHEMA.md's node fields, and the deal and model fields newsgraph writes.
NODE = _object({
    "id": TEXT, "name": TEXT, "type": TEXT, "aliases": TEXT_LIST, "mentions": COUNT, "articles": TEXT_LIST,
    "parameters": COUNT, "kind": TEXT, "amount_usd": NUMBER_OR_NULL, "amount": NUMBER_OR_NULL,
    "currency": TEXT_OR_NULL, "date": TEXT_OR_NULL, "confidence": SHARE, "rules": TEXT_LIST,
}, required=("id",))
EDGE = _object({
    "source": TEXT, "target": TEXT, "key": EDGE_KEY, "relation": TEXT, "role": TEXT, "confidence": SHARE,
    "rules": TEXT_LIST, "evidence": Expect("a list of evidence objects", lambda v: isinstance(v, list), items=EVIDENCE),
}, required=("source", "target"))
GRAPH = _object({
    "tool": TEXT, "version": TEXT, "model": TEXT, "model_version": TEXT, "article_count": COUNT,
    "articles": Expect("an object of article id -> article", lambda value: isinstance(value, dict)),
})
NODE_LIST = Expect("a list of node objects", lambda value: isinstance(value, list), items=NODE)
EDGE_LIST = Expect("a list of edge objects", lambda value: isinstance(value, list), items=EDGE)
NODE_LINK = _object({
    "directed": Expect("true or false", lambda value: isinstance(value, bool)),
    "multigraph": Expect("true or false", lambda value: isinstance(value, bool)),
    "graph": GRAPH, "nodes": NODE_LIST, "edges": EDGE_LIST, "links": EDGE_LIST,
}, required=("nodes",))


def shown(value: Any) -> str:
    """`value` as a short, one-line quote for an error message.

    Examples
    --------
    >>> shown(NonFiniteNumber("1e400")), shown(True), shown([1, 2]), shown({"a": 1}), shown("a\\nb")
    ('1e400', 'true', 'a list', 'an object', '"a\\\\nb"')
    >>> shown("x" * 100)
    '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."'
    """
    if isinstance(value, NonFiniteNumber):
        return value.text
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        short = value[:40] + ("..." if len(value) > 40 else "")
        # \\u escapes for a lone surrogate, which no terminal can print
        return json.dumps(short, ensure_ascii=_is_lone_surrogate_text(short))
    return json.dumps(value)  # null, true, false, a number


def _field_path(parts: list[str]) -> str:
    return "".join(parts).lstrip(".")


def _problem(value: Any, expect: Expect) -> tuple[list[str], str] | None:
    """The first place in `value` that breaks `expect`: (path parts, reversed; message), or None.

    The path is only built for the one failure, so a valid graph costs no string work.
    """
    if not expect.ok(value):
        return [], f"expected {expect.what}, got {shown(value)}"
    items = expect.items
    # a list of scalars (aliases, articles) is checked in one C-level pass; only a failure is located
    if items is not None and (not _is_scalar(items) or not all(map(items.ok, value))):
        for index, item in enumerate(value):
            found = _problem(item, items)
            if found is not None:
                found[0].append(f"[{index}]")
                return found
    if expect.fields:
        for name in expect.required:
            if name not in value:
                return [f".{name}"], "missing"
        for name, sub in expect.fields.items():
            if name in value:
                field_value = value[name]
                if _is_scalar(sub) and sub.ok(field_value):
                    continue
                found = _problem(field_value, sub)
                if found is not None:
                    found[0].append(f".{name}")
                    return found
    return None


def _is_scalar(expect: Expect) -> bool:
    return expect.items is None and not expect.fields


def _articles_problem(articles: dict) -> tuple[str, str] | None:
    # graph.articles maps article ids (any text) to articles, so it is not a table of known fields
    for article_id, article in articles.items():
        found = _problem(article, ARTICLE)
        if found is not None:
            parts, message = found
            return f"graph.articles[{shown(article_id)}]" + "".join(parts[::-1]), message
    return None


def _reference_problem(data: dict) -> tuple[str, str] | None:
    """Duplicate node ids, and edges whose ends are not declared nodes (networkx would invent them)."""
    first_index: dict[str, int] = {}
    for index, node in enumerate(data["nodes"]):
        node_id = node["id"]
        if node_id in first_index:
            return f"nodes[{index}].id", f"expected an id no other node has, got {shown(node_id)} " \
                                         f"(also nodes[{first_index[node_id]}])"
        first_index[node_id] = index
    edge_field = "edges" if "edges" in data else "links"
    for index, edge in enumerate(data.get(edge_field, ())):
        for end in ("source", "target"):
            if edge[end] not in first_index:
                return f"{edge_field}[{index}].{end}", f"expected the id of a node, got {shown(edge[end])}"
    return None


def _is_lone_surrogate_text(value: Any) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _trail_path(trail: tuple | None) -> str:
    steps = []
    while trail is not None:
        trail, step = trail
        steps.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(reversed(steps)).lstrip(".")


def _first_unwritable(data: Any) -> tuple[str, str] | None:
    """Where the first value no file can hold is: a :class:`NonFiniteNumber`, or a string (or
    object key) with a lone surrogate (``"\\ud800"`` parses, but is not Unicode and cannot be
    written as UTF-8). Walks without recursion, as the data may be deep, and keeps each value's
    path as a chain of (parent, step) pairs that is only spelled out for the one it reports."""
    stack: list[tuple[Any, tuple | None]] = [(data, None)]
    while stack:
        value, trail = stack.pop()
        if isinstance(value, NonFiniteNumber):
            return _trail_path(trail), f"expected a finite number, got {value.text}"
        if isinstance(value, str) and _is_lone_surrogate_text(value):
            return _trail_path(trail), "expected Unicode text, got a lone surrogate (\\ud800-\\udfff)"
        if isinstance(value, dict):
            for name in value:
                if _is_lone_surrogate_text(name):
                    return _trail_path((trail, shown(name))), "expected a Unicode name, got a lone surrogate"
            stack.extend((item, (trail, name)) for name, item in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((item, (trail, index)) for index, item in reversed(list(enumerate(value))))
    return None


def check_graph_data(data: Any) -> None:
    """Raise :class:`GraphFileError` naming the first field of node-link `data` that breaks the contract.

    Parameters
    ----------
    data : object
        Parsed ``graph.json`` (node-link data with ``edges`` or ``links``).

    Raises
    ------
    GraphFileError
        ``"<field>: expected <what>, got <value>"``; the field is written as a path such as
        ``nodes[3].aliases[0]`` or ``edges[5].evidence[0].start``.

    Examples
    --------
    >>> check_graph_data({"nodes": [{"id": "a", "mentions": 2}], "edges": []})
    >>> check_graph_data({"nodes": [{"id": "a", "mentions": -1}], "edges": []})
    Traceback (most recent call last):
    ...
    graph.io.validate.GraphFileError: nodes[0].mentions: expected a whole number ≥ 0, got -1
    >>> check_graph_data({"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "b"}]})
    Traceback (most recent call last):
    ...
    graph.io.validate.GraphFileError: edges[0].target: expected the id of a node, got "b"
    >>> check_graph_data({"nodes": [{"id": "a", "future_field": [[{}]]}], "links": []})  # unknown: allowed
    """
    found = _problem(data, NODE_LINK)
    if found is not None:
        parts, message = found
        where = _field_path(parts[::-1])
        raise GraphFileError(f"{where}: {message}" if where else f"node-link data: {message}")
    if "edges" not in data and "links" not in data:
        raise GraphFileError("edges: missing (node-link data has an 'edges' or 'links' list)")
    if isinstance(data.get("graph", {}).get("articles"), dict):
        found_article = _articles_problem(data["graph"]["articles"])
        if found_article is not None:
            raise GraphFileError(": ".join(found_article))
    found_reference = _reference_problem(data)
    if found_reference is not None:
        raise GraphFileError(": ".join(found_reference))


#: In JSON text, a \\u escape of a high surrogate not followed by a low one, or of a low one not
#: after a high one: a lone surrogate (or a rare false alarm, such as an escaped backslash before "ud800").
_HIGH, _LOW = r"\\u[dD][89abAB][0-9a-fA-F]{2}", r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"
_LONE_SURROGATE_ESCAPE = re.compile(f"{_HIGH}(?!{_LOW})|(?<!{_HIGH}){_LOW}")
#: Any surrogate escape: a literal-prefixed pattern, scanned about 20 times faster than the one above,
#: which runs only when this one finds something.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_lone_surrogate_escape(text: str) -> bool:
    return _SURROGATE_ESCAPE.search(text) is not None and _LONE_SURROGATE_ESCAPE.search(text) is not None


def load_graph_json(path: str | os.PathLike[str]) -> dict:
    """Read and check the ``graph.json`` at `path` (see :func:`check_graph_data`).

    Returns
    -------
    dict
        The node-link data, as parsed.

    Raises
    ------
    GraphFileError
        ``"<path>: <field>: expected ..., got ..."``, or ``"<path>: not a graph.json (...)"`` when the
        file is not UTF-8 JSON at all.
    OSError
        If the file cannot be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
    >>> _ = path.write_text('{"nodes": [{"id": "a", "mentions": 1e400}], "edges": []}')
    >>> load_graph_json(path)
    Traceback (most recent call last):
    ...
    graph.io.validate.GraphFileError: .../graph.json: nodes[0].mentions: expected a whole number ≥ 0, got 1e400
    """
    name = os.fspath(path)
    non_finite: list[NonFiniteNumber] = []

    def non_finite_number(text: str) -> NonFiniteNumber:
        non_finite.append(NonFiniteNumber(text))
        return non_finite[-1]

    def parse_float(text: str) -> float | NonFiniteNumber:
        number = float(text)
        return number if math.isfinite(number) else non_finite_number(text)

    hint = "give the graph.json that newsgraph build wrote"
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        data = json.loads(text, parse_float=parse_float, parse_constant=non_finite_number)
        lone_surrogate = _has_lone_surrogate_escape(text)
        del text  # the check runs beside the parsed data only
    except json.JSONDecodeError as exc:
        raise GraphFileError(f"{name} is not a graph.json (not JSON: {exc.msg} at line {exc.lineno}); {hint}") from None
    except UnicodeDecodeError:
        raise GraphFileError(f"{name} is not a graph.json (not UTF-8 text); {hint}") from None
    except RecursionError:
        raise GraphFileError(f"{name} is not a graph.json (JSON nested too deeply to read); {hint}") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise GraphFileError(f"{name} is not a graph.json ({exc}); {hint}") from None
    try:
        check_graph_data(data)
        # Rare, so found by a second walk: a non-finite number the checks did not meet (in a field
        # the contract does not know), or a lone surrogate (networkx's and our writers never write one).
        if non_finite or lone_surrogate:
            found = _first_unwritable(data)
            if found is not None:
                raise GraphFileError(": ".join(found))
    except GraphFileError as exc:
        raise GraphFileError(f"{name}: {exc}") from None
    return data
