"""Mine dependency paths between labelled entity pairs: which paths state which relation, how often, how precisely.

Usage::

    .venv/bin/python benchmarks/paths.py                  # top 8 paths per relation on redocred-dev
    .venv/bin/python benchmarks/paths.py --top 20 --min-docs 2
    .venv/bin/python benchmarks/paths.py --json paths.json    # every path, machine-readable
    .venv/bin/python benchmarks/paths.py --examples 2         # with example sentences

For every article of ``SHARED/corpus/redocred-dev`` (gold.json: per-article entities with their
mention names and relation triples) the names of the gold entities are found in the text, the
text is parsed with the project's pipeline (:func:`extract.pipeline.load_nlp`), and for every
ordered pair of distinct gold entities named in one sentence the dependency path between them is
written as a string of lemmas and dependency labels (:func:`dep_path`): multi-word names are
their syntactic head, and coordination (``conj``) and apposition (``appos``) are collapsed, so
"A and B founded X", "B, a chemist, founded X" and "A founded X" give the same path.

A path is reported per relation: its *support* (the labelled pairs of that relation it links,
and from how many documents), and its *precision*: of all the pairs whose entity types fit the
relation (works_for, leads, founded: PER -> ORG; part_of: ORG -> ORG; develops: ORG -> ORG, MISC
or LOC) and that the path links, how many the gold labels with the relation (optional gold
triples are left out of both counts). Paths are ranked by support x precision. ``SHARED`` is
``$NEWSGRAPH_SHARED`` if set, else ``../shared`` beside the repository; without it the script
says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

RELATIONS = ("works_for", "leads", "founded", "develops", "part_of")
#: Gold entity types (Re-DocRED) that a relation's head and tail may have, in newsgraph's direction.
FITS = {
    "works_for": ({"PER"}, {"ORG"}),
    "leads": ({"PER"}, {"ORG"}),
    "founded": ({"PER"}, {"ORG"}),
    "part_of": ({"ORG"}, {"ORG"}),
    "develops": ({"ORG"}, {"ORG", "MISC", "LOC"}),
}
#: Dependencies that join two words standing for one thing: collapsed in the path.
MERGE = ("conj", "appos")
#: Steps that join words into one node on the path (the two above, and a copula between subject and complement).
COLLAPSED = (*MERGE, "copula")
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "poss", "agent")


def shared_root() -> Path:
    """``$NEWSGRAPH_SHARED`` if set, else ``../shared`` beside the repository."""
    return Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")


# --------------------------------------------------------------------------------------------
# the path between two tokens


def _merged_root(tok):
    """The token a word is collapsed into: up through ``conj`` and ``appos`` ("B" of "A and B" -> A)."""
    seen = set()
    while tok.dep_ in MERGE and tok.head.i != tok.i and tok.i not in seen:
        seen.add(tok.i)
        tok = tok.head
    return tok


def _name_root(span):
    """The head of a multi-word name (its compound and flat words hang from it): the span's root."""
    return span.root if hasattr(span, "root") else span


def _ancestors(tok):
    """``[tok, parent, grandparent, ...]`` up to the sentence root."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
        if len(chain) > 200:
            break
    return chain


def _lemma(tok) -> str:
    lemma = tok.lemma_ or tok.text
    return (lemma if lemma.strip() else tok.text).lower()


def _group_label(group, entry_dep, exit_dep):
    """Label of a collapsed group of tokens on the path: the lemma of the token the path leaves it
    by (its object side), unless that step is a subject's, then of the token it enters by."""
    group = [t for t in group if _lemma(t) != "be"] or group
    entry, exit_ = group[0], group[-1]
    if exit_dep in SUBJECTS and entry_dep not in SUBJECTS:
        return _lemma(entry)
    return _lemma(exit_)


