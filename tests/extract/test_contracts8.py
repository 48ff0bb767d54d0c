"""Partnership and contract deals (issue 12, round 8: contracts8). Invented sentences, hand-typed entities."""
from __future__ import annotations

from extract.coref import entity_refs
from extract.relations.fallback_partners import frame_candidates

C = "COMPANY"
ENTS = {"Torvane Cloud": C, "Fennick Systems": C, "Quillon Compute": C, "Marlow": C, "Brindle Labs": C, "Marrow AI": C}


def standalone(pipeline_doc, text):
    """Every partners_with the partnership frames give on their own, as unordered pairs."""
    doc = pipeline_doc(text, ENTS)
    return {frozenset((c.source.text, c.target.text)) for c in frame_candidates(doc, entity_refs(doc), [])
            if c.relation == "partners_with"}


def test_companies_listed_as_one_companys_partners_partner_with_it_not_with_each_other(pipeline_doc):
    text = "By now the big clouds, Torvane Cloud, Fennick Systems and Quillon Compute, are all Marlow partners."
    pairs = standalone(pipeline_doc, text)
    for member in ("Torvane Cloud", "Fennick Systems", "Quillon Compute"):
        assert frozenset(("Marlow", member)) in pairs
    assert frozenset(("Torvane Cloud", "Fennick Systems")) not in pairs
    assert frozenset(("Fennick Systems", "Quillon Compute")) not in pairs


def test_a_company_compound_does_not_make_a_partnership_word_of_a_title(pipeline_doc):
    text = "Brindle Labs hired a Marlow partner to run its cloud business."
    assert standalone(pipeline_doc, text) <= {frozenset(("Brindle Labs", "Marlow"))}


def deals_of(pipeline_doc, text):
    from extract.deals import find_deals
    from extract.records import Article
    doc = pipeline_doc(text, ENTS)
    return {(d.kind, frozenset(p.mention.text for p in d.parties)): d for d in find_deals(doc, Article(id="t", text=text))}


def test_a_deal_to_rent_capacity_from_a_company_has_that_company_as_its_supplier(pipeline_doc):
    deals = deals_of(pipeline_doc, "Brindle Labs signed a $3 billion deal to rent computing capacity from Torvane Cloud.")
    deal = deals.get(("other", frozenset({"Brindle Labs", "Torvane Cloud"})))
    assert deal is not None and deal.amount_usd == 3e9 and deal.confidence >= 0.5


def test_a_deal_to_rent_chips_to_a_company_has_that_company_as_its_customer(pipeline_doc):
    deals = deals_of(pipeline_doc, "Torvane Cloud won a contract to rent GPUs to Brindle Labs.")
    assert ("other", frozenset({"Brindle Labs", "Torvane Cloud"})) in deals


def test_a_contract_already_in_force_is_a_standing_arrangement_not_a_new_deal(pipeline_doc):
    deals = deals_of(pipeline_doc, "Marrow AI's existing contract with Torvane Cloud runs to 2027, the company said.")
    assert deals and all(d.confidence < 0.5 for d in deals.values())


def test_renewing_an_existing_contract_is_still_news(pipeline_doc):
    deals = deals_of(pipeline_doc, "Brindle Labs renewed its existing contract with Torvane Cloud on Tuesday.")
    assert any(d.confidence >= 0.5 for d in deals.values())


def test_a_unit_named_after_its_parent_is_not_the_parents_partner(pipeline_doc):
    text = "Marlow's partners include MWS and Fennick Systems."
    doc = pipeline_doc(text, {"Marlow": C, "MWS": C, "Fennick Systems": C})
    unit = next(e for e in doc.ents if e.text == "MWS")
    unit._.canonical = "Marlow Web Services"  # the acronym resolved to its full name, as name resolution does
    pairs = {frozenset((c.source.text, c.target.text)) for c in frame_candidates(doc, entity_refs(doc), [])}
    assert frozenset(("Marlow", "Fennick Systems")) in pairs
    assert frozenset(("Marlow", "MWS")) not in pairs


def test_companies_sharing_a_first_word_are_still_partners(pipeline_doc):
    text = "General Motors announced a partnership with General Electric on Tuesday."
    doc = pipeline_doc(text, {"General Motors": C, "General Electric": C})
    pairs = {frozenset((c.source.text, c.target.text)) for c in frame_candidates(doc, entity_refs(doc), [])}
    assert frozenset(("General Motors", "General Electric")) in pairs


def test_a_partnership_deal_of_a_unit_and_its_parent_states_no_partners_with():
    from dataclasses import replace

    from extract.deals.find import deal_relations
    from extract.records import Deal, DealParty, Evidence, Mention

    ev = Evidence("a", "Marlow made MWS its main partner, and Fennick Systems too.", 0, 58)
    parent = Mention("a", "Marlow", "company", 0, 6, 0, 58)
    unit = replace(Mention("a", "MWS", "company", 12, 15, 0, 58), canonical="Marlow Web Services")
    other = Mention("a", "Fennick Systems", "company", 39, 54, 0, 58)
    deal = Deal("a", "partnership", tuple(DealParty(m, "partner") for m in (parent, unit, other)), ev, confidence=0.9)
    pairs = {frozenset((r.source.text, r.target.text)) for r in deal_relations([deal]) if r.relation == "partners_with"}
    assert frozenset(("Marlow", "MWS")) not in pairs
    assert frozenset(("Marlow", "Fennick Systems")) in pairs
