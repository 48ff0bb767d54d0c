"""Names of products, found by where the sentence puts them, so that makers can develop them.

The statistical NER reads games, vehicles, weapons, devices and brands as organisations, places or
people ("Stinger and Rapier missiles": two people; "Nexus Q is a media player": "Nexus", an
organisation). Two constructions say product whatever the NER read:

- :func:`modifies_product_noun`: the name modifies a product noun in a way a maker's name does not:
  coordinated with another name ("Stinger and Rapier missiles", "the Chevrolet and Pontiac cars"),
  ending in a model code ("the Atari 5200 console"), or alone before a singular noun with "the"
  ("the Wii console"). "Toyota cars" and "Samsung phones" name makers: left alone.
- :func:`dated_by_possessive`: a name dated by a possessive as releases are ("Taito's 1986 Arkanoid",
  "2004's X-Men Legends").
- :func:`precedes_product_copula`: a name that opens its sentence right before "is a <product noun>"
  however the parser hung it ("Beyond Good & Evil is a video game").
- :func:`versioned_name_end`: a known product or company extended by a model code is a product of its
  own ("Xbox 360", "Windows 8.1", "Atari 2600", "Samsung Galaxy S9"); the known name alone stays as it is.
- :func:`_family_spans`: a statistical name that starts with the family word of a known maker's coded
  product ("Galaxy Tab S", "Samsung Galaxy Note" beside "Samsung Galaxy S9") is a product of that family.
- :func:`described_product_name`: the whole name that a product class noun describes, where the NER
  took only part of it ("Nexus Q is a media player", "Orbix Z, a handheld console, ...").

A name the document types as a company with some confidence (the gazetteer, or the NER in business
news) is no product here: a product mention must not flip the company ("Atari" the company beside
"the Atari 2600 console", a name of its own). Each mention is decided by its own span.
"""
from __future__ import annotations

import re

from .entities import MODEL_NOUNS, PRODUCT_NOUNS, _class_of, looks_like_person_name, name_family, sentence_of, states_parameter_count
from .name_cues import _subject_name, is_version_code
from .quantities import iter_parameters
from .tokens import doc_text, tokens_where

#: Candidate sources whose company type a product cue must not overrule (the components' ranks >= "context").
_SURE_COMPANY_SOURCES = frozenset({"gazetteer", "metonym", "name_extension", "name_head", "context", "class_noun",
                                   "propagated", "short_form", "name_shape"})


#: Product nouns that name people or sports too: "Taliban and al-Qaeda fighters", "the NFL playoff game".
_AMBIGUOUS_NOUNS = frozenset({"fighter", "fighters", "bomber", "bombers", "game", "games", "database", "tank"})


def _is_product_noun(token) -> bool:
    """A lower-case noun of things made and sold ("missiles", "console", "brands"; the tagger sometimes
    calls a plural after names a proper noun), or an acronym's plural of one ("CPUs").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["CPUs", "CPU", "missiles", "Missiles"], pos=["NOUN"] * 4,
    ...           lemmas=["cpu", "CPU", "missile", "Missiles"])
    >>> [_is_product_noun(t) for t in doc]
    [True, False, True, False]
    """
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_alpha:
        return False
    # an acronym's plural: "CPUs", "SUVs" ("CPU" alone may be part of a name: "Acme CPU")
    if token.text[:-1].isupper() and token.text.endswith("s") and len(token) > 2:
        return token.text[:-1].lower() in PRODUCT_NOUNS
    if not token.is_lower or token.lower_ in _AMBIGUOUS_NOUNS:
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


