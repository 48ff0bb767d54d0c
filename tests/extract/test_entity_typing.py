"""Typing and boundaries of NER spans in ``newsgraph_entities``: parsed texts with hand-set NER labels."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name", [
    # the NER's person label loses to an apposition with a company noun, hyphenated or not
    ("Acme has licensed the models of Fathom Reasoning, a Zurich start-up spun out of a university.", "Fathom Reasoning"),
    ("Acme will sell its automotive unit, Ashgrove Drive, to Infineon for $520 million.", "Ashgrove Drive"),
    ("DeepSeek is funded by the Hangzhou hedge fund High-Flyer, people said.", "High-Flyer"),
    # one works at a company, and a company has analysts
    ("The deal is expensive, said Lukas Brandt, who covers software at Berenberg.", "Berenberg"),
    ("Berenberg analysts cut their forecast on Tuesday.", "Berenberg"),
])
def test_company_context_beats_a_person_label(types, text, name):
    assert types(text, {name: "PERSON"})[name] == "COMPANY"


def test_looking_at_someone_is_no_workplace(types):
    found = types("The crowd looked at Brandt and laughed.", {"Brandt": "PERSON"})
    assert found["Brandt"] == "PERSON"


def test_a_span_never_crosses_a_comma(types):
    text = "Yara Haddad runs the firm. We spoke to Haddad, Sablecrest's chief executive, about it."
    found = types(text, {"Yara Haddad": "PERSON", "Haddad, Sablecrest": "ORG"})
    assert "Haddad, Sablecrest" not in found and found["Haddad"] == "PERSON"


def test_a_list_of_fields_across_a_comma_is_no_name(types):
    text = "Its units were Industrial Technology and Science, Systems of Engagement and Insight."
    assert types(text, {"Industrial Technology and Science, Systems of Engagement": "ORG"}) == {}


def test_a_comma_before_a_legal_form_stays_in_the_name(types):
    found = types("Infogrames renamed itself Atari, SA in 2009.", {"Atari, SA": "ORG"})
    assert found == {"Atari, SA": "COMPANY"}


def test_a_lone_first_name_is_the_person(types):
    text = "Marcus Ellery, my co-founder, lived in Suwon. Marcus ran the compiler team at Arm."
    found = types(text, {"Marcus Ellery": "PERSON", "Marcus": "ORG", "Arm": "ORG"})
    assert found["Marcus"] == "PERSON" and found["Arm"] == "COMPANY"


def test_a_heading_type_loses_to_the_body(typer, parser_nlp):
    text = ("The second act of Leila Farrokh\n\nLeila Farrokh still keeps a box of hearing aids on her desk. "
            "Her chip startup raised $60 million in funding from investors, and its revenue and profit grew.")
    doc = parser_nlp(text)
    doc.ents = [doc.char_span(18, 31, label="ORG"), doc.char_span(33, 46, label="PERSON")]
    assert [(ent.text, ent.label_) for ent in typer(doc).ents] == [("Leila Farrokh", "PERSON")] * 2


@pytest.mark.parametrize("text, name", [
    ("Chief Financial Officer Sunita Deshpande said margins rose.", "Chief Financial"),
    ("Marigold Compute (NASDAQ: MGLD), which rents out chips, grew.", "MGLD"),
    ("The company would concentrate on its AG-X line of switches.", "AG"),
    ("For older titles, see List of Enix games.", "List of Enix"),
])
def test_name_fragments_are_no_entities(types, text, name):
    assert name not in types(text, {name: "ORG"})


def test_title_words_before_a_role_noun_are_no_company(types):
    found = types("On the call, Chief Financial Officer Sunita Deshpande said margins rose.",
                  {"Sunita Deshpande": "PERSON"})
    assert found == {"Sunita Deshpande": "PERSON"}


def test_a_company_name_joined_to_another_by_a_hyphen_is_kept(types):
    found = types("The Microsoft-OpenAI partnership grew.", {"Microsoft": "ORG", "OpenAI": "ORG"})
    assert found == {"Microsoft": "COMPANY", "OpenAI": "COMPANY"}


@pytest.mark.parametrize("text, model", [
    ("Q: What is next?\n\nA: Sable-7B, later this year.", "Sable-7B"),  # a parameter count says model
    ("It was distilled from Alibaba's Qwen2.5-32B last year.", "Qwen2.5-32B"),  # a versioned family
    ("It beats OpenAI's o1-mini on two maths benchmarks.", "o1-mini"),  # a known model and a tier
])
def test_model_names(types, text, model):
    assert types(text, {})[model] == "MODEL"


def test_a_determiner_and_a_size_is_no_model(types):
    assert "The 70B" not in types('"The 70B model is the real thing," she said.', {})


def test_a_publication_name_inside_a_longer_name_is_part_of_it(types):
    text = "Bloomberg L.P. sells terminals. It was founded by Michael Bloomberg in 1981, Bloomberg reported."
    found = types(text, {"Bloomberg L.P.": "ORG", "Michael Bloomberg": "PERSON"})
    assert found == {"Bloomberg L.P.": "COMPANY", "Michael Bloomberg": "PERSON", "Bloomberg": "PUBLICATION"}


def test_a_company_name_without_its_legal_form_is_the_company(types):
    text = ("The division was sold to Alpha Toolex AB of Sweden. "
            "Both Europafilm plating equipment and Alpha Toolex pressing equipment is still used.")
    found = types(text, {"Alpha Toolex AB": "ORG", "Alpha Toolex": "PERSON"})
    assert found["Alpha Toolex AB"] == found["Alpha Toolex"] == "COMPANY"


@pytest.mark.parametrize("name", ["Symbotic", "Codeium", "Lambda", "Arm", "Jefferies", "CapitalG", "Swisscom", "T-Systems"])
def test_well_known_companies_are_in_the_gazetteer(types, name):
    assert types(f"Acme competes with {name} in Europe.", {})[name] == "COMPANY"


@pytest.mark.parametrize("text, name", [
    # a one-word name held as a workplace by a title is an institution, also down a list hung on the title
    ("Orrin Dyer is a football coach. He is currently the manager of Kestrelby, a post he held twice.", "Kestrelby"),
    ("He was visiting professor at Carrowmore (2007), Lindqvist (2011) and Tavener (2013).", "Lindqvist"),
])
def test_a_one_word_workplace_of_a_title_is_an_organisation(types, text, name):
    assert types(text, {name: "PERSON"})[name] == "ORGANIZATION"


def test_a_full_name_after_a_title_stays_a_person(types):
    found = types("She was an assistant to Orrin Dyer at the clinic.", {"Orrin Dyer": "PERSON"})
    assert found["Orrin Dyer"] == "PERSON"


def test_a_one_word_maker_of_a_product_is_a_company(types):
    found = types("Zorbex is an arcade game developed and published by Kestrelby in 1976.",
                  {"Kestrelby": "PERSON"})
    assert found["Kestrelby"] == "COMPANY"


def test_whoever_is_replaced_in_a_role_is_a_person(types):
    found = types("In 2008 the party chose Mara Quell to replace Orrin Dyer as president.",
                  {"Mara Quell": "PERSON", "Orrin Dyer": "GPE"})
    assert found["Orrin Dyer"] == "PERSON"


# -- a founder's name is a person, not the company named after him (issue 12) --------------------------

@pytest.mark.parametrize("text, person, company", [
    ("Michael Dell said the company would cut jobs.", "Michael Dell", "Dell"),
    ("Henry Ford built cars in Detroit.", "Henry Ford", "Ford"),
    ("William Boeing started the firm in Seattle.", "William Boeing", "Boeing"),
    ("Years later Walt Disney opened the park.", "Walt Disney", "Disney"),
])
def test_a_known_company_name_ending_a_person_name_is_the_surname(types, text, person, company):
    found = types(text, {person: "PERSON"})
    assert found[person] == "PERSON" and company not in found


def test_the_bare_company_name_beside_the_founder_stays_the_company(typer, make_doc):
    text = "Dell's servers sold well, Michael Dell said, and Dell will hire."
    doc = typer(make_doc(text, {"Michael Dell": "PERSON"}))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Dell", "COMPANY"), ("Michael Dell", "PERSON"), ("Dell", "COMPANY")]


def test_a_job_title_the_ner_took_into_a_founder_name_is_left_out(types):
    found = types("Founder Walt Disney opened the park.", {"Founder Walt Disney": "PERSON"})
    assert found == {"Walt Disney": "PERSON"}


@pytest.mark.parametrize("text, ner", [
    # a legal form or a company noun right after the name says the company
    ("Walt Disney Co. raised prices.", {"Walt Disney": "PERSON"}),
    ("The Walt Disney company raised prices.", {"Walt Disney": "PERSON"}),
    # a given name that is itself a known name is no given name
    ("Analysts at Goldman Sachs expect prices to fall.", {"Goldman Sachs": "PERSON"}),
])
def test_an_explicit_company_reading_keeps_the_company(types, text, ner):
    found = types(text, ner)
    assert not any(label == "PERSON" for label in found.values()), found


@pytest.mark.parametrize("text, expected", [
    ("Michael Dell said the company would cut jobs.", [("Michael Dell", "PERSON")]),
    ("Henry Ford built cars in Detroit.", [("Henry Ford", "PERSON"), ("Detroit", "PLACE")]),
    ("CEO Michael Dell told Reuters that Dell will grow.",
     [("Michael Dell", "PERSON"), ("Reuters", "COMPANY"), ("Dell", "COMPANY")]),
    ("Dell Inc. reported earnings.", [("Dell", "COMPANY")]),
])
def test_founder_names_with_the_real_model(newsgraph_nlp, text, expected):
    assert [(e.text, e.label_) for e in newsgraph_nlp(text).ents] == expected


# --- issue 12, round 3: typing by class nouns, syntactic roles and name shapes (invented sentences) ---

def test_a_persons_full_name_keeps_its_type_among_ner_organisations(types):
    # a credential and an employer the NER calls ORGs do not make the analyst a company
    found = types("Analyst: Mira Tanaka, CFA, Birchfield Securities. Revenue and profit of the chip company grew.",
                  {"Mira Tanaka": "PERSON", "CFA": "ORG", "Birchfield Securities": "ORG"})
    assert found["Mira Tanaka"] == "PERSON"


@pytest.mark.parametrize("text, name, label", [
    # who leads a round is an investor: one word is a firm
    ("Last month the startup closed a $40 million funding round led by Brightfold, with Norsk Kapital joining.",
     "Brightfold", "COMPANY"),
    # a person's full name stays a person
    ("A group of investors led by Dana Whitlock, the former Vexa president, put $80m into the company.",
     "Dana Whitlock", "PERSON"),
])
def test_the_leader_of_a_round_is_an_investor(types, text, name, label):
    assert types(text, {name: "PERSON"})[name] == label


def test_what_someone_co_founded_is_a_company(types):
    text = "Ilse Maren designed processors for a decade before she co-founded Larkspur Silicon in Bergen in 2021."
    assert types(text, {"Ilse Maren": "PERSON", "Larkspur Silicon": "PERSON"})["Larkspur Silicon"] == "COMPANY"


def test_who_founded_a_startup_is_a_person(types):
    text = "The model comes from Orbis, the startup Mei-Lin Zhao founded."
    assert types(text, {"Mei-Lin Zhao": "FAC"})["Mei-Lin Zhao"] == "PERSON"


def test_a_name_made_chairman_is_a_person(types):
    text = "Investors led by Tomas Brenner bought in, and the board made Brenner executive chairman in June."
    assert types(text, {"Tomas Brenner": "PERSON", "Brenner": "ORG"})["Brenner"] == "PERSON"


@pytest.mark.parametrize("text, name, ner", [
    # "house" with a trade before it is a company noun
    ("They hired Oren Vask, the former chief executive of the visual-effects house Quarry Pictures, as CEO.",
     "Quarry Pictures", "PERSON"),
    # a company noun with its article right before a name, however the parser reads it
    ("Qualcomm, which licenses its designs, bought the chip startup Velora for $1.4bn in 2021.", "Velora", "GPE"),
])
def test_a_company_noun_before_a_name(types, text, name, ner):
    assert types(text, {name: ner})[name] == "COMPANY"


def test_a_version_or_bot_after_a_model_name_makes_a_model(types):
    text = ("Baidu made its Wenxi model free for business users. Its chief executive said Wenxi 4.0 matched "
            "the best rivals. Kimi competes with Baidu's Wenxi Bot.")
    found = types(text, {"Wenxi": "PERSON", "Wenxi 4.0": "ORG", "Wenxi Bot": "ORG", "Baidu": "ORG"})
    assert (found["Wenxi"], found["Wenxi 4.0"], found["Wenxi Bot"]) == ("MODEL", "MODEL", "MODEL")


def test_a_known_model_with_a_version_and_a_tier_is_a_model(types):
    text = "The team shipped Stable Diffusion 3 Medium, a small model for ordinary graphics cards."
    assert types(text, {})["Stable Diffusion 3 Medium"] == "MODEL"


def test_an_amount_after_a_model_name_is_no_version(types):
    text = "Baidu said its Wenxi model now has 2 million business users."
    found = types(text, {"Wenxi": "PERSON"})
    assert "Wenxi 2" not in found and found["Wenxi"] == "MODEL"


def test_an_interview_stage_direction_is_no_person(types):
    text = "Everyone said the chip was too expensive. (Laughs.) We license our cores from SiFive."
    assert "Laughs" not in types(text, {"Laughs": "PERSON"})


def test_a_byline_names_a_person(types):
    text = "Why small models win\nPosted by Ana Ferreira · 9 min read · Tags: llm\n\nSmall models are cheap to run."
    assert types(text, {}) == {"Ana Ferreira": "PERSON"}


def test_a_known_place_as_a_given_name_is_part_of_the_persons_name(types):
    text = "Ahead of the launch, Jordan Reyes said the company would hire forty engineers."
    assert types(text, {"Jordan Reyes": "PERSON"}) == {"Jordan Reyes": "PERSON"}


def test_a_known_company_and_a_country_name_its_unit(types):
    text = "Risks for the chip designer: China exposure (Arm China is a fifth of revenue) and litigation."
    assert types(text, {"Arm China": "ORG"})["Arm China"] == "COMPANY"


def test_corporate_form_words_after_a_known_company_keep_the_company(typed_entities):
    found = typed_entities("Mitsuhara Labs is backed by Toyota Ventures, the venture capital arm of Toyota Motor.",
                           {"Toyota Ventures": "ORG", "Toyota Motor": "ORG", "Mitsuhara Labs": "ORG"})
    # a unit's own word makes a company of its own, a corporate form the same company
    assert found["Toyota Ventures"] == ("COMPANY", None) and found["Toyota Motor"] == ("COMPANY", "Toyota")


def test_a_press_contact_heading_is_no_company(types):
    text = "Acme shipped its robot on Monday.\n\nMedia contacts\nJane Doe, press@example.com\n"
    assert "Media" not in types(text, {"Media": "ORG", "Acme": "ORG"})


def test_a_company_modifying_a_noun_is_no_antecedent_of_the_startup(make_doc):
    # (extract/coref.py) "the startup" after a person-led sentence is the company she founded, not the
    # employer named in passing in a colleague's description
    from extract.coref import entity_refs
    text = ("Ilse Maren spent ten years designing processors at Arm before she co-founded Larkspur Silicon in Bergen "
            "in 2021 with Lars Holm, a former Nordwind Semiconductor engineer. Last month the startup closed a round.")
    doc = make_doc(text, {"Ilse Maren": "PERSON", "Lars Holm": "PERSON", "Larkspur Silicon": "COMPANY", "Arm": "COMPANY",
                          "Nordwind Semiconductor": "COMPANY"})
    ent = entity_refs(doc).entity_for([t for t in doc if t.text == "startup"][0])
    assert ent is not None and ent.text == "Larkspur Silicon"


def test_a_division_and_its_parent_are_two_known_companies(newsgraph_nlp):
    doc = newsgraph_nlp("Alibaba Cloud, a division of Alibaba, cut prices. Arm Holdings and Arm are one company.")
    found = {e.text: e._.canonical for e in doc.ents}
    assert found["Alibaba Cloud"] == "Alibaba Cloud" and found["Alibaba"] == "Alibaba"
    assert found["Arm Holdings"] == found["Arm"] == "Arm"



def test_a_line_that_is_only_a_persons_name_is_a_contact_not_a_heading(typer, parser_nlp):
    text = "Acme ships its robot\n\nAcme said on Monday it would ship its robot in May.\n\nMedia Contact:\nJordan Reyes\npress@example.com\n"
    doc = parser_nlp(text)
    start = text.index("Jordan Reyes")
    doc.ents = [doc.char_span(start, start + len("Jordan Reyes"), label="PERSON")]
    assert [(ent.text, ent.label_) for ent in typer(doc).ents] == [("Jordan Reyes", "PERSON")]


def test_an_occupation_the_ner_took_into_a_name_is_left_out(types):
    text = "Drummer Lars Vang said the album is what the band is all about."
    assert types(text, {"Drummer Lars Vang": "PERSON"}) == {"Lars Vang": "PERSON"}


def test_a_carmakers_corporate_name_beside_its_short_name_is_one_company():
    # (graph/names.py SUFFIX_LIKE_WORDS) "the venture arm of Toyota Motor" and "Toyota" in one sentence:
    # "Motor" names no unit, so the two are one carmaker
    from extract.records import Mention
    from graph.resolve import ResolutionRules, resolve

    sentence = "Mitsuhara Labs is backed by Toyota Ventures, the venture capital arm of Toyota Motor, not by Toyota itself."
    def mention(text, start, canonical, source):
        return Mention("a1", text, "company", start, start + len(text), 0, len(sentence), source, canonical)
    mentions = [mention("Toyota Motor", sentence.index("Toyota Motor"), "Toyota", "name_extension"),
                mention("Toyota", sentence.index("Toyota itself"), "Toyota", "gazetteer")]
    assert sorted(resolve(mentions, rules=ResolutionRules()).entities) == ["company:toyota"]
