"""Names the statistical NER missed or cut, found by what the sentence says of them.

- :func:`described_name_spans`: a capitalised subject of a copula whose complement is a class noun
  ("Breakout is an arcade game", "Hélé Béji (born 1948) is a Tunisian writer"): the sentence says
  what the name is, so it is a name even where the NER saw nothing.
- :func:`is_maker_agent`: "a fabric softener produced by Procter & Gamble": an organisation that
  develops, manufactures, produces or publishes things is a company.
- :func:`company_role`: "Corvane's new chip", "Tessaly raised $6.6 billion", "Vantor said it would
  work with Nvidia": a name whose place in the sentence is a company's (what it owns, what it does,
  "it" for it) is a company, whatever the NER guessed of an unknown name.
- :func:`names_over_places`: "United States Naval Forces Germany": an organisation's name that holds
  known place names is one name, not the places inside it.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from .entities import (
    CLASS_NOUNS,
    COMPANY_MEMBER_NOUNS,
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    MODEL_NOUNS,
    NAME_PARTICLES,
    ORGANIZATION_HEADS,
    ORGANIZATION_WORDS,
    PRODUCT_NOUNS,
    PUBLICATION_HEADS,
    ROLE_NOUNS,
    FUNDING_NOUNS,
    _class_of,
    _is_name_word,
    has_company_context,
    hyphenated_word,
    joins_a_round,
    leads_a_round,
    looks_like_person_name,
)
from .lexicon import load_triggers, word_list
from .tokens import doc_text, first_conjunct, tokens_where

#: Words that make a name with a place in it an institution's: "Boston Museum of Fine Arts", "Church of
#: England", "Japan Airlines" (not "Ancient Rome", "Emperor of Japan", "Russification of Finland").
_INSTITUTION_WORDS = ORGANIZATION_WORDS | ORGANIZATION_HEADS | COMPANY_SUFFIXES | PUBLICATION_HEADS

#: What a class noun says, as the label of a name it describes (works and places are left to the NER).
DESCRIBED_LABELS = word_list("entities", "described_labels")
#: Lower-case words that may stand inside a name: "Bank of America", "Procter & Gamble".
NAME_JOINERS = word_list("entities", "name_joiners")


def _name_word(tok) -> bool:
    """A word that starts with a capital (or a digit after the first word: "Galaxy S9")."""
    return tok.text[:1].isupper() and not tok.is_punct


def _subject_name(subject):
    """The capitalised name whose head is ``subject``: its run of capitalised compounds and the words
    after it up to the verb ("Hélé Béji", "Super Breakout"), or ``None``."""
    doc = subject.doc
    if subject.pos_ != "PROPN" or not _name_word(subject):
        return None
    start = subject.i
    while start > 0:
        before = start - 2 if start > 1 and doc[start - 1].is_space else start - 1  # "Nexus   Q": runs of spaces
        if not (doc[before].head.i == subject.i and doc[before].dep_ in ("compound", "nmod")
                and _name_word(doc[before]) and (doc[before].pos_ == "PROPN" or before < start - 1)):
            break
        start = before
    end = subject.i + 1
    while end < len(doc) and doc[end].head.i == subject.i and doc[end].pos_ in ("PROPN", "NUM") and _name_word(doc[end]):
        end += 1
    span = doc[start:end]
    if start > 0 and doc[start - 1].lower_ in ("a", "an"):
        return None  # "a Teachta Dála is ...": a title
    return span


def described_name_spans(doc) -> list:
    """Capitalised subjects of "is a/an/the <class noun>" that no entity covers, with what the noun says.

    Returns ``(span, label)`` pairs, none over a token the NER put in an entity. The
    subject must be tagged a proper noun (a capital at a sentence start says nothing: "Chess is a
    game"), and a name said to be a person must look like a full name ("Hélé Béji").

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Zorbex", "is", "an", "arcade", "game", "developed", "by", "Acme", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 4, 4, 1, 4, 5, 6, 1],
    ...           deps=["nsubj", "ROOT", "det", "compound", "attr", "acl", "agent", "pobj", "punct"],
    ...           pos=["PROPN", "AUX", "DET", "NOUN", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
    ...           lemmas=["Zorbex", "be", "an", "arcade", "game", "develop", "by", "Acme", "."])
    >>> [(span.text, label) for span, label in described_name_spans(doc)]
    [('Zorbex', 'PRODUCT')]
    """
    out = []
    if not len(doc):
        return out
    # only the copulas' complements: one array compare, not a Python loop over every token of every article
    deps = doc.to_array("DEP")
    for i in (deps == doc.vocab.strings["attr"]).nonzero()[0]:
        tok = doc[int(i)]
        if tok.head.lemma_ not in ("be", "become", "remain") or tok.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children):
            continue  # "X is Acme's game": whose, not what
        label = _class_of(tok)
        if label not in DESCRIBED_LABELS:
            continue
        for subject in (c for c in tok.head.children if c.dep_ == "nsubj"):
            span = _subject_name(subject)
            # (the tokens' NER labels, not doc.ents: that makes a Span of every entity, a cost on every article)
            if span is None or any(t.ent_type for t in span):
                continue
            if label == "PERSON" and not (len(span) > 1 and looks_like_person_name(span)):
                continue
            if label == "COMPANY" and span[-1].lower_ in COMPANY_NOUNS:
                continue
            out.append((span, label))
    out += _apposed_name_spans(doc, deps)
    return out


def _with_hyphenated_start(span):
    """"High-Flyer": a name whose first word the tagger split at a hyphen, the part before it hung on the
    last word."""
    doc, start = span.doc, span.start
    if (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
            and _name_word(doc[start - 2])):
        return doc[start - 2:span.end]
    return span


def _apposed_name_spans(doc, deps) -> list:
    """Capitalised names that no entity covers, set beside "the/a <class noun>" as an apposition: "set up
    by High-Flyer, the quantitative hedge fund", "Zorbex, a browser". Returns ``(span, label)`` pairs."""
    out = []
    for i in (deps == doc.vocab.strings["appos"]).nonzero()[0]:
        tok = doc[int(i)]
        name_head = tok.head
        # the noun after the name, in lower case ("fund" may be tagged a proper noun in a long phrase)
        if not (tok.is_lower and tok.i > name_head.i and doc[name_head.i + 1].text == ","):
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children):
            continue
        label = _class_of(tok) if tok.pos_ == "NOUN" else _class_of_lower_propn(tok)
        if label not in DESCRIBED_LABELS or label == "PERSON":
            continue  # (a person's apposition is a role, which the tagger's names already carry)
        span = _subject_name(name_head)
        if span is None:
            continue
        span = _with_hyphenated_start(span)
        if any(t.ent_type for t in span) or (label == "COMPANY" and span[-1].lower_ in COMPANY_NOUNS):
            continue
        out.append((span, label))
    return out


def _class_of_lower_propn(tok):
    """The class of a lower-case word the tagger called a proper noun in a long noun phrase."""
    word = tok.lower_
    return next((label for label, nouns in CLASS_NOUNS.items() if word in nouns), None)


#: Verbs whose agent makes and sells things: "a fabric softener produced by Procter & Gamble".
MAKER_VERBS = word_list("entities", "maker_verbs")


def is_maker_agent(span) -> bool:
    """An organisation that develops, manufactures, produces or publishes something is a company:
    "a fabric softener produced by Procter & Gamble", "a game published by Activision" (universities,
    societies and agencies are told apart by the words of their names before this is asked).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["soap", "produced", "by", "Acme", "Soaps"],
    ...           heads=[0, 0, 1, 4, 2], deps=["ROOT", "acl", "agent", "compound", "pobj"],
    ...           lemmas=["soap", "produce", "by", "Acme", "Soaps"])
    >>> is_maker_agent(doc[3:5])
    True
    """
    root = span.root
    head = root.head
    while root.dep_ == "conj" and head.i != root.i:  # "developed by Raven Software and Initech"
        root, head = head, head.head
    return (root.dep_ == "pobj" and head.dep_ == "agent" and head.lower_ == "by"
            and head.head.lemma_.lower() in MAKER_VERBS)


#: What a company owns, by the possessive before it: "Corvane's new chip", "Zentro's investors".
COMPANY_POSSESSIONS = word_list("entities", "company_possessions")
#: Possessions that a person's full name may own too: "Symantec's security business", "Marta Kellan's business".
OWNED_BUSINESS_NOUNS = frozenset("business businesses division divisions subsidiary subsidiaries".split())
#: Verbs whose subject is a company, whatever their object: "Quillfire AI competes with Cohere".
COMPANY_ACTS = word_list("entities", "company_acts")
#: Verbs of closing a funding round: "Orlith closed a $50 million seed round".
ROUND_CLOSING_VERBS = word_list("entities", "round_closing_verbs")
#: Verbs of putting a model or chip on the market: "Vantor released a new model".
LAUNCH_VERBS = frozenset("launch release ship unveil open-source".split())
#: "Analysts see Orlith as a rival to Salesforce".
RIVAL_NOUNS = word_list("entities", "rival_nouns")
#: Nouns of a new company that an apposition names: "a joint venture, Stargate", "a venture called Stargate".
VENTURE_NOUNS = word_list("entities", "venture_nouns")
#: Pronouns that say a person: a sentence that has them tells of people, not of a company's acts.
PERSON_PRONOUNS = frozenset("he she him his her hers himself herself".split())
SPEECH_VERBS = frozenset("say tell announce add confirm state write".split())


def _is_money(token) -> bool:
    """An amount of money: "$6.6 billion", "300 million euros"."""
    return token.ent_type_ == "MONEY" or any(t.text in ("$", "€", "£") for t in token.subtree)


def _with_company(token, companies) -> bool:
    """Whether ``token`` (or one of its conjuncts) is a known company's word."""
    return token.i in companies or any(c.i in companies for c in token.children if c.dep_ == "conj")


def does_business(verb, companies=frozenset()) -> bool:
    """Whether a verb, with its objects, tells what a company does: raise money or close a round, compete,
    partner, acquire or license from a known company, "take on" or "work with" one.

    ``companies`` are the indices of tokens of known companies.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Zorbex", "raised", "$", "5", "million", "."],
    ...           heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "quantmod", "compound", "dobj", "punct"],
    ...           lemmas=["Zorbex", "raise", "$", "5", "million", "."])
    >>> does_business(doc[1])
    True
    """
    lemma = verb.lemma_.lower()
    if lemma in COMPANY_ACTS:
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    with_objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    if lemma == "raise":
        return any(_is_money(o) or o.lemma_.lower() in FUNDING_NOUNS for o in objects)
    if lemma in ROUND_CLOSING_VERBS:
        return any(o.lemma_.lower() in FUNDING_NOUNS or hyphenated_word(o) in FUNDING_NOUNS for o in objects)
    if lemma in ("acquire", "license"):
        return any(_with_company(o, companies) for o in objects)
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children):
        return any(_with_company(o, companies) for o in objects)  # "is taking on Google and Microsoft"
    if lemma in ("work", "team"):
        return any(_with_company(o, companies) for o in with_objects)
    if lemma == "lay" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return True
    if lemma in LAUNCH_VERBS:  # "Vantor released a new model", not "Adele released a single"
        return any(o.lower_ in MODEL_NOUNS or o.lower_ in ("chip", "chips") for o in objects)
    return False


