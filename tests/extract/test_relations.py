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
    hedged = relations(make_doc, "Microsoft reportedly acquired Activision.")
    assert plain and hedged
    assert hedged[0].confidence < plain[0].confidence
    # a purchase that only could happen is none, as its deal (extract.modality.deal_modality)
    assert not relations(make_doc, "Microsoft could acquire Activision.")


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


# -- funding rounds ----------------------------------------------------------------------------
FUNDS = {"Acme Robotics": "COMPANY", "Birch Capital": "COMPANY", "Cedar Partners": "COMPANY", "Dune Ventures": "COMPANY",
         "Elm Fund": "COMPANY", "Fir Labs": "COMPANY"}


@pytest.mark.parametrize("text", [
    "Acme Robotics raised $50 million in a round led by Birch Capital, with participation from Cedar Partners and Dune Ventures.",
    "Acme Robotics closed a $50 million Series B round led by Birch Capital that included Cedar Partners and Dune Ventures.",
    "Acme Robotics raised $50 million from investors including Birch Capital, Cedar Partners and Dune Ventures.",
])
def test_round_investors_invest_in_the_raiser(make_doc, text):
    got = triples(make_doc, text, FUNDS)
    assert {("Birch Capital", "invests_in", "Acme Robotics"), ("Cedar Partners", "invests_in", "Acme Robotics"),
            ("Dune Ventures", "invests_in", "Acme Robotics")} <= got


def test_participants_named_after_the_raise(make_doc):
    got = triples(make_doc, "Acme Robotics raised $50 million in a round led by Birch Capital. "
                            "Cedar Partners and Dune Ventures also took part.", FUNDS)
    assert {("Cedar Partners", "invests_in", "Acme Robotics"), ("Dune Ventures", "invests_in", "Acme Robotics")} <= got


def test_participation_without_a_raise_gives_nothing(make_doc):
    assert not triples(make_doc, "Cedar Partners and Dune Ventures also took part in the debate.", FUNDS)
    assert not triples(make_doc, "Acme Robotics raised concerns. Dune Ventures also took part.", FUNDS)


def test_counts_among_investors_and_investor_apposition(make_doc):
    assert ("Birch Capital", "invests_in", "Acme Robotics") in triples(
        make_doc, "Acme Robotics counts Birch Capital among its investors.", FUNDS)
    assert ("Birch Capital", "invests_in", "Acme Robotics") in triples(
        make_doc, "Birch Capital, Acme Robotics's largest investor, will sell shares.", FUNDS)


# -- memberships, models and parents ---------------------------------------------------------------
def test_positioned_as_a_rival(make_doc):
    got = triples(make_doc, "Musk has positioned Acme Robotics as a rival to Fir Labs.", FUNDS)
    assert ("Acme Robotics", "competes_with", "Fir Labs") in got


@pytest.mark.parametrize("text", [
    "Google's newest models include Gemini and Claude.",
    "Google updated its smaller models, Gemini and Claude.",
])
def test_owned_model_descriptions_give_develops(make_doc, text):
    got = triples(make_doc, text)
    assert {("Google", "develops", "Gemini"), ("Google", "develops", "Claude")} <= got


def test_model_from_company(make_doc):
    got = triples(make_doc, "The app runs MAI-1, a model from Microsoft.")
    assert ("Microsoft", "develops", "MAI-1") in got


def test_owned_by_and_named_parent(make_doc):
    ents = {"Dune Ventures": "COMPANY", "Acme Robotics": "COMPANY", "Google DeepMind": "COMPANY", "Google": "COMPANY"}
    assert ("Dune Ventures", "part_of", "Acme Robotics") in triples(
        make_doc, "Dune Ventures, the venture firm owned by Acme Robotics, invested early.", ents)
    assert ("Google DeepMind", "part_of", "Google") in triples(
        make_doc, "Google DeepMind, Google's main research lab, published a paper.", ents)


def test_name_variants_are_not_parents(make_doc):
    assert not triples(make_doc, "Inflection AI, a unit of Inflection, grew.")