def _last_conjunct(token):
    """The last of the conjuncts (and apposed names) that hang on ``token``, or ``token``."""
    while True:
        after = [c for c in token.children if c.dep_ in ("conj", "appos") and c.i > token.i]
        if not after:
            return token
        token = max(after, key=lambda c: c.i)


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
    >>> words = ["It", "sells", "its", "Zorn", "chips", "."]
    >>> doc = Doc(vocab, words=words, heads=[1, 1, 4, 4, 1, 1],
    ...           deps=["nsubj", "ROOT", "poss", "compound", "dobj", "punct"],
    ...           pos=["PRON", "VERB", "PRON", "PROPN", "NOUN", "PUNCT"],
    ...           lemmas=["it", "sell", "its", "Zorn", "chip", "."])
    >>> modifies_product_noun(doc[3:4])
    True
    """
    root = span.root
    first = root
    while first.dep_ in ("conj", "appos") and first.head.i != first.i and first.head.i < first.i and first.head.pos_ == "PROPN":
        first = first.head
    # "the Marlow and Dunmere cars", "Kaby Lake, Coffee Lake and Cannon Lake CPUs" parsed as a list whose
    # last conjunct is the noun with the last name in it: the noun is every name's
    last = _last_conjunct(first)
    if (last.i >= span.end and _is_product_noun(last)
            and any(d.dep_ in ("compound", "nmod") and d.pos_ == "PROPN" for d in last.children)):
        return not any(t.text in ("'s", "’s") for t in span)
    first = root
    while first.dep_ == "conj" and first.head.i != first.i and first.head.i < first.i:
        first = first.head
    noun = first.head
    coded = len(span) > 1 and is_version_code(span[-1])
    # (the parser hangs a model number on the noun as a number: "the Quell 7 console")
    if first.dep_ not in ("compound", "nmod", *(("nummod",) if coded else ())) or noun.i < span.end or not _is_product_noun(noun):
        return False
    if any(t.text in ("'s", "’s") for t in span):
        return False
    coordinated = (first.i != root.i or any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in first.children)
                   or (noun.dep_ == "conj" and noun.head.pos_ == "PROPN" and noun.head.i < span.start))
    # "the Wii console": one name, a singular noun, an article (not "the Acme phones": a maker's)
    the_one = noun.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return coordinated or coded or the_one or _owned_by_possessor(noun, span)


def _owned_by_possessor(noun, span) -> bool:
    """Whether a possessor before the name already says whose the product noun is ("its Rebel chip",
    "Nvidia's Hopper chips"): the maker is the possessor, so the name between is the product's. A company
    name in that slot ("its Nvidia chips") is left to the gazetteer and the typer's sure companies, which
    ``admit`` checks."""
    return any(c.dep_ == "poss" and c.i < span.start for c in noun.children)


def _is_year(token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")


def dated_by_possessive(span) -> bool:
    """A name dated by a possessive as a release is: "Taito's 1986 Arkanoid" (a maker's, and a year),
    "2004's Zorn Legends" (a year's). People, companies and places are not dated so.

    >>> import spacy
    >>> doc = spacy.blank("en")("with Taito 's 1986 Arkanoid , after 2004 's Zorn Legends and Taito 's Arkanoid")
    >>> dated_by_possessive(doc[4:5]), dated_by_possessive(doc[9:11]), dated_by_possessive(doc[14:15])
    (True, True, False)
    """
    doc = span.doc
    if span.start < 3:
        return False
    before, possessive = doc[span.start - 1], doc[span.start - 2]
    if before.text in ("'s", "’s"):  # "2004's Zorn Legends"
        return _is_year(possessive)
    return _is_year(before) and possessive.text in ("'s", "’s") and doc[span.start - 3].text[:1].isupper()


def precedes_product_copula(span) -> bool:
    """A name that opens its sentence right before "is a/an <product noun>", however the parser hung its
    words ("Beyond Good & Evil is a video game": "Beyond" read as a preposition).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Beyond", "Dusk", "is", "a", "video", "game", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 0, 2, 5, 5, 2, 2],
    ...           deps=["prep", "pobj", "ROOT", "det", "compound", "attr", "punct"],
    ...           pos=["ADP", "PROPN", "AUX", "DET", "NOUN", "NOUN", "PUNCT"],
    ...           lemmas=["beyond", "Dusk", "be", "a", "video", "game", "."])
    >>> precedes_product_copula(doc[0:2])
    True
    """
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lemma_ not in ("be", "become", "remain"):
        return False
    opening = span.start == 0 or doc[span.start].is_sent_start or (
        doc[span.start - 1].lower_ == "the" and (span.start == 1 or doc[span.start - 1].is_sent_start))
    if not opening:
        return False
    nouns = [c for c in doc[span.end].children if c.dep_ == "attr" and c.i > span.end
             and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)]
    return bool(nouns) and all(_class_of(n) == "PRODUCT" for n in nouns)


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
        doc = token.doc
        # (an apposition in parentheses says what a player plays, a list's item: no class)
        nouns = [c for c in token.children if c.dep_ == "appos" and not (c.i > 0 and doc[c.left_edge.i - 1].text == "(")]
    kinds = {_class_of(n) for n in nouns} - {None}
    return name if kinds == {"PRODUCT"} else None


def described_model_name(token):
    """The whole name headed by ``token`` when a model noun describes it in apposition, either way round,
    or as a copula complement, and the name is longer than one word: "Command A, a 111-billion-parameter
    model", "a compact version, Varrow-VLA Nano, ...", "Orrin Q is a language model". The NER reads such
    names (a word and a version letter, a family and a tier) as people or misses them.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Corvid", "Q", ",", "a", "reasoning", "model", ",", "ships", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 7, 1, 5, 5, 1, 1, 7, 7],
    ...           deps=["compound", "nsubj", "punct", "det", "compound", "appos", "punct", "ROOT", "punct"],
    ...           pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB", "PUNCT"])
    >>> described_model_name(doc[1]).text
    'Corvid Q'
    """
    name = _subject_name(token)
    if name is None:
        return None
    name = _with_hyphenated_family(name)
    if len(name) < 2:
        return _described_one_word_model(token) if len(name) == 1 else None
    if token.dep_ == "nsubj" and token.head.lemma_ in ("be", "remain"):
        nouns = [c for c in token.head.children if c.dep_ == "attr"]
    else:
        nouns = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos":
            nouns.append(token.head)
    return name if any(n.lower_ in MODEL_NOUNS and n.pos_ == "NOUN" for n in nouns) else None


def _with_hyphenated_family(name):
    """``name`` with the capitalised words hyphenated to its front: the tokenizer splits "Varrow-VLA Nano"."""
    doc, start = name.doc, name.start
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ \
            and doc[start - 2].text[:1].isupper():
        start -= 2
    return doc[start:name.end]


def _described_one_word_model(token):
    """A one-word name the NER missed, followed by a comma and "a/an ... model" ("released BLOOM, a
    176-billion-parameter multilingual model"): an indefinite description set beside a name says what the name
    is, as it does for longer names. Only with the comma and the article: "large language model (LLM)" and
    "Tags: llm" describe no name."""
    doc = token.doc
    if token.ent_type_ or token.is_sent_start or token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
        return None
    nouns = [c for c in token.children if c.dep_ == "appos" and c.i > token.i]
    if any(n.lower_ in MODEL_NOUNS and n.pos_ == "NOUN" and n.tag_ != "NNS"
           and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in n.children) for n in nouns):
        return doc[token.i: token.i + 1]
    return None


#: Verbs whose subject owns the count in their object: "Zephyr has / packs / contains 8 billion parameters".
_OWNING_VERBS = frozenset({"have", "pack", "contain", "boast", "feature"})


def parameter_subject_names(doc) -> list:
    """``(span, "MODEL", "role", None)`` for the capitalised name that has, packs or contains a count of
    parameters ("Isaac GR00T N1, which Acme called ..., has about two billion parameters"): only models have
    parameters, so the subject is a model whatever the NER read in it (a person's given name, a letter-and-digit
    code it left out). The name runs over its capitalised compounds.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Isaac", "Q7", "has", "two", "billion", "parameters", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 4, 5, 2, 2],
    ...           deps=["compound", "nsubj", "ROOT", "compound", "nummod", "dobj", "punct"],
    ...           pos=["PROPN", "PROPN", "VERB", "NUM", "NUM", "NOUN", "PUNCT"],
    ...           lemmas=["Isaac", "Q7", "have", "two", "billion", "parameter", "."])
    >>> [s.text for s, *_ in parameter_subject_names(doc)]
    ['Isaac Q7']
    """
    out = []
    for noun in tokens_where(doc, "LOWER", ("parameters",)):
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_ not in _OWNING_VERBS or not any(c.dep_ == "nummod" for c in noun.children):
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            name = _subject_name(subject)
            name = _with_hyphenated_family(name) if name is not None else None
            # (below the document's own model names and short forms: "Maverick" of "Llama 4 Maverick" stays one)
            if name is not None and not any(t.is_sent_start for t in name[1:]):
                out.append((name, "MODEL", "role", None))
    return out


#: A model noun and the participle that names it, with no comma between ("a large model code-named Olympus",
#: "a model called Kestrel"); the name follows.
_NAMED_MODEL = re.compile(r"\b(?:models?|LLMs?|chatbots?)[ \u00a0]+(?:code-?named|codenamed|named|called|dubbed)[ \u00a0]+"
                          r"(?=[A-Z])")


def named_model_spans(doc, text: str) -> list:
    """``(span, "MODEL", "context", None)`` for the capitalised name a naming participle gives a model noun:
    "training a large model code-named Olympus", "a model called Kestrel 2". The parser often hangs the
    participle on the name ("named" an adjective of "Olympus"), so the words are read off the text. A comma
    before the participle ends the description ("the Stable Diffusion models, named Prem ..." names a person).

    >>> import spacy
    >>> doc = spacy.blank("en")("Acme trains a large model code-named Olympus; Beta has a model called Kestrel 2.")
    >>> [s.text for s, *_ in named_model_spans(doc, doc.text)]
    ['Olympus', 'Kestrel 2']
    """
    out = []
    for m in _NAMED_MODEL.finditer(text):
        start = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if start is None:
            continue
        end = start.start + 1
        while end < len(doc) and doc[end - 1].whitespace_ and (doc[end].text[:1].isupper() or doc[end].like_num) \
                and not doc[end].is_sent_start:
            end += 1
        span = doc[start.start:end]
        if len(span) > 1 and span[0].ent_type_ == "PERSON" and looks_like_person_name(span):
            continue  # "a fashion model named Ana Ruiz": a person's full name
        out.append((span, "MODEL", "context", None))
    return out


#: one word in lower or camel case, as some labs write their models' names: "tsukimi", "nanoWren", "phi3"
_LOWER_CASE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[A-Z][A-Za-z0-9]*)?$")
_NAMING_VERBS = frozenset({"call", "name", "dub", "christen", "brand"})


def _named_by(noun):
    """The word a model noun names: its apposition's head ("tsukimi, a 7B model") or the object of a naming verb
    hung on it ("a model called quokka")."""
    if noun.dep_ == "appos":
        return noun.head
    for verb in noun.children:
        if verb.dep_ == "acl" and verb.lemma_ in _NAMING_VERBS:
            return next((c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj")), None)
    return None


def lower_case_model_names(doc) -> list:
    """``(span, "MODEL", "context", None)`` for a one-word name in lower or camel case that a model noun
    describes in a sentence stating the model's size: "NTK released tsukimi, a 7-billion-parameter model",
    "a model called quokka has 2 billion parameters". The NER reads no lower-case name; a common noun in the
    same place takes a determiner or an owner ("its flagship, a 70B model") and is left alone.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> def parsed(name, owner):
    ...     words = ["Larkspur", "released"] + owner + [name, ",", "a", "1.5B", "model", ",", "today", "."]
    ...     n = len(owner)
    ...     return Doc(spacy.blank("en").vocab, words=words,
    ...                heads=[1, 1] + [2 + n] * n + [1, 2 + n, 6 + n, 6 + n, 2 + n, 2 + n, 1, 1],
    ...                deps=["nsubj", "ROOT"] + ["poss"] * n + ["dobj", "punct", "det", "amod", "appos", "punct",
    ...                                                         "npadvmod", "punct"],
    ...                pos=["PROPN", "VERB"] + ["PRON"] * n + ["NOUN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "NOUN",
    ...                                                        "PUNCT"])
    >>> [s.text for s, *_ in lower_case_model_names(parsed("nanoWren", []))]
    ['nanoWren']
    >>> lower_case_model_names(parsed("flagship", ["its"]))
    []
    """
    out = []
    for noun in tokens_where(doc, "LOWER", tuple(sorted(MODEL_NOUNS))):
        name = _named_by(noun) if noun.pos_ == "NOUN" else None
        if name is None or not _LOWER_CASE_NAME.match(name.text) or name.is_stop or name.lower_ in MODEL_NOUNS \
                or name.pos_ not in ("NOUN", "PROPN", "X") or name.ent_type_ \
                or any(c.dep_ in ("det", "poss") for c in name.children):
            continue
        span = doc[name.i: name.i + 1]
        phrase = doc[noun.left_edge.i: noun.right_edge.i + 1]
        if states_parameter_count(span) or any(True for _ in iter_parameters(phrase.text)):
            out.append((span, "MODEL", "context", None))
    return out


#: A size written as one word in billions or trillions ("9B", "1.8T"); millions are too often other counts.
_GLUED_SIZE = re.compile(r"^\d+(?:\.\d+)?[BT]$")
#: Nouns of a set of models told in sizes: "the Gannet family comes in 2B and 9B sizes".
_FAMILY_NOUNS = ("family", "series", "lineup", "line-up")


def sized_family_names(doc) -> list:
    """``(span, "MODEL", "context", None)`` for the name in front of a family noun in a sentence that states
    sizes in parameters or as glued billions ("Brightmoor's Gannet family comes in 2B and 9B sizes"), or that
    speaks of models ("released its Gannet 4.5 family, ten models in all"): people and firms have families and
    series too, but not ones counted in billions of parameters or made of models ("models of ships" are
    replicas). A version number may end the name ("Gannet 4.5"); an acronym alone ("the AI family") is no name.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> def parsed(unit):
    ...     words = ["The", "Gannet", "family", "comes", "in", "2B", "and", "9B", unit, "."]
    ...     return Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 3, 3, 3, 8, 5, 5, 4, 3],
    ...                deps=["det", "compound", "nsubj", "ROOT", "prep", "nummod", "cc", "conj", "pobj", "punct"],
    ...                pos=["DET", "PROPN", "NOUN", "VERB", "ADP", "NUM", "CCONJ", "NUM", "NOUN", "PUNCT"])
    >>> [s.text for s, *_ in sized_family_names(parsed("sizes"))]
    ['Gannet']

    Money and other counts are no sizes ("The Harwick family sold 40 million shares for $2B"):

    >>> doc = Doc(spacy.blank("en").vocab, words=["The", "Harwick", "family", "got", "$", "2B", "."],
    ...           heads=[2, 2, 3, 3, 5, 3, 3], deps=["det", "compound", "nsubj", "ROOT", "nmod", "dobj", "punct"],
    ...           pos=["DET", "PROPN", "NOUN", "VERB", "SYM", "NUM", "PUNCT"])
    >>> sized_family_names(doc)
    []
    """
    out = []
    for noun in tokens_where(doc, "LOWER", _FAMILY_NOUNS):
        names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < noun.i]
        # (a version number may end the family's name: "its ERNIE 4.5 family")
        end = noun.i - 1 if noun.i > 0 and doc[noun.i - 1].dep_ == "nummod" and doc[noun.i - 1].head.i == noun.i \
            and _DECIMAL_OR_WHOLE.match(doc[noun.i - 1].text) else noun.i
        if not names or names[-1].i != end - 1:
            continue
        span = doc[names[0].i: end]
        if not span.text[:1].isupper() or any(t.pos_ != "PROPN" for t in span) \
                or not any(ch.islower() for ch in span.text) and end == noun.i:
            continue  # ("the AI family": an acronym alone; "ERNIE 4.5" has its version)
        sent = sentence_of(span)
        if states_parameter_count(span) or any(_GLUED_SIZE.match(t.text) and not doc[t.i - 1].is_currency
                                               for t in doc[noun.i + 1: sent.end]) \
                or any(t.lower_ == "models" and t.pos_ == "NOUN" and t.nbor(1).lower_ != "of" for t in sent[:-1]):
            out.append((doc[span.start:noun.i], "MODEL", "context", None))
    return out


#: A version number that may end a family's name: "ERNIE 4.5", "Llama 3".
_DECIMAL_OR_WHOLE = re.compile(r"^\d{1,2}(?:\.\d+)?$")


#: Capitalised tier words that name a sibling of a sized model: "Varrow-VLA 7B" and "Varrow-VLA Nano".
_SIBLING_TIERS = frozenset({"Mini", "Small", "Medium", "Large", "Pro", "Ultra", "Flash", "Nano", "Turbo", "Max", "Plus", "Lite",
                            "Edge"})
_SIZE_WORD = re.compile(r"^\d+(?:\.\d+)?[BMT]$")


def sized_sibling_spans(doc, candidates) -> list:
    """"Varrow-VLA 7B ... a compact version, Varrow-VLA Nano": the family of a model the document names
    with a size, followed by a capitalised tier word, is a sibling model, whatever the NER made of it.

    ``candidates`` are ``(span, label, source, canonical)``; returns model-shaped candidates.
    """
    families = {(c[0][:-1].text, len(c[0]) - 1) for c in candidates
                if c[1] == "MODEL" and len(c[0]) > 1 and _SIZE_WORD.match(c[0][-1].text) and c[0][0].text[:1].isupper()}
    if not families:
        return []
    out = []
    for tier in tokens_where(doc, "ORTH", tuple(sorted(_SIBLING_TIERS))):
        for family, n in families:
            if tier.i >= n and doc[tier.i - 1].whitespace_ and doc[tier.i - n: tier.i].text == family:
                out.append((doc[tier.i - n: tier.i + 1], "MODEL", "model_shape", None))
    return out


#: Tier words that end a model's name after its family: "Voxtral Small", "Magistral Medium", "Skarv-VL Edge".
_NAME_TIERS = tuple(sorted(_SIBLING_TIERS | {"Edge"}))
#: Prepositions whose object is the hardware a model runs on, not the model: "runs on a MacBook Pro".
_HARDWARE_PREPOSITIONS = frozenset({"on", "onto", "inside"})
_VERSION_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _name_chunk_start(doc, end: int) -> int | None:
    """The first token of the whitespace-delimited word that ends at token ``end - 1`` ("Skarv-VL" read as
    "Skarv", "-", "VL"), or ``None`` when that word is not capitalised or not a name's word."""
    start = end - 1
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text == "-" or doc[start - 1].is_alpha
                                                            or doc[start - 1].like_num):
        start -= 1
    word = doc[start:end].text
    if not word[:1].isupper() or not any(ch.isalpha() for ch in word) or doc[start].is_punct:
        return None
    return start


