"""Commercial agreements (issue 12, money class): a cloud, supply or compute contract, or money spent on a
supplier's capacity, is an 'other' deal whose companies are partners (``partners_with``); a company
named in front of "deal" ("Salesforce's Ostrava Analytics deal") does not say which deal, so no edge.
Hand-typed entities (``make_doc``); invented sentences in several registers."""
from __future__ import annotations

import pytest

from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {"Pellworth": C, "Dunmore": C, "Quillon": C, "Torvane": C, "Orrin Bank": C}


def partners(make_doc, text):
    deals = [d for d in find_deals(make_doc(text, ENTS), Article(id="t", text=text)) if d.confidence >= KEEP_CONFIDENCE]
    return {frozenset((r.source.text, r.target.text)) for r in deal_relations(deals) if r.relation == "partners_with"}


@pytest.mark.parametrize("text, pair", [
    ("Within months Quillon had struck a cloud agreement with Torvane and hired dozens of researchers.",
     {"Quillon", "Torvane"}),
    ("Quillon had planned to train its models in Europe. In March it signed a two-year compute contract with "
     "Pellworth instead.", {"Quillon", "Pellworth"}),
    ("Quillon said it would spend $600 million over four years on computing capacity from Dunmore.",
     {"Quillon", "Dunmore"}),
    ("Orrin Bank signed a five-year, $4.1bn capacity contract with Dunmore in August.", {"Orrin Bank", "Dunmore"}),
])
def test_a_commercial_agreement_makes_partners(make_doc, text, pair):
    assert frozenset(pair) in partners(make_doc, text)


def test_a_name_in_front_of_deal_says_not_which_deal(make_doc):
    text = "Regulators opened an in-depth probe into Pellworth's $1.9 billion Dunmore deal."
    assert frozenset({"Pellworth", "Dunmore"}) not in partners(make_doc, text)


# -- multi-party projects ----------------------------------------------------------------------------

def all_deals(make_doc, text):
    return [d for d in find_deals(make_doc(text, ENTS), Article(id="t", text=text)) if d.confidence >= KEEP_CONFIDENCE]


@pytest.mark.parametrize("text, members", [
    ("Pellworth, Dunmore and Torvane are building a $500 million data centre together in Ohio.",
     {"Pellworth", "Dunmore", "Torvane"}),
    ("Under the plan, Pellworth and Quillon will jointly develop chips for data centres.", {"Pellworth", "Quillon"}),
    ("Pellworth will design the next model together with Orrin Bank, the companies said.", {"Pellworth", "Orrin Bank"}),
    ("The reactor was jointly financed by Torvane and Dunmore.", {"Torvane", "Dunmore"}),
])
def test_a_joint_project_is_one_partnership_of_all(make_doc, text, members):
    [deal] = all_deals(make_doc, text)
    assert deal.kind == "partnership" and {p.mention.text for p in deal.parties} == members


@pytest.mark.parametrize("text", [
    "Pellworth, Dunmore and Torvane, which together hold two-thirds of the market, raised prices.",
    "Pellworth and Dunmore together made $3 billion last year.",
    "Together, Pellworth and Dunmore control 60% of the market.",
    "Pellworth and Dunmore plan to jointly develop chips.",  # a plan, not yet a partnership
])
def test_together_without_a_project_is_no_partnership(make_doc, text):
    assert not any(d.kind == "partnership" for d in all_deals(make_doc, text))
