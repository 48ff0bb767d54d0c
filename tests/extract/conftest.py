"""Fixtures for the entity-typing tests: the EntityTyper and what it makes of a sentence.

Nine test files (test_class_nouns, test_entities, test_entity_typing, test_name_cues, test_names4,
test_product_names, test_roles6, test_startups, test_title_names) each carried their own copy of these.
Where the copies differed, each test keeps what it relied on:

- ``typer`` is module-scoped, as every copy was, so each file still gets an EntityTyper of its own.
- test_entities.py types Docs built by hand on a blank pipeline's vocab, so it takes ``blank_typer``
  (an EntityTyper over ``spacy.blank("en")``), not the typer over the parsing model.
- ``types`` returns ``{entity text: label}``, the shape all eight copies of it returned; test_names4.py
  (and one test of test_entity_typing.py) also read each entity's canonical name, so ``typed_entities``
  returns ``{entity text: (label, canonical)}``.
- ``blank`` (module-scoped, as in test_entities.py and test_title_names.py, which both defined it) is
  ``spacy.blank("en")``, for the Docs those files build by hand.

A file that defines its own ``typer``, ``types`` or ``blank`` overrides these (pytest's usual rule), so a
new test file written the old way still runs as written.
"""
from __future__ import annotations

import pytest
import spacy

from extract.components import EntityTyper
from extract.coref import entity_refs
from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.records import Article


@pytest.fixture(scope="module")
def blank():
    """A blank English pipeline, for Docs whose words, heads and labels a test sets by hand."""
    return spacy.blank("en")


@pytest.fixture(scope="module")
def typer(parser_nlp):
    """An EntityTyper over the parsing model (its own NER off: tests set the NER labels by hand)."""
    return EntityTyper(parser_nlp)


@pytest.fixture(scope="module")
def blank_typer(blank):
    """An EntityTyper over the blank pipeline, for hand-built Docs that carry no parse from a model."""
    return EntityTyper(blank)


@pytest.fixture(scope="module")
def typed_entities(typer, make_doc):
    """``typed_entities(text, ner)``: ``{entity text: (label, canonical)}`` once the typer has retyped
    the hand-set NER labels ``ner`` (``{"Acme": "ORG"}``) of ``text``."""

    def _typed_entities(text, ner):
        doc = typer(make_doc(text, ner))
        return {ent.text: (ent.label_, ent._.canonical) for ent in doc.ents}

    return _typed_entities


@pytest.fixture(scope="module")
def types(typed_entities):
    """``types(text, ner)``: ``{entity text: label}`` once the typer has retyped the hand-set NER
    labels ``ner`` of ``text``."""

    def _types(text, ner):
        return {name: label for name, (label, _) in typed_entities(text, ner).items()}

    return _types


@pytest.fixture(scope="module")
def graph_of():
    """``graph_of(text)``: the graph ``build_graph`` makes of one text (test_models12.py, test_models16.py)."""
    from graph.build import build_graph

    return lambda text: build_graph([text])


@pytest.fixture(scope="module")
def nodes_of():
    """``nodes_of(text)``: the (name, type) of every node ``build_graph`` makes of one text, for tests that
    read names through the whole build (test_names5.py, test_names6.py)."""
    from graph.build import build_graph

    def _nodes(text):
        return {(d["name"], d["type"]) for _, d in build_graph([text]).nodes(data=True)}
    return _nodes


@pytest.fixture(scope="module")
def kept_deals(make_doc):
    """``kept_deals(text, ents)``: the deals ``find_deals`` keeps (confidence at least ``KEEP_CONFIDENCE``)
    in ``text`` over the hand-set entity labels ``ents`` (``{"Acme": "COMPANY"}``).

    Eleven deal test files each carried a ``kept(make_doc, text, ents)`` of their own; this is that helper once.
    """

    def _kept_deals(text, ents):
        found = find_deals(make_doc(text, ents), Article(id="t", text=text))
        return [deal for deal in found if deal.confidence >= KEEP_CONFIDENCE]

    return _kept_deals


@pytest.fixture(scope="module")
def referent():
    """``referent(doc, word, nth=0)``: the text of the entity coreference gives the ``nth`` token ``word`` of
    ``doc`` ("it", "the company"...), or ``None``. Five coreference test files each carried this helper."""

    def _referent(doc, word, nth=0):
        token = [t for t in doc if t.text == word][nth]
        ent = entity_refs(doc).entity_for(token)
        return ent.text if ent is not None else None

    return _referent
