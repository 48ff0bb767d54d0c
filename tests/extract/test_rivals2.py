"""Rivalry, partnership and valuation as news states them (issue 12, round 2), over hand-typed entities
(``make_doc``, so unknown start-up names need no typing of their own). Invented sentences."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations

C = "COMPANY"
ENTS = {"Quillon": C, "Torvane Capital": C, "Torvane Energy": C, "Fennick Ventures": C, "Brightwater": C}


def pairs(make_doc, text, relation, ents=ENTS):
    doc = make_doc(text, ents)
    return {frozenset((r.source.text, r.target.text)) for r in find_relations(doc, "t", entity_refs(doc))
            if r.relation == relation}


# -- a valuation is no round's amount ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The financing, which values Quillon at $4 billion, was led by Torvane Capital.",
    "Torvane Capital led an investment in Quillon. The round values Quillon at $4 billion.",
    "Torvane Capital led an investment in Quillon that values the company at $4 billion.",
])
def test_what_a_round_values_its_company_at_is_not_the_rounds_amount(kept_deals, text):
    [deal] = [d for d in kept_deals(text, ENTS) if d.kind == "investment"]
    assert {(p.mention.text, p.role) for p in deal.parties} >= {("Quillon", "investee"), ("Torvane Capital", "investor")}
    assert deal.amount_usd is None


@pytest.mark.parametrize("text, amount", [
    # the round's size beside the valuation still counts
    ("Quillon raised $50 million in a Series B. The financing, which values Quillon at $4 billion, was led by "
     "Torvane Capital.", 50e6),
    ("Torvane Capital led a $50 million investment in Quillon that values the company at $4 billion.", 50e6),
    # a round "valued at" a sum (no company valued) is that sum
    ("Torvane Capital led a funding round in Quillon valued at $50 million.", 50e6),
])
def test_the_rounds_own_amount_beside_a_valuation(kept_deals, text, amount):
    amounts = {d.amount_usd for d in kept_deals(text, ENTS) if d.kind == "investment"}
    assert amounts == {amount}


@pytest.mark.parametrize("text", [
    # the parser hangs "from B" on the valuation, not on "raised"
    "Quillon raised $50 million at a $12 billion valuation from Torvane Capital.",
    "Quillon raised $50 million at a valuation of $12 billion from Torvane Capital and Fennick Ventures.",
])
def test_investors_named_after_a_valuation(kept_deals, text):
    [deal] = [d for d in kept_deals(text, ENTS) if d.kind == "investment"]
    assert {("Quillon", "investee"), ("Torvane Capital", "investor")} <= {(p.mention.text, p.role) for p in deal.parties}
    assert deal.amount_usd == 50e6


# -- rivals as news states them ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Quillon is challenging Torvane Energy's dominance in networking chips.",
    "Quillon wants to break Torvane Energy's grip on the truck market.",
    "Quillon's new chip is meant to challenge Torvane Energy's dominance in AI accelerators.",
    "Quillon remains a distant second to Torvane Energy, with Fennick Ventures third.",
    "Quillon ranks a distant third behind Torvane Energy in cloud storage.",
])
def test_a_challenger_and_the_leader_it_challenges(make_doc, text):
    assert frozenset(("Quillon", "Torvane Energy")) in pairs(make_doc, text, "competes_with")


@pytest.mark.parametrize("text", [
    "Regulators challenged Torvane Energy's dominance of the market, Quillon said.",
    "Quillon is second to none in cloud storage, Torvane Energy said.",
    "Quillon's lawyers challenged Torvane Energy's claim in court.",
])
def test_no_rivalry_without_a_challenger_or_a_ranking(make_doc, text):
    assert frozenset(("Quillon", "Torvane Energy")) not in pairs(make_doc, text, "competes_with")


# -- partnerships as news states them ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Under the agreement, Quillon will make its models available on Torvane Energy's cloud.",
    "Quillon said it would make its chatbot available through Torvane Energy's cloud platform.",
    "Quillon's models will be available on Torvane Energy's cloud platform from March.",
])
def test_a_model_made_available_on_a_companys_cloud(make_doc, text):
    assert frozenset(("Quillon", "Torvane Energy")) in pairs(make_doc, text, "partners_with")


def test_a_document_made_available_is_no_partnership(make_doc):
    text = "Quillon will make its annual report available on Torvane Energy's platform."
    assert pairs(make_doc, text, "partners_with") == set()


MODELS = {"Vesper-8B": "MODEL", "Orca-27B": "MODEL", "Lumen-3": "MODEL", "Quillon": C}


def test_a_named_model_compared_favourably_with_others(make_doc):
    text = "Vesper-8B is more accurate than Orca-27B and Lumen-3 on coding benchmarks."
    assert {frozenset(("Vesper-8B", "Orca-27B")), frozenset(("Vesper-8B", "Lumen-3"))} <= pairs(
        make_doc, text, "competes_with", MODELS)


@pytest.mark.parametrize("text", [
    "It is more accurate than Orca-27B on coding benchmarks, Quillon said of Vesper-8B.",  # a pronoun subject
    "Vesper-8B is better than Quillon expected.",  # a company's expectation, no rival
])
def test_no_comparison_of_rivals(make_doc, text):
    assert not {p for p in pairs(make_doc, text, "competes_with", MODELS) if "Vesper-8B" in p}
