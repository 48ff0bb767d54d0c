"""Who owns whom (issue 12): units named after their parent, and names that are the parent's own."""
from __future__ import annotations

import spacy
from spacy.tokens import Span

from extract.gazetteer import Gazetteer, GazetteerEntry
from extract.relations.models import named_part_relations


def _parts(words, ents, entries, fingerprint):
    doc = spacy.blank("en")(words)
    for token in doc:
        token.is_sent_start = token.i == 0
    doc.ents = [Span(doc, s, e, "COMPANY") for s, e in ents]
    known = Gazetteer(tuple(entries), fingerprint=fingerprint)
    doc.user_data["newsgraph_gazetteer"] = known.fingerprint
    return [(c.source.text, c.relation, c.target.text) for c in named_part_relations(doc, None)]


def test_a_unit_named_after_its_parent_is_part_of_it():
    entries = (GazetteerEntry("Vexa", "company", "Vexa"), GazetteerEntry("Vexa Cloud", "company", "Vexa Cloud"))
    got = _parts("Vexa Cloud , the group 's cloud division , grew .", [(0, 2)], entries, "test-parts-unit")
    assert got == [("Vexa Cloud", "part_of", "Vexa")]


def test_a_name_the_gazetteer_lists_among_the_parents_own_names_is_no_unit():
    # a gazetteer that lists "Vexa Holdings" both on its own and as an alias of Vexa
    entries = (GazetteerEntry("Vexa", "company", "Vexa"), GazetteerEntry("Vexa Holdings", "company", "Vexa"),
               GazetteerEntry("Vexa Holdings", "company", "Vexa Holdings"))
    got = _parts("Vexa Holdings , the chip unit 's parent , grew .", [(0, 2)], entries, "test-parts-alias")
    assert got == []


def _relations(make_doc, text, ents):
    from extract.coref import entity_refs
    from extract.relations import find_relations

    doc = make_doc(text, ents)
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t", entity_refs(doc))}


def test_a_negated_main_verb_does_not_deny_the_apposition(make_doc):
    ents = {"Vexa Cloud": "COMPANY", "Initech": "COMPANY"}
    assert ("Vexa Cloud", "part_of", "Initech") in _relations(make_doc, "Vexa Cloud, a unit of Initech, did not comment.", ents)
    assert ("Vexa Cloud", "part_of", "Initech") in _relations(make_doc, "Vexa Cloud, Initech's cloud arm, cut prices.", ents)


def test_a_negated_statement_still_gives_nothing(make_doc):
    ents = {"Vexa Cloud": "COMPANY", "Initech": "COMPANY"}
    assert _relations(make_doc, "Vexa Cloud is not a unit of Initech.", ents) == set()


def test_a_majority_share_is_ownership_and_a_minority_share_an_investment(make_doc):
    ents = {"Torvane Group": "COMPANY", "Quillon": "COMPANY"}
    assert ("Quillon", "part_of", "Torvane Group") in _relations(make_doc, "Torvane Group owns roughly 90% of Quillon.", ents)
    small = _relations(make_doc, "Torvane Group owns 6% of Quillon.", ents)
    assert ("Torvane Group", "invests_in", "Quillon") in small and ("Quillon", "part_of", "Torvane Group") not in small


def test_a_unit_that_will_operate_as_a_subsidiary(make_doc):
    text = "Quillon was founded in Leeds; it will operate as a wholly owned subsidiary of Torvane Group."
    assert ("Quillon", "part_of", "Torvane Group") in _relations(make_doc, text, {"Torvane Group": "COMPANY", "Quillon": "COMPANY"})
