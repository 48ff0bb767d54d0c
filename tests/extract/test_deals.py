"""Deal frames and model sizes over parsed sentences with hand-typed entities (``make_doc``)."""
from __future__ import annotations

import json

import pytest

from extract.deals import KEEP_CONFIDENCE, find_attributes, find_deals, load_triggers
from extract.records import DEAL_KINDS, DEAL_ROLES, Article

C, M, P = "COMPANY", "MODEL", "PERSON"


def deals(make_doc, text, ents, date=None):
    doc = make_doc(text, ents)
    return list(find_deals(doc, Article(id="t", text=text, date=date)))


def kept(found):
    return [d for d in found if d.confidence >= KEEP_CONFIDENCE]


def test_trigger_file_uses_schema_kinds_and_roles():
    triggers = load_triggers()
    for section in ("verbs", "nouns"):
        for word, frame in triggers[section].items():
            assert frame["kind"] in DEAL_KINDS, word
            named = [frame.get(k) for k in ("subject", "object", "owner", "compound", "passive_subject")]
            named += list(frame.get("preps", {}).values()) + list(frame.get("acl", {}).values())
            assert all(r in DEAL_ROLES for r in named if r), word


def test_seed_licensing_sentence_is_one_licensing_deal(make_doc):
    text = ("After hiring the British researcher in March, Microsoft acquired all of the staff and agreed "
            "to pay $650 million to Inflection to license its AI software.")
    found = kept(deals(make_doc, text, {"Microsoft": C, "Inflection": C}))
    assert len(found) == 1  # "acquired all of the staff" is no acquisition: staff is not a company
    deal = found[0]
    assert deal.kind == "licensing"
    assert deal.roles == {("Microsoft", "licensee"), ("Inflection", "licensor")}
    assert deal.amount_usd == 650_000_000
    assert deal.date is None  # "in March" dates the hiring, and there is no article date
    assert deal.evidence.sentence == text


def test_possessive_pronoun_investor_without_amount(make_doc):
    text = ("Microsoft is betting big on AI. This comes as the tech giant continues to invest heavily in AI, "
            "following its multi-billion dollar investment in OpenAI.")
    found = kept(deals(make_doc, text, {"Microsoft": C, "OpenAI": C}))
    assert [(d.kind, d.roles, d.amount_usd) for d in found] == [
        ("investment", {("Microsoft", "investor"), ("OpenAI", "investee")}, None)]


def test_hypothetical_partnership_is_below_the_keep_threshold(make_doc):
    text = "Like Meta, Microsoft may need to partner with a company like Nvidia to acquire the hardware."
    found = deals(make_doc, text, {"Meta": C, "Microsoft": C, "Nvidia": C})
    assert kept(found) == []


def test_negated_acquisition_is_below_the_keep_threshold(make_doc):
    found = deals(make_doc, "Microsoft did not acquire OpenAI.", {"Microsoft": C, "OpenAI": C})
    assert kept(found) == []
    assert all(d.confidence < KEEP_CONFIDENCE for d in found)


def test_ongoing_relationship_noun_is_not_a_kept_deal(make_doc):
    text = "The initial collaboration between Microsoft and OpenAI was a milestone."
    found = deals(make_doc, text, {"Microsoft": C, "OpenAI": C})
    assert kept(found) == []


def test_announced_partnership_is_a_deal(make_doc):
    found = kept(deals(make_doc, "Google and Anthropic announced a new partnership on Monday.",
                       {"Google": C, "Anthropic": C}, date="2024-05-08"))
    assert [(d.kind, d.roles, d.date) for d in found] == [
        ("partnership", {("Google", "partner"), ("Anthropic", "partner")}, "2024-05-06")]


def test_partner_verb(make_doc):
    found = kept(deals(make_doc, "Microsoft partnered with Mistral to bring its models to Azure.",
                       {"Microsoft": C, "Mistral": C}))
    assert [(d.kind, d.roles) for d in found] == [("partnership", {("Microsoft", "partner"), ("Mistral", "partner")})]


