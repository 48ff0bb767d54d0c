"""Noun rules: nominalised triggers ("Microsoft's investment in OpenAI", "the partnership between A and B"),
role nouns ("OpenAI, the maker of ChatGPT", "rivals such as A and B"), stakes, funding rounds and their
investors, and membership in another company's role list.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..lexicon import words
from ..records import SYMMETRIC_RELATIONS
from ..rules import code_rule
from ..tokens import lemma_word, tokens_where, word_children
from .core import (
    COMPANY,
    PERSON,
    NOUN_PREPS,
    OBJECT_PREPS,
    ROLE_NOUNS,
    SUPPORT_VERBS,
    Candidate,
    _agents,
    _conf,
    _is_passive,
    _is_possessive,
    _name_key,
    _named_after,
    _oriented,
    _possessors,
    _prep_objects,
    _states_money,
    _tables,
    _unique,
    entities_of,
    subjects_of,
    surface_list,
)


#: Role nouns whose compounded name is the other party: "an OpenAI rival", "an Nvidia investor", "a Google partner"
COMPOUND_ROLES = frozenset({"competes_with", "invests_in", "partners_with"})

#: Entity types a part noun's name or parent may have (a place in "its US team" is no unit's name)
PARTIES = (COMPANY, "ORGANIZATION", "PUBLICATION")

#: A company's investment vehicle is part of it, like a unit: "CapitalG, Alphabet's independent growth fund"
FUND_NOUNS = frozenset({"fund"})


@code_rule
def noun_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Nominalisations ("its investment in OpenAI"), role nouns ("the maker of ChatGPT") and
    symmetric nouns between two parties ("the collaboration between Microsoft and OpenAI",
    "the Microsoft-OpenAI relationship")."""
    tables = _tables()
    for noun in tokens_where(doc, "POS", ("NOUN", "PROPN")):
        if refs.ent_containing(noun) is not None:
            continue
        word = lemma_word(noun)
        if word in tables["between"]:
            yield from _between(noun, tables["between_relations"].get(word, "partners_with"), refs)
        if word in ROLE_NOUNS or word in tables["part_of_nouns"] or word in FUND_NOUNS:
            yield from _role_noun(noun, ROLE_NOUNS.get(word, "part_of"), refs)
            if word in ROLE_NOUNS:
                continue
        for relation in tables["nouns"].get(word, ()):
            yield from _nominal(noun, relation, refs)


