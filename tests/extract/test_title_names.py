"""Names beside job titles (``extract.title_names``): companies and people that a title types.

Three levels: the cues alone on hand-built Docs, the entity typer on parsed invented sentences with the
NER's misreadings set by hand (so the tests hold whatever one model release reads), and a few sentences
through the whole pipeline, down to the relation the typed names let the title rules find.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.pipeline import extract_article
from extract.records import Article
from extract.title_names import (
    _Typed,
    appointer_spans,
    company_titles,
    is_name_word,
    joiner_spans,
    listed_people_spans,
    name_title_name_spans,
    officer_titles,
    retypable_as_company,
    title_owner_spans,
)


def found(cue, doc, candidates=()):
    return sorted((c[0].text, c[1]) for c in cue(doc, _Typed(doc, list(candidates))))


# -- the cues on hand-built Docs ------------------------------------------------------------------

def test_title_words_come_from_the_relation_lexicon():
    assert {"ceo", "co-founder", "chief financial officer"} <= officer_titles()
    assert {"president", "engineer", "analyst"} <= company_titles()
    # titles of parties, armies, universities and newsrooms say nothing of a company
    assert not {"leader", "commander", "dean", "professor", "editor"} & company_titles()


def test_name_words_leave_out_titles_honorifics_and_dates(blank):
    doc = blank("Former Dr Vantor CEO in May Tomorrow Lund")
    assert [t.text for t in doc if is_name_word(t)] == ["Vantor", "Lund"]


@pytest.mark.parametrize("text, expected", [
    ("Brightwell chief executive Hannah Okafor said", [("Brightwell", "COMPANY"), ("Hannah Okafor", "PERSON")]),
    ("Ostra Robotics co-founder Felix Amadi left", [("Felix Amadi", "PERSON"), ("Ostra Robotics", "COMPANY")]),
    ("Tidewell 's interim CFO Marcus Bell expects", [("Marcus Bell", "PERSON"), ("Tidewell", "COMPANY")]),
    # no person after the title: the title may be anyone's ("Senate President said")
    ("Tidewell CEO said so", []),
    # a plural title lists people, and a list of titles has one owner
    ("Tidewell engineers Ana Ruiz and Jon Berg", [("Tidewell", "COMPANY"), ("Ana Ruiz", "PERSON")]),
    ("Corvane co-founder and CEO Omar Haddad spoke", [("Corvane", "COMPANY"), ("Omar Haddad", "PERSON")]),
    # "leader" is no company's title
    ("Labour leader Keir Starmer spoke", []),
])
def test_name_title_name(blank, text, expected):
    assert found(name_title_name_spans, blank(text)) == sorted(expected)


def test_a_known_name_keeps_its_type(blank):
    doc = blank("Kenya President Ana Ruiz and Google engineer Jon Berg")
    known = [(doc[0:1], "PLACE", "gazetteer", None), (doc[5:6], "COMPANY", "gazetteer", None)]
    assert found(name_title_name_spans, doc, known) == [("Ana Ruiz", "PERSON"), ("Jon Berg", "PERSON")]


def test_possessed_officer_title(blank):
    doc = blank("Corvane 's co-founder left . Nimbus 's former CTO left . Obama 's chief of staff left .")
    assert found(title_owner_spans, doc) == [("Corvane", "COMPANY"), ("Nimbus", "COMPANY")]


def test_a_persons_co_founder_is_no_company(blank):
    # the text names Mark Zuckerberg: "Zuckerberg's co-founder" is his
    doc = blank("Mark Zuckerberg spoke . Zuckerberg 's co-founder left .")
    assert found(title_owner_spans, doc, [(doc[0:2], "PERSON", "ner", None)]) == []


def _ner(doc, start, end, label):
    doc.ents = [doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=label)]
    return doc


def test_which_ner_readings_a_title_retypes(blank):
    typed = lambda d: _Typed(d, [])  # noqa: E731
    # the NER's own organisation: only an officer's title retypes it (a club has a president too)
    harvard = _ner(blank("Harvard president Ana Ruiz"), 0, 1, "ORG")
    assert not retypable_as_company(harvard[0:1], typed(harvard), officer=False)
    assert retypable_as_company(harvard[0:1], typed(harvard), officer=True)
    # a name the NER runs on past, or a one-word person
    vantor = _ner(blank("Vantor CEO Lukas Brenner"), 0, 4, "WORK_OF_ART")
    assert retypable_as_company(vantor[0:1], typed(vantor), officer=True)
    corvane = _ner(blank("Corvane 's CEO"), 0, 1, "PERSON")
    assert retypable_as_company(corvane[0:1], typed(corvane), officer=True)
    # a person's full name, a nationality, an organisation's words: never
    lund = _ner(blank("Mia Lund 's CEO"), 0, 2, "PERSON")
    assert not retypable_as_company(lund[0:2], typed(lund), officer=True)
    french = _ner(blank("French CEO"), 0, 1, "NORP")
    assert not retypable_as_company(french[0:1], typed(french), officer=True)
    assert not retypable_as_company(blank("Tidewell University")[0:2], typed(blank("x")), officer=True)
    # an unknown name the NER calls a place holds a chief executive, not a president
    tess = _ner(blank("Tessellate CEO Ana Ruiz"), 0, 1, "GPE")
    assert retypable_as_company(tess[0:1], typed(tess), officer=True)
    assert not retypable_as_company(tess[0:1], typed(tess), officer=False)


def test_appointer_needs_its_and_a_company_title(blank):
    def doc_with_verb(text, verb_index, lemma):
        doc = blank(text)
        doc[verb_index].lemma_ = lemma
        return doc

    assert found(appointer_spans, doc_with_verb("Halcyon has hired Ruth Adler as its chief financial officer .", 2, "hire")) \
        == [("Halcyon", "COMPANY")]
    assert found(appointer_spans, doc_with_verb("Ferrovia on Monday named Paolo Conti its interim chief executive .", 3, "name")) \
        == [("Ferrovia", "COMPANY")]
    # not "its" officer, or not a company's title, or no name before the verb
    assert found(appointer_spans, doc_with_verb("Ferrovia named Paolo Conti chief executive .", 1, "name")) == []
    assert found(appointer_spans, doc_with_verb("Milan named Paulo Fonseca its coach .", 1, "name")) == []
    assert found(appointer_spans, doc_with_verb("The board named Lisa Park its chairwoman .", 2, "name")) == []


def _parsed(blank, words, heads, deps, pos, lemmas=None, tags=None):
    return Doc(blank.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or words, tags=tags)


def test_joiner_as_an_officer(blank):
    doc = _parsed(blank, "Ana Ruiz joined Tessellate as CTO".split(), [1, 2, 2, 2, 2, 4],
                  ["compound", "nsubj", "ROOT", "dobj", "prep", "pobj"], ["PROPN", "PROPN", "VERB", "PROPN", "ADP", "NOUN"],
                  lemmas=["Ana", "Ruiz", "join", "Tessellate", "as", "CTO"])
    assert found(joiner_spans, doc) == [("Ana Ruiz", "PERSON"), ("Tessellate", "COMPANY")]


def test_joiner_from_no_known_company_says_nothing(blank):
    # "He joined Harvard from Stanford": neither is known to be a company, and no name is a person's
    doc = _parsed(blank, "Lina Park joined Harvard from Stanford".split(), [1, 2, 2, 2, 2, 4],
                  ["compound", "nsubj", "ROOT", "dobj", "prep", "pobj"], ["PROPN", "PROPN", "VERB", "PROPN", "ADP", "PROPN"],
                  lemmas=["Lina", "Park", "join", "Harvard", "from", "Stanford"])
    assert found(joiner_spans, doc) == []


def test_listed_people_need_a_people_noun(blank):
    words = "the researchers , Ana Silva and Jon Berg".split()
    heads, deps = [1, 1, 1, 4, 1, 4, 7, 4], ["det", "ROOT", "punct", "compound", "appos", "cc", "compound", "conj"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN"]
    doc = _parsed(blank, words, heads, deps, pos, tags=["DT", "NNS", ",", "NNP", "NNP", "CC", "NNP", "NNP"])
    assert found(listed_people_spans, doc, [(doc[3:5], "PERSON", "ner", None)]) == [("Jon Berg", "PERSON")]
    # "the deal , Ana Silva and Jon Berg": no people noun, no reading
    doc = _parsed(blank, ["the", "deal", *words[2:]], heads, deps, pos, tags=["DT", "NN", ",", "NNP", "NNP", "CC", "NNP", "NNP"])
    assert found(listed_people_spans, doc, [(doc[3:5], "PERSON", "ner", None)]) == []


# -- the entity typer on parsed sentences, with the NER's misreadings set by hand -----------------

@pytest.mark.parametrize("text, ner, expected", [
    # the NER reads company, title and person as one work of art (wire copy, a quote first)
    ('"It is a big moment," Vantor CEO Lukas Brenner told reporters.', {"Vantor CEO Lukas Brenner": "WORK_OF_ART"},
     {"Vantor": "COMPANY", "Lukas Brenner": "PERSON"}),
    # trade press, the company unseen by the NER
    ("Zentro co-founder Mia Lund is stepping down after six years.", {"Mia Lund": "PERSON"},
     {"Zentro": "COMPANY", "Mia Lund": "PERSON"}),
    # a tabloid's short titles
    ("Vantor boss Lukas Brenner refused to comment on Friday.", {"Lukas Brenner": "PERSON"},
     {"Vantor": "COMPANY", "Lukas Brenner": "PERSON"}),
    # an earnings note: an analyst's firm
    ("Tidewell analyst Priya Raman cut her price target on the shares.", {"Priya Raman": "PERSON"},
     {"Tidewell": "COMPANY", "Priya Raman": "PERSON"}),
    # a one-word company the NER calls a person, owning an officer's title
    ("Corvane's co-founder and chief scientist, Omar Haddad, previously worked at Apple.",
     {"Corvane": "PERSON", "Omar Haddad": "PERSON", "Apple": "ORG"}, {"Corvane": "COMPANY", "Omar Haddad": "PERSON"}),
    # a press release: whoever names someone its officer
    ("Pellucid named Victor Hale, a veteran of Intel and Qualcomm, its new president.",
     {"Victor Hale": "PERSON", "Intel": "ORG", "Qualcomm": "ORG"}, {"Pellucid": "COMPANY", "Victor Hale": "PERSON"}),
    ("Last week Brambleway appointed Jo Tan as its chief operating officer.", {"Jo Tan": "PERSON"},
     {"Brambleway": "COMPANY", "Jo Tan": "PERSON"}),
    ("Brindle promoted Sara Lind to chief operating officer after the sale.", {"Brindle": "PERSON", "Sara Lind": "PERSON"},
     {"Brindle": "COMPANY", "Sara Lind": "PERSON"}),
    # a profile: a full name that joins an employer from a company
    ("Nadia Pereira joined Halvine from Microsoft, where she ran a research team.",
     {"Nadia Pereira": "ORG", "Halvine": "ORG", "Microsoft": "ORG"}, {"Nadia Pereira": "PERSON", "Halvine": "COMPANY"}),
    # a list of people set beside a plural people noun
    ("Marrow AI was started by two former Stripe engineers, Jun Park and Ella Stone, in 2022.",
     {"Marrow AI": "ORG", "Stripe": "ORG", "Jun Park": "PERSON"}, {"Jun Park": "PERSON", "Ella Stone": "PERSON"}),
    # a list of titles, a plural title, a relative clause's owner
    ("Corvane co-founder and CEO Omar Haddad spoke first.", {"Omar Haddad": "PERSON"}, {"Corvane": "COMPANY"}),
    ("Vantor co-founders Mia Lund and Karl Weiss left the company in June.", {"Mia Lund": "PERSON", "Karl Weiss": "PERSON"},
     {"Vantor": "COMPANY", "Mia Lund": "PERSON"}),
    ("Halvine, whose chief executive joined from Microsoft last year, raised more money.", {"Halvine": "ORG", "Microsoft": "ORG"},
     {"Halvine": "COMPANY"}),
    # an interview: the holder set off by commas after the title
    ("Kestrel's chief executive, Ana Ruiz, declined to comment.", {}, {"Kestrel": "COMPANY", "Ana Ruiz": "PERSON"}),
])
def test_typer_reads_names_beside_titles(types, text, ner, expected):
    got = types(text, ner)
    assert {name: got.get(name) for name in expected} == expected


@pytest.mark.parametrize("text, ner, name, not_label", [
    # political, sports and academic titles make no company
    ("Labour leader Keir Starmer visited the plant on Tuesday.", {"Labour": "ORG", "Keir Starmer": "PERSON"}, "Labour", "COMPANY"),
    ("Chelsea manager Mauricio Pochettino praised the defence.", {"Chelsea": "ORG"}, "Chelsea", "COMPANY"),
    ("Germany named Hans Klein its ambassador to Japan.", {"Germany": "GPE", "Hans Klein": "PERSON"}, "Germany", "COMPANY"),
    # a surname of a person named in full stays the person's
    ("Mark Zuckerberg spoke first. Zuckerberg's co-founder Eduardo Saverin spoke next.",
     {"Mark Zuckerberg": "PERSON", "Zuckerberg": "PERSON", "Eduardo Saverin": "PERSON"}, "Zuckerberg", "COMPANY"),
    # people appoint too: to a post that is no officer's, or where the text names them in full
    ("Obama appointed Rahm Emanuel as chief of staff.", {"Obama": "PERSON", "Rahm Emanuel": "PERSON"}, "Obama", "COMPANY"),
    ("Elon Musk bought the site. Musk named Linda Yaccarino as chief executive.",
     {"Elon Musk": "PERSON", "Musk": "PERSON", "Linda Yaccarino": "PERSON"}, "Musk", "COMPANY"),
    # a day is no company
    ("Tomorrow CEO Jane Doe will speak at the summit.", {"Jane Doe": "PERSON"}, "Tomorrow", "COMPANY"),
])
def test_typer_leaves_other_titles_alone(types, text, ner, name, not_label):
    assert types(text, ner).get(name) != not_label


# -- the whole pipeline: the typed names give the title rules their relation ----------------------

@pytest.mark.parametrize("text, relation", [
    ('"It is a big moment," Vantor CEO Lukas Brenner told Reuters.', ("Lukas Brenner", "leads", "Vantor")),
    ("Zentro co-founder Mia Lund is stepping down as chief executive.", ("Mia Lund", "founded", "Zentro")),
    ("Corvane's co-founder and chief scientist, Omar Haddad, previously worked at Apple.", ("Omar Haddad", "founded", "Corvane")),
    ("Nadia Pereira joined Halvine from Microsoft last year.", ("Nadia Pereira", "works_for", "Halvine")),
])
def test_pipeline_relations_from_typed_names(newsgraph_nlp, text, relation):
    result = extract_article(newsgraph_nlp, Article("t", text))
    assert relation in {(r.source.text, r.relation, r.target.text) for r in result.relations}