def test_acquisition_with_amount_and_date(make_doc):
    found = kept(deals(make_doc, "Microsoft agreed to acquire Activision Blizzard for $68.7 billion in January 2022.",
                       {"Microsoft": C, "Activision Blizzard": C}, date="2023-10-13"))
    assert len(found) == 1
    deal = found[0]
    assert (deal.kind, deal.amount_usd, deal.date) == ("acquisition", 68.7e9, "2022-01")
    assert deal.roles == {("Microsoft", "buyer"), ("Activision Blizzard", "seller")}


def test_passive_acquisition(make_doc):
    found = kept(deals(make_doc, "Slack was acquired by Salesforce.", {"Slack": C, "Salesforce": C}))
    assert [d.roles for d in found] == [{("Salesforce", "buyer"), ("Slack", "seller")}]


def test_acquisition_noun_with_possessor(make_doc):
    found = kept(deals(make_doc, "Broadcom completed its $69 billion takeover of VMware.",
                       {"Broadcom": C, "VMware": C}))
    assert [(d.kind, d.roles, d.amount_usd) for d in found] == [
        ("acquisition", {("Broadcom", "buyer"), ("VMware", "seller")}, 69e9)]


def test_amount_from_the_next_sentence(make_doc):
    found = kept(deals(make_doc, "Salesforce bought Slack. The deal was worth $27.7 billion.",
                       {"Salesforce": C, "Slack": C}))
    assert [(d.kind, d.amount_usd) for d in found] == [("acquisition", 27.7e9)]


def test_funding_round_led_by_investor(make_doc):
    found = kept(deals(make_doc, "Anthropic raised $4 billion in a funding round led by Amazon.",
                       {"Anthropic": C, "Amazon": C}))
    assert [(d.kind, d.roles, d.amount_usd) for d in found] == [
        ("investment", {("Anthropic", "investee"), ("Amazon", "investor")}, 4e9)]


def test_invest_verb_with_relative_date(make_doc):
    found = kept(deals(make_doc, "Amazon invested $4 billion in Anthropic last month.",
                       {"Amazon": C, "Anthropic": C}, date="2024-05-06"))
    assert [(d.roles, d.amount_usd, d.date) for d in found] == [
        ({("Amazon", "investor"), ("Anthropic", "investee")}, 4e9, "2024-04")]


def test_deal_without_date_takes_the_article_date(make_doc):
    # ("Nvidia is backed by SoftBank" states a standing investment, no deal: tests/extract/test_deals_more.py)
    found = kept(deals(make_doc, "SoftBank invested in Nvidia.", {"Nvidia": C, "SoftBank": C}, date="2024-05"))
    assert [(d.roles, d.date) for d in found] == [({("Nvidia", "investee"), ("SoftBank", "investor")}, "2024-05")]


def test_non_dollar_amount_is_kept_in_its_currency(make_doc):
    found = kept(deals(make_doc, "OpenAI signed a licensing deal with Oracle worth €2 billion.",
                       {"OpenAI": C, "Oracle": C}))
    assert [(d.kind, d.amount_usd, d.amount, d.currency) for d in found] == [("licensing", None, 2e9, "EUR")]


def test_hiring_needs_two_companies(make_doc):
    assert kept(deals(make_doc, "Microsoft hired Mustafa Suleyman.", {"Microsoft": C, "Mustafa Suleyman": P})) == []
    found = kept(deals(make_doc, "Amazon hired Adept's founders.", {"Amazon": C, "Adept": C}))
    assert [(d.kind, {p.mention.text for p in d.parties}) for d in found] == [("hiring", {"Amazon", "Adept"})]


def test_a_single_company_is_no_deal(make_doc):
    text = "Microsoft wants to make MAI-1 a profitable investment, and it invested heavily in AI."
    assert deals(make_doc, text, {"Microsoft": C, "MAI-1": M}) == []


