"""Broad fallbacks for partners and licences, read off the frame of a partnership or licence word.

Specific rules read one construction each ("A partnered with B", "A licenses X from B"); news brings many
more ("available through more than two dozen partners, naming A, B and C", "signed a memorandum of
understanding with B", "Qualcomm, one of its largest licensees"). These read only the frame:

- a partnership word (partner, partnership, alliance, collaboration, tie-up, memorandum of understanding,
  joint venture; "partnered/collaborates/is working/teamed (up)/joined forces with") names the partners in its
  phrase, in the list a "naming"/"including" clause beside it gives, or, owned by a possessor, the company it
  describes ("B, A's chip partner"); the other partner is the word's possessor, the clause's subject company,
  the company a report is from ("Meta says ..."), else the article's topic company;
- a licence word: the subject of "license" (or the owners of the products an "all of which" subject lists)
  takes a licence from the company after "from", the possessor of what it licenses ("license Arm's
  architecture") or the developer of the model it licenses; a licensee noun or "royalty payer" is licensed by
  its possessor ("Qualcomm, one of its largest licensees"); "pays royalties to B".

A company read through coreference counts only when it is the article's topic company, or, for "its", the
sentence's own subject (coreference reads "the chipmaker" as a rival named before often enough to matter for a
rule that trusts no construction). Like :mod:`extract.relations.fallback_frames` these run after every rule and
add only a pair no other rule related in the sentence.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..rules import code_rule
from ..tokens import lemma_word, tokens_where
from .core import COMPANY, Candidate, _conf, _name_key, subjects_of
from .fallback_frames import LISTING_VERBS, REPORTING_LEMMAS, TOPIC_STAND_INS, related_pairs, topic_company

PARTNERS_RULE = "partnership.frame_partners"
LICENSOR_RULE = "licensing.frame_licensor"

#: Nouns whose phrase names partners: "partnerships with A and B", "a tie-up with B", "partners such as A".
PARTNER_NOUNS = frozenset({"partner", "partnership", "alliance", "collaboration", "cooperation", "tie-up",
                           "memorandum", "venture"})

#: Verbs whose "with" phrase names a partner: "partnered with B", "is working with B", "teamed (up) with B",
#: "joined forces with B".
PARTNER_VERBS = frozenset({"partner", "collaborate", "cooperate", "team", "ally", "work", "join"})

#: Verbs of a clause beside a partner noun that list the partners: "..., naming A, B and C among them".
NAMING_VERBS = frozenset({"name", "include", "list", "cite"})

#: Modifiers of "partner" that make it a person's title ("managing partner at Sequoia").
TITLE_MODIFIERS = frozenset({"managing", "general", "founding", "senior", "junior", "limited", "operating",
                             "venture", "former", "equity"})

#: Licence words: verbs and the nouns of a licence taken ("under a licence from B").
LICENCE_LEMMAS = ("license", "licence", "licensee", "royalty")

#: Nouns of a company that holds a licence: "Qualcomm, one of its largest licensees"; "royalty payers".
LICENSEE_NOUNS = frozenset({"licensee", "payer"})


def _company(token: Token, refs: EntityRefs, topic: Span | None = None, strict: bool = False) -> Span | None:
    """The company ``token`` names, or stands for ("its", "the chipmaker"), or ``None``; with ``strict``, a
    description or pronoun counts only when it stands for the article's topic company (coreference picks a
    wrong company too often for a fallback to trust it: "the chipmaker" read as the rival named before)."""
    ent = refs.entity_for(token)
    if ent is None or ent.label_ != COMPANY:
        return None
    if strict and refs.ent_containing(token) is None and (topic is None or _name_key(ent) != _name_key(topic)):
        return None
    return ent


def _companies_under(top: Token, skip: set[int]) -> list[Span]:
    """The companies named in ``top``'s phrase, without crossing a verb and without the tokens ``skip``."""
    doc = top.doc
    wanted = {t.i for t in top.subtree if t.i not in skip and (t.i == top.i or not _verb_between(t, top))}
    return [e for e in doc.ents if e.label_ == COMPANY and e.root.i in wanted]


