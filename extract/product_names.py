"""Names of products, found by where the sentence puts them, so that makers can develop them.

The statistical NER reads games, vehicles, weapons, devices and brands as organisations, places or
people ("Stinger and Rapier missiles": two people; "Nexus Q is a media player": "Nexus", an
organisation). Two constructions say product whatever the NER read:

- :func:`modifies_product_noun`: the name modifies a product noun in a way a maker's name does not:
  coordinated with another name ("Stinger and Rapier missiles", "the Chevrolet and Pontiac cars"),
  ending in a model code ("the Atari 5200 console"), or alone before a singular noun with "the"
  ("the Wii console"). "Toyota cars" and "Samsung phones" name makers: left alone.
- :func:`described_product_name`: the whole name that a product class noun describes, where the NER
  took only part of it ("Nexus Q is a media player", "Orbix Z, a handheld console, ...").

A name the document types as a company with some confidence (the gazetteer, or the NER in business
news) is no product here: a product mention must not flip the company ("Atari" the company beside
"the Atari 2600 console", a name of its own). Each mention is decided by its own span.
"""
from __future__ import annotations

from .entities import _class_of, looks_like_person_name
from .name_cues import _subject_name, is_version_code

#: Candidate sources whose company type a product cue must not overrule (the components' ranks >= "ner").
_SURE_COMPANY_SOURCES = frozenset({"gazetteer", "metonym", "name_extension", "name_head", "context", "class_noun",
                                   "propagated", "short_form", "name_shape", "ner"})


def _is_product_noun(token) -> bool:
    """A lower-case noun of things made and sold ("missiles", "console", "brands"; the tagger sometimes
    calls a plural after names a proper noun)."""
    if not token.is_lower or not token.is_alpha:
        return False
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return _class_of(token) == "PRODUCT" or token.lemma_.lower() in ("brand", "marque") or token.lower_ in ("brands", "marques")


