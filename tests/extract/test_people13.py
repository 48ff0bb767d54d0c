"""people13: readings of career histories (obituaries, timelines, founder posts, show notes).

"co-founded" is one word read as "founded" (extract.pipeline.keep_co_lead_whole): split at the hyphen,
"X was co-founded in 2023 by A and B" parsed "co" as the verb and lost its agents.
"""
from __future__ import annotations

from extract.pipeline import extract_doc
from extract.records import Article

P, C = "PERSON", "COMPANY"


def founders(pipeline_doc, text, ents):
    doc = pipeline_doc(text, ents)
    relations = extract_doc(doc, Article(id="t", text=text)).relations
    return {(r.source.text, r.target.text) for r in relations if r.relation == "founded"}


def test_co_found_reads_as_found(pipeline_doc):
    doc = pipeline_doc("She co-founded Norvale, is co-founding another and co-founds a third; he will co-found one.", {})
    assert [(t.text, t.lemma_) for t in doc if t.lower_.startswith("co-found")] == [
        ("co-founded", "found"), ("co-founding", "found"), ("co-founds", "found"), ("co-found", "found")]


def test_a_passive_co_founded_with_a_date_keeps_its_agents(pipeline_doc):
    text = "Norvale was co-founded in 2019 by Ada Renn and Tom Hale, who had worked together at Quarry."
    found = founders(pipeline_doc, text, {"Norvale": C, "Ada Renn": P, "Tom Hale": P, "Quarry": C})
    assert {("Ada Renn", "Norvale"), ("Tom Hale", "Norvale")} <= found


def test_a_relative_co_founded_by_a_list_gives_every_founder(pipeline_doc):
    text = "Norvale, which was co-founded by Ada Renn, Tom Hale and Lea Moss, the Quarry founder, says more is coming."
    found = founders(pipeline_doc, text, {"Norvale": C, "Ada Renn": P, "Tom Hale": P, "Lea Moss": P, "Quarry": C})
    assert {("Ada Renn", "Norvale"), ("Tom Hale", "Norvale"), ("Lea Moss", "Norvale")} <= found


def test_before_co_founding_is_said_of_the_main_clause_s_subject(pipeline_doc):
    text = "Before co-founding Norvale, Ada Renn was an engineer at Quarry."
    assert ("Ada Renn", "Norvale") in founders(pipeline_doc, text, {"Norvale": C, "Ada Renn": P, "Quarry": C})


def test_to_co_found_whole_still_gives_the_leaver_and_the_with_list(pipeline_doc):
    text = "Ada Renn spent nine years at Quarry before leaving in 2021 to co-found Norvale with Tom Hale."
    found = founders(pipeline_doc, text, {"Norvale": C, "Ada Renn": P, "Tom Hale": P, "Quarry": C})
    assert {("Ada Renn", "Norvale"), ("Tom Hale", "Norvale")} <= found


def test_a_co_founded_by_list_goes_on_past_a_description_and_with(pipeline_doc):
    text = ("Norvale, the start-up co-founded by Ada Renn, its chief executive, with Tom Hale and Lea Moss, "
            "said its new model beat Quarry's.")
    found = founders(pipeline_doc, text, {"Norvale": C, "Ada Renn": P, "Tom Hale": P, "Lea Moss": P, "Quarry": C})
    assert {("Ada Renn", "Norvale"), ("Tom Hale", "Norvale"), ("Lea Moss", "Norvale")} <= found
