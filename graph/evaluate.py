"""Score a built graph against a gold file: the project's own ``newsgraph eval``.

The gold format and the matching rules are those of the graph contract (SCHEMA.md) and
of the reference scorer: the numbers this module reports are the scorer's numbers.

* **Entities.** A built node of a scored type (``company``, ``person``, ``model``) is
  matched to the gold entity whose name or alias equals the node's name after
  :func:`normalize_name`; failing that, to the first of the node's aliases that names a
  gold entity. Each gold entity is found once: a second node for it is a duplicate and
  counts as a false positive, and so does a node typed differently from its gold entity
  or matching nothing. Optional gold entities are neither required nor wrong; nodes
  whose name is on the gold ``ignore`` list are left out.
* **Relations** are compared as ``(source, relation, target)`` over matched entities,
  ignoring direction for symmetric relations. An edge touching a node that matches no
  gold entity (and is not ignored) is a false positive; edges touching deal nodes, and
  ``party`` edges, are scored with the deals instead. With ``neutral_unscored=True``
  (``newsgraph eval --neutral-unscored``, as ``score.py --neutral-unscored``), an edge whose
  unmatched end is a node of an unscored type (``product``, ``organization``, ``publication``,
  ``place``) is neither right nor wrong.
* **Deals.** A gold deal matches the unused built deal node of the same kind (a gold
  kind may be a list of acceptable kinds) whose ``party`` set shares the most with the
  gold parties, if the Jaccard index is at least 0.5; ties go to the deal whose
  ``amount_usd`` is within 1% of the gold amount, then to the earlier node.
* **Attributes** (e.g. a model's ``parameters``) and deal amounts are right within 1%.
* **Evidence coverage** is the share of non-``party`` edges that carry evidence.

Scoring is on the corpus graph, not per article. Precision, recall, F1 and the
accuracies are rounded to three decimals, as the reference scorer reports them.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from extract.records import DEAL_KINDS, RELATIONS, SYMMETRIC_RELATIONS
from graph.io.validate import GraphFileError, load_graph_json

__all__ = [
    "SCORED_TYPES",
    "Score",
    "EvalResult",
    "GoldFormatError",
    "GraphFormatError",
    "normalize_name",
    "evaluate",
    "evaluate_files",
    "format_report",
]

#: Node types that are scored as entities; other types (product, place...) are shown, not scored.
SCORED_TYPES = frozenset({"company", "person", "model"})

#: The edge relation that ties a deal node to its companies.
PARTY = "party"

#: Decimal places of every reported ratio.
DIGITS = 3

#: Relative tolerance for numbers (model parameters, deal amounts).
NUMBER_TOLERANCE = 0.01

#: A built deal must share at least this Jaccard index of parties with a gold deal.
MIN_PARTY_JACCARD = 0.5

# Typographic variants that news text uses for the same name ("MAI‑1", "Microsoft’s").
_DASH_TO_HYPHEN = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_CURLY_TO_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'"})
_WHITESPACE_RUN = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .,;:!?\"'()[]"

# Problem lines start with one of these tags; format_report groups them by tag.
_PROBLEM_GROUPS = (
    ("missed entities", ("missed entity",)),
    ("false-positive entities", ("false entity",)),
    ("missed relations", ("missed relation",)),
    ("false-positive relations", ("false relation",)),
    ("deals", ("missed deal", "false deal", "wrong deal amount")),
    ("attributes", ("wrong attribute",)),
)


class GoldFormatError(ValueError):
    """A gold file that cannot be scored against: a missing key, an unknown type,
    relation or deal kind, or a reference to a name that is not a gold entity.
    The message is one line that says which item is wrong."""


class GraphFormatError(GraphFileError):
    """A graph that is not node-link data of the graph contract (no ``nodes``, a node
    without ``id``, an edge without ``source``/``target``, a known field of the wrong type:
    see :mod:`graph.io.validate`)."""


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 (rounded to three decimals) with the counts behind them.

    Examples
    --------
    >>> Score.from_counts(tp=3, fp=1, fn=2)
    Score(precision=0.75, recall=0.6, f1=0.667, tp=3, fp=1, fn=2)
    """

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> Score:
        """The score of ``tp`` true positives, ``fp`` false positives and ``fn`` misses;
        a ratio with an empty denominator is 0."""
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(round(precision, DIGITS), round(recall, DIGITS), round(f1, DIGITS), tp, fp, fn)

    def as_dict(self) -> dict[str, float | int]:
        """The score as plain JSON-ready data."""
        return asdict(self)


