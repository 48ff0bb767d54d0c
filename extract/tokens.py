"""Small readings of tokens that every rule family shares: hyphenated words, their pieces and lemmas."""
from __future__ import annotations

from spacy.tokens import Token


def hyphen_start(token: Token) -> int:
    """Index of the first piece of a hyphenated word spaCy split up ("co - founder" -> "co").

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("the co-founder spoke")
    >>> [t.text for t in doc], hyphen_start(doc[3])
    (['the', 'co', '-', 'founder', 'spoke'], 1)
    """
    doc, j = token.doc, token.i
    while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    return j


def word_of(token: Token) -> str:
    """The lower-cased word a noun token heads, hyphenated pieces joined ("co-founder").

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("the co-founder spoke")
    >>> word_of(doc[3])
    'co-founder'
    """
    doc = token.doc
    return doc[hyphen_start(token): token.i + 1].text.lower()


def word_parts(token: Token) -> list[Token]:
    """The tokens of the (hyphenated) word ``token`` ends, in order."""
    return list(token.doc[hyphen_start(token): token.i + 1])


def word_children(token: Token) -> list[Token]:
    """Children of every piece of a hyphenated word (the parser hangs modifiers on any piece)."""
    parts = word_parts(token)
    return [c for p in parts for c in p.children if c not in parts]


def lemma_word(token: Token) -> str:
    """The lemma of a token, lower case, with hyphenated pieces joined."""
    start = hyphen_start(token)
    lemma = (token.lemma_ or token.text).lower()
    if start == token.i:
        return lemma
    return token.doc[start: token.i].text.lower() + lemma


def description_word(token: Token, nouns: frozenset[str]) -> str | None:
    """The description noun (possibly two words, "tech giant") ``token`` heads, if it is in ``nouns``."""
    word = lemma_word(token)
    prev = token.doc[hyphen_start(token) - 1] if hyphen_start(token) > 0 else None
    if prev is not None and prev.head == token and prev.dep_ == "compound":
        two = f"{prev.lower_} {word}"
        if two in nouns:
            return two
    return word if word in nouns else None
