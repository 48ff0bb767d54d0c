"""deals17: deals told in other shapes.

- "in which it has invested since 2017": a "since" date says how long a holding has lasted, not when a
  transaction happened; the present perfect stays a standing holding (relation, no deal).
- "its sale of Gearbox to Take-Two for $460 million": a sale noun names seller, company sold and buyer; the
  seller who owned the company is not bought (also for the verb: "Embracer sold Gearbox to Take-Two").
- "the agency awarded OpenAI a contract worth up to $200 million": a contract a body that is no company
  awards is a one-party ``other`` deal of each company awarded.
"""
from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
from extract.records import Article

ENTS = {name: "COMPANY" for name in ("Halloway Interactive", "Quarry Labs", "Corvath Games", "Brindle Studios",
                                     "Veyra Systems", "Coldharbour AI", "Pemberton Labs", "Arkwright Robotics")}


def _deals(pipeline_doc, text, ents=ENTS):
    doc = pipeline_doc(text, ents)
    return list(find_deals(doc, Article(id="t", text=text, date="2025-08-12")))


def _kept(pipeline_doc, text, ents=ENTS):
    return [(d.kind, frozenset(p.mention.text for p in d.parties), d.amount_usd, d.date)
            for d in _deals(pipeline_doc, text, ents) if d.confidence >= KEEP_CONFIDENCE]


def test_since_date_is_a_holding_not_a_transaction(pipeline_doc):
    text = "Halloway Interactive cut its stake in Quarry Labs, the tools maker in which it has invested since 2019."
    assert _kept(pipeline_doc, text) == []


def test_since_with_an_amount_is_still_a_deal(pipeline_doc):
    text = "Halloway Interactive has invested $40 million in Quarry Labs since 2019."
    assert [(k, p) for k, p, _, _ in _kept(pipeline_doc, text)] == [
        ("investment", frozenset({"Halloway Interactive", "Quarry Labs"}))]


def test_sale_noun_names_seller_sold_and_buyer(pipeline_doc):
    text = ("Corvath Games said its sale of Brindle Studios, the Austin developer, to Halloway Interactive "
            "for $410 million had closed.")
    deals = [d for d in _deals(pipeline_doc, text) if d.confidence >= KEEP_CONFIDENCE]
    assert [(d.kind, frozenset(p.mention.text for p in d.parties), d.amount_usd) for d in deals] == [
        ("acquisition", frozenset({"Corvath Games", "Brindle Studios", "Halloway Interactive"}), 410e6)]
    edges = {(r.source.text, r.relation, r.target.text) for r in deal_relations(deals)}
    assert edges == {("Halloway Interactive", "acquires", "Brindle Studios")}


def test_sale_of_goods_is_no_deal(pipeline_doc):
    assert _kept(pipeline_doc, "Corvath Games said its sale of consoles to Halloway Interactive rose 12% in June.") == []


def test_seller_of_a_verb_sale_is_not_bought(pipeline_doc):
    deals = [d for d in _deals(pipeline_doc, "Corvath Games sold Brindle Studios to Halloway Interactive in March.")
             if d.confidence >= KEEP_CONFIDENCE]
    edges = {(r.source.text, r.relation, r.target.text) for r in deal_relations(deals)}
    assert edges == {("Halloway Interactive", "acquires", "Brindle Studios")}


def test_awarded_contracts_are_one_party_deals(pipeline_doc):
    text = ("In May the unit awarded Veyra Systems a one-year contract worth up to $150 million, and in June it gave "
            "contracts of up to $150 million each to Coldharbour AI, Pemberton Labs and Arkwright Robotics.")
    found = sorted((sorted(p)[0], usd, date) for kind, p, usd, date in _kept(pipeline_doc, text) if kind == "other")
    assert found == [("Arkwright Robotics", 150e6, "2025-06"), ("Coldharbour AI", 150e6, "2025-06"),
                     ("Pemberton Labs", 150e6, "2025-06"), ("Veyra Systems", 150e6, "2025-05")]


def test_passive_award_by_an_agency(pipeline_doc):
    text = "Pemberton Labs was awarded a $12 million contract by the Army Research Office last year."
    assert _kept(pipeline_doc, text) == [("other", frozenset({"Pemberton Labs"}), 12e6, "2024")]


def test_no_award_by_a_company_or_when_hedged(pipeline_doc):
    assert _kept(pipeline_doc, "Pemberton Labs was awarded a $12 million contract by Halloway Interactive.") == []
    assert _kept(pipeline_doc, "The agency could award Veyra Systems a contract worth up to $150 million.") == []
