"""A small evaluator of DependencyMatcher patterns: the operators our rules use, walked from the root.

Our dependency rules are spaCy DependencyMatcher patterns (``data/patterns/*.json``), and the registry
tests build them with the DependencyMatcher, so every pattern is one spaCy accepts. At run time, though,
the DependencyMatcher first runs a token Matcher over every token of the Doc for every node, which cost
about a tenth of all extraction time for two patterns. Our patterns start from a node with a word list
and only step to children (``>``) or the head (``<``), so walking the tree from the few tokens that can
be the root finds the same matches in a fraction of the time. ``tests/extract/test_treematch.py`` checks
that both give the same matches.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Acme", "bought", "Beta"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"], lemmas=["Acme", "buy", "Beta"])
>>> pattern = TreePattern([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "buy"}},
...                        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o", "RIGHT_ATTRS": {"DEP": "dobj"}}])
>>> [[t.text for t in m] for m in pattern.matches(doc)]
[['bought', 'Beta']]
"""
from __future__ import annotations

from operator import attrgetter
from typing import Iterator

from spacy.tokens import Doc, Token

from ..tokens import tokens_where

#: Token attributes a pattern may test, as read off a Token (getters in C: predicates run 100k times per 300 articles).
_ATTRS = {
    "ORTH": attrgetter("text"), "TEXT": attrgetter("text"), "LOWER": attrgetter("lower_"), "LEMMA": attrgetter("lemma_"),
    "POS": attrgetter("pos_"), "TAG": attrgetter("tag_"), "DEP": attrgetter("dep_"), "ENT_TYPE": attrgetter("ent_type_"),
}
SUPPORTED_OPS = frozenset({">", "<"})


class UnsupportedPattern(ValueError):
    """A pattern with an operator or attribute the tree walk does not evaluate."""


def _predicate(attrs: dict):
    tests = []
    for key, value in attrs.items():
        if key not in _ATTRS:
            raise UnsupportedPattern(f"attribute {key} is not supported")
        read = _ATTRS[key]
        if isinstance(value, dict):
            if set(value) - {"IN", "NOT_IN"}:
                raise UnsupportedPattern(f"{key}: only IN and NOT_IN are supported")
            inside = frozenset(value.get("IN", ())) if "IN" in value else None
            outside = frozenset(value.get("NOT_IN", ()))
            # (the same test as "(inside is None or v in inside) and v not in outside", without the parts it lacks)
            if inside is None:
                tests.append(lambda t, read=read, outside=outside: read(t) not in outside)
            elif not outside:
                tests.append(lambda t, read=read, inside=inside: read(t) in inside)
            else:
                tests.append(lambda t, read=read, inside=inside, outside=outside:
                             read(t) in inside and read(t) not in outside)
        else:
            tests.append(lambda t, read=read, value=value: read(t) == value)
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda token: first(token) and second(token)
    return lambda token: all(test(token) for test in tests)


def _root_selection(attrs: dict) -> tuple[str, tuple[str, ...]] | None:
    """``(attribute, values)`` of the first test of ``attrs`` that names the values a token must have
    (an equality or an ``IN`` list without the empty string), for :func:`~extract.tokens.tokens_where`."""
    for key, value in attrs.items():
        values = (value,) if isinstance(value, str) else tuple(value["IN"]) if isinstance(value, dict) and "IN" in value else None
        if values is not None and all(isinstance(v, str) and v for v in values):
            return key, values
    return None


class TreePattern:
    """One DependencyMatcher pattern, evaluated by walking the parse from its root node."""

    def __init__(self, pattern: list[dict]):
        self.ids = [node["RIGHT_ID"] for node in pattern]
        self.root = _predicate(pattern[0].get("RIGHT_ATTRS", {}))
        self.first = _root_selection(pattern[0].get("RIGHT_ATTRS", {}))
        self.steps = []
        for node in pattern[1:]:
            op = node.get("REL_OP")
            if op not in SUPPORTED_OPS:
                raise UnsupportedPattern(f"operator {op!r} is not supported")
            self.steps.append((self.ids.index(node["LEFT_ID"]), op, _predicate(node.get("RIGHT_ATTRS", {}))))

    def matches(self, doc: Doc) -> Iterator[list[Token]]:
        """Every assignment of tokens to the pattern's nodes, in node order (distinct tokens)."""
        # only the tokens the root's first word list or value admits (read off the Doc's arrays), then the full test
        for token in (tokens_where(doc, *self.first) if self.first else doc):
            if self.root(token):
                yield from self._extend([token])

    def _extend(self, bound: list[Token]) -> Iterator[list[Token]]:
        if len(bound) == len(self.ids):
            yield list(bound)
            return
        left, op, test = self.steps[len(bound) - 1]
        anchor = bound[left]
        candidates = anchor.children if op == ">" else ([anchor.head] if anchor.head is not anchor else [])
        for token in candidates:
            if token not in bound and test(token):
                yield from self._extend(bound + [token])
