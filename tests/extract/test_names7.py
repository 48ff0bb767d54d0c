"""Entity typing on unseen news (issue 12, round 6): credit lines, firms named after people, company suffix words.
Invented sentences in news shapes."""
from __future__ import annotations

import pytest

from extract.name_cues import credit_line_names


# -- credit lines: only people report, edit and produce under a credit ----------------------------------
def test_a_wire_credit_names_people():
    text = ("Shares rose 4%.\n\n(Reporting by Mireille Dacosta-Vane in Lyon and Tobin Asher in Oslo; "
            "Additional reporting by Idris Kamel; Editing by Oona Harrow-Pike)")
    names = [text[a:b] for a, b in credit_line_names(text)]
    assert names == ["Mireille Dacosta-Vane", "Tobin Asher", "Idris Kamel", "Oona Harrow-Pike"]


def test_a_shows_credit_names_its_producer():
    text = "That's all for this week.\n\nThe Signal Desk is produced by Callum Osei-Brandt. Transcripts may contain errors."
    assert [text[a:b] for a, b in credit_line_names(text)] == ["Callum Osei-Brandt"]


@pytest.mark.parametrize("text", [
    "The detergent is produced by Harlow Brands in two plants in Ohio.",  # a sentence, not a credit
    "Reporting by analysts at Brenmoor suggested demand was cooling.",    # lower-case words after "by"
    "The fund was edited out of the filing by Marlow Capital lawyers last year.",
])
def test_sentences_that_are_not_credits(text):
    assert credit_line_names(text) == []


@pytest.mark.parametrize("text, name", [
    ("Tarn Systems shares fell 3%.\n\n(Reporting by Lucia Benedetti-Roe in Milan; Editing by Ansel Okonkwo-Frey)",
     "Ansel Okonkwo-Frey"),
    ("Welcome back to the show.\n\nDeep Stack is produced by Marguerite Oyelaran-Price. Transcript may contain errors.",
     "Marguerite Oyelaran-Price"),
])
def test_a_credited_name_is_a_person_not_a_firm(nodes_of, text, name):
    nodes = nodes_of(text)
    assert (name, "person") in nodes
    assert not {n for n in nodes if n[0] == name and n[1] != "person"}


# -- a suffix word that says firm beats a person reading -------------------------------------------------
def test_an_asset_manager_is_a_company(nodes_of):
    nodes = nodes_of('"Demand is not the problem," said Oren Castell-Ruiz, a portfolio manager at '
                     'Pelham Crane Asset Management, who owns the stock.')
    assert ("Pelham Crane Asset Management", "company") in nodes
    assert ("Oren Castell-Ruiz", "person") in nodes


@pytest.mark.parametrize("name", ["Corley Brandt Investments", "Lowry Harlan Associates", "Pembry Ashe Advisors",
                                  "Dunmore Kell Enterprises", "Harwick Moss Financial"])
def test_a_firm_word_last_is_no_persons_name(name):
    import spacy

    from extract.entities import looks_like_person_name
    doc = spacy.blank("en")(name)
    assert not looks_like_person_name(doc[:])


# -- a firm named after its owner -------------------------------------------------------------------------
def test_a_family_office_named_after_its_owner_is_a_firm(nodes_of):
    nodes = nodes_of("Backers included Sequoia Capital and Rolf Amberg, the Norvik founder, who invested through "
                     "his family office, Amberg Expeditions.")
    assert ("Amberg Expeditions", "company") in nodes
    assert ("Amberg Expeditions", "person") not in nodes


def test_a_surname_the_tagger_reads_as_a_plural_stays_a_person(nodes_of):
    nodes = nodes_of("Chief financial officer Kirsten Spears said the company would keep paying down its debt.")
    assert ("Kirsten Spears", "person") in nodes


# -- a company's former name is the company ----------------------------------------------------------------
def _node_of(graph_nodes, name):
    return next((d for d in graph_nodes if d["name"] == name or name in d.get("aliases", ())), None)