@dataclass(frozen=True)
class EvalResult:
    """The evaluation of one graph against one gold file.

    Attributes
    ----------
    entity, relation, deal : Score
        Precision/recall/F1 of companies, people and models; of relations between them;
        of deal nodes.
    attribute_accuracy : float or None
        Share of gold attributes found on a node of their entity, ``None`` without gold attributes.
    deal_amount_accuracy : float or None
        Share of matched gold deals with an amount whose built amount is within 1%,
        ``None`` when no matched gold deal states an amount.
    evidence_coverage : float
        Share of non-``party`` edges that carry evidence (0.0 without such edges).
    problems : tuple of str
        Every miss, false positive and wrong value, one line each.
    relation_by_type : dict of str to Score
        The relation score of each relation type that the gold requires or the graph
        states, in name order; their counts add up to ``relation``'s.
    """

    entity: Score
    relation: Score
    deal: Score
    attribute_accuracy: float | None
    deal_amount_accuracy: float | None
    evidence_coverage: float
    problems: tuple[str, ...]
    relation_by_type: Mapping[str, Score] = field(default_factory=dict)

    def as_dict(self, *, by_relation: bool = False) -> dict[str, Any]:
        """The result as plain JSON-ready data, with the reference scorer's keys and, if
        ``by_relation``, a ``relation_by_type`` mapping of relation type to score."""
        data = {
            "entity": self.entity.as_dict(),
            "relation": self.relation.as_dict(),
            "deal": self.deal.as_dict(),
            "attribute_accuracy": self.attribute_accuracy,
            "deal_amount_accuracy": self.deal_amount_accuracy,
            "evidence_coverage": self.evidence_coverage,
            "problems": list(self.problems),
        }
        if by_relation:
            data["relation_by_type"] = {rel: score.as_dict() for rel, score in self.relation_by_type.items()}
        return data


def normalize_name(text: Any) -> str:
    """The form in which two names are compared.

    Unicode compatibility forms are folded (NFKC), dashes become hyphens, curly
    apostrophes straight ones, case is folded, a final possessive ``'s`` is dropped,
    runs of white space become one space, and quotes, brackets and punctuation at either
    end are stripped.

    Examples
    --------
    >>> normalize_name("Microsoft\u2019s")
    'microsoft'
    >>> normalize_name("  MAI\u20111 ")
    'mai-1'
    >>> normalize_name('"Open  AI".')
    'open ai'
    """
    folded = unicodedata.normalize("NFKC", str(text)).translate(_DASH_TO_HYPHEN)
    folded = folded.translate(_CURLY_TO_STRAIGHT).casefold().strip()
    if folded.endswith("'s"):
        folded = folded[:-2]
    return _WHITESPACE_RUN.sub(" ", folded).strip(_EDGE_PUNCTUATION)


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class _GoldEntity:
    name: str
    type: str
    optional: bool


@dataclass(frozen=True)
class _GoldDeal:
    kinds: frozenset[str]
    kind_label: str
    parties: frozenset[int]
    amount_usd: float | None


@dataclass(frozen=True)
class _Gold:
    """A validated gold file, with entities referred to by their index in ``entities``."""

    entities: tuple[_GoldEntity, ...]
    by_surface: Mapping[str, int]
    ignored: frozenset[str]
    required_relations: frozenset[tuple]
    optional_relations: frozenset[tuple]
    attributes: tuple[tuple[int, str, Any, str], ...]  # (entity, attribute, value, entity name as written)
    deals: tuple[_GoldDeal, ...]


