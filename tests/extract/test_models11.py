"""Models of a family nobody has listed (issue 12, round 11): a model-shaped name with no model word in its own
sentence ("Sarn-4 matches KLM-4.5") is a model when the article elsewhere shows its family to be one of models
("Sarn-3, its previous model", "the Tarn models"), and not when its sentence says it is a chip, a phone, a fund or a
version of software. Invented text over the full pipeline."""
from __future__ import annotations

import pytest

from extract.entities import article_model_families, name_family
from extract.pipeline import extract_article
from extract.records import Article


def models(nlp, text):
    return {m.text for m in extract_article(nlp, Article("t", text)).mentions if m.type == "model"}


@pytest.mark.parametrize("text, names", [
    ("Sarn-3, its previous model, was trained on public data. Velto Labs said Sarn-4 matches KLM-4.5 on coding tests.",
     {"Sarn-3", "Sarn-4"}),
    ("Pellucid released Orra-2, a 12-billion-parameter model, in May. Orra-3 follows in the autumn, the company said.",
     {"Orra-2", "Orra-3"}),
    ("The Tarn models are built for call centres, Strato AI said. Tarn-2 handles 40 languages and Tarn-2.5 adds voice.",
     {"Tarn-2", "Tarn-2.5"}),
    ("Kestrel AI said its Kestrel-V2 model cost $6 million to train. Kestrel-V3 came out on Monday.",
     {"Kestrel-V2", "Kestrel-V3"}),
])
def test_a_family_the_article_calls_one_of_models_types_its_other_names(newsgraph_nlp, text, names):
    assert names <= models(newsgraph_nlp, text)


@pytest.mark.parametrize("text, not_names", [
    # no model of its family anywhere in the article
    ("Velto Labs said Sarn-4 matches KLM-4.5 on coding tests.", {"Sarn-4"}),
    # the family is one of models, but the sentence says this name is a fund, a phone, a version of software
    ("The Lumen models answer questions. Lumen-3, the fund, has $400 million to invest.", {"Lumen-3"}),
    ("The Vega models run on phones. Corvex Mobile sells the Vega-16 phone for $899.", {"Vega-16"}),
    ("The Ledger models read filings. Ledger OS-5 is the latest version of the software.", {"OS-5", "Ledger OS-5"}),
    # a family of people is none of models
    ("The Walton family owns Acme. Walton-3 is a street in Leeds.", {"Walton-3"}),
])
def test_a_name_without_model_evidence_or_said_to_be_another_thing_is_no_model(newsgraph_nlp, text, not_names):
    assert not (not_names & models(newsgraph_nlp, text))


def test_families_read_from_the_article():
    assert name_family("KLM-4.5") == "KLM" and name_family("k3-mini") is None
    assert article_model_families("Acme's Orra family of open models grew.", ["Sarn-3"]) == {"Orra", "Sarn"}


@pytest.mark.parametrize("text, name, is_model", [
    ("Kestrel AI trained Kestrel-V3 for a fraction of what its rivals spend.", "Kestrel-V3", True),
    ("Velto Labs open-sourced Sarn-4 on Tuesday.", "Sarn-4", True),
    ("Orra-3 was fine-tuned on legal contracts, Pellucid said.", "Orra-3", True),
    # what something is trained on is data or hardware, not the model
    ("Velto Labs trained its new system on Nimbus-5 servers.", "Nimbus-5", False),
])
def test_a_name_someone_trains_is_a_model(newsgraph_nlp, text, name, is_model):
    assert (name in models(newsgraph_nlp, text)) is is_model


@pytest.mark.parametrize("text, not_names", [
    ("Engineers described the approach as a GPT-style transformer trained on code.", {"GPT-style"}),
    ("Velto Labs says Sarn-4 offers GPT-4-class performance at a tenth of the price.", {"GPT-4-class"}),
])
def test_a_name_made_a_modifier_is_no_model(newsgraph_nlp, text, not_names):
    assert not (not_names & models(newsgraph_nlp, text))


@pytest.mark.parametrize("text, not_names", [
    # a model in the sentence says nothing of a name the sentence calls a phone or an accelerator
    ("Corvex Mobile runs the Sarn-4 model on its Vega-16 phone.", {"Vega-16"}),
    ("Halcyon's Gemmo-2 model was trained on Corvid MX-300 accelerators.", {"MX-300", "Corvid MX-300"}),
])
def test_a_name_its_sentence_calls_another_thing_is_no_model_beside_a_model(newsgraph_nlp, text, not_names):
    assert not (not_names & models(newsgraph_nlp, text))
