"""Coreference rules of extract/coref.py, on hand-typed parsed Docs."""
from __future__ import annotations

from extract.coref import entity_refs, load_triggers


def _token(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def _ref(doc, text, nth=0):
    ent = entity_refs(doc).entity_for(_token(doc, text, nth))
    return ent.text if ent is not None else None


def test_token_inside_entity_refers_to_it(make_doc):
    doc = make_doc("Jensen Huang runs Nvidia.", {"Jensen Huang": "PERSON", "Nvidia": "COMPANY"})
    assert _ref(doc, "Huang") == "Jensen Huang"


def test_possessive_pronoun_takes_previous_subject(make_doc):
    doc = make_doc("Microsoft is growing fast. Its investment in OpenAI paid off.",
                   {"Microsoft": "COMPANY", "OpenAI": "COMPANY"})
    assert _ref(doc, "Its") == "Microsoft"


def test_personal_pronoun_needs_a_person(make_doc):
    doc = make_doc("Microsoft hired Mustafa Suleyman. He will lead Microsoft AI.",
                   {"Microsoft": "COMPANY", "Mustafa Suleyman": "PERSON", "Microsoft AI": "COMPANY"})
    assert _ref(doc, "He") == "Mustafa Suleyman"
    doc = make_doc("Microsoft grew. He left.", {"Microsoft": "COMPANY"})
    assert _ref(doc, "He") is None


def test_definite_description_chain(make_doc):
    doc = make_doc("Microsoft is working on a model. This comes as the tech giant continues to invest, "
                   "following its investment in OpenAI.", {"Microsoft": "COMPANY", "OpenAI": "COMPANY"})
    assert _ref(doc, "giant") == "Microsoft"
    assert _ref(doc, "its") == "Microsoft"


def test_indefinite_description_is_not_resolved(make_doc):
    doc = make_doc("Microsoft grew. A company in Ohio sued.", {"Microsoft": "COMPANY"})
    assert _ref(doc, "company") is None


def test_apposition_beats_antecedent(make_doc):
    doc = make_doc("The company is leveraging data from Inflection AI, the company founded by Mustafa Suleyman.",
                   {"Inflection AI": "COMPANY", "Mustafa Suleyman": "PERSON"})
    assert _ref(doc, "company", 1) == "Inflection AI"


def test_naming_verb_and_relative_pronoun(make_doc):
    doc = make_doc("Microsoft is working on its own large language model called MAI-1, which could rival GPT-4.",
                   {"Microsoft": "COMPANY", "MAI-1": "MODEL", "GPT-4": "MODEL"})
    assert _ref(doc, "model") == "MAI-1"
    assert _ref(doc, "which") == "MAI-1"


def test_person_description_with_title(make_doc):
    doc = make_doc("Microsoft is training the model under the leadership of Mustafa Suleyman. "
                   "The co-founder of DeepMind is in charge.",
                   {"Microsoft": "COMPANY", "Mustafa Suleyman": "PERSON", "DeepMind": "COMPANY"})
    assert _ref(doc, "founder") == "Mustafa Suleyman"


def test_compound_with_entity_of_fitting_type(make_doc):
    doc = make_doc("Nvidia rose. The Redmond company fell.", {"Nvidia": "COMPANY", "Redmond": "COMPANY"})
    assert _ref(doc, "company") == "Redmond"


def test_expletive_it_refers_to_nothing(make_doc):
    doc = make_doc("Microsoft grew. It is no secret that the market is hot.", {"Microsoft": "COMPANY"})
    assert _ref(doc, "It") is None


def test_antecedent_window_is_bounded(make_doc):
    doc = make_doc("Microsoft grew. Rain fell. Snow fell. Wind blew. The company left.", {"Microsoft": "COMPANY"})
    assert _ref(doc, "company") is None


def test_triggers_have_coref_words():
    coref = load_triggers()["coref"]
    assert "company" in coref["company_nouns"] and "it" in coref["neuter_pronouns"]


def test_possessive_pronoun_is_bound_by_its_clause_subject(make_doc):
    doc = make_doc("Databricks counts Nvidia among its investors.", {"Databricks": "COMPANY", "Nvidia": "COMPANY"})
    assert _ref(doc, "its") == "Databricks"
    doc = make_doc("Amazon invested more, deepening its rivalry with Google.", {"Amazon": "COMPANY", "Google": "COMPANY"})
    assert _ref(doc, "its") == "Amazon"
    # inside a coordination the nearer company may own it
    doc = make_doc("Apple bought Acme and its patents.", {"Apple": "COMPANY", "Acme": "COMPANY"})
    assert _ref(doc, "its") == "Acme"


def test_description_matches_an_earlier_apposition(make_doc):
    doc = make_doc("Apple grew fast. Apple bought Acme, a small startup based in Ohio. Apple thrived. "
                   "The startup's founder left.", {"Apple": "COMPANY", "Acme": "COMPANY"})
    assert _ref(doc, "startup", 1) == "Acme"


def test_the_new_model_is_the_announced_one(make_doc):
    doc = make_doc("Google released Gemini on Monday. The new model is fast.", {"Google": "COMPANY", "Gemini": "MODEL"})
    assert _ref(doc, "model") == "Gemini"
    doc = make_doc("Google grew. The new company is small.", {"Google": "COMPANY"})
    assert _ref(doc, "company") is None


def test_compounded_parent_is_not_the_unit(make_doc):
    doc = make_doc("Anthropic uses Amazon Web Services and its chips designed by the Amazon unit.",
                   {"Anthropic": "COMPANY", "Amazon Web Services": "COMPANY", "Amazon": "COMPANY"})
    assert _ref(doc, "unit") == "Amazon Web Services"
    doc = make_doc("Anthropic uses chips designed by the Amazon unit.", {"Anthropic": "COMPANY", "Amazon": "COMPANY"})
    assert _ref(doc, "unit") is None


def test_name_variants_count_as_one_when_choosing_the_salient_company(make_doc):
    doc = make_doc("Mistral AI raised money. Mistral hired staff. Analysts praised Meta. The company grew.",
                   {"Mistral AI": "COMPANY", "Mistral": "COMPANY", "Meta": "COMPANY"})
    assert entity_refs(doc).salient_entity(_token(doc, "company"), ("COMPANY",)).text.startswith("Mistral")


def test_relative_pronoun_on_a_prepositional_object_refers_to_the_described_name(make_doc):
    doc = make_doc("Zorblax released Quill-9, an open model with 70 billion parameters that the startup says can match GPT-4o.",
                   {"Zorblax": "COMPANY", "Quill-9": "MODEL", "GPT-4o": "MODEL"})
    assert _ref(doc, "that") == "Quill-9"


def test_possessor_of_a_subject_is_the_topic_for_a_later_description(make_doc):
    doc = make_doc("Zorblax's chief executive, Kim Lee, took over in May, nine months after the company bought Nimbus.",
                   {"Zorblax": "COMPANY", "Kim Lee": "PERSON", "Nimbus": "COMPANY"})
    assert _ref(doc, "company") == "Zorblax"


def test_possessive_pronoun_in_a_subject_takes_the_nearest_name(make_doc):
    doc = make_doc("Property Brothers debuted on the W Network in 2011, and aired on the channel until its owner, "
                   "Corus Entertainment, decided to shift focus.",
                   {"Property Brothers": "COMPANY", "W Network": "COMPANY", "Corus Entertainment": "COMPANY"})
    assert _ref(doc, "its") == "W Network"


def test_part_named_by_its_trade_is_not_the_company(make_doc):
    doc = make_doc("Siemens bought Zorblax. Kim Lee will report to Ana Ruiz, who heads the digital industries business at Siemens.",
                   {"Siemens": "COMPANY", "Zorblax": "COMPANY", "Kim Lee": "PERSON", "Ana Ruiz": "PERSON"})
    assert _ref(doc, "business") is None


def test_relative_pronoun_subject_is_not_the_next_sentences_topic(make_doc):
    text = ("Amazon deepened its rivalry with Google over who supplies the models. "
            "The retailer put more money into Anthropic.")
    doc = make_doc(text, {"Amazon": "COMPANY", "Google": "COMPANY", "Anthropic": "COMPANY"})
    refs = entity_refs(doc)
    retailer = next(t for t in doc if t.text == "retailer")
    assert refs.entity_for(retailer).text == "Amazon"


# -- trade words ("the software company") -----------------------------------------------------

DESCRIPTORS = {"Microsoft": frozenset({"software", "redmond"}), "Google": frozenset({"search"}),
               "Apple": frozenset({"iphone"}), "Nvidia": frozenset({"chip"})}


def _with_descriptors(doc, table=DESCRIPTORS):
    from extract.gazetteer import Gazetteer

    doc.user_data["newsgraph_gazetteer"] = Gazetteer(descriptors=table, fingerprint=f"test-{id(table)}").fingerprint
    return doc


def test_trade_words_beat_the_nearer_company(make_doc):
    text = ("The deal mirrors Microsoft's arrangement with Inflection AI in March, when the software company "
            "hired its founders.")
    doc = _with_descriptors(make_doc(text, {"Microsoft": "COMPANY", "Inflection AI": "COMPANY"}))
    assert _ref(doc, "company") == "Microsoft"
    # without the table the nearest company is taken, as before
    assert _ref(make_doc(text, {"Microsoft": "COMPANY", "Inflection AI": "COMPANY"}), "company") == "Inflection AI"


def test_place_based_and_compound_trade_words(make_doc):
    doc = _with_descriptors(make_doc(
        "Microsoft and Mistral AI signed a deal. In February the Redmond-based company made an investment.",
        {"Microsoft": "COMPANY", "Mistral AI": "COMPANY"}))
    assert _ref(doc, "company") == "Microsoft"
    doc = _with_descriptors(make_doc("Nvidia and Cohere met on Monday. Cohere said the chipmaker would invest.",
                                     {"Nvidia": "COMPANY", "Cohere": "COMPANY"}))
    assert _ref(doc, "chipmaker") == "Nvidia"


def test_known_trade_of_another_company_is_not_guessed(make_doc):
    # "search" describes Google, not Microsoft, the only company before it
    doc = _with_descriptors(make_doc("Microsoft grew fast. The search company said it would hire.",
                                     {"Microsoft": "COMPANY"}))
    assert _ref(doc, "company") is None


def test_possessor_in_a_company_apposition_is_not_that_company(make_doc):
    doc = _with_descriptors(make_doc(
        "Cohere was founded in 2019. Gomez was an intern at Google Brain, the search company's research unit.",
        {"Cohere": "COMPANY", "Gomez": "PERSON", "Google Brain": "COMPANY"}))
    assert _ref(doc, "company") is None
    # a person's apposition names the person's company as usual
    doc = make_doc("Apple bought DarwinAI, a Waterloo startup, in January. Alexander Wong, the startup's co-founder, joined Apple.",
                   {"Apple": "COMPANY", "DarwinAI": "COMPANY", "Alexander Wong": "PERSON"})
    assert _ref(doc, "startup") == "DarwinAI"


def test_description_opening_a_paragraph_is_the_topic_again(make_doc):
    text = ("Mistral AI released a model. Mistral AI raised money. Mistral AI hired staff.\n\n"
            "Mistral AI counts Microsoft among its backers. Microsoft made an investment in the startup.\n\n"
            "The company competes with Anthropic.")
    doc = make_doc(text, {"Mistral AI": "COMPANY", "Microsoft": "COMPANY", "Anthropic": "COMPANY"})
    assert _ref(doc, "company") == "Mistral AI"


def test_descriptor_phrases():
    import spacy
    from extract.coref import descriptor_phrases

    nlp = spacy.blank("en")
    assert descriptor_phrases(nlp("the iPhone maker")[2]) == {"iphone"}
    assert "redmond" in descriptor_phrases(nlp("the Redmond-based company")[4])
    assert descriptor_phrases(nlp("the company")[1]) == frozenset()


def test_plural_description_names_the_latest_coordination(make_doc):
    doc = make_doc("Last week Cohere and Fujitsu announced a partnership under which Fujitsu will sell Takane, "
                   "a model the two companies are developing together.",
                   {"Cohere": "COMPANY", "Fujitsu": "COMPANY", "Takane": "MODEL"})
    refs = entity_refs(doc)
    assert [e.text for e in refs.group_for(_token(doc, "companies"))] == ["Cohere", "Fujitsu"]
    # a count that does not fit, or a singular noun, names no group
    doc = make_doc("Cohere and Fujitsu met. The three companies agreed. The company grew.",
                   {"Cohere": "COMPANY", "Fujitsu": "COMPANY"})
    refs = entity_refs(doc)
    assert refs.group_for(_token(doc, "companies")) == [] and refs.group_for(_token(doc, "company")) == []


def test_nationality_is_a_trade_word(make_doc):
    doc = _with_descriptors(make_doc(
        "Cohere and Fujitsu announced a partnership under which the Japanese company will sell the model.",
        {"Cohere": "COMPANY", "Fujitsu": "COMPANY"}), {"Fujitsu": frozenset({"japanese"}), "Cohere": frozenset({"canadian"})})
    assert _ref(doc, "company") == "Fujitsu"


def test_pronoun_in_a_relative_clause_is_not_the_clauses_noun(make_doc):
    doc = make_doc("Databricks on Wednesday released DBRX, an open model that it says outperforms Grok-1.",
                   {"Databricks": "COMPANY", "DBRX": "MODEL", "Grok-1": "MODEL"})
    assert _ref(doc, "it") == "Databricks"


def test_new_model_is_the_release_the_sentence_leads_with(make_doc):
    doc = make_doc("xAI released Grok-2 and a smaller sibling, Grok-2 mini, saying the new model ranks alongside GPT-4o.",
                   {"xAI": "COMPANY", "Grok-2": "MODEL", "Grok-2 mini": "MODEL", "GPT-4o": "MODEL"})
    assert _ref(doc, "model") == "Grok-2"
    # without a release word the nearest model is meant, as for any description
    doc = make_doc("xAI released Grok-2 and a smaller sibling, Grok-2 mini, saying the model runs on phones.",
                   {"xAI": "COMPANY", "Grok-2": "MODEL", "Grok-2 mini": "MODEL"})
    assert _ref(doc, "model") == "Grok-2 mini"


def test_description_after_a_sentence_without_companies_takes_the_main_actor(make_doc):
    text = ("Skyway Group ran Skyway. Skyway Group also ran Lakeland Air. Orbit Holdings kept a stake in Skyway Group. "
            "The route network covered 47 states. The company merged with Meridian Corporation in 2013.")
    doc = make_doc(text, {"Skyway Group": "COMPANY", "Skyway": "COMPANY", "Lakeland Air": "COMPANY",
                          "Orbit Holdings": "COMPANY", "Meridian Corporation": "COMPANY"})
    assert _ref(doc, "company") == "Skyway Group"


def test_description_after_a_sentence_without_a_company_subject_takes_the_company_it_brought_in(make_doc):
    text = ("Nimbus hired Jane Roe in 2010. Nimbus grew. She left Nimbus in 2018 to found Zorblax. "
            "The company, backed by Acme Ventures, shipped its first chip in 2020.")
    doc = make_doc(text, {"Nimbus": "COMPANY", "Zorblax": "COMPANY", "Acme Ventures": "COMPANY", "Jane Roe": "PERSON"})
    assert _ref(doc, "company") == "Zorblax"


def test_pronoun_skips_names_inside_another_relative_clause(make_doc):
    text = ("Zorblax, which is backed by Acme Ventures and Nimbus, is pitching Quill at banks, "
            "putting it in direct competition with Mistral AI.")
    doc = make_doc(text, {"Zorblax": "COMPANY", "Acme Ventures": "COMPANY", "Nimbus": "COMPANY", "Mistral AI": "COMPANY"})
    assert _ref(doc, "it") == "Zorblax"


def test_a_description_of_another_kind_is_not_an_institution_named_by_its_noun(make_doc):
    ents = {"Carrow City College": "ORGANIZATION", "Leroy Smith": "PERSON"}
    doc = make_doc("Leroy Smith attended Carrow City College. In 1955 Leroy Smith joined the group.", ents)
    assert _ref(doc, "group") is None
    # the institution's own noun, or a word for any organisation, still names it
    doc = make_doc("Leroy Smith attended Carrow City College. In 1955 Leroy Smith left the college.", ents)
    assert _ref(doc, "college") == "Carrow City College"


def test_a_possessive_pronoun_after_a_possessor_named_in_passing_is_the_subjects(make_doc):
    ents = {"Orrin Dyer": "PERSON", "Tobin Reyd": "PERSON", "Zorblax": "COMPANY"}
    doc = make_doc("In 2015, Orrin Dyer was appointed as Tobin Reyd's assistant coach, alongside his roles at Zorblax.", ents)
    assert _ref(doc, "his") == "Orrin Dyer"
