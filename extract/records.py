"""The records that leave ``extract/``: small frozen dataclasses, no spaCy objects.

Data flows one way: :class:`Article` -> (spaCy ``Doc``, inside ``extract/`` only) ->
:class:`Mention`, :class:`Relation`, :class:`Deal`, :class:`Attribute` records, gathered
per article in an :class:`Extraction`. ``graph/`` resolves and builds from these alone,
so they must stay picklable and cheap (a cache stores them per article).
"""
from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

#: Entity types we extract. ``company``, ``person`` and ``model`` are scored; the others
#: are kept so that the graph can show them (and so that they are not mistyped as scored ones).
ENTITY_TYPES = ("company", "person", "model", "product", "organization", "publication", "place")

#: Relations of SCHEMA.md (``party`` edges come from deals), defined in :mod:`extract.schema`.
from .schema import RELATIONS, SYMMETRIC_RELATIONS  # noqa: E402,F401

DEAL_KINDS = ("investment", "acquisition", "licensing", "partnership", "hiring", "other")
DEAL_ROLES = ("buyer", "seller", "investor", "investee", "licensor", "licensee", "partner", "employer")


@dataclass(frozen=True)
class Article:
    """One input article. ``id`` is stable: the path relative to the input root, or the JSONL ``id``."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601, partial allowed ("2024", "2024-05", "2024-05-06")
    path: str | None = None  # where it was read from, for messages


@dataclass(frozen=True)
class Skip:
    """An input that could not be read; the build reports it and goes on."""

    path: str
    reason: str


@dataclass(frozen=True)
class Evidence:
    """A sentence that states something; ``start``/``end`` are offsets of the sentence in the article text.

    spaCy's sentences keep the white space after them (the ``"\\n\\n"`` before the next paragraph):
    it is trimmed here, where every rule's evidence is made, with the offsets moved to match, so
    that ``text[start:end] == sentence`` still holds.

    >>> Evidence("a", "Arm sued Qualcomm.\\n\\n", 10, 30)
    Evidence(article='a', sentence='Arm sued Qualcomm.', start=10, end=28)
    """

    article: str
    sentence: str
    start: int
    end: int

    def __post_init__(self):
        trimmed = self.sentence.strip()
        if trimmed != self.sentence:  # frozen: set through object, once, at construction
            lead = len(self.sentence) - len(self.sentence.lstrip())
            object.__setattr__(self, "start", self.start + lead)
            object.__setattr__(self, "end", self.start + len(trimmed))
            object.__setattr__(self, "sentence", trimmed)


@dataclass(frozen=True)
class Mention:
    """One typed entity mention.

    ``text`` is the surface form as cleaned for naming (possessive ``'s`` and quotes removed);
    ``start``/``end`` are character offsets of that cleaned form in the article text.
    ``canonical`` is the gazetteer's canonical name when a gazetteer (or a metonym entry)
    recognised the mention, else ``None``. ``source`` says which rule typed it
    (``gazetteer``, ``metonym``, ``model_shape``, ``ner``, ``context``...).
    """

    article: str
    text: str
    type: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    source: str = "ner"
    canonical: str | None = None


@dataclass(frozen=True)
class Relation:
    """A typed relation between two mentions, with the sentence that states it."""

    source: Mention
    relation: str
    target: Mention
    evidence: Evidence
    confidence: float
    rule: str


@dataclass(frozen=True)
class DealParty:
    mention: Mention
    role: str


@dataclass(frozen=True)
class Deal:
    """One transaction as stated in one article (the graph merges the same deal across articles)."""

    article: str
    kind: str
    parties: tuple[DealParty, ...]
    evidence: Evidence
    amount_usd: float | None = None
    amount: float | None = None  # in ``currency`` when it is not USD
    currency: str | None = None
    date: str | None = None
    confidence: float = 0.7
    rule: str = ""

    @property
    def roles(self) -> frozenset[tuple[str, str]]:
        """Each party as (text as written, role): the deal's shape at a glance, in tests and notebooks.

        Examples
        --------
        >>> evidence = Evidence("a1", "Initech bought Acme.", 0, 20)
        >>> party = lambda text, role: DealParty(Mention("a1", text, "company", 0, len(text), 0, 20), role)
        >>> deal = Deal("a1", "acquisition", (party("Initech", "buyer"), party("Acme", "seller")), evidence)
        >>> sorted(deal.roles)
        [('Acme', 'seller'), ('Initech', 'buyer')]
        """
        return frozenset((party.mention.text, party.role) for party in self.parties)


@dataclass(frozen=True)
class Attribute:
    """A stated attribute of an entity, e.g. a model's ``parameters``."""

    mention: Mention
    name: str
    value: int | float | str
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the unit the cache stores and workers return."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    deals: tuple[Deal, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def to_dict(record) -> dict:
    """A record as plain JSON-ready data (nested records become dicts): what ``dataclasses.asdict`` gives.

    ``asdict`` deep-copies every string and number and asks every value whether it is a dataclass, a
    fifth of writing each article's records to a build's spill; records hold strings, numbers, tuples and
    records, which need no copy (see :func:`_plain`).

    >>> m = Mention("a1", "Acme", "company", 0, 4, 0, 10)
    >>> to_dict(Extraction(Article("a1", "Acme rose."), mentions=(m,))) == dataclasses.asdict(Extraction(Article("a1", "Acme rose."), mentions=(m,)))
    True
    """
    return _plain(record)


#: Values ``dataclasses.asdict`` returns as they are (its deep copy of an immutable atom is the atom).
_ATOMS = frozenset((str, int, float, bool, type(None)))

#: Field names per record class, read once.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj):
    """``dataclasses.asdict``'s conversion of ``obj``, without copying the atoms it would copy to themselves."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(obj))
        elif isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a named tuple, as asdict rebuilds it
            return kind(*[_plain(v) for v in obj])
        elif isinstance(obj, (list, tuple)):
            return kind(_plain(v) for v in obj)
        elif isinstance(obj, dict):
            return kind((_plain(k), _plain(v)) for k, v in obj.items())
        else:
            return copy.deepcopy(obj)
    return {name: _plain(getattr(obj, name)) for name in names}
