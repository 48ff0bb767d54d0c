"""Entity resolution: typed mentions in, one entity per real-world thing out, every merge recorded.

:func:`resolve` groups the :class:`~extract.records.Mention` records of a corpus into
:class:`Entity` records and lists, as :class:`Merge` rows, every surface form that went
into an entity of another name, with the rule that put it there:

``pin``
    The surface is pinned to an entity in ``data/merges.json`` (typos such as ``GP-3.5``).
``gazetteer`` / ``metonym``
    A gazetteer (or a metonym entry, ``source == "metonym"``) gave the mention its
    ``canonical`` name (``Redmond`` -> ``Microsoft``).
``exact`` / ``normalised``
    The names are equal up to case and white space (``exact``), or up to dashes, quotes,
    possessive ``'s``, corporate suffixes, honorifics, hyphen-or-space and accents
    (``normalised``: ``Microsoft Corp.``, ``Phi-3-mini``, ``Mr. Huang``, ``Open AI``); see
    :mod:`graph.names`.
``short_form``
    A person called by one name (``Suleyman``, ``Uncle Jensen``, ``De Freitas``) when
    exactly one multi-token person of the same article has that surname (else that first
    name), or, when its article names nobody with it, exactly one in the corpus has that
    surname. A lone surname the tagger typed as an organisation or place (``Frosst``
    next to ``Nick Frosst``) when every article naming it names that person in full and does
    not type it a company on stronger evidence than the tagger's (``Cimatti was an Italian
    manufacturer ... Marco Cimatti founded ... Cimatti produced``: the company). A company called by the start of a longer name whose other words are
    suffix-like (``Inflection`` -> ``Inflection AI``; see ``SUFFIX_LIKE_WORDS``), or by a
    longer name without its first word (``Telekom`` after ``Deutsche Telekom``).
``spelling_variant``
    Persons and companies whose names differ in one token that is a near spelling
    (``Sulayman``/``Suleyman``): see :func:`graph.names.is_spelling_variant`. Never
    models, versions or size words.
``acronym``
    An all-capital word whose letters are the initials of a longer company or organisation name that its
    article names before it (``GIP`` after ``Global Infrastructure Partners``, ``NFL`` after ``National
    Football League``; "of", "and", "the", "for" skipped), when every article that so defines it defines it
    as one name (``MTA`` is two authorities in two articles: it stays apart).
``middle_name``
    A person's full name with middle names or initials (``Gordon Earle Moore``, ``Alon N. Cohen``) and
    the same person without them (``Gordon Moore``), named in one article: obituaries and profiles give
    the full name once ("Gordon Earle Moore was born in ..."). Only within an article: across articles,
    ``John Quincy Adams`` is not ``John Adams``.
``type_vote``
    The surface names the entity as it is but was typed differently.

Guards that keep distinct entities apart
----------------------------------------
* Fuzzy rules (``spelling_variant``, company ``short_form``) never join two groups that
  both carry a gazetteer or pinned name: the gazetteer knows them as two things.
* A company short form stays its own entity when the data say it is one: it has a
  gazetteer name itself (but for a longer name that only puts a word that is no company of
  the article before it, in any order: "Disney" in a headline, "Walt Disney" in the body),
  or it is mentioned in more articles without the longer name
  than with it, or in most articles naming both it comes first (news style introduces a
  company by its full name; ``Microsoft`` precedes ``Microsoft AI``, a division). If one
  of its articles holds two candidate longer names, it is ambiguous and stays apart.
* Two multi-token person names that are spelling variants are not joined when both
  appear in one article and neither is a gazetteer name (``Christina Smith`` and
  ``Christine Smith`` quoted in one story are two people; but an unknown near-spelling
  of a gazetteer name in its article, like ``Mustafa Sulayman`` next to ``Mustafa
  Suleyman``, is a typo).
* The similarity threshold is a :class:`difflib.SequenceMatcher` ratio of 0.8 on the one
  differing token (both tokens at least 5 characters, same first letter, neither a
  longer word built on the other): ``Sulayman``/``Suleyman`` (0.875) merge,
  ``Zuckerberg``/``Zuckerman`` (0.63) and ``Huang``/``Wang`` do not.
* A one-word company name is taken for a near-spelling of another only when exactly one
  of the two is a gazetteer or pinned name (``Nvidea`` -> ``Nvidia``): without context,
  ``Wagner``/``Warner`` or ``Cameron``/``Cameroon`` are as likely two things as one.
* Names equal but for spaces, hyphens and accents (``Open AI``/``OpenAI``) are joined only
  when their types agree (``Flo Rida`` the rapper is not ``Florida``).
* A gazetteer alias that extends its gazetteer name by a word that is not suffix-like
  (``Samsung Electronics`` of ``Samsung``) keeps its own name, in the whole corpus, once a
  sentence names both apart (more than a bracket or comma between them): "Samsung
  Electronics, a division of Samsung" names a unit and its parent.
* Forbidden pairs of ``data/merges.json`` win over every rule, gazetteers and pins included.

Rules file
----------
``data/merges.json`` (read by :func:`load_rules`) is a JSON object with two optional keys::

    {
      "pin": [{"surface": "GP-3.5", "entity": "GPT-3.5", "type": "model"}],
      "forbid": [["Microsoft", "Microsoft AI"]]
    }

``pin`` sends every mention whose surface has the same :func:`~graph.names.compact_key`
as ``surface`` to the entity named ``entity``; the optional ``type`` (one of
:data:`extract.records.ENTITY_TYPES`) outvotes every other type of that entity.
``forbid`` lists pairs of names (compared by compact key) that never end up in one
entity. A ``"comment"`` key is allowed and ignored.

Types, names and ids
--------------------
Mentions with one :func:`~graph.names.loose_key` are one name whatever their types; an
entity's type is the majority type of its mentions, where pinned types outweigh
gazetteer-sourced mentions, which outweigh the others (ties: the order of
:data:`extract.records.ENTITY_TYPES`); short forms take the type of their full name. Its display name is the pinned or
gazetteer name if any, else its most frequent full form (ties: the form whose words the
entity's mentions use most -- so a spelling backed by more short forms wins -- then the
longest, then alphabetical). Case variants count as one form, shown in their most frequent
casing that is not all capitals (``SAN FRANCISCO`` in a dateline is ``San Francisco``),
unless the name is short enough to be an acronym. Ids are :func:`entity_id` of type and name; the rare
collision of two entities on one id gets ``-2``, ``-3``... in name order.
"""
from __future__ import annotations

