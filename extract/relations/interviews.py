"""Rivals named in an interview's answer: "Who are you really competing with?" / "Groq and Cerebras, mostly,
and of course Nvidia's own inference products." The question's "you" is the interviewee's company, the one
the headline names in a possessive ("Corvid Silicon's Marguerite Olander on building chips").
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span

from ..coref import EntityRefs
from ..rules import code_rule
from ..tokens import doc_text, lemma_word
from .core import COMPANY, Candidate, _conf

INTERVIEW_RIVALS_RULE = "competition.interview_answer"

#: Words of a question about rivals: "Who are you competing with?", "Which companies do you see as rivals?"
RIVALRY_WORDS = frozenset({"compete", "competitor", "competition", "rival", "challenger", "against"})

#: Question words asking for names (a yes/no question's answer may name a company to deny it).
NAMING_QUESTION_WORDS = frozenset({"who", "whom", "which"})

SECOND_PERSON = frozenset({"you", "your"})


def _headline_company(doc: Doc) -> Span | None:
    """The company an interview's headline (its first line) names in a possessive: "Corvid Silicon's
    Marguerite Olander on ...", "a conversation with Quorum Forge's Nadia Bhandari-Stone"."""
    first_line_end = doc_text(doc).find("\n")
    for ent in doc.ents:
        if first_line_end != -1 and ent.start_char > first_line_end:
            break
        if ent.label_ == COMPANY and ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "\u2019s"):
            return ent
    return None


def _last_word(span: Span):
    """The last token of ``span`` that is not white space (a sentence keeps the paragraph break after it)."""
    return next((t for t in reversed(span) if not t.is_space), span[-1])


def _asks_for_rivals(question: Span) -> bool:
    """A question ending in "?" that asks who the interviewee's rivals are."""
    words = {t.lower_ for t in question}
    return _last_word(question).text == "?" and bool(words & NAMING_QUESTION_WORDS) and bool(words & SECOND_PERSON) \
        and any(lemma_word(t) in RIVALRY_WORDS for t in question)


def _leading_companies(answer: Span) -> list[Span]:
    """The companies an answer names before its first verb: "Groq and Cerebras, mostly, and of course
    Nvidia's own inference products." (a speaker's label "Name:" is skipped)."""
    start = answer.start
    for t in answer[:6]:
        if t.text == ":":
            start = t.i + 1
    out = []
    for t in answer.doc[start:answer.end]:
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.ent_iob_ == "B" and t.ent_type_ == COMPANY:
            out.append(next(e for e in answer.ents if e.start == t.i))
    return out


@code_rule
def interview_rival_relations(doc: Doc, refs: EntityRefs) -> Iterator[Candidate]:
    """competes_with between an interview's company and the companies that open the answer to a
    question about its rivals."""
    if "?" not in doc_text(doc):
        return
    company = _headline_company(doc)
    if company is None:
        return
    sents = list(doc.sents)
    for question, answer in zip(sents, sents[1:]):
        # the answer opens a paragraph of its own
        if not _asks_for_rivals(question) or "\n" not in doc_text(doc)[_last_word(question).idx:answer.start_char]:
            continue
        for rival in _leading_companies(answer):
            yield Candidate(company, "competes_with", rival, answer[0], INTERVIEW_RIVALS_RULE,
                            _conf(INTERVIEW_RIVALS_RULE, False))
