"""The ``newsgraph`` command: each subcommand is a thin wrapper over one library call.

Library errors become one-line messages (exit 1 for failed work, 2 for usage errors);
``--debug`` shows the traceback instead.
"""
from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from extract.gazetteer import GazetteerError
from extract.ingest import DEFAULT_MAX_ARTICLE_CHARS
from extract.pipeline import DEFAULT_MODEL, ModelError

from . import build as build_module
from .evaluate import GoldFormatError, GraphFormatError, evaluate_files, format_report
from .io import atomic_write_text, read_json, write_graphml, write_json
from .resolve import write_merges_csv

EXPECTED_ERRORS = (OSError, ModelError, GazetteerError, GoldFormatError, GraphFormatError, ValueError, sqlite3.Error)


class _Group(click.Group):
    """Turns expected library errors into one line on stderr, unless --debug."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except EXPECTED_ERRORS as exc:
            if ctx.params.get("debug") or ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"newsgraph: error: {exc}", err=True)
            ctx.exit(1)


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
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def build(inputs, out_dir, model, jobs, engine, scheduler, cache_path, no_cache, strict, max_article_chars, quiet):
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
    cache = None if no_cache else _open_cache(ExtractionCache, Path(cache_path or Path(out_dir) / DEFAULT_CACHE_NAME))
    # a progress bar on a terminal, shown only once a build has run for a second
    bar = tqdm(unit=" articles", delay=1.0, disable=quiet or not sys.stderr.isatty(), leave=False)
    try:
        # Path objects: every argument is a path or a pattern, never article text (build_graph
        # takes a string with spaces that names no file for text: a missing "my notes.txt").
        G = build_module.build_graph([Path(p) for p in inputs], model=model, jobs=jobs, report=report, engine=engine,
                                     scheduler=scheduler, cache=cache, progress=bar.update,
                                     max_article_chars=max_article_chars)
    finally:
        bar.close()
        if cache is not None:
            cache.close()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_json(G, out / "graph.json")
    write_graphml(G, out / "graph.graphml")
    _write_html(G, out / "graph.html", inputs)
    write_merges_csv(report.resolution, out / "merges.csv")
    atomic_write_text(out / "report.json", json.dumps(report.as_dict(G), indent=1, ensure_ascii=False) + "\n")
    for skip in report.skipped:
        click.echo(f"skipped {skip.path}: {skip.reason}", err=True)
    for article, warning in report.warnings:
        click.echo(f"warning {article}: {warning}", err=True)
    if not quiet:
        click.echo(_summary(report, G, out))
        if cache is not None:
            click.echo(f"cache: {cache.hits} article(s) reused, {cache.stored} extracted ({cache.path})")
    if strict and report.skipped:
        click.echo(f"newsgraph: error: {len(report.skipped)} input(s) skipped (--strict)", err=True)
        sys.exit(1)


def _open_cache(cache_class, path):
    try:
        return cache_class(path)
    except sqlite3.Error as exc:  # not a SQLite file, locked by another build...: say which file
        raise sqlite3.DatabaseError(f"cannot use the cache {path}: {exc} (delete it, or build with --no-cache)") from None


def _write_html(G, path, inputs=()):
    from .render import corpus_name, write_html

    write_html(G, path, corpus=corpus_name(inputs))


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
    return "\n".join(lines)


@main.command("eval")
@click.argument("graph_json", type=click.Path(exists=True, dir_okay=False))
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold file (SCHEMA.md format).")
@click.option("-v", "--verbose", is_flag=True, help="List every miss and false positive.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def eval_command(graph_json, gold, verbose, as_json):
    """Score a built graph.json against a gold file: precision, recall, F1 and the misses.

    \b
    Example:  newsgraph eval --gold data/gold.json out/graph.json -v
    """
    result = evaluate_files(gold, graph_json)
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else format_report(result, verbose=verbose))


@main.command()
@click.argument("graph_json", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out", "out_path", default="view.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--focus", help="Show only this entity's neighbourhood (id, name or alias).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0), help="Hops around --focus.")
@click.option("--types", help="Comma-separated node types to keep, e.g. company,person.")
@click.option("--relations", help="Comma-separated relations to keep, e.g. develops,competes_with.")
def render(graph_json, out_path, focus, depth, types, relations):
    """Render a saved graph.json as the interactive HTML viewer, without rebuilding.

    \b
    Examples:
      newsgraph render out/graph.json -o view.html
      newsgraph render out/graph.json --focus Microsoft --depth 2 -o microsoft.html
      newsgraph render out/graph.json --types company,model --relations develops
    """
    from .render import write_html

    split = lambda value: [v.strip() for v in value.split(",") if v.strip()] if value else None  # noqa: E731
    write_html(read_json(graph_json), out_path, focus=focus, depth=depth, types=split(types), relations=split(relations))
    click.echo(f"wrote {out_path}")


EXPORT_FORMATS = {
    "json": ("graph.json", "write_json"),
    "graphml": ("graph.graphml", "write_graphml"),
    "gexf": ("graph.gexf", "write_gexf"),
    "csv": ("csv", "write_csv"),
    "neo4j": ("graph.cypher", "write_neo4j"),
}


@main.command()
@click.argument("graph_json", type=click.Path(exists=True, dir_okay=False))
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(sorted(EXPORT_FORMATS)),
              help="json (node-link), graphml/gexf (Gephi), csv (nodes.csv + edges.csv), neo4j (Cypher script).")
@click.option("-o", "--out", "out_path", type=click.Path(), help="Output file (a folder for csv). Default: beside GRAPH_JSON.")
def export(graph_json, fmt, out_path):
    """Export a built graph.json to another format.

    \b
    Examples:
      newsgraph export out/graph.json --format gexf
      newsgraph export out/graph.json --format neo4j -o graph.cypher   # then: cypher-shell -f graph.cypher
    """
    from . import io as graph_io

    default_name, writer = EXPORT_FORMATS[fmt]
    target = Path(out_path) if out_path else Path(graph_json).parent / default_name
    getattr(graph_io, writer)(read_json(graph_json), target)
    click.echo(f"wrote {target}")


@main.command()
@click.argument("graph_json", type=click.Path(exists=True, dir_okay=False))
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


if __name__ == "__main__":  # pragma: no cover
    main()