def _between(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    parties = _prep_objects(noun, ("between", "among"), refs)
    rule = "noun.between"
    if len(parties) < 2:
        # "the Microsoft-OpenAI relationship": two entities compounded on the noun
        parties = _unique([(refs.ent_containing(c), False) for c in noun.subtree
                           if c.i < noun.i and c.dep_ in ("compound", "nmod", "amod") and refs.ent_containing(c) is not None])
        rule = "noun.hyphen_pair"
    for k, (a, av) in enumerate(parties):
        for b, bv in parties[k + 1:]:
            yield Candidate(a, relation, b, noun, rule, _conf(rule, av or bv))


def _noun_agents(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Who does what an event noun names: "its investment", "investment by X", "X announced a partnership"."""
    agents = _possessors(noun, refs) + _agents(noun, refs)
    for child in word_children(noun):
        if child.dep_ == "compound" and refs.ent_containing(child) is not None:
            agents.append((refs.ent_containing(child), False))
    if not agents and noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in SUPPORT_VERBS:
        agents = subjects_of(noun.head, refs)
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into") else noun
    for _ in range(2):
        # the "in" phrase may hang on the verb's object ("brings ChatGPT to Siri in partnership with X")
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb or verb.dep_ not in ("pobj", "prep", "dobj", "dative"):
            break
        verb = verb.head
    if not agents and verb is not noun and verb.pos_ in ("VERB", "AUX"):
        # "puts Siemens in closer competition with X", "Apple brings ChatGPT to Siri in partnership with OpenAI"
        agents = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs) if e[0].label_ == COMPANY]
        agents = agents or subjects_of(verb, refs)
    if not agents and noun.dep_ == "pobj" and noun.head.lower_ == "under":
        # "MAI-1 is a model under development by Microsoft": "by" may hang on the modified noun
        agents = _agents(noun.head.head, refs)
    return _unique(agents)


def _nominal(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    agents = _noun_agents(noun, refs)
    themes = _prep_objects(noun, NOUN_PREPS.get(relation, OBJECT_PREPS.get(relation, ())), refs)
    if not themes and relation == "invests_in" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        # "holds stakes in dozens of startups", "in which it holds a stake": the phrase may hang on the verb
        themes = _prep_objects(noun.head, OBJECT_PREPS["invests_in"], refs)
    if relation == "leads" and noun.dep_ == "pobj" and noun.head.lower_ == "under":
        # "under the leadership of X, Microsoft ..." : X works for the company whose action it is
        leaders = _prep_objects(noun, ("of",), refs) + _possessors(noun, refs)
        clause = noun.head.head
        for person, pv in leaders:
            for org, ov in subjects_of(clause, refs):
                yield Candidate(person, "works_for", org, noun, "noun.nominal", _conf("noun.nominal", pv or ov))
        return
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and not themes:
        # "X is under development": the theme is what the "under" phrase modifies
        themes = entities_of(noun.head.head, refs)
    if relation == "works_for" and not agents:
        # "who brings his experience at Google": the prepositions may hang on the verb
        themes = themes or _prep_objects(noun.head, ("at", "with"), refs)
        if noun.dep_ == "dobj":
            agents = subjects_of(noun.head, refs)
    if relation == "works_for" and not themes and noun.dep_ == "dobj":
        themes = _prep_objects(noun.head, ("at", "with"), refs)
    if relation == "acquires":
        from ..deals.parts_bought import sells_a_part  # (extract.deals imports the relation rules)
        if sells_a_part(noun, refs):
            themes = []  # (acq8) "the purchase of two products from Software AG": a part sold, no company bought
    if relation == "licenses_from":
        themes = _prep_objects(noun, ("from", "with"), refs)
        # "took a licence to the startup's technology"
        preps = [c for c in word_children(noun) if c.dep_ == "prep" and c.lower_ in ("to", "for", "on")]
        if noun.dep_ == "dobj":
            preps += [c for c in noun.head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
        themes += [e for c in preps for g in c.children if g.dep_ == "pobj" for e in _possessors(g, refs)]
        licensors = _compounded_licensors(noun, refs)
        if licensors and not themes:
            # "its own Arm licence", "Nuvia's Arm licence": the company named on a licence granted it
            agents = [(a, av) for a, av in agents if not any(a == b for b, _ in licensors)]
            themes = licensors
        clause = next((c for c in noun.children if c.dep_ == "relcl"), None)
        if clause is not None and not (themes and agents):
            # "the architecture licence Nuvia held from Arm": the clause names holder and licensor, and states
            # the holding (the verb of the main clause, "... did not pass to Qualcomm", says nothing of it)
            for a, av in agents or subjects_of(clause, refs):
                for t, tv in themes or _prep_objects(clause, ("from",), refs):
                    yield _oriented(a, relation, t, clause, "noun.nominal", _conf("noun.nominal", av or tv))
            return
    if relation in SYMMETRIC_RELATIONS and not themes and len(agents) >= 2:
        # "Cohere and Fujitsu announced a partnership"
        for k, (a, av) in enumerate(agents):
            for b, bv in agents[k + 1:]:
                yield Candidate(a, relation, b, noun, "noun.nominal", _conf("noun.nominal", av or bv))
        return
    for a, av in agents:
        for t, tv in themes:
            yield _oriented(a, relation, t, noun, "noun.nominal", _conf("noun.nominal", av or tv))


def _compounded_licensors(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Companies named on a licence noun ("an Arm licence", "its Qualcomm patent licence"): who granted it."""
    found = [refs.ent_containing(c) for c in word_children(noun) if c.dep_ == "compound" and c.i < noun.i]
    return _unique([(e, False) for e in found if e is not None and e.label_ == COMPANY])


def _unowned_role_list(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    """ "a clause aimed at rivals such as Google and ByteDance", "available through partners including A and B".

    A plural role noun with no owner of its own ("its rivals", "rivals of X") that lists its
    members names the roles they hold towards the company the sentence is about: the subject
    of the sentence when it is a company, else the company the article is about.
    """
    if relation not in ("competes_with", "partners_with", "invests_in") or noun.tag_ not in ("NNS", "NNPS"):
        return
    kids = word_children(noun)
    if any(_is_possessive(c) or c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ in ("of", "to", "with", "for", "in"))
           for c in kids):
        return
    if not any(c.dep_ == "prep" and c.lower_ in ("including", "like", "such", "as") for c in kids):
        return
    members = [e for e in entities_of(noun, refs) if e[0].label_ == COMPANY]
    if not members:
        return
    root = noun.sent.root
    topic = [e for e in subjects_of(root, refs) if e[0].label_ == COMPANY] if root != noun else []
    if not topic:
        ent = refs.salient_entity(noun, (COMPANY,))
        topic = [(ent, True)] if ent is not None else []
    member_keys = {(e.start, e.end) for e, _ in members}
    for t, tv in topic:
        if (t.start, t.end) in member_keys:
            continue
        for m, mv in members:
            yield Candidate(m, relation, t, noun, "role_noun.unowned_list", _conf("role_noun.unowned_list", True))


def _named_for_another(unit: Span, owner: Span, refs: EntityRefs) -> bool:
    """Whether a unit's name opens with the name of a company other than ``owner`` that the text names
    ("AMD Ventures, the investment arm of the U.S. chipmaker": the arm is AMD's, whatever company coreference
    takes "the chipmaker" for)."""
    if len(unit) < 2:
        return False
    owner_key = _name_key(owner)
    return any(e.label_ == COMPANY and len(e) < len(unit) and e.text == unit[:len(e)].text
               and _name_key(e) != owner_key for e in refs.ents)


def _role_noun(noun: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    """ "OpenAI, the maker of ChatGPT", "Google's rival Microsoft", "DeepMind, a unit of Alphabet"."""
    yield from _unowned_role_list(noun, relation, refs)
    holders = []
    holder = refs.entity_for(noun)
    named_unit = _possessed_unit_name(noun, relation, refs)
    if named_unit is not None:
        holders = [(named_unit, False)]  # "its Fjordline unit", "Sega's Sonic Team division": the unit is the name
    elif holder is not None and not _own_part_phrase(noun, relation, refs):
        holders = [(holder, refs.ent_containing(noun) is None)]
    elif noun.dep_ in ("attr",):
        holders = subjects_of(noun.head, refs)
    elif _conjoined_attribute(noun):
        # "X is a logistics company founded in 1974 and a subsidiary of Y": the second predicate noun
        # describes the same subject as the first
        holders = subjects_of(_conjoined_attribute(noun).head, refs)
    for child in noun.children:
        if child.dep_ == "appos" and refs.ent_containing(child) is not None and not _list_after_singular(noun, child):
            holders.append((refs.ent_containing(child), False))
            if noun.tag_ in ("NNS", "NNPS"):
                # "its subsidiaries PSA Airlines, Inc. and Piedmont Airlines, Inc.": each listed name
                holders += [(m, False) for m in surface_list(refs.ent_containing(child), refs)]
    if noun.tag_ in ("NNS", "NNPS"):
        # "Salesforce's largest competitors in CRM software, among them Microsoft, Oracle and SAP"
        holders += [(m, v) for e, v in _named_after(noun, refs) for m in [e] + surface_list(e, refs)]
    head_ent = refs.ent_containing(noun.head) if noun.dep_ == "appos" else None
    if head_ent is not None and head_ent.end + 1 == noun.left_edge.i and noun.doc[head_ent.end].text == ",":
        holders.append((head_ent, False))  # "Microsoft, OpenAI's largest investor"
    elif head_ent is not None and noun.tag_ in ("NNS", "NNPS"):
        holders += _listed_before_plural(noun, head_ent, refs)  # "Intel and AMD, Qualcomm's rivals"
    if noun.dep_ == "compound" and refs.ent_containing(noun.head) is not None:
        holders.append((refs.ent_containing(noun.head), False))  # "rival Microsoft"
    if not holders:
        holders = _surface_apposition(noun, refs)  # "funding the business of Cruise, its self-driving unit,"
    others = _possessors(noun, refs) + _prep_objects(noun, OBJECT_PREPS.get(relation, ("of",)) + ("of",), refs)
    if noun.dep_ == "compound" and refs.ent_containing(noun.head) is not None and not others:
        # "Telekom's Swiss rival Swisscom": the parser hangs the possessive on the name, not the noun
        others = [(e, v) for e, v in _possessors(noun.head, refs) if e.label_ != PERSON]
    if not others and relation in COMPOUND_ROLES:
        # "Anthropic, an OpenAI rival", "Thrive, an OpenAI investor": the name compounded on the role noun
        others = [(refs.ent_containing(c), False) for c in word_children(noun)
                  if c.dep_ in ("compound", "nmod") and c.i < noun.i and refs.ent_containing(c) is not None]
    if lemma_word(noun) in _tables()["parent_compound_nouns"] and not _possessors(noun, refs):
        # "the Amazon unit": the compounded company is the parent (not in "its Fjordline unit", "its US unit")
        others += [(refs.ent_containing(c), False) for c in word_children(noun)
                   if c.dep_ == "compound" and refs.ent_containing(c) is not None]
    inverse = relation == "part_of_inverse"
    rel = "part_of" if inverse else relation
    if rel == "invests_in" and noun.dep_ == "attr" and holders and not others:
        yield from _unnamed_stake(noun, holders, refs)
    for h, hv in _unique(holders):
        for o, ov in _unique(others):
            if rel == "part_of" and not inverse and ov and _named_for_another(h, o, refs):
                continue
            if inverse:
                yield Candidate(o, rel, h, noun, "role_noun.of", _conf("role_noun.of", hv or ov))
            else:
                yield Candidate(h, rel, o, noun, "role_noun.of", _conf("role_noun.of", hv or ov))


def _surface_apposition(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The name a role noun's phrase is set off after by commas, when the parser hung the phrase elsewhere: in
    "would stop funding the robotaxi business of Cruise, its San Francisco self-driving unit, and fold ..." the
    phrase between the commas describes Cruise, though the parse makes "unit" an object of "stop"."""
    doc, left, right = noun.doc, noun.left_edge.i, noun.right_edge.i
    if left < 2 or doc[left - 1].text != "," or right + 1 >= len(doc) or doc[right + 1].text not in (",", ".", ";"):
        return []
    name = refs.ent_containing(doc[left - 2])
    if name is None or name.end != left - 1 or name.label_ not in PARTIES:
        return []
    return [(name, False)]


def _possessed_unit_name(noun: Token, relation: str, refs: EntityRefs) -> Span | None:
    """The company named on a possessed part noun, which is the part's own name, not its parent: in "its Fjordline
    unit", "Sega's Sonic Team division", "Activision's King unit" the possessor owns the part and the compounded
    name is the part (only "the Amazon unit", without a possessor, names the parent in the compound)."""
    if relation not in ("part_of", "part_of_inverse") or not _possessors(noun, refs):
        return None
    names = [refs.ent_containing(c) for c in word_children(noun) if c.dep_ == "compound" and c.i < noun.i]
    names = [e for e in names if e is not None and e.label_ in PARTIES]
    return names[-1] if len(names) == 1 or (names and all(n == names[0] for n in names)) else None


def _own_part_phrase(noun: Token, relation: str, refs: EntityRefs) -> bool:
    """Whether a part noun names, in its own "of"/"at" phrase, the company it is part of ("the team at Fenwick",
    "the AI group at Intel", "the robotaxi business of Cruise"): the phrase is a new part of that company, not a
    second mention of a company named before it, so its coreference is no holder ("The chips come from Ravelle,
    but were designed by the team at Fenwick" does not make Ravelle part of Fenwick)."""
    if relation != "part_of":
        return False
    return any(e.label_ in PARTIES for e, _ in _prep_objects(noun, ("of", "at"), refs))


def _list_after_singular(noun: Token, child: Token) -> bool:
    """Whether an apposition the parser hung on a singular role noun is the next items of a list, not the noun's
    name: one unit cannot be two companies ("BlackRock, its GIP unit, Microsoft and MGX" lists four parties)."""
    return noun.tag_ in ("NN", "NNP") and any(c.dep_ == "conj" for c in child.children)


def _listed_before_plural(noun: Token, head_ent: Span, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The names of a coordination a plural role noun stands in apposition to, right after its comma: "Intel and
    AMD, Qualcomm's rivals in PC processors" says each of them is a rival."""
    listed = [head_ent] + surface_list(head_ent, refs)
    last = max(e.end for e in listed)
    if last + 1 != noun.left_edge.i or noun.doc[last].text != "," or len(listed) < 2:
        return []
    return [(e, False) for e in listed]


def _conjoined_attribute(noun: Token) -> Token | None:
    """The copula's predicate noun that ``noun`` is conjoined to ("a maker of chips and a *unit* of Y"),
    or None; only across "and", so that "a rival or a partner of Y" stays unread."""
    first = noun.head
    if noun.dep_ != "conj" or first.dep_ != "attr" or first.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children):
        return None
    return first


def _investees(sent: Span, refs: EntityRefs, *, skip: Token | None = None) -> list[tuple[Span, bool]]:
    """Companies a sentence says money goes into: "invest up to $2bn in the company", "its investment
    in X", "X's only backer", "a shareholder in X" (whether or not the sentence denies the holder)."""
    tables, out = _tables(), []
    preps = OBJECT_PREPS["invests_in"]
    for tok in sent:
        if tok is skip or refs.ent_containing(tok) is not None:
            continue
        word = lemma_word(tok)
        if tok.pos_ in ("VERB", "AUX") and "invests_in" in tables["verbs"].get(word, ()):
            out += _prep_objects(tok, preps, refs)
            # "invest up to $2 billion in X": the parser hangs the "in" phrase on the amount
            out += [e for c in tok.children if c.dep_ == "dobj" and _states_money(c) for e in _prep_objects(c, preps, refs)]
        elif tok.pos_ == "NOUN" and ROLE_NOUNS.get(word) == "invests_in":
            out += _possessors(tok, refs) + _prep_objects(tok, preps + ("of",), refs)
        elif tok.pos_ == "NOUN" and "invests_in" in tables["nouns"].get(word, ()):
            out += _prep_objects(tok, preps, refs)
    return [(e, v) for e, v in _unique(out) if e.label_ == COMPANY]


def _unnamed_stake(noun: Token, holders, refs: EntityRefs) -> Iterator[Candidate]:
    """ "Google agreed to invest $2bn in the company, and X is also a shareholder": a predicate investor
    noun without "in Y" holds a stake in what the sentence (else the sentence before) puts money into,
    else in the company the passage is about (the salient company, named in this sentence or the one
    before; a lower confidence)."""
    holder_keys = {_name_key(h) for h, _ in holders}
    doc, sent = noun.doc, noun.sent
    targets, rule = [], "ownership.unnamed_stake"
    for where in (sent, doc[sent.start - 1].sent if sent.start > 0 else None):
        if where is not None and not targets:
            targets = [(e, v or where is not sent) for e, v in _investees(where, refs, skip=noun)
                       if _name_key(e) not in holder_keys]
    if not targets:
        # (asked at the start of the clause: at the noun, the clause's own subject would be the answer)
        company = refs.salient_entity(noun.head.left_edge, (COMPANY,))
        if company is None or _name_key(company) in holder_keys or not _named_near(company, noun, refs):
            return
        targets, rule = [(company, True)], "ownership.salient_stake"
    if len({_name_key(t) for t, _ in targets}) != 1:
        return  # money into several companies: which one the stake is in is not said
    for h, hv in _unique(holders):
        yield Candidate(h, "invests_in", targets[0][0], noun, rule, _conf(rule, hv or targets[0][1]))


def _named_near(company: Span, token: Token, refs: EntityRefs) -> bool:
    """Whether ``company`` is named, or referred to, in ``token``'s sentence or the sentence before it."""
    doc, sent = token.doc, token.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    key = _name_key(company)
    return any((e := refs.entity_for(t)) is not None and e.label_ == COMPANY and _name_key(e) == key
               for t in doc[start: sent.end] if t.i != token.i)


# -- funding rounds ------------------------------------------------------------------------------
def _is_round_noun(token: Token) -> bool:
    """ "round", "funding", "financing" heading their phrase ("a Series C round", not "funding" in
    "funding round"), or a lettered round's name ("raised a $48 million Series B led by Greylock")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    rounds = _tables()["funding"]["round_nouns"]
    # a round's letter is at most four characters ("A-1+"); only then, or at "Series", can it name one
    # (asked of every noun: the import, a look-up of its own, only for those)
    if len(token) <= 5 or token.lower_ == "series":
        from ..deals import (
            is_series_name,  # deals reads the same rounds; imported here to keep the module graph flat
        )

        if is_series_name(token) and not any(lemma_word(c) in rounds for c in token.children if c.dep_ == "compound"):
            return True
    return lemma_word(token) in rounds and not (token.dep_ == "compound" and lemma_word(token.head) in rounds)


def _round_frame(round_: Token, refs: EntityRefs) -> tuple[list, list, Token]:
    """``(raisers, investors, verb)`` of a funding-round noun.

    Raisers: the round's owner ("Cohere's Series C"), the subject of a raising verb the round
    hangs on ("raised $500m in a round", "closed a round"), the company a round is "in"
    ("led the $100m round in Acme"). Investors: "led by X", "that included X", "with
    participation from X", "from investors including X", and the subject of a verb that leads or
    joins the round ("X led the round", "X participated in the round").
    """
    funding = _tables()["funding"]
    raisers = [e for e in _possessors(round_, refs) if e[0].label_ == COMPANY]
    raisers += _prep_objects(round_, ("in", "into", "for"), refs)
    investors: list[tuple[Span, bool]] = []
    verb = round_.head
    if round_.dep_ == "pobj" and round_.head.dep_ == "prep":
        verb = round_.head.head
    if verb.pos_ in ("VERB", "AUX") and verb is not round_:
        lemma = lemma_word(verb)
        if lemma in funding["raise_verbs"] and not _is_passive(verb):
            raisers = raisers or subjects_of(verb, refs)
        elif lemma in funding["investor_verbs"] or (lemma == "take" and round_.head.lower_ == "in"):
            investors += subjects_of(verb, refs)
        investors += _participants(verb, refs)
    investors += _participants(round_, refs)
    return _unique(raisers), _unique(investors), verb


def _participants(head: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Investors hung on a round or a raising verb: "led by X", "that included X", "with participation from X"."""
    funding = _tables()["funding"]
    out: list[tuple[Span, bool]] = []
    for child in word_children(head):
        lemma = lemma_word(child)
        if child.dep_ in ("acl", "relcl") and lemma in funding["round_investor_verbs"]:
            if _is_passive(child) or child.tag_ == "VBN":
                leaders = _agents(child, refs)
                out += leaders
                # "led by Inovia Capital that included Nvidia": the relative clause may hang on the leader
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for pobj in agent.children:
                        for rel in pobj.subtree:
                            if rel.dep_ in ("relcl", "acl") and lemma_word(rel) in funding["round_investor_verbs"]:
                                out += [e for c in rel.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
            else:
                out += [e for c in child.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
        elif child.dep_ == "prep" and child.lower_ in ("including", "from"):
            out += [e for c in child.children if c.dep_ == "pobj" for e in entities_of(c, refs)]
        elif child.dep_ == "prep" and child.lower_ == "with":
            # "with participation from A, B and C"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                if lemma_word(pobj) in funding["participation_nouns"]:
                    out += _prep_objects(pobj, ("from", "by", "of"), refs)
    return out


def _raise_events(doc: Doc, refs: EntityRefs, rounds: frozenset[int]) -> list[tuple[int, Span, Token]]:
    """``(sentence start, raiser, trigger)`` of every stated fundraise, in text order (``rounds``: the
    indices of the round nouns, :func:`_round_nouns`)."""
    funding = _tables()["funding"]
    events = []
    for token in tokens_where(doc, "POS", ("NOUN", "PROPN", "VERB")):
        if token.i in rounds:
            raisers, _, _ = _round_frame(token, refs)
            events += [(token.sent.start, e, token) for e, _ in raisers]
        elif token.pos_ == "VERB" and lemma_word(token) == "raise" and not _is_passive(token) and any(
                c.dep_ == "dobj" and _states_money(c) for c in token.children):
            events += [(token.sent.start, e, token) for e, _ in subjects_of(token, refs) if e.label_ == COMPANY]
    return events


def _round_nouns(doc: Doc) -> frozenset[int]:
    """The indices of the document's round nouns (:func:`_is_round_noun`)."""
    return frozenset(t.i for t in tokens_where(doc, "POS", ("NOUN", "PROPN")) if _is_round_noun(t))


def _recent_raiser(token: Token, events) -> tuple[Span, bool] | None:
    """The company that raised money in this sentence (before ``token``) or the one before it."""
    sent = token.sent
    prev_start = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found = [(start, e, trig) for start, e, trig in events
             if (start == sent.start and trig.i < token.i) or start == prev_start != sent.start]
    if not found:
        return None
    start, ent, _ = found[-1]
    return ent, start != sent.start


@code_rule
def funding_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """invests_in from funding rounds and their participants.

    "Cohere raised $500m in a round led by PSP Investments, with participation from Cisco and
    Fujitsu", "a Series B from investors including A and B", "X led the $100m round in Acme",
    and participants stated after the raise: "Cisco and Fujitsu also took part", "Existing
    backers A and B also invested".
    """
    funding = _tables()["funding"]
    rounds = _round_nouns(doc)  # (asked once per token: both passes below read it)
    events = _raise_events(doc, refs, rounds)
    for token in tokens_where(doc, "POS", ("NOUN", "PROPN", "VERB")):
        if token.i in rounds:
            raisers, investors, verb = _round_frame(token, refs)
            if not raisers and investors:
                recent = _recent_raiser(token, events)
                raisers = [recent] if recent and not _among(recent[0], investors) else []
            for inv, iv in investors:
                for raiser, rv in raisers:
                    yield Candidate(inv, "invests_in", raiser, token, "funding.round", _conf("funding.round", iv or rv))
        elif token.pos_ == "VERB" and lemma_word(token) == "raise" and not _is_passive(token) and any(
                c.dep_ == "dobj" and _states_money(c) for c in token.children):
            # "raised $6bn from A and B" without a round noun
            investors = _participants(token, refs)
            for raiser, rv in subjects_of(token, refs):
                for inv, iv in investors:
                    yield Candidate(inv, "invests_in", raiser, token, "funding.round", _conf("funding.round", iv or rv))
        elif token.pos_ == "VERB" and _joins_unnamed_round(token, funding):
            recent = _recent_raiser(token, events)
            if recent is None:
                continue
            raiser, rv = recent
            joiners = _unique(subjects_of(token, refs) + _participant_subjects(token, refs))
            if _among(raiser, joiners + _round_investors_in(token.sent, refs)):
                continue
            for inv, iv in joiners:
                yield Candidate(inv, "invests_in", raiser, token, "funding.round_recent_raiser", _conf("funding.round_recent_raiser", True))


def _among(company: Span, named: list[tuple[Span, bool]]) -> bool:
    """Whether ``company`` is one of the investors a round's sentence names: a round's lead or participant does
    not raise it, so a recent raiser found so ("the company raised its Series C. That round was led by *A*", with
    "the company" resolved to A) is a misreading (rounds12)."""
    key = _name_key(company)
    return any(_name_key(e) == key for e, _ in named)


def _round_investors_in(sent: Span, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The investors every round noun of ``sent`` names ("That round was led by A")."""
    return [inv for t in sent if _is_round_noun(t) for inv in _round_frame(t, refs)[1]]


def _participant_subjects(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Companies named as the subject of a participation verb through an apposition or an
    elliptical clause: "Existing investors *A and B* participated, as did new backer *C*"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for clause in verb.children:
        if clause.dep_ == "advcl" and lemma_word(clause) == "do" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
            subjects += [c for c in clause.children if c.dep_ == "nsubj"]
    out: list[tuple[Span, bool]] = []
    for subject in subjects:
        for member in [subject] + [c for c in subject.children if c.dep_ == "appos"]:
            out += [e for e in entities_of(member, refs) if e[0].label_ == COMPANY]
    return out


def _joins_unnamed_round(verb: Token, funding) -> bool:
    """ "also took part", "participated", "also invested" with nothing named to invest in."""
    lemma = lemma_word(verb)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "prep", "agent")]
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" and not any(g.dep_ == "prep" for g in c.children)
                   for c in verb.children) and not any(c.dep_ == "prep" for c in verb.children)
    if lemma not in funding["participation_verbs"] or lemma == "join":
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("in", "into") for c in objects) and not any(
        c.dep_ == "dobj" for c in objects)


# -- memberships and descriptions ------------------------------------------------------------------
#: Verbs whose "as" phrase says what their subject is: "will operate as a subsidiary of X", "serves as
#: a rival to Y" (not verbs whose "as" names a role given by someone else: "hired X as")
STANDING_VERBS = frozenset({"operate", "function", "continue", "remain", "serve", "act", "run", "trade", "exist",
                            "stay", "emerge", "relaunch"})


def _judged_role(noun: Token) -> bool:
    """A role someone judges fitting, not one held: "described X as the *natural* partner of Y" (rivals5)."""
    return any(c.dep_ == "amod" and c.lower_ in words("judged_role_modifiers") for c in noun.children)


@code_rule
def membership_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Role nouns that a verb assigns to its object or subject.

    "Databricks counts Nvidia among its investors", "Musk positioned xAI as a rival to OpenAI",
    "Anthropic's backers include Google and Salesforce Ventures".
    """
    funding = _tables()["funding"]
    part_nouns = _tables()["part_of_nouns"]
    for noun in tokens_where(doc, "POS", ("NOUN", "PROPN")):
        word = lemma_word(noun)
        relation = ROLE_NOUNS.get(word) or ROLE_NOUNS.get(word.rstrip("s"))
        if relation is None and word in part_nouns and noun.dep_ == "pobj" and noun.head.lower_ == "as":
            relation = "part_of"  # "it will operate as a wholly owned subsidiary of SoftBank"
        if relation is None or refs.ent_containing(noun) is not None or _judged_role(noun):
            continue
        verb, holders = noun.head, []
        if noun.dep_ == "pobj" and noun.head.lower_ in funding["membership_preps"]:
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                holders = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
            if not holders and noun.head.lower_ == "as" and lemma_word(verb) in STANDING_VERBS:
                # "Graphcore will operate as a subsidiary of SoftBank", "Initech remains a unit": the subject
                holders = subjects_of(verb, refs)
        elif noun.dep_ == "nsubj" and lemma_word(verb) in ("include", "comprise", "be"):
            holders = [e for c in verb.children if c.dep_ in ("dobj", "attr") for e in entities_of(c, refs)]
        if not holders:
            continue
        others = _possessors(noun, refs) + _prep_objects(noun, OBJECT_PREPS.get(relation, ("of",)) + ("of",), refs)
        rel = "part_of" if relation == "part_of_inverse" else relation
        for h, hv in _unique(holders):
            for o, ov in _unique(others):
                a, b = (o, h) if relation == "part_of_inverse" else (h, o)
                yield Candidate(a, rel, b, noun, "membership.role_noun", _conf("membership.role_noun", hv or ov))
