"""First person in quoted speech and interview answers (issue 12): "we"/"our" is the speaker's company,
"I"/"my" the speaker; and two possessive-pronoun fixes found in round 1.

Invented articles in several registers (wire story with quotes, Q&A interview, profile), parsed by the
real model with hand-typed entities (``make_doc``).
"""
from __future__ import annotations

import pytest

from extract.coref import entity_refs, quote_regions
from extract.relations import find_relations

C, P = "COMPANY", "PERSON"
ENTS = {"Ana Ruiz": P, "Ruiz": P, "Tomas Berg": P, "Berg": P, "Maren Holt": P, "Holt": P, "Priya Nair": P,
        "Victor Hale": P, "Corvane": C, "SiFive": C, "Sequoia": C, "Nvidia": C, "Halvine": C, "Groq": C,
        "Cerebras": C, "Microsoft": C, "Lumero": C, "Accel": C, "Bernstein": C, "Pellucid": C, "Intel": C,
        "Qualcomm": C, "Brindle Labs": C, "Kim Lee": P, "Lee": P, "Fennick": C, "Midjourney": C, "Runway": C, "Ideogram": C}


def _refs(make_doc, text):
    doc = make_doc(text, ENTS)
    return doc, entity_refs(doc)


def _ref(make_doc, text, word, nth=0):
    doc, refs = _refs(make_doc, text)
    token = [t for t in doc if t.text == word][nth]
    ent = refs.entity_for(token)
    return ent.text if ent is not None else None


def _facts(make_doc, text):
    doc, refs = _refs(make_doc, text)
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t", refs)}


WIRE = ('"We license our control cores from SiFive," said Ana Ruiz, Corvane\'s chief executive. '
        '"We compete with Nvidia on price," she added.')


@pytest.mark.parametrize("word,nth", [("We", 0), ("our", 0), ("We", 1)])
def test_we_in_a_quote_is_the_speakers_company(make_doc, word, nth):
    assert _ref(make_doc, WIRE, word, nth) == "Corvane"


def test_first_person_relations_of_a_wire_story(make_doc):
    facts = _facts(make_doc, WIRE)
    assert ("Corvane", "competes_with", "Nvidia") in facts
    assert ("Corvane", "licenses_from", "SiFive") in facts  # "from" hung on "cores", not on "license"
    assert not any(s == "Ana Ruiz" and r == "competes_with" for s, r, _ in facts)


def test_an_unattributed_quote_continues_the_previous_speaker(make_doc):
    text = ('Ana Ruiz, chief executive of Corvane, met reporters on Tuesday. "It was a hard year," Ruiz said. '
            '"We compete with Nvidia on price."')
    assert _ref(make_doc, text, "We") == "Corvane"


def test_an_interview_answer_speaks_for_the_interviewees_company(make_doc):
    text = ("Tomas Berg is the chief executive of Halvine, a chip startup in Stockholm.\n\n"
            "Q: Who do you work with?\n"
            "A: We also partner with Microsoft on cloud.")
    assert _ref(make_doc, text, "We") == "Halvine"
    assert ("Halvine", "partners_with", "Microsoft") in _facts(make_doc, text)


def test_an_answer_after_an_unlabelled_question_is_the_interviewees(make_doc):
    text = ("Tomas Berg co-founded Halvine in 2022 and runs it from Stockholm. We asked Berg about chips.\n\n"
            "Who makes your silicon?\n\n"
            "We have a manufacturing partnership with Microsoft for now.")
    assert _ref(make_doc, text, "We", 0) is None  # the interviewer's "we", in narration
    assert _ref(make_doc, text, "We", 1) == "Halvine"


def test_profile_i_is_the_speaker_and_we_the_company_she_founded(make_doc):
    text = ('Maren Holt, who founded Lumero in 2021, spoke to reporters on Tuesday. '
            '"I wanted cheaper inference," Holt said. "We raised money from Accel."')
    assert _ref(make_doc, text, "I") in ("Holt", "Maren Holt")  # the attribution names her by surname
    assert _ref(make_doc, text, "We") == "Lumero"
    assert ("Accel", "invests_in", "Lumero") in _facts(make_doc, text)


def test_an_observers_firm_is_not_the_we_of_what_they_say(make_doc):
    text = '"We compete with Nvidia on price," said Priya Nair, an analyst at Bernstein.'
    assert _ref(make_doc, text, "We") is None
    assert not any(s == "Bernstein" for s, _, _ in _facts(make_doc, text))


def test_a_customers_we_is_the_customers_company(make_doc):
    text = ('Corvane shipped its first chips on Monday. "We buy our accelerators from Corvane now," said Kim Lee, '
            'chief technology officer of Fennick.')
    assert _ref(make_doc, text, "We") == "Fennick"


@pytest.mark.parametrize("text", [
    "We compete with Nvidia on price, and Corvane knows it.",
    '"We compete with Nvidia on price," said Kim Lee, a former Corvane engineer.',  # a former employer  # narration: the writer's "we"
    '"We compete with Nvidia on price," said Ana Ruiz.',  # no company stated for the speaker
])
def test_no_reading_without_a_quote_and_a_known_company(make_doc, text):
    assert _ref(make_doc, text, "We") is None


def test_a_company_speaking_is_its_own_we(make_doc):
    text = '"We compete with Nvidia on price," Corvane said in a statement.'
    assert _ref(make_doc, text, "We") == "Corvane"


def test_quote_regions_end_at_a_paragraph_break(make_doc):
    doc = make_doc('"We grew fast.\n\n"We hired," she said.', ENTS)
    assert [doc[a:b].text for a, b in quote_regions(doc)] == ["We grew fast.", "We hired,"]


def test_its_in_a_second_apposition_is_not_a_name_in_the_first(make_doc):
    text = "Pellucid named Victor Hale, a veteran of Intel and Qualcomm, its new president."
    assert _ref(make_doc, text, "its") == "Pellucid"
    facts = _facts(make_doc, text)
    # a veteran of Intel and Qualcomm works for them; he leads neither
    assert not any(s == "Victor Hale" and r == "leads" and t in ("Intel", "Qualcomm") for s, r, t in facts)


def test_the_owner_of_a_later_subject_is_the_sentences_subject(make_doc):
    text = ("Brindle Labs still competes with Midjourney in images and with Runway in video, "
            "but its most important new rival, Ideogram, is a startup.")
    assert _ref(make_doc, text, "its") == "Brindle Labs"
    assert ("Runway", "competes_with", "Ideogram") not in _facts(make_doc, text)
    assert ("Ideogram", "competes_with", "Runway") not in _facts(make_doc, text)
