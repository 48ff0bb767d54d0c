"""Founders, leaders and employees (issue 12, people class): lists of founders with a described first
name, "to found", speakers after quoted speech, offices held "as" a title, and the company a description
names in a long sentence. Names are invented; entities are typed by hand so the rules are tested, not NER."""
from __future__ import annotations

import pytest

from extract.coref import entity_refs
from extract.relations import find_relations

ENTS = {
    "Zorblax": "COMPANY", "Nimbus": "COMPANY", "Quillstone": "COMPANY", "Halvard Partners": "COMPANY",
    "Brindle Labs": "COMPANY", "Orrin Dyer": "PERSON", "Mara Quell": "PERSON", "Tobin Reyd": "PERSON",
    "Quell": "PERSON", "Dyer": "PERSON",
}


def _triples(make_doc, text, ents=None):
    ents = ents or {k: v for k, v in ENTS.items() if k in text}
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(make_doc(text, ents), "t1")}


# -- a list of founders whose first name carries a description -------------------------------------------
@pytest.mark.parametrize("text", [
    "Zorblax was co-founded by Orrin Dyer, its CEO, and Mara Quell; it sells chips.",
    "The startup Zorblax was founded by Orrin Dyer, its CEO, and Mara Quell.",
    "Zorblax was founded in 2019 by Orrin Dyer, its CEO, and Mara Quell; it will operate as a unit of Nimbus.",
])
def test_second_founder_after_a_described_first(make_doc, text):
    got = _triples(make_doc, text)
    assert {("Orrin Dyer", "founded", "Zorblax"), ("Mara Quell", "founded", "Zorblax")} <= got
    assert ("Mara Quell", "leads", "Zorblax") not in got  # the description is the first founder's only


# -- "to found": the tagger reads "found" as the past of "find" ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Mara Quell left Nimbus in 2018 to found Zorblax, which designs chips.",
    "Mara Quell helped found Zorblax in 2015.",
])
def test_found_in_its_base_form(make_doc, text):
    assert ("Mara Quell", "founded", "Zorblax") in _triples(make_doc, text)


def test_found_as_the_past_of_find_founds_nothing(make_doc):
    assert ("Mara Quell", "founded", "Zorblax") not in _triples(make_doc, "Mara Quell found Zorblax hard to beat last year.")


# -- the speaker of quoted speech --------------------------------------------------------------------------
def test_pronoun_after_quoted_speech_is_the_speaker(make_doc):
    text = ('The market for chips grew fast. Mara Quell ran a group at Nimbus for years. "Nimbus was good to us," she said. '
            '"But a big company builds what it already sells. I wanted something that did not exist." '
            "Last spring she founded Zorblax with Orrin Dyer.")
    assert ("Mara Quell", "founded", "Zorblax") in _triples(make_doc, text)


def test_pronoun_after_narration_naming_no_one_stays_unresolved(make_doc):
    text = ("The market for chips grew fast. Mara Quell ran a group at Nimbus. Prices fell. Chips got cheaper. "
            "Demand slowed in the spring. Last spring she founded Zorblax.")
    assert ("Mara Quell", "founded", "Zorblax") not in _triples(make_doc, text)


def test_bare_title_is_held_at_the_latest_company_founded_before_it(make_doc):
    text = ("Mara Quell founded Zorblax in 2016. Quillstone bought Zorblax in 2019. In 2022 Mara Quell founded Brindle Labs. "
            "Quillstone invested in Brindle Labs. Quillstone also bought Nimbus. Quell was chief executive at first.")
    got = _triples(make_doc, text)
    assert ("Quell", "leads", "Brindle Labs") in got
    assert not {("Quell", "leads", "Zorblax"), ("Quell", "leads", "Quillstone")} & got


