"""One deal per arrangement; a party joining a deal told in the sentence before (issue 12, round 5).

Invented sentences with hand-typed entities (``make_doc``); near misses show what must stay apart.
"""
from __future__ import annotations


C, P = "COMPANY", "PERSON"
ENTS = {"Corvane": C, "Tessaly": C, "Brannock": C, "Mirela": C, "Ana Ruiz": P, "Tom Berg": P}


def summary(found):
    return sorted((d.kind, frozenset(p.mention.text for p in d.parties)) for d in found)


# --- a licence and a hire of one pair are one licensing deal ---------------------------------------

def test_licence_and_hire_in_one_sentence_are_one_licensing_deal(kept_deals):
    text = "Corvane will license Tessaly's models and hire most of its staff, the companies said."
    assert summary(kept_deals(text, ENTS)) == [("licensing", frozenset({"Corvane", "Tessaly"}))]


def test_a_hire_then_a_licence_in_the_next_sentence_are_one_deal_with_the_licence_fee(kept_deals):
    text = ("Corvane hired Ana Ruiz and Tom Berg, the founders of Tessaly, and most of its engineers. "
            "Corvane also agreed to license Tessaly's models for $650 million.")
    [deal] = kept_deals(text, ENTS)
    assert (deal.kind, deal.amount_usd) == ("licensing", 650e6)
    assert {(p.mention.text, p.role) for p in deal.parties} == {("Corvane", "licensee"), ("Tessaly", "licensor")}


def test_the_hire_s_amount_goes_to_the_licence_that_states_none(kept_deals):
    text = ("Corvane took a licence to Tessaly's speech models. "
            "It also paid $300 million to hire most of Tessaly's researchers.")
    found = kept_deals(text, ENTS)
    assert [(d.kind, d.amount_usd) for d in found] == [("licensing", 300e6)]


def test_a_hire_alone_stays_a_hiring_deal(kept_deals):
    text = "Corvane hired Tessaly's founders and most of its engineers in April."
    assert summary(kept_deals(text, ENTS)) == [("hiring", frozenset({"Corvane", "Tessaly"}))]


def test_a_licence_and_a_hire_of_different_companies_stay_two_deals(kept_deals):
    text = "Corvane licensed Tessaly's models in May. Corvane also hired the founders of Mirela."
    assert summary(kept_deals(text, ENTS)) == [("hiring", frozenset({"Corvane", "Mirela"})),
                                             ("licensing", frozenset({"Corvane", "Tessaly"}))]
    text = "Corvane licensed Tessaly's models. Brannock hired Tessaly's founders."
    assert summary(kept_deals(text, ENTS)) == [("hiring", frozenset({"Brannock", "Tessaly"})),
                                             ("licensing", frozenset({"Corvane", "Tessaly"}))]


def test_a_licence_only_considered_absorbs_no_hire(kept_deals):
    text = "Corvane hired Tessaly's founders. It may later license Tessaly's models."
    assert summary(kept_deals(text, ENTS)) == [("hiring", frozenset({"Corvane", "Tessaly"}))]


def test_a_hire_told_far_from_the_licence_is_another_deal(kept_deals):
    filler = " ".join(f"Sales rose {n} per cent in quarter {n}." for n in range(1, 6))
    text = f"Corvane licensed Tessaly's models in 2022. {filler} In 2025 Corvane hired Tessaly's founders."
    assert summary(kept_deals(text, ENTS)) == [("hiring", frozenset({"Corvane", "Tessaly"})),
                                             ("licensing", frozenset({"Corvane", "Tessaly"}))]


# --- a company joining a partnership told just before --------------------------------------------

J = {"Arvane": C, "Brisco Steel": C, "Cobalt Bank": C, "Dunmore Power": C, "Elmra": C}


def partnership_parties(kept_deals, text):
    return [frozenset(p.mention.text for p in d.parties) for d in kept_deals(text, J) if d.kind == "partnership"]


def test_a_company_also_putting_in_money_joins_the_venture_of_the_sentence_before(kept_deals):
    text = ("Arvane, Elmra and Cobalt Bank formed a joint venture called Helion to build data centres. "
            "Dunmore Power, the Gulf investor, is also putting in money.")
    assert partnership_parties(kept_deals, text) == [frozenset({"Arvane", "Elmra", "Cobalt Bank", "Dunmore Power"})]


