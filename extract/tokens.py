"""Small readings of tokens that every rule family shares: hyphenated words, their pieces and lemmas.

Rules call these hundreds of thousands of times per hundred articles, so what they read is kept per Doc
(:class:`DocTable`, built once from ``Doc.to_array``): where hyphens join pieces, the lemma words asked
for, and the tokens of a part of speech or dependency label, so that a rule family that looks only at
nouns, verbs or ``acl`` clauses does not create a Token for every word of the article.
"""
from __future__ import annotations

import itertools
import weakref

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

#: A string's id is the same in every StringStore (its hash, or a symbol's fixed id).
_STRINGS = StringStore()

#: Token attributes a rule may select tokens by, as ``Doc.to_array`` reads them.
_ARRAY_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA, "POS": POS, "TAG": TAG, "DEP": DEP}


class DocTable:
    """What the token readings need of one Doc, computed once: the hyphens that join the pieces of a
    word, lemma words, and arrays of token attributes. Valid while the Doc keeps its tokens (a
    retokenized Doc, of another length, gets a new table)."""

    __slots__ = ("doc", "n", "joins", "lemmas", "arrays", "values", "selections", "text", "tokens", "__weakref__")

    def __init__(self, doc: Doc):
        self.doc = weakref.ref(doc)
        self.n = len(doc)
        self.lemmas: dict[int, str] = {}
        self.arrays: dict[int, np.ndarray] = {}
        self.values: dict[int, tuple[dict[int, tuple[int, int]], np.ndarray]] = {}
        self.selections: dict = {}
        self.text: str | None = None
        self.tokens: list[Token] | None = None
        if self.n:
            arr = doc.to_array([ORTH, SPACY])
            hyphen = arr[:, 0] == doc.vocab.strings["-"]
            glued = arr[:, 1] == 0
            # a hyphen at k joins doc[k - 1] and doc[k + 1] when neither it nor the token before has a space
            mask = hyphen & glued
            mask[1:] &= glued[:-1]
            mask[0] = False
            self.joins = frozenset(np.flatnonzero(mask).tolist())
        else:
            self.joins = frozenset()

    def array(self, attr: int) -> np.ndarray:
        found = self.arrays.get(attr)
        if found is None:
            doc = self.doc()
            found = self.arrays[attr] = doc.to_array([attr]).reshape(-1) if self.n else np.zeros(0, dtype="uint64")
        return found

    def select(self, name: str, values: tuple[str, ...]) -> list[Token]:
        """The tokens whose attribute ``name`` (``POS``, ``DEP``, ``LEMMA``...) is one of ``values``, in order."""
        key = (name, values)
        found = self.selections.get(key)
        if found is None:
            doc = self.doc()
            ids = _value_ids(name, values)
            found = []
            if ids:
                idx = self._indices(_ARRAY_ATTRS[name], ids)
                if idx:
                    tokens = self.all_tokens(doc)
                    found = [tokens[i] for i in idx]
            self.selections[key] = found
        return found

    def _indices(self, attr: int, ids: list[int]) -> list[int]:
        """Indices of the tokens whose ``attr`` is one of ``ids``, ascending, read off an index of the
        Doc's values made once per attribute (rules select by tens of lemmas, a hundred times per Doc: an
        array pass per word, or per selection, cost more than the whole index)."""
        index = self.values.get(attr)
        if index is None:
            index = self.values[attr] = _value_index(self.array(attr))
        runs, order = index
        found = [runs[value] for value in ids if value in runs]
        if len(found) <= 1:
            return order[found[0][0]: found[0][1]].tolist() if found else []
        # (a token has one value: no index twice)
        return sorted(itertools.chain.from_iterable(order[start:end].tolist() for start, end in found))

    def all_tokens(self, doc: Doc) -> list[Token]:
        """Every Token of ``doc``, made once: rules select tokens under a hundred different keys per Doc,
        and ``doc[i]`` makes a new Token object each time (the same token: Tokens compare by Doc and index).
        The list holds the Doc, as the table keeps only the last Doc asked for (see :func:`doc_table`)."""
        if self.tokens is None:
            self.tokens = list(doc)
        return self.tokens


def _value_index(values: np.ndarray) -> tuple[dict[int, tuple[int, int]], np.ndarray]:
    """The token indices of ``values`` sorted by value (a stable sort: ascending within a value), and for
    each value the run of them that has it: one sort in numpy instead of a Python append per token (the
    index is made for four or five attributes of every Doc, most of whose values are asked for never).

    >>> runs, order = _value_index(np.array([7, 3, 7, 5, 3], dtype="uint64"))
    >>> {value: order[start:end].tolist() for value, (start, end) in runs.items()}
    {3: [1, 4], 5: [3], 7: [0, 2]}
    """
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    cuts = (np.flatnonzero(ordered[1:] != ordered[:-1]) + 1).tolist()
    starts, ends = [0, *cuts], [*cuts, len(values)]
    return dict(zip(ordered[starts].tolist(), zip(starts, ends))) if len(values) else {}, order


_value_ids_of: dict = {}