def _verb_between(token: Token, top: Token) -> bool:
    """Whether a verb lies on the way up from ``token`` to ``top`` ("centres run by A" names no partner of
    the word above it); "including", "such as" are prepositions however the tagger reads them."""
    while token.i != top.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("ROOT", "prep"):
            return True
        token = token.head
    return False


def _phrase_region(word: Token) -> list[Token]:
    """The tokens that may name a partnership word's partners: its phrase, and for a noun that is the subject
    or predicate of a listing verb ("its partners include A and B", "A and B are partners") the whole clause."""
    top = word
    if word.pos_ == "NOUN" and word.dep_ in ("nsubj", "nsubjpass", "attr") and lemma_word(word.head) in LISTING_VERBS:
        top = word.head
    return [t for t in top.subtree if t.i == top.i or t.i == word.i or not _verb_between(t, top)]


def _clause_verb(word: Token) -> Token:
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _named_list(word: Token) -> list[Span]:
    """Companies a "naming"/"including" clause beside ``word`` lists: "through two dozen partners, naming A and B"."""
    verb = _clause_verb(word)
    out = []
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp", "conj") and child.pos_ == "VERB" and lemma_word(child) in NAMING_VERBS:
            for obj in child.children:
                if obj.dep_ == "dobj":
                    out += _companies_under(obj, set())
    return out


def _is_title(word: Token) -> bool:
    """ "Managing Partner at Haverford", "a partner at the firm": a person's job, not a company's partner."""
    if lemma_word(word) != "partner":
        return False
    if any(lemma_word(c) in TITLE_MODIFIERS for c in word.children if c.dep_ in ("amod", "compound")):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "at" for c in word.children):
        return True
    head = word.head if word.dep_ in ("appos", "attr", "conj") else None
    return head is not None and head.ent_type_ == "PERSON"


def _owner(word: Token, refs: EntityRefs, topic: Span | None) -> Span | None:
    """The company whose partner (or licensor) the word names: its possessor, the name it is in apposition
    to, the clause's subject company, the company a report is from; the topic when the subject stands for it."""
    for child in word.children:
        if child.dep_ == "poss":
            return _company(child, refs, topic, strict=True) or _subject_of_own_sentence(child, refs)
    named = _naming_compound(word, refs)
    if named is not None:
        return named  # "A, B and C are Oracle partners": Oracle's, not each other's
    if any(c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_) for c in word.children):
        return None  # a name we did not type owns them ("A and B are Brisco partners"): not the subject's partners
    if word.dep_ == "appos":
        return _company(word.head, refs, topic, strict=True)
    verb = _clause_verb(word)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = [e for e, via in subjects_of(verb, refs) if e.label_ == COMPANY and _trusted(e, via, topic)] \
        if verb.pos_ in ("VERB", "AUX") else []
    if found:
        return found[0]
    root = word.sent.root
    if lemma_word(root) in REPORTING_LEMMAS and root.i != verb.i:  # "Meta says Llama is available through partners ..."
        found = [e for e, via in subjects_of(root, refs) if e.label_ == COMPANY and _trusted(e, via, topic)]
        if found:
            return found[0]
        return None
    if subjects and not all(lemma_word(c) in TOPIC_STAND_INS or c.lower_ in TOPIC_STAND_INS for c in subjects):
        return None  # a clause about something else ("the chips are sold through partners")
    return topic


def _naming_compound(word: Token, refs: EntityRefs) -> Span | None:
    """The company named as a compound of a partner noun ("Oracle partners", "an Nvidia partnership"): like a
    possessor, it is the company whose partners the noun names."""
    for child in word.children:
        ent = refs.ent_containing(child) if child.dep_ == "compound" else None
        if ent is not None and ent.label_ == COMPANY:
            return ent
    return None


