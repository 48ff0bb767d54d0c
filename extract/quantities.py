"""Money amounts, parameter counts and dates in news prose: small pure functions over strings.

No spaCy here: :mod:`extract.deals` finds the spans with :func:`iter_money` and
:func:`iter_dates` and decides what they belong to with the parse.

Amounts keep the currency they are stated in; :func:`to_usd` converts only USD (we do not
guess exchange rates, so a euro deal has ``amount_usd=None`` and keeps ``amount``/``currency``).
Dates are ISO 8601 strings, partial when the text is partial (``"2024"``, ``"2024-03"``).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator


@dataclass(frozen=True)
class Money:
    """An amount in a currency (ISO 4217 code)."""

    amount: float
    currency: str


# --- numbers and scales -------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_DIGIT = re.compile(r"\d")

#: scale word -> multiplier; the one-letter forms are matched case-sensitively below
_SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "t": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# (scale words in any case: headlines write "Raises $86 Million")
_SCALE = r"(?i:thousand|trillion|billion|million|crores?|lakhs?|mln|bln|mio|mn|bn|tn)|[kKmMbBtT]"


def _scale(word: str | None) -> float:
    return _SCALE_WORDS[word.lower()] if word else 1.0


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _amount(number: str, scale: str | None) -> float:
    """A stated number times its scale, to the cent: binary floats make "16.4" times a
    billion 16399999999.999998, which would reach the graph's amounts as written.

    >>> _amount("16.4", "billion"), _amount("1,250.5", None), _amount("0.3", "m")
    (16400000000.0, 1250.5, 300000.0)
    """
    return round(_number(number) * _scale(scale), 2)


# --- money --------------------------------------------------------------------------------

#: currency written before the number -> ISO code (longest first in the regex)
_PREFIX_CURRENCIES = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "US dollars": "USD", "$": "USD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SGD": "SGD", "NZ$": "NZD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "CN¥": "CNY", "RMB": "CNY", "CNY": "CNY", "¥": "JPY", "JPY": "JPY", "JP¥": "JPY",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "₩": "KRW", "KRW": "KRW",
    "CHF": "CHF", "SEK": "SEK",
    # the currencies of regional business press (Israel, the Gulf, Latin America, Asia): a code the tagger would
    # otherwise take for a company's name ("raised NIS 900 million", "QAR 300 million")
    "NIS": "ILS", "ILS": "ILS", "₪": "ILS", "SAR": "SAR", "QAR": "QAR", "AED": "AED", "Dhs": "AED", "Dh": "AED",
    "KWD": "KWD", "BHD": "BHD", "OMR": "OMR", "EGP": "EGP", "ZAR": "ZAR", "R$": "BRL", "BRL": "BRL",
    "MXN": "MXN", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "IDR": "IDR", "MYR": "MYR", "THB": "THB",
    "NT$": "TWD", "TWD": "TWD", "$A": "AUD",
}
#: currency written after the number -> ISO code
_SUFFIX_CURRENCIES = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds sterling": "GBP", "pounds": "GBP",
    "pound": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "cny": "CNY", "rupees": "INR", "rupee": "INR", "inr": "INR", "won": "KRW",
    "swiss francs": "CHF", "francs": "CHF", "chf": "CHF", "shekels": "ILS", "shekel": "ILS", "riyals": "SAR",
    "riyal": "SAR", "dirhams": "AED", "dirham": "AED", "ringgit": "MYR", "rupiah": "IDR", "baht": "THB",
}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The scale after a number must end the word ("$400m" but not "$5 more"); a hyphen may join
# number and scale ("$10-billion deal"). Dollar "$" also covers "US$" via the prefix list.
_PREFIX_MONEY = re.compile(
    rf"(?<![\w$€£¥₹])(?P<cur>{_alternation(_PREFIX_CURRENCIES)})\s?(?P<num>{_NUMBER})"
    rf"(?:[\s-]?(?P<scale>{_SCALE})(?![A-Za-z]))?"
)
_SUFFIX_MONEY = re.compile(
    rf"(?<![\w.$€£¥₹])(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE})(?![A-Za-z]))?"
    rf"[\s-](?P<cur>{_alternation(_SUFFIX_CURRENCIES)})(?![A-Za-z])",
    re.IGNORECASE,
)


def iter_money(text: str) -> Iterator[tuple[int, int, Money]]:
    """Every stated amount of money in ``text`` as ``(start, end, Money)``, in text order.

    Vague amounts ("multi-billion dollar", "billions of dollars") are not amounts.

    Examples
    --------
    >>> [(text[s:e], m) for text in ["Microsoft paid $650 million and €2bn."]
    ...  for s, e, m in iter_money(text)]
    [('$650 million', Money(amount=650000000.0, currency='USD')), ('€2bn', Money(amount=2000000000.0, currency='EUR'))]
    """
    yield from _money_in_text(text)


#: Texts read for amounts and counts again and again (a sentence by the deal rules, the sizes, the typer):
#: the answers are kept for the last few thousand texts (they are tuples of frozen records).
_TEXTS_KEPT = 2048


@lru_cache(maxsize=_TEXTS_KEPT)
def _money_in_text(text: str) -> tuple[tuple[int, int, Money], ...]:
    """What :func:`iter_money` yields, as a tuple, sorted by start."""
    if _DIGIT.search(text) is None:
        return ()  # (every amount has a number in figures)
    found = []
    for m in _PREFIX_MONEY.finditer(text):
        scale = m.group("scale")
        # One-letter scales must touch the number ("$4 B" is a typo, "$4 m" too ambiguous)
        # except k/m/b/t written directly after it.
        if scale and len(scale) == 1 and text[m.start("scale") - 1].isspace():
            end = m.end("num")
            scale = None
        else:
            end = m.end()
        currency = _PREFIX_CURRENCIES[m.group("cur")]
        found.append((m.start(), end, Money(_amount(m.group("num"), scale), currency)))
    for m in _SUFFIX_MONEY.finditer(text):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        scale = m.group("scale")
        if scale and len(scale) == 1 and scale.lower() not in "bmk":
            continue
        currency = _SUFFIX_CURRENCIES[m.group("cur").lower()]
        found.append((m.start(), m.end(), Money(_amount(m.group("num"), scale), currency)))
    return tuple(sorted(found, key=lambda item: item[0]))


def parse_money(text: str) -> Money | None:
    """The first amount of money stated in ``text``, or ``None``.

    Examples
    --------
    >>> parse_money("$650 million")
    Money(amount=650000000.0, currency='USD')
    >>> parse_money("US$1.3 billion").amount
    1300000000.0
    >>> parse_money("$16.4 billion").amount  # to the cent, not 16399999999.999998
    16400000000.0
    >>> parse_money("Raises $86 Million Series B").amount  # a headline's capitals
    86000000.0
    >>> parse_money("£400m")
    Money(amount=400000000.0, currency='GBP')
    >>> parse_money("650 million dollars").currency
    'USD'
    >>> parse_money("a multi-billion dollar investment") is None
    True
    """
    return next((money for _, _, money in iter_money(text)), None)


def to_usd(money: Money) -> float | None:
    """The amount in US dollars when it is stated in US dollars, else ``None``.

    Examples
    --------
    >>> to_usd(Money(650e6, "USD"))
    650000000.0
    >>> to_usd(Money(2e9, "EUR")) is None
    True
    """
    return money.amount if money.currency == "USD" else None


# --- model parameter counts ---------------------------------------------------------------

_PARAMETER_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6, "mln": 1e6,
                     "b": 1e9, "billion": 1e9, "bn": 1e9, "bln": 1e9, "t": 1e12, "trillion": 1e12, "tn": 1e12}
_PARAMETERS = re.compile(
    rf"(?<![\w.$€£¥₹])(?P<num>{_NUMBER})[\s-]?(?P<scale>thousand|million|billion|trillion|bln|mln|bn|mn|tn|[KMBT])"
    r"(?![A-Za-z])(?:[\s-]?(?P<unit>param(?:eter)?s?)\b)?"
    rf"|(?<![\w.$€£¥₹])(?P<plain>\d{{1,3}}(?:,\d{{3}})+|\d+)[\s-](?:param(?:eter)?s?)\b",
    re.IGNORECASE,
)


_WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "half a": 0.5, "a half": 0.5}
#: a count in words, only when stated in parameters: "a trillion parameters", "half a trillion-parameter model"
_WORD_PARAMETERS = re.compile(
    rf"\b(?P<word>{_alternation(_WORD_NUMBERS)})[\s-](?P<scale>million|billion|trillion)[\s-]param(?:eter)?s?\b",
    re.IGNORECASE,
)


def iter_parameters(text: str) -> Iterator[tuple[int, int, int]]:
    """Every parameter count in ``text`` as ``(start, end, count)``.

    A count is a number with a scale ("500 billion", "7B", "1.8T") or a plain number
    followed by "parameters"; money ("$7B") is not a count. A count in words ("a trillion",
    "half a trillion") is one only when "parameters" follows.

    Examples
    --------
    >>> [(s, e, n) for s, e, n in iter_parameters("Llama 3.1 405B beats a 7B model")]
    [(10, 14, 405000000000), (23, 25, 7000000000)]
    >>> [n for _, _, n in iter_parameters("a trillion-parameter model, half a trillion parameters")]
    [1000000000000, 500000000000]
    """
    yield from _parameters_in_text(text)


@lru_cache(maxsize=_TEXTS_KEPT)
def _parameters_in_text(text: str) -> tuple[tuple[int, int, int], ...]:
    return tuple(sorted(_iter_parameters(text)))


def _iter_parameters(text: str) -> Iterator[tuple[int, int, int]]:
    for m in _WORD_PARAMETERS.finditer(text):
        value = _WORD_NUMBERS[" ".join(m.group("word").lower().split())] * _PARAMETER_SCALES[m.group("scale").lower()]
        yield m.start(), m.end(), int(round(value))
    money = [(s, e) for s, e, _ in iter_money(text)]
    for m in _PARAMETERS.finditer(text):
        if any(s <= m.start() < e for s, e in money):
            continue
        if m.group("plain"):
            yield m.start(), m.end(), int(_number(m.group("plain")))
            continue
        scale = m.group("scale")
        # Upper-case one-letter scales only ("7B"); "7b" and "5m" are too often other things.
        if len(scale) == 1 and not scale.isupper():
            continue
        value = _number(m.group("num")) * _PARAMETER_SCALES[scale.lower()]
        yield m.start(), m.end(), int(round(value))


def parse_parameters(text: str) -> int | None:
    """The first parameter count stated in ``text``, or ``None``.

    Examples
    --------
    >>> parse_parameters("500 billion parameters")
    500000000000
    >>> parse_parameters("around 3.8B")
    3800000000
    >>> parse_parameters("a 500-billion-parameter giant")
    500000000000
    >>> parse_parameters("1.8 trillion")
    1800000000000
    >>> parse_parameters("72 bln parameters")
    72000000000
    >>> parse_parameters("GPT-4") is None
    True
    """
    return next((count for _, _, count in iter_parameters(text)), None)


# --- dates --------------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_YEAR = r"(?:19|20)\d{2}"

_DATE_PATTERNS = [
    # 2024-03-19, 2024-03
    ("iso", re.compile(rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?(?![\d-])")),
    # March 19, 2024 / March 19 2024 / March 19th, 2024 / March 19 (year from the reference)
    ("mdy", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR})\b)?")),
    # 19 March 2024 / 19th of March
    ("dmy", re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    # March 2024 / March of 2024 / in March (month alone needs "in"/"since"/... so "May" the verb is not a date)
    ("my", re.compile(rf"\b(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))\b")),
    ("m", re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ate|[Ee]arly|[Mm]id|[Ll]ast|[Tt]his|[Nn]ext)[\s-]+(?P<mon>{_MONTH})\b")),
    # Q1 2024, 2024 alone
    ("q", re.compile(rf"\b(?:Q[1-4]|H[12])\s+(?P<y>{_YEAR})\b")),
    ("y", re.compile(rf"(?<![\d$€£.,-])\b(?P<y>{_YEAR})\b(?![\d%-])")),
    # relative to the reference date
    ("rel", re.compile(r"\b(?P<rel>today|yesterday|(?:(?:earlier|later)\s+)?this\s+(?:month|year|week)"
                       r"|last\s+(?:month|year)|next\s+(?:month|year)"
                       r"|(?:on|last|this\s+past)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
                       re.IGNORECASE)),
]


def _reference(reference: str | None) -> tuple[int | None, int | None, int | None]:
    if not reference:
        return None, None, None
    m = re.match(rf"({_YEAR})(?:-(\d{{2}})(?:-(\d{{2}}))?)?", reference)
    if not m:
        return None, None, None
    return tuple(int(g) if g else None for g in m.groups())  # type: ignore[return-value]


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year_for_month(month: int, ref_year: int | None, ref_month: int | None) -> int | None:
    """The year of a month named without one: the one that puts it nearest the reference."""
    if ref_year is None:
        return None
    if ref_month is None:
        return ref_year
    if month - ref_month > 6:
        return ref_year - 1
    if ref_month - month > 6:
        return ref_year + 1
    return ref_year


def _relative(phrase: str, ref: tuple[int | None, int | None, int | None]) -> str | None:
    year, month, day = ref
    if year is None:
        return None
    phrase = " ".join(phrase.lower().split())
    if phrase.endswith("year"):
        offset = -1 if phrase.startswith("last") else 1 if phrase.startswith("next") else 0
        return _iso(year + offset)
    if phrase.endswith("month"):
        if month is None:
            return None
        offset = -1 if phrase.startswith("last") else 1 if phrase.startswith("next") else 0
        index = year * 12 + month - 1 + offset
        return _iso(index // 12, index % 12 + 1)
    if month is None or day is None:
        return None
    today = date(year, month, day)
    if phrase == "today":
        return today.isoformat()
    if phrase == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    weekday = phrase.split()[-1]
    if weekday in _WEEKDAYS:
        # News reports the past: "on Monday" is the latest Monday on or before the article date.
        back = (today.weekday() - _WEEKDAYS[weekday]) % 7
        return (today - timedelta(days=back)).isoformat()
    return None  # "this week": no ISO form


def iter_dates(text: str, *, reference: str | None = None) -> Iterator[tuple[int, int, str]]:
    """Every date in ``text`` as ``(start, end, iso)``; relative ones need ``reference``.

    A month or day without a year takes the year that puts it nearest the reference
    (``"in March"`` in an article of May 2024 is 2024-03); without a reference it is skipped.

    Examples
    --------
    >>> [iso for _, _, iso in iter_dates("Announced March 19, 2024; closed in May.", reference="2024-06-01")]
    ['2024-03-19', '2024-05']
    """
    ref = _reference(reference)
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = m.groupdict()
            iso = None
            if kind == "rel":
                iso = _relative(groups["rel"], ref)
            else:
                month = None
                if groups.get("m"):
                    month = int(groups["m"])
                elif groups.get("mon"):
                    month = _MONTHS[groups["mon"].rstrip(".").lower()]
                year = int(groups["y"]) if groups.get("y") else None
                if year is None and month is not None:
                    year = _year_for_month(month, ref[0], ref[1])
                if year is not None:
                    day = int(groups["d"]) if groups.get("d") else None
                    iso = _iso(year, month, day)
            if iso is None:
                continue
            start, end = m.span()
            if kind == "m":  # the date is the month name, not the "in" before it
                start = m.start("mon")
            taken.append((m.start(), m.end()))
            found.append((start, end, iso))
    yield from sorted(found)


def parse_date(text: str, *, reference: str | None = None) -> str | None:
    """The first date stated in ``text`` as ISO 8601 (partial allowed), or ``None``.

    Examples
    --------
    >>> parse_date("March 19, 2024")
    '2024-03-19'
    >>> parse_date("in May 2023")
    '2023-05'
    >>> parse_date("2024")
    '2024'
    >>> parse_date("last month", reference="2024-05-06")
    '2024-04'
    >>> parse_date("in March", reference="2024-05-06")
    '2024-03'
    >>> parse_date("in March") is None
    True
    """
    return next((iso for _, _, iso in iter_dates(text, reference=reference)), None)