def sized_tier_model_spans(doc, candidates) -> list:
    """``(span, "MODEL", "model_shape", None)`` for a capitalised name followed by a tier word ("Small", "Mini",
    "Pro", "Edge" ...) in a sentence that states a count of parameters: "Magistral Small has 24 billion
    parameters", "a 24-billion-parameter Voxtral Small", "A compressed version, Skarv-VL Edge, has 1.2 billion
    parameters". Only models are counted in parameters, and a tier word after a name makes one name of the
    two (the NER reads "Magistral Small" as a firm, or keeps "Small" alone). A version number after the tier
    belongs to the name ("Solar Pro 2"); a second capitalised word before the family does too ("Vellichor
    Voice Mini"), unless it is a company the document knows. The hardware a model runs on is no model ("runs
    on a MacBook Pro"), nor a name the sentence calls another thing ("the Orin Nano module").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
    <...>
    >>> doc = nlp("Magistral Small has 24 billion parameters. A Kestrel Mini with 3 billion parameters and Tarn Pro 2 shipped.")
    >>> [s.text for s, *_ in sized_tier_model_spans(doc, [])]
    ['Magistral Small', 'Kestrel Mini', 'Tarn Pro 2']
    >>> sized_tier_model_spans(nlp("The Acme Pro costs $300 and weighs 2 kilograms."), [])
    []
    """
    if not any(True for _ in tokens_where(doc, "ORTH", _NAME_TIERS)):
        return []
    companies = {i for span, label, *_ in candidates if label == "COMPANY" for i in range(span.start, span.end)}
    out = []
    for tier in tokens_where(doc, "ORTH", _NAME_TIERS):
        if tier.i == 0 or tier.is_sent_start or not doc[tier.i - 1].whitespace_:
            continue
        start = _name_chunk_start(doc, tier.i)
        if start is None or doc[start].text in _NAME_TIERS or doc[start].is_stop and not doc[start].is_title:
            continue
        if start > 0 and not doc[start].is_sent_start and doc[start - 1].whitespace_:
            before = _name_chunk_start(doc, start)  # "Vellichor Voice Mini"
            if before is not None and before == start - 1 and not doc[before].is_sent_start and doc[before].is_title \
                    and not doc[before].is_stop and before not in companies:
                start = before
        end = tier.i + 1
        if end < len(doc) and _VERSION_NUMBER.match(doc[end].text) and tier.whitespace_:
            end += 1  # "Solar Pro 2"
        span = doc[start:end]
        if any(i in companies for i in range(start, end)) or not states_parameter_count(span):
            continue
        if span.root.dep_ == "pobj" and span.root.head.lower_ in _HARDWARE_PREPOSITIONS:
            continue
        if end < len(doc) and doc[end].is_lower and (doc[end].lower_ in PRODUCT_NOUNS or doc[end].lemma_ in PRODUCT_NOUNS):
            continue
        out.append((span, "MODEL", "model_shape", None))
    return out


