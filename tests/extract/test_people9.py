"""People's moves, round 9 (issue 12): a person given a new post ("became executive chairman", "joins as vice
president", "was named chief financial officer") in a sentence whose only companies are the person's past
employers, named beside the name ("the former president of X", "Former X director"), holds the post at the
company the passage is about, not at the past employer; a funding passage's investor is no such company.
Names are invented; the full pipeline types them."""
from __future__ import annotations

from extract.pipeline import extract_doc
from extract.records import Article


def _triples(nlp, text):
    got = extract_doc(nlp(text), Article(id="t1", text=text)).relations
    return {(r.source.text, r.relation, r.target.text, r.rule.split("+")[0]) for r in got}


def _facts(nlp, text):
    return {t[:3] for t in _triples(nlp, text)}


def test_a_new_post_beside_a_past_employer_is_at_the_previous_sentences_company(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Corvane Systems, the Austin chipmaker, named a new chief executive in June. Dana Pike, "
                 "the former president of Hooli Systems, also invested and became executive chairman.")
    assert ("Dana Pike", "leads", "Corvane Systems") in got


def test_a_hire_in_a_release_list_works_for_the_releases_company(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Varrow Dynamics today announced three senior hires as Varrow Dynamics expands its "
                 "factory team.\n\n- Former Hooli Systems engineering director Lena Ortiz joins as vice president of "
                 "manufacturing")
    assert ("Lena Ortiz", "works_for", "Varrow Dynamics") in got


def test_a_named_officer_beside_a_past_employer_works_for_the_passages_company(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Brisco Labs, the Leeds maker of sensors, reported record orders on Tuesday. Mei Tan, "
                 "a former executive at Marlowe Bank, was named chief financial officer last month.")
    assert ("Mei Tan", "works_for", "Brisco Labs") in got


def test_the_post_stated_with_its_company_is_not_moved(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Corvane Systems, the Austin chipmaker, named a new chief executive in June. Dana Pike, "
                 "the former president of Hooli Systems, became executive chairman of Quillon Labs.")
    assert ("Dana Pike", "leads", "Quillon Labs") in got
    assert ("Dana Pike", "leads", "Corvane Systems") not in got


def test_no_new_post_no_edge(newsgraph_nlp):
    got = _facts(newsgraph_nlp, "Corvane Systems, the Austin chipmaker, reported results in June. Dana Pike, the former "
                 "president of Hooli Systems, said Brisco Labs had become a rival.")
    assert not {f for f in got if f[0] == "Dana Pike" and f[2] == "Corvane Systems"}


def test_an_investor_of_the_previous_sentence_is_not_the_new_posts_company(newsgraph_nlp):
    text = ("Tessaly Labs, the Boston start-up, raised $40 million in a round led by Brightwater Capital. Fennick "
            "Ventures and Oduya Partners joined them. Dana Pike, the former president of Hooli Systems, also invested "
            "and became executive chairman.")
    got = _facts(newsgraph_nlp, text)
    assert not {f for f in got if f[0] == "Dana Pike" and f[2] in ("Fennick Ventures", "Oduya Partners")}
