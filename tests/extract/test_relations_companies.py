"""Company-company and model relations: rivalry and model comparisons, ownership, stakes."""
from __future__ import annotations

import pytest

from extract.relations import find_relations

C, M = "COMPANY", "MODEL"


def _triples(doc, relation):
    return {(r.source.text, r.target.text) for r in find_relations(doc, "t1") if r.relation == relation}


def _symmetric(pairs):
    return {frozenset(p) for p in pairs}


# -- rivalry between companies ---------------------------------------------------------------------
@pytest.mark.parametrize("text, ents, expected", [
    # a prepositional phrase between the verb and "with"
    ("Marigold competes for AI workloads with CoreWeave and Lambda.",
     {"Marigold": C, "CoreWeave": C, "Lambda": C}, {("Marigold", "CoreWeave"), ("Marigold", "Lambda")}),
    # a second "and with" phrase after a relative clause on the first rival
    ("Loomwright competes directly with GitHub, which added agents last year, and with Anysphere, the company "
     "behind Cursor.", {"Loomwright": C, "GitHub": C, "Anysphere": C},
     {("Loomwright", "GitHub"), ("Loomwright", "Anysphere")}),
    ("Ashgrove said it would shed 1,800 jobs after losing ground to Nvidia and Broadcom.",
     {"Ashgrove": C, "Nvidia": C, "Broadcom": C}, {("Ashgrove", "Nvidia"), ("Ashgrove", "Broadcom")}),
    ("Its customers include several of Salesforce's largest competitors in customer-relationship software, "
     "among them Microsoft, Oracle and SAP, according to the Commission.",
     {"Salesforce": C, "Microsoft": C, "Oracle": C, "SAP": C},
     {("Microsoft", "Salesforce"), ("Oracle", "Salesforce"), ("SAP", "Salesforce")}),
    ("Baidu started a price war with DeepSeek.", {"Baidu": C, "DeepSeek": C}, {("Baidu", "DeepSeek")}),
])
def test_company_rivalry(make_doc, text, ents, expected):
    assert _symmetric(expected) <= _symmetric(_triples(make_doc(text, ents), "competes_with"))


# -- model comparisons -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, ents, expected", [
    ("Qwen2-72B-Instruct scored higher than Meta's Llama 3 70B on the test.",
     {"Qwen2-72B-Instruct": M, "Meta": C, "Llama 3 70B": M}, {("Qwen2-72B-Instruct", "Llama 3 70B")}),
    ("Tessera-70B scores 84.2 on MMLU, edging out Meta's Llama 3.1 70B (83.6) but falling short of Alibaba's "
     "Qwen2-72B-Instruct.", {"Tessera-70B": M, "Meta": C, "Llama 3.1 70B": M, "Alibaba": C, "Qwen2-72B-Instruct": M},
     {("Tessera-70B", "Llama 3.1 70B"), ("Tessera-70B", "Qwen2-72B-Instruct")}),
    ("Tessera-8B beats Llama 3.1 8B and holds its own against Google's Gemma 2 27B on most tests.",
     {"Tessera-8B": M, "Llama 3.1 8B": M, "Google": C, "Gemma 2 27B": M},
     {("Tessera-8B", "Llama 3.1 8B"), ("Tessera-8B", "Gemma 2 27B")}),
    ("On coding, Tessera-70B is clearly behind DeepSeek-Coder-V2.", {"Tessera-70B": M, "DeepSeek-Coder-V2": M},
     {("Tessera-70B", "DeepSeek-Coder-V2")}),
    ("Falcon 180B was strong, but Falcon 180B has since been overtaken on most benchmarks by Llama 3.1 405B .",
     {"Falcon 180B": M, "Llama 3.1 405B": M}, {("Llama 3.1 405B", "Falcon 180B")}),
])
def test_model_comparisons(make_doc, text, ents, expected):
    assert _symmetric(expected) <= _symmetric(_triples(make_doc(text, ents), "competes_with"))


def test_being_behind_a_company_is_no_rivalry(make_doc):
    # "behind" also names a backer; a ranking with "be" holds only between models
    doc = make_doc("Microsoft is behind OpenAI in the cloud.", {"Microsoft": C, "OpenAI": C})
    assert not _triples(doc, "competes_with")


def test_a_described_model_is_no_contender(make_doc):
    # the attribute of "be" is a description, not a second model that ranks ahead
    doc = make_doc("We tested Tessera-70B and Gemma 2. It was the best open model we have tested, ahead of Mistral Large 2.",
                   {"Tessera-70B": M, "Gemma 2": M, "Mistral Large 2": M})
    pairs = _symmetric(_triples(doc, "competes_with"))
    assert frozenset({"Gemma 2", "Mistral Large 2"}) not in pairs


# -- ownership -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, ents, expected", [
    ("Loomwright competes with Microsoft-owned GitHub.", {"Loomwright": C, "Microsoft": C, "GitHub": C},
     {("GitHub", "Microsoft")}),
    # a perfect tense, not a passive
    ("Square Enix has owned Taito Corporation, which continues to publish its own video games, since 2005.",
     {"Square Enix": C, "Taito Corporation": C}, {("Taito Corporation", "Square Enix")}),
    # each name listed after a plural unit noun
    ("US Airways Group operated US Airways, along with its subsidiaries PSA Airlines, Inc. and Piedmont Airlines, Inc.",
     {"US Airways Group": C, "US Airways": C, "PSA Airlines, Inc.": C, "Piedmont Airlines, Inc.": C},
     {("PSA Airlines, Inc.", "US Airways Group"), ("Piedmont Airlines, Inc.", "US Airways Group")}),
])
def test_ownership_is_part_of(make_doc, text, ents, expected):
    assert expected <= _triples(make_doc(text, ents), "part_of")


