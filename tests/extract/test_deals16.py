"""deals16: amounts told around a description or with a gloss, and those a participant takes part alongside.

- "bought Kessler Data, the company Pia Lund had founded, in a hostile takeover worth $2.3 billion": the deal
  noun after the comma that closes the object's description is the verb's deal, however the parser hung it.
- "US$1 billion (about 7.2 billion yuan)": the dollar figure with its gloss is one amount, recorded in dollars.
"""
import spacy
from spacy.tokens import Doc

from extract.deals import KEEP_CONFIDENCE, find_deals
from extract.deals.amounts import _deal_nouns_after_description, _with_dollar_glosses
from extract.quantities import iter_money
from extract.records import Article

NLP = spacy.blank("en")

ENTS = {name: "COMPANY" for name in ("Orvent", "Kessler Data", "Quorra", "Halden Group")}


def _kept(make_doc, text):
    doc = make_doc(text, ENTS)
    return [(d.kind, frozenset(p.mention.text for p in d.parties), d.amount_usd)
            for d in find_deals(doc, Article(id="t", text=text, date="2025-06-01")) if d.confidence >= KEEP_CONFIDENCE]


def _glossed(text):
    return [(text[s:e], m.currency, m.amount) for s, e, m in _with_dollar_glosses(list(iter_money(text)), text)]


def test_dollar_figure_with_a_bracketed_gloss_is_one_amount():
    assert _glossed("raised US$1 billion (about 7.2 billion yuan) in a round") == [
        ("US$1 billion (about 7.2 billion yuan", "USD", 1e9)]


def test_two_amounts_joined_by_and_stay_two():
    found = _glossed("raised US$1 billion and 7.2 billion yuan in two rounds")
    assert [text for text, _, _ in found] == ["US$1 billion", "7.2 billion yuan"]


def test_takeover_after_a_description_of_the_object():
    # "Orvent bought Kessler , the company Lund had founded , in a takeover worth $ 2 billion ." (the parser's
    # tree: "in a takeover" on the description's "founded")
    words = ["Orvent", "bought", "Kessler", ",", "the", "company", "Lund", "had", "founded", ",", "in", "a",
             "takeover", "worth", "$", "2", "billion", "."]
    heads = [1, 1, 1, 2, 5, 2, 8, 8, 5, 8, 8, 12, 10, 12, 16, 16, 12, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "appos", "nsubj", "aux", "relcl", "punct", "prep", "det",
            "pobj", "amod", "quantmod", "compound", "appos", "punct"]
    lemmas = ["Orvent", "buy", "Kessler", ",", "the", "company", "Lund", "have", "found", ",", "in", "a",
              "takeover", "worth", "$", "2", "billion", "."]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    assert _deal_nouns_after_description(doc[2], "acquisition") == {12}
    assert _deal_nouns_after_description(doc[2], "investment") == set()  # a takeover is no round


def test_description_without_comma_keeps_its_own_phrase():
    # "Orvent bought Kessler which Lund founded in a garage": no comma closes the description
    words = ["Orvent", "bought", "Kessler", "which", "Lund", "founded", "in", "a", "deal", "."]
    heads = [1, 1, 1, 5, 5, 2, 5, 8, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "dobj", "nsubj", "relcl", "prep", "det", "pobj", "punct"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)
    assert _deal_nouns_after_description(doc[2], "acquisition") == set()


def test_amounts_over_the_parser(pipeline_doc):
    text = ("Orvent bought Kessler Data, the company Pia Lund had founded, in a hostile takeover worth about "
            "$2.3 billion.\n\nQuorra raised more than US$1 billion (about 7.2 billion yuan) in a round led by "
            "Halden Group.")
    kept = _kept(pipeline_doc, text)
    assert ("acquisition", frozenset({"Orvent", "Kessler Data"}), 2.3e9) in kept
    assert ("investment", frozenset({"Quorra", "Halden Group"}), 1e9) in kept
