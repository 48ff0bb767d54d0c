"""Every investor of every round (issue 12, round 5, money5), over hand-typed entities (``make_doc``):
money from a group that lists its investors, a relative clause of taking part said of a whole list, an
earlier round told in the next sentence (not the new round's), whom new investors joined in the round, a
participle "joined by" coordinated with the round's verb, a round as subject that others "joined", an
investment made in a company's round, a round priced "of $2 billion" and an amount on a compound round
name ("a US$85 million Series B financing round"). Invented sentences in several registers."""
from __future__ import annotations

import pytest

from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {"Quillon": C, "Brightwater Capital": C, "Fennick Ventures": C, "Oduya Partners": C, "Torvane": C,
        "Halden Capital": C, "Pellworth": C, "Nvidia": C, "Oracle": C, "Salesforce Ventures": C}


def investments(make_doc, text, ents=ENTS):
    doc = make_doc(text, ents)
    return [d for d in find_deals(doc, Article(id="t", text=text))
            if d.kind == "investment" and d.confidence >= KEEP_CONFIDENCE]


def investors(deal):
    return {name for name, role in deal.roles if role == "investor"}


def investee(deal):
    return {name for name, role in deal.roles if role == "investee"}


@pytest.mark.parametrize("text, names", [
    ("Quillon raised $400 million in March from a group that included Fennick Ventures, Oduya Partners and Torvane.",
     {"Fennick Ventures", "Oduya Partners", "Torvane"}),
    ("Quillon, which raised $90 million last year from a consortium of investors that included Fennick Ventures "
     "and Torvane, is hiring.", {"Fennick Ventures", "Torvane"}),
])
def test_money_from_a_group_that_lists_its_investors(make_doc, text, names):
    [deal] = investments(make_doc, text)
    assert investee(deal) == {"Quillon"} and investors(deal) == names


def test_a_group_that_is_no_source_of_money_lists_no_investors(make_doc):
    text = "Quillon sells to a group that includes Fennick Ventures and Torvane, and raised $55 million last year."
    assert not any(investors(d) & {"Fennick Ventures", "Torvane"} for d in investments(make_doc, text))


def test_an_earlier_round_in_the_next_sentence_is_a_deal_of_its_own(make_doc):
    text = ("Quillon has raised $500 million in a Series D round led by Brightwater Capital. Earlier backers include "
            "Nvidia, Oracle and Salesforce Ventures, which took part in a $270 million round in June 2023.")
    deals = investments(make_doc, text)
    new = next(d for d in deals if d.amount_usd == 500e6)
    earlier = next(d for d in deals if d.amount_usd == 270e6)
    assert investors(new) == {"Brightwater Capital"}  # the earlier backers are not the new round's
    assert investee(earlier) == {"Quillon"} and investors(earlier) == {"Nvidia", "Oracle", "Salesforce Ventures"}
    assert earlier.date == "2023-06"


def test_new_investors_joined_existing_investors_in_the_round(make_doc):
    text = ("Quillon today announced a US$45 million Series B financing round led by Brightwater Capital. New investors "
            "Fennick Ventures and Oduya Partners joined existing investors Torvane and Halden Capital in the round, "
            "which brings the company's total funding to US$131 million.")
    [deal] = investments(make_doc, text)
    assert investors(deal) == {"Brightwater Capital", "Fennick Ventures", "Oduya Partners", "Torvane", "Halden Capital"}
    assert deal.amount_usd == 45e6  # (the amount on "US$45 million Series B financing round"; not the total)


def test_joining_someone_elsewhere_is_not_the_round(make_doc):
    text = ("Quillon raised $45 million in a round led by Brightwater Capital. Executives from Torvane joined "
            "Halden Capital at a conference in Boston.")
    [deal] = investments(make_doc, text)
    assert investors(deal) == {"Brightwater Capital"}


def test_a_round_led_by_one_and_joined_by_others(make_doc):
    text = "Quillon raised $120 million in a round led by Brightwater Capital and joined by Fennick Ventures and Torvane."
    [deal] = investments(make_doc, text)
    assert investors(deal) == {"Brightwater Capital", "Fennick Ventures", "Torvane"}


def test_a_round_as_subject_that_others_joined(make_doc):
    text = ("Quillon opened offices in Paris. A second round of about $2 billion in April, led by Brightwater Capital, "
            "valued Quillon at $32 billion; Fennick Ventures and Torvane were reported to have joined it.")
    [deal] = investments(make_doc, text)
    assert investee(deal) == {"Quillon"} and deal.amount_usd == 2e9
    assert investors(deal) == {"Brightwater Capital", "Fennick Ventures", "Torvane"}


def test_an_investment_in_a_companys_round(make_doc):
    text = "Pellworth announced a partnership with Quillon in March that included an investment by Fennick Ventures in Quillon's Series A round."
    [deal] = investments(make_doc, text)
    assert deal.roles == {("Fennick Ventures", "investor"), ("Quillon", "investee")}


def test_a_round_reported_by_its_raiser(make_doc):
    text = "The $25 million Series A was co-led by Brightwater Capital and Fennick Ventures, Quillon said."
    [deal] = investments(make_doc, text)
    assert investee(deal) == {"Quillon"} and investors(deal) == {"Brightwater Capital", "Fennick Ventures"}


def test_an_investor_reporting_the_round_is_not_its_raiser(make_doc):
    text = "The $25 million Series A was co-led by Brightwater Capital and Fennick Ventures, Brightwater Capital said."
    assert not any(investee(d) for d in investments(make_doc, text))


def test_the_lead_joined_by_others_in_the_next_sentence(make_doc):
    text = "Quillon has raised $25 million. Brightwater Capital led the investment, joined by Fennick Ventures and Torvane."
    [deal] = investments(make_doc, text)
    assert investee(deal) == {"Quillon"}
    assert investors(deal) == {"Brightwater Capital", "Fennick Ventures", "Torvane"}


def test_a_lead_coordinated_with_the_rounds_relative_clause(make_doc):
    text = ("Quillon raised $25 million in a round that also included Fennick Ventures and Torvane and was led by "
            "Brightwater Capital.")
    [deal] = investments(make_doc, text)
    assert investors(deal) == {"Brightwater Capital", "Fennick Ventures", "Torvane"}


@pytest.mark.parametrize("text", [
    "Quillon raised $25 million in a round led by Brightwater Capital, with existing investors Fennick Ventures "
    "and Torvane also participating.",
    "Quillon raised $25 million in a round led by Brightwater Capital, with participation from Oduya Partners and "
    "returning investors Fennick Ventures and Torvane.",
])
def test_returning_and_existing_investors_in_a_with_phrase(make_doc, text):
    [deal] = investments(make_doc, text)
    assert {"Brightwater Capital", "Fennick Ventures", "Torvane"} <= investors(deal)
