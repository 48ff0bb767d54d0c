"""Name normalisation: the small pure functions that entity resolution compares names with.

Four levels of "the same name", from strict to loose:

* :func:`case_key` -- a pure case, Unicode-form, spacing, dash/quote or possessive variant
  (``"OpenAI's"`` and ``"openai"``); such variants are never listed as aliases.
* :func:`normalise_name` -- the blocking key of the resolver: also drops corporate
  suffixes (``"Microsoft Corp."`` and ``"Microsoft"``).
* :func:`loose_key` -- also reads hyphens as spaces (``"Phi-3-mini"``, ``"Phi 3 Mini"``);
  mentions with one loose key are one name whatever their types.
* :func:`compact_key` -- also ignores accents and spaces (kept between two digits):
  ``"Open AI"``, ``"OpenAI"``; the resolver joins such names only within one type.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata

__all__ = [
    "CORPORATE_SUFFIXES",
    "HONORIFICS",
    "SUFFIX_LIKE_WORDS",
    "SURNAME_PARTICLES",
    "VARIANT_WORDS",
    "case_key",
    "compact_key",
    "display_name",
    "entity_id",
    "is_spelling_variant",
    "loose_key",
    "normalise_name",
    "slug",
    "strip_honorifics",
    "tokens",
]

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_QUOTES = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
}

#: Legal-form words that do not change which company a name denotes. They are dropped
#: from the end of a name (after an optional comma) by :func:`normalise_name`.
CORPORATE_SUFFIXES = (
    "inc", "incorporated", "corp", "corporation", "ltd", "limited", "llc", "l.l.c",
    "plc", "co", "gmbh", "ag", "s.a", "n.v",
)
_SUFFIX_RE = re.compile(r"(?:\s*,)?\s+(?:%s)\.?$" % "|".join(re.escape(s) for s in CORPORATE_SUFFIXES))
_POSSESSIVE_RE = re.compile(r"(?<=\w)'s?$")
_END_PUNCT = " \t.,;:!?\"'()[]{}<>*&/|"
_WRAPPING = " \t,;:\"'()[]{}<>"

#: Words that may follow a company's short name without naming a different company:
#: "Inflection" and "Inflection AI" are one company. Whether "Microsoft AI" is a
#: division of Microsoft cannot be read from the words alone; the resolver decides it
#: from the data (see ``graph.resolve``).
SUFFIX_LIKE_WORDS = frozenset({
    "ai", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited",
    "llc", "plc", "gmbh", "ag", "sa", "nv", "pbc", "labs", "lab", "technologies",
    "technology", "tech", "systems", "group", "holdings", "holding", "international",
    "computing", "software", "networks", "solutions", "industries", "enterprises", "energy",
    "motor", "motors",  # "Toyota Motor", "Tesla Motors": the carmaker itself, no unit of it
    "platforms",  # "Meta Platforms": the company's formal name, as "Technologies" and "Systems" are, no unit of it
})

#: Leading honorifics, titles and nickname words that do not belong to a person's name
#: ("Mr. Huang", "Uncle Jensen", "Dr. Fei-Fei Li"). Compared case-folded without the dot.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame",
    "lord", "lady", "rev", "reverend", "fr", "uncle", "aunt", "auntie", "grandpa",
    "grandma", "papa", "mama", "president", "senator", "sen", "rep", "gov", "governor",
    "judge", "justice", "chancellor", "minister", "premier",
})

#: Titles of rulers and their families that are part of the name of one called by one name ("Queen
#: Victoria", "King Salman", "Sheikh Hasina") but not of a full name ("Crown Prince Mohammed bin Salman").
ROYAL_TITLES = frozenset({"crown", "prince", "princess", "king", "queen", "sheikh", "sheikha", "emir", "sultan"})
_REGNAL_NUMBER = re.compile(r"^[ivx]+$")

#: Words that start a surname ("Daniel De Freitas" is "De Freitas" for short, "Alwaleed
#: bin Talal" is "bin Talal").
SURNAME_PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den", "ter",
    "le", "la", "al", "el", "bin", "ibn", "ben", "bint", "mac", "st",
})

#: Words that tell two models (or product lines) apart; two names differing in one of
#: them are different entities, however similar they look ("Phi-3 Mini"/"Phi-3 Small").
VARIANT_WORDS = frozenset({
    "mini", "small", "medium", "large", "xl", "xxl", "pro", "flash", "ultra", "nano",
    "turbo", "lite", "light", "plus", "max", "base", "instruct", "chat", "preview",
    "beta", "alpha", "vision", "voice", "sonnet", "haiku", "opus", "micro", "tiny",
    "mega", "giant",
})


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    return " ".join(text.split())


def case_key(text: str) -> str:
    """`text` without case, Unicode-form, spacing and possessive differences.

    Examples
    --------
    >>> case_key("OpenAI\u2019s") == case_key("OPENAI")
    True
    >>> case_key("Microsoft Corp.") == case_key("Microsoft")
    False
    """
    text = _clean(text).casefold()
    return _POSSESSIVE_RE.sub("", text).strip(_END_PUNCT)


def display_name(text: str) -> str:
    """`text` as a display name: Unicode, dashes, quotes and spacing cleaned, case kept,
    possessive ``'s`` and wrapping quotes or brackets dropped.

    Examples
    --------
    >>> display_name(" \u201cOpenAI\u2019s\u201d ")
    'OpenAI'
    >>> display_name("Microsoft Corp.")
    'Microsoft Corp.'
    """
    text = _clean(text).strip(_WRAPPING)
    return _POSSESSIVE_RE.sub("", text).strip(_WRAPPING)


def normalise_name(text: str) -> str:
    """The blocking key of a name.

    NFKC, case-folded, dashes and quotes unified, possessive ``'s`` dropped, corporate
    suffixes (Inc., Corp., Ltd, LLC, plc, Co. ...) dropped, punctuation stripped from the
    ends and runs of white space collapsed. A suffix that is the whole name stays.

    Examples
    --------
    >>> normalise_name("  Microsoft\u00a0Corp. ")
    'microsoft'
    >>> normalise_name("OpenAI\u2019s")
    'openai'
    >>> normalise_name("GPT\u20134")
    'gpt-4'
    >>> normalise_name("Alphabet, Inc.")
    'alphabet'
    >>> normalise_name("Co.")
    'co'
    """
    return _normalise(text)


@functools.lru_cache(maxsize=1 << 16)  # names repeat across a corpus
def _normalise(text: str) -> str:
    text = _clean(text).casefold()
    previous = None
    while text != previous:  # "Acme Holdings, Inc.'s" needs several passes
        previous = text
        text = _POSSESSIVE_RE.sub("", text).strip(_END_PUNCT)
        text = _SUFFIX_RE.sub("", text).strip(_END_PUNCT)
    return " ".join(text.split())


def has_legal_form(text: str) -> bool:
    """Whether a name ends in a legal form, which news mostly leaves out: "Kelvane AI Inc.", "Bramwell Ltd".

    >>> has_legal_form("Kelvane AI Inc."), has_legal_form("Banco Sul, S.A."), has_legal_form("Kelvane AI"), has_legal_form("Co.")
    (True, True, False, False)
    """
    return _normalise(text) != _normalise_without_legal_form(text)


def adds_only_legal_form(full: str, short: str) -> bool:
    """Whether ``full`` is ``short`` with a legal form after it: "Kelvane AI Inc." of "Kelvane AI".

    >>> adds_only_legal_form("Kelvane AI Inc.", "Kelvane AI"), adds_only_legal_form("Kelvane AI Inc.", "Kelvane")
    (True, False)
    """
    return has_legal_form(full) and not has_legal_form(short) and _normalise(full) == _normalise(short)


@functools.lru_cache(maxsize=1 << 12)
def _normalise_without_legal_form(text: str) -> str:
    text = _clean(text).casefold()
    return " ".join(_POSSESSIVE_RE.sub("", text).strip(_END_PUNCT).split())


_SEPARATOR_RE = re.compile(r"[\s\-_]+")


def loose_key(text: str) -> str:
    """:func:`normalise_name` with hyphens and underscores read as spaces.

    The key that groups mentions whatever their type: ``Phi-3-mini`` and ``Phi 3 Mini``
    are one name, written two ways.

    Examples
    --------
    >>> loose_key("Phi-3-mini")
    'phi 3 mini'
    """
    return _loose(text)


@functools.lru_cache(maxsize=1 << 16)
def _loose(text: str) -> str:
    return " ".join(_SEPARATOR_RE.sub(" ", _normalise(text)).split())


def compact_key(text: str) -> str:
    """:func:`loose_key` without accents and without spaces (kept between two digits).

    Journalists write ``OpenAI`` and ``Open AI``, ``GPT4`` and ``GPT-4``, ``Uairén`` and
    ``Uairen``. Spaces between digits stay (``Llama 3 8B`` is not ``Llama 38B``), and so
    do dots (``GPT-3.5`` is not ``GPT-35``). Names are compared this way within one type
    only, since a different split of the same letters can name something else
    (``Flo Rida``, ``Florida``).

    Examples
    --------
    >>> compact_key("Phi-3-mini") == compact_key("Phi 3 Mini")
    True
    >>> compact_key("Open AI") == compact_key("OpenAI")
    True
    >>> compact_key("Dinamo Bucure\u0219ti") == compact_key("Dinamo Bucure\u015fti") == "dinamobucuresti"
    True
    >>> compact_key("Llama 3 8B") == compact_key("Llama 38B")
    False
    >>> compact_key("GPT-3.5") == compact_key("GPT-35")
    False
    """
    return _compact(text)


@functools.lru_cache(maxsize=1 << 16)
def _compact(text: str) -> str:
    key = unicodedata.normalize("NFKD", _loose(text))
    key = "".join(c for c in key if not unicodedata.combining(c))

    def join(match: re.Match) -> str:
        before = key[match.start() - 1] if match.start() else ""
        after = key[match.end()] if match.end() < len(key) else ""
        return " " if before.isdigit() and after.isdigit() else ""

    return unicodedata.normalize("NFC", _SEPARATOR_RE.sub(join, key))


def tokens(text: str) -> tuple[str, ...]:
    """The white-space tokens of :func:`normalise_name` (hyphenated words stay whole).

    Examples
    --------
    >>> tokens("Jean-Luc  Picard's")
    ('jean-luc', 'picard')
    """
    return tuple(_normalise(text).split())


def strip_honorifics(text: str) -> str:
    """`text` without leading honorifics and nickname words; unchanged if nothing would remain.

    Examples
    --------
    >>> strip_honorifics("Uncle Jensen")
    'Jensen'
    >>> strip_honorifics("Mr. Jensen Huang")
    'Jensen Huang'
    >>> strip_honorifics("Dr.")
    'Dr.'
    >>> strip_honorifics("Crown Prince Mohammed bin Salman"), strip_honorifics("Queen Victoria")
    ('Mohammed bin Salman', 'Queen Victoria')
    """
    words = _clean(text).split(" ")
    start = 0
    while start < len(words) - 1 and words[start].casefold().rstrip(".") in HONORIFICS:
        start += 1
    while start < len(words) - 2 and words[start].casefold() in ROYAL_TITLES and not _REGNAL_NUMBER.match(
            words[-1].casefold()):
        start += 1  # "Crown Prince Mohammed bin Salman" is "Mohammed bin Salman"; "King Charles III" keeps his title
    return " ".join(words[start:])


def _is_versionish(token: str) -> bool:
    return any(c.isdigit() for c in token) or token in VARIANT_WORDS


def is_spelling_variant(a: str, b: str, *, threshold: float = 0.8, min_length: int = 5) -> bool:
    """Whether two differing tokens can be spellings of one word.

    Both at least `min_length` characters, same first letter, no digits or variant
    words (versions and sizes name different things), neither a longer word built on
    the other ("Cohere"/"Coherent", "Stone"/"Stones"; a doubled last letter is allowed), and a
    :class:`difflib.SequenceMatcher` ratio of at least `threshold`. At 0.8,
    "Sulayman"/"Suleyman" (0.875) and "Altman"/"Altmann" (0.92) are variants,
    "Zuckerberg"/"Zuckerman" (0.63) and "Huang"/"Wang" (other first letter) are not.

    Examples
    --------
    >>> is_spelling_variant("sulayman", "suleyman")
    True
    >>> is_spelling_variant("zuckerberg", "zuckerman")
    False
    >>> is_spelling_variant("cohere", "coherent")
    False
    """
    if a == b or min(len(a), len(b)) < min_length or a[0] != b[0]:
        return False
    if _is_versionish(a) or _is_versionish(b):
        return False
    short, long_ = sorted((a, b), key=len)
    # "Cohere"/"Coherent", "Daniel"/"Danielle", "Rolling Stone"/"Rolling Stones": a
    # longer word, not a misspelling; a doubled last letter ("Altman"/"Altmann") is one.
    if long_.startswith(short) and long_ != short + short[-1]:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold \
        and matcher.ratio() >= threshold


_NON_SLUG_RE = re.compile(r"[\W_]+")
_NON_MODEL_SLUG_RE = re.compile(r"[^\w.]+|_+")


def slug(type: str, name: str) -> str:
    """`name` case-folded with runs of other characters than letters and digits as ``-``.

    Model names keep their dots (``gpt-3.5``), which tell versions apart.

    Examples
    --------
    >>> slug("person", "Mustafa Suleyman")
    'mustafa-suleyman'
    >>> slug("model", "GPT-3.5 Turbo")
    'gpt-3.5-turbo'
    >>> slug("company", "AT&T Inc.")
    'at-t-inc'
    """
    text = unicodedata.normalize("NFKC", name).translate(_DASHES).casefold()
    pattern = _NON_MODEL_SLUG_RE if type == "model" else _NON_SLUG_RE
    return pattern.sub("-", text).strip("-.")


def entity_id(type: str, name: str) -> str:
    """The stable node id of an entity: ``"<type>:<slug of name>"``.

    Examples
    --------
    >>> entity_id("company", "Microsoft")
    'company:microsoft'
    >>> entity_id("model", "GPT-4")
    'model:gpt-4'
    >>> entity_id("person", "Mustafa Suleyman")
    'person:mustafa-suleyman'
    """
    return f"{type}:{slug(type, name)}"
