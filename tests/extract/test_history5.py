"""Ownership told as history (issue 12, round 5), over hand-typed entities (``make_doc``): past sales and
purchases in the passive, "its purchase by Y", "now part of Y", "its parent company, Y". Invented sentences;
each of these gave no edge before extract/relations/history.py."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.records import Article
from extract.relations import find_relations

C = "COMPANY"
ENTS = {"Quillon": C, "Initech": C, "Vexa Records": C, "Harrowgate Bank": C, "Torvane": C}


def facts(make_doc, text, ents=ENTS):
    doc = make_doc(text, ents)
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t", entity_refs(doc))}


@pytest.mark.parametrize("text, expected", [
    ("In 1990 Vexa Records was sold to Initech.", {("Initech", "acquires", "Vexa Records"), ("Vexa Records", "part_of", "Initech")}),
    ("Vexa Records was sold to Initech in 1990 and later renamed.", {("Vexa Records", "part_of", "Initech")}),
    ("Quillon, sold to Harrowgate Bank in 2019, kept its name.", {("Quillon", "part_of", "Harrowgate Bank")}),
    ("Quillon, which had been sold to Harrowgate Bank, closed in 2004.", {("Quillon", "part_of", "Harrowgate Bank")}),
    ("Quillon, acquired by Harrowgate Bank in 2016, now employs 400 people.", {("Quillon", "part_of", "Harrowgate Bank")}),
    ("Quillon was bought by Harrowgate Bank for $40 million in 2011.", {("Quillon", "part_of", "Harrowgate Bank")}),
    ("Following its purchase by Harrowgate Bank in 2018, Quillon moved to Leeds.",
     {("Harrowgate Bank", "acquires", "Quillon"), ("Quillon", "part_of", "Harrowgate Bank")}),
    ("Quillon's takeover by Harrowgate Bank closed in 2019.", {("Harrowgate Bank", "acquires", "Quillon")}),
    ("Quillon, now part of Harrowgate Bank, builds warehouse robots.", {("Quillon", "part_of", "Harrowgate Bank")}),
    ("Quillon said its parent company, Harrowgate Bank, would invest $50 million.", {("Quillon", "part_of", "Harrowgate Bank")}),
])
def test_ownership_told_as_history_is_read(make_doc, text, expected):
    assert expected <= facts(make_doc, text)


@pytest.mark.parametrize("text, unwanted", [
    # not done yet, or not the company that was sold
    ("Quillon will be sold to Harrowgate Bank next year.", ("Quillon", "part_of", "Harrowgate Bank")),
    ("Quillon is being acquired by Harrowgate Bank.", ("Quillon", "part_of", "Harrowgate Bank")),
    ("Quillon could be bought by Harrowgate Bank, analysts said.", ("Quillon", "part_of", "Harrowgate Bank")),
    ("Harrowgate Bank sold its stake in Quillon to Torvane last year.", ("Quillon", "part_of", "Torvane")),
    ("Quillon's purchase of Harrowgate Bank closed in 2019.", ("Quillon", "part_of", "Harrowgate Bank")),
    ("Quillon and its partner, Harrowgate Bank, will build the plant.", ("Quillon", "part_of", "Harrowgate Bank")),
    ("Quillon, part of the deal with Harrowgate Bank, was announced.", ("Quillon", "part_of", "Harrowgate Bank")),
    ("Quillon, originally part of Harrowgate Bank, is now owned by Torvane.", ("Quillon", "part_of", "Harrowgate Bank")),
    ("Quillon was founded in 1950. This division was later sold to Harrowgate Bank.", ("Quillon", "part_of", "Harrowgate Bank")),
])
def test_near_misses_give_no_ownership(make_doc, text, unwanted):
    assert unwanted not in facts(make_doc, text)


@pytest.mark.parametrize("text", [
    "Torvane bought shares of Quillon in 2021.",
    "Torvane acquired a licence from Quillon in 2020.",
    "Torvane acquired customers from Quillon when it closed.",
    "Torvane acquired the rights to Quillon's maps.",
])
def test_buying_a_thing_of_a_company_is_no_acquisition_of_it(make_doc, text):
    doc = make_doc(text, ENTS)
    found = [d for d in find_deals(doc, Article(id="t", text=text)) if d.confidence >= KEEP_CONFIDENCE]
    assert not [d for d in found if d.kind == "acquisition"]


def test_buying_the_company_is_still_an_acquisition(make_doc):
    text = "Torvane bought Quillon in 2021."
    doc = make_doc(text, ENTS)
    assert [d.kind for d in find_deals(doc, Article(id="t", text=text))] == ["acquisition"]


@pytest.mark.parametrize("text", [
    "Quillon, acquired by Harrowgate Bank for $40 million in 2016, now employs 400 people.",
    "Quillon's purchase by Harrowgate Bank for $40 million closed in 2016.",
])
def test_a_purchase_told_as_history_is_an_acquisition_deal(make_doc, text):
    doc = make_doc(text, ENTS)
    found = [(d.kind, {(p.mention.text, p.role) for p in d.parties}, d.amount_usd) for d in find_deals(doc, Article(id="t", text=text))]
    assert ("acquisition", {("Harrowgate Bank", "buyer"), ("Quillon", "seller")}, 40e6) in found
