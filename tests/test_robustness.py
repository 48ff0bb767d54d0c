"""A build never loses data: bad inputs are built or reported, errors are one line with
the right exit code, and a build killed at any moment leaves the previous outputs intact.

``newsgraph build`` runs here both in-process (click's ``CliRunner``) and as a real
process (``python -m graph.cli``), because only a real process can be killed by SIGKILL
and shows what a user's terminal shows.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.ingest import ARTICLE_SUFFIXES, read_articles
from extract.pipeline import extract, load_nlp, split_text
from extract.records import Article, Skip
from graph.cli import main

REPO = Path(__file__).resolve().parents[1]
BAD = REPO / "tests" / "data" / "bad"
ARTICLES = REPO / "data" / "articles"
OUTPUTS = ("graph.json", "graph.graphml", "graph.html", "merges.csv", "report.json")
#: Words for generated articles: capitalised names among lower-case words, no punctuation.
WORDS = ("nvidia", "Nvidia", "chips", "Jensen", "Huang", "data", "center", "revenue", "OpenAI", "model",
         "Microsoft", "invests", "in", "the", "and", "rose", "TSMC", "fabs", "Arizona", "Apple", "Llama")


def newsgraph(*args, timeout=600, **kwargs) -> subprocess.CompletedProcess:
    """``newsgraph ARGS`` as a real process with this interpreter."""
    return subprocess.run([sys.executable, "-m", "graph.cli", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, **kwargs)


def no_traceback(*texts: str) -> bool:
    return not any("Traceback" in text or re.search(r'File ".*", line \d+', text) for text in texts)


# --------------------------------------------------------------------------- the bad corpus


def _long_line(size: int, seed: int) -> str:
    """One line of ``size`` characters: words and spaces, not a single punctuation mark."""
    rng = random.Random(seed)
    words, length = [], 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size].rstrip()


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    """tests/data/bad plus what cannot live in git: a 200 KB line, unreadable files, broken
    and looping symlinks, a named pipe, random bytes, and a folder named like an article."""
    root = tmp_path_factory.mktemp("bad") / "bad corpus"
    shutil.copytree(BAD, root, symlinks=True)
    (root / "one_long_line.txt").write_text(_long_line(200_000, 1), encoding="utf-8")
    (root / "one_long_word.md").write_text("Nvidia" + "x" * 50_000 + " said OpenAI rose.", encoding="utf-8")
    unreadable = root / "unreadable.txt"
    unreadable.write_text("Apple plans a foldable iPhone, Tim Cook said.", encoding="utf-8")
    os.chmod(unreadable, 0)
    (root / "broken_link.txt").symlink_to(root / "deleted_long_ago.txt")
    (root / "self_loop.md").symlink_to(root / "self_loop.md")
    (root / "ping.txt").symlink_to(root / "pong.txt")
    (root / "pong.txt").symlink_to(root / "ping.txt")
    (root / "nested" / "up").symlink_to(root)
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "named_pipe.txt")  # reading it would block the build forever
    (root / "random_bytes.txt").write_bytes(random.Random(3).randbytes(5000))
    (root / "folder.txt").mkdir()
    (root / "folder.txt" / "inside.txt").write_text("Arm sued Qualcomm over licences.", encoding="utf-8")
    yield root
    os.chmod(unreadable, 0o644)  # so that pytest can remove its temporary folders


def _article_entries(root: Path) -> set[str]:
    """Every file-like entry under ``root`` that a folder build must account for (symlinks
    included, whatever they point to; hidden names and other extensions are not read)."""
    found = set()
    for folder, dirs, files in os.walk(root):  # does not follow symlinked folders
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                found.add(os.path.join(folder, name))
    return found


def _check_bad_corpus_build(root: Path, out: Path, exit_code: int, stdout: str, stderr: str) -> None:
    assert exit_code == 0, stderr
    assert no_traceback(stdout, stderr), stderr
    records = list(read_articles([root]))
    articles = [r for r in records if isinstance(r, Article)]
    skips = [r for r in records if isinstance(r, Skip)]
    # Every entry of the corpus is either read or reported; none is silently lost.
    covered = {re.sub(r":\d+$", "", r.path) for r in records}
    missing = {p for p in _article_entries(root) if p not in covered and p.rstrip("/") not in covered}
    assert not missing, missing
    # ... and the build agrees with the reader: built articles in graph.json, skips in
    # report.json and on stderr, each with its path and a one-line reason.
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert set(graph["graph"]["articles"]) == {a.id for a in articles}
    assert graph["graph"]["article_count"] == len(articles)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles_read"] == len(articles) and report["articles_skipped"] == len(skips)
    assert report["skipped"] == [{"path": s.path, "reason": s.reason} for s in skips]
    for skip in skips:
        assert skip.reason.strip() and "\n" not in skip.reason and "Traceback" not in skip.reason
        assert f"skipped {skip.path}: {skip.reason}\n" in stderr
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name


def test_bad_corpus_through_cli_runner(bad_corpus, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(bad_corpus), "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    _check_bad_corpus_build(bad_corpus, out, result.exit_code, result.stdout, result.stderr)
    assert "articles: " in result.stdout


def test_bad_corpus_through_a_real_process(bad_corpus, tmp_path):
    out = tmp_path / "out"
    proc = newsgraph("build", bad_corpus, "-o", out, "--jobs", "2")
    _check_bad_corpus_build(bad_corpus, out, proc.returncode, proc.stdout, proc.stderr)


def test_every_bad_file_named_on_the_command_line(bad_corpus, tmp_path):
    # Named one by one, files with other extensions (notes.csv) are read as text too.
    # (all but the 200 KB line, which the folder builds above parse already)
    names = sorted(Path(folder, name) for folder, _, files in os.walk(bad_corpus) for name in files
                   if name != "one_long_line.txt")
    assert len(names) > 40
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", *map(str, names), "-o", str(out), "-q"])
    assert result.exit_code == 0 and no_traceback(result.output), result.output
    assert result.stdout == ""  # -q: only the skips, on stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    reported = {s["path"] for s in report["skipped"]}
    built = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["articles"]
    for path in names:
        for record in read_articles([path]):  # the file alone: its articles, or why not
            if isinstance(record, Skip):
                assert record.path in reported, record
            else:  # built, or reported as a duplicate of an id given earlier on the line
                assert record.id in built or record.path in reported, record
    assert len(built) + len(reported) == report["articles_read"] + report["articles_skipped"]


def test_unreadable_file_is_reported_unless_running_as_root(bad_corpus, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(bad_corpus / "unreadable.txt"), str(ARTICLES / "xai_grok_2.txt"),
                                       "-o", str(out)])
    assert result.exit_code == 0 and no_traceback(result.output), result.output
    articles = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["articles"]
    if os.geteuid() == 0:  # root reads any file: chmod 0 stops nothing
        assert "unreadable.txt" in articles
    else:
        assert f"skipped {bad_corpus / 'unreadable.txt'}: permission denied" in result.stderr
        assert "unreadable.txt" not in articles
    assert "xai_grok_2.txt" in articles


def test_strict_writes_the_outputs_then_exits_1_with_one_line(bad_corpus, tmp_path):
    out = tmp_path / "out"
    proc = newsgraph("build", bad_corpus / "empty.txt", ARTICLES / "xai_grok_2.txt", "-o", out, "--strict", "-q")
    assert proc.returncode == 1 and no_traceback(proc.stdout, proc.stderr)
    assert proc.stderr.splitlines() == [f"skipped {bad_corpus / 'empty.txt'}: empty file",
                                        "newsgraph: error: 1 input(s) skipped (--strict)"]
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["article_count"] == 1
    ok = newsgraph("build", ARTICLES / "xai_grok_2.txt", "-o", out, "--strict", "-q")
    assert ok.returncode == 0 and ok.stderr == "", ok.stderr


# --------------------------------------------------------------------------- long texts


def test_split_text_cuts_a_long_line_at_spaces():
    line = _long_line(200_000, 5)
    pieces = split_text(line, 10_000)
    assert "".join(chunk for _, chunk in pieces) == line
    assert all(line[offset:offset + len(chunk)] == chunk for offset, chunk in pieces)
    assert all(len(chunk) <= 10_000 for _, chunk in pieces)
    assert all(chunk.endswith(" ") for _, chunk in pieces[:-1])  # no word cut in two
    assert len(pieces) < 25


def test_split_text_cuts_a_line_without_spaces_anywhere():
    blob = "x" * 25_000
    pieces = split_text(blob, 10_000)
    assert [(offset, len(chunk)) for offset, chunk in pieces] == [(0, 10_000), (10_000, 10_000), (20_000, 5_000)]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_text_above_max_length_is_split_on_paragraphs_with_offsets_into_the_whole(nlp):
    paragraph = ("Nvidia's CEO Jensen Huang said Nvidia will invest $2 billion in Acme Robotics Inc. "
                 "OpenAI released GPT-4o.\n\n")
    text = paragraph * 40 + _long_line(3_000, 6) + "\n\nMicrosoft agreed to acquire Zorblax for $120 million.\n"
    article = Article("long.txt", text)
    saved = nlp.max_length
    nlp.max_length = 1_000  # many chunks, a 3,000-character line cut at spaces among them
    try:
        [split] = extract(nlp, [article])
    finally:
        nlp.max_length = saved
    assert len(split_text(text, 1_000)) >= 7
    assert split.article is article
    assert sum(m.text == "Jensen Huang" and m.end <= len(paragraph) * 40 for m in split.mentions) == 40
    for m in split.mentions:
        assert text[m.start:m.end] == m.text
    for record in (*split.relations, *split.deals):
        assert text[record.evidence.start:record.evidence.end] == record.evidence.sentence
    assert any(m.text == "Zorblax" and m.start > len(paragraph) * 40 for m in split.mentions)


HUGE_PARAGRAPH = ("Nvidia said data-center revenue rose. Jensen Huang, Nvidia's chief executive, "
                  "said TSMC would build more fabs for Nvidia in Arizona.\n\n")


def _twenty_megabyte_article() -> str:
    return "Chip makers report\n\n" + HUGE_PARAGRAPH * (20_000_000 // len(HUGE_PARAGRAPH))


def test_twenty_megabyte_article_is_skipped_and_the_others_are_built(tmp_path):
    """By default the 20 MB article is reported as too long (it would take some 17 minutes
    to parse), in seconds, and the build goes on with the others."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    good = sorted(ARTICLES.glob("*.txt"))[:2]
    for path in good:
        shutil.copyfile(path, corpus / path.name)
    huge = corpus / "huge.txt"
    text = _twenty_megabyte_article()
    huge.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0 and no_traceback(result.output), result.output
    assert time.monotonic() - started < 60  # reading and skipping it takes about a second
    reason = f"article too long: {len(text):,} characters > 5,000,000 (raise with --max-article-chars)"
    assert f"skipped {huge}: {reason}\n" in result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["skipped"] == [{"path": str(huge), "reason": reason}]
    assert report["articles_read"] == len(good)
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert sorted(graph["graph"]["articles"]) == [path.name for path in good]


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("NEWSGRAPH_TEST_HUGE") != "1",
                    reason="parses 20 MB (20 minutes or more); set NEWSGRAPH_TEST_HUGE=1 to run it")
