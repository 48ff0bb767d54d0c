"""More deal and funding constructions over hand-typed entities (``make_doc``): listed targets,
mergers, standing investments, descriptive raisers, hedges, sales, amounts and dates."""
from __future__ import annotations

from extract.deals import KEEP_CONFIDENCE, deal_relations, find_deals
from extract.records import Article

C, P = "COMPANY", "PERSON"


def deals(make_doc, text, ents, date=None):
    doc = make_doc(text, ents)
    return list(find_deals(doc, Article(id="t", text=text, date=date)))


def kept(found):
    return [d for d in found if d.confidence >= KEEP_CONFIDENCE]


# --- one acquisition per company bought ------------------------------------------------------

def test_bought_a_list_is_one_acquisition_per_company(make_doc):
    text = "In 2002 Iowa Telecom bought Lakedale Communications, Sherbtel and Zumatel Communications."
    found = kept(deals(make_doc, text, {"Iowa Telecom": C, "Lakedale Communications": C, "Sherbtel": C,
                                        "Zumatel Communications": C}))
    assert sorted(sorted(d.roles) for d in found) == [
        [("Iowa Telecom", "buyer"), ("Lakedale Communications", "seller")],
        [("Iowa Telecom", "buyer"), ("Sherbtel", "seller")],
        [("Iowa Telecom", "buyer"), ("Zumatel Communications", "seller")],
    ]
    assert all(d.kind == "acquisition" and d.date == "2002" for d in found)


def test_one_price_for_a_list_is_no_single_deal_price(make_doc):
    text = "Acme acquired Bolt and Nimbus for $90 million."
    found = kept(deals(make_doc, text, {"Acme": C, "Bolt": C, "Nimbus": C}))
    assert len(found) == 2
    assert all(d.amount_usd is None for d in found)


def test_single_target_keeps_its_price(make_doc):
    found = kept(deals(make_doc, "Acme acquired Bolt for $90 million.", {"Acme": C, "Bolt": C}))
    assert [(d.roles, d.amount_usd) for d in found] == [({("Acme", "buyer"), ("Bolt", "seller")}, 90e6)]


# --- mergers -------------------------------------------------------------------------------------

def test_merger_without_a_buyer_makes_both_sides_partners(make_doc):
    text = "The merger of TAM with LAN Airlines was completed on June 22, 2012."
    found = kept(deals(make_doc, text, {"TAM": C, "LAN Airlines": C}))
    assert [(d.kind, d.roles) for d in found] == [
        ("acquisition", {("TAM", "partner"), ("LAN Airlines", "partner")})]


def test_merger_with_an_owner_keeps_buyer_and_seller(make_doc):
    text = "Since Apple's merger with NeXT in 1996, the framework has evolved."
    found = kept(deals(make_doc, text, {"Apple": C, "NeXT": C}))
    assert [d.roles for d in found] == [{("Apple", "buyer"), ("NeXT", "seller")}]


# --- standing investments -------------------------------------------------------------------------

def test_is_backed_by_is_a_standing_relation_not_a_deal(make_doc):
    text = ("Strathmore, which was founded in 2022 and is backed by Balderton Capital and Nvidia, "
            "is pitching its models at European companies.")
    found = deals(make_doc, text, {"Strathmore": C, "Balderton Capital": C, "Nvidia": C})
    assert kept(found) == []
    relations = {(r.source.text, r.relation, r.target.text) for r in deal_relations(found)}
    assert relations == {("Balderton Capital", "invests_in", "Strathmore"), ("Nvidia", "invests_in", "Strathmore")}


def test_backed_with_an_amount_is_a_deal(make_doc):
    found = kept(deals(make_doc, "Amazon backed Anthropic with $4 billion in 2023.", {"Amazon": C, "Anthropic": C}))
    assert [(d.roles, d.amount_usd) for d in found] == [
        ({("Amazon", "investor"), ("Anthropic", "investee")}, 4e9)]


# --- funding rounds with a described raiser ----------------------------------------------------

