"""Model sizes: the ``parameters`` attribute of a model, wherever the sentence puts the count.

A count found by :func:`extract.quantities.iter_parameters` is first *admitted* (is it a size at
all?) and then given to the model it belongs to by the first rule that names one:

Admission, from what the count counts (the words after it; lists in ``data/lexicon/sizes.json``):

* stated in parameters ("405 billion parameters", "a 12-billion-parameter design"): a size;
* counting a model noun ("a 70B model", "8B and 70B versions"): a size;
* counting nothing ("Zephyr has 314 billion", "Zephyr (70B)"): a size from a billion up;
* a glued size ("70B") before another singular noun ("a 7B newcomer"): a size;
* counting another unit (a context window, training tokens, users, GPUs, downloads, bytes) or an
  *active* share of a mixture of experts ("21 billion active"): never. Money ("$7B") never reaches
  here, and a thousands scale ("128K") is a size only when stated in parameters.

The model (first rule that names one wins):

1. ``name``: the size is part of the name ("Llama 3.1 405B");
2. ``parenthesis``: right after a name ("Zephyr (405B parameters)", "Zephyr (70B)");
3. ``prenominal``: in front of a name ("the 70-billion-parameter Zephyr");
4. ``family``: several sizes of one family ("Zephyr comes in 8B and 70B versions") give the family
   its *largest* size: a reader asked how big Zephyr is hears the flagship figure, and a size-named
   sibling ("Zephyr 8B") carries its own size by rule 1 wherever it is named;
5. ``syntax``: the parse: the subject of a have or measure verb ("Zephyr has / is / measures /
   weighs in at / comes in at / tops out at 405 billion parameters"), an apposition or predicate
   noun ("Zephyr, a 70B model"), a possessor ("its 70 billion parameters"), a naming verb ("a 70B
   model called Zephyr"), "a model with 70B parameters";
6. ``phrase``: a fronted or absolute phrase about the clause's subject ("With some 400 billion
   parameters, Zephyr ...", "At 70B parameters, it ...", "Sized at 8B parameters, Zephyr ...").

Pronouns and descriptions ("It has...", "The model has..." in the next sentence) reach their model
through :mod:`extract.coref`. A count never goes to another model of the sentence ("half that of
GPT-4" gives GPT-4 nothing), nor through a comparison ("than", "unlike", "compared with").
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc, Span, Token
from ..tokens import doc_text

from ..entities import mention_from_span
from ..lexicon import load_triggers
from ..quantities import iter_parameters
from ..records import Attribute
from ..resources import LEXICON_DIR
from .frames import _subject_tokens
from .parties import _evidence, _lemma, _refs_for


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    with open(LEXICON_DIR / "sizes.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    lists = {k: frozenset(w.lower() for w in v) for k, v in raw.items() if not k.startswith("_")}
    triggers = load_triggers()
    model_nouns = set(triggers["coref"]["model_nouns"]) | set(triggers["model_description_nouns"])
    lists["model_nouns"] = frozenset(w for w in model_nouns if " " not in w) | lists["size_nouns"]
    return lists


def _words(name: str) -> frozenset[str]:
    return _lists()[name]


_SCALE_WORDS = frozenset({"billion", "million", "trillion", "thousand"})
#: words that may stand between "(" and the count: "(about 70B)", "(a 70B model)"
_PAREN_FILLERS = frozenset({"about", "around", "some", "roughly", "approximately", "~", "nearly", "almost",
                            "over", "under", "a", "an", "just", "reportedly", "estimated", "up", "to"})
#: the links a size phrase climbs through from the count to the verb or noun it describes
_CLIMB_DEPS = frozenset({"pobj", "prep", "appos", "conj", "nummod", "compound", "amod", "acomp", "npadvmod",
                         "dobj", "attr", "quantmod", "nmod", "cc"})


def _owns(span: Span | None) -> bool:
    """A MODEL span with a name ("34B" alone names no model). Names the typer took for a product, place
    or company own nothing: ``parameters`` are a model node's (SCHEMA.md), so typing is the typer's job."""
    return span is not None and span.label_ == "MODEL" and re.search(r"[A-Za-z]{2,}|^[A-Za-z]\d", span.text) is not None


def _model(token: Token, refs) -> Span | None:
    """The model ``token`` names or refers to; a MODEL span that is only a size ("34B") names none."""
    span = refs.entity_for(token)
    if (span is None or span.label_ != "MODEL") and token.lower_ in ("it", "its") \
            and hasattr(refs, "antecedent_of_type"):
        # only a model has parameters: "Brightloom released Zephyr. It has 22B parameters" means Zephyr
        span = refs.antecedent_of_type(token, ("MODEL",))
    return span if _owns(span) else None


def _named(span: Span | None) -> Span | None:
    return span if _owns(span) else None


def _root(span: Span) -> Token:
    """The count's head token: "a trillion-parameter" hangs on "parameter", not on the article."""
    tops = [t for t in span if not span.start <= t.head.i < span.end or t.head is t]
    return next((t for t in tops if t.dep_ not in ("det", "predet", "quantmod", "advmod")), span.root)


