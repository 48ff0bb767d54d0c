"""News datelines ("TORONTO, Ontario — April 8, 2025 —", "SAN JOSE, Calif.--(BUSINESS WIRE)--") are their
own statement: parsed with the story's first sentence, the place became its subject, was typed a company
and took the deal or the model ("TORONTO develops Quill-2", "Lux Capital invests_in SAN JOSE"). Names are
invented."""
from __future__ import annotations

import pytest

from extract.components import dateline_ends
from extract.pipeline import extract_doc
from extract.records import Article

RELEASE = ('TORONTO, Ontario \u2014 April 8, 2025 \u2014 Brindle AI Inc. ("Brindle" or "the Company"), a developer of '
           "language models for banks, today announced the general availability of Quill-2, its second-generation "
           "model family.")
WIRE = ("SAN JOSE, Calif.--(BUSINESS WIRE)--October 8, 2024--Helio Robotics, a developer of humanoid robots, today "
        "announced that it has closed an $85 million Series B financing round led by Lux Capital, with participation "
        "from Toyota Ventures.")


def _facts(nlp, text):
    x = extract_doc(nlp(text), Article("t", text))
    relations = {(r.source.text, r.relation, r.target.text) for r in x.relations}
    return relations, {(m.text, m.type) for m in x.mentions}


def test_a_press_release_dateline_is_a_place_and_the_company_develops(newsgraph_nlp):
    relations, mentions = _facts(newsgraph_nlp, RELEASE)
    assert ("TORONTO", "place") in mentions
    assert ("Brindle AI Inc.", "develops", "Quill-2") in relations
    assert not any(source == "TORONTO" for source, _, _ in relations)


def test_a_business_wire_dateline_leaves_the_company_whole(newsgraph_nlp):
    relations, mentions = _facts(newsgraph_nlp, WIRE)
    assert ("Helio Robotics", "company") in mentions  # "WIRE)--Helio" was one word
    assert {("Lux Capital", "invests_in", "Helio Robotics"), ("Toyota Ventures", "invests_in", "Helio Robotics")} <= relations


@pytest.mark.parametrize("text", ["CKNL - FM is a radio station.", "NASA - the agency - said so.", "Arm - a primer"])
def test_a_name_before_a_dash_is_no_dateline(text):
    assert dateline_ends(text) == []