def test_a_minority_share_is_an_investment(make_doc):
    doc = make_doc("The round was led by Nvidia, which owns about 6% of Marigold's shares.", {"Nvidia": C, "Marigold": C})
    assert _triples(doc, "invests_in") == {("Nvidia", "Marigold")}
    assert not _triples(doc, "part_of")


def test_a_majority_share_is_no_investment(make_doc):
    doc = make_doc("Siemens owns 51 percent of Kestrel.", {"Siemens": C, "Kestrel": C})
    assert not _triples(doc, "invests_in")


@pytest.mark.parametrize("text, ents, expected", [
    ("Outright Distribution became part of the Shed Media Group in September 2006.",
     {"Outright Distribution": C, "Shed Media Group": C}, {("Outright Distribution", "Shed Media Group")}),
    ("LATAM Airlines Brasil is the Brazilian brand of LATAM Airlines Group.",
     {"LATAM Airlines Brasil": C, "LATAM Airlines Group": C}, {("LATAM Airlines Brasil", "LATAM Airlines Group")}),
    ("SoftBank Group Corp's Vision Fund 2 has led the round.", {"SoftBank Group Corp": C, "Vision Fund 2": C},
     {("Vision Fund 2", "SoftBank Group Corp")}),
])
def test_part_phrases_brands_and_funds(make_doc, text, ents, expected):
    assert _triples(make_doc(text, ents), "part_of") == expected


def test_part_of_a_plan_or_story_is_no_ownership(make_doc):
    doc = make_doc("The deal is part of Microsoft's plan, and OpenAI is part of the story.", {"Microsoft": C, "OpenAI": C})
    assert not _triples(doc, "part_of")


# -- develops --------------------------------------------------------------------------------------
def test_giving_a_model_away_is_releasing_it(make_doc):
    doc = make_doc("Microsoft gives away Phi-3.5-mini, and Google gives away Gemma 2 2B .",
                   {"Microsoft": C, "Phi-3.5-mini": M, "Google": C, "Gemma 2 2B": M})
    assert _triples(doc, "develops") == {("Microsoft", "Phi-3.5-mini"), ("Google", "Gemma 2 2B")}


# -- "vs" in a title -------------------------------------------------------------------------------
def test_versus_sets_the_first_name_against_the_others(make_doc):
    doc = make_doc("Tessera-70B vs Llama 3.1 70B vs Qwen2-72B-Instruct: a benchmark",
                   {"Tessera-70B": M, "Llama 3.1 70B": M, "Qwen2-72B-Instruct": M})
    assert _triples(doc, "competes_with") == {("Tessera-70B", "Llama 3.1 70B"), ("Tessera-70B", "Qwen2-72B-Instruct")}


def test_such_as_on_any_noun_of_a_known_for_list(make_doc):
    # "such as" hangs on "laser" here, no container noun: the names after it are still what the company is known for
    text = ("Initech is best known for its vast range of unguided rockets as well as laser and infrared guided "
            "missiles such as Cirit and UMTAS.")
    got = {(r.source.text, r.relation, r.target.text)
           for r in find_relations(make_doc(text, {"Initech": "COMPANY", "Cirit": "PRODUCT", "UMTAS": "PRODUCT"}), "t1")}
    assert {("Initech", "develops", "Cirit"), ("Initech", "develops", "UMTAS")} <= got


def test_maker_of_a_kind_noun_attribute(make_doc):
    # "X is a brand of N produced by Y": the participle hangs on N, the name is the copula's subject
    ents = {"Softa": "PRODUCT", "Initech": "COMPANY"}
    got = {(r.source.text, r.relation, r.target.text)
           for r in find_relations(make_doc("Softa is a brand name of fabric softener produced by Initech and sold in "
                                            "Canada.", ents), "t1")}
    assert ("Initech", "develops", "Softa") in got


def test_belonging_and_a_coordinated_owner_verb_give_part_of(make_doc):
    ents = {"Initech": "COMPANY", "Vexa Group": "COMPANY", "KVGA": "ORGANIZATION", "Northern Media": "COMPANY"}

    def got(text):
        return {(r.source.text, r.relation, r.target.text)
                for r in find_relations(make_doc(text, {k: v for k, v in ents.items() if k in text}), "t1")}
    assert ("Initech", "part_of", "Vexa Group") in got("Initech belonged to the Vexa Group until 1990.")
    # "owned" has no subject of its own: it shares the one of "branded"
    assert ("KVGA", "part_of", "Northern Media") in got("KVGA is branded as The Bear and is owned by Northern Media.")


def test_a_publisher_beside_a_named_developer_develops_nothing(make_doc):
    ents = {"Zorbex Legends": "PRODUCT", "Raven Software": "COMPANY", "Initech": "COMPANY"}
    doc = make_doc("Zorbex Legends is an action game developed primarily by Raven Software and published by Initech.", ents)
    assert _triples(doc, "develops") == {("Raven Software", "Zorbex Legends")}
    # one company that develops and publishes develops
    ents = {"Zorbex Legends": "PRODUCT", "Initech": "COMPANY"}
    doc = make_doc("Zorbex Legends is an action game developed and published by Initech.", ents)
    assert _triples(doc, "develops") == {("Initech", "Zorbex Legends")}
