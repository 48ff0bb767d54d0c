"""A biography's subject: "he" and "she" fall back on the person the first sentence is about."""
from __future__ import annotations

from extract.coref import entity_refs


def _ref(doc, word, nth=0):
    tokens = [t for t in doc if t.lower_ == word]
    ent = entity_refs(doc).entity_for(tokens[nth])
    return ent.text if ent is not None else None


def test_a_name_inside_a_phrase_before_she_is_not_her(make_doc):
    text = ("Hana Kova is a Czech writer. The daughter of the politician Petr Kova, she was born in Brno. "
            "She later joined Initech in Prague.")
    doc = make_doc(text, {"Hana Kova": "PERSON", "Petr Kova": "PERSON", "Initech": "COMPANY", "Brno": "PLACE"})
    assert _ref(doc, "she") == "Hana Kova"
    assert _ref(doc, "she", 1) == "Hana Kova"


def test_a_later_subject_still_wins(make_doc):
    text = "Hana Kova is a Czech writer. Her brother Petr Kova ran Initech. He sold it in 2001."
    doc = make_doc(text, {"Hana Kova": "PERSON", "Petr Kova": "PERSON", "Initech": "COMPANY"})
    assert _ref(doc, "he") == "Petr Kova"