def _takes_up_its(verb, span) -> bool:
    """"Zentro will make its models available": an "its" before what companies own, in the clause of which
    the name is the subject, not in a clause with a subject of its own ("Analysts noted that Cupertino had
    held talks about its models": "its" is Cupertino's). A product has "its" things too ("Ember 2 extends
    its context window"), but no investors, models or staff."""
    for t in verb.subtree:
        # ("its hearables business" is as often another company's, named just before: only the possessive
        # before the name reads business nouns)
        if t.lower_ != "its" or t.dep_ != "poss" or t.i < span.end or t.head.lower_ in OWNED_BUSINESS_NOUNS or not (
                hyphenated_word(t.head) in COMPANY_POSSESSIONS or t.head.lower_ in COMPANY_MEMBER_NOUNS):
            continue
        path, node = [t], t
        while node.i != verb.i and node.head.i != node.i:
            node = node.head
            path.append(node)
        if node.i == verb.i and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c not in path for a in path[1:-1] for c in a.children):
            return True
    return False


def _names_a_venture(span) -> bool:
    """"a joint venture, Stargate, ...", "a startup called Zorbex": a name in apposition to a new company."""
    doc = span.doc
    i = span.start - 1
    if i >= 1 and (doc[i].text == "," or doc[i].lower_ in ("called", "named", "dubbed")):
        noun = doc[i - 1]
        return noun.is_lower and hyphenated_word(noun) in VENTURE_NOUNS and span.root.dep_ != "nsubj"
    # "he sold his search start-up Cue to Apple": the noun right before the name (not "the startup Kai-Fu Lee
    # founded", where the name is a clause's subject)
    return i >= 0 and doc[i].is_lower and hyphenated_word(doc[i]) in VENTURE_NOUNS and span.root.dep_ not in ("nsubj", "nsubjpass")


def _clause_subjects(verb) -> list:
    """The subjects of a verb, with what a relative "which" or a reported "it" stands for: "Siemens, which
    bought Altair", "ServiceNow said it would buy Moveworks" (the subject of the verb of saying)."""
    out = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        out.append(subject)
        if subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
            out.append(verb.head)
        elif subject.lower_ == "it" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS:
            out += [c for c in verb.head.children if c.dep_ == "nsubj"]
    return out


def _done_to_by_a_company(root, companies) -> bool:
    """"Oracle acquired Velmora", "Nvidia invested in Tarvossa", "Intel partnered with Quenby": what a known
    company buys, backs, invests in or works with is a company (a person is hired, not acquired); so is what
    a relative clause on one, or its own "it" in reported speech, buys ("Siemens, which bought Altair")."""
    root = first_conjunct(root)  # "acquired Velmora and Quenby"
    verb, prep = root.head, None
    if root.dep_ == "pobj":
        prep, verb = verb, verb.head
    lemma = verb.lemma_.lower()
    if not any(_with_company(c, companies) for c in _clause_subjects(verb)):
        return False
    if prep is None:
        return root.dep_ == "dobj" and lemma in ("acquire", "buy", "purchase", "back", "fund")
    return (prep.lower_ == "with" and lemma in COMPANY_ACTS) or (prep.lower_ == "in" and lemma == "invest")


#: What is sold to a buyer that only a company (or investor) is: "sold its games studio to Korrin".
SOLD_BUSINESS_NOUNS = COMPANY_NOUNS | frozenset(
    "arm assets brand business businesses operations rights stake stakes studio".split())


def buys_a_business(span) -> bool:
    """"agreed to sell its games studio to Korrin", "the unit was sold to Dravosk": who buys a business, a
    unit, a stake or rights is a company (a country may buy goods: "sell chips to China" says nothing).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Acme", "sold", "its", "studio", "to", "Korrin", "and", "chips", "to", "Peru"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 1, 4, 1, 1, 7, 8],
    ...           deps=["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "cc", "conj", "prep", "pobj"],
    ...           lemmas=["Acme", "sell", "its", "studio", "to", "Korrin", "and", "chip", "to", "Peru"])
    >>> buys_a_business(doc[5:6]), buys_a_business(doc[9:10])
    (True, False)
    """
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "to":
        return False
    verb = prep.head
    if verb.lemma_.lower() != "sell":
        # "sold its studio and its games to X": the thing sold may carry the "to"
        return prep.dep_ == "prep" and verb.head.lemma_.lower() == "sell" and hyphenated_word(verb) in SOLD_BUSINESS_NOUNS
    sold = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(hyphenated_word(c) in SOLD_BUSINESS_NOUNS or _sold_name(c) for c in sold)


