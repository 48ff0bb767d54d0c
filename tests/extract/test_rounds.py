"""Every investor in a funding round, as news names them (issue 12, rounds class; extract/deals/rounds.py).

Invented sentences in the registers funding news comes in (wire copy, press releases, trade blogs),
over hand-typed entities (``make_doc``) so that each test reads the rule, not the NER; the few
that need the whole pipeline (tokenizer, entity typer) use ``newsgraph_nlp``.
"""
from __future__ import annotations

import pytest

from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
from extract.records import Article

C, P = "COMPANY", "PERSON"
ENTS = {name: C for name in ("Quillon", "Brightwater Capital", "Fennick Ventures", "Oduya Partners", "Torvane",
                             "Harrowgate Bank", "Dunmore", "Pellworth", "Orrin Bank")}
ENTS.update({"Ana Ruiz": P, "Tom Berg": P, "Vega Cloud": "PRODUCT"})


def deals_of(make_doc, text, ents=ENTS):
    return list(find_deals(make_doc(text, ents), Article(id="t", text=text)))


def investors(deal):
    return {p.mention.text for p in deal.parties if p.role == "investor"}


def investees(deal):
    return {p.mention.text for p in deal.parties if p.role == "investee"}


def edges(deals):
    return {(r.source.text, r.relation, r.target.text) for r in deal_relations(deals)}


def the_round(kept_deals, text):
    [deal] = [d for d in kept_deals(text, ENTS) if d.kind == "investment"]
    return deal


# -- the round's own sentence ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected, rule", [
    # wire: a coordinated verb after the lead
    ("Quillon's $120 million round was led by Brightwater Capital and included Fennick Ventures, Oduya Partners "
     "and Torvane.", {"Brightwater Capital", "Fennick Ventures", "Oduya Partners", "Torvane"}, "round.members"),
    # a relative clause on the lead's round, hung by the parser on the investee
    ("Brightwater Capital led the $6 billion round in Quillon, which also drew Fennick Ventures and Torvane.",
     {"Brightwater Capital", "Fennick Ventures", "Torvane"}, "round.members"),
    # a relative clause whose verb is coordinated with the lead participle
    ("Quillon raised $6 billion in a round that was led by Brightwater Capital and also included Fennick Ventures "
     "and Torvane.", {"Brightwater Capital", "Fennick Ventures", "Torvane"}, "round.members"),
    # press release: the valuation clause names the investee, the verb the others
    ("The financing, which values Quillon at $4 billion, was led by Brightwater Capital and brought in Fennick "
     "Ventures.", {"Brightwater Capital", "Fennick Ventures"}, "round.members"),
    # trade blog: "among the investors in X's round"
    ("Fennick Ventures and Torvane were among the investors in Quillon's $300 million round.",
     {"Fennick Ventures", "Torvane"}, "round.among"),
    # a participle list on the noun ("with B and C joining")
    ("Brightwater Capital led a $1 billion investment in Quillon, with Fennick Ventures and Torvane joining.",
     {"Brightwater Capital", "Fennick Ventures", "Torvane"}, "round.with"),
    ("The financing, which values Quillon at $4 billion, was led by Brightwater Capital, with participation from "
     "Fennick Ventures and Torvane.", {"Brightwater Capital", "Fennick Ventures", "Torvane"}, "round.with"),
    ("Brightwater Capital led the $40 million round in Quillon alongside Torvane and Dunmore.",
     {"Brightwater Capital", "Torvane", "Dunmore"}, "round.with"),
    # examples of an investor noun
    ("Quillon raised $40 million in a round that drew investors such as Torvane and Dunmore.",
     {"Torvane", "Dunmore"}, "round.members"),
    ("Quillon raised $40 million from backers like Torvane and Dunmore.", {"Torvane", "Dunmore"}, "round.members"),
])
def test_every_investor_of_the_round_s_sentence(kept_deals, text, expected, rule):
    deal = the_round(kept_deals, text)
    assert investors(deal) == expected and investees(deal) == {"Quillon"}
    assert deal.rule.startswith(rule)
    assert {(name, "invests_in", "Quillon") for name in expected} <= edges([deal])


def test_a_co_led_list_the_parser_broke_gives_both_leads(make_doc):
    # the parser hangs "Brightwater Capital and Kleiner" on "Perkins" as a name modifier
    text = "Quillon closed a $20 million seed round co-led by Brightwater Capital and Kleiner Perkins."
    doc = make_doc(text, {**ENTS, "Kleiner Perkins": C})
    assert doc[13].dep_ == "nmod"  # (the parse this test is about)
    [deal] = [d for d in find_deals(doc, Article(id="t", text=text)) if d.kind == "investment"]
    assert investors(deal) == {"Brightwater Capital", "Kleiner Perkins"}