#: Candidate sources that say what a name is with more than the NER's guess (see the components' RANK).
_SURE_SOURCES = _SURE_COMPANY_SOURCES | {"gazetteer", "model_shape"}
#: The sources a tiered model may come from for its family word to count (tier_family_spans): the sure ones and a role.
_FAMILY_SOURCES = _SURE_SOURCES | {"role"}


def tier_family_spans(doc, candidates) -> list:
    """``(span, "MODEL", "context", None)`` for the family word of a tiered model standing alone: where the
    document names "Voxtral Small" or "Magistral Medium" as a model, "Mistral AI's release of Voxtral" and
    "Magistral comes in two versions" name the family, a model too (its makers are then its members').
    A family word the document is sure is something else stays what it is ("Mistral" of "Mistral Large", a
    company), as does the first word of a company's name ("Halvorsen" beside "Halvorsen AI" and "Halvorsen
    Large"), and one that starts a longer name ("Voxtral Studio") or a hyphenated one.

    ``candidates`` are ``(span, label, source, canonical)``.

    >>> import spacy
    >>> doc = spacy.blank("en")("Acme released Voxtral today. Voxtral Small is big; Voxtral Studio is an app.")
    >>> [s.text for s, *_ in tier_family_spans(doc, [(doc[5:7], "MODEL", "model_shape", None)])]
    ['Voxtral']
    >>> tier_family_spans(doc, [(doc[5:7], "MODEL", "model_shape", None), (doc[2:3], "COMPANY", "gazetteer", None)])
    []
    """
    families = {span[0].text for span, label, source, _ in candidates
                if label == "MODEL" and len(span) == 2 and span[1].text in _NAME_TIERS and span[0].is_title
                and span[0].is_alpha and source in _FAMILY_SOURCES}
    if not families:
        return maker_family_spans(doc, candidates) + family_code_spans(doc, candidates) + owned_versioned_model_spans(doc, candidates)
    families -= {span.text for span, label, source, _ in candidates if label != "MODEL" and source in _SURE_SOURCES}
    # (a company's first word alone is the company's short name: "Halvorsen said" beside "Halvorsen AI")
    # (not the NER's guess at the tiered model itself: "Voxtral Small" read as a firm)
    families -= {span[0].text for span, label, *_ in candidates
                 if label in ("COMPANY", "ORGANIZATION") and len(span) > 1 and span[1].text not in _NAME_TIERS}
    out = []
    for tok in tokens_where(doc, "ORTH", tuple(sorted(families))):
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        before = doc[tok.i - 1] if tok.i > 0 else None
        if after is not None and (not tok.whitespace_ or after.text[:1].isupper() or after.like_num):
            continue  # "Voxtral Small", "Voxtral-2", "Voxtral 2": a longer name
        if before is not None and (not before.whitespace_ or before.is_title and not tok.is_sent_start
                                   and before.pos_ == "PROPN"):
            continue  # "Acme Voxtral": the last word of another name
        out.append((doc[tok.i:tok.i + 1], "MODEL", "context", None))
    return out + maker_family_spans(doc, candidates) + family_code_spans(doc, candidates) + owned_versioned_model_spans(doc, candidates)