def dep_path(head, tail) -> str | None:
    """The dependency path from ``head`` to ``tail`` (tokens or spans of one sentence) as a string.

    Steps are ``<dep`` (up from a child attached by ``dep``) and ``>dep`` (down to such a child),
    with the lemma of each word passed; the ends are ``H`` and ``T``. A span stands for its root
    (a name is its head), and ``conj``/``appos`` links are collapsed: the joined words are one
    node, so the path of "B" in "A and B" is the path of "A". A common noun collapsed into an end
    is kept as ``H=noun`` ("Jensen Huang, the chief executive of Nvidia": ``H=executive >prep of
    >pobj T``). Two ends that collapse into one node give ``H =conj T`` / ``H =appos T``. ``None``
    if the two are in different sentences or are one word.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Gates", "and", "Allen", "founded", "Microsoft"],
    ...           heads=[3, 0, 0, 3, 3], deps=["nsubj", "cc", "conj", "ROOT", "dobj"],
    ...           lemmas=["Gates", "and", "Allen", "found", "Microsoft"])
    >>> dep_path(doc[2], doc[4])
    'H <nsubj found >dobj T'
    """
    h_tok, t_tok = _name_root(head), _name_root(tail)
    if h_tok.i == t_tok.i or h_tok.sent.start != t_tok.sent.start:
        return None
    h_anc, t_anc = _ancestors(h_tok), _ancestors(t_tok)
    t_index = {tok.i: n for n, tok in enumerate(t_anc)}
    lca_n = next((n for n, tok in enumerate(h_anc) if tok.i in t_index), None)
    if lca_n is None:
        return None
    up = h_anc[: lca_n + 1]                               # head ... lca
    down = list(reversed(t_anc[: t_index[h_anc[lca_n].i]]))  # below lca ... tail
    nodes = up + down
    # steps between consecutive nodes: (dep, direction)
    steps = [(tok.dep_, "<") for tok in up[:-1]] + [(tok.dep_, ">") for tok in down]
    # a copula joins its subject and its complement like an apposition ("X is a unit of Y" ~ "X, a unit of Y")
    for k in range(1, len(nodes) - 1):
        pair = {(steps[k - 1][0], steps[k - 1][1]), (steps[k][0], steps[k][1])}
        if _lemma(nodes[k]) == "be" and pair in ({("nsubj", "<"), ("attr", ">")}, {("attr", "<"), ("nsubj", ">")}):
            steps[k - 1] = steps[k] = ("copula", "=")
    # collapse: split the node sequence into groups joined by merge links (or name parts at the ends)
    groups, gsteps = [[nodes[0]]], []
    for (dep, arrow), tok in zip(steps, nodes[1:]):
        if dep in COLLAPSED:
            groups[-1].append(tok)
        else:
            groups.append([tok])
            gsteps.append(f"{arrow}{dep}")
    if len(groups) == 1:
        kinds = [dep for dep, _ in steps]
        nouns = [_lemma(t) for t in groups[0][1:-1] if t.pos_ == "NOUN"]
        return ("H =conj" if kinds == ["conj"] * len(kinds) else "H =appos") + (f":{nouns[0]}" if nouns else "") + " T"
    parts = [_end_label("H", groups[0])]
    for n, group in enumerate(groups[1:-1], start=1):
        parts.append(gsteps[n - 1])
        parts.append(_group_label(group, gsteps[n - 1][1:], gsteps[n][1:]))
    parts.append(gsteps[-1])
    parts.append(_end_label("T", groups[-1]))
    return " ".join(parts)


def _end_label(end: str, group) -> str:
    """``H``, or ``H=noun`` when a common noun (a role, "browser") is collapsed into the end."""
    others = group[1:] if end == "H" else group[:-1]
    nouns = [_lemma(t) for t in others if t.pos_ == "NOUN"]
    return f"{end}={nouns[0] if end == 'H' else nouns[-1]}" if nouns else end


# --------------------------------------------------------------------------------------------
# finding the gold entities' names in the text


def name_pattern(name: str):
    """A regex for a gold mention name: its words in order, any spacing, word boundaries at the ends."""
    words = re.findall(r"\w+|[^\w\s]", name)
    if not words:
        return None
    body = r"\s*".join(re.escape(w) for w in words)
    left = r"(?<!\w)" if words[0][0].isalnum() or words[0][0] == "_" else ""
    right = r"(?!\w)" if words[-1][-1].isalnum() or words[-1][-1] == "_" else ""
    return re.compile(left + body + right)


