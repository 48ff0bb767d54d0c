"""Relation rules of extract/relations.py, round 4: unattributed releases, shareholders, appositions in
coordinations, plural pronoun rivals, models named after their company."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

ENTS = {
    "Zorblax": "COMPANY", "Nimbus": "COMPANY", "Meta": "COMPANY", "Amazon": "COMPANY", "Anthropic": "COMPANY",
    "Quill-2": "MODEL", "Llama 3": "MODEL", "Meta Quill": "MODEL",
}


def _relations(make_doc, text, ents=None):
    ents = ents or {k: v for k, v in ENTS.items() if k in text}
    return list(find_relations(make_doc(text, ents), "t1"))


def _triples(make_doc, text, ents=None):
    return {(r.source.text, r.relation, r.target.text) for r in _relations(make_doc, text, ents)}


# -- a model released without an agent, in a passage about a company --------------------------------
@pytest.mark.parametrize("text", [
    "Zorblax also publishes its own models. Quill-2, released in June, has 13 billion parameters.",
    "Zorblax grew fast last year. Quill-2 was trained on court filings.",
    "Zorblax grew fast last year. Quill-2 has 13 billion parameters and was trained on court filings.",
])
def test_agentless_release_takes_the_passage_company(make_doc, text):
    found = [r for r in _relations(make_doc, text) if r.relation == "develops"]
    assert [(r.source.text, r.target.text) for r in found] == [("Zorblax", "Quill-2")]
    assert found[0].confidence < 0.6  # an inference, below any stated develops


def test_stated_agent_or_developer_wins_over_the_passage_company(make_doc):
    got = _triples(make_doc, "Zorblax grew fast. Quill-2, released by Nimbus in June, has 13 billion parameters.")
    assert ("Zorblax", "develops", "Quill-2") not in got
    got = _triples(make_doc, "Zorblax grew fast. Quill-2, released in June, has 13 billion parameters. "
                             "Nimbus's Quill-2 is popular with banks.")
    assert ("Zorblax", "develops", "Quill-2") not in got


@pytest.mark.parametrize("text", [
    # the model is not the subject the passage introduces
    "Zorblax grew fast. Its sales beat Llama 3, released in April.",
    # its name carries another company's
    "Meta is big. Zorblax grew fast. Meta Quill, released in June, has 13 billion parameters.",
    # the company was named too long ago
    "Zorblax grew fast. Sales rose. Prices fell. Quill-2, released in June, has 13 billion parameters.",
])
def test_agentless_release_needs_a_subject_model_and_a_near_company(make_doc, text):
    assert not any(r.relation == "develops" and r.source.text == "Zorblax" for r in _relations(make_doc, text))
