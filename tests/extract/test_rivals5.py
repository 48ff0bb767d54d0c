"""Rivals, partners and compute deals (issue 12, round 5), over hand-typed entities (``pipeline_doc``): a company
that sells another's models through its cloud, a partnership noun summing up the clause before it, companies
pitted against each other, customers leaving for rivals, a judged "natural partner", models released in
sizes. Invented sentences, parsed by the full pipeline (its tokenizer splits "70B" as the rules expect) with
hand-typed entities."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.deals import find_deals
from extract.pipeline import extract_doc
from extract.records import Article
from extract.relations import find_relations

C, M = "COMPANY", "MODEL"
ENTS = {"Quillon Labs": C, "Halcyon Systems": C, "Torvane Energy": C, "Brindle AI": C, "Fennick Ventures": C,
        "Orca-3": M, "Orca-3 8B": M, "Orca-3 70B": M, "Vesta-2 8B": M}


def pairs(pipeline_doc, text, relation, ents=ENTS):
    doc = pipeline_doc(text, ents)
    return {frozenset((r.source.text, r.target.text)) for r in find_relations(doc, "t", entity_refs(doc))
            if r.relation == relation}


def facts(pipeline_doc, text, relation, ents=ENTS):
    doc = pipeline_doc(text, ents)
    return {(r.source.text, r.target.text) for r in find_relations(doc, "t", entity_refs(doc)) if r.relation == relation}


def deals(pipeline_doc, text, ents=ENTS):
    doc = pipeline_doc(text, ents)
    return {(d.kind, frozenset(p.mention.text for p in d.parties))
            for d in find_deals(doc, Article(id="t", text=text), entity_refs(doc))}


# -- one company sells another's models through its cloud ------------------------------------------

@pytest.mark.parametrize("text, pair", [
    ("Halcyon Systems offers Brindle AI's models inside its cloud and in its own business software.",
     ("Halcyon Systems", "Brindle AI")),
    ("Under the agreement, Halcyon Systems will host Torvane Energy's models on its cloud platform.",
     ("Halcyon Systems", "Torvane Energy")),
    ("Brindle AI sells access to its models through its own platform and, since March, through Halcyon Systems' cloud.",
     ("Brindle AI", "Halcyon Systems")),
    ("Brindle AI's models will be offered on Halcyon Systems' cloud marketplace from June.",
     ("Brindle AI", "Halcyon Systems")),
    ("Brindle AI's models are also available through Halcyon Systems' cloud, the companies said on Monday.",
     ("Brindle AI", "Halcyon Systems")),
])
def test_selling_another_companys_models_through_a_cloud_is_a_partnership(pipeline_doc, text, pair):
    assert frozenset(pair) in pairs(pipeline_doc, text, "partners_with")


@pytest.mark.parametrize("text", [
    "Halcyon Systems sells Brindle AI's phones on its website and in its stores.",
    "Halcyon Systems offers discounts on its cloud to Brindle AI's customers.",
])
def test_a_retailer_or_a_discount_is_no_partnership(pipeline_doc, text):
    assert frozenset(("Halcyon Systems", "Brindle AI")) not in pairs(pipeline_doc, text, "partners_with")


# -- a partnership noun that sums up its clause ----------------------------------------------------

def test_a_partnership_summing_up_a_compute_clause_joins_its_two_companies(pipeline_doc):
    text = ("The same month Halcyon Systems said Brindle AI would use its chips for much of its research, "
            "a partnership that the two companies described as a large compute agreement.")
    assert ("partnership", frozenset(("Halcyon Systems", "Brindle AI"))) in deals(pipeline_doc, text)
    extraction = extract_doc(pipeline_doc(text, ENTS), Article(id="t", text=text))
    assert {frozenset((r.source.text, r.target.text)) for r in extraction.relations if r.relation == "partners_with"} \
        == {frozenset(("Halcyon Systems", "Brindle AI"))}


def test_an_agreement_the_clause_works_under_joins_its_two_companies(pipeline_doc):
    text = "Brindle AI will use Halcyon Systems' chips to train its next models under a multi-year agreement."
    assert any(parties == frozenset(("Brindle AI", "Halcyon Systems")) for _, parties in deals(pipeline_doc, text))


@pytest.mark.parametrize("text", [
    # three companies: who partners whom is open
    "Halcyon Systems said Brindle AI and Torvane Energy would use its chips, a partnership that starts in May.",
    # a purchase summed up as an agreement is the purchase
    "Halcyon Systems agreed to buy Brindle AI, an agreement that values it at $2 billion.",
])
def test_no_partnership_from_a_clause_with_three_companies_or_a_deal_verb(pipeline_doc, text):
    assert ("partnership", frozenset(("Halcyon Systems", "Brindle AI"))) not in deals(pipeline_doc, text)


# -- pitted against, up against, customers leaving for rivals -------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Analysts said Quillon Labs would be pitched against Torvane Energy and Fennick Ventures in security.",
     {("Quillon Labs", "Torvane Energy"), ("Quillon Labs", "Fennick Ventures")}),
    ("Quillon Labs, now pitted against Torvane Energy and Halcyon Systems, cut its prices.",
     {("Quillon Labs", "Torvane Energy"), ("Quillon Labs", "Halcyon Systems")}),
    ("The deal pits Quillon Labs against Torvane Energy in the market for data tools.", {("Quillon Labs", "Torvane Energy")}),
    ("Quillon Labs is up against Torvane Energy and Fennick Ventures in Europe.",
     {("Quillon Labs", "Torvane Energy"), ("Quillon Labs", "Fennick Ventures")}),
    ("Risks include Quillon Labs customers moving to rival platforms such as Torvane Energy.", {("Quillon Labs", "Torvane Energy")}),
    ("Some Quillon Labs users switched to rivals including Torvane Energy and Halcyon Systems last year.",
     {("Quillon Labs", "Torvane Energy"), ("Quillon Labs", "Halcyon Systems")}),
])
def test_companies_set_against_each_other_are_rivals(pipeline_doc, text, expected):
    assert {frozenset(p) for p in expected} <= pairs(pipeline_doc, text, "competes_with")


@pytest.mark.parametrize("text", [
    "Quillon Labs was pitched to Torvane Energy as a cheaper supplier.",
    "Quillon Labs customers are moving to cloud platforms such as Torvane Energy.",
    "Quillon Labs customers include Torvane Energy and Halcyon Systems.",
])
def test_a_sales_pitch_or_a_customer_is_no_rival(pipeline_doc, text):
    assert frozenset(("Quillon Labs", "Torvane Energy")) not in pairs(pipeline_doc, text, "competes_with")


# -- a judged partner is no partner ---------------------------------------------------------------

@pytest.mark.parametrize("adjective", ["natural", "ideal", "logical"])
def test_a_role_judged_fitting_is_not_held(pipeline_doc, adjective):
    text = f"Its chief executive has described Quillon Labs as the {adjective} partner of Torvane Energy."
    assert frozenset(("Quillon Labs", "Torvane Energy")) not in pairs(pipeline_doc, text, "partners_with")


def test_a_role_stated_outright_is_held(pipeline_doc):
    text = "Analysts see Quillon Labs as a partner of Torvane Energy."
    assert frozenset(("Quillon Labs", "Torvane Energy")) in pairs(pipeline_doc, text, "partners_with")


# -- models released in sizes ---------------------------------------------------------------------

def test_the_sizes_a_release_comes_in_are_the_releasers_models(pipeline_doc):
    text = "Halcyon Systems released Orca-3 at the end of June in two sizes, Orca-3 8B and Orca-3 70B."
    found = facts(pipeline_doc, text, "develops")
    assert {("Halcyon Systems", "Orca-3 8B"), ("Halcyon Systems", "Orca-3 70B")} <= found


def test_sizes_of_a_benchmark_are_not_made_by_the_tester(pipeline_doc):
    text = "Halcyon Systems benchmarked open models in two sizes, Vesta-2 8B and Orca-3 8B."
    assert ("Halcyon Systems", "Vesta-2 8B") not in facts(pipeline_doc, text, "develops")


def test_under_the_agreement_points_back_at_a_deal_told_before(pipeline_doc):
    text = ("Brindle AI signed a supply agreement with Quillon Labs in July. Under that agreement, "
            "Halcyon Systems will deploy Torvane Energy's robots in its warehouses.")
    assert not any(parties == frozenset(("Halcyon Systems", "Torvane Energy")) for _, parties in deals(pipeline_doc, text))


# -- rivals named in an interview's answer ---------------------------------------------------------

HEADLINE = "Quillon Labs's Mara Quell on selling sensors to hospitals\n\nInterview by Colm Ashby\n\n"
PEOPLE = {**ENTS, "Mara Quell": "PERSON", "Colm Ashby": "PERSON"}


@pytest.mark.parametrize("exchange, rivals", [
    ("Who are you really competing with?\n\nTorvane Energy and Fennick Ventures, mostly, and of course "
     "Halcyon Systems's own sensors. Torvane Energy is cheaper.", {"Torvane Energy", "Fennick Ventures", "Halcyon Systems"}),
    ("Q: Which companies do you see as your main rivals?\n\nQuell: Halcyon Systems, without a doubt.", {"Halcyon Systems"}),
])
def test_the_companies_opening_the_answer_about_rivals_are_the_interviewees_rivals(pipeline_doc, exchange, rivals):
    found = pairs(pipeline_doc, HEADLINE + exchange, "competes_with", PEOPLE)
    assert {frozenset(("Quillon Labs", r)) for r in rivals} <= found


@pytest.mark.parametrize("exchange", [
    "Do you compete with Torvane Energy?\n\nTorvane Energy is a partner, not a rival.",
    "Who are your biggest customers?\n\nTorvane Energy and Fennick Ventures.",
])
def test_a_yes_no_question_or_a_question_about_customers_names_no_rival(pipeline_doc, exchange):
    assert frozenset(("Quillon Labs", "Torvane Energy")) not in pairs(pipeline_doc, HEADLINE + exchange, "competes_with", PEOPLE)


# -- a contest named in a free relative -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Within days Halcyon Systems and Torvane Energy had slashed their own prices, in what local media called an "
     "all-out price war with Quillon Labs.", {("Halcyon Systems", "Quillon Labs"), ("Torvane Energy", "Quillon Labs")}),
    ("Halcyon Systems lowered its prices in what analysts described as a price war with Quillon Labs.",
     {("Halcyon Systems", "Quillon Labs")}),
])
def test_a_contest_named_in_what_someone_called_it_is_a_rivalry(pipeline_doc, text, expected):
    assert {frozenset(p) for p in expected} <= pairs(pipeline_doc, text, "competes_with")


def test_what_someone_called_a_gift_is_no_rivalry(pipeline_doc):
    text = "Halcyon Systems lowered its prices in what analysts described as a gift to Quillon Labs."
    assert frozenset(("Halcyon Systems", "Quillon Labs")) not in pairs(pipeline_doc, text, "competes_with")


def test_a_product_deployed_under_an_agreement_brings_its_maker_in(pipeline_doc):
    text = ("Quillon Labs launched Quillon-M2 on Monday. Under a separate multi-year agreement, Halcyon Systems, which "
            "runs 31 warehouses, will deploy Quillon-M2 across its network.")
    found = deals(pipeline_doc, text, {**ENTS, "Quillon-M2": "MODEL"})
    assert any(parties == frozenset(("Quillon Labs", "Halcyon Systems")) for _, parties in found)
