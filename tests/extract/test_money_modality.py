"""Transactions not stated as happening (issue 12, money class): "had considered buying", "wanted to
buy", "in talks to invest" give no acquires / invests_in / licenses_from edge, as their deals stay out of
the graph. Hand-typed entities (``make_doc``); invented sentences in several registers."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

C = "COMPANY"
ENTS = {"Pellworth": C, "Dunmore": C, "Orrin Bank": C, "Brightwater Capital": C, "Quillon": C,
        "Fennick Ventures": C, "Torvane": C}


def triples(make_doc, text, ents=ENTS):
    doc = make_doc(text, ents)
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t")}


# -- transactions not stated as happening -------------------------------------------------------------

@pytest.mark.parametrize("text, relation", [
    ("Pellworth declined to comment on a report last month that it had considered buying Dunmore outright.", "acquires"),
    ("Q: There were reports last summer that Pellworth wanted to buy Dunmore. Were they true?", "acquires"),
    ("Pellworth is in talks to invest in Dunmore, according to two people familiar with the matter.", "invests_in"),
    ("Pellworth may license Dunmore's speech models for its hearing aids.", "licenses_from"),
    ("Pellworth tried to acquire Dunmore in 2019 but walked away.", "acquires"),
])
def test_a_hypothetical_transaction_states_no_relation(make_doc, text, relation):
    found = triples(make_doc, text)
    assert ("Pellworth", relation, "Dunmore") not in found


@pytest.mark.parametrize("text, relation", [
    ("Pellworth bought Dunmore for $40 million in March.", "acquires"),
    ("Pellworth, which had considered several rivals, bought Dunmore last year.", "acquires"),
    ("Pellworth invested in Dunmore in 2021.", "invests_in"),
])
def test_a_transaction_that_happened_still_does(make_doc, text, relation):
    assert ("Pellworth", relation, "Dunmore") in triples(make_doc, text)


# -- a deal agreed, then called off in the next clause or sentence -------------------------------------------

@pytest.mark.parametrize("text", [
    "Pellworth agreed to buy Dunmore for $2 billion in 2019, but the deal was called off in 2021.",
    "Torvane agreed to sell Dunmore to Pellworth in 2019, but the two called the deal off after regulators objected.",
    "Torvane agreed to sell Dunmore to Pellworth for $900 million. The two companies called the deal off a year later.",
    "Pellworth had agreed to acquire Dunmore, but the exclusivity period expired and the deal fell apart.",
    "Pellworth agreed in May to buy Dunmore. Regulators blocked the takeover in December.",
])
def test_an_agreed_deal_called_off_afterwards_states_no_purchase(make_doc, text):
    assert ("Pellworth", "acquires", "Dunmore") not in triples(make_doc, text)


@pytest.mark.parametrize("text", [
    "Pellworth bought Dunmore for $2 billion in 2019. The deal to buy Quillon was blocked in 2021.",
    "Pellworth bought Dunmore for $2 billion in 2019. The deal closed in 2020.",
    "Pellworth bought Dunmore in 2019. A second deal, for Quillon, collapsed a year later.",
])
def test_another_deal_called_off_afterwards_keeps_the_purchase(make_doc, text):
    assert ("Pellworth", "acquires", "Dunmore") in triples(make_doc, text)
