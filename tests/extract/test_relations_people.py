"""Person relations of extract/relations.py: founders in participles and object-gap clauses, titles
before a name and press-release titles, bare titles, tenures, and runs of a company's part."""
from __future__ import annotations

import pytest
import spacy

from extract.relations import find_relations

ENTS = {
    "Zorblax": "COMPANY", "Nimbus": "COMPANY", "Quillstone": "COMPANY", "Halvard Partners": "COMPANY",
    "Brindle Labs": "COMPANY", "Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Tobin Reyd": "PERSON",
    "Quell": "PERSON", "Ines Vark": "PERSON", "Dyer": "PERSON",
}


def _triples(make_doc, text, ents=None):
    ents = ents or {k: v for k, v in ENTS.items() if k in text}
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}


# -- founders ----------------------------------------------------------------------------------------
def test_founders_in_the_apposition_of_a_described_agent(make_doc):
    got = _triples(make_doc, "Zorblax raised money. The startup, founded by ex-Nimbus engineers Mara Quell and "
                             "Tobin Reyd in 2022, has raised money.")
    assert {("Mara Quell", "founded", "Zorblax"), ("Tobin Reyd", "founded", "Zorblax"),
            ("Mara Quell", "works_for", "Nimbus"), ("Tobin Reyd", "works_for", "Nimbus")} <= got


def test_fronted_founding_participle_before_a_passive_clause(make_doc):
    got = _triples(make_doc, "Zorblax builds systems. Founded in 2021 by Orrin Dyer and Mara Quell, a former research "
                             "scientist at Nimbus, the company is headquartered in Austin.")
    assert {("Orrin Dyer", "founded", "Zorblax"), ("Mara Quell", "founded", "Zorblax"),
            ("Mara Quell", "works_for", "Nimbus")} <= got
    assert ("Mara Quell", "founded", "Nimbus") not in got  # the company named inside the phrase is not the one described


def test_firm_run_by_a_person(make_doc):
    got = _triples(make_doc, "Quillstone led the round, with participation from Halvard Partners, the firm run by "
                             "Ines Vark, a former Nimbus partner.")
    assert {("Ines Vark", "leads", "Halvard Partners"), ("Ines Vark", "works_for", "Nimbus")} <= got


def test_object_gap_relative_clause_without_a_pronoun(make_doc):
    got = _triples(make_doc, "Zorblax, the startup Mara Quell founded in 2023 after senior roles at Nimbus, made its "
                             "name with a small model.")
    assert ("Mara Quell", "founded", "Zorblax") in got
    assert ("Mara Quell", "founded", "Nimbus") not in got


# -- titles ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, relation", [
    ("Zorblax Chief Executive Orrin Dyer has told shareholders he wants the group to lead.", "leads"),
    ("US rules bar Nimbus from selling chips, and Zorblax chief executive Orrin Dyer has said that rivals are usable.", "leads"),
    ("Orrin Dyer, a former Zorblax researcher, reran the tests.", "works_for"),
])
def test_company_before_a_title(make_doc, text, relation):
    assert ("Orrin Dyer", relation, "Zorblax") in _triples(make_doc, text)


def test_capitalised_bare_title_before_a_name_takes_the_passage_company(make_doc):
    text = ("Zorblax beat forecasts. Zorblax sold more chips, and Nimbus bought some. "
            "On a call with analysts, Chief Executive Orrin Dyer said demand was strong.")
    assert ("Orrin Dyer", "leads", "Zorblax") in _triples(make_doc, text)


def test_bare_title_after_an_owner_word_is_not_the_passage_companys(make_doc):
    text = ("Zorblax beat forecasts. Zorblax sold more chips. The contest between Zorblax and Nimbus, "
            "whose chief executive Orrin Dyer has argued otherwise, goes on.")
    assert ("Orrin Dyer", "leads", "Zorblax") not in _triples(make_doc, text)


@pytest.mark.parametrize("text, expected", [
    ('"We can help," said Orrin Dyer, co-founder and chief executive officer, Zorblax. "Together we win."',
     {("Orrin Dyer", "founded", "Zorblax"), ("Orrin Dyer", "leads", "Zorblax")}),
    ('"Customers want it," said Orrin Dyer, vice president, AI solutions, Zorblax. "It is close."',
     {("Orrin Dyer", "works_for", "Zorblax")}),
])
def test_press_release_title_with_the_company_after_it(make_doc, text, expected):
    assert expected <= _triples(make_doc, text)