def _sold_name(token) -> bool:
    """A name sold whole, which no person, work or product is: "In 1990 Enasa was sold to Iveco" (the
    tagger may call the sold company a place; "Ronaldo was sold to Juventus" is a person's transfer)."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "GPE", "") and token.dep_ == "nsubjpass"


#: Nouns of buying a company: what they are "of" is a company ("AMD's acquisition of Xilinx").
ACQUISITION_NOUNS = frozenset("acquisition acquisitions purchase purchases takeover takeovers buyout buyouts".split())


def is_acquired_name(span) -> bool:
    """A name bought as a company or taken private: "AMD's acquisition of Xilinx", "grew through
    acquisitions, including Fluent and Apache Design", "taken private by Permira" (the buyer). A place's
    name ("the purchase of Alaska") is the caller's to keep out by its label.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["the", "acquisition", "of", "Zylonix", "and", "the", "rest", "of", "Peru"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2, 1, 6, 1, 6, 7],
    ...           deps=["det", "ROOT", "prep", "pobj", "cc", "det", "conj", "prep", "pobj"],
    ...           pos=["DET", "NOUN", "ADP", "PROPN", "CCONJ", "DET", "NOUN", "ADP", "PROPN"])
    >>> is_acquired_name(doc[3:4]), is_acquired_name(doc[8:9])
    (True, False)
    """
    root = span.root
    root = first_conjunct(root)  # "acquisitions, including Fluent and Apache Design"
    if root.dep_ != "pobj" or root.pos_ != "PROPN":
        return False
    prep, noun = root.head, root.head.head
    if prep.lower_ == "of":
        return noun.lower_ in ACQUISITION_NOUNS and noun.pos_ == "NOUN"
    if prep.lower_ in ("including", "like"):
        # (the parser may hang "including" on the verb: "grew through acquisitions, including Fluent")
        if noun.lower_ not in ACQUISITION_NOUNS and prep.i >= 2 and prep.doc[prep.i - 1].text == ",":
            noun = prep.doc[prep.i - 2]
        return noun.lower_ in ACQUISITION_NOUNS and noun.tag_ == "NNS"
    return takes_private(span)


def takes_private(span) -> bool:
    """"was taken private in 2015 by Permira and a pension fund": who takes a company private buys it."""
    root = span.root
    root = first_conjunct(root)
    prep, verb = root.head, root.head.head
    return (root.dep_ == "pobj" and prep.lower_ == "by" and prep.dep_ == "agent" and verb.lemma_.lower() == "take"
            and any(c.lower_ == "private" for c in verb.children))


#: Verbs of buying a company: their subject is a company when what is bought is one ("Harrowgate Bank,
#: which acquired Quillon in 2015, reported ...").
ACQUIRING_VERBS = frozenset("acquire buy purchase".split())


def _is_a_company_object(token, companies) -> bool:
    """A bought thing that is a company: a known one, a company noun ("the robotics startup Vendaro") or a
    name the tagger calls an organisation ("acquired Quillon"), not "bought a house"."""
    return (_with_company(token, companies) or hyphenated_word(token) in COMPANY_NOUNS
            or (token.pos_ == "PROPN" and token.ent_type_ == "ORG"))


def is_bought_whole(span) -> bool:
    """Whether a name is what a verb of buying takes as its object: "it bought Red Hat for $34 billion",
    "When we bought Cerner", "Yahoo bought Artifact". A person is hired, never bought, so whoever the buyer
    is (a company, "it", "we"), the name bought whole is a company's (a product's or a work's name the
    class nouns around it say, and they outrank this cue). Not across a headline's bar ("closes Graphcore
    buy | Equity Research Note").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["it", "bought", "Red", "Hat", "and", "Ann", "hired", "Bo", "Li"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 1, 6, 1, 8, 6],
    ...           deps=["nsubj", "ROOT", "compound", "dobj", "cc", "nsubj", "conj", "compound", "dobj"],
    ...           pos=["PRON", "VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PROPN"],
    ...           lemmas=["it", "buy", "Red", "Hat", "and", "Ann", "hire", "Bo", "Li"])
    >>> is_bought_whole(doc[2:4]), is_bought_whole(doc[7:9])
    (True, False)
    """
    if _bought_by_relative_clause(span):
        return True
    root = span.root
    root = first_conjunct(root)  # "bought Nod.ai and Mipsology"
    verb = root.head
    if root.dep_ != "dobj" or root.pos_ != "PROPN" or verb.pos_ != "VERB" or verb.i > root.i:
        return False
    if not _is_buying_verb(verb):
        return False
    return not any(t.text == "|" or "\n" in t.text for t in span.doc[verb.i : span.start])


def _is_buying_verb(verb) -> bool:
    """"bought", "acquired", "took over"."""
    lemma = verb.lemma_.lower()
    return lemma in ACQUIRING_VERBS or (lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children))


def _bought_by_relative_clause(span) -> bool:
    """"Afterpay, which Block bought for $29 billion", "DNNresearch, which Google acquired": the relative
    pronoun that a buying verb takes as its object stands for the name the clause hangs on, so the name is
    bought whole, as in "Block bought Afterpay".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Afterpay", ",", "which", "Block", "bought", ",", "and", "Ann", ",", "whom", "Bo", "hired"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 4, 4, 0, 0, 0, 0, 7, 11, 11, 7],
    ...           deps=["ROOT", "punct", "dobj", "nsubj", "relcl", "punct", "cc", "conj", "punct", "dobj", "nsubj", "relcl"],
    ...           pos=["PROPN", "PUNCT", "PRON", "PROPN", "VERB", "PUNCT", "CCONJ", "PROPN", "PUNCT", "PRON", "PROPN", "VERB"],
    ...           lemmas=["Afterpay", ",", "which", "Block", "buy", ",", "and", "Ann", ",", "whom", "Bo", "hire"])
    >>> _bought_by_relative_clause(doc[0:1]), _bought_by_relative_clause(doc[7:8])
    (True, False)
    """
    root = span.root
    if root.pos_ != "PROPN":
        return False
    return any(
        c.dep_ == "relcl" and c.pos_ == "VERB" and _is_buying_verb(c)
        and any(o.dep_ == "dobj" and o.lower_ in ("which", "that") and o.i < c.i for o in c.children)
        for c in root.children)


def acquires_a_company(span, companies=frozenset()) -> bool:
    """Whether a name is the subject of buying a company, in its own clause or through a relative
    clause on it: "Marvessa bought Tollin Foods", "Harrowgate Bank, which acquired Quillon, ...",
    "Corrindale, which took over Pevrin Systems". A buyer of a company is a company.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Harrowgate", ",", "which", "acquired", "Quillon", ",", "grew", "and", "Ann", "bought", "a", "house"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[6, 0, 3, 0, 3, 0, 6, 6, 9, 6, 11, 9],
    ...           deps=["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "cc", "nsubj", "conj", "det", "dobj"],
    ...           pos=["PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "VERB", "CCONJ", "PROPN", "VERB", "DET", "NOUN"],
    ...           lemmas=["Harrowgate", ",", "which", "acquire", "Quillon", ",", "grow", "and", "Ann", "buy", "a", "house"],
    ...           ents=["O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"])
    >>> acquires_a_company(doc[0:1]), acquires_a_company(doc[8:9])
    (True, False)
    """
    root = span.root
    verbs = [root.head] if root.dep_ == "nsubj" else []
    verbs += [c for c in root.children if c.dep_ == "relcl"
              and any(s.dep_ == "nsubj" and s.lower_ in ("which", "that") for s in c.children)]
    for verb in verbs:
        lemma = verb.lemma_.lower()
        taking_over = lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)
        if lemma in ACQUIRING_VERBS or taking_over:
            if any(o.dep_ == "dobj" and _is_a_company_object(o, companies) for o in verb.children):
                return True
    return False


def employs_the_speaker(span) -> bool:
    """Whether a name is the possessive before a person's two-word name that speaks: "Halvane Silicon's
    Ottilie Brandsma said", "Orvell Pharma's Jens Holt told reporters": the speaker's employer. (Typing
    only: a country's leader, "France's Emmanuel Macron said", is the caller's to exclude by label.)

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Dravecko", "'s", "Marta", "Lund", "said", "it"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 0, 3, 4, 4, 4],
    ...           deps=["poss", "case", "compound", "nsubj", "ROOT", "dobj"],
    ...           pos=["PROPN", "PART", "PROPN", "PROPN", "VERB", "PRON"], lemmas=["Dravecko", "'s", "Marta", "Lund", "say", "it"])
    >>> employs_the_speaker(doc[0:1]), employs_the_speaker(doc[2:4])
    (True, False)
    """
    root = span.root
    name = root.head
    if root.dep_ != "poss" or name.pos_ != "PROPN" or name.dep_ != "nsubj":
        return False
    if name.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    given = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < name.i]
    return bool(given) and all(_is_name_word(t.text) for t in given + [name])


def company_role(span, companies=frozenset()) -> bool:
    """Whether a name's place in its sentence is a company's: the possessor of what companies own
    ("Corvane's new chip", "Pellucid's $300 million round"), the subject of what companies do
    ("Tessaly raised $6.6 billion", "Vantor said it would work with Nvidia"), the subject that "its"
    takes up in the same clause ("Zentro will make its models available"), a rival of known companies
    ("see Orlith as a rival to Salesforce"), what a known company buys, backs, invests in or partners with
    ("Oracle acquired Velmora") or the name of a new venture ("a joint venture, Stargate").
    A sentence with "he" or "she" tells of people: no verb or pronoun cue is read there.

    ``companies`` are the indices of tokens of known companies. Whether the name is a person's by its
    own cues (a full name, "Mr.", a title) is for the caller to weigh.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Zorbex", "'s", "new", "chip", "is", "fast"],
    ...           heads=[3, 0, 3, 5, 5, 5], deps=["poss", "case", "amod", "nsubj", "ROOT", "acomp"],
    ...           lemmas=["Zorbex", "'s", "new", "chip", "be", "fast"])
    >>> company_role(doc[0:1]), company_role(doc[3:4])
    (True, False)
    """
    if span[0].is_upper:
        return False  # "CUPERTINO, Calif. -- Apple said ...": a dateline's place, in capitals
    root = span.root
    head = root.head
    if root.dep_ == "poss" and hyphenated_word(head) in COMPANY_POSSESSIONS and not (
            head.lower_ in OWNED_BUSINESS_NOUNS and len(span) > 1 and looks_like_person_name(span)):
        return True  # (a person owns a business too: "Marta Kellan's business")
    if _names_a_venture(span) or founded_subject(span):
        return True
    if root.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in _EMPLOYING_VERBS and root.ent_type_ != "LOC":
        return True  # "an engineer who had worked at Quora", "she interned at Zorbex": where one works, no town
    if is_bought_whole(span):
        return True  # (a person is hired, not bought, whoever else the sentence speaks of)
    sent = span.sent
    if any(t.lower_ in PERSON_PRONOUNS for t in sent):
        return False
    if _has_business_clause(root, companies):
        return True
    if root.dep_ == "nsubj":
        verb = head
        if verb.lemma_.lower() in SPEECH_VERBS:  # "Vantor said it would work with Nvidia"
            said = [c for c in verb.children if c.dep_ == "ccomp"
                    and any(s.dep_ == "nsubj" and s.lower_ == "it" for s in c.children)]
            return any(does_business(c, companies) or _takes_up_its(c, span) for c in said)
        return does_business(verb, companies) or _takes_up_its(verb, span)
    if _done_to_by_a_company(root, companies) or buys_a_business(span):
        return True
    if is_acquired_name(span) and span.root.ent_type_ not in ("LOC", "FAC"):
        return True  # "AMD's acquisition of Xilinx", "taken private by Permira" (known places outrank this)
    if root.dep_ == "dobj":  # "Analysts see Orlith as a rival to Salesforce and Workday"
        return any(p.dep_ == "prep" and p.lower_ == "as" and any(
            o.lemma_.lower() in RIVAL_NOUNS and any(
                q.lower_ in ("to", "of") and any(_with_company(c, companies) for c in q.children) for q in o.children)
            for o in p.children) for p in head.children)
    return False


def _has_business_clause(root, companies=frozenset()) -> bool:
    """Whether a relative clause on a name, or on the first of the names it is listed with, tells what a
    company does: "Zscaler and Fortinet, which compete with Palo Alto, ..." (the relative pronoun is the
    clause's subject and stands for the names before it).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Zorbex and Quilla , which compete with Acme , sell chips".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[9, 0, 0, 0, 5, 0, 5, 6, 0, 9, 9],
    ...           deps=["nsubj", "cc", "conj", "punct", "nsubj", "relcl", "prep", "pobj", "punct", "ROOT", "dobj"],
    ...           lemmas=["Zorbex", "and", "Quilla", ",", "which", "compete", "with", "Acme", ",", "sell", "chip"])
    >>> _has_business_clause(doc[0]), _has_business_clause(doc[2]), _has_business_clause(doc[7])
    (True, True, False)
    """
    heads = [root, root.head] if root.dep_ == "conj" else [root]
    return any(c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ in ("which", "that") for s in c.children)
               and does_business(c, companies) for h in heads for c in h.children)


#: Verbs whose "at" names an employer: "worked at Quora", "interned at Zorbex".
_EMPLOYING_VERBS = frozenset("work intern".split())


#: Nouns of a business that belongs to another: "Scaleway, the cloud arm of the Iliad group".
UNIT_NOUNS = frozenset("arm unit subsidiary division".split())
#: Nouns of a business that owns another: "the Schwarz Group, the owner of Lidl", "AMR, the parent company of American Airlines".
OWNER_NOUNS = frozenset("owner parent".split())
_DESCRIPTION_WORDS = 5  # words of "the [cloud computing] arm" before "of"


def _names_a_business(tokens, companies) -> bool:
    """Whether a name or noun phrase is a company's: a known company's word, a company noun ("the Iliad group",
    "chipmaker AMD") or a legal form or trade ending ("Reliance Industries", "the Schwarz Group")."""
    return any(t.i in companies or t.lower_ in COMPANY_NOUNS or t.lower_ == "group" or t.text in COMPANY_SUFFIXES
               for t in tokens)


def _phrase_after(doc, i) -> list:
    """The words of the noun phrase from ``doc[i]`` to the next comma, period, bracket or verb."""
    out = []
    for t in doc[i : i + 8]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "CCONJ") or (out and t.lower_ in ("of", "from", "in", "and")):
            break
        out.append(t)
    return out


def business_unit_name(span, companies=frozenset()) -> bool:
    """Whether a name is a company's because a description set beside it ties it to a company as its part or
    its owner: "Scaleway, the cloud arm of the Iliad group", "Reliance Jio, the telecoms arm of Reliance
    Industries" (the arm of a business is a business), or "the Schwarz Group, the owner of Lidl" (what a
    company owns is a business). A unit of what is no company says nothing ("a division of the Institute of
    Infection"). Read on the words, not the parse: the parser often makes "arm" the sentence's root.

    ``companies`` are the indices of tokens of known companies.

    >>> import spacy
    >>> doc = spacy.blank("en")("On Zentrow, the cloud arm of the Pellard group, it runs. Vardek Group, the owner of Marrow, grew.")
    >>> business_unit_name(doc[1:2]), business_unit_name(doc[20:21]), business_unit_name(doc[14:16])
    (True, True, False)
    """
    doc = span.doc
    # the name, then ", the [words] arm of" and a company
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("the", "a", "an"):
        for j in range(i + 2, min(i + 2 + _DESCRIPTION_WORDS, len(doc) - 2)):
            word = doc[j]
            if word.is_punct or word.is_title or word.is_upper:
                break
            if doc[j + 1].lower_ == "of" and (word.lower_ in UNIT_NOUNS or word.lower_ in OWNER_NOUNS
                                              or (word.lower_ == "company" and doc[j - 1].lower_ == "parent")):
                if word.lower_ in UNIT_NOUNS:
                    return _names_a_business(_phrase_after(doc, j + 2), companies)
                break  # "X, the owner of Y": X owns Y, which says what Y is; X may be a person
    # a company, then ", the owner of" (or "the parent company of") and the name
    i = span.start
    if i >= 4 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in ("owner", "parent", "company"):
        k = i - 3 if doc[i - 2].lower_ != "company" else i - 4
        if doc[i - 2].lower_ == "company" and doc[i - 3].lower_ != "parent":
            return False
        while k > 0 and doc[k].lower_ not in ("the", "a", "an"):
            k -= 1  # (past the description's words: "the longtime owner of")
        if k >= 2 and doc[k - 1].text == "," and i - k <= _DESCRIPTION_WORDS + 2:
            owner = []
            for t in reversed(doc[max(0, k - 6) : k - 1]):
                if t.is_punct or not (t.is_title or t.is_upper or t.lower_ == "the"):
                    break
                owner.append(t)
            return bool(owner) and _names_a_business(owner, companies)
    return False


def owns_a_unit(span) -> bool:
    """A name that a unit noun's "of" ties a business part to ("Mercado Pago, the fintech arm of Mercado Libre",
    "a subsidiary of Boeing"): what has an arm, unit, subsidiary or division is a business, whatever the
    name's shape. Not a name's possessive ("the magazine arm of Barry Diller's IAC": the owner's name),
    nor one after "the" ("a division of the Institute of Infection": an institution's).

    >>> import spacy
    >>> doc = spacy.blank("en")("Pago, the fintech arm of Mercado Libre, grew. A unit of Ann Roe's group.")
    >>> owns_a_unit(doc[6:8]), owns_a_unit(doc[14:16])
    (True, False)
    """
    doc = span.doc
    i = span.start
    return (i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in UNIT_NOUNS
            and not (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")))


#: Last words of investors' names that no person's name ends in, though it may look like one: "SV Angel",
#: "Pinecrest Angels", "OpenAI Startup Fund" (said only where a list or a round names investors).
INVESTOR_NAME_ENDS = frozenset("Angel Angels Fund Syndicate".split())


def _person_shaped(span) -> bool:
    """A person's full name by its shape, not an investor's name ending in an investor word."""
    return len(span) > 1 and looks_like_person_name(span) and span[-1].text not in INVESTOR_NAME_ENDS


#: Words that end a firm's name after "and": "J.L. Turner and Son", "Procter & Sons".
_FIRM_NAME_TAILS = frozenset("Son Sons Co Company Brothers Daughters Associates".split())
#: Candidate sources sure enough of a company to type the names listed with it.
_LIST_ANCHOR_SOURCES = frozenset("gazetteer metonym name_extension name_shape class_noun context".split())
#: NER labels of things no list of companies holds as one of them.
_NOT_LISTED_LABELS = frozenset("GPE LOC FAC DATE TIME MONEY PERCENT CARDINAL ORDINAL QUANTITY LANGUAGE EVENT LAW WORK_OF_ART".split())


def _coordinated(token) -> list:
    """Every token coordinated with ``token``, itself included: the first conjunct and its conj chain."""
    first = token
    first = first_conjunct(first)
    found, todo = [], [first]
    # "Surge AI, Mercor, Turing and Labelbox": a list whose second name the parser hung on the first as an apposition
    if first.dep_ == "appos" and first.head.pos_ == "PROPN" and any(c.dep_ == "conj" for c in first.children):
        todo.append(first.head)
    while todo:
        tok = todo.pop()
        found.append(tok)
        todo.extend(c for c in tok.children if c.dep_ == "conj" or (
            c.dep_ == "appos" and c.pos_ == "PROPN" and c.i not in (t.i for t in found) and any(g.dep_ == "conj" for g in c.children)))
    return found


def _listed_name(token):
    """The capitalised name a conjunct heads: its run of capitalised proper-noun compounds and itself."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].head.i == token.i and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and _name_word(doc[start - 1]):
        start -= 1
    return doc[start:token.i + 1]


def listed_company_spans(doc, candidates) -> list:
    """Names coordinated with a company typed with confidence are companies: "competes with Datadog, Elastic
    and Microsoft", "Surge AI, Mercor, Turing and Labelbox are pitching the same customers", "raised $1
    billion from Sequoia Capital, DST Global and SV Angel". A person's full name stays a person's ("Nvidia,
    Microsoft and Reid Hoffman"), and so do names typed otherwise with confidence, and places and dates (the
    tagger's places in a list are as often an address's: "Paisley Park Studios, Chanhassen, Minnesota").

    ``candidates`` are ``(span, label, source, canonical)``; returns ``(span, "COMPANY", "context", None)``
    candidates for the listed names no other confident candidate covers.
    """
    anchors = [c[0] for c in candidates if c[1] == "COMPANY" and c[2] in _LIST_ANCHOR_SOURCES]
    if not anchors:
        return []
    # tokens another candidate types with confidence ("Microsoft Windows": a product), or a company already
    settled = {i for c in candidates if c[2] in _LIST_ANCHOR_SOURCES or c[2] == "model_shape" or c[1] == "COMPANY"
               for i in range(c[0].start, c[0].end)}
    # "from Microsoft, Nvidia, Hoffman and Bill Gates": a word of a person's full name in the text is that person
    person_words = {t.text for c in candidates if c[1] == "PERSON" and len(c[0]) > 1 for t in c[0]}
    out, seen = [], set()
    for anchor in anchors:
        root = anchor.root
        if root.dep_ not in ("conj", "appos") and not any(c.dep_ in ("conj", "appos") for c in root.children):
            continue
        for tok in _coordinated(root):
            if tok.i in seen or anchor.start <= tok.i < anchor.end:
                continue
            seen.add(tok.i)
            if tok.pos_ != "PROPN" or not _name_word(tok) or tok.ent_type_ in _NOT_LISTED_LABELS or tok.text in _FIRM_NAME_TAILS:
                continue  # (the end of one firm's name: "J.L. Turner and Son")
            span = _listed_name(tok)
            if any(t.i in settled for t in span) or any(t.is_sent_start for t in span[1:]) or (len(span) == 1 and tok.text in person_words):
                continue
            if _person_shaped(span) or any(t.text in ORGANIZATION_WORDS or t.text in ORGANIZATION_HEADS for t in span):
                continue  # "Nvidia and Reid Hoffman", "Google and Stanford University"
            out.append((span, "COMPANY", "context", None))
    return out


def round_investor_spans(doc) -> list:
    """Names the NER missed that lead or join a funding round: "a second round, led by Greenoaks, ...", "a
    Series A led by Ostwind Capital with Harrowgate and Pinecrest Angels participating". Who invests in a
    round is a firm, unless the name is a person's full name. Returns ``(span, "COMPANY", "context", None)``.
    """
    out = []
    # (the words of people the text names in full: "Hoffman led the round" after "Reid Hoffman" is he)
    full_names = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for verb in tokens_where(doc, "LEMMA", ("lead", "co-lead", "colead", "participate")):
        if verb.lemma_ != "participate":
            # "led by X", "X led the round", "led by X with Y and Z"
            heads = [o for by in verb.children if by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ in ("with", "alongside"))
                     for o in by.children if o.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            heads = [c for c in verb.children if c.dep_ == "nsubj"]
        for tok in (t for h in heads for t in _coordinated(h)):
            if tok.pos_ != "PROPN" or not _name_word(tok) or (tok.ent_type and not _retypable_investor(tok, full_names)):
                continue
            span = _listed_name(tok)
            if any(t.ent_type and not _retypable_investor(t, full_names) for t in span) or (
                    _person_shaped(span) and span[-1].text not in _INSTITUTION_WORDS):
                continue
            if leads_a_round(span) or joins_a_round(span):
                out.append((span, "COMPANY", "context", None))
    return out


#: NER labels a name that leads or joins a funding round overrides: "Atomico" read as a person, "Trevelyn" as a
#: nationality (a round's investors are firms unless named as people in full; places and organisations stay).
_RETYPABLE_INVESTOR_LABELS = frozenset(("PERSON", "NORP"))


def _retypable_investor(token, full_names) -> bool:
    """Whether a round's investor word the NER labelled may be a firm's: a person or nationality label, on a
    word of no person the text names in full."""
    return token.ent_type_ in _RETYPABLE_INVESTOR_LABELS and token.text not in full_names


#: Participles of a company's start, whose "as" gives the name it started under: "Founded in 1970 as X, Ansys ...".
_STARTING_LEMMAS = frozenset("found co-found establish incorporate form start create".split())
#: Adverbs that make "known as X" a former name: "Halvex, formerly known as Brightmoor Software".
_FORMER_ADVERBS = frozenset("formerly previously originally once".split())


def _apposed_to(noun):
    """The proper noun that a noun phrase is set beside after a comma ("Tova, the payments company"), read from the
    parse's apposition or, where the parser made the phrase a second object, from the words."""
    doc = noun.doc
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        return noun.head
    comma = noun.left_edge.i - 1
    if comma >= 1 and doc[comma].text == "," and doc[comma - 1].pos_ == "PROPN" and doc[comma - 1].head.i == noun.head.i:
        return doc[comma - 1]  # (both hung on one verb: "acquired Tova, the payments company")
    return None


def _renamed_subject(verb, new_name):
    """What a "renamed" gives ``new_name`` to: the subject of "X was renamed Y" or "X renamed itself Y", or what a
    relative "which" stands for ("X, which was founded in 1983 and renamed Y"); ``None`` when the verb renames
    something else ("Acme renamed its unit Y": the unit, not Acme)."""
    if any(c.dep_ in ("dobj", "oprd") and c.i != new_name.i and c.lower_ not in ("itself", "themselves") for c in verb.children):
        return None
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.dep_ == "nsubj" and not any(c.lower_ in ("itself", "themselves") for c in verb.subtree):
        return None  # an active "renamed" with no "itself" renames its object
    if subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject if subject.pos_ == "PROPN" and subject.i < new_name.i else None


def founded_subject(span) -> bool:
    """"Founded in 1998, Pellora now sells ads", "Established as a bank, Quorvex ...": the subject of a
    clause that opens on its founding was founded, which no person is.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Founded", "in", "1998", ",", "Pellora", "sells", "ads"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[5, 0, 1, 5, 5, 5, 5],
    ...           deps=["advcl", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj"],
    ...           lemmas=["found", "in", "1998", ",", "Pellora", "sell", "ad"], tags=["VBN", "IN", "CD", ",", "NNP", "VBZ", "NNS"])
    >>> founded_subject(doc[4:5])
    True
    """
    root = span.root
    if root.dep_ != "nsubj":
        return False
    return any(c.dep_ == "advcl" and c.i < root.i and c.tag_ == "VBN" and c.lemma_.lower() in _STARTING_LEMMAS
               and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for c in root.head.children)


#: A founding participle with its agent right after a name and a comma: "Pellora, co-founded by ...".
_FOUNDED_BY_AFTER = re.compile(r",\s*(?:co-?)?(?:founded|established) by\b", re.IGNORECASE)
#: Lemmas of a passive founding: "Pellora was founded by ...".
_FOUNDING_LEMMAS = frozenset("found co-found cofound establish".split())


def founded_by_someone(span) -> bool:
    """"Pellora, founded by two Harvard dropouts, ...", "Pellora was co-founded by Mina Kessler": a name that a
    founding participle with an agent ("by") is said of was founded, which no person is. The participle is read
    from the words after the name's comma, since the parser often takes a one-word name for a verb ("Etched,
    founded by ..."); the passive from the parse.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("The youngest is Pellora, co-founded by two dropouts.")
    >>> founded_by_someone(doc[3:4]), founded_by_someone(doc[7:8])
    (True, False)
    """
    after = span.doc[span.end:span.end + 5].text  # (a few words: Doc.text would join the whole text each time)
    if _FOUNDED_BY_AFTER.match(after):
        return True
    root = span.root
    verb = root.head
    return (root.dep_ == "nsubjpass" and verb.lemma_.lower() in _FOUNDING_LEMMAS
            and any(c.dep_ == "agent" for c in verb.children))


def founded_as(span) -> bool:
    """Whether the "as" before a name is a founding's ("founded as X"), not a renaming's ("known as X")."""
    verb = span.root.head.head
    if verb.dep_ == "pobj" and verb.head.dep_ == "agent":
        verb = verb.head.head
    return verb.lemma_.lower() in _STARTING_LEMMAS


def renamed_company(span):
    """The token of the company that ``span`` is a former name of, or ``None``: "Founded in 1970 by John
    Swanson as Swanson Analysis Systems, Ansys went public" (Ansys), "Corvane, founded as Tessel Data Systems,
    makes chips" (Corvane), "Halvex, formerly known as Brightmoor Software, ..." (Halvex).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Founded", "as", "Tessel", ",", "Corvane", "went", "public"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[5, 0, 1, 5, 5, 5, 5],
    ...           deps=["advcl", "prep", "pobj", "punct", "nsubj", "ROOT", "acomp"],
    ...           lemmas=["found", "as", "Tessel", ",", "Corvane", "go", "public"], tags=["VBN", "IN", "NNP", ",", "NNP", "VBD", "JJ"],
    ...           pos=["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "ADJ"])
    >>> renamed_company(doc[2:3]).text
    'Corvane'
    """
    root = span.root
    prep = root.head
    if root.pos_ == "PROPN" and root.dep_ == "appos" and prep.pos_ == "PROPN" and prep.i < span.start and any(
            c.dep_ == "advmod" and c.lower_ in _FORMER_ADVERBS for c in root.children):
        return prep  # "Kioxia, formerly Toshiba Memory"
    if root.pos_ == "PROPN" and root.dep_ in ("dobj", "oprd") and prep.lemma_.lower() == "rename":
        return _renamed_subject(prep, root)  # "Hyundai Electronics, which was ... renamed Hynix Semiconductor"
    if root.dep_ != "pobj" or prep.lower_ != "as" or root.pos_ != "PROPN":
        return None
    verb = prep.head
    if verb.dep_ == "pobj" and verb.head.dep_ == "agent":
        verb = verb.head.head  # "Founded by Ines Marovic as Marovic Numerics": "as" hung on the founder
    lemma = verb.lemma_.lower()
    starting = lemma in _STARTING_LEMMAS and verb.tag_ == "VBN"
    renamed = lemma in ("know", "call", "name") and any(c.dep_ == "advmod" and c.lower_ in _FORMER_ADVERBS for c in verb.children)
    if not (starting or renamed):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        return verb.head
    if renamed and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        owner = _apposed_to(verb.head)  # "X, the social network formerly known as Twitter": the name the noun is set beside
        if owner is not None:
            return owner
    if verb.dep_ == "advcl" and starting:
        return next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    return None


def is_bought_or_owned(span, companies=frozenset()) -> bool:
    """The cues of :func:`company_role` that say what was bought or owned, not what was done ("Piccard
    competed" is a skier's): "Symantec's enterprise-security business", "Siemens, which bought Altair",
    "AMD's acquisition of Xilinx". For names the NER already calls organisations, in any text."""
    root = span.root
    if root.dep_ == "poss" and hyphenated_word(root.head) in COMPANY_POSSESSIONS:
        return not (root.head.lower_ in OWNED_BUSINESS_NOUNS and len(span) > 1 and looks_like_person_name(span))
    return _done_to_by_a_company(root, companies) or is_acquired_name(span) or is_bought_whole(span)


def former_name_spans(doc) -> list:
    """Names the NER missed that a company was founded under: "Founded in 1982 as Marovic Numerics, Quellant
    ..." (see :func:`renamed_company`). Returns ``(span, "COMPANY", "context", None)`` candidates."""
    out = []
    for prep in tokens_where(doc, "LOWER", ("as",)):
        for tok in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and _name_word(c)):
            span = _listed_name(tok)
            # (only a founding says company: mountain passes and lakes are "formerly known as" too)
            if not any(t.is_sent_start for t in span[1:]) and renamed_company(span) is not None and founded_as(span):
                out.append((span, "COMPANY", "context", None))
    return out


def names_over_places(span, place_spans) -> bool:
    """Whether an organisation's name holds known places and more: "United States Naval Forces Germany"
    is one name, not the places "United States" and "Germany". Every word is capitalised (or joins
    names: "of", "&"), no place is coordinated ("Florence and Milan"), and a word that is no place's
    says institution: an organisation's or company's word ("Museum", "Court", "Airlines") or a plural
    ("Forces", "Lakers"), not "Ancient Rome" or "Emperor of Japan".

    ``place_spans`` are ``(start, end)`` token ranges of known places inside ``span``.

    >>> import spacy
    >>> doc = spacy.blank("en")("United States Naval Forces Germany and United States Germany , Ancient Rome")
    >>> [names_over_places(doc[0:5], [(0, 2), (4, 5)]), names_over_places(doc[6:9], [(6, 8), (8, 9)]),
    ...  names_over_places(doc[10:12], [(11, 12)])]
    [True, False, False]
    """
    if not place_spans or len(span) < 2:
        return False
    if any(t.lower_ in ROLE_NOUNS for t in span):
        return False  # "Chief Executive Officer of Power Corporation of Canada": a post
    in_place = {i for start, end in place_spans for i in range(start, end)}
    other = [t for t in span if t.i not in in_place]
    if not all(_name_word(t) or t.lower_ in NAME_JOINERS for t in span):
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in COMPANY_NOUNS:
        return False  # "the San Francisco AI startup": a place says where a company is
    if any(t.lower_ in ("and", "&") and (t.i - 1 in in_place or t.i + 1 in in_place) for t in span):
        return False
    return any(_name_word(t) and t.is_alpha and (t.text in _INSTITUTION_WORDS or t.tag_ in ("NNPS", "NNS")
                                                  or (len(t) > 4 and t.text.endswith("s") and not t.text.endswith("ss")))
               for t in other)


#: Product nouns that end products' names ("Excite Truck", ".NET Framework", "Atari 5200 Console"), not
#: firms' or institutions' ("Raven Software", "Apple Computer", "Greengrass Television", "School of Medicine").
PRODUCT_NAME_ENDS = PRODUCT_NOUNS & frozenset(
    "browser console phone smartphone tablet laptop smartwatch headset handheld car sedan coupe hatchback "
    "convertible minivan truck motorcycle scooter moped bicycle helicopter airliner fighter bomber drone missile "
    "rifle pistol howitzer torpedo framework compiler emulator spreadsheet plugin firmware".split())
#: A model code that ends a product's name: "Galaxy S", "Apple II", "Atari 2600", "Galaxy S9" (not a year).
_VERSION_CODE = re.compile(r"^(?:[A-Z]|I{2,3}|IV|V|VI{1,3}|IX|X|[A-Za-z]{0,3}\d+[A-Za-z]{0,3})$")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")


def ends_in_product_noun(span) -> bool:
    """A name of two words or more whose last, capitalised word is a product noun: "Excite Truck",
    ".NET Framework", "Atari 5200 Console".

    >>> import spacy
    >>> doc = spacy.blank("en")("Excite Truck and Jet Airways")
    >>> ends_in_product_noun(doc[0:2]), ends_in_product_noun(doc[3:5])
    (True, False)
    """
    return len(span) > 1 and span[-1].is_title and span[-1].lower_ in PRODUCT_NAME_ENDS


def is_version_code(token) -> bool:
    """A model letter, Roman numeral or number that ends a product's name ("S", "II", "2600", "S9"),
    not a year ("Microsoft 2020" is no product name).

    >>> import spacy
    >>> [is_version_code(t) for t in spacy.blank("en")("S II 2600 S9 2020 Research")]
    [True, True, True, True, False, False]
    """
    return bool(_VERSION_CODE.match(token.text)) and not _YEAR.match(token.text)


#: Titles a person holds at an institution: "professor at X", "manager of X" (the relation rules' titles).
_TITLE_WORDS = frozenset(w for words in load_triggers()["titles"].values() for w in words if " " not in w)


def single_name_organisation(span) -> str | None:
    """What a one-word name the NER took for a person is, where its place in the sentence says it is
    an organisation: "visiting professor at Cambridge, Oxford and Harvard", "the manager of Galatasaray"
    (an institution: ``ORGANIZATION``), "a video game created and produced by Sega" (a maker:
    ``COMPANY``). A person is seldom named by one word as a workplace or as a maker of products; a
    person's surname in such a place ("developed by Einstein") is left alone unless it heads a product
    noun's participle.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["He", "is", "the", "manager", "of", "Galatasaray", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 3, 4, 1],
    ...           deps=["nsubj", "ROOT", "det", "attr", "prep", "pobj", "punct"],
    ...           lemmas=["he", "be", "the", "manager", "of", "Galatasaray", "."])
    >>> single_name_organisation(doc[5:6])
    'ORGANIZATION'
    """
    if len(span) != 1 or (span.start > 0 and span.doc[span.start - 1].tag_ == "POS"):
        return None  # (the end of a longer name: "Traveller's Tales")
    root = first_conjunct(span.root)
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("at", "of") and head.head.lower_ in _TITLE_WORDS:
        return "ORGANIZATION"
    if root.lower_ in _TITLE_WORDS and root.i < span.start and any(
            c.dep_ == "prep" and c.lower_ in ("at", "of") for c in root.children):
        return "ORGANIZATION"  # "professor at Cambridge, Oxford and Harvard" with the list hung on "professor"
    made = head.head if root.dep_ == "pobj" and head.dep_ == "agent" else None
    if made is not None and is_maker_agent(span):
        thing = made.head.head if made.dep_ == "conj" else made.head
        if made.dep_ in ("acl", "conj") and _class_of(thing) == "PRODUCT":
            return "COMPANY"
    return None


def is_stage_direction(span) -> bool:
    """A one-word name that alone fills a parenthesis after a finished sentence, or at a line's start, is an
    interview's stage direction ("... cheaper. (Laughs.)", "[Applause]"), not a name: a short form defined in
    parentheses comes right after its full name ("Arm Holdings (Arm)").

    >>> import spacy
    >>> doc = spacy.blank("en")("It is cheap. (Laughs.) Arm Holdings (Arm) grew.")
    >>> is_stage_direction(doc[5:6]), is_stage_direction(doc[11:12])
    (True, False)
    """
    doc = span.doc
    if len(span) != 1 or span.start == 0 or doc[span.start - 1].text not in ("(", "["):
        return False
    end = span.end + (span.end < len(doc) and doc[span.end].text in (".", "!"))
    if end >= len(doc) or doc[end].text not in (")", "]"):
        return False
    opening = span.start - 1
    before = doc[opening - 1] if opening > 0 else None
    return before is None or "\n" in before.text_with_ws or before.text in (".", "!", "?", "\u201d", '"', ":")


#: Kicker words that label a story's kind at a line's start: "ANALYSIS:", "EXCLUSIVE-", "UPDATE 2-".
SECTION_LABELS = word_list("entities", "section_labels")
#: Nouns of an analyst's view of a stock, which a capitalised rating word modifies: "our Outperform rating".
RATING_NOUNS = word_list("entities", "rating_nouns")
#: The words of those ratings (an agency's "Fitch rating" is a company's).
RATING_WORDS = word_list("entities", "rating_words")


def _at_line_start(token) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.is_space or "\n" in before.text_with_ws


def is_section_label(span) -> bool:
    r"""A word in capitals at a line's start, then a colon or dash, that says what kind of story follows
    ("ANALYSIS: The acquisition that isn't", "EXCLUSIVE-Orlith hires banks"): page furniture, no name.

    >>> import spacy
    >>> doc = spacy.blank("en")("ANALYSIS: Why Brontel buys\nIBM: results beat forecasts")
    >>> is_section_label(doc[0:1]), is_section_label(doc[6:7])
    (True, False)
    """
    doc = span.doc
    first = span[0]
    if not (len(span) == 1 or (len(span) == 2 and span[1].like_num)) or not first.text.isupper():
        return False
    return (first.lower_ in SECTION_LABELS and _at_line_start(first)
            and span.end < len(doc) and doc[span.end].text in (":", "-", "|", "\u2014", "\u2013"))


def _opens_field(token) -> bool:
    """Whether ``token`` opens a line, a sentence or a field of a spec line or a chapter list ("| Screen:",
    "53:20 Listener question:")."""
    if token.i == 0 or token.is_sent_start or _at_line_start(token):
        return True
    before = token.doc[token.i - 1]
    return before.text in ("|", ".", "?", "!", "\u2022", "\u00b7") or before.like_num or ":" in before.text


def is_field_label(span, english=frozenset()) -> bool:
    r"""A capitalised English word that opens a line, a sentence or a field and is followed by a colon (perhaps
    after one more lower-case word) labels what follows: "Guest: Dana Roe", "Screen: 6.1-inch", "Explainer:
    Who pays?", "53:20 Listener question: ...". A speaker's label is a name that is no English word
    ("Solberg:"); the caller keeps one the article also writes in a full name ("Rose:" after "Tom Rose").

    >>> import spacy
    >>> doc = spacy.blank("en")("Hosts: Ann Lee. Guest: Bo Li\n53:20 Listener question: why?\nSolberg: Yes.")
    >>> english = frozenset({"guest", "listener", "question", "host"})
    >>> [is_field_label(doc[i:i + 1], english) for i in (5, 11, 17)]
    [True, True, False]
    """
    doc = span.doc
    # ("Explainer" is a kicker word no word list of English has; the two sets are asked apart, as their union
    # is a copy of the whole English word list)
    if (len(span) != 1 or not span[0].is_title or not (span[0].lower_ in english or span[0].lower_ in SECTION_LABELS)
            or not _opens_field(span[0])):
        return False
    after = span.end + (span.end < len(doc) and doc[span.end].is_lower and doc[span.end].lower_ in english)
    return after < len(doc) and doc[after].text == ":"


def _plural_of_english(word: str, english) -> bool:
    """Whether a word is the plural of an English noun ("utilities", "births", "analysts")."""
    word = word.lower()
    return word.endswith("s") and not word.endswith("ss") and (
        word[:-1] in english or word.endswith("ies") and word[:-3] + "y" in english or word.endswith("es") and word[:-2] in english)


def is_capitalised_plural(span, english=frozenset()) -> bool:
    """A plural common noun that opens a sentence is capitalised by its place, and names no one there: "Utilities
    in Virginia say ...", "Births peak in March" (one word, alone; a name's own capital is the gazetteer's or
    the NER's to weigh where it stands inside a sentence, and a word the article capitalises there too is a name:
    "Emirates"; the caller keeps the NER's people: "James was ranked").

    >>> import spacy
    >>> doc = spacy.blank("en")("Utilities say so. Acme says so. Emirates flew. We took Emirates.")
    >>> english = frozenset({"utility", "say", "emirate"})
    >>> [is_capitalised_plural(doc[i:i + 1], english) for i in (0, 4, 8)]
    [True, False, False]
    """
    first = span[0]
    if not (len(span) == 1 and first.is_title and _plural_of_english(first.text, english) and _opens_sentence(first)):
        return False
    # a name the article also capitalises inside a sentence is a name: "Emirates said ... flights on Emirates"
    return not any(t.text == first.text and not _opens_sentence(t) for t in span.doc)


def _opens_sentence(token) -> bool:
    return token.i == 0 or token.is_sent_start or _at_line_start(token) or token.doc[token.i - 1].text in (".", "?", "!")


def is_class_word(span) -> bool:
    """A capitalised class noun alone is no name: a press release's defined term ("the Company",
    "the Fund"), a headline's capital ("Bank").

    >>> import spacy
    >>> doc = spacy.blank("en")("Kelvane Inc. (the Company) said the Company grew.")
    >>> is_class_word(doc[4:5]), is_class_word(doc[0:1])
    (True, False)
    """
    return len(span) == 1 and span[0].is_title and span[0].lower_ in COMPANY_NOUNS


def is_rating(span) -> bool:
    """A rating word that modifies a rating noun is an analyst's rating ("We reiterate our Outperform
    rating", "an Overweight recommendation"), no person or company.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["our", "Outperform", "rating"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2], deps=["poss", "compound", "ROOT"])
    >>> is_rating(doc[1:2]), is_rating(doc[2:3])
    (True, False)
    """
    root = span.root
    return (root.lower_ in RATING_WORDS and root.dep_ in ("compound", "amod", "nmod")
            and root.head.lower_ in RATING_NOUNS and root.head.i >= span.end)


#: A funding round's name: "Series B", "Series A-1", "Pre-Series A", "Series Seed", "Round C".
_ROUND_NAME = re.compile(r"(?:Pre-?\s?)?(?:Series|Round)(?:\s(?:[A-K](?:-?\d)?\+?|Seed))?")


def is_round_name(span) -> bool:
    """A funding round's name ("Series B", "Pre-Series A", "Series Seed") names a stage of financing, never a
    company or a person, whatever cue beside it ("Series A and Series B companies", "led its Series B");
    nor does "Series" alone where a round's letter follows it (the tagger's half of "Series B").

    >>> import spacy
    >>> doc = spacy.blank("en")("It backs Series A and Series B companies. Series Capital led a Series C round.")
    >>> [is_round_name(doc[i:j]) for i, j in ((2, 4), (5, 7), (5, 6), (9, 11), (13, 15))]
    [True, True, True, False, True]
    """
    if not _ROUND_NAME.fullmatch(span.text):
        return False
    if len(span) > 1 or span.text not in ("Series", "Round"):
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and len(after.text) == 1 and after.text in "ABCDEFGHIJK"


#: Sources of a company type read from a word's context, which a person's full name outweighs for its surname (not a class
#: noun: "Cimatti is a bicycle maker" after "Marco Cimatti" names the company he founded).
_CUE_SOURCES = frozenset({"context", "propagated", "role"})


def is_surname_over_cue(person, label: str, source: str) -> bool:
    """Whether the lone last word of ``person`` (a full name the article gives), typed ``label`` from
    ``source``, is that person's surname after all: a company cue beside a lone surname ("Tan, a veteran
    chip investor", "the start-up Li runs") is weaker than the full name ("Lip-Bu Tan"). Not a company's
    short form ("Tinkoff" of "Tinkoff Bank", which a founder "Oleg Tinkoff" may share) nor a known name.

    >>> import spacy
    >>> doc = spacy.blank("en")("Lip-Bu Tan joined. Tan, a chip investor, spoke.")
    >>> is_surname_over_cue(doc[0:4], "COMPANY", "context"), is_surname_over_cue(doc[0:4], "COMPANY", "short_form")
    (True, False)
    """
    return (label == "COMPANY" and source in _CUE_SOURCES and len(person) > 1
            and person[-1].is_title and len(person[-1]) > 1 and looks_like_person_name(person))


#: Words that end an investment firm's name, after which "and" starts another name ("B Capital and Capital Factory";
#: not a trade's word, which names go on after: "Shihlin Electric and Engineering Corporation").
_INVESTOR_NAME_ENDS = frozenset("Capital Ventures Partners Investments Fund".split())


def coordinated_names(ent) -> list:
    """"among them Vistra and Talen", "led by B Capital and Capital Factory": a span the tagger read as one name
    that joins two names with "and" is two names, each with the span's label: two single capitalised words
    ("Madeira and Azores"; names of that shape are rare, "Skull and Bones", and a firm's "and" is mostly
    written "&": "Procter & Gamble"), or an investment firm's name ("... Capital") and another name after it. A
    longer name with "and" inside keeps it ("Competition and Markets Authority", "Office of Management and
    Budget"), and so do places so joined, often one ("Bosnia and Herzegovina").

    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Rivals such as Vistra and Talen and the Competition and Markets Authority")
    >>> [p.text for p in coordinated_names(Span(doc, 3, 6, label="ORG"))]
    ['Vistra', 'Talen']
    >>> [p.text for p in coordinated_names(Span(doc, 8, 12, label="ORG"))]
    ['Competition and Markets Authority']
    >>> [p.text for p in coordinated_names(Span(doc, 3, 6, label="GPE"))]
    ['Vistra and Talen']
    >>> doc = spacy.blank("en")("led by B Capital and Capital Factory")
    >>> [p.text for p in coordinated_names(Span(doc, 2, 7, label="ORG"))]
    ['B Capital', 'Capital Factory']
    """
    if ent.label_ not in ("ORG", "PERSON"):
        return [ent]  # (places so joined are often one: "Bosnia and Herzegovina", "Trinidad and Tobago")
    ands = [t.i for t in ent[1:-1] if t.lower_ == "and"]
    if len(ands) != 1:
        return [ent]
    doc = ent.doc
    left, right = doc[ent.start:ands[0]], doc[ands[0] + 1:ent.end]
    single = len(left) == 1 and len(right) == 1 and all(t.is_title and t.is_alpha and len(t) > 1 for t in (left[0], right[0]))
    firm = (len(left) > 1 and left[-1].text in _INVESTOR_NAME_ENDS
            and all((t.is_title or t.is_upper) and t.is_alpha for t in (*left, *right)))  # (no "of", no comma)
    if not (single or firm):
        return [ent]
    return [Span(doc, left.start, left.end, label=ent.label), Span(doc, right.start, right.end, label=ent.label)]


def is_no_name(span) -> bool:
    """A span the NER took for a name that names no one: a stage direction, a section label, a class
    noun alone or a rating (see each)."""
    return is_stage_direction(span) or is_section_label(span) or is_class_word(span) or is_rating(span)


def person_before_apposition(span):
    """A person's name the tagger ran on across a comma into its apposition ("Dominic Perella,
    Character.AI's general counsel" read as "Dominic Perella, Character") is the full name before the
    comma; any other span is returned as it is (lists and fields across commas are no names).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Dana", "Roe", ",", "Acme", "'s", "counsel", ",", "left"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 7, 1, 5, 3, 1, 1, 7],
    ...           deps=["compound", "nsubj", "punct", "poss", "case", "appos", "punct", "ROOT"],
    ...           pos=["PROPN", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "PUNCT", "VERB"])
    >>> person_before_apposition(doc[0:4]).text, person_before_apposition(doc[0:2]).text
    ('Dana Roe', 'Dana Roe')
    """
    comma = next((t.i for t in span if t.text == ","), None)
    if comma is None or comma - span.start < 2 or comma + 1 >= span.end:
        return span
    name = span.doc[span.start:comma]
    # after the comma, a role set beside the name: a common noun in apposition ("... general counsel")
    role = any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower and c.i > comma for c in name.root.children)
    return name if role and looks_like_person_name(name) else span


