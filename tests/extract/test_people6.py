"""People's roles, round 6 (issue 12): a title written without its company ("Chief executive Jane Roe said")
is held at the company the passage is about, read nearest first: the company the participle it stands in
describes ("the group, led by chief executive X"), then the company the paragraph's previous sentence is
about, and only then the company the text names most often (often the article's topic, beside which the
one in question is an owner, a buyer or a rival). Names are invented; the full pipeline types them."""
from __future__ import annotations

from extract.pipeline import extract_doc
from extract.records import Article


def _triples(nlp, text):
    got = extract_doc(nlp(text), Article(id="t1", text=text)).relations
    return {(r.source.text, r.relation, r.target.text) for r in got}


TOPIC = ("Shares of Quorvane Systems jumped 20% on Thursday after Quorvane raised its forecast. Analysts said "
         "Quorvane had gained market share. ")


def test_a_title_in_a_participle_is_held_at_the_company_the_participle_describes(newsgraph_nlp):
    got = _triples(newsgraph_nlp, TOPIC + "The rally also lifted Dellmark Group, a Swiss holding group that owns "
                   "about 40% of Quorvane. The holding group, led by founder and chief executive Ilse Brandauer, "
                   "bought its stake in 2014.")
    assert {("Ilse Brandauer", "leads", "Dellmark Group"), ("Ilse Brandauer", "founded", "Dellmark Group")} <= got
    assert not {r for r in got if r[0] == "Ilse Brandauer" and r[2].startswith("Quorvane")}


def test_a_board_led_by_a_chief_is_the_previous_sentences_company(newsgraph_nlp):
    got = _triples(newsgraph_nlp, TOPIC + "In July Quorvane agreed to buy Kestrel Minerals Inc. for $2 billion. A year "
                   "earlier Kestrel Minerals Inc.'s board had rejected an offer as too low. This time the board, led by "
                   "chief executive Tomas Reinholt, backed the sale.")
    assert ("Tomas Reinholt", "leads", "Kestrel Minerals Inc.") in got
    assert ("Tomas Reinholt", "leads", "Quorvane Systems") not in got


def test_a_bare_title_after_a_bullets_company_is_that_companys(newsgraph_nlp):
    got = _triples(newsgraph_nlp, TOPIC + "\n\n* Pellstone Foods Inc. fell 4% after the grocer cut its outlook. "
                   "Chief executive Ravi Oduya also announced job cuts.")
    assert ("Ravi Oduya", "leads", "Pellstone Foods Inc.") in got
    assert ("Ravi Oduya", "leads", "Quorvane Systems") not in got


def test_the_previous_paragraph_does_not_lend_its_company(newsgraph_nlp):
    # a new paragraph after another company's news is about the article's company again
    got = _triples(newsgraph_nlp, TOPIC + "Pellstone Foods Inc. fell 4% after the grocer cut its outlook.\n\n"
                   "Chief executive Ravi Oduya said Quorvane would keep hiring.")
    assert ("Ravi Oduya", "leads", "Pellstone Foods Inc.") not in got


def test_an_economist_strategist_or_lawyer_at_a_firm_works_there(newsgraph_nlp):
    got = _triples(newsgraph_nlp, '"Rates will fall," said Jane Roe, chief economist at Corvane Capital.')
    assert ("Jane Roe", "works_for", "Corvane Capital") in got
    got = _triples(newsgraph_nlp, "Jane Roe, a strategist at Marlowe Bank, expects two cuts.")
    assert ("Jane Roe", "works_for", "Marlowe Bank") in got
    got = _triples(newsgraph_nlp, "Jane Roe, a trade lawyer at Brenwick & Vale in Brussels, said the ruling was odd.")
    assert ("Jane Roe", "works_for", "Brenwick & Vale") in got


