"""A company's own voice (coref17): narration's "we"/"our"/"us" in a text a company writes is that company, read
by every rule through ``entity_for``: a letter to its shareholders or partners under its heading, a press release
or customer story with "About X" boilerplate, a transcript in the speaker's words. Not a journalist's "we" (a
byline or a publication in the heading), not inside another person's quote, not in a question. Invented texts."""
from __future__ import annotations

import spacy

from extract.coref import _about_companies, _has_byline, _head_end

C, P = "COMPANY", "PERSON"


def test_a_letter_to_shareholders_speaks_for_the_company_in_its_heading(make_doc, referent):
    text = ("Letter to our shareholders\nTarnwick Systems annual report 2025\n\nDear fellow shareholders,\n\n"
            "In March we acquired Bellcote Analytics for $40 million. Our team grew by a third.")
    doc = make_doc(text, {"Tarnwick Systems": C, "Bellcote Analytics": C})
    assert referent(doc, "we") == "Tarnwick Systems"
    assert referent(doc, "Our") == "Tarnwick Systems"


def test_a_heading_name_cut_before_its_legal_form_is_the_name_the_text_uses(make_doc, referent):
    # the heading's "Tarnwick" stops short of "Tarnwick Systems ASA": the letter is Tarnwick Systems'
    text = ("Letter to our shareholders\nTarnwick Systems ASA annual report 2025\n\nDear fellow shareholders,\n\n"
            "When we listed Tarnwick Systems in 2022, we promised growth. In March we acquired Bellcote Analytics.")
    doc = make_doc(text, {"Bellcote Analytics": C})
    first = [t.i for t in doc if t.text == "Tarnwick"]
    doc.ents = list(doc.ents) + [spacy.tokens.Span(doc, first[0], first[0] + 1, label=C),
                                 spacy.tokens.Span(doc, first[1], first[1] + 2, label=C)]
    assert referent(doc, "we", 2) == "Tarnwick Systems"


def test_a_release_speaks_for_its_issuer_not_the_partner_named_after_it(make_doc, referent):
    text = ("Orlith Robotics and Quenby Freight sign warehouse pact\n\n"
            "BOSTON, May 2, 2025 -- Orlith Robotics today announced a partnership with Quenby Freight.\n\n"
            "Under the agreement we will deploy our arms in twelve warehouses.\n\n"
            "About Orlith Robotics\nOrlith Robotics builds warehouse arms.\n\n"
            "About Quenby Freight\nQuenby Freight runs warehouses.")
    doc = make_doc(text, {"Orlith Robotics": C, "Quenby Freight": C})
    assert referent(doc, "we") == "Orlith Robotics"


def test_a_customer_story_speaks_for_the_vendor_on_its_heading_line(make_doc, referent):
    # the customer is named first in the title and described first; the vendor's page names it on a line of its own
    text = ("How Pellory Bank cut review time with Quillfen\nQuillfen | Customer stories | 2025\n\n"
            "Pellory Bank deployed Quillfen Draft, our review model, which we build on an open model.\n\n"
            "About Pellory Bank\nPellory Bank is a lender.\n\nAbout Quillfen\nQuillfen builds legal models.")
    doc = make_doc(text, {"Pellory Bank": C, "Quillfen": C})
    assert referent(doc, "we") == "Quillfen"


def test_a_journalists_we_is_no_company(make_doc, referent):
    text = ("From the editor: a year of partnerships\nBy Mara Quist, Editor\n\nDear readers,\n\n"
            "This year we covered Tarnwick Systems more than any other firm.")
    doc = make_doc(text, {"Mara Quist": P, "Tarnwick Systems": C})
    assert referent(doc, "we") is None


def test_a_recap_with_a_byline_is_the_paper_s_voice(make_doc, referent):
    text = ("Five things we learned from Orlith Robotics' founder\nBy Ana Ruiz\n\n"
            "Orlith Robotics raised money in May. Here is what we learned.\n\nAbout Orlith Robotics\nIt builds arms.")
    doc = make_doc(text, {"Ana Ruiz": P, "Orlith Robotics": C})
    assert referent(doc, "we", 1) is None


def test_news_narration_has_no_writer_company(make_doc, referent):
    text = "Tarnwick Systems bought Bellcote Analytics on Monday.\n\nWe asked analysts what it means."
    doc = make_doc(text, {"Tarnwick Systems": C, "Bellcote Analytics": C})
    assert referent(doc, "We") is None


def test_another_persons_quote_keeps_its_own_reading(make_doc, referent):
    text = ("Orlith Robotics news\n\nBOSTON -- Orlith Robotics today announced a partnership with Quenby Freight.\n\n"
            '"We have waited for this," said Ana Ruiz, a logistics analyst.\n\nAbout Orlith Robotics\nIt builds arms.')
    doc = make_doc(text, {"Orlith Robotics": C, "Quenby Freight": C, "Ana Ruiz": P})
    assert referent(doc, "We") is None


def test_a_question_makes_no_claim(make_doc, referent):
    text = ("Letter to our partners\nHarlow Capital\n\nDear partners,\n\nShould we sell our Bellcote stake?")
    doc = make_doc(text, {"Harlow Capital": C})
    assert referent(doc, "we") is None


# -- the pure readings of a heading, on a blank pipeline ----------------------------------------------
_NLP = spacy.blank("en")


def test_the_heading_ends_at_the_first_blank_line():
    doc = _NLP("Title line\nSecond line\n\nBody text.")
    assert doc[_head_end(doc)].is_space and doc[_head_end(doc) + 1].text == "Body"
    assert _head_end(_NLP("One paragraph only.")) is None


def test_a_byline_is_a_line_opening_by_and_a_person():
    doc = _NLP("A title\nBy Ana Ruiz\n\nBody.")
    doc.ents = [spacy.tokens.Span(doc, 3, 5, label=P)]
    assert _has_byline(doc, _head_end(doc))
    doc = _NLP("Backed by Ana Ruiz\n\nBody.")
    doc.ents = [spacy.tokens.Span(doc, 2, 4, label=P)]
    assert not _has_byline(doc, _head_end(doc))


def test_about_boilerplate_is_a_line_of_about_and_a_company():
    doc = _NLP("We grew.\n\nAbout Orlith Robotics\nOrlith Robotics builds arms. Read about Quenby Freight here.")
    names = [(i, j) for i, j in ((5, 7), (8, 10), (15, 17))]
    doc.ents = [spacy.tokens.Span(doc, i, j, label=C) for i, j in names]
    assert [e.text for e in _about_companies(doc, tuple(doc.ents))] == ["Orlith Robotics"]



def test_a_description_after_a_name_and_its_comma_is_that_name_again():
    # "joined, alongside Quenby, the logistics group": the parser hung "the logistics group" on the verb as its
    # object; on the surface it is the name's apposition, one mention of Quenby when counting salience
    from spacy.tokens import Doc, Span

    from extract.coref import EntityRefs

    words = ["Arm", "joined", ",", "alongside", "Quenby", ",", "the", "logistics", "group", "."]
    heads = [1, 1, 1, 1, 3, 1, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "punct", "prep", "pobj", "punct", "det", "compound", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT"]
    doc = Doc(_NLP.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 0, 1, label=C), Span(doc, 4, 5, label=C)]
    refs = EntityRefs(doc)
    quenby = doc.ents[1]
    assert refs._names_its_host(8, quenby)
    assert not refs._names_its_host(7, quenby)  # (not the phrase's head)
