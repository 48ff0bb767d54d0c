"""Relation rules of extract/relations.py: one small text per rule, plus negatives."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

E = {
    "Microsoft": "COMPANY", "OpenAI": "COMPANY", "Google": "COMPANY", "Meta": "COMPANY", "Nvidia": "COMPANY",
    "Inflection AI": "COMPANY", "Inflection": "COMPANY", "DeepMind": "COMPANY", "Microsoft AI": "COMPANY",
    "Activision": "COMPANY", "Alphabet": "COMPANY", "Amazon": "COMPANY", "Anthropic": "COMPANY", "Apple": "COMPANY",
    "Jensen Huang": "PERSON", "Mustafa Suleyman": "PERSON", "Sulayman": "PERSON", "Sam Altman": "PERSON",
    "GPT-4": "MODEL", "Claude": "MODEL", "MAI-1": "MODEL", "Gemini": "MODEL", "Phi-3 Mini": "MODEL", "GPT-3.5": "MODEL",
    "ChatGPT": "MODEL", "Paris": "PLACE",
}


def triples(make_doc, text, ents=None):
    doc = make_doc(text, ents or {k: v for k, v in E.items() if k in text})
    return {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t1")}


def relations(make_doc, text):
    doc = make_doc(text, {k: v for k, v in E.items() if k in text})
    return list(find_relations(doc, "t1"))


# -- titles ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Nvidia's CEO Jensen Huang spoke on Monday.",
    "Jensen Huang, Nvidia's chief executive, spoke on Monday.",
    "CEO Jensen Huang of Nvidia spoke on Monday.",
    "Jensen Huang is the CEO of Nvidia.",
])
def test_title_gives_leads(make_doc, text):
    assert ("Jensen Huang", "leads", "Nvidia") in triples(make_doc, text)


def test_conjoined_appositions_give_two_relations(make_doc):
    got = triples(make_doc, "Mustafa Suleyman, DeepMind co-founder and former CEO of Inflection AI, joined Microsoft.")
    assert {("Mustafa Suleyman", "founded", "DeepMind"), ("Mustafa Suleyman", "leads", "Inflection AI"),
            ("Mustafa Suleyman", "works_for", "Microsoft")} <= got


def test_title_subject_without_person_uses_coreference(make_doc):
    got = triples(make_doc, "Microsoft trains the model under the leadership of Mustafa Suleyman. "
                            "The co-founder of DeepMind and new head of Microsoft AI is in charge.")
    assert {("Mustafa Suleyman", "founded", "DeepMind"), ("Mustafa Suleyman", "leads", "Microsoft AI")} <= got


def test_researcher_title_gives_works_for(make_doc):
    assert ("Sam Altman", "works_for", "Google") in triples(make_doc, "Sam Altman, a researcher at Google, spoke.")


# -- possessives -------------------------------------------------------------------------------
@pytest.mark.parametrize("text,company,model", [
    ("OpenAI's GPT-4 is large.", "OpenAI", "GPT-4"),
    ("It can compete with Google's Gemini.", "Google", "Gemini"),
    ("It beats Microsoft's own Phi-3 Mini.", "Microsoft", "Phi-3 Mini"),
])
def test_possessive_model_gives_develops(make_doc, text, company, model):
    assert (company, "develops", model) in triples(make_doc, text)


def test_division_gives_part_of(make_doc):
    assert ("DeepMind", "part_of", "Alphabet") in triples(make_doc, "DeepMind, a unit of Alphabet, released a paper.")
    assert ("DeepMind", "part_of", "Alphabet") in triples(make_doc, "Alphabet's DeepMind unit released a paper.")


# -- verbs -------------------------------------------------------------------------------------
def test_active_and_passive_develops(make_doc):
    assert ("Microsoft", "develops", "MAI-1") in triples(make_doc, "Microsoft is developing MAI-1.")
    assert ("Microsoft", "develops", "MAI-1") in triples(make_doc, "MAI-1 is a model developed by Microsoft.")
    assert ("Microsoft", "develops", "MAI-1") in triples(make_doc, "MAI-1 is a large language model under development by Microsoft.")


def test_investment_through_possessive_pronoun(make_doc):
    got = triples(make_doc, "Microsoft is betting on AI. The tech giant continues to invest, following its investment in OpenAI.")
    assert ("Microsoft", "invests_in", "OpenAI") in got


def test_acquisition_active_passive_and_nominal(make_doc):
    assert ("Microsoft", "acquires", "Activision") in triples(make_doc, "Microsoft agreed to buy Activision.")
    assert ("Microsoft", "acquires", "Activision") in triples(make_doc, "Activision was acquired by Microsoft.")
    assert ("Microsoft", "acquires", "Activision") in triples(make_doc, "Microsoft will take over Activision.")


def test_licensing_payee_is_licensor(make_doc):
    got = triples(make_doc, "Microsoft agreed to pay $650 million to Inflection to license its AI software.")
    assert ("Microsoft", "licenses_from", "Inflection") in got
    assert ("Inflection", "licenses_from", "Microsoft") not in got


def test_partnership_between(make_doc):
    got = triples(make_doc, "The initial collaboration between Microsoft and OpenAI was a milestone.")
    assert ("Microsoft", "partners_with", "OpenAI") in got


def test_competition_with_coordination(make_doc):
    got = triples(make_doc, "It allows the company to compete with other tech giants like Google and Meta.",
                  {"Google": "COMPANY", "Meta": "COMPANY", "Microsoft": "COMPANY"})
    # "the company" has no antecedent here: no edge may invent one
    assert not got
    got = triples(make_doc, "Microsoft grew fast. It allows the company to compete with other tech giants like Google and Meta.")
    assert {("Microsoft", "competes_with", "Google"), ("Microsoft", "competes_with", "Meta")} <= got


def test_model_rivalry_through_relative_clause(make_doc):
    got = triples(make_doc, "Microsoft is working on its own model called MAI-1, which could rival the likes of GPT-4 and Claude.")
    assert {("MAI-1", "competes_with", "GPT-4"), ("MAI-1", "competes_with", "Claude")} <= got


def test_founded_by_in_relative_clause(make_doc):
    got = triples(make_doc, "The data comes from Inflection AI, the company founded by Sulayman.")
    assert ("Sulayman", "founded", "Inflection AI") in got


def test_hired_to_lead(make_doc):
    got = triples(make_doc, "Microsoft hired Mustafa Suleyman to lead Microsoft AI.")
    assert {("Mustafa Suleyman", "works_for", "Microsoft"), ("Mustafa Suleyman", "leads", "Microsoft AI")} <= got


def test_experience_at(make_doc):
    got = triples(make_doc, "Mustafa Suleyman brings his previous experience at Google to the job.")
    assert ("Mustafa Suleyman", "works_for", "Google") in got


# -- negatives ---------------------------------------------------------------------------------
def test_negation_gives_nothing(make_doc):
    assert not triples(make_doc, "Microsoft is not about to cut ties with OpenAI anytime soon.")
    assert not triples(make_doc, "Microsoft did not acquire Activision.")
    assert not triples(make_doc, "Microsoft never invested in OpenAI.")


def test_hedging_lowers_confidence(make_doc):
    plain = relations(make_doc, "Microsoft acquired Activision.")
    hedged = relations(make_doc, "Microsoft could acquire Activision.")
    assert plain and hedged
    assert hedged[0].confidence < plain[0].confidence


def test_wrong_types_give_nothing(make_doc):
    # develops needs company -> model; competes_with needs the same type on both ends
    assert not triples(make_doc, "Microsoft is developing Paris.")
    assert not triples(make_doc, "GPT-4 competes with Google.")
    assert not triples(make_doc, "Jensen Huang acquired Nvidia.")


def test_no_self_loop(make_doc):
    assert not triples(make_doc, "Microsoft competes with Microsoft.")


def test_distant_entities_are_not_related(make_doc):
    got = triples(make_doc, "Microsoft reported earnings on Tuesday, while analysts in Paris discussed Nvidia and the weather.")
    assert not got


def test_evidence_is_the_sentence(make_doc):
    text = "Apple grew. Amazon invested in Anthropic."
    rel = relations(make_doc, text)[0]
    assert (rel.source.text, rel.relation, rel.target.text) == ("Amazon", "invests_in", "Anthropic")
    assert text[rel.evidence.start: rel.evidence.end] == rel.evidence.sentence == "Amazon invested in Anthropic."
    assert 0 < rel.confidence <= 1 and rel.rule
