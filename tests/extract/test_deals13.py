"""deals13: an agent noun of holding ("investor", "backer", "shareholder") describing a company states a
holding, not a dated deal; "became an investor" is the event (hand-typed entities, the model's parse)."""
from __future__ import annotations


C = "COMPANY"


def parties(deal):
    return sorted(p.mention.text for p in deal.parties)


def test_an_investor_in_apposition_is_a_holding_not_a_deal(kept_deals):
    text = "Brisco Power, an investor in Tessaly Labs, sells turbines to utilities."
    assert kept_deals(text, {"Brisco Power": C, "Tessaly Labs": C}) == []


def test_an_investor_after_a_copula_is_a_holding_not_a_deal(kept_deals):
    text = "Ostrander Mobile is a shareholder in Tessaly Labs, and it will remain a minority investor in Quarry AI."
    assert kept_deals(text, {"Ostrander Mobile": C, "Tessaly Labs": C, "Quarry AI": C}) == []


def test_becoming_an_investor_is_the_event(kept_deals):
    [deal] = kept_deals("In 2023 Brisco Power became an investor in Tessaly Labs.", {"Brisco Power": C, "Tessaly Labs": C})
    assert deal.kind == "investment" and parties(deal) == ["Brisco Power", "Tessaly Labs"]


# -- modality: a negated denying word affirms; a yes/no question states nothing ---------------------------

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from extract.modality import deal_modality, is_asked, is_negated  # noqa: E402


def _doc(words, heads, deps, pos=None):
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos or ["X"] * len(words))


def test_a_negated_denying_word_affirms():
    # "Quorra has not gone unnoticed by rivals": the rivals noticed
    doc = _doc(["Quorra", "has", "not", "gone", "unnoticed", "by", "rivals"],
               [3, 3, 3, 3, 3, 3, 5], ["nsubj", "aux", "neg", "ROOT", "acomp", "agent", "pobj"])
    assert not is_negated(doc[6]) and deal_modality(doc[6]) is None
    plain = _doc(["Quorra", "has", "not", "gone", "to", "rivals"], [3, 3, 3, 3, 3, 4],
                 ["nsubj", "aux", "neg", "ROOT", "prep", "pobj"])
    assert is_negated(plain[5])


def test_a_yes_no_question_states_nothing():
    # "Is Harwick an investor in Corvalis?"
    words = ["Is", "Harwick", "an", "investor", "in", "Corvalis", "?"]
    doc = _doc(words, [0, 0, 3, 0, 3, 4, 0], ["ROOT", "nsubj", "det", "attr", "prep", "pobj", "punct"],
               ["AUX", "PROPN", "DET", "NOUN", "ADP", "PROPN", "PUNCT"])
    assert is_asked(doc[3]) and is_negated(doc[3])


def test_what_a_question_s_subject_names_is_given():
    # "Is Nvidia's partnership with Arm in trouble?": the partnership is presupposed
    words = ["Is", "Nvidia", "'s", "partnership", "with", "Arm", "in", "trouble", "?"]
    doc = _doc(words, [0, 3, 1, 0, 3, 4, 0, 6, 0], ["ROOT", "poss", "case", "nsubj", "prep", "pobj", "prep", "pobj", "punct"],
               ["AUX", "PROPN", "PART", "NOUN", "ADP", "PROPN", "ADP", "NOUN", "PUNCT"])
    assert not is_asked(doc[3])


def test_a_statement_is_not_asked():
    words = ["Harwick", "is", "an", "investor", "in", "Corvalis", "."]
    doc = _doc(words, [1, 1, 3, 1, 3, 4, 1], ["nsubj", "ROOT", "det", "attr", "prep", "pobj", "punct"],
               ["PROPN", "AUX", "DET", "NOUN", "ADP", "PROPN", "PUNCT"])
    assert not is_asked(doc[3])