def _sent(span: Span) -> Span:
    """The sentence of ``span``; the whole Doc when it has no sentence boundaries."""
    doc = span.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return span.sent
    return doc[:]


# --- admission: what does the count count? -----------------------------------------------------

def _counted(span: Span, ent_of: dict) -> tuple[str, Token | None]:
    """What the count ``span`` counts, read off the words after it: ``("parameters", noun)``,
    ``("model", noun)``, ``("noun", noun)`` for another singular noun, ``("none", None)``, or
    ``("other", noun)`` / ``("active", word)`` for counts that are never sizes."""
    doc = span.doc
    params = _words("parameter_nouns")
    for t in span:
        if _lemma(t) in params or t.lower_.rstrip("s") in params:
            return "parameters", t
    j, end = span.end, _sent(span).end
    chain: list[Token] = []
    while j < end and len(chain) < 5:
        t = doc[j]
        if t.text in ("-", "–") and not t.whitespace_:
            j += 1
            continue
        if j in ent_of and ent_of[j].label_ in ("MODEL", "COMPANY", "PERSON", "ORGANIZATION", "PRODUCT"):
            break
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.tag_ in ("JJ", "NN", "NNS", "VBN") and t.is_alpha \
                or not t.pos_ and not t.tag_ and t.is_alpha:  # an untagged Doc: read the words
            chain.append(t)
            j += 1
            continue
        break
    found_noun = None
    for t in chain:
        lemma, lower = _lemma(t), t.lower_
        if lemma in _words("active_words") or lower in _words("active_words"):
            return "active", t
        if lemma in params or lower.rstrip("s") in params:
            return "parameters", t
        if lemma in _words("other_units") or lower.rstrip("s") in _words("other_units"):
            return "other", t
        if lemma in _words("model_nouns") or lower.rstrip("s") in _words("model_nouns"):
            return "model", t
        if found_noun is None and t.pos_ in ("NOUN", "PROPN"):
            found_noun = t
    if found_noun is not None:
        return "noun", found_noun
    return "none", None


def _glued(text: str) -> bool:
    """A size written as one word: "70B", "1.8T", "405B"."""
    return re.fullmatch(r"\d[\d.,]*[BT]", text.strip()) is not None


def _admitted(span: Span, count: int, what: str, noun: Token | None) -> bool:
    if what in ("other", "active"):
        return False
    text = span.text
    if re.search(r"\d\s*[Kk]\b|thousand", text) and what != "parameters":
        return False  # "128K": a context length unless stated in parameters
    if what in ("parameters", "model"):
        return True
    if what == "none":
        return count >= 1_000_000_000
    # another noun: "a 7B newcomer", never "7B tokens" (a plural is what is counted)
    return _glued(text) and noun is not None and noun.tag_ not in ("NNS", "NNPS")


def _preceded_by_unit(span: Span) -> bool:
    """ "a context window of 1 billion", "up to 2 million": the unit is named before the count."""
    doc = span.doc
    k = span.start - 1
    while k > _sent(span).start and doc[k].lower_ in _PAREN_FILLERS:
        k -= 1
    if k <= _sent(span).start or doc[k].lower_ != "of":
        return False
    return _lemma(doc[k - 1]) in _words("other_units")


# --- the model: surface rules -----------------------------------------------------------------------