def test_same_deal_twice_in_an_article_is_one_deal(make_doc):
    text = ("Microsoft invested in OpenAI in 2019. Its $13 billion investment in OpenAI made it the "
            "largest backer.")
    found = kept(deals(make_doc, text, {"Microsoft": C, "OpenAI": C}))
    assert len(found) == 1
    assert found[0].amount_usd == 13e9  # the mention with most information is kept


def test_deals_are_json_ready(make_doc):
    from extract.records import to_dict

    found = deals(make_doc, "Amazon invested $4 billion in Anthropic.", {"Amazon": C, "Anthropic": C})
    assert json.loads(json.dumps([to_dict(d) for d in found]))[0]["amount_usd"] == 4e9


# --- model parameters -----------------------------------------------------------------------------

def attributes(make_doc, text, ents):
    doc = make_doc(text, ents)
    return [(a.mention.text, a.name, a.value) for a in find_attributes(doc, "t")]


def test_parameters_of_the_subject_of_have_not_of_a_compared_model(make_doc):
    text = ("The model, known as MAI-1, will have 500 billion parameters (half that of GPT-4) and will be able "
            "to fine-tune during training.")
    assert attributes(make_doc, text, {"MAI-1": M, "GPT-4": M}) == [("MAI-1", "parameters", 500_000_000_000)]


def test_parameters_of_the_subject_of_handle(make_doc):
    text = "Phi-3 Mini can handle around 3.8 billion parameters and was trained on children's stories."
    assert attributes(make_doc, text, {"Phi-3 Mini": M}) == [("Phi-3 Mini", "parameters", 3_800_000_000)]


def test_parameters_through_a_raising_verb(make_doc):
    text = "MAI-1 is reported to have 500 billion parameters, making it a powerful AI tool."
    assert attributes(make_doc, text, {"MAI-1": M}) == [("MAI-1", "parameters", 500_000_000_000)]


def test_parameters_in_a_model_name(make_doc):
    assert attributes(make_doc, "Meta released Llama 3.1 405B, its largest model.",
                      {"Meta": C, "Llama 3.1 405B": M}) == [("Llama 3.1 405B", "parameters", 405_000_000_000)]


def test_parameters_of_a_named_model_noun(make_doc):
    text = "Microsoft has a new secret weapon: a 500 billion-parameter model called MAI-1."
    assert attributes(make_doc, text, {"Microsoft": C, "MAI-1": M}) == [("MAI-1", "parameters", 500_000_000_000)]


def test_parameters_of_a_possessor(make_doc):
    text = "xAI's Grok-1 has 314 billion parameters, more than GPT-4."
    assert attributes(make_doc, text, {"xAI": C, "Grok-1": M, "GPT-4": M}) == [("Grok-1", "parameters", 314_000_000_000)]


def test_count_without_a_model_gives_nothing(make_doc):
    text = "The problem is that 500 billion parameters require an impressive amount of processing power."
    assert attributes(make_doc, text, {"MAI-1": M}) == []
    assert attributes(make_doc, "It costs $7B to train GPT-4.", {"GPT-4": M}) == []


def test_money_verbs_need_an_amount(make_doc):
    found = kept(deals(make_doc, "Microsoft has committed about $13 billion to OpenAI.", {"Microsoft": C, "OpenAI": C}))
    assert [(d.kind, d.roles, d.amount_usd) for d in found] == [
        ("investment", {("Microsoft", "investor"), ("OpenAI", "investee")}, 13e9)]
    assert deals(make_doc, "Microsoft has committed to OpenAI.", {"Microsoft": C, "OpenAI": C}) == []


def test_one_company_under_two_names_is_no_deal(make_doc):
    text = "Inflection AI agreed to license Inflection's models."
    assert deals(make_doc, text, {"Inflection AI": C, "Inflection": C}) == []