def _relation_key(source: Any, relation: Any, target: Any) -> tuple:
    """The identity of a relation: symmetric relations are stored once, in either direction."""
    if relation in SYMMETRIC_RELATIONS:
        source, target = sorted((source, target))
    return (source, relation, target)


def _gold_list(gold: Mapping, key: str, *, required: bool) -> list:
    if key not in gold:
        if required:
            raise GoldFormatError(f"gold has no {key!r} list")
        return []
    items = gold[key]
    if items is None and not required:
        return []
    if not isinstance(items, list):
        raise GoldFormatError(f"gold {key!r} must be a list, not {type(items).__name__}")
    return items


def _need(item: Any, keys: Iterable[str], where: str) -> None:
    if not isinstance(item, Mapping):
        raise GoldFormatError(f"{where} must be an object, not {type(item).__name__}")
    missing = [k for k in keys if k not in item]
    if missing:
        raise GoldFormatError(f"{where} lacks {', '.join(map(repr, missing))}")


def _read_gold(gold: Mapping) -> _Gold:
    """Validate ``gold`` and index it; raise :class:`GoldFormatError` on the first fault."""
    if not isinstance(gold, Mapping):
        raise GoldFormatError(f"gold must be a JSON object, not {type(gold).__name__}")

    entities: list[_GoldEntity] = []
    by_surface: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for i, item in enumerate(_gold_list(gold, "entities", required=True)):
        where = f"gold entity #{i + 1}"
        _need(item, ("name", "type"), where)
        name, etype = item["name"], item["type"]
        where = f"gold entity #{i + 1} ({name!r})"
        if not isinstance(name, str) or not normalize_name(name):
            raise GoldFormatError(f"{where} needs a non-empty name")
        if etype not in SCORED_TYPES:
            raise GoldFormatError(f"{where} has unknown type {etype!r} (expected one of {', '.join(sorted(SCORED_TYPES))})")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GoldFormatError(f"{where} needs 'aliases' as a list of strings")
        key = normalize_name(name)
        if key in by_name:
            raise GoldFormatError(f"{where} is listed twice (also gold entity #{by_name[key] + 1})")
        by_name[key] = i
        surfaces = frozenset({key} | {normalize_name(a) for a in aliases})
        # The first entity that claims a surface form keeps it.
        for surface in surfaces:
            by_surface.setdefault(surface, i)
        entities.append(_GoldEntity(name, etype, bool(item.get("optional"))))

    def entity_index(value: Any, where: str, role: str) -> int:
        hit = by_name.get(normalize_name(value)) if isinstance(value, str) else None
        if hit is not None:
            return hit
        alias_of = by_surface.get(normalize_name(value)) if isinstance(value, str) else None
        hint = f"; use its entity name {entities[alias_of].name!r}" if alias_of is not None else ""
        raise GoldFormatError(f"{where}: {role} {value!r} is not a gold entity{hint}")

    ignore = _gold_list(gold, "ignore", required=False)
    if not all(isinstance(n, str) for n in ignore):
        raise GoldFormatError("gold 'ignore' must be a list of names")

    required: set[tuple] = set()
    optional: set[tuple] = set()
    for i, item in enumerate(_gold_list(gold, "relations", required=True)):
        where = f"gold relation #{i + 1}"
        _need(item, ("source", "relation", "target"), where)
        rel = item["relation"]
        where = f"gold relation #{i + 1} ({item['source']} -{rel}-> {item['target']})"
        if rel not in RELATIONS:
            hint = " (deal parties go in 'deals')" if rel == PARTY else ""
            raise GoldFormatError(f"{where} has unknown relation {rel!r}{hint}")
        key = _relation_key(entity_index(item["source"], where, "source"), rel,
                            entity_index(item["target"], where, "target"))
        (optional if item.get("optional") else required).add(key)

    attributes = []
    for i, item in enumerate(_gold_list(gold, "attributes", required=False)):
        where = f"gold attribute #{i + 1}"
        _need(item, ("entity", "attribute", "value"), where)
        index = entity_index(item["entity"], where, "entity")
        attributes.append((index, str(item["attribute"]), item["value"], str(item["entity"])))

    deals = []
    for i, item in enumerate(_gold_list(gold, "deals", required=False)):
        where = f"gold deal #{i + 1}"
        _need(item, ("kind", "parties"), where)
        kind, parties, amount = item["kind"], item["parties"], item.get("amount_usd")
        kinds = kind if isinstance(kind, list) else [kind]
        if not kinds or not all(isinstance(k, str) and k in DEAL_KINDS for k in kinds):
            raise GoldFormatError(f"{where} has unknown kind {kind!r} (expected one of {', '.join(DEAL_KINDS)}, or a list of them)")
        if not isinstance(parties, list):
            raise GoldFormatError(f"{where} needs 'parties' as a list of entity names")
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float))):
            raise GoldFormatError(f"{where} has amount_usd {amount!r}; expected a number or null")
        deals.append(_GoldDeal(
            kinds=frozenset(kinds),
            kind_label="/".join(kinds),
            parties=frozenset(entity_index(p, where, "party") for p in parties),
            amount_usd=amount,
        ))

    return _Gold(
        entities=tuple(entities),
        by_surface=by_surface,
        ignored=frozenset(normalize_name(n) for n in ignore),
        required_relations=frozenset(required),
        optional_relations=frozenset(optional - required),
        attributes=tuple(attributes),
        deals=tuple(deals),
    )


