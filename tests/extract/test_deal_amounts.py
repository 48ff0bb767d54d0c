"""Which amount is a deal's: an amount straight after the deal's verb, and the price an agreement's
verb carries for the deal the agreement is to do (hand-typed entities, the model's parse)."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.deals.amounts import _agreement_verbs, _attached

C = "COMPANY"


def test_an_amount_straight_after_the_verb_is_the_round_s_not_the_valuation(kept_deals):
    text = ("Norvale raised $2.5 billion earlier this month at a valuation of $30.5 billion, "
            "in a round led by Quarry Fund.")
    [deal] = kept_deals(text, {"Norvale": C, "Quarry Fund": C})
    assert deal.kind == "investment" and deal.amount_usd == 2.5e9


def test_the_verb_that_made_the_agreement_carries_the_deal_s_price():
    # "it entered into an agreement to acquire Dunmore , a developer , for $ 210 million": the parser
    # hangs "for" from "entered", as the model did on a press release's long apposition
    words = ["it", "entered", "into", "an", "agreement", "to", "acquire", "Dunmore", ",", "a", "developer",
             ",", "for", "$", "210", "million"]
    heads = [1, 1, 1, 4, 2, 6, 4, 6, 7, 10, 7, 1, 1, 15, 15, 12]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "aux", "acl", "dobj", "punct", "det", "appos",
            "punct", "prep", "quantmod", "compound", "pobj"]
    pos = ["PRON", "VERB", "ADP", "DET", "NOUN", "PART", "VERB", "PROPN", "PUNCT", "DET", "NOUN",
           "PUNCT", "ADP", "SYM", "NUM", "NUM"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos,
              lemmas=[w.lower() for w in words])
    acquire, entered, million = doc[6], doc[1], doc[15]
    assert _agreement_verbs(acquire) == {entered.i}
    assert _attached(million, {acquire.i} | _agreement_verbs(acquire))
    assert not _attached(million, {acquire.i})
    assert _agreement_verbs(doc[1]) == set()  # a verb that is not an agreement's


def test_an_amount_after_another_verb_is_not_the_deal_s(kept_deals):
    text = "Pellworth spent $40 million on research last year and agreed to acquire Dunmore."
    [deal] = kept_deals(text, {"Pellworth": C, "Dunmore": C})
    assert deal.kind == "acquisition" and deal.amount_usd is None
