"""Development without a "develops" verb (issue 12, round 9): a model named as the "of" object of a maker noun
("X, the Lisbon maker of the Orrin image models") or the "behind" object of a company noun ("X, the company
behind Sarn-9B") is developed by the company that noun names; a model a company is "working on" is in the
making. Invented sentences, hand-typed entities."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations
from extract.relations.fallback_models import MAKER_NOUN_RULE, MAKER_RULE, model_frame_relations

C, M, P = "COMPANY", "MODEL", "PERSON"
ENTS = {"Brindle AI": C, "Pellucid AI": C, "Velto Labs": C, "Torvane Capital": C, "Corvex Mobile": C,
        "Orrin": M, "Sarn-9B": M, "Sarn-4": M, "Zephyr-5": M, "Kestrel-2": M, "Orrin-9": M, "Mara Quist": P}


def fallback_facts(pipeline_doc, text):
    """Every edge the model fallbacks would give on their own."""
    doc = pipeline_doc(text, ENTS)
    return {(c.source.text, c.relation, c.target.text): c.rule for c in model_frame_relations(doc, entity_refs(doc), ())}


def admitted(pipeline_doc, text):
    doc = pipeline_doc(text, ENTS)
    return {(r.source.text, r.relation, r.target.text): r.rule for r in find_relations(doc, "t", entity_refs(doc))}


@pytest.mark.parametrize("text, company, model", [
    ("Pellucid AI, the Lisbon maker of the Orrin image models, named a new chief executive.", "Pellucid AI", "Orrin"),
    ("Analysts said Brindle AI, the company behind Sarn-9B, could be valued at $2 billion.", "Brindle AI", "Sarn-9B"),
    ("Shares of Corvex Mobile, the startup behind Kestrel-2, rose 4% on Friday.", "Corvex Mobile", "Kestrel-2"),
    ("Mara Quist joined Velto Labs, the developer of the Sarn-4 chatbot, in 2021.", "Velto Labs", "Sarn-4"),
])
def test_a_maker_noun_in_apposition_names_the_developer(pipeline_doc, text, company, model):
    facts = admitted(pipeline_doc, text)
    assert (company, "develops", model) in facts
    assert MAKER_NOUN_RULE in facts[(company, "develops", model)] or "role_noun" in facts[(company, "develops", model)]


@pytest.mark.parametrize("text, company, model", [
    ("Torvane Capital, an investor in the maker of Zephyr-5, declined to comment.", "Torvane Capital", "Zephyr-5"),
    ("Corvex Mobile, the maker of the phone that runs Orrin-9, cut jobs.", "Corvex Mobile", "Orrin-9"),
    ("Corvex Mobile, the biggest customer of Brindle AI's Kestrel-2, renewed its contract.", "Corvex Mobile", "Kestrel-2"),
])
def test_a_maker_noun_that_names_no_company_here_gives_nothing(pipeline_doc, text, company, model):
    # the fallback on its own, with no other rule's edges to defer to (the shared role_noun.of rule still reads
    # "an investor in the maker of Zephyr-5" as Torvane's making: left to its owner)
    assert (company, "develops", model) not in fallback_facts(pipeline_doc, text)


def test_a_model_a_company_is_working_on_is_developed_by_it(pipeline_doc):
    facts = admitted(pipeline_doc, "Brindle AI is still working on Orrin-9, a model for contract review.")
    assert facts.get(("Brindle AI", "develops", "Orrin-9")) == MAKER_RULE


def test_working_on_a_deal_about_a_model_is_no_making(pipeline_doc):
    facts = admitted(pipeline_doc, "Velto Labs is working on a deal to license Sarn-4 from Brindle AI.")
    assert ("Velto Labs", "develops", "Sarn-4") not in facts


# --- sizes ---------------------------------------------------------------------------------------------

def sizes(pipeline_doc, text, ents):
    from extract.deals.sizes import find_attributes
    doc = pipeline_doc(text, ents)
    found: dict[str, set[int]] = {}
    for a in find_attributes(doc, "t"):
        found.setdefault(a.mention.text, set()).add(a.value)
    return found


def test_a_list_of_sizes_does_not_give_its_largest_to_a_member_whose_name_states_its_own(pipeline_doc):
    text = ("The launch includes Sarn 3 9B Chat and Sarn 3 2B Chat, general-purpose models with 9 billion and "
            "2 billion parameters, plus base versions of each.")
    found = sizes(pipeline_doc, text, {"Sarn 3 9B Chat": M, "Sarn 3 2B Chat": M})
    assert found == {"Sarn 3 9B Chat": {9_000_000_000}, "Sarn 3 2B Chat": {2_000_000_000}}


def test_a_family_without_a_size_in_its_name_still_takes_the_largest_of_its_list(pipeline_doc):
    found = sizes(pipeline_doc, "Velto Labs said its Sarn 4 models come in 8B and 70B versions.", {"Sarn 4": M})
    assert found.get("Sarn 4") == {70_000_000_000}


@pytest.mark.parametrize("text, found", [
    ("Velto Labs released its Sarn 4 model (70B) under an open licence.", {"Sarn 4": {70_000_000_000}}),
    ("Analysts expect the Sarn 4 model (about 70 billion parameters) to ship in May.", {"Sarn 4": {70_000_000_000}}),
    ("Velto Labs released its Sarn 4 model (and a 7B sibling) on Monday.", {}),
    ("Velto Labs released its Sarn 4 model (with a context window of 128,000 tokens) on Monday.", {}),
])
def test_a_parenthesis_after_a_name_and_its_class_noun_states_the_size(pipeline_doc, text, found):
    assert sizes(pipeline_doc, text, {"Sarn 4": M}) == found
