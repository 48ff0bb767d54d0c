"""The relation schema, defined once: which entity types each relation connects, and which are symmetric.

Extraction (:mod:`extract.relations`), the graph (:mod:`graph.build`) and the viewer (serialised into
the page) all read this table; ``../shared/SCHEMA.md`` is the contract it follows.

>>> fits("develops", "company", "model"), fits("develops", "person", "model")
(True, False)
>>> fits("competes_with", "company", "model")  # rivals are of one type
False
>>> SCHEMA["partners_with"].symmetric
True
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RelationType:
    name: str
    sources: frozenset[str]
    targets: frozenset[str]
    symmetric: bool = False
    #: both ends of one type ("competes_with": a company rivals a company, a model a model)
    same_type: bool = False

    def as_dict(self) -> dict:
        return {"sources": sorted(self.sources), "targets": sorted(self.targets),
                "symmetric": self.symmetric, "same_type": self.same_type}


def _relation(name: str, sources: str, targets: str, **flags) -> RelationType:
    return RelationType(name, frozenset(sources.split()), frozenset(targets.split()), **flags)


#: relation -> what it connects; the order is the order of SCHEMA.md.
SCHEMA: dict[str, RelationType] = {r.name: r for r in (
    _relation("works_for", "person", "company organization publication"),
    _relation("leads", "person", "company organization publication"),
    _relation("founded", "person", "company organization publication"),
    _relation("develops", "company organization", "model product"),
    _relation("invests_in", "company", "company"),
    _relation("acquires", "company", "company"),
    _relation("licenses_from", "company", "company"),
    _relation("part_of", "company organization publication", "company organization"),
    _relation("partners_with", "company", "company", symmetric=True),
    _relation("competes_with", "company model product", "company model product", symmetric=True, same_type=True),
)}

RELATIONS: tuple[str, ...] = tuple(SCHEMA)
SYMMETRIC_RELATIONS: frozenset[str] = frozenset(name for name, r in SCHEMA.items() if r.symmetric)


def fits(relation: str, source_type: str, target_type: str) -> bool:
    """Whether ``relation`` may connect an entity of ``source_type`` to one of ``target_type``
    (lower-case entity types, as in the graph; spaCy labels are their upper-case forms)."""
    r = SCHEMA.get(relation)
    if r is None or source_type not in r.sources or target_type not in r.targets:
        return False
    return not r.same_type or source_type == target_type


def schema_data() -> dict:
    """The schema as plain JSON data (for the viewer page)."""
    return {name: r.as_dict() for name, r in SCHEMA.items()}
