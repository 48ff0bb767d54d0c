"""Broad fallbacks about models read off a sentence's frame: models set against each other by a benchmark
comparison, and the company that releases a model.

The specific rules of :mod:`extract.relations.models` read one construction each ("A beat B and C", "A scored
ahead of B"); news phrases a comparison in many more ways ("edging out B but falling short of C", "holds its
own against B", "the 90B model is competitive with B"). These fallbacks read only the frame: a comparison word
in a sentence, the model the sentence is about, and the models named after the word. They run after every
other rule and add only a pair no other rule related in the sentence (:func:`model_frame_relations`).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..coref import EntityRefs
from ..families import doc_families, model_family
from ..rules import code_rule
from ..tokens import lemma_word, tokens_where
from .core import MODEL, Candidate, _conf, _name_key, subjects_of
from .fallback_frames import related_pairs
from .models import COMPARING_VERBS, MAKERS, _known_developer_differs, _names_another_company

BENCHMARK_RULE = "model.frame_benchmark"
MAKER_RULE = "model.frame_maker"
MAKER_NOUN_RULE = "model.frame_maker_noun"

#: Words of a model's making: a company that releases, trains or ships a model in a sentence develops it.
MAKING_LEMMAS = ("release", "launch", "unveil", "introduce", "debut", "develop", "build", "train", "ship",
                 "open-source", "publish", "preview", "add", "roll", "put", "create")

#: Verbs by which a company sets the model it names as their object against others: "Meta compared it with
#: A and B", "Halcyon benchmarked Sarn-9B against A".
SETTING_VERBS = frozenset({"compare", "benchmark", "pit", "test"})

#: Words that set the model a sentence is about against the models named after them: the verbs of a
#: benchmark ("beats", "trails", "edging out"), the phrases of a ranking ("ahead of", "on par with",
#: "competitive with", "falls short of", "holds its own against", "close to", "within a point of") and the words of
#: rivalry.
COMPARISON_LEMMAS = tuple(sorted(COMPARING_VERBS | {
    "outperform", "competitive", "comparable", "par", "ahead", "behind", "against", "short", "compete",
    "rival", "competitor", "versus", "vs", "vs.", "than", "underperform", "lag",
    # nearness is a ranking too: "scored 69%, close to B", "came close to B", "came within two points of B"
    "close", "within"} | SETTING_VERBS))
#: Words of nearness, which say many other things ("the deal closed within weeks of the launch"): they compare
#: only the models a "to" or an "of" names after them (see ``_near_rival``).
NEARNESS_WORDS = frozenset({"close", "within"})

#: Subjects that stand for a model named before: "it", "the 90B model", "the larger model".
MODEL_STAND_INS = frozenset({"it", "model", "version", "system", "variant", "one"})


def _clause_verb(word: Token) -> Token:
    """The verb (or the word itself) heading the clause a comparison word stands in."""
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _is_possessor(ent: Span) -> bool:
    """Whether a model is named only as a possessor ("Gemma's middle sizes"): it is no party of the comparison."""
    return ent.root.dep_ == "poss" or (ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ("'s", "\u2019s"))


def _models_of(tokens: Iterable[Token], refs: EntityRefs) -> list[Span]:
    """The models named among ``tokens``, in text order, one per span, possessors left out."""
    out, seen = [], set()
    for t in tokens:
        ent = refs.ent_containing(t)
        if ent is not None and ent.label_ == MODEL and ent.start not in seen and not _is_possessor(ent):
            seen.add(ent.start)
            out.append(ent)
    return out


def _in_subject_position(ent: Span) -> bool:
    """Whether a model is a clause's subject, or a name in apposition to one ("the largest, Claude 3 Opus, ...")."""
    root = ent.root
    while root.dep_ in ("appos", "conj", "compound") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _subject_model(word: Token, refs: EntityRefs) -> tuple[Span, bool] | None:
    """The model a comparison is about: the model subject of its clause (a pronoun or "the model" resolved),
    else the last model in subject position before the word in its sentence, else (for a subject that
    stands for a model, "it", "the 90B model") the model in subject position in the sentence before."""
    verb = _clause_verb(word)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if lemma_word(word) in SETTING_VERBS:
        return _set_model(word, refs)
    if not subjects:
        subjects = _shared_subjects(verb)  # "it also beat A ... and was competitive with B"
    if any(s.i == word.i for s in subjects):
        # "rivals such as A and B need more" lists rivals: of the model the clause above is about ("the model
        # needs two GPUs, where rivals such as A and B need many more"), of nothing in a main clause
        upper = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb.dep_ not in ("advcl", "ccomp", "conj", "relcl") or upper is None:
            return None
        above = [(e, via) for e, via in subjects_of(upper, refs) if e.label_ == MODEL and e.start < word.i]
        return above[0] if above else None
    found = [(e, via) for e, via in subjects_of(verb, refs) if e.label_ == MODEL and e.start < word.i] \
        if verb.pos_ in ("VERB", "AUX") else []
    if found:
        named = next((m for s in subjects for m in [_model_named_by_size(s, refs)] if m is not None), None)
        return (named, True) if found[0][1] and named is not None else found[0]
    sent = word.sent
    # the parser often loses a comparison's subject ("The smaller Tessera-8B beats" read as one noun phrase):
    # the model named before the sentence's first comparison word is what the sentence is about
    first = next(t for t in sent if lemma_word(t) in COMPARISON_LEMMAS and not t.ent_type_)
    before = _models_of(sent.doc[sent.start: first.i], refs)
    if before:
        return before[0], False
    stand_in = subjects and all(lemma_word(s) in MODEL_STAND_INS or s.lower_ in MODEL_STAND_INS for s in subjects)
    if stand_in:
        named = _model_said_before(sent, refs)
        return (named, True) if named is not None else None
    return None


