"""Money in the currencies of regional business press: read as money, never as a company's name."""
from __future__ import annotations

import pytest

from extract.quantities import iter_money


@pytest.mark.parametrize("text, currency, amount", [
    ("raised NIS 900 million from Kefira", "ILS", 900e6),
    ("a ₪1.2 billion budget", "ILS", 1.2e9),
    ("3 billion shekels", "ILS", 3e9),
    ("will invest SAR 1.5 billion", "SAR", 1.5e9),
    ("agreed to pay QAR 300 million", "QAR", 300e6),
    ("raised AED 550 million", "AED", 550e6),
    ("sold its stake for Dh 2 billion", "AED", 2e9),
    ("paid $A450 million", "AUD", 450e6),
    ("R$ 2 billion in Sao Paulo", "BRL", 2e9),
])
def test_regional_currencies_are_money(text, currency, amount):
    [(_, _, money)] = list(iter_money(text))
    assert (money.currency, money.amount) == (currency, amount)


@pytest.mark.parametrize("text", ["PHP 8.3 is out", "Dhaka 5 times", "Saraha 3 launched", "the QAR desk"])
def test_a_code_like_word_is_money_only_before_a_number_and_only_if_a_currency(text):
    assert list(iter_money(text)) == []


def test_a_currency_code_the_tagger_calls_an_organisation_is_no_entity(types):
    typed = types("Orvana raised NIS 900 million from Kefira Capital, and Mintaka agreed to pay QAR 300 million.",
                  {"Orvana": "ORG", "NIS 900 million": "ORG", "Kefira Capital": "ORG", "Mintaka": "ORG", "QAR": "ORG"})
    assert "NIS 900 million" not in typed and "QAR" not in typed
    assert typed["Kefira Capital"] == "COMPANY"