def test_bare_title_takes_the_company_the_holder_founded(make_doc):
    text = ("Zorblax raised money. The startup, founded by ex-Nimbus engineers Mara Quell and Tobin Reyd in 2022, has "
            "raised money. Brindle Labs and Quillstone released a model. \"We read it,\" Quell, who is CEO, said.")
    got = _triples(make_doc, text)
    assert ("Quell", "leads", "Zorblax") in got
    assert not {("Quell", "leads", "Brindle Labs"), ("Quell", "leads", "Quillstone")} & got


def test_board_names_a_second_title(make_doc):
    got = _triples(make_doc, "Zorblax cut jobs. The board named Orrin Dyer, the company's chief financial officer, "
                             "interim chief executive while it searches for a permanent successor.")
    assert ("Orrin Dyer", "leads", "Zorblax") in got


# -- tenures and parts ---------------------------------------------------------------------------------
def test_time_spent_at_a_company_before_founding_another(make_doc):
    got = _triples(make_doc, '"We looked hard," said Dyer, Zorblax\'s chief executive, who spent six years at '
                             'Nimbus before starting the company.')
    assert ("Dyer", "works_for", "Nimbus") in got
    assert ("Dyer", "founded", "Nimbus") not in got


def test_serving_on_a_companys_team(make_doc):
    got = _triples(make_doc, "Earlier, Dyer served on the core management team of Zorblax, the largest hedge fund.")
    assert ("Dyer", "works_for", "Zorblax") in got


def test_running_a_companys_division(make_doc):
    got = _triples(make_doc, "Zorblax bought Nimbus. Nimbus's founder, Mara Quell, now runs Zorblax's software division.")
    assert ("Mara Quell", "works_for", "Zorblax") in got
    assert ("Mara Quell", "leads", "Zorblax") not in got


def test_people_who_formed_a_company_founded_it(make_doc):
    got = _triples(make_doc, "In 1954 Orrin Dyer and Mara Quell formed Zorblax in Miami.")
    assert {("Orrin Dyer", "founded", "Zorblax"), ("Mara Quell", "founded", "Zorblax")} <= got
    # companies that form a venture found nothing (founded takes a person)
    assert not any(r == "founded" for _, r, _ in _triples(make_doc, "Zorblax and Nimbus formed Quillstone."))



# -- a name inside a fronted phrase is not the pronoun's antecedent ------------------------------------
def test_pronoun_after_a_fronted_kinship_phrase_is_the_texts_person():
    """ "The daughter of diplomat Karim Salah, she was born ...": the parser hangs the name on "daughter"
    as its apposition (the parse is given here as the model makes it); the name is the diplomat's, so
    "she" is the person the text is about, not Karim Salah."""
    from spacy.tokens import Doc, Span

    from extract.coref import EntityRefs

    words = ["Leila", "Haddad", "is", "a", "writer", ".", "The", "daughter", "of", "diplomat", "Karim", "Salah", ",",
             "she", "was", "born", "in", "Rabat", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 15, 7, 8, 11, 7, 15, 15, 15, 15, 15, 16, 15]
    deps = ["compound", "nsubj", "ROOT", "det", "attr", "punct", "det", "nsubjpass", "prep", "pobj", "compound", "appos",
            "punct", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "AUX", "DET", "NOUN", "PUNCT", "DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "PUNCT",
           "PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]
    tags = ["NNP", "NNP", "VBZ", "DT", "NN", ".", "DT", "NN", "IN", "NN", "NNP", "NNP", ",", "PRP", "VBD", "VBN", "IN",
            "NNP", "."]
    lemmas = ["Leila", "Haddad", "be", "a", "writer", ".", "the", "daughter", "of", "diplomat", "Karim", "Salah", ",",
              "she", "be", "bear", "in", "Rabat", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[True] + [False] * 5 + [True] + [False] * 12)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 10, 12, "PERSON"), Span(doc, 17, 18, "PLACE")]
    assert EntityRefs(doc).entity_for(doc[13]).text == "Leila Haddad"


def test_active_verb_coordinated_with_a_passive_one_shares_its_subject(make_doc):
    # "was born ..., and went on to teach at X": the teacher is the passive verb's subject, not its (absent) agent
    got = _triples(make_doc, "Mara Quell was born in Oslo in 1950, studied law and went on to teach at Zorblax.")
    assert ("Mara Quell", "works_for", "Zorblax") in got