def test_a_lawyer_for_a_company_and_a_lone_economist_are_not_its_staff(newsgraph_nlp):
    # "for" names a lawyer's client; an outside voice beside a company comments on it
    got = _triples(newsgraph_nlp, "Jane Roe, a lawyer for Corvane Systems, said the company would appeal.")
    assert ("Jane Roe", "works_for", "Corvane Systems") not in got
    got = _triples(newsgraph_nlp, "Jane Roe, an economist, said Corvane Systems had overpaid.")
    assert ("Jane Roe", "works_for", "Corvane Systems") not in got


def test_the_head_of_a_named_unit_leads_the_unit_and_works_for_the_possessor(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Tom Hale, Corvane Systems' chief technology officer and head of Brisco Labs, "
                   "takes questions from the press.")
    assert ("Tom Hale", "leads", "Brisco Labs") in got
    assert ("Tom Hale", "works_for", "Corvane Systems") in got
    assert ("Tom Hale", "leads", "Corvane Systems") not in got


def test_a_chief_of_two_companies_leads_both(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Tom Hale, chief executive of Corvane Systems and Brisco Labs, spoke on Monday.")
    assert {("Tom Hale", "leads", "Corvane Systems"), ("Tom Hale", "leads", "Brisco Labs")} <= got


def test_founders_in_a_hired_list_founded_the_hired_company_not_the_hirer(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Within hours, Marlowe Bank said it was hiring Tessaly Labs' chief executive, Omar "
                   "Vance, its co-founder Ada Brook and some of its research team.")
    assert not {("Omar Vance", "founded", "Marlowe Bank"), ("Ada Brook", "founded", "Marlowe Bank")} & got


def test_a_span_of_time_as_a_title_at_a_company_is_the_subjects_job(newsgraph_nlp):
    # the parser hangs "as" on "a year"; the title is the subject's ("she", resolved to Jane Roe)
    got = _triples(newsgraph_nlp, "Jane Roe grew up in Leeds. Along the way she interned at Brisco Labs, and she spent "
                   "about a year as a research scientist at Corvane Systems before leaving in 2022 to start Tessaly Labs.")
    assert ("Jane Roe", "works_for", "Corvane Systems") in got
    got = _triples(newsgraph_nlp, "The company spent a year as a supplier to Corvane Systems.")
    assert not {r for r in got if r[1] == "works_for"}


# -- title.fallback_passage: a titled person in a sentence that names no company -----------------------

def _passage_edges(nlp, text):
    got = extract_doc(nlp(text), Article(id="t1", text=text)).relations
    return {(r.source.text, r.relation, r.target.text) for r in got if "title.fallback_passage" in r.rule}


def test_a_titled_person_works_for_the_company_the_previous_sentence_is_about(newsgraph_nlp):
    got = _passage_edges(newsgraph_nlp, "In the blog post, Corvane Systems said the outage lasted four hours. Corvane "
                         "Systems apologised to customers. Senior engineer Jo Marsh wrote that a configuration change "
                         "was to blame.")
    assert got == {("Jo Marsh", "works_for", "Corvane Systems")}


def test_a_people_moves_bullet_in_a_release_is_the_releasing_companys(newsgraph_nlp):
    got = _passage_edges(newsgraph_nlp, "Varrow Dynamics today announced three senior hires as Varrow Dynamics expands "
                         "its factory team.\n\n- Lena Ortiz joins as vice president of manufacturing")
    assert got == {("Lena Ortiz", "works_for", "Varrow Dynamics")}


def test_no_passage_company_for_a_politician_an_officer_or_a_paragraph_of_two_companies(newsgraph_nlp):
    lede = "Marlowe Bank reported a 12% rise in profit on Tuesday. Marlowe Bank said lending grew. "
    assert not _passage_edges(newsgraph_nlp, lede + "Ukrainian President Petro Danko said the tariffs would hurt exporters.")
    assert not _passage_edges(newsgraph_nlp, lede + "The film follows a cavalry officer, Ivan Petrov, through the war.")
    assert not _passage_edges(newsgraph_nlp, "Marlowe Bank reported a 12% rise in profit on Tuesday.\n\nAnalysts said "
                              "Marlowe Bank and Pellstone Foods had both gained. Vice president Ivan Petrov said the "
                              "results were strong.")
