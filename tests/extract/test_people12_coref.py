"""Whose "its" is after a funding sentence that ends "with X participating" (people12): the subject of an
absolute clause after "with" is background to the sentence's main subject, like an adverbial clause's.
Invented texts, entities typed by hand."""
from __future__ import annotations


C, P = "COMPANY", "PERSON"


def test_its_after_with_participating_is_the_raiser(make_doc, referent):
    # before: "Its" took Dunmore Capital, the subject of "participating"
    text = ("Marrow Vision said it had raised $20 million led by Quillon Ventures, with Dunmore Capital "
            "participating. Its chief executive, Ada Renn, spoke on Monday.")
    ents = {"Marrow Vision": C, "Quillon Ventures": C, "Dunmore Capital": C, "Ada Renn": P}
    assert referent(make_doc(text, ents), "Its") == "Marrow Vision"


def test_its_after_a_plain_main_clause_is_unchanged(make_doc, referent):
    text = "Marrow Vision raised $20 million from Quillon Ventures. Its chief executive, Ada Renn, spoke on Monday."
    ents = {"Marrow Vision": C, "Quillon Ventures": C, "Ada Renn": P}
    assert referent(make_doc(text, ents), "Its") == "Marrow Vision"


def test_its_after_a_relative_clause_subject_is_the_main_clause_name(make_doc, referent):
    # before: "Its" took Harlow Board, whose "they" is the subject of a relative clause in the sentence before
    text = ("Dunmore Capital said the rules would help. Harlow Board officials said firms would comply. "
            "Small developers face the same duties for any model they sell, among them Marrow Vision, "
            "the Lisbon company that pivoted last year. Its chief executive, Ada Renn, disagrees.")
    ents = {"Dunmore Capital": C, "Harlow Board": C, "Marrow Vision": C, "Ada Renn": P}
    assert referent(make_doc(text, ents), "Its") == "Marrow Vision"


def test_a_bylines_writer_is_not_the_interviewee(make_doc, referent):
    # before: the writer and the interviewee were each named once, and the first named (the writer) answered
    text = ("Marrow's founder on speech models\n\nBy Tom Kell | Tech Weekly | May 2, 2024\n\n"
            "Marrow Vision raised $20 million. Its chief executive, Ada Renn, spoke to us.\n\n"
            "Why start a company?\n\nI wanted to build speech models.")
    ents = {"Marrow Vision": C, "Tom Kell": P, "Ada Renn": P}
    assert referent(make_doc(text, ents), "I") == "Ada Renn"