def test_twenty_megabyte_article_is_built(tmp_path):
    """The 20 MB article of the issue, end to end, without the article length limit: split
    for spaCy, parsed, one article.

    spaCy's small pipeline with our rules parses some 20,000 characters a second on one
    core (an article is parsed by one worker whatever ``--jobs`` says), so this is not part
    of the default run; the split itself is tested above on a lowered ``nlp.max_length``."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text(_twenty_megabyte_article(), encoding="utf-8")
    out = tmp_path / "out"
    proc = newsgraph("build", tmp_path / "in", "-o", out, "-j", "2", "-q", "--max-article-chars", "0",
                     timeout=6 * 3600)
    assert proc.returncode == 0 and no_traceback(proc.stdout, proc.stderr), proc.stderr
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    articles = graph["graph"]["articles"]
    assert list(articles) == ["huge.txt"] and articles["huge.txt"]["title"] == "Chip makers report"
    assert len(articles["huge.txt"]["text"]) > 19_000_000  # the text travels with the graph, for the viewer's reader
    nodes = {n["name"]: n for n in graph["nodes"]}
    assert nodes["Jensen Huang"]["mentions"] >= 20_000_000 // len(HUGE_PARAGRAPH)


# --------------------------------------------------------------------------- exit codes and messages


@pytest.mark.parametrize("args", [
    ["build"],                                           # no inputs
    ["build", "data/articles", "--jobs", "0"],
    ["build", "data/articles", "--no-such-option"],
    ["build", "data/articles", "--engine", "steam"],
    ["build", "data/articles", "--scheduler", "tcp://127.0.0.1:1"],  # needs --engine dask
    ["frobnicate"],
    ["eval", "no/such/graph.json", "--gold", "no/such/gold.json"],
])
def test_usage_errors_exit_2_without_traceback(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert no_traceback(result.output)
    assert "Error:" in result.stderr or "error:" in result.stderr


def test_output_folder_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "taken").write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(ARTICLES), "-o", str(tmp_path / "taken")])
    assert result.exit_code == 2 and no_traceback(result.output), result.output


def _one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert no_traceback(proc.stdout, proc.stderr), proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("newsgraph: error:")]
    assert len(lines) == 1 and proc.stderr.strip() == lines[0], proc.stderr
    return lines[0]


def test_unknown_model_is_one_line_exit_1_and_debug_shows_the_traceback(tmp_path):
    line = _one_line_error(newsgraph("build", ARTICLES, "-o", tmp_path / "out", "--model", "no_such_model_xyz"))
    assert "no_such_model_xyz" in line
    debug = newsgraph("--debug", "build", ARTICLES, "-o", tmp_path / "out", "--model", "no_such_model_xyz")
    assert debug.returncode == 1 and "Traceback" in debug.stderr
    assert not (tmp_path / "out" / "graph.json").exists()


def test_output_folder_under_a_file_is_one_line_exit_1(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    line = _one_line_error(newsgraph("build", ARTICLES / "xai_grok_2.txt", "-o", tmp_path / "file" / "out"))
    assert str(tmp_path / "file") in line or "directory" in line.lower() or "folder" in line.lower()


def test_unwritable_output_folder_is_one_line_exit_1(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into any folder")
    (tmp_path / "locked").mkdir()
    os.chmod(tmp_path / "locked", 0o500)
    try:
        _one_line_error(newsgraph("build", ARTICLES / "xai_grok_2.txt", "-o", tmp_path / "locked"))
    finally:
        os.chmod(tmp_path / "locked", 0o700)


def test_corrupt_cache_file_is_one_line_exit_1_or_rebuilt(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "cache.sqlite").write_bytes(b"this is not a SQLite database" * 100)
    proc = newsgraph("build", ARTICLES / "xai_grok_2.txt", "-o", out, "-q")
    if proc.returncode == 0:  # the cache was set aside and rebuilt: the graph is there
        assert no_traceback(proc.stdout, proc.stderr), proc.stderr
        assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["article_count"] == 1
    else:
        assert "cache" in _one_line_error(proc)


def test_eval_of_a_file_that_is_not_a_graph_is_one_line_exit_1(tmp_path):
    (tmp_path / "graph.json").write_text("{half a graph", encoding="utf-8")
    (tmp_path / "gold.json").write_text("[]", encoding="utf-8")
    _one_line_error(newsgraph("eval", tmp_path / "graph.json", "--gold", tmp_path / "gold.json"))


def test_all_inputs_missing_exits_1_lists_the_skips_and_writes_no_graph(tmp_path):
    # issue 14: an empty graph written with exit 0 hid the typo that caused it
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "missing.txt"), str(tmp_path / "none*.md"), "-o", str(out)])
    assert result.exit_code == 1 and no_traceback(result.output), result.output
    assert f"skipped {tmp_path / 'missing.txt'}: no such file or folder" in result.stderr
    assert "newsgraph: error: no articles read (2 input(s) skipped)" in result.stderr
    assert not (out / "graph.json").exists()


# --------------------------------------------------------------------------- SIGKILL at any moment


def _check_outputs_whole(out: Path) -> dict[str, int]:
    """Every output is absent or complete; returns the article count of each JSON output."""
    counts = {}
    graph = out / "graph.json"
    if graph.exists():
        counts["graph.json"] = json.loads(graph.read_text(encoding="utf-8"))["graph"]["article_count"]
    if (out / "graph.graphml").exists():
        ET.parse(out / "graph.graphml")
    html = out / "graph.html"
    if html.exists():
        assert html.read_text(encoding="utf-8").rstrip().endswith("</html>")
    if (out / "report.json").exists():
        counts["report.json"] = json.loads((out / "report.json").read_text(encoding="utf-8"))["articles_read"]
    if (out / "merges.csv").exists():
        text = (out / "merges.csv").read_text(encoding="utf-8")
        assert text == "" or text.endswith("\n")
    cache = out / "cache.sqlite"
    if cache.exists():
        with sqlite3.connect(cache) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()
    return counts


def _kill_when(proc: subprocess.Popen, out: Path, moment) -> str:
    """SIGKILL ``proc`` at ``moment``: seconds after start, or the name of a file event in ``out``."""
    started = time.monotonic()
    before = {name: _inode(out / name) for name in OUTPUTS}
    while proc.poll() is None and time.monotonic() - started < 300:
        if isinstance(moment, float):
            hit = time.monotonic() - started >= moment
        elif moment == "temp file":  # an output is being written
            hit = any(p.name.endswith(".tmp") for p in out.iterdir())
        else:  # "<name> replaced": that output was just renamed into place
            name = moment.split()[0]
            hit = _inode(out / name) != before[name]
        if hit:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return "killed"
        time.sleep(0.0005)
    proc.wait()
    return "finished"


def _inode(path: Path):
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


KILL_MOMENTS = [0.2, 0.5, 1.0, 1.5, 2.0, 3.0, "temp file", "graph.json replaced", "graph.graphml replaced",
                "graph.html replaced"]


def test_sigkill_at_any_moment_leaves_whole_outputs_and_the_next_build_completes(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in sorted(ARTICLES.glob("*.txt"))[:6]:
        shutil.copyfile(path, corpus / path.name)
    out = tmp_path / "out"
    first = newsgraph("build", corpus, "-o", out, "-q")
    assert first.returncode == 0, first.stderr
    assert _check_outputs_whole(out) == {"graph.json": 6, "report.json": 6}
    outcomes, previous = {}, 6
    for n, moment in enumerate(KILL_MOMENTS):
        # a new article every round, so that each build has something to parse and write
        (corpus / f"extra_{n}.txt").write_text(
            f"Acme Robotics {n} Inc. said Microsoft will invest ${n + 1} million in it. "
            f"Kim Lee{n}, the founder of Acme Robotics {n}, joined Nvidia.\n", encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(corpus), "-o", str(out), "-q"],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        outcomes[moment] = _kill_when(proc, out, moment)
        counts = _check_outputs_whole(out)
        # graph.json holds the last completed build or, killed after its rename, this one (7 + n articles)
        assert counts.get("graph.json") in (previous, 7 + n), (moment, previous, counts)
        previous = counts["graph.json"]
    killed = [m for m, outcome in outcomes.items() if outcome == "killed"]
    assert len(killed) >= 5, outcomes
    assert {"temp file", "graph.json replaced"} <= set(killed), outcomes
    final = newsgraph("build", corpus, "-o", out, "-q")
    assert final.returncode == 0 and no_traceback(final.stdout, final.stderr), final.stderr
    assert _check_outputs_whole(out) == {"graph.json": 6 + len(KILL_MOMENTS), "report.json": 6 + len(KILL_MOMENTS)}
    # Temporary files of killed builds are hidden (.name.xxx.tmp), never read as outputs,
    # and a folder build does not read hidden files.
    assert all(p.name.startswith(".") for p in out.iterdir() if p.name.endswith(".tmp"))
    clean = tmp_path / "clean"
    assert newsgraph("build", corpus, "-o", clean, "-q", "--no-cache").returncode == 0
    assert (clean / "graph.json").read_bytes() == (out / "graph.json").read_bytes()
