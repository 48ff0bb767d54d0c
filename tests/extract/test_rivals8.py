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


RIVAL_ENTS = {"Quillon Robotics": C, "Torvane Dynamics": C, "Fennick Systems": C, "Harwick Capital": C, "Germany": "PLACE"}


def rivals_of(pipeline_doc, text):
    """The competes_with pairs of the rivalry fallback on its own, each as a set of the two names."""
    from extract.relations.fallback_frames import frame_relations

    doc = pipeline_doc(text, RIVAL_ENTS)
    return {frozenset((c.source.text, c.target.text)) for c in frame_relations(doc, entity_refs(doc), ())
            if c.relation == "competes_with"}


@pytest.mark.parametrize("text, rivals", [
    ("Quillon Robotics makes robots, and Quillon Robotics is growing. The money arrives as Quillon Robotics tries to "
     "win ground against far larger rivals. Torvane Dynamics and Fennick Systems already sell robots to most retailers.",
     ["Torvane Dynamics", "Fennick Systems"]),
    ("Quillon Robotics makes robots, and Quillon Robotics is growing. European competitors are few: Germany's "
     "Torvane Dynamics, which raised $90 million last year, sells mostly to carmakers.",
     ["Torvane Dynamics"]),
])
def test_a_rivalry_noun_that_names_none_takes_the_subject_of_the_next_clause(pipeline_doc, text, rivals):
    pairs = rivals_of(pipeline_doc, text)
    for rival in rivals:
        assert frozenset(("Quillon Robotics", rival)) in pairs


@pytest.mark.parametrize("text", [
    "Quillon Robotics makes robots, and Quillon Robotics is growing. None of that means the challengers will fail. "
    "Torvane Dynamics said on Monday that it would cut prices.",
    "Quillon Robotics makes robots, and Quillon Robotics is growing. It has rivals in Europe, where Fennick Systems "
    "is strong, and in Asia. Torvane Dynamics said it would cut prices.",
    "Quillon Robotics makes robots, and Quillon Robotics is growing. It has rivals. Investors include Harwick Capital.",
])
def test_rivals_named_before_or_a_clause_that_goes_on_gives_no_rival_after(pipeline_doc, text):
    pairs = rivals_of(pipeline_doc, text)
    assert frozenset(("Quillon Robotics", "Torvane Dynamics")) not in pairs
    assert frozenset(("Quillon Robotics", "Harwick Capital")) not in pairs