#: Roles only a business gives (no party's or church's "leader", "head" or "chairman"): "the Twitch boss".
_BUSINESS_ROLE_NOUNS = frozenset("boss ceo cfo cto coo cso co-founder cofounder founder executive officer engineer employee".split())


def names_a_business_role(span) -> bool:
    """A one-word proper noun compounded with a business role ("the former Twitch boss", "a Zorblax
    engineer") is the company that gives the role, whatever people's name the tagger took it for; a
    party's or a faith's adjective modifies other roles ("the Tory leader") or is no compound ("the
    Catholic founder").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["the", "Twitch", "boss", "and", "the", "Tory", "leader"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 6, 6, 2],
    ...           deps=["det", "compound", "ROOT", "cc", "det", "compound", "conj"], pos=["DET", "PROPN", "NOUN", "CCONJ", "DET", "PROPN", "NOUN"])
    >>> names_a_business_role(doc[1:2]), names_a_business_role(doc[5:6])
    (True, False)
    """
    root = span.root
    return (len(span) == 1 and root.pos_ == "PROPN" and root.dep_ == "compound"
            and hyphenated_word(root.head) in _BUSINESS_ROLE_NOUNS)


#: The code at the end of a model's name that news uses alone: "R1" of "DeepSeek-R1", "K2" of "Kimi-K2".
_MODEL_CODE_TAIL = re.compile(r"-([A-Z]\d+(?:\.\d+)?)$")


