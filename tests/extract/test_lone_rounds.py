"""Rounds told with no investor named (``extract/deals/lone_rounds.py``): one-party deals with the company,
its amount and date, kept only where the text reports a round the company took.

Invented sentences with hand-typed entities (``make_doc``); the near misses show what must not become a deal.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.deals.lone_rounds import LONE_ROUND_MARK, _within_phrase
from extract.records import Article
from graph import build_graph

C = "COMPANY"
ENTS = {"Corvane Labs": C, "Tessaly": C, "Brannock": C, "Quillon Ventures": C, "Mirela": C, "Ostrava AI": C}


def lone(make_doc, text, ents=ENTS):
    found = find_deals(make_doc(text, ents), Article(id="t", text=text, date="2025-05-01"))
    return [(d.parties[0].mention.text, d.amount_usd, d.date) for d in found
            if d.confidence >= KEEP_CONFIDENCE and LONE_ROUND_MARK in d.rule]


@pytest.mark.parametrize("text, company, usd", [
    ("Corvane Labs raised $50 million in a Series B round, the company said on Tuesday.", "Corvane Labs", 50e6),
    ("Corvane Labs closed a $50 million Series B round.", "Corvane Labs", 50e6),
    ("Corvane Labs's $50 million Series A round was announced on Monday.", "Corvane Labs", 50e6),
    ("Tessaly went public on Nasdaq in March, raising $713 million.", "Tessaly", 713e6),
    ("Customers include banks; Corvane Labs, which raised $40 million last year, sells to insurers.",
     "Corvane Labs", 40e6),
    ("Tessaly makes sensors. The company raised $12 million in seed funding in January.", "Tessaly", 12e6),
    ("Corvane Labs has raised $15 million in a seed round in March.", "Corvane Labs", 15e6),  # dated: news
])
def test_a_round_with_no_investor_named_is_a_deal_of_its_company(make_doc, text, company, usd):
    [(name, amount, _)] = lone(make_doc, text)
    assert (name, amount) == (company, usd)


@pytest.mark.parametrize("text", [
    "Corvane Labs has raised $20 million so far.",                             # a running total
    "Corvane Labs raised $90 million in total from three rounds.",
    "Corvane Labs is in talks to raise $300 million, people familiar said.",  # a hedge
    "Corvane Labs did not raise $30 million as planned.",                     # negated
    "Shares of Corvane Labs rose, adding $30 billion to its value, after the company raised its forecast.",
    "Brannock anchored a $500 million funding round for a reactor maker.",     # a backer of someone else's round
    "Corvane Labs raised a Series B round.",                                   # no amount: no news of one
])
def test_near_misses_make_no_lone_round(make_doc, text):
    assert lone(make_doc, text) == []


def test_a_round_told_with_its_investors_is_not_told_again_alone(make_doc):
    text = ("Corvane Labs, Inc. raised $50 million in a round led by Quillon Ventures. "
            "Corvane Labs said the $50 million round would pay for hiring.")
    found = find_deals(make_doc(text, {**ENTS, "Corvane Labs, Inc.": C}), Article(id="t", text=text))
    assert [len(d.parties) for d in found if d.confidence >= KEEP_CONFIDENCE] == [2]


def test_the_same_sentence_tells_no_lone_round_beside_a_full_one(make_doc):
    text = "Ostrava AI raised a $60 million seed round last September, led by Quillon Ventures."
    found = find_deals(make_doc(text, ENTS), Article(id="t", text=text))
    assert [LONE_ROUND_MARK in d.rule for d in found if d.confidence >= KEEP_CONFIDENCE] == [False]


def test_an_amount_below_another_clause_is_not_the_phrase_s():
    # "adding $30 billion ... after the company raised its forecast": the amount hangs below "adding"
    words = ["adding", "$", "30", "billion", "after", "it", "raised", "forecast"]
    heads = [0, 3, 3, 0, 6, 6, 0, 6]
    deps = ["ROOT", "quantmod", "compound", "dobj", "mark", "nsubj", "advcl", "dobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert not _within_phrase(doc[3], doc[6])
    assert _within_phrase(doc[7], doc[6])


def test_the_graph_keeps_a_lone_round_unless_another_article_tells_it_with_investors():
    alone = "Corvane Labs raised $50 million in a Series B round on Tuesday."
    graph = build_graph([alone])
    deals = [d for _, d in graph.nodes(data=True) if d.get("type") == "deal"]
    assert [(d["kind"], d["amount_usd"]) for d in deals] == [("investment", 50e6)]
    both = build_graph([alone, "Corvane Labs raised $50 million in a round led by Quillon Ventures on Tuesday."])
    deals = [n for n, d in both.nodes(data=True) if d.get("type") == "deal"]
    assert len(deals) == 1 and len(list(both.successors(deals[0]))) == 2