#: A letter-and-digit code of a model's version: "X5", "K2", "R1", "X1.5" (not a year, not a plain number).
_LETTER_CODE = re.compile(r"^[A-Z]{1,2}\d+(?:\.\d+)?[a-z]?$")


def family_code_spans(doc, candidates) -> list:
    """``(span, "MODEL", "model_shape", None)`` for a model family's word and a letter-and-digit code: where the
    document names "Palmyra-Med 70B" a model, "Palmyra X5" is another model of that family (as "Palmyra 2" would
    be), not the family beside a code.

    >>> import spacy
    >>> doc = spacy.blank("en")("Quill released Orra X5 in May; it also sells Orra-Med 70B, and Orra K2.")
    >>> model = doc.char_span(doc.text.index("Orra-Med"), doc.text.index(" 70B") + 4)
    >>> [s.text for s, *_ in family_code_spans(doc, [(model, "MODEL", "model_shape", None)])]
    ['Orra X5', 'Orra K2']
    """
    families = {name_family(span.text) for span, label, source, _ in candidates
                if label == "MODEL" and source in ("model_shape", "gazetteer")} - {None}
    if not families:
        return []
    out = []
    for tok in tokens_where(doc, "ORTH", tuple(sorted(families))):
        code = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if code is not None and tok.whitespace_ and _LETTER_CODE.match(code.text) and not code.is_sent_start:
            out.append((doc[tok.i:tok.i + 2], "MODEL", "model_shape", None))
    return out


