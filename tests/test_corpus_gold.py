"""The sample corpus (``data/``) and the held-out corpora (``tests/data/heldout*/``) with their gold graphs.

A gold file that names an entity it does not list, or types a relation against SCHEMA.md,
makes the scorer crash (``KeyError``) or score nonsense, so both files are checked here the
way ``eval/score.py`` reads them: entities by normalised name, relations and deals over
entity *names* (not aliases).
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path

import pytest

from extract.records import DEAL_KINDS, RELATIONS, SYMMETRIC_RELATIONS

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "sample": REPO / "data",
    "heldout": REPO / "tests" / "data" / "heldout",
    "heldout2": REPO / "tests" / "data" / "heldout2",
    "heldout3": REPO / "tests" / "data" / "heldout3",
    "heldout4": REPO / "tests" / "data" / "heldout4",
    "heldout5": REPO / "tests" / "data" / "heldout5",
    "heldout6": REPO / "tests" / "data" / "heldout6",
    "heldout7": REPO / "tests" / "data" / "heldout7",
    "heldout8": REPO / "tests" / "data" / "heldout8",
    "heldout9": REPO / "tests" / "data" / "heldout9",
    "heldout10": REPO / "tests" / "data" / "heldout10",
    "heldout11": REPO / "tests" / "data" / "heldout11",
    "heldout12": REPO / "tests" / "data" / "heldout12",
    "heldout13": REPO / "tests" / "data" / "heldout13",
    "heldout14": REPO / "tests" / "data" / "heldout14",
    "heldout15": REPO / "tests" / "data" / "heldout15",
}
SCORED_TYPES = {"company", "person", "model"}

#: (source type, target type) pairs allowed for each relation, from SCHEMA.md.
SIGNATURES = {
    "works_for": {("person", "company")},
    "leads": {("person", "company")},
    "founded": {("person", "company")},
    "develops": {("company", "model")},
    "invests_in": {("company", "company")},
    "acquires": {("company", "company")},
    "licenses_from": {("company", "company")},
    "part_of": {("company", "company")},
    "partners_with": {("company", "company")},
    "competes_with": {("company", "company"), ("model", "model")},
}
ISO_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def norm(text: str) -> str:
    """Normalise a name the way the scorer compares names (case, dashes, quotes, spaces)."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES)
    text = text.replace("\u2019", "'").replace("\u2018", "'").casefold()
    return re.sub(r"\s+", " ", text).strip(" .,;:!?\"'()[]")


def load(corpus: str) -> tuple[dict, dict[str, str]]:
    root = CORPORA[corpus]
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    articles = {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "articles").glob("*.txt"))}
    return gold, articles


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request):
    gold, articles = load(request.param)
    return request.param, gold, articles


def surfaces(entity: dict) -> list[str]:
    return [entity["name"], *entity.get("aliases", [])]


def mentioned_in(entity: dict, text: str) -> bool:
    """Whether the entity's name or one of its aliases occurs in ``text`` as a whole word."""
    folded = norm(text)
    return any(re.search(rf"(?<!\w){re.escape(norm(s))}(?!\w)", folded) for s in surfaces(entity))


def test_top_level_layout(corpus):
    name, gold, articles = corpus
    assert set(gold) >= {"entities", "ignore", "relations", "attributes", "deals"}
    assert gold["corpus"] == name
    assert len(articles) >= 6


def test_entities_are_typed_and_unambiguous(corpus):
    _, gold, _ = corpus
    owner = {}
    for ent in gold["entities"]:
        assert ent["type"] in SCORED_TYPES, ent
        assert isinstance(ent["aliases"], list) and all(isinstance(a, str) and a for a in ent["aliases"]), ent
        for surface in {norm(s) for s in surfaces(ent)}:
            # The scorer maps each surface to the first entity that has it: a shared one is a silent error.
            assert owner.setdefault(surface, ent["name"]) == ent["name"], (surface, owner[surface], ent["name"])
    ignored = {norm(n) for n in gold["ignore"]}
    assert not ignored & set(owner), sorted(ignored & set(owner))


def test_relations_reference_entities_with_schema_types(corpus):
    _, gold, _ = corpus
    types = {norm(e["name"]): e["type"] for e in gold["entities"]}
    seen = set()
    for rel in gold["relations"]:
        assert rel["relation"] in RELATIONS, rel
        src, tgt = norm(rel["source"]), norm(rel["target"])
        assert src in types and tgt in types, rel  # by name, as score.py looks them up
        assert (types[src], types[tgt]) in SIGNATURES[rel["relation"]], rel
        assert src != tgt, rel
        key = (*sorted((src, tgt)), rel["relation"]) if rel["relation"] in SYMMETRIC_RELATIONS else (src, tgt, rel["relation"])
        assert key not in seen, f"relation listed twice: {rel}"
        seen.add(key)


