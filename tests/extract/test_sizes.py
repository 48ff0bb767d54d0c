"""Model sizes (``parameters`` attributes) wherever a sentence puts them, and the counts that are never sizes.

Short invented sentences parsed by the real model with hand-typed entities (``make_doc``), plus
hand-built ``Doc``s for the rules that read the surface and must hold whatever the parser does.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from extract.deals import find_attributes

C, M, P = "COMPANY", "MODEL", "PERSON"
B = 1_000_000_000


def sizes(make_doc, text, ents):
    doc = make_doc(text, ents)
    return [(a.mention.text, a.value) for a in find_attributes(doc, "t")]


# --- fronted participles and absolute phrases -------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("With some 400 billion parameters, Zephyr is the largest model Brightloom has built.", 400 * B),
    ("At 70 billion parameters, Zephyr is far smaller than its rivals.", 70 * B),
    ("Sized at 8 billion parameters, Zephyr runs on a single laptop.", 8 * B),
    ("Packing 70 billion parameters, Zephyr answers questions in Welsh.", 70 * B),
    ("Weighing in at 70B parameters, Zephyr is compact.", 70 * B),
    ("With 70 billion parameters, Brightloom's Zephyr beats older systems.", 70 * B),
    ("Zephyr, at 70 billion parameters, is small.", 70 * B),
])
def test_fronted_or_absolute_phrase_sizes_the_subject(make_doc, text, want):
    assert sizes(make_doc, text, {"Zephyr": M, "Brightloom": C}) == [("Zephyr", want)]


def test_fronted_phrase_reaches_the_model_through_a_pronoun(make_doc):
    text = "Brightloom released Zephyr on Tuesday. At 22 billion parameters, it is small enough for a phone."
    assert sizes(make_doc, text, {"Zephyr": M, "Brightloom": C}) == [("Zephyr", 22 * B)]


def test_fronted_phrase_about_a_company_sizes_nothing(make_doc):
    assert sizes(make_doc, "With 400 million users, Zephyr is popular.", {"Zephyr": M}) == []
    assert sizes(make_doc, "With 70 billion parameters, Brightloom beats its rivals.", {"Brightloom": C}) == []


def test_fronted_comparison_sizes_the_compared_model_only(make_doc):
    text = "Compared with the 1.8 trillion parameters of Orca-4, Zephyr is small."
    assert ("Zephyr", 1800 * B) not in sizes(make_doc, text, {"Zephyr": M, "Orca-4": M})


def _fronted_doc():
    """ "Sized at 8B parameters , Zephyr runs fast ." with a garbled parse ("runs" a noun, Zephyr its compound)."""
    nlp = spacy.blank("en")
    words = ["Sized", "at", "8B", "parameters", ",", "Zephyr", "runs", "fast", "."]
    heads = [6, 0, 3, 1, 6, 6, 6, 6, 6]
    deps = ["advcl", "prep", "nummod", "pobj", "punct", "compound", "ROOT", "advmod", "punct"]
    pos = ["ADJ", "ADP", "NUM", "NOUN", "PUNCT", "PROPN", "NOUN", "ADV", "PUNCT"]
    lemmas = ["sized", "at", "8b", "parameter", ",", "Zephyr", "run", "fast", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc.ents = [Span(doc, 5, 6, label="MODEL")]
    return doc


def test_fronted_phrase_is_read_off_the_surface_when_the_parse_is_garbled():
    assert [(a.mention.text, a.value) for a in find_attributes(_fronted_doc(), "t")] == [("Zephyr", 8 * B)]


# --- copulas and measure verbs -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Zephyr is 405 billion parameters in size.",
    "Zephyr measures 405 billion parameters.",
    "Zephyr weighs in at 405 billion parameters.",
    "Zephyr comes in at 405 billion parameters.",
    "Zephyr tops out at 405 billion parameters.",
    "Zephyr is sized at 405 billion parameters.",
    "Zephyr has a 405-billion-parameter design.",
    "Zephyr boasts 405 billion parameters.",
    "Zephyr's parameter count is 405 billion.",
    "Zephyr has a parameter count of 405 billion.",
    "The number of parameters in Zephyr is 405 billion.",
])
def test_copula_and_measure_verbs(make_doc, text):
    assert sizes(make_doc, text, {"Zephyr": M}) == [("Zephyr", 405 * B)]


def test_measure_verb_of_a_company_sizes_nothing(make_doc):
    assert sizes(make_doc, "Brightloom weighs in at 405 billion parameters.", {"Brightloom": C}) == []


# --- parentheses and counts in front of a name ------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Zephyr (405B parameters) beat Orca-4 on coding tests.", 405 * B),
    ("Brightloom released Zephyr (70B) on Wednesday.", 70 * B),
    ("Brightloom released Zephyr (about 12 billion parameters, open weights) on Wednesday.", 12 * B),
    ("The 70-billion-parameter Zephyr runs on a single server.", 70 * B),
])
def test_parenthesis_and_prenominal_counts(make_doc, text, want):
    assert sizes(make_doc, text, {"Zephyr": M, "Orca-4": M, "Brightloom": C}) == [("Zephyr", want)]


def _paren_doc(inside):
    """ "Zephyr ( <inside> ) shipped ." with a flat, parse-free Doc."""
    nlp = spacy.blank("en")
    words = ["Zephyr", "("] + inside + [")", "shipped", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 0, 1, label="MODEL")]
    return doc


def test_parenthesis_needs_no_parse():
    assert [(a.mention.text, a.value) for a in find_attributes(_paren_doc(["70B"]), "t")] == [("Zephyr", 70 * B)]
    assert [a.value for a in find_attributes(_paren_doc(["12", "billion", "parameters"]), "t")] == [12 * B]


@pytest.mark.parametrize("inside", [["128K", "context"], ["1M", "tokens"], ["2B", "downloads"], ["$", "6B"],
                                    ["400", "million", "users"], ["128K"]])
def test_parenthesis_that_is_no_size(inside):
    assert list(find_attributes(_paren_doc(inside), "t")) == []


# --- lists of sizes for a family --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Brightloom's Zephyr comes in 8B and 70B versions.",
    "Zephyr is available in 8B and 70B sizes.",
    "Brightloom released Zephyr in 8B and 70B sizes.",
    "Zephyr, an open model released in 70B and 8B sizes, is popular.",
    "Zephyr comes in two sizes, 8B and 70B.",
    "Zephyr ships in 3B, 8B and 70B variants.",
])
def test_family_list_gives_the_family_its_largest_size(make_doc, text):
    assert sizes(make_doc, text, {"Zephyr": M, "Brightloom": C}) == [("Zephyr", 70 * B)]


def test_size_named_siblings_keep_their_own_sizes(make_doc):
    text = "Brightloom released Zephyr 8B and Zephyr 70B, which come in 8B and 70B versions."
    got = sizes(make_doc, text, {"Zephyr 8B": M, "Zephyr 70B": M, "Brightloom": C})
    assert ("Zephyr 8B", 8 * B) in got and ("Zephyr 70B", 70 * B) in got


def test_family_list_of_other_units_is_no_size(make_doc):
    assert sizes(make_doc, "Zephyr comes in 8K and 32K context versions.", {"Zephyr": M}) == []
    assert sizes(make_doc, "Zephyr was trained on 8T and 15T tokens.", {"Zephyr": M}) == []


# --- the next sentence: "the model", "it" -----------------------------------------------------------

@pytest.mark.parametrize("second", ["The model has 400 billion parameters.", "It has 400 billion parameters.",
                                    "The model weighs in at 400 billion parameters."])
def test_size_in_the_next_sentence(make_doc, second):
    text = f"Brightloom launched Zephyr today. {second}"
    assert sizes(make_doc, text, {"Zephyr": M, "Brightloom": C}) == [("Zephyr", 400 * B)]


# --- mixture of experts: the total, not the active share ---------------------------------------------

def test_total_not_active_parameters(make_doc):
    text = ("Zephyr-MoE from Brightloom, a mixture-of-experts model with 236 billion total parameters "
            "(21 billion active per token), is cheap to run.")
    assert sizes(make_doc, text, {"Zephyr-MoE": M, "Brightloom": C}) == [("Zephyr-MoE", 236 * B)]
    assert sizes(make_doc, "Zephyr uses 12B active parameters.", {"Zephyr": M}) == []


# --- never a size -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Zephyr supports a 128K-token context window.",
    "Zephyr has a context of 1 million tokens.",
    "Zephyr has a context window of 2 billion.",
    "Zephyr was trained on 15 trillion tokens.",
    "Zephyr was trained on 15T tokens.",
    "Zephyr handles 128K tokens.",
    "Zephyr has 128K context.",
    "Zephyr costs $7B to train.",
    "Zephyr cost 5 billion dollars to train.",
    "Zephyr is a 40 GB download.",
    "Zephyr was trained on 20,000 GPUs.",
    "Zephyr has 200 million weekly active users.",
    "Zephyr has 10 million downloads.",
    "Zephyr was downloaded 10 million times.",
    "Zephyr was trained on 20 billion images.",
    "Zephyr, with 100 million users, is popular.",
    "Zephyr has 3 billion subscribers.",
])
def test_counts_that_are_never_sizes(make_doc, text):
    assert sizes(make_doc, text, {"Zephyr": M}) == []


def test_a_company_valuation_is_no_size(make_doc):
    assert sizes(make_doc, "Brightloom, valued at 24 billion, builds Zephyr.", {"Brightloom": C, "Zephyr": M}) == []


def test_two_models_two_sizes(make_doc):
    text = "Brightloom said Zephyr has 70 billion parameters, while Orca-4 has 1.8 trillion."
    got = sizes(make_doc, text, {"Brightloom": C, "Zephyr": M, "Orca-4": M})
    assert ("Zephyr", 70 * B) in got and ("Zephyr", 1800 * B) not in got


# --- descriptions, absolute phrases after a name, "versions of" ----------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Brightloom's Zephyr-mini, a 3.8B language model, runs on phones.", ("Zephyr-mini", 3_800_000_000)),
    ("Brightloom released Zephyr-4, a 340B model family.", ("Zephyr-4", 340 * B)),
    ("Brightloom said Zephyr, at 132 billion parameters, outperforms Orca-4.", ("Zephyr", 132 * B)),
    ("Brightloom released the 8-billion and 70-billion parameter versions of Zephyr in April.", ("Zephyr", 70 * B)),
])
def test_descriptions_and_absolute_phrases(make_doc, text, want):
    ents = {"Brightloom": C, "Zephyr-mini": M, "Zephyr-4": M, "Zephyr": M, "Orca-4": M}
    assert sizes(make_doc, text, ents) == [want]


def test_wire_abbreviations_and_superlative_members(make_doc):
    text = "Zephyr-72B has 72 bln parameters, and the smallest Zephyr model has 0.5 bln."
    assert sizes(make_doc, text, {"Zephyr-72B": M, "Zephyr": M}) == [("Zephyr-72B", 72 * B)]


# --- names the typer took for something else --------------------------------------------------------

def test_a_name_typed_as_something_else_owns_no_size(make_doc):
    # parameters belong on model nodes (SCHEMA.md); a model typed as a company or product is the typer's to fix
    assert sizes(make_doc, "Vela-3 weighs in at 12 billion parameters.", {"Vela-3": C}) == []
    assert sizes(make_doc, "Zephyr (12B parameters) is open.", {"Zephyr": "PRODUCT"}) == []


def test_a_mistyped_name_never_owns_through_a_pronoun(make_doc):
    text = "Our demo runs Zephyr 70B from the Halden Institute in Oslo, which has 70 billion parameters."
    got = sizes(make_doc, text, {"Zephyr 70B": M, "Halden Institute": "ORGANIZATION", "Oslo": "PLACE"})
    assert all(name == "Zephyr 70B" for name, _ in got)


@pytest.mark.parametrize("text", [
    "Brightloom launched Zephyr today, a model with 400 billion parameters.",
    "Brightloom's Zephyr model, which has 400 billion parameters, is out.",
    "Zephyr, which Brightloom says has 400 billion parameters, is out.",
    "Zephyr is roughly five times the size of Orca-3, at 400 billion parameters.",
    "Zephyr now has 400 billion parameters, up from 314 billion in Orca-3.",
])
def test_relative_clauses_delayed_appositions_and_comparisons(make_doc, text):
    assert sizes(make_doc, text, {"Brightloom": C, "Zephyr": M, "Orca-3": M}) == [("Zephyr", 400 * B)]


@pytest.mark.parametrize("text, want", [
    ("Zephyr reportedly has more than a trillion parameters.", 1000 * B),
    ("Zephyr is a trillion-parameter model.", 1000 * B),
    ("Zephyr has half a trillion parameters.", 500 * B),
])
def test_counts_in_words_stated_in_parameters(make_doc, text, want):
    assert sizes(make_doc, text, {"Zephyr": M}) == [("Zephyr", want)]


def test_counts_in_words_without_parameters_are_no_sizes(make_doc):
    assert sizes(make_doc, "Zephyr has a billion users.", {"Zephyr": M}) == []


@pytest.mark.parametrize("text", [
    "Zephyr replaces the 7B and 13B models that Brightloom shipped last year.",
    "Zephyr outperforms 7B and 13B models on every test.",
    "Zephyr was compared with 7B and 13B systems.",
])
def test_lists_of_other_models_sizes_are_not_the_familys(make_doc, text):
    assert sizes(make_doc, text, {"Zephyr": M, "Brightloom": C}) == []