import csv
import dataclasses
import itertools
import json
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.resources import DATA_DIR
from extract.records import ENTITY_TYPES, Mention

from .io.atomic import atomic_open
from .names import (
    SUFFIX_LIKE_WORDS,
    SURNAME_PARTICLES,
    adds_only_legal_form,
    case_key,
    compact_key,
    display_name,
    loose_key,
    entity_id,
    has_legal_form,
    is_spelling_variant,
    normalise_name,
    strip_honorifics,
    tokens,
)

__all__ = [
    "Entity",
    "Merge",
    "Pin",
    "Resolution",
    "ResolutionRules",
    "DEFAULT_RULES_PATH",
    "entity_id",
    "load_rules",
    "normalise_name",
    "resolve",
    "resolve_articles",
    "write_merges_csv",
]

#: ``data/merges.json`` of the source checkout.
DEFAULT_RULES_PATH = DATA_DIR / "merges.json"

#: When one (surface, entity) pair was merged by several rules in different mentions,
#: the row shows the first of these.
RULE_PRIORITY = ("pin", "gazetteer", "metonym", "short_form", "acronym", "spelling_variant", "middle_name",
                 "normalised", "exact", "type_vote")

_FUZZY_TYPES = ("person", "company")
#: Anchors that come from curated data; an extractor's ``short_form`` canonical is not one.
_CURATED = frozenset({"pin", "gazetteer", "metonym"})
_TYPE_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}


@dataclass(frozen=True)
class Entity:
    """One resolved real-world entity: a node of the graph."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Merge:
    """A surface form that went into an entity of another name (or type), and why."""

    surface: str
    entity_id: str
    entity_name: str
    rule: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Pin:
    """``surface`` always means the entity named ``entity`` (of ``type``, when given)."""

    surface: str
    entity: str
    type: str | None = None


@dataclass(frozen=True)
class ResolutionRules:
    """Curated pins and forbidden pairs (see the module docstring for the file format)."""

    pins: tuple[Pin, ...] = ()
    forbids: tuple[tuple[str, str], ...] = ()


@dataclass
class Resolution:
    """The entities of a corpus, the merges that made them, and each mention's entity."""

    entities: dict[str, Entity]
    merges: list[Merge]
    by_mention: dict[Mention, str] = field(default_factory=dict, repr=False)

    resolver: "_Resolver | None" = field(default=None, repr=False, compare=False)

    def entity_of(self, mention: Mention) -> str | None:
        """The entity id of an input mention, or ``None`` if it was dropped (no name left)."""
        return self.by_mention.get(mention)

    def entities_in(self, mentions: Iterable[Mention]) -> dict[Mention, str]:
        """The entity id of each mention of one article (all of them: a short name's entity
        depends on the names around it), dropped mentions left out; what :meth:`entity_of`
        gives, computed from the resolution's per-name tables rather than looked up."""
        if self.resolver is None:
            return {m: self.by_mention[m] for m in mentions if m in self.by_mention}
        return self.resolver.entities_in(mentions)


# --------------------------------------------------------------------------- rules file


def load_rules(path: str | os.PathLike[str] | None = None) -> ResolutionRules:
    """Read pins and forbidden pairs from a ``merges.json`` file.

    Parameters
    ----------
    path : str or path-like, optional
        The file; by default :data:`DEFAULT_RULES_PATH`, and no rules at all when that
        file does not exist (an installed package without the data folder).

    Returns
    -------
    ResolutionRules

    Raises
    ------
    FileNotFoundError
        If an explicitly given `path` does not exist.
    ValueError
        If the file is not valid JSON of the documented shape.

    Examples
    --------
    >>> rules = load_rules()
    >>> any(p.surface == "GP-3.5" for p in rules.pins)
    True
    """
    if path is None:
        if not DEFAULT_RULES_PATH.exists():
            return ResolutionRules()
        path = DEFAULT_RULES_PATH
    where = os.fspath(path)
    with open(path, encoding="utf-8") as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a JSON object with 'pin' and 'forbid'")
    unknown = set(data) - {"pin", "forbid", "comment"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")

    pins = []
    for i, entry in enumerate(data.get("pin", [])):
        if not (isinstance(entry, dict) and isinstance(entry.get("surface"), str)
                and isinstance(entry.get("entity"), str) and set(entry) <= {"surface", "entity", "type"}):
            raise ValueError(f"{where}: pin {i} must be {{'surface': str, 'entity': str, 'type': str?}}")
        type_ = entry.get("type")
        if type_ is not None and type_ not in ENTITY_TYPES:
            raise ValueError(f"{where}: pin {i} has unknown type {type_!r}")
        if not compact_key(entry["surface"]) or not compact_key(entry["entity"]):
            raise ValueError(f"{where}: pin {i} has an empty name")
        pins.append(Pin(entry["surface"], entry["entity"], type_))
    seen: dict[str, Pin] = {}
    for pin in pins:
        other = seen.setdefault(compact_key(pin.surface), pin)
        if other.entity != pin.entity or other.type != pin.type:
            raise ValueError(f"{where}: {pin.surface!r} is pinned to two entities")

    forbids = []
    for i, pair in enumerate(data.get("forbid", [])):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) and compact_key(s) for s in pair)):
            raise ValueError(f"{where}: forbid {i} must be a pair of names")
        forbids.append((pair[0], pair[1]))
    return ResolutionRules(pins=tuple(pins), forbids=tuple(forbids))


# --------------------------------------------------------------------------- internals


@dataclass(frozen=True)
class _Item:
    """What resolution needs to know about a mention, the same for every mention of one form
    (surface, type, source, canonical name): computed once per form, counted per mention."""

    text: str                  # the mention's surface
    type: str                  # the mention's type
    source: str                # the rule that typed the mention
    surface_key: str           # compact key of the surface (honorifics stripped for persons)
    base_name: str             # the name it goes by before merging: pin, canonical or surface
    base_key: str              # loose key of base_name: the node it starts in
    base_compact: str          # compact key of base_name
    anchor: str | None         # "pin", "gazetteer", "metonym" or None
    pin_type: str | None = None


def _sort_key(m: Mention) -> tuple:
    return (m.article, m.start, m.end, m.text, m.type, m.source, m.canonical or "", m.sent_start, m.sent_end)


