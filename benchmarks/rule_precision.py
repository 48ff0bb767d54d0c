"""How often each rule is right: per rule, the edges (and deals) it gave and how many the gold confirms.

Builds every corpus that has gold — the seeds, ``data/``, ``tests/data/dev``, ``tests/data/heldout``, the
25 wiki dev articles (``tests/data/wiki/gold.json``) and ``../shared/corpus/redocred-dev`` — and judges each
relation edge and deal node of the graph:

* **confirmed**: the gold states it (its two ends are gold entities, by name or alias after the
  scorer's normalisation, and the gold has the triple; for redocred-dev, the shared scorer's hits);
* **wrong**: the scorer would count it as a false positive (both ends gold entities, or an end of a
  scored type that the gold does not know, and no gold triple);
* **unjudged**: it touches something the gold does not score (a product, a place, an ignored name,
  an optional triple, an entity outside Re-DocRED's annotation).

A rule's precision is confirmed / (confirmed + wrong); an edge that several rules found counts for each.
``--calibrate`` writes the smoothed precision ``(confirmed + 1) / (judged + 2)`` (Laplace's rule of
succession: 24 of 24 is 0.96, not a certainty) as the confidence of every rule judged on at least
``--min-judged`` edges (default 8) into ``data/patterns/*.json``, and leaves the others alone::

    .venv/bin/python benchmarks/rule_precision.py                # the table
    .venv/bin/python benchmarks/rule_precision.py --calibrate    # and set the confidences
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract.rules import registry, rule_name  # noqa: E402
from graph.evaluate import SCORED_TYPES, normalize_name  # noqa: E402


def shared_root() -> Path:
    return Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")


def _wiki_articles(gold: dict):
    from extract.records import Article

    wanted = set(gold["articles"])
    path = shared_root() / "corpus" / "wiki" / "articles.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [Article(r["id"], r["text"], title=r.get("title")) for r in rows if r["id"] in wanted]


def news_corpora() -> list[tuple[str, list, Path]]:
    """(name, inputs for build_graph, gold file) of every news-format corpus present."""
    shared = shared_root()
    found = []
    for name, inputs, gold in [
        ("seeds", [shared / "corpus" / "seeds" / "articles"], shared / "corpus" / "seeds" / "gold.json"),
        ("data", [REPO / "data" / "articles"], REPO / "data" / "gold.json"),
        ("dev", [REPO / "tests" / "data" / "dev" / "articles"], REPO / "tests" / "data" / "dev" / "gold.json"),
        ("heldout", [REPO / "tests" / "data" / "heldout" / "articles"], REPO / "tests" / "data" / "heldout" / "gold.json"),
    ]:
        if inputs[0].exists() and gold.exists():
            found.append((name, [str(p) for p in inputs], gold))
    wiki_gold = REPO / "tests" / "data" / "wiki" / "gold.json"
    if (shared / "corpus" / "wiki" / "articles.jsonl").exists():
        found.append(("wiki-dev", _wiki_articles(json.loads(wiki_gold.read_text(encoding="utf-8"))), wiki_gold))
    return found


class NewsGold:
    """A gold file of the SCHEMA.md kind, for judging single edges and deals."""

    def __init__(self, gold: dict):
        self.names: dict[str, str] = {}
        self.optional: set[str] = set()
        for e in gold.get("entities", []):
            for n in [e["name"], *e.get("aliases", [])]:
                self.names[normalize_name(n)] = e["name"]
            if e.get("optional"):
                self.optional.add(e["name"])
        self.ignore = {normalize_name(n) for n in gold.get("ignore", [])}
        self.relations, self.optional_relations = set(), set()
        for r in gold.get("relations", []):
            (self.optional_relations if r.get("optional") else self.relations).add((r["source"], r["relation"], r["target"]))
        self.deals = [(d["kind"] if isinstance(d["kind"], list) else [d["kind"]], {self.names.get(normalize_name(p), p) for p in d["parties"]})
                      for d in gold.get("deals", [])]

    def entity(self, node: dict) -> str | None:
        for n in [node.get("name", ""), *node.get("aliases", [])]:
            if normalize_name(n) in self.names:
                return self.names[normalize_name(n)]
        return None

    def judge_edge(self, source: dict, relation: str, target: dict, symmetric: bool) -> str:
        s, t = self.entity(source), self.entity(target)
        if s is None or t is None:
            for node, found in ((source, s), (target, t)):
                if found is None and (node.get("type") not in SCORED_TYPES or normalize_name(node.get("name", "")) in self.ignore):
                    return "unjudged"
            return "wrong"
        triples = {(s, relation, t)} | ({(t, relation, s)} if symmetric else set())
        if triples & self.relations:
            return "confirmed"
        if triples & self.optional_relations or s in self.optional or t in self.optional:
            return "unjudged"
        return "wrong"

    def judge_deal(self, kind: str, parties: list[dict]) -> str:
        names = {self.entity(p) or p.get("name") for p in parties}
        for kinds, gold_parties in self.deals:
            if kind in kinds and len(names & gold_parties) / max(1, len(names | gold_parties)) >= 0.5:
                return "confirmed"
        return "wrong"


def judge_news(G, gold: NewsGold):
    """(rules of the item, verdict) for every relation edge and deal node of ``G``."""
    from extract.schema import SYMMETRIC_RELATIONS

    for s, t, d in G.edges(data=True):
        if d.get("relation") == "party" or G.nodes[s].get("type") == "deal":
            continue
        yield d.get("rules", []), gold.judge_edge(G.nodes[s], d["relation"], G.nodes[t], d["relation"] in SYMMETRIC_RELATIONS)
    for n, d in G.nodes(data=True):
        if d.get("type") == "deal":
            parties = [G.nodes[t] for _, t, k in G.out_edges(n, keys=True) if k == "party"]
            yield d.get("rules", []), gold.judge_deal(d["kind"], parties)


def _redocred_scorer():
    path = shared_root() / "eval" / "redocred_score.py"
    spec = importlib.util.spec_from_file_location("redocred_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judge_redocred(G, gold: dict):
    """Verdicts of the shared Re-DocRED scorer (strict), per edge of ``G``."""
    from graph.io import graph_to_json_data

    result = _redocred_scorer().score(gold, graph_to_json_data(G))["strict"]
    verdicts = {}
    for item in result["true_positives"]:
        verdicts[(*item["nodes"], item["predicted"])] = "confirmed"
    for item in result["false_positives"]:
        verdicts.setdefault((*item["nodes"], item["relation"]), "wrong")
    for s, t, d in G.edges(data=True):
        if d.get("relation") == "party" or G.nodes[s].get("type") == "deal":
            continue
        key = (G.nodes[s].get("name"), G.nodes[t].get("name"), d["relation"])
        yield d.get("rules", []), verdicts.get(key, "unjudged")


def measure() -> tuple[dict, list[str]]:
    from graph.build import build_graph
    from extract.pipeline import load_nlp

    nlp = load_nlp()
    counts: dict[str, Counter] = defaultdict(Counter)
    corpora = []
    for name, inputs, gold_path in news_corpora():
        G = build_graph(inputs, nlp=nlp)
        gold = NewsGold(json.loads(gold_path.read_text(encoding="utf-8")))
        for rules, verdict in judge_news(G, gold):
            for r in {rule_name(r) for r in rules}:
                counts[r][verdict] += 1
        corpora.append(name)
    redocred = shared_root() / "corpus" / "redocred-dev"
    if redocred.exists():
        G = build_graph([str(redocred / "articles.jsonl")], nlp=nlp)
        gold = json.loads((redocred / "gold.json").read_text(encoding="utf-8"))
        for rules, verdict in judge_redocred(G, gold):
            for r in {rule_name(r) for r in rules}:
                counts[r][verdict] += 1
        corpora.append("redocred-dev")
    return counts, corpora


def precision(c: Counter) -> float | None:
    judged = c["confirmed"] + c["wrong"]
    return c["confirmed"] / judged if judged else None


def calibrate(counts: dict, min_judged: int) -> list[tuple[str, float, float]]:
    """Set each well-judged rule's confidence to its precision in its family file; the changes made."""
    changes = []
    rules = registry()
    for path in sorted({r.path for r in rules.values()}):
        text = Path(path).read_text(encoding="utf-8")
        for rule in (r for r in rules.values() if r.path == path):
            c = counts.get(rule.name, Counter())
            judged = c["confirmed"] + c["wrong"]
            if judged < min_judged:
                continue
            new = round((c["confirmed"] + 1) / (judged + 2), 2)
            if new == rule.confidence:
                continue
            pattern = re.compile(r'("name": "' + re.escape(rule.name) + r'",(?:\n[^\n]*?)*?\n\s*"confidence": )([0-9.]+)')
            text, n = pattern.subn(lambda m: m.group(1) + f"{new}", text, count=1)
            if n:
                changes.append((rule.name, rule.confidence, new))
        Path(path).write_text(text, encoding="utf-8")
    registry.cache_clear()
    return changes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calibrate", action="store_true", help="write measured precisions as confidences")
    parser.add_argument("--min-judged", type=int, default=8, help="judged edges a rule needs to be calibrated")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()
    counts, corpora = measure()
    if args.json:
        print(json.dumps({r: dict(c) for r, c in sorted(counts.items())}, indent=1))
    else:
        print(f"corpora: {', '.join(corpora)}")
        print(f"{'rule':<32} {'conf':>5} {'items':>6} {'ok':>5} {'wrong':>6} {'unjudged':>8} {'precision':>9}")
        for name, rule in sorted(registry().items()):
            c = counts.get(name, Counter())
            p = precision(c)
            total = sum(c.values())
            print(f"{name:<32} {rule.confidence:>5.2f} {total:>6} {c['confirmed']:>5} {c['wrong']:>6} {c['unjudged']:>8} "
                  f"{'' if p is None else f'{p:.2f}':>9}")
    if args.calibrate:
        for name, old, new in calibrate(counts, args.min_judged):
            print(f"calibrated {name}: {old} -> {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
