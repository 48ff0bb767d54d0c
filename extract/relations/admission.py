"""The central admission step: every candidate of every rule passes the same checks, then becomes a Relation.

:func:`find_relations` runs the rule generators (:data:`RULES`, then the inferring :data:`FALLBACK_RULES`)
and admits a candidate only if its ends fit the relation's types (:mod:`extract.schema`), it is not a
self-loop, its trigger is not negated and no blank line lies between them; a hedged trigger
(:mod:`extract.modality`) lowers the confidence. One relation per (ends, relation, sentence) is kept,
the surest.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc

from ..coref import EntityRefs, entity_refs
from ..entities import mention_from_span
from ..lexicon import load_triggers
from ..modality import deal_modality
from ..records import SYMMETRIC_RELATIONS, Evidence, Relation
from ..rules import RULE_SEPARATOR
from .core import (
    HEDGE_PENALTY,
    NAME_SUFFIXES,
    Candidate,
    _name_key,
    _same_entity,
    _types_fit,
    crosses_line_break,
    is_hedged,
    is_negated,
    rule_candidates,
)
from .models import (
    announced_model_relations,
    brand_relations,
    co_developer_relations,
    hyphen_maker_relations,
    company_named_model_relations,
    including_part_relations,
    made_public_relations,
    model_comparison_relations,
    model_description_relations,
    newest_release_relations,
    sizes_release_relations,
    named_part_relations,
    part_phrase_relations,
    unattributed_release_relations,
    versus_relations,
)
from .cofounding import (founder_list_relations, founders_past_apposition_relations, group_subject_relations,
                         infinitive_cofounding_relations, present_founding_relations)
from .fallback_frames import co_investor, frame_relations
from .fallback_models import model_frame_relations
from .fallback_partners import partner_frame_relations
from .fallback_people import title_fallback_relations
from .ownership import named_prefix_parts
from .history import HISTORY_RULES
from .interviews import interview_rival_relations
from .nouns import funding_relations, membership_relations, noun_relations
from .patterns import pattern_relations
from .titles import (
    described_agent_role_relations,
    past_employer_read_as_role,
    object_gap_role_relations,
    prenominal_title_relations,
    led_unit_relations,
    supervisor_relations,
    surface_title_relations,
    tenure_relations,
    title_relations,
    trailing_company_title_relations,
)
from .verbs import possessive_relations, verb_relations

RULES = (title_relations, possessive_relations, verb_relations, noun_relations, funding_relations,
         membership_relations, model_description_relations, surface_title_relations,
         named_part_relations, prenominal_title_relations, trailing_company_title_relations,
         described_agent_role_relations, object_gap_role_relations, infinitive_cofounding_relations, group_subject_relations,
         founders_past_apposition_relations, present_founding_relations, tenure_relations,
         supervisor_relations, part_phrase_relations, including_part_relations, versus_relations, model_comparison_relations, made_public_relations, newest_release_relations, sizes_release_relations, interview_rival_relations,
         pattern_relations,
         brand_relations, co_developer_relations, hyphen_maker_relations) + HISTORY_RULES


#: Relations that state a transaction: a hypothetical or negated one ("may acquire", "in talks to invest")
#: is no edge, as its deal stays out of the graph (:func:`extract.modality.deal_modality`).
TRANSACTION_RELATIONS = frozenset({"acquires", "invests_in", "licenses_from"})


#: Rules that infer an edge only when no other rule states one; they get the name keys of the models with a stated developer.
FALLBACK_RULES = (unattributed_release_relations, company_named_model_relations, announced_model_relations)


def _is_named_part(c: Candidate) -> bool:
    """part_of between a company and the parent its name starts with ("Google DeepMind", "Amazon Web Services")."""
    if c.relation != "part_of":
        return False
    child, parent = c.source.text.lower().split(), c.target.text.lower().split()
    return len(child) > len(parent) and child[: len(parent)] == parent and not set(child[len(parent):]) <= NAME_SUFFIXES


def _is_membership(c: Candidate) -> bool:
    """works_for a political party: joining, leaving or standing for a party is membership, not
    employment ("He joined the Conservative Party", "an Irish Labour Party politician")."""
    heads = load_triggers()["membership_heads"]
    return c.relation == "works_for" and c.target[-1].lower_ in heads


def find_relations(doc: Doc, article_id: str, refs: EntityRefs | None = None) -> Iterator[Relation]:
    """Typed relations between the entities of a parsed Doc, one per (source, relation, target, sentence).

    Parameters
    ----------
    doc : Doc
        Parsed (tagger, parser, lemmatizer); ``doc.ents`` are our typed entities.
    article_id : str
        Id of the article, stored in the mentions and the evidence.
    refs : EntityRefs, optional
        The Doc's coreference table, when the caller has built it already.

    Yields
    ------
    Relation
        With the trigger's sentence as evidence, a confidence in 0..1 and the rule's name.
    """
    refs = refs if refs is not None else entity_refs(doc)
    best: dict[tuple, Candidate] = {}
    found_by: dict[tuple, list[str]] = {}
    order: list[tuple] = []

    def admit(c: Candidate) -> None:
        c = led_unit_relations(c)  # "led OpenAI's safety team": works for OpenAI, leads only the team (people8)
        # named_part_relations has told a unit from its parent already ("Microsoft AI", "Microsoft")
        same = c.rule != "part.named_unit" and _same_entity(c.source, c.target) and not _is_named_part(c)
        if not _types_fit(c) or same or is_negated(c.trigger) or _is_membership(c):
            return
        if c.relation in TRANSACTION_RELATIONS and deal_modality(c.trigger) is not None:
            return  # "had considered buying Okabe", "wanted to buy": no purchase, as the deal reads it
        if any(crosses_line_break(c.trigger, end) for end in (c.source, c.target)
               if end.sent.start == c.trigger.sent.start):
            return
        conf = c.confidence - (HEDGE_PENALTY if is_hedged(c.trigger) else 0.0)
        c = Candidate(c.source, c.relation, c.target, c.trigger, c.rule, round(max(conf, 0.05), 2))
        sent = c.trigger.sent
        ends = (c.source.start, c.source.end, c.target.start, c.target.end)
        if c.relation in SYMMETRIC_RELATIONS:
            ends = tuple(sorted([ends[:2], ends[2:]])[0] + sorted([ends[:2], ends[2:]])[1])
        key = (ends, c.relation, sent.start)
        if key not in best:
            order.append(key)
            best[key] = c
            found_by[key] = [c.rule]
        else:
            if c.rule not in found_by[key]:
                found_by[key].append(c.rule)  # every rule that read the statement is credited
            if c.confidence > best[key].confidence:
                best[key] = c

    for rule in RULES:
        for c in rule_candidates(rule, doc, refs):
            admit(c)
    developed = frozenset(_name_key(c.target) for c in best.values() if c.relation == "develops")
    for rule in FALLBACK_RULES:
        for c in rule(doc, refs, developed):
            admit(c)
    for c in list(frame_relations(doc, refs, best.values())):  # broad frames, only for pairs still unrelated
        admit(c)
    for c in list(partner_frame_relations(doc, refs, best.values())):  # partners and licensors of a partnership or licence word (partners6)
        admit(c)
    for c in list(model_frame_relations(doc, refs, best.values())):  # models compared, only pairs still unrelated
        admit(c)
    for c in list(title_fallback_relations(doc, refs, best.values())):  # after every rule: people no rule employed
        admit(c)
    for c in list(founder_list_relations(doc, refs, best.values())):  # founding lists, pairs still unrelated (people8)
        admit(c)
    for c in list(named_prefix_parts(doc, refs, best.values())):  # units named after a company of the article, pairs unrelated (parts9)
        admit(c)
    for key in order:
        c = best[key]
        if co_investor(c):
            continue  # a company the sentence names as an investor is no investee there
        if past_employer_read_as_role(c):
            continue  # "founded by former Google engineer X": Google is his past employer, not what he founded
        sent = c.trigger.sent
        yield Relation(
            source=mention_from_span(c.source, article_id),
            relation=c.relation,
            target=mention_from_span(c.target, article_id),
            evidence=Evidence(article_id, sent.text, sent.start_char, sent.end_char),
            confidence=c.confidence,
            rule=RULE_SEPARATOR.join([c.rule] + [r for r in found_by[key] if r != c.rule]),
        )