# -- offices held "as" a title -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, person", [
    ("Zorblax makes chips. Orrin Dyer founded Zorblax in 2015. In March Dyer resigned as chief executive.", "Dyer"),
    ("Zorblax makes chips. Orrin Dyer founded Zorblax in 2015 and served as chief executive until 2021.", "Orrin Dyer"),
    ("Nimbus installed Orrin Dyer as chief executive in June.", "Orrin Dyer"),
])
def test_office_held_as_a_title(make_doc, text, person):
    company = "Nimbus" if "installed" in text else "Zorblax"
    assert (person, "leads", company) in _triples(make_doc, text)


def test_office_verb_with_a_company_of_its_own_keeps_it(make_doc):
    got = _triples(make_doc, "Zorblax makes chips. Orrin Dyer founded Zorblax and later served as chief executive of Nimbus.")
    assert ("Orrin Dyer", "leads", "Nimbus") in got
    assert ("Orrin Dyer", "leads", "Zorblax") not in got


# -- the company a description names ------------------------------------------------------------------------
def _refers_to(make_doc, text, word, nth=0):
    doc = make_doc(text, {k: v for k, v in ENTS.items() if k in text})
    token = [t for t in doc if t.lower_ == word][nth]
    found = entity_refs(doc).entity_for(token)
    return found.text if found is not None else None


def test_description_in_the_object_is_none_of_the_names_inside_its_subject(make_doc):
    text = ("Zorblax makes chips for phones. In June a group of investors including Quillstone and Halvard Partners "
            "put $80 million into the company.")
    assert _refers_to(make_doc, text, "company") not in ("Quillstone", "Halvard Partners")


def test_description_in_a_long_sentence_names_its_main_actor(make_doc):
    text = ("Zorblax makes chips. Zorblax raised money in 2022, Zorblax hired fast, and by 2024 Zorblax was facing "
            "lawsuits from Quillstone over patents, and in June investors put $80 million into the company.")
    assert _refers_to(make_doc, text, "company") == "Zorblax"


def test_description_after_a_subject_named_once_is_still_the_nearest(make_doc):
    # the main-actor preference needs an actor named as subject more often than the nearest name
    text = "Zorblax sued Quillstone in June, and investors later put $80 million into the company."
    assert _refers_to(make_doc, text, "company") == "Quillstone"


# -- a title beside a name is not under the verb of the name's clause ---------------------------------------
@pytest.mark.parametrize("text, relation", [
    ("Orrin Dyer, the chief executive of Zorblax, declined to comment.", "leads"),
    ("Orrin Dyer, Zorblax's acting chief executive, declined to comment.", "leads"),
    ("Zorblax spokesperson Orrin Dyer did not respond to a request for comment.", "works_for"),
])
def test_title_beside_a_name_survives_a_refusal(make_doc, text, relation):
    assert ("Orrin Dyer", relation, "Zorblax") in _triples(make_doc, text)


@pytest.mark.parametrize("text", [
    "Orrin Dyer is not the chief executive of Zorblax.",
    "Orrin Dyer, who is not the chief executive of Zorblax, spoke on Monday.",
    "Zorblax did not hire Orrin Dyer as chief executive.",
])
def test_denied_title_gives_nothing(make_doc, text):
    assert not {t for t in _triples(make_doc, text) if t[0] == "Orrin Dyer"}


# -- appointments with the person folded into the title's phrase -------------------------------------------
@pytest.mark.parametrize("text, relation", [
    ("Zorblax named Orrin Dyer chief executive in May.", "leads"),
    ("Zorblax named Orrin Dyer interim chief executive in May.", "leads"),
    ("Zorblax promoted Orrin Dyer to chief executive in May.", "leads"),
    ("Zorblax has appointed Orrin Dyer chief financial officer.", "works_for"),
])
def test_appointed_to_a_title(make_doc, text, relation):
    assert ("Orrin Dyer", relation, "Zorblax") in _triples(make_doc, text)