# -- competition ---------------------------------------------------------------------------------
def test_rivalry_noun_and_comparison_verbs(make_doc):
    got = triples(make_doc, "Amazon invested more, deepening its rivalry with Microsoft and Google.")
    assert {("Amazon", "competes_with", "Microsoft"), ("Amazon", "competes_with", "Google")} <= got
    assert ("Gemini", "competes_with", "GPT-4") in triples(make_doc, "Gemini comes close to GPT-4 on code.")
    got = triples(make_doc, "OpenAI benchmarked GPT-4 against Claude and Gemini.")
    assert {("GPT-4", "competes_with", "Claude"), ("GPT-4", "competes_with", "Gemini")} <= got


def test_coordinated_prepositions_and_competition_phrase(make_doc):
    got = triples(make_doc, "Apple competes with Google in phones, and with Amazon in speakers.")
    assert {("Apple", "competes_with", "Google"), ("Apple", "competes_with", "Amazon")} <= got
    got = triples(make_doc, "The deal puts Apple in closer competition with Google.")
    assert ("Apple", "competes_with", "Google") in got


# -- people --------------------------------------------------------------------------------------
def test_conjoined_titles_share_the_company(make_doc):
    got = triples(make_doc, "Sam Altman, Nvidia's founder and chief executive, spoke.")
    assert {("Sam Altman", "founded", "Nvidia"), ("Sam Altman", "leads", "Nvidia")} <= got


def test_bare_title_takes_the_article_company(make_doc):
    got = triples(make_doc, "Nvidia released a chip on Monday. Jensen Huang, the chief executive, said demand was strong.")
    assert ("Jensen Huang", "leads", "Nvidia") in got
    assert not triples(make_doc, "Jensen Huang, the chief executive, said demand was strong.")


def test_work_at_a_part_of_a_company(make_doc):
    got = triples(make_doc, "Sam Altman and Jensen Huang were researchers at Google's Paris lab.")
    assert {("Sam Altman", "works_for", "Google"), ("Jensen Huang", "works_for", "Google")} <= got
    got = triples(make_doc, "Sam Altman, a former head of Google's advertising business, joined Nvidia.")
    assert ("Sam Altman", "works_for", "Google") in got and ("Sam Altman", "leads", "Google") not in got


def test_relative_clause_of_coordinated_people(make_doc):
    got = triples(make_doc, "Anthropic was founded by Sam Altman and Jensen Huang, who both worked at OpenAI.")
    assert {("Sam Altman", "works_for", "OpenAI"), ("Jensen Huang", "works_for", "OpenAI")} <= got


def test_person_of_company(make_doc):
    assert ("Sam Altman", "works_for", "Nvidia") in triples(make_doc, '"It is early," said Sam Altman of Nvidia.')


# -- partnerships and licences -------------------------------------------------------------------
def test_conjoined_subjects_announce_a_partnership(make_doc):
    got = triples(make_doc, "Last week Apple and Nvidia announced a strategic partnership.")
    assert ("Apple", "partners_with", "Nvidia") in got
    assert ("Apple", "partners_with", "OpenAI") in triples(make_doc, "Apple brings ChatGPT to phones in partnership with OpenAI.")


def test_companies_working_together(make_doc):
    assert ("Apple", "partners_with", "Microsoft") in triples(make_doc, "Apple works with Microsoft on an assistant.")
    assert not triples(make_doc, "Sam Altman works with Microsoft.") - {("Sam Altman", "works_for", "Microsoft")}


def test_licence_to_a_company_technology(make_doc):
    got = triples(make_doc, "Amazon hired its staff and took a licence to Anthropic's technology.")
    assert ("Amazon", "licenses_from", "Anthropic") in got


def test_picked_up_a_company(make_doc):
    assert ("Nvidia", "acquires", "Inflection") in triples(make_doc, "In May Nvidia picked up Inflection for an undisclosed sum.")


def test_dateline_is_not_the_subject(make_doc):
    got = triples(make_doc, "PARIS, July 24, 2024 — Google on Wednesday released Gemini, a model for code.")
    assert ("Google", "develops", "Gemini") in got