class _Groups:
    """Union-find over name keys that refuses forbidden unions and remembers why it joined."""

    def __init__(self, keys: Iterable[str], present: dict[str, set[str]], forbids: dict[str, set[str]]):
        self.parent = {k: k for k in keys}
        self.present = {k: set(present.get(k, ())) for k in self.parent}  # compact keys
        self.forbids = forbids
        self.edges: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def forbidden(self, a: str, b: str) -> bool:
        """Whether groups `a` and `b` (roots) hold a forbidden pair between them."""
        pa, pb = self.present[a], self.present[b]
        small, large = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
        return any(self.forbids.get(k, set()) & large for k in small if k in self.forbids)

    def forbidden_keys(self, keys: set[str], root: str) -> bool:
        present = self.present[root]
        return any(self.forbids.get(k, set()) & present for k in keys if k in self.forbids)

    def union(self, a: str, b: str, rule: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.forbidden(ra, rb):
            return False
        root, child = min(ra, rb), max(ra, rb)  # deterministic root, whatever the input order
        self.parent[child] = root
        if len(self.present[root]) < len(self.present[child]):
            self.present[root], self.present[child] = self.present[child], self.present[root]
        self.present[root] |= self.present.pop(child)
        self.edges[a].append((b, rule))
        self.edges[b].append((a, rule))
        return True


def _make_item(m: Mention, pins: dict[str, Pin], forbids: dict[str, set[str]]) -> _Item | None:
    surface = strip_honorifics(m.text) if m.type == "person" else m.text
    surface_key = compact_key(surface)
    if not surface_key:
        return None

    def allowed(name: str) -> bool:
        key = compact_key(name)
        return bool(key) and key not in forbids.get(surface_key, ())

    def item(name: str, anchor: str | None, pin_type: str | None = None) -> _Item:
        return _Item(m.text, m.type, m.source, surface_key, name, loose_key(name), compact_key(name), anchor, pin_type)

    pin = pins.get(surface_key) or pins.get(compact_key(m.text))
    if pin is not None and allowed(pin.entity):
        return item(pin.entity, "pin", pin.type)
    if m.canonical and allowed(m.canonical) and not adds_only_legal_form(m.canonical, surface):
        # the extractor names the full form of a short form it found ("Acme" of "Acme Robotics Inc.")
        return item(m.canonical, m.source if m.source in ("metonym", "short_form") else "gazetteer")
    return item(surface, None)


def _vote_type(counted: Iterable[tuple[_Item, int]]) -> str:
    """The type of a name or entity from ``(item, mentions)`` pairs: pins, then gazetteers, then all votes."""
    pinned, gazetteer, votes = Counter(), Counter(), Counter()
    for it, n in counted:
        if it.pin_type:
            pinned[it.pin_type] += n
        elif it.anchor or it.source in ("gazetteer", "metonym"):
            gazetteer[it.type] += n
        votes[it.type] += n
    return max(votes, key=lambda t: (pinned[t], gazetteer[t], votes[t], -_TYPE_ORDER.get(t, len(_TYPE_ORDER)), t))


def _pick_name(forms: Counter, word_use: Counter) -> str:
    """The display name among ``forms`` (counted); ``word_use`` counts the words of every mention's name."""

    def support(form: str) -> int:
        return sum(word_use[t] for t in set(tokens(form)))

    # A name some mention writes with a capital "The" ("The Browser Company") is written so: the forms
    # without it ("the Browser Company" read without the article) count for it.
    forms = Counter(forms)
    for form in [f for f in forms if f.startswith("The ") and len(f) > 4]:
        rest = form[4:]
        if rest in forms:
            forms[form] += forms.pop(rest)
    # Case variants count as one form, shown in their best casing: datelines and headlines
    # shout ("SAN FRANCISCO"), prose does not; short all-capital words are acronyms.
    by_case: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        by_case[_case_only(form)].append(form)
    totals = {key: sum(forms[f] for f in group) for key, group in by_case.items()}
    # a legal form ("Inc.", "Ltd") is the register's name, not the one news uses: an alias
    best = min(by_case, key=lambda k: (has_legal_form(k), -totals[k], -support(k), -len(k), k))

    def shouting(form: str) -> bool:
        return form.isupper() and sum(c.isalpha() for c in form) > 4

    return min(by_case[best], key=lambda f: (shouting(f), -forms[f], f))


# --------------------------------------------------------------------------- resolve


def resolve(mentions: Iterable[Mention], *, rules: ResolutionRules | None = None) -> Resolution:
    """Group mentions into entities and record every merge.

    Parameters
    ----------
    mentions : iterable of Mention
        The mentions of all articles of a corpus, in any order.
    rules : ResolutionRules, optional
        Pins and forbidden pairs; by default :func:`load_rules` of ``data/merges.json``.
        Pass ``ResolutionRules()`` for none.

    Returns
    -------
    Resolution
        ``entities`` by id (sorted), ``merges`` sorted by entity id and surface, and
        :meth:`Resolution.entity_of` for every input mention. The same mentions in any
        order give the same result.

    Examples
    --------
    >>> from extract.records import Mention
    >>> def m(article, text, type, start, canonical=None, source="ner"):
    ...     return Mention(article, text, type, start, start + len(text), 0, 99, source, canonical)
    >>> ms = [m("a1", "Mustafa Sulayman", "person", 0), m("a1", "Sulayman", "person", 40),
    ...       m("a1", "Redmond", "company", 60, "Microsoft", "metonym"),
    ...       m("a1", "Suleyman", "person", 80),
    ...       m("a2", "Mustafa Suleyman", "person", 0), m("a2", "Suleyman", "person", 30),
    ...       m("a2", "Microsoft", "company", 50, "Microsoft", "gazetteer")]
    >>> res = resolve(ms, rules=ResolutionRules())
    >>> sorted(res.entities)
    ['company:microsoft', 'person:mustafa-suleyman']
    >>> res.entities["person:mustafa-suleyman"].aliases
    ('Mustafa Sulayman', 'Sulayman', 'Suleyman')
    >>> [(g.surface, g.rule) for g in res.merges]
    [('Redmond', 'metonym'), ('Mustafa Sulayman', 'spelling_variant'), ('Sulayman', 'short_form'), ('Suleyman', 'short_form')]
    >>> res.entity_of(ms[2])
    'company:microsoft'
    """
    by_article = [tuple(group) for _, group in itertools.groupby(sorted(mentions, key=_sort_key),
                                                                  key=lambda m: m.article)]
    resolution = resolve_articles(lambda: iter(by_article), rules=rules)
    resolution.by_mention = {m: eid for group in by_article for m, eid in resolution.entities_in(group).items()}
    return resolution


def resolve_articles(articles: Callable[[], Iterable[Sequence[Mention]]], *,
                     rules: ResolutionRules | None = None) -> Resolution:
    """:func:`resolve` for a corpus too large to hold its mentions: ``articles()`` gives the
    mentions article by article (in article-id order, each article's mentions together), and
    is called three times. Memory grows with the distinct names (their forms, counts and
    article sets), not with the mentions; :meth:`Resolution.entities_in` gives the entity ids
    of one article's mentions afterwards (``by_mention`` stays empty).

    >>> from extract.records import Mention
    >>> a1 = (Mention("a1", "Inflection AI", "company", 0, 13, 0, 99), Mention("a1", "Inflection", "company", 30, 40, 0, 99))
    >>> res = resolve_articles(lambda: [a1], rules=ResolutionRules())
    >>> sorted(res.entities), sorted(res.entities_in(a1).values())
    (['company:inflection-ai'], ['company:inflection-ai', 'company:inflection-ai'])
    """
    return _Resolver(load_rules() if rules is None else rules).run(articles)


def _by_article(groups: Iterable[Sequence[Mention]]) -> Iterator[list[Mention]]:
    """Mentions regrouped by their article (two records of one article id are one article)."""
    for _, group in itertools.groupby(itertools.chain.from_iterable(groups), key=lambda m: m.article):
        yield list(group)


class _Resolver:
    """The resolution of one corpus, built from per-name tables in three passes over its articles.

    1. every mention is counted under its form's :class:`_Item` (one per surface, type, source
       and canonical name) and its name key, with the articles naming it;
    2. names are joined (compact names, spelling variants), then each article's company short
       forms are judged and the verdicts counted per short name, which joins some;
    3. each article's lone person names are placed (that depends on who else the article
       names, so it is redone, the same way, when :meth:`entities_in` is asked), and every
       entity's counts are gathered.
    """

    def __init__(self, rules: ResolutionRules):
        self.forbids: dict[str, set[str]] = defaultdict(set)
        for a, b in rules.forbids:
            ka, kb = compact_key(a), compact_key(b)
            if ka != kb:
                self.forbids[ka].add(kb)
                self.forbids[kb].add(ka)
        self.pins = {compact_key(p.surface): p for p in rules.pins}
        self.forms: dict[tuple, _Item | None] = {}
        self.article_ids: dict[str, str] = {}  # one string per article id, however often it was decoded
        self.distinct_aliases: set[str] = set()  # compact keys of gazetteer aliases used as names of their own

    def item(self, m: Mention) -> _Item | None:
        form = (m.text, m.type, m.source, m.canonical)
        try:
            return self.forms[form]
        except KeyError:
            it = _make_item(m, self.pins, self.forbids)
            it = self.forms[form] = it if it is None else self.own_name(it)
            return it

    def own_name(self, it: _Item) -> _Item:
        """`it`, or, when its surface is a gazetteer alias some article uses apart from the
        gazetteer name (see :func:`_aliases_used_apart`), `it` under its own surface."""
        if it.anchor != "gazetteer" or it.surface_key not in self.distinct_aliases:
            return it
        return dataclasses.replace(it, base_name=it.text, base_key=loose_key(it.text), base_compact=it.surface_key)

    def article_id(self, article: str) -> str:
        return self.article_ids.setdefault(article, article)

    def run(self, articles: Callable[[], Iterable[Sequence[Mention]]]) -> Resolution:
        # pass 1: names
        item_counts: Counter = Counter()  # item -> mentions
        item_articles: dict[_Item, set[str]] = defaultdict(set)
        for group in _by_article(articles()):
            items = [(m, it) for m in group if (it := self.item(m)) is not None]
            self.distinct_aliases |= _aliases_used_apart(items)
            for m, it in items:
                item_counts[it] += 1
                item_articles[it].add(self.article_id(m.article))
        key_items: dict[str, Counter] = defaultdict(Counter)  # name key -> item -> mentions
        key_articles: dict[str, set[str]] = defaultdict(set)
        person_articles: dict[str, set[str]] = defaultdict(set)  # articles naming the key as a person
        for it in sorted(item_counts, key=_item_order):
            n, arts = item_counts[it], item_articles[it]
            it = self.own_name(it)  # an item made before the article that showed its alias apart
            key_items[it.base_key][it] += n
            key_articles[it.base_key] |= arts
            if it.type == "person":
                person_articles[it.base_key] |= arts
        del item_counts, item_articles
        # the forms read before an article showed an alias used apart are renamed now
        self.forms = {form: it if it is None else self.own_name(it) for form, it in self.forms.items()}
        present: dict[str, set[str]] = defaultdict(set)
        for key, counted in key_items.items():
            for it in counted:
                present[key].update((it.surface_key, it.base_compact))
        groups = self.groups = _Groups(sorted(key_items), present, self.forbids)

        key_type = {k: _vote_type(counted.items()) for k, counted in key_items.items()}
        key_tokens = self.key_tokens = {k: min(tokens(it.base_name) for it in counted) for k, counted in key_items.items()}
        # names a curated list knows (a pin, a gazetteer or metonym entry); the extractor's own short
        # forms ("Thinking" of "Thinking Machines") are no such knowledge and must not stop a join
        anchored_keys = {k for k, counted in key_items.items() if any(it.anchor in _CURATED for it in counted)}
        anchors = {k: ({k} if k in anchored_keys else set()) for k in key_items}  # per root

        def fuzzy_union(a: str, b: str, rule: str) -> bool:
            ra, rb = groups.find(a), groups.find(b)
            if ra == rb or (anchors[ra] and anchors[rb]):
                return False
            if not groups.union(a, b, rule):
                return False
            root = groups.find(a)
            anchors[root] = anchors[ra] | anchors[rb]
            return True

        _merge_compact_names(key_items, key_type, groups)
        _merge_spelling_variants(key_items, key_type, key_tokens, key_articles, anchored_keys, fuzzy_union)
        _merge_middle_names(key_type, key_tokens, person_articles, fuzzy_union)
        # pass 2: company short forms, judged article by article
        verdicts: dict[str, _Verdicts] = defaultdict(_Verdicts)
        expansions: dict[str, set[str]] = defaultdict(set)  # acronym key -> the names it stands for
        for group in _by_article(articles()):
            first = self.company_starts(group)
            if first:
                _judge_company_short_forms(first, groups, key_tokens, anchored_keys, verdicts)
            for acronym, long_ in _defined_acronyms([(m, it) for m in group if (it := self.item(m)) is not None]):
                expansions[acronym].add(groups.find(long_))
        short_keys = _join_company_short_forms(verdicts, groups, fuzzy_union)
        acronym_keys = set()
        for acronym, roots in sorted(expansions.items()):
            if len(roots) == 1 and fuzzy_union(acronym, next(iter(roots)), "acronym"):
                acronym_keys.add(acronym)  # a short form: the name it stands for is the entity's name and type
        short_keys |= acronym_keys
        self.persons = _PersonNames(groups, key_tokens, person_articles, key_articles)
        # pass 3: every mention's entity, counted per entity
        members: dict[str, dict[tuple[_Item, str | None], list]] = defaultdict(dict)
        for group in _by_article(articles()):
            for m, it, root, rule in self.placed(group):
                count = members[root].setdefault((it, rule), [0, set()])
                count[0] += 1
                count[1].add(self.article_id(m.article))
        resolution, self.root_ids = _build_resolution(members, groups, short_keys, acronym_keys)
        resolution.resolver = self
        return resolution

    def company_starts(self, group: Sequence[Mention]) -> dict[str, int]:
        """First offset of each company name key in one article."""
        first: dict[str, int] = {}
        for m in group:
            it = self.item(m)
            if it is not None and it.type == "company":
                first[it.base_key] = min(first.get(it.base_key, m.start), m.start)
        return first

    def placed(self, group: Sequence[Mention]) -> Iterator[tuple[Mention, _Item, str, str | None]]:
        """``(mention, item, root, rule)`` of one article's mentions: the root of its entity's
        names, and the mention-level rule that sent it there (a person's short form), if any."""
        items = [(m, it) for m in group if (it := self.item(m)) is not None]
        context = self.persons.article_context(items)
        for m, it in items:
            target, rule = self.persons.target(m, it, context)
            yield m, it, target if target is not None else self.groups.find(it.base_key), rule

    def entities_in(self, mentions: Iterable[Mention]) -> dict[Mention, str]:
        return {m: self.root_ids[root] for group in _by_article([mentions]) for m, _, root, _ in self.placed(group)}


def _item_order(it: _Item) -> tuple:
    return (it.text, it.type, it.source, it.base_name, it.anchor or "", it.pin_type or "")


#: Characters between a name and its short form that make the short form a definition of
#: the name, not a second entity: "Samsung Electronics (Samsung)", "Samsung Electronics, Samsung".
_DEFINING_GAP = 3


def _aliases_used_apart(items: Sequence[tuple[Mention, _Item]]) -> set[str]:
    """Compact keys of the gazetteer aliases one article uses beside the gazetteer name they
    extend, as two entities of one sentence ("Samsung Electronics, a division of Samsung").

    A gazetteer lists a unit under its parent's name when news mostly uses the two for one
    company; a sentence that names both, apart, says they are two -- when the longer name adds
    a word that can name a unit ("Electronics", "Research", "Cloud"), not only suffix-like
    words (:data:`~graph.names.SUFFIX_LIKE_WORDS`: "Dell Technologies ... on Dell PowerEdge
    servers" is one company). The longer name of the pair keeps its own name, corpus-wide:
    the unit is a company of its own wherever it is named.
    """
    by_sentence: dict[tuple[int, str], list[tuple[Mention, _Item]]] = defaultdict(list)
    for m, it in items:
        if it.anchor == "gazetteer" and it.type == "company":
            by_sentence[(m.sent_start, it.base_key)].append((m, it))
    apart: set[str] = set()
    for (_, _), named in sorted(by_sentence.items()):
        for (m_long, long_), (m_short, short) in itertools.permutations(named, 2):
            long_toks, short_toks = tokens(long_.text), tokens(short.text)
            if (long_.surface_key == long_.base_compact or len(long_toks) <= len(short_toks)
                    or long_toks[:len(short_toks)] != short_toks):
                continue  # not a longer alias of the name beside it
            if all(t in SUFFIX_LIKE_WORDS for t in long_toks[len(short_toks):]):
                continue  # "Dell Technologies", "Dell": a name and its suffix, one company
            if 0 <= m_short.start - m_long.end <= _DEFINING_GAP:
                continue  # "Samsung Electronics (Samsung)": the short form is defined
            apart.add(long_.surface_key)
    return apart


def _merge_compact_names(by_key, key_type, groups) -> None:
    # "OpenAI"/"Open AI", "GPT4"/"GPT-4": one name when the type agrees too.
    # And "The Browser Company"/"Browser Company" (the article is no word of the name), within a type too:
    # "The Atlantic", a magazine, is not the Atlantic.
    same: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(by_key):
        words = key.split(" ")
        same[(key_type[key], compact_key(" ".join(words[1:]) if len(words) > 1 and words[0] == "the" else key))].append(key)
    for keys in same.values():
        for other in keys[1:]:
            groups.union(keys[0], other, "normalised")


def _merge_spelling_variants(by_key, key_type, key_tokens, key_articles, anchored_keys, fuzzy_union) -> None:
    # Blocking: names of one type and length that agree on every token but one, and on
    # that token's first letter, share a block; only names within a block are compared.
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for key in sorted(by_key):
        type_, toks = key_type[key], key_tokens[key]
        if type_ not in _FUZZY_TYPES or (type_ == "person" and len(toks) < 2):
            continue  # a lone person name is a short form; the short-form rules place it
        for i, tok in enumerate(toks):
            if len(tok) >= 5:
                blocks[(type_, len(toks), toks[:i], toks[i + 1:], i, tok[0])].append(key)
    for block_key in sorted(blocks):
        type_, length, _, _, i, _ = block_key
        keys = blocks[block_key]
        if length == 1:
            # a lone word has no context: only a known name's near-spelling is taken
            known = [k for k in keys if k in anchored_keys]
            pairs = [(a, b) for a in known for b in keys if b not in anchored_keys]
        else:
            pairs = [(a, b) for x, a in enumerate(keys) for b in keys[x + 1:]]
        for a, b in pairs:
            if (type_ == "person" and key_articles[a] & key_articles[b]
                    and a not in anchored_keys and b not in anchored_keys):
                continue  # two unknown spellings in one story: two people
            # one changed letter in five is another word ("Bosch"/"Busch"); lone words need six
            min_length = 6 if length == 1 else 5
            if is_spelling_variant(key_tokens[a][i], key_tokens[b][i], min_length=min_length):
                fuzzy_union(a, b, "spelling_variant")


#: Types whose names an acronym stands for.
_ACRONYM_TYPES = frozenset({"company", "organization", "publication"})
#: Words an acronym leaves out: "Recording Industry Association of America" is "RIAA".
_ACRONYM_SKIPPED = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "la", "le"})
_NAME_WORD_SPLIT = re.compile(r"[\s\-\u2010-\u2015]+")


