"""Investors and investment deals, round 4 (issue 12): one round told over a clause, a sentence or a title
line becomes ONE deal with every investor. Invented sentences in several registers (wire, trade press,
press release, analysis), over hand-typed entities (``make_doc``) so each test reads the rule, not the NER.
"""
from __future__ import annotations

import pytest

from extract.deals import deal_relations, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {name: C for name in ("Quillon Labs", "Quillon Labs Inc.", "Brightwater Capital", "Fennick Ventures",
                             "Oduya Partners", "Torvane", "Dunmore", "Pellworth", "Harrowgate Bank")}


def investments(kept_deals, text, ents=ENTS):
    return [d for d in kept_deals(text, ents) if d.kind == "investment"]


def edges(deals):
    return {(r.source.text, r.target.text) for r in deal_relations(deals) if r.relation == "invests_in"}


# -- a participation clause after the round, in its own sentence (round.also_after) --------------------

@pytest.mark.parametrize("text", [
    # wire: a semicolon, the parser makes the raise a complement of "took"
    "Quillon Labs raised $300 million on Monday in a round led by Brightwater Capital; Fennick Ventures, "
    "Oduya Partners and Torvane also took part.",
    # trade press: a coordinated clause
    "Quillon Labs has raised $45 million in a round led by Brightwater Capital, and Fennick Ventures, Oduya "
    "Partners and Torvane also participated.",
])
def test_also_clause_after_the_round_joins_it(kept_deals, text):
    [deal] = investments(kept_deals, text)
    assert deal.roles == {("Quillon Labs", "investee"), ("Brightwater Capital", "investor"),
                           ("Fennick Ventures", "investor"), ("Oduya Partners", "investor"), ("Torvane", "investor")}
    assert deal.amount_usd in (300e6, 45e6)


def test_also_clause_about_something_else_joins_nothing(kept_deals):
    text = ("Quillon Labs raised $300 million in a round led by Brightwater Capital; Fennick Ventures and Torvane "
            "also took part in a trade fair in Seoul.")
    [deal] = investments(kept_deals, text)
    assert deal.roles == {("Quillon Labs", "investee"), ("Brightwater Capital", "investor")}


def test_a_with_phrase_participle_is_no_clause_of_its_own(parser_nlp):
    # "with B also investing" is the with-phrase reader's (loose, dropped beside a description resolved by
    # coreference); it never makes a round of B alone. The parse is set by hand: the model parses it so
    # in some articles only.
    from spacy.tokens import Doc, Span
    rows = [  # word, head, dep, pos, tag, lemma
        ("Quillon", 1, "nsubj", "PROPN", "NNP", "Quillon"), ("makes", 1, "ROOT", "VERB", "VBZ", "make"),
        ("chips", 1, "dobj", "NOUN", "NNS", "chip"), (".", 1, "punct", "PUNCT", ".", "."),
        ("The", 5, "det", "DET", "DT", "the"), ("company", 6, "nsubj", "NOUN", "NN", "company"),
        ("raised", 6, "ROOT", "VERB", "VBD", "raise"), ("an", 12, "det", "DET", "DT", "an"),
        ("$", 10, "quantmod", "SYM", "$", "$"), ("85", 10, "compound", "NUM", "CD", "85"),
        ("million", 12, "nummod", "NUM", "CD", "million"), ("Series", 12, "compound", "PROPN", "NNP", "Series"),
        ("A", 6, "dobj", "PROPN", "NNP", "A"), ("in", 12, "prep", "ADP", "IN", "in"),
        ("March", 13, "pobj", "PROPN", "NNP", "March"), ("led", 12, "acl", "VERB", "VBN", "lead"),
        ("by", 15, "agent", "ADP", "IN", "by"), ("Brightwater", 16, "pobj", "PROPN", "NNP", "Brightwater"),
        (",", 12, "punct", "PUNCT", ",", ","), ("with", 12, "prep", "ADP", "IN", "with"),
        ("Torvane", 22, "nsubj", "PROPN", "NNP", "Torvane"), ("also", 22, "advmod", "ADV", "RB", "also"),
        ("investing", 19, "pcomp", "VERB", "VBG", "invest"), (".", 6, "punct", "PUNCT", ".", "."),
    ]
    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows))
    doc = Doc(parser_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              spaces=[w not in (".", ",") and n + 1 < len(words) and words[n + 1] not in (".", ",") and w != "$"
                      for n, w in enumerate(words)])
    doc.ents = [Span(doc, i, i + 1, label=C) for i in (0, 17, 20)]
    deals = [d for d in find_deals(doc, Article(id="t", text=doc.text)) if d.kind == "investment"]
    assert not [d for d in deals if {p for p, r in d.roles if r == "investor"} == {"Torvane"}]


# -- the next sentence: "returned", "all took part" after a clause of its own ---------------------------

