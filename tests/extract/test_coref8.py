"""Who "it"/"its" and "the company" are after a sentence whose other names are said in passing
(issue 12, round 8): a name inside an apposition or a relative clause ("Tom Kell, an engineer he had met
at Orrin Labs") is background, and a description in apposition to a name ("Quillon Ventures, the
investment firm of ...") is that name again, not a second mention. Invented texts, entities typed by hand."""
from __future__ import annotations


C, P = "COMPANY", "PERSON"


BACKERS = ("In 2015 she co-founded Marrow Vision with Tom Kell, an engineer she had met at Orrin Labs. "
           "Its early backers included Dunmore Capital and Quillon Ventures, the investment firm of a Lisbon family. "
           "Brisco Systems acquired the company in 2019.")
BACKERS_ENTS = {"Marrow Vision": C, "Tom Kell": P, "Orrin Labs": C, "Dunmore Capital": C, "Quillon Ventures": C,
                "Brisco Systems": C}


def test_its_after_an_apposition_is_the_main_clause_company(make_doc, referent):
    # before: "Its" took Orrin Labs, the place an engineer was met at
    assert referent(make_doc(BACKERS, BACKERS_ENTS), "Its") == "Marrow Vision"


def test_the_company_after_backers_is_not_a_described_backer(make_doc, referent):
    # before: the apposition "the investment firm" counted Quillon Ventures twice, and "the company" took it
    assert referent(make_doc(BACKERS, BACKERS_ENTS), "company") == "Marrow Vision"


def test_it_after_a_relative_clause_and_apposition(make_doc, referent):
    text = ("Ada Renn runs Kestrel Labs, which she started with Olu Bede, a former Qorvane engineer. "
            "It raised $60 million last month.")
    ents = {"Ada Renn": P, "Kestrel Labs": C, "Olu Bede": P, "Qorvane": C}
    assert referent(make_doc(text, ents), "It") == "Kestrel Labs"


def test_near_miss_a_subject_with_an_apposition_stays_the_antecedent(make_doc, referent):
    # the company named in the apposition is not the subject; the subject still is the antecedent
    text = "Quillon Pay, a unit of Dunmore Bank, hired 40 people. It also bought Ferrow Ledger in May."
    ents = {"Quillon Pay": C, "Dunmore Bank": C, "Ferrow Ledger": C}
    assert referent(make_doc(text, ents), "It") == "Quillon Pay"


def test_near_miss_only_name_in_passing_is_still_taken(make_doc, referent):
    # with nothing else in the sentence, a name inside an apposition still is the antecedent
    text = "Lena Voss, a veteran of Ostwind Motors, spoke on Monday. Its shares rose 4%."
    ents = {"Lena Voss": P, "Ostwind Motors": C}
    assert referent(make_doc(text, ents), "Its") == "Ostwind Motors"