def test_appointer_of_a_veteran_of_another_company(make_doc):
    got = _triples(make_doc, "Zorblax named Nimbus veteran Orrin Dyer chief executive.")
    assert ("Orrin Dyer", "leads", "Zorblax") in got
    assert ("Orrin Dyer", "leads", "Nimbus") not in got


def test_moving_a_person_appoints_no_one(make_doc):
    assert not {t for t in _triples(make_doc, "Zorblax moved Orrin Dyer to Nimbus in May.") if t[1] == "leads"}


# -- encyclopaedic titles: a shared "of" phrase, a unit's organisation, a post held -------------------------
ORG_ENTS = {"Mara Quell": "PERSON", "Carrow Journal": "PUBLICATION", "Carrow Institute": "ORGANIZATION",
            "CRU": "ORGANIZATION", "Vexa": "COMPANY"}


def test_unit_of_an_organisation_names_the_employer(make_doc):
    text = "Mara Quell was a well-known doctor, a head of the therapy department of Carrow Institute."
    got = _triples(make_doc, text, ORG_ENTS)
    assert ("Mara Quell", "works_for", "Carrow Institute") in got
    assert ("Mara Quell", "leads", "Carrow Institute") not in got


def test_founder_of_a_branch_did_not_found_the_organisation(make_doc):
    text = "Mara Quell was the co-founder of the Boston branch of the party CRU."
    assert ("Mara Quell", "founded", "CRU") not in _triples(make_doc, text, ORG_ENTS)


def test_holder_of_a_post(make_doc):
    text = "Until her retirement in 2004, Mara Quell held the post of director of the architecture department of Carrow Institute."
    assert ("Mara Quell", "works_for", "Carrow Institute") in _triples(make_doc, text, ORG_ENTS)


def test_a_named_chair_is_no_post_of_leader(make_doc):
    text = 'Mara Quell held the post of " Vexa Chair in Cello " at Carrow Institute.'
    assert not {t for t in _triples(make_doc, text, ORG_ENTS) if t[1] == "leads"}


# -- founders announced with a colon; "its" in the agent phrase ----------------------------------------------
def test_founders_listed_after_a_colon(make_doc):
    text = ("Zorblax was founded in 2023 by three Nimbus researchers: Mara Quell, its chief executive; Orrin Dyer; "
            "and Tobin Reyd, who previously worked at Quillstone.")
    got = _triples(make_doc, text)
    assert {("Mara Quell", "founded", "Zorblax"), ("Orrin Dyer", "founded", "Zorblax"), ("Tobin Reyd", "founded", "Zorblax")} <= got
    assert ("Tobin Reyd", "founded", "Quillstone") not in got


def test_colon_list_keeps_to_names_of_its_first_members_type(make_doc):
    got = _triples(make_doc, "Zorblax was founded by two engineers: Mara Quell, a former Quillstone scientist, and Orrin Dyer.")
    assert {("Mara Quell", "founded", "Zorblax"), ("Orrin Dyer", "founded", "Zorblax")} <= got
    assert ("Quillstone", "founded", "Zorblax") not in got


def test_its_in_the_agent_phrase_is_the_passive_subject(make_doc):
    text = "Zorblax was founded by Nimbus veteran Mara Quell, its chief executive."
    got = _triples(make_doc, text)
    assert ("Mara Quell", "leads", "Zorblax") in got
    assert ("Mara Quell", "leads", "Nimbus") not in got


# -- a leading title over a field; offices taken or lost in the passive ---------------------------------------
@pytest.mark.parametrize("text", [
    "Orrin Dyer, Zorblax's head of AI, said demand rose.",
    "Orrin Dyer, head of research at Zorblax, said demand rose.",
    "Orrin Dyer, Zorblax's president of global affairs, said demand rose.",
])
def test_head_of_a_field_works_for_the_company(make_doc, text):
    got = _triples(make_doc, text)
    assert ("Orrin Dyer", "works_for", "Zorblax") in got
    assert ("Orrin Dyer", "leads", "Zorblax") not in got


