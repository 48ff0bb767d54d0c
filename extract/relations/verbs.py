"""Verb rules: trigger verbs active and passive ("Microsoft acquired X", "GPT-4 was developed by OpenAI"),
hyphenated ones ("co-founded"), verbs the tagger read as nouns, licensing, ownership ("Alphabet owns
Waymo", "owns 49% of"), and possessives ("OpenAI's GPT-4", "Google's DeepMind unit").
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..entities import LEGAL_FORMS
from ..records import SYMMETRIC_RELATIONS
from ..rules import code_rule
from ..tokens import hyphen_start, lemma_word, tokens_where, word_children, word_parts
from .core import (
    COMPANY,
    EMPLOYERS,
    MODEL,
    OBJECT_PREPS,
    PERSON,
    Candidate,
    _agents,
    _conf,
    _is_passive,
    _name_key,
    _oriented,
    _part_owner,
    _possessors,
    _prep_objects,
    _rival_owners,
    _states_money,
    _tables,
    _unique,
    _verb_noun_relations,
    entities_of,
    subjects_of,
)


def _former_employers(verb: Token, refs: EntityRefs) -> set[str]:
    """Name keys of the companies a founding verb's clause says the founder was at before: "spent six
    years at Booking.com *before starting* the company"."""
    head = verb
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        head = verb.head.head
    elif verb.dep_ == "advcl":
        head = verb.head
    if head is verb:
        return set()
    companies = _prep_objects(head, ("at", "with"), refs)
    companies += [e for c in head.children if c.dep_ == "dobj" for e in _prep_objects(c, ("at", "with"), refs)]
    return {_name_key(e) for e, _ in companies if e.label_ == COMPANY}


@code_rule
def possessive_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """develops from "OpenAI's GPT-4" / "Meta Llama 3"; part_of from "Google's DeepMind unit"."""
    part_nouns = _tables()["part_of_nouns"]
    for ent in refs.ents:
        root = ent.root
        if ent.label_ in (MODEL, "PRODUCT"):  # "OpenAI's GPT-4", "Google's Chrome"
            for owner, via in _possessors(root, refs):
                yield Candidate(owner, "develops", ent, root, "possessive.develops", _conf("possessive.develops", via))
            owner = _surface_possessor(ent, refs)
            if owner is not None:
                yield Candidate(owner, "develops", ent, root, "possessive.develops", _conf("possessive.develops", False))
            for child in root.children:
                if child.dep_ == "compound" and not (ent.start <= child.i < ent.end):
                    owner = refs.ent_containing(child)
                    if owner is not None:
                        yield Candidate(owner, "develops", ent, root, "possessive.compound_develops", _conf("possessive.compound_develops", False))
        if ent.label_ == COMPANY:
            # "Google's DeepMind unit", "Alphabet's Google"
            if _names_a_fund(ent):
                # "SoftBank Group Corp's Vision Fund 2": a fund is part of the company that owns it
                owner = _surface_possessor(ent, refs)
                if owner is not None:
                    yield Candidate(ent, "part_of", owner, root, "possessive.part_of", _conf("possessive.part_of", False))
                continue
            if len(ent) > 1 and root.dep_ != "compound":
                # "Meta's Reality Labs", "BCE Inc.'s Bell Canada": a company of several name words that another
                # company possesses is its unit (a one-word name is as often a product the tagger took for a
                # company, "Amazon's Graviton"; "Nvidia's Mellanox deal" possesses the deal, not the name)
                owner = _surface_possessor(ent, refs)
                if owner is not None and _name_key(owner) != _name_key(ent) and _named_as_company(owner, refs):
                    yield Candidate(ent, "part_of", owner, root, "possessive.part_of", _conf("possessive.part_of", False))
        if ent.label_ in (COMPANY, "ORGANIZATION", "PUBLICATION"):
            # "Google's DeepMind unit", "Sega's Sonic Team division", and a name headed by a part noun:
            # "Tehran University's College of Architecture"
            if root.dep_ == "compound" and lemma_word(root.head) in part_nouns:
                noun = root.head
            elif len(ent) > 1 and any(_part_word(t, part_nouns) and t.is_title for t in (root, ent[-1])):
                noun = root  # (the parser may hang "Studios" on "Ridgeway" in "its own Ridgeway Studios")
            else:
                continue  # "Microsoft's Azure", "their Whims of Chambers": ownership of many kinds
            for owner, via in _possessors(noun, refs):
                if owner.label_ in (COMPANY, "ORGANIZATION"):
                    yield Candidate(ent, "part_of", owner, noun, "possessive.part_of", _conf("possessive.part_of", via))