def model_short_forms(names) -> dict:
    """The short forms of model names: a capital and a number that end a hyphenated name ("DeepSeek-R1",
    "Kimi-K2"), which news goes on to use alone ("R1 is cheap"), mapped to the full name; a code that
    ends two names of the document is no one's.

    >>> model_short_forms(["DeepSeek-R1", "Kimi-K2", "Fathom-R1", "GPT-4o"])
    {'K2': 'Kimi-K2'}
    """
    tails: dict = {}
    for name in names:
        m = _MODEL_CODE_TAIL.search(name)
        if m:
            tails.setdefault(m.group(1), set()).add(name)
    return {tail: next(iter(full)) for tail, full in sorted(tails.items()) if len(full) == 1}


#: A byline: "Posted by Ines Carvalho · 9 min read", "By Jane Doe" alone on its line.
BYLINE = re.compile(
    r"^[ \t]*(?:(?:Posted|Written|Reported|Words|Text)[ \t]+)?[Bb]y[ \t]+"
    r"([A-Z][\w'’.-]+(?:[ \t][A-Z][\w'’.-]+){1,3})(?=[ \t]*(?:$|[·|,•(–—]|[ \t]{2}))",
    re.MULTILINE,
)


#: A credit of a wire story or a show, in brackets or on a line of its own: "(Reporting by Ana Ruiz in Lima and
#: Tom Lee; Editing by Jo Okafor-Hale)", "Produced by Sam Ito-Berg." Only people report, edit and produce
#: under a credit; the names end at "in <place>", "and", ";", a bracket or the line's end.
CREDIT_LINE = re.compile(
    r"^[ \t]*\(?((?:(?:Additional |Further )?[Rr]eporting|[Ee]diting|[Ww]riting|[Ww]ritten|[Ee]dited|[Cc]ompiled"
    r"|(?:Additional )?[Rr]esearch|[Pp]roduced|[Pp]roduction|[Ss]ound|[Mm]ixed|[Aa]udio)[^\n();]*?\bby\b[^\n()]*)\)?[ \t]*$"
    r"|^[^\n]{0,80}?\b(?:is|was|are|were) (?:produced|edited|hosted|mixed) (by [^\n]*)$",
    re.MULTILINE,
)
#: One name of a credit: after "by" or "and", a capitalised run ending where the credit goes on.
_CREDITED_NAME = re.compile(r"\b(?:by|and|&)[ \t]+([A-Z][\w'’.-]+(?:[ \t][A-Z][\w'’.-]+){1,3})(?=[ \t]*(?:$|[;,.)]|[ \t](?:in|and|&)\b))",
                            re.MULTILINE)


