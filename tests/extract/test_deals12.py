"""deals12: companies side by side are no deal, a deal told as a report's content is no deal, a purchase's
second object after a long first one, and the amount a next sentence gives only to the deal it names
(hand-typed entities, the model's parse)."""
from __future__ import annotations


C = "COMPANY"


def parties(deal):
    return sorted(p.mention.text for p in deal.parties)


def test_companies_sharing_a_subject_are_not_each_other_s_counterparty(kept_deals):
    text = "Quillon and Brannock have both acquired robotics start-ups this year."
    assert kept_deals(text, {"Quillon": C, "Brannock": C}) == []
    text = "Quillon and Brannock are both hiring researchers again."
    assert kept_deals(text, {"Quillon": C, "Brannock": C}) == []


def test_a_merger_of_coordinated_subjects_is_still_one_deal(kept_deals):
    [deal] = kept_deals("Quillon and Brannock merged last year.", {"Quillon": C, "Brannock": C})
    assert deal.kind == "acquisition" and parties(deal) == ["Brannock", "Quillon"]


def test_a_purchase_told_as_what_reports_say_is_no_deal(kept_deals):
    text = "Brannock shares jumped a day after reports that Quillon had agreed to buy Kestrel Robotics."
    assert kept_deals(text, {"Quillon": C, "Brannock": C, "Kestrel Robotics": C}) == []


def test_a_report_that_says_something_else_leaves_the_purchase_a_fact(kept_deals):
    text = "Quillon bought Kestrel Robotics in May, the report said."
    [deal] = kept_deals(text, {"Quillon": C, "Kestrel Robotics": C})
    assert parties(deal) == ["Kestrel Robotics", "Quillon"]


def test_a_second_object_after_a_long_first_one_is_bought_too(kept_deals):
    text = ("Quillon Systems bought Kestrel Robotics, a maker of warehouse arms, in 2019 for $300 million, "
            "and Brannock Labs, a software firm, two years later.")
    deals = kept_deals(text, {"Quillon Systems": C, "Kestrel Robotics": C, "Brannock Labs": C})
    assert sorted(parties(d) for d in deals) == [["Brannock Labs", "Quillon Systems"],
                                                  ["Kestrel Robotics", "Quillon Systems"]]


def test_another_company_s_acquisition_in_the_next_sentence_gives_no_price(kept_deals):
    text = ("Quillon Systems bought Kestrel Robotics in October 2023 for an undisclosed sum. Those are small "
            "next to the $49 billion acquisition of Brannock Labs, which Quillon Systems completed in 2022.")
    deals = kept_deals(text, {"Quillon Systems": C, "Kestrel Robotics": C, "Brannock Labs": C})
    [deal] = [d for d in deals if "Kestrel Robotics" in parties(d)]
    assert deal.amount_usd is None


def test_a_round_in_the_next_sentence_is_not_a_partnership_s_price(kept_deals):
    text = ("Fennick Ventures announced a partnership with Oduya Partners in December. "
            "Harrowgate Capital led its $23.5 million round in 2023.")
    deals = kept_deals(text, {"Fennick Ventures": C, "Oduya Partners": C, "Harrowgate Capital": C})
    [deal] = [d for d in deals if d.kind == "partnership"]
    assert deal.amount_usd is None


def test_the_deal_named_again_still_gives_its_price(kept_deals):
    text = "Quillon bought Kestrel Robotics in June. The acquisition of Kestrel Robotics was valued at $300 million."
    [deal] = kept_deals(text, {"Quillon": C, "Kestrel Robotics": C})
    assert deal.amount_usd == 300e6


M = "MODEL"


def test_co_makers_of_a_named_model_are_partners_without_a_deal(kept_deals):
    text = "Last year Quillon and Brannock jointly released Zephyr, a code-generation model."
    assert kept_deals(text, {"Quillon": C, "Brannock": C, "Zephyr": M}) == []
    text = "Ember is fine-tuned from Zephyr, the open model that Quillon developed in collaboration with Brannock."
    assert kept_deals(text, {"Quillon": C, "Brannock": C, "Zephyr": M, "Ember": M}) == []


def test_a_joint_development_announced_is_a_deal(kept_deals):
    text = "Quillon and Brannock will jointly develop chips for personal computers."
    [deal] = kept_deals(text, {"Quillon": C, "Brannock": C})
    assert deal.kind == "partnership" and parties(deal) == ["Brannock", "Quillon"]


def test_a_licence_summed_up_as_a_collaboration_is_one_deal(kept_deals):
    text = ("Quillon said it would license Brannock's image technology for its future models, "
            "a technical collaboration rather than an investment.")
    [deal] = kept_deals(text, {"Quillon": C, "Brannock": C})
    assert deal.kind == "licensing"


def test_a_collaboration_in_apposition_to_a_name_is_that_name(kept_deals):
    text = "Quillon coordinated Zephyrus, a year-long research collaboration that released a model in 2022."
    assert kept_deals(text, {"Quillon": C, "Zephyrus": C}) == []