def test_several_sizes_give_the_family_its_largest(make_doc):
    # the family's flagship size (see extract/deals/sizes.py, rule "family"; more in test_sizes.py)
    text = "Its newest models include Gemini 1.5 Pro and Gemma 2, an open model released in 27B and 9B sizes."
    assert attributes(make_doc, text, {"Gemini 1.5 Pro": M, "Gemma 2": M}) == [("Gemma 2", "parameters", 27_000_000_000)]


def test_a_count_typed_as_a_model_is_no_model_name(make_doc):
    text = "Silo AI released Poro, a 34B model trained with the University of Turku."
    assert attributes(make_doc, text, {"Silo AI": C, "Poro": M, "34B": M}) == [("Poro", "parameters", 34_000_000_000)]


def test_round_participants_named_by_include(make_doc):
    text = "Cohere previously raised $270 million in a round led by Inovia Capital that included Nvidia and Oracle."
    found = kept(deals(make_doc, text, {"Cohere": C, "Inovia Capital": C, "Nvidia": C, "Oracle": C}))
    assert [d.roles for d in found] == [{("Cohere", "investee"), ("Inovia Capital", "investor"),
                                          ("Nvidia", "investor"), ("Oracle", "investor")}]


# --- round participants, name suffixes ------------------------------------------------------------

def test_round_participants_named_in_the_next_sentence(make_doc):
    text = ("Acme raised $50 million in a funding round led by Birch Capital. "
            "Cedar Partners and Delta Ventures also took part.")
    found = kept(deals(make_doc, text, {"Acme": C, "Birch Capital": C, "Cedar Partners": C, "Delta Ventures": C}))
    assert [(d.kind, d.roles, d.amount_usd) for d in found] == [
        ("investment", {("Acme", "investee"), ("Birch Capital", "investor"), ("Cedar Partners", "investor"),
                        ("Delta Ventures", "investor")}, 50e6)]


def test_next_sentence_investment_elsewhere_is_not_a_participant(make_doc):
    text = ("Acme raised $50 million in a funding round led by Birch Capital. "
            "Cedar Partners also invested in Zeta Robotics.")
    found = kept(deals(make_doc, text, {"Acme": C, "Birch Capital": C, "Cedar Partners": C, "Zeta Robotics": C}))
    acme = [d for d in found if "Acme" in {p.mention.text for p in d.parties}]
    assert [d.roles for d in acme] == [{("Acme", "investee"), ("Birch Capital", "investor")}]


def test_participation_needs_also_or_the_round(make_doc):
    # "Cedar Partners took part in a conference" is not about the round
    text = ("Acme raised $50 million in a funding round led by Birch Capital. "
            "Cedar Partners took part in a conference.")
    found = kept(deals(make_doc, text, {"Acme": C, "Birch Capital": C, "Cedar Partners": C}))
    assert [d.roles for d in found] == [{("Acme", "investee"), ("Birch Capital", "investor")}]


def test_company_whose_suffix_word_was_left_out_of_its_entity(make_doc):
    # the entity covers "Quillpen" only; the parser heads the name with "AI"
    text = "Quillpen AI has raised $20 million in a round led by Harbour Ventures."
    found = kept(deals(make_doc, text, {"Quillpen": C, "Harbour Ventures": C}))
    assert [d.roles for d in found] == [{("Quillpen", "investee"), ("Harbour Ventures", "investor")}]


# --- a description never means its own clause's other party ------------------------------------------

def test_description_object_is_not_the_subject(make_doc):
    text = ("Acme is the startup everyone wants to back. Acme said sales doubled. "
            "Birch agreed in October to invest $2 billion in the company.")
    found = kept(deals(make_doc, text, {"Acme": C, "Birch": C}))
    assert [(d.roles, d.amount_usd) for d in found] == [({("Birch", "investor"), ("Acme", "investee")}, 2e9)]


def test_description_subject_that_clashes_with_a_named_party_moves(make_doc):
    text = ("Delta's arrangement with Epsilon mirrors others, when the software company paid $5 million "
            "to license Epsilon's models.")
    found = kept(deals(make_doc, text, {"Delta": C, "Epsilon": C}))
    assert [(d.kind, d.roles) for d in found] == [("licensing", {("Delta", "licensee"), ("Epsilon", "licensor")})]


