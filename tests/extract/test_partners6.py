"""Partnership and licence fallbacks read off a partnership or licence word (issue 12, round 6: partners6),
only for pairs no specific rule related. Invented sentences, hand-typed entities."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations
from extract.deals.contracts import CONTRACT_RULE, RIGHTS_RULE
from extract.relations.fallback_partners import LICENSOR_RULE, PARTNERS_RULE, _trusted, frame_candidates

C, M, P = "COMPANY", "MODEL", "PERSON"
ENTS = {"Brindle Games": C, "Torvane Networks": C, "Oskar Technologies": C, "Pellam Systems": C,
        "Quenby Labs": C, "Hallow Semiconductor": C, "Fennick Motors": C, "Arlo Energy": C, "Kestrel Labs": C,
        "Sandling Therapeutics": C, "Vexa Pharma": C, "Torvane Capital": C, "Marcus Hale": P,
        "Orsk Semiconductor": C, "Vantrell Mobile": C, "Halvard Insurance": C, "Marrow AI": C, "Kelpie-3": M,
        "Brisco Labs": C, "Sonnet Systems": C, "Quorane Systems": C, "Ellwood Audio": C, "Osprey Health": C,
        "Marlow Clinics": C, "Tessaly Labs": C, "Corvane Systems": C, "Tern": "PRODUCT", "Kite": "PRODUCT",
        "Lark": "PRODUCT"}


def admitted(pipeline_doc, text):
    doc = pipeline_doc(text, ENTS)
    return {(r.source.text, r.relation, r.target.text): r.rule for r in find_relations(doc, "t", entity_refs(doc))}


def standalone(pipeline_doc, text):
    """Every edge the frames give on their own (no other rule's edges to defer to)."""
    doc = pipeline_doc(text, ENTS)
    return {(c.source.text, c.relation, c.target.text) for c in frame_candidates(doc, entity_refs(doc), [])}


def test_the_companies_a_naming_clause_lists_beside_partners_partner_with_the_reporting_company(pipeline_doc):
    text = ("Brindle Games says its console is sold through a dozen partners, naming Torvane Networks, "
            "Oskar Technologies and Pellam Systems among them.")
    facts = admitted(pipeline_doc, text)
    for partner in ("Torvane Networks", "Oskar Technologies", "Pellam Systems"):
        assert facts.get(("Brindle Games", "partners_with", partner)) == PARTNERS_RULE


@pytest.mark.parametrize("text, pair", [
    ("Quenby Labs signed a memorandum of understanding with Hallow Semiconductor last spring.",
     ("Quenby Labs", "Hallow Semiconductor")),
    ("Fennick Motors is working with Arlo Energy on a solid-state cell, the carmaker said.", ("Fennick Motors", "Arlo Energy")),
    ("Kestrel Labs' partners include Sandling Therapeutics and Vexa Pharma.", ("Kestrel Labs", "Vexa Pharma")),
    ("Fennick Motors joined forces with Arlo Energy last year to build a battery plant.", ("Fennick Motors", "Arlo Energy")),
    ("Fennick Motors teamed with Arlo Energy on the new cell.", ("Fennick Motors", "Arlo Energy")),
    ("Orsk Semiconductor, Vantrell Mobile's main chip partner, said sales rose.", ("Vantrell Mobile", "Orsk Semiconductor")),
    ("Vantrell Mobile's manufacturing partner Orsk Semiconductor reported record sales.", ("Vantrell Mobile", "Orsk Semiconductor")),
    ("Vantrell Mobile expanded its partnership with Orsk Semiconductor last year.", ("Vantrell Mobile", "Orsk Semiconductor")),
    ("Vantrell Mobile's partners, including Osprey Health and Tessaly Labs, will ship the chip.", ("Vantrell Mobile", "Tessaly Labs")),
])
def test_a_partnership_word_relates_its_owner_and_the_companies_in_its_phrase(pipeline_doc, text, pair):
    assert (pair[0], "partners_with", pair[1]) in standalone(pipeline_doc, text)


def test_the_companies_between_which_a_partnership_is_are_the_partners_not_the_speaker(pipeline_doc):
    text = "Quenby Labs praised the alliance between Sandling Therapeutics and Vexa Pharma."
    assert not any("Quenby Labs" in (s, t) for s, _, t in standalone(pipeline_doc, text))
    facts = admitted(pipeline_doc, text)
    assert ("Sandling Therapeutics", "partners_with", "Vexa Pharma") in facts
    assert not any("Quenby Labs" in (s, t) and rel == "partners_with" for s, rel, t in facts)


@pytest.mark.parametrize("text, wrong", [
    ("Marcus Hale, a managing partner at Torvane Capital, joined the board of Quenby Labs.",
     ("Quenby Labs", "partners_with", "Torvane Capital")),
    ("Osprey Health sells its scanners to Marlow Clinics, one of its largest customers.",
     ("Marlow Clinics", "licenses_from", "Osprey Health")),
    ("Fennick Motors is still working on its own battery, unlike Arlo Energy.", ("Fennick Motors", "partners_with", "Arlo Energy")),
    ("Corvane Systems did not partner with Hallow Semiconductor on the chip.", ("Corvane Systems", "partners_with", "Hallow Semiconductor")),
    ("Marcus Hale joined Torvane Capital with two colleagues from Quenby Labs.", ("Torvane Capital", "partners_with", "Quenby Labs")),
    ("Marcus Hale, Orsk Semiconductor's managing partner, joined Vantrell Mobile.", ("Orsk Semiconductor", "partners_with", "Vantrell Mobile")),
    ("Tessaly Labs beat Orsk Semiconductor, which lost its partnership with Vantrell Mobile.",
     ("Tessaly Labs", "partners_with", "Vantrell Mobile")),
])
def test_titles_customers_other_work_and_negations_are_no_partners_or_licensees(pipeline_doc, text, wrong):
    assert wrong not in admitted(pipeline_doc, text)


def test_a_company_read_through_coreference_is_trusted_only_when_it_is_the_topic(pipeline_doc):
    # "The chipmaker signed a memorandum with B": coreference may give the rival named just before; a fallback
    # builds only on a description that stands for the article's topic company
    doc = pipeline_doc("Orsk Semiconductor beat Vantrell Mobile.", ENTS)
    topic, other = doc.ents[0], doc.ents[1]
    assert _trusted(topic, True, topic) and _trusted(other, False, topic)
    assert not _trusted(other, True, topic) and not _trusted(other, True, None)


@pytest.mark.parametrize("text, fact", [
    ("Orsk Semiconductor makes chip designs. It is suing Vantrell Mobile, one of its biggest licensees, in Delaware.",
     ("Vantrell Mobile", "licenses_from", "Orsk Semiconductor")),
    ("The translation tool that Brisco Labs licenses from Sonnet Systems runs on its phones.",
     ("Brisco Labs", "licenses_from", "Sonnet Systems")),
    ("Quorane Systems pays royalties to Ellwood Audio for every headset it sells.",
     ("Quorane Systems", "licenses_from", "Ellwood Audio")),
    ("Vantrell Mobile remains one of Orsk Semiconductor's largest royalty payers.",
     ("Vantrell Mobile", "licenses_from", "Orsk Semiconductor")),
    ("He pointed to Vantrell Mobile's Tern and Quorane Systems' Kite, both of which license Orsk Semiconductor's "
     "architecture.", ("Quorane Systems", "licenses_from", "Orsk Semiconductor")),
])
def test_a_licence_word_names_the_licensee_and_the_licensor(pipeline_doc, text, fact):
    assert fact in standalone(pipeline_doc, text)


def test_the_licensor_of_a_licensed_model_is_its_developer(pipeline_doc):
    text = ("Marrow AI released Kelpie-3 in May. Halvard Insurance has signed a multi-year agreement to license "
            "Kelpie-3 for its claims work.")
    assert admitted(pipeline_doc, text).get(("Halvard Insurance", "licenses_from", "Marrow AI")) == LICENSOR_RULE


def test_a_pair_another_rule_related_in_the_sentence_is_left_to_it(pipeline_doc):
    facts = admitted(pipeline_doc, "Fennick Motors partnered with Arlo Energy on batteries.")
    rules = [rule for (s, rel, t), rule in facts.items() if rel == "partners_with" and {s, t} == {"Fennick Motors", "Arlo Energy"}]
    assert rules and not any(PARTNERS_RULE in rule for rule in rules)


# -- deals: the other party of a contract, deals after a second "with", rights handed over (extract/deals/contracts.py)

DEAL_ENTS = {"Torvane Cloud": C, "Quillon": C, "Harrowgate Games": C, "Quillon Media": C, "Fennick Motors": C}


def deals_of(pipeline_doc, text):
    from extract.deals import find_deals
    from extract.records import Article

    doc = pipeline_doc(text, DEAL_ENTS)
    return {(d.kind, frozenset(p.mention.text for p in d.parties)): d for d in find_deals(doc, Article(id="t", text=text))}


def test_the_customer_a_contracts_supply_infinitive_names_is_its_other_party(pipeline_doc):
    text = "Torvane Cloud signed a five-year contract worth $2 billion to supply computing capacity to Quillon."
    deal = deals_of(pipeline_doc, text).get(("other", frozenset({"Torvane Cloud", "Quillon"})))
    assert deal is not None and deal.amount_usd == 2_000_000_000 and deal.rule.startswith(CONTRACT_RULE)


def test_the_supplier_after_from_in_a_buying_infinitive_is_the_other_party(pipeline_doc):
    text = "Quillon signed a $300 million agreement to buy computing capacity from Torvane Cloud."
    assert any(parties == {"Quillon", "Torvane Cloud"} for _, parties in deals_of(pipeline_doc, text))


def test_a_contract_for_its_own_use_gets_no_other_party(pipeline_doc):
    text = "Torvane Cloud signed a contract to supply computing capacity for its own data centres in Ohio."
    assert not any(len(parties) > 1 for _, parties in deals_of(pipeline_doc, text))


def test_plural_deals_with_a_and_with_b_are_a_deal_with_each(pipeline_doc):
    text = "Harrowgate Games earlier struck similar ten-year deals with Quillon and with Torvane Cloud."
    parties = {p for _, p in deals_of(pipeline_doc, text)}
    assert {frozenset({"Harrowgate Games", "Quillon"}), frozenset({"Harrowgate Games", "Torvane Cloud"})} <= parties
    assert frozenset({"Harrowgate Games", "Quillon", "Torvane Cloud"}) not in parties


@pytest.mark.parametrize("text", [
    "Under the new terms, Harrowgate Games hands the cloud-streaming rights for its console games to Quillon Media for ten years.",
    "Harrowgate Games closed the deal only after agreeing to sell the streaming rights to its games to Quillon Media.",
])
def test_rights_handed_to_a_company_are_a_licence_from_the_giver(pipeline_doc, text):
    deal = deals_of(pipeline_doc, text).get(("licensing", frozenset({"Harrowgate Games", "Quillon Media"})))
    assert deal is not None and deal.rule.startswith(RIGHTS_RULE)
    roles = {p.mention.text: p.role for p in deal.parties}
    assert roles == {"Harrowgate Games": "licensor", "Quillon Media": "licensee"}


def test_rights_kept_are_no_licence(pipeline_doc):
    text = "Harrowgate Games kept the rights to its console games, Quillon Media said."
    assert not any(kind == "licensing" for kind, _ in deals_of(pipeline_doc, text))
