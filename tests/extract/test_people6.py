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
