"""People's roles, round 8 (issue 12): a person whose leading verb's object is a part of a company ("led the
team that built the chip", "has run the automotive business") works for the company and leads only the part;
where the part is itself the company named ("a division called X", "chairs the cloud unit" of X Cloud), it is
led. Names are invented; the full pipeline types them."""
from __future__ import annotations

from extract.pipeline import extract_doc
from extract.records import Article


def _triples(nlp, text):
    got = extract_doc(nlp(text), Article(id="t1", text=text)).relations
    return {(r.source.text, r.relation, r.target.text) for r in got}


def test_the_leader_of_a_team_works_for_the_company(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Tessaly Labs raised $40 million on Monday. Omar Vance, who leads the team that "
                   "designed its scanner, said hiring would double.")
    assert ("Omar Vance", "works_for", "Tessaly Labs") in got
    assert ("Omar Vance", "leads", "Tessaly Labs") not in got


def test_the_head_of_a_named_business_works_for_the_company(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Brisco Labs sells chips to carmakers. Mei Tan, who has run the automotive business "
                   "since 2019, said orders rose.")
    assert ("Mei Tan", "works_for", "Brisco Labs") in got
    assert ("Mei Tan", "leads", "Brisco Labs") not in got


def test_a_bare_group_is_the_company_itself(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Orrin Robotics builds warehouse arms. Ada Brook, who heads the group, said demand doubled.")
    assert ("Ada Brook", "leads", "Orrin Robotics") in got


def test_a_division_named_in_the_object_is_led(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Corvane Systems announced that Lena Ortiz would run a new robotics division called "
                   "Corvane Motion.")
    assert ("Lena Ortiz", "leads", "Corvane Motion") in got