def initials(name: str) -> str | None:
    """The initials of a multi-word name of capitalised words (function words skipped), or ``None``.

    >>> initials("Global Infrastructure Partners"), initials("Recording Industry Association of America")
    ('GIP', 'RIAA')
    >>> initials("Nokia"), initials("the unit of Nokia")
    (None, None)
    """
    words = [w for w in _NAME_WORD_SPLIT.split(name) if w and w.casefold() not in _ACRONYM_SKIPPED]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _defined_acronyms(items: Sequence[tuple[Mention, _Item]]) -> Iterator[tuple[str, str]]:
    """``(acronym key, name key)`` of one article's acronyms that spell the initials of a longer name the
    article names before them: "BlackRock ... its Global Infrastructure Partners unit ... agreed to buy GIP",
    "the Public Investment Fund (PIF)". A reader takes the acronym for the name it abbreviates."""
    first: dict[str, tuple[int, _Item]] = {}
    for m, it in items:
        if it.type in _ACRONYM_TYPES and (it.base_key not in first or m.start < first[it.base_key][0]):
            first[it.base_key] = (m.start, it)
    by_initials: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, (start, it) in first.items():
        spelled = initials(it.base_name)
        if spelled is not None:
            by_initials[spelled].append((start, key))
    for key, (start, it) in sorted(first.items()):
        if it.anchor or not _is_acronym(it.text):
            continue
        before = {long_ for long_start, long_ in by_initials.get(it.text, ()) if long_start < start}
        if len(before) == 1:
            yield key, before.pop()