def test_also_contribute_joins_as_partner_and_joined_the_consortium(kept_deals):
    for second in ("Cobalt Bank will also contribute.", "Cobalt Bank joins as a partner.",
                   "Cobalt Bank later joined the consortium.", "Cobalt Bank is investing too."):
        text = "Arvane and Brisco Steel set up a consortium to lay fibre in Wales. " + second
        assert partnership_parties(kept_deals, text) == [frozenset({"Arvane", "Brisco Steel", "Cobalt Bank"})], second


def test_a_joiner_after_a_semicolon_in_the_same_sentence(kept_deals):
    text = "Arvane and Brisco Steel unveiled a joint venture on Monday; Cobalt Bank will also invest, the companies said."
    assert partnership_parties(kept_deals, text) == [frozenset({"Arvane", "Brisco Steel", "Cobalt Bank"})]


def test_other_news_a_refusal_or_another_deal_joins_nothing(kept_deals):
    for second in ("Cobalt Bank also reported higher profits.", "Cobalt Bank declined to take part.",
                   "Cobalt Bank also invested in Elmra.", "Cobalt Bank may also invest."):
        text = "Arvane and Brisco Steel set up a joint venture to lay fibre in Wales. " + second
        assert partnership_parties(kept_deals, text) == [frozenset({"Arvane", "Brisco Steel"})], second


# --- a later sentence that prices "that deal" ----------------------------------------------------

def test_someone_putting_the_value_of_that_deal_at_an_amount_prices_it(kept_deals):
    for second in ("The Journal later put the value of that deal at roughly $2.7bn.",
                   "Analysts put the deal's value at about $2.7 billion.",
                   "People familiar with the matter estimated the value of the agreement at $2.7 billion."):
        text = "In August Corvane took a non-exclusive licence to Tessaly's models. " + second
        assert [(d.kind, d.amount_usd) for d in kept_deals(text, ENTS)] == [("licensing", 2.7e9)], second
    # the value of something else is no price of the deal
    text = "In August Corvane took a non-exclusive licence to Tessaly's models. Analysts put the value of Tessaly at $2.7 billion."
    assert [(d.kind, d.amount_usd) for d in kept_deals(text, ENTS)] == [("licensing", None)]


# --- "pay Beta $X to license its models": a licence even when the parser hangs it on the amount ------

def test_paying_a_company_an_amount_to_license_its_models_is_a_licence_that_absorbs_the_hire(kept_deals):
    text = ("Corvane hired Tessaly's two founders and about 40 of its engineers. "
            "It also agreed to pay Tessaly $120 million to license its speech models.")
    [deal] = kept_deals(text, ENTS)
    assert (deal.kind, deal.amount_usd) == ("licensing", 120e6)
    assert {(p.mention.text, p.role) for p in deal.parties} == {("Corvane", "licensee"), ("Tessaly", "licensor")}
    # money spent to license one's own brand to others names no licensor
    assert kept_deals("Corvane paid $5 million to license its own brand to retailers.", ENTS) == []


def test_money_put_into_a_named_venture_is_an_investment_in_it(kept_deals):
    from extract.deals import deal_relations
    ents = dict(J, Helion=C)
    text = ("Arvane, Elmra and Cobalt Bank formed a joint venture called Helion to build data centres. "
            "Dunmore Power, the Gulf investor, is also putting in money.")
    found = kept_deals(text, ents)
    facts = {(r.source.text, r.relation, r.target.text) for r in deal_relations(found)}
    assert ("Dunmore Power", "invests_in", "Helion") in facts
    assert not any(s != "Dunmore Power" and r == "invests_in" for s, r, _ in facts)  # the founders' money is not told
    # joining an unnamed venture, or as a partner, invests in no company
    text = "Arvane and Elmra formed a joint venture called Helion. Dunmore Power joins as a partner."
    facts = {(r.source.text, r.relation, r.target.text) for r in deal_relations(kept_deals(text, ents))}
    assert not any(r == "invests_in" for _, r, _ in facts) and ("Arvane", "partners_with", "Dunmore Power") in facts
