"""Round investors (issue 12, money class), over hand-typed entities (``make_doc``): participants however
the parser hangs them. Invented sentences in several registers."""
from __future__ import annotations

import pytest

from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {"Pellworth": C, "Dunmore": C, "Orrin Bank": C, "Brightwater Capital": C, "Quillon": C,
        "Fennick Ventures": C, "Torvane": C}


def kept(make_doc, text, ents=ENTS):
    doc = make_doc(text, ents)
    return [d for d in find_deals(doc, Article(id="t", text=text)) if d.confidence >= KEEP_CONFIDENCE]



def roles(deal):
    return {(p.mention.text, p.role) for p in deal.parties}


# -- round participants -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the parser hangs "with participation from" on the participle "led", not on the lead investor
    "Quillon makes sensors for trucks. The start-up raised $85m last autumn in a round led by Brightwater "
    "Capital, the investment arm of Torvane, with participation from Fennick Ventures.",
    "Quillon, a maker of sensors for trucks, raised $85 million in a round led by Brightwater Capital, "
    "the growth fund of Torvane, with participation from Fennick Ventures.",
])
def test_participation_from_hung_on_the_lead_participle(make_doc, text):
    [deal] = [d for d in kept(make_doc, text) if d.kind == "investment"]
    assert {("Brightwater Capital", "investor"), ("Fennick Ventures", "investor"), ("Quillon", "investee")} <= roles(deal)
    assert ("Torvane", "investor") not in roles(deal)  # the lead's owner is named, not an investor