#: A version number: "3", "2.5" (a year is none: "Google's Cloud 2024").
_VERSION_NUMBER_TEXT = re.compile(r"^(?!(?:19|20)\d\d$)\d{1,3}(?:\.\d+)?$")


def owned_versioned_model_spans(doc, candidates) -> list:
    """``(span, "MODEL", "model_shape", None)`` for a company's "Name N" in an article about models: "Google's Veo 3",
    "OpenAI's Sora 2" are the company's models, not companies (the NER's guess). A version number after one
    capitalised word, the possessor a company the document types; a round's or a fund's word is no model
    ("SoftBank's Vision Fund 2", "Acme's Series 2"), nor a name the document is sure is a company.

    >>> import spacy
    >>> doc = spacy.blank("en")("Orra-7B is a model. Quill's Vela 3, launched in May, makes video; Quill's Series 2 and 2024.")
    >>> cands = [(doc[0:1], "MODEL", "model_shape", None), (doc[5:6], "COMPANY", "ner", None), (doc[17:18], "COMPANY", "ner", None)]
    >>> [s.text for s, *_ in owned_versioned_model_spans(doc, cands)]
    ['Vela 3']
    """
    if not any(label == "MODEL" and source in _SURE_SOURCES for _, label, source, _ in candidates):
        return []  # (an article naming no model surely is about other things: "Acme's Mark 2" is a machine)
    owners = {span.end for span, label, *_ in candidates if label == "COMPANY"}
    sure = {span.text for span, label, source, _ in candidates if label == "COMPANY" and source in _SURE_SOURCES}
    out = []
    for end in sorted(owners):
        if end + 3 > len(doc) or doc[end].lower_ not in ("'s", "’s"):
            continue
        word, number = doc[end + 1], doc[end + 2]
        after = doc[end + 3] if end + 3 < len(doc) else None
        if not (word.is_title and word.is_alpha and word.text not in _NO_PRODUCT_WORDS and word.whitespace_
                and _VERSION_NUMBER_TEXT.match(number.text)) or number.is_sent_start:
            continue
        if after is not None and (after.text[:1].isalnum() or after.text == "%") and number.whitespace_:
            continue  # "Acme's Vela 3 Pro", "Acme's Vela 3 million": a longer name, or a figure
        if f"{word.text} {number.text}" not in sure:
            out.append((doc[end + 1:end + 3], "MODEL", "model_shape", None))
    return out


#: A size at the end of a model's name: "12B", "70B", "1.5T".
_NAME_SIZE = re.compile(r"^\d+(?:\.\d+)?[BT]$")


def maker_family_spans(doc, candidates) -> list:
    """``(span, "MODEL", "context", None)`` for a product line named with its maker's name where the document
    names its models by it and a tier or a size: beside "Halcyra Counsel 12B" and "Halcyra Counsel Lite", the
    headline's "Halcyra Counsel" is the family of those models (an optional model), not a company called
    "Halcyra Counsel" (which the NER reads it as, and whose short form "Halcyra" the maker would then be).
    Only a name no surer cue than the NER's typed.

    >>> import spacy
    >>> doc = spacy.blank("en")("Try Halcyra Counsel today. Halcyra Counsel 12B is ours.")
    >>> [s.text for s, *_ in maker_family_spans(doc, [(doc[1:3], "COMPANY", "ner", None), (doc[5:8], "MODEL", "model_shape", None)])]
    ['Halcyra Counsel']
    >>> maker_family_spans(doc, [(doc[1:3], "COMPANY", "gazetteer", None), (doc[5:8], "MODEL", "model_shape", None)])
    []
    """
    lines = {span[:-1].text for span, label, source, _ in candidates
             if label == "MODEL" and source == "model_shape" and len(span) >= 3 and span[0].is_title
             and (span[-1].text in _NAME_TIERS or _NAME_SIZE.match(span[-1].text))}
    if not lines:
        return []
    sure = {span.text for span, label, source, _ in candidates if source in _SURE_SOURCES and label != "MODEL"}
    return [(span, "MODEL", "context", None) for span, label, source, _ in candidates
            if label in ("COMPANY", "ORGANIZATION", "PRODUCT") and source in ("ner", "ner_weak")
            and span.text in lines and span.text not in sure]


#: Words between a company's name and a code that make no product: "Acme Series B", "Acme Phase 2".
_NO_PRODUCT_WORDS = frozenset("Series Round Class Phase Stage Tier Level Chapter Section Part Act Title Group Fund Gen".split())
#: Codes that are dates or ranks, not models: "Apple Q3", "Acme H1", "FY24", "21st".
_DATE_CODE = re.compile(r"^(?:Q[1-4]|H[12]|FY\d+|\d+(?:st|nd|rd|th))$")
_DECIMAL_VERSION = re.compile(r"^\d+\.\d+$")