def _subject_of_own_sentence(pronoun: Token, refs: EntityRefs) -> Span | None:
    """The company "its" stands for when that company is a subject of the same sentence ("A ended *its*
    partnership with B", "A said B was one of *its* launch partners"): the reading coreference rarely misses."""
    if pronoun.lower_ not in ("its", "their"):
        return None
    ent = refs.entity_for(pronoun)
    if ent is None or ent.label_ != COMPANY or ent.sent.start != pronoun.sent.start or ent.start > pronoun.i:
        return None
    return ent if ent.root.dep_ in ("nsubj", "nsubjpass") else None


def _trusted(ent: Span, via_coref: bool, topic: Span | None) -> bool:
    """A company read through coreference is trusted only when it is the article's topic company."""
    return not via_coref or (topic is not None and _name_key(ent) == _name_key(topic))


def _partner_word(token: Token) -> bool:
    """Whether ``token`` is a partnership word in use: a partner noun (not a title, not part of a name), a
    memorandum of understanding, a joint venture, or a partner verb with a "with" phrase."""
    if token.ent_type_:
        return False
    lemma = lemma_word(token)
    if token.pos_ == "NOUN" and lemma in PARTNER_NOUNS:
        if lemma == "venture":
            return any(c.lower_ == "joint" for c in token.children)
        if lemma == "memorandum":
            return any(c.lower_ == "of" for c in token.children)
        return not _is_title(token) and token.dep_ != "compound"
    if token.pos_ == "VERB" and lemma in PARTNER_VERBS:
        if lemma == "join" and not any(c.dep_ == "dobj" and c.lower_ == "forces" for c in token.children):
            return False  # "joined Google with ...": only "joined forces with B" is a partnership
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
    return False


def _partners_of(word: Token, refs: EntityRefs, topic: Span | None) -> list[Span]:
    """The companies a partnership word names as partners: in its phrase (a verb's "with" phrase), or in
    a naming clause beside it."""
    if word.pos_ == "VERB":
        out = []
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        named = _companies_under(obj, set())
                        company = _company(obj, refs, topic, strict=True) if not named else None
                        out += named + ([company] if company is not None else [])
        return out
    # "its partners include A and B", "A and B are partners": the listing verb's clause names them
    owner_tokens = {t.i for c in word.children if c.dep_ == "poss" for t in c.subtree}
    named = _naming_compound(word, refs)
    if named is not None:  # "A, B and C are Oracle partners": Oracle is whose partners they are, not one of them
        owner_tokens |= set(range(named.start, named.end))
    region = {t.i for t in _phrase_region(word)} - owner_tokens
    described = _described_by(word, refs) if owner_tokens else []  # "B, A's chip partner", "B is one of its partners"
    return [e for e in word.doc.ents if e.label_ == COMPANY and e.root.i in region] + _named_list(word) + described


def _between(word: Token) -> list[Span]:
    """The companies after "between"/"among" on a partnership noun: "the alliance between A and B"."""
    return [e for p in word.children if p.dep_ == "prep" and p.lower_ in ("between", "among")
            for o in p.children if o.dep_ == "pobj" for e in _companies_under(o, set())] if word.pos_ == "NOUN" else []


def partner_candidates(doc: Doc, refs: EntityRefs, topic: Span | None = None) -> Iterator[Candidate]:
    """partners_with between a partnership word's owner and each partner it names (no guard)."""
    conf = _conf(PARTNERS_RULE, False)
    lemmas = tuple(sorted(PARTNER_NOUNS | PARTNER_VERBS))
    for word in tokens_where(doc, "LEMMA", lemmas):
        if not _partner_word(word):
            continue
        if len(_between(word)) > 1:
            # "the collaboration between A and B": they are the partners, not the clause's subject with them; the
            # specific rule (noun.between) and the deal frames read that pairing
            continue
        partners = _partners_of(word, refs, topic)
        if not partners:
            continue
        owner = _owner(word, refs, topic)
        if owner is None:
            continue
        for partner in partners:
            if _name_key(partner) != _name_key(owner):
                yield Candidate(owner, "partners_with", partner, word, PARTNERS_RULE, conf)


