"""Developers of model families: a model whose family's developer the article states.

News names a family's developer once and then lists its members: "Anthropic released
Claude 3 in three sizes. The largest, Claude 3 Opus, ... while the smallest, Claude 3
Haiku, is pitched at ..." or "xAI released Grok-2 and a smaller sibling, Grok-2 mini".
:func:`family_relations` reads these off the records of one article: a model with no
``develops`` relation of its own whose family (the alphabetic start of its name: ``Claude``,
``Grok``, ``Quill``) has exactly one developer stated in the same article is developed by that
company. The evidence is the sentence that names the model; the confidence is low, since the
sentence names the model but not its maker.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Iterator

from .entities import mention_key
from .gazetteer import Gazetteer, gazetteer_of, load_gazetteer
from .records import Evidence, Mention, Relation
from .rules import code_rule, confidence as rule_confidence

#: The registered rule (data/patterns/models.json): a developer read from the family rather than a sentence that states it.
FAMILY_RULE = "model.family"

#: The family part of a model name: its leading letters ("GPT" of "GPT-4o", "Claude" of "Claude 3 Haiku").
_FAMILY_RE = re.compile(r"[A-Za-z]+")

#: Shorter family names are too ambiguous ("o1", "R1").
MIN_FAMILY_CHARS = 3


def model_family(name: str, families: frozenset | None = None) -> str | None:
    """The family a model name belongs to, or ``None`` for names without one.

    ``families`` are the known model families (:func:`known_families` of the gazetteer in use; the default
    gazetteer's when ``None``): a later word that is one of them makes the name another family's brand.

    Examples
    --------
    >>> model_family("Claude 3 Haiku"), model_family("Grok-2 mini"), model_family("o1-preview")
    ('claude', 'grok', None)
    >>> model_family("Llama Nemotron Nano"), model_family("Llama Nemotron Nano", frozenset({"Llama"}))
    (None, 'llama')
    """
    match = _FAMILY_RE.match(name)
    if match is None or len(match.group()) < MIN_FAMILY_CHARS:
        return None
    if _holds_another_family(name, match.group(), known_families() if families is None else families):
        return None
    return match.group().lower()


def _holds_another_family(name: str, family: str, families: frozenset) -> bool:
    """Whether a later word of ``name`` is another known model family's ("Nemotron" of "Llama Nemotron Nano"):
    such a name tells a model built from one family under another's brand, and its first family says nothing of
    who made it (Llama Nemotron is Nvidia's, not Meta's).

    >>> _holds_another_family("Llama Nemotron Nano", "Llama", frozenset({"Llama", "Nemotron"}))
    True
    >>> _holds_another_family("Claude 3 Haiku", "Claude", frozenset({"Llama", "Nemotron", "Claude"}))
    False
    """
    return any(word in families and word != family for word in name.split()[1:])


#: Model families by gazetteer fingerprint: a gazetteer's entries are read once, not at every model name.
_FAMILIES: dict[str, frozenset] = {}


def known_families(gazetteer: Gazetteer | None = None) -> frozenset:
    """The model families of ``gazetteer`` (the default gazetteer when ``None``): the leading words of its
    model names ("Llama", "Nemotron"). The gazetteer is the one the Doc was typed with (``--gazetteers DIR``),
    so that a custom gazetteer's families, not the default's, decide whose brand a name is."""
    if gazetteer is None:
        gazetteer = load_gazetteer()
    if gazetteer.fingerprint not in _FAMILIES:
        _FAMILIES[gazetteer.fingerprint] = gazetteer.model_families
    return _FAMILIES[gazetteer.fingerprint]


def doc_families(doc) -> frozenset:
    """The model families of the gazetteer ``doc`` was typed with (the default's for a Doc no typer read)."""
    return known_families(gazetteer_of(doc))


@code_rule
def family_relations(text: str, mentions: Iterable[Mention], relations: Iterable[Relation],
                     families: frozenset | None = None) -> Iterator[Relation]:
    """``develops`` relations for the models of an article whose family has one stated developer there.

    Parameters
    ----------
    text : str
        The text the mentions' offsets point into (evidence sentences are cut from it).
    mentions : iterable of Mention
        The article's mentions.
    relations : iterable of Relation
        The relations found in the article by the other rules.
    families : frozenset, optional
        The known model families of the gazetteer in use (:func:`doc_families`); the default gazetteer's if omitted.

    Yields
    ------
    Relation
        One per model (its first mention), rule ``"model.family"``.

    Examples
    --------
    >>> from extract.records import Evidence, Mention, Relation
    >>> text = "Anthropic released Claude 3 Opus. Claude 3 Haiku is small."
    >>> anthropic = Mention("a", "Anthropic", "company", 0, 9, 0, 33)
    >>> opus = Mention("a", "Claude 3 Opus", "model", 19, 32, 0, 33)
    >>> haiku = Mention("a", "Claude 3 Haiku", "model", 34, 48, 34, 58)
    >>> stated = Relation(anthropic, "develops", opus, Evidence("a", text[:33], 0, 33), 0.8, "verb")
    >>> [(r.source.text, r.target.text, r.evidence.sentence) for r in
    ...  family_relations(text, [anthropic, opus, haiku], [stated])]
    [('Anthropic', 'Claude 3 Haiku', 'Claude 3 Haiku is small.')]
    """
    relations = list(relations)
    developed = set()
    developers: dict[str, dict[str, Mention]] = defaultdict(dict)  # family -> developer key -> mention
    for rel in relations:
        if rel.relation != "develops":
            continue
        developed.add(mention_key(rel.target))
        family = model_family(rel.target.text, families)
        if family is not None:
            developers[family].setdefault(mention_key(rel.source), rel.source)
    seen = set()
    for mention in mentions:
        key = mention_key(mention)
        if mention.type != "model" or key in developed or key in seen:
            continue
        seen.add(key)
        makers = developers.get(model_family(mention.text, families) or "", {})
        if len(makers) != 1:
            continue  # no stated developer, or a family two companies build on: no guess
        [maker] = makers.values()
        sentence = text[mention.sent_start:mention.sent_end]
        yield Relation(maker, "develops", mention, Evidence(mention.article, sentence, mention.sent_start, mention.sent_end),
                       rule_confidence(FAMILY_RULE), FAMILY_RULE)
