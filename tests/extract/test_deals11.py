"""deals11: a total an investor has put in, told in a relative clause as background to other news, is a
standing investment (its invests_in relation stays), not a deal of the article; the same words as the
article's own news stay a deal."""
from __future__ import annotations

from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {"Marlow Cloud": C, "Sefton AI": C, "Harlow Robotics": C, "Kinsella Ventures": C}


def kept_deals(make_doc, text):
    doc = make_doc(text, {k: v for k, v in ENTS.items() if k in text})
    found = list(find_deals(doc, Article(id="t", text=text, date="2026-11-02")))
    return found, [d for d in found if d.confidence >= KEEP_CONFIDENCE]


def test_total_in_a_relative_clause_is_background_not_a_deal(make_doc):
    text = "Marlow Cloud, which has invested about $2 billion in Sefton AI, launched a new model on Thursday."
    found, kept = kept_deals(make_doc, text)
    assert kept == []
    # the standing investment is still a relation between the two
    assert ("Marlow Cloud", "invests_in", "Sefton AI") in {(r.source.text, r.relation, r.target.text)
                                                           for r in deal_relations(found)}


def test_total_after_a_preposition_relative_is_background(make_doc):
    text = "Marlow Cloud is building a cluster for Sefton AI, in which it has invested $4 billion."
    _, kept = kept_deals(make_doc, text)
    assert [d for d in kept if d.kind == "investment"] == []


def test_present_perfect_as_the_news_stays_a_deal(make_doc):
    text = "Harlow Robotics has raised $40 million from Kinsella Ventures."
    _, kept = kept_deals(make_doc, text)
    assert [(d.kind, d.amount_usd) for d in kept] == [("investment", 40e6)]


def test_relative_clause_with_its_own_time_stays_a_deal(make_doc):
    text = "Marlow Cloud, which invested $2 billion in Sefton AI in March, launched a new model on Thursday."
    _, kept = kept_deals(make_doc, text)
    assert [(d.kind, d.amount_usd) for d in kept] == [("investment", 2e9)]