def versioned_name_end(doc, start: int, end: int, known_product: bool) -> int | None:
    """The end of a known name extended by a model code ("Xbox 360", "Windows 8.1", "Atari 2600",
    "Samsung Galaxy S9"), or ``None``. After a company's name up to two capitalised words may come
    before the code; the code is no year, quarter or half, and no noun other than a product noun
    follows it ("Google 10 years ago").

    >>> import spacy
    >>> doc = spacy.blank("en")("Zorn 360 and Acme Quill S9 beat Acme Series B and Acme 10 years later at Acme I / O .")
    >>> [versioned_name_end(doc, *args) for args in ((0, 1, True), (3, 4, False), (7, 8, False), (11, 12, False), (16, 17, False))]
    [2, 6, None, None, None]
    """
    j = end
    if not known_product:
        while j < end + 2 and j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and len(doc[j]) > 1 \
                and doc[j].text not in _NO_PRODUCT_WORDS and not doc[j].is_sent_start:
            j += 1
    if j >= len(doc) or doc[j].is_sent_start:
        return None
    code = doc[j]
    if not (is_version_code(code) or (known_product and _DECIMAL_VERSION.match(code.text))) or _DATE_CODE.match(code.text):
        return None
    if not known_product and j == end and code.text.isdigit() and len(code.text) < 3:
        return None  # "Acme 10": a count as often as a model
    after = doc[j + 1] if j + 1 < len(doc) else None
    if after is not None and after.text in ("/", "-", "&"):
        return None  # "Google I/O": the code is the start of another word
    if after is not None and after.text == "+" and not code.whitespace_:
        j, after = j + 1, doc[j + 2] if j + 2 < len(doc) else None
    if after is not None and after.is_lower and after.pos_ == "NOUN" and not _is_product_noun(after):
        return None
    return j + 1


def _versioned_spans(doc, candidates) -> list:
    """Known products and companies extended by a model code, as products of their own (over the
    known name, which stays what it is wherever it stands alone)."""
    models = {i for c in candidates if c[1] == "MODEL" for i in range(c[0].start, c[0].end)}
    # "Airbus A330" where the NER took "A330" for a product: the maker and its product, kept apart (a
    # relation rule reads the maker's name before its product's)
    products = {(c[0].start, c[0].end) for c in candidates if c[1] == "PRODUCT"}
    out = []
    for span, label, source, canonical in candidates:
        if source != "gazetteer" or label not in ("PRODUCT", "COMPANY"):
            continue
        end = versioned_name_end(doc, span.start, span.end, label == "PRODUCT")
        if end is None or any(i in models for i in range(span.start, end)):
            continue
        if label == "COMPANY" and (span.end, end) in products:
            continue
        out.append((doc[span.start : end], "PRODUCT", "name_extension", None))
    return out


def _family_word(span, company_starts: dict):
    """The first word of a name after a known company's name that starts it: "Samsung Galaxy S9" -> "Galaxy"."""
    start = max(company_starts.get(span.start, [span.start]))
    return span.doc[start].text if start < span.end - 1 or start == span.start else None


def _family_spans(candidates, products) -> list:
    """Names of a product family the document names elsewhere: "Galaxy Tab S" and "Samsung Galaxy Note"
    beside "Samsung Galaxy S9" (a known maker's name, a family word, a model code). The family word is
    the word after the maker's name; a statistical name of two words or more that starts with it (after
    a known company's name, or none) is a product of that family."""
    company_starts = {}
    for c in candidates:
        if c[2] == "gazetteer" and c[1] == "COMPANY":
            company_starts.setdefault(c[0].start, []).append(c[0].end)
    families = {_family_word(p[0], company_starts) for p in products if len(p[0]) > 2 and p[0].start in company_starts} - {None}
    families = {w for w in families if w[:1].isupper() and w.isalpha() and len(w) > 2}
    out = []
    for span, label, source, canonical in candidates:
        if source not in ("ner", "ner_weak") or label == "MODEL" or len(span) < 2:
            continue
        if label == "PERSON" and looks_like_person_name(span):
            continue
        word = _family_word(span, company_starts)
        if word in families and not any(p[0].start == span.start and p[0].end == span.end for p in products):
            out.append((span, "PRODUCT", "class_noun", None))
    return out


