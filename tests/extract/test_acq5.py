"""Acquisitions told in passing (issue 12, round 5): examples a class noun lists ("bought a string of
start-ups, including A and B"), contact relative clauses ("B, the company A bought"), buyouts ("taken
private by"), an opening time phrase that swallowed the subject ("In March A agreed to buy B"), a list with
a unit in it, and the unit's owner in a sale. Over hand-typed entities (``make_doc``); invented sentences,
each of which gave no such deal (or a wrong party) before extract/deals/backgrounds.py."""
from __future__ import annotations

import pytest

from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {name: C for name in ("Quillon Systems", "Harrowgate Bank", "Torvane", "Brisco Labs", "Ferrow Analytics",
                             "Ostrander Capital", "Vexa Partners", "Marrow AI", "Alphabet")}


def deals(make_doc, text, reference="2025-06-01"):
    doc = make_doc(text, ENTS)
    return [(d.kind, frozenset(p.mention.text for p in d.parties), {p.mention.text: p.role for p in d.parties},
             d.amount_usd, d.date)
            for d in find_deals(doc, Article(id="t", text=text, date=reference)) if d.confidence >= KEEP_CONFIDENCE]


def acquisitions(make_doc, text):
    return {parties for kind, parties, *_ in deals(make_doc, text) if kind == "acquisition"}


@pytest.mark.parametrize("text, expected", [
    ("Torvane has since bought a string of smaller software start-ups, including Brisco Labs and Marrow AI.",
     {frozenset({"Torvane", "Brisco Labs"}), frozenset({"Torvane", "Marrow AI"})}),
    ("Harrowgate Bank has acquired several companies, such as Brisco Labs and Marrow AI, over the past decade.",
     {frozenset({"Harrowgate Bank", "Brisco Labs"}), frozenset({"Harrowgate Bank", "Marrow AI"})}),
    ("Founded in 1980, Harrowgate Bank grew through dozens of acquisitions, including Quillon Systems in 2006 "
     "and Ferrow Analytics in 2011.",
     {frozenset({"Harrowgate Bank", "Quillon Systems"}), frozenset({"Harrowgate Bank", "Ferrow Analytics"})}),
    ("Founded in 1970, Harrowgate Bank went public in 1996 and grew through dozens of acquisitions, including Ferrow "
     "Analytics in 2006 and Quillon Systems in 2011, whose products include Vexa.",
     {frozenset({"Harrowgate Bank", "Quillon Systems"}), frozenset({"Harrowgate Bank", "Ferrow Analytics"})}),
    ("Harrowgate Bank's acquisitions include Brisco Labs and Marrow AI.",
     {frozenset({"Harrowgate Bank", "Brisco Labs"}), frozenset({"Harrowgate Bank", "Marrow AI"})}),
    ("Since then Torvane has bought Brisco Labs, Quillon Systems's payments business and Marrow AI.",
     {frozenset({"Torvane", "Brisco Labs"}), frozenset({"Torvane", "Quillon Systems"}), frozenset({"Torvane", "Marrow AI"})}),
])
def test_every_company_a_purchase_lists_is_an_acquisition(make_doc, text, expected):
    assert expected <= acquisitions(make_doc, text)


def test_each_listed_company_keeps_its_own_year(make_doc):
    text = "Harrowgate Bank grew through dozens of acquisitions, including Quillon Systems in 2006 and Ferrow Analytics in 2011."
    dates = {tuple(sorted(parties)): date for kind, parties, _, _, date in deals(make_doc, text)}
    assert dates == {("Harrowgate Bank", "Quillon Systems"): "2006", ("Ferrow Analytics", "Harrowgate Bank"): "2011"}


