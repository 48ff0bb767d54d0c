"""deals13: an agent noun of holding ("investor", "backer", "shareholder") describing a company states a
holding, not a dated deal; "became an investor" is the event (hand-typed entities, the model's parse)."""
from __future__ import annotations

from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.records import Article

C = "COMPANY"


def kept(make_doc, text, ents):
    doc = make_doc(text, ents)
    return [d for d in find_deals(doc, Article(id="t", text=text)) if d.confidence >= KEEP_CONFIDENCE]


def parties(deal):
    return sorted(p.mention.text for p in deal.parties)


def test_an_investor_in_apposition_is_a_holding_not_a_deal(make_doc):
    text = "Brisco Power, an investor in Tessaly Labs, sells turbines to utilities."
    assert kept(make_doc, text, {"Brisco Power": C, "Tessaly Labs": C}) == []


def test_an_investor_after_a_copula_is_a_holding_not_a_deal(make_doc):
    text = "Ostrander Mobile is a shareholder in Tessaly Labs, and it will remain a minority investor in Quarry AI."
    assert kept(make_doc, text, {"Ostrander Mobile": C, "Tessaly Labs": C, "Quarry AI": C}) == []


def test_becoming_an_investor_is_the_event(make_doc):
    [deal] = kept(make_doc, "In 2023 Brisco Power became an investor in Tessaly Labs.", {"Brisco Power": C, "Tessaly Labs": C})
    assert deal.kind == "investment" and parties(deal) == ["Brisco Power", "Tessaly Labs"]
