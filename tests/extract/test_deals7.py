"""Deal precision (issue 12, round 7): a unit bought names its seller by a possessive; a share price is no
deal amount; people hired *into* a unit do not come from it; a deal reported and then lapsed is not done.

Invented sentences with hand-typed entities (``make_doc``); near misses show what must stay as it was.
"""
from __future__ import annotations

from extract.deals import deal_relations

C, P = "COMPANY", "PERSON"
ENTS = {"Corvane Labs": C, "Tessaly Systems": C, "Tessaly": C, "Brannock": C, "Mirela": C, "Flashcore": C,
        "Quillon": C, "Halvard DeepLab": C, "Ana Ruiz": P, "Dario Chen": P}


def parties(deal):
    return {(p.mention.text, p.role) for p in deal.parties}


# --- a unit bought: its owner sells it, and is not itself bought ------------------------------------

def test_a_purchase_noun_of_a_possessed_unit_names_the_owner_as_seller(kept_deals):
    text = "Corvane Labs completed its $9 billion purchase of Tessaly Systems' storage business in 2021."
    [deal] = kept_deals(text, ENTS)
    assert (deal.kind, parties(deal)) == ("acquisition", {("Corvane Labs", "buyer"), ("Tessaly Systems", "seller")})
    assert not [r for r in deal_relations([deal]) if r.relation == "acquires"]


def test_a_company_word_inside_the_unit_description_is_not_the_seller(kept_deals):
    # "Flashcore" stands where "NAND" stood in a real article: a word of the unit typed as a company
    text = "In 2021 Brannock bought Mirela's Flashcore memory business for $9 billion."
    [deal] = kept_deals(text, ENTS)
    assert parties(deal) == {("Brannock", "buyer"), ("Mirela", "seller")}


def test_a_company_bought_whole_is_still_acquired(kept_deals):
    text = "Corvane Labs completed its $9 billion purchase of Tessaly Systems in 2021."
    [deal] = kept_deals(text, ENTS)
    assert [r.target.text for r in deal_relations([deal]) if r.relation == "acquires"] == ["Tessaly Systems"]


# --- a price per share is not the deal's amount --------------------------------------------------

def test_a_price_per_share_is_not_the_amount(kept_deals):
    [deal] = kept_deals("Brannock first agreed to buy Mirela in January 2022 for $95 per share in cash.", ENTS)
    assert deal.amount_usd is None


def test_a_total_price_is_still_the_amount(kept_deals):
    [deal] = kept_deals("Brannock first agreed to buy Mirela in January 2022 for $95 million in cash.", ENTS)
    assert deal.amount_usd == 95e6


# --- people hired into a unit do not come from it --------------------------------------------------

def test_founders_hired_into_a_unit_are_not_hired_from_it(kept_deals):
    text = ("Quillon said it was hiring Tessaly's chief executive, Ana Ruiz, its co-founder Dario Chen "
            "and some of its research team into Halvard DeepLab.")
    deals = kept_deals(text, ENTS)
    assert all("Halvard DeepLab" not in {p.mention.text for p in d.parties} for d in deals)
    assert [("hiring", {"Quillon", "Tessaly"})] == [(d.kind, {p.mention.text for p in d.parties}) for d in deals]


# --- a deal reported, then lapsed ----------------------------------------------------------------

def test_a_reported_deal_that_lapsed_is_not_kept(kept_deals):
    text = "In May it was reported that Quillon had agreed to buy Mirela for about $3 billion. That deal lapsed last Friday."
    assert kept_deals(text, ENTS) == []


def test_a_reported_deal_followed_by_other_news_is_kept(kept_deals):
    text = "In May it was reported that Quillon had agreed to buy Mirela for about $3 billion. Its shares rose last Friday."
    assert [d.kind for d in kept_deals(text, ENTS)] == ["acquisition"]


# --- "the company" is not one an earlier sentence named only to describe a person -------------------

PROFILE = ("Tessaly sells robots to farms. Ana Ruiz started Tessaly in 2019 with Dario Chen, a co-founder of "
           "Mirela. In January 2024 the company raised $70 million in a round led by Brannock.")


def test_the_company_is_not_one_named_earlier_only_to_describe_a_person(kept_deals):
    [deal] = kept_deals(PROFILE, ENTS)
    assert {p.mention.text for p in deal.parties} == {"Tessaly", "Brannock"}


def test_the_company_may_still_be_the_persons_company_when_it_is_the_topic(kept_deals):
    text = ("Dario Chen, a co-founder of Mirela, spoke on Monday. Mirela makes robots. "
            "In January 2024 the company raised $70 million in a round led by Brannock.")
    [deal] = kept_deals(text, ENTS)
    assert {p.mention.text for p in deal.parties} == {"Mirela", "Brannock"}