def _model_before_parenthesis(span: Span, ent_of: dict) -> Span | None:
    """ "Zephyr (405B parameters)", "Zephyr (about 70B)", "Zephyr (a 70B model)", "the Zephyr model (70B)"."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _PAREN_FILLERS:
        i -= 1
    if i < 1 or doc[i].text not in ("(", "["):
        return None
    if i >= 2 and _lemma(doc[i - 1]) in _words("model_nouns") and (i - 2) in ent_of:
        i -= 1  # "the Zephyr model (70B)": a class noun between the name and its parenthesis
    ent = ent_of.get(i - 1)
    if ent is None or ent.end != i:
        return None
    return _named(ent)


def _model_before_comma_phrase(span: Span, ent_of: dict) -> Span | None:
    """ "Zephyr, at 132 billion parameters, beats ...", "Zephyr, with some 70B parameters, ...": an
    absolute phrase set off by commas right after a name, read off the surface."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _PAREN_FILLERS and doc[i].lower_ not in _words("phrase_preps"):
        i -= 1
    if i < 2 or doc[i].lower_ not in _words("phrase_preps") or doc[i - 1].text != ",":
        return None
    ent = ent_of.get(i - 2)
    if ent is None or ent.end != i - 1 or ent.root.dep_ == "pobj":
        return None  # "... five times the size of Orca-3, at 400B parameters": Orca-3 is not the subject
    return _named(ent)


def _passage_counts_parameters(span: Span) -> bool:
    """Whether the sentence of a bare count ("with 14 billion"), or the one before it, states a count in
    parameters: a passage that has said what it counts need not say it again ("Phi-3-small, with 7 billion
    parameters, and Phi-3-medium, with 14 billion")."""
    sent = _sent(span)
    texts = [sent.text]
    if sent.start > 0:
        texts.append(_sent(span.doc[sent.start - 1: sent.start]).text)
    return any(re.search(r"\bparam", t, re.IGNORECASE) for t in texts)


