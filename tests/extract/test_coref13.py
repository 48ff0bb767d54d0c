"""Where a company is based, and whose "we" an interview answer speaks (issue 13, round 2): "the Mountain View
company" is a company based there, not the famous one of that town unless the text is about it; "Brantel's
Ines Roa" makes Brantel the "we" of Roa's answers. Invented texts."""
from __future__ import annotations


C, P, L = "COMPANY", "PERSON", "PLACE"


# -- a town in a description says where a company is based -------------------------------------------------
def test_a_town_after_an_article_is_a_place(types):
    typed = types("Korvel Ventures, the Menlo Park firm founded by Ada Lind, led the round.", {})
    assert typed.get("Menlo Park") != "COMPANY", typed


def test_a_town_that_acts_is_its_company(types):
    typed = types("Microsoft is hiring. Redmond's plans for the cloud worry Tessmer, analysts said.", {})
    assert typed.get("Redmond") == "COMPANY", typed


def test_the_town_company_is_the_one_just_named(pipeline_doc, referent):
    # before: "Mountain View" was typed as Google, and then, as a place, Nvidia (most mentioned) was rejected
    text = ("Every start-up says it will break Nvidia's grip, and Nvidia keeps winning. "
            "Take Brantel. The Mountain View company was founded in 2019 by Ada Lind. "
            "In May it raised $90 million.")
    doc = pipeline_doc(text, {"Nvidia": C, "Brantel": C, "Mountain View": L, "Ada Lind": P})
    assert referent(doc, "company") == "Brantel"
    assert referent(doc, "it", 1) == "Brantel"


def test_a_town_and_state_description_is_definite(make_doc, referent):
    # "the" hangs on the town when a comma splits the phrase; the description is definite all the same
    text = ("Qorvane agreed to buy Lumetra for $2 billion. "
            "The deal is the latest that the Santa Clara, California company has struck this year.")
    doc = make_doc(text, {"Qorvane": C, "Lumetra": C, "Santa Clara": L, "California": L})
    assert referent(doc, "company") == "Qorvane"


def test_a_town_description_is_no_regulator(make_doc, referent):
    text = ("The market regulator, which opened the probe in May, did not say what penalty "
            "the Santa Clara, California, company might face.")
    doc = make_doc("Qorvane bought Lumetra. " + text, {"Qorvane": C, "Lumetra": C, "Santa Clara": L, "California": L})
    assert referent(doc, "company") != "The market regulator"


# -- an interview's "we" is the company whose person answers ------------------------------------------------
def test_we_in_answers_of_a_company_s_person(make_doc, referent):
    text = ("Q&A: Brantel's Ines Roa on chips\n\nRoa spent nine years at Qorvane.\n\n"
            "Chip Week: Why build your own?\n\nInes Roa: Because we make one thing well.")
    doc = make_doc(text, {"Brantel": C, "Ines Roa": P, "Roa": P, "Qorvane": C, "Chip Week": "PUBLICATION"})
    assert referent(doc, "we") == "Brantel"


# -- a bullet list is a box beside the story -----------------------------------------------------------------
def test_the_company_after_a_fact_box_is_the_story_s(pipeline_doc, referent):
    # before: "the company" took Harlow Capital, the only name of the box's last lines
    text = ("Brantel raised $90 million in a Series C, the start-up said on Tuesday.\n\nKEY FACTS\n\n"
            "* Round: $90 million Series C\n* Previous round: $20 million, led by Harlow Capital\n\n"
            "The valuation is twice what the company was worth at its last round.")
    doc = pipeline_doc(text, {"Brantel": C, "Harlow Capital": C})
    assert referent(doc, "company") == "Brantel"


def test_bullet_lines(blank):
    from extract.coref import _in_bullet_line
    doc = blank("Key facts\n* Price: $4 billion\n- Close: 2025\nIt grew - fast.")
    flags = {t.text: _in_bullet_line(doc, t.i) for t in doc if t.is_alpha}
    assert flags["Price"] and flags["Close"] and not flags["grew"] and not flags["Key"]


# -- a plural possessive is bound by its clause's plural subject ----------------------------------------------
def test_their_after_a_plural_subject_is_not_a_company(make_doc, referent):
    text = ("Qorvane sells its chips to cloud providers. "
            "Its chief executive said cloud providers were building their own processors.")
    doc = make_doc(text, {"Qorvane": C})
    assert referent(doc, "their") is None


def test_their_after_a_company_subject(make_doc, referent):
    doc = make_doc("Qorvane and Lumetra said they would merge their units.", {"Qorvane": C, "Lumetra": C})
    assert referent(doc, "their") is not None


def test_that_s_it_is_no_company(make_doc, referent):
    doc = make_doc("Qorvane released Orca-2 on Monday. That's it for this week.", {"Qorvane": C, "Orca-2": "MODEL"})
    assert referent(doc, "it") is None


# -- a call's speakers speak for the company whose call it is ------------------------------------------------
CALL = ("Tarnwell Systems Q3 Earnings Call - Transcript\n\n"
        "Odile Brask: This quarter we closed our purchase of Petrel Motion.\n\n"
        "Lena Hoyt: Thanks. Could you say more?\n\n"
        "Lena Hoyt, with Marbury Securities, asked about margins.\n\n"
        "Odile Brask: We will keep investing.")
CALL_ENTS = {"Tarnwell Systems": C, "Odile Brask": P, "Petrel Motion": C, "Lena Hoyt": P, "Marbury Securities": C}


def test_we_in_a_call_is_the_host_company(make_doc, referent):
    doc = make_doc(CALL, CALL_ENTS)
    assert referent(doc, "we") == "Tarnwell Systems"
    assert referent(doc, "We") == "Tarnwell Systems"


def test_we_in_a_call_is_not_an_analyst_s(make_doc, referent):
    doc = make_doc(CALL.replace("Thanks. Could you say more?", "Thanks. We think margins fell."), CALL_ENTS)
    assert referent(doc, "We", 0) is None


def test_we_outside_a_call_stays_open(make_doc, referent):
    doc = make_doc(CALL.replace("Earnings Call - Transcript", "quarterly results"), CALL_ENTS)
    assert referent(doc, "we") is None


# -- "the fund" is the investor named before whose name says it invests ---------------------------------------
def test_the_fund_is_the_named_fund(make_doc, referent):
    text = ("Ostrava Health counts the Brindle Growth Fund among its backers; the fund led its $20 million round.")
    doc = make_doc(text, {"Ostrava Health": C, "Brindle Growth Fund": C})
    assert referent(doc, "fund") == "Brindle Growth Fund"
    assert referent(doc, "its", 1) == "Ostrava Health"  # one leads another's round


def test_the_fund_after_a_firm(make_doc, referent):
    text = "Calder Peak Management bought 5% of Lumetra. A Calder spokesperson said the fund welcomed the vote."
    doc = make_doc(text, {"Calder Peak Management": C, "Lumetra": C})
    assert referent(doc, "fund") == "Calder Peak Management"


def test_the_fund_without_a_fund_name_stays_open(make_doc, referent):
    doc = make_doc("Qorvane bought 5% of Lumetra. A spokesperson said the fund would not take a seat.",
                   {"Qorvane": C, "Lumetra": C})
    assert referent(doc, "fund") is None
