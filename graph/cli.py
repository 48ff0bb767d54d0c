"""The ``newsgraph`` command: each subcommand is a thin wrapper over one library call.

Library errors become one-line messages (exit 1 for failed work, 2 for usage errors);
``--debug`` shows the traceback instead.
"""
from __future__ import annotations

import difflib
import importlib.util
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import click
from tqdm import tqdm

from extract.gazetteer import GazetteerError
from extract.ingest import DEFAULT_MAX_ARTICLE_CHARS, display_path
from extract.pipeline import DEFAULT_MODEL, ModelError
from extract.records import ENTITY_TYPES, RELATIONS

from . import build as build_module
from .evaluate import GoldFormatError, GraphFormatError, evaluate_files, format_report
from .io import atomic_write_text, read_json, write_graphml, write_json
from .io.atomic import finish_publish, publish_outputs
from .resolve import write_merges_csv

#: The default of --max-nodes: graph.render.MAX_NODES (not imported here: the viewer's imports would
#: slow every command's start; tests/graph/test_render.py checks that the two agree).
MAX_PAGE_NODES = 2000

EXPECTED_ERRORS = (OSError, ModelError, GazetteerError, GoldFormatError, GraphFormatError, ValueError, sqlite3.Error)

#: Exit statuses, as shells report a process stopped by Ctrl-C (SIGINT) or by a closed pipe (SIGPIPE).
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
#: Seconds between progress lines when stderr is not a terminal (a log file, CI).
PROGRESS_EVERY = 10.0


class Interrupted(Exception):
    """Ctrl-C, with the one line that says what is kept."""


