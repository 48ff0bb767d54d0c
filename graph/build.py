"""Records in, the knowledge graph out: a ``networkx.MultiDiGraph`` following SCHEMA.md.

:func:`build_graph` is the whole product in one call (read, extract, resolve, assemble);
:func:`assemble_graph` is the part after spaCy, a pure function of the extraction records,
so it can be rerun from a cache without a model.
"""
from __future__ import annotations

import contextlib
import glob
import itertools
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from extract.ingest import DEFAULT_MAX_ARTICLE_CHARS, check_article, estimate_articles, read_articles
from extract.ingest.base import display_path
from extract.ingest.paths import _content_key
from extract.pipeline import DEFAULT_MODEL, load_nlp
from extract.deals.awards import AWARD_RULE
from extract.deals.lone_rounds import LONE_ROUND_MARK
from extract.records import SYMMETRIC_RELATIONS, Article, Extraction, Mention, Skip, to_dict
from extract.rules import RULE_SEPARATOR, rule_name
from extract.schema import fits

from ._version import __version__
from .resolve import Resolution, ResolutionRules, resolve_articles

#: Deals below this confidence (hypothetical, hedged) stay out of the graph.
MIN_DEAL_CONFIDENCE = 0.5


@dataclass
class BuildReport:
    """What a build read, skipped and made; the CLI prints it and writes ``report.json``."""

    articles: int = 0
    skipped: list[Skip] = field(default_factory=list)
    seconds: float = 0.0
    model: str = DEFAULT_MODEL
    resolution: Resolution | None = None  # the merges behind the graph's entities, for merges.csv
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (article id, what went wrong in extraction)
    page: dict | None = None  # what graph.html left out when capped (graph.render.cap_summary), set by the CLI

    def as_dict(self, G: nx.MultiDiGraph | None = None) -> dict:
        data = {
            "articles_read": self.articles,
            "articles_skipped": len(self.skipped),
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "warnings": [{"article": a, "warning": w} for a, w in self.warnings],
            "seconds": round(self.seconds, 3),
            "model": self.model,
        }
        if G is not None:
            data.update(graph_summary(G))
            data["rules"] = rule_counts(G)
        if self.page is not None:
            data["page"] = self.page
        return data


