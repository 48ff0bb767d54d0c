"""What the rules extract from every corpus, as a set of facts, and the difference between two such sets.

A refactoring of the rules (moving them, renaming them, turning code into patterns) must not change what
they find. This script makes that checkable::

    .venv/bin/python benchmarks/compare_rules.py dump before.json          # on the old code
    .venv/bin/python benchmarks/compare_rules.py dump after.json           # on the new code
    .venv/bin/python benchmarks/compare_rules.py diff before.json after.json

A fact is a relation ``(article, source, relation, target, evidence sentence, confidence)`` or a deal
``(article, kind, parties with roles, amounts, date, evidence sentence, confidence)``; the rule names are
kept beside the facts but not compared (``diff --rules`` lists how they were renamed). Corpora: the seeds,
``data/articles``, ``tests/data/dev`` and ``tests/data/heldout``, ``../shared/corpus/redocred-dev`` and the
1,000 articles of ``../shared/corpus/wiki`` (``--quick`` leaves the last out). Corpora under ``../shared``
are skipped when it is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def shared_root() -> Path:
    return Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")


def corpora(quick: bool) -> dict[str, list]:
    """Corpus name -> its articles, for every corpus that is present here."""
    from extract.ingest import read_articles
    from extract.records import Article

    shared = shared_root()
    folders = {
        "seeds": shared / "corpus" / "seeds" / "articles",
        "data": REPO / "data" / "articles",
        "dev": REPO / "tests" / "data" / "dev" / "articles",
        "heldout": REPO / "tests" / "data" / "heldout" / "articles",
    }
    files = {"redocred-dev": shared / "corpus" / "redocred-dev" / "articles.jsonl"}
    if not quick:
        files["wiki"] = shared / "corpus" / "wiki" / "articles.jsonl"
    found = {}
    for name, path in {**folders, **files}.items():
        if path.exists():
            found[name] = [a for a in read_articles([path]) if isinstance(a, Article)]
    return found


def _mention(m) -> list:
    return [m.text, m.type, m.start, m.end]


def relation_fact(article: str, r) -> list:
    return [article, _mention(r.source), r.relation, _mention(r.target), r.evidence.sentence, round(r.confidence, 6)]


def deal_fact(article: str, d) -> list:
    parties = sorted([_mention(p.mention), p.role] for p in d.parties)
    return [article, d.kind, parties, d.amount_usd, d.amount, d.currency, d.date, d.evidence.sentence,
            round(d.confidence, 6)]


def dump(path: Path, quick: bool) -> None:
    from extract.pipeline import extract, load_nlp

    nlp = load_nlp()
    out = {}
    for name, articles in corpora(quick).items():
        started = time.perf_counter()
        facts = {"relations": [], "deals": []}
        for ex in extract(nlp, articles):
            aid = ex.article.id
            facts["relations"] += [relation_fact(aid, r) + [r.rule] for r in ex.relations]
            facts["deals"] += [deal_fact(aid, d) + [d.rule] for d in ex.deals]
        for key in facts:
            facts[key].sort(key=lambda f: json.dumps(f[:-1]))
        out[name] = facts
        print(f"{name}: {len(articles)} articles, {len(facts['relations'])} relations, {len(facts['deals'])} deals "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")


def _keyed(facts: list) -> Counter:
    return Counter(json.dumps(f[:-1], ensure_ascii=False) for f in facts)


def diff(before_path: Path, after_path: Path, show_rules: bool) -> int:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = 0
    renames = Counter()
    print(f"{'corpus':<14} {'kind':<10} {'before':>7} {'after':>7} {'lost':>5} {'new':>5}")
    for name in sorted(set(before) ^ set(after)):
        print(f"{name:<14} only in {'the first' if name in before else 'the second'} dump: not compared")
    for name in sorted(set(before) & set(after)):
        for kind in ("relations", "deals"):
            b = before.get(name, {}).get(kind, [])
            a = after.get(name, {}).get(kind, [])
            kb, ka = _keyed(b), _keyed(a)
            lost, new = kb - ka, ka - kb
            changed += sum(lost.values()) + sum(new.values())
            print(f"{name:<14} {kind:<10} {len(b):>7} {len(a):>7} {sum(lost.values()):>5} {sum(new.values()):>5}")
            for fact in sorted(lost):
                print("   lost:", fact)
            for fact in sorted(new):
                print("   new: ", fact)
            rules_after = {}
            for f in a:
                rules_after.setdefault(json.dumps(f[:-1], ensure_ascii=False), []).append(f[-1])
            for f in b:
                for rule in rules_after.get(json.dumps(f[:-1], ensure_ascii=False), [])[:1]:
                    renames[(f[-1], rule)] += 1
    if show_rules:
        print("\nrule names (before -> after: facts)")
        for (old, new), n in sorted(renames.items()):
            print(f"  {old} -> {new}: {n}")
    print("\nidentical" if not changed else f"\n{changed} facts differ")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="extract every corpus and write its facts")
    d.add_argument("output", type=Path)
    d.add_argument("--quick", action="store_true", help="leave out the 1,000-article wiki corpus")
    c = sub.add_parser("diff", help="compare two dumps, ignoring rule names")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--rules", action="store_true", help="list how rule names map")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.output, args.quick)
        return 0
    return diff(args.before, args.after, args.rules)


if __name__ == "__main__":
    sys.exit(main())