# -- the sentences after the round ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Quillon said on Monday it had raised $120 million. The round was led by Brightwater Capital and included "
     "Fennick Ventures, Oduya Partners and Torvane.",
     {"Brightwater Capital", "Fennick Ventures", "Oduya Partners", "Torvane"}),
    ("Quillon has closed a $300 million round. Investors in the round include Brightwater Capital, Fennick Ventures "
     "and Torvane. Existing backers Oduya Partners and Harrowgate Bank also participated.",
     {"Brightwater Capital", "Fennick Ventures", "Torvane", "Oduya Partners", "Harrowgate Bank"}),
    # a sentence about something else between the round and its other investors
    ("Quillon raised $30 million in a Series A led by Brightwater Capital. It will hire engineers in Oslo. "
     "Other investors include Fennick Ventures and Torvane.", {"Brightwater Capital", "Fennick Ventures", "Torvane"}),
    ("Quillon has raised $50 million. The round was co-led by Brightwater Capital and Torvane and saw participation "
     "from Fennick Ventures.", {"Brightwater Capital", "Torvane", "Fennick Ventures"}),
    ("Quillon raised $40 million in a Series B led by Dunmore. Also participating in the round were Brightwater "
     "Capital and Torvane.", {"Dunmore", "Brightwater Capital", "Torvane"}),
    ("Quillon raised $40 million last week. The Series B was led by Dunmore and included Torvane.",
     {"Dunmore", "Torvane"}),
    ("Quillon raised $40 million in a round led by Brightwater Capital. Torvane and Dunmore were also among the "
     "investors.", {"Brightwater Capital", "Torvane", "Dunmore"}),
])
def test_investors_named_after_the_round(kept_deals, text, expected):
    deal = the_round(kept_deals, text)
    assert investors(deal) == expected and investees(deal) == {"Quillon"}


def test_a_round_letter_ending_a_sentence_ends_it(newsgraph_nlp):
    # "Series C." kept its full stop as an initial's, and the next sentence ran on
    from extract.pipeline import extract_article

    text = ("Quillon Labs has closed a $300 million Series C. Investors in the round include Brightwater Capital, "
            "Fennick Ventures and Oduya Partners.")
    result = extract_article(newsgraph_nlp, Article("t", text))
    [deal] = [d for d in result.deals if d.kind == "investment"]
    assert investors(deal) == {"Brightwater Capital", "Fennick Ventures", "Oduya Partners"}
    assert deal.amount_usd == 300e6


@pytest.mark.parametrize("text, other", [
    # another round is named in between: "other investors" are that round's, not the Series A's
    ("Quillon raised $30 million in a Series A led by Brightwater Capital. In 2021 it raised a $5 million seed "
     "round. Other investors include Fennick Ventures.", "Fennick Ventures"),
    # another company's investors
    ("Quillon raised $30 million in a round led by Brightwater Capital. Torvane's investors include Fennick Ventures "
     "and Dunmore.", "Fennick Ventures"),
    # another deal of a participant
    ("Quillon raised $30 million in a round led by Brightwater Capital. Fennick Ventures also invested in Torvane.",
     "Fennick Ventures"),
    # joining something else
    ("Quillon raised $30 million in a round led by Brightwater Capital. Fennick Ventures joined the board of Torvane.",
     "Fennick Ventures"),
    # investors in general
    ("Quillon raised $30 million in a round led by Brightwater Capital. Fennick Ventures is among the world's "
     "largest investors.", "Fennick Ventures"),
    # a raise beside another company's
    ("Quillon raised $30 million in a round led by Brightwater Capital, alongside rival Fennick Ventures, which "
     "raised $20 million.", "Fennick Ventures"),
])
def test_later_sentences_about_something_else_add_no_investor(kept_deals, text, other):
    deals = kept_deals(text, ENTS)
    [round_] = [d for d in deals if d.kind == "investment" and "Brightwater Capital" in investors(d)]
    assert other not in investors(round_)


# -- standing investments: no round -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Quillon's investors include Brightwater Capital, Fennick Ventures and Torvane.",
     {"Brightwater Capital", "Fennick Ventures", "Torvane"}),
    ("Brightwater Capital and Torvane are among Quillon's backers.", {"Brightwater Capital", "Torvane"}),
    ("Quillon counts Brightwater Capital and Torvane among its investors.", {"Brightwater Capital", "Torvane"}),
    ("Quillon, whose investors include Brightwater Capital and Torvane, makes sensors for trucks.",
     {"Brightwater Capital", "Torvane"}),
    ("Investors in Quillon include Brightwater Capital and Torvane.", {"Brightwater Capital", "Torvane"}),
    ("Quillon's backers, such as Brightwater Capital and Torvane, declined to comment.", {"Brightwater Capital", "Torvane"}),
])
def test_a_company_s_investors_invest_in_it_without_a_dated_deal(make_doc, text, expected):
    deals = deals_of(make_doc, text)
    assert not [d for d in deals if d.confidence >= KEEP_CONFIDENCE]  # how things stand, not news of a round
    assert {(name, "invests_in", "Quillon") for name in expected} <= edges(deals)
    assert all(d.rule.startswith("round.standing") for d in deals if d.kind == "investment" and investors(d))


