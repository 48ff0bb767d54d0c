"""Model sizes: parameter counts stated for a model become ``parameters`` attributes of that model."""
from __future__ import annotations
import re
from typing import Iterator
from spacy.tokens import Doc, Span, Token
from ..entities import mention_from_span
from ..quantities import iter_parameters
from ..records import Attribute
from .parties import _evidence, _lemma, _refs_for
from .frames import _subject_tokens


#: verbs whose subject is the model and object its parameter count: "MAI-1 will have 500B parameters"
_HAVE_VERBS = frozenset({"have", "handle", "feature", "boast", "contain", "use", "pack", "sport", "include",
                         "comprise", "count", "carry", "run", "be"})


_PARAMETER_NOUNS = frozenset({"parameter", "param", "weight"})


def _model(token: Token, refs) -> Span | None:
    """The model ``token`` names or refers to; a MODEL span that is only a size ("34B") names none."""
    span = refs.entity_for(token)
    if span is None or span.label_ != "MODEL" or not re.search(r"[A-Za-z]{2,}", span.text):
        return None
    return span


def _model_of_noun(noun: Token, refs) -> Span | None:
    """The model a noun names: itself, its apposition ("MAI-1-preview, a 500B giant"), its name
    ("a model called MAI-1", "a model ..., codenamed MAI-1"), its owner ("its parameters")."""
    found = _model(noun, refs)
    if found is not None:
        return found
    if noun.dep_ == "appos":
        found = _model(noun.head, refs)
        if found is not None:
            return found
    for c in noun.children:
        if c.dep_ == "appos":
            found = _model(c, refs)
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
            noun.dep_ == "dobj" and _lemma(noun.head) in _HAVE_VERBS:
        subjects, _ = _subject_tokens(noun.head)
        for s in subjects:
            found = _model(s, refs) or _model_of_subject(s, refs)
            if found is not None:
                return found
    return None


def _model_of_subject(subject: Token, refs) -> Span | None:
    found = _model(subject, refs)
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
    return None


def _model_for_count(count_root: Token, refs) -> Span | None:
    """The model a parameter count belongs to, read from the syntax around the count."""
    own = _model(count_root, refs)
    if own is not None:  # "Llama 3.1 405B": the size is part of the name
        return own
    if any(c.dep_ == "conj" for c in count_root.children) or count_root.dep_ == "conj":
        return None  # "released in 27B and 9B sizes": several sizes, no one count
    # climb from the number to the noun it counts, through modifier links only
    # ("released in 27B sizes" does not make 27B a count of the released model)
    token = count_root
    for _ in range(3):
        if token is not count_root and token.pos_ in ("NOUN", "PROPN") \
                and _lemma(token) not in ("billion", "million", "trillion"):
            break
        if token is count_root and token.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"):
            break  # the count stands alone ("has 314 billion"): it is its own noun
        if token.head is token or token.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"):
            return None
        token = token.head
    noun = token
    if _lemma(noun) in _PARAMETER_NOUNS and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "a 500-billion-parameter giant": the count describes the giant
    if _lemma(noun) in _PARAMETER_NOUNS:
        for c in noun.children:
            if c.dep_ == "poss":  # "its 500 billion parameters", "MAI-1's parameters"
                return _model(c, refs)
        head = noun.head
        if noun.dep_ in ("dobj", "attr") and _lemma(head) in _HAVE_VERBS:
            subjects, _ = _subject_tokens(head)
            for s in subjects:
                found = _model_of_subject(s, refs)
                if found is not None:
                    return found
            return None
        if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in ("NOUN", "PROPN"):
            return _model_of_noun(head.head, refs)  # "a model with 500B parameters"
        return None
    if noun.pos_ in ("NOUN", "PROPN"):
        return _model_of_noun(noun, refs)
    return None


def find_attributes(doc: Doc, article_id: str, refs=None) -> Iterator[Attribute]:
    """Model sizes stated in a parsed article as ``parameters`` attributes.

    A count is given to the model it syntactically belongs to (the subject of "have"/"handle",
    an apposition, the model named by a naming verb, the model name that contains the size),
    never to another model of the sentence ("half that of GPT-4" gives GPT-4 nothing).

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
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
    for sent in sents:
        base = sent.start_char
        for start, end, count in iter_parameters(sent.text):
            span = doc.char_span(base + start, base + end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            # a MODEL entity that is only the count ("a 34B model" typed "34B") names no model
            inside = [ent_of[t.i] for t in span if t.i in ent_of and ent_of[t.i].label_ == "MODEL"
                      and re.search(r"[A-Za-z]{2,}", ent_of[t.i].text)]
            model = inside[0] if inside else None  # "Llama 3.1 405B": the size is part of the name
            if model is None and span.start - 1 in ent_of and ent_of[span.start - 1].label_ == "MODEL" \
                    and ent_of[span.start - 1].end == span.start:
                continue  # "Llama 3.1 405B" typed as "Llama 3.1": the name lost its size; do not guess
            if model is None and doc.has_annotation("DEP"):
                model = _model_for_count(span.root, refs)
            if model is None:
                continue
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
