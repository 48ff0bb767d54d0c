"""Model names and their sizes (issue 12, round 12): what makes a phrase a model's name, read through the whole
build on invented text.

- a known model family's word followed in one name by another family's word or a model name is one longer
  model ("Llama Qwen Nano"), whose first family does not say who made it;
- the capitalised subject of "has N parameters" is a model, whatever the NER read in it ("Isaac Q7");
- a one-word name set beside "a/an ... model" after a comma is a model ("released ORCHID, a 9B model");
- a model noun named by a participle with no comma ("a large model code-named Olympus") names a model;
- a language's name before a model noun describes the model and names none ("the Hindi model");
- a relative clause after "X from <maker>" that states a size tells of X ("Wren from Acme, which has 1.5 billion").
"""
from __future__ import annotations

import pytest

B = 1_000_000_000


def _models(g):
    return {d["name"]: d.get("parameters") for _, d in g.nodes(data=True) if d["type"] == "model"}


def _names(g):
    return {d["name"]: d["type"] for _, d in g.nodes(data=True)}


# -- a family word before another family's word or a model name: one longer name ---------------------------------
@pytest.mark.parametrize("text, name, size", [
    ("Corvane released a family called Llama Qwen. Llama Qwen Nano has 4 billion parameters and runs on phones.",
     "Llama Qwen Nano", 4 * B),
    ("Corvane said Llama Qwen Ultra, at 120 billion parameters, needs a server.", "Llama Qwen Ultra", 120 * B),
])
def test_a_family_word_before_another_model_name_is_one_name(graph_of, text, name, size):
    models = _models(graph_of(text))
    assert models.get(name) == size
    assert "Qwen Nano" not in models and "Qwen Ultra" not in models


def test_the_first_family_of_a_two_family_name_says_nothing_of_its_maker(graph_of):
    g = graph_of("Meta released Llama 3 in April. Corvane built Llama Qwen Nano on Meta's Llama. "
                 "Llama Qwen Nano has 4 billion parameters.")
    developers = {(g.nodes[u]["name"], g.nodes[v]["name"]) for u, v, k in g.edges(keys=True) if k == "develops"}
    assert ("Meta", "Llama Qwen Nano") not in developers


@pytest.mark.parametrize("text", [
    "Mistral AI raised $600 million from General Catalyst.",
    "Claude Giroux scored twice for Ottawa on Saturday.",
])
def test_a_family_word_before_a_company_word_or_a_surname_makes_no_longer_model(graph_of, text):
    assert not any(" " in n for n in _models(graph_of(text)))


# -- the subject of "has N parameters" --------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, size", [
    ("Isaac Q7, which Halvard called its first robot model, has about two billion parameters.", "Isaac Q7", 2 * B),
    ("Cost matters. Brell-Review has 13 billion parameters and runs on two GPUs.", "Brell-Review", 13 * B),
])
def test_the_subject_of_has_parameters_is_a_model(graph_of, text, name, size):
    g = graph_of(text)
    assert _models(g).get(name) == size
    assert "Isaac" not in _names(g)


# -- a one-word name beside "a ... model" --------------------------------------------------------------------------
def test_a_one_word_name_beside_an_indefinite_model_description_is_a_model(graph_of):
    models = _models(graph_of("In 2022 the collaboration released ORCHID, a 176-billion-parameter multilingual model, "
                              "to researchers."))
    assert models.get("ORCHID") == 176 * B


def test_an_acronym_in_parentheses_is_no_model(graph_of):
    assert "LLM" not in _models(graph_of("Acme is building a large language model (LLM) for banks."))


# -- a naming participle -------------------------------------------------------------------------------------------
def test_a_model_code_named_by_a_participle_is_a_model(graph_of):
    names = _names(graph_of("Tessaly is said to be training a large model code-named Osprey; it has not confirmed it."))
    assert names.get("Osprey") == "model"


def test_a_comma_before_the_participle_ends_the_description(graph_of):
    names = _names(graph_of("Stability AI, maker of the Stable Diffusion image models, named Priya Raman its chief executive."))
    assert names.get("Priya Raman") != "model"


# -- a language's name before a model noun ---------------------------------------------------------------------------
def test_a_language_before_a_model_noun_names_no_model(graph_of):
    names = _names(graph_of("Sarvik's first release came last year. The seven-billion-parameter Hindi model was "
                            "built on top of Llama 2."))
    assert "Hindi" not in names


# -- "X from <maker>, which has N" -----------------------------------------------------------------------------------
def test_a_size_clause_on_the_maker_tells_of_its_model(graph_of):
    models = _models(graph_of("We compare it with Wren large-v3 from Acme, which has about 1.55 billion, every week."))
    assert models.get("Wren large-v3") == 1_550_000_000


# -- a licence's name ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Velto released Orra-3 under the Apache 2.0 licence on Monday.", "Apache 2.0"),
    ("Its weights are available under an MIT licence, Velto said.", "MIT"),
])
def test_the_name_of_a_licence_is_no_entity(graph_of, text, name):
    assert name not in _names(graph_of(text))
