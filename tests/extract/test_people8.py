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


# -- role.founder_list: every person of a founding's list founded the company ---------------------------------


def test_a_described_list_after_a_pronouns_founding_gives_every_founder(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Brindle Robotics makes warehouse arms. It was founded in 2019 as Brindle Automation, "
                   "a parts maker, by three former traders, Ana Ruiz, Tom Kell and Omar Diaz, and took its current "
                   "name in 2021.")
    assert {("Tom Kell", "founded", "Brindle Robotics"), ("Omar Diaz", "founded", "Brindle Robotics")} <= got


def test_a_founder_added_with_together_with(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Kirin Labs, the start-up founded in 2021 by former Sony researchers Ken Sato and "
                   "Yui Mori together with Aki Ono, a former banker, raised $30 million.")
    assert ("Aki Ono", "founded", "Kirin Labs") in got


def test_a_with_list_after_the_started_company_past_relative_clauses(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Along the way he interned at Hooli, and he spent a year as a research scientist at "
                   "Initech before leaving in 2022 to start Pellwood Labs with Dara Finn, a former research scientist at "
                   "Globex's AI lab who is now its chief technology officer, Lee Chan, an engineer who had worked at "
                   "Quillon, and Bo Park, a co-founder of Stripe.")
    founders = {r[0] for r in got if r[1:] == ("founded", "Pellwood Labs")}
    assert founders >= {"Dara Finn", "Lee Chan", "Bo Park"}, got
    assert ("Lee Chan", "founded", "Quillon") not in got


def test_people_in_a_founders_relative_clause_or_a_later_clause_founded_nothing(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Kirin Labs was founded in 2021 by Ken Sato, who met Yui Mori and Aki Ono at Sony.")
    assert ("Yui Mori", "founded", "Kirin Labs") not in got and ("Aki Ono", "founded", "Kirin Labs") not in got
    got = _triples(newsgraph_nlp, "Brindle Robotics, founded by Ana Ruiz, hired Tom Kell and Omar Diaz from Globex in 2022.")
    assert not {r for r in got if r[1] == "founded" and r[0] in ("Tom Kell", "Omar Diaz")}


# -- a title a relative clause says of one listed person is not the next person's ------------------------------


def test_a_relative_clauses_title_is_not_held_by_the_next_name_of_the_list(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "He left in 2022 to start Pellwood Labs with Dara Finn, a former research scientist at "
                   "Globex's AI lab who is now its chief technology officer, Lee Chan, an engineer who had worked at "
                   "Quillon, and Bo Park.")
    assert not {r for r in got if r[0] == "Lee Chan" and r[2] in ("Globex", "Pellwood Labs") and r[1] != "founded"}


def test_a_possessed_title_before_a_name_is_still_that_names(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Quorvane Systems said on Monday that its chief executive, Dana Pike, would retire.")
    assert ("Dana Pike", "leads", "Quorvane Systems") in got


def test_a_hyphenated_start_up_run_by_a_person_is_led_by_them(newsgraph_nlp):
    # the tagger reads "run" after "start-up" as a noun in apposition, not as a participle
    got = _triples(newsgraph_nlp, "Tessaly Labs, the Boston medical-imaging start-up run by Omar Vance, raised $40 million.")
    assert ("Omar Vance", "leads", "Tessaly Labs") in got


# -- "described X as the partner of Y": the title is the object's --------------------------------------------


def test_a_title_after_describe_as_is_the_objects_not_the_speakers(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Globex bought Initech. Jane Roe, Globex's chief executive, has described Initech as the "
                   "natural partner of Hooli Systems, the software company Globex bought in 2019.")
    assert ("Jane Roe", "leads", "Globex") in got
    assert not {r for r in got if r[0] == "Jane Roe" and r[2] == "Hooli Systems"}


def test_a_title_the_speaker_gives_herself_is_hers(newsgraph_nlp):
    got = _triples(newsgraph_nlp, "Jane Roe described herself as a co-founder of Initech.")
    assert ("Jane Roe", "founded", "Initech") in got