def test_a_person_who_names_or_hires_is_no_employee(make_doc):
    # the employer names and hires: "Dyer named the company after himself" says nothing of working there
    got = _triples(make_doc, "Zorblax was founded by Orrin Dyer, who named the company after himself.")
    assert ("Orrin Dyer", "founded", "Zorblax") in got
    assert ("Orrin Dyer", "works_for", "Zorblax") not in got
    assert ("Mara Quell", "works_for", "Zorblax") in _triples(make_doc, "Zorblax hired Mara Quell in 2019.")


def test_the_head_of_a_unit_works_for_the_body_above_it(make_doc):
    ents = {"Mara Quell": "PERSON", "College of Arts": "ORGANIZATION", "Carrow University": "ORGANIZATION",
            "Zorblax": "COMPANY"}
    # one "of" phrase after another: the unit is led, the university above it employs
    got = _triples(make_doc, "Mara Quell served as Dean of the College of Arts of Carrow University for six years.", ents)
    assert ("Mara Quell", "leads", "College of Arts") in got
    assert ("Mara Quell", "works_for", "Carrow University") in got
    assert ("Mara Quell", "leads", "Carrow University") not in got
    # an unnamed unit "at" a company: the company employs
    got = _triples(make_doc, "In 2006 Mara Quell was named head of the department of infections at Zorblax.", ents)
    assert ("Mara Quell", "works_for", "Zorblax") in got and ("Mara Quell", "leads", "Zorblax") not in got


def test_a_description_with_an_unknown_name_is_no_earlier_entity(make_doc):
    # "the VEXA party" names a party the typer missed; it is not the National Assembly named before
    ents = {"National Assembly": "ORGANIZATION", "Orrin Dyer": "PERSON"}
    got = _triples(make_doc, "In 2013, she was elected to the National Assembly representing the VEXA party, founded "
                             "by the former president Orrin Dyer.", ents)
    assert ("Orrin Dyer", "founded", "National Assembly") not in got


def test_a_title_in_apposition_to_the_attribute_is_the_subjects(make_doc):
    ents = {"Mara Quell": "PERSON", "Carrow University": "ORGANIZATION"}
    got = _triples(make_doc, "Mara Quell (1893 – 1956) was an American sociologist and college administrator, the first "
                             "president of Carrow University, and a lifelong advocate for equality.", ents)
    assert ("Mara Quell", "leads", "Carrow University") in got


def test_joining_the_staff_of_an_organisation_is_working_for_it(make_doc):
    ents = {"Orrin Dyer": "PERSON", "Carrow University": "ORGANIZATION"}
    got = _triples(make_doc, "Orrin Dyer earned his doctorate in 1962, after which he joined the faculty of Carrow "
                             "University.", ents)
    assert ("Orrin Dyer", "works_for", "Carrow University") in got


def test_a_title_left_unlabelled_on_the_copula_and_its_first_compound_name(make_doc):
    # the parser leaves "analyst" as a bare dependent of "was"; of the two names before it, the first employs
    ents = {"Mara Quell": "PERSON", "Zorblax": "COMPANY", "Nimbus": "COMPANY"}
    got = _triples(make_doc, "Mara Quell is an American journalist. Based in New York, Quell was a long time Zorblax "
                             "Nimbus Analyst, Vaticanologist, and religious journalist.", {**ents, "Quell": "PERSON"})
    assert ("Quell", "works_for", "Zorblax") in got
    assert ("Quell", "works_for", "Nimbus") not in got


def test_an_office_named_in_a_prepositional_phrase_is_a_new_person(make_doc):
    # "by the supreme leader of X": the office names someone new, not the writer the sentence is about
    ents = {"Orrin Dyer": "PERSON", "Dyer": "PERSON", "Vexa Republic": "ORGANIZATION"}
    got = _triples(make_doc, "Orrin Dyer is a writer. Dyer's recent film became famous after it was seen as an act of "
                             "war by the supreme leader of the Vexa Republic.", ents)
    assert not {t for t in got if t[2] == "Vexa Republic"}


def test_appointed_or_joined_as_a_title(make_doc):
    ents = {"Mara Quell": "PERSON", "Orrin Dyer": "PERSON", "Zorblax": "COMPANY"}
    got = _triples(make_doc, "Zorblax appointed Mara Quell as chief executive in 2019.", ents)
    assert ("Mara Quell", "leads", "Zorblax") in got
    got = _triples(make_doc, "Mara Quell joined Zorblax as chief executive in 2019.", ents)
    assert ("Mara Quell", "leads", "Zorblax") in got
    # the organisation that chooses someone "to replace Y as president" is the one led
    got = _triples(make_doc, "In 2008 Zorblax chose Mara Quell to replace Orrin Dyer as president.", ents)
    assert ("Mara Quell", "leads", "Zorblax") in got