def _model_before_bare_phrase(span: Span, ent_of: dict) -> Span | None:
    """ "a lighter Zephyr-Air at 106 billion", "Zephyr-Mini with 4 billion": a size phrase right after a model's
    name, without a comma, is about that model."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _PAREN_FILLERS and doc[i].lower_ not in _words("phrase_preps"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("at", "with"):
        return None
    ent = ent_of.get(i - 1)
    if ent is None or ent.end != i or ent.label_ != "MODEL":
        return None
    return _named(ent)


def _model_after_count(span: Span, ent_of: dict) -> Span | None:
    """ "the 70-billion-parameter Zephyr", "Meta's 405B Zephyr": the count right before a name."""
    doc = span.doc
    j = span.end
    while j < len(doc) and doc[j].text in ("-", "–") and not doc[j].whitespace_:
        j += 1
    if j < len(doc) and _lemma(doc[j]) in _words("parameter_nouns") and doc[j].tag_ not in ("NNS", "NNPS"):
        j += 1
    ent = ent_of.get(j)
    if ent is None or ent.start != j or j == span.end and not (_glued(span.text) or "param" in span.text.lower()):
        return None
    return _named(ent)


def _model_after_fronted_phrase(span: Span, refs) -> Span | None:
    """ "With some 400B parameters, Zephyr ...", "Sized at 8B parameters, the model ...", "Packing 70B
    parameters, it ...": a sentence-opening phrase, closed by a comma, about the subject that follows.

    Read off the surface, because the parser often garbles such openings; the phrase must hold no
    name and must not be a comparison ("Compared with the 1.8T parameters of X, Zephyr ...")."""
    doc, sent = span.doc, _sent(span)
    first = doc[sent.start]
    if first.is_punct and sent.start + 1 < sent.end:
        first = doc[sent.start + 1]
    if _is_comparison(first) or not (first.lower_ in _words("phrase_preps") or first.tag_ in ("VBG", "VBN")
                                     or first.lower_.endswith(("ed", "ing"))):
        return None
    comma = next((t.i for t in doc[span.end:sent.end] if t.text in (",", ";", ":")), None)
    if comma is None or any(doc[k].ent_type_ or refs.entity_for(doc[k]) is not None for k in range(first.i, comma)) \
            or any(_is_comparison(doc[k]) for k in range(first.i + 1, span.start)):
        return None
    k = comma + 1
    while k < min(sent.end, comma + 8):
        t = doc[k]
        found = _model(t, refs)
        if found is not None:
            return found
        owner = refs.ent_containing(t) if hasattr(refs, "ent_containing") else None
        end = owner.end if owner is not None else k + 1
        if end < sent.end and doc[end].tag_ == "POS" or t.tag_ == "PRP$":
            k = end + (1 if t.tag_ != "PRP$" else 0)  # "xAI's Zephyr", "its Zephyr": the owner, then the model
            continue
        if t.pos_ in ("NOUN", "PROPN", "PRON") or t.ent_type_:
            return None
        k += 1
    return None


def _model_of_count_noun(count_root: Token, refs) -> Span | None:
    """ "Zephyr's parameter count is 70 billion", "Zephyr has a parameter count of 70 billion",
    "the number of parameters in Zephyr is 70B": the count is the value of a count noun."""
    head = count_root.head
    noun = None
    if count_root.dep_ in ("attr", "acomp") and head.pos_ == "AUX":
        noun = next((c for c in head.children if c.dep_ == "nsubj"), None)
    elif count_root.dep_ == "pobj" and head.lower_ in ("of", "at", "around") and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
    if noun is None or _lemma(noun) not in _words("count_nouns"):
        return None
    params = _words("parameter_nouns")
    if not any(_lemma(c) in params or any(_lemma(g) in params for g in c.children) for c in noun.children):
        return None
    for c in noun.children:
        if c.dep_ == "poss":
            return _model(c, refs)
    # "the parameter count of Zephyr", "the number of parameters in Zephyr"
    for g in noun.subtree:
        if g.dep_ == "pobj" and g.head.lower_ in ("of", "in", "for") and g.head is not head and g.i < count_root.i:
            found = _model(g, refs)
            if found is not None:
                return found
    if noun.dep_ in ("dobj", "attr") and _lemma(noun.head) in _words("have_verbs"):
        subjects, _ = _subject_tokens(noun.head)
        for s in subjects:
            found = _model_of_subject(s, refs)
            if found is not None:
                return found
    return None


# --- the model: the parse -----------------------------------------------------------------------

def _model_of_noun(noun: Token, refs) -> Span | None:
    """The model a noun names: itself, its apposition ("MAI-1-preview, a 500B giant"), its name
    ("a model called MAI-1", "a model ..., codenamed MAI-1"), its owner ("its parameters")."""
    found = _model(noun, refs)
    if found is not None:
        return found
    model_noun = _lemma(noun) in _words("model_nouns")
    if model_noun:
        for c in noun.children:  # "xAI's Zephyr model": the name in front of the model noun
            if c.dep_ in ("compound", "nummod", "nmod") and c.i < noun.i:
                found = _model(c, refs)
                if found is not None:
                    return found
        found = _delayed_apposition(noun, refs)
        if found is not None:
            return found
    if noun.dep_ == "appos":
        found = _model(noun.head, refs) or _named_before_model_noun(noun.head, refs)
        if found is not None:
            return found
        # "DeepSeek-V2 from DeepSeek, a 236B model": the description hangs on the maker, not the model
        maker = noun.head
        if maker.dep_ == "pobj" and maker.head.lower_ in ("from", "by") and _lemma(noun) in _words("model_nouns"):
            found = _model(maker.head.head, refs)
            if found is not None:
                return found
    for c in noun.children:
        if c.dep_ == "appos":
            found = _model(c, refs)
            if found is not None:
                return found
    # "Zephyr, a constellation of models with 4.2 trillion parameters in total": the models of a collection
    # noun are counted together, the collection's size
    if model_noun and noun.tag_ == "NNS" and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.pos_ == "NOUN" and noun.head.head is not noun:
        found = _model_of_noun(noun.head.head, refs)
        if found is not None:
            return found
    # "training a 500B parameter model in-house, codenamed MAI-1": the naming verb is a sibling
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        for sibling in noun.head.children:
            if sibling.dep_ in ("conj", "advcl") and _lemma(sibling) in ("codename", "call", "name", "dub", "know"):
                for arg in sibling.children:
                    if arg.dep_ in ("oprd", "dobj", "attr"):
                        found = _model(arg, refs)
                        if found is not None:
                            return found
    # "MAI-1 is a 500B model", "MAI-1 ... a tool with 500 billion parameters",
    # "DBRX uses a mixture-of-experts design with 132 billion parameters"
    if noun.dep_ in ("attr", "acomp") and noun.head.pos_ in ("AUX", "VERB") or \
            noun.dep_ == "dobj" and _lemma(noun.head) in _words("have_verbs"):
        subjects, _ = _subject_tokens(noun.head)
        for s in subjects:
            found = _model(s, refs) or _model_of_subject(s, refs)
            if found is not None:
                return found
    return None


def _named_before_model_noun(noun: Token, refs) -> Span | None:
    """The model named in front of a model noun: "Its *Polaris 3.0* system, a constellation of ..." (the
    apposition describes the system, which is the model named before it)."""
    if _lemma(noun) not in _words("model_nouns"):
        return None
    return next((m for c in noun.children if c.dep_ in ("compound", "nmod", "nummod") and c.i < noun.i
                 for m in [_model(c, refs)] if m is not None), None)


def _delayed_apposition(noun: Token, refs) -> Span | None:
    """ "Brightloom launched Zephyr today, a model with 400B parameters": an indefinite model noun after a
    comma describes the name just before the comma (an object or subject, not a name inside a phrase)."""
    doc = noun.doc
    left = noun.left_edge.i
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) or left < 2 \
            or doc[left - 1].text != ",":
        return None
    for k in range(left - 2, max(-1, left - 5), -1):
        found = _model(doc[k], refs)
        if found is not None:
            return found if found.root.dep_ in ("dobj", "nsubj", "nsubjpass", "appos", "attr") else None
    return None


def _maker_with_clause(token: Token) -> bool:
    """Whether ``token`` is the maker in "X from/by <token>, which ..." (a relative clause with a wh-subject)."""
    return token.dep_ == "pobj" and token.head.lower_ in ("from", "by") and any(
        c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.tag_ in ("WDT", "WP") for g in c.children)
        for c in token.children)


def _model_of_subject(subject: Token, refs) -> Span | None:
    if subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl" and subject.head.head is not subject.head:
        return _model_of_noun(subject.head.head, refs)  # "xAI's Zephyr model, which has 70B parameters"
    if _maker_with_clause(subject) and _model(subject, refs) is None:
        # "Zephyr-L from Brightloom, which has about 1.5 billion": a maker has no parameters; the clause hangs on
        # it but tells of the model it comes from (as an apposition does: "X from Y, a 14B model")
        found = _model(subject.head.head, refs)
        if found is not None:
            return found
    # "the smallest Zephyr model has 0.5B": a superlative description is one member of a family,
    # not the family its noun would resolve to; only a name beside it ("..., Zephyr-S, has") says which
    superlative = refs.ent_containing(subject) is None and any(c.tag_ == "JJS" for c in subject.children) \
        if hasattr(refs, "ent_containing") else False
    found = None if superlative else _model(subject, refs) or _family_named_on(subject, refs)
    if found is not None:
        return found
    # "The model, known as MAI-1, will have ..."
    for c in subject.children:
        if c.dep_ in ("acl", "appos"):
            found = _model(c, refs)
            if found is not None:
                return found
            for g in c.subtree:
                found = _model(g, refs)
                if found is not None and g.dep_ in ("pobj", "oprd", "attr", "dobj", "appos"):
                    return found
    if superlative and any(c.tag_ == "JJS" and c.lower_ in LARGEST_WORDS for c in subject.children):
        # "the largest version of Ravelin has 236B": the family's largest is the family's size (see the
        # module doc); "the smallest" stays one member
        return _family_named_on(subject, refs) or next(
            (m for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" for m in [_model(g, refs)] if m is not None), None)
    return None


#: Superlatives that name a family's flagship, whose size is the family's
LARGEST_WORDS = frozenset({"largest", "biggest"})
#: Nouns for a family of models named by a compound: "the Tamarind family", "Brightloom's Vega series"
FAMILY_NOUNS = frozenset({"family", "series", "line", "lineup", "line-up", "suite", "range", "model", "version"})


def _family_named_on(noun: Token, refs) -> Span | None:
    """The model named in front of a family noun: "Brightloom's *Tamarind* family comes in 8B and 70B versions"."""
    if _lemma(noun) not in FAMILY_NOUNS:
        return None
    return next((m for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i
                 for m in [_model(c, refs)] if m is not None), None)


def _model_of_clause(verb: Token, refs, phrase: Token | None = None) -> Span | None:
    """The model a clause is about: its subject; else, for a phrase after the verb, its object
    ("Meta released Zephyr with 70B parameters")."""
    subjects, _ = _subject_tokens(verb)
    for s in subjects:
        found = _model_of_subject(s, refs)
        if found is not None:
            return found
    if subjects and phrase is not None and phrase.i < subjects[0].i:
        return None  # "With 70B parameters, Meta ..." is about Meta, not a model
    if phrase is None or phrase.i > verb.i:
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") and (phrase is None or c.i < phrase.i):
                found = _model(c, refs)
                if found is not None:
                    return found
    return None


def _is_comparison(token: Token) -> bool:
    return _lemma(token) in _words("comparison_words") or token.lower_ in _words("comparison_words")


def _model_of_phrase(noun: Token, refs) -> Span | None:
    """A size phrase about a clause's subject: "With some 400 billion parameters, Zephyr ...",
    "At 70B parameters, it ...", "Sized at 8B parameters, Zephyr ...", "Packing 70B parameters, Zephyr ...",
    and the measure verbs: "Zephyr weighs in at / comes in at / tops out at 405B parameters"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        prep = head.lower_
        verb = head.head
        if verb.pos_ in ("NOUN", "PROPN") and prep in _words("phrase_preps"):
            return _model_of_noun(verb, refs)  # "Zephyr, at 70B parameters, is ...", "a model with 70B parameters"
        if verb.pos_ == "NOUN" and prep == "of" and _lemma(verb) in _words("model_nouns"):
            return _model_of_noun(verb, refs)  # "Zephyr, a model of 30 billion parameters": the model's measure
        measured = _lemma(verb) in _words("measure_verbs") and prep in _words("measure_preps")
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and measured:
            return _model_of_clause(verb.head, refs, head)  # "Zephyr is sized at 70B parameters"
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if not measured and prep not in _words("phrase_preps"):
            return None
        if verb.dep_ in ("advcl", "acl", "xcomp") and verb.tag_ in ("VBN", "VBG") and not _is_comparison(verb) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "Sized at 8B parameters, Zephyr runs": the participle's subject is the clause's
            return _model_of_clause(verb.head, refs, verb) if verb.dep_ == "advcl" else _model_of_noun(verb.head, refs)
        if _is_comparison(verb):
            return None
        return _model_of_clause(verb, refs, head)
    if noun.dep_ == "dobj" and head.pos_ == "VERB":
        if _lemma(head) in _words("measure_verbs") | _words("have_verbs"):
            found = _model_of_clause(head, refs)
            if found is not None:
                return found
        if head.dep_ == "advcl" and head.tag_ in ("VBG", "VBN") and not _is_comparison(head) \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            return _model_of_clause(head.head, refs, head)  # "Packing 70B parameters, Zephyr ..."
    return None


