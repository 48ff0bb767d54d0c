"""Partnership and contract deals (issue 12, round 8: contracts8). Invented sentences, hand-typed entities."""
from __future__ import annotations

from extract.coref import entity_refs
from extract.relations.fallback_partners import frame_candidates

C = "COMPANY"
ENTS = {"Torvane Cloud": C, "Fennick Systems": C, "Quillon Compute": C, "Marlow": C, "Brindle Labs": C}


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