# -- teachers: the person one studied or worked under works where the clause says ---------------------
def test_a_teacher_works_at_the_institution_of_the_clause(make_doc):
    ents = {"Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Tobin Reyd": "PERSON", "Carrow University": "ORGANIZATION"}
    got = _triples(make_doc, "Orrin Dyer earned his doctorate from Carrow University in 1962, under the supervision "
                             "of Mara Quell and Tobin Reyd.", ents)
    assert {("Mara Quell", "works_for", "Carrow University"), ("Tobin Reyd", "works_for", "Carrow University")} <= got
    # the student is no employee for having studied there
    assert ("Orrin Dyer", "works_for", "Carrow University") not in got
    got = _triples(make_doc, "Orrin Dyer studied at Carrow University, where he studied with Mara Quell.", ents)
    assert ("Mara Quell", "works_for", "Carrow University") in got


def test_no_teacher_without_a_study_verb_a_person_or_an_affirmed_clause(make_doc):
    ents = {"Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Zorblax": "COMPANY", "Nimbus": "COMPANY",
            "Carrow University": "ORGANIZATION"}
    # "with" names a teacher only after a study verb
    got = _triples(make_doc, "Orrin Dyer negotiated with Mara Quell at Zorblax for a week.", ents)
    assert ("Mara Quell", "works_for", "Zorblax") not in got
    # "from" is a workplace only for a degree: whoever moves from Nimbus under Quell leaves Nimbus
    got = _triples(make_doc, "Orrin Dyer moved from Nimbus to Zorblax under Mara Quell in 2019.", ents)
    assert ("Mara Quell", "works_for", "Nimbus") not in got
    # an organisation one works under is no teacher
    got = _triples(make_doc, "Orrin Dyer studied at Carrow University under Nimbus's sponsorship.", ents)
    assert not {t for t in got if t[0] == "Nimbus"}
    got = _triples(make_doc, "Orrin Dyer never studied under Mara Quell at Carrow University.", ents)
    assert ("Mara Quell", "works_for", "Carrow University") not in got


def test_a_leading_title_with_a_is_one_holder_among_several(make_doc):
    ents = {"Orrin Dyer": "PERSON", "Vexa Army": "ORGANIZATION", "Zorblax": "COMPANY"}
    got = _triples(make_doc, "Early in the war, Orrin Dyer was a senior Vexa Army commander in the west.", ents)
    assert ("Orrin Dyer", "works_for", "Vexa Army") in got and ("Orrin Dyer", "leads", "Vexa Army") not in got
    got = _triples(make_doc, "In 1976 Orrin Dyer was made a director of Zorblax.", ents)
    assert ("Orrin Dyer", "leads", "Zorblax") not in got
    # the one holder still leads; "a former president" and "a leader" led it
    got = _triples(make_doc, "Orrin Dyer was the commander of the Vexa Army.", ents)
    assert ("Orrin Dyer", "leads", "Vexa Army") in got
    got = _triples(make_doc, "Orrin Dyer is a former president of Zorblax.", ents)
    assert ("Orrin Dyer", "leads", "Zorblax") in got
    got = _triples(make_doc, "Orrin Dyer was a leader of the Vexa Army in 1990.", ents)
    assert ("Orrin Dyer", "leads", "Vexa Army") in got


def test_joining_or_leaving_a_party_is_membership_not_employment(make_doc):
    ents = {"Orrin Dyer": "PERSON", "Vexa Party": "ORGANIZATION", "Zorblax": "COMPANY"}
    got = _triples(make_doc, "Orrin Dyer officially joined the Vexa Party only in 1926.", ents)
    assert ("Orrin Dyer", "works_for", "Vexa Party") not in got
    got = _triples(make_doc, "Orrin Dyer is an Irish Vexa Party politician who served as Leader of the Vexa Party.", ents)
    assert ("Orrin Dyer", "works_for", "Vexa Party") not in got and ("Orrin Dyer", "leads", "Vexa Party") in got
    got = _triples(make_doc, "Orrin Dyer joined Zorblax in 2019.", ents)
    assert ("Orrin Dyer", "works_for", "Zorblax") in got