# -- surface lists, possessives and relative clauses the parser gets wrong ------------------------
LIST_ENTS = {"Zorblax": "COMPANY", "Quill-9": "MODEL", "OpenAI": "COMPANY", "GPT-4o": "MODEL", "Anthropic": "COMPANY",
             "Claude": "MODEL", "Google": "COMPANY", "Gemini": "MODEL", "Meta": "COMPANY", "Llama": "MODEL",
             "Microsoft": "COMPANY", "Activision": "COMPANY", "Sam Altman": "PERSON"}


def _list_triples(make_doc, text):
    return triples(make_doc, text, {k: v for k, v in LIST_ENTS.items() if k in text})


def test_listed_possessed_names_each_compete(make_doc):
    got = _list_triples(make_doc, "Zorblax released Quill-9, an open model with 70 billion parameters that the startup says "
                                  "can match rival systems, including OpenAI's GPT-4o and Anthropic's Claude.")
    assert {("Quill-9", "competes_with", "GPT-4o"), ("Quill-9", "competes_with", "Claude"),
            ("Anthropic", "develops", "Claude"), ("OpenAI", "develops", "GPT-4o")} <= got


def test_plural_copula_description_names_the_whole_list(make_doc):
    got = _list_triples(make_doc, "Google's Gemini and Meta's Llama were the other systems against which Anthropic benchmarked Claude.")
    pairs = {frozenset((s, t)) for s, r, t in got if r == "competes_with"}
    assert {frozenset(("Gemini", "Claude")), frozenset(("Llama", "Claude"))} <= pairs


def test_names_in_different_clauses_are_not_a_list(make_doc):
    got = _list_triples(make_doc, "Microsoft bought Activision last year, and Google invested in Anthropic.")
    assert ("Microsoft", "acquires", "Google") not in got
    assert ("Activision", "invests_in", "Anthropic") not in got


def test_relative_clause_after_a_list_takes_the_last_name(make_doc):
    got = _list_triples(make_doc, "The release escalates the competition between Meta and OpenAI, whose chief executive "
                                  "Sam Altman has argued against open models.")
    assert ("Sam Altman", "leads", "OpenAI") in got
    assert ("Sam Altman", "leads", "Meta") not in got


def test_full_stop_inside_a_name_does_not_end_the_sentence():
    import spacy

    import extract.components  # noqa: F401  (registers newsgraph_line_breaks)

    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_line_breaks")
    doc = nlp("They left to start Character.AI in 2021.\nNext line.")
    ai = next(t for t in doc if t.text == "AI")
    assert doc[ai.i - 1].text == "." and ai.is_sent_start is False
    assert next(t for t in doc if t.text == "Next").is_sent_start


# -- model rivalry the parser or a pronoun hides ------------------------------------------------------
def test_pronoun_that_rivals_a_model_is_the_model(make_doc):
    got = _list_triples(make_doc, "Its flagship, Quill-9, is a large model, and the company says it rivals OpenAI's GPT-4o on legal tasks.")
    assert ("Quill-9", "competes_with", "GPT-4o") in got
    assert ("Zorblax", "competes_with", "GPT-4o") not in got


def test_pronoun_rival_of_a_company_stays_the_company(make_doc):
    got = _list_triples(make_doc, "Zorblax released Quill-9 on Monday, and it rivals Anthropic in enterprise sales.")
    assert ("Zorblax", "competes_with", "Anthropic") in got


def test_name_set_off_by_commas_is_the_subject_of_a_bare_verb(make_doc):
    got = _list_triples(make_doc, "Zorblax says the largest, Quill-9, outperforms OpenAI's GPT-4o and Google's Gemini on most tests.")
    assert {("Quill-9", "competes_with", "GPT-4o"), ("Quill-9", "competes_with", "Gemini")} <= got


