"""How the types of our nodes agree with redocred-dev's gold entity types (PER, ORG, LOC, MISC...).

Usage::

    .venv/bin/python benchmarks/entity_types.py                      # build redocred-dev in memory, then measure
    .venv/bin/python benchmarks/entity_types.py --graph out-redo/graph.json   # measure a build
    .venv/bin/python benchmarks/entity_types.py -v                   # and list every disagreement
    .venv/bin/python benchmarks/entity_types.py --json               # the counts as JSON

A node stands for the gold entities of an article that its name (else one of its aliases) names,
compared as ``SHARED/eval/redocred_score.py`` compares them. For each gold type the table says how
many gold entities have a node, and which types those nodes have. A node's type *agrees* with
the gold type when it is one the gold type allows:

    PER -> person; ORG -> company, organization, publication; LOC -> place; MISC -> product, model

(MISC holds works, events, nationalities and awards too, which are no nodes of ours: a MISC entity
typed person, company or organization is the error that counts there). ``SHARED`` is
``$NEWSGRAPH_SHARED`` if set, else ``../shared`` beside the repository; without it the script
says so and exits 0.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

#: Our node types a gold (Re-DocRED) entity type allows.
AGREES = {
    "PER": {"person"},
    "ORG": {"company", "organization", "publication"},
    "LOC": {"place"},
    "MISC": {"product", "model"},
    "TIME": set(),
    "NUM": set(),
}
OUR_TYPES = ("person", "company", "organization", "publication", "product", "model", "place")


def shared_root() -> Path:
    return Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")


def _norm_function(shared: Path):
    spec = importlib.util.spec_from_file_location("redocred_score", shared / "eval" / "redocred_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.norm


def measure(gold: dict, nodes: list[dict], norm) -> dict:
    """Counts per gold type: gold entities, those with a node, and the node types; plus disagreements."""
    articles = gold["articles"]
    index = {}
    for aid, art in articles.items():
        idx = index[aid] = defaultdict(set)
        for ent in art["entities"]:
            for name in ent["names"]:
                if norm(name):
                    idx[norm(name)].add(ent["id"])
    types_of = defaultdict(Counter)          # (aid, entity id) -> our node types
    for node in nodes:
        ntype = node.get("type")
        if ntype not in OUR_TYPES:
            continue
        name = norm(node.get("name", ""))
        for art in node.get("articles") or []:
            aid = Path(str(art)).name
            aid = aid if aid in index else aid.rsplit(".", 1)[0]
            if aid not in index:
                continue
            hits = index[aid].get(name, set())
            if not hits:
                for alias in node.get("aliases") or []:
                    hits = hits | index[aid].get(norm(alias), set())
            for eid in hits:
                types_of[(aid, eid)][ntype] += 1
    table = {}
    wrong = []
    for gtype, allowed in AGREES.items():
        row = {"entities": 0, "with_node": 0, "agree": 0, "types": Counter()}
        for aid, art in articles.items():
            for ent in art["entities"]:
                if ent["type"] != gtype:
                    continue
                row["entities"] += 1
                got = types_of.get((aid, ent["id"]))
                if not got:
                    continue
                row["with_node"] += 1
                top = got.most_common(1)[0][0]
                row["types"][top] += 1
                if top in allowed:
                    row["agree"] += 1
                else:
                    wrong.append((gtype, top, aid, max(ent["names"], key=len)))
        row["agreement"] = round(row["agree"] / row["with_node"], 3) if row["with_node"] else None
        row["types"] = dict(row["types"].most_common())
        table[gtype] = row
    scored = [g for g in ("PER", "ORG", "LOC", "MISC")]
    agree = sum(table[g]["agree"] for g in scored)
    with_node = sum(table[g]["with_node"] for g in scored)
    spurious = sum(table[g]["with_node"] for g in ("TIME", "NUM"))
    misc_as_named = sum(table["MISC"]["types"].get(t, 0) for t in ("person", "company", "organization"))
    return {"by_gold_type": table, "agreement": round(agree / with_node, 3) if with_node else None,
            "agree": agree, "with_node": with_node, "time_num_nodes": spurious,
            "misc_as_person_company_org": misc_as_named, "disagreements": sorted(wrong)}


def format_table(result: dict) -> str:
    lines = [f"{'gold':<5} {'entities':>8} {'nodes':>6} {'agree':>6}  our types"]
    for gtype, row in result["by_gold_type"].items():
        agree = "-" if row["agreement"] is None else f"{row['agreement']:.3f}"
        types = ", ".join(f"{t} {n}" for t, n in row["types"].items())
        lines.append(f"{gtype:<5} {row['entities']:>8} {row['with_node']:>6} {agree:>6}  {types}")
    lines.append(f"agreement (PER/ORG/LOC/MISC): {result['agreement']} ({result['agree']} of {result['with_node']} "
                 f"gold entities with a node); MISC typed person/company/organization: "
                 f"{result['misc_as_person_company_org']}; TIME/NUM with a node: {result['time_num_nodes']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", type=Path, default=None, help="a graph.json of redocred-dev (default: build it now)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)

    shared = shared_root()
    corpus = shared / "corpus" / "redocred-dev"
    if not (corpus / "gold.json").is_file() or not (shared / "eval" / "redocred_score.py").is_file():
        print(f"entity_types: {corpus} or the redocred scorer not found; nothing to measure (set NEWSGRAPH_SHARED)")
        return 0
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    if args.graph:
        nodes = json.loads(args.graph.read_text(encoding="utf-8"))["nodes"]
    else:
        from graph import build_graph

        G = build_graph([str(corpus / "articles.jsonl")])
        nodes = [{"id": n, **data} for n, data in G.nodes(data=True)]
    result = measure(gold, nodes, _norm_function(shared))
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print(format_table(result))
    if args.verbose:
        for gtype, ours, aid, name in result["disagreements"]:
            print(f"  {gtype} typed {ours}: {name!r} ({aid})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