def _model_for_count(count_root: Token, refs) -> Span | None:
    """The model a parameter count belongs to, read from the syntax around the count."""
    own = _model(count_root, refs)
    if own is not None:  # "Llama 3.1 405B": the size is part of the name
        return own
    # climb from the number to the noun it counts, through modifier links only
    # ("released in 27B sizes" does not make 27B a count of the released model)
    token = count_root
    for _ in range(3):
        if token is not count_root and token.pos_ in ("NOUN", "PROPN") and _lemma(token) not in _SCALE_WORDS:
            break
        if token is count_root and token.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"):
            break  # the count stands alone ("has 314 billion"): it is its own noun
        if token.head is token or token.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"):
            return None
        token = token.head
    noun = token
    if _lemma(noun) in _words("parameter_nouns") and noun.dep_ in ("compound", "amod", "nmod") \
            and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "a 500-billion-parameter giant": the count describes the giant
    for _ in range(3):  # "a 3.8B language model", "a 340B model family": the head of the compound
        if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head is not noun \
                and _lemma(noun) not in _words("parameter_nouns") and _model(noun, refs) is None:
            noun = noun.head
    if _lemma(noun) in _words("parameter_nouns"):
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head is not noun:
            noun = noun.head  # "a context of 1M tokens and 70B parameters": the role of the first conjunct
        for c in noun.children:
            if c.dep_ == "poss":  # "its 500 billion parameters", "MAI-1's parameters"
                return _model(c, refs)
        head = noun.head
        if noun.dep_ in ("dobj", "attr") and _lemma(head) in _words("have_verbs"):
            subjects, _ = _subject_tokens(head)
            for s in subjects:
                found = _model_of_subject(s, refs)
                if found is not None:
                    return found
            return None
        return _model_of_phrase(noun, refs)
    if noun.pos_ in ("NOUN", "PROPN"):
        return _model_of_noun(noun, refs) or _model_of_phrase(noun, refs)
    return _model_of_phrase(noun, refs)


