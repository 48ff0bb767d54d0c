"""The rule registry: every relation and deal rule as a record, read from ``data/patterns/*.json``.

One file per family of rules (titles, possessives, verbs, nouns, ownership, competition, tenure,
funding, models, parts, deals). Each rule is one record::

    {"name": "title.attached", "yields": ["leads", "works_for", "founded"], "confidence": 0.85,
     "kind": "code", "code": "title_relations",
     "doc": "job titles beside a name",
     "examples": [{"text": "Nvidia's CEO Jensen Huang spoke.", "gives": [["Jensen Huang", "leads", "Nvidia"]]}]}

``kind`` is ``"code"`` (a generator in ``extract/relations/`` or ``extract/deals/`` yields candidates
under this name; ``code`` names it) or ``"dependency"`` (a spaCy DependencyMatcher ``pattern`` held
as data, with the pattern's node names for the ``source``, ``target`` and ``trigger``; see
:mod:`extract.relations.patterns`). ``confidence`` is the rule's own, measured on the labelled corpora by
``benchmarks/rule_precision.py``. ``examples`` are sentences with the triples the rule must give
(``gives``) and may not give (``not``); ``tests/extract/test_rule_examples.py`` runs every one.
Word lists in patterns are written once, in the lexicon, and named with ``"$list_name"``.

>>> rule = registry()["title.attached"]
>>> rule.kind, "leads" in rule.yields, 0 < rule.confidence <= 1
('code', True, True)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .resources import PATTERNS_DIR
from .schema import RELATIONS
from .records import DEAL_KINDS

RULE_KINDS = ("code", "dependency")


class RuleError(ValueError):
    """A rule file that cannot be read, or a rule that breaks the registry's contract."""


@dataclass(frozen=True)
class Example:
    """A text a rule reads, with the facts it must give and must not give.

    ``gives``/``not_gives`` hold ``(source, relation, target)`` triples for relation rules and
    ``(kind, party, party, ...)`` tuples for deal rules. ``entities`` (name -> label), when set, types
    the names by hand instead of by the entity pipe, so the example tests the rule alone.
    """

    text: str
    gives: tuple[tuple[str, ...], ...] = ()
    not_gives: tuple[tuple[str, ...], ...] = ()
    entities: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    yields: tuple[str, ...]
    confidence: float
    kind: str
    examples: tuple[Example, ...]
    doc: str = ""
    code: str | None = None
    pattern: tuple = ()
    source: str | None = None
    target: str | None = None
    trigger: str | None = None
    path: str = ""


def _example(raw: dict, where: str) -> Example:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise RuleError(f"{where}: an example needs a non-empty 'text'")
    return Example(
        text=raw["text"],
        gives=tuple(tuple(t) for t in raw.get("gives", ())),
        not_gives=tuple(tuple(t) for t in raw.get("not", ())),
        entities=tuple(sorted(raw.get("entities", {}).items())),
    )


def parse_rule(raw: dict, family: str, path: str = "") -> Rule:
    """One rule record, checked: a known relation or deal kind, a confidence in (0, 1], a kind, examples.

    >>> parse_rule({"name": "x.y", "yields": ["acquires"], "confidence": 1.5, "kind": "code", "code": "f",
    ...             "examples": [{"text": "A bought B.", "gives": [["A", "acquires", "B"]]}]}, "x")
    Traceback (most recent call last):
    ...
    extract.rules.RuleError: x.y: confidence 1.5 is outside (0, 1]
    """
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise RuleError(f"{path}: a rule without a name")
    yields = tuple(raw.get("yields", ()))
    unknown = [y for y in yields if y not in RELATIONS and y not in DEAL_KINDS]
    if not yields or unknown:
        raise RuleError(f"{name}: yields unknown relation or deal kind {unknown or 'nothing'}")
    confidence = raw.get("confidence")
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        raise RuleError(f"{name}: confidence {confidence} is outside (0, 1]")
    kind = raw.get("kind")
    if kind not in RULE_KINDS:
        raise RuleError(f"{name}: kind {kind!r} is not one of {RULE_KINDS}")
    examples = tuple(_example(e, name) for e in raw.get("examples", ()))
    if not examples:
        raise RuleError(f"{name}: a rule needs at least one example")
    for example in examples:
        for triple in example.gives:
            if len(triple) == 3 and triple[1] in RELATIONS and triple[1] not in yields:
                raise RuleError(f"{name}: an example's {triple[1]} is not a relation the rule yields")
    if kind == "code" and not raw.get("code"):
        raise RuleError(f"{name}: a code rule names its generator in 'code'")
    if kind == "dependency":
        nodes = {node.get("RIGHT_ID") for node in raw.get("pattern", ())}
        for role in ("source", "target", "trigger"):
            if raw.get(role) not in nodes:
                raise RuleError(f"{name}: the pattern has no node {raw.get(role)!r} for the {role}")
    return Rule(
        name=name, family=family, yields=yields, confidence=float(confidence), kind=kind, examples=examples,
        doc=raw.get("doc", ""), code=raw.get("code"), pattern=tuple(raw.get("pattern", ())),
        source=raw.get("source"), target=raw.get("target"), trigger=raw.get("trigger"), path=path,
    )


