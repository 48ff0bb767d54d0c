"""Run a rule's examples: the facts a text gives, and whether they are the ones its rule promises.

A rule's examples (see :mod:`extract.rules`) are tests: each expected triple must come out of the
text *from that rule* (the rule's name is among the record's rules), and no unwanted one may.
``tests/extract/test_rule_examples.py`` runs every example of the registry through this module, and
``newsgraph rules`` shows the first of each.
"""
from __future__ import annotations

import re

import spacy

from .records import DEAL_KINDS, Article
from .rules import Example, Rule, rule_name, rule_names


def set_entities(doc, entities) -> None:
    """Type every whole-word occurrence of each name by hand (the example then tests the rule alone):
    ``entities`` is ``(name, label)`` pairs or a ``{name: label}`` dict. The tests' ``make_doc`` uses it too."""
    if isinstance(entities, dict):
        entities = entities.items()
    spans = []
    for name, label in entities:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", doc.text):
            span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.ents = spacy.util.filter_spans(spans)


def example_facts(nlp, example: Example) -> tuple[set, set]:
    """``(relations, deals)`` of an example's text: ``(source, relation, target, rule)`` and
    ``(kind, parties, rule)`` tuples, rule names without their detail."""
    from .pipeline import extract_doc, extract_article

    article = Article("example", example.text)
    if example.entities:
        doc = nlp(example.text)
        set_entities(doc, example.entities)
        extraction = extract_doc(doc, article)
    else:
        extraction = extract_article(nlp, article)
    relations = {(r.source.text, r.relation, r.target.text, name) for r in extraction.relations for name in rule_names(r.rule)}
    deals = {(d.kind, frozenset(p.mention.text for p in d.parties), rule_name(d.rule)) for d in extraction.deals}
    return relations, deals


def is_deal_fact(fact: tuple) -> bool:
    """``("acquisition", "Microsoft", "Activision")`` is a deal; ``("A", "acquires", "B")`` a relation."""
    return fact[0] in DEAL_KINDS


def example_problems(nlp, rule: Rule, example: Example) -> list[str]:
    """What is wrong with ``rule`` on ``example``: expected facts it did not give, unwanted ones it gave.

    A fact is a relation ``(source, relation, target)`` or a deal ``(kind, party, party, ...)``.
    An empty list means the example holds.
    """
    relations, deals = example_facts(nlp, example)
    problems = []

    def given(fact: tuple) -> bool:
        if not is_deal_fact(fact):
            return any(r[:3] == tuple(fact) and r[3] == rule.name for r in relations)
        kind, parties = fact[0], frozenset(fact[1:])
        return any(d[0] == kind and parties <= d[1] and d[2] == rule.name for d in deals)

    for fact in example.gives:
        if not given(fact):
            found = sorted(r for r in relations if r[:3] == tuple(fact))
            problems.append(f"{rule.name}: {example.text!r} does not give {list(fact)}"
                            + (f" from this rule (it comes from {sorted({r[3] for r in found})})" if found else ""))
    for fact in example.not_gives:
        if not is_deal_fact(fact):
            wrong = any(r[:3] == tuple(fact) for r in relations)
        else:
            wrong = any(d[0] == fact[0] and frozenset(fact[1:]) <= d[1] for d in deals)
        if wrong:
            problems.append(f"{rule.name}: {example.text!r} gives {list(fact)}, which it must not")
    return problems