def _model_of_family(first: Token, refs) -> Span | None:
    """The family a list of sizes is told of: "Zephyr comes in 8B and 70B versions", "Meta released
    Zephyr in 8B and 70B sizes", "Zephyr, an open model released in 27B and 9B sizes"."""
    token = first
    for _ in range(6):
        if token.dep_ not in _CLIMB_DEPS or token.head is token:
            return None
        token = token.head
        if _is_comparison(token) and not _of_sizes(token):
            return None
        found = _model(token, refs)
        if found is not None:
            return found
        if token.pos_ in ("VERB", "AUX") or token.pos_ == "ADJ" and token.dep_ == "acomp":
            if _lemma(token) not in _words("family_verbs"):
                return None  # "Zephyr replaces the 7B and 13B models": sizes of other models
            verb = token.head if token.dep_ == "acomp" else token
            if token.dep_ in ("acl",) and token.head.pos_ in ("NOUN", "PROPN"):
                return _model_of_noun(token.head, refs)
            return _model_of_clause(verb, refs)
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "pobj":
            for c in token.children:  # "the 8B and 70B versions of Zephyr"
                if c.dep_ == "prep" and c.lower_ == "of":
                    found = next((m for g in c.children if g.dep_ == "pobj" for m in [_model(g, refs)] if m), None)
                    if found is not None:
                        return found
            found = _model_of_noun(token, refs)
            if found is not None:
                return found
            if token.dep_ == "ROOT" and _lemma(token) in _words("family_verbs"):
                # "Zephyr ships in ..." parsed as a noun phrase: the verb read as a noun
                return next((m for c in token.children if c.dep_ in ("compound", "nsubj")
                             for m in [_model(c, refs)] if m is not None), None)
    return None