def test_returning_investors_and_a_list_that_all_took_part(kept_deals):
    text = ("Quillon Labs raised $80 million in a round led by Brightwater Capital. Existing investors Fennick "
            "Ventures and Oduya Partners returned, and they were joined by a roster of strategic backers: "
            "Torvane, Dunmore and Pellworth all took part.")
    [deal] = investments(kept_deals, text)
    assert {p for p, r in deal.roles if r == "investor"} == {
        "Brightwater Capital", "Fennick Ventures", "Oduya Partners", "Torvane", "Dunmore", "Pellworth"}


def test_returning_to_something_else_is_no_investment(kept_deals):
    text = ("Quillon Labs raised $80 million in a round led by Brightwater Capital. Fennick Ventures and Oduya "
            "Partners returned to the market with new funds.")
    [deal] = investments(kept_deals, text)
    assert deal.roles == {("Quillon Labs", "investee"), ("Brightwater Capital", "investor")}


# -- press releases: "announced the close of a round" (round.closing_noun) -------------------------------

@pytest.mark.parametrize("text, investee, lead", [
    ("Quillon Labs Inc., a maker of robotics software, today announced the close of a $60 million Series B "
     "round led by Brightwater Capital. Fennick Ventures and existing investor Torvane also participated in "
     "the round.", "Quillon Labs Inc.", "Brightwater Capital"),
    # the parser hangs "the close" on the list before it
    ("Quillon Labs today announced the general availability of Q-2, its second-generation model family, and "
     "the close of a $120 million Series B financing round led by Brightwater Capital.", "Quillon Labs",
     "Brightwater Capital"),
    ("Quillon Labs today announced the completion of its $25 million Series A financing, led by Torvane.",
     "Quillon Labs", "Torvane"),
])
def test_close_of_a_round_names_its_raiser(kept_deals, text, investee, lead):
    [deal] = investments(kept_deals, text)
    assert {(investee, "investee"), (lead, "investor")} <= deal.roles
    if "participated" in text:
        assert {("Fennick Ventures", "investor"), ("Torvane", "investor")} <= deal.roles


def test_close_of_something_else_is_no_round(kept_deals):
    text = "Quillon Labs announced the close of its office in Boston, which Brightwater Capital had backed."
    assert not [d for d in investments(kept_deals, text) if ("Quillon Labs", "investee") in d.roles]


# -- lists, relative clauses and pronouns ---------------------------------------------------------------

def test_a_list_the_parser_hangs_as_an_apposition_with_a_name_modifier(kept_deals):
    # "from A, B and C Ventures": the parser hangs "C Ventures" on A, and "B and C" on "Ventures"
    names = ("Lightspeed Venture Partners", "Andreessen Horowitz", "Salesforce Ventures")
    text = f"Dunmore raised $40 million from {names[0]}, {names[1]} and {names[2]}."
    [deal] = investments(kept_deals, text, dict(ENTS, **{n: C for n in names}))
    assert {p for p, r in deal.roles if r == "investor"} == set(names)


def test_investor_named_by_a_relative_pronoun(kept_deals):
    text = "Torvane, which also invested in Dunmore's $500 million round in 2023, is a partner of the startup."
    [deal] = investments(kept_deals, text)
    assert deal.roles == {("Dunmore", "investee"), ("Torvane", "investor")}


def test_took_part_in_a_companys_round(kept_deals):
    [deal] = investments(kept_deals, "Torvane and Pellworth took part in Dunmore's $100 million round.")
    assert deal.roles == {("Dunmore", "investee"), ("Torvane", "investor"), ("Pellworth", "investor")}


def test_pronoun_of_a_clause_inside_a_relative_clause(kept_deals):
    text = ("Dunmore wants customers to use its platform. The company, which was valued at $43 billion when it "
            "raised more than $500 million in September in a round that included Torvane, competes with Pellworth.")
    [deal] = investments(kept_deals, text)
    assert deal.roles == {("Dunmore", "investee"), ("Torvane", "investor")}


def test_a_description_resolved_to_the_lead_investor_is_not_the_raiser(kept_deals):
    text = ("Quillon Labs has raised €600 million in a round led by Brightwater Capital, the company confirmed on "
            "Tuesday. The financing, a mix of equity and debt, values the year-old company at close to €6bn. "
            "Existing investors Torvane and Dunmore also took part.")
    assert edges(kept_deals(text, ENTS)) == {("Brightwater Capital", "Quillon Labs"), ("Torvane", "Quillon Labs"),
                                           ("Dunmore", "Quillon Labs")}