def _without_middle_names(toks: tuple[str, ...]) -> tuple[str, ...] | None:
    """A person's name without its middle names or initials, or ``None`` when it has none, or when a
    word between is a surname particle ("Mohammed bin Salman" is no "Mohammed Salman").

    >>> _without_middle_names(("gordon", "earle", "moore")), _without_middle_names(("alon", "n.", "cohen"))
    (('gordon', 'moore'), ('alon', 'cohen'))
    >>> _without_middle_names(("mohammed", "bin", "salman")), _without_middle_names(("gordon", "moore"))
    (None, None)
    """
    if len(toks) < 3 or any(t in SURNAME_PARTICLES for t in toks):
        return None
    return (toks[0], toks[-1])


def _merge_middle_names(key_type, key_tokens, person_articles, fuzzy_union) -> None:
    # "Gordon Earle Moore was born in 1929" in the obituary of "Gordon Moore": one person, when one article
    # names both and no other middle name of the same first name and surname (two people: a father and a son)
    by_short: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in sorted(person_articles):
        short = _without_middle_names(key_tokens[key]) if key_type[key] == "person" else None
        if short is not None:
            by_short[short].append(key)
    short_keys = {key_tokens[k]: k for k in sorted(person_articles) if key_type[k] == "person" and len(key_tokens[k]) == 2}
    for short, longs in sorted(by_short.items()):
        target = short_keys.get(short)
        if target is None or len(longs) != 1:
            continue
        (long_,) = longs
        if person_articles[long_] & person_articles[target]:
            fuzzy_union(long_, target, "middle_name")