@pytest.mark.parametrize("text", [
    "Orrin Dyer, the head of Zorblax, said demand rose.",
    "Orrin Dyer, Zorblax's chairman of the board, said demand rose.",
])
def test_head_of_the_organisation_or_its_board_leads_it(make_doc, text):
    assert ("Orrin Dyer", "leads", "Zorblax") in _triples(make_doc, text)


@pytest.mark.parametrize("text", [
    "Orrin Dyer was appointed as chief executive of Zorblax.",
    "Orrin Dyer, who was ousted as Zorblax's chief executive in 2023, said demand rose.",
])
def test_office_in_the_passive_is_its_subjects(make_doc, text):
    assert ("Orrin Dyer", "leads", "Zorblax") in _triples(make_doc, text)


# -- a speaker named with an organisation's possessive ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Zorblax's Orrin Dyer said demand rose.",
    '"Demand rose," said Zorblax\'s Orrin Dyer.',
    "Demand rose, according to Zorblax's Orrin Dyer.",
])
def test_speaker_named_with_a_company_possessive_works_there(make_doc, text):
    assert ("Orrin Dyer", "works_for", "Zorblax") in _triples(make_doc, text)


@pytest.mark.parametrize("text, relation", [
    ('Orrin Dyer founded Zorblax in 2015. "Demand rose," said Zorblax\'s Orrin Dyer.', "founded"),
    ("Orrin Dyer is the chief executive of Zorblax. Zorblax's Orrin Dyer said demand rose.", "leads"),
])
def test_possessed_speaker_who_leads_or_founded_it_gets_no_second_edge(make_doc, text, relation):
    got = _triples(make_doc, text)
    assert ("Orrin Dyer", relation, "Zorblax") in got
    assert ("Orrin Dyer", "works_for", "Zorblax") not in got


def test_possessed_name_outside_speech_is_no_employee(make_doc):
    assert ("Orrin Dyer", "works_for", "Zorblax") not in _triples(
        make_doc, "The album features guest vocals by Zorblax's Orrin Dyer.")


# -- "the cloud unit" names the earlier unit whose name holds the trade word -------------------------------------
UNIT_ENTS = {"Nimbus Cloud": "COMPANY", "Nimbus": "COMPANY", "Mara Quell": "PERSON"}


def test_part_noun_with_a_trade_names_the_unit_that_holds_the_word(make_doc):
    text = ("Nimbus Cloud, the company's cloud division, grew fast. Mara Quell, the chief executive of Nimbus, "
            "also chairs the cloud unit, which she has made central to the group's plan.")
    assert ("Mara Quell", "leads", "Nimbus Cloud") in _triples(make_doc, text, UNIT_ENTS)


def test_part_noun_with_a_trade_no_name_holds_stays_unresolved(make_doc):
    got = _triples(make_doc, "Nimbus Cloud grew fast. Mara Quell also runs the advertising unit.", UNIT_ENTS)
    assert not {t for t in got if t[0] == "Mara Quell"}


# -- "finance chief", "technology chief": a functional chief is an officer, not the one who leads -------
@pytest.mark.parametrize("text, title_holder", [
    ("Orrin Dyer, Zorblax's finance chief, said margins would rise.", "Orrin Dyer"),
    ("Zorblax technology chief Mara Quell said the chips ship in May.", "Mara Quell"),
    ("Tobin Reyd, its AI chief, joined Zorblax from Nimbus in 2021.", "Tobin Reyd"),
])
def test_functional_chief_works_for(make_doc, text, title_holder):
    got = _triples(make_doc, text)
    assert (title_holder, "works_for", "Zorblax") in got
    assert (title_holder, "leads", "Zorblax") not in got


def test_a_bare_chief_still_leads(make_doc):
    assert ("Orrin Dyer", "leads", "Zorblax") in _triples(make_doc, "Orrin Dyer, Zorblax's chief, said margins would rise.")
