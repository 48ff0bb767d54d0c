"""Who makes a model (issue 12): makers named by "from", by an owned apposition, by the model's name.

Invented sentences parsed by the real model with hand-typed entities (``make_doc``), so the tests
check the rules, not one release of the statistical NER.
"""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations

C, M, O = "COMPANY", "MODEL", "ORGANIZATION"


def triples(make_doc, text, ents, relation="develops"):
    doc = make_doc(text, ents)
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t", entity_refs(doc))
            if r.relation == relation}


@pytest.mark.parametrize("text", [
    "Every ticket was labelled by Zephyr-4 from Initech until March.",
    "Our demo runs Zephyr-4 from Initech on two graphics cards.",
    "The team replaced its old system with Zephyr-4 from Initech last spring.",
])
def test_a_model_from_a_maker_when_from_hangs_on_the_verb(make_doc, text):
    assert ("Initech", "develops", "Zephyr-4") in triples(make_doc, text, {"Zephyr-4": M, "Initech": C})


def test_an_institute_makes_models_too(make_doc):
    text = "Our demo runs Zephyr-4 from the Carrow Institute of Technology on two graphics cards."
    got = triples(make_doc, text, {"Zephyr-4": M, "Carrow Institute of Technology": O})
    assert got == {("Carrow Institute of Technology", "develops", "Zephyr-4")}


@pytest.mark.parametrize("text", [
    "Last year the bank switched to Zephyr-4 from Initech.",
    "The firm moved its chatbot to Zephyr-4 from Initech in May.",
])
def test_from_after_a_move_between_providers_names_the_one_left(make_doc, text):
    assert triples(make_doc, text, {"Zephyr-4": M, "Initech": C}) == set()


def test_its_in_an_apposition_to_the_model_means_the_earlier_company(make_doc):
    text = "Initech said that Zephyr, its newest model, beats every rival on maths."
    assert triples(make_doc, text, {"Initech": C, "Zephyr": M}) == {("Initech", "develops", "Zephyr")}


def test_the_company_in_an_apposition_is_not_another_company_than_the_one_the_model_is_named_after(make_doc):
    text = ("Brightloom AI will work with Initech. Under the agreement, Brightloom Vesper, the company's new "
            "model, will run on Initech servers.")
    got = triples(make_doc, text, {"Brightloom AI": C, "Initech": C, "Brightloom Vesper": M})
    assert ("Initech", "develops", "Brightloom Vesper") not in got
    assert ("Brightloom AI", "develops", "Brightloom Vesper") in got


@pytest.mark.parametrize("company, model", [
    ("Brightloom Reasoning", "Brightloom-R2"),
    ("Ostwind", "Ostwind-V3"),
])
def test_a_model_named_by_the_company_and_a_version(make_doc, company, model):
    text = f"{company} raised $40 million on Monday. Customers pay for {model} by the token."
    assert triples(make_doc, text, {company: C, model: M}) == {(company, "develops", model)}


def test_a_name_word_and_a_word_after_the_hyphen_is_no_version(make_doc):
    text = "Brightloom Reasoning raised $40 million on Monday. Customers pay for Brightloom-Mini by the token."
    assert triples(make_doc, text, {"Brightloom Reasoning": C, "Brightloom-Mini": M}) == set()


def test_a_mistyped_name_sharing_the_models_word_does_not_veto_its_owner(make_doc):
    # "Zephyr Chat" typed a company by mistake: "Zephyr" does not start with it, so "its" still means Initech
    text = "Zephyr Chat is popular. Initech made two versions of its Zephyr model free for business users."
    got = triples(make_doc, text, {"Zephyr Chat": C, "Initech": C, "Zephyr": M})
    assert ("Initech", "develops", "Zephyr") in got


def _garbled_description_doc():
    """ "Vexa runs code through Zephyr , its new model ." parsed with "model" as a second subject of "runs"."""
    import spacy
    from spacy.tokens import Doc, Span

    nlp = spacy.blank("en")
    words = ["Vexa", "runs", "code", "through", "Zephyr", ",", "its", "new", "model", "."]
    heads = [1, 1, 1, 1, 3, 1, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "poss", "amod", "nsubj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "ADJ", "NOUN", "PUNCT"]
    tags = ["NNP", "VBZ", "NN", "IN", "NNP", ",", "PRP$", "JJ", "NN", "."]
    lemmas = ["Vexa", "run", "code", "through", "Zephyr", ",", "its", "new", "model", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc.ents = [Span(doc, 0, 1, label=C), Span(doc, 4, 5, label=M)]
    return doc


def test_a_description_after_the_model_is_read_off_the_surface_when_the_parse_is_garbled():
    doc = _garbled_description_doc()
    got = {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t", entity_refs(doc))}
    assert ("Vexa", "develops", "Zephyr") in got


@pytest.mark.parametrize("text", [
    "Developers praised the Initech-developed Zephyr for its speed.",
    "The Initech-built Zephyr now answers by voice.",
    "Initech-made Zephyr tops the leaderboard.",
])
def test_a_maker_hyphenated_to_a_making_participle(make_doc, text):
    assert ("Initech", "develops", "Zephyr") in triples(make_doc, text, {"Initech": C, "Zephyr": M})


def test_a_backer_hyphenated_to_its_participle_makes_nothing(make_doc):
    assert triples(make_doc, "The Initech-backed Zephyr team raised money.", {"Initech": C, "Zephyr": M}) == set()