def _part_word(token: Token, part_nouns: frozenset[str]) -> bool:
    """A part noun, also as the plural last word of a name, which the tagger does not lemmatise
    ("its Firewalk Studios", "Vexa Labs": the studio, the lab)."""
    word = lemma_word(token)
    return word in part_nouns or (word.endswith("s") and word[:-1] in part_nouns)


def _named_as_company(owner: Span, refs: EntityRefs) -> bool:
    """Whether a possessor is surely a company's name and not the first word of a title ("Assassin's Creed
    Rogue"): it carries a legal form ("BCE Inc.") or the text names it on its own, without the possessive."""
    if owner[-1].text in LEGAL_FORMS or owner[-1].text.rstrip(".") in LEGAL_FORMS:
        return True
    doc, key = owner.doc, _name_key(owner)
    return any(e.start != owner.start and _name_key(e) == key and
               (e.end >= len(doc) or doc[e.end].text not in ("'s", "\u2019s")) for e in refs.ents)


#: Name words of a company's investment vehicle: "Vision Fund 2", "Salesforce Ventures".
FUND_NAME_WORDS = frozenset({"fund", "ventures"})


def _names_a_fund(ent: Span) -> bool:
    """Whether a company's name calls it a fund ("Vision Fund 2", "Qualcomm Ventures")."""
    return any(t.lower_ in FUND_NAME_WORDS for t in ent[1:])


def _surface_possessor(ent: Span, refs: EntityRefs) -> Span | None:
    """The company written as the possessor right before a name ("Anthropic's Claude", "Meta's new Llama 3"),
    whatever the parser made of the pair (it often reads a listed "X's" as a conjunct of the previous name)."""
    doc, j = ent.doc, ent.start - 1
    while j >= 0 and doc[j].pos_ == "ADJ" and doc[j].lower_ not in ("'s", "\u2019s") and ent.start - j <= 2:
        j -= 1
    if j < 1 or doc[j].lower_ not in ("'s", "\u2019s", "'"):
        return None
    owner = refs.ent_containing(doc[j - 1])
    return owner if owner is not None and owner.label_ == COMPANY and owner.end == j else None


@code_rule
def verb_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """Relations stated by a trigger verb, active or passive, with coordination and control."""
    tables = _tables()
    for verb in tokens_where(doc, "POS", ("NOUN", "PROPN", "VERB", "AUX")):
        if verb.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("NNS", "NNPS"):
            yield from _verb_noun_relations(verb, refs)
        if verb.pos_ not in ("VERB", "AUX") and not (verb.pos_ == "NOUN" and verb.dep_ in ("xcomp", "relcl", "acl")):
            continue
        lemma = lemma_word(verb)
        if lemma in tables["owner_verbs"] or _hyphenated_owner_verb(verb):
            yield from _ownership(verb, refs)
            continue
        if lemma in tables["belonging_verbs"]:
            yield from _belonging(verb, refs)
            continue
        if lemma in tables["comparison"] and any(
                c.lower_ in tables["comparison"][lemma] for c in verb.children
                if c.dep_ in ("advmod", "acomp", "prt", "prep", "dobj", "npadvmod")):
            # "comes close to GPT-4o", "ranks alongside Claude", "stacks up against Gemini"
            yield from _verb_frame(verb, "competes_with", False, refs, extra_heads=True)
            continue
        relations = tables["verbs"].get(lemma)
        if not relations:
            continue
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        if lemma in tables["particle_required"] and not particles & tables["particles"].get(lemma, frozenset()):
            continue
        if not (lemma in tables["particle_required"]) and particles - {"up", "out", "in"}:
            # "take over", "set up" are triggers only with their particle; "buy back", "pay off" are not triggers
            continue
        passive = _is_passive(verb)
        for relation in relations:
            yield from _verb_frame(verb, relation, passive, refs)
            if hyphen_start(verb) < verb.i:
                yield from _hyphenated_verb_frame(verb, relation, refs)