def credit_line_names(text: str) -> list:
    """``(start, end)`` of the people a credit line names: wire credits ("(Reporting by Ana Ruiz in Lima;
    Editing by Jo Okafor-Hale)") and a show's ("This episode was produced by Sam Ito-Berg."). The line
    is a credit only when all of it is one (a sentence "... produced by Acme Foods in Ohio" is not).

    >>> text = "Body.\\n(Reporting by Ana Ruiz in Lima and Tom Lee; Editing by Jo Okafor-Hale)\\nThe show is produced by Sam Ito-Berg."
    >>> [text[a:b] for a, b in credit_line_names(text)]
    ['Ana Ruiz', 'Tom Lee', 'Jo Okafor-Hale', 'Sam Ito-Berg']
    """
    out = []
    for line in CREDIT_LINE.finditer(text):
        group = 1 if line.group(1) is not None else 2
        credit = line.group(group)
        if group == 2 and not re.fullmatch(r"by [A-Z][\w'’.-]+(?:[ \t][A-Z][\w'’.-]+){1,3}\.?[ \t]*(?:[A-Z][^\n]*)?", credit):
            continue  # "is produced by" a name and nothing else in its sentence
        base = line.start(group)
        for name in _CREDITED_NAME.finditer(credit):
            end = name.end(1) - (name.group(1).endswith(".") and len(name.group(1).rsplit(None, 1)[-1]) > 2)
            out.append((base + name.start(1), base + end))  # (a full stop after a word, not an initial's)
    return out


