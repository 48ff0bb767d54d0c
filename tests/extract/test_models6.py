"""Broad fallbacks about models (issue 12, round 6): models set against each other by a benchmark comparison,
and the company a sentence's frame makes a model's developer, only for pairs no specific rule related.
Invented sentences, hand-typed entities."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations
from extract.relations.fallback_models import BENCHMARK_RULE, MAKER_RULE, model_frame_relations

C, M, P = "COMPANY", "MODEL", "PERSON"
ENTS = {"Brindle AI": C, "Halcyon Labs": C, "Velto Labs": C, "Lumen Capital": C, "Orrin-40B": M, "Orrin-8B": M,
        "Velto-12B": M, "Quenby-34B": M, "Sarn-9B": M, "Sarn-30B": M, "Sarn": M, "Mara Quist": P}


def fallback_facts(pipeline_doc, text):
    """Every edge the fallbacks would give on their own (no other rule's edges to defer to)."""
    doc = pipeline_doc(text, ENTS)
    return {(c.source.text, c.relation, c.target.text): c.rule for c in model_frame_relations(doc, entity_refs(doc), ())}


def admitted(pipeline_doc, text):
    doc = pipeline_doc(text, ENTS)
    return {(r.source.text, r.relation, r.target.text): r.rule for r in find_relations(doc, "t", entity_refs(doc))}


@pytest.mark.parametrize("text, rivals", [
    ("On its own figures, Orrin-40B scores 71.2 on the suite, edging out Velto-12B but falling short of Quenby-34B.",
     ["Velto-12B", "Quenby-34B"]),
    ("Brindle AI says Orrin-40B is on par with Velto-12B in coding and holds its own against Quenby-34B in maths.",
     ["Velto-12B", "Quenby-34B"]),
])
def test_the_model_a_comparison_is_about_competes_with_the_models_after_its_words(pipeline_doc, text, rivals):
    facts = admitted(pipeline_doc, text)
    for rival in rivals:
        assert ("Orrin-40B", "competes_with", rival) in facts


def test_a_pronoun_subject_means_the_model_of_the_sentence_before(pipeline_doc):
    text = "Halcyon Labs released Sarn-9B on Tuesday. Halcyon Labs says it outperforms Velto-12B and Quenby-34B."
    facts = fallback_facts(pipeline_doc, text)
    assert facts[("Sarn-9B", "competes_with", "Velto-12B")] == BENCHMARK_RULE
    assert ("Sarn-9B", "competes_with", "Quenby-34B") in facts


def test_a_sentence_leading_with_the_comparison_takes_the_model_of_the_sentence_before(pipeline_doc):
    facts = fallback_facts(pipeline_doc, "Sarn-9B matches Velto-12B. Against Quenby-34B it is simply more accurate.")
    assert ("Sarn-9B", "competes_with", "Quenby-34B") in facts


def test_models_each_in_another_clause_or_listed_as_rivals_are_no_rivals_of_each_other(pipeline_doc):
    facts = fallback_facts(pipeline_doc, "Sarn-9B needs two GPUs, where rivals such as Velto-12B and Quenby-34B need many more.")
    assert ("Velto-12B", "competes_with", "Quenby-34B") not in facts
    facts = fallback_facts(pipeline_doc, "Sarn-9B was fine-tuned from Velto-12B, and Halcyon Labs trained it on Quenby-34B's outputs.")
    assert not [f for f in facts if f[1] == "competes_with"]


def test_models_named_without_a_comparison_word_do_not_compete(pipeline_doc):
    facts = fallback_facts(pipeline_doc, "Sarn-9B runs on the same servers as Velto-12B.")
    assert not [f for f in facts if f[1] == "competes_with"]


@pytest.mark.parametrize("text, maker, model", [
    ("Brindle AI said it would stop selling its Orrin-40B models to Velto Labs.", "Brindle AI", "Orrin-40B"),
    ("Halcyon Labs chief executive Mara Quist said last month that training Sarn-30B would need ten times the compute.",
     "Halcyon Labs", "Sarn-30B"),
    ("Halcyon Labs is in Oslo. Last month the company added Sarn-9B, a model for programming.", "Halcyon Labs", "Sarn-9B"),
])
def test_the_company_of_a_making_frame_develops_the_model(pipeline_doc, text, maker, model):
    facts = fallback_facts(pipeline_doc, text)
    assert facts.get((maker, "develops", model)) == MAKER_RULE


@pytest.mark.parametrize("text", [
    "Velto Labs customers can now use Orrin-40B through Brindle AI's cloud.",
    "The round was led by Lumen Capital; the company also unveiled Orrin-40B, a robot model.",
])
def test_a_company_that_only_uses_or_funds_does_not_develop(pipeline_doc, text):
    facts = fallback_facts(pipeline_doc, text)
    assert not [f for f in facts if f[1] == "develops" and f[0] in ("Velto Labs", "Brindle AI", "Lumen Capital")]


def test_a_model_with_a_stated_developer_gets_no_inferred_one(pipeline_doc):
    facts = admitted(pipeline_doc, "Brindle AI built Orrin-40B. Velto Labs chief Mara Quist said that training Orrin-40B took months.")
    assert ("Velto Labs", "develops", "Orrin-40B") not in facts


# -- model names typed by construction -------------------------------------------------------------------

def typed(newsgraph_nlp, text):
    return {(e.text, e.label_) for e in newsgraph_nlp(text).ents}


@pytest.mark.parametrize("text, name", [
    ("On Monday Halvern Labs introduced Corvid K, a 40-billion-parameter model for contract review.", "Corvid K"),
    ("Halvern Labs said Corvid K is a language model for lawyers.", "Corvid K"),
])
def test_a_name_a_model_noun_describes_is_a_model(newsgraph_nlp, text, name):
    assert (name, "MODEL") in typed(newsgraph_nlp, text)


def test_a_hyphenated_family_with_a_size_and_its_tiered_sibling_are_models(newsgraph_nlp):
    ents = typed(newsgraph_nlp, "Halvern Labs also released Tarrow-VLA 9B, a robot model. "
                                "A compact version, Tarrow-VLA Nano, runs on a phone.")
    assert ("Tarrow-VLA 9B", "MODEL") in ents
    assert ("Tarrow-VLA Nano", "MODEL") in ents


def test_a_person_described_by_another_noun_stays_a_person(newsgraph_nlp):
    ents = typed(newsgraph_nlp, "Halvern Labs hired Maren Osgood, a veteran engineer, to lead the team.")
    assert ("Maren Osgood", "PERSON") in ents


def test_a_model_subject_of_the_clause_above_rivals_listed_in_a_subordinate_clause(pipeline_doc):
    text = ("Halcyon Labs released Sarn-9B on Tuesday. The company says Sarn-9B needs only two chips, "
            "where rivals such as Velto-12B and Quenby-34B need many more.")
    facts = fallback_facts(pipeline_doc, text)
    assert ("Sarn-9B", "competes_with", "Velto-12B") in facts
    assert ("Sarn-9B", "competes_with", "Quenby-34B") in facts
    assert ("Velto-12B", "competes_with", "Quenby-34B") not in facts


# -- sizes ---------------------------------------------------------------------------------------------

def sizes(pipeline_doc, text, ents):
    from extract.deals import find_attributes

    doc = pipeline_doc(text, ents)
    return {(a.mention.text, a.value) for a in find_attributes(doc, "t", entity_refs(doc))}


def test_a_total_count_goes_to_the_one_model_subject_of_its_clause(pipeline_doc):
    found = sizes(pipeline_doc, "Brindle AI said Orrin has 12 billion active parameters out of about 300 billion in total.",
                  {"Brindle AI": C, "Orrin": M})
    assert ("Orrin", 300_000_000_000) in found
    assert ("Orrin", 12_000_000_000) not in found  # an active share is no size


def test_a_count_after_a_model_it_does_not_describe_goes_nowhere(pipeline_doc):
    found = sizes(pipeline_doc, "Reviewers graded systems as different as Orrin Max and a 7-billion-parameter research model.",
                  {"Orrin Max": M})
    assert not found


def test_a_one_letter_name_with_a_version_owns_its_size(pipeline_doc):
    found = sizes(pipeline_doc, "R7 is a mixture-of-experts model with 671 billion parameters in total.", {"R7": M})
    assert ("R7", 671_000_000_000) in found