def _name_before(token):
    """The capitalised words that end at ``token`` and hang on it or on its head's noun: "Atari 5200"."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ in ("compound", "nmod", "nummod") and doc[start - 1].head.i in (token.i, token.head.i) \
            and (doc[start - 1].text[:1].isupper() or doc[start - 1].like_num) and not doc[start - 1].is_punct:
        start -= 1
    return doc[start : token.i + 1]


def modifies_product_noun(span) -> bool:
    """Whether ``span`` names a product by modifying a product noun as no maker's name does.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> vocab = spacy.blank("en").vocab
    >>> words = ["It", "makes", "parts", "for", "Zorn", "and", "Kestrel", "missiles", "."]
    >>> doc = Doc(vocab, words=words, heads=[1, 1, 1, 2, 7, 4, 4, 3, 1],
    ...           deps=["nsubj", "ROOT", "dobj", "prep", "nmod", "cc", "conj", "pobj", "punct"],
    ...           pos=["PRON", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "NOUN", "PUNCT"],
    ...           lemmas=["it", "make", "part", "for", "Zorn", "and", "Kestrel", "missile", "."])
    >>> modifies_product_noun(doc[4:5]), modifies_product_noun(doc[6:7])
    (True, True)
    >>> words = ["It", "sells", "Zorn", "phones", "and", "the", "Quell", "7", "console", "."]
    >>> doc = Doc(vocab, words=words, heads=[1, 1, 3, 1, 3, 8, 7, 8, 3, 1],
    ...           deps=["nsubj", "ROOT", "compound", "dobj", "cc", "det", "compound", "nummod", "conj", "punct"],
    ...           pos=["PRON", "VERB", "PROPN", "NOUN", "CCONJ", "DET", "PROPN", "NUM", "NOUN", "PUNCT"],
    ...           lemmas=["it", "sell", "Zorn", "phone", "and", "the", "Quell", "7", "console", "."])
    >>> modifies_product_noun(doc[2:3]), modifies_product_noun(doc[6:8])
    (False, True)
    """
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i and first.head.i < first.i:
        first = first.head
    # "the Marlow and Dunmere cars" parsed "Marlow and (Dunmere cars)": the noun is the name's conjunct
    shared = [c for c in first.children if c.dep_ == "conj" and c.i > span.end and _is_product_noun(c)
              and any(d.dep_ in ("compound", "nmod") and d.pos_ == "PROPN" for d in c.children)]
    if shared and first.i == root.i:
        return not any(t.text in ("'s", "’s") for t in span)
    noun = first.head
    coded = len(span) > 1 and is_version_code(span[-1])
    # (the parser hangs a model number on the noun as a number: "the Quell 7 console")
    if first.dep_ not in ("compound", "nmod", *(("nummod",) if coded else ())) or noun.i < span.end or not _is_product_noun(noun):
        return False
    if any(t.text in ("'s", "’s") for t in span):
        return False
    coordinated = (first.i != root.i or any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in first.children)
                   or (noun.dep_ == "conj" and noun.head.pos_ == "PROPN" and noun.head.i < span.start))
    # "the Wii console": one name, a singular noun, an article (not "its Acme phone": whose)
    the_one = noun.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return coordinated or coded or the_one


def described_product_name(token):
    """The whole name headed by ``token`` when a product class noun describes it (copula complement or
    apposition) and the name is longer than one word: "Nexus Q is a media player" -> "Nexus Q".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Orbix", "Z", "is", "a", "handheld", "console", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 5, 5, 2, 2],
    ...           deps=["compound", "nsubj", "ROOT", "det", "amod", "attr", "punct"],
    ...           pos=["PROPN", "PROPN", "AUX", "DET", "ADJ", "NOUN", "PUNCT"],
    ...           lemmas=["Orbix", "Z", "be", "a", "handheld", "console", "."])
    >>> described_product_name(doc[1]).text
    'Orbix Z'
    """
    name = _subject_name(token)
    if name is None or len(name) < 2:
        return None
    if token.dep_ == "nsubj" and token.head.lemma_ in ("be", "become", "remain"):
        nouns = [c for c in token.head.children if c.dep_ == "attr"]
    else:
        nouns = [c for c in token.children if c.dep_ == "appos"]
    kinds = {_class_of(n) for n in nouns} - {None}
    return name if kinds == {"PRODUCT"} else None


def product_name_spans(doc, candidates) -> list:
    """``(span, "PRODUCT", "class_noun", None)`` candidates for names the constructions above call
    products, none over a name the document types as a company with confidence or as a known entity.

    ``candidates`` are the typer's ``(span, label, source, canonical)`` candidates so far.
    """
    companies = {c[0].text for c in candidates if c[1] == "COMPANY" and c[2] in _SURE_COMPANY_SOURCES}
    known = {(c[0].start, c[0].end) for c in candidates if c[2] == "gazetteer"}
    known_tokens = {i for start, end in known for i in range(start, end)}
    out = []

    def admit(span):
        if span is None or span.text in companies or any(t.is_sent_start for t in span[1:]):
            return
        if any(i in known_tokens for i in range(span.start, span.end)):
            return  # a known company, product or place inside: the gazetteer and _select say what it is
        if not span[0].text[:1].isupper() or not span[0].is_alpha:
            return
        out.append((span, "PRODUCT", "class_noun", None))

    for c in candidates:
        if c[2] in ("ner", "ner_weak") and c[1] in ("PERSON", "ORGANIZATION", "PLACE", "COMPANY", "PRODUCT"):
            span = c[0]
            if modifies_product_noun(span) and not (c[1] == "PERSON" and len(span) > 1 and looks_like_person_name(span)):
                admit(span)
    # only proper nouns: one array compare, not a Python loop over every token of every article
    if len(doc):
        for i in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]:
            tok = doc[int(i)]
            if tok.dep_ == "nsubj" or any(c.dep_ == "appos" for c in tok.children):
                admit(described_product_name(tok))
    return out
