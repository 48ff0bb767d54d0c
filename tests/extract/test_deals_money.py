"""Money and partnership constructions over hand-typed entities (``make_doc``): payments for a licence
or for goods, integrations, joint ventures, round investors listed after the round, and the guards
that keep them precise."""
from __future__ import annotations

from extract.deals import deal_relations

C = "COMPANY"


def test_a_payment_for_the_right_to_use_models_is_a_licence(kept_deals):
    text = "Pellworth agreed to pay $75 million to Dunmore for the right to use its vision models."
    [deal] = kept_deals(text, {"Pellworth": C, "Dunmore": C})
    assert deal.kind == "licensing" and deal.amount_usd == 75e6
    assert deal.roles == {("Pellworth", "licensee"), ("Dunmore", "licensor")}
    assert deal.rule.startswith("deal.payment")
    [relation] = list(deal_relations([deal]))
    assert (relation.source.text, relation.relation, relation.target.text) == ("Pellworth", "licenses_from", "Dunmore")


def test_a_payment_for_goods_from_a_supplier_is_an_other_deal(kept_deals):
    text = "Pellworth will spend $90 million on memory chips from Dunmore."
    [deal] = kept_deals(text, {"Pellworth": C, "Dunmore": C})
    assert deal.kind == "other" and deal.roles == {("Pellworth", "partner"), ("Dunmore", "partner")}


def test_a_payment_without_what_it_buys_is_no_deal(kept_deals):
    assert kept_deals("Pellworth paid Dunmore $5 million last year.", {"Pellworth": C, "Dunmore": C}) == []


def test_its_models_in_a_licence_are_the_other_company_s(kept_deals):
    text = "Pellworth hired most of Dunmore's researchers and paid $650 million to license its models."
    found = kept_deals(text, {"Pellworth": C, "Dunmore": C})
    licence = next(d for d in found if d.kind == "licensing")
    assert licence.roles == {("Pellworth", "licensee"), ("Dunmore", "licensor")}
    assert licence.amount_usd == 650e6
    assert not any(d.kind == "acquisition" for d in found)  # staff and a licence: no acquisition


def test_an_amount_in_a_deal_noun_prices_the_verb(kept_deals):
    text = "Pellworth licensed Dunmore's speech models in a $40 million deal."
    licence = next(d for d in kept_deals(text, {"Pellworth": C, "Dunmore": C}) if d.kind == "licensing")
    assert licence.amount_usd == 40e6


def test_integrating_another_company_s_model_is_a_partnership(kept_deals):
    text = "Pellworth will integrate Dunmore's Vega model into its tablets."
    [deal] = kept_deals(text, {"Pellworth": C, "Dunmore": C})
    assert deal.kind == "partnership" and deal.roles == {("Pellworth", "partner"), ("Dunmore", "partner")}


def test_integrating_a_company_or_a_standing_integration_is_no_deal(kept_deals):
    ents = {"Pellworth": C, "Dunmore": C}
    assert kept_deals("Pellworth integrated Dunmore into its cloud unit.", ents) == []
    assert kept_deals("Dunmore's models are integrated into Pellworth's office software.", ents) == []


def test_a_joint_venture_of_three_is_one_partnership(kept_deals):
    text = "Pellworth, Dunmore and Orrin Bank formed a joint venture to build a chip plant."
    [deal] = kept_deals(text, {"Pellworth": C, "Dunmore": C, "Orrin Bank": C})
    assert deal.kind == "partnership" and len(deal.parties) == 3


def test_venture_inside_a_name_is_no_trigger(kept_deals):
    text = "Pellworth hired a partner from Dunmore Ventures."
    assert not any(d.kind == "partnership" for d in kept_deals(text, {"Pellworth": C, "Dunmore Ventures": C}))


def test_round_investors_listed_in_the_next_sentence(kept_deals):
    text = ("Pellworth raised $25 million in a round led by Dunmore. "
            "Other investors in the round include Orrin Bank and Tessaly Capital.")
    ents = {"Pellworth": C, "Dunmore": C, "Orrin Bank": C, "Tessaly Capital": C}
    [deal] = kept_deals(text, ents)
    assert {name for name, role in deal.roles if role == "investor"} == {"Dunmore", "Orrin Bank", "Tessaly Capital"}


def test_another_company_s_investors_are_not_the_round_s(kept_deals):
    text = ("Pellworth raised $25 million in a round led by Dunmore. "
            "Kestrel's investors include Orrin Bank and Tessaly Capital.")
    ents = {"Pellworth": C, "Dunmore": C, "Kestrel": C, "Orrin Bank": C, "Tessaly Capital": C}
    [deal] = [d for d in kept_deals(text, ents) if d.kind == "investment" and "Pellworth" in {n for n, _ in d.roles}]
    assert deal.roles == {("Pellworth", "investee"), ("Dunmore", "investor")}


def test_with_a_participant_joining(kept_deals):
    text = "Pellworth closed a $120 million round led by Dunmore, with Orrin Bank joining."
    [deal] = kept_deals(text, {"Pellworth": C, "Dunmore": C, "Orrin Bank": C})
    assert ("Orrin Bank", "investor") in deal.roles


def test_plural_partnerships_with_a_list_are_one_deal_each(kept_deals):
    text = "Pellworth signed partnerships with Dunmore, Orrin Bank and Tessaly Capital."
    found = kept_deals(text, {"Pellworth": C, "Dunmore": C, "Orrin Bank": C, "Tessaly Capital": C})
    assert sorted(sorted(n for n, _ in d.roles) for d in found) == [
        ["Dunmore", "Pellworth"], ["Orrin Bank", "Pellworth"], ["Pellworth", "Tessaly Capital"]]
    pairs = {(r.source.text, r.target.text) for r in deal_relations(found)}
    assert ("Dunmore", "Orrin Bank") not in pairs and ("Orrin Bank", "Dunmore") not in pairs
