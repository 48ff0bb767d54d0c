"""Money, parameter counts and dates: table-driven checks of the pure string functions."""
from __future__ import annotations

import pytest

from extract.quantities import Money, iter_dates, iter_money, parse_date, parse_money, parse_parameters, to_usd


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$650 million", 650e6, "USD"),
        ("US$1.3 billion", 1.3e9, "USD"),
        ("$27.7B", 27.7e9, "USD"),
        ("$10bn", 10e9, "USD"),
        ("€2 billion", 2e9, "EUR"),
        ("£400m", 400e6, "GBP"),
        ("650 million dollars", 650e6, "USD"),
        ("USD 1.5 billion", 1.5e9, "USD"),
        ("$1.2 trillion", 1.2e12, "USD"),
        ("$5", 5.0, "USD"),
        ("$1,200,000", 1.2e6, "USD"),
        ("a $10-billion deal", 10e9, "USD"),
        ("$500M", 500e6, "USD"),
        ("2 billion euros", 2e9, "EUR"),
        ("1.5 billion USD", 1.5e9, "USD"),
        ("¥500 billion", 500e9, "JPY"),
        ("Rs 500 crore", 5e9, "INR"),
        ("paid 3 million pounds for it", 3e6, "GBP"),
    ],
)
def test_parse_money(text, amount, currency):
    money = parse_money(text)
    assert money is not None
    assert money.currency == currency
    assert money.amount == pytest.approx(amount)


@pytest.mark.parametrize("text", ["multi-billion dollar", "a multi-billion-dollar relationship", "billions of dollars",
                                  "500 billion parameters", "GPT-4", "in 2024", ""])
def test_parse_money_without_an_amount(text):
    assert parse_money(text) is None


def test_to_usd_converts_only_dollars():
    assert to_usd(Money(650e6, "USD")) == 650e6
    assert to_usd(Money(2e9, "EUR")) is None


def test_iter_money_gives_offsets_of_each_amount():
    text = "It paid $650 million, then £400m."
    assert [(text[s:e], m.currency) for s, e, m in iter_money(text)] == [("$650 million", "USD"), ("£400m", "GBP")]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("500 billion parameters", 500_000_000_000),
        ("3.8B", 3_800_000_000),
        ("around 3.8 billion parameters", 3_800_000_000),
        ("500B parameter", 500_000_000_000),
        ("7B", 7_000_000_000),
        ("1.8 trillion", 1_800_000_000_000),
        ("a 500-billion-parameter giant", 500_000_000_000),
        ("Llama 3.1 405B", 405_000_000_000),
        ("70 million parameters", 70_000_000),
        ("175,000,000 parameters", 175_000_000),
    ],
)
def test_parse_parameters(text, count):
    assert parse_parameters(text) == count


@pytest.mark.parametrize("text", ["$7B", "GPT-4", "Phi-3", "in 2024", "7b", ""])
def test_parse_parameters_without_a_count(text):
    assert parse_parameters(text) is None


@pytest.mark.parametrize(
    ("text", "reference", "iso"),
    [
        ("March 19, 2024", None, "2024-03-19"),
        ("on Sept. 5, 2023", None, "2023-09-05"),
        ("19 March 2024", None, "2024-03-19"),
        ("in May 2023", None, "2023-05"),
        ("2024", None, "2024"),
        ("2024-05-06", None, "2024-05-06"),
        ("Q1 2024", None, "2024"),
        ("last month", "2024-05-06", "2024-04"),
        ("last month", "2024-01-15", "2023-12"),
        ("in March", "2024-05-06", "2024-03"),
        ("in November", "2024-02-01", "2023-11"),
        ("on May 20", "2024-05-06", "2024-05-20"),
        ("yesterday", "2024-05-06", "2024-05-05"),
        ("on Monday", "2024-05-08", "2024-05-06"),
        ("earlier this year", "2024-05-06", "2024"),
        ("last year", "2024", "2023"),
    ],
)
def test_parse_date(text, reference, iso):
    assert parse_date(text, reference=reference) == iso


@pytest.mark.parametrize("text", ["in March", "last month", "yesterday", "Microsoft may partner with Nvidia",
                                  "$2024", "GPT-4"])
def test_parse_date_needs_a_year_or_a_reference(text):
    assert parse_date(text) is None


def test_iter_dates_finds_each_date_once():
    text = "Announced on March 19, 2024 and closed in May."
    assert [iso for _, _, iso in iter_dates(text, reference="2024-06-10")] == ["2024-03-19", "2024-05"]


def test_parameter_counts_in_words_need_the_unit():
    from extract.quantities import iter_parameters

    assert [n for _, _, n in iter_parameters("a trillion parameters and two billion-parameter models")] == [
        1_000_000_000_000, 2_000_000_000]
    assert list(iter_parameters("a billion users, one million downloads")) == []
