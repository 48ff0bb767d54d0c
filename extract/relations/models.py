"""Rules about models and units: described models ("Llama 3, Meta's open model"), develops inferred where no
rule states it (agentless releases, models named after a company, models a company's statement
introduces), units named after their parent ("Google Brain"), "part of" phrases and "A vs B" titles.
"""
from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..families import doc_families, model_family
from ..gazetteer import gazetteer_of
from ..rules import code_rule
from ..tokens import description_word, doc_text, lemma_word, tokens_where, word_children
from .core import (
    COMPANY,
    MODEL,
    NAME_SUFFIXES,
    PERSON,
    Candidate,
    _conf,
    _is_passive,
    _name_key,
    _possessors,
    _prep_objects,
    _tables,
    _unique,
    entities_of,
    is_hedged,
    is_negated,
    subjects_of,
    surface_list,
)
from .verbs import _surface_possessor


def _models_described(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Model entities a description noun names: "its flagship, Command R+", "its models include A and B",
    "its main product is X", "Gemini 1.5 Pro, its long-context model", "its models such as A"."""
    out = list(entities_of(noun, refs)) if refs.ent_containing(noun) is None and not refs.entity_for(noun) else []
    ent = refs.entity_for_noun(noun)
    if ent is not None:
        out.append((ent, False))
    for child in word_children(noun):
        if child.dep_ == "appos":
            out += entities_of(child, refs)
    head = noun.head
    # "Gemini 2, the newest version of Google's model family": the family's member is described too
    if noun.dep_ == "pobj" and head.lower_ == "of" and lemma_word(head.head) in _tables()["version_nouns"]:
        out += _models_described(head.head, refs)
    if noun.dep_ == "nsubj" and lemma_word(head) in ("be", "include", "comprise", "feature"):
        out += [e for c in head.children if c.dep_ in ("attr", "dobj") for e in entities_of(c, refs)]
        # "its newest models include Gemini 1.5 Pro and Gemma 2", whatever the parser made of the list
        first = refs.ent_containing(noun.doc[head.i + 1]) if head.i + 1 < len(noun.doc) else None
        if first is not None and first.start == head.i + 1:
            out += [(first, False)] + [(m, False) for m in surface_list(first, refs)]
    return [(e, v) for e, v in _unique(out) if e.label_ == MODEL]


@code_rule
def model_description_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from an owned description of a model, and from "a model from X"."""
    model_nouns = _tables()["model_nouns"]
    for noun in tokens_where(doc, "POS", ("NOUN", "PROPN")):
        if refs.ent_containing(noun) is not None:
            continue
        if description_word(noun, model_nouns) is None and lemma_word(noun) not in model_nouns:
            continue
        owners = [e for e in _possessors(noun, refs) if e[0].label_ == COMPANY] or _pronoun_owner(noun, refs)
        owners += [e for e in _prep_objects(noun, ("from", "by"), refs) if e[0].label_ == COMPANY]
        if not owners:
            continue
        for model, mv in _models_described(noun, refs) or _model_before_description(noun, refs):
            for owner, ov in owners:
                if ov and _named_after_another_company(model, owner):
                    continue  # "Cinderwell Ember 2, the company's new model": not a company met earlier
                yield Candidate(owner, "develops", model, noun, "model.description_possessive", _conf("model.description_possessive", mv or ov))
    for ent in refs.ents:
        if ent.label_ != MODEL:
            continue
        # "FLUX.1 from Black Forest Labs", "Llama, from Meta"; "ran Falcon 180B from the Technology
        # Innovation Institute", where the parser hangs "from" on the verb (makers: companies and institutes)
        for owner, ov in _prep_objects(ent.root, ("from",), refs) + _from_right_after(ent, refs):
            if owner.label_ in MAKERS:
                yield Candidate(owner, "develops", ent, ent.root, "model.description_noun", _conf("model.description_noun", ov))


#: Who makes models: companies, and institutes, universities and labs typed organizations
MAKERS = (COMPANY, "ORGANIZATION")


def _from_right_after(model: Span, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The maker in "labelled by GPT-4 Turbo from OpenAI" when the parser hangs "from" on the verb: "from"
    right after the name, its object a whole name. Not after a verb of moving between providers ("switched
    to Claude from OpenAI", "moved its workloads to Gemini from GPT-4"): there "from" names the one left.
    """
    doc = model.doc
    if model.end >= len(doc) or doc[model.end].lower_ != "from" or doc[model.end].dep_ != "prep":
        return []
    prep = doc[model.end]
    if model.start <= prep.head.i < model.end or _leaves_a_provider(prep):
        return []
    # the object starts right after "from" (or "from the"): "from the Technology Innovation Institute"
    starts = {model.end + 1, model.end + 2} if doc[model.end + 1].lower_ == "the" else {model.end + 1}
    return [(e, v) for c in prep.children if c.dep_ == "pobj" for e, v in entities_of(c, refs) if e.start in starts]


#: Verbs whose "from" names a provider left behind, not a maker
SWITCH_VERBS = frozenset({"switch", "move", "migrate", "shift", "defect", "convert", "port", "transition"})


def _leaves_a_provider(prep: Token) -> bool:
    """Whether "from" hangs on a verb of moving between providers or one with a "to" of its own.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["They", "switched", "to", "Zephyr", "from", "Initech", "."]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2, 1, 4, 1],
    ...           deps=["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
    ...           lemmas=["they", "switch", "to", "Zephyr", "from", "Initech", "."])
    >>> _leaves_a_provider(doc[4])
    True
    """
    verb = prep.head
    return lemma_word(verb) in SWITCH_VERBS or any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _model_before_description(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The model right before ", its in-house model" when the parser did not make the description an
    apposition ("runs every change through Shuttle-15B, its in-house model", "model" parsed as a subject)."""
    doc = noun.doc
    first = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
    if first is None or first.i < 2 or doc[first.i - 1].text != "," or noun.i - first.i > 5:
        return []
    model = refs.ent_containing(doc[first.i - 2])
    if model is None or model.label_ != MODEL or model.end != first.i - 1:
        return []
    return [(model, False)]


def _pronoun_owner(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The company "its" means in "Initech said that Zephyr, its newest model, ...", where the pronoun was
    bound to the model the noun describes (a model is not its own owner): the nearest earlier company."""
    pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ == "PRP$" and c.lower_ in ("its", "their")), None)
    if pronoun is None or any(e.label_ == COMPANY for e, _ in entities_of(pronoun, refs)):
        return []
    owner = refs.antecedent_of_type(pronoun, (COMPANY,))
    return [(owner, True)] if owner is not None else []


def _agentless_release_verb(model: Span) -> Token | None:
    """The release verb of a model introduced as its clause's subject with no "by" phrase.

    "X, released in June, has 13 billion parameters", "X was released on Tuesday", "X has
    13 billion parameters and was trained on court filings". A model in any other role ("beats
    Llama 3, released in April") is not the passage's own subject and is left alone.
    """
    root = model.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verbs = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if root.dep_ == "nsubjpass":
        verbs.append(root.head)
    # "X has 13B parameters and was trained on ...": a passive conjunct shares the subject
    verbs += [c for c in root.head.children if c.dep_ == "conj" and c.pos_ == "VERB" and _is_passive(c)
              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    release_verbs = _tables()["release_verbs"]
    for verb in verbs:
        if lemma_word(verb) not in release_verbs:
            continue
        if any(c.dep_ in ("agent", "prep") and c.lower_ == "by" for c in word_children(verb)):
            return None  # "released by X": the agent is stated, and the verb rules read it
        return verb
    return None


def _passage_company(model: Span, refs: EntityRefs) -> Span | None:
    """The company a passage introducing ``model`` is about: the salient company, named (or referred to
    by a pronoun) earlier in the model's sentence or in the sentence before it."""
    company = refs.salient_entity(model.root, (COMPANY,))
    if company is None:
        return None
    doc, sent = model.doc, model.root.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    key = _name_key(company)
    window = (refs.entity_for(t) for t in doc[start: model.start])
    return company if any(e is not None and e.label_ == COMPANY and _name_key(e) == key for e in window) else None


def _known_developer_differs(company: Span, model: Span) -> bool:
    """Whether the gazetteer knows another developer for the model ("Llama 2" is Meta's), so that an
    inferred developer never contradicts what is known."""
    gazetteer = gazetteer_of(model.doc)
    known = gazetteer.developer_of(model._.canonical or model.text) if gazetteer is not None else None
    return known is not None and known.lower() != (company._.canonical or company.text).lower()


def _names_another_company(model: Span, company: Span) -> bool:
    """Whether the model's name contains the name of a company of the Doc other than ``company`` ("Meta Llama 3")."""
    words = set(model.text.lower().split())
    own = _name_key(company)
    return any(e.label_ == COMPANY and _name_key(e) != own and e.text.lower().split()[0] in words for e in model.doc.ents)


def _named_after_another_company(model: Span, company: Span) -> bool:
    """Whether the model's name starts with the name of a company of the Doc other than ``company``."""
    own = _name_key(company)
    return any(e.label_ == COMPANY and _name_key(e) != own and _named_after_company(model, e) for e in model.doc.ents)


@code_rule
def unattributed_release_relations(doc: Doc, refs: EntityRefs, developed: frozenset[str]) -> Iterator[Candidate]:
    """develops from a model introduced with an agentless release verb in a passage about a company.

    "Nvidia ... also publishes its own models. Nemotron-4 340B, released in June, has 340 billion
    parameters": the company the passage is about (see :func:`_passage_company`) released the
    model. This is an inference, not a statement, so the confidence is lower than a verb's, and
    it is never drawn for a model whose developer the Doc states (``developed``: name keys), whose
    name contains another company's name, or that has a possessor of its own.
    """
    for model in refs.ents:
        if model.label_ != MODEL or _name_key(model) in developed:
            continue
        verb = _agentless_release_verb(model)
        if verb is None or _possessors(model.root, refs) or _surface_possessor(model, refs) is not None \
                or _source_phrase(model, verb):
            continue
        company = _passage_company(model, refs)
        if company is None or _names_another_company(model, company) or _known_developer_differs(company, model):
            continue
        yield Candidate(company, "develops", model, verb, "model.unattributed_release", _conf("model.unattributed_release", True))


def _source_phrase(model: Span, verb: Token) -> bool:
    """Whether the model's own phrase says where it comes from ("StarCoder2, from the BigCode collaboration led
    by ..., was trained on ..."): its maker is that source, whatever company the passage was about before. The
    parser hangs the "from" on the model or on the verb; on the verb it must be written before it, beside the
    model ("trained from scratch" is no source)."""
    return any(c.dep_ == "prep" and c.lower_ == "from" for c in word_children(model.root)) or \
        any(c.dep_ == "prep" and c.lower_ == "from" and model.end <= c.i < verb.i for c in verb.children)


def _named_after_company(model: Span, company: Span) -> bool:
    """Whether a model's name starts with a company's name, or its short form without "AI", "Inc.":
    "Mistral Large" after "Mistral AI", "Inflection-2" after "Inflection AI".

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Mistral AI Mistral Large Mixtral")
    >>> company = Span(doc, 0, 2, label="COMPANY")
    >>> _named_after_company(Span(doc, 2, 4, label="MODEL"), company), _named_after_company(Span(doc, 4, 5, label="MODEL"), company)
    (True, False)
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Fathom", "Reasoning", "Fathom-R1", "Fathom-Mini"])
    >>> company = Span(doc, 0, 2, label="COMPANY")
    >>> _named_after_company(Span(doc, 2, 3, label="MODEL"), company), _named_after_company(Span(doc, 3, 4, label="MODEL"), company)
    (True, False)
    """
    short = _name_key(company).split()
    words = model.text.lower().split()
    if len(words) > len(short) and words[: len(short)] == short:
        return True
    # "Inflection-2", "DeepSeek-V2", "Fathom-R1" after "Fathom Reasoning": the company's first name word
    # and a version joined by a hyphen (a version: a digit, after at most two letters)
    first, _, rest = words[0].partition("-")
    return first == short[0] and (_VERSION.match(rest) is not None or _hyphened_line_word(model, short)) \
        or _led_by_maker_word(model, short)


def _hyphened_line_word(model: Span, short: list[str]) -> bool:
    """Whether a model's name is a one-word company's name, a hyphen and a capitalised word, as labs write
    their lines: "Kaveri-Nano" of "Kaveri AI", "MiniMax-Text-01" of "MiniMax" (the company's whole name, as
    the spaced "Mistral Large" is; the first word of a longer name is too weak a cue: "Fathom-Mini" of
    "Fathom Reasoning").

    >>> import spacy
    >>> doc = spacy.blank("en")("Kaveri-Nano kaveri-nano")
    >>> _hyphened_line_word(doc[0:3], ["kaveri"]), _hyphened_line_word(doc[3:6], ["kaveri"])
    (True, False)
    """
    _, _, rest = model.text.split()[0].partition("-")
    return len(short) == 1 and rest[:1].isupper()


def _led_by_maker_word(model: Span, short: list[str]) -> bool:
    """Whether a spaced model name starts with the first word of a longer company name, a proper name the text
    never writes in lower case: "Larkspur Tutor 14B" of "Larkspur Learning" (not "General Purpose 7B" of
    "General Motors", whose "general" the text writes as a word too).

    >>> import spacy
    >>> doc = spacy.blank("en")("Larkspur Learning built Larkspur Tutor 14B.")
    >>> _led_by_maker_word(Span(doc, 3, 6, label="MODEL"), ["larkspur", "learning"])
    True
    >>> doc = spacy.blank("en")("General Motors read General Purpose 7B in general.")
    >>> _led_by_maker_word(Span(doc, 3, 6, label="MODEL"), ["general", "motors"])
    False
    """
    words = model.text.split()
    if len(short) < 2 or len(words) < 2 or words[0].lower() != short[0] or not words[0][:1].isupper():
        return False
    return re.search(rf"(?<![\w-]){re.escape(short[0])}(?![\w-])", doc_text(model.doc)) is None


#: The version after a hyphen in a model's name: "2", "V2", "R1", "v0.1"
_VERSION = re.compile(r"[a-z]{0,2}\d")


def _first_plain_mention(mentions: list[Span]) -> Span:
    """The first mention not under a negation or hedge, else the first."""
    return next((m for m in mentions if not is_negated(m.root) and not is_hedged(m.root)), mentions[0])


@code_rule
def company_named_model_relations(doc: Doc, refs: EntityRefs, developed: frozenset[str]) -> Iterator[Candidate]:
    """develops from a model or product named after a company of the same Doc: "Mistral AI ... Mistral
    Large 2", "Samsung ... the Samsung Galaxy S9".

    A name is not a statement, so the confidence is low, the evidence is the sentence of the
    model's first mention, and it is never drawn for a model whose developer the Doc states
    (``developed``: name keys) or whose name starts with the names of two companies. Nor for a model
    of a family one of whose members has a stated developer ("Tallowmere released Tallow-3 ... Tallow-1"):
    :mod:`extract.families` gives it that developer, where a name's guess may take another company that
    starts with the family's word ("the Tallow Community License" read as a company).
    """
    companies: dict[str, list[Span]] = {}
    models: dict[str, list[Span]] = {}
    for ent in refs.ents:
        if ent.label_ == COMPANY:
            companies.setdefault(_name_key(ent), []).append(ent)
        elif ent.label_ in (MODEL, "PRODUCT"):  # "Toyota Avalon", "Samsung Galaxy S9" are named the same way
            models.setdefault(_name_key(ent), []).append(ent)
    known = doc_families(doc)
    stated_families = {model_family(key, known) for key in developed} - {None}
    for key, mentions in models.items():
        if key in developed or (mentions[0].label_ == MODEL and model_family(mentions[0].text, known) in stated_families):
            continue  # a family whose developer the Doc states gets it from the family rule, not from a name's guess
        owners = [spans for spans in companies.values() if _named_after_company(mentions[0], spans[0])]
        if len(owners) != 1:
            continue
        model = _first_plain_mention(mentions)
        if _known_developer_differs(owners[0][0], model):
            continue
        yield Candidate(owners[0][0], "develops", model, model.root, "model.named_after_company", _conf("model.named_after_company", False))


@code_rule
def announced_model_relations(doc: Doc, refs: EntityRefs, developed: frozenset[str]) -> Iterator[Candidate]:
    """develops from a model that a company's own statement introduces.

    "the company says Codestral, a 22B model for programming, has been downloaded ...", "Craig
    Federighi, Apple's senior vice president, said an on-device model known as AFM-on-device would
    handle ...": a company (or one of its people) presenting a model no one has been named for, with an
    indefinite description, is presenting its own. An inference, so never drawn for a model whose
    developer the Doc states (``developed``) or the gazetteer knows to be another company, or whose
    name contains another company's name.
    """
    for model in refs.ents:
        if model.label_ != MODEL or _name_key(model) in developed:
            continue
        anchor = _introducing_description(model)
        verb = _reporting_verb(anchor) if anchor is not None else None
        if verb is None:
            continue
        for company, via in _speaker_companies(verb, refs):
            if not (_names_another_company(model, company) or _known_developer_differs(company, model)):
                yield Candidate(company, "develops", model, verb, "model.announced", _conf("model.announced", via))


def _introducing_description(model: Span) -> Token | None:
    """The token that places a model introduced by an indefinite description in its clause:
    the name in "Codestral, a 22B model", the noun in "a model known as X" / "a model called X"."""
    root, tables = model.root, _tables()

    def indefinite_model_noun(token: Token) -> bool:
        return lemma_word(token) in tables["model_nouns"] and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)

    if any(c.dep_ == "appos" and indefinite_model_noun(c) for c in root.children):
        return root
    naming = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root.head
    if (naming is not root and lemma_word(naming) in tables["naming_verbs"] and naming.dep_ == "acl"
            and indefinite_model_noun(naming.head)):
        return naming.head
    return None


def _reporting_verb(token: Token, steps: int = 6) -> Token | None:
    """The reporting verb ("say", "announce") whose complement clause holds ``token``."""
    for _ in range(steps):
        if token.dep_ == "ccomp" and lemma_word(token.head) in _tables()["reporting_verbs"]:
            return token.head
        if token.head == token or token.dep_ in ("relcl", "advcl"):
            return None
        token = token.head
    return None


def _speaker_companies(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The companies speaking through a reporting verb: its subject ("the company says"), or the company a
    speaking person is titled for ("Craig Federighi, Apple's senior vice president, said")."""
    out = []
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        for ent, via in entities_of(subj, refs):
            if ent.label_ == COMPANY:
                out.append((ent, via))
            elif ent.label_ == PERSON:
                for title in (c for c in ent.root.children if c.dep_ == "appos"):
                    out += [e for e in _possessors(title, refs) + _prep_objects(title, ("of", "at"), refs)
                            if e[0].label_ == COMPANY]
    return _unique(out)


@code_rule
def hyphen_maker_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from a maker hyphenated to a making participle before the name: "the OpenAI-built
    GPT-4o", "the Meta-developed Llama 3", "Samsung-built Exynos chips" (``products.hyphen_maker``;
    "Siemens-owned Next47" is ownership, read by the owner verbs)."""
    for verb in tokens_where(doc, "TAG", ("VBN",)):
        if verb.tag_ != "VBN" or verb.i < 2 or doc[verb.i - 1].text != "-" or verb.i + 1 >= len(doc):
            continue
        # (the token's own lemma: lemma_word reads "OpenAI-built" as one word)
        if "develops" not in _tables()["verbs"].get(verb.lemma_.lower(), ()):
            continue
        maker = refs.ent_containing(doc[verb.i - 2])
        made = refs.ent_containing(doc[verb.i + 1])
        if maker is None or made is None or maker.end != verb.i - 1 or made.start != verb.i + 1:
            continue
        if maker.label_ in MAKERS and made.label_ in (MODEL, "PRODUCT"):
            yield Candidate(maker, "develops", made, verb, "products.hyphen_maker", _conf("products.hyphen_maker", False))


#: Nouns of working together: "developed in collaboration with X"
_JOINT_NOUNS = frozenset({"collaboration", "partnership", "conjunction", "cooperation", "association"})
#: Adverbs that make "with" a co-agent: "developed together with X"
_JOINT_ADVERBS = frozenset({"together", "jointly"})


@code_rule
def co_developer_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops for the partner a making verb names as working on the thing: "the model that Mistral AI
    developed in collaboration with Nvidia", "Zephyr was built by Initech together with Vexa".

    A bare "with" is left alone ("built Zephyr with Nvidia's chips", "trained with PyTorch"): only a
    noun of working together or "together"/"jointly" make the partner a co-developer.
    """
    for prep in (t for t in tokens_where(doc, "LOWER", ("with",)) if t.dep_ == "prep"):
        verb = _joint_verb(prep)
        if verb is None or "develops" not in _tables()["verbs"].get(lemma_word(verb), ()):
            continue
        made = [e for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for e in entities_of(c, refs)]
        if not made and verb.dep_ in ("relcl", "acl"):
            made = entities_of(verb.head, refs)  # "the open model that Mistral AI developed ..."
        partners = [e for c in prep.children if c.dep_ == "pobj" for e in entities_of(c, refs)]
        for partner, pv in _unique(partners):
            if partner.label_ not in MAKERS:
                continue
            for thing, tv in _unique(made):
                if thing.label_ in (MODEL, "PRODUCT"):
                    yield Candidate(partner, "develops", thing, verb, "products.co_developed", _conf("products.co_developed", pv or tv))


def _joint_verb(prep: Token) -> Token | None:
    """The verb a "with" of working together hangs on: "developed in collaboration with", "built together with"."""
    head = prep.head
    if lemma_word(head) in _JOINT_NOUNS and head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.pos_ == "VERB":
        return head.head.head
    together = any(c.lower_ in _JOINT_ADVERBS for c in prep.children) or prep.i > 0 and prep.doc[prep.i - 1].lower_ in _JOINT_ADVERBS
    return head if together and head.pos_ == "VERB" else None


#: Nouns that a list of product names is a set of, owned by a company: "its Buick and Cadillac brands"
BRAND_NOUNS = frozenset({"brand", "marque", "nameplate", "label", "line"})
_BRAND_FORMS = tuple(sorted(BRAND_NOUNS | {f"{noun}s" for noun in BRAND_NOUNS}))
#: What stands between the names of one list
_LIST_WORDS = frozenset({",", "and", "or", "&"})


@code_rule
def brand_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from names listed in front of a brand noun, to the owner named in front of the list:
    "Initech's Vega, Nova and Orbit brands" (``products.brand_list``), and to the subject of the verb
    the list is "under": "it produced trucks under the Vega and Nova brands" (``products.under_brand``).
    Not to what "its" means in front of the list: on encyclopaedic text that is the article's topic,
    often a subsidiary, where the brands are the parent's ("Its Buick and Cadillac brands" in an
    article on a carmaker's local arm).

    Read off the surface, because the parser hangs such lists anywhere ("Buick" an ``nmod`` of
    "brands", "Pegaso" the object of "under" and "Sava brands" an adverb).
    """
    for noun in tokens_where(doc, "LOWER", _BRAND_FORMS):  # (a loop over every token cost more than the rule)
        if lemma_word(noun) not in BRAND_NOUNS or noun.pos_ not in ("NOUN", "PROPN") or refs.ent_containing(noun) is not None:
            continue
        names, k = _names_listed_before(noun, refs)
        if not names or k < 0:
            continue
        before = doc[k]
        if before.lower_ in ("the",) and k > 0 and doc[k - 1].lower_ == "under" and doc[k - 1].dep_ == "prep":
            owners, rule = subjects_of(doc[k - 1].head, refs), "products.under_brand"
        elif before.tag_ == "POS" and k > 0 and refs.ent_containing(doc[k - 1]) is not None:
            owners, rule = [(refs.ent_containing(doc[k - 1]), False)], "products.brand_list"
        else:
            continue
        for owner, ov in _unique(owners):
            if owner.label_ not in MAKERS:
                continue
            for name in names:
                yield Candidate(owner, "develops", name, noun, rule, _conf(rule, ov))


def _names_listed_before(noun: Token, refs: EntityRefs) -> tuple[list[Span], int]:
    """The names listed right before ``noun``, with only list words between ("Buick, Chevrolet and
    Cadillac brands"), and the index of the word before the list."""
    doc, names, k = noun.doc, [], noun.i - 1
    while k >= 0:
        ent = refs.ent_containing(doc[k])
        if ent is not None:
            names.append(ent)
            k = ent.start - 1
        elif doc[k].text in _LIST_WORDS or doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k -= 1  # list words, and a name the typer missed ("Buick, Oldsmobile and Cadillac")
        else:
            break
    if not names or doc[names[-1].start].text in _LIST_WORDS:
        return [], -1
    return names[::-1], k


@code_rule
def named_part_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of between a company and the company its name starts with: "Google Brain" is part of Google,
    "Amazon Web Services" of Amazon, "Microsoft AI" of Microsoft.

    The parent is a company of the Doc's gazetteer (see :func:`~extract.gazetteer.gazetteer_of`),
    written as the gazetteer writes it, and the sentence must speak of units
    ("Google Brain, the search company's research unit", "its cloud division"): only then does a reader
    take the name as a statement. The rule yields a span inside the unit's name, which becomes a
    mention of the parent. Words that only complete a
    name ("Inflection AI" is Inflection) make no unit, unless the gazetteer knows both names as two
    companies ("Microsoft AI").

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Gomez interned at Google Brain and at Inflection AI , each a research unit .")
    >>> for token in doc:
    ...     token.is_sent_start = token.i == 0
    >>> doc.ents = [Span(doc, 3, 5, "COMPANY"), Span(doc, 7, 9, "COMPANY")]
    >>> from extract.gazetteer import Gazetteer, GazetteerEntry
    >>> known = Gazetteer((GazetteerEntry("Google", "company", "Google"), GazetteerEntry("Inflection", "company", "Inflection AI")),
    ...                   fingerprint="doctest")
    >>> doc.user_data["newsgraph_gazetteer"] = known.fingerprint
    >>> [(c.source.text, c.relation, c.target.text) for c in named_part_relations(doc, None)]
    [('Google Brain', 'part_of', 'Google')]
    """
    gazetteer = gazetteer_of(doc)
    known = gazetteer.company_names if gazetteer is not None else {}
    part_nouns = _tables()["part_of_nouns"]
    for ent in doc.ents:
        if ent.label_ != COMPANY or len(ent) < 2:
            continue
        # a reader takes the name as a statement only where the article names the parent as well, or the
        # sentence speaks of units ("Google Brain, the search company's research unit")
        unit_words = any(lemma_word(t) in part_nouns for t in ent.sent if not ent.start <= t.i < ent.end)
        own = ent._.canonical or known.get(ent.text) or ent.text
        for size in range(len(ent) - 1, 0, -1):
            head = ent[:size]
            parent = known.get(head.text)
            if parent is None or parent == own or head[-1].is_punct or not unit_words:
                continue
            if not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in ent[size:]):
                break  # the name runs on into other words ("Inflection AI and")
            rest = {t.lower_ for t in ent[size:]}
            if rest <= NAME_SUFFIXES and ent.text not in known:
                break  # "Quillstone Labs" is Quillstone itself
            if _alias_of(gazetteer, ent.text, parent):
                break  # "Arm Holdings", which the gazetteer also lists as Arm's own name, is no unit of Arm
            span = Span(doc, head.start, head.end, label=COMPANY)
            span._.canonical = parent
            span._.entity_source = "named_part"
            yield Candidate(ent, "part_of", span, ent.root, "part.named_unit", _conf("part.named_unit", False))
            break


def _alias_of(gazetteer, name: str, parent: str) -> bool:
    """Whether the gazetteer lists ``name`` as one of ``parent``'s names."""
    return gazetteer is not None and any(e.surface == name and e.canonical == parent and e.type == "company"
                                         for e in gazetteer.entries)


@code_rule
def part_phrase_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from "X became part of Y", "X is now part of Y": "part" as the attribute of a copula, with "of"."""
    for noun in tokens_where(doc, "DEP", ("attr",)):
        if noun.lower_ != "part" or lemma_word(noun.head) not in ("be", "become", "remain"):
            continue
        parents = [e for e in _prep_objects(noun, ("of",), refs) if e[0].label_ == COMPANY]
        for child, cv in subjects_of(noun.head, refs):
            for parent, pv in parents:
                yield Candidate(child, "part_of", parent, noun, "part.phrase", _conf("part.phrase", cv or pv))


#: What a part can belong to (the schema's targets of part_of).
PARENTS = (COMPANY, "ORGANIZATION")


@code_rule
def including_part_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from an organisation's name followed by the organisations it includes: "the British Armed
    Forces (including the British Army, the Royal Navy and the Royal Air Force)". The parser often hangs
    the later names of the list on the whole, as its conjuncts; they are read after "including" too."""
    for prep in tokens_where(doc, "DEP", ("prep",)):
        if prep.lower_ != "including":
            continue
        whole = refs.ent_containing(prep.head)
        if whole is None or whole.label_ not in PARENTS:
            continue
        parts = [e for g in prep.children if g.dep_ == "pobj" for e in entities_of(g, refs)]
        parts += [e for c in prep.head.children if c.dep_ == "conj" and c.i > prep.i for e in entities_of(c, refs)]
        for part, pv in _unique(parts):
            if part.label_ in PARENTS + ("PUBLICATION",) and part.root.i != whole.root.i:
                yield Candidate(part, "part_of", whole, prep, "part.including", _conf("part.including", pv))


#: Words that set two names against each other in a title: "Tessera-70B vs Llama 3.1 70B vs Qwen2-72B-Instruct".
VERSUS_WORDS = frozenset({"vs", "vs.", "versus", "v."})


@code_rule
def versus_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """competes_with between names of one type written with "vs" between them, read off the surface
    (the parser makes little of a headline): "A vs B vs C" (see :func:`_versus_pairs`)."""
    ents = list(refs.ents)
    run: list[Span] = []
    for k, ent in enumerate(ents):
        prev = ents[k - 1] if k else None
        gap = doc[prev.end: ent.start] if prev is not None else None
        if prev is not None and len(gap) == 1 and gap[0].lower_ in VERSUS_WORDS and prev.label_ == ent.label_ \
                and ent.label_ in (COMPANY, MODEL):
            run = (run or [prev]) + [ent]
            continue
        yield from _versus_pairs(run)
        run = []
    yield from _versus_pairs(run)


def _versus_pairs(run: list[Span]) -> Iterator[Candidate]:
    """The first name against each of the others: "A vs B vs C" sets A, the title's subject, against B and C."""
    for b in run[1:]:
        yield Candidate(run[0], "competes_with", b, run[0].root, "competition.versus", _conf("competition.versus", False))


#: Verbs that set one model against another in a benchmark by themselves: "A beat B", "A matched B", "A trails B"
COMPARING_VERBS = frozenset({"beat", "outperform", "outscore", "outdo", "outclass", "surpass", "match", "rival",
                             "trail", "edge", "top", "exceed", "overtake", "outrank", "best", "equal"})
#: Verbs that place a model in a ranking only with a phrase of place after them: "A scored ahead of B", "A remains behind B"
RANKING_VERBS = frozenset({"score", "rank", "finish", "come", "remain", "be", "sit", "stay", "land", "fall", "lag", "place"})
#: The phrases of place after a ranking verb, as lower-case words
RANKING_PHRASES = (("ahead", "of"), ("behind",), ("above",), ("below",), ("on", "par", "with"), ("competitive", "with"),
                   ("level", "with"), ("comparable", "to"), ("neck", "and", "neck", "with"))
#: Words that may stand between the subject, the verb, the phrase of place and the names: "also", "well ahead of", "just behind"
_DEGREE_WORDS = frozenset({"also", "still", "now", "already", "easily", "narrowly", "comfortably", "handily", "clearly",
                           "even", "well", "just", "slightly", "far", "only", "roughly", "largely", "consistently",
                           "out", "has", "have", "had", "reportedly", "generally", "way", "not", "n't", "never"})


@code_rule
def model_comparison_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """competes_with between models a benchmark comparison sets against each other: "A beat B and C",
    "A matched OpenAI's B", "A scored ahead of B, C and D", "A remains behind B", "A was competitive with B".

    The parser often misreads such sentences (a model name before "matched" taken for a modifier), so
    the rivals are read off the surface: the list of model names right after the verb (and its phrase
    of place), each name possibly after its maker's possessive; the subject is the verb's own (a
    pronoun for a model counts), else the model named right before the verb. Both ends must be models:
    "Acme beat estimates" or "Acme is behind OpenAI" (which backs it) are no rivalry.
    """
    earlier: tuple[int, list[tuple[Span, bool]]] = (-1, [])  # the last comparison's sentence and models
    for verb in tokens_where(doc, "LEMMA", tuple(sorted(COMPARING_VERBS | RANKING_VERBS))):
        if verb.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        if lemma_word(verb) in COMPARING_VERBS:
            start = _after_degree_words(doc, verb.i + 1)
        else:
            start = _after_ranking_phrase(doc, _after_degree_words(doc, verb.i + 1))
            if start is None:
                continue
        rivals = _models_listed_from(doc, start, refs)
        if not rivals:
            continue
        subjects = _comparison_subjects(verb, refs)
        if lemma_word(verb) in RANKING_VERBS:
            # "it's clearly behind X" in a review: the pronoun may mean any model the passage names
            subjects = [(s, v) for s, v in subjects if not v]
        if not subjects and earlier[0] == verb.sent.start and _continues_comparison(verb):
            subjects = earlier[1]  # "A beats B on coding but remains behind C": the conjunct's subject is A
        if subjects:
            earlier = (verb.sent.start, subjects)
        for subject, via in subjects:
            for rival in rivals:
                yield Candidate(subject, "competes_with", rival, verb, "competition.model_comparison",
                                _conf("competition.model_comparison", via))


#: Words that join a second comparison to the first, sharing its subject: "beats B but remains behind C"
_JOINING_WORDS = frozenset({"and", "but", "yet", "while", "though", "although", "it", ","})


def _continues_comparison(verb: Token) -> bool:
    """Whether a comparison follows another one in its sentence with only joining words between:
    "but remains behind", "though it remains behind" (the pronoun then means the model compared)."""
    doc, k = verb.doc, verb.i - 1
    while k >= 0 and doc[k].lower_ in _DEGREE_WORDS:
        k -= 1
    return k >= 0 and doc[k].lower_ in _JOINING_WORDS


def _after_degree_words(doc: Doc, k: int) -> int:
    """The index of the first word from ``k`` on that is not a degree word ("well", "just", "also")."""
    while k < len(doc) and doc[k].lower_ in _DEGREE_WORDS:
        k += 1
    return k


def _after_ranking_phrase(doc: Doc, k: int) -> int | None:
    """The index right after a phrase of place starting at ``k`` ("ahead of", "on par with"), else None."""
    for phrase in RANKING_PHRASES:
        words = [t.lower_ for t in doc[k: k + len(phrase)]]
        if tuple(words) == phrase:
            return _after_degree_words(doc, k + len(phrase))
    return None


def _models_listed_from(doc: Doc, k: int, refs: EntityRefs) -> list[Span]:
    """The models named in a list that starts at ``k``: "Llama 2 70B, Mistral AI's Mixtral 8x7B and Grok-1".
    A name may follow its maker's possessive; the list ends at the first word that is neither a name
    nor a list word."""
    out = []
    while k < len(doc):
        ent = refs.ent_containing(doc[k])
        if ent is not None and ent.start == k and ent.label_ in MAKERS and ent.end + 1 < len(doc) \
                and doc[ent.end].lower_ in ("'s", "\u2019s", "'"):
            k = ent.end + 1  # the maker's possessive: "OpenAI's GPT-4o"
            ent = refs.ent_containing(doc[k])
        if ent is None or ent.start != k or ent.label_ != MODEL:
            break
        out.append(ent)
        k = ent.end
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k < len(doc) and doc[k].lower_ in ("and", "or"):
            k += 1
    return out


def _comparison_subjects(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The models a comparison is about: the verb's subjects, else the model named right before it
    (with only degree words between) when the parser lost the subject ("that Ernie 4.0 matched GPT-4")."""
    found = [e for e in subjects_of(verb, refs) if e[0].label_ == MODEL] if verb.pos_ != "NOUN" else []
    if found:
        return found
    doc, k = verb.doc, verb.i - 1
    while k >= 0 and doc[k].lower_ in _DEGREE_WORDS:
        k -= 1
    ent = refs.ent_containing(doc[k]) if k >= 0 else None
    return [(ent, False)] if ent is not None and ent.label_ == MODEL and ent.end == k + 1 else []


#: Words of a release of weights after "made": "made Grok-1 public"
PUBLIC_WORDS = ("public", "open-source", "opensource")


@code_rule
def made_public_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from "X made Y public" and "Y, the model that X made public": the owner releases the weights.

    The parser hangs the name on "public" as often as on "made" ("Grok-1" the subject of "public"), so
    the made thing is read from both. In the relative form only the model the clause's noun describes is
    made public, not the names listed before it ("ahead of A, B and C, the model that X made public").
    """
    for state in tokens_where(doc, "LOWER", PUBLIC_WORDS):
        verb = state.head
        if lemma_word(verb) != "make" or state.dep_ not in ("oprd", "ccomp", "xcomp", "acomp", "dobj"):
            continue
        makers = [e for e in subjects_of(verb, refs) if e[0].label_ in MAKERS]
        if verb.dep_ == "relcl":
            named = _named_before_apposition(verb.head, refs)
            made = [(named, False)] if named is not None else []
        else:
            made = [e for c in list(verb.children) + list(state.children) if c is not state
                    and c.dep_ in ("dobj", "nsubj", "amod", "compound", "nmod") and c.i > verb.i
                    for e in entities_of(c, refs)]
        for maker, mv in _unique(makers):
            for thing, tv in _unique(made):
                if thing.label_ in (MODEL, "PRODUCT"):
                    yield Candidate(maker, "develops", thing, verb, "model.made_public", _conf("model.made_public", mv or tv))


def _named_before_apposition(noun: Token, refs: EntityRefs) -> Span | None:
    """The name a descriptive noun phrase stands in apposition to, read off the surface: the name right
    before the comma that opens the phrase ("A, B and Grok-1, the model that ..." describes Grok-1, wherever
    the parser hung the phrase), else the noun's own name."""
    doc, left = noun.doc, noun.left_edge.i
    if left >= 2 and doc[left - 1].text == ",":
        named = refs.ent_containing(doc[left - 2])
        if named is not None and named.end == left - 1:
            return named
    return refs.ent_containing(noun)


#: Superlatives a trade press uses for a company's newest release with no noun after them: "Initech's latest, Zephyr-4"
NEWEST_WORDS = ("latest", "newest")


@code_rule
def newest_release_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from "X's latest, Y" and "X's newest is Y": a superlative without a noun, owned by a
    company and followed by a model (after a comma, or "is"/"was"). Read off the surface: the parser
    takes the bare superlative for a modifier of whatever follows."""
    for word in tokens_where(doc, "LOWER", NEWEST_WORDS):
        k = word.i
        if k < 1 or k + 2 >= len(doc):
            continue
        owner = _owner_before(doc, k, refs)
        if owner is None:
            continue
        j = k + 1
        if doc[j].text == "," or doc[j].lower_ in ("is", "was"):
            j += 1
        else:
            continue  # "Initech's latest model": the noun rules read it
        model = refs.ent_containing(doc[j])
        if model is not None and model.start == j and model.label_ == MODEL:
            yield Candidate(owner[0], "develops", model, word, "model.newest_release", _conf("model.newest_release", owner[1]))


#: Nouns of the forms one release comes in: "released Gemma 2 in two sizes, Gemma 2 9B and Gemma 2 27B".
SIZE_NOUNS = ("size", "sizes", "version", "versions", "variant", "variants", "flavour", "flavours", "flavor",
              "flavors", "edition", "editions", "configuration", "configurations")


@code_rule
def sizes_release_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from "X released Y in two sizes, A and B": the models listed right after the sizes
    noun (after a comma or colon) are forms of what the subject released, so the subject makes each.
    The list is read off the surface; the parser hangs it anywhere."""
    release_verbs = _tables()["release_verbs"] | {"publish", "ship", "introduce", "debut", "open-source"}
    for noun in tokens_where(doc, "LOWER", SIZE_NOUNS):
        k = noun.i + 1
        prep, verb = noun.head, noun.head.head
        if k + 1 >= len(doc) or doc[k].text not in (",", ":") or prep.lower_ != "in" or noun.dep_ != "pobj" \
                or lemma_word(verb) not in release_verbs:
            continue
        makers = [e for e in subjects_of(verb, refs) if e[0].label_ in MAKERS]
        for maker, mv in _unique(makers):
            for model in _models_listed_from(doc, k + 1, refs):
                yield Candidate(maker, "develops", model, verb, "model.released_in_sizes", _conf("model.released_in_sizes", mv))


def _owner_before(doc: Doc, k: int, refs: EntityRefs) -> tuple[Span, bool] | None:
    """The company owning the word at ``k``: "Initech's" right before it, or "its" meaning a company."""
    before = doc[k - 1]
    if before.lower_ in ("'s", "\u2019s") and k >= 2:
        owner = refs.ent_containing(doc[k - 2])
        return (owner, False) if owner is not None and owner.label_ == COMPANY and owner.end == k - 1 else None
    if before.lower_ == "its":
        owner = refs.antecedent_of_type(before, (COMPANY,))
        return (owner, True) if owner is not None else None
    return None
