"""Acquisitions (issue 12, money class), over hand-typed entities (``make_doc``): a company sold to a
buyer however the parser hangs "to", and a stake bought from someone (an investment in the company
the stake is in, never the purchase of the one who sold it). Invented sentences in several registers."""
from __future__ import annotations

import pytest

from extract.deals import deal_relations
from extract.records import Article

C = "COMPANY"
ENTS = {"Pellworth": C, "Dunmore": C, "Quillon": C, "Torvane": C}


def triples(deals):
    return {(r.source.text, r.relation, r.target.text) for r in deal_relations(deals)}


@pytest.mark.parametrize("text", [
    "Quillon was sold to Pellworth in 2019.",                      # the parser calls "to Pellworth" a dative
    "After two years of losses, Quillon was sold to Pellworth for an undisclosed sum.",
])
def test_a_company_sold_to_a_buyer(kept_deals, text):
    assert ("Pellworth", "acquires", "Quillon") in triples(kept_deals(text, ENTS))


@pytest.mark.parametrize("text", [
    "Pellworth agreed to buy a 49% stake in Quillon from Dunmore for $2 billion.",
    "Pellworth acquired a minority stake in Quillon from Dunmore last year.",
])
def test_a_stake_bought_from_someone_is_an_investment(kept_deals, text):
    deals = kept_deals(text, ENTS)
    assert ("Pellworth", "invests_in", "Quillon") in triples(deals)
    assert not any(d.kind == "acquisition" for d in deals)  # nobody bought Dunmore


# -- paying for staff and technology ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pellworth will pay about $2.5 billion for Dunmore's technology and key employees, in a deal that stops "
    "short of an acquisition.",
    "Pellworth paid Dunmore $300 million for its engineers, people briefed on the deal said.",
    "Pellworth paid $650 million for the staff of Dunmore.",
])
def test_paying_for_a_company_s_staff_is_hiring_not_an_acquisition(kept_deals, text):
    deals = kept_deals(text, ENTS)
    hiring = [d for d in deals if d.kind == "hiring"]
    assert hiring and {p.mention.text for p in hiring[0].parties} == {"Pellworth", "Dunmore"}
    assert not any(d.kind == "acquisition" for d in deals)


@pytest.mark.parametrize("text", [
    "Pellworth spent $2 billion on its employees last year.",
    "Pellworth paid $10 million for staff training at Dunmore.",
])
def test_money_spent_on_one_s_own_staff_is_no_deal(kept_deals, text):
    assert not any(d.kind == "hiring" for d in kept_deals(text, ENTS))


# -- a unit sold by its parent ---------------------------------------------------------------------------

def article_relations(nlp_text):
    from extract.pipeline import extract_doc
    doc, text = nlp_text
    return {(r.source.text, r.relation, r.target.text) for r in extract_doc(doc, Article(id="t", text=text)).relations}


@pytest.mark.parametrize("text, unit, parent", [
    ("Dunmore also agreed to sell its automotive unit, Quillon, to Pellworth for $520 million in cash.", "Quillon", "Dunmore"),
    ("Pellworth bought Quillon, a unit of Dunmore, from Dunmore for $2 billion.", "Quillon", "Dunmore"),
])
def test_the_buyer_acquires_the_unit_not_the_parent_that_sold_it(make_doc, text, unit, parent):
    found = article_relations((make_doc(text, ENTS), text))
    assert ("Pellworth", "acquires", unit) in found
    assert ("Pellworth", "acquires", parent) not in found


def test_a_company_bought_with_its_unit_is_still_acquired(make_doc):
    text = "Pellworth acquired Dunmore and its unit Quillon in 2021."
    found = article_relations((make_doc(text, ENTS), text))
    assert {("Pellworth", "acquires", "Dunmore"), ("Pellworth", "acquires", "Quillon")} <= found
