"""Model names and their makers (round 16), read through the whole build on invented text.

- a capitalised name followed by a tier word ("Small", "Mini", "Pro", "Edge" ...) in a sentence that counts
  parameters is one model's name, whatever the NER read in it ("Corvette Small" as a firm, "Small" alone);
  a version number after the tier belongs to it ("Kestra Pro 2"); the hardware a model runs on is none
  ("runs on a MacBook Pro").
"""
from __future__ import annotations

import pytest

B = 1_000_000_000


def _models(g):
    return {d["name"]: d.get("parameters") for _, d in g.nodes(data=True) if d["type"] == "model"}


@pytest.mark.parametrize("text, name, size", [
    ("Last night we released a reasoning model. Corvette comes in two versions. Corvette Small has 14 billion "
     "parameters and it is open.", "Corvette Small", 14 * B),
    ("Brannholt said the family comes in two sizes, a 30-billion-parameter Ostrava Large and a smaller one.",
     "Ostrava Large", 30 * B),
    ("Quellmark AI trained Tessel 9B, a language model for claims. A compressed version, Tessel Edge, has 1.1 "
     "billion parameters and runs on a laptop.", "Tessel Edge", 1.1 * B),
    ("Vormund AI opened access to Kestra Pro 2, a 40-billion-parameter model it says beats larger rivals.",
     "Kestra Pro 2", 40 * B),
])
def test_a_name_and_a_tier_word_in_a_counted_sentence_is_one_model(graph_of, text, name, size):
    models = _models(graph_of(text))
    assert models.get(name) == pytest.approx(size)
    assert not {"Small", "Large", "Edge", "Pro"} & set(models)


def test_the_hardware_a_counted_model_runs_on_is_no_model(graph_of):
    models = _models(graph_of("Brannholt said Tessel-3, with 3 billion parameters, runs on a MacBook Pro in the field."))
    assert "MacBook Pro" not in models


# -- the family word of a tiered model, alone, names the family: a model whose maker its members share --------------
def test_the_family_word_of_a_tiered_model_alone_is_a_model_and_its_maker_the_members(graph_of):
    g = graph_of("Analysts pointed to Brannholt Labs' release of Ostrava last week. Ostrava comes in two sizes, "
                 "a 24-billion-parameter Ostrava Small and an Ostrava Mini with 3 billion.")
    types = {d["name"]: d["type"] for _, d in g.nodes(data=True)}
    assert types.get("Ostrava") == "model"
    developers = {(g.nodes[u]["name"], g.nodes[v]["name"]) for u, v, k in g.edges(keys=True) if k == "develops"}
    assert {("Brannholt Labs", "Ostrava Small"), ("Brannholt Labs", "Ostrava Mini")} <= developers


def test_a_company_word_before_a_tier_stays_the_company(graph_of):
    g = graph_of("Halvorsen AI released Halvorsen Large, a 70-billion-parameter model. Halvorsen said it will "
                 "open an office in Oslo.")
    types = {d["name"]: d["type"] for _, d in g.nodes(data=True)}
    assert types.get("Halvorsen Large") == "model"
    assert types.get("Halvorsen") != "model"


# -- a name before "family" in a sentence of models is a model family, version and all ----------------------------
def test_a_named_family_of_models_is_a_model_and_its_members_the_makers(graph_of):
    g = graph_of("Quorvik released the weights of its Sable 3.5 family on Monday, eight models in all. The largest, "
                 "Sable-3.5-90B, has 90 billion parameters.")
    types = {d["name"]: d["type"] for _, d in g.nodes(data=True)}
    assert types.get("Sable 3.5") == "model"
    developers = {(g.nodes[u]["name"], g.nodes[v]["name"]) for u, v, k in g.edges(keys=True) if k == "develops"}
    assert ("Quorvik", "Sable-3.5-90B") in developers


def test_a_family_of_people_is_no_model(graph_of):
    g = graph_of("The Harwick family sold its stake in Quorvik, which makes models of ships, to Brenton Capital.")
    types = {d["name"]: d["type"] for _, d in g.nodes(data=True)}
    assert types.get("Harwick") != "model"