#: A transcript's turn: a line opening with a speaker's label and a colon ("Operator:", "Safra Catz:",
#: "[00:01:02] PRIYA HOLT:"), after an optional timestamp; group 1 is the label.
SPEAKER_TURN = re.compile(r"^(?:\[[\d:.]+\][ \t]*)?([A-Z][^\s:]*(?:[ \t][A-Z][^\s:]*){0,3}):(?=[ \t]|$)", re.MULTILINE)


def speaker_label_names(text: str) -> list:
    r"""``(start, end)`` of the full names that open a transcript's turns: "Danica Holt: Thanks." A document
    is a transcript or an interview when at least three of its lines open with a label and a colon (a press
    release's lone "Media Contact:" is none); a one-word label ("Operator", "Q", a surname) is left to the
    other cues.

    >>> text = "Operator: Next.\nAda Quint: Thanks.\nSafra Catz: Sure.\nAda Quint: Great."
    >>> [text[a:b] for a, b in speaker_label_names(text)]
    ['Ada Quint', 'Safra Catz', 'Ada Quint']
    >>> speaker_label_names("Ada Quint: Thanks.\nShe left.")
    []
    """
    turns = list(SPEAKER_TURN.finditer(text))
    if len(turns) < 3:
        return []
    return [(m.start(1), m.end(1)) for m in turns if len(m.group(1).split()) > 1]


def byline_spans(doc, text: str | None = None) -> list:
    """Person names of bylines, credit lines and a transcript's speaker labels, which the NER often misses or
    takes for firms (a line of a page, not a sentence): see :func:`credit_line_names` and
    :func:`speaker_label_names`.

    >>> import spacy
    >>> doc = spacy.blank("en")("Small models win\\nPosted by Ines Carvalho · 9 min read\\nBy Tuesday night it rained.")
    >>> [span.text for span in byline_spans(doc)]
    ['Ines Carvalho']
    """
    out = []
    text = doc.text if text is None else text
    found = [(m.start(1), m.end(1)) for m in BYLINE.finditer(text)] + credit_line_names(text) + speaker_label_names(text)
    for start, end in found:
        span = doc.char_span(start, end)
        if span is not None and looks_like_person_name(span) and not any(t.ent_type_ in ("DATE", "TIME") for t in span):
            out.append(span)
    return out


def with_given_name(span, known=frozenset()):
    """"Renata Solberg spent nine years at AMD": the tagger may read a sentence's first full name as its
    surname alone; a capitalised name word that compounds the surname right before it is the given name
    (not a title, a known name or a word of the sentence before). Any other span is returned as it is.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Renata", "Solberg", "left", "AMD", "CEO", "Solberg", "left"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2, 5, 6, 6],
    ...           deps=["compound", "nsubj", "ROOT", "dobj", "compound", "nsubj", "ROOT"],
    ...           pos=["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "VERB"])
    >>> with_given_name(doc[1:2]).text, with_given_name(doc[5:6]).text
    ('Renata Solberg', 'Solberg')
    """
    doc = span.doc
    if len(span) != 1 or span.start == 0:
        return span
    given = doc[span.start - 1]
    if (given.dep_ != "compound" or given.head.i != span.start or given.pos_ != "PROPN" or span[0].is_sent_start
            or not given.is_title or not _is_person_name_word(given.text) or given.text in known
            or given.lower_ in _NOT_GIVEN_NAMES or given.text in _CALENDAR_WORDS or given.ent_type_ not in ("", "PERSON")):
        return span  # ("In March Mostaque stepped down": a month, read as a date)
    return doc[given.i:span.end]