def test_attributes_are_model_parameter_counts(corpus):
    _, gold, _ = corpus
    types = {norm(e["name"]): e["type"] for e in gold["entities"]}
    for attr in gold["attributes"]:
        assert types.get(norm(attr["entity"])) == "model", attr
        assert attr["attribute"] == "parameters", attr
        assert isinstance(attr["value"], int) and attr["value"] >= 10**8, attr


def test_deals_are_well_formed(corpus):
    _, gold, _ = corpus
    types = {norm(e["name"]): e["type"] for e in gold["entities"]}
    for deal in gold["deals"]:
        kinds = deal["kind"] if isinstance(deal["kind"], list) else [deal["kind"]]
        assert kinds and set(kinds) <= set(DEAL_KINDS), deal
        assert deal["parties"] and all(types.get(norm(p)) == "company" for p in deal["parties"]), deal
        assert len({norm(p) for p in deal["parties"]}) == len(deal["parties"]), deal
        amount = deal["amount_usd"]
        assert amount is None or (isinstance(amount, (int, float)) and amount > 0), deal
        assert deal["date"] is None or ISO_PARTIAL_DATE.match(deal["date"]), deal


def test_every_entity_occurs_in_the_articles(corpus):
    _, gold, articles = corpus
    text = "\n".join(articles.values())
    missing = [e["name"] for e in gold["entities"] if not mentioned_in(e, text)]
    assert not missing


def test_every_relation_and_deal_is_stated_within_one_article(corpus):
    """Both ends of a relation, and all parties of a deal, are mentioned together in some article."""
    _, gold, articles = corpus
    by_name = {norm(e["name"]): e for e in gold["entities"]}

    def together(names):
        return any(all(mentioned_in(by_name[norm(n)], text) for n in names) for text in articles.values())

    lonely = [r for r in gold["relations"] if not together([r["source"], r["target"]])]
    lonely += [d for d in gold["deals"] if not together(d["parties"])]
    assert not lonely


def test_articles_look_like_news(corpus):
    corpus_name, _, articles = corpus
    for name, text in articles.items():
        headline, _, body = text.partition("\n")
        assert headline.strip(), name
        # the later held-out sets keep real outlets' layouts ("FOR IMMEDIATE RELEASE" above the headline)
        assert corpus_name in {"heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15"} or not headline.isupper(), name
        assert 200 <= len(body.split()) <= 750, (name, len(body.split()))


@pytest.mark.parametrize("corpus_name", sorted(CORPORA))
def test_gold_scores_perfectly_against_itself(corpus_name, shared_dir):
    """A graph built from the gold itself gets F1 1.0 from the project's scorer (and does not crash it)."""
    spec = importlib.util.spec_from_file_location("newsgraph_score", shared_dir / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold, _ = load(corpus_name)
    node_id = {norm(e["name"]): f"{e['type']}:{norm(e['name'])}" for e in gold["entities"]}
    nodes = [{"id": node_id[norm(e["name"])], "name": e["name"], "type": e["type"], "aliases": e["aliases"]}
             for e in gold["entities"]]
    by_id = {n["id"]: n for n in nodes}
    for attr in gold["attributes"]:
        by_id[node_id[norm(attr["entity"])]][attr["attribute"]] = attr["value"]
    edges = [{"source": node_id[norm(r["source"])], "target": node_id[norm(r["target"])],
              "relation": r["relation"], "key": r["relation"]}
             for r in gold["relations"] if not r.get("optional")]
    for i, deal in enumerate(gold["deals"]):
        kind = deal["kind"][0] if isinstance(deal["kind"], list) else deal["kind"]
        nodes.append({"id": f"deal:{i}", "name": f"deal {i}", "type": "deal", "kind": kind,
                      "amount_usd": deal["amount_usd"], "date": deal["date"]})
        edges += [{"source": f"deal:{i}", "target": node_id[norm(p)], "relation": "party", "key": "party"}
                  for p in deal["parties"]]
    result = score.score(gold, nodes, edges)
    assert [result[part]["f1"] for part in ("entity", "relation", "deal")] == [1.0, 1.0, 1.0], result["problems"]
    assert result["attribute_accuracy"] in (None, 1.0)
