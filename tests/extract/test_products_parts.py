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