@pytest.mark.parametrize("text, amount, date", [
    ("Analysts compared it with Quillon Systems, the payments company Harrowgate Bank bought for $34 billion in 2019.", 34e9, "2019"),
    ("Quillon Systems, the payments company Harrowgate Bank bought for $34 billion in 2019, will run the unit.", 34e9, "2019"),
])
def test_a_contact_relative_clause_names_what_was_bought(make_doc, text, amount, date):
    found = deals(make_doc, text)
    assert [(roles, usd, d) for kind, _, roles, usd, d in found if kind == "acquisition"] == [
        ({"Harrowgate Bank": "buyer", "Quillon Systems": "seller"}, amount, date)]


@pytest.mark.parametrize("text, expected", [
    ("Brisco Labs, which was taken private in 2015 by Ostrander Capital and Vexa Partners, returned to the market in 2021.",
     {"Brisco Labs": "seller", "Ostrander Capital": "buyer", "Vexa Partners": "buyer"}),
    ("Ostrander Capital took Marrow AI private in 2019 for $12 billion.", {"Marrow AI": "seller", "Ostrander Capital": "buyer"}),
])
def test_taken_private_is_a_buyout(make_doc, text, expected):
    assert [roles for kind, _, roles, _, _ in deals(make_doc, text) if kind == "acquisition"] == [expected]


def test_an_opening_date_without_a_comma_keeps_the_subject(make_doc):
    text = "In March Alphabet agreed to buy Quillon Systems for $32 billion in cash."
    assert [(roles, usd) for kind, _, roles, usd, _ in deals(make_doc, text)] == [
        ({"Alphabet": "buyer", "Quillon Systems": "seller"}, 32e9)]


def test_a_sold_units_owner_is_no_second_seller(make_doc):
    text = "Harrowgate Bank has sold Quillon Systems's payments business to Ostrander Capital for about $4bn."
    assert [roles for kind, _, roles, _, _ in deals(make_doc, text)] == [
        {"Harrowgate Bank": "seller", "Ostrander Capital": "buyer"}]


@pytest.mark.parametrize("text", [
    "Ostrander Capital has invested in many companies, including Marrow AI and Brisco Labs.",
    "Torvane competes with several companies, including Brisco Labs and Marrow AI.",
    "Quillon Systems, the company Harrowgate Bank invested in last year, grew fast.",
    "Brisco Labs was taken to court by Ostrander Capital in 2018.",
    "Ostrander Capital kept its holdings in Marrow AI private.",
    "In March Alphabet said the market took a turn for the worse.",
    "Torvane tried to buy a string of start-ups, including Brisco Labs, but was rebuffed.",
    "Torvane bought thousands of graphics chips last year, like Brisco Labs and Marrow AI.",
    "Harrowgate Bank acquired several buildings, including one leased by Brisco Labs.",
])
def test_near_misses_are_no_acquisition(make_doc, text):
    assert not acquisitions(make_doc, text)


def test_the_buyer_of_a_unit_does_not_acquire_its_seller(make_doc):
    from extract.deals import deal_relations
    text = "Harrowgate Bank has sold Quillon Systems's payments business to Ostrander Capital for about $4bn."
    doc = make_doc(text, ENTS)
    found = list(find_deals(doc, Article(id="t", text=text)))
    assert [(r.source.text, r.relation, r.target.text) for r in deal_relations(found)] == []