def _model_said_before(sent: Span, refs: EntityRefs, back: int = 2) -> Span | None:
    """The model a stand-in ("it", "the model") in ``sent`` means: the model in subject position in the
    sentence before, or the one model named there; past a sentence that names none but is itself about
    "it" ("It keeps the 128K context window."), the one before that, ``back`` sentences at most."""
    doc = sent.doc
    while back > 0 and sent.start > 0:
        sent = doc[sent.start - 1].sent
        earlier = _models_of(sent, refs)
        named = [e for e in earlier if _in_subject_position(e)] or [e for e in earlier if _is_predicate(e)] \
            or (earlier if len({_name_key(e) for e in earlier}) == 1 else [])
        if named:
            return named[0]
        if earlier or not any(t.dep_ == "nsubj" and t.lower_ == "it" for t in sent):
            return None
        back -= 1
    return None


def _is_predicate(ent: Span) -> bool:
    """Whether a model is what a copula says its subject is ("Meta's answer was Llama 3.3 70B")."""
    return ent.root.dep_ == "attr" and lemma_word(ent.root.head) == "be"


def _shared_subjects(verb: Token) -> list[Token]:
    """The subjects a conjoined verb without its own shares with the verb it is joined to: "it beat A and
    was competitive with B" (the parser hangs "was" on "beat")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    return []


def _set_model(verb: Token, refs: EntityRefs) -> tuple[Span, bool] | None:
    """The model a setting verb's object names ("compared Sarn-9B with A"), or that its object "it" stands
    for (the model said before); a model subject sets itself against the others ("Sarn-9B was tested
    against A" has none)."""
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        ent = refs.ent_containing(child)
        if ent is not None and ent.label_ == MODEL:
            return ent, False
        if child.lower_ == "it":
            named = _model_said_before(child.sent, refs)
            return (named, True) if named is not None else None
    return None


def _object_stand_in(word: Token, refs: EntityRefs, model: Span) -> Span | None:
    """The model an object "it" of a comparison word means ("Sable-3B matches it", "ahead of it"): the model
    said before, if it is another than the one compared."""
    objects = [c for c in word.children if c.dep_ == "dobj"]
    objects += [g for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if not any(o.lower_ == "it" for o in objects):
        return None
    named = _model_said_before(word.sent, refs)
    return named if named is not None and _name_key(named) != _name_key(model) else None


def _model_named_by_size(noun: Token, refs: EntityRefs) -> Span | None:
    """The model "the 90B model" means: the one named in this sentence or the one before whose name ends with
    the noun's size ("Llama 3.2 90B"), which coreference may have read as the family ("Llama 3.2")."""
    sizes = {c.lower_ for c in noun.children if c.dep_ in ("nummod", "compound", "amod") and any(ch.isdigit() for ch in c.text)}
    if not sizes:
        return None
    sent = noun.sent
    start = noun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    named = [e for e in _models_of(noun.doc[start: noun.i], refs) if e[-1].lower_ in sizes]
    return named[-1] if named else None


def _rival_region(word: Token) -> list[Token]:
    """The tokens after a comparison word in its clause, leaving out other clauses ("..., while the smaller
    Haiku is faster", "though it remains behind C" has its own word)."""
    verb = _clause_verb(word)
    return [t for t in verb.subtree if t.i > word.i and not _verb_between(t, verb)]


def _verb_between(token: Token, top: Token) -> bool:
    """Whether a verb lies on the way up from ``token`` to ``top`` (the token then stands in another clause)."""
    start = token
    while token.i != top.i and token.head.i != token.i:
        # (a name the tagger read as a verb, "Sarn-70B", heads no clause of its own)
        if token.pos_ in ("VERB", "AUX") and not (token is start and token.ent_type_):
            return True
        token = token.head
    return token.i != top.i


def _near_rival(word: Token, rival: Span) -> bool:
    """Whether a word of nearness sets ``rival`` against the sentence's model: "close to B" (a "close" the
    "to" follows at once), "within two points of B"; B (or the first of a list it ends: "close to A and B") is
    the object of that "to" or "of". "closed within weeks of the B launch" compares nothing."""
    if lemma_word(word) == "close" and (word.i + 1 >= len(word.doc) or word.doc[word.i + 1].lower_ != "to"):
        return False
    root = rival.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "of"):
        return False
    prep = root.head
    while prep.dep_ == "conj" and prep.head.i != prep.i:  # "close to A, and to B" (the parser may join it to "close")
        prep = prep.head
    # the "to" right after "close"; the "of" of the distance "within" measures ("within two points of B"), not
    # of a noun further on ("close to A, the model behind the free version of B")
    if lemma_word(word) == "close":
        return prep.i in (word.i, word.i + 1)
    return word.i in (prep.head.i, prep.head.head.i)


def benchmark_candidates(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """competes_with between the model a comparison sentence is about and each model named after its
    comparison word."""
    for word in tokens_where(doc, "LEMMA", COMPARISON_LEMMAS):
        if word.ent_type_ or lemma_word(word) == "behind" and word.head.pos_ in ("NOUN", "PROPN"):
            continue  # "the model behind the free version of B": what a product runs on, no ranking
        subject = _subject_model(word, refs)
        if subject is None:
            continue
        model, via = subject
        near = lemma_word(word) in NEARNESS_WORDS
        for rival in _models_of(_rival_region(word), refs):
            if _name_key(rival) != _name_key(model) and (not near or _near_rival(word, rival)):
                yield Candidate(model, "competes_with", rival, word, BENCHMARK_RULE, _conf(BENCHMARK_RULE, via))
        rival = _object_stand_in(word, refs, model)
        if rival is not None:
            yield Candidate(model, "competes_with", rival, word, BENCHMARK_RULE, _conf(BENCHMARK_RULE, True))


def _possessive_owner(model: Span, refs: EntityRefs) -> tuple[Span, bool] | None:
    """The company a possessive before a model (or before the noun it names or stands in apposition to)
    means: "its Claude models", "our own model, Flint-2", "the company's new model, X"."""
    root = model.root
    nouns = [root]
    if root.dep_ in ("compound", "appos", "attr") and root.head.pos_ == "NOUN":
        nouns.append(root.head)  # "its Claude models", "our own model, Flint-2"
    for noun in nouns:
        for child in noun.children:
            if child.dep_ != "poss":
                continue
            ent = refs.ent_containing(child)
            via = ent is None
            ent = ent if ent is not None else refs.entity_for(child)
            if ent is not None and ent.label_ in MAKERS:
                return ent, via
    return None


#: Nouns naming a company by what it makes: "X, the maker of the Vega phone", "X is the developer of Y".
MAKER_NOUNS = frozenset({"maker", "developer", "creator", "builder", "manufacturer", "designer", "publisher",
                         "producer", "inventor", "vendor", "provider", "owner"})

#: Nouns that name a company standing "behind" a product: "X, the company behind Cursor".
BEHIND_NOUNS = frozenset({"company", "startup", "start-up", "firm", "lab", "laboratory", "team", "group", "outfit",
                          "business", "developer", "maker", "people"})


def _maker_noun_of(model: Span) -> Token | None:
    """The maker noun whose "of" (or "behind") object the model is, or names as a compound ("the maker of the
    Orrin image models", "the company behind Sarn-9B"); the model must be that object's head or modify it."""
    noun = model.root
    if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "the Orrin image models"
    while noun.dep_ == "conj":
        noun = noun.head  # "the maker of Kimi and Orrin"
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    maker = prep.head
    if prep.lower_ == "of" and lemma_word(maker) in MAKER_NOUNS:
        return maker
    if prep.lower_ == "behind" and lemma_word(maker) in BEHIND_NOUNS:
        return maker
    return None


def _maker_by_noun(model: Span, refs: EntityRefs) -> tuple[Span, bool, Token] | None:
    """The company a maker noun names as the model's maker: in apposition ("Brindle AI, the maker of X"), as a
    copula's complement ("Brindle AI is the developer of X"), or named after it ("the company behind X,
    Brindle AI"). A maker noun that is itself the object of something else ("an investor in the maker of
    X") names no company here."""
    maker = _maker_noun_of(model)
    if maker is None or maker.dep_ not in ("appos", "attr", "ROOT", "nsubj", "conj", "npadvmod", "dobj"):
        return None
    ent = refs.ent_containing(maker)
    via = ent is None
    if ent is None:
        ent = refs.entity_for_noun(maker)
    if ent is None and maker.dep_ == "attr":
        found = [e for e, _ in subjects_of(maker.head, refs) if e.label_ in MAKERS]
        ent = found[0] if found else None
    if ent is None or ent.label_ not in MAKERS or model.start <= ent.start < model.end:
        return None
    return ent, via, maker


def _maker_of(model: Span, refs: EntityRefs) -> tuple[Span, bool, Token] | None:
    """The company a sentence's frame makes the developer of ``model``: a possessive owner, the company
    subject of a word of making whose object the model is, or the one company the sentence names beside
    a word of making."""
    owner = _possessive_owner(model, refs)
    if owner is not None:
        return owner[0], owner[1], model.root
    verb = _making_word_of(model)
    if verb is None:
        return None  # the model is not what a word of making in its sentence makes
    if any(lemma_word(t) in COMPARISON_LEMMAS for t in model.doc[min(verb.i, model.start): model.start]):
        return None  # "releases Zephyr-4, a model it says beats Orca-3", parsed with Orca-3 as "releases"' object
    if verb.pos_ == "VERB" and verb.dep_ != "compound":
        found = [(e, via) for e, via in subjects_of(verb, refs) if e.label_ in MAKERS and not _named_as_agent(e)]
        if found:
            return found[0][0], found[0][1], verb
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None  # a subject that is no company made it ("customers can now use X")
    companies = {_name_key(e): e for e in model.sent.ents if e.label_ in MAKERS and not _is_possessor_of_other(e, model)
                 and not _named_as_agent(e)}  # "a round led by X"
    if len(companies) == 1:
        return next(iter(companies.values())), False, verb
    return None


def _making_word_of(model: Span) -> Token | None:
    """The word of making whose object the model is: the first verb above it ("Halcyon released X", "put out
    X"; "A published Y, and B followed with X" has "followed"), or a making noun below that verb, or a verb
    the parser hung on the name ("training X" read as a compound)."""
    for child in model.root.children:
        if child.dep_ == "compound" and child.pos_ == "VERB" and lemma_word(child) in MAKING_LEMMAS:
            return child
    for above in model.root.ancestors:
        if above.dep_ == "prep" and above.lower_ == "on" and lemma_word(above.head) in WORKING_LEMMAS:
            return above.head  # "Brindle AI is working on Orrin-9": a model in the making
        if above.dep_ == "prep" and above.lower_ in BASE_PREPOSITIONS:
            return None  # "models trained on Zephyr-4 outputs", "distilled from X": what they were made from
        if above.dep_ == "prep" and above.lower_ in TERMS_PREPOSITIONS:
            return None  # "releases Granite models under Apache licence": the terms it was made under
        if lemma_word(above) in MAKING_LEMMAS and above.pos_ in ("VERB", "NOUN"):
            return above
        if above.pos_ in ("VERB", "AUX"):
            return None
    return None


#: Verbs whose "on" object is a model being made: "is working on X", "has been toiling on X".
WORKING_LEMMAS = frozenset({"work", "toil", "labor", "labour"})

#: Prepositions by which a making verb names what a model was made from, not the model made.
BASE_PREPOSITIONS = frozenset({"on", "upon", "from", "off"})

#: Prepositions by which a making verb names the terms a model is released under (a licence), not the model.
TERMS_PREPOSITIONS = frozenset({"under"})


def _named_as_agent(ent: Span) -> bool:
    """Whether a company is named as the agent of a "by" phrase ("a round led by X"): a backer, not a maker."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ == "by"


def _is_possessor_of_other(company: Span, model: Span) -> bool:
    """Whether a company is named as the possessor of something other than ``model`` ("Meta's Llama 3", when
    the model is another): it owns that thing, and says nothing of ``model``."""
    root = company.root
    return root.dep_ == "poss" and not (model.start <= root.head.i < model.end)


def maker_candidates(doc: Doc, refs: EntityRefs, developed: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """develops between a model and the company its sentence's frame names as its maker, for models no
    rule gave a developer (``developed``: name keys)."""
    # a model of a family whose developer a rule stated gets it from the family rule (extract/families.py)
    known = doc_families(doc)
    families = {model_family(key, known) for key in developed} - {None}
    for model in refs.ents:
        if model.label_ != MODEL or _name_key(model) in developed or _is_possessor(model) \
                or model_family(model.text, known) in families:
            continue
        rule = MAKER_NOUN_RULE
        found = _maker_by_noun(model, refs)
        if found is None:
            rule = MAKER_RULE
            found = _maker_of(model, refs)
        if found is None:
            continue
        company, via, word = found
        if _names_another_company(model, company) or _known_developer_differs(company, model):
            continue
        yield Candidate(company, "develops", model, word, rule, _conf(rule, via))


#: Whether the fallbacks give only pairs no other rule related (off only to measure their standalone precision).
GUARDED = True


@code_rule
def model_frame_relations(doc: Doc, refs: EntityRefs, existing: Iterable[Candidate] = ()) -> Iterator[Candidate]:
    """competes_with between models read off a comparison sentence's frame, for pairs no other rule related there."""
    existing = list(existing)
    related = related_pairs(existing) if GUARDED else set()
    developed = frozenset(_name_key(c.target) for c in existing if c.relation == "develops") if GUARDED else frozenset()
    for c in maker_candidates(doc, refs, developed):
        if (c.trigger.sent.start, frozenset((_name_key(c.source), _name_key(c.target)))) not in related:
            yield c
    for c in benchmark_candidates(doc, refs):
        if (c.trigger.sent.start, frozenset((_name_key(c.source), _name_key(c.target)))) not in related:
            yield c