def _hyphenated_verb_frame(verb: Token, relation: str, refs: EntityRefs) -> Iterator[Candidate]:
    """A trigger verb written with a hyphen ("co-founded", "co-led"), which the tokenizer splits into pieces.

    The parser hangs the verb's arguments on any piece and often reads the last piece as an
    adjective of the object ("Lee co-founded Zorblax" as "co" + "-" + "founded Zorblax"), so the
    arguments are gathered from all pieces: the subject is a name written right before the word
    (or a subject of a piece), the objects are objects of a piece or the name the last piece
    modifies; a person named with "with" shares the subject's role ("co-founded X with Y").
    """
    doc, parts = verb.doc, word_parts(verb)
    kids = word_children(verb)
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in kids):
        return  # passives keep their "by" phrase on the last piece, which the ordinary frame reads
    subjects = [e for c in kids if c.dep_ == "nsubj" for e in entities_of(c, refs)]
    first = parts[0].i
    if not subjects and first > 0 and refs.ent_containing(doc[first - 1]) is not None \
            and refs.ent_containing(doc[first - 1]).end == first:
        subjects = [(refs.ent_containing(doc[first - 1]), False)]
    objects = [e for c in kids if c.dep_ in ("dobj", "attr", "oprd") for e in entities_of(c, refs)]
    if verb.dep_ == "amod":
        objects += entities_of(verb.head, refs)
    objects = _unique(objects)
    partners = [e for e in _prep_objects_of(kids, ("with",), refs) if e[0].label_ == PERSON] if relation == "founded" else []
    if relation == "founded":  # "co-founded Neeva, an ad-free search engine, with V": "with" hung on the object
        partners += [e for o, _ in objects for e in _prep_objects_of(list(o.root.children), ("with",), refs)
                     if e[0].label_ == PERSON]
    for s, sv in _unique(subjects) + partners:
        for o, ov in objects:
            yield _oriented(s, relation, o, verb, "verb.hyphenated", _conf("verb.hyphenated", sv or ov))


def _names_right_after(verb: Token, refs: EntityRefs, max_tokens: int = 14) -> list[tuple[Span, bool]]:
    """The names a verb is followed by on the surface, when the parse lost its object.

    Number-heavy model names garble the small model's parse: in "a model that it says *outperforms*
    Meta's Llama 2 70B and xAI's Grok-1 on benchmarks" the parser hangs "70B" on the main verb, and
    "outperforms" keeps no object. The names written right after the verb, in a list ("X's A and
    Y's B", "A, B or C"), are its objects; the list ends at anything else (a preposition, a verb).
    A possessor's name ("Meta's") is not an object.
    """
    doc, out, j = verb.doc, [], verb.i + 1
    end = min(len(doc), verb.i + 1 + max_tokens)
    while j < end:
        ent = refs.ent_containing(doc[j])
        if ent is not None:
            if ent.end < len(doc) and doc[ent.end].tag_ == "POS":
                j = ent.end + 1  # "Meta's": the owner of the next name
                continue
            if ent.label_ in (MODEL, COMPANY):
                out.append((ent, False))
            j = ent.end
            continue
        if doc[j].lower_ in (",", "and", "or", "both", "either"):
            j += 1
            continue
        break
    return out