def find_mentions(text: str, entities: list[dict]) -> list[tuple[int, int, int]]:
    """``(start, end, entity id)`` of every non-overlapping occurrence of a gold entity's names,
    longest names first."""
    names = sorted(((name, ent["id"]) for ent in entities for name in ent["names"]), key=lambda x: -len(x[0]))
    taken = [False] * (len(text) + 1)
    out = []
    for name, eid in names:
        pat = name_pattern(name)
        if pat is None:
            continue
        for m in pat.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            out.append((m.start(), m.end(), eid))
    return sorted(out)


# --------------------------------------------------------------------------------------------
# mining


def mine(docs_and_gold) -> dict:
    """``{relation: {path: stats}}`` with ``pos`` (labelled pairs), ``docs``, ``neg`` (pairs that
    fit the relation's types but that the gold does not relate) and examples, plus ``_coverage``."""
    table = defaultdict(lambda: defaultdict(lambda: {"pos": set(), "neg": set(), "docs": set(), "examples": []}))
    coverage = {rel: {"gold": 0, "same_sentence_in_text": 0} for rel in RELATIONS}
    counted = set()
    for doc, aid, art in docs_and_gold:
        gold_key = art.get("gold", aid)
        types = {e["id"]: e["type"] for e in art["entities"]}
        req, opt = defaultdict(set), defaultdict(set)
        for t in art["triples"]:
            (opt if t["optional"] else req)[(t["head"], t["tail"])].add(t["relation"])
            if not t["optional"] and t["relation"] in coverage and (gold_key, t["head"], t["relation"], t["tail"]) not in counted:
                counted.add((gold_key, t["head"], t["relation"], t["tail"]))
                coverage[t["relation"]]["gold"] += 1
        spans = []
        for start, end, eid in find_mentions(doc.text, art["entities"]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append((span, eid))
        by_sent = defaultdict(list)
        for span, eid in spans:
            by_sent[span.sent.start].append((span, eid))
        seen_pair_path = set()
        paired = set()
        for sent_start, mentions in by_sent.items():
            best = {}
            for hs, h in mentions:
                for ts, t in mentions:
                    if h == t:
                        continue
                    path = dep_path(hs, ts)
                    if path is None:
                        continue
                    length = path.count("<") + path.count(">")
                    if (h, t) not in best or length < best[(h, t)][0]:
                        best[(h, t)] = (length, path, hs.sent.text)
            for (h, t), (_, path, sent) in best.items():
                paired.add((h, t))
                if (h, t, path) in seen_pair_path:
                    continue
                seen_pair_path.add((h, t, path))
                for rel in RELATIONS:
                    hts, tts = FITS[rel]
                    labelled = rel in req.get((h, t), ())
                    if not labelled and (types[h] not in hts or types[t] not in tts or rel in opt.get((h, t), ())):
                        continue
                    row = table[rel][path]
                    key = (aid, h, t)
                    if labelled:
                        row["pos"].add(key)
                        row["docs"].add(aid)
                        if len(row["examples"]) < 3:
                            row["examples"].append(sent.strip())
                    else:
                        row["neg"].add(key)
        for (h, t), rels in req.items():
            for rel in rels:
                if rel in coverage and (h, t) in paired and (gold_key, h, rel, t, "paired") not in counted:
                    counted.add((gold_key, h, rel, t, "paired"))
                    coverage[rel]["same_sentence_in_text"] += 1
    return {"paths": table, "coverage": coverage}


#: Words on a path that are no trigger of their own.
FUNCTION_WORDS = frozenset("of by at in for to with on from as be have and , the a an".split())


def path_words(path: str) -> set[str]:
    """The content words of a path string (its lemmas and collapsed nouns, not its ends or prepositions).

    >>> sorted(path_words("H=founder >prep of >pobj T"))
    ['founder']
    >>> sorted(path_words("H <pobj by <agent develop <acl T=browser"))
    ['browser', 'develop']
    """
    words = set()
    for part in path.split():
        if part[:1] in "<>" or part in ("H", "T"):
            continue
        if part[:2] in ("H=", "T="):
            part = part[2:]
        elif part.startswith("="):
            part = part.partition(":")[2]
        if part and part not in FUNCTION_WORDS:
            words.add(part)
    return words


def triggers(table: dict, rel: str, min_docs: int = 1, max_steps: int = 0) -> list[dict]:
    """Per content word: the labelled pairs and the other pairs of fitting types whose path (of at most
    ``max_steps`` steps, 0: any) has it."""
    pos, neg, docs = defaultdict(set), defaultdict(set), defaultdict(set)
    for path, row in table.get(rel, {}).items():
        if max_steps and steps(path) > max_steps:
            continue
        for word in path_words(path):
            pos[word] |= row["pos"]
            neg[word] |= row["neg"]
            docs[word] |= row["docs"]
    rows = []
    for word in pos:
        p, n = len(pos[word]), len(neg[word] - pos[word])
        if p and len(docs[word]) >= min_docs:
            rows.append({"word": word, "support": p, "docs": len(docs[word]), "negatives": n,
                         "precision": round(p / (p + n), 3), "score": round(p * p / (p + n), 3)})
    rows.sort(key=lambda r: (-r["score"], -r["support"], r["word"]))
    return rows


def steps(path: str) -> int:
    """How many dependency steps a path string has."""
    return sum(1 for part in path.split() if part[:1] in "<>=" and part not in ("=conj", "=appos")) or 1


def ranked(table: dict, rel: str, min_docs: int = 1) -> list[dict]:
    rows = []
    for path, row in table.get(rel, {}).items():
        pos, neg = len(row["pos"]), len(row["neg"])
        if not pos or len(row["docs"]) < min_docs:
            continue
        precision = pos / (pos + neg)
        rows.append({"path": path, "support": pos, "docs": len(row["docs"]), "negatives": neg,
                     "precision": round(precision, 3), "score": round(pos * precision, 3),
                     "examples": row["examples"]})
    rows.sort(key=lambda r: (-r["score"], -r["support"], r["path"]))
    return rows


def load_corpus(shared: Path):
    corpus = shared / "corpus" / "redocred-dev"
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    texts = {}
    with open(corpus / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    return gold, texts


#: The project's corpora with a corpus-level gold graph: (articles, gold), relative to the repository;
#: ``SHARED/`` marks paths in the shared folder. wiki's gold lists its articles (rows of the shared wiki).
PROJECT_CORPORA = {
    "data": ("data/articles", "data/gold.json"),
    "dev": ("tests/data/dev/articles", "tests/data/dev/gold.json"),
    "heldout": ("tests/data/heldout/articles", "tests/data/heldout/gold.json"),
    "wiki": ("SHARED/corpus/wiki/articles.jsonl", "tests/data/wiki/gold.json"),
    "seeds": ("SHARED/corpus/seeds/articles", "SHARED/corpus/seeds/gold.json"),
}
#: newsgraph gold types as Re-DocRED's, so that :data:`FITS` applies to both.
PROJECT_TYPES = {"person": "PER", "company": "ORG", "organization": "ORG", "publication": "ORG", "model": "MISC",
                 "product": "MISC", "place": "LOC"}


def project_corpus(name: str, shared: Path):
    """``(gold articles, texts)`` of one of the project's corpora in redocred-dev's per-article
    shape: every article gets the whole gold's entities (only those named in it are found) and
    relations, so a pair is labelled wherever both are named."""
    from extract.ingest import read_articles
    from extract.records import Article

    where, gold_path = (p.replace("SHARED", str(shared)) for p in PROJECT_CORPORA[name])
    where, gold_path = (Path(p) if Path(p).is_absolute() else REPO / p for p in (where, gold_path))
    if not where.exists() or not gold_path.is_file():
        return {}, {}
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    wanted = set(gold.get("articles") or ())
    texts = {}
    for art in read_articles([where]):
        if isinstance(art, Article) and (not wanted or art.id in wanted):
            texts[f"{name}:{art.id}"] = art.text
    entities, ids = [], {}
    for n, ent in enumerate(gold.get("entities", [])):
        ids[ent["name"]] = n
        for alias in ent.get("aliases") or []:
            ids.setdefault(alias, n)
        entities.append({"id": n, "type": PROJECT_TYPES.get(ent.get("type"), "MISC"),
                         "names": [ent["name"], *(ent.get("aliases") or [])]})
    triples = []
    for rel in gold.get("relations", []):
        if rel["relation"] in RELATIONS and rel["source"] in ids and rel["target"] in ids:
            triples.append({"head": ids[rel["source"]], "relation": rel["relation"], "tail": ids[rel["target"]],
                            "optional": bool(rel.get("optional"))})
    article = {"entities": entities, "triples": triples, "gold": name}
    return {aid: article for aid in texts}, texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=8, help="paths per relation (default 8)")
    ap.add_argument("--min-docs", type=int, default=1, help="only paths seen in at least this many documents")
    ap.add_argument("--examples", type=int, default=0, help="example sentences per path (default none)")
    ap.add_argument("--json", type=Path, default=None, help="write every path of every relation to this file")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: the project's)")
    ap.add_argument("--corpus", action="append", choices=["redocred", *PROJECT_CORPORA, "all"],
                    help="where to mine (repeatable; default redocred; 'all': redocred and the project's corpora)")
    ap.add_argument("--max-steps", type=int, default=0, help="only paths of at most this many steps (0: any)")
    ap.add_argument("--words", type=int, default=12,
                    help="also list this many content words of the paths, as labelled/all pairs (default 12; 0: none)")
    args = ap.parse_args(argv)

    shared = shared_root()
    if not (shared / "corpus" / "redocred-dev" / "gold.json").is_file():
        print(f"paths: {shared}/corpus/redocred-dev not found; nothing to mine (set NEWSGRAPH_SHARED)")
        return 0
    from extract.pipeline import DEFAULT_MODEL, load_nlp

    chosen = args.corpus or ["redocred"]
    if "all" in chosen:
        chosen = ["redocred", *PROJECT_CORPORA]
    golds, texts = {}, {}
    for name in dict.fromkeys(chosen):
        if name == "redocred":
            gold, some = load_corpus(shared)
            golds.update(gold["articles"])
        else:
            arts, some = project_corpus(name, shared)
            golds.update(arts)
        texts.update(some)
    nlp = load_nlp(args.model or DEFAULT_MODEL)
    ids = [aid for aid in golds if aid in texts]
    docs = nlp.pipe((texts[aid] for aid in ids), batch_size=16)
    result = mine((doc, aid, golds[aid]) for doc, aid in zip(docs, ids))
    table, coverage = result["paths"], result["coverage"]

    out = {"corpora": list(dict.fromkeys(chosen)), "documents": len(ids), "relations": {}}
    print(f"{', '.join(out['corpora'])}: {len(ids)} documents")
    for rel in RELATIONS:
        rows = ranked(table, rel, args.min_docs)
        if args.max_steps:
            rows = [r for r in rows if steps(r["path"]) <= args.max_steps]
        cov = coverage[rel]
        words = triggers(table, rel, args.min_docs, args.max_steps)
        out["relations"][rel] = {"gold": cov["gold"], "pairs_in_one_sentence": cov["same_sentence_in_text"], "paths": rows,
                                 "words": words}
        print(f"\n== {rel}: {cov['gold']} gold triples, {cov['same_sentence_in_text']} with both names in one sentence, "
              f"{len(rows)} paths")
        print(f"{'support':>7} {'docs':>4} {'neg':>4} {'prec':>5}  path")
        for row in rows[: args.top]:
            print(f"{row['support']:>7} {row['docs']:>4} {row['negatives']:>4} {row['precision']:>5.2f}  {row['path']}")
            for ex in row["examples"][: args.examples]:
                print(f"{'':>24}  e.g. {ex[:160]}")
        if args.words:
            print("  words on the paths: " + ", ".join(
                f"{w['word']} {w['support']}/{w['support'] + w['negatives']}" for w in words[: args.words]))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