def english_words(nlp) -> frozenset:
    """The words of the rule lemmatizer's English word lists (nouns, verbs, adjectives, adverbs), lower-cased;
    empty if the pipeline has none."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)


def with_first_of_three_names(span, english=frozenset(), known=frozenset()):
    """"Vipul Ved Prakash, its co-founder": the tagger may leave out the first of three name words (a given
    name, then a middle name or the first of a two-word surname), at a sentence's start most often. A
    capitalised word compounding a two-word person's name right before it is its first word when it is no
    English word (so no title or occupation: "Drummer Lars Ulrich", "Admiral Mike Mullen"), no known name,
    and no other capitalised word stands before it. Any other span is returned as it is.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Vipul", "Ved", "Prakash", "left", ".", "Drummer", "Lars", "Ulrich", "left"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 3, 3, 3, 7, 7, 8, 8],
    ...           deps=["compound", "compound", "nsubj", "ROOT", "punct", "compound", "compound", "nsubj", "ROOT"],
    ...           pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB"])
    >>> with_first_of_three_names(doc[1:3], {"drummer"}).text, with_first_of_three_names(doc[6:8], {"drummer"}).text
    ('Vipul Ved Prakash', 'Lars Ulrich')
    """
    doc = span.doc
    if len(span) != 2 or span.start == 0 or not english:
        return span
    given = doc[span.start - 1]
    before = doc[given.i - 1] if given.i > 0 else None
    if (given.dep_ != "compound" or not span.start <= given.head.i < span.end or given.pos_ != "PROPN"
            or not given.is_title or not _is_person_name_word(given.text) or given.lower_ in english
            or given.text in known or given.lower_ in _NOT_GIVEN_NAMES or given.text in _CALENDAR_WORDS
            or given.ent_type_ not in ("", "PERSON") or span[0].is_sent_start
            or not all(_is_person_name_word(t.text) for t in span)
            or (before is not None and before.is_title and not before.is_sent_start and not given.is_sent_start)):
        return span
    return doc[given.i:span.end]


def _is_person_name_word(word: str) -> bool:
    """A capitalised word of letters only, as given names and surnames are ("Renata", "Solberg")."""
    return len(word) > 1 and word.isalpha() and _is_name_word(word)


def shared_surname_spans(doc, candidates, known=frozenset()) -> list:
    """"founded by Dario and Daniela Amodei": a lone name word coordinated before a person's given name and
    surname shares that surname; the lone word, named in full (as ``canonical``), is a person. Only where the
    word is no known name and never stands alone elsewhere in the article (a company "Corvane and Ilona
    Vostrikov" names is used on its own too).

    Returns ``(span, "PERSON", "context", full_name)`` candidates.
    """
    text = doc_text(doc)  # (Doc.text joins every token again)
    out = []
    # a word that ends a longer name some cue read ("Guillaume Lample and Timothée Lacroix", the first read as
    # an ORG) is a surname already, not a lone given name
    name_ends = {c[0].end - 1 for c in candidates if len(c[0]) > 1}
    for person in [c[0] for c in candidates if c[1] == "PERSON" and len(c[0]) == 2]:
        if person.start < 2 or doc[person.start - 1].lower_ != "and" or person.start - 2 in name_ends:
            continue
        lone, given, surname = doc[person.start - 2], person[0], person[1]
        before = doc[lone.i - 1] if lone.i > 0 else None
        if (lone.pos_ != "PROPN" or not lone.is_title or not _is_person_name_word(lone.text) or lone.text in known
                or lone.lower_ in _NOT_GIVEN_NAMES or not _is_person_name_word(given.text)
                or given.lower_ in NAME_PARTICLES or given.lower_ in _NAME_ARTICLES  # "Time and Der Spiegel": no given name
                or not _is_person_name_word(surname.text)
                or (before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start)):
            continue
        elsewhere = [m.start() for m in re.finditer(r"\b%s\b(?!\s+%s\b)" % (re.escape(lone.text), re.escape(surname.text)), text)]
        if elsewhere != [lone.idx]:
            continue
        out.append((doc[lone.i:lone.i + 1], "PERSON", "context", f"{lone.text} {surname.text}"))
    return out


_CALENDAR_WORDS = word_list("entities", "calendar_words")
#: Articles that open names of papers and bands in other languages ("Der Spiegel", "Die Zeit", "Les Echos").
_NAME_ARTICLES = frozenset("der die das les el los las il lo".split())
#: Capitalised words that compound a surname without being a given name: titles and honorifics.
_NOT_GIVEN_NAMES = frozenset(w.lower() for w in word_list("entities", "honorifics")) | frozenset(
    "president chairman chairwoman chair ceo cfo cto founder director minister senator governor judge professor "
    "analyst executive chief vice general".split())


#: Capitalised tier words that make a model family's name a model of its own: "Pixtral Large", "Gemma Nano".
MODEL_TIER_WORDS = ("Mini", "Small", "Medium", "Large", "Pro", "Ultra", "Flash", "Nano", "Turbo", "Max", "Plus", "Lite")


def hyphenated_family(model) -> str | None:
    """The family word of a one-token model name with a version after a hyphen: "Sarn" of "Sarn-4", "Ipê" of
    "Ipê-8B" (a capitalised word of letters; "GPT" of "GPT-4o" is written in capitals and is no such word).

    >>> import spacy
    >>> doc = spacy.blank("en")("Sarn-4 and GPT-4o and Orbit")
    >>> [hyphenated_family(doc[i:i + 1]) for i in (0, 2, 4)]
    ['Sarn', None, None]
    """
    if len(model) != 1 or "-" not in model.text:
        return None
    family = model.text.split("-", 1)[0]
    return family if family.istitle() and family.isalpha() else None


def tier_model_spans(doc, models) -> list:
    """"Corvid Large ... a smaller Corvid Mini", "Codestral ... Codestral Pro": the first word of a model
    the article (or the gazetteer) names, with a capitalised tier word after it, is a model of its own,
    whatever the NER made of it (a person, often); so is the family word of a hyphenated model with a tier
    after it ("Sarn Mini" beside "Sarn-4").

    ``models`` are spans already typed as models; returns ``(span, "MODEL", "model_shape", None)`` candidates.
    """
    families = {m[0].text for m in models if m[0].is_title and m[0].is_alpha and (len(m) == 1 or m[-1].text in MODEL_TIER_WORDS)}
    families |= {f for f in map(hyphenated_family, models) if f}  # "Sarn Mini" after "Sarn-4"
    out = []
    for tier in tokens_where(doc, "ORTH", MODEL_TIER_WORDS):
        family = doc[tier.i - 1] if tier.i > 0 else None
        if family is not None and family.text in families and not tier.is_sent_start and not family.whitespace_ == "":
            out.append((doc[family.i:tier.i + 1], "MODEL", "model_shape", None))
    return out


def variant_model_spans(doc, candidates) -> list:
    """"Llama 4 Maverick", "Gemini 2.5 Flash-Lite": a model name that ends in a version number, followed by a
    capitalised word the NER put in the same name, is that variant of the model, whatever its word (a tier
    list cannot know them all); the word alone later in the text ("Meta said Maverick has ...") is the variant.

    ``candidates`` are ``(span, label, source, canonical)``; returns model-shaped candidates for the whole
    names and short-form ones for the variant words alone.
    """
    out, variants = [], {}
    for span, label, source, _ in candidates:
        if label != "MODEL" or source not in ("model_shape", "gazetteer") or not span[-1].like_num or span.end >= len(doc):
            continue
        word = doc[span.end]
        # (the NER's name runs on over the word: it began before it and the word is inside it)
        if (word.ent_iob_ == "I" and word.pos_ == "PROPN" and word.is_title and word.is_alpha and not word.is_sent_start
                and not (span.end + 1 < len(doc) and doc[span.end + 1].ent_iob_ == "I")):
            full = doc[span.start:span.end + 1]
            out.append((full, "MODEL", "model_shape", None))
            variants.setdefault(word.text, full.text)
    for word, full in variants.items():
        for tok in tokens_where(doc, "ORTH", [word]):
            if tok.i > 0 and doc[tok.i - 1].like_num:
                continue  # (the whole name, above)
            out.append((doc[tok.i:tok.i + 1], "MODEL", "short_form", full))
    return out


#: Verbs in the third person that open a press headline's clause before a product's name: "Orrin Labs Raises
#: $85 Million and Launches Orrin-M2" (title case makes them look like the first word of the name).
HEADLINE_VERBS = word_list("entities", "headline_verbs")


def without_headline_verb(span):
    """A name without the headline verb the NER read as its first word: "Launches Orrin-M2" is Orrin-M2.

    >>> import spacy
    >>> doc = spacy.blank("en")("Orrin Labs Launches Orrin-M2")
    >>> without_headline_verb(doc[2:6]).text, without_headline_verb(doc[0:2]).text
    ('Orrin-M2', 'Orrin Labs')
    """
    if len(span) > 1 and span[0].text in HEADLINE_VERBS:
        return span[1:]
    return span


#: "(EDA)" after the lower-case words whose initials it spells: "electronic design automation (EDA)".
_DEFINED_ACRONYM = re.compile(r"((?:[a-z][a-z]*[- ]){1,6})\(([A-Z]{2,6})s?\)")
#: The bracketed acronym every match of :data:`_DEFINED_ACRONYM` ends with.
_ACRONYM_IN_BRACKETS = re.compile(r"\([A-Z]{2,6}s?\)")


def lower_case_acronyms(text: str) -> set:
    """Acronyms a text defines for lower-case words, as terms of a trade ("electronic design automation
    (EDA)", "large language models (LLMs)"): no names, wherever they stand later ("EDA suppliers").

    >>> sorted(lower_case_acronyms("makers of electronic design automation (EDA) software, like Taiwan Semiconductor (TSMC)"))
    ['EDA']
    """
    out = set()
    if not _ACRONYM_IN_BRACKETS.search(text):  # (most texts define none: no word-by-word scan of them)
        return out
    for m in _DEFINED_ACRONYM.finditer(text):
        acronym = m.group(2)
        words = re.split(r"[- ]", m.group(1).strip())
        if len(words) >= len(acronym) and "".join(w[0] for w in words[-len(acronym):]).upper() == acronym:
            out.add(acronym)
    return out


def _near_spelling(a: str, b: str) -> bool:
    """Two names of as many words that differ in one word, by a near spelling ("Waldman"/"Waldmann")."""
    from difflib import SequenceMatcher

    wa, wb = a.split(), b.split()
    differing = [(x, y) for x, y in zip(wa, wb) if x != y]
    return len(wa) == len(wb) and len(differing) == 1 and SequenceMatcher(None, *differing[0]).ratio() >= 0.8


def corrected_name(span):
    """The name a correction puts right where ``span`` is the wrong spelling it names: "He is Eyal Waldman,
    not Eyal Waldmann" (the second, set beside the first with "not"). Returns the right name's text or ``None``.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["He", "is", "Ana", "Lindqvist", ",", "not", "Ana", "Lindquist", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 3, 3, 7, 3, 1],
    ...           deps=["nsubj", "ROOT", "compound", "attr", "punct", "neg", "compound", "appos", "punct"],
    ...           pos=["PRON", "AUX", "PROPN", "PROPN", "PUNCT", "PART", "PROPN", "PROPN", "PUNCT"])
    >>> corrected_name(doc[6:8])
    'Ana Lindqvist'
    """
    root = span.root
    right = root.head
    if root.dep_ != "appos" or right.i >= span.start or not any(c.dep_ == "neg" and c.i < span.start for c in right.children):
        return None
    start = right.i
    while start > 0 and span.doc[start - 1].dep_ == "compound" and span.doc[start - 1].head.i == right.i:
        start -= 1
    name = span.doc[start:right.i + 1].text
    return name if _near_spelling(name, span.text) else None


def acts_as_company(span, companies=frozenset()) -> bool:
    """Whether a name is used, here, as a company's: it owns what companies own or has their members
    ("Palo Alto's fell 5%", "2.2005 Palo Alto shares"), syntax calls it one, or it is the subject of a
    verb of business ("Palo Alto has shopped in Israel before" is no such verb; "pits Palo Alto against
    Okta" neither; "Palo Alto competes with X", "Palo Alto acquired Y" are). Said of a place name that is
    also the short form of a company the article names in full, where a place's own use ("Palo Alto is
    south of San Francisco") must not be taken for the company's.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Palo Alto shares fell , and Palo Alto is south of here .".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 3, 3, 3, 3, 7, 8, 3, 8, 9, 10, 3],
    ...           deps=["compound", "compound", "nsubj", "ROOT", "punct", "cc", "compound", "nsubj", "conj", "acomp",
    ...                 "prep", "pobj", "punct"])
    >>> acts_as_company(doc[0:2]), acts_as_company(doc[6:8])
    (True, False)
    """
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.tag_ == "POS" or after.text in ("'s", "’s")):
        return True
    if after is not None and after.lower_ in COMPANY_MEMBER_NOUNS and not after.is_title:
        return True
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX", "") and does_business(root.head, companies):
        return True
    return has_company_context(span)


#: Marks that open a list item: "- Tessaly", "\u2022 Tessaly", "3. Tessaly".
_ITEM_MARKS = frozenset("- * \u2022 \u00b7 \u2013 \u2014".split())
_ITEM_DASHES = frozenset(": - \u2013 \u2014 |".split())


def _opens_item(token) -> bool:
    """Whether ``token`` opens a line, after a list item's mark or number if any."""
    i = token.i
    while i > 0 and (token.doc[i - 1].text in _ITEM_MARKS or token.doc[i - 1].text.rstrip(".)").isdigit()
                     or token.doc[i - 1].text in (".", ")") and i > 1 and token.doc[i - 2].is_digit) \
            and not _at_line_start(token.doc[i]):
        i -= 1
    return _at_line_start(token.doc[i])


def heads_a_money_item(span, english=frozenset()) -> bool:
    r"""Whether a name opens a list item or line and a dash or colon sets an amount of money after it, as a
    funding roundup or a deal box lists rounds ("- Tessaly — $40M Series B led by ...", "Orvell: $142m
    seed (June 2024)", a fund letter's holdings "Quillon Robotics: $38.0m"): what has money so listed is a
    company, not a person or place; a line's English label is none ("Revenue: $1.4 billion", "Price: $199").

    >>> import spacy
    >>> doc = spacy.blank("en")("Deals\n- Tessaly \u2014 $40M Series B\nRevenue: $1.4 billion\nMoney: Orvell $5M")
    >>> [heads_a_money_item(doc[i:i + 1], frozenset({"revenue", "money"})) for i in (3, 9, 14)]
    [True, False, False]
    """
    doc = span.doc
    if len(span) == 1 and span[0].lower_ in english or not _opens_item(span[0]):
        return False
    i = span.end
    if i + 1 >= len(doc) or doc[i].text not in _ITEM_DASHES:
        return False
    after = doc[i + 1]
    return after.text in ("$", "US$", "\u20ac", "\u00a3", "HK$", "A$", "C$") or after.ent_type_ == "MONEY"


#: A numbered list's item line that is only a name: "3. Exa", "10. Quayside Signal", "2. You.com".
_NUMBERED_NAME_LINE = re.compile(r"^\d{1,2}\. (?P<name>[A-Z0-9][\w.&'-]*(?: [A-Z0-9][\w.&'-]*){0,3})[ \t]*$", re.MULTILINE)
_NUMBERED_LINE = re.compile(r"^\d{1,2}\. ", re.MULTILINE)


def _says_companies(intro: str) -> bool:
    """Whether a list's opening text calls its items companies: "start-ups to watch", "these are the
    companies", "the vendors our readers ask about" (a company noun in the plural)."""
    for word in re.findall(r"[a-z][a-z-]*s\b", intro):
        if word == "companies" or (word[:-1] in COMPANY_NOUNS and word[:-1] not in ("developer", "investor", "operator", "unit", "division", "business", "fund", "lab")):
            return True
    return False


def numbered_company_spans(doc, text: str) -> list:
    """The names that head a numbered list's items where the text before the list says its items are companies
    ("10 AI start-ups to watch" ... "3. Exa"): each item is one of the kind the list announces, whatever the
    tagger makes of a lone word (a person's, often). Three such item lines at least make a list; a model or
    product a cue types better keeps its type (the typer's ranks decide).

    >>> import spacy
    >>> text = "Five start-ups to watch\\n\\n1. Orlith\\nOrlith sells chips.\\n\\n2. Kessel AI\\nIt trains models.\\n\\n3. Vantor\\nIt is new."
    >>> [s.text for s, *_ in numbered_company_spans(spacy.blank("en")(text), text)]
    ['Orlith', 'Kessel AI', 'Vantor']
    >>> text = "Five lessons\\n\\n1. Patience\\n\\n2. Focus\\n\\n3. Luck"
    >>> numbered_company_spans(spacy.blank("en")(text), text)
    []
    """
    items = list(_NUMBERED_NAME_LINE.finditer(text))
    first = _NUMBERED_LINE.search(text)
    if len(items) < 3 or first is None or not _says_companies(text[: first.start()]):
        return []
    out = []
    for m in items:
        span = doc.char_span(m.start("name"), m.end("name"))
        if span is not None:
            out.append((span, "COMPANY", "context", None))
    return out
