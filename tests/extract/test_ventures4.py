"""Partnerships, joint ventures, licences and deals that did not happen (issue 12, round 4).

Invented sentences with hand-typed entities (``make_doc``): each test reads one construction, and its
near misses show what must not give the fact.
"""
from __future__ import annotations

from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
from extract.records import Article

C = "COMPANY"
ENTS = {"Arvane": C, "Brisco Steel": C, "Cobalt Bank": C, "Dunmore Power": C, "Cobalt Cloud": C}


def deals(make_doc, text, ents=ENTS):
    return list(find_deals(make_doc(text, ents), Article(id="t", text=text)))


def kept(found):
    return [d for d in found if d.confidence >= KEEP_CONFIDENCE]


def summary(found):
    return sorted((d.kind, frozenset(p.mention.text for p in d.parties)) for d in kept(found))


def relations(found):
    return {(r.source.text, r.relation, r.target.text) for r in deal_relations(found)}


# --- the subject list the parser hung on an opening phrase ------------------------------------------

def test_companies_after_an_opening_phrase_are_the_venture_partners(make_doc):
    text = ("Last Tuesday at the White House, Arvane, Brisco Steel and Cobalt Bank announced a joint venture "
            "called Helion that will build data centres.")
    assert summary(deals(make_doc, text)) == [("partnership", frozenset({"Arvane", "Brisco Steel", "Cobalt Bank"}))]


def test_an_opening_phrase_with_its_own_subject_gives_no_extra_partner(make_doc):
    text = "After talks with Arvane and Brisco Steel, Cobalt Bank formed a joint venture with Dunmore Power."
    assert summary(deals(make_doc, text)) == [("partnership", frozenset({"Cobalt Bank", "Dunmore Power"}))]


def test_what_a_joint_venture_will_invest_is_its_amount(make_doc):
    found = kept(deals(make_doc, "Arvane and Brisco Steel formed a joint venture that will invest $2 billion in wind farms."))
    assert [(d.kind, d.amount_usd) for d in found] == [("partnership", 2e9)]
    # the money a venture's partner spends elsewhere is not the venture's
    found = kept(deals(make_doc, "Arvane and Brisco Steel formed a joint venture; Arvane will also invest $2 billion in its mines."))
    assert [(d.kind, d.amount_usd) for d in found if d.kind == "partnership"] == [("partnership", None)]


# --- deals that did not happen ------------------------------------------------------------------

def test_called_off_blocked_collapsed_or_only_offered_gives_no_deal(make_doc):
    for text in (
        "Arvane's attempt to buy Brisco Steel, called off in March after opposition in Brussels, is a warning.",
        "There were reports that Arvane had offered to buy Brisco Steel for about $400 million.",
        "Arvane's proposed merger with Brisco Steel collapsed last week.",
        "Arvane walked away from its planned acquisition of Brisco Steel on Friday.",
        "Arvane's takeover of Brisco Steel was blocked by regulators in May.",
        "The failed takeover of Brisco Steel by Arvane cost both companies dearly.",
    ):
        found = deals(make_doc, text)
        assert kept(found) == [], text
        assert not any(r[1] == "acquires" for r in relations(found)), text


def test_a_completed_acquisition_is_still_a_deal(make_doc):
    text = "Arvane completed its $3 billion acquisition of Brisco Steel in May, after regulators cleared it."
    assert summary(deals(make_doc, text)) == [("acquisition", frozenset({"Arvane", "Brisco Steel"}))]


def test_a_class_noun_tagged_as_a_verb_still_leads_to_the_company_bought(make_doc):
    text = "Last year Arvane bought the chip startup Brisco Steel for $2bn."
    assert summary(deals(make_doc, text)) == [("acquisition", frozenset({"Arvane", "Brisco Steel"}))]


# --- a company chosen as another's partner or provider ------------------------------------------

def test_made_its_primary_cloud_provider_makes_partners_without_a_deal(make_doc):
    for text in ("Arvane said it would make Cobalt Cloud its primary cloud provider.",
                 "Arvane named Cobalt Cloud its preferred training partner."):
        found = deals(make_doc, text)
        assert kept(found) == [], text
        assert ("Arvane", "partners_with", "Cobalt Cloud") in relations(found), text


def test_a_partner_noun_without_a_choice_is_no_partnership(make_doc):
    for text in ("Arvane made money as Cobalt Cloud's partner.",
                 "Cobalt Cloud is a provider of storage, Arvane said."):
        assert not any(r[1] == "partners_with" for r in relations(deals(make_doc, text))), text


def test_a_standing_joint_venture_makes_partners_without_a_deal(make_doc):
    found = deals(make_doc, "The joint venture between Arvane and Brisco Steel runs cold-storage depots in Spain.")
    assert kept(found) == []
    assert relations(found) & {("Arvane", "partners_with", "Brisco Steel"), ("Brisco Steel", "partners_with", "Arvane")}
