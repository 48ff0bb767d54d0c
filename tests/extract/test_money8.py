"""Investors of a funding sentence that names no raiser (issue 12, round 8): the sentence just before it in its
paragraph says which company raised the money, or which company the paragraph is about
(``funding.paragraph_raiser``). Invented sentences, hand-typed entities."""
from __future__ import annotations

from extract.coref import entity_refs
from extract.relations import find_relations
from extract.relations.fallback_frames import PARAGRAPH_RULE, frame_relations

C = "COMPANY"
ENTS = {name: C for name in (
    "Quillon Robotics", "Kestrel AI", "Harwood Peak Ventures", "Brenlow Capital", "Corrow Partners", "Marrow Bank",
    "Essling Trust", "Fennick Ventures", "Torvane Capital", "Ostry Partners", "Marrick Capital")}


def paragraph_facts(pipeline_doc, text):
    """The invests_in edges the paragraph rule gives on its own (no other rule's edges to defer to)."""
    doc = pipeline_doc(text, ENTS)
    candidates = frame_relations(doc, entity_refs(doc), ())
    return {(c.source.text, c.target.text) for c in candidates if c.rule == PARAGRAPH_RULE}


def admitted(pipeline_doc, text):
    doc = pipeline_doc(text, ENTS)
    relations = find_relations(doc, "t", entity_refs(doc))
    return {(r.source.text, r.target.text) for r in relations if r.relation == "invests_in"}


def test_investors_after_a_raise_invest_in_the_company_that_raised(pipeline_doc):
    # a roundup: no company the whole text is about
    text = ("Robot makers had a good month.\n\nQuillon Robotics raised $40 million at a valuation of $300 million. "
            "Fennick Ventures and Torvane Capital were among the investors.")
    assert paragraph_facts(pipeline_doc, text) == {("Fennick Ventures", "Quillon Robotics"),
                                                   ("Torvane Capital", "Quillon Robotics")}


def test_a_pronoun_raise_after_the_paragraphs_subject_is_that_companys(pipeline_doc):
    # "it" read by coreference as another company than the article's topic: the sentence before says whose it is
    text = ("Analysts are watching the independents. Tokyo-based Kestrel AI is the best-funded of them. In May it "
            "raised $90 million in a Series B round from Marrow Bank, the two trust banks Essling Trust and Ostry "
            "Partners, and venture firms Brenlow Capital and Corrow Partners.")
    found = admitted(pipeline_doc, text)
    assert {("Brenlow Capital", "Kestrel AI"), ("Corrow Partners", "Kestrel AI")} <= found
    assert not any(target != "Kestrel AI" for _, target in found)


def test_an_investor_that_is_the_previous_subject_gets_no_investors(pipeline_doc):
    text = ("Harwood Peak Ventures manages $2 billion.\n\nHarwood Peak Ventures led the round. Fennick Ventures and "
            "Torvane Capital also took part.")
    assert paragraph_facts(pipeline_doc, text) == set()


def test_a_paragraph_break_ends_the_reading(pipeline_doc):
    text = ("Quillon Robotics raised $40 million last year.\n\nFennick Ventures and Torvane Capital were among the "
            "investors in the sector's biggest round.")
    assert paragraph_facts(pipeline_doc, text) == set()


def test_a_portfolio_sentence_about_the_previous_subject_is_not_its_round(pipeline_doc):
    # "It led the Series B of a start-up": the company of the sentence before is an investor here
    text = ("Brenlow Capital is based in Oslo. It led the Series B of a Danish robotics start-up, with Ostry "
            "Partners and Marrick Capital joining.")
    assert paragraph_facts(pipeline_doc, text) == set()


# -- a round's deal takes the investors the fallback reads in its sentence (round.sentence_investors) ----------

def investment_deals(pipeline_doc, text):
    from extract.deals import find_deals
    from extract.records import Article

    doc = pipeline_doc(text, ENTS)
    deals = find_deals(doc, Article(id="t", text=text), entity_refs(doc))
    return [sorted((p.mention.text, p.role) for p in d.parties) for d in deals if d.kind == "investment"]


def test_a_rounds_deal_takes_investors_listed_under_class_nouns(pipeline_doc):
    text = ("Kestrel AI makes models. In May Kestrel AI raised $90 million in a Series B round from Marrow Bank, the "
            "two trust banks Essling Trust and Ostry Partners, and venture firms Brenlow Capital and Corrow Partners.")
    deals = investment_deals(pipeline_doc, text)
    assert len(deals) == 1
    assert {("Essling Trust", "investor"), ("Brenlow Capital", "investor"), ("Corrow Partners", "investor"),
            ("Kestrel AI", "investee")} <= set(deals[0])


def test_a_round_hosted_by_a_stake_takes_the_relative_clauses_investors(pipeline_doc):
    text = ("Fennick Ventures put $50 million into Kestrel AI in May as part of a $300 million round led by Brenlow "
            "Capital, in which Corrow Partners, Marrow Bank and Torvane Capital also took part.")
    deals = investment_deals(pipeline_doc, text)
    assert len(deals) == 1
    assert {("Corrow Partners", "investor"), ("Marrow Bank", "investor"), ("Torvane Capital", "investor"),
            ("Kestrel AI", "investee")} <= set(deals[0])


def test_two_rounds_of_one_sentence_keep_their_own_investors(pipeline_doc):
    text = ("Kestrel AI raised a $10 million seed round led by Brenlow Capital in 2023, then $60 million in a round "
            "led by Corrow Partners last year.")
    for parties in investment_deals(pipeline_doc, text):
        assert not {("Brenlow Capital", "investor"), ("Corrow Partners", "investor")} <= set(parties)


# -- "it raised" that coreference gives to another company than the topic ---------------------------------

def fallback_facts(pipeline_doc, text):
    from extract.relations.fallback_frames import INVESTORS_RULE

    doc = pipeline_doc(text, {**ENTS, "Pellmar Systems": C})
    candidates = frame_relations(doc, entity_refs(doc), ())
    return {(c.source.text, c.target.text) for c in candidates if c.rule == INVESTORS_RULE}


def test_a_pronoun_raiser_resolved_to_a_company_is_that_companys_round(pipeline_doc):
    text = ("Pellmar Systems leads the market.\n\nKestrel AI is newer. Last year Kestrel AI hired 40 engineers.\n\n"
            "In May it raised $90 million in a Series B round from Brenlow Capital and Corrow Partners.")
    assert fallback_facts(pipeline_doc, text) == {("Brenlow Capital", "Kestrel AI"), ("Corrow Partners", "Kestrel AI")}


def test_a_description_resolved_to_another_company_stays_unread(pipeline_doc):
    text = ("Pellmar Systems leads the market.\n\nKestrel AI is newer. Last year Kestrel AI hired 40 engineers.\n\n"
            "In May the startup raised $90 million in a Series B round from Brenlow Capital and Corrow Partners.")
    assert not {target for _, target in fallback_facts(pipeline_doc, text)} - {"Kestrel AI"}
