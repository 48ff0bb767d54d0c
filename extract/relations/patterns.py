"""Relation rules held as data: spaCy DependencyMatcher patterns from ``data/patterns/*.json``.

A dependency rule names the pattern nodes that hold its ``source``, ``target`` and ``trigger``; the
entities there are read as everywhere else (coordination, appositions and coreference through
:func:`~extract.relations.core.entities_of`), and every candidate goes through the same central checks
(types, negation, hedging, line breaks). Word lists are written once, in the lexicon
(``data/lexicon/relation_triggers.json``), and named in a pattern as ``"$section"`` or
``"$section.key"``: ``{"LEMMA": {"IN": "$part_of_nouns"}}``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from ..coref import EntityRefs
from ..lexicon import load_triggers
from ..rules import Rule, RuleError, code_rule, registry
from .core import Candidate, _conf, _unique, entities_of


def expand_macros(value, lexicon: dict | None = None):
    """A pattern with every ``"$name"`` replaced by that word list of the lexicon.

    >>> expand_macros({"LEMMA": {"IN": "$owner_verbs"}})["LEMMA"]["IN"][:2]
    ['own', 'control']
    """
    lexicon = load_triggers() if lexicon is None else lexicon
    if isinstance(value, str) and value.startswith("$"):
        found = lexicon
        for part in value[1:].split("."):
            if not isinstance(found, dict) or part not in found:
                raise RuleError(f"unknown word list {value!r} in a pattern")
            found = found[part]
        return list(found)
    if isinstance(value, dict):
        return {k: expand_macros(v, lexicon) for k, v in value.items()}
    if isinstance(value, list):
        return [expand_macros(v, lexicon) for v in value]
    return value


def dependency_rules() -> list[Rule]:
    return [rule for rule in registry().values() if rule.kind == "dependency"]


def build_matcher(vocab, rules: list[Rule]) -> DependencyMatcher:
    """A DependencyMatcher with one pattern per rule (keyed by the rule's name).

    Raises
    ------
    RuleError
        If spaCy rejects a pattern; the message names the rule.
    """
    matcher = DependencyMatcher(vocab, validate=True)
    for rule in rules:
        try:
            matcher.add(rule.name, [expand_macros(list(rule.pattern))])
        except (ValueError, KeyError, TypeError) as exc:
            raise RuleError(f"{rule.name}: the DependencyMatcher rejects its pattern: {exc}") from None
    return matcher


@lru_cache(maxsize=4)
def _matcher(vocab) -> tuple[DependencyMatcher, dict[str, Rule]] | None:
    rules = dependency_rules()
    return (build_matcher(vocab, rules), {r.name: r for r in rules}) if rules else None


@code_rule
def pattern_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Candidates of every dependency rule of the registry."""
    found = _matcher(doc.vocab)
    if found is None or not all(doc.has_annotation(a) for a in ("DEP", "POS", "LEMMA")):
        return  # the patterns read tags, lemmas and the parse; a Doc without them matches none
    matcher, rules = found
    for match_id, token_ids in matcher(doc):
        rule = rules[doc.vocab.strings[match_id]]
        nodes = {node["RIGHT_ID"]: doc[i] for node, i in zip(rule.pattern, token_ids)}
        trigger = nodes[rule.trigger]
        for s, sv in _unique(entities_of(nodes[rule.source], refs)):
            for o, ov in _unique(entities_of(nodes[rule.target], refs)):
                for relation in rule.yields:
                    yield Candidate(s, relation, o, trigger, rule.name, _conf(rule.name, sv or ov))