# --------------------------------------------------------------------------- graph


def _read_graph(graph: Mapping | nx.Graph) -> tuple[list[Mapping], list[Mapping]]:
    """Nodes and edges of node-link data (``edges`` or ``links``) or of a networkx graph."""
    if isinstance(graph, nx.Graph):
        graph = nx.node_link_data(graph, edges="edges")
    if not isinstance(graph, Mapping) or not isinstance(graph.get("nodes"), list):
        raise GraphFormatError("graph must be node-link data with a 'nodes' list")
    edges = graph.get("edges", graph.get("links", []))
    if not isinstance(edges, list):
        raise GraphFormatError("graph 'edges' must be a list")
    for i, node in enumerate(graph["nodes"]):
        if not isinstance(node, Mapping) or "id" not in node:
            raise GraphFormatError(f"graph node #{i + 1} has no 'id'")
    for i, edge in enumerate(edges):
        if not isinstance(edge, Mapping) or "source" not in edge or "target" not in edge:
            raise GraphFormatError(f"graph edge #{i + 1} lacks 'source' or 'target'")
    return graph["nodes"], edges


def _node_name(node: Mapping) -> str:
    return node.get("name", node.get("id", ""))


def _edge_relation(edge: Mapping) -> Any:
    # Node-link data of a MultiDiGraph always has the key; "relation" is what the contract names.
    return edge.get("relation", edge.get("key"))


def _close(got: Any, want: Any) -> bool:
    """Whether ``got`` is a number within 1% of the number ``want``."""
    try:
        got, want = float(got), float(want)
    except (TypeError, ValueError):
        return False
    return abs(got - want) <= NUMBER_TOLERANCE * abs(want)


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, DIGITS) if total else None


# --------------------------------------------------------------------------- scoring


@dataclass
class _Matching:
    """Which gold entity each built node stands for."""

    gold_of: dict[Any, int]   # node id -> gold entity index
    ignored: set[Any]         # node ids whose name is on the ignore list
    node_type: dict[Any, Any]  # node id -> node type


