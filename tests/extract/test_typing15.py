"""typing15 readings, on hand-built documents: a place-named company short form, a business relative clause,
and a list item that opens with a name and a sum of money."""
import spacy
from spacy.tokens import Doc

from extract.name_cues import _has_business_clause, acts_as_company, heads_a_money_item

VOCAB = spacy.blank("en").vocab


def test_place_short_form_used_as_company():
    words = "Orvale Bay 's shares fell , but Orvale Bay is a quiet town .".split()
    heads = [1, 3, 1, 4, 4, 4, 4, 8, 9, 4, 12, 12, 9, 9]
    deps = ["compound", "poss", "case", "nsubj", "ROOT", "punct", "cc", "compound", "nsubj", "conj", "det", "amod",
            "attr", "punct"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps)
    assert acts_as_company(doc[0:2])
    assert not acts_as_company(doc[7:9])


def test_business_relative_clause_types_listed_names():
    words = "Velk and Prosa , which compete with Ardent , sell routers .".split()
    heads = [9, 0, 0, 0, 5, 0, 5, 6, 0, 9, 9, 9]
    deps = ["nsubj", "cc", "conj", "punct", "nsubj", "relcl", "prep", "pobj", "punct", "ROOT", "dobj", "punct"]
    lemmas = ["Velk", "and", "Prosa", ",", "which", "compete", "with", "Ardent", ",", "sell", "router", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas)
    assert _has_business_clause(doc[0]) and _has_business_clause(doc[2])
    assert not _has_business_clause(doc[7])
    # a clause that tells of no business says nothing: "Velk, which sits by the river"
    doc = Doc(VOCAB, words="Velk , which sits here".split(), heads=[0, 0, 3, 0, 3],
              deps=["ROOT", "punct", "nsubj", "relcl", "advmod"], lemmas=["Velk", ",", "which", "sit", "here"])
    assert not _has_business_clause(doc[0])


def test_money_item_opens_with_a_company():
    nlp = spacy.blank("en")
    doc = nlp("Week in deals\n- Pellary \u2014 $12M seed led by Ostra\n3. Danvik: $8m Series A\nPrice: $199\n"
              "Pellary said on Monday it had $3M left.")
    english = frozenset({"price", "week", "deals"})
    by_text = {}
    for t in doc:
        by_text.setdefault(t.text, t.i)  # (the first "Pellary")
    assert heads_a_money_item(doc[by_text["Pellary"]:by_text["Pellary"] + 1], english)
    assert heads_a_money_item(doc[by_text["Danvik"]:by_text["Danvik"] + 1], english)
    assert not heads_a_money_item(doc[by_text["Price"]:by_text["Price"] + 1], english)
    last = [t.i for t in doc if t.text == "Pellary"][-1]
    assert not heads_a_money_item(doc[last:last + 1], english)  # a sentence's subject, no item


def test_what_someone_founded_is_no_person_even_in_one_word(newsgraph_nlp):
    # (the tagger reads an unknown one-word name after "co-founded" as a person's)
    doc = newsgraph_nlp("Two colleagues and I left and founded Korvest in early 2023. "
                        "Marta Ilves later co-founded Korvest with Devin Osei.")
    assert {e.text: e.label_ for e in doc.ents}.get("Korvest") in ("COMPANY", "ORGANIZATION")
    assert {e.text: e.label_ for e in doc.ents}.get("Devin Osei") == "PERSON"