def test_same_party_named_twice_is_one_party(make_doc):
    text = "Microsoft said its investment in OpenAI was approved, and it completed its investment in OpenAI."
    found = kept(deals(make_doc, text, {"Microsoft": C, "OpenAI": C}))
    assert [d.roles for d in found] == [{("Microsoft", "investor"), ("OpenAI", "investee")}]


# --- two deals of the same companies ------------------------------------------------------------

def test_two_amounts_of_the_same_companies_are_two_deals_in_an_article(make_doc):
    text = ("Amazon invested a further $2.75 billion in Anthropic. "
            "That follows an initial $1.25 billion that the retailer put into Anthropic in September 2023.")
    found = kept(deals(make_doc, text, {"Amazon": C, "Anthropic": C}, date="2024-03-28"))
    assert sorted((d.amount_usd, d.date) for d in found) == [(1.25e9, "2023-09"), (2.75e9, "2024-03-28")]
    assert all(d.roles == {("Amazon", "investor"), ("Anthropic", "investee")} for d in found)


def _graph_of(deal_list):
    from extract.records import Extraction
    from graph.build import assemble_graph

    by_article = {}
    for d in deal_list:
        by_article.setdefault(d.article, []).append(d)
    extractions = [Extraction(article=Article(id=a, text=""), deals=tuple(ds),
                              mentions=tuple(p.mention for d in ds for p in d.parties))
                   for a, ds in by_article.items()]
    G = assemble_graph(extractions)
    return {n: (d["amount_usd"], d["mentions"]) for n, d in G.nodes(data=True) if d["type"] == "deal"}


def _deal(article, amount, date):
    from extract.records import DealParty, Evidence, Mention

    amazon = Mention(article, "Amazon", "company", 0, 6, 0, 40, canonical="Amazon")
    anthropic = Mention(article, "Anthropic", "company", 10, 19, 0, 40, canonical="Anthropic")
    from extract.records import Deal
    return Deal(article, "investment", (DealParty(amazon, "investor"), DealParty(anthropic, "investee")),
                Evidence(article, "s", 0, 40), amount_usd=amount, date=date, confidence=0.8)


def test_graph_keeps_distinct_amounts_apart_and_merges_the_same_deal_told_twice():
    nodes = _graph_of([_deal("a1", 2.75e9, "2024-03"), _deal("a1", 1.25e9, "2023-09"),
                       _deal("a2", 2.75e9, "2024-03-28"), _deal("a3", None, "2023-09")])
    assert sorted(nodes.values()) == [(1.25e9, 2), (2.75e9, 2)]
    assert nodes["deal:investment:amazon+anthropic"] == (2.75e9, 2)  # ties keep the first told
    nodes = _graph_of([_deal("a1", 13e9, None), _deal("a2", 12.9e9, None), _deal("a3", None, None)])
    assert list(nodes.values()) == [(13e9, 3)]


# --- the simple present states an arrangement --------------------------------------------------

def test_simple_present_licence_is_a_standing_arrangement(make_doc):
    text = "The startup licenses speech technology from Sonata Systems for its transcription product."
    found = deals(make_doc, "Quillpen raised money. " + text, {"Quillpen": C, "Sonata Systems": C})
    assert kept(found) == []
    assert [(d.kind, d.rule.endswith("+present")) for d in found] == [("licensing", True)]


def test_past_and_headline_present_are_news(make_doc):
    ents = {"Quillpen": C, "Sonata Systems": C}
    assert [d.kind for d in kept(deals(make_doc, "Quillpen licensed speech technology from Sonata Systems.", ents))] == [
        "licensing"]
    headline = "Quillpen licenses speech technology from Sonata Systems\n\nThe deal was signed on Monday."
    assert [d.kind for d in kept(deals(make_doc, headline, ents))] == ["licensing"]


# --- hiring a startup's chief; a licence taken; terms not disclosed ------------------------------