def test_trigger_verb_tagged_as_a_noun_between_names(make_doc):
    doc = make_doc("On coding tests, the company said, Quill-9 matches Llama and comes close to OpenAI's GPT-4o.",
                   {k: v for k, v in LIST_ENTS.items() if k in ("Quill-9", "Llama", "OpenAI", "GPT-4o")})
    got = {(r.source.text, r.relation, r.target.text) for r in find_relations(doc, "t1")}
    assert {("Quill-9", "competes_with", "GPT-4o"), ("Quill-9", "competes_with", "Llama")} <= got


def test_verb_read_as_noun_on_a_hand_tagged_doc():
    import spacy
    from spacy.tokens import Span

    from extract.coref import entity_refs
    from extract.relations.core import _verb_read_as_noun

    doc = spacy.blank("en")("Quill-9 matches Llama")
    doc[1].pos_, doc[1].tag_ = "NOUN", "NNS"
    doc.ents = [Span(doc, 0, 1, label="MODEL"), Span(doc, 2, 3, label="MODEL")]
    assert _verb_read_as_noun(doc[1], entity_refs(doc)).text == "Quill-9"
    doc = spacy.blank("en")("Quill-9 tests Llama")
    doc[1].pos_, doc[1].tag_ = "NOUN", "NNS"
    doc.ents = [Span(doc, 0, 1, label="MODEL"), Span(doc, 2, 3, label="MODEL")]
    assert _verb_read_as_noun(doc[1], entity_refs(doc)) is None


# -- people: titles around a name, co-founders, joining a part of a company -------------------------
PEOPLE_ENTS = {"Zorblax": "COMPANY", "Kim Lee": "PERSON", "Ana Ruiz": "PERSON", "Bo Chen": "PERSON", "Apple": "COMPANY",
               "Nimbus": "COMPANY", "Waterloo": "PLACE", "Ontario": "PLACE", "OpenAI": "COMPANY"}


def _people(make_doc, text):
    return triples(make_doc, text, {k: v for k, v in PEOPLE_ENTS.items() if k in text})


@pytest.mark.parametrize("text", [
    "Kim Lee, Zorblax's co-founder and former chief executive, now runs research at Apple.",
    "Zorblax grew fast. Its chief executive and co-founder, Kim Lee, will stay on.",
])
def test_listed_titles_around_a_name_each_count(make_doc, text):
    got = _people(make_doc, text)
    assert {("Kim Lee", "founded", "Zorblax"), ("Kim Lee", "leads", "Zorblax")} <= got


def test_three_word_title_after_a_possessor(make_doc):
    got = _people(make_doc, 'The "z" stands for "zero", said Kim Lee, Zorblax\'s chief technology officer, who led the event.')
    assert ("Kim Lee", "works_for", "Zorblax") in got


def test_co_founded_with_names_the_other_founders(make_doc):
    got = _people(make_doc, "Kim Lee co-founded Zorblax in 2015 with Ana Ruiz, Bo Chen and others.")
    assert {("Ana Ruiz", "founded", "Zorblax"), ("Bo Chen", "founded", "Zorblax")} <= got


def test_joining_a_part_of_a_company_is_working_for_it(make_doc):
    assert ("Kim Lee", "works_for", "Apple") in _people(make_doc, "Kim Lee joined Apple's machine-learning group after the deal.")


def test_description_written_after_a_name_guides_a_later_description(make_doc):
    got = _people(make_doc, "In January Apple bought Nimbus, a Waterloo, Ontario, startup that makes vision systems. "
                            "Kim Lee, the startup's co-founder, joined Apple's machine-learning group after the deal.")
    assert ("Kim Lee", "founded", "Nimbus") in got
    assert ("Kim Lee", "founded", "Apple") not in got


def test_owned_model_description_that_beats_models_is_the_model(make_doc):
    got = _list_triples(make_doc, "Zorblax releases Quill-9, says its open model beats Llama and Gemini")
    assert ("Quill-9", "competes_with", "Llama") in got
    assert ("Zorblax", "competes_with", "Llama") not in got


def test_suffix_word_left_out_of_a_name_still_names_it(make_doc):
    got = triples(make_doc, "Zorblax AI, a London startup, has raised $40m in a Series B round led by Nimbus Capital.",
                  {"Zorblax": "COMPANY", "Nimbus Capital": "COMPANY", "London": "PLACE"})
    assert ("Nimbus Capital", "invests_in", "Zorblax") in got