@pytest.mark.parametrize("text", [
    "Brightwater Capital is among the world's largest investors.",
    "Quillon's investors include Ana Ruiz and Tom Berg.",  # people
    "Quillon's $40 million round was led by Ana Ruiz and included Vega Cloud credits.",  # a person and a product
])
def test_no_company_investor_no_edge(make_doc, text):
    assert not [e for e in edges(deals_of(make_doc, text)) if e[1] == "invests_in"]


@pytest.mark.parametrize("text", [
    "Quillon's $40 million round was led by Brightwater Capital but did not include Torvane.",
    "Quillon's $40 million round was led by Brightwater Capital and could draw Torvane later.",
])
def test_a_negated_or_hedged_member_verb_adds_nobody(kept_deals, text):
    deal = the_round(kept_deals, text)
    assert investors(deal) == {"Brightwater Capital"}


def test_other_deals_keep_their_own_rules(kept_deals):
    # the raise's own next-sentence rule still reads what it read before
    text = ("Quillon raised $45 million. The funding was led by Brightwater Capital, with Fennick Ventures and Oduya "
            "Partners also participating.")
    deal = the_round(kept_deals, text)
    assert deal.rule.startswith("deal.verb") and len(investors(deal)) == 3


# -- "Torvane-backed Quillon" ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Torvane-backed Quillon said on Monday it would open an office in Oslo.",  # wire
    "Quillon, a Torvane-funded startup, makes sensors for trucks.",  # trade blog
    "The Torvane-backed startup Quillon raised $40 million on Tuesday.",
])
def test_a_company_named_before_backed_invests_in_the_company_described(make_doc, text):
    deals = deals_of(make_doc, text)
    assert ("Torvane", "invests_in", "Quillon") in edges(deals)
    backed = [d for d in deals if d.rule.startswith("round.hyphen_backed")]
    assert backed and all(d.confidence < KEEP_CONFIDENCE for d in backed)  # no dated deal


@pytest.mark.parametrize("text", [
    "The state-backed lender Quillon raised its forecast.",  # no company before the hyphen
    "Torvane backed Quillon's proposal at the meeting.",  # no hyphen: the verb's own frame
])
def test_backed_without_a_company_before_the_hyphen_is_no_backer(make_doc, text):
    assert not [d for d in deals_of(make_doc, text) if d.rule.startswith("round.hyphen_backed")]


# -- a round told without its raiser ---------------------------------------------------------------------

@pytest.mark.parametrize("text, investor, amount", [
    # trade blog: the company's earlier rounds after the new one
    ("Quillon has raised a $48 million Series B led by Brightwater Capital. The round values Quillon at $400 million. "
     "That includes a $9 million seed round led by Torvane last year and a $4 million extension from Dunmore in "
     "January.", "Torvane", 9e6),
    ("Quillon has raised a $48 million Series B led by Brightwater Capital. The round values Quillon at $400 million. "
     "That includes a $9 million seed round led by Torvane last year and a $4 million extension from Dunmore in "
     "January.", "Dunmore", 4e6),
    ("Quillon has raised a $48 million Series B led by Brightwater Capital. The new funding follows a $20 million "
     "Series A led by Torvane in 2023.", "Torvane", 20e6),
])
def test_an_earlier_round_without_its_raiser_is_the_raiser_s(kept_deals, text, investor, amount):
    [deal] = [d for d in kept_deals(text, ENTS) if investor in investors(d)]
    assert investees(deal) == {"Quillon"} and investors(deal) == {investor} and deal.amount_usd == amount
    assert deal.rule.startswith("round.earlier_raiser")


@pytest.mark.parametrize("text", [
    # another company's round
    "Quillon has raised a $48 million Series B led by Brightwater Capital. Rival Dunmore closed a $9 million seed "
    "round led by Torvane last year.",
    # two raisers before: no telling whose
    "Quillon raised $48 million and Dunmore raised $20 million last week. A $9 million seed round led by Torvane "
    "came later.",
])
def test_no_earlier_raiser_when_another_company_may_have_raised_it(kept_deals, text):
    assert not [d for d in kept_deals(text, ENTS) if "Torvane" in investors(d) and "Quillon" in investees(d)]