def test_hired_person_titled_at_a_company_makes_it_a_party(make_doc):
    text = ("In June, Amazon hired David Luan, chief executive of Adept, and several of his colleagues, "
            "and took a licence to the agent startup's technology; terms were not disclosed.")
    found = kept(deals(make_doc, text, {"Amazon": C, "Adept": C, "David Luan": P}))
    # the hire and the licence of one pair are one arrangement: one licensing deal (deals5)
    assert sorted((d.kind, frozenset(d.roles)) for d in found) == [
        ("licensing", frozenset({("Amazon", "licensee"), ("Adept", "licensor")}))]
    found = kept(deals(make_doc, text.replace(", and took a licence to the agent startup's technology", ""),
                       {"Amazon": C, "Adept": C, "David Luan": P}))
    assert sorted((d.kind, frozenset(d.roles)) for d in found) == [
        ("hiring", frozenset({("Amazon", "employer"), ("Adept", "employer")}))]


def test_negation_of_the_trigger_still_counts(make_doc):
    found = deals(make_doc, "Amazon said it did not hire Adept's founders.", {"Amazon": C, "Adept": C})
    assert found and kept(found) == []


def test_hiring_someone_who_had_left_a_company_is_no_deal_with_it(make_doc):
    text = "Quillpen has recruited Elena Vasquez, formerly chief data officer at Barclays, as chief operating officer."
    assert kept(deals(make_doc, text, {"Quillpen": C, "Barclays": C, "Elena Vasquez": P})) == []


# --- an amount told a few sentences later ---------------------------------------------------------

def test_amount_of_a_licence_payment_stated_later(make_doc):
    text = ("Google agreed to license the technology of Quillpen. The founders will join Google. "
            "Quillpen will receive a licence payment that people familiar with the matter put at about $2.7B.")
    found = kept(deals(make_doc, text, {"Google": C, "Quillpen": C}))
    assert [(d.kind, d.amount_usd) for d in found] == [("licensing", 2.7e9)]


def test_later_amount_of_another_kind_or_another_deal_is_not_taken(make_doc):
    text = ("Google agreed to license the technology of Quillpen. "
            "Quillpen will receive an investment that analysts put at about $2.7B.")
    found = kept(deals(make_doc, text, {"Google": C, "Quillpen": C}))
    assert [(d.kind, d.amount_usd) for d in found] == [("licensing", None)]
    text = ("Google agreed to license the technology of Quillpen. Apple bought Zeta for $1B. "
            "Quillpen will receive a licence payment that analysts put at about $2.7B.")
    found = kept(deals(make_doc, text, {"Google": C, "Quillpen": C, "Apple": C, "Zeta": C}))
    assert [(d.kind, d.amount_usd) for d in found if d.kind == "licensing"] == [("licensing", None)]


def test_intransitive_trigger_parsed_as_a_participle_of_its_subject(make_doc):
    text = ("Next47, the venture capital firm owned by Siemens, invested in Kestrel in 2022, "
            "and the two have tested the software in the group's plant.")
    found = kept(deals(make_doc, text, {"Next47": C, "Siemens": C, "Kestrel": C}))
    assert [(d.roles, d.date) for d in found] == [({("Next47", "investor"), ("Kestrel", "investee")}, "2022")]
    # a participle of a verb with an object role keeps its passive reading: no buyer here
    text = "Zeta, a robotics firm, acquired in 2020 by nobody we know, makes arms for Kestrel."
    assert kept(deals(make_doc, text, {"Zeta": C, "Kestrel": C})) == []


def test_a_partnership_that_a_deal_is_part_of_has_its_companies(make_doc):
    text = ("In February Microsoft made a €15 million investment in Mistral as part of a multi-year partnership "
            "that brought Mistral Large to the Azure cloud.")
    found = kept(deals(make_doc, text, {"Microsoft": C, "Mistral": C}))
    assert sorted((d.kind, frozenset(d.roles)) for d in found) == [
        ("investment", frozenset({("Microsoft", "investor"), ("Mistral", "investee")})),
        ("partnership", frozenset({("Microsoft", "partner"), ("Mistral", "partner")}))]