def _value_ids(name: str, values: tuple[str, ...]) -> tuple[int, ...]:
    """The distinct ids of ``values`` for attribute ``name``, kept per key: a string's id is its hash
    (or its fixed symbol), the same in every Doc, and rules ask for the same tens of lemmas per Doc.

    >>> _value_ids("POS", ("NOUN", "NOUN", "NOPE")) == (_POS_IDS["NOUN"],)
    True
    """
    key = (name, values)
    found = _value_ids_of.get(key)
    if found is None:
        if name == "POS":
            ids = [_POS_IDS[v] for v in values if v in _POS_IDS]
        else:
            ids = [_STRINGS[v] for v in values]
        found = _value_ids_of[key] = tuple(dict.fromkeys(ids))
    return found


_last: list = [None]


def doc_table(doc: Doc) -> DocTable:
    """The :class:`DocTable` of ``doc`` (the last one asked for is kept; rules work one Doc at a time)."""
    table = _last[0]
    if table is None or table.doc() is not doc or table.n != len(doc):
        table = _last[0] = DocTable(doc)
    return table


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins every token each time ``Doc.text`` is read).

    >>> import spacy
    >>> doc = spacy.blank("en")("Acme bought Beta.")
    >>> doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    True
    """
    table = doc_table(doc)
    if table.text is None:
        table.text = doc.text
    return table.text


def tokens_where(doc: Doc, name: str, values: tuple[str, ...]) -> list[Token]:
    """The tokens of ``doc`` whose ``name`` attribute (``"POS"``, ``"DEP"``, ``"TAG"``, ``"LEMMA"``,
    ``"LOWER"``, ``"ORTH"``, ``"ENT_TYPE"``) is one of ``values``, in text order; the same as
    ``[t for t in doc if t.pos_ in values]`` without a Token for every word.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Acme", "bought", "Beta"], pos=["PROPN", "VERB", "PROPN"])
    >>> [t.text for t in tokens_where(doc, "POS", ("PROPN",))]
    ['Acme', 'Beta']
    """
    if name == "ENT_TYPE":  # entities may be set after the table was made: read them afresh
        wanted = frozenset(values)
        return [doc[i] for ent in doc.ents if ent.label_ in wanted for i in range(ent.start, ent.end)]
    return doc_table(doc).select(name, tuple(values))


def hyphen_start(token: Token) -> int:
    """Index of the first piece of a hyphenated word spaCy split up ("co - founder" -> "co").

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("the co-founder spoke")
    >>> [t.text for t in doc], hyphen_start(doc[3])
    (['the', 'co', '-', 'founder', 'spoke'], 1)
    """
    j = token.i
    if j < 2:
        return j
    joins = doc_table(token.doc).joins
    while j >= 2 and (j - 1) in joins:
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
    start = hyphen_start(token)
    if start == token.i:
        return token.text.lower()  # (most words: no Span to make; a one-token Span's text is the token's)
    return token.doc[start: token.i + 1].text.lower()


def word_parts(token: Token) -> list[Token]:
    """The tokens of the (hyphenated) word ``token`` ends, in order."""
    start = hyphen_start(token)
    return [token] if start == token.i else list(token.doc[start: token.i + 1])


def word_children(token: Token) -> list[Token]:
    """Children of every piece of a hyphenated word (the parser hangs modifiers on any piece)."""
    parts = word_parts(token)
    return [c for p in parts for c in p.children if c not in parts]


#: Words after which a verb stands in its base form ("to found", "will found", "helped found").
INFINITIVE_MARKERS = frozenset({"to", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
                                "help", "helps", "helped", "helping"})


def lemma_word(token: Token) -> str:
    """The lemma of a token, lower case, with hyphenated pieces joined."""
    table = doc_table(token.doc)
    i = token.i
    found = table.lemmas.get(i)
    if found is not None:
        return found
    start = hyphen_start(token)
    lemma = (token.lemma_ or token.text).lower()
    if lemma == "find" and token.lower_ == "found" and start > 0 and token.doc[start - 1].lower_ in INFINITIVE_MARKERS:
        lemma = "found"  # "left Nvidia to found Petrichor": the tagger reads every "found" as the past of "find"
    if start != i:
        lemma = token.doc[start: i].text.lower() + lemma
    table.lemmas[i] = lemma
    return lemma


def description_word(token: Token, nouns: frozenset[str]) -> str | None:
    """The description noun (possibly two words, "tech giant") ``token`` heads, if it is in ``nouns``."""
    word = lemma_word(token)
    start = hyphen_start(token)
    prev = token.doc[start - 1] if start > 0 else None
    if prev is not None and prev.head == token and prev.dep_ == "compound":
        two = f"{prev.lower_} {word}"
        if two in nouns:
            return two
    return word if word in nouns else None


def first_conjunct(token: Token) -> Token:
    """The first member of the coordination ``token`` is in: "acquired Velmora and Quenby", "at Cambridge
    (2007), Oxford (2009) and Harvard" -> Velmora, Cambridge; ``token`` itself when it is no conjunct.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["A", ",", "B", "and", "C"], heads=[0, 0, 0, 2, 2],
    ...           deps=["ROOT", "punct", "conj", "cc", "conj"])
    >>> first_conjunct(doc[4]).text, first_conjunct(doc[0]).text
    ('A', 'A')
    """
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token