def test_a_description_resolved_to_a_listed_investor_raised_no_earlier_round(kept_deals):
    # "the company's third raise": coreference picks Dunmore, named just before among those who took part
    text = ("Quillon Labs has raised €600 million in a round led by Brightwater Capital. The financing values the "
            "company at €6bn. Torvane and Dunmore, the software company's investment arm, all took part. It is "
            "the company's third raise in a year. The founders raised a €105 million seed round led by Fennick "
            "Ventures a few weeks after incorporating.")
    assert not {(s, t) for s, t in edges(kept_deals(text, ENTS)) if t in ("Dunmore", "Torvane")}


def test_a_second_round_in_the_sentence_gives_the_first_no_investee(kept_deals):
    # "The founders" are people: the first round has no raiser, and the lead of the second is none either
    text = ("The founders raised a €105 million seed round led by Torvane a few weeks after incorporating, then "
            "€385 million in December in a round led by Brightwater Capital.")
    assert ("Torvane", "Brightwater Capital") not in edges(kept_deals(text, ENTS))


@pytest.mark.parametrize("verb", ["pumped", "funnelled"])
def test_money_pumped_into_a_company(kept_deals, verb):
    [deal] = investments(kept_deals, f"Harrowgate Bank {verb} $500 million into Pellworth last year.")
    assert deal.roles == {("Harrowgate Bank", "investor"), ("Pellworth", "investee")}
    assert deal.amount_usd == 500e6


# -- a title line tells the round the body tells in full -------------------------------------------------

def test_title_line_round_is_the_body_round(kept_deals):
    text = ("Quillon Labs raises €600m as Paris lab takes on the US giants\n\n"
            "Quillon Labs has raised €600 million (about $640m) in a round led by Brightwater Capital. "
            "Existing investors Torvane and Dunmore returned.")
    [deal] = investments(kept_deals, text)
    assert deal.roles == {("Quillon Labs", "investee"), ("Brightwater Capital", "investor"),
                           ("Torvane", "investor"), ("Dunmore", "investor")}
    assert deal.amount_usd == 640e6  # the dollar gloss of the euro amount


def test_two_rounds_with_different_amounts_stay_two(kept_deals):
    text = ("Quillon Labs raises $40m from Torvane\n\n"
            "Quillon Labs raised $40 million from Torvane and Dunmore. In 2022 Quillon Labs raised $9 million "
            "from Torvane.")
    deals = investments(kept_deals, text)
    assert {d.amount_usd for d in deals} == {40e6, 9e6}


# -- a valuation after a round; the investors a noun says are led by one -------------------------------

@pytest.mark.parametrize("text", [
    "Quillon Labs, valued at $3 billion after a round led by Brightwater Capital in May, is hiring engineers.",
    "Quillon Labs was valued at $3 billion in a round led by Brightwater Capital.",
])
def test_company_valued_after_a_round_raised_it(kept_deals, text):
    [deal] = investments(kept_deals, text)
    assert deal.roles == {("Quillon Labs", "investee"), ("Brightwater Capital", "investor")}


def test_a_round_of_talks_is_no_funding_round(kept_deals):
    assert not investments(kept_deals, "Quillon Labs held a round of talks led by Brightwater Capital.")


def test_investors_led_by_one_of_them(make_doc):
    text = "Quillon Labs's investors, led by Brightwater Capital, were bought out as part of the arrangement."
    assert ("Brightwater Capital", "Quillon Labs") in edges(find_deals(make_doc(text, ENTS), Article(id="t", text=text)))


# -- a round its founders raised (round.founders) -------------------------------------------------------

FOUNDERS = dict(ENTS, **{"Ana Ruiz": "PERSON", "Tom Berg": "PERSON", "Ida Moss": "PERSON"})


@pytest.mark.parametrize("text", [
    # trade press: the founders named in the sentence before
    "Quillon Labs was founded in April 2023 by Ana Ruiz, Tom Berg and Ida Moss. The trio raised a $105 million "
    "seed round led by Brightwater Capital a few weeks after incorporating.",
    # profile: a pronoun
    "Ana Ruiz founded Quillon Labs in 2021 after a decade at Torvane. She raised $20 million from Brightwater "
    "Capital the next spring.",
])
def test_founders_raise_for_the_company_they_founded(kept_deals, text):
    deals = investments(kept_deals, text, FOUNDERS)
    assert {("Quillon Labs", "investee"), ("Brightwater Capital", "investor")} in [d.roles for d in deals]


def test_founders_of_two_companies_say_not_which_raised(kept_deals):
    text = ("Quillon Labs and Dunmore were both founded in 2021. The trio raised a $105 million seed round led by "
            "Brightwater Capital.")
    assert not investments(kept_deals, text, FOUNDERS)


def test_a_company_that_raised_is_no_founders_round(kept_deals):
    text = ("Ana Ruiz founded Dunmore in 2015. Quillon Labs raised $20 million from Brightwater Capital in May.")
    [deal] = investments(kept_deals, text, FOUNDERS)
    assert ("Quillon Labs", "investee") in deal.roles and ("Dunmore", "investee") not in deal.roles