def test_object_company_at_the_end_of_a_misparsed_noun_phrase(make_doc):
    # the tagger reads "startup" as a verb and the parse leaves "bought" without an object
    text = ("Snowflake's chief executive took over in February, nine months after the company bought "
            "his search startup Neeva in May 2023.")
    found = kept(deals(make_doc, text, {"Snowflake": C, "Neeva": C}))
    assert [(d.kind, d.roles) for d in found] == [("acquisition", {("Snowflake", "buyer"), ("Neeva", "seller")})]
    # a company after a preposition is not the object
    assert kept(deals(make_doc, "Acme bought servers from Zeta's rival.", {"Acme": C, "Zeta": C})) == []


def test_noun_deal_of_a_simple_present_verb_is_a_standing_arrangement(make_doc):
    ents = {"Databricks": C, "Mistral AI": C}
    text = "Databricks sells software. Databricks also holds a small stake in Mistral AI."
    assert kept(deals(make_doc, text, ents)) == []
    text = "Databricks sells software. Databricks took a small stake in Mistral AI."
    assert [d.kind for d in kept(deals(make_doc, text, ents))] == ["investment"]


# -- relations stated by deals ------------------------------------------------------------------

def test_deal_relations_give_each_kind_its_relation_once():
    from extract.deals import deal_relations
    from extract.records import Deal, DealParty, Evidence, Mention, Relation

    ev = Evidence("a", "A, B and C partnered.", 0, 21)
    a, b, c = (Mention("a", name, "company", i, i + 1, 0, 21) for i, name in enumerate("ABC"))
    partnership = Deal("a", "partnership", (DealParty(a, "partner"), DealParty(b, "partner"), DealParty(c, "partner")), ev)
    pairs = [(r.source.text, r.relation, r.target.text) for r in deal_relations([partnership])]
    assert pairs == [("A", "partners_with", "B"), ("A", "partners_with", "C"), ("B", "partners_with", "C")]

    investment = Deal("a", "investment", (DealParty(a, "investor"), DealParty(b, "investee")), ev, confidence=0.8)
    [rel] = deal_relations([investment])
    assert (rel.source, rel.relation, rel.target, rel.evidence) == (a, "invests_in", b, ev)
    assert rel.rule.startswith("deal.relation:") and rel.confidence < investment.confidence
    # already stated by a relation rule in the same sentence: not stated again
    stated = Relation(a, "invests_in", b, ev, 0.8, "verb")
    assert list(deal_relations([investment], [stated])) == []
    # a hypothetical deal states nothing
    assert list(deal_relations([Deal("a", "investment", investment.parties, ev, confidence=0.3)])) == []
    licence = Deal("a", "licensing", (DealParty(a, "licensor"), DealParty(b, "licensee")), ev)
    assert [(r.source.text, r.relation, r.target.text) for r in deal_relations([licence])] == [("B", "licenses_from", "A")]


def test_hired_founders_come_from_the_one_other_company_of_the_sentence(make_doc):
    ents = {"Nimbus": C, "Zorblax": C, "Ada Stone": P, "Ben Marsh": P}
    text = ("The deal mirrors Nimbus's arrangement with Zorblax in March, when Nimbus hired co-founders Ada Stone "
            "and Ben Marsh along with most of the staff.")
    [deal] = [d for d in kept(deals(make_doc, text, ents)) if d.kind == "hiring"]
    assert {p.mention.text for p in deal.parties} == {"Nimbus", "Zorblax"}
    # with two other companies in the sentence the founders' company is unknown: no deal
    ents["Acme"] = C
    text = "After talks with Zorblax and Acme, Nimbus hired co-founders Ada Stone and Ben Marsh."
    assert [d for d in kept(deals(make_doc, text, ents)) if d.kind == "hiring"] == []