def _company_after(head: Token, words: tuple[str, ...], refs: EntityRefs) -> Span | None:
    """The first company in a phrase that starts with one of ``words`` on ``head``: "licenses it *from B*",
    "pays royalties *to B*" (the parse may hang the name lower: "from Sonnet Systems runs ...")."""
    for prep in head.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in words:
            for obj in prep.children:
                company = _company(obj, refs)
                if company is None:
                    company = next(iter(_companies_under(obj, set())), None)
                if company is not None:
                    return company
    return None


def _owner_of_made(ent: Span, refs: EntityRefs, developers: dict[str, Span]) -> Span | None:
    """The company a model or product belongs to: its possessor ("Google's Axion"), else its developer
    as another rule read it ("Kelvinmark released Kelvin-2")."""
    possessor = _possessor_company(ent.root, refs)
    return possessor if possessor is not None else developers.get(_name_key(ent))


def _possessor_company(noun: Token, refs: EntityRefs) -> Span | None:
    """The company that owns what is licensed: "Arm's architecture", "the start-up's models"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return _company(child, refs)
    return None


def _licensed_thing_owner(verb: Token, refs: EntityRefs, developers: dict[str, Span]) -> Span | None:
    """The licensor a licence verb's object names: the company licensed, the possessor of what is licensed,
    the developer of the model licensed ("agreed to license Kelvin-2")."""
    for obj in verb.children:
        if obj.dep_ == "dobj":
            ent = refs.ent_containing(obj)
            if ent is not None and ent.label_ in ("MODEL", "PRODUCT"):
                return _owner_of_made(ent, refs, developers)
            return _possessor_company(obj, refs) or _company(obj, refs)
    return None


def _licensees(verb: Token, refs: EntityRefs) -> list[Span]:
    """The companies that take a licence: the subjects of the verb, or the companies owning the products
    that are its subjects ("Amazon's Graviton and Google's Axion, all of which license Arm's architecture")."""
    out = []
    listed = _quantified_relative_list(verb)
    if listed:
        # "citing Amazon's Graviton, Google's Axion and Microsoft's Cobalt, all of which license Arm's designs"
        owners = [_possessor_company(t, refs) or _company(t, refs) for t in listed]
        return [o for o in owners if o is not None]
    for ent, via in subjects_of(verb, refs):
        if ent.label_ == COMPANY:
            out.append(ent)
        elif ent.label_ in ("MODEL", "PRODUCT") and not via:
            owner = _possessor_company(ent.root, refs)
            if owner is not None:
                out.append(owner)
    return out


#: Quantifiers of a relative subject that stands for a whole list: "A, B and C, *all of which* license ...".
LIST_QUANTIFIERS = frozenset({"all", "both", "each"})


def _quantified_relative_list(verb: Token) -> list[Token]:
    """The listed tokens an "all of which" subject of ``verb`` stands for: the coordinated list that ends
    just before ", all of which", each conjunct once."""
    doc = verb.doc
    for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in LIST_QUANTIFIERS):
        relative = [o for p in subject.children if p.lower_ == "of" for o in p.children if o.lower_ in ("which", "whom")]
        if not relative or subject.i < 2 or doc[subject.i - 1].text != ",":
            continue
        last = doc[subject.i - 2]
        first = last
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        listed = [first] + [t for t in first.subtree if t.dep_ == "conj" and t.i <= last.i]
        if len(listed) > 1:
            return listed
    return []


def licence_candidates(doc: Doc, refs: EntityRefs, developers: dict[str, Span] | None = None) -> Iterator[Candidate]:
    """licenses_from read off a licence word (no guard); ``developers`` maps a model's name key to its maker."""
    conf = _conf(LICENSOR_RULE, False)
    developers = developers or {}
    for word in tokens_where(doc, "LEMMA", LICENCE_LEMMAS + tuple(LICENSEE_NOUNS)):
        if word.ent_type_:
            continue
        lemma = lemma_word(word)
        if word.dep_ == "pcomp" and word.head.lower_ == "about" and word.tag_ == "VBG":
            continue  # "approached IAC about licensing its archives": the topic of talks, not a licence
        if word.pos_ == "VERB" and lemma in ("license", "licence"):
            licensees = _licensees(word, refs)
            licensor = _company_after(word, ("from",), refs) or _licensed_thing_owner(word, refs, developers)
        elif word.pos_ == "NOUN" and lemma in LICENSEE_NOUNS:
            if lemma == "payer" and not any(lemma_word(c) == "royalty" for c in word.children):
                continue
            licensor = _possessor_company(word, refs)
            licensees = _described_by(word, refs)
        elif word.pos_ == "NOUN" and lemma in ("license", "licence", "royalty"):
            # "took a licence from B", "under a licence from B", "pays royalties to B"; "the tool that A
            # licenses from B" with "licenses" read as a noun and A as its compound
            verb = _clause_verb(word)
            if lemma == "royalty":
                licensor = _company_after(word, ("to",), refs) or \
                    (_company_after(verb, ("to",), refs) if word.dep_ == "dobj" else None)
            else:
                licensor = _company_after(word, ("from",), refs)
            compound = [e for c in word.children if c.dep_ in ("compound", "nsubj") for e in [_company(c, refs)] if e is not None]
            named_verb = refs.ent_containing(word.head) if word.dep_ == "dobj" else None
            if named_verb is not None and named_verb.label_ == COMPANY and lemma != "royalty":
                # "models that Helioform licenses from B" with the name read as the verb, "licenses" as its object
                compound = compound or [named_verb]
                licensor = licensor or _company_after(word.head, ("from",), refs)
            licensees = compound or (_licensees(verb, refs) if verb.pos_ in ("VERB", "AUX") else [])
        else:
            continue
        if licensor is None:
            continue
        for licensee in licensees:
            if _name_key(licensee) != _name_key(licensor):
                yield Candidate(licensee, "licenses_from", licensor, word, LICENSOR_RULE, conf)


