"""Broad fallbacks read off a sentence's frame (issue 12, round 5b): investors of a funding sentence and rivals
of a rivalry sentence, only for pairs no specific rule related. Invented sentences, hand-typed entities."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations
from extract.relations.fallback_frames import INVESTORS_RULE, RIVALS_RULE, frame_relations, topic_company

C, M = "COMPANY", "MODEL"
ENTS = {"Quenby Labs": C, "Halvard Ventures": C, "Corrin Capital": C, "Pellora Robotics": C, "Halvard Motors": C,
        "Corrin Foods": C, "Fanwick Automation": C, "Ostrand Industries": C, "Hollin Cloud": C,
        "Maverly Compute": C, "Dunstan Web Services": C, "Vantrell Networks": C, "Osprey Security": C,
        "Brackley Systems": C, "Tarn-7B": M, "Quill-8B": M}


def frame_facts(pipeline_doc, text):
    """Every edge the fallback would give on its own (no other rule's edges to defer to)."""
    doc = pipeline_doc(text, ENTS)
    return {(c.source.text, c.relation, c.target.text) for c in frame_relations(doc, entity_refs(doc), ())}


def admitted(pipeline_doc, text):
    doc = pipeline_doc(text, ENTS)
    return {(r.source.text, r.relation, r.target.text): r.rule for r in find_relations(doc, "t", entity_refs(doc))}


@pytest.mark.parametrize("text", [
    "Quenby Labs said it had secured $12 million in seed funding. Halvard Ventures and Corrin Capital were among the investors in Quenby Labs.",
    "Quenby Labs closed its seed round. The financing drew Halvard Ventures and Corrin Capital.",
])
def test_companies_listed_in_a_funding_sentence_invest_in_the_company_that_raised(pipeline_doc, text):
    facts = admitted(pipeline_doc, text)
    for investor in ("Halvard Ventures", "Corrin Capital"):
        assert (investor, "invests_in", "Quenby Labs") in facts


def test_the_investee_of_a_sentence_without_one_is_the_articles_topic(pipeline_doc):
    text = ("Quenby Labs makes sensors. Quenby Labs sells them to farms.\n\n"
            "Halvard Ventures and Corrin Capital were among the investors in the round.")
    facts = frame_facts(pipeline_doc, text)
    assert ("Halvard Ventures", "invests_in", "Quenby Labs") in facts
    assert topic_company(pipeline_doc(text, ENTS)).text == "Quenby Labs"


@pytest.mark.parametrize("text", [
    "Pellora Robotics, which raised $60 million last year, sells its arms to Halvard Motors and Corrin Foods.",
    "Pellora Robotics raised $60 million and hired executives from Halvard Motors and Corrin Foods.",
])
def test_customers_or_employers_listed_in_a_funding_sentence_are_no_investors(pipeline_doc, text):
    assert not [f for f in frame_facts(pipeline_doc, text) if f[1] == "invests_in"]


@pytest.mark.parametrize("text, rivals", [
    ("Hollin Cloud, a challenger to Maverly Compute and Dunstan Web Services, opened three data centres.",
     ("Maverly Compute", "Dunstan Web Services")),
    ("Vantrell Networks sells firewalls, and its rivals include Osprey Security and Brackley Systems.",
     ("Osprey Security", "Brackley Systems")),
])
def test_companies_beside_a_rivalry_word_compete_with_its_owner(pipeline_doc, text, rivals):
    facts = frame_facts(pipeline_doc, text)
    owner = text.split(",")[0].split(" sells")[0]
    for rival in rivals:
        assert (owner, "competes_with", rival) in facts


def test_a_rival_in_apposition_belongs_to_the_name_it_describes(pipeline_doc):
    text = "Pellora Robotics invested in Fanwick Automation, a rival of Ostrand Industries."
    facts = frame_facts(pipeline_doc, text)
    assert ("Fanwick Automation", "competes_with", "Ostrand Industries") in facts
    assert not {("Pellora Robotics", "competes_with", "Ostrand Industries"),
                ("Pellora Robotics", "competes_with", "Fanwick Automation")} & set(admitted(pipeline_doc, text))


def test_a_supplier_of_the_same_sentence_is_no_rival(pipeline_doc):
    text = "Vantrell Networks competes with Osprey Security but buys chips from Brackley Systems."
    assert ("Vantrell Networks", "competes_with", "Brackley Systems") not in frame_facts(pipeline_doc, text)


def test_models_a_benchmark_verb_compares_are_rivals(pipeline_doc):
    assert ("Tarn-7B", "competes_with", "Quill-8B") in frame_facts(pipeline_doc, "Tarn-7B outperforms Quill-8B on the coding benchmark.")


def test_the_fallback_defers_to_a_specific_rule(pipeline_doc):
    """A pair a specific rule related already is not given again under the fallback's name."""
    text = "Vantrell Networks competes with Osprey Security."
    facts = admitted(pipeline_doc, text)
    rule = facts.get(("Vantrell Networks", "competes_with", "Osprey Security")) or \
        facts.get(("Osprey Security", "competes_with", "Vantrell Networks"))
    assert rule is not None and RIVALS_RULE not in rule and INVESTORS_RULE not in rule
