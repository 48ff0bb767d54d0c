""""co-led" is one word read as "led" (extract.pipeline.keep_co_lead_whole): the round it modifies
keeps its investors, whatever else the sentence says."""
from __future__ import annotations

from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.pipeline import extract_doc
from extract.records import Article

C = "COMPANY"


def investors(pipeline_doc, text, ents):
    doc = pipeline_doc(text, ents)
    deals = [d for d in find_deals(doc, Article(id="t", text=text)) if d.confidence >= KEEP_CONFIDENCE]
    return {(d.kind, frozenset(p.mention.text for p in d.parties)) for d in deals}


def test_a_round_co_led_by_two_firms_has_both_as_investors(pipeline_doc):
    text = "- Norvale, the legal-AI start-up, confirmed its $300m Series E from June, co-led by Quarry and Dunmore."
    found = investors(pipeline_doc, text, {"Norvale": C, "Quarry": C, "Dunmore": C})
    assert ("investment", frozenset({"Norvale", "Quarry", "Dunmore"})) in found


def test_firms_that_co_led_it_invest_in_the_round_s_company(pipeline_doc):
    text = ("Norvale closed a Series F of $13 billion. Quarry led the round. Dunmore and Pellworth co-led it, "
            "and the list of participants included Tarn.")
    doc = pipeline_doc(text, {"Norvale": C, "Quarry": C, "Dunmore": C, "Pellworth": C, "Tarn": C})
    relations = extract_doc(doc, Article(id="t", text=text)).relations
    found = {(r.source.text, r.target.text) for r in relations if r.relation == "invests_in"}
    assert {("Quarry", "Norvale"), ("Dunmore", "Norvale"), ("Pellworth", "Norvale"), ("Tarn", "Norvale")} <= found


def test_firms_that_co_led_an_earlier_round_took_part_in_it(pipeline_doc):
    text = "Existing investors Quarry and Dunmore, which co-led Norvale's £9 million seed round in 2023, also took part."
    found = investors(pipeline_doc, text, {"Norvale": C, "Quarry": C, "Dunmore": C})
    assert ("investment", frozenset({"Norvale", "Quarry", "Dunmore"})) in found


def test_co_lead_reads_as_lead(pipeline_doc):
    doc = pipeline_doc("Quarry will co-lead the round, and Dunmore co-led the last one.", {})
    assert [(t.text, t.lemma_) for t in doc if t.norm_ in ("lead", "led")] == [("co-lead", "lead"), ("co-led", "lead")]