def test_a_semicolon_ends_the_clause_of_a_subject():
    """The parser's reading of "He co-founded Brisco; Harrowgate acquired Brisco in May": both names as
    subjects of "acquired" (the first one cut off by the semicolon)."""
    import spacy
    from spacy.tokens import Doc, Span
    words = ["He", "co-founded", "Brisco", ";", "Harrowgate", "acquired", "Brisco", "in", "May", "."]
    heads = [1, 5, 5, 2, 5, 5, 5, 5, 7, 5]
    deps = ["nsubj", "advcl", "nsubj", "punct", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"]
    pos = ["PRON", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]
    tags = ["PRP", "VBD", "NNP", ":", "NNP", "VBD", "NNP", "IN", "NNP", "."]
    lemmas = ["he", "co-found", "Brisco", ";", "Harrowgate", "acquire", "Brisco", "in", "May", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc.ents = [Span(doc, 2, 3, label=C), Span(doc, 4, 5, label=C), Span(doc, 6, 7, label=C)]
    found = [{(p.mention.text, p.role) for p in d.parties} for d in find_deals(doc, Article(id="t", text=doc.text))]
    assert found == [{("Harrowgate", "buyer"), ("Brisco", "seller")}]


def _deal_kinds(newsgraph_nlp, text):
    from graph.build import build_graph
    G = build_graph([text], nlp=newsgraph_nlp)
    return [d.get("kind") for _, d in G.nodes(data=True) if d.get("type") == "deal"]


def test_a_deal_known_by_a_name_is_the_acquisition_told_of_its_companies(newsgraph_nlp):
    text = ("Harrowgate Bank closes $28 billion Quillon Systems deal, its biggest ever\n\n"
            "Harrowgate Bank completed its acquisition of Quillon Systems on Monday.")
    assert _deal_kinds(newsgraph_nlp, text) == ["acquisition"]


def test_a_deal_known_by_a_name_alone_stays(newsgraph_nlp):
    text = ("Harrowgate Bank closes $28 billion Quillon Systems deal, its biggest ever\n\n"
            "The bank said on Monday that the deal had closed.")
    assert _deal_kinds(newsgraph_nlp, text) == ["other"]


@pytest.mark.parametrize("text", [
    "The Justice Department's lawsuit against Harrowgate Bank's planned purchase of Quillon Systems is pending.",
    "Regulators filed a suit against Torvane's acquisition of Brisco Labs last week.",
])
def test_a_deal_under_challenge_is_not_told_as_done(make_doc, text):
    assert not acquisitions(make_doc, text)


def test_a_deal_that_survived_a_challenge_is_still_a_deal(make_doc):
    text = "Despite a lawsuit, Harrowgate Bank completed its purchase of Quillon Systems in May."
    assert acquisitions(make_doc, text) == {frozenset({"Harrowgate Bank", "Quillon Systems"})}


@pytest.mark.parametrize("text", [
    "Harrowgate Bank struck a deal to buy Quillon Systems for $2 billion.",
    "Harrowgate Bank reached an agreement to acquire Quillon Systems for $2 billion.",
])
def test_a_deal_to_buy_has_the_subject_of_its_verb_as_buyer(make_doc, text):
    assert [(roles, usd) for kind, _, roles, usd, _ in deals(make_doc, text) if kind == "acquisition"] == [
        ({"Harrowgate Bank": "buyer", "Quillon Systems": "seller"}, 2e9)]


def test_two_objects_of_one_purchase_verb_are_two_acquisitions(make_doc):
    text = "Harrowgate Bank bought Quillon Systems in 2016 and Brisco Labs two years later."
    assert acquisitions(make_doc, text) == {frozenset({"Harrowgate Bank", "Quillon Systems"}),
                                            frozenset({"Harrowgate Bank", "Brisco Labs"})}


@pytest.mark.parametrize("text", [
    "Harrowgate Bank paid $2 billion for Quillon Systems in 2019.",
    "In 2019 Harrowgate Bank paid about $2 billion in cash and stock for Quillon Systems.",
])
def test_paying_for_a_company_buys_it(make_doc, text):
    assert [(roles, usd) for kind, _, roles, usd, _ in deals(make_doc, text) if kind == "acquisition"] == [
        ({"Harrowgate Bank": "buyer", "Quillon Systems": "seller"}, 2e9)]


@pytest.mark.parametrize("text", [
    "Harrowgate Bank paid $2 billion for Quillon Systems's patents in 2019.",
    "Harrowgate Bank paid $20 million for advertising on Quillon Systems.",
])
def test_paying_for_a_thing_of_a_company_buys_no_company(make_doc, text):
    assert not acquisitions(make_doc, text)