def _described_by(noun: Token, refs: EntityRefs) -> list[Span]:
    """The companies a licensee noun describes: "Qualcomm, one of its licensees", "Qualcomm is a licensee"."""
    top = noun
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lower_ == "one":
        top = top.head.head
    if top.dep_ == "appos":
        company = _company(top.head, refs)
        return [company] if company is not None else []
    if top.dep_ == "attr":
        return [e for e, _ in subjects_of(top.head, refs) if e.label_ == COMPANY]
    return []


def model_developers(existing: Iterable[Candidate]) -> dict[str, Span]:
    """The developer company of each model or product another rule read, by the model's name key."""
    return {_name_key(c.target): c.source for c in existing if c.relation == "develops" and c.source.label_ == COMPANY}


def same_family(a: str, b: str) -> bool:
    """Whether one company name key is the other's first words: a unit named after its parent ("amazon" and
    "amazon web services", "google" and "google cloud") is one corporate family, not two partners.

    >>> same_family("amazon", "amazon web services"), same_family("general motors", "general electric")
    (True, False)
    """
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return shorter != longer and longer[:len(shorter)] == shorter


def frame_candidates(doc: Doc, refs: EntityRefs, existing: list[Candidate]) -> Iterator[Candidate]:
    """Every partners_with and licenses_from the frames give, whether or not another rule related the pair."""
    topic = topic_company(doc)
    units = {frozenset((_name_key(c.source), _name_key(c.target))) for c in existing if c.relation == "part_of"}
    for c in list(partner_candidates(doc, refs, topic)) + list(licence_candidates(doc, refs, model_developers(existing))):
        source, target = _name_key(c.source), _name_key(c.target)
        if frozenset((source, target)) not in units and not same_family(source, target):
            yield c  # a unit and its parent ("Amazon" and "AWS") are one company, not partners


@code_rule
def partner_frame_relations(doc: Doc, refs: EntityRefs, existing: Iterable[Candidate] = ()) -> Iterator[Candidate]:
    """partners_with and licenses_from read off a partnership or licence word, for pairs no other rule related."""
    existing = list(existing)
    related = related_pairs(existing)
    for c in list(frame_candidates(doc, refs, existing)):
        pair = (c.trigger.sent.start, frozenset((_name_key(c.source), _name_key(c.target))))
        if pair not in related:
            related.add(pair)
            yield c