def read_rule_file(path: Path) -> list[Rule]:
    """The rules of one family file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleError(f"{path}: {exc}") from None
    family = data.get("family") or path.stem
    return [parse_rule(raw, family, str(path)) for raw in data.get("rules", ())]


@lru_cache(maxsize=None)
def registry(folder: str | None = None) -> dict[str, Rule]:
    """Every rule by name, from the family files of ``folder`` (default ``data/patterns/``).

    Raises
    ------
    RuleError
        If a file is malformed or two rules share a name.
    """
    rules: dict[str, Rule] = {}
    for path in sorted(Path(folder or PATTERNS_DIR).glob("*.json")):
        for rule in read_rule_file(path):
            if rule.name in rules:
                raise RuleError(f"{rule.name}: defined twice ({rules[rule.name].path} and {path})")
            rules[rule.name] = rule
    return rules


def confidence(name: str) -> float:
    """The registered confidence of rule ``name`` (a ``KeyError`` names an unregistered rule)."""
    try:
        return registry()[name].confidence
    except KeyError:
        raise KeyError(f"rule {name!r} is not in the registry (data/patterns/*.json)") from None


#: Between the rules of a record that several rules found: "title.surface;title.attached" (the surest first).
RULE_SEPARATOR = ";"


def rule_names(detailed: str) -> list[str]:
    """The registered names in a record's ``rule`` string, one per rule that found it.

    >>> rule_names("title.surface;title.attached"), rule_names("deal.relation:deal.verb:buy")
    (['title.surface', 'title.attached'], ['deal.relation'])
    """
    return [rule_name(part) for part in detailed.split(RULE_SEPARATOR)]


def rule_name(detailed: str) -> str:
    """The registered name inside a record's ``rule`` string: ``"deal.verb:buy+listed"`` -> ``"deal.verb"``.

    >>> rule_name("deal.verb:acquire+present"), rule_name("title.attached")
    ('deal.verb', 'title.attached')
    """
    return detailed.split(":", 1)[0]


#: The generators behind code rules, by function name (a rule's ``code``); filled by :func:`code_rule`.
CODE_RULES: dict = {}


def code_rule(function):
    """Register ``function`` as the generator that code rules name in their ``code`` field.

    The registry test checks that every code rule names a registered generator and every
    registered generator has rules; the order in which they run is the explicit ``RULES`` of
    :mod:`extract.relations.admission` (an earlier rule wins a tie).
    """
    CODE_RULES[function.__name__] = function
    return function


def rules_for(relation: str | None = None) -> list[Rule]:
    """The registered rules, by family and name; only those that yield ``relation`` (a relation or a
    deal kind) when given.

    >>> [r.name for r in rules_for("licenses_from")][:2]
    ['deal.relation', 'licensing.frame_licensor']
    >>> rules_for("license_from")
    Traceback (most recent call last):
    ...
    ValueError: unknown relation 'license_from' (did you mean licenses_from?); known: ...
    """
    rules = sorted(registry().values(), key=lambda r: r.name)
    if relation is None:
        return rules
    known = list(RELATIONS) + [k for k in DEAL_KINDS]
    if relation not in known:
        import difflib

        close = difflib.get_close_matches(relation, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise ValueError(f"unknown relation {relation!r}{hint}; known: {', '.join(known)}")
    return [r for r in rules if relation in r.yields]