@dataclass
class _Verdicts:
    """What the articles naming a company short form say about it (see :func:`_judge_company_short_forms`)."""

    kinds: Counter = field(default_factory=Counter)  # "ambiguous", "with" (a longer name), "alone"
    roots: set = field(default_factory=set)  # the longer names' groups
    long_first: int = 0  # articles naming the longer name first


def _judge_company_short_forms(keys: dict[str, int], groups, key_tokens, anchored_keys, verdicts) -> None:
    """Count one article's verdicts on its company names that begin a longer one of the article;
    ``keys`` holds the first offset of each company name key in the article."""
    longer_by_first: dict[str, list[str]] = defaultdict(list)
    longer_by_last: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        if len(key_tokens[key]) >= 2:
            longer_by_first[key_tokens[key][0]].append(key)
            longer_by_last[key_tokens[key][-1]].append(key)
    one_word = {key_tokens[k][0] for k in keys if len(key_tokens[k]) == 1}
    for short in sorted(keys):
        # a gazetteer name is an entity on its own, but for its full name with a leading word the gazetteer does
        # not know ("Walt Disney" of "Disney"; not "Google DeepMind" of "DeepMind", with a known company first)
        anchored = short in anchored_keys
        toks = key_tokens[short]
        n = len(toks)
        cands: dict[str, int] = {}
        for long_ in () if anchored else longer_by_first.get(toks[0], ()):
            ltoks = key_tokens[long_]
            if len(ltoks) > n and ltoks[:n] == toks and all(t in SUFFIX_LIKE_WORDS for t in ltoks[n:]):
                root = groups.find(long_)
                cands[root] = min(cands.get(root, keys[long_]), keys[long_])
        for long_ in longer_by_last.get(toks[-1], ()):
            if _drops_a_leading_word(key_tokens[long_], toks, one_word) and not (anchored and long_ in anchored_keys):
                root = groups.find(long_)
                # (a gazetteer's name in any order: "Disney jumps" in a headline before "Walt Disney rose"; a known
                # company is no unit of a longer name that only puts a word that is no company before it)
                cands[root] = -1 if anchored else min(cands.get(root, keys[long_]), keys[long_])
        found = verdicts[short]
        if len(cands) > 1:
            found.kinds["ambiguous"] += 1
        elif cands:
            (root, start), = cands.items()
            found.kinds["with"] += 1
            found.roots.add(root)
            found.long_first += start < keys[short]
        else:
            found.kinds["alone"] += 1