def _match_nodes(gold: _Gold, nodes: list[Mapping]) -> _Matching:
    gold_of, ignored = {}, set()
    for node in nodes:
        name = normalize_name(_node_name(node))
        hit = gold.by_surface.get(name)
        if hit is None:
            hit = next((gold.by_surface[s] for s in map(normalize_name, node.get("aliases") or [])
                        if s in gold.by_surface), None)
        if hit is not None:
            gold_of[node["id"]] = hit
        elif name in gold.ignored:
            ignored.add(node["id"])
    return _Matching(gold_of, ignored, {n["id"]: n.get("type") for n in nodes})


def _score_entities(gold: _Gold, nodes: list[Mapping], matching: _Matching, problems: list[str]) -> Score:
    tp = fp = 0
    first_node: dict[int, str] = {}
    for node in nodes:
        ntype, name = node.get("type"), node.get("name")
        if ntype not in SCORED_TYPES or node["id"] in matching.ignored:
            continue
        hit = matching.gold_of.get(node["id"])
        if hit is None:
            fp += 1
            problems.append(f"false entity {ntype}: {name!r} matches no gold entity")
            continue
        entity = gold.entities[hit]
        if entity.type != ntype:
            fp += 1
            problems.append(f"false entity {ntype}: {name!r} is a {entity.type} in gold ({entity.name!r})")
        elif hit in first_node:
            fp += 1
            problems.append(f"false entity {ntype}: {name!r} duplicates node {first_node[hit]!r} for {entity.name!r}")
        else:
            first_node[hit] = name
            tp += not entity.optional
    fn = 0
    for i, entity in enumerate(gold.entities):
        if not entity.optional and i not in first_node:
            fn += 1
            problems.append(f"missed entity {entity.type}: {entity.name!r}")
    return Score.from_counts(tp, fp, fn)


def _score_relations(gold: _Gold, edges: list[Mapping], matching: _Matching, problems: list[str], *,
                     neutral_unscored: bool = False) -> tuple[Score, float, dict[str, Score]]:
    built: set[tuple] = set()
    unmatched: set[tuple] = set()
    scored_edges = with_evidence = 0
    for edge in edges:
        rel = _edge_relation(edge)
        if rel == PARTY:
            continue
        scored_edges += 1
        with_evidence += bool(edge.get("evidence"))
        source, target = edge["source"], edge["target"]
        if source in matching.ignored or target in matching.ignored:
            continue
        if "deal" in (matching.node_type.get(source), matching.node_type.get(target)):
            continue
        s, t = matching.gold_of.get(source), matching.gold_of.get(target)
        if neutral_unscored and ((s is None and matching.node_type.get(source) not in SCORED_TYPES)
                                 or (t is None and matching.node_type.get(target) not in SCORED_TYPES)):
            continue  # a product, organisation, publication or place that no gold entity names
        if s is None or t is None:
            unmatched.add((source, rel, target))
        else:
            built.add(_relation_key(s, rel, t))

    names = [e.name for e in gold.entities]

    def label(key: tuple) -> str:
        return f"{names[key[0]]} -{key[1]}-> {names[key[2]]}"

    missed = gold.required_relations - built
    extra = built - gold.required_relations - gold.optional_relations
    def by_label(key: tuple) -> tuple[str, ...]:
        return (names[key[0]], str(key[1]), names[key[2]])

    problems.extend(f"missed relation {label(k)}" for k in sorted(missed, key=by_label))
    problems.extend(f"false relation {label(k)}" for k in sorted(extra, key=by_label))
    problems.extend(f"false relation {s} -{r}-> {t} (node matches no gold entity)"
                    for s, r, t in sorted(unmatched, key=lambda k: tuple(map(str, k))))
    right = built & gold.required_relations
    score = Score.from_counts(len(right), len(extra) + len(unmatched), len(missed))
    coverage = round(with_evidence / scored_edges, DIGITS) if scored_edges else 0.0
    return score, coverage, _scores_by_relation(right, extra | unmatched, missed)


