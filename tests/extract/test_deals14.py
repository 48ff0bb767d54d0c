"""deals14: a simple-present deal verb with a date of its own tells an event (the historic present of
timelines); a date under another verb of the sentence does not."""
import spacy
from spacy.tokens import Doc

from extract.deals.frames import _dated_itself, _habitual_present

NLP = spacy.blank("en")


def _doc(words, heads, deps, tags, pos):
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_timeline_entry_date_makes_the_present_an_event():
    # "March 2016 — Quillon buys Brisco ."
    doc = _doc(["March", "2016", "—", "Quillon", "buys", "Brisco", "."],
               [4, 0, 4, 4, 4, 4, 4],
               ["npadvmod", "nummod", "punct", "nsubj", "ROOT", "dobj", "punct"],
               ["NNP", "CD", ":", "NNP", "VBZ", "NNP", "."],
               ["PROPN", "NUM", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"])
    buys = doc[4]
    assert _dated_itself(buys)
    assert not _habitual_present(buys)


def test_date_of_another_verb_leaves_the_present_habitual():
    # "Quillon , which licenses models , bought Brisco in 2021 ."
    words = ["Quillon", ",", "which", "licenses", "models", ",", "bought", "Brisco", "in", "2021", "."]
    heads = [6, 0, 3, 0, 3, 0, 6, 6, 6, 8, 6]
    deps = ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "dobj", "prep", "pobj", "punct"]
    tags = ["NNP", ",", "WDT", "VBZ", "NNS", ",", "VBD", "NNP", "IN", "CD", "."]
    pos = ["PROPN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "VERB", "PROPN", "ADP", "NUM", "PUNCT"]
    doc = _doc(words, heads, deps, tags, pos)
    licenses = doc[3]
    assert not _dated_itself(licenses)
    assert _habitual_present(licenses)
    assert _dated_itself(doc[6])  # the past verb has the date (its tense already makes it an event)


def test_relative_day_is_no_calendar_date():
    # "On Tuesday Quillon licenses ..." names no calendar date: still read as the present
    doc = _doc(["On", "Tuesday", "Quillon", "licenses", "models", "."],
               [3, 0, 3, 3, 3, 3],
               ["prep", "pobj", "nsubj", "ROOT", "dobj", "punct"],
               ["IN", "NNP", "NNP", "VBZ", "NNS", "."],
               ["ADP", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"])
    assert not _dated_itself(doc[3])


# --- over the parser, with hand-typed entities (make_doc, pipeline_doc) ---

from extract.deals import KEEP_CONFIDENCE, find_deals  # noqa: E402
from extract.records import Article  # noqa: E402

ENTS = {name: "COMPANY" for name in ("Harrowgate Bank", "Quillon", "Brisco Labs", "Tessaly Partners", "Sonata Labs")}


def _kept(make_doc, text):
    doc = make_doc(text, ENTS)
    return [(d.kind, frozenset(p.mention.text for p in d.parties), d.amount_usd, d.date)
            for d in find_deals(doc, Article(id="t", text=text, date="2025-06-01")) if d.confidence >= KEEP_CONFIDENCE]


def test_timeline_entries_are_events(pipeline_doc):
    # the full pipeline's parse: it reads the line breaks of a timeline
    text = ("Quillon: a timeline\n\nMarch 2016 \u2014 Harrowgate Bank buys Quillon, then a team of 30, for $40 million.\n\n"
            "January 2021 \u2014 Brisco Labs raises $90 million from Tessaly Partners.")
    kept = _kept(pipeline_doc, text)
    assert ("acquisition", frozenset({"Harrowgate Bank", "Quillon"}), "2016-03") in {(k, p, d) for k, p, _, d in kept}
    assert ("investment", frozenset({"Brisco Labs", "Tessaly Partners"}), 90e6, "2021-01") in kept


def test_present_without_its_own_date_stays_a_standing_arrangement(make_doc):
    kept = _kept(make_doc, "Quillon, which licenses speech models from Sonata Labs, bought Brisco Labs in 2021.")
    assert not any(kind == "licensing" for kind, *_ in kept)
