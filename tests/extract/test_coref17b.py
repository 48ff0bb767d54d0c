"""Pronouns and descriptions (coref17b): where an antecedent stands. Invented texts."""
from __future__ import annotations

C = "COMPANY"


def test_a_resolved_pronoun_stands_where_it_is_written_not_where_its_name_was(make_doc, referent):
    # the company's name sits in a relative clause ("that Corvane makes"); the first "it", the main clause's
    # subject, is Corvane, and the second "it", in the participle's clause, continues that subject: it is not
    # the parent named in passing inside the apposition
    text = ("The drives that Corvane makes sell well. Last June it completed its merger with Hale Micro, "
            "the storage unit of Tamsin Group, creating what it called the largest drive maker in Europe.")
    doc = make_doc(text, {"Corvane": C, "Hale Micro": C, "Tamsin Group": C})
    assert referent(doc, "it", 0) == "Corvane"
    assert referent(doc, "it", 1) == "Corvane"


def test_a_name_inside_another_relative_clause_is_still_background(make_doc, referent):
    text = "Strathmore, which is backed by Quillon, raised $40 million last week, putting it among the leaders."
    doc = make_doc(text, {"Strathmore": C, "Quillon": C})
    assert referent(doc, "it") == "Strathmore"


def test_the_two_companies_in_an_apposition_are_not_the_name_it_describes(make_doc):
    from extract.coref import entity_refs

    text = ("In April, Marlowe Capital agreed to invest $80 million in Corvane Holdings and to set up Marvane Labs, "
            "a joint venture owned by the two companies that will sell software in Brazil.")
    doc = make_doc(text, {"Marlowe Capital": C, "Corvane Holdings": C, "Marvane Labs": C})
    companies = next(t for t in doc if t.text == "companies")
    assert sorted(e.text for e in entity_refs(doc).group_for(companies)) == ["Corvane Holdings", "Marlowe Capital"]


def test_a_third_name_outside_the_apposition_still_leaves_the_pair_open(make_doc):
    from extract.coref import entity_refs

    text = ("Marlowe Capital, Dunmore and Corvane Holdings met in April; the two companies later set up a venture.")
    doc = make_doc(text, {"Marlowe Capital": C, "Corvane Holdings": C, "Dunmore": C})
    companies = next(t for t in doc if t.text == "companies")
    assert entity_refs(doc).group_for(companies) == []


def test_a_possessive_in_a_participle_phrase_on_a_noun_is_that_nouns(make_doc, referent):
    text = ("Corvane has a partnership with Tollmark, the logistics company led by its founder Ines Marlow, "
            "so orders reach the warehouse at once.")
    doc = make_doc(text, {"Corvane": C, "Tollmark": C})
    assert referent(doc, "its") == "Tollmark"


def test_a_possessive_in_a_participle_phrase_on_a_nameless_noun_is_left_to_the_antecedent(make_doc, referent):
    text = "Corvane said the drives, tested by its own engineers, ship in May."
    doc = make_doc(text, {"Corvane": C})
    assert referent(doc, "its") == "Corvane"