def _scores_by_relation(right: set[tuple], wrong: set[tuple], missed: set[tuple]) -> dict[str, Score]:
    """One score per relation type from ``(source, relation, target)`` keys.

    >>> _scores_by_relation({(0, "leads", 1)}, {(2, "leads", 3)}, {(0, "founded", 1)})
    {'founded': Score(precision=0.0, recall=0.0, f1=0.0, tp=0, fp=0, fn=1), \
'leads': Score(precision=0.5, recall=1.0, f1=0.667, tp=1, fp=1, fn=0)}
    """
    counts = [Counter(str(key[1]) for key in keys) for keys in (right, wrong, missed)]
    relations = sorted(set().union(*counts))
    return {rel: Score.from_counts(counts[0][rel], counts[1][rel], counts[2][rel]) for rel in relations}


def _score_attributes(gold: _Gold, nodes: list[Mapping], matching: _Matching,
                      problems: list[str]) -> float | None:
    nodes_of: dict[int, list[Mapping]] = {}
    for node in nodes:
        if node["id"] in matching.gold_of:
            nodes_of.setdefault(matching.gold_of[node["id"]], []).append(node)
    right = 0
    for index, attribute, value, entity in gold.attributes:
        candidates = nodes_of.get(index, [])
        if any(_close(node.get(attribute), value) for node in candidates):
            right += 1
        else:
            got = [node.get(attribute) for node in candidates] if candidates else "no node"
            problems.append(f"wrong attribute {entity}.{attribute}: want {value!r}, got {got!r}")
    return _ratio(right, len(gold.attributes))


def _score_deals(gold: _Gold, nodes: list[Mapping], edges: list[Mapping], matching: _Matching,
                 problems: list[str]) -> tuple[Score, float | None]:
    # A party that matches no gold entity still counts (as itself) in the Jaccard union.
    parties: dict[Any, set] = {}
    for edge in edges:
        if _edge_relation(edge) == PARTY:
            target = edge["target"]
            member = matching.gold_of[target] if target in matching.gold_of else ("node", target)
            parties.setdefault(edge["source"], set()).add(member)
    built = [(node, frozenset(parties.get(node["id"], ()))) for node in nodes if node.get("type") == "deal"]
    names = [e.name for e in gold.entities]

    def party_names(deal: _GoldDeal) -> str:
        return ", ".join(sorted(names[p] for p in deal.parties))

    used: set[int] = set()
    amounts_stated = amounts_right = 0
    for deal in gold.deals:
        best, best_rank = None, None
        for i, (node, members) in enumerate(built):
            kind = node.get("kind")
            if i in used or not _hashable(kind) or kind not in deal.kinds:
                continue
            union = members | deal.parties
            jaccard = len(members & deal.parties) / len(union) if union else 0.0
            rank = (jaccard, _close(node.get("amount_usd"), deal.amount_usd), -i)
            if best_rank is None or rank > best_rank:
                best, best_rank = i, rank
        if best is None or best_rank[0] < MIN_PARTY_JACCARD:
            problems.append(f"missed deal {deal.kind_label}: {party_names(deal)}")
            continue
        used.add(best)
        if deal.amount_usd:
            amounts_stated += 1
            got = built[best][0].get("amount_usd")
            if _close(got, deal.amount_usd):
                amounts_right += 1
            else:
                problems.append(f"wrong deal amount {deal.kind_label}: {party_names(deal)}: "
                                f"want {deal.amount_usd!r}, got {got!r}")
    for i, (node, _) in enumerate(built):
        if i not in used:
            problems.append(f"false deal {node.get('kind')}: {node.get('name', node['id'])!r} matches no gold deal")
    matched = len(used)
    score = Score.from_counts(matched, len(built) - matched, len(gold.deals) - matched)
    return score, _ratio(amounts_right, amounts_stated)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


# --------------------------------------------------------------------------- public