def _own_units(verb: Token, preps: tuple[str, ...], refs: EntityRefs) -> set[str]:
    """Names a partner phrase presents as the subject's own unit: "working with *its Xbox studio Ninja Theory*",
    "with its research unit, Quillon" (a possessed part noun: the unit is part of the company, not its partner)."""
    part_nouns = _tables()["part_of_nouns"]
    own = set()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            possessed = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
            parts = [noun] + [c for c in noun.children if c.dep_ == "compound"]
            if possessed and any(lemma_word(t) in part_nouns and t.pos_ == "NOUN" for t in parts):
                own |= {_name_key(e) for e, _ in entities_of(noun, refs)}
    return own


def _object_gap(verb: Token) -> bool:
    """A relative clause whose subject is a name or noun, not the relative pronoun, and which has no object:
    its noun is the object ("a model *the two companies are developing*", "the chip *that Nvidia designed*")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ in ("that", "which", "who"):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in verb.children)


def _prep_objects_of(kids: list[Token], preps: tuple[str, ...], refs: EntityRefs) -> list[tuple[Span, bool]]:
    return _unique([e for c in kids if c.dep_ == "prep" and c.lower_ in preps
                    for g in c.children if g.dep_ == "pobj" for e in entities_of(g, refs)])


def _ownership(verb: Token, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from "owned by X" ("Next47, the firm owned by Siemens"), "X owns Y", "X has owned Y" and "X-owned Y";
    invests_in from a share of a company: "X, which owns about 6% of Y's shares"."""
    # "Square Enix has owned Taito": a past participle with its own subject is a perfect tense, not a passive
    if _is_passive(verb) or (verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)):
        owners = _agents(verb, refs)
        owned = [e for c in verb.children if c.dep_ == "nsubjpass" for e in entities_of(c, refs)]
        if verb.dep_ == "conj" and not owned:
            owned = _shared_subjects(verb, refs)  # "The station is branded as X and is owned by Y"
        if verb.dep_ in ("acl", "amod", "relcl") and not owned:
            owned = entities_of(verb.head, refs)
        if verb.dep_ == "amod" and not owners:
            owners = [(refs.ent_containing(c), False) for c in verb.children
                      if c.dep_ in ("npadvmod", "compound", "nmod") and refs.ent_containing(c) is not None]
            hyphen = verb.i - 2
            if not owners and hyphen >= 0 and verb.doc[verb.i - 1].text == "-" and refs.ent_containing(verb.doc[hyphen]):
                owners = [(refs.ent_containing(verb.doc[hyphen]), False)]  # "Siemens-owned Next47"
    else:
        owners = subjects_of(verb, refs)
        owned = [e for c in verb.children if c.dep_ == "dobj" for e in entities_of(c, refs)]
        if verb.dep_ == "relcl" and not owned and _object_gap(verb):
            # "Songkick, the ticket service Warner has owned since 2017": the clause's missing object is its noun
            owned = entities_of(verb.head, refs)
        # "SoftBank still owns roughly 90% of Arm": a majority share is control, the owned company a part
        owned += [e for c in verb.children if c.dep_ == "dobj" and _majority_share(c)
                  for e in _prep_objects(c, ("of",), refs) if e[0].label_ == COMPANY]
        for investee, iv in (e for c in verb.children if c.dep_ == "dobj" for e in _stake_holding(c, refs)):
            for owner, ov in owners:
                yield Candidate(owner, "invests_in", investee, verb, "ownership.stake_verb", _conf("ownership.stake_verb", iv or ov))
    for child, cv in owned:
        for owner, ov in owners:
            yield Candidate(child, "part_of", owner, verb, "ownership.owner_verb", _conf("ownership.owner_verb", cv or ov))