class _Group(click.Group):
    """Turns expected library errors into one line on stderr, unless --debug."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # the reader went away (`newsgraph stats G | head -1`): stop quietly, as Unix tools do
            _silence_stdout()
            ctx.exit(EXIT_BROKEN_PIPE)
        except (KeyboardInterrupt, Interrupted) as exc:
            click.echo(f"newsgraph: interrupted{': ' + str(exc) if str(exc) else ''}", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except EXPECTED_ERRORS as exc:
            if ctx.params.get("debug") or ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"newsgraph: error: {exc}", err=True)
            ctx.exit(1)


def _silence_stdout() -> None:
    # Python flushes stdout once more at exit, which would raise again: point it at /dev/null
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (CliRunner's capture)
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(build_module.__version__, prog_name="newsgraph")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx, debug):
    """Turn tech-industry news articles into a knowledge graph with evidence.

    \b
    Examples:
      newsgraph build data/articles -o out
      newsgraph eval --gold data/gold.json out/graph.json
    """
    ctx.obj = {"debug": debug}


class BuiltFile(click.Path):
    """A file that ``newsgraph build`` wrote (``OUT/graph.json``): if a build was killed while it switched
    its outputs in that folder, the switch is finished first (:func:`graph.io.atomic.finish_publish`),
    so that the file read belongs to one complete set."""

    def convert(self, value, param, ctx):
        finish_publish(Path(value).parent)
        return super().convert(value, param, ctx)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml, graph.html, merges.csv and report.json.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Name of an installed spaCy pipeline.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Extraction processes (local engine) or local Dask workers.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs; dask needs the optional dask[distributed] package.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler of a running cluster (default: a local cluster of --jobs workers).")
@click.option("--cache", "cache_path", metavar="PATH", type=click.Path(dir_okay=False), default=None,
              help="Extraction cache: only new or changed articles are parsed.  [default: OUT/cache.sqlite]")
@click.option("--no-cache", is_flag=True, help="Parse every article; neither read nor write a cache.")
@click.option("--strict", is_flag=True, help="Exit 1 (after writing the outputs) if any input was skipped.")
@click.option("--max-article-chars", metavar="N", default=DEFAULT_MAX_ARTICLE_CHARS, show_default=True,
              type=click.IntRange(0), help="Skip (and report) articles longer than N characters; 0: no limit.")
@click.option("--gazetteers", "gazetteer_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False), default=None,
              help="A folder of gazetteer files to use instead of newsgraph's own (see data/gazetteers/).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors (no progress, no summary).")
@click.option("--max-nodes", metavar="N", default=MAX_PAGE_NODES, show_default=True, type=click.IntRange(0),
              help="graph.html embeds at most the N most mentioned entities and deals; 0: all.")
def build(inputs, out_dir, model, jobs, engine, scheduler, cache_path, no_cache, strict, max_article_chars,
          gazetteer_dir, quiet, max_nodes):
    """Build the graph of articles: files, folders and glob patterns, in any mix.

    \b
    Reads .txt, .md, .html/.htm and .jsonl (one article a line, "text" required).
    Example:  newsgraph build data/articles more/*.jsonl -o out
    """
    from .cache import DEFAULT_CACHE_NAME, ExtractionCache

    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask" and importlib.util.find_spec("distributed") is None:
        raise click.UsageError("--engine dask needs dask's distributed scheduler: pip install 'dask[distributed]'")
    report = build_module.BuildReport()
    cache_file = None if no_cache else Path(cache_path or Path(out_dir) / DEFAULT_CACHE_NAME)
    finish_publish(out_dir)  # a build killed while switching its outputs: finish that first
    _check_writable(Path(out_dir), cache_file)  # now, before the model loads and anything is parsed
    cache = None if cache_file is None else _open_cache(ExtractionCache, cache_file)
    progress = _Progress(quiet=quiet)
    try:
        G = build_module.build_graph(_input_paths(inputs), model=model, jobs=jobs, report=report, engine=engine, scheduler=scheduler,
                                     cache=cache, progress=progress, max_article_chars=max_article_chars,
                                     gazetteer_dir=gazetteer_dir)
    except KeyboardInterrupt:
        progress.close()
        if cache is None:
            raise Interrupted("nothing was written (--no-cache: a rerun parses every article again)") from None
        kept = cache.hits + cache.stored
        raise Interrupted(f"{kept} article(s) of this build are in the cache {cache.path}; "
                          "run the same command again to go on from there") from None
    finally:
        progress.close()
        if cache is not None:
            cache.close()
    if report.articles == 0:
        # an empty graph must not replace a good one: a typo in a folder name would do just that
        for skip in report.skipped:
            click.echo(f"skipped {display_path(skip.path)}: {skip.reason}", err=True)
        click.echo(f"newsgraph: error: no articles read ({len(report.skipped)} input(s) skipped); "
                   f"nothing written, the outputs in {out_dir} are as they were", err=True)
        sys.exit(1)
    out = Path(out_dir)
    # one set: on a full disk or a kill the folder keeps the previous build's files, all of them
    publish_outputs(out, {
        "graph.json": lambda path: write_json(G, path),
        "graph.graphml": lambda path: write_graphml(G, path),
        "graph.html": lambda path: _write_html(G, path, inputs, max_nodes, report),
        "merges.csv": lambda path: write_merges_csv(report.resolution, path),
        "report.json": lambda path: atomic_write_text(
            path, json.dumps(report.as_dict(G), indent=1, ensure_ascii=False) + "\n"),
    })
    for skip in report.skipped:
        click.echo(f"skipped {display_path(skip.path)}: {skip.reason}", err=True)
    for article, warning in report.warnings:
        click.echo(f"warning {display_path(article)}: {warning}", err=True)
    if not quiet:
        click.echo(_summary(report, G, out))
        if cache is not None:
            click.echo(f"cache: {cache.hits} article(s) reused, {cache.stored} extracted ({cache.path})")
    if strict and report.skipped:
        click.echo(f"newsgraph: error: {len(report.skipped)} input(s) skipped (--strict)", err=True)
        sys.exit(1)


@main.command("cache")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="The build's output folder, whose cache.sqlite it is.")
@click.option("--cache", "cache_path", metavar="PATH", type=click.Path(dir_okay=False), default=None,
              help="The cache file, if not OUT/cache.sqlite.")
@click.option("--prune", is_flag=True, help="Remove the entries; without it, only say what would go.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="The model the builds use.")
@click.option("--gazetteers", "gazetteer_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False), default=None,
              help="The gazetteer folder the builds use.")
@click.option("--max-article-chars", metavar="N", default=DEFAULT_MAX_ARTICLE_CHARS, show_default=True,
              type=click.IntRange(0), help="As for build: longer articles are not read.")
def cache_command(inputs, out_dir, cache_path, prune, model, gazetteer_dir, max_article_chars):
    """Prune the extraction cache: drop the entries of articles no longer in INPUTS and of other
    pipeline versions (model, rules, gazetteers), then compact the file.

    \b
    Give the same INPUTS, --model and --gazetteers as to build.
    Example:  newsgraph cache data/articles -o out --prune
    """
    from extract.pipeline import load_nlp

    from .cache import DEFAULT_CACHE_NAME, pipeline_fingerprint, prune_cache

    path = Path(cache_path or Path(out_dir) / DEFAULT_CACHE_NAME)
    if not path.is_file():
        raise OSError(f"no cache at {path}")
    fingerprint = pipeline_fingerprint(load_nlp(model, gazetteer_dir=gazetteer_dir))
    result = prune_cache(path, _input_paths(inputs), fingerprint=fingerprint, max_article_chars=max_article_chars, apply=prune)
    for line in result.lines():
        click.echo(line)


def _input_paths(inputs) -> list:
    """The command line's inputs for :func:`extract.ingest.read_articles`: Path objects, so that every
    argument is a path or a pattern, never article text (build_graph takes a string with spaces that
    names no file for text: a missing "my notes.txt"). A URL stays a string, which Path would spoil
    (https:/...), so that it is reported as one; so does an empty argument, which Path makes ".".
    """
    return [p if "://" in p or not p else Path(p) for p in inputs]


class _Progress:
    """Build progress on stderr: a bar (articles, rate, time left) on a terminal, else a plain line
    every :data:`PROGRESS_EVERY` seconds; nothing with ``--quiet``."""

    def __init__(self, *, quiet: bool):
        stream = sys.stderr
        self.quiet, self.started = quiet, time.monotonic()
        self.last_line = self.started
        self.bar = None
        if not quiet and stream.isatty():
            try:
                size = os.get_terminal_size(stream.fileno())
                sized = size.columns > 0 and size.lines > 0
            except (OSError, ValueError, AttributeError):
                sized = False
            # a terminal that reports no size (a pty under `script`, some CI runners) would get a bar of
            # 0 columns and 0 rows, which tqdm never draws: give it a size
            self.bar = tqdm(unit=" articles", file=stream, leave=False, delay=0.5, dynamic_ncols=sized,
                            ncols=None if sized else 100, nrows=None if sized else 24)

    def __call__(self, done: int, total: int | None) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            if total != self.bar.total:
                self.bar.total = total
            self.bar.update(done - self.bar.n)
            return
        now = time.monotonic()
        if now - self.last_line >= PROGRESS_EVERY:
            self.last_line = now
            click.echo(progress_line(done, total, now - self.started), err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def progress_line(done: int, total: int | None, seconds: float) -> str:
    """One line of build progress, for logs.

    >>> progress_line(120, 1000, 8.0)
    'progress: 120/1,000 articles, 15.0 a second, about 59 s left'
    >>> progress_line(5, None, 0.0)
    'progress: 5 articles'
    """
    rate = done / seconds if seconds > 0 else 0.0
    if total is None or rate == 0:
        return f"progress: {done:,}{'' if total is None else f'/{total:,}'} articles"
    return f"progress: {done:,}/{total:,} articles, {rate:.1f} a second, about {(total - done) / rate:.0f} s left"


def _open_cache(cache_class, path):
    # a damaged cache is set aside and rebuilt, with this one line; other errors name the file themselves
    return cache_class(path, warn=lambda line: click.echo(f"newsgraph: warning: {line}", err=True))


def _check_writable(out: Path, cache_file: Path | None) -> None:
    """Fail in one line unless the build can write its outputs and its cache."""
    _check_folder_writable(out, "the output folder")
    if cache_file is not None:
        _check_folder_writable(cache_file.parent, "the cache's folder")
        if cache_file.exists() and not os.access(cache_file, os.W_OK):
            raise OSError(f"cannot write the cache {cache_file} (read-only); make it writable, or build with --no-cache")


def _check_folder_writable(folder: Path, what: str) -> None:
    """Fail in one line unless files can be created in ``folder`` (or, if missing, in the folder it would
    be made in), without leaving anything behind."""
    existing = folder
    while not existing.is_dir():
        if existing.exists():  # a file where a folder is needed
            raise OSError(f"cannot write to {what} {folder}: {existing} is a file; nothing was built")
        if existing.parent == existing:
            break
        existing = existing.parent
    try:
        fd, probe = tempfile.mkstemp(dir=existing, prefix=".newsgraph-probe.", suffix=".tmp")
    except OSError as exc:
        raise OSError(f"cannot write to {what} {folder}: {(exc.strerror or str(exc)).lower()}; "
                      "nothing was built") from None
    os.close(fd)
    os.unlink(probe)


def _write_html(G, path, inputs=(), max_nodes=MAX_PAGE_NODES, report=None):
    """Write the build's page; a capped page is recorded in ``report.page`` (report.json, the summary).
    (Positional: tests stand in for it with ``lambda G, path, *rest``.)"""
    from .render import corpus_name, write_html

    capped = write_html(G, path, corpus=corpus_name(inputs), max_nodes=max_nodes,
                        source=str(Path(path).with_name("graph.json")))
    if report is not None:
        report.page = capped


def _summary(report, G, out) -> str:
    summary = build_module.graph_summary(G)
    lines = [
        f"articles: {report.articles} read, {len(report.skipped)} skipped",
        "entities: " + (", ".join(f"{k} {v}" for k, v in summary["entities"].items()) or "none"),
        "relations: " + (", ".join(f"{k} {v}" for k, v in summary["relations"].items()) or "none"),
        f"deals: {summary['deals']}",
        f"time: {report.seconds:.1f} s",
        f"wrote {out}/graph.json, graph.graphml, graph.html, merges.csv, report.json",
    ]
    if report.page:
        lines.append(f"graph.html: {report.page['note']}")
    return "\n".join(lines)


@main.command("eval")
@click.argument("graph_json", type=BuiltFile(exists=True, dir_okay=False))
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold file (SCHEMA.md format).")
@click.option("-v", "--verbose", is_flag=True, help="List every miss and false positive.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--neutral-unscored", is_flag=True,
              help="An edge to a product, organization, publication or place node that no gold entity names "
                   "is neither right nor wrong (as score.py --neutral-unscored); by default it is a false positive.")
@click.option("--by-relation", is_flag=True, help="Also score each relation type (leads, invests_in...) on its own.")
def eval_command(graph_json, gold, verbose, as_json, neutral_unscored, by_relation):
    """Score a built graph.json against a gold file: precision, recall, F1 and the misses.

    \b
    Example:  newsgraph eval --gold data/gold.json out/graph.json -v
    """
    result = evaluate_files(gold, graph_json, neutral_unscored=neutral_unscored)
    click.echo(json.dumps(result.as_dict(by_relation=by_relation), indent=2) if as_json
               else format_report(result, verbose=verbose, by_relation=by_relation))
    found = result.entity.tp / (result.entity.tp + result.entity.fn) if result.entity.tp + result.entity.fn else 1.0
    if found < LOW_GOLD_MATCH:  # most likely the gold of another corpus: the scores mean nothing
        click.echo(f"warning: only {found:.0%} of the gold's entities are in the graph: is {gold} the gold "
                   f"of the articles built into {graph_json}?", err=True)


#: Below this share of gold entities found, eval warns that the gold may be another corpus's.
LOW_GOLD_MATCH = 0.25


@main.command()
@click.argument("graph_json", type=BuiltFile(exists=True, dir_okay=False))
@click.option("-o", "--out", "out_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="The HTML file to write; - for standard output.  [default: view.html beside GRAPH_JSON]")
@click.option("--focus", help="Show only this entity's neighbourhood (id, name or alias).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0), help="Hops around --focus.")
@click.option("--types", callback=lambda ctx, param, value: _names(param, value, NODE_TYPES),
              help="Comma-separated node types to keep, e.g. company,person.")
@click.option("--relations", callback=lambda ctx, param, value: _names(param, value, EDGE_RELATIONS),
              help="Comma-separated relations to keep, e.g. develops,competes_with.")
@click.option("--max-nodes", metavar="N", default=MAX_PAGE_NODES, show_default=True, type=click.IntRange(0),
              help="Embed at most the N most mentioned of what --focus/--types/--relations leave; 0: all.")
def render(graph_json, out_path, focus, depth, types, relations, max_nodes):
    """Render a saved graph.json as the interactive HTML viewer, without rebuilding.

    \b
    Examples:
      newsgraph render out/graph.json --focus Microsoft --depth 2 -o microsoft.html
      newsgraph render out/graph.json --types company,model --relations develops
    """
    from .render import write_html

    target = out_path or str(Path(graph_json).parent / "view.html")
    capped = []
    _write(lambda path: capped.append(write_html(read_json(graph_json), path, focus=focus, depth=depth, types=types,
                                                 relations=relations, max_nodes=max_nodes, source=graph_json)),
           target, "view.html")
    if capped and capped[0]:
        click.echo(capped[0]["note"], err=True)


#: What --types and --relations accept: the node types and edge relations of SCHEMA.md.
NODE_TYPES = (*ENTITY_TYPES, "deal")
EDGE_RELATIONS = (*RELATIONS, "party")


def _names(param, value: str | None, valid) -> list[str] | None:
    """A comma-separated option as a list; an unknown name is a usage error that lists the valid ones."""
    if not value:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    for name in names:
        if name not in valid:
            close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise click.BadParameter(f"unknown {param.name.rstrip('s')} {name!r}{hint}; one of: {', '.join(valid)}",
                                     param=param)
    return names


def _write(writer, target: str, name: str) -> None:
    """Run ``writer(path)`` for ``target``; ``-`` writes to standard output through a temporary file."""
    if target != "-":
        writer(target)
        # into a device, pipe or /dev/stdout the note would land in the data: it goes to stderr there
        into_stream = target.startswith(("/dev/", "/proc/")) or (os.path.exists(target) and not os.path.isfile(target))
        click.echo(f"wrote {target}", err=into_stream)
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-") as folder:
        path = Path(folder) / name
        writer(path)
        sys.stdout.flush()
        sys.stdout.buffer.write(path.read_bytes())
        sys.stdout.buffer.flush()


EXPORT_FORMATS = {
    "json": ("graph.json", "write_json"),
    "graphml": ("graph.graphml", "write_graphml"),
    "gexf": ("graph.gexf", "write_gexf"),
    "csv": ("csv", "write_csv"),
    "neo4j": ("graph.cypher", "write_neo4j"),
}


@main.command()
@click.argument("graph_json", type=BuiltFile(exists=True, dir_okay=False))
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(sorted(EXPORT_FORMATS)),
              help="json (node-link), graphml/gexf (Gephi), csv (nodes.csv + edges.csv), neo4j (Cypher script).")
@click.option("-o", "--out", "out_path", type=click.Path(allow_dash=True),
              help="Output file (a folder for csv), - for standard output. Default: beside GRAPH_JSON.")
def export(graph_json, fmt, out_path):
    """Export a built graph.json to another format.

    \b
    Examples:
      newsgraph export out/graph.json --format gexf
      newsgraph export out/graph.json --format neo4j -o graph.cypher   # then: cypher-shell -f graph.cypher
    """
    from . import io as graph_io

    default_name, writer = EXPORT_FORMATS[fmt]
    if out_path == "-" and fmt == "csv":
        raise click.BadParameter("csv writes a folder (nodes.csv, edges.csv, metadata.json), not standard output",
                                 param_hint="'-o'")
    target = out_path or str(Path(graph_json).parent / default_name)
    G = read_json(graph_json)
    _write(lambda path: getattr(graph_io, writer)(G, path), target, default_name)


@main.command()
@click.argument("graph_json", type=BuiltFile(exists=True, dir_okay=False))
@click.option("--top", default=10, show_default=True, type=click.IntRange(0), help="How many most-mentioned entities to list.")
def stats(graph_json, top):
    """Counts of a built graph: entities per type, relations per type, deals, most-mentioned entities.

    \b
    Example:  newsgraph stats out/graph.json --top 5
    """
    G = read_json(graph_json)
    summary = build_module.graph_summary(G)
    click.echo(f"articles: {G.graph.get('article_count', 'unknown')}")
    click.echo("entities: " + (", ".join(f"{k} {v}" for k, v in summary["entities"].items()) or "none"))
    click.echo("relations: " + (", ".join(f"{k} {v}" for k, v in summary["relations"].items()) or "none"))
    click.echo(f"deals: {summary['deals']}")
    ranked = sorted(((d.get("mentions", 0), n) for n, d in G.nodes(data=True) if d.get("type") != "deal"),
                    key=lambda x: (-x[0], x[1]))[:top]
    for mentions, n in ranked:
        click.echo(f"  {mentions:5d}  {G.nodes[n].get('name', n)} ({G.nodes[n].get('type')})")


@main.command("rules")
@click.option("--relation", metavar="R", help="Only the rules that yield this relation or deal kind, e.g. founded.")
@click.option("--json", "as_json", is_flag=True, help="Print every rule record, examples included, as JSON.")
def rules_command(relation, as_json):
    """List the extraction rules: name, what they yield, confidence, kind and first example.

    \b
    Examples:
      newsgraph rules
      newsgraph rules --relation founded
    """
    import dataclasses
    import json

    from extract.rules import rules_for

    try:
        rules = rules_for(relation)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(r) for r in rules], indent=2, ensure_ascii=False))
        return
    for rule in rules:
        example = rule.examples[0]
        text = " ".join(example.text.split())
        gives = "; ".join(" ".join(fact) for fact in example.gives) or "(gives nothing)"
        click.echo(f"{rule.name:<32} {rule.confidence:.2f}  {rule.kind:<10} {', '.join(rule.yields)}")
        click.echo(f"    {text[:150]}" + ("..." if len(text) > 150 else ""))
        click.echo(f"    -> {gives}")
    click.echo(f"{len(rules)} rules")


if __name__ == "__main__":  # pragma: no cover
    main()
