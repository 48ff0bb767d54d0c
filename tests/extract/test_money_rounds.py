"""Round investors and money put into companies (issue 12, money class), over hand-typed entities
(``make_doc``): participants however the parser hangs them, and "has put money into A and B" (a standing
investment: relations, no dated deal). Invented sentences in several registers."""
from __future__ import annotations

import pytest

from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {"Pellworth": C, "Dunmore": C, "Orrin Bank": C, "Brightwater Capital": C, "Quillon": C,
        "Fennick Ventures": C, "Torvane": C}


# -- round participants -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the parser hangs "with participation from" on the participle "led", not on the lead investor
    "Quillon makes sensors for trucks. The start-up raised $85m last autumn in a round led by Brightwater "
    "Capital, the investment arm of Torvane, with participation from Fennick Ventures.",
    "Quillon, a maker of sensors for trucks, raised $85 million in a round led by Brightwater Capital, "
    "the growth fund of Torvane, with participation from Fennick Ventures.",
])
def test_participation_from_hung_on_the_lead_participle(kept_deals, text):
    [deal] = [d for d in kept_deals(text, ENTS) if d.kind == "investment"]
    assert {("Brightwater Capital", "investor"), ("Fennick Ventures", "investor"), ("Quillon", "investee")} <= deal.roles
    assert ("Torvane", "investor") not in deal.roles  # the lead's owner is named, not an investor


# -- money put into companies without an amount ----------------------------------------------------------

@pytest.mark.parametrize("text, investees", [
    ("Pellworth led a $1 billion round in Quillon in February, and has also put money into Dunmore, Orrin Bank "
     "and Torvane.", ["Dunmore", "Orrin Bank", "Torvane"]),
    ("Over the past decade Brightwater Capital has poured cash into Dunmore and Quillon.", ["Dunmore", "Quillon"]),
])
def test_money_put_into_companies_is_a_standing_investment(make_doc, text, investees):
    doc = make_doc(text, ENTS)
    deals = list(find_deals(doc, Article(id="t", text=text)))
    unpriced = [d for d in deals if any(p.mention.text == investees[0] for p in d.parties)]
    assert unpriced and all(d.confidence < KEEP_CONFIDENCE for d in unpriced)  # no dated transaction to show
    edges = {(r.source.text, r.relation, r.target.text) for r in deal_relations(deals)}
    investor = "Pellworth" if "Pellworth" in text else "Brightwater Capital"
    assert {(investor, "invests_in", name) for name in investees} <= edges


@pytest.mark.parametrize("text", [
    "Pellworth put its money where its mouth is and hired Dunmore's founders.",
    "Pellworth put Dunmore on notice last week.",
])
def test_put_without_money_into_a_company_is_no_investment(make_doc, text):
    assert not any(d.kind == "investment" for d in find_deals(make_doc(text, ENTS), Article(id="t", text=text)))


# -- the present perfect without a time ------------------------------------------------------------------

def test_has_invested_without_time_or_amount_is_a_standing_investment(make_doc):
    text = "Pellworth led a $1 billion round in Quillon in February and has invested in Dunmore and Torvane."
    doc = make_doc(text, ENTS)
    deals = list(find_deals(doc, Article(id="t", text=text, date="2024-06-01")))
    standing = [d for d in deals if any(p.mention.text == "Dunmore" for p in d.parties)]
    assert standing and all(d.confidence < KEEP_CONFIDENCE for d in standing)  # no dated deal
    edges = {(r.source.text, r.relation, r.target.text) for r in deal_relations(deals)}
    assert {("Pellworth", "invests_in", "Dunmore"), ("Pellworth", "invests_in", "Torvane")} <= edges
    assert any(d.confidence >= KEEP_CONFIDENCE and d.amount_usd == 1e9 for d in deals)  # the round stays a deal


@pytest.mark.parametrize("text", [
    "Pellworth has invested $2 billion in Dunmore.",
    "Pellworth has invested in Dunmore this year, the company said.",
    "Pellworth invested in Dunmore.",
])
def test_a_dated_priced_or_past_investment_stays_a_deal(make_doc, text):
    deals = list(find_deals(make_doc(text, ENTS), Article(id="t", text=text, date="2024-06-01")))
    assert any(d.kind == "investment" and d.confidence >= KEEP_CONFIDENCE for d in deals)


# -- an amount in another currency glossed in dollars ------------------------------------------------

@pytest.mark.parametrize("text, usd", [
    ("Quillon, the Berlin start-up, has raised €200 million (about $216m) in a round led by Torvane.", 216e6),
    ("Quillon raised £50m, or roughly $63m, in a round led by Torvane.", 63e6),
])
def test_dollar_gloss_of_an_amount_is_the_deals_amount(kept_deals, text, usd):
    [deal] = [d for d in kept_deals(text, ENTS) if d.kind == "investment"]
    assert deal.amount_usd == usd


def test_a_later_dollar_amount_is_no_gloss(kept_deals):
    text = "Quillon raised €200 million in a round led by Torvane in May and $50 million from Dunmore in June."
    amounts = {(d.amount_usd, d.amount, d.currency) for d in kept_deals(text, ENTS) if d.kind == "investment"}
    assert (None, 200e6, "EUR") in amounts