def _shared_subjects(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The subject a coordinated verb without one shares with the verb it is coordinated with:
    "The station is branded as X *and is owned by* Y" (the station)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [e for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for e in entities_of(c, refs)]


def _belonging(verb: Token, refs: EntityRefs) -> Iterator[Candidate]:
    """part_of from "X belongs to Y": "the label belonged to the Vega Group"."""
    rule = "ownership.owner_verb"
    for child, cv in subjects_of(verb, refs):
        for owner, ov in _prep_objects(verb, ("to",), refs):
            yield Candidate(child, "part_of", owner, verb, rule, _conf(rule, cv or ov))


def _hyphenated_owner_verb(verb: Token) -> bool:
    """ "Microsoft-owned GitHub": an owner verb joined to its owner's name by a hyphen (the word's lemma is "microsoft-own")."""
    return verb.tag_ == "VBN" and hyphen_start(verb) < verb.i and verb.lemma_.lower() in _tables()["owner_verbs"]


#: Nouns that measure a holding of shares: "owns about 6% of X", "owns 30 percent of X's shares".
SHARE_NOUNS = frozenset({"%", "percent", "share", "shares", "stake", "minority"})


def _stake_holding(amount: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The companies a share of which an owner verb's object measures: "6% of Marigold's shares", "a stake in X"."""
    if lemma_word(amount) not in SHARE_NOUNS and amount.lower_ not in SHARE_NOUNS or _majority_share(amount):
        return []
    out = []
    for ent, via in _prep_objects(amount, ("of", "in"), refs):
        out.append((ent, via))
    for prep in (c for c in amount.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and lemma_word(g) in SHARE_NOUNS):
            out += _possessors(pobj, refs) + _prep_objects(pobj, ("of", "in"), refs)
    return [(e, v) for e, v in _unique(out) if e.label_ == COMPANY]


def _majority_share(amount: Token) -> bool:
    """A share of 50% or more ("owns 51% of X"): control, not an investment."""
    for num in (c for c in amount.children if c.dep_ == "nummod"):
        try:
            if float(num.text.replace(",", "")) >= 50:
                return True
        except ValueError:
            continue
    return False


def _copula_subjects(noun: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """The names a copula's attribute describes: "Breakout is an arcade game [developed by Atari]", and
    through a kind noun, "Downy is a brand of fabric softener [produced by P&G]"."""
    kind = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if kind is not None and kind.dep_ == "attr" and lemma_word(kind) in _tables()["kind_nouns"]:
        noun = kind
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return []
    return [e for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass") for e in entities_of(c, refs)]


#: Verbs that make a product, beside which "published by" names only the publisher.
_MAKING_VERBS = frozenset(("develop", "co-develop", "create", "design", "build", "produce", "program", "make"))


def _publisher_beside_maker(verb: Token) -> bool:
    """ "a game developed by Raven Software and published by Activision": the publisher develops nothing
    when a coordinated making verb has its own agent ("developed and published by Atari" keeps Atari)."""
    if lemma_word(verb) != "publish":
        return False
    return any(lemma_word(v) in _MAKING_VERBS and any(c.dep_ == "agent" for c in v.children) for v in verb.conjuncts)


#: Verbs of beating a rival, never nouns of a thing made: "an open model it says beats Llama 2" in a headline
#: the parser reads with "beats" as the release verb's object
BEATING_VERBS = frozenset({"beat", "outperform", "outscore", "outdo", "surpass", "trail", "overtake", "outrank", "outclass"})


def _comparing_verb_as_noun(token: Token, refs: EntityRefs) -> bool:
    """Whether an object is a verb of beating the tagger read as a noun (not a name: "acquired Beats"), or
    what such a verb beats ("releases DBRX, a model it says beats Llama 2": "Llama 2" parsed as an object of
    "releases")."""
    if refs.ent_containing(token) is None and lemma_word(token) in BEATING_VERBS:
        return True
    before = token.left_edge.i - 1
    return before >= 0 and lemma_word(token.doc[before]) in BEATING_VERBS and refs.ent_containing(token.doc[before]) is None


#: Making verbs whose "on" names a foundation, not the thing made: "built on Llama", "trained on Qwen"
FOUNDATION_VERBS = frozenset({"build", "base", "train", "fine-tune", "finetune", "distill", "distil", "develop", "create", "make"})


#: What parties fight in court, not in a market: "the patent disputes they had been fighting", "fought the lawsuit"
LEGAL_NOUNS = frozenset({"dispute", "lawsuit", "suit", "case", "litigation", "claim", "injunction", "ruling", "appeal"})


def _fights_in_court(verb: Token) -> bool:
    """Whether a verb of rivalry has a legal dispute for its object ("the disputes they had been fighting", "fought
    the patent suits"): its parties are litigants, and what they fight says nothing of competing for customers."""
    if verb.dep_ == "relcl" and lemma_word(verb.head) in LEGAL_NOUNS and not any(c.dep_ == "dobj" for c in verb.children):
        return True
    return any(c.dep_ == "dobj" and lemma_word(c) in LEGAL_NOUNS for c in verb.children)


def _verb_frame(verb: Token, relation: str, passive: bool, refs: EntityRefs, extra_heads: bool = False) -> Iterator[Candidate]:
    if passive and relation == "develops" and _publisher_beside_maker(verb):
        return
    if relation == "competes_with" and _fights_in_court(verb):
        return
    if verb.dep_ == "pcomp" and verb.head.lower_ == "about" and verb.tag_ == "VBG":
        return  # "approached IAC about licensing its archives", "talked about designing chips": a topic, not a fact
    preps = OBJECT_PREPS.get(relation, ())
    if lemma_word(verb) == "work" and relation == "partners_with":
        preps = ("with",)
    if passive:
        subjects = _agents(verb, refs)
        objects = []
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                objects += entities_of(child, refs)
        described = verb.head if verb.dep_ in ("acl", "relcl") else (
            verb.head.head if verb.dep_ == "conj" and verb.head.dep_ in ("acl", "relcl") else None)
        if described is not None and not objects:
            # "a browser developed by Google", "a game developed and published by Atari" (the agent on the
            # second verb), "Breakout is an arcade game developed by Atari" (the copula's subject)
            objects = entities_of(described, refs) or _copula_subjects(described, refs)
        if verb.dep_ == "advcl" and not objects:
            objects = subjects_of(verb.head, refs)  # "Founded in 2023 by X, Mistral has ..."
            if not objects and relation == "founded":
                # "Founded in 2021 by X and Y, the company is headquartered in ...": a passive main clause
                objects = [e for c in verb.head.children if c.dep_ == "nsubjpass" for e in entities_of(c, refs)]
                if any(v and verb.left_edge.i <= e.start <= verb.right_edge.i for e, v in objects):
                    # "by X, a former scientist at IBM, the company": "the company" is not a name of the phrase,
                    # but the company the passage is about
                    found = refs.salient_entity(verb.left_edge, (COMPANY,))
                    objects = [(found, True)] if found is not None else []
        rule = "verb.passive"
    else:
        subjects = subjects_of(verb, refs)
        objects = []
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos") and not (
                    relation != "competes_with" and _comparing_verb_as_noun(child, refs)):
                objects += entities_of(child, refs)
        if relation == "acquires":
            from ..deals.parts_bought import sells_a_part  # (extract.deals imports the relation rules)
            if sells_a_part(verb, refs):
                objects = []  # (acq8) "bought the business from Toshiba": a part sold, no company bought
        if relation == "competes_with":
            subjects = _rival_pronoun_subjects(verb, subjects, objects + _prep_objects(verb, preps, refs), refs)
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and relation not in SYMMETRIC_RELATIONS and not objects \
                and not _prep_objects(verb, preps, refs):
            # "a model developed ..." without an agent (but "Next47, ..., invested in Kestrel" is a past tense
            # the parser took for a reduced relative: it has its object)
            objects = entities_of(verb.head, refs)
            subjects = []
        if verb.dep_ == "relcl" and not objects and _object_gap(verb):
            # "Takane, a model the two companies are developing": the clause's missing object is its noun
            objects = entities_of(verb.head, refs)
        prep_objects = _prep_objects(verb, preps, refs)
        if relation == "develops" and lemma_word(verb) in FOUNDATION_VERBS:
            # "models built on Meta's Llama": what a model is built on is another's (but "works on X" makes X)
            prep_objects = _prep_objects(verb, tuple(p for p in preps if p != "on"), refs)
        if relation == "invests_in":
            # "invest up to $2 billion in X": the parser hangs the "in" phrase on the amount
            prep_objects += [e for c in verb.children if c.dep_ == "dobj" and _states_money(c) for e in _prep_objects(c, preps, refs)]
        if relation == "competes_with":
            prep_objects += _rival_owners(verb, preps, refs) + _rivals_further_on(verb, refs)
        if relation == "partners_with":
            own = _own_units(verb, preps, refs)
            prep_objects = [e for e in prep_objects if _name_key(e[0]) not in own]
        if relation == "competes_with" and not objects and not prep_objects:
            objects = _names_right_after(verb, refs)
        if extra_heads:
            # "comes close to X", "scored higher than X", "holds its own against X": the preposition hangs on the word
            prep_objects += [e for c in verb.children if c.dep_ in ("advmod", "acomp", "dobj")
                             for e in _prep_objects(c, preps + ("to", "than", "against"), refs)]
            prep_objects += _prep_objects(verb, ("alongside", "against", "to", "than", "behind"), refs)
            if lemma_word(verb) == "be":
                # "Tessera-70B is behind X", "ahead of X": a ranking only between models ("Microsoft is behind OpenAI"
                # backs it), and only of a model named there (a pronoun in a review may mean any model it mentions)
                subjects = [e for e in subjects if e[0].label_ == MODEL and not e[1]]
                objects = [e for e in objects if not e[1]]  # "it was the best model we tested": a description
        rule = "verb.active"
        if relation == "competes_with" and objects and prep_objects:
            # "OpenAI benchmarked GPT-4o against A", "pits X against Y": the object is the contender
            for o, ov in _unique(objects):
                for p, pv in prep_objects:
                    yield Candidate(o, relation, p, verb, rule, _conf(rule, ov or pv))
        objects += prep_objects
        if relation == "licenses_from":
            yield from _licensing(verb, subjects, objects, refs)
            return
        if relation in SYMMETRIC_RELATIONS and len(subjects) >= 2 and not objects:
            # "Microsoft and OpenAI partnered": conjoined subjects pair up
            for k, (a, av) in enumerate(subjects):
                for b, bv in subjects[k + 1:]:
                    yield Candidate(a, relation, b, verb, rule, _conf(rule, av or bv))
            return
    if relation == "founded" and not passive:
        # "A co-founded the lab with B, C and D": the partners founded it too
        for person, pv in _prep_objects(verb, ("with",), refs):
            if person.label_ == PERSON:
                for o, o_via in _unique(objects):
                    yield Candidate(person, relation, o, verb, rule, _conf(rule, pv or o_via))
    if relation == "works_for" and not passive:
        # "joined Apple's machine-learning group": a person who joins a part of a company works for it
        objects += [e for c in verb.children if c.dep_ == "dobj" for e in _part_owner(c, refs)]
        # "joined the faculty of the University of Hamburg", "joined the staff of the Tribune"
        objects += [e for c in verb.children if c.dep_ == "dobj" and lemma_word(c) in _tables()["staff_nouns"]
                    for e in _prep_objects(c, ("of", "at"), refs) if e[0].label_ in EMPLOYERS]
    if relation == "founded" and not passive:
        # "who spent six years at Booking.com before starting the company": "the company" is not Booking.com
        former = _former_employers(verb, refs)
        objects = [(o, ov) for o, ov in objects if not (ov and _name_key(o) in former)]
    if relation == "works_for" and not passive and lemma_word(verb) in _tables()["employer_verbs"]:
        # "Acme named Jane chief executive": the employer acts, so a person subject is no employee
        # ("Verity Lambert, who named the company after herself")
        subjects = [(s, v) for s, v in subjects if s.label_ != PERSON]
    for s, s_via in subjects:
        for o, o_via in _unique(objects):
            yield _oriented(s, relation, o, verb, rule, _conf(rule, s_via or o_via))
        if relation == "leads" and not passive:
            # "X heads the digital business at Siemens", "X now runs Marigold's software division": X leads
            # a part of the company, so works for it
            for o, o_via in _prep_objects(verb, ("at",), refs) + [
                    e for c in verb.children if c.dep_ == "dobj" for e in _prep_objects(c, ("at",), refs) + _part_owner(c, refs)]:
                yield Candidate(s, "works_for", o, verb, rule, _conf(rule, s_via or o_via))


def _rivals_further_on(verb: Token, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """Rivals in a "with" phrase the parser hung away from the verb.

    "competes for AI workloads with A and B": on the object or on the noun of a preposition
    between the verb and "with"; "competes with A, which added agents, and with B": a second
    "with" phrase coordinated inside the relative clause on the first rival.
    """
    out = []
    kids = [c for c in verb.children if c.dep_ == "dobj" and refs.entity_for(c) is None]
    kids += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "in", "on", "over")
             for g in c.children if g.dep_ == "pobj" and refs.entity_for(g) is None]
    for noun in kids:
        out += _prep_objects(noun, ("with",), refs)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in pobj.children if c.dep_ == "relcl"):
                if any(c.dep_ == "cc" for c in clause.children):
                    out += _prep_objects_of([c for c in clause.children if c.i > clause.i], ("with",), refs)
    return _unique(out)


def _rival_pronoun_subjects(verb: Token, subjects, rivals, refs: EntityRefs) -> list[tuple[Span, bool]]:
    """ "the company says *it* rivals GPT-4": a pronoun that rivals a model is the model under discussion.

    Rivalry holds between two things of one type, so when a neuter pronoun subject resolved to
    a company but every rival named is a model, the pronoun is re-read as the nearest model.
    """
    model_nouns = _tables()["model_nouns"]
    # "it rivals X", and "its open model beats X" (the owner's model, not the owner)
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and (
        c.lower_ in ("it", "they") or (lemma_word(c) in model_nouns and refs.entity_for(c) is None))), None)
    if pronoun is None or not rivals:
        return subjects
    labels = {e.label_ for e, _ in rivals}
    if len(labels) != 1 or all(e.label_ in labels for e, _ in subjects):
        return subjects
    found = refs.antecedent_of_type(pronoun, tuple(labels))
    return [(found, True)] if found is not None else subjects