def evaluate(gold: Mapping, graph: Mapping | nx.MultiDiGraph, *, neutral_unscored: bool = False) -> EvalResult:
    """Score ``graph`` against ``gold``.

    Parameters
    ----------
    gold : dict
        Gold data (SCHEMA.md): ``entities`` and ``relations``, optionally ``ignore``,
        ``attributes`` and ``deals``.
    graph : dict or networkx.MultiDiGraph
        Node-link data (with ``edges`` or ``links``) or the graph itself.
    neutral_unscored : bool
        Leave out (neither right nor wrong) an edge one of whose ends matches no gold entity
        and is a node of an unscored type (product, organization, publication, place), as
        ``score.py --neutral-unscored`` does; by default such an edge is a false positive.

    Returns
    -------
    EvalResult

    Raises
    ------
    GoldFormatError
        If ``gold`` lacks a key, names an unknown type, relation or deal kind, or refers
        to a name that is not one of its entities.
    GraphFormatError
        If ``graph`` is not node-link data.

    Examples
    --------
    >>> import networkx as nx
    >>> gold = {
    ...     "entities": [{"name": "Microsoft", "type": "company", "aliases": ["Redmond"]},
    ...                  {"name": "MAI-1", "type": "model"}],
    ...     "relations": [{"source": "Microsoft", "relation": "develops", "target": "MAI-1"}],
    ...     "attributes": [{"entity": "MAI-1", "attribute": "parameters", "value": 500000000000}],
    ... }
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("company:microsoft", name="Microsoft", type="company", aliases=["Redmond"])
    >>> G.add_node("model:mai-1", name="MAI-1", type="model", parameters=500000000000)
    >>> G.add_node("company:msft", name="Redmond", type="company")
    >>> _ = G.add_edge("company:microsoft", "model:mai-1", key="develops", relation="develops",
    ...                evidence=[{"article": "a1", "sentence": "...", "start": 0, "end": 3}])
    >>> result = evaluate(gold, G)
    >>> result.entity
    Score(precision=0.667, recall=1.0, f1=0.8, tp=2, fp=1, fn=0)
    >>> result.relation.f1, result.attribute_accuracy, result.evidence_coverage
    (1.0, 1.0, 1.0)
    >>> result.problems
    ("false entity company: 'Redmond' duplicates node 'Microsoft' for 'Microsoft'",)
    """
    checked = _read_gold(gold)
    nodes, edges = _read_graph(graph)
    matching = _match_nodes(checked, nodes)
    entity_problems: list[str] = []
    relation_problems: list[str] = []
    attribute_problems: list[str] = []
    deal_problems: list[str] = []
    entity = _score_entities(checked, nodes, matching, entity_problems)
    relation, coverage, by_relation = _score_relations(checked, edges, matching, relation_problems,
                                                       neutral_unscored=neutral_unscored)
    attribute_accuracy = _score_attributes(checked, nodes, matching, attribute_problems)
    deal, amount_accuracy = _score_deals(checked, nodes, edges, matching, deal_problems)
    return EvalResult(
        entity=entity,
        relation=relation,
        deal=deal,
        attribute_accuracy=attribute_accuracy,
        deal_amount_accuracy=amount_accuracy,
        evidence_coverage=coverage,
        problems=tuple(entity_problems + relation_problems + deal_problems + attribute_problems),
        relation_by_type=by_relation,
    )