def product_name_spans(doc, candidates) -> list:
    """``(span, "PRODUCT", "class_noun", None)`` candidates for names the constructions above call
    products, none over a name the document types as a company with confidence or as a known entity.

    ``candidates`` are the typer's ``(span, label, source, canonical)`` candidates so far.
    """
    # a company the document is sure of anywhere, or one the NER guessed at another mention of the name
    # (a guess at this very mention is what the cue decides)
    companies = {c[0].text for c in candidates if c[1] == "COMPANY" and c[2] in _SURE_COMPANY_SOURCES}
    guessed = {(c[0].text, c[0].start) for c in candidates if c[1] == "COMPANY" and c[2] == "ner"}
    known = {(c[0].start, c[0].end) for c in candidates if c[2] == "gazetteer"}
    known_tokens = {i for start, end in known for i in range(start, end)}
    out = []

    def admit(span, defined=False):
        if span is None or span.text in companies or any(t.is_sent_start for t in span[1:]):
            return
        # a name the sentence defines ("X is a video game") is a product wherever the NER guessed company
        if not defined and any(text == span.text and start != span.start for text, start in guessed):
            return
        if any(i in known_tokens for i in range(span.start, span.end)):
            return  # a known company, product or place inside: the gazetteer and _select say what it is
        if not span[0].text[:1].isupper() or not span[0].is_alpha:
            return
        out.append((span, "PRODUCT", "class_noun", None))

    for c in candidates:
        if c[2] in ("ner", "ner_weak") and c[1] in ("PERSON", "ORGANIZATION", "PLACE", "COMPANY", "PRODUCT"):
            span = c[0]
            defined = precedes_product_copula(span)
            if (defined or modifies_product_noun(span) or dated_by_possessive(span)) and not (c[1] == "PERSON" and len(span) > 1 and looks_like_person_name(span)):
                admit(span, defined)
    # only proper nouns: one array compare, not a Python loop over every token of every article
    if len(doc):
        for i in (doc.to_array("POS") == doc.vocab.strings["PROPN"]).nonzero()[0]:
            tok = doc[int(i)]
            if tok.dep_ == "nsubj" or any(c.dep_ == "appos" for c in tok.children):
                admit(described_product_name(tok), defined=True)
            model = described_model_name(tok)
            if model is not None and not any(i in known_tokens for i in range(model.start, model.end)):
                out.append((model, "MODEL", "context", None))
        # and a name in capitals the tagger read as a common noun ("released ORCHID, a 176B model")
        for i in (doc.to_array("POS") == doc.vocab.strings["NOUN"]).nonzero()[0]:
            tok = doc[int(i)]
            if tok.is_upper and tok.is_alpha and len(tok) > 1 and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
                model = _described_one_word_model(tok)
                if model is not None and tok.i not in known_tokens:
                    out.append((model, "MODEL", "context", None))
    versioned = _versioned_spans(doc, candidates)
    # (families only of a known maker's coded names: a family of a product found by a weaker cue spreads its errors)
    return out + versioned + _family_spans(candidates, versioned) + sized_sibling_spans(doc, candidates) \
        + sized_tier_model_spans(doc, candidates) \
        + lower_case_model_names(doc) + parameter_subject_names(doc) + named_model_spans(doc, doc_text(doc)) \
        + glued_lm_spans(doc, doc_text(doc)) \
        + [c for c in sized_family_names(doc) if not any(i in known_tokens for i in range(c[0].start, c[0].end))]


#: A word glued to "LM" or "LLM", "language model", in one name: "PaLM", "OpenELM", "EuroLLM", "KitaLM" (a lower-case
#: letter before it: no acronym in capitals such as "HELM"), perhaps with a version ("KitaLM-2").
_GLUED_LM = re.compile(r"(?<![\w.-])[A-Z][A-Za-z]*[a-z][A-Z]?L?LM(?:-?\d+(?:\.\d+)?)?(?![\w-])")


def glued_lm_spans(doc, text: str) -> list:
    """``(span, "MODEL", "context", None)`` for names that end in "LM", the abbreviation of "language model" glued
    to a word: such a name is a language model's ("Tessaro released KitaLM", "Apple's OpenELM").

    >>> import spacy
    >>> doc = spacy.blank("en")("Tessaro released KitaLM, after PaLM and EuroLLM; HELM and Realm are not.")
    >>> [s.text for s, *_ in glued_lm_spans(doc, doc.text)]
    ['KitaLM', 'PaLM', 'EuroLLM']
    """
    out = []
    for m in _GLUED_LM.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            out.append((span, "MODEL", "context", None))
    return out


def family_led_model_spans(doc, candidates, families) -> list:
    """"Llama Nemotron", "Llama Nemotron Nano": a known model family's word followed, in one name, by another
    model family's word or by a model name is one longer model name (a model built on or branded with the first
    family), not the first model beside a second name. The name runs over the model name that follows and over
    the capitalised words the NER reads in one name with it ("Llama Nemotron Super"). A company word after the
    family ("Mistral AI") makes no model, and a family word that is also a person's given name ("Claude Giroux")
    is followed by no family word or model name.

    ``candidates`` are ``(span, label, source, canonical)``; returns model-shaped candidates.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Zorp", "Quill", "Nano", "and", "Zorp", "Labs", "grew"],
    ...           ents=["B-ORG", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O"])
    >>> cands = [(doc[0:1], "MODEL", "gazetteer", "Zorp"), (doc[1:3], "MODEL", "model_shape", None),
    ...          (doc[4:5], "MODEL", "gazetteer", "Zorp")]
    >>> [s.text for s, *_ in family_led_model_spans(doc, cands, frozenset({"Zorp", "Quill"}))]
    ['Zorp Quill Nano']
    """
    model_ends = {}
    for span, label, source, _ in candidates:
        if label == "MODEL" and source in ("gazetteer", "model_shape"):
            model_ends[span.start] = max(model_ends.get(span.start, span.end), span.end)
    out = []
    for span, label, source, _ in candidates:
        if label != "MODEL" or source != "gazetteer" or len(span) != 1 or span.text not in families:
            continue
        nxt = span.end
        if nxt >= len(doc) or not span[-1].whitespace_ or doc[nxt].is_sent_start or not doc[nxt].text[:1].isupper():
            continue
        end = model_ends.get(nxt, nxt + 1 if doc[nxt].text in families else None)
        if end is None:
            continue
        # (and the words the NER's name goes on with: "Llama Nemotron Super" read as one organisation)
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].is_title and doc[end].is_alpha \
                and doc[end - 1].whitespace_:
            end += 1
        out.append((doc[span.start:end], "MODEL", "model_shape", None))
    return out


#: "under the Apache 2.0 licence", "under an MIT license": the name a licence noun follows after "under" is the licence's.
_LICENCE_NAME = re.compile(r"\bunder[ \u00a0]+(?:(?:the|an?|its|their)[ \u00a0]+)?([A-Z][\w.-]*(?:[ \u00a0][A-Z0-9][\w.-]*)?)"
                           r"[ \u00a0]+(?:open[ -]source[ \u00a0]+)?licen[cs]es?\b")


def licence_name_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of licence names: "released under the Apache 2.0 licence" names a licence, not a model or a
    company, and "under an MIT license" not the university.

    >>> text = "Orra is released under the Apache 2.0 licence; Sarn under an MIT license. Acme licenses Orra."
    >>> [text[s:e] for s, e in licence_name_ranges(text)]
    ['Apache 2.0', 'MIT']
    """
    return [m.span(1) for m in _LICENCE_NAME.finditer(text)]