def _of_sizes(token: Token) -> bool:
    """ "of" after a size noun lists sizes ("in sizes of 7 billion and 70 billion parameters"), it compares nothing."""
    return token.lower_ == "of" and token.head is not token and _lemma(token.head) in _words("size_nouns")


# --- lists of sizes ---------------------------------------------------------------------------------

def _lists_of_counts(sent: Span, counts: list[tuple[Span, int]]) -> list[list[int]]:
    """Indices of counts that form one list ("8B and 70B", "7B, 13B and 70B", "8B/70B")."""
    groups: list[list[int]] = []
    for k, (span, _) in enumerate(counts):
        if k and groups and groups[-1][-1] == k - 1:
            prev = counts[k - 1][0]
            between = doc_text(sent.doc)[prev.end_char:span.start_char]
            if re.fullmatch(r"\s*(?:,|and|or|/|&|,\s*and|,\s*or)?\s*", between) and prev.end_char < span.start_char \
                    or between == "/":
                groups[-1].append(k)
                continue
        groups.append([k])
    return groups


def find_attributes(doc: Doc, article_id: str, refs=None) -> Iterator[Attribute]:
    """Model sizes stated in a parsed article as ``parameters`` attributes (see the module doc).

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Span
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Llama", "3.1", "405B", "is", "open", "."])
    >>> doc.ents = [Span(doc, 0, 3, label="MODEL")]
    >>> [(a.mention.text, a.name, a.value) for a in find_attributes(doc, "a1")]
    [('Llama 3.1 405B', 'parameters', 405000000000)]
    """
    refs = _refs_for(doc, refs)
    ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    seen = set()
    has_dep = doc.has_annotation("DEP")
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or has_dep else [doc[:]]
    for sent in sents:
        base = sent.start_char
        counts: list[tuple[Span, int]] = []
        for start, end, count in iter_parameters(sent.text):
            span = doc.char_span(base + start, base + end, alignment_mode="expand")
            if span is not None and len(span):
                counts.append((span, count))
        for group in _lists_of_counts(sent, counts):
            found = _group_sizes(doc, counts, group, ent_of, refs, has_dep)
            for model, count in found:
                key = (model.start, model.end, count)
                if key in seen:
                    continue
                seen.add(key)
                yield Attribute(
                    mention=mention_from_span(model, article_id),
                    name="parameters",
                    value=count,
                    evidence=_evidence(article_id, sent),
                )