def build_graph(inputs, *, model: str = DEFAULT_MODEL, nlp=None, jobs: int = 1, rules: ResolutionRules | None = None,
                report: BuildReport | None = None, engine: str = "local", scheduler: str | None = None,
                cache=None, progress=None,
                max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS,
                gazetteer_dir: str | os.PathLike | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph of articles.

    Parameters
    ----------
    inputs : str, path, Article or an iterable of them
        Files, folders and glob patterns (read by :func:`extract.ingest.read_articles`),
        :class:`~extract.records.Article` records, or plain strings of article text (a
        string with white space that is not an existing path: one with a "*", "?" or "[" is a
        glob pattern unless it has a line break or six words and matches no file).
    model : str
        Name of an installed spaCy pipeline (ignored when ``nlp`` is given).
    jobs : int
        Worker processes for extraction (local engine), or workers of a local Dask cluster.
    engine : {"local", "dask"}
        Where extraction runs (:mod:`graph.engines`); the graph is the same either way.
    scheduler : str, optional
        Address of a running Dask scheduler (with ``engine="dask"``).
    cache : str, path or ExtractionCache, optional
        Per-article extraction cache (:mod:`graph.cache`): only new or changed articles
        are parsed; resolution always runs over every article.
    report : BuildReport, optional
        Filled with what was read and skipped.
    progress : callable, optional
        Called as ``progress(done, total)`` each time an article's extraction is finished (for
        progress bars): ``total`` is an estimate made before reading (files, plus the lines of
        JSONL files), at least ``done``.
    max_article_chars : int or None
        Articles read from files with a longer text are skipped and reported ("article too
        long"; see :func:`extract.ingest.read_articles`); ``None`` or 0: no limit. Article
        records and texts given directly are not limited.
    gazetteer_dir : str or path, optional
        A folder of gazetteer files to use instead of newsgraph's own (ignored when ``nlp`` is given).

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> G = build_graph(["Nvidia's CEO Jensen Huang said Nvidia will invest in Acme Robotics Inc."])
    >>> G.nodes["person:jensen-huang"]["name"]
    'Jensen Huang'
    >>> G.has_edge("person:jensen-huang", "company:nvidia", key="leads")
    True
    """
    if max_article_chars is not None and max_article_chars < 0:  # checked now, not once extraction reads
        raise ValueError(f"max_article_chars must be 0 (no limit) or more, not {max_article_chars}")
    report = report if report is not None else BuildReport()
    started = time.perf_counter()
    if nlp is None:
        nlp = load_nlp(model, gazetteer_dir=None if gazetteer_dir is None else str(gazetteer_dir))
    model_name = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', model)}"  # the package name, as in graph.json
    report.model = model_name

    def articles():
        for item in _read_inputs(inputs, max_chars=max_article_chars):
            if isinstance(item, Skip):
                report.skipped.append(item)
            else:
                report.articles += 1
                yield item

    total = _estimated_articles(inputs) if progress is not None else None

    def reporting(extracted):
        for done, extraction in enumerate(extracted, 1):
            progress(done, None if total is None else max(done, total))
            yield extraction

    metadata = {
        "tool": "newsgraph",
        "version": __version__,
        "model": model_name,
        "model_version": nlp.meta.get("version"),
    }
    with RecordSpill() as spill:
        # records go to disk as they come; the graph is assembled reading them back an article at a time
        spill.extend(_extract_all(nlp, articles(), jobs=jobs, engine=engine, scheduler=scheduler, cache=cache,
                                  wrap=None if progress is None else reporting))
        # Files were de-duplicated as they were read; articles given as records or texts, and any of
        # them that shares an id with a file, are de-duplicated here, where every id is known
        dropped = spill.drop_repeated_ids()
        report.skipped.extend(dropped)
        report.articles -= len(dropped)
        G = assemble_graph(spill, rules=rules, metadata=metadata, report=report)
    report.seconds = time.perf_counter() - started
    return G


def _extract_all(nlp, articles, *, jobs, engine, scheduler, cache, wrap=None) -> Iterator[Extraction]:
    """The extraction records of ``articles``, one at a time, as the engine (or the cache) gives them."""
    from .cache import ExtractionCache, pipeline_fingerprint
    from .engines import make_engine, run_extraction

    wrap = wrap or (lambda extracted: extracted)
    runner = make_engine(engine, nlp, jobs=jobs, scheduler=scheduler)
    if cache is None:
        yield from wrap(run_extraction(runner, articles))
        return
    owned = not isinstance(cache, ExtractionCache)
    store = ExtractionCache(cache) if owned else cache
    try:
        yield from wrap(run_extraction(runner, articles, cache=store, fingerprint=pipeline_fingerprint(nlp)))
    finally:
        if owned:
            store.close()


class RecordSpill:
    """Extraction records on disk (a temporary SQLite file), read back one article at a time in
    article-id order, so that a build holds no list of every record.

    Each record is stored as JSON in two parts, its mentions and the rest, so that resolution,
    which reads only the mentions, does not decode the relations and article texts.

    >>> from extract.records import Article, Mention
    >>> with RecordSpill() as spill:
    ...     spill.extend([Extraction(Article("b", "Arm rose.")),
    ...                   Extraction(Article("a", "Nvidia rose."), mentions=(Mention("a", "Nvidia", "company", 0, 6, 0, 12),))])
    ...     [x.article.id for x in spill], [m.text for ms in spill.mentions() for m in ms], len(spill)
    (['a', 'b'], ['Nvidia'], 2)
    """

    def __init__(self, folder: str | os.PathLike | None = None):
        handle, self.path = tempfile.mkstemp(prefix="newsgraph-records-", suffix=".sqlite", dir=folder)
        os.close(handle)
        self.db = sqlite3.connect(self.path)
        # a scratch file: no journal, no fsync; it is deleted when the build ends, whatever happens
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE records (seq INTEGER PRIMARY KEY, article TEXT, mentions TEXT, rest TEXT)")
        self.count = 0

    def __enter__(self) -> "RecordSpill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)

    def __len__(self) -> int:
        return self.count

    def extend(self, extractions: Iterable[Extraction], batch: int = 256) -> None:
        rows = []
        for extraction in extractions:
            data = to_dict(extraction)
            mentions = data.pop("mentions")
            rows.append((extraction.article.id, _dumps(mentions), _dumps(data)))
            if len(rows) >= batch:
                self._insert(rows)
                rows = []
        self._insert(rows)

    def _insert(self, rows) -> None:
        with self.db:
            self.db.executemany("INSERT INTO records (article, mentions, rest) VALUES (?, ?, ?)", rows)
        self.count += len(rows)

    def drop_repeated_ids(self) -> list[Skip]:
        """Keep one record per article id, the one whose article has the smallest content hash (as
        :func:`extract.ingest.read_articles` decides between files), and a :class:`Skip` for each other.
        Two articles with one id would otherwise share one text in ``graph.json``, and the evidence
        offsets of one would point into the other's text.

        >>> with RecordSpill() as spill:
        ...     spill.extend([Extraction(Article("a", "Arm rose.")), Extraction(Article("a", "Nvidia fell.")),
        ...                   Extraction(Article("b", "Arm rose."))])
        ...     skips = spill.drop_repeated_ids()
        ...     [(x.article.id, x.article.text) for x in spill], [s.reason for s in skips]  # doctest: +NORMALIZE_WHITESPACE
        ([('a', 'Arm rose.'), ('b', 'Arm rose.')],
         ['duplicate article id a: another article with this id comes first by content hash (not by input order)'])
        """
        repeated = [article_id for (article_id,) in self.db.execute(
            "SELECT article FROM records GROUP BY article HAVING COUNT(*) > 1 ORDER BY article")]
        skips = []
        for article_id in repeated:
            rows = [(seq, Article(**json.loads(rest)["article"])) for seq, rest in self.db.execute(
                "SELECT seq, rest FROM records WHERE article = ? ORDER BY seq", (article_id,))]
            keys = {seq: _content_key(article) for seq, article in rows}
            kept_seq = min(keys, key=keys.__getitem__)
            kept_hash = keys[kept_seq][0]
            for seq, article in rows:
                if seq == kept_seq:
                    continue
                why = ("the same article is given again" if keys[seq][0] == kept_hash else
                       "another article with this id comes first by content hash (not by input order)")
                skips.append(Skip(article.path or article_id, f"duplicate article id {display_path(article_id)}: {why}"))
                with self.db:
                    self.db.execute("DELETE FROM records WHERE seq = ?", (seq,))
                self.count -= 1
        return skips

    def mentions(self) -> Iterator[tuple[Mention, ...]]:
        """Each article's mentions, in the order of :meth:`__iter__`."""
        for (mentions,) in self.db.execute("SELECT mentions FROM records ORDER BY article, seq"):
            yield tuple(Mention(**m) for m in json.loads(mentions))

    def __iter__(self) -> Iterator[Extraction]:
        # SQLite compares TEXT by its UTF-8 bytes: the code point order of Python's sorted()
        from .cache import extraction_from_dict

        for mentions, rest in self.db.execute("SELECT mentions, rest FROM records ORDER BY article, seq"):
            data = json.loads(rest)
            data["mentions"] = json.loads(mentions)
            yield extraction_from_dict(data)


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _read_inputs(inputs, *, max_chars: int | None):
    if isinstance(inputs, (str, os.PathLike, Article)):
        inputs = [inputs]
    paths = []
    for n, item in enumerate(inputs):
        # Articles made in Python are checked as read ones are: a lone surrogate would fail the build later
        if isinstance(item, Article):
            yield check_article(item)
        elif isinstance(item, str) and _is_text(item):
            yield check_article(Article(id=f"text-{n + 1}", text=item))
        elif isinstance(item, (str, os.PathLike)):
            paths.append(item)
        else:
            yield Skip(repr(item)[:80], f"not a path, an Article or a text: {type(item).__name__}")
    if paths:
        yield from read_articles(paths, max_chars=max_chars)


def _estimated_articles(inputs) -> int | None:
    """How many articles ``inputs`` hold, counted without reading them (for progress bars);
    ``None`` for an iterator, which counting would use up."""
    if isinstance(inputs, (str, os.PathLike, Article)):
        inputs = [inputs]
    if not isinstance(inputs, (list, tuple)):
        return None
    paths = [item for item in inputs if isinstance(item, (str, os.PathLike))
             and not (isinstance(item, str) and _is_text(item))]
    others = sum(1 for item in inputs if isinstance(item, Article) or (isinstance(item, str) and _is_text(item)))
    return others + estimate_articles(paths)


def _is_text(item: str) -> bool:
    """Whether a string given as input is article text rather than a path or a glob pattern.

    A line break or six words make text even with a "?" or "[" in it (a question, a bracket):
    no path or pattern a user types looks like that, unless it names files that exist.
    """
    if os.path.lexists(item):  # lexists: a broken symlink is a path
        return False
    if not any(ch in item for ch in "*?["):
        return bool(re.search(r"\s", item))
    return ("\n" in item or len(item.split()) >= 6) and not glob.glob(item)


def assemble_graph(extractions: Iterable[Extraction], *, rules: ResolutionRules | None = None,
                   metadata: dict | None = None, report: BuildReport | None = None) -> nx.MultiDiGraph:
    """The graph of extraction records: resolve entities, then add nodes, relations and deals.

    Relation edges gather every evidence sentence; their confidence combines the rules'
    confidences (noisy-or). The same deal in several articles (same kind, same companies)
    becomes one deal node.

    ``extractions`` is a sequence of records, or a :class:`RecordSpill`, which is read twice,
    an article at a time (mentions for resolution, then everything for the graph), so that no
    list of every record is held.
    """
    if isinstance(extractions, RecordSpill):
        records, mentions_by_article = extractions.__iter__, extractions.mentions
    else:
        in_order = sorted(extractions, key=lambda x: x.article.id)
        records, mentions_by_article = in_order.__iter__, lambda: (x.mentions for x in in_order)
    resolution = resolve_articles(mentions_by_article, rules=rules)
    if report is not None:
        report.resolution = resolution
        report.warnings = []
    G = nx.MultiDiGraph()
    G.graph.update(metadata or {})
    G.graph["article_count"] = 0
    G.graph["articles"] = {}
    for ent in sorted(resolution.entities.values(), key=lambda e: e.id):
        G.add_node(ent.id, name=ent.name, type=ent.type, aliases=list(ent.aliases), mentions=ent.mentions,
                   articles=list(ent.articles))
    relations, values, deals = _Relations(), defaultdict(Counter), defaultdict(list)
    for _, same_id in itertools.groupby(records(), key=lambda x: x.article.id):
        same_id = list(same_id)  # the records of one article id (one, unless the input repeats an id)
        lookup = _MentionLookup(resolution, [m for x in same_id for m in x.mentions])
        for x in same_id:
            G.graph["article_count"] += 1
            # The text goes with the title, url and date so that the viewer's reader can show every
            # evidence sentence in its article (the evidence offsets point into this text).
            G.graph["articles"][x.article.id] = {k: v for k, v in (("title", x.article.title), ("url", x.article.url),
                                                                   ("date", x.article.date), ("text", x.article.text)) if v}
            if report is not None:
                report.warnings.extend((x.article.id, w) for w in x.warnings)
            relations.gather(G, x, lookup)
            _gather_attributes(values, x, lookup)
            _gather_deals(deals, G, x, lookup)
    relations.add_to(G)
    _add_attributes(G, values)
    _add_deals(G, deals)
    return G


class _MentionLookup:
    """Entity id of a mention of one article; relations may carry a mention equal to one of the
    article's up to its offsets only, so fall back to the span."""

    def __init__(self, resolution: Resolution, mentions: list[Mention]):
        self.entity_of = resolution.entities_in(mentions)
        self.by_span = {(m.article, m.start, m.end): m for m in mentions}

    def __call__(self, mention):
        found = self.entity_of.get(mention)
        if found is None:
            same = self.by_span.get((mention.article, mention.start, mention.end))
            found = self.entity_of.get(same) if same is not None else None
        return found


def _evidence_dict(ev, article: Article | None = None) -> dict:
    """An evidence sentence as the graph stores it. Given the record's article, its id and (for a
    one-sentence article) its text are shared with ``graph.articles`` rather than copied: records read
    back from disk bring a fresh copy of every string, and the graph keeps one per evidence."""
    if article is not None and ev.article == article.id:
        sentence = article.text if ev.sentence == article.text else ev.sentence
        return {"article": article.id, "sentence": sentence, "start": ev.start, "end": ev.end}
    return {"article": ev.article, "sentence": ev.sentence, "start": ev.start, "end": ev.end}


class _Relations:
    """Relation statements gathered into edges: evidence, confidences and rules per (source, target, relation)."""

    def __init__(self):
        self.gathered = defaultdict(lambda: {"evidence": {}, "confidences": [], "rules": set()})

    def gather(self, G, x: Extraction, lookup) -> None:
        for rel in x.relations:
            src, tgt = lookup(rel.source), lookup(rel.target)
            if src is None or tgt is None or src == tgt:
                continue
            if not fits(rel.relation, G.nodes[src]["type"], G.nodes[tgt]["type"]):
                continue
            if rel.relation in SYMMETRIC_RELATIONS and tgt < src:
                src, tgt = tgt, src
            slot = self.gathered[(src, tgt, sys.intern(rel.relation))]
            ev = rel.evidence
            key = (ev.article, ev.start, ev.end)
            if key not in slot["evidence"]:
                slot["evidence"][key] = _evidence_dict(ev, x.article)
            slot["confidences"].append(rel.confidence)
            # every rule that read the statement; a handful of names, one string each
            slot["rules"].update(sys.intern(r) for r in rel.rule.split(RULE_SEPARATOR))

    def add_to(self, G) -> None:
        for (src, tgt, relation), slot in sorted(self.gathered.items()):
            G.add_edge(src, tgt, key=relation, relation=relation,
                       evidence=[slot["evidence"][k] for k in sorted(slot["evidence"])],
                       confidence=_noisy_or(slot["confidences"]), rules=sorted(slot["rules"]))


def _noisy_or(confidences) -> float:
    return round(1.0 - math.prod(1.0 - min(max(c, 0.0), 0.999) for c in confidences), 3)


def _gather_attributes(values, x: Extraction, lookup) -> None:
    for attr in x.attributes:
        node = lookup(attr.mention)
        if node is not None:
            values[(node, attr.name)][attr.value] += 1


def _add_attributes(G, values):
    for (node, name), counts in sorted(values.items()):
        # the most often stated value; ties go to the larger number (the full model rather than a part)
        G.nodes[node][name] = max(counts.items(), key=lambda kv: (kv[1], kv[0] if isinstance(kv[0], (int, float)) else 0))[0]


def _gather_deals(deals, G, x: Extraction, lookup) -> None:
    for deal in x.deals:
        if deal.confidence < MIN_DEAL_CONFIDENCE:
            continue
        roles = {}
        for party in deal.parties:
            node = lookup(party.mention)
            if node is not None and G.nodes[node]["type"] == "company":
                roles.setdefault(node, party.role)
        if len(roles) >= 2 or len(roles) == 1 and _one_sided(deal.rule):
            deals[(deal.kind, frozenset(roles))].append((deal, roles))


def _one_sided(rule: str) -> bool:
    """Whether a deal of one company is one the text tells so: a round with no investor named, or a
    contract a government or agency awarded (deals17); any other deal needs two companies."""
    return LONE_ROUND_MARK in rule or rule.split("+", 1)[0] == AWARD_RULE


def _add_deals(G, deals):
    told_with_others = _deals_by_party(deals)
    for (kind, parties), told_all in sorted(deals.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        if len(parties) == 1:
            told_all = _untold_elsewhere(told_all, told_with_others.get((kind, *parties), ()))
            if not told_all:
                continue
        for n, told in enumerate(_split_by_amount(told_all)):
            _add_deal_node(G, kind, parties, told, n)


def _deals_by_party(deals) -> dict:
    """The tellings of deals of two or more parties, under (kind, party) for each of their parties."""
    index: dict = defaultdict(list)
    for (kind, parties), group in deals.items():
        if len(parties) > 1:
            for party in parties:
                index[(kind, party)].extend(deal for deal, _ in group)
    return index


def _untold_elsewhere(told, others):
    """The tellings of a round with no investor named that none of ``others`` (deals of that company and
    kind with other parties) tells: "Acme raised $50 million" in one article is the round that another
    article tells with its investors, if that deal's amount is within reach (or either states none)."""
    from extract.deals import same_amount

    return [item for item in told if not any(same_amount(item[0], other) for other in others)]


def _split_by_amount(told):
    """The tellings of one (kind, companies) pair grouped into deals: tellings with amounts that
    differ (Amazon's $1.25 billion, later its $2.75 billion, in Anthropic) are different deals;
    a telling without an amount joins the deal of its date, else the most told one.

    >>> from extract.records import Deal, Evidence
    >>> ev = Evidence("a", "", 0, 0)
    >>> told = [(Deal("a", "investment", (), ev, amount_usd=a, date=d), {}) for a, d in
    ...         [(2.75e9, "2024-03"), (1.25e9, "2023-09"), (None, "2023-09"), (2.7e9, "2024-03")]]
    >>> [[d.amount_usd for d, _ in group] for group in _split_by_amount(told)]
    [[2750000000.0, 2700000000.0], [1250000000.0, None]]
    """
    from extract.deals import same_amount

    groups: list[list] = []
    for item in told:
        if item[0].amount_usd is None and item[0].amount is None:
            continue
        group = next((g for g in groups if all(same_amount(item[0], other) for other, _ in g)), None)
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    if not groups:
        return [told]
    for item in told:
        deal = item[0]
        if deal.amount_usd is not None or deal.amount is not None:
            continue
        dated = [g for g in groups if deal.date and any(other.date == deal.date for other, _ in g)]
        (dated or sorted(groups, key=len, reverse=True))[0].append(item)
    # the most told deal keeps the plain id
    return sorted(groups, key=len, reverse=True)


def _add_deal_node(G, kind, parties, told, n):
    """One deal node and its party edges; ``n`` > 0 for a later deal of the same companies (its id gets the amount)."""
    names = sorted(G.nodes[p]["name"] for p in parties)
    deal_id = "deal:" + kind + ":" + "+".join(sorted(p.split(":", 1)[1] for p in parties))
    if n:
        amount = next(d.amount_usd if d.amount_usd is not None else d.amount for d, _ in told
                      if d.amount_usd is not None or d.amount is not None)
        deal_id += f":{amount:.0f}"
    amounts = Counter(d.amount_usd for d, _ in told if d.amount_usd is not None)
    others = Counter((d.amount, d.currency) for d, _ in told if d.amount is not None and d.currency not in (None, "USD"))
    dates = [d.date for d, _ in told if d.date]
    attrs = {
        "name": f"{' – '.join(names)} {kind}",
        "type": "deal",
        "kind": kind,
        "amount_usd": amounts.most_common(1)[0][0] if amounts else None,
        "date": _most_specific_date(dates),
        "aliases": [],
        "mentions": len(told),
        "articles": sorted({d.article for d, _ in told}),
        "confidence": _noisy_or([d.confidence for d, _ in told]),
        "rules": sorted({d.rule for d, _ in told}),
    }
    if others and not amounts:
        (amount, currency), _ = others.most_common(1)[0]
        attrs.update(amount=amount, currency=currency)
    G.add_node(deal_id, **attrs)
    evidence = {}
    for d, _ in told:
        evidence.setdefault((d.evidence.article, d.evidence.start, d.evidence.end), _evidence_dict(d.evidence))
    role_votes = defaultdict(Counter)
    for _, roles in told:
        for node, role in roles.items():
            role_votes[node][role] += 1
    for node in sorted(parties):
        G.add_edge(deal_id, node, key="party", relation="party", role=role_votes[node].most_common(1)[0][0],
                   evidence=[evidence[k] for k in sorted(evidence)], confidence=attrs["confidence"])


def _most_specific_date(dates):
    """The longest ISO date that agrees with the most often stated year."""
    if not dates:
        return None
    year = Counter(d[:4] for d in dates).most_common(1)[0][0]
    return max((d for d in dates if d.startswith(year)), key=lambda d: (len(d), d))


def rule_counts(G: nx.MultiDiGraph) -> dict:
    """How many relation edges and deals each registered rule produced (a rule counts once per edge).

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("company:a", "company:b", key="acquires", relation="acquires",
    ...                rules=["verb.active", "deal.relation:deal.verb:buy"])
    >>> G.add_node("deal:x", type="deal", rules=["deal.verb:buy", "deal.verb:buy+listed"])
    >>> rule_counts(G)
    {'deal.relation': {'edges': 1, 'deals': 0}, 'deal.verb': {'edges': 0, 'deals': 1}, 'verb.active': {'edges': 1, 'deals': 0}}
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for *_, d in G.edges(data=True):
        if d.get("relation") != "party":
            for name in {rule_name(r) for r in d.get("rules", ())}:
                counts[name]["edges"] += 1
    for _, d in G.nodes(data=True):
        if d.get("type") == "deal":
            for name in {rule_name(r) for r in d.get("rules", ())}:
                counts[name]["deals"] += 1
    return {name: {"edges": c["edges"], "deals": c["deals"]} for name, c in sorted(counts.items())}


def graph_summary(G: nx.MultiDiGraph) -> dict:
    """Counts of entities per type, relations per type and deals.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("company:a", type="company"); G.add_node("company:b", type="company")
    >>> _ = G.add_edge("company:a", "company:b", key="acquires", relation="acquires")
    >>> graph_summary(G)
    {'entities': {'company': 2}, 'relations': {'acquires': 1}, 'deals': 0}
    """
    types = Counter(d.get("type") for _, d in G.nodes(data=True) if d.get("type") != "deal")
    relations = Counter(d.get("relation") for *_, d in G.edges(data=True) if d.get("relation") != "party")
    deals = sum(1 for _, d in G.nodes(data=True) if d.get("type") == "deal")
    return {"entities": dict(sorted(types.items())), "relations": dict(sorted(relations.items())), "deals": deals}