LOOMWRIGHT = ("Analysts like Loomwright, a San Francisco startup. The startup, founded by ex-Stripe engineers "
              "Amara Nwosu and Daniel Whitcombe in 2022, has raised a $48 million Series B led by Greylock, it "
              "said. Existing investors Kleiner Perkins and Lux Capital participated, as did new backer "
              "Snowflake Ventures, the data-cloud company's corporate VC arm.")
LOOMWRIGHT_ENTS = {"Loomwright": C, "Stripe": C, "Amara Nwosu": P, "Daniel Whitcombe": P, "Greylock": C,
                   "Kleiner Perkins": C, "Lux Capital": C, "Snowflake Ventures": C}


def test_lettered_series_is_a_round_with_a_described_raiser(make_doc):
    found = kept(deals(make_doc, LOOMWRIGHT, LOOMWRIGHT_ENTS, date="2024-09-17"))
    assert len(found) == 1
    deal = found[0]
    assert deal.kind == "investment" and deal.amount_usd == 48e6
    # the next sentence's bare "participated" and its "as did X" join the round
    assert deal.roles == {("Loomwright", "investee"), ("Greylock", "investor"), ("Kleiner Perkins", "investor"),
                           ("Lux Capital", "investor"), ("Snowflake Ventures", "investor")}


def test_round_participants_give_invests_in_relations(make_doc):
    from extract.relations import find_relations

    doc = make_doc(LOOMWRIGHT, LOOMWRIGHT_ENTS)
    found = {(r.source.text, r.target.text) for r in find_relations(doc, "t") if r.relation == "invests_in"}
    assert found == {("Greylock", "Loomwright"), ("Kleiner Perkins", "Loomwright"), ("Lux Capital", "Loomwright"),
                     ("Snowflake Ventures", "Loomwright")}


def test_series_word_alone_is_no_round(make_doc):
    text = "Acme launched a series of chips with Bolt."
    assert [d for d in kept(deals(make_doc, text, {"Acme": C, "Bolt": C})) if d.kind == "investment"] == []


# --- sales, prices ----------------------------------------------------------------------------------

def test_sell_a_unit_to_a_buyer(make_doc):
    text = ("Ashgrove also agreed to sell its automotive unit, Ashgrove Drive, to Infineon Technologies for "
            "$520 million in cash.")
    found = kept(deals(make_doc, text, {"Ashgrove": C, "Ashgrove Drive": C, "Infineon Technologies": C}))
    assert [(d.kind, d.roles, d.amount_usd) for d in found] == [
        ("acquisition", {("Ashgrove", "seller"), ("Ashgrove Drive", "seller"), ("Infineon Technologies", "buyer")},
         520e6)]


def test_described_company_was_sold_to_a_buyer(make_doc):
    text = "Eden Games is a French studio. In May 2002, the company was sold to the Infogrames Group."
    found = kept(deals(make_doc, text, {"Eden Games": C, "Infogrames Group": C}))
    assert [(d.roles, d.date) for d in found] == [
        ({("Eden Games", "seller"), ("Infogrames Group", "buyer")}, "2002-05")]


def test_selling_goods_to_a_company_is_no_acquisition(make_doc):
    assert kept(deals(make_doc, "Nvidia sold chips to Microsoft last year.", {"Nvidia": C, "Microsoft": C})) == []


def test_price_put_at_by_people_close_to_the_deal(make_doc):
    text = ("Two years later Petrichor was acquired by Qualcomm for a sum that people close to the deal put at "
            "about $400 million.")
    found = kept(deals(make_doc, text, {"Petrichor": C, "Qualcomm": C}))
    assert [d.amount_usd for d in found] == [400e6]


def test_retained_stake_is_a_holding_not_a_deal(make_doc):
    found = deals(make_doc, "After the sale, ACE Aviation retained a 6.1% stake in US Airways.",
                  {"ACE Aviation": C, "US Airways": C})
    assert kept(found) == []
    assert [(r.source.text, r.relation, r.target.text) for r in deal_relations(found)] == [
        ("ACE Aviation", "invests_in", "US Airways")]


def test_taken_stake_is_still_a_deal(make_doc):
    found = kept(deals(make_doc, "Databricks took a small stake in Mistral in 2024.", {"Databricks": C, "Mistral": C}))
    assert [d.roles for d in found] == [{("Databricks", "investor"), ("Mistral", "investee")}]