@pytest.mark.parametrize("text, current, former", [
    ("Dorvane also holds a stake in the Japanese chipmaker Quellmark, formerly Ashdown Memory, through a consortium.",
     "Quellmark", "Ashdown Memory"),
    ("Nvidia said it had acquired Tova, the payments company formerly known as Chirrup, in an all-stock deal. "
     "Tova raised $40 million last year.", "Tova", "Chirrup"),
    ("The group traces its roots to Halden Electronics, which was founded in 1983 as a unit of the Halden Group and "
     "renamed Corvex Semiconductor after the group broke up.", "Halden Electronics", "Corvex Semiconductor"),
])
def test_a_former_name_is_an_alias_of_the_company(text, current, former):
    from graph.build import build_graph
    nodes = [d for _, d in build_graph([text]).nodes(data=True)]
    node = _node_of(nodes, former)
    assert node is not None and node["type"] == "company"
    assert node["name"] == current


def test_the_first_word_of_a_former_name_is_its_old_parent(nodes_of):
    nodes = nodes_of("Micron holds a stake in the chipmaker Quellmark, formerly Ashdown Memory, through a consortium "
                     "that bought the business from Ashdown in 2018.")
    assert ("Ashdown", "company") in nodes
    assert ("Ashdown Memory", "company") not in nodes


def test_a_lake_formerly_known_by_another_name_gives_no_company(nodes_of):
    nodes = nodes_of("Lake Arven, formerly known as Lake Morrow, is a reservoir in Idaho.")
    assert not any(n[1] == "company" for n in nodes)


def test_a_company_that_renames_its_unit_keeps_its_own_name():
    from graph.build import build_graph
    nodes = [d for _, d in build_graph(["Microsoft renamed its cloud unit Skyvane in 2020."]).nodes(data=True)]
    microsoft = _node_of(nodes, "Microsoft")
    assert microsoft is not None and "Skyvane" not in microsoft.get("aliases", ())


# -- fragments ---------------------------------------------------------------------------------------------
def test_a_name_cut_before_and_keeps_no_and():
    import spacy

    from extract.components import clean_span
    doc = spacy.blank("en")("pointing to Microsoft 's Corvel and Nvidia 's Grace")
    assert clean_span(doc[4:6]).text == "Corvel"  # the NER's "Corvel and"


def test_a_legal_form_alone_is_no_name():
    from extract.gazetteer import load_gazetteer
    assert {"Inc.", "LLC", "Ltd."} <= load_gazetteer().not_entities


# -- a correction's misspelling is the right name ----------------------------------------------------------
def test_a_misspelling_a_correction_names_is_the_person():
    from graph.build import build_graph
    text = ("Tessaly was founded in 2004 by Oriel Brandauer, who ran it until the sale.\n\n"
            "Correction: An earlier version misspelled the founder's name. He is Oriel Brandauer, not Oriel Brandaur.")
    nodes = [d for _, d in build_graph([text]).nodes(data=True) if d["type"] == "person"]
    assert [d["name"] for d in nodes] == ["Oriel Brandauer"]


def test_a_name_set_against_another_that_is_no_misspelling_stays_apart():
    from graph.build import build_graph
    text = "The board chose Oriel Brandauer, not Tomas Brandauer, as chair of Tessaly."
    names = {d["name"] for _, d in build_graph([text]).nodes(data=True) if d["type"] == "person"}
    assert {"Oriel Brandauer", "Tomas Brandauer"} <= names


# -- names the NER misses or misreads, by what the sentence says of them ----------------------------------
def test_a_speaker_with_a_title_is_a_person_whatever_the_ner_saw(nodes_of):
    nodes = nodes_of('"Demand is holding up," said Park Ji-hoon-Ellery, a memory analyst at Harwell Brook Securities.')
    assert ("Park Ji-hoon-Ellery", "person") in nodes


def test_a_speakers_title_must_follow_the_comma(make_doc):
    from extract.title_names import _Typed, speaker_spans
    doc = make_doc('"Demand is holding up," said Harwell Brook, the broker, in a note on Friday.', {})
    assert speaker_spans(doc, _Typed(doc, [])) == []


def test_where_someone_worked_is_an_employer(nodes_of):
    nodes = nodes_of("The founders were Ilse Marr, a former researcher at Google, and Tomas Quint, an engineer who "
                     "had worked at Velonia.")
    assert ("Velonia", "company") in nodes


def test_a_name_listed_among_people_only_is_a_person(nodes_of):
    nodes = nodes_of("Users can pick celebrity voices including Judi Dench, John Cena and Awkwafina.")
    assert ("Awkwafina", "person") in nodes


def test_a_foreign_papers_article_is_no_given_name(nodes_of):
    nodes = nodes_of("The company shares revenue with publishers including Time and Der Spiegel.")
    assert ("Time Spiegel", "person") not in nodes