# -- constructions of round 3: rivals' products, stakes, leaving, licensing, object descriptions ------
MORE_ENTS = {"Zorblax": "COMPANY", "Nimbus": "COMPANY", "Apple": "COMPANY", "OpenAI": "COMPANY", "Google": "COMPANY",
             "Samsung": "COMPANY", "Gemini": "MODEL", "Nvidia": "COMPANY", "Mistral AI": "COMPANY", "Cohere": "COMPANY",
             "Databricks": "COMPANY", "AMD": "COMPANY", "Kim Lee": "PERSON", "Anthropic": "COMPANY", "Amazon": "COMPANY"}


def _more(make_doc, text):
    return triples(make_doc, text, {k: v for k, v in MORE_ENTS.items() if k in text})


def _pairs(got, relation):
    return {frozenset((s, t)) for s, r, t in got if r == relation}


def test_rivals_named_by_their_products(make_doc):
    got = _more(make_doc, "Zorblax competes with Samsung, whose phones run Gemini, and with Google's own Pixel line.")
    assert {frozenset(("Zorblax", "Samsung")), frozenset(("Zorblax", "Google"))} <= _pairs(got, "competes_with")
    got = _more(make_doc, "AMD's accelerators compete with Nvidia's chips in data centres.")
    assert frozenset(("AMD", "Nvidia")) in _pairs(got, "competes_with")


def test_stakes_in_companies_named_after_among_them(make_doc):
    got = _more(make_doc, "Nvidia holds stakes in dozens of AI startups, among them Mistral AI and Cohere.")
    assert {("Nvidia", "invests_in", "Mistral AI"), ("Nvidia", "invests_in", "Cohere")} <= got


def test_stake_in_which_refers_to_the_name_before_the_comma(make_doc):
    got = _more(make_doc, "Databricks has a partnership with Mistral AI, in which it also holds a small stake.")
    assert ("Databricks", "invests_in", "Mistral AI") in got


def test_leaving_one_company_for_another(make_doc):
    got = _more(make_doc, "Kim Lee left Google for OpenAI in 2021.")
    assert {("Kim Lee", "works_for", "Google"), ("Kim Lee", "works_for", "OpenAI")} <= got


def test_licensing_the_technology_of_a_company(make_doc):
    got = _more(make_doc, "Google has agreed to license the technology of Nimbus and hire its founders.")
    assert ("Google", "licenses_from", "Nimbus") in got


def test_object_description_is_not_its_clause_subject(make_doc):
    got = _more(make_doc, "Anthropic makes Claude. Amazon is not Anthropic's only backer, and Anthropic grew fast. "
                          "Google agreed in October to invest up to $2 billion in the company.")
    assert ("Google", "invests_in", "Anthropic") in got
    assert not any(s == "Google" and r == "invests_in" and t == "Amazon" for s, r, t in got)


def test_verb_read_as_noun_before_its_preposition():
    import spacy
    from spacy.tokens import Span

    from extract.coref import entity_refs
    from extract.relations.core import _verb_noun_relations

    doc = spacy.blank("en")("Apple competes with Samsung")
    heads, deps = [1, 1, 1, 2], ["compound", "ROOT", "prep", "pobj"]
    for tok, head, dep in zip(doc, heads, deps):
        tok.head, tok.dep_ = doc[head], dep
    doc[1].pos_, doc[1].tag_ = "NOUN", "NNS"
    doc.ents = [Span(doc, 0, 1, label="COMPANY"), Span(doc, 3, 4, label="COMPANY")]
    got = {(c.source.text, c.relation, c.target.text) for c in _verb_noun_relations(doc[1], entity_refs(doc))}
    assert got == {("Apple", "competes_with", "Samsung")}


