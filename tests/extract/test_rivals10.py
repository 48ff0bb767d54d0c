"""Plural descriptions as deal partners (issue 12, round 10): "the two companies" with no coordination before
it stands for the only two companies its sentence (else the previous one) names, and a partnership whose
subject is such a description ("the two groups announced a partnership") has both as its partners.

Invented sentences with hand-typed entities (``make_doc``); near misses show what must stay as it was.
"""
from __future__ import annotations

from extract.coref import entity_refs
from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.records import Article

C, P = "COMPANY", "PERSON"
ENTS = {"Korrin Semiconductor": C, "Pellow Systems": C, "Dravel Technologies": C, "Tamsin Energy": C,
        "Ada Renn": P}


def _group(doc, word):
    token = next(t for t in doc if t.text == word)
    return sorted(e.text for e in entity_refs(doc).group_for(token))


def _partners(make_doc, text):
    found = find_deals(make_doc(text, ENTS), Article(id="t", text=text))
    return [sorted(p.mention.text for p in d.parties) for d in found
            if d.confidence >= KEEP_CONFIDENCE and d.kind in ("partnership", "other")]


TALKS = ("Korrin Semiconductor, the chipmaker founded by Ada Renn, has held talks with Pellow Systems about "
         "jointly building boards; the two groups announced a partnership in May.")


def test_the_two_groups_are_the_two_companies_their_sentence_names(make_doc):
    # before: no coordination named them, so the description stood for no one
    assert _group(make_doc(TALKS, ENTS), "groups") == ["Korrin Semiconductor", "Pellow Systems"]


def test_the_two_companies_of_the_previous_sentence(make_doc):
    text = "Dravel Technologies met Korrin Semiconductor in March. The two companies signed a supply agreement in June."
    assert _group(make_doc(text, ENTS), "companies") == ["Dravel Technologies", "Korrin Semiconductor"]


def test_a_partnership_announced_by_the_two_groups_has_both_as_partners(make_doc):
    # before: the deal's subject named no company, so no deal was kept
    assert ["Korrin Semiconductor", "Pellow Systems"] in _partners(make_doc, TALKS)


def test_an_agreement_signed_by_the_two_companies_of_a_coordination(make_doc):
    text = "Dravel Technologies and Tamsin Energy met in May. The two companies signed a supply agreement in June."
    assert ["Dravel Technologies", "Tamsin Energy"] in _partners(make_doc, text)


# --- near misses: a third company leaves the pair open -------------------------------------------------------
def test_a_third_company_leaves_the_two_companies_open(make_doc):
    text = ("Dravel Technologies sued Korrin Semiconductor, which Pellow Systems backs. "
            "The two companies later signed an agreement.")
    doc = make_doc(text, ENTS)
    assert _group(doc, "companies") == []
    assert _partners(make_doc, text) == []


def test_a_list_of_three_is_no_pair_even_when_parsed_as_an_apposition(make_doc):
    # before: "A, B and C" parsed with B in apposition to A gave the pair (B, C), or (A, C)
    text = "Dravel Technologies, Korrin Semiconductor and Pellow Systems met in March. The two companies signed an agreement."
    assert _partners(make_doc, text) == []


def test_an_unnumbered_description_takes_no_pair_from_the_sentence(make_doc):
    text = "Dravel Technologies met Korrin Semiconductor in March. The companies signed an agreement in June."
    assert _group(make_doc(text, ENTS), "companies") == []


def test_a_company_named_again_in_short_is_still_one_of_the_two(make_doc):
    # before this change: "Pellow" and "Pellow Systems" counted as two names, three in all, so no pair
    text = ("Korrin Semiconductor paid Pellow Systems $5 million for a site next to Pellow's plant. "
            "The two companies signed a supply agreement in June.")
    ents = dict(ENTS, Pellow=C)
    assert _group(make_doc(text, ents), "companies") == ["Korrin Semiconductor", "Pellow Systems"]


# --- a rivalry verb the parser read as a noun, its subject name as an adjective -------------------------------
LETTER = ("Harwick Capital's letter\n\nDear investors, Harwick Capital had a good year. Our largest holding, "
          "Dravel Technologies, signed an agreement with Tamsin Energy to buy electricity. Dravel competes with "
          "Korrin Semiconductor, where we hold no stake. We also backed Pellow Systems.")
LETTER_ENTS = {"Harwick Capital": C, "Dravel Technologies": C, "Tamsin Energy": C, "Dravel": C, "Korrin Semiconductor": C,
               "Pellow Systems": C}


def _frame_rivals(doc):
    from extract.relations.fallback_frames import _rival_candidates, topic_company

    refs = entity_refs(doc)
    return {(c.source.text, c.target.text) for c in _rival_candidates(doc, refs, topic_company(doc))}


def test_a_name_parsed_as_an_adjective_of_competes_is_the_owner_not_a_rival_of_the_topic(pipeline_doc):
    # the parser reads "Dravel competes" as a noun phrase, "Dravel" an adjective of "competes"
    rivals = _frame_rivals(pipeline_doc(LETTER, LETTER_ENTS))
    # before: the investor the letter is about (its topic) competed with Dravel and with Korrin Semiconductor
    assert ("Harwick Capital", "Korrin Semiconductor") not in rivals and ("Harwick Capital", "Dravel") not in rivals
    assert ("Dravel", "Korrin Semiconductor") in rivals