def _licensing(verb: Token, subjects, objects, refs: EntityRefs) -> Iterator[Candidate]:
    """licenses_from: "X licensed Y's technology", "X licensed it from Y", "X paid Y to license its software",
    "Y licensed its models to X"."""
    licensors = _prep_objects(verb, ("from",), refs)
    licensees = []
    for child in verb.children:
        if child.dep_ == "dobj":
            licensors += _prep_objects(child, ("from",), refs)  # "licenses its cores from Y": "from" hung on the object
            licensors += _possessors(child, refs)
            if refs.entity_for(child) is None:
                licensors += _prep_objects(child, ("of",), refs)  # "license the technology of X"
    recipients = _prep_objects(verb, ("to",), refs)
    if recipients:  # "Y licensed its models to X": the subject is the licensor
        licensees, licensors = recipients, list(subjects)
    else:
        licensees = list(subjects)
        # "agreed to pay $650 million to Inflection to license its software": the payee licenses out
        if verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in ("pay", "give", "agree"):
            licensors = _prep_objects(verb.head, ("to",), refs) + licensors
    licensee_keys = {(e.start, e.end) for e, _ in licensees}
    licensors = [(e, v) for e, v in _unique(licensors) if (e.start, e.end) not in licensee_keys]
    for licensee, a in licensees:
        for licensor, b in licensors[:1]:
            yield Candidate(licensee, "licenses_from", licensor, verb, "verb.licensing", _conf("verb.licensing", a or b))
