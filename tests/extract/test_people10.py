"""People's foundings, round 10 (issue 12): a founding's list of founders is read where the parser loses the
company it is said of (a sentence-opening participle whose "by" the parser takes for a plain preposition, an
apposition the parser makes the participle's subject), and a bare title of a person the article says founded a
company is held there, not at a company the same sentence says the person founded before. Names are invented."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extract.coref import entity_refs
from extract.pipeline import extract_doc
from extract.records import Article
from extract.relations.cofounding import founder_list_relations


def _facts(nlp, text):
    got = extract_doc(nlp(text), Article(id="t1", text=text)).relations
    return {(r.source.text, r.relation, r.target.text) for r in got}


def _fronted_participle_doc() -> Doc:
    """ "Founded in 2021 by Jane Roe and John Doe, Initech began selling chips." parsed as the small model parses
    such sentences at times: the participle an adverbial clause of the main verb, its "by" a plain preposition."""
    words = ["Founded", "in", "2021", "by", "Jane", "Roe", "and", "John", "Doe", ",", "Initech", "began", "selling",
             "chips", "."]
    heads = [11, 0, 1, 0, 5, 3, 5, 8, 5, 11, 11, 11, 11, 12, 11]
    deps = ["advcl", "prep", "pobj", "prep", "compound", "pobj", "cc", "compound", "conj", "punct", "nsubj", "ROOT",
            "xcomp", "dobj", "punct"]
    tags = ["VBN", "IN", "CD", "IN", "NNP", "NNP", "CC", "NNP", "NNP", ",", "NNP", "VBD", "VBG", "NNS", "."]
    pos = ["VERB", "ADP", "NUM", "ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "VERB",
           "NOUN", "PUNCT"]
    lemmas = ["found", "in", "2021", "by", "Jane", "Roe", "and", "John", "Doe", ",", "Initech", "begin", "sell", "chip", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * 14)
    doc.ents = [Span(doc, 4, 6, "PERSON"), Span(doc, 7, 9, "PERSON"), Span(doc, 10, 11, "COMPANY")]
    return doc


def test_a_sentence_opening_participles_founders_founded_the_main_clauses_subject():
    doc = _fronted_participle_doc()
    got = {(c.source.text, c.relation, c.target.text) for c in founder_list_relations(doc, entity_refs(doc))}
    assert got == {("Jane Roe", "founded", "Initech"), ("John Doe", "founded", "Initech")}


def test_a_company_named_inside_the_participle_is_not_the_one_founded(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Founded in 2021 by Rafe Moss and Ola Berg, a former research scientist at Globex, "
                 "the company is based in Leeds and is backed by Harrowgate Ventures.")
    assert not any(rel == "founded" and target == "Globex" for _, rel, target in got)


def test_the_founders_of_an_apposed_lab_the_parser_made_the_subject(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "In 2019 she joined Brisco Labs, the robotics lab started by Mei Tan, Ivo Lind, Sara "
                 "Bek and others with pledges of $40 million.")
    assert {("Mei Tan", "founded", "Brisco Labs"), ("Ivo Lind", "founded", "Brisco Labs"),
            ("Sara Bek", "founded", "Brisco Labs")} <= got


def test_a_founders_bare_title_is_at_the_company_the_list_says_they_founded(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "In 2019 she joined Brisco Labs, the robotics lab started by Mei Tan, Ivo Lind, Sara "
                 "Bek and others with pledges of $40 million. Tan, the chief executive, is a chemist who previously "
                 "co-founded Orvale, which Globex bought in 2014.")
    assert ("Tan", "leads", "Brisco Labs") in got
    assert ("Tan", "leads", "Orvale") not in got


def test_its_title_beside_a_founder_in_a_founding_list_is_the_founded_companys(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Tarvik was founded in 2022 by three Globex researchers: Ola Berg, its chief executive; "
                 "Nils Dahl; and Rafe Moss, who previously worked at Initech.")
    assert ("Ola Berg", "leads", "Tarvik") in got
    assert ("Ola Berg", "leads", "Globex") not in got


def test_its_title_beside_a_founder_with_a_past_employer_before_the_list(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Brisco Labs was founded in 2020 by two Hooli engineers: Mei Tan, its chief executive, "
                 "and Ivo Lind.")
    assert ("Mei Tan", "leads", "Brisco Labs") in got
    assert ("Mei Tan", "leads", "Hooli") not in got


def test_my_cofounder_is_at_the_company_the_speaker_left_to_co_found(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Q&A: Kirin Labs' Ken Sato on robots\n\nKen Sato spent eight years at Globex before "
                 "leaving in 2021 to co-found Kirin Labs, a Leeds start-up that builds robot arms.\n\nQ: Why did you "
                 "turn the buyer down?\n\nKen Sato: Because we can win alone. But my co-founder, Ada Brook, and I "
                 "concluded that we would be a product line inside somebody else's roadmap.")
    assert ("Ada Brook", "founded", "Kirin Labs") in got
