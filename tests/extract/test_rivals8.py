"""Models of a benchmark comparison told by a pronoun or a shared subject (issue 12, round 8): "it also beat A
and was competitive with B", "Sable matches it", "Meta compared it with A", and a model family's stated
developer winning over a name's guess. Invented sentences, hand-typed entities."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations.fallback_models import benchmark_candidates

C, M = "COMPANY", "MODEL"
ENTS = {"Brindle AI": C, "Halcyon Labs": C, "Orrin-40B": M, "Velto-12B": M, "Quenby-34B": M, "Sarn-9B": M}


def compared(pipeline_doc, text):
    """The pairs the benchmark fallback gives on its own, each as a set of the two names."""
    doc = pipeline_doc(text, ENTS)
    return {frozenset((c.source.text, c.target.text)) for c in benchmark_candidates(doc, entity_refs(doc))}


def test_a_conjoined_comparison_shares_the_subject_of_the_verb_it_is_joined_to(pipeline_doc):
    text = ("Halcyon Labs released Sarn-9B on Tuesday. Halcyon Labs said it also beat Velto-12B on most tests "
            "and was competitive with Quenby-34B.")
    pairs = compared(pipeline_doc, text)
    assert frozenset(("Sarn-9B", "Quenby-34B")) in pairs
    assert frozenset(("Velto-12B", "Quenby-34B")) not in pairs


def test_an_object_it_means_the_model_said_before(pipeline_doc):
    text = "Velto-12B is a very good model, but it is large. Sarn-9B matches it on our reasoning suite."
    assert frozenset(("Sarn-9B", "Velto-12B")) in compared(pipeline_doc, text)


def test_an_object_it_that_means_the_compared_model_itself_gives_nothing(pipeline_doc):
    text = "Sarn-9B is a very good model. Sarn-9B matches it in size only."
    assert compared(pipeline_doc, text) == set()


@pytest.mark.parametrize("text", [
    "Halcyon Labs's answer was Sarn-9B, a text-only model. It keeps a long context window. "
    "Halcyon Labs compared it with Brindle AI's Orrin-40B and Velto-12B.",
    "Brindle AI benchmarked Sarn-9B against Orrin-40B and Velto-12B, and published the results.",
])
def test_a_company_setting_a_model_against_others_compares_that_model(pipeline_doc, text):
    pairs = compared(pipeline_doc, text)
    assert {frozenset(("Sarn-9B", "Orrin-40B")), frozenset(("Sarn-9B", "Velto-12B"))} <= pairs
    assert frozenset(("Orrin-40B", "Velto-12B")) not in pairs


@pytest.mark.parametrize("text", [
    "Revenue from Sarn-9B rose 40% compared with a year earlier, Halcyon Labs said.",
    "Halcyon Labs compared notes with Brindle AI on Sarn-9B and Orrin-40B.",
    "Halcyon Labs released Sarn-9B. Brindle AI tested it on its own servers before buying Velto-12B.",
])
def test_setting_words_without_a_compared_model_give_nothing(pipeline_doc, text):
    assert compared(pipeline_doc, text) == set()
