"""Investment fallbacks beyond one sentence's raiser (issue 12, round 6): a round whose raiser is "it", "we" or
"the startup" belongs to the article's dominant company; a round that values a company is that company's; lone
investors ("IVP came back to lead a round", "Nvidia also took part"), "put money in", "bought shares", and the
buyers of an IPO invest too. Invented sentences, hand-typed entities."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations
from extract.relations.fallback_frames import frame_relations, funding_topic

C = "COMPANY"
ENTS = {name: C for name in (
    "Quillmark Robotics", "Harwood Peak Ventures", "Brenlow Capital", "Ostry Partners", "Tallis Ventures",
    "Corrow Capital", "Fenwick Partners", "Halden Capital", "Marrick Ventures", "Dunholt Capital", "Essling Group",
    "Tessaly Labs", "Ostry Foods", "Essling Retail", "LEEDS")}

#: Four mentions of one company, the first in the opening: the article is about it.
LEDE = ("Quillmark Robotics makes warehouse robots. Quillmark Robotics was founded in 2019 and Quillmark Robotics "
        "sells to grocers. Quillmark Robotics is based in Leeds. ")


def frame_facts(pipeline_doc, text):
    """Every invests_in edge the fallback would give on its own (no other rule's edges to defer to)."""
    doc = pipeline_doc(text, ENTS)
    return {(c.source.text, c.target.text) for c in frame_relations(doc, entity_refs(doc), ()) if c.relation == "invests_in"}


def admitted(pipeline_doc, text):
    doc = pipeline_doc(text, ENTS)
    return {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == "invests_in"}


def test_a_dominant_company_named_in_the_opening_is_the_funding_topic(pipeline_doc):
    assert funding_topic(pipeline_doc(LEDE + "Brenlow Capital sells bonds.", ENTS)).text == "Quillmark Robotics"
    # named as often as another company: no dominant one
    # named four times, but not in the opening (a side actor of a long story)
    assert funding_topic(pipeline_doc("Brenlow Capital sells bonds. Ostry Partners sells bonds. Tallis Ventures met. "
                                      + LEDE, ENTS)) is None


@pytest.mark.parametrize("text, investors", [
    ("In March the startup closed a $12 million round led by Brenlow Capital, with Ostry Partners joining.",
     ("Brenlow Capital", "Ostry Partners")),
    ("Q: How did you fund it? A: We raised a $9 million seed round from Tallis Ventures and Corrow Capital.",
     ("Tallis Ventures", "Corrow Capital")),
    ("Fenwick Partners bought shares in 2023, and Halden Capital came back in June to lead a $90 million round.",
     ("Fenwick Partners", "Halden Capital")),
    ("Marrick Ventures, Dunholt Capital and Essling Group put money in, too.",
     ("Marrick Ventures", "Dunholt Capital", "Essling Group")),
    ("Brenlow Capital led a $30 million round in 2022 in which Ostry Partners also took part.",
     ("Brenlow Capital", "Ostry Partners")),
    ("It went public in 2021 in a $700 million IPO, with Ostry Partners and Marrick Ventures among the buyers of its shares.",
     ("Ostry Partners", "Marrick Ventures")),
    ("Its listing raised $1 billion. Dunholt Capital, Essling Group and Tallis Ventures were among the anchor "
     "investors that bought into the offering.", ("Dunholt Capital", "Essling Group", "Tallis Ventures")),
])
def test_investors_of_a_round_without_a_named_raiser_invest_in_the_dominant_company(pipeline_doc, text, investors):
    facts = frame_facts(pipeline_doc, LEDE + text)
    for investor in investors:
        assert (investor, "Quillmark Robotics") in facts


def test_a_round_that_values_a_company_is_that_companys(pipeline_doc):
    text = ("Tessaly Labs builds databases. Harwood Peak Ventures led a $50 million round that valued Tessaly Labs "
            "at $400 million, alongside Ostry Partners and Brenlow Capital.")
    facts = frame_facts(pipeline_doc, text)
    for investor in ("Harwood Peak Ventures", "Ostry Partners", "Brenlow Capital"):
        assert (investor, "Tessaly Labs") in facts


def test_a_dateline_is_no_raiser(pipeline_doc):
    text = ('LEEDS, May 4, 2026 /PRNewswire/ -- Tessaly Labs, Inc. ("Tessaly"), which builds databases for banks, '
            "today announced that it has raised $20 million in Series A funding. The round was led by Ostry Partners "
            "and Brenlow Capital. Tessaly Labs sells databases. Tessaly Labs has 40 staff, and Tessaly Labs is growing.")
    facts = frame_facts(pipeline_doc, text)
    assert not [f for f in facts if f[1] == "LEEDS"]
    assert ("Ostry Partners", "Tessaly Labs") in facts


@pytest.mark.parametrize("text", [
    "Marrick Ventures and Dunholt Capital bought back shares worth $2 billion last year.",
    "The company sells its robots to Ostry Foods and Essling Retail, which raised prices in March.",
    "It took a loss on its stake in Ostry Partners after Dunholt Capital bought the company.",
])
def test_buybacks_customers_and_buyers_of_a_company_are_no_investors(pipeline_doc, text):
    assert not admitted(pipeline_doc, LEDE + text) & {(n, "Quillmark Robotics") for n in ENTS}


# -- precision: co-investors are not each other's investees; a round's valuation names its investee ------------

def extract_facts(newsgraph_nlp, text):
    from extract.pipeline import extract_article
    from extract.records import Article

    ex = extract_article(newsgraph_nlp, Article(id="t", text=text))
    relations = {(r.source.text, r.target.text) for r in ex.relations if r.relation == "invests_in"}
    deals = [{p.mention.text: p.role for p in d.parties} for d in ex.deals if d.kind == "investment"]
    return relations, deals


@pytest.mark.parametrize("text, named", [
    ("Existing investors Brenlow Capital and Ostry Partners also took part.", True),
    ("The new investor Ostry Partners joined.", True),
    ("Investors in Ostry Partners include Brenlow Capital.", False),
])
def test_a_company_beside_an_investor_noun_is_named_as_an_investor(pipeline_doc, text, named):
    from extract.relations.fallback_frames import _named_as_investor

    doc = pipeline_doc(text, ENTS)
    ostry = next(e for e in doc.ents if e.text == "Ostry Partners")
    assert _named_as_investor(ostry) is named


def test_co_investors_named_as_investors_do_not_invest_in_each_other(newsgraph_nlp):
    text = LEDE + ("New investors Tallis Ventures and Marrick Partners also joined, as did existing investors Brenlow "
                   "Ventures and Ostry Capital, which co-led the company's $6 million seed round in 2023.")
    relations, deals = extract_facts(newsgraph_nlp, text)
    names = ("Tallis Ventures", "Marrick Partners", "Brenlow Ventures", "Ostry Capital")
    assert not {(a, b) for a in names for b in names} & relations
    assert not [d for d in deals if any(d.get(n) == "investee" for n in names)]


def test_a_round_that_values_a_company_has_it_for_investee_whatever_its_clause_hangs_on(newsgraph_nlp):
    text = ("Tessaly Labs builds databases. Ostry Partners returned a year later for a $90 million round led by "
            "Brenlow Capital that valued Tessaly Labs at $1 billion, alongside Harwood Peak Ventures.")
    relations, deals = extract_facts(newsgraph_nlp, text)
    assert ("Brenlow Capital", "Ostry Partners") not in relations
    assert {"Tessaly Labs": "investee", "Ostry Partners": "investor", "Brenlow Capital": "investor",
            "Harwood Peak Ventures": "investor"} in deals


# -- interviews: "we", "our" and "you" are the interviewee's company ------------------------------------------

@pytest.mark.parametrize("text", [
    "\"We build robots\": a conversation with Quillmark Labs's Nadia Okafor\n\nQ: Who backs you?\n\n"
    "A: Brenlow Capital led our seed round, and Ostry Partners led our Series A.",
    "[00:01:10] HOST: You raised money this spring.\n\n[00:01:12] GUEST: A $15 million Series A in May, led by "
    "Brenlow Capital, with Ostry Partners joining. Before I co-founded Quillmark Labs, I worked at a bank.",
])
def test_a_round_an_interviewee_speaks_of_belongs_to_their_company(newsgraph_nlp, text):
    relations, _ = extract_facts(newsgraph_nlp, text)
    assert {("Brenlow Capital", "Quillmark Labs"), ("Ostry Partners", "Quillmark Labs")} <= relations


def test_a_round_of_another_company_told_in_an_interview_is_not_the_interviewees(newsgraph_nlp):
    text = ("[00:01:10] HOST: Who else is doing this?\n\n[00:01:12] GUEST: Tessaly Labs raised a round led by Harwood "
            "Peak Ventures and Marrick Ventures last year. Before I co-founded Quillmark Labs, I worked at a bank.")
    relations, _ = extract_facts(newsgraph_nlp, text)
    assert not {r for r in relations if r[1] == "Quillmark Labs"}


def test_a_round_with_investors_and_no_raiser_is_a_deal_of_the_company_the_fallback_reads(newsgraph_nlp):
    text = ("[00:01:10] HOST: You raised money this spring.\n\n[00:01:12] GUEST: A $15 million Series A in May, led by "
            "Brenlow Capital, with Ostry Partners joining. Before I co-founded Quillmark Labs, I worked at a bank.")
    _, deals = extract_facts(newsgraph_nlp, text)
    assert any(d.get("Quillmark Labs") == "investee" and d.get("Brenlow Capital") == "investor" for d in deals)


@pytest.mark.parametrize("text", [
    "Round led by Brenlow Capital, with participation from Ostry Partners; company also hires",
    "The round was led by Brenlow Capital, with participation from Ostry Partners.",
])
def test_a_definite_round_or_a_deck_line_gets_no_fallback_investee(newsgraph_nlp, text):
    # "the round" continues the raise told before it; a deck line retells the body's round
    from extract.pipeline import extract_article
    from extract.records import Article

    ex = extract_article(newsgraph_nlp, Article(id="t", text=LEDE + text))
    assert not [d for d in ex.deals if "round.frame_investee" in d.rule]


# -- the dominant company stands in only for a raiser the sentence leaves unnamed ------------------------------

@pytest.mark.parametrize("text", [
    # coreference names the raiser: the round is Tessaly's, not the article's company
    "Last month Tessaly Labs said it had raised $70 million in a round led by Brenlow Capital and Ostry Partners.",
    # the dominant company is named, as an investor: the round is someone else's
    "Quillmark Robotics put $5 million into Tessaly Labs as part of a $60 million round led by Brenlow Capital, "
    "in which Ostry Partners also took part.",
])
def test_the_dominant_company_is_no_investee_where_the_sentence_names_another(pipeline_doc, newsgraph_nlp, text):
    from extract.pipeline import extract_article
    from extract.records import Article

    facts = frame_facts(pipeline_doc, LEDE + text)
    assert not {(investor, "Quillmark Robotics") for investor in ("Brenlow Capital", "Ostry Partners")} & facts
    deals = extract_article(newsgraph_nlp, Article(id="t", text=LEDE + text)).deals
    assert not [d for d in deals if ("Quillmark Robotics", "investee") in d.roles]