def test_plural_title_with_a_count_names_each_listed_person(make_doc):
    got = _people(make_doc, "Apple agreed to hire the chatbot startup Zorblax's two founders, Kim Lee and Ana Ruiz, on Friday.")
    assert {("Kim Lee", "founded", "Zorblax"), ("Ana Ruiz", "founded", "Zorblax")} <= got


def test_three_word_title_in_an_apposition_with_an_adverb(make_doc):
    got = _people(make_doc, "Zorblax has recruited Kim Lee, formerly chief data officer at Nimbus, as chief operating officer.")
    assert ("Kim Lee", "works_for", "Nimbus") in got


def test_company_develops_a_model_whose_name_starts_with_its_own(make_doc):
    got = triples(make_doc, "Mistral grew. Its smaller models, including Mixtral 8x22B and the 7B-parameter Mistral 7B, remain popular.",
                   {"Mistral": "COMPANY", "Mixtral 8x22B": "MODEL", "Mistral 7B": "MODEL"})
    assert ("Mistral", "develops", "Mistral 7B") in got


def test_models_listed_after_include(make_doc):
    got = triples(make_doc, "Google grew. Its newest models include Gemini 1.5 Pro and Gemma 2, an open model released in 27B and 9B sizes.",
                  {"Google": "COMPANY", "Gemini 1.5 Pro": "MODEL", "Gemma 2": "MODEL"})
    assert {("Google", "develops", "Gemini 1.5 Pro"), ("Google", "develops", "Gemma 2")} <= got


def test_unowned_role_list_holds_its_role_towards_the_sentence_subject(make_doc):
    got = _more(make_doc, "Zorblax restricts its use by large companies, a clause aimed at rivals such as Google and Nimbus.")
    assert {frozenset(("Google", "Zorblax")), frozenset(("Nimbus", "Zorblax"))} <= _pairs(got, "competes_with")


def test_unowned_partner_list_after_a_model_subject_takes_the_article_company(make_doc):
    got = _more(make_doc, "Zorblax released Quill-9 on Tuesday. The model is available through partners including Nimbus, Apple and OpenAI.")
    assert {frozenset(("Nimbus", "Zorblax")), frozenset(("Apple", "Zorblax")), frozenset(("OpenAI", "Zorblax"))} <= _pairs(got, "partners_with")


def test_owned_role_list_is_left_to_its_owner(make_doc):
    got = _more(make_doc, "Zorblax grew fast, while Nimbus counts rivals of Apple such as Google among its clients.")
    assert frozenset(("Google", "Zorblax")) not in _pairs(got, "competes_with")


def test_past_tense_read_as_reduced_relative_keeps_its_subject(make_doc):
    got = triples(make_doc, "Next47, the venture capital firm owned by Siemens, invested in Kestrel in 2022, and the two have "
                            "tested the software.", {"Next47": "COMPANY", "Siemens": "COMPANY", "Kestrel": "COMPANY"})
    assert ("Next47", "invests_in", "Kestrel") in got


def test_container_lists_through_a_lower_including_phrase_only_its_own_type(make_doc):
    got = triples(make_doc, "Zorblax builds custom models for clients and has released open models for Nordic languages, "
                            "including Poro, a 34B model.", {"Zorblax": "COMPANY", "Poro": "MODEL"})
    assert ("Zorblax", "develops", "Poro") in got
    got = triples(make_doc, "Zorblax has released open models for banks, including Nimbus.", {"Zorblax": "COMPANY", "Nimbus": "COMPANY"})
    assert not any(r == "develops" for _, r, _ in got)


def test_a_lines_second_word_does_not_start_a_sentence():
    # after a one-word line (a section label), the parser split the next line's name after its first word
    import spacy

    from extract.components import line_breaks

    doc = line_breaks(spacy.blank("en")("Obituaries\n\nHarold Brenner, a founder of Quillon, died.\nRobots. Isaac Q7 ships."))
    word = {t.text: t for t in doc}
    assert word["Harold"].is_sent_start is True and word["Brenner"].is_sent_start is False
    # only a line's second word: "Robots." is a sentence of its own, and what follows it is the parser's to decide
    assert word["Robots"].is_sent_start is True and word["Isaac"].is_sent_start is None
