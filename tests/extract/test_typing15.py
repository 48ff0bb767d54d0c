"""typing15 readings, on hand-built documents: a place-named company short form, a business relative clause,
and a list item that opens with a name and a sum of money."""
import spacy
from spacy.tokens import Doc

from extract.name_cues import acts_as_company

VOCAB = spacy.blank("en").vocab


def test_place_short_form_used_as_company():
    words = "Orvale Bay 's shares fell , but Orvale Bay is a quiet town .".split()
    heads = [1, 3, 1, 4, 4, 4, 4, 8, 9, 4, 12, 12, 9, 9]
    deps = ["compound", "poss", "case", "nsubj", "ROOT", "punct", "cc", "compound", "nsubj", "conj", "det", "amod",
            "attr", "punct"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    assert acts_as_company(doc[0:2])
    assert not acts_as_company(doc[7:9])