def _drops_a_leading_word(long_toks: tuple[str, ...], toks: tuple[str, ...], companies: set[str]) -> bool:
    """Whether ``toks`` is ``long_toks`` without its first word, as news shortens "Deutsche Telekom"
    to "Telekom" or "SoftBank Vision Fund" to "Vision Fund"; not when the short name is a suffix
    ("Mistral AI" is not "AI") or the dropped word is a company of the article ("Meta Reality
    Labs": a parent and its unit).

    >>> _drops_a_leading_word(("deutsche", "telekom"), ("telekom",), set())
    True
    >>> _drops_a_leading_word(("meta", "reality", "labs"), ("reality", "labs"), {"meta"})
    False
    """
    return (len(long_toks) == len(toks) + 1 and long_toks[1:] == toks and toks[-1] not in SUFFIX_LIKE_WORDS
            and long_toks[0] not in companies and long_toks[0] not in SURNAME_PARTICLES)


def _join_company_short_forms(verdicts: dict[str, _Verdicts], groups, fuzzy_union) -> set[str]:
    joined = set()
    for short in sorted(verdicts):
        found = verdicts[short]
        kinds, roots = found.kinds, found.roots
        if kinds["ambiguous"] or len(roots) != 1 or kinds["alone"] > kinds["with"]:
            continue
        if found.long_first * 2 <= kinds["with"]:
            continue  # the short name usually comes first: a company of its own
        (root,) = roots
        if groups.find(short) != groups.find(root) and fuzzy_union(short, root, "short_form"):
            joined.add(short)
    return joined