def _load_json(path: str | Path, error: type[ValueError], what: str) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise error(f"{path}: {what} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: {what} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def evaluate_files(gold_path: str | Path, graph_path: str | Path, *, neutral_unscored: bool = False) -> EvalResult:
    """Score the ``graph.json`` at ``graph_path`` against the gold file at ``gold_path``.

    Parameters
    ----------
    gold_path, graph_path : str or pathlib.Path
        A gold JSON file and a node-link ``graph.json`` (SCHEMA.md).
    neutral_unscored : bool
        As for :func:`evaluate`.

    Returns
    -------
    EvalResult

    Raises
    ------
    GoldFormatError, GraphFormatError
        With the file name in the one-line message, if a file is not JSON or not in its format.
    OSError
        If a file cannot be read.
    """
    gold = _load_json(gold_path, GoldFormatError, "gold file")
    try:
        # the file is checked against the contract; evaluate() itself scores any node-link data, as the
        # shared scorer does (a wrong value is a miss there, not an error)
        graph = load_graph_json(graph_path)
    except GraphFileError as exc:
        raise GraphFormatError(str(exc)) from None
    try:
        return evaluate(gold, graph, neutral_unscored=neutral_unscored)
    except GoldFormatError as exc:
        raise GoldFormatError(f"{gold_path}: {exc}") from None
    except GraphFormatError as exc:
        raise GraphFormatError(f"{graph_path}: {exc}") from None


def _format_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_report(result: EvalResult, *, verbose: bool = False, by_relation: bool = False) -> str:
    """The evaluation as text: one precision/recall/F1 line for entities, relations and
    deals, one line of accuracies and evidence coverage, if ``by_relation`` one line per
    relation type and, if ``verbose``, every problem grouped under a heading.

    Parameters
    ----------
    result : EvalResult
    verbose : bool, default False
        Also list the misses, false positives and wrong values.
    by_relation : bool, default False
        Also score each relation type on its own.

    Returns
    -------
    str
        Lines joined by newlines, without a final newline.

    Examples
    --------
    >>> gold = {"entities": [{"name": "OpenAI", "type": "company"},
    ...                      {"name": "Sam Altman", "type": "person"}],
    ...         "relations": [{"source": "Sam Altman", "relation": "leads", "target": "OpenAI"}]}
    >>> graph = {"nodes": [{"id": "company:openai", "name": "OpenAI", "type": "company"}], "edges": []}
    >>> print(format_report(evaluate(gold, graph), verbose=True))
    entity    P=1.000 R=0.500 F1=0.667 (tp 1, fp 0, fn 1)
    relation  P=0.000 R=0.000 F1=0.000 (tp 0, fp 0, fn 1)
    deal      P=0.000 R=0.000 F1=0.000 (tp 0, fp 0, fn 0)
    attribute accuracy n/a, deal amount accuracy n/a, evidence coverage 0.000
    <BLANKLINE>
    missed entities (1):
      person: 'Sam Altman'
    missed relations (1):
      Sam Altman -leads-> OpenAI
    >>> print(format_report(evaluate(gold, graph), by_relation=True).splitlines()[-1])
      leads           P=0.000 R=0.000 F1=0.000 (tp 0, fp 0, fn 1)
    """
    lines = []
    for part, score in (("entity", result.entity), ("relation", result.relation), ("deal", result.deal)):
        lines.append(f"{part:9} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
                     f"(tp {score.tp}, fp {score.fp}, fn {score.fn})")
    lines.append(f"attribute accuracy {_format_ratio(result.attribute_accuracy)}, "
                 f"deal amount accuracy {_format_ratio(result.deal_amount_accuracy)}, "
                 f"evidence coverage {_format_ratio(result.evidence_coverage)}")
    if by_relation:
        lines.extend(f"  {rel:15} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
                     f"(tp {score.tp}, fp {score.fp}, fn {score.fn})"
                     for rel, score in result.relation_by_type.items())
    if verbose and result.problems:
        lines.append("")
        for heading, group in _group_problems(result.problems):
            lines.append(f"{heading} ({len(group)}):")
            lines.extend(f"  {line}" for line in group)
    return "\n".join(lines)


def _group_problems(problems: Iterable[str]) -> list[tuple[str, list[str]]]:
    """Problems under their report headings, in report order; within the entity and
    relation groups the tag is dropped, since the heading says it."""
    groups: dict[str, list[str]] = {heading: [] for heading, _ in _PROBLEM_GROUPS}
    other: list[str] = []
    for line in problems:
        for heading, tags in _PROBLEM_GROUPS:
            tag = next((t for t in tags if line.startswith(t + " ")), None)
            if tag is not None:
                groups[heading].append(line[len(tag) + 1:] if len(tags) == 1 else line)
                break
        else:
            other.append(line)
    ordered = [(heading, lines) for heading, lines in groups.items() if lines]
    return ordered + ([("other", other)] if other else [])
