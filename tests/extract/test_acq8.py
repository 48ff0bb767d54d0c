"""Acquisitions and deal precision (issue 12, round 8): who bought, and what a purchase names.

Invented sentences with hand-typed entities (``make_doc``); near misses show what must stay as it was.
"""
from __future__ import annotations

from extract.coref import entity_refs
from extract.relations import find_relations

C = "COMPANY"


def acquires(make_doc, text, ents):
    doc = make_doc(text, ents)
    return {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == "acquires"}


# --- a singular pronoun stands for one antecedent, not the list it opens ----------------------------

LIST_THEN_IT = {"Brannock": C, "Corvane Labs": C, "Mirela": C, "Quillon": C, "Tessaly Systems": C}


def test_it_after_a_list_of_companies_bought_alone(make_doc):
    text = ("Brannock, Corvane Labs, Mirela and Quillon all design chips of their own; Brannock's Ferro, "
            "for example, comes from Tessaly Systems, the Danish designer it bought in 2015 for $300 million.")
    assert acquires(make_doc, text, LIST_THEN_IT) == {("Brannock", "Tessaly Systems")}


def test_a_list_that_buys_still_buys_together(make_doc):
    # near miss: the list itself is the subject, every member is a buyer
    text = "Brannock and Corvane Labs bought Tessaly Systems in 2015 for $300 million."
    assert acquires(make_doc, text, LIST_THEN_IT) == {("Brannock", "Tessaly Systems"), ("Corvane Labs", "Tessaly Systems")}


# --- a part or goods bought "from" a company: the company sold, and is not bought --------------------

FROM = {"Quillon": C, "Dunmore Semiconductor": C, "Harrowgate Ventures": C, "Kestrel Robotics": C, "Mirela": C,
        "Ferrant Motors": C, "Brannock": C, "Tessaly Systems": C}


def deals_of(make_doc, text, ents=FROM):
    from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
    from extract.records import Article

    deals = [d for d in find_deals(make_doc(text, ents), Article(id="t", text=text)) if d.confidence >= KEEP_CONFIDENCE]
    edges = {(r.source.text, r.target.text) for r in deal_relations(deals) if r.relation == "acquires"}
    return [(d.kind, {(p.mention.text, p.role) for p in d.parties}) for d in deals], edges


def test_a_business_bought_from_a_company_is_a_deal_without_an_acquires_edge(make_doc):
    text = "Quillon bought the chip-testing business from Dunmore Semiconductor last year for $500 million."
    deals, edges = deals_of(make_doc, text)
    assert deals == [("acquisition", {("Quillon", "buyer"), ("Dunmore Semiconductor", "seller")})]
    assert edges == set()
    assert acquires(make_doc, text, FROM) == set()


def test_the_business_bought_from_a_company_is_not_a_company_told_before(make_doc):
    text = ("Mirela is an investor in Kestrel Robotics through a consortium led by Harrowgate Ventures that bought "
            "the business from Ferrant Motors in 2018.")
    deals, edges = deals_of(make_doc, text)
    assert ("acquisition", {("Harrowgate Ventures", "buyer"), ("Ferrant Motors", "seller")}) in deals
    assert edges == set()
    assert acquires(make_doc, text, FROM) == set()


def test_products_bought_from_a_company_name_no_company_bought(make_doc):
    text = "Brannock completed the purchase of two design products, Loom and Weft, from Tessaly Systems for $2 billion."
    assert acquires(make_doc, text, FROM) == set()


def test_goods_bought_from_a_company_are_no_acquisition(make_doc):
    deals, edges = deals_of(make_doc, "Brannock bought thousands of chips from Dunmore Semiconductor last year.")
    assert deals == [] and edges == set()


def test_a_company_bought_from_its_owner_is_bought_and_the_owner_is_not(make_doc):
    text = "Quillon bought Kestrel Robotics from Harrowgate Ventures in 2021."
    deals, edges = deals_of(make_doc, text)
    assert edges == {("Quillon", "Kestrel Robotics")}
    assert acquires(make_doc, text, FROM) == {("Quillon", "Kestrel Robotics")}


def test_a_company_bought_outright_stays_bought(make_doc):
    # near miss: no "from", a company object
    deals, edges = deals_of(make_doc, "Quillon bought Dunmore Semiconductor last year for $500 million.")
    assert edges == {("Quillon", "Dunmore Semiconductor")}


# --- an arrangement a company has is how things stand, not news of a deal ----------------------------

def test_agreements_a_company_had_are_no_new_deals(make_doc):
    text = "The court found that Brannock had similar revenue-sharing agreements with Quillon, Mirela and Kestrel Robotics."
    deals, _ = deals_of(make_doc, text)
    assert deals == []


def test_a_signed_or_new_agreement_is_a_deal(make_doc):
    # near misses: an event verb, or a "new" arrangement, is news
    for text in ("Brannock signed a revenue-sharing agreement with Quillon on Monday.",
                 "Brannock has a new revenue-sharing agreement with Quillon."):
        deals, _ = deals_of(make_doc, text)
        assert [kind for kind, _ in deals] == ["partnership"], text