def _surname_tails(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The ways a full name can be shortened to a surname: ``("freitas",)``, ``("de", "freitas")``."""
    return [toks[-k:] for k in range(1, len(toks)) if k == 1 or toks[-k] in SURNAME_PARTICLES]


def _is_full_name(toks: tuple[str, ...]) -> bool:
    return len(toks) >= 2 and toks[0] not in SURNAME_PARTICLES


class _PersonNames:
    """The full person names of the corpus, by first name and by surname, for placing lone names."""

    def __init__(self, groups: _Groups, key_tokens, person_articles, key_articles):
        self.groups, self.key_tokens, self.key_articles = groups, key_tokens, key_articles
        self.lasts: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.firsts: dict[str, set[str]] = defaultdict(set)
        self.last_names: dict[str, set[str]] = defaultdict(set)  # root -> its one-word surnames
        self.root_articles: dict[str, set[str]] = defaultdict(set)
        for key in sorted(person_articles):
            toks = key_tokens[key]
            if not _is_full_name(toks):
                continue
            root = groups.find(key)
            for tail in _surname_tails(toks):
                self.lasts[tail].add(root)
            self.firsts[toks[0]].add(root)
            self.last_names[root].add(toks[-1])
            self.root_articles[root] |= person_articles[key]

    def article_context(self, items) -> tuple[set[str], dict[str, list[tuple[int, int]]], set[str]]:
        """The full names' groups of one article, where each is named (offset, sentence), and
        the names the article types a company on more than the tagger's word."""
        here: set[str] = set()
        full_starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
        companies: set[str] = set()
        for m, it in items:
            if it.type == "person" and _is_full_name(self.key_tokens[it.base_key]):
                root = self.groups.find(it.base_key)
                here.add(root)
                full_starts[root].append((m.start, m.sent_start))
            elif it.type == "company" and not it.source.startswith("ner"):
                companies.add(it.base_key)
        return here, full_starts, companies

    def target(self, m: Mention, it: _Item, context) -> tuple[str | None, str | None]:
        """The group a lone name in an article goes to, and the rule, or ``(None, None)``."""
        groups, key_tokens = self.groups, self.key_tokens
        here, full_starts, companies = context
        toks = key_tokens[it.base_key]
        if it.anchor or not (len(toks) == 1 or (len(toks) > 1 and toks[0] in SURNAME_PARTICLES)):
            return None, None
        if it.type == "person":
            own = groups.find(it.base_key)
            if own in self.last_names:
                return None, None  # its own name group already holds a full name
            steps = [(self.lasts.get(toks, set()) & here, "short_form")]
            if len(toks) == 1:
                (word,) = toks
                steps += [
                    (self.firsts.get(word, set()) & here, "short_form"),
                    ({r for r in here if any(is_spelling_variant(word, last) for last in self.last_names[r])},
                     "spelling_variant"),
                    (self.lasts.get(toks, set()), "short_form"),
                ]
        elif it.source.startswith("ner"):
            # A statistical tagger often types a lone surname as an organisation or place
            # ("Frosst said" next to "Nick Frosst"). Taken only when every article naming it
            # also names that person in full, so the company Dell, named apart from
            # Michael Dell elsewhere, stays a company. Nor when the article types the name a
            # company on stronger evidence ("Cimatti was an Italian manufacturer"): the extractor
            # keeps the tagger's source on mentions whose type it agrees with, so the tagger's
            # "Cimatti produced ..." is the company named after Marco Cimatti, not him.
            if it.base_key in companies:
                return None, None
            cands = self.lasts.get(toks, set()) & here
            if len(cands) != 1 or not self.key_articles[it.base_key] <= self.root_articles[next(iter(cands))]:
                return None, None
            steps = [(cands, "short_form")]
        else:
            return None, None
        target = rule = None
        for candidates, rule_name in steps:
            if len(candidates) > 1:
                # two people share the name ("Dario Amodei and Daniela Amodei"): the one named in full more
                # often before this mention, the article's subject, is meant (an obituary's "Dr. Varney",
                # named in its headline and lead, after "said her husband, Thomas Varney"); at a tie, the one
                # named in full most recently before it, unless both were last named in one sentence or
                # neither before it; then it stays a name of its own
                named = Counter({r: sum(p[0] < m.start for p in full_starts[r]) for r in candidates})
                (top, n_top), (_, n_next) = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
                if n_top > n_next:
                    target, rule = top, rule_name
                    break
                before = {r: max((p for p in full_starts[r] if p[0] < m.start), default=(-1, -1)) for r in candidates}
                best = sorted(before, key=lambda r: (-before[r][0], r))
                if before[best[0]][0] >= 0 and before[best[0]][1] != before[best[1]][1]:
                    target, rule = best[0], rule_name
                break
            if candidates:
                (target,) = candidates
                rule = rule_name
                break
        if target is not None and not groups.forbidden_keys({it.surface_key, it.base_compact}, target):
            return target, rule
        return None, None


def _build_resolution(members, groups, short_keys, acronym_keys=frozenset()) -> tuple[Resolution, dict[str, str]]:
    """Entities and merges from each root's ``(item, rule) -> [mentions, articles]``; also the entity id of each root."""
    drafts = []
    for root in sorted(members):
        counted = members[root]
        # a short form takes the type of the full name it was matched to
        # (and an acronym the type of the name it stands for: the tagger calls "FCC" a company)
        type_ = _vote_type([(it, c[0]) for (it, rule), c in counted.items() if rule is None and it.base_key not in acronym_keys]
                           or [(it, c[0]) for (it, _), c in counted.items()])
        pinned, canon, full, word_use = Counter(), Counter(), Counter(), Counter()
        for (it, rule), (n, _) in counted.items():
            if it.anchor == "pin":
                pinned[it.base_name] += n
            elif it.anchor in ("gazetteer", "metonym"):
                canon[it.base_name] += n
            for t in tokens(it.base_name):
                word_use[t] += n
        if not pinned and not canon:
            full_items = ([(it, c[0]) for (it, rule), c in counted.items() if rule is None and it.base_key not in short_keys]
                          or [(it, c[0]) for (it, _), c in counted.items()])
            if type_ == "person":
                full_items = [(it, n) for it, n in full_items if len(tokens(it.base_name)) >= 2] or full_items
            for it, n in full_items:
                full[display_name(it.base_name)] += n
        forms = pinned or canon or full
        name = _pick_name(forms, word_use)
        drafts.append((entity_id(type_, name), name, type_, root, counted))

    # Ids: the rare collision (two entities, one slug) is numbered in a fixed order.
    drafts.sort(key=lambda d: (d[0], d[1].casefold(), d[1], d[3]))
    entities: dict[str, Entity] = {}
    merges_rows: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    root_ids: dict[str, str] = {}
    used: Counter = Counter()
    for base_id, name, type_, root, counted in drafts:
        if base_id.endswith(":"):
            base_id += "-".join(f"{ord(c):x}" for c in name)[:40]
        used[base_id] += 1
        eid = base_id if used[base_id] == 1 else f"{base_id}-{used[base_id]}"
        root_ids[root] = eid
        name_key = loose_key(name)
        first_hop = _first_hops(groups, name_key, {it.base_key for it, _ in counted})
        articles = sorted(set().union(*(arts for _, arts in counted.values())))
        name_case = case_key(name)
        aliases = sorted({it.text for it, _ in counted if case_key(it.text) != name_case})
        entities[eid] = Entity(eid, name, type_, tuple(aliases), sum(n for n, _ in counted.values()), tuple(articles))
        for (it, rule_of_mention), (_, arts) in counted.items():
            rule = _rule_of(it, rule_of_mention, name, type_, name_key, first_hop)
            if rule is not None:
                rules_seen, row_articles = merges_rows.setdefault((it.text, eid), (set(), set()))
                rules_seen.add(rule)
                row_articles |= arts
    merges = [
        Merge(surface, eid, entities[eid].name, min(rules_seen, key=RULE_PRIORITY.index), tuple(sorted(arts)))
        for (surface, eid), (rules_seen, arts) in merges_rows.items()
    ]
    merges.sort(key=lambda g: (g.entity_id, g.surface, g.rule))
    return Resolution(dict(sorted(entities.items())), merges), root_ids


def _first_hops(groups: _Groups, name_key: str, keys: set[str]) -> dict[str, str]:
    """For each key of a group, the rule of the first union on its way to the name's key."""
    hops: dict[str, str] = {}
    if name_key not in groups.parent:
        return hops
    frontier, seen = [name_key], {name_key}
    while frontier:
        nxt = []
        for key in frontier:
            for other, rule in sorted(groups.edges.get(key, ())):
                if other not in seen:
                    seen.add(other)
                    hops[other] = rule
                    nxt.append(other)
        frontier = nxt
    return hops


def _rule_of(it: _Item, mention_rule: str | None, name: str, type_: str, name_key: str,
             first_hop: dict[str, str]) -> str | None:
    surface = it.text
    if surface == name:
        return "type_vote" if it.type != type_ else None
    if mention_rule is not None:
        return mention_rule
    if it.anchor and it.surface_key != it.base_compact:
        return it.anchor
    if it.base_key != name_key and it.base_key in first_hop:
        return first_hop[it.base_key]
    return "exact" if _case_only(surface) == _case_only(name) else "normalised"


def _case_only(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())



# --------------------------------------------------------------------------- output


def write_merges_csv(resolution: Resolution, path: str | os.PathLike[str]) -> None:
    """Write the merge table as CSV, replacing `path` atomically.

    Columns ``surface, entity_id, entity_name, rule, articles``; ``articles`` joined by
    ``|``; rows sorted by entity id, surface and rule. A cell a spreadsheet would run as a
    formula (``@Acme Inc``, ``-Minus Inc``) is written as its JSON string (``"@Acme Inc"``),
    as ``newsgraph export --format csv`` does (:func:`graph.io.tables.spreadsheet_safe`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from extract.records import Mention
    >>> ms = [Mention("a1", "Inflection AI", "company", 0, 13, 0, 99),
    ...       Mention("a1", "Inflection", "company", 30, 40, 0, 99)]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = pathlib.Path(tmp) / "merges.csv"
    ...     write_merges_csv(resolve(ms, rules=ResolutionRules()), out)
    ...     print(out.read_text(), end="")
    surface,entity_id,entity_name,rule,articles
    Inflection,company:inflection-ai,Inflection AI,short_form,a1
    """
    from .io.tables import spreadsheet_safe  # the one neutraliser, shared with export csv

    rows = sorted(
        (g.surface, g.entity_id, g.entity_name, g.rule, "|".join(g.articles)) for g in resolution.merges
    )
    rows.sort(key=lambda r: (r[1], r[0], r[3]))
    with atomic_open(path, "w") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("surface", "entity_id", "entity_name", "rule", "articles"))
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