def _group_sizes(doc, counts, group, ent_of, refs, has_dep) -> list[tuple[Span, int]]:
    out = []
    rest = []
    for k in group:
        span, count = counts[k]
        # a MODEL entity that is only the count ("a 34B model" typed "34B") names no model
        inside = [ent_of[t.i] for t in span if t.i in ent_of and _named(ent_of[t.i]) is not None]
        if inside:  # "Llama 3.1 405B": the size is part of the name
            out.append((inside[0], count))
            continue
        if span.start - 1 in ent_of and ent_of[span.start - 1].label_ == "MODEL" \
                and ent_of[span.start - 1].end == span.start:
            continue  # "Llama 3.1 405B" typed as "Llama 3.1": the name lost its size; do not guess
        rest.append(k)
    if not rest:
        return out
    if len(rest) > 1:
        # several sizes: what the last one counts counts them all ("8B and 70B versions")
        last_span = counts[rest[-1]][0]
        what, noun = _counted(last_span, ent_of)
        if what == "noun" and noun is not None and noun.tag_ in ("NNS", "NNPS"):
            return out
        if not all(_admitted(counts[k][0], counts[k][1], what if what != "noun" else "none", noun) for k in rest):
            return out
        first = counts[rest[0]][0]
        model = _model_before_parenthesis(first, ent_of)
        if model is None and has_dep:
            model = _model_of_family(_root(first), refs)
        if model is not None and not _names_own_size(model):
            out.append((model, max(counts[k][1] for k in rest)))
        return out
    span, count = counts[rest[0]]
    what, noun = _counted(span, ent_of)
    if not _admitted(span, count, what, noun) or what != "parameters" and _preceded_by_unit(span):
        return out
    model = _model_before_parenthesis(span, ent_of) or _model_after_count(span, ent_of)
    if model is None and what == "parameters":
        model = _model_before_comma_phrase(span, ent_of)
    if model is None and what == "none" and _passage_counts_parameters(span):
        model = _model_before_comma_phrase(span, ent_of) or _model_before_bare_phrase(span, ent_of)
    if model is None and has_dep:
        model = _model_for_count(_root(span), refs) or _model_of_count_noun(_root(span), refs) \
            or _model_after_fronted_phrase(span, refs)
    if model is None and what in ("parameters", "none"):
        model = _only_model_before(span)
    if model is not None:
        out.append((model, count))
    return out


def _names_own_size(model: Span) -> bool:
    """Whether a model's name states its size ("Granite 3.0 2B Instruct", "Gemma 3 27B"): such a model is one
    member of a family, and a list of sizes ("A and B, models with 8 billion and 2 billion parameters", "the
    smaller versions come in at 1B, 4B and 12B") does not give it the largest; its name already gives its own.

    >>> import spacy
    >>> doc = spacy.blank("en")("Granite 3.0 2B Instruct and Llama 3")
    >>> _names_own_size(doc[0:4]), _names_own_size(doc[5:7])
    (True, False)
    """
    return any(True for _ in iter_parameters(model.text))


def _whole_or_word_part(token: Token) -> bool:
    """An "of" that compares nothing: "out of 400 billion in total", "a mixture-of-experts design"."""
    doc = token.doc
    if token.lower_ != "of" or token.i == 0:
        return False
    hyphenated = doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and not token.whitespace_
    return doc[token.i - 1].lower_ == "out" or hyphenated


def _only_model_before(span: Span) -> Span | None:
    """The fallback when no construction names the model: the one model (by name) the sentence names, if it
    is the subject of a verb above the count and named before it ("Meta said Maverick has 17 billion active
    parameters out of about 400 billion in total"). Two models, a model only after the count, an active
    share or a comparison between ("than", "half the size of") leave the count unassigned."""
    sent = _sent(span)
    models = [e for e in sent.ents if _named(e) is not None]
    if len({(e._.canonical or e.text).lower() for e in models}) != 1:
        return None
    model = models[0]
    after = []
    for t in span.doc[span.end: min(span.end + 5, sent.end)]:
        if t.is_punct:
            break
        after.append(t)
    if any(_lemma(t) in _words("active_words") or t.lower_ in _words("active_words") for t in after):
        return None  # "of which 36 billion are active": the active share, not the size
    # ("half the size of a 70B model" compares; "out of 400 billion in total" is the whole)
    doc = span.doc
    if model.end > span.start or any(_is_comparison(t) and not _whole_or_word_part(t) for t in doc[model.end: span.start]):
        return None
    # the model is the subject of a verb the count hangs under ("Maverick has ... 400 billion in total")
    verbs = {a.i for a in _root(span).ancestors if a.pos_ in ("VERB", "AUX")}
    return model if model.root.dep_ in ("nsubj", "nsubjpass") and model.root.head.i in verbs else None
